"""Mediation named on the agreement it produced (coding/mediation.py): mediator -> each party, CAMEO 045."""

from __future__ import annotations

from datetime import date

import pytest

WHEN = date(2024, 5, 6)


def _triples(coder, sentence):
    (results,) = coder.code_sentence_events([sentence], WHEN)
    return {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in results if not r.event.negated}


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Armenia and Azerbaijan agreed to a prisoner exchange in a deal brokered by Qatar.",
     {("QAT", "ARM", "045"), ("QAT", "AZE", "045")}),
    ("The U.S.-brokered ceasefire between Israel and Lebanon took effect on Wednesday.",
     {("USA", "ISR", "045"), ("USA", "LBN", "045")}),
    ("Sudan signed an accord with South Sudan under a deal negotiated with the help of Ethiopia.",
     {("ETH", "SDN", "045"), ("ETH", "SSD", "045")}),
])
def test_the_mediator_mediates_for_each_party(coder, sentence, expected):
    got = {t for t in _triples(coder, sentence) if t[2] == "045"}
    assert expected <= got


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Serbia and Kosovo may sign a deal brokered by the EU.",
    "Serbia and Kosovo did not sign the deal brokered by the EU.",
    "If Serbia and Kosovo sign a deal brokered by the EU, trade will resume.",
])
def test_no_mediation_of_an_agreement_not_made(coder, sentence):
    assert not any(c == "045" and s == "EUR" for s, _, c in _triples(coder, sentence))


@pytest.mark.nlp
def test_a_brokered_sale_is_no_mediation(coder):
    assert not any(c == "045" for _, _, c in _triples(coder, "Turkey bought a jet engine brokered by Britain from Ukraine."))
