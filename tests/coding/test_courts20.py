"""Session 20's court rulings (the guide's convention 9): a court's order is a demand (10) to the state it obliges, a
breach it rules a party committed its charge (11), and "the court" of a page is the court it named before.
Hand-written sentences (invented cases between real states), with near misses that must not be read so."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import find_mentions
from detente.actors.registry import country_of
from detente.coding.courts import described_courts

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(results):
    """(source, target, root) of asserted events, each side as its country or organisation ("ICJ")."""
    return {(country_of(r.event.source), country_of(r.event.target), r.event.root)
            for r in results if not r.event.negated}


def sentence(coder, text):
    (results,) = coder.code_sentence_events([text], WHEN)
    return countries(results)


@pytest.mark.parametrize(("text", "event"), [
    ("The International Court of Justice ruled that Chile must withdraw its troops from the border.", ("ICJ", "CHL", "10")),
    # "should" in a court's ruling is its order, a demand (not an appeal, 02)
    ("The International Court of Justice ruled on Friday that Peruvian forces should leave the disputed area.",
     ("ICJ", "PER", "10")),
    ("The International Court of Justice ruled that Chile has to suspend the new fishing law.", ("ICJ", "CHL", "10")),
    # the obligation in the second clause of the ruling, after a first clause with its own subject
    ("The International Court of Justice ruled that the island belongs to Belize and that Guatemalan troops should leave.",
     ("ICJ", "GTM", "10")),
    # "obliged X to", "X is obligated to": the court's order
    ("The International Tribunal for the Law of the Sea obliged Ghana to release the fishing boat.",
     ("ITLOS", "GHA", "10")),
    ("The International Court of Justice said Thailand is obligated to withdraw its police from the temple.",
     ("ICJ", "THA", "10")),
    # a breach the court rules a party committed is its charge against the party
    ("The International Court of Justice ruled that Norway had breached the sovereign rights of Iceland.",
     ("ICJ", "NOR", "11")),
])
def test_a_ruling_is_the_court_s_act(coder, text, event):
    assert event in sentence(coder, text)


def test_a_breach_ruled_is_not_coded_as_the_breach(coder):
    found = sentence(coder, "The International Court of Justice ruled that Norway had breached the sovereign rights of Iceland.")
    assert not any(root == "12" for _, _, root in found)


def test_an_appeal_in_speech_stays_an_appeal(coder):
    # "should" under "said" asks; only a court's ruling orders
    found = sentence(coder, "Kenya's foreign minister said Somali forces should leave the border town.")
    assert ("KEN", "SOM", "02") in found and ("KEN", "SOM", "10") not in found


def test_an_obligation_of_a_second_clause_is_its_own(coder):
    found = sentence(coder, "France said the talks had failed and that Mali must hold elections.")
    assert ("FRA", "MLI", "10") in found


def test_the_court_of_a_page_is_the_court_it_named(coder):
    page = ["The International Court of Justice heard the maritime case of Peru and Chile on Monday.",
            "The court ruled that Peru should withdraw its navy from the zone."]
    _, second = coder.code_article_events(page, WHEN)
    assert ("ICJ", "PER", "10") in countries(second)


@pytest.mark.parametrize(("text", "code"), [
    ("The Permanent Court of Arbitration opened the case. The tribunal ruled on Tuesday.", "PCA"),
    ("The International Court of Justice met. The arbitration court said no.", "ICJ"),
    ("The European Court of Justice fined Poland. The court ruled again.", "EURJUD"),
    ("The European Court of Justice fined Poland. The Luxembourg-based court ruled again.", "EURJUD"),
])
def test_a_court_s_description_is_the_court_named_before(text, code):
    found = described_courts(text, find_mentions(text, on=WHEN))
    assert [m.code for m in found] == [code]


@pytest.mark.parametrize("text", [
    "The court ruled on Tuesday.",  # no court named before
    "The tribunal ruled. The International Court of Justice agreed.",  # named only after
    "The International Court of Justice ruled. Thailand's constitutional court disagreed.",
    "The International Court of Justice ruled. The supreme court of Thailand disagreed.",
    "The International Court of Justice ruled. The Constitutional Court disagreed.",
    "The International Court of Justice ruled. The country's top court disagreed.",
    "The International Court of Justice and the International Criminal Court met. The court said no.",  # two courts
    "The International Court of Justice ruled. The court's ruling was final.",  # the ruling's author: act_author
])
def test_a_state_s_court_or_an_unnamed_one_is_not_described(text):
    assert described_courts(text, find_mentions(text, on=WHEN)) == []
