"""The CAMEO root a sentence classifier gives, the same way for every classifier.

The coder's fallback asks a classifier for a sentence's root when no pattern codes it.
The scikit-learn model (`classifier.QuadClassifier`), its NumPy export
(`scorer.LinearScorer`) and the encoder model (`sentence_model.EncoderClassifier`)
answer that question alike: the most probable of their labels, which must be CAMEO
roots. This module keeps that answer in one place and imports nothing heavy, so the
NumPy scorer stays free of scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from detente.errors import ModelError


class RootPredictions:
    """Mixin: `predict_root` from the class's `predict_label_proba`, `classes_` and `label_kind`."""

    label_kind: str
    classes_: np.ndarray

    def _check_fitted(self) -> None:
        """Raise if the model cannot predict yet (a loaded export always can)."""

    def predict_label_proba(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None) -> np.ndarray:
        raise NotImplementedError

    def predict_root(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None) -> list[str]:
        """The most probable CAMEO root code of each sentence (root-trained models only)."""
        self._check_fitted()
        if self.label_kind != "root":
            raise ModelError("this classifier was trained on quad classes, not CAMEO roots",
                             hint="train it on a file with a CAMEO code column to get roots")
        proba = self.predict_label_proba(sentences, docs=docs)
        return [str(self.classes_[i]) for i in proba.argmax(axis=1)]


__all__ = ["RootPredictions"]
