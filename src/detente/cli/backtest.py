"""CLI commands: `detente backtest deu FILE` (models vs baselines on DEU III)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typer

from detente.cli.output import err_console, print_json, print_table

backtest_app = typer.Typer(
    help="Backtest the bargaining models against real negotiation outcomes.",
    no_args_is_help=True,
)


@backtest_app.command("deu")
def deu(
    file: Path = typer.Argument(
        ...,
        help="A DEU III layout file: tab-separated, header, capability line, one issue per line "
        "(e.g. ../shared/data/deu3_dev.tsv).",
        show_default=False,
    ),
    model: list[str] = typer.Option(
        None,
        "--model",
        "-m",
        help="Model to run, repeatable; parameters after a colon, e.g. "
        "-m expected_utility:q=0.5,confrontation=loser. Default: every registered model.",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    per_issue: Path | None = typer.Option(
        None, "--per-issue", help="Also write every forecast, one row per issue and method, to this CSV file."
    ),
) -> None:
    """Mean absolute error of each model against the adopted outcomes, next to the baselines.

    Baselines: the unweighted mean of positions, the capability x salience weighted mean (the one to beat) and the median position.

    Lines that do not parse are reported on stderr and skipped. An actor without a position is absent from that issue; a missing salience counts as 50. See docs/how-to/backtest-on-deu.md.
    """
    from detente.bargaining.backtest import backtest_deu, read_deu

    data = read_deu(file)
    for row in data.skipped:
        err_console.print(f"warning: skipped {row}", markup=False, highlight=False)
    if data.skipped:
        err_console.print(f"warning: {len(data.skipped)} line(s) skipped", markup=False, highlight=False)
    if err_console.is_terminal and not json_out:
        from rich.progress import Progress

        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("models", total=None)
            result = backtest_deu(data, models=model or None, on_model=lambda m: progress.update(task, description=m))
    else:
        result = backtest_deu(data, models=model or None)
    if per_issue is not None:
        _write_csv_atomic(result.forecasts, per_issue)
    if json_out:
        print_json(result.to_dict())
        return
    summary = result.summary
    target = float(summary.loc[summary["method"] == "weighted_mean", "mae"].iloc[0])
    rows = [
        (r.method, r.kind, r.mae, r.mae - target, r.n_issues, r.params)
        for r in summary.sort_values(["kind", "mae"], ascending=[True, True]).itertuples()
    ]
    print_table(
        ["method", "kind", "MAE", "vs weighted mean", "issues", "params"],
        rows,
        title=f"DEU backtest: {result.path} ({result.n_with_outcome} of {result.n_issues} issues with an outcome)",
        digits=2,
    )


def _write_csv_atomic(frame, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Write to a temporary file beside `path`, then rename (no half-written file on failure)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", newline="") as fh:
            frame.to_csv(fh, index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(backtest_app, name="backtest")
