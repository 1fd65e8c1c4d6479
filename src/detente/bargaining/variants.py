"""Variants: named what-ifs as patches on a scenario's inputs, and their effect on a forecast.

A variant ("US adds sanctions", "Europe offers guarantees") is a list of patches:

* ``set``    replaces an input's estimate (``value: 10`` or ``value: [0, 10, 20]``);
* ``shift``  adds ``by`` to its low, mode and high (clipped to the input's range);
* ``scale``  multiplies them by ``by`` (e.g. ``scale: actors.UKR.capability, by: 0.7``);
* ``add_actor`` / ``remove_actor`` changes who is at the table.

Targets are field paths, the same ones error messages use: ``actors.USA.capability``,
``issues.sanctions.status_quo``, ``positions.USA.sanctions.position``,
``positions.USA.sanctions.salience``.

`compare` sets a variant's forecast beside the base case's. Both runs use the same
seed, so the draws for every unchanged input are identical (common random numbers,
see `detente.bargaining.montecarlo`): the shift shows the effect of the patch, not
Monte Carlo noise.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.errors import ScenarioError

if TYPE_CHECKING:
    from detente.bargaining.forecast import Forecast
    from detente.bargaining.scenario import Estimate, Patch, Scenario, Variant

_TARGET_HELP = (
    "targets are actors.<CODE>.capability, issues.<issue>.status_quo, "
    "positions.<CODE>.<issue>.position or positions.<CODE>.<issue>.salience"
)


def _parse_target(scenario: "Scenario", target: str) -> tuple[str, str | None, str | None]:
    """(kind, actor, issue) for a patch target; ScenarioError if it names nothing real."""
    parts = target.split(".")
    codes, issues = scenario.actor_codes, scenario.issue_ids
    if len(parts) == 3 and parts[0] == "actors" and parts[2] == "capability":
        if parts[1] not in codes:
            raise ScenarioError(f"patch target '{target}': no actor '{parts[1]}' in the scenario", hint=f"use one of: {', '.join(codes)}")
        return "capability", parts[1], None
    if len(parts) == 3 and parts[0] == "issues" and parts[2] == "status_quo":
        if parts[1] not in issues:
            raise ScenarioError(f"patch target '{target}': no issue '{parts[1]}'", hint=f"use one of: {', '.join(issues)}")
        return "status_quo", None, parts[1]
    if len(parts) == 4 and parts[0] == "positions" and parts[3] in ("position", "salience"):
        if parts[1] not in codes:
            raise ScenarioError(f"patch target '{target}': no actor '{parts[1]}' in the scenario", hint=f"use one of: {', '.join(codes)}")
        if parts[2] not in issues:
            raise ScenarioError(f"patch target '{target}': no issue '{parts[2]}'", hint=f"use one of: {', '.join(issues)}")
        return parts[3], parts[1], parts[2]
    raise ScenarioError(f"patch target '{target}' is not an input", hint=_TARGET_HELP)


def check_patch(scenario: "Scenario", patch: "Patch") -> None:
    """Raise ScenarioError if `patch` cannot apply to `scenario` (checked when the file loads)."""
    from detente.bargaining.scenario import BOUNDS

    if patch.op in ("set", "shift", "scale"):
        kind, _, _ = _parse_target(scenario, patch.target)
        if patch.op == "set" and patch.value is not None:
            lo, hi = BOUNDS[kind]
            if patch.value.low < lo or patch.value.high > hi:
                raise ScenarioError(f"value for {kind} is outside [{lo:g}, {hi:g}]", hint=f"give a {kind} between {lo:g} and {hi:g}")
    elif patch.op == "remove_actor":
        if patch.code not in scenario.actor_codes:
            raise ScenarioError(f"cannot remove '{patch.code}': not in the scenario", hint=f"use one of: {', '.join(scenario.actor_codes)}")
    elif patch.op == "add_actor":
        assert patch.actor is not None and patch.stances is not None
        if patch.actor.code in scenario.actor_codes:
            raise ScenarioError(f"cannot add '{patch.actor.code}': already in the scenario", hint="use set/shift patches to change an existing actor")
        missing = [i for i in scenario.issue_ids if i not in patch.stances]
        extra = [i for i in patch.stances if i not in scenario.issue_ids]
        if extra:
            raise ScenarioError(f"added actor has a position on unknown issue '{extra[0]}'", hint=f"use issue ids: {', '.join(scenario.issue_ids)}")
        if missing:
            raise ScenarioError(f"added actor '{patch.actor.code}' has no position on '{missing[0]}'", hint="give the added actor a position and salience on every issue")


def _patched(est: "Estimate", patch: "Patch", kind: str) -> "Estimate":
    from detente.bargaining.scenario import BOUNDS

    bounds = BOUNDS[kind]
    if patch.op == "set":
        assert patch.value is not None
        return patch.value
    assert patch.by is not None
    return est.shifted(patch.by, bounds) if patch.op == "shift" else est.scaled(patch.by, bounds)


def apply_variant(scenario: "Scenario", variant: "Variant") -> "Scenario":
    """A new Scenario with the variant's patches applied in order (the base is unchanged)."""
    actors = list(scenario.actors)
    issues = list(scenario.issues)
    stances = dict(scenario.stances)
    for patch in variant.patches:
        current = dataclasses.replace(scenario, actors=tuple(actors), issues=tuple(issues), stances=stances)
        check_patch(current, patch)
        if patch.op == "remove_actor":
            actors = [a for a in actors if a.code != patch.code]
            stances = {k: v for k, v in stances.items() if k[0] != patch.code}
        elif patch.op == "add_actor":
            assert patch.actor is not None and patch.stances is not None
            actors.append(patch.actor)
            stances.update({(patch.actor.code, i): s for i, s in patch.stances.items()})
        else:
            kind, code, iid = _parse_target(current, patch.target)
            if kind == "capability":
                actors = [dataclasses.replace(a, capability=_patched(a.capability, patch, kind)) if a.code == code else a for a in actors]
            elif kind == "status_quo":
                issues = [dataclasses.replace(i, status_quo=_patched(i.status_quo, patch, kind)) if i.id == iid else i for i in issues]
            else:
                assert code is not None and iid is not None
                st = stances[(code, iid)]
                stances[(code, iid)] = dataclasses.replace(st, **{kind: _patched(getattr(st, kind), patch, kind)})
    return dataclasses.replace(
        scenario,
        actors=tuple(actors),
        issues=tuple(issues),
        stances=stances,
        variant=variant.name if scenario.variant is None else f"{scenario.variant}+{variant.name}",
    )


def widen_points(scenario: "Scenario", spread: float) -> "Scenario":
    """Give every point-valued input a symmetric triangular range (ranges already given are kept).

    Positions and status quo get +-`spread` scale points, saliences +-`spread`/100,
    capabilities +-`spread` per cent; all clipped to their valid range. Meant for inputs
    without ranges, such as KTAB files, as a quick sensitivity analysis. The input hash
    changes, so the widened run is distinguishable from the plain one.
    """
    from detente.bargaining.scenario import BOUNDS, Estimate, Source

    def widen(e: "Estimate", half: float, kind: str) -> "Estimate":
        if not e.is_point or half <= 0:
            return e
        lo, hi = BOUNDS[kind]
        note = f"{e.source.estimate or ''} (point widened by +-{half:g})".strip()
        src = dataclasses.replace(e.source, estimate=note) if e.source else Source(estimate=note)
        return Estimate(max(lo, e.mode - half), e.mode, min(hi, e.mode + half), src)

    stances = {
        k: dataclasses.replace(v, position=widen(v.position, spread, "position"), salience=widen(v.salience, spread / 100.0, "salience"))
        for k, v in scenario.stances.items()
    }
    actors = tuple(dataclasses.replace(a, capability=widen(a.capability, abs(a.capability.mode) * spread / 100.0, "capability")) for a in scenario.actors)
    issues = tuple(dataclasses.replace(i, status_quo=widen(i.status_quo, spread, "status_quo")) for i in scenario.issues)
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
