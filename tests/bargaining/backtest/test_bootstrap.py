"""Cluster bootstrap: paired differences, whole proposals resampled, the same seed the same intervals."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.backtest import summarise


def test_summarise_pairs_errors_and_resamples_whole_proposals() -> None:
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
