"""Session 22's criticism of an act the page reported: the critic is one side of the page's last pair, so the act it
criticises ("these actions", "the exercises") is the other side's (CAMEO 11 toward it). Hand-written pages (invented
news between real states), with near misses that must not be read so."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def second_sentence(coder, first: str, second: str) -> set[tuple[str, str, str]]:
    """(source, target, root) of the asserted events of `second`, coded on a page after `first`."""
    coded = coder.code_article_events([first, second], WHEN)[1]
    return {(r.event.source[:3], r.event.target[:3], r.event.root) for r in coded if not r.event.negated}


@pytest.mark.parametrize(("event", "first", "second"), [
    (("TWN", "CHN", "11"), "China held large military drills around Taiwan on Monday.",
     "Taiwan condemned these actions as provocative."),
    (("COL", "VEN", "11"), "Venezuela closed its border with Colombia on Friday.",
     "Bogota denounced the closure as illegal."),
    (("IRQ", "TUR", "11"), "Turkish jets struck targets in northern Iraq overnight.",
     "Iraq condemned the strikes on Tuesday."),
])
def test_a_criticised_act_is_the_other_side_of_the_page_s_pair(coder, event, first, second):
    assert event in second_sentence(coder, first, second)


@pytest.mark.parametrize("second", [
    "Japan condemned these actions as provocative.",  # a third state: either side's act, or both
    "Taiwan condemned Russia's actions.",  # the phrase names whose act it is
    "Taiwan condemned the actions of the coast guard.",  # ... or says it
    "Taiwan opposed these actions.",  # a general disapproval (110), voiced about one's own side's acts as well
    "Taiwan criticised the officials.",  # people, not an act
])
def test_no_side_from_the_pair_when_the_critic_is_a_third_party_or_the_act_is_named(coder, second):
    found = second_sentence(coder, "China held large military drills around Taiwan on Monday.", second)
    assert not any(target == "CHN" for _, target, _ in found), found


def test_alone_the_criticism_has_no_target(coder):
    (results,) = coder.code_sentence_events(["Taiwan condemned these actions as provocative."], WHEN)
    assert not any(r.event.target[:3] == "CHN" for r in results)


def test_the_pair_read_as_the_critics_is_not_its_own_target(coder):
    found = second_sentence(coder, "Leaders of Ghana and Togo met in Accra on Monday.",
                            "The leaders condemned the coup in the strongest terms.")
    assert not {("GHA", "TGO", "11"), ("TGO", "GHA", "11")} & found, found
