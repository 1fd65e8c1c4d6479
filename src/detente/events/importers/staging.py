"""The staging contract between importers and the EventStore, and the SQL they share.

An importer writes to the store's tables only through a
:class:`~detente.events.direct.DirectWriter` (the KINDs of
:data:`detente.events.importers.DIRECT_KINDS`, GDELT: one parse, one write). The others
fill two temporary tables on the store's connection, inside the store's transaction:

- ``_stage``: one row per event, with every column of :class:`detente.events.schema.Event`
  (no ``event_id``: the store derives it);
- ``_stage_quarantine``: one row per rejected input row: ``line`` (1-based line or
  record number), ``reason`` (what is wrong, with the field), ``raw`` (the row as read).

The store then hashes event ids in SQL (the same MD5 as ``Event.event_id``), drops
events it already holds (anti-join), and commits events, quarantine and the import
record together: a file is imported entirely or not at all.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from detente.events.importers.quarantine import clip, read_lines
from detente.events.schema import EVENT_COLUMNS, ID_KEY_FIELDS, Event

STAGE = "_stage"
STAGE_QUARANTINE = "_stage_quarantine"
CODEBOOK = "_codebook"
OCCURRENCE = "_occurrence"
"""Optional `_stage` column numbering identical events of one source without event ids (1, 2, ...)."""

UNKNOWN_ACTOR = "---"
"""Actor code for a side the source does not name or detente cannot resolve (CAMEO's blank actor)."""

_SQL_TYPES: dict[Any, str] = {date: "DATE", str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}
_ARROW_TYPES: dict[str, pa.DataType] = {
    "DATE": pa.date32(), "VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
}


def _sql_type(annotation: Any) -> str:
    """DuckDB type for an Event field annotation (`str | None` -> VARCHAR, `DatePrecision` -> VARCHAR)."""
    if isinstance(annotation, str):
        annotation = typing.get_type_hints(Event).get(annotation, str)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _sql_type(args[0]) if args else "VARCHAR"
    if origin is typing.Literal:
        return "VARCHAR"
    return _SQL_TYPES.get(annotation, "VARCHAR")


def event_sql_types() -> dict[str, str]:
    """Event field name -> DuckDB column type, in schema order (without `event_id`)."""
    hints = typing.get_type_hints(Event)
    return {f.name: _sql_type(hints[f.name]) for f in fields(Event)}


EVENT_FIELDS: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c != "event_id")


EVENT_ID_TYPE = "UHUGEINT"
"""How the store keeps ``event_id``: the 128-bit integer, 16 bytes (cheaper to write and
join than 32-character text); :func:`event_id_text_sql` turns it back into ``Event.event_id``."""


def event_key_sql(alias: str = "", *, occurrence: str | None = None) -> str:
    """SQL expression for the text ``Event.event_id`` hashes, from a row of Event columns.

    The :data:`~detente.events.schema.ID_KEY_FIELDS` joined with ``|``, with Python's
    ``str()`` of each value (``None`` -> ``"None"``, dates in ISO form). `occurrence`
    names a column numbering identical rows of one source (1, 2, ...): copies after the
    first get ``|#n``, as :func:`detente.events.schema.id_key` does.
    """
    p = f"{alias}." if alias else ""

    def s(col: str) -> str:
        if col == "date":
            return f"coalesce(strftime({p}date, '%Y-%m-%d'), 'None')"
        return f'coalesce(CAST({p}"{col}" AS VARCHAR), \'None\')'

    # concat() with the separators as arguments, not concat_ws('|', ...): the same text, about a
    # quarter less CPU for the key (0.31-0.33 s against 0.40-0.43 s per million rows, DuckDB 2.0.1)
    parts = ", '|', ".join(s(c) for c in ID_KEY_FIELDS)
    key = f"concat({parts})"
    if occurrence is not None:
        key = f"CASE WHEN {occurrence} > 1 THEN {key} || '|#' || {occurrence} ELSE {key} END"
    return key


def event_id_sql(alias: str = "", *, occurrence: str | None = None) -> str:
    """SQL expression for the stored ``event_id`` (a ``UHUGEINT``) of a row of Event columns.

    DuckDB's ``md5_number`` reads the MD5 digest of :func:`event_key_sql` as a
    little-endian 128-bit integer, as ``Event.event_id`` does in Python.
    """
    return f"md5_number({event_key_sql(alias, occurrence=occurrence)})"


def event_id_text_sql(column: str = "event_id") -> str:
    """SQL expression turning a stored ``event_id`` into the text of ``Event.event_id`` (32 hex digits)."""
    return f"printf('%032x', {column})"


def prepare_stage(con: Any) -> None:
    """Start a staging round: no `_stage` yet, an empty `_stage_quarantine` table."""
    drop_stage(con)
    con.execute(f"CREATE TEMP TABLE {STAGE_QUARANTINE} (line BIGINT, reason VARCHAR, raw VARCHAR)")


def _create_stage_table(con: Any) -> None:
    cols = ", ".join(f'"{name}" {typ}' for name, typ in event_sql_types().items())
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} ({cols})")


def stage_columns(con: Any) -> set[str]:
    """The columns of `_stage`: :data:`OCCURRENCE` if it numbers identical events, no ``root``, ``quad``,
    ``plover`` if the importer left them to the store's codebook (see :func:`stage_checked`)."""
    return {row[0] for row in con.execute(f"SELECT column_name FROM (DESCRIBE {STAGE})").fetchall()}


def has_stage(con: Any) -> bool:
    """True if an importer left a `_stage` table or view."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND temporary "
        "UNION ALL SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND temporary",
        [STAGE, STAGE],
    ).fetchall()
    return any(n for (n,) in found)


def drop_stage(con: Any) -> None:
    """Drop every temporary view and table of this connection: all of them are staging.

    Also used in clean-up paths, so it never raises.
    """
    try:
        views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE temporary AND NOT internal").fetchall()]
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary AND NOT internal").fetchall()]
        for name in views:
            con.execute(f'DROP VIEW IF EXISTS "{name}"')
        for name in tables:
            con.execute(f'DROP TABLE IF EXISTS "{name}"')
    except Exception:  # noqa: BLE001 - e.g. an aborted transaction; temp objects die with it
        pass


def events_to_arrow(events: Iterable[Event]) -> pa.Table:
    """A pyarrow Table of Event columns (no `event_id`), built column-wise."""
    types_ = event_sql_types()
    columns: dict[str, list[Any]] = {name: [] for name in types_}
    for event in events:
        for name in types_:
            columns[name].append(getattr(event, name))
    return pa.table({name: pa.array(vals, type=_ARROW_TYPES[types_[name]]) for name, vals in columns.items()})


def stage_events(con: Any, events: Sequence[Event] | pa.Table) -> int:
    """Append events (Event objects or an Arrow table of Event columns) to the stage; returns the count."""
    table = events if isinstance(events, pa.Table) else events_to_arrow(events)
    _create_stage_table(con)
    if table.num_rows == 0:
        return 0
    con.register("_stage_arrow", table)
    try:
        names = ", ".join(f'"{c}"' for c in table.column_names)
        con.execute(f"INSERT INTO {STAGE} ({names}) SELECT {names} FROM _stage_arrow")
    finally:
        con.unregister("_stage_arrow")
    return table.num_rows


def columns_sql(columns: dict[str, str]) -> str:
    """SELECT list turning one list parameter per column into rows (see :func:`temp_table`)."""
    return ", ".join(f'unnest(?::{typ}[]) AS "{name}"' for name, typ in columns.items())


def temp_table(con: Any, name: str, columns: dict[str, tuple[str, Sequence[Any]]], *, insert: bool = False) -> None:
    """Create (or, with `insert`, append to) a temp table from Python lists, one per column: ``{name: (type, values)}``.

    The lists go to DuckDB as list parameters, not as a registered Arrow or pandas object:
    registering makes DuckDB's Python module import pandas, which an import does not need.
    """
    select = columns_sql({c: typ for c, (typ, _) in columns.items()})
    params = [list(values) for _, values in columns.values()]
    if insert:
        con.execute(f"INSERT INTO {name} SELECT {select}", params)
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", params)


def stage_quarantine(con: Any, rows: Sequence[tuple[int | None, str, str | None]]) -> int:
    """Append rejected rows `(line, reason, raw)` to the quarantine stage; returns the count."""
    if not rows:
        return 0
    temp_table(con, STAGE_QUARANTINE, {
        "line": ("BIGINT", [r[0] for r in rows]),
        "reason": ("VARCHAR", [r[1] for r in rows]),
        "raw": ("VARCHAR", [clip(r[2]) for r in rows]),
    }, insert=True)
    return len(rows)


def create_codebook(con: Any) -> None:
    """A temp table `_codebook(code, root, quad, goldstein, plover)` from :mod:`detente.ontology`."""
    from detente import ontology

    codes = ontology.all_codes()
    temp_table(con, CODEBOOK, {
        "code": ("VARCHAR", [c.code for c in codes]),
        "root": ("VARCHAR", [c.root for c in codes]),
        "quad": ("BIGINT", [c.quad for c in codes]),
        "goldstein": ("DOUBLE", [c.goldstein for c in codes]),
        "plover": ("VARCHAR", [c.plover for c in codes]),
    })


def sql_str(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Staged:
    """What an importer reports after filling the stage.

    Attributes
    ----------
    dataset : str
        Dataset name written into the events (`gdelt1`, `gdelt2`, `icews`, `plover`, `csv`).
    read : int
        Input rows or records read (header, blank lines and documentation records excluded).
    notes : list of str
        Things the user should know that are not errors (unresolved actor names, ...).
    """

    dataset: str
    read: int
    notes: list[str] = field(default_factory=list)


CODEBOOK_DERIVED: tuple[str, ...] = ("root", "quad", "plover")
"""Event columns that follow from the CAMEO code (the codebook's root, quad class and PLOVER category)."""


def stage_checked(
    con: Any, select_sql: str, *, raw_from: Path | None, raw_column: str | None = None, occurrence: bool = False,
    derived: bool = False,
) -> int:
    """Stage the rows of `select_sql`: those with a NULL `reason` as events, the others in quarantine.

    `select_sql` must yield a `line` column, a `reason` column (NULL when the row is a
    good event) and any subset of the Event columns (others are NULL). The query
    becomes the view `_checked` (not materialised: the store reads it once for counts
    and quarantine and once for the insert, which is cheaper than copying every row),
    and `_stage` a view of its good rows; the tables it reads must live until the
    store commits (the store drops every temporary object afterwards). The raw
    text of quarantined rows is read back from `raw_from` by line number, or taken
    from the column `raw_column` of `select_sql` (for inputs without text lines, such
    as Parquet). With `occurrence`, identical events (same id key) are numbered in line
    order (column :data:`OCCURRENCE`), so that a source without event ids that lists
    the same event twice keeps both, and importing it again still adds nothing. Call
    once per import. With `derived`, `select_sql` has no :data:`CODEBOOK_DERIVED` columns
    and neither has `_stage`: every event takes them from the codebook by its code (checked
    to be in it), so the store need not write them (:mod:`detente.events.layout`). Returns
    the number of rows quarantined.
    """
    con.execute(f"CREATE OR REPLACE TEMP VIEW _checked AS {select_sql}")
    have = {row[0] for row in con.execute("SELECT column_name FROM (DESCRIBE _checked)").fetchall()}
    types_ = event_sql_types()
    if derived and set(CODEBOOK_DERIVED) & have:
        raise ValueError(f"a derived stage must not select {', '.join(sorted(set(CODEBOOK_DERIVED) & have))}")
    cols = ", ".join(
        f'"{c}"' if c in have else f'CAST(NULL AS {types_[c]}) AS "{c}"'
        for c in EVENT_FIELDS if not (derived and c in CODEBOOK_DERIVED)
    )
    if occurrence:
        cols += f", row_number() OVER (PARTITION BY {event_key_sql()} ORDER BY line) AS {OCCURRENCE}"
    con.execute(f"CREATE TEMP VIEW {STAGE} AS SELECT {cols} FROM _checked WHERE reason IS NULL")
    raw_sql = f'"{raw_column}"' if raw_column else "NULL"
    bad = con.execute(f"SELECT line, reason, {raw_sql} FROM _checked WHERE reason IS NOT NULL ORDER BY line").fetchall()
    if bad:
        raw = read_lines(raw_from, [line for line, _, _ in bad]) if raw_from is not None else {}
        stage_quarantine(con, [(line, reason, raw.get(line, text)) for line, reason, text in bad])
    return len(bad)
