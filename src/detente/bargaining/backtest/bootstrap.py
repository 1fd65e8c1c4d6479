"""Cluster-bootstrap intervals for the backtest's mean absolute errors.

The issues of one proposal are negotiated together and their errors are correlated, so
intervals come from a cluster bootstrap that resamples whole proposals (each issue its
own cluster when the file names no proposal): the MAE's percentile interval, and the
paired difference from the capability x salience weighted mean on the same resampled
issues with its interval, beside the share of issues where the model is strictly closer
to the outcome (and the share of ties).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.backtest.deu import DeuIssue
from detente.bargaining.backtest.forecasts import TARGET
from detente.errors import InputError

DEFAULT_BOOTSTRAP = 2000
DEFAULT_SEED = 2025


def check_bootstrap(bootstrap: int, confidence: float) -> None:
    """Validate the bootstrap settings (before any work)."""
    if isinstance(bootstrap, bool) or not isinstance(bootstrap, int) or not (bootstrap == 0 or bootstrap >= 100):
        raise InputError(
            f"--bootstrap must be 0 (no intervals) or at least 100; got {bootstrap}", field="--bootstrap",
            hint="use e.g. --bootstrap 2000",
        )
    if not 0.5 <= confidence < 1.0:
        raise InputError(f"confidence must lie in [0.5, 1); got {confidence}", field="confidence", hint="use 0.95")


def proposal_groups(issues: Sequence[DeuIssue]) -> NDArray[np.int64]:
    """A cluster id per issue: its proposal, or the issue itself where no proposal is named."""
    keys = [i.proposal or f"\0{i.line}" for i in issues]
    index: dict[str, int] = {}
    return np.array([index.setdefault(k, len(index)) for k in keys], dtype=np.int64)


def summarise(
    errors: Mapping[str, NDArray[np.float64]],
    groups: NDArray[np.int64],
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    confidence: float = 0.95,
    target: str = TARGET,
) -> dict[str, dict[str, float]]:
    """MAE, its cluster-bootstrap interval, and the paired comparison with `target`.

    Parameters
    ----------
    errors
        Absolute errors per method, all over the same issues (n,); must include `target`.
    groups
        Cluster id per issue (n,), 0..G-1: whole clusters are resampled.
    bootstrap
        Resamples; 0 gives NaN intervals.

    Returns
    -------
    dict
        Per method: mae, mae_low, mae_high, diff (MAE minus the target's), diff_low,
        diff_high, closer (share of issues strictly closer than the target), tied.

    Each resample draws G clusters with replacement (a multinomial count per cluster)
    and takes the MAE over the issues they hold; the same counts serve every method, so
    the differences are paired. Intervals are percentile intervals.
    """
    base = errors[target]
    n = base.size
    g = int(groups.max()) + 1 if n else 0
    lo_q, hi_q = 50 * (1 - confidence), 50 * (1 + confidence)
    counts = None
    if bootstrap and n:
        rng = np.random.default_rng(seed)
        counts = rng.multinomial(g, np.full(g, 1.0 / g), size=bootstrap).astype(float)  # (B, G)
        sizes = counts @ np.bincount(groups, minlength=g)  # issues per resample
    out: dict[str, dict[str, float]] = {}
    for label, err in errors.items():
        diff = err - base
        row = {
            "mae": float(err.mean()) if n else float("nan"),
            "diff": float(diff.mean()) if n else float("nan"),
            "closer": float((err < base - 1e-9).mean()) if n else float("nan"),
            "tied": float((np.abs(err - base) <= 1e-9).mean()) if n else float("nan"),
            "mae_low": float("nan"), "mae_high": float("nan"), "diff_low": float("nan"), "diff_high": float("nan"),
        }
        if counts is not None:
            boot_mae = counts @ np.bincount(groups, weights=err, minlength=g) / sizes
            boot_diff = counts @ np.bincount(groups, weights=diff, minlength=g) / sizes
            row["mae_low"], row["mae_high"] = (float(v) for v in np.percentile(boot_mae, [lo_q, hi_q]))
            row["diff_low"], row["diff_high"] = (float(v) for v in np.percentile(boot_diff, [lo_q, hi_q]))
        out[label] = row
    return out
