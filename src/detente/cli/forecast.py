"""CLI commands: `detente forecast` and `detente plans`.

Both parse options, call the library (`detente.cases`, `detente.bargaining.montecarlo`,
`detente.bargaining.plans`, `detente.bargaining.variants`) and render; errors reach the
app's boundary in `detente.cli.main`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
import yaml

from detente.cli.output import console, err_console, print_json, print_table
from detente.errors import InputError

CASE_HELP = "Built-in case name (see `detente case list`) or a scenario file: YAML, or a KTAB CSV. Default: us-russia-2025."
MODEL_HELP = "Model to run (repeat for several). Default: every registered model."
PARAM_HELP = "Model parameter as MODEL.NAME=VALUE, e.g. expected_utility.q=0.5 (repeatable)."

MODEL_SHORT = {"compromise": "compromise", "median": "median", "nash": "Nash", "expected_utility": "exp. utility", "smp": "SMP"}


def parse_params(items: list[str] | None) -> dict[str, dict[str, Any]]:
    """['expected_utility.q=0.5'] -> {'expected_utility': {'q': 0.5}}."""
    params: dict[str, dict[str, Any]] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        model, dot, name = key.partition(".")
        if not sep or not dot or not model or not name:
            raise InputError(f"cannot read parameter '{item}'", field="--param", hint="write MODEL.NAME=VALUE, e.g. expected_utility.q=0.5")
        params.setdefault(model, {})[name] = yaml.safe_load(raw)
    return params


@contextmanager
def model_progress(total_label: str) -> Iterator[Any]:
    """A rich progress bar over models on stderr when it is a terminal; a no-op callback otherwise."""
    if not err_console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} models"), TimeElapsedColumn(), console=err_console, transient=True)
    with progress:
        task = progress.add_task(total_label, total=1)

        def on_model(name: str, index: int, total: int) -> None:
            progress.update(task, total=total, completed=index, description=f"{total_label}: {name}")

        yield on_model
        progress.update(task, completed=progress.tasks[0].total)


def _run(scenario: Any, models: list[str] | None, draws: int, seed: int, params: dict[str, dict[str, Any]], label: str) -> Any:
    from detente.bargaining.montecarlo import run_forecast

    with model_progress(label) as on_model:
        fc = run_forecast(scenario, models, draws=draws, seed=seed, params=params, on_model=on_model)
    for model, reason in fc.failures.items():
        err_console.print(f"[yellow]warning:[/] model '{model}' failed and is left out: {reason}", highlight=False)
    return fc


def _interval(s: Any) -> str:
    return f"{s.median:.0f} ({s.p10:.0f}-{s.p90:.0f})"


MAX_ACTOR_COLUMNS = 8


def _forecast_table(fc: Any, scenario: Any) -> None:
    by = {(r.model, r.issue): r for r in fc.summary()}
    many = len(scenario.actors) > MAX_ACTOR_COLUMNS
    actor_columns = ["positions (min-median-max)"] if many else scenario.actor_codes
    columns = ["issue", "status quo", *actor_columns, *(MODEL_SHORT.get(m, m) for m in fc.models)]
    rows = []
    for issue in scenario.issues:
        modes = [scenario.stances[(a, issue.id)].position.mode for a in scenario.actor_codes]
        if many:
            srt = sorted(modes)
            positions = [f"{srt[0]:.0f}-{srt[len(srt) // 2]:.0f}-{srt[-1]:.0f}"]
        else:
            positions = [f"{m:.0f}" for m in modes]
        rows.append([issue.id, f"{issue.status_quo.mode:.0f}", *positions, *(_interval(by[(m, issue.id)]) for m in fc.models)])
    who = f"the {len(scenario.actors)} actors' positions" if many else "each actor's position"
    title = f"{scenario.title}: forecast median (80% interval) per model, beside {who}"
    print_table(columns, rows, title=title)


def _reading_table(fc: Any, scenario: Any) -> None:
    """Numbers back into words: the pooled forecast per issue and the anchor nearest to it."""
    med, lo, hi = fc.pooled()
    rows = []
    for k, issue in enumerate(scenario.issues):
        nearest = min(issue.anchors, key=lambda a: abs(a - med[k]))
        rows.append([issue.id, f"{med[k]:.0f} ({lo[k]:.0f}-{hi[k]:.0f})", f"{nearest:g}: {issue.anchors[nearest]}"])
    print_table(["issue", "all models", "nearest anchor"], rows, title="What the models expect: all models' draws pooled, and the nearest labelled point")


def _plans_table(results: list[Any], scenario: Any, base: dict[str, float] | None = None) -> None:
    columns = ["plan", "support", "all accept", *scenario.actor_codes]
    if base is not None:
        columns.insert(2, "vs base")
    rows = []
    for r in results:
        cells = [f"{'yes' if v.accepts else 'no'} {v.margin:+.0f} ({v.p_accept:.0%})" for v in r.verdicts]
        row = [r.plan, f"{r.support:.0%}", f"{r.unanimity:.0%}", *cells]
        if base is not None:
            row.insert(2, f"{100 * (r.support - base.get(r.plan, r.support)):+.0f} pts")
        rows.append(row)
    print_table(columns, rows, title="Peace plans, ranked by capability-weighted acceptance")


def _legend(fc: Any, with_plans: bool = True) -> None:
    text = (
        f"{fc.draws} draws, seed {fc.seed}, inputs sha256 {fc.input_hash[:16]}, detente {fc.version}. "
        "Positions are modes on each issue's 0-100 scale (see `detente case show`)."
    )
    if with_plans:
        text += (
            " Plans: yes/no = accepts at the modes (plan at least as good as the status quo); the number is the margin in "
            "salience-weighted scale points; (%) = share of draws in which the actor accepts; support = capability-weighted acceptance."
        )
    notes = []
    for model, diag in fc.diagnostics.items():
        share = diag.get("converged_share")
        if share is not None and share < 1.0:
            notes.append(f"{model}: {share:.0%} of draws converged (the rest stopped at {diag.get('max_rounds')} rounds)")
    if notes:
        text += " Convergence: " + "; ".join(notes) + "."
    if console.is_terminal:
        console.print(text, style="dim", highlight=False)
    else:
        err_console.print(text, highlight=False, soft_wrap=True)


def forecast_command(
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    model: list[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    draws: int = typer.Option(2000, "--draws", "-n", min=1, help="Monte Carlo draws per model."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed; the same seed gives identical output."),
    variant: str = typer.Option(None, "--variant", "-v", help="Apply a named variant and show each issue's shift from the base case."),
    param: list[str] = typer.Option(None, "--param", "-p", help=PARAM_HELP),
    spread: float = typer.Option(0.0, "--spread", min=0.0, help="Uncertainty for point inputs (e.g. KTAB files): positions drawn within +-SPREAD scale points, saliences within +-SPREAD/100, capabilities within +-SPREAD%. Ranges in the file are kept."),
    plans: bool = typer.Option(True, "--plans/--no-plans", help="Also test the scenario's peace plans."),
    drivers: bool = typer.Option(False, "--sensitivity", help="Also show which uncertain inputs drive each issue's forecast (rank correlations)."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document (forecast, provenance, plans)."),
    plot: str = typer.Option(None, "--plot", help="Also draw the forecast distributions to this file (.png, .svg, .pdf)."),
) -> None:
    """Forecast where a negotiation lands: each model's median and 80% interval per issue.

    With no options, runs every model on the built-in case us-russia-2025 (a settlement
    of the war in Ukraine, spring 2025), shows the forecasts beside each actor's position,
    then which peace plans each actor would accept.

    Examples:

      detente forecast

      detente forecast --variant us-withdraws-support --model median --model nash

      detente forecast --case my-case.yaml --draws 5000 --seed 7 --plot forecast.png
    """
    from detente.bargaining.plans import evaluate_plans
    from detente.bargaining.variants import compare
    from detente.cases import resolve_case

    params = parse_params(param)
    base_scenario = resolve_case(case)
    if spread > 0:
        from detente.bargaining.variants import widen_points

        base_scenario = widen_points(base_scenario, spread)
    models = list(dict.fromkeys(model)) if model else None
    scenario = base_scenario.with_variant(variant)
    base_fc = _run(base_scenario, models, draws, seed, params, "base case" if variant else "forecast")
    fc = _run(scenario, base_fc.models, draws, seed, params, f"variant {variant}") if variant else base_fc
    plan_results = evaluate_plans(scenario, fc) if plans and scenario.plans else []
    base_plans = evaluate_plans(base_scenario, base_fc) if variant and plans and scenario.plans else []
    driven = None
    if drivers:
        from detente.bargaining.montecarlo import sensitivity

        driven = sensitivity(scenario, fc)
    if plot:
        from detente.report.plots import plot_forecast

        plot_forecast(fc, scenario, plot)
    if json_out:
        doc: dict[str, Any] = fc.to_dict()
        doc["positions"] = {
            i: {a: scenario.stances[(a, i)].position.mode for a in scenario.actor_codes} for i in scenario.issue_ids
        }
        doc["status_quo"] = {i.id: i.status_quo.mode for i in scenario.issues}
        med, lo, hi = fc.pooled()
        doc["pooled"] = {
            i.id: {"median": med[k], "p10": lo[k], "p90": hi[k], "nearest_anchor": i.label(med[k])} for k, i in enumerate(scenario.issues)
        }
        if variant:
            doc["base"] = base_fc.to_dict()
            doc["shifts"] = [s.to_dict() for s in compare(base_fc, fc)]
        doc["plans"] = [r.to_dict() for r in plan_results]
        if driven is not None:
            doc["sensitivity"] = {i: [{"input": name, "rho": rho} for name, rho in pairs] for i, pairs in driven.items()}
        if variant and base_plans:
            doc["base_plans"] = [r.to_dict() for r in base_plans]
        if plot:
            doc["plot"] = plot
        print_json(doc)
        return
    _forecast_table(fc, scenario)
    if len(fc.models) > 1:
        _reading_table(fc, scenario)
    if driven is not None:
        print_table(
            ["issue", "inputs that move the forecast most (Spearman rho, averaged over models)"],
            [[i, "; ".join(f"{name} {rho:+.2f}" for name, rho in pairs) or "(no uncertain inputs)"] for i, pairs in driven.items()],
            title="Sensitivity: narrowing these ranges would narrow the forecast most",
        )
    if variant:
        v = base_scenario.variants[variant]
        shifts = compare(base_fc, fc)
        by = {(s.model, s.issue): s for s in shifts}
        rows = [
            [i, *(f"{by[(m, i)].base_median:.0f} -> {by[(m, i)].variant_median:.0f} ({by[(m, i)].shift:+.1f})" for m in fc.models)]
            for i in scenario.issue_ids
        ]
        print_table(["issue", *(MODEL_SHORT.get(m, m) for m in fc.models)], rows, title=f"Variant '{variant}' ({v.title}): base -> variant median (shift)")
    if plan_results:
        _plans_table(plan_results, scenario, {r.plan: r.support for r in base_plans} if variant else None)
    _legend(fc, bool(plan_results))
    if plot:
        err_console.print(f"plot written to {plot}", highlight=False)


def plans_command(
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    plan: str = typer.Option(None, "--plan", help="Show one plan in detail: each actor's utility under it, the status quo and the forecast."),
    variant: str = typer.Option(None, "--variant", "-v", help="Test the plans under a named variant."),
    model: list[str] = typer.Option(None, "--model", "-m", help="Models whose pooled median is the reference forecast. Default: all."),
    draws: int = typer.Option(2000, "--draws", "-n", min=1, help="Monte Carlo draws."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: str = typer.Option(None, "--plot", help="Also draw the plan-by-actor verdicts to this file (.png, .svg, .pdf)."),
) -> None:
    """Rank a case's peace plans by how widely they are accepted, weighted by capability.

    An actor accepts a plan if it is at least as good for it as the status quo
    (salience-weighted distance to its positions); the test runs on every Monte Carlo
    draw, so each verdict comes with the share of draws in which it holds.

    Examples:

      detente plans

      detente plans --plan vance-plan

      detente plans --variant europe-offers-guarantees --json

      detente plans --plot plans.png
    """
    from detente.bargaining.plans import evaluate_plans
    from detente.cases import resolve_case

    scenario = resolve_case(case).with_variant(variant)
    fc = _run(scenario, list(model) if model else None, draws, seed, {}, "reference forecast")
    results = evaluate_plans(scenario, fc, plans=[plan] if plan else None)
    if plot:
        from detente.report.plots import plot_plans

        plot_plans(results, scenario, plot, title=f"{scenario.title}{f', variant: {variant}' if variant else ''}: which plans each actor accepts")
    if json_out:
        print_json({**fc.provenance(), "reference_forecast": dict(zip(fc.issues, fc.ensemble().tolist())), "plans": [r.to_dict() for r in results]})
        return
    if plan:
        r = results[0]
        p = scenario.plans[plan]
        print_table(
            ["issue", "plan", "status quo", "forecast", "basis"],
            [
                [i, r.point[i], scenario.issue(i).status_quo.mode, f, (p.point[i].source or p.source).describe()]
                for i, f in zip(scenario.issue_ids, fc.ensemble())
            ],
            title=f"{p.title}: {p.description}",
            digits=0,
        )
        print_table(
            ["actor", "accepts", "P(accept)", "u(plan)", "u(status quo)", "u(forecast)", "margin", "vs forecast"],
            [
                [v.actor, "yes" if v.accepts else "no", f"{v.p_accept:.0%}", f"{v.utility_plan:.3f}", f"{v.utility_status_quo:.3f}", f"{v.utility_forecast:.3f}", f"{v.margin:+.1f}", f"{v.margin_vs_forecast:+.1f}"]
                for v in r.verdicts
            ],
            title=f"support {r.support:.0%} (capability-weighted), all accept in {r.unanimity:.0%} of draws",
        )
    else:
        _plans_table(results, scenario)
    _legend(fc)


def register(app: typer.Typer) -> None:
    """Add `forecast` and `plans` to the app."""
    app.command("forecast")(forecast_command)
    app.command("plans")(plans_command)
