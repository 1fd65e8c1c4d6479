"""The forecast page's document: a :func:`~detente.bargaining.study.run_study` result, arranged per issue.

`run_study` does all the work (the models on Monte Carlo draws, the plan tests); this
module only lays its numbers out for the page: per issue, each model's distribution
(median, 80% interval, quartiles for the box), the actors' positions on the same
0-100 axis, the shift against the comparison base, and the colours.

A variant or a what-if is compared with the case as loaded, run with the same seed
and models (common random numbers), exactly as `run_study` does when given them; but
the page keeps the unchanged case's study in the workspace's cache and compares with
it (:func:`detente.bargaining.variants.compare`), so moving a slider costs one
forecast, not two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from detente.jsonable import jsonable

if TYPE_CHECKING:
    from detente.bargaining.scenario import Scenario
    from detente.bargaining.study import Study

DRAWS_RANGE = (100, 10_000)
"""Draws a request may ask for (the CLI's default is 2000; the page uses 1000)."""


def forecast_document(
    case: "Scenario",
    base_study: Callable[..., "Study"],
    *,
    variant: str | None = None,
    settings: Sequence[str] = (),
    draws: int = 1000,
    seed: int = 2025,
    models: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Run the study for the page and lay it out per issue (see the module docstring).

    `case` is the scenario as loaded; `base_study(draws=, seed=, models=)` returns its study
    (the workspace passes its cached one).
    """
    from detente.bargaining.study import run_study
    from detente.bargaining.variants import compare
    from detente.bargaining.whatif import apply_settings, parse_setting
    from detente.report.palette import actor_colours, model_colours

    model_list = list(models) if models else None
    changed = variant is not None or bool(settings)
    if changed:
        scenario = case.with_variant(variant)
        parsed = [parse_setting(scenario, s, flag="set") for s in settings]
        base = base_study(draws=draws, seed=seed, models=models)
        study = run_study(apply_settings(scenario, parsed, flag="set"), models=base.forecast.models, draws=draws, seed=seed)
        shift_list = compare(base.forecast, study.forecast)
    else:
        parsed, base = [], None
        study = base_study(draws=draws, seed=seed, models=model_list)
        shift_list = []
    scenario, fc = study.scenario, study.forecast
    summary = {(r.model, r.issue): r for r in fc.summary()}
    shifts = {(s.model, s.issue): s for s in shift_list}
    pooled = study.pooled()
    colours = actor_colours(scenario.actor_codes)
    issues = []
    for k, issue in enumerate(scenario.issues):
        per_model = []
        for model in fc.models:
            s = summary[(model, issue.id)]
            q25, q75 = np.percentile(fc.outcomes[model][:, k], [25.0, 75.0])
            shift = shifts.get((model, issue.id))
            per_model.append({
                "model": model, "median": s.median, "p10": s.p10, "p90": s.p90, "p25": float(q25), "p75": float(q75),
                "point": s.point, "base_median": None if shift is None else shift.base_median,
                "shift": None if shift is None else shift.shift,
            })
        positions = []
        for code in scenario.actor_codes:
            st = scenario.stances[(code, issue.id)]
            positions.append({"actor": code, "position": st.position.mode, "low": st.position.low, "high": st.position.high,
                              "salience": st.salience.mode, "colour": colours[code]})
        anchors = dict(sorted(issue.anchors.items()))
        issues.append({
            "id": issue.id, "name": issue.name, "description": issue.description, "status_quo": issue.status_quo.mode,
            "anchors": {f"{a:g}": label for a, label in anchors.items()},
            "low_label": anchors[min(anchors)], "high_label": anchors[max(anchors)],
            "pooled": pooled[issue.id], "models": per_model, "positions": positions,
        })
    doc = study.to_dict()
    provenance = {**study.provenance(), "settings": [s.to_dict() for s in parsed]}
    if base is not None:
        provenance["base_input_hash"] = base.forecast.input_hash
    return jsonable({
        "case": {"name": scenario.name, "title": scenario.title},
        "variant": variant,
        "settings": [s.to_dict() for s in parsed],
        "changed": changed,
        "provenance": provenance,
        "notes": study.notes,
        "models": fc.models,
        "model_colours": model_colours(fc.models),
        "actors": [{"code": a.code, "name": a.name, "capability": a.capability.mode, "colour": colours[a.code]} for a in scenario.actors],
        "variants": [{"name": v.name, "title": v.title, "description": v.description} for v in case.variants.values()],
        "issues": issues,
        "plans": doc.get("plans", []),
        "base_plans": [r.to_dict() for r in base.plans] if base is not None else [],
        "shifts": [s.to_dict() for s in shift_list],
        "diagnostics": fc.diagnostics,
    })
