"""Dates written in a sentence, resolved against the document's date.

Handles the forms news text uses for when something happened:

- full dates: "February 19, 2025", "19 February 2025", "Feb. 19, 2025", "2025-02-19" (day)
- day and month: "on February 18", "18 February" (day; the year is the document's, or
  the year before when that would put the event more than 30 days after the document)
- month and year: "in May 2024" (month); a bare month: "in January" (month, year as above)
- years: "in 2019", "since 2014" (year)
- relative: "today", "yesterday", "on Monday", "last week", "this week", "last month",
  "this month", "last year", "this year", "earlier this month" (against the document date)

Weeks have no precision of their own in the event schema: "this week" is dated to the
document date and "last week" to seven days before it, with precision "day" and the
phrase kept in :attr:`DateMention.text` so a reader can see the approximation.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from detente.events.schema import DatePrecision

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DAY = r"(?P<{0}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d{{2}})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("mdy", re.compile(r"\b" + _MONTH.format("m") + r"\s+" + _DAY.format("d") + r",?\s+" + _YEAR.format("y") + r"\b")),
    ("dmy", re.compile(r"\b" + _DAY.format("d") + r"\s+(?:of\s+)?" + _MONTH.format("m") + r",?\s+" + _YEAR.format("y") + r"\b")),
    ("md", re.compile(r"\b" + _MONTH.format("m") + r"\s+" + _DAY.format("d") + r"\b(?!\s*(?:%|percent|billion|million))")),
    ("dm", re.compile(r"\b" + _DAY.format("d") + r"\s+(?:of\s+)?" + _MONTH.format("m") + r"\b")),
    ("my", re.compile(r"\b" + _MONTH.format("m") + r",?\s+(?:of\s+)?" + _YEAR.format("y") + r"\b")),
    ("m", re.compile(r"\b(?i:in|since|during|until|by|early|late|mid-|last|this|next)\s+(?:early\s+|late\s+|mid-)?" + _MONTH.format("m") + r"(?=\W|$)")),
    ("y", re.compile(r"(?<![\d$.,])\b(?i:in|since|during|until|by|of|from|before|after|early|late|mid-|the|a|its|their)\s+(?:early\s+|late\s+|mid-)?" + _YEAR.format("y") + r"\b(?![\d%])")),
    ("y2", re.compile(r"(?:^|,\s*)" + _YEAR.format("y") + r"(?=,)")),
    ("rel", re.compile(r"\b(?:on\s+)?(?P<rel>today|yesterday|(?:earlier\s+|later\s+)?this\s+(?:week|month|year)|last\s+(?:week|month|year)|(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I)),
]
# What each pattern cannot match without (a capitalised month abbreviation, a 19xx/20xx
# year, a relative word), so that a sentence skips the patterns it cannot hold.
_NEEDS_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_NEEDS_YEAR = re.compile(r"(?:19|20)\d{2}")
_NEEDS_REL = re.compile(r"today|yesterday|this|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_NEEDS: dict[str, re.Pattern[str]] = {
    "iso": _NEEDS_YEAR, "mdy": _NEEDS_MONTH, "dmy": _NEEDS_MONTH, "md": _NEEDS_MONTH, "dm": _NEEDS_MONTH,
    "my": _NEEDS_MONTH, "m": _NEEDS_MONTH, "y": _NEEDS_YEAR, "y2": _NEEDS_YEAR, "rel": _NEEDS_REL,
}
_TRIGGER = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|today|yesterday|week|month|year|day\b",
    re.I,
)
# Month names that are also common words ("May", "March") only count as months next to
# a day, a year or a date preposition; the patterns above already require that.


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a sentence: character span (in the sentence), value, precision."""

    start: int
    end: int
    text: str
    date: date
    precision: DatePrecision
    relative: bool


def _year_for(month: int, day: int | None, doc: date | None) -> int | None:
    if doc is None:
        return None
    guess = doc.year
    try:
        candidate = date(guess, month, day or 1)
    except ValueError:
        return guess
    if candidate - doc > timedelta(days=30):
        return guess - 1
    return guess


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(sentence: str, doc_date: date | None = None) -> list[DateMention]:
    """Every date expression in `sentence`, resolved against `doc_date`, left to right.

    Expressions that need the document date (a month without a year, "last week")
    are dropped when `doc_date` is None. Overlapping matches keep the most specific.
    """
    found: list[DateMention] = []
    if not _TRIGGER.search(sentence):
        return found
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    present = {needs: needs.search(sentence) is not None for needs in set(_NEEDS.values())}
    for kind, pattern in _PATTERNS:
        if not present[_NEEDS[kind]]:
            continue
        for m in pattern.finditer(sentence):
            start, end = m.span()
            if kind in ("m", "y"):
                # keep the preposition out of the span
                inner = m.group("m" if kind == "m" else "y")
                start = m.start("m" if kind == "m" else "y")
                end = start + len(inner) + (1 if kind == "m" and sentence[start + len(inner):start + len(inner) + 1] == "." else 0)
            if kind == "y2":
                start, end = m.span("y")
            if kind == "rel":
                start, end = m.span("rel")
            if not free(start, end):
                continue
            value = _resolve(kind, m, doc_date)
            if value is None:
                continue
            when, precision, relative = value
            found.append(DateMention(start, end, sentence[start:end], when, precision, relative))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    return found


def _resolve(kind: str, m: re.Match[str], doc: date | None) -> tuple[date, DatePrecision, bool] | None:
    g = m.groupdict()
    if kind in ("iso", "mdy", "dmy"):
        month = int(g["m"]) if kind == "iso" else _MONTHS[g["m"].lower().rstrip(".")]
        when = _safe_date(int(g["y"]), month, int(g["d"]))
        return (when, "day", False) if when else None
    if kind in ("md", "dm"):
        month = _MONTHS[g["m"].lower().rstrip(".")]
        year = _year_for(month, int(g["d"]), doc)
        if year is None:
            return None
        when = _safe_date(year, month, int(g["d"]))
        return (when, "day", True) if when else None
    if kind == "my":
        month = _MONTHS[g["m"].lower().rstrip(".")]
        return date(int(g["y"]), month, 1), "month", False
    if kind == "m":
        month = _MONTHS[g["m"].lower().rstrip(".")]
        year = _year_for(month, None, doc)
        if year is None:
            return None
        return date(year, month, 1), "month", True
    if kind in ("y", "y2"):
        return date(int(g["y"]), 1, 1), "year", False
    if kind == "rel":
        if doc is None:
            return None
        phrase = " ".join(g["rel"].lower().split())
        phrase = phrase.removeprefix("on ").removeprefix("earlier ").removeprefix("later ")
        if phrase == "today":
            return doc, "day", True
        if phrase == "yesterday":
            return doc - timedelta(days=1), "day", True
        if phrase == "this week":
            return doc, "day", True
        if phrase == "last week":
            return doc - timedelta(days=7), "day", True
        if phrase == "this month":
            return doc.replace(day=1), "month", True
        if phrase == "last month":
            first = doc.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month", True
        if phrase == "this year":
            return date(doc.year, 1, 1), "year", True
        if phrase == "last year":
            return date(doc.year - 1, 1, 1), "year", True
        weekday = phrase.removeprefix("last ")
        if weekday in _WEEKDAYS:
            back = (doc.weekday() - _WEEKDAYS[weekday]) % 7
            if phrase.startswith("last ") and back == 0:
                back = 7
            return doc - timedelta(days=back), "day", True
    return None
