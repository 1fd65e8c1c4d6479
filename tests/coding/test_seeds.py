"""The seed articles: the coder recovers the events a reader sees in them.

Needs ../shared/seeds (relative to the repository root); skipped when absent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.coding import is_asserted
from detente.coding.reader import read_file

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
ANALYSIS = SEEDS / "000_0893147c89d5f6ac.txt"  # "Contesting Russia" analysis, May 2025
INTERVIEW = SEEDS / "004_7eae00be052e8fa1.txt"  # The Conversation interview, 20 February 2025

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.nlp,
    pytest.mark.skipif(not (ANALYSIS.exists() and INTERVIEW.exists()), reason="../shared/seeds is absent"),
]


@pytest.fixture(scope="module")
def seed_events(coder):
    docs = read_file(ANALYSIS, default_date=date(2025, 5, 20)) + read_file(INTERVIEW, default_date=date(2025, 2, 20))
    return [e for e in coder.code_documents(docs) if is_asserted(e)]


def _find(events, source, target, root=None, *, quad=None, on=None, words=""):
    return [
        e for e in events
        if e.source[:3] == source and e.target[:3] == target
        and (root is None or e.root == root) and (quad is None or e.quad == quad)
        and (on is None or e.date == on) and words in e.sentence
    ]


def test_rubio_lavrov_talks_in_riyadh(seed_events):
    found = _find(seed_events, "USA", "RUS", "04", on=date(2025, 2, 18), words="Riyadh")
    assert found and found[0].cameo == "044" and found[0].date_precision == "day"
    assert _find(seed_events, "RUS", "USA", "04", on=date(2025, 2, 18))


def test_trump_putin_phone_call(seed_events):
    assert _find(seed_events, "USA", "RUS", "04", on=date(2025, 2, 12), words="phone call")


def test_trump_calls_zelensky_a_dictator(seed_events):
    (event,) = _find(seed_events, "USA", "UKR", quad=3, words="dictator")
    assert (event.source, event.target, event.cameo, event.date) == ("USAGOV", "UKRGOV", "111", date(2025, 2, 19))
    assert event.quote == "a dictator"


def test_zelensky_rejects_the_minerals_proposal(seed_events):
    (event,) = _find(seed_events, "UKR", "USA", "12", words="rejected that proposal")
    assert event.date == date(2025, 2, 20)  # "this week", against the article's date


def test_sanctions_threat(seed_events):
    (event,) = _find(seed_events, "USA", "RUS", "13", words="promised to sanction")
    assert event.cameo == "1312" and event.modality == "threat"
    assert (event.date, event.date_precision) == (date(2025, 1, 1), "month")


def test_belarus_offer(seed_events):
    (event,) = _find(seed_events, "USA", "BLR", words="relax sanctions")
    assert event.cameo == "0354" and event.modality == "intent"


def test_dated_history(seed_events):
    assert _find(seed_events, "USA", "RUS", "16", on=date(2024, 5, 1), words="uranium")
    assert _find(seed_events, "RUS", "EUR", "16", on=date(2025, 1, 1), words="Gazprom")
    assert _find(seed_events, "USA", "RUS", "16", on=date(2019, 1, 1), words="Nord Stream")
