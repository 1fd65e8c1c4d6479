"""Resolving noun phrases to actors: roles from head nouns."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding.arguments import with_role


def test_with_role():
    assert with_role("UKR", "officials") == "UKRGOV"
    assert with_role("UKR", "banana") == "UKR"
    assert with_role("USAGOV", "troops") == "USAGOV"


# -- "in X" after a noun of office or membership says whose it is --------------------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Officials in Armenia and Azerbaijan traded blame for the clashes.", ("ARMGOV", "AZEGOV")),
        ("Protesters in Hong Kong condemned China.", ("HKG", "CHN")),
        ("Rebels in Mali attacked French soldiers.", ("MLI", "FRAMIL")),
    ],
)
def test_people_in_a_place_belong_to_it(coder, sentence, pair):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert pair in [(r.event.source, r.event.target) for r in events]


@pytest.mark.nlp
def test_troops_in_a_place_are_not_that_places(coder):
    (events,) = coder.code_sentence_events(["Troops in Syria attacked a convoy."], date(2023, 6, 1), partial=True)
    assert all(r.event.source[:3] != "SYR" for r in events)
