"""Model specs as users type them: ``expected_utility:q=0.5,confrontation=loser``.

A spec is a registered model's name, then after a colon its keyword parameters. The label
(the spec as given) names the method in every table; the parameters are recorded as given
and, with the model's defaults, as run (:func:`detente.bargaining.montecarlo.model_params`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from detente.errors import InputError


def parse_model_spec(spec: str) -> tuple[str, str, dict[str, Any]]:
    """``"expected_utility:q=0.5,confrontation=loser"`` -> (label, model name, params).

    Values are read as int, then float, then text. Raises InputError on a malformed spec.
    """
    name, _, rest = spec.partition(":")
    name = name.strip()
    params: dict[str, Any] = {}
    for item in filter(None, (p.strip() for p in rest.split(","))):
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise InputError(
                f"model parameter '{item}' is not key=value", field="--model",
                hint="write e.g. --model expected_utility:q=0.5,max_rounds=30",
            )
        params[key.strip()] = _value(value.strip())
    return spec.strip(), name, params


def _value(text: str) -> Any:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def format_params(params: Mapping[str, Any]) -> str:
    """Parameters as one sorted ``key=value,...`` text (a table cell, a fold's choice)."""
    return ",".join(f"{k}={v}" for k, v in sorted(params.items()))
