"""Where relations read their events: one rule for choosing the data source, and one way to select events.

The rule (:func:`choose_source`), the same for ``relations``, ``shifts``, ``triangle``,
``events list`` and the web workspace:

1. what the user named explicitly, at most one of: ``--db FILE`` (a DuckDB event
   store), ``--parquet DIR`` (a partitioned Parquet dataset written by ``detente events
   export --parquet`` or ``events import ... --parquet``, read with Dask DataFrame,
   on the local threads or on the cluster at ``--scheduler`` / ``$DETENTE_SCHEDULER``),
   ``--timeline FILE`` (a timeline YAML of their own, in the schema of
   ``detente/cases/timelines/*.yaml``) or ``--case NAME`` (a built-in case's timeline);
2. else ``$DETENTE_DB`` (which must then exist: a name that points nowhere is an
   error, not a silent fall-back);
3. else ``./detente.duckdb`` if it exists in the working directory;
4. else the built-in timeline of the default case (:data:`DEFAULT_CASE`).

The choice records why it was made (``reason``), so every table can say where its
numbers come from. A store file is checked by the store's own rule, a Parquet
dataset by the dataset's, and a scheduler address by the executor's, before any work.
A scheduler is used only to read a Parquet dataset: ``--scheduler`` without
``--parquet`` is an error, and a ``$DETENTE_SCHEDULER`` that does not apply is said in
a note (:attr:`SourceChoice.notes`), never ignored in silence.

Parquet and DuckDB give the same numbers: Dask does the scan (the large part: every
partition of the years in range, filtered to the dyads' events by the relations
rules, :func:`detente.events.parquet.read_dyads`), and the small selected frame is
then aggregated into period series and change tables by the same pandas code as every
other source, so the arithmetic is one and the same.

:func:`select_events` applies the event store's filters (actor, dyad, CAMEO code,
dates, dataset, limit) to any source, with the store's own actor rule
(:func:`detente.actors.actor_prefixes`), so ``events list`` answers the same on a
store and on a timeline; :func:`list_events` is that listing on any chosen source.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from detente.errors import InputError

if TYPE_CHECKING:
    from detente.actors.dyads import DyadFilter

DEFAULT_CASE = "us-russia-2025"
"""The built-in case whose timeline is used when nothing else is given."""

ENV_DB = "DETENTE_DB"
LOCAL_DB = "detente.duckdb"

SourceKind = Literal["store", "parquet", "timeline", "case"]


@dataclass(frozen=True)
class SourceChoice:
    """Which events to read and why: a store file, a Parquet dataset, a timeline file or a built-in case."""

    kind: SourceKind
    reason: str  # "--db", "$DETENTE_DB", "./detente.duckdb", "--parquet", "--timeline", "--case", "default"
    path: Path | None = None
    case: str | None = None
    scheduler: str | None = None  # the Dask scheduler a Parquet dataset is read on (None: local threads)
    notes: tuple[str, ...] = ()  # settings that did not apply, said to the user

    def label(self) -> str:
        """A short name for captions: ``event store my.duckdb (--db)``."""
        if self.kind == "store":
            return f"event store {self.path} ({self.reason})"
        if self.kind == "parquet":
            where = f"Dask scheduler {self.scheduler}" if self.scheduler else "local Dask threads"
            return f"Parquet dataset {self.path} (--parquet, read on {where})"
        if self.kind == "timeline":
            return f"timeline {self.path} (--timeline)"
        return f"built-in timeline of {self.case}" + (" (--case)" if self.reason == "--case" else "")


@dataclass
class EventSource:
    """Events read from a source, with the choice behind them and a one-line description."""

    events: pd.DataFrame
    choice: SourceChoice
    description: str
    notes: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.choice.kind

    @property
    def path(self) -> str | None:
        return None if self.choice.path is None else str(self.choice.path)

    def to_record(self) -> dict[str, Any]:
        """The source as JSON: kind, reason, path or case, number of events, description."""
        return {
            "kind": self.choice.kind, "reason": self.choice.reason, "path": self.path, "case": self.choice.case,
            "scheduler": self.choice.scheduler, "events": int(len(self.events)), "description": self.description,
            "notes": list(self.notes),
        }


def check_store_file(path: str | Path, *, flag: str) -> Path:
    """A path that must be an existing event store, checked before any work by the store's own rule.

    :func:`detente.events.store.check_store_file` reads the file's first bytes and names
    `flag` (``--db``, ``$DETENTE_DB``) in its error, so the wording is the same for every
    command and the user knows which setting to fix.
    """
    from detente.events.store import check_store_file as check_store

    store = Path(path)
    check_store(store, read_only=True, flag=flag)
    return store


def check_parquet_dir(directory: str | Path) -> Path:
    """``--parquet DIR``: an existing directory holding a detente event dataset, checked before any work."""
    from detente.events.parquet import check_dataset_dir, has_events

    path = Path(directory)
    hint = "write one with `detente events export --parquet DIR` or `detente events import KIND FILE --parquet DIR`"
    if not path.exists():
        raise InputError("no such directory", field=f"--parquet {directory}", hint=hint)
    check_dataset_dir(path, flag="--parquet", new=False)
    if not has_events(path):
        raise InputError("no Parquet event dataset here (no year=*/month=*/*.parquet files)", field=f"--parquet {directory}", hint=hint)
    return path


def check_scheduler(scheduler: str | None, *, parquet: bool, environ: Mapping[str, str]) -> tuple[str | None, tuple[str, ...]]:
    """The scheduler address a Parquet dataset is read on, and the notes to show.

    ``--scheduler`` wins over ``$DETENTE_SCHEDULER``; both are checked by the executor's
    rule (:func:`detente.bargaining.executor.scheduler_address`). Only a Parquet dataset
    is read on Dask: ``--scheduler`` without ``--parquet`` is an error; a
    ``$DETENTE_SCHEDULER`` (set for Monte Carlo runs) gives a note that it was not used.
    """
    from detente.bargaining.executor import ENV, scheduler_address

    env = (environ.get(ENV) or "").strip() or None
    if not parquet:
        if scheduler is not None:
            raise InputError("only applies to a Parquet dataset read with Dask", field="--scheduler",
                             hint="add --parquet DIR (see `detente events export --parquet`), or drop --scheduler")
        return None, ((f"${ENV} ({env}) not used: only a --parquet dataset is read on Dask",) if env else ())
    if scheduler is not None:
        return scheduler_address(scheduler), ()
    if env is None:
        return None, ()
    try:
        return scheduler_address(env), ()
    except InputError as exc:
        message = exc.message.removeprefix("--scheduler: ")
        raise InputError(message, field=f"${ENV}", hint=exc.hint) from None


def choose_source(
    db: str | Path | None = None,
    timeline: str | Path | None = None,
    case: str | None = None,
    *,
    parquet: str | Path | None = None,
    scheduler: str | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
) -> SourceChoice:
    """The data source by the module's rule, checked (files exist and are what they claim) but not read.

    `scheduler` is the ``--scheduler`` flag (None: ``$DETENTE_SCHEDULER`` from `environ`);
    it applies to `parquet` only (:func:`check_scheduler`).
    """
    given = [(flag, value) for flag, value in (("--db", db), ("--parquet", parquet), ("--timeline", timeline), ("--case", case))
             if value is not None]
    if len(given) > 1:
        flags = " and ".join(flag for flag, _ in given)
        raise InputError(f"{flags} name two data sources", field=given[1][0], hint="give one of --db, --parquet, --timeline, --case")
    environ = os.environ if environ is None else environ
    address, notes = check_scheduler(scheduler, parquet=parquet is not None, environ=environ)
    choice = _choose(db, timeline, case, parquet, address, environ, cwd)
    return replace(choice, notes=notes) if notes else choice


def _choose(
    db: str | Path | None, timeline: str | Path | None, case: str | None, parquet: str | Path | None,
    scheduler: str | None, environ: Mapping[str, str], cwd: str | Path | None,
) -> SourceChoice:
    if parquet is not None:
        return SourceChoice("parquet", "--parquet", check_parquet_dir(parquet), scheduler=scheduler)
    if db is not None:
        return SourceChoice("store", "--db", check_store_file(db, flag="--db"))
    if timeline is not None:
        path = Path(timeline)
        if not path.is_file():
            raise InputError("no such file", field=f"--timeline {timeline}", hint="give a timeline YAML (see docs/how-to/track-a-dyad.md)")
        return SourceChoice("timeline", "--timeline", path)
    if case is not None:
        from detente.cases.timeline import available_timelines

        known = available_timelines()
        if case not in known:
            import difflib

            near = difflib.get_close_matches(case, known, n=3, cutoff=0.5)
            hint = f"did you mean {' or '.join(near)}?" if near else f"choose one of: {', '.join(known)}"
            raise InputError(f"no built-in timeline for case '{case}'", field="--case", hint=hint)
        return SourceChoice("case", "--case", case=case)
    env = environ.get(ENV_DB)
    if env:
        return SourceChoice("store", f"${ENV_DB}", check_store_file(env, flag=f"${ENV_DB}"))
    local = Path(cwd or ".") / LOCAL_DB
    if local.exists():
        return SourceChoice("store", f"./{LOCAL_DB}", check_store_file(local, flag=f"./{LOCAL_DB}"))
    return SourceChoice("case", "default", case=DEFAULT_CASE)


def parse_bound(value: str | date | None, *, end: bool, flag: str) -> pd.Timestamp | None:
    """A date bound from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an end bound is the last day of that period.

    >>> parse_bound("2025-02", end=True, flag="--until")
    Timestamp('2025-02-28 00:00:00')
    """
    if value is None:
        return None
    if isinstance(value, date):
        return pd.Timestamp(value)
    text = str(value).strip()
    for fmt, period in (("%Y-%m-%d", None), ("%Y-%m", pd.offsets.MonthEnd(0)), ("%Y", pd.offsets.YearEnd(0))):
        try:
            day = pd.Timestamp(datetime.strptime(text, fmt))
        except ValueError:
            continue
        return day + period if end and period is not None else day
    raise InputError(f"bad date '{value}'", field=flag, hint="write YYYY-MM-DD, YYYY-MM or YYYY")


def parse_range(since: str | date | None, until: str | date | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """``--since`` and ``--until`` as the first and the last day (:func:`parse_bound`); since after until is an error."""
    lo, hi = parse_bound(since, end=False, flag="--since"), parse_bound(until, end=True, flag="--until")
    if lo is not None and hi is not None and lo > hi:
        raise InputError(f"{since} is after --until {until}", field="--since", hint="swap the two dates")
    return lo, hi


def read_timeline(path: str | Path) -> Any:
    """A user's timeline YAML, validated as the built-in ones are; errors name the file and line.

    :func:`detente.cases.timeline.load_timeline_file` reads and validates it; this adds
    the line of the field at fault, and checks that every actor code is a registry code.
    """
    from detente.cases.timeline import load_timeline_file

    try:
        document = load_timeline_file(path)
    except InputError as exc:
        raise _with_line(exc, path) from None
    _check_codes(document.events, path)
    return document


def _with_line(exc: InputError, path: str | Path) -> InputError:
    """`exc` with the line of its field in the file, when the field is an ``events[i]...`` path and the line can be found."""
    if exc.line is not None or not exc.field:
        return exc
    line = _line_of(_text(path), exc.field)
    if line is None:
        return exc
    prefix = f"{path}: {exc.field}: "
    message = exc.message[len(prefix):] if exc.message.startswith(prefix) else exc.message
    return type(exc)(message, path=path, line=line, field=exc.field, hint=exc.hint)


def _text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _check_codes(events: Sequence[Any], path: str | Path) -> None:
    """Every actor code is a registry code with known roles: `UKRAINE` is not `UKR` + `AINE`."""
    from detente.actors import get_registry
    from detente.errors import UnknownActorError

    codes = get_registry().codes
    for index, event in enumerate(events):
        for side in ("source", "target"):
            code = getattr(event, side)
            if not codes.is_code(code):
                where = f"events[{index}].{side}"
                raise UnknownActorError(
                    f"'{code}' is not an actor code", path=path, line=_line_of(_text(path), where), field=where,
                    hint="write a registry code with optional roles (USA, UKRGOV, RUSMIL, EUR ...); see docs/reference/actors.md",
                )


def _line_of(text: str, field_path: str) -> int | None:
    """The 1-based line where a field such as ``events[3] (id).date`` is written, if it can be found."""
    import re

    import yaml

    match = re.match(r"(\w+)\[(\d+)\](?:\s*\([^)]*\))?(?:\.(\w+))?", field_path)
    if match is None:
        return None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == match.group(1) and isinstance(value, yaml.SequenceNode) and int(match.group(2)) < len(value.value):
            item = value.value[int(match.group(2))]
            if match.group(3) and isinstance(item, yaml.MappingNode):
                for k, v in item.value:
                    if k.value == match.group(3):
                        return v.start_mark.line + 1
            return item.start_mark.line + 1
    return None


def select_events(
    events: pd.DataFrame,
    *,
    actor: str | None = None,
    dyad: Sequence[str] | None = None,
    directed: bool = False,
    cameo: str | Sequence[str] | None = None,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    dataset: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The store's filters (:meth:`detente.events.store.EventStore.events`) on an event frame, oldest first.

    A dyad follows the one dyad rule (:func:`detente.actors.dyads.dyad_filter`);
    ``attrs["domestic_events"]`` counts the events it left out as one country's own
    (before ``limit``), so the caller can say so.
    """
    from detente.actors import actor_prefixes
    from detente.actors.dyads import as_dyad_filter

    frame = events
    keep = pd.Series(True, index=frame.index)
    source = frame["source"].astype("string").str.upper()
    target = frame["target"].astype("string").str.upper()
    if actor:
        who = actor_prefixes(actor)
        keep &= who.mask(source) | who.mask(target)
    if cameo:
        codes = [cameo] if isinstance(cameo, str) else list(cameo)
        keep &= frame["cameo"].astype("string").str.startswith(tuple(str(c).strip() for c in codes)).fillna(False).astype(bool)
    dates = pd.to_datetime(frame["date"])
    if start is not None:
        keep &= dates >= start
    if end is not None:
        keep &= dates <= end
    if dataset:
        keep &= frame["dataset"] == dataset
    domestic = 0
    if dyad is not None:
        rule = as_dyad_filter(dyad, field="--dyad")
        domestic = int((keep & rule.domestic_only().mask(source, target, directed=directed)).sum())
        keep &= rule.mask(source, target, directed=directed)
    out = frame[keep].sort_values(["date", "event_id"], kind="stable")
    out = out.head(limit) if limit is not None else out
    out.attrs["domestic_events"] = domestic
    return out


def check_dataset(dataset: str | None, labels: pd.Series, where: Any) -> None:
    """``--dataset``: a label the source holds (``gdelt1``, ``icews``, ``case`` ...), else an error naming them."""
    if dataset is None:
        return
    known = sorted({str(x) for x in labels.dropna().unique()})
    if dataset not in known:
        from difflib import get_close_matches

        near = get_close_matches(dataset, known, n=3, cutoff=0.4)
        hint = (f"did you mean {', '.join(near)}? " if near else "") + (f"the datasets here: {', '.join(known)}" if known else "the source holds no events")
        raise InputError(f"no dataset '{dataset}' in {where}", field="--dataset", hint=hint)


@dataclass(frozen=True)
class EventList:
    """Events chosen by the store's filters from one source, oldest first, and what the dyad rule left out."""

    events: pd.DataFrame
    domestic: int
    """Events between two sides of one country that the dyad rule left out (0 without a dyad)."""
    where: str
    """Where they come from, for a caption: the store and why it was chosen, or the timeline."""


def list_events(
    choice: SourceChoice,
    *,
    actor: str | None = None,
    dyad: DyadFilter | None = None,
    directed: bool = False,
    cameo: Sequence[str] | None = None,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    dataset: str | None = None,
    limit: int | None = None,
) -> EventList:
    """The events of a chosen source that pass the store's filters: in SQL on a store, by :func:`select_events` otherwise.

    Both answer the same (one actor rule, one dyad rule); ``dataset`` must be a label the
    source holds (:func:`check_dataset`).
    """
    filters: dict[str, Any] = dict(actor=actor, directed=directed, cameo=list(cameo) if cameo else None, dataset=dataset)
    if choice.kind == "store":
        from detente.events.store import EventStore

        bounds = dict(start=None if start is None else start.date(), end=None if end is None else end.date())
        with EventStore(choice.path, read_only=True) as store:
            if dataset is not None:
                check_dataset(dataset, store.con.execute("SELECT DISTINCT dataset FROM events").df()["dataset"], choice.path)
            frame = store.events(dyad=dyad, limit=limit, **bounds, **filters)
            domestic = len(store.events(dyad=dyad.domestic_only(), **bounds, **filters)) if dyad is not None and dyad.countries else 0
        return EventList(frame, domestic, f"event store {choice.path} ({choice.reason})")
    source = load_events(choice)
    check_dataset(dataset, source.events["dataset"], choice.label())
    frame = select_events(source.events, start=start, end=end, dyad=dyad, limit=limit, **filters)
    return EventList(frame, frame.attrs.get("domestic_events", 0), choice.label())


def load_events(
    choice: SourceChoice,
    *,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    dyads: Sequence[tuple[str, str]] | None = None,
) -> EventSource:
    """The events of a chosen source; from a store, only those of `dyads` (both directions) in [start, end].

    The store filters in SQL; the relations code then applies its own rules (groups,
    non-state roles, asserted events) on the much smaller frame. A Parquet dataset is
    scanned with Dask DataFrame (:func:`detente.events.parquet.read_dyads`, on the
    local threads or the choice's scheduler), which keeps the dyads' events by those
    same rules; the aggregation that follows is the same pandas code for every source.
    """
    notes = list(choice.notes)
    if choice.kind == "parquet":
        from detente.events.parquet import read_dyads

        if not dyads:
            raise InputError("a Parquet dataset is read for given actors only", field="--parquet",
                             hint="name the actors (a dyad or a triangle), or read the whole dataset with DuckDB or Dask yourself")
        frame = read_dyads(choice.path, list(dyads), start=start, end=end, scheduler=choice.scheduler)  # type: ignore[arg-type]
        return EventSource(frame, choice, f"data: {choice.label()}, {len(frame)} events of these actors in range", notes)
    if choice.kind == "store":
        from detente.actors.dyads import as_dyad_filter
        from detente.events.store import EventStore

        kwargs: dict[str, Any] = {}
        if start is not None:
            kwargs["start"] = start.date()
        if end is not None:
            kwargs["end"] = end.date()
        with EventStore(choice.path, read_only=True) as store:
            if dyads:  # domestic events kept: the relations code applies the dyad rule, which leaves them out and counts them
                parts = [store.events(dyad=as_dyad_filter(pair).with_domestic(), **kwargs) for pair in dyads]
                frame = pd.concat(parts, ignore_index=True).drop_duplicates("event_id")
            else:
                frame = store.events(**kwargs)
        scope = "of these actors in range" if dyads else "in range" if kwargs else ""
        return EventSource(frame, choice, f"data: {choice.label()}, {len(frame)} events {scope}".rstrip(), notes)
    if choice.kind == "timeline":
        from detente.cases.timeline import events_frame

        document = read_timeline(choice.path)  # type: ignore[arg-type]
        frame = events_frame(document.events)
        return EventSource(frame, choice, f"data: {choice.label()}, {len(frame)} events from {len(document.sources)} source(s)", notes)
    from detente.cases.timeline import load_timeline_document, timeline_frame

    case = choice.case or DEFAULT_CASE
    document = load_timeline_document(case)
    cites = "; ".join(s.short() for s in document.sources.values())
    frame = timeline_frame(case)
    own = "; use --db FILE or --timeline FILE for your own events" if choice.reason == "default" else ""
    return EventSource(
        frame, choice,
        f"data: {choice.label()}, {len(frame)} events hand-coded from {len(document.sources)} "
        f"article{'s' if len(document.sources) != 1 else ''} ({cites}){own}", notes,
    )


def event_source(
    db: str | Path | None = None,
    timeline: str | Path | None = None,
    case: str | None = None,
    *,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    dyads: Sequence[tuple[str, str]] | None = None,
) -> EventSource:
    """Choose the source by the rule (:func:`choose_source`) and read its events (:func:`load_events`).

    The one call for a program (the web workspace) that wants "the events the CLI would use".

    >>> source = event_source(case="us-russia-2025")
    >>> source.choice.kind, len(source.events) > 20
    ('case', True)
    """
    return load_events(choose_source(db, timeline, case), start=start, end=end, dyads=dyads)
