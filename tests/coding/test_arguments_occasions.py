"""The sidelines of a gathering are when and where an act took place, not its partner
(:data:`detente.coding.arguments.MARGIN_NOUNS` in :func:`detente.coding.arguments.actor_of`)."""

from __future__ import annotations


def pairs(code_fn, text: str) -> set[tuple[str, str]]:
    return {(e.source[:3], e.target[:3]) for e in code_fn(text)}


def test_the_sidelines_of_a_summit_are_no_partner(code_fn) -> None:
    found = pairs(code_fn, "The Brazilian and Argentine presidents met on the sidelines of the UN General Assembly.")
    assert ("BRA", "ARG") in found and ("ARG", "BRA") in found
    assert not any("UNO" in pair for pair in found)


def test_the_margins_of_a_summit_name_no_target(code_fn) -> None:
    found = pairs(code_fn, "The Indian and Chinese foreign ministers held talks on the margins of the G20 summit.")
    assert ("IND", "CHN") in found
    assert not any("G20" in pair for pair in found)


def test_a_parsed_object_that_names_a_gathering_stays_the_target(code_fn) -> None:
    # near-miss: only the margin nouns are no actor; an organisation's own summit text criticised is its act
    assert ("CHN", "NAT") in pairs(code_fn, "China criticised NATO's summit declaration.")
