"""CLI commands: `detente forecast` and `detente plans`.

Both parse options, call the library (`detente.cases`, `detente.bargaining.montecarlo`,
`detente.bargaining.plans`, `detente.bargaining.variants`) and render; errors reach the
app's boundary in `detente.cli.main`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from detente.cli import output
from detente.cli.options import given
from detente.cli.output import err_console, print_json, print_table
from detente.errors import InputError

CASE_HELP = "Built-in case name (see `detente case list`) or a scenario file: YAML, or a KTAB CSV. Default: us-russia-2025."
MODEL_HELP = "Model to run (repeat for several). Default: every model but the DEU-tuned salience_compromise, reference_compromise and model_mean."
PARAM_HELP = "Model parameter as MODEL.NAME=VALUE, e.g. expected_utility.q=0.5 (repeatable; names and types are checked before the run)."
SET_HELP = (
    "What-if without editing YAML: ACTOR.ISSUE.position=V, ACTOR.ISSUE.salience=V, ACTOR.capability=V or ISSUE.status_quo=V "
    "(repeatable; actors by code or name). The table then shows the shift from the unchanged case."
)
OUT_HELP = "Also write a table to FILE.csv or FILE.parquet, with the provenance (seed, parameters, input hash, version, case, variant) in the file's metadata."
PLOT_SUFFIXES = (".png", ".svg", ".pdf")
OUT_SUFFIXES = (".csv", ".parquet")

MODEL_SHORT = {"compromise": "compromise", "median": "median", "nash": "Nash", "expected_utility": "exp. utility", "smp": "SMP"}


@contextmanager
def model_progress() -> Iterator[tuple[Any, Any]]:
    """(on_run, on_model) callbacks driving a rich progress bar on stderr when it is a terminal; (None, None) otherwise."""
    if not err_console.is_terminal:
        yield None, None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} models"), TimeElapsedColumn(), console=err_console, transient=True)
    label = {"run": "forecast"}
    with progress:
        task = progress.add_task("forecast", total=1)

        def on_run(name: str) -> None:
            label["run"] = name

        def on_model(name: str, index: int, total: int) -> None:
            progress.update(task, total=total, completed=index, description=f"{label['run']}: {name}")

        yield on_run, on_model
        progress.update(task, completed=progress.tasks[0].total)


def _runs_smp(model: list[str] | None, param: list[str] | None) -> bool:
    """Whether this run's models include the SMP on an engine the kernel process serves
    (a cheap look at the raw flags, before any import: they are validated later)."""
    if model and "smp" not in model:
        return False
    return not any(p.replace(" ", "").lower().startswith("smp.engine=numpy") for p in param or [])


def prestart_kernel_early(args: list[str]) -> None:
    """Fork the SMP's kernel process before typer parses `args`, the words after the command.

    Typer's option parsing costs about 0.1 s (it imports pydantic), and numba's load in
    the kernel process is the critical path of `detente forecast`: starting it first
    shortens the command by that much. It is a guess from the raw words (nothing is
    parsed here); the command confirms it with its parsed options
    (`smp_kernel_prestarted`), which stops the process at once when the SMP does not run.
    Nothing is started for `--help`. The console script forks earlier still, before typer
    loads (`detente.cli.launch`); then this call finds the process running and does nothing.
    """
    if any(a in ("--help", "-h") for a in args):
        return
    from detente.bargaining.models import _smp_worker, smp  # noqa: F401 - smp names the kernel; the child inherits it

    _smp_worker.prestart()


@contextmanager
def smp_kernel_prestarted(wanted: bool) -> Iterator[None]:
    """Load the compiled SMP kernel in a second process while this one starts up, when
    the SMP runs (`detente.bargaining.models._smp_worker`); stopped when the block ends.
    A process started early (`prestart_kernel_early`) is kept when wanted, else stopped now."""
    from detente.bargaining.models import _smp_worker, smp  # noqa: F401 - smp names the kernel the worker runs

    if not wanted:
        _smp_worker.stop(now=True)  # an early start the parsed options overrule (no-op when none)
        yield
        return
    with _smp_worker.prestarted():
        yield


def check_outputs(plot: str | None, out: str | None, force: bool) -> tuple[Path | None, Path | None]:
    """Validate --plot and --out before any work: suffix, directory, existing file; and that matplotlib imports."""
    from detente.files import check_output

    if force and not plot and not out:
        raise InputError("needs --plot or --out: it replaces those files", field="--force",
                         hint="drop --force, or give --plot FILE or --out FILE")
    plot_path = check_output(plot, flag="--plot", suffixes=PLOT_SUFFIXES, overwrite=force) if plot else None
    out_path = check_output(out, flag="--out", suffixes=OUT_SUFFIXES, overwrite=force) if out else None
    if plot_path is not None and out_path is not None and plot_path.resolve() == out_path.resolve():
        raise InputError("--plot and --out name the same file", field=f"--out {out}", hint="give them different names")
    if plot_path is not None:
        from detente.optional import pyplot

        pyplot()
    return plot_path, out_path


def notes(study: Any) -> None:
    """Print a study's notes (assumptions, models left out) on stderr, where they stay visible beside any output."""
    for note in study.notes:
        err_console.print(f"[yellow]note:[/] {note}", highlight=False, soft_wrap=True)


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
    print_table(columns, rows, title=title, keep=1)


def _reading_table(study: Any) -> None:
    """Numbers back into words: the pooled forecast per issue and the anchor nearest to it."""
    rows = []
    pooled = study.pooled()
    for issue in study.scenario.issues:
        p = pooled[issue.id]
        nearest = min(issue.anchors, key=lambda a: abs(a - p["median"]))
        rows.append([issue.id, f"{p['median']:.0f} ({p['p10']:.0f}-{p['p90']:.0f})", f"{nearest:g}: {issue.anchors[nearest]}"])
    print_table(["issue", "all models", "nearest anchor"], rows, title="What the models expect: all models' draws pooled, and the nearest labelled point")


def _decided_by(r: Any) -> str:
    if r.decisive is None:
        return "-"
    return f"{r.decisive} {max(0.0, r.verdict(r.decisive).swing):.0%}"


def _plans_table(results: list[Any], scenario: Any, base: dict[str, float] | None = None) -> None:
    columns = ["plan", "support", "spread", "all accept", "decided by", *scenario.actor_codes]
    if base is not None:
        columns.insert(2, "vs base")
    rows = []
    for r in results:
        cells = [f"{'yes' if v.accepts else 'no'} {v.margin:+.0f} ({v.p_accept:.0%})" for v in r.verdicts]
        row = [r.plan, f"{r.support:.0%}", f"{r.support_p10:.0%}-{r.support_p90:.0%}", f"{r.unanimity:.0%}", _decided_by(r), *cells]
        if base is not None:
            row.insert(2, f"{100 * (r.support - base.get(r.plan, r.support)):+.0f} pts")
        rows.append(row)
    print_table(columns, rows, title="Peace plans, ranked by capability-weighted acceptance", keep=1)


def _legend(fc: Any, with_plans: bool = True) -> None:
    text = (
        f"{fc.draws} draws, seed {fc.seed}, inputs sha256 {fc.input_hash[:16]}, detente {fc.version}. "
        "Positions are modes on each issue's 0-100 scale (see `detente case show`)."
    )
    if with_plans:
        text += (
            " Plans: yes/no = accepts at the modes (plan at least as good as the status quo); the number is the margin in "
            "salience-weighted scale points; (%) = share of draws in which the actor accepts; support = capability-weighted acceptance; "
            "spread = its 10th-90th percentile over draws; decided by = the actor whose uncertain acceptance moves support most "
            "(its share of the variance)."
        )
    notes = []
    for model, diag in fc.diagnostics.items():
        share = diag.get("converged_share")
        if share is not None and share < 1.0:
            notes.append(f"{model}: {share:.0%} of draws converged (the rest stopped at {diag.get('max_rounds')} rounds)")
    if notes:
        text += " Convergence: " + "; ".join(notes) + "."
    if output.console.is_terminal:
        output.console.print(text, style="dim", highlight=False, emoji=False)
    else:
        err_console.print(text, highlight=False, soft_wrap=True, emoji=False)


def _export(study: Any, out: Path | None, table: str) -> None:
    if out is None:
        return
    from detente.report.export import write_table

    write_table(study.to_frame(table), out, study.provenance())
    err_console.print(f"{table} table written to {out}", highlight=False)


def _check_table(table: str) -> str:
    from detente.bargaining.study import TABLES

    if table not in TABLES:
        raise InputError(f"no table '{table}'", field="--table", hint=f"choose one of: {', '.join(TABLES)}")
    return table


def forecast_command(
    ctx: typer.Context,
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    model: list[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    draws: int = typer.Option(2000, "--draws", "-n", min=1, help="Monte Carlo draws per model."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed; the same seed gives identical output."),
    variant: str = typer.Option(None, "--variant", "-v", help="Apply a named variant and show each issue's shift from the base case."),
    setting: list[str] = typer.Option(None, "--set", help=SET_HELP),
    param: list[str] = typer.Option(None, "--param", "-p", help=PARAM_HELP),
    spread: float = typer.Option(0.0, "--spread", min=0.0, help="Uncertainty for point inputs (e.g. KTAB files): positions drawn within +-SPREAD scale points, saliences within +-SPREAD/100, capabilities within +-SPREAD%. Ranges in the file are kept."),
    plans: bool = typer.Option(True, "--plans/--no-plans", help="Also test the scenario's peace plans."),
    drivers: bool = typer.Option(False, "--sensitivity", help="Also show which uncertain inputs drive each issue's forecast (rank correlations)."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document (forecast, provenance, plans)."),
    plot: str = typer.Option(None, "--plot", help="Also draw the forecast distributions to this file (.png, .svg, .pdf)."),
    out: str = typer.Option(None, "--out", "-o", help=OUT_HELP),
    table: str = typer.Option("forecast", "--table", help="What --out writes: forecast (per model and issue), draws (every Monte Carlo outcome), pooled, positions, shifts or plans."),
    force: bool = typer.Option(False, "--force", help="Replace --plot or --out files that exist already."),
) -> None:
    """Forecast where a negotiation lands: each model's median and 80% interval per issue.

    With no options, runs the default models on the built-in case us-russia-2025 (a settlement
    of the war in Ukraine, spring 2025), shows the forecasts beside each actor's position,
    then which peace plans each actor would accept.

    Examples:

      detente forecast

      detente forecast --variant us-withdraws-support --model median --model nash

      detente forecast --set RUS.territory.position=60 --set EUR.guarantees.salience=0.9

      detente forecast --case my-case.yaml --draws 5000 --seed 7 --plot forecast.png

      detente forecast --out draws.parquet --table draws
    """
    if given(ctx, "table") and not out:
        raise InputError("needs --out: it says what --out writes", field="--table",
                         hint="add --out FILE.csv or FILE.parquet, or drop --table")
    with smp_kernel_prestarted(_runs_smp(model, param)):
        _forecast(case, model, draws, seed, variant, setting, param, spread, plans, drivers, json_out, plot, out, table, force)


def _forecast(
    case: str | None, model: list[str] | None, draws: int, seed: int, variant: str | None, setting: list[str] | None,
    param: list[str] | None, spread: float, plans: bool, drivers: bool, json_out: bool, plot: str | None, out: str | None,
    table: str, force: bool,
) -> None:
    """The body of `detente forecast` (see `forecast_command`)."""
    from detente.bargaining.study import check_params, parse_params, parse_setting, run_study
    from detente.cases import resolve_case

    params = parse_params(param)
    models = list(dict.fromkeys(model)) if model else None
    check_params(params, models, flag="--param")
    _check_table(table)
    if out and table == "plans" and not plans:
        raise InputError("--table plans with --no-plans would write an empty table", field="--table plans", hint="drop --no-plans, or choose another --table")
    if out and table == "shifts" and not variant and not setting:
        raise InputError("there are no shifts without a change to the case", field="--table shifts", hint="add --variant NAME or --set ..., or choose another --table")
    plot_path, out_path = check_outputs(plot, out, force)
    scenario = resolve_case(case)
    target = scenario.with_variant(variant)
    settings = [parse_setting(target, item) for item in setting or []]
    with model_progress() as (on_run, on_model):
        study = run_study(
            scenario, models=models, draws=draws, seed=seed, params=params, variant=variant, plans=plans,
            settings=settings, spread=spread, sensitivity=drivers, on_model=on_model, on_run=on_run,
        )
    fc, scenario = study.forecast, study.scenario
    if plot_path is not None:
        from detente.report.plots import plot_forecast

        plot_forecast(fc, scenario, plot_path)
    _export(study, out_path, table)
    notes(study)
    if json_out:
        doc = study.to_dict()
        if plot:
            doc["plot"] = plot
        if out:
            doc["out"] = out
        print_json(doc)
        return
    _forecast_table(fc, scenario)
    if len(fc.models) > 1:
        _reading_table(study)
    if study.sensitivity is not None:
        print_table(
            ["issue", "inputs that move the forecast most (Spearman rho, averaged over models)"],
            [[i, "; ".join(f"{name} {rho:+.2f}" for name, rho in pairs) or "(no uncertain inputs)"] for i, pairs in study.sensitivity.items()],
            title="Sensitivity: narrowing these ranges would narrow the forecast most",
        )
    if study.changed:
        by = {(s.model, s.issue): s for s in study.shifts}
        rows = [
            [i, *(f"{by[(m, i)].base_median:.0f} -> {by[(m, i)].variant_median:.0f} ({by[(m, i)].shift:+.1f})" for m in fc.models)]
            for i in scenario.issue_ids
        ]
        what = []
        if variant:
            what.append(f"variant '{variant}' ({study.base_scenario.variants[variant].title})")
        if study.settings:
            what.append("what-if " + ", ".join(s.text for s in study.settings))
        print_table(["issue", *(MODEL_SHORT.get(m, m) for m in fc.models)], rows, title=f"{' + '.join(what)}: base -> changed median (shift)", keep=1)
    if study.plans:
        _plans_table(study.plans, scenario, {r.plan: r.support for r in study.base_plans} if study.changed else None)
    _legend(fc, bool(study.plans))
    if plot_path is not None:
        err_console.print(f"plot written to {plot_path}", highlight=False)


def plans_command(
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    plan: str = typer.Option(None, "--plan", help="Show one plan in detail: each actor's utility under it, the status quo and the forecast."),
    plan_spec: str = typer.Option(None, "--plan-spec", help='Test an ad-hoc plan given as ISSUE=VALUE pairs, e.g. "territory=50,nato=0,guarantees=75" (issues left out keep their status quo; a note says which). Ranked among the case\'s plans as `ad-hoc`.'),
    variant: str = typer.Option(None, "--variant", "-v", help="Test the plans under a named variant."),
    setting: list[str] = typer.Option(None, "--set", help=SET_HELP),
    model: list[str] = typer.Option(None, "--model", "-m", help="Models whose pooled median is the reference forecast. Default: all."),
    draws: int = typer.Option(2000, "--draws", "-n", min=1, help="Monte Carlo draws."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: str = typer.Option(None, "--plot", help="Also draw the plan-by-actor verdicts to this file (.png, .svg, .pdf)."),
    out: str = typer.Option(None, "--out", "-o", help="Also write the plan table (one row per plan and actor) to FILE.csv or FILE.parquet, with the provenance in the file's metadata."),
    force: bool = typer.Option(False, "--force", help="Replace --plot or --out files that exist already."),
) -> None:
    """Rank a case's peace plans by how widely they are accepted, weighted by capability.

    An actor accepts a plan if it is at least as good for it as the status quo
    (salience-weighted distance to its positions); the test runs on every Monte Carlo
    draw, so each verdict comes with the share of draws in which it holds, each plan's
    support with its spread over draws, and the actor who decides it.

    Examples:

      detente plans

      detente plans --plan vance-plan

      detente plans --plan-spec "territory=50,nato=0,guarantees=75"

      detente plans --variant europe-offers-guarantees --json

      detente plans --plot plans.png --out plans.csv
    """
    with smp_kernel_prestarted(_runs_smp(model, None)):
        from detente.bargaining.study import ad_hoc_plan, parse_plan_spec, parse_setting, run_study
        from detente.cases import resolve_case

        plot_path, out_path = check_outputs(plot, out, force)
        scenario = resolve_case(case)
        target = scenario.with_variant(variant)
        settings = [parse_setting(target, item) for item in setting or []]
        extra = {}
        if plan_spec is not None:
            extra["ad-hoc"] = parse_plan_spec(plan_spec)
            ad_hoc_plan(target, "ad-hoc", extra["ad-hoc"])  # check the issues and values now
        if plan is not None and plan not in target.plans and plan not in extra:
            import difflib

            close = difflib.get_close_matches(plan, list(target.plans), n=1)
            raise InputError(f"unknown plan '{plan}'", field="--plan", hint=(f"did you mean '{close[0]}'? " if close else "") + f"plans: {', '.join([*target.plans, *extra]) or '(none)'}")
        if not target.plans and not extra:
            raise InputError(f"the case '{target.name}' defines no peace plans", field="--case", hint='add a `plans:` section (see docs/how-to/test-a-peace-plan.md) or give one with --plan-spec "ISSUE=VALUE,..."')
        with model_progress() as (on_run, on_model):
            study = run_study(
                scenario, models=list(model) if model else None, draws=draws, seed=seed, variant=variant, settings=settings,
                plans=[plan] if plan else True, extra_plans=extra, on_model=on_model, on_run=on_run,
            )
        fc, scenario, results = study.forecast, study.scenario, study.plans
        if plot_path is not None:
            from detente.report.plots import plot_plans

            changed = f", variant: {scenario.variant}" if scenario.variant else ""
            plot_plans(results, scenario, plot_path, title=f"{scenario.title}{changed}: which plans each actor accepts")
        _export(study, out_path, "plans")
        notes(study)
        if json_out:
            doc = {
                **fc.provenance(),
                "reference_forecast": dict(zip(fc.issues, fc.ensemble().tolist())),
                "plans": [r.to_dict() for r in results],
                "notes": study.notes,
                "provenance": study.provenance(),
            }
            print_json(doc)
            return
        if plan:
            r = next(x for x in results if x.plan == plan)
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
                ["actor", "accepts", "P(accept)", "swing", "u(plan)", "u(status quo)", "u(forecast)", "margin", "vs forecast"],
                [
                    [v.actor, "yes" if v.accepts else "no", f"{v.p_accept:.0%}", f"{max(0.0, v.swing):.0%}", f"{v.utility_plan:.3f}", f"{v.utility_status_quo:.3f}", f"{v.utility_forecast:.3f}", f"{v.margin:+.1f}", f"{v.margin_vs_forecast:+.1f}"]
                    for v in r.verdicts
                ],
                title=(
                    f"support {r.support:.0%} (capability-weighted; {r.support_p10:.0%}-{r.support_p90:.0%} over draws), all accept in {r.unanimity:.0%} of draws; "
                    + (f"decided by {r.decisive}" if r.decisive else "no verdict varies across draws")
                ),
                keep=1,
            )
        else:
            _plans_table(results, scenario)
        _legend(fc)


def register(app: typer.Typer) -> None:
    """Add `forecast` and `plans` to the app."""
    app.command("forecast")(forecast_command)
    app.command("plans")(plans_command)
