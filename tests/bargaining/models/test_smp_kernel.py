"""The compiled SMP kernel against the NumPy path (the reference): random inputs, exact
ties, KTAB's inputs, relabelling; and which engine `engine="auto"` picks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining.models import ModelInput
from detente.bargaining.models import smp as smp_module
from detente.bargaining.models.smp import run_smp, smp

pytest.importorskip("numba", reason="the fast extra (numba) is not installed")


def _random(seed: int, d: int, n: int, k: int) -> ModelInput:
    rng = np.random.default_rng(seed)
    sal = rng.uniform(0.05, 1.0, (d, n, k))
    sal = sal / sal.sum(axis=2, keepdims=True) * rng.uniform(0.5, 1.2, (d, n, 1))
    return ModelInput(rng.uniform(0, 100, (d, n, k)), np.clip(sal, 0, 1), rng.uniform(1, 100, (d, n)), np.full((d, k), 50.0))


def _tied(seed: int, d: int, n: int, k: int) -> ModelInput:
    """Positions on a grid of 5 values, two saliences, two capabilities: ties everywhere."""
    rng = np.random.default_rng(seed)
    pos = rng.integers(0, 5, (d, n, k)) * 25.0
    sal = rng.choice([0.3, 0.6], (d, n, k))
    cap = rng.choice([1.0, 2.0], (d, n))
    return ModelInput(pos, sal, cap, np.full((d, k), 50.0))


def _assert_same(a, b) -> None:
    np.testing.assert_allclose(a.outcome, b.outcome, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(a.rounds, b.rounds)
    np.testing.assert_array_equal(a.converged, b.converged)
    assert a.trajectory.shape == b.trajectory.shape
    np.testing.assert_allclose(a.trajectory, b.trajectory, rtol=0, atol=1e-9)
    for key in ("most_probable", "final_positions", "position_probability"):
        np.testing.assert_allclose(a.extra[key], b.extra[key], rtol=0, atol=1e-9)


@pytest.mark.parametrize(
    ("make", "seed", "d", "n", "k"),
    [(_random, 1, 40, 5, 7), (_random, 2, 30, 10, 1), (_random, 3, 8, 17, 3), (_random, 4, 25, 2, 1),
     (_tied, 5, 60, 6, 2), (_tied, 6, 40, 9, 1), (_tied, 7, 10, 14, 2)],
)
def test_kernel_equals_the_numpy_path(make, seed: int, d: int, n: int, k: int) -> None:
    mi = make(seed, d, n, k)
    a, b = smp(mi, engine="numpy", threads=1), smp(mi, engine="numba", threads=1)
    assert a.extra["engine"] == "numpy" and b.extra["engine"] == "numba"
    _assert_same(a, b)


@settings(max_examples=25, deadline=None)
@given(
    pos=st.lists(st.integers(0, 10), min_size=12, max_size=12),
    sal=st.lists(st.sampled_from([0.2, 0.5, 1.0]), min_size=12, max_size=12),
    cap=st.lists(st.sampled_from([0.5, 1.0]), min_size=6, max_size=6),
    n=st.integers(2, 6),
)
def test_kernel_equals_the_numpy_path_on_coarse_grids(pos: list[int], sal: list[float], cap: list[float], n: int) -> None:
    mi = ModelInput(
        np.reshape(pos[: 2 * n], (1, n, 2)).astype(float) * 10,
        np.reshape(sal[: 2 * n], (1, n, 2)),
        np.reshape(cap[:n], (1, n)),
        np.full((1, 2), 50.0),
    )
    _assert_same(smp(mi, engine="numpy"), smp(mi, engine="numba"))


def test_kernel_keeps_the_relabelling_invariance() -> None:
    mi = _tied(8, 30, 7, 2)
    perm = np.random.default_rng(0).permutation(7)
    shuffled = ModelInput(mi.positions[:, perm], mi.salience[:, perm], mi.capability[:, perm], mi.status_quo)
    a, b = smp(mi, engine="numba"), smp(shuffled, engine="numba")
    assert np.array_equal(a.outcome, b.outcome)
    assert np.array_equal(a.rounds, b.rounds)


def test_kernel_on_threads_equals_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smp_module, "_MIN_THREAD_DRAWS", 5)
    mi = _random(9, 31, 6, 2)
    a, b = smp(mi, engine="numba", threads=1), smp(mi, engine="numba", threads=3)
    np.testing.assert_array_equal(a.outcome, b.outcome)
    np.testing.assert_array_equal(a.trajectory, b.trajectory)


def test_kernel_respects_max_turns() -> None:
    mi = _random(10, 5, 6, 2)
    a = run_smp(mi.positions / 100, mi.salience, mi.capability, max_turns=3, engine="numba")
    b = run_smp(mi.positions / 100, mi.salience, mi.capability, max_turns=3, engine="numpy")
    assert a.turns.max() <= 3
    np.testing.assert_array_equal(a.turns, b.turns)
    np.testing.assert_allclose(a.final_positions, b.final_positions, rtol=0, atol=1e-9)


def test_auto_engine_by_batch_size() -> None:
    threshold = smp_module._NUMBA_FROM_WORK
    assert smp_module._engine_for("auto", 2000, 5) == "numpy"  # the built-in case: 250,000
    assert smp_module._engine_for("auto", threshold // 1000, 10) == "numba"
    assert smp_module._engine_for("auto", 1, 10) == "numpy"
    assert smp_module._engine_for("numpy", 10**6, 40) == "numpy"
    # the default on a batch under the threshold is NumPy, and says so
    assert smp(_random(11, 3, 4, 1)).extra["engine"] == "numpy"


def test_auto_engine_without_numba_falls_back_to_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "numba" else real(name, *a))
    assert smp_module._engine_for("auto", 10**6, 10) == "numpy"


def test_unknown_engine_is_refused() -> None:
    from detente.errors import ModelError

    with pytest.raises(ModelError, match="engine"):
        smp(_random(12, 1, 3, 1), engine="fortran")  # type: ignore[arg-type]


@pytest.mark.shared_data
@pytest.mark.parametrize("name", ["dummyData_3Dim.csv", "dummyData_6Dim.csv", "dummyData-a040.csv", "SOE-Pol-Comp.csv"])
def test_kernel_equals_the_numpy_path_on_ktab_inputs(name: str) -> None:
    from pathlib import Path

    from detente.bargaining.ktab import read_ktab_csv

    path = Path(__file__).resolve().parents[4] / "shared" / "data" / "ktab" / name
    if not path.exists():
        pytest.skip(f"../shared/data/ktab/{name} absent")
    sc = read_ktab_csv(path)
    args = (sc.positions[None] / 100.0, sc.salience[None], sc.power[None])
    a, b = run_smp(*args, engine="numpy"), run_smp(*args, engine="numba")
    np.testing.assert_allclose(a.forecast, b.forecast, rtol=0, atol=1e-9)
    np.testing.assert_allclose(a.trajectory, b.trajectory, rtol=0, atol=1e-9)
    assert a.turns[0] == b.turns[0]


def test_kernel_equals_the_numpy_path_on_degenerate_inputs() -> None:
    """One actor, all actors agreeing, zero saliences and zero capabilities."""
    one = ModelInput(np.array([[[30.0, 70.0]]]), np.array([[[0.5, 0.5]]]), np.array([[2.0]]), np.array([[50.0, 50.0]]))
    agree = ModelInput(np.full((2, 4, 1), 40.0), np.full((2, 4, 1), 0.7), np.ones((2, 4)), np.full((2, 1), 50.0))
    rng = np.random.default_rng(13)
    sal = rng.uniform(0.1, 0.5, (3, 5, 2))
    sal[:, 0] = 0.0  # an actor with no salience anywhere
    cap = rng.uniform(1, 10, (3, 5))
    cap[:, 1] = 0.0  # and one without capability
    mixed = ModelInput(rng.uniform(0, 100, (3, 5, 2)), sal, cap, np.full((3, 2), 50.0))
    for mi in (one, agree, mixed):
        _assert_same(smp(mi, engine="numpy"), smp(mi, engine="numba"))
