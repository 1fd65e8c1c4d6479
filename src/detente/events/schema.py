"""The event schema: who did what to whom, when, and where the claim comes from.

An event without provenance is not an event: every event carries the document, the
sentence (or dataset row) and the span it was read from. Quad classes follow the
CAMEO quad grouping with statements apart, numbered as in ConfliBERT's five classes:
0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict (1-4 coincide with GDELT's QuadClass).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any, Literal

QUAD_LABELS: dict[int, str] = {
    0: "statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Event:
    """One coded event with its provenance.

    `source`/`target` are actor codes (with role suffixes where known, `USAGOV`);
    `cameo` is the full CAMEO code as a string (`"042"`, `"1056"`), `root` its two-digit
    root (`"04"`). `dataset` names where the event came from (`gdelt1`, `gdelt2`,
    `icews`, `plover`, `csv`, `text`, `case`); `doc_id` + `sentence_index` +
    `char_start`/`char_end` locate the sentence; `origin_id` is the source dataset's
    own identifier of the event where it has one besides `doc_id` (the ICEWS Event
    ID; GDELT's GLOBALEVENTID is the `doc_id`); `file` and `row` say where the event
    was imported from (the 1-based line of an imported file).
    """

    date: date
    source: str
    target: str
    cameo: str
    root: str
    quad: int
    goldstein: float
    dataset: str
    doc_id: str
    date_precision: DatePrecision = "day"
    plover: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    sentence: str | None = None
    sentence_index: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    quote: str | None = None
    url: str | None = None
    file: str | None = None
    row: int | None = None
    negated: bool = False
    modality: str | None = None  # None = asserted as done; else "threat", "intent", "refusal", "possible", ...
    tone: float | None = None
    confidence: float | None = None
    note: str | None = None
    origin_id: str | None = None

    @property
    def event_id(self) -> str:
        """A stable id from the event itself: its content and its origin's own identifiers.

        The MD5 digest of :data:`ID_KEY_FIELDS` joined with ``|`` (Python's ``str()`` of each
        value: ``None`` -> ``"None"``, dates in ISO form), read as a little-endian 128-bit
        integer and written as 32 lower-case hex digits (:func:`event_id_of`). How an event
        was imported (dataset label, column map, file, line) is not part of it, so the same
        event read from two files, or imported again under another ``--dataset``, is one
        event. The store computes the same id in SQL
        (:func:`detente.events.importers.staging.event_id_sql`) and keeps it as a 16-byte
        ``UHUGEINT``. MD5 serves as a fingerprint here, not as a security measure.
        """
        return event_id_of(id_key(self))

    def to_record(self) -> dict[str, Any]:
        """A flat dict with `event_id` first, ready for a DataFrame or a store row."""
        return {"event_id": self.event_id, **asdict(self)}


ID_KEY_FIELDS: tuple[str, ...] = (
    "doc_id", "origin_id", "sentence_index", "char_start", "date", "source", "target", "cameo",
)
"""What identifies an event (version 3 of the id): where in its source it was stated, and what it says."""

ID_VERSION = 3
"""Stores record the id version they hold; older ones are re-keyed when opened for writing."""


def id_key(event: Event, occurrence: int = 1) -> str:
    """The text an event's id hashes; the `occurrence`-th copy (> 1) of an event in a source without ids gets ``|#n``."""
    key = "|".join(str(getattr(event, name)) for name in ID_KEY_FIELDS)
    return key if occurrence <= 1 else f"{key}|#{occurrence}"


def event_id_of(key: str) -> str:
    """32 hex digits: the MD5 digest of `key` as a little-endian 128-bit integer (DuckDB's ``md5_number``)."""
    digest = hashlib.md5(key.encode("utf-8"), usedforsecurity=False).digest()
    return f"{int.from_bytes(digest, 'little'):032x}"


EVENT_COLUMNS: tuple[str, ...] = ("event_id",) + tuple(f.name for f in fields(Event))
