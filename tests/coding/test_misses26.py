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
        ("The European Commission launched an infringement procedure against Poland on Thursday.",
         ("EUR", "POL", "115")),
        ("Peru lodged a lawsuit against Chile before the court in The Hague.", ("PER", "CHL", "115")),
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


@pytest.mark.parametrize(
    ("sentence", "pair", "code"),
    [
        ("The United Nations welcomed the signing of the border agreement by Kenya and Ethiopia.", ("KEN", "ETH"),
         "057"),
        ("Trade rose after the signing of a trade agreement between Kenya and Ethiopia in March.", ("KEN", "ETH"),
         "057"),
        ("Eritrea announced the resumption of diplomatic ties with Djibouti on Monday.", ("ERI", "DJI"), "050"),
        ("The foreign ministry announced the establishment of diplomatic relations between Eritrea and Djibouti.",
         ("ERI", "DJI"), "050"),
    ],
)
def test_a_joint_act_named_by_a_noun_is_coded_both_ways(cameo_triples, sentence, pair, code):
    """Rules 3 and 6: an agreement signed and relations resumed or established are joint acts, coded both ways,
    whether a verb or a noun names them ("the signing of ...", "announced the resumption of ties with ...")."""
    got = cameo_triples(sentence)
    assert {(*pair, code), (*pair[::-1], code)} <= got, got


@pytest.mark.parametrize(
    ("sentence", "pair", "code"),
    [
        ("The two presidents will witness the signing of a trade agreement between Kenya and Ethiopia.", ("KEN", "ETH"),
         "057"),
        ("Officials set a date for the signing of a trade agreement between Kenya and Ethiopia.", ("KEN", "ETH"),
         "057"),
        ("Eritrea called for the resumption of diplomatic ties with Djibouti.", ("ERI", "DJI"), "050"),
    ],
)
def test_a_joint_act_named_by_a_noun_still_to_come_is_not_coded(cameo_triples, sentence, pair, code):
    got = cameo_triples(sentence)
    assert not {(*pair, code), (*pair[::-1], code)} & got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Vietnam scrapped its punitive tariffs on Thai rice last month.",
        "Vietnam abolished the import duties on Thai rice on Monday.",
        "Vietnam revoked its sanctions on Thailand on Monday.",
    ],
)
def test_a_trade_measure_scrapped_is_lifted(cameo_triples, sentence):
    """CAMEO 085 (ease economic sanctions): scrapping a measure lifts it, as "lifted" does; not a reduction of
    relations (160), which is scrapping an agreement."""
    got = cameo_triples(sentence)
    assert ("VNM", "THA", "085") in got, got
