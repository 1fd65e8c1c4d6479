"""CLI command: `detente serve`, the analyst's workspace as a local web app.

Parses and checks every option (host, port, token, case, store) before anything
starts, builds the app with :func:`detente.web.create_app` and serves it with uvicorn.
It binds to the loopback interface unless told otherwise, prints its address and
opens no browser. Any other host needs a token (``--token`` or ``$DETENTE_TOKEN``),
which every request must then carry.
"""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

import typer

from detente.errors import InputError

LOOPBACK_NAMES = ("localhost",)
MIN_TOKEN = 16


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str) -> str:
    """A host to bind: an IP address or a plain host name; InputError otherwise."""
    text = host.strip()
    try:
        ipaddress.ip_address(text.strip("[]"))
        return text.strip("[]")
    except ValueError:
        pass
    labels = text.split(".")
    if not text or len(text) > 253 or not all(lbl and len(lbl) <= 63 and lbl.replace("-", "").isalnum() for lbl in labels):
        raise InputError(f"'{host}' is not a host name or IP address", field="--host", hint="e.g. --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface, with --token)")
    return text


def check_token(token: str | None, host: str) -> str | None:
    """The token to require: needed for any non-loopback host, at least 16 characters when given."""
    if token is not None:
        token = token.strip()
        if len(token) < MIN_TOKEN:
            raise InputError(f"the token has {len(token)} characters, fewer than {MIN_TOKEN}", field="--token",
                             hint="use a long random one: python3 -c 'import secrets; print(secrets.token_urlsafe())'")
        return token
    if not is_loopback(host):
        raise InputError(
            f"refusing to serve on {host} without a token: anyone who can reach this machine could read the workspace",
            field="--host",
            hint=f"add --token TOKEN (or set DETENTE_TOKEN), e.g. --token {secrets.token_urlsafe(18)}; or keep the default --host 127.0.0.1",
        )
    return None


def register(app: typer.Typer) -> None:
    """Add `serve` to the app."""

    @app.command("serve")
    def serve(
        case: str = typer.Option(None, "--case", "-c", help="Built-in case name or scenario file (YAML or KTAB CSV). Default: us-russia-2025."),
        db: Path = typer.Option(None, "--db", help="DuckDB event store to show (read-only; coded events are stored here only when you ask). Default: the built-in timeline."),
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind. Default 127.0.0.1 (this machine only); any other host needs --token."),
        port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="Port to listen on."),
        token: str = typer.Option(None, "--token", envvar="DETENTE_TOKEN", show_envvar=True, help="Token every request must carry (at least 16 characters); required off loopback."),
        model: list[str] = typer.Option(None, "--model", "-m", help="Models the forecast page runs by default (repeatable). Default: every model; fewer re-run faster."),
        draws: int = typer.Option(1000, "--draws", "-n", min=100, max=10000, help="Monte Carlo draws per model on the forecast page."),
    ) -> None:
        """Open the analyst's workspace: a local web app with the overview, events, relations, triangle, forecast and text coding.

        Prints the address and serves until Ctrl-C; opens no browser. Every page has a
        JSON twin under /api (documented at /docs).

        Examples:

          detente serve

          detente serve --db events.duckdb --case my-case.yaml

          detente serve --host 0.0.0.0 --port 8080 --token "$(python3 -c 'import secrets; print(secrets.token_urlsafe())')"
        """
        from detente.optional import require

        bind = check_host(host)
        secret = check_token(token, bind)
        if db is not None and not db.is_file():
            raise InputError("no such event store", field=f"--db {db}", hint=f"import events first: detente events import KIND FILE --db {db}")
        uvicorn = require("uvicorn", extra="web", purpose="detente serve")
        from detente.web import create_app

        web_app = create_app(case=case, db=db, token=secret, models=list(model) if model else None, draws=draws)
        shown = f"[{bind}]" if ":" in bind else bind
        address = f"http://{shown}:{port}/"
        typer.echo(f"detente workspace: {address}{f'?token={secret}' if secret else ''}")
        typer.echo(f"case {web_app.state.workspace.scenario.name}; data: {web_app.state.workspace.data_source()['description']}")
        typer.echo("Ctrl-C stops it.", err=True)
        uvicorn.run(web_app, host=bind, port=port, log_level="warning", access_log=False, server_header=False)


__all__ = ["check_host", "check_token", "is_loopback", "register"]
