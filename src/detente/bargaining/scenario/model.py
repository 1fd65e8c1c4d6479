"""The scenario model: a validated negotiation (actors, issues, stances, sources, variants, plans).

`Scenario` is plain, frozen data with the views the rest of detente needs: the
(N, K) arrays of each input's low, mode or high (`ranges()` gives them all at once,
with each input's name), the canonical dict and sha256 of every input (provenance),
and `with_variant` to apply a named what-if.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.scenario.inputs import Citation, Estimate, source_dict
from detente.bargaining.scenario.parts import Issue, Plan, ScenarioActor, Stance
from detente.bargaining.scenario.patches import Variant, apply_patches
from detente.bargaining.scenario.ranges import InputRanges
from detente.errors import ScenarioError


@dataclass(frozen=True)
class Scenario:
    """A validated negotiation: actors, issues, stances, sources, variants and plans."""

    name: str
    title: str
    description: str
    as_of: date | None
    sources: dict[str, Citation]
    actors: tuple[ScenarioActor, ...]
    issues: tuple[Issue, ...]
    stances: dict[tuple[str, str], Stance]  # (actor code, issue id) -> stance
    variants: dict[str, Variant] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    origin: str = "<memory>"
    variant: str | None = None  # the variant applied, if any

    # ---- shape and arrays -------------------------------------------------------------
    @property
    def actor_codes(self) -> list[str]:
        return [a.code for a in self.actors]

    @property
    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def issue(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def stance_array(self, what: Literal["position", "salience"], point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        """(N, K) array of one point (low, mode or high) of positions or saliences."""
        return np.array(
            [[getattr(getattr(self.stances[(a, i)], what), point) for i in self.issue_ids] for a in self.actor_codes],
            dtype=float,
        )

    def capability_array(self, point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        return np.array([getattr(a.capability, point) for a in self.actors], dtype=float)

    def status_quo_array(self, point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        return np.array([getattr(i.status_quo, point) for i in self.issues], dtype=float)

    def ranges(self) -> InputRanges:
        """Low, mode and high of every input as flat vectors with their names (see `ranges.InputRanges`)."""
        pts = {
            p: np.concatenate(
                [
                    self.capability_array(p),  # type: ignore[arg-type]
                    self.status_quo_array(p),  # type: ignore[arg-type]
                    self.stance_array("position", p).reshape(-1),  # type: ignore[arg-type]
                    self.stance_array("salience", p).reshape(-1),  # type: ignore[arg-type]
                ]
            )
            for p in ("low", "mode", "high")
        }
        return InputRanges(tuple(self.actor_codes), tuple(self.issue_ids), pts["low"], pts["mode"], pts["high"])

    # ---- variants ---------------------------------------------------------------------
    def with_variant(self, name: str | None) -> "Scenario":
        """The scenario with a named variant's patches applied (`None`: unchanged)."""
        if name is None:
            return self
        if name not in self.variants:
            close = difflib.get_close_matches(name, list(self.variants), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"choose one of: {', '.join(self.variants) or '(none defined)'}"
            raise ScenarioError(f"unknown variant '{name}'", path=self.origin, field="variants", hint=hint)
        return self.apply(self.variants[name])

    def apply(self, variant: Variant) -> "Scenario":
        """A new Scenario with the variant's patches applied in order (this one is unchanged)."""
        actors, issues, stances = apply_patches(self.actors, self.issues, self.stances, variant.patches)
        return dataclasses.replace(
            self,
            actors=actors,
            issues=issues,
            stances=stances,
            variant=variant.name if self.variant is None else f"{self.variant}+{variant.name}",
        )

    # ---- provenance -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A canonical, JSON-ready dict of every input (used for the input hash and `case show`)."""

        def est(e: Estimate) -> dict[str, Any]:
            return {"value": e.as_value(), "source": source_dict(e.source)}

        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "variant": self.variant,
            "sources": {k: dataclasses.asdict(v) for k, v in self.sources.items()},
            "actors": {a.code: {"name": a.name, "capability": est(a.capability)} for a in self.actors},
            "issues": {
                i.id: {
                    "name": i.name,
                    "anchors": {_num_key(k): v for k, v in i.anchors.items()},
                    "status_quo": est(i.status_quo),
                }
                for i in self.issues
            },
            "positions": {
                a: {
                    i: {"position": est(self.stances[(a, i)].position), "salience": est(self.stances[(a, i)].salience)}
                    for i in self.issue_ids
                }
                for a in self.actor_codes
            },
            "plans": {
                p.name: {"title": p.title, "point": {k: v.value for k, v in p.point.items()}} for p in self.plans.values()
            },
        }

    def input_hash(self) -> str:
        """sha256 of the canonical JSON of every input (the variant, if applied, included)."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def iter_estimates(self) -> Iterable[tuple[str, Estimate]]:
        """Every sourced number as (field path, estimate), for audits and tests."""
        for a in self.actors:
            yield f"actors.{a.code}.capability", a.capability
        for i in self.issues:
            yield f"issues.{i.id}.status_quo", i.status_quo
        for (a, i), st in self.stances.items():
            yield f"positions.{a}.{i}.position", st.position
            yield f"positions.{a}.{i}.salience", st.salience


def _num_key(k: float) -> str:
    return str(int(k)) if float(k).is_integer() else str(k)


def citations_used(scenario: Scenario) -> Mapping[str, int]:
    """How many numbers cite each source id (for `case show`)."""
    counts: dict[str, int] = {k: 0 for k in scenario.sources}
    for _, e in scenario.iter_estimates():
        if e.source.cite:
            counts[e.source.cite] = counts.get(e.source.cite, 0) + 1
    return counts


def scenario_counts(scenario: Scenario) -> dict[str, int]:
    """What a scenario holds (for `case check`): actors, issues, variants, plans, and its numbers by kind of source."""
    estimates = [e for _, e in scenario.iter_estimates()]
    return {
        "actors": len(scenario.actors),
        "issues": len(scenario.issues),
        "variants": len(scenario.variants),
        "plans": len(scenario.plans),
        "numbers": len(estimates),
        "cited": sum(1 for e in estimates if e.source.cite),
        "estimates_only": sum(1 for e in estimates if not e.source.cite),
        "external": sum(1 for e in estimates if e.source.external),
        "ranges": sum(1 for e in estimates if not e.is_point),
    }
