"""Mean of models: the members' mean, the members as typed, bad member lists."""

from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.models import ModelInput, get_model
from detente.bargaining.models.model_mean import model_mean
from detente.errors import ModelError


def test_equals_the_mean_of_its_members() -> None:
    rng = np.random.default_rng(11)
    inputs = ModelInput(
        rng.uniform(0, 100, (3, 5, 2)), rng.uniform(0.1, 1, (3, 5, 2)), rng.uniform(0.1, 3, (3, 5)), rng.uniform(0, 100, (3, 2))
    )
    out = model_mean(inputs, members="compromise + median")
    expected = 0.5 * (get_model("compromise")(inputs).outcome + get_model("median")(inputs).outcome)
    np.testing.assert_allclose(out.outcome, expected)
    assert set(out.extra["members"]) == {"compromise", "median"}
    assert out.extra["params"] == {"members": "compromise+median"}


def test_default_members_and_eu_compromise() -> None:
    inputs = ModelInput.single([0, 30, 100], [0.9, 0.5, 0.4], [1, 2, 1])
    a = model_mean(inputs, members="compromise+expected_utility").outcome
    np.testing.assert_allclose(a, get_model("eu_compromise")(inputs).outcome)
    both = model_mean(inputs).outcome
    np.testing.assert_allclose(
        both, 0.5 * (get_model("salience_compromise")(inputs).outcome + get_model("expected_utility")(inputs).outcome)
    )


@pytest.mark.parametrize("members", ["compromise", "compromise+compromise", "model_mean+median", ""])
def test_bad_member_lists_are_errors(members: str) -> None:
    with pytest.raises(ModelError, match="members"):
        model_mean(ModelInput.single([0, 100], [1, 1], [1, 1]), members=members)


def test_unknown_member_names_the_known_ones() -> None:
    with pytest.raises(ModelError, match="unknown model 'oracle'") as info:
        model_mean(ModelInput.single([0, 100], [1, 1], [1, 1]), members="compromise+oracle")
    assert "salience_compromise" in (info.value.hint or "")
