"""Benchmark: what each family of the codebook inventory adds to the coder, measured on development data.

The pattern table's session-8 lines (:data:`detente.coding.patterns.CODEBOOK_FAMILIES`) and the
session-8 act nouns (:data:`detente.coding.nominals.CODEBOOK_ACT_NOUNS`) were written from the CAMEO
codebook's own wording and the PLOVER gold records' event words, not from missed sentences. This
page says, for each family, what it does on data: the coder is run once with everything and once
with that family taken out (an ablation in the same process), and the difference is the family's
contribution:

- *fires*: (source country, target country, root) triples coded only with the family;
- *right*: how many of them are gold events (their precision is right / fires);
- *on no-event sentences*: how many fell on sentences whose gold has no event at all;
- *lost*: gold triples coded without the family and no longer with it (a line that displaced a
  better event).

Files: the project's news development sets (``data/news_dev/*.jsonl`` and, when present,
``data/news_dev2/*.jsonl``) and the PLOVER gold records (``../shared/data/plover_gsr_cameo.json``,
scored on PLOVER types). Never the news check set (``data/news_check/``): nobody tunes on it.
The last table gives every file's F1 with the whole inventory and without any of it, and the
news development pages' fixed half B (pages whose URL's SHA-1 is odd), whose misses were not
read while the inventory was checked.

    .venv/bin/python benchmarks/coding_coverage.py   # 2-3 minutes on an idle machine (27 codings of ~1,250 sentences)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "coding_coverage.md"
RECEIVING_FRAME = "receiving frame (coding/received.py)"


def news_files() -> list[Path]:
    """The development news files (never the check set)."""
    out = sorted((ROOT / "data" / "news_dev").glob("*.jsonl"))
    out += sorted((ROOT / "data" / "news_dev2").glob("*.jsonl")) if (ROOT / "data" / "news_dev2").is_dir() else []
    return [p for p in out if "news_check" not in p.parts]


def half_b(paths: list[Path], tmp: Path) -> Path:
    """The records of `paths` whose page URL's SHA-1 is odd, as one file (half B of the split)."""
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
             and int(hashlib.sha1(json.loads(line)["url"].encode()).hexdigest(), 16) % 2 == 1]
    out = tmp / "half_b.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def coded_triples(gold, coder) -> list[set[tuple[str, str, str]]]:
    """Per gold sentence, the (source country, target country, label) triples the coder gives, as
    `detente code eval` scores them (asserted events only), each sentence coded alone
    (:func:`detente.coding.evaluate.predict_events` in sentence mode), labelled by
    :func:`detente.coding.evaluate.coded_triple`."""
    from detente.coding import evaluate as ev

    out: list[set[tuple[str, str, str]]] = []
    for sent, events in zip(gold.sentences, ev.predict_events(gold, coder, "sentence")):
        generic = ev.generic_sides(ev.gold_triple(e) for e in sent.events)
        out.append({ev.coded_triple(e, gold.label, generic) for e in events})
    return out


def gold_triples(gold) -> list[set[tuple[str, str, str]]]:
    from detente.coding import evaluate as ev

    return [{ev.gold_triple(e) for e in s.events} for s in gold.sentences]


@contextmanager
def without(families: list[str]) -> Iterator[None]:
    """The pattern table and act-noun table with the named inventory families taken out, for the block."""
    from detente.coding import nominals, received
    from detente.coding import patterns as P

    saved_receiving = dict(received.RECEIVING_VERBS)
    saved_patterns = {k: list(v) for k, v in P.PATTERNS.items()}
    saved_nouns = dict(nominals.ACT_NOUNS)
    try:
        for name in families:
            if name in P.CODEBOOK_FAMILIES:
                for pat in P._p(P.CODEBOOK_FAMILIES[name]):
                    P.PATTERNS[pat.lemma] = [p for p in P.PATTERNS.get(pat.lemma, []) if p != pat]
            for noun in nominals.CODEBOOK_ACT_NOUNS.get(name, {}):
                nominals.ACT_NOUNS.pop(noun, None)
            if name == RECEIVING_FRAME:
                received.RECEIVING_VERBS.clear()
        yield
    finally:
        P.PATTERNS.clear()
        P.PATTERNS.update(saved_patterns)
        nominals.ACT_NOUNS.clear()
        nominals.ACT_NOUNS.update(saved_nouns)
        received.RECEIVING_VERBS.update(saved_receiving)


def f1(gold: list[set], got: list[set]) -> tuple[float, float, float]:
    correct = sum(len(g & p) for g, p in zip(gold, got))
    n_gold, n_pred = sum(map(len, gold)), sum(map(len, got))
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def contribution(gold: list[set], full: list[set], ablated: list[set]) -> Counter:
    """What the coder codes with a family and not without it (fires, right, on no-event sentences, lost)."""
    out: Counter = Counter()
    for g, with_it, without_it in zip(gold, full, ablated):
        added = with_it - without_it
        out["fires"] += len(added)
        out["right"] += len(added & g)
        out["no-event"] += len(added) if not g else 0
        out["lost"] += len((without_it - with_it) & g)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    from detente.coding import Coder, nominals
    from detente.coding import evaluate as ev
    from detente.coding import patterns as P
    from detente.coding.classifier import default_classifier

    families = list(dict.fromkeys([*P.CODEBOOK_FAMILIES, *nominals.CODEBOOK_ACT_NOUNS, RECEIVING_FRAME]))
    coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' families, without a pair model
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmpdir:
        news = news_files()
        sets: list[tuple[str, Path]] = [(p.name, p) for p in news]
        sets.append(("half B of news_dev + news_check_v1", half_b([p for p in news if p.parent.name == "news_dev"],
                                                                   Path(tmpdir))))
        plover = DATA / "plover_gsr_cameo.json"
        if plover.is_file():
            sets.append(("PLOVER gold (types)", plover))
        golds = {name: ev.read_gold(path) for name, path in sets}
        want = {name: gold_triples(g) for name, g in golds.items()}
        run: Callable[[], dict[str, list[set]]] = lambda: {n: coded_triples(g, coder) for n, g in golds.items()}  # noqa: E731
        full = run()
        with without(families):
            bare = run()
        per_family: dict[str, dict[str, Counter]] = {}
        for name in families:
            with without([name]):
                ablated = run()
            per_family[name] = {n: contribution(want[n], full[n], ablated[n]) for n in golds}
            print(name, {n: dict(c) for n, c in per_family[name].items() if c["fires"] or c["lost"]}, flush=True)
    seconds = time.perf_counter() - t0
    dev = [n for n in golds if n != "PLOVER gold (types)" and not n.startswith("half B")]
    md = [
        "# coding_coverage: the codebook inventory, family by family, on development data",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, {seconds:.0f} s (shared "
        "machine). Command: `.venv/bin/python benchmarks/coding_coverage.py`. Shipped default coder (rules + default "
        "classifier). Each family is taken out on its own and the difference counted (module docstring). "
        "News development files: " + ", ".join(f"`{n}`" for n in dev) + "; never the news check set.",
        "",
        "| family | fires (news dev) | right | on no-event sentences | lost | fires (PLOVER) | right (PLOVER) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in families:
        news_c = sum((per_family[name][n] for n in dev), Counter())
        pl = per_family[name].get("PLOVER gold (types)", Counter())
        md.append(f"| {name} | {news_c['fires']} | {news_c['right']} | {news_c['no-event']} | {news_c['lost']} | "
                  f"{pl['fires']} | {pl['right']} |")
    md += ["", "## Every file with the whole inventory and without it", "",
           "| file | F1 without | F1 with | P without / with | R without / with |", "|---|---:|---:|---:|---:|"]
    for name in golds:
        fw, pw, rw = f1(want[name], bare[name])
        ff, pf, rf = f1(want[name], full[name])
        md.append(f"| {name} | {fw:.3f} | {ff:.3f} | {pw:.3f} / {pf:.3f} | {rw:.3f} / {rf:.3f} |")
        print(f"{name}: F1 {fw:.3f} -> {ff:.3f} (P {pw:.3f} -> {pf:.3f}, R {rw:.3f} -> {rf:.3f})")
    write_page(args.out, md + [""])
    return 0


if __name__ == "__main__":
    sys.exit(main())
