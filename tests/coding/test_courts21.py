"""Session 21's court fines and findings: a court's fine is its order to pay (10, the guide's convention 40), a state's
own fine of another state's vessels stays coercion (17); a court that declares a state in violation, or rules that it
failed to act, finds against it (11); a ruled order is dated by the ruling. Hand-written sentences (invented cases
between real states), with near misses that must not be read so."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import patterns as P
from detente.coding.rulings import fine_code, is_court

from .conftest import asserted_countries

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def sentence(coder, text):
    """(source, target, root) of the asserted events of one sentence, each side as its country or organisation."""
    return asserted_countries(coder, text, WHEN, code="root")


FINES = [
    ("The European Court of Justice fined Hungary 300 million euros for defying its asylum ruling.",
     ("EUR", "HUN", "10")),
    ("The European Court of Justice punished Romania with a fine of 50,000 euros a day.", ("EUR", "ROU", "10")),
    ("The European Court of Justice imposed a heavy fine on Slovakia over its waste law.", ("EUR", "SVK", "10")),
    ("Slovenia was fined by the European Court of Justice for ignoring the interim measures.", ("EUR", "SVN", "10")),
]


@pytest.mark.parametrize(("text", "event"), FINES)
def test_a_court_s_fine_is_its_order_to_pay(coder, text, event):
    assert event in sentence(coder, text)


def test_a_state_s_fine_of_another_state_s_boats_is_coercion(coder):
    found = sentence(coder, "Norway fined three Russian trawlers for fishing without a licence.")
    assert ("NOR", "RUS", "17") in found and ("NOR", "RUS", "10") not in found


def test_fine_code_reads_who_fines():
    (fine,) = P.PATTERNS["fine"]
    assert fine_code("172", "EURJUD", fine) == "100"
    assert fine_code("172", "USAJUD", fine) == "100"  # a state's court: its order (dev12b-165's kind)
    assert fine_code("172", "NOR", fine) == "172"
    assert fine_code("163", "EURJUD", fine) == "163"  # another act is left as it is
    assert is_court("ICJ") and not is_court("NORGOV") and not is_court(None)


def test_fines_are_the_court_families():
    assert {"17 fines", "11 findings against a party"} == set(P.COURT_FAMILIES)


@pytest.mark.parametrize(("text", "event"), [
    ("The International Court of Justice declared Honduras in violation of the border treaty.", ("ICJ", "HND", "11")),
    ("The International Court of Justice declared Honduras in breach of its obligations.", ("ICJ", "HND", "11")),
    ("The World Trade Organization ruled on Monday that Canada failed to remove its dairy subsidies.",
     ("WTO", "CAN", "11")),
    ("The World Trade Organization found that Canada failed to remove its dairy subsidies.", ("WTO", "CAN", "11")),
])
def test_a_court_s_finding_against_a_state(coder, text, event):
    assert event in sentence(coder, text)


@pytest.mark.parametrize("text", [
    # a state's statement is no court's finding
    "Brazil said Canada failed to remove its dairy subsidies.",
    # a request that the court find so is no finding yet
    "Brazil asked the World Trade Organization to find that Canada failed to remove its dairy subsidies.",
    # a finding that a state did not fail clears it
    "The World Trade Organization ruled that Canada did not fail to remove its dairy subsidies.",
])
def test_no_finding_without_a_court_that_finds(coder, text):
    assert ("WTO", "CAN", "11") not in sentence(coder, text)


def test_a_ruled_order_takes_the_ruling_s_date(coder):
    (results,) = coder.code_sentence_events(
        ["In March, 2023, the European Court of Justice ruled that Slovakia has to close the landfill."], WHEN)
    (order,) = [r.event for r in results if r.event.root == "10"]
    assert order.date == date(2023, 3, 1)


def test_a_code_the_registry_lacks_names_no_court():
    # courts.court_organisation catches only the registry's UnknownActorError (it caught every exception before)
    from detente.actors import Mention
    from detente.coding.courts import court_organisation

    assert not court_organisation(Mention(0, 9, "Tribunal", "ZZZ", "name"))
    assert court_organisation(Mention(0, 3, "ICJ", "ICJ", "name"))
