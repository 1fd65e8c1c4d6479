"""Reading actor YAML: the packaged data files and a user's own, validated entry by entry.

A document has up to three lists (see docs/how-to/add-an-actor.md):

- ``actors:`` add or replace actors by code (``{code: RUS, name: Russia, ...}``);
- ``names:`` add a name to an existing actor (``{name: Lubyanka, code: RUSSPY}``;
  ``kind`` name, metonym or demonym for codes without a role);
- ``people:`` add or replace people by name, each with dated terms;
- ``groups:`` add or replace named groups whose code changes with the date, written as
  people are (``{name: Taliban, terms: [{code: AFGGOV, start: 2021-08-15}]}``) but matched
  as names, never as a person a later "he" refers to.

Every problem raises :class:`~detente.errors.DataFormatError` naming the file and the
field path (``actors[3].code``) and the fix. Applying a document to a registry (which
needs the registry's codes for ``names:``) is the registry's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.actors.entities import Actor, Person, Term
from detente.errors import DataFormatError
from detente.ontology.roles import ROLE_SUFFIXES

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is present

DATA_FILES: tuple[str, ...] = ("states.yaml", "organisations.yaml", "groups.yaml", "people.yaml")
"""The packaged data files, loaded in this order."""

NAME_KINDS: tuple[str, ...] = ("name", "metonym", "demonym")
"""The kinds a ``names:`` entry may give for a code without a role."""


@dataclass(frozen=True)
class NameEntry:
    """One ``names:`` item: a new name for an existing actor code, with where it was written."""

    name: str
    code: str
    kind: str
    where: str
    field: str


@dataclass(frozen=True)
class ActorDocument:
    """The validated content of one actor YAML document."""

    actors: tuple[Actor, ...] = ()
    names: tuple[NameEntry, ...] = ()
    people: tuple[Person, ...] = ()


def read_text(path: str | Path) -> str:
    """The text of an actor file; DataFormatError naming the file if it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFormatError(f"cannot read actor file: {exc.strerror}", path=path, hint="check the path") from None
    except UnicodeDecodeError:
        raise DataFormatError("actor file is not UTF-8", path=path, hint="save the file as UTF-8") from None


def packaged_texts() -> list[tuple[str, str]]:
    """(label, text) of each packaged data file, in :data:`DATA_FILES` order."""
    data = resources.files("detente.actors").joinpath("data")
    return [(f"detente/actors/data/{name}", data.joinpath(name).read_text(encoding="utf-8")) for name in DATA_FILES]


def parse_document(text: str, *, path: str | Path | None = None) -> ActorDocument:
    """Validate one YAML document with `actors:`, `names:` and/or `people:` lists."""
    where = str(path) if path is not None else "<actors yaml>"
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
        raise DataFormatError("expected a mapping with `actors:`, `names:`, `people:` and/or `groups:`", path=where, hint="see docs/how-to/add-an-actor.md")
    actors = tuple(_actor_from(entry, where, f"actors[{i}]") for i, entry in enumerate(raw.get("actors") or ()))
    names = tuple(_name_from(entry, where, f"names[{i}]") for i, entry in enumerate(raw.get("names") or ()))
    people = tuple(_person_from(entry, where, f"people[{i}]") for i, entry in enumerate(raw.get("people") or ()))
    people += tuple(replace(_person_from(entry, where, f"groups[{i}]"), kind="group")
                    for i, entry in enumerate(raw.get("groups") or ()))
    return ActorDocument(actors, names, people)


def with_name(actor: Actor, entry: NameEntry, role: str | None) -> Actor:
    """`actor` with the name of a ``names:`` entry added (as an institution when the code has a role)."""
    if role:
        if len(role) != 3:
            raise DataFormatError("a name can carry one role", path=entry.where, field=f"{entry.field}.code", hint="use e.g. RUSGOV, not RUSGOVMIL")
        return replace(actor, institutions=(*actor.institutions, (entry.name, role)))
    if entry.kind == "name":
        return replace(actor, aliases=(*actor.aliases, entry.name))
    if entry.kind == "metonym":
        return replace(actor, metonyms=(*actor.metonyms, entry.name))
    return replace(actor, demonyms=(*actor.demonyms, entry.name))


def _name_from(entry: Any, where: str, fld: str) -> NameEntry:
    if not isinstance(entry, dict) or not entry.get("name") or not entry.get("code"):
        raise DataFormatError("a name needs `name` and `code`", path=where, field=fld, hint="write e.g. {name: Lubyanka, code: RUSSPY}")
    kind = str(entry.get("kind", "name"))
    if kind not in NAME_KINDS:
        raise DataFormatError(f"unknown kind '{kind}'", path=where, field=f"{fld}.kind", hint="use name, metonym or demonym")
    return NameEntry(str(entry["name"]), str(entry["code"]), kind, where, fld)


def _strings(value: Any, where: str, fld: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFormatError("expected a list of strings", path=where, field=fld, hint="write e.g. [Moscow, Kremlin]")
    return tuple(value)


def _actor_from(entry: Any, where: str, fld: str) -> Actor:
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
        guarded=_strings(entry.get("guarded"), where, f"{fld}.guarded"),
    )


TERM_KEYS = frozenset({"code", "start", "end", "role"})
"""What a person's term may hold."""


def _date(value: Any, where: str, fld: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataFormatError(f"bad date '{value}'", path=where, field=fld, hint="write dates as YYYY-MM-DD") from None


def _person_from(entry: Any, where: str, fld: str) -> Person:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise DataFormatError("a person needs `name` and `terms`", path=where, field=fld, hint="see docs/how-to/add-an-actor.md")
    terms = []
    for j, term in enumerate(entry.get("terms") or ()):
        tf = f"{fld}.terms[{j}]"
        if not isinstance(term, dict) or not term.get("code"):
            raise DataFormatError("a term needs `code`", path=where, field=tf, hint="write e.g. {code: USAGOV, start: 2025-01-20}")
        unknown = sorted(set(term) - TERM_KEYS)
        if unknown:  # e.g. an unquoted role with a comma makes YAML read a second, empty key
            raise DataFormatError(f"a term has unknown key(s) {', '.join(map(str, unknown))}", path=where, field=tf,
                                  hint=f"a term holds only {', '.join(sorted(TERM_KEYS))}; quote a role that has a comma")
        start, end = _date(term.get("start"), where, f"{tf}.start"), _date(term.get("end"), where, f"{tf}.end")
        if start and end and end <= start:
            raise DataFormatError("term ends before it starts", path=where, field=tf, hint="`end` is the first day out of office, after `start`")
        terms.append(Term(str(term["code"]).upper(), start, end, str(term.get("role", ""))))
    if not terms:
        raise DataFormatError(f"person '{entry['name']}' has no terms", path=where, field=f"{fld}.terms", hint="add at least one {code, start} term")
    return Person(str(entry["name"]), _strings(entry.get("aliases"), where, f"{fld}.aliases"), tuple(terms))
