"""Typographic variants of one text, folded once before names are matched, with offsets kept true.

News pages write the same name with several characters: "Ukraine's", "Ukraine’s"
(U+2019) and "Ukraineʼs" (U+02BC, the modifier letter apostrophe some Ukrainian outlets
use); "Foreign\u00a0Minister" with a non-breaking space; "Israel–Jordan" with an en dash;
"Ukra\u00adine" with a soft hyphen left by a page's hyphenation; "Co\u0302te d'Ivoire" with
the accent as a combining character after its letter (Unicode's decomposed form, NFD, as
some systems and copy-pastes write it). The registry spells its
names with ASCII apostrophes, hyphens and spaces, so the matcher reads a folded copy of the
text (:func:`fold`) and maps each span back to the original (:meth:`Folded.span`): an event
still points to the exact characters of its sentence (provenance).

Choices
-------
- One character for one character wherever possible (apostrophes, hyphens and dashes that
  join words, spaces), so offsets need no table; only invisible characters (soft hyphen,
  zero-width space and joiners, word joiner, byte-order mark) are removed, and then a table
  maps folded offsets to original ones.
- The em dash (U+2014) and horizontal bar separate clauses ("Russia—and China—"), so they are
  not made hyphens; double quotes are left alone (no name contains one).
- Letters with combining marks are composed (Unicode's NFC, the form the registry is written
  in): "o" + U+0302 reads as "ô". A composed letter maps back to all the characters it was
  made of, so a span never cuts an accent off its letter. Not NFKC: it would also rewrite
  ligatures, superscripts and fullwidth letters, which no registry name needs.
- ASCII text is returned as it is, without a copy (the common case costs one check).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u2032\u00b4\u0060\uff07"
"""Right and left single quotation marks, modifier letter apostrophe and prime, prime, acute and
grave accents, fullwidth apostrophe: all written for "'" in names ("Côte d’Ivoire", "Ukraineʼs")."""
HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
"""Hyphen, non-breaking hyphen, figure dash, en dash, minus sign, small and fullwidth hyphen-minus:
written for "-" between words ("Israel–Jordan talks", "Guinea‑Bissau")."""
SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
"""No-break, en, em, thin, hair, narrow no-break and other fixed-width spaces: written for " "."""
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark: dropped."""

_SAME_WIDTH = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-"),
                             **dict.fromkeys(SPACES, " ")})
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


@dataclass(frozen=True)
class Folded:
    """A text with its typographic variants folded (:attr:`text`) and the way back to the original.

    ``origin[i]`` is the original offset where folded character ``i`` starts (one more entry
    for the end) and ``ends[i]`` where it ends; both None when the folded text has the
    original's offsets (one character for one character).
    """

    text: str
    original: str
    origin: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def offset(self, i: int) -> int:
        """The original offset of folded offset `i` (0 <= i <= len(text))."""
        return i if self.origin is None else self.origin[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span [start, end) of a folded span (an end after a removed character stays before it)."""
        if self.origin is None or self.ends is None:
            return start, end
        return self.origin[start], self.ends[end - 1] if end > start else self.origin[start]


def fold(text: str) -> Folded:
    """`text` with apostrophe, hyphen and space variants made ASCII, invisible characters removed
    and combining marks composed with their letters (NFC).

    >>> f = fold("Ukra\\u00adine\\u02bcs army")
    >>> f.text, f.span(0, 7), f.original[slice(*f.span(0, 7))]
    ("Ukraine's army", (0, 8), 'Ukra\\xadine')
    >>> f = fold("Co\\u0302te d'Ivoire")
    >>> f.text == "C\\u00f4te d'Ivoire", f.span(0, 4)
    (True, (0, 5))
    """
    if text.isascii():
        return Folded(text, text)
    folded = text.translate(_SAME_WIDTH)
    if unicodedata.is_normalized("NFC", folded) and not _INVISIBLE.search(folded):
        return Folded(folded, text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in _clusters(folded):
        kept = [i for i in range(lo, hi) if folded[i] not in INVISIBLE]
        piece = "".join(folded[i] for i in kept)
        composed = unicodedata.normalize("NFC", piece)
        if composed == piece:  # each character stands for itself
            chars += piece
            starts += kept
            ends += [i + 1 for i in kept]
        else:  # each composed character stands for the whole cluster
            chars += composed
            starts += [kept[0]] * len(composed)
            ends += [kept[-1] + 1] * len(composed)
    return Folded("".join(chars), text, (*starts, len(text)), tuple(ends))


def _clusters(text: str) -> list[tuple[int, int]]:
    """[start, end) of each letter with the combining marks (and invisible characters) after it."""
    bounds = [i for i, ch in enumerate(text) if i == 0 or (not unicodedata.combining(ch) and ch not in INVISIBLE)]
    return list(zip(bounds, [*bounds[1:], len(text)]))
