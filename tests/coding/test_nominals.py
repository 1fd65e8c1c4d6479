"""Acts named by a noun phrase (detente.coding.nominals), each construction pinned by hand-written
sentences with near-misses that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp

WHEN = date(2025, 3, 3)


def triples(coder, sentence):
    (events,) = coder.code_sentence_events([sentence], WHEN)
    return {(r.event.source, r.event.target, r.event.root) for r in events}


def countries(coder, sentence):
    return {(s[:3], t[:3], r) for s, t, r in triples(coder, sentence)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia's attack on Ukraine drew wide condemnation.", ("RUS", "UKR", "19")),
        ("Russian airstrikes on Ukraine this morning killed four civilians, a local official said.", ("RUS", "UKR", "19")),
        ("Ukraine said the Russian attack on Kyiv killed five people.", ("RUS", "UKR", "19")),
        ("Israel's strike on Iran's consulate in Damascus killed seven officers.", ("ISR", "IRN", "19")),
        ("Following Russia's expulsion of Estonian diplomats, Estonia summoned the Russian ambassador.",
         ("RUS", "EST", "16")),
        ("New US sanctions against Iran took effect on Monday.", ("USA", "IRN", "16")),
        ("Russia's arrest of an American journalist angered Washington.", ("RUS", "USA", "17")),
        ("Venezuela's seizure of a Guyanese fishing boat angered Guyana.", ("VEN", "GUY", "17")),
    ],
)
def test_an_act_inside_a_noun_phrase_is_coded_from_its_possessor_to_its_object(coder, sentence, expected):
    assert expected in countries(coder, sentence)


def test_a_joint_act_named_by_two_joined_actors_is_coded_both_ways(coder):
    got = countries(coder, "The China-India talks ended without a deal on Friday.")
    assert {("CHN", "IND", "04"), ("IND", "CHN", "04")} <= got


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's possible attack on Finland worries analysts.",  # a possibility
        "Analysts warned that a Chinese attack on Taiwan would be costly.",  # a conditional, in a reported clause
        "A Chinese attack on Taiwan could start a wider war.",
        "If Russia's attack on Ukraine fails, Putin will fall.",
        "Iran's 2019 attack on Saudi oil facilities was never avenged.",  # an earlier year: history
        "Russia's invasion of Ukraine has killed thousands.",  # a state of war, not an act of the news
        "The US sanctions against Iran hurt its economy.",  # a standing measure, nothing new
        "A general strike against the government paralysed Nigeria.",  # a walkout
        "The US-China talks will begin next week.",  # still to come
        "The attack on Kyiv killed five people.",  # no author named
    ],
)
def test_unreal_historic_standing_or_authorless_acts_in_noun_phrases_are_not_coded(coder, sentence):
    got = countries(coder, sentence)
    assert not any(r in ("19", "16", "04") for _, _, r in got), got


def test_an_act_noun_in_an_infinitive_clause_is_not_coded(coder):
    got = countries(coder, "Berlin welcomed the proposal as a sign of hope for a deal to be reached in the US-Iran talks.")
    assert not {("USA", "IRN", "04"), ("IRN", "USA", "04")} & got, got


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Macron's talks with Xi focused on trade.", {("FRA", "CHN", "046"), ("CHN", "FRA", "046")}),
    ("Trump's call with Putin lasted two hours.", {("USA", "RUS", "041"), ("RUS", "USA", "041")}),
])
def test_joint_noun_with_owner_and_with_phrase_is_coded_both_ways(coder, sentence, expected):
    (results,) = coder.code_sentence_events([sentence], date(2025, 3, 3))
    assert expected <= {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in results}


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "The visit comes amid a dispute over Iran's nuclear negotiations with the US.",
    "Macron's planned talks with Xi were cancelled.",
    "Macron's talks with Xi will focus on trade.",
])
def test_joint_noun_in_background_or_not_real_is_no_event(coder, sentence):
    (results,) = coder.code_sentence_events([sentence], date(2025, 3, 3))
    assert not any(r.event.cameo in ("046", "040", "041") and not r.partial for r in results)


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("During a meeting with Kenyan President William Ruto, the Norwegian prime minister said trade would grow.",
     {("NOR", "KEN", "040"), ("KEN", "NOR", "040")}),
    ("After talks with Chinese officials, the Kenyan president signed a loan deal.",
     {("KEN", "CHN", "046"), ("CHN", "KEN", "046")}),
])
def test_a_meeting_that_sets_the_time_of_a_clause_is_its_subjects(coder, sentence, expected):
    (results,) = coder.code_sentence_events([sentence], date(2025, 3, 3))
    assert expected <= {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in results}


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "The accords are to be ratified at a meeting with Kenyan President William Ruto.",  # a passive clause
    # a definite meeting refers back to one the article told already (no restatement is coded)
    "During the meeting with Kenyan President William Ruto, the Norwegian prime minister said trade would grow.",
])
def test_a_meeting_of_a_passive_clause_or_told_before_names_no_host(coder, sentence):
    (results,) = coder.code_sentence_events([sentence], date(2025, 3, 3))
    assert not any(r.event.cameo == "040" and not r.partial for r in results)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow ordered the expulsion of the ambassadors of Poland, Latvia, Lithuania and Estonia on Friday.",
         {("RUS", "POL", "16"), ("RUS", "LVA", "16"), ("RUS", "LTU", "16"), ("RUS", "EST", "16")}),
        ("Canada's new sanctions on Russia, Belarus, Iran and Myanmar took effect on Monday.",
         {("CAN", "RUS", "16"), ("CAN", "BLR", "16"), ("CAN", "IRN", "16"), ("CAN", "MMR", "16")}),
    ],
)
def test_a_one_sided_act_noun_reaches_every_member_of_a_long_list(coder, sentence, expected):
    """Convention 2: each member of a coordinated side is a side; a noun's act on four states is four events, as the
    verb's is (session 26, gaps26: the noun path kept the first three)."""
    assert expected <= countries(coder, sentence)
