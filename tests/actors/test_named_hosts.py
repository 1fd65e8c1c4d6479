"""Sides named in the sentence that the registry used to miss or code wrongly (session 13):
seats of government by their building, armed services by their own name, a surname after another
state's title, and office-holders' earlier offices."""

from __future__ import annotations

from datetime import date

from detente.actors import get_registry

ON = date(2021, 3, 1)


def codes(text: str, on: date = ON) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in get_registry().find_mentions(text, on=on)]


def test_seats_of_government_by_their_building() -> None:
    assert ("Miraflores Palace", "VENGOV") in codes("The envoy was received at Miraflores Palace on Monday.")
    assert ("Maximos Mansion", "GRCGOV") in codes("Talks at the Maximos Mansion ended late.")
    assert ("Casa Rosada", "ARGGOV") in codes("The Casa Rosada rejected the claim.")
    assert ("Kantei", "JPNGOV") in codes("A spokesman for the Kantei declined to comment.")


def test_a_building_name_with_its_generic_word_in_lower_case() -> None:
    assert ("Elysee palace", "FRAGOV") in codes("The minister left the Elysee palace at noon.")
    assert ("Prague castle", "CZEGOV") in codes("Prague castle said the visit was postponed.")
    assert codes("The palace said nothing.") == []


def test_armed_services_named_without_their_state() -> None:
    assert codes("A Royal Navy frigate shadowed the Russian corvette.") == [("Royal Navy", "GBRMIL"), ("Russian", "RUS")]
    assert ("Maritime Self-Defense Force", "JPNMIL") in codes("The Maritime Self-Defense Force tracked the ships.")
    assert ("Canadian Navy", "CANMIL") in codes("The Royal Canadian Navy sailed.")  # no "Royal Navy" inside
    assert ("Royal Navy", "GBRMIL") not in codes("The Royal Canadian Navy sailed.")


def test_a_surname_after_another_states_title_is_not_that_surnames_holder() -> None:
    found = codes("South Korean Foreign Minister Kim met the envoy.")
    assert ("South Korean Foreign Minister", "KORGOV") in found
    assert all(code[:3] == "KOR" for _, code in found)
    assert ("Morrison", "AUSGOV") in codes("Australian Prime Minister Morrison met the envoy.")
    assert ("Morrison", "AUSGOV") in codes("Prime Minister Morrison met the envoy.")


def test_an_office_holders_earlier_office() -> None:
    assert ("Rishi Sunak", "GBRGOV") in codes("Rishi Sunak met the German finance minister.", on=date(2021, 6, 1))
    assert ("Rishi Sunak", "GBR") in codes("Rishi Sunak met the German finance minister.", on=date(2022, 8, 1))
