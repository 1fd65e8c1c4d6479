"""Making events: one constructor, and what same-country (domestic) events do downstream."""

from __future__ import annotations

from datetime import date

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


# -- civilian protest without a target: against the protesters' own government ---------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Thousands of Venezuelans staged a hunger strike in Caracas on Sunday.", ("VENCVL", "VENGOV", "142")),
        ("Kenyan opposition supporters demonstrated in Nairobi on Monday.", ("KENOPP", "KENGOV", "141")),
    ],
)
def test_a_protest_naming_no_target_is_against_the_protesters_government(coder, sentence, event):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert event in [(r.event.source, r.event.target, r.event.cameo) for r in events]


@pytest.mark.nlp
def test_a_protest_with_a_target_keeps_it_and_a_government_protest_gets_none(coder):
    (named, official) = coder.code_sentence_events(
        ["Students in Belgrade protested against the Russian government.", "The French government demonstrated its resolve."],
        date(2023, 6, 1), partial=True,
    )
    assert all(r.event.target != "SRBGOV" for r in named)
    assert all(r.event.target[:3] != "FRA" for r in official)


# -- a crowd storming an embassy: a riot against the embassy's state (CAMEO 145), not an attack ----------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Angry Kenyan protesters stormed the Ugandan embassy in Nairobi on Friday.", ("KENCVL", "UGAGOV", "145")),
        ("Chilean students broke into the Bolivian consulate in Santiago last night.", ("CHLEDU", "BOL", "145")),
        ("Hundreds of Serbian demonstrators attacked the Croatian embassy in Belgrade.", ("SRBCVL", "HRVGOV", "145")),
    ],
)
def test_a_crowd_storming_an_embassy_riots_against_its_state(coder, sentence, event):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert event in [(r.event.source, r.event.target, r.event.cameo) for r in events]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Peruvian police broke into the Venezuelan embassy in Lima on Friday.", "17"),  # the state's forces coerce
        ("Kenyan protesters stormed a police station in Nairobi on Friday.", None),  # no embassy: no riot against a state
    ],
)
def test_a_states_forces_or_a_crowd_elsewhere_is_no_riot_at_a_mission(coder, sentence, root):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1), partial=True)
    assert all(r.event.cameo != "145" for r in events)
    if root is not None:
        assert root in [r.event.root for r in events]


def test_protest_sides_convention():
    from detente.coding.assemble import protest_sides

    source, target = protest_sides(Actor("DZA", 0, 10, "Algerians"))
    assert (source.code, target.code, target.fallback) == ("DZACVL", "DZAGOV", True)
    assert protest_sides(Actor("NPLOPP", 0, 5, "x"))[1].code == "NPLGOV"
    assert protest_sides(Actor("NPLGOV", 0, 5, "x"))[1] is None  # the government does not protest against itself
    assert protest_sides(Actor("EUR", 0, 5, "x"))[1] is None  # no state


@pytest.mark.nlp
def test_a_joint_act_needs_two_sides_too(coder):
    (events,) = coder.code_sentence_events(["Moroccan diplomats met Morocco's ambassador in Rabat."], date(2023, 6, 1))
    assert not [r for r in events if r.event.source[:3] == r.event.target[:3] == "MAR"]


# -- curfews and states of emergency fall on the source's own people ------------------------------


@pytest.mark.nlp
def test_a_curfew_without_a_target_falls_on_the_countrys_civilians(coder):
    own, other = coder.code_sentence_events(
        ["Turkish authorities imposed a curfew in Diyarbakir, in southeastern Turkey.",
         "Turkish authorities imposed a curfew on Kurdish towns in Syria."], date(2023, 6, 1), partial=True,
    )
    assert ("TURGOV", "TURCVL", "1723") in [(r.event.source, r.event.target, r.event.cameo) for r in own]
    assert not [r for r in other if r.event.target == "TURCVL"]  # another state in view: whose people is a guess


@pytest.mark.nlp
def test_a_joint_act_with_no_partner_named_has_none_guessed(code_fn):
    events = code_fn("The Kenyan cabinet met on Sunday after Ethiopia closed the border.")
    assert not [e for e in events if e.root == "04"]


@pytest.mark.nlp
def test_a_protest_takes_no_target_guessed_from_an_earlier_sentence(code_fn):
    events = code_fn("Nigeria holds local elections on Saturday. Thousands of Venezuelans staged a hunger strike in Caracas.")
    assert ("VENCVL", "VENGOV") in [(e.source, e.target) for e in events if e.root == "14"]
    assert not [e for e in events if e.root == "14" and e.target.startswith("NGA")]


@pytest.mark.nlp
def test_a_threatened_curfew_falls_on_the_sources_own_people(coder):
    (events,) = coder.code_sentence_events(
        ["President Abdou Diallo threatened to impose a curfew in Conakry after days of unrest."], date(2023, 6, 1))
    assert ("GINGOV", "GINCVL", "13") in [(r.event.source, r.event.target, r.event.root) for r in events]
    (plain,) = coder.code_sentence_events(["Russia threatened to impose a curfew in Kherson."], date(2023, 6, 1),
                                          partial=True)
    assert not [r for r in plain if r.event.target.startswith("RUS")]  # whose town it is would be a guess


@pytest.mark.nlp
def test_a_societys_threatened_protest_is_against_its_own_government(coder):
    triples = lambda text: [(r.event.source, r.event.target, r.event.root)  # noqa: E731
                            for r in coder.code_sentence_events([text], date(2023, 6, 1), partial=True)[0]]
    assert ("FRAAGR", "FRAGOV", "13") in triples("Radical French farmers said on Friday they would blockade Lyon from Monday.")
    assert ("TGOOPP", "TGOGOV", "13") in triples("Opposition parties in Togo threatened to stage mass protests.")
    assert not [t for t in triples("Russia threatened to blockade the port.") if t[1].startswith("RUS")]  # a state's is no protest


# -- one party on itself, by actors.country_of (session 18) ----------------------------------------
# The African Union is `AU` and its commission `AUGOV`: their first three letters ("AU", "AUG") differ,
# so the three-letter cut made them two parties; :func:`detente.actors.country_of` makes them one.


@pytest.mark.nlp
@pytest.mark.parametrize("text", [
    "The African Union Commission and the African Union met in Addis Ababa on Monday.",
    "The African Union Commission met the African Union in Addis Ababa on Monday.",
])
def test_an_organisation_and_its_organ_are_no_two_sides(code_fn, text):
    events = code_fn(text)
    assert not [e for e in events if {e.source, e.target} == {"AU", "AUGOV"}], [(e.source, e.target) for e in events]


@pytest.mark.nlp
def test_an_organisation_still_meets_a_state(code_fn):
    events = code_fn("Kenya and the African Union met in Addis Ababa on Monday.")
    assert {("KEN", "AU"), ("AU", "KEN")} <= {(e.source, e.target) for e in events}
