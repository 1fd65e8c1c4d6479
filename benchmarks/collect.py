"""Collect the latest benchmark results (benchmarks/results/*.md) into BENCHMARKS.md.

Each benchmark script writes its own result page; this script only concatenates them,
in a fixed order, under one header, so that BENCHMARKS.md always shows the figures of
the latest run of every benchmark.

    python benchmarks/collect.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
ORDER = [
    "montecarlo",
    "forecast_process",
    "sensitivity",
    "eu_draws",
    "smp_vs_ktab",
    "backtest_deu",
    "gdelt_import",
    "coding_quad",
    "coding_dyad",
    "coding_plover",
    "coding_abstention",
    "coding_speed",
    "coding_coverage",
    "coding_context",
    "actor_mentions",
    "unknown_actors24",
    "coding_dev",
    "coding_pair_model",
    "coding_pair_transfer",
    "coding_pair_curve",
    "coding_pair_finetune",
    "coding_classifier",
    "report_build",
    "web_latency",
]

HEADER = """# Benchmarks

Latest figures of every script in `benchmarks/`. Each script runs its baseline in the
same process and reports ratios (machines are noisy; ratios travel, seconds do not).
Re-run a script, then `python benchmarks/collect.py` to refresh this page.
Machine for the figures below: 2 cores, shared with other work at the time of the run.
"""


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description="Concatenate benchmarks/results/*.md into BENCHMARKS.md (no options; "
                            "each benchmark writes its own page).").parse_args(argv)
    pages = sorted(RESULTS.glob("*.md"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.stem))
    parts = [HEADER]
    for page in pages:
        parts.append(page.read_text(encoding="utf-8").strip())
    out = ROOT / "BENCHMARKS.md"
    tmp = out.with_suffix(".md.tmp")
    tmp.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} from {len(pages)} result page(s)")


if __name__ == "__main__":
    main()
