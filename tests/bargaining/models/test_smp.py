"""KTAB-style Spatial Model of Politics: behaviour on own fixtures, KTAB's runs on shared data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining.models.base import ModelInput, get_model
from detente.bargaining.models.smp import _risk_attitudes, run_smp, smp
from detente.errors import ModelError

SHARED_KTAB = Path(__file__).resolve().parents[4] / "shared" / "data" / "ktab"


def scenario(seed: int, n: int = 6, k: int = 2, draws: int = 1) -> ModelInput:
    """A random scenario with distinct continuous values (no exact ties)."""
    rng = np.random.default_rng(seed)
    pos = rng.uniform(0, 100, (draws, n, k))
    sal = rng.uniform(0.1, 1.0, (draws, n, k))
    sal = sal / sal.sum(axis=2, keepdims=True) * rng.uniform(0.6, 0.95, (draws, n, 1))
    cap = rng.uniform(10, 100, (draws, n))
    return ModelInput(positions=pos, salience=sal, capability=cap, status_quo=np.full((draws, k), 50.0))


def test_registered_under_smp() -> None:
    assert get_model("smp") is smp


def test_unanimity_gives_the_common_position() -> None:
    mi = ModelInput(
        positions=np.full((1, 4, 2), [30.0, 70.0]),
        salience=np.full((1, 4, 2), 0.4),
        capability=np.array([[1.0, 2.0, 3.0, 4.0]]),
        status_quo=np.array([[0.0, 0.0]]),
    )
    out = smp(mi)
    np.testing.assert_allclose(out.outcome, [[30.0, 70.0]])
    assert out.converged.all()
    np.testing.assert_allclose(out.extra["most_probable"], [[30.0, 70.0]])


def test_two_actors_settle_between_their_positions() -> None:
    mi = ModelInput.single([20.0, 80.0], [0.6, 0.4], [100.0, 50.0])
    out = smp(mi)
    assert 20.0 <= out.outcome[0, 0] <= 80.0
    # the stronger, more committed actor pulls the outcome its way
    assert out.outcome[0, 0] < 50.0
    assert out.rounds.shape == (1,) and out.rounds[0] >= 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_relabelling_actors_changes_nothing(seed: int) -> None:
    mi = scenario(seed)
    perm = np.random.default_rng(100 + seed).permutation(mi.shape[1])
    shuffled = ModelInput(
        positions=mi.positions[:, perm],
        salience=mi.salience[:, perm],
        capability=mi.capability[:, perm],
        status_quo=mi.status_quo,
    )
    a, b = smp(mi), smp(shuffled)
    np.testing.assert_allclose(a.outcome, b.outcome, atol=1e-9)
    np.testing.assert_allclose(a.extra["final_positions"][:, perm], b.extra["final_positions"], atol=1e-9)
    assert a.rounds[0] == b.rounds[0]


@st.composite
def near_degenerate(draw: st.DrawFn) -> ModelInput:
    """1-2 draws, 2-6 actors, 1-2 issues, inputs on coarse grids: ties everywhere.

    Positions 0, 1, ... 10 (many equal, others one point apart), saliences and
    capabilities from two or three values, so that gains and option probabilities tie.
    """
    d, n, k = draw(st.integers(1, 2)), draw(st.integers(2, 6)), draw(st.integers(1, 2))
    pos = draw(st.lists(st.integers(0, 10).map(float), min_size=d * n * k, max_size=d * n * k))
    sal = draw(st.lists(st.sampled_from([0.2, 0.5, 1.0]), min_size=d * n * k, max_size=d * n * k))
    cap = draw(st.lists(st.sampled_from([0.5, 1.0]), min_size=d * n, max_size=d * n))
    return ModelInput(np.reshape(pos, (d, n, k)), np.reshape(sal, (d, n, k)), np.reshape(cap, (d, n)), np.full((d, k), 50.0))


def _rows_sorted(x: np.ndarray) -> np.ndarray:
    """Each draw's actor rows (D, N, K) in lexicographic order: a multiset of positions."""
    order = np.lexsort(np.moveaxis(x[:, :, ::-1], 2, 0), axis=-1)
    return np.take_along_axis(x, order[:, :, None], axis=1)


@settings(max_examples=30, deadline=None)
@given(mi=near_degenerate(), seed=st.integers(0, 2**16))
def test_relabelling_actors_changes_nothing_even_with_ties(mi: ModelInput, seed: int) -> None:
    """Ties are broken by the actors' inputs, never by their order in the list: exactly equal results."""
    perm = np.random.default_rng(seed).permutation(mi.shape[1])
    shuffled = ModelInput(mi.positions[:, perm], mi.salience[:, perm], mi.capability[:, perm], mi.status_quo)
    a, b = smp(mi), smp(shuffled)
    assert np.array_equal(a.outcome, b.outcome)
    assert np.array_equal(a.extra["most_probable"], b.extra["most_probable"])
    assert np.array_equal(a.rounds, b.rounds) and np.array_equal(a.converged, b.converged)
    # per actor, up to exchanging actors whose inputs are identical (they are interchangeable)
    assert np.array_equal(_rows_sorted(a.extra["final_positions"][:, perm]), _rows_sorted(b.extra["final_positions"]))


def test_tied_challenges_are_not_broken_by_list_order() -> None:
    """Pinned case (found by the property above): two actors at 0 and two at 1, equal capabilities.

    Listing the actors in another order once sent a tied bargain the other way and moved
    the forecast by 0.27 points.
    """
    mi = ModelInput(np.array([[[0.0], [0.0], [1.0], [1.0]]]), np.array([[[1.0], [1.0], [1.0], [0.5]]]), np.ones((1, 4)), np.full((1, 1), 50.0))
    base = smp(mi)
    for perm in ([3, 2, 0, 1], [1, 0, 3, 2], [2, 3, 1, 0]):
        again = smp(ModelInput(mi.positions[:, perm], mi.salience[:, perm], mi.capability[:, perm], mi.status_quo))
        assert again.outcome[0, 0] == base.outcome[0, 0]
        # every state of the run, actor by actor up to exchanging the two identical actors at 0
        np.testing.assert_array_equal(_rows_sorted(again.trajectory), _rows_sorted(base.trajectory[:, perm]))
    # the same list order of the identical actors: the same path actor by actor
    perm = [3, 2, 0, 1]
    again = smp(ModelInput(mi.positions[:, perm], mi.salience[:, perm], mi.capability[:, perm], mi.status_quo))
    np.testing.assert_array_equal(again.trajectory, base.trajectory[:, perm])


def test_canonical_order_sorts_by_position_then_salience_then_capability() -> None:
    from detente.bargaining.models.smp import canonical_order

    pos = np.array([[[0.5, 0.1], [0.2, 0.9], [0.5, 0.1], [0.5, 0.0], [0.5, 0.1]]])
    sal = np.array([[[0.3, 0.3], [0.1, 0.1], [0.2, 0.3], [0.9, 0.9], [0.3, 0.3]]])
    cap = np.array([[2.0, 1.0, 5.0, 1.0, 1.0]])
    # actor 1 (0.2 first); then at (0.5, 0.0): actor 3; at (0.5, 0.1): salience 0.2 first (2), then caps 1 (4) < 2 (0)
    np.testing.assert_array_equal(canonical_order(pos, sal, cap), [[1, 3, 2, 4, 0]])


def test_a_batch_of_draws_equals_draws_run_one_by_one() -> None:
    batch = scenario(7, n=5, k=2, draws=6)
    together = smp(batch)
    for d in range(6):
        alone = smp(
            ModelInput(
                positions=batch.positions[d : d + 1],
                salience=batch.salience[d : d + 1],
                capability=batch.capability[d : d + 1],
                status_quo=batch.status_quo[d : d + 1],
            )
        )
        np.testing.assert_allclose(together.outcome[d], alone.outcome[0], atol=1e-12)
        assert together.rounds[d] == alone.rounds[0]
        assert together.converged[d] == alone.converged[0]
    # draw 0's trajectory is reported and starts at the inputs
    np.testing.assert_allclose(together.trajectory[0], batch.positions[0])
    assert together.trajectory.shape == (together.rounds[0] + 1, 5, 2)


def test_scale_is_respected() -> None:
    mi = scenario(11, n=5, k=1)
    on_ten = ModelInput(
        positions=mi.positions / 10.0,
        salience=mi.salience,
        capability=mi.capability,
        status_quo=mi.status_quo / 10.0,
        scale=(0.0, 10.0),
    )
    np.testing.assert_allclose(smp(on_ten).outcome * 10.0, smp(mi).outcome, atol=1e-9)


def test_forecast_stays_within_the_positions() -> None:
    mi = scenario(5, n=8, k=3, draws=3)
    out = smp(mi)
    lo, hi = mi.positions.min(axis=1), mi.positions.max(axis=1)
    assert np.all(out.outcome >= lo - 1e-9) and np.all(out.outcome <= hi + 1e-9)
    assert np.allclose(out.extra["position_probability"].max(axis=1) <= 1.0, True)


def test_risk_attitudes_span_minus_half_to_one() -> None:
    # three voters, the middle position wins the PCE: it gets R = 1, the weakest -1/2
    d = np.array([[[0.0, 0.3, 0.6], [0.3, 0.0, 0.3], [0.6, 0.3, 0.0]]])
    r = _risk_attitudes(d.transpose(1, 2, 0), np.ones((3, 1)))[:, 0]  # draws last: (N, N, R), (N, R)
    assert r[1] == pytest.approx(1.0)
    assert r.min() == pytest.approx(-0.5)
    # all positions alike: no spread, risk-neutral instead of 0/0
    assert np.all(_risk_attitudes(np.zeros((3, 3, 1)), np.ones((3, 1))) == 0.0)


def test_max_turns_caps_the_run() -> None:
    out = smp(scenario(3, n=7, k=2), max_turns=1)
    assert out.rounds[0] == 1 and not out.converged[0]


def test_bad_inputs_raise_model_error() -> None:
    mi = scenario(1, n=3, k=1)
    with pytest.raises(ModelError):
        smp(ModelInput(mi.positions + 200.0, mi.salience, mi.capability, mi.status_quo))
    with pytest.raises(ModelError):
        smp(ModelInput(mi.positions, mi.salience * 5.0, mi.capability, mi.status_quo))
    with pytest.raises(ModelError):
        smp(ModelInput(mi.positions, mi.salience, -mi.capability, mi.status_quo))


@settings(max_examples=15, deadline=None)
@given(
    x=st.floats(0, 100),
    n=st.integers(2, 5),
    k=st.integers(1, 3),
    caps=st.lists(st.floats(0.1, 100), min_size=5, max_size=5),
)
def test_property_unanimity(x: float, n: int, k: int, caps: list[float]) -> None:
    mi = ModelInput(
        positions=np.full((1, n, k), x),
        salience=np.full((1, n, k), 0.9 / k),
        capability=np.array([caps[:n]]),
        status_quo=np.zeros((1, k)),
    )
    np.testing.assert_allclose(smp(mi).outcome, np.full((1, k), x), atol=1e-9)


# ------------------------------------------------------------------ KTAB reference runs

# KTAB's own outputs with its default parameters (../shared/data/ktab/REFERENCE_OUTPUTS.md):
# forecast per dimension and number of steps.
KTAB_REFERENCE = [
    ("dummyData_3Dim.csv", [78.1, 35.6, 72.2], 10),
    ("dummyData_6Dim.csv", [42.5, 62.9, 65.8, 94.6, 70.1, 77.2], 29),
    ("dummyData-a040.csv", [60.3], 20),
    ("dummyData-a080.csv", [64.8], 17),
    ("dummyData-a160.csv", [67.0], 13),  # KTAB reports "about 67" (takes ~10 s here)
    ("SOE-Policy.csv", [38.6], 19),
    ("SOE-Competitive.csv", [35.2], 35),
    ("SOE-Pol-Comp.csv", [39.4, 31.7], 27),
]


@pytest.mark.shared_data
@pytest.mark.parametrize(("name", "forecast", "steps"), KTAB_REFERENCE, ids=[r[0] for r in KTAB_REFERENCE])
def test_matches_ktab_reference(name: str, forecast: list[float], steps: int) -> None:
    from detente.bargaining.ktab import read_ktab_csv

    path = SHARED_KTAB / name
    if not path.exists():
        pytest.skip(f"../shared/data/ktab/{name} absent")
    sc = read_ktab_csv(path)
    res = run_smp(sc.positions[None] / 100.0, sc.salience[None], sc.power[None])
    np.testing.assert_allclose(100.0 * res.forecast[0], forecast, atol=2.0)
    assert res.turns[0] == steps
    assert res.converged[0]


@pytest.mark.shared_data
def test_ktab_3dim_trajectory_matches_the_reference_log() -> None:
    """States 1 of KTAB's 2017 reference log for dummyData_3Dim (positions on 0-100)."""
    from detente.bargaining.ktab import read_ktab_csv

    path = SHARED_KTAB / "dummyData_3Dim.csv"
    if not path.exists():
        pytest.skip("../shared/data/ktab/dummyData_3Dim.csv absent")
    sc = read_ktab_csv(path)
    out = smp(sc.to_model_input())
    after_first_turn = [
        [79.54, 44.71, 72.05],
        [78.93, 56.33, 72.52],
        [82.45, 90.89, 0.07],
        [65.82, 50.76, 63.02],
        [79.54, 44.72, 72.05],
        [84.39, 34.05, 86.34],
        [75.61, 24.79, 71.95],
    ]
    np.testing.assert_allclose(out.trajectory[1], after_first_turn, atol=1e-9)
    np.testing.assert_allclose(out.extra["most_probable"][0], [79.9, 34.4, 75.2], atol=0.05)


def test_identical_draws_are_run_once_and_copied_in_order() -> None:
    one = scenario(21, n=5, k=2, draws=2)
    # draws: A, B, A, B, A  -> outcomes must follow the same pattern
    idx = [0, 1, 0, 1, 0]
    mixed = ModelInput(
        positions=one.positions[idx],
        salience=one.salience[idx],
        capability=one.capability[idx],
        status_quo=one.status_quo[idx],
    )
    out, ref = smp(mixed), smp(one)
    np.testing.assert_allclose(out.outcome, ref.outcome[idx], atol=1e-12)
    np.testing.assert_array_equal(out.rounds, ref.rounds[idx])
    np.testing.assert_allclose(out.trajectory, ref.trajectory)


# ------------------------------------------------------------------ vectorised kernels


def _naive_pce_log_scores(u: np.ndarray, w: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Conditional-PCE log scores written out loop by loop, as the module doc states them."""
    d_, a_, m_ = u.shape
    out = np.full((d_, m_), -np.inf)
    for d in range(d_):
        for i in range(m_):
            if mask is not None and not mask[d, i]:
                continue
            total = 0.0
            for j in range(m_):
                if mask is not None and not mask[d, j]:
                    continue
                if i == j:
                    total += np.log(0.5)
                    continue
                c_ij = 1e-8 + sum(w[d, a] * max(0.0, u[d, a, i] - u[d, a, j]) for a in range(a_))
                c_ji = 1e-8 + sum(w[d, a] * max(0.0, u[d, a, j] - u[d, a, i]) for a in range(a_))
                total += np.log(c_ij / (c_ij + c_ji))
            out[d, i] = total
    return out


@pytest.mark.parametrize(("draws", "voters", "options"), [(1, 1, 1), (3, 4, 2), (7, 6, 5), (2, 12, 9)])
def test_pce_log_scores_match_a_loop_by_loop_reference(draws: int, voters: int, options: int) -> None:
    from detente.bargaining.models.smp import _pce_log_scores

    rng = np.random.default_rng(draws * 100 + options)
    u = rng.uniform(0, 1, (draws, voters, options))
    w = rng.uniform(0, 5, (draws, voters))
    # the module's layout puts draws last: u (A, M, R), w (A, R), option mask (M, R)
    u_t, w_t = u.transpose(1, 2, 0), w.T
    np.testing.assert_allclose(_pce_log_scores(u_t, w_t).T, _naive_pce_log_scores(u, w), rtol=1e-12)
    mask = rng.uniform(size=(draws, options)) < 0.7
    mask[:, 0] = True
    got = _pce_log_scores(u_t, w_t, mask.T).T
    want = _naive_pce_log_scores(u, w, mask)
    assert np.array_equal(np.isinf(got), ~mask)
    np.testing.assert_allclose(got[mask], want[mask], rtol=1e-12)


@pytest.mark.parametrize(("actors", "draws"), [(2, 5), (5, 40), (9, 7)])
def test_both_ways_of_choosing_in_the_queues_agree(actors: int, draws: int) -> None:
    """One PCE matrix shared by all queues (small N) and one PCE per queue (large N) pick the same options."""
    from detente.bargaining.models.smp import _choose_grouped, _choose_shared

    rng = np.random.default_rng(actors * 10 + draws)
    u_opt = rng.uniform(0, 1, (actors, actors + 1, draws))
    u_opt[:, 3 % (actors + 1)] = u_opt[:, 0]  # an option as good as the status quo to everyone: a tie
    cap = rng.uniform(0.1, 1, (actors, draws))
    target = np.where(rng.uniform(size=(actors, draws)) < 0.8, rng.integers(0, actors, (actors, draws)), -1)
    target[target == np.arange(actors)[:, None]] = -1  # nobody challenges itself
    ar = np.arange(actors)
    involved = (target >= 0)[None] & ((target[None] == ar[:, None, None]) | (ar[:, None, None] == ar[None, :, None]))
    shared = _choose_shared(u_opt, cap, involved)
    np.testing.assert_array_equal(_choose_grouped(u_opt, cap, involved), shared)
    # each choice is an option of its queue: the status quo or a bargain it takes part in
    k, r = np.nonzero(shared > 0)
    assert involved[k, shared[k, r] - 1, r].all()


def test_both_queue_paths_give_the_same_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.bargaining.models.smp as smp_module

    mi = scenario(5, n=8, k=2, draws=6)
    monkeypatch.setattr(smp_module, "_SHARED_QUEUE_PCE_UP_TO", 100)
    shared = smp(mi)
    monkeypatch.setattr(smp_module, "_SHARED_QUEUE_PCE_UP_TO", 0)
    grouped = smp(mi)
    np.testing.assert_allclose(grouped.outcome, shared.outcome, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(grouped.rounds, shared.rounds)


def test_block_size_does_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny blocks split the draws and the initiators; the results must not move."""
    import detente.bargaining.models.smp as smp_module

    mi = scenario(11, n=7, k=2, draws=9)
    default = smp(mi)
    # 7**3 = 343 > 100 numbers per draw: one draw per block and initiators cut in 2-blocks
    monkeypatch.setattr(smp_module, "_CHALLENGE_BLOCK_ELEMENTS", 100)
    small = smp(mi)
    np.testing.assert_allclose(small.outcome, default.outcome, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(small.rounds, default.rounds)
    np.testing.assert_array_equal(small.converged, default.converged)
    np.testing.assert_allclose(small.extra["final_positions"], default.extra["final_positions"], rtol=0, atol=1e-9)


@pytest.mark.parametrize("threads", [2, 3])
def test_threads_do_not_change_results(monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    """Blocks of draws on threads give the numbers of one call, bit for bit, and draw 0's trajectory."""
    import detente.bargaining.models.smp as smp_module

    monkeypatch.setattr(smp_module, "_MIN_THREAD_DRAWS", 4)
    mi = scenario(5, n=6, k=2, draws=23)
    one = smp(mi, threads=1)
    many = smp(mi, threads=threads)
    np.testing.assert_array_equal(many.outcome, one.outcome)
    np.testing.assert_array_equal(many.rounds, one.rounds)
    np.testing.assert_array_equal(many.converged, one.converged)
    np.testing.assert_array_equal(many.trajectory, one.trajectory)
    for key in ("most_probable", "final_positions", "position_probability"):
        np.testing.assert_array_equal(many.extra[key], one.extra[key])


@pytest.mark.parametrize("threads", [-1, 1.5, True])
def test_bad_threads_raise_model_error(threads: object) -> None:
    with pytest.raises(ModelError, match="threads"):
        smp(scenario(5, n=3, k=1), threads=threads)  # type: ignore[arg-type]
