"""CLI commands: ``detente events import | list | quarantine | export``.

Each command opens the EventStore (``--db``, default ``$DETENTE_DB`` or
``./detente.duckdb``), calls one store method and renders the result.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from detente.cli.output import console, err_console, print_json, print_table
from detente.errors import DetenteError, InputError

DB_HELP = "Event store (a DuckDB file). Default: $DETENTE_DB, else ./detente.duckdb."
KIND_HELP = "gdelt (1.0 or 2.0, width auto-detected; .zip ok), icews (.tab), plover (.json), csv, parquet."
MAP_HELP = (
    "csv/parquet: which column holds which event field, as field=column pairs "
    "(date=day,source=actor1,target=actor2,cameo=code) or a YAML mapping file."
)

events_app = typer.Typer(
    name="events",
    help="Import event data (GDELT, ICEWS, PLOVER, CSV/Parquet) into an event store, list, export it.",
    no_args_is_help=True,
)


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows as dicts with None for every missing value (NaN, NA, NaT)."""
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def _store(db: Path | None, *, read_only: bool = False) -> Any:
    from detente.events.store import EventStore

    return EventStore(db, read_only=read_only)


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A rich progress bar on stderr when it is a terminal; None otherwise."""
    if not err_console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
        console=err_console, transient=True,
    )
    with bar:
        task = bar.add_task(label, total=1.0)

        def update(stage: str, fraction: float) -> None:
            bar.update(task, completed=fraction, description=f"{label}: {stage}")

        yield update


@events_app.command("import")
def import_(
    kind: str = typer.Argument(..., help=KIND_HELP, metavar="KIND"),
    files: list[Path] = typer.Argument(..., help="One or more files of that kind.", metavar="FILE..."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    mapping: str | None = typer.Option(None, "--map", help=MAP_HELP),
    dataset: str | None = typer.Option(None, "--dataset", help="csv/parquet: dataset name stored with the events."),
    date_format: str | None = typer.Option(
        None, "--date-format", help="csv/parquet: strptime format of the date column, e.g. %d/%m/%Y."
    ),
    parquet: Path | None = typer.Option(
        None, "--parquet", metavar="DIR",
        help="Write the events to this partitioned Parquet dataset (year=/month=) instead of the store.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the import summaries as JSON."),
) -> None:
    """Import event files; each file is all-or-nothing and importing it again adds nothing.

    Rows that do not parse are kept in the quarantine table with their line and
    reason (see `detente events quarantine`). Exit code 2 if any file could not be
    imported at all; the others are still imported.

    Examples:

        detente events import gdelt 20250212.export.CSV.zip

        detente events import icews events.2018.tab --db events.duckdb

        detente events import csv mine.csv --map date=day,source=a1,target=a2,cameo=code

        detente events import gdelt 2025*.export.CSV.zip --parquet events-dataset/
    """
    from detente.events.importers import get_importer

    get_importer(kind)  # fail early on an unknown kind
    if parquet is not None:
        from detente.events.parquet import check_dataset_dir

        if db is not None:
            raise InputError("--db and --parquet exclude each other", field="--parquet",
                             hint="import into a store (--db) or into a Parquet dataset (--parquet), not both")
        check_dataset_dir(parquet, flag="--parquet", new=False)
    options: dict[str, Any] = {}
    if kind.lower() in ("csv", "parquet"):
        options = {"mapping": mapping, "dataset": dataset, "date_format": date_format}
    elif mapping or dataset or date_format:
        raise InputError(
            f"--map, --dataset and --date-format apply to csv and parquet, not {kind}", field="--map",
            hint="drop those options, or use KIND csv/parquet",
        )
    summaries: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []

    def run(do_import: Any) -> None:
        for path in files:
            try:
                with _progress(path.name) as progress:
                    summary = do_import(path, progress)
            except DetenteError as exc:
                failures.append({"file": str(path), "error": str(exc)})
                if not as_json:
                    err_console.print(f"error: {exc}", highlight=False, markup=False)
                continue
            summaries.append(summary.to_dict())

    if parquet is not None:
        from detente.events.parquet import import_to_dataset

        run(lambda path, progress: import_to_dataset(kind, path, parquet, progress=progress, **options))
        total = sum(s["added"] for s in summaries)
        db_path = str(parquet)
    else:
        with _store(db) as store:
            run(lambda path, progress: store.import_file(kind, path, progress=progress, **options))
            total = store.count()
            db_path = str(store.path)
    if as_json:
        where = {"parquet": db_path, "events_added": total} if parquet is not None else {"db": db_path, "events_in_store": total}
        print_json({**where, "imports": summaries, "failures": failures})
    else:
        print_table(
            ["file", "dataset", "read", "added", "duplicates", "quarantined", "seconds"],
            [[Path(s["file"]).name, s["dataset"], s["read"], s["added"], s["duplicates"], s["quarantined"],
              s["seconds"]] for s in summaries],
            title=(f"Imported into the Parquet dataset {db_path} ({total} events added)" if parquet is not None
                   else f"Imported into {db_path} ({total} events in the store)"),
            digits=2,
        )
        for s in summaries:
            for note in s["notes"]:
                err_console.print(f"note: {Path(s['file']).name}: {note}", highlight=False, markup=False, soft_wrap=True)
            if s["quarantined"]:
                see = (f"they are in {Path(db_path) / '_detente'}" if parquet is not None
                       else f"see `detente events quarantine --db {db_path}`")
                err_console.print(
                    f"note: {Path(s['file']).name}: {s['quarantined']} rows quarantined; {see}",
                    highlight=False, markup=False, soft_wrap=True,
                )
    if failures:
        raise typer.Exit(code=2)


@events_app.command("list")
def list_(
    db: Path | None = typer.Option(
        None, "--db", help="Event store (a DuckDB file). Default: $DETENTE_DB, else ./detente.duckdb if present, else the built-in timeline.",
    ),
    timeline: Path | None = typer.Option(None, "--timeline", help="List the events of your own timeline YAML instead."),
    case: str | None = typer.Option(None, "--case", help="List a built-in case's timeline (see `detente case list`)."),
    dyad: tuple[str, str] | None = typer.Option(
        None, "--dyad", help="Two actors (codes or names): events between them, both directions (e.g. --dyad USA Russia).",
        metavar="A B",
    ),
    directed: bool = typer.Option(False, "--directed", help="With --dyad: only events from A to B."),
    actor: str | None = typer.Option(None, "--actor", help="Events where this actor (code or name) is source or target."),
    code: list[str] | None = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 04 or 042 (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="First date, YYYY-MM-DD (or YYYY-MM, YYYY)."),
    until: str | None = typer.Option(None, "--until", help="Last date, inclusive, YYYY-MM-DD (or YYYY-MM, YYYY)."),
    dataset: str | None = typer.Option(None, "--dataset", help="Only events of this dataset (gdelt2, icews, case, ...)."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many events (oldest first)."),
    as_json: bool = typer.Option(False, "--json", help="Print the events as JSON records (every column)."),
) -> None:
    """List events, oldest first: from an event store, or with no store from the built-in timeline.

    The data source follows the one rule of the relations commands: --db, --timeline or
    --case, else $DETENTE_DB, else ./detente.duckdb if present, else the built-in timeline
    of us-russia-2025. Actors are codes or names; codes match with their roles (USA
    matches USAGOV) and groups match their members (EUR matches the EU states). A dyad
    leaves out a country's own events (--dyad EUR DEU: not the German government against
    the German police) and says how many.

    Example: detente events list --dyad USA Russia --code 04 --since 2025-02
    """
    from detente.actors import lookup
    from detente.relations.sources import choose_source, list_events, parse_range

    who = lookup(actor, field="--actor") if actor is not None else None
    rule = _dyad_rule(dyad) if dyad is not None else None
    if directed and rule is None:
        raise InputError("needs --dyad A B", field="--directed", hint="add --dyad A B, or drop --directed")
    codes = [_cameo_prefix(c) for c in code or ()]
    lo, hi = parse_range(since, until)
    listing = list_events(choose_source(db, timeline, case), actor=who, dyad=rule, directed=directed, cameo=codes, start=lo, end=hi,
                          dataset=dataset, limit=limit)
    frame, domestic, where = listing.events, listing.domestic, listing.where
    if domestic and rule is not None:
        countries = ", ".join(rule.countries[:3]) + (" ..." if len(rule.countries) > 3 else "")
        err_console.print(
            f"note: {domestic} event(s) between two sides of one country ({countries}) left out: a country's own events are "
            f"not {'-'.join(rule.pair)} events (list them with --actor {rule.countries[0]}, or a --dyad of two sides of it, e.g. {rule.countries[0]}GOV {rule.countries[0]}COP)",
            highlight=False, markup=False, soft_wrap=True,
        )
    frame = frame.copy()
    import pandas as pd  # only the commands that show frames need pandas

    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    if as_json:
        print_json(_records(frame))
        if frame.empty:  # the list stays valid JSON; the note goes to stderr
            err_console.print(f"note: no events match these filters in {where}", highlight=False, markup=False, soft_wrap=True)
        return
    if frame.empty:
        console.print(f"note: no events match these filters in {where}", highlight=False, markup=False, soft_wrap=True)
        return
    from datetime import date as _date

    from detente.cases.timeline import date_label

    rows = []
    for r in _records(frame):
        text = r["sentence"] or r["note"] or ""
        marks = ", ".join(x for x in ("not" if r.get("negated") else "", r.get("modality") or "") if x)
        shown = date_label(_date.fromisoformat(r["date"]), r.get("date_precision") or "day")  # 2019, not 2019-01-01
        rows.append([
            shown, r["source"], r["target"], r["cameo"], r["goldstein"], marks, r["dataset"], r["doc_id"],
            (text[:70] + "\u2026") if len(text) > 70 else text,
        ])
    print_table(["date", "source", "target", "cameo", "goldstein", "modality", "dataset", "doc_id", "sentence / note"], rows,
                title=f"{len(frame)} events from {where}" + (" (limit reached: --limit shows more)" if len(frame) == limit else ""))


def _dyad_rule(values: tuple[str, str]) -> Any:
    """``--dyad A B``: the one dyad rule (:func:`detente.actors.dyads.dyad_filter`) for two actors as people type them.

    ``--dyad USA-RUS`` (one word) lets the option take the next flag as B; that is said,
    with the fix, instead of an unknown actor ``--since``.
    """
    from detente.actors import lookup
    from detente.actors.dyads import dyad_filter

    first, second = values
    if second.startswith("--") or first.startswith("--"):
        raise InputError(f"takes two actors, got '{first}' and '{second}'", field="--dyad",
                         hint="write the two actors as two words: --dyad USA RUS, or --dyad 'United States' Russia")
    return dyad_filter(lookup(first, field="--dyad"), lookup(second, field="--dyad"))


def _cameo_prefix(value: str) -> str:
    """A ``--code`` value: a CAMEO code or root from the codebook (``04``, ``042``, ``1384``)."""
    from detente import ontology

    text = value.strip()
    if not text.isdigit() or not ontology.is_code(text):
        raise InputError(f"'{value}' is not a CAMEO code or root", field="--code", hint="give digits from the CAMEO codebook, e.g. 04 (consult) or 042")
    return text


@events_app.command("quarantine")
def quarantine(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    file: Path | None = typer.Option(None, "--file", help="Only rows of this imported file."),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON records."),
) -> None:
    """Rows that did not parse: file, line, reason and the raw text, for fixing or reporting."""
    with _store(db, read_only=True) as store:
        frame = store.quarantine(file=file)
    total = len(frame)
    frame = frame.head(limit)
    if as_json:
        print_json({"total": total, "rows": _records(frame)})
        return
    rows = [[Path(r["file"]).name, r["line"], r["reason"], (r["raw"] or "")[:60]] for r in _records(frame)]
    print_table(["file", "line", "reason", "raw"], rows, title=f"{total} quarantined rows" + (
        f" (first {limit})" if total > limit else ""))


@events_app.command("export")
def export(
    file: Path | None = typer.Argument(
        None, help="Output file: .parquet or .csv (written atomically).", metavar="FILE", show_default=False
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    parquet: Path | None = typer.Option(
        None, "--parquet", metavar="DIR",
        help="Write a partitioned Parquet dataset (year=YYYY/month=M/part-*.parquet) to this new directory instead.",
    ),
    force: bool = typer.Option(False, "--force", help="With --parquet: replace a dataset already in DIR."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Export every stored event (all columns, oldest first) to Parquet or CSV, or as a partitioned dataset.

    The file imports back with `detente events import csv|parquet FILE` and no mapping,
    keeping each event's provenance and id. `--parquet DIR` writes the Hive layout that
    Dask, Spark and DuckDB read as one table.

    Examples:

        detente events export all-events.parquet --db events.duckdb

        detente events export --parquet events-dataset/ --db events.duckdb
    """
    if (file is None) == (parquet is None):
        raise InputError("give either FILE or --parquet DIR", field="--parquet",
                         hint="detente events export events.parquet, or detente events export --parquet DIR")
    if force and parquet is None:
        raise InputError("--force applies to --parquet", field="--force", hint="drop --force, or export with --parquet DIR")
    if parquet is not None:
        from detente.events.parquet import check_dataset_dir, export_dataset

        check_dataset_dir(parquet, flag="--parquet", new=True, overwrite=force)
        with _store(db, read_only=True) as store:
            count = export_dataset(store, parquet, overwrite=force)
        target = str(parquet)
    else:
        from detente.files import check_output

        check_output(file, flag="FILE", suffixes=[".parquet", ".csv"])
        with _store(db, read_only=True) as store:
            count = store.export(file)
        target = str(file)
    if as_json:
        print_json({"parquet" if parquet is not None else "file": target, "events": count})
    else:
        console.print(f"wrote {count} events to {target}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the `events` command group to the app."""
    app.add_typer(events_app, name="events")
