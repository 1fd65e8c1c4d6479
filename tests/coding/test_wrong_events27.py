"""Session 27's wrong events of the rules on news_dev20, news_dev26 and news_dev27 (wrong27,
benchmarks/results/wrong_news_dev26_27.md): per fixed class, hand-written sentences whose old reading must be gone,
and near misses that keep their reading."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)

GONE = [
    # patterns: an asset freeze is a sanction (16), not CAMEO 1711's confiscation (17)
    ("an asset freeze", "Kenya froze the assets of Uganda's central bank on Tuesday.", "17"),
    ("an asset freeze", "Kenya has frozen the assets of two Ugandan officials.", "17"),
    ("an asset freeze", "On Thursday, Kenya started freezing all financial operations with Uganda.", "17"),
    # ranking.naming: "call X Y" with the object predicate parsed as a second object or an adjective after the object
    ("a judgement, not a call", "Chile called Peru's decision \"hasty and extreme\".", "04"),
    ("a judgement, not a call", "Norway scrambled jets to identify the Swedish plane, which it called a state aircraft.",
     "04"),
]

KEPT = [
    ("an asset freeze", "Kenya froze the assets of Uganda's central bank on Tuesday.", ("KEN", "UGA", "16")),
    ("a trade freeze", "Kenya froze all trade with Uganda.", ("KEN", "UGA", "16")),
    ("aid frozen", "Kenya froze aid to Uganda.", ("KEN", "UGA", "16")),
    ("a seizure", "Kenya seized a Ugandan fishing boat.", ("KEN", "UGA", "17")),
    ("a call", "Chile's president called Peru's president on Monday.", ("CHL", "PER", "04")),
    ("a call with a purpose", "Chile's president called his Peruvian counterpart to discuss the border.",
     ("CHL", "PER", "04")),
]


def countries(coder, sentence):
    return asserted_countries(coder, sentence, WHEN, code="root")


@pytest.mark.nlp
@pytest.mark.parametrize(("kind", "sentence", "root"), GONE)
def test_the_old_wrong_reading_is_gone(coder, kind, sentence, root):
    assert not {t for t in countries(coder, sentence) if t[2] == root}, kind


@pytest.mark.nlp
@pytest.mark.parametrize(("kind", "sentence", "expected"), KEPT)
def test_the_near_miss_keeps_its_reading(coder, kind, sentence, expected):
    assert expected in countries(coder, sentence), kind


PAGE_DAY = date(2024, 5, 10)  # a Friday

RESTATED_MEETINGS = [
    # abstention.meeting_told_undated: the day of a visit (coded so by its place) or a call after the lede told the
    # pair's meeting or call undated names that occasion again
    ("Kenya's president William Ruto held talks with Ugandan President Yoweri Museveni on the border dispute.",
     "The two presidents met in Kampala yesterday in a bid to calm tensions."),
    ("Kenya's president spoke by phone with Uganda's president about the border dispute.",
     "On Wednesday, Ruto spoke with Ugandan President Yoweri Museveni."),
]

NEW_MEETINGS = [
    # a date before the news week is a past act of its own (convention 12)
    ("Kenya's president held talks with Ugandan President Yoweri Museveni on the border dispute.",
     "The two presidents had met in Kampala in March."),
    # a call is no restatement of talks
    ("Kenya's president held talks with Ugandan President Yoweri Museveni on the border dispute.",
     "On Wednesday, Kenya's president spoke by phone with Ugandan President Yoweri Museveni."),
    # a dated round of talks after undated talks may be another round: it stays
    ("Kenya's president held talks with Ugandan President Yoweri Museveni on the border dispute.",
     "The foreign ministers of Kenya and Uganda held an emergency meeting on Wednesday night."),
]


def second_sentence(coder, page):
    return {(r.event.source[:3], r.event.target[:3], r.event.root)
            for r in coder.code_article_events(list(page), PAGE_DAY)[1] if not r.event.negated}


@pytest.mark.nlp
@pytest.mark.parametrize("page", RESTATED_MEETINGS)
def test_a_dated_meeting_after_the_undated_lede_is_a_restatement(coder, page):
    assert ("KEN", "UGA", "04") not in second_sentence(coder, page)


@pytest.mark.nlp
@pytest.mark.parametrize("page", NEW_MEETINGS)
def test_an_older_meeting_or_another_kind_is_a_new_act(coder, page):
    assert ("KEN", "UGA", "04") in second_sentence(coder, page)
