"""Generic CSV / TSV / Parquet event tables, with a column mapping, to events.

A mapping says which input column holds which event field::

    detente events import csv my.csv --map date=day,source=actor1,target=actor2,cameo=code

or, in a YAML file (``--map mapping.yaml``)::

    dataset: mydata            # optional, default "csv" / "parquet"
    date_format: "%d/%m/%Y"    # optional strptime format; default ISO dates (or YYYYMMDD)
    columns:
      date: day
      source: actor1
      target: actor2
      cameo: code
      goldstein: score         # optional: taken from the CAMEO codebook when absent
      sentence: text           # any other Event field may be mapped too

Columns named like Event fields map to themselves without being listed, so a file
written by ``detente events export`` imports back with no mapping. Required fields:
``date``, ``source``, ``target``, ``cameo``. ``root`` and ``quad`` always come from
the codebook (a mapped ``quad`` is checked against it); ``doc_id`` is empty unless a
column gives it; ``dataset``, ``file`` and ``row`` default to the KIND (or
``--dataset``), the file imported and the 1-based line (CSV, header = line 1) or row
(Parquet), but when the table has these columns (an export of a store) their values
are kept as they are, so that events keep their original provenance.

Identity comes from the event, not from the import: ``doc_id``, ``origin_id``,
``sentence_index``, ``char_start``, date, actors and code (see ``Event.event_id``).
Importing the file again, under another ``--dataset`` or ``--map``, or the same rows
from another file, adds nothing. A table without such identifiers that lists the
same event twice keeps both copies (numbered in file order), so counts stay right.

Rows are quarantined for a bad date, an unknown CAMEO code (a dropped leading zero
is restored first: ``42`` -> ``042``), a non-numeric Goldstein score, a wrong column
count or a non-UTF-8 byte.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFormatError, InputError
from detente.events.importers.archives import plain_file
from detente.events.importers.delimited import first_line, read_delimited, reject_reason, run_with_progress
from detente.events.importers.quarantine import BAD_DATE, BAD_NUMBER, UNKNOWN_CAMEO, ProgressCallback
from detente.events.importers.staging import (
    CODEBOOK,
    EVENT_FIELDS,
    UNKNOWN_ACTOR,
    Staged,
    create_codebook,
    event_sql_types,
    sql_str,
    stage_checked,
    stage_quarantine,
)

REQUIRED: tuple[str, ...] = ("date", "source", "target", "cameo")
_DERIVED = ("root",)


def parse_mapping(spec: str | Path | dict[str, Any] | None) -> dict[str, Any]:
    """A mapping from `--map` text (`date=day,source=a1`), a YAML file path, or a dict.

    Returns ``{"columns": {field: column}, "dataset": str | None, "date_format": str | None}``.
    """
    if spec is None or spec == "":
        return {"columns": {}, "dataset": None, "date_format": None}
    raw: Any
    if isinstance(spec, dict):
        raw = spec
    elif isinstance(spec, Path) or str(spec).lower().endswith((".yaml", ".yml")):
        path = Path(spec)
        if not path.is_file():
            raise InputError("mapping file not found", path=path, hint="give a YAML file or field=column pairs")
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"invalid YAML ({exc})", path=path, hint="see docs/how-to/import-event-data.md") from exc
    else:
        raw = {}
        for part in str(spec).split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise InputError(
                    f"mapping entry {part.strip()!r} is not field=column", field="map",
                    hint="write --map date=day,source=actor1,target=actor2,cameo=code",
                )
            key, value = part.split("=", 1)
            raw[key.strip()] = value.strip()
    if not isinstance(raw, dict):
        raise InputError("a mapping is a set of field: column pairs", field="map", hint="see docs/how-to/import-event-data.md")
    columns = dict(raw.get("columns") or {k: v for k, v in raw.items() if k not in ("dataset", "date_format")})
    unknown = [k for k in columns if k not in EVENT_FIELDS or k in _DERIVED]
    if unknown:
        raise InputError(
            f"cannot map {', '.join(map(repr, unknown))}", field="map",
            hint=f"map Event fields: {', '.join(f for f in EVENT_FIELDS if f not in _DERIVED)}",
        )
    return {"columns": {k: str(v) for k, v in columns.items()}, "dataset": raw.get("dataset"),
            "date_format": raw.get("date_format")}


def _sniff_delimiter(head: str) -> str:
    counts = {d: head.count(d) for d in ("\t", ",", ";", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _checked_sql(
    columns: dict[str, str], *, dataset: str, date_format: str | None, file: str, raw_json: bool
) -> str:
    types_ = event_sql_types()

    def col(field: str) -> str:
        return f'r."{columns[field]}"'

    def shown(field: str) -> str:
        return f"'{columns[field]}=\"' || coalesce({col(field)}, '') || '\"'"

    if date_format:
        date_expr = f"try_strptime({col('date')}, {sql_str(date_format)})::DATE"
    else:
        date_expr = (
            f"coalesce(try_cast({col('date')} AS DATE), try_strptime({col('date')}, '%Y%m%d')::DATE, "
            f"try_cast(try_cast({col('date')} AS TIMESTAMP) AS DATE))"
        )
    gold_in = f"try_cast({col('goldstein')} AS DOUBLE)" if "goldstein" in columns else "NULL"
    reasons = [
        f"WHEN r._date IS NULL OR year(r._date) NOT BETWEEN 1000 AND 2200 THEN '{BAD_DATE}: ' || {shown('date')}",
        f"WHEN cb.code IS NULL AND cb0.code IS NULL THEN '{UNKNOWN_CAMEO}: ' || {shown('cameo')}",
    ]
    if "goldstein" in columns:
        reasons.append(
            f"WHEN r._gold IS NULL AND nullif(trim({col('goldstein')}), '') IS NOT NULL "
            f"THEN '{BAD_NUMBER}: ' || {shown('goldstein')}"
        )
    if "quad" in columns:
        reasons.append(
            f"WHEN try_cast({col('quad')} AS INTEGER) IS DISTINCT FROM coalesce(cb.quad, cb0.quad) "
            f"AND nullif(trim({col('quad')}), '') IS NOT NULL "
            f"THEN '{BAD_NUMBER}: ' || {shown('quad')} || ' (the codebook says ' || coalesce(cb.quad, cb0.quad) || ')'"
        )
    select = [
        "r.line", "CASE " + " ".join(reasons) + " END AS reason", "r._date AS date",
        f"coalesce(nullif(upper(trim({col('source')})), ''), '{UNKNOWN_ACTOR}') AS source",
        f"coalesce(nullif(upper(trim({col('target')})), ''), '{UNKNOWN_ACTOR}') AS target",
        "coalesce(cb.code, cb0.code) AS cameo", "coalesce(cb.root, cb0.root) AS root",
        "coalesce(cb.quad, cb0.quad) AS quad", "coalesce(r._gold, cb.goldstein, cb0.goldstein) AS goldstein",
        (f"coalesce(nullif(trim({col('dataset')}), ''), {sql_str(dataset)})" if "dataset" in columns
         else sql_str(dataset)) + " AS dataset",
        (f"coalesce(nullif(trim({col('doc_id')}), ''), '')" if "doc_id" in columns else "''") + " AS doc_id",
        (f"nullif({col('file')}, '')" if "file" in columns else sql_str(file)) + " AS file",
        (f'try_cast(nullif({col("row")}, \'\') AS BIGINT)' if "row" in columns else "r.line") + ' AS "row"',
    ]
    if raw_json:
        select.append("to_json(r) AS _raw_text")
    if "plover" not in columns:
        select.append("coalesce(cb.plover, cb0.plover) AS plover")
    if "negated" not in columns:
        select.append("false AS negated")
    if "date_precision" not in columns:
        select.append("'day' AS date_precision")
    for field, typ in types_.items():
        if field in columns and field not in (
            "date", "source", "target", "cameo", "goldstein", "quad", "doc_id", "dataset", "file", "row"
        ):
            expr = f"nullif({col(field)}, '')"
            select.append(f'try_cast({expr} AS {typ}) AS "{field}"' if typ != "VARCHAR" else f'{expr} AS "{field}"')
    return (
        f"SELECT {', '.join(select)} FROM ("
        f"SELECT *, {date_expr} AS _date, {gold_in} AS _gold FROM _raw r) r "
        f"LEFT JOIN {CODEBOOK} cb ON cb.code = trim({col('cameo')}) "
        f"LEFT JOIN {CODEBOOK} cb0 ON cb0.code = '0' || trim({col('cameo')})"
    )


def import_tabular(
    con: Any,
    path: Path,
    *,
    file: str,
    fmt: str = "csv",
    mapping: str | Path | dict[str, Any] | None = None,
    dataset: str | None = None,
    date_format: str | None = None,
    progress: ProgressCallback | None = None,
    scan: Any = None,
) -> Staged:
    """Stage the events of a CSV/TSV (`fmt="csv"`) or Parquet (`fmt="parquet"`) table (see the module docstring)."""
    spec = parse_mapping(mapping)
    dataset = dataset or spec["dataset"] or fmt
    date_format = date_format or spec["date_format"]
    create_codebook(con)
    with plain_file(path) as plain:
        rejects: list[tuple[int, str, int | None, str]] = []
        records = False
        if fmt == "parquet":
            try:
                names = [r[0] for r in con.execute(
                    f"DESCRIBE SELECT * FROM read_parquet({sql_str(str(plain))})"
                ).fetchall()]
            except Exception as exc:
                raise DataFormatError(f"not a readable Parquet file: {str(exc).splitlines()[0]}", path=path,
                                      hint="check the file; use kind csv for text tables") from exc
            cols = ", ".join(f'CAST("{n}" AS VARCHAR) AS "{n}"' for n in names)
            run_with_progress(
                con,
                f"CREATE OR REPLACE TEMP TABLE _raw AS SELECT file_row_number + 1 AS line, {cols} "
                f"FROM read_parquet({sql_str(str(plain))}, file_row_number = true)",
                progress, "parse",
            )
            read = con.execute("SELECT count(*) FROM _raw").fetchall()[0][0]
            blank = 0
        else:
            head = first_line(plain).decode("utf-8", errors="replace")
            delimiter = _sniff_delimiter(head)
            names = next(csv.reader(io.StringIO(head), delimiter=delimiter))
            names = [n.strip() for n in names]
            if names:
                names[0] = names[0].lstrip("\ufeff")  # a byte-order mark from spreadsheet exports
            if len(set(names)) != len(names):
                raise DataFormatError("duplicate column names in the header", path=path, line=1,
                                      hint="give every column a distinct name")
            result = read_delimited(
                con, plain, tuple(names), header=True, delimiter=delimiter, quote='"', progress=progress,
                line_count=(lambda: scan.result().lines) if scan is not None and plain == path else None,
            )
            rejects, read, blank = result.rejects, result.rows + len(result.rejects), result.blank
            records = result.records
        columns = {f: f for f in EVENT_FIELDS if f in names and f not in _DERIVED}
        columns.update(spec["columns"])
        missing = [f for f in REQUIRED if f not in columns]
        absent = [f"{f}={c}" for f, c in columns.items() if c not in names]
        if missing or absent:
            problem = (f"no column mapped to {', '.join(missing)}" if missing else "") + (
                ("; " if missing else "") + f"mapped columns not in the file: {', '.join(absent)}" if absent else "")
            raise DataFormatError(
                problem, path=path,
                hint=f"the file has columns {', '.join(names[:12])}{' ...' if len(names) > 12 else ''}; "
                "map them with --map date=COL,source=COL,target=COL,cameo=COL",
            )
        stage_quarantine(con, [(line, reject_reason(kind, found, len(names)), raw) for line, kind, found, raw in rejects])
        no_lines = fmt == "parquet" or records  # raw rows cannot be read back by line number
        sql = _checked_sql(columns, dataset=dataset, date_format=date_format, file=file, raw_json=no_lines)
        stage_checked(con, sql, raw_from=None if no_lines else plain, raw_column="_raw_text" if no_lines else None,
                      occurrence=True)
    notes = [f"{blank} blank lines skipped"] if blank else []
    if records:
        notes.append("quoted fields span several lines, so `row` and quarantine lines are record numbers (header = 1)")
    return Staged(dataset=dataset, read=int(read), notes=notes)
