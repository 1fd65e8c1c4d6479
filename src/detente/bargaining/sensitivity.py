"""Sensitivity analysis: which of a scenario's inputs each issue's forecast depends on, and how much.

Every input is swept: each actor's capability, each issue's status quo, each actor's
position and salience on each issue (`Scenario.ranges()`), across its plausible
range, the triangular (low, mode, high) the scenario states. A point value has no
range; it gets the documented default spread `DEFAULT_SPREAD` (positions and status
quo +-10 scale points, saliences +-0.10, capabilities +-10 per cent, clipped to the
valid range, as `detente forecast --spread 10` does), and the result lists those
inputs in a note, so a default is never mistaken for the analyst's own range.

Three methods
-------------
``oat`` (one at a time, the tornado). For each input, the forecast is run with that
input at its low and then at its high while every other input keeps its Monte Carlo
draws (the forecast's own draws when a forecast is given, else drawn from the seed).
The effect on an issue is the pooled median forecast at the high end minus that at
the low end, in scale points. Cheap (2 runs of D draws per input) and easy to read,
but blind to interactions: an input that matters only together with another shows
little.

``morris`` (elementary effects; Morris 1991, with the mu* of Campolongo, Cariboni and
Saltelli 2007). `draws` random trajectories through a 4-level grid of the inputs'
quantiles each move every input once by 2/3 of its range (in probability, so the
triangular shape is kept); mu* is the mean absolute change of the issue's forecast per
such move, in scale points, and sigma its standard deviation (a large sigma against
mu* signals interactions or a non-linear effect). Screening: r (P + 1) runs.

``sobol`` (variance-based; Sobol 2001, estimators of Saltelli et al. 2010 and Jansen
1999 as implemented by SALib). S1 is the share of the forecast's variance due to the
input alone, ST the share including all its interactions, each with a bootstrap 95%
confidence interval. Inputs are sampled from their triangular distributions (a Sobol'
sequence in the unit cube mapped through the inverse CDF), so the shares refer to the
uncertainty the scenario states. Costs N (P + 2) runs, N a power of two.

For morris and sobol the forecast of one run is the mean of the chosen models'
outcomes; for oat, the median of all chosen models' draws pooled (as `Forecast.ensemble`).
Sampling and analysis use SALib, the field's standard library (Herman and Usher 2017);
the model runs go through `detente.bargaining.executor`, so a sweep runs in this
process, a local pool or on a Dask cluster with the same numbers for the same seed.

Choices
-------
* Default spread for point inputs: +-10 (see above); `spread=` changes it, 0 leaves
  point inputs out of the sweep (listed in a note).
* Morris grid: 4 levels (SALib's default, the textbook choice).
* Sobol: first and total order only (no second order: its cost doubles the runs
  and the case has hundreds of pairs); bootstrap of 100 resamples, 95% intervals.
* Overall ranking: an input's mean index over issues (scale points for oat and morris,
  share of variance for sobol).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

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
    triangular_ppf,
)
from detente.bargaining.scenario import BOUNDS, InputRanges, Scenario
from detente.errors import InputError, ModelError

if TYPE_CHECKING:
    from detente.bargaining.executor import Executor, Progress
    from detente.bargaining.forecast import Forecast

Method = Literal["oat", "morris", "sobol"]
METHODS: tuple[str, ...] = ("oat", "morris", "sobol")
DEFAULT_SPREAD = 10.0
DEFAULT_DRAWS: dict[str, int] = {"oat": 200, "morris": 20, "sobol": 256}
"""Per method: Monte Carlo draws per level (oat), trajectories (morris), base samples (sobol)."""
MORRIS_LEVELS = 4
INDEX: dict[str, str] = {"oat": "swing", "morris": "mu_star", "sobol": "ST"}
"""The index each method ranks inputs by."""


@dataclass(frozen=True)
class SensitivityResult:
    """Per input and issue, the indices of one method, with what was swept and how.

    `indices` maps an index name to an (inputs, issues) array: for oat `at_low`,
    `at_high`, `effect` (high minus low) and `swing` (|effect|); for morris `mu_star`,
    `mu_star_conf`, `sigma`, `mu`; for sobol `S1`, `S1_conf`, `ST`, `ST_conf`.
    """

    method: str
    case: str
    variant: str | None
    inputs: list[str]
    issues: list[str]
    low: NDArray[np.float64]
    mode: NDArray[np.float64]
    high: NDArray[np.float64]
    indices: dict[str, NDArray[np.float64]]
    baseline: NDArray[np.float64]
    models: list[str]
    draws: int
    seed: int
    runs: int
    input_hash: str
    defaulted: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def index(self) -> str:
        return INDEX[self.method]

    def overall(self) -> NDArray[np.float64]:
        """(inputs,) the ranking index averaged over issues."""
        return self.indices[self.index].mean(axis=1)

    def ranking(self, issue: str | None = None, top: int | None = None) -> list[tuple[str, float]]:
        """(input, index) pairs, largest first: for one issue, or overall (mean over issues)."""
        values = self.overall() if issue is None else self.indices[self.index][:, self.issues.index(issue)]
        order = np.argsort(-values, kind="stable")
        pairs = [(self.inputs[j], float(values[j])) for j in order]
        return pairs[:top] if top else pairs

    def provenance(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "case": self.case,
            "variant": self.variant,
            "models": self.models,
            "draws": self.draws,
            "seed": self.seed,
            "runs": self.runs,
            "input_hash": self.input_hash,
            "default_spread": {"inputs": self.defaulted, "spread": DEFAULT_SPREAD} if self.defaulted else None,
            "fixed": self.fixed,
        }

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """JSON-ready: provenance, notes, every input's range and indices per issue, and the rankings."""
        rows = []
        for j, name in enumerate(self.inputs):
            rows.append(
                {
                    "input": name,
                    "range": [float(self.low[j]), float(self.mode[j]), float(self.high[j])],
                    "default_spread": name in self.defaulted,
                    "issues": {i: {k: float(v[j, n]) for k, v in self.indices.items()} for n, i in enumerate(self.issues)},
                }
            )
        return {
            **self.provenance(),
            "index": self.index,
            "notes": self.notes,
            "baseline": dict(zip(self.issues, self.baseline.tolist())),
            "overall": [{"input": n, self.index: v} for n, v in self.ranking(top=top)],
            "by_issue": {i: [{"input": n, self.index: v} for n, v in self.ranking(i, top)] for i in self.issues},
            "inputs": rows,
        }


# --------------------------------------------------------------------------------------
# Ranges: the scenario's own, or the default spread for point inputs
# --------------------------------------------------------------------------------------


def sweep_ranges(ranges: InputRanges, spread: float = DEFAULT_SPREAD) -> tuple[NDArray[np.float64], NDArray[np.float64], list[int], list[int]]:
    """(low, high) to sweep per input, the indices that got the default spread, and those left fixed.

    Stated ranges are kept. A point gets +-`spread` (positions, status quo), +-`spread`/100
    (salience) or +-`spread` per cent of itself (capability), clipped to its valid range;
    a point the spread cannot move (spread 0, or a capability of 0) stays fixed.
    """
    low, high = ranges.low.copy(), ranges.high.copy()
    defaulted, fixed = [], []
    for j, kind in enumerate(ranges.kinds):
        if high[j] > low[j]:
            continue
        m = ranges.mode[j]
        half = {"position": spread, "status_quo": spread, "salience": spread / 100.0, "capability": abs(m) * spread / 100.0}[kind]
        lo, hi = BOUNDS[kind]
        low[j], high[j] = max(lo, m - half), min(hi, m + half)
        (defaulted if high[j] > low[j] else fixed).append(j)
    return low, high, defaulted, fixed


# --------------------------------------------------------------------------------------
# The generic methods (any vectorised function of the unit cube; tested on Ishigami)
# --------------------------------------------------------------------------------------


def _problem(n_inputs: int) -> dict[str, Any]:
    return {"num_vars": n_inputs, "names": [f"x{j}" for j in range(n_inputs)], "bounds": [[0.0, 1.0]] * n_inputs}


def sobol_indices(evaluate: Callable[[NDArray[np.float64]], NDArray[np.float64]], n_inputs: int, n: int, *, seed: int = DEFAULT_SEED) -> dict[str, NDArray[np.float64]]:
    """First-order and total Sobol indices of `evaluate` over the unit cube [0, 1]^P (SALib).

    `evaluate` maps (R, P) points to (R, K) outputs; returns S1, S1_conf, ST, ST_conf as (P, K).
    """
    from detente.optional import require

    sample = require("SALib.sample.sobol", extra="scale", purpose="Sobol sensitivity indices (SALib)")
    analyze = require("SALib.analyze.sobol", extra="scale", purpose="Sobol sensitivity indices (SALib)")
    problem = _problem(n_inputs)
    x = sample.sample(problem, n, calc_second_order=False, seed=seed)
    y = np.asarray(evaluate(x), dtype=float)
    out: dict[str, list[NDArray[np.float64]]] = {k: [] for k in ("S1", "S1_conf", "ST", "ST_conf")}
    for k in range(y.shape[1]):
        col = y[:, k]
        if np.ptp(col) == 0:  # a constant output has no variance to share out
            for key in out:
                out[key].append(np.zeros(n_inputs))
            continue
        res = analyze.analyze(problem, col, calc_second_order=False, seed=seed)
        for key in out:
            out[key].append(np.asarray(res[key], dtype=float))
    return {k: np.stack(v, axis=1) for k, v in out.items()}


def morris_indices(evaluate: Callable[[NDArray[np.float64]], NDArray[np.float64]], n_inputs: int, trajectories: int, *, seed: int = DEFAULT_SEED) -> dict[str, NDArray[np.float64]]:
    """Morris elementary-effect indices of `evaluate` over the unit cube (SALib): mu, mu_star, mu_star_conf, sigma as (P, K)."""
    from detente.optional import require

    sample = require("SALib.sample.morris", extra="scale", purpose="Morris screening (SALib)")
    analyze = require("SALib.analyze.morris", extra="scale", purpose="Morris screening (SALib)")
    problem = _problem(n_inputs)
    x = sample.sample(problem, trajectories, num_levels=MORRIS_LEVELS, seed=seed)
    y = np.asarray(evaluate(x), dtype=float)
    out: dict[str, list[NDArray[np.float64]]] = {k: [] for k in ("mu", "mu_star", "mu_star_conf", "sigma")}
    for k in range(y.shape[1]):
        res = analyze.analyze(problem, x, y[:, k], num_levels=MORRIS_LEVELS, seed=seed)
        for key in out:
            out[key].append(np.nan_to_num(np.asarray(res[key], dtype=float)))
    return {k: np.stack(v, axis=1) for k, v in out.items()}


# --------------------------------------------------------------------------------------
# On a scenario
# --------------------------------------------------------------------------------------


def check_method(method: str, draws: int | None) -> int:
    """Validate the method and its draws before any work; return the draws to use."""
    if method not in METHODS:
        import difflib

        close = difflib.get_close_matches(method, METHODS, n=1)
        raise InputError(f"unknown method '{method}'", field="--method", hint=(f"did you mean '{close[0]}'? " if close else "") + "choose oat, morris or sobol")
    n = DEFAULT_DRAWS[method] if draws is None else draws
    if n < (2 if method != "oat" else 1):
        raise InputError(f"{n} draws are too few for {method}", field="--draws", hint=f"give at least 2 (default {DEFAULT_DRAWS[method]})")
    if method == "sobol" and n & (n - 1):
        below, above = 2 ** int(math.log2(n)), 2 ** math.ceil(math.log2(n))
        raise InputError(f"Sobol' sampling needs a power of two, got {n}", field="--draws", hint=f"use {below} or {above}")
    return n


def model_rows(
    scenario: Scenario, *, method: str, draws: int, models: Sequence[str] | None = None, spread: float = DEFAULT_SPREAD
) -> int:
    """The model rows `analyse` runs, known before any work: what the executor is chosen by (a pool only when it pays).

    For every model: the design over the ``p`` inputs that are swept (`sweep_ranges` with
    `spread`; inputs it leaves fixed are not run), and the baseline forecast the result
    reports. oat runs each input at its low and its high, ``n`` draws each (``2 p n``),
    and its baseline on the same ``n`` draws; Morris runs ``n`` trajectories of ``p + 1``
    points and Sobol' ``n (p + 2)`` points (SALib's designs, one model row a point), and
    both a baseline of ``DEFAULT_DRAWS["oat"]`` draws.
    """
    ranges = scenario.ranges()
    p = ranges.n_inputs - len(sweep_ranges(ranges, spread)[3])
    design = {"oat": 2 * p * draws, "morris": draws * (p + 1), "sobol": draws * (p + 2)}[method]
    baseline = draws if method == "oat" else DEFAULT_DRAWS["oat"]
    return (design + baseline) * len(models or default_models())


def _models(models: Sequence[str] | None, forecast: "Forecast | None") -> list[str]:
    return check_models(list(models) if models else (forecast.models if forecast is not None else default_models()))


def _job(ranges: InputRanges, base: NDArray[np.float64], names: list[str], params: dict[str, dict[str, Any]] | None) -> RowJob:
    return RowJob(ranges, base, {m: (MODELS[m], model_params(MODELS[m], (params or {}).get(m))) for m in names})


def _outcomes(job: RowJob, work: list[RowChunk], executor: "Executor | None", progress: "Progress | None") -> list[NDArray[np.float64]]:
    results = run_rows(job, work, executor, progress)
    for chunk, r in zip(work, results):
        if r.error is not None:
            raise ModelError(f"model '{chunk.model}' failed during the sweep: {r.error}", hint="leave it out with --model, or check the scenario with `detente case check`")
    return [r.outcome for r in results]  # type: ignore[misc]


def oat_chunks(model: str, draws: int, changes: Sequence[Change]) -> list[RowChunk]:
    """Chunks for one-at-a-time runs: groups of changes x ranges of draws, about CHUNK_ROWS rows each."""
    group = max(1, CHUNK_ROWS // draws)
    return [RowChunk(model, a, b, tuple(changes[g : g + group])) for g in range(0, len(changes), group) for a, b in chunks(draws, CHUNK_ROWS)]


def analyse(
    scenario: Scenario,
    *,
    method: str = "oat",
    models: Sequence[str] | None = None,
    draws: int | None = None,
    seed: int = DEFAULT_SEED,
    forecast: "Forecast | None" = None,
    params: dict[str, dict[str, Any]] | None = None,
    spread: float = DEFAULT_SPREAD,
    executor: "Executor | None" = None,
    progress: "Progress | None" = None,
) -> SensitivityResult:
    """Sweep every input of `scenario` with `method` (oat, morris or sobol); see the module docstring.

    A `forecast` of this scenario (same input hash, else ScenarioError) lends its draws
    (oat), models and seed; `executor` says where the model runs go.
    """
    n = check_method(method, draws)
    if spread < 0:
        raise InputError(f"spread {spread:g} is negative", field="--spread", hint="give 0 or more scale points")
    names = _models(models, forecast)
    if forecast is not None:
        seed = forecast.seed
    ranges = scenario.ranges()
    low, high, defaulted, fixed = sweep_ranges(ranges, spread)
    swept = [j for j in range(ranges.n_inputs) if j not in fixed]
    k = len(ranges.issues)
    notes = []
    if defaulted:
        notes.append(
            f"{len(defaulted)} of {ranges.n_inputs} inputs are point values in the scenario and were swept over the default spread "
            f"(positions and status quo +-{spread:g} points, salience +-{spread / 100:g}, capability +-{spread:g}%): "
            + ", ".join(ranges.names[j] for j in defaulted[:8])
            + (" ..." if len(defaulted) > 8 else "")
        )
    if fixed:
        notes.append(f"{len(fixed)} inputs could not be moved and were left out: " + ", ".join(ranges.names[j] for j in fixed[:8]) + (" ..." if len(fixed) > 8 else ""))
    if not swept:
        raise InputError("no input can be swept", path=scenario.origin, hint="give ranges [low, mode, high] in the scenario, or a --spread above 0")

    if method == "oat":
        base_inputs = forecast_inputs(scenario, forecast, draws=n, seed=seed)
        d = base_inputs.shape[0]
        base = ranges.join(base_inputs.positions, base_inputs.salience, base_inputs.capability, base_inputs.status_quo)
        changes: list[Change] = []
        for j in swept:
            changes += [(j, "set", float(low[j]), 0.0, 0.0), (j, "set", float(high[j]), 0.0, 0.0)]
        job = _job(ranges, base, names, params)
        work = [c for m in names for c in oat_chunks(m, d, changes)]
        pieces = _outcomes(job, work, executor, progress)
        cube = {m: np.empty((len(changes), d, k)) for m in names}
        group = max(1, CHUNK_ROWS // d)
        offset = {tuple(changes[g : g + group]): g for g in range(0, len(changes), group)}
        for chunk, out in zip(work, pieces):
            g0 = offset[chunk.changes]
            cube[chunk.model][g0 : g0 + len(chunk.changes), chunk.start : chunk.stop] = out.reshape(len(chunk.changes), chunk.stop - chunk.start, k)
        pooled = np.concatenate([cube[m] for m in names], axis=1)  # (changes, models x draws, K)
        med = np.median(pooled, axis=1)
        at_low, at_high = med[0::2], med[1::2]
        effect = at_high - at_low
        indices = {"at_low": at_low, "at_high": at_high, "effect": effect, "swing": np.abs(effect)}
        baseline = _baseline(job, names, d, k, executor)
        runs = len(changes) * d * len(names)
        draws_used = d
    else:
        lo_s, mo_s, hi_s = low[swept], ranges.mode[swept], high[swept]
        mo_s = np.clip(mo_s, lo_s, hi_s)

        def evaluate(u: NDArray[np.float64]) -> NDArray[np.float64]:
            x = np.broadcast_to(ranges.mode, (u.shape[0], ranges.n_inputs)).copy()
            x[:, swept] = triangular_ppf(u, lo_s[None], mo_s[None], hi_s[None])
            job = _job(ranges, x, names, params)
            work = [RowChunk(m, a, b) for m in names for a, b in chunks(x.shape[0], CHUNK_ROWS)]
            pieces = _outcomes(job, work, executor, progress)
            per_model = {m: np.concatenate([p for c, p in zip(work, pieces) if c.model == m], axis=0) for m in names}
            return np.mean([per_model[m] for m in names], axis=0)

        runner = sobol_indices if method == "sobol" else morris_indices
        indices = runner(evaluate, len(swept), n, seed=seed)
        runs = n * (len(swept) + (2 if method == "sobol" else 1)) * len(names)
        base_inputs = forecast_inputs(scenario, forecast, draws=DEFAULT_DRAWS["oat"], seed=seed)
        bjob = _job(ranges, ranges.join(base_inputs.positions, base_inputs.salience, base_inputs.capability, base_inputs.status_quo), names, params)
        baseline = _baseline(bjob, names, base_inputs.shape[0], k, executor)
        draws_used = n
        if method == "sobol":
            wide = [(ranges.names[swept[j]], ranges.issues[i]) for j, i in zip(*np.nonzero(indices["ST_conf"] > 0.1))]
            if wide:
                notes.append(f"{len(wide)} total-order indices have confidence intervals wider than +-0.1: raise --draws (now {n}) before trusting small differences")
    keep = swept
    return SensitivityResult(
        method=method,
        case=scenario.name,
        variant=scenario.variant,
        inputs=[ranges.names[j] for j in keep],
        issues=list(ranges.issues),
        low=low[keep],
        mode=ranges.mode[keep],
        high=high[keep],
        indices=indices,  # one row per swept input, in the order of `inputs`
        baseline=baseline,
        models=names,
        draws=draws_used,
        seed=seed,
        runs=runs,
        input_hash=scenario.input_hash(),
        defaulted=[ranges.names[j] for j in defaulted],
        fixed=[ranges.names[j] for j in fixed],
        notes=notes,
    )


def _baseline(job: RowJob, names: list[str], draws: int, k: int, executor: "Executor | None") -> NDArray[np.float64]:
    """(K,) the pooled median forecast on the base rows, unchanged."""
    work = [RowChunk(m, a, b) for m in names for a, b in chunks(draws, CHUNK_ROWS)]
    pieces = _outcomes(job, work, executor, None)
    return np.median(np.concatenate(pieces, axis=0), axis=0) if pieces else np.full(k, np.nan)

