"""The compiled expected-utility kernel's own pieces: its vectorisable log and exp, its
NaN-free reductions, and the whole kernel against the NumPy path on many actors with ties."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.expected_utility import expected_utility

pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
from detente.bargaining.models import _eu_kernel as kernel  # noqa: E402

ULP = np.finfo(float).eps


def _log(a: np.ndarray) -> np.ndarray:
    out = np.empty_like(a)
    kernel._log_into(a, out, np.empty_like(a))
    return out


def _exp(y: np.ndarray) -> np.ndarray:
    out = np.empty_like(y)
    kernel._exp_into(y, out, np.empty(y.size, dtype=np.int64))
    return out


def test_log_within_two_ulp_of_numpy_on_the_bases_the_model_takes() -> None:
    rng = np.random.default_rng(3)
    h = np.concatenate([rng.uniform(0, 0.5, 20_000), [0.0, 0.5 - 2**-54, 0.25, 0.5 - 1e-12, 1e-12]])
    a = np.concatenate([0.5 - h, 0.5 + h, rng.uniform(1e-300, 1e300, 1000), [np.sqrt(0.5), np.sqrt(2.0), 1.0]])
    got, want = _log(a), np.log(a)
    err = np.abs(got - want)
    assert (err <= 2 * ULP * np.maximum(np.abs(want), 0.5)).all(), err.max()
    assert _log(np.array([1.0, 0.5, 2.0])).tolist() == [0.0, np.log(0.5), np.log(2.0)]


def test_log_keeps_numpys_special_values() -> None:
    got = _log(np.array([0.0, -1.0, -0.0, np.nan, 0.5 - 0.5]))
    assert got[0] == -np.inf and got[2] == -np.inf and got[4] == -np.inf
    assert np.isnan(got[1]) and np.isnan(got[3])


def test_exp_within_one_ulp_of_numpy() -> None:
    rng = np.random.default_rng(4)
    y = np.concatenate([rng.uniform(-50, 0, 20_000), rng.uniform(-700, 700, 2000), [0.0, -np.log(2), 1e-300, -1e-300]])
    got, want = _exp(y), np.exp(y)
    np.testing.assert_allclose(got, want, rtol=1.5 * ULP, atol=0)
    assert _exp(np.array([0.0]))[0] == 1.0


def test_exp_at_the_ends() -> None:
    got = _exp(np.array([-np.inf, -745.0, 800.0, np.nan]))
    assert got[0] == 0.0 and got[1] == 0.0  # exp(-inf) = 0 exactly (no subnormals)
    assert got[2] == pytest.approx(np.exp(709.0))  # clamped at 709
    assert np.isnan(got[3])


def test_least_and_most_are_the_min_and_max() -> None:
    rng = np.random.default_rng(5)
    for n in (0, 1, 3, 8, 17, 160):
        a = np.where(rng.random(n) < 0.3, np.inf, rng.normal(size=n))
        assert kernel._least(a, n) == (a.min() if n else np.inf)
        assert kernel._most(a, n) == (a.max() if n else -np.inf)
        assert kernel._least(a, n // 2) == (a[: n // 2].min() if n // 2 else np.inf)


@pytest.mark.parametrize("n, grid", [(120, True), (160, False)])
def test_kernel_equals_numpy_beyond_80_actors(n: int, grid: bool) -> None:
    """Many actors, with coarse positions (ties between offers and equal positions) or not."""
    rng = np.random.default_rng(n)
    d = 3
    x = rng.choice([0.0, 20.0, 40.0, 60.0, 80.0, 100.0], size=(d, n, 1)) if grid else rng.uniform(0, 100, (d, n, 1))
    case = ModelInput(x, rng.uniform(0, 1, (d, n, 1)), rng.uniform(0.05, 1, (d, n)), np.full((d, 1), 50.0))
    fast = expected_utility(case, engine="numba")
    reference = expected_utility(case, engine="numpy")
    np.testing.assert_allclose(fast.outcome, reference.outcome, atol=1e-9, rtol=0)
    np.testing.assert_array_equal(fast.rounds, reference.rounds)
    np.testing.assert_array_equal(fast.converged, reference.converged)
    np.testing.assert_allclose(fast.trajectory, reference.trajectory, atol=1e-9, rtol=0)
    np.testing.assert_allclose(fast.extra["risk"], reference.extra["risk"], atol=1e-9, rtol=0)


def test_kernel_does_not_depend_on_the_order_of_the_actors() -> None:
    """The round runs on the actors sorted by position; listing them in another order (ties
    included) gives the same forecasts, rounds and, actor by actor, the same trajectory."""
    rng = np.random.default_rng(31)
    d, n = 6, 50
    x = rng.choice([0.0, 10.0, 35.0, 50.0, 90.0], size=(d, n, 1))
    x[3:] = rng.uniform(0, 100, (d - 3, n, 1))
    case = ModelInput(x, rng.uniform(0.1, 1, (d, n, 1)), rng.uniform(0.1, 1, (d, n)), np.full((d, 1), 50.0))
    perm = rng.permutation(n)
    shuffled = ModelInput(case.positions[:, perm], case.salience[:, perm], case.capability[:, perm],
                          case.status_quo, case.scale)
    one = expected_utility(case, engine="numba")
    two = expected_utility(shuffled, engine="numba")
    np.testing.assert_allclose(two.outcome, one.outcome, atol=1e-9, rtol=0)
    np.testing.assert_array_equal(two.rounds, one.rounds)
    np.testing.assert_allclose(two.trajectory, one.trajectory[:, perm], atol=1e-9, rtol=0)
    np.testing.assert_allclose(expected_utility(shuffled, engine="numpy").outcome, two.outcome, atol=1e-9, rtol=0)


def test_least_and_most_lanes_and_tails() -> None:
    """The eight-lane reductions at every length around their unrolled blocks (0-17), the
    extreme in any lane, and ties."""
    rng = np.random.default_rng(8)
    for n in range(18):
        for where in range(n):
            a = rng.normal(size=n)
            a[where] = -50.0
            assert kernel._least(a, n) == -50.0
            a[where] = 50.0
            assert kernel._most(a, n) == 50.0
    tied = np.array([1.0, 0.5, 0.5, 2.0, 0.5, 3.0, 0.5, 0.5, 0.5])
    assert kernel._least(tied, 9) == 0.5 and kernel._most(tied, 9) == 3.0


def test_security_sums_equal_the_plain_sums() -> None:
    rng = np.random.default_rng(9)
    for n in (1, 7, 8, 9, 80, 83):
        d, p = rng.uniform(0, 100, n), rng.uniform(0, 1, n)
        hs, hps = kernel._security_sums(d[None, :], p[None, :], 0, 0.005, n)
        np.testing.assert_allclose([hs, hps], [(d * 0.005).sum(), (d * 0.005 * p).sum()], rtol=1e-14)


def test_borrowed_view_is_the_owners_memory() -> None:
    """`_borrowed` gives the same data, shape and strides (writes land in the owner)."""
    import numba

    @numba.njit
    def through_view(a):  # type: ignore[no-untyped-def]
        view = kernel._borrowed(a)
        view[1, 2] = 7.0
        return view.shape[0], view.shape[1], view[0, 1], view.strides[0]

    a = np.arange(12.0).reshape(3, 4)
    rows, cols, value, stride = through_view(a)
    assert (rows, cols, value, stride) == (3, 4, 1.0, 32)
    assert a[1, 2] == 7.0


@pytest.mark.parametrize("n", [2, 3, 5, 10, 13, kernel.FULL_LOGS_BELOW - 1, kernel.FULL_LOGS_BELOW])
def test_kernel_equals_numpy_on_many_small_rows(n: int) -> None:
    """Few actors and many draws (several blocks, on threads), half of them on a coarse grid
    (equal positions, tied offers): the scratch the rows share through borrowed views leaves
    nothing behind from one row to the next, and a second run gives the very same numbers.
    Both sides of the small-N branch (`FULL_LOGS_BELOW`: logs of every ordered pair below it,
    of the packed triangle from it on) are pinned."""
    rng = np.random.default_rng(100 + n)
    d = 600
    x = rng.uniform(0, 100, (d, n, 1))
    x[::2] = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(d // 2, n, 1))
    case = ModelInput(x, rng.uniform(0, 1, (d, n, 1)), rng.uniform(0.05, 1, (d, n)), np.full((d, 1), 50.0))
    for q in (1.0, 0.5):
        fast = expected_utility(case, engine="numba", q=q, threads=2)
        again = expected_utility(case, engine="numba", q=q, threads=1)
        reference = expected_utility(case, engine="numpy", q=q)
        np.testing.assert_allclose(fast.outcome, reference.outcome, atol=1e-9, rtol=0)
        np.testing.assert_array_equal(fast.rounds, reference.rounds)
        np.testing.assert_array_equal(fast.converged, reference.converged)
        np.testing.assert_array_equal(again.outcome, fast.outcome)
        np.testing.assert_array_equal(again.rounds, fast.rounds)
