"""CLI commands: `detente sensitivity` and `detente levers`.

Both parse and validate every option first, open the executor (`--scheduler` or
`DETENTE_SCHEDULER` for a Dask cluster, else a local pool or this process), call one
library function (`detente.bargaining.sensitivity.analyse`,
`detente.bargaining.levers.find_levers`) and render. `SCHEDULER_HELP` and
`chunk_progress` are meant for every command that runs Monte Carlo work.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from detente.cli.output import console, err_console, print_json, print_table

CASE_HELP = "Built-in case name (see `detente case list`) or a scenario file (YAML or KTAB CSV). Default: us-russia-2025."
SCHEDULER_HELP = "Run on an existing Dask cluster at this scheduler address (tcp://HOST:8786). Default: $DETENTE_SCHEDULER, else this machine's cores."


@contextmanager
def chunk_progress(label: str) -> Iterator[Any]:
    """A progress bar over chunks on stderr when it is a terminal (a no-op callback otherwise)."""
    if not err_console.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"), TimeElapsedColumn(), TimeRemainingColumn(), console=err_console, transient=True)
    with progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def _note(text: str) -> None:
    err_console.print(f"[yellow]note:[/] {text}", highlight=False, soft_wrap=True)


def _fmt_range(lo: float, mo: float, hi: float) -> str:
    digits = 2 if max(abs(lo), abs(hi)) <= 1 else 0
    return f"{lo:.{digits}f}-{mo:.{digits}f}-{hi:.{digits}f}"


def sensitivity_command(
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    variant: str = typer.Option(None, "--variant", "-v", help="Analyse the case under a named variant."),
    model: list[str] = typer.Option(None, "--model", "-m", help="Model to run (repeat for several; their forecasts are pooled). Default: every registered model."),
    method: str = typer.Option("oat", "--method", help="oat (one at a time: tornado), morris (elementary effects: mu*, sigma) or sobol (variance shares: S1, ST with 95% intervals)."),
    draws: int = typer.Option(None, "--draws", "-n", help="oat: Monte Carlo draws per input level (default 200); morris: trajectories (default 20); sobol: base samples, a power of two (default 256)."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed; the same seed gives identical output on any executor."),
    spread: float = typer.Option(10.0, "--spread", help="Range for inputs the scenario gives as points: +-SPREAD scale points for positions and status quo, +-SPREAD/100 for salience, +-SPREAD% for capability (0: leave them out)."),
    top: int = typer.Option(10, "--top", min=1, help="Inputs to list overall and per issue."),
    plot: str = typer.Option(None, "--plot", help="Also draw a tornado (oat) or index bars (morris, sobol) to this file (.png, .svg, .pdf)."),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document (every input's indices per issue, rankings, provenance)."),
) -> None:
    """Which inputs each issue's forecast depends on: one-at-a-time tornado, Morris or Sobol indices.

    Every input (each actor's capability, position and salience on each issue, each
    issue's status quo) is swept across its stated range; point values get a default
    spread, named in a note.

    Examples:

      detente sensitivity

      detente sensitivity --method sobol --draws 512 --model compromise --plot sobol.png

      detente sensitivity --case my-case.yaml --method morris --scheduler tcp://10.0.0.5:8786
    """
    from detente.bargaining.executor import open_executor, scheduler_address
    from detente.bargaining.sensitivity import analyse, check_method, model_rows
    from detente.cases import resolve_case
    from detente.errors import InputError
    from detente.files import check_output
    from detente.optional import require

    n = check_method(method, draws)
    if spread < 0:
        raise InputError(f"spread {spread:g} is negative", field="--spread", hint="give 0 or more scale points")
    address = scheduler_address(scheduler)
    if method != "oat":
        require("SALib", extra="scale", purpose=f"--method {method}")
    if plot:
        from detente.optional import pyplot

        check_output(plot, flag="--plot", suffixes=(".png", ".svg", ".pdf"))
        pyplot()
    scenario = resolve_case(case).with_variant(variant)
    models = list(dict.fromkeys(model)) if model else None
    rows = model_rows(scenario, method=method, draws=n, models=models, spread=spread)
    with open_executor(address, rows=rows) as ex, chunk_progress(f"sensitivity ({method})") as progress:
        result = analyse(scenario, method=method, models=models, draws=n, seed=seed, spread=spread, executor=ex, progress=progress)
        where = ex.describe()
    if plot:
        from detente.report.sensitivity import plot_sensitivity

        plot_sensitivity(result, plot, top=min(top, 12))
    if json_out:
        doc = result.to_dict(top)
        doc["executor"] = where
        if plot:
            doc["plot"] = plot
        print_json(doc)
        return
    for text in result.notes:
        _note(text)
    index = result.index
    label = {"swing": "swing (points)", "mu_star": "mu* (points)", "ST": "ST (share)"}[index]
    digits = 3 if index == "ST" else 1
    ranked = result.ranking(top=top)
    rows_out = []
    for rank, (name, value) in enumerate(ranked, start=1):
        j = result.inputs.index(name)
        per = result.indices[index][j]
        most = [result.issues[k] for k in per.argsort()[::-1][:2] if per[k] > 0]
        rows_out.append([rank, name, _fmt_range(result.low[j], result.mode[j], result.high[j]) + (" (default)" if name in result.defaulted else ""), f"{value:.{digits}f}", ", ".join(most)])
    print_table(["rank", "input", "range (low-mode-high)", f"mean {label}", "moves most"], rows_out, title=f"{result.case}{f' / {result.variant}' if result.variant else ''}: the inputs that matter most overall ({result.method})")
    per_issue = []
    for k, issue in enumerate(result.issues):
        cells = []
        for name, value in result.ranking(issue, 3):
            j = result.inputs.index(name)
            if result.method == "oat":
                cells.append(f"{name} {result.indices['effect'][j, k]:+.1f}")
            elif result.method == "morris":
                cells.append(f"{name} {value:.1f} (sigma {result.indices['sigma'][j, k]:.1f})")
            else:
                cells.append(f"{name} {result.indices['S1'][j, k]:.2f}/{value:.2f}+-{result.indices['ST_conf'][j, k]:.2f}")
        per_issue.append([issue, f"{result.baseline[k]:.0f}", "; ".join(cells)])
    what = {
        "oat": "forecast at the input's high minus at its low",
        "morris": "mu* (sigma) in scale points",
        "sobol": "S1/ST+-95% interval, shares of variance",
    }[result.method]
    print_table(["issue", "forecast", f"top inputs: {what}"], per_issue, title="Per issue")
    legend = (
        f"{result.method}: {result.runs} model runs ({', '.join(result.models)}), draws {result.draws}, seed {result.seed}, "
        f"inputs sha256 {result.input_hash[:16]}, on {where}. Ranges are each input's stated (low, mode, high); "
        "see docs/explanation/sensitivity.md for reading the indices and their limits."
    )
    (console if console.is_terminal else err_console).print(legend, style="dim", highlight=False, soft_wrap=True)
    if plot:
        err_console.print(f"plot written to {plot}", highlight=False)


def levers_command(
    actor: str = typer.Argument(..., help="The actor whose ideal the forecast should move toward: a code (RUS), a name (Russia) or an alias (the Kremlin)."),
    issue: str = typer.Option(None, "--issue", "-i", help="Only levers on this issue, judged by the distance to the actor's ideal on it. Default: every issue, salience-weighted."),
    budget: float = typer.Option(10.0, "--budget", "-b", help="Size of each change: scale points for positions, BUDGET/100 for saliences."),
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    variant: str = typer.Option(None, "--variant", "-v", help="Search under a named variant."),
    model: list[str] = typer.Option(None, "--model", "-m", help="Model to run (repeat for several; pooled). Default: every registered model."),
    draws: int = typer.Option(200, "--draws", "-n", min=1, help="Monte Carlo draws per change."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed."),
    top: int = typer.Option(10, "--top", min=1, help="Levers to list."),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Lever search inside the model: the input changes that move the forecast most toward one actor's ideal.

    Tries moving each other actor's position and salience (and the actor's own stated
    position) by --budget, one at a time, and ranks the changes by how many scale
    points closer to the actor's ideal the forecast comes per unit of change. This
    shows what the model responds to; it is not advice about the world.

    Examples:

      detente levers UKR

      detente levers Russia --issue territory --budget 5

      detente levers "the Kremlin" --model expected_utility --json
    """
    from detente.bargaining.executor import open_executor, scheduler_address
    from detente.bargaining.levers import LABEL, find_levers, model_rows, resolve_actor, resolve_issue
    from detente.cases import resolve_case
    from detente.errors import InputError

    if not 0 < budget <= 100:
        raise InputError(f"budget {budget:g} is outside (0, 100]", field="--budget", hint="give the size of each change in scale points, e.g. 10")
    address = scheduler_address(scheduler)
    scenario = resolve_case(case).with_variant(variant)
    code = resolve_actor(scenario, actor)
    issue_id = resolve_issue(scenario, issue) if issue else None
    models = list(dict.fromkeys(model)) if model else None
    rows = model_rows(scenario, issue=issue_id, draws=draws, models=models)
    with open_executor(address, rows=rows) as ex, chunk_progress(f"levers for {code}") as progress:
        result = find_levers(scenario, code, issue=issue_id, budget=budget, models=models, draws=draws, seed=seed, executor=ex, progress=progress)
    if json_out:
        print_json(result.to_dict(top))
        return
    for text in result.notes:
        _note(text)
    where = f" on {issue_id}" if issue_id else ""
    rows_out = []
    for rank, lv in enumerate(result.levers[:top], start=1):
        unit = "x0.01" if lv.kind == "salience" else "pts"
        moved = "; ".join(f"{i} {lv.forecast_before[i]:.1f} -> {lv.forecast_after[i]:.1f}" for i in lv.forecast_before)
        rows_out.append([rank, lv.input, f"{lv.before:.2f} -> {lv.after:.2f}" if lv.kind == "salience" else f"{lv.before:.0f} -> {lv.after:.0f}", f"{lv.gain:+.2f}", f"{lv.gain_per_unit:.3f} per {unit[1:] if unit != 'pts' else 'point'}", moved])
    print_table(
        ["rank", "input", "change", "closer (pts)", "per unit", "forecast before -> after"],
        rows_out,
        title=f"{LABEL}. {result.actor_name} ({result.actor}){where}: forecast {result.distance:.1f} points from its ideal",
    )
    legend = (
        f"{result.tried} changes of size {result.budget:g} tried; models {', '.join(result.models)}; {result.draws} draws, seed {result.seed}, "
        f"inputs sha256 {result.input_hash[:16]}. Ideal = {result.actor}'s position modes"
        + (f" ({', '.join(f'{k} {v:.0f}' for k, v in result.ideal.items())})" if issue_id else "")
        + "."
    )
    (console if console.is_terminal else err_console).print(legend, style="dim", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `sensitivity` and `levers` to the app."""
    app.command("sensitivity")(sensitivity_command)
    app.command("levers")(levers_command)
