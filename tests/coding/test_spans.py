"""Sentence mode: the source and target spans follow how who-did-what-to-whom annotators
mark actors (whole noun phrases, things as well as actors, no time phrases)."""

from __future__ import annotations

import pytest


def _spans(coder, sentence: str) -> tuple[str | None, str | None, str | None]:
    (result,) = coder.code_sentences([sentence], partial=True)
    if result is None:
        return None, None, None
    src = sentence[slice(*result.source_span)] if result.source_span else None
    tgt = sentence[slice(*result.target_span)] if result.target_span else None
    return result.event.cameo, src, tgt


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # a thing as target, with its locative post-modifier, without the time phrase
        ("Iraqi troops launched an assault on the last ISIS group bastion in the country on Thursday.",
         "Iraqi troops", "the last ISIS group bastion in the country"),
        # time phrases stay out of the source
        ("Russian police on Saturday detained dozens of supporters of opposition leader Alexei Navalny.",
         "Russian police", "dozens of supporters of opposition leader Alexei Navalny"),
        ("Hours earlier Maduro expelled the top American diplomat.", "Maduro", "the top American diplomat"),
        # the recipient of what is given, not the gift
        ("Germany provided 6 million euros to Palestinian refugees in Lebanon.", "Germany",
         "Palestinian refugees in Lebanon"),
        # what a voiced concern is about
        ("China expressed concern about the North Korean standoff.", "China", "the North Korean standoff"),
        # an apposition belongs to the target
        ("Trump met Angela Merkel, the German chancellor, in Berlin.", "Trump", "Angela Merkel, the German chancellor"),
        # a passive verb: the agent is the source, the subject the target
        ("The base was stormed by Taliban militants.", "Taliban militants", "The base"),
    ],
)
def test_spans_follow_annotation_practice(coder, sentence, source, target):
    _, src, tgt = _spans(coder, sentence)
    assert src == source
    assert tgt == target


def test_purpose_clause_is_not_part_of_the_target(coder):
    code, _, tgt = _spans(coder, "Palestinian leaders rejected Donald Trump's decision to recognise Jerusalem as the capital.")
    assert code is not None and code.startswith("12")
    assert tgt == "Donald Trump's decision"


def test_storm_codes_an_assault_only_with_an_object(coder):
    code, src, tgt = _spans(coder, "Taliban militants stormed an army base in Kabul.")
    assert code == "190" and src == "Taliban militants" and tgt == "an army base in Kabul"
    assert _spans(coder, "The minister stormed out of the meeting.")[0] is None


def test_pronoun_target_gives_no_target_span(coder):
    (result,) = coder.code_sentences(["The rebels attacked it."], partial=True)
    assert result is not None and result.target_span is None


class _RecordingClassifier:
    """A stand-in classifier that records whether the coder handed it the parse."""

    def __init__(self) -> None:
        self.docs: list = []

    def predict_root(self, sentences, *, docs=None):
        self.docs.append(docs)
        return ["19" for _ in sentences]


def test_classifier_fallback_reuses_the_parse_and_reports_phrase_spans(coder):
    from detente.coding import Coder

    clf = _RecordingClassifier()
    fallback = Coder(classifier=clf)
    sentence = "Gunmen surrounded the barracks of the army on Monday."
    (result,) = fallback.code_sentences([sentence], partial=True)
    assert result is not None and result.event.note == "classifier" and result.event.root == "19"
    assert clf.docs and clf.docs[0] is not None and clf.docs[0][0].text == sentence
    assert sentence[slice(*result.source_span)] == "Gunmen"
    assert sentence[slice(*result.target_span)] == "the barracks of the army"
