"""Session 17's wrong-root classes (roots17: patterns.ROOT_FAMILIES17, lexicon.AGREED_DEALS and RENEW_VERBS): one
hand-written sentence per rule, coded with its source, target and CAMEO root, and a near miss that keeps its own
root."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import governors as G
from detente.coding import lexicon as L
from detente.coding import patterns as P

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

FAMILY_SENTENCES = [
    ("05 renewing agreements", "Chile renewed its fishing agreement with Peru on Tuesday.", ("CHL", "PER", "05")),
    ("05 renewing agreements", "Armenia and Azerbaijan extended their truce by one week.", ("ARM", "AZE", "08")),
    ("16 hitting with sanctions", "Beijing hit back on Monday with punitive measures against Lithuania.", ("CHN", "LTU", "16")),
    ("16 hitting with sanctions", "The United States hit Canada with new tariffs on steel.", ("USA", "CAN", "16")),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("family", "sentence", "expected"), FAMILY_SENTENCES)
def test_each_root_family_codes_its_sentence(coder, family, sentence, expected):
    assert family in P.ROOT_FAMILIES17
    assert expected in countries(coder, sentence)


def test_every_root_family_has_a_sentence_here():
    assert {family for family, _, _ in FAMILY_SENTENCES} == set(P.ROOT_FAMILIES17)


def test_renewing_needs_an_agreement_not_an_offer():
    assert P.match("extend", set(), *P.object_families("accord")).code == "057"
    assert P.match("prolong", set(), *P.object_families("ceasefire")).code == "0871"
    assert P.match("extend", set(), *P.object_families("offer")) is None  # "extended an offer of talks": 03 elsewhere


def test_the_agreed_deals_are_agreements_and_truces():
    assert L.AGREED_DEALS == frozenset({"057", "0871"})
    assert P.match("agree", {"to"}, {"plan"}).code in L.AGREED_DEALS


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ghana and Togo agreed a deal to reopen their shared border.", {("GHA", "TGO", "05"), ("TGO", "GHA", "05")}),
    ("Chile agreed to a deal with Peru to share the river's water.", {("CHL", "PER", "05")}),
    ("Chile and Peru agreed to renew their fishing accord for five years.", {("CHL", "PER", "05"), ("PER", "CHL", "05")}),
    ("Armenia and Azerbaijan agreed to extend the truce by a week.", {("ARM", "AZE", "08"), ("AZE", "ARM", "08")}),
])
def test_an_agreement_reached_under_agree_is_the_agreement(coder, sentence, expected):
    got = countries(coder, sentence)
    assert expected <= got
    assert not {t for t in got if t[2] == "03"}


@pytest.mark.nlp
def test_agreeing_to_an_act_without_a_deal_stays_a_pledge(coder):
    got = countries(coder, "Kenya and Uganda agreed to expand trade between them.")
    assert ("KEN", "UGA", "03") in got
    assert not {t for t in got if t[2] == "05"}


@pytest.mark.nlp
def test_hitting_with_arms_stays_a_use_of_force(coder):
    assert ("RUS", "UKR", "19") in countries(coder, "Russia hit Ukraine with missiles on Sunday.")


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("A medical team from China has arrived in Ghana to fight the epidemic.", ("CHN", "GHA", "07")),
    ("Forty Cuban healthcare workers arrived in Angola on Monday.", ("CUB", "AGO", "07")),
    ("A Rwandan contingent arrived in Mozambique this week.", ("RWA", "MOZ", "07")),
])
def test_an_aid_team_or_a_protection_force_arriving_is_aid(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "A Qatari negotiating team arrived in Egypt on Monday.",
    "The Chinese foreign minister arrived in Kenya on Monday.",
])
def test_other_arrivals_stay_visits(coder, sentence):
    got = countries(coder, sentence)
    assert {t[2] for t in got} == {"04"}


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("China responded by banning beef from Australia.", ("CHN", "AUS", "16")),
    ("Canada banned Iranian airlines from its airspace on Friday.", ("CAN", "IRN", "16")),
])
def test_banning_goods_or_airlines_of_a_state_is_an_embargo(coder, sentence, expected):
    got = countries(coder, sentence)
    assert expected in got
    assert not {t for t in got if t[2] == "17"}


def test_a_bare_ban_stays_an_administrative_sanction():
    assert P.match("ban", set(), set()).code == "172"  # "banned the party": as session 13 decided
    assert P.match("ban", set(), *P.object_families("seafood")).code == "163"


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Security Council agreed to send a peacekeeping force to Liberia.", ("UNO", "LBR", "07")),
    ("Kenya said it will send peacekeepers to Haiti next month.", ("KEN", "HTI", "07")),
])
def test_a_protection_force_announced_as_decided_is_sent(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
def test_a_protection_force_offered_stays_a_pledge(coder):
    assert ("KEN", "HTI", "03") in countries(coder, "Kenya offered to send troops to Haiti.")


def test_only_deployments_and_measures_are_announced_acts():
    assert G.announced_code("074", None) == "074"
    assert G.announced_code("074", "offer") == "0334"
    assert G.announced_code("072", None) == "0332"  # weapons promised stay a pledge (rule 6: a sum makes aid)
