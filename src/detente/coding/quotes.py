"""Quotations and who said them.

A quotation is text between matching quotation marks (straight `"`, curly `“ ”`,
guillemets `« »` or curly single `‘ ’`).
Its speaker is found in the sentence that holds it: the subject of a speech verb
("said", "told", "warned", "remarked" ...) or the object of "according to". Quotes
shorter than two words are kept as quotes but are usually scare quotes ("masterstroke").

Choices:
- Curly single quotes (`‘ ’`, British style and quotes inside quotes) count as quotation
  marks, but `’` is also the typographic apostrophe ("Russia’s", "don’t", "states’"). A
  `‘` opens a quote only at the start of the text or after a space, an opening bracket or
  dash or a double quote, and before a non-space; the quote closes at the first `’` that is
  not followed by a letter or digit, so an apostrophe inside a word never closes it (a
  plural possessive "states’ " inside a single-quoted quote still can: rare, and the
  quote is then only cut short). A `’` with no `‘` before it opens nothing. Straight single
  quotes are left alone: `'` is the apostrophe of most plain-text news.
- A single-quoted quote inside a double-quoted one is not found separately (the
  alternatives are tried left to right and matches do not overlap): the outer quote holds it.
- Session 18, page mode, development sets pooled without news_dev11 d-e: right +1 (news_dev4 a, a recall "over
  the ‘unacceptable behaviour’" judged 11 once the single-quoted words are a quote), wrong +0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE = re.compile(
    r"“([^”“]{1,2000})”|\"([^\"]{1,2000})\"|«([^»]{1,2000})»"
    r"|(?:(?<=^)|(?<=[\s(\[“\"—–-]))‘(\S[^‘]{0,1999}?)’(?![^\W_])"
)

SPEECH_VERBS: frozenset[str] = frozenset(
    "say tell add note remark write declare warn state announce insist argue claim explain "
    "reply respond comment tweet post stress emphasise emphasize acknowledge admit suggest "
    "report describe indicate signal assert contend maintain observe quip".split()
)


@dataclass(frozen=True)
class Quote:
    """A quotation: its text (without the marks) and its span in the document."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, left to right; spans exclude the quotation marks."""
    found = []
    for m in _QUOTE.finditer(text):
        group = next(i for i in (1, 2, 3, 4) if m.group(i) is not None)
        inner = m.group(group)
        found.append(Quote(inner.strip(), m.start(group), m.end(group)))
    return found


def quotes_in(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations that overlap the character range [start, end)."""
    return [q for q in quotes if q.start < end and q.end > start]


def inside(quotes: list[Quote], position: int) -> Quote | None:
    """The quotation that contains a character position, if any."""
    for q in quotes:
        if q.start <= position < q.end:
            return q
    return None
