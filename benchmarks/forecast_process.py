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
``--json``, and ``detente forecast --model compromise`` (everything but the expensive
models: start-up, case, sampling, plans and output).

A second part runs one fresh process that times the phases of the default forecast
with ``time.process_time``: imports, reading the case, sampling, each model on all
draws (and at the modes), plans, rendering. It is the breakdown behind the total.

    .venv/bin/python benchmarks/forecast_process.py
    .venv/bin/python benchmarks/forecast_process.py --repeat 3   # quicker

On a shared machine the medians move with the load; CPU seconds move less than wall
seconds. For a clean figure run it on an idle machine (nothing else on the cores).
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
    ("detente forecast --model compromise", [DETENTE, "forecast", "--model", "compromise"]),
]

#: Run in a fresh interpreter: the phases of the default `detente forecast`, CPU seconds each.
PHASES = r"""
import json, sys, time
t = time.process_time
marks = []
def mark(name, start):
    marks.append((name, t() - start))
s = t(); import numpy; mark("import numpy", s)
s = t()
import detente.cli.main, detente.cli.forecast, detente.bargaining.study, detente.cases, detente.bargaining.montecarlo
mark("import detente (CLI, study, models)", s)
from detente.bargaining.models.base import MODELS
from detente.bargaining.montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, default_models, draw_inputs, mode_inputs, model_params
from detente.cases import resolve_case
s = t(); scenario = resolve_case(None); mark("read and validate the case", s)
s = t(); inputs = draw_inputs(scenario, DEFAULT_DRAWS, DEFAULT_SEED); modes = mode_inputs(scenario); mark("sample the inputs", s)
for name in default_models():
    fn, kw = MODELS[name], model_params(MODELS[name])
    s = t(); fn(inputs, **kw); fn(modes, **kw); mark(f"model {name} (all draws + modes)", s)
from detente.bargaining.study import run_study
s = t(); study = run_study(scenario); total = t() - s
models_sum = sum(v for k, v in marks if k.startswith("model "))
marks.append(("run_study: forecast + plans (models included)", total))
import io, contextlib
from detente.cli import forecast as cmd
s = t()
with contextlib.redirect_stdout(io.StringIO()):
    cmd._forecast_table(study.forecast, study.scenario); cmd._reading_table(study); cmd._plans_table(study.plans, study.scenario)
mark("render the tables", s)
print(json.dumps(marks))
"""


def run_once(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
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
    samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _ in COMMANDS}
    load_before = os.getloadavg()[0]
    for _ in range(args.repeat):  # interleaved: every command sees the same spread of load
        for label, cmd in COMMANDS:
            samples[label].append(run_once(cmd))
    load_after = os.getloadavg()[0]

    phases = json.loads(subprocess.run([PY, "-c", PHASES], capture_output=True, text=True, check=True, cwd=ROOT).stdout)

    base_cpu = statistics.median(c for _, c, _ in samples[COMMANDS[0][0]])
    rows = []
    print(f"{'command':<40}{'wall s':>9}{'CPU s':>9}{'vs numpy':>10}{'MiB':>7}")
    for label, _ in COMMANDS:
        wall = statistics.median(w for w, _, _ in samples[label])
        cpu = statistics.median(c for _, c, _ in samples[label])
        rss = max(m for _, _, m in samples[label])
        rows.append((label, wall, cpu, cpu / base_cpu, rss))
        print(f"{label:<40}{wall:>9.3f}{cpu:>9.3f}{cpu / base_cpu:>9.1f}x{rss:>7.0f}")
    print("\nphases of the default forecast (CPU s, one fresh process):")
    for name, secs in phases:
        print(f"  {name:<48}{secs:>7.3f}")

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
        "Where the CPU time of the default forecast goes (one fresh process, `time.process_time` per phase; "
        "`run_study` repeats the models' work inside, so it is not added to them):",
        "",
        "| phase | CPU (s) |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {secs:.3f} |" for name, secs in phases]
    forecast_cpu = next(cpu for label, _, cpu, _, _ in rows if label == "detente forecast")
    lines += ["", f"Target: `detente forecast` under 1 s as a whole process. Measured: {forecast_cpu:.2f} CPU s (median)."]
    write_page(args.out, lines)


if __name__ == "__main__":
    main()
