"""`detente relations`, `detente shifts`, `detente triangle` on the built-in timeline and on a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - click Result
    return runner.invoke(app, list(args))


def test_relations_runs_on_the_builtin_timeline() -> None:
    # the February 2025 warming is followed by a cooler May, so the default penalty (3·σ²·log n) finds no turn: ask with a lower one
    result = run("relations", "USA", "RUS", "--penalty", "10")
    assert result.exit_code == 0, result.output
    assert "built-in timeline of us-russia-2025" in result.output
    assert "USA–RUS by month" in result.output
    assert "2025-02\t4\t4\t0\t+1.00" in result.output  # Feb 2025: four cooperative events
    assert "Turning points" in result.output and "warming" in result.output
    assert "meet on neutral ground" in result.output  # the Riyadh talks behind the turn
    assert "000_0893147c89d5f6ac:" in result.output  # with the sentence's location


def test_relations_json_is_complete() -> None:
    result = run("relations", "Washington", "Moscow", "--freq", "quarter", "--since", "2025-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["data"]["kind"] == "builtin" and data["data"]["events"] >= 30
    assert data["dyad"] == {"a": "USA", "b": "RUS", "directed": False}
    periods = {r["period"][:10] for r in data["series"]}
    assert periods == {"2025-01-01", "2025-04-01"}
    q1 = {r["measure"]: r["value"] for r in data["series"] if r["period"].startswith("2025-01")}
    assert q1["events"] == 5 and q1["cooperation"] == 4 and q1["conflict"] == 1


def test_relations_directed_and_smoothed() -> None:
    result = run("relations", "UKR", "USA", "--directed", "--since", "2025-01", "--smooth", "rolling", "--window", "2")
    assert result.exit_code == 0, result.output
    assert "UKR→USA by month" in result.output
    assert "goldstein_mean (rolling, 2)" in result.output


def test_shifts_reports_date_size_and_events() -> None:
    result = run("shifts", "USA", "RUS", "--json", "--penalty", "10")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (shift,) = data["shifts"]
    assert shift["date"] == "2025-02-01" and shift["direction"] == "warming"
    assert shift["size"] == pytest.approx(shift["after"] - shift["before"])
    assert data["detector"]["method"] == "pelt" and data["detector"]["penalty"] > 0
    assert all(d["sentence"] for d in shift["drivers"])
    table = run("shifts", "USA", "RUS", "--penalty", "10")
    assert table.exit_code == 0 and "Events behind each turn" in table.output and "penalty" in table.output


def test_triangle_names_the_pivot() -> None:
    result = run("triangle", "USA", "RUS", "CHN")
    assert result.exit_code == 0, result.output
    assert "2025-Q1\tromantic triangle\tRUS" in result.output
    assert "net_coop > 0.2" in result.output  # the thresholds are stated
    data = json.loads(run("triangle", "USA", "RUS", "CHN", "--json").output)
    q1 = next(p for p in data["periods"] if p["period"] == "2025-01-01")
    assert q1["configuration"] == "romantic triangle" and q1["pivot"] == "RUS"
    assert data["band"] == 0.2 and "rule" in data


def test_plots_are_written(tmp_path: Path) -> None:
    for args, name in (
        (("relations", "USA", "RUS"), "rel.png"),
        (("triangle", "USA", "RUS", "UKR", "--freq", "month"), "tri.png"),
    ):
        out = tmp_path / name
        result = run(*args, "--plot", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("relations", "USA", "Atlantis"), "unknown actor"),
        (("relations", "USA", "RUS", "--since", "last spring"), "bad date"),
        (("relations", "USA", "RUS", "--db", "/nonexistent/x.duckdb"), "no event store"),
        (("shifts", "USA", "RUS", "--n-shifts", "1"), "binseg"),
        (("triangle", "USA", "RUS", "USA"), "three different"),
        (("relations", "USA", "RUS", "--plot", "/tmp/chart.txt"), "cannot write a plot"),
    ],
)
def test_errors_exit_2_with_one_line(args: tuple[str, ...], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_commands_read_a_store(tmp_path: Path) -> None:
    from detente.events.store import EventStore
    from detente.relations.shifts import synthetic_events
    from detente.events.schema import Event
    import pandas as pd

    frame, true_dates = synthetic_events(periods=36, rate=15, regimes=((0, 0.2), (18, 0.85)), rng=4)
    events = []
    for record in frame.to_dict("records"):
        record.pop("event_id")
        record["date"] = record["date"].date()
        events.append(Event(**{k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in record.items()}))
    db = tmp_path / "ev.duckdb"
    with EventStore(db) as store:
        store.ingest(events, file="synthetic")
    result = run("shifts", "USA", "RUS", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["data"]["kind"] == "db"
    assert [s["date"] for s in data["shifts"]] == [d.date().isoformat() for d in true_dates]
    table = run("relations", "USA", "RUS", "--db", str(db), "--freq", "quarter")
    assert table.exit_code == 0 and "event store" in table.output and "built-in" not in table.output


def test_help_explains_the_commands() -> None:
    for command in ("relations", "shifts", "triangle"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "--json" in result.output and "--plot" in result.output
