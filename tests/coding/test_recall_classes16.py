"""Session 16's predicate classes of the "no predicate pattern" misses: one hand-written sentence per rule, coded
with its source, target and CAMEO root, and a near miss that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.parametrize("sentence", [
    "After his meeting with the Kenyan president, the Ugandan president told reporters that trade would grow.",
    "In her talks with the Kenyan foreign minister, the Ugandan foreign minister raised the pipeline.",
])
def test_a_meeting_of_the_subjects_own_sets_the_clause(coder, sentence):
    found = countries(coder, sentence)
    assert {("UGA", "KEN", "04"), ("KEN", "UGA", "04")} <= found


def test_the_speaker_reports_his_own_meeting(coder):
    found = countries(coder, "The Ugandan president said his meeting with the Kenyan president had opened a new chapter.")
    assert {("UGA", "KEN", "04"), ("KEN", "UGA", "04")} <= found


@pytest.mark.parametrize("sentence", [
    "After the meeting with the Kenyan president, the Ugandan president told reporters that trade would grow.",
    "The Ugandan president said the meeting with the Kenyan president had opened a new chapter.",
])
def test_a_definite_meeting_refers_back(coder, sentence):
    found = countries(coder, sentence)
    assert not {t for t in found if t[2] == "04"}


@pytest.mark.parametrize("sentence", [
    "The Ugandan president shook hands with his Kenyan counterpart at the summit on Sunday.",
    "The Ugandan and Kenyan presidents shook hands before the summit on Sunday.",
])
def test_a_handshake_of_two_named_leaders_is_their_meeting(coder, sentence):
    found = countries(coder, sentence)
    assert {("UGA", "KEN", "04"), ("KEN", "UGA", "04")} <= found


def test_a_handshake_with_no_one_named_is_no_meeting(coder):
    found = countries(coder, "The two leaders shook hands and smiled for the cameras.")
    assert not {t for t in found if t[2] == "04"}


def test_shaking_a_fist_is_no_meeting(coder):
    found = countries(coder, "The Ugandan president shook his fist at the Kenyan delegation.")
    assert not {t for t in found if t[2] == "04"}


def test_a_document_codes_the_sides_named_in_an_earlier_sentence(coder):
    # document mode skipped a sentence that names no actor unless it refers back ("the two sides", "they");
    # "the sides", "the countries" refer back too, as page mode already read them
    text = "Uganda and Kenya held talks in Nairobi on Monday. The sides accused each other of violating the border deal."
    events = coder.code_text(text, doc_id="d", date=WHEN)
    assert {(e.source[:3], e.target[:3], e.root) for e in events if e.sentence_index == 1} == {
        ("UGA", "KEN", "11"), ("KEN", "UGA", "11")}


@pytest.mark.parametrize("sentence", [
    "Uganda said Kenya's decision to close the border was unfair.",
    "The Ugandan foreign ministry said Kenya's new import tax is a breach of the customs union treaty.",
])
def test_a_reported_judgement_of_unfairness_is_criticism(coder, sentence):
    assert ("UGA", "KEN", "11") in countries(coder, sentence)


def test_a_judgement_of_fairness_is_no_criticism(coder):
    found = countries(coder, "Uganda said Kenya's decision to close the border was fair.")
    assert not {t for t in found if t[2] == "11"}
