"""Event nouns (coding/event_nouns.py): talks and visits named by a noun with their parties. Hand-written
sentences."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp


def test_a_visit_named_by_a_noun_is_the_visitor_visiting_the_place(triples):
    got = triples("In the first visit by a French foreign minister to Algiers since 2019, he met Tebboune.")
    assert ("FRAGOV", "DZA", "04") in got
    assert not any(root == "04" for *_, root in triples("The visit was cancelled by Poland.", partial=True))


def test_any_talks_noun_between_two_parties_is_a_meeting_both_ways(triples):
    got = {(s[:3], t[:3], r) for s, t, r in triples("The decision followed a dialogue between Serbia and Croatia.")}
    assert {("SRB", "HRV", "04"), ("HRV", "SRB", "04")} <= got, got
    assert not any(r == "04" for _, _, r in triples("The ongoing dialogue between Serbia and Kosovo has stalled."))
    assert ("XKX", "ALB", "04") not in set(triples("Serbia called for a dialogue between Kosovo and Albania."))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "visit"),
    [
        ("The deal was announced during Norwegian Prime Minister Jonas Store's visit to Nairobi.", True),
        ("Store's upcoming visit to Nairobi was discussed.", False),  # not yet made
        ("Store's visit to Nairobi next week was discussed.", False),
        ("Ruto spoke to reporters ahead of the Norwegian Prime Minister Jonas Store's visit to Nairobi.", False),
        ("Both leaders met before their trips to Nairobi.", False),  # whose trips: an earlier sentence says
    ],
)
def test_a_possessor_is_the_visitor_of_a_visit_noun(coder, sentence, visit):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert any(r.event.cameo == "042" and r.event.target == "KEN" for r in events) is visit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("During a two-day visit to Kenya last week, the Norwegian foreign minister praised its reforms.",
         ("NOR", "KEN", "042")),
        ("The Norwegian foreign minister, on his first visit to Nairobi, praised the reforms.", ("NOR", "KEN", "042")),
        ("Speaking during a visit to Nairobi on Monday, the Norwegian foreign minister praised the reforms.",
         ("NOR", "KEN", "042")),
        ("The Norwegian foreign minister will discuss trade during his visit to Nairobi.", ("NOR", "KEN", "036")),
    ],
)
def test_a_visit_named_as_the_occasion_of_the_subjects_act_is_its_visit(cameo_triples, sentence, expected):
    """The visitor is the clause's subject: "during a visit to Y, X did ..." (X 042 Y; one still to come, 036)."""
    got = {(s[:3], t[:3], c) for s, t, c in cameo_triples(sentence)}
    assert expected in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "The Norwegian foreign minister was insulted during his visit to Nairobi.",  # done to the visitor
        "The Norwegian foreign minister commented on a visit to Nairobi.",  # the topic, no occasion
        "The Norwegian foreign minister congratulated the Danish king on his visit to Nairobi.",
        "During the visit to Nairobi, the Norwegian foreign minister praised the reforms.",  # told already
        "During a visit to Nairobi by the Danish king, the Norwegian foreign minister praised the reforms.",
    ],
)
def test_no_visit_of_the_subject_where_the_phrase_is_no_occasion_of_its_own_act(cameo_triples, sentence):
    got = {(s[:3], t[:3], c) for s, t, c in cameo_triples(sentence)}
    assert ("NOR", "KEN", "042") not in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya offered to host talks between Ethiopia and Eritrea.",  # the parser reads "host" as a noun
        "Kenya offered on Friday to host talks between Ethiopia and Eritrea.",
        "Kenya renewed its offer to host talks between Ethiopia and Eritrea.",
        "Norway made an offer of negotiations between Ethiopia and Eritrea.",
        "Ghana submitted a proposal for a meeting between Ethiopia and Eritrea.",
        "Ghana proposed Accra as a venue for talks between Ethiopia and Eritrea.",
        "The envoy called for a new round of a dialogue between Ethiopia and Eritrea.",
    ],
)
def test_talks_only_offered_or_proposed_are_no_talks_held(triples, sentence):
    """Convention 10: an offer or proposal of a meeting is its author's (03), no meeting of its parties."""
    got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
    assert ("ETH", "ERI", "04") not in got and ("ERI", "ETH", "04") not in got, got


def test_talks_held_under_a_proposal_elsewhere_stay_held(triples):
    for sentence in ("Kenya hosted talks between Ethiopia and Eritrea on Monday.",
                     "Kenya, which had offered its help, hosted talks between Ethiopia and Eritrea on Monday.",
                     "Kenya hosted the talks between Ethiopia and Eritrea that Ghana had offered to host.",
                     "Ghana made its proposal at a meeting between Ethiopia and Eritrea.",
                     "Ghana offered its support to the talks between Ethiopia and Eritrea."):
        got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
        assert ("ETH", "ERI", "04") in got and ("ERI", "ETH", "04") in got, (sentence, got)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "cameo"),
    [
        ("Talks stalled ahead of the Norwegian Prime Minister's visit to Kenya.", "036"),  # to come: intent
        ("The Norwegian Prime Minister's upcoming visit to Kenya was discussed in Oslo.", "036"),
        ("The Norwegian Prime Minister's visit to Kenya will strengthen trade ties.", "036"),  # a future clause
        ("The Norwegian Prime Minister will arrive on a three-day visit to Kenya on Thursday.", "036"),
        ("The Norwegian Prime Minister is set to embark on a visit to Kenya.", "036"),  # fixed for later
        ("The Norwegian Prime Minister arrived on a three-day visit to Kenya on Thursday.", "042"),  # made
        ("The Norwegian Prime Minister's visit to Kenya could strengthen trade ties.", None),  # speculation
        ("A possible visit to Kenya by the Norwegian Prime Minister was discussed.", None),
    ],
)
def test_a_visit_noun_still_to_come_is_the_visitors_intent_to_meet(coder, sentence, cameo):
    """Convention 10 of the news guide: a visit fixed for later is 036 from the traveller; rule 7: none for a
    visit only held possible."""
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    got = {r.event.cameo for r in events if r.event.source[:3] == "NOR" and r.event.target[:3] == "KEN"}
    assert got == ({cameo} if cameo else set()), got


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("A summit between Narendra Modi and Xi Jinping later this week will build trust.", "03"),
        ("Monday's meeting between Narendra Modi and Xi Jinping will be the high point of the thaw.", "03"),
        ("Markets rallied ahead of the summit between Narendra Modi and Xi Jinping.", "03"),
        ("The summit between Narendra Modi and Xi Jinping ended without a deal.", "04"),  # held
        ("A summit between Narendra Modi and Xi Jinping could ease tensions.", None),  # speculation
    ],
)
def test_a_meeting_between_two_parties_still_to_come_is_intent_both_ways(coder, sentence, root):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    got = {(r.event.source[:3], r.event.target[:3], r.event.root) for r in events}
    want = {("IND", "CHN", root), ("CHN", "IND", root)} if root else set()
    assert {t for t in got if {t[0], t[1]} == {"IND", "CHN"}} == want, got
