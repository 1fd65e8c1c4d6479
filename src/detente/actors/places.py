"""Names that are places elsewhere in running text: "Atlanta, Georgia", "Moscow, Idaho", "Tripoli, Lebanon".

News writes a US town with its state after a comma ("Paris, Texas"), and Georgia is also
a US state. A registry name in such a place names no actor (CAMEO codes the state
abroad, not a US town that shares its name):

- a mention right before ", <US state>" is the town's name: "Moscow, Idaho", "Lebanon,
  Pennsylvania" (the state after the comma is then not checked any further);
- a capital's name right before ", <another state's name>" is a town of that state:
  "Tripoli, Lebanon" is Lebanon's Tripoli, not Libya ("Damascus, Syria" stays Syria's);
- another state's capital before ", Georgia" is a US town and its state: "Athens, Georgia",
  "Rome, Georgia" name no actor (no town of the country Georgia bears a foreign capital's
  name), while Georgia's own capital stays: "Tbilisi, Georgia";
- "Georgia" after "<a capitalised word>, " is the US state, unless that word is itself a
  mention ("Tbilisi, Georgia", "Russia, Georgia and Ukraine"), a day, month or connective
  ("On Monday, Georgia ..."), or a sentence's first word; so is "Georgia" after "state of" or before
  "state" ("the state of Georgia", "Georgia state senator"), and "Georgia" in a text that
  names another US state or says "U.S. state" ("in Georgia and Arizona").

Choices: only Georgia is a US state's name and a country's name; other US states are no
registry names, so the list of states only serves to recognise the context. "Washington" and
"Georgia" after a comma are left alone when a list goes on (lists of capitals and countries:
"Beijing, Washington and Moscow", "Athens, Georgia and Moscow").
"""

from __future__ import annotations

import re

from detente.actors.entities import Mention

US_STATES = frozenset(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi "
    "Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia "
    "Washington Wisconsin Wyoming".split()
) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
     "South Carolina", "South Dakota", "West Virginia"}
"""The 50 US states."""

_TOWN_STATES = US_STATES - {"Georgia", "Washington"}  # a country's and a capital's name: lists ("Russia, Georgia")
_COMMA_US_STATE = re.compile(r",\s+(?:%s)\b" % "|".join(sorted((re.escape(s) for s in _TOWN_STATES), key=len, reverse=True)))
_US_STATE_WORD = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(s) for s in sorted(_TOWN_STATES)))
_TOWN_BEFORE = re.compile(r"([A-Z][\w.'-]*),\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201c(]\s*)$")
_TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Today Yesterday Tomorrow Meanwhile However Instead Still Now Then".split()
)
_STATE_OF = re.compile(r"\b[Ss]tate\s+of\s+$")
_STATE_AFTER = re.compile(r"\s+state\b")
_US_STATE_PHRASE = re.compile(r"\b(?:U\.S\. state|US state|American state)\b")
GEORGIA = "GEO"
_LIST_GOES_ON = re.compile(r"(?:'s)?\s*(?:,\s*)?(?:and|or|&)\s|,\s+[A-Z]")


def in_other_state(text: str, place: Mention, after: Mention) -> bool:
    """Whether a city metonym is written "<city>, <another state's name>" ("Tripoli, Lebanon"): a town
    of that state which shares a capital's name. Same-state pairs ("Damascus, Syria") stay."""
    if after.kind != "name" or text[place.end:after.start] not in (", ", ",\u00a0"):
        return False
    if _LIST_GOES_ON.match(text, after.end):
        return False  # "Beijing, Russia and Iran held drills": a list of actors
    return len(place.code) == 3 and len(after.code) == 3 and place.code != after.code  # two states' plain codes


def _is_georgia(m: Mention) -> bool:
    """Whether a mention is the name "Georgia" (the country's or the US state's)."""
    return m.code.startswith(GEORGIA) and m.text.startswith("Georgia")


def drop_places_elsewhere(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without those that are a US town before its state, a town named after a capital
    in another state ("Tripoli, Lebanon"), or the US state of Georgia."""
    if ", " not in text and "Georgia" not in text:
        return mentions
    starts = {m.start for m in mentions}
    kept: list[Mention] = []
    us_context: bool | None = None
    us_state_at = -1  # the mention that is the US state after a US town ("Athens, Georgia")
    for k, m in enumerate(mentions):
        if m.kind == "metonym" and _COMMA_US_STATE.match(text, m.end):
            continue  # "Moscow, Idaho", "Paris, Texas": a US town
        if m.kind == "metonym" and k + 1 < len(mentions) and in_other_state(text, m, mentions[k + 1]):
            if _is_georgia(mentions[k + 1]):
                us_state_at = k + 1  # "Athens, Georgia": a US town and its state
            continue  # "Tripoli, Lebanon": a town of the state after the comma
        if k == us_state_at:
            continue
        if _is_georgia(m):
            window_start = max(0, m.start - 40)
            town = _TOWN_BEFORE.search(text, window_start, m.start)
            if (town is not None and town.start(1) not in starts and town.group(1) not in _TIME_WORDS
                    and not _SENTENCE_START.search(text, max(0, town.start(1) - 8), town.start(1))):
                continue  # "in Atlanta, Georgia" (but "Tbilisi, Georgia", "Russia, Georgia and Ukraine" are Georgia)
            if _STATE_OF.search(text, window_start, m.start) or _STATE_AFTER.match(text, m.start + len("Georgia")):
                continue  # "the state of Georgia", "Georgia state senator"
            if us_context is None:
                us_context = bool(_US_STATE_WORD.search(text) or _US_STATE_PHRASE.search(text))
            if us_context:
                continue  # "voters in Georgia and Arizona"
        kept.append(m)
    return kept
