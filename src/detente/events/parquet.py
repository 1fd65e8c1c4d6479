"""Events as a partitioned Parquet dataset: the store's events beyond one machine.

A dataset is a directory in the Hive layout, one sub-directory per year and month
(``year=2025/month=2/part-<uuid>.parquet``), every file with the columns of
:data:`~detente.events.schema.EVENT_COLUMNS` (``event_id`` as its 32 hex digits) and
``imported_at``. Dask, Spark, DuckDB and pyarrow read it as one table and skip the
months a question does not need. Quarantined rows and the import log of imports
written straight to a dataset sit beside it, in ``_detente/`` (a leading underscore
keeps them out of the readers' view of the events).

- :func:`export_dataset` writes a store's events as a new dataset (``detente events
  export --parquet DIR``), into a temporary directory renamed into place;
- :func:`import_to_dataset` imports an event file straight into a dataset
  (``detente events import KIND FILE --parquet DIR``): the same importers, checks, ids
  and quarantine as the store, run in an in-memory store; events whose id the dataset
  holds already are not written again, so importing twice adds nothing here either.
"""

from __future__ import annotations

import os
import shutil
import uuid
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.errors import InputError, StoreError

if TYPE_CHECKING:
    from detente.events.store import EventStore, ImportSummary

PARTITIONS: tuple[str, ...] = ("year", "month")
SIDE = "_detente"
"""Sub-directory for quarantine and import-log files of a dataset."""


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def dataset_files(directory: Path) -> str:
    """The glob DuckDB reads a dataset's event files with."""
    return _sql_path(directory / "year=*" / "month=*" / "*.parquet")


def has_events(directory: Path) -> bool:
    """True if `directory` holds event files of a dataset."""
    return any(p for p in directory.glob("year=*/month=*/*.parquet"))


def check_dataset_dir(directory: str | Path, *, flag: str, new: bool, overwrite: bool = False) -> Path:
    """Validate a dataset directory given with `flag` before any work.

    `new`: the directory is written from scratch (export): it must not exist, or be
    empty, or `overwrite` is given. Otherwise (import) it may exist and hold a dataset,
    but not other files.
    """
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise InputError("is a file, not a directory", field=f"{flag} {directory}", hint="give a directory for the Parquet dataset")
    if not out.parent.is_dir():
        raise InputError("the parent directory does not exist", field=f"{flag} {directory}",
                         hint=f"create {out.parent} first or choose another path")
    if out.is_dir():
        strangers = [p.name for p in out.iterdir() if not (p.name.startswith("year=") or p.name == SIDE)]
        if strangers:
            raise InputError(
                f"the directory holds files that are not an event dataset ({', '.join(sorted(strangers)[:3])})",
                field=f"{flag} {directory}", hint="give a new or empty directory, or one written by detente",
            )
        if new and any(out.iterdir()) and not overwrite:
            raise InputError("the directory holds a dataset already", field=f"{flag} {directory}",
                             hint="choose another directory, or add --force to replace it")
    return out


def _copy_partitioned(con: Any, select_sql: str, target: Path) -> None:
    con.execute(
        f"COPY (SELECT *, year(date) AS year, month(date) AS month FROM ({select_sql})) TO {_sql_path(target)} "
        "(FORMAT parquet, PARTITION_BY (year, month), FILENAME_PATTERN 'part-{uuid}', APPEND)"
    )


def _move_into(staging: Path, directory: Path) -> None:
    """Move every file under `staging` to the same place under `directory` (renames on one file system)."""
    for path in sorted(staging.rglob("*.parquet")):
        dest = directory / path.relative_to(staging)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, dest)


def export_dataset(store: EventStore, directory: str | Path, *, overwrite: bool = False) -> int:
    """Write every event of `store` as a dataset in `directory`; returns the number of events.

    Written to a temporary directory beside it and renamed into place, so a failed
    export leaves nothing half-written; with `overwrite` an existing dataset is replaced.
    """
    out = check_dataset_dir(directory, flag="--parquet", new=True, overwrite=overwrite)
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        from detente.events.store import _event_columns_sql

        cols = _event_columns_sql(store._id_sql)
        _copy_partitioned(store.con, f"SELECT {cols}, imported_at FROM events", tmp)
        tmp.mkdir(exist_ok=True)  # an empty store still gives an (empty) dataset
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, (InputError, StoreError)):
            raise
        raise StoreError(f"cannot write {out}: {str(exc).splitlines()[0]}", hint="check the directory and free space") from exc
    return store.count()


def import_to_dataset(
    kind: str, path: str | Path, directory: str | Path, *, progress: Any = None, **options: Any
) -> ImportSummary:
    """Import one event file straight into the dataset in `directory` (created if absent).

    The file goes through an in-memory store (same checks, ids and quarantine as
    :meth:`~detente.events.store.EventStore.import_file`); its new events are appended
    as Parquet files under the year/month partitions, its quarantined rows and its
    import-log line under ``_detente/``. Events whose id the dataset holds already (in
    the months the file covers) count as duplicates.
    """
    from dataclasses import replace

    from detente.events.store import EventStore, _event_columns_sql

    out = check_dataset_dir(directory, flag="--parquet", new=False)
    with EventStore(":memory:") as memory:
        summary = memory.import_file(kind, path, progress=progress, **options)
        con = memory.con
        cols = _event_columns_sql(memory._id_sql)
        select = f"SELECT {cols}, imported_at FROM events"
        if has_events(out):
            months = con.execute("SELECT DISTINCT year(date), month(date) FROM events").fetchall()
            if months:
                wanted = " OR ".join(f"(year = {int(y)} AND month = {int(m)})" for y, m in months)
                con.execute(
                    f"CREATE TEMP TABLE _known AS SELECT DISTINCT event_id FROM read_parquet({dataset_files(out)}, "
                    f"hive_partitioning = true) WHERE {wanted}"
                )
                select = f"SELECT * FROM ({select}) n WHERE n.event_id NOT IN (SELECT event_id FROM _known)"
        staging = out.parent / f".{out.name}.tmp-{uuid.uuid4().hex[:8]}"
        try:
            added = con.execute(f"SELECT count(*) FROM ({select})").fetchall()[0][0]
            if added:
                _copy_partitioned(con, select, staging)
            side = staging / SIDE
            side.mkdir(parents=True, exist_ok=True)
            tag = uuid.uuid4().hex
            quarantine = "SELECT * FROM quarantine"
            known = sorted((out / SIDE).glob("quarantine-*.parquet"))
            if known:  # rows quarantined by an earlier import of the same file are kept once
                files = ", ".join(_sql_path(f) for f in known)
                quarantine += (
                    f" q WHERE NOT EXISTS (SELECT 1 FROM read_parquet([{files}]) o WHERE o.file = q.file "
                    "AND o.line IS NOT DISTINCT FROM q.line AND o.reason = q.reason)"
                )
            if con.execute(f"SELECT count(*) FROM ({quarantine})").fetchall()[0][0]:
                con.execute(f"COPY ({quarantine}) TO {_sql_path(side / f'quarantine-{tag}.parquet')} (FORMAT parquet)")
            con.execute(f"COPY imports TO {_sql_path(side / f'imports-{tag}.parquet')} (FORMAT parquet)")
            out.mkdir(exist_ok=True)
            _move_into(staging, out)
        except Exception as exc:
            if isinstance(exc, (InputError, StoreError)):
                raise
            raise StoreError(f"cannot write {out}: {str(exc).splitlines()[0]}", hint="check the directory and free space") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    already = summary.added - int(added)
    return replace(summary, added=int(added), duplicates=summary.duplicates + already)


def read_quarantine(directory: str | Path) -> Any:
    """The quarantined rows written beside a dataset (a pandas frame; empty if none)."""
    import duckdb

    files = sorted(Path(directory, SIDE).glob("quarantine-*.parquet"))
    con = duckdb.connect()
    if not files:
        return con.execute("SELECT NULL::VARCHAR AS file, NULL::BIGINT AS line, NULL::VARCHAR AS reason, "
                           "NULL::VARCHAR AS raw, NULL::TIMESTAMP AS imported_at LIMIT 0").df()
    names = ", ".join(_sql_path(f) for f in files)
    return con.execute(f"SELECT * FROM read_parquet([{names}]) ORDER BY imported_at, file, line").df()


def _client(scheduler: str) -> Any:
    """A dask.distributed Client for a scheduler address (``tcp://host:8786`` or ``host:8786``)."""
    distributed = require_scale("distributed", purpose="running on a Dask cluster (--scheduler)")
    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    try:
        return distributed.Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(
            f"cannot reach the Dask scheduler: {str(exc).splitlines()[0]}", field=f"--scheduler {scheduler}",
            hint="start one with `dask scheduler` (and workers with `dask worker ADDRESS`), or drop --scheduler to run locally",
        ) from exc


def require_scale(module: str, *, purpose: str) -> Any:
    """Import a module of the `scale` extra (Dask) for `purpose`, or say how to install it."""
    from detente.optional import require

    return require(module, extra="scale", purpose=purpose)


def read_dyads(
    directory: str | Path,
    dyads: list[tuple[str, str]],
    *,
    start: Any = None,
    end: Any = None,
    scheduler: str | None = None,
) -> Any:
    """The events of `dyads` (both directions) in [start, end] from a dataset, filtered with Dask DataFrame.

    The scan runs partition by partition on Dask (the local threads, or the cluster at
    `scheduler`), reading only the year partitions in range, and keeps each dyad's
    events by the one dyad rule (:mod:`detente.actors.dyads`: roles, groups, non-state
    roles) with one country's own events kept, as a store gives them to the relations
    code (``store.events(dyad=rule.with_domestic())``): the relations code then leaves
    those out and counts them (``attrs["domestic_events"]``), and counts or leaves out
    unasserted events (``--all-modalities``), the same way for both sources. The result
    is a pandas frame with the columns of :data:`~detente.events.schema.EVENT_COLUMNS`,
    like :meth:`~detente.events.store.EventStore.events`, so the relation series, the
    change table and the notes computed from it are those of the same events in a store.
    """
    import pandas as pd

    from detente.actors.dyads import as_dyad_filter
    from detente.events.schema import EVENT_COLUMNS

    dd = require_scale("dask.dataframe", purpose="reading a Parquet event dataset (--parquet)")
    rules = [as_dyad_filter(pair, field="actors").with_domestic() for pair in dyads]  # unknown actors fail before the scan
    root = Path(directory)
    if not root.is_dir() or not has_events(root):
        raise InputError("no Parquet event dataset here", field=f"--parquet {directory}",
                         hint="write one with `detente events export --parquet DIR` or `detente events import KIND FILE --parquet DIR`")
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    filters = []
    if lo is not None:
        filters.append(("year", ">=", int(lo.year)))
    if hi is not None:
        filters.append(("year", "<=", int(hi.year)))
    frame = dd.read_parquet(str(root), columns=list(EVENT_COLUMNS), filters=filters or None, dataset={"partitioning": "hive"})

    def keep(part: pd.DataFrame) -> pd.DataFrame:
        part = part.reset_index(drop=True)  # a partition may join several files, each indexed from 0
        part["date"] = pd.to_datetime(part["date"])
        if lo is not None:
            part = part[part["date"] >= lo]
        if hi is not None:
            part = part[part["date"] <= hi]
        source = part["source"].astype("string").str.upper().fillna("")
        target = part["target"].astype("string").str.upper().fillna("")
        wanted = pd.Series(False, index=part.index)
        for rule in rules:
            wanted |= rule.mask(source, target)
        return part[wanted][list(EVENT_COLUMNS)]

    meta = keep(frame._meta)
    selected = frame.map_partitions(keep, meta=meta)
    with warnings.catch_warnings():  # Dask's own use of a pandas keyword pandas has deprecated
        warnings.filterwarnings("ignore", message="The inplace keyword")
        if scheduler:
            client = _client(scheduler)
            try:
                result = client.compute(selected).result()
            finally:
                client.close()
        else:
            result = selected.compute(scheduler="threads")
    result = result.drop_duplicates("event_id").sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    return result
