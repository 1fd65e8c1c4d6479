"""`detente backtest deu`: table, JSON, per-issue CSV and errors at the CLI boundary."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()

LINES = [
    "isnr\tpa\tpb\tsa\tsb\tout",
    "\t1\t3\t\t",
    "i1\t0\t100\t100\t100\t80",
    "i2\t20\tx\t50\t50\t20",
    "i3\t40\t60\t100\t\t55",
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "deu.tsv"
    path.write_text("\n".join(LINES) + "\n")
    return path


def test_json_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["backtest", "deu", str(_file(tmp_path)), "--json", "-m", "compromise", "-m", "median"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    mae = {row["method"]: row["mae"] for row in doc["summary"]}
    # i1: weighted mean 75 (err 5); i3: b's salience missing -> 50: (40 + 90) / 2.5 = 52 (err 3)
    assert mae["weighted_mean"] == 4.0
    assert mae["mean"] == (30 + 5) / 2  # plain means 50 and 50
    assert set(mae) == {"mean", "weighted_mean", "median_position", "compromise", "median"}
    assert doc["issues"] == 2 and doc["skipped"][0]["line"] == 4


def test_table_and_per_issue_csv(tmp_path: Path) -> None:
    out = tmp_path / "forecasts.csv"
    result = runner.invoke(app, ["backtest", "deu", str(_file(tmp_path)), "-m", "nash", "--per-issue", str(out)])
    assert result.exit_code == 0, result.output
    assert "weighted_mean" in result.stdout and "nash" in result.stdout
    assert "1 line(s) skipped" in result.stderr
    frame = pd.read_csv(out)
    assert set(frame["method"]) == {"mean", "weighted_mean", "median_position", "nash"}
    assert len(frame) == 2 * 4


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["backtest", "deu", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 2
    assert "nope.tsv" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["backtest", "deu", str(_file(tmp_path)), "-m", "oracle"])
    assert result.exit_code == 2 and "unknown model 'oracle'" in result.stderr


def test_help() -> None:
    result = runner.invoke(app, ["backtest", "deu", "--help"])
    assert result.exit_code == 0 and "weighted mean" in result.output


def test_intervals_and_cross_validation_as_typed(tmp_path: Path) -> None:
    lines = ["isnr\tprname\tpa\tpb\tpc\tsa\tsb\tsc\tout", "\t\t1\t2\t3\t\t\t\t"]
    for k in range(8):
        lines.append(f"i{k}\tp{k}\t{10 * k}\t{100 - 5 * k}\t50\t90\t{20 + k}\t40\t{12 * k % 100}")
    path = tmp_path / "deu.tsv"
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["backtest", "deu", str(path), "-m", "compromise", "-m", "salience_compromise",
                                 "--cv", "4", "--repeats", "2", "--bootstrap", "200"])
    assert result.exit_code == 0, result.output
    assert "95% interval" in result.stdout and "out-of-fold MAE" in result.stdout
    assert "selection" in result.stdout and "salience_compromise" in result.stdout
    doc = json.loads(runner.invoke(app, ["backtest", "deu", str(path), "--json", "-m", "salience_compromise",
                                         "--cv", "2", "--repeats", "1"]).stdout)
    assert doc["cross_validation"]["folds"] == 2
    assert {"diff_low", "diff_high", "closer"} <= set(doc["summary"][0])


def test_bad_flag_values_stop_before_work(tmp_path: Path) -> None:
    for flags in (["--cv", "1"], ["--bootstrap", "5"], ["--cv", "3", "--repeats", "0"], ["--per-issue", "out.txt"]):
        result = runner.invoke(app, ["backtest", "deu", str(tmp_path / "absent.tsv"), *flags])
        assert result.exit_code == 2, flags
        assert "absent.tsv" not in result.stderr  # the flag is checked before the file is read
        assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["backtest", "deu", str(_file(tmp_path)), "--cv", "5"])
    assert result.exit_code == 2 and "needs at least 5 proposals" in result.stderr


SHARED_DEU = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "deu3_dev.tsv"
HOW_TO = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "backtest-on-deu.md"


def _doc_commands() -> list[str]:
    import re

    blocks = re.findall(r"```bash\n(.*?)```", HOW_TO.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("detente ")]


def test_the_how_to_shows_the_new_flags() -> None:
    commands = _doc_commands()
    assert any("--cv" in c for c in commands) and len(commands) >= 4


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DEU.exists(), reason="../shared/data/deu3_dev.tsv is not here")
@pytest.mark.parametrize("command", _doc_commands())
def test_how_to_commands_run_as_written(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    monkeypatch.chdir(tmp_path)  # --per-issue writes into the working directory
    args = [str(SHARED_DEU) if a == "../shared/data/deu3_dev.tsv" else a for a in shlex.split(command)[1:]]
    if "--cv" in args:
        args += ["--repeats", "1", "-m", "compromise", "-m", "salience_compromise"]  # the same path, less work
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "weighted_mean" in result.stdout


def test_repeats_without_cv_is_an_error_not_ignored(tmp_path: Path) -> None:
    result = runner.invoke(app, ["backtest", "deu", str(tmp_path / "none.tsv"), "--repeats", "3"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --repeats: needs --cv K")
