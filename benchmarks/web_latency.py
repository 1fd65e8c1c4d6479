"""Benchmark: how long the workspace's forecast takes to answer, beside the library call it wraps.

On the built-in case ``us-russia-2025`` with 1,000 draws per model (what the forecast
page runs when a slider moves), each round times, in the same process and interleaved
so that machine load hits all alike:

1. **library**: the what-if forecast as a Python user runs it:
   ``run_study(apply_settings(case, [setting]), draws=1000)`` (the baseline);
2. **`GET /api/forecast?set=...`**: the JSON endpoint through the whole HTTP stack
   (FastAPI's TestClient: routing, validation, the workspace, JSON encoding; no socket);
3. **`GET /forecast/panel?set=...`**: what the page swaps in after a slider moves: the
   same forecast plus the seven Plotly figures and the HTML tables.

Every request asks for a value not asked before, so no cache answers it (the unchanged
case's forecast, which every what-if is compared with, is cached once, as in the app).
A fourth row times a **repeated** request, which the workspace's cache answers. With
``--report`` it also times ``write_report`` (the `detente report` file) once per round.

The result is median and 95th percentile per row and their ratio to the library call.

    .venv/bin/python benchmarks/web_latency.py                     # 50 requests, every model
    .venv/bin/python benchmarks/web_latency.py --requests 10 --model compromise --model median   # quick look

On a shared machine the absolute seconds move with the load; the ratios are the result.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_page  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "web_latency.md"
ISSUES = ("territory", "nato", "guarantees", "ceasefire", "sanctions", "minerals", "gas_transit")


def settings_for(k: int, actor: str) -> str:
    """A what-if setting never asked before: actor `actor`, issue and value cycling with `k`."""
    return f"{actor}.{ISSUES[k % len(ISSUES)]}.position={(7 * k) % 101}"


def summary(times: list[float]) -> tuple[float, float]:
    return float(np.median(times)), float(np.percentile(times, 95))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="Requests per row (default 50).")
    parser.add_argument("--draws", type=int, default=1000, help="Monte Carlo draws per model (default 1000, as the page).")
    parser.add_argument("--model", action="append", help="Model to run (repeatable; default every model).")
    parser.add_argument("--report", action="store_true", help="Also time write_report (detente report) once per 10 requests.")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from detente.bargaining.montecarlo import available_models
    from detente.bargaining.study import apply_settings, run_study
    from detente.web import create_app

    models = args.model or available_models()
    app = create_app()
    client = TestClient(app)
    ws = app.state.workspace
    case = ws.scenario
    query = [("draws", args.draws), *(("model", m) for m in models)]

    started = time.perf_counter()
    ws.base_study(draws=args.draws, seed=2025, models=tuple(models) if args.model else None)  # the cached base, as in the app
    warm = time.perf_counter() - started

    rows: dict[str, list[float]] = {"library run_study (baseline)": [], "GET /api/forecast": [], "GET /forecast/panel (HTML + 7 charts)": [], "GET /api/forecast, repeated (cache)": []}
    report_times: list[float] = []
    repeat = [*query, ("set", settings_for(0, "EUR"))]
    assert client.get("/api/forecast", params=repeat).status_code == 200
    for k in range(args.requests):
        t = time.perf_counter()
        run_study(apply_settings(case, [settings_for(k, "UKR")]), models=models, draws=args.draws, seed=2025)
        rows["library run_study (baseline)"].append(time.perf_counter() - t)

        t = time.perf_counter()
        r = client.get("/api/forecast", params=[*query, ("set", settings_for(k, "RUS"))])
        rows["GET /api/forecast"].append(time.perf_counter() - t)
        assert r.status_code == 200, r.text

        t = time.perf_counter()
        r = client.get("/forecast/panel", params=[*query, ("set", settings_for(k, "USA"))])
        rows["GET /forecast/panel (HTML + 7 charts)"].append(time.perf_counter() - t)
        assert r.status_code == 200, r.text

        t = time.perf_counter()
        client.get("/api/forecast", params=repeat)
        rows["GET /api/forecast, repeated (cache)"].append(time.perf_counter() - t)

        if args.report and k % 10 == 0:
            from detente.report.html import write_report

            with tempfile.TemporaryDirectory() as tmp:
                t = time.perf_counter()
                write_report(Path(tmp) / "report.html", case, models=models, draws=args.draws, seed=2025)
                report_times.append(time.perf_counter() - t)
        print(f"\r{k + 1}/{args.requests} requests", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    base_median, _ = summary(rows["library run_study (baseline)"])
    lines = [
        "## Workspace latency (`benchmarks/web_latency.py`)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'} ({os.cpu_count()} cores, shared), "
        f"Python {platform.python_version()}. Built-in case us-russia-2025, {args.draws} draws per model, "
        f"models: {', '.join(models)}; {args.requests} requests per row, interleaved; each a what-if value not asked before "
        f"(the unchanged case's forecast, cached once, took {warm:.2f} s).",
        "",
        "| what | median (s) | p95 (s) | median / library |",
        "|---|---:|---:|---:|",
    ]
    for name, times in rows.items():
        med, p95 = summary(times)
        lines.append(f"| {name} | {med:.3f} | {p95:.3f} | {med / base_median:.2f}x |")
    if report_times:
        med, p95 = summary(report_times)
        lines.append(f"| write_report (detente report, {len(report_times)} runs) | {med:.3f} | {p95:.3f} | {med / base_median:.2f}x |")
    lines += [
        "",
        "The web layer's own cost is the difference between a row and the library row; the forecast itself is the library's "
        "(one run of the models per what-if). `--model` narrows the models for a livelier page; on an idle machine re-run "
        "`.venv/bin/python benchmarks/web_latency.py` (add `--report` for the report's build time).",
    ]
    for line in lines:
        print(line)
    write_page(RESULTS, lines)


if __name__ == "__main__":
    main()
