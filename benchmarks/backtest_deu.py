"""Accuracy benchmark: every bargaining model on the DEU III dev half, beside the baselines.

Mean absolute error (0-100 scale) of each model's forecast against the adopted outcome,
next to the unweighted mean, the capability x salience weighted mean (the baseline to
beat: 25.88 on this half) and the median position. Writes
benchmarks/results/backtest_deu.md.

    python benchmarks/backtest_deu.py [PATH]   # default ../shared/data/deu3_dev.tsv
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs

from detente.bargaining.backtest import backtest_deu

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "deu3_dev.tsv"


def main(path: Path) -> None:
    started = time.perf_counter()
    result = backtest_deu(path)
    seconds = time.perf_counter() - started
    summary = result.summary.sort_values("mae")
    baseline = float(summary.loc[summary["method"] == "weighted_mean", "mae"].iloc[0])
    lines = [
        "# DEU III backtest: mean absolute error per model (dev half)",
        "",
        f"File `{path.name}` (sha256 {result.sha256[:16]}), {result.n_with_outcome} of {result.n_issues} "
        f"issues with a known outcome; all models and baselines in {seconds:.1f} s. "
        "Tuned on this dev half only: the other half of DEU III is held out.",
        "",
        "| method | kind | MAE | vs weighted mean |",
        "|---|---|---:|---:|",
    ]
    for row in summary.itertuples():
        lines.append(f"| {row.method} | {row.kind} | {row.mae:.2f} | {row.mae - baseline:+.2f} |")
    lines += [
        "",
        "Reference MAEs on this half (data/README): unweighted mean 27.06, weighted mean 25.88, "
        "median position 31.92. `eu_compromise` averages the expected-utility and weighted-mean "
        "forecasts; its edge was found on this file, so treat it as promising, not proven.",
    ]
    print("\n".join(lines))
    write_page(ROOT / "benchmarks" / "results" / "backtest_deu.md", lines)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
