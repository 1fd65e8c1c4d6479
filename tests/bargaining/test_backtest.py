"""DEU backtest: parsing (missing values, bad lines), baselines by hand, and the dev-half reference MAEs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.backtest import (
    DEFAULT_SALIENCE,
    backtest_deu,
    baseline_forecasts,
    parse_model_spec,
    read_deu,
)
from detente.errors import DataFormatError, InputError, ModelError

SHARED_DEU = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "deu3_dev.tsv"

HEADER = ["isnr", "prname", "pa", "pb", "pc", "sa", "sb", "sc", "rp", "out"]
LINES = [
    HEADER,
    ["", "", "1", "2", "1", "", "", "", "", ""],  # capabilities
    ["i1", "alpha", "0", "100", "", "50", "100", "", "0", "60"],  # c absent
    ["i2", "alpha", "20", "40", "100", "999", "50", "0", "", ""],  # a's salience missing; no outcome
    ["i3", "beta", "abc", "40", "100", "50", "50", "50", "", "10"],  # not a number
    ["i4", "beta", "150", "40", "100", "50", "50", "50", "", "10"],  # off the scale
    ["i5", "beta", "10", "40"],  # too few cells
    ["i6", "gamma", "10", "10", "70", "100", "100", "100", "10", "10"],
]


def write_deu(path: Path, lines: list[list[str]] = LINES) -> Path:
    path.write_text("\n".join("\t".join(row) for row in lines) + "\n")
    return path


def test_read_deu_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    data = read_deu(write_deu(tmp_path / "deu.tsv"))
    assert data.actors == ("a", "b", "c")
    assert data.capability == {"a": 1.0, "b": 2.0, "c": 1.0}
    assert [i.issue for i in data.issues] == ["i1", "i2", "i6"]
    assert [s.line for s in data.skipped] == [5, 6, 7]
    assert "pa" in data.skipped[0].reason and "abc" in data.skipped[0].reason
    assert "off the 0-100 scale" in data.skipped[1].reason
    assert str(data.skipped[2]).startswith(str(tmp_path / "deu.tsv") + ":7:")
    i1, i2, i6 = data.issues
    assert i1.actors == ("a", "b")  # c has no position: absent
    np.testing.assert_allclose(i1.salience, [0.5, 1.0])
    assert i1.reference_point == 0 and i1.outcome == 60 and i1.line == 3
    np.testing.assert_allclose(i2.salience, [DEFAULT_SALIENCE / 100, 0.5, 0.0])  # 999 -> 50; 0 kept
    assert np.isnan(i2.outcome) and np.isnan(i2.reference_point)
    assert len(data.sha256) == 64


def test_baselines_by_hand(tmp_path: Path) -> None:
    i1, _, i6 = read_deu(write_deu(tmp_path / "deu.tsv")).issues
    # i1: x = 0, 100; w = 1*0.5, 2*1 -> weighted mean 200 / 2.5 = 80
    assert baseline_forecasts(i1) == pytest.approx({"mean": 50, "weighted_mean": 80, "median_position": 50})
    # i6: x = 10, 10, 70; w = 1, 2, 1 -> (10 + 20 + 70) / 4 = 25
    assert baseline_forecasts(i6) == pytest.approx({"mean": 30, "weighted_mean": 25, "median_position": 10})


def test_backtest_mae_by_hand(tmp_path: Path) -> None:
    result = backtest_deu(write_deu(tmp_path / "deu.tsv"), models=["compromise", "median"])
    mae = dict(zip(result.summary["method"], result.summary["mae"]))
    # outcomes 60 (i1), 10 (i6); i2 has none
    assert mae["mean"] == pytest.approx((10 + 20) / 2)
    assert mae["weighted_mean"] == pytest.approx((20 + 15) / 2)
    assert mae["median_position"] == pytest.approx((10 + 0) / 2)
    assert mae["compromise"] == pytest.approx(mae["weighted_mean"])
    # weighted median: i1 -> 100 (w 2 of 2.5), i6 -> 10 -> errors 40, 0
    assert mae["median"] == pytest.approx(20)
    assert set(result.summary["n_issues"]) == {2}
    assert result.n_issues == 3 and result.n_with_outcome == 2
    assert len(result.skipped) == 3
    tidy = result.forecasts
    assert list(tidy.columns) == [
        "issue", "proposal", "line", "n_actors", "method", "kind", "forecast", "outcome", "abs_error",
    ]
    assert len(tidy) == 3 * 5  # 3 issues x (3 baselines + 2 models)
    assert result.to_dict()["skipped"][0]["line"] == 5


def test_model_parameters_in_the_name(tmp_path: Path) -> None:
    assert parse_model_spec("expected_utility:q=0.5,confrontation=loser,max_rounds=3") == (
        "expected_utility:q=0.5,confrontation=loser,max_rounds=3",
        "expected_utility",
        {"q": 0.5, "confrontation": "loser", "max_rounds": 3},
    )
    with pytest.raises(InputError):
        parse_model_spec("expected_utility:q")
    path = write_deu(tmp_path / "deu.tsv")
    result = backtest_deu(path, models=["expected_utility:q=0.5"])
    assert result.summary["params"].iloc[-1] == "q=0.5"
    with pytest.raises(ModelError):
        backtest_deu(path, models=["expected_utility:colour=red"])
    with pytest.raises(ModelError):
        backtest_deu(path, models=["no_such_model"])


def test_unusable_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_deu(tmp_path / "missing.tsv")
    with pytest.raises(DataFormatError, match="capability"):
        read_deu(write_deu(tmp_path / "a.tsv", [HEADER, ["", "", "1", "x", "1", "", "", "", "", ""]]))
    with pytest.raises(DataFormatError, match="'out'"):
        read_deu(write_deu(tmp_path / "b.tsv", [HEADER[:-1], ["", "", "1", "1", "1", "", "", "", ""]]))
    with pytest.raises(DataFormatError, match="actor columns"):
        read_deu(write_deu(tmp_path / "c.tsv", [["isnr", "out"], ["", ""]]))


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DEU.exists(), reason="../shared/data/deu3_dev.tsv is not here")
def test_reference_maes_on_the_dev_half() -> None:
    result = backtest_deu(SHARED_DEU, models=["compromise", "expected_utility", "eu_compromise"])
    mae = dict(zip(result.summary["method"], result.summary["mae"]))
    assert result.n_issues == 176 and result.n_with_outcome == 173 and not result.skipped
    assert mae["mean"] == pytest.approx(27.06, abs=0.005)
    assert mae["weighted_mean"] == pytest.approx(25.88, abs=0.005)
    assert mae["median_position"] == pytest.approx(31.92, abs=0.005)
    assert mae["compromise"] == pytest.approx(mae["weighted_mean"])
    assert mae["eu_compromise"] < mae["weighted_mean"]


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DEU.exists(), reason="../shared/data/deu3_dev.tsv is not here")
def test_real_issues_do_not_depend_on_actor_order() -> None:
    """DEU positions sit on coarse grids (0, 50, 100): many exact ties that rounding must not break."""
    import dataclasses

    from detente.bargaining.backtest import model_forecasts

    issues = read_deu(SHARED_DEU).issues[:60]
    rng = np.random.default_rng(5)
    shuffled = []
    for issue in issues:
        order = rng.permutation(len(issue.actors))
        shuffled.append(
            dataclasses.replace(
                issue,
                actors=tuple(np.array(issue.actors)[order]),
                positions=issue.positions[order],
                salience=issue.salience[order],
                capability=issue.capability[order],
            )
        )
    for name in ("median", "nash", "expected_utility"):
        np.testing.assert_allclose(model_forecasts(shuffled, name), model_forecasts(issues, name), atol=1e-9)


def test_summarise_pairs_errors_and_resamples_whole_proposals() -> None:
    from detente.bargaining.backtest import summarise

    wm = np.array([10.0, 20.0, 30.0, 40.0, 5.0, 5.0])
    groups = np.array([0, 0, 1, 1, 2, 3])
    errors = {"weighted_mean": wm, "better": wm - 2.0, "same": wm.copy(), "mixed": wm + np.array([-5, 5, -5, -5, 0, 1.0])}
    out = summarise(errors, groups, bootstrap=500, seed=1)
    assert out["better"]["mae"] == pytest.approx(wm.mean() - 2)
    # Every resample has the same paired difference: -2 exactly.
    assert out["better"]["diff_low"] == pytest.approx(-2) and out["better"]["diff_high"] == pytest.approx(-2)
    assert out["better"]["closer"] == 1.0 and out["better"]["tied"] == 0.0
    assert out["same"]["diff"] == 0 and out["same"]["tied"] == 1.0 and out["same"]["closer"] == 0.0
    assert out["mixed"]["closer"] == pytest.approx(3 / 6) and out["mixed"]["tied"] == pytest.approx(1 / 6)
    assert out["mixed"]["diff_low"] < 0 < out["mixed"]["diff_high"]
    assert out["weighted_mean"]["mae_low"] <= wm.mean() <= out["weighted_mean"]["mae_high"]
    again = summarise(errors, groups, bootstrap=500, seed=1)
    assert again == out  # the same seed, the same intervals
    assert np.isnan(summarise(errors, groups, bootstrap=0)["better"]["diff_low"])


def _synthetic_deu(path: Path, proposals: int = 24, seed: int = 4) -> Path:
    """Issues whose outcome is the salience-weighted compromise with a = 0.5, b = 3 (plus a little noise)."""
    rng = np.random.default_rng(seed)
    actors = ["a", "b", "c", "d", "e"]
    cap = np.array([4.0, 1.0, 2.0, 0.5, 3.0])
    lines = [["isnr", "prname", *(f"p{a}" for a in actors), *(f"s{a}" for a in actors), "rp", "out"]]
    lines.append(["", "", *(f"{c:g}" for c in cap), *[""] * 5, "", ""])
    for p in range(proposals):
        for i in range(2):
            x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=5)
            s = rng.choice([10.0, 30.0, 50.0, 70.0, 90.0], size=5)
            w = np.sqrt(cap) * (s / 100) ** 3
            out = float((w * x).sum() / w.sum()) + rng.normal(0, 0.5)
            lines.append([f"p{p}i{i}", f"prop{p}", *(f"{v:g}" for v in x), *(f"{v:g}" for v in s), "0",
                          f"{min(100.0, max(0.0, out)):.3f}"])
    return write_deu(path, lines)


def test_backtest_reports_intervals_and_a_real_gain(tmp_path: Path) -> None:
    result = backtest_deu(_synthetic_deu(tmp_path / "syn.tsv"), models=["compromise", "salience_compromise"], bootstrap=300)
    row = result.summary.set_index("method").loc["salience_compromise"]
    assert row["mae"] < 1.0 and row["diff_high"] < 0 and row["closer"] > 0.9
    assert row["mae_low"] <= row["mae"] <= row["mae_high"]
    assert result.bootstrap["clusters"] == 24 and result.to_dict()["bootstrap"]["resamples"] == 300


def test_cross_validation_finds_the_generating_parameters(tmp_path: Path) -> None:
    from detente.bargaining.backtest import cross_validate

    cv = cross_validate(_synthetic_deu(tmp_path / "syn.tsv"), ["compromise", "salience_compromise"], folds=4, repeats=2)
    table = cv.table.set_index("method")
    tuned = table.loc["salience_compromise"]
    assert tuned["kind"] == "tuned" and tuned["grid"] == 25
    assert tuned["chosen"].startswith("capability_power=0.5,salience_power=3.0 (100% of folds)")
    assert tuned["oof"] < 1.0 < table.loc["weighted_mean", "oof"]
    assert tuned["oof"] >= tuned["best_in_sample"] - 1e-12  # out of fold is never better than the best fit
    assert table.loc["compromise", "oof"] == pytest.approx(table.loc["compromise", "in_sample"])
    assert table.loc["selection", "oof"] == pytest.approx(tuned["oof"])
    assert cv.n_groups == 24 and cv.to_dict()["grouped_by"] == "proposal"


def test_cross_validation_groups_and_settings_are_checked(tmp_path: Path) -> None:
    from detente.bargaining.backtest import cross_validate

    path = _synthetic_deu(tmp_path / "syn.tsv", proposals=3)
    with pytest.raises(InputError, match="at least 4 proposals"):
        cross_validate(path, ["salience_compromise"], folds=4)
    for folds, repeats in ((1, 1), (2, 0)):
        with pytest.raises(InputError):
            cross_validate(path, ["salience_compromise"], folds=folds, repeats=repeats)


def test_model_mean_is_cross_validated_with_members_tuned_in_each_fold(tmp_path: Path) -> None:
    from detente.bargaining.backtest import cross_validate

    cv = cross_validate(_synthetic_deu(tmp_path / "syn.tsv"), ["model_mean"], folds=3, repeats=1)
    chosen = cv.table.set_index("method").loc["model_mean", "chosen"]
    assert "salience_compromise(capability_power=0.5,salience_power=3.0)" in chosen


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DEU.exists(), reason="../shared/data/deu3_dev.tsv is not here")
def test_dev_half_figures_quoted_in_the_docs() -> None:
    """The in-sample and out-of-fold figures the model docstrings and the how-to quote."""
    from detente.bargaining.backtest import cross_validate

    models = ["compromise", "salience_compromise", "reference_compromise", "model_mean"]
    summary = backtest_deu(SHARED_DEU, models=models, bootstrap=500).summary.set_index("method")
    assert summary.loc["salience_compromise", "mae"] == pytest.approx(24.51, abs=0.005)
    assert summary.loc["model_mean", "mae"] == pytest.approx(23.91, abs=0.005)
    assert summary.loc["model_mean", "diff_high"] < 0  # the paired interval excludes no gain
    table = cross_validate(SHARED_DEU, models, folds=10, repeats=10).table.set_index("method")
    assert table.loc["salience_compromise", "oof"] == pytest.approx(25.13, abs=0.01)
    assert table.loc["model_mean", "oof"] == pytest.approx(24.21, abs=0.01)
    assert table.loc["selection", "oof"] < table.loc["weighted_mean", "oof"]
