"""Datelines: where a wire story's opening place line ends, and its place is no side.

Two readings of one thing, kept here together. :func:`dateline_end` finds the wire datelines of the
forms "DAKAR, Senegal (AP) --", "Doha, Feb 29:" and "RIGA, April 5 (Xinhua) --": the coder blanks them out
before parsing (:func:`detente.coding.coder.parse_form`) and sets apart an event whose side only the
dateline names (:func:`detente.coding.abstention.reason_apart`). :func:`drop_dateline_place` drops the
place of the shorter form "Hanoi (VNA) - Australia and Timor-Leste signed ..." from the mentions (session
13). The two patterns cover different forms; joining them would change what each use sets apart and
has not been measured.

Why the place is no side: a wire story opens with the place it was filed from, often a date, the agency's credit in
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

_WIRE_DATELINE = re.compile(
    r"""^\s*(?:
        [A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]+?)?\s*(?:\([A-Za-z ]+\))?\s*[—–-]+\s   # DAKAR, Senegal (AP) —
      | [A-Z][\w.'\- ]+?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*:\s  # Doha, Feb 29:
      | [A-Z][\w.'\- ]+?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?\s*
        \([A-Za-z ]+\)\s*(?::\s|[—–-]+\s?)  # RIGA, April 5 (Xinhua) --, Tokyo, July 4 (Jiji Press)--, WASHINGTON, Sep 15 (APP):
    )""",
    re.X,
)
"""A wire dateline at the start of a sentence (all-capital place, or a place with a date and a colon or credit)."""


def dateline_end(sentence: str) -> int:
    """Where the dateline at the start of `sentence` ends (0: none)."""
    m = _WIRE_DATELINE.match(sentence)
    return m.end() if m else 0


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
