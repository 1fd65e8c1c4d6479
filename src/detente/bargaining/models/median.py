"""Weighted median (median voter) model.

Black, D. (1948). "On the rationale of group decision-making", *Journal of Political
Economy* 56(1); applied to EU legislative bargaining in Thomson, Stokman, Achen &
Koenig (eds., 2006), *The European Union Decides*, Cambridge UP.

On one issue with single-peaked preferences (utility falling with distance from an
actor's position), the position that beats every other in pairwise majority votes,
each actor voting with weight capability x salience, is the weighted median of the
positions: the point x* at which no more than half of the total weight lies strictly
on either side. That point is the Condorcet winner.

Choice on exact ties: when the cumulative weight reaches exactly one half at some
position, every point between that position and the next position holding weight
ties in pairwise votes; the forecast is the midpoint of that interval (the answer
is then symmetric under reflecting the scale, and depends on the positions and
weights only, never on the order of the actors).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.models.base import ModelInput, ModelOutput, register_model, weights

#: Relative tolerance on the cumulative weight when deciding an exact half-half tie.
TIE_RTOL = 1e-9


def weighted_median(values: NDArray[np.float64], w: NDArray[np.float64]) -> NDArray[np.float64]:
    """Weighted median along the last axis (the Condorcet winner under weighted votes).

    Parameters
    ----------
    values, w
        Arrays of the same shape (..., N): positions and non-negative vote weights.

    Returns
    -------
    ndarray of shape (...)
        The midpoint of the interval of weighted medians. Where all weights along a
        row are zero, the plain median of that row's values.
    """
    values = np.asarray(values, dtype=float)
    w = np.asarray(w, dtype=float)
    if values.shape != w.shape:
        raise ValueError(f"values {values.shape} and weights {w.shape} differ in shape")
    total = w.sum(axis=-1, keepdims=True)
    w = np.where(total > 0, w, 1.0)  # all-zero rows: an unweighted median
    total = w.sum(axis=-1, keepdims=True)
    order = np.argsort(values, axis=-1, kind="stable")
    xs = np.take_along_axis(values, order, axis=-1)
    cum = np.cumsum(np.take_along_axis(w, order, axis=-1), axis=-1)
    half = 0.5 * total
    tol = TIE_RTOL * total
    n = values.shape[-1]
    # Lower end: first position where the cumulative weight reaches one half;
    # upper end: first position where it passes one half (they coincide unless tied).
    lo = np.minimum((cum < half - tol).sum(axis=-1, keepdims=True), n - 1)
    hi = np.minimum((cum <= half + tol).sum(axis=-1, keepdims=True), n - 1)
    lower = np.take_along_axis(xs, lo, axis=-1)[..., 0]
    upper = np.take_along_axis(xs, hi, axis=-1)[..., 0]
    return 0.5 * (lower + upper)


@register_model("median")
def median(inputs: ModelInput) -> ModelOutput:
    """Weighted median of positions per draw and issue, votes weighted by capability x salience.

    Parameters
    ----------
    inputs
        Positions and saliences (D, N, K), capability (D, N).

    Returns
    -------
    ModelOutput
        `outcome` (D, K). Where every actor has zero weight on an issue, the plain
        median of the positions.
    """
    w = weights(inputs)  # (D, N, K)
    outcome = weighted_median(np.moveaxis(inputs.positions, 1, -1), np.moveaxis(w, 1, -1))
    return ModelOutput(outcome=outcome)
