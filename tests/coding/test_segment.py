"""Rule-based sentence splitting with stable offsets."""

from __future__ import annotations

from detente.coding.segment import MAX_SENTENCE_CHARS, split_sentences


def _texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_splits_on_sentence_ends_and_lines():
    text = "Russia attacked. Ukraine responded!\nTalks? Yes."
    assert _texts(text) == ["Russia attacked.", "Ukraine responded!", "Talks?", "Yes."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Putin met J.D. Vance on Feb. 18 in the U.S. Capitol. Then he left."
    assert _texts(text) == ["Mr. Putin met J.D. Vance on Feb. 18 in the U.S. Capitol.", "Then he left."]


def test_closing_quotes_stay_with_their_sentence():
    assert _texts("He said “No.” Then he left.") == ["He said “No.”", "Then he left."]


def test_indices_are_consecutive_and_spans_cover_text():
    text = "Aa bb. Cc dd.\n\nEe ff."
    spans = list(split_sentences(text))
    assert [s.index for s in spans] == [0, 1, 2]
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in spans)


def test_very_long_runs_are_cut():
    text = "word " * 3000
    spans = list(split_sentences(text))
    assert len(spans) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)


def test_empty_text():
    assert list(split_sentences("")) == []
    assert list(split_sentences("\n\n  \n")) == []
