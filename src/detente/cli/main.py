"""The `detente` app: registers every command group and owns the error boundary.

Library errors (`detente.errors.DetenteError`) become exit code 2 and one line on
stderr here, and only here.
"""

from __future__ import annotations

import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from detente import __version__
from detente.errors import DetenteError


class DetenteGroup(TyperGroup):
    """Top-level group that turns a DetenteError from any command into exit code 2 and one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DetenteError as exc:
            click.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None


app = typer.Typer(
    cls=DetenteGroup,
    name="detente",
    help="Track and forecast relations between great powers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


def _register_all() -> None:
    """Each command module exposes `register(app)`; the order here is the order in --help."""
    from detente.cli import backtest, case, code, events, forecast, relations

    for module in (forecast, case, backtest, events, relations, code):
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    sys.exit(main())
