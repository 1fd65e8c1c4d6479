"""Which events assert that an act took place: the rule relation series count by.

An event coded from "Russia may attack", "if the US lifts sanctions" or "X said Y
attacked" (reported by someone else) does not say the act happened; a negated one
("did not attack") says it did not. Counting them as acts would turn talk into
conflict or cooperation. An event is *asserted* when it is not negated and its
``modality`` is none or one whose coded act itself took place: a threat (the threat
was made, CAMEO 13), an intent (the pledge was made, 03), a refusal (12), a request
(02) or a demand (10). ``possible``, ``conditional``, ``reported``, ``question`` and
``attempt`` are not asserted. See docs/explanation/coding.md, "Modality and negation".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ASSERTED_MODALITIES: frozenset[str | None] = frozenset({None, "threat", "intent", "refusal", "request", "demand"})
"""Modalities whose coded act took place (``None``: asserted as done)."""


def is_asserted(event: Event) -> bool:
    """True if the event says its act took place (not negated, an asserted modality)."""
    return not event.negated and event.modality in ASSERTED_MODALITIES


def asserted_mask(events: "pd.DataFrame") -> "pd.Series":
    """The rows of an event frame that are asserted (a frame without the columns is all asserted)."""
    import pandas as pd

    keep = pd.Series(True, index=events.index)
    if "negated" in events.columns:
        keep &= ~events["negated"].fillna(False).astype(bool)
    if "modality" in events.columns:
        modality = events["modality"].astype(object).where(events["modality"].notna(), None)
        keep &= modality.map(lambda m: (m or None) in ASSERTED_MODALITIES).astype(bool)
    return keep
