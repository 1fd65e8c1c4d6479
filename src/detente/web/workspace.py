"""The workspace: what `detente serve` shows, as JSON-ready documents built from the library's public API.

A :class:`Workspace` is opened once per app with the user's case and event data. Each
method answers one page (or its `/api/...` twin) with a plain dict; the numbers come
from :mod:`detente.relations` (series, shifts, triangle, change table),
:mod:`detente.bargaining` (forecasts, variants, plans) and :mod:`detente.coding`
(the text coder). The web layer adds no analysis: it selects, labels and colours.

Event data
----------
The events come from where every relations command reads them
(:func:`detente.relations.sources.choose_source`): ``db`` if given, else
``$DETENTE_DB``, else ``./detente.duckdb``, else the built-in timeline of
``us-russia-2025``. A store is read through :class:`~detente.events.store.EventStore`,
opened **read-only** for every query and writable only for the moment the user stores
coded events. A built-in timeline is copied at start-up into a private store in a
temporary directory, so both kinds are queried the same way (filters in SQL); that
private store is read-only to requests and coded events cannot be stored into it.

Forecasts are cached per (variant, what-if settings, draws, seed, models), so switching
back to a variant already seen costs nothing.
"""

from __future__ import annotations

import csv
import io
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from detente.errors import InputError, StoreError
from detente.jsonable import jsonable

BUILTIN_CASE = "us-russia-2025"
MAX_EVENTS_SHOWN = 500
"""Rows the events page shows at once (the CSV download has them all)."""
MAX_EVENTS_READ = 200_000
"""Events one request may read from a store (a filter narrows larger stores)."""
FORECAST_CACHE = 16





def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [jsonable(r) for r in frame.to_dict("records")]


def parse_day(value: str | None, field_name: str) -> date | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``: the first of the month) as a date; InputError naming the field."""
    if value is None or value == "":
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text if len(text) != 7 else f"{text}-01")
    except ValueError:
        raise InputError(f"'{value}' is not a date", field=field_name, hint="write YYYY-MM-DD, e.g. 2025-02-18") from None
    if len(text) == 7 and field_name == "until":  # "until 2025-05" means to the end of May
        day = (pd.Timestamp(day) + pd.offsets.MonthEnd(0)).date()
    return day


def parse_dyad(text: str, field_name: str = "dyad") -> tuple[str, str]:
    """``USA-RUS`` (or ``USA,RUS``; names as people type them) -> two registry codes."""
    from detente.actors import lookup

    sep = "," if "," in text else "-"
    parts = [p.strip() for p in text.split(sep)]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"cannot read dyad '{text}'", field=field_name, hint="write two actors joined by '-', e.g. USA-RUS")
    return lookup(parts[0], field=field_name), lookup(parts[1], field=field_name)


def check_actor(text: str, field_name: str = "actor") -> str:
    """A registry code for a code or name; the error names the field."""
    from detente.actors import lookup

    return lookup(text, field=field_name)


@dataclass
class EventFilter:
    """The events page's filters (every one optional)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    quad: int | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "dyad": "-".join(self.dyad) if self.dyad else None, "root": self.root, "quad": self.quad,
            "since": jsonable(self.since), "until": jsonable(self.until), "q": self.text,
        }


@dataclass
class Workspace:
    """The case, the event data and the caches behind one running app.

    Parameters
    ----------
    case
        Built-in case name or scenario file (None: ``us-russia-2025``).
    db
        A DuckDB event store (None: the built-in timeline).
    models, draws
        The forecast's default models (None: every registered model) and draws per
        model, used when a request names none (`detente serve --model ... --draws N`).
    """

    case: str | None = None
    db: str | Path | None = None
    models: tuple[str, ...] | None = None
    draws: int = 1000
    scenario: Any = field(init=False)
    source: Any = field(init=False)
    _store_path: Path = field(init=False)
    _tmp: Any = field(init=False, default=None)
    _lock: threading.RLock = field(init=False, default_factory=threading.RLock)
    _forecasts: OrderedDict = field(init=False, default_factory=OrderedDict)
    _coders: dict[str | None, Any] = field(init=False, default_factory=dict)
    _coder_lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        from detente.bargaining.params import check_params
        from detente.cases import resolve_case

        if self.models is not None:
            self.models = tuple(dict.fromkeys(self.models)) or None
        check_params(None, list(self.models) if self.models else None, flag="--model")
        if isinstance(self.draws, bool) or not isinstance(self.draws, int) or not 100 <= self.draws <= 10_000:
            raise InputError(f"draws must be a whole number from 100 to 10000, got {self.draws!r}", field="--draws", hint="e.g. --draws 1000")
        self.scenario = resolve_case(self.case)
        from detente.events.store import EventStore
        from detente.relations.sources import choose_source

        if self.db is not None and not Path(self.db).is_file():
            raise StoreError(f"no event store at {self.db}", hint=f"import events first: detente events import KIND FILE --db {self.db}")
        self.source = choose_source(self.db)
        if self.source.kind == "store":
            with EventStore(self.source.path, read_only=True):
                pass  # fail now, with the store's own message, if it is not a store
            self._store_path = Path(self.source.path)  # type: ignore[arg-type]
        else:
            from detente.cases.timeline import load_timeline

            self._tmp = tempfile.TemporaryDirectory(prefix="detente-serve-")
            self._store_path = Path(self._tmp.name) / "timeline.duckdb"
            with EventStore(self._store_path) as store:
                store.ingest(load_timeline(self.source.case or BUILTIN_CASE), file=f"case:{self.source.case}", kind="timeline")

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    # ------------------------------------------------------------------ data source
    @property
    def writable(self) -> bool:
        """Whether coded events can be stored (only into the user's own store)."""
        return self.source.kind == "store"

    def data_source(self) -> dict[str, Any]:
        """Where the events come from and why (the source rule's reason), for every page's caption and the JSON."""
        if self.source.kind != "store":
            from detente.cases.timeline import load_timeline_document

            case = self.source.case or BUILTIN_CASE
            doc = load_timeline_document(case)
            cites = "; ".join(s.short() for s in doc.sources.values())
            return {
                "kind": "builtin", "reason": self.source.reason,
                "description": f"built-in timeline of {case}: {len(doc.events)} events hand-coded from {len(doc.sources)} articles ({cites})",
                "path": None,
                "sources": {k: {"citation": s.citation(), "file": s.file, "title": s.title, "outlet": s.outlet, "date": s.date} for k, s in doc.sources.items()},
            }
        return {"kind": "db", "reason": self.source.reason, "description": self.source.label(), "path": str(self.source.path), "sources": {}}

    def query_events(
        self,
        *,
        actor: str | None = None,
        dyads: Sequence[tuple[str, str]] | None = None,
        cameo: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> pd.DataFrame:
        """Events from the store (read-only), filtered in SQL; several dyads are read one by one and merged."""
        from detente.events.store import EventStore

        kwargs: dict[str, Any] = {"start": since, "end": until, "limit": MAX_EVENTS_READ}
        if actor:
            kwargs["actor"] = actor
        if cameo:
            kwargs["cameo"] = cameo
        with self._lock, EventStore(self._store_path, read_only=True) as store:
            if dyads:
                parts = [store.events(dyad=d, **kwargs) for d in dyads]
                frame = pd.concat(parts, ignore_index=True).drop_duplicates("event_id") if parts else store.events(**kwargs)
            else:
                frame = store.events(**kwargs)
        return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)

    # ------------------------------------------------------------------ actors and case
    def actors(self) -> list[dict[str, Any]]:
        from detente.report.palette import actor_colours

        colours = actor_colours(self.scenario.actor_codes)
        return [
            {"code": a.code, "name": a.name, "capability": a.capability.mode, "colour": colours[a.code]}
            for a in self.scenario.actors
        ]

    def colours(self, codes: Sequence[str] | None = None) -> dict[str, str]:
        from detente.report.palette import actor_colours

        return actor_colours(list(dict.fromkeys([*self.scenario.actor_codes, *(codes or [])])))

    def case_info(self) -> dict[str, Any]:
        s = self.scenario
        return {
            "name": s.name, "title": s.title, "description": s.description, "origin": s.origin,
            "as_of": jsonable(s.as_of), "actors": self.actors(),
            "issues": [
                {"id": i.id, "name": i.name, "status_quo": i.status_quo.mode,
                 "anchors": {f"{k:g}": v for k, v in sorted(i.anchors.items())}}
                for i in s.issues
            ],
            "variants": [{"name": v.name, "title": v.title, "description": v.description} for v in s.variants.values()],
            "plans": [{"name": p.name, "title": p.title} for p in s.plans.values()],
            "models": _models(),
            "sources": {k: {"citation": getattr(c, "describe", lambda: str(c))()} for k, c in s.sources.items()},
        }

    # ------------------------------------------------------------------ events
    def events(self, flt: EventFilter, *, sort: str = "date", descending: bool = False, limit: int | None = MAX_EVENTS_SHOWN) -> dict[str, Any]:
        """Filtered events with their provenance, sorted; `total` counts them all, `events` holds up to `limit`."""
        frame = self.query_events(
            actor=flt.actor, dyads=[flt.dyad] if flt.dyad else None, cameo=flt.root, since=flt.since, until=flt.until
        )
        if flt.quad is not None:
            frame = frame[frame["quad"] == flt.quad]
        if flt.text:
            needle = flt.text.casefold()
            hay = frame[["sentence", "quote", "source_name", "target_name", "note"]].fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
            frame = frame[hay.str.contains(needle, regex=False)]
        if sort not in frame.columns:
            raise InputError(f"cannot sort by '{sort}'", field="sort", hint="sort by date, source, target, cameo, quad or goldstein")
        frame = frame.sort_values([sort, "date", "event_id"], ascending=[not descending, True, True], kind="stable")
        total = int(len(frame))
        shown = frame if limit is None else frame.head(limit)
        from detente.events.schema import QUAD_LABELS

        rows = records(shown)
        for row in rows:
            row["quad_label"] = QUAD_LABELS.get(row.get("quad"), "")
        notes = []
        if limit is not None and total > limit:
            notes.append(f"showing the first {limit} of {total} events; narrow the filters or download the CSV for all")
        if total == 0:
            notes.append("no event matches these filters")
        return {"data": self.data_source(), "filters": flt.to_dict(), "sort": sort, "descending": descending, "total": total, "events": rows, "notes": notes}

    def events_csv(self, flt: EventFilter, *, sort: str = "date", descending: bool = False) -> str:
        from detente.events.schema import EVENT_COLUMNS

        doc = self.events(flt, sort=sort, descending=descending, limit=None)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(EVENT_COLUMNS), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in doc["events"]:
            writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in EVENT_COLUMNS})
        return out.getvalue()

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with its source sentence, quote, document and link."""
        from detente.events.schema import QUAD_LABELS
        from detente.events.store import EventStore
        from detente.ontology import get as cameo_code

        with self._lock, EventStore(self._store_path, read_only=True) as store:
            frame = store.con.execute(
                f"SELECT * FROM ({'SELECT ' + _columns(store) + ' FROM events'}) WHERE event_id = ?", [event_id]
            ).df()
        if frame.empty:
            raise InputError(f"no event '{event_id}' in the {'store' if self.writable else 'built-in timeline'}", field="event_id", hint="follow an event from the events page")
        row = records(frame)[0]
        row["quad_label"] = QUAD_LABELS.get(row.get("quad"), "")
        try:
            row["cameo_label"] = cameo_code(row["cameo"]).label
        except Exception:  # a code the codebook lacks still shows, unlabelled
            row["cameo_label"] = None
        return {"data": self.data_source(), "event": row, "document": _document(row.get("doc_id"))}

    # ------------------------------------------------------------------ relations
    def relations(self, dyads: Sequence[tuple[str, str]], *, freq: str = "month", measure: str = "goldstein_mean",
                  since: date | None = None, until: date | None = None) -> dict[str, Any]:
        """Each dyad's series (all measures) and its shifts with the events behind them."""
        from detente.relations.series import MEASURES, series_wide
        from detente.relations.shifts import dyad_shifts

        if measure not in MEASURES:
            raise InputError(f"unknown measure '{measure}'", field="measure", hint=f"one of: {', '.join(MEASURES)}")
        if not dyads:
            raise InputError("no dyad given", field="dyad", hint="give one or more dyads, e.g. dyad=USA-RUS")
        events = self.query_events(dyads=list(dyads), since=since, until=until)
        lo = pd.Timestamp(since) if since else None
        hi = pd.Timestamp(until) if until else None
        out = []
        for a, b in dyads:
            wide = series_wide(events, a, b, freq=freq, start=lo, end=hi)  # type: ignore[arg-type]
            try:
                shifts = dyad_shifts(events, a, b, freq=freq, measure=measure, start=lo, end=hi)  # type: ignore[arg-type]
            except InputError as exc:  # too short a series for the detector: say so, keep the series
                shifts, note = [], str(exc)
            else:
                note = None if shifts else f"no turning point found in {measure}"
            series = wide.reset_index()
            out.append({
                "dyad": f"{a}-{b}", "a": a, "b": b, "events": int(wide.attrs.get("n_events", 0)),
                "coarse_events": int(wide.attrs.get("coarse_events", 0)),
                "series": records(series), "shifts": [jsonable(s.to_record()) for s in shifts], "note": note,
            })
        return {"data": self.data_source(), "freq": freq, "measure": measure, "since": jsonable(since), "until": jsonable(until), "dyads": out}

    def triangle(self, a: str, b: str, c: str, *, freq: str = "quarter", measure: str = "net_coop", band: float | None = None,
                 min_events: int = 1) -> dict[str, Any]:
        from detente.relations.triangle import DEFAULT_BAND, configuration_spells, triangle_series

        width = band if band is not None else DEFAULT_BAND.get(measure, 1.0)
        events = self.query_events(dyads=[(a, b), (a, c), (b, c)])
        frame = triangle_series(events, a, b, c, freq=freq, measure=measure, band=width, min_events=min_events)  # type: ignore[arg-type]
        actors = list(frame.attrs.get("actors", (a, b, c)))
        spells = configuration_spells(frame)
        periods = records(frame)
        latest = next((p for p in reversed(periods) if p["configuration"] not in ("no data",)), periods[-1] if periods else None)
        pairs = [f"{x}-{y}" for i, x in enumerate(actors) for y in actors[i + 1:]]
        return {
            "data": self.data_source(), "actors": actors, "pairs": pairs, "freq": freq, "measure": measure, "band": width,
            "min_events": min_events, "periods": periods, "spells": records(spells), "latest": latest,
            "rule": f"tie + if {measure} > {width:g}, - if < -{width:g}, 0 within; a tie needs at least {min_events} event(s) in the period",
        }

    # ------------------------------------------------------------------ overview
    def overview(self, *, freq: str = "month", recent: int = 1, baseline: int = 4, actor: str | None = None,
                 triad: tuple[str, str, str] | None = None) -> dict[str, Any]:
        """The case on one screen: actors, dyad levels and changes, the triangle now, the forecast headline."""
        from detente.relations.changes import all_dyads, dyad_changes

        codes = self.scenario.actor_codes
        dyads = all_dyads(codes)
        if actor:
            dyads = [d for d in dyads if actor in d]
            if not dyads:
                raise InputError(f"'{actor}' is not an actor of the case", field="actor", hint=f"actors: {', '.join(codes)}")
        events = self.query_events(dyads=dyads)
        changes = dyad_changes(events, dyads, freq=freq, recent=recent, baseline=baseline)  # type: ignore[arg-type]
        rows = records(changes)
        levels = []
        by = {(r["dyad"], r["measure"]): r for r in rows}
        for a, b in dyads:
            key = f"{a}-{b}"
            act, net = by.get((key, "events")), by.get((key, "net_coop"))
            if act is None:
                continue
            levels.append({"dyad": key, "a": a, "b": b, "events": act["recent_events"], "net_coop": net["recent"] if net else None,
                           "baseline_net_coop": net["baseline"] if net else None})
        if triad is None:
            triad = _default_triad(codes)
        tri = self.triangle(*triad, freq="quarter") if triad else None
        headline = self.forecast_headline()
        notes = []
        if not events.shape[0]:
            notes.append("no events between the case's actors in the data")
        return {
            "data": self.data_source(), "case": {"name": self.scenario.name, "title": self.scenario.title}, "actors": self.actors(),
            "window": {"freq": freq, "recent": recent, "baseline": baseline, **{k: jsonable(v) for k, v in changes.attrs.items() if k in ("end", "recent_start", "baseline_start")}},
            "filter": {"actor": actor}, "changes": rows, "levels": levels,
            "triangle": None if tri is None else {"actors": tri["actors"], "latest": tri["latest"], "pairs": tri["pairs"], "rule": tri["rule"]},
            "forecast": headline, "notes": notes,
        }

    # ------------------------------------------------------------------ forecasts
    def forecast_headline(self) -> dict[str, Any]:
        """The base forecast (default draws) pooled over models: median and 80% interval per issue."""
        doc = self.forecast()
        return {"provenance": doc["provenance"], "issues": [{"id": i["id"], "name": i["name"], **i["pooled"]} for i in doc["issues"]]}

    def base_study(self, *, draws: int, seed: int, models: Sequence[str] | None = None) -> Any:
        """The unchanged case's :class:`~detente.bargaining.study.Study` (cached): the base every variant is compared with."""
        key = ("base-study", draws, seed, tuple(models) if models else None)
        with self._lock:
            if key in self._forecasts:
                self._forecasts.move_to_end(key)
                return self._forecasts[key]
        from detente.bargaining.study import run_study

        study = run_study(self.scenario, models=list(models) if models else None, draws=draws, seed=seed)
        with self._lock:
            self._forecasts[key] = study
        return study

    def forecast(self, *, variant: str | None = None, settings: Sequence[str] = (), draws: int | None = None, seed: int = 2025,
                 models: Sequence[str] | None = None) -> dict[str, Any]:
        """Forecast, variant comparison and plan tests for the forecast page (cached); defaults: the workspace's models and draws."""
        draws = draws or self.draws
        models = tuple(models) if models else self.models
        key = (variant, tuple(settings), draws, seed, tuple(models) if models else None)
        with self._lock:
            if key in self._forecasts:
                self._forecasts.move_to_end(key)
                return self._forecasts[key]
        from detente.web.forecast import forecast_document

        doc = forecast_document(self.scenario, self.base_study, variant=variant, settings=settings, draws=draws, seed=seed, models=models)
        with self._lock:
            self._forecasts[key] = doc
            while len(self._forecasts) > FORECAST_CACHE:
                self._forecasts.popitem(last=False)
        return doc

    # ------------------------------------------------------------------ text coding
    def coder(self, pair_model: str | None = None) -> Any:
        """The text coder for a `pair_model` setting (None: the rules alone; the page's default, "static", is given
        by :func:`detente.web.coding.code_article`), each loaded on first use (spaCy: the
        `nlp` extra; "finetuned" also the `transformer` extra, whose absence raises the coder's error with the
        install command). With a pair model it is the coder `detente code FILE --pairs ...` builds: the classifier
        where no pattern fires, no span chooser (documents report no spans), this process only."""
        with self._coder_lock:
            if pair_model not in self._coders:
                from detente.coding.coder import Coder

                self._coders[pair_model] = Coder(pair_model=None) if pair_model is None else Coder.for_pages(pair_model)
            return self._coders[pair_model]

    def code_text(self, text: str, *, pair_model: str | None = None, **kwargs: Any) -> list[Any]:
        """Code one text with the shared coder of `pair_model`, one request at a time (a spaCy pipeline is not
        shared across threads). With a pair model the text is coded as a page, as the CLI codes a document."""
        coder = self.coder(pair_model)
        with self._coder_lock:
            return coder.code_text(text, **kwargs)

    def store_events(self, events: Sequence[Any], *, label: str, pairs: str) -> dict[str, Any]:
        """Store coded events in the user's store: the only write, in one transaction; the import log names the pair
        model that coded them (`pairs`, :func:`detente.coding.pair_names.run_kind`), as `detente code` does."""
        if not self.writable:
            raise StoreError(
                "the built-in timeline is read-only: coded events can only be stored in your own event store",
                hint="restart with `detente serve --db FILE` (a new file is fine: import once with `detente events import`)",
            )
        from detente.coding.pair_names import run_kind
        from detente.events.store import EventStore

        with self._lock, EventStore(self._store_path) as store:
            summary = store.ingest(events, file=label, kind=run_kind(pairs))
        return jsonable(summary.to_dict())


def _models() -> list[str]:
    from detente.bargaining.montecarlo import available_models

    return available_models()


def _document(doc_id: str | None) -> dict[str, Any] | None:
    """The citation of a document the built-in timeline is read from (events imported from it keep its id)."""
    from detente.cases.timeline import load_timeline_document

    source = load_timeline_document(BUILTIN_CASE).sources.get(doc_id or "")
    if source is None:
        return None
    return {"citation": source.citation(), "file": source.file, "title": source.title, "outlet": source.outlet, "date": source.date}


def _columns(store: Any) -> str:
    from detente.events.store import _event_columns_sql

    return _event_columns_sql(store._id_sql)


def _default_triad(codes: Sequence[str]) -> tuple[str, str, str] | None:
    """USA-RUS-CHN when the case has them (the triangle of the case), else its first three actors."""
    if all(c in codes for c in ("USA", "RUS", "CHN")):
        return ("USA", "RUS", "CHN")
    return tuple(codes[:3]) if len(codes) >= 3 else None  # type: ignore[return-value]
