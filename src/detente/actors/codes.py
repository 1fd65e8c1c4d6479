"""The code algebra: base codes, role suffixes, former codes and groups.

A CAMEO actor code is a base (`USA`, `EUR`, `NATO`) followed by zero or more
three-letter role suffixes (`USAGOV`, `RUSMIL`; CAMEO manual 1.1b3, ch. 3). Unlike
:func:`detente.ontology.split_code`, which knows only the roles, a :class:`CodeTable`
knows the registry's bases too, so it tells a code from a word: `UKRAINE` is not
`UKR` + `AINE` (`AINE` is no role), and `NATOMIL` is `NATO` + `MIL`.

Sectors: CAMEO codes events *inside* one country by the sectors of its two sides
(manual 1.1b3, ch. 3: "NGACOP" police against "NGAOPP" opposition is a domestic
event). :meth:`CodeTable.compose` puts a country and a sector together and
:meth:`CodeTable.distinct_sides` says when two codes of one country are two
distinguishable sides; a country acting on itself with no sectors to tell apart
(`NGA` and `NGAGOV`, `NGAGOV` and `NGAGOV`) is not.

Which stored codes an actor stands for is :mod:`detente.actors.prefixes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from detente.actors.entities import Actor
from detente.errors import UnknownActorError
from detente.ontology.roles import NON_STATE_ROLES, ROLE_SUFFIXES, split_code

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

    def compose(self, base: str, role: str | None) -> str:
        """A country (or organisation) and a sector as one code: (`NGA`, `COP`) -> `NGACOP`, (`NATO`, `MIL`) -> `NATOMIL`.

        A base that already carries a role keeps it (`NGAGOV` + `COP` stays `NGAGOV`:
        a code names one sector); an unknown base or role raises
        :class:`~detente.errors.UnknownActorError`.

        >>> from detente.actors import get_registry
        >>> get_registry().codes.compose("nga", "COP"), get_registry().codes.compose("NGAGOV", "COP")
        ('NGACOP', 'NGAGOV')
        """
        split = self.split(base)
        if split is None:
            raise UnknownActorError(f"unknown actor code '{base}'", hint="compose a registry code with a role")
        if split[1] is not None or not role:
            return split[0] + (split[1] or "")
        role = role.strip().upper()
        if role not in ROLE_SUFFIXES:
            raise UnknownActorError(
                f"unknown role '{role}'", hint="use a CAMEO role suffix (" + ", ".join(list(ROLE_SUFFIXES)[:8]) + " ...)"
            )
        return split[0] + role

    def distinct_sides(self, a: str, b: str) -> bool:
        """True when `a` and `b` are two distinguishable sides of one country or organisation.

        The test for a codable domestic event (CAMEO manual 1.1b3, ch. 3): two different
        sectors (`NGACOP`, `NGAOPP`), or the state and one of its non-state challengers
        (`NGA`, `NGAREB`: a plain country code does not stand for
        :data:`~detente.ontology.roles.NON_STATE_ROLES`, the rule of
        :func:`detente.actors.actor_prefixes`). A country and one of its state sectors
        (`NGA`, `NGAGOV`), one sector twice, or two codes of different bases (not
        domestic at all) are not.

        >>> from detente.actors import get_registry
        >>> t = get_registry().codes
        >>> t.distinct_sides("NGACOP", "NGAOPP"), t.distinct_sides("NGA", "NGAREB"), t.distinct_sides("NGA", "NGAGOV")
        (True, True, False)
        >>> t.distinct_sides("USAGOV", "USAGOV"), t.distinct_sides("USAGOV", "RUSMIL")
        (False, False)
        """
        sa, sb = self.split(a), self.split(b)
        if sa is None or sb is None or sa[0] != sb[0] or sa[1] == sb[1]:
            return False
        if sa[1] is not None and sb[1] is not None:
            return True
        return (sa[1] or sb[1]) in NON_STATE_ROLES
