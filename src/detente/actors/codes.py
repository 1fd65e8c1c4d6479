"""The code algebra: base codes, role suffixes, former codes and groups.

A CAMEO actor code is a base (`USA`, `EUR`, `NATO`) followed by zero or more
three-letter role suffixes (`USAGOV`, `RUSMIL`; CAMEO manual 1.1b3, ch. 3). Unlike
:func:`detente.ontology.split_code`, which knows only the roles, a :class:`CodeTable`
knows the registry's bases too, so it tells a code from a word: `UKRAINE` is not
`UKR` + `AINE` (`AINE` is no role), and `NATOMIL` is `NATO` + `MIL`.

Which stored codes an actor stands for is :mod:`detente.actors.prefixes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from detente.actors.entities import Actor
from detente.errors import UnknownActorError
from detente.ontology.roles import ROLE_SUFFIXES, split_code

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
