"""The single pass over an imported file: its SHA-256 and its physical line count agree with a plain reading."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from detente.events.importers import delimited
from detente.events.importers.delimited import count_lines, scan_file


def _plain(data: bytes) -> tuple[str, int]:
    """What a careful reader gets: hashlib over the whole file, and its lines (a last line without newline counts)."""
    lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return hashlib.sha256(data).hexdigest(), lines


CASES = {
    "empty": b"",
    "one line, no newline": b"a\tb",
    "newline only": b"\n",
    "crlf and blank lines": b"a\r\n\r\n\nb\r\nlast",
    "ends with newline": b"x\n" * 50,
    "non-utf8": b"d\xc9e\n\xff\xfe\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("buffer", [1, 3, 8, 1 << 20])
def test_scan_matches_a_plain_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, buffer: int
) -> None:
    monkeypatch.setattr(delimited, "_SCAN_BUFFER", buffer)  # newlines on and across buffer edges
    data = CASES[name]
    path = tmp_path / "f.tsv"
    path.write_bytes(data)
    sha, lines = _plain(data)
    got = scan_file(path)
    assert (got.sha256, got.lines) == (sha, lines)
    assert count_lines(path) == lines


def test_scan_of_a_large_random_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setattr(delimited, "_SCAN_BUFFER", 4096)
    rng = np.random.default_rng(7)
    data = rng.choice(np.frombuffer(b"ab\t\n\r", dtype=np.uint8), 100_003).tobytes()
    path = tmp_path / "r.tsv"
    path.write_bytes(data)
    seen: list[float] = []
    got = scan_file(path, progress=lambda stage, done: seen.append(done))
    assert (got.sha256, got.lines) == _plain(data)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_a_stopped_scan_says_so(tmp_path: Path) -> None:
    path = tmp_path / "f.tsv"
    path.write_bytes(b"a\n" * 10)
    stop = threading.Event()
    stop.set()
    assert scan_file(path, stop=stop) == delimited.FileScan("", -1)


@pytest.mark.parametrize("buffer", [7, 64, 1 << 20])
def test_import_logs_the_file_hash_and_keeps_exact_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, buffer: int
) -> None:
    """The user's path: blank lines and a last line without newline, newlines on the scan buffer's edges."""
    from detente.events.importers.gdelt_layout import GDELT2
    from detente.events.store import EventStore

    from .conftest import gdelt_row

    monkeypatch.setattr(delimited, "_SCAN_BUFFER", buffer)
    rows = [gdelt_row(GDELT2, GLOBALEVENTID=str(i)) for i in range(1, 6)]
    text = rows[0] + "\n\n" + rows[1] + "\n" + "x\ty\n" + "\n\n" + rows[2] + "\n" + rows[3] + "\n" + rows[4]
    path = tmp_path / "g.export.CSV"
    path.write_bytes(text.encode("utf-8"))
    with EventStore(tmp_path / "ev.duckdb") as store:
        summary = store.import_file("gdelt", path)
        assert (summary.added, summary.quarantined) == (5, 1)
        assert summary.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert store.imports().sha256.tolist() == [summary.sha256]
        frame = store.events()
        assert dict(zip(frame.doc_id, frame.row)) == {"1": 1, "2": 3, "3": 7, "4": 8, "5": 9}
        assert store.quarantine().line.tolist() == [4]
        again = store.import_file("gdelt", path)
        assert (again.added, again.duplicates, again.quarantined) == (0, 5, 1)
        assert len(store.quarantine()) == 1
