"""Ranking a sentence's candidates (coding/ranking.py): the best event first, bare statements beside a more specific act
dropped, "call X Y" no telephone call. Hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2025, 3, 3)


def test_the_best_event_comes_first(coder):
    (best,) = coder.code_sentences(["Vladimir Putin met Xi Jinping and Narendra Modi in Kazan."], WHEN)
    assert best is not None and best.event.source == "RUSGOV"


def test_a_statement_is_not_coded_beside_the_act_it_reports(code_fn):
    roots = {e.root for e in code_fn("Ukrainian officials said Russia attacked Kyiv.")}
    assert roots == {"19"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Philippine navy completed the resupply mission, reported Reuters.",
        "Palestinian witnesses and the Israeli army reported it.",
    ],
)
def test_a_report_or_remark_is_no_statement_event(triples, sentence):
    assert all(root != "01" for *_, root in triples(sentence, partial=True))


def test_calling_something_a_name_is_no_telephone_call(triples):
    # "call X Y" names its object (a judgement): no telephone call (CAMEO 041) either way
    found = triples("Sweden's prime minister called Oslo the main sponsor of the smuggling network.", partial=True)
    assert not any(root == "04" for _, _, root in found), found


def test_calling_someone_is_a_telephone_call(triples):
    found = {(s[:3], t[:3], root) for s, t, root in triples("The Danish minister called his Swedish counterpart on Monday.")}
    assert {("DNK", "SWE", "04"), ("SWE", "DNK", "04")} <= found, found


def test_the_saying_that_attributes_a_partial_act_is_no_statement(triples):
    got = triples("Egyptian police in Cairo arrested an Egyptian man, the Israeli army said.", partial=True)
    assert not [t for t in got if t[2] == "01"], got
