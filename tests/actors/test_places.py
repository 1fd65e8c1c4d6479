"""US places that share a name with a state abroad name no actor: "Atlanta, Georgia", "Moscow, Idaho"."""

from __future__ import annotations

import pytest

from detente.actors import find_mentions


def codes(text: str) -> list[str]:
    return [m.code for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched in Savannah, Georgia on Saturday.",
        "The governor of the state of Georgia signed the bill.",
        "A Georgia state senator filed the suit.",
        "Polls in Georgia and Nevada closed late.",
        "She grew up in Georgia, a U.S. state with a large port.",
    ],
)
def test_the_us_state_of_georgia_is_no_actor(text: str) -> None:
    assert "GEO" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tbilisi, Georgia, hosted the talks.",
        "Russia, Georgia and Ukraine signed the protocol.",
        "On Monday, Georgia recalled its ambassador.",
        "Georgia's foreign minister met his Armenian counterpart.",
        "After Moldova, Georgia applied to join the EU.",
    ],
)
def test_the_country_georgia_stays(text: str) -> None:  # near-misses of the rules above
    assert "GEO" in "".join(codes(text))


def test_a_us_town_before_its_state_is_no_capital() -> None:
    assert codes("The festival in Moscow, Idaho sold out.") == []
    assert codes("A band from Paris, Texas toured.") == []
    assert codes("In Moscow, officials denied it.") == ["RUS"]  # a comma, but no US state after it
    assert codes("Beijing, Washington and Moscow agreed.") == ["CHN", "USA", "RUS"]


def test_a_capitals_name_before_another_state_is_a_town_of_that_state() -> None:
    assert codes("Clashes broke out in Tripoli, Lebanon, overnight.") == ["LBN"]
    assert codes("A strike hit a building in Damascus, Syria.") == ["SYR", "SYR"]  # near-miss: same state
    assert codes("Officials in Tripoli, Benghazi and Misrata") == ["LBY"]  # a list, no state after the comma


def test_a_list_of_capitals_and_states_is_no_town() -> None:
    assert codes("Beijing, Russia and Iran held naval drills.") == ["CHN", "RUS", "IRN"]
    assert codes("Envoys from Moscow, Belarus, Iran met.") == ["RUS", "BLR", "IRN"]


@pytest.mark.parametrize(
    "text", ["Athens, Georgia", "Protesters gathered in Athens, Georgia on Friday.", "He flew from Rome, Georgia to Paris."]
)
def test_another_capital_before_georgia_is_a_us_town_and_its_state(text: str) -> None:
    found = codes(text)
    assert "GRC" not in found and "ITA" not in found and "GEO" not in found


def test_georgia_after_its_own_capital_or_in_a_list_stays_the_country() -> None:
    assert codes("Tbilisi, Georgia hosted the talks.") == ["GEO", "GEO"]
    assert codes("Talks in Athens, Georgia and Moscow.") == ["GRC", "GEO", "RUS"]  # a list goes on
    assert codes("In Athens, Georgia's foreign minister met his Greek counterpart.") == ["GRC", "GEOGOV", "GRC"]
