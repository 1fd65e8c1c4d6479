"""The backtest: MAE by hand, intervals and a real gain, the dev-half reference figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from detente.bargaining.backtest import backtest_deu


def test_backtest_mae_by_hand(toy_deu: Path) -> None:
    result = backtest_deu(toy_deu, models=["compromise", "median"])
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


def test_backtest_reports_intervals_and_a_real_gain(tmp_path: Path, synthetic_deu: Any) -> None:
    result = backtest_deu(synthetic_deu(tmp_path / "syn.tsv"), models=["compromise", "salience_compromise"], bootstrap=300)
    row = result.summary.set_index("method").loc["salience_compromise"]
    assert row["mae"] < 1.0 and row["diff_high"] < 0 and row["closer"] > 0.9
    assert row["mae_low"] <= row["mae"] <= row["mae_high"]
    assert result.bootstrap["clusters"] == 24 and result.to_dict()["bootstrap"]["resamples"] == 300


@pytest.mark.shared_data
def test_reference_maes_on_the_dev_half(shared_deu: Path) -> None:
    result = backtest_deu(shared_deu, models=["compromise", "expected_utility", "eu_compromise"])
    mae = dict(zip(result.summary["method"], result.summary["mae"]))
    assert result.n_issues == 176 and result.n_with_outcome == 173 and not result.skipped
    assert mae["mean"] == pytest.approx(27.06, abs=0.005)
    assert mae["weighted_mean"] == pytest.approx(25.88, abs=0.005)
    assert mae["median_position"] == pytest.approx(31.92, abs=0.005)
    assert mae["compromise"] == pytest.approx(mae["weighted_mean"])
    assert mae["eu_compromise"] < mae["weighted_mean"]
