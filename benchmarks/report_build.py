"""Benchmark: what one study and the HTML report cost, each beside the work it wraps.

On the built-in case ``us-russia-2025`` (every model, default 2000 draws), timed in the
same process, median of ``--repeat`` runs:

1. **study vs its parts**: ``run_study`` (forecast, pooled reading, plan tests,
   provenance) against calling ``run_forecast`` and ``evaluate_plans`` directly, as the
   CLI did before the study existed. The ratio is the cost of the library layer.
2. **report vs its studies**: ``write_report`` (the base study, one study per variant,
   relations and triangle from the built-in timeline, Plotly charts, Jinja2, plotly.js
   inlined, atomic write) against the same studies alone (the variants reuse the base
   forecast in both). The ratio is what the page
   itself costs on top of the analysis.

Ratios, not seconds, are the result: the machine is shared and its load varies. On an
idle machine run::

    .venv/bin/python benchmarks/report_build.py                  # 2000 draws, 3 repeats
    .venv/bin/python benchmarks/report_build.py --draws 500 --repeat 1   # quicker
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_page  # noqa: E402

from detente.bargaining.montecarlo import run_forecast  # noqa: E402
from detente.bargaining.plans import evaluate_plans  # noqa: E402
from detente.bargaining.study import run_study  # noqa: E402
from detente.cases import load_case  # noqa: E402
from detente.cases.timeline import timeline_frame  # noqa: E402
from detente.report.html import Relations, write_report  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "report_build.md"


def timed(fn: Callable[[], Any], repeat: int) -> float:
    """Median wall time of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    case = load_case()
    events = timeline_frame("us-russia-2025")
    variants = list(case.variants)
    out = Path(tempfile.mkdtemp()) / "report.html"

    def parts() -> None:
        fc = run_forecast(case, draws=args.draws, seed=args.seed)
        evaluate_plans(case, fc)

    def study() -> None:
        run_study(case, draws=args.draws, seed=args.seed)

    def studies() -> None:
        base = run_study(case, draws=args.draws, seed=args.seed)
        for name in variants:
            run_study(case, draws=args.draws, seed=args.seed, variant=name, plans=False, reuse=base.forecast)

    def report() -> None:
        write_report(out, case, draws=args.draws, seed=args.seed, relations=Relations(events, "built-in timeline"))

    report()  # warm-up: imports plotly and jinja2 once, as a long-running process would have
    t_parts, t_study = timed(parts, args.repeat), timed(study, args.repeat)
    t_studies, t_report = timed(studies, args.repeat), timed(report, args.repeat)
    size = out.stat().st_size
    cpus = os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Study and report build (`benchmarks/report_build.py`)",
        "",
        f"Built-in case us-russia-2025, every model, {args.draws} draws, {len(variants)} variants; median of {args.repeat} runs. "
        f"{platform.python_version()}, {cpus} CPUs, load average {load:.1f} at the start; "
        f"{datetime.now(UTC).strftime('%Y-%m-%d')}.",
        "",
        "| what | seconds | baseline (same process) | seconds | ratio |",
        "|---|---:|---|---:|---:|",
        f"| `run_study` (forecast, plans, provenance) | {t_study:.2f} | `run_forecast` + `evaluate_plans` | {t_parts:.2f} | {t_study / t_parts:.2f} |",
        f"| `write_report` (HTML, {size / 1e6:.1f} MB, plotly.js inlined) | {t_report:.2f} | the same {1 + len(variants)} studies alone | {t_studies:.2f} | {t_report / t_studies:.2f} |",
        "",
        "A ratio near 1 means the layer adds little to the analysis it wraps. Re-run on an idle machine: "
        "`.venv/bin/python benchmarks/report_build.py`.",
    ]
    print("\n".join(lines))
    write_page(RESULTS, lines)


if __name__ == "__main__":
    main()
