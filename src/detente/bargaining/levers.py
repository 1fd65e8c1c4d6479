"""Lever search: which changes of the inputs move the forecast toward one actor's ideal the most.

This is a search *inside the model*: it asks which inputs the models' forecast
responds to, seen from one actor. It is not advice about the world: an input here
(another actor's position or salience) stands for whatever would change it, and the
model does not know what that would cost or whether it can be done.

For actor i with ideal point x_i (its own position modes) the search tries, one at a
time, every candidate change of size `budget`:

* every other actor's position on each issue, moved `budget` scale points up and down;
* every other actor's salience on each issue, moved `budget` / 100 up and down;
* actor i's own (stated) position on each issue, moved `budget` points up and down
  (its ideal stays where it was: the lever is what it says at the table).

Each change shifts the input in every Monte Carlo draw (clipped to its valid range:
positions 0-100, salience 0-1), the models run again on those draws (the forecast's
own draws when a forecast is given), and the pooled median forecast is compared
with the one before. The *gain* is how much closer the forecast comes to i's ideal,
in scale points: on one issue (``issue=``) the distance |forecast - ideal|; over all
issues the salience-weighted mean distance, i.e. 100 (1 - u_i) with the utility of
`detente.bargaining.plans`. Levers are ranked by gain per unit of change (per scale
point of position, per 0.01 of salience), each with the forecast before and after.

Choices
-------
* One change at a time (no combinations): the effects are local to the scenario as
  stated; combining levers can interact, which a sensitivity analysis (`sobol`) shows.
* Clipping: a change that the range cuts short counts by the change actually made.
* Levers with no gain are reported only as a count, not listed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.executor import CHUNK_ROWS, chunks
from detente.bargaining.models.base import MODELS
from detente.bargaining.montecarlo import (
    DEFAULT_SEED,
    Change,
    RowChunk,
    RowJob,
    check_models,
    default_models,
    forecast_inputs,
    model_params,
    run_rows,
)
from detente.bargaining.plans import utility
from detente.bargaining.scenario import BOUNDS, Scenario
from detente.errors import InputError, ModelError, UnknownActorError

if TYPE_CHECKING:
    from detente.bargaining.executor import Executor, Progress
    from detente.bargaining.forecast import Forecast

DEFAULT_BUDGET = 10.0
DEFAULT_DRAWS = 200
LABEL = "Lever search inside the model: which inputs the forecast responds to, not advice about the world"


@dataclass(frozen=True)
class Lever:
    """One change of one input and what it does to the forecast, seen from the actor."""

    input: str
    kind: str  # position or salience
    actor: str
    issue: str
    before: float  # the input's mode
    after: float  # mode plus the (clipped) change
    gain: float  # scale points closer to the actor's ideal
    forecast_before: dict[str, float]
    forecast_after: dict[str, float]

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def units(self) -> float:
        """Size of the change in units: scale points for positions, hundredths for salience."""
        return abs(self.change) * (100.0 if self.kind == "salience" else 1.0)

    @property
    def gain_per_unit(self) -> float:
        return self.gain / self.units if self.units > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "kind": self.kind,
            "actor": self.actor,
            "issue": self.issue,
            "from": self.before,
            "to": self.after,
            "change": self.change,
            "gain": self.gain,
            "gain_per_unit": self.gain_per_unit,
            "forecast_before": self.forecast_before,
            "forecast_after": self.forecast_after,
        }


@dataclass(frozen=True)
class LeverSearch:
    """The ranked levers for one actor, with the reference forecast and the run's provenance."""

    actor: str
    actor_name: str
    issue: str | None
    ideal: dict[str, float]
    distance: float  # before any change, scale points
    forecast: dict[str, float]
    levers: tuple[Lever, ...]
    tried: int
    budget: float
    models: list[str]
    draws: int
    seed: int
    input_hash: str
    case: str
    variant: str | None
    notes: list[str] = field(default_factory=list)

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        return {
            "label": LABEL,
            "case": self.case,
            "variant": self.variant,
            "actor": self.actor,
            "actor_name": self.actor_name,
            "issue": self.issue,
            "ideal": self.ideal,
            "distance_before": self.distance,
            "forecast": self.forecast,
            "budget": self.budget,
            "tried": self.tried,
            "models": self.models,
            "draws": self.draws,
            "seed": self.seed,
            "input_hash": self.input_hash,
            "notes": self.notes,
            "levers": [lv.to_dict() for lv in (self.levers[:top] if top else self.levers)],
        }


def resolve_actor(scenario: Scenario, name: str) -> str:
    """The scenario's actor code for a code, a name or anything the actor registry resolves ("the Kremlin")."""
    text = name.strip()
    by_code = {c.upper(): c for c in scenario.actor_codes}
    if text.upper() in by_code:
        return by_code[text.upper()]
    by_name = {a.name.lower(): a.code for a in scenario.actors}
    if text.lower() in by_name:
        return by_name[text.lower()]
    from detente.actors import get_registry

    registry = get_registry()
    code = registry.resolve(text, on=scenario.as_of)
    if code is not None:
        base = registry.base_code(code) if registry.is_code(code) else code
        for candidate in (code, base):
            if candidate in scenario.actor_codes:
                return candidate
        raise UnknownActorError(
            f"'{name}' is {base}, which is not at the table in {scenario.name}",
            field="ACTOR",
            hint=f"choose one of: {', '.join(f'{a.code} ({a.name})' for a in scenario.actors)}",
        )
    choices = scenario.actor_codes + [a.name for a in scenario.actors]
    close = difflib.get_close_matches(text, choices, n=3, cutoff=0.5) or difflib.get_close_matches(text.upper(), scenario.actor_codes, n=3, cutoff=0.3)
    raise UnknownActorError(
        f"unknown actor '{name}' in {scenario.name}",
        field="ACTOR",
        hint=(f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "") + f"actors: {', '.join(f'{a.code} ({a.name})' for a in scenario.actors)}",
    )


def resolve_issue(scenario: Scenario, issue: str) -> str:
    """An issue id of the scenario (case-insensitive, or by its name); InputError with the nearest ones."""
    for i in scenario.issues:
        if issue.lower() in (i.id.lower(), i.name.lower()):
            return i.id
    close = difflib.get_close_matches(issue.lower(), scenario.issue_ids, n=2, cutoff=0.5)
    raise InputError(
        f"unknown issue '{issue}' in {scenario.name}",
        field="--issue",
        hint=(f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "") + f"issues: {', '.join(scenario.issue_ids)}",
    )


def model_rows(scenario: Scenario, *, issue: str | None, draws: int, models: Sequence[str] | None = None) -> int:
    """About how many model rows :func:`find_levers` runs, known before any work: it sizes the executor.

    Up to four changes per actor (position and salience, up and down) on each issue searched, ``draws`` rows each, for every model.
    """
    issues = 1 if issue else len(scenario.issues)
    return 4 * len(scenario.actors) * issues * draws * len(models or default_models())


def find_levers(
    scenario: Scenario,
    actor: str,
    *,
    issue: str | None = None,
    budget: float = DEFAULT_BUDGET,
    models: Sequence[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    forecast: "Forecast | None" = None,
    params: dict[str, dict[str, Any]] | None = None,
    executor: "Executor | None" = None,
    progress: "Progress | None" = None,
) -> LeverSearch:
    """Rank one actor's levers (see the module docstring); `actor` by code, name or alias."""
    if not 0 < budget <= 100:
        raise InputError(f"budget {budget:g} is outside (0, 100]", field="--budget", hint="give the size of each change in scale points, e.g. 10 (saliences move budget/100)")
    if draws < 1:
        raise InputError(f"draws must be at least 1, got {draws}", field="--draws", hint=f"give 1 or more (default {DEFAULT_DRAWS})")
    code = resolve_actor(scenario, actor)
    issue_id = resolve_issue(scenario, issue) if issue is not None else None
    names = check_models(list(models) if models else (forecast.models if forecast is not None else default_models()))
    if forecast is not None:
        seed = forecast.seed
    base_inputs = forecast_inputs(scenario, forecast, draws=draws, seed=seed)
    d = base_inputs.shape[0]
    ranges = scenario.ranges()
    base = ranges.join(base_inputs.positions, base_inputs.salience, base_inputs.capability, base_inputs.status_quo)
    issues = scenario.issue_ids
    k = len(issues)
    n = scenario.actor_codes.index(code)
    ideal = scenario.stance_array("position", "mode")[n]
    weights = scenario.stance_array("salience", "mode")[n]
    targets = [issue_id] if issue_id else issues

    candidates: list[tuple[int, str, str, str, float]] = []  # (column, kind, actor, issue, signed delta)
    for other in scenario.actor_codes:
        kinds = ("position",) if other == code else ("position", "salience")
        for kind in kinds:
            for iid in targets:
                col = ranges.index(f"positions.{other}.{iid}.{kind}")
                step = budget if kind == "position" else budget / 100.0
                lo, hi = BOUNDS[kind]
                mode = ranges.mode[col]
                for delta in (step, -step):
                    moved = float(np.clip(mode + delta, lo, hi)) - mode
                    if abs(moved) > 1e-12:
                        candidates.append((col, kind, other, iid, delta))
    changes: list[Change] = [(col, "shift", delta, *BOUNDS[kind]) for col, kind, _, _, delta in candidates]
    job = RowJob(ranges, base, {m: (MODELS[m], model_params(MODELS[m], (params or {}).get(m))) for m in names})
    group = max(1, CHUNK_ROWS // d)
    work = [RowChunk(m, a, b) for m in names for a, b in chunks(d, CHUNK_ROWS)]
    work += [RowChunk(m, a, b, tuple(changes[g : g + group])) for m in names for g in range(0, len(changes), group) for a, b in chunks(d, CHUNK_ROWS)]
    results = run_rows(job, work, executor, progress)
    for chunk, r in zip(work, results):
        if r.error is not None:
            raise ModelError(f"model '{chunk.model}' failed during the lever search: {r.error}", hint="leave it out with --model")
    before_rows = [r.outcome for c, r in zip(work, results) if not c.changes]
    before = np.median(np.concatenate(before_rows, axis=0), axis=0)  # type: ignore[arg-type]
    cube = {m: np.empty((len(changes), d, k)) for m in names}
    offset = {tuple(changes[g : g + group]): g for g in range(0, len(changes), group)}
    for c, r in zip(work, results):
        if c.changes:
            g0 = offset[c.changes]
            cube[c.model][g0 : g0 + len(c.changes), c.start : c.stop] = r.outcome.reshape(len(c.changes), c.stop - c.start, k)  # type: ignore[union-attr]
    after = np.median(np.concatenate([cube[m] for m in names], axis=1), axis=1) if changes else np.empty((0, k))  # (changes, K)

    def distance(x: NDArray[np.float64]) -> NDArray[np.float64]:
        if issue_id is not None:
            j = issues.index(issue_id)
            return np.abs(x[..., j] - ideal[j])
        return 100.0 * (1.0 - utility(ideal[None, None, :], weights[None, None, :], np.atleast_2d(x))[..., 0])

    d_before = float(distance(before[None])[0])
    d_after = distance(after) if len(after) else np.empty(0)
    levers = []
    for c, (col, kind, other, iid, delta) in enumerate(candidates):
        gain = d_before - float(d_after[c])
        if gain <= 1e-9:
            continue
        lo, hi = BOUNDS[kind]
        mode = float(ranges.mode[col])
        moved = {i for j, i in enumerate(issues) if abs(after[c, j] - before[j]) >= 0.05}
        shown = [i for i in issues if i == iid or i in moved]
        levers.append(
            Lever(
                input=ranges.names[col],
                kind=kind,
                actor=other,
                issue=iid,
                before=mode,
                after=float(np.clip(mode + delta, lo, hi)),
                gain=gain,
                forecast_before={i: float(before[issues.index(i)]) for i in shown},
                forecast_after={i: float(after[c, issues.index(i)]) for i in shown},
            )
        )
    levers.sort(key=lambda lv: (-lv.gain_per_unit, lv.input, lv.change))
    notes = []
    if not levers:
        notes.append(f"none of the {len(candidates)} changes of size {budget:g} moves the forecast toward {code}'s ideal")
    if issue_id is None:
        notes.append("gain = salience-weighted mean distance to the actor's ideal over all issues, in scale points")
    return LeverSearch(
        actor=code,
        actor_name=next(a.name for a in scenario.actors if a.code == code),
        issue=issue_id,
        ideal={i: float(ideal[j]) for j, i in enumerate(issues) if i in targets},
        distance=d_before,
        forecast={i: float(before[j]) for j, i in enumerate(issues)},
        levers=tuple(levers),
        tried=len(candidates),
        budget=budget,
        models=names,
        draws=d,
        seed=seed,
        input_hash=scenario.input_hash(),
        case=scenario.name,
        variant=scenario.variant,
        notes=notes,
    )
