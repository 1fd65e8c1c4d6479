"""`detente events import | list | quarantine | export` through the app's CLI boundary."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from detente.cli.main import app
from detente.events.importers.gdelt_layout import GDELT2

runner = CliRunner()


def _row(layout: tuple[str, ...], **values: str) -> str:
    base = {"GLOBALEVENTID": "1", "SQLDATE": "20250212", "Actor1Code": "USAGOV", "Actor2Code": "RUSGOV",
            "EventCode": "041", "GoldsteinScale": "1.0", "SOURCEURL": "https://example.org/x"}
    base.update(values)
    return "\t".join(base.get(c, "") for c in layout)


def _gdelt(tmp_path: Path) -> Path:
    path = tmp_path / "events.tsv"
    rows = [
        _row(GDELT2, GLOBALEVENTID="1"),
        _row(GDELT2, GLOBALEVENTID="2", Actor1Code="RUS", Actor2Code="UKR", EventCode="190", SQLDATE="20250301"),
        _row(GDELT2, GLOBALEVENTID="3", SQLDATE="2025-99"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_import_list_quarantine_export(tmp_path: Path) -> None:
    db = str(tmp_path / "ev.duckdb")
    src = _gdelt(tmp_path)
    result = runner.invoke(app, ["events", "import", "gdelt", str(src), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["imports"][0]["added"] == 2 and doc["imports"][0]["quarantined"] == 1 and doc["events_in_store"] == 2

    again = runner.invoke(app, ["events", "import", "gdelt", str(src), "--db", db])
    assert again.exit_code == 0 and "events.tsv" in again.stdout
    assert json.loads(runner.invoke(app, ["events", "import", "gdelt", str(src), "--db", db, "--json"]).stdout)[
        "imports"][0]["added"] == 0

    listed = runner.invoke(app, ["events", "list", "--db", db, "--dyad", "USA", "RUS", "--json"])
    assert listed.exit_code == 0
    events = json.loads(listed.stdout)
    assert [(e["source"], e["target"], e["date"]) for e in events] == [("USAGOV", "RUSGOV", "2025-02-12")]

    table = runner.invoke(app, ["events", "list", "--db", db, "--code", "19", "--since", "2025-03"])
    assert table.exit_code == 0 and "RUS\tUKR\t190" in table.stdout

    quarantine = runner.invoke(app, ["events", "quarantine", "--db", db, "--json"])
    rows = json.loads(quarantine.stdout)["rows"]
    assert [(r["line"], r["reason"]) for r in rows] == [(3, 'bad date: SQLDATE="2025-99"')]

    out = tmp_path / "all.parquet"
    exported = runner.invoke(app, ["events", "export", str(out), "--db", db])
    assert exported.exit_code == 0 and "wrote 2 events" in exported.stdout
    assert len(pd.read_parquet(out)) == 2


def test_csv_import_with_map(tmp_path: Path) -> None:
    db = str(tmp_path / "ev.duckdb")
    src = tmp_path / "mine.csv"
    src.write_text("day,a,b,code\n2025-02-12,USA,RUS,042\n", encoding="utf-8")
    result = runner.invoke(
        app, ["events", "import", "csv", str(src), "--db", db, "--map", "date=day,source=a,target=b,cameo=code", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imports"][0]["added"] == 1


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "ev.duckdb")
    bad_kind = runner.invoke(app, ["events", "import", "acled", "x.csv", "--db", db])
    assert bad_kind.exit_code == 2 and "unknown event file kind" in bad_kind.output
    missing = runner.invoke(app, ["events", "list", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no event store" in missing.output
    # one bad file does not stop the others; the exit code says something failed
    good = _gdelt(tmp_path)
    mixed = runner.invoke(app, ["events", "import", "gdelt", str(tmp_path / "nope.tsv"), str(good), "--db", db, "--json"])
    assert mixed.exit_code == 2
    doc = json.loads(mixed.stdout)
    assert doc["imports"][0]["added"] == 2 and "file not found" in doc["failures"][0]["error"]
    wrong = runner.invoke(app, ["events", "import", "gdelt", str(good), "--db", db, "--map", "date=x"])
    assert wrong.exit_code == 2 and "apply to csv and parquet" in wrong.output


def test_help_mentions_kinds() -> None:
    result = runner.invoke(app, ["events", "import", "--help"])
    assert result.exit_code == 0 and "gdelt" in result.output and "parquet" in result.output


def test_list_runs_on_the_builtin_timeline_with_the_stores_filters(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """#10: `events list` needs no store; the same filters give the same events as on a store of the same events."""
    from detente.cases.timeline import load_timeline
    from detente.events.store import EventStore

    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "case.duckdb"
    with EventStore(db) as store:
        store.ingest(load_timeline("us-russia-2025"), file="case")
    for filters in (
        ["--dyad", "USA", "Russia", "--code", "04"],
        ["--actor", "European Union"],
        ["--dyad", "Washington", "Kyiv", "--directed", "--since", "2025-02", "--until", "2025-02"],
        ["--actor", "the Kremlin", "--since", "2025"],
    ):
        builtin = runner.invoke(app, ["events", "list", *filters, "--json"])
        stored = runner.invoke(app, ["events", "list", *filters, "--db", str(db), "--json"])
        assert builtin.exit_code == 0 and stored.exit_code == 0, builtin.output + stored.output
        ids = [e["event_id"] for e in json.loads(builtin.stdout)]
        assert ids and ids == [e["event_id"] for e in json.loads(stored.stdout)], filters
    table = runner.invoke(app, ["events", "list", "--actor", "UKR", "--limit", "2"])
    assert "built-in timeline of us-russia-2025" in table.stdout and "limit reached" in table.stdout


def test_list_says_when_nothing_matches_and_refuses_bad_filters(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    empty = runner.invoke(app, ["events", "list", "--actor", "Hungary"])
    assert empty.exit_code == 0 and "note: no events match these filters" in empty.stdout
    for args, needle in (
        (["--actor", "Ukrane"], "did you mean Ukraine (UKR)"),
        (["--dyad", "USA", "Atlantis"], "--dyad: unknown actor 'Atlantis'"),
        (["--code", "0421"], "--code: '0421' is not a CAMEO code"),
        (["--since", "2025-02-30"], "--since: bad date"),
        (["--directed"], "--directed: needs --dyad"),
        (["--db", "notes.tsv"], "no event store"),
    ):
        result = runner.invoke(app, ["events", "list", *args])
        assert result.exit_code == 2 and needle in result.output, (args, result.output)
        assert result.output.count("\n") == 1


def _german_store(tmp_path: Path) -> str:
    """A store of GDELT rows: EU-Germany events and two of Germany's own (government against police)."""
    path = tmp_path / "de.tsv"
    rows = [
        _row(GDELT2, GLOBALEVENTID="1", Actor1Code="EUR", Actor2Code="DEUGOV", EventCode="042", SQLDATE="20250110"),
        _row(GDELT2, GLOBALEVENTID="2", Actor1Code="DEUGOV", Actor2Code="DEUCOP", EventCode="173", SQLDATE="20250111"),
        _row(GDELT2, GLOBALEVENTID="3", Actor1Code="FRAGOV", Actor2Code="DEU", EventCode="036", SQLDATE="20250112"),
        _row(GDELT2, GLOBALEVENTID="4", Actor1Code="DEUCOP", Actor2Code="DEUGOV", EventCode="111", SQLDATE="20250113"),
        _row(GDELT2, GLOBALEVENTID="5", Actor1Code="USAGOV", Actor2Code="RUSGOV", EventCode="041", SQLDATE="20250114"),
        _row(GDELT2, GLOBALEVENTID="6", Actor1Code="RUS", Actor2Code="USA", EventCode="112", SQLDATE="20250115"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "de.duckdb")
    assert runner.invoke(app, ["events", "import", "gdelt", str(path), "--db", db]).exit_code == 0
    return db


def test_a_dyad_leaves_one_countrys_own_events_out_and_says_so(tmp_path: Path) -> None:
    """#9/#13: `events list --dyad EUR DEU` lists what `relations EUR DEU` counts: not Germany against its own police."""
    db = _german_store(tmp_path)
    for pair in (["EUR", "DEU"], ["European Union", "Germany"], ["EU", "Berlin"]):
        result = runner.invoke(app, ["events", "list", "--dyad", *pair, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        assert [(e["source"], e["target"]) for e in json.loads(result.stdout)] == [("EUR", "DEUGOV"), ("FRAGOV", "DEU")], pair
        assert "note: 2 event(s) between two sides of one country (DEU) left out" in result.stderr
    table = runner.invoke(app, ["events", "list", "--dyad", "EUR", "DEU", "--db", db])
    assert "2 events from event store" in table.stdout and "--actor DEU" in table.stderr
    own = runner.invoke(app, ["events", "list", "--dyad", "DEUGOV", "DEUCOP", "--db", db, "--json"])
    assert [e["cameo"] for e in json.loads(own.stdout)] == ["173", "111"] and "note" not in own.stderr
    relations = runner.invoke(app, ["relations", "EUR", "DEU", "--db", db, "--json"])
    assert json.loads(relations.stdout)["n_events"] == 2 and json.loads(relations.stdout)["domestic_events"] == 2
    caption = runner.invoke(app, ["relations", "EUR", "DEU", "--db", db])
    assert "2 event(s) between two sides of one country (DEU) left out" in caption.stdout
    triangle = runner.invoke(app, ["triangle", "EUR", "DEU", "USA", "--db", db])
    assert "EUR-DEU: 2 event(s) between two sides of one country left out" in triangle.stdout
    triangle_json = json.loads(runner.invoke(app, ["triangle", "EUR", "DEU", "USA", "--db", db, "--json"]).stdout)
    assert triangle_json["domestic_events"] == {"EUR-DEU": 2}


def test_a_dyad_is_typed_as_codes_or_names_and_the_same_on_a_store_and_a_timeline(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from detente.cases.timeline import load_timeline
    from detente.events.store import EventStore

    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    db = _german_store(tmp_path)
    codes = runner.invoke(app, ["events", "list", "--dyad", "USA", "RUS", "--db", db, "--json"])
    names = runner.invoke(app, ["events", "list", "--dyad", "United States", "Russia", "--db", db, "--json"])
    assert [e["event_id"] for e in json.loads(codes.stdout)] == [e["event_id"] for e in json.loads(names.stdout)]
    assert len(json.loads(codes.stdout)) == 2
    case = tmp_path / "case.duckdb"
    with EventStore(case) as store:
        store.ingest(load_timeline("us-russia-2025"), file="case")
    for pair in (["United States", "Russia"], ["EUR", "RUS"], ["Ukraine", "the Kremlin"]):
        builtin = runner.invoke(app, ["events", "list", "--dyad", *pair, "--limit", "500", "--json"])
        stored = runner.invoke(app, ["events", "list", "--dyad", *pair, "--limit", "500", "--db", str(case), "--json"])
        ids = [e["event_id"] for e in json.loads(builtin.stdout)]
        assert ids and ids == [e["event_id"] for e in json.loads(stored.stdout)], pair


def test_a_dyad_written_as_one_word_or_overlapping_is_an_error(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    for args, needle in (
        (["--dyad", "USA-RUS", "--json"], "--dyad: takes two actors"),
        (["--dyad", "USA", "USAGOV"], "overlap"),
    ):
        result = runner.invoke(app, ["events", "list", *args])
        assert result.exit_code == 2 and needle in result.output, (args, result.output)


def test_an_empty_json_list_still_says_so_on_stderr(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["events", "list", "--actor", "Hungary", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "note: no events match these filters" in result.stderr


def test_a_dataset_the_source_does_not_hold_is_an_error_naming_the_ones_it_does(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """`--dataset gdelt` on a store of GDELT 2.0 rows (labelled gdelt2) would list nothing: say why instead."""
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    db = _german_store(tmp_path)
    wrong = runner.invoke(app, ["events", "list", "--db", db, "--dataset", "gdelt"])
    assert wrong.exit_code == 2 and "--dataset: no dataset 'gdelt'" in wrong.output and "did you mean gdelt2" in wrong.output
    right = runner.invoke(app, ["events", "list", "--db", db, "--dataset", "gdelt2", "--json"])
    assert right.exit_code == 0 and len(json.loads(right.stdout)) == 6
    builtin = runner.invoke(app, ["events", "list", "--dataset", "icews"])
    assert builtin.exit_code == 2 and "the datasets here: case" in builtin.output
    assert runner.invoke(app, ["events", "list", "--dataset", "case", "--limit", "1"]).exit_code == 0
