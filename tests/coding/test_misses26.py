"""Session 26 (misses26): kinds of news_dev18's and news_dev19's misses read by hand
(benchmarks/results/misses_news_dev19.md). Hand-written sentences, none taken from a gold file."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru lodged a complaint against Chile at the WTO on Monday.", ("PER", "CHL", "115")),
        ("Peru filed a complaint with the WTO against Chile on Monday.", ("PER", "CHL", "115")),
        ("The European Commission opened an infringement procedure against Poland on Thursday.", ("EUR", "POL", "115")),
        ("Peru initiated a lawsuit against Chile before the court in The Hague.", ("PER", "CHL", "115")),
    ],
)
def test_a_legal_complaint_is_brought_against_the_party_named_not_the_court(cameo_triples, sentence, expected):
    """CAMEO 115 (bring lawsuit against): the "against" party is the target; the court or body it is lodged with
    hears it."""
    got = cameo_triples(sentence)
    assert expected in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru filed a complaint with the WTO on Monday.",
        "Peru lodged a lawsuit at the International Court of Justice on Monday.",
    ],
)
def test_the_court_a_complaint_is_lodged_with_is_no_party_to_it(cameo_triples, sentence):
    got = cameo_triples(sentence)
    assert not any(s == "PER" and c[:2] == "11" for s, _, c in got), got
