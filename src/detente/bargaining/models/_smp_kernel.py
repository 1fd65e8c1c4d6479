"""Compiled kernel for the Spatial Model of Politics: a draw's whole turn loop in one call.

Optional (the `fast` extra installs numba): this module imports numba at its top, so
`smp` imports it only after `detente.optional.require` has found numba and uses it with
``engine="numba"``, or with ``"auto"`` on batches large enough to repay numba's start-up
(see `smp._engine_for`). The NumPy path in `smp` stays the reference: tests pin both to
the same forecasts, final positions, turns, convergence flags and trajectories (1e-9)
on random inputs, on inputs full of exact ties, and keep the relabelling invariance.

Why a kernel. The NumPy path moves all draws through each turn together, some hundred
array operations per turn; at 10 actors most of them are small (N x N per draw) and the
O(N^3) ones (the challenges' third parties, the PCEs) make 15-odd passes over memory.
Here one draw runs all its turns at once with N x N scratch arrays that stay in cache,
and blocks of draws run on threads (the kernel releases the GIL).

Written to the NumPy path's arithmetic, operation by operation (the same formulas in
the same order, sums over actors in index order, the same constants and the same
first-maximum rule), so that exact ties, which both paths preserve, fall the same way.
The input is the actors in canonical order (`smp.canonical_order`), on [0, 1]; the final
PCE over the distinct final positions stays in NumPy (`smp._final_pce`), run once on
every draw's end state.
"""

from __future__ import annotations

import math

import numba
import numpy as np

#: Mirrors of `smp`'s constants (the NumPy path is the reference).
MIN_COALITION = 1e-8
MIN_CHALLENGE_COALITION = 1e-10
MIN_SIG_GAIN = 1e-5
MIN_BARGAIN_WEIGHT = 1e-6
MIN_SIG_DELTA = 1e-4

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}


@numba.njit(**_JIT)
def _distances(ideal, sal2, den, pts, out):  # pragma: no cover - compiled
    """out[a, b] = salience-weighted distance from a's ideal to point b (as `smp._distance`)."""
    n_a, k_ = ideal.shape
    n_b = pts.shape[0]
    for a in range(n_a):
        for b in range(n_b):
            num = 0.0
            for k in range(k_):
                diff = ideal[a, k] - pts[b, k]
                diff = diff * diff
                diff = diff * sal2[a, k]
                num += diff
            if den[a] > 0:
                out[a, b] = math.sqrt(num / den[a])
            else:
                out[a, b] = 0.0


@numba.njit(**_JIT)
def _utility(d, r):  # pragma: no cover - compiled
    """KTAB's u(d, R) = (1 - d)(1 + d R), in `smp._utility`'s order."""
    u = min(d, 1.0)
    u = u * r
    u = u + 1.0
    return u * (1.0 - d)


@numba.njit(**_JIT)
def _log_victory(u, w, logp):  # pragma: no cover - compiled
    """logp[m, j] = log P(m > j) over options m, j of u (A, M) with voting weights w (as `smp._log_victory`)."""
    n_a, m_ = u.shape
    for m in range(m_):
        for j in range(m_):
            c = 0.0
            for a in range(n_a):
                diff = u[a, m] - u[a, j]
                if diff < 0.0:
                    diff = 0.0
                c += diff * w[a]
            logp[m, j] = c + MIN_COALITION
    for m in range(m_):
        for j in range(m):
            cm, cj = logp[m, j], logp[j, m]
            logp[m, j] = math.log(cm / (cm + cj))
            logp[j, m] = math.log(cj / (cj + cm))
        logp[m, m] = math.log(0.5)


@numba.njit(**_JIT)
def _risk(dist, cap, u, logp, score, risk):  # pragma: no cover - compiled
    """Risk attitudes R_i from a PCE over the N positions with values 1 - d (as `smp._risk_attitudes`)."""
    n = dist.shape[0]
    for a in range(n):
        for b in range(n):
            u[a, b] = 1.0 - dist[a, b]
    _log_victory(u, cap, logp)
    top = -np.inf
    for m in range(n):
        s = 0.0
        for j in range(n):
            s += logp[m, j]
        score[m] = s
        if s > top:
            top = s
    total = 0.0
    for m in range(n):
        score[m] = math.exp(score[m] - top)
        total += score[m]
    pmax, pmin = -np.inf, np.inf
    for m in range(n):
        score[m] = score[m] / total
        pmax = max(pmax, score[m])
        pmin = min(pmin, score[m])
    span = pmax - pmin
    for m in range(n):
        if span > 1e-300:
            risk[m] = (3.0 * score[m] - (pmax + 2.0 * pmin)) / (2.0 * span)
        else:
            risk[m] = 0.0


@numba.njit(**_JIT)
def _challenges(u0, g, risk, wt, sigma, x_row, target, prob):  # pragma: no cover - compiled
    """Each actor's best target (-1: none pays) and its victory probability (as `smp._challenges`)."""
    n = u0.shape[0]
    for i in range(n):
        r_i = risk[i]
        for m in range(n):
            x_row[m] = u0[m, i] + r_i * g[m, i]  # U^i_ni
        best, j_best, p_best = -np.inf, 0, 0.0
        for j in range(n):
            if j == i:
                continue
            u_ij = u0[i, j] + r_i * g[i, j]
            c_i = wt[i] * (1.0 - u_ij)
            c_j = wt[j] * (x_row[j] - 1.0)
            ch_ij0 = MIN_CHALLENGE_COALITION + max(c_i, 0.0) + max(c_j, 0.0)
            ch_ji0 = MIN_CHALLENGE_COALITION + max(-c_i, 0.0) + max(-c_j, 0.0)
            both = ch_ij0 + ch_ji0
            v_sum, v_pos = 0.0, 0.0
            for m in range(n):
                if m == i or m == j:
                    continue
                y = u0[m, j] + r_i * g[m, j]
                v0 = x_row[m] - y
                v0 = v0 * wt[m]
                den = abs(v0) + both
                pin = max(v0, 0.0) + ch_ij0
                pin = pin / den
                t = (2.0 - x_row[m]) - y
                t = t * pin
                v = (y - 1.0) + t
                v_sum += v * wt[m]
                v_pos += max(v, 0.0) * wt[m]
            ch_ij = ch_ij0 + v_pos
            ch_ji = ch_ji0 + (v_pos - v_sum)
            p = ch_ij / (ch_ij + ch_ji)
            eu_sq = 1.0 + u_ij
            eu_cntst = p * 2.0 + (1.0 - p) * 2.0 * u_ij
            s_j = sigma[j]
            gain = (1.0 - s_j) * 2.0 + s_j * eu_cntst - eu_sq
            if gain > best:
                best, j_best, p_best = gain, j, p
        target[i] = j_best if best > MIN_SIG_GAIN else -1
        prob[i] = p_best


@numba.njit(**_JIT)
def _round4(x):  # pragma: no cover - compiled
    return math.floor(0.5 + x * 10_000.0) / 10_000.0


@numba.njit(**_JIT)
def _bargains(pos, sal, target, prob, b_init, b_rcvr):  # pragma: no cover - compiled
    """S2P2 bargain positions for each initiator (its side) and its target (as `smp._bargains`)."""
    n, k_ = pos.shape
    for i in range(n):
        t = target[i] if target[i] >= 0 else i
        p = prob[i]
        for k in range(k_):
            x_i, x_j = pos[i, k], pos[t, k]
            s_i, s_j = sal[i, k], sal[t, k]
            w_i = (s_i * s_i) * (p * p)
            w_j = (s_j * s_j) * ((1.0 - p) * (1.0 - p))
            den = w_i + MIN_BARGAIN_WEIGHT + w_j
            b_init[i, k] = _round4(((w_i + MIN_BARGAIN_WEIGHT) * x_i + w_j * x_j) / den)
            b_rcvr[i, k] = _round4((w_i * x_i + (MIN_BARGAIN_WEIGHT + w_j) * x_j) / den)


@numba.njit(**_JIT)
def _turns_one(pos, sal, cap, max_turns, min_turns, stop_ratio, traj, record):  # pragma: no cover - compiled
    """Run one draw's turns in place on pos (N, K); returns (turns, converged); fills traj when record."""
    n, k_ = pos.shape
    sal2 = np.empty((n, k_))
    den = np.zeros(n)
    sigma = np.empty(n)
    wt = np.empty(n)
    for a in range(n):
        tot = 0.0
        for k in range(k_):
            sal2[a, k] = sal[a, k] * sal[a, k]
            den[a] += sal2[a, k]
            tot += sal[a, k]
        sigma[a] = min(1.0, tot)
        wt[a] = sigma[a] * cap[a]
    dist = np.empty((n, n))
    u = np.empty((n, n))
    u0 = np.empty((n, n))
    g = np.empty((n, n))
    u_obj = np.empty((n, n))
    logp = np.empty((n + 1, n + 1))
    score = np.empty(n + 1)
    risk = np.empty(n)
    x_row = np.empty(n)
    target = np.empty(n, dtype=np.int64)
    prob = np.empty(n)
    b_init = np.empty((n, k_))
    b_rcvr = np.empty((n, k_))
    f_init = np.empty((n, n))
    f_rcvr = np.empty((n, n))
    u_opt = np.empty((n, n + 1))
    member = np.zeros(n + 1, dtype=np.bool_)
    chosen = np.empty(n, dtype=np.int64)
    new = np.empty((n, k_))
    first_change = 0.0
    turns = 0
    converged = False
    if record:
        traj[0] = pos
    for turn in range(1, max_turns + 1):
        _distances(pos, sal2, den, pos, dist)
        _risk(dist, cap, u, logp[:n, :n], score, risk)
        for a in range(n):
            r_a = risk[a]
            for b in range(n):
                d = dist[a, b]
                u0[a, b] = (1.0 - d) * (1.0 + d * r_a / 3.0)
                g[a, b] = (2.0 / 3.0) * d * (1.0 - d)
                u_obj[a, b] = _utility(d, r_a)
        _challenges(u0, g, risk, wt, sigma, x_row, target, prob)
        _bargains(pos, sal, target, prob, b_init, b_rcvr)
        # resolution: the value of each option (status quo, bargain by i) to each voter
        _distances(pos, sal2, den, b_init, f_init)
        _distances(pos, sal2, den, b_rcvr, f_rcvr)
        for a in range(n):
            r_a = risk[a]
            total = 0.0
            for b in range(n):
                total += u_obj[a, b]
                f_init[a, b] = _utility(f_init[a, b], r_a)
                f_rcvr[a, b] = _utility(f_rcvr[a, b], r_a)
            u_opt[a, 0] = total / n
            for i in range(n):
                t = target[i] if target[i] >= 0 else i
                u_opt[a, 1 + i] = (total - u_obj[a, i] - u_obj[a, t] + f_init[a, i] + f_rcvr[a, i]) / n
        _log_victory(u_opt, cap, logp)
        for k in range(n):
            # k's queue: the status quo, then the bargains k made or received, by initiator
            member[0] = True
            for i in range(n):
                member[1 + i] = target[i] >= 0 and (target[i] == k or i == k)
            best, code = -np.inf, 0
            for m in range(n + 1):
                if not member[m]:
                    continue
                s = 0.0
                for j in range(n + 1):
                    if member[j]:
                        s += logp[m, j]
                if s > best:
                    best, code = s, m
            chosen[k] = code
        change = 0.0
        for k in range(n):
            code = chosen[k]
            sq = 0.0
            for kk in range(k_):
                if code == 0:
                    v = pos[k, kk]
                elif code - 1 == k:
                    v = b_init[code - 1, kk]
                else:
                    v = b_rcvr[code - 1, kk]
                new[k, kk] = v
                step = v - pos[k, kk]
                sq += step * step
            change += math.sqrt(sq)
        pos[:, :] = new
        turns = turn
        if record:
            traj[turn] = pos
        if turn == 1:
            first_change = change + MIN_SIG_DELTA
            continue
        if turn >= min_turns and change / first_change < stop_ratio:
            converged = True
            break
    return turns, converged


@numba.njit(**_JIT)
def run_turns(pos, sal, cap, max_turns, min_turns, stop_ratio, traj, record_first):  # pragma: no cover - compiled
    """Every draw of pos (D, N, K) through its turns, in place; draw 0's trajectory into traj when record_first.

    Returns turns (D,) and converged (D,).
    """
    d_ = pos.shape[0]
    turns = np.empty(d_, dtype=np.int64)
    converged = np.empty(d_, dtype=np.bool_)
    for d in range(d_):
        t, c = _turns_one(pos[d], sal[d], cap[d], max_turns, min_turns, stop_ratio, traj, record_first and d == 0)
        turns[d] = t
        converged[d] = c
    return turns, converged
