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

Names are of five kinds, each with its own job in text:

- ``name``: a state's or organisation's name or alias ("Russian Federation", "EU");
- ``metonym``: a place or institution standing for an actor ("Moscow" -> `RUS`,
  "the Kremlin" -> `RUSGOV`, "the Pentagon" -> `USAMIL`, "Brussels" -> `EUR`);
- ``demonym``: a nationality adjective or noun ("Russian", "Ukrainians");
- ``person``: someone who stands for an actor over a half-open date range
  ([start, end)): "Trump" is `USAGOV` from 2017-01-20 to 2021-01-20 and from 2025-01-20;
- ``title`` (only in :meth:`ActorRegistry.find_mentions`): an actor word followed by
  a role noun ("Russian Foreign Minister" -> `RUSGOV`, "Chinese troops" -> `CHNMIL`).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFormatError, UnknownActorError
from detente.ontology.roles import ROLE_SUFFIXES, role_for_noun, split_code

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is present

KINDS: tuple[str, ...] = ("name", "metonym", "demonym", "person", "title")
"""The kinds of mention, in the order `resolve` prefers them when a name is ambiguous."""

DATA_FILES: tuple[str, ...] = ("states.yaml", "organisations.yaml", "people.yaml")
"""The packaged data files, loaded in this order."""


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
    """Someone who stands for an actor (a leader, minister, envoy) over one or more terms."""

    name: str
    aliases: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()

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


@dataclass(frozen=True)
class _Entry:
    code: str
    kind: str
    person: Person | None = None

    def code_on(self, on: date | None) -> str | None:
        return self.person.code_on(on) if self.person is not None else self.code


# Words that may sit between an actor word and its role noun: "Russian *deputy foreign* minister".
_TITLE_MODIFIERS = frozenset(
    "foreign defence defense interior finance economy economic trade energy justice home state senior top "
    "deputy vice prime first chief acting special former new outgoing incoming security intelligence military "
    "national federal central presidential government armed naval air ground border health culture "
    "agriculture transport education environment emergency emergencies situations affairs policy treasury commerce press war".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)?")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(name: str) -> str:
    """The look-up key of a name: case-folded, single spaces, without a leading 'the' or trailing possessive."""
    text = " ".join(name.replace("\u2019", "'").split())
    text = _LEADING_THE.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    return text.casefold()


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` shaped as a character trie (fast; greedy, so longest first)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        terminal = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


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
        """A registry from one YAML document with `actors:` and/or `people:` lists."""
        registry = cls()
        registry.load_yaml_text(text, path=path)
        return registry

    @classmethod
    def from_yaml_file(cls, path: str | Path) -> "ActorRegistry":
        """A registry from one YAML file."""
        return cls.from_yaml_text(_read(path), path=path)

    def load_yaml_text(self, text: str, *, path: str | Path | None = None) -> None:
        """Add the entries of one YAML document.

        `actors:` entries add or replace actors by code; `names:` entries add a name to an
        existing actor (`{name: Lubyanka, code: RUSSPY}`; `kind` name, metonym or demonym for
        codes without a role); `people:` entries add or replace people by name.
        """
        where = path if path is not None else "<actors yaml>"
        try:
            raw = yaml.load(text, Loader=_YAML_LOADER) or {}
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            raise DataFormatError(
                f"not valid YAML: {exc}", path=where, line=None if line is None else line + 1,
                hint="check indentation and quote names that contain ':' or ','",
            ) from None
        except ValueError as exc:  # PyYAML turns 2020-13-01 into a date and fails
            raise DataFormatError(
                f"bad date or value: {exc}", path=where, hint="write dates as YYYY-MM-DD with a real month and day"
            ) from None
        if not isinstance(raw, dict):
            raise DataFormatError("expected a mapping with `actors:` and/or `people:`", path=where, hint="see docs/how-to/add-an-actor.md")
        for i, entry in enumerate(raw.get("actors") or ()):
            actor = _actor_from(entry, where, f"actors[{i}]")
            self.actors[actor.code] = actor
        self._cache.clear()  # `names:` below look codes up among the actors just added
        for i, entry in enumerate(raw.get("names") or ()):
            self._add_name(entry, where, f"names[{i}]")
        for i, entry in enumerate(raw.get("people") or ()):
            person = _person_from(entry, where, f"people[{i}]")
            self.people = [p for p in self.people if p.name != person.name] + [person]
        self._cache.clear()

    def _add_name(self, entry: Any, where: str | Path, fld: str) -> None:
        """One `names:` item: a new name for an existing actor, e.g. {name: Lubyanka, code: RUSSPY}."""
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("code"):
            raise DataFormatError("a name needs `name` and `code`", path=where, field=fld, hint="write e.g. {name: Lubyanka, code: RUSSPY}")
        name, kind = str(entry["name"]), str(entry.get("kind", "name"))
        split = self._split(str(entry["code"]))
        if split is None:
            raise DataFormatError(
                f"unknown actor code '{entry['code']}'", path=where, field=f"{fld}.code",
                hint="add the actor under `actors:` first, or use a registry code with known roles",
            )
        base, role = split
        actor = self.actors[base]
        if role:
            if len(role) != 3:
                raise DataFormatError("a name can carry one role", path=where, field=f"{fld}.code", hint="use e.g. RUSGOV, not RUSGOVMIL")
            actor = replace(actor, institutions=(*actor.institutions, (name, role)))
        elif kind == "name":
            actor = replace(actor, aliases=(*actor.aliases, name))
        elif kind == "metonym":
            actor = replace(actor, metonyms=(*actor.metonyms, name))
        elif kind == "demonym":
            actor = replace(actor, demonyms=(*actor.demonyms, name))
        else:
            raise DataFormatError(f"unknown kind '{kind}'", path=where, field=f"{fld}.kind", hint="use name, metonym or demonym")
        self.actors[base] = actor

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
        merged.load_yaml_text(_read(path), path=path)
        return merged

    def extend(self, other: "ActorRegistry") -> "ActorRegistry":
        """A new registry: this one with `other`'s actors and people added (other wins on clashes)."""
        merged = ActorRegistry(dict(self.actors), list(self.people))
        merged.actors.update(other.actors)
        names = {p.name for p in other.people}
        merged.people = [p for p in merged.people if p.name not in names] + list(other.people)
        return merged

    def validate(self) -> list[str]:
        """Problems in the data: unknown member codes, term codes with an unknown base or role."""
        problems = []
        for actor in self.actors.values():
            problems += [f"{actor.code}: member '{m}' is not in the registry" for m in actor.members if m not in self.actors]
            problems += [f"{actor.code}: institution '{n}' has unknown role '{r}'" for n, r in actor.institutions if r not in ROLE_SUFFIXES]
        for person in self.people:
            for term in person.terms:
                if not self.is_code(term.code):
                    problems.append(f"{person.name}: term code '{term.code}' is not a registry code with known roles")
        return problems

    # ------------------------------------------------------------------ codes
    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.is_code(code)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def _former(self) -> dict[str, str]:
        if "former" not in self._cache:
            self._cache["former"] = {old: a.code for a in self.actors.values() for old in a.former_codes}
        return self._cache["former"]

    def _split(self, code: str) -> tuple[str, str | None] | None:
        """(base, role) with base a registry (or former) code and role made of known suffixes; else None."""
        code = code.strip().upper()
        former = self._former()
        if "widths" not in self._cache:  # three-letter codes first, then longer ones, then shorter
            lengths = {len(c) for c in self.actors} | {len(c) for c in former}
            self._cache["widths"] = sorted(lengths, key=lambda w: (w != 3, -w))
        for width in self._cache["widths"]:
            base, rest = code[:width], code[width:]
            if (base in self.actors or base in former) and len(rest) % 3 == 0 and all(
                rest[i : i + 3] in ROLE_SUFFIXES for i in range(0, len(rest), 3)
            ):
                return former.get(base, base), rest or None
        return None

    def is_code(self, code: str) -> bool:
        """True if `code` is a registry code, optionally with known role suffixes (`USAGOV`, `NATO`)."""
        return self._split(code) is not None

    def base_code(self, code: str) -> str:
        """The actor code with any role suffix removed (`USAGOV` -> `USA`, `NATOMIL` -> `NATO`, `ROM` -> `ROU`).

        Codes the registry does not know fall back to CAMEO's three-letter rule.
        """
        split = self._split(code)
        return split[0] if split else split_code(code)[0]

    def normalize_code(self, code: str) -> str:
        """The canonical form of a code: upper case, former codes replaced (`romgov` -> `ROUGOV`)."""
        split = self._split(code)
        if split is None:
            raise UnknownActorError(
                f"unknown actor code '{code}'",
                hint="use a registry code with optional role suffixes (`USA`, `RUSGOV`, `EUR`, `NATO` ...)",
            )
        return split[0] + (split[1] or "")

    def get(self, code: str) -> Actor:
        """The actor for a code (role suffixes allowed); UnknownActorError if absent."""
        actor = self.actors.get(code.strip().upper())
        if actor is None:
            split = self._split(code)
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
        key = _key(name)
        for person in self.people:
            if key in {_key(n) for n in (person.name, *person.aliases)}:
                return person
        return None

    # ------------------------------------------------------------------ names
    def _surface(self) -> dict[str, list[_Entry]]:
        """Every name as written -> its entries (a name may belong to several kinds or people)."""
        if "surface" in self._cache:
            return self._cache["surface"]
        table: dict[str, list[_Entry]] = {}

        def add(text: str, entry: _Entry) -> None:
            text = " ".join(text.split())
            text = _LEADING_THE.sub("", text) if text.lower().startswith("the ") else text
            if text:
                table.setdefault(text, []).append(entry)

        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                add(name, _Entry(actor.code, "name"))
            for name in actor.metonyms:
                add(name, _Entry(actor.code, "metonym"))
            for name, role in actor.institutions:
                add(name, _Entry(actor.code + role, "metonym"))
            for name in actor.demonyms:
                add(name, _Entry(actor.code, "demonym"))
        for person in self.people:
            for name in (person.name, *person.aliases):
                add(name, _Entry(person.terms[0].code if person.terms else "", "person", person))
        self._cache["surface"] = table
        return table

    def _index(self) -> dict[str, list[_Entry]]:
        """Case-folded look-up key -> entries, in kind order (names before metonyms before people)."""
        if "index" not in self._cache:
            index: dict[str, list[_Entry]] = {}
            for text, entries in self._surface().items():
                index.setdefault(_key(text), []).extend(entries)
            for entries in index.values():
                entries.sort(key=lambda e: KINDS.index(e.kind))
            self._cache["index"] = index
        return self._cache["index"]

    def names(self) -> dict[str, list[tuple[str, str]]]:
        """Every name the registry knows -> [(code, kind), ...] (people with their latest code)."""
        return {text: [(e.code_on(None) or "", e.kind) for e in entries] for text, entries in self._surface().items()}

    def resolve(self, name: str, on: date | None = None) -> str | None:
        """The actor code for a name, alias, metonym, demonym, person, title or code; None if unknown.

        Case-insensitive; a leading "the" and a trailing "'s" are ignored. People
        resolve only on dates inside one of their terms (with `on=None`, to their
        latest term). Codes resolve to their canonical form (`usagov` -> `USAGOV`).
        A phrase such as "Russian Foreign Minister" resolves like a title mention.

        Examples
        --------
        >>> from datetime import date
        >>> reg = get_registry()
        >>> reg.resolve("the Kremlin"), reg.resolve("Trump", on=date(2022, 6, 1)), reg.resolve("Chinese troops")
        ('RUSGOV', None, 'CHNMIL')
        """
        if not name or not name.strip():
            return None
        for entry in self._index().get(_key(name), ()):
            code = entry.code_on(on)
            if code:
                return code
        if self.is_code(name.strip()) and re.fullmatch(r"[A-Za-z0-9]+", name.strip()):
            return self.normalize_code(name)
        text = " ".join(name.split())
        text = _LEADING_THE.sub("", text)
        mentions = self.find_mentions(text, on=on)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(text.rstrip(".")):
            return mentions[0].code
        return None

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
    def _matcher(self) -> re.Pattern[str]:
        if "matcher" not in self._cache:
            body = _trie_pattern(sorted(self._surface()))
            self._cache["matcher"] = re.compile(r"(?<![\w.])(?:" + body + r")(?![\w]|\.\w)")
        return self._cache["matcher"]

    def find_mentions(self, text: str, on: date | None = None) -> list[Mention]:
        """Every actor mention in `text`, left to right, without overlaps (longest match wins).

        Matching is case-sensitive on the registry's spelling (so "US" matches but "us"
        does not) and respects word boundaries. People are kept only on dates inside
        one of their terms (any term if `on` is None, coded with the latest). A name,
        metonym or demonym followed by a role noun, possibly with a possessive and
        modifiers between, becomes one ``title`` mention with the role suffix:
        "Russian Foreign Minister" -> `RUSGOV`, "Ukraine's armed forces" -> `UKRMIL`,
        "Chinese troops" -> `CHNMIL`; bare actor words coordinated with it share the
        role ("US and Russian officials" -> `USAGOV`, `RUSGOV`).

        The pattern is one regular expression shaped as a character trie, compiled once
        per registry, so a sentence costs one linear scan.

        Examples
        --------
        >>> [(m.text, m.code, m.kind) for m in get_registry().find_mentions("Russian troops left the Russian Federation")]
        [('Russian troops', 'RUSMIL', 'title'), ('Russian Federation', 'RUS', 'name')]
        """
        surface = self._surface()
        found: list[Mention] = []
        # Curly apostrophes count as straight ones ("Côte d’Ivoire"); same length, so spans hold.
        for match in self._matcher().finditer(text.replace("\u2019", "'")):
            entries = surface.get(match.group(0))  # the straight-apostrophe form, as registered
            if not entries:
                continue
            chosen: tuple[str, str] | None = None
            for entry in sorted(entries, key=lambda e: KINDS.index(e.kind)):
                code = entry.code_on(on)
                if code:
                    chosen = (code, entry.kind)
                    break
            if chosen is None:
                continue
            code, kind = chosen
            start, end = match.start(), match.end()
            if kind in ("name", "metonym", "demonym") and len(code) == len(self.base_code(code)):
                title_end, role = self._title_after(text, end)
                if role:
                    code, kind, end = code + role, "title", title_end
            found.append(Mention(start, end, text[start:end], code, kind))
        return _share_roles(text, _drop_overlaps(found))

    @staticmethod
    def _title_after(text: str, pos: int) -> tuple[int, str | None]:
        """If a role noun phrase follows `pos` ("'s deputy foreign minister"), its end and role."""
        possessive = _POSSESSIVE.match(text, pos)
        cursor = possessive.end() if possessive else pos
        words: list[tuple[str, int]] = []
        while len(words) < 4:
            gap = cursor
            while gap < len(text) and text[gap] == " ":
                gap += 1
            if gap == cursor:
                break
            word = _WORD.match(text, gap)
            if not word:
                break
            words.append((word.group(0), word.end()))
            cursor = word.end()
        # The role comes from the first role noun (with the modifiers before it: "defence
        # ministry" -> MIL); role nouns right after it only widen the span ("ministry officials").
        end, role = pos, None
        for k, (word, word_end) in enumerate(words, start=1):
            if role is None:
                if role_for_noun(word):
                    role, end = role_for_noun(" ".join(w for w, _ in words[:k])), word_end
                elif word.casefold() not in _TITLE_MODIFIERS:
                    break
            elif role_for_noun(word):
                end = word_end
            else:
                break
        return end, role


_COORDINATION = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s*")


def _share_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give coordinated bare actors the role of the title that ends the list.

    In "US and Russian officials" or "French, German and Polish troops" the role noun
    belongs to every actor word in the list, so `US` becomes `USAGOV` (kind ``title``,
    span unchanged).
    """
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        if after.kind != "title" or here.kind not in ("name", "demonym", "metonym"):
            continue
        if "'" in after.text or "\u2019" in after.text:  # "Kyiv and Russia's troops": the troops are Russia's
            continue
        if not _COORDINATION.fullmatch(text, here.end, after.start):
            continue
        role = split_code(after.code)[1]
        if role and split_code(here.code)[1] is None:
            out[i] = Mention(here.start, here.end, here.text, here.code + role, "title")
    return out


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


# ---------------------------------------------------------------------- parsing
def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFormatError(f"cannot read actor file: {exc.strerror}", path=path, hint="check the path") from None
    except UnicodeDecodeError:
        raise DataFormatError("actor file is not UTF-8", path=path, hint="save the file as UTF-8") from None


def _strings(value: Any, where: str | Path, fld: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFormatError("expected a list of strings", path=where, field=fld, hint="write e.g. [Moscow, Kremlin]")
    return tuple(value)


def _actor_from(entry: Any, where: str | Path, fld: str) -> Actor:
    if not isinstance(entry, dict) or not entry.get("code") or not entry.get("name"):
        raise DataFormatError("an actor needs `code` and `name`", path=where, field=fld, hint="write e.g. {code: RUS, name: Russia}")
    code = str(entry["code"]).strip().upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", code):
        raise DataFormatError(f"bad actor code '{code}'", path=where, field=f"{fld}.code", hint="use 2-6 capital letters or digits, e.g. RUS, NATO, G20")
    institutions = entry.get("institutions") or {}
    if not isinstance(institutions, dict):
        raise DataFormatError("expected a mapping name -> role", path=where, field=f"{fld}.institutions", hint="write e.g. {Kremlin: GOV}")
    for name, role in institutions.items():
        if str(role).upper() not in ROLE_SUFFIXES:
            raise DataFormatError(
                f"unknown role '{role}' for '{name}'", path=where, field=f"{fld}.institutions",
                hint="use a role from detente.ontology.ROLE_SUFFIXES (GOV, MIL, LEG, MED, BUS, SPY ...)",
            )
    return Actor(
        code=code,
        name=str(entry["name"]),
        kind=str(entry.get("kind", "state")),
        aliases=_strings(entry.get("aliases"), where, f"{fld}.aliases"),
        members=tuple(m.upper() for m in _strings(entry.get("members"), where, f"{fld}.members")),
        metonyms=_strings(entry.get("metonyms"), where, f"{fld}.metonyms"),
        demonyms=_strings(entry.get("demonyms"), where, f"{fld}.demonyms"),
        institutions=tuple((str(k), str(v).upper()) for k, v in institutions.items()),
        former_codes=tuple(c.upper() for c in _strings(entry.get("former_codes"), where, f"{fld}.former_codes")),
    )


def _date(value: Any, where: str | Path, fld: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataFormatError(f"bad date '{value}'", path=where, field=fld, hint="write dates as YYYY-MM-DD") from None


def _person_from(entry: Any, where: str | Path, fld: str) -> Person:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise DataFormatError("a person needs `name` and `terms`", path=where, field=fld, hint="see docs/how-to/add-an-actor.md")
    terms = []
    for j, term in enumerate(entry.get("terms") or ()):
        tf = f"{fld}.terms[{j}]"
        if not isinstance(term, dict) or not term.get("code"):
            raise DataFormatError("a term needs `code`", path=where, field=tf, hint="write e.g. {code: USAGOV, start: 2025-01-20}")
        start, end = _date(term.get("start"), where, f"{tf}.start"), _date(term.get("end"), where, f"{tf}.end")
        if start and end and end <= start:
            raise DataFormatError("term ends before it starts", path=where, field=tf, hint="`end` is the first day out of office, after `start`")
        terms.append(Term(str(term["code"]).upper(), start, end, str(term.get("role", ""))))
    if not terms:
        raise DataFormatError(f"person '{entry['name']}' has no terms", path=where, field=f"{fld}.terms", hint="add at least one {code, start} term")
    return Person(str(entry["name"]), _strings(entry.get("aliases"), where, f"{fld}.aliases"), tuple(terms))


@functools.cache
def get_registry() -> ActorRegistry:
    """The packaged default registry (loaded once), plus files named in ``DETENTE_ACTORS``."""
    registry = ActorRegistry()
    data = resources.files("detente.actors").joinpath("data")
    for name in DATA_FILES:
        registry.load_yaml_text(data.joinpath(name).read_text(encoding="utf-8"), path=f"detente/actors/data/{name}")
    for extra in filter(None, os.environ.get("DETENTE_ACTORS", "").split(os.pathsep)):
        registry.load_yaml_text(_read(extra), path=extra)
    return registry


def resolve(name: str, on: date | None = None) -> str | None:
    """`get_registry().resolve(name, on)`: the actor code for a name, or None."""
    return get_registry().resolve(name, on=on)


def find_mentions(text: str, on: date | None = None) -> list[Mention]:
    """`get_registry().find_mentions(text, on)`: the actor mentions in a text."""
    return get_registry().find_mentions(text, on=on)
