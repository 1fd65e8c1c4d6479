"""Forecasts of every DEU issue: the three baselines and any registered model.

The models run on every issue at once: issues with the same number of actors are
batched as draws, ``(issues, actors, 1)``, through the one model signature
(:class:`~detente.bargaining.models.base.ModelInput`).

Choices
-------
* the baseline to beat is the capability x salience weighted mean (:data:`TARGET`);
* a missing reference point becomes the unweighted median of the positions (only the
  Nash model uses it, as its disagreement point).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.backtest.deu import SCALE, DeuIssue
from detente.bargaining.models.base import ModelInput, get_model
from detente.errors import ModelError

BASELINES = ("mean", "weighted_mean", "median_position")
DEFAULT_MODELS = (
    "compromise", "median", "nash", "expected_utility", "eu_compromise", "smp",
    "salience_compromise", "reference_compromise", "model_mean",
)
#: The baseline every model is compared with.
TARGET = "weighted_mean"


def baseline_forecasts(issue: DeuIssue) -> dict[str, float]:
    """The three reference forecasts for one issue.

    ``mean``: unweighted mean of positions; ``weighted_mean``: capability x salience
    weighted mean (the plain mean where every weight is zero); ``median_position``: the
    unweighted median of positions.
    """
    x, w = issue.positions, issue.capability * issue.salience
    mean = float(x.mean())
    return {
        "mean": mean,
        "weighted_mean": float((w * x).sum() / w.sum()) if w.sum() > 0 else mean,
        "median_position": float(np.median(x)),
    }


def _inputs(group: Sequence[DeuIssue]) -> ModelInput:
    """Issues with the same number of actors, batched as draws (D issues, N actors, 1)."""
    pos = np.stack([i.positions for i in group])[:, :, None]
    sal = np.stack([i.salience for i in group])[:, :, None]
    cap = np.stack([i.capability for i in group])
    sq = np.array(
        [[i.reference_point if np.isfinite(i.reference_point) else float(np.median(i.positions))] for i in group]
    )
    return ModelInput(positions=pos, salience=sal, capability=cap, status_quo=sq, scale=SCALE)


def model_forecasts(
    issues: Sequence[DeuIssue], name: str, params: Mapping[str, Any] | None = None
) -> NDArray[np.float64]:
    """One model's forecast for every issue, in order; issues with the same actor count run as one batch."""
    fn = get_model(name)
    out = np.full(len(issues), np.nan)
    by_size: dict[int, list[int]] = {}
    for k, issue in enumerate(issues):
        by_size.setdefault(len(issue.actors), []).append(k)
    for idx in by_size.values():
        try:
            result = fn(_inputs([issues[k] for k in idx]), **dict(params or {}))
        except TypeError as exc:
            raise ModelError(
                f"model '{name}' does not take these parameters: {dict(params or {})} ({exc})",
                hint="see the model's docstring for its parameters",
            ) from None
        out[idx] = result.outcome[:, 0]
    return out
