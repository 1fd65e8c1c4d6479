"""Session 27 (misses27): kinds of news_dev20's, news_dev26's and news_dev27's misses read by hand
(benchmarks/results/misses_news_dev26_27.md). Hand-written sentences, none taken from a gold file."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two Danish engineers arrested in Egypt last spring appeared in court on Monday.", ("EGY", "DNK", "173")),
        ("The trial of three Dutch sailors arrested in 2021 in Venezuela opened on Monday.", ("VEN", "NLD", "173")),
        ("Three Dutch sailors were detained in Venezuela on Monday.", ("VEN", "NLD", "173")),
        ("Peru freed two Chilean fishermen, who had been arrested in Peru in May.", ("PER", "CHL", "173")),
    ],
)
def test_a_detention_named_by_a_participle_is_done_by_the_state_it_was_done_in(cameo_triples, sentence, expected):
    """A national "arrested in" a state, in a reduced or a relative clause: the state detains (17), as the guide
    codes the main-clause passive "X was arrested in Y"."""
    got = cameo_triples(sentence)
    assert expected in got, got


def test_a_detention_place_that_names_no_state_gives_no_source(cameo_triples):
    got = cameo_triples("Two Danish engineers arrested in the desert last spring appeared in court on Monday.")
    assert not any(c[:2] == "17" and s != "---" and s != "DNK" for s, _, c in got), got


def test_custody_described_on_a_released_person_is_no_second_act(cameo_triples):
    """"Sailors imprisoned in Y" on the person a release frees describes the custody (a standing state), not an
    arrest: only a verb of arrest is an act in a clause on a noun."""
    got = cameo_triples("Venezuela freed three Dutch sailors imprisoned in Venezuela since 2021.")
    assert ("VEN", "NLD", "173") not in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Qatar said the exchange of four prisoners between Peru and Chile took place on Monday.",
        "The exchange of 90 prisoners of war between Peru and Chile was completed on Monday.",
    ],
)
def test_a_prisoner_exchange_names_its_sides_after_between_on_the_persons(cameo_triples, sentence):
    """A swap is a release by each side (0841 both ways); the parser hangs "between" on the persons exchanged."""
    got = cameo_triples(sentence)
    assert {("PER", "CHL", "0841"), ("CHL", "PER", "0841")} <= got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "The exchange of views between Peru and Chile took place on Monday.",
        "The exchange of 90 prisoners of war between Peru and Chile will take place in August.",
        "It was one of the largest prisoner exchanges between Peru and Chile.",
    ],
)
def test_no_swap_of_persons_held_now_is_no_release(cameo_triples, sentence):
    """Views exchanged, a swap still to come, and a plural that classes swaps of other days."""
    got = cameo_triples(sentence)
    assert not any(c == "0841" for _, _, c in got), got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kenyan president arrived in Accra on a three-day state visit at the invitation of the Ghanaian "
         "government.", ("GHA", "KEN", "036")),
        ("Peru's foreign minister left for Santiago on Monday for a two-day trip at the invitation of his Chilean "
         "counterpart.", ("CHL", "PER", "036")),
    ],
)
def test_an_invitation_on_a_visit_noun_invites_the_clause_subject(cameo_triples, sentence, expected):
    """"At the invitation of X" hung on the visit noun rather than the verb: X invited the traveller (036)."""
    got = cameo_triples(sentence)
    assert expected in got, got


def test_an_invitation_on_a_summit_is_left_alone(cameo_triples):
    """A meeting noun's invitation invites every participant, which the clause's subject may not all name."""
    got = cameo_triples("Kenya and the African Union took part in the summit at the invitation of Ghana.")
    assert ("GHA", "AFR", "036") not in got and ("GHA", "KEN", "036") not in got, got
