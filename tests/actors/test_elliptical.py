"""'The North' / 'the South' for the Koreas in a text that names a Korea (detente.actors.elliptical)."""

from __future__ import annotations

from datetime import date

from detente.actors import get_registry


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in get_registry().find_mentions(text, on=date(2021, 3, 1))]


def test_the_north_and_the_south_in_a_text_that_names_a_korea() -> None:
    found = codes("After the North's missile test, Seoul's foreign minister warned the North that the South would respond.")
    assert found.count(("North", "PRK")) == 2 and ("South", "KOR") in found


def test_the_north_alone_or_in_other_names_is_no_korea() -> None:
    assert codes("Rebels hold the North of Mali.") == [("Mali", "MLI")]
    assert ("South", "KOR") not in codes("Seoul and the South American bloc met.")
    assert codes("He urged the North to talk.") == []
