"""Benchmark: does the default pair model still gain from more annotated news? A learning curve on a fixed test block.

The coder's default, the static pair model (:mod:`detente.coding.pair_encoder`, ``pair_static.npz``), is trained on
the annotated news sets, and most of the project's annotation goes into new ones. The only learning curve on record
(benchmarks/coding_pair_encoder.py's) is of the root decision alone, on far less data. This one asks of the whole
decision what the team pays for: the (source, target, root) F1 over the rules on sentences no model ever trained on,
as the training data grows.

* Test block, never trained on: news_dev18 and news_dev19 (development sets, adjudicated; every part).
* Training pool: every set of :data:`coding_pair_model.SETS` (news_dev ... news_dev17 and PLOVER, as the shipped
  model uses them), less any page that is a near-duplicate of a test page (the fold groups of
  :func:`coding_pair_model.groups_with_neardups`, over pool and test together: a near-duplicate of a test sentence
  would teach its answer). Never the check set, never news_dev21 to news_dev25.
* Shares: the pool's pages (fold groups) in a random order per seed, the first 25/50/75/100% (nested: a smaller
  share is a subset of a larger); seed 0 at every share, seeds 1 and 2 at 25%, 50% and 75% (the noise of one seed;
  100% is every page whatever the seed).
* Each share is trained exactly as ``coding_pair_encoder.py --write-model --dense static`` trains the shipped model
  (:data:`coding_pair_encoder.SHIPPED_STATIC`, ``C`` 0.3, views ``sent`` and ``between`` of the shipped static
  table): thresholds by :data:`coding_pair_encoder.SHIPPED_MODE` on grouped 5-fold out-of-fold predictions of the
  share alone (:func:`coding_pair_encoder.inner_part` with ``k`` = 5, :func:`coding_pair_encoder.best_gated`), then
  the models and the gate fitted on the whole share and the test block decided
  (:func:`coding_pair_encoder.predict_rows`, :func:`coding_pair_encoder.decide_gated`).
* Figures on the test block: F1, P, R of the rules alone and of rules + model, model - rules with a paired 95%
  bootstrap resampling pages (:func:`coding_pair_encoder.compare`, 2,000 resamples, seed 0), no-event sentences
  left uncoded; each share's model against the next smaller one's (same pairing); both also with every share
  decided at the 100% share's thresholds (what more data adds to the models, the threshold choice set aside);
  the slope of model - rules per 1,000 training sentences over the points (every seed's), with a page-bootstrap
  interval; and the models themselves, free of the thresholds: the event model's ROC AUC over the test block's candidate
  pairs and the root model's accuracy on its gold event pairs (as coding_pair_model.py's learning curve scores them).

The rows are read from a ``--rows-cache`` file (coding_pair_encoder.py's, sentence mode) that must hold the test
block and the pool coded by the current rules; the script checks that its sentences are the data's, in order, and
refuses a cache holding any other set.

    .venv/bin/python benchmarks/coding_pair_curve.py --rows-cache out/rows26_sentence.pkl
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread: a shared 2-core machine
    os.environ.setdefault(_var, "1")

import coding_pair_encoder as cpe  # noqa: E402
import coding_pair_model as cpm  # noqa: E402
import numpy as np  # noqa: E402
from _results import write_page  # noqa: E402 - benchmarks/ is on sys.path when a script runs

from detente.coding import evaluate as ev  # noqa: E402

ROOT = cpm.ROOT
RESULTS = ROOT / "benchmarks" / "results" / "coding_pair_curve.md"
TEST_SETS = {f"{d} {p.stem[-1]}": p for d in ("dev18", "dev19")
             for p in sorted((ROOT / "data" / f"news_{d}").glob("part_*.jsonl"))}
"""The fixed test block: news_dev18 and news_dev19, named as coding_pair_model.SETS names a set's parts."""
SHARES = (0.25, 0.5, 0.75, 1.0)
RUNS = [(0, f) for f in SHARES] + [(s, f) for s in (1, 2) for f in (0.25, 0.5, 0.75)]
"""(seed, share of the pool's pages) in the order run: one seed's curve first, then the extra seeds (100% is every
page whatever the seed)."""

Thresholds = tuple[float, float, float, float]
"""(t_add, t_drop, t_empty, t_gate), as :func:`coding_pair_encoder.best_gated` chooses them."""


@dataclass
class Point:
    """One trained share: its training part, the thresholds it chose, its predictions on the test block, the
    models' own scores there (:func:`model_scores`) and the run time."""

    seed: int
    share: float
    sentences: int
    pages: int
    thresholds: Thresholds
    preds: dict[int, list[tuple]]
    """Each test row's candidates' (P(event), root, joint) (:func:`coding_pair_encoder.predict_rows`)."""
    gate: dict[int, float]
    """The sentence gate's P(event) of the test rows it decides for (:func:`coding_pair_encoder.gate_fit_predict`)."""
    auc: float
    root_accuracy: tuple[float, int]
    seconds: float


def check_rows(rows: list[cpm.Row]) -> None:
    """Refuse a rows cache that holds a set outside the pool and the test block, or whose sentences are not the
    data's (same texts, same order): the rows must be today's files coded, not an older coding."""
    known = {**cpm.SETS, **TEST_SETS}
    names = list(dict.fromkeys(r.set for r in rows))
    if set(names) - set(known):
        raise SystemExit(f"the rows cache holds sets this curve never reads: {sorted(set(names) - set(known))}")
    missing = set(known) - set(names)
    if missing:
        raise SystemExit(f"the rows cache lacks {sorted(missing)}: code the rows with these sets")
    for name in names:
        texts = [r.text for r in rows if r.set == name]
        if texts != [s.text for s in ev.read_gold(known[name]).sentences]:
            raise SystemExit(f"the rows cache's {name} is not {known[name]} as it is now: re-code the rows")


def split(rows: list[cpm.Row], groups: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """(test rows, pool rows, pool rows left out as near-duplicates of a test page)."""
    test = np.array([i for i, r in enumerate(rows) if r.set in TEST_SETS], dtype=int)
    test_groups = {groups[i] for i in test}
    pool = [i for i, r in enumerate(rows) if r.set in cpm.SETS and r.set not in TEST_SETS]  # SETS holds the block
    kept = np.array([i for i in pool if groups[i] not in test_groups], dtype=int)
    return test, kept, len(pool) - len(kept)


def share_rows(groups: list[str], pool: np.ndarray, seed: int, share: float) -> np.ndarray:
    """The pool rows of the first `share` of its pages in seed `seed`'s order (nested across shares)."""
    names = sorted({groups[i] for i in pool})
    order = [names[k] for k in np.random.default_rng(seed).permutation(len(names))]
    keep = set(order[:max(1, round(share * len(order)))])
    return np.array([i for i in pool if groups[i] in keep], dtype=int)


def train(data: cpe.Data, groups: list[str], fit_rows: np.ndarray, test: np.ndarray
          ) -> tuple[Thresholds, dict[int, list[tuple]], dict[int, float]]:
    """The shipped static model trained on `fit_rows` alone: its thresholds (as ``--write-model`` chooses them, on
    the part's grouped 5-fold out-of-fold predictions), its predictions for each test row's candidates and its
    gate's for the test rows."""
    event, root = (cpe.parse_variant(v) for v in cpe.SHIPPED_STATIC)
    split_empty, use_gate, constrained = cpe.MODES[cpe.SHIPPED_MODE]
    part, part_preds, part_gate = cpe.inner_part(data, groups, fit_rows, event, root, k=cpm.OUTER)
    t_add, t_drop, t_empty, t_gate, _ = cpe.best_gated(part, part_preds, part_gate, split=split_empty,
                                                       use_gate=use_gate, constrained=constrained)
    return ((t_add, t_drop, t_empty, t_gate), cpe.predict_rows(data, fit_rows, test, event, root, True),
            cpe.gate_fit_predict(data, fit_rows, test))


def decided(rows: list[cpm.Row], point: Point, thresholds: Thresholds | None = None) -> list[set]:
    """Rules + model triples of every row (empty off the test block) under the point's own thresholds or others."""
    t_add, t_drop, t_empty, t_gate = point.thresholds if thresholds is None else thresholds
    got: list[set] = [set() for _ in rows]
    for i, pr in point.preds.items():
        got[i] = cpe.decide_gated(rows[i], pr, t_add, t_drop, t_empty, t_gate <= 0 or point.gate.get(i, 1.0) > t_gate)
    return got


def model_scores(data: cpe.Data, preds: dict[int, list[tuple]]) -> tuple[float, tuple[float, int]]:
    """The models themselves on the test block, free of the thresholds (the coded F1 moves only where a probability
    crosses one): the event model's ROC AUC over the candidate pairs, and the root model's accuracy on the gold event
    pairs whose root is known (with their count)."""
    from sklearn.metrics import roc_auc_score

    y, p, hits = [], [], []
    for i, pr in preds.items():
        for ex, (q, root, _) in zip(data.rows[i].examples, pr):
            y.append(ex.event)
            p.append(q)
            if ex.event and ex.root:
                hits.append(root == ex.root)
    return float(roc_auc_score(y, p)), (float(np.mean(hits)), len(hits))


def slope(rows: list[cpm.Row], groups: list[str], points: list[Point], thresholds: Thresholds | None = None
          ) -> tuple[float, float, float]:
    """How much model - rules F1 on the test block rises per 1,000 training sentences: the least-squares slope over
    `points` (each decided at its own thresholds, or at `thresholds`), with a 95% interval from the paired page
    bootstrap (the test pages resampled together for every point and the rules: :func:`coding_pair_encoder.compare`'s
    resampling, seed 0). A slope over several seeds' points averages their noise."""
    test = [i for i, r in enumerate(rows) if r.set in TEST_SETS]
    names = sorted({groups[i] for i in test})
    where = {g: k for k, g in enumerate(names)}

    def by_page(got: list[set]) -> np.ndarray:
        out = np.zeros((len(names), 3))
        for i in test:
            out[where[groups[i]]] += cpm.counts(rows[i], got[i])
        return out

    rules = by_page([cpm.rules_only(r) for r in rows])
    models = [by_page(decided(rows, p, thresholds)) for p in points]
    x = np.array([p.sentences / 1000 for p in points])

    def fitted(s: np.ndarray) -> float:
        base = cpm.prf(rules[s].sum(0))[2]
        return float(np.polyfit(x, [cpm.prf(m[s].sum(0))[2] - base for m in models], 1)[0])

    rng = np.random.default_rng(0)
    boot = [fitted(rng.integers(0, len(names), len(names))) for _ in range(cpe.N_BOOT)]
    lo, hi = np.percentile(boot, [2.5, 97.5])
    return fitted(np.arange(len(names))), float(lo), float(hi)


def page(rows: list[cpm.Row], groups: list[str], pool: np.ndarray, near: int, points: list[Point], started: str
         ) -> list[str]:
    """The result page: one line per trained share, then each share against the next smaller one of its seed (the
    100% share is every seed's), each also at the 100% share's thresholds (what the models add, the threshold
    choice set aside)."""
    pick = lambda r: r.set in TEST_SETS  # noqa: E731
    rules = [cpm.rules_only(r) for r in rows]
    f = lambda t: f"{t[2]:.4f} ({t[0]:.4f}, {t[1]:.4f})"  # noqa: E731
    ci = lambda v: f"{v['diff']:+.4f} [{v['ci'][0]:+.4f}, {v['ci'][1]:+.4f}]"  # noqa: E731
    by = {(p.seed, p.share): p for p in points}
    whole = by.get((0, 1.0))
    fixed = whole.thresholds if whole else None
    base = cpe.compare(rows, groups, rules, rules, pick)
    lines = ["## Coding: does the default pair model still gain from more annotated news? (benchmarks/coding_pair_curve.py)",
             "", f"Run {started} UTC. Test block, never trained on: news_dev18 and news_dev19, {base['n']} sentences, "
             f"{base['pages']} pages, {base['empty']} without a gold event. Training pool: coding_pair_model.SETS "
             f"(news_dev ... news_dev17, PLOVER), {len(pool)} sentences, {len({groups[i] for i in pool})} pages "
             f"(fold groups), {near} pool sentences left out as near-duplicates of a test page. Each share of the pool's "
             f"pages trained as `--write-model --dense static` trains the shipped model ({cpe.SHIPPED_STATIC[0]} for both "
             f"decisions, thresholds by `{cpe.SHIPPED_MODE}` on the share's own grouped {cpm.OUTER}-fold out-of-fold "
             "predictions); rows coded sentence by sentence by the session-start rules (out/rows26_sentence.pkl). "
             f"(source, target, root) F1 (P, R) on the test block; differences with a paired 95% page bootstrap "
             f"({cpe.N_BOOT} resamples, seed 0). Event ROC AUC over the test block's candidate pairs and root accuracy "
             "on its gold event pairs score the models free of the thresholds.", "",
             f"Rules alone on the test block: F1 {f(base['a'])}; no-event sentences left uncoded {base['uncoded_a']} "
             f"of {base['empty']}.", "",
             "| seed | share of pages | training sentences (pages) | thresholds (t_add, t_drop, t_empty, t_gate) "
             "| rules + model F1 (P, R) | model - rules [95%] | model - rules at the 100% share's thresholds [95%] "
             "| no-event left uncoded: rules, model | event ROC AUC | root accuracy (gold event pairs) | run time |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for p in points:
        v = cpe.compare(rows, groups, rules, decided(rows, p), pick)
        at_fixed = ci(cpe.compare(rows, groups, rules, decided(rows, p, fixed), pick)) if fixed else ""
        lines.append(f"| {p.seed} | {p.share:.0%} | {p.sentences} ({p.pages}) | "
                     f"({', '.join(f'{x:g}' for x in p.thresholds)}) | {f(v['b'])} | {ci(v)} | {at_fixed} | "
                     f"{v['uncoded_a']}, {v['uncoded_b']} of {v['empty']} | {p.auc:.4f} | "
                     f"{p.root_accuracy[0]:.4f} ({p.root_accuracy[1]}) | {p.seconds:.0f} s |")
    steps = [(seed, by[seed, a], by.get((seed, b)) or (whole if b == 1.0 else None))
             for seed in sorted({p.seed for p in points}) for a, b in zip(SHARES, SHARES[1:]) if (seed, a) in by]
    steps = [(seed, a, b) for seed, a, b in steps if b is not None]
    if steps:
        lines += ["", "Each share against the next smaller one of its seed (the smaller share's pages are among the "
                  "larger's; 100% is every seed's):", "",
                  "| seed | step | sentences added | F1 difference [95%] | per 1,000 sentences added "
                  "| at the 100% share's thresholds [95%] |", "|---|---|---|---|---|---|"]
        for seed, a, b in steps:
            v = cpe.compare(rows, groups, decided(rows, a), decided(rows, b), pick)
            w = cpe.compare(rows, groups, decided(rows, a, fixed), decided(rows, b, fixed), pick)
            added = b.sentences - a.sentences
            lines.append(f"| {seed} | {a.share:.0%} -> {b.share:.0%} | {added} | {ci(v)} | "
                         f"{1000 * v['diff'] / added:+.4f} | {ci(w)} |")
    fits = [(label, chosen) for label, chosen in (("every point", points), ("the 50%, 75% and 100% points",
                                                                           [p for p in points if p.share >= 0.5]))
            if len({p.sentences for p in chosen}) > 1]
    if fits:
        lines += ["", "Model - rules F1 per 1,000 training sentences: least-squares slope over the points (every seed's), "
                  "95% interval from the paired page bootstrap:", "",
                  "| points | at each share's own thresholds [95%] | at the 100% share's thresholds [95%] |", "|---|---|---|"]
        for label, chosen in fits:
            own = "{:+.4f} [{:+.4f}, {:+.4f}]".format(*slope(rows, groups, chosen))
            at = "{:+.4f} [{:+.4f}, {:+.4f}]".format(*slope(rows, groups, chosen, fixed)) if fixed else ""
            lines.append(f"| {label} ({len(chosen)}) | {own} | {at} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-cache", type=Path, required=True, metavar="PKL",
                        help="coding_pair_encoder.py's sentence-mode rows of SETS and news_dev18/19 (checked, not coded)")
    parser.add_argument("--no-page", action="store_true", help="print only; do not write the result page")
    args = parser.parse_args(argv)
    if not args.rows_cache.is_file():
        parser.error(f"{args.rows_cache} does not exist: code the rows first (coding_pair_encoder.py --rows-cache)")
    started = f"{datetime.now(UTC):%Y-%m-%d %H:%M}"
    rows, groups = cpe.coded_rows(args.rows_cache, "sentence")
    check_rows(rows)
    test, pool, near = split(rows, groups)
    data = cpe.Data(rows, cpe.vectors(cpe.all_texts(rows), "static"))
    points: list[Point] = []
    for seed, share in RUNS:
        t0 = time.perf_counter()
        fit_rows = share_rows(groups, pool, seed, share)
        thresholds, preds, gate = train(data, groups, fit_rows, test)
        points.append(Point(seed, share, len(fit_rows), len({groups[i] for i in fit_rows}), thresholds, preds, gate,
                            *model_scores(data, preds), time.perf_counter() - t0))
        lines = page(rows, groups, pool, near, points, started)
        print(next(line for line in lines if line.startswith(f"| {seed} | {share:.0%} ")), flush=True)
        if not args.no_page:  # rewritten after every share: a stopped run leaves the shares it finished
            write_page(RESULTS, lines)
    print("\n".join(page(rows, groups, pool, near, points, started)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
