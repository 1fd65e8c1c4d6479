"""An event's identity comes from the event, never from how it was imported (issue #10)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli.main import app
from detente.errors import StoreError
from detente.events.importers.gdelt_layout import GDELT2
from detente.events.store import EventStore

from .conftest import ICEWS_HEADER, as_single_table, gdelt_row, icews_row, write_lines

CSV = [
    "day,actor1,actor2,code,text",
    "2025-02-12,USAGOV,RUSGOV,041,Trump and Putin spoke by phone",
    "2025-02-18,USA,RUS,043,Talks in Riyadh",
    "2025-02-18,USA,RUS,043,Talks in Riyadh",  # the same event listed twice: two reports, both kept
]


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def test_csv_reimport_under_another_dataset_or_map_adds_nothing(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mine.csv", CSV)
    first = store.import_file("csv", path, mapping="date=day,source=actor1,target=actor2,cameo=code", dataset="a")
    assert (first.added, first.duplicates) == (3, 0)
    other_label = store.import_file("csv", path, mapping="date=day,source=actor1,target=actor2,cameo=code", dataset="b")
    assert (other_label.added, other_label.duplicates) == (0, 3)
    other_map = store.import_file(
        "csv", path, mapping="date=day,source=actor1,target=actor2,cameo=code,sentence=text", dataset="c"
    )
    assert (other_map.added, other_map.duplicates) == (0, 3)
    assert store.count() == 3 and set(store.events().dataset) == {"a"}


def test_same_csv_rows_from_another_file_are_the_same_events(store: EventStore, tmp_path: Path) -> None:
    spec = "date=day,source=actor1,target=actor2,cameo=code"
    store.import_file("csv", write_lines(tmp_path / "one.csv", CSV), mapping=spec)
    moved = tmp_path / "sub"
    moved.mkdir()
    # rows in another order, in a renamed file: the line numbers differ, the events do not
    again = store.import_file("csv", write_lines(moved / "two.csv", [CSV[0], CSV[3], CSV[1], CSV[2]]), mapping=spec)
    assert (again.added, again.duplicates) == (0, 3)


def test_one_gdelt_event_in_two_files_is_one_event(store: EventStore, tmp_path: Path) -> None:
    event = gdelt_row(GDELT2, GLOBALEVENTID="777", Actor1Code="RUS", Actor2Code="UKR", EventCode="190")
    a = write_lines(tmp_path / "a.CSV", [gdelt_row(GDELT2, GLOBALEVENTID="1"), event])  # line 2
    b = write_lines(tmp_path / "b.CSV", [event])  # line 1
    assert store.import_file("gdelt", a).added == 2
    second = store.import_file("gdelt", b)
    assert (second.added, second.duplicates) == (0, 1)
    kept = store.events(dataset="gdelt2").set_index("doc_id")
    assert kept.loc["777", "row"] == 2 and kept.loc["777", "file"] == str(a.resolve())  # the first import's provenance


def test_icews_event_id_is_part_of_identity(store: EventStore, tmp_path: Path) -> None:
    # two ICEWS events from the same story sentence with the same actors and code stay two events
    rows = [ICEWS_HEADER, icews_row(**{"Event ID": "1"}), icews_row(**{"Event ID": "2"})]
    assert store.import_file("icews", write_lines(tmp_path / "a.tab", rows)).added == 2
    frame = store.events(dataset="icews")
    assert sorted(frame.origin_id) == ["1", "2"]
    again = store.import_file("icews", write_lines(tmp_path / "b.tab", [ICEWS_HEADER, rows[2]]))
    assert (again.added, again.duplicates) == (0, 1)


def test_old_store_is_rekeyed_and_its_copies_merged(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    path = write_lines(tmp_path / "mine.csv", CSV)
    spec = "date=day,source=actor1,target=actor2,cameo=code"
    with EventStore(db) as store:
        store.import_file("csv", path, mapping=spec, dataset="a")
        as_single_table(store.con)
        # what an older version left behind: the same rows again under another label and other ids,
        # and no record of the id version
        store.con.execute(
            "INSERT INTO events SELECT * REPLACE (md5_number(event_id::VARCHAR || 'old') AS event_id, 'b' AS dataset, "
            "imported_at + INTERVAL 1 SECOND AS imported_at) FROM events"
        )
        store.con.execute("DELETE FROM meta")
        assert store.count() == 6
    with EventStore(db) as store:
        assert store.count() == 3  # the two identical rows of the file stay two events
        assert set(store.events().dataset) == {"a"}
        log = store.imports()
        assert log.iloc[-1]["kind"] == "rekey" and log.iloc[-1]["duplicates"] == 3
        assert store.import_file("csv", path, mapping=spec, dataset="z").added == 0


def test_a_file_that_is_not_a_store_is_refused_in_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text("a\tb\n1\t2\n", encoding="utf-8")
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"notes\.tsv is not a detente event store.*--db"):
            EventStore(notes, read_only=read_only)
    assert notes.read_text(encoding="utf-8") == "a\tb\n1\t2\n"  # untouched

    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a detente event store"):
        EventStore(other)


def test_an_empty_file_becomes_a_new_store(tmp_path: Path) -> None:
    empty = tmp_path / "new.duckdb"
    empty.touch()
    with pytest.raises(StoreError, match="empty file"):
        EventStore(empty, read_only=True)
    with EventStore(empty) as store:
        assert store.count() == 0


def test_cli_names_db_for_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text("a\tb\n", encoding="utf-8")
    src = write_lines(tmp_path / "g.CSV", [gdelt_row(GDELT2)])
    runner = CliRunner()
    for args in (["events", "list", "--db", str(notes)], ["events", "import", "gdelt", str(src), "--db", str(notes)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "event store" in lines[0] and "--db" in lines[0] and "notes.tsv" in lines[0]
        assert "Catalog" not in result.output


def test_rekey_moves_the_icews_event_id_into_origin_id(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    rows = [ICEWS_HEADER, icews_row(**{"Event ID": "41"}), icews_row(**{"Event ID": "42"})]
    path = write_lines(tmp_path / "a.tab", rows)
    with EventStore(db) as store:
        store.import_file("icews", path)
        as_single_table(store.con)
        store.con.execute("UPDATE events SET origin_id = NULL")  # as stored before origin_id existed
        store.con.execute("DELETE FROM meta")
    with EventStore(db) as store:
        assert sorted(store.events().origin_id) == ["41", "42"]
        assert store.import_file("icews", path).added == 0
