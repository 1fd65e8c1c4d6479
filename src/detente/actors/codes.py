"""The code algebra: base codes, role suffixes, former codes, groups, and which codes an actor stands for.

A CAMEO actor code is a base (`USA`, `EUR`, `NATO`) followed by zero or more
three-letter role suffixes (`USAGOV`, `RUSMIL`; CAMEO manual 1.1b3, ch. 3). Unlike
:func:`detente.ontology.split_code`, which knows only the roles, a :class:`CodeTable`
knows the registry's bases too, so it tells a code from a word: `UKRAINE` is not
`UKR` + `AINE` (`AINE` is no role), and `NATOMIL` is `NATO` + `MIL`.

:func:`actor_prefixes` is the one rule for which stored codes an actor stands for,
shared by the event store's SQL filters and the relation series:

- a plain code stands for itself and every role of it (`USA` covers `USAGOV`,
  `USAMIL`), but not its non-state challengers (:data:`NON_STATE_ROLES`: `UKRREB`,
  Russian-backed separatists, are not Ukraine; ask for them by their full code);
- a group or organisation adds its members (`EUR`: EU institutions and the 27 states);
- a role-suffixed code stands only for that role (`EURGOV`: the EU institutions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.actors.entities import Actor
from detente.errors import UnknownActorError
from detente.ontology.roles import NON_STATE_ROLES, ROLE_SUFFIXES, split_code

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_CODE_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class CodeTable:
    """The registry's base codes (and former codes) and how to split a code against them.

    Build one with :meth:`build`; ``canonical`` maps every base and former code to the
    current base (`ROM` -> `ROU`), ``widths`` are the base lengths to try, three first.
    """

    canonical: Mapping[str, str]
    widths: tuple[int, ...]

    @classmethod
    def build(cls, actors: Iterable[Actor]) -> "CodeTable":
        canonical: dict[str, str] = {}
        for actor in actors:
            canonical[actor.code] = actor.code
            for old in actor.former_codes:
                canonical.setdefault(old, actor.code)
        widths = sorted({len(c) for c in canonical}, key=lambda w: (w != 3, -w))
        return cls(canonical, tuple(widths))

    def split(self, code: str) -> tuple[str, str | None] | None:
        """(base, role) with base a registry code (former codes replaced) and role made of known suffixes; else None.

        >>> from detente.actors import get_registry
        >>> table = get_registry().codes
        >>> table.split("romgov"), table.split("NATOMIL"), table.split("UKRAINE")
        (('ROU', 'GOV'), ('NATO', 'MIL'), None)
        """
        code = code.strip().upper()
        if not _CODE_SHAPE.fullmatch(code):
            return None
        for width in self.widths:
            base, rest = code[:width], code[width:]
            if base in self.canonical and len(rest) % 3 == 0 and all(
                rest[i : i + 3] in ROLE_SUFFIXES for i in range(0, len(rest), 3)
            ):
                return self.canonical[base], rest or None
        return None

    def is_code(self, code: str) -> bool:
        """True if `code` is a registry code, optionally with known role suffixes (`USAGOV`, `NATO`)."""
        return self.split(code) is not None

    def base_code(self, code: str) -> str:
        """The code without role suffixes; codes the registry does not know fall back to CAMEO's three-letter rule."""
        split = self.split(code)
        return split[0] if split else split_code(code)[0]

    def normalize(self, code: str) -> str:
        """The canonical form of a code: upper case, former codes replaced (`romgov` -> `ROUGOV`)."""
        split = self.split(code)
        if split is None:
            raise UnknownActorError(
                f"unknown actor code '{code}'",
                hint="use a registry code with optional role suffixes (`USA`, `RUSGOV`, `EUR`, `NATO` ...)",
            )
        return split[0] + (split[1] or "")


@dataclass(frozen=True)
class ActorPrefixes:
    """The stored codes an actor stands for: those starting with an ``include`` prefix and no ``exclude`` one.

    One rule, two back ends: :meth:`mask` for a pandas column, :meth:`sql` for a DuckDB
    filter, so the event store and the relation series always agree.
    """

    code: str
    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def matches(self, code: str) -> bool:
        """True if the stored code `code` belongs to this actor."""
        code = code.upper()
        return code.startswith(self.include) and not (self.exclude and code.startswith(self.exclude))

    def mask(self, codes: "pd.Series") -> "pd.Series":
        """A boolean mask over a column of stored codes (upper case)."""
        hit = codes.str.startswith(self.include).fillna(False).astype(bool)
        if self.exclude:
            hit &= ~codes.str.startswith(self.exclude).fillna(False).astype(bool)
        return hit

    def sql(self, column: str) -> tuple[str, list[Any]]:
        """A DuckDB condition on `column` and its parameters (regular expressions anchored at the start)."""
        condition = f"regexp_matches({column}, ?)"
        params: list[Any] = [_anchored(self.include)]
        if self.exclude:
            condition = f"({condition} AND NOT regexp_matches({column}, ?))"
            params.append(_anchored(self.exclude))
        return condition, params


def _anchored(prefixes: tuple[str, ...]) -> str:
    return "^(?:" + "|".join(re.escape(p) for p in prefixes) + ")"


def actor_prefixes(actor: str, *, registry: Any = None) -> ActorPrefixes:
    """Which stored codes an actor (a code or a name a user typed) stands for; see the module docstring.

    An unknown actor raises :class:`~detente.errors.UnknownActorError` with the nearest
    known names, never an empty match.

    >>> actor_prefixes("USA")
    ActorPrefixes(code='USA', include=('USA',), exclude=('USAOPP', 'USAREB', 'USASEP', 'USAINS'))
    >>> actor_prefixes("EURGOV").include
    ('EURGOV',)
    >>> len(actor_prefixes("European Union").include)  # EUR and its 27 member states
    28
    """
    if registry is None:
        from detente.actors.registry import get_registry

        registry = get_registry()
    code = registry.lookup(actor)
    base = registry.base_code(code)
    if base != code:  # a role narrows: EURGOV is the EU institutions only
        return ActorPrefixes(code, (code,))
    members = [m.upper() for m in registry.get(code).members]
    include = tuple(dict.fromkeys([code, *members]))
    exclude = tuple(p + role for p in include for role in NON_STATE_ROLES)
    return ActorPrefixes(code, include, exclude)
