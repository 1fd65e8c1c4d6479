"""The `detente` console script's entry point: an early start for the SMP's kernel process.

`detente forecast` and `detente plans` fork a second process that loads numba and the
compiled SMP kernel while this one starts up (`detente.bargaining.models._smp_worker`);
loading it is the longer of the command's two paths, so the sooner the fork, the sooner
the command ends. `detente.cli.main` imports typer, click and rich (about 0.1 CPU s)
before it can fork; this module imports nothing but what the kernel process needs too
(NumPy and the SMP model, which it then inherits instead of importing them again), forks
from the raw words of the command line, and hands over to `detente.cli.main.main`.

The guess from the raw words is checked later: the command confirms it with its parsed
options (`detente.cli.forecast.smp_kernel_prestarted`) and stops the process at once
when the SMP does not run. Nothing is started for `--help`; `detente.cli.main.main`
still prestarts when it is called directly (a second prestart does nothing).
"""

from __future__ import annotations

import sys

#: Commands that may run the SMP, and so want its kernel process early.
KERNEL_COMMANDS = ("forecast", "plans")


def wants_kernel(args: list[str]) -> bool:
    """Whether the words after `detente` name a command that may run the SMP (not its help)."""
    return bool(args) and args[0] in KERNEL_COMMANDS and not any(a in ("--help", "-h") for a in args[1:])


def main() -> None:
    """Console-script entry point: fork the SMP's kernel process when it may be needed, then run the CLI."""
    if wants_kernel(sys.argv[1:]):
        from detente.bargaining.models import _smp_worker, smp  # noqa: F401 - imported before the fork, so the child inherits it

        _smp_worker.prestart()
    from detente.cli.main import main as run

    run()


if __name__ == "__main__":
    main()
