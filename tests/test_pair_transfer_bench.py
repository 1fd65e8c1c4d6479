"""benchmarks/coding_pair_transfer.py: a new static pair model against the current one, one news set held out at a
time (session 22's ``--static-variants``, ``--against-saved``, ``--fixed-thresholds``), and the variants' ``C``."""

from __future__ import annotations

import pickle

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_transfer")


GOLD = ("RUS", "UKR", "19")


def _rows(bench):
    """Two sentences of news_dev3 and one of news_dev4, each on a page of its own, each with one gold event;
    the rules code none of them."""
    return [bench.cpm.Row(f"{s} a", f"{s} a:p{k}", str(k), {GOLD}, [], [], [], [], False, False, "Text.", [])
            for k, s in enumerate(("dev3", "dev3", "dev4"))]


def _folds(bench, coded: dict[int, set]):
    """The folds of dev3 and dev4 coding row i as `coded` says (nothing where it says nothing)."""
    return [bench.Fold(held, test, {i: [] for i in test}, {bench.GIVEN: {i: coded.get(i, set()) for i in test}},
                       {bench.GIVEN: (0.3, 0.9, 0.5)}) for held, test in (("dev3", [0, 1]), ("dev4", [2]))]


def test_a_new_model_that_finds_a_gold_event_the_current_one_missed_gains(bench) -> None:
    rows = _rows(bench)
    groups = [r.group for r in rows]
    current, new = _folds(bench, {}), _folds(bench, {0: {GOLD}})
    lines, figures = bench.against_table(rows, groups, current, new, bench.GIVEN)
    assert [line.split(" | ")[0] for line in lines] == ["| dev3", "| dev4", "| pooled (pages resampled)"]
    assert figures["dev3"]["a"][2] == 0.0 and figures["dev3"]["b"][2] == pytest.approx(2 * 0.5 / 1.5)
    assert figures["dev4"]["diff"] == 0.0 and figures["pooled (pages resampled)"]["diff"] > 0
    same, _ = bench.against_table(rows, groups, current, current, bench.GIVEN)
    assert all("+0.0000 [+0.0000, +0.0000]" in line for line in same)


def test_saved_folds_read_back_what_a_run_saves(bench, tmp_path) -> None:
    folds = _folds(bench, {2: {GOLD}})
    path = tmp_path / "run_loso_static.pkl"
    with path.open("wb") as fh:  # as main() writes --save
        pickle.dump([(f.held, f.test, f.preds, f.chosen, f.got) for f in folds], fh)
    read = bench.saved_folds(path)
    assert [(f.held, f.test, f.preds, f.got, f.chosen) for f in read] == \
        [(f.held, f.test, f.preds, f.got, f.chosen) for f in folds]


def test_a_variant_names_its_c_and_the_shipped_names_are_unchanged(bench) -> None:
    cpe = bench.cpe
    for name in (*cpe.SHIPPED_STATIC, "concat:sent+between+verb:2", "sparse"):
        assert cpe.parse_variant(name).name == name
    v = cpe.parse_variant("concat:sent+between:2:c0.3")
    assert (v.views, v.weight, v.c, v.name) == (("sent", "between"), 2.0, 0.3, "concat:sent+between:2:c0.3")
    assert cpe.parse_variant("concat:sent+between:2").c == cpe.C
