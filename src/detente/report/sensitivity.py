"""Sensitivity plots: a tornado of one-at-a-time effects, or bars of Morris / Sobol indices.

One panel per issue (at most `MAX_ISSUES`), each showing the `top` inputs of that
issue. matplotlib is optional (the `plot` extra) and imported inside the function;
the file is written through `detente.files` (checked first, written atomically).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from detente.files import atomic_path
from detente.optional import pyplot

if TYPE_CHECKING:
    from detente.bargaining.sensitivity import SensitivityResult

SUFFIXES = (".png", ".svg", ".pdf")
MAX_ISSUES = 8


def plot_sensitivity(result: "SensitivityResult", path: str | Path, *, top: int = 8) -> Path:
    """Draw the result to `path` (.png, .svg or .pdf; check it first with `detente.files.check_output`)."""
    plt = pyplot()
    issues = result.issues[:MAX_ISSUES]
    cols = min(2, len(issues))
    rows = math.ceil(len(issues) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.5 * cols, 0.35 * top * rows + 1.2 * rows + 0.8), squeeze=False)
    for ax, issue in zip(axes.ravel(), issues):
        k = result.issues.index(issue)
        order = [result.inputs.index(name) for name, _ in result.ranking(issue, top)][::-1]
        labels = [_short(result.inputs[j]) for j in order]
        y = np.arange(len(order))
        if result.method == "oat":
            base = result.baseline[k]
            lo, hi = result.indices["at_low"][order, k], result.indices["at_high"][order, k]
            ax.barh(y, lo - base, left=base, color="#2166ac", label="input at its low")
            ax.barh(y, hi - base, left=base, color="#b2182b", label="input at its high")
            ax.axvline(base, color="#222222", lw=0.8)
            ax.set_xlabel(f"forecast of {issue} (0-100)")
        elif result.method == "morris":
            ax.barh(y, result.indices["mu_star"][order, k], xerr=result.indices["mu_star_conf"][order, k], color="#4d4d4d", label="mu*")
            ax.plot(result.indices["sigma"][order, k], y, "o", color="#e08214", label="sigma")
            ax.set_xlabel("mean |elementary effect| (scale points)")
        else:
            h = 0.4
            ax.barh(y + h / 2, result.indices["ST"][order, k], h, xerr=result.indices["ST_conf"][order, k], color="#b2182b", label="total (ST)")
            ax.barh(y - h / 2, result.indices["S1"][order, k], h, xerr=result.indices["S1_conf"][order, k], color="#2166ac", label="first order (S1)")
            ax.set_xlabel("share of the forecast's variance")
        ax.set_yticks(y, labels, fontsize=8)
        ax.set_title(issue, fontsize=10)
    for ax in axes.ravel()[len(issues) :]:
        ax.set_visible(False)
    axes.ravel()[0].legend(fontsize=7, loc="lower right")
    shown = f" (first {MAX_ISSUES} issues)" if len(result.issues) > MAX_ISSUES else ""
    fig.suptitle(f"{result.case}{f' / {result.variant}' if result.variant else ''}: sensitivity ({result.method}, {', '.join(result.models)}){shown}", fontsize=10)
    fig.tight_layout()
    target = Path(path)
    with atomic_path(target) as tmp:
        fig.savefig(tmp, format=target.suffix.lstrip(".").lower(), dpi=120)
    plt.close(fig)
    return target


def _short(name: str) -> str:
    """positions.RUS.territory.position -> RUS territory position; actors.USA.capability -> USA capability."""
    parts = name.split(".")
    return " ".join(parts[1:])
