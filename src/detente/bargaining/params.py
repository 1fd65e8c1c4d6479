"""Model parameters as users type them: ``--param MODEL.NAME=VALUE``, checked before any model runs.

Values are read as YAML scalars (``0.5``, ``true``, ``loser``). :func:`check_params`
holds every name and value against the model's own keyword parameters: an unknown
model, a parameter the model does not take, or a value of the wrong type is an
:class:`~detente.errors.InputError` naming the flag, the nearest name and an example.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from detente.bargaining.montecarlo import available_models, check_models, default_models
from detente.errors import InputError


def parse_params(items: Sequence[str] | None, *, flag: str = "--param") -> dict[str, dict[str, Any]]:
    """['expected_utility.q=0.5'] -> {'expected_utility': {'q': 0.5}} (values read as YAML scalars)."""
    params: dict[str, dict[str, Any]] = {}
    if not items:
        return params
    import yaml

    for item in items:
        key, sep, raw = item.partition("=")
        model, dot, name = key.strip().partition(".")
        if not sep or not dot or not model or not name:
            raise InputError(f"cannot read parameter '{item}'", field=flag, hint="write MODEL.NAME=VALUE, e.g. expected_utility.q=0.5")
        try:
            value = yaml.safe_load(raw) if raw.strip() else None
        except yaml.YAMLError:
            value = raw
        if value is None:
            raise InputError(f"parameter '{key}' has no value", field=flag, hint=f"write {key}=VALUE")
        params.setdefault(model, {})[name] = value
    return params


def _type_ok(value: Any, annotation: Any, default: Any) -> tuple[bool, str]:
    """Whether `value` fits a parameter's annotation (or its default's type); and a description of what fits."""
    if typing.get_origin(annotation) is typing.Literal:
        choices = typing.get_args(annotation)
        return value in choices, "one of " + ", ".join(map(str, choices))
    kind = annotation if isinstance(annotation, type) else type(default) if default is not None else None
    if kind is bool:
        return isinstance(value, bool), "true or false"
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool), "a whole number"
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and bool(np.isfinite(value)), "a number"
    if kind is str:
        return isinstance(value, str), "a word"
    return True, "any value"


def check_params(params: Mapping[str, Mapping[str, Any]] | None, models: Sequence[str] | None, *, flag: str = "params") -> None:
    """Check model names, parameter names and value types against each model's keyword parameters.

    Raises InputError naming `flag` and the fix, before any model runs.
    """
    from detente.bargaining.models.base import MODELS

    known = available_models()
    running = check_models(list(models) if models else default_models())
    for model, values in (params or {}).items():
        if model not in known:
            close = difflib.get_close_matches(model, known, n=1)
            hint = f"did you mean '{close[0]}'? models: {', '.join(known)}" if close else f"models: {', '.join(known)}"
            raise InputError(f"no model '{model}'", field=f"{flag} {model}", hint=hint)
        if model not in running:
            raise InputError(f"parameters given for model '{model}', which is not being run", field=f"{flag} {model}", hint=f"add --model {model}, or drop the parameter")
        fn = MODELS[model]
        import inspect

        signature = inspect.signature(fn)
        try:
            hints = typing.get_type_hints(fn)
        except Exception:  # an unresolvable annotation: fall back to the defaults' types
            hints = {}
        accepted = {
            n: p for n, p in signature.parameters.items() if p.default is not inspect.Parameter.empty and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        }
        for name, value in values.items():
            if name not in accepted:
                close = difflib.get_close_matches(name, list(accepted), n=1)
                choices = ", ".join(accepted) or "(none)"
                hint = f"did you mean '{close[0]}'? {model} takes: {choices}" if close else f"{model} takes: {choices}"
                raise InputError(f"model '{model}' has no parameter '{name}'", field=f"{flag} {model}.{name}", hint=hint)
            ok, wanted = _type_ok(value, hints.get(name), accepted[name].default)
            if not ok:
                raise InputError(
                    f"'{value}' is not a valid value",
                    field=f"{flag} {model}.{name}",
                    hint=f"give {wanted}, e.g. {model}.{name}={accepted[name].default}",
                )
