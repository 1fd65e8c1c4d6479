"""Who is a party of a joint act, and who only speaks of it: announcers and mediators of a deal, the press a
side speaks to, the two sides of a swap (hand-written sentences, none from any gold set)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2024, 3, 3)


def coded(code_fn, text):
    """(source country, target country, CAMEO code) of every event of a text, as a set."""
    return {(e.source[:3], e.target[:3], e.cameo) for e in code_fn(text, WHEN)}


@pytest.mark.parametrize(
    "text",
    [
        "Qatar announced a ceasefire between Armenia and Azerbaijan.",
        "Qatar and Egypt announced a ceasefire between Armenia and Azerbaijan.",
        "The Armenia-Azerbaijan agreement was announced by Qatar and Egypt.",
        "Armenia and Azerbaijan agreed on a ceasefire on Monday. Qatar and Egypt, the mediators, announced the "
        "agreement.",
        "Armenia and Azerbaijan agreed on a ceasefire on Monday. Qatar and Egypt, which mediated the talks, announced "
        "the agreement.",
        "Chile and Peru signed a trade deal on Monday. The agreement was announced by Brazil and Argentina.",
    ],
)
def test_an_announcer_who_is_no_party_of_the_deal_concludes_nothing(code_fn, text):
    got = coded(code_fn, text)
    announcers = {"QAT", "EGY", "BRA", "ARG"}
    assert not {e for e in got if e[0] in announcers and e[2][:2] in ("05", "08")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Qatar and Egypt announced a trade agreement.", ("QAT", "EGY")),
        ("Armenia and Azerbaijan announced a ceasefire.", ("ARM", "AZE")),
    ],
)
def test_announcers_who_are_the_parties_conclude_the_deal_with_each_other(code_fn, text, pair):
    got = {(s, t) for s, t, code in coded(code_fn, text) if code[:2] in ("05", "08")}
    assert {pair, pair[::-1]} <= got


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru spoke to reporters after the meeting.",
        "The presidents of Chile and Peru talked to the press in Lima.",
        "Chile and Peru spoke to the audience.",
    ],
)
def test_speaking_to_the_press_or_an_audience_is_no_call_between_the_speakers(code_fn, text):
    assert not {e for e in coded(code_fn, text) if {e[0], e[1]} == {"CHL", "PER"}}


def test_speaking_to_each_other_is_a_call_between_the_speakers(code_fn):
    got = {(s, t) for s, t, code in coded(code_fn, "Chile and Peru spoke to each other on Monday.") if code[:2] == "04"}
    assert got == {("CHL", "PER"), ("PER", "CHL")}


def test_exchanged_allegations_are_an_accusation_by_each(code_fn):
    got = {(s, t) for s, t, code in coded(code_fn, "Chile and Peru exchanged allegations on Monday.")
           if code[:2] == "11"}
    assert got == {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru swapped Juan Soto for Pedro Ruiz on Monday.",
        "Chile and Peru swapped a Chilean journalist for a Peruvian spy.",
        "Chile traded Juan Soto for Pedro Ruiz with Peru.",
    ],
)
def test_a_swap_of_persons_is_a_release_by_each_side(code_fn, text):
    got = {(s, t) for s, t, code in coded(code_fn, text) if code == "0841"}
    assert got == {("CHL", "PER"), ("PER", "CHL")}


def test_a_swap_of_places_is_no_release(code_fn):
    assert not {e for e in coded(code_fn, "Chile and Peru swapped Arica for Tacna.") if e[2] == "0841"}
