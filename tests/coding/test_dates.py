"""Date phrases resolved against the document date, with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding.dates import find_dates

DOC = date(2025, 2, 20)


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("On February 18, 2025, the delegations met.", date(2025, 2, 18), "day"),
        ("Trump on February 19, 2025, called him a dictator.", date(2025, 2, 19), "day"),
        ("They met on 18 February 2025 in Riyadh.", date(2025, 2, 18), "day"),
        ("Zelensky said on February 19 that ...", date(2025, 2, 19), "day"),
        ("He rejected the proposal this week.", DOC, "day"),
        ("They spoke last week.", date(2025, 2, 13), "day"),
        ("He approved the sale in 2019.", date(2019, 1, 1), "year"),
        ("In 2019, Trump also issued sanctions.", date(2019, 1, 1), "year"),
        ("They imposed sanctions in May 2024.", date(2024, 5, 1), "month"),
        ("Trump, in January 2025, promised to act.", date(2025, 1, 1), "month"),
        ("Talks resumed yesterday.", date(2025, 2, 19), "day"),
        ("The offer came last month.", date(2025, 1, 1), "month"),
        ("The ministers met on Monday.", date(2025, 2, 17), "day"),
        ("Russia invaded in 2014.", date(2014, 1, 1), "year"),
    ],
)
def test_date_phrases(sentence, expected, precision):
    found = find_dates(sentence, DOC)
    assert found, sentence
    assert (found[0].date, found[0].precision) == (expected, precision)
    assert sentence[found[0].start:found[0].end] == found[0].text


def test_day_and_month_after_the_document_date_fall_in_the_previous_year():
    (found,) = find_dates("They met on December 30.", date(2025, 1, 5))
    assert found.date == date(2024, 12, 30)


def test_relative_dates_need_a_document_date():
    assert find_dates("They met last week.", None) == []
    assert find_dates("They met on February 18, 2025.", None)[0].date == date(2025, 2, 18)


@pytest.mark.parametrize(
    "sentence",
    ["It cost US$183 billion.", "within 100 days of taking office", "in 24 hours", "He may say so.", "March on!"],
)
def test_numbers_and_month_words_are_not_dates(sentence):
    assert find_dates(sentence, DOC) == []


def test_invalid_calendar_dates_are_ignored():
    assert all(d.date != date(2025, 2, 30) for d in find_dates("On February 30, 2025 nothing happened.", DOC))


def test_skipping_patterns_a_sentence_cannot_hold_changes_nothing(monkeypatch):
    import json
    import re
    from pathlib import Path

    import detente.coding.dates as dates_mod

    news = Path(__file__).resolve().parents[2] / "data" / "news_dev" / "news_dev.jsonl"
    sentences = [json.loads(line)["sentence"] for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences += [
        "In mid-January the talks resumed; by late 2019 they had not.", "2020-03-05: troops left.",
        "On Monday and last week, then this month and last year.", "It rose 5 percent in May 12 trading.",
        "EARLIER THIS YEAR, on sunday, TODAY.", "Since 2014, Feb. 3, 2015 and 4 of March 2016.",
    ]
    with_skips = [find_dates(s, DOC) for s in sentences]
    anything = re.compile("")
    monkeypatch.setattr(dates_mod, "_NEEDS", {kind: anything for kind in dates_mod._NEEDS})
    assert [find_dates(s, DOC) for s in sentences] == with_skips
    assert sum(map(len, with_skips)) > 50  # the sample is full of dates
