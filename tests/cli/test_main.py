"""The app's boundary: version, help, and DetenteError -> exit 2 with one line."""

from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("detente ")


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_command_table_matches_each_commands_own_help() -> None:
    """The lazy table's short help is the first line of each command's help (no drift)."""
    import click
    import typer

    from detente.cli.main import COMMANDS

    group = typer.main.get_command(app)
    ctx = click.Context(group)
    for name, (_, short) in COMMANDS.items():
        command = group.get_command(ctx, name)
        assert command is not None, name
        first = (command.help or "").strip().splitlines()[0]
        assert first == short, name


def test_usage_errors_are_one_line_with_exit_2() -> None:
    for args in (["forecast", "--json", "true"], ["forecast", "--draws", "x"], ["no-such-command"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), result.output
        assert "╭" not in result.output and "--help" in lines[0]


def test_flags_show_without_a_type_in_help() -> None:
    result = runner.invoke(app, ["forecast", "--help"])
    assert "--json " in result.output and "<bool>" not in result.output


def test_version_imports_no_command_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.argv = ['detente', '--version']\n"
        "from detente.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pandas', 'duckdb', 'spacy', 'matplotlib', 'detente.cli.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['detente.cli._coercion', 'detente.cli.main']", out
