"""Session 22's wrong events of the rules on fresh news (falsepos22, benchmarks/results/wrong_news_dev15.md): one
hand-written sentence per fixed class, coded with its source, target and CAMEO root, and a near miss that keeps
its old reading."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "The United States killed a senior Iranian commander in a drone strike on Friday.",
    "India fired across the border and killed three Pakistani soldiers.",
    "The US killing of an Iranian general in Baghdad angered Tehran.",
])
def test_a_states_killing_is_its_use_of_force(coder, sentence):
    # candidates.armed_force_code: a state without a role kills with its forces (19), as its army does
    found = countries(coder, sentence)
    assert any(t[2] == "19" for t in found), found
    assert not {t for t in found if t[2] == "18"}


@pytest.mark.nlp
def test_a_states_execution_stays_an_assault(coder):
    found = countries(coder, "Iran executed two British citizens on Tuesday.")
    assert ("IRN", "GBR", "18") in found


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Kenya will call on Uganda to withdraw its troops from the border.",
    "Chile will formally request consultations with Peru over the fishing dispute.",
    "Norway will push for the EU to lift its tariffs on Iceland.",
])
def test_an_appeal_announced_for_later_is_not_yet_made(coder, sentence):
    # abstention.announced_appeal: an appeal or demand its author will make is kept apart as planned
    found = countries(coder, sentence)
    assert not {t for t in found if t[2] in ("02", "10")}, found


@pytest.mark.nlp
def test_an_appeal_made_stands(coder):
    found = countries(coder, "Kenya called on Uganda to withdraw its troops from the border.")
    assert {t for t in found if t[:2] == ("KEN", "UGA") and t[2] in ("02", "10")}, found


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "The summit will be attended by Kenya's foreign minister and his Ugandan counterpart.",
    "The captured Chilean sailors will be released by Peru on Friday.",
])
def test_an_act_in_the_future_passive_is_no_pledge(coder, sentence):
    # abstention.future_passive: a schedule or an expectation, no side pledging the act
    assert not countries(coder, sentence)


@pytest.mark.nlp
def test_an_act_its_author_announces_for_later_stays_an_intent(coder):
    found = countries(coder, "Kenya's foreign minister will meet his Ugandan counterpart on Friday.")
    assert ("KEN", "UGA", "03") in found
