"""A study: everything `detente forecast` shows, as one library call.

A *study* runs the bargaining models on a case (or on a variant of it, or on a what-if
with changed inputs), compares the result with the unchanged case, tests the peace
plans, reads the pooled forecast back into the issue's words, and records where
every number came from. The CLI (`detente forecast`, `detente plans`), the web app and
the HTML report all call :func:`run_study` and render its :class:`Study`; Python users
get the same numbers as DataFrames.

Usage
-----
>>> from detente.bargaining.study import run_study
>>> study = run_study("us-russia-2025", models=["compromise", "median"], draws=200, seed=7)
>>> study.forecast.models
['compromise', 'median']
>>> doc = study.to_dict()          # the JSON document `detente forecast --json` prints
>>> doc["provenance"]["seed"], doc["provenance"]["models"]
(7, ['compromise', 'median'])
>>> study.to_frame("forecast").columns.tolist()[:4]
['run', 'model', 'issue', 'median']

API
---
``run_study(scenario, *, models=None, draws=2000, seed=2025, params=None, variant=None,
plans=True, settings=None, extra_plans=None, spread=0.0, sensitivity=False,
on_model=None) -> Study``

* `scenario`: a :class:`~detente.bargaining.scenario.Scenario`, a built-in case name,
  a scenario file path, or None (the default case).
* `variant`: a named variant of the case; `settings`: what-if changes such as
  ``["RUS.territory.position=60", "EUR.guarantees.salience=0.9"]`` (see
  :func:`parse_setting`). Either makes the study run twice, on the unchanged case and
  on the changed one, with the same seed (common random numbers), and report the shifts.
* `plans`: True (all of the case's plans), False (none) or a list of plan names;
  `extra_plans`: ad-hoc plans, name -> {issue: value}; issues left out keep their
  status quo, and the study's `notes` say so.
* Every argument is validated before any model runs (:func:`check_params` for model
  parameters, names and types).

Model parameters (:mod:`detente.bargaining.params`) and what-if settings and ad-hoc
plans (:mod:`detente.bargaining.whatif`) live in modules of their own; their public
names are importable from here too.

:class:`Study` holds the scenario as run and the base scenario, both forecasts, the
variant shifts, the plan results, the sensitivity table and `notes` (assumptions a
reader must see). ``Study.to_dict()`` is the JSON document; ``Study.to_frame(table)``
gives a tidy long DataFrame for one of :data:`TABLES`; ``Study.provenance()`` the
seed, parameters, input hash, version, case, variant and settings.

Choices
-------
* The comparison base of a variant or what-if is the case as loaded (with `spread`
  applied), run with the same seed and models.
* The reference forecast for plan tests is the pooled median of every model's draws.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from detente.bargaining.forecast import Forecast
from detente.bargaining.montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, default_models, run_forecast
from detente.bargaining.params import check_params, parse_params
from detente.bargaining.plans import PlanResult, evaluate_plans
from detente.bargaining.scenario import Plan, Scenario
from detente.bargaining.variants import VariantShift, compare
from detente.bargaining.whatif import Setting, ad_hoc_plan, apply_settings, parse_plan_spec, parse_setting
from detente.errors import InputError

TABLES = ("forecast", "draws", "pooled", "positions", "shifts", "plans")
"""The tables `Study.to_frame` can build."""

# --------------------------------------------------------------------------------------
# The study
# --------------------------------------------------------------------------------------


@dataclass
class Study:
    """What a study produced: forecasts, variant shifts, plan tests and their provenance.

    Attributes
    ----------
    scenario
        The scenario as run (variant and what-if settings applied).
    base_scenario
        The case as loaded (the comparison base when a variant or settings are given).
    forecast, base_forecast
        The forecast on `scenario`; the one on `base_scenario` (None when nothing changed).
    shifts
        Per model and issue, base median -> changed median (empty when nothing changed).
    plans, base_plans
        Plan tests on `scenario` and on `base_scenario` (ranked; empty when not asked).
    sensitivity
        issue -> [(input, Spearman rho)] when asked, else None.
    settings
        The what-if settings applied.
    notes
        Things a reader must see: assumed values, models left out, ...
    """

    scenario: Scenario
    base_scenario: Scenario
    forecast: Forecast
    base_forecast: Forecast | None = None
    shifts: list[VariantShift] = field(default_factory=list)
    plans: list[PlanResult] = field(default_factory=list)
    base_plans: list[PlanResult] = field(default_factory=list)
    sensitivity: dict[str, list[tuple[str, float]]] | None = None
    settings: list[Setting] = field(default_factory=list)
    variant: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when a variant or what-if settings were applied (so there is a base to compare with)."""
        return self.base_forecast is not None

    def provenance(self) -> dict[str, Any]:
        """Where the numbers come from: case, origin, variant, settings, seed, draws, models, parameters, input hashes, version."""
        fc = self.forecast
        return {
            **fc.provenance(),
            "title": self.scenario.title,
            "origin": self.scenario.origin,
            "settings": [s.to_dict() for s in self.settings],
            "base_input_hash": self.base_forecast.input_hash if self.base_forecast is not None else fc.input_hash,
        }

    def pooled(self) -> dict[str, dict[str, Any]]:
        """Per issue, all models' draws pooled: median, p10, p90 and the nearest labelled anchor."""
        med, lo, hi = self.forecast.pooled()
        return {
            i.id: {"median": float(med[k]), "p10": float(lo[k]), "p90": float(hi[k]), "nearest_anchor": i.label(med[k])}
            for k, i in enumerate(self.scenario.issues)
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of `detente forecast --json`: the forecast, positions, pooled reading, shifts, plans and provenance."""
        fc, scenario = self.forecast, self.scenario
        doc: dict[str, Any] = fc.to_dict()
        doc["positions"] = {i: {a: scenario.stances[(a, i)].position.mode for a in scenario.actor_codes} for i in scenario.issue_ids}
        doc["status_quo"] = {i.id: i.status_quo.mode for i in scenario.issues}
        doc["pooled"] = self.pooled()
        if self.base_forecast is not None:
            doc["base"] = self.base_forecast.to_dict()
            doc["shifts"] = [s.to_dict() for s in self.shifts]
        doc["plans"] = [r.to_dict() for r in self.plans]
        if self.sensitivity is not None:
            doc["sensitivity"] = {i: [{"input": name, "rho": rho} for name, rho in pairs] for i, pairs in self.sensitivity.items()}
        if self.base_plans:
            doc["base_plans"] = [r.to_dict() for r in self.base_plans]
        if self.settings:
            doc["settings"] = [s.to_dict() for s in self.settings]
        doc["notes"] = list(self.notes)
        doc["provenance"] = self.provenance()
        return doc

    def to_frame(self, table: str = "forecast") -> Any:
        """One tidy long pandas DataFrame; `table` is one of :data:`TABLES`.

        * ``forecast``: run, model, issue, median, p10, p90, mean, point (run is "base"
          or the variant's name; base rows only when something changed);
        * ``draws``: run, model, draw, issue, value (the Monte Carlo outcomes);
        * ``pooled``: issue, median, p10, p90, nearest_anchor;
        * ``positions``: actor, issue, position, position_low, position_high, salience, capability;
        * ``shifts``: model, issue, base_median, variant_median, shift;
        * ``plans``: plan, title, support, support_p10, support_p90, unanimity, decisive,
          actor, accepts, p_accept, swing, margin, margin_vs_forecast.
        """
        import pandas as pd

        if table not in TABLES:
            close = difflib.get_close_matches(table, TABLES, n=1)
            raise InputError(f"no table '{table}'", field="table", hint=(f"did you mean '{close[0]}'? " if close else "") + f"tables: {', '.join(TABLES)}")
        runs = [(self.forecast.variant or "base", self.forecast)]
        if self.base_forecast is not None:
            runs.insert(0, ("base", self.base_forecast))
        if table == "forecast":
            rows = [{"run": run, **r.to_dict()} for run, fc in runs for r in fc.summary()]
            return pd.DataFrame(rows, columns=["run", "model", "issue", "median", "p10", "p90", "mean", "point"])
        if table == "draws":
            frames = [fc.to_frame().assign(run=run) for run, fc in runs]
            return pd.concat(frames, ignore_index=True)[["run", "model", "draw", "issue", "value"]]
        if table == "pooled":
            return pd.DataFrame([{"issue": i, **v} for i, v in self.pooled().items()], columns=["issue", "median", "p10", "p90", "nearest_anchor"])
        if table == "positions":
            s = self.scenario
            caps = {a.code: a.capability.mode for a in s.actors}
            rows = [
                {
                    "actor": a,
                    "issue": i,
                    "position": st.position.mode,
                    "position_low": st.position.low,
                    "position_high": st.position.high,
                    "salience": st.salience.mode,
                    "capability": caps[a],
                }
                for (a, i), st in ((k, s.stances[k]) for k in ((a, i) for a in s.actor_codes for i in s.issue_ids))
            ]
            return pd.DataFrame(rows)
        if table == "shifts":
            return pd.DataFrame([s.to_dict() for s in self.shifts], columns=["model", "issue", "base_median", "variant_median", "shift"])
        rows = []
        for r in self.plans:
            head = {
                "plan": r.plan, "title": r.title, "support": r.support, "support_p10": r.support_p10, "support_p90": r.support_p90,
                "unanimity": r.unanimity, "decisive": r.decisive,
            }
            for v in r.verdicts:
                rows.append({**head, "actor": v.actor, "accepts": v.accepts, "p_accept": v.p_accept, "swing": v.swing, "margin": v.margin, "margin_vs_forecast": v.margin_vs_forecast})
        columns = ["plan", "title", "support", "support_p10", "support_p90", "unanimity", "decisive", "actor", "accepts", "p_accept", "swing", "margin", "margin_vs_forecast"]
        return pd.DataFrame(rows, columns=columns)


def same_run(
    fc: Forecast, scenario: Scenario, *, draws: int, seed: int, models: Sequence[str] | None, params: Mapping[str, Mapping[str, Any]] | None
) -> bool:
    """Whether `fc` is what `run_forecast(scenario, models, draws=, seed=, params=)` would give (same inputs and settings)."""
    from detente.bargaining.models.base import MODELS
    from detente.bargaining.montecarlo import model_params

    names = list(models) if models else default_models()
    if fc.input_hash != scenario.input_hash() or fc.draws != draws or fc.seed != seed or list(fc.params) != names:
        return False
    return all(fc.params[m] == model_params(MODELS[m], dict((params or {}).get(m, {}))) for m in names)


def resolve_scenario(scenario: Scenario | str | None) -> Scenario:
    """A Scenario as given, or a built-in case by name or a scenario file by path (None: the default case)."""
    if isinstance(scenario, Scenario):
        return scenario
    from detente.cases import resolve_case

    return resolve_case(scenario)


def run_study(
    scenario: Scenario | str | None = None,
    *,
    models: Sequence[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    variant: str | None = None,
    plans: bool | Sequence[str] = True,
    settings: Sequence[Setting | str] | None = None,
    extra_plans: Mapping[str, Mapping[str, float]] | None = None,
    spread: float = 0.0,
    sensitivity: bool = False,
    on_model: Callable[[str, int, int], None] | None = None,
    on_run: Callable[[str], None] | None = None,
    reuse: Forecast | None = None,
) -> Study:
    """Forecast a case, compare a variant or what-if with it, test the plans; see the module docstring.

    `on_model(name, index, total)` is called before each model runs, `on_run(label)`
    before each forecast ("base case", "variant NAME", "forecast"), for progress bars.
    `reuse` is a forecast of the unchanged case from an earlier study (``study.forecast``):
    when its inputs, seed, draws, models and parameters are this run's, it stands in for
    the base run, so comparing several variants with one base forecasts the base once.
    Raises `detente.errors` subclasses for any bad argument before a model runs.
    """
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 1:
        raise InputError(f"draws must be a whole number of at least 1, got {draws!r}", field="draws", hint="use 1 or more draws (2000 is the default)")
    if spread < 0:
        raise InputError(f"spread must be 0 or more, got {spread}", field="spread", hint="give a spread in scale points, e.g. 10")
    model_list = list(dict.fromkeys(models)) if models else None
    check_params(params, model_list)
    base = resolve_scenario(scenario)
    if spread > 0:
        from detente.bargaining.variants import widen_points

        base = widen_points(base, spread)
    changed = base.with_variant(variant)
    parsed = [s if isinstance(s, Setting) else parse_setting(changed, s, flag="settings") for s in settings or []]
    changed = apply_settings(changed, parsed)
    is_changed = changed is not base
    notes: list[str] = []
    adhoc: dict[str, Plan] = {}
    for name, values in (extra_plans or {}).items():
        plan, assumed = ad_hoc_plan(changed, name, values, flag="extra_plans")
        adhoc[name] = plan
        if assumed:
            notes.append(f"plan '{name}': issues not given keep their status quo: " + ", ".join(f"{i}={v:g}" for i, v in assumed.items()))
    if adhoc:
        base = dataclasses.replace(base, plans={**base.plans, **adhoc})
        changed = dataclasses.replace(changed, plans={**changed.plans, **adhoc}) if is_changed else base
    wanted: list[str] | None
    if plans is True:
        wanted = list(changed.plans) or None
    elif plans is False:
        wanted = list(adhoc) or None
    else:
        wanted = list(dict.fromkeys([*plans, *adhoc]))
        for name in wanted:
            if name not in changed.plans:
                close = difflib.get_close_matches(name, list(changed.plans), n=1)
                raise InputError(f"unknown plan '{name}'", path=changed.origin, field="plans", hint=(f"did you mean '{close[0]}'? " if close else "") + f"plans: {', '.join(changed.plans) or '(none)'}")

    def forecast(s: Scenario, names: Sequence[str] | None, label: str) -> Forecast:
        if on_run is not None:
            on_run(label)
        fc = run_forecast(s, names, draws=draws, seed=seed, params={k: dict(v) for k, v in (params or {}).items()}, on_model=on_model)
        for model, reason in fc.failures.items():
            notes.append(f"model '{model}' failed and is left out: {reason}")
        return fc

    if reuse is not None and same_run(reuse, base, draws=draws, seed=seed, models=model_list, params=params):
        base_fc = reuse
        notes.extend(f"model '{model}' failed and is left out: {reason}" for model, reason in reuse.failures.items())
    else:
        base_fc = forecast(base, model_list, "base case" if is_changed else "forecast")
    fc = forecast(changed, base_fc.models, f"variant {changed.variant}") if is_changed else base_fc
    plan_results = evaluate_plans(changed, fc, plans=wanted) if wanted else []
    base_plans = evaluate_plans(base, base_fc, plans=wanted) if wanted and is_changed else []
    driven = None
    if sensitivity:
        from detente.bargaining.montecarlo import sensitivity as rank_drivers

        driven = rank_drivers(changed, fc)
    if plans is not False and not changed.plans:
        notes.append(f"the case '{changed.name}' defines no peace plans, so none were tested")
    return Study(
        scenario=changed,
        base_scenario=base,
        forecast=fc,
        base_forecast=base_fc if is_changed else None,
        shifts=compare(base_fc, fc) if is_changed else [],
        plans=plan_results,
        base_plans=base_plans,
        sensitivity=driven,
        settings=parsed,
        variant=variant,
        notes=notes,
    )


__all__ = [
    "TABLES",
    "Setting",
    "Study",
    "ad_hoc_plan",
    "apply_settings",
    "check_params",
    "parse_params",
    "parse_plan_spec",
    "parse_setting",
    "resolve_scenario",
    "run_study",
    "same_run",
]
