"""benchmarks/coding_pair_curve.py, the learning curve of the default pair model on a fixed test block: the test
block never trains (nor a near-duplicate of it), the shares of pages are nested, and a rows cache of another data is
refused."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_curve")


def _row(bench, set_name: str, page: str):
    """A sentence of `set_name` on `page` with nothing coded (only what the split and the shares read)."""
    return bench.cpm.Row(set_name, f"{set_name}:{page}", page, set(), [], [], [], [], set_name == "PLOVER", True,
                         "Chile recalled its ambassador from Peru.", [])


def test_the_test_block_and_its_near_duplicates_never_train(bench) -> None:
    rows = [_row(bench, "dev3 a", "p1"), _row(bench, "dev3 a", "p2"), _row(bench, "dev18 a", "q1"),
            _row(bench, "PLOVER", "r1"), _row(bench, "dev19 b", "q2")]
    groups = ["g1", "g2", "g3", "g4", "g2"]  # p2 is a near-duplicate of the dev19 page: one fold group
    test, pool, near = bench.split(rows, groups)
    assert test.tolist() == [2, 4]
    assert pool.tolist() == [0, 3] and near == 1


def test_shares_are_whole_pages_and_nested(bench) -> None:
    groups = [f"g{i // 3}" for i in range(60)]  # 20 pages of 3 sentences
    pool = np.arange(60)
    taken = {f: set(bench.share_rows(groups, pool, 0, f).tolist()) for f in bench.SHARES}
    assert [len(taken[f]) for f in bench.SHARES] == [15, 30, 45, 60]
    assert taken[0.25] < taken[0.5] < taken[0.75] < taken[1.0]
    assert all(sum(groups[j] == groups[i] for j in taken[0.25]) == 3 for i in taken[0.25])
    assert taken[0.25] != set(bench.share_rows(groups, pool, 1, 0.25).tolist())  # another seed, other pages


def test_a_rows_cache_with_a_held_out_set_is_refused(bench) -> None:
    with pytest.raises(SystemExit, match="never reads"):
        bench.check_rows([_row(bench, "dev3 a", "p1"), _row(bench, "dev21 a", "p9")])


def test_a_point_is_decided_at_its_own_thresholds_or_at_others(bench) -> None:
    """The fixed-threshold view: one set of predictions, decided at the point's thresholds or the 100% share's."""
    from detente.coding import pair_model as pm

    row = _row(bench, "dev18 a", "q1")
    row.cands.append(pm.Candidate(("CHL", "PER"), object(), object(), (0, 5), (33, 37), (), ()))
    row.pair_keys.append(("CHL", "PER"))
    point = bench.Point(0, 0.25, 10, 2, (0.5, 1.01, 0.5, 0.0), {0: [(0.6, "11", 0.3)]}, {}, 0.5, (0.5, 1), 1.0)
    assert bench.decided([row], point) == [set()]  # joint score 0.3 under t_empty 0.5
    assert bench.decided([row], point, (0.5, 1.01, 0.2, 0.0)) == [{("CHL", "PER", "11")}]
    assert bench.decided([row], point, (0.5, 1.01, 0.2, 0.4)) == [{("CHL", "PER", "11")}]  # no gate figure: open
    point.gate[0] = 0.3
    assert bench.decided([row], point, (0.5, 1.01, 0.2, 0.4)) == [set()]  # the gate closed


def test_the_slope_per_thousand_sentences_and_the_page(bench) -> None:
    """Two shares of one seed, the larger adding the right event on both test pages: model - rules F1 rises from
    0 to 1 over 1,000 more training sentences, whatever pages the bootstrap draws; the page is written."""
    from detente.coding import pair_model as pm

    rows = []
    for page in ("q1", "q2"):
        row = _row(bench, "dev18 a", page)
        row.want, row.empty = {("CHL", "PER", "11")}, False
        row.cands.append(pm.Candidate(("CHL", "PER"), object(), object(), (0, 5), (33, 37), (), ()))
        row.pair_keys.append(("CHL", "PER"))
        rows.append(row)
    groups = ["q1", "q2"]
    small = bench.Point(0, 0.75, 1000, 1, (0.5, 1.01, 0.5, 0.0), {0: [(0.1, "11", 0.1)], 1: [(0.1, "11", 0.1)]},
                        {}, 0.5, (1.0, 2), 1.0)
    whole = bench.Point(0, 1.0, 2000, 2, (0.5, 1.01, 0.5, 0.0), {0: [(0.9, "11", 0.9)], 1: [(0.9, "11", 0.9)]},
                        {}, 0.9, (1.0, 2), 1.0)
    assert bench.slope(rows, groups, [small, whole]) == pytest.approx((1.0, 1.0, 1.0))
    lines = bench.page(rows, groups, np.array([], dtype=int), 0, [small, whole], "now")
    assert any(line.startswith("| 0 | 75% -> 100% | 1000 | +1.0000") for line in lines)
