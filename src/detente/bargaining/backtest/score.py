"""The backtest: every method's forecast of every DEU issue, scored by mean absolute error.

Issues without an outcome are forecast but left out of the mean absolute error; the
intervals and the comparison with the weighted mean come from
:mod:`detente.bargaining.backtest.bootstrap`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from detente.bargaining.backtest.bootstrap import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_SEED,
    check_bootstrap,
    proposal_groups,
    summarise,
)
from detente.bargaining.backtest.deu import DeuData, SkippedRow, read_deu
from detente.bargaining.backtest.forecasts import BASELINES, DEFAULT_MODELS, baseline_forecasts, model_forecasts
from detente.bargaining.backtest.specs import format_params, parse_model_spec


@dataclass
class BacktestResult:
    """Per-issue forecasts (tidy) and the mean absolute error per method.

    ``forecasts`` columns: issue, proposal, line, n_actors, method, kind (model or
    baseline), forecast, outcome, abs_error. ``summary`` columns: method, kind, mae,
    n_issues (issues with a known outcome), params (as given), effective_params (every
    keyword parameter the model ran with, defaults included), and from `summarise`:
    mae_low, mae_high (bootstrap interval), diff (MAE minus the weighted mean's),
    diff_low, diff_high, closer (share of issues where the method is strictly closer to
    the outcome than the weighted mean), tied (share where both are equally close).
    """

    path: str
    sha256: str
    forecasts: pd.DataFrame
    summary: pd.DataFrame
    skipped: list[SkippedRow]
    n_issues: int
    n_with_outcome: int
    bootstrap: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from detente import __version__

        return {
            "detente_version": __version__,
            "path": self.path,
            "sha256": self.sha256,
            "issues": self.n_issues,
            "issues_with_outcome": self.n_with_outcome,
            "bootstrap": self.bootstrap,
            "skipped": [{"path": r.path, "line": r.line, "reason": r.reason} for r in self.skipped],
            "summary": self.summary.to_dict(orient="records"),
        }


def backtest_deu(
    data: DeuData | str | Path,
    models: Sequence[str] | None = None,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    on_model: Callable[[str], None] | None = None,
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    confidence: float = 0.95,
) -> BacktestResult:
    """Forecast every issue with each model and the baselines; MAE against the outcomes.

    Parameters
    ----------
    data
        A parsed file (`read_deu`) or a path.
    models
        Registered model names; default: every model in `DEFAULT_MODELS` that is registered.
    params
        Keyword parameters per model name, e.g. ``{"expected_utility": {"q": 0.5}}``.
        A label ``name:key=value,...`` (see `parse_model_spec`) is also accepted as a name.
    on_model
        Called with each model's label before it runs (for progress display).
    bootstrap, seed, confidence
        Cluster-bootstrap resamples (0: no intervals), their seed, and the interval's
        coverage (see `summarise`).
    """
    from detente.bargaining.models import MODELS, load_all
    from detente.bargaining.montecarlo import model_params

    check_bootstrap(bootstrap, confidence)
    if not isinstance(data, DeuData):
        data = read_deu(data)
    load_all()
    specs = [parse_model_spec(m) for m in (models or [m for m in DEFAULT_MODELS if m in MODELS])]
    issues = data.issues
    outcome = np.array([i.outcome for i in issues])
    records: list[dict[str, Any]] = []
    columns: dict[tuple[str, str, str], NDArray[np.float64]] = {}
    effective: dict[str, dict[str, Any]] = {}
    base = [baseline_forecasts(i) for i in issues]
    for name in BASELINES:
        columns[(name, "baseline", "")] = np.array([b[name] for b in base])
        effective[name] = {}
    for label, name, spec_params in specs:
        merged = {**dict((params or {}).get(name, {})), **spec_params}
        if on_model is not None:
            on_model(label)
        columns[(label, "model", format_params(merged))] = model_forecasts(issues, name, merged)
        effective[label] = {**model_params(MODELS[name]), **merged}
    known = np.isfinite(outcome)
    summary = []
    for (label, kind, shown), forecast in columns.items():
        err = np.abs(forecast - outcome)
        summary.append(
            {
                "method": label,
                "kind": kind,
                "mae": float(err[known].mean()) if known.any() else float("nan"),
                "n_issues": int(known.sum()),
                "params": shown,
                "effective_params": effective[label],
            }
        )
        for k, issue in enumerate(issues):
            records.append(
                {
                    "issue": issue.issue,
                    "proposal": issue.proposal,
                    "line": issue.line,
                    "n_actors": len(issue.actors),
                    "method": label,
                    "kind": kind,
                    "forecast": forecast[k],
                    "outcome": outcome[k],
                    "abs_error": err[k],
                }
            )
    errors = {label: np.abs(forecast - outcome)[known] for (label, _, _), forecast in columns.items()}
    groups = proposal_groups([i for i, k in zip(issues, known) if k])
    intervals = summarise(errors, groups, bootstrap, seed, confidence)
    frame = pd.DataFrame.from_records(summary)
    for column in ("mae_low", "mae_high", "diff", "diff_low", "diff_high", "closer", "tied"):
        frame[column] = [intervals[label][column] for label in frame["method"]]
    return BacktestResult(
        path=data.path,
        sha256=data.sha256,
        forecasts=pd.DataFrame.from_records(records),
        summary=frame,
        skipped=list(data.skipped),
        n_issues=len(issues),
        n_with_outcome=int(known.sum()),
        bootstrap={
            "resamples": bootstrap, "seed": seed, "confidence": confidence,
            "clusters": int(groups.max() + 1) if groups.size else 0, "cluster": "proposal",
        },
    )
