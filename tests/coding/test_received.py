"""The receiving frame (coding/received.py): an act named by a noun, its target the subject of a verb of
receiving, its source a "from"/"by" phrase; never when not asserted."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import received

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)


def _triples(coder, sentence, *, partial=False):
    return asserted_countries(coder, sentence, WHEN, partial=partial)


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Spain received an official call for aid from Morocco on Sunday.", ("MAR", "ESP", "023")),
    ("Beijing drew sharp criticism from Washington over the drills.", ("USA", "CHN", "111")),
    ("The Philippine navy came under fire from Chinese vessels.", ("CHN", "PHL", "190")),
    ("Japan received an invitation from China to attend the summit.", ("CHN", "JPN", "036")),
    ("Ukraine received condolences from Poland.", ("POL", "UKR", "018")),
    ("Armenia faced fresh pressure from Azerbaijan over the border.", ("AZE", "ARM", "100")),
])
def test_the_act_goes_from_the_from_phrase_to_the_subject(coder, sentence, expected):
    if expected[2].startswith("01"):  # a statement is found, then kept apart (coding/abstention.py)
        assert expected not in _triples(coder, sentence)
        assert expected in _triples(coder, sentence, partial=True)
    else:
        assert expected in _triples(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Kenya did not receive any request from Uganda.",  # negated
    "Kenya hopes to receive an invitation from Uganda.",  # governed: not (yet) an act
    "Kenya may receive a visit from Uganda next month.",  # modal
    "Kenya will receive an invitation from Uganda.",  # future
    "Russia faces sanctions from the EU if it invades.",  # a prospect
    "Chile received praise from nobody in particular.",  # no actor after "from"
])
def test_nothing_that_is_not_asserted(coder, sentence):
    (results,) = coder.code_sentence_events([sentence], WHEN)
    from_actor_to_subject = [r.event for r in results if r.event.note != "classifier" and not r.event.negated
                             and (r.event.source[:3], r.event.target[:3]) in {("UGA", "KEN"), ("EUR", "RUS")}]
    assert from_actor_to_subject == []


def test_the_codes_come_from_the_verb_table():
    from detente.coding import patterns as P

    for noun, (verb, family) in received.NOMINALISATIONS.items():
        assert P.match(verb, set(), {family} if family else set()) is not None, noun


@pytest.mark.nlp
def test_no_act_received_from_ones_own_organisation(coder):
    """Both sides must be of different parties by :func:`detente.actors.country_of` (session 18): the African
    Union (`AU`) and its commission (`AUGOV`) are one, though their first three letters differ."""
    sentence = "The African Union Commission drew sharp criticism from the African Union."
    (results,) = coder.code_sentence_events([sentence], WHEN)
    assert not [r for r in results if {r.event.source, r.event.target} == {"AU", "AUGOV"}]
    assert ("AU", "KEN", "111") in _triples(coder, "Kenya drew sharp criticism from the African Union.")
