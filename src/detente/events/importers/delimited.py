"""Read a delimited text file into DuckDB with exact line numbers and every bad row kept.

DuckDB's parallel CSV reader is the fast path (several times pandas' `read_csv`), but
it does not number rows. detente needs the physical line of every row: it is the
provenance of an imported event and part of its id. The reader therefore works in
three steps:

1. ``read_csv`` with explicit all-VARCHAR columns, no quoting, and
   ``store_rejects``: rows with a wrong column count or a non-UTF-8 byte go to a
   reject table with their physical line number instead of stopping the read;
2. the accepted rows land in a temporary table in file order: the parallel reader
   with ``preserve_insertion_order`` appends its chunks in the order of the file, so
   the table's ``rowid`` + 1 numbers the accepted rows (a ``row_number() OVER ()``
   would do the same, but forces the whole read onto one thread). Meanwhile a second
   thread counts the file's lines;
3. the physical line of accepted row *k* (1-based) follows from the sorted excluded
   lines e_1 < ... < e_m (header, rejects, blank lines): with g_i = e_i - i,
   ``line = k + #{i : g_i < k}``, computed with an ASOF join in a view over that table. Blank lines, which the
   reader skips silently, are found by one extra pass only when the counts say
   there are some. If the counts still disagree, a quoted field spans lines (CSV
   only: GDELT and ICEWS have no quoting, and there the import stops rather than
   record wrong provenance); rows are then numbered as records and the caller says so.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import DataFormatError, StoreError
from detente.events.importers.quarantine import BAD_NUMBER, NON_UTF8, WRONG_COLUMNS, ProgressCallback
from detente.events.importers.staging import sql_str, temp_table

_REJECTS = "_rej_errors"
_REJECT_SCANS = "_rej_scans"


@dataclass
class DelimitedRead:
    """Result of :func:`read_delimited`.

    Attributes
    ----------
    table : str
        Temp view with a ``line`` column (1-based physical line) and the requested columns.
    rows : int
        Accepted rows.
    rejects : list of (line, kind, found_columns, raw)
        Rows the reader refused: ``kind`` is ``"columns"`` (wrong column count, with
        the count found) or ``"encoding"`` (a non-UTF-8 byte) or ``"other"``.
    lines : int
        Physical lines in the file.
    blank : int
        Blank lines skipped.
    records : bool
        True when ``line`` holds record numbers, not physical lines: a quoted CSV field
        spans several lines, so the two differ.
    """

    table: str
    rows: int
    rejects: list[tuple[int, str, int | None, str]] = field(default_factory=list)
    lines: int = 0
    blank: int = 0
    records: bool = False


@dataclass(frozen=True)
class FileScan:
    """What one pass over a file's bytes gives: its SHA-256 (for the import log) and its physical lines."""

    sha256: str
    lines: int


_SCAN_BUFFER = 1 << 20
"""Bytes read at a time by :func:`scan_file`: one reused buffer, small enough to stay in the CPU's cache
while it is hashed and searched for newlines (a fresh 16 MB ``bytes`` per read cost page faults)."""


def _scan(
    path: Path, *, digest: Any = None, progress: ProgressCallback | None = None, stop: threading.Event | None = None
) -> int:
    """Physical lines of `path`, feeding every byte to `digest` on the way; -1 if `stop` was set before the end.

    The file is read into one reused buffer (``readinto``); NumPy compares the buffer with
    ``\\n`` and counts the matches, several times faster than ``bytes.count``. ``readinto``,
    ``hashlib`` (on blocks over 2 kB) and NumPy's comparison release the GIL, so this runs in a
    thread beside DuckDB's parse.
    """
    import numpy as np

    buffer = bytearray(_SCAN_BUFFER)
    view = memoryview(buffer)
    octets = np.frombuffer(buffer, dtype=np.uint8)
    newline = np.empty(len(buffer), dtype=bool)
    size = max(path.stat().st_size, 1)
    done = lines = 0
    last = ord("\n")
    with path.open("rb", buffering=0) as fh:
        while n := fh.readinto(buffer):
            if stop is not None and stop.is_set():  # the import failed: do not read the rest for nothing
                return -1
            if digest is not None:
                digest.update(view[:n])
            np.equal(octets[:n], ord("\n"), out=newline[:n])
            lines += int(np.count_nonzero(newline[:n]))
            last = buffer[n - 1]
            done += n
            if progress is not None and (done // _SCAN_BUFFER) % 16 == 0:
                progress("hash", done / size)
    if progress is not None:
        progress("hash", done / size)
    return lines + (1 if last != ord("\n") else 0)


def scan_file(
    path: Path, progress: ProgressCallback | None = None, *, stop: threading.Event | None = None
) -> FileScan:
    """SHA-256 and line count of a file in one read (``sha256 == ""``, ``lines == -1`` if `stop` is set before the end).

    Runs in a thread beside DuckDB's parse without slowing it (see :func:`_scan`), and the
    file is read once for both.
    """
    digest = hashlib.sha256()
    lines = _scan(path, digest=digest, progress=progress, stop=stop)
    return FileScan(digest.hexdigest() if lines >= 0 else "", lines)


def count_lines(path: Path) -> int:
    """Physical lines in a file (a last line without a newline counts)."""
    return _scan(path)


def blank_lines(path: Path) -> list[int]:
    """1-based numbers of empty lines (``\\n`` or ``\\r\\n`` only)."""
    found = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw in (b"\n", b"\r\n"):
                found.append(number)
    return found


def first_line(path: Path, limit: int = 1 << 20) -> bytes:
    """The first non-empty line of a file, without its line ending (at most `limit` bytes)."""
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip(b"\r\n"):
                return raw.rstrip(b"\r\n")[:limit]
    return b""


def run_with_progress(
    con: Any, sql: str, progress: ProgressCallback | None, stage: str, params: list[Any] | None = None
) -> list[tuple[Any, ...]]:
    """Execute `sql` and return its rows, reporting DuckDB's own progress estimate to `progress`."""
    if progress is None:
        return con.execute(sql, params or []).fetchall()
    result: list[list[tuple[Any, ...]]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            result.append(con.execute(sql, params or []).fetchall())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            errors.append(exc)

    con.execute("SET enable_progress_bar = true")
    con.execute("SET enable_progress_bar_print = false")
    progress(stage, 0.0)
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.2)
        try:
            done = con.query_progress()
        except Exception:  # noqa: BLE001 - progress is best effort
            done = -1
        if done is not None and done >= 0:
            progress(stage, min(done, 100.0) / 100.0)
    if errors:
        raise errors[0]
    progress(stage, 1.0)
    return result[0]


def _found_columns(message: str, raw: str, delimiter: str) -> int | None:
    marker = "Found:"
    if marker in message:
        try:
            return int(message.split(marker, 1)[1].strip().split()[0])
        except ValueError:
            pass
    return raw.count(delimiter) + 1 if raw else None


def reader_sql(
    path: Path,
    columns: tuple[str, ...],
    *,
    header: bool = False,
    delimiter: str = "\t",
    quote: str = "",
    types: dict[str, str] | None = None,
    dateformat: str | None = None,
) -> str:
    """DuckDB ``read_csv`` of `path` with explicit columns, no sniffing, and every bad row kept as a reject.

    Rows with a wrong column count, a non-UTF-8 byte or a typed value that does not
    convert go to the reject tables with their physical line (:func:`reader_rejects`).
    Call :func:`prepare_reader` on the connection first.
    """
    types = types or {}
    col_spec = ", ".join(f"{sql_str(c)}: {sql_str(types.get(c, 'VARCHAR'))}" for c in columns)
    return (
        f"read_csv({sql_str(str(path))}, delim={sql_str(delimiter)}, quote={sql_str(quote)}, escape={sql_str(quote)}, "
        f"header={'true' if header else 'false'}, auto_detect=false, columns={{{col_spec}}}, "
        f"null_padding=false, store_rejects=true, "
        + (f"dateformat={sql_str(dateformat)}, " if dateformat else "")
        + f"rejects_table='{_REJECTS}', rejects_scan='{_REJECT_SCANS}', max_line_size=8388608)"
    )


def prepare_reader(con: Any) -> None:
    """Empty reject tables, and insertion order kept: the rows of one read get ``rowid``s in file order."""
    for t in (_REJECTS, _REJECT_SCANS):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    con.execute("SET preserve_insertion_order = true")


def reader_rejects(con: Any, delimiter: str = "\t") -> list[tuple[int, str, int | None, str]]:
    """The rows the last :func:`reader_sql` read refused, one per line: ``(line, kind, found_columns, raw)``.

    ``kind`` is ``"columns"`` (wrong column count, with the count found), ``"encoding"``
    (a non-UTF-8 byte), ``"cast:COLUMN"`` (a typed value that does not convert) or ``"other"``.
    """
    rejects: list[tuple[int, str, int | None, str]] = []
    # one reason per line: a wrong column count first, then the first column that does not convert
    rank = (
        "CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 0 WHEN error_type = 'CAST' THEN 2 "
        "ELSE 1 END * 1000000 + coalesce(column_idx, 0)"
    )
    for line, error_type, message, raw, column in con.execute(
        f"SELECT line, arg_min(error_type, {rank}), arg_min(error_message, {rank}), any_value(csv_line), "
        f"arg_min(column_name, {rank}) FROM {_REJECTS} GROUP BY line ORDER BY line"
    ).fetchall():
        raw = (raw or "").strip("\r\n")
        kind = error_type or ""
        if kind == "CAST":
            rejects.append((int(line), f"cast:{column}", None, raw))
        elif kind in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
            rejects.append((int(line), "columns", _found_columns(message or "", raw, delimiter), raw))
        elif kind == "INVALID ENCODING" or "unicode" in (message or "").lower():
            rejects.append((int(line), "encoding", None, raw))
        else:
            rejects.append((int(line), "other", None, f"{kind}: {message}: {raw}"))
    return rejects


@dataclass(frozen=True)
class LineAccount:
    """How the accepted rows of a read map to physical lines (see the module docstring, step 3).

    Attributes
    ----------
    excluded : list of int
        Sorted lines that gave no accepted row (header, rejects, blank lines); empty when
        `records` is true.
    blank : int
        Blank lines skipped.
    records : bool
        True when lines cannot be recovered (a quoted field spans lines): rows are numbered as records.
    """

    excluded: list[int]
    blank: int = 0
    records: bool = False


def account_lines(
    path: Path, *, total: int, accepted: int, rejected: list[int], header: bool = False, quote: str = ""
) -> LineAccount:
    """Check that every physical line is an accepted row or excluded, finding blank lines if needed.

    Raises StoreError when the counts cannot agree in a file without quoting (the import
    stops rather than record wrong provenance).
    """
    excluded = sorted(({1} if header else set()) | set(rejected))
    blank: list[int] = []
    if total - len(excluded) != accepted:
        blank = blank_lines(path)
        excluded = sorted(set(excluded) | set(blank))
    if total - len(excluded) != accepted:
        if not quote:
            raise StoreError(
                f"{path}: line accounting failed ({total} lines, {accepted} rows read, {len(excluded)} excluded)",
                hint="please report this file to detente's issue tracker",
            )
        return LineAccount(excluded=[], blank=0, records=True)
    return LineAccount(excluded=excluded, blank=len(blank))


LINE_GAPS = "_line_gaps"


def line_sql(con: Any, excluded: list[int]) -> tuple[str, str]:
    """(expression, join) giving the physical line of the accepted row at 1-based position ``a.k``.

    With g_i = e_i - i over the sorted `excluded` lines, ``line = k + #{i : g_i < k}``; the
    join (an ASOF join on the temp table :data:`LINE_GAPS`, created here) is empty when
    nothing is excluded. The caller selects ``expression`` from a subquery aliased ``a``
    that has the position as column ``k``, followed by ``join``.
    """
    if not excluded:
        return "a.k", ""
    gaps = [(e - i, i) for i, e in enumerate(excluded, start=1)]
    temp_table(con, "_line_gaps_all", {"g": ("BIGINT", [g for g, _ in gaps]), "n": ("BIGINT", [n for _, n in gaps])})
    con.execute(f"CREATE OR REPLACE TEMP TABLE {LINE_GAPS} AS SELECT g, max(n) AS n FROM _line_gaps_all GROUP BY g")
    return "a.k + coalesce(g.n, 0)", f" ASOF LEFT JOIN {LINE_GAPS} g ON a.k > g.g"


def read_delimited(
    con: Any,
    path: Path,
    columns: tuple[str, ...],
    *,
    keep: tuple[str, ...] | None = None,
    header: bool = False,
    delimiter: str = "\t",
    quote: str = "",
    table: str = "_raw",
    progress: ProgressCallback | None = None,
    types: dict[str, str] | None = None,
    dateformat: str | None = None,
    line_count: Callable[[], int] | None = None,
) -> DelimitedRead:
    """Read `path` into temp view `table` with a `line` column; bad rows come back as rejects.

    Parameters
    ----------
    con
        A DuckDB connection.
    path
        A plain (uncompressed or gzip) text file.
    columns
        Every column of the layout, in order (the file has no usable header, or it is skipped).
    keep
        The columns to materialise (default: all).
    header
        Whether line 1 is a header (it is skipped and excluded from numbering).
    delimiter, quote
        Field delimiter; quote character (``""`` for none, as in GDELT and ICEWS).
    types, dateformat
        SQL types the reader gives some columns directly (default VARCHAR), and the
        ``strptime`` format of DATE columns: a value that does not convert makes the
        row a reject of kind ``cast:COLUMN`` (its line and raw text kept).
    line_count
        Returns the file's physical line count, when another pass already counts them
        (:func:`scan_file`); otherwise the lines are counted in a thread during the parse.
    """
    keep = keep or columns
    projected = ", ".join(f'"{c}"' for c in keep)
    prepare_reader(con)  # the table's rowid must follow the file
    source = reader_sql(
        path, columns, header=header, delimiter=delimiter, quote=quote, types=types, dateformat=dateformat
    )
    acc = f"{table}_acc"
    con.execute(f"DROP VIEW IF EXISTS {table}")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-lines") as pool:
        # the line count overlaps the parse (bytes.count and DuckDB release the GIL)
        counted = pool.submit(line_count or (lambda: count_lines(path)))
        try:
            run_with_progress(
                con, f"CREATE OR REPLACE TEMP TABLE {acc} AS SELECT {projected} FROM {source}", progress, "parse"
            )
        except Exception as exc:  # duckdb raises its own error types
            raise unreadable(path, len(columns), exc) from exc
        total = counted.result()

    rejects = reader_rejects(con, delimiter)
    accepted, first_rowid = con.execute(f"SELECT count(*), coalesce(min(rowid), 0) FROM {acc}").fetchall()[0]
    # `rowid - first_rowid` is the 0-based position of an accepted row in file order (rows of a
    # table created inside a transaction are numbered from an offset, hence `first_rowid`).
    position = f"(rowid - {int(first_rowid)})"
    account = account_lines(
        path, total=total, accepted=int(accepted), rejected=[r[0] for r in rejects], header=header, quote=quote
    )
    if account.records:
        # Quoted fields with line breaks: physical lines cannot be recovered from the reader's
        # output, so rows are numbered as records (header = 1), and the caller is told.
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT {position} + {2 if header else 1} AS line, * FROM {acc}"
        )
        return DelimitedRead(table=table, rows=int(accepted), rejects=rejects, lines=total, blank=0, records=True)
    line, join = line_sql(con, account.excluded)
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {table} AS "
        f"SELECT {line} AS line, a.* EXCLUDE (k) FROM (SELECT {position} + 1 AS k, * FROM {acc}) a{join}"
    )
    return DelimitedRead(table=table, rows=int(accepted), rejects=rejects, lines=total, blank=account.blank)


def unreadable(path: Path, width: int, exc: Exception) -> DataFormatError:
    """The error for a file DuckDB's reader cannot read at all."""
    return DataFormatError(
        f"cannot read as a {width}-column delimited file: {str(exc).splitlines()[0]}",
        path=path,
        hint="check that the file is a plain or gzipped text file of the stated kind",
    )


def reject_reason(
    kind: str, found: int | None, expected: int | str, *, raw: str = "", columns: tuple[str, ...] = (),
    delimiter: str = "\t", phrases: dict[str, str] | None = None,
) -> str:
    """Quarantine reason for a reader reject.

    A ``cast:COLUMN`` reject (a typed column whose value does not convert) reads
    ``PHRASE: COLUMN="value"``, the phrase from `phrases` (default ``bad number``), the
    value cut from `raw` by the column's position in `columns`.
    """
    if kind.startswith("cast:"):
        column = kind[5:]
        fields = raw.split(delimiter)
        value = fields[columns.index(column)] if column in columns and columns.index(column) < len(fields) else "?"
        return f"{(phrases or {}).get(column, BAD_NUMBER)}: {column}=\"{value}\""
    if kind == "columns":
        return f"{WRONG_COLUMNS}: expected {expected}, found {found if found is not None else '?'}"
    if kind == "encoding":
        return NON_UTF8
    return "unreadable row"
