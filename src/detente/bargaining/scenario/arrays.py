"""Scenarios from arrays and from KTAB CSV files (point values, sourced to the arrays or the file)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np

from detente.bargaining.scenario.inputs import Estimate, Source
from detente.bargaining.scenario.model import Scenario
from detente.bargaining.scenario.parts import Issue, ScenarioActor, Stance
from detente.errors import ScenarioError


def scenario_from_arrays(
    *,
    name: str,
    actors: list[str],
    issues: list[str],
    positions: Any,
    salience: Any,
    capability: Any,
    status_quo: Any | None = None,
    title: str | None = None,
    description: str = "",
    source: Source | None = None,
    actor_names: list[str] | None = None,
) -> Scenario:
    """A point-valued scenario from arrays (positions/salience (N, K), capability (N,)).

    Actor codes are not checked against the registry (they may be any labels, as in
    KTAB files). `status_quo` defaults to the per-issue median of positions.
    """
    p = np.asarray(positions, dtype=float)
    s = np.asarray(salience, dtype=float)
    c = np.asarray(capability, dtype=float)
    src = source or Source(estimate="given as arrays")
    q = np.median(p, axis=0) if status_quo is None else np.asarray(status_quo, dtype=float)
    names = actor_names or actors
    return Scenario(
        name=name,
        title=title or name,
        description=description,
        as_of=None,
        sources={},
        actors=tuple(ScenarioActor(code, nm, Estimate.point(c[n], src)) for n, (code, nm) in enumerate(zip(actors, names))),
        issues=tuple(
            Issue(iid, iid, {0.0: "0", 100.0: "100"}, Estimate.point(q[k], src)) for k, iid in enumerate(issues)
        ),
        stances={
            (code, iid): Stance(Estimate.point(p[n, k], src), Estimate.point(s[n, k], src))
            for n, code in enumerate(actors)
            for k, iid in enumerate(issues)
        },
        origin=name,
    )


def scenario_from_ktab(path: str | Path) -> Scenario:
    """A Scenario from a KTAB Spatial-Model-of-Politics CSV (via `detente.bargaining.ktab`).

    KTAB inputs are point values without sources or a status quo: every number's
    source is the file itself, actor labels are kept as they are (not checked
    against the registry), and the status quo of each issue is the median of the
    actors' positions (KTAB has no reference point; Nash and plan tests need one).
    """
    try:
        from detente.bargaining.ktab import read_ktab_csv
    except ImportError:
        raise ScenarioError(
            "reading KTAB CSV files is not available in this build",
            path=path,
            hint="write the scenario as YAML (see docs/reference/scenario-format.md)",
        ) from None
    k = read_ktab_csv(path)
    src = Source(estimate=f"from the KTAB input file {Path(path).name}")
    scenario = scenario_from_arrays(
        name=k.name or Path(path).stem,
        title=k.description or k.name or Path(path).stem,
        description=k.description,
        actors=list(k.actors),
        actor_names=list(k.actor_descriptions) if k.actor_descriptions else None,
        issues=list(k.dimensions),
        positions=k.positions,
        salience=k.salience,
        capability=k.power,
        source=src,
    )
    return dataclasses.replace(scenario, origin=str(path))
