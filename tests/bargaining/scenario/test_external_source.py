"""A source may name a fact from outside the cited texts (`external:`), kept apart from quote and estimate."""

from __future__ import annotations

import pytest

from detente.bargaining.scenario import Source, parse_scenario
from detente.errors import ScenarioError

BASE = """\
name: t
title: T
sources:
  memo: {{outlet: Memo, title: Positions, date: "2025-02-28"}}
actors:
  USA: {{capability: {{value: 100, source: {{estimate: "reference"}}}}}}
  RUS: {{capability: {{value: 50, source: {source}}}}}
issues:
  sanctions:
    name: Sanctions
    anchors: {{0: none, 100: all}}
    status_quo: {{value: 25, source: {{estimate: "kept"}}}}
positions:
  USA: {{sanctions: {{position: {{value: 20, source: {{estimate: "a"}}}}, salience: {{value: 0.5, source: {{estimate: "b"}}}}}}}}
  RUS: {{sanctions: {{position: {{value: 90, source: {{estimate: "c"}}}}, salience: {{value: 0.7, source: {{estimate: "d"}}}}}}}}
"""


def test_external_is_kept_apart_and_described() -> None:
    src = '{cite: memo, quote: "Russia is strong", external: "troop numbers from a 2024 yearbook"}'
    case = parse_scenario(BASE.format(source=src))
    cap = case.actors[1].capability.source
    assert cap == Source(cite="memo", quote="Russia is strong", external="troop numbers from a 2024 yearbook")
    assert cap.describe() == 'memo: "Russia is strong"; external (not in the sources): troop numbers from a 2024 yearbook'
    assert case.to_dict()["actors"]["RUS"]["capability"]["source"]["external"].startswith("troop numbers")


def test_external_alone_is_a_source_and_nothing_is_not() -> None:
    case = parse_scenario(BASE.format(source='{external: "a yearbook figure"}'))
    assert case.actors[1].capability.source.external == "a yearbook figure"
    with pytest.raises(ScenarioError, match="external"):
        parse_scenario(BASE.format(source="{}"))


def test_scenarios_without_external_keep_their_hash() -> None:
    """Adding the field changes nothing for files that do not use it (the input hash drops empty fields)."""
    case = parse_scenario(BASE.format(source='{estimate: "half"}'))
    assert "external" not in case.to_dict()["actors"]["RUS"]["capability"]["source"]
