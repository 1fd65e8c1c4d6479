"""Compiled kernel for the expected-utility model: every round of a row fused into one pass.

Optional (the `fast` extra installs numba): this module imports numba at its top, so
`expected_utility` imports it only after `detente.optional.require` has found numba,
and uses it with ``engine="numba"`` (or ``"auto"`` when numba is installed and the case
has 16 actors or more). The NumPy path in `expected_utility` stays the reference: tests
pin both to the same forecasts, rounds and convergence flags (1e-9) on random inputs.

Why a whole-round kernel. Profiling the NumPy path (cProfile, 80 actors x 250 draws)
put about a third of the time in eq. 31's win probabilities and the rest in some 40
NumPy passes per round over (N, N, rows) arrays: the two risk passes, the utility
powers, the offer classes and the masked minima, each reading and writing N^2 numbers
per row. Here one row (a draw of an issue) runs all its rounds at once, to convergence,
with N x N scratch arrays that stay in cache; rows are independent, so `run_rows`
takes a block of them and `expected_utility` runs blocks on threads (the kernel
releases the GIL).

Per round and row, all O(N^2) but the sort (O(N log N)):

* P_ij (eq. 31) as (sum_k w_k a_k + sum_k w_k |a_k|) / (2 sum_k w_k |a_k|); the first
  sum is pull_j - pull_i with pull_l = sum_k w_k |x_k - x_l|, the second (the vote
  spread); both come from prefix sums over the sorted positions, the spread with the
  midpoint's slot found by a pointer that only moves forward (as
  `expected_utility._vote_spread_sorted` does with a binary search). Their rounding
  differs from the direct sums by about 1e-16 of the weights times the scale; it can
  matter only between actors closer than 1e-9 R, which never trade offers (and P = 1/2
  exactly where positions are equal);
* the two risk passes and the utilities; log(1/2 -+ h) is shared by (i, j) and (j, i),
  so a pair costs two logs and four exps;
* the offer classes and the choice among them, actor by actor, with the NumPy path's
  rules and tolerances (`expected_utility._classify`, `_best_offers`);
* the weighted median (direct O(N^2) sum, in the NumPy path's order) and the
  convergence rule.

Written to the same arithmetic as the NumPy path, operation by operation where it
decides a comparison (sums in the same order, the same tolerances), so that exact ties
on coarse scales fall the same way.
"""

from __future__ import annotations

import math

import numba
import numpy as np

#: Mirrors of `expected_utility`'s constants (the NumPy path is the reference).
SAME = 1e-9
EU_TOL = 1e-9
FLOOR = 1e-300
NONE = 1e300
#: Codes for the rules (numba takes numbers more readily than strings).
CONFRONTATION = {"expected": 0, "loser": 1, "none": 2}
CHOICE = {"credible": 0, "nearest": 1}

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}


@numba.njit(**_JIT)
def _win_row(x, w, p, pull, order, xs, cw, cwx):  # type: ignore[no-untyped-def]
    """P_ij for one row into p (N, N); `order` a permutation of the actors (sorted here by
    x); the other arguments are scratch of length N (N + 1)."""
    n = x.shape[0]
    # `order` holds a permutation on entry (last round's order: positions move little
    # from round to round, so the insertion sort has little to do).
    for a in range(1, n):
        cur = order[a]
        key = x[cur]
        c = a - 1
        while c >= 0 and x[order[c]] > key:
            order[c + 1] = order[c]
            c -= 1
        order[c + 1] = cur
    base = x[order[0]]
    cw[0] = 0.0
    cwx[0] = 0.0
    for a in range(n):
        xs[a] = x[order[a]] - base
        cw[a + 1] = cw[a] + w[order[a]]
        cwx[a + 1] = cwx[a] + w[order[a]] * xs[a]
    total = cw[n]
    # pull_l = sum_k w_k |x_k - x_l| from the prefix sums: O(N) after the sort.
    for a in range(n):
        below = xs[a] * cw[a] - cwx[a]
        above = (cwx[n] - cwx[a]) - xs[a] * (total - cw[a])
        pull[order[a]] = below + above
    for a in range(n):
        i = order[a]
        p[i, i] = 0.5
        c = a
        for bb in range(a + 1, n):
            j = order[bb]
            d = abs(x[j] - x[i])  # as the NumPy path's |x_j - x_i|
            if d == 0.0:  # equal positions: P = 1/2 exactly, as in the NumPy path
                p[i, j] = 0.5
                p[j, i] = 0.5
                continue
            else:
                both = xs[a] + xs[bb]
                while c < bb and 2.0 * xs[c] < both:
                    c += 1
                spread = (
                    d * (cw[a] + total - cw[bb])
                    + both * (2.0 * cw[c] - cw[a] - cw[bb])
                    + 2.0 * (cwx[bb] + cwx[a] - 2.0 * cwx[c])
                )
                if spread < 0.0:
                    spread = 0.0
            num = pull[j] - pull[i]
            if spread < abs(num):
                spread = abs(num)
            if spread < FLOOR:
                spread = FLOOR
            p[i, j] = (num + spread) / (spread + spread)
            p[j, i] = ((pull[i] - pull[j]) + spread) / (spread + spread)


@numba.njit(**_JIT)
def win_probability_rows(x, w, out):  # type: ignore[no-untyped-def]
    """P_ij for every row: x, w (N, B) -> out (N, N, B) (the layout of the NumPy path)."""
    n, b = x.shape
    p = np.empty((n, n))
    pull, xs, xr, wr = np.empty(n), np.empty(n), np.empty(n), np.empty(n)
    order = np.arange(n)
    cw, cwx = np.empty(n + 1), np.empty(n + 1)
    for r in range(b):
        for k in range(n):
            xr[k] = x[k, r]
            wr[k] = w[k, r]
        _win_row(xr, wr, p, pull, order, xs, cw, cwx)
        for i in range(n):
            for j in range(n):
                out[i, j, r] = p[i, j]
    return out


@numba.njit(**_JIT)
def _median(x, v, low, high):  # type: ignore[no-untyped-def]
    """`expected_utility._weighted_median_t` for one row."""
    n = x.shape[0]
    lower = np.inf
    upper = np.inf
    top = -np.inf
    for j in range(n):
        reach = 0.0
        xj = x[j]
        for k in range(n):
            reach += v[k] * (x[k] <= xj)  # branch-free; adds +0.0 as the NumPy path does
        if reach >= low and x[j] < lower:
            lower = x[j]
        if reach > high and x[j] < upper:
            upper = x[j]
        if x[j] > top:
            top = x[j]
    if top < upper:
        upper = top
    return 0.5 * (lower + upper)


@numba.njit(**_JIT)
def _status_quo_term(reach, tk, ri, q):  # type: ignore[no-untyped-def]
    """(1 - Q)[T U_b + (1 - T) U_w] of eq. 7 for one pair, as the NumPy path writes it."""
    u_b = 2.0 - 4.0 * max(0.5 - 0.25 * reach, 0.0) ** ri
    u_w = 2.0 - 4.0 * (0.5 + 0.25 * reach) ** ri
    return (1.0 - q) * (tk * u_b + (1.0 - tk) * u_w)


@numba.njit(**_JIT)
def _round(x, s, w, mu, span, q, t, conf, choice, new, r, sc):  # type: ignore[no-untyped-def]
    """One round of one row: new positions into `new`, risk exponents into `r`.

    `sc` holds the scratch arrays (p, own, other, pull, order, xs, cw, cwx, sec, c0, phi, cls).
    """
    p, own, other, pull, order, xs, cw, cwx, sec, c0, phi, cls = sc
    n = x.shape[0]
    _win_row(x, w, p, pull, order, xs, cw, cwx)
    inv = 0.5 / span
    inv_r = 1.0 / span
    # Pass 1 (r = 1): Sec_i, summed over j in the NumPy path's order.
    lean_total = 0.0
    if q != 1.0:
        for l in range(n):
            lean_total += (2.0 * t[l] - 1.0) * (abs(x[l] - mu) * inv_r)
    for i in range(n):
        hs = 0.0
        hps = 0.0
        for j in range(n):
            h = abs(x[j] - x[i]) * inv
            hs += h
            hps += h * p[i, j]
        sec[i] = 4.0 * hs - (8.0 * s[i]) * hps
        if q != 1.0:
            lean_mu = (2.0 * t[i] - 1.0) * (abs(x[i] - mu) * inv_r)
            dl = 0.0
            for j in range(n):
                dl += (abs(x[j] - x[i]) * inv_r) * (2.0 * t[j] - 1.0)
            sec[i] -= (1.0 - q) * (lean_total - lean_mu + dl)
    hi = sec[0]
    lo = sec[0]
    for i in range(1, n):
        hi = max(hi, sec[i])
        lo = min(lo, sec[i])
    width = hi - lo
    for i in range(n):
        rel = (2.0 * sec[i] - hi - lo) / width if width > EU_TOL else 0.0
        r[i] = (1.0 - rel / 3.0) / (1.0 + rel / 3.0)
        c0[i] = 2.0 - q * (2.0 - 4.0 * 0.5 ** r[i])  # U_s - Q U_sq, less the -4 a^r term
    # Pass 2: utilities with r_i; own[i, j] = E^i(U_ij), other[i, j] = E^i(U_ji).
    # First log(1/2 - h) into own and log(1/2 + h) into other (h is symmetric), then
    # a^r = exp(r log a) as the NumPy path's `_power` computes it.
    for i in range(n):
        for j in range(i, n):
            h = abs(x[j] - x[i]) * inv
            la = math.log(0.5 - h)
            lb = math.log(0.5 + h)
            own[i, j] = la
            own[j, i] = la
            other[i, j] = lb
            other[j, i] = lb
    for i in range(n):
        ri = r[i]
        ci = c0[i]
        s4i = 4.0 * s[i]
        for j in range(n):
            lower = math.exp(own[i, j] * ri)
            gap = math.exp(other[i, j] * ri) - lower
            base = lower * -4.0 + ci
            pij = p[i, j]
            own[i, j] = base - ((1.0 - pij) * (4.0 * s[j])) * gap
            other[i, j] = base - (pij * s4i) * gap
    if q != 1.0:
        for i in range(n):
            ri = r[i]
            for j in range(n):
                d = abs(x[j] - x[i]) * inv_r
                own[i, j] -= _status_quo_term(abs(x[i] - mu) * inv_r + d, t[i], ri, q)
                other[i, j] -= _status_quo_term(abs(x[j] - mu) * inv_r + d, t[j], ri, q)
    # Offers, actor by actor. Classes (cls): 1 confrontation, 2 compromise, 3 capitulation.
    for i in range(n):
        has_conf = False
        has_comp = False
        for j in range(n):
            ow = own[i, j]
            ot = other[i, j]
            apart = abs(x[j] - x[i]) > SAME * span
            gains = apart and ot > EU_TOL
            if conf == 0:
                cf = ow > EU_TOL and gains
            elif conf == 1:
                cf = ow > EU_TOL and ot > ow + EU_TOL and apart
            else:
                cf = False
            cls[j] = 0
            if cf:
                cls[j] = 1
                phi[j] = (1.0 - p[i, j]) if conf == 0 else 1.0
                has_conf = True
            elif ow < -EU_TOL and gains:
                if ot + ow <= EU_TOL:
                    cls[j] = 3
                    phi[j] = 1.0
                else:
                    cls[j] = 2
                    phi[j] = -(ow / max(ot, EU_TOL))
                    has_comp = True
        # Candidates: "credible" takes the best class present, "nearest" every offer;
        # then the least move, the proposer who expects most, the lower position.
        least = np.inf
        found = False
        for j in range(n):
            c = cls[j]
            ok = c > 0 and (choice == 1 or c == 1 or (c == 2 and not has_conf) or (c == 3 and not (has_conf or has_comp)))
            if not ok:
                cls[j] = 0
                continue
            found = True
            key = phi[j] * abs(x[j] - x[i])
            if key < least:
                least = key
        if not found:
            new[i] = x[i]
            continue
        cred = 0.0
        for j in range(n):
            if cls[j] > 0:
                if phi[j] * abs(x[j] - x[i]) <= least + 1e-12 * span:
                    if other[i, j] > cred:
                        cred = other[i, j]
                else:
                    cls[j] = 0
        best = np.inf
        for j in range(n):
            if cls[j] > 0 and other[i, j] >= cred - EU_TOL:
                offer = phi[j] * (x[j] - x[i])
                if offer < best:
                    best = offer
        new[i] = x[i] + best if best < 0.5 * NONE else x[i]


@numba.njit(**_JIT)
def run_rows(x, s, w, vote, low, high, span, q, max_rounds, tol, patience, conf, choice,
             mu_out, rounds_out, conv_out, risk_out, traj, mu_traj):  # type: ignore[no-untyped-def]
    """Run every row (x, s, w, vote: (rows, N); low, high: (rows,)) to convergence.

    Writes the final weighted median, rounds, convergence flag and last risk exponents
    per row; when `traj` has rounds (max_rounds + 1, N, rows), the positions and medians
    of every round are recorded (a row that stopped keeps its last ones).
    """
    rows, n = x.shape
    record = traj.shape[0] > 0
    step = tol * span
    xr = np.empty(n)
    new = np.empty(n)
    t = np.empty(n)
    r = np.empty(n)
    sc = (
        np.empty((n, n)), np.empty((n, n)), np.empty((n, n)), np.empty(n), np.empty(n, dtype=np.int64),
        np.empty(n), np.empty(n + 1), np.empty(n + 1), np.empty(n), np.empty(n), np.empty(n),
        np.empty(n, dtype=np.int64),
    )
    order = sc[4]
    for b in range(rows):
        for k in range(n):
            order[k] = k
            xr[k] = x[b, k]
            t[k] = 0.5
            r[k] = 1.0
        mu = _median(xr, vote[b], low[b], high[b])
        if record:
            traj[0, :, b] = xr
            mu_traj[0, b] = mu
        still = 0
        done = False
        rounds = 0
        for _ in range(max_rounds):
            _round(xr, s[b], w[b], mu, span, q, t, conf, choice, new, r, sc)
            new_mu = _median(new, vote[b], low[b], high[b])
            if q != 1.0:
                for k in range(n):
                    t[k] = 1.0 if abs(new[k] - new_mu) < abs(new[k] - mu) - SAME * span else 0.0
            rounds += 1
            still = still + 1 if abs(new_mu - mu) < step else 0
            moved = 0.0
            for k in range(n):
                moved = max(moved, abs(new[k] - xr[k]))
                xr[k] = new[k]
            mu = new_mu
            done = still >= patience or moved <= step
            if record:
                traj[rounds, :, b] = xr
                mu_traj[rounds, b] = mu
            if done:
                break
        if record:
            for later in range(rounds + 1, traj.shape[0]):
                traj[later, :, b] = xr
                mu_traj[later, b] = mu
        mu_out[b] = mu
        rounds_out[b] = rounds
        conv_out[b] = done
        for k in range(n):
            risk_out[b, k] = r[k]


def win_probability_numba(x: np.ndarray, w: np.ndarray, out: np.ndarray) -> np.ndarray:
    """P_ij for every pair of every row into `out` (N, N, B) from x, w (N, B)."""
    return win_probability_rows(np.ascontiguousarray(x, dtype=np.float64), np.ascontiguousarray(w, dtype=np.float64), out)
