"""Session 12's recall classes ("no pattern" and "wrong root" misses): one hand-written sentence per rule, coded
with its source, target and CAMEO root, and a near miss that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The American minister spoke after two rounds of talks with the Russian minister.", ("USA", "RUS", "04")),
    ("The Indian foreign minister spoke after three days of talks with the Chinese minister.", ("CHN", "IND", "04")),
])
def test_talks_counted_in_days_or_rounds_are_held_by_the_clause_subject(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_a_definite_count_of_talks_refers_back(coder):
    found = countries(coder, "The American minister left after the two days of talks with the Russian minister.")
    assert not {t for t in found if t[2] == "04"}


def test_parties_that_reach_a_deal_after_talks_held_them_with_each_other(coder):
    found = countries(coder, "Greece, Turkey and Cyprus reached a deal after long talks in Geneva.")
    assert {("GRC", "TUR", "04"), ("TUR", "GRC", "04"), ("GRC", "CYP", "04"), ("CYP", "TUR", "04")} <= found


def test_one_party_after_talks_holds_no_talks_alone(coder):
    found = countries(coder, "Greece condemned the attack on Cyprus after talks in Athens.")
    assert not {t for t in found if t[2] == "04"}


def test_one_announcer_of_a_deal_with_another_is_its_party(coder):
    found = countries(coder, "Britain announced a trade deal with Japan on Friday.")
    assert {("GBR", "JPN", "05"), ("JPN", "GBR", "05")} <= found


def test_a_proposed_deal_with_another_is_not_concluded(coder):
    found = countries(coder, "Britain announced a proposed trade deal with Japan on Friday.")
    assert not {t for t in found if t[2] == "05"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Sri Lanka opened an embassy in Iran on Wednesday.", ("LKA", "IRN", "05")),
    ("Canada established its first diplomatic mission in Cuba.", ("CAN", "CUB", "05")),
    ("Lithuania opened its representative office in Taiwan.", ("LTU", "TWN", "05")),
])
def test_opening_an_embassy_initiates_relations(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_opening_a_road_is_no_diplomatic_act(coder):
    assert not countries(coder, "Kenyan police opened the road to the Ugandan border.")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia and Greece held a videoconference on Monday.", ("RUS", "GRC", "04")),
    ("The Russian president had a teleconference with the Greek prime minister.", ("GRC", "RUS", "04")),
])
def test_a_teleconference_is_a_call(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_initialling_an_agreement_concludes_it(coder):
    found = countries(coder, "Moldova initialled an association agreement with the European Union.")
    assert {("MDA", "EUR", "05"), ("EUR", "MDA", "05")} <= found


def test_an_envoy_summoned_back_is_recalled(coder):
    assert ("SAU", "CAN", "16") in countries(coder, "Saudi Arabia summoned its ambassador to Canada back.")


@pytest.mark.parametrize("sentence", [
    "The American president authorized sanctions on Iran.",
    "The American president ordered sanctions against Iran.",
])
def test_sanctions_authorized_or_ordered_are_imposed(coder, sentence):
    assert ("USA", "IRN", "16") in countries(coder, sentence)


@pytest.mark.parametrize(("sentence", "expected", "not_expected"), [
    ("Russia said it had suspended peace talks with Japan over sanctions imposed by Tokyo.",
     ("RUS", "JPN", "16"), ("RUS", "JPN", "08")),
    ("The Afghan government suspended the talks with Pakistan in March.", ("AFG", "PAK", "16"),
     ("AFG", "PAK", "08")),
])
def test_the_direct_object_chooses_the_root_over_a_reason_or_a_date(coder, sentence, expected, not_expected):
    found = countries(coder, sentence)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Turkish president was in Iraq on Monday for his first state visit there in years.", ("TUR", "IRQ", "04")),
    ("The Indian prime minister arrived at the White House on his first state visit.", ("IND", "USA", "04")),
])
def test_a_stay_for_a_visit_is_a_visit(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.parametrize("sentence", [
    "The Indian prime minister will be in Japan next week for a state visit.",
    "The Indian prime minister was in Japan for the visit of the Chinese president.",
])
def test_no_visit_still_to_come_or_of_another(coder, sentence):
    assert not {t for t in countries(coder, sentence) if t[:2] == ("IND", "JPN") and t[2] == "04"}


def test_the_reading_of_military_aid_as_arms_stands(coder):
    (events,) = coder.code_sentence_events(["Germany pledged military aid to Ukraine."], WHEN)
    assert ("DEU", "UKR", "0332") in {(r.event.source, r.event.target, r.event.cameo) for r in events}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Norwegian jets intercepted six Russian bombers over the Barents Sea.", ("NOR", "RUS", "15")),
    ("Six Russian bombers were intercepted by British planes.", ("GBR", "RUS", "15")),
])
def test_intercepting_another_states_aircraft_shows_force(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_intercepted_missiles_stay_their_launchers_attack(coder):
    found = countries(coder, "Saudi air defences intercepted Houthi missiles.")
    assert ("YEM", "SAU", "19") in found
    assert not {t for t in found if t[2] == "15"}


@pytest.mark.parametrize("sentence", [
    "Ethiopia and Eritrea agreed to disengage their troops along the border.",
    "Ethiopia and Eritrea agreed to a disengagement of forces on Tuesday.",
])
def test_an_agreed_disengagement_is_the_de_escalation_both_ways(coder, sentence):
    found = countries(coder, sentence)
    assert {("ETH", "ERI", "08"), ("ERI", "ETH", "08")} <= found
    assert not {t for t in found if t[2] == "03"}


def test_agreeing_to_cooperate_stays_a_pledge(coder):
    assert ("ETH", "ERI", "03") in countries(coder, "Ethiopia and Eritrea agreed to expand trade.")


def test_a_refusal_to_disengage_is_no_de_escalation(coder):
    assert not {t for t in countries(coder, "Ethiopia refused to disengage from Eritrea.") if t[2] == "08"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kenya said Somalia had violated its airspace.", ("KEN", "SOM", "11")),
    ("Kenya claimed that Somali jets violated its airspace.", ("KEN", "SOM", "11")),
])
def test_a_breach_another_reports_is_its_accusation(coder, sentence, expected):
    found = countries(coder, sentence)
    assert expected in found
    assert not {t for t in found if t[2] == "12"}


def test_a_breach_told_as_fact_stays_a_defiance(coder):
    assert ("SOM", "KEN", "12") in countries(coder, "Somalia violated Kenyan airspace on Monday.")
