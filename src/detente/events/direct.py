"""One parse, one write: an importer's rows go from DuckDB's reader straight into ``event_rows``.

The staging path (:mod:`detente.events.importers.staging`) parses a file into a temporary
table, then reads that table again to validate, hash ids and write the store: every row is
materialised twice. For bulk sources whose checks can be read off the stored columns
(GDELT), :class:`DirectWriter` does it in one statement, ``INSERT INTO event_rows SELECT
<ids, mapping> FROM read_csv(...)``, and settles the rest on the rows it wrote, inside the
store's transaction:

1. *Lines.* With insertion order preserved, the rows of one ``INSERT`` get consecutive
   ``rowid``s in file order (DuckDB's parallel reader keeps the order of its batches), so
   the position of an accepted row is its ``rowid`` minus the first one; once the reader's
   rejects and the blank lines are known, one ``UPDATE`` of the ``row`` column turns
   positions into physical lines (:func:`detente.events.importers.delimited.line_sql`).
2. *Checks.* The importer's reason expression, evaluated on the stored columns (and the
   store's codebook), finds the rows that are not events; they go to the quarantine stage
   with their line and raw text and are deleted.
3. *Duplicates.* Rows whose id the store held before this import (within the batch's
   dates) are deleted and counted, which keeps re-imports idempotent.

Choices
-------
- Writing bad and duplicate rows and deleting them costs little for the usual file (few
  bad rows, no duplicates); a re-import writes a file's rows and deletes them again,
  which costs about a first import instead of the staging path's read-only anti-join.
- The ``UPDATE`` of ``row`` touches the transaction's own, not yet committed rows; DuckDB
  applies it before those row groups are committed, for a small fraction of the write.
- Only the rows of this transaction are touched (``rowid`` above the store's last row
  before the import).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from detente.events import layout
from detente.events.importers.delimited import line_sql, run_with_progress
from detente.events.importers.quarantine import ProgressCallback, read_lines
from detente.events.importers.staging import event_id_sql, event_sql_types, stage_quarantine

WRITE = "parse and write"
CHECK = "check"
"""The stages a :class:`DirectWriter` reports to a progress callback."""

_KEY_COLUMNS = ("origin_id", "sentence_index", "char_start")
"""Id key columns (:data:`~detente.events.schema.ID_KEY_FIELDS`) that are not in ``event_rows``:
NULL for the events of a bulk source."""


class DirectWriter:
    """Writes events straight into the store's ``event_rows`` within the caller's transaction.

    Parameters
    ----------
    con
        The store's connection, inside its transaction.
    imported_at
        The import's timestamp (``imported_at`` of every row).
    progress
        Told of the stages :data:`WRITE` (the parse and write, with DuckDB's estimate) and
        :data:`CHECK` (lines, checks and duplicates on the written rows).
    """

    def __init__(self, con: Any, imported_at: Any, progress: ProgressCallback | None = None) -> None:
        self.con = con
        self.imported_at = imported_at
        self.progress = progress
        self.last = int(con.execute(f"SELECT coalesce(max(rowid), -1) FROM {layout.ROWS}").fetchall()[0][0])
        """The store's last ``rowid`` before the import: every row above it is this import's."""
        self.had_rows = self.last >= 0
        self.top = self.last
        self.written = 0
        """Rows written by :meth:`insert` (good, bad and duplicate)."""

    def insert(self, select: str) -> tuple[int, int]:
        """Write the rows of `select` (a SELECT of :data:`~detente.events.layout.CORE` columns) in its order.

        ``event_id`` and ``imported_at`` are added here; a `select` without ``row`` leaves it
        NULL for :meth:`number`. Returns ``(first_rowid, rows)`` of what was written.
        """
        types_ = event_sql_types()
        have = {r[0] for r in self.con.execute(f"SELECT column_name FROM (DESCRIBE {select})").fetchall()}
        missing = ", ".join(f'CAST(NULL AS {types_[c]}) AS "{c}"' for c in _KEY_COLUMNS + ("row",) if c not in have)
        core = ", ".join(f'"{c}"' for c in layout.CORE)
        self.con.execute("SET preserve_insertion_order = true")  # rowids in the order of `select`
        rows = run_with_progress(
            self.con,
            f"INSERT INTO {layout.ROWS} (event_id, {core}, imported_at) "
            f"SELECT {event_id_sql()} AS event_id, {core}, ?::TIMESTAMP FROM (SELECT *{', ' + missing if missing else ''} "
            f"FROM ({select}))",
            self.progress,
            WRITE,
            [self.imported_at],
        )[0][0]
        first = self.top + 1
        if rows:
            first = int(self.con.execute(f"SELECT min(rowid) FROM {layout.ROWS} WHERE rowid > {self.top}").fetchall()[0][0])
            self.top = first + rows - 1
        self.written += int(rows)
        return first, int(rows)

    def number(self, first: int, rows: int, excluded: list[int]) -> None:
        """Set ``row`` of the `rows` rows written from `first` on: the physical line of each, given the excluded lines."""
        if self.progress is not None:
            self.progress(CHECK, 0.0)
        if not rows:
            return
        line, join = line_sql(self.con, excluded)
        span = f"rowid BETWEEN {first} AND {first + rows - 1}"
        if not join:
            self.con.execute(f'UPDATE {layout.ROWS} SET "row" = rowid - {first - 1} WHERE {span}')
            return
        self.con.execute(
            f'UPDATE {layout.ROWS} SET "row" = n.line FROM (SELECT a.rid, {line} AS line FROM '
            f"(SELECT rowid AS rid, rowid - {first - 1} AS k FROM {layout.ROWS} WHERE {span}) a{join}) n "
            f"WHERE {layout.ROWS}.rowid = n.rid"
        )

    def quarantine(self, reason: str, raw_from: Path | None, *, codebook: str = layout.CODEBOOK) -> int:
        """Move this import's rows for which `reason` is not NULL to the quarantine stage; returns how many.

        `reason` is a SQL expression over the stored columns (alias ``r``) and a codebook
        table (alias ``cb``, joined on the code; default the store's). The raw text of each
        row is read back from `raw_from` by its line.
        """
        self.con.execute(
            f'CREATE OR REPLACE TEMP TABLE _direct_bad AS SELECT * FROM (SELECT r.rowid AS rid, r."row" AS line, '
            f"{reason} AS reason FROM {layout.ROWS} r LEFT JOIN {codebook} cb ON cb.code = r.cameo "
            f"WHERE r.rowid > {self.last}) WHERE reason IS NOT NULL"
        )
        bad = self.con.execute("SELECT line, reason FROM _direct_bad ORDER BY line").fetchall()
        if not bad:
            return 0
        raw = read_lines(raw_from, [line for line, _ in bad]) if raw_from is not None else {}
        stage_quarantine(self.con, [(line, text, raw.get(line)) for line, text in bad])
        self.con.execute(f"DELETE FROM {layout.ROWS} WHERE rowid IN (SELECT rid FROM _direct_bad)")
        return len(bad)

    def finish(self) -> tuple[int, int]:
        """Drop this import's events the store already held; returns ``(events, added)`` (events = added + duplicates)."""
        events, duplicates = self._drop_duplicates()
        if self.progress is not None:
            self.progress(CHECK, 1.0)
        return events, events - duplicates

    def _drop_duplicates(self) -> tuple[int, int]:
        new = f"rowid > {self.last}"
        events, lo, hi, null_dates = self.con.execute(
            f"SELECT count(*), min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM {layout.ROWS} WHERE {new}"
        ).fetchall()[0]
        if not events or not self.had_rows:
            return int(events), 0
        window = ""
        if lo is not None and not null_dates:  # the date is part of the id: only stored rows of these dates can match
            window = f" AND date BETWEEN DATE '{lo.isoformat()}' AND DATE '{hi.isoformat()}'"
        old = f"rowid <= {self.last}{window}"
        if not self.con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {layout.ROWS} WHERE {old} LIMIT 1)").fetchall()[0][0]:
            return int(events), 0
        duplicates = self.con.execute(
            f"DELETE FROM {layout.ROWS} WHERE {new} AND event_id IN (SELECT event_id FROM {layout.ROWS} WHERE {old})"
        ).fetchall()[0][0]
        return int(events), int(duplicates)
