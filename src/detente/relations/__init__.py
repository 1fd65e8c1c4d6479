"""Relations: dyad series, shifts (change points) and Dittmer's strategic triangle.

All functions take an event DataFrame with :data:`detente.events.schema.EVENT_COLUMNS`
(the built-in timeline, an EventStore query, or your own) and return tidy frames or
plain dataclasses.

>>> from detente.cases.timeline import timeline_frame
>>> from detente.relations import dyad_shifts, triangle_series
>>> events = timeline_frame("us-russia-2025")
>>> [s.direction for s in dyad_shifts(events, "USA", "RUS")]
['warming']
"""

from detente.actors import NON_STATE_ROLES, actor_prefixes
from detente.relations.series import (
    FREQUENCIES,
    MEASURES,
    SERIES_COLUMNS,
    dyad_actors,
    dyad_events,
    dyad_series,
    series_wide,
    to_wide,
)
from detente.relations.shifts import (
    Shift,
    SyntheticSeries,
    change_points,
    default_penalty,
    detect_shifts,
    dyad_shifts,
    shifts_frame,
    synthetic_events,
    synthetic_series,
)
from detente.relations.triangle import (
    CONFIGURATIONS,
    TriangleShape,
    classify,
    configuration_spells,
    sign_of,
    triangle_series,
)

__all__ = [
    "CONFIGURATIONS",
    "FREQUENCIES",
    "MEASURES",
    "NON_STATE_ROLES",
    "SERIES_COLUMNS",
    "Shift",
    "SyntheticSeries",
    "TriangleShape",
    "actor_prefixes",
    "change_points",
    "classify",
    "configuration_spells",
    "default_penalty",
    "detect_shifts",
    "dyad_actors",
    "dyad_events",
    "dyad_series",
    "dyad_shifts",
    "series_wide",
    "shifts_frame",
    "sign_of",
    "synthetic_events",
    "synthetic_series",
    "to_wide",
    "triangle_series",
]
