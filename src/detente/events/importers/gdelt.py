"""GDELT event files (1.0 backfile and daily, 2.0), plain or zipped, to events.

The width of the first line picks the layout (57, 58 or 61 columns; see
:mod:`detente.events.importers.gdelt_layout`). A GDELT 1.0 file may mix the 57- and
58-column layouts (backfile rows next to daily rows): rows of the other 1.0 width
are parsed with their own layout, every other width goes to quarantine.

Each row becomes one event:

==============  ==============================================================
event field     GDELT column
==============  ==============================================================
date            SQLDATE (YYYYMMDD, the event's date; DATEADDED is not used)
source, target  Actor1Code, Actor2Code (CAMEO actor codes, e.g. ``USAGOV``);
                ``---`` when blank
source_name     Actor1Name, Actor2Name
cameo           EventCode (checked against the CAMEO codebook)
root, quad      from the codebook (quad 0 for statements, root 01; GDELT puts
                them in QuadClass 1)
goldstein       GoldsteinScale (GDELT's own figure, kept as published)
tone            AvgTone
dataset         ``gdelt1`` (57/58 columns) or ``gdelt2`` (61 columns)
doc_id          GLOBALEVENTID
url             SOURCEURL (daily 1.0 and 2.0 files)
file, row       the file imported and the 1-based line
==============  ==============================================================

The file is read once, straight into the store (:mod:`detente.events.direct`): DuckDB's
reader types SQLDATE and GoldsteinScale itself, and the checks run on the stored rows.

Rows are quarantined for: a wrong column count (a truncated last line included), a
non-UTF-8 byte, a missing GLOBALEVENTID, an unreadable SQLDATE, an EventCode that is
not in the codebook, a non-numeric GoldsteinScale.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.errors import DataFormatError
from detente.events.importers.archives import plain_file
from detente.events.importers.delimited import (
    account_lines,
    count_lines,
    first_line,
    prepare_reader,
    read_delimited,
    reader_rejects,
    reader_sql,
    reject_reason,
    unreadable,
)
from detente.events.importers.gdelt_layout import GDELT1_BACKFILE, GDELT1_DAILY, LAYOUTS
from detente.events.importers.quarantine import BAD_DATE, BAD_NUMBER, MISSING_FIELD, UNKNOWN_CAMEO, ProgressCallback
from detente.events.importers.staging import (
    CODEBOOK,
    UNKNOWN_ACTOR,
    Staged,
    create_codebook,
    sql_str,
    stage_checked,
    stage_quarantine,
    temp_table,
)

if TYPE_CHECKING:
    from detente.events.direct import DirectWriter

KEEP: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
    "EventCode", "GoldsteinScale", "AvgTone",
)
"""Columns an event needs (plus SOURCEURL where the layout has it)."""


def detect_layout(path: Path) -> tuple[str, tuple[str, ...]]:
    """(dataset, layout) from the width of the first line; DataFormatError if no GDELT width."""
    head = first_line(path)
    if not head:
        raise DataFormatError("empty file", path=path, hint="nothing to import; check the download")
    width = head.count(b"\t") + 1
    if width not in LAYOUTS:
        raise DataFormatError(
            f"first line has {width} tab-separated columns; GDELT event files have 57 or 58 (1.0) or 61 (2.0)",
            path=path,
            line=1,
            hint="pass a GDELT event export (not a mentions or GKG file), or import it as `csv` with --map",
        )
    return LAYOUTS[width]


TYPES: dict[str, str] = {"SQLDATE": "DATE", "GoldsteinScale": "DOUBLE"}
"""Columns DuckDB's reader types itself (SQLDATE with :data:`DATE_FORMAT`); a value that does not
convert makes its row a reject, quarantined with the reason in :data:`CAST_REASONS`."""

DATE_FORMAT = "%Y%m%d"
CAST_REASONS: dict[str, str] = {"SQLDATE": BAD_DATE, "GoldsteinScale": BAD_NUMBER}


def _trim_sql(column: str) -> str:
    """``trim(column)``, called only on the values that start or end with a space.

    The same value as ``trim`` (it strips spaces only); GDELT's codes and ids almost never
    have one, and the two LIKE tests cost half what ``trim`` costs on every value
    (0.12 s against 0.19 s of CPU for the three columns of a million rows, DuckDB 2.0.1).
    """
    return f"CASE WHEN {column} LIKE ' %' OR {column} LIKE '% ' THEN trim({column}) ELSE {column} END"


def _mapped_sql(dataset: str, file: str, rows: str, *, url: bool, lines: bool = False) -> str:
    """The event columns of the GDELT rows of `rows` (a table or ``read_csv``), in their order.

    Root, quad and PLOVER category are not selected: the store derives them from the code
    (:mod:`detente.events.layout`). With `lines`, `rows` has a ``line`` column, stored as ``row``.
    """
    return f"""
    SELECT SQLDATE AS date,
      coalesce(nullif({_trim_sql('Actor1Code')}, ''), '{UNKNOWN_ACTOR}') AS source,
      coalesce(nullif({_trim_sql('Actor2Code')}, ''), '{UNKNOWN_ACTOR}') AS target,
      EventCode AS cameo, GoldsteinScale AS goldstein, {sql_str(dataset)} AS dataset,
      nullif({_trim_sql('GLOBALEVENTID')}, '') AS doc_id, 'day' AS date_precision,
      nullif(Actor1Name, '') AS source_name, nullif(Actor2Name, '') AS target_name,
      {"nullif(SOURCEURL, '')" if url else "CAST(NULL AS VARCHAR)"} AS url, {sql_str(file)} AS file,
      try_cast(AvgTone AS DOUBLE) AS tone{', line AS "row"' if lines else ''}
    FROM {rows}
    """


REASON_SQL = f"""CASE
  WHEN r.doc_id IS NULL THEN '{MISSING_FIELD}: GLOBALEVENTID'
  WHEN r.date IS NULL OR year(r.date) NOT BETWEEN 1900 AND 2100
    THEN '{BAD_DATE}: SQLDATE="' || coalesce(strftime(r.date, '{DATE_FORMAT}'), '') || '"'
  WHEN cb.code IS NULL THEN '{UNKNOWN_CAMEO}: EventCode="' || coalesce(r.cameo, '') || '"'
  WHEN r.goldstein IS NULL THEN '{BAD_NUMBER}: GoldsteinScale=""'
END"""
"""Why a stored GDELT row is not an event (NULL if it is), over the stored columns ``r`` and the codebook ``cb``:
no GLOBALEVENTID, a date outside 1900-2100, an EventCode not in the codebook, no GoldsteinScale."""


def _typed(value: str | None, column: str) -> Any:
    """A raw value of a 1.0 row of the other width, converted as the reader converts :data:`TYPES`."""
    if column == "SQLDATE":
        return datetime.strptime(value or "", DATE_FORMAT).date() if value else None
    if column == "GoldsteinScale":
        return float(value) if value else None
    return value


def _fails(value: str | None, column: str) -> bool:
    try:
        _typed(value, column)
    except ValueError:
        return True
    return False


def _sort_rejects(
    rejects: list[tuple[int, str, int | None, str]], dataset: str, layout: tuple[str, ...],
) -> tuple[list[tuple[int | None, str, str | None]], list[tuple[int, list[Any]]]]:
    """The reader's rejects as (quarantined rows, rows of the other GDELT 1.0 width with their typed values)."""
    other = {57: GDELT1_DAILY, 58: GDELT1_BACKFILE}.get(len(layout))
    widths = "57 or 58" if dataset == "gdelt1" else "61"
    quarantined: list[tuple[int | None, str, str | None]] = []
    alternate: list[tuple[int, list[Any]]] = []
    for line, kind, found, raw in rejects:
        if kind == "columns" and other is not None and found == len(other) and raw.count("\t") + 1 == len(other):
            fields = raw.split("\t")
            values = [fields[other.index(c)] if c in other else None for c in KEEP + ("SOURCEURL",)]
            try:
                alternate.append((line, [_typed(v, c) for v, c in zip(values, KEEP + ("SOURCEURL",))]))
            except ValueError:
                bad = next(c for v, c in zip(values, KEEP) if c in TYPES and _fails(v, c))
                quarantined.append((line, f"{CAST_REASONS[bad]}: {bad}=\"{values[KEEP.index(bad)]}\"", raw))
        else:
            reason = reject_reason(kind, found, widths, raw=raw, columns=layout, phrases=CAST_REASONS)
            quarantined.append((line, reason, raw))
    return quarantined, alternate


_ALTERNATE = "_gdelt_alt"


def _alternate_table(con: Any, alternate: list[tuple[int, list[Any]]]) -> None:
    """The rows of the other 1.0 width as a temp table with a ``line`` column and the :data:`KEEP` columns + SOURCEURL."""
    cols = KEEP + ("SOURCEURL",)
    temp_table(con, _ALTERNATE, {"line": ("BIGINT", [a[0] for a in alternate])} | {
        c: (TYPES.get(c, "VARCHAR"), [a[1][i] for a in alternate]) for i, c in enumerate(cols)
    })


def _write_direct(
    con: Any, plain: Path, direct: DirectWriter, *, dataset: str, layout: tuple[str, ...], file: str,
    line_count: Any,
) -> tuple[int, list[tuple[int, str, int | None, str]], int, int]:
    """One ``read_csv`` of `plain` straight into the store; returns (rows read, rejects, alternate rows, blank lines)."""
    import duckdb

    prepare_reader(con)
    source = reader_sql(plain, layout, types=TYPES, dateformat=DATE_FORMAT)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-lines") as pool:
        counted = pool.submit(line_count)  # beside the parse (both release the GIL)
        try:
            first, written = direct.insert(_mapped_sql(dataset, file, source, url="SOURCEURL" in layout))
        except duckdb.Error as exc:
            raise unreadable(plain, len(layout), exc) from exc
        total = counted.result()
    rejects = reader_rejects(con)
    account = account_lines(plain, total=total, accepted=written, rejected=[r[0] for r in rejects])
    direct.number(first, written, account.excluded)
    quarantined, alternate = _sort_rejects(rejects, dataset, layout)
    if alternate:
        _alternate_table(con, alternate)
        direct.insert(_mapped_sql(dataset, file, _ALTERNATE, url=True, lines=True))
    stage_quarantine(con, quarantined)
    direct.quarantine(REASON_SQL, plain, codebook=CODEBOOK)
    return written, rejects, len(alternate), account.blank


def _stage(
    con: Any, plain: Path, *, dataset: str, layout: tuple[str, ...], file: str, progress: ProgressCallback | None,
    line_count: Any,
) -> tuple[int, list[tuple[int, str, int | None, str]], int, int]:
    """`plain` parsed into the staging tables, checked with :data:`REASON_SQL`; returns what :func:`_write_direct` does."""
    url = "SOURCEURL" in layout
    keep = KEEP + (("SOURCEURL",) if url else ())
    read = read_delimited(
        con, plain, layout, keep=keep, progress=progress, types=TYPES, dateformat=DATE_FORMAT, line_count=line_count,
    )
    quarantined, alternate = _sort_rejects(read.rejects, dataset, layout)
    rows = _mapped_sql(dataset, file, read.table, url=url, lines=True)
    if alternate:
        _alternate_table(con, alternate)
        rows += f" UNION ALL {_mapped_sql(dataset, file, _ALTERNATE, url=True, lines=True)}"
    stage_quarantine(con, quarantined)
    checked = f'SELECT r."row" AS line, {REASON_SQL} AS reason, r.* FROM ({rows}) r LEFT JOIN {CODEBOOK} cb ON cb.code = r.cameo'
    stage_checked(con, checked, raw_from=plain, derived=True)
    return read.rows, read.rejects, len(alternate), read.blank


def import_gdelt(
    con: Any, path: Path, *, file: str, direct: DirectWriter | None = None, progress: ProgressCallback | None = None,
    scan: Any = None, **options: Any,
) -> Staged:
    """Import the events of one GDELT event file (see the module docstring).

    With `direct`, one ``read_csv`` of the file goes straight into the store's rows
    (:mod:`detente.events.direct`): the reader's rejects and the line count then give every row
    its physical line, and the rows that fail :data:`REASON_SQL` move to quarantine. Without,
    the file is parsed into the staging tables with the same checks (the store's path for a
    file it has imported before: an anti-join finds its events without writing them again).
    `scan` (a Future of :class:`~detente.events.importers.delimited.FileScan`) gives the line
    count of a plain file from the store's single pass over its bytes.
    """
    if options:
        raise DataFormatError(f"unknown option(s) for gdelt: {', '.join(options)}", path=path, hint="gdelt takes no options")
    create_codebook(con)
    with plain_file(path) as plain:
        dataset, layout = detect_layout(plain)
        line_count = (lambda: scan.result().lines) if scan is not None and plain == path else (lambda: count_lines(plain))
        if direct is not None:
            written, rejects, alternate, blank = _write_direct(
                con, plain, direct, dataset=dataset, layout=layout, file=file, line_count=line_count
            )
        else:
            written, rejects, alternate, blank = _stage(
                con, plain, dataset=dataset, layout=layout, file=file, progress=progress, line_count=line_count
            )
    notes = []
    if alternate:
        other = 58 if len(layout) == 57 else 57
        notes.append(f"{alternate} rows in the {other}-column GDELT 1.0 layout read with that layout")
    if blank:
        notes.append(f"{blank} blank lines skipped")
    return Staged(dataset=dataset, read=written + len(rejects), notes=notes)
