"""Session 20's attacks named by a noun (nouns20: nominals._struck_within, nominals._detached_target): an attack
noun whose object names no actor strikes the state the object lies in, and an "on" phrase the parse hung on the verb
above the noun is the noun's target. Hand-written sentences, each with a near miss that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2019, 3, 8)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oman condemned the British strikes on a number of Yemeni towns.", ("GBR", "YEM", "19")),
        ("Egypt condemned the Israeli strikes on a string of Syrian villages.", ("ISR", "SYR", "19")),
    ],
)
def test_an_attack_on_a_place_strikes_the_state_it_lies_in(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
def test_an_object_that_names_an_actor_keeps_it(coder):
    found = countries(coder, "Qatar condemned the Iranian attack on the Saudi embassy in Tehran.")
    assert ("IRN", "SAU", "19") in found
    assert ("IRN", "IRN", "19") not in found


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jordan condemned the Turkish strike on an airbase in Iraq.", ("TUR", "IRQ", "19")),
        ("Canada has thrown its support behind France's airstrike on a Malian government airfield.", ("FRA", "MLI", "19")),
        ("Kenya condemned the Ethiopian raid on a camp in Somalia.", ("ETH", "SOM", "19")),
    ],
)
def test_an_on_phrase_hung_on_the_verb_is_the_attacks_target(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
def test_a_date_after_the_noun_names_no_target(coder):
    assert not {t for t in countries(coder, "Jordan condemned the Turkish strike on Tuesday.") if t[2] == "19"}
