"""GDELT importer: three layouts, zipped files, exact line numbers, quarantine reasons."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from detente.errors import DataFormatError
from detente.events.importers.gdelt_layout import GDELT1_DAILY, GDELT2
from detente.events.store import EventStore

from .conftest import GDELT_ROW_57, GDELT_ROWS_58, GDELT_ROWS_61, gdelt_row, shared, write_lines


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def test_daily_58_columns(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "daily.tsv", GDELT_ROWS_58)
    summary = store.import_file("gdelt", path)
    assert (summary.read, summary.added, summary.duplicates, summary.quarantined) == (3, 3, 0, 0)
    assert summary.dataset == "gdelt1"
    ev = store.events().set_index("doc_id")
    first = ev.loc["1001"]
    assert (first.source, first.target, first.cameo, first.root, first.quad) == ("USAGOV", "RUSGOV", "041", "04", 1)
    assert first.url == "https://example.org/a" and first.row == 1 and first.tone == pytest.approx(-1.5)
    assert first.file == str(path.resolve()) and first.dataset == "gdelt1"
    assert ev.loc["1002"].goldstein == -10.0 and ev.loc["1002"].quad == 4 and ev.loc["1002"].row == 2
    # a blank Actor2Code is an unnamed target; statements (root 01) are quad 0, not GDELT's 1
    assert ev.loc["1003"].target == "---" and ev.loc["1003"].quad == 0 and pd.isna(ev.loc["1003"].url)


def test_gdelt2_61_columns(store: EventStore, tmp_path: Path) -> None:
    summary = store.import_file("gdelt", write_lines(tmp_path / "v2.export.CSV", GDELT_ROWS_61))
    assert summary.dataset == "gdelt2" and summary.added == 2
    assert set(store.events().cameo) == {"041", "1123"}


def test_spaces_around_codes_and_ids_are_trimmed_as_before(store: EventStore, tmp_path: Path) -> None:
    """Codes and GLOBALEVENTID lose surrounding spaces, on the direct and the staged path, before the id is taken."""
    from detente.events.schema import event_id_of

    rows = [
        gdelt_row(GDELT2, GLOBALEVENTID=" 2001", Actor1Code="USAGOV ", Actor2Code=" RUS "),
        gdelt_row(GDELT2, GLOBALEVENTID="2002 ", Actor1Code=" ", Actor2Code="UKR"),
        gdelt_row(GDELT2, GLOBALEVENTID="2003", Actor1Code="CHN ", Actor2Code="  "),
    ]
    path = write_lines(tmp_path / "spaces.export.CSV", rows)
    first = store.import_file("gdelt", path)
    ev = store.events().set_index("doc_id")
    assert sorted(ev.index) == ["2001", "2002", "2003"] and first.added == 3
    assert (ev.loc["2001"].source, ev.loc["2001"].target) == ("USAGOV", "RUS")
    assert (ev.loc["2002"].source, ev.loc["2003"].source, ev.loc["2003"].target) == ("---", "CHN", "---")
    assert ev.loc["2001"].event_id == event_id_of("2001|None|None|None|2025-02-12|USAGOV|RUS|041")  # the trimmed values
    again = store.import_file("gdelt", path)  # the staged path: the same trimmed values, hence the same ids
    assert (again.added, again.duplicates) == (0, 3)


def test_mixed_57_and_58_columns_use_each_layout(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mixed.tsv", [GDELT_ROWS_58[0], GDELT_ROW_57, GDELT_ROWS_58[1]])
    summary = store.import_file("gdelt", path)
    assert (summary.added, summary.quarantined) == (3, 0)
    backfile = store.events().set_index("doc_id").loc["1004"]
    assert backfile.row == 2 and backfile.source == "DEU" and pd.isna(backfile.url)
    assert str(backfile.date.date()) == "1999-01-02"


def test_zip_is_read(store: EventStore, tmp_path: Path) -> None:
    plain = write_lines(tmp_path / "20250212.export.CSV", GDELT_ROWS_61)
    archive = tmp_path / "20250212.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(plain, plain.name)
    summary = store.import_file("gdelt", archive)
    assert summary.added == 2
    assert set(store.events().file) == {str(archive.resolve())}


def test_truncated_zip_is_an_error_and_stores_nothing(store: EventStore, tmp_path: Path) -> None:
    plain = write_lines(tmp_path / "x.CSV", GDELT_ROWS_61 * 50)
    archive = tmp_path / "x.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(plain, plain.name)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataFormatError, match="truncated"):
        store.import_file("gdelt", archive)
    assert store.count() == 0 and store.imports().empty


def test_quarantine_reasons_and_lines(store: EventStore, tmp_path: Path) -> None:
    good = GDELT_ROWS_58[0]
    lines = [
        good,                                                                   # 1 ok
        gdelt_row(GDELT1_DAILY, GLOBALEVENTID="2", SQLDATE="20251341"),          # 2 bad date
        "\t".join(good.split("\t")[:40]),                                       # 3 wrong column count
        gdelt_row(GDELT1_DAILY, GLOBALEVENTID="4", EventCode="999"),             # 4 unknown CAMEO code
        gdelt_row(GDELT1_DAILY, GLOBALEVENTID="5", GoldsteinScale="high"),       # 5 bad number
        gdelt_row(GDELT1_DAILY, GLOBALEVENTID="6", SQLDATE="20250213"),          # 6 ok
    ]
    path = tmp_path / "bad.tsv"
    data = "\n".join(lines).encode("utf-8") + b"\n"
    # line 7: a non-UTF-8 byte in an actor name; line 8: truncated last line (no newline)
    data += gdelt_row(GDELT1_DAILY, GLOBALEVENTID="7", Actor1Name="CAF\u00c9").encode("utf-8").replace(b"\xc3\x89", b"\xc9")
    data += b"\n" + "\t".join(gdelt_row(GDELT1_DAILY, GLOBALEVENTID="8").split("\t")[:20]).encode()
    path.write_bytes(data)
    summary = store.import_file("gdelt", path)
    assert (summary.read, summary.added, summary.quarantined) == (8, 2, 6)
    assert sorted(store.events().row) == [1, 6]
    q = store.quarantine().set_index("line")
    assert q.loc[2, "reason"] == 'bad date: SQLDATE="20251341"'
    assert q.loc[3, "reason"] == "wrong column count: expected 57 or 58, found 40"
    assert q.loc[4, "reason"] == 'unknown CAMEO code: EventCode="999"'
    assert q.loc[5, "reason"].startswith("bad number: GoldsteinScale")
    assert q.loc[7, "reason"] == "non-UTF-8 byte"
    assert q.loc[8, "reason"] == "wrong column count: expected 57 or 58, found 20"
    assert q.loc[2, "raw"].split("\t")[0] == "2"  # the raw row is kept
    assert set(q.file) == {str(path.resolve())}
    # importing again adds nothing and does not duplicate the quarantine
    again = store.import_file("gdelt", path)
    assert (again.added, again.duplicates, again.quarantined) == (0, 2, 6)
    assert len(store.quarantine()) == 6


def test_blank_lines_keep_line_numbers(store: EventStore, tmp_path: Path) -> None:
    rows = [gdelt_row(GDELT2, GLOBALEVENTID=str(i)) for i in range(1, 5)]
    path = tmp_path / "blank.tsv"
    path.write_text(rows[0] + "\n\n" + rows[1] + "\n" + "x\ty\n" + "\n" + rows[2] + "\n" + rows[3] + "\n")
    summary = store.import_file("gdelt", path)
    assert summary.added == 4 and summary.quarantined == 1
    assert dict(zip(store.events().doc_id, store.events().row)) == {"1": 1, "2": 3, "3": 6, "4": 7}
    assert store.quarantine().line.tolist() == [4]


def test_not_a_gdelt_file(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "other.tsv", ["a\tb\tc"])
    with pytest.raises(DataFormatError, match="GDELT event files have 57 or 58"):
        store.import_file("gdelt", path)


@pytest.mark.shared_data
def test_shared_sample_every_row_stored_or_quarantined(tmp_path: Path) -> None:
    path = shared("gdelt_v1_events_sample.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    with EventStore(tmp_path / "g.duckdb") as store:
        summary = store.import_file("gdelt", path)
        assert summary.read == 710 == len(lines)
        assert summary.added + summary.quarantined == 710
        q = store.quarantine()
        assert q.reason.notna().all() and len(q) == summary.quarantined
        ev = store.events()
        # both widths are present, and every event points at its own line
        widths = {len(lines[r - 1].split("\t")) for r in ev.row}
        assert widths == {57, 58}
        assert all(lines[r.row - 1].split("\t")[0] == r.doc_id for r in ev.itertuples())
        assert ev.url.notna().sum() == sum(1 for r in ev.row if len(lines[r - 1].split("\t")) == 58)
        assert store.import_file("gdelt", path).added == 0
