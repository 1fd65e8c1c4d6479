"""The one dyad rule (`detente.actors.dyads`): sides by `actor_prefixes`, one country's own events left out."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from detente.actors.dyads import as_dyad_filter, dyad_filter
from detente.errors import InputError, UnknownActorError

ROWS = [  # (source, target): hand-written codes as GDELT and the text coder store them
    ("EUR", "DEUGOV"),      # the EU to Germany: an EU-Germany event
    ("DEUGOV", "DEUCOP"),   # the German government against the German police: domestic
    ("FRAGOV", "DEU"),      # France (an EU member) to Germany: EU-Germany, across two countries
    ("DEUMIL", "DEUCOP"),   # domestic again, two sectors
    ("USAGOV", "RUSGOV"),
    ("RUS", "USAMIL"),
    ("USAGOV", "USAMIL"),   # the US government and its military: domestic
    ("UKRREB", "RUS"),      # Ukraine's separatists are not Ukraine
    ("POLGOV", "POLMIL"),   # domestic in a state of the EU and NATO
    ("EUR", "NATO"),
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["source", "target"])


def _pandas(rule, directed: bool = False) -> list[int]:  # noqa: ANN001
    frame = _frame()
    return [i for i, hit in enumerate(rule.mask(frame["source"], frame["target"], directed=directed)) if hit]


def _duckdb(rule, directed: bool = False) -> list[int]:  # noqa: ANN001
    con = duckdb.connect()
    con.execute("CREATE TABLE events (i INTEGER, source VARCHAR, target VARCHAR)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?)", [(i, s, t) for i, (s, t) in enumerate(ROWS)])
    condition, params = rule.sql("source", "target", directed=directed)
    return [r[0] for r in con.execute(f"SELECT i FROM events WHERE {condition} ORDER BY i", params).fetchall()]


@pytest.mark.parametrize(
    ("a", "b", "expected", "domestic"),
    [
        ("EUR", "DEU", [0, 2], [1, 3]),                     # a group with one of its members: Germany's own events stay out
        ("European Union", "Germany", [0, 2], [1, 3]),      # names as people type them
        ("United States", "Russia", [4, 5], []),
        ("DEUGOV", "DEUCOP", [1], []),                      # two sides of one country, asked for: its domestic event
        ("USAGOV", "USAMIL", [6], []),
        ("UKR", "RUS", [], []),                             # UKRREB is not Ukraine
        ("EUR", "NATO", [0, 2, 9], [1, 3, 8]),              # members count on both sides; the own events of states in both stay out
    ],
)
def test_the_rule_and_its_sql_select_the_same_events(a: str, b: str, expected: list[int], domestic: list[int]) -> None:
    rule = dyad_filter(a, b)
    assert _pandas(rule) == expected == _duckdb(rule)
    assert _pandas(rule.domestic_only()) == domestic == _duckdb(rule.domestic_only())
    assert _pandas(rule.with_domestic()) == sorted(expected + domestic) == _duckdb(rule.with_domestic())


def test_a_directed_dyad_keeps_one_direction() -> None:
    rule = dyad_filter("RUS", "USA")
    assert _pandas(rule, directed=True) == [5] == _duckdb(rule, directed=True)
    assert _pandas(rule) == [4, 5]


def test_overlapping_unknown_and_malformed_dyads_are_errors() -> None:
    with pytest.raises(InputError, match="overlap"):
        dyad_filter("USA", "USAGOV")
    with pytest.raises(UnknownActorError, match="Atlantis"):
        dyad_filter("USA", "Atlantis")
    with pytest.raises(InputError, match="pair of actors"):
        as_dyad_filter(("USA",), field="--dyad")
    with pytest.raises(InputError, match="pair of actors"):
        as_dyad_filter("USA-RUS")
    rule = dyad_filter("EUR", "DEU")
    assert as_dyad_filter(rule) is rule and as_dyad_filter(("EUR", "DEU")) == rule
    assert as_dyad_filter(("USA", "USAGOV")).pair == ("USA", "USAGOV")  # the store answers any pair; the commands refuse it
