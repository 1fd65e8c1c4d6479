"""Every country name in the ICEWS sample resolves (ICEWS spells some names its own way)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from detente.actors import get_registry

ICEWS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "icews_events_2018_sample.tab"


@pytest.mark.shared_data
def test_icews_country_names_resolve() -> None:
    if not ICEWS.exists():
        pytest.skip("../shared/data/icews_events_2018_sample.tab absent")
    names: set[str] = set()
    with ICEWS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names |= {row["Source Country"], row["Target Country"]}
    names -= {"", "NA"}
    assert len(names) > 100
    registry = get_registry()
    unresolved = sorted(n for n in names if registry.resolve(n) is None)
    assert unresolved == []
    assert all(len(registry.resolve(n) or "") == 3 for n in names)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russian Federation", "RUS"), ("Moldova, Republic of", "MDA"), ("Occupied Palestinian Territory", "PSE"),
        ("the former Yugoslav Republic of Macedonia", "MKD"), ("Democratic Republic of Congo", "COD"),
        ("Congo", "COG"), ("Swaziland", "SWZ"), ("Holy See", "VAT"), ("Hong Kong", "HKG"), ("Czech Republic", "CZE"),
        ("Cote d'Ivoire", "CIV"), ("Timor-Leste", "TLS"), ("Laos", "LAO"), ("Western Sahara", "ESH"),
    ],
)
def test_icews_spellings_without_the_file(name: str, code: str) -> None:
    assert get_registry().resolve(name) == code
