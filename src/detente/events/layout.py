"""How the store keeps its events on disk: two tables and a view, so a bulk import writes only what it has.

Every column DuckDB writes costs an import time even when it holds nothing: a column of
1M NULLs costs about 0.035 s of CPU to write (its compression analysis and segments),
as much as a column of short strings. A GDELT, ICEWS or CSV import fills 16 of the 29
columns of :class:`~detente.events.schema.Event`; the others are the sentence-level
provenance of coded text (sentence, offsets, quote, modality, confidence, note),
values every bulk row shares (``negated`` false) and the CAMEO root, quad class and
PLOVER category, which follow from the code. Storing them all cost a GDELT import
about 13 empty or derivable columns, a tenth of its time.

Tables
------
``event_rows``
    One row per event: ``event_id``, the :data:`CORE` columns and ``imported_at``.
``event_details``
    ``event_id`` and the other Event columns, only for events that need them: one
    with a sentence, an offset, a quote, a modality, a confidence, a note, an origin
    id, a negation, or a root, quad or PLOVER category other than the codebook's.
``codebook``
    ``code, root, quad, plover`` of every CAMEO code the store has used: what an event
    without details derives its root, quad and PLOVER category from.

The view ``events`` joins them back into every column of
:data:`~detente.events.schema.EVENT_COLUMNS` (plus ``imported_at``): the readers
(queries, series, reports, the web app, exports) see one table as before.

Choices
-------
- The codebook is the store's own, not the package's: a code's values are fixed when
  the code first enters the store, and if the package's codebook later changes a
  code, the events already stored under it get detail rows with their old values
  before the table follows (:func:`sync_codebook`): what was stored never changes.
- Details are written only when they differ from what the view would derive, so
  the view returns exactly the values the import staged.
- ``dataset``, ``file``, ``date_precision`` and ``imported_at`` stay in
  ``event_rows``: constant within an import, they compress to almost nothing and
  cost one column each; moving them to a per-import table would save little.
- Stores of the single-table layout (an ``events`` table) are converted when opened
  for writing (:func:`migrate`); opened read-only they are read as they are.
"""

from __future__ import annotations

from typing import Any

from detente.events.importers.staging import CODEBOOK_DERIVED, EVENT_FIELDS, EVENT_ID_TYPE, event_sql_types

ROWS = "event_rows"
DETAILS = "event_details"
CODEBOOK = "codebook"
VIEW = "events"

CORE: tuple[str, ...] = (
    "date", "source", "target", "cameo", "goldstein", "dataset", "doc_id", "date_precision",
    "source_name", "target_name", "url", "file", "row", "tone",
)
"""Event columns kept in ``event_rows``: what every bulk import fills."""

DERIVED: tuple[str, ...] = CODEBOOK_DERIVED
"""Detail columns an event without details takes from the store's codebook by its CAMEO code."""

DEFAULTS: dict[str, str] = {"negated": "false"}
"""Detail columns whose value without details is not NULL (SQL literals)."""

_COMPRESSION: dict[str, str] = {"doc_id": " USING COMPRESSION uncompressed"}
"""Per-column storage overrides. ``doc_id`` is nearly unique in bulk data (GDELT's GLOBALEVENTID):
DuckDB's dictionary+FSST analysis of it costs about a quarter of the write time of a GDELT import
and saves only ~8 bytes a row, so it is stored plain."""


def detail_fields() -> tuple[str, ...]:
    """Event columns kept in ``event_details`` (every Event field not in :data:`CORE`), in schema order."""
    return tuple(c for c in EVENT_FIELDS if c not in CORE)


def objects(con: Any) -> tuple[set[str], set[str]]:
    """Names of the store's (not temporary) tables and views."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT temporary AND NOT internal").fetchall()}
    return tables, views


def is_single_table(con: Any) -> bool:
    """True if the store keeps its events in one ``events`` table (the layout before this one)."""
    tables, _ = objects(con)
    return VIEW in tables


def create(con: Any) -> None:
    """Create the tables (those missing), columns the Event schema gained since, the codebook rows and the view."""
    types_ = event_sql_types()
    core = ", ".join(f'"{c}" {types_[c]}{_COMPRESSION.get(c, "")}' for c in CORE)
    con.execute(f'CREATE TABLE IF NOT EXISTS {ROWS} ("event_id" {EVENT_ID_TYPE} NOT NULL, {core}, imported_at TIMESTAMP)')
    details = ", ".join(f'"{c}" {types_[c]}' for c in detail_fields())
    con.execute(f'CREATE TABLE IF NOT EXISTS {DETAILS} ("event_id" {EVENT_ID_TYPE} NOT NULL, {details})')
    have = {r[0] for r in con.execute(f"SELECT column_name FROM (DESCRIBE {DETAILS})").fetchall()}
    for name in detail_fields():  # the Event schema grew since this store was made
        if name not in have:
            con.execute(f'ALTER TABLE {DETAILS} ADD COLUMN "{name}" {types_[name]}')
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {CODEBOOK} (code VARCHAR PRIMARY KEY, root VARCHAR, quad BIGINT, plover VARCHAR)"
    )
    sync_codebook(con)
    # The view is written again only when its definition changed (a new Event field): opening a
    # store for writing should not write to it.
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)")
    definition = view_sql()
    kept = con.execute("SELECT value FROM meta WHERE key = 'events_view'").fetchall()
    if VIEW not in objects(con)[1] or not kept or kept[0][0] != definition:
        con.execute(f"CREATE OR REPLACE VIEW {VIEW} AS {definition}")
        con.execute("DELETE FROM meta WHERE key = 'events_view'")
        con.execute("INSERT INTO meta VALUES ('events_view', ?)", [definition])


def sync_codebook(con: Any) -> None:
    """Add the package codebook's new codes to the store's; a changed code keeps its stored events' values.

    Events stored under a code whose root, quad or PLOVER category the package now
    gives differently get detail rows with the values they were stored with, then the
    code takes the new values (for events imported from now on).
    """
    from detente import ontology
    from detente.events.importers.staging import temp_table

    codes = ontology.all_codes()
    stored = {r[0]: r[1:] for r in con.execute(f"SELECT code, root, quad, plover FROM {CODEBOOK}").fetchall()}
    if len(stored) >= len(codes) and all(stored.get(c.code) == (c.root, c.quad, c.plover) for c in codes):
        return  # the usual case: nothing to write
    temp_table(con, "_codebook_now", {
        "code": ("VARCHAR", [c.code for c in codes]),
        "root": ("VARCHAR", [c.root for c in codes]),
        "quad": ("BIGINT", [c.quad for c in codes]),
        "plover": ("VARCHAR", [c.plover for c in codes]),
    })
    changed = (
        f"SELECT o.code FROM {CODEBOOK} o JOIN _codebook_now n ON n.code = o.code "
        "WHERE (o.root, o.quad, o.plover) IS DISTINCT FROM (n.root, n.quad, n.plover)"
    )
    if con.execute(f"SELECT count(*) FROM ({changed})").fetchall()[0][0]:
        cols = detail_fields()
        names = ", ".join(f'"{c}"' for c in cols)
        values = ", ".join(f"cb.{c}" if c in DERIVED else DEFAULTS.get(c, "NULL") for c in cols)
        con.execute(
            f"INSERT INTO {DETAILS} (event_id, {names}) SELECT r.event_id, {values} FROM {ROWS} r "
            f"JOIN {CODEBOOK} cb ON cb.code = r.cameo WHERE r.cameo IN ({changed}) "
            f"AND NOT EXISTS (SELECT 1 FROM {DETAILS} d WHERE d.event_id = r.event_id)"
        )
        con.execute(
            f"UPDATE {CODEBOOK} o SET root = n.root, quad = n.quad, plover = n.plover FROM _codebook_now n "
            f"WHERE n.code = o.code AND o.code IN ({changed})"
        )
    con.execute(
        f"INSERT INTO {CODEBOOK} SELECT * FROM _codebook_now n WHERE NOT EXISTS (SELECT 1 FROM {CODEBOOK} o WHERE o.code = n.code)"
    )
    con.execute("DROP TABLE _codebook_now")


def view_sql(rows_where: str = "") -> str:
    """SELECT of every event column (and ``imported_at``) from the tables; `rows_where` filters ``event_rows`` first."""
    rows = f"(SELECT * FROM {ROWS} WHERE {rows_where})" if rows_where else ROWS
    out = []
    for c in ("event_id",) + EVENT_FIELDS:
        if c == "event_id" or c in CORE:
            out.append(f'r."{c}"')
        elif c in DERIVED:
            out.append(f'CASE WHEN d.event_id IS NULL THEN cb."{c}" ELSE d."{c}" END AS "{c}"')
        elif c in DEFAULTS:
            out.append(f'CASE WHEN d.event_id IS NULL THEN {DEFAULTS[c]} ELSE d."{c}" END AS "{c}"')
        else:
            out.append(f'd."{c}"')
    return (
        f"SELECT {', '.join(out)}, r.imported_at FROM {rows} r "
        f"LEFT JOIN {DETAILS} d ON d.event_id = r.event_id LEFT JOIN {CODEBOOK} cb ON cb.code = r.cameo"
    )


def write(con: Any, select: str, params: list[Any] | None = None, *, derived: bool = False) -> tuple[str, str]:
    """The two INSERTs (details, then rows) that store the events of `select`; run them in this order.

    `select` yields ``event_id``, the Event columns and ``imported_at`` (without
    :data:`DERIVED` when `derived`: the importer took them from the codebook, so no
    event of it needs them as details). The details go first: `select` may exclude
    events already in ``event_rows`` (an anti-join), which the rows insert adds.
    """
    cols = detail_fields()
    names = ", ".join(f'"{c}"' for c in cols)
    values, differs = [], []
    for c in cols:
        if c in DERIVED:
            values.append(f'cb."{c}"' if derived else f'n."{c}"')
            if not derived:
                differs.append(f'n."{c}" IS DISTINCT FROM cb."{c}"')
        elif c in DEFAULTS:
            values.append(f'n."{c}"')
            differs.append(f'n."{c}" IS DISTINCT FROM {DEFAULTS[c]}')
        else:
            values.append(f'n."{c}"')
            differs.append(f'n."{c}" IS NOT NULL')
    details = (
        f"INSERT INTO {DETAILS} (event_id, {names}) SELECT n.event_id, {', '.join(values)} FROM ({select}) n "
        f"LEFT JOIN {CODEBOOK} cb ON cb.code = n.cameo WHERE {' OR '.join(differs)}"
    )
    core = ", ".join(f'"{c}"' for c in CORE)
    rows = f"INSERT INTO {ROWS} (event_id, {core}, imported_at) SELECT event_id, {core}, imported_at FROM ({select})"
    return details, rows


def migrate(con: Any) -> None:
    """Convert a single-table store (an ``events`` table with every column) to this layout, in the caller's transaction."""
    con.execute(f"ALTER TABLE {VIEW} RENAME TO _events_single")
    create(con)
    details, rows = write(con, "SELECT * FROM _events_single")
    con.execute(details)
    con.execute(rows)
    con.execute("DROP TABLE _events_single")


def drop(con: Any) -> None:
    """Drop the events of either layout (the view and its tables, or the single table); the codebook stays."""
    tables, views = objects(con)
    if VIEW in views:
        con.execute(f"DROP VIEW {VIEW}")
    for name in (VIEW, ROWS, DETAILS):
        if name in tables:
            con.execute(f"DROP TABLE {name}")
