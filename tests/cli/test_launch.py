"""detente.cli.launch: the console script forks the SMP's kernel process before the CLI loads."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from detente.cli.launch import wants_kernel


def test_the_kernel_is_wanted_by_forecast_and_plans_only_and_never_for_help() -> None:
    assert wants_kernel(["forecast"])
    assert wants_kernel(["plans", "--case", "x"])
    assert wants_kernel(["forecast", "--model", "smp", "--json"])
    assert not wants_kernel([])
    assert not wants_kernel(["--version"])
    assert not wants_kernel(["report", "--case", "x"])
    assert not wants_kernel(["forecast", "--help"])
    assert not wants_kernel(["plans", "-h"])
    assert not wants_kernel(["--help", "forecast"])


def _run(args: list[str]) -> tuple[str, dict]:
    """`detente ARGS` through the console script's entry point in a fresh interpreter; (stdout,
    what the prestart saw: whether it started, and whether typer had been imported by then)."""
    code = (
        "import json, multiprocessing, sys\n"
        f"sys.argv = ['detente', *{args!r}]\n"
        "from detente.bargaining.models import _smp_worker as w\n"
        "seen = []\n"
        "real = w.prestart\n"
        "w.prestart = lambda: seen.append({'typer': 'typer' in sys.modules, 'started': real()}) or seen[-1]['started']\n"
        "from detente.cli.launch import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(json.dumps({'seen': seen, 'possible': w.can_prestart(), 'running': w.running(),"
        " 'children': len(multiprocessing.active_children())}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def test_the_entry_point_forks_the_kernel_before_typer_loads_and_prints_the_same() -> None:
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    args = ["forecast", "--draws", "300", "--model", "smp", "--model", "median", "--seed", "3", "--json"]
    out, report = _run(args)
    if not report["possible"]:
        pytest.skip("the kernel process cannot start here (not Linux or one CPU)")
    assert report["seen"][0] == {"typer": False, "started": True}  # the early fork, before the CLI
    assert not report["running"] and report["children"] == 0  # none outlives the command
    plain = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['detente', *sys.argv[1:]]\nfrom detente.cli.main import main\nmain()", *args],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(out)["forecast"] == json.loads(plain.stdout)["forecast"]


def test_the_entry_point_starts_nothing_for_other_commands_or_help() -> None:
    _, version = _run(["--version"])
    assert version["seen"] == [] and version["children"] == 0
    _, helped = _run(["forecast", "--help"])
    assert helped["seen"] == [] and helped["children"] == 0
