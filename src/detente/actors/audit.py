"""An audit of the registry's names for the wrong matches they can cause in running text.

Mention matching (:mod:`detente.actors.mentions`) is case-sensitive, whole-word and
longest-match-first, which leaves three ways for a name to match what is not its actor:

- ``word``: the name, lower-cased, is a common English word ("Chad", "Turkey", "Guinea",
  "Chile"): capitalised at a sentence's start, or in a title, it may be no actor. Checked
  against the lower-case entries of a word list (one word a line; on Debian the
  ``wamerican`` package's ``/usr/share/dict/words``). Given names ("Jordan", "Georgia")
  are not in such lists: the data files' comments say which names are guarded for them.
- ``inside``: the name is whole words inside a longer name of *another* actor ("Guinea" in
  "Papua New Guinea", "Ireland" in "Northern Ireland"). Harmless when the longer name is
  registered (the longest match wins, which :func:`contained_names` lets a test check
  for every pair); a maintainer reads the list for longer names that are *not* registered.
- ``shared``: one written name stands for two codes; the first kind wins silently.

Each finding says whether the name is ``guarded`` (stands for its actor only alone:
:attr:`~detente.actors.entities.Actor.guarded`), so the review is of the rest. Run it::

    python -m detente.actors.audit                      # /usr/share/dict/words
    python -m detente.actors.audit --words my_words.txt

Its findings on the packaged registry, and what was done about them, are in the data
files' comments (``actors/data/*.yaml``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from detente.actors.registry import ActorRegistry, get_registry

DEFAULT_WORDS = Path("/usr/share/dict/words")


@dataclass(frozen=True)
class Finding:
    """One name that may match what is not its actor."""

    problem: str  # word | inside | shared
    name: str
    code: str
    kind: str
    detail: str
    guarded: bool


def read_words(path: Path) -> frozenset[str]:
    """The common words of a word list (one a line): those written in lower case, since a
    list such as wamerican writes proper nouns ("Chad" the country) capitalised and the
    common word ("chad") apart; possessive forms skipped."""
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8", errors="replace").splitlines()
                     if w.strip() and "'" not in w and w.strip().islower())


def contained_names(registry: ActorRegistry) -> list[tuple[str, str, str, str]]:
    """(short name, its code, longer name, the longer name's code) where the short name is
    whole words inside a longer name of another code."""
    codes = {text: entries[0].code for text, entries in registry.names_index.surface.items() if entries}
    by_word: dict[str, list[str]] = {}
    for text in codes:
        for word in set(re.findall(r"[\w'.-]+", text)):
            by_word.setdefault(word, []).append(text)
    out = []
    for short, code in codes.items():
        first = re.findall(r"[\w'.-]+", short)
        if not first:
            continue
        pattern = re.compile(r"(?<![\w.-])" + re.escape(short) + r"(?![\w]|-\w)")
        for longer in by_word.get(first[0], ()):
            other = codes[longer]
            if longer != short and registry.base_code(other) != registry.base_code(code) and pattern.search(longer):
                out.append((short, code, longer, other))
    return sorted(out)


def audit(registry: ActorRegistry | None = None, words: Iterable[str] | None = None) -> list[Finding]:
    """The registry's names that may match what is not their actor (see the module docstring)."""
    registry = registry if registry is not None else get_registry()
    vocabulary = frozenset(w.casefold() for w in words) if words is not None else frozenset()
    guarded = registry.names_index.guarded
    findings: list[Finding] = []
    for text, entries in sorted(registry.names_index.surface.items()):
        entry = entries[0]
        code = entry.code_on(None) or ""
        if " " not in text and text.casefold() in vocabulary and not text.isupper():  # "UN" is no "un"
            findings.append(Finding("word", text, code, entry.kind, "an English word or given name", text in guarded))
        codes = sorted({e.code_on(None) or "" for e in entries})
        if len(codes) > 1:
            findings.append(Finding("shared", text, code, entry.kind, "also " + ", ".join(c for c in codes if c != code),
                                    text in guarded))
    for short, code, longer, other in contained_names(registry):
        kind = registry.names_index.surface[short][0].kind
        findings.append(Finding("inside", short, code, kind, f"inside '{longer}' ({other})", short in guarded))
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=DEFAULT_WORDS,
                        help="a word list, one word a line (default /usr/share/dict/words: Debian's wamerican)")
    parser.add_argument("--all", action="store_true", help="also list guarded names")
    args = parser.parse_args(argv)
    if not args.words.is_file():
        print(f"{args.words}: no such word list (fix: apt-get install wamerican, or give --words FILE)", file=sys.stderr)
        return 2
    findings = audit(words=read_words(args.words))
    for f in findings:
        if args.all or not f.guarded:
            print("\t".join((f.problem, f.name, f.code, f.kind, f.detail, "guarded" if f.guarded else "")))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
