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
    `char_start`/`char_end` locate the sentence; `row` is the 1-based line in an
    imported file.
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

    @property
    def event_id(self) -> str:
        """A stable id from the event's content and provenance (importing twice gives the same id).

        The MD5 digest of ``dataset|doc_id|row|sentence_index|char_start|date|source|target|cameo``
        (Python's ``str()`` of each value: ``None`` -> ``"None"``, dates in ISO form), read as
        a little-endian 128-bit integer and written as 32 lower-case hex digits. This is
        exactly DuckDB's ``printf('%032x', md5_number(key))``, so bulk imports compute the
        same id in SQL (:func:`detente.events.importers.staging.event_id_sql`) and the store
        keeps it as a 16-byte ``UHUGEINT``. MD5 serves as a fingerprint here, not as a
        security measure: 128 bits make an accidental collision negligible even over
        billions of events.
        """
        key = "|".join(
            str(v)
            for v in (
                self.dataset, self.doc_id, self.row, self.sentence_index, self.char_start,
                self.date, self.source, self.target, self.cameo,
            )
        )
        digest = hashlib.md5(key.encode("utf-8"), usedforsecurity=False).digest()
        return f"{int.from_bytes(digest, 'little'):032x}"

    def to_record(self) -> dict[str, Any]:
        """A flat dict with `event_id` first, ready for a DataFrame or a store row."""
        return {"event_id": self.event_id, **asdict(self)}


EVENT_COLUMNS: tuple[str, ...] = ("event_id",) + tuple(f.name for f in fields(Event))
