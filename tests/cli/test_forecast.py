"""`detente forecast` and `detente plans` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()
TOY = (Path(__file__).resolve().parents[1] / "bargaining" / "scenario_toy.yaml").read_text(encoding="utf-8")
FAST = ["--draws", "150", "--model", "compromise", "--model", "median"]


def test_forecast_with_no_arguments_uses_the_builtin_case() -> None:
    result = runner.invoke(app, ["forecast", "--draws", "150"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for issue in ("territory", "nato", "guarantees", "ceasefire", "sanctions", "minerals", "gas_transit"):
        assert issue in out
    for actor in ("USA", "RUS", "UKR", "EUR", "CHN"):
        assert actor in out
    assert "compromise" in out and "vance-plan" in out


def test_forecast_json_is_reproducible() -> None:
    a = runner.invoke(app, ["forecast", *FAST, "--seed", "4", "--json"])
    b = runner.invoke(app, ["forecast", *FAST, "--seed", "4", "--json"])
    assert a.exit_code == 0, a.output
    assert a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert doc["seed"] == 4 and doc["draws"] == 150 and doc["models"] == ["compromise", "median"]
    assert len(doc["input_hash"]) == 64 and doc["detente_version"]
    rows = [r for r in doc["forecast"] if r["model"] == "median" and r["issue"] == "nato"]
    assert rows and rows[0]["p10"] <= rows[0]["median"] <= rows[0]["p90"]
    assert doc["plans"] and {"support", "unanimity", "actors"} <= set(doc["plans"][0])
    assert doc["positions"]["nato"]["RUS"] == 0
    assert doc["pooled"]["nato"]["nearest_anchor"]


def test_forecast_sensitivity() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--sensitivity", "--json", "--no-plans"])
    assert result.exit_code == 0, result.output
    drivers = json.loads(result.stdout)["sensitivity"]["territory"]
    assert drivers and drivers[0]["input"].startswith(("positions.", "actors.", "issues."))
    table = runner.invoke(app, ["forecast", *FAST, "--sensitivity", "--no-plans"])
    assert "Sensitivity" in table.stdout


def test_forecast_variant_shows_shift() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--variant", "us-adds-sanctions", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["variant"] == "us-adds-sanctions" and doc["base"]["variant"] is None
    shift = [s for s in doc["shifts"] if s["issue"] == "sanctions" and s["model"] == "compromise"][0]
    assert shift["shift"] < 0
    table = runner.invoke(app, ["forecast", *FAST, "--variant", "us-adds-sanctions"])
    assert "->" in table.stdout and "us-adds-sanctions" in table.stdout


def test_forecast_unknown_variant_and_model_exit_2() -> None:
    bad = runner.invoke(app, ["forecast", "--variant", "nonesuch", "--draws", "10"])
    assert bad.exit_code == 2
    assert "unknown variant 'nonesuch'" in bad.output
    bad = runner.invoke(app, ["forecast", "--model", "oracle", "--draws", "10"])
    assert bad.exit_code == 2 and "unknown model 'oracle'" in bad.output


def test_forecast_param_is_recorded() -> None:
    result = runner.invoke(app, ["forecast", "--draws", "50", "--model", "expected_utility", "--param", "expected_utility.q=0.5", "--json", "--no-plans"])
    if "unknown model" in result.output:
        pytest.skip("expected_utility model not registered")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["params"]["expected_utility"]["q"] == 0.5
    bad = runner.invoke(app, ["forecast", "--param", "q=0.5", "--draws", "10"])
    assert bad.exit_code == 2 and "MODEL.NAME=VALUE" in bad.output


def test_forecast_on_own_file_and_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "toy.yaml"
    good.write_text(TOY, encoding="utf-8")
    ok = runner.invoke(app, ["forecast", "--case", str(good), "--draws", "100", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["case"] == "toy"
    bad = tmp_path / "bad.yaml"
    bad.write_text(TOY.replace("salience: {value: 0.5,", "salience: {value: 50,"), encoding="utf-8")
    plot = tmp_path / "out.png"
    result = runner.invoke(app, ["forecast", "--case", str(bad), "--plot", str(plot)])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert str(bad) in lines[0] and "positions.USA.sanctions.salience" in lines[0] and "fix:" in lines[0]
    assert not plot.exists()


def test_forecast_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    case = tmp_path / "toy.yaml"
    case.write_text(TOY, encoding="utf-8")
    plot = tmp_path / "fc.png"
    result = runner.invoke(app, ["forecast", "--case", str(case), *FAST, "--plot", str(plot), "--no-plans"])
    assert result.exit_code == 0, result.output
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fc.png", "toy.yaml"]  # no temp file left behind


def test_plans_command() -> None:
    result = runner.invoke(app, ["plans", *FAST, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    supports = [p["support"] for p in doc["plans"]]
    assert supports == sorted(supports, reverse=True)
    assert set(doc["reference_forecast"]) >= {"territory", "nato"}
    detail = runner.invoke(app, ["plans", *FAST, "--plan", "vance-plan"])
    assert detail.exit_code == 0, detail.output
    assert "u(plan)" in detail.stdout and "freeze the conflict" in detail.stdout
    bad = runner.invoke(app, ["plans", "--plan", "nope", "--draws", "10"])
    assert bad.exit_code == 2 and "unknown plan" in bad.output


def test_spread_widens_point_inputs(tmp_path: Path) -> None:
    case = tmp_path / "toy.yaml"
    case.write_text(TOY, encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["forecast", "--case", str(case), "--draws", "200", "--json", "--model", "compromise"]).stdout)
    wide = json.loads(runner.invoke(app, ["forecast", "--case", str(case), "--draws", "200", "--json", "--model", "compromise", "--spread", "20"]).stdout)
    (p,) = plain["forecast"]
    (w,) = wide["forecast"]
    assert w["p90"] - w["p10"] > p["p90"] - p["p10"]
    assert wide["input_hash"] != plain["input_hash"]
