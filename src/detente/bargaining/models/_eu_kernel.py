"""Compiled kernel for the expected-utility model: eq. 31's win probabilities in O(N^2) per row.

Optional (the `fast` extra installs numba); `expected_utility` uses it with
``engine="numba"`` (or ``"auto"`` when numba is installed) and otherwise runs the NumPy
path, which stays the reference: tests pin both to the same forecasts and rounds (1e-9).

Per row (one draw of one issue), P_ij = (sum_k w_k a_k + sum_k w_k |a_k|) / (2 sum_k w_k |a_k|),
a_k = |x_k - x_j| - |x_k - x_i|. The first sum is pull_j - pull_i with
pull_l = sum_k w_k |x_k - x_l| (O(N^2)); the second, the vote spread, comes from prefix
sums over the sorted positions as in `expected_utility._vote_spread_sorted`, with the
midpoint's slot found by a pointer that only moves forward as the upper end rises
(two pointers, O(N) per lower end), so O(N^2) per row instead of the direct O(N^3).
Rows run one after another: numba's parallel loop was slower here, where the kernel is
called once per round on blocks of a few hundred rows (its threads' start-up and waits
outweighed the split); `expected_utility` runs whole blocks on threads instead, and the
kernel releases the GIL (nogil) so that they overlap.

Written to the same rules as the NumPy path: the spread is 0 where x_i = x_j, never
below |pull_j - pull_i|, and floored at 1e-300, so that P = 1/2 exactly between equal
positions and P stays in [0, 1].
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.optional import require

_KERNEL: Any = None


def win_probability_kernel() -> Any:
    """The compiled kernel ``kernel(x, w, out)``: x, w (N, B) C-contiguous, out (N, N, B).

    Compiled on first use (cached on disk by numba where it can write its cache).
    """
    global _KERNEL
    if _KERNEL is not None:
        return _KERNEL
    numba = require("numba", extra="fast", purpose="the compiled expected-utility kernel (engine='numba')")

    @numba.njit(cache=True, nogil=True)
    def kernel(x, w, out):  # type: ignore[no-untyped-def]
        n, b = x.shape
        floor = 1e-300
        for r in range(b):
            xr = np.empty(n)
            wr = np.empty(n)
            for k in range(n):
                xr[k] = x[k, r]
                wr[k] = w[k, r]
            pull = np.zeros(n)
            for l in range(n):
                acc = 0.0
                for k in range(n):
                    acc += abs(xr[k] - xr[l]) * wr[k]
                pull[l] = acc
            order = np.argsort(xr)
            base = xr[order[0]]
            xs = np.empty(n)
            cw = np.zeros(n + 1)
            cwx = np.zeros(n + 1)
            for p in range(n):
                xs[p] = xr[order[p]] - base
                cw[p + 1] = cw[p] + wr[order[p]]
                cwx[p + 1] = cwx[p] + wr[order[p]] * xs[p]
            total = cw[n]
            for p in range(n):
                i = order[p]
                out[i, i, r] = 0.5
                c = p
                for q in range(p + 1, n):
                    j = order[q]
                    d = abs(xr[j] - xr[i])  # as the NumPy path's |x_j - x_i|
                    if d == 0.0:
                        spread = 0.0
                    else:
                        both = xs[p] + xs[q]
                        while c < q and 2.0 * xs[c] < both:
                            c += 1
                        spread = (
                            d * (cw[p] + total - cw[q])
                            + both * (2.0 * cw[c] - cw[p] - cw[q])
                            + 2.0 * (cwx[q] + cwx[p] - 2.0 * cwx[c])
                        )
                        if spread < 0.0:
                            spread = 0.0
                    num = pull[j] - pull[i]
                    if spread < abs(num):
                        spread = abs(num)
                    if spread < floor:
                        spread = floor
                    out[i, j, r] = (num + spread) / (spread + spread)
                    out[j, i, r] = ((pull[i] - pull[j]) + spread) / (spread + spread)
        return out

    _KERNEL = kernel
    return kernel


def win_probability_numba(x: np.ndarray, w: np.ndarray, out: np.ndarray) -> np.ndarray:
    """P_ij for every pair of every row into `out` (N, N, B) from x, w (N, B)."""
    kernel = win_probability_kernel()
    return kernel(np.ascontiguousarray(x, dtype=np.float64), np.ascontiguousarray(w, dtype=np.float64), out)
