"""Tone (VADER) and quotations."""

from __future__ import annotations

import pytest

from detente.coding.quotes import find_quotes, inside, quotes_in
from detente.coding.tone import document_tone, sentence_tone


def test_sentence_tone_sign():
    pytest.importorskip("vaderSentiment")
    assert sentence_tone("The talks were a great success and everyone was happy.") > 0.3
    assert sentence_tone("The brutal attack killed dozens and caused terrible suffering.") < -0.3
    assert sentence_tone("") == 0.0


def test_document_tone_is_the_mean():
    assert document_tone([0.5, -0.1]) == pytest.approx(0.2)
    assert document_tone([]) is None


def test_quotes_straight_and_curly():
    text = 'Putin said “we are ready” and Trump said "no deal".'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["we are ready", "no deal"]
    assert text[quotes[0].start:quotes[0].end] == "we are ready"
    assert inside(quotes, text.index("ready")) is quotes[0]
    assert inside(quotes, 0) is None
    assert quotes_in(quotes, 0, 10) == []


def test_sentence_tone_is_cached_by_text():
    pytest.importorskip("vaderSentiment")
    from detente.coding import tone

    text = "The ministers praised the constructive talks."
    first = tone.sentence_tone(text)
    hits = tone._compound.cache_info().hits
    assert tone.sentence_tone(text) == first > 0
    assert tone._compound.cache_info().hits == hits + 1


def test_curly_single_quotes_and_the_apostrophe():
    text = "The envoy said ‘we will not sign’, and Kyiv’s reply was ‘no deal’."
    assert [q.text for q in find_quotes(text)] == ["we will not sign", "no deal"]
    # an apostrophe inside a word neither opens nor closes a quote
    assert find_quotes("Russia’s envoy and the states’ leaders don’t agree.") == []
    # a quote inside a double-quoted one is the outer quote's
    assert [q.text for q in find_quotes("“He said ‘never’ twice,” she wrote.")] == ["He said ‘never’ twice,"]
