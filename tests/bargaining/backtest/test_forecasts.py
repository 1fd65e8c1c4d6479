"""Forecasts: the baselines by hand; the models do not depend on the actors' order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.backtest import baseline_forecasts, model_forecasts, read_deu


def test_baselines_by_hand(toy_deu: Path) -> None:
    i1, _, i6 = read_deu(toy_deu).issues
    # i1: x = 0, 100; w = 1*0.5, 2*1 -> weighted mean 200 / 2.5 = 80
    assert baseline_forecasts(i1) == pytest.approx({"mean": 50, "weighted_mean": 80, "median_position": 50})
    # i6: x = 10, 10, 70; w = 1, 2, 1 -> (10 + 20 + 70) / 4 = 25
    assert baseline_forecasts(i6) == pytest.approx({"mean": 30, "weighted_mean": 25, "median_position": 10})


@pytest.mark.shared_data
def test_real_issues_do_not_depend_on_actor_order(shared_deu: Path) -> None:
    """DEU positions sit on coarse grids (0, 50, 100): many exact ties that rounding must not break."""
    import dataclasses

    issues = read_deu(shared_deu).issues[:60]
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
