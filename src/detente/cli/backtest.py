"""CLI commands: `detente backtest deu FILE` (models vs baselines on DEU III)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from detente.cli.options import given
from detente.cli.output import err_console, print_json, print_table
from detente.errors import InputError

backtest_app = typer.Typer(
    help="Backtest the bargaining models against real negotiation outcomes.",
    no_args_is_help=True,
)


@contextmanager
def _model_progress(shown: bool) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr naming the model that runs (``on_model``), or no callback when not shown."""
    if not shown:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("models", total=None)
        yield lambda name: progress.update(task, description=name)


def _interval(low: float, high: float) -> str:
    return "" if low != low else f"{low:.2f} to {high:.2f}"  # NaN when not bootstrapped


@backtest_app.command("deu")
def deu(
    ctx: typer.Context,
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
    cv: int | None = typer.Option(
        None,
        "--cv",
        help="Also cross-validate: K folds grouped by proposal; prints the out-of-fold MAE of the models "
        "with tuned parameters and of choosing the best model, next to the in-sample MAE.",
    ),
    repeats: int = typer.Option(10, "--repeats", help="With --cv: random fold assignments to average over."),
    bootstrap: int = typer.Option(
        2000, "--bootstrap", help="Cluster-bootstrap resamples (by proposal) for the intervals; 0 for none."
    ),
    seed: int = typer.Option(2025, "--seed", help="Seed of the bootstrap and of the fold assignments."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    per_issue: Path | None = typer.Option(
        None, "--per-issue", help="Also write every forecast, one row per issue and method, to this CSV file."
    ),
) -> None:
    """Mean absolute error of each model against the adopted outcomes, next to the baselines.

    Baselines: the unweighted mean of positions, the capability x salience weighted mean (the one to beat) and the median position. For each method: its MAE with a 95% interval, the paired difference from the weighted mean with its interval, and the share of issues where it is closer to the outcome (intervals: bootstrap over proposals).

    Lines that do not parse are reported on stderr and skipped. An actor without a position is absent from that issue; a missing salience counts as 50. See docs/how-to/backtest-on-deu.md.
    """
    from detente.bargaining.backtest import backtest_deu, check_bootstrap, check_folds, cross_validate, read_deu
    from detente.files import atomic_path, check_output

    check_bootstrap(bootstrap, 0.95)
    if cv is None and given(ctx, "repeats"):
        raise InputError("needs --cv K: it sets how many fold assignments the cross-validation averages over",
                         field="--repeats", hint="add --cv K, or drop --repeats")
    if cv is not None:
        check_folds(cv, repeats)
    if per_issue is not None:
        check_output(per_issue, flag="--per-issue", suffixes=[".csv"])
    data = read_deu(file)
    for row in data.skipped:
        err_console.print(f"warning: skipped {row}", markup=False, highlight=False)
    if data.skipped:
        err_console.print(f"warning: {len(data.skipped)} line(s) skipped", markup=False, highlight=False)
    validation = None
    with _model_progress(err_console.is_terminal and not json_out) as show:
        result = backtest_deu(data, models=model or None, on_model=show, bootstrap=bootstrap, seed=seed)
        if cv is not None:
            validation = cross_validate(data, model or None, cv, repeats, seed, on_model=show)
    if per_issue is not None:
        with atomic_path(per_issue) as tmp:
            result.forecasts.to_csv(tmp, index=False)
    if json_out:
        doc = result.to_dict()
        if validation is not None:
            doc["cross_validation"] = validation.to_dict()
        print_json(doc)
        return
    if result.n_with_outcome == 0:
        err_console.print("note: no issue has an outcome: nothing to score", markup=False, highlight=False)
    rows = [
        (
            r.method, r.kind, r.mae, _interval(r.mae_low, r.mae_high), r.diff, _interval(r.diff_low, r.diff_high),
            f"{r.closer:.0%}", r.params,
        )
        for r in result.summary.sort_values(["kind", "mae"], ascending=[True, True]).itertuples()
    ]
    print_table(
        ["method", "kind", "MAE", "95% interval", "vs weighted mean", "95% interval", "closer", "params"],
        rows,
        title=f"DEU backtest: {result.path} ({result.n_with_outcome} of {result.n_issues} issues with an outcome; "
        + (f"intervals from {bootstrap} resamples of proposals, seed {seed})" if bootstrap else "no intervals: --bootstrap 0)"),
        digits=2,
    )
    if validation is not None:
        table = validation.table
        print_table(
            ["method", "kind", "settings", "in-sample MAE", "out-of-fold MAE", "range over repeats", "vs weighted mean",
             "closer", "chosen most often"],
            [
                (r.method, r.kind, r.grid, r.in_sample, r.oof, _interval(r.oof_low, r.oof_high), r.oof_diff,
                 f"{r.closer:.0%}", r.chosen)
                for r in table.itertuples()
            ],
            title=f"Cross-validation: {validation.folds} folds grouped by proposal ({validation.n_groups} proposals), "
            f"{validation.repeats} repeats, seed {validation.seed}; 'selection' picks the best candidate in each fold",
            digits=2,
        )
        if (table["kind"] == "tuned").sum() == 0:
            err_console.print(
                "note: none of the models run has parameters to tune; out-of-fold equals in-sample",
                markup=False, highlight=False,
            )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(backtest_app, name="backtest")
