"""Benchmark: two coders on the same news gold files, with a paired bootstrap of their F1 difference.

Every session asks the same question of an unseen news set: did the new code, or an opt-in pair model,
gain over the baseline by more than the set's sampling allows? This script answers it in one run:

- **baseline and candidate** are this checkout's coder with two `--pairs` settings (the default compares
  the rules with ``--pairs static``), or, with ``--against SRC``, another checkout's coder (its ``src``
  directory, run in a child process with it first on ``PYTHONPATH``, with ``--against-pairs``) as the
  baseline and this checkout's (with ``--pairs``) as the candidate;
- both code every gold file in page mode with headlines by :func:`detente.coding.evaluate.predict_events`,
  the loop ``detente code eval`` codes with, and only asserted events count (a negated event predicts no
  event, as the guides code it);
- each sentence is scored by :func:`detente.coding.evaluate.score_events` itself, so the counts are
  exactly the ones ``detente code eval`` prints;
- the difference of pooled F1 is resampled by page (2,000 resamples, seed 0), the unit the news sets are
  drawn by: a page's sentences share actors and context, so they are not independent draws.

It also prints the sentences without a gold event left uncoded by each side (the issue's abstention
figure), per file and pooled. ``--json`` prints the same figures for machines; ``--out`` writes a page.

    .venv/bin/python benchmarks/coding_paired.py data/news_dev12                   # rules vs --pairs static
    .venv/bin/python benchmarks/coding_paired.py data/news_dev12 --against /tmp/base/src --pairs rules
    .venv/bin/python benchmarks/coding_paired.py data/news_dev12/part_a.jsonl --baseline-pairs rules --pairs model

A folder stands for its ``part_*.jsonl`` files (or every ``*.jsonl`` if it has no parts). Read only what
it is given: give it no held-out file a developer must not see.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from _results import write_page  # benchmarks/ is on sys.path when a script runs

N_BOOT = 2000
SETTINGS = {"rules": None, "model": "shipped", "encoder": "encoder", "static": "static", "finetuned": "finetuned"}
"""Each `--pairs` value and the coder's `pair_model` setting it stands for."""
PAIRS = tuple(SETTINGS)


@dataclass
class Side:
    """One coder's counts per sentence of a file: gold events, predicted, correct, and whether it coded a
    sentence that has no gold event."""

    gold: np.ndarray
    predicted: np.ndarray
    correct: np.ndarray
    empty: np.ndarray  # the sentence has no gold event
    uncoded: np.ndarray  # ... and this coder gave it none


def gold_files(paths: list[Path]) -> list[Path]:
    """The gold files the arguments name: a file as given, a folder as its parts (or all its JSONL)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("part_*.jsonl")) or sorted(path.glob("*.jsonl"))
            if not found:
                raise SystemExit(f"{path}: no .jsonl gold file in this folder")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise SystemExit(f"{path}: no such file or folder")
    return out


def predictions(files: list[Path], pairs: str) -> dict[str, list[list[list[str]]]]:
    """Per file, per sentence, the asserted events (source, target, root, cameo) of this process's coder
    (whichever ``detente`` it imports) with the `--pairs` setting, coded in page mode with headlines."""
    from detente.coding import Coder
    from detente.coding import evaluate as ev
    from detente.coding.classifier import default_classifier

    coder = Coder(classifier=default_classifier(), pair_model=SETTINGS[pairs])
    out: dict[str, list[list[list[str]]]] = {}
    for path in files:
        gold = ev.read_gold(path)
        if hasattr(ev, "predict_events"):  # code eval's own loop
            predicted = ev.predict_events(gold, coder, "page")
        else:
            predicted = _page_events(gold, coder)
        out[str(path)] = [[[e.source, e.target, e.root, e.cameo] for e in events] for events in predicted]
    return out


def _page_events(gold: Any, coder: Any) -> list[list[Any]]:
    """The asserted events of each gold sentence coded in page mode with headlines, as
    :func:`detente.coding.evaluate.predict_events` gives them: kept for ``--against`` a checkout whose
    ``evaluate`` is older than that function (before session 20), whose code the child process runs."""
    from detente.coding import evaluate as ev

    texts = [s.text for s in gold.sentences]
    predicted: list[list[Any]] = [[] for _ in texts]
    for group in ev.articles(gold.sentences):
        first = gold.sentences[group[0]]
        coded = coder.code_article_events([texts[i] for i in group], first.when, headline=first.headline)
        for i, results in zip(group, coded):
            predicted[i] = [r.event for r in results if not r.event.negated]
    return predicted


def predictions_of(src: Path, files: list[Path], pairs: str) -> dict[str, list[list[list[str]]]]:
    """:func:`predictions` run by another checkout's code (`src` first on ``PYTHONPATH``) in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "predicted.json"
        cmd = [sys.executable, __file__, "--emit", str(out), "--pairs", pairs, *map(str, files)]
        env = {**os.environ, "PYTHONPATH": str(src)}
        done = subprocess.run(cmd, env=env, check=False)
        if done.returncode != 0:
            raise SystemExit(f"--against {src}: the child process failed (exit {done.returncode})")
        return json.loads(out.read_text(encoding="utf-8"))


def counts(path: Path, predicted: list[list[list[str]]]) -> Side:
    """Score each sentence of `path` with :func:`~detente.coding.evaluate.score_events` (one sentence at a
    time, so the per-sentence counts add up to the file's report exactly)."""
    from detente.coding import evaluate as ev

    gold = ev.read_gold(path)
    rows = []
    for sent, events in zip(gold.sentences, predicted, strict=True):
        objects = [SimpleNamespace(source=s, target=t, root=r, cameo=c) for s, t, r, c in events]
        report = ev.score_events(replace(gold, sentences=[sent]), [objects])
        o = report.overall
        rows.append((o.gold, o.predicted, o.correct, not sent.events, not sent.events and not events))
    a = np.array(rows, dtype=np.int64).reshape(-1, 5)
    return Side(a[:, 0], a[:, 1], a[:, 2], a[:, 3].astype(bool), a[:, 4].astype(bool))


def f1(gold: np.ndarray, predicted: np.ndarray, correct: np.ndarray) -> np.ndarray:
    """F1 = 2 correct / (gold + predicted), elementwise; 0 where both are 0."""
    total = gold + predicted
    return np.where(total > 0, 2 * correct / np.maximum(total, 1), 0.0)


def page_ids(path: Path) -> np.ndarray:
    """Each sentence's page index (:func:`~detente.coding.evaluate.articles`)."""
    from detente.coding import evaluate as ev

    groups = ev.articles(ev.read_gold(path).sentences)
    ids = np.empty(sum(len(g) for g in groups), dtype=np.int64)
    for k, group in enumerate(groups):
        ids[group] = k
    return ids


def compare(a: Side, b: Side, pages: np.ndarray, seed: int = 0, n_boot: int = N_BOOT) -> dict[str, Any]:
    """Pooled F1 of each side, the difference b - a, and its 95% paired bootstrap interval over pages."""
    n_pages = int(pages.max()) + 1 if len(pages) else 0
    per_page = np.zeros((n_pages, 5))
    for col, values in enumerate((a.gold, a.predicted, a.correct, b.predicted, b.correct)):
        np.add.at(per_page[:, col], pages, values)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_pages, size=(n_boot, n_pages))
    sums = per_page[draws].sum(axis=1)  # (n_boot, 5)
    diff = f1(sums[:, 0], sums[:, 3], sums[:, 4]) - f1(sums[:, 0], sums[:, 1], sums[:, 2])
    total = per_page.sum(axis=0)
    f_a = float(f1(total[0], total[1], total[2]))
    f_b = float(f1(total[0], total[3], total[4]))
    low, high = np.percentile(diff, [2.5, 97.5])
    return {"sentences": int(len(pages)), "pages": n_pages, "gold": int(total[0]),
            "a": {"f1": f_a, "predicted": int(total[1]), "correct": int(total[2]), "uncoded": int(a.uncoded.sum())},
            "b": {"f1": f_b, "predicted": int(total[3]), "correct": int(total[4]), "uncoded": int(b.uncoded.sum())},
            "empty": int(a.empty.sum()), "gain": f_b - f_a, "low": float(low), "high": float(high)}


def concat(sides: list[Side]) -> Side:
    """The sides of several files as one."""
    return Side(*(np.concatenate([getattr(s, name) for s in sides]) for name in
                  ("gold", "predicted", "correct", "empty", "uncoded")))


def table(rows: list[tuple[str, dict[str, Any]]], a_name: str, b_name: str) -> list[str]:
    """A Markdown table of the comparisons."""
    lines = [f"| file | sentences | pages | gold | F1 {a_name} | F1 {b_name} | gain (95% over pages) | "
             f"no-event left uncoded, {a_name} / {b_name} |", "|---|---:|---:|---:|---:|---:|---|---|"]
    for name, r in rows:
        name = f"**{name}**" if name == "pooled" else name
        lines.append(f"| {name} | {r['sentences']} | {r['pages']} | {r['gold']} | {r['a']['f1']:.3f} | "
                     f"{r['b']['f1']:.3f} | {r['gain']:+.3f} [{r['low']:+.3f}, {r['high']:+.3f}] | "
                     f"{r['a']['uncoded']} / {r['b']['uncoded']} of {r['empty']} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="gold JSONL files or folders of them")
    parser.add_argument("--pairs", choices=PAIRS, default="static",
                        help="the candidate's pair model (default static)")
    parser.add_argument("--baseline-pairs", choices=PAIRS, default="rules",
                        help="the baseline's pair model when it runs this checkout's code (default rules)")
    parser.add_argument("--against", type=Path, default=None, metavar="SRC",
                        help="the baseline is another checkout's code: its src directory (e.g. /tmp/base/src)")
    parser.add_argument("--against-pairs", choices=PAIRS, default="rules",
                        help="the pair model of the --against baseline (default rules)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, default=None, help="also write the table as a Markdown page here")
    parser.add_argument("--emit", type=Path, default=None, help=argparse.SUPPRESS)  # the child's mode
    args = parser.parse_args(argv)
    files = gold_files(args.paths)
    if args.emit is not None:
        args.emit.write_text(json.dumps(predictions(files, args.pairs)), encoding="utf-8")
        return 0
    if args.against is not None:
        if not (args.against / "detente" / "__init__.py").is_file():
            print(f"--against {args.against}: no detente package there (give a checkout's src directory)",
                  file=sys.stderr)
            return 2
        a_name, base = f"{args.against} ({args.against_pairs})", predictions_of(args.against, files, args.against_pairs)
    else:
        a_name, base = args.baseline_pairs, predictions(files, args.baseline_pairs)
    b_name, cand = f"this code ({args.pairs})", predictions(files, args.pairs)
    rows: list[tuple[str, dict[str, Any]]] = []
    a_all, b_all, p_all = [], [], []
    offset = 0
    for path in files:
        a, b, pages = counts(path, base[str(path)]), counts(path, cand[str(path)]), page_ids(path)
        rows.append((f"{path.parent.name}/{path.name}", compare(a, b, pages)))
        a_all.append(a)
        b_all.append(b)
        p_all.append(pages + offset)
        offset += int(pages.max()) + 1 if len(pages) else 0
    if len(files) > 1:
        rows.append(("pooled", compare(concat(a_all), concat(b_all), np.concatenate(p_all))))
    if args.json:
        print(json.dumps({"baseline": a_name, "candidate": b_name, "rows": dict(rows)}, indent=2))
    else:
        print(f"baseline: {a_name}; candidate: {b_name}; paired bootstrap over pages ({N_BOOT}, seed 0)")
        print("\n".join(table(rows, "baseline", "candidate")))
    if args.out is not None:
        write_page(args.out, ["# coding_paired: two coders on the same gold files", "",
                              f"Baseline: {a_name}. Candidate: {b_name}. Page mode with headlines, asserted events; "
                              f"paired bootstrap over pages ({N_BOOT} resamples, seed 0).", "",
                              *table(rows, "baseline", "candidate")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
