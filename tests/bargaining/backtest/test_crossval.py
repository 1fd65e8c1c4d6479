"""Cross-validation grouped by proposal: it finds the generating parameters; settings are checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from detente.bargaining.backtest import backtest_deu, cross_validate
from detente.errors import InputError


def test_cross_validation_finds_the_generating_parameters(tmp_path: Path, synthetic_deu: Any) -> None:
    cv = cross_validate(synthetic_deu(tmp_path / "syn.tsv"), ["compromise", "salience_compromise"], folds=4, repeats=2)
    table = cv.table.set_index("method")
    tuned = table.loc["salience_compromise"]
    assert tuned["kind"] == "tuned" and tuned["grid"] == 25
    assert tuned["chosen"].startswith("capability_power=0.5,salience_power=3.0 (100% of folds)")
    assert tuned["oof"] < 1.0 < table.loc["weighted_mean", "oof"]
    assert tuned["oof"] >= tuned["best_in_sample"] - 1e-12  # out of fold is never better than the best fit
    assert table.loc["compromise", "oof"] == pytest.approx(table.loc["compromise", "in_sample"])
    assert table.loc["selection", "oof"] == pytest.approx(tuned["oof"])
    assert cv.n_groups == 24 and cv.to_dict()["grouped_by"] == "proposal"


def test_cross_validation_groups_and_settings_are_checked(tmp_path: Path, synthetic_deu: Any) -> None:
    path = synthetic_deu(tmp_path / "syn.tsv", proposals=3)
    with pytest.raises(InputError, match="at least 4 proposals"):
        cross_validate(path, ["salience_compromise"], folds=4)
    for folds, repeats in ((1, 1), (2, 0)):
        with pytest.raises(InputError):
            cross_validate(path, ["salience_compromise"], folds=folds, repeats=repeats)


def test_model_mean_is_cross_validated_with_members_tuned_in_each_fold(tmp_path: Path, synthetic_deu: Any) -> None:
    cv = cross_validate(synthetic_deu(tmp_path / "syn.tsv"), ["model_mean"], folds=3, repeats=1)
    chosen = cv.table.set_index("method").loc["model_mean", "chosen"]
    assert "salience_compromise(capability_power=0.5,salience_power=3.0)" in chosen


@pytest.mark.shared_data
def test_dev_half_figures_quoted_in_the_docs(shared_deu: Path) -> None:
    """The in-sample and out-of-fold figures the model docstrings and the how-to quote."""
    models = ["compromise", "salience_compromise", "reference_compromise", "model_mean"]
    summary = backtest_deu(shared_deu, models=models, bootstrap=500).summary.set_index("method")
    assert summary.loc["salience_compromise", "mae"] == pytest.approx(24.51, abs=0.005)
    assert summary.loc["model_mean", "mae"] == pytest.approx(23.91, abs=0.005)
    assert summary.loc["model_mean", "diff_high"] < 0  # the paired interval excludes no gain
    table = cross_validate(shared_deu, models, folds=10, repeats=10).table.set_index("method")
    assert table.loc["salience_compromise", "oof"] == pytest.approx(25.13, abs=0.01)
    assert table.loc["model_mean", "oof"] == pytest.approx(24.21, abs=0.01)
    assert table.loc["selection", "oof"] < table.loc["weighted_mean", "oof"]
