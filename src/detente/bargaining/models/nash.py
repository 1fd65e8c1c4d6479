"""Asymmetric Nash bargaining solution, status quo as the disagreement point.

Nash, J. F. (1950). "The bargaining problem", *Econometrica* 18(2); the asymmetric
(weighted) form from Kalai, E. (1977), "Nonsymmetric Nash solutions and replications
of 2-person bargaining", *International Journal of Game Theory* 6(3). Used for EU
legislative bargaining by Achen (2006) and Schneider, Finke & Bailer (2010),
"Bargaining power in the European Union", *Political Studies* 58(1).

The outcome x* maximises the weighted Nash product

    prod_{i in G} (u_i(x) - u_i(d)) ** (c_i s_i)

over outcomes x where every member of G gains, d being the status quo.

Choices made here (MODELS.md section 3 leaves them open):

* Utility: linear loss, u_i(x) = -|x - x_i| / R, the same distance utility as the
  expected-utility model's u_k (an affine transform of 1 - 2|x_k - x| / R; the Nash
  solution does not change under positive affine transforms of each u_i).
* Who bargains (G): "only actors who gain over d". A move away from d needs a
  capability x salience weighted majority, and the outcome a weighted majority can
  impose is the weighted median m (the Condorcet winner). G is the actors with positive
  weight who prefer m to d (|x_i - m| < |x_i - d|): those who gain from the change a
  majority can make. If m is d itself, nobody can gain and the forecast is the status
  quo. (Taking every actor on m's side of d instead gives an actor just beside d a veto
  that pins the outcome to d: a tiny change of input would flip the forecast.)
* Feasible set: the outcomes between d and the nearest mirror point 2 x_i - d over G,
  where every member of G gains (individual rationality within G); m is inside it.
* Search: on that interval the log of the Nash product, f(x) = sum_{i in G} c_i s_i
  log(g_i(x)), is concave (a weighted sum of logs of concave, piecewise-linear gains),
  so its slope sum_i c_i s_i sign(x_i - x) / g_i(x) falls as x rises; bisection on the
  sign of the slope finds the maximiser (at a kink, the kink). Bisecting the slope
  rather than comparing values of f reaches machine precision (a flat maximum of f is
  resolved only to about the square root of it). All draws and issues are searched at
  once (arrays (D, N, K)); `iterations` = 52 halvings take a 0-100 interval to 2e-14.

Known weaknesses: the losing side influences the outcome only through the weighted
median (it has no voice in the product); with linear utilities the solution sits
at an actor's position or at a weighted-harmonic balance point between two, which is
less smooth than the quadratic-loss version.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.models.base import ModelInput, ModelOutput, register_model, weights
from detente.bargaining.models.median import weighted_median


class _Slope:
    """Derivative of sum_i w_i log((y_i - e) - |x - y_i|) at x (M,), over players (w_i > 0),
    with its arrays allocated once for all bisection steps.

    Arrays are (N, M): actors first, then every (draw, issue) search flattened into one
    long contiguous axis, so each step's operations run over M numbers at a time and the
    sum over actors adds whole rows (with the issues innermost, NumPy's inner loops would
    run over only K numbers). Non-players get weight 0 and a reach of 1e300, so their term
    is 0 / (1e300 - |x - y|) = 0 without `np.where`. For many draws, fresh temporaries at
    every step cost more than the arithmetic; the buffers spare them.
    """

    def __init__(self, y: NDArray[np.float64], e: NDArray[np.float64], w: NDArray[np.float64]) -> None:
        self.y = y
        self.w = w
        self.reach = np.where(w > 0, y - e[None, :], 1e300)  # y_i - e: the gain at x = y_i
        self.a = np.empty_like(y)
        self.b = np.empty_like(y)

    def __call__(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        a, b = self.a, self.b
        np.subtract(self.y, x[None, :], out=a)  # y_i - x
        np.sign(a, out=b)
        b *= self.w  # w_i sign(y_i - x) (0 for non-players, and at a kink x = y_i)
        np.abs(a, out=a)
        np.subtract(self.reach, a, out=a)  # the gain
        np.divide(b, a, out=b)
        return b.sum(axis=0)


@register_model("nash")
def nash(inputs: ModelInput, *, iterations: int = 52) -> ModelOutput:
    """Asymmetric Nash bargaining solution per draw and issue.

    Parameters
    ----------
    inputs
        Positions and saliences (D, N, K), capability (D, N), status quo (D, K).
    iterations
        Bisection steps (each halves the search interval).

    Returns
    -------
    ModelOutput
        `outcome` (D, K); `extra["gainers"]` (D, K): how many actors were in the
        Nash product (0 where the status quo stands).
    """
    x = inputs.positions
    d = inputs.status_quo
    w = weights(inputs)
    median = weighted_median(np.moveaxis(x, 1, -1), np.moveaxis(w, 1, -1))  # (D, K)
    direction = np.sign(median - d)  # +1 move up, -1 move down, 0 status quo
    # Mirror the downward cases so that every search moves up from e = direction * d.
    flip = np.where(direction == 0, 1.0, direction)
    y = flip[:, None, :] * x
    e = flip * d
    prefers_median = np.abs(x - median[:, None, :]) < np.abs(x - d[:, None, :])
    players = prefers_median & (w > 0) & (direction != 0)[:, None, :]
    w_players = np.where(players, w, 0.0)
    n_players = players.sum(axis=1)
    # Upper end: no player may lose (x <= 2 y_i - e), and nothing beyond the farthest player helps.
    mirror = np.where(players, 2.0 * y - e[:, None, :], np.inf).min(axis=1)
    farthest = np.where(players, y, -np.inf).max(axis=1)
    # every (draw, issue) search as one entry of a flat axis: (D, K) -> (D K,), (D, N, K) -> (N, D K)
    d_, n_, k_ = y.shape
    lo = e.reshape(-1).copy()
    hi = np.where(n_players > 0, np.minimum(mirror, farthest), e).reshape(-1)
    slope = _Slope(
        np.ascontiguousarray(y.transpose(1, 0, 2)).reshape(n_, -1), lo.copy(), np.ascontiguousarray(w_players.transpose(1, 0, 2)).reshape(n_, -1)
    )
    mid = np.empty_like(lo)
    for _ in range(iterations):  # bisection on the sign of the (decreasing) slope
        np.add(lo, hi, out=mid)
        mid *= 0.5
        with np.errstate(all="ignore"):  # gains of 0 at the ends of the interval
            rising = slope(mid) > 0
        np.copyto(lo, mid, where=rising)
        np.copyto(hi, mid, where=~rising)
    solution = (0.5 * (lo + hi)).reshape(d_, k_)
    outcome = np.where(n_players > 0, flip * solution, d)
    return ModelOutput(outcome=outcome, extra={"gainers": n_players})
