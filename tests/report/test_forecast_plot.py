"""The forecast plot: written atomically, a real PNG, errors for bad paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.scenario import scenario_from_arrays
from detente.errors import InputError

pytest.importorskip("matplotlib")


def load_case():
    """A small two-issue case (the built-in one takes seconds to draw on a loaded machine)."""
    return scenario_from_arrays(
        name="small", actors=["USA", "RUS", "UKR"], issues=["territory", "nato"],
        positions=[[50, 10], [95, 0], [30, 80]], salience=[[0.5, 0.5], [0.9, 0.8], [0.9, 0.7]], capability=[100, 70, 40],
    )


def test_plot_writes_png(tmp_path: Path) -> None:
    from detente.report.plots import plot_forecast

    case = load_case()
    fc = run_forecast(case, ["compromise"], draws=100)
    out = plot_forecast(fc, case, tmp_path / "forecast.png")
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert out.stat().st_size > 10_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forecast.png"]


def test_plot_into_missing_directory(tmp_path: Path) -> None:
    from detente.report.plots import plot_forecast

    case = load_case()
    fc = run_forecast(case, ["compromise"], draws=20)
    with pytest.raises(InputError, match="directory does not exist"):
        plot_forecast(fc, case, tmp_path / "nope" / "x.png")


def test_plans_plot(tmp_path: Path) -> None:
    import dataclasses

    from detente.bargaining.plans import evaluate_plans
    from detente.bargaining.scenario import Plan, PlanValue, Source
    from detente.report.plots import plot_plans

    case = load_case()
    plans = {
        "freeze": Plan("freeze", "Freeze", "", Source(estimate="t"), {"territory": PlanValue(50), "nato": PlanValue(10)}),
        "cede": Plan("cede", "Cede", "", Source(estimate="t"), {"territory": PlanValue(100), "nato": PlanValue(0)}),
    }
    case = dataclasses.replace(case, plans=plans)
    out = plot_plans(evaluate_plans(case, draws=50), case, tmp_path / "plans.png")
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.png"]
