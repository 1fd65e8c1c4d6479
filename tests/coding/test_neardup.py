"""Near-duplicate clusters (detente.coding.neardup)."""

from __future__ import annotations

import pytest

pytest.importorskip("scipy")

from detente.coding.neardup import near_duplicates, normalise  # noqa: E402
from detente.errors import InputError  # noqa: E402


def test_normalise_drops_case_and_punctuation() -> None:
    assert normalise("  The U.N. envoy,  said: 'No'! ") == "the u n envoy said no"


def test_exact_copies_after_normalising_share_a_cluster() -> None:
    nd = near_duplicates(["Rebels shelled the port.", "rebels shelled the port!!", "Talks opened in Oslo."])
    assert nd.groups.tolist() == [0, 0, 1]
    assert nd.pairs == [(0, 1)]
    assert nd.n_clusters == 1 and nd.n_sentences_in_clusters == 2


def test_jaccard_threshold_decides_and_clusters_are_transitive() -> None:
    a = "the army shelled the northern town of Kesta on Monday morning"
    b = "the army shelled the northern town of Kesta on Tuesday morning"  # 9 of 11 words shared
    c = "the army shelled the northern town of Kesta on Tuesday evening"  # near b, less near a
    d = "the finance ministers agreed on a new loan for the harbour"
    nd = near_duplicates([a, b, c, d], threshold=0.8)
    assert nd.groups.tolist() == [0, 0, 0, 1]  # a~b, b~c: one cluster, though a and c are farther apart
    assert (0, 2) not in nd.pairs
    strict = near_duplicates([a, b, c, d], threshold=0.95)
    assert strict.groups.tolist() == [0, 1, 2, 3] and strict.pairs == []


def test_empty_input_and_bad_threshold() -> None:
    assert near_duplicates([]).groups.tolist() == []
    with pytest.raises(InputError, match="threshold"):
        near_duplicates(["a"], threshold=0.0)
