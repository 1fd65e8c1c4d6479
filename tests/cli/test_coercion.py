"""detente.cli._coercion: values that need no conversion skip typer's pydantic adapters,
and give exactly what typer's own converter gives."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest
import typer
from typer._click.core import Context, ParameterSource
from typer._coercion import build_runtime_param

from detente.cli import _coercion
from detente.cli.main import COMMANDS, app


def _groups() -> list:
    """Every command module's click group, built as the app builds it (with the stand-in)."""
    groups = []
    for module_name in sorted({module for module, _ in COMMANDS.values()}):
        sub = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
        importlib.import_module(module_name).register(sub)
        group = typer.main.get_group(sub)
        _coercion.install(group)
        groups.append(group)
    return groups


def _commands(command) -> list:
    subs = getattr(command, "commands", {})
    return [command] if not subs else [c for s in subs.values() for c in _commands(s)]


def _outcome(fn):
    try:
        return ("value", fn())
    except Exception as exc:  # noqa: BLE001 - the error is part of what must agree
        return ("error", type(exc).__name__, str(exc))


VALUES = [None, "", "text", " 12 ", "12", "1.5", "x=1", ["a", "b"], ("a",), (), [], 3, 2.5, b"bytes", ["a", 1]]


def test_the_stand_in_gives_what_typer_gives_for_every_option_of_every_command() -> None:
    checked = 0
    for group in _groups():
        for command in _commands(group):
            for param in command.params:
                if not hasattr(param, "type_descriptor"):
                    continue
                assert param._runtime_param is _coercion._STAND_IN, (command.name, param.name)
                real = build_runtime_param(param.type_descriptor)
                for source in (ParameterSource.DEFAULT, ParameterSource.COMMANDLINE):
                    for value in [*VALUES, param.default]:
                        ctx = Context(command)
                        ctx.set_parameter_source(param.name, source)
                        want = _outcome(lambda: real.coerce(value, param=param, ctx=ctx))
                        got = _outcome(lambda: _coercion._STAND_IN.coerce(value, param, ctx))
                        param._runtime_param = _coercion._STAND_IN  # a converted value installs typer's own; reset
                        assert got == want, (command.name, param.name, source, value)
                        assert type(got[1]) is type(want[1]), (command.name, param.name, value)
                        checked += 1
    assert checked > 1000


def test_a_value_that_needs_converting_still_gets_typers_checks_and_message() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["forecast", "--draws", "zero"])
    assert result.exit_code == 2
    assert "--draws" in result.output and "valid integer" in result.output
    result = CliRunner().invoke(app, ["forecast", "--draws", "0"])
    assert result.exit_code == 2 and "--draws" in result.output


def test_a_default_forecast_never_imports_pydantic() -> None:
    """The point of the stand-in: `detente forecast` with text options only (the common
    case) converts nothing, so pydantic (about 0.1 CPU s to import) stays out."""
    code = (
        "import sys\n"
        "sys.argv = ['detente', 'forecast', '--model', 'compromise', '--case', 'us-russia-2025', '--json']\n"
        "from detente.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["models"] == ["compromise"]
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_install_leaves_parameters_typer_did_not_make_alone() -> None:
    import click

    command = click.Command("plain", params=[click.Option(["--n"], type=int)])
    _coercion.install(command)
    assert not hasattr(command.params[0], "_runtime_param")


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
