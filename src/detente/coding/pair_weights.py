"""The pair model's sparse weights as one matrix over one feature vocabulary, and their compact file.

The pair model (:mod:`detente.coding.pair_model`) scores a candidate pair with two logistic
regressions over the same sparse binary features: an event model and a root model with one
weight vector per CAMEO root. Kept as dictionaries (name -> weight), a pair's root scores cost
one lookup per feature *per root* (18 roots: about 1,800 lookups for a pair of 100 features),
and the JSON file that held them spelt every feature name once per root (8 MB, a third of a
second to parse). Here the weights are one matrix, a row per feature and a column for the event
model then one per root (:class:`SparseWeights`): a pair's features become row indices with one
dictionary lookup each (:meth:`SparseWeights.rows`), and its scores are sums of those rows.

The file (:func:`write` / :func:`read`): an ``.npz`` archive (no pickle) holding a JSON header
(thresholds, meta, the roots' order: whatever the model is), the vocabulary once (one string,
newline-separated, sorted), the matrix and the intercepts, and any dense arrays a model adds
(:mod:`detente.coding.pair_encoder`'s vectors' weights). :data:`FORMAT` names it in the header
and in the model's meta.

Choices
-------
- Lossless: the trainers round every sparse weight to 4 decimals (:func:`detente.coding.pair_model.fit`),
  so the matrix is stored as integers in units of 1e-4 (:data:`SCALE`) and read back by one division,
  which gives the very float a decimal of 4 places parses to (both round the same exact quotient);
  a matrix with other values (a model not rounded so) is stored as float64. Only features with a
  non-zero weight somewhere are kept (a zero weight adds nothing to any score): the scores, hence the
  decisions, are the ones the JSON file gave. Integers compress well (most of a row's columns are
  small): the shipped files are about an eighth of their JSON size.
- Summing a pair's rows with NumPy adds in another order than the dictionaries' left-to-right sum:
  the scores may differ in the last bits (about 1e-15), nothing a threshold reads.
- A model read from its file gives its dictionaries (:meth:`SparseWeights.dictionaries`) as
  :class:`ColumnWeights`, each made on its first read (session 19): coding reads the matrix alone, and
  making 20 dictionaries of 17,000-43,000 names was two thirds of the static model's load.
- Feature names hashed to ids (smaller still) were not chosen: a collision would silently add a
  feature's weight to another's, and the names make a file readable with numpy alone.
"""

from __future__ import annotations

import functools
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

SCALE = 10_000
"""Sparse weights are stored as integers in units of 1 / SCALE when every weight is such a multiple."""
FORMAT = "npz-1"
"""The file format's name in a file's header and its model's meta (``meta["format"]``)."""


@dataclass(frozen=True, eq=False)
class SparseWeights:
    """Both regressions' sparse weights: `matrix` (features x (1 + roots), float64), column 0 the event
    model's, column 1 + j root `roots[j]`'s; `index` maps a feature name to its row; `intercepts` the
    event model's then each root's."""

    index: dict[str, int]
    matrix: np.ndarray
    roots: tuple[str, ...]
    intercepts: np.ndarray

    @classmethod
    def of(cls, event: Mapping[str, float], event_intercept: float, roots: Mapping[str, Mapping[str, float]],
           root_intercepts: Mapping[str, float]) -> SparseWeights:
        """The matrix of a model given as dictionaries (name -> weight), roots in code order."""
        order = tuple(sorted(roots))
        names = sorted(set(event).union(*(roots[r] for r in order)))
        index = {n: i for i, n in enumerate(names)}
        matrix = np.zeros((len(names), 1 + len(order)), dtype=np.float64)
        for j, weights in enumerate([event, *(roots[r] for r in order)]):
            if weights:
                rows = np.fromiter((index[n] for n in weights), dtype=np.intp, count=len(weights))
                matrix[rows, j] = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        intercepts = np.array([event_intercept, *(root_intercepts[r] for r in order)], dtype=np.float64)
        return cls(index, matrix, order, intercepts)

    def dictionaries(self) -> tuple[Mapping[str, float], dict[str, Mapping[str, float]]]:
        """(the event model's weights, each root's), name -> weight, the non-zero ones: each a
        :class:`ColumnWeights`, made into a dictionary on its first read (coding reads the matrix alone)."""
        return ColumnWeights(self, 0), {r: ColumnWeights(self, 1 + j) for j, r in enumerate(self.roots)}

    def column(self, j: int) -> dict[str, float]:
        """Column `j`'s non-zero weights as a dictionary, name -> weight (0: the event model's, 1 + k: root k's)."""
        nz = np.flatnonzero(self.matrix[:, j])
        return dict(zip(self.names[nz].tolist(), self.matrix[nz, j].tolist()))

    @functools.cached_property
    def names(self) -> np.ndarray:
        """The feature names in row order (an object array)."""
        return np.array(sorted(self.index, key=self.index.__getitem__), dtype=object)

    def rows(self, names: Iterable[str]) -> np.ndarray:
        """The rows of the features among `names` that have weights (the others add nothing)."""
        index = self.index
        return np.array([i for i in map(index.get, names) if i is not None], dtype=np.intp)

    def event_logit(self, rows: np.ndarray) -> float:
        """The event model's log-odds of a pair with these feature rows."""
        return float(self.intercepts[0] + np.add.reduce(self.matrix[rows, 0]))  # ndarray.sum's own reduction

    def root_logits(self, rows: np.ndarray) -> np.ndarray:
        """Each root's score (in :attr:`roots` order) of a pair with these feature rows."""
        return self.intercepts[1:] + np.add.reduce(self.matrix[rows, 1:], axis=0)


class ColumnWeights(Mapping[str, float]):
    """One regression's weights of a :class:`SparseWeights` (a column of its matrix) as a read-only
    mapping, name -> weight of the non-zero ones, made on the first read. A model read from its file
    keeps its weights as dictionaries for training, the JSON form and tests; made at once, they were two
    thirds of the shipped static model's load (about 0.06 CPU s for 20 columns of 43,000 features),
    which coding never reads."""

    def __init__(self, sparse: SparseWeights, j: int) -> None:
        self._sparse, self._j = sparse, j

    @functools.cached_property
    def _weights(self) -> dict[str, float]:
        return self._sparse.column(self._j)

    def __getitem__(self, name: str) -> float:
        return self._weights[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._weights)

    def __len__(self) -> int:
        return len(self._weights)

    def __repr__(self) -> str:
        return repr(self._weights)


def best(roots: tuple[str, ...], scores: np.ndarray) -> tuple[str, float]:
    """The root of the highest score and its softmax probability (ties: the first, the lower code, as
    `roots` is in code order)."""
    k = int(np.argmax(scores))
    return roots[k], 1.0 / float(np.exp(scores - scores[k]).sum())


def write(target: Path | IO[bytes], header: dict[str, Any], sparse: SparseWeights,
          dense: Mapping[str, np.ndarray] | None = None) -> None:
    """Write a model: `header` (JSON-able; :data:`FORMAT` added), the sparse weights (features with a
    non-zero weight only; integers in units of 1 / :data:`SCALE` when exact) and `dense` arrays as they are."""
    keep = np.flatnonzero(np.any(sparse.matrix != 0.0, axis=1))
    order = sorted(sparse.index, key=sparse.index.__getitem__)
    names = [order[i] for i in keep]
    matrix = sparse.matrix[keep]
    units = np.round(matrix * SCALE)
    exact = bool(np.all(units / SCALE == matrix)) and (not units.size or float(np.abs(units).max()) < 2 ** 31)
    body = {**header, "format": FORMAT, "roots": list(sparse.roots), "scale": SCALE if exact else None}
    arrays = {"header": np.array(json.dumps(body, sort_keys=True)), "names": np.array("\n".join(names)),
              "weights": units.astype(np.int32) if exact else matrix, "intercepts": sparse.intercepts,
              **{f"dense_{k}": v for k, v in (dense or {}).items()}}
    if isinstance(target, Path):
        with open(target, "wb") as fh:
            np.savez_compressed(fh, **arrays)  # a handle: np.savez would add ".npz" to another suffix
    else:
        np.savez_compressed(target, **arrays)


def read(source: Path | IO[bytes] | bytes) -> tuple[dict[str, Any], SparseWeights, dict[str, np.ndarray]]:
    """(header, sparse weights, dense arrays) of a file :func:`write` wrote. Raises ValueError (or KeyError)
    on anything else."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        with np.load(source, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            if header.get("format") != FORMAT:
                raise ValueError(f"file format {header.get('format')!r}, expected {FORMAT!r}")
            text = str(data["names"])
            names = text.split("\n") if text else []
            weights = data["weights"]
            matrix = weights / float(header["scale"]) if header.get("scale") else weights.astype(np.float64)
            intercepts = data["intercepts"].astype(np.float64)
            dense = {k[len("dense_"):]: data[k] for k in data.files if k.startswith("dense_")}
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not an npz archive ({exc})") from exc
    roots = tuple(str(r) for r in header["roots"])
    if matrix.shape != (len(names), 1 + len(roots)) or intercepts.shape != (1 + len(roots),):
        raise ValueError(f"weights of shape {matrix.shape} for {len(names)} features and {len(roots)} roots")
    return header, SparseWeights(dict(zip(names, range(len(names)))), matrix, roots, intercepts), dense


def is_npz(data: bytes) -> bool:
    """Whether a file's first bytes are a zip archive's (an ``.npz``), not JSON text."""
    return data[:2] == b"PK"
