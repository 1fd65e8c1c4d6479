"""International courts named by a description: "the court", "the tribunal" as the court the page named before.

A page about a ruling names the court once in full ("the International Court of Justice", "the Permanent Court of
Arbitration", "the EU's Court of Justice") and then goes on with "the court", "the tribunal", "the arbitration
court", "the Court". The guide codes the ruling as the court's own act, the court at the level of its code in the
actor registry (convention 9: ICJ, ICC, PCA, ITLOS; the EU's court as EUR), also where a later sentence names it only
so (dev12b-004, dev12d-212, dev6a-010, dev6c-176, dev13d-167). Read alone, "the court" would be the judiciary of the
one state in view (:func:`detente.coding.sector_states.sector_actor`: "the court" of a page about Peru is PERJUD), the
reading right for a state's own courts.

Choices:

- The description stands for the one court organisation named before it on the page (the text given: a sentence, or
  a whole article in page mode, :func:`detente.coding.context.across_sentences`); where the page named none, or
  several, it is left as it was.
- A court organisation is a mention whose registry actor is no state and whose name or role is a court's (the
  registry's "... Court ...", "... Tribunal ..." organisations, an organisation's ``JUD`` role: "the European Court
  of Justice" is EURJUD), or whose words are ("the European Court of Human Rights").
- Only a description that cannot be a state's own court: lower-case modifiers that are no national court's
  (not "the supreme court", "the constitutional court", "the country's top court"), "Hague" ("the Hague Court"),
  where it sits ("the Luxembourg-based court": the place stays a mention of its own, the description is the noun
  alone), and "Court" capitalised only alone ("the Court", as judgments call the ICJ): "the Supreme Court" is a
  state's.
- Not a possessive ("the court's ruling", "the court's intervention"): the act noun's author is read with the noun
  (:func:`detente.coding.arguments.act_author`), and on the development pages the possessive made other rules'
  misreads (a vow's fallback target, a judgement of the ruling) into coded wrong events.

Session 20 (courts20; page mode, development sets pooled, news_dev13 a and c left out; 10,541 gold events): right +3
(dev12d-212, dev6a-010, dev4d-087), wrong +4 -2 (other rules' readings now given the court as a side: "until the Court
delivers its judgment" after "complies with the order" as a yield to it, "the tribunal struck down X's rights" as a
strike, "both parties must refrain" read as one party; one wrong side swapped for another), F1 0.4158 -> 0.4160, two
more no-event sentences coded (7626 -> 7624 of 8418 left uncoded).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from detente.actors import Mention
from detente.errors import UnknownActorError

COURT_NOUNS = ("court", "Court", "tribunal", "Tribunal")
"""The head nouns of a court's description."""

NATIONAL_COURT_WORDS = frozenset(
    "supreme constitutional high district appeals appellate federal military local regional provincial "
    "administrative national domestic lower municipal city state county magistrate magistrates family "
    "criminal civil special revolutionary islamic sharia".split()
)
"""Modifiers that make "the ... court" a state's own court ("the supreme court", "the military tribunal"): such
a description keeps its reading as the judiciary of the state in view."""

PLACE_WORDS = frozenset({"Hague", "Hague-based"})
"""Capitalised modifiers that name where an international court sits ("the Hague Court")."""

_ARTICLE = re.compile(r"\b[Tt]he\s")
_DESCRIPTION = re.compile(r"\b[Tt]he\s+((?:[\w.'’-]+\s+){0,3}?)(%s)\b(?!\s+of\b)" % "|".join(COURT_NOUNS))


def court_organisation(mention: Mention) -> bool:
    """Whether a mention names an international court (see the module's choices)."""
    from detente.actors import get_registry

    registry = get_registry()
    try:
        base = registry.base_code(mention.code)
        actor = registry.get(base)
    except UnknownActorError:  # a code the registry does not hold names no court
        return False
    if actor.kind == "state":
        return False
    words = f"{actor.name} {mention.text}".lower()
    return mention.code.endswith("JUD") or "court" in words or "tribunal" in words


def _describes_international_court(modifiers: Sequence[str], noun: str) -> bool:
    """Whether "the <modifiers> <noun>" can only be an international court named before (module choices)."""
    if noun[0].isupper() and modifiers and not all(w in PLACE_WORDS for w in modifiers):
        return False  # "the Supreme Court", "the Constitutional Tribunal": a state's court
    for word in modifiers:
        if word in PLACE_WORDS:
            continue
        if not word[0].islower() or word.endswith(("'s", "’s")) or word.lower() in NATIONAL_COURT_WORDS:
            return False
        if word.endswith((".", ",", ";", ":")) and "." not in word[:-1]:
            return False  # a sentence or a clause ends before the noun: "the case. The tribunal"
    return True


def described_courts(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """"The court", "the tribunal" in `text` as the one court organisation `mentions` name before each."""
    out: list[Mention] = []
    courts = [m for m in mentions if court_organisation(m)]
    if not courts:
        return out
    for article in _ARTICLE.finditer(text):  # each "the" in turn: a longer match must not hide the next one
        match = _DESCRIPTION.match(text, article.start())
        if match is None:
            continue
        inside = [m for m in mentions if m.start < match.end() and match.start() < m.end]
        if any(m.end > match.start(2) or not text.startswith("-based", m.end) for m in inside):
            continue  # "the EU court", "the Court of Justice": a name of its own; not "the Luxembourg-based court"
        if text.startswith(("'s", "’s"), match.end()):
            continue  # "the court's ruling": the ruling's author is read with the ruling (arguments.act_author)
        modifiers = [w for w in match.group(1).split() if not w.endswith("-based")]
        if not _describes_international_court(modifiers, match.group(2)):
            continue
        named = {m.code for m in courts if m.end <= match.start()}
        if len(named) == 1:  # the noun alone: a place named in its modifiers stays a mention of its own
            out.append(Mention(match.start(2), match.end(2), match.group(2), named.pop(), "metonym"))
    return out
