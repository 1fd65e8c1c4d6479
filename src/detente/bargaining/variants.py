"""Variants: named what-ifs on a scenario, and their effect on a forecast.

A variant is a list of patches (``set``, ``shift``, ``scale``, ``add_actor``,
``remove_actor``) on the scenario's inputs; the patch types and how they apply live
in `detente.bargaining.scenario.patches` (see there for the targets). This module
applies variants to whole scenarios, widens point inputs, and compares forecasts.

`compare` sets a variant's forecast beside the base case's. Both runs use the same
seed, so the draws for every unchanged input are identical (common random numbers,
see `detente.bargaining.montecarlo`): the shift shows the effect of the patch, not
Monte Carlo noise.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.bargaining.scenario import BOUNDS, Patch, Scenario, Variant
from detente.bargaining.scenario import check_patch as _check_patch

if TYPE_CHECKING:
    from detente.bargaining.forecast import Forecast


def check_patch(scenario: Scenario, patch: Patch) -> None:
    """Raise ScenarioError if `patch` cannot apply to `scenario` (checked when the file loads)."""
    _check_patch(patch, scenario.actor_codes, scenario.issue_ids)


def apply_variant(scenario: Scenario, variant: Variant) -> Scenario:
    """A new Scenario with the variant's patches applied in order (the base is unchanged)."""
    return scenario.apply(variant)


def widen_points(scenario: Scenario, spread: float) -> Scenario:
    """Give every point-valued input a symmetric triangular range (ranges already given are kept).

    Positions and status quo get +-`spread` scale points, saliences +-`spread`/100,
    capabilities +-`spread` per cent; all clipped to their valid range. Meant for inputs
    without ranges, such as KTAB files, as a quick sensitivity analysis. The input hash
    changes, so the widened run is distinguishable from the plain one.
    """
    stances = {
        k: dataclasses.replace(
            v,
            position=v.position.widened(spread, BOUNDS["position"]),
            salience=v.salience.widened(spread / 100.0, BOUNDS["salience"]),
        )
        for k, v in scenario.stances.items()
    }
    actors = tuple(dataclasses.replace(a, capability=a.capability.widened(abs(a.capability.mode) * spread / 100.0, BOUNDS["capability"])) for a in scenario.actors)
    issues = tuple(dataclasses.replace(i, status_quo=i.status_quo.widened(spread, BOUNDS["status_quo"])) for i in scenario.issues)
    return dataclasses.replace(scenario, stances=stances, actors=actors, issues=issues)


@dataclass(frozen=True)
class VariantShift:
    """One issue under one model: base-case and variant medians and intervals, and the shift."""

    model: str
    issue: str
    base_median: float
    base_p10: float
    base_p90: float
    variant_median: float
    variant_p10: float
    variant_p90: float

    @property
    def shift(self) -> float:
        return self.variant_median - self.base_median

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "shift": self.shift}


def compare(base: "Forecast", variant: "Forecast") -> list[VariantShift]:
    """Per model and issue, the variant's forecast next to the base case's (same models, issues)."""
    rows = []
    vsum = {(r.model, r.issue): r for r in variant.summary()}
    for r in base.summary():
        v = vsum.get((r.model, r.issue))
        if v is None:
            continue
        rows.append(VariantShift(r.model, r.issue, r.median, r.p10, r.p90, v.median, v.p10, v.p90))
    return rows
