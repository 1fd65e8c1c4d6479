"""Cross-validation of the tuned models on DEU III, grouped by proposal.

For the models with a tuning grid (`models.base.TUNING_GRIDS`), K folds grouped by
proposal; in each fold the parameters are chosen on the other K - 1 folds (least MAE;
ties: the first in grid order) and the held-out fold is forecast with them; repeated over
several random fold assignments. The "selection" row is the nested comparison: in each
fold the best of every candidate (each model with each grid point, and the untuned
models) is picked on the training folds, so its out-of-fold MAE is the honest figure for
"the best model on this file". A `model_mean` whose members have grids uses, in each
fold, the members' parameters chosen in that fold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from detente.bargaining.backtest.bootstrap import DEFAULT_SEED, proposal_groups
from detente.bargaining.backtest.deu import DeuData, read_deu
from detente.bargaining.backtest.forecasts import DEFAULT_MODELS, TARGET, baseline_forecasts, model_forecasts
from detente.bargaining.backtest.specs import format_params, parse_model_spec
from detente.errors import InputError

DEFAULT_REPEATS = 10


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
    groups = proposal_groups(issues)
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
            for label, (_name, grid, errors) in tuned.items():
                best = int(errors[:, train].mean(axis=1).argmin())
                errs[label][test] = errors[best, test]
                chosen[label][format_params(grid[best])] += 1
                candidates += [(f"{label} {format_params(p)}", e) for p, e in zip(grid, errors)]
            for label, (grid, _) in means.items():
                rows = []
                for point in grid:
                    from detente.bargaining.models.model_mean import parse_members

                    members = parse_members(point["members"])
                    picks = [member_choice(m, train) for m in members]
                    mean = np.mean([forecast(m, p) for m, p in zip(members, picks)], axis=0)
                    shown = "+".join(m + (f"({format_params(p)})" if p else "") for m, p in zip(members, picks))
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
