"""Benchmark: missed gold events whose side the sentence does not name, by how the side is written.

Page mode (:meth:`detente.coding.coder.Coder.code_article_events`) reads an article's sentences with
what the sentences before them named, so a rule may resolve "It said ...", "the kingdom", "the president"
or "the two countries" to an actor of an earlier sentence. Before writing such a rule, this script
measures how large each form of reference is and how often the simplest resolution would be right.

For every development file (:data:`coding_dev.DEVELOPMENT_FOLDERS`, never the check set or a
first-sight set; ``--leave-out`` as coding_dev's), each page is coded in page mode with its partial
events, and for each missed gold event (source, target, root) whose source or target country the
sentence's own mentions (:meth:`detente.coding.context.Context.read`) do not name, the missing side is
counted once, by:

- its **shape**: when the coder found a predicate of the gold root whose side it left unknown ("---"),
  the phrase it read there (a pronoun, "the two sides", an office such as "the ministry", a
  description such as "the country", or another phrase); otherwise the sentence's words, first that
  applies (a sentence-opening "He"/"She"/"It"/"They", a pronoun inside it, a possessive, a pair phrase,
  an office, a description, none of these: "absent", a passive without agent or an infinitive);
- what the **coder** did: no event of the gold root, an event of that root with the side unknown, or
  with another country on that side;
- whether simple resolutions give the gold side: the latest actor the page named before the sentence
  (headline first) whose country the sentence does not name; the same among people only and among
  non-people only; the latest pair (a sentence naming exactly two countries) holding both gold
  sides; the headline naming the side.

The shapes are read off words, an approximation (a sentence may hold several; the phrase of a partial
event of the same root may be another side's). The resolutions are ceilings of a rule, not a rule:
a rule also fires where the gold has no event. All files are development data: in-sample.

    .venv/bin/python benchmarks/coding_unnamed_sides.py --leave-out news_dev10/part_d --tsv out/unnamed.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs
from coding_dev import DEVELOPMENT_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "coding_unnamed_sides.md"

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "his", "their"})
OFFICE = re.compile(
    r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}(president|prime minister|premier|foreign minister|minister|ministry|government|"
    r"leader|chancellor|king|monarch|secretary|spokes(?:man|woman|person)|envoy|ambassador|embassy|delegation|army|"
    r"military|regime|administration|cabinet|parliament|authorities|officials?|diplomats?|troops|forces|navy|police|"
    r"rebels|militants)\b")
DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}(country|nation|kingdom|island|republic|state|emirate|neighbou?r|superpower|bloc|"
    r"alliance|union|organi[sz]ation|group|movement)\b")
PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth|[Tt]he (?:sides|parties|countries|leaders|neighbou?rs|nations|governments)|"
                  r"each other|one another)\b")
OPENING_PRONOUN = re.compile(r"^\W*(He|She|It|They)\b")


def _reference(text: str) -> str | None:
    """Which kind of definite reference a text holds: "pair" ("the two sides", "both countries", "each
    other"), "office" ("the ministry", "the president"), "description" ("the country", "the kingdom"), or None."""
    for name, pattern in (("pair", PAIR), ("office", OFFICE), ("description", DESCRIPTION)):
        if pattern.search(text):
            return name
    return None


def shape_of_phrase(phrase: str) -> str:
    """The shape of the phrase the coder read on a side it left unknown."""
    words = re.findall(r"[a-z']+", phrase.lower())
    if words and words[0] in PRONOUNS and len(words) <= 2:
        return f"phrase: {words[0]}"
    reference = _reference(phrase) if words else None
    return f"phrase: {reference}" if reference else "other phrase"


def shape_of_sentence(sentence: str) -> str:
    """The shape of a sentence whose side the coder read no phrase for (first that applies)."""
    opening = OPENING_PRONOUN.match(sentence)
    if opening:
        return f"opening {opening.group(1)}"
    if re.search(r"\b(?:he|she|it|they)\b", sentence, re.I):
        return "pronoun inside"
    if re.search(r"\b(?:its|his|her|their)\b", sentence, re.I):
        return "possessive inside"
    return _reference(sentence) or "absent"


@dataclass
class Named:
    """An actor a page named before a sentence: its country and whether it is a person."""

    country: str
    person: bool


def _latest(named: list[Named], here: set[str], person: bool | None = None) -> str | None:
    """The country of the latest earlier actor that the sentence does not name (of people, or not, if asked)."""
    return next((n.country for n in reversed(named) if n.country not in here and (person is None or n.person == person)),
                None)


COLUMNS = ("sides", "named before", "no event", "side unknown", "other country", "latest actor", "latest person",
           "latest non-person", "latest pair", "headline")


def measure(path: Path, coder, rows: dict[str, Counter], files: dict[str, set], lines: list[str] | None) -> None:
    """Add one gold file's missing sides to `rows` (per shape) and `files`; one TSV line each to `lines`."""
    from detente.coding import evaluate as ev
    from detente.coding.context import Context, is_person

    where = f"{path.parent.name}/{path.stem}"
    gold = ev.read_gold(path)
    coded = ev.code_gold(gold, coder, "page", partial=True)
    for group in ev.articles(gold.sentences):
        first = gold.sentences[group[0]]
        named: list[Named] = []
        pairs: list[set[str]] = []
        headline: set[str] = set()
        if first.headline:
            found = Context.read(first.headline, first.when).mentions
            named += [Named(ev.gold_country(m.code), is_person(m)) for m in found]
            headline = {ev.gold_country(m.code) for m in found}
        for i in group:
            sent, results = gold.sentences[i], coded[i]
            mentions = Context.read(sent.text, sent.when).mentions
            want = {ev.gold_triple(e) for e in sent.events}
            generic = ev.generic_sides(want)
            here = {ev.predicted_country(m.code, generic) for m in mentions}
            complete = {ev.coded_triple(e, gold.label, generic)
                        for e in ev.events_to_score(r for r in results if not r.partial)}
            latest_pair = next((p for p in reversed(pairs) if len(p) == 2), set())
            for source, target, root in sorted(want - complete):
                for role, side, other in (("source", source, target), ("target", target, source)):
                    if side in here:
                        continue
                    action, phrase = "no event", ""
                    for r in results:
                        if r.event.root != root:
                            continue
                        src = ev.predicted_country(r.event.source, generic)
                        tgt = ev.predicted_country(r.event.target, generic)
                        mine, theirs = (src, tgt) if role == "source" else (tgt, src)
                        if theirs not in (other, "---"):
                            continue
                        action = "side unknown" if mine == "---" else "other country"
                        span = r.source_span if role == "source" else r.target_span
                        phrase = sent.text[span[0]:span[1]] if span and mine == "---" else ""
                        break
                    shape = shape_of_phrase(phrase) if phrase else shape_of_sentence(sent.text)
                    checks = {
                        "named before": any(n.country == side for n in named),
                        "latest actor": _latest(named, here) == side,
                        "latest person": _latest(named, here, True) == side,
                        "latest non-person": _latest(named, here, False) == side,
                        "latest pair": {side, other} <= latest_pair,
                        "headline": side in headline,
                    }
                    row = rows[shape]
                    row["sides"] += 1
                    row[action] += 1
                    for name, ok in checks.items():
                        row[name] += ok
                    files[shape].add(where)
                    if lines is not None:
                        lines.append("\t".join([f"{where}:{sent.line}", role, side, other, root, shape, phrase, action,
                                                *(str(int(ok)) for ok in checks.values()), sent.text.replace("\t", " ")]))
            named += [Named(ev.gold_country(m.code), is_person(m)) for m in mentions]
            countries = {ev.gold_country(m.code) for m in mentions}
            if len(countries) >= 2:
                pairs.append(countries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER/PART",
                        help="leave out a development file, e.g. news_dev10/part_d (repeatable): a developer's own "
                             "first-sight parts")
    parser.add_argument("--tsv", type=Path, help="also write every missing side (one line each) to this TSV file")
    parser.add_argument("--out", type=Path, help=f"the results page (default {RESULTS.relative_to(ROOT)}; with "
                                                 "--leave-out out/coding_unnamed_sides.md)")
    args = parser.parse_args(argv)
    known = {f"{p.parent.name}/{p.stem}" for folder in DEVELOPMENT_FOLDERS for p in folder.glob("*.jsonl")}
    unknown = sorted(set(args.leave_out) - known)
    if unknown:
        print(f"not a development file: {', '.join(unknown)} (use FOLDER/PART, e.g. news_dev10/part_d)", file=sys.stderr)
        return 2
    out = args.out or (ROOT / "out" / "coding_unnamed_sides.md" if args.leave_out else RESULTS)

    from detente.coding import Coder
    from detente.coding.classifier import default_classifier

    coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' sides
    rows: dict[str, Counter] = defaultdict(Counter)
    files: dict[str, set] = defaultdict(set)
    lines: list[str] | None = [] if args.tsv else None
    paths = [p for folder in DEVELOPMENT_FOLDERS if folder.is_dir() for p in sorted(folder.glob("*.jsonl"))
             if f"{p.parent.name}/{p.stem}" not in args.leave_out]
    for path in paths:
        measure(path, coder, rows, files, lines)
        print(f"{path.parent.name}/{path.stem}", file=sys.stderr, flush=True)
    table = ["| shape | files | " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * (len(COLUMNS) + 1)]
    total: Counter = Counter()
    for shape, row in sorted(rows.items(), key=lambda kv: -kv[1]["sides"]):
        table.append(f"| {shape} | {len(files[shape])} | " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
        total.update(row)
    table.append("| **all** | " + str(len(paths)) + " | " + " | ".join(str(total[c]) for c in COLUMNS) + " |")
    print("\n".join(table))
    page = ["# coding_unnamed_sides: missed gold events whose side the sentence does not name", "",
            f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {len(paths)} development files (page mode; in-sample)"
            + (f", left out: {', '.join(args.leave_out)}" if args.leave_out else "") + ".", "",
            "One row per shape of the missing side (the module docstring says how a shape is read); columns: "
            "missing sides, of them the page named before the sentence, what the coder did (no event of the gold "
            "root, that root with the side unknown, with another country), and how often each simple resolution "
            "gives the gold side (a ceiling of a rule: a rule also fires where the gold has no event).", ""] + table
    write_page(out, page)
    if args.tsv is not None and lines is not None:
        head = "where\trole\tside\tother\troot\tshape\tphrase\tcoder\t" + "\t".join(
            ("named before", "latest actor", "latest person", "latest non-person", "latest pair", "headline"))
        args.tsv.write_text(head + "\tsentence\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
