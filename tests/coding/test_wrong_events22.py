"""Session 22's wrong events of the rules on fresh news (falsepos22, benchmarks/results/wrong_news_dev15.md): per
fixed class, hand-written sentences whose old reading must be gone, and near misses that keep their reading."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

GONE = [
    # candidates.armed_force_code: a state without a role kills with its forces (19), as its army does, never 18
    ("a state's killing", "The United States killed a senior Iranian commander in a drone strike on Friday.", "18"),
    ("a state's killing", "India fired across the border and killed three Pakistani soldiers.", "18"),
    ("a state's killing", "The US killing of an Iranian general in Baghdad angered Tehran.", "18"),
    # abstention.announced_appeal: an appeal or demand its author will make is not made yet
    ("an appeal for later", "Kenya will call on Uganda to withdraw its troops from the border.", "10"),
    ("an appeal for later", "Kenya will call on Uganda to withdraw its troops from the border.", "02"),
    ("an appeal for later", "Chile will formally request consultations with Peru over the fishing dispute.", "02"),
    ("an appeal for later", "Norway will push for the EU to lift its tariffs on Iceland.", "02"),
    # abstention.future_passive: a schedule or an expectation, no side pledging the act
    ("a future passive", "The summit will be attended by Kenya's foreign minister and his Ugandan counterpart.", "03"),
    ("a future passive", "The captured Chilean sailors will be released by Peru on Friday.", "03"),
]

KEPT = [
    ("a state's killing", "The United States killed a senior Iranian commander in a drone strike on Friday.",
     ("USA", "IRN", "19")),
    ("a state's execution", "Iran executed two British citizens on Tuesday.", ("IRN", "GBR", "18")),
    ("an appeal made", "Kenya called on Uganda to withdraw its troops from the border.", ("KEN", "UGA", "10")),
    ("a meeting its author announces", "Kenya's foreign minister will meet his Ugandan counterpart on Friday.",
     ("KEN", "UGA", "03")),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("kind", "sentence", "root"), GONE)
def test_the_old_wrong_reading_is_gone(coder, kind, sentence, root):
    assert not {t for t in countries(coder, sentence) if t[2] == root}, kind


@pytest.mark.nlp
@pytest.mark.parametrize(("kind", "sentence", "expected"), KEPT)
def test_the_near_miss_keeps_its_reading(coder, kind, sentence, expected):
    assert expected in countries(coder, sentence), kind
