"""Properties every registered bargaining model must have (hypothesis).

Iterates `MODELS` after `load_all()`, so models added later are checked too.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.bargaining.models import MODELS, ModelInput, load_all

load_all()
ALL_MODELS = sorted(MODELS)
#: Models whose forecast is a weighted mean or median of positions, or of positions
#: the actors moved to within their own range.
RANGE_MODELS = [
    m for m in ALL_MODELS
    if m in {"compromise", "median", "nash", "expected_utility", "eu_compromise", "salience_compromise", "model_mean"}
]
#: Models that pull the forecast toward the status quo: unanimity is only binding when
#: the status quo agrees with it.
STATUS_QUO_MODELS = {"reference_compromise"}

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def scenarios(draw: st.DrawFn) -> ModelInput:
    """1-2 draws, 2-7 actors, 1-2 issues; positions on a coarse grid half the time (ties)."""
    d = draw(st.integers(1, 2))
    n = draw(st.integers(2, 7))
    k = draw(st.integers(1, 2))
    grid = draw(st.booleans())
    pos_value = st.integers(0, 10).map(lambda v: 10.0 * v) if grid else st.floats(0, 100)
    positions = np.array(draw(st.lists(pos_value, min_size=d * n * k, max_size=d * n * k))).reshape(d, n, k)
    salience = np.array(draw(st.lists(st.floats(0.05, 1.0), min_size=d * n * k, max_size=d * n * k))).reshape(d, n, k)
    capability = np.array(draw(st.lists(st.floats(0.05, 1.0), min_size=d * n, max_size=d * n))).reshape(d, n)
    status_quo = np.array(draw(st.lists(st.floats(0, 100), min_size=d * k, max_size=d * k))).reshape(d, k)
    return ModelInput(positions, salience, capability, status_quo)


def _permuted(inputs: ModelInput, order: np.ndarray) -> ModelInput:
    return ModelInput(
        positions=inputs.positions[:, order, :],
        salience=inputs.salience[:, order, :],
        capability=inputs.capability[:, order],
        status_quo=inputs.status_quo,
        scale=inputs.scale,
    )


def test_models_are_registered() -> None:
    for name in ("compromise", "median", "nash", "expected_utility"):
        assert name in MODELS


@pytest.mark.parametrize("name", ALL_MODELS)
@SETTINGS
@given(inputs=scenarios(), seed=st.integers(0, 2**16))
def test_relabelling_actors_changes_nothing(name: str, inputs: ModelInput, seed: int) -> None:
    order = np.random.default_rng(seed).permutation(inputs.shape[1])
    base = MODELS[name](inputs).outcome
    again = MODELS[name](_permuted(inputs, order)).outcome
    np.testing.assert_allclose(again, base, atol=1e-6)


@pytest.mark.parametrize("name", ALL_MODELS)
@SETTINGS
@given(inputs=scenarios(), value=st.floats(0, 100))
def test_unanimous_positions_give_that_position(name: str, inputs: ModelInput, value: float) -> None:
    same = ModelInput(
        positions=np.full_like(inputs.positions, value),
        salience=inputs.salience,
        capability=inputs.capability,
        status_quo=np.full_like(inputs.status_quo, value) if name in STATUS_QUO_MODELS else inputs.status_quo,
    )
    np.testing.assert_allclose(MODELS[name](same).outcome, value, atol=1e-6)


@pytest.mark.parametrize("name", RANGE_MODELS)
@SETTINGS
@given(inputs=scenarios())
def test_forecast_within_range_of_positions(name: str, inputs: ModelInput) -> None:
    out = MODELS[name](inputs).outcome
    lo = inputs.positions.min(axis=1)
    hi = inputs.positions.max(axis=1)
    assert out.shape == lo.shape
    assert np.all(out >= lo - 1e-9) and np.all(out <= hi + 1e-9)


@pytest.mark.parametrize("name", ALL_MODELS)
@SETTINGS
@given(inputs=scenarios())
def test_same_input_gives_identical_output(name: str, inputs: ModelInput) -> None:
    first = MODELS[name](inputs).outcome
    second = MODELS[name](inputs).outcome
    assert np.array_equal(first, second)
    assert first.shape == (inputs.shape[0], inputs.shape[2])


@pytest.mark.parametrize("name", ALL_MODELS)
def test_draws_are_independent_of_batching(name: str) -> None:
    """Running draws together equals running each draw alone (vectorised, not mixed)."""
    rng = np.random.default_rng(7)
    d, n, k = 6, 5, 2
    inputs = ModelInput(
        positions=rng.uniform(0, 100, (d, n, k)),
        salience=rng.uniform(0.1, 1, (d, n, k)),
        capability=rng.uniform(0.1, 1, (d, n)),
        status_quo=rng.uniform(0, 100, (d, k)),
    )
    together = MODELS[name](inputs).outcome
    alone = np.concatenate(
        [
            MODELS[name](
                ModelInput(
                    inputs.positions[i : i + 1], inputs.salience[i : i + 1],
                    inputs.capability[i : i + 1], inputs.status_quo[i : i + 1],
                )
            ).outcome
            for i in range(d)
        ]
    )
    np.testing.assert_allclose(together, alone, atol=1e-9)
