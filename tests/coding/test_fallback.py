"""The classifier's fallback stage: which waiting sentences the classifier's codes give events to."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.nlp


class Roots:
    """A classifier that gives fixed roots (probability 1.0, as a model without probabilities)."""

    def __init__(self, roots):
        self.roots = roots

    def predict_root(self, texts, docs=None):
        return self.roots[:len(texts)]


def _waiting(coder, texts):
    from detente.coding.context import Context
    from detente.coding.fallback import Waiting

    day = date(2024, 5, 2)
    return [Waiting(i, text, coder.nlp(text), Context.read(text, day), []) for i, text in enumerate(texts)]


def test_the_sentences_the_classifier_codes_get_its_event_and_the_others_are_not_returned(coder):
    from detente.coding.fallback import fallback_results

    texts = ["Chile hosted Peru's president at a dinner in Santiago.", "Chile hosted Peru's president again."]
    waiting = _waiting(coder, texts)
    found = dict(fallback_results(Roots(["04", None]), waiting, date(2024, 5, 2), coder.lemma, 0.5, partial=False))
    assert list(found) == [0]
    (result,) = found[0]
    assert (result.event.source[:3], result.event.target[:3], result.event.root) == ("CHL", "PER", "04")
    assert result.event.note == "classifier"
    unsure = dict(fallback_results(Roots(["04", "04"]), waiting, date(2024, 5, 2), coder.lemma, 1.5, partial=False))
    assert unsure == {}  # not sure enough, and partial events not asked for: nothing shown
