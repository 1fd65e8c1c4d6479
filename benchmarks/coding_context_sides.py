"""Benchmark: the gold events whose record the annotators marked `context:`, and what blocks the coder on them.

The news guide (`data/news_dev/README.md`) lets a side come from the page: named in an earlier sentence or the
headline, or implied ("bilateral relations", "this action", "the ministry said"); the annotators mark such records
with `context:` in the note (the context may also be about the act, not a side). Session 21's study of misses
(`benchmarks/results/misses_news_dev14.md`) put 18% of the missed events there. This script counts the class on
the development files (:func:`coding_dev.development_files`, never the check set or a first-sight set;
``--leave-out`` as coding_dev's), coded in page mode as ``detente code eval`` codes them
(:func:`detente.coding.evaluate.code_gold` with partial events), and puts each gold event (source, target, root) of a
`context:` record in one row by which of its sides the sentence's own mentions (:meth:`Context.read`) name, and in
one column by what the coder did:

- **right**: the scored events hold it;
- **filter**: an event of that triple was coded but kept apart (a restatement, a statement, below the classifier's
  threshold) or negated;
- **side unknown**: an event of the root with one side right and the other left unknown ("---");
- **wrong side**: an event of the root with one side right and the other another country;
- **both sides wrong**: events of the root, none with either gold side;
- **no predicate**: no event of the gold root at all (the verb tables, not the sides, block it).

All files are development data: in-sample.

    .venv/bin/python benchmarks/coding_context_sides.py --leave-out news_dev15/part_a --leave-out news_dev15/part_c
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _results import write_page  # benchmarks/ is on sys.path when a script runs
from coding_dev import development_files

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "coding_context_sides.md"
MARK = "context:"
SHAPES = ("sides named", "source unnamed", "target unnamed", "both unnamed")
COLUMNS = ("events", "right", "filter", "side unknown", "wrong side", "both sides wrong", "no predicate")


def blocker(triple: tuple[str, str, str], results: list[Any], complete: set[tuple[str, str, str]],
            generic: set[str]) -> str:
    """What the coder did with one gold triple of a sentence, as the module docstring's columns say."""
    from detente.coding import evaluate as ev

    if triple in complete:
        return "right"
    source, target, root = triple
    same = [r for r in results if r.event.root == root]
    sides = [(ev.predicted_country(r.event.source, generic), ev.predicted_country(r.event.target, generic))
             for r in same]
    if (source, target) in sides:
        return "filter"
    if not same:
        return "no predicate"
    half = [(s, t) for s, t in sides if s == source or t == target]
    if any(s == "---" or t == "---" for s, t in half):
        return "side unknown"
    return "wrong side" if half else "both sides wrong"


def measure(path: Path, coder: Any, rows: dict[str, Counter]) -> int:
    """Add one gold file's `context:` events to `rows` (per shape); return how many records are marked."""
    from detente.coding import evaluate as ev
    from detente.coding.context import Context

    gold = ev.read_gold(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = [i for i, sent in enumerate(gold.sentences)
              if MARK in (json.loads(lines[sent.line - 1]).get("note") or "")]
    if not marked:
        return 0
    coded = ev.code_gold(gold, coder, "page", partial=True)
    for i in marked:
        sent, results = gold.sentences[i], coded[i]
        want = {ev.gold_triple(e) for e in sent.events}
        generic = ev.generic_sides(want)
        complete = {ev.coded_triple(e, gold.label, generic)
                    for e in ev.events_to_score(r for r in results if not r.partial)}
        here = {ev.predicted_country(m.code, generic) for m in Context.read(sent.text, sent.when).mentions}
        for triple in sorted(want):
            unnamed = [role for role, side in (("source", triple[0]), ("target", triple[1])) if side not in here]
            shape = SHAPES[0] if not unnamed else SHAPES[3] if len(unnamed) == 2 else f"{unnamed[0]} unnamed"
            rows[shape]["events"] += 1
            rows[shape][blocker(triple, results, complete, generic)] += 1
    return len(marked)


def table(rows: dict[str, Counter]) -> list[str]:
    """The Markdown table: one row per shape and the total, counts and the share of the class's events."""
    out = ["| sides the sentence names | " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * len(COLUMNS)]
    total: Counter = Counter()
    for shape in SHAPES:
        out.append(f"| {shape} | " + " | ".join(str(rows[shape][c]) for c in COLUMNS) + " |")
        total.update(rows[shape])
    out.append("| **all** | " + " | ".join(f"**{total[c]}**" for c in COLUMNS) + " |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER/PART",
                        help="leave out a development file, e.g. news_dev15/part_a (repeatable): a developer's own "
                             "first-sight parts")
    parser.add_argument("--out", type=Path, help=f"the results page (default {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    try:
        paths = development_files(args.leave_out)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2

    from detente.coding import Coder
    from detente.coding.classifier import default_classifier

    coder = Coder(classifier=default_classifier(), span_chooser=None, pair_model=None)  # the rules alone
    rows: dict[str, Counter] = {shape: Counter() for shape in SHAPES}
    records = 0
    for path in paths:
        records += measure(path, coder, rows)
        print(f"{path.parent.name}/{path.stem}", file=sys.stderr, flush=True)
    lines = table(rows)
    print("\n".join(lines))
    page = ["# coding_context_sides: gold events of `context:` records and what blocks the coder", "",
            f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {len(paths)} development files (page mode as `detente code "
            "eval` codes them; in-sample)" + (f", left out: {', '.join(args.leave_out)}" if args.leave_out else "")
            + f": {records} records marked `context:`.", "",
            "Rows: which sides of the gold event the sentence's own mentions name. Columns: the gold events, those "
            "coded right, and for the missed ones what the coder did (the module docstring defines each).", ""] + lines
    write_page(args.out or RESULTS, page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
