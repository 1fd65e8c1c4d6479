"""Frames that decide a root beyond the verb's own pattern: what an announced measure, a request and a
joint subject code as (the annotation guide's conventions, data/news_dev/README.md). Hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import governors as G

pytestmark = pytest.mark.nlp

WHEN = date(2025, 3, 3)


def cameo_triples(coder, sentence):
    (events,) = coder.code_sentence_events([sentence], WHEN)
    return {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in events}


# -- convention 15: an announced measure is the measure -------------------------------------------


def test_announced_code_keeps_a_decided_measure():
    assert G.announced_code("161", "decide") == "161"
    assert G.announced_code("163", None) == "163"  # "will impose sanctions", said by its author
    assert G.announced_code("163", "vow") == "1312"  # vowed: held out, a threat
    assert G.announced_code("190", None) == "1384"  # force announced is still a threat
    assert G.announced_code("057", "decide") == "037"  # a cooperative act stays a pledge


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lithuania decided to recall its ambassador from Minsk.", ("LTU", "BLR", "161")),
        ("The European Union agreed to impose sanctions on Iran.", ("EUR", "IRN", "163")),
        ("Canada announced that it would suspend military aid to Chile.", ("CAN", "CHL", "1622")),
    ],
)
def test_a_measure_announced_by_its_author_is_the_measure(coder, sentence, expected):
    assert expected in cameo_triples(coder, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru vowed to impose sanctions on Chile.", ("PER", "CHL", "1312")),
        ("Canada will suspend military aid to Chile unless Chile frees the prisoners.", ("CAN", "CHL", "1311")),
    ],
)
def test_a_measure_vowed_or_held_out_on_a_condition_stays_a_threat(coder, sentence, expected):
    assert expected in cameo_triples(coder, sentence)


# -- rule 5: "asked X to ...", "called on X to ..." direct a named party to act: a demand (10) ------------


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Norway asked Chile to investigate the sinking of the trawler.", "10"),
        ("Kenya called on Uganda to reopen the border crossing.", "10"),
        ("Kenya called upon Uganda not to close the border crossing.", "10"),
        ("Norway urged Chile to investigate the sinking of the trawler.", "02"),  # an appeal stays an appeal
    ],
)
def test_a_directive_to_a_named_party_is_a_demand(coder, sentence, root):
    got = {(s, t, c[:2]) for s, t, c in cameo_triples(coder, sentence)}
    source, target = ("NOR", "CHL") if sentence.startswith("Norway") else ("KEN", "UGA")
    assert (source, target, root) in got, got


# -- rule 3: coordinated subjects are paired only for what they do with each other ---------------------


def test_coordinated_visitors_do_not_visit_each_other(coder):
    got = cameo_triples(coder, "Kenyan and Ugandan delegations arrived in Khartoum on Monday.")
    assert not {("KEN", "UGA"), ("UGA", "KEN")} & {(s, t) for s, t, _ in got}, got


def test_coordinated_mediators_do_not_mediate_between_themselves(coder):
    got = cameo_triples(coder, "Qatar and Egypt brokered a truce with the warring factions.")
    assert not {("QAT", "EGY"), ("EGY", "QAT")} & {(s, t) for s, t, _ in got}, got


def test_coordinated_sides_with_a_partner_named_are_not_each_others(coder):
    got = cameo_triples(coder, "Kenya and Uganda held talks with rebel commanders in Juba.")
    assert not {("KEN", "UGA"), ("UGA", "KEN")} & {(s, t) for s, t, _ in got}, got


def test_coordinated_sides_that_meet_each_other_stay_paired(coder):
    got = {(s, t, c[:2]) for s, t, c in cameo_triples(coder, "Kenya and Uganda held talks with each other in Juba.")}
    assert {("KEN", "UGA", "04"), ("UGA", "KEN", "04")} <= got, got
    got = {(s, t, c[:2]) for s, t, c in cameo_triples(coder, "Kenya and Uganda signed a border treaty.")}
    assert {("KEN", "UGA", "05"), ("UGA", "KEN", "05")} <= got, got


# -- rule 8: "X, backed by Y" names a standing alignment, not an act ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels, supported by Rwanda, seized the town of Goma.",
        "Backed by Turkey, the Libyan government retook the airport.",
    ],
)
def test_a_backer_in_a_participle_is_no_support_event(coder, sentence):
    got = cameo_triples(coder, sentence)
    assert not any(code[:2] == "05" for _, _, code in got), got


def test_a_finite_backing_stays_an_act(coder):
    assert ("RWA", "COD", "051") in cameo_triples(coder, "Rwanda backed the Congolese government's peace plan.")


# -- rule 7: speculation is no event in sentence mode (kept apart); document mode keeps it marked -------


@pytest.mark.parametrize(
    "sentence",
    ["Kenya could impose sanctions on Uganda.", "If Kenya attacks Uganda, Tanzania will respond."],
)
def test_speculation_is_kept_apart_in_sentence_mode(coder, sentence):
    (standing,) = coder.code_sentence_events([sentence], WHEN)
    assert not any(r.event.modality in ("possible", "conditional") for r in standing)
    (everything,) = coder.code_sentence_events([sentence], WHEN, partial=True)
    apart = [r for r in everything if r.event.modality in ("possible", "conditional")]
    assert apart and all(r.partial and "kept apart: speculation" in (r.event.note or "") for r in apart)


def test_speculation_stays_marked_in_document_mode(code_fn):
    events = [e for e in code_fn("Kenya could impose sanctions on Uganda.") if e.root == "16"]
    assert events and events[0].modality == "possible"


# -- rule 7: "X is the fourth state to ..." ranks X among those who acted, no act of the news ------------


def test_a_rank_with_the_copula_is_no_event(coder):
    got = cameo_triples(coder, "Kenya is the fourth state to sign such a treaty with Uganda.")
    assert not any(code[:2] == "05" for _, _, code in got), got


def test_becoming_the_last_to_act_reports_the_act(coder):
    got = {(s, t, c[:2]) for s, t, c in cameo_triples(coder, "Kenya became the last country to recognize Kosovo.")}
    assert ("KEN", "XKX", "05") in got, got
