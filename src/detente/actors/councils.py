"""Security councils that are not the UN's: a state's or organisation's own council as its government.

"Security Council" alone, "the UN Security Council" and "UNSC" are the United Nations' organ (`UNOGOV`, the
registry's ``institutions`` of `UNO`). Many states have a council of that name too: Russia's Security Council
(Sovet Bezopasnosti), Armenia's, Kazakhstan's and Belarus's Security Councils, Iran's Supreme National Security
Council, the National Security Councils of the United States, Japan, South Korea and Turkey, Ukraine's National
Security and Defence Council. News names them by their state: a possessive ("Russia's Security Council"), an
adjective ("the Turkish National Security Council"), or "of" ("the Security Council of Armenia"). Such a
council is the state's executive organ, so it is coded as the state's government, the way the code algebra
codes a ministry ("Russia's foreign ministry" -> `RUSGOV`, :func:`detente.actors.mentions.title_after`).

:data:`SECURITY_COUNCIL` is the council's name after an actor word (the matcher makes it a ``title`` with role
`GOV`); :func:`councils_of` turns "the Security Council of X" into X's government.

Choices
-------
- Government (`GOV`), not military: CAMEO's role codes have no security-council sector, and these councils are
  chaired by the head of state or government (Russia's and Iran's by the president, Armenia's and Japan's by
  the prime minister).
- Only the security councils' names, not any "council": "the US Council on Foreign Relations" is a think tank
  and "the European Council" a name of its own in the registry.
- Lower case too ("Russia's security council"): AFP and the Guardian write a state's council in lower case.

Measured (session 15, page mode, development sets pooled without news_dev8 parts d-e, and the PLOVER gold
sentences): no coded event changes; the rule keeps a state's council from being read as the UN's (a wrong
`UNO` side) and makes it the state's side, as the annotation guide codes a state's organs (rule 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from detente.actors.entities import Mention

SECURITY_COUNCIL = re.compile(
    r"(?:(?:Supreme|supreme)\s+)?(?:(?:National|national)\s+)?(?:Security|security)"
    r"(?:\s+and\s+(?:Defen[cs]e|defen[cs]e))?\s+(?:Council|council)(?![\w-])"
)
"""A security council's name: "Security Council", "National Security Council", "Supreme National Security
Council", "National Security and Defence Council" (capitalised or not, not mixed)."""

_COUNCIL_OF = re.compile(
    r"(?<![\w-])(?:(?:Supreme\s+)?National\s+)?Security(?:\s+and\s+Defen[cs]e)?\s+Council\s+of\s+(?:the\s+)?"
)
"""A council named by "of" and its actor: "Security Council of Armenia", "National Security Council of Ukraine"."""


def councils_of(text: str, found: list[Mention], base_code: Callable[[str], str]) -> list[Mention]:
    """`found` with each "Security Council of X" (X a state's or organisation's plain name) as X's government.

    The council's words may already be a mention (bare "Security Council" is the UN's organ): the title
    replaces it, and X's own mention. A council after "UN" ("the UN Security Council of 15 members") is the
    UN's name and is left alone: its mention starts before the council's words.
    """
    if "Council of" not in text:
        return found
    out = list(found)
    for match in _COUNCIL_OF.finditer(text):
        start, end = match.start(), match.end()
        actor = next((m for m in out if m.start == end), None)
        if actor is None or actor.kind not in ("name", "metonym") or base_code(actor.code) != actor.code:
            continue
        if any(m.start < start < m.end for m in out):  # inside a longer name ("UN Security Council of ...")
            continue
        inside = [m for m in out if start <= m.start and m.end <= actor.end]
        out = [m for m in out if m not in inside]
        out.append(Mention(start, actor.end, text[start:actor.end], actor.code + "GOV", "title"))
    return sorted(out, key=lambda m: m.start)
