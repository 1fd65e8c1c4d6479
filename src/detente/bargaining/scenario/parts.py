"""The pieces of a scenario: actors at the table, issues, stances and peace plans (plain, frozen data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.scenario.inputs import Estimate, Source


@dataclass(frozen=True)
class ScenarioActor:
    """An actor at the table: registry code, display name and capability (clout)."""

    code: str
    name: str
    capability: Estimate
    description: str = ""


@dataclass(frozen=True)
class Issue:
    """One negotiated issue: a 0-100 scale with labelled anchor points and a status quo."""

    id: str
    name: str
    anchors: dict[float, str]
    status_quo: Estimate
    description: str = ""

    def label(self, value: float) -> str:
        """The label of the anchor nearest to `value`."""
        nearest = min(self.anchors, key=lambda a: abs(a - value))
        return self.anchors[nearest]


@dataclass(frozen=True)
class Stance:
    """An actor's position (0-100) and salience (0-1) on one issue."""

    position: Estimate
    salience: Estimate


@dataclass(frozen=True)
class PlanValue:
    value: float
    source: Source | None = None  # None: covered by the plan's own source


@dataclass(frozen=True)
class Plan:
    """A concrete settlement proposal: one point in issue space (every issue placed)."""

    name: str
    title: str
    description: str
    source: Source
    point: dict[str, PlanValue]

    def vector(self, issue_ids: Iterable[str]) -> NDArray[np.float64]:
        return np.array([self.point[i].value for i in issue_ids], dtype=float)
