"""Weighted median: hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.median import median, weighted_median


def test_three_equal_actors_give_the_middle_one() -> None:
    out = median(ModelInput.single([0, 50, 100], [1, 1, 1], [1, 1, 1])).outcome
    assert out.shape == (1, 1)
    assert out[0, 0] == 50


def test_heavy_actor_is_the_condorcet_winner() -> None:
    # weights 1, 1, 3 of 5: the actor at 90 alone holds a majority
    assert median(ModelInput.single([10, 20, 90], [1, 1, 1], [1, 1, 3])).outcome[0, 0] == 90


def test_salience_times_capability_is_the_vote() -> None:
    # capability 3 but salience 0.1 -> vote 0.3 against 1 + 1
    assert median(ModelInput.single([10, 20, 90], [1, 1, 0.1], [1, 1, 3])).outcome[0, 0] == 20


def test_exact_half_split_gives_the_midpoint() -> None:
    assert median(ModelInput.single([0, 100], [1, 1], [1, 1])).outcome[0, 0] == 50


def test_zero_weight_actor_does_not_count() -> None:
    # cumulative weights 1, 1, 2: every point of [1, 9] ties; the midpoint is 5
    assert weighted_median(np.array([1.0, 5.0, 9.0]), np.array([1.0, 0.0, 1.0])) == pytest.approx(5.0)
    assert weighted_median(np.array([0.0, 3.0, 9.0]), np.array([0.0, 1.0, 2.0])) == pytest.approx(9.0)


def test_all_zero_weights_fall_back_to_plain_median() -> None:
    assert median(ModelInput.single([0, 10, 70], [0, 0, 0], [1, 1, 1])).outcome[0, 0] == 10


def test_vectorised_over_draws_and_issues() -> None:
    positions = np.array([[[0, 100], [50, 0], [100, 40]], [[10, 10], [20, 20], [30, 90]]], dtype=float)
    ones = np.ones_like(positions)
    inputs = ModelInput(positions, ones, np.ones((2, 3)), np.zeros((2, 2)))
    np.testing.assert_array_equal(median(inputs).outcome, [[50, 40], [20, 20]])


def test_shape_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        weighted_median(np.zeros(3), np.zeros(4))
