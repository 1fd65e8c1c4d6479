"""Benchmark (experiment): does a non-linear learner over the static pair model's features decide better than its
logistic regressions?

The coder's default pair model (:mod:`detente.coding.pair_encoder` with static vectors, ``--pairs static``) decides
for each candidate actor pair whether the sentence reports an event from the first to the second (the *event*
model) and with which CAMEO root (the *root* model): two logistic regressions over the pair's sparse binary features
(:func:`detente.coding.pair_model.features`: the rules' output, the dependency path, lexical groups) and the static
vectors of its ``sent`` and ``between`` views. A linear model cannot weigh interactions (this governing verb with that
path, these words with that role). This script asks, out of fold, whether a learner that can beats them on the same
candidates, features and vectors.

Learners, each used for both decisions (:data:`LEARNERS`):

* ``logistic``: the shipped regressions (benchmarks/coding_pair_encoder.py ``SHIPPED_STATIC``: sparse features and
  the vectors scaled by 2, ``C`` 0.3), the baseline;
* ``mlp``: a multilayer perceptron with one hidden layer of 64 ReLU units (Rumelhart, Hinton and Williams 1986,
  "Learning representations by back-propagating errors"; trained with Adam, Kingma and Ba 2015, arXiv:1412.6980),
  over the sparse features seen at least :data:`MIN_COUNT` times in the training part and the same scaled vectors,
  L2 penalty 1e-3, early stopping on a random tenth of the training pairs;
* ``boosted``: gradient-boosted trees (Friedman 2001, "Greedy function approximation: a gradient boosting machine";
  scikit-learn's histogram implementation after LightGBM, Ke et al. 2017) over the same vectors and the
  :data:`INDICATORS` sparse features most frequent in the training part, early stopping likewise.

The rows, folds, sentence gate, thresholds and scoring are benchmarks/coding_pair_encoder.py's (imported, not
copied): every development sentence of benchmarks/coding_pair_model.py's ``SETS`` coded sentence by sentence (the
rows the shipped model is trained on; ``--rows-cache``, the file coding_pair_encoder.py ``--rows-cache`` writes),
outer grouped 5-fold by page (near-duplicates together), the thresholds chosen by an inner grouped 3-fold on each
training part under the shipped way (``SHIPPED_MODE``: the joint add rule, ``t_empty``, the sentence gate, no more
no-event news sentences coded than the rules), the (source, target, root) F1 of each learner's decisions, and paired
95% page-bootstrap intervals (2,000 resamples, seed 0) of its difference with the rules and with ``logistic``.
Event ROC AUC and root accuracy (on gold event pairs with a known root) are those of the outer folds' held-out
predictions of the same runs. Training CPU seconds: the whole nested run of a learner (per outer fold 3 inner
fits and 1 outer fit of each decision, and the gate's, which is the same logistic gate for every learner).

Which learner is judged (declared before any comparison ran, :data:`SELECTION_RULE`): the non-linear learner with
the best out-of-fold event ROC AUC; within 0.002 of each other, the better root accuracy. The gate
(benchmarks/results/session27_rules.md, item 2): its all-pooled F1 gain over ``logistic`` at least +0.005 with the
95% interval above 0.

    .venv/bin/python benchmarks/coding_pair_encoder.py --dense static --encode-only --rows-cache out/rows_sentence27.pkl
    .venv/bin/python benchmarks/coding_pair_learner.py --rows-cache out/rows_sentence27.pkl

Choices
-------
- The same inputs as the logistic model, so that a difference is the learner's: no new feature, view or vector.
- One hidden layer of 64 units and L2 1e-3 for the MLP; 64 indicators, 31 leaves, learning rate 0.1 and L2 1 for the
  trees: ordinary defaults fixed before the run, not tuned on these folds (each nested run costs tens of CPU
  minutes on the shared 2-core machine; a tuned learner would need a further level of folds to be judged fairly).
- Early stopping on a random (not page-grouped) tenth of the training pairs: scikit-learn's own; pairs of one
  sentence may fall on both sides, so it stops somewhat late. A label seen only once in a training part is left
  out of that part's fit (the stratified split needs two); the logistic model keeps it.
- Stacking the trees on the logistic model's own out-of-fold score was not run: it needs an inner fold of logistic
  fits inside every fit, four times the logistic model's cost per nested run.
- Seeds fixed (``--seed``): the same seed gives the same figures.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread: a shared 2-core machine
    os.environ.setdefault(_var, "1")

import coding_pair_encoder as cpe  # noqa: E402
import coding_pair_model as cpm  # noqa: E402
import numpy as np  # noqa: E402
from _results import write_page  # noqa: E402 - benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "coding_pair_learner.md"
VIEWS = ("sent", "between")
"""The static views the shipped model reads (:data:`detente.coding.pair_encoder.STATIC_VIEWS`)."""
WEIGHT = 2.0
"""The scale of the vectors, the shipped model's W for both decisions."""
MIN_COUNT = 5
"""The MLP reads a sparse feature seen at least this many times in the training part."""
INDICATORS = 64
"""The trees read this many sparse features, the most frequent in the training part."""
GATE_GAIN = 0.005
"""The least all-pooled F1 gain over the logistic regressions the judged learner must show (session27_rules.md)."""
SELECTION_RULE = ("the non-linear learner with the best out-of-fold event ROC AUC (outer folds' held-out "
                  "predictions); within 0.002 of each other, the better root accuracy on gold event pairs with a "
                  "known root. Declared before any comparison ran; F1 plays no part in the choice.")


def frequent_columns(data: cpe.Data, fit_idx: np.ndarray, min_count: int) -> np.ndarray:
    """The columns of ``data.sparse`` set in at least `min_count` of the pairs `fit_idx` (ascending)."""
    counts = np.asarray(data.sparse[fit_idx].sum(0)).ravel()
    return np.flatnonzero(counts >= min_count)


def top_columns(data: cpe.Data, fit_idx: np.ndarray, n: int) -> np.ndarray:
    """The `n` columns of ``data.sparse`` set most often in the pairs `fit_idx` (ties: the lower column; ascending)."""
    counts = np.asarray(data.sparse[fit_idx].sum(0)).ravel()
    order = np.lexsort((np.arange(len(counts)), -counts))[:n]
    return np.sort(order[counts[order] > 0])


def dense_block(data: cpe.Data, idx: np.ndarray) -> np.ndarray:
    """The pairs' :data:`VIEWS` vectors side by side, scaled by :data:`WEIGHT`."""
    return np.hstack([data.dense[v][idx] for v in VIEWS]).astype(np.float64) * WEIGHT


def repeated_labels(fit_idx: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The pairs of `fit_idx` whose label occurs at least twice among them (early stopping's stratified split)."""
    labels, counts = np.unique(y[fit_idx].astype(str), return_counts=True)
    keep = set(labels[counts >= 2])
    return fit_idx[[str(v) in keep for v in y[fit_idx]]]


def log_proba(proba: np.ndarray) -> np.ndarray:
    """Log-probabilities of a learner's probabilities (0 read as 1e-12: log 0 would be -inf)."""
    return np.log(np.clip(proba, 1e-12, None))


def fitted(name: str, pairs: int, columns: int, iterations: int) -> None:
    """Print one fit's size and iterations (a nested run makes 40 of them: its progress)."""
    print(f"  {name}: fitted on {pairs} pairs, {columns} sparse columns, {iterations} iterations "
          f"({time.process_time():.0f} CPU s into the process)", flush=True)


@dataclass(frozen=True)
class MLP:
    """One hidden layer over the frequent sparse features and the scaled vectors (the module's Choices)."""

    hidden: int = 64
    alpha: float = 1e-3
    min_count: int = MIN_COUNT
    seed: int = 0
    name: str = "mlp"

    def fit_predict(self, data: cpe.Data, fit_idx: np.ndarray, test_idx: np.ndarray, y: np.ndarray):
        """(classes, log-probabilities of the test pairs) of the MLP fitted on `fit_idx`'s labels `y`
        (coding_pair_encoder's :class:`Variant` interface)."""
        from scipy import sparse as sp
        from sklearn.neural_network import MLPClassifier

        fit_idx = repeated_labels(fit_idx, y)
        cols = frequent_columns(data, fit_idx, self.min_count)

        def design(idx: np.ndarray):
            return sp.hstack([data.sparse[idx][:, cols], sp.csr_matrix(dense_block(data, idx))], format="csr")

        model = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=self.alpha, batch_size=min(256, len(fit_idx)), max_iter=100,
                              early_stopping=True, validation_fraction=0.1, n_iter_no_change=5,
                              random_state=self.seed).fit(design(fit_idx), y[fit_idx])
        fitted(self.name, len(fit_idx), len(cols), model.n_iter_)
        return model.classes_, log_proba(model.predict_proba(design(test_idx)))


@dataclass(frozen=True)
class Boosted:
    """Gradient-boosted trees over the scaled vectors and the most frequent sparse indicators (the module's Choices)."""

    indicators: int = INDICATORS
    leaves: int = 31
    rate: float = 0.1
    l2: float = 1.0
    seed: int = 0
    name: str = "boosted"

    def fit_predict(self, data: cpe.Data, fit_idx: np.ndarray, test_idx: np.ndarray, y: np.ndarray):
        """(classes, log-probabilities of the test pairs) of the trees fitted on `fit_idx`'s labels `y`."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        fit_idx = repeated_labels(fit_idx, y)
        cols = top_columns(data, fit_idx, self.indicators)

        def design(idx: np.ndarray) -> np.ndarray:
            return np.hstack([data.sparse[idx][:, cols].toarray(), dense_block(data, idx)])

        model = HistGradientBoostingClassifier(learning_rate=self.rate, max_iter=300, max_leaf_nodes=self.leaves,
                                               l2_regularization=self.l2, early_stopping=True,
                                               validation_fraction=0.1, n_iter_no_change=10,
                                               random_state=self.seed).fit(design(fit_idx), y[fit_idx])
        fitted(self.name, len(fit_idx), len(cols), model.n_iter_)
        return model.classes_, log_proba(model.predict_proba(design(test_idx)))


def learners(seed: int = 0) -> dict[str, tuple[object, object]]:
    """name -> (event learner, root learner): the shipped logistic regressions and the non-linear learners."""
    logistic = tuple(cpe.parse_variant(v) for v in cpe.SHIPPED_STATIC)
    return {"logistic": logistic, "mlp": (MLP(seed=seed), MLP(seed=seed)),
            "boosted": (Boosted(seed=seed), Boosted(seed=seed))}


@dataclass
class Run:
    """One learner's nested run: the rules + model triples per row, the outer folds' predictions, the chosen
    thresholds per fold and the run's CPU seconds."""

    got: list[set]
    preds: dict[int, list[tuple]]
    chosen: list[tuple]
    cpu: float

    def scores(self, data: cpe.Data) -> tuple[float, float]:
        """(event ROC AUC, root accuracy) of the outer folds' held-out predictions."""
        return cpe.screen_scores(data, {i: [(p, root) for p, root, _ in pr] for i, pr in self.preds.items()})


def nested_run(data: cpe.Data, groups: list[str], event, root) -> Run:
    """The learner pair nested under coding_pair_encoder's ``SHIPPED_MODE`` (:func:`coding_pair_encoder.nested_modes`)."""
    t0 = time.process_time()
    preds: dict[int, list[tuple]] = {}
    got, chosen = cpe.nested_modes(data, groups, event, root, modes=(cpe.SHIPPED_MODE,), outer_preds=preds)
    return Run(got[cpe.SHIPPED_MODE], preds, chosen[cpe.SHIPPED_MODE], time.process_time() - t0)


def write_run(path: Path, run: Run, rows_cache: Path) -> None:
    """Keep a learner's run, with the rows file it was made from (:func:`read_run` refuses another)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump((str(rows_cache.resolve()), rows_cache.stat().st_mtime, run), f, protocol=pickle.HIGHEST_PROTOCOL)


def read_run(path: Path, rows_cache: Path) -> Run:
    """A run :func:`write_run` kept, refused (SystemExit) when made from another or a re-written rows file."""
    with path.open("rb") as f:
        made_from, mtime, run = pickle.load(f)
    if (made_from, mtime) != (str(rows_cache.resolve()), rows_cache.stat().st_mtime):
        raise SystemExit(f"{path} was made from {made_from} as it was then, not {rows_cache} now: delete it")
    print(f"read the kept run {path}", flush=True)
    return run


def judged(scores: dict[str, tuple[float, float]]) -> str:
    """The learner :data:`SELECTION_RULE` picks from `scores` (name -> (event ROC AUC, root accuracy)), ``logistic``
    excepted."""
    names = [n for n in scores if n != "logistic"]
    if not names:
        raise ValueError("no non-linear learner to judge: run at least one besides logistic")
    top = max(scores[n][0] for n in names)
    near = [n for n in names if scores[n][0] >= top - 0.002]
    return max(near, key=lambda n: (scores[n][1], scores[n][0]))


def interval(v: dict[str, object]) -> str:
    lo, hi = v["ci"]  # type: ignore[misc]
    return f"{v['diff']:+.4f} [{lo:+.4f}, {hi:+.4f}]"


def prf(t: Sequence[float]) -> str:
    return f"{t[2]:.4f} ({t[0]:.3f}, {t[1]:.3f})"


def page(data: cpe.Data, groups: list[str], runs: dict[str, Run], seed: int) -> list[str]:
    """The results page: per learner the scores, F1 against the rules and the logistic model, the no-event
    sentences left uncoded and the CPU; the judged learner and the gate's verdict."""
    rows = data.rows
    rules = [cpm.rules_only(r) for r in rows]
    scores = {name: run.scores(data) for name, run in runs.items()}
    lines = ["## Coding: a non-linear learner over the static pair model's features (benchmarks/coding_pair_learner.py)",
             "", f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, seed {seed}; {len(rows)} development sentences "
             f"(coding_pair_model.SETS, sentence-mode rows), {len(data.event)} candidate pairs "
             f"({int(data.event.sum())} a gold event). Nested: outer grouped {cpm.OUTER}-fold by page, thresholds by "
             f"an inner {cpm.INNER}-fold under `{cpe.SHIPPED_MODE}`; (source, target, root) F1 (P, R); differences "
             f"with a paired 95% page bootstrap ({cpe.N_BOOT} resamples, seed 0). Learners: the script's docstring.",
             "", f"Selection rule: {SELECTION_RULE}", "",
             "| learner | event ROC AUC | root accuracy | all pooled F1 (P, R) | - rules [95%] | - logistic [95%] "
             "| news pooled - logistic [95%] | no-event news sentences left uncoded (rules: {r}) | nested run CPU s "
             "| thresholds per fold (t_add, t_drop, t_empty, t_gate) |", "|---|---|---|---|---|---|---|---|---|---|"]
    news = cpe.PICKS["news pooled"]
    everything = cpe.PICKS["all pooled"]
    base = runs.get("logistic")
    for name, run in runs.items():
        vr = cpe.compare(rows, groups, rules, run.got, everything)
        vl = cpe.compare(rows, groups, base.got, run.got, everything) if base else None
        vn = cpe.compare(rows, groups, base.got, run.got, news) if base else None
        nr = cpe.compare(rows, groups, rules, run.got, news)
        lines[-2] = lines[-2].replace("{r}", f"{nr['uncoded_a']} of {nr['empty']}")
        lines.append(f"| {name} | {scores[name][0]:.4f} | {scores[name][1]:.4f} | {prf(vr['b'])} | {interval(vr)} | "
                     f"{interval(vl) if vl else '-'} | {interval(vn) if vn else '-'} | {nr['uncoded_b']} | "
                     f"{run.cpu:.0f} | " + ", ".join("(" + ", ".join(f"{x:g}" for x in c) + ")" for c in run.chosen)
                     + " |")
    if base is not None and len(runs) > 1:
        pick = judged(scores)
        v = cpe.compare(rows, groups, base.got, runs[pick].got, everything)
        met = v["diff"] >= GATE_GAIN and v["ci"][0] > 0  # type: ignore[index,operator]
        lines += ["", f"Judged by the rule: `{pick}`. Gate (session27_rules.md item 2, gain over logistic >= "
                  f"+{GATE_GAIN} with the interval above 0): {interval(v)}, **{'met' if met else 'not met'}**."]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-cache", type=Path, required=True, metavar="PKL",
                        help="the coded sentences (coding_pair_encoder.py --rows-cache writes them; coded here if absent)")
    parser.add_argument("--learners", nargs="+", default=None, metavar="NAME",
                        help=f"only these learners (of {', '.join(learners())}; default all)")
    parser.add_argument("--seed", type=int, default=0, help="the learners' seed (default 0)")
    parser.add_argument("--no-page", action="store_true", help="print only; do not write the result page")
    parser.add_argument("--runs-dir", type=Path, default=None, metavar="DIR",
                        help="keep each learner's nested run here (out/ is not in git) and read a kept one instead of "
                             "re-running it: learners run in separate processes, then one run writes the page")
    args = parser.parse_args(argv)
    known = learners(args.seed)
    names = args.learners or list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(f"unknown learner(s) {unknown}: choose among {list(known)}")
    rows, groups = cpe.coded_rows(args.rows_cache, "sentence")
    data = cpe.Data(rows, cpe.static_vectors(cpe.all_texts(rows), None))
    runs: dict[str, Run] = {}
    for name in names:
        kept = args.runs_dir / f"{name}_seed{args.seed}.pkl" if args.runs_dir else None
        runs[name] = read_run(kept, args.rows_cache) if kept and kept.is_file() else nested_run(data, groups, *known[name])
        if kept and not kept.is_file():
            write_run(kept, runs[name], args.rows_cache)
        auc, acc = runs[name].scores(data)
        print(f"{name}: event ROC AUC {auc:.4f}, root accuracy {acc:.4f}, nested run {runs[name].cpu:.0f} CPU s",
              flush=True)
    lines = page(data, groups, runs, args.seed)
    print("\n".join(lines))
    if not args.no_page and set(names) == set(known):
        write_page(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
