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
- The same organs under other names (session 16): Algeria's High Security Council (Haut Conseil de Sécurité,
  chaired by the president), Pakistan's National Security Committee (chaired by
  the prime minister) and Iran's "Supreme National Security Council" written "Supreme Security Council". A
  state's "National Security Committee" that is its intelligence service (Kazakhstan's KNB) is coded as
  government too: the name does not tell the two apart, and both are the state's organs. "Committee" only
  capitalised: a lower-case "national security committee" is as often a parliament's (Iran's Majlis has one).

Measured (session 16, the High and Committee forms): no development sentence names such a council after its
state (news_dev8 part e's two "the High Security Council" name no state in the phrase), so no coded event of
the development sets changes; the hand-written tests pin the forms.

Measured (session 15, page mode, development sets pooled without news_dev8 parts d-e, and the PLOVER gold
sentences): no coded event changes; the rule keeps a state's council from being read as the UN's (a wrong
`UNO` side) and makes it the state's side, as the annotation guide codes a state's organs (rule 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from detente.actors.entities import Mention

SECURITY_COUNCIL = re.compile(
    r"(?:(?:Supreme|supreme|High|high|Higher|higher)\s+)?(?:(?:National|national)\s+)?(?:Security|security)"
    r"(?:\s+and\s+(?:Defen[cs]e|defen[cs]e))?\s+(?:Council|council|Committee)(?![\w-])"
)
"""A security council's name: "Security Council", "National Security Council", "Supreme National Security
Council", "High Security Council", "National Security and Defence Council", "National Security Committee"
(capitalised or not, not mixed; "Committee" capitalised only)."""

_COUNCIL_OF = re.compile(
    r"(?<![\w-])(?:(?:Supreme|High|Higher)\s+)?(?:National\s+)?Security(?:\s+and\s+Defen[cs]e)?\s+(?:Council|Committee)"
    r"\s+of\s+(?:the\s+)?"
)
"""A council named by "of" and its actor: "Security Council of Armenia", "National Security Council of Ukraine",
"High Security Council of Algeria"."""


def councils_of(text: str, found: list[Mention], base_code: Callable[[str], str]) -> list[Mention]:
    """`found` with each "Security Council of X" (X a state's or organisation's plain name) as X's government.

    The council's words may already be a mention (bare "Security Council" is the UN's organ): the title
    replaces it, and X's own mention. A council after "UN" ("the UN Security Council of 15 members") is the
    UN's name and is left alone: its mention starts before the council's words.
    """
    if "Council of" not in text and "Committee of" not in text:
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
