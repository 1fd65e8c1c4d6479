"""Monte Carlo forecasts: draw every uncertain input, run each model once on all draws.

Randomness
----------
Each input is a triangular distribution (low, mode, high); a point value is a
degenerate one. Draws come from a `numpy.random.SeedSequence` built from the seed:
one independent stream per input kind (position, salience, capability, status quo),
and inside each kind one stream per actor and issue, keyed by the actor code and
issue id rather than by their order. So the draws of an input depend only on the
seed and on which input it is: adding or removing an actor in a variant, or
widening one range, leaves every other input's draws unchanged. Base case and
variant therefore share their random numbers, and their difference shows the effect
of the patch rather than sampling noise. Triangular values are computed by the
inverse CDF from uniforms, so a point input costs the same stream as a range.

Chunks
------
The draws of one input form one stream; draws ``start`` to ``stop`` of it are taken
by advancing that stream's PCG64 state ``start`` steps (`numpy.random.PCG64.advance`),
so any chunk of draws can be made on its own, anywhere, and equals the same slice
of a single long run. Draws therefore depend only on the seed, the input's key and
the draw's index: never on how the work was split, nor on which process, pool or
Dask worker ran it (see `detente.bargaining.executor`).

Vectorisation
-------------
The draws are stacked into (D, N, K) arrays once and each model is called once with
all D draws (the models are vectorised over the leading axis); no Python loop runs
per draw. A second call with D = 1 gives the point forecast at the modes.

Hand-over
---------
A model that can run in another process registers a submitter (`base.SUBMITTERS`: the
SMP, when its kernel process was prestarted). `run_forecast` hands such a model's
chunks and modes over as soon as the draws are sampled (`submit_ahead`) and runs its
calls last, so the other process computes while the other models run here; the calls
collect the results. The numbers are those of running the models in order.
"""

from __future__ import annotations

import inspect
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.executor import CHUNK_ROWS, chunks
from detente.bargaining.forecast import Forecast
from detente.bargaining.models.base import MODELS, ModelInput, ModelOutput
from detente.bargaining.scenario import SCALE, InputRanges, Scenario
from detente.errors import DetenteError, ModelError, ScenarioError

if TYPE_CHECKING:
    from detente.bargaining.executor import Executor, Progress

DEFAULT_SEED = 2025
DEFAULT_DRAWS = 2000
STREAMS = ("position", "salience", "capability", "status_quo")


def _key(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _uniforms(seed: int, kind: str, keys: Sequence[str], draws: int, start: int = 0) -> NDArray[np.float64]:
    """(draws, len(keys)) uniforms in [0, 1): draws `start` .. `start + draws` of one stream per key.

    The stream for `key` is the SeedSequence child with spawn key
    (index of `kind` in STREAMS, crc32(key)) under the root entropy `seed`. Each
    uniform takes one 64-bit step of the PCG64 generator, so advancing the state by
    `start` steps skips exactly the draws before the chunk.
    """
    root = np.random.SeedSequence(seed)
    k = STREAMS.index(kind)
    out = np.empty((draws, len(keys)))
    for j, key in enumerate(keys):
        child = np.random.SeedSequence(root.entropy, spawn_key=(k, _key(key)))
        bits = np.random.PCG64(child)
        if start:
            bits.advance(start)
        out[:, j] = np.random.Generator(bits).random(draws)
    return out


def triangular_ppf(u: NDArray[np.float64], low: NDArray[np.float64], mode: NDArray[np.float64], high: NDArray[np.float64]) -> NDArray[np.float64]:
    """Inverse CDF of the triangular distribution, broadcasting; low == high gives low.

    F(m) = (m - a) / (b - a); x = a + sqrt(u (b - a)(m - a)) for u < F(m), else
    b - sqrt((1 - u)(b - a)(b - m)).
    """
    width = high - low
    with np.errstate(invalid="ignore", divide="ignore"):
        cut = np.where(width > 0, (mode - low) / np.where(width > 0, width, 1.0), 0.0)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < cut, left, right)


def draw_inputs(scenario: Scenario, draws: int, seed: int, *, start: int = 0) -> ModelInput:
    """(D, N, K) positions and saliences, (D, N) capabilities, (D, K) status quo, drawn from the ranges.

    `start` skips the first draws of every stream: ``draw_inputs(s, 500, seed, start=1000)``
    equals draws 1000-1499 of ``draw_inputs(s, 1500, seed)``.
    """
    if draws < 1:
        raise ModelError(f"draws must be at least 1, got {draws}", hint="pass --draws 1 or more")
    actors, issues = scenario.actor_codes, scenario.issue_ids
    n, k = len(actors), len(issues)
    pair_keys = [f"{a}\x1f{i}" for a in actors for i in issues]

    def stance(what: str) -> NDArray[np.float64]:
        u = _uniforms(seed, what, pair_keys, draws, start).reshape(draws, n, k)
        lo, mo, hi = (scenario.stance_array(what, p)[None] for p in ("low", "mode", "high"))  # type: ignore[arg-type]
        return triangular_ppf(u, lo, mo, hi)

    cap_u = _uniforms(seed, "capability", actors, draws, start)
    sq_u = _uniforms(seed, "status_quo", issues, draws, start)
    cap = triangular_ppf(cap_u, *(scenario.capability_array(p)[None] for p in ("low", "mode", "high")))  # type: ignore[arg-type]
    sq = triangular_ppf(sq_u, *(scenario.status_quo_array(p)[None] for p in ("low", "mode", "high")))  # type: ignore[arg-type]
    return ModelInput(positions=stance("position"), salience=stance("salience"), capability=cap, status_quo=sq, scale=SCALE)


def mode_inputs(scenario: Scenario) -> ModelInput:
    """One draw at the mode of every input (the deterministic point forecast's input)."""
    return ModelInput(
        positions=scenario.stance_array("position", "mode")[None],
        salience=scenario.stance_array("salience", "mode")[None],
        capability=scenario.capability_array("mode")[None],
        status_quo=scenario.status_quo_array("mode")[None],
        scale=SCALE,
    )


def model_params(fn: Callable[..., ModelOutput], overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The model's keyword parameters with their defaults, updated by `overrides` (recorded in the Forecast)."""
    params = {
        name: p.default
        for name, p in inspect.signature(fn).parameters.items()
        if p.default is not inspect.Parameter.empty and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
    }
    for key in overrides or {}:
        if key not in params:
            raise ModelError(f"model parameter '{key}' is unknown", hint=f"parameters: {', '.join(params) or '(none)'}")
    params.update(overrides or {})
    return params


def available_models() -> list[str]:
    """Registered model names, in a stable order (the literature's order, then others)."""
    from detente.bargaining.models import load_all

    load_all()
    order = ["compromise", "median", "nash", "expected_utility", "smp"]
    return [m for m in order if m in MODELS] + sorted(m for m in MODELS if m not in order)


def check_models(names: Sequence[str]) -> list[str]:
    """`names` as a list if every one is a registered model, else ModelError suggesting the nearest name."""
    known = available_models()
    for name in names:
        if name not in known:
            import difflib

            close = difflib.get_close_matches(name, known, n=1)
            raise ModelError(f"unknown model '{name}'", hint=(f"did you mean '{close[0]}'? " if close else "") + f"choose from: {', '.join(known)}")
    return list(names)


def default_models() -> list[str]:
    """The models run when none is named, in `available_models` order: those registered
    with default=True (the DEU-tuned ones are left to `--model`)."""
    from detente.bargaining.models.base import DEFAULTS

    return [m for m in available_models() if DEFAULTS.get(m, True)]


@dataclass(frozen=True)
class Combination:
    """A model whose outcome is the equal-weight mean of other models' outcomes on the same draws.

    `members(params)` gives, for the combination's parameters, each member with the
    parameters it runs with, in the order the model averages them; `diagnostics` names
    the member whose rounds and convergence the model reports (None: none).
    """

    members: Callable[[dict[str, Any]], dict[str, dict[str, Any]]]
    diagnostics: str | None = None

    def mean(self, outcomes: Sequence[NDArray[np.float64]]) -> NDArray[np.float64]:
        """The models' own combination rule: the mean over members, in member order."""
        return np.mean(np.stack(list(outcomes)), axis=0)


def _model_mean_members(params: dict[str, Any]) -> dict[str, dict[str, Any]]:
    from detente.bargaining.models.model_mean import parse_members

    return {name: {} for name in parse_members(params["members"])}


COMBINATIONS: dict[str, Combination] = {
    # expected_utility.eu_compromise: the mean of expected_utility (run with the
    # combination's parameters) and compromise
    "eu_compromise": Combination(lambda params: {"expected_utility": dict(params), "compromise": {}}, diagnostics="expected_utility"),
    # model_mean.model_mean: the mean of its members, each with its defaults
    "model_mean": Combination(_model_mean_members),
}
"""Combined models that a forecast takes from their members' outcomes when it runs the
members too, with the same parameters, instead of running them a second time (the
study's `eu_compromise` reuses its `expected_utility` run). Tests pin the result to
the model's own call."""


def reused_members(names: Sequence[str], params: dict[str, dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Combined models among `names` whose members all run too with the parameters the
    combination gives them: name -> {member: parameters}. `params` holds every model's
    full parameters (`model_params`)."""
    found = {}
    for name in names:
        combo = COMBINATIONS.get(name)
        if combo is None or name not in params:
            continue
        members = combo.members(params[name])
        if all(
            m in params and m not in COMBINATIONS and params[m] == model_params(MODELS[m], kw)
            for m, kw in members.items()
        ):
            found[name] = members
    return found


def _check_output(name: str, out: Any, d: int, k: int) -> NDArray[np.float64]:
    if not isinstance(out, ModelOutput):
        raise ModelError(f"model '{name}' returned {type(out).__name__}, not ModelOutput")
    outcome = np.asarray(out.outcome, dtype=float)
    if outcome.shape != (d, k):
        raise ModelError(f"model '{name}' returned outcomes of shape {outcome.shape}, expected {(d, k)}")
    if not np.all(np.isfinite(outcome)):
        bad = int((~np.isfinite(outcome)).any(axis=1).sum())
        raise ModelError(f"model '{name}' returned non-finite outcomes in {bad} of {d} draws")
    return outcome


Change = tuple[int, str, float, float, float]
"""One change to one input column of every row in a chunk: (column, "set" or "shift", value, low bound, high bound)."""


@dataclass(frozen=True)
class RowChunk:
    """One task: a model on rows `start`..`stop` of the base rows, once per change (or once as they are)."""

    model: str
    start: int
    stop: int
    changes: tuple[Change, ...] = ()

    @property
    def rows(self) -> int:
        return (self.stop - self.start) * max(1, len(self.changes))


@dataclass(frozen=True)
class RowJob:
    """What every chunk of a job shares: the input layout, the base rows (D, P) and the models with their parameters."""

    ranges: InputRanges
    base: NDArray[np.float64]
    models: dict[str, tuple[Callable[..., ModelOutput], dict[str, Any]]]


@dataclass(frozen=True)
class ChunkResult:
    """A chunk's outcomes (rows, K) with the models' rounds and convergence, or the error it raised."""

    outcome: NDArray[np.float64] | None
    rounds: NDArray[np.float64] | None = None
    converged: NDArray[np.bool_] | None = None
    error: str | None = None


def chunk_input(job: RowJob, chunk: RowChunk) -> ModelInput:
    """A chunk's model input: its rows of the base rows, once per change (or once as they are)."""
    x = job.base[chunk.start : chunk.stop]
    if chunk.changes:
        blocks = []
        for col, op, value, lo, hi in chunk.changes:
            b = x.copy()
            b[:, col] = value if op == "set" else np.clip(b[:, col] + value, lo, hi)
            blocks.append(b)
        x = np.concatenate(blocks, axis=0)
    positions, salience, capability, status_quo = job.ranges.split(x)
    return ModelInput(positions, salience, capability, status_quo, SCALE)


def run_chunk(job: RowJob, chunk: RowChunk) -> ChunkResult:
    """Build a chunk's rows from the base rows and its changes, run its model on them (in any process)."""
    fn, params = job.models[chunk.model]
    inputs = chunk_input(job, chunk)
    try:
        out = fn(inputs, **params)
        outcome = _check_output(chunk.model, out, inputs.shape[0], len(job.ranges.issues))
    except DetenteError as exc:
        return ChunkResult(None, error=str(exc))
    except Exception as exc:  # a model bug must not hide the other models' results
        return ChunkResult(None, error=f"{type(exc).__name__}: {exc}")
    rounds = None if out.rounds is None else np.asarray(out.rounds, dtype=float)
    converged = None if out.converged is None else np.asarray(out.converged, dtype=bool)
    return ChunkResult(outcome, rounds, converged)


def run_rows(job: RowJob, chunks: Sequence[RowChunk], executor: "Executor | None" = None, progress: "Progress | None" = None) -> list[ChunkResult]:
    """Run every chunk of a job on `executor` (default: this process); results in chunk order."""
    from detente.bargaining.executor import InProcess

    return (executor or InProcess()).map(run_chunk, list(chunks), shared=job, progress=progress)


def draw_chunks(model: str, draws: int, changes: tuple[Change, ...] = ()) -> list[RowChunk]:
    """The chunks covering `draws` base rows for one model, each small enough to be one task."""
    per = max(1, CHUNK_ROWS // max(1, len(changes)))
    return [RowChunk(model, a, b, changes) for a, b in chunks(draws, per)]


def submit_ahead(job: RowJob, names: Sequence[str], draws: int, at_modes: ModelInput, executor: "Executor | None" = None) -> set[str]:
    """Hand the work of the models among `names` that can run in another process
    (`SUBMITTERS`: the SMP with a prestarted kernel process) over now: every chunk of
    draws, then the modes. Their calls in `run_forecast` collect it. Only when the chunks
    run in this process (a pool or a cluster runs them elsewhere). The names handed over.
    """
    from detente.bargaining.executor import InProcess
    from detente.bargaining.models.base import SUBMITTERS

    if executor is not None and not isinstance(executor, InProcess):
        return set()
    handed = set()
    for name in names:
        submit = SUBMITTERS.get(name)
        if submit is None:
            continue
        params = job.models[name][1]
        try:
            if all([submit(chunk_input(job, c), **params) for c in draw_chunks(name, draws)]) and submit(at_modes, **params):
                handed.add(name)
        except Exception:  # noqa: BLE001 - the model's own call reports any problem with its inputs
            continue
    return handed


def check_forecast_inputs(scenario: Scenario, forecast: Forecast) -> None:
    """Refuse a forecast that was run on other inputs than `scenario` (another variant, another case, edited numbers)."""
    if forecast.input_hash != scenario.input_hash():
        ran = f"case '{forecast.case}'" + (f", variant '{forecast.variant}'" if forecast.variant else ", no variant")
        given = f"case '{scenario.name}'" + (f", variant '{scenario.variant}'" if scenario.variant else ", no variant")
        raise ScenarioError(
            f"the forecast was run on other inputs ({ran}, inputs sha256 {forecast.input_hash[:12]}) than the scenario given ({given}, sha256 {scenario.input_hash()[:12]})",
            path=scenario.origin,
            hint="pass the forecast of this same scenario and variant (run_forecast(scenario.with_variant(name), ...)), or no forecast",
        )


def forecast_inputs(scenario: Scenario, forecast: Forecast | None, *, draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> ModelInput:
    """The draws a forecast of `scenario` used (checked against its input hash), or fresh ones from `seed`.

    Plan tests, sensitivity and lever search call this so that they reuse the exact
    inputs the forecast's models saw, and never mix one scenario with another's forecast.
    """
    if forecast is None:
        return draw_inputs(scenario, draws, seed)
    check_forecast_inputs(scenario, forecast)
    if forecast.inputs is not None:
        return forecast.inputs
    return draw_inputs(scenario, forecast.draws, forecast.seed)


def run_forecast(
    scenario: Scenario,
    models: Sequence[str] | None = None,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    params: dict[str, dict[str, Any]] | None = None,
    on_model: Callable[[str, int, int], None] | None = None,
    executor: "Executor | None" = None,
    progress: "Progress | None" = None,
) -> Forecast:
    """Run each model on `draws` Monte Carlo draws of the scenario's inputs.

    Parameters
    ----------
    scenario
        A validated scenario (apply a variant first with `scenario.with_variant(name)`).
    models
        Model names (default: `default_models()`, every registered model but the DEU-tuned ones).
    draws, seed
        Number of draws and the root seed (same seed -> identical forecast).
    params
        model name -> keyword parameters (e.g. ``{"expected_utility": {"q": 0.5}}``).
    on_model
        Called as ``on_model(name, index, total)`` as the run reaches each model (progress bars).
    executor
        Where the chunks of draws run (`detente.bargaining.executor.open_executor`:
        this process, a local pool, or a Dask cluster); default this process. The
        result is the same, number for number, on every executor.
    progress
        Called as ``progress(chunks_done, chunks_total)``.

    Returns
    -------
    Forecast
        With the draws it used (`Forecast.inputs`). A model that raises is recorded in
        `Forecast.failures` and the others still run; if every model fails, ModelError.
    """
    from detente import __version__

    names = check_models(list(models) if models else default_models())
    for name in params or {}:
        if name not in names:
            raise ModelError(f"parameters given for model '{name}', which is not being run", hint=f"run it with --model {name}")
    inputs = draw_inputs(scenario, draws, seed)
    at_modes = mode_inputs(scenario)
    ranges = scenario.ranges()
    k = len(scenario.issue_ids)
    fc = Forecast(
        case=scenario.name,
        title=scenario.title,
        variant=scenario.variant,
        actors=scenario.actor_codes,
        issues=scenario.issue_ids,
        draws=draws,
        seed=seed,
        params={},
        input_hash=scenario.input_hash(),
        version=__version__,
        inputs=inputs,
    )
    fns = {}
    for name in names:
        fns[name] = (MODELS[name], model_params(MODELS[name], (params or {}).get(name)))
        fc.params[name] = fns[name][1]
    # combined models whose members run here anyway are taken from the members' outcomes
    combined = reused_members(names, fc.params)
    job = RowJob(ranges, ranges.join(inputs.positions, inputs.salience, inputs.capability, inputs.status_quo), fns)
    running = [name for name in names if name not in combined]
    # models that hand their work to another process (the SMP's kernel process) get it
    # now and run last here, so that it computes while the other models run
    handed = submit_ahead(job, running, draws, at_modes, executor)
    running = [n for n in running if n not in handed] + [n for n in running if n in handed]
    work = [c for name in running for c in draw_chunks(name, draws)]

    def tick(done: int, total: int) -> None:
        if on_model is not None and done < total:
            idx = min(len(running) - 1, done * len(running) // total)
            on_model(running[idx], idx, len(running))
        if progress is not None:
            progress(done, total)

    if on_model is not None:
        on_model(running[0], 0, len(running))
    started = time.perf_counter()
    results = run_rows(job, work, executor, tick)
    elapsed = time.perf_counter() - started
    for name in names:
        if name in combined:
            continue
        mine = [r for c, r in zip(work, results) if c.model == name]
        failed = next((r.error for r in mine if r.error is not None), None)
        if failed is None:
            fn, kw = fns[name]
            try:
                point = _check_output(name, fn(at_modes, **kw), 1, k)[0]
            except DetenteError as exc:
                failed = str(exc)
            except Exception as exc:  # a model bug must not hide the other models' forecasts
                failed = f"{type(exc).__name__}: {exc}"
        if failed is not None:
            fc.failures[name] = failed
            continue
        fc.outcomes[name] = np.concatenate([r.outcome for r in mine], axis=0)  # type: ignore[misc]
        fc.point[name] = point
        fc.diagnostics[name] = _combined_diagnostics(mine)
        fc.seconds[name] = elapsed * len(mine) / len(work)
    for name, members in combined.items():
        lost = [m for m in members if m in fc.failures]
        if lost:
            fc.failures[name] = f"its member '{lost[0]}' failed: {fc.failures[lost[0]]}"
            continue
        combo = COMBINATIONS[name]
        fc.outcomes[name] = combo.mean([fc.outcomes[m] for m in members])
        fc.point[name] = combo.mean([fc.point[m] for m in members])
        fc.diagnostics[name] = dict(fc.diagnostics[combo.diagnostics]) if combo.diagnostics else {}
        fc.seconds[name] = 0.0
    # in the order asked for (the combined models were filled in last)
    fc.outcomes = {m: fc.outcomes[m] for m in names if m in fc.outcomes}
    fc.point = {m: fc.point[m] for m in names if m in fc.point}
    fc.failures = {m: fc.failures[m] for m in names if m in fc.failures}
    if not fc.outcomes:
        detail = "; ".join(f"{m}: {msg}" for m, msg in fc.failures.items())
        raise ModelError(f"every model failed ({detail})", hint="check the scenario with `detente case check FILE`")
    return fc


def _combined_diagnostics(results: Sequence[ChunkResult]) -> dict[str, Any]:
    """Convergence share and rounds over all chunks of one model (as if run in one call)."""
    diag: dict[str, Any] = {}
    if all(r.converged is not None for r in results):
        diag["converged_share"] = float(np.mean(np.concatenate([r.converged for r in results], axis=0)))  # type: ignore[misc]
    if all(r.rounds is not None for r in results):
        rounds = np.concatenate([r.rounds for r in results], axis=0)  # type: ignore[misc]
        diag["mean_rounds"] = float(np.mean(rounds))
        diag["max_rounds"] = int(np.max(rounds))
    return diag


def _ranks(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Column-wise ranks (0..D-1); ties among continuous draws are negligible."""
    return np.argsort(np.argsort(x, axis=0, kind="stable"), axis=0).astype(float)


def sensitivity(scenario: Scenario, forecast: Forecast, *, top: int = 3) -> dict[str, list[tuple[str, float]]]:
    """Which uncertain inputs drive each issue's forecast: Spearman rank correlations.

    For every input that varies across draws (a range, not a point) and every issue,
    the rank correlation between the input's draws and the forecast outcome, averaged
    over the forecast's models (the forecast's own draws, so they are the ones the
    models saw; a forecast of other inputs is refused). A large |rho| means narrowing that input's range
    would narrow the forecast most; the sign says in which direction it pushes.

    Returns
    -------
    dict
        issue id -> up to `top` (input field path, rho) pairs, largest |rho| first.
    """
    mc = forecast_inputs(scenario, forecast)
    names: list[str] = []
    columns: list[NDArray[np.float64]] = []
    for n, a in enumerate(scenario.actor_codes):
        names.append(f"actors.{a}.capability")
        columns.append(mc.capability[:, n])
    for k, i in enumerate(scenario.issue_ids):
        names.append(f"issues.{i}.status_quo")
        columns.append(mc.status_quo[:, k])
    for n, a in enumerate(scenario.actor_codes):
        for k, i in enumerate(scenario.issue_ids):
            names += [f"positions.{a}.{i}.position", f"positions.{a}.{i}.salience"]
            columns += [mc.positions[:, n, k], mc.salience[:, n, k]]
    x = np.stack(columns, axis=1)
    varying = np.ptp(x, axis=0) > 0
    if not varying.any() or not forecast.outcomes or forecast.draws < 3:
        return {i: [] for i in forecast.issues}
    names = [nm for nm, keep in zip(names, varying) if keep]

    def standardise(r: NDArray[np.float64]) -> NDArray[np.float64]:
        sd = r.std(axis=0)
        return np.where(sd > 0, (r - r.mean(axis=0)) / np.where(sd > 0, sd, 1.0), 0.0)

    xs = standardise(_ranks(x[:, varying]))
    rho = np.mean([xs.T @ standardise(_ranks(out)) / len(out) for out in forecast.outcomes.values()], axis=0)  # (P, K)
    result = {}
    for k, issue in enumerate(forecast.issues):
        order = np.argsort(-np.abs(rho[:, k]), kind="stable")[:top]
        result[issue] = [(names[j], float(rho[j, k])) for j in order]
    return result
