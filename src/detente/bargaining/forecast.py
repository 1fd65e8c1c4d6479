"""The Forecast: what a Monte Carlo run of one or more models on a scenario produced.

Plain data with its provenance: the case and variant, the seed and number of draws,
each model's parameters, the sha256 of the inputs, the detente version, and the
input draws themselves. Same
inputs, seed, draws and parameters give the same Forecast, number for number.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from detente.bargaining.models.base import ModelInput

INTERVAL = (10.0, 90.0)
"""Percentiles of the reported interval (an 80% interval)."""


@dataclass(frozen=True)
class IssueSummary:
    """One model on one issue: the median and 80% interval of the draws, and the point forecast at the modes."""

    model: str
    issue: str
    median: float
    p10: float
    p90: float
    mean: float
    point: float

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Forecast:
    """Per model, the outcome on each issue in every draw, with the run's provenance.

    Attributes
    ----------
    outcomes
        model name -> (draws, issues) array of forecast outcomes.
    point
        model name -> (issues,) forecast at the modes of every input (no sampling).
    failures
        model name -> one-line reason, for models that raised (the others still ran).
    diagnostics
        model name -> e.g. the share of draws whose rounds converged, mean rounds.
    inputs
        The Monte Carlo draws every model ran on: plan tests, sensitivity and lever
        search reuse them (after checking `input_hash` against their scenario) rather
        than drawing again.
    """

    case: str
    title: str
    variant: str | None
    actors: list[str]
    issues: list[str]
    draws: int
    seed: int
    params: dict[str, dict[str, Any]]
    input_hash: str
    version: str
    outcomes: dict[str, NDArray[np.float64]] = field(default_factory=dict)
    point: dict[str, NDArray[np.float64]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    diagnostics: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict, compare=False)
    inputs: "ModelInput | None" = field(default=None, compare=False, repr=False)

    @property
    def models(self) -> list[str]:
        """The models that produced a forecast, in the order they ran."""
        return list(self.outcomes)

    def summary(self) -> list[IssueSummary]:
        """Median, p10, p90, mean and point forecast per model and issue."""
        rows = []
        for model, out in self.outcomes.items():
            med = np.median(out, axis=0)
            lo, hi = np.percentile(out, INTERVAL, axis=0)
            mean = out.mean(axis=0)
            for k, issue in enumerate(self.issues):
                rows.append(
                    IssueSummary(model, issue, float(med[k]), float(lo[k]), float(hi[k]), float(mean[k]), float(self.point[model][k]))
                )
        return rows

    def get(self, model: str, issue: str) -> IssueSummary:
        for row in self.summary():
            if row.model == model and row.issue == issue:
                return row
        raise KeyError((model, issue))

    def ensemble(self) -> NDArray[np.float64]:
        """(issues,) median of the draws of every model pooled: the reference forecast for plan tests."""
        if not self.outcomes:
            return np.full(len(self.issues), np.nan)
        return np.median(np.concatenate(list(self.outcomes.values()), axis=0), axis=0)

    def pooled(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        """(median, p10, p90) per issue of every model's draws pooled (each model weighted equally)."""
        if not self.outcomes:
            nan = np.full(len(self.issues), np.nan)
            return nan, nan, nan
        allx = np.concatenate(list(self.outcomes.values()), axis=0)
        lo, hi = np.percentile(allx, INTERVAL, axis=0)
        return np.median(allx, axis=0), lo, hi

    def provenance(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "variant": self.variant,
            "seed": self.seed,
            "draws": self.draws,
            "models": self.models,
            "params": self.params,
            "input_hash": self.input_hash,
            "detente_version": self.version,
        }

    def to_dict(self, *, include_draws: bool = False) -> dict[str, Any]:
        """JSON-ready: provenance, per-model summaries, failures, diagnostics (and raw draws on request)."""
        out: dict[str, Any] = {
            "title": self.title,
            **self.provenance(),
            "interval": list(INTERVAL),
            "issues": self.issues,
            "actors": self.actors,
            "forecast": [r.to_dict() for r in self.summary()],
            "ensemble_median": dict(zip(self.issues, self.ensemble().tolist())),
            "failures": self.failures,
            "diagnostics": self.diagnostics,
        }
        if include_draws:
            out["draws_by_model"] = {m: v.tolist() for m, v in self.outcomes.items()}
        return out

    def to_frame(self) -> Any:
        """A tidy pandas DataFrame: columns draw, model, issue, value (one row per draw, model and issue)."""
        import pandas as pd

        frames = []
        for model, out in self.outcomes.items():
            d, k = out.shape
            frames.append(
                pd.DataFrame(
                    {
                        "draw": np.repeat(np.arange(d), k),
                        "model": model,
                        "issue": np.tile(np.array(self.issues, dtype=object), d),
                        "value": out.reshape(-1),
                    }
                )
            )
        if not frames:
            return pd.DataFrame(columns=["draw", "model", "issue", "value"])
        return pd.concat(frames, ignore_index=True)
