"""The EventStore: one DuckDB file holding events, quarantined rows and an import log.

Tables
------
``events``
    A view with every column of :class:`detente.events.schema.Event`, its ``event_id``
    first, plus ``imported_at`` (UTC), over ``event_rows``, ``event_details`` and the
    store's ``codebook`` (:mod:`detente.events.layout`: a bulk import writes only the
    columns it fills).
``quarantine``
    Rows that did not parse: ``file``, ``line``, ``reason``, ``raw``, ``imported_at``.
``imports``
    One row per imported file or ingested batch: ``file``, ``sha256``, ``kind``,
    ``dataset``, ``rows`` (read), ``added``, ``duplicates``, ``quarantined``, ``at``.

Guarantees
----------
*Idempotent.* ``event_id`` is a hash of the event itself: what it says and its origin's
own identifiers (``Event.event_id``: MD5 as a 128-bit integer), never of how it was
imported (dataset label, column map, file, line). It is computed in SQL for bulk
imports and kept as a ``UHUGEINT`` (read back as the same 32 hex digits); an event whose
id is already stored is counted as a duplicate and not added again (an anti-join,
restricted to the batch's date range so DuckDB can skip row groups). Quarantined rows
are likewise kept once per file, line and reason. Importing a file twice, under another
``--dataset`` or ``--map``, or the same events from another file, adds nothing.

*All or nothing.* Each file is staged and committed in one transaction; on any error
the transaction is rolled back and the store is as it was.

*Bulk.* Events move as Arrow tables or inside DuckDB (``read_csv``), never as
row-by-row INSERTs. A file is parsed once, in parallel; its SHA-256 (for the import
log) and its line count are computed in one pass in a second thread meanwhile. A GDELT
file goes from the reader into ``event_rows`` in one statement (mapping, ids and the
compressed write; :mod:`detente.events.direct`), its lines, checks and duplicates then
settled on the written rows; other kinds are staged, then validated, keyed and inserted
in one vectorised SQL statement.

*Migration.* The ``meta`` table records the id version (:data:`~detente.events.schema.ID_VERSION`).
Stores written with an older formula (SHA-1 text ids, or MD5 ids that hashed the
dataset and line) are re-keyed when opened for writing: the ids are recomputed from
the stored columns in one statement and copies of one event are merged, so re-imports
into an old store still add nothing.

*Not a store.* ``--db`` pointing at a file that is not a DuckDB database, or at a DuckDB
database of something else, is refused in one line before anything is written.

*Layout.* Stores written with one ``events`` table (before :mod:`detente.events.layout`)
are converted when opened for writing; opened read-only they are read as they are.

``event_id`` is the key but is not declared ``PRIMARY KEY``: DuckDB maintains such a
constraint with an ART index that makes bulk inserts several times slower, and the
anti-join already keeps ids unique.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.errors import InputError, StoreError
from detente.events import aggregate, layout
from detente.events.direct import DirectWriter
from detente.events.importers.delimited import run_with_progress, scan_file
from detente.events.importers.quarantine import ProgressCallback
from detente.events.importers.staging import (
    EVENT_FIELDS,
    EVENT_ID_TYPE,
    OCCURRENCE,
    STAGE,
    STAGE_QUARANTINE,
    drop_stage,
    event_id_sql,
    event_id_text_sql,
    event_key_sql,
    event_sql_types,
    has_stage,
    prepare_stage,
    stage_columns,
    stage_events,
)
from detente.events.schema import EVENT_COLUMNS, ID_VERSION, Event

if TYPE_CHECKING:  # pandas is imported only by the methods that return frames
    import pandas as pd

    from detente.actors.dyads import DyadFilter

DEFAULT_DB = "detente.duckdb"
MEMORY = ":memory:"
"""`path` for a store held in memory only (imports straight to Parquet stage through one)."""
ENV_DB = "DETENTE_DB"


def default_db_path() -> Path:
    """`$DETENTE_DB` if set, else `./detente.duckdb`."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


@dataclass(frozen=True)
class ImportSummary:
    """What one import did.

    Attributes
    ----------
    read : int
        Rows (or records) read from the file.
    added : int
        New events stored.
    duplicates : int
        Events already in the store (re-imports), not added again.
    quarantined : int
        Rows that did not parse, now in the ``quarantine`` table with their reason.
    """

    read: int
    added: int
    duplicates: int
    quarantined: int
    file: str = ""
    kind: str = ""
    dataset: str = ""
    sha256: str = ""
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        out = asdict(self)
        out["notes"] = list(self.notes)
        return out


def _parse_day(value: date | datetime | str | None, *, end: bool) -> date | None:
    """A date from `date`, ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (periods open at their start or end)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = date(int(text[:4]), int(text[5:]), 1)
            if not end:
                return first
            return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(
            f"cannot read {text!r} as a date", field="until" if end else "since", hint="use YYYY-MM-DD, YYYY-MM or YYYY"
        ) from exc


def _prefix_condition(column: str, actor: str) -> tuple[str, list[Any]]:
    """SQL for "`column` holds a code of this actor" (the rule of :func:`detente.actors.actor_prefixes`)."""
    from detente.actors import actor_prefixes

    return actor_prefixes(actor).sql(column)


class EventStore:
    """Events in one DuckDB file, with idempotent, all-or-nothing imports.

    Parameters
    ----------
    path
        The database file; default `$DETENTE_DB` or `./detente.duckdb`. Created if absent
        (unless `read_only`); ``":memory:"`` for a store that lives in memory only.
    read_only
        Open without write access (several readers may share a file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from datetime import date
    >>> from detente.events.schema import Event
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "ev.duckdb"
    >>> ev = Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "case", "seed-1")
    >>> with EventStore(db) as store:
    ...     store.ingest([ev], file="notes.txt").added, store.ingest([ev], file="notes.txt").added
    (1, 0)
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path) if path is not None else default_db_path()
        memory = str(path) == MEMORY
        if not memory:
            check_store_file(self.path, read_only=read_only)
        try:
            if not read_only and not memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            hint = (
                "another process has the store open for writing; close it or use another --db"
                if "lock" in first.lower()
                else "check that --db (or $DETENTE_DB) names a store written by `detente events import`"
            )
            raise StoreError(f"cannot open event store {self.path}: {first}", hint=hint) from exc
        self.read_only = read_only
        self._con.execute("SET enable_progress_bar_print = false")  # never write progress to stdout
        self._check_is_event_store()
        if not read_only:
            self._create_tables()
        # A store from before MD5 ids, opened read-only, is not migrated: read its text ids as they are.
        self._id_sql = event_id_text_sql('"event_id"')
        found = self._con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'event_id'"
        ).fetchall()
        if found and found[0][0] != EVENT_ID_TYPE:
            self._id_sql = '"event_id"'

    def _check_is_event_store(self) -> None:
        """A DuckDB file with tables but no ``events`` table or view belongs to something else: refuse it."""
        tables, views = layout.objects(self._con)
        if tables and layout.VIEW not in tables | views:
            self.close()
            raise StoreError(
                f"{self.path} is a DuckDB database but not a detente event store (it has no events table)",
                hint="point --db (or $DETENTE_DB) at a store written by `detente events import`, or at a new file name",
            )
        if not tables and self.read_only:
            self.close()
            raise StoreError(
                f"{self.path} is an empty DuckDB database, not an event store yet",
                hint=f"import events first: detente events import KIND FILE --db {self.path}",
            )

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Close the connection (the file stays)."""
        con = getattr(self, "_con", None)
        if con is not None:
            con.close()
            self._con = None

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventStore({str(self.path)!r})"

    @property
    def con(self) -> Any:
        """The DuckDB connection (for ad-hoc SQL; treat the tables as read-only)."""
        if self._con is None:
            raise StoreError(f"event store {self.path} is closed", hint="open a new EventStore")
        return self._con

    def _create_tables(self) -> None:
        con = self.con
        con.execute(
            "CREATE TABLE IF NOT EXISTS imports (file VARCHAR, sha256 VARCHAR, kind VARCHAR, dataset VARCHAR, "
            "rows BIGINT, added BIGINT, duplicates BIGINT, quarantined BIGINT, \"at\" TIMESTAMP)"
        )
        single = layout.is_single_table(con)
        if single:  # the single-table layout: first the columns the Event schema gained since it was written
            have = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE events)").fetchall()}
            for name, typ in event_sql_types().items():
                if name not in have:
                    con.execute(f'ALTER TABLE events ADD COLUMN "{name}" {typ}')
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)")
        version = con.execute("SELECT value FROM meta WHERE key = 'id_version'").fetchall()
        stored = single and con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0
        if (not version and stored) or (version and int(version[0][0]) != ID_VERSION):
            self._rekey()  # writes the current layout
        elif single:
            con.execute("BEGIN TRANSACTION")
            try:
                layout.migrate(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        else:
            layout.create(con)
        if not version:
            con.execute("INSERT INTO meta VALUES ('id_version', ?)", [str(ID_VERSION)])
        elif int(version[0][0]) != ID_VERSION:
            con.execute("UPDATE meta SET value = ? WHERE key = 'id_version'", [str(ID_VERSION)])
        con.execute(
            "CREATE TABLE IF NOT EXISTS quarantine "
            "(file VARCHAR, line BIGINT, reason VARCHAR, raw VARCHAR, imported_at TIMESTAMP)"
        )
        if not self._has_table(aggregate.TABLE):  # a new store, or one from before the aggregate
            con.execute(aggregate.create_sql())
            aggregate.rebuild(con)
        elif aggregate.stale(con):  # written under another rule of which roles are non-state
            aggregate.rebuild(con)
        aggregate.mark(con)

    def _has_table(self, name: str) -> bool:
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name]
        ).fetchall()
        return bool(found[0][0])

    def _rekey(self) -> None:
        """Recompute every id with the current formula (:data:`ID_VERSION`) and keep one row per id.

        Stores written by earlier versions hashed the dataset label and the line into the id,
        so one event imported twice (another ``--dataset``, another file) was stored twice.
        Re-keying merges such copies (the first import is kept) and moves the ICEWS Event ID
        from ``note`` to ``origin_id``; identical events of one imported file stay apart
        (numbered as :func:`~detente.events.importers.staging.stage_checked` does). The
        import log records what was merged.
        """
        con = self.con
        types_ = event_sql_types()
        cols = ", ".join(f'"{c}"' for c in types_)
        origin = (
            "CASE WHEN origin_id IS NULL AND dataset = 'icews' "
            "THEN nullif(regexp_extract(note, 'icews_event_id=([^;]*)', 1), '') ELSE origin_id END"
        )
        before = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TEMP TABLE _events_before_rekey AS SELECT * FROM events")
            layout.drop(con)
            layout.create(con)
            con.execute(f"""
                CREATE TEMP TABLE _events_rekeyed AS
                SELECT {event_id_sql(occurrence='_occ')} AS event_id, {cols}, imported_at FROM (
                  SELECT *, row_number() OVER (
                    PARTITION BY {event_key_sql()}, file, imported_at ORDER BY "row", sentence_index, char_start
                  ) AS _occ
                  FROM (SELECT * REPLACE ({origin} AS origin_id) FROM _events_before_rekey)
                )
                QUALIFY row_number() OVER (
                  PARTITION BY {event_id_sql(occurrence='_occ')} ORDER BY imported_at, file, "row"
                ) = 1
            """)
            for statement in layout.write(con, "SELECT * FROM _events_rekeyed"):
                con.execute(statement)
            con.execute("DROP TABLE _events_before_rekey")
            con.execute("DROP TABLE _events_rekeyed")
            if self._has_table(aggregate.TABLE):
                aggregate.rebuild(con)
            after = con.execute(f"SELECT count(*) FROM {layout.ROWS}").fetchall()[0][0]
            con.execute(
                "INSERT INTO imports VALUES ('(re-keyed by detente)', '', 'rekey', '', ?, 0, ?, 0, ?)",
                [before, before - after, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ writing
    def ingest(self, events: Iterable[Event], *, file: str | Path | None = None, kind: str = "events") -> ImportSummary:
        """Add events (Event objects) in one transaction; events already stored are skipped.

        Parameters
        ----------
        events
            The events. Those without a `file` get `file`.
        file
            Where the batch comes from (an article, a case file); recorded in the import log.
        kind
            What produced the batch (`events`, `text`, `case`, ...), for the import log.
        """
        where = str(file) if file is not None else None
        unique: dict[str, Event] = {}
        given = 0
        for event in events:
            given += 1
            if where is not None and not event.file:
                event = _with_file(event, where)
            unique.setdefault(event.event_id, event)  # the same event twice in one batch is stored once
        batch = list(unique.values())
        repeated = given - len(batch)
        digest = hashlib.sha256("\n".join(sorted(e.event_id for e in batch)).encode()).hexdigest()
        datasets = sorted({e.dataset for e in batch})

        def stage(con: Any) -> tuple[str, int, list[str]]:
            stage_events(con, batch)
            return ",".join(datasets), given, [f"{repeated} events repeated within the batch"] if repeated else []

        summary = self._commit(stage, file=where or "", kind=kind, sha256=digest)
        if repeated:
            summary = replace(summary, duplicates=summary.duplicates + repeated)
        return summary

    def import_file(
        self, kind: str, path: str | Path, *, progress: ProgressCallback | None = None, **options: Any
    ) -> ImportSummary:
        """Import one event file of a given kind (`gdelt`, `icews`, `plover`, `csv`, `parquet`).

        Rows that do not parse go to the ``quarantine`` table; the summary counts them.
        Options are passed to the importer (`mapping=` for `csv`/`parquet`).

        Raises
        ------
        InputError
            Unknown kind, missing file.
        DataFormatError
            A file whose layout cannot be read at all (nothing is imported from it).
        """
        from detente.events.importers import DIRECT_KINDS, get_importer

        importer = get_importer(kind)
        src = Path(path)
        if not src.is_file():
            raise InputError("file not found", path=src, hint="check the path")
        name = str(src.resolve())
        # One pass over the file's bytes, in a second thread while DuckDB parses, gives its
        # SHA-256 (for the import log) and its line count (for exact line numbers): hashlib,
        # bytes.count and DuckDB all release the GIL, so the two overlap.
        stop = threading.Event()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-scan") as pool:
            scan = pool.submit(scan_file, src, stop=stop)
            if progress is not None:
                progress("hash", 0.0)

            # A file imported before goes through the staging path: its events are found by an
            # anti-join instead of being written and deleted again (re-imports add nothing either way).
            direct = kind.strip().lower() in DIRECT_KINDS and not self._imported(name)

            def stage(con: Any, *writer: DirectWriter) -> tuple[str, int, list[str]]:
                extra = {"direct": writer[0]} if writer else {}
                staged = importer(con, src, file=name, progress=progress, scan=scan, **extra, **options)
                return staged.dataset, staged.read, staged.notes

            try:
                return self._commit(stage, file=name, kind=kind, sha256=scan, progress=progress, direct=direct)
            except BaseException:
                stop.set()
                raise

    def _imported(self, file: str) -> bool:
        """True if the import log has an import of this file (its resolved path)."""
        found = self.con.execute("SELECT count(*) FROM (SELECT 1 FROM imports WHERE file = ? LIMIT 1)", [file])
        return bool(found.fetchall()[0][0])

    def _commit(
        self, stage: Any, *, file: str, kind: str, sha256: Any, progress: ProgressCallback | None = None,
        direct: bool = False,
    ) -> ImportSummary:
        """Stage, dedupe and insert in one transaction; `sha256` is the digest or a Future of it.

        With `direct`, `stage` is given a :class:`~detente.events.direct.DirectWriter` and writes
        the events itself (one parse, one write); otherwise it fills the staging tables.
        """
        if self.read_only:
            raise StoreError(f"event store {self.path} is open read-only", hint="open it without read_only to import")
        con = self.con
        started = datetime.now(UTC)
        at = started.replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            prepare_stage(con)
            writer = DirectWriter(con, at, progress) if direct else None
            dataset, read, notes = stage(con, writer) if writer is not None else stage(con)
            if not isinstance(sha256, str):  # a Future from the scanning thread, done by now as a rule
                sha256 = sha256.result().sha256
                if progress is not None:
                    progress("hash", 1.0)
            staged = added = 0
            if writer is not None:
                staged, added = writer.finish()
                if added:  # the month x dyad aggregate gains exactly the events this import added
                    aggregate.add(con, f"({layout.view_sql(f'rowid > {writer.last}')})")
            elif has_stage(con):
                have = stage_columns(con)
                derived = not set(layout.DERIVED) & have  # the importer left root, quad, PLOVER to the codebook
                cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS if not (derived and c in layout.DERIVED))
                occurrence = OCCURRENCE if OCCURRENCE in have else None
                select = (
                    f"SELECT {event_id_sql(occurrence=occurrence)} AS event_id, {cols}, ?::TIMESTAMP AS imported_at "
                    f"FROM {STAGE}"
                )
                rows = layout.ROWS
                empty = con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {rows} LIMIT 1)").fetchall()[0][0] == 0
                if not empty:
                    # Restrict the anti-join to the batch's dates (the date is part of the id), so that
                    # DuckDB can skip stored row groups outside them.
                    staged, lo, hi, null_dates = con.execute(
                        f"SELECT count(*), min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM {STAGE}"
                    ).fetchall()[0]
                    window = ""
                    if lo is not None and not null_dates:
                        window = f" AND e.date BETWEEN DATE '{lo.isoformat()}' AND DATE '{hi.isoformat()}'"
                        # No stored event in the batch's dates (zone maps answer this cheaply): no event
                        # of the batch can be stored already, so the anti-join is skipped.
                        probe = f"SELECT count(*) FROM (SELECT 1 FROM {rows} e WHERE true{window} LIMIT 1)"
                        empty = con.execute(probe).fetchall()[0][0] == 0
                    if not empty:
                        select = (
                            f"SELECT * FROM ({select}) n "
                            f"WHERE NOT EXISTS (SELECT 1 FROM {rows} e WHERE e.event_id = n.event_id{window})"
                        )
                last_rowid = con.execute(f"SELECT coalesce(max(rowid), -1) FROM {rows}").fetchall()[0][0]
                details, insert = layout.write(con, select, derived=derived)
                # Line numbers are fixed by now, so the insert may run in parallel out of order.
                con.execute("SET preserve_insertion_order = false")
                try:
                    con.execute(details, [at])  # before the rows: `select` leaves out the events already in them
                    added = run_with_progress(con, insert, progress, "write", [at])[0][0]
                finally:  # a connection setting, not undone by ROLLBACK (read_delimited sets it again)
                    try:
                        con.execute("SET preserve_insertion_order = true")
                    except Exception:  # noqa: BLE001 - never mask the insert's own error
                        pass
                if empty:  # nothing to be a duplicate of: ids within one batch are distinct
                    staged = added
                if added:  # the month x dyad aggregate gains exactly the events this import added
                    aggregate.add(con, f"({layout.view_sql(f'rowid > {int(last_rowid)}')})")
            quarantined = con.execute(f"SELECT count(*) FROM {STAGE_QUARANTINE}").fetchall()[0][0]
            con.execute(
                f"INSERT INTO quarantine SELECT ?, q.line, q.reason, q.raw, ? FROM {STAGE_QUARANTINE} q "
                "WHERE NOT EXISTS (SELECT 1 FROM quarantine o WHERE o.file = ? AND o.line IS NOT DISTINCT FROM q.line "
                "AND o.reason = q.reason)",
                [file, at, file],
            )
            con.execute(
                "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [file, sha256, kind, dataset, read, added, staged - added, quarantined, at],
            )
            drop_stage(con)
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the transaction may already be aborted
                pass
            drop_stage(con)
            raise
        seconds = (datetime.now(UTC) - started).total_seconds()
        return ImportSummary(
            read=int(read), added=int(added), duplicates=int(staged - added), quarantined=int(quarantined),
            file=file, kind=kind, dataset=dataset, sha256=sha256, seconds=seconds, notes=tuple(notes),
        )

    # ------------------------------------------------------------------ reading
    def events(
        self,
        *,
        actor: str | None = None,
        dyad: "tuple[str, str] | Sequence[str] | DyadFilter | None" = None,
        directed: bool = False,
        cameo: str | Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        dataset: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Events matching all the filters given, oldest first, with the columns of EVENT_COLUMNS.

        Parameters
        ----------
        actor
            Events where this actor is source or target. Codes match by prefix
            (`USA` matches `USAGOV`) and a group matches its members (`EUR`: the EU states).
        dyad
            A pair of codes `(A, B)` or a :class:`detente.actors.dyads.DyadFilter`: events
            from A to B, and from B to A unless `directed`, by the one dyad rule (a
            country's own events stay out of an inter-state dyad: `EUR`-`DEU` has no
            `DEUGOV` -> `DEUCOP`).
        cameo
            A CAMEO code prefix (`"04"`: all consultations), or several.
        start, end
            Inclusive date bounds (`date`, `"2025-02-12"`, `"2025-02"` or `"2025"`).
        dataset
            Only events of this dataset (`gdelt2`, `icews`, `case`, ...).
        limit
            At most this many rows.
        """
        where: list[str] = []
        params: list[Any] = []
        if actor:
            src, p1 = _prefix_condition("source", actor)
            tgt, p2 = _prefix_condition("target", actor)
            where.append(f"({src} OR {tgt})")
            params += p1 + p2
        if dyad is not None:  # the one dyad rule (detente.actors.dyads): sides, groups, one country's own events left out
            from detente.actors.dyads import as_dyad_filter

            clause, more = as_dyad_filter(dyad).sql("source", "target", directed=directed)
            where.append(clause)
            params += more
        if cameo:
            prefixes = [cameo] if isinstance(cameo, str) else list(cameo)
            where.append("(" + " OR ".join("starts_with(cameo, ?)" for _ in prefixes) + ")")
            params += [str(p).strip() for p in prefixes]
        lo, hi = _parse_day(start, end=False), _parse_day(end, end=True)
        if lo is not None:
            where.append("date >= ?")
            params.append(lo)
        if hi is not None:
            where.append("date <= ?")
            params.append(hi)
        if dataset:
            where.append("dataset = ?")
            params.append(dataset)
        sql = f"SELECT {_event_columns_sql(self._id_sql)} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY events.date, events.event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, params).df()

    def dyad_months(self, *, countries: bool = False) -> pd.DataFrame:
        """The month x dyad aggregate kept at import (see :mod:`detente.events.aggregate`), oldest month first.

        With `countries`, one row per month x directed country dyad (state flags and date
        precisions summed): ``month, source, target, events, goldstein_sum, goldstein_mean``.
        """
        kept = self._has_table(aggregate.TABLE) and not (self.read_only and aggregate.stale(self.con))
        table = aggregate.TABLE if kept else f"({aggregate.aggregate_sql('events')})"
        sql = aggregate.country_months_sql(table) if countries else f"SELECT * FROM {table}"
        return self.con.execute(f"SELECT * FROM ({sql}) ORDER BY month, source, target").df()

    def count(self) -> int:
        """Number of stored events."""
        table = "events" if layout.is_single_table(self.con) else layout.ROWS  # a read-only store of the old layout
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def quarantine(self, *, file: str | Path | None = None) -> pd.DataFrame:
        """Quarantined rows (file, line, reason, raw, imported_at), optionally of one file."""
        sql = "SELECT file, line, reason, raw, imported_at FROM quarantine"
        params: list[Any] = []
        if file is not None:
            sql += " WHERE file = ?"
            params.append(str(Path(file).resolve()) if Path(file).exists() else str(file))
        return self.con.execute(sql + " ORDER BY imported_at, file, line", params).df()

    def imports(self) -> pd.DataFrame:
        """The import log, oldest first."""
        return self.con.execute("SELECT * FROM imports ORDER BY \"at\"").df()

    def export(self, path: str | Path) -> int:
        """Write all events to `path` (`.parquet` or `.csv`, by suffix), atomically; returns the row count."""
        out = Path(path)
        fmt = {".parquet": "(FORMAT parquet)", ".csv": "(FORMAT csv, HEADER true)"}.get(out.suffix.lower())
        if fmt is None:
            raise InputError(
                f"cannot export to {out.suffix or 'a file without suffix'}", path=out, hint="name the file .parquet or .csv"
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
        cols = _event_columns_sql(self._id_sql)
        try:
            self.con.execute(
                f"COPY (SELECT {cols} FROM events ORDER BY events.date, events.event_id) TO '{_sql_path(tmp)}' {fmt}"
            )
            os.replace(tmp, out)
        except Exception as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, (InputError, StoreError)):
                raise
            raise StoreError(f"cannot write {out}: {str(exc).splitlines()[0]}", hint="check the directory and free space") from exc
        return self.count()


_DUCKDB_MAGIC = b"DUCK"
"""DuckDB database files carry these bytes at offset 8."""


def check_store_file(path: Path, *, read_only: bool, flag: str = "--db") -> None:
    """Before DuckDB touches `path`: a directory or a file that is not a DuckDB database is refused in one line.

    An absent path, or an empty file (as ``touch`` leaves), becomes a new store when
    opened for writing. The message names `flag` (``--db``, ``$DETENTE_DB``), the
    setting the user must fix; every command that reads a store gets this one wording
    (:func:`detente.relations.sources.check_store_file` calls this).
    """
    if path.is_dir():
        raise StoreError(f"{flag} {path} is a directory, not an event store", hint="give --db (or $DETENTE_DB) a file name such as events.duckdb")
    if not path.exists():
        if read_only:
            raise StoreError(
                f"{flag}: no event store at {path}",
                hint="import events first (`detente events import KIND FILE`) or point --db / $DETENTE_DB at a store",
            )
        return
    with path.open("rb") as fh:
        head = fh.read(16)
    if not head:
        if read_only:
            raise StoreError(f"{flag} {path} is an empty file, not an event store",
                             hint=f"import events first: detente events import KIND FILE --db {path}")
        path.unlink()  # DuckDB refuses an empty file; an empty file holds nothing to lose
        return
    if head[8:12] != _DUCKDB_MAGIC:
        raise StoreError(
            f"{flag} {path} is not a detente event store (not a DuckDB database file)",
            hint="point --db (or $DETENTE_DB) at a store written by `detente events import`, or at a new file name to create one",
        )


def _event_columns_sql(id_sql: str) -> str:
    """The EVENT_COLUMNS as stored, with `event_id` read through `id_sql` (its text form)."""
    return ", ".join(f'{id_sql} AS "{c}"' if c == "event_id" else f'"{c}"' for c in EVENT_COLUMNS)


def _with_file(event: Event, file: str) -> Event:
    return replace(event, file=file)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
