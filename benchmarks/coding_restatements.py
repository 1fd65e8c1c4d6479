"""Benchmark: restatement or new act? The coder's kept events whose pair the page already coded, by signal.

The guide's rule 7 gives a restatement of an act the same article already coded no event
(``data/news_dev/README.md``; convention 14: one event per speaker, target and root, a new occasion
coded). Page mode keeps apart an event of the same countries and root as an earlier sentence's, unless
it carries a date of its own or "also", "again" (:func:`detente.coding.abstention.restated`). This
script measures what that decision leaves: on the development news files (page mode, as ``detente code
eval`` scores them: rules and the default classifier, ``Coder(pair_model=None)``), every kept event whose
(source, target) pair, either way and under any root, an earlier sentence of the same page coded, right
(its triple is in the sentence's gold) or wrong, broken down by the signals a restatement detector could
read:

* the same root, the same root and direction, the same family (meeting, intent and agreement, roots
  03/04/05, as one family; other roots each their own);
* the distance in sentences to the nearest earlier sentence with the pair (and with the pair in the family);
* a date of the event's own (:func:`~detente.coding.abstention.own_date`) and whether it differs from the
  earlier event's;
* the tense and aspect of the event's predicate words (future or modal, perfect, pluperfect, progressive,
  passive, simple past, a noun or bare form; a regular reading of
  :attr:`~detente.coding.sentence_result.SentenceResult.predicate`);
* a word of another instance (:data:`~detente.coding.abstention._ANOTHER_ACT`: "also", "again", "second");
* reported speech (a quotation mark or a verb of saying in the sentence).

It also counts the events the rule keeps apart now (right ones are gold the rule loses), and checks a
learned decision on those signals: a logistic regression (scikit-learn, ``C=1``) nested out of fold by
page (5 outer folds; the threshold below which an event is dropped chosen on the training pages by an
inner 4-fold cross-validation for pooled F1), with the pooled F1 change and a paired page bootstrap
(2,000 resamples, seed 0) of it.

Removing a set of events raises pooled F1 only when fewer than F1/2 of them are right (about 0.22 here):
the signals must find a cell that wrong.

Usage: ``.venv/bin/python benchmarks/coding_restatements.py [--leave-out news_dev8/part_d ...] [--out PAGE]``
(about 5 minutes; the news check set and the session's first-sight set are never read).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs
from coding_dev import DEVELOPMENT_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "coding_restatements.md"
FAMILY = {"03": "talk", "04": "talk", "05": "talk"}
"""Meeting (04), intent (03) and agreement (05): the roots a page's later sentences retell one occasion under."""
SPEECH = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|tells|added|according to|stated|announced|confirmed)\b", re.I)
TENSES = ("future", "pluperfect", "perfect", "progressive", "passive", "noun/bare", "simple", "none")


def tense(predicate: str | None) -> str:
    """The tense and aspect of an event's predicate words, read off its auxiliaries ("will meet": future)."""
    if predicate is None:
        return "none"
    p = predicate.lower()
    if re.search(r"\b(?:will|would|shall|'ll|is to|are to)\b", p):
        return "future"
    if re.search(r"\bhad\b\s+\w", p):
        return "pluperfect"
    if re.search(r"\b(?:has|have|'ve)\b\s+\w", p):
        return "perfect"
    if re.search(r"\b(?:is|are|was|were|am|been)\s+\w+ing\b", p):
        return "progressive"
    if re.search(r"\b(?:was|were)\s+\w+(?:ed|en)\b", p):
        return "passive"
    if len(p.split()) == 1 and not p.endswith("ed") and p not in ("met", "held", "sent", "signed", "made", "took", "gave"):
        return "noun/bare"
    return "simple"


@dataclass
class Row:
    """One kept event: right or not, and, when an earlier sentence of its page coded its pair, the signals."""

    right: bool
    signals: dict[str, object] | None = None


@dataclass
class Page:
    """One page's gold event count and its kept events."""

    gold: int = 0
    events: list[Row] = field(default_factory=list)


def read_pages(leave_out: set[str]) -> tuple[list[Page], dict[str, int]]:
    """Code every development news file in page mode; the kept events with their signals, per page, and
    counts of the events the restatement rule keeps apart now (right, wrong)."""
    from detente.coding import Coder, abstention
    from detente.coding import evaluate as ev
    from detente.coding.classifier import default_classifier

    coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' restatements
    pages: list[Page] = []
    apart = {"right": 0, "wrong": 0}
    files = [p for folder in DEVELOPMENT_FOLDERS for p in sorted(folder.glob("*.jsonl"))
             if f"{p.parent.name}/{p.stem}" not in leave_out]
    for path in files:
        gold = ev.read_gold(path)
        coded = ev.code_gold(gold, coder, "page", partial=True)
        for group in ev.articles(gold.sentences):
            first = gold.sentences[group[0]]
            page = Page()
            earlier: list[tuple[int, object]] = []
            for k, i in enumerate(group):
                sent, results = gold.sentences[i], coded[i]
                want = {ev.gold_triple(e) for e in sent.events}
                page.gold += len(want)
                generic = ev.generic_sides(want)
                seen: set[tuple[str, str, str]] = set()
                scored = [r for r in results if not r.partial and not r.event.negated]
                for r in results:
                    e = r.event
                    triple = ev.coded_triple(e, gold.label, generic)
                    if r.partial and f"kept apart: {abstention.RESTATEMENT}" in (e.note or ""):
                        if "---" not in triple[:2]:
                            apart["right" if triple in want else "wrong"] += 1
                        continue
                    if r.partial or e.negated or triple in seen:
                        continue
                    seen.add(triple)
                    right = triple in want
                    pair = {ev.country(e.source), ev.country(e.target)}
                    same = [(j, x) for j, x in earlier if {ev.country(x.source), ev.country(x.target)} == pair]
                    if not same:
                        page.events.append(Row(right))
                        continue
                    family = [(j, x) for j, x in same if FAMILY.get(x.root, x.root) == FAMILY.get(e.root, e.root)]
                    nearest = max(family or same, key=lambda jx: jx[0])
                    dated = abstention.own_date(e, on=first.when)
                    page.events.append(Row(right, {
                        "same root": any(x.root == e.root for _, x in same),
                        "same root and direction": any(ev.country(x.source) == ev.country(e.source) and x.root == e.root
                                                       for _, x in same),
                        "same family": bool(family),
                        "distance": min(k - max(j for j, _ in same), 4),
                        "distance in the family": min(k - max(j for j, _ in family), 4) if family else "none",
                        "own date": ("own date, differs" if dated and nearest[1].date != e.date
                                     else "own date, the same" if dated else "no date of its own"),
                        "tense": tense(r.predicate),
                        "also/again/another": bool(abstention._ANOTHER_ACT.search(sent.text)),
                        "reported speech": bool(SPEECH.search(sent.text)),
                        "root": e.root if e.root in FAMILY else "other",
                    }))
                earlier += [(k, r.event) for r in scored]
            pages.append(page)
        print(f"{path.parent.name}/{path.stem}", file=sys.stderr, flush=True)
    return pages, apart


def table(pages: list[Page], signal: str) -> list[str]:
    """Markdown rows: per value of `signal`, the right and wrong events and the share right."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for page in pages:
        for row in page.events:
            if row.signals is not None:
                counts[str(row.signals[signal])][row.right] += 1
    out = [f"| {signal} | right | wrong | share right |", "|---|---:|---:|---:|"]
    for value in sorted(counts):
        wrong, right = counts[value]
        out.append(f"| {value} | {right} | {wrong} | {right / (right + wrong):.2f} |")
    return out + [""]


def _features(row: Row) -> list[float]:
    s = row.signals or {}
    values = [s["same root"], s["same root and direction"], s["same family"], s["also/again/another"],
              s["reported speech"]]
    values += [s["distance"] == d for d in (1, 2, 3)] + [s["distance in the family"] == d for d in (1, 2)]
    values += [s["own date"] == v for v in ("own date, differs", "own date, the same")]
    values += [s["tense"] == t for t in TENSES] + [s["root"] == r for r in ("03", "04", "05")]
    return [float(v) for v in values]


def _fit(pages: list[Page]):
    from sklearn.linear_model import LogisticRegression

    rows = [r for p in pages for r in p.events if r.signals is not None]
    return LogisticRegression(C=1.0, max_iter=2000).fit([_features(r) for r in rows], [int(r.right) for r in rows])


def _dropped(pages: list[Page], model, threshold: float) -> list[tuple[int, int]]:
    """Per page: (events dropped, right ones among them) at `threshold` on P(right)."""
    out = []
    for page in pages:
        rows = [r for r in page.events if r.signals is not None]
        if not rows or threshold <= 0:
            out.append((0, 0))
            continue
        p = model.predict_proba([_features(r) for r in rows])[:, 1]
        out.append((int((p < threshold).sum()), int(sum(r.right for r, q in zip(rows, p) if q < threshold))))
    return out


def _f1(pages: list[Page], dropped: list[tuple[int, int]] | None = None) -> tuple[float, float]:
    gold = sum(p.gold for p in pages)
    predicted = sum(len(p.events) for p in pages) - (sum(d for d, _ in dropped) if dropped else 0)
    correct = sum(r.right for p in pages for r in p.events) - (sum(k for _, k in dropped) if dropped else 0)
    return 2 * correct / (gold + predicted), correct / predicted


def nested(pages: list[Page], thresholds=(0.15, 0.2, 0.25, 0.3, 0.35), seed: int = 0) -> dict[str, object]:
    """The learned decision nested out of fold by page: pooled F1 before and after, dropped events, bootstrap."""
    import numpy as np

    rng = np.random.default_rng(seed)
    fold = rng.permutation(len(pages)) % 5
    dropped: list[tuple[int, int]] = [(0, 0)] * len(pages)
    for k in range(5):
        train = [i for i in range(len(pages)) if fold[i] != k]
        best, best_gain = 0.0, 0.0
        for t in thresholds:
            gain = 0.0
            for kk in range(4):
                inner_test = [pages[i] for n, i in enumerate(train) if n % 4 == kk]
                model = _fit([pages[i] for n, i in enumerate(train) if n % 4 != kk])
                gain += _f1(inner_test, _dropped(inner_test, model, t))[0] - _f1(inner_test)[0]
            if gain > best_gain:
                best, best_gain = t, gain
        test = [i for i in range(len(pages)) if fold[i] == k]
        for i, d in zip(test, _dropped([pages[i] for i in test], _fit([pages[i] for i in train]), best)):
            dropped[i] = d
    diffs = []
    for _ in range(2000):
        pick = rng.integers(0, len(pages), len(pages))
        sample = [pages[i] for i in pick]
        diffs.append(_f1(sample, [dropped[i] for i in pick])[0] - _f1(sample)[0])
    low, high = np.percentile(diffs, [2.5, 97.5])
    return {"before": _f1(pages), "after": _f1(pages, dropped), "dropped": sum(d for d, _ in dropped),
            "dropped right": sum(k for _, k in dropped), "interval": (float(low), float(high))}


SIGNALS = ("same root", "same root and direction", "same family", "root", "distance", "distance in the family",
           "own date", "tense", "also/again/another", "reported speech")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", action="append", default=[], metavar="FOLDER/PART",
                        help="leave out a development file, e.g. news_dev8/part_d (repeatable)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"the results page (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    pages, apart = read_pages(set(args.leave_out))
    rows = [r for p in pages for r in p.events]
    history = [r for r in rows if r.signals is not None]
    new = [r for r in rows if r.signals is None]
    f1, precision = _f1(pages)
    md = ["# coding_restatements: restatement or new act", "",
          f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: `.venv/bin/python benchmarks/coding_restatements.py`"
          + "".join(f" --leave-out {x}" for x in args.leave_out) + ". Development news files, page mode, "
          "rules and the default classifier (in-sample).", "",
          f"Pooled: {len(rows)} kept events, F1 {f1:.4f}, P {precision:.4f}. Kept events whose pair is new on the page: "
          f"{sum(r.right for r in new)} right, {sum(not r.right for r in new)} wrong. Kept events whose pair an earlier "
          f"sentence coded (either way, any root): **{sum(r.right for r in history)} right, "
          f"{sum(not r.right for r in history)} wrong**. Kept apart now as restatements (both sides known): "
          f"{apart['wrong']} wrong, {apart['right']} right (gold the rule loses).", ""]
    for signal in SIGNALS:
        md += table(pages, signal)
    result = nested(pages)
    md += ["## A learned decision on these signals, nested out of fold by page", "",
           f"F1 {result['before'][0]:.4f} -> {result['after'][0]:.4f} (P {result['before'][1]:.4f} -> "
           f"{result['after'][1]:.4f}); {result['dropped']} events dropped, {result['dropped right']} of them right; "
           f"paired page bootstrap of the F1 change, 95%: {result['interval'][0]:+.4f} to {result['interval'][1]:+.4f}.", ""]
    print("\n".join(md))
    write_page(args.out, md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
