"""A straightforward per-draw Python implementation of the expected-utility (BDM) model.

The baseline of benchmarks/eu_draws.py: the kind of implementation an open Python BDM
engine runs (one draw at a time, NumPy over the actors of that draw, the vote shares of
eq. 31 as the plain triple sum over (i, j, k)), written here from Scholz, Calbert & Smith
(2011) to the same rules as detente's model with its defaults (q = 1, confrontations
resolve at the expected outcome, credible offers first, 20 rounds at most, tol 1e-3 R,
patience 3), so that both reach the same forecasts and the same number of rounds and the
timing compares like with like. Only q = 1 is written (T and U_b, U_w drop out).
"""

from __future__ import annotations

import numpy as np

EU_TOL = 1e-9
SAME = 1e-9
TIE_RTOL = 1e-9


def weighted_median(x: np.ndarray, w: np.ndarray) -> float:
    """Midpoint of the interval of weighted medians (zero total weight: equal weights)."""
    if w.sum() <= 0:
        w = np.ones_like(w)
    order = np.argsort(x, kind="stable")
    xs, cum = x[order], np.cumsum(w[order])
    total = cum[-1]
    half, tol = 0.5 * total, TIE_RTOL * total
    n = x.size
    lo = min(int((cum < half - tol).sum()), n - 1)
    hi = min(int((cum <= half + tol).sum()), n - 1)
    return 0.5 * (xs[lo] + xs[hi])


def one_round(x: np.ndarray, s: np.ndarray, w: np.ndarray, span: float) -> np.ndarray:
    """New positions after one round of challenges."""
    n = x.size
    dist = np.abs(x[:, None] - x[None, :])  # [i, j]
    # Eq. 31, directly: a[i, j, k] = |x_k - x_j| - |x_k - x_i|.
    a = np.abs(x[None, None, :] - x[None, :, None]) - np.abs(x[None, None, :] - x[:, None, None])
    spread = (w * np.abs(a)).sum(axis=2)
    gain = (w * np.where(a > 0, a, 0.0)).sum(axis=2)
    p = np.where(spread > 0, gain / np.where(spread > 0, spread, 1.0), 0.5)
    h = dist / (2.0 * span)
    # Pass 1 (r = 1): Sec_i = sum_j E_j(U_ji) = sum_j (2 d_ij - 4 s_i d_ij P_ij), d = dist / R.
    sec = (2.0 * 2.0 * h - 4.0 * s[:, None] * 2.0 * h * p).sum(axis=1)
    spread_sec = sec.max() - sec.min()
    rel = (2.0 * sec - sec.max() - sec.min()) / spread_sec if spread_sec > EU_TOL else np.zeros(n)
    r = ((1.0 - rel / 3.0) / (1.0 + rel / 3.0))[:, None]
    u_s = 2.0 - 4.0 * (0.5 - h) ** r
    u_f = 2.0 - 4.0 * (0.5 + h) ** r
    u_sq = 2.0 - 4.0 * 0.5**r
    own = u_s - s[None, :] * (1.0 - p) * (u_s - u_f) - u_sq  # E^i(U_ij)
    other = u_s - s[:, None] * p * (u_s - u_f) - u_sq  # E^i(U_ji)
    new = x.copy()
    for i in range(n):
        offers = {"confront": [], "compromise": [], "capitulate": []}
        for j in range(n):
            if j == i or dist[i, j] <= SAME * span or other[i, j] <= EU_TOL:
                continue
            if own[i, j] > EU_TOL:
                offers["confront"].append((j, 1.0 - p[i, j]))
            elif own[i, j] < -EU_TOL:
                if other[i, j] + own[i, j] <= EU_TOL:
                    offers["capitulate"].append((j, 1.0))
                else:
                    offers["compromise"].append((j, -own[i, j] / max(other[i, j], EU_TOL)))
        chosen = next((offers[kind] for kind in ("confront", "compromise", "capitulate") if offers[kind]), [])
        if not chosen:
            continue
        least = min(phi * dist[i, j] for j, phi in chosen)
        tied = [(j, phi) for j, phi in chosen if phi * dist[i, j] <= least + 1e-12 * span]
        best = max(other[i, j] for j, _ in tied)
        tied = [(j, phi) for j, phi in tied if other[i, j] >= best - EU_TOL]
        new[i] = x[i] + min(phi * (x[j] - x[i]) for j, phi in tied)
    return new


def reference_bdm(
    x: np.ndarray, s: np.ndarray, c: np.ndarray, span: float, max_rounds: int = 20, tol: float = 1e-3, patience: int = 3
) -> tuple[float, int]:
    """(forecast, rounds) for one draw of one issue: positions x, saliences s, capabilities c (N,)."""
    w = c * s
    mu = weighted_median(x, w)
    still = rounds = 0
    for _ in range(max_rounds):
        new = one_round(x, s, w, span)
        new_mu = weighted_median(new, w)
        rounds += 1
        still = still + 1 if abs(new_mu - mu) < tol * span else 0
        moved = np.abs(new - x).max()
        x, mu = new, new_mu
        if still >= patience or moved <= tol * span:
            break
    return mu, rounds
