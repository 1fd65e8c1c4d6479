"""Model parameters as typed: read as YAML scalars, names and types checked against the model before any run."""

from __future__ import annotations

import pytest

from detente.bargaining.params import check_params, parse_params
from detente.errors import InputError, ModelError


def test_param_names_and_types_are_checked_before_the_run() -> None:
    assert parse_params(["expected_utility.q=0.5", "nash.iterations=30"]) == {"expected_utility": {"q": 0.5}, "nash": {"iterations": 30}}
    check_params({"expected_utility": {"q": 0.5, "confrontation": "loser"}}, None)
    with pytest.raises(InputError, match=r"--param expected_utility.q: 'abc' is not a valid value") as err:
        check_params(parse_params(["expected_utility.q=abc"]), None, flag="--param")
    assert "a number" in err.value.hint
    with pytest.raises(InputError, match="has no parameter 'qq'") as err:
        check_params({"expected_utility": {"qq": 1}}, None)
    assert "did you mean 'q'" in err.value.hint
    with pytest.raises(InputError, match="one of|not a valid value") as err:
        check_params({"expected_utility": {"confrontation": "war"}}, None)
    assert "expected" in err.value.hint
    with pytest.raises(InputError, match="a whole number|not a valid value"):
        check_params({"nash": {"iterations": 2.5}}, None)
    with pytest.raises(InputError, match="not being run"):
        check_params({"nash": {"iterations": 3}}, ["median"])
    with pytest.raises(ModelError, match="unknown model 'medain'"):
        check_params(None, ["medain"])


def test_a_parameter_without_model_or_value_is_unreadable() -> None:
    for item in ("q=0.5", "expected_utility.q", "expected_utility.q="):
        with pytest.raises(InputError, match="cannot read|has no value"):
            parse_params([item])
