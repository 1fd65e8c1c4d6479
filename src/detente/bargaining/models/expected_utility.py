"""Bueno de Mesquita's expected-utility model, as specified by Scholz, Calbert & Smith (2011).

Bueno de Mesquita, B. (1994). "Political forecasting: an expected utility method", in
Bueno de Mesquita & Stokman (eds.), *European Community Decision Making*, Yale UP.
Scholz, J. B., Calbert, G. J. & Smith, G. A. (2011). "Unravelling Bueno De Mesquita's
group decision model", *Journal of Theoretical Politics* 23(4). Equation
numbers below are Scholz et al.'s.

One issue at a time; every draw and issue of a `ModelInput` is one row of a batch,
and blocks of rows (sized to stay in cache) move through the rounds together; no
Python loop runs per draw, and rows that have converged drop out of the batch.
Internally the pair arrays are (N, N, rows), rows last and contiguous, held in
scratch buffers reused from round to round; masks enter the arithmetic as 0/1
factors and "no offer" as a huge addend instead of `np.where`; confrontations, which
decide almost every actor's move, are resolved for all rows at once, and only rows
where an actor faces other offers alone are classified in full. These change the
speed (2.5-3x the first version on 10 actors), not the numbers: results agree with the
first, plainer formulation to rounding (tests pin its outputs to 1e-9, same rounds).
The vote shares of eq. 31 cost O(N^3) per round summed directly; from `_SORTED_FROM`
actors on they come from sorted prefix sums in O(N^2 log N) (`_vote_spread_sorted`).
The optional compiled kernel (`engine="numba"`, module `_eu_kernel`, the `fast` extra)
runs the whole round, every pass fused, one row at a time through all its rounds, in
O(N^2) per round; blocks of rows run on threads. This NumPy path is the reference: tests
pin the sorted spread and the kernel to it (same forecasts, trajectories and risk
exponents to 1e-9, same rounds and convergence flags).

Per round, with R = x_max - x_min of the issue scale (`ModelInput.scale`) and
w_k = c_k s_k:

* mu, the median voter position: the actor position with the largest weighted vote
  against all others, sum_k w_k u_k(x_j), u_k(x) = 1 - 2|x_k - x|/R; it is the
  weighted median of the positions (`weighted_median`; exact ties: the midpoint).
* P_ij (eq. 31), the probability that i beats j:
  sum_{k: a_k > 0} w_k a_k / sum_k w_k |a_k|, a_k = |x_k - x_j| - |x_k - x_i|;
  P_ij + P_ji = 1; 1/2 when x_i = x_j.
* Utilities with risk exponent r (eqs. 15, 16, 22-24), d_ij = |x_i - x_j|:
  U_s = 2 - 4(1/2 - d_ij/2R)^r, U_f = 2 - 4(1/2 + d_ij/2R)^r,
  U_b, U_w = 2 - 4(1/2 -/+ (|x_i - mu| + d_ij)/4R)^r, U_sq = 2 - 4(1/2)^r.
* Expected utility of i challenging j (eqs. 5-7):
  E_i(U_ij) = s_j[P_ij U_s + (1 - P_ij) U_f] + (1 - s_j) U_s
              - Q U_sq - (1 - Q)[T_i U_b + (1 - T_i) U_w].
* Risk (eqs. 33-34), two passes: first all r = 1 and Sec_i = sum_{j != i} E_j(U_ji);
  R_i = (2 Sec_i - max Sec - min Sec)/(max Sec - min Sec) (0 when all Sec are
  equal); r_i = (1 - R_i/3)/(1 + R_i/3) in [1/2, 2]; then every expected utility is
  recomputed with these r_i. Both passes are rerun every round.
* Offers. An offer from j to i is judged from i's perspective (both E^i(U_ij) and
  E^i(U_ji) use i's exponent r_i, as in Scholz's replication):
  - confrontation, both positive: resolved as set by `confrontation` (below);
  - compromise, E^i(U_ji) > 0 > E^i(U_ij) and E^i(U_ji) > |E^i(U_ij)|: i moves toward
    x_j by the fraction |E^i(U_ij)| / E^i(U_ji);
  - capitulation, E^i(U_ji) > 0 > E^i(U_ij) and E^i(U_ji) <= |E^i(U_ij)|: i moves to x_j;
  - both negative: no offer (status quo). (E^i(U_ij) > 0 > E^i(U_ji) is i's offer to
    j, judged from j's side.)
* Each actor accepts the best credible offer it receives (`choice="credible"`, the
  default): offers rank by credibility class, a confrontation (both sides expect to
  gain, so the contest will be fought) before a compromise before a capitulation;
  within the best class, the offer that moves it least (its utility falls with
  distance); among equal moves, the offer whose proposer expects most (largest
  E^i(U_ji)), then the lower position. `choice="nearest"` takes the least move
  whatever the class. All actors move at once; positions closer than 1e-9 R count as
  one (so that rounding never creates offers).
* The forecast is the weighted median of the positions after the last round
  (weights: capability x the original salience).

Choices (MODELS.md leaves these open):

* `q`, the probability the status quo holds when nobody challenges. Default 1.0, as
  Scholz et al. chose: T is then irrelevant (T is defined only loosely in the
  sources), and q = 1.0 reproduces the emissions case better than 0.5 (below).
* `T_i` (only used when q < 1): 1 if the median voter position moved toward x_i in the
  previous round, 0 if it moved away or stayed; 1/2 in the first round, for lack of a
  previous round.
* How a confrontation resolves (`confrontation`):
  - "expected" (default): i moves to the expected outcome of the contest as i sees it,
    x_i + P_ji (x_j - x_i) (both sides reach the same point). With eq. 31's P, which
    sits near 1/2, almost every pair is a confrontation, so this rule decides the
    model. Moving the loser all the way sends actors to the extremes; keeping both still
    makes confrontations inert. The expected outcome is the lottery's mean: the least
    change that takes the contest seriously, and what a risk-neutral i would accept
    instead of fighting.
  - "loser": the side that expects less (E^i(U_ij) < E^i(U_ji)) moves to the other's
    position (as one open replication of Scholz's code does).
  - "none": both stay where they are (as another open replication does).
* Convergence: a draw-issue stops once the weighted median has moved less than
  `tol` x R for `patience` successive rounds, or no position moved by more than
  `tol` x R in a round; otherwise after `max_rounds`. `ModelOutput.converged` says
  which stopped on the rule, `rounds` how many rounds ran.

Replication (emissions example, positions in years, scale (4, 10) so R = 6; outcome
8.83, Bueno de Mesquita's published forecast 8.35 rising to 9.05): the defaults give
8.17 after 6 rounds (weighted median 7 -> 8.49 -> 7.40 -> 8.10 -> 8.10 -> 8.17 -> 8.17),
0.66 below the outcome. The gap to the published 9 comes from eq. 31: with it P_ij sits
near 1/2, where Bueno de Mesquita's (unpublished) P let the large states win more
often. Other settings: q = 0.5 gives 7.75; `confrontation="loser"` 7.0 (the initial
median never moves); "none" 10.0 (everyone capitulates to the three large states);
`choice="nearest"` 7.61. The case has many equal positions, so exact ties between
offers matter: actors at 7 receive offers that move them equally far up and down;
breaking those ties by "the lower position" alone, without credibility first, ends at
7.09.

DEU III dev half (173 issues with an outcome; `detente backtest deu`): MAE 25.96 with
the defaults, 25.68 with `choice="nearest"` or with q = 0.5, 29.8-32.0 with
`confrontation="loser"`, 29.8-30.6 with "none"; the capability x salience weighted
mean scores 25.88. `eu_compromise` (this model averaged with the weighted mean) scores
25.26. Those are all the variants tried; none was fitted beyond picking among them.

Known weaknesses (Scholz et al. 2011): the rounds often do not settle (actors keep
trading places); the result depends on q, on how confrontations resolve and on tie
rules; the risk exponent compares an actor's vulnerability with everyone else's, not
with its own alternatives; the model is chaotic in its inputs (a small change of one
salience can move an actor to another side of a capitulation threshold).
"""

from __future__ import annotations

import os
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.models.base import (
    ModelInput,
    ModelOutput,
    compiled_engine,
    register_model,
)
from detente.bargaining.models.median import TIE_RTOL
from detente.errors import ModelError

Confrontation = Literal["expected", "loser", "none"]
Choice = Literal["credible", "nearest"]
Engine = Literal["auto", "numpy", "numba"]

#: Positions closer than this fraction of R count as the same (no offers between them).
_SAME = 1e-9
#: Expected utilities (of order 1) closer than this count as equal, or as zero.
_EU_TOL = 1e-9
#: Target number of pair cells (rows x N x N) per block: small enough to stay in cache.
_BLOCK_CELLS = 100_000
#: Least rows per block: the innermost loops of NumPy run over the rows, and below about
#: 64 their start-up costs more than the arithmetic (with 80 actors, 15 rows a block
#: ran 1.4x slower than 62).
_MIN_BLOCK_ROWS = 64
#: Floor for the vote spread sum_k w_k |a_k| (eq. 31's denominator): 0 only on ties.
_FLOOR = 1e-300
#: Stands for "no offer" in the minima over offers: far above any move, yet finite, so
#: that adding 0 x it leaves a number unchanged (masks become arithmetic, not `where`).
_NONE = 1e300

#: From this many actors on, the vote spread of eq. 31 comes from sorted prefix sums
#: (O(N^2 log N) per row) instead of the direct pairwise sum (O(N^3)); below it the
#: direct sum does fewer passes over memory (NumPy's batched search costs about 100 ns a
#: query). Measured on the benchmark machine: the sorted path is 0.5x the direct one at
#: 32 actors, 1.5x at 80, 2.5x at 160. (The compiled kernel, `engine="numba"`, has its own.)
_SORTED_FROM = 64

# Internal layout: actors first, rows (draw-issues) last, so a pair array is (N, N, B)
# with [i, j, b] for the pair (i, j) of row b. Sums and minima over actors then run as
# elementwise operations on contiguous rows of B numbers, which NumPy vectorises well,
# instead of many short reductions of length N.


def _vote_spread(
    wd: NDArray[np.float64], total: NDArray[np.float64], scratch: NDArray[np.float64]
) -> NDArray[np.float64]:
    """sum_k w_k |a_k| for every pair (i, j) into `total` (N, N, B), from wd[l, k] = w_k |x_k - x_l|.

    With w_k >= 0, w_k |a_k| = |w_k |x_k - x_j| - w_k |x_k - x_i||; the sum is symmetric
    in i and j, so it is built for i < j, one i at a time (a loop over actors, not draws),
    on contiguous (j, k, row) slabs. `scratch` is any contiguous (N, N, B) array whose
    contents may be lost.
    """
    n, _, b = wd.shape
    flat = scratch.reshape(-1)
    for i in range(n):
        total[i, i] = 0.0
        if i == n - 1:
            break
        cells = flat[: (n - 1 - i) * n * b].reshape(n - 1 - i, n, b)
        np.subtract(wd[i + 1 :], wd[i], out=cells)
        np.abs(cells, out=cells)
        row = total[i, i + 1 :]
        np.add.reduce(cells, axis=1, out=row)
        total[i + 1 :, i] = row
    return total


def _vote_spread_sorted(
    x: NDArray[np.float64], w: NDArray[np.float64], dist: NDArray[np.float64], total: NDArray[np.float64]
) -> NDArray[np.float64]:
    """sum_k w_k |a_k| for every pair (i, j) into `total` (N, N, B) from sorted prefix sums.

    For a pair with lo = min(x_i, x_j), hi = max(x_i, x_j), d = hi - lo and midpoint m,
    |a_k| = ||x_k - x_j| - |x_k - x_i|| is d for x_k <= lo or x_k >= hi, and
    |lo + hi - 2 x_k| in between (lo + hi - 2 x_k below m, its negative above). With the
    positions of a row sorted and prefix sums CW (of w) and CWX (of w x) over them, each
    of the four pieces is a difference of two prefix sums, so a pair costs O(1) once the
    sorted slot c of m is known (a binary search: O(log N)). |a_k| is continuous in x_k
    at lo, m and hi, so which side an actor exactly at a boundary is counted on does not
    matter: lo's and hi's own sorted slots bound the outer pieces, and ties need no care.
    Where x_i = x_j the spread is set to exactly 0, as the direct sum gives.

    All rows are searched at once: the sorted rows are laid end to end as keys
    row + (x - x_min) / (x_max - x_min + 1) in [row, row + 1), which are sorted as a
    whole, and one `np.searchsorted` finds every midpoint's slot; an actor misplaced
    by the keys' rounding (within about 1e-11 R of m, where |a_k| is about 0) changes the
    sum by less than that.
    """
    n, b = x.shape
    order = np.argsort(x, axis=0, kind="stable")
    xs = np.take_along_axis(x, order, axis=0)
    x_min = xs[0]
    xr = x - x_min  # shifted to >= 0, so that the prefix sums of w x never fall
    xs = xs - x_min
    ws = np.take_along_axis(w, order, axis=0)
    cw = np.zeros((n + 1, b))
    np.cumsum(ws, axis=0, out=cw[1:])
    cwx = np.zeros((n + 1, b))
    np.cumsum(ws * xs, axis=0, out=cwx[1:])
    slot = np.empty_like(order)
    np.put_along_axis(slot, order, np.arange(n)[:, None], axis=0)  # sorted slot of each actor
    # Prefix sums up to each actor's slot: both rise with the slot, so the lower end of a
    # pair (the smaller slot when x_i < x_j) holds the minimum and the upper the maximum.
    cw_own = np.take_along_axis(cw, slot, axis=0)
    cwx_own = np.take_along_axis(cwx, slot, axis=0)
    cw_lo = np.minimum(cw_own[:, None, :], cw_own[None, :, :])
    cw_hi = np.maximum(cw_own[:, None, :], cw_own[None, :, :])
    cwx_lo = np.minimum(cwx_own[:, None, :], cwx_own[None, :, :])
    cwx_hi = np.maximum(cwx_own[:, None, :], cwx_own[None, :, :])
    both = xr[:, None, :] + xr[None, :, :]  # lo + hi
    scale = 1.0 / (xs[-1] + 1.0)
    rows = np.arange(b)
    keys = (rows[None, :] + xs * scale).T.ravel()  # row by row, each row's sorted keys in [row, row + 1)
    query = both * (0.5 * scale)
    query += rows
    c = np.searchsorted(keys, query.reshape(-1)).reshape(n, n, b)
    c -= n * rows  # slot within the row
    np.clip(c, np.minimum(slot[:, None, :], slot[None, :, :]), np.maximum(slot[:, None, :], slot[None, :, :]), out=c)
    flat = c * b
    flat += rows
    cw_c = np.take(cw.reshape(-1), flat)
    cwx_c = np.take(cwx.reshape(-1), flat)
    # Outside [lo, hi]: d x (weight below lo + weight from hi on); between lo and m:
    # sum w (lo + hi - 2x); between m and hi: sum w (2x - lo - hi).
    np.subtract(cw[n][None, None, :] + cw_lo, cw_hi, out=total)
    total *= dist
    cw_c += cw_c
    cw_c -= cw_lo
    cw_c -= cw_hi
    cw_c *= both
    total += cw_c
    cwx_hi += cwx_lo
    cwx_c += cwx_c
    cwx_hi -= cwx_c
    cwx_hi += cwx_hi
    total += cwx_hi
    total[dist == 0.0] = 0.0
    np.maximum(total, 0.0, out=total)  # rounding can leave -1e-15 where the true sum is 0
    return total


def _win_probability_t(
    x: NDArray[np.float64],
    w: NDArray[np.float64],
    dist: NDArray[np.float64],
    wd: NDArray[np.float64] | None = None,
    spread: NDArray[np.float64] | None = None,
    out: NDArray[np.float64] | None = None,
) -> NDArray[np.float64]:
    """P_ij (eq. 31) in the internal layout: x, w (N, B), dist (N, N, B) -> (N, N, B).

    `wd`, `spread` and `out` are optional contiguous (N, N, B) buffers; the result is
    written to `out`.
    """
    if wd is None or spread is None or out is None:
        wd, spread, out = np.empty_like(dist), np.empty_like(dist), np.empty_like(dist)
    np.multiply(dist, w[None, :, :], out=wd)  # wd[l, k] = w_k |x_k - x_l|
    pull = wd.sum(axis=1)  # sum_k w_k |x_k - x_l|
    if x.shape[0] >= _SORTED_FROM:
        _vote_spread_sorted(x, w, dist, spread)
    else:
        _vote_spread(wd, spread, out)
    p = np.subtract(pull[None, :, :], pull[:, None, :], out=out)  # sum_k w_k a_k for (i, j)
    if x.shape[0] >= _SORTED_FROM:
        # |sum w a| <= sum w |a| holds term by term in the direct sum; the prefix sums can
        # round below it for two actors a hair apart (1e-14 R), so restore it: P stays in [0, 1].
        np.maximum(spread, np.abs(p, out=wd), out=spread)
    # Where the spread is 0 (x_i = x_j, or no weight tells them apart) the signed sum is
    # exactly 0 too (the same numbers summed in the same order); raising the spread to a
    # floor far below any real one makes P = floor / (2 floor) = 1/2 exactly there.
    np.maximum(spread, _FLOOR, out=spread)
    p += spread
    spread += spread
    p /= spread
    return p


def win_probability(
    x: NDArray[np.float64], w: NDArray[np.float64], dist: NDArray[np.float64] | None = None
) -> NDArray[np.float64]:
    """P_ij (eq. 31) for every pair: the probability that i beats j, (B, N, N).

    Uses sum_{a>0} w a = (sum w a + sum w |a|) / 2. The first sum is
    sum_k w_k |x_k - x_j| - sum_k w_k |x_k - x_i|; the second,
    sum_k |w_k |x_k - x_j| - w_k |x_k - x_i|| (weights are non-negative), is symmetric
    in i and j and built for i < j only. `dist` (B, N, N), |x_k - x_l|, may be passed in
    when already computed. Where sum_k w_k |a_k| = 0 (x_i = x_j), P_ij = 1/2.
    """
    xt = np.ascontiguousarray(np.asarray(x, dtype=float).T)
    wt = np.ascontiguousarray(np.asarray(w, dtype=float).T)
    dist_t = _distances_t(xt, dist)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = _win_probability_t(xt, wt, dist_t)
    return np.ascontiguousarray(np.moveaxis(p, -1, 0))


def _distances_t(xt: NDArray[np.float64], dist: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """|x_k - x_l| in the internal layout (N, N, B), from positions `xt` (N, B), or `dist` (B, N, N) when given."""
    if dist is None:
        return np.abs(xt[None, :, :] - xt[:, None, :])
    return np.ascontiguousarray(np.moveaxis(dist, 0, -1))


def risk_exponent(first: NDArray[np.float64]) -> NDArray[np.float64]:
    """r_i from eqs. 33-34, given ``first[b, i, j]`` = E_i(U_ij) computed with r = 1, (B, N).

    Sec_i = sum_{j != i} E_j(U_ji): how much the others expect to gain by challenging i.
    """
    sec = first.sum(axis=1) - np.diagonal(first, axis1=1, axis2=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _risk_from_security(sec, axis=1)


def _risk_from_security(sec: NDArray[np.float64], axis: int = 0) -> NDArray[np.float64]:
    """R_i = (2 Sec_i - max Sec - min Sec) / (max Sec - min Sec) (0 if all Sec are equal);
    r_i = (1 - R_i/3) / (1 + R_i/3). Actors along `axis`."""
    hi = sec.max(axis=axis, keepdims=True)
    lo = sec.min(axis=axis, keepdims=True)
    spread = hi - lo
    rel = np.where(spread > _EU_TOL, (2.0 * sec - hi - lo) / spread, 0.0)  # callers silence 0/0
    return (1.0 - rel / 3.0) / (1.0 + rel / 3.0)


def _power(base: NDArray[np.float64], exponent: NDArray[np.float64]) -> NDArray[np.float64]:
    """base ** exponent in place, as exp(exponent log base) (base >= 0; 0 ** r = 0 for r > 0)."""
    np.log(base, out=base)  # log 0 = -inf (callers silence the warning), exp(-inf) = 0
    base *= exponent
    return np.exp(base, out=base)


def _challenge_utilities_t(
    x: NDArray[np.float64],
    s: NDArray[np.float64],
    mu: NDArray[np.float64],
    span: float,
    q: float,
    t: NDArray[np.float64],
    dist: NDArray[np.float64],
    p: NDArray[np.float64],
    f0: NDArray[np.float64] | None = None,
    f1: NDArray[np.float64] | None = None,
    own: NDArray[np.float64] | None = None,
    pji: NDArray[np.float64] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """`challenge_utilities` in the internal layout: returns (own, other, r), (N, N, B) and (N, B).

    E^i(U_ji) is written over `p` (the array passed in is consumed); 1 - P_ij is left in
    `pji`. `f0`, `f1`, `own`, `pji` are optional (N, N, B) buffers. Works with
    h = d_ij / 2 = |x_i - x_j| / 2R, so that the utility bases are 1/2 -+ h; halving is
    exact in floating point, so the sums below equal those written with d.
    """
    if f0 is None or f1 is None or own is None or pji is None:
        f0, f1, own, pji = (np.empty_like(dist) for _ in range(4))
    h = np.multiply(dist, 0.5 / span, out=f1)
    hp = np.multiply(h, p, out=f0)
    # Pass 1 (r = 1): E_j(U_ji) = 2 d_ij - 4 s_i d_ij P_ij - (1 - Q)(2 T_j - 1)(|x_j - mu|/R + d_ij),
    # using 1 - P_ji = P_ij; Sec_i sums it over j != i (the j = i term is 0 when Q = 1).
    sec = 4.0 * h.sum(axis=1) - (8.0 * s) * hp.sum(axis=1)
    if q != 1.0:
        to_mu = np.abs(x - mu) * (1.0 / span)
        d = dist * (1.0 / span)
        lean = 2.0 * t - 1.0
        lean_mu = lean * to_mu
        sec -= (1.0 - q) * (lean_mu.sum(axis=0, keepdims=True) - lean_mu + (d * lean[None, :, :]).sum(axis=1))
    r = _risk_from_security(sec, axis=0)
    r_rows = r[:, None, :]
    # Pass 2 with r_i: U_s = 2 - 4 a^r, U_f = 2 - 4 b^r, a = 1/2 - h, b = 1/2 + h;
    # a^r = exp(r log a), which NumPy evaluates faster than `np.power` (to ~1e-16).
    lower = np.subtract(0.5, h, out=f0)
    _power(lower, r_rows)
    gap = np.add(0.5, h, out=h)  # h is not needed any more
    _power(gap, r_rows)
    gap -= lower  # (U_s - U_f) / 4; the 4 goes with the saliences (exact: a power of 2)
    base = lower
    base *= -4.0
    base += 2.0 - q * (2.0 - 4.0 * np.power(0.5, r_rows))  # U_s - Q U_sq
    s4 = 4.0 * s
    np.subtract(1.0, p, out=pji)
    np.multiply(pji, s4[None, :, :], out=own)
    own *= gap
    np.subtract(base, own, out=own)  # U_s - s_j (1 - P_ij)(U_s - U_f) - Q U_sq
    other = p
    other *= s4[:, None, :]
    other *= gap
    np.subtract(base, other, out=other)  # U_s - s_i P_ij (U_s - U_f) - Q U_sq
    if q != 1.0:
        for target, reach, tt in (
            (own, to_mu[:, None, :] + d, t[:, None, :]),
            (other, to_mu[None, :, :] + d, t[None, :, :]),
        ):
            u_b = 2.0 - 4.0 * np.power(np.maximum(0.5 - 0.25 * reach, 0.0), r_rows)
            u_w = 2.0 - 4.0 * np.power(0.5 + 0.25 * reach, r_rows)
            target -= (1.0 - q) * (tt * u_b + (1.0 - tt) * u_w)
    return own, other, r


def challenge_utilities(
    x: NDArray[np.float64],
    s: NDArray[np.float64],
    w: NDArray[np.float64],
    mu: NDArray[np.float64],
    span: float,
    q: float,
    t: NDArray[np.float64],
    dist: NDArray[np.float64] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Expected utilities of every challenge after the two risk passes.

    Returns ``(own, other, p, r)``: ``own[b, i, j]`` = E^i(U_ij), i challenging j;
    ``other[b, i, j]`` = E^i(U_ji), j challenging i as i perceives it (both valued with
    i's exponent r_i); ``p[b, i, j]`` = P_ij; ``r[b, i]`` = r_i. `mu` (B,) is the
    median voter position, `t` (B, N) the T_i of eq. 7.

    With r = 1 the utilities are linear (U_s = 2d, U_f = -2d, U_sq = 0,
    U_b = -U_w = |x_i - mu|/R + d, d = |x_i - x_j|/R), which the first pass uses.
    P_ji = 1 - P_ij, so E^i(U_ji) = U_s - s_i P_ij (U_s - U_f) - Q U_sq - ...
    """
    as_t = lambda a: np.ascontiguousarray(np.asarray(a, dtype=float).T)  # noqa: E731
    xt, st, wt, tt = as_t(x), as_t(s), as_t(w), as_t(t)
    dist_t = _distances_t(xt, dist)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = _win_probability_t(xt, wt, dist_t)
        mu_row = np.asarray(mu, dtype=float)[None, :]
        own, other, r = _challenge_utilities_t(xt, st, mu_row, span, q, tt, dist_t, p.copy())
    back = lambda a: np.ascontiguousarray(np.moveaxis(a, -1, 0))  # noqa: E731
    return back(own), back(other), back(p), np.ascontiguousarray(r.T)


def _median_thresholds(
    w: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Vote weights (N, B) and the cumulative weights that bound the weighted median,
    (W/2 - tol, W/2 + tol) per row, as `weighted_median` sets them (zero-weight rows vote
    equally). They depend on the weights only, which stay fixed through the rounds."""
    total = w.sum(axis=0)
    if not (total > 0).all():  # all-zero rows: an unweighted median
        w = np.where(total > 0, w, 1.0)
        total = w.sum(axis=0)
    half = 0.5 * total
    tol = TIE_RTOL * total
    return w, half - tol, half + tol


def _weighted_median_t(
    x: NDArray[np.float64], w: NDArray[np.float64], low: NDArray[np.float64], high: NDArray[np.float64]
) -> NDArray[np.float64]:
    """`detente.bargaining.models.median.weighted_median` in the internal layout, (N, B) -> (B,),
    with `w`, `low`, `high` from `_median_thresholds`.

    Without sorting: the lower end of the median interval is the least x_j with
    sum_{k: x_k <= x_j} w_k >= W/2 (less the tie tolerance), the upper end the least
    x_j where that sum passes W/2 (plus it): the same rule as the sorted cumulative sum.
    """
    below = np.less_equal(x[:, None, :], x[None, :, :])  # [k, j]: x_k <= x_j
    reach = (w[:, None, :] * below).sum(axis=0)  # weight at or below x_j
    lower = np.where(reach >= low, x, np.inf).min(axis=0)
    upper = np.where(reach > high, x, np.inf).min(axis=0)
    np.minimum(upper, x.max(axis=0), out=upper)
    return 0.5 * (lower + upper)


class _Workspace:
    """Scratch arrays for the rounds of one block: (N, N, rows) float and bool arrays, each
    a contiguous view of the front of a flat buffer, so that a round on fewer rows still
    gets contiguous arrays (NumPy runs them about twice as fast as strided views).
    Allocating them once spares fresh memory (and its page faults) for every temporary
    of every round."""

    def __init__(self, n: int, rows: int) -> None:
        self.n = n
        self.f = [np.empty(n * n * rows) for _ in range(7)]
        self.b = [np.empty(n * n * rows, dtype=bool) for _ in range(5)]

    def views(self, rows: int) -> tuple[list[NDArray[np.float64]], list[NDArray[np.bool_]]]:
        shape, size = (self.n, self.n, rows), self.n * self.n * rows
        return [a[:size].reshape(shape) for a in self.f], [a[:size].reshape(shape) for a in self.b]


def _masked_min(
    values: NDArray[np.float64], mask: NDArray[np.bool_], scratch: NDArray[np.float64]
) -> NDArray[np.float64]:
    """min over j (axis 1) of values[i, j] where mask[i, j]; about _NONE where the mask is empty.

    Adds _NONE x (not mask) in place (values + 0 = values exactly), then reduces.
    """
    values += np.multiply(np.logical_not(mask), _NONE, out=scratch)
    return values.min(axis=1)


def _best_offers(
    other: NDArray[np.float64],
    dist: NDArray[np.float64],
    toward: NDArray[np.float64],
    span: float,
    candidates: NDArray[np.bool_],
    phi: NDArray[np.float64],
    key: NDArray[np.float64],
    scratch: NDArray[np.float64],
    tied: NDArray[np.bool_],
) -> NDArray[np.float64]:
    """The offer each actor accepts among `candidates`: least move (phi x distance), then
    the proposer who expects most, then the lower position; (N, B) moves, about _NONE
    where there is none.

    Every candidate has E^i(U_ji) = other > 0 (its proposer expects to gain). `phi`,
    `key`, `scratch` and `tied` are overwritten.
    """
    np.multiply(phi, dist, out=key)  # how far the offer moves i
    least = _masked_min(key, candidates, scratch)
    np.less_equal(key, (least + 1e-12 * span)[:, None, :], out=tied)
    tied &= candidates
    # Equal moves (e.g. capitulating up or down by the same distance): the most credible
    # offer, the one whose proposer expects most, E^i(U_ji); then the lower. Coincident
    # proposers tie in almost every row, so this runs unconditionally (with one tied
    # offer it changes nothing); other x tied, 0 off the tied ones, ranks them as
    # other > 0 on every candidate.
    credibility = np.multiply(other, tied, out=scratch)
    tied &= credibility >= (credibility.max(axis=1) - _EU_TOL)[:, None, :]
    offer = np.multiply(phi, toward, out=phi)
    return _masked_min(offer, tied, scratch)


def _classify(
    own: NDArray[np.float64],
    other: NDArray[np.float64],
    pji: NDArray[np.float64],
    dist: NDArray[np.float64],
    toward: NDArray[np.float64],
    span: float,
    confrontation: Confrontation,
    choice: Choice,
) -> NDArray[np.float64]:
    """All offer classes and the choice among them, for any rule; (N, B) chosen moves
    (about _NONE where no offer is accepted). The arrays passed in are left unchanged."""
    apart = dist > _SAME * span  # actors that met by different arithmetic paths are together
    gains = other > _EU_TOL  # the proposer j expects to gain
    gains &= apart
    opposed = own < -_EU_TOL
    opposed &= gains
    capitulate = np.add(other, own) <= _EU_TOL  # E^i(U_ji) <= |E^i(U_ij)|
    capitulate &= opposed
    compromise = opposed ^ capitulate
    confront = own > _EU_TOL
    if confrontation == "expected":
        confront &= gains
        phi = pji * confront
    elif confrontation == "loser":
        confront &= other > own + _EU_TOL
        confront &= apart
        phi = confront.astype(float)
    else:
        confront[...] = False
        phi = np.zeros_like(own)
    # phi = P_ji or 1 (confrontation) + 1 (capitulation) - E^i(U_ij) / E^i(U_ji)
    # (compromise); E^i(U_ji) > tolerance in a compromise, so the clipped divisor changes
    # nothing where it counts and keeps the ratio finite elsewhere. Masks enter as 0/1
    # factors (x * 1 + 0 = x exactly), which is much faster than `np.where`.
    phi += capitulate
    ratio = np.maximum(other, _EU_TOL)
    np.divide(own, ratio, out=ratio)
    ratio *= compromise
    phi -= ratio
    if choice == "credible":
        # Credibility classes: a confrontation (both expect to gain, so the contest
        # happens) before a compromise before a capitulation; least move within a class.
        has_confront = confront.any(axis=1, keepdims=True)
        has_compromise = compromise.any(axis=1, keepdims=True)
        valid = compromise & ~has_confront
        has_compromise |= has_confront
        capitulate &= ~has_compromise
        valid |= capitulate
        valid |= confront
    else:
        valid = opposed | confront
    return _best_offers(other, dist, toward, span, valid, phi, np.empty_like(own), ratio, np.empty_like(valid))


def _round_t(
    x: NDArray[np.float64],
    s: NDArray[np.float64],
    w: NDArray[np.float64],
    mu: NDArray[np.float64],
    span: float,
    q: float,
    t: NDArray[np.float64],
    confrontation: Confrontation,
    choice: Choice,
    work: _Workspace | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One round for a block in the internal layout (x, s, w, t (N, B), mu (B,));
    returns (new positions (N, B), risk exponents (N, B)).

    Every offer to i from j is a fraction phi of the way from x_i to x_j:
    capitulation 1, compromise |E^i(U_ij)| / E^i(U_ji), confrontation P_ji
    ("expected"), 1 ("loser") or none. With `choice="credible"` an actor facing a
    confrontation takes the best of those and nothing else; so confrontations are
    resolved for all rows at once, and only the rows where some actor faces no
    confrontation but other offers go through the full classification.
    """
    if confrontation not in ("expected", "loser", "none"):
        raise ModelError(f"unknown confrontation rule '{confrontation}'", hint="use 'expected', 'loser' or 'none'")
    if choice not in ("credible", "nearest"):
        raise ModelError(f"unknown offer choice '{choice}'", hint="use 'credible' or 'nearest'")
    n, b = x.shape
    if work is None:
        work = _Workspace(n, b)
    (toward, dist, f2, f3, f4, f5, f6), (b0, b1, b2, b3, b4) = work.views(b)
    np.subtract(x[None, :, :], x[:, None, :], out=toward)  # [i, j]: x_j - x_i
    np.abs(toward, out=dist)
    p = _win_probability_t(x, w, dist, f2, f3, f4)
    own, other, r = _challenge_utilities_t(x, s, mu, span, q, t, dist, p, f2, f3, f5, f6)
    pji = f6  # 1 - P_ij, left there by _challenge_utilities_t
    if confrontation == "none" or choice == "nearest":
        chosen = _classify(own, other, pji, dist, toward, span, confrontation, choice)
    else:
        # Signs and comparisons with a tolerance: on coarse scales (0, 50, 100) many
        # expected utilities are exactly 0 or exactly equal, and rounding noise must not decide.
        gains = np.greater(dist, _SAME * span, out=b0)  # apart: actors that met by different paths are together
        gains &= np.greater(other, _EU_TOL, out=b1)  # the proposer j expects to gain
        confront = np.greater(own, _EU_TOL, out=b1)
        if confrontation == "loser":
            confront &= np.greater(other, np.add(own, _EU_TOL, out=f2), out=b2)
            confront &= np.greater(dist, _SAME * span, out=b2)
        else:
            confront &= gains
        opposed = np.less(own, -_EU_TOL, out=b2)
        opposed &= gains
        # Rows where some actor has no confrontation but other offers: full classification.
        rest = np.flatnonzero((opposed.any(axis=1) & ~confront.any(axis=1)).any(axis=0))
        if rest.size:
            sub = lambda a: a[:, :, rest]  # noqa: E731
            chosen_rest = _classify(
                sub(own), sub(other), sub(pji), sub(dist), sub(toward), span, confrontation, choice
            )
        phi = pji  # P_ji, or 1 for "loser"
        if confrontation == "loser":
            phi[...] = 1.0
        chosen = _best_offers(other, dist, toward, span, confront, phi, f2, f3, b3)
        if rest.size:
            chosen[:, rest] = chosen_rest
    moved = chosen < 0.5 * _NONE
    return np.where(moved, x + np.where(moved, chosen, 0.0), x), r


def _run_block(
    x: NDArray[np.float64],
    s: NDArray[np.float64],
    w: NDArray[np.float64],
    span: float,
    q: float,
    max_rounds: int,
    tol: float,
    patience: int,
    confrontation: Confrontation,
    choice: Choice,
    record: bool,
) -> dict[str, NDArray[np.float64] | list[NDArray[np.float64]]]:
    """Run the rounds for one block of rows (x, s, w (rows, N)), dropping rows as they converge.

    The working arrays hold only the rows still running (in the internal layout) and
    shrink when rows finish; results go back to their rows each round.
    """
    rows, n = x.shape
    xt = np.array(x.T, dtype=float, order="C")  # a copy: (N, rows)
    xa, sa, wa = xt.copy(), np.ascontiguousarray(s.T, dtype=float), np.ascontiguousarray(w.T, dtype=float)
    vote, low, high = _median_thresholds(wa)
    mu = _weighted_median_t(xa, vote, low, high)
    ta = np.full((n, rows), 0.5)
    still = np.zeros(rows, dtype=int)
    rounds = np.zeros(rows, dtype=int)
    converged = np.zeros(rows, dtype=bool)
    risk = np.ones((n, rows))
    active = np.arange(rows)
    mua = mu.copy()
    step = tol * span
    traj, mu_traj = [xt.T.copy()], [mu.copy()]
    work = _Workspace(n, rows)
    for _ in range(max_rounds):
        if active.size == 0:
            break
        new, r = _round_t(xa, sa, wa, mua, span, q, ta, confrontation, choice, work)
        new_mu = _weighted_median_t(new, vote, low, high)
        if q != 1.0:  # T_i: did the median voter position move toward i?
            ta = (np.abs(new - new_mu) < np.abs(new - mua) - _SAME * span).astype(float)
        xt[:, active] = new
        mu[active] = new_mu
        risk[:, active] = r
        rounds[active] += 1
        run = np.where(np.abs(new_mu - mua) < step, still[active] + 1, 0)
        still[active] = run
        done = (run >= patience) | (np.abs(new - xa).max(axis=0) <= step)
        if record:
            traj.append(xt.T.copy())
            mu_traj.append(mu.copy())
        if done.any():
            converged[active[done]] = True
            keep = ~done
            active = active[keep]
            xa, sa, wa, ta, mua = new[:, keep], sa[:, keep], wa[:, keep], ta[:, keep], new_mu[keep]
            vote, low, high = vote[:, keep], low[keep], high[keep]
        else:
            xa, mua = new, new_mu
    return {
        "x": xt.T, "mu": mu, "rounds": rounds, "converged": converged, "risk": risk.T,
        "traj": traj, "mu_traj": mu_traj,
    }


def _run_block_compiled(
    x: NDArray[np.float64],
    s: NDArray[np.float64],
    w: NDArray[np.float64],
    span: float,
    q: float,
    max_rounds: int,
    tol: float,
    patience: int,
    confrontation: Confrontation,
    choice: Choice,
    record: bool,
) -> dict[str, NDArray[np.float64] | list[NDArray[np.float64]]]:
    """`_run_block` through the compiled kernel (`_eu_kernel.run_rows`): every round of
    every row in one call; same results (tests pin them to 1e-9, same rounds)."""
    from detente.bargaining.models import _eu_kernel

    rows, n = x.shape
    vote, low, high = _median_thresholds(np.ascontiguousarray(w.T, dtype=float))
    c = lambda a: np.ascontiguousarray(a, dtype=float)  # noqa: E731
    mu = np.empty(rows)
    rounds = np.empty(rows, dtype=np.int64)
    converged = np.empty(rows, dtype=np.bool_)
    risk = np.empty((rows, n))
    traj = np.empty((max_rounds + 1 if record else 0, n, rows))
    mu_traj = np.empty((max_rounds + 1 if record else 0, rows))
    _eu_kernel.run_rows(
        c(x), c(s), c(w), c(vote.T), c(low), c(high), span, q, max_rounds, tol, patience,
        _eu_kernel.CONFRONTATION[confrontation], _eu_kernel.CHOICE[choice],
        mu, rounds, converged, risk, traj, mu_traj,
    )
    kept = int(rounds.max(initial=0)) + 1 if record else 0
    return {
        "mu": mu, "rounds": rounds, "converged": converged, "risk": risk,
        "traj": [traj[i].T.copy() for i in range(kept)], "mu_traj": [mu_traj[i].copy() for i in range(kept)],
    }


#: Least pairs x rows in a block of the compiled kernel (about 2 ms of work at 30 ns a
#: pair-round and 10 rounds): a block's call, scratch and thread hand-off cost about 50 us.
_KERNEL_BLOCK_PAIRS = 8_000
#: Blocks per thread for the kernel. Threads take the next block as they finish one, so
#: the last block decides how long one thread waits for the other: about half a block,
#: 1/32 of the run with 16 (with 4, 1/8). Rows differ in rounds (3 to 20 at 80 actors),
#: so blocks differ in time too; more, smaller blocks even that out.
_KERNEL_BLOCKS_PER_THREAD = 16

#: With engine="auto", the compiled kernel is used from this many actors on (below, the
#: NumPy path is already cheap and compiling would cost more than it saves).
_NUMBA_FROM = 16


def _engine_for(engine: str, n: int) -> str:
    """The engine actually used for `engine` and N actors: "numpy" or "numba"."""
    return compiled_engine(engine, n < _NUMBA_FROM, "the compiled expected-utility kernel (engine='numba')")


@register_model("expected_utility")
def expected_utility(
    inputs: ModelInput,
    *,
    q: float = 1.0,
    max_rounds: int = 20,
    tol: float = 1e-3,
    patience: int = 3,
    confrontation: Confrontation = "expected",
    choice: Choice = "credible",
    engine: Engine = "auto",
    threads: int = 0,
) -> ModelOutput:
    """Run the expected-utility model on every draw and issue at once.

    Parameters
    ----------
    inputs
        Positions and saliences (D, N, K), capability (D, N); `inputs.scale` gives R.
    q
        Probability that the status quo holds absent a challenge (eq. 7's Q).
    max_rounds
        Upper limit on rounds.
    tol, patience
        Convergence rule: stop once the weighted median moves less than tol x R in
        `patience` successive rounds, or no actor moves more than tol x R in a round.
    confrontation
        How a confrontation resolves: "expected", "loser" or "none" (module docstring).
    choice
        Which offer an actor accepts: "credible" (best credibility class, then least
        move) or "nearest" (least move, whatever the class).
    engine
        Where the rounds run: "numpy" (the reference path), "numba" (the compiled
        whole-round kernel of the `fast` extra; same forecasts, rounds and convergence
        to 1e-9) or "auto" (numba when it is installed and the case is big enough to
        repay compiling: 16 actors or more, else NumPy).
    threads
        Threads that run blocks of draws side by side (0: one per CPU); blocks are
        independent, so the results do not depend on it. Used from 4 blocks on (NumPy)
        or 3 (the kernel: draw 0 and two more).

    Returns
    -------
    ModelOutput
        `outcome` (D, K): the weighted median after the last round; `rounds`,
        `converged` (D, K); `trajectory` (rounds + 1, N, K): actor positions per round
        for draw 0; `extra["median_trajectory"]` (rounds + 1, K) for draw 0,
        `extra["risk"]` (N, K): draw 0's risk exponents in its last round, and
        `extra["params"]`.
    """
    if not 0.0 <= q <= 1.0:
        raise ModelError(f"q must lie in [0, 1]; got {q}", hint="pass q=1.0 (Scholz) or q=0.5 (Bueno de Mesquita)")
    if max_rounds < 0 or patience < 1 or tol < 0:
        raise ModelError(
            f"bad convergence settings max_rounds={max_rounds}, patience={patience}, tol={tol}",
            hint="use max_rounds >= 0, patience >= 1 and tol >= 0",
        )
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise ModelError(f"threads must be a whole number >= 0; got {threads}", hint="use 0 (one per CPU) or 1")
    if engine not in ("auto", "numpy", "numba"):
        raise ModelError(f"unknown engine '{engine}'", hint="use 'auto', 'numpy' or 'numba'")
    d, n, k = inputs.shape
    used = _engine_for(engine, n)
    run_block = _run_block_compiled if used == "numba" else _run_block
    span = float(inputs.scale[1] - inputs.scale[0])
    if span <= 0:
        raise ModelError(f"the issue scale {inputs.scale} has no width", hint="pass scale=(min, max) with max > min")
    # One row per (draw, issue); row index = draw * K + issue; draw 0 is its own block.
    # Views where the layout allows (one issue: (D, N, 1) -> (D, N) is one): both paths only
    # read x and s (the kernel copies a row's inputs, the NumPy path transposes blocks).
    x = np.moveaxis(inputs.positions, 1, -1).reshape(d * k, n).astype(float, copy=False)
    s = np.moveaxis(inputs.salience, 1, -1).reshape(d * k, n).astype(float, copy=False)
    w = np.repeat(inputs.capability.astype(float, copy=False), k, axis=0) * s
    cpus = threads or os.cpu_count() or 1
    if used == "numba":
        # The kernel keeps one row's N x N scratch in cache whatever the block, so blocks
        # only share out the work: about _KERNEL_BLOCKS_PER_THREAD per thread, each big
        # enough (_KERNEL_BLOCK_PAIRS) that its call costs nothing next to it.
        block = max(
            -(-_KERNEL_BLOCK_PAIRS // max(1, n * n)), -(-(d * k - k) // (_KERNEL_BLOCKS_PER_THREAD * cpus))
        )
    else:
        block = max(_MIN_BLOCK_ROWS, _BLOCK_CELLS // max(1, n * n))
    starts = [0, *range(k, d * k, block)]
    stops = [*starts[1:], d * k]
    mu = np.empty(d * k)
    rounds = np.empty(d * k, dtype=int)
    converged = np.empty(d * k, dtype=bool)
    first: dict = {}
    def run(bounds: tuple[int, int]) -> tuple[int, int, dict]:
        start, stop = bounds
        with np.errstate(divide="ignore", invalid="ignore"):  # log 0 and 0/0 are handled
            return start, stop, run_block(
                x[start:stop], s[start:stop], w[start:stop], span, q, max_rounds, tol, patience,
                confrontation, choice, record=start == 0,
            )

    blocks = list(zip(starts, stops))
    workers = min(len(blocks), cpus)
    # Blocks are independent; NumPy and the kernel release the GIL. Fewer blocks than
    # this (small runs) go one after the other: threads would cost more than they save.
    if workers > 1 and len(blocks) >= (3 if used == "numba" else 4):
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(run, blocks))
    else:
        results = [run(b) for b in blocks]
    for start, stop, out in results:
        mu[start:stop] = out["mu"]
        rounds[start:stop] = out["rounds"]
        converged[start:stop] = out["converged"]
        if start == 0:
            first = out
    return ModelOutput(
        outcome=mu.reshape(d, k),
        rounds=rounds.reshape(d, k),
        converged=converged.reshape(d, k),
        trajectory=np.moveaxis(np.stack(first["traj"]), 2, 1),
        extra={
            "median_trajectory": np.stack(first["mu_traj"]),
            "risk": first["risk"].T,
            "params": {
                "q": q, "max_rounds": max_rounds, "tol": tol, "patience": patience,
                "confrontation": confrontation, "choice": choice, "engine": used,
            },
        },
    )


@register_model("eu_compromise")
def eu_compromise(inputs: ModelInput, **params: Any) -> ModelOutput:
    """Equal-weight combination: the mean of the expected-utility and compromise forecasts.

    Combining forecasts from models that err differently usually beats each of them
    (Bates & Granger 1969, "The combination of forecasts", *Operational Research
    Quarterly* 20(4); Graefe et al. 2014, "Combining forecasts: an application to
    elections", *International Journal of Forecasting* 30(1)); equal weights are the
    robust default and involve no fitting. On the DEU III dev half this combination
    has a lower MAE than either part (see docs/how-to/backtest-on-deu.md).
    `params` go to `expected_utility`; rounds, convergence and trajectory are its.
    """
    from detente.bargaining.models.compromise import compromise

    eu = expected_utility(inputs, **params)
    eu.outcome = 0.5 * (eu.outcome + compromise(inputs).outcome)
    return eu
