"""Importers: event datasets (GDELT, ICEWS, PLOVER, CSV/Parquet) to the EventStore's stage.

Each importer is a function ``(con, path, *, file, progress, **options) -> Staged``
that fills the staging tables of :mod:`detente.events.importers.staging` on the
store's connection. ``IMPORTERS`` maps the KIND a user names (``detente events
import KIND FILE``) to its importer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from detente.errors import InputError
from detente.events.importers.gdelt import import_gdelt
from detente.events.importers.icews import import_icews
from detente.events.importers.plover import import_plover
from detente.events.importers.staging import UNKNOWN_ACTOR, Staged
from detente.events.importers.tabular import import_tabular

Importer = Callable[..., Staged]

IMPORTERS: dict[str, Importer] = {
    "gdelt": import_gdelt,
    "icews": import_icews,
    "plover": import_plover,
    "csv": partial(import_tabular, fmt="csv"),
    "parquet": partial(import_tabular, fmt="parquet"),
}
"""KIND -> importer."""

KINDS: tuple[str, ...] = tuple(IMPORTERS)

DIRECT_KINDS: frozenset[str] = frozenset({"gdelt"})
"""KINDs whose importer writes straight into the store through a
:class:`~detente.events.direct.DirectWriter` (one parse, one write) instead of staging."""


def get_importer(kind: str) -> Importer:
    """The importer for a KIND; InputError naming the kinds if unknown."""
    try:
        return IMPORTERS[kind.strip().lower()]
    except KeyError:
        raise InputError(
            f"unknown event file kind {kind!r}", field="kind", hint=f"use one of: {', '.join(KINDS)}"
        ) from None


__all__ = ["DIRECT_KINDS", "IMPORTERS", "KINDS", "UNKNOWN_ACTOR", "Importer", "Staged", "get_importer"]

