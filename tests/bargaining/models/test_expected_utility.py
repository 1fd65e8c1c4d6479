"""Expected-utility model (Bueno de Mesquita / Scholz et al. 2011): hand cases and the emissions replication."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.bargaining.models import ModelInput, ModelOutput
from detente.bargaining.models import expected_utility as eu_module
from detente.bargaining.models.expected_utility import (
    challenge_utilities,
    expected_utility,
    risk_exponent,
    win_probability,
)
from detente.errors import ModelError

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "bdm_emissions_1994.csv"
#: Actual outcome of the emissions decision (years), Bueno de Mesquita (1994).
EMISSIONS_OUTCOME = 8.83


def _emissions() -> ModelInput:
    with FIXTURE.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 10
    x = [float(r["position"]) for r in rows]
    return ModelInput.single(
        x,
        [float(r["salience"]) for r in rows],
        [float(r["capability"]) for r in rows],
        status_quo=min(x),
        scale=(min(x), max(x)),  # positions are years: R = 10 - 4
    )


def test_emissions_forecast_within_one_year_of_the_outcome() -> None:
    out = expected_utility(_emissions())
    assert abs(out.outcome[0, 0] - EMISSIONS_OUTCOME) < 1.0
    assert out.converged[0, 0]
    # the trajectory starts at the inputs and has one row per round run
    assert out.trajectory.shape == (out.rounds[0, 0] + 1, 10, 1)
    np.testing.assert_array_equal(out.trajectory[0, :, 0], [4, 7, 4, 4, 10, 10, 10, 7, 4, 7])
    # the median voter starts at 7 (the weighted median) and moves toward the outcome
    assert out.extra["median_trajectory"][0, 0] == 7
    assert out.extra["median_trajectory"][-1, 0] == pytest.approx(out.outcome[0, 0])


def test_win_probability_by_hand() -> None:
    # x = 0, 10, 20 with equal weights. P(0 beats 10): a_k = |x_k - 10| - |x_k - 0| = 10, -10, -10
    # -> 10 / 30. P(0 beats 20): a_k = 20, 0, -20 -> 20 / 40.
    p = win_probability(np.array([[0.0, 10.0, 20.0]]), np.ones((1, 3)))[0]
    assert p[0, 1] == pytest.approx(1 / 3)
    assert p[1, 0] == pytest.approx(2 / 3)
    assert p[0, 2] == pytest.approx(0.5)
    np.testing.assert_allclose(p + p.T, 1.0)


def test_win_probability_is_one_half_for_equal_positions() -> None:
    p = win_probability(np.array([[5.0, 5.0]]), np.ones((1, 2)))[0]
    np.testing.assert_array_equal(p, 0.5)


def test_risk_exponent_spans_one_half_to_two() -> None:
    # Sec = column sums off the diagonal: 0, 1, 2 -> R = -1, 0, 1 -> r = 2, 1, 1/2
    first = np.array([[[0.0, 1.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]])
    np.testing.assert_allclose(risk_exponent(first)[0], [2.0, 1.0, 0.5])
    np.testing.assert_allclose(risk_exponent(np.zeros((1, 3, 3)))[0], 1.0)


def test_two_actor_utilities_by_hand() -> None:
    # x = 0, 100 (R = 100), s = 1, 0.5, c = 1, 1 (votes w = 1, 0.5), q = 1.
    # P_01 = 1 * 100 / (1 * 100 + 0.5 * 100) = 2/3, P_10 = 1/3.
    # Pass 1 (r = 1): E_i(U_ij) = 2 d (1 - 2 s_j (1 - P_ij)): E_0(U_01) = 4/3, E_1(U_10) = -2/3
    # -> Sec_0 = -2/3, Sec_1 = 4/3 -> R = -1, 1 -> r_0 = 2, r_1 = 1/2.
    x = np.array([[0.0, 100.0]])
    s = np.array([[1.0, 0.5]])
    own, other, p, r = challenge_utilities(x, s, s.copy(), np.array([0.0]), 100.0, 1.0, np.full((1, 2), 0.5))
    assert p[0, 0, 1] == pytest.approx(2 / 3)
    np.testing.assert_allclose(r[0], [2.0, 0.5])
    # r_0 = 2: U_s = 2, U_f = -2, U_sq = 1.
    # E^0(U_01) = 0.5 (2/3 * 2 - 1/3 * 2) + 0.5 * 2 - 1 = 1/3; E^0(U_10) = (1/3 * 2 - 2/3 * 2) - 1 = -5/3
    assert own[0, 0, 1] == pytest.approx(1 / 3)
    assert other[0, 0, 1] == pytest.approx(-5 / 3)
    # r_1 = 1/2: U_s = 2, U_f = -2, U_sq = 2 - 4 sqrt(1/2).
    u_sq = 2 - 4 * np.sqrt(0.5)
    assert own[0, 1, 0] == pytest.approx(-2 / 3 - u_sq)  # E^1(U_10)
    assert other[0, 1, 0] == pytest.approx(4 / 3 - u_sq)  # E^1(U_01)


def test_one_round_two_actors_confrontation_meets_at_the_expected_outcome() -> None:
    # Continuing the case above: both of actor 1's numbers are positive, a confrontation;
    # it moves by P_01 = 2/3 of the way toward 0: to 100/3. Actor 0 gets no offer.
    case = ModelInput.single([0, 100], [1, 0.5], [1, 1])
    out = expected_utility(case, max_rounds=1)
    np.testing.assert_allclose(out.trajectory[1, :, 0], [0.0, 100 / 3])
    assert out.rounds[0, 0] == 1
    # "loser": the side expecting less moves all the way; "none": nobody moves
    loser = expected_utility(case, max_rounds=1, confrontation="loser")
    np.testing.assert_allclose(loser.trajectory[1, :, 0], [0.0, 0.0])
    still = expected_utility(case, max_rounds=1, confrontation="none")
    np.testing.assert_allclose(still.trajectory[-1, :, 0], [0.0, 100.0])


def test_unanimity_needs_no_rounds() -> None:
    out = expected_utility(ModelInput.single([30, 30, 30], [1, 0.5, 0.2], [1, 2, 3]))
    assert out.outcome[0, 0] == 30
    assert out.rounds[0, 0] == 1 and out.converged[0, 0]


@pytest.mark.parametrize("rule", ["expected", "loser", "none"])
@pytest.mark.parametrize("q", [1.0, 0.5])
def test_every_rule_stays_within_the_positions(rule: str, q: float) -> None:
    out = expected_utility(_emissions(), q=q, confrontation=rule)  # type: ignore[arg-type]
    assert 4 <= out.outcome[0, 0] <= 10
    assert out.extra["params"]["confrontation"] == rule


def test_blocks_do_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(11)
    d, n, k = 40, 6, 2
    inputs = ModelInput(
        rng.uniform(0, 100, (d, n, k)), rng.uniform(0.1, 1, (d, n, k)), rng.uniform(0.1, 1, (d, n)), np.zeros((d, k))
    )
    big = expected_utility(inputs).outcome
    monkeypatch.setattr(eu_module, "_BLOCK_CELLS", 5 * n * n)  # blocks of 5 rows
    np.testing.assert_array_equal(expected_utility(inputs).outcome, big)


def test_bad_parameters_are_model_errors() -> None:
    inputs = _emissions()
    with pytest.raises(ModelError):
        expected_utility(inputs, q=1.5)
    with pytest.raises(ModelError):
        expected_utility(inputs, confrontation="fight")  # type: ignore[arg-type]
    with pytest.raises(ModelError):
        expected_utility(inputs, patience=0)
    with pytest.raises(ModelError):
        expected_utility(ModelInput.single([1, 2], [1, 1], [1, 1], scale=(5.0, 5.0)))


def _reference_utilities(x, s, w, mu, span, q, t):  # type: ignore[no-untyped-def]
    """Eqs. 5-7, 15-16, 22-24, 31, 33-34 written out with Python loops, for one row."""
    n = len(x)

    def prob(i: int, j: int) -> float:
        a = [abs(x[k] - x[j]) - abs(x[k] - x[i]) for k in range(n)]
        den = sum(w[k] * abs(a[k]) for k in range(n))
        return 0.5 if den == 0 else sum(w[k] * a[k] for k in range(n) if a[k] > 0) / den

    def eu(i: int, j: int, r: float, challenger: int) -> float:
        """E(U_cj) of `challenger` c (= i or j) challenging the other, valued with exponent r."""
        c, o = (i, j) if challenger == i else (j, i)
        d = abs(x[c] - x[o]) / span
        m = abs(x[c] - mu) / span
        u = lambda base: 2 - 4 * base**r  # noqa: E731
        u_s, u_f, u_sq = u(0.5 - 0.5 * d), u(0.5 + 0.5 * d), u(0.5)
        u_b, u_w = u(0.5 - 0.25 * (m + d)), u(0.5 + 0.25 * (m + d))
        p = prob(c, o)
        return (
            s[o] * (p * u_s + (1 - p) * u_f) + (1 - s[o]) * u_s
            - q * u_sq - (1 - q) * (t[c] * u_b + (1 - t[c]) * u_w)
        )

    sec = [sum(eu(j, i, 1.0, j) for j in range(n) if j != i) for i in range(n)]
    hi, lo = max(sec), min(sec)
    rel = [(2 * v - hi - lo) / (hi - lo) if hi > lo else 0.0 for v in sec]
    r = [(1 - v / 3) / (1 + v / 3) for v in rel]
    own = [[eu(i, j, r[i], i) for j in range(n)] for i in range(n)]
    other = [[eu(i, j, r[i], j) for j in range(n)] for i in range(n)]
    return np.array(own), np.array(other), np.array(r)


@pytest.mark.parametrize("q", [1.0, 0.5, 0.0])
def test_vectorised_utilities_match_a_loop_over_the_equations(q: float) -> None:
    rng = np.random.default_rng(int(q * 10))
    x = rng.uniform(0, 100, 6)
    s = rng.uniform(0.1, 1, 6)
    w = s * rng.uniform(0.1, 1, 6)
    t = rng.integers(0, 2, 6).astype(float)
    mu = float(x[2])
    own, other, _, r = challenge_utilities(x[None], s[None], w[None], np.array([mu]), 100.0, q, t[None])
    ref_own, ref_other, ref_r = _reference_utilities(x, s, w, mu, 100.0, q, t)
    np.testing.assert_allclose(r[0], ref_r, atol=1e-12)
    np.testing.assert_allclose(own[0], ref_own, atol=1e-12)
    np.testing.assert_allclose(other[0], ref_other, atol=1e-12)


# --- Regression pins: outputs of the first (straightforward) implementation -----------------
# The model was later rewritten for speed (rows-last layout, reused buffers, arithmetic
# masks); these numbers, computed with the first version, guard that rewrites change
# only the speed. Tolerance 1e-9: the rewrite may differ from it by rounding only.

EMISSIONS_PINS = [
    # (q, confrontation, choice, outcome, rounds, converged)
    (1.0, "expected", "credible", 8.174718213947802, 6, True),
    (1.0, "expected", "nearest", 7.614544101730298, 6, True),
    (1.0, "loser", "credible", 7.0, 3, True),
    (1.0, "none", "credible", 10.0, 5, True),
    (0.5, "expected", "credible", 7.747270432621198, 9, True),
    (0.5, "expected", "nearest", 7.254612718224076, 16, True),
    (0.5, "none", "nearest", 6.180381386818248, 5, True),
    (0.0, "expected", "credible", 7.310675344605801, 20, False),
    (0.0, "loser", "nearest", 7.007264874134059, 3, True),
    (0.0, "none", "credible", 9.317420302108339, 4, True),
]


@pytest.mark.parametrize(("q", "rule", "choice", "outcome", "rounds", "converged"), EMISSIONS_PINS)
def test_emissions_outputs_are_pinned(
    q: float, rule: str, choice: str, outcome: float, rounds: int, converged: bool
) -> None:
    out = expected_utility(_emissions(), q=q, confrontation=rule, choice=choice)  # type: ignore[arg-type]
    assert out.outcome[0, 0] == pytest.approx(outcome, abs=1e-9)
    assert out.rounds[0, 0] == rounds
    assert bool(out.converged[0, 0]) is converged


def _pinned_batch() -> ModelInput:
    """120 draws x 8 actors x 2 issues: half on a coarse grid (many exact ties), half continuous."""
    rng = np.random.default_rng(2025)
    d, n, k = 120, 8, 2
    pos = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(d, n, k))
    pos[d // 2 :] = rng.uniform(0, 100, (d - d // 2, n, k))
    return ModelInput(pos, rng.uniform(0.1, 1.0, (d, n, k)), rng.uniform(0.1, 1.0, (d, n)), np.zeros((d, k)))


@pytest.mark.parametrize(
    ("params", "total", "rounds", "converged", "first"),
    [
        ({}, 11840.064451049155, 1542, 240, [52.922901009481215, 72.85537701031068, 62.84824560652286]),
        ({"q": 0.5}, 11808.385553878863, 1864, 237, [51.94799033070062, 73.93827472767259, 63.70821476857993]),
        ({"choice": "nearest"}, 11620.636978006296, 2394, 201, [50.0, 71.33788173642955, 71.96080204688847]),
        ({"confrontation": "loser"}, 11758.508126327457, 872, 240, [50.0, 100.0, 75.0]),
    ],
)
def test_monte_carlo_batch_outputs_are_pinned(
    params: dict, total: float, rounds: int, converged: int, first: list[float]
) -> None:
    out = expected_utility(_pinned_batch(), **params)
    assert out.outcome.sum() == pytest.approx(total, abs=1e-7)
    np.testing.assert_allclose(out.outcome.ravel()[:3], first, atol=1e-9, rtol=0)
    assert out.rounds.sum() == rounds
    assert out.converged.sum() == converged


# --- The fast paths agree with the plain definitions ----------------------------------------


def _random_rows(seed: int, n: int, b: int, grid: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(N, B) positions, saliences, weights in the internal rows-last layout."""
    rng = np.random.default_rng(seed)
    x = rng.choice([0.0, 50.0, 100.0], size=(n, b)) if grid else rng.uniform(0, 100, (n, b))
    s = rng.uniform(0.05, 1.0, (n, b))
    w = s * rng.uniform(0.05, 1.0, (n, b))
    return x, s, w


@pytest.mark.parametrize("rule", ["expected", "loser"])
@pytest.mark.parametrize("grid", [False, True])
def test_confrontations_first_shortcut_matches_the_full_classification(rule: str, grid: bool) -> None:
    # With choice="credible" a round resolves confrontations for all rows and classifies
    # every offer only where some actor faces none; classifying every row must agree.
    n, b, span = 7, 300, 100.0
    x, s, w = _random_rows(3 if grid else 4, n, b, grid)
    mu = eu_module._weighted_median_t(x, *eu_module._median_thresholds(w))
    t = np.full((n, b), 0.5)
    with np.errstate(divide="ignore", invalid="ignore"):
        new, _ = eu_module._round_t(x, s, w, mu, span, 1.0, t, rule, "credible")  # type: ignore[arg-type]
        toward = x[None, :, :] - x[:, None, :]
        dist = np.abs(toward)
        p = eu_module._win_probability_t(x, w, dist)
        own, other, _ = eu_module._challenge_utilities_t(x, s, mu, span, 1.0, t, dist, p.copy())
        chosen = eu_module._classify(
            own, other, 1.0 - p, dist, toward, span, rule, "credible"  # type: ignore[arg-type]
        )
    expected = np.where(chosen < 1e299, x + np.where(chosen < 1e299, chosen, 0.0), x)
    np.testing.assert_array_equal(new, expected)
    assert np.any(new != x)  # something moved


def test_internal_weighted_median_matches_the_median_model() -> None:
    from detente.bargaining.models.median import weighted_median

    rng = np.random.default_rng(5)
    n, b = 9, 400
    x = rng.choice([10.0, 20.0, 30.0, 40.0], size=(b, n))  # many equal positions
    w = rng.choice([0.0, 0.5, 1.0, 2.0], size=(b, n))  # exact half-half splits, zero weights
    w[:20] = 0.0  # rows without any weight: the plain median
    thresholds = eu_module._median_thresholds(np.ascontiguousarray(w.T))
    got = eu_module._weighted_median_t(np.ascontiguousarray(x.T), *thresholds)
    np.testing.assert_array_equal(got, weighted_median(x, w))


def test_win_probability_is_complementary_with_ties_and_zero_weights() -> None:
    rng = np.random.default_rng(9)
    x = rng.choice([0.0, 30.0, 60.0], size=(50, 6))
    w = rng.choice([0.0, 0.3, 1.0], size=(50, 6))
    p = win_probability(x, w)
    np.testing.assert_allclose(p + np.swapaxes(p, 1, 2), 1.0, atol=1e-12)
    assert np.all((p >= -1e-12) & (p <= 1 + 1e-12))
    same = x[:, :, None] == x[:, None, :]
    np.testing.assert_array_equal(p[same], 0.5)
    dist = np.abs(x[:, :, None] - x[:, None, :])
    np.testing.assert_array_equal(win_probability(x, w, dist), p)


def test_actors_at_the_ends_of_the_scale_raise_no_warnings() -> None:
    # d = 1 makes a utility base 0 (log 0 inside a^r); that must stay silent and finite.
    import warnings

    case = ModelInput.single([0, 100, 100, 0, 50], [1, 0.5, 0.2, 0.9, 0.4], [1, 2, 1, 1, 3])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = expected_utility(case, q=0.5)
    assert np.isfinite(out.outcome).all()
    assert np.isfinite(out.extra["risk"]).all()


# --- fast paths: the sorted vote spread and the compiled kernel, pinned to the reference ---


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def _rows(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    """x, w (N, B) in the internal layout: 2-40 actors, 1-6 rows; half the time a coarse grid (ties)."""
    n, b = draw(st.integers(2, 40)), draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    grid = draw(st.booleans())
    x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(n, b)) if grid else rng.uniform(0, 100, (n, b))
    w = rng.uniform(0, 1, (n, b)) * (rng.uniform(size=(n, b)) > 0.2)  # some zero weights
    return x, w


@FAST
@given(rows=_rows())
def test_sorted_vote_spread_equals_the_direct_sum(rows: tuple[np.ndarray, np.ndarray]) -> None:
    x, w = rows
    dist = np.abs(x[None, :, :] - x[:, None, :])
    direct, fast = np.empty_like(dist), np.empty_like(dist)
    eu_module._vote_spread(dist * w[None, :, :], direct, np.empty_like(dist))
    eu_module._vote_spread_sorted(x, w, dist, fast)
    np.testing.assert_allclose(fast, direct, atol=1e-9 * max(1.0, direct.max()), rtol=0)
    np.testing.assert_array_equal(fast[dist == 0], 0.0)


@st.composite
def _cases(draw: st.DrawFn) -> ModelInput:
    """1-8 draws of one issue, 2-30 actors; coarse grids half the time (exact ties between offers)."""
    d, n = draw(st.integers(1, 8)), draw(st.integers(2, 30))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    grid = draw(st.booleans())
    x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(d, n, 1)) if grid else rng.uniform(0, 100, (d, n, 1))
    return ModelInput(x, rng.uniform(0, 1, (d, n, 1)), rng.uniform(0.05, 1, (d, n)), np.full((d, 1), 50.0))


PARAMS = [{}, {"q": 0.5}, {"choice": "nearest"}, {"confrontation": "loser"}]
#: The compiled kernel runs every rule itself (the whole round), so it is pinned on all of them.
KERNEL_PARAMS = [*PARAMS, {"confrontation": "none"}, {"q": 0.3, "choice": "nearest", "confrontation": "loser"}]


@pytest.mark.parametrize("params", PARAMS)
@FAST
@given(case=_cases())
def test_sorted_spread_path_gives_the_same_forecasts_and_rounds(params: dict, case: ModelInput) -> None:
    reference = expected_utility(case, engine="numpy", **params)
    saved = eu_module._SORTED_FROM
    eu_module._SORTED_FROM = 2  # every case through the sorted prefix sums
    try:
        fast = expected_utility(case, engine="numpy", **params)
    finally:
        eu_module._SORTED_FROM = saved
    np.testing.assert_allclose(fast.outcome, reference.outcome, atol=1e-9, rtol=0)
    np.testing.assert_array_equal(fast.rounds, reference.rounds)


def _assert_same_run(fast: ModelOutput, reference: ModelOutput) -> None:
    """Forecasts, rounds, convergence flags, draw 0's trajectory, medians and risk: equal to 1e-9."""
    np.testing.assert_allclose(fast.outcome, reference.outcome, atol=1e-9, rtol=0)
    np.testing.assert_array_equal(fast.rounds, reference.rounds)
    np.testing.assert_array_equal(fast.converged, reference.converged)
    assert fast.trajectory.shape == reference.trajectory.shape
    np.testing.assert_allclose(fast.trajectory, reference.trajectory, atol=1e-9, rtol=0)
    np.testing.assert_allclose(fast.extra["median_trajectory"], reference.extra["median_trajectory"], atol=1e-9, rtol=0)
    np.testing.assert_allclose(fast.extra["risk"], reference.extra["risk"], atol=1e-9, rtol=0)


@pytest.mark.parametrize("params", KERNEL_PARAMS)
@FAST
@given(case=_cases())
def test_compiled_kernel_gives_the_same_forecasts_and_rounds(params: dict, case: ModelInput) -> None:
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    reference = expected_utility(case, engine="numpy", **params)
    fast = expected_utility(case, engine="numba", **params)
    _assert_same_run(fast, reference)
    assert fast.extra["params"]["engine"] == "numba" and reference.extra["params"]["engine"] == "numpy"


@st.composite
def _large_cases(draw: st.DrawFn) -> ModelInput:
    """1-3 draws of 1-3 issues with 60-90 actors (the NumPy path's sorted spread from 64 on), coarse grids half the time."""
    d, n, k = draw(st.integers(1, 3)), draw(st.integers(60, 90)), draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    grid = draw(st.booleans())
    x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(d, n, k)) if grid else rng.uniform(0, 100, (d, n, k))
    return ModelInput(x, rng.uniform(0, 1, (d, n, k)), rng.uniform(0.05, 1, (d, n)), np.full((d, k), 50.0))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_large_cases(), q=st.sampled_from([1.0, 0.5]))
def test_compiled_kernel_equals_numpy_on_many_actors_and_issues(case: ModelInput, q: float) -> None:
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    _assert_same_run(expected_utility(case, engine="numba", q=q), expected_utility(case, engine="numpy", q=q))


def test_compiled_kernel_with_no_rounds_and_one_round() -> None:
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    rng = np.random.default_rng(5)
    case = ModelInput(rng.uniform(0, 100, (4, 20, 2)), rng.uniform(0, 1, (4, 20, 2)), rng.uniform(0.1, 1, (4, 20)),
                      np.full((4, 2), 50.0))
    for max_rounds in (0, 1):
        fast = expected_utility(case, engine="numba", max_rounds=max_rounds)
        _assert_same_run(fast, expected_utility(case, engine="numpy", max_rounds=max_rounds))
        assert (fast.rounds == max_rounds).all()


def test_compiled_kernel_win_probabilities_equal_the_reference() -> None:
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    from detente.bargaining.models._eu_kernel import win_probability_numba

    rng = np.random.default_rng(12)
    x = rng.choice([0.0, 30.0, 60.0, 90.0], size=(25, 40))
    w = rng.choice([0.0, 0.3, 1.0], size=(25, 40))
    dist = np.abs(x[None, :, :] - x[:, None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        reference = eu_module._win_probability_t(x, w, dist)
    fast = win_probability_numba(x, w, np.empty_like(dist))
    np.testing.assert_allclose(fast, reference, atol=1e-12)
    np.testing.assert_array_equal(fast[dist == 0], 0.5)


def test_engine_is_checked_and_recorded() -> None:
    case = ModelInput.single([0, 40, 100], [1, 0.5, 0.8], [1, 2, 1])
    with pytest.raises(ModelError, match="engine"):
        expected_utility(case, engine="gpu")  # type: ignore[arg-type]
    assert expected_utility(case).extra["params"]["engine"] == "numpy"  # auto: 3 actors stay on NumPy


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_threads_do_not_change_results(engine: str) -> None:
    if engine == "numba":
        pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    rng = np.random.default_rng(21)
    d, n = 300, 40  # NumPy: 64 rows a block, 5 blocks; the kernel: 10 rows a block, 30 blocks (2 threads); side by side
    case = ModelInput(rng.uniform(0, 100, (d, n, 1)), rng.uniform(0.1, 1, (d, n, 1)), rng.uniform(0.1, 1, (d, n)),
                      np.full((d, 1), 50.0))
    one = expected_utility(case, engine=engine, threads=1)
    two = expected_utility(case, engine=engine, threads=2)
    np.testing.assert_array_equal(one.outcome, two.outcome)
    np.testing.assert_array_equal(one.rounds, two.rounds)
    np.testing.assert_array_equal(one.trajectory, two.trajectory)
    with pytest.raises(ModelError, match="threads"):
        expected_utility(case, threads=-1)
