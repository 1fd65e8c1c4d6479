"""Texts that speak for whoever issues or enacts them (coding/mandates.py `issuer_subject`): a participle or a
relative clause on a bill or a law a state signs, passes or adopts, and a relative clause on an issued text, are
that state's act. Session 21 (misses21): news_dev14 part d's missed sanctions laws. Hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2019, 4, 2)


def _complete(coder, sentence: str) -> set[tuple[str, str, str]]:
    (results,) = coder.code_sentence_events([sentence], WHEN)
    return {(r.event.source[:3], r.event.target[:3], r.event.root) for r in results if not r.partial}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Canadian prime minister signed a bill imposing sanctions on Venezuela.", ("CAN", "VEN", "16")),
        ("Japan's parliament passed a law imposing sanctions on North Korea.", ("JPN", "PRK", "16")),
        ("The French president signed legislation that authorizes sanctions against Syria.", ("FRA", "SYR", "16")),
        ("The Latvian parliament adopted a law that bans Belarusian broadcasters.", ("LVA", "BLR", "17")),
        ("The Arab League adopted a resolution that condemns Israel.", ("ARL", "ISR", "11")),
    ],
)
def test_an_enacted_or_issued_texts_clause_is_its_enactors_act(coder, sentence, expected):
    assert expected in _complete(coder, sentence)


@pytest.mark.parametrize(
    ("sentence", "forbidden"),
    [
        ("Russia violated international law banning the annexation of territory by force.", "17"),  # not enacted
        ("Poland criticised a law that bans Ukrainian imports.", "17"),  # criticised, not enacted
        ("Russia vetoed a resolution that condemns Syria.", "11"),  # a vetoed text is not the vetoer's act
    ],
)
def test_a_text_the_sentence_subject_does_not_issue_is_not_its_act(coder, sentence, forbidden):
    got = _complete(coder, sentence)
    assert not any(root == forbidden for _, _, root in got), got
