"""Which options a user gave: the project's rule that an ignored setting is an error or a note, never silence.

An option that one mode of a command reads and another does not (`detente code --sentences` stores nothing,
so `--db` means nothing there; `--force` replaces output files, so it needs one) must not be dropped without
a word. Where the combination cannot mean anything, the command raises an :class:`~detente.errors.InputError`
(exit code 2 and one line at the error boundary, `cli/main.py`); where one setting wins, it prints a note on
stderr. An option with a default (`--repeats 10`, `--classifier`) is told apart from one typed by its
parameter source, which is what :func:`given` reads.
"""

from __future__ import annotations

from typing import Any


def given(ctx: Any, name: str) -> bool:
    """True when the option whose parameter is `name` was set on the command line or from the environment
    (not left at its default)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT")
