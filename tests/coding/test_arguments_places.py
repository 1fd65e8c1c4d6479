"""Places where an act happened are fallback targets of last resort (:func:`detente.coding.fallback_targets.venue`)."""

from __future__ import annotations


def pairs(code_fn, text: str) -> set[tuple[str, str]]:
    return {(e.source[:3], e.target[:3]) for e in code_fn(text)}


def test_a_city_in_a_place_phrase_gives_way_to_a_party_named_earlier(code_fn) -> None:
    found = pairs(code_fn, "Chile fired missiles toward Peru, a day after it vowed to retaliate for a raid on its "
                           "embassy in Quito.")
    assert ("CHL", "PER") in found and ("CHL", "ECU") not in found  # Quito is where the raid was


def test_a_visited_capital_is_still_the_host_when_no_one_else_is_named(code_fn) -> None:
    # near-miss: CAMEO codes the host of a visit ("arrived in Amman") as the target
    assert ("KEN", "RUS") in pairs(code_fn, "Kenya's president arrived in Moscow for a three-day visit.")


def test_a_capital_that_acts_stays_an_actor(code_fn) -> None:
    assert ("CHN", "USA") in pairs(code_fn, "Beijing warned Washington against new arms sales.")


def test_venue_reads_the_nearest_place_phrase(coder) -> None:
    from detente.coding.context import Context
    from detente.coding.fallback_targets import venue

    text = "Russian forces shelled villages in Ukraine, while talks went on in Vienna."
    ctx = Context.read(text, None)
    sdoc = coder.nlp(text)
    by_text = {m.text: venue(m, sdoc, 0, ctx) for m in ctx.mentions}
    assert by_text["Vienna"] is True  # a city as the place of the talks
    assert by_text["Ukraine"] is False  # a country's name in a place phrase: whose villages, not where
    assert by_text["Russian forces"] is False


def _places() -> list[tuple[str, str]]:
    from detente.actors import get_registry

    return sorted({(m, a.code) for a in get_registry() if a.kind == "state" for m in a.metonyms})


def _two_others(code: str) -> tuple[str, str]:
    return ("Chile", "Peru") if code not in ("CHL", "PER") else ("Kenya", "Ghana")


def test_audit_no_city_or_place_alias_becomes_a_party_as_a_venue(coder) -> None:
    """Every city or place alias of the registry, as the venue of an act between two other states."""
    from datetime import date

    places = _places()
    assert len(places) > 150
    templates = ("{a} and {b} signed a trade deal in {x} on Monday.", "{a} accused {b} of spying at a conference in {x}.")
    for template in templates:
        texts = [template.format(a=_two_others(code)[0], b=_two_others(code)[1], x=x) for x, code in places]
        results = coder.code_sentence_events(texts, date(2023, 5, 1))
        wrong = [x for (x, code), found in zip(places, results)
                 if not found or any(code in (r.event.source[:3], r.event.target[:3]) for r in found)]
        assert wrong == [], template


def test_audit_every_capital_that_acts_is_an_actor(coder) -> None:
    """The near-miss: the same aliases as the subject of a warning are their state."""
    from datetime import date

    places = _places()
    texts = [f"{x} warned {_two_others(code)[1]} on Monday." for x, code in places]
    results = coder.code_sentence_events(texts, date(2023, 5, 1))
    wrong = {x for (x, code), found in zip(places, results) if not any(r.event.source[:3] == code for r in found)}
    assert wrong <= {"Andorra la Vella", "Port of Spain", "Washington, D.C."}  # misparsed as a list or a phrase


def test_the_place_of_talks_is_no_nationality_of_the_unnamed_side(code_fn) -> None:
    # "in Oslo" is where the talks were held: the rebels are the Colombian government's (multiparty14)
    found = {(e.source, e.target) for e in code_fn("Norway hosted talks between the Colombian government and the "
                                                  "rebels in Oslo on Monday.")}
    assert ("COLGOV", "COLREB") in found and ("NOR", "COLREB") in found
    assert not any("NORREB" in pair for pair in found)
