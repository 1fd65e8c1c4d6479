"""Events: the schema, the DuckDB EventStore and the importers for event datasets.

`EventStore` and `ImportSummary` are re-exported lazily so that importing the schema
alone does not load DuckDB.
"""

from __future__ import annotations

from typing import Any

from detente.events.schema import EVENT_COLUMNS, QUAD_LABELS, Event

__all__ = ["EVENT_COLUMNS", "QUAD_LABELS", "Event", "EventStore", "ImportSummary"]


def __getattr__(name: str) -> Any:
    if name in ("EventStore", "ImportSummary"):
        from detente.events import store

        return getattr(store, name)
    raise AttributeError(f"module 'detente.events' has no attribute {name!r}")
