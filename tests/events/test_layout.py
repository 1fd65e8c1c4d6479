"""The store's layout: bulk rows write no detail columns, the view returns exactly what was staged, old stores convert."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pandas as pd

from detente import ontology
from detente.events import layout
from detente.events.importers.gdelt_layout import GDELT2
from detente.events.schema import EVENT_COLUMNS, Event
from detente.events.store import EventStore

from .conftest import GDELT_ROWS_58, GDELT_ROWS_61, as_single_table, gdelt_row, write_lines

TEXT_EVENTS = [
    # a sentence, offsets, a quote, a modality and a confidence: every detail column filled
    Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "text", "doc-1", plover="CONSULT",
          sentence="Rubio met Lavrov in Riyadh.", sentence_index=0, char_start=0, char_end=27, quote="met",
          modality="intent", confidence=0.9, note="n", negated=True, origin_id="o-1"),
    # the case file's shape: no PLOVER category although the codebook has one for 041
    Event(date(2025, 2, 13), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "case", "seed-1"),
    # a root and quad the codebook does not give this code, and a code it lacks
    Event(date(2025, 2, 14), "RUS", "UKR", "190", "01", 0, -10.0, "case", "seed-2"),
    Event(date(2025, 2, 15), "RUS", "UKR", "999", "99", 3, None, "case", "seed-3"),  # type: ignore[arg-type]
    # nothing beyond the core columns: stored without details, read back from the codebook
    Event(date(2025, 2, 16), "CHN", "RUS", "057", "05", 1, 8.0, "text", "doc-2", plover="SUPPORT"),
]


def _as_events(frame: pd.DataFrame) -> list[Event]:
    names = [f.name for f in dataclasses.fields(Event)]
    out = []
    for row in frame.to_dict("records"):
        values = {k: (None if pd.isna(v) else v) for k, v in row.items() if k in names}
        values["date"] = values["date"].date()
        for k in ("quad", "sentence_index", "char_start", "char_end", "row"):
            values[k] = None if values[k] is None else int(values[k])
        values["negated"] = bool(values["negated"])
        out.append(Event(**values))
    return out


def test_gdelt_rows_need_no_details_and_read_back_from_the_codebook(tmp_path: Path) -> None:
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.import_file("gdelt", write_lines(tmp_path / "a.CSV", GDELT_ROWS_61 + [
            gdelt_row(GDELT2, GLOBALEVENTID="2003", EventCode="190", GoldsteinScale="-10.0"),
        ]))
        assert store.con.execute(f"SELECT count(*) FROM {layout.DETAILS}").fetchall()[0][0] == 0
        stored = {r[0] for r in store.con.execute(f"SELECT column_name FROM (DESCRIBE {layout.ROWS})").fetchall()}
        assert stored == {"event_id", "imported_at", *layout.CORE}
        frame = store.events()
        assert list(frame.columns) == list(EVENT_COLUMNS)
        for row in frame.itertuples():
            code = ontology.get(row.cameo)
            assert (row.root, row.quad, row.plover) == (code.root, code.quad, code.plover)
            assert row.negated is False or row.negated == False  # noqa: E712 - numpy bool
            assert pd.isna(row.sentence) and pd.isna(row.origin_id)


def test_the_view_returns_exactly_what_was_ingested(tmp_path: Path) -> None:
    with EventStore(tmp_path / "ev.duckdb") as store:
        assert store.ingest(TEXT_EVENTS).added == len(TEXT_EVENTS)
        # details only where something differs from what the codebook and the defaults give
        assert store.con.execute(f"SELECT count(*) FROM {layout.DETAILS}").fetchall()[0][0] == 4
        got = sorted(_as_events(store.events()), key=lambda e: e.date)
        assert got == TEXT_EVENTS
        assert set(store.events().event_id) == {e.event_id for e in TEXT_EVENTS}
        assert store.ingest(TEXT_EVENTS).added == 0


def test_single_table_store_is_converted_when_opened_for_writing(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    gdelt = write_lines(tmp_path / "a.CSV", GDELT_ROWS_58)
    with EventStore(db) as store:
        store.ingest(TEXT_EVENTS)
        store.import_file("gdelt", gdelt)
        before = store.events()
        aggregate = store.dyad_months()
        as_single_table(store.con)
    with EventStore(db, read_only=True) as store:  # read-only: read as it is
        assert layout.is_single_table(store.con)
        pd.testing.assert_frame_equal(store.events(), before)
        assert store.count() == len(before)
    with EventStore(db) as store:
        assert not layout.is_single_table(store.con)
        pd.testing.assert_frame_equal(store.events(), before)
        pd.testing.assert_frame_equal(store.dyad_months(), aggregate)
        assert store.con.execute(f"SELECT count(*) FROM {layout.DETAILS}").fetchall()[0][0] == 4
        assert store.import_file("gdelt", gdelt).added == 0
        assert store.ingest(TEXT_EVENTS).added == 0
        assert store.count() == len(before)


def test_a_code_the_package_redefines_keeps_its_stored_values(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    first = write_lines(tmp_path / "a.CSV", [gdelt_row(GDELT2, GLOBALEVENTID="1", EventCode="041")])
    with EventStore(db) as store:
        store.import_file("gdelt", first)
        # as if the events had been stored by a version whose codebook put 041 in quad 3 under root 09
        store.con.execute(f"UPDATE {layout.CODEBOOK} SET root = '09', quad = 3 WHERE code = '041'")
        assert tuple(store.events()[["root", "quad"]].iloc[0]) == ("09", 3)
    code = ontology.get("041")
    with EventStore(db) as store:  # the codebook follows the package; the stored event keeps its values
        assert store.con.execute(f"SELECT root, quad FROM {layout.CODEBOOK} WHERE code = '041'").fetchall() == [
            (code.root, code.quad)
        ]
        store.import_file("gdelt", write_lines(tmp_path / "b.CSV", [gdelt_row(GDELT2, GLOBALEVENTID="2", EventCode="041")]))
        frame = store.events().set_index("doc_id")
        assert tuple(frame.loc["1", ["root", "quad"]]) == ("09", 3)
        assert tuple(frame.loc["2", ["root", "quad"]]) == (code.root, code.quad)
