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

Per round and row, O(N^2) (the insertion sort too, at worst; it does about O(N) work
once positions settle):

* P_ij (eq. 31) as (sum_k w_k a_k + sum_k w_k |a_k|) / (2 sum_k w_k |a_k|); the first
  sum is pull_j - pull_i with pull_l = sum_k w_k |x_k - x_l|, the second (the vote
  spread); both come from prefix sums over the sorted positions, the spread with the
  midpoint's slot found by a pointer that only moves forward (as
  `expected_utility._vote_spread_sorted` does with a binary search). Their rounding
  differs from the direct sums by about 1e-16 of the weights times the scale; it can
  matter only between actors closer than 1e-9 R, which never trade offers (and P = 1/2
  exactly where positions are equal);
* the two risk passes and the utilities: log(1/2 -+ h) once per unordered pair (h is
  symmetric), then a^r_i = exp(r_i log a) for both bases of every ordered pair;
* the offer classes and the choice among them, actor by actor, with the NumPy path's
  rules and tolerances (`expected_utility._classify`, `_best_offers`);
* the weighted median (direct O(N^2) sum, in the NumPy path's order) and the
  convergence rule.

Profile and what followed from it (benchmarks/eu_draws.py, "Where the compiled
kernel's time goes"; CPU time per pair-round on the shared 2-core benchmark machine).
The first version of this kernel spent 48 ns a pair-round at 80 actors: 22 in its
logs and exps, each a scalar call into libm (numba's `math.log`/`math.exp`; about 9-10
ns each here, against 1.5-2 for NumPy's vectorised ones), 7 in eq. 31, 19 in the rest.
numba's SVML (Intel's vectorised maths) is not available: the llvmlite wheels are built
without it (`llvmlite.binding.targets.has_svml()` is False even with
`intel-cmplr-lib-rt` installed). So `_log_into` and `_exp_into` write log and exp as
polynomials that LLVM vectorises (within 2 ulp of NumPy's, tested), the logs are taken
once per unordered pair, and the offers are decided in branch-free passes; the
fast-math flags that allow this are confined to those two functions and cannot change
their results beyond their tests' bounds. A second profile, on the states of real runs
replayed (a fixed state repeated hides mispredicted branches), found the offers' min
and max reductions running as chains of dependent compares (about 0.55 ns an element;
LLVM does not vectorise a floating-point min by itself): `_least` and `_most` keep
eight lanes, the offers take the confrontations in one pass and skip the credibility
passes when one candidate makes the least move (offers 4.8 -> 1.2 ns a pair-round at
80 actors); Sec's two sums run in eight lanes too. The round works on the actors in
order of position. A third profile, at 10 actors (perf on the whole run, where the
per-round costs weigh most: 100 pairs a round), found 13-18% of the time in numba's
reference counting, two locked adds (`NRT_incref`/`NRT_decref`) on every array passed
to a stage, taken out of the scratch tuple or sliced, every round; the sort, eq. 31's
prefix sums and the eight-lane reductions cost little there (the sort 0.3-0.6 ns a
pair-round). So `run_rows` hands the round views that carry no reference count
(`_borrowed`; the owners live in `run_rows`), and copies a row's inputs once a row:
the counts fell to about 1% of the run, and 10 actors x 10,000 draws to about 0.8 of
the time; (1/2)^r joined the vectorised exps (a libm `pow` per actor before). Tried
there and not kept: every ordered pair's logs for few actors (no triangle; within
1%). A fourth profile at 10 actors (each section of the round run five times over, on
real rows: ns a pair-round) found the calls themselves costly: `run_rows` called `_round`
and `_round` its stages once a round, each call passing its arrays field by field (25 of them
to `_round`) and checking a status on return; inlined, 10 actors x 10,000 draws took
about 0.88 of the time (80 actors: unchanged). Packing and unpacking the triangle of
logs then cost about as much as the logs (1.8 ns each against 1.8): below
`FULL_LOGS_BELOW` actors the round takes every ordered pair's logs in flat passes
(about 2% at 10 actors; slower at 20, hence the bound). Tried and not kept: one
division a pair in eq. 31 (a reciprocal; 1%), the one tied offer's move as a running
sum instead of a second minimum (4% slower: a chain of dependent adds). What remains (about 16 ns a pair-round at 80 actors, of which eq. 31 about 5,
its midpoint pointer's unpredictable branches half of that; logs, exps and unpacking
about 6; about 24 at 10 actors) is listed in the benchmark page with what was tried.

Written to the same arithmetic as the NumPy path, operation by operation where it
decides a comparison (sums in the same order, the same tolerances), so that exact ties
on coarse scales fall the same way.
"""

from __future__ import annotations

import numba
import numpy as np
from numba.core import types
from numba.extending import intrinsic

#: Mirrors of `expected_utility`'s constants (the NumPy path is the reference).
SAME = 1e-9
EU_TOL = 1e-9
FLOOR = 1e-300
NONE = 1e300
#: Codes for the rules (numba takes numbers more readily than strings).
CONFRONTATION = {"expected": 0, "loser": 1, "none": 2}
CHOICE = {"credible": 0, "nearest": 1}
#: For the vectorisable log and exp (`_log_into`, `_exp_into`): ln 2 in two parts (the
#: first with trailing zero bits, so that k ln2_hi is exact), 1.5 x 2^52 and its bits.
LN2_HI = 6.93147180369123816490e-01
LN2_LO = 1.90821492927058770002e-10
LOG2E = 1.4426950408889634
SQRT2 = 1.4142135623730951
LOG_HALF = -0.6931471805599453  # log(1/2), as NumPy's
SHIFT = 6755399441055744.0
SHIFT_BITS = 0x4338000000000000
#: Below this many actors the round takes the logs of every ordered pair (`_round`).
FULL_LOGS_BELOW = 16

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}
#: For the small helpers called once per actor (or row) inside a round, and for the
#: stages of a round (`_round` itself, the sort, eq. 31, the offers, the median): inlined
#: into the caller by numba, since a call passes every array as its seven fields
#: (pointer, shape, strides, ...) and checks a status on return, which at 10 actors cost
#: more than a helper's own work (inlining the stages: 10 actors x 10,000 draws about
#: 1.13x; 80 actors unchanged). Not `_log_into` and `_exp_into`: inlined, they lose their
#: own fast-math flag and LLVM vectorises them less well (measured slower).
_JIT_INLINE = {**_JIT, "inline": "always"}
#: For `_log_into` and `_exp_into` only: their polynomials may fuse a multiply and an add
#: into one FMA (one rounding instead of two; their tests bound the result to NumPy's
#: within 2 ulp). No other fast-math flag: NaN and infinity keep their meaning.
_JIT_POLY = {**_JIT, "fastmath": {"contract"}}


@numba.njit(**_JIT_INLINE)
def _sort_row(x, order):  # type: ignore[no-untyped-def]
    """Sort `order` (a permutation of the actors on entry) by x, ties in the order they had.

    On entry `order` holds the last round's order: positions move little from round to
    round, so the insertion sort has little to do (O(N) once they settle).
    """
    n = x.shape[0]
    for a in range(1, n):
        cur = order[a]
        key = x[cur]
        c = a - 1
        while c >= 0 and x[order[c]] > key:
            order[c + 1] = order[c]
            c -= 1
        order[c + 1] = cur


@numba.njit(**_JIT_INLINE)
def _win_sorted(x, w, p, pull, xs, cw, cwx):  # type: ignore[no-untyped-def]
    """P for one row with the actors in order of position (x sorted, w alike) into p (N, N);
    pull, xs: scratch of length N, cw, cwx: N + 1 (prefix sums over the sorted actors).

    Per pair (lo, hi) of slots, the vote spread from four prefix-sum differences, with the
    slot c of the pair's midpoint found by a pointer that only moves forward along a row
    (xs is sorted, so it stops by hi). In this order both halves of p are written row by
    row (p[a, bb] contiguous, its mirror p[bb, a] a column). Tried and slower on the
    states of real runs: every row in full (both halves, no mirror) with the spread in
    one vectorised pass, the slots from two walks or from a table of buckets (positions
    cluster as rounds go on, so buckets fill unevenly); the walk's unpredictable loop
    exits stay the largest cost of eq. 31 (about 2.5 ns a pair at 80 actors).
    """
    n = x.shape[0]
    base = x[0]
    cw[0] = 0.0
    cwx[0] = 0.0
    for a in range(n):
        xs[a] = x[a] - base
        cw[a + 1] = cw[a] + w[a]
        cwx[a + 1] = cwx[a] + w[a] * xs[a]
    total = cw[n]
    # pull_l = sum_k w_k |x_k - x_l| from the prefix sums: O(N) after the sort.
    for a in range(n):
        below = xs[a] * cw[a] - cwx[a]
        above = (cwx[n] - cwx[a]) - xs[a] * (total - cw[a])
        pull[a] = below + above
    for a in range(n):
        p[a, a] = 0.5
        c = a
        xa = x[a]
        for bb in range(a + 1, n):
            d = abs(x[bb] - xa)  # as the NumPy path's |x_j - x_i|
            if d == 0.0:  # equal positions: P = 1/2 exactly, as in the NumPy path
                p[a, bb] = 0.5
                p[bb, a] = 0.5
                continue
            both = xs[a] + xs[bb]
            while c < bb and 2.0 * xs[c] < both:
                c += 1
            spread = (
                d * (cw[a] + total - cw[bb])
                + both * (2.0 * cw[c] - cw[a] - cw[bb])
                + 2.0 * (cwx[bb] + cwx[a] - 2.0 * cwx[c])
            )
            spread = spread if spread > 0.0 else 0.0
            num = pull[bb] - pull[a]
            spread = spread if spread >= abs(num) else abs(num)
            spread = spread if spread >= FLOOR else FLOOR
            p[a, bb] = (num + spread) / (spread + spread)
            p[bb, a] = ((pull[a] - pull[bb]) + spread) / (spread + spread)


@numba.njit(**_JIT)
def win_probability_rows(x, w, out):  # type: ignore[no-untyped-def]
    """P_ij for every row: x, w (N, B) -> out (N, N, B) (the layout of the NumPy path)."""
    n, b = x.shape
    p = np.empty((n, n))
    pull, xs, xo, wo = np.empty(n), np.empty(n), np.empty(n), np.empty(n)
    xr = np.empty(n)
    order = np.arange(n)
    cw, cwx = np.empty(n + 1), np.empty(n + 1)
    for r in range(b):
        for k in range(n):
            xr[k] = x[k, r]
        _sort_row(xr, order)
        for a in range(n):
            xo[a] = x[order[a], r]
            wo[a] = w[order[a], r]
        _win_sorted(xo, wo, p, pull, xs, cw, cwx)
        for a in range(n):
            for bb in range(n):
                out[order[a], order[bb], r] = p[a, bb]
    return out


@numba.njit(**_JIT_INLINE)
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


@numba.njit(**_JIT_POLY)
def _log_into(a, out, e):  # type: ignore[no-untyped-def]
    """out = log(a) elementwise (1-D, contiguous, a not out; e: scratch of a's size).

    Written so that LLVM vectorises it (numba's math.log is a scalar libm call, about 9 ns;
    this about 1-2 ns on AVX2): a = m 2^k from the bits, m in [sqrt(1/2), sqrt(2)), and
    log m = 2 atanh(s), s = (m - 1)/(m + 1), as its series to s^19 (|s| <= 0.172, so the
    first term left out is below 3e-17 of the sum). Within 2 ulp of NumPy's log (tests);
    log 0 = -inf and log of a negative number or NaN is NaN, as in NumPy. Normal a only
    (the bases here, 1/2 -+ h, are 0 or at least 2^-54).
    """
    n = a.shape[0]
    bits = a.view(np.int64)
    mant = out.view(np.int64)
    for i in range(n):
        b = bits[i]
        e[i] = ((b >> 52) & 0x7FF) - 1023
        mant[i] = (b & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000  # m in [1, 2)
    for i in range(n):
        m = out[i]
        big = m > SQRT2
        m = 0.5 * m if big else m
        k = e[i] + 1.0 if big else e[i]
        s = (m - 1.0) / (m + 1.0)
        z = s * s
        c = 1.0 / 19.0
        c = c * z + 1.0 / 17.0
        c = c * z + 1.0 / 15.0
        c = c * z + 1.0 / 13.0
        c = c * z + 1.0 / 11.0
        c = c * z + 1.0 / 9.0
        c = c * z + 1.0 / 7.0
        c = c * z + 1.0 / 5.0
        c = c * z + 1.0 / 3.0
        v = k * LN2_HI + (((s + s) + (s + s) * (z * c)) + k * LN2_LO)
        ai = a[i]
        out[i] = v if ai > 0.0 else (-np.inf if ai == 0.0 else np.nan)


@numba.njit(**_JIT_POLY)
def _exp_into(y, out, bits):  # type: ignore[no-untyped-def]
    """out = exp(y) elementwise (1-D, contiguous, y not out; bits: int64 scratch of y's size).

    Vectorisable like `_log_into`: y = k ln 2 + f with |f| <= ln 2 / 2 (k found by the
    1.5 2^52 shift, ln 2 in two parts), exp f as its Taylor polynomial to f^13 (the
    first term left out is below 5e-18), times 2^k built in the exponent bits. Within
    1 ulp of NumPy's exp (tests). Below -708 it gives 0 (here y < -708 only for
    r log 0 = -inf: the bases are 0 or at least 2^-54), above 709 exp(709); NaN stays NaN.
    """
    n = y.shape[0]
    scale = bits.view(np.float64)
    for i in range(n):
        v = y[i]
        v = -708.0 if v < -708.0 else v
        v = 709.0 if v > 709.0 else v
        kf = v * LOG2E + SHIFT  # round(v / ln 2) sits in the low bits of kf
        k = kf - SHIFT
        f = (v - k * LN2_HI) - k * LN2_LO
        c = 1.0 / 6227020800.0
        c = c * f + 1.0 / 479001600.0
        c = c * f + 1.0 / 39916800.0
        c = c * f + 1.0 / 3628800.0
        c = c * f + 1.0 / 362880.0
        c = c * f + 1.0 / 40320.0
        c = c * f + 1.0 / 5040.0
        c = c * f + 1.0 / 720.0
        c = c * f + 1.0 / 120.0
        c = c * f + 1.0 / 24.0
        c = c * f + 1.0 / 6.0
        c = c * f + 0.5
        c = c * f + 1.0
        # exp(-inf) = 0 (log 0: two actors the whole scale apart) exactly, as in NumPy;
        # a tiny nonzero instead would make subnormal products, which are slow.
        out[i] = 0.0 if y[i] < -708.0 else c * f + 1.0
        scale[i] = kf
    for i in range(n):
        bits[i] = (bits[i] - SHIFT_BITS + 1023) << 52  # 2^k
    for i in range(n):
        out[i] *= scale[i]


@numba.njit(**_JIT)
def _status_quo_term(reach, tk, ri, q):  # type: ignore[no-untyped-def]
    """(1 - Q)[T U_b + (1 - T) U_w] of eq. 7 for one pair, as the NumPy path writes it."""
    u_b = 2.0 - 4.0 * max(0.5 - 0.25 * reach, 0.0) ** ri
    u_w = 2.0 - 4.0 * (0.5 + 0.25 * reach) ** ri
    return (1.0 - q) * (tk * u_b + (1.0 - tk) * u_w)


@intrinsic
def _borrowed(typingctx, a):  # type: ignore[no-untyped-def]
    """A view of array `a` that holds no reference to it (its meminfo NULL): same data, shape
    and strides. Valid while `a` lives; `run_rows` keeps the owners until it returns.

    Why: numba counts references to an array each time one is passed to a function, taken
    out of a tuple or sliced, with an atomic add and subtract (`NRT_incref`/`NRT_decref`,
    a locked instruction that also drains the store buffer). The round passes its scratch
    arrays to its stages every round, and at 10 actors those counts took 13-18% of the
    kernel's time (perf: the two locked adds were the hottest instructions of the run).
    numba skips the count for a NULL meminfo, as it does for `numba.carray` views.
    """
    if not isinstance(a, types.Array):
        return None

    def codegen(context, builder, signature, args):  # type: ignore[no-untyped-def]
        src = context.make_array(a)(context, builder, value=args[0])
        view = context.make_array(a)(context, builder)
        context.populate_array(
            view, data=src.data, shape=src.shape, strides=src.strides, itemsize=src.itemsize, meminfo=None,
        )
        return view._getvalue()

    return a(a), codegen


@numba.njit(**_JIT)
def _scratch(n):  # type: ignore[no-untyped-def]
    """The scratch arrays of `_round` for n actors (allocated once per block; owners)."""
    nn = n * n
    return (
        np.empty((n, n)), np.empty((n, n)), np.empty((n, n)), np.empty((n, n)),  # p, own, other, dist
        np.empty(2 * nn), np.empty(2 * nn), np.empty(2 * nn + n), np.empty(2 * nn + n), np.empty(2 * nn + n, dtype=np.int64),  # base, packed, logs, powers, bits
        np.empty(n), np.empty(n, dtype=np.int64), np.empty(n), np.empty(n + 1), np.empty(n + 1),  # pull, order, xs, cw, cwx
        np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),  # sec, c0, phi, key, cls
        np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),  # the sorted x, s, w, t, r, new
    )


@numba.njit(**_JIT)
def _borrow_all(sc):  # type: ignore[no-untyped-def]
    """`_scratch`'s arrays as `_borrowed` views, in the same order."""
    return (
        _borrowed(sc[0]), _borrowed(sc[1]), _borrowed(sc[2]), _borrowed(sc[3]),
        _borrowed(sc[4]), _borrowed(sc[5]), _borrowed(sc[6]), _borrowed(sc[7]), _borrowed(sc[8]),
        _borrowed(sc[9]), _borrowed(sc[10]), _borrowed(sc[11]), _borrowed(sc[12]), _borrowed(sc[13]),
        _borrowed(sc[14]), _borrowed(sc[15]), _borrowed(sc[16]), _borrowed(sc[17]), _borrowed(sc[18]),
        _borrowed(sc[19]), _borrowed(sc[20]), _borrowed(sc[21]), _borrowed(sc[22]), _borrowed(sc[23]),
        _borrowed(sc[24]),
    )


@numba.njit(**_JIT_INLINE)
def _security_sums(d, p, i, inv, n):  # type: ignore[no-untyped-def]
    """(sum_j h_j, sum_j h_j p_j) with h_j = d[i, j] inv and p_j = p[i, j], over j < n: Sec_i's
    two sums (row i by index: a row view d[i] would cost a reference count per call).

    In eight lanes (j mod 8), added up at the end: one running sum is a chain of
    dependent additions (about 1.3 ns an element for these two here), eight vectorise.
    The NumPy path adds j = 0, 1, ... in turn; the order changes the sums' rounding only
    (about 1e-16 of them), and Sec enters the model through the risk exponents, which
    are continuous in it (its one comparison, max Sec - min Sec > 1e-9, has a tolerance).
    """
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = 0.0
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = 0.0
    top = n - n % 8
    for j in range(0, top, 8):
        h0 = d[i, j] * inv
        h1 = d[i, j + 1] * inv
        h2 = d[i, j + 2] * inv
        h3 = d[i, j + 3] * inv
        h4 = d[i, j + 4] * inv
        h5 = d[i, j + 5] * inv
        h6 = d[i, j + 6] * inv
        h7 = d[i, j + 7] * inv
        a0 += h0
        a1 += h1
        a2 += h2
        a3 += h3
        a4 += h4
        a5 += h5
        a6 += h6
        a7 += h7
        b0 += h0 * p[i, j]
        b1 += h1 * p[i, j + 1]
        b2 += h2 * p[i, j + 2]
        b3 += h3 * p[i, j + 3]
        b4 += h4 * p[i, j + 4]
        b5 += h5 * p[i, j + 5]
        b6 += h6 * p[i, j + 6]
        b7 += h7 * p[i, j + 7]
    for j in range(top, n):
        h0 = d[i, j] * inv
        a0 += h0
        b0 += h0 * p[i, j]
    return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)), ((b0 + b1) + (b2 + b3)) + ((b4 + b5) + (b6 + b7))


@numba.njit(**_JIT_INLINE)
def _round(x_in, s_in, w_in, mu, span, q, t_in, conf, choice, new, r, sc):  # type: ignore[no-untyped-def]
    """One round of one row: new positions into `new`, risk exponents into `r`; `sc` from `_scratch`.

    The round works on the actors in order of position (x, s, w, t below are the
    inputs sorted by x_in; results go back to the actors' own slots at the end): eq. 31
    needs that order, and in it every pass reads and writes its (N, N) arrays row by row.
    Nothing the model decides depends on the actors' order: the offers are chosen by
    value (least move, most credible proposer, lower position), and the sums in Sec
    are taken in eight lanes anyway (`_security_sums`).
    """
    (p, own, other, dist, base, packed, logs, powers, bits, pull, order, xs, cw, cwx, sec, c0, phi, key, cls,
     x, s, w, t, rs, news) = sc
    n = x_in.shape[0]
    nn = n * n
    _sort_row(x_in, order)
    for a in range(n):
        k = order[a]
        x[a] = x_in[k]
        s[a] = s_in[k]
        w[a] = w_in[k]
        t[a] = t_in[k]
    _win_sorted(x, w, p, pull, xs, cw, cwx)
    for i in range(n):
        for j in range(n):
            dist[i, j] = abs(x[j] - x[i])  # as the NumPy path's |x_j - x_i|
    inv = 0.5 / span
    inv_r = 1.0 / span
    # Pass 1 (r = 1): Sec_i (in eight lanes: see `_security_sums`).
    lean_total = 0.0
    if q != 1.0:
        for l in range(n):  # noqa: E741 - the kernel's index over the actors, as in the formula
            lean_total += (2.0 * t[l] - 1.0) * (abs(x[l] - mu) * inv_r)
    for i in range(n):
        hs, hps = _security_sums(dist, p, i, inv, n)
        sec[i] = 4.0 * hs - (8.0 * s[i]) * hps
        if q != 1.0:
            lean_mu = (2.0 * t[i] - 1.0) * (abs(x[i] - mu) * inv_r)
            dl = 0.0
            for j in range(n):
                dl += (dist[i, j] * inv_r) * (2.0 * t[j] - 1.0)
            sec[i] -= (1.0 - q) * (lean_total - lean_mu + dl)
    hi = sec[0]
    lo = sec[0]
    for i in range(1, n):
        hi = max(hi, sec[i])
        lo = min(lo, sec[i])
    width = hi - lo
    for i in range(n):
        rel = (2.0 * sec[i] - hi - lo) / width if width > EU_TOL else 0.0
        rs[i] = (1.0 - rel / 3.0) / (1.0 + rel / 3.0)
        logs[2 * nn + i] = rs[i] * LOG_HALF  # (1/2)^r_i of U_sq, in the sweep of exps below
    # Pass 2: a^r and b^r for a, b = 1/2 -+ h (h = d_ij / 2R) as exp(r_i log a), like the
    # NumPy path's `_power`. h is symmetric, so the logs are taken once per pair (i <= j,
    # packed row by row, a's then b's), in one vectorised sweep; unpacking them scales
    # by r_i and r_j; then every power in one sweep of exps (a's in the first N^2 of
    # `logs` and `powers`, b's in the next, then (1/2)^r_i: a scalar `0.5 ** r` per actor
    # was a libm call, about 2% of the kernel at 10 actors).
    if n < FULL_LOGS_BELOW:
        # Few actors: every ordered pair's logs (twice the logs, |x_i - x_j| = |x_j - x_i|
        # exactly, so the same numbers), in flat row-major passes that vectorise, instead
        # of packing and unpacking the triangle in short loops of varying length.
        flat = dist.reshape(nn)
        for k in range(nn):
            h = flat[k] * inv
            base[k] = 0.5 - h
            base[nn + k] = 0.5 + h
        _log_into(base[: 2 * nn], packed[: 2 * nn], powers[: 2 * nn])
        for i in range(n):
            ri = rs[i]
            for j in range(i * n, i * n + n):
                logs[j] = packed[j] * ri
                logs[nn + j] = packed[nn + j] * ri
    else:
        half = n * (n + 1) // 2
        at = 0
        for i in range(n):
            for j in range(i, n):
                h = dist[i, j] * inv
                base[at + j - i] = 0.5 - h
                base[half + at + j - i] = 0.5 + h
            at += n - i
        _log_into(base[: 2 * half], packed[: 2 * half], powers[: 2 * half])
        at = 0
        for i in range(n):
            ri = rs[i]
            for j in range(i, n):
                la = packed[at + j - i]
                lb = packed[half + at + j - i]
                logs[i * n + j] = la * ri
                logs[nn + i * n + j] = lb * ri
                rj = rs[j]
                logs[j * n + i] = la * rj
                logs[nn + j * n + i] = lb * rj
            at += n - i
    _exp_into(logs, powers, bits)
    for i in range(n):
        c0[i] = 2.0 - q * (2.0 - 4.0 * powers[2 * nn + i])  # U_s - Q U_sq, less the -4 a^r term
    # own[i, j] = E^i(U_ij), other[i, j] = E^i(U_ji).
    for i in range(n):
        ci = c0[i]
        s4i = 4.0 * s[i]
        for j in range(n):
            lower = powers[i * n + j]
            gap = powers[nn + i * n + j] - lower
            b = lower * -4.0 + ci
            pij = p[i, j]
            own[i, j] = b - ((1.0 - pij) * (4.0 * s[j])) * gap
            other[i, j] = b - (pij * s4i) * gap
    if q != 1.0:
        for i in range(n):
            ri = rs[i]
            for j in range(n):
                d = dist[i, j] * inv_r
                own[i, j] -= _status_quo_term(abs(x[i] - mu) * inv_r + d, t[i], ri, q)
                other[i, j] -= _status_quo_term(abs(x[j] - mu) * inv_r + d, t[j], ri, q)
    _offers(x, p, own, other, dist, span, conf, choice, phi, key, cls, news)
    for a in range(n):
        new[order[a]] = news[a]
        r[order[a]] = rs[a]


@numba.njit(**_JIT_INLINE)
def _least(a, n):  # type: ignore[no-untyped-def]
    """min(a[:n]) (+inf when empty); a must hold no NaN.

    Eight running minima, one per lane, merged at the end: a single running minimum is a
    chain of dependent compares (about 0.55 ns an element here, and these reductions were
    most of the offers' time), while eight independent ones vectorise (LLVM does not
    vectorise a floating-point min reduction by itself without fast-math flags). The
    minimum of numbers does not depend on the order they are taken in, so the result is
    the same.
    """
    m0 = m1 = m2 = m3 = m4 = m5 = m6 = m7 = np.inf
    top = n - n % 8
    for j in range(0, top, 8):
        m0 = a[j] if a[j] < m0 else m0
        m1 = a[j + 1] if a[j + 1] < m1 else m1
        m2 = a[j + 2] if a[j + 2] < m2 else m2
        m3 = a[j + 3] if a[j + 3] < m3 else m3
        m4 = a[j + 4] if a[j + 4] < m4 else m4
        m5 = a[j + 5] if a[j + 5] < m5 else m5
        m6 = a[j + 6] if a[j + 6] < m6 else m6
        m7 = a[j + 7] if a[j + 7] < m7 else m7
    for j in range(top, n):
        m0 = a[j] if a[j] < m0 else m0
    m0 = m1 if m1 < m0 else m0
    m2 = m3 if m3 < m2 else m2
    m4 = m5 if m5 < m4 else m4
    m6 = m7 if m7 < m6 else m6
    m0 = m2 if m2 < m0 else m0
    m4 = m6 if m6 < m4 else m4
    return m4 if m4 < m0 else m0


@numba.njit(**_JIT_INLINE)
def _most(a, n):  # type: ignore[no-untyped-def]
    """max(a[:n]) (-inf when empty); a must hold no NaN. Eight lanes, as `_least`."""
    m0 = m1 = m2 = m3 = m4 = m5 = m6 = m7 = -np.inf
    top = n - n % 8
    for j in range(0, top, 8):
        m0 = a[j] if a[j] > m0 else m0
        m1 = a[j + 1] if a[j + 1] > m1 else m1
        m2 = a[j + 2] if a[j + 2] > m2 else m2
        m3 = a[j + 3] if a[j + 3] > m3 else m3
        m4 = a[j + 4] if a[j + 4] > m4 else m4
        m5 = a[j + 5] if a[j + 5] > m5 else m5
        m6 = a[j + 6] if a[j + 6] > m6 else m6
        m7 = a[j + 7] if a[j + 7] > m7 else m7
    for j in range(top, n):
        m0 = a[j] if a[j] > m0 else m0
    m0 = m1 if m1 > m0 else m0
    m2 = m3 if m3 > m2 else m2
    m4 = m5 if m5 > m4 else m4
    m6 = m7 if m7 > m6 else m6
    m0 = m2 if m2 > m0 else m0
    m4 = m6 if m6 > m4 else m4
    return m4 if m4 > m0 else m0


@numba.njit(**_JIT_INLINE)
def _offers(x, p, own, other, dist, span, conf, choice, phi, key, cls, new):  # type: ignore[no-untyped-def]
    """Each actor's accepted offer, actor by actor, into `new`, with the NumPy path's rules
    and tolerances (`expected_utility._classify`, `_best_offers`).

    Per actor i, passes over the proposers j, each free of branches so that they
    vectorise. With "credible" offers and a confrontation rule, first the confrontations
    alone and their moves phi |x_j - x_i| (+inf elsewhere): almost every actor faces one,
    and then nothing else counts. Otherwise the class and the fraction phi of every offer
    (cls: 1 confrontation, 2 compromise, 3 capitulation, 0 none) and the candidates'
    moves. Then the least move; when one candidate makes it (the usual case) its offer,
    else the most any proposer of a least move expects (E^i(U_ji), 0 elsewhere) and,
    among those within EU_TOL of it, the lowest offer. Candidates have phi >= 0 and
    E^i(U_ji) > EU_TOL, so the masked arrays hold no NaN. One function on purpose: the
    tail as a helper of its own, even inlined, made 10 actors twice as slow here.
    """
    n = x.shape[0]
    same = SAME * span
    quick = choice == 0 and conf != 2
    for i in range(n):
        nconf = 0
        if quick:
            # Confrontations first: with "credible", an actor that faces one takes the least
            # of them and nothing else, and almost every actor faces one (P_ij sits near
            # 1/2). One pass finds them and their moves (phi |x_j - x_i|, phi = P_ji or 1,
            # the same numbers as below); the full classification runs only without them.
            for j in range(n):
                ow = own[i, j]
                ot = other[i, j]
                d = dist[i, j]
                if conf == 0:
                    cf = (ow > EU_TOL) & (ot > EU_TOL) & (d > same)
                    lose = 1.0 - p[i, j]
                else:
                    cf = (ow > EU_TOL) & (ot > ow + EU_TOL) & (d > same)
                    lose = 1.0
                key[j] = lose * d if cf else np.inf
                phi[j] = lose
                nconf += cf
        if nconf == 0:
            ncomp = 0
            for j in range(n):
                ow = own[i, j]
                ot = other[i, j]
                apart = dist[i, j] > same
                gains = apart & (ot > EU_TOL)
                if conf == 0:
                    cf = (ow > EU_TOL) & gains
                elif conf == 1:
                    cf = (ow > EU_TOL) & (ot > ow + EU_TOL) & apart
                else:
                    cf = False
                opposed = (ow < -EU_TOL) & gains
                cap = opposed & (ot + ow <= EU_TOL)
                comp = opposed & (ot + ow > EU_TOL)
                ratio = -(ow / (ot if ot > EU_TOL else EU_TOL))
                lose = (1.0 - p[i, j]) if conf == 0 else 1.0
                phi[j] = lose if cf else (1.0 if cap else ratio)
                cls[j] = 1.0 if cf else (3.0 if cap else (2.0 if comp else 0.0))
                nconf += cf
                ncomp += comp
            # Candidates: "credible" takes the best class present, "nearest" every offer.
            top = 1.0 if nconf > 0 else (2.0 if ncomp > 0 else 3.0)
            for j in range(n):
                c = cls[j]
                ok = (c > 0.0) & ((choice == 1) | (c == top))
                key[j] = phi[j] * dist[i, j] if ok else np.inf
        # Then the least move, the proposer who expects most, the lower position.
        least = _least(key, n)
        if least == np.inf:  # no offer
            new[i] = x[i]
            continue
        bound = least + 1e-12 * span
        xi = x[i]
        # Usually one candidate makes the least move: then it is the offer taken.
        tied = 0
        for j in range(n):
            near = key[j] <= bound
            tied += near
            cls[j] = phi[j] * (x[j] - xi) if near else np.inf
        if tied == 1:
            best = _least(cls, n)
        else:
            for j in range(n):
                cls[j] = other[i, j] if key[j] <= bound else 0.0  # credibility of the tied
            lim = _most(cls, n) - EU_TOL
            for j in range(n):
                key[j] = phi[j] * (x[j] - xi) if (key[j] <= bound) & (cls[j] >= lim) else np.inf
            best = _least(key, n)
        new[i] = xi + best if best < 0.5 * NONE else xi


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
    # The row's state and inputs (copied once a row), and the round's scratch: owners here,
    # used through `_borrowed` views (no reference counts in the rounds); the owners stay
    # alive to the end of this function (`_scratch` is referenced again there).
    row = np.empty((7, n))
    owners = _scratch(n)
    xr, new, t, r = _borrowed(row[0]), _borrowed(row[1]), _borrowed(row[2]), _borrowed(row[3])
    sr, wr, vr = _borrowed(row[4]), _borrowed(row[5]), _borrowed(row[6])
    sc = _borrow_all(owners)
    order = sc[10]
    for b in range(rows):
        for k in range(n):
            order[k] = k
            xr[k] = x[b, k]
            sr[k] = s[b, k]
            wr[k] = w[b, k]
            vr[k] = vote[b, k]
            t[k] = 0.5
            r[k] = 1.0
        lo_b = low[b]
        hi_b = high[b]
        mu = _median(xr, vr, lo_b, hi_b)
        if record:
            traj[0, :, b] = xr
            mu_traj[0, b] = mu
        still = 0
        done = False
        rounds = 0
        for _ in range(max_rounds):
            _round(xr, sr, wr, mu, span, q, t, conf, choice, new, r, sc)
            new_mu = _median(new, vr, lo_b, hi_b)
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
    row[0, 0] = owners[0][0, 0]  # the owners of the borrowed views live to here


def win_probability_numba(x: np.ndarray, w: np.ndarray, out: np.ndarray) -> np.ndarray:
    """P_ij for every pair of every row into `out` (N, N, B) from x, w (N, B)."""
    return win_probability_rows(np.ascontiguousarray(x, dtype=np.float64), np.ascontiguousarray(w, dtype=np.float64), out)
