"""Check: a speed change to the coder leaves its output byte for byte as it was.

Codes a fixed sample with the shipped default coder and writes every field of every
event as JSON lines (one line per sentence or document), so that two runs (before
and after a change) can be compared with ``cmp`` or with ``--against``:

- sentence mode, partial events included, on the news development files
  (``data/news_dev/*.jsonl``, ``data/news_dev2/*.jsonl``), the PLOVER gold sentences
  (``../shared/data/plover_gsr_cameo.json``) and the first `--n` distinct sentences of
  ``../shared/data/confli_cameo_quad_train.tsv`` (both sides' spans and the partial
  flag are written with each event), in one process and again with two workers, and
  without partial events; then what ``detente code --sentences`` prints for them, with and
  without ``--partial`` (its JSON lines and its count of sentences with partial events only);
- document mode on the seed articles in ``../shared/seeds`` (when present).

Usage::

    git worktree add --detach /tmp/base main   # the code before the change
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/coding_golden.py --write /tmp/before.jsonl
    .venv/bin/python benchmarks/coding_golden.py --against /tmp/before.jsonl

Exit 0 when the output equals the file given to ``--against``, 1 with the first
differing lines otherwise. It is a check for the developer, not a benchmark page: the
coder's behaviour changes on purpose elsewhere, so no snapshot is kept in the repository.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEWS_DEV = (ROOT / "data" / "news_dev", ROOT / "data" / "news_dev2")
PLOVER = SHARED / "data" / "plover_gsr_cameo.json"
QUAD = SHARED / "data" / "confli_cameo_quad_train.tsv"
SEEDS = SHARED / "seeds"


def sample(n: int) -> list[str]:
    """The news development sentences, the PLOVER gold sentences, then the first `n` distinct quad-file sentences."""
    out = [json.loads(line)["sentence"] for folder in NEWS_DEV for path in sorted(folder.glob("*.jsonl"))
           for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if PLOVER.is_file():
        out += [r["text"] for r in json.loads(PLOVER.read_text(encoding="utf-8"))
                if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    if QUAD.is_file():
        seen: set[str] = set()
        for line in QUAD.read_text(encoding="utf-8").splitlines():
            text = line.rpartition("\t")[0].strip()
            if text and text not in seen:
                seen.add(text)
                out.append(text)
                if len(seen) >= n:
                    break
    return out


def _event(event: object) -> dict:
    row = asdict(event)  # type: ignore[call-overload]
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def lines(n: int) -> list[str]:
    """The JSON lines of the whole sample (sentence mode in one and two processes, documents)."""
    from detente.coding.coder import Coder
    from detente.coding.reader import Document
    from detente.coding.scorer import default_scorer

    texts = sample(n)
    out: list[str] = []
    # (workers, partial): the API with partial events in one and two processes, then its default
    for workers, partial in [(1, True), (2, True), (1, False)]:
        coder = Coder(classifier=default_scorer, n_process=workers, pair_model=None)
        mode = "sentences" if partial else "sentences, complete only"
        for i, results in enumerate(coder.iter_sentence_events(texts, date(2024, 1, 1), partial=partial)):
            rows = [{"event": _event(r.event), "source_span": r.source_span, "target_span": r.target_span,
                     "partial": r.partial} for r in results]
            out.append(json.dumps({"mode": mode, "i": i, "events": rows}, sort_keys=True, ensure_ascii=False))
    # what `detente code --sentences` prints, with and without --partial (the command's own writer)
    from detente.cli.code import _write_sentence

    coder = Coder(classifier=default_scorer, n_process=2, pair_model=None)
    for shown in (False, True):
        printed = io.StringIO()
        hidden = 0
        coded = coder.iter_sentence_events(texts, date(2024, 1, 1), partial=True, partial_spans=shown)
        for number, results in enumerate(coded, start=1):
            hidden += _write_sentence(printed, number, results, shown)
        out += [f"detente code --sentences{' --partial' if shown else ''}: {line}"
                for line in printed.getvalue().splitlines()]
        out.append(f"detente code --sentences{' --partial' if shown else ''}: {hidden} sentences with partial events only")
    if SEEDS.is_dir():
        coder = Coder(pair_model=None)
        docs = [Document(p.stem, p.read_text(encoding="utf-8"), date(2024, 1, 1), None, p.name)
                for p in sorted(SEEDS.glob("*.txt"))]
        for result in coder.code_document_results(docs):
            out.append(json.dumps({"mode": "documents", "doc": result.doc_id, "tone": result.tone,
                                   "sentences": result.sentences, "undated": result.undated,
                                   "events": [_event(e) for e in result.events]}, sort_keys=True, ensure_ascii=False))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="distinct quad-file sentences (default 2000)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the output here")
    group.add_argument("--against", type=Path, help="compare the output with this file")
    args = parser.parse_args(argv)
    out = lines(args.n)
    if args.write:
        args.write.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"wrote {len(out)} lines to {args.write}")
        return 0
    before = args.against.read_text(encoding="utf-8").splitlines()
    events = sum(len(json.loads(line)["events"]) for line in out if line.startswith("{"))
    if before == out:
        print(f"identical: {len(out)} lines, {events} events")
        return 0
    diffs = [i for i in range(max(len(before), len(out))) if i >= len(before) or i >= len(out) or before[i] != out[i]]
    print(f"DIFFERENT: {len(diffs)} of {max(len(before), len(out))} lines differ", file=sys.stderr)
    for i in diffs[:3]:
        print(f"line {i + 1}\n  before: {before[i] if i < len(before) else '(none)'}\n"
              f"  after:  {out[i] if i < len(out) else '(none)'}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
