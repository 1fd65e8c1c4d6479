"""Built-in event timelines of the cases: hand-coded events with their source sentences.

A case timeline (``cases/timelines/<case>.yaml``) lists every event its seed
articles report, each with a CAMEO code, actor codes, a date whose written form is
its precision (``"2019"``, ``"2025-02"``, ``"2025-02-12"``), the basis of that date
(the text, its context, the report's own date, or a fact from outside the articles,
marked ``external``), and its provenance: the document id, the exact sentence and
its character span in the article. Goldstein weights, quad classes and roots are
*derived* here from :mod:`detente.ontology`, never typed into the file, so the
codebook stays the one source of truth.

Beside the events, ``context`` keeps what the articles say about a stance, a
strategy or a period rather than a single dated act (the US aim to draw Russia away
from China, a count of first-term sanctions actions): cited with sentence and span
for readings such as the triangle's, and never counted in a relation series.

>>> from detente.cases.timeline import load_timeline
>>> events = load_timeline("us-russia-2025")
>>> call = next(e for e in events if e.date.isoformat() == "2025-02-12")
>>> call.source, call.target, call.cameo, call.goldstein, call.date_precision
('USAGOV', 'RUSGOV', '041', 1.0, 'day')
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from detente.cases import packaged_yaml
from detente.errors import InputError, UnknownActorError
from detente.events.schema import EVENT_COLUMNS, DatePrecision, Event

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
DATE_BASES = ("text", "context", "report", "external")
"""How an event's date was found: stated by the text, following from its context,
the report's own date, or a fact from outside the articles (``external:`` says which)."""
_MODALITIES = ("threat", "intent", "refusal", "possible")


@dataclass(frozen=True)
class Source:
    """A document a timeline's events are read from, cited by outlet, author and date."""

    doc_id: str
    file: str
    kind: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_note: str | None = None
    license: str | None = None

    def citation(self) -> str:
        """A one-line reference: outlet, author, date (or what is unknown about them)."""
        outlet = self.outlet or "outlet not named"
        author = self.author.split(" (")[0] if self.author else "author not named"
        when = f"{self.date} ({self.date_precision})" if self.date else "undated"
        title = f' "{self.title}"' if self.title else ""
        return f"{outlet}, {author},{title} {when}"

    def short(self) -> str:
        """Outlet and approximate date only: ``The Conversation, c. 2025-02-20``."""
        outlet = self.outlet or "unnamed outlet"
        exact = self.date_precision == "day"
        return f"{outlet}, {'' if exact else 'c. '}{self.date}" if self.date else f"{outlet}, undated"


@dataclass(frozen=True)
class ContextNote:
    """A stance, strategy or period the articles describe, cited by its sentence (not an event)."""

    id: str
    topic: str
    doc_id: str
    sentence: str
    char_start: int
    char_end: int
    note: str
    quote: str | None = None
    actors: tuple[str, ...] = ()
    period: str | None = None
    external: str | None = None  # a fact from outside the articles (a date, say), marked as such


@dataclass(frozen=True)
class Timeline:
    """A whole timeline file: its sources, its events, context notes and the sentences left uncoded."""

    case: str
    title: str
    sources: dict[str, Source]
    events: list[Event]
    event_ids: list[str]
    not_coded: list[dict[str, Any]] = field(default_factory=list)
    also_reported: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    date_basis: dict[str, str] = field(default_factory=dict)
    context: list[ContextNote] = field(default_factory=list)

    def event(self, event_id: str) -> Event:
        """The event with this id (``KeyError`` if none)."""
        return self.events[self.event_ids.index(event_id)]

    def notes_on(self, topic: str) -> list[ContextNote]:
        """The context notes on one topic (``triangle``, ``sanctions`` ...)."""
        return [n for n in self.context if n.topic == topic]

    def records(self) -> list[dict[str, Any]]:
        """The events oldest first as flat records: the date at its precision, its basis, the words and where they stand."""
        return [
            {"id": key, "date": date_label(e.date, e.date_precision), "precision": e.date_precision, "basis": self.date_basis.get(key, "text"),
             "source": e.source, "target": e.target, "cameo": e.cameo, "goldstein": e.goldstein, "modality": e.modality,
             "quote": e.quote or e.sentence, "doc_id": e.doc_id, "span": f"{e.char_start}-{e.char_end}", "note": e.note}
            for key, e in sorted(zip(self.event_ids, self.events), key=lambda pair: (pair[1].date, pair[0]))
        ]

    def context_records(self) -> list[dict[str, Any]]:
        """The context notes as flat records, in file order: topic, actors, period, the words and where they stand."""
        return [
            {"id": n.id, "topic": n.topic, "actors": list(n.actors), "period": n.period, "quote": n.quote or n.sentence,
             "doc_id": n.doc_id, "span": f"{n.char_start}-{n.char_end}", "note": n.note, "external": n.external}
            for n in self.context
        ]


TIMELINES: dict[str, str] = packaged_yaml("detente.cases.timelines")
"""Case name -> timeline file in ``detente/cases/timelines/``."""


def available_timelines() -> list[str]:
    """Names of the cases that ship a timeline."""
    return sorted(TIMELINES)


def date_label(day: date, precision: str) -> str:
    """A date written at its precision: ``2019``, ``2025-02`` or ``2025-02-12``.

    A year-only event is shown as its year, never as the 1 January it is stored as.

    >>> date_label(date(2019, 1, 1), "year"), date_label(date(2025, 2, 1), "month")
    ('2019', '2025-02')
    """
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def parse_date(value: object, *, where: str = "date", path: str | None = None) -> tuple[date, DatePrecision]:
    """Read ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` into a date and its precision.

    A year or month is stored as the first day of its period.

    >>> parse_date("2025-02")
    (datetime.date(2025, 2, 1), 'month')
    """
    if isinstance(value, date):
        return value, "day"
    match = _DATE.match(str(value).strip()) if value is not None else None
    if match is None:
        raise InputError(
            f"bad date {value!r}",
            path=path,
            field=where,
            hint="write the date as YYYY, YYYY-MM or YYYY-MM-DD (quoted), at the precision the source gives",
        )
    year, month, day = match.groups()
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise InputError(f"bad date {value!r}: {exc}", path=path, field=where, hint="use a real calendar date") from None
    precision: DatePrecision = "day" if day else "month" if month else "year"
    return parsed, precision


def _check_actor(code: object, *, where: str, path: str | None) -> str:
    from detente.actors.registry import get_registry

    if not isinstance(code, str) or not code.strip():
        raise InputError("missing actor code", path=path, field=where, hint="give a CAMEO-style actor code such as USAGOV")
    registry = get_registry()
    code = code.strip().upper()
    if not registry.is_code(code):  # a registry code with known role suffixes only: not UKR + "AINE"
        raise UnknownActorError(
            f"unknown actor code '{code}'",
            path=path,
            field=where,
            hint="use a registry code (USA, RUS, UKR, CHN, BLR, EUR ...) with an optional role suffix (GOV, MIL, BUS, MED, REB ...)",
        )
    return registry.normalize_code(code)


def _required(entry: Mapping[str, Any], key: str, where: str, path: str | None) -> Any:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f"missing '{key}'", path=path, field=f"{where}.{key}", hint=f"every event needs a '{key}'")
    return value


def _span(entry: Mapping[str, Any], where: str, path: str | None) -> tuple[str, int, int, str | None]:
    """The sentence, its character span and the optional quote, checked against each other."""
    sentence = str(_required(entry, "sentence", where, path))
    start, end = entry.get("char_start"), entry.get("char_end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end and end - start == len(sentence)):
        raise InputError(
            "char_start/char_end do not span the sentence",
            path=path,
            field=f"{where}.char_start",
            hint="char_end - char_start must equal the sentence's length (code points)",
        )
    quote = entry.get("quote")
    if quote is not None and quote not in sentence:
        raise InputError("quote is not part of the sentence", path=path, field=f"{where}.quote", hint="quote words from the sentence exactly")
    return sentence, start, end, quote


def _context_note(entry: Mapping[str, Any], index: int, sources: Mapping[str, Source], path: str | None) -> ContextNote:
    where = f"context[{index}]"
    if not isinstance(entry, Mapping):
        raise InputError("a context note must be a mapping", path=path, field=where, hint="give id, topic, doc_id, sentence, char_start, char_end and note")
    where = f"context[{index}] ({entry.get('id', '?')})"
    sentence, start, end, quote = _span(entry, where, path)
    doc_id = str(_required(entry, "doc_id", where, path))
    if doc_id not in sources:
        raise InputError(f"doc_id '{doc_id}' is not in sources", path=path, field=f"{where}.doc_id", hint="add the document to 'sources'")
    actors = tuple(_check_actor(a, where=f"{where}.actors", path=path) for a in entry.get("actors") or [])
    return ContextNote(
        id=str(_required(entry, "id", where, path)),
        topic=str(_required(entry, "topic", where, path)),
        doc_id=doc_id,
        sentence=sentence,
        char_start=start,
        char_end=end,
        note=str(_required(entry, "note", where, path)),
        quote=quote,
        actors=actors,
        period=None if entry.get("period") is None else str(entry["period"]),
        external=None if entry.get("external") is None else str(entry["external"]),
    )


def _event(entry: Mapping[str, Any], index: int, path: str | None) -> Event:
    from detente import ontology

    where = f"events[{index}]"
    if not isinstance(entry, Mapping):
        raise InputError("an event must be a mapping", path=path, field=where, hint="see the field list at the top of the file")
    where = f"events[{index}] ({entry.get('id', '?')})"
    day, precision = parse_date(_required(entry, "date", where, path), where=f"{where}.date", path=path)
    cameo = str(_required(entry, "cameo", where, path)).strip()
    if not ontology.is_code(cameo):
        raise InputError(
            f"unknown CAMEO code {cameo!r}", path=path, field=f"{where}.cameo", hint="use a code from the CAMEO codebook, as a quoted string"
        )
    basis = entry.get("date_basis", "text")
    if basis not in DATE_BASES:
        raise InputError(f"bad date_basis {basis!r}", path=path, field=f"{where}.date_basis", hint=f"one of {', '.join(DATE_BASES)}")
    external = entry.get("external")
    if basis == "external" and not (isinstance(external, str) and external.strip()):
        raise InputError(
            "an external date needs `external:`",
            path=path,
            field=f"{where}.external",
            hint="say which fact from outside the articles gives the date, and what the articles themselves say",
        )
    if external is not None and basis != "external":
        raise InputError(
            "`external:` given but the date_basis is not external",
            path=path,
            field=f"{where}.date_basis",
            hint="write `date_basis: external` when the date comes from outside the articles",
        )
    modality = entry.get("modality")
    if modality is not None and modality not in _MODALITIES:
        raise InputError(f"bad modality {modality!r}", path=path, field=f"{where}.modality", hint=f"one of {', '.join(_MODALITIES)}")
    sentence, start, end, quote = _span(entry, where, path)
    note = entry.get("note")
    window = entry.get("window")
    if window:
        lo, _ = parse_date(window[0], where=f"{where}.window", path=path)
        hi, _ = parse_date(window[-1], where=f"{where}.window", path=path)
        if not lo <= hi:
            raise InputError("window runs backwards", path=path, field=f"{where}.window", hint="write [earliest, latest]")
        note = f"{note} Date window: {lo.isoformat()} to {hi.isoformat()}." if note else f"Date window: {lo.isoformat()} to {hi.isoformat()}."
    if basis == "report" and note and "dated by the report" not in note.casefold():
        note = f"{note} Dated by the report."
    if basis == "external":
        note = f"{note} External date (not in the articles): {external.strip()}" if note else f"External date (not in the articles): {external.strip()}"
    code = ontology.get(cameo)
    return Event(
        date=day,
        source=_check_actor(entry.get("source"), where=f"{where}.source", path=path),
        target=_check_actor(entry.get("target"), where=f"{where}.target", path=path),
        cameo=code.code,
        root=code.root,
        quad=code.quad,
        goldstein=code.goldstein,
        dataset="case",
        doc_id=str(_required(entry, "doc_id", where, path)),
        date_precision=precision,
        plover=code.plover,
        source_name=entry.get("source_name"),
        target_name=entry.get("target_name"),
        sentence=sentence,
        char_start=start,
        char_end=end,
        quote=quote,
        modality=modality,
        note=note,
    )


def parse_timeline(text: str, *, path: str | None = None) -> Timeline:
    """Validate a timeline YAML document and build its events.

    Raises
    ------
    InputError
        With the file, the event (index and id) and the field at fault, and a hint.
    """
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(f"not valid YAML: {exc}", path=path, line=None if line is None else line + 1, hint="fix the YAML syntax") from None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("events"), list):
        raise InputError("no 'events' list", path=path, field="events", hint="a timeline is a mapping with 'sources' and 'events'")
    sources: dict[str, Source] = {}
    for i, entry in enumerate(raw.get("sources") or []):
        known = {k: entry.get(k) for k in Source.__dataclass_fields__ if k in entry}
        if "doc_id" not in known or "file" not in known:
            raise InputError("a source needs doc_id and file", path=path, field=f"sources[{i}]", hint="add doc_id and file")
        known = {k: (None if v is None else str(v)) for k, v in known.items()}
        sources[known["doc_id"]] = Source(**known)
    events: list[Event] = []
    ids: list[str] = []
    also: dict[str, list[dict[str, Any]]] = {}
    bases: dict[str, str] = {}
    for i, entry in enumerate(raw["events"]):
        event = _event(entry, i, path)
        event_key = str(entry.get("id") or event.event_id)
        where = f"events[{i}] ({event_key})"
        if event_key in ids:
            raise InputError(f"duplicate event id '{event_key}'", path=path, field=f"{where}.id", hint="give every event its own id")
        if event.doc_id not in sources:
            raise InputError(
                f"doc_id '{event.doc_id}' is not in sources", path=path, field=f"{where}.doc_id", hint="add the document to 'sources'"
            )
        events.append(event)
        ids.append(event_key)
        also[event_key] = list(entry.get("also_reported") or [])
        bases[event_key] = str(entry.get("date_basis", "text"))
    context = [_context_note(entry, i, sources, path) for i, entry in enumerate(raw.get("context") or [])]
    if len({n.id for n in context}) != len(context):
        raise InputError("duplicate context id", path=path, field="context", hint="give every context note its own id")
    return Timeline(
        case=str(raw.get("case", "")),
        title=str(raw.get("title", "")),
        sources=sources,
        events=events,
        event_ids=ids,
        not_coded=list(raw.get("not_coded") or []),
        also_reported=also,
        date_basis=bases,
        context=context,
    )


@functools.cache
def load_timeline_document(case: str = "us-russia-2025") -> Timeline:
    """The whole built-in timeline of a case (sources, events, context notes, uncoded sentences)."""
    if case not in TIMELINES:
        close = difflib.get_close_matches(case, available_timelines(), n=1)
        raise InputError(
            f"no built-in timeline for case '{case}'",
            field="case",
            hint=(f"did you mean '{close[0]}'? " if close else "") + f"built-in timelines: {', '.join(available_timelines())}",
        )
    resource = resources.files("detente.cases.timelines").joinpath(TIMELINES[case])
    return parse_timeline(resource.read_text(encoding="utf-8"), path=f"detente/cases/timelines/{TIMELINES[case]}")


def load_timeline_file(path: str | Path) -> Timeline:
    """Read and validate a timeline YAML file of your own (same fields as the built-in ones)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", path=path, hint="check the path, or name a built-in timeline: " + ", ".join(available_timelines())) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the file: {exc}", path=path, hint="give a readable UTF-8 YAML file") from None
    return parse_timeline(text, path=str(path))


def resolve_timeline(name_or_path: str) -> Timeline:
    """A built-in timeline by case name (``belarus-2025``), or a timeline YAML file by path."""
    if name_or_path in TIMELINES:
        return load_timeline_document(name_or_path)
    if Path(name_or_path).suffix.lower() in {".yaml", ".yml"} or Path(name_or_path).exists():
        return load_timeline_file(name_or_path)
    return load_timeline_document(name_or_path)  # raises with a suggestion


def load_timeline(case: str = "us-russia-2025") -> list[Event]:
    """The events of a built-in case, in date order (``dataset="case"``)."""
    return sorted(load_timeline_document(case).events, key=lambda e: (e.date, e.doc_id, e.char_start or 0))


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a DataFrame with exactly :data:`EVENT_COLUMNS`; ``date`` as datetime64."""
    frame = pd.DataFrame([e.to_record() for e in events], columns=list(EVENT_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def timeline_frame(case: str = "us-russia-2025") -> pd.DataFrame:
    """The built-in timeline of a case as an event DataFrame (see :func:`events_frame`)."""
    return events_frame(load_timeline(case))
