"""Benchmark: the coder's recall and precision by how many gold events their sentence holds.

The news guide codes a joint act of several parties for every pair, both ways where it is symmetric (conventions
21 and 32 of `data/news_dev/README.md`), so one sentence naming six states that "have agreed" holds 30 gold events,
and a coder that misses its list loses them all at once. This script codes the development sets pooled (page mode
with headlines, the shipped default coder or ``--pairs rules``, by :func:`coding_paired.predictions`, the loop
`detente code eval` codes with) and tabulates each sentence's distinct gold (source, target, root) triples by their
number in the sentence (none, 1, 2, 3-5, 6-11, 12 or more): recall, precision of the coded triples on those
sentences, and each bucket's share of all missed triples. Counts are
:func:`detente.coding.evaluate.score_events`'s (one triple per sentence). The shipped pair model was trained on
these sets, so its figures are in-sample; ``--pairs rules`` gives the rules' own.

``--save FILE`` keeps the coded triples; ``--load FILE`` reads them instead of coding; ``--against FILE`` (an earlier
``--save``) also prints what a change did: right triples gained and lost, wrong ones added and removed, F1 to four
decimals and the no-event sentences left uncoded, before and after, with the sentences that changed.

    .venv/bin/python benchmarks/coding_multiparty.py --save /tmp/before.json            # on main's code
    .venv/bin/python benchmarks/coding_multiparty.py --against /tmp/before.json --diff   # after a change

The development sets only (`coding_dev.development_files`, `--leave-out` as there): never the check set or the
session's first-sight set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coding_dev import ROOT, development_files  # benchmarks/ is on sys.path when a script runs
from coding_paired import PAIRS

from detente.coding.pair_names import DEFAULT_PAIRS

BUCKETS = ((0, 0, "none"), (1, 1, "1"), (2, 2, "2"), (3, 5, "3-5"), (6, 11, "6-11"), (12, 10**9, "12+"))
"""(fewest, most, name) of each bucket of gold triples per sentence."""

Triple = tuple[str, str, str]


def coded(files: list[Path], pairs: str) -> dict[str, list[list[list[str]]]]:
    """Per file, per sentence, the asserted events (source, target, root, cameo) of the coder with the `pairs`
    setting (:data:`coding_paired.SETTINGS`)."""
    from coding_paired import predictions

    return predictions(files, pairs)


def sentence_triples(files: list[Path], predicted: dict[str, list[list[list[str]]]]
                     ) -> list[tuple[str, set[Triple], set[Triple]]]:
    """(where, gold triples, coded triples) of every sentence, as :func:`~detente.coding.evaluate.score_events`
    compares them (generic sides read, one triple per sentence)."""
    from types import SimpleNamespace

    from detente.coding import evaluate as ev

    out = []
    for path in files:
        gold = ev.read_gold(path)
        lines = path.read_text(encoding="utf-8").splitlines()
        for sent, events in zip(gold.sentences, predicted[str(path)], strict=True):
            want = {ev.gold_triple(e) for e in sent.events}
            generic = ev.generic_sides(want)
            got = {ev.coded_triple(SimpleNamespace(source=s, target=t, root=r, cameo=c), gold.label, generic)
                   for s, t, r, c in events}
            record = json.loads(lines[sent.line - 1])
            out.append((record.get("id") or f"{path.parent.name}/{path.stem}:{sent.line}", want, got))
    return out


def bucket_of(n: int) -> str:
    """The name of the bucket of a sentence with `n` gold triples."""
    return next(name for low, high, name in BUCKETS if low <= n <= high)


def table(rows: Sequence[tuple[str, set[Triple], set[Triple]]]) -> list[str]:
    """The Markdown table by bucket: sentences, gold, right, recall, coded, precision, missed and its share."""
    stats = {name: [0, 0, 0, 0] for _, _, name in BUCKETS}  # sentences, gold, right, coded
    for _, want, got in rows:
        s = stats[bucket_of(len(want))]
        s[0] += 1
        s[1] += len(want)
        s[2] += len(want & got)
        s[3] += len(got)
    missed_all = sum(s[1] - s[2] for s in stats.values())
    lines = ["| gold triples in the sentence | sentences | gold | right | recall | coded | precision | missed | "
             "share of all missed |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total = [0, 0, 0, 0]
    for name, (n, gold, right, got) in stats.items():
        total = [a + b for a, b in zip(total, (n, gold, right, got))]
        recall = f"{right / gold:.3f}" if gold else "-"
        precision = f"{right / got:.3f}" if got else "-"
        share = f"{(gold - right) / missed_all:.3f}" if gold else "-"
        lines.append(f"| {name} | {n:,} | {gold:,} | {right:,} | {recall} | {got:,} | {precision} | {gold - right:,} "
                     f"| {share} |")
    n, gold, right, got = total
    lines.append(f"| **all** | {n:,} | {gold:,} | {right:,} | {right / gold:.3f} | {got:,} | {right / got:.3f} | "
                 f"{gold - right:,} | 1.000 |")
    return lines


def scores(rows: Sequence[tuple[str, set[Triple], set[Triple]]]) -> dict[str, Any]:
    """Pooled right, wrong, precision, recall, F1 and no-event sentences left uncoded."""
    gold = sum(len(w) for _, w, _ in rows)
    right = sum(len(w & g) for _, w, g in rows)
    got = sum(len(g) for _, _, g in rows)
    p, r = right / got if got else 0.0, right / gold if gold else 0.0
    return {"right": right, "wrong": got - right, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "uncoded": sum(not w and not g for _, w, g in rows), "empty": sum(not w for _, w, _ in rows)}


def _marked(triples: set[Triple], want: set[Triple]) -> str:
    """Triples as "SRC>TGT root", the wrong ones (not in `want`) marked."""
    return ", ".join(f"{s}>{t} {r}" + ("" if (s, t, r) in want else " (wrong)") for s, t, r in sorted(triples))


def change(before: Sequence[tuple[str, set[Triple], set[Triple]]], after: Sequence[tuple[str, set[Triple], set[Triple]]],
           diff: bool = False) -> list[str]:
    """What a change did, line by line: right gained and lost, wrong added and removed, the pooled figures."""
    gained = lost = added = removed = 0
    shown: list[str] = []
    for (where, want, old), (_, _, new) in zip(before, after, strict=True):
        g, lo = len((new - old) & want), len((old - new) & want)
        a, rm = len((new - old) - want), len((old - new) - want)
        gained, lost, added, removed = gained + g, lost + lo, added + a, removed + rm
        if diff and old != new:
            shown.append(f"  {where}: +[{_marked(new - old, want)}] -[{_marked(old - new, want)}]")
    a, b = scores(before), scores(after)
    return [f"right +{gained} -{lost}, wrong +{added} -{removed}",
            f"before: right {a['right']}, wrong {a['wrong']}, P {a['p']:.4f}, R {a['r']:.4f}, F1 {a['f1']:.4f}, "
            f"no-event sentences left uncoded {a['uncoded']} of {a['empty']}",
            f"after:  right {b['right']}, wrong {b['wrong']}, P {b['p']:.4f}, R {b['r']:.4f}, F1 {b['f1']:.4f}, "
            f"no-event sentences left uncoded {b['uncoded']} of {b['empty']}", *shown]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", choices=PAIRS, default=DEFAULT_PAIRS,
                        help=f"the pair model (default {DEFAULT_PAIRS}, the shipped default; rules for the rules alone, "
                             "whose figures no model trained on these sets lifts)")
    parser.add_argument("--save", type=Path, default=None, help="keep the coded events in this JSON file")
    parser.add_argument("--load", type=Path, default=None, help="read the coded events from this file, not coding")
    parser.add_argument("--against", type=Path, default=None, help="an earlier --save: print what changed")
    parser.add_argument("--diff", action="store_true", help="with --against, list the sentences that changed")
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER/PART",
                        help="leave out a development file, e.g. news_dev19/part_a (repeatable)")
    args = parser.parse_args(argv)
    files = development_files(args.leave_out)
    predicted = json.loads(args.load.read_text(encoding="utf-8")) if args.load else coded(files, args.pairs)
    if args.save is not None:
        args.save.write_text(json.dumps(predicted), encoding="utf-8")
    rows = sentence_triples(files, predicted)
    print(f"{len(files)} development files ({', '.join(sorted({p.parent.name for p in files}))}) under "
          f"{ROOT / 'data'}, page mode" + (f", --pairs {args.pairs}" if not args.load else ", events read from "
                                              f"{args.load}"))
    print("\n".join(table(rows)))
    if args.against is not None:
        before = sentence_triples(files, json.loads(args.against.read_text(encoding="utf-8")))
        print("\n".join(change(before, rows, args.diff)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
