"""PLOVER-style JSON (a JSON list of event records, or JSON Lines) to events.

Reads the Open Event Data Alliance's PLOVER records, such as the CAMEO-manual gold
standard (``PLOVER_GSR_CAMEO``, PLOVER 0.5b1): each record has an ``id``, a ``date``,
``source`` and ``target`` lists of actors (``actorText``, ``code``, optional
``sector``), an ``event`` type (``AGREE``, ``CONSULT`` ... ``ASSAULT``), optional
``mode`` and ``context``, and the sentence in ``text``. Records whose ``event`` is
``DOCUMENT`` describe the file and are skipped.

Mapping
-------
- One event per (source actor, target actor) pair. A record with several sources
  and no target ("Hungarian and Romanian officials agreed ...") is CAMEO's compound
  reciprocal case: one event each way between every two sources. A side with no
  actor at all gets ``---``.
- Actor code = ``code`` + ``sector`` when the sector is a role (``HUN`` + ``GOV`` ->
  ``HUNGOV``); name = ``actorText``.
- PLOVER types carry no CAMEO code, so detente assigns the CAMEO code that the
  OEDA CAMEO-to-PLOVER table maps to that type and mode when there is exactly one
  (``CONSULT`` + ``phone`` -> ``041``), else the type's unspecified CAMEO code
  (``AGREE`` -> ``030``; PLOVER 0.5 names such as ``DISAPPROVE`` and ``FIGHT`` map to
  their 2021 equivalents). ``plover`` keeps the type, ``note`` the mode, context,
  event words and that the CAMEO code was derived. Goldstein and quad come from the
  codebook for that code.
- ``doc_id`` = ``id``; ``sentence`` = ``text``; ``row`` = the record's 1-based
  position in the file (JSON Lines: its line).

Records that cannot be read (no date, an unknown event type, no actors, not an
object) go to quarantine with the record number and the reason.
"""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import DataFormatError
from detente.events.importers.archives import plain_file
from detente.events.importers.quarantine import BAD_DATE, BAD_RECORD, ProgressCallback
from detente.events.importers.staging import UNKNOWN_ACTOR, Staged, stage_events, stage_quarantine
from detente.events.schema import Event

PLOVER_ROOT_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "080", "INVESTIGATE": "090", "REQUEST": "100", "DEMAND": "100",
    "ACCUSE": "110", "DISAPPROVE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170", "ASSAULT": "180", "FIGHT": "190",
}
"""PLOVER event type -> the CAMEO code used when no more specific code fits (PLOVER 0.5 and 2021 names)."""

_TYPE_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
_ROLE = ("GOV", "MIL", "OPP", "REB", "BUS", "MED", "COP", "JUD", "LEG", "SPY", "EDU", "ELI", "CVL", "IGO",
         "NGO", "REF", "PTY", "LAB", "AGR", "CRM", "HLH", "REL", "ENV", "HRI", "UAF", "INS", "SEP", "RAD")


@functools.cache
def cameo_for(event_type: str, mode: str = "") -> str | None:
    """The CAMEO code detente uses for a PLOVER type and mode; None for an unknown type."""
    event_type = event_type.strip().upper()
    if event_type not in PLOVER_ROOT_CAMEO:
        return None
    mode = (mode or "").strip().lower()
    if mode:
        from detente import ontology

        wanted = _TYPE_2021.get(event_type, event_type)
        hits = []
        for code in ontology.all_codes():
            mapping = ontology.to_plover(code.code)
            if mapping and mapping.type == wanted and mapping.mode.strip().lower() == mode:
                hits.append(code.code)
        if len(hits) == 1:
            return hits[0]
    return PLOVER_ROOT_CAMEO[event_type]


def _actors(value: Any) -> list[tuple[str, str | None]]:
    """(code, name) for each actor of a record side; [] when the side is empty."""
    if not value:
        return []
    if isinstance(value, dict):
        value = [value]
    out = []
    for actor in value if isinstance(value, list) else []:
        if not isinstance(actor, dict):
            continue
        code = str(actor.get("code") or "").strip().upper()
        sector = str(actor.get("sector") or "").strip().upper()
        if sector[:3] in _ROLE:
            code += sector[:3]
        name = str(actor.get("actorText") or "").strip() or None
        out.append((code or UNKNOWN_ACTOR, name))
    return out


def _records(path: Path) -> list[tuple[int, Any]]:
    """(record number, record) from a JSON list or a JSON Lines file."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFormatError(f"non-UTF-8 byte at offset {exc.start}", path=path, hint="save the file as UTF-8") from exc
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFormatError(
                f"invalid JSON ({exc.msg})", path=path, line=exc.lineno,
                hint="the file may be truncated; PLOVER files are one JSON list of records (or JSON Lines)",
            ) from exc
        return list(enumerate(items, start=1))
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            records.append((number, _Broken(f"invalid JSON ({exc.msg})", line)))
    return records


class _Broken:
    """A JSON Lines line that did not parse."""

    def __init__(self, reason: str, raw: str) -> None:
        self.reason, self.raw = reason, raw


def _events_of(record: dict[str, Any], number: int, file: str) -> list[Event]:
    """The events of one record; ValueError(reason) if it cannot be coded."""
    from detente import ontology

    event_type = str(record.get("event") or "").strip().upper()
    doc_id = str(record.get("id") or "").strip()
    if not doc_id:
        raise ValueError(f"{BAD_RECORD}: no id")
    cameo = cameo_for(event_type, str(record.get("mode") or ""))
    if cameo is None:
        raise ValueError(f"{BAD_RECORD}: unknown PLOVER event type {event_type!r}")
    raw_date = str(record.get("date") or "")
    try:
        day = date.fromisoformat(raw_date[:10])
    except ValueError:
        raise ValueError(f'{BAD_DATE}: date="{raw_date}"') from None
    sources, targets = _actors(record.get("source")), _actors(record.get("target"))
    if not sources and not targets:
        raise ValueError(f"{BAD_RECORD}: no source or target actor")
    if not targets and len(sources) >= 2:
        pairs = [(a, b) for a in sources for b in sources if a[0] != b[0]] or [(sources[0], (UNKNOWN_ACTOR, None))]
    else:
        pairs = [(a, b) for a in (sources or [(UNKNOWN_ACTOR, None)]) for b in (targets or [(UNKNOWN_ACTOR, None)])]
    entry = ontology.get(cameo)
    note = "; ".join(
        f"{key}={value}"
        for key, value in (
            ("plover_mode", record.get("mode")), ("plover_context", record.get("context")),
            ("event_text", record.get("eventText")), ("cameo", "derived from the PLOVER type"),
        )
        if value
    )
    text = record.get("text")
    seen: set[tuple[str, str]] = set()
    events = []
    for (src, src_name), (tgt, tgt_name) in pairs:
        if (src, tgt) in seen:
            continue
        seen.add((src, tgt))
        events.append(Event(
            date=day, source=src, target=tgt, cameo=cameo, root=entry.root, quad=entry.quad,
            goldstein=entry.goldstein, dataset="plover", doc_id=doc_id, plover=event_type,
            source_name=src_name, target_name=tgt_name, sentence=str(text) if text else None,
            file=file, row=number, note=note or None,
        ))
    return events


def import_plover(
    con: Any, path: Path, *, file: str, progress: ProgressCallback | None = None, scan: Any = None,
    **options: Any,
) -> Staged:
    """Stage the events of one PLOVER JSON (or JSON Lines) file (see the module docstring)."""
    if options:
        raise DataFormatError(f"unknown option(s) for plover: {', '.join(options)}", path=path, hint="plover takes no options")
    with plain_file(path) as plain:
        records = _records(plain)
    if not records:
        raise DataFormatError("no records", path=path, hint="a PLOVER file is a JSON list of event records")
    events: list[Event] = []
    quarantined: list[tuple[int | None, str, str | None]] = []
    read = 0
    for i, (number, record) in enumerate(records):
        if progress is not None and i % 1000 == 0:
            progress("parse", i / len(records))
        if isinstance(record, _Broken):
            read += 1
            quarantined.append((number, f"{BAD_RECORD}: {record.reason}", record.raw))
            continue
        if isinstance(record, dict) and str(record.get("event", "")).upper() == "DOCUMENT":
            continue
        read += 1
        if not isinstance(record, dict):
            quarantined.append((number, f"{BAD_RECORD}: not a JSON object", json.dumps(record)[:4000]))
            continue
        try:
            events.extend(_events_of(record, number, file))
        except ValueError as exc:
            quarantined.append((number, str(exc), json.dumps(record, ensure_ascii=False)))
    stage_events(con, events)
    stage_quarantine(con, quarantined)
    if progress is not None:
        progress("parse", 1.0)
    return Staged(dataset="plover", read=read, notes=[f"{len(events)} events from {read} records"])
