"""The actor registry's data: actors, the people who stand for them over dated terms, and mentions in text.

Plain frozen dataclasses, no behaviour beyond what a record knows about itself
(whether a term covers a date, which code a person stands for on a date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS: tuple[str, ...] = ("name", "metonym", "demonym", "person", "title")
"""The kinds of name, in the order a look-up prefers them when a name is ambiguous."""


@dataclass(frozen=True)
class Actor:
    """One actor: a state, an international organisation, a group of actors or a region.

    Attributes
    ----------
    code : str
        CAMEO-style base code without role (`RUS`, `EUR`, `NATO`).
    name : str
        Common English name.
    kind : str
        ``state``, ``igo``, ``ngo``, ``group``, ``region`` or ``other``.
    aliases : tuple of str
        Other names ("Russian Federation").
    members : tuple of str
        Member codes, for groups and organisations (`EUR` -> the 27 EU states).
    metonyms : tuple of str
        Places that stand for the actor as a whole ("Moscow").
    demonyms : tuple of str
        Nationality words ("Russian", "Russians").
    institutions : tuple of (str, str)
        Institution metonyms with the role they stand for (("Kremlin", "GOV")).
    former_codes : tuple of str
        Older codes still found in data (`ROM` for Romania).
    guarded : tuple of str
        Names (among the above) that are also a given name, a surname or the first word
        of other proper names ("Jordan Bardella", "Georgia Tech", "West Virginia"): in
        running text they stand for the actor only when no other capitalised word is
        joined to them (see :mod:`detente.actors.mentions`).
    """

    code: str
    name: str
    kind: str = "state"  # state | igo | ngo | group | region | other
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # for groups such as EUR
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    institutions: tuple[tuple[str, str], ...] = ()
    former_codes: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A period in which a person stands for an actor code: [start, end), either end open."""

    code: str
    start: date | None = None
    end: date | None = None
    role: str = ""

    def covers(self, on: date) -> bool:
        """True if `on` falls in [start, end)."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Person:
    """Someone who stands for an actor (a leader, minister, envoy) over one or more terms.

    ``kind`` is ``person``, or ``group`` for a named group whose code changes with the
    date (the Taliban: `AFGREB` while they fight a government, `AFGGOV` while they are
    one): dated like a person, but a name in text, so "he" never refers back to it.
    """

    name: str
    aliases: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    kind: str = "person"  # person | group

    def code_on(self, on: date | None = None) -> str | None:
        """The code the person stands for on a date; with no date, the latest term's code."""
        if on is None:
            latest = max(self.terms, key=lambda t: t.start or date.min, default=None)
            return latest.code if latest else None
        for term in self.terms:
            if term.covers(on):
                return term.code
        return None


@dataclass(frozen=True)
class Mention:
    """An actor named in a text: the span [start, end), its text, the code and the kind of name."""

    start: int
    end: int
    text: str
    code: str
    kind: str  # name | metonym | demonym | person | title
