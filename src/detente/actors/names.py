"""The name index: every name, alias, metonym, demonym and person the registry knows, and look-ups by name.

Names are of five kinds, each with its own job (:data:`~detente.actors.entities.KINDS`):

- ``name``: a state's or organisation's name or alias ("Russian Federation", "EU");
- ``metonym``: a place or institution standing for an actor ("Moscow" -> `RUS`,
  "the Kremlin" -> `RUSGOV`, "the Pentagon" -> `USAMIL`, "Brussels" -> `EUR`);
- ``demonym``: a nationality adjective or noun ("Russian", "Ukrainians");
- ``person``: someone who stands for an actor over a half-open date range
  ([start, end)): "Trump" is `USAGOV` from 2017-01-20 to 2021-01-20 and from 2025-01-20;
- ``title`` (only in running text): an actor word followed by a role noun
  ("Russian Foreign Minister" -> `RUSGOV`), see :mod:`detente.actors.mentions`.

A look-up key is case-folded, with single spaces, no leading "the" and no trailing
possessive, so "the kremlin's" finds "Kremlin". Unknown names get suggestions: the
nearest known names by :func:`difflib.get_close_matches` (Ratcliff-Obershelp
similarity), over names and codes alike. Running text also matches the title-case forms
British house styles give acronyms ("Nato", "Asean": :func:`house_style_forms`) and states' names with
their later words in lower case ("United states": :func:`lower_case_forms`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from detente.actors.entities import KINDS, Actor, Person
from detente.actors.textforms import fold

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{4,}")
_WORD_ACRONYMS = frozenset({"pace", "shape", "care", "hope", "aims", "safe", "save", "fast"})
"""Acronyms whose title-case form is an English word ("Pace", "Shape"): no :func:`house_style_forms` for them."""


def house_style_forms(surface: dict[str, list[NameEntry]]) -> dict[str, list[NameEntry]]:
    """Title-case forms of the registry's acronyms of four or more letters, as British house styles
    write acronyms said as words ("Nato", "Opec", "Asean", "Ecowas", "Unicef": the Guardian's and
    the BBC's style guides; the Financial Times writes them so too), for the acronyms whose form
    is not written already. Acronyms of three letters are left out ("Who" is no WHO) and so are
    those whose title-case form is an English word (:data:`_WORD_ACRONYMS`)."""
    forms: dict[str, list[NameEntry]] = {}
    for text, entries in surface.items():
        if _ACRONYM.fullmatch(text) and text.lower() not in _WORD_ACRONYMS:
            form = text[0] + text[1:].lower()
            if form not in surface:
                forms[form] = list(entries)
    return forms


_BUILDING_WORDS = ("Palace", "Mansion", "Castle")
"""The generic last words of seats of government's names that house styles write in lower case."""


def building_forms(surface: dict[str, list[NameEntry]]) -> dict[str, list[NameEntry]]:
    """The registry's building names with their generic last word in lower case ("Elysee palace",
    "Miraflores palace", "Prague castle"), as many house styles write a building's name after the
    first capitalised word (AP and Reuters write "Elysee Palace", AFP and the Guardian often "the
    Elysee palace"), for the names whose form is not written already."""
    forms: dict[str, list[NameEntry]] = {}
    for text, entries in surface.items():
        head, _, last = text.rpartition(" ")
        if head and last in _BUILDING_WORDS:
            form = f"{head} {last.lower()}"
            if form not in surface:
                forms[form] = list(entries)
    return forms


_PARTICLES = ("bin", "bint", "ibn", "al", "el")
"""Arabic name particles ("son of", "daughter of", the article) that the registry writes in lower case."""
_PARTICLE = re.compile(r"(?<=\s)(" + "|".join(_PARTICLES) + r")(?=[\s-])")


def particle_forms(surface: dict[str, list[NameEntry]]) -> dict[str, list[NameEntry]]:
    """The registry's people's names with their Arabic particles capitalised ("Mohammed Bin Salman", "Abdel Fattah
    Al-Sisi", "Nawaf Al-Ahmad"), as many English-language house styles of the Gulf and of South Asia write them (Gulf
    News, Arab News, the Khaleej Times and Dawn capitalise "Bin" and "Al-"; Reuters and AP write "bin" and "al-"), for
    the names whose form is not written already. People only, and particles after the first word only: an
    organisation's "al-" ("al-Shabaab") stays as registered.

    Measured with :data:`~detente.actors.mentions.GENERATIONAL_SUFFIXES` (session 17, pooled development sets in
    page mode, news_dev10 parts d-e left out): 1 right event more, no wrong one (F1 0.4301 -> 0.4302); the forms
    occur some 15 times in the development sentences, mostly where another side is missing."""
    forms: dict[str, list[NameEntry]] = {}
    for text, entries in surface.items():
        if not any(entry.person is not None and entry.kind == "person" for entry in entries):
            continue
        form = _PARTICLE.sub(lambda m: m.group(1).capitalize(), text)
        if form != text and form not in surface:
            forms[form] = [entry for entry in entries if entry.person is not None and entry.kind == "person"]
    return forms


def lower_case_forms(surface: dict[str, list[NameEntry]], states: frozenset[str]) -> dict[str, list[NameEntry]]:
    """States' names of two words or more with their later words in lower case ("United states", "Czech republic",
    "Saudi arabia"), as careless copy and some house styles write them, for the names whose form is not written
    already. A sentence-opening capital is all that marks such a name, so only a state's own name or alias (kind
    ``name``) gets the form: not an organisation's ("Islamic state", "General assembly" are common nouns) nor a
    metonym's ("White house").

    Session 20 (nouns20): news_dev13 part d opens a page with "The United states and Cuba will reopen
    embassies", which matched no actor."""
    forms: dict[str, list[NameEntry]] = {}
    for text, entries in surface.items():
        head, _, rest = text.partition(" ")
        named = [entry for entry in entries if entry.kind == "name" and entry.code in states]
        if not rest or not named or not head[:1].isupper():
            continue
        form = f"{head} {rest.lower()}"
        if form != text and form not in surface:
            forms[form] = named
    return forms


@dataclass(frozen=True)
class NameEntry:
    """What one written name stands for: a code of some kind, or a person (whose code depends on the date).

    ``citizen`` is the code a person stands for in running text on a date outside all their terms
    (:func:`citizen_code`), None where that is not one state's.
    """

    code: str
    kind: str
    person: Person | None = None
    citizen: str | None = None

    def code_on(self, on: date | None) -> str | None:
        """The code on a date (people only inside a term; with no date, their latest term)."""
        return self.person.code_on(on) if self.person is not None else self.code


def citizen_code(person: Person, states: frozenset[str]) -> str | None:
    """The code a person stands for outside their terms: their state's plain code, when every term of
    theirs is one state's; None when the terms name an organisation or more than one state.

    Why: the annotation guide codes officials *and citizens* of a state as that state (rule 1) and codes
    dated past acts (convention 12), so a former or future office-holder named in the news ("then-premier
    Wen Jiabao travelled to Pyongyang in 2009", "former president Robert Mugabe", Alpha Conde after the
    2021 coup, Aung San Suu Kyi before she took office) still names their country. Only in running text
    (:class:`~detente.actors.mentions.MentionMatcher`): a look-up by name (:meth:`NameIndex.resolve`)
    keeps a person's code to their terms, as the ICEWS and user look-ups need.

    Choices
    -------
    - The plain state code, no role: out of office a person holds none of the roles their terms had.
      Not CAMEO's ELI (elites) either: a sector would make them a side distinct from their state's
      government, army or police (:meth:`~detente.actors.codes.CodeTable.distinct_sides`), and a coup
      that "arrested President X" or "supporters of X clashed with police" would become domestic events
      the guide does not code (rule 7). Measured on session 12's pooled development sets (page mode):
      with ELI 7 right events more and 7 wrong more, most of them such domestic pairs; with the plain
      code 7 right more and 2 wrong more (F1 0.4621 -> 0.4637, precision 0.6569 -> 0.6575).
    - One state only: the heads of international organisations (Guterres: PRT, then UNO) and people who
      served two states have no code outside their terms (which state would a former one speak for?).
    - Persons only: a dated group (the Taliban) outside its terms is not a citizen of anything.
    - Full names only (two words or more: "Naftali Bennett", "Wen Jiabao"), not a surname alias: the
      registry lists a surname alone where it is unambiguous *in the news of the person's terms*
      ("Bennett", "Truss", "Seko" are other people's names in other years).
    """
    if person.kind != "person" or not person.terms:
        return None
    bases = {term.code[:3] for term in person.terms}
    if len(bases) != 1:
        return None
    (base,) = bases
    return base if base in states else None


def name_key(name: str) -> str:
    """The look-up key of a name: case-folded, single spaces, without a leading 'the' or trailing possessive.

    >>> name_key("  The Kremlin's ")
    'kremlin'
    """
    text = " ".join(fold(name).text.split())  # "Ukraineʼs" as "Ukraine's"
    text = _LEADING_THE.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    return text.casefold()


def surface_form(name: str) -> str:
    """A name as it is matched in text: single spaces, no leading 'the' ("the Kremlin" -> "Kremlin")."""
    return _LEADING_THE.sub("", " ".join(name.split()))


@dataclass(frozen=True)
class NameIndex:
    """Every written name -> what it stands for, and the same by look-up key.

    ``surface`` keeps names as written (text matching is case-sensitive: "US" but not
    "us"); ``folded`` is keyed by :func:`name_key`, its entries in :data:`KINDS` order.
    """

    surface: dict[str, list[NameEntry]]
    folded: dict[str, list[NameEntry]] = field(repr=False)
    labels: dict[str, str] = field(repr=False)  # look-up key -> a label for suggestions ("Ukraine (UKR)")
    guarded: frozenset[str] = frozenset()  # names as written that are an actor only standing alone (Actor.guarded)

    @classmethod
    def build(cls, actors: Iterable[Actor], people: Iterable[Person]) -> "NameIndex":
        surface: dict[str, list[NameEntry]] = {}

        def add(text: str, entry: NameEntry) -> None:
            text = surface_form(text)
            if text:
                surface.setdefault(text, []).append(entry)

        actors = list(actors)
        states = frozenset(actor.code for actor in actors if actor.kind == "state")
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                add(name, NameEntry(actor.code, "name"))
            for name in actor.metonyms:
                add(name, NameEntry(actor.code, "metonym"))
            for name, role in actor.institutions:
                add(name, NameEntry(actor.code + role, "metonym"))
            for name in actor.demonyms:
                add(name, NameEntry(actor.code, "demonym"))
        for person in people:
            for name in (person.name, *person.aliases):
                kind = "person" if person.kind == "person" else "name"  # a dated group is named, not a person
                citizen = citizen_code(person, states) if " " in name.strip() else None  # full names only
                add(name, NameEntry(person.terms[0].code if person.terms else "", kind, person, citizen))
        folded: dict[str, list[NameEntry]] = {}
        labels: dict[str, str] = {}
        for text, entries in surface.items():
            key = name_key(text)
            folded.setdefault(key, []).extend(entries)
            labels.setdefault(key, f"{text} ({entries[0].code_on(None) or '?'})")
        for entries in folded.values():
            entries.sort(key=lambda e: KINDS.index(e.kind))
        surface.update(house_style_forms(surface))  # after `folded`: "Nato" folds to the key "NATO" has
        surface.update(building_forms(surface))  # after `folded` too: "Elysee palace" folds to "Elysee Palace"'s key
        surface.update(particle_forms(surface))  # after `folded` too: "Mohammed Bin Salman" folds to the registered key
        surface.update(lower_case_forms(surface, states))  # after `folded` too: "United states" folds to its key
        for actor in actors:  # codes are suggestions too: "UKR" for "UKRR"
            labels.setdefault(name_key(actor.code), f"{actor.code} ({actor.name})")
        guarded = frozenset(surface_form(name) for actor in actors for name in actor.guarded)
        return cls(surface, folded, labels, guarded)

    def resolve(self, name: str, on: date | None = None) -> str | None:
        """The code a whole name stands for on a date (names before metonyms before people), or None."""
        for entry in self.folded.get(name_key(name), ()):
            code = entry.code_on(on)
            if code:
                return code
        return None

    def people_named(self, name: str) -> list[Person]:
        """The people with this name or alias (case-insensitive)."""
        return [e.person for e in self.folded.get(name_key(name), ()) if e.person is not None]

    def suggestions(self, name: str, n: int = 3) -> list[str]:
        """The nearest known names (with their codes), best first, for an error message.

        >>> from detente.actors import get_registry
        >>> get_registry().names_index.suggestions("Ukriane", n=1)
        ['Ukraine (UKR)']
        """
        key = name_key(name)
        if not key:
            return []
        close = difflib.get_close_matches(key, list(self.labels), n=4 * n, cutoff=0.7)
        by_code: dict[str, str] = {}  # one name per actor: "Ukraine (UKR)", not also "Ukrainian (UKR)"
        for k in close:
            by_code.setdefault(self.labels[k].rsplit("(", 1)[-1], self.labels[k])
        return list(by_code.values())[:n]
