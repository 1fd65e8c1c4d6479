"""Request parameters shared by the pages and their `/api` twins, validated before any work starts.

FastAPI checks types and ranges from the annotations (a wrong type or an
out-of-range number is a 422 naming the parameter); the functions here turn what
people type (actor names, ``USA-RUS``, dates) into registry codes and dates, raising
:class:`~detente.errors.InputError` (a 400 naming the parameter and the fix).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query

from detente.web.coding import PAIR_CHOICES
from detente.web.workspace import EventFilter, Workspace, check_actor, parse_day, parse_dyad

Freq = Literal["day", "week", "month", "quarter", "year"]
Sort = Literal["date", "source", "target", "cameo", "quad", "goldstein"]
Measure = Literal[
    "events", "statements", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
    "cooperation", "conflict", "net_coop_count", "goldstein_sum", "goldstein_mean", "net_coop",
]
TriangleMeasure = Literal["net_coop", "goldstein_mean"]
Pairs = Literal[tuple(PAIR_CHOICES)]  # type: ignore[valid-type]  # the CLI's --pairs names the page offers
PAIRS_HELP = ("Who codes: 'static' (the default) or 'finetuned' (a learned pair model adds and drops events after the rules, "
              "as `detente code FILE --pairs ...` does; 'finetuned' needs the transformer extra), or 'rules' (the rules "
              "alone).")

MAX_TEXT = 200


def text_param(value: str | None, name: str) -> str | None:
    """Empty form fields mean 'not given'."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def day_param(value: str | None, name: str) -> date | None:
    """A date field (YYYY-MM-DD or YYYY-MM); empty means 'not given'."""
    return parse_day(text_param(value, name), name)


@dataclass
class EventQuery:
    """The events page's query string, validated."""

    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor code or name (USA, 'the Kremlin'): events where it is source or target.")] = None
    dyad: Annotated[str | None, Query(max_length=MAX_TEXT, description="Two actors joined by '-', e.g. USA-RUS (both directions).")] = None
    root: Annotated[str | None, Query(pattern=r"^\s*(\d{2,4})?\s*$", description="CAMEO code or root prefix, e.g. 04 (consult) or 163.")] = None
    quad: Annotated[int | None, Query(ge=0, le=4, description="Quad class: 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None
    since: Annotated[str | None, Query(max_length=10, description="First day, YYYY-MM-DD (or YYYY-MM).")] = None
    until: Annotated[str | None, Query(max_length=10, description="Last day, YYYY-MM-DD (or YYYY-MM).")] = None
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Text to find in the sentence, quote or note.")] = None
    sort: Annotated[Sort, Query(description="Column to sort by.")] = "date"
    desc: Annotated[bool, Query(description="Sort descending.")] = False

    def to_filter(self) -> EventFilter:
        actor = text_param(self.actor, "actor")
        dyad = text_param(self.dyad, "dyad")
        root = text_param(self.root, "root")
        since, until = day_param(self.since, "since"), day_param(self.until, "until")
        if since and until and since > until:
            from detente.errors import InputError

            raise InputError(f"since {since} is after until {until}", field="since", hint="swap the dates")
        return EventFilter(
            actor=check_actor(actor) if actor else None,
            dyad=parse_dyad(dyad) if dyad else None,
            root=root,
            quad=self.quad,
            since=since,
            until=until,
            text=text_param(self.q, "q"),
        )


@dataclass
class TriangleQuery:
    """The triangle page's query string (and its `/api` twin's), validated."""

    a: Annotated[str, Query(max_length=100)] = "USA"
    b: Annotated[str, Query(max_length=100)] = "RUS"
    c: Annotated[str, Query(max_length=100)] = "CHN"
    freq: Annotated[Freq, Query()] = "quarter"
    measure: Annotated[TriangleMeasure, Query()] = "net_coop"
    band: Annotated[float | None, Query(ge=0.0, le=10.0, description="Neutral band +-band (default 0.2 net_coop, 1.0 goldstein_mean).")] = None
    min_events: Annotated[int, Query(ge=1, le=1000)] = 1

    def document(self, ws: Workspace) -> dict[str, Any]:
        """The workspace's triangle document for these actors (names resolved to codes) and settings."""
        return ws.triangle(check_actor(self.a, "a"), check_actor(self.b, "b"), check_actor(self.c, "c"), freq=self.freq, measure=self.measure,
                           band=self.band, min_events=self.min_events)
