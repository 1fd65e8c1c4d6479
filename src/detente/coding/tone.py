"""Tone of sentences and documents with VADER (Hutto & Gilbert, ICWSM 2014).

VADER is a rule-and-lexicon sentiment scorer whose lexicon ships inside the
`vaderSentiment` package, so it runs offline. Its *compound* score lies in [-1, 1].
Sentence tone goes on every event; document tone is the mean compound over the
document's sentences, so that how an outlet speaks of an actor can be followed over
time (group events by source outlet and month, average `tone`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from detente.optional import require


@functools.cache
def _analyzer() -> Any:
    vader = require("vaderSentiment.vaderSentiment", extra="nlp", purpose="Scoring tone")
    return vader.SentimentIntensityAnalyzer()


def sentence_tone(text: str) -> float:
    """VADER compound score of one sentence, in [-1, 1] (0 for empty text).

    Scores are cached by sentence text (news repeats sentences across outlets and
    updates, and one sentence may carry several events).
    """
    if not text or not text.strip():
        return 0.0
    return _compound(text)


@functools.lru_cache(maxsize=8192)
def _compound(text: str) -> float:
    return round(float(_analyzer().polarity_scores(text)["compound"]), 4)


def document_tone(sentence_tones: Iterable[float]) -> float | None:
    """Mean of the sentence scores (None for a document without sentences)."""
    values = list(sentence_tones)
    if not values:
        return None
    return round(sum(values) / len(values), 4)
