"""CLI: `detente info` prints the version, the Python, and which optional components work here."""

from __future__ import annotations

import platform
import sys

import typer

from detente import __version__


def info_command(
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Version, Python, and which optional components are installed (with the command to add each).

    A component that is missing says which extra installs it; one that is installed
    but fails to import names the module, the import error and the fix.
    """
    from detente.cli.output import console, print_json, print_table
    from detente.optional import status

    states = status()
    if json_out:
        print_json(
            {
                "detente": __version__,
                "python": platform.python_version(),
                "executable": sys.executable,
                "platform": platform.platform(),
                "components": [s.to_dict() for s in states],
            }
        )
        return
    console.print(f"detente {__version__}, Python {platform.python_version()} ({sys.executable}), {platform.platform()}", highlight=False)
    rows = [
        [s.name, "yes" if s.available else "no", s.extra, ", ".join(f"{k} {v}" for k, v in s.versions.items()), s.purpose if s.available else f"{s.problem}; fix: {s.fix}"]
        for s in states
    ]
    print_table(["component", "available", "extra", "versions", "what it does / what is wrong"], rows, title="Optional components")


def register(app: typer.Typer) -> None:
    """Add `detente info` to the app."""
    app.command("info")(info_command)
