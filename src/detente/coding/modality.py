"""Which coded events describe an act that took place: the one definition of "asserted".

The coder marks every event with `negated` and `modality` (see
docs/explanation/coding.md, "Modality and negation"). An event is *asserted* when it
is not negated and its modality is None or the modality of a speech act that itself
happened: a threat, a stated intention or pledge, a refusal, a request or a demand.
Events that are `possible` ("may attack"), `conditional` ("if ..."), `reported` (a
claim by a third party), a `question` or an `attempt` are kept for the record; relation
series, the CLI's default output and the event store's counts use asserted events
only unless asked otherwise.
"""

from __future__ import annotations

from typing import Any

ASSERTED_MODALITIES = frozenset({None, "threat", "intent", "refusal", "request", "demand"})
"""Modalities under which the coded act itself (the threat, the pledge, the refusal) took place."""


def is_asserted(event: Any) -> bool:
    """True when the event describes an act that took place (not negated, not hypothetical or reported).

    Works on anything with `negated` and `modality` attributes (an
    :class:`~detente.events.schema.Event`, a row of the event store).
    """
    return not getattr(event, "negated", False) and getattr(event, "modality", None) in ASSERTED_MODALITIES
