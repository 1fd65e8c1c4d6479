"""benchmarks/build_static_table.py's vocabulary sources: every training set of the pair models and ConfliBERT's
train splits, never a held-out set (the check set, the first-sight and unseen sets, a test split)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("build_static_table")


def test_sources_are_the_training_sets_and_confliberts_train_splits(bench) -> None:
    found = bench.sources()
    assert set(bench.cpm.SETS) <= set(found) and set(bench.CONFLI) <= set(found)
    assert "dev19 a" in found  # a development set the table may read (the old list refused it, so nothing ran)
    assert {"dev20 a", "dev26 a", "dev27 d"} <= set(found)  # development and training data since session 27
    assert not any(part in str(path) for path in found.values() for part in bench.HELD_OUT)


@pytest.mark.parametrize("held_out", ["news_check/news_check.jsonl", "news_dev21/part_a.jsonl",
                                      "news_dev25/part_d.jsonl", "confli_cameo_quad_test.tsv"])
def test_a_held_out_source_is_refused(bench, monkeypatch, held_out: str) -> None:
    monkeypatch.setitem(bench.cpm.SETS, "intruder", Path("data") / held_out)
    with pytest.raises(SystemExit, match="held out"):
        bench.sources()
