"""Session 11's predicate classes for recall ("no pattern" misses): one hand-written sentence per rule, coded
with its source, target and CAMEO root, and a near-miss that must stay uncoded."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three Syrian officers were killed in an Israeli airstrike near Damascus.", ("ISR", "SYR", "19")),
    ("Two Armenian soldiers were wounded in clashes with Azerbaijani troops.", ("AZE", "ARM", "19")),
    ("Four Malian soldiers died in an attack by Burkinabe forces.", ("BFA", "MLI", "19")),
])
def test_a_victim_harmed_in_an_attack_names_its_target(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.parametrize("sentence", [
    "Three Syrian officers were not killed in the Israeli airstrike near Damascus.",
    "Three Syrian officers were killed in an airstrike near Damascus.",
])
def test_no_attack_without_an_attacker_or_when_denied(coder, sentence):
    assert not {t for t in countries(coder, sentence) if t[2] == "19"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Kenyan foreign minister was in Addis Ababa for talks with Ethiopian officials.", ("KEN", "ETH", "04")),
    ("The Polish president arrived in Kyiv for talks with the Ukrainian president.", ("UKR", "POL", "04")),
    ("The deal followed a conversation between the Egyptian president and the Qatari emir.", ("EGY", "QAT", "04")),
    ("During a discussion with the Japanese prime minister, the Indian president praised the alliance.",
     ("IND", "JPN", "04")),
])
def test_talks_conversations_and_discussions_in_noun_form(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_talks_a_visitor_only_hopes_for_are_not_held(coder):
    found = countries(coder, "The Kenyan foreign minister hopes for talks with Ethiopian officials.")
    assert not {t for t in found if t[2] == "04"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Israel said Iran was responsible for the bombing of the embassy.", ("ISR", "IRN", "11")),
    ("Britain says Russian military intelligence was behind the poisoning.", ("GBR", "RUS", "11")),
])
def test_holding_an_actor_answerable_for_an_attack_accuses_it(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.parametrize("sentence", [
    "Israel said Iran was not responsible for the bombing of the embassy.",
    "Ghana said Nigeria was responsible for the success of the summit.",
])
def test_no_accusation_when_cleared_or_credited(coder, sentence):
    assert not {t for t in countries(coder, sentence) if t[2] == "11"}


def test_a_force_leaving_its_host_state_ends_military_assistance(coder):
    assert ("DNK", "AFG", "16") in countries(coder, "Denmark withdrew its last soldiers from Afghanistan on Monday.")


def test_forces_pulling_back_from_a_border_de_escalate(coder):
    found = countries(coder, "Armenia withdrew its troops from the Azerbaijani border.")
    assert not {t for t in found if t[2] == "16"}


def test_a_clause_set_in_a_call_with_a_partner_is_a_call_with_its_subject(coder):
    found = countries(coder, "The Egyptian president sealed the agreement in a phone call with the Qatari emir.")
    assert ("EGY", "QAT", "04") in found


def test_a_mediator_named_in_a_hyphenated_modifier_is_no_party(coder):
    found = countries(coder, "Armenia and Azerbaijan signed the US-brokered agreement on Friday.")
    assert ("ARM", "AZE", "05") in found
    assert not {t for t in found if t[1] == "USA" and t[2] == "05"}


def test_cannon_fire_without_water_stays_an_attack(coder):
    assert ("RUS", "UKR", "19") in countries(coder, "Russian troops fired cannons at Ukrainian positions.")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Guinea announced its exit from ECOWAS on Sunday.", ("GIN", "ECO", "16")),
    ("Venezuela completed its withdrawal from the Organization of American States.", ("VEN", "OAS", "16")),
    ("Japan announced its withdrawal from the fisheries agreement with South Korea.", ("JPN", "KOR", "16")),
])
def test_leaving_a_body_or_an_agreement_in_noun_form(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_a_possible_exit_is_no_departure(coder):
    found = countries(coder, "Guinea's possible exit from ECOWAS worried its neighbours.")
    assert not {t for t in found if t[2] == "16"}


def test_removing_sanctions_from_a_state_keeps_the_easing_frame(coder):
    found = countries(coder, "The European Union removed sanctions from Belarusian potash exports.")
    assert not {t for t in found if t[2] == "16"}


def test_a_members_suspension_announced_by_the_body(coder):
    assert ("AU", "NER", "16") in countries(coder, "The African Union announced Niger's suspension on Tuesday.")


def test_a_members_suspension_only_judged_is_not_announced(coder):
    found = countries(coder, "Mali condemned Niger's suspension.")
    assert not {t for t in found if t[2] == "16"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Kenyan president is visiting Ghana at the invitation of the Ghanaian president.", ("GHA", "KEN", "03")),
    ("Lula's trip comes at the invitation of the Chinese government.", ("CHN", "BRA", "03")),
])
def test_a_visit_at_the_invitation_of_a_host(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_clashes_between_two_sides_are_fights_both_ways(coder):
    found = countries(coder, "Deadly clashes between Eritrean and Ethiopian troops broke out on Monday.")
    assert {("ERI", "ETH", "19"), ("ETH", "ERI", "19")} <= found


def test_clashes_between_two_sides_that_could_come_are_no_fight(coder):
    found = countries(coder, "Kenya said clashes between Eritrean and Ethiopian troops could erupt again.")
    assert ("ERI", "ETH", "19") not in found


def test_calling_a_government_separatists_is_a_denunciation(coder):
    found = countries(coder, "Serbia described the Kosovar government as separatists.")
    assert ("SRB", "XKX", "11") in found


def test_summoning_ones_own_ambassador_home_is_a_recall(coder):
    assert ("NGA", "GHA", "16") in countries(coder, "Nigeria summoned its ambassador to Ghana home for consultations.")


def test_summoning_a_foreign_ambassador_is_a_complaint(coder):
    assert ("NGA", "GHA", "11") in countries(coder, "Nigeria summoned the Ghanaian ambassador over the closures.")


def test_a_call_with_a_news_agency_is_an_interview_not_a_consultation(coder):
    found = countries(coder, "The Qatari foreign minister said in a phone call with Reuters that talks would go on.")
    assert not {t for t in found if t[2] == "04"}
