"""Actor mentions in text, through the actor registry.

The registry (:func:`detente.actors.registry.get_registry`) is the one source of
truth for names, aliases, metonyms ("the Kremlin"), titles ("Russian Foreign
Minister") and people tied to dates (Trump stands for `USAGOV` from 2025-01-20).
This module asks it for the mentions in a text (`find_mentions(text, on=date)`) and
adds what a coder needs on top: the role a head noun gives a bare nationality
("Ukrainian officials" -> `UKRGOV`, via :func:`detente.ontology.role_for_noun`), and
which mentions name people (for pronouns such as "he").

While a registry without `find_mentions` is installed, a small stopgap matcher over
the registry's names and aliases (plus a handful of demonyms, titles and people) is
used instead, so the coder keeps working.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from detente.actors.registry import get_registry


@dataclass(frozen=True)
class ActorMention:
    """One actor named in a text: character span, surface text, actor code and kind.

    `kind` comes from the registry ("name", "alias", "metonym", "title", "person",
    "demonym", ...); `is_person` says whether it names a person (a pronoun may
    refer back to it).
    """

    start: int
    end: int
    text: str
    code: str
    kind: str = "name"

    @property
    def is_person(self) -> bool:
        return "person" in self.kind or "people" in self.kind

    @property
    def is_demonym(self) -> bool:
        return any(word in self.kind for word in ("demonym", "adjective", "nationality"))


def find_mentions(text: str, on: date | None = None) -> list[ActorMention]:
    """Actor mentions in `text`, left to right, without overlaps (longest wins).

    Parameters
    ----------
    text:
        Any text (a sentence or a whole document).
    on:
        The date the text speaks of; people resolve to the actor they stood for then.
    """
    registry = get_registry()
    finder = getattr(registry, "find_mentions", None)
    raw: list[Any]
    if callable(finder):
        raw = list(finder(text, on=on))
        found = [
            ActorMention(int(m.start), int(m.end), str(m.text), str(m.code), str(getattr(m, "kind", "name") or "name"))
            for m in raw
            if getattr(m, "code", None)
        ]
    else:
        found = _stopgap_mentions(text, on)
    return _without_overlaps(found)


def resolve(name: str, on: date | None = None) -> str | None:
    """The actor code for one name on a date, or None (registry look-up)."""
    registry = get_registry()
    try:
        code = registry.resolve(name, on=on)
    except TypeError:  # pragma: no cover - an older signature
        code = registry.resolve(name)
    if code is None and not callable(getattr(registry, "find_mentions", None)):
        hits = _stopgap_mentions(name, on)
        code = hits[0].code if hits else None
    return code


def _without_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[ActorMention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def with_role(code: str, head_noun: str | None) -> str:
    """Add the role a head noun implies to a bare country code (`UKR` + "officials" -> `UKRGOV`)."""
    if not head_noun or len(code) != 3:
        return code
    try:
        from detente.ontology import role_for_noun
    except ImportError:  # pragma: no cover
        return code
    role = role_for_noun(head_noun)
    return code + role if role else code


# --- stopgap matcher (used only while the registry has no find_mentions) -----------------

_DEMONYMS = {
    "American": "USA", "Russian": "RUS", "Ukrainian": "UKR", "Chinese": "CHN", "Belarusian": "BLR",
    "European": "EUR", "German": "DEU", "French": "FRA", "British": "GBR", "Polish": "POL",
    "Hungarian": "HUN", "Slovak": "SVK", "Austrian": "AUT", "Saudi": "SAU", "Turkish": "TUR",
    "North Korean": "PRK", "Soviet": "RUS",
}
_PEOPLE: list[tuple[str, str, date | None, date | None]] = [
    ("Donald Trump", "USAGOV", date(2025, 1, 20), None),
    ("Donald Trump", "USAGOV", date(2017, 1, 20), date(2021, 1, 20)),
    ("Joe Biden", "USAGOV", date(2021, 1, 20), date(2025, 1, 20)),
    ("Marco Rubio", "USAGOV", date(2025, 1, 21), None),
    ("J.D. Vance", "USAGOV", date(2025, 1, 20), None),
    ("Vladimir Putin", "RUSGOV", None, None),
    ("Sergey Lavrov", "RUSGOV", None, None),
    ("Dmitry Medvedev", "RUSGOV", None, None),
    ("Volodymyr Zelensky", "UKRGOV", date(2019, 5, 20), None),
    ("Alexander Lukashenko", "BLRGOV", None, None),
    ("Xi Jinping", "CHNGOV", None, None),
    ("Kim Jong Un", "PRKGOV", None, None),
]
_METONYMS = {"White House": "USAGOV", "State Department": "USAGOV", "Pentagon": "USAMIL", "Kremlin": "RUSGOV"}
_TITLES = (
    r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister|Secretary of State|Secretary"
    r"|Vice President|Ambassador|officials?|government|leaders?|diplomats?|troops|forces|army|military)"
)


@functools.cache
def _stopgap_table() -> tuple[re.Pattern[str], dict[str, list[tuple[str, str, date | None, date | None]]]]:
    registry = get_registry()
    entries: dict[str, list[tuple[str, str, date | None, date | None]]] = {}

    def add(name: str, code: str, kind: str, start: date | None = None, end: date | None = None) -> None:
        entries.setdefault(name, []).append((code, kind, start, end))

    for actor in getattr(registry, "actors", {}).values():
        add(actor.name, actor.code, "name")
        for alias in actor.aliases:
            add(alias, actor.code, "alias")
    for name, code in _METONYMS.items():
        add(name, code, "metonym")
    for full, code, start, end in _PEOPLE:
        add(full, code, "person", start, end)
        add(full.split()[-1], code, "person", start, end)
        if full.endswith("Zelensky"):
            add("Zelenskyy", code, "person", start, end)
    for demonym, code in _DEMONYMS.items():
        add(demonym, code, "demonym")
    names = sorted(entries, key=len, reverse=True)
    title = r"(?:(?:%s)\s+%s)" % ("|".join(map(re.escape, _DEMONYMS)), _TITLES)
    pattern = re.compile(r"(?<![\w.])(" + title + "|" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return pattern, entries


def _stopgap_mentions(text: str, on: date | None) -> list[ActorMention]:
    pattern, entries = _stopgap_table()
    found = []
    for m in pattern.finditer(text):
        surface = m.group(1)
        if surface in entries:
            for code, kind, start, end in entries[surface]:
                if on is not None and ((start and on < start) or (end and on >= end)):
                    continue
                found.append(ActorMention(m.start(1), m.end(1), surface, code, kind))
                break
        else:  # demonym + title
            for demonym, code in _DEMONYMS.items():
                if surface.startswith(demonym + " ") or surface.startswith(demonym + "\u00a0"):
                    noun = surface[len(demonym):].strip()
                    found.append(ActorMention(m.start(1), m.end(1), surface, with_role(code, noun) if len(code) == 3 else code, "title"))
                    break
    return found
