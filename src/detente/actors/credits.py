"""News agency credits are no sides: "MANAGUA (Reuters) -", "(AFP)", "(Reuters/AP)".

A wire story's dateline credits the agency that wrote it ("WASHINGTON, May 3 (Reuters) -"), and
pages that carry another outlet's story credit it in parentheses ("(AFP)", "(Sputnik)"). The
registry knows the agencies as their states' media (`Reuters` is `GBRMED`, CAMEO's MED role), so
without this rule the credit became a side of the sentence's event: a Nicaraguan expulsion
reported by Reuters became an event with the United Kingdom. The annotation guide codes the
actors of the reported act, never the outlet that reports it; a medium is a side only when it
acts or is acted on ("Russia banned the BBC"), and then it is named in the sentence's grammar,
not in a parenthesised credit.

Choices
-------
- A credit is a parenthesised group holding only media mentions and separators ("/", ",", "-",
  "&", "and"): "(Reuters)", "(AFP/Reuters)". A parenthesis that holds anything else ("(the BBC
  reported)") is left to the coder's reporting rules.
- Only media (codes whose role is MED) are dropped: "(UN)" after "United Nations" or "(IAEA)"
  are glosses of an actor named beside them, and stay.
- A cheap check first: a text without "(" is returned as it is.
"""

from __future__ import annotations

import re

from detente.actors.entities import Mention
from detente.ontology.roles import split_code

_GROUP = re.compile(r"\(([^()]{1,80})\)")
_SEPARATORS = re.compile(r"(?:[\s/,&-]|\band\b)*")


def is_media(code: str) -> bool:
    """Whether a code is a news medium's (its role is CAMEO's MED: `GBRMED` for Reuters)."""
    return split_code(code)[1] == "MED"


def drop_credits(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without the media named only as a parenthesised credit ("(Reuters)", "(AFP/AP)")."""
    if "(" not in text or not any(is_media(m.code) for m in mentions):
        return mentions
    credits: set[int] = set()
    for group in _GROUP.finditer(text):
        start, end = group.start(1), group.end(1)
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if not inside or not all(is_media(m.code) for m in inside):
            continue
        rest, cursor = [], start
        for m in inside:
            rest.append(text[cursor:m.start])
            cursor = m.end
        rest.append(text[cursor:end])
        if all(_SEPARATORS.fullmatch(piece) for piece in rest):
            credits.update(id(m) for m in inside)
    return [m for m in mentions if id(m) not in credits] if credits else mentions
