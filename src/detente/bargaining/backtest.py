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

Uncertainty (`summarise`): the issues of one proposal are negotiated together and their
errors are correlated, so intervals come from a cluster bootstrap that resamples whole
proposals (each issue its own cluster when the file names no proposal): the MAE's
percentile interval, and the paired difference from the capability x salience weighted
mean on the same resampled issues with its interval, beside the share of issues where
the model is strictly closer to the outcome (and the share of ties).

Cross-validation (`cross_validate`): for the models with a tuning grid
(`models.base.TUNING_GRIDS`), K folds grouped by proposal; in each fold the parameters
are chosen on the other K - 1 folds (least MAE; ties: the first in grid order) and the
held-out fold is forecast with them; repeated over several random fold assignments. The
"selection" row is the nested comparison: in each fold the best of every candidate
(each model with each grid point, and the untuned models) is picked on the training
folds, so its out-of-fold MAE is the honest figure for "the best model on this file".
A `model_mean` whose members have grids uses, in each fold, the members' parameters
chosen in that fold.

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
DEFAULT_MODELS = (
    "compromise", "median", "nash", "expected_utility", "eu_compromise", "smp",
    "salience_compromise", "reference_compromise", "model_mean",
)
#: The baseline every model is compared with.
TARGET = "weighted_mean"
DEFAULT_BOOTSTRAP = 2000
DEFAULT_SEED = 2025
DEFAULT_REPEATS = 10


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
    errors = {label: np.abs(forecast - outcome)[known] for (label, _, _), forecast in columns.items()}
    groups = _groups([i for i, k in zip(issues, known) if k])
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


def check_bootstrap(bootstrap: int, confidence: float) -> None:
    """Validate the bootstrap settings (before any work)."""
    if isinstance(bootstrap, bool) or not isinstance(bootstrap, int) or not (bootstrap == 0 or bootstrap >= 100):
        raise InputError(
            f"--bootstrap must be 0 (no intervals) or at least 100; got {bootstrap}", field="--bootstrap",
            hint="use e.g. --bootstrap 2000",
        )
    if not 0.5 <= confidence < 1.0:
        raise InputError(f"confidence must lie in [0.5, 1); got {confidence}", field="confidence", hint="use 0.95")


def _groups(issues: Sequence[DeuIssue]) -> NDArray[np.int64]:
    """A cluster id per issue: its proposal, or the issue itself where no proposal is named."""
    keys = [i.proposal or f"\0{i.line}" for i in issues]
    index: dict[str, int] = {}
    return np.array([index.setdefault(k, len(index)) for k in keys], dtype=np.int64)


def summarise(
    errors: Mapping[str, NDArray[np.float64]],
    groups: NDArray[np.int64],
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    confidence: float = 0.95,
    target: str = TARGET,
) -> dict[str, dict[str, float]]:
    """MAE, its cluster-bootstrap interval, and the paired comparison with `target`.

    Parameters
    ----------
    errors
        Absolute errors per method, all over the same issues (n,); must include `target`.
    groups
        Cluster id per issue (n,), 0..G-1: whole clusters are resampled.
    bootstrap
        Resamples; 0 gives NaN intervals.

    Returns
    -------
    dict
        Per method: mae, mae_low, mae_high, diff (MAE minus the target's), diff_low,
        diff_high, closer (share of issues strictly closer than the target), tied.

    Each resample draws G clusters with replacement (a multinomial count per cluster)
    and takes the MAE over the issues they hold; the same counts serve every method, so
    the differences are paired. Intervals are percentile intervals.
    """
    base = errors[target]
    n = base.size
    g = int(groups.max()) + 1 if n else 0
    lo_q, hi_q = 50 * (1 - confidence), 50 * (1 + confidence)
    counts = None
    if bootstrap and n:
        rng = np.random.default_rng(seed)
        counts = rng.multinomial(g, np.full(g, 1.0 / g), size=bootstrap).astype(float)  # (B, G)
        sizes = counts @ np.bincount(groups, minlength=g)  # issues per resample
    out: dict[str, dict[str, float]] = {}
    for label, err in errors.items():
        diff = err - base
        row = {
            "mae": float(err.mean()) if n else float("nan"),
            "diff": float(diff.mean()) if n else float("nan"),
            "closer": float((err < base - 1e-9).mean()) if n else float("nan"),
            "tied": float((np.abs(err - base) <= 1e-9).mean()) if n else float("nan"),
            "mae_low": float("nan"), "mae_high": float("nan"), "diff_low": float("nan"), "diff_high": float("nan"),
        }
        if counts is not None:
            boot_mae = counts @ np.bincount(groups, weights=err, minlength=g) / sizes
            boot_diff = counts @ np.bincount(groups, weights=diff, minlength=g) / sizes
            row["mae_low"], row["mae_high"] = (float(v) for v in np.percentile(boot_mae, [lo_q, hi_q]))
            row["diff_low"], row["diff_high"] = (float(v) for v in np.percentile(boot_diff, [lo_q, hi_q]))
        out[label] = row
    return out


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


@dataclass
class CrossValidation:
    """Out-of-fold MAE of tuned models beside their in-sample MAE (see the module docstring).

    ``table`` columns: method, kind (tuned, fixed, baseline, selection), grid (number of
    parameter settings tried), in_sample (MAE with the model's defaults or given
    parameters, fitted on the whole file), best_in_sample (the grid's least MAE on the
    whole file), oof (out-of-fold MAE, mean over the repeats), oof_low, oof_high (least
    and greatest over the repeats), oof_diff (oof minus the weighted mean's), closer
    (share of out-of-fold forecasts strictly closer than the weighted mean, pooled over
    the repeats), chosen (the parameters chosen most often, with their share of folds).
    """

    path: str
    sha256: str
    folds: int
    repeats: int
    seed: int
    n_issues: int
    n_groups: int
    table: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        from detente import __version__

        return {
            "detente_version": __version__,
            "path": self.path,
            "sha256": self.sha256,
            "folds": self.folds,
            "repeats": self.repeats,
            "seed": self.seed,
            "grouped_by": "proposal",
            "issues_with_outcome": self.n_issues,
            "groups": self.n_groups,
            "table": self.table.to_dict(orient="records"),
        }


def check_folds(folds: int, repeats: int = DEFAULT_REPEATS) -> None:
    """Validate the cross-validation settings that do not depend on the data (before any work)."""
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 2:
        raise InputError(f"--cv must be a whole number >= 2; got {folds}", field="--cv", hint="use e.g. --cv 10")
    if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 1:
        raise InputError(f"--repeats must be >= 1; got {repeats}", field="--repeats", hint="use e.g. --repeats 10")


def _key(name: str, params: Mapping[str, Any]) -> tuple[str, tuple[tuple[str, Any], ...]]:
    return name, tuple(sorted(params.items()))


def cross_validate(
    data: DeuData | str | Path,
    models: Sequence[str] | None = None,
    folds: int = 10,
    repeats: int = DEFAULT_REPEATS,
    seed: int = DEFAULT_SEED,
    on_model: Callable[[str], None] | None = None,
) -> CrossValidation:
    """K-fold cross-validation (grouped by proposal) of the tuned models, and the nested
    selection among all models; see the module docstring.

    Parameters
    ----------
    data
        A parsed file (`read_deu`) or a path.
    models
        Model names or specs (``name:key=value``); a parameter given in a spec is held
        fixed and the rest of the model's grid is tuned. Default: `DEFAULT_MODELS`.
    folds, repeats, seed
        K, the number of random fold assignments, and their seed.
    """
    import itertools
    from collections import Counter

    from detente.bargaining.models import MODELS, load_all
    from detente.bargaining.models.base import TUNING_GRIDS

    check_folds(folds, repeats)
    if not isinstance(data, DeuData):
        data = read_deu(data)
    load_all()
    issues = [i for i in data.issues if np.isfinite(i.outcome)]
    groups = _groups(issues)
    n_groups = int(groups.max()) + 1 if groups.size else 0
    if folds > n_groups:
        raise InputError(
            f"--cv {folds} needs at least {folds} proposals with an outcome; the file has {n_groups}",
            path=data.path, field="--cv", hint=f"use --cv {max(2, min(10, n_groups))} or fewer folds",
        )
    outcome = np.array([i.outcome for i in issues])
    specs = [parse_model_spec(m) for m in (models or [m for m in DEFAULT_MODELS if m in MODELS])]
    cache: dict[tuple[str, tuple[tuple[str, Any], ...]], NDArray[np.float64]] = {}

    def forecast(name: str, params: Mapping[str, Any]) -> NDArray[np.float64]:
        key = _key(name, params)
        if key not in cache:
            cache[key] = model_forecasts(issues, name, params)
        return cache[key]

    def grid_of(name: str, fixed: Mapping[str, Any]) -> list[dict[str, Any]]:
        grid = {k: v for k, v in TUNING_GRIDS.get(name, {}).items() if k not in fixed}
        return [{**fixed, **dict(zip(grid, values))} for values in itertools.product(*grid.values())]

    wm = np.array([baseline_forecasts(i)[TARGET] for i in issues])
    wm_err = np.abs(wm - outcome)
    # Candidates per method: (params, errors) for every grid point; model_mean is built per fold.
    tuned: dict[str, tuple[str, list[dict[str, Any]], NDArray[np.float64]]] = {}
    fixed_rows: dict[str, NDArray[np.float64]] = {}
    means: dict[str, tuple[list[dict[str, Any]], dict[str, Any]]] = {}
    in_sample: dict[str, float] = {}
    for label, name, spec_params in specs:
        if on_model is not None:
            on_model(label)
        in_sample[label] = float(np.abs(forecast(name, spec_params) - outcome).mean())
        grid = grid_of(name, spec_params)
        if name == "model_mean":
            from detente.bargaining.models.model_mean import parse_members

            for point in grid:
                for member in parse_members(point["members"]):
                    for p in grid_of(member, {}):
                        if on_model is not None:
                            on_model(f"{label}: {member}")
                        forecast(member, p)
            means[label] = (grid, spec_params)
        elif len(grid) > 1:
            errors = np.stack([np.abs(forecast(name, p) - outcome) for p in grid])
            tuned[label] = (name, grid, errors)
        else:
            fixed_rows[label] = np.abs(forecast(name, spec_params) - outcome)

    def member_choice(member: str, train: NDArray[np.bool_]) -> dict[str, Any]:
        grid = grid_of(member, {})
        if len(grid) <= 1:
            return {}
        errors = np.stack([np.abs(forecast(member, p) - outcome)[train] for p in grid])
        return grid[int(errors.mean(axis=1).argmin())]

    oof: dict[str, list[NDArray[np.float64]]] = {label: [] for label in [*tuned, *means, *fixed_rows, TARGET, "selection"]}
    chosen: dict[str, Counter[str]] = {label: Counter() for label in [*tuned, *means, "selection"]}
    for repeat in range(repeats):
        rng = np.random.default_rng([seed, repeat])
        fold_of_group = np.empty(n_groups, dtype=np.int64)
        fold_of_group[rng.permutation(n_groups)] = np.arange(n_groups) % folds
        fold = fold_of_group[groups]
        errs = {label: np.empty(outcome.size) for label in oof}
        for f in range(folds):
            train, test = fold != f, fold == f
            candidates: list[tuple[str, NDArray[np.float64]]] = [(TARGET, wm_err)]
            for label, (name, grid, errors) in tuned.items():
                best = int(errors[:, train].mean(axis=1).argmin())
                errs[label][test] = errors[best, test]
                chosen[label][_format_params(grid[best])] += 1
                candidates += [(f"{label} {_format_params(p)}", e) for p, e in zip(grid, errors)]
            for label, (grid, _) in means.items():
                rows = []
                for point in grid:
                    from detente.bargaining.models.model_mean import parse_members

                    members = parse_members(point["members"])
                    picks = [member_choice(m, train) for m in members]
                    mean = np.mean([forecast(m, p) for m, p in zip(members, picks)], axis=0)
                    shown = "+".join(m + (f"({_format_params(p)})" if p else "") for m, p in zip(members, picks))
                    rows.append((shown, np.abs(mean - outcome)))
                best = int(np.argmin([e[train].mean() for _, e in rows]))
                errs[label][test] = rows[best][1][test]
                chosen[label][rows[best][0]] += 1
                candidates += [(f"{label} {shown}", e) for shown, e in rows]
            for label, e in fixed_rows.items():
                errs[label][test] = e[test]
                candidates.append((label, e))
            errs[TARGET][test] = wm_err[test]
            best = int(np.argmin([e[train].mean() for _, e in candidates]))
            errs["selection"][test] = candidates[best][1][test]
            chosen["selection"][candidates[best][0]] += 1
        for label in oof:
            oof[label].append(errs[label])
    rows_out = []
    for label, runs in oof.items():
        maes = np.array([r.mean() for r in runs])
        pooled = np.concatenate(runs)
        base = np.tile(wm_err, repeats)
        if label in tuned:
            kind, grid_size = "tuned", len(tuned[label][1])
            best_in = float(tuned[label][2].mean(axis=1).min())
        elif label in means:
            kind, grid_size, best_in = "tuned", len(means[label][0]), float("nan")
        elif label == TARGET:
            kind, grid_size, best_in = "baseline", 1, float(wm_err.mean())
        elif label == "selection":
            kind, grid_size, best_in = "selection", 0, float("nan")
        else:
            kind, grid_size, best_in = "fixed", 1, in_sample[label]
        top = chosen.get(label, Counter()).most_common(1)
        total = sum(chosen.get(label, Counter()).values())
        rows_out.append(
            {
                "method": label,
                "kind": kind,
                "grid": grid_size,
                "in_sample": in_sample.get(label, float(wm_err.mean()) if label == TARGET else float("nan")),
                "best_in_sample": best_in,
                "oof": float(maes.mean()),
                "oof_low": float(maes.min()),
                "oof_high": float(maes.max()),
                "oof_diff": float(maes.mean() - wm_err.mean()),
                "closer": float((pooled < base - 1e-9).mean()),
                "chosen": f"{top[0][0]} ({top[0][1] / total:.0%} of folds)" if top else "",
            }
        )
    return CrossValidation(
        path=data.path, sha256=data.sha256, folds=folds, repeats=repeats, seed=seed,
        n_issues=int(outcome.size), n_groups=n_groups, table=pd.DataFrame.from_records(rows_out),
    )
