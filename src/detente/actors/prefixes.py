"""Which stored event codes an actor stands for: one rule for the event store and the relation series.

`actor_prefixes` is the one rule for which stored codes an actor stands for,
shared by the event store's SQL filters and the relation series:

- a plain code stands for itself and every role of it (`USA` covers `USAGOV`,
  `USAMIL`), but not its non-state challengers (:data:`NON_STATE_ROLES`: `UKRREB`,
  Russian-backed separatists, are not Ukraine; ask for them by their full code);
- a group or organisation adds its members (`EUR`: EU institutions and the 27 states);
- a role-suffixed code stands only for that role (`EURGOV`: the EU institutions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.actors.registry import get_registry
from detente.ontology.roles import NON_STATE_ROLES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


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
    ActorPrefixes(code='USA', include=('USA',), exclude=('USAOPP', 'USAREB', 'USASEP', 'USAINS', 'USARAD'))
    >>> actor_prefixes("EURGOV").include
    ('EURGOV',)
    >>> len(actor_prefixes("European Union").include)  # EUR and its 27 member states
    28
    """
    if registry is None:
        registry = get_registry()
    code = registry.lookup(actor)
    base = registry.base_code(code)
    if base != code:  # a role narrows: EURGOV is the EU institutions only
        return ActorPrefixes(code, (code,))
    members = [m.upper() for m in registry.get(code).members]
    include = tuple(dict.fromkeys([code, *members]))
    exclude = tuple(p + role for p in include for role in NON_STATE_ROLES)
    return ActorPrefixes(code, include, exclude)
