"""Backtest the bargaining models on DEU III ("Decision-making in the European Union").

Arregui, J. & Perarnaud, C. (2021), *The Decision-making in the European Union (DEU III)
dataset*, doi:10.34810/data53 (CC BY 4.0). One module an idea:

* :mod:`~detente.bargaining.backtest.deu`: the file layout, missing values and bad lines;
* :mod:`~detente.bargaining.backtest.specs`: ``name:key=value`` model specs;
* :mod:`~detente.bargaining.backtest.forecasts`: the baselines and the models on every issue;
* :mod:`~detente.bargaining.backtest.bootstrap`: cluster-bootstrap intervals by proposal;
* :mod:`~detente.bargaining.backtest.score`: :func:`backtest_deu`, the MAE table;
* :mod:`~detente.bargaining.backtest.crossval`: :func:`cross_validate`, K folds grouped by proposal.

The names below are the public ones; import them from here.
"""

from __future__ import annotations

from detente.bargaining.backtest.bootstrap import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_SEED,
    check_bootstrap,
    proposal_groups,
    summarise,
)
from detente.bargaining.backtest.crossval import DEFAULT_REPEATS, CrossValidation, check_folds, cross_validate
from detente.bargaining.backtest.deu import (
    DEFAULT_SALIENCE,
    MISSING_CODE,
    SCALE,
    DeuData,
    DeuIssue,
    SkippedRow,
    read_deu,
)
from detente.bargaining.backtest.forecasts import BASELINES, DEFAULT_MODELS, TARGET, baseline_forecasts, model_forecasts
from detente.bargaining.backtest.score import BacktestResult, backtest_deu
from detente.bargaining.backtest.specs import format_params, parse_model_spec

__all__ = [
    "BASELINES",
    "DEFAULT_BOOTSTRAP",
    "DEFAULT_MODELS",
    "DEFAULT_REPEATS",
    "DEFAULT_SALIENCE",
    "DEFAULT_SEED",
    "MISSING_CODE",
    "SCALE",
    "TARGET",
    "BacktestResult",
    "CrossValidation",
    "DeuData",
    "DeuIssue",
    "SkippedRow",
    "backtest_deu",
    "baseline_forecasts",
    "check_bootstrap",
    "check_folds",
    "cross_validate",
    "format_params",
    "model_forecasts",
    "parse_model_spec",
    "proposal_groups",
    "read_deu",
    "summarise",
]
