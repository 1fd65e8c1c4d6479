"""The session-10 predicate classes of news (patterns.NEWS_FAMILIES, nominals.NOMINALIZED_MEASURES): one
hand-written sentence per class, coded with its source, target and CAMEO code, and the frames that must
stay uncoded."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import nominals
from detente.coding import patterns as P

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

FAMILY_SENTENCES = [
    ("16 ending relations", "Norway ended diplomatic relations with Iran on Tuesday.", ("NOR", "IRN", "161")),
    ("16 closing borders", "Kenya closed its border with Somalia last week.", ("KEN", "SOM", "163")),
    ("16 restricting trade", "Russia limited the export of Kazakh grain through its ports.", ("RUS", "KAZ", "163")),
    ("16 restricting trade", "Japan tightened export controls on South Korea in July.", ("JPN", "KOR", "163")),
    ("16 imposing measures", "India enacted new restrictions on investment from China.", ("IND", "CHN", "163")),
    ("16 closing offices", "Nicaragua closed the office of the OAS in Managua.", ("NIC", "OAS", "161")),
    ("16 suspending members", "The African Union suspended Mali after the coup.", ("AU", "MLI", "160")),
    ("16 withdrawing aid", "Sweden withdrew its aid to Zambia after the vote.", ("SWE", "ZMB", "162")),
    ("04 landing", "The Brazilian president landed in Angola on Friday.", ("BRA", "AGO", "042")),
    ("05 signing documents", "Chile and Peru signed documents on border cooperation.", ("CHL", "PER", "057")),
    ("08 ending measures", "Egypt ended its embargo on Qatar after three years.", ("EGY", "QAT", "085")),
    ("16 raising tariffs", "Brazil raised tariffs on Argentine wine in March.", ("BRA", "ARG", "163")),
    ("16 raising tariffs", "Canada renewed its restrictions on imports from Belarus.", ("CAN", "BLR", "163")),
    ("17 coercion at sea and at embassies", "Vietnamese patrol boats fired water cannon at a Chinese trawler.",
     ("VNM", "CHN", "170")),
    ("17 coercion at sea and at embassies", "Bolivian police broke into the Peruvian embassy in La Paz.",
     ("BOL", "PER", "170")),
    ("04 holding meetings", "The Brazilian and Argentine presidents concluded their summit on Friday.",
     ("BRA", "ARG", "040")),
    ("04 holding meetings", "The Nigerian president and the Ghanaian president spoke by phone on Monday.",
     ("NGA", "GHA", "041")),
    ("16 freezing trade", "Qatar froze all trade with Bahrain last year.", ("QAT", "BHR", "163")),
    ("19 clashing", "Armenian and Azerbaijani troops clashed near the village on Sunday.", ("ARM", "AZE", "190")),
    ("16 dropping ties", "Panama dropped its diplomatic ties with Taiwan.", ("PAN", "TWN", "161")),
    ("16 expelling members", "The United States removed Ethiopia from its trade preference programme.",
     ("USA", "ETH", "166")),
    ("11 formal accusations", "The Greek government issued a strong protest to Turkey.", ("GRC", "TUR", "114")),
    ("11 formal accusations", "A Dutch court issued an arrest warrant for the Serbian defence minister.",
     ("NLD", "SRB", "112")),
    ("11 formal accusations", "Prosecutors in France filed charges against three Iranian diplomats.",
     ("FRA", "IRN", "112")),
    ("05 opening embassies", "Sri Lanka opened an embassy in Iran on Wednesday.", ("LKA", "IRN", "054")),
    ("16 recalling and expelling envoys", "Saudi Arabia summoned its ambassador to Canada back.",
     ("SAU", "CAN", "161")),
    ("16 decreeing sanctions", "The American president authorized sanctions on Iran.", ("USA", "IRN", "163")),
    ("04 visits begun and ended", "The American secretary of state has wrapped up a two-day trip to China.",
     ("USA", "CHN", "042")),
    ("05 initialling agreements", "Moldova initialled an association agreement with the European Union.",
     ("MDA", "EUR", "057")),
    ("08 agreeing to disengage", "Ethiopia and Eritrea agreed to a disengagement of forces.", ("ERI", "ETH", "087")),
    ("16 ending agreements", "Ecuador ended its defence pact with Peru on Monday.", ("ECU", "PER", "160")),
]


def _triples(coder, sentence):
    return asserted_countries(coder, sentence, WHEN)


@pytest.mark.nlp
@pytest.mark.parametrize(("family", "sentence", "expected"), FAMILY_SENTENCES)
def test_each_news_family_codes_its_sentence(coder, family, sentence, expected):
    assert family in P.NEWS_FAMILIES
    assert expected in _triples(coder, sentence)


def test_every_news_family_has_a_sentence_here():
    assert {family for family, _, _ in FAMILY_SENTENCES} == set(P.NEWS_FAMILIES)


def test_the_news_codes_stay_in_their_roots():
    for family, spec in P.NEWS_FAMILIES.items():
        assert {p.code[:2] for p in P._p(spec)} == {family.split()[0]}, family


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Canada cut the number of its diplomatic staff in Cuba.", ("CAN", "CUB", "161")),
    ("Nigeria expressed disappointment at Ghana's decision.", ("NGA", "GHA", "110")),
    ("Turkey voiced concern over Greek military drills.", ("TUR", "GRC", "110")),
    ("China announced anti-dumping duties on Australian barley.", ("CHN", "AUS", "163")),
    ("Japan will tighten regulations on the export to South Korea of several chemicals.", ("JPN", "KOR", "163")),
])
def test_concern_diplomatic_staff_and_trade_regulations(coder, sentence, expected):
    assert expected in _triples(coder, sentence)


def test_a_diplomatic_modifier_gives_a_noun_of_no_family_the_diplomats_family():
    assert P.object_families("staff", ["diplomatic"]) == ({"diplomats"}, set())
    assert P.object_families("staff", ["medical"]) == (set(), set())
    assert "relations" in P.object_families("relations", ["diplomatic"])[0]  # a noun's own family stands


def test_the_news_frames_need_their_object():
    assert P.match("end", set(), set()) is None  # "the war ended"
    assert P.match("land", set(), set()) is None  # "the plane landed"
    assert P.match("close", set(), {"trade"}) is None  # "closed the market", no border
    assert P.match("sign", set(), {"document"}).symmetric


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Latvia ordered the closure of Russia's consulate in Daugavpils.", ("LVA", "RUS", "161")),
    ("Algeria announced the recall of its ambassador from Paris.", ("DZA", "FRA", "161")),
    ("Peru announced the closure of its border with Bolivia.", ("PER", "BOL", "163")),
    ("The EU approved the imposition of sanctions on Belarus.", ("EUR", "BLR", "163")),
    ("Ghana's suspension of aid to Togo took effect on Monday.", ("GHA", "TGO", "162")),
    ("Latvia on Tuesday ordered the closure of Russia's two consular posts.", ("LVA", "RUS", "161")),
    ("Chile announced the closure of all its land, air and sea borders with Peru.", ("CHL", "PER", "163")),
])
def test_a_nominalised_measure_is_coded_from_its_announcer_to_its_nested_target(coder, sentence, expected):
    assert expected in _triples(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Russia condemned the closure of its consulate in Riga.",  # a judgement of the measure, not the measure
    "Algeria demanded the recall of the French ambassador.",  # asked for, not taken
    "The closure of the border with Bolivia hurt traders.",  # no one takes it
    "Iran announced the recall of a faulty vaccine batch.",  # no frame of the verb table for the object
])
def test_a_nominalised_measure_without_its_taker_or_frame_is_no_event(coder, sentence):
    assert not any(c[:2] == "16" for _, _, c in _triples(coder, sentence))


def test_every_nominalisation_reads_as_a_verb_of_the_table():
    assert all(verb in P.PATTERNS for verb in nominals.NOMINALIZED_MEASURES.values())


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Bolivia ordered the expulsion of the Mexican ambassador on Monday.", ("BOL", "MEX", "166")),
    ("Ukraine announced the arrest of a Russian spy.", ("UKR", "RUS", "173")),
])
def test_an_act_noun_ordered_or_announced_is_its_announcers(coder, sentence, expected):
    assert expected in _triples(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "pairs"), [
    ("The INF treaty was signed in 1987 between the United States and the Soviet Union.",
     {("USA", "RUS", "057"), ("RUS", "USA", "057")}),
    ("Nearly 30 trade agreements were signed between Cuba and Russia in May.",
     {("CUB", "RUS", "057"), ("RUS", "CUB", "057")}),
])
def test_a_joint_act_with_its_parties_after_between_is_coded_both_ways(coder, sentence, pairs):
    assert pairs <= _triples(coder, sentence)


@pytest.mark.nlp
def test_a_joint_act_between_parties_still_to_come_is_no_event(coder):
    assert not _triples(coder, "A deal is expected to be signed between Chile and Peru next week.")


@pytest.mark.nlp
def test_what_an_act_was_without_is_not_its_object(coder):
    """"ended without agreement" ends no agreement (syntax.ABSENCE_PREPS, session 25), not even as a partial event."""
    sentences = ["Two weeks of efforts to settle the dispute ended without agreement, the Chilean government told Bolivia.",
                 "The Brazilian mediation between Peru and Chile ended without agreement."]
    for sentence, found in zip(sentences, coder.code_sentence_events(sentences, WHEN, partial=True)):
        assert not any(r.event.root == "16" for r in found), sentence
