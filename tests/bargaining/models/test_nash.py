"""Asymmetric Nash bargaining solution: hand-computed cases (linear-loss utility)."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.models import ModelInput
from detente.bargaining.models.nash import nash


def _one(positions, salience, capability, status_quo) -> float:  # type: ignore[no-untyped-def]
    return float(nash(ModelInput.single(positions, salience, capability, status_quo)).outcome[0, 0])


def test_equal_weights_by_hand() -> None:
    # d = 0, actors at 40, 60, 100, equal weights: median 60, all prefer 60 to 0.
    # Feasible up to 2*40 - 0 = 80. On [40, 60] gains are 80 - x, x, x:
    # maximise log(80 - x) + 2 log x -> x = 160/3.
    assert _one([40, 60, 100], [1, 1, 1], [1, 1, 1], 0) == pytest.approx(160 / 3, abs=1e-6)


def test_weights_are_exponents_and_non_gainers_drop_out() -> None:
    # weights 1, 1, 3: median 100; the actor at 40 prefers 0 to 100 and drops out.
    # On [60, 100]: maximise log(120 - x) + 3 log x -> 3(120 - x) = x -> x = 90.
    assert _one([40, 60, 100], [1, 1, 1], [1, 1, 3], 0) == pytest.approx(90, abs=1e-6)
    assert nash(ModelInput.single([40, 60, 100], [1, 1, 1], [1, 1, 3], 0)).extra["gainers"][0, 0] == 2


def test_moving_down_is_the_mirror_image() -> None:
    assert _one([60, 40, 0], [1, 1, 1], [1, 1, 3], 100) == pytest.approx(10, abs=1e-6)


def test_an_actor_beside_the_status_quo_has_no_veto() -> None:
    # the actor at 1 prefers d = 0 to the median 60: it is not in the product
    assert _one([1, 60, 70], [1, 1, 1], [1, 1, 1], 0) > 50


def test_status_quo_stands_when_a_majority_prefers_it() -> None:
    # the weighted median is the status quo itself: nobody can gain without a majority against
    assert _one([0, 50, 100], [1, 1, 1], [1, 1, 1], 50) == 50
    out = nash(ModelInput.single([0, 50, 100], [1, 1, 1], [1, 1, 1], 50))
    assert out.extra["gainers"][0, 0] == 0


def test_losers_do_not_enter_the_product() -> None:
    # two actors at 60 and 80 outweigh one at 0; d = 40. Players: 60 and 80 only.
    # Feasible up to 2*60 - 40 = 80; maximise (20 - |x - 60|)(x - 40) -> x = 60.
    assert _one([0, 60, 80], [1, 1, 1], [1, 1, 1], 40) == pytest.approx(60, abs=1e-6)


def test_vectorised_matches_single_draws() -> None:
    rng = np.random.default_rng(3)
    positions = rng.uniform(0, 100, (4, 5, 2))
    sal = rng.uniform(0.1, 1, (4, 5, 2))
    cap = rng.uniform(0.1, 1, (4, 5))
    sq = rng.uniform(0, 100, (4, 2))
    together = nash(ModelInput(positions, sal, cap, sq)).outcome
    for d in range(4):
        for k in range(2):
            alone = _one(positions[d, :, k], sal[d, :, k], cap[d], sq[d, k])
            assert together[d, k] == pytest.approx(alone, abs=1e-9)
