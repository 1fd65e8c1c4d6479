"""Split a document into paragraphs and sentences by rule, with character offsets.

The coder segments text with these rules before parsing, for two reasons: sentence
numbers (`sentence_index`) then do not depend on which sentences get parsed, and the
parser only has to see sentences that name an actor (a long document with few actor
mentions is coded quickly). Splits happen at line breaks and after `.`, `!` or `?`
(optionally followed by closing quotes or brackets) when the next word starts with a
capital letter, a digit or an opening quote; common abbreviations ("Mr.", "Feb.",
"U.S.") and initials ("J.D. Vance") do not end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr gen col lt maj capt sgt adm sen rep gov pres amb rev "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig vs etc inc ltd co corp dept est approx "
    "u.s u.k u.n e.u u.s.a d.c e.g i.e".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
MAX_SENTENCE_CHARS = 2000
"""Longer 'sentences' (lists, tables, junk) are cut into pieces of at most this length."""


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence's character span in the document and its 0-based index."""

    index: int
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # "j.d", "u.s"


def split_sentences(text: str) -> Iterator[SentenceSpan]:
    """Sentences of `text`, left to right, with spans that exclude surrounding whitespace."""
    index = 0
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        segment_end = line.end()
        cuts = []
        for m in _BOUNDARY.finditer(text, start, segment_end):
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            cuts.append(m.end())
        cuts.append(segment_end)
        for cut in cuts:
            piece_start = start
            while piece_start < cut:
                piece_end = min(cut, piece_start + MAX_SENTENCE_CHARS)
                if piece_end < cut:
                    space = text.rfind(" ", piece_start + MAX_SENTENCE_CHARS // 2, piece_end)
                    piece_end = space if space > piece_start else piece_end
                s, e = piece_start, piece_end
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    yield SentenceSpan(index, s, e)
                    index += 1
                piece_start = piece_end
            start = cut
