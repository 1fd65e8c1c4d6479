"""Session 20's attacks named by a noun (nouns20): an attack noun whose object names no actor strikes the state the
object lies in (nominals._struck_within), an "on" phrase the parse hung on the verb above the noun is the noun's
target (nominals._detached_target), coordinated nationalities before the noun are each its author
(nominals._pair_before), and an attack noun the tagger read as a verb is read as a noun
(modifier_pairs.plural_noun_tagged_verb). Hand-written sentences, and near misses that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2019, 3, 8)

ATTACK_SENTENCES = [
    ("an object's state", "Oman condemned the British strikes on a number of Yemeni towns.", {("GBR", "YEM", "19")}),
    ("an object's state", "Egypt condemned the Israeli strikes on a string of Syrian villages.", {("ISR", "SYR", "19")}),
    ("a detached 'on'", "Jordan condemned the Turkish strike on an airbase in Iraq.", {("TUR", "IRQ", "19")}),
    ("a detached 'on'", "Canada has thrown its support behind France's airstrike on a Malian government airfield.",
     {("FRA", "MLI", "19")}),
    ("a detached 'on'", "Kenya condemned the Ethiopian raid on a camp in Somalia.", {("ETH", "SOM", "19")}),
    ("coordinated authors", "Egypt criticised the Turkish and Iranian attacks on Iraq.",
     {("TUR", "IRQ", "19"), ("IRN", "IRQ", "19")}),
    ("a noun tagged VBZ", "Jordanian Foreign Ministry spokesman Sufian Qudah strongly condemned the US and UK strikes on "
     "a number of Syrian towns.", {("USA", "SYR", "19"), ("GBR", "SYR", "19")}),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("rule", "sentence", "expected"), ATTACK_SENTENCES)
def test_each_reading_codes_the_attack(coder, rule, sentence, expected):
    assert expected <= countries(coder, sentence), rule


@pytest.mark.nlp
def test_an_object_that_names_an_actor_keeps_it(coder):
    sentence = "Qatar condemned the Iranian attack on the Saudi embassy in Tehran."  # not IRN -> IRN, the city's state
    assert {t for t in countries(coder, sentence) if t[2] == "19"} == {("IRN", "SAU", "19")}


@pytest.mark.nlp
def test_a_date_after_the_noun_names_no_target(coder):
    assert not {t for t in countries(coder, "Jordan condemned the Turkish strike on Tuesday.") if t[2] == "19"}
