"""Benchmark: what the restatement filter's exceptions keep, right or wrong, by exception and by file.

Page mode keeps apart an event whose countries and root an earlier sentence of its page coded
(:func:`detente.coding.abstention.restated`: the guide's rule 7, convention 14), except when the sentence
marks the act as another one (:data:`~detente.coding.abstention._ANOTHER_ACT`: "also", "again", "another",
...) or the event carries a date of its own that differs from the earlier report's
(:func:`~detente.coding.abstention.own_date`). Session 16 measured the filter as a whole; this script
measures its exceptions: on the development news files (page mode as ``detente code eval`` scores them: rules
and the default classifier), every kept event that the filter would keep apart without an exception, right
(its triple is in the sentence's gold) or wrong, by the exception that keeps it (the word of another act,
which word, a date of its own, or both needed) and by file; with ``--list``, each such event with its record,
the sentence that first told the act and the codes it gave the pair there.

Usage: ``.venv/bin/python benchmarks/coding_restatement_exceptions.py --leave-out news_dev10/part_d ...``
(about 5 minutes; the news check set and the session's first-sight set are never read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from coding_dev import DEVELOPMENT_FOLDERS  # benchmarks/ is on sys.path when a script runs


def exception_of(event: Any, earlier: dict, text: str, on: date | None, predicate: str | None) -> tuple[str, int] | None:
    """Which exception keeps `event` from being a restatement ("another-act word: also", "own date", "both"), and
    the earlier sentence (from 1) it would restate; None when the filter would not keep it apart anyway."""
    from detente.coding import abstention

    undated = replace(event, date=on, note="")
    if abstention.restated(event, earlier, text, on, predicate) is not None:
        return None
    no_word = abstention.restated(event, earlier, "", on, predicate)
    no_date = abstention.restated(undated, earlier, text, on, predicate)
    neither = abstention.restated(undated, earlier, "", on, predicate)
    if neither is None:
        return None
    word = abstention._ANOTHER_ACT.search(text)
    if no_word is not None:
        return f"another-act word: {word.group(0).lower() if word else '?'}", no_word
    if no_date is not None:
        return "own date, differs", no_date
    return f"both (word: {word.group(0).lower() if word else '?'}, own date)", neither


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER/PART")
    parser.add_argument("--list", action="store_true", help="print every exempted event (file, record, triple)")
    args = parser.parse_args(argv)
    from detente.coding import Coder, abstention
    from detente.coding import evaluate as ev
    from detente.coding.classifier import default_classifier

    stash: list[tuple[list, list, Any]] = []
    original = abstention.restatements

    def spy(found, texts, on, partial):
        stash.append(([list(r) for r in found], list(texts), on))
        return original(found, texts, on, partial)

    abstention.restatements = spy
    coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' restatements
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_file: dict[str, Counter] = defaultdict(Counter)
    leave = set(args.leave_out)
    files = [p for folder in DEVELOPMENT_FOLDERS for p in sorted(folder.glob("*.jsonl"))
             if f"{p.parent.name}/{p.stem}" not in leave]
    for path in files:
        name = f"{path.parent.name}/{path.stem}"
        gold = ev.read_gold(path)
        stash.clear()
        ev.code_gold(gold, coder, "page", partial=True)  # one call of restatements per page, in page order
        for group, (found, texts, on) in zip(ev.articles(gold.sentences), stash, strict=True):
            earlier: dict = {}
            for k, (i, results, text) in enumerate(zip(group, found, texts)):
                sent = gold.sentences[i]
                want = {ev.gold_triple(e) for e in sent.events}
                generic = ev.generic_sides(want)
                kept = []
                plans = []  # plans to meet kept apart still count as told (as restatements() reads them)
                for r in results:
                    e = r.event
                    if r.partial or e.negated:
                        kept.append(r)
                        continue
                    if abstention.restated(e, earlier, text, on, r.predicate) is not None:
                        if e.cameo == abstention.INTENT_TO_MEET:
                            plans.append(e)
                        continue
                    kept.append(r)
                    why = exception_of(e, earlier, text, on, r.predicate)
                    if why is None:
                        continue
                    kind, told = why
                    triple = ev.coded_triple(e, gold.label, generic)
                    right = triple in want
                    by_kind[kind][right] += 1
                    by_file[name][(kind.split(":")[0].split(",")[0].split(" (")[0], right)] += 1
                    if args.list:
                        codes = sorted({x.cameo for acts in earlier.values() for j, x in acts if j == told - 1
                                        and {abstention._act(x)[0], abstention._act(x)[1]} <= set(abstention._act(e)[:2])})
                        print(f"{name}\t{sent.line}\t{kind}\t{'right' if right else 'wrong'}"
                              f"\t{e.source}>{e.target} {e.cameo}\tfirst told in sentence {told} as {','.join(codes)}"
                              f"\t{text[:140]}")
                for event in [r.event for r in kept if not r.partial and not r.event.negated] + plans:
                    earlier.setdefault(abstention._act(event), []).append((k, event))
        print(name, file=sys.stderr, flush=True)
    print("| exception | right | wrong |\n|---|---:|---:|")
    for kind in sorted(by_kind):
        wrong, right = by_kind[kind]
        print(f"| {kind} | {right} | {wrong} |")
    print("\n| file | word right | word wrong | date right | date wrong | both right | both wrong |\n|---|---:|---:|---:|---:|---:|---:|")
    for name in sorted(by_file):
        c = by_file[name]
        print(f"| {name} | {c[('another-act word', True)]} | {c[('another-act word', False)]} | {c[('own date', True)]} "
              f"| {c[('own date', False)]} | {c[('both', True)]} | {c[('both', False)]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
