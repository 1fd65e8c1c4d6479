"""Benchmark: the false-event inventory of the text coder on the news development sets, with and without abstention.

For every development file (``data/news_dev/*.jsonl``, ``data/news_dev2/part_*.jsonl``; never
the check set ``data/news_check/``) the coder runs twice in the same process: the shipped
default, and the same coder with :mod:`detente.coding.abstention` switched off (the
baseline: every proposal stands). Printed side by side per file and per half of the pages
(``int(sha1(url), 16) % 2``: half A was read to write the rules, half B was not):
precision, recall, F1 of (source country, target country, CAMEO root) and the share of
sentences without a codable event left uncoded. Then the inventory: every false event
(on a no-event sentence, or a triple the gold lacks on an event sentence), bucketed by a
sentence-level reading (first bucket that fits):

- ``statement``: root 01; ``dateline``, ``description``, ``planned``: the abstention reasons
  (the baseline's events that abstention now keeps apart);
- ``future or modal``: an intent, threat or other modality, or a verb in the future;
- ``commentary``: analysis or expectation words ("likely", "would", "marks", "underscores");
- ``history``: background in the past ("since", "years ago", "first time", "in 2019");
- ``standing relations``: relations, ties, alliances described rather than acted on;
- ``wrong root`` / ``wrong dyad``: on an event sentence, the gold has the dyad with another
  root, or the root with another dyad (often an actor taken from a venue or an apposition);
- ``other``.

    .venv/bin/python benchmarks/coding_abstention.py          # about 2 minutes on an idle 2-core machine
    .venv/bin/python benchmarks/coding_abstention.py --files data/news_dev2/part_a.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import sys
import warnings
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "coding_abstention.md"
BUCKETS = ["statement", "dateline", "description", "planned", "future or modal", "commentary", "history",
           "standing relations", "wrong root", "wrong dyad", "other"]
_FUTURE = re.compile(r"\b(?:will|would|shall|going to|set to|scheduled to|plans? to|expected to|next (?:week|month|year))\b", re.I)
_COMMENT = re.compile(r"\b(?:analysts?|likely|could|might|may|marks|underscores|signals?|appears?|seems?|reportedly)\b", re.I)
_HISTORY = re.compile(r"\b(?:since|ago|previously|earlier|first time|last (?:year|month)|in (?:19|20)\d\d|had been)\b", re.I)
_RELATIONS = re.compile(r"\b(?:relations?|relationship|ties|partnership|alliance|partners?|allies)\b", re.I)


def dev_files() -> list[Path]:
    """The development files, never the check set."""
    return sorted((ROOT / "data" / "news_dev").glob("*.jsonl")) + sorted((ROOT / "data" / "news_dev2").glob("part_*.jsonl"))


def half(url: str | None) -> str:
    """Half A or B of the pages, by the URL's SHA-1."""
    return "AB"[int(hashlib.sha1((url or "").encode()).hexdigest(), 16) % 2]


def bucket(event, sentence: str, gold: set[tuple[str, str, str]], predicate: str | None = None) -> str:
    """The first bucket a false event fits (`predicate`: the words of its predicate, as abstention reads them)."""
    from detente.coding import abstention

    if event.root == abstention.STATEMENT_ROOT:
        return "statement"
    reason = abstention.reason_apart(event, predicate)
    if reason is not None:
        return reason
    if event.modality is not None or _FUTURE.search(sentence):
        return "future or modal"
    if _COMMENT.search(sentence):
        return "commentary"
    if _HISTORY.search(sentence):
        return "history"
    if _RELATIONS.search(sentence) and not gold:
        return "standing relations"
    from detente.coding.evaluate import country

    pair = (country(event.source), country(event.target))
    if any(g[:2] == pair for g in gold):
        return "wrong root"
    if any(g[2] == event.root for g in gold):
        return "wrong dyad"
    return "other"


def code_file(path: Path, coder) -> tuple[list, list[list], list[str], list[dict], list[list]]:
    """The gold, the coder's asserted events per sentence, each sentence's half, the raw records, and
    the words of each event's predicate."""
    from detente.coding import evaluate as ev

    gold = ev.read_gold(path)
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted: list[list] = [[] for _ in gold.sentences]
    predicates: list[list] = [[] for _ in gold.sentences]
    by_day: dict[date | None, list[int]] = {}
    for i, sent in enumerate(gold.sentences):
        by_day.setdefault(sent.when, []).append(i)
    for day, indices in by_day.items():
        for i, found in zip(indices, coder.code_sentence_events([gold.sentences[i].text for i in indices], day)):
            predicted[i] = [r.event for r in found if not r.event.negated]
            predicates[i] = [r.predicate for r in found if not r.event.negated]
    return gold, predicted, [half(r.get("url")) for r in raw], raw, predicates


def figures(gold, predicted, indices) -> dict[str, float]:
    from detente.coding import evaluate as ev

    sub = replace(gold, sentences=[gold.sentences[i] for i in indices])
    report = ev.score_events(sub, [predicted[i] for i in indices])
    o = report.overall
    return {"P": o.precision, "R": o.recall, "F1": o.f1, "correct": o.correct, "predicted": o.predicted,
            "gold": o.gold, "uncoded": report.extra["left_uncoded"], "empty": report.extra["sentences_without_event"]}


def inventory(gold, predicted, predicates) -> tuple[Counter, Counter]:
    """False events on no-event sentences and on event sentences, per bucket."""
    from detente.coding import evaluate as ev

    on_empty: Counter = Counter()
    on_event: Counter = Counter()
    for sent, events, words in zip(gold.sentences, predicted, predicates):
        want = {ev.gold_triple(e) for e in sent.events}
        seen = set()
        for e, predicate in zip(events, words):
            triple = ev.coded_triple(e)  # no generic prefixes, unlike score_events
            if triple in want or triple in seen:
                continue
            seen.add(triple)
            (on_event if want else on_empty)[bucket(e, sent.text, want, predicate)] += 1
    return on_empty, on_event


def switched_off():
    """A context in which abstention keeps nothing apart (the baseline)."""
    from contextlib import contextmanager

    from detente.coding import abstention

    @contextmanager
    def ctx():
        saved = abstention.reason_apart
        abstention.reason_apart = lambda event, predicate=None: None
        try:
            yield
        finally:
            abstention.reason_apart = saved

    return ctx()


def _total(rows: list[dict]) -> dict[str, float]:
    c, p, g = (sum(r[k] for r in rows) for k in ("correct", "predicted", "gold"))
    u, n = sum(r["uncoded"] for r in rows), sum(r["empty"] for r in rows)
    prec, rec = (c / p if p else 0.0), (c / g if g else 0.0)
    return {"P": prec, "R": rec, "F1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "correct": c,
            "predicted": p, "gold": g, "uncoded": u, "empty": n}


def _cell(f: dict[str, float]) -> str:
    return f"{f['P']:.3f} / {f['R']:.3f} / **{f['F1']:.3f}** | {f['uncoded']}/{f['empty']} ({f['uncoded'] / max(1, f['empty']):.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="*", type=Path, default=None, help="development files (default: all)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    files = args.files or dev_files()
    if any("news_check" in p.parts for p in files):
        print("data/news_check/ is held out: not scored here", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore", UserWarning)
    from detente.coding import Coder
    from detente.coding.classifier import default_classifier

    coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' events: what this study weighs
    runs: dict[str, dict[str, list[dict]]] = {"baseline": {}, "abstention": {}}
    inv: dict[str, dict[str, tuple[Counter, Counter]]] = {"baseline": {}, "abstention": {}}
    for path in files:
        for name in ("baseline", "abstention"):
            if name == "baseline":
                with switched_off():
                    gold, predicted, halves, _, predicates = code_file(path, coder)
            else:
                gold, predicted, halves, _, predicates = code_file(path, coder)
            inv[name][path.stem] = inventory(gold, predicted, predicates)  # bucketed with abstention on: its reasons name buckets
            every = list(range(len(halves)))
            runs[name][path.stem] = [figures(gold, predicted, every)] + [
                figures(gold, predicted, [i for i in every if halves[i] == h]) for h in "AB"]
            print(f"{path.stem:16s} {name:10s} " + "  ".join(
                f"{lab} P {f['P']:.3f} R {f['R']:.3f} F1 {f['F1']:.3f} unc {f['uncoded']}/{f['empty']}"
                for lab, f in zip(("all", "A", "B"), runs[name][path.stem])))
    md = ["# coding_abstention: false events on the news development sets, with and without abstention", "",
          f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}. Command: "
          "`.venv/bin/python benchmarks/coding_abstention.py`. Shipped default coder (rules + default classifier); "
          "baseline: the same coder in the same process with `detente.coding.abstention` keeping nothing apart. "
          "Development files only (in-sample: the rules were written from half A's misses; half B was only scored).",
          "", "| file | baseline P / R / F1 | no-event left uncoded | abstention P / R / F1 | no-event left uncoded |",
          "|---|---|---|---|---|"]
    for part, label in ((0, "all"), (1, "half A"), (2, "half B")):
        for stem in runs["baseline"]:
            if part == 0:
                md.append(f"| {stem} | {_cell(runs['baseline'][stem][0])} | {_cell(runs['abstention'][stem][0])} |")
        md.append(f"| **total, {label}** | {_cell(_total([r[part] for r in runs['baseline'].values()]))} | "
                  f"{_cell(_total([r[part] for r in runs['abstention'].values()]))} |")
    for name in ("baseline", "abstention"):
        md += ["", f"## False events by bucket ({name}): on no-event sentences / on event sentences", "",
               "| file | " + " | ".join(BUCKETS) + " | total |", "|---|" + "---:|" * (len(BUCKETS) + 1)]
        totals = [Counter(), Counter()]
        for stem, (empty, event) in inv[name].items():
            totals[0].update(empty)
            totals[1].update(event)
            md.append(f"| {stem} | " + " | ".join(f"{empty[b]} / {event[b]}" for b in BUCKETS)
                      + f" | {sum(empty.values())} / {sum(event.values())} |")
        md.append("| **total** | " + " | ".join(f"{totals[0][b]} / {totals[1][b]}" for b in BUCKETS)
                  + f" | {sum(totals[0].values())} / {sum(totals[1].values())} |")
    print("\n".join(md[6:]))
    write_page(args.out, md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
