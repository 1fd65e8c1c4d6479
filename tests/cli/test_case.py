"""`detente case check|list|show`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()
TOY = (Path(__file__).resolve().parents[1] / "bargaining" / "scenario_toy.yaml").read_text(encoding="utf-8")


def test_check_ok(tmp_path: Path) -> None:
    path = tmp_path / "toy.yaml"
    path.write_text(TOY, encoding="utf-8")
    result = runner.invoke(app, ["case", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"OK {path}") and "2 actors" in result.stdout
    doc = json.loads(runner.invoke(app, ["case", "check", str(path), "--json"]).stdout)
    assert doc["ok"] and doc["numbers"] == 7 and doc["cited"] == 1


def test_check_builtin() -> None:
    result = runner.invoke(app, ["case", "check", "us-russia-2025"])
    assert result.exit_code == 0 and "5 actors" in result.stdout


def test_check_errors_one_line_exit_2(tmp_path: Path) -> None:
    cases = {
        "malformed": (TOY.replace('"kept", 100', '"kept" 100'), "malformed YAML"),
        "missing": (TOY.replace("title: A toy negotiation\n", ""), "title"),
        "salience": (TOY.replace("salience: {value: 0.5,", "salience: {value: 1.5,"), "positions.USA.sanctions.salience"),
        "actor": (TOY.replace("  RUS:\n    capability", "  XXQ:\n    capability"), "actors.XXQ"),
        "position": (TOY.replace("position: {value: 95,", "position: {value: -5,"), "positions.RUS.sanctions.position"),
    }
    for name, (text, field) in cases.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["case", "check", str(path)])
        assert result.exit_code == 2, name
        lines = [ln for ln in result.output.splitlines() if ln.strip()]
        assert len(lines) == 1, (name, result.output)
        assert str(path) in lines[0] and field in lines[0] and "fix:" in lines[0], (name, lines[0])


def test_list_and_show() -> None:
    listed = runner.invoke(app, ["case", "list", "--json"])
    assert listed.exit_code == 0
    assert any(c["name"] == "us-russia-2025" for c in json.loads(listed.stdout))
    shown = runner.invoke(app, ["case", "show", "us-russia-2025", "--issue", "nato"])
    assert shown.exit_code == 0, shown.output
    assert "assuring Moscow that Ukraine would not join NATO" in shown.stdout
    doc = json.loads(runner.invoke(app, ["case", "show", "--json"]).stdout)
    assert doc["positions"]["RUS"]["nato"]["position"]["source"]["cite"] == "contesting-russia-2025"


def test_export_roundtrip(tmp_path: Path) -> None:
    out = tmp_path / "copy.yaml"
    result = runner.invoke(app, ["case", "export", "us-russia-2025", str(out)])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["case", "check", str(out)])
    assert checked.exit_code == 0 and "5 actors" in checked.stdout
    assert runner.invoke(app, ["case", "export", "nope"]).exit_code == 2
