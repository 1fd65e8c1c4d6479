"""Draws per second of the per-issue bargaining models, vectorised vs a per-draw loop.

Scenario: the 10-actor, single-issue emissions example (Bueno de Mesquita 1994, as
tabulated by Scholz et al. 2011), with every input drawn around its published value
(positions triangular +-1.5 years, saliences +-0.15, capabilities x U(0.8, 1.2); seeded).
For each model the script times one vectorised call on all draws and, in the same
process and interleaved with it, a straightforward Python loop calling the model on one
draw at a time (on `--loop-draws` draws, since it is slow); it keeps the best of
`--repeat` runs of each in CPU seconds (the CPUs are shared), checks that both give the
same forecasts, and prints the ratio. Results go to benchmarks/results/eu_draws.md.

Against a plain implementation: `_reference_bdm.py` is a straightforward per-draw
Python BDM (one draw at a time, NumPy over that draw's actors, eq. 31 as the triple sum),
written to the same rules, so it reaches the same forecasts and rounds; the script times
it on `--loop-draws` draws, extrapolates to all draws, and reports the ratio to the
vectorised model (NumPy engine, and the compiled kernel when numba is installed) with
the rounds per draw of both (a tighter convergence rule costs rounds). In each of
`--repeat` turns the reference and then the engines run, and the turn gives two ratios
from its own runs: by CPU seconds (all threads added up: one core's efficiency) and by
wall seconds (the engines on one thread per CPU: what a user waits for); the page lists
every turn's, so their spread shows.

Scaling (`--scaling`): expected-utility CPU seconds as actors (10 to 160), issues (1 to
10) and draws (1k to 100k) grow, each swept with the others fixed, with the growth
exponent fitted on log-log axes (time ~ size^k), for both engines.

`--baseline FILE` also times another version of the expected-utility module (a file
holding an `expected_utility` function, e.g. an earlier revision taken from git) on the
same draws, interleaved with the current one, checks that both give the same forecasts
and rounds, and reports the speed-up; for instance, against the first implementation:

    git show 28e95a5:src/detente/bargaining/models/expected_utility.py > /tmp/eu_first.py
    .venv/bin/python benchmarks/eu_draws.py --baseline /tmp/eu_first.py

`--baseline-kernel FILE` does the same for the compiled kernel alone (another version of
`_eu_kernel.py`, swapped in for the current one inside the same `expected_utility`), on
the emissions draws and on 80 random actors x 1,000 draws; for instance, against the
kernel before its vectorised log and exp:

    git show 0a2f779:src/detente/bargaining/models/_eu_kernel.py > /tmp/eu_kernel_before.py
    .venv/bin/python benchmarks/eu_draws.py --baseline-kernel /tmp/eu_kernel_before.py

or against the kernel before its offers and sorted order (the page's comparison):

    git show cf042ac:src/detente/bargaining/models/_eu_kernel.py > /tmp/eu_kernel_cf042ac.py
    .venv/bin/python benchmarks/eu_draws.py --scaling --repeat 2 --baseline-kernel /tmp/eu_kernel_cf042ac.py

On a shared machine CPU seconds are the steadier figure; for wall times, run it when
`uptime` shows a load average below 1 (nothing else running) and compare the target
section's wall seconds with 2 threads against the 1 s goal.

    .venv/bin/python benchmarks/eu_draws.py [--data ../shared/data/bdm_emissions_1994.csv]
        [--draws 10000] [--loop-draws 300] [--repeat 3] [--seed 2025] [--baseline FILE]
        [--baseline-kernel FILE] [--scaling]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from _reference_bdm import reference_bdm  # benchmarks/ is on sys.path when a script runs
from _results import write_page

from detente.bargaining.models import MODELS, ModelInput, load_all
from detente.bargaining.models.expected_utility import expected_utility

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "bdm_emissions_1994.csv"
FALLBACK_DATA = ROOT / "tests" / "fixtures" / "bdm_emissions_1994.csv"
RESULTS = ROOT / "benchmarks" / "results" / "eu_draws.md"
MODEL_NAMES = (
    "compromise", "median", "nash", "expected_utility", "eu_compromise",
    "salience_compromise", "reference_compromise", "model_mean",
)


def read_table(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Capability, position, salience columns of the emissions table (header names any case)."""
    with path.open(newline="") as fh:
        rows = [{k.strip().lower(): v for k, v in row.items()} for row in csv.DictReader(fh)]
    get = lambda key: np.array([float(r[key]) for r in rows])  # noqa: E731
    return get("capability"), get("position"), get("salience")


def draw_inputs(path: Path, draws: int, seed: int) -> ModelInput:
    """`draws` Monte Carlo draws of the scenario, (D, 10, 1), on the 4-10 year scale."""
    cap, pos, sal = read_table(path)
    n = pos.size
    rng_pos, rng_sal, rng_cap = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(3))
    lo, hi = float(pos.min()), float(pos.max())
    positions = np.clip(rng_pos.triangular(pos - 1.5, pos, pos + 1.5, size=(draws, n)), lo, hi)
    salience = np.clip(rng_sal.triangular(sal - 0.15, sal, sal + 0.15, size=(draws, n)), 0.0, 1.0)
    capability = cap * rng_cap.uniform(0.8, 1.2, size=(draws, n))
    return ModelInput(
        positions=positions[:, :, None],
        salience=salience[:, :, None],
        capability=capability,
        status_quo=np.full((draws, 1), lo),
        scale=(lo, hi),
    )


def one_draw(inputs: ModelInput, d: int) -> ModelInput:
    return ModelInput(
        inputs.positions[d : d + 1], inputs.salience[d : d + 1], inputs.capability[d : d + 1],
        inputs.status_quo[d : d + 1], inputs.scale,
    )


def load_baseline(path: Path):  # type: ignore[no-untyped-def]
    """`expected_utility` from another version of the module, without replacing the registered one."""
    saved = dict(MODELS)
    spec = importlib.util.spec_from_file_location("eu_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    MODELS.clear()
    MODELS.update(saved)  # its @register_model calls must not replace the current model
    return module.expected_utility


def compare_baseline(inputs: ModelInput, path: Path, repeat: int) -> dict:
    """Best-of-`repeat` CPU seconds of the current and the baseline expected_utility, interleaved."""
    current, baseline = MODELS["expected_utility"], load_baseline(path)
    baseline(one_draw(inputs, 0))  # warm up
    best_new = best_old = float("inf")
    for _ in range(repeat):
        cpu = time.process_time()
        old = baseline(inputs)
        best_old = min(best_old, time.process_time() - cpu)
        cpu = time.process_time()
        new = current(inputs)
        best_new = min(best_new, time.process_time() - cpu)
    same = bool(
        np.allclose(old.outcome, new.outcome, atol=1e-9, rtol=0)
        and np.array_equal(old.rounds, new.rounds)
        and np.array_equal(old.converged, new.converged)
    )
    return {"file": path.name, "current": best_new, "baseline": best_old, "same": same,
            "max_diff": float(np.abs(old.outcome - new.outcome).max())}


@contextlib.contextmanager
def kernel_from(path: Path):  # type: ignore[no-untyped-def]
    """Run `expected_utility(engine="numba")` with the kernel module in `path` instead of the current one."""
    with tempfile.TemporaryDirectory() as folder:
        # A fresh copy, registered under its own name: numba's on-disk cache of a module
        # loaded from a file cannot be read back in a later process, so it compiles anew.
        copy = Path(folder) / "eu_kernel_baseline.py"
        copy.write_text(path.read_text())
        spec = importlib.util.spec_from_file_location("eu_kernel_baseline", copy)
        if spec is None or spec.loader is None:
            raise SystemExit(f"cannot load {path}")
        other = importlib.util.module_from_spec(spec)
        sys.modules["eu_kernel_baseline"] = other
        spec.loader.exec_module(other)
        with swapped(other):
            yield


@contextlib.contextmanager
def swapped(module):  # type: ignore[no-untyped-def]
    """Run `expected_utility(engine="numba")` with an already loaded kernel module."""
    import detente.bargaining.models as package

    name = "detente.bargaining.models._eu_kernel"
    current = importlib.import_module(name)
    sys.modules[name], package._eu_kernel = module, module  # type: ignore[attr-defined]
    try:
        yield
    finally:
        sys.modules[name], package._eu_kernel = current, current  # type: ignore[attr-defined]


def compare_kernel(cases: dict[str, ModelInput], path: Path, repeat: int) -> list[dict]:
    """Best-of-`repeat` CPU (and wall) seconds of expected_utility(engine="numba") with the
    current kernel and with the one in `path`, interleaved, per case; same results checked."""
    rows = []
    baseline_module = None
    with kernel_from(path):
        from detente.bargaining.models import _eu_kernel as baseline_module  # the swapped-in copy
        expected_utility(one_draw(next(iter(cases.values())), 0), engine="numba")  # compiles the baseline
    for label, case in cases.items():
        best = {"current": (float("inf"), float("inf")), "baseline": (float("inf"), float("inf"))}
        out = {}
        for _ in range(repeat):
            for which in ("baseline", "current"):
                with swapped(baseline_module) if which == "baseline" else contextlib.nullcontext():
                    expected_utility(one_draw(case, 0), engine="numba")  # warm up
                    result: list = []
                    secs = best_times(lambda: result.append(expected_utility(case, engine="numba")), 1)  # noqa: B023
                best[which] = min(best[which], secs)
                out[which] = result[-1]
        old, new = out["baseline"], out["current"]
        same = bool(np.allclose(old.outcome, new.outcome, atol=1e-9, rtol=0) and np.array_equal(old.rounds, new.rounds))
        rows.append({"case": label, "baseline": best["baseline"], "current": best["current"], "same": same,
                     "rounds": float(new.rounds.mean())})
        print(f"kernel {label}: baseline {path.name} {best['baseline'][0]:.3f} s CPU ({best['baseline'][1]:.3f} s wall) | "
              f"current {best['current'][0]:.3f} s CPU ({best['current'][1]:.3f} s wall) | "
              f"x{best['baseline'][0] / best['current'][0]:.2f} CPU | same forecasts and rounds={same}")
    return rows


def engines() -> list[str]:
    """The expected-utility engines to time: NumPy always, the compiled kernel when numba is installed."""
    return ["numpy", "numba"] if importlib.util.find_spec("numba") else ["numpy"]


def cpu_best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Least CPU seconds of `repeat` calls of fn()."""
    return best_times(fn, repeat)[0]


def best_times(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Least CPU seconds (all threads of the process) and least wall seconds of `repeat` calls of fn()."""
    best = best_wall = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best, best_wall


#: Run in a fresh process: the first compiled call on a small case, then a second one.
FIRST_CALL = """
import time
t0 = time.perf_counter()
import numpy as np
from detente.bargaining.models import ModelInput
from detente.bargaining.models.expected_utility import expected_utility
rng = np.random.default_rng(0)
case = ModelInput(rng.uniform(0, 100, (4, 20, 1)), rng.uniform(0.1, 1, (4, 20, 1)), rng.uniform(0.1, 1, (4, 20)), np.full((4, 1), 50.0))
t1 = time.perf_counter()
expected_utility(case, engine="numba")
t2 = time.perf_counter()
expected_utility(case, engine="numba")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def first_call() -> dict:
    """Seconds of the first compiled call in a fresh process: with an empty numba cache
    (compiling the kernel) and again with the cache that run wrote (loading it); the
    steady-state figures exclude both (every timing is preceded by a warm-up call)."""
    out = {}
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NUMBA_CACHE_DIR": cache}
        for label in ("cold", "warm"):
            run = subprocess.run([sys.executable, "-c", FIRST_CALL], env=env, capture_output=True, text=True, check=True)
            imports, first, second = (float(v) for v in run.stdout.split())
            out[label] = {"imports": imports, "first": first, "second": second}
    return out


def versus_reference(inputs: ModelInput, loop_draws: int, repeat: int) -> dict:
    """The plain per-draw Python BDM against the vectorised model, same draws, same process.

    In each of `repeat` turns the reference runs (on `loop_draws` draws, extrapolated to
    all) and then each engine, each timed in CPU seconds of the process (all its threads:
    one core's efficiency) and in wall seconds (what the user waits for; the engines run
    their blocks on one thread per CPU, the reference on one). Each turn gives its own
    ratios (the reference and the engine measured minutes apart would see different
    loads); the page states every turn's and their spread."""
    d = inputs.shape[0]
    n_ref = min(loop_draws, d)
    x, s, c = inputs.positions[:, :, 0], inputs.salience[:, :, 0], inputs.capability
    span = float(inputs.scale[1] - inputs.scale[0])
    for engine in engines():
        expected_utility(one_draw(inputs, 0), engine=engine)  # warm up (and compile)
    turns: list[dict] = []
    results = {}
    for _ in range(repeat):
        turn: dict = {}
        wall, cpu = time.perf_counter(), time.process_time()
        ref = [reference_bdm(x[k], s[k], c[k], span) for k in range(n_ref)]
        turn["reference"] = ((time.process_time() - cpu) * d / n_ref, (time.perf_counter() - wall) * d / n_ref)
        for engine in engines():
            wall, cpu = time.perf_counter(), time.process_time()
            results[engine] = expected_utility(inputs, engine=engine)
            turn[engine] = (time.process_time() - cpu, time.perf_counter() - wall)
        turns.append(turn)
    out: dict = {"reference_s": min(t["reference"][0] for t in turns), "reference_draws": n_ref,
                 "reference_rounds": float(np.mean([r[1] for r in ref])), "turns": turns}
    for engine, result in results.items():
        same = np.mean(np.abs(np.array([r[0] for r in ref]) - result.outcome[:n_ref, 0]) < 1e-9)
        same_rounds = np.mean(np.array([r[1] for r in ref]) == result.rounds[:n_ref, 0])
        cpu_ratios = [t["reference"][0] / t[engine][0] for t in turns]
        wall_ratios = [t["reference"][1] / t[engine][1] for t in turns]
        out[engine] = {"s": min(t[engine][0] for t in turns), "wall": min(t[engine][1] for t in turns),
                       "ratio": min(cpu_ratios), "cpu_ratios": cpu_ratios, "wall_ratios": wall_ratios,
                       "rounds": float(result.rounds.mean()), "same": float(same), "same_rounds": float(same_rounds)}
    return out


def random_case(draws: int, actors: int, issues: int, seed: int) -> ModelInput:
    """Positions uniform on 0-100, saliences on 0.1-1, capabilities on 0.1-1; seeded."""
    rng = np.random.default_rng(seed)
    return ModelInput(
        rng.uniform(0, 100, (draws, actors, issues)), rng.uniform(0.1, 1, (draws, actors, issues)),
        rng.uniform(0.1, 1, (draws, actors)), np.full((draws, issues), 50.0),
    )


#: `stage_profile`: a stage timed inside the round runs this many more times after it.
REPEAT_STAGE = 5


def stage_profile(n: int, seed: int, rows: int = 60) -> dict[str, float]:
    """Nanoseconds per pair-round of each stage of the compiled kernel's round, CPU time,
    on the states of real runs: `rows` random rows of n actors run to convergence with
    their positions recorded, then every recorded round replayed (best of 5, inside a
    compiled loop so that no Python call is counted). A stage is timed alone where it can
    be (the sort, carrying its order from round to round as the kernel does; eq. 31 after
    it; the weighted median), else as what one more call of it adds to the whole round
    right after it, divided by that many (logs and exps, offers: their inputs are the round's
    own; `REPEAT_STAGE` more calls). Replaying
    real states matters: positions cluster as the rounds go on, and the pointer of eq. 31
    and the insertion sort branch on them (a fixed state repeated would let the branch
    predictor learn it). "rest": the round less the stages (distances, Sec, the risk
    exponents, unpacking the logs, the utilities, sorting the inputs and putting the
    results back)."""
    import numba  # the fast extra; only called when numba is installed

    from detente.bargaining.models import _eu_kernel as kernel
    from detente.bargaining.models.expected_utility import _median_thresholds

    rng = np.random.default_rng(seed)
    x, s = rng.uniform(0, 100, (rows, n)), rng.uniform(0.1, 1, (rows, n))
    w = s * rng.uniform(0.1, 1, (rows, 1))
    vote, low, high = _median_thresholds(np.ascontiguousarray(w.T))
    vote = np.ascontiguousarray(vote.T)
    mu, rounds = np.empty(rows), np.empty(rows, dtype=np.int64)
    traj, mu_traj = np.empty((21, n, rows)), np.empty((21, rows))
    kernel.run_rows(x, s, w, vote, low, high, 100.0, 1.0, 20, 1e-3, 3, 0, 0, mu, rounds, np.empty(rows, dtype=np.bool_),
                    np.empty((rows, n)), traj, mu_traj)

    @numba.njit
    def replay(stage, traj, mu_traj, rounds, s, w, vote, low, high):  # type: ignore[no-untyped-def]
        n = traj.shape[1]
        # As `run_rows` does: the scratch and the row's state through views without
        # reference counts (`_borrowed`), the owners alive to the end.
        owners = kernel._scratch(n)
        sc = kernel._borrow_all(owners)
        row = np.empty((7, n))
        t, new, r, xr = kernel._borrowed(row[0]), kernel._borrowed(row[1]), kernel._borrowed(row[2]), kernel._borrowed(row[3])
        sr, wr, vr = kernel._borrowed(row[4]), kernel._borrowed(row[5]), kernel._borrowed(row[6])
        t[:] = 0.5
        p, own, other, dist, base, packed, logs, powers, bits, pull, order, xs, cw, cwx = sc[:14]
        phi, key, cls, xo, wo = sc[16], sc[17], sc[18], sc[19], sc[21]
        half = n * (n + 1)
        acc = 0.0
        count = 0
        for b in range(traj.shape[2]):
            for k in range(n):
                order[k] = k
                sr[k], wr[k], vr[k] = s[b, k], w[b, k], vote[b, k]
            for k in range(rounds[b]):
                for i in range(n):
                    xr[i] = traj[k, i, b]
                count += 1
                if stage == 0 or stage >= 4:
                    kernel._round(xr, sr, wr, mu_traj[k, b], 100.0, 1.0, t, 0, 0, new, r, sc)
                    for _ in range(REPEAT_STAGE if stage >= 4 else 0):
                        if stage == 4:
                            kernel._log_into(base[:half], packed[:half], powers[:half])
                            kernel._exp_into(logs, powers, bits)
                        else:
                            kernel._offers(xo, p, own, other, dist, 100.0, 0, 0, phi, key, cls, new)
                elif stage == 1:
                    kernel._sort_row(xr, order)
                elif stage == 2:
                    kernel._sort_row(xr, order)
                    for a in range(n):
                        xo[a] = xr[order[a]]
                        wo[a] = wr[order[a]]
                    kernel._win_sorted(xo, wo, p, pull, xs, cw, cwx)
                else:
                    acc += kernel._median(xr, vr, low[b], high[b])
        row[0, 0] = owners[0][0, 0]  # the owners of the borrowed views live to here
        return count, acc

    names = ("round", "sort", "win probabilities (eq. 31)", "weighted median", "logs and exps", "offers")
    best = {}
    for stage, name in enumerate(names):
        replay(stage, traj, mu_traj, rounds, s, w, vote, low, high)
        best[name] = float("inf")
        for _ in range(5):
            cpu = time.process_time()
            count, _ = replay(stage, traj, mu_traj, rounds, s, w, vote, low, high)
            best[name] = min(best[name], time.process_time() - cpu)
        best[name] = best[name] / count / (n * n) * 1e9
    out = {"round": best["round"], "sort": best["sort"]}
    out["win probabilities (eq. 31)"] = best["win probabilities (eq. 31)"] - best["sort"]
    out["logs and exps"] = (best["logs and exps"] - best["round"]) / REPEAT_STAGE
    out["offers"] = (best["offers"] - best["round"]) / REPEAT_STAGE
    out["weighted median"] = best["weighted median"]
    out["rest"] = out["round"] - sum(v for k, v in out.items() if k not in ("round", "weighted median"))
    out["rounds per row"] = float(rounds.mean())
    # The whole kernel as it runs (rounds, median and convergence rule, no replaying), same rows.
    args = (x, s, w, vote, low, high, 100.0, 1.0, 20, 1e-3, 3, 0, 0, mu, rounds, np.empty(rows, dtype=np.bool_),
            np.empty((rows, n)), np.empty((0, n, rows)), np.empty((0, rows)))
    whole = float("inf")
    for _ in range(5):
        cpu = time.process_time()
        kernel.run_rows(*args)
        whole = min(whole, time.process_time() - cpu)
    out["whole kernel (run_rows, not replayed)"] = whole / rounds.sum() / (n * n) * 1e9
    return out


def profile_lines(profiles: dict[int, dict[str, float]]) -> list[str]:
    sizes = sorted(profiles)
    lines = [
        "",
        "## Where the compiled kernel's time goes",
        "",
        "Nanoseconds per pair-round (one ordered pair (i, j) of one row in one round), CPU time of one thread, on the "
        "states of real runs replayed (`stage_profile`: 60 random rows run to convergence, every round's positions "
        "recorded, each stage timed over all of them): " + ", ".join(f"{n} actors" for n in sizes) + ". The weighted "
        "median runs once per round outside `_round` (the convergence rule needs it): the \"round\" row leaves it out. "
        "The last row times `run_rows` itself on the same rows (all rounds, the median and the convergence rule): "
        "on a shared machine single stage figures move by up to 2x from run to run (best of 5 each), so the "
        "stages are a guide to where the time goes, and the last row the figure to compare with other runs.",
        "",
        "| stage | " + " | ".join(f"{n} actors" for n in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for name in profiles[sizes[0]]:
        lines.append(f"| {name} | " + " | ".join(f"{profiles[n][name]:.1f}" for n in sizes) + " |")
    lines += [
        "",
        "Memory: one row at a time, its (N, N) float64 arrays reused round after round (at 80 actors four of 51 KB "
        "and five of 102 KB: in L2, 2 MB a core here, not in L1); a row runs until it converges, so rows that stop "
        "early cost nothing more (no compaction needed) and no array grows with the draws.",
        "",
        "At 10 actors (100 pairs a round) the per-round costs weigh most: a perf profile of the whole run found "
        "13-18% of the time in numba's reference counts (two locked adds for every array passed to a stage, taken "
        "out of the scratch tuple or sliced, every round); the round now gets views without a count "
        "(`_eu_kernel._borrowed`) and they fell to about 1%. The sort and eq. 31's prefix sums (carried over from "
        "the 80-actor work) cost little there (see the table), so a separate small-N path for them was not "
        "written; every ordered pair's logs for few actors (no packed triangle) was within 1%: not kept. A "
        "section profile at 10 actors (each section of `_round` run five times over inside the real run, 2,000 "
        "emissions rows, load about 7.5: ns a pair-round) gave offers 4.5, eq. 31 3.3, exps 2.8, utilities 1.9, "
        "logs 1.8, packing 1.8 and unpacking 1.8 the triangle of logs, Sec and the risk exponents 1.3, "
        "distances 0.6, the sort with its gathers 0.2 and the scatter 0.2 (sum 20.3 of 22.2 for the whole "
        "kernel: the rest is the median, the convergence rule and the calls). The calls: `run_rows` called "
        "`_round` and `_round` its stages once a round, each passing its arrays field by field (25 to `_round`) "
        "and checking a status on return; all inlined (numba `inline=\"always\"`), 10 actors x 10,000 draws "
        "took about 0.88 of the time, 80 actors the same. Then below `FULL_LOGS_BELOW` (16) actors the logs of "
        "every ordered pair in flat passes instead of the packed triangle: about 2% at 10 actors (slower at 20, "
        "hence the bound; tests pin both sides of it to NumPy). Outside the kernel (blocks, thresholds, array "
        "preparation, the result) about 3% of the CPU seconds at 10 actors x 10,000 draws; the positions and "
        "saliences are no longer copied when already float. Not kept: one division a pair in eq. 31 (1%), "
        "the one tied offer's move as a running sum (4% slower), `_log_into` and `_exp_into` inlined (they lose "
        "their own fast-math flag and vectorise less well: slower).",
        "",
        "Levers tried and not kept (measured on these replayed states): eq. 31 row by row in full (both halves of "
        "the symmetric spread, no mirrored writes, one vectorised pass) with the midpoint slots from two pointer "
        "walks (6.9 ns against 5.2) or from a table of buckets (positions cluster as rounds go on, so buckets fill "
        "unevenly: no gain), and branch-free walks (a chain of dependent loads, four rows in lockstep: no gain); "
        "the exps row by row fused with the utilities (7.7 against 7.2 ns for pass 2); 512-bit vectors "
        "(numba's CPU features without `prefer-256-bit` made logs and exps about 15% faster but apply to the "
        "whole process, so not set). Not tried: draws as the innermost dimension (SIMD across draws): the sort, "
        "eq. 31's pointer and the offers' ties branch per draw, rows would have to run in lockstep to the slowest "
        "(3 to 20 rounds at 80 actors) or be compacted, and the pair loops already vectorise across actors. "
        "float32: no (the 1e-9 agreement with the NumPy path cannot hold with 7 significant digits).",
    ]
    return lines


def scaling(seed: int, repeat: int, actor_draws: int) -> list[tuple]:
    """(sweep, actors, issues, draws, engine, CPU s, rounds) for the three sweeps."""
    sweeps = [("actors", a, 1, actor_draws) for a in (10, 20, 40, 80, 160)]
    sweeps += [("issues", 10, k, 1000) for k in (1, 2, 5, 10)]
    sweeps += [("draws", 10, 1, d) for d in (1000, 10_000, 100_000)]
    sweeps += [("target", 80, 1, 1000)]  # the issue's case: 80 actors x 1 issue, 1,000 draws
    rows = []
    for sweep, n, k, d in sweeps:
        case = random_case(d, n, k, seed)
        for engine in engines():
            expected_utility(random_case(1, n, 1, seed), engine=engine)  # warm up
            result: list = []
            secs, wall = best_times(lambda: result.append(expected_utility(case, engine=engine)), repeat if d * n * n <= 2e6 else 1)  # noqa: B023
            rows.append((sweep, n, k, d, engine, secs, float(result[-1].rounds.mean()), wall))
            print(f"scaling {sweep:7s} actors {n:4d} issues {k:3d} draws {d:7d} {engine:6s} {secs:8.3f} s CPU "
                  f"{wall:8.3f} s wall rounds {result[-1].rounds.mean():.1f}")
    return rows


def target(seed: int, repeat: int, reference_draws: int = 10) -> dict:
    """The issue's case, 80 actors x 1 issue x 1,000 draws, with the compiled kernel: one
    thread and one per CPU (steady state: after a warm-up call), the rounds, the time per
    pair-round, and the plain per-draw BDM on `reference_draws` of the draws (extrapolated)."""
    case = random_case(1000, 80, 1, seed)
    expected_utility(one_draw(case, 0), engine="numba")  # warm up
    out: dict = {}
    for threads in (1, 0):
        result: list = []
        out[threads] = best_times(lambda: result.append(expected_utility(case, engine="numba", threads=threads)), repeat)  # noqa: B023
    rounds = result[-1].rounds[:, 0]
    out["rounds"] = (float(rounds.mean()), int(rounds.min()), int(rounds.max()))
    out["ns_pair_round"] = out[1][0] / (rounds.sum() * 80 * 80) * 1e9
    x, s, c = case.positions[:, :, 0], case.salience[:, :, 0], case.capability
    cpu = time.process_time()
    ref = [reference_bdm(x[k], s[k], c[k], 100.0) for k in range(reference_draws)]
    out["reference_s"] = (time.process_time() - cpu) * 1000 / reference_draws
    out["reference_same"] = float(np.mean(np.abs(np.array([r[0] for r in ref]) - result[-1].outcome[:reference_draws, 0]) < 1e-9))
    out["reference_same_rounds"] = float(np.mean(np.array([r[1] for r in ref]) == rounds[:reference_draws]))
    out["load"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"target 80 actors x 1,000 draws: 1 thread {out[1][0]:.3f} s CPU ({out[1][1]:.3f} s wall), "
          f"{os.cpu_count()} threads {out[0][0]:.3f} s CPU ({out[0][1]:.3f} s wall), rounds {out['rounds']}, "
          f"{out['ns_pair_round']:.1f} ns a pair-round; plain BDM {out['reference_s']:.1f} s CPU (extrapolated)")
    return out


def target_lines(t: dict, first: dict | None) -> list[str]:
    (cpu1, wall1), (cpu2, wall2) = t[1], t[0]
    mean, lo, hi = t["rounds"]
    lines = [
        "",
        "## The issue's case: 80 actors x 1 issue x 1,000 draws",
        "",
        "Random positions, saliences and capabilities (as the scaling sweeps), the compiled kernel, steady state "
        "(the call after a warm-up call in the same process; the target of under 1 s is for this). "
        f"1-minute load average {t['load']:.1f} when measured, on 2 CPUs: wall time then shows the other jobs more "
        "than this one, and CPU seconds of one thread are the steadier figure (on an idle machine, wall time with "
        "both threads is about the CPU seconds over 2, plus the last block: 16 blocks a thread, so about 1/32).",
        "",
        "| threads | CPU s | wall s | rounds per draw (mean, min, max) | ns per pair-round (CPU) |",
        "|---:|---:|---:|---|---:|",
        f"| 1 | {cpu1:.3f} | {wall1:.3f} | {mean:.2f}, {lo}, {hi} | {t['ns_pair_round']:.1f} |",
        f"| {os.cpu_count()} | {cpu2:.3f} | {wall2:.3f} | {mean:.2f}, {lo}, {hi} | {cpu2 / cpu1 * t['ns_pair_round']:.1f} |",
        "",
        f"Against the plain per-draw Python BDM (`_reference_bdm.py`) on the same case: {t['reference_s']:.1f} CPU s "
        f"(timed on 10 draws, extrapolated to 1,000), {t['reference_s'] / cpu1:.0f}x the kernel on one thread; "
        f"same forecasts on those draws {t['reference_same']:.0%}, same rounds {t['reference_same_rounds']:.0%}.",
    ]
    if first:
        warm = first["warm"]
        lines += [
            "",
            f"In a fresh process the first call costs more: importing detente's model module {warm['imports']:.2f} s, "
            f"then the first compiled call {warm['first']:.2f} s (importing numba and loading the cached kernel; "
            f"{first['cold']['first']:.1f} s when the cache is empty and the kernel compiles), so a one-off "
            f"`detente` run of this case takes about {warm['imports'] + warm['first'] + wall2:.1f} s of wall time here.",
        ]
    return lines


def exponent(sizes: list[float], seconds: list[float]) -> float:
    """k in seconds ~ size^k, least squares on log-log axes."""
    return float(np.polyfit(np.log(sizes), np.log(seconds), 1)[0])


def scaling_lines(rows: list[tuple], actor_draws: int) -> list[str]:
    lines = [
        "",
        "## Scaling of the expected-utility model",
        "",
        f"Random cases (positions uniform 0-100, saliences and capabilities 0.1-1), CPU seconds (best of runs). "
        f"Actors swept at {actor_draws:,} draws x 1 issue; issues at 10 actors x 1,000 draws; draws at 10 actors x 1 issue. "
        "Rounds are the mean rounds per draw-issue (they grow with actors: more actors, more rounds to settle). "
        "Growth exponent k: time ~ size^k fitted on log-log axes over the sweep; per round, the NumPy path's vote "
        "spread is O(N^3) below 64 actors (direct sum) and O(N^2 log N) from 64 on (sorted prefix sums), the rest "
        "of its round O(N^2) in about 40 array passes; the compiled kernel runs the whole round per row in O(N^2) "
        "(an insertion sort carried over from the last round, O(N^2) at worst and about O(N) once positions settle; "
        "prefix sums and a forward pointer for eq. 31; one vectorised log per unordered pair's two utility bases "
        "and one vectorised exp per ordered pair and base; the offers in branch-free passes: see the stage profile "
        "above). CPU seconds add up the threads (blocks of draws run on both cores); wall seconds beside them: "
        "on a machine shared with other jobs, wall time exceeds the CPU time of one thread.",
        "",
        "| sweep | actors | issues | draws | engine | CPU s | wall s | rounds | CPU per 1,000 draw-issues |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for sweep, n, k, d, engine, secs, rounds, wall in rows:
        lines.append(
            f"| {sweep} | {n} | {k} | {d:,} | {engine} | {secs:.3f} | {wall:.3f} | {rounds:.1f} | {1000 * secs / (d * k):.3f} s |"
        )
    lines += ["", "| sweep | engine | fitted exponent k |", "|---|---|---:|"]
    for sweep, index in (("actors", 1), ("issues", 2), ("draws", 3)):
        for engine in sorted({r[4] for r in rows}):
            sel = [r for r in rows if r[0] == sweep and r[4] == engine]
            k = exponent([r[index] for r in sel], [r[5] for r in sel])
            lines.append(f"| {sweep} | {engine} | {k:.2f} |")
    eighty = {r[4]: r[5] for r in rows if r[0] == "target"}
    eighty_wall = {r[4]: r[7] for r in rows if r[0] == "target"}
    lines += [
        "",
        "80 actors x 1 issue, 1,000 draws, measured directly: "
        + ", ".join(f"{e} {s:.2f} CPU s ({eighty_wall[e]:.2f} s wall)" for e, s in eighty.items())
        + " (the issue's target: under 1 s).",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="emissions table (CSV)")
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--loop-draws", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--baseline", type=Path, default=None, help="another expected_utility module file to time against")
    parser.add_argument("--baseline-kernel", type=Path, default=None, help="another _eu_kernel.py to time against")
    parser.add_argument("--scaling", action="store_true", help="also run the scaling sweeps (minutes)")
    parser.add_argument("--actor-draws", type=int, default=250, help="draws per point of the actor sweep")
    args = parser.parse_args()
    data = args.data if args.data.exists() else FALLBACK_DATA
    load_all()
    inputs = draw_inputs(data, args.draws, args.seed)
    loop_n = min(args.loop_draws, args.draws)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = []
    for name in MODEL_NAMES:
        fn = MODELS[name]
        fn(one_draw(inputs, 0))  # warm up
        # Interleave the two ways and keep each one's best run: other jobs share the CPUs,
        # so CPU time (time.process_time) is the measure and the best of several runs the estimate.
        best = best_wall = loop_time = float("inf")
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            out = fn(inputs)
            best = min(best, time.process_time() - cpu)
            best_wall = min(best_wall, time.perf_counter() - wall)
            cpu = time.process_time()
            looped = np.concatenate([fn(one_draw(inputs, d)).outcome for d in range(loop_n)])
            loop_time = min(loop_time, time.process_time() - cpu)
        same = bool(np.allclose(looped, out.outcome[:loop_n], atol=1e-9))
        vec_rate = args.draws / best
        loop_rate = loop_n / loop_time
        extra = ""
        if out.rounds is not None:
            extra = f"rounds mean {out.rounds.mean():.1f}, converged {100 * out.converged.mean():.1f}%"
        rows.append(
            (name, best, best_wall, vec_rate, loop_rate, vec_rate / loop_rate, same, float(np.median(out.outcome)), extra)
        )
        print(
            f"{name:18s} vectorised {args.draws} draws in {best:.3f} s CPU ({best_wall:.3f} s wall) = {vec_rate:12,.0f} draws/s | "
            f"loop {loop_rate:10,.0f} draws/s | x{vec_rate / loop_rate:7.1f} | same={same} | "
            f"median forecast {np.median(out.outcome):.2f} {extra}"
        )
    load_ref = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    ref = versus_reference(inputs, args.loop_draws, args.repeat)
    ref["load"] = (load_ref, os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"))
    for engine in engines():
        r = ref[engine]
        print(
            f"expected_utility vs plain per-draw BDM ({args.draws} draws): reference {ref['reference_s']:.2f} s CPU "
            f"(extrapolated from {ref['reference_draws']} draws, {ref['reference_rounds']:.2f} rounds/draw) | {engine} "
            f"{r['s']:.3f} s CPU, {r['wall']:.3f} s wall ({r['rounds']:.2f} rounds/draw) | by CPU "
            f"{', '.join(f'x{v:.0f}' for v in r['cpu_ratios'])} | by wall {', '.join(f'x{v:.0f}' for v in r['wall_ratios'])} | "
            f"same forecasts {r['same']:.0%}, same rounds {r['same_rounds']:.0%}"
        )
    compile_times = first_call() if "numba" in engines() else None
    if compile_times:
        cold, warm = compile_times["cold"], compile_times["warm"]
        print(f"first numba call in a fresh process: {cold['first']:.2f} s with an empty cache (compiling), "
              f"{warm['first']:.2f} s with a warm cache; a second call {warm['second'] * 1000:.1f} ms")
    profiles = {n: stage_profile(n, args.seed) for n in (10, 80)} if "numba" in engines() else {}
    for n, prof in profiles.items():
        print(f"kernel stages, {n} actors (ns per pair-round): " + ", ".join(f"{k} {v:.1f}" for k, v in prof.items()))
    kernel_rows = []
    if args.baseline_kernel and "numba" in engines():
        kernel_cases = {"emissions, 10 actors x 10,000 draws": inputs, "random, 80 actors x 1,000 draws": random_case(1000, 80, 1, args.seed)}
        kernel_rows = compare_kernel(kernel_cases, args.baseline_kernel, args.repeat)
    target_row = target(args.seed, args.repeat) if "numba" in engines() else None
    scale_rows = scaling(args.seed, args.repeat, args.actor_draws) if args.scaling else []
    versus = compare_baseline(inputs, args.baseline, args.repeat) if args.baseline else None
    if versus:
        print(
            f"expected_utility   current {versus['current']:.3f} s CPU | baseline {versus['file']} "
            f"{versus['baseline']:.3f} s CPU | x{versus['baseline'] / versus['current']:.2f} | "
            f"same forecasts and rounds={versus['same']} (max difference {versus['max_diff']:.1e})"
        )
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Model-level draws per second: vectorised vs per-draw loop",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `.venv/bin/python benchmarks/eu_draws.py`"
        f" (data: `{data.name}`, {args.draws} draws, loop on {loop_n} draws, best of {args.repeat}, seed {args.seed}).",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" NumPy {np.__version__}; 1-minute load average {load_before:.1f} before, {load_after:.1f} after"
        " (other jobs share the CPUs: compare the ratios, not the absolute times).",
        "",
        "Scenario: the emissions example (10 actors, 1 issue, scale 4-10 years) with inputs drawn around"
        " the published values. Same forecasts = the loop and the vectorised call agree on the looped draws.",
        "",
        "Times are CPU seconds of this process (best of the runs); wall time of the best vectorised run beside it.",
        "",
        "| model | vectorised CPU s | wall s | vectorised draws/s | loop draws/s | speed-up | same forecasts | median forecast | notes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, best, wall, vec, loop, ratio, same, med, extra in rows:
        lines.append(
            f"| {name} | {best:.3f} | {wall:.3f} | {vec:,.0f} | {loop:,.0f} | {ratio:.0f}x | {same} | {med:.2f} | {extra} |"
        )
    eu = next(row for row in rows if row[0] == "expected_utility")
    lines += [
        "",
        f"Expected utility, {args.draws:,} draws of the 10-actor single-issue scenario: {eu[1]:.3f} CPU s"
        f" ({eu[2]:.3f} s wall), {eu[5]:.0f}x the draws per second of the per-draw loop.",
    ]
    lines += [
        "",
        "## Against a plain per-draw Python BDM",
        "",
        f"`benchmarks/_reference_bdm.py`: one draw at a time, NumPy over that draw's actors, eq. 31 as the triple sum "
        f"over (i, j, k); written from Scholz et al. (2011) to the same rules as detente's defaults. Timed on "
        f"{ref['reference_draws']} of the {args.draws:,} draws and extrapolated; {args.repeat} turns, each the reference "
        f"then every engine, and each turn's ratios from its own runs; {ref['reference_rounds']:.2f} rounds per draw.",
        "",
        "Two measures, both against the same reference runs: **by CPU**, CPU seconds of the process (all threads "
        "added up: one core's efficiency; the reference runs on one thread); **by wall**, the seconds a user waits, "
        f"the engines running their blocks on {os.cpu_count()} threads (one per CPU), the reference on one. The "
        "machine is shared, so the wall figures carry the other jobs' load; 1-minute load average "
        f"{ref['load'][0]:.1f} before these turns and {ref['load'][1]:.1f} after.",
        "",
        "| engine | CPU s (best; range) | wall s (best; range) | reference CPU s (best; range) | speed-up by CPU, each turn | by wall, each turn | rounds per draw | same forecasts | same rounds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    spread = lambda values: f"{min(values):.3f}; {min(values):.3f}-{max(values):.3f}"  # noqa: E731
    ref_cpu = [t["reference"][0] for t in ref["turns"]]
    for engine in engines():
        r = ref[engine]
        cpus = [t[engine][0] for t in ref["turns"]]
        walls = [t[engine][1] for t in ref["turns"]]
        lines.append(
            f"| {engine} | {spread(cpus)} | {spread(walls)} | {min(ref_cpu):.2f}; {min(ref_cpu):.2f}-{max(ref_cpu):.2f} | "
            f"{', '.join(f'{v:.0f}x' for v in r['cpu_ratios'])} | {', '.join(f'{v:.0f}x' for v in r['wall_ratios'])} | "
            f"{r['rounds']:.2f} | {r['same']:.0%} | {r['same_rounds']:.0%} |"
        )
    if compile_times:
        cold, warm = compile_times["cold"], compile_times["warm"]
        lines += [
            "",
            "Compiling, not counted above (every timing follows a warm-up call): the first `engine=\"numba\"` call in a "
            f"fresh process (20 actors, 4 draws) took {cold['first']:.2f} s wall with an empty numba cache (the kernel "
            f"compiles, once per install and machine: `cache=True` writes it to disk) and {warm['first']:.2f} s with "
            f"the cache warm (importing numba and loading the kernel); a second call {warm['second'] * 1000:.1f} ms. "
            f"Importing detente's model module took {warm['imports']:.2f} s.",
        ]
    if kernel_rows:
        lines += [
            "",
            f"## Against another version of the compiled kernel (`{args.baseline_kernel.name}`)",
            "",
            "Same `expected_utility(engine=\"numba\")` call (same blocks and threads), only the kernel module swapped; "
            "interleaved, best of the runs.",
            "",
            "| case | baseline CPU s | wall s | current CPU s | wall s | speed-up (CPU) | rounds per draw | same forecasts and rounds |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in kernel_rows:
            (bc, bw), (cc, cw) = r["baseline"], r["current"]
            lines.append(f"| {r['case']} | {bc:.3f} | {bw:.3f} | {cc:.3f} | {cw:.3f} | {bc / cc:.2f}x | {r['rounds']:.2f} | {r['same']} |")
    if target_row:
        lines += target_lines(target_row, compile_times)
    if profiles:
        lines += profile_lines(profiles)
    if scale_rows:
        lines += scaling_lines(scale_rows, args.actor_draws)
    if versus:
        lines += [
            "",
            f"Against another version of the module (`{versus['file']}`), same draws, same process, interleaved:"
            f" {versus['baseline']:.3f} CPU s before, {versus['current']:.3f} CPU s now,"
            f" {versus['baseline'] / versus['current']:.2f}x faster; same forecasts (to 1e-9) and rounds:"
            f" {versus['same']} (largest difference {versus['max_diff']:.1e}).",
        ]
    write_page(args.out, lines)


if __name__ == "__main__":
    main()
