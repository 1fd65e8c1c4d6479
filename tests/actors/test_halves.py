""""The North" and "the South" for a divided country's states, only in a text that names one of them."""

from __future__ import annotations

from detente.actors import get_registry

REG = get_registry()


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in REG.find_mentions(text)]


def test_the_halves_are_the_koreas_when_a_korea_is_named() -> None:
    assert codes("Seoul protested after the North tested an engine.") == [("Seoul", "KOR"), ("North", "PRK")]
    assert codes("North Korea mocked the South for its drills.") == [("North Korea", "PRK"), ("South", "KOR")]
    assert codes("The North's army fired shells, South Korean officials said.") == [
        ("North's army", "PRKMIL"), ("South Korean officials", "KORGOV"),
    ]


def test_the_halves_alone_or_as_other_names_are_no_korea() -> None:
    assert codes("The North won the match against the South.") == []
    assert codes("South Korea sent ships to the South China Sea.") == [("South Korea", "KOR"), ("China", "CHN")]
    assert codes("Pyongyang sent a ship to the North Atlantic.") == [("Pyongyang", "PRK")]
    assert codes("South Korean troops moved to the south of the country.") == [("South Korean troops", "KORMIL")]


def test_a_text_naming_another_half_state_is_left_alone() -> None:
    assert codes("South Africa and South Korea met; the South wants more.") == [
        ("South Africa", "ZAF"), ("South Korea", "KOR"),
    ]


def test_the_south_is_south_sudan_in_a_text_about_the_sudans() -> None:
    assert codes("The South blamed Khartoum for the raid.") == [("South", "SSD"), ("Khartoum", "SDN")]


def test_a_text_naming_both_pairs_is_left_alone() -> None:
    assert codes("Sudan and South Korea talked; the South agreed.") == [("Sudan", "SDN"), ("South Korea", "KOR")]
