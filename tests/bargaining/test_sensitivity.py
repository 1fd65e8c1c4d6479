"""Sensitivity: Sobol checked on Ishigami's analytic indices; oat and morris on a case with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.scenario import scenario_from_arrays
from detente.bargaining.sensitivity import analyse, check_method, model_rows, morris_indices, sobol_indices
from detente.cases import load_case
from detente.errors import InputError, ModelError, ScenarioError

pytest.importorskip("SALib")

# Ishigami (a=7, b=0.1) on [-pi, pi]^3: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
A, B = 7.0, 0.1
V = A**2 / 8 + B * np.pi**4 / 5 + B**2 * np.pi**8 / 18 + 0.5
V1 = 0.5 * (1 + B * np.pi**4 / 5) ** 2
V2 = A**2 / 8
V13 = B**2 * np.pi**8 * (1 / 18 - 1 / 50)
ISHIGAMI_S1 = np.array([V1 / V, V2 / V, 0.0])
ISHIGAMI_ST = np.array([(V1 + V13) / V, V2 / V, V13 / V])


def ishigami(u: np.ndarray) -> np.ndarray:
    x = -np.pi + 2 * np.pi * u
    return (np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0]))[:, None]


def test_sobol_recovers_the_ishigami_indices() -> None:
    res = sobol_indices(ishigami, 3, 8192, seed=3)
    np.testing.assert_allclose(res["S1"][:, 0], ISHIGAMI_S1, atol=0.02)
    np.testing.assert_allclose(res["ST"][:, 0], ISHIGAMI_ST, atol=0.02)
    assert np.all(res["ST_conf"][:, 0] < 0.05)


def test_morris_screens_ishigami_like_its_total_indices() -> None:
    res = morris_indices(ishigami, 3, 200, seed=3)
    mu, mu_star, sigma = res["mu"][:, 0], res["mu_star"][:, 0], res["sigma"][:, 0]
    assert mu_star[2] < min(mu_star[0], mu_star[1])  # x3 matters least (ST 0.24 against 0.56 and 0.44)
    assert abs(mu[1]) < 0.1 * mu_star[1]  # sin^2 is symmetric: x2's effects cancel in mu, not in mu*
    assert sigma[2] > 5 * abs(mu[2])  # x3 acts only through its interaction with x1


@pytest.fixture(scope="module")
def pair():
    """Two actors, one issue, point values: compromise = (c1 s1 x1 + c2 s2 x2) / (c1 s1 + c2 s2) = 50."""
    return scenario_from_arrays(name="pair", actors=["A", "B"], issues=["deal"], positions=[[20.0], [80.0]], salience=[[1.0], [1.0]], capability=[1.0, 1.0])


def test_oat_gives_the_analytic_swings_and_names_the_default_spread(pair) -> None:
    r = analyse(pair, method="oat", models=["compromise"], draws=10)
    eff = dict(zip(r.inputs, r.indices["effect"][:, 0]))
    assert eff["positions.A.deal.position"] == pytest.approx((30 + 80) / 2 - (10 + 80) / 2)
    assert eff["actors.A.capability"] == pytest.approx((1.1 * 20 + 80) / 2.1 - (0.9 * 20 + 80) / 1.9)
    assert eff["issues.deal.status_quo"] == 0.0  # the compromise ignores the status quo
    assert r.ranking(top=2)[0][0] in ("positions.A.deal.position", "positions.B.deal.position")
    assert r.baseline[0] == pytest.approx(50.0)
    assert len(r.defaulted) == len(r.inputs) and "default spread" in r.notes[0]


def test_no_spread_and_no_ranges_is_an_error(pair) -> None:
    with pytest.raises(InputError, match="no input can be swept"):
        analyse(pair, method="oat", models=["compromise"], draws=10, spread=0)


def test_morris_finds_what_matters_and_what_does_not(pair) -> None:
    r = analyse(pair, method="morris", models=["compromise"], draws=10)
    mu = dict(zip(r.inputs, r.indices["mu_star"][:, 0]))
    assert mu["issues.deal.status_quo"] == 0.0
    assert mu["positions.A.deal.position"] > mu["actors.A.capability"] > 0


def test_oat_reuses_the_forecasts_draws_and_refuses_another_scenarios() -> None:
    case = load_case()
    fc = run_forecast(case, ["compromise"], draws=60, seed=31)
    r = analyse(case, method="oat", forecast=fc)
    assert r.draws == 60 and r.seed == 31 and r.models == ["compromise"]
    again = analyse(case, method="oat", models=["compromise"], draws=60, seed=31)
    np.testing.assert_array_equal(r.indices["effect"], again.indices["effect"])
    variant = case.with_variant(next(iter(case.variants)))
    with pytest.raises(ScenarioError, match="other inputs"):
        analyse(variant, method="oat", forecast=fc)


@pytest.mark.parametrize(
    ("method", "draws", "match"),
    [("sobl", None, "did you mean 'sobol'"), ("sobol", 100, "use 64 or 128"), ("oat", 0, "too few"), ("morris", 1, "too few")],
)
def test_bad_method_or_draws_fail_before_any_work(method: str, draws: int | None, match: str) -> None:
    with pytest.raises(InputError, match=match):
        check_method(method, draws)


def test_unknown_model_suggests_the_nearest(pair) -> None:
    with pytest.raises(ModelError, match="did you mean 'compromise'"):
        analyse(pair, models=["compromse"])


def test_sobol_on_the_case_is_identical_on_dask_and_here(dask_cluster) -> None:
    from detente.bargaining.executor import open_executor

    case = load_case()
    here = analyse(case, method="sobol", models=["compromise", "median"], draws=16, seed=5)
    with open_executor(dask_cluster.scheduler_address) as ex:
        there = analyse(case, method="sobol", models=["compromise", "median"], draws=16, seed=5, executor=ex)
    for key in here.indices:
        np.testing.assert_array_equal(here.indices[key], there.indices[key])
    oat_here = analyse(case, method="oat", models=["compromise"], draws=40, seed=5)
    with open_executor(dask_cluster.scheduler_address) as ex:
        oat_there = analyse(case, method="oat", models=["compromise"], draws=40, seed=5, executor=ex)
    np.testing.assert_array_equal(oat_here.indices["effect"], oat_there.indices["effect"])


@pytest.mark.parametrize("method", ["oat", "morris", "sobol"])
def test_model_rows_are_the_rows_the_executor_runs(pair, counting_executor, method: str) -> None:
    # the samplers' designs and the baseline, for every model: what `analyse` hands the executor
    analyse(pair, method=method, models=["compromise", "median"], draws=8, executor=counting_executor)
    assert counting_executor.rows == model_rows(pair, method=method, draws=8, models=["compromise", "median"])
    assert model_rows(pair, method=method, draws=8, models=["compromise"]) < model_rows(pair, method=method, draws=16, models=["compromise"])


@pytest.mark.parametrize("method", ["oat", "morris", "sobol"])
def test_model_rows_leave_out_the_inputs_the_sweep_leaves_fixed(counting_executor, method: str) -> None:
    # A's capability is 0: no default spread moves it, so it is not swept, nor counted
    zero = scenario_from_arrays(name="zero", actors=["A", "B"], issues=["deal"], positions=[[20.0], [80.0]],
                                salience=[[1.0], [1.0]], capability=[0.0, 1.0])
    r = analyse(zero, method=method, models=["compromise"], draws=4, executor=counting_executor)
    assert r.fixed == ["actors.A.capability"] and "actors.A.capability" not in r.inputs
    assert all(v.shape == (len(r.inputs), 1) for v in r.indices.values())  # oat with a fixed input used to fail here
    assert counting_executor.rows == model_rows(zero, method=method, draws=4, models=["compromise"])


