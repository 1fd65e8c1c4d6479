"""Which events assert their act: one rule for relation series (and the coder's storage)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from detente.events.modality import ASSERTED_MODALITIES, asserted_mask, is_asserted
from detente.events.schema import Event


def _event(**kw: object) -> Event:
    return Event(date(2025, 3, 1), "RUSMIL", "UKR", "190", "19", 4, -10.0, "t", "d", **kw)  # type: ignore[arg-type]


def test_threats_pledges_and_refusals_took_place_but_may_and_if_did_not() -> None:
    assert is_asserted(_event()) and is_asserted(_event(modality="threat")) and is_asserted(_event(modality="refusal"))
    for modality in ("possible", "conditional", "reported", "question", "attempt"):
        assert not is_asserted(_event(modality=modality)), modality
    assert not is_asserted(_event(negated=True))
    assert None in ASSERTED_MODALITIES


def test_the_mask_agrees_with_the_event_rule() -> None:
    events = [_event(), _event(modality="possible"), _event(negated=True), _event(modality="intent")]
    frame = pd.DataFrame([e.to_record() for e in events])
    assert asserted_mask(frame).tolist() == [is_asserted(e) for e in events] == [True, False, False, True]
    assert asserted_mask(frame.drop(columns=["negated", "modality"])).all()
