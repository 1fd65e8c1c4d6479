"""Salience-weighted compromise: weights by hand, the compromise model as a special case, bad exponents."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.compromise import compromise
from detente.bargaining.models.salience_compromise import salience_compromise
from detente.errors import ModelError


def test_weights_by_hand() -> None:
    inputs = ModelInput.single([0, 100], [1.0, 0.5], [4.0, 1.0])
    # w = sqrt(4) * 1**3 = 2 and sqrt(1) * 0.5**3 = 0.125 -> 12.5 / 2.125
    assert salience_compromise(inputs).outcome[0, 0] == pytest.approx(12.5 / 2.125)
    # b = 1, a = 0: w = 1, 0.5 -> 50 / 1.5
    out = salience_compromise(inputs, capability_power=0.0, salience_power=1.0).outcome
    assert out[0, 0] == pytest.approx(100 / 3)


def test_exponents_one_give_the_compromise_model() -> None:
    rng = np.random.default_rng(3)
    inputs = ModelInput(
        rng.uniform(0, 100, (4, 6, 2)), rng.uniform(0, 1, (4, 6, 2)), rng.uniform(0, 5, (4, 6)), rng.uniform(0, 100, (4, 2))
    )
    np.testing.assert_allclose(
        salience_compromise(inputs, capability_power=1.0, salience_power=1.0).outcome, compromise(inputs).outcome
    )


def test_zero_salience_has_no_weight_and_all_zero_falls_back_to_the_mean() -> None:
    assert salience_compromise(ModelInput.single([0, 100], [0.0, 0.3], [9.0, 1.0])).outcome[0, 0] == pytest.approx(100)
    assert salience_compromise(ModelInput.single([0, 100], [0.0, 0.0], [1.0, 1.0])).outcome[0, 0] == pytest.approx(50)


@pytest.mark.parametrize("params", [{"salience_power": 0.0}, {"salience_power": -1.0}, {"capability_power": -0.5},
                                    {"capability_power": float("nan")}])
def test_bad_exponents_are_errors(params: dict[str, float]) -> None:
    with pytest.raises(ModelError, match="power"):
        salience_compromise(ModelInput.single([0, 100], [1, 1], [1, 1]), **params)
