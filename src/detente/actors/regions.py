"""Regional adjectives ("Baltic", "Gulf", "South American") and the states each can stand for.

A definite description such as "the Baltic country" or "the Gulf state" names one state of a
region; :func:`detente.coding.context.descriptions` resolves it to a state the text names only
when that state is in the region. The table is data (``data/regions.yaml``, with its sources);
this module reads it once and answers look-ups.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml


@functools.cache
def regions() -> dict[str, frozenset[str]]:
    """Regional adjective as written ("Baltic", "Central Asian") -> the state codes of its region."""
    text = resources.files("detente.actors").joinpath("data/regions.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where present: the same data, faster
    return {str(word): frozenset(codes) for word, codes in (yaml.load(text, Loader=loader)["regions"] or {}).items()}


def region_of(words: list[str]) -> tuple[frozenset[str] | None, list[str]]:
    """The states the regional adjectives among `words` allow (None: no regional adjective), and
    the capitalised words that are not a known region (the caller may refuse to guess on them).

    Two-word adjectives are read before one-word ones ("South American", not "American").

    >>> states, unknown = region_of(["self-ruled", "Baltic"])
    >>> sorted(states), unknown
    (['EST', 'LTU', 'LVA'], [])
    >>> region_of(["Alpine"])
    (None, ['Alpine'])
    """
    table = regions()
    allowed: frozenset[str] | None = None
    unknown: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2]) if i + 1 < len(words) else None
        if pair in table:
            found, i = table[pair], i + 2
        elif words[i] in table:
            found, i = table[words[i]], i + 1
        else:
            if words[i][:1].isupper():
                unknown.append(words[i])
            i += 1
            continue
        allowed = found if allowed is None else allowed & found
    return allowed, unknown
