"""Session 11's predicate classes for recall ("no pattern" misses): one hand-written sentence per rule, coded
with its source, target and CAMEO root, and a near-miss that must stay uncoded."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2024, 5, 6)


def countries(coder, sentence):
    (events,) = coder.code_sentence_events([sentence], WHEN)
    return {(r.event.source[:3], r.event.target[:3], r.event.root) for r in events if not r.event.negated}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three Syrian officers were killed in an Israeli airstrike near Damascus.", ("ISR", "SYR", "19")),
    ("Two Armenian soldiers were wounded in clashes with Azerbaijani troops.", ("AZE", "ARM", "19")),
    ("Four Malian soldiers died in an attack by Burkinabe forces.", ("BFA", "MLI", "19")),
])
def test_a_victim_harmed_in_an_attack_names_its_target(coder, sentence, expected):
    assert expected in countries(coder, sentence)


@pytest.mark.parametrize("sentence", [
    "Three Syrian officers were not killed in the Israeli airstrike near Damascus.",
    "Three Syrian officers were killed in an airstrike near Damascus.",
])
def test_no_attack_without_an_attacker_or_when_denied(coder, sentence):
    assert not {t for t in countries(coder, sentence) if t[2] == "19"}
