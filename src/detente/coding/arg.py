"""An argument: the noun phrase in a source or target slot and the actors it names.

The record alone, apart from :mod:`detente.coding.arguments`, which reads it from the parse: the modules that
only carry or compare arguments (:mod:`detente.coding.same_side`, :mod:`detente.coding.fallback_targets`) need
the type and not the reading, as :mod:`detente.coding.candidate` holds a candidate apart from its making.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from detente.coding.context import Actor


@dataclass
class Arg:
    """A noun phrase in a source or target slot and the actors it names."""

    token: Any
    actors: list[Actor]
    span: tuple[int, int]  # char span of the noun phrase in the document (first conjunct)
    whole: tuple[int, int] | None = None  # the whole coordination ("The US and China")
