"""EventStore: ids, idempotence, all-or-nothing, filters, export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from detente.errors import DataFormatError, InputError, StoreError
from detente.events.importers import IMPORTERS
from detente.events.importers.staging import stage_events
from detente.events.schema import EVENT_COLUMNS, Event
from detente.events.store import EventStore, default_db_path

from .conftest import GDELT_ROWS_58, write_lines


def ev(day: str, source: str, target: str, cameo: str = "042", **kw: object) -> Event:
    from detente import ontology

    code = ontology.get(cameo)
    fields = dict(date=date.fromisoformat(day), source=source, target=target, cameo=code.code, root=code.root,
                  quad=code.quad, goldstein=code.goldstein, dataset="test", doc_id=f"{day}-{source}-{target}")
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


EVENTS = [
    ev("2025-02-12", "USAGOV", "RUSGOV", "041", sentence="Trump and Putin spoke by phone.", sentence_index=3,
       char_start=10, char_end=40),
    ev("2025-02-18", "USAGOV", "RUSGOV", "043"),
    ev("2025-02-19", "USAGOV", "UKRGOV", "111"),
    ev("2025-03-01", "RUSMIL", "UKR", "190"),
    ev("2025-03-05", "FRA", "RUS", "172"),
    ev("2025-04-10", "CHN", "RUS", "057"),
]


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def test_ingest_is_idempotent_and_keeps_python_ids(store: EventStore) -> None:
    first = store.ingest(EVENTS + [EVENTS[2]], file="article.txt", kind="text")
    assert (first.read, first.added, first.duplicates, first.quarantined) == (7, 6, 1, 0)
    again = store.ingest(EVENTS + [EVENTS[0]], file="article.txt")
    assert (again.added, again.duplicates) == (0, 7)
    frame = store.events()
    assert list(frame.columns) == list(EVENT_COLUMNS)
    # the SQL hash is the same as Event.event_id, so both paths agree on identity
    assert set(frame.event_id) == {e.event_id for e in EVENTS}
    assert set(frame.file) == {"article.txt"}
    row = frame.set_index("event_id").loc[EVENTS[0].event_id]
    assert row.sentence == "Trump and Putin spoke by phone." and row.char_start == 10 and row.sentence_index == 3


def test_event_id_sql_matches_python_with_every_provenance_field(store: EventStore) -> None:
    odd = [
        ev("1999-12-31", "USA", "---", "010", doc_id="d|1", row=7, sentence_index=0, char_start=0),
        ev("2025-01-01", "EUR", "RUS", "163", doc_id="x", row=None, sentence_index=None, char_start=5),
    ]
    store.ingest(odd)
    assert set(store.events().event_id) == {e.event_id for e in odd}


def test_import_twice_adds_nothing_and_logs_both(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "g.tsv", GDELT_ROWS_58)
    assert store.import_file("gdelt", path).added == 3
    second = store.import_file("gdelt", path)
    assert (second.added, second.duplicates) == (0, 3)
    log = store.imports()
    assert list(log.added) == [3, 0] and log.sha256.nunique() == 1 and store.count() == 3


def test_failed_import_leaves_nothing(store: EventStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.ingest(EVENTS[:1])

    def half_then_fail(con, path, *, file, progress=None, **options):  # noqa: ANN001, ANN202
        stage_events(con, EVENTS[1:])
        con.execute("INSERT INTO _stage_quarantine VALUES (1, 'bad date: x', 'raw')")
        raise DataFormatError("boom halfway", path=path)

    monkeypatch.setitem(IMPORTERS, "gdelt", half_then_fail)
    with pytest.raises(DataFormatError, match="boom halfway"):
        store.import_file("gdelt", write_lines(tmp_path / "g.tsv", GDELT_ROWS_58))
    assert store.count() == 1 and store.quarantine().empty and len(store.imports()) == 1
    # and the store still works afterwards
    assert store.ingest(EVENTS[1:2]).added == 1


def test_filters(store: EventStore) -> None:
    store.ingest(EVENTS)
    assert len(store.events(dyad=("USA", "RUS"))) == 2
    assert len(store.events(dyad=("RUS", "USA"), directed=True)) == 0
    assert len(store.events(dyad=("USAGOV", "RUS"))) == 2  # role suffix narrows, bare code widens
    assert len(store.events(actor="UKR")) == 2
    assert len(store.events(actor="Ukraine")) == 2  # names resolve through the registry
    assert set(store.events(actor="RUS").cameo) == {"041", "043", "190", "172", "057"}
    assert list(store.events(cameo="04").cameo) == ["041", "043"]
    assert list(store.events(cameo=["19", "17"]).cameo) == ["190", "172"]
    assert len(store.events(start="2025-03", end="2025-03")) == 2
    assert len(store.events(start=date(2025, 2, 18), end="2025-02-19")) == 2
    assert len(store.events(limit=2)) == 2
    assert store.events(actor="USA", start="2026").empty


def test_group_matches_its_members(store: EventStore) -> None:
    from detente.actors import get_registry

    members = get_registry().group_members("EUR")
    assert "FRA" in members
    store.ingest(EVENTS)
    assert list(store.events(dyad=("EUR", "RUS")).source) == ["FRA"]


def test_bad_dates_in_filters(store: EventStore) -> None:
    with pytest.raises(InputError, match="as a date"):
        store.events(start="last tuesday")


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_export_round_trip(store: EventStore, tmp_path: Path, suffix: str) -> None:
    store.ingest(EVENTS)
    out = tmp_path / "out" / f"events{suffix}"
    assert store.export(out) == 6
    assert not list(out.parent.glob(".*tmp*"))
    frame = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out, dtype=str)
    assert list(frame.columns) == list(EVENT_COLUMNS) and len(frame) == 6
    with EventStore(tmp_path / "other.duckdb") as other:
        summary = other.import_file(suffix.lstrip("."), out)
        assert summary.added == 6 and summary.quarantined == 0
        assert set(other.events().event_id) == {e.event_id for e in EVENTS}
        assert other.import_file(suffix.lstrip("."), out).added == 0


def test_export_needs_a_known_suffix(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="parquet or .csv"):
        store.export(tmp_path / "events.xlsx")
    assert not (tmp_path / "events.xlsx").exists()


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event store"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)


def test_unknown_kind_and_missing_file(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown event file kind"):
        store.import_file("acled", tmp_path / "x.csv")
    with pytest.raises(InputError, match="file not found"):
        store.import_file("gdelt", tmp_path / "nope.tsv")


def test_default_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "env.duckdb"))
    assert default_db_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("DETENTE_DB")
    assert default_db_path() == Path("detente.duckdb")


def test_store_reopens_with_its_data(tmp_path: Path) -> None:
    with EventStore(tmp_path / "ev.duckdb") as s:
        s.ingest(EVENTS)
    with EventStore(tmp_path / "ev.duckdb", read_only=True) as s:
        assert s.count() == 6
        with pytest.raises(StoreError, match="read-only"):
            s.ingest([replace(EVENTS[0], doc_id="new")])


@pytest.mark.parametrize("kind, stages", [
    ("gdelt", ("hash", "parse and write", "check")),  # one pass straight into the store
    ("icews", ("hash", "parse", "write")),  # staged
])
def test_progress_reports_each_stage(store: EventStore, tmp_path: Path, kind: str, stages: tuple[str, ...]) -> None:
    from .conftest import ICEWS_HEADER, icews_row

    lines = GDELT_ROWS_58 if kind == "gdelt" else [ICEWS_HEADER, icews_row()]
    seen: list[tuple[str, float]] = []
    store.import_file(kind, write_lines(tmp_path / "f.tsv", lines), progress=lambda s, f: seen.append((s, f)))
    assert set(stages) <= {s for s, _ in seen}
    assert all(0.0 <= f <= 1.0 for _, f in seen) and seen[-1] == (stages[-1], 1.0)


def test_importing_does_not_load_pandas(tmp_path: Path) -> None:
    # start-up cost: `detente events import` needs DuckDB, not pandas (issue #13)
    import subprocess
    import sys

    src = write_lines(tmp_path / "g.CSV", GDELT_ROWS_58)
    code = (
        "import sys\n"
        "from detente.cli.main import main\n"
        f"sys.argv = ['detente', 'events', 'import', 'gdelt', {str(src)!r}, '--db', {str(tmp_path / 'x.duckdb')!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('pandas' in sys.modules, 'duckdb' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False True"
    help_only = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom detente.cli.main import main\nsys.argv = ['detente', 'events', 'import', "
         "'--help']\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint(sorted({'pandas', 'duckdb'} & set(sys.modules)), "
         "file=sys.stderr)"], capture_output=True, text=True, timeout=120,
    )
    assert help_only.stderr.strip().splitlines()[-1] == "[]"
