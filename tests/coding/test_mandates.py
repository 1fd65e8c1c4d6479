"""Mandates (coding/mandates.py): demands, requests, ultimatums and obligations, coded from who asks to whom
is asked. Hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import is_asserted

pytestmark = pytest.mark.nlp

WHEN = date(2025, 3, 3)


def test_an_obligation_without_a_speaker_is_not_an_asserted_act(coder):
    (events,) = coder.code_sentence_events(["Russia must withdraw its troops from Ukraine."], WHEN, partial=True)
    assert events and not any(is_asserted(r.event) for r in events)


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        ("Iran demanded that the United States lift all sanctions.", [("IRN", "USA", "10")]),
        ("China insisted that Japan withdraw its ships from the disputed waters.", [("CHN", "JPN", "10")]),
        ("North Korea demanded that the United States and South Korea stop military exercises.",
         [("PRK", "USA", "10"), ("PRK", "KOR", "10")]),
        ("Ukraine demanded that Russian troops be withdrawn from the plant.", [("UKR", "RUS", "10")]),
        ('"We demand that Israel stop its attacks on Gaza," Erdogan said.', [("TUR", "ISR", "10")]),
        ("“We call on the Russian government to end its expulsions of our diplomats,” the State Department "
         "spokesperson said.", [("USA", "RUS", "10")]),
        ('In its first comment on Kabul, Islamabad said: "We demand that Afghanistan close the camps."',
         [("PAK", "AFG", "10")]),
        ("We call on Israel to end the siege, Erdogan told reporters.", [("TUR", "ISR", "10")]),  # no marks
        ("We call on Israel to end the siege, the spokesperson said.", []),  # no marks, no named speaker  # the attribution names two actors: the subject of "said" speaks
    ],
)
def test_a_demand_is_coded_from_who_demands_to_whom(triples, sentence, events):
    got = {(s[:3], t[:3], root) for s, t, root in triples(sentence)}
    assert got == set(events)


def test_insisting_on_a_past_act_is_a_claim_not_a_demand(triples):
    got = {(s[:3], t[:3], root) for s, t, root in triples("Iran insisted that Israel had attacked its consulate.")}
    assert ("IRN", "ISR", "10") not in got
    assert ("IRN", "ISR", "11") in got  # the claim accuses (CAMEO 112)


def test_a_demand_of_an_unnamed_speaker_stays_partial(triples):
    sentence = '"We demand that Israel stop its attacks," the spokesperson said.'
    assert triples(sentence) == []
    assert ("---", "ISR", "10") in triples(sentence, partial=True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a request in a "for X to ..." clause: of X, not a phone call to X
        ("Poland called for Belarus to withdraw its troops from the border.", ("POL", "BLR", "1056")),
        ("Norway called for Chile to respect the fishing accord.", ("NOR", "CHL", "020")),
        ("Peru appealed for Bolivia to free the two truck drivers.", ("PER", "BOL", "0253")),
        # a noun of demand or request with its clause: from the noun's owner
        ("Kenya renewed its calls for Ethiopia to end the blockade.", ("KEN", "ETH", "1054")),  # ending a blockade eases it (085): a demand to ease it
        ("The EU repeated its demand that Serbia recognise Kosovo.", ("EUR", "SRB", "102")),
        ("India's demand that Pakistan stop the shelling went unanswered.", ("IND", "PAK", "100")),
        # a deadline given is an ultimatum (CAMEO 139)
        ("Chile gave Bolivia 48 hours to hand over the suspects.", ("CHL", "BOL", "139")),
        # the object of the asked act says the specific code
        # ("asked X to ..." directs X: a demand, the guide's rule 5; its appeal twin, "urged", stays 02)
        ("Brazil asked Argentina to extradite the banker.", ("BRA", "ARG", "1013")),
        ("Angola urged Zambia to send peacekeepers to the border.", ("AGO", "ZMB", "0234")),
        ("Germany demanded that Russia release the detained journalists.", ("DEU", "RUS", "1053")),
        # "told X it must ...": the pronoun is the one told
        ("Iran told Iraq it must expel the militants within a week.", ("IRN", "IRQ", "100")),
        # "X should stop / abandon ...", said by Y: a demand to cease (the guide's rule 5), not an appeal
        ("Japan said China should stop its drills near the islands.", ("JPN", "CHN", "100")),
    ],
)
def test_demands_and_requests_are_coded_from_the_asker_to_the_asked(cameo_triples, sentence, expected):
    assert expected in cameo_triples(sentence)


def test_a_request_clause_is_no_phone_call(cameo_triples):
    """ "called for X to ..." asks X to act: the verb "call" gives no phone call (041) beside it."""
    got = cameo_triples("Poland called for Belarus to withdraw its troops from the border.")
    assert not any(code.startswith("04") for _, _, code in got)


def test_an_appeal_to_cooperate_stays_an_appeal(cameo_triples):
    """Urging talks or help is an appeal (02), not a demand (10): the 02/10 boundary is the verb of
    demand, a deadline, or a demand to cease."""
    assert ("JPN", "CHN", "026") in cameo_triples("Japan urged China to return to talks.")
    assert ("QAT", "EGY", "020") in cameo_triples("Qatar pleaded with Egypt to reopen the Rafah crossing.")


def test_a_clause_for_someone_that_is_no_request_is_not_coded_as_one(cameo_triples):
    got = cameo_triples("The summit paved the way for Sweden to join NATO.")
    assert not any(code[:2] in ("02", "10") for _, _, code in got)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt said Ethiopia needs to sit down and negotiate with Sudan.", ("EGY", "ETH", "106")),
        ("Turkey said Sweden has to expel the activists first.", ("TUR", "SWE", "100")),
    ],
)
def test_an_obligation_stated_by_a_speaker_is_their_demand(cameo_triples, sentence, expected):
    """ "Y needs to / has to ...", said by X: X demands it of Y (through the verb of obligation)."""
    assert expected in cameo_triples(sentence)


def test_asking_to_stop_an_act_is_no_request_of_that_act(cameo_triples):
    """ "called on X to stop supporting the rebels" asks X to cease: no request for support (022)."""
    got = cameo_triples("France called on Rwanda to stop supporting the M23 rebels.")
    assert not any(code.startswith("02") for _, _, code in got)


def test_a_demand_named_inside_another_act_is_its_circumstance(cameo_triples):
    """ "blamed the breakdown on Kurti's insistence that Serbia recognise ...": the blame is the news; the
    demand it mentions is background (the news guide's rule 7), not a second event."""
    got = cameo_triples("The EU blamed the breakdown on Kosovo Prime Minister Albin Kurti's insistence "
                               "that Serbia recognise Kosovo first.")
    assert ("EUR", "XKX", "112") in got and not any(code.startswith("10") for _, _, code in got)


def test_telling_someone_to_act_is_a_demand(cameo_triples):
    """ "told X to withdraw its ship": a directive (10, here 1056 for a withdrawal), while "told X that ..."
    stays the speech verb of what follows."""
    assert ("CHN", "PHL", "1056") in cameo_triples("Beijing told Manila to withdraw its ship from the shoal.")
    got = cameo_triples("The ministry told reporters that Japan had condemned the launch by North Korea.")
    assert not any(code.startswith("10") for _, _, code in got)
