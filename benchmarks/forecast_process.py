"""Benchmark: `detente forecast` as a user runs it, a fresh process, against baselines in the same run.

A user's wait is the whole process: the interpreter, the imports, reading the case,
the Monte Carlo runs of every model and the output. This script starts each command
as a new process, several times, interleaved (so a change in the machine's load hits
every command alike), and reports per command the median wall time, CPU time (user +
system, from the process's own rusage) and peak memory, beside two baselines run in
the same loop:

* ``python -c "import numpy"``: the floor any NumPy tool pays to start;
* ``detente --version``: the CLI's own start-up (typer, rich, the command table).

Commands timed: ``detente forecast`` (the built-in case us-russia-2025, default models
and draws, stdout piped so the tables print as tab-separated text), the same with
``--json``, ``detente forecast --model compromise`` (everything but the expensive
models: start-up, case, sampling, plans and output), and ``detente forecast --param
smp.engine=numpy``: the default run with the SMP in NumPy in the main process, as before
the kernel process (`detente.bargaining.models._smp_worker`) existed: the reference
for what that process gains; and ``detente forecast`` with ``DETENTE_CACHE_DIR=off``:
the case validated in full (YAML, schema, actor registry), as on a first run, the
reference for what the cache of validated cases (`detente.cases.cache`) gains. The
other commands read the case from that cache (the script's first run fills it).

A second part runs the real command once more in a fresh process, with its pieces
wrapped in timers (CPU and wall seconds): the imports, reading the case, sampling,
each model on all draws (and at the modes), the plan tests, rendering, and the rest
(typer's option parsing, summaries). It is the breakdown behind the total. With the
kernel process, the SMP row is the main process waiting for it; the page adds when that
process was forked, when numba and the kernel were loaded, and its CPU.

A third part splits the SMP on the case's 2,000 draws into numba's one-off load
(import, and the first call that loads the compiled kernel from numba's cache) and
the compute, beside the NumPy engine, in two fresh processes: as a user's process
imports numba, and "lean" (without SciPy) as the kernel process does.

    .venv/bin/python benchmarks/forecast_process.py
    .venv/bin/python benchmarks/forecast_process.py --repeat 3   # quicker

On a shared machine the medians move with the load; CPU seconds move less than wall
seconds. For a clean figure run it on an idle machine (nothing else on the cores):
the kernel process gains wall time only when the second core is free, and costs some
CPU (numba's load) when it is not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_page  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "forecast_process.md"
PY = sys.executable
DETENTE = str(Path(sys.executable).with_name("detente"))

COMMANDS: list[tuple[str, list[str]]] = [
    ('python -c "import numpy" (baseline)', [PY, "-c", "import numpy"]),
    ("detente --version (baseline)", [DETENTE, "--version"]),
    ("detente forecast", [DETENTE, "forecast"]),
    ("detente forecast --json", [DETENTE, "forecast", "--json"]),
    ("detente forecast through `detente.cli.main.main` (no fork before the CLI loads: the entry point before session 7)",
     [PY, "-c", "import sys; sys.argv[0] = 'detente'; from detente.cli.main import main; main()", "forecast"]),
    ("detente forecast --model compromise", [DETENTE, "forecast", "--model", "compromise"]),
    ("detente forecast --param smp.engine=numpy (no kernel process: the SMP in NumPy here)", [DETENTE, "forecast", "--param", "smp.engine=numpy"]),
    ("DETENTE_CACHE_DIR=off detente forecast (the case validated in full, as on a first run)", [DETENTE, "forecast"]),
]
#: Extra environment per command (by label).
ENV = {COMMANDS[-1][0]: {"DETENTE_CACHE_DIR": "off"}}

#: Run in a fresh interpreter: the real `detente forecast` (the CLI's own entry point),
#: with its pieces wrapped to time them inside that one run: CPU and wall seconds each.
PHASES = r"""
import contextlib, functools, json, os, sys, time
cpu, wall = time.process_time, time.perf_counter
t_start = wall()
marks = []
def mark(name, c, w):
    marks.append((name, cpu() - c, wall() - w))
c, w = cpu(), wall(); import numpy; mark("import numpy", c, w)
c, w = cpu(), wall(); import detente.cli.main as climain, detente.cli.launch as launch; mark("import the CLI (typer, click, rich, command table)", c, w)
c, w = cpu(), wall(); import detente.cli.forecast as cmd; mark("import the forecast command (its options)", c, w)
c, w = cpu(), wall()
from detente.bargaining import montecarlo, study as study_mod
from detente.bargaining.models.base import MODELS
from detente.bargaining.models import _smp_worker, load_all, smp as smp_mod
import detente.cases as cases
load_all()
mark("import the forecast's library (study, Monte Carlo, models, scenario; the YAML schema only on a first run)", c, w)
import resource, tempfile
timers = {}
# the kernel process (forked by the command): when it starts and when its kernel is
# loaded, on the same clock (CLOCK_MONOTONIC is system-wide), and its CPU by then
clock = tempfile.NamedTemporaryFile("w+", suffix=".txt", delete=False)
real_prestart, real_warm, real_run, real_submit = _smp_worker.prestart, smp_mod.warm_kernel, _smp_worker.run, _smp_worker.submit
def prestart():
    clock.write(f"fork {wall()}\n"); clock.flush()
    return real_prestart()
def warm():
    real_warm()
    with open(clock.name, "a") as f:
        f.write(f"ready {wall()} {cpu()}\n")
def run(*a):
    asked = wall()
    out = real_run(*a)
    with open(clock.name, "a") as f:
        f.write(f"run {asked} {wall()}\n")
    return out
def submit(*a):
    with open(clock.name, "a") as f:
        f.write(f"submit {wall()}\n")
    return real_submit(*a)
_smp_worker.prestart, smp_mod.warm_kernel, _smp_worker.run, _smp_worker.submit = prestart, warm, run, submit
def timed(label, fn):
    @functools.wraps(fn)
    def run(*a, **k):
        c, w = cpu(), wall()
        try:
            return fn(*a, **k)
        finally:
            old = timers.get(label, (0.0, 0.0))
            timers[label] = (old[0] + cpu() - c, old[1] + wall() - w)
    return run
cases.resolve_case = timed("read the case (validated on the first run, then from detente.cases.cache)", cases.resolve_case)
montecarlo.draw_inputs = timed("sample the inputs", montecarlo.draw_inputs)
for name in montecarlo.default_models():
    MODELS[name] = timed(f"model {name} (all draws + modes)", MODELS[name])
study_mod.evaluate_plans = timed("test the peace plans", study_mod.evaluate_plans)
for fn in ("_forecast_table", "_reading_table", "_plans_table", "_legend"):
    setattr(cmd, fn, timed("render the tables", getattr(cmd, fn)))
sys.argv = ["detente", "forecast"]
c, w = cpu(), wall()
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    try:
        launch.main()
    except SystemExit:
        pass
total_c, total_w = cpu() - c, wall() - w
parts = list(timers.items())
rest_c = total_c - sum(v[0] for _, v in parts)
rest_w = total_w - sum(v[1] for _, v in parts)
for name in montecarlo.default_models():
    label = f"model {name} (all draws + modes)"
    if label not in timers:
        parts.append((f"model {name}: taken from its members' outcomes", (0.0, 0.0)))
marks += [(k, v[0], v[1]) for k, v in parts]
marks.append(("the rest of the command (typer's option parsing, without pydantic: `detente.cli._coercion`; summaries, bookkeeping)", rest_c, rest_w))
child = resource.getrusage(resource.RUSAGE_CHILDREN)
events = [line.split() for line in open(clock.name).read().splitlines()]
os.unlink(clock.name)
kernel = {"cpu": child.ru_utime + child.ru_stime}
for ev in events:
    if ev[0] == "fork":
        kernel["fork"] = float(ev[1]) - t_start
    elif ev[0] == "ready":
        kernel["ready"], kernel["load_cpu"] = float(ev[1]) - t_start, float(ev[2])
    elif ev[0] == "submit" and "submit" not in kernel:
        kernel["submit"] = float(ev[1]) - t_start
    elif ev[0] == "run" and "run" not in kernel:
        kernel["run"] = (float(ev[1]) - t_start, float(ev[2]) - t_start)
kernel["end"] = wall() - t_start
print(json.dumps({"marks": marks, "kernel": kernel}))
"""

#: Run in a fresh interpreter: what the SMP costs on the built-in case's draws, numba's
#: one-off load apart from the compute. CPU and wall seconds each.
SMP_PARTS = r"""
import json, sys, time
cpu, wall = time.process_time, time.perf_counter
if sys.argv[1] == "lean":
    sys.modules["scipy"] = None  # as in the kernel process (see detente.bargaining.models._smp_worker)
marks = []
def timed(name, fn):
    c, w = cpu(), wall()
    out = fn()
    marks.append((name, cpu() - c, wall() - w))
    return out
import numpy as np
from detente.bargaining import montecarlo
from detente.bargaining.models import smp as smp_mod
from detente.cases import load_case
inputs = montecarlo.draw_inputs(load_case(), 2000, 2025)
timed("SMP in NumPy, 2,000 draws (threads: one per CPU)", lambda: smp_mod.smp(inputs, engine="numpy"))
timed("import numba", lambda: __import__("numba"))
timed("import the kernel module and load the compiled kernel from numba's cache (one tiny run)", smp_mod.warm_kernel)
timed("SMP with the compiled kernel, 2,000 draws (threads: one per CPU)", lambda: smp_mod.smp(inputs, engine="numba"))
timed("SMP with the compiled kernel, 2,000 draws, one thread", lambda: smp_mod.smp(inputs, engine="numba", threads=1))
print(json.dumps(marks))
"""


def run_once(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per command (default 5)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not Path(DETENTE).exists():
        raise SystemExit(f"no detente executable beside {PY}; install the package (pip install -e .)")

    # An installed package has its bytecode compiled; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE set (as some sandboxes do) would compile every module on
    # every start. Compile once, so that the timings are a user's.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src" / "detente")], check=True)
    run_once([DETENTE, "forecast", "--model", "compromise", "--draws", "10"])  # fills the cache of validated cases
    samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _ in COMMANDS}
    load_before = os.getloadavg()[0]
    for _ in range(args.repeat):  # interleaved: every command sees the same spread of load
        for label, cmd in COMMANDS:
            samples[label].append(run_once(cmd, ENV.get(label)))
    load_after = os.getloadavg()[0]

    measured = json.loads(subprocess.run([PY, "-c", PHASES], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    phases, kernel = measured["marks"], measured["kernel"]
    phase_total = sum(c for _, c, _ in phases)
    smp_parts = {
        mode: json.loads(subprocess.run([PY, "-c", SMP_PARTS, mode], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for mode in ("plain", "lean")
    }

    base_cpu = statistics.median(c for _, c, _ in samples[COMMANDS[0][0]])
    rows = []
    print(f"{'command':<40}{'wall s':>9}{'CPU s':>9}{'vs numpy':>10}{'MiB':>7}")
    for label, _ in COMMANDS:
        wall = statistics.median(w for w, _, _ in samples[label])
        cpu = statistics.median(c for _, c, _ in samples[label])
        rss = max(m for _, _, m in samples[label])
        rows.append((label, wall, cpu, cpu / base_cpu, rss))
        print(f"{label:<40}{wall:>9.3f}{cpu:>9.3f}{cpu / base_cpu:>9.1f}x{rss:>7.0f}")
    print("\nphases of the default forecast (one fresh process): CPU s, wall s")
    for name, secs, wsecs in phases:
        print(f"  {name:<80}{secs:>7.3f}{wsecs:>7.3f}")

    lines = [
        "# `detente forecast`: the whole process",
        "",
        f"`benchmarks/forecast_process.py`, run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs (shared with other jobs; load average {load_before:.1f} before, {load_after:.1f} after), "
        f"Python {platform.python_version()}. Each command runs as a fresh process {args.repeat} times, interleaved with the "
        "baselines; medians of wall and CPU (user + system) seconds, peak resident memory. Default case us-russia-2025, "
        "default models and draws; stdout piped (tab-separated tables); detente's modules byte-compiled first, as in an "
        "installed package. CPU seconds are the steadier figure on a shared machine.",
        "",
        '| command | wall (s) | CPU (s) | CPU vs `python -c "import numpy"` | peak memory (MiB) |',
        "|---|---:|---:|---:|---:|",
    ]
    for label, wall, cpu, ratio, rss in rows:
        lines.append(f"| `{label}` | {wall:.3f} | {cpu:.3f} | {ratio:.1f}x | {rss:.0f} |")
    lines += [
        "",
        "Where the time of the default forecast goes: one fresh process runs the real command (`detente forecast`, "
        "stdout discarded) with its pieces wrapped in timers (`time.process_time` for CPU, `time.perf_counter` for wall; "
        "the models and the Monte Carlo blocks use both cores, so their CPU can exceed their wall time). The phases add "
        "up to the run after the interpreter's own start-up.",
        "",
        "| phase | CPU (s) | wall (s) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {secs:.3f} | {wsecs:.3f} |" for name, secs, wsecs in phases]
    lines.append(f"| total | {phase_total:.3f} | {sum(w for _, _, w in phases):.3f} |")
    if "ready" in kernel and "run" in kernel:
        lines += [
            "",
            "The SMP's kernel process in that run (seconds after the script started; `detente forecast` forks it in the "
            "console script's entry point, `detente.cli.launch.main`, before the CLI (typer, click, rich) loads, and the "
            "command keeps it when the SMP is among the models (see `detente.bargaining.models._smp_worker`); here the "
            "CLI and the forecast's library were imported before the command, to wrap its pieces in timers, so the fork "
            "comes later than in a plain run by those imports' time): "
            f"forked at {kernel['fork']:.3f} s; numba and the kernel loaded at {kernel['ready']:.3f} s "
            f"({kernel['load_cpu']:.3f} CPU s in that process, in parallel with the main one); the SMP's draws handed over at "
            f"{kernel.get('submit', kernel['run'][0]):.3f} s (as soon as they were sampled, before the other models ran); "
            f"the main process asked for the result at {kernel['run'][0]:.3f} s (after the other models) and had it at "
            f"{kernel['run'][1]:.3f} s; the command ended at {kernel['end']:.3f} s. "
            f"The kernel process used {kernel['cpu']:.3f} CPU s in all (not in the phases above, which are the main process's; "
            "it is in the whole-process CPU of the first table). So the `model smp` row is the main process waiting for "
            "whatever of the kernel's load and run had not finished while it ran the other models.",
        ]
    else:
        lines += ["", "No kernel process ran (numba missing, one CPU, or no fork): the SMP ran in this process."]
    lines += [
        "",
        "The SMP on the case's 2,000 draws, numba's one-off load apart from the compute (fresh processes; `plain`: as in "
        "this process; `lean`: without SciPy, as the kernel process loads numba):",
        "",
        "| part | CPU (s), plain | wall (s), plain | CPU (s), lean | wall (s), lean |",
        "|---|---:|---:|---:|---:|",
    ]
    lean = {name: (c, w) for name, c, w in smp_parts["lean"]}
    lines += [f"| {name} | {c:.3f} | {w:.3f} | {lean[name][0]:.3f} | {lean[name][1]:.3f} |" for name, c, w in smp_parts["plain"]]
    print("\nthe SMP on the case's draws (plain / lean): CPU s, wall s")
    for name, c, w in smp_parts["plain"]:
        print(f"  {name:<90}{c:>7.3f}{w:>7.3f}{lean[name][0]:>7.3f}{lean[name][1]:>7.3f}")
    forecast_cpu = next(cpu for label, _, cpu, _, _ in rows if label == "detente forecast")
    forecast_wall = next(wall for label, wall, _, _, _ in rows if label == "detente forecast")
    lines += [
        "",
        f"Target: `detente forecast` under 1 s as a whole process. Measured: {forecast_wall:.2f} s wall, "
        f"{forecast_cpu:.2f} CPU s (medians).",
    ]
    late = next(label for label, _ in COMMANDS if "no fork before the CLI loads" in label)
    pairs = list(zip(samples["detente forecast"], samples[late], strict=True))
    wall_ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    lines += [
        "",
        "Start-up levers of session 7, both on the critical path:",
        "",
        "- The console script's entry point (`detente.cli.launch`) forks the SMP's kernel process before typer, click "
        "and rich load (before: after them, in `detente.cli.main.main`), so numba's load starts about 0.1 s sooner. "
        f"In this run, `detente forecast` against the same command through `detente.cli.main.main`, pair by pair "
        f"(same round): median ratio {wall_ratio:.2f} in wall time, {cpu_ratio:.2f} in CPU.",
        "- Option values that need no conversion (left out, a default already of its type, text for a text option) "
        "skip typer's pydantic converters (`detente.cli._coercion`; a test checks it returns what typer returns on "
        "every option of every command): a default `detente forecast` no longer imports pydantic, 0.10-0.14 CPU s "
        "(importing `typer._adapters` alone, three fresh processes).",
        "- Both together, against the code before them (session-7 main, the same machine, alternating, whole "
        "processes, 11 pairs at load 6-9 on 2 cores): CPU median ratio 0.90, wall 0.91; output byte-identical "
        "(tables and `--json`).",
        "",
        f"At a load average of {load_after:.0f} on {os.cpu_count()} CPUs the wall times above are several times a quiet "
        "machine's and the second process gains little; for the target, re-run on an idle machine: "
        "`.venv/bin/python benchmarks/forecast_process.py --repeat 11`.",
    ]
    write_page(args.out, lines)


if __name__ == "__main__":
    main()
