"""Benchmark: the gold event pairs the coder never considers, and which side it failed to find.

The static pair model (``--pairs static``) decides over each sentence's candidate pairs
(:func:`detente.coding.pair_model.pair_candidates`: ordered pairs of two countries' mentions, and the pairs of the
rules' complete events); a gold (source, target) pair that is no candidate can never be coded. An oracle over the
candidates scores about 0.87 F1, and 18-25% of gold pairs have no candidate (coding_pair_finetune.py ``--ceiling``).
This script says, for each such gold pair, which side the coder did not find in the sentence and where the page
names it, so that the registry's and the page memory's gaps can be counted:

* ``in sentence``: the side's country is among the sentence's mentions (the candidate is missing for another
  reason: the other side, a mention without a parse head, or a pair the scorer keys differently);
* ``earlier on page``: not named in the sentence, but the headline or an earlier sentence of the same article
  names it (a pronoun, an office, "the two sides");
* ``not on page``: no mention of it anywhere on the page up to the sentence (a name the registry does not know, a
  name it knows but does not match, or a side the text never names).

The rows are the coder's page mode, as ``detente code eval`` codes by default (coding_pair_model.read_rows,
``context="page"``); the count of gold pairs with no candidate is coding_pair_finetune.py's. ``--dump FILE`` writes
every missing pair with its sentence (mentions bracketed) for reading by hand.

Run::

    .venv/bin/python benchmarks/coding_missing_sides.py data/news_dev20 data/news_dev26 data/news_dev27 --dump out/missing.md
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coding_pair_model as cpm  # noqa: E402

from detente.coding import evaluate as ev  # noqa: E402

HELD_OUT = ("news_check", "news_dev21", "news_dev22", "news_dev23", "news_dev24", "news_dev25")


class MentionRecorder(cpm.Recorder):
    """The pair model's recorder that also keeps each sentence's mentions (by its view's id)."""

    def __init__(self) -> None:
        super().__init__()
        self.mentions: dict[int, list] = {}

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
        out = super().revise_sentence(results, sdoc, text, ctx, lemma, when)
        self.mentions[id(self.log[-1][1][2])] = list(ctx.mentions)
        return out


def gold_files(paths: list[str]) -> dict[str, Path]:
    """The gold files of `paths` (a folder: its ``part_*.jsonl``, or every ``*.jsonl`` if it has no parts, as
    coding_paired.py reads one), refusing the held-out sets."""
    out: dict[str, Path] = {}
    for p in map(Path, paths):
        if any(h == p.name or h in p.parts for h in HELD_OUT):
            raise SystemExit(f"{p} is held out")
        files = (sorted(p.glob("part_*.jsonl")) or sorted(p.glob("*.jsonl"))) if p.is_dir() else [p]
        if not files:
            raise SystemExit(f"no gold files in {p}")
        for f in files:
            out[f"{f.parent.name} {f.stem}"] = f
    return out


def countries(mentions, generic) -> set[str]:
    """The scorer's country keys of a list of mentions."""
    return {ev.predicted_country(m.code, generic) for m in mentions}


def marked(text: str, mentions) -> str:
    """`text` with each mention bracketed and its code."""
    out, at = [], 0
    for m in sorted((m for m in mentions if m.end <= len(text)), key=lambda m: m.start):
        if m.start < at:
            continue
        out += [text[at:m.start], f"[{text[m.start:m.end]}|{m.code}]"]
        at = m.end
    return "".join(out + [text[at:]])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--dump", type=Path, help="write every missing pair with its sentence here")
    ap.add_argument("--json", type=Path, help="write the counts here")
    args = ap.parse_args()
    from detente.actors import find_mentions
    from detente.coding.classifier import default_classifier
    from detente.coding.coder import Coder

    recorder = MentionRecorder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        coder = Coder(classifier=default_classifier(), span_chooser=None, pair_model=recorder, n_process=1)
    rows, _ = cpm.read_rows(coder, recorder, "page", gold_files(args.paths))
    buckets: Counter[str] = Counter()
    gold = missing = 0
    lines: list[str] = []
    seen_page: dict[str, set[str]] = {}
    for r in rows:
        generic = cpm.generic_sides(r)
        mine = recorder.mentions.get(id(r.view), [])
        if r.group not in seen_page:
            seen_page[r.group] = countries(find_mentions(r.headline, on=r.when), generic) if r.headline else set()
        earlier = seen_page[r.group]
        named = countries(mine, generic)
        keys = set(r.pair_keys)
        for t in sorted(r.want):
            gold += 1
            if t[:2] in keys:
                continue
            missing += 1
            where = []
            for role, side in zip(("source", "target"), t[:2]):
                if side in named:
                    b = "in sentence"
                elif side in earlier:
                    b = "earlier on page"
                else:
                    b = "not on page"
                where.append(b)
                buckets[f"{role}: {b}"] += 1
            buckets[" / ".join(where)] += 1
            lines.append(f"- {r.set} {r.ident} gold {'-'.join(t)} ({' / '.join(where)}): {marked(r.text, mine)}")
        earlier |= named
    out = {"gold": gold, "missing": missing, "buckets": dict(buckets)}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
