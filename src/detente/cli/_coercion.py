"""Option values that need no conversion skip pydantic: a faster start for every command.

Why. Typer (0.20 and later) converts each option's value with a pydantic `TypeAdapter`
that it builds on first use, for every option of the command that runs, even one left
at its default `None`. Importing pydantic and building the adapters costs about 0.1-0.15
CPU s per process: some 15% of `detente forecast` (benchmarks/forecast_process.py), paid
before any work. Most values need no conversion at all: an option left out, a default
that is already of its type, text for a text option.

What. `install(group)` gives each option of a click group built by typer a stand-in for
typer's converter (typer's own attribute `_runtime_param`, which it fills lazily) that
returns, unchanged, exactly what typer's converter would return for

* `None` (an option left out): `None`, or `()` for a repeatable one (typer's own rule);
* the option's default, left at it (parameter source DEFAULT) and of its annotation's
  exact type (`int`, `float`, `str`);
* text for an option annotated `str` or `list[str]` with no custom parser: the text,
  or a list of the texts (typer's adapter for `str` returns a `str` as is).

Anything else (a number typed on the command line, a path, a choice, bytes) goes to
typer's own converter, built on first use as typer would: same values, same messages.
Tests compare the two on every option of every command. With a typer whose internals
differ (no `_runtime_param`), `install` does nothing.
"""

from __future__ import annotations

from typing import Any

_SHORTCUT_TYPES = (int, float, str)


class _ConvertWhenNeeded:
    """Stands in for typer's `RuntimeParam` of one option until a value needs converting."""

    __slots__ = ()

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        descriptor = param.type_descriptor
        annotation = descriptor.annotation
        plain = descriptor.parameter_info.parser is None and descriptor.file_annotation is None
        if plain and annotation is str and type(value) is str:
            return value
        if plain and annotation == list[str] and isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        if (
            plain
            and annotation in _SHORTCUT_TYPES
            and type(value) is annotation
            and value == param.default
            and type(param.default) is annotation
            and _from_default(ctx, param)
        ):
            return value
        param._runtime_param = None  # typer builds and keeps its own converter from here on
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def _from_default(ctx: Any, param: Any) -> bool:
    source = ctx.get_parameter_source(param.name)
    return source is not None and source.name == "DEFAULT"


_STAND_IN = _ConvertWhenNeeded()


def _stand_in(param: Any) -> None:
    if getattr(param, "_runtime_param", False) is None and hasattr(param, "get_runtime_param") and hasattr(param, "type_descriptor"):
        param._runtime_param = _STAND_IN


def install(command: Any) -> None:
    """Give every option and argument of `command` (and its subcommands), and its help
    option (which click makes on first use), the stand-in converter; a no-op for
    parameters that typer did not make (or a typer without the attribute)."""
    for param in getattr(command, "params", []):
        _stand_in(param)
    make_help = getattr(command, "get_help_option", None)
    if make_help is not None and not getattr(make_help, "_detente_stand_in", False):

        def get_help_option(ctx: Any) -> Any:
            option = make_help(ctx)
            if option is not None:
                _stand_in(option)
            return option

        get_help_option._detente_stand_in = True  # type: ignore[attr-defined]
        command.get_help_option = get_help_option
    for sub in getattr(command, "commands", {}).values():
        install(sub)
