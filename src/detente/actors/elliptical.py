"""Elliptical names: "the North" and "the South" for the two Koreas, in a text that names a Korea.

News about the Korean peninsula names the two states by their halves once either is named:
"South Korean Foreign Minister Kim condemned the North", "the North's rocket launch", "the South
regards the launch as a missile test" (the style of Yonhap, AP, Reuters and the BBC). The registry
lists "North Korea", "Pyongyang", "DPRK" and their southern counterparts, but "the North" alone names
no state, so such a sentence lost a side.

Choices
-------
- Only in a text that names a Korea (:data:`KOREA_CODES`: a mention coded PRK or KOR, by name,
  capital, demonym or title); elsewhere "the North" is a region of a country ("fighting in the
  North" of Mali or Sri Lanka) and is left alone. A text is what the matcher is given: in sentence
  and page mode, one sentence.
- Capitalised "North"/"South" after "the" and not followed by another capitalised word: "the South
  American nation", "the North Atlantic", "the South Lawn" are other names; "the south" in lower
  case is a direction.
- The plain state code, no role: "the North fired a missile" is the state, as "North Korea" is.
"""

from __future__ import annotations

import re

from detente.actors.entities import Mention

KOREA_CODES = {"North": "PRK", "South": "KOR"}
"""The half of the peninsula each word names."""
_HALF = re.compile(r"\b[Tt]he (North|South)(?![\w-])(?! [A-Z])")


def korean_halves(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for "the North" / "the South" (the words only) in a text whose mentions name a Korea."""
    if "the North" not in text and "the South" not in text and "The North" not in text and "The South" not in text:
        return []
    if not any(m.code[:3] in ("PRK", "KOR") for m in mentions):
        return []
    out: list[Mention] = []
    for match in _HALF.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        out.append(Mention(start, end, match.group(1), KOREA_CODES[match.group(1)], "metonym"))
    return out
