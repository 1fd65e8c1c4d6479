"""benchmarks/coding_pair_learner.py, the non-linear learners compared with the static pair model's regressions.

These tests pin what its figures rest on: the learners fit coding_pair_encoder's interface and use an interaction a
linear model cannot, the feature selections read only the training part, the nested run's out-of-fold predictions
are its own, the same seed gives the same run, the selection rule and the kept runs' check.
"""

from __future__ import annotations

import numpy as np
import pytest

from detente.coding import pair_model as pm


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_learner")


SENTENCE = "Germany asked France to reopen the border crossing at once."


def _rows(bench, n: int, seed: int = 0):
    """`n` one-pair news sentences on `n` pages whose pair is an event exactly when one of two indicators is set
    (exclusive or: no weighting of the two alone tells it), root 04 or 11 by a third; the vectors are noise of unit
    length, as the static table's are."""
    rng = np.random.default_rng(seed)
    rows, dense = [], {"sent": [], "between": []}
    for i in range(n):
        x, y, z = (int(v) for v in rng.integers(0, 2, 3))
        event = bool(x ^ y)
        root = ("04" if z else "11") if event else None
        feats = (f"x:{x}", f"y:{y}", f"z:{z}")
        cand = pm.Candidate(("DEU", "FRA"), object(), object(), (0, 7), (14, 20), (), feats)
        row = bench.cpm.Row("news dev", f"news dev:p{i}", str(i), {("DEU", "FRA", root)} if root else set(), [],
                            [cand], [pm.Example(feats, event, root)], [cand.key], False, not event, SENTENCE, [])
        rows.append(row)
        for view in dense:
            noise = rng.normal(size=4)
            dense[view].append(noise / np.linalg.norm(noise))
    return rows, [r.group for r in rows], {v: np.array(x, dtype=np.float32) for v, x in dense.items()}


def _auc(bench, learner, n: int = 2000) -> float:
    from sklearn.metrics import roc_auc_score

    rows, _, dense = _rows(bench, n)
    data = bench.cpe.Data(rows, dense)
    fit, test = np.arange(n // 2), np.arange(n // 2, n)
    classes, logp = learner.fit_predict(data, fit, test, data.event)
    return roc_auc_score(data.event[test], logp[:, list(classes).index(1)])


def test_the_learners_use_an_interaction_the_logistic_regression_cannot(bench) -> None:
    logistic, _ = bench.learners()["logistic"]
    assert _auc(bench, logistic) < 0.7  # exclusive or: no linear weighting of the indicators separates it
    assert _auc(bench, bench.MLP()) > 0.95
    assert _auc(bench, bench.Boosted()) > 0.95


def test_feature_selections_count_only_the_training_pairs(bench) -> None:
    rows, _, dense = _rows(bench, 40)
    data = bench.cpe.Data(rows, dense)
    names = list(data.vec.get_feature_names_out())
    first = np.arange(10)
    counts = np.asarray(data.sparse[first].sum(0)).ravel()
    frequent = bench.frequent_columns(data, first, 6)
    assert [names[c] for c in frequent] == [n for n, k in zip(names, counts) if k >= 6]
    top = bench.top_columns(data, first, 2)
    assert sorted(counts[top], reverse=True) == sorted(counts, reverse=True)[:2] and list(top) == sorted(top)
    assert bench.dense_block(data, first).shape == (10, 8)
    y = np.array(["04", "04", "11", "14", "14", "14"], dtype=object)
    assert list(bench.repeated_labels(np.arange(6), y)) == [0, 1, 3, 4, 5]  # the lone 11 left out


def test_nested_run_keeps_its_outer_predictions_and_a_seed_gives_the_same_run(bench) -> None:
    rows, groups, dense = _rows(bench, 300)
    data = bench.cpe.Data(rows, dense)
    event, root = bench.learners(seed=3)["mlp"]
    run = bench.nested_run(data, groups, event, root)
    assert sorted(run.preds) == list(range(300)) and len(run.chosen) == bench.cpm.OUTER
    assert all(len(pr) == 1 and len(pr[0]) == 3 for pr in run.preds.values())  # (P(event), root, joint score)
    again = bench.nested_run(data, groups, *bench.learners(seed=3)["mlp"])
    assert again.got == run.got and again.preds == run.preds and again.chosen == run.chosen
    p_event = {i: pr[0][0] for i, pr in run.preds.items()}
    auc, _ = run.scores(data)
    from sklearn.metrics import roc_auc_score

    assert auc == pytest.approx(roc_auc_score(data.event, [p_event[i] for i in range(300)]))


def test_the_selection_rule_takes_the_best_event_auc_then_root_accuracy(bench) -> None:
    assert bench.judged({"logistic": (0.99, 0.99), "mlp": (0.80, 0.60), "boosted": (0.79, 0.70)}) == "mlp"
    assert bench.judged({"logistic": (0.5, 0.5), "mlp": (0.800, 0.60), "boosted": (0.799, 0.70)}) == "boosted"
    with pytest.raises(ValueError, match="no non-linear learner"):
        bench.judged({"logistic": (0.8, 0.6)})


def test_a_kept_run_is_refused_for_another_rows_file(bench, tmp_path) -> None:
    rows_file, other = tmp_path / "rows.pkl", tmp_path / "other.pkl"
    rows_file.write_bytes(b"rows")
    other.write_bytes(b"other rows")
    run = bench.Run([set()], {0: []}, [(0.3, 0.8, 0.4, 0.0)], 1.0)
    bench.write_run(tmp_path / "kept.pkl", run, rows_file)
    assert bench.read_run(tmp_path / "kept.pkl", rows_file) == run
    with pytest.raises(SystemExit, match="delete it"):
        bench.read_run(tmp_path / "kept.pkl", other)
