"""The session-13 verbal classes (patterns.VERBAL_FAMILIES, roots 02-05 and 09-14): one hand-written sentence per
class, coded with its source, target and CAMEO code, and the frames that must keep their old reading."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import patterns as P

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

FAMILY_SENTENCES = [
    ("04 dialogue as a verb", "The Angolan president went to Rwanda to dialogue with Paul Kagame.",
     ("AGO", "RWA", "040")),
    ("11 objections raised", "Germany raised objections to the Polish request.", ("DEU", "POL", "110")),
    ("11 speaking against", "The Chinese foreign ministry spoke out against the decision of Lithuania.",
     ("CHN", "LTU", "111")),
    ("11 sounding the alarm", "Australia sounded the alarm over the Chinese military base in Cambodia.",
     ("AUS", "CHN", "110")),
    ("13 vowing a response", "China vowed a firm response to the American sanctions.", ("CHN", "USA", "130")),
    ("13 vowing a response", "North Korea warned of a strong response to the South Korean drills.",
     ("PRK", "KOR", "130")),
]


def _triples(coder, sentence):
    return asserted_countries(coder, sentence, WHEN)


@pytest.mark.nlp
@pytest.mark.parametrize(("family", "sentence", "expected"), FAMILY_SENTENCES)
def test_each_verbal_family_codes_its_sentence(coder, family, sentence, expected):
    assert family in P.VERBAL_FAMILIES
    assert expected in _triples(coder, sentence)


def test_every_verbal_family_has_a_sentence_here():
    assert {family for family, _, _ in FAMILY_SENTENCES} == set(P.VERBAL_FAMILIES)


def test_the_verbal_codes_stay_in_their_roots():
    for family, spec in P.VERBAL_FAMILIES.items():
        assert {p.code[:2] for p in P._p(spec)} == {family.split()[0]}, family


def test_the_verbal_frames_keep_the_other_readings():
    assert P.match("speak", {"with"}, set()).code == "041"  # "spoke with X" stays a call
    assert P.match("boycott", set(), {"talks"}).code == "143"  # "would boycott contacts" stays 133 (tried, dropped)
    assert P.match("leave", {"for"}, set()) is None  # "left the capital for home": no visit (measured, dropped)
    assert P.match("raise", set(), {"tariffs"}).code == "163"  # "raised tariffs" keeps its 16
    assert P.match("pledge", set(), {"response"}).code == "030"  # "pledged a response" (to a disaster) stays a pledge


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Canada sent back the turbine at the request of Germany.", ("DEU", "CAN", "020")),
    ("Rwanda deployed a thousand soldiers at the request of Mozambique.", ("MOZ", "RWA", "020")),
    ("Chile returned the paintings to Peru at Lima's request.", ("PER", "CHL", "020")),
])
def test_an_act_at_the_request_of_x_is_x_asking_the_actor(coder, sentence, expected):
    assert expected in _triples(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "The executive was arrested in Canada at the request of the United States.",  # passive: the actor is not named
    "Canada will send back the turbines at Germany's request.",  # still to come
])
def test_no_request_without_an_active_actor_or_a_real_act(coder, sentence):
    assert not any(code == "020" for _, _, code in _triples(coder, sentence))
