"""Monte Carlo: seeded, reproducible, vectorised draws; failures reported, not hidden."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.bargaining.models.base import MODELS, ModelInput, ModelOutput, register_model
from detente.bargaining.montecarlo import draw_inputs, mode_inputs, run_forecast, sensitivity, triangular_ppf
from detente.bargaining.scenario import Estimate, Source, parse_scenario
from detente.errors import ModelError

TOY = (Path(__file__).parent / "scenario_toy.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def toy():
    return parse_scenario(TOY)


def test_same_seed_identical_output(toy) -> None:
    a = run_forecast(toy, ["compromise"], draws=300, seed=11)
    b = run_forecast(toy, ["compromise"], draws=300, seed=11)
    np.testing.assert_array_equal(a.outcomes["compromise"], b.outcomes["compromise"])
    assert a.summary() == b.summary()
    assert a.input_hash == b.input_hash
    c = run_forecast(toy, ["compromise"], draws=300, seed=12)
    assert not np.array_equal(a.outcomes["compromise"], c.outcomes["compromise"])


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), draws=st.integers(min_value=1, max_value=50))
def test_same_seed_identical_inputs_property(seed: int, draws: int) -> None:
    s = parse_scenario(TOY)
    a, b = draw_inputs(s, draws, seed), draw_inputs(s, draws, seed)
    for field in ("positions", "salience", "capability", "status_quo"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))


def test_draws_stay_in_ranges_and_points_are_fixed(toy) -> None:
    mc = draw_inputs(toy, 2000, 3)
    assert mc.positions.shape == (2000, 2, 1)
    usa = mc.positions[:, 0, 0]
    assert usa.min() >= 30 and usa.max() <= 70
    assert abs(np.median(usa) - 50) < 2  # symmetric triangle: median at the mode
    assert np.all(mc.positions[:, 1, 0] == 95)  # a point value never varies
    assert np.all((mc.salience >= 0) & (mc.salience <= 1))
    assert np.all(mc.status_quo == 25)


def test_triangular_ppf_matches_the_distribution() -> None:
    u = (np.arange(100_000) + 0.5) / 100_000
    x = triangular_ppf(u, np.array(0.0), np.array(20.0), np.array(100.0))
    # mean of a triangle is (a + m + b) / 3; F(m) = (m - a) / (b - a)
    assert x.mean() == pytest.approx(40.0, abs=0.05)
    assert np.mean(x < 20.0) == pytest.approx(0.2, abs=1e-3)
    assert np.all(triangular_ppf(u[:5], np.array(7.0), np.array(7.0), np.array(7.0)) == 7.0)


def test_common_random_numbers_across_actor_sets(toy) -> None:
    """An actor's draws depend on the seed and its code, not on who else is at the table."""
    base = draw_inputs(toy, 200, 5)
    fewer = dataclasses.replace(toy, actors=toy.actors[:1], stances={k: v for k, v in toy.stances.items() if k[0] == "USA"})
    one = draw_inputs(fewer, 200, 5)
    np.testing.assert_array_equal(base.positions[:, 0], one.positions[:, 0])
    np.testing.assert_array_equal(base.capability[:, 0], one.capability[:, 0])


def test_input_kinds_use_independent_streams(toy) -> None:
    # both USA position and salience are ranges in another scenario; their uniforms must differ
    s = parse_scenario(TOY.replace("salience: {value: 0.5,", "salience: {value: [0, 0.5, 1],"))
    mc = draw_inputs(s, 500, 9)
    u_pos = (mc.positions[:, 0, 0] - 30) / 40
    u_sal = mc.salience[:, 0, 0]
    assert abs(np.corrcoef(u_pos, u_sal)[0, 1]) < 0.15


def test_vectorised_equals_per_draw_loop(toy) -> None:
    fc = run_forecast(toy, ["compromise"], draws=50, seed=1)
    mc = draw_inputs(toy, 50, 1)
    loop = [
        MODELS["compromise"](
            ModelInput(mc.positions[d : d + 1], mc.salience[d : d + 1], mc.capability[d : d + 1], mc.status_quo[d : d + 1])
        ).outcome[0]
        for d in range(50)
    ]
    np.testing.assert_allclose(fc.outcomes["compromise"], np.array(loop))


def test_point_forecast_at_modes(toy) -> None:
    fc = run_forecast(toy, ["compromise"], draws=10, seed=1)
    m = mode_inputs(toy)
    w = m.capability[0] * m.salience[0, :, 0]
    expected = (w * m.positions[0, :, 0]).sum() / w.sum()
    assert fc.point["compromise"][0] == pytest.approx(expected)
    assert fc.get("compromise", "sanctions").point == pytest.approx(expected)


def test_provenance_recorded(toy) -> None:
    from detente import __version__

    fc = run_forecast(toy, ["compromise"], draws=20, seed=77)
    prov = fc.provenance()
    assert prov["seed"] == 77 and prov["draws"] == 20
    assert prov["input_hash"] == toy.input_hash()
    assert prov["detente_version"] == __version__
    assert prov["params"] == {"compromise": {}}
    frame = fc.to_frame()
    assert list(frame.columns) == ["draw", "model", "issue", "value"]
    assert len(frame) == 20
    summary = fc.get("compromise", "sanctions")
    assert summary.p10 <= summary.median <= summary.p90


@pytest.fixture
def broken_model():
    @register_model("_broken_for_test")
    def broken(inputs: ModelInput, *, knob: float = 1.0) -> ModelOutput:
        raise ValueError("deliberately broken")

    yield "_broken_for_test"
    MODELS.pop("_broken_for_test", None)


def test_failing_model_is_reported_not_hidden(toy, broken_model) -> None:
    fc = run_forecast(toy, ["compromise", broken_model], draws=20, seed=1)
    assert fc.models == ["compromise"]
    assert "deliberately broken" in fc.failures[broken_model]
    assert fc.params[broken_model] == {"knob": 1.0}
    with pytest.raises(ModelError, match="every model failed"):
        run_forecast(toy, [broken_model], draws=5, seed=1)


def test_unknown_model_and_parameter(toy, broken_model) -> None:
    with pytest.raises(ModelError, match="unknown model"):
        run_forecast(toy, ["nonesuch"], draws=5)
    with pytest.raises(ModelError, match="parameter 'nope'"):
        run_forecast(toy, [broken_model], draws=5, params={broken_model: {"nope": 1}})


def test_zero_draws_rejected(toy) -> None:
    with pytest.raises(ModelError, match="draws"):
        draw_inputs(toy, 0, 1)


def test_every_registered_model_runs_on_the_toy(toy) -> None:
    fc = run_forecast(toy, None, draws=40, seed=2)
    assert not fc.failures, fc.failures
    for model, out in fc.outcomes.items():
        assert out.shape == (40, 1)
        assert np.all((out >= 0) & (out <= 100)), model


def test_estimate_source_kept() -> None:
    e = Estimate(1, 2, 3, Source(estimate="why"))
    assert e.source.describe() == "estimate: why"


def test_actor_order_in_the_file_does_not_matter(toy) -> None:
    """Draws are keyed by actor code, so listing the actors in another order gives the same forecast."""
    reordered = dataclasses.replace(toy, actors=toy.actors[::-1])
    assert reordered.actor_codes == ["RUS", "USA"]
    a = run_forecast(toy, ["compromise", "median"], draws=300, seed=5)
    b = run_forecast(reordered, ["compromise", "median"], draws=300, seed=5)
    for model in a.models:
        np.testing.assert_allclose(a.outcomes[model], b.outcomes[model])
    mc_a, mc_b = draw_inputs(toy, 50, 5), draw_inputs(reordered, 50, 5)
    np.testing.assert_array_equal(mc_a.positions[:, 0], mc_b.positions[:, 1])


def test_sensitivity_finds_the_driving_input(toy) -> None:
    """Only USA's position and RUS's capability and salience vary in the toy; USA's position drives the mean."""
    fc = run_forecast(toy, ["compromise"], draws=1000, seed=3)
    (top, *rest) = sensitivity(toy, fc)["sanctions"]
    assert top[0] == "positions.USA.sanctions.position"
    assert top[1] > 0.5
    assert all(abs(rho) <= abs(top[1]) for _, rho in rest)
    assert not any(name == "positions.RUS.sanctions.position" for name, _ in [top, *rest])  # a point never varies


def test_a_chunk_of_draws_equals_the_same_slice_of_one_long_run(toy) -> None:
    """Draws depend on seed, input and draw index only: never on how the run is split."""
    whole = draw_inputs(toy, 1500, 21)
    part = draw_inputs(toy, 500, 21, start=1000)
    for f in ("positions", "salience", "capability", "status_quo"):
        np.testing.assert_array_equal(getattr(whole, f)[1000:], getattr(part, f))


def test_forecast_is_the_same_whatever_the_chunking(toy, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.bargaining.montecarlo as mc

    a = run_forecast(toy, ["compromise", "expected_utility"], draws=700, seed=4)
    monkeypatch.setattr(mc, "CHUNK_ROWS", 64)
    b = run_forecast(toy, ["compromise", "expected_utility"], draws=700, seed=4)
    for m in a.models:
        np.testing.assert_array_equal(a.outcomes[m], b.outcomes[m])
    assert a.diagnostics == b.diagnostics


def test_forecast_keeps_the_draws_it_used(toy) -> None:
    fc = run_forecast(toy, ["compromise"], draws=200, seed=8)
    assert fc.inputs is not None
    np.testing.assert_array_equal(fc.inputs.positions, draw_inputs(toy, 200, 8).positions)


def test_sensitivity_refuses_a_forecast_of_other_inputs() -> None:
    from detente.cases import load_case
    from detente.errors import ScenarioError

    case = load_case()
    variant = case.with_variant(next(iter(case.variants)))
    fc = run_forecast(variant, ["compromise"], draws=50)
    with pytest.raises(ScenarioError, match="forecast was run on other inputs"):
        sensitivity(case, fc)


def test_deu_tuned_models_run_only_when_named(toy) -> None:
    from detente.bargaining.montecarlo import available_models, default_models

    tuned = {"salience_compromise", "reference_compromise", "model_mean"}
    assert tuned <= set(available_models())
    assert not tuned & set(default_models())
    assert {"compromise", "median", "nash", "expected_utility", "smp", "eu_compromise"} <= set(default_models())
    unasked = run_forecast(toy, draws=20, seed=1)
    assert unasked.models == default_models()
    named = run_forecast(toy, ["salience_compromise"], draws=20, seed=1)
    assert named.models == ["salience_compromise"]


# ---------------------------------------------------------------- combined models


def _counting(monkeypatch, name: str) -> list[int]:
    """Replace MODELS[name] with a wrapper that counts its calls (same signature)."""
    import functools

    calls: list[int] = []
    fn = MODELS[name]

    @functools.wraps(fn)
    def spy(inputs, **kw):
        calls.append(inputs.shape[0])
        return fn(inputs, **kw)

    monkeypatch.setitem(MODELS, name, spy)
    return calls


def test_eu_compromise_reuses_the_expected_utility_run(toy, monkeypatch) -> None:
    from detente.bargaining.models.expected_utility import eu_compromise

    calls = _counting(monkeypatch, "eu_compromise")
    fc = run_forecast(toy, ["compromise", "expected_utility", "eu_compromise"], draws=300, seed=5)
    assert calls == []  # taken from its members' outcomes, not run again
    direct = eu_compromise(fc.inputs)
    np.testing.assert_array_equal(fc.outcomes["eu_compromise"], direct.outcome)
    np.testing.assert_array_equal(fc.point["eu_compromise"], eu_compromise(mode_inputs(toy)).outcome[0])
    assert fc.diagnostics["eu_compromise"] == fc.diagnostics["expected_utility"]
    assert fc.models == ["compromise", "expected_utility", "eu_compromise"]


def test_eu_compromise_runs_itself_when_its_members_differ(toy, monkeypatch) -> None:
    calls = _counting(monkeypatch, "eu_compromise")
    alone = run_forecast(toy, ["eu_compromise"], draws=100, seed=5)
    assert calls == [100, 1]  # the draws and the modes
    calls.clear()
    # expected_utility with other parameters than eu_compromise's: no reuse
    other = run_forecast(toy, ["compromise", "expected_utility", "eu_compromise"], draws=100, seed=5, params={"expected_utility": {"q": 0.5}})
    assert calls == [100, 1]
    np.testing.assert_array_equal(other.outcomes["eu_compromise"], alone.outcomes["eu_compromise"])


def test_model_mean_reuses_its_members(toy, monkeypatch) -> None:
    from detente.bargaining.models.model_mean import model_mean

    calls = _counting(monkeypatch, "model_mean")
    names = ["model_mean", "median", "compromise"]
    fc = run_forecast(toy, names, draws=200, seed=9, params={"model_mean": {"members": "compromise+median"}})
    assert calls == []
    assert fc.models == names
    np.testing.assert_array_equal(fc.outcomes["model_mean"], model_mean(fc.inputs, members="compromise+median").outcome)
    assert fc.diagnostics["model_mean"] == {}


def test_a_failed_member_fails_the_combination(toy) -> None:
    @register_model("test_broken_eu")
    def broken(inputs: ModelInput, **_: object) -> ModelOutput:
        raise ModelError("broken on purpose")

    from detente.bargaining.montecarlo import COMBINATIONS, Combination

    try:
        COMBINATIONS["test_combo"] = Combination(lambda params: {"test_broken_eu": {}, "compromise": {}})
        register_model("test_combo")(lambda inputs: ModelOutput(outcome=np.zeros((inputs.shape[0], inputs.shape[2]))))
        fc = run_forecast(toy, ["compromise", "test_broken_eu", "test_combo"], draws=20, seed=1)
        assert "broken on purpose" in fc.failures["test_combo"]
        assert fc.models == ["compromise"]
    finally:
        COMBINATIONS.pop("test_combo", None)
        for name in ("test_broken_eu", "test_combo"):
            MODELS.pop(name, None)


def test_progress_names_only_the_models_that_run(toy) -> None:
    seen: list[tuple[str, int, int]] = []
    run_forecast(toy, ["compromise", "expected_utility", "eu_compromise"], draws=50, seed=2, on_model=lambda *a: seen.append(a))
    assert seen and {name for name, _, _ in seen} <= {"compromise", "expected_utility"}
    assert all(total == 2 for _, _, total in seen)


def test_a_model_that_can_run_elsewhere_is_submitted_first_and_run_last(toy, monkeypatch: pytest.MonkeyPatch) -> None:
    """`SUBMITTERS`: the forecast hands such a model's chunks and modes over before the
    others run, runs its own calls last, and reports the same numbers in the asked order."""
    from detente.bargaining.executor import LocalPool
    from detente.bargaining.models import base
    from detente.bargaining.montecarlo import submit_ahead

    calls: list[str] = []
    submitted: list[int] = []

    def submit(inputs: ModelInput, **params) -> bool:
        calls.append("submit")
        submitted.append(inputs.shape[0])
        return True

    reference = run_forecast(toy, ["median", "compromise"], draws=120, seed=5)  # registers the models
    median = MODELS["median"]

    def watched(name: str, fn):
        def run(inputs: ModelInput, **params) -> ModelOutput:
            calls.append(name)
            return fn(inputs, **params)

        return run

    monkeypatch.setitem(MODELS, "median", watched("median", median))
    monkeypatch.setitem(MODELS, "compromise", watched("compromise", MODELS["compromise"]))
    monkeypatch.setitem(base.SUBMITTERS, "median", submit)
    fc = run_forecast(toy, ["median", "compromise"], draws=120, seed=5)
    assert calls == ["submit", "submit", "compromise", "median", "median", "compromise"]  # draws, then the modes in the asked order
    assert submitted == [120, 1]  # every chunk of draws, then the modes
    assert fc.models == ["median", "compromise"]
    for m in fc.models:
        np.testing.assert_array_equal(fc.outcomes[m], reference.outcomes[m])
    # a pool runs the chunks in other processes: nothing is handed over from here
    calls.clear()
    assert submit_ahead(None, ["median"], 10, mode_inputs(toy), LocalPool(1)) == set()  # type: ignore[arg-type]
    assert calls == []


def test_check_models_suggests_the_nearest_registered_model() -> None:
    from detente.bargaining.montecarlo import available_models, check_models
    from detente.errors import ModelError

    assert check_models(("compromise", "median")) == ["compromise", "median"]
    with pytest.raises(ModelError, match="unknown model 'expected_utilty'") as err:
        check_models(["compromise", "expected_utilty"])
    assert "did you mean 'expected_utility'?" in str(err.value.hint)
    assert all(name in str(err.value.hint) for name in available_models())
