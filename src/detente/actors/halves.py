""""The North" and "the South" for a divided country's two states, in a text that names one of them.

News about a divided country names each state once and then by its half: "South Korea said it would suspend
the military pact after the North launched a spy satellite", "the North's missile tests", "Pyongyang warned the
South"; "The South accused Khartoum of bombing its forces" (South Sudan against Sudan). AP, Reuters and Yonhap
write "the North" and "the South" capitalised for the two Koreas on second reference (AP Stylebook: "North
Korea", "South Korea"), and wire copy wrote so for Sudan and South Sudan around the 2011 split. In a text that
names a state of one such pair (:data:`PAIRS`, by name, demonym, capital or leader), "the North" stands for the
pair's northern state and "the South" for its southern one, with a role when a role noun follows ("the North's
foreign ministry" -> `PRKGOV`, :func:`detente.actors.mentions.title_after`).

Choices
-------
- Capitalised only: "the north of the country" and "the south" are places; "the North" written so is the
  state's short name.
- Not before another capitalised word nor "of": "the North Atlantic", "the South China Sea", "the North of
  England" are other names.
- Only when the text names a state of exactly one pair: "the South" is the American South or southern Lebanon
  in other news, and which pair is meant is a guess when a text names both. Not when it names another state
  whose name begins with a half (South Africa, North Macedonia) either.
- The text is what the matcher is given: a sentence, or in page mode each sentence on its own (the
  development sets' "the North" sentences name a Korea in the same sentence two times in three).

Measured (session 15, page mode, development sets pooled without news_dev8 parts d-e: 6,593 gold events, F1
0.4438, P 0.6433): 2 right events more ("condemned the North", "The South accused Khartoum"), 1 wrong more (a
missile fired by "the North" read as an attack on "the South's" destroyer), no no-event sentence coded; F1
0.4440, P 0.6434. On the PLOVER gold sentences one right event lost and one wrong gained (F1 0.640 -> 0.636):
"U.S. officials alleged that the North admitted ..." now gives the accusation, which the coder then prefers
to the sentence's expulsion, as it does when the sentence says "Pyongyang".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from detente.actors.entities import Mention

PAIRS: tuple[tuple[str, str], ...] = (("PRK", "KOR"), ("SDN", "SSD"))
"""Divided countries as (the North, the South): North and South Korea; Sudan and South Sudan (split in 2011)."""
OTHER_HALVES = frozenset({"ZAF", "MKD"})
"""States named by a half outside :data:`PAIRS` (South Africa, North Macedonia): a text naming one is left alone."""

_HALF = re.compile(r"(?<![\w-])[Tt]he\s+(North|South)(?![\w-])(?!\s+(?:[A-Z]|of\b))")
"""'the North' / 'the South', not followed by another capitalised word ("the North Atlantic") or "of"."""


def halves(
    text: str, found: list[Mention], base_code: Callable[[str], str], title_after: Callable[[str, int], tuple[int, str | None]]
) -> list[Mention]:
    """Mentions of "the North" and "the South" in `text` as the states of the one pair of :data:`PAIRS` that
    `found` (the text's other mentions) names; the span is the half's word, widened by a role noun after
    it as for any actor word (`title_after`)."""
    if "North" not in text and "South" not in text:
        return []
    bases = {base_code(m.code) for m in found}
    named = [pair for pair in PAIRS if bases & set(pair)]
    if len(named) != 1 or bases & OTHER_HALVES:
        return []
    north, south = named[0]
    out: list[Mention] = []
    for match in _HALF.finditer(text):
        start, end = match.span(1)
        if any(m.start < end and start < m.end for m in found):
            continue
        code, kind = (north if match.group(1) == "North" else south), "metonym"
        title_end, role = title_after(text, end)
        if role:
            code, kind, end = code + role, "title", title_end
        out.append(Mention(start, end, text[start:end], code, kind))
    return out
