"""Event ids: one formula in Python and in SQL, pinned, and old stores migrated to it."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from detente.events.importers.staging import (
    EVENT_ID_TYPE,
    event_id_sql,
    event_id_text_sql,
    event_key_sql,
    event_sql_types,
    stage_events,
)
from detente.events.schema import Event
from detente.events.store import EventStore

from .conftest import GDELT_ROWS_61, write_lines

EVENTS = [
    Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "case", "seed-1"),
    Event(date(1999, 12, 31), "USA", "---", "010", "01", 0, 0.0, "gdelt1", "d|1", row=7, sentence_index=0,
          char_start=0),
    Event(date(2025, 1, 1), "EUR", "RUS", "163", "16", 4, -4.0, "text", "x", sentence_index=3, char_start=5,
          char_end=40, sentence="Brussels cut \u00e9nergie ties with Moscow."),
    Event(date(2018, 6, 1), "RUSGOV", "UKRMIL", "190", "19", 4, -10.0, "icews", "9001", row=2, file="/tmp/a b.tab"),
]


def test_event_id_is_pinned() -> None:
    # A stored id must not change silently: re-imports would stop finding their events (a new
    # formula needs a new ID_VERSION, which re-keys old stores).
    event = EVENTS[0]
    assert event.event_id == "9b047eb85808680589a116ccb70afbbc"
    key = "seed-1|None|None|None|2025-02-12|USAGOV|RUSGOV|041"
    digest = hashlib.md5(key.encode("utf-8")).digest()
    assert event.event_id == f"{int.from_bytes(digest, 'little'):032x}"
    assert len(event.event_id) == 32 and int(event.event_id, 16) >= 0


def test_sql_and_python_ids_are_identical() -> None:
    con = duckdb.connect()
    stage_events(con, EVENTS)
    keys = con.execute(f"SELECT {event_key_sql()} FROM _stage").fetchall()
    ids = con.execute(f"SELECT {event_id_text_sql(event_id_sql())} FROM _stage").fetchall()
    assert [k for (k,) in keys] == [
        "|".join(str(v) for v in (e.doc_id, e.origin_id, e.sentence_index, e.char_start, e.date, e.source,
                                  e.target, e.cameo))
        for e in EVENTS
    ]
    assert [i for (i,) in ids] == [e.event_id for e in EVENTS]
    assert con.execute(f"SELECT typeof({event_id_sql()}) FROM _stage LIMIT 1").fetchall()[0][0] == EVENT_ID_TYPE


def test_store_keeps_ids_as_integers_and_returns_text(tmp_path: Path) -> None:
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.ingest(EVENTS)
        kinds = dict(store.con.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall())
        assert kinds["event_id"] == EVENT_ID_TYPE
        assert set(store.events().event_id) == {e.event_id for e in EVENTS}
        # a GDELT import computes its ids in SQL; they equal what Python computes for the same rows
        store.import_file("gdelt", write_lines(tmp_path / "v2.CSV", GDELT_ROWS_61))
        frame = store.events(dataset="gdelt2")
        assert len(frame) == 2
        for row in frame.itertuples():
            assert pd.isna(row.sentence_index) and pd.isna(row.char_start)
            event = Event(row.date.date(), row.source, row.target, row.cameo, row.root, int(row.quad), row.goldstein,
                          row.dataset, row.doc_id, row=int(row.row))
            assert event.event_id == row.event_id


def test_old_store_with_sha1_text_ids_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    types_ = event_sql_types()
    con = duckdb.connect(str(db))
    cols = ", ".join(f'"{n}" {t}' for n, t in types_.items())
    con.execute(f'CREATE TABLE events ("event_id" VARCHAR NOT NULL, {cols}, imported_at TIMESTAMP)')
    event = EVENTS[1]
    old_key = "|".join(str(v) for v in (event.dataset, event.doc_id, event.row, event.sentence_index,
                                        event.char_start, event.date, event.source, event.target, event.cameo))
    con.execute(
        "INSERT INTO events (event_id, date, source, target, cameo, root, quad, goldstein, dataset, doc_id, "
        '"row", sentence_index, char_start, date_precision, negated) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [hashlib.sha1(old_key.encode()).hexdigest()[:16], event.date, event.source, event.target, event.cameo,
         event.root, event.quad, event.goldstein, event.dataset, event.doc_id, event.row, event.sentence_index,
         event.char_start, "day", False],
    )
    con.close()
    with EventStore(db, read_only=True) as store:  # read-only: not migrated, the old ids read as they are
        assert len(store.events().event_id.iloc[0]) == 16
    with EventStore(db) as store:
        assert list(store.events().event_id) == [event.event_id]
        assert store.ingest([event]).added == 0  # still recognised after the migration
        assert store.count() == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_duplicates_within_one_ingest_are_one_event(tmp_path: Path, rows: int) -> None:
    with EventStore(tmp_path / "ev.duckdb") as store:
        summary = store.ingest([EVENTS[2]] * rows)
        assert (summary.added, summary.duplicates) == (1, rows - 1)


def test_batches_outside_the_stored_dates_are_still_deduplicated(tmp_path: Path) -> None:
    from detente.events.importers.gdelt_layout import GDELT2

    from .conftest import gdelt_row

    old = write_lines(tmp_path / "old.CSV", [gdelt_row(GDELT2, GLOBALEVENTID="1", SQLDATE="20150301")])
    new = write_lines(tmp_path / "new.CSV", [gdelt_row(GDELT2, GLOBALEVENTID=str(i), SQLDATE="20250301")
                                             for i in (2, 3)])
    with EventStore(tmp_path / "ev.duckdb") as store:
        assert store.import_file("gdelt", old).added == 1
        first = store.import_file("gdelt", new)  # no stored event in March 2025: no anti-join needed
        assert (first.added, first.duplicates) == (2, 0)
        again = store.import_file("gdelt", new)
        assert (again.added, again.duplicates) == (0, 2)
        assert store.count() == 3
