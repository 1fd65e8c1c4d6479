"""Plan tests: utilities, acceptance against the status quo, ranking by capability-weighted acceptance."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.plans import evaluate_plans, utility
from detente.bargaining.scenario import parse_scenario, scenario_from_arrays
from detente.errors import ScenarioError

TOY = (Path(__file__).parent / "scenario_toy.yaml").read_text(encoding="utf-8")

PLANS = """
  relief:
    title: Full relief
    description: all sanctions lifted
    source: {estimate: "test"}
    point: {sanctions: 100}
  half:
    title: Half relief
    description: partial relief
    source: {estimate: "test"}
    point:
      sanctions: {value: 50, source: {cite: memo, quote: "half"}}
"""


def test_utility_is_salience_weighted_distance() -> None:
    pos = np.array([[0.0, 100.0], [50.0, 50.0]])
    sal = np.array([[1.0, 3.0], [0.0, 0.0]])
    u = utility(pos, sal, np.array([0.0, 0.0]))
    # actor 0: (1 * 0 + 3 * 1) / 4 = 0.75 distance -> 0.25; actor 1 cares about nothing -> 1
    np.testing.assert_allclose(u, [0.25, 1.0])
    assert utility(pos[None], sal[None], np.array([[0.0, 100.0]]))[0, 0] == pytest.approx(1.0)


def test_acceptance_against_status_quo() -> None:
    s = parse_scenario(TOY.replace("plans:\n", "plans:\n" + PLANS.lstrip("\n")))
    fc = run_forecast(s, ["compromise"], draws=400, seed=8)
    results = {r.plan: r for r in evaluate_plans(s, fc)}
    keep = results["keep"]
    # keeping the status quo is accepted by everyone with zero margin
    assert all(v.accepts and v.margin == pytest.approx(0) for v in keep.verdicts)
    assert keep.support == pytest.approx(1.0) and keep.unanimity == pytest.approx(1.0)
    relief = results["relief"]
    assert relief.verdict("RUS").accepts and relief.verdict("RUS").margin == pytest.approx(65.0)  # 70 from the status quo, 5 from the plan
    # USA's mode is 50: 100 is 50 away, the status quo 25 is 25 away
    assert not relief.verdict("USA").accepts
    assert relief.verdict("USA").margin == pytest.approx(-25.0)
    assert 0 < relief.verdict("USA").p_accept < 0.2  # only draws with USA position > 62.5 accept
    # margin vs the forecast is reported
    assert relief.verdict("RUS").margin_vs_forecast is not None
    half = results["half"]
    assert half.verdict("USA").accepts and half.verdict("RUS").accepts


def test_ranking_by_capability_weighted_acceptance() -> None:
    s = scenario_from_arrays(
        name="rank", actors=["A", "B", "C"], issues=["x"], positions=[[0], [40], [100]], salience=[[1], [1], [1]],
        capability=[10, 1, 1], status_quo=[50],
    )
    from detente.bargaining.scenario import Plan, PlanValue, Source

    plans = {
        "left": Plan("left", "Left", "", Source(estimate="t"), {"x": PlanValue(10)}),
        "right": Plan("right", "Right", "", Source(estimate="t"), {"x": PlanValue(90)}),
    }
    import dataclasses

    s = dataclasses.replace(s, plans=plans)
    ranked = evaluate_plans(s, draws=10, seed=1)
    assert [r.plan for r in ranked] == ["left", "right"]
    assert ranked[0].support == pytest.approx(10 / 12)  # only A (B at 40 prefers the status quo 50)
    assert ranked[1].support == pytest.approx(1 / 12)  # only C
    assert ranked[0].unanimity == 0.0


def test_no_plans_and_unknown_plan() -> None:
    s = parse_scenario(TOY[: TOY.index("plans:")])
    with pytest.raises(ScenarioError, match="no plans"):
        evaluate_plans(s, draws=5)
    with pytest.raises(ScenarioError, match="unknown plan"):
        evaluate_plans(parse_scenario(TOY), plans=["nope"], draws=5)


@settings(max_examples=40, deadline=None)
@given(
    positions=arrays(np.float64, (4, 3), elements=st.floats(0, 100)),
    salience=arrays(np.float64, (4, 3), elements=st.floats(0, 1)),
    point=arrays(np.float64, (3,), elements=st.floats(0, 100)),
)
def test_utility_properties(positions, salience, point) -> None:
    u = utility(positions, salience, point)
    assert np.all((u >= -1e-12) & (u <= 1 + 1e-12))
    own = np.array([utility(positions[i : i + 1], salience[i : i + 1], positions[i])[0] for i in range(4)])
    np.testing.assert_allclose(own, 1.0)  # nothing beats getting exactly what you want
    perm = np.array([2, 0, 3, 1])
    np.testing.assert_allclose(utility(positions[perm], salience[perm], point), u[perm])  # relabelling actors


@settings(max_examples=60, deadline=None)
@given(
    cap=arrays(np.float64, (40, 4), elements=st.floats(0.1, 10.0)),
    accept=arrays(np.bool_, (40, 4)),
)
def test_swings_split_the_variance_of_support(cap: np.ndarray, accept: np.ndarray) -> None:
    from detente.bargaining.plans import _support_by_draw

    per_draw, swing = _support_by_draw(cap, accept)
    assert np.all((per_draw >= -1e-12) & (per_draw <= 1 + 1e-12))
    varies = accept.any(axis=0) & ~accept.all(axis=0)
    if varies.any():
        assert swing.sum() == pytest.approx(1.0)
    else:
        assert not swing.any()
    # an actor whose verdict never changes decides nothing, however heavy it is
    assert np.allclose(swing[~varies], 0.0)


def test_decisive_actor_is_the_one_whose_verdict_is_open() -> None:
    import dataclasses

    from detente.bargaining.scenario import Plan, PlanValue, Source

    # A (heavy) always accepts 10 (its position 0, status quo 50); B's position straddles the plan
    s = scenario_from_arrays(
        name="decide", actors=["A", "B", "C"], issues=["x"], positions=[[0], [30], [100]], salience=[[1], [1], [1]],
        capability=[10, 3, 1], status_quo=[50],
    )
    wide = dataclasses.replace(s.stances[("B", "x")], position=dataclasses.replace(s.stances[("B", "x")].position, low=0.0, high=60.0))
    s = dataclasses.replace(s, stances={**s.stances, ("B", "x"): wide}, plans={"p": Plan("p", "P", "", Source(estimate="t"), {"x": PlanValue(10)})})
    (r,) = evaluate_plans(s, draws=400, seed=2)
    assert r.decisive == "B"
    assert r.verdict("A").swing == pytest.approx(0.0) and r.verdict("C").swing == pytest.approx(0.0)
    assert r.support_p10 < r.support_p90
def test_plans_refuse_a_variant_forecast_with_the_base_scenario() -> None:
    """Regression: a base scenario and a variant's forecast used to be mixed silently."""
    from detente.bargaining.plans import evaluate_plans
    from detente.cases import load_case
    from detente.errors import ScenarioError

    case = load_case()
    name = next(iter(case.variants))
    variant_fc = run_forecast(case.with_variant(name), ["compromise"], draws=50)
    with pytest.raises(ScenarioError, match=f"variant '{name}'"):
        evaluate_plans(case, variant_fc)
    # the matching pair is accepted and reuses the forecast's own draws
    assert evaluate_plans(case.with_variant(name), variant_fc)
