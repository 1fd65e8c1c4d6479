"""Benchmark: Monte Carlo draws per second, vectorised across draws vs a per-draw Python loop.

For every registered bargaining model, on two scenarios:

* the built-in case ``us-russia-2025`` (5 actors, 7 issues, triangular ranges);
* a generated 10-actor, single-issue scenario (random positions, saliences and
  capabilities, each a triangular range), the size of the quality bar "10,000
  expected-utility draws of a 10-actor single-issue scenario in well under half a second";

it times, in the same process and on the same drawn inputs:

1. the **vectorised** path detente uses: one model call on all D draws ((D, N, K) arrays);
2. a **straightforward loop**: one model call per draw (D = 1), as an engine without
   vectorisation would run it; the loop runs until a time budget is spent (at least a
   few draws), and its rate is extrapolated from the draws it completed.

Both sides call the model with its default parameters, as a user would. A model with an
``engine`` parameter (``expected_utility``, ``smp``) picks its engine per call
("auto": the compiled kernel of the `fast` extra only for batches large enough to repay
numba's start-up), so the two sides may run different engines: the table names the
engine of each side, and where they differ adds a row with the NumPy engine forced on
both sides (the vectorisation alone) and one with the compiled kernel on both sides
(which, by design, gains little from batching: a compiled per-draw loop is already
fast). The 20x bar applies to the default rows and the NumPy rows.

Input sampling (``draw_inputs``, also vectorised) is timed separately. Ratios, not
absolute times, are the result: the machine is shared and its load varies.

    .venv/bin/python benchmarks/montecarlo.py
    .venv/bin/python benchmarks/montecarlo.py --draws 500 --budget 0.3   # quicker
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_page  # noqa: E402

from detente.bargaining.models.base import MODELS, ModelInput, ModelOutput  # noqa: E402
from detente.bargaining.montecarlo import available_models, draw_inputs, model_params  # noqa: E402
from detente.bargaining.scenario import Estimate, Issue, Scenario, ScenarioActor, Source, Stance  # noqa: E402
from detente.cases import load_case  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "montecarlo.md"


def ten_actor_scenario(seed: int = 7) -> Scenario:
    """10 actors, 1 issue; every input a triangular range around a random mode."""
    rng = np.random.default_rng(seed)
    src = Source(estimate="generated for the benchmark")

    def tri(mode: float, half: float, lo: float, hi: float) -> Estimate:
        return Estimate(max(lo, mode - half), mode, min(hi, mode + half), src)

    codes = [f"A{i:02d}" for i in range(10)]
    actors = tuple(ScenarioActor(c, c, tri(float(rng.uniform(10, 100)), 10, 0, np.inf)) for c in codes)
    issue = Issue("x", "x", {0.0: "0", 100.0: "100"}, tri(50, 10, 0, 100))
    stances = {
        (c, "x"): Stance(tri(float(rng.uniform(0, 100)), 10, 0, 100), tri(float(rng.uniform(0.2, 1.0)), 0.1, 0, 1)) for c in codes
    }
    return Scenario("ten-actors", "10 actors, 1 issue", "", None, {}, actors, (issue,), stances, origin="benchmark")


def engine_of(out: ModelOutput) -> str:
    """The engine a model call ran on ("numpy" or "numba"), or "-" for a model without engines."""
    return str(out.extra.get("engine") or out.extra.get("params", {}).get("engine") or "-")


def time_vectorised(name: str, inputs: ModelInput, repeat: int = 2, **over: Any) -> tuple[float, str]:
    """Draws per CPU second (best of `repeat`; CPU time, since other jobs share the cores) and the engine used."""
    fn, kw = MODELS[name], model_params(MODELS[name], over)
    best, engine = np.inf, "-"
    for _ in range(repeat):
        t = time.process_time()
        out = fn(inputs, **kw)
        best = min(best, time.process_time() - t)
        engine = engine_of(out)
    return inputs.shape[0] / best, engine


def time_loop(name: str, inputs: ModelInput, budget: float, min_draws: int = 3, **over: Any) -> tuple[float, int, str]:
    """Draws per CPU second of one model call per draw (D = 1), draws done, and the engine used."""
    fn, kw = MODELS[name], model_params(MODELS[name], over)
    done, start, engine = 0, time.process_time(), "-"
    for d in range(inputs.shape[0]):
        one = ModelInput(
            inputs.positions[d : d + 1], inputs.salience[d : d + 1], inputs.capability[d : d + 1], inputs.status_quo[d : d + 1], inputs.scale
        )
        engine = engine_of(fn(one, **kw))
        done += 1
        if done >= min_draws and time.process_time() - start > budget:
            break
    return done / (time.process_time() - start), done, engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=2000, help="draws for the vectorised path (default 2000)")
    parser.add_argument("--budget", type=float, default=1.0, help="seconds per model for the per-draw loop (default 1.0)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    models = available_models()
    scenarios = [("us-russia-2025 (5 actors x 7 issues)", load_case()), ("generated (10 actors x 1 issue)", ten_actor_scenario())]
    rows = []
    print(f"models: {', '.join(models)}; {args.draws} draws vectorised; per-draw loop budget {args.budget}s per model")
    for label, scenario in scenarios:
        t = time.perf_counter()
        inputs = draw_inputs(scenario, args.draws, args.seed)
        sampling = args.draws / (time.perf_counter() - t)
        print(f"\n{label}: sampling inputs {sampling:,.0f} draws/s")
        print(f"{'model':<28}{'vectorised/s':>14}{'loop/s':>12}{'loop draws':>12}{'speed-up':>10}{'time for D':>12}  engines")
        for name in models:
            fn = MODELS[name]
            fn(ModelInput(inputs.positions[:2], inputs.salience[:2], inputs.capability[:2], inputs.status_quo[:2], inputs.scale), **model_params(fn))  # warm up
            variants: list[dict[str, Any]] = [{}]
            vec, vec_engine = time_vectorised(name, inputs)
            loop, n_loop, loop_engine = time_loop(name, inputs, args.budget)
            if vec_engine != loop_engine:  # the engines differ: each engine on both sides too
                variants += [{"engine": "numpy"}, {"engine": "numba"}]
            for over in variants:
                if over:
                    fn(ModelInput(inputs.positions[:2], inputs.salience[:2], inputs.capability[:2], inputs.status_quo[:2], inputs.scale), **model_params(fn, over))
                    vec, vec_engine = time_vectorised(name, inputs, **over)
                    loop, n_loop, loop_engine = time_loop(name, inputs, args.budget, **over)
                label_model = name + (f" (engine={over['engine']})" if over else "")
                ratio = vec / loop
                rows.append((label, label_model, vec, loop, n_loop, ratio, args.draws / vec, sampling, f"{vec_engine} / {loop_engine}", over.get("engine") == "numba"))
                print(f"{label_model:<28}{vec:>14,.0f}{loop:>12,.0f}{n_loop:>12,d}{ratio:>9,.0f}x{args.draws / vec:>11.3f}s  {vec_engine}/{loop_engine}")

    lines = [
        "# Monte Carlo: vectorised draws vs a per-draw loop",
        "",
        f"`benchmarks/montecarlo.py`, run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs (shared with other jobs; load average {os.getloadavg()[0]:.1f}), Python {platform.python_version()}, "
        f"NumPy {np.__version__}. {args.draws:,} draws per vectorised call; the per-draw loop (one model call per draw, D = 1) "
        f"runs for about {args.budget:g} CPU s per model and its rate is extrapolated. Same process, same drawn inputs; "
        "rates are per CPU second (the cores are shared, so wall time says more about the other jobs than about "
        "detente); ratios matter. The expected-utility model's scaling in actors, issues and draws, with fitted "
        "growth exponents, is in eu_draws.md.",
        "",
        "| scenario | model | engine (vectorised / loop) | vectorised draws/s | per-draw loop draws/s | speed-up | time for all draws (vectorised) |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for label, name, vec, loop, n_loop, ratio, secs, _, engines, _ in rows:
        lines.append(f"| {label} | {name} | {engines} | {vec:,.0f} | {loop:,.1f} ({n_loop} draws) | {ratio:,.0f}x | {secs:.3f} s |")
    samplings = {row[0]: row[7] for row in rows}
    lines += [
        "",
        "Sampling the inputs (triangular draws, one seeded stream per input): "
        + "; ".join(f"{label}: {s:,.0f} draws/s" for label, s in samplings.items())
        + ".",
        "",
        "Quality bars: the vectorised path at least 20x the per-draw loop; 10,000 expected-utility draws of a "
        "10-actor single-issue scenario well under 0.5 s.",
    ]
    if "expected_utility" in MODELS:
        ten = draw_inputs(ten_actor_scenario(), 10_000, args.seed)
        secs = 10_000 / time_vectorised("expected_utility", ten, repeat=1)[0]
        print(f"10,000 expected-utility draws, 10 actors, 1 issue: {secs:.3f} s")
        lines.append(f"Measured: 10,000 expected-utility draws, 10 actors, 1 issue, one vectorised call: {secs:.3f} s.")
    slow = [f"{r[1]} on {r[0]} ({r[5]:.0f}x)" for r in rows if r[5] < 20 and not r[9]]
    lines.append("All default and NumPy rows meet the 20x bar." if not slow else "Below the 20x bar: " + "; ".join(slow) + ".")
    lines.append(f"Load average after the run: {os.getloadavg()[0]:.1f}.")
    write_page(args.out, lines)


if __name__ == "__main__":
    main()
