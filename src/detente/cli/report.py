"""CLI command: `detente report`, the whole analysis of a case as one HTML file.

Parses and checks every option before any work, runs the studies and reads the events
through the library (`detente.report.html`), and writes the file atomically.
"""

from __future__ import annotations

from pathlib import Path

import typer

from detente.cli.forecast import CASE_HELP, MODEL_HELP, PARAM_HELP
from detente.cli.output import err_console, print_json
from detente.errors import InputError

FREQS = ("month", "quarter", "year")


def report_command(
    out: str = typer.Option(..., "--out", "-o", help="The HTML file to write (.html)."),
    case: str = typer.Option(None, "--case", "-c", help=CASE_HELP),
    db: Path = typer.Option(None, "--db", help="DuckDB event store for the relations section. Default: $DETENTE_DB, else ./detente.duckdb, else the built-in us-russia-2025 timeline."),
    timeline: Path = typer.Option(None, "--timeline", help="Your own timeline YAML for the relations section, instead of a store."),
    parquet: Path = typer.Option(None, "--parquet", metavar="DIR", help="A Parquet event dataset for the relations section (read with Dask DataFrame), instead of a store."),
    scheduler: str = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Read the --parquet dataset on this Dask cluster. Default: $DETENTE_SCHEDULER, else local threads."),
    variant: list[str] = typer.Option(None, "--variant", "-v", help="Variant to show (repeatable). Default: every variant of the case."),
    no_variants: bool = typer.Option(False, "--no-variants", help="Show no variants."),
    model: list[str] = typer.Option(None, "--model", "-m", help=MODEL_HELP),
    draws: int = typer.Option(2000, "--draws", "-n", min=1, help="Monte Carlo draws per model."),
    seed: int = typer.Option(2025, "--seed", "-s", help="Root seed; the same seed gives identical figures."),
    param: list[str] = typer.Option(None, "--param", "-p", help=PARAM_HELP),
    freq: str = typer.Option("quarter", "--freq", help="Period length of the relations and triangle charts: month, quarter or year."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it exists already."),
    json_out: bool = typer.Option(False, "--json", help="Print what was written (path, size, case, data, seed, draws, input hash) as JSON."),
) -> None:
    """Write the whole analysis of a case (forecast, variants, plans, relations, triangle) as one self-contained HTML file.

    The file opens in any browser with no network: the charts are Plotly figures with
    plotly.js inlined. Its header names the case, the data, the seed, the models'
    parameters, the input hash and the detente version.

    Examples:

      detente report --out report.html

      detente report --case my-case.yaml --db events.duckdb --variant us-adds-sanctions --out my-report.html
    """
    from detente.bargaining.params import check_params, parse_params
    from detente.bargaining.study import resolve_scenario
    from detente.files import check_output
    from detente.report.html import read_relations, write_report

    target = check_output(out, flag="--out", suffixes=[".html", ".htm"], overwrite=force)
    if freq not in FREQS:
        raise InputError(f"unknown period '{freq}'", field="--freq", hint=f"choose one of: {', '.join(FREQS)}")
    if no_variants and variant:
        raise InputError("--no-variants and --variant contradict each other", field="--no-variants", hint="give one of them")
    params = parse_params(param)
    models = list(dict.fromkeys(model)) if model else None
    check_params(params, models, flag="--param")
    from detente.relations.sources import choose_source

    # --db, --parquet or --timeline, else $DETENTE_DB, else ./detente.duckdb, else the built-in timeline
    choice = choose_source(db, timeline, parquet=parquet, scheduler=scheduler)
    from detente.optional import require

    require("plotly", extra="web", purpose="detente report (Plotly charts)")
    require("jinja2", extra="web", purpose="detente report (Jinja2 templates)")
    scenario = resolve_scenario(case)
    names = [] if no_variants else (list(dict.fromkeys(variant)) if variant else None)
    for name in names or []:
        scenario.with_variant(name)  # unknown names fail here, naming the choices
    relations, notes = read_relations(choice, scenario.actor_codes, freq=freq)
    for note in notes:
        err_console.print(f"note: {note}")
    status = err_console.status("building the report", spinner="dots") if err_console.is_terminal else None
    if status is not None:
        status.start()
    try:
        path = write_report(
            target, scenario, variants=names, relations=relations, models=models, draws=draws, seed=seed, params=params,
            on_run=(lambda label: status.update(f"building the report: {label}")) if status is not None else None,
        )
    finally:
        if status is not None:
            status.stop()
    if json_out:
        print_json({"out": str(path), "bytes": path.stat().st_size, "case": scenario.name, "data": f"data: {relations.description}", "seed": seed, "draws": draws, "input_hash": scenario.input_hash()})
        return
    err_console.print(f"report written to {path} ({path.stat().st_size / 1e6:.1f} MB; opens offline in any browser)", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command("report")(report_command)
