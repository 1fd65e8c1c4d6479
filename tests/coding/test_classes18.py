"""Session 18's miss classes: one hand-written sentence per rule, coded with its source, target and CAMEO root,
and a near miss that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


def test_a_hyphenated_pair_before_an_attack_noun_names_both_attackers(coder):
    found = countries(coder, "The French-Italian raids on the rebel camps in Libya began at dawn.")
    assert {("FRA", "LBY", "19"), ("ITA", "LBY", "19")} <= found
    found = countries(coder, "The Dutch-Belgian strikes on Syria were condemned.")
    assert ("NLD", "SYR", "19") in found and ("BEL", "SYR", "19") in found


def test_one_state_before_an_attack_noun_acts_alone(coder):
    found = countries(coder, "The Dutch strikes on Syria were condemned.")
    assert ("NLD", "SYR", "19") in found and not any(s == "BEL" for s, _, _ in found)


@pytest.mark.parametrize("sentence", [
    "Norway called Sweden's offer constructive.",
    "Norway called the Swedish proposal fruitful.",
])
def test_a_call_with_a_word_of_approval_is_praise(coder, sentence):
    found = countries(coder, sentence)
    assert ("NOR", "SWE", "05") in found
    assert not any(r == "04" for _, _, r in found)


def test_a_call_with_a_complement_of_no_clear_tone_is_no_phone_call(coder):
    found = countries(coder, "China called Japan's plan technical.")
    assert not any(r == "04" for _, _, r in found)


def test_a_call_to_a_person_stays_a_phone_call(coder):
    found = countries(coder, "The Norwegian prime minister called the Swedish prime minister on Friday.")
    assert ("NOR", "SWE", "04") in found
