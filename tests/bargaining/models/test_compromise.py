"""Compromise model (weighted mean): hand-computed cases."""

from __future__ import annotations

import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.compromise import compromise


def test_weighted_mean() -> None:
    # weights 1*1, 1*0.5, 2*1 -> (0 + 50 + 200) / 3.5
    out = compromise(ModelInput.single([0, 100, 100], [1, 0.5, 1], [1, 1, 2])).outcome
    assert out[0, 0] == pytest.approx(250 / 3.5)


def test_all_zero_weights_give_the_plain_mean() -> None:
    assert compromise(ModelInput.single([0, 30, 90], [0, 0, 0], [1, 1, 1])).outcome[0, 0] == pytest.approx(40)
