"""A dateline's place is no side: "Hanoi (VNA) - Australia and Timor-Leste signed ...".

A wire story opens with the place it was filed from, often a date, the agency's credit in
parentheses and a dash or colon ("Tokyo, July 4 (Jiji Press)--", "New Delhi (VNA) –"). The place is
where the reporter sat, not an actor of the story: a Vietnamese agency's story filed in Hanoi about a
treaty between Australia and Timor-Leste has no Vietnamese side, yet the registry reads "Hanoi" as
Vietnam's capital (a metonym), and the coder made Vietnam a party to the signing. The annotation guide
codes the actors of the reported act only.

Choices
-------
- Only a dateline of the full form: the text's first words, capitalised (at most four), an optional
  date after a comma, a parenthesised credit, then a dash or colon. A text that opens with a capital's
  name as its subject ("Hanoi said on Monday ...") has no credit after it and keeps its side; agencies'
  all-capital datelines ("MOSCOW (Reuters) -") are no registry names anyway (matching is case-sensitive).
- Only the place's own mentions are dropped; the credit is left to the rest of the matcher (dropping
  credits was measured apart in session 13 and did not pass the 2:1 bar: its absence let wrongly
  rooted events through).
- A cheap check first: a text without "(" in its first 80 characters is returned as it is.
"""

from __future__ import annotations

import re

from detente.actors.entities import Mention

_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})(?:,[^()\n]{1,40}?)?\s*\([^()\n]{1,40}\)\s*(?:--|[-:\u2013\u2014])"
)


def drop_dateline_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without those inside the place of a dateline that opens `text` ("Hanoi (VNA) -")."""
    if "(" not in text[:80] or not mentions or mentions[0].start > 40:
        return mentions
    match = _DATELINE.match(text)
    if match is None:
        return mentions
    start, end = match.span("place")
    return [m for m in mentions if not (start <= m.start and m.end <= end)]
