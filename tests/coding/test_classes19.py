"""Session 19's miss classes: the courts of the rulings class (the guide's convention 9: a court codes as its
body, "the International Court of Justice" as ICJ), and with them every name of an organisation whose head word
has an "of" or "for" phrase. Hand-written sentences, with a near miss that must not be read so."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.registry import country_of

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    """(source, target, root) of the asserted events, each side as its country or organisation ("ITLOS")."""
    (results,) = coder.code_sentence_events([sentence], WHEN)
    return {(country_of(r.event.source), country_of(r.event.target), r.event.root)
            for r in results if not r.event.negated}


@pytest.mark.parametrize(("sentence", "event"), [
    ("The International Court of Justice criticised Serbia on Monday.", ("ICJ", "SRB", "11")),
    ("The Organization of American States condemned Nicaragua.", ("OAS", "NIC", "11")),
    ("The Permanent Court of Arbitration rejected the claims of Belize.", ("PCA", "BLZ", "12")),
    ("The International Tribunal for the Law of the Sea ordered Japan to release the fishing boat.",
     ("ITLOS", "JPN", "10")),
])
def test_a_name_with_an_of_phrase_is_its_actor(coder, sentence, event):
    assert event in countries(coder, sentence)


def test_a_place_after_of_stays_the_government_s(coder):
    assert ("UKR", "SRB", "11") in countries(coder, "The government of Ukraine criticised Serbia.")


def test_a_name_the_of_phrase_runs_past_is_no_side(coder):
    # the parse makes "Group" the head of "the Group of 20 summit": the gathering, not the group, was attended
    (results,) = coder.code_sentence_events(
        ["The Brazilian president attended the Group of 20 summit in Rome in October."], WHEN, partial=True)
    assert not any(country_of(r.event.target) == "G20" for r in results)


def test_a_capital_naming_an_announced_declaration_is_where_it_was_made(coder):
    found = countries(coder, "Chile and Peru jointly announced the Lima Declaration on Monday.")
    assert {("CHL", "PER", "05"), ("PER", "CHL", "05")} <= found


def test_the_parties_a_deal_s_phrase_names_keep_its_announcers_apart(coder):
    found = countries(coder, "Qatar and Egypt announced the Israel-Hamas agreement on Monday.")
    assert not any(r == "05" for _, _, r in found)
