"""The `detente` app: the command table, lazy loading, and the one error boundary.

Library errors (`detente.errors.DetenteError`) and usage errors (a bad flag, a missing
argument) become exit code 2 and one line on stderr here, and only here.

Commands are loaded lazily: `COMMANDS` maps each top-level command to the module that
registers it, so `detente --version` imports no command module and `detente forecast`
imports only `detente.cli.forecast` (and what it needs). A test checks that the short
help in the table matches each command's own docstring.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from detente import __version__
from detente.cli import _coercion
from detente.errors import DetenteError

try:  # typer >= 0.20 parses with its own copy of click; its errors are those classes
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module that registers it with `register(app)`, short help for `detente --help`)
    "forecast": ("detente.cli.forecast", "Forecast where a negotiation lands: each model's median and 80% interval per issue."),
    "plans": ("detente.cli.forecast", "Rank a case's peace plans by how widely they are accepted, weighted by capability."),
    "report": ("detente.cli.report", "Write the whole analysis of a case (forecast, variants, plans, relations, triangle) as one self-contained HTML file."),
    "sensitivity": ("detente.cli.sensitivity", "Which inputs each issue's forecast depends on: one-at-a-time tornado, Morris or Sobol indices."),
    "levers": ("detente.cli.sensitivity", "Lever search inside the model: the input changes that move the forecast most toward one actor's ideal."),
    "case": ("detente.cli.case", "Scenario files and built-in cases: validate, list, inspect."),
    "backtest": ("detente.cli.backtest", "Backtest the bargaining models against real negotiation outcomes."),
    "events": ("detente.cli.events", "Import event data (GDELT, ICEWS, PLOVER, CSV/Parquet) into an event store, list, export it."),
    "relations": ("detente.cli.relations", "How cooperative or hostile relations between A and B were, period by period, where they turned, and why."),
    "shifts": ("detente.cli.relations", "Change points in the A-B relation: dated, with levels before and after, size and the events behind each."),
    "triangle": ("detente.cli.relations", "Dittmer's strategic triangle per period: ménage à trois, romantic triangle (with its pivot), stable marriage or unit veto."),
    "code": ("detente.cli.code", "Code news text into events (who did what to whom, when), or train the classifier."),
    "serve": ("detente.cli.serve", "Open the analyst's workspace: a local web app with the overview, events, relations, triangle, forecast and text coding."),
    "info": ("detente.cli.info", "Version, Python, and which optional components are installed (with the command to add each)."),
}
"""The order here is the order in `detente --help`."""


def _plain_help(command: click.Command) -> None:
    """Plain help on the whole tree: flags as `--json`, values as `--case CASE`, no boxes."""
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None  # type: ignore[attr-defined]
    for param in command.params:
        if param.param_type_name == "option" and not getattr(param, "is_flag", False) and param.metavar is None and param.name:
            param.metavar = param.name.upper()
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


class DetenteGroup(TyperGroup):
    """Top-level group: loads each command on first use and owns the error boundary."""

    _loaded: dict[str, click.Group] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name = COMMANDS[cmd_name][0]
        group = self._loaded.get(module_name)
        if group is None:
            sub = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
            importlib.import_module(module_name).register(sub)
            group = typer.main.get_group(sub)
            _plain_help(group)
            _coercion.install(group)  # values that need no conversion skip typer's pydantic adapters
            self._loaded[module_name] = group
        return group.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, short) for name, (_, short) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DetenteError as exc:
            click.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Run without click's standalone handling, so every usage error is one line and exit 2."""
        kwargs["standalone_mode"] = False
        _coercion.install(self)  # its own options (the commands get it as they load)
        try:
            rc = super().main(*args, **kwargs)
        except click_errors.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "detente"
            click.echo(f"error: {exc.format_message()} (fix: see `{where} --help`)", err=True)
            sys.exit(2)
        except click_errors.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except (typer.Abort, KeyboardInterrupt):
            click.echo("aborted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader went away (`detente ... | head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        sys.exit(rc if isinstance(rc, int) else 0)


app = typer.Typer(
    cls=DetenteGroup,
    name="detente",
    help="Track and forecast relations between great powers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """detente: events, relations and negotiation forecasts for great-power politics."""


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:2] in (["forecast"], ["plans"]):  # their SMP kernel loads while typer parses
        from detente.cli.forecast import prestart_kernel_early

        prestart_kernel_early(sys.argv[2:])
    app()


if __name__ == "__main__":
    main()
