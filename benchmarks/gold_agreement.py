"""Inter-annotator agreement of two gold JSONL files on the sentences they share.

Two annotators code the same sentences blind; this scores the second reading against the
first with the coder's own measure (:func:`detente.coding.evaluate.score_events`:
(source country, target country, CAMEO root) triples, one per sentence), so the figure
sits on the same scale as the coder's F1 and bounds what any coder can be shown to
reach on that gold. The F1 is symmetric (swapping the files swaps precision and recall).
Sentences are matched by their text; each disagreement is listed with both readings so
it can be classified by hand (actor, root, direction, event vs no event).

Run from the checkout:

    .venv/bin/python benchmarks/gold_agreement.py FIRST.jsonl SECOND.jsonl

e.g. ``data/news_check/news_check.jsonl data/news_check/annotation/agreement_b_on_a.jsonl``.
Nothing is timed and nothing is written: the figures go to stdout (``--json`` for
machines).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from detente.coding.evaluate import Gold, read_gold, score_events


@dataclass(frozen=True)
class _Coded:
    """The second reading's event in the shape `score_events` reads a coder's event."""

    source: str
    target: str
    root: str

    @property
    def cameo(self) -> str:
        return self.root


def agreement(first: Path, second: Path) -> dict:
    """Score `second` against `first` on their shared sentences; list the sentences they code differently."""
    a, b = read_gold(first), read_gold(second)
    if a.skipped or b.skipped:
        raise SystemExit(f"unreadable gold rows: {a.skipped + b.skipped}")
    second_by_text = {s.text: s for s in b.sentences}
    shared = [s for s in a.sentences if s.text in second_by_text]
    if not shared:
        raise SystemExit(f"{first} and {second} share no sentence")
    reference = Gold(str(first), a.fmt, a.kind, sentences=shared)
    readings = [[_Coded(e.source, e.target, e.label) for e in second_by_text[s.text].events] for s in shared]
    report = score_events(reference, readings)
    differ = []
    for s in shared:
        mine = sorted({(e.source, e.target, e.label) for e in s.events})
        theirs = sorted({(e.source, e.target, e.label) for e in second_by_text[s.text].events})
        if mine != theirs:
            differ.append({"line": s.line, "sentence": s.text, "first": mine, "second": theirs})
    return {"first": str(first), "second": str(second), "shared_sentences": len(shared),
            "sentences_agreeing": len(shared) - len(differ), **report.to_dict(), "disagreements": differ}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = agreement(args.first, args.second)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    o = result["overall"]
    print(f"{result['shared_sentences']} shared sentences, {result['sentences_agreeing']} coded identically")
    print(f"events: first {o['gold']}, second {o['predicted']}, agreed {o['correct']}; "
          f"P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f} (second read against first)")
    for row in result["per_label"]:
        print(f"  root {row['label']}: first {row['gold']:2d} second {row['predicted']:2d} agreed {row['correct']:2d}")
    for d in result["disagreements"]:
        print(f"\nline {d['line']}: {d['sentence']}\n  first:  {d['first']}\n  second: {d['second']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
