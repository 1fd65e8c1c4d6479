"""`detente sensitivity` and `detente levers` as the docs write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()
FAST = ["--model", "compromise", "--model", "median"]


def test_sensitivity_with_no_case_sweeps_the_builtin_case() -> None:
    result = runner.invoke(app, ["sensitivity", *FAST, "--draws", "60"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "positions.USA.territory.position" in out and "territory" in out
    assert "default spread" in result.stderr and "actors.USA.capability" in result.stderr


def test_sensitivity_json_is_reproducible_and_names_its_provenance() -> None:
    args = ["sensitivity", *FAST, "--draws", "40", "--seed", "3", "--json"]
    a, b = runner.invoke(app, args), runner.invoke(app, args)
    assert a.exit_code == 0, a.output
    assert a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert doc["method"] == "oat" and doc["seed"] == 3 and doc["draws"] == 40 and len(doc["input_hash"]) == 64
    assert doc["default_spread"]["inputs"] and doc["notes"]
    top = doc["by_issue"]["territory"][0]
    assert top["input"] == "positions.USA.territory.position" and top["swing"] > 10


def test_sobol_json_has_intervals(tmp_path: Path) -> None:
    pytest.importorskip("SALib")
    result = runner.invoke(app, ["sensitivity", "--method", "sobol", "--model", "compromise", "--draws", "16", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    first = doc["inputs"][0]["issues"]["territory"]
    assert {"S1", "S1_conf", "ST", "ST_conf"} <= set(first)


def test_sensitivity_plot_is_written(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "tornado.png"
    result = runner.invoke(app, ["sensitivity", "--model", "compromise", "--draws", "20", "--plot", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--method", "sobel"], "did you mean 'sobol'"),
        (["--method", "sobol", "--draws", "100"], "power of two"),
        (["--plot", "out.gif"], "--plot"),
        (["--scheduler", "localhost"], "--scheduler"),
        (["--model", "nsh"], "unknown model 'nsh'"),
        (["--variant", "hawks"], "unknown variant"),
    ],
)
def test_bad_flags_are_one_line_errors_before_any_work(args: list[str], match: str) -> None:
    result = runner.invoke(app, ["sensitivity", *args])
    assert result.exit_code == 2
    assert match in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_levers_by_name_are_labelled_as_inside_the_model() -> None:
    result = runner.invoke(app, ["levers", "Ukraine", *FAST, "--draws", "40"])
    assert result.exit_code == 0, result.output
    assert "Lever search inside the model" in result.stdout and "not advice about the world" in result.stdout
    assert "UKR" in result.stdout


def test_levers_json_ranks_by_gain_per_unit_with_before_and_after() -> None:
    result = runner.invoke(app, ["levers", "the Kremlin", "--issue", "territory", "--budget", "5", *FAST, "--draws", "40", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["actor"] == "RUS" and doc["issue"] == "territory" and doc["budget"] == 5
    per_unit = [lv["gain_per_unit"] for lv in doc["levers"]]
    assert per_unit == sorted(per_unit, reverse=True) and per_unit[0] > 0
    best = doc["levers"][0]
    ideal = doc["ideal"]["territory"]
    assert abs(best["forecast_after"]["territory"] - ideal) < abs(best["forecast_before"]["territory"] - ideal)


@pytest.mark.parametrize(("actor", "match"), [("Rusia", "did you mean 'Russia'"), ("Japan", "not at the table")])
def test_levers_unknown_actor_suggests(actor: str, match: str) -> None:
    result = runner.invoke(app, ["levers", actor])
    assert result.exit_code == 2 and match in result.stderr


def test_levers_bad_budget_and_issue() -> None:
    assert "--budget" in runner.invoke(app, ["levers", "UKR", "--budget", "0"]).stderr
    assert "did you mean 'territory'" in runner.invoke(app, ["levers", "UKR", "--issue", "teritory"]).stderr


@pytest.mark.parametrize(
    ("module", "args"),
    [("SALib", ["sensitivity", "--method", "sobol"]), ("distributed", ["sensitivity", "--scheduler", "tcp://127.0.0.1:8786"])],
)
def test_without_the_scale_extra_the_command_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, module: str, args: list[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "pip install 'detente[scale]'" in result.stderr
