"""The actor registry: the one source of truth for actor codes, names and the people behind them.

Codes follow CAMEO: a country or organisation code (ISO 3166-1 alpha-3 for states:
`USA`, `RUS`; `EUR` for the EU group; `NATO`, `UNO`, `OSCE` ... for organisations)
optionally followed by role suffixes (`USAGOV`, `RUSMIL`; see
:data:`detente.ontology.ROLE_SUFFIXES`).

The data live in ``actors/data/*.yaml`` (states, organisations, people) and are
loaded once by :func:`get_registry`. Users add or override entries with their own
YAML files listed in the ``DETENTE_ACTORS`` environment variable (paths separated
by ``os.pathsep``) or by :meth:`ActorRegistry.extend`; see
docs/how-to/add-an-actor.md.

The registry holds the data and delegates each job to one module, building its
tables once and rebuilding them when entries change:

- :mod:`detente.actors.loading` reads and validates the YAML;
- :mod:`detente.actors.codes` is the code algebra (bases, roles, former codes, the
  prefixes an actor stands for);
- :mod:`detente.actors.names` is the name index (resolve, suggestions);
- :mod:`detente.actors.mentions` finds actors in running text.

:func:`lookup` is how every command turns what a user typed into a code: a code, a
name, an alias, a metonym, a demonym or a person; an unknown actor is an error that
names the nearest known ones, never an empty result.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.actors.codes import CodeTable
from detente.actors.entities import KINDS, Actor, Mention, Person, Term
from detente.actors.loading import packaged_texts, parse_document, read_text, with_name
from detente.actors.mentions import MentionMatcher
from detente.actors.names import NameIndex, name_key, surface_form
from detente.errors import DataFormatError, UnknownActorError
from detente.ontology.roles import ROLE_SUFFIXES

__all__ = ["KINDS", "Actor", "ActorRegistry", "Mention", "Person", "Term", "find_mentions", "get_registry", "lookup", "resolve"]

_ALNUM = re.compile(r"[A-Za-z0-9]+")


@dataclass
class ActorRegistry:
    """Look-ups by code, by name (case-insensitive) and in running text.

    Build one from YAML with :meth:`from_yaml_text` / :meth:`from_yaml_file`; the
    packaged default is :func:`get_registry`.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_yaml_text(cls, text: str, *, path: str | Path | None = None) -> "ActorRegistry":
        """A registry from one YAML document with `actors:`, `names:` and/or `people:` lists."""
        registry = cls()
        registry.load_yaml_text(text, path=path)
        return registry

    @classmethod
    def from_yaml_file(cls, path: str | Path) -> "ActorRegistry":
        """A registry from one YAML file."""
        return cls.from_yaml_text(read_text(path), path=path)

    def load_yaml_text(self, text: str, *, path: str | Path | None = None) -> None:
        """Add the entries of one YAML document (see :mod:`detente.actors.loading`).

        `actors:` entries add or replace actors by code; `names:` entries add a name to an
        existing actor (`{name: Lubyanka, code: RUSSPY}`); `people:` entries add or replace
        people by name. The document is checked whole before anything is added.
        """
        document = parse_document(text, path=path)
        actors = dict(self.actors)
        for actor in document.actors:
            actors[actor.code] = actor
        codes = CodeTable.build(actors.values())  # `names:` may name the actors just added
        for entry in document.names:
            split = codes.split(entry.code)
            if split is None:
                raise DataFormatError(
                    f"unknown actor code '{entry.code}'", path=entry.where, field=f"{entry.field}.code",
                    hint="add the actor under `actors:` first, or use a registry code with known roles",
                )
            base, role = split
            actors[base] = with_name(actors[base], entry, role)
        self.actors = actors
        if document.people:  # each replaces (by name) any earlier one and goes last: one pass, not one per person
            last = {person.name: person for person in document.people}  # the last of each name
            order = {person.name: k for k, person in enumerate(document.people)}  # where it comes
            self.people = [p for p in self.people if p.name not in order] + sorted(last.values(), key=lambda p: order[p.name])
        self._cache.clear()

    def add_actor(self, actor: Actor) -> None:
        """Add or replace one actor (use this, not `actors[...] =`, so look-up tables are rebuilt)."""
        self.actors[actor.code] = actor
        self._cache.clear()

    def add_person(self, person: Person) -> None:
        """Add or replace (by name) one person."""
        self.people = [p for p in self.people if p.name != person.name] + [person]
        self._cache.clear()

    def with_yaml_file(self, path: str | Path) -> "ActorRegistry":
        """A new registry: this one plus the entries of a YAML file (`names:` may name this one's actors)."""
        merged = ActorRegistry(dict(self.actors), list(self.people))
        merged.load_yaml_text(read_text(path), path=path)
        return merged

    def extend(self, other: "ActorRegistry") -> "ActorRegistry":
        """A new registry: this one with `other`'s actors and people added (other wins on clashes)."""
        merged = ActorRegistry(dict(self.actors), list(self.people))
        merged.actors.update(other.actors)
        names = {p.name for p in other.people}
        merged.people = [p for p in merged.people if p.name not in names] + list(other.people)
        return merged

    def validate(self) -> list[str]:
        """Problems in the data: unknown member codes, term codes with an unknown base or role, guarded names the actor does not have."""
        problems = []
        for actor in self.actors.values():
            problems += [f"{actor.code}: member '{m}' is not in the registry" for m in actor.members if m not in self.actors]
            problems += [f"{actor.code}: institution '{n}' has unknown role '{r}'" for n, r in actor.institutions if r not in ROLE_SUFFIXES]
            own = {surface_form(n) for n in (actor.name, *actor.aliases, *actor.metonyms, *actor.demonyms,
                                             *(name for name, _ in actor.institutions))}
            problems += [f"{actor.code}: guarded name '{g}' is not one of its names" for g in actor.guarded if surface_form(g) not in own]
        for person in self.people:
            for term in person.terms:
                if not self.is_code(term.code):
                    problems.append(f"{person.name}: term code '{term.code}' is not a registry code with known roles")
        return problems

    # ------------------------------------------------------------------ tables (built once)
    @property
    def codes(self) -> CodeTable:
        """The code algebra over this registry's codes (:class:`~detente.actors.codes.CodeTable`)."""
        if "codes" not in self._cache:
            self._cache["codes"] = CodeTable.build(self.actors.values())
        return self._cache["codes"]

    @property
    def names_index(self) -> NameIndex:
        """The name index over this registry's names and people (:class:`~detente.actors.names.NameIndex`)."""
        if "names" not in self._cache:
            self._cache["names"] = NameIndex.build(self.actors.values(), self.people)
        return self._cache["names"]

    @property
    def matcher(self) -> MentionMatcher:
        """The mention matcher for running text (:class:`~detente.actors.mentions.MentionMatcher`)."""
        if "matcher" not in self._cache:
            self._cache["matcher"] = MentionMatcher(self.names_index.surface, self.base_code, self.names_index.guarded)
        return self._cache["matcher"]

    # ------------------------------------------------------------------ codes
    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.is_code(code)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def is_code(self, code: str) -> bool:
        """True if `code` is a registry code, optionally with known role suffixes (`USAGOV`, `NATO`)."""
        return self.codes.is_code(code)

    def base_code(self, code: str) -> str:
        """The actor code with any role suffix removed (`USAGOV` -> `USA`, `NATOMIL` -> `NATO`, `ROM` -> `ROU`).

        Codes the registry does not know fall back to CAMEO's three-letter rule.
        """
        return self.codes.base_code(code)

    def normalize_code(self, code: str) -> str:
        """The canonical form of a code: upper case, former codes replaced (`romgov` -> `ROUGOV`)."""
        return self.codes.normalize(code)

    def get(self, code: str) -> Actor:
        """The actor for a code (role suffixes allowed); UnknownActorError if absent."""
        actor = self.actors.get(code.strip().upper())
        if actor is None:
            split = self.codes.split(code)
            actor = self.actors.get(split[0]) if split else None
        if actor is None:
            raise UnknownActorError(
                f"unknown actor code '{code}'",
                hint="use a CAMEO-style code from the registry (`USA`, `RUS`, `UKR`, `CHN`, `EUR` ...)",
            )
        return actor

    def group_members(self, code: str) -> tuple[str, ...]:
        """Member codes of a group or organisation (`EUR` -> 27 EU states); () for a state.

        A role suffix is ignored (`EURGOV` -> the members of `EUR`). Unknown codes raise
        UnknownActorError.
        """
        return self.get(code).members

    def groups_of(self, code: str) -> tuple[str, ...]:
        """Codes of the groups and organisations an actor belongs to (`FRA` -> EUR, NATO, G7, ...)."""
        base = self.base_code(code)
        return tuple(a.code for a in self.actors.values() if base in a.members)

    def person(self, name: str) -> Person | None:
        """The person with this name or alias (case-insensitive), or None."""
        key = name_key(name)
        for person in self.people:
            if key in {name_key(n) for n in (person.name, *person.aliases)}:
                return person
        return None

    # ------------------------------------------------------------------ names
    def names(self) -> dict[str, list[tuple[str, str]]]:
        """Every name the registry knows -> [(code, kind), ...] (people with their latest code)."""
        return {text: [(e.code_on(None) or "", e.kind) for e in entries] for text, entries in self.names_index.surface.items()}

    def resolve(self, name: str, on: date | None = None) -> str | None:
        """The actor code for a name, alias, metonym, demonym, person, title or code; None if unknown.

        Case-insensitive; a leading "the" and a trailing "'s" are ignored. People
        resolve only on dates inside one of their terms (with `on=None`, to their
        latest term). Codes resolve to their canonical form (`usagov` -> `USAGOV`);
        a word is not read as a code plus a role unless the rest is a known role
        (`UKRAINE` is a name, not `UKR` + `AINE`). A phrase such as "Russian Foreign
        Minister" resolves like a title mention.

        Examples
        --------
        >>> from datetime import date
        >>> reg = get_registry()
        >>> reg.resolve("the Kremlin"), reg.resolve("Trump", on=date(2022, 6, 1)), reg.resolve("Chinese troops")
        ('RUSGOV', None, 'CHNMIL')
        """
        if not name or not name.strip():
            return None
        code = self.names_index.resolve(name, on=on)
        if code:
            return code
        if _ALNUM.fullmatch(name.strip()) and self.is_code(name):
            return self.normalize_code(name)
        text = surface_form(name)
        mentions = self.find_mentions(text, on=on)
        if (len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(text.rstrip("."))
                and mentions[0].kind != "person"):  # a person is a whole name above; here only as a citizen
            return mentions[0].code  # outside their terms, which a look-up by name does not give
        return None

    def lookup(self, text: str, on: date | None = None, *, field: str | None = None) -> str:
        """The actor code for what a user typed (code, name, alias, metonym, demonym, person, title).

        Like :meth:`resolve`, but an actor the registry does not know raises
        :class:`~detente.errors.UnknownActorError` naming the nearest known names
        (``field`` says where the name came from, e.g. ``--actor``), and a person
        outside their terms on `on` says so. Every command that takes an actor from a
        user goes through this.

        Examples
        --------
        >>> reg = get_registry()
        >>> reg.lookup("Ukraine"), reg.lookup("European Union"), reg.lookup("the Kremlin"), reg.lookup("usagov")
        ('UKR', 'EUR', 'RUSGOV', 'USAGOV')
        >>> reg.lookup("Ukriane")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        detente.errors.UnknownActorError: unknown actor 'Ukriane' (fix: did you mean Ukraine (UKR)? ...
        """
        name = text.strip() if isinstance(text, str) else ""
        if not name:
            raise UnknownActorError("no actor given", field=field, hint="give a code such as USA or a name such as Russia")
        code = self.resolve(name, on=on)
        if code:
            return code
        people = self.names_index.people_named(name)
        if people and on is not None:
            terms = "; ".join(
                f"{t.code} {t.start or '...'} to {t.end or 'now'}" for p in people for t in p.terms
            )
            raise UnknownActorError(
                f"'{name}' stood for no actor on {on.isoformat()} (terms: {terms})",
                field=field, hint="choose a date inside a term, or name the actor by its code",
            )
        near = self.names_index.suggestions(name)
        hint = (
            f"did you mean {' or '.join(near)}? Any code, name, capital or leader works: see docs/reference/actors.md"
            if near
            else "give a registry code (USA, RUS, UKR, CHN, EUR ...) or a name ('Russia', 'the Kremlin', 'Putin'); "
            "add your own actors with DETENTE_ACTORS (docs/how-to/add-an-actor.md)"
        )
        raise UnknownActorError(f"unknown actor '{name}'", field=field, hint=hint)

    def suggestions(self, text: str, n: int = 3) -> list[str]:
        """The nearest known names to `text`, with their codes ("Ukraine (UKR)"), best first."""
        return self.names_index.suggestions(text, n=n)

    def icews_actor(self, name: str | None, sectors: str | None, country: str | None, on: date | None = None) -> str | None:
        """The CAMEO-style code for one side of an ICEWS event, or None.

        ICEWS gives a side as a name ("Foreign Affairs (Bangladesh)", "Donald Trump",
        "European Union"), a comma-separated sector list and a country name. With a
        country, the code is the country's code plus the role of the sectors
        (:func:`detente.ontology.role_for_icews_sectors`): "Military,Government" in
        "Vietnam" -> `VNMMIL`. Without one (international bodies), the name is
        resolved: "European Parliament" -> `EURLEG`, "United Nations" -> `UNO`. A name
        the registry knows as a person or institution of that country on `on` wins over
        the sectors (ICEWS's sector lists are not dated).

        Examples
        --------
        >>> get_registry().icews_actor("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry,Government", "Bangladesh")
        'BGDGOV'
        >>> get_registry().icews_actor("UN Security Council", None, None)
        'UNOGOV'
        """
        from detente.ontology.roles import role_for_icews_sectors

        def present(value: str | None) -> bool:
            return bool(value) and str(value).strip() not in ("", "NA", "nan")

        if present(country):
            base = self.resolve(str(country))
            if base is None:
                return None
            base = self.base_code(base)
            if present(name):
                # A person or institution the registry knows, dated, beats ICEWS's undated
                # sector list (which gives Modi in 2018 an opposition sector).
                known = self.resolve(str(name), on=on)
                if known and self.base_code(known) == base and known != base:
                    return known
            role = role_for_icews_sectors(sectors) if present(sectors) else None
            return base + role if role and role not in ("IGO", "NGO") else base
        if present(name):
            return self.resolve(str(name), on=on)
        return None

    # ------------------------------------------------------------------ text
    def find_mentions(self, text: str, on: date | None = None) -> list[Mention]:
        """Every actor mention in `text`, left to right, without overlaps (longest match wins).

        See :mod:`detente.actors.mentions` for the rules (case-sensitive names, dated
        people, titles such as "Russian Foreign Minister", shared roles).

        Examples
        --------
        >>> [(m.text, m.code, m.kind) for m in get_registry().find_mentions("Russian troops left the Russian Federation")]
        [('Russian troops', 'RUSMIL', 'title'), ('Russian Federation', 'RUS', 'name')]
        """
        return self.matcher.find(text, on=on)


@functools.cache
def get_registry() -> ActorRegistry:
    """The packaged default registry (loaded once), plus files named in ``DETENTE_ACTORS``;
    read back from the user's cache when a process built it before with the same inputs
    (:mod:`detente.actors.stored`)."""
    from detente.actors.stored import stored_registry

    return stored_registry(build_registry, ActorRegistry)


def build_registry() -> ActorRegistry:
    """The packaged default registry plus files named in ``DETENTE_ACTORS``, read from the YAML."""
    registry = ActorRegistry()
    for label, text in packaged_texts():
        registry.load_yaml_text(text, path=label)
    for extra in filter(None, os.environ.get("DETENTE_ACTORS", "").split(os.pathsep)):
        registry.load_yaml_text(read_text(extra), path=extra)
    return registry


def resolve(name: str, on: date | None = None) -> str | None:
    """`get_registry().resolve(name, on)`: the actor code for a name, or None."""
    return get_registry().resolve(name, on=on)


def country_of(code: str) -> str:
    """The country or organisation a side's code stands for: the default registry's base code
    (:meth:`~detente.actors.codes.CodeTable.base_code`: `USAGOV` -> `USA`, `AUGOV` -> `AU`, `NATOMIL` -> `NATO`).

    Why: two sides are one party when their countries (or organisations) are one, and code pairs were
    compared by their first three letters, CAMEO's rule for states, which cuts an organisation with a
    two-letter code in the middle ("AUGOV" -> "AUG", not the African Union's "AU"; "G7GOV" -> "G7G"), so
    the African Union and its commission were two parties. Every comparison of sides' identity goes
    through this one function.

    >>> country_of("AUGOV"), country_of("AU"), country_of("RUSMIL"), country_of("---")
    ('AU', 'AU', 'RUS', '---')

    Choices: the answers are remembered per code table (the coder compares the parties of a list pair by pair,
    and a three-letter cut cost nothing); a new default registry starts a new memo.
    """
    global _COUNTRIES
    table = get_registry().codes
    owner, memo = _COUNTRIES
    if owner is not table:
        memo = {}
        _COUNTRIES = (table, memo)
    found = memo.get(code)
    if found is None:
        found = memo[code] = table.base_code(code)
    return found


_COUNTRIES: tuple[CodeTable | None, dict[str, str]] = (None, {})
"""The code table :func:`country_of` last read, with its answers by code."""


def lookup(text: str, on: date | None = None, *, field: str | None = None) -> str:
    """`get_registry().lookup(text, on)`: the actor code for what a user typed; UnknownActorError with suggestions."""
    return get_registry().lookup(text, on=on, field=field)


def find_mentions(text: str, on: date | None = None) -> list[Mention]:
    """`get_registry().find_mentions(text, on)`: the actor mentions in a text."""
    return get_registry().find_mentions(text, on=on)
