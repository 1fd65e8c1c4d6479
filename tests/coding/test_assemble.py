"""Making events: one constructor, and what same-country (domestic) events do downstream."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from detente.coding.assemble import UNKNOWN_ACTOR, make_event
from detente.coding.context import Actor


def test_make_event_takes_weights_from_the_ontology_and_marks_unknown_sides():
    police = Actor("NGACOP", 0, 6, "Police")
    event = make_event("173", when=date(2024, 5, 6), sentence="Police arrested them.", doc_id="d", source=police,
                       target=None, tone=0.0)
    assert event is not None
    assert (event.source, event.target, event.root, event.quad, event.plover) == ("NGACOP", UNKNOWN_ACTOR, "17", 4, "COERCE")
    assert make_event("999", when=date(2024, 5, 6), sentence="x", doc_id="d", source=police, target=None) is None


@pytest.mark.nlp
def test_domestic_events_stay_out_of_inter_state_dyads(code_fn):
    """A coded domestic event (German lawmakers against the German government) counts in the dyad of
    those two sectors, never in an inter-state dyad, not even one that reaches Germany through a
    group (the EU stands for its member states too)."""
    from detente.cases.timeline import events_frame
    from detente.relations.series import dyad_events, series_wide
    from detente.relations.triangle import triangle_series

    events = code_fn(
        "German lawmakers criticised the government in Berlin on Monday. "
        "Germany criticised the United States on Tuesday. "
        "The European Union praised Germany on Wednesday.",
        date(2024, 5, 8),
    )
    pairs = {(e.source, e.target) for e in events}
    assert {("DEULEG", "DEUGOV"), ("DEU", "USA"), ("EUR", "DEU")} <= pairs
    frame = events_frame(events)
    assert list(dyad_events(frame, "DEULEG", "DEUGOV")["source"]) == ["DEULEG"]
    assert list(dyad_events(frame, "EUR", "DEU")["source"]) == ["EUR"]  # not the lawmakers' criticism
    assert list(dyad_events(frame, "DEU", "USA")["target"]) == ["USA"]
    assert series_wide(frame, "EUR", "DEU", freq="month")["events"].sum() == 1
    triangle = triangle_series(frame, "EUR", "DEU", "USA", freq="month")
    assert (triangle["EUR-DEU n"].sum(), triangle["DEU-USA n"].sum()) == (1, 1)
