"""DirectWriter: a GDELT file written straight into the store keeps lines, checks, duplicates and the aggregate."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from detente.errors import DataFormatError
from detente.events.direct import DirectWriter
from detente.events.importers.gdelt_layout import GDELT2
from detente.events.store import EventStore

from .conftest import gdelt_row, write_lines


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def rows(*ids: int, **values: str) -> list[str]:
    return [gdelt_row(GDELT2, GLOBALEVENTID=str(i), **values) for i in ids]


def stored(store: EventStore) -> dict[str, int]:
    """doc_id -> line of every stored event, checking that no id is stored twice."""
    frame = store.events()
    assert frame.event_id.is_unique
    return dict(zip(frame.doc_id, frame.row))


def aggregate_total(store: EventStore) -> int:
    return int(store.con.execute("SELECT coalesce(sum(events), 0) FROM dyad_months").fetchall()[0][0])


def test_overlapping_file_adds_only_new_events(store: EventStore, tmp_path: Path) -> None:
    first = store.import_file("gdelt", write_lines(tmp_path / "a.export.CSV", rows(1, 2, 3)))
    assert (first.added, first.duplicates) == (3, 0)
    # the same events 2 and 3 (same id: what they say and their GLOBALEVENTID) in another file, at other lines
    second = store.import_file("gdelt", write_lines(tmp_path / "b.export.CSV", rows(4, 2, 5, 3)))
    assert (second.read, second.added, second.duplicates, second.quarantined) == (4, 2, 2, 0)
    lines = stored(store)
    assert lines == {"1": 1, "2": 2, "3": 3, "4": 1, "5": 3}  # 2 and 3 keep the lines of their first import
    files = dict(zip(store.events().doc_id, store.events().file))
    assert files["4"].endswith("b.export.CSV") and files["2"].endswith("a.export.CSV")
    assert aggregate_total(store) == store.count() == 5


def test_events_of_other_dates_are_not_duplicates(store: EventStore, tmp_path: Path) -> None:
    store.import_file("gdelt", write_lines(tmp_path / "a.tsv", rows(1, 2)))
    # same GLOBALEVENTIDs, other date: other events (the date is part of the id)
    later = store.import_file("gdelt", write_lines(tmp_path / "b.tsv", rows(1, 2, SQLDATE="20250301")))
    assert (later.added, later.duplicates) == (2, 0)
    assert store.count() == aggregate_total(store) == 4


def test_checked_rows_leave_the_store_and_the_aggregate(store: EventStore, tmp_path: Path) -> None:
    lines = rows(1) + rows(2, EventCode="999") + rows(3) + [gdelt_row(GDELT2, GLOBALEVENTID="")] + rows(5)
    lines += rows(6, SQLDATE="18991231") + rows(7, GoldsteinScale="")
    summary = store.import_file("gdelt", write_lines(tmp_path / "g.tsv", lines))
    assert (summary.read, summary.added, summary.quarantined) == (7, 3, 4)
    assert stored(store) == {"1": 1, "3": 3, "5": 5}
    assert aggregate_total(store) == 3
    reasons = dict(zip(store.quarantine().line, store.quarantine().reason))
    assert reasons == {
        2: 'unknown CAMEO code: EventCode="999"', 4: "missing field: GLOBALEVENTID",
        6: 'bad date: SQLDATE="18991231"', 7: 'bad number: GoldsteinScale=""',
    }
    assert store.con.execute("SELECT count(*) FROM event_details").fetchall()[0][0] == 0  # a GDELT row has none


def test_failure_after_the_write_leaves_the_store_as_it_was(
    store: EventStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_file("gdelt", write_lines(tmp_path / "a.tsv", rows(1)))

    def fail(self: DirectWriter, *args: object, **kwargs: object) -> int:
        raise DataFormatError("boom after the write")

    monkeypatch.setattr(DirectWriter, "quarantine", fail)
    with pytest.raises(DataFormatError, match="boom after the write"):
        store.import_file("gdelt", write_lines(tmp_path / "b.tsv", rows(2, 3)))
    assert stored(store) == {"1": 1} and aggregate_total(store) == 1 and len(store.imports()) == 1


def test_number_maps_positions_past_excluded_lines(store: EventStore) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    writer = DirectWriter(con, datetime.now(UTC).replace(tzinfo=None))
    select = (
        "SELECT DATE '2025-02-12' AS date, 'USA' AS source, 'RUS' AS target, '041' AS cameo, 1.0 AS goldstein, "
        "'t' AS dataset, i::VARCHAR AS doc_id, 'day' AS date_precision, NULL AS source_name, NULL AS target_name, "
        "NULL AS url, 'f' AS file, NULL::DOUBLE AS tone FROM range(1, 8) t(i) ORDER BY i"
    )
    first, written = writer.insert(select)
    assert written == 7
    writer.number(first, written, excluded=[1, 4, 5, 11])  # a header, two rejects, a line after the last row
    got = dict(con.execute('SELECT doc_id, "row" FROM event_rows').fetchall())
    assert got == {"1": 2, "2": 3, "3": 6, "4": 7, "5": 8, "6": 9, "7": 10}
    assert writer.finish() == (7, 7)
    con.execute("ROLLBACK")
    assert store.count() == 0


def test_a_file_imported_before_is_staged_not_written_again(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "g.tsv", rows(1, 2) + rows(3, EventCode="999"))
    stages: list[set[str]] = []
    for _ in range(2):
        seen: set[str] = set()
        summary = store.import_file("gdelt", path, progress=lambda s, f: seen.add(s))
        stages.append(seen)
    assert "parse and write" in stages[0] and "parse and write" not in stages[1] and "parse" in stages[1]
    assert (summary.added, summary.duplicates, summary.quarantined) == (0, 2, 1)
    assert stored(store) == {"1": 1, "2": 2} and aggregate_total(store) == 2 and len(store.quarantine()) == 1


def test_a_file_grown_since_its_import_adds_its_new_rows_at_their_lines(store: EventStore, tmp_path: Path) -> None:
    from detente.events.importers.gdelt_layout import GDELT1_DAILY

    from .conftest import GDELT_ROW_57

    daily = [gdelt_row(GDELT1_DAILY, GLOBALEVENTID=str(i)) for i in (1, 2, 3)]
    path = write_lines(tmp_path / "g.tsv", daily[:2])
    store.import_file("gdelt", path)
    path.write_text(daily[0] + "\n\n" + GDELT_ROW_57 + "\n" + daily[1] + "\n" + "x\ty\n" + daily[2] + "\n")
    again = store.import_file("gdelt", path)  # staged: the file was imported before
    assert (again.added, again.duplicates, again.quarantined) == (2, 2, 1)
    assert stored(store) == {"1": 1, "2": 2, "1004": 3, "3": 6}
    assert aggregate_total(store) == 4
