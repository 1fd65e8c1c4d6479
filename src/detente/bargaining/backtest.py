"""Backtest the bargaining models on DEU III ("Decision-making in the European Union").

Arregui, J. & Perarnaud, C. (2021), *The Decision-making in the European Union (DEU III)
dataset*, doi:10.34810/data53 (CC BY 4.0). Each row is one controversial issue of an EU
legislative proposal: the positions (0-100) and saliences (0-100) of the Commission,
the Parliament and the member states, the reference point and the adopted outcome.

Layout read here (tab-separated):

* line 1: a header; actor columns come in pairs ``p<code>`` (position) and ``s<code>``
  (salience); ``out`` is the outcome, ``rp`` (optional) the reference point, and
  ``isnr`` / ``prname`` (optional) name the issue and its proposal;
* line 2: one capability figure per actor, in the ``p<code>`` columns;
* lines 3 on: one issue per line.

Missing values: an empty cell or 999. Choices, stated once here:

* an actor with a missing position is absent from that issue (not counted at all);
* an actor with a position and a missing salience gets salience 50, the middle of the
  0-100 scale (no better information; this reproduces the published capability x
  salience weighted-mean MAE of 25.88 on the dev half; filling with 0, i.e. dropping
  those actors' votes, gives 26.07);
* a salience of 0 with a position is kept: the actor is present but has no weight;
* a missing reference point becomes the unweighted median of the positions (only the
  Nash model uses it, as its disagreement point);
* issues without an outcome are forecast but left out of the mean absolute error.

Rows that do not parse (a value that is not a number, a value off the 0-100 scale, a
wrong number of cells, fewer than one actor) are reported with file and line and
skipped; the rest of the file is still used.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from detente.bargaining.models.base import ModelInput, get_model
from detente.errors import DataFormatError, InputError, ModelError

MISSING_CODE = 999.0
#: Salience given to an actor that has a position but no salience (0-100 scale).
DEFAULT_SALIENCE = 50.0
SCALE = (0.0, 100.0)
BASELINES = ("mean", "weighted_mean", "median_position")
DEFAULT_MODELS = ("compromise", "median", "nash", "expected_utility", "eu_compromise", "smp")


@dataclass(frozen=True)
class DeuIssue:
    """One DEU issue with the actors that took a position on it."""

    issue: str
    proposal: str
    line: int
    actors: tuple[str, ...]
    positions: NDArray[np.float64]  # (n,) 0-100
    salience: NDArray[np.float64]  # (n,) 0-1
    capability: NDArray[np.float64]  # (n,)
    reference_point: float  # NaN when missing
    outcome: float  # NaN when missing


@dataclass(frozen=True)
class SkippedRow:
    """A line of the file that could not be used, and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class DeuData:
    """A parsed DEU file: the issues that parsed and the lines that did not."""

    path: str
    actors: tuple[str, ...]
    capability: dict[str, float]
    issues: list[DeuIssue]
    skipped: list[SkippedRow] = field(default_factory=list)
    sha256: str = ""


@dataclass
class BacktestResult:
    """Per-issue forecasts (tidy) and the mean absolute error per method.

    ``forecasts`` columns: issue, proposal, line, n_actors, method, kind (model or
    baseline), forecast, outcome, abs_error. ``summary`` columns: method, kind, mae,
    n_issues (issues with a known outcome), params (as given), effective_params (every
    keyword parameter the model ran with, defaults included).
    """

    path: str
    sha256: str
    forecasts: pd.DataFrame
    summary: pd.DataFrame
    skipped: list[SkippedRow]
    n_issues: int
    n_with_outcome: int

    def to_dict(self) -> dict[str, Any]:
        from detente import __version__

        return {
            "detente_version": __version__,
            "path": self.path,
            "sha256": self.sha256,
            "issues": self.n_issues,
            "issues_with_outcome": self.n_with_outcome,
            "skipped": [{"path": r.path, "line": r.line, "reason": r.reason} for r in self.skipped],
            "summary": self.summary.to_dict(orient="records"),
        }


def _cell(raw: str) -> float:
    """A cell as a float; NaN when missing (blank or 999). Raises ValueError otherwise."""
    text = raw.strip()
    if not text:
        return float("nan")
    value = float(text)
    if not np.isfinite(value) or value == MISSING_CODE:
        return float("nan")
    return value


def read_deu(path: str | Path) -> DeuData:
    """Read a DEU III layout file (see the module docstring).

    Raises
    ------
    InputError
        The file does not exist or cannot be read.
    DataFormatError
        The header or the capability row is unusable (nothing can be backtested).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path, hint="check the path") from None
    text = raw.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if len(rows) < 2:
        raise DataFormatError(
            "need a header line and a capability line", path=path, line=len(rows) + 1,
            hint="use the DEU III layout: header, capabilities, then one issue per line",
        )
    header = [h.strip() for h in rows[0]]
    column = {name: i for i, name in enumerate(header)}
    actors = tuple(
        name[1:] for name in header if name.startswith("p") and len(name) > 1 and "s" + name[1:] in column
    )
    if not actors:
        raise DataFormatError(
            "no actor columns (pairs p<actor>, s<actor>) in the header", path=path, line=1,
            hint="name position columns p<code> and salience columns s<code>",
        )
    if "out" not in column:
        raise DataFormatError("no 'out' (outcome) column in the header", path=path, line=1, field="out",
                              hint="add the outcome column 'out'")
    cap_row = rows[1]
    capability: dict[str, float] = {}
    for code in actors:
        i = column["p" + code]
        try:
            value = _cell(cap_row[i]) if i < len(cap_row) else float("nan")
        except ValueError:
            raise DataFormatError(
                f"capability '{cap_row[i]}' is not a number", path=path, line=2, field="p" + code,
                hint="line 2 holds one capability figure per actor",
            ) from None
        if np.isnan(value) or value < 0:
            raise DataFormatError(
                "capability missing or negative", path=path, line=2, field="p" + code,
                hint="give every actor a capability >= 0 on line 2",
            )
        capability[code] = value
    issues: list[DeuIssue] = []
    skipped: list[SkippedRow] = []
    for line, row in enumerate(rows[2:], start=3):
        if not any(cell.strip() for cell in row):
            continue
        try:
            issues.append(_parse_issue(row, line, header, column, actors, capability))
        except ValueError as exc:
            skipped.append(SkippedRow(str(path), line, str(exc)))
    return DeuData(str(path), actors, capability, issues, skipped, hashlib.sha256(raw).hexdigest())


def _parse_issue(
    row: Sequence[str],
    line: int,
    header: Sequence[str],
    column: Mapping[str, int],
    actors: Sequence[str],
    capability: Mapping[str, float],
) -> DeuIssue:
    """One issue line; ValueError (with a reason) when it cannot be used."""
    if len(row) != len(header):
        raise ValueError(f"{len(row)} cells where the header has {len(header)}")

    def number(name: str) -> float:
        raw = row[column[name]]
        try:
            value = _cell(raw)
        except ValueError:
            raise ValueError(f"{name}: '{raw.strip()}' is not a number") from None
        if not np.isnan(value) and not SCALE[0] <= value <= SCALE[1]:
            raise ValueError(f"{name}: {value:g} is off the 0-100 scale")
        return value

    present, pos, sal, cap = [], [], [], []
    for code in actors:
        p = number("p" + code)
        s = number("s" + code)
        if np.isnan(p):
            continue
        present.append(code)
        pos.append(p)
        sal.append(DEFAULT_SALIENCE if np.isnan(s) else s)
        cap.append(capability[code])
    if not present:
        raise ValueError("no actor has a position")
    issue = row[column["isnr"]].strip() if "isnr" in column else f"line{line}"
    proposal = row[column["prname"]].strip() if "prname" in column else ""
    return DeuIssue(
        issue=issue or f"line{line}",
        proposal=proposal,
        line=line,
        actors=tuple(present),
        positions=np.array(pos),
        salience=np.array(sal) / 100.0,
        capability=np.array(cap),
        reference_point=number("rp") if "rp" in column else float("nan"),
        outcome=number("out"),
    )


def baseline_forecasts(issue: DeuIssue) -> dict[str, float]:
    """The three reference forecasts for one issue.

    ``mean``: unweighted mean of positions; ``weighted_mean``: capability x salience
    weighted mean (the plain mean where every weight is zero); ``median_position``: the
    unweighted median of positions.
    """
    x, w = issue.positions, issue.capability * issue.salience
    mean = float(x.mean())
    return {
        "mean": mean,
        "weighted_mean": float((w * x).sum() / w.sum()) if w.sum() > 0 else mean,
        "median_position": float(np.median(x)),
    }


def _inputs(group: Sequence[DeuIssue]) -> ModelInput:
    """Issues with the same number of actors, batched as draws (D issues, N actors, 1)."""
    pos = np.stack([i.positions for i in group])[:, :, None]
    sal = np.stack([i.salience for i in group])[:, :, None]
    cap = np.stack([i.capability for i in group])
    sq = np.array(
        [[i.reference_point if np.isfinite(i.reference_point) else float(np.median(i.positions))] for i in group]
    )
    return ModelInput(positions=pos, salience=sal, capability=cap, status_quo=sq, scale=SCALE)


def model_forecasts(
    issues: Sequence[DeuIssue], name: str, params: Mapping[str, Any] | None = None
) -> NDArray[np.float64]:
    """One model's forecast for every issue, in order; issues with the same actor count run as one batch."""
    fn = get_model(name)
    out = np.full(len(issues), np.nan)
    by_size: dict[int, list[int]] = {}
    for k, issue in enumerate(issues):
        by_size.setdefault(len(issue.actors), []).append(k)
    for idx in by_size.values():
        try:
            result = fn(_inputs([issues[k] for k in idx]), **dict(params or {}))
        except TypeError as exc:
            raise ModelError(
                f"model '{name}' does not take these parameters: {dict(params or {})} ({exc})",
                hint="see the model's docstring for its parameters",
            ) from None
        out[idx] = result.outcome[:, 0]
    return out


def backtest_deu(
    data: DeuData | str | Path,
    models: Sequence[str] | None = None,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    on_model: Callable[[str], None] | None = None,
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
    """
    from detente.bargaining.models import MODELS, load_all

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
        columns[(label, "model", _format_params(merged))] = model_forecasts(issues, name, merged)
        effective[label] = {**_defaults(MODELS[name]), **merged}
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
    return BacktestResult(
        path=data.path,
        sha256=data.sha256,
        forecasts=pd.DataFrame.from_records(records),
        summary=pd.DataFrame.from_records(summary),
        skipped=list(data.skipped),
        n_issues=len(issues),
        n_with_outcome=int(known.sum()),
    )


def _defaults(fn: Callable[..., Any]) -> dict[str, Any]:
    """The keyword parameters of a model function and their defaults (for provenance)."""
    import inspect

    return {
        p.name: p.default
        for p in inspect.signature(fn).parameters.values()
        if p.default is not inspect.Parameter.empty
    }


def _format_params(params: Mapping[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(params.items()))


def parse_model_spec(spec: str) -> tuple[str, str, dict[str, Any]]:
    """``"expected_utility:q=0.5,confrontation=loser"`` -> (label, model name, params).

    Values are read as int, then float, then text. Raises InputError on a malformed spec.
    """
    name, _, rest = spec.partition(":")
    name = name.strip()
    params: dict[str, Any] = {}
    for item in filter(None, (p.strip() for p in rest.split(","))):
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise InputError(
                f"model parameter '{item}' is not key=value", field="--model",
                hint="write e.g. --model expected_utility:q=0.5,max_rounds=30",
            )
        params[key.strip()] = _value(value.strip())
    return spec.strip(), name, params


def _value(text: str) -> Any:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text
