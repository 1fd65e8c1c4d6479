"""Near-duplicate sentences, grouped into clusters so cross-validation never scores a sentence on its twin.

News corpora repeat themselves: the same wire sentence appears with a different
dateline, a changed number or one extra clause. A classifier cross-validated with
such a pair split across folds is scored partly on sentences it has (nearly) seen,
which inflates held-in figures. This module finds those pairs and joins them into
clusters; :func:`detente.coding.sentence_model.cross_validate` keeps each cluster
in one fold (``StratifiedGroupKFold``).

Choices
-------
* Two sentences are near-duplicates when their normalised texts are equal (lower
  case, punctuation and runs of white space removed) or when the Jaccard similarity
  of their word sets is at least `threshold` (0.8 by default: "Troops shelled the
  town on Monday" and "... on Tuesday" are; two different attacks on one town
  usually are not). Word-set Jaccard is the measure of near-duplicate detection in
  web corpora (Broder 1997, "On the resemblance and containment of documents").
* Pairs are found exactly, not by MinHash: a sparse sentence-by-word incidence
  matrix times its transpose gives every pair's shared-word count at once, which is
  exact and fast for the tens of thousands of sentences a labelled file holds.
* Clusters are the connected components of the near-duplicate graph (transitive:
  A~B and B~C put A, B and C in one cluster).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_THRESHOLD = 0.8
"""Word-set Jaccard at or above which two sentences count as near-duplicates."""

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(sentence: str) -> str:
    """Lower case, words only, single spaces: the form compared for exact duplicates."""
    return " ".join(_WORD.findall(sentence.lower()))


@dataclass(frozen=True)
class NearDuplicates:
    """Near-duplicate clusters of a list of sentences.

    Attributes
    ----------
    groups:
        One cluster id per sentence (0, 1, ...; singletons get their own id).
    pairs:
        The near-duplicate pairs found, ``(i, j)`` with ``i < j``.
    """

    groups: np.ndarray
    pairs: list[tuple[int, int]]

    @property
    def n_clusters(self) -> int:
        """Clusters with more than one sentence."""
        if len(self.groups) == 0:
            return 0
        return int((np.bincount(self.groups) > 1).sum())

    @property
    def n_sentences_in_clusters(self) -> int:
        """Sentences that have at least one near-duplicate."""
        if len(self.groups) == 0:
            return 0
        sizes = np.bincount(self.groups)
        return int(sizes[sizes > 1].sum())


def near_duplicates(sentences: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD) -> NearDuplicates:
    """Cluster `sentences` whose normalised text is equal or whose word sets have Jaccard >= `threshold`.

    >>> nd = near_duplicates(["Troops shelled the town on Monday.", "Troops shelled the town on Tuesday!",
    ...                       "The ministers met in Geneva."], threshold=0.7)
    >>> nd.groups.tolist(), nd.pairs
    ([0, 0, 1], [(0, 1)])
    """
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    if not 0.0 < threshold <= 1.0:
        from detente.errors import InputError

        raise InputError(f"near-duplicate threshold {threshold} is not in (0, 1]", field="threshold",
                         hint="use a Jaccard similarity such as 0.8")
    n = len(sentences)
    if n == 0:
        return NearDuplicates(np.zeros(0, dtype=int), [])
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    normalised: dict[str, int] = {}
    exact: list[tuple[int, int]] = []
    for i, sentence in enumerate(sentences):
        norm = normalise(sentence)
        first = normalised.setdefault(norm, i)
        if first != i:
            exact.append((first, i))
        for word in set(norm.split()):
            rows.append(i)
            cols.append(vocab.setdefault(word, len(vocab)))
    incidence = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, max(len(vocab), 1)))
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    union = sizes[shared.row] + sizes[shared.col] - shared.data
    keep = (union > 0) & (shared.data >= threshold * union)
    found = set(zip(shared.row[keep].tolist(), shared.col[keep].tolist()))
    found.update(exact)
    pairs = sorted(found)
    if pairs:
        a, b = np.array(pairs).T
        graph = sparse.coo_matrix((np.ones(len(pairs)), (a, b)), shape=(n, n))
    else:
        graph = sparse.coo_matrix((n, n))
    _, labels = connected_components(graph, directed=False)
    # renumber clusters in order of first appearance, so ids are stable and readable
    order: dict[int, int] = {}
    groups = np.array([order.setdefault(int(lab), len(order)) for lab in labels])
    return NearDuplicates(groups, pairs)
