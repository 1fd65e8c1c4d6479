"""One rule for the data source, a user's own timeline, the store's filters on any frame, asserted events only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from detente.errors import InputError, StoreError
from detente.events.schema import Event
from detente.events.store import EventStore
from detente.relations import dyad_series, series_wide, triangle_series
from detente.relations.sources import (
    DEFAULT_CASE,
    choose_source,
    event_source,
    list_events,
    load_events,
    parse_bound,
    parse_range,
    read_timeline,
    select_events,
)


def _store(path: Path) -> Path:
    with EventStore(path) as store:
        store.ingest([Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "t", "d1")], file="t")
    return path


def test_the_rule_in_order(tmp_path: Path) -> None:
    db = _store(tmp_path / "mine.duckdb")
    env = _store(tmp_path / "env.duckdb")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert choose_source(environ={}, cwd=empty).case == DEFAULT_CASE
    assert choose_source(environ={}, cwd=empty).reason == "default"
    _store(tmp_path / "detente.duckdb")
    assert choose_source(environ={}, cwd=tmp_path).reason == "./detente.duckdb"
    assert choose_source(environ={"DETENTE_DB": str(env)}, cwd=tmp_path).path == env
    assert choose_source(db, environ={"DETENTE_DB": str(env)}, cwd=tmp_path).path == db
    assert choose_source(case=DEFAULT_CASE, environ={"DETENTE_DB": str(env)}).kind == "case"


def test_sources_are_checked_before_reading(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(StoreError, match="--db .*notes.tsv is not a detente event store"):
        choose_source(notes)
    with pytest.raises(StoreError, match=r"\$DETENTE_DB: no event store"):
        choose_source(environ={"DETENTE_DB": str(tmp_path / "gone.duckdb")})
    with pytest.raises(InputError, match="two data sources"):
        choose_source(notes, case=DEFAULT_CASE)
    with pytest.raises(InputError, match="did you mean us-russia-2025"):
        choose_source(case="us_russia_2025")


def test_event_source_reads_the_builtin_case_and_a_store(tmp_path: Path) -> None:
    builtin = event_source(case=DEFAULT_CASE)
    assert builtin.to_record()["kind"] == "case" and len(builtin.events) > 20
    stored = event_source(_store(tmp_path / "ev.duckdb"))
    assert stored.to_record()["reason"] == "--db" and len(stored.events) == 1


def test_parse_bound_reads_days_months_and_years() -> None:
    assert parse_bound("2025", end=True, flag="--until") == pd.Timestamp("2025-12-31")
    assert parse_bound("2025-02-03", end=True, flag="--until") == pd.Timestamp("2025-02-03")
    assert parse_bound("2025-02", end=False, flag="--since") == pd.Timestamp("2025-02-01")
    with pytest.raises(InputError, match="--since: bad date"):
        parse_bound("Feb 2025", end=False, flag="--since")


def test_a_timeline_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "sources:\n- {doc_id: d, file: d.txt}\nevents:\n"
        "- id: one\n  date: '2025-02-12'\n  source: USAGOV\n  target: RUSGOV\n  cameo: '041'\n  doc_id: d\n"
        "  sentence: A call.\n  char_start: 0\n  char_end: 7\n"
        "- id: two\n  date: '2025-02-31'\n  source: USAGOV\n  target: RUSGOV\n  cameo: '041'\n  doc_id: d\n"
        "  sentence: A call.\n  char_start: 0\n  char_end: 7\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_timeline(path)
    assert info.value.line == 14 and f"{path}:14" in str(info.value) and "bad date" in str(info.value)


def test_select_events_matches_the_store(tmp_path: Path) -> None:
    frame = load_events(choose_source(case=DEFAULT_CASE)).events
    db = tmp_path / "case.duckdb"
    from detente.cases.timeline import load_timeline

    with EventStore(db) as store:
        store.ingest(load_timeline(DEFAULT_CASE), file="case")
        for filters in (
            dict(dyad=("USA", "Russia")), dict(dyad=("USA", "RUS"), directed=True), dict(actor="European Union"),
            dict(actor="UKR", cameo=["19", "04"]), dict(actor="Kremlin", start=pd.Timestamp("2025-02-01"), end=pd.Timestamp("2025-02-28")),
        ):
            stored = store.events(**{k: (v.date() if isinstance(v, pd.Timestamp) else v) for k, v in filters.items()})
            selected = select_events(frame, **filters)
            assert sorted(selected["event_id"]) == sorted(stored["event_id"]), filters
            assert len(selected) > 0, filters


def test_may_attack_stored_through_the_api_does_not_count(tmp_path: Path) -> None:
    """#9/#10: the library, not the CLI, leaves out events that do not assert their act."""
    events = [
        Event(date(2025, 3, 1), "RUSGOV", "UKRGOV", "036", "03", 1, 4.0, "t", "d1"),
        Event(date(2025, 3, 2), "RUSMIL", "UKR", "190", "19", 4, -10.0, "t", "d2", modality="possible",
              sentence="Russia may attack Ukraine."),
        Event(date(2025, 3, 3), "RUSMIL", "UKR", "190", "19", 4, -10.0, "t", "d3", negated=True,
              sentence="Russia did not attack Ukraine."),
    ]
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.ingest(events, file="t")
        frame = store.events()
    wide = series_wide(frame, "RUS", "UKR")
    assert wide["events"].sum() == 1 and wide["conflict"].sum() == 0
    assert wide.attrs["unasserted_events"] == 2
    everything = series_wide(frame, "RUS", "UKR", include_unasserted=True)
    assert everything["events"].sum() == 3 and everything["conflict"].sum() == 2
    long = dyad_series(frame, "Russia", "Ukraine")
    assert long.loc[long.measure == "conflict", "value"].sum() == 0
    tri = triangle_series(frame, "RUS", "UKR", "USA", freq="month")
    assert tri["RUS-UKR n"].sum() == 1


def test_a_timeline_code_must_be_a_registry_code(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "sources:\n- {doc_id: d, file: d.txt}\nevents:\n"
        "- id: one\n  date: '2025-02-12'\n  source: USAGOV\n  target: UKRAINE\n  cameo: '041'\n  doc_id: d\n"
        "  sentence: A call.\n  char_start: 0\n  char_end: 7\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_timeline(path)
    message = str(info.value)  # the timeline schema's check or this module's: either names the code and the line
    assert info.value.line == 7 and "'UKRAINE'" in message and "actor code" in message


# ---------------------------------------------------------------- --parquet and --scheduler (#12)
@pytest.fixture
def parquet_dataset(tmp_path: Path) -> tuple[Path, Path]:
    """A store of a few USA-RUS events (one a 'may attack') and its Parquet export."""
    from detente.events.parquet import export_dataset

    db = tmp_path / "ev.duckdb"
    with EventStore(db) as store:
        store.ingest([
            Event(date(2024, 12, 3), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "t", "d1"),
            Event(date(2025, 2, 12), "RUSGOV", "USA", "057", "05", 1, 8.0, "t", "d2"),
            Event(date(2025, 2, 20), "RUSMIL", "USA", "190", "19", 4, -10.0, "t", "d3", modality="possible"),
            Event(date(2025, 3, 1), "UKRREB", "RUS", "190", "19", 4, -10.0, "t", "d4"),
        ], file="t")
        export_dataset(store, tmp_path / "dataset")
    return db, tmp_path / "dataset"


def test_parquet_is_a_source_read_with_dask(parquet_dataset) -> None:
    db, dataset = parquet_dataset
    choice = choose_source(parquet=dataset, environ={})
    assert (choice.kind, choice.reason, choice.path, choice.scheduler) == ("parquet", "--parquet", dataset, None)
    from_parquet = load_events(choice, dyads=[("USA", "RUS")])
    from_store = load_events(choose_source(db, environ={}), dyads=[("USA", "RUS")])
    assert sorted(from_parquet.events.doc_id) == ["d1", "d2", "d3"]  # the 'may attack' one is kept, to be counted as left out
    for include in (False, True):
        expected = series_wide(from_store.events, "USA", "RUS", include_unasserted=include)
        pd.testing.assert_frame_equal(series_wide(from_parquet.events, "USA", "RUS", include_unasserted=include), expected)
    window = load_events(choice, dyads=[("USA", "RUS")], start=pd.Timestamp("2025-01-01"), end=pd.Timestamp("2025-02-15"))
    assert list(window.events.doc_id) == ["d2"]
    assert "Parquet dataset" in from_parquet.description and "local Dask threads" in from_parquet.description


def test_the_scheduler_comes_from_the_flag_then_the_environment(parquet_dataset) -> None:
    _, dataset = parquet_dataset
    env = {"DETENTE_SCHEDULER": "tcp://10.0.0.5:8786"}
    assert choose_source(parquet=dataset, environ=env).scheduler == "tcp://10.0.0.5:8786"
    assert choose_source(parquet=dataset, scheduler="10.0.0.6:8786", environ=env).scheduler == "10.0.0.6:8786"
    not_used = choose_source(case=DEFAULT_CASE, environ=env)
    assert not_used.scheduler is None and not_used.notes == ("$DETENTE_SCHEDULER (tcp://10.0.0.5:8786) not used: only a --parquet dataset is read on Dask",)
    assert load_events(not_used).notes == list(not_used.notes)
    assert choose_source(case=DEFAULT_CASE, environ={}).notes == ()


def test_parquet_and_scheduler_are_checked_before_reading(parquet_dataset, tmp_path: Path) -> None:
    db, dataset = parquet_dataset
    with pytest.raises(InputError, match="--scheduler: only applies to a Parquet dataset"):
        choose_source(db, scheduler="tcp://10.0.0.5:8786", environ={})
    with pytest.raises(InputError, match="--db and --parquet name two data sources"):
        choose_source(db, parquet=dataset, environ={})
    with pytest.raises(InputError, match=r"\$DETENTE_SCHEDULER: scheduler address 'host' has no port"):
        choose_source(parquet=dataset, environ={"DETENTE_SCHEDULER": "host"})
    with pytest.raises(InputError, match="--scheduler: scheduler address 'host' has no port"):
        choose_source(parquet=dataset, scheduler="host", environ={})
    with pytest.raises(InputError, match="no such directory"):
        choose_source(parquet=tmp_path / "nowhere", environ={})
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no Parquet event dataset here"):
        choose_source(parquet=tmp_path / "empty", environ={})
    with pytest.raises(InputError, match="given actors only"):
        load_events(choose_source(parquet=dataset, environ={}))


def test_one_wording_for_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    from detente.events.store import check_store_file as check_store
    from detente.relations.sources import check_store_file

    notes = tmp_path / "notes.tsv"
    notes.write_text("date\tsource\n", encoding="utf-8")
    with pytest.raises(StoreError) as from_store:
        check_store(notes, read_only=True)
    with pytest.raises(StoreError) as from_relations:
        check_store_file(notes, flag="--db")
    assert str(from_store.value) == str(from_relations.value)
    assert str(from_store.value).startswith(f"--db {notes} is not a detente event store")


def test_list_events_answers_the_same_on_a_store_and_on_the_timeline(tmp_path: Path) -> None:
    from detente.actors.dyads import dyad_filter
    from detente.cases.timeline import load_timeline

    db = tmp_path / "case.duckdb"
    with EventStore(db) as store:
        store.ingest(load_timeline(DEFAULT_CASE), file="case")
    lo, hi = parse_range("2025-02", "2025")
    for kwargs in (dict(dyad=dyad_filter("USA", "RUS")), dict(actor="UKR", cameo=["19", "04"], start=lo, end=hi), dict(dataset="case", limit=3)):
        on_store = list_events(choose_source(db=db), **kwargs)
        on_timeline = list_events(choose_source(case=DEFAULT_CASE), **kwargs)
        assert list(on_store.events["event_id"]) == list(on_timeline.events["event_id"]), kwargs
        assert on_store.domestic == on_timeline.domestic and len(on_store.events) > 0, kwargs
        assert str(db) in on_store.where and DEFAULT_CASE in on_timeline.where
    with pytest.raises(InputError, match="no dataset 'cas'") as err:
        list_events(choose_source(db=db), dataset="cas")
    assert "did you mean case" in str(err.value.hint)
    with pytest.raises(InputError, match="is after --until"):
        parse_range("2025-03", "2025-02")
