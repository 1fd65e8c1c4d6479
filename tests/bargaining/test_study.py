"""run_study: the library call behind `detente forecast`, `plans`, the web app and the report."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from detente.bargaining import study as study_module
from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.plans import evaluate_plans
from detente.bargaining.scenario import parse_scenario
from detente.bargaining.study import TABLES, parse_plan_spec, run_study
from detente.cases import load_case
from detente.errors import InputError, ModelError

TOY = (Path(__file__).parent / "scenario_toy.yaml").read_text(encoding="utf-8")
FAST = {"models": ["compromise", "median"], "draws": 120, "seed": 3}


def test_module_examples_run() -> None:
    result = doctest.testmod(study_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_study_matches_the_parts_it_is_made_of() -> None:
    case = load_case()
    s = run_study(case, **FAST)
    fc = run_forecast(case, FAST["models"], draws=120, seed=3)
    assert s.forecast.to_dict() == fc.to_dict()
    assert [r.to_dict() for r in s.plans] == [r.to_dict() for r in evaluate_plans(case, fc)]
    assert s.base_forecast is None and s.shifts == [] and not s.changed


def test_same_seed_same_document_and_provenance() -> None:
    a = run_study("us-russia-2025", **FAST).to_dict()
    b = run_study("us-russia-2025", **FAST).to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    prov = a["provenance"]
    assert prov["seed"] == 3 and prov["draws"] == 120 and prov["case"] == "us-russia-2025"
    assert len(prov["input_hash"]) == 64 and prov["detente_version"] and prov["params"] == {"compromise": {}, "median": {}}
    assert {"forecast", "positions", "status_quo", "pooled", "plans", "notes"} <= set(a)


def test_variant_compares_with_the_base_on_common_draws() -> None:
    s = run_study("us-russia-2025", variant="us-adds-sanctions", **FAST)
    assert s.changed and s.forecast.variant == "us-adds-sanctions" and s.base_forecast.variant is None
    shift = next(x for x in s.shifts if x.issue == "sanctions" and x.model == "compromise")
    assert shift.shift < 0
    untouched = next(x for x in s.shifts if x.issue == "nato" and x.model == "median")
    assert untouched.shift == pytest.approx(0.0, abs=1e-9)
    assert s.base_plans and {r.plan for r in s.base_plans} == {r.plan for r in s.plans}


def test_what_if_settings_by_code_and_name() -> None:
    case = load_case()
    s = run_study(case, settings=["RUS.territory.position=60", "EUR.guarantees.salience=0.9"], **FAST)
    assert s.scenario.stances[("RUS", "territory")].position.mode == 60
    assert s.scenario.stances[("EUR", "guarantees")].salience.mode == 0.9
    assert s.scenario.variant == "what-if" and s.changed
    moved = next(x for x in s.shifts if x.issue == "territory" and x.model == "compromise")
    assert moved.shift < 0  # Russia asks for less territory: the compromise moves towards Ukraine
    assert [x.to_dict()["as_typed"] for x in s.settings] == ["RUS.territory.position=60", "EUR.guarantees.salience=0.9"]
    assert s.provenance()["base_input_hash"] != s.provenance()["input_hash"]


def test_an_unknown_model_fails_before_the_run() -> None:
    with pytest.raises(ModelError, match="unknown model 'medain'"):
        run_study("us-russia-2025", models=["medain"], draws=10)


def test_ad_hoc_plan_says_what_it_assumes() -> None:
    values = parse_plan_spec("territory=50, nato=0,guarantees=75")
    assert values == {"territory": 50.0, "nato": 0.0, "guarantees": 75.0}
    s = run_study("us-russia-2025", extra_plans={"ad-hoc": values}, **FAST)
    r = next(p for p in s.plans if p.plan == "ad-hoc")
    case = load_case()
    assert r.point["ceasefire"] == case.issue("ceasefire").status_quo.mode
    assert r.point["territory"] == 50
    basis = s.scenario.plans["ad-hoc"].point
    assert "status quo is assumed" in basis["ceasefire"].source.estimate and basis["territory"].source.estimate == "given by the user"
    (note,) = [n for n in s.notes if "ad-hoc" in n]
    assert "ceasefire=" in note and "status quo" in note and "territory" not in note
    assert len(s.plans) == len(case.plans) + 1
    assert not s.changed and s.base_forecast is None  # an extra plan is not a change to the case
    with pytest.raises(InputError, match="no issue 'natoo'"):
        run_study("us-russia-2025", extra_plans={"x": {"natoo": 1}}, **FAST)
    with pytest.raises(InputError, match="not a number"):
        parse_plan_spec("territory=half")


def test_to_frame_tables_are_tidy() -> None:
    s = run_study("us-russia-2025", variant="us-adds-sanctions", **FAST)
    fc = s.to_frame("forecast")
    assert set(fc["run"]) == {"base", "us-adds-sanctions"}
    assert len(fc) == 2 * 2 * len(s.scenario.issues)
    draws = s.to_frame("draws")
    assert list(draws.columns) == ["run", "model", "draw", "issue", "value"]
    assert len(draws) == 2 * 2 * 120 * len(s.scenario.issues)
    plans = s.to_frame("plans")
    assert len(plans) == len(s.plans) * len(s.scenario.actors)
    assert {"support_p10", "support_p90", "decisive", "swing"} <= set(plans.columns)
    assert len(s.to_frame("shifts")) == 2 * len(s.scenario.issues)
    assert len(s.to_frame("positions")) == len(s.scenario.actors) * len(s.scenario.issues)
    assert list(s.to_frame("pooled")["issue"]) == s.scenario.issue_ids
    for table in TABLES:
        assert not s.to_frame(table).empty
    with pytest.raises(InputError, match="no table 'plan'"):
        s.to_frame("plan")


def test_case_without_plans_says_so() -> None:
    case = parse_scenario(TOY.split("plans:")[0], origin="toy.yaml")
    s = run_study(case, models=["compromise"], draws=50)
    assert s.plans == [] and any("defines no peace plans" in n for n in s.notes)


def test_reusing_the_base_forecast_changes_nothing_but_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    base = run_study("us-russia-2025", **FAST)
    fresh = run_study("us-russia-2025", variant="us-adds-sanctions", **FAST)
    calls: list[str | None] = []
    original = study_module.run_forecast

    def counting(scenario, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(scenario.variant)
        return original(scenario, *args, **kwargs)

    monkeypatch.setattr(study_module, "run_forecast", counting)
    reused = run_study("us-russia-2025", variant="us-adds-sanctions", reuse=base.forecast, **FAST)
    assert calls == ["us-adds-sanctions"]  # the base was not run again
    assert json.dumps(reused.to_dict(), sort_keys=True) == json.dumps(fresh.to_dict(), sort_keys=True)
    # a forecast from other settings is not reused
    calls.clear()
    run_study("us-russia-2025", variant="us-adds-sanctions", reuse=base.forecast, **{**FAST, "seed": 4})
    assert calls == [None, "us-adds-sanctions"]
