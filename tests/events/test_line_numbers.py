"""Line numbers stay exact when DuckDB reads a file in parallel (several scan ranges, several row groups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.events.importers.gdelt_layout import GDELT2
from detente.events.store import EventStore

from .conftest import gdelt_row

ROWS = 20_000
PAD = "p" * 1500  # ~1.6 kB a row: ~32 MB in all, several of the reader's parallel scan ranges


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str]]:
    """A GDELT 2.0 file with a blank line, a short row and a bad date in the middle; line -> doc_id."""
    lines: list[str] = []
    for i in range(1, ROWS + 1):
        lines.append(gdelt_row(GDELT2, GLOBALEVENTID=str(100_000 + i), SOURCEURL=f"https://example.org/{i}/{PAD}"))
    lines.insert(7_000, "")  # blank line 7001
    lines.insert(12_345, "1\t2\t3")  # wrong column count, line 12346
    lines[15_000] = gdelt_row(GDELT2, GLOBALEVENTID="bad", SQLDATE="20251399", SOURCEURL=PAD)  # line 15001
    path = tmp_path_factory.mktemp("big") / "big.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = {n: line.split("\t", 1)[0] for n, line in enumerate(lines, start=1) if line.count("\t") == 60}
    return path, expected


def test_every_row_points_at_its_own_line(big_file: tuple[Path, dict[int, str]], tmp_path: Path) -> None:
    path, expected = big_file
    with EventStore(tmp_path / "ev.duckdb") as store:
        summary = store.import_file("gdelt", path)
        assert (summary.read, summary.quarantined) == (ROWS + 1, 2)
        assert summary.added == ROWS - 1 and summary.notes == ("1 blank lines skipped",)
        frame = store.events()
        assert dict(zip(frame.row, frame.doc_id)) == {n: d for n, d in expected.items() if d != "bad"}
        q = store.quarantine().set_index("line")
        assert sorted(q.index) == [12_346, 15_001]
        assert q.loc[15_001, "reason"] == 'bad date: SQLDATE="20251399"'
        assert q.loc[12_346, "reason"] == "wrong column count: expected 61, found 3"
        again = store.import_file("gdelt", path)
        assert (again.added, again.duplicates, again.quarantined) == (0, ROWS - 1, 2)


@pytest.mark.parametrize("chunk", [1, 3, 7, 64, 1 << 20])
def test_read_lines_matches_a_plain_reading(tmp_path: Path, chunk: int) -> None:
    from detente.events.importers.quarantine import read_lines

    data = b"a\tb\n\nccc\r\nd\xc9e\n" + b"x" * 100 + b"\nlast"
    path = tmp_path / "f.tsv"
    path.write_bytes(data)
    plain = {n: raw.rstrip(b"\r").decode("utf-8", errors="replace") for n, raw in enumerate(data.split(b"\n"), start=1)}
    assert read_lines(path, [6, 1, 2, 3, 4, 5, 9], chunk=chunk) == plain
    assert read_lines(path, [4], chunk=chunk) == {4: "d\ufffde"}
    assert read_lines(path, [], chunk=chunk) == {}
