"""Session 14's classes of predicates of roots 16 and 05 (predicates14: patterns.RELATION_FAMILIES and the tax
words of the sanctions family): one hand-written sentence per rule, coded with its source, target and CAMEO root,
and near misses that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import patterns as P

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

FAMILY_SENTENCES = [
    ("16 putting off visits and meetings", "Chile postponed a state visit to Peru.", ("CHL", "PER", "16")),
    ("16 putting off visits and meetings", "Kenya called off all meetings with Uganda.", ("KEN", "UGA", "16")),
    ("16 putting off visits and meetings", "Norway cancelled the summit with Sweden.", ("NOR", "SWE", "16")),
    ("05 reopening missions", "Canada has reopened its embassy in Caracas.", ("CAN", "VEN", "05")),
    ("05 readmitting members", "The African Union readmitted Gabon on Friday.", ("AU", "GAB", "05")),
    ("16 checks and taxes on trade", "Chile introduced stricter inspections of fruit imports from Peru.",
     ("CHL", "PER", "16")),
    ("16 closing supply routes", "Uzbekistan shut the supply routes of Kazakhstan.", ("UZB", "KAZ", "16")),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("family", "sentence", "expected"), FAMILY_SENTENCES)
def test_each_family_codes_its_sentence(coder, family, sentence, expected):
    assert family in P.RELATION_FAMILIES
    assert expected in countries(coder, sentence)


def test_every_family_has_a_sentence_here():
    assert {family for family, _, _ in FAMILY_SENTENCES} == set(P.RELATION_FAMILIES)


def test_the_codes_stay_in_their_roots():
    for family, spec in P.RELATION_FAMILIES.items():
        assert {p.code[:2] for p in P._p(spec)} == {family.split()[0]}, family


def test_the_frames_need_their_object():
    assert P.match("postpone", set(), {"visit"}).code == "161"
    assert P.match("postpone", set(), set()) is None  # "postponed the vote": no measure against anyone
    assert P.match("call", {"off"}, {"talks"}).code == "161"  # not a phone call (041)
    assert P.match("reopen", set(), {"diplomats"}).code == "054"
    assert P.match("reopen", set(), set()) is None  # "reopened the schools"
    assert P.match("introduce", set(), {"checks"}).code == "163"
    assert P.match("close", set(), {"route"}).code == "163"
    assert P.family("surtax") == "sanctions"


@pytest.mark.nlp
def test_a_tax_on_a_states_imports_is_a_trade_sanction(coder):
    assert ("CAN", "USA", "16") in countries(coder, "Canada imposed a 25 percent surtax on American steel.")


@pytest.mark.nlp
def test_reinstated_president_is_no_restored_relation(coder):
    assert not {c for c in countries(coder, "Mali pledged to reinstate the ousted president.") if c[2] == "05"}


@pytest.mark.nlp
def test_a_postponed_vote_is_no_measure(coder):
    assert not {c for c in countries(coder, "Chile postponed the vote on the budget.") if c[2] == "16"}
