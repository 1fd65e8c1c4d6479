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
