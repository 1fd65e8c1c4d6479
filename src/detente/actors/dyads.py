"""Which stored events belong to a dyad: one rule for the event store, ``events list`` and the relation series.

The convention
--------------
The events of the dyad A-B are those whose source is a code A stands for and whose
target a code B stands for, or the reverse unless the dyad is directed (which codes an
actor stands for is :func:`detente.actors.actor_prefixes`: roles, group members, not
non-state challengers), **and whose two sides are not both within one country**.

The second clause matters when a group brings a country onto both sides: through the
EU's membership, the German government against the German police (``DEUGOV`` ->
``DEUCOP``, a domestic event as CAMEO and GDELT code it) would otherwise be an EU-Germany
event. A domestic event belongs to a dyad only when the user asks for two sides of
that one country (``DEUGOV``-``DEUCOP``, ``NGACOP``-``NGAOPP``). "Within one country"
is read on the codes: both start with the code of a country (or organisation) that
each side of the dyad stands for (for ``EUR``-``DEU`` that is ``DEU``; for ``EUR``-``NATO``
the 23 states in both).

One rule, two back ends: :meth:`DyadFilter.masks` for pandas columns and
:meth:`DyadFilter.sql` for a DuckDB filter, built from the same prefixes, so the
store's SQL, ``events list`` on a timeline and the series count the same events.
Callers say how many domestic events the rule left out (:meth:`DyadFilter.domestic_only`
selects exactly those), never drop them in silence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from detente.actors.prefixes import ActorPrefixes, actor_prefixes
from detente.actors.registry import get_registry
from detente.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Domestic = Literal["exclude", "only", "include"]
"""What a filter does with domestic events: leave them out (the rule), keep only them (to count them), or keep them."""


@dataclass(frozen=True)
class DyadFilter:
    """The dyad rule for two actors (see the module docstring); build it with :func:`dyad_filter`.

    ``countries`` are the countries both sides stand for, within which an event is
    domestic and left out (empty when the dyad is two sides of one country, or when
    no country is on both sides).
    """

    a: ActorPrefixes
    b: ActorPrefixes
    countries: tuple[str, ...] = ()
    domestic: Domestic = "exclude"

    @property
    def pair(self) -> tuple[str, str]:
        """The two actors' codes."""
        return self.a.code, self.b.code

    def domestic_only(self) -> "DyadFilter":
        """The same dyad, selecting only the domestic events the rule leaves out (for the note that counts them)."""
        return replace(self, domestic="only")

    def with_domestic(self) -> "DyadFilter":
        """The same dyad, domestic events kept (for a caller that counts them itself, e.g. the series)."""
        return replace(self, domestic="include")

    def masks(self, source: "pd.Series", target: "pd.Series") -> tuple["pd.Series", "pd.Series", "pd.Series"]:
        """Masks over two columns of stored codes (upper case): (A -> B, B -> A, domestic), before the rule applies."""
        forward = self.a.mask(source) & self.b.mask(target)
        backward = self.b.mask(source) & self.a.mask(target)
        domestic = forward & False  # an all-False mask on the same index (pandas is imported by the caller)
        for country in self.countries:
            domestic |= source.str.startswith(country).fillna(False).astype(bool) & target.str.startswith(country).fillna(False).astype(bool)
        return forward, backward, domestic

    def mask(self, source: "pd.Series", target: "pd.Series", *, directed: bool = False) -> "pd.Series":
        """The dyad's events (A -> B only if ``directed``) as a boolean mask, by the rule and ``domestic``."""
        forward, backward, domestic = self.masks(source, target)
        keep = forward if directed else forward | backward
        if self.domestic == "exclude":
            return keep & ~domestic
        if self.domestic == "only":
            return keep & domestic
        return keep

    def sql(self, source: str = "source", target: str = "target", *, directed: bool = False) -> tuple[str, list[Any]]:
        """A DuckDB condition selecting the same events as :meth:`mask`, and its parameters."""
        sa, pa = self.a.sql(source)
        tb, pb = self.b.sql(target)
        condition, params = f"({sa} AND {tb})", pa + pb
        if not directed:
            sb, pb2 = self.b.sql(source)
            ta, pa2 = self.a.sql(target)
            condition, params = f"({condition} OR ({sb} AND {ta}))", params + pb2 + pa2
        if self.countries and self.domestic != "include":
            within = " OR ".join(f"(starts_with({source}, ?) AND starts_with({target}, ?))" for _ in self.countries)
            condition = f"({condition} AND {'NOT ' if self.domestic == 'exclude' else ''}({within}))"
            params += [c for country in self.countries for c in (country, country)]
        elif self.domestic == "only":
            condition = "FALSE"
            params = []
        return condition, params


def dyad_filter(a: str, b: str, *, registry: Any = None) -> DyadFilter:
    """The dyad rule for two actors (codes or names a user typed); see the module docstring.

    Two actors that overlap (one a role of the other, ``USA``-``USAGOV``) are an
    :class:`~detente.errors.InputError`; an unknown one is an
    :class:`~detente.errors.UnknownActorError` with the nearest names.

    >>> dyad_filter("EUR", "DEU").countries
    ('DEU',)
    >>> dyad_filter("United States", "Russia").countries, dyad_filter("DEUGOV", "DEUCOP").countries
    ((), ())
    """
    registry = registry if registry is not None else get_registry()
    rule = _rule(a, b, registry)
    ca, cb = rule.pair
    if ca.startswith(cb) or cb.startswith(ca):
        raise InputError(
            f"a dyad needs two different actors, got {ca} and {cb}, which overlap",
            field="actors",
            hint="name two actors, neither a role of the other (USAGOV-USAMIL is fine, USA-USAGOV is not)",
        )
    return rule


def _rule(a: str, b: str, registry: Any) -> DyadFilter:
    pa, pb = actor_prefixes(a, registry=registry), actor_prefixes(b, registry=registry)
    base = registry.base_code
    if base(pa.code) == base(pb.code):  # two sides of one country, asked for by name: its domestic events are the dyad
        return DyadFilter(pa, pb)
    shared = {base(p) for p in pa.include} & {base(p) for p in pb.include}
    return DyadFilter(pa, pb, tuple(sorted(shared)))


def as_dyad_filter(dyad: "DyadFilter | Sequence[str]", *, field: str = "dyad") -> DyadFilter:
    """A :class:`DyadFilter` as given, or the rule for a pair of actors (what the store's ``dyad=`` accepts).

    A pair is not checked for overlap here: the store answers any pair, and the
    commands and the relations, which take actors from users, refuse overlapping ones
    through :func:`dyad_filter` before any work.
    """
    if isinstance(dyad, DyadFilter):
        return dyad
    if isinstance(dyad, str) or len(dyad) != 2:
        raise InputError("a dyad is a pair of actors", field=field, hint="e.g. ('USA', 'RUS')")
    return _rule(dyad[0], dyad[1], get_registry())
