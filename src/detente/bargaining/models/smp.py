r"""Spatial Model of Politics (SMP) as in KAPSARC's KTAB, vectorised with NumPy.

The SMP (Wise, Lester & Efird 2015, "An introduction to the KAPSARC Toolkit for
Behavioral Analysis (KTAB) using one-dimensional spatial models", KAPSARC discussion
paper KS-1516-DP015A; Efird, Lester & Wise 2016, "The application of KTAB to China's
state-owned enterprise reform", KAPSARC) lets actors challenge each other, strike
bargains and move, turn by turn, until positions settle. This module implements the
model with KTAB's default settings (the ones ``smpc`` runs with on a CSV input):
VictoryProbModel Linear, VotingRule Prop, PCEModel Conditional, deterministic state
transitions, BigRRange Mid, BigRAdjust OneThird, ThirdPartyCommit SemiCommit,
InterVecBrgn S2P2, BargnModel InitOnlyInterp, ideals that track positions, and KTAB's
stop rule. The equations below were reconstructed from KTAB's papers, its published
reference logs and (for reading only) its MIT-licensed C++ source, and the code is
written anew from them in NumPy; it reproduces the per-turn figures of KTAB's logs.

Notation: N actors with capability :math:`c_i`, K dimensions, positions
:math:`x_{ik}` rescaled to [0, 1], saliences :math:`s_{ik}` in [0, 1] and the overall
salience :math:`\sigma_i = \min(1, \sum_k s_{ik})`.

One turn
--------
1. **Distance and utility.** :math:`d_{ab} = \sqrt{\sum_k s_{ak}^2 (x_{ak}-x_{bk})^2 /
   \sum_k s_{ak}^2}` (actor a's salience-weighted distance to b's position) and
   :math:`u(d, R) = (1-d)(1+dR)`.
2. **Risk attitudes** (BigRRange Mid). A Probabilistic Condorcet Election (PCE) over the
   N positions with risk-neutral values :math:`1-d`: votes
   :math:`v_a(i{:}j) = c_a (u_{ai}-u_{aj})` (Prop), coalitions
   :math:`C_{ij} = 10^{-8} + \sum_a \max(0, v_a(i{:}j))`, victory probabilities
   :math:`P_{ij} = C_{ij}/(C_{ij}+C_{ji})` (Linear, :math:`P_{ii}=1/2`) and the
   conditional PCE :math:`p_i \propto \prod_j P_{ij}`. Then
   :math:`R_i = (3p_i - p_{max} - 2p_{min}) / (2(p_{max}-p_{min}))` in [-1/2, 1]: the
   actor whose position is most likely to win is risk-seeking.
3. **Perceptions** (BigRAdjust OneThird). Actor h estimates a's risk attitude as
   :math:`(2R_h + R_a)/3`, giving h's utility matrix :math:`U^h_{ab}`; the objective
   matrix is :math:`U_{ab} = u(d_{ab}, R_a)`.
4. **Challenges** (h = i, ThirdPartyCommit SemiCommit). For every target j, in i's
   eyes: principals contribute :math:`w_i(U_{ii}-U_{ij})` and
   :math:`w_j(U_{ji}-U_{jj})` with :math:`w = \sigma c`; each third party n first weighs
   the little contest {i, j, n} (its order-zero vote added to the principals' coalitions
   gives :math:`\pi_n`), then votes
   :math:`w_n[\pi_n(U_{nn}-U_{ni}) + (1-\pi_n)(U_{nj}-U_{nn})]` (the sum-of-utilities of
   the three positions when the side it joins wins or loses, with semi-commitment: a
   winning third party keeps its own position). The coalitions give
   :math:`P_{ij}`. Target j concedes with probability :math:`1-\sigma_j`, otherwise the
   contest is decided by :math:`P_{ij}` (i wins: j adopts :math:`x_i`; j wins: i adopts
   :math:`x_j`), so the expected gain is
   :math:`(U_{ii}-U_{ij})(1 - 2\sigma_j(1-P_{ij}))`. Each actor challenges the target
   with the largest gain, if it exceeds :math:`10^{-5}`.
5. **Bargains** (S2P2, InitOnlyInterp). The challenger proposes, per dimension, the
   average of the two positions with weights :math:`(s_{ik}P_{ij})^2` and
   :math:`(s_{jk}(1-P_{ij}))^2` (plus :math:`10^{-6}` on the own side), rounded to
   four decimals as KTAB does.
6. **Resolution** (PCE Conditional, deterministic). Each actor k considers its status
   quo, the bargain it proposed and the bargains proposed to it. Every actor a values
   the state a bargain would produce as the mean of its utilities of all N positions
   after the two principals move; a PCE with weights c over those options picks the
   most probable, and k adopts its side of it.
7. **Stop** after at most 100 turns, or from turn 2 on when
   :math:`\sum_i \lVert x_i^{t}-x_i^{t-1}\rVert` falls below 0.02 of
   (the first turn's change + :math:`10^{-4}`).

Forecast
--------
A final PCE (weights c, objective risk-aware utilities of the final state) over the
distinct final positions gives each a probability; the forecast is the
probability-weighted position (KTAB's "probability-weighted" outcome) and
``extra["most_probable"]`` the most likely one. We use KTAB's objective final PCE (the
probabilities its log prints; we reproduce them exactly on the published logs).
Averaging the outcome over every actor's own perspective instead moves some forecasts by
up to about a point (it is what reproduces the reference table's SOE-Pol-Comp figure).

Choices that differ from KTAB
-----------------------------
* **Overall salience** :math:`\sigma_i = \min(1, \sum_k s_{ik})`. KTAB requires the
  saliences of an actor to add up to at most 1 (a share of attention), so on KTAB inputs
  this is exactly KTAB's sum. detente scenarios give each issue its own salience in
  [0, 1]; capping the total at 1 treats such actors as fully engaged instead of failing.
* **Degenerate PCE.** When every position has the same PCE probability (e.g. all actors
  agree), KTAB divides by zero when inferring risk attitudes; we set R = 0
  (risk-neutral). Zero salience on every dimension gives distance 0 (the actor is
  indifferent) where KTAB would reject the input.
* **Log-space PCE.** The conditional PCE multiplies N probabilities; we add logarithms,
  so large scenarios do not underflow to zero. Results are equal up to rounding.
* **Distinct positions.** Positions closer than 0.001 (on [0, 1], i.e. 0.1 points on
  0-100) count as one position in the final PCE, which is what KTAB's reference runs
  show. KTAB scans actors in index order and lets the first stand for its group; we scan
  them in order of position and let the most capable member stand for it, so that
  relabelling the actors cannot change the forecast. On KTAB's examples, where the
  actor lists start with the most powerful, this picks the same representatives.
* **Ties and order.** KTAB breaks ties (two targets with equal gains, two options with
  equal probabilities) by list order, and gathers each actor's bargains in
  thread-completion order; relabelling the actors can then change its forecast. We run
  the turns on the actors sorted by their inputs (`canonical_order`: position, then
  salience, then capability) and return per-actor results in the caller's order. So a
  tie goes to the first actor or option in that order (within a queue: the status quo,
  then bargains by initiator), and every sum over actors runs in the same order however
  the actors are listed: the forecast is exactly invariant to relabelling. Actors with
  identical inputs are interchangeable; which of them ends where may swap.
* **Status quo.** The SMP has no disagreement point; ``inputs.status_quo`` is ignored.
* Only KTAB's default settings are implemented (no stochastic transitions, Markov PCE
  or other voting rules).

Vectorisation
-------------
All draws of a Monte Carlo batch advance together and there is no loop over draws
(identical draws are run once). The turn loop keeps the draw axis LAST in every array,
(K, N, R) for positions and (N, N, R) for pairs, R being the draws still running: with
N ~ 5-10 actors a draw-first layout would run NumPy's inner loops over only N numbers at
a time, so every operation here runs over contiguous rows of draws instead. Draws that
have stopped are dropped from later turns. The O(N^3) challenge step (initiator x target
x third party) uses U^h = u0 + R_h g (the OneThird adjustment is affine in R_h) and
computes third-party votes in preallocated buffers. In the resolution step the victory
probability of one option over another does not depend on whose queue it is in: up to
12 actors one PCE matrix over all N + 1 options per draw serves every queue, each
summing over its own members; above, the queues are grouped by length and each runs its
own small PCE (no padding). Work is cut into blocks of at most 64,000 numbers per array
to stay in cache. Large batches are split into contiguous blocks of draws that run on
threads, one per CPU (``threads``; NumPy releases the GIL in its loops); draws never
interact, so the split changes the wall time, not the numbers. The only Python loops
are over turns, over those blocks, over the dimensions (in distances) and (once, at the
end) over actors to group equal positions.

Compiled engine
---------------
With the `fast` extra (numba), ``engine="numba"`` runs each draw's whole turn loop in
one compiled call (`_smp_kernel`: N x N scratch in cache, no array temporaries), about
3x the NumPy path per CPU second at 5 and 10 actors, and its blocks of draws run on
threads without the GIL; the final PCE stays in NumPy. It is written to this path's
arithmetic, operation by operation, and tests pin it to this path (same forecasts,
final positions and trajectories to 1e-9, same turns and convergence) on random inputs
and on inputs full of exact ties. ``engine="auto"`` (the default) uses it only for
batches large enough to repay numba's start-up in a fresh process (`_engine_for`),
or in a kernel process the caller prestarted (`_smp_worker`: `detente forecast` and
`detente plans` fork it at their start, so numba loads on the second core while they
import, read the case and run the other models; it then takes every "auto" and
"numba" batch and falls back to this process if it cannot serve). `submit` hands a
batch to that process ahead of the call (a Monte Carlo forecast does so as soon as the
draws are sampled, `base.SUBMITTERS`), and the `smp` call with the same inputs collects
it: the same engine and numbers as without it, computed while the other models run.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.models import _smp_worker
from detente.bargaining.models.base import (
    ModelInput,
    ModelOutput,
    compiled_engine,
    register_model,
    register_submitter,
)
from detente.errors import ModelError

Engine = Literal["auto", "numpy", "numba"]

__all__ = ["smp", "submit", "SMPResult", "canonical_order", "run_smp"]

F = NDArray[np.float64]

#: KTAB constants (smpc defaults).
MIN_COALITION = 1e-8  # added to every coalition in a PCE
MIN_CHALLENGE_COALITION = 1e-10  # added to both sides of a challenge
MIN_SIG_GAIN = 1e-5  # smallest expected gain worth a challenge
MIN_BARGAIN_WEIGHT = 1e-6  # keeps bargain interpolation away from 0/0
MIN_SIG_DELTA = 1e-4  # added to the first turn's change in the stop rule
POSITION_TOLERANCE = 1e-3  # positions closer than this (on [0, 1]) count as one position

#: Largest number of float64 values in one work array of the O(N^3) steps (challenges:
#: initiator x target x third party; PCEs: voter x option x option), so that the
#: several such arrays a step holds at once stay in cache; draws are cut into blocks.
_CHALLENGE_BLOCK_ELEMENTS = 64_000
#: Up to this many actors the bargain queues share one PCE matrix per draw
#: (`_choose_shared`); above, each queue runs its own small PCE (`_choose_grouped`).
#: Measured on the benchmark machine: shared is about 1.2x faster at 5-10 actors,
#: grouped 1.2-1.5x faster at 27-160.
_SHARED_QUEUE_PCE_UP_TO = 12
#: Fewest draws in a block of its own thread (`smp(threads=...)`): below a few hundred
#: draws per array, NumPy's per-call overhead, run under the GIL, would dominate.
_MIN_THREAD_DRAWS = 256
#: `engine="auto"` runs the compiled kernel from this many draw x actor^3 units on
#: (`_engine_for`): e.g. 10 actors x 1,000 draws; the built-in case (5 actors x 2,000
#: draws, 250,000) stays in NumPy, where numba's start-up would cost more than it saves.
_NUMBA_FROM_WORK = 1_000_000


@dataclass
class SMPResult:
    """Everything one batch of SMP runs produces (positions on [0, 1])."""

    forecast: F  # (D, K) probability-weighted outcome
    most_probable: F  # (D, K)
    final_positions: F  # (D, N, K)
    turns: NDArray[np.int64]  # (D,) steps taken
    converged: NDArray[np.bool_]  # (D,) stopped by the change rule, not by max_turns
    trajectory: F  # (T+1, N, K) positions per state, draw 0
    position_probability: F  # (D, N) final PCE probability of each actor's position


# ---------------------------------------------------------------- building blocks
#
# Layout: the draw axis is LAST in every array of the turn loop, (..., R) with R the
# draws still running (see Vectorisation in the module doc): positions (K, N, R),
# pair arrays (N, N, R), per-actor arrays (N, R).


def _distance(ideal: F, sal2: F, den: F, pos: F) -> F:
    """Salience-weighted distances d[a, b, r] from a's ideal to position b in draw r (A, B, R).

    ideal, sal2 = s**2 (K, A, R); den = sum_k s**2 (A, R); pos (K, B, R).
    """
    # A loop over the (few) dimensions; each step runs over contiguous rows of draws,
    # in one scratch array.
    num = np.zeros((den.shape[0], pos.shape[1], den.shape[1]))
    diff = np.empty_like(num)
    for k in range(pos.shape[0]):
        np.subtract(ideal[k, :, None, :], pos[k, None, :, :], out=diff)
        diff *= diff
        diff *= sal2[k, :, None, :]
        num += diff
    with np.errstate(invalid="ignore", divide="ignore"):
        np.divide(num, den[:, None, :], out=num)
        d = np.sqrt(num, out=num)
    if np.all(den > 0):
        return d
    return np.where(den[:, None, :] > 0, d, 0.0)


def _utility(d: F, risk: F) -> F:
    """KTAB's u(d, R) = (1 - d)(1 + d R); `risk` broadcasts against `d`."""
    u = np.minimum(d, 1.0)
    u *= risk
    u += 1.0
    u *= 1.0 - d
    return u


def _log_victory(u: F, w: F) -> F:
    """log P(m > j) for every pair of options (M, M, b), P(m > m) = 1/2.

    u (A, M, b): utility to voter a of option m in draw b; w (A, b): voting weights (Prop
    rule). Coalition C_mj = 1e-8 + sum_a w_a max(0, u_am - u_aj); P = C_mj / (C_mj + C_jm).
    """
    diff = u[:, :, None, :] - u[:, None, :, :]  # (A, M, M, b): u_a(m) - u_a(j)
    np.maximum(diff, 0.0, out=diff)
    c = np.einsum("amjb,ab->mjb", diff, w)  # (M, M, b) coalition of m against j
    c += MIN_COALITION
    p = c / (c + c.transpose(1, 0, 2))
    idx = np.arange(u.shape[1])
    p[idx, idx] = 0.5
    return np.log(p, out=p)


def _pce_block(a_: int, m_: int) -> int:
    """Draws per block of a PCE over M options and A voters: (A, M, M, b) is the largest array."""
    return max(1, _CHALLENGE_BLOCK_ELEMENTS // max(1, a_ * m_ * m_))


def _pce_log_scores(u: F, w: F, option_mask: NDArray[np.bool_] | None = None) -> F:
    """Conditional-PCE log scores sum_j log P(m > j) of options m (M, R).

    u (A, M, R): utility to voter a of option m in draw r; w (A, R): voting weights (Prop
    rule). Options outside `option_mask` (M, R) neither score (-inf) nor count as rivals.
    """
    a_, m_, r_ = u.shape
    out = np.empty((m_, r_))
    block = _pce_block(a_, m_)
    for lo in range(0, r_, block):
        hi = min(r_, lo + block)
        logp = _log_victory(u[:, :, lo:hi], w[:, lo:hi])
        if option_mask is not None:
            logp = np.where(option_mask[None, :, lo:hi], logp, 0.0)  # rivals j outside the mask
        out[:, lo:hi] = logp.sum(axis=1)
    if option_mask is not None:
        out = np.where(option_mask, out, -np.inf)
    return out


def _pce_probabilities(scores: F) -> F:
    """Normalise log scores (M, R) into probabilities over the M options of each draw."""
    top = np.max(scores, axis=0, keepdims=True)
    e = np.exp(scores - top)
    return e / e.sum(axis=0, keepdims=True)


def _risk_attitudes(d: F, cap: F) -> F:
    """R_i (N, R) from a PCE over all N positions with risk-neutral values 1 - d (BigRRange Mid)."""
    p = _pce_probabilities(_pce_log_scores(1.0 - d, cap))
    pmax = p.max(axis=0, keepdims=True)
    pmin = p.min(axis=0, keepdims=True)
    span = pmax - pmin
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (3.0 * p - (pmax + 2.0 * pmin)) / (2.0 * span)
    return np.where(span > 1e-300, r, 0.0)


def _along_actors(x: F, idx: NDArray[np.intp]) -> F:
    """x[..., idx[m, r], r] for x (..., N, R) and idx (M, R): (..., M, R), as
    ``np.take_along_axis(x, idx, axis=-2)`` but through one flat index (cheaper)."""
    n, r = x.shape[-2:]
    flat = idx * r + np.arange(r)
    return np.take(x.reshape(*x.shape[:-2], n * r), flat, axis=-1)


def _round4(x: F) -> F:
    """KTAB rounds bargain coordinates to 4 decimals (half up)."""
    return np.floor(0.5 + x * 10_000.0) / 10_000.0


# ---------------------------------------------------------------- one turn


def _challenges(u0: F, g: F, risk: F, wt: F, sigma: F) -> tuple[NDArray[np.intp], F]:
    """Each actor's best target and its victory probability (h = i).

    u0, g (N, N, R): U^h_ab = u0_ab + R_h g_ab; risk (N, R); wt = sigma * c (N, R).
    Returns target (N, R) (-1 when no challenge pays) and p (N, R).

    The work arrays are (I, J, N, b): initiator, target, third party, draws.
    """
    n, _, d_ = u0.shape
    target = np.full((n, d_), -1, dtype=np.intp)
    prob = np.zeros((n, d_))
    ar = np.arange(n)
    # Block over draws and initiators so that (I, J, N, b) stays small.
    per_draw = n * n * n
    dblock = max(1, _CHALLENGE_BLOCK_ELEMENTS // per_draw)
    iblock = n if per_draw <= _CHALLENGE_BLOCK_ELEMENTS else max(1, _CHALLENGE_BLOCK_ELEMENTS // (n * n))
    # Preallocated (I, J, N, b) work arrays: allocating fresh ones per block costs more
    # than the arithmetic itself.
    shape4 = (iblock, n, n, min(dblock, d_))
    y_buf, a_buf, b_buf = np.empty(shape4), np.empty(shape4), np.empty(shape4)
    # u0_tall[c, a, r] = u0[a, c, r]
    u0_tall = np.ascontiguousarray(u0.transpose(1, 0, 2))
    g_tall = np.ascontiguousarray(g.transpose(1, 0, 2))
    for dlo in range(0, d_, dblock):
        dhi = min(d_, dlo + dblock)
        nb = dhi - dlo
        u0_l, g_l = u0[..., dlo:dhi], g[..., dlo:dhi]
        u0_t, g_t = u0_tall[..., dlo:dhi], g_tall[..., dlo:dhi]
        R, W, S = risk[:, dlo:dhi], wt[:, dlo:dhi], sigma[:, dlo:dhi]
        for ilo in range(0, n, iblock):
            ihi = min(n, ilo + iblock)
            ni = ihi - ilo
            ii = ar[ilo:ihi]
            il = np.arange(ni)
            r_i = R[ilo:ihi]  # (I, b)
            Y, A, B = y_buf[:ni, :, :, :nb], a_buf[:ni, :, :, :nb], b_buf[:ni, :, :, :nb]
            # Y[i, j, n, b] = U^i_{nj};  X[i, n, b] = U^i_{ni}. An actor's utility of its own
            # position is exactly 1 (d_nn = 0, so u0_nn = 1 and g_nn = 0): U^i_nn = 1.
            np.multiply(r_i[:, None, None, :], g_t[None, :, :, :], out=Y)
            np.add(u0_t[None, :, :, :], Y, out=Y)
            X = u0_t[ii] + r_i[:, None, :] * g_t[ii]
            # principals: U^i_ii = U^i_jj = 1
            u_ij = u0_l[ii] + r_i[:, None, :] * g_l[ii]  # U^i_ij (I, J, b)
            u_ji = X  # U^i_ji, indexed [i, j, b]
            c_i = W[ilo:ihi, None, :] * (1.0 - u_ij)
            c_j = W[None, :, :] * (u_ji - 1.0)
            ch_ij0 = MIN_CHALLENGE_COALITION + np.maximum(c_i, 0) + np.maximum(c_j, 0)
            ch_ji0 = MIN_CHALLENGE_COALITION + np.maximum(-c_i, 0) + np.maximum(-c_j, 0)
            # Third parties n (in place: these are the (I, J, N, b) arrays). Order-zero
            # vote v0 = w_n (U_ni - U_nj); little-contest probability
            # pin = (ch_ij0 + max(v0, 0)) / (ch_ij0 + ch_ji0 + |v0|); SemiCommit vote
            # v = w_n [pin (U_nn - U_ni) + (1 - pin)(U_nj - U_nn)]
            #   = w_n [(U_nj - U_nn) + pin (2 U_nn - U_ni - U_nj)].
            w_n = W[None, None, :, :]
            x_b = X[:, None, :, :]
            v0 = np.subtract(x_b, Y, out=A)
            v0 *= w_n
            buf = np.abs(v0, out=B)
            buf += (ch_ij0 + ch_ji0)[:, :, None, :]
            pin = np.maximum(v0, 0.0, out=v0)
            pin += ch_ij0[:, :, None, :]
            pin /= buf
            np.subtract(2.0 - x_b, Y, out=buf)
            buf *= pin
            v = np.subtract(Y, 1.0, out=Y)
            v += buf  # the vote over w_n
            v[il, :, ii] = 0.0  # n == i is a principal
            v[:, ar, ar] = 0.0  # n == j is a principal
            # sums over third parties of the votes and of their positive parts (I, J, b);
            # w_n >= 0, so max(w_n v, 0) = w_n max(v, 0): the weight goes into the sums
            v_sum = np.einsum("ijnb,nb->ijb", v, W)
            v_pos = np.einsum("ijnb,nb->ijb", np.maximum(v, 0.0, out=v), W)
            ch_ij = ch_ij0 + v_pos
            ch_ji = ch_ji0 + (v_pos - v_sum)
            p = ch_ij / (ch_ij + ch_ji)  # (I, J, b)
            # expected gain to i of challenging j (KTAB's UtilChlg - UtilSQ)
            eu_sq = 1.0 + u_ij
            eu_vict = 2.0
            eu_cntst = p * eu_vict + (1.0 - p) * 2.0 * u_ij
            s_j = S[None, :, :]
            gain = (1.0 - s_j) * eu_vict + s_j * eu_cntst - eu_sq
            gain[il, ii] = -np.inf
            j_best = np.argmax(gain, axis=1)  # (I, b) first maximum, as KTAB's strict '<'
            g_best = gain.max(axis=1)  # the value at j_best
            p_best = np.take_along_axis(p, j_best[:, None, :], axis=1)[:, 0]
            ok = g_best > MIN_SIG_GAIN
            target[ilo:ihi, dlo:dhi] = np.where(ok, j_best, -1)
            prob[ilo:ihi, dlo:dhi] = p_best
    return target, prob


def _bargains(pos: F, sal: F, target: NDArray[np.intp], prob: F) -> tuple[F, F]:
    """S2P2 bargain positions (K, N, R) for initiator i (its own side) and its target."""
    t = np.where(target >= 0, target, np.arange(pos.shape[1])[:, None])[None]  # (1, N, R)
    x_i, x_j = pos, _along_actors(pos, t[0])
    s_i, s_j = sal, _along_actors(sal, t[0])
    p = prob[None]
    w_i = (s_i * s_i) * (p * p)
    w_j = (s_j * s_j) * ((1.0 - p) * (1.0 - p))
    den = w_i + MIN_BARGAIN_WEIGHT + w_j
    b_init = _round4(((w_i + MIN_BARGAIN_WEIGHT) * x_i + w_j * x_j) / den)
    b_rcvr = _round4((w_i * x_i + (MIN_BARGAIN_WEIGHT + w_j) * x_j) / den)
    return b_init, b_rcvr


def _resolve(
    pos: F,
    sal2: F,
    den: F,
    u_obj: F,
    risk: F,
    cap: F,
    target: NDArray[np.intp],
    b_init: F,
    b_rcvr: F,
) -> F:
    """Each actor adopts the option its bargain PCE rates most probable; new positions (K, N, R).

    Options: 0 = the status quo, 1 + i = the bargain initiated by i. Actor k's queue holds
    the status quo, its own bargain and the bargains proposed to it, in that order of
    codes (initiators ascending); one PCE (weights c, every actor voting) per queue.
    """
    _, n, d_ = pos.shape
    has = target >= 0
    # state utility of each option to each voter a: the mean utility of all N positions
    # after the two principals move
    total = u_obj.sum(axis=1)  # (A, R)
    f_init = _utility(_distance(pos, sal2, den, b_init), risk[:, None, :])  # (A, I, R)
    # The two sides of a bargain differ only by the 1e-6 weight, which the rounding to
    # four decimals almost always absorbs (about 3% differ on the built-in case): the
    # receiver's side is valued anew only where it differs (the same operations on the
    # same numbers, so the same values as valuing every bargain).
    f_rcvr = f_init.copy()
    ii, rr = np.nonzero(np.any(b_rcvr != b_init, axis=0))
    if ii.size:
        # each differing (bargain, draw) pair as a draw of its own: (A, 1, pairs)
        d_sub = _distance(pos[:, :, rr], sal2[:, :, rr], den[:, rr], b_rcvr[:, None, ii, rr])
        f_rcvr[:, ii, rr] = _utility(d_sub, risk[:, None, rr])[:, 0, :]
    t_safe = np.where(has, target, np.arange(n)[:, None])
    u_at_rcvr = _along_actors(u_obj, t_safe)  # U[a, t_i]
    u_opt = np.empty((n, n + 1, d_))  # (A, 1 + I, R)
    u_opt[:, 0] = total / n
    u_opt[:, 1:] = (total[:, None, :] - u_obj - u_at_rcvr + f_init + f_rcvr) / n
    # involved[k, i, r]: the bargain initiated by i is in k's queue
    ar = np.arange(n)
    involved = has[None] & ((target[None] == ar[:, None, None]) | (ar[:, None, None] == ar[None, :, None]))
    choose = _choose_shared if n <= _SHARED_QUEUE_PCE_UP_TO else _choose_grouped
    chosen = choose(u_opt, cap, involved)  # (K, R) option code, 0 = status quo
    i = np.maximum(chosen - 1, 0)[None]  # initiator of the chosen bargain
    side = np.where(i == ar[None, :, None], _along_actors(b_init, i[0]), _along_actors(b_rcvr, i[0]))
    return np.where(chosen[None] > 0, side, pos)


def _choose_shared(u_opt: F, cap: F, involved: NDArray[np.bool_]) -> NDArray[np.intp]:
    """The option each queue's PCE rates most probable (K, R), from one PCE matrix per draw.

    The victory probability of one option over another does not depend on the queue, so
    it is computed once for all N + 1 options and each queue sums over its own members:
    O(N^3) per draw, but few array operations (small N).
    """
    n, m_, d_ = u_opt.shape
    member = np.ones((n, m_, d_))
    member[:, 1:] = involved
    best = np.empty((n, d_), dtype=np.intp)
    block = _pce_block(n, m_)
    for lo in range(0, d_, block):
        hi = min(d_, lo + block)
        logp = _log_victory(u_opt[:, :, lo:hi], cap[:, lo:hi])
        # sum over the rivals j in each queue (a 0/1 weight; einsum builds no (K, M, M, b) array)
        scores = np.einsum("kjb,mjb->kmb", member[:, :, lo:hi], logp)
        # argmax: the first most probable option, so the status quo wins a tie, then the
        # lowest initiator (in the canonical order of actors)
        best[:, lo:hi] = np.argmax(np.where(member[:, :, lo:hi] > 0, scores, -np.inf), axis=1)
    return best


def _choose_grouped(u_opt: F, cap: F, involved: NDArray[np.bool_]) -> NDArray[np.intp]:
    """The option each queue's PCE rates most probable (K, R), queue by queue.

    Queues are grouped by length, so that no PCE is padded: O(N m^2) per queue of m
    options, far less than a PCE over all N + 1 options once N is large.
    """
    n, _, d_ = u_opt.shape
    best = np.zeros((n, d_), dtype=np.intp)
    length = 1 + involved.sum(axis=1)  # options in each queue (K, R)
    # Queues holding only the status quo keep it (code 0).
    for m in np.unique(length[length > 1]):
        kk_all, dd_all = np.nonzero(length == m)
        block = _pce_block(n, m)
        for lo in range(0, kk_all.size, block):
            kk, dd = kk_all[lo : lo + block], dd_all[lo : lo + block]
            # option codes (rows, m): the status quo, then 1 + initiators in index order
            codes = np.zeros((kk.size, m), dtype=np.intp)
            codes[:, 1:] = 1 + np.nonzero(involved[kk, :, dd])[1].reshape(kk.size, m - 1)
            # argmax: the first most probable option (as in `_choose_shared`)
            top = np.argmax(_pce_log_scores(u_opt[:, codes.T, dd], cap[:, dd]), axis=0)
            best[kk, dd] = codes[np.arange(kk.size), top]
    return best


def _distinct_positions(pos: F, cap: F) -> tuple[NDArray[np.intp], NDArray[np.bool_], F]:
    """Group (nearly) equal positions into distinct positions.

    Actors are scanned in lexicographic order of their positions; an actor joins the
    first group whose leader lies within `POSITION_TOLERANCE` (Euclidean, on [0, 1]),
    else it leads a new group. Each group is represented by the position of its most
    capable member (ties: the first in scan order). Returns, per draw, each actor's group
    leader (D, N), the mask of leaders (D, N) and the representative position of each
    group, stored at its leader (D, N, K). Scanning by position rather than by actor
    index keeps the result independent of the order in which actors are listed.
    """
    d_, n, _ = pos.shape
    keys = np.moveaxis(pos[:, :, ::-1], 2, 0)  # lexsort: the last key (dimension 0) is primary
    order = np.lexsort(keys, axis=-1)  # (D, N) actor at each scan slot
    d_idx = np.arange(d_)[:, None]
    ps = pos[d_idx, order]
    gap = np.linalg.norm(ps[:, :, None, :] - ps[:, None, :, :], axis=3)
    same = gap < POSITION_TOLERANCE
    lead_s = np.tile(np.arange(n), (d_, 1))  # leader of each scan slot, as a scan slot
    is_lead_s = np.zeros((d_, n), dtype=bool)
    is_lead_s[:, 0] = True
    for i in range(1, n):
        cand = is_lead_s[:, :i] & same[:, i, :i]
        has = cand.any(axis=1)
        lead_s[has, i] = np.argmax(cand[has], axis=1)
        is_lead_s[~has, i] = True
    leader = np.empty((d_, n), dtype=np.intp)  # back to actor indices
    leader[d_idx, order] = order[d_idx, lead_s]
    is_leader = leader == np.arange(n)[None, :]
    rank = np.empty((d_, n), dtype=np.intp)
    rank[d_idx, order] = np.arange(n)[None, :]
    member = leader[:, None, :] == np.arange(n)[None, :, None]  # (D, leader, actor)
    cap_m = np.where(member, cap[:, None, :], -np.inf)
    top = member & (cap_m == cap_m.max(axis=2, keepdims=True))
    rep = np.argmin(np.where(top, rank[:, None, :], n), axis=2)  # (D, leader) actor
    return leader, is_leader, pos[d_idx, rep]


def _final_pce(pos: F, sal2: F, den: F, cap: F) -> tuple[F, F, F]:
    """Probabilities of the distinct final positions, the weighted outcome, the mode.

    Inputs in the turn loop's layout (draws last); outputs draw-first: forecast and mode
    (D, K), each actor's position probability (D, N). Risk attitudes come from a PCE
    over all N positions (as in KTAB); the final PCE runs over the distinct positions.
    """
    risk = _risk_attitudes(_distance(pos, sal2, den, pos), cap)
    pos_d = np.ascontiguousarray(pos.transpose(2, 1, 0))  # (D, N, K)
    leader, is_leader, rep = _distinct_positions(pos_d, np.ascontiguousarray(cap.T))
    u = _utility(_distance(pos, sal2, den, rep.transpose(2, 1, 0)), risk[:, None, :])  # (A, group, D)
    p = _pce_probabilities(_pce_log_scores(u, cap, is_leader.T)).T  # (D, group), zero off the leaders
    forecast = np.einsum("dn,dnk->dk", p, rep)
    mode = rep[np.arange(pos_d.shape[0]), np.argmax(p, axis=1)]
    per_actor = np.take_along_axis(p, leader, axis=1)  # probability of each actor's position
    return forecast, mode, per_actor


# ---------------------------------------------------------------- the turn loop


def canonical_order(positions: F, salience: F, capability: F) -> NDArray[np.intp]:
    """Per draw, the actors sorted by their inputs: position (dimension 0 first), then
    salience, then capability (D, N).

    The SMP breaks ties (equal gains, equally probable options) by taking the first in
    order, and sums over actors in order; running it on this order makes both depend on
    the actors' inputs only, never on how they are listed. Actors with identical inputs
    are interchangeable, so their relative order cannot change the result.
    """
    pos = np.asarray(positions, dtype=float)
    sal = np.asarray(salience, dtype=float)
    cap = np.asarray(capability, dtype=float)
    # np.lexsort sorts by its last key first: the keys go in reverse order of priority.
    keys = [cap, *np.moveaxis(sal, 2, 0)[::-1], *np.moveaxis(pos, 2, 0)[::-1]]
    return np.lexsort(np.stack(keys), axis=-1)


def run_smp(
    positions: F,
    salience: F,
    capability: F,
    *,
    max_turns: int = 100,
    min_turns: int = 2,
    stop_ratio: float = 0.02,
    engine: str = "numpy",
) -> SMPResult:
    """Run the SMP on a batch of draws; positions (D, N, K) already on [0, 1].

    Parameters
    ----------
    positions, salience
        (D, N, K); positions in [0, 1], saliences in [0, 1].
    capability
        (D, N), non-negative.
    max_turns, min_turns, stop_ratio
        KTAB's stop rule: stop after `max_turns`, or from turn `min_turns` on when a
        turn moves the actors less than `stop_ratio` times the first turn.
    engine
        "numpy" (the reference) or "numba" (the compiled turn loop of `_smp_kernel`,
        the `fast` extra; the final PCE stays in NumPy).
    """
    # Work on the actors in canonical order (see `canonical_order`), so that every tie
    # and every sum over actors comes out the same however the actors are listed.
    order = canonical_order(positions, salience, capability)
    d_all = np.arange(order.shape[0])[:, None]
    pos = np.array(np.asarray(positions, dtype=float)[d_all, order])
    sal = np.asarray(salience, dtype=float)[d_all, order]
    cap = np.asarray(capability, dtype=float)[d_all, order]
    d_, n, k_ = pos.shape
    # the turn loop's layout: draws last (K, N, D) and (N, D)
    pos_t = np.ascontiguousarray(pos.transpose(2, 1, 0))
    sal_t = np.ascontiguousarray(sal.transpose(2, 1, 0))
    sal2 = sal_t * sal_t
    den = sal2.sum(axis=0)
    sigma = np.minimum(1.0, sal_t.sum(axis=0))
    cap_t = np.ascontiguousarray(cap.T)
    wt = sigma * cap_t

    if engine == "numba":
        from detente.bargaining.models import _smp_kernel

        traj = np.empty((max_turns + 1, n, k_))
        turns, converged = _smp_kernel.run_turns(pos, np.ascontiguousarray(sal), np.ascontiguousarray(cap), max_turns, min_turns, stop_ratio, traj, True)
        pos_t = np.ascontiguousarray(pos.transpose(2, 1, 0))
        trajectory = list(traj[: turns[0] + 1])
    else:
        pos_t, turns, converged, trajectory = _turn_loop(pos_t, sal_t, sal2, den, sigma, cap_t, wt, max_turns, min_turns, stop_ratio)
    forecast, mode, per_actor = _final_pce(pos_t, sal2, den, cap_t)
    pos = pos_t.transpose(2, 1, 0)
    # back to the caller's order of actors
    final = np.empty_like(pos)
    final[d_all, order] = pos
    probability = np.empty_like(per_actor)
    probability[d_all, order] = per_actor
    path = np.stack(trajectory)
    path[:, order[0]] = path.copy()
    return SMPResult(
        forecast=forecast,
        most_probable=mode,
        final_positions=final,
        turns=turns,
        converged=converged,
        trajectory=path,
        position_probability=probability,
    )


def _turn_loop(
    pos_t: F, sal_t: F, sal2: F, den: F, sigma: F, cap_t: F, wt: F, max_turns: int, min_turns: int, stop_ratio: float
) -> tuple[F, NDArray[np.int64], NDArray[np.bool_], list[F]]:
    """The turns of every draw, all draws together (the reference engine); draws-last layout.

    Returns the final positions (K, N, D), turns (D,), converged (D,) and draw 0's
    positions per state (T+1 arrays (N, K)).
    """
    d_ = pos_t.shape[2]
    turns = np.zeros(d_, dtype=np.int64)
    converged = np.zeros(d_, dtype=bool)
    active = np.ones(d_, dtype=bool)
    first_change = np.zeros(d_)
    trajectory = [pos_t[:, :, 0].T.copy()]
    for turn in range(1, max_turns + 1):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        if idx.size == d_:
            p0, sl, s2, dn, cp, w, sg = pos_t, sal_t, sal2, den, cap_t, wt, sigma
        else:
            p0, sl, s2 = pos_t[:, :, idx], sal_t[:, :, idx], sal2[:, :, idx]
            dn, cp, w, sg = den[:, idx], cap_t[:, idx], wt[:, idx], sigma[:, idx]
        dist = _distance(p0, s2, dn, p0)
        risk = _risk_attitudes(dist, cp)
        r_a = risk[:, None, :]  # the risk attitude of the actor in a pair's first place
        u0 = (1.0 - dist) * (1.0 + dist * r_a / 3.0)  # U^h = u0 + R_h g
        g = (2.0 / 3.0) * dist * (1.0 - dist)
        u_obj = _utility(dist, r_a)
        target, prob = _challenges(u0, g, risk, w, sg)
        b_init, b_rcvr = _bargains(p0, sl, target, prob)
        p1 = _resolve(p0, s2, dn, u_obj, risk, cp, target, b_init, b_rcvr)
        change = np.linalg.norm(p1 - p0, axis=0).sum(axis=0)
        pos_t[:, :, idx] = p1
        turns[idx] = turn
        if active[0]:
            trajectory.append(pos_t[:, :, 0].T.copy())
        if turn == 1:
            first_change[idx] = change + MIN_SIG_DELTA
            continue
        quiet = change / first_change[idx] < stop_ratio
        if turn >= min_turns:
            converged[idx[quiet]] = True
            active[idx[quiet]] = False
    return pos_t, turns, converged, trajectory


def _engine_for(engine: str, draws: int, n: int) -> str:
    """The engine `smp` runs in this process for `engine` on `draws` distinct draws of `n` actors: "numpy" or "numba".

    "auto" takes numba when it is installed and the batch has at least
    `_NUMBA_FROM_WORK` draw x actor^3 units: a fresh process pays about 0.5 CPU s to
    import numba and load the cached kernel, which the kernel's 3x (measured:
    benchmarks/montecarlo.py) repays from about that size on; below, NumPy. The choice
    depends on the call only, never on what ran before, so the same call always runs
    the same engine. (A kernel process prestarted by the caller, `_smp_worker`, takes
    every "auto" and "numba" batch before this rule is asked: there numba's load ran
    beside the caller's start-up and is not the call's cost.)
    """
    return compiled_engine(engine, draws * n**3 < _NUMBA_FROM_WORK, "the compiled SMP kernel (engine='numba')")


def warm_kernel() -> None:
    """Import numba and load the compiled kernel from its cache (one tiny run), so that
    the next call pays no start-up: what `_smp_worker` does while the caller starts up."""
    rng = np.random.default_rng(0)
    run_smp(rng.uniform(size=(2, 3, 2)), rng.uniform(size=(2, 3, 2)), rng.uniform(1, 2, size=(2, 3)), engine="numba")


def _run_threaded(pos: F, sal: F, cap: F, threads: int, **rules: Any) -> SMPResult:
    """`run_smp` on contiguous blocks of draws, one block per thread; the same numbers as one call.

    Draws never interact (every array op is elementwise along the draw axis, every sum
    runs over actors), and NumPy releases the GIL inside its loops, so blocks of a few
    hundred draws or more run side by side on the cores. Draw 0's block gives the trajectory.
    """
    d_ = pos.shape[0]
    blocks = min(threads, d_ // _MIN_THREAD_DRAWS)
    if blocks < 2:
        return run_smp(pos, sal, cap, **rules)
    from concurrent.futures import ThreadPoolExecutor

    cuts = np.linspace(0, d_, blocks + 1).astype(int)
    parts = [slice(lo, hi) for lo, hi in zip(cuts[:-1], cuts[1:])]
    with ThreadPoolExecutor(max_workers=blocks) as pool:
        done = list(pool.map(lambda sl: run_smp(pos[sl], sal[sl], cap[sl], **rules), parts))
    joined = {
        f.name: np.concatenate([getattr(r, f.name) for r in done], axis=0)
        for f in dataclasses.fields(SMPResult)
        if f.name != "trajectory"
    }
    return SMPResult(trajectory=done[0].trajectory, **joined)


# What a prestarted kernel process runs. Looked up when called, so the child runs the
# functions as they are in this module at the fork.
_smp_worker.use_kernel(lambda: warm_kernel(), lambda *batch, **rules: _run_threaded(*batch, **rules))


@register_model("smp")
def smp(
    inputs: ModelInput,
    *,
    max_turns: int = 100,
    stop_ratio: float = 0.02,
    threads: int = 0,
    engine: Engine = "auto",
    **_: Any,
) -> ModelOutput:
    """KTAB's Spatial Model of Politics with KTAB's default settings (see module doc).

    Parameters
    ----------
    inputs
        Positions (D, N, K) on ``inputs.scale``, saliences in [0, 1], capabilities.
        All K issues are bargained jointly; ``status_quo`` is not used.
    max_turns
        Upper bound on turns (KTAB: 100).
    stop_ratio
        Stop when a turn's total movement is below this fraction of the first turn's
        (KTAB: 0.02).
    threads
        Threads that share out blocks of draws (0: one per CPU; 1: none). Blocks of
        fewer than 256 draws are not split. The numbers do not depend on it.
    engine
        "numpy" (the reference), "numba" (the compiled turn loop, `_smp_kernel`; the
        `fast` extra) or "auto": numba when it is installed and the batch is large
        enough to repay its start-up (`_engine_for`), else NumPy; "auto" and "numba"
        batches go to a prestarted kernel process when there is one (`_smp_worker`).
        Both engines give the same numbers (tests pin them to 1e-9).

    Returns
    -------
    ModelOutput
        ``outcome`` (D, K): probability-weighted final positions on the input scale;
        ``rounds`` (D,) turns taken; ``converged`` (D,) stopped by the change rule;
        ``trajectory`` (T+1, N, K) positions per state for draw 0; ``extra`` holds
        ``most_probable`` (D, K), ``final_positions`` (D, N, K) and
        ``position_probability`` (D, N), the final PCE probability of each actor's
        position.
    """
    batch = _prepare(inputs, max_turns, stop_ratio, threads, engine)
    res = None
    if _uses_worker(engine):
        # the compiled kernel, loaded in a second process beside the caller's start-up
        # (the batch may have been handed over already by `submit`: this collects it)
        res = _smp_worker.run(batch.pos, batch.sal, batch.cap, batch.threads, {**batch.rules, "engine": "numba"})
        used = "numba (kernel process)"
    if res is None:  # no kernel process, or it could not serve: this process, by the call's own rule
        used = _engine_for(engine, batch.pos.shape[0], batch.pos.shape[1])
        res = _run_threaded(batch.pos, batch.sal, batch.cap, batch.threads, engine=used, **batch.rules)
    lo, hi = inputs.scale
    scale = hi - lo
    back = batch.back
    return ModelOutput(
        outcome=lo + scale * res.forecast[back],
        rounds=res.turns[back],
        converged=res.converged[back],
        trajectory=lo + scale * res.trajectory,
        extra={
            "most_probable": lo + scale * res.most_probable[back],
            "final_positions": lo + scale * res.final_positions[back],
            "position_probability": res.position_probability[back],
            "engine": used,
        },
    )


@register_submitter("smp")
def submit(inputs: ModelInput, *, max_turns: int = 100, stop_ratio: float = 0.02, threads: int = 0, engine: Engine = "auto", **_: Any) -> bool:
    """Hand the batch that ``smp(inputs, ...)`` will run to the prestarted kernel process
    now, without waiting for it (`_smp_worker.submit`); the `smp` call with the same
    inputs and parameters later collects the result. True if it was handed over.

    Nothing else changes: the same call runs the same engine on the same arrays, so the
    numbers are those of `smp` alone. Inputs `smp` would refuse are not handed over (the
    call itself raises the error); without a kernel process this does nothing.
    """
    if not _uses_worker(engine):
        return False
    try:
        batch = _prepare(inputs, max_turns, stop_ratio, threads, engine)
    except ModelError:
        return False
    return _smp_worker.submit(batch.pos, batch.sal, batch.cap, batch.threads, {**batch.rules, "engine": "numba"})


def _uses_worker(engine: str) -> bool:
    """The one rule for the kernel process: every "auto" or "numba" batch goes to it while it runs."""
    return engine != "numpy" and _smp_worker.running()


@dataclass(frozen=True)
class _Batch:
    """What `smp` runs: the distinct draws (first occurrences in order) on [0, 1], and how to map back."""

    pos: F  # (R, N, K)
    sal: F
    cap: F  # (R, N)
    back: NDArray[np.intp]  # (D,) row of each draw in the batch
    threads: int
    rules: dict[str, Any]


def _prepare(inputs: ModelInput, max_turns: int, stop_ratio: float, threads: int, engine: str) -> _Batch:
    """Check the parameters and inputs (ModelError naming the fix) and build the batch `smp` runs."""
    lo, hi = inputs.scale
    if not hi > lo:
        raise ModelError(f"the issue scale must have max > min; got {inputs.scale}")
    if max_turns < 1:
        raise ModelError(f"max_turns must be at least 1; got {max_turns}", hint="use the KTAB default, 100")
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise ModelError(f"threads must be a whole number >= 0; got {threads}", hint="use 0 (one per CPU) or 1")
    if engine not in ("auto", "numpy", "numba"):
        raise ModelError(f"unknown engine '{engine}'", hint="use 'auto', 'numpy' or 'numba'")
    pos = (np.asarray(inputs.positions, dtype=float) - lo) / (hi - lo)
    sal = np.asarray(inputs.salience, dtype=float)
    cap = np.asarray(inputs.capability, dtype=float)
    if np.any(~np.isfinite(pos)) or np.any(~np.isfinite(sal)) or np.any(~np.isfinite(cap)):
        raise ModelError("SMP inputs must be finite numbers", hint="check the scenario for missing values")
    if np.any(pos < -1e-9) or np.any(pos > 1 + 1e-9):
        raise ModelError(
            f"positions must lie on the issue scale {inputs.scale}", hint="clip or rescale positions to the scale"
        )
    if np.any(sal < 0) or np.any(sal > 1):
        raise ModelError("saliences must lie in [0, 1]", hint="divide 0-100 saliences by 100")
    if np.any(cap < 0):
        raise ModelError("capabilities must be non-negative", hint="use 0 for an actor without clout")
    pos = np.clip(pos, 0.0, 1.0)
    # The SMP is deterministic: identical draws (point-valued inputs, e.g. a KTAB file)
    # are run once and copied. `reps` keeps first occurrences in order, so draw 0 leads.
    d_ = pos.shape[0]
    key = np.concatenate([pos.reshape(d_, -1), sal.reshape(d_, -1), cap], axis=1)
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    order = np.argsort(first)
    reps = first[order]
    back = np.argsort(order)[np.asarray(inverse).reshape(-1)]
    rules: dict[str, Any] = {"max_turns": max_turns, "stop_ratio": stop_ratio}
    return _Batch(pos[reps], sal[reps], cap[reps], back, threads or os.cpu_count() or 1, rules)
