"""Variants: patches on any input, checked when the file loads, compared with the base case."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.montecarlo import draw_inputs, run_forecast
from detente.bargaining.scenario import parse_scenario
from detente.bargaining.variants import compare
from detente.errors import ScenarioError

TOY = (Path(__file__).parent / "scenario_toy.yaml").read_text(encoding="utf-8")

VARIANTS = """
variants:
  hawk:
    title: US turns hawkish
    description: the US wants tighter sanctions and cares more
    source: {estimate: "a what-if"}
    patches:
      - {set: positions.USA.sanctions.position, value: [0, 5, 10]}
      - {shift: positions.USA.sanctions.salience, by: 0.7}
      - {scale: actors.RUS.capability, by: 0.5}
      - {set: issues.sanctions.status_quo, value: 10}
  china-joins:
    title: China joins
    description: a third actor at the table
    patches:
      - add_actor:
          code: CHN
          capability: {value: [20, 30, 40], source: {estimate: "a guess"}}
          positions:
            sanctions:
              position: {value: 90, source: {estimate: "against sanctions"}}
              salience: {value: 0.4, source: {estimate: "moderate"}}
  russia-leaves:
    title: Russia leaves
    description: only the US remains
    patches:
      - {remove_actor: RUS}
"""


@pytest.fixture(scope="module")
def scenario():
    return parse_scenario(TOY + VARIANTS)


def test_set_shift_scale_patches(scenario) -> None:
    v = scenario.with_variant("hawk")
    assert v.variant == "hawk"
    usa = v.stances[("USA", "sanctions")]
    assert (usa.position.low, usa.position.mode, usa.position.high) == (0, 5, 10)
    assert usa.salience.mode == 1.0  # 0.5 + 0.7 clipped to the salience range
    rus = v.actors[1].capability
    assert (rus.low, rus.mode, rus.high) == (25, 35, 45)
    assert v.issue("sanctions").status_quo.mode == 10
    # the base is untouched
    assert scenario.stances[("USA", "sanctions")].position.mode == 50
    assert scenario.input_hash() != v.input_hash()


def test_add_and_remove_actor(scenario) -> None:
    more = scenario.with_variant("china-joins")
    assert more.actor_codes == ["USA", "RUS", "CHN"]
    assert more.actors[2].name == "China"
    fewer = scenario.with_variant("russia-leaves")
    assert fewer.actor_codes == ["USA"]
    assert all(code == "USA" for code, _ in fewer.stances)


def test_variant_shares_random_numbers_with_base(scenario) -> None:
    base = draw_inputs(scenario, 100, 4)
    more = draw_inputs(scenario.with_variant("china-joins"), 100, 4)
    np.testing.assert_array_equal(base.positions, more.positions[:, :2])


def test_compare_reports_the_shift(scenario) -> None:
    base = run_forecast(scenario, ["compromise"], draws=200, seed=3)
    hawk = run_forecast(scenario.with_variant("hawk"), ["compromise"], draws=200, seed=3)
    (row,) = compare(base, hawk)
    assert row.issue == "sanctions" and row.model == "compromise"
    assert row.shift == pytest.approx(row.variant_median - row.base_median)
    assert row.shift < -10  # a hawkish, more engaged US pulls the compromise down
    assert hawk.variant == "hawk" and hawk.input_hash != base.input_hash


def test_unknown_variant_suggests(scenario) -> None:
    with pytest.raises(ScenarioError, match="did you mean 'hawk'"):
        scenario.with_variant("hawks")


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ("- {set: positions.XXX.sanctions.position, value: 5}", "no actor 'XXX'"),
        ("- {set: positions.USA.tariffs.position, value: 5}", "no issue 'tariffs'"),
        ("- {set: actors.USA.influence, value: 5}", "is not an input"),
        ("- {set: positions.USA.sanctions.salience, value: 3}", "outside [0, 1]"),
        ("- {remove_actor: CHN}", "cannot remove 'CHN'"),
        ("- {shift: actors.USA.capability}", "need `by`"),
        ("- {set: actors.USA.capability, value: 5, remove_actor: RUS}", "exactly one"),
    ],
)
def test_bad_patches_fail_at_load(patch: str, message: str) -> None:
    text = TOY + f"variants:\n  bad:\n    title: t\n    description: d\n    patches:\n      {patch}\n"
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, origin="v.yaml")
    assert message in str(info.value)
    assert "variants.bad.patches.0" in str(info.value)
    assert "v.yaml:" in str(info.value)
