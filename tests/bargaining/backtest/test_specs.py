"""Model specs: parameters in the name, as users type them on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.bargaining.backtest import backtest_deu, parse_model_spec
from detente.errors import InputError, ModelError


def test_model_parameters_in_the_name(toy_deu: Path) -> None:
    assert parse_model_spec("expected_utility:q=0.5,confrontation=loser,max_rounds=3") == (
        "expected_utility:q=0.5,confrontation=loser,max_rounds=3",
        "expected_utility",
        {"q": 0.5, "confrontation": "loser", "max_rounds": 3},
    )
    with pytest.raises(InputError):
        parse_model_spec("expected_utility:q")
    path = toy_deu
    result = backtest_deu(path, models=["expected_utility:q=0.5"])
    assert result.summary["params"].iloc[-1] == "q=0.5"
    effective = result.summary["effective_params"].iloc[-1]  # as run: the given q beside every other default
    assert effective["q"] == 0.5 and "max_rounds" in effective
    with pytest.raises(ModelError):
        backtest_deu(path, models=["expected_utility:colour=red"])
    with pytest.raises(ModelError):
        backtest_deu(path, models=["no_such_model"])
