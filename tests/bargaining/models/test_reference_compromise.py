"""Compromise with a pull toward the reference point: the pull by hand, pull 0, bad pulls."""

from __future__ import annotations

import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.reference_compromise import reference_compromise
from detente.bargaining.models.salience_compromise import salience_compromise
from detente.errors import ModelError


def test_pull_by_hand() -> None:
    inputs = ModelInput.single([20, 60], [1.0, 1.0], [1.0, 1.0], status_quo=0.0)
    # weighted mean 40; a fifth of the way to 0 -> 32
    assert reference_compromise(inputs, pull=0.2).outcome[0, 0] == pytest.approx(32.0)
    assert reference_compromise(inputs, pull=0.0).outcome[0, 0] == pytest.approx(salience_compromise(inputs).outcome[0, 0])


def test_status_quo_inside_the_positions_leaves_unanimity_alone() -> None:
    inputs = ModelInput.single([70, 70, 70], [0.2, 0.9, 0.5], [1, 2, 3], status_quo=70.0)
    assert reference_compromise(inputs, pull=0.3).outcome[0, 0] == pytest.approx(70.0)


@pytest.mark.parametrize("pull", [-0.1, 1.0, 2.0, float("nan")])
def test_bad_pull_is_an_error(pull: float) -> None:
    with pytest.raises(ModelError, match="pull"):
        reference_compromise(ModelInput.single([0, 100], [1, 1], [1, 1]), pull=pull)
