"""Session 13's recall classes of the material roots (recall13b: patterns.MATERIAL_FAMILIES and the truce named
with its sides, event_nouns.truce_between): one hand-written sentence per rule, coded with its source, target and
CAMEO root, and a near miss that must not be coded so."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import patterns as P

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

FAMILY_SENTENCES = [
    ("17 coercion at sea", "Chilean sailors captured a Peruvian ship off the coast.", ("CHL", "PER", "17")),
    ("17 coercion at sea", "A Russian fighter jet collided with an American drone over the sea.", ("RUS", "USA", "17")),
    ("16 agreeing on sanctions", "Canada unveiled a series of sanctions against Iran.", ("CAN", "IRN", "16")),
    ("16 agreeing on sanctions", "Sweden and Finland agreed new sanctions against Belarus.", ("SWE", "BLR", "16")),
    ("16 halting flights", "Lithuania banned flights to Belarus on Monday.", ("LTU", "BLR", "16")),
    ("16 halting cooperation", "Kenya halted its joint economic activities with Uganda.", ("KEN", "UGA", "16")),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("family", "sentence", "expected"), FAMILY_SENTENCES)
def test_each_material_family_codes_its_sentence(coder, family, sentence, expected):
    assert family in P.MATERIAL_FAMILIES
    assert expected in countries(coder, sentence)


def test_every_material_family_has_a_sentence_here():
    assert {family for family, _, _ in FAMILY_SENTENCES} == set(P.MATERIAL_FAMILIES)


def test_the_material_codes_stay_in_their_roots():
    for family, spec in P.MATERIAL_FAMILIES.items():
        assert {p.code[:2] for p in P._p(spec)} == {family.split()[0]}, family


def test_the_new_frames_need_their_object():
    assert P.match("ban", set(), {"flights"}).code == "163"
    assert P.match("ban", set(), set()).code == "172"  # "banned the party": not an embargo
    assert P.match("capture", set(), {"territory"}).code == "192"
    assert P.match("agree", {"on"}, {"plan"}).code == "057"


@pytest.mark.nlp
def test_ships_colliding_each_coerce_the_other(coder):
    found = countries(coder, "Peruvian and Chilean ships collided near the disputed reef.")
    assert {("PER", "CHL", "17"), ("CHL", "PER", "17")} <= found


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "A truce between Armenia and Azerbaijan began on Friday.",
    "A ceasefire between Armenia and Azerbaijan took effect at midnight.",
    "The truce between Armenia and Azerbaijan has been extended by three days.",
])
def test_a_truce_between_two_sides_that_begins_is_declared_by_each(coder, sentence):
    assert {("ARM", "AZE", "08"), ("AZE", "ARM", "08")} <= countries(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Shelling broke the truce between Armenia and Azerbaijan on Friday.",
    "A truce between Armenia and Azerbaijan could begin next week.",
    "A truce between Armenia and Azerbaijan did not take effect.",
    "The truce between Armenia and Azerbaijan collapsed on Friday.",
])
def test_a_truce_mentioned_broken_or_still_to_come_is_no_declaration(coder, sentence):
    assert not {t for t in countries(coder, sentence) if t[2] == "08"}


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Poland is sending 500 troops to the border with Belarus.", ("POL", "BLR", "15")),
    ("China sent warships through the waters around Taiwan.", ("CHN", "TWN", "15")),
])
def test_forces_sent_to_a_place_are_a_show_of_force(coder, sentence, expected):
    found = countries(coder, sentence)
    assert expected in found
    assert not {t for t in found if t[2] == "07"}


@pytest.mark.nlp
def test_troops_sent_to_a_state_stay_aid(coder):
    found = countries(coder, "Rwanda sent troops to Mozambique to help its army.")
    assert ("RWA", "MOZ", "07") in found
    assert ("RWA", "MOZ", "15") not in found


@pytest.mark.nlp
def test_states_bombing_targets_use_aerial_weapons(coder):
    found = countries(coder, "The US and France bombed government targets in Syria.")
    assert {("USA", "SYR", "19"), ("FRA", "SYR", "19")} <= found
    assert not {t for t in found if t[2] == "18"}


@pytest.mark.nlp
def test_a_killing_by_an_attack_is_the_attack(coder):
    found = countries(coder, "The American strike that killed the Iranian general was ordered by the president.")
    assert ("USA", "IRN", "19") in found
    assert ("USA", "IRN", "18") not in found


@pytest.mark.nlp
def test_a_killing_by_agents_stays_an_assault(coder):
    # a killing by a state's army is 19 (candidates.armed_force_code, roots13); by its agents or a gunman, 18
    assert ("USA", "IRN", "18") in countries(coder, "American agents killed two Iranian diplomats.")
    assert ("USA", "IRN", "18") in countries(coder, "An American gunman killed two Iranian diplomats.")


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Kenya's ambassador to Uganda was recalled to Nairobi for consultations.",
    "The Kenyan ambassador to Uganda was recalled on Monday.",
    "The Kenyan ambassador to Kampala was summoned back to Nairobi for consultations.",
])
def test_an_envoy_recalled_in_the_passive_is_recalled_by_his_state(coder, sentence):
    assert ("KEN", "UGA", "16") in countries(coder, sentence)


@pytest.mark.nlp
def test_a_foreign_envoy_summoned_is_no_recall(coder):
    found = countries(coder, "The Ugandan ambassador was summoned to the Kenyan foreign ministry.")
    assert not {t for t in found if t[2] == "16"}


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Kenya has allowed a Chinese submarine and a warship to dock at its port in Mombasa.",
    "Kenya granted China access to four military bases.",
])
def test_a_host_letting_foreign_forces_use_its_ports_and_bases_cooperates_militarily(coder, sentence):
    found = countries(coder, sentence)
    assert ("KEN", "CHN", "06") in found
    assert ("KEN", "CHN", "08") not in found


@pytest.mark.nlp
def test_access_for_aid_stays_a_concession(coder):
    found = countries(coder, "Kenya granted Somali aid workers access to the camps.")
    assert ("KEN", "SOM", "08") in found
    assert ("KEN", "SOM", "06") not in found


@pytest.mark.nlp
def test_an_incursion_launched_into_a_state_is_an_attack(coder):
    assert ("TUR", "SYR", "19") in countries(coder, "Turkey launched a cross-border incursion into Syria on Monday.")


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("These strikes answered similar attacks carried out by Iran in Pakistan two days earlier.", ("IRN", "PAK", "19")),
    ("Turkish airstrikes in Iraq killed three fighters.", ("TUR", "IRQ", "19")),
])
def test_an_attack_carried_out_in_another_state_strikes_that_state(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
def test_the_victim_of_an_attack_comes_before_its_place(coder):
    found = countries(coder, "An Iranian general was killed in an American airstrike in Iraq.")
    assert ("USA", "IRN", "19") in found
    assert ("USA", "IRQ", "19") not in found


@pytest.mark.nlp
def test_an_attack_in_a_region_names_no_state(coder):
    assert not countries(coder, "A Russian attack in the border region killed three people.")


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two Greek soldiers arrested by Turkish authorities in Edirne were released pending trial on Tuesday.",
     ("TUR", "GRC", "08")),
    ("An American veteran held in a Russian jail for three years has been freed.", ("RUS", "USA", "08")),
])
def test_a_person_released_in_the_passive_is_released_by_the_one_who_held_him(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.nlp
def test_a_release_without_its_holder_named_is_no_event(coder):
    assert not countries(coder, "The Greek prisoners were released on Monday.")
