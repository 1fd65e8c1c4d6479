"""Partitioned Parquet datasets: export, import straight to Parquet, and Dask giving the store's numbers."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from detente.cli.main import app
from detente.events.importers.gdelt_layout import GDELT2
from detente.events.parquet import export_dataset, import_to_dataset, read_dyads, read_quarantine
from detente.events.store import EventStore
from detente.relations.series import dyad_events, series_wide
from detente.relations.shifts import dyad_shifts, shifts_frame

from .conftest import gdelt_row, write_lines

runner = CliRunner()
ACTORS = ["USAGOV", "USA", "RUSMIL", "RUS", "UKRREB", "UKR", "CHN", "FRA"]
CODES = [("041", "1.0"), ("057", "8.0"), ("190", "-10.0"), ("1123", "-2.0"), ("010", "0.0")]


def _gdelt(path: Path, n: int, *, seed: int, first_id: int = 1) -> Path:
    """GDELT rows over 2023-2025; US-Russia relations turn hostile from mid-2024 (a shift to find)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        year, month = int(rng.integers(2023, 2026)), int(rng.integers(1, 13))
        late = (year, month) >= (2024, 7)
        code, gold = CODES[int(rng.integers(2, 4))] if late and rng.random() < 0.8 else CODES[int(rng.integers(0, 5))]
        rows.append(gdelt_row(
            GDELT2, GLOBALEVENTID=str(first_id + i), SQLDATE=f"{year}{month:02d}{int(rng.integers(1, 29)):02d}",
            Actor1Code=ACTORS[int(rng.integers(len(ACTORS)))], Actor2Code=ACTORS[int(rng.integers(len(ACTORS)))],
            EventCode=code, GoldsteinScale=gold,
        ))
    rows.append(gdelt_row(GDELT2, GLOBALEVENTID=str(first_id + n), SQLDATE="20241399"))  # quarantined
    return write_lines(path, rows)


@pytest.fixture
def store_and_dataset(tmp_path: Path):
    src = _gdelt(tmp_path / "g.CSV", 1500, seed=5)
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.import_file("gdelt", src)
        export_dataset(store, tmp_path / "dataset")
        yield store, tmp_path / "dataset", src


def test_export_writes_hive_partitions_with_every_event(store_and_dataset) -> None:
    store, dataset, _ = store_and_dataset
    months = sorted(p.relative_to(dataset).as_posix() for p in dataset.glob("year=*/month=*"))
    assert months[0] == "year=2023/month=1" and len(months) == 36
    back = duckdb.connect().execute(
        f"SELECT * EXCLUDE (year, month, imported_at) FROM read_parquet('{dataset}/**/*.parquet', hive_partitioning=true) "
        "ORDER BY date, event_id"
    ).df()
    pd.testing.assert_frame_equal(back.reset_index(drop=True), store.events(), check_dtype=False)


def test_import_straight_to_parquet_is_idempotent_and_keeps_quarantine(tmp_path: Path) -> None:
    src = _gdelt(tmp_path / "g.CSV", 300, seed=7)
    dataset = tmp_path / "ds"
    first = import_to_dataset("gdelt", src, dataset)
    assert (first.read, first.added, first.quarantined) == (301, 300, 1)
    again = import_to_dataset("gdelt", src, dataset)
    assert (again.added, again.duplicates) == (0, 300)
    more = import_to_dataset("gdelt", _gdelt(tmp_path / "h.CSV", 100, seed=8, first_id=10_000), dataset)
    assert more.added == 100
    count = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{dataset}/year=*/month=*/*.parquet')").fetchall()[0][0]
    assert count == 400
    quarantine = read_quarantine(dataset)
    assert sorted(quarantine.line) == [101, 301]  # once each, though the first file was imported twice
    assert all(quarantine.reason.str.startswith("bad date"))


@pytest.mark.parametrize("pair", [("USA", "RUS"), ("RUS", "UKR")])
def test_dask_on_parquet_gives_the_store_numbers(store_and_dataset, pair: tuple[str, str]) -> None:
    store, dataset, _ = store_and_dataset
    a, b = pair
    from_store = store.events(dyad=(a, b))  # what `relations --db` reads (then its own rules apply)
    from_dask = read_dyads(dataset, [(a, b)])  # the rows those rules keep: UKRREB is not Ukraine
    assert len(from_dask) == len(dyad_events(from_store, a, b)) > 50
    for freq in ("month", "quarter"):
        pd.testing.assert_frame_equal(series_wide(from_dask, a, b, freq=freq), series_wide(from_store, a, b, freq=freq))
    shifts_store = shifts_frame(dyad_shifts(from_store, a, b))
    shifts_dask = shifts_frame(dyad_shifts(from_dask, a, b))
    pd.testing.assert_frame_equal(shifts_dask, shifts_store)
    if pair == ("USA", "RUS"):
        assert len(shifts_store) >= 1  # the generated turn is found, so the comparison is not of two empty tables
    window = read_dyads(dataset, [(a, b)], start="2024-03-01", end="2024-09-30")
    assert window.date.min() >= pd.Timestamp("2024-03-01") and window.date.max() <= pd.Timestamp("2024-09-30")
    assert len(window) == len(dyad_events(store.events(dyad=(a, b), start="2024-03-01", end="2024-09-30"), a, b))


def test_dask_cluster_gives_the_same_events(store_and_dataset) -> None:
    distributed = pytest.importorskip("distributed")
    _, dataset, _ = store_and_dataset
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        on_cluster = read_dyads(dataset, [("USA", "RUS")], scheduler=cluster.scheduler_address)
    local = read_dyads(dataset, [("USA", "RUS")])
    pd.testing.assert_frame_equal(on_cluster, local)


def test_cli_export_and_import_parquet(tmp_path: Path, store_and_dataset) -> None:
    store, _, src = store_and_dataset
    store.close()  # the command opens the store itself
    db = str(tmp_path / "ev.duckdb")
    out = tmp_path / "exported"
    result = runner.invoke(app, ["events", "export", "--parquet", str(out), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] == 1500 and any(out.glob("year=2024/month=7/*.parquet"))
    again = runner.invoke(app, ["events", "export", "--parquet", str(out), "--db", db])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(app, ["events", "export", "--parquet", str(out), "--db", db, "--force"]).exit_code == 0

    ds = tmp_path / "imported"
    first = runner.invoke(app, ["events", "import", "gdelt", str(src), "--parquet", str(ds), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["imports"][0]["added"] == 1500
    second = json.loads(runner.invoke(app, ["events", "import", "gdelt", str(src), "--parquet", str(ds), "--json"]).stdout)
    assert second["imports"][0]["added"] == 0 and second["imports"][0]["duplicates"] == 1500

    both = runner.invoke(app, ["events", "import", "gdelt", str(src), "--parquet", str(ds), "--db", db])
    assert both.exit_code == 2 and "--db and --parquet" in both.output
    neither = runner.invoke(app, ["events", "export", "--db", db])
    assert neither.exit_code == 2 and "FILE or --parquet" in neither.output



def test_parquet_counts_the_domestic_events_a_store_counts(tmp_path: Path) -> None:
    """EUR-DEU over a dataset leaves out and counts the German government against the German police, as over a store."""
    rows = [
        gdelt_row(GDELT2, GLOBALEVENTID=str(3000 + i), SQLDATE=f"2025{month:02d}10", Actor1Code=src, Actor2Code=dst,
                  EventCode=code, GoldsteinScale=gold)
        for i, (month, src, dst, code, gold) in enumerate([
            (1, "DEUGOV", "DEUCOP", "190", "-10.0"), (1, "DEUGOV", "DEUCOP", "041", "1.0"), (2, "DEUCOP", "DEUGOV", "057", "8.0"),
            (1, "FRA", "DEU", "041", "1.0"), (2, "DEUGOV", "FRAGOV", "057", "8.0"), (2, "POL", "DEUGOV", "190", "-10.0"),
            (3, "USA", "RUS", "041", "1.0"),
        ])
    ]
    db, dataset = tmp_path / "ev.duckdb", tmp_path / "dataset"
    with EventStore(db) as store:
        store.import_file("gdelt", write_lines(tmp_path / "g.CSV", rows))
        export_dataset(store, dataset)
    frame = read_dyads(dataset, [("EUR", "DEU")])
    assert len(frame) == 6  # the three domestic events are read, for the relations code to leave out and count
    assert series_wide(frame, "EUR", "DEU").attrs["domestic_events"] == 3
    answers = {}
    for flag, value in (("--db", db), ("--parquet", dataset)):
        result = runner.invoke(app, ["relations", "EUR", "Germany", flag, str(value), "--json"])
        assert result.exit_code == 0, result.output
        answers[flag] = json.loads(result.stdout)
    for key in ("n_events", "domestic_events", "series"):
        assert answers["--parquet"][key] == answers["--db"][key], key
    assert (answers["--parquet"]["n_events"], answers["--parquet"]["domestic_events"]) == (3, 3)
    shown = runner.invoke(app, ["relations", "EUR", "Germany", "--parquet", str(dataset)])
    assert "3 event(s) between two sides of one country (DEU) left out" in " ".join(shown.output.split())
