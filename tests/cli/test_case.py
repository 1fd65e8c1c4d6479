"""`detente case check|list|show|timeline|export|new`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()
TOY = (Path(__file__).resolve().parents[1] / "bargaining" / "scenario_toy.yaml").read_text(encoding="utf-8")
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


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


def _toy_with_text(tmp_path: Path, text: str) -> Path:
    """The toy scenario, its memo given a path to a text file holding `text`."""
    (tmp_path / "memo.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "toy.yaml"
    path.write_text(TOY.replace("    date: 2025-02-28\n", "    date: 2025-02-28\n    path: memo.txt\n", 1), encoding="utf-8")
    return path


def test_check_verifies_quotes_against_the_cited_text(tmp_path: Path) -> None:
    path = _toy_with_text(tmp_path, "Everyone agrees: Russia’s army is large and Russia is strong.")
    result = runner.invoke(app, ["case", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 found in their source, 0 not verified" in result.stdout
    doc = json.loads(runner.invoke(app, ["case", "check", str(path), "--json"]).stdout)
    assert doc["quotes"]["found"] == 1 and doc["quotes"]["missing"] == []


def test_check_fails_on_a_quote_not_in_its_source(tmp_path: Path) -> None:
    path = _toy_with_text(tmp_path, "The memo says nothing of the kind.")
    result = runner.invoke(app, ["case", "check", str(path)])
    assert result.exit_code == 2
    assert "actors.RUS.capability.source" in result.output and "Russia is strong" in result.output
    assert "1 quote(s) do not occur in the source they cite" in result.output and "fix:" in result.output
    machine = runner.invoke(app, ["case", "check", str(path), "--json"])
    assert machine.exit_code == 2
    doc = json.loads(machine.stdout)
    assert doc["ok"] is False and [m["key"] for m in doc["quotes"]["missing"]] == ["actors.RUS.capability.source"]


def test_check_says_when_a_source_text_is_not_available(tmp_path: Path) -> None:
    path = tmp_path / "toy.yaml"
    path.write_text(TOY, encoding="utf-8")
    result = runner.invoke(app, ["case", "check", str(path)])
    assert result.exit_code == 0
    assert "0 found in their source, 1 not verified" in result.stdout
    assert "note: 1 quote(s) citing 'memo' not verified" in result.output and "DETENTE_SOURCES" in result.output


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not present")
@pytest.mark.parametrize("case", ["us-russia-2025", "belarus-2025"])
def test_check_builtin_cases_against_the_seeds(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_SOURCES", str(SEEDS))
    doc = json.loads(runner.invoke(app, ["case", "check", case, "--json"]).stdout)
    assert doc["ok"] and doc["quotes"]["missing"] == [] and doc["quotes"]["unverified"] == 0
    assert doc["quotes"]["found"] >= 15


def test_show_rejects_an_unknown_issue_or_actor() -> None:
    for flag, value, valid in (("--issue", "nope", "territory"), ("--actor", "XYZ", "RUS")):
        result = runner.invoke(app, ["case", "show", "us-russia-2025", flag, value])
        assert result.exit_code == 2, (flag, result.output)
        lines = [ln for ln in result.output.splitlines() if ln.strip()]
        assert len(lines) == 1 and flag in lines[0] and valid in lines[0]
    close = runner.invoke(app, ["case", "show", "us-russia-2025", "--issue", "natoo"])
    assert close.exit_code == 2 and "did you mean 'nato'" in close.output


def test_show_one_actor_and_marks_external_facts() -> None:
    shown = runner.invoke(app, ["case", "show", "belarus-2025", "--actor", "blr"])
    assert shown.exit_code == 0, shown.output
    assert "BLR" in shown.stdout and "\nUSA\t" not in shown.stdout
    full = runner.invoke(app, ["case", "show", "us-russia-2025", "--issue", "minerals"])
    assert "external (not in the sources): the deal was signed on 30 April 2025" in full.stdout
    assert "outside the cited sources" in full.output


def test_list_has_both_cases_with_their_timelines() -> None:
    rows = {r["name"]: r for r in json.loads(runner.invoke(app, ["case", "list", "--json"]).stdout)}
    assert {"us-russia-2025", "belarus-2025"} <= set(rows)
    assert rows["belarus-2025"]["actors"] == "USA BLR RUS CHN" and rows["belarus-2025"]["timeline_events"] >= 3


def test_belarus_runs_through_forecast_and_plans() -> None:
    forecast = runner.invoke(app, ["forecast", "--case", "belarus-2025", "--draws", "100", "--json"])
    assert forecast.exit_code == 0, forecast.output
    plans = runner.invoke(app, ["plans", "--case", "belarus-2025", "--draws", "100"])
    assert plans.exit_code == 0 and "potash-for-prisoners" in plans.stdout


def test_timeline_shows_dates_at_their_precision() -> None:
    result = runner.invoke(app, ["case", "timeline", "us-russia-2025"])
    assert result.exit_code == 0, result.output
    rows = [ln.split("\t") for ln in result.stdout.splitlines() if ln and not ln.startswith("#")]
    dates = {r[0] for r in rows[1:] if len(r) == 7}
    assert {"2014", "2019", "2022-02", "2025-02-18"} <= dates
    assert not any(d.endswith("-01-01") and d != "2025-01-01" for d in dates)  # no year shown as 1 January
    assert "2025-04-30\texternal" in result.stdout  # the deal, dated from outside the article
    assert "triangle-one-against-two" in result.stdout
    doc = json.loads(runner.invoke(app, ["case", "timeline", "belarus-2025", "--json"]).stdout)
    assert doc["case"] == "belarus-2025" and any(e["cameo"] == "0354" for e in doc["events"])
    assert runner.invoke(app, ["case", "timeline", "belarus-2024"]).exit_code == 2


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "copy.yaml"
    out.write_text("mine", encoding="utf-8")
    refused = runner.invoke(app, ["case", "export", "us-russia-2025", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(app, ["case", "export", "us-russia-2025", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# The built-in case")
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()
    assert runner.invoke(app, ["case", "export", "us-russia-2025", str(tmp_path / "copy.txt")]).exit_code == 2


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_new_writes_a_template_that_passes_check(tmp_path: Path) -> None:
    out = tmp_path / "iran-talks.yaml"
    result = runner.invoke(app, ["case", "new", "iran-talks", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# iran-talks") and "name: iran-talks" in text
    # the comments explain the fields
    for field in ("capability:", "anchors:", "status_quo:", "salience", "variants:", "plans:", "estimate:", "quote:", "external:"):
        assert field in text, field
    checked = runner.invoke(app, ["case", "check", str(out)])
    assert checked.exit_code == 0, checked.output
    assert runner.invoke(app, ["forecast", "--case", str(out), "--draws", "50"]).exit_code == 0
    again = runner.invoke(app, ["case", "new", "iran-talks", "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(app, ["case", "new", "Iran Talks", "--out", str(tmp_path / "x.yaml")]).exit_code == 2


def test_new_defaults_to_name_yaml_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["case", "new", "my-case"]).exit_code == 0
    assert (tmp_path / "my-case.yaml").is_file()


def _user_timeline(tmp_path: Path, start: int) -> Path:
    (tmp_path / "d1.txt").write_text("Intro. They spoke.", encoding="utf-8")
    text = f"""\
case: mine
sources: [{{doc_id: d1, file: d1.txt}}]
events:
- {{id: e1, date: "2025-02", date_basis: report, source: USAGOV, target: RUSGOV, cameo: "041", doc_id: d1,
   sentence: They spoke., char_start: {start}, char_end: {start + 11}}}
"""
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_timeline_checks_spans_of_a_user_file(tmp_path: Path) -> None:
    good = _user_timeline(tmp_path, 7)
    result = runner.invoke(app, ["case", "timeline", str(good), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["events"][0]["date"] == "2025-02" and doc["spans"] == {"checked": 1, "unverified": 0, "texts": {"d1": str(tmp_path / "d1.txt")}}
    bad = _user_timeline(tmp_path, 0)
    failed = runner.invoke(app, ["case", "timeline", str(bad)])
    assert failed.exit_code == 2 and "events[0] (e1)" in failed.output and "d1:0-11" in failed.output
    (tmp_path / "d1.txt").unlink()
    unchecked = runner.invoke(app, ["case", "timeline", str(good)])
    assert unchecked.exit_code == 0 and "not checked at their spans" in unchecked.output


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not present")
def test_timeline_checks_the_built_in_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_SOURCES", str(SEEDS))
    for case in ("us-russia-2025", "belarus-2025"):
        doc = json.loads(runner.invoke(app, ["case", "timeline", case, "--json"]).stdout)
        assert doc["spans"]["unverified"] == 0 and doc["spans"]["checked"] >= 5


def test_show_json_says_issue_and_actor_choose_only_the_tables() -> None:
    result = runner.invoke(app, ["case", "show", "--issue", "territory", "--json"])
    assert result.exit_code == 0, result.output
    assert "note: --issue and --actor choose what the tables show" in result.stderr
    assert len(json.loads(result.stdout)["issues"]) > 1  # the whole scenario, as the note says
