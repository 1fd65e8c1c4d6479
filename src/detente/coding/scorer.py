"""The fitted sentence classifier's arithmetic in NumPy, so that coding does not import scikit-learn.

:class:`~detente.coding.classifier.QuadClassifier` is trained with scikit-learn: three
TF-IDF blocks (word 1-2-grams, character 2-5-grams inside word boundaries, spaCy
predicate tokens) and a multinomial logistic regression. Applying it is a few lines of
arithmetic, but importing scikit-learn to do so costs about a CPU-second (it imports
SciPy's statistics and pandas), as much as parsing 500 sentences: the largest single
cost of `detente code --sentences` after the parse (benchmarks/coding_speed.py).

:class:`LinearScorer` holds what the fit learned (vocabularies, idf weights,
coefficients and intercepts) and computes what scikit-learn would:

* features: lower-case text; word tokens are runs of two or more word characters
  (scikit-learn's default ``token_pattern``), with their bigrams; character n-grams of
  each whitespace-separated word padded with one space on either side (``char_wb``: a
  padded word no longer than n gives itself once); syntax tokens as they come;
* per block: term counts of known terms, ``1 + ln(count)`` (``sublinear_tf``), times the
  term's idf, divided by the row's Euclidean norm;
* class probabilities: the softmax of ``X @ coef.T + intercept``.

A test checks it against the scikit-learn model on real sentences (the same top label,
probabilities equal to 1e-12). :func:`default_scorer` exports the shipped default model
once, next to its disk cache, and later processes read the export with NumPy alone.

Choices
-------
- Only the configuration :class:`QuadClassifier` fits is supported; :meth:`LinearScorer.from_classifier`
  refuses (:class:`~detente.errors.ModelError`) any other vectorizer setting, so the
  arithmetic can never silently differ from the model's.
- The export is an uncompressed ``.npz`` (no pickle): about 5 MB, read in milliseconds.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding.labels import RootPredictions
from detente.errors import MissingDependencyError, ModelError
from detente.files import atomic_path

SCORE_SLICE = 512
"""Sentences whose TF-IDF rows are built together (about 200 non-zeros each)."""

EXPORT_VERSION = "1"
"""Bumped when the export's layout changes (older exports are then rebuilt)."""

_WORD = re.compile(r"(?u)\b\w\w+\b")
_BLOCKS = ("word", "char", "syn")
# The vectorizer settings the arithmetic here reproduces, per block (anything else is refused).
_EXPECTED: dict[str, dict[str, Any]] = {
    "word": {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": _WORD.pattern},
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5)},
    "syn": {"ngram_range": (1, 1)},
}
_COMMON: dict[str, Any] = {
    "lowercase": True, "sublinear_tf": True, "norm": "l2", "use_idf": True, "binary": False,
    "strip_accents": None, "stop_words": None, "preprocessor": None, "tokenizer": None, "input": "content",
}


def word_terms(text: str) -> list[str]:
    """Word unigrams and bigrams of a sentence, as the word block counts them."""
    tokens = _WORD.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def char_terms(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams (`low` to `high`) of each word padded with a space on either side."""
    out: list[str] = []
    for word in text.lower().split():
        out += _word_char_terms(word, low, high)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _word_char_terms(word: str, low: int, high: int) -> tuple[str, ...]:
    # cached: news repeats its words, and this loop is most of the scorer's time
    padded = f" {word} "
    size = len(padded)
    out: list[str] = []
    for n in range(low, high + 1):
        if size <= n:
            out.append(padded)
            break
        out += [padded[i:i + n] for i in range(size - n + 1)]
    return tuple(out)


class LinearScorer(RootPredictions):
    """A fitted TF-IDF + multinomial logistic regression model applied with NumPy.

    Made from a fitted :class:`~detente.coding.classifier.QuadClassifier`
    (:meth:`from_classifier`) or read from an export (:meth:`load`); answers as it does
    (:meth:`predict_label_proba`, :meth:`predict_root`), so the coder takes either.
    """

    def __init__(
        self, *, vocabularies: dict[str, dict[str, int]], idf: dict[str, np.ndarray], coef: np.ndarray,
        intercept: np.ndarray, classes: Sequence[str], label_kind: str, scheme: str, meta: dict[str, Any],
    ) -> None:
        self.vocabularies = vocabularies
        self.idf = idf
        self.coef = np.ascontiguousarray(coef, dtype=np.float64)
        self._coef_t = np.ascontiguousarray(self.coef.T)  # one contiguous row per feature
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.asarray([str(c) for c in classes])
        self.label_kind = label_kind
        self.scheme = scheme
        self.meta = meta
        self.uses_syntax = "syn" in vocabularies
        self._char_columns: dict[str, np.ndarray] = {}  # word -> columns of its known character n-grams
        offset = 0
        self._offsets: dict[str, int] = {}
        for block in _BLOCKS:
            if block in vocabularies:
                self._offsets[block] = offset
                offset += len(idf[block])
        if offset != self.coef.shape[1] or self.coef.shape[0] != len(self.classes_) or len(self.classes_) < 3:
            raise ModelError(f"inconsistent scorer: {offset} features and coefficients of shape {self.coef.shape} "
                             f"for {len(self.classes_)} classes", hint="delete the export; it is rebuilt on next use")

    # -- from a fitted model ---------------------------------------------------------------

    @classmethod
    def from_classifier(cls, model: Any) -> LinearScorer:
        """The scorer of a fitted :class:`~detente.coding.classifier.QuadClassifier`.

        Raises
        ------
        ModelError
            The model is not fitted, is binary, or uses vectorizer settings this module
            does not reproduce.
        """
        fitted = getattr(model, "_model", None)
        if fitted is None or getattr(model, "classes_", None) is None:
            raise ModelError("the classifier is not fitted", hint="call fit() or load() first")
        vectorizers = {"word": model._word, "char": model._char}
        if getattr(model, "_syn", None) is not None:
            vectorizers["syn"] = model._syn
        for block, vec in vectorizers.items():
            params = vec.get_params()
            wanted = {**_COMMON, **_EXPECTED[block]}
            if block == "syn":
                wanted.pop("lowercase")  # a callable analyzer gets the tokens as they are
                if not callable(params.get("analyzer")):
                    raise ModelError("syntax block without its token analyzer", hint="retrain the classifier")
            odd = {k: params.get(k) for k, v in wanted.items() if params.get(k) != v}
            if odd:
                raise ModelError(f"{block} features use settings the NumPy scorer does not reproduce: {odd}",
                                 hint="use the scikit-learn model itself")
        if getattr(fitted, "multi_class", "auto") not in ("auto", "multinomial", "deprecated") or fitted.coef_.shape[0] < 3:
            raise ModelError("only multinomial models with three or more classes are supported",
                             hint="use the scikit-learn model itself")
        vocabularies = {b: {str(t): int(i) for t, i in v.vocabulary_.items()} for b, v in vectorizers.items()}
        idf = {b: np.asarray(v.idf_, dtype=np.float64) for b, v in vectorizers.items()}
        return cls(vocabularies=vocabularies, idf=idf, coef=fitted.coef_, intercept=fitted.intercept_,
                   classes=[str(c) for c in model.classes_], label_kind=str(model.label_kind),
                   scheme=str(model.scheme), meta=dict(getattr(model, "meta", {}) or {}))

    # -- prediction ------------------------------------------------------------------------

    def _block(self, block: str, found: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, feature column, value) of every non-zero of one block's TF-IDF matrix.

        `found` holds the block's column of every known term of every sentence in turn,
        `lengths` how many belong to each sentence. Rows are l2-normalised; within a row
        the columns are sorted (scikit-learn sums in that order).
        """
        idf = self.idf[block]
        width = len(idf)
        rows = np.repeat(np.arange(len(lengths), dtype=np.intp), lengths)
        keys, counts = np.unique(rows * width + found, return_counts=True)
        rows, cols = np.divmod(keys, width)
        values = np.log(counts.astype(np.float64))
        values += 1.0
        values *= idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(lengths)))[rows]
        np.divide(values, norms, out=values, where=norms > 0.0)
        return rows, cols + self._offsets[block], values

    def _known(self, block: str, terms_per_sentence: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(columns of the known terms of all sentences in turn, how many per sentence)."""
        vocab = self.vocabularies[block]
        per = [[j for j in map(vocab.get, terms) if j is not None] for terms in terms_per_sentence]
        lengths = np.fromiter(map(len, per), dtype=np.intp, count=len(per))
        return np.fromiter((j for row in per for j in row), dtype=np.intp, count=int(lengths.sum())), lengths

    def _known_chars(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_known` of the character block, from a per-word cache (news repeats its words)."""
        vocab = self.vocabularies["char"]
        cache = self._char_columns
        if len(cache) > 1 << 17:
            cache.clear()
        parts: list[np.ndarray] = []
        lengths = np.zeros(len(sentences), dtype=np.intp)
        for i, sentence in enumerate(sentences):
            for word in sentence.lower().split():
                cols = cache.get(word)
                if cols is None:
                    known = [j for j in map(vocab.get, _word_char_terms(word, 2, 5)) if j is not None]
                    cols = cache[word] = np.array(known, dtype=np.intp)
                parts.append(cols)
                lengths[i] += len(cols)
        return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.intp)), lengths

    def decision_function(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None) -> np.ndarray:
        """``X @ coef.T + intercept`` for each sentence (one row per sentence, one column per class).

        The TF-IDF rows are built for :data:`SCORE_SLICE` sentences at a time, in one NumPy
        pass per block; each row then takes one product with the coefficients of its terms.
        """
        from detente.coding.text_model import parse_syntax

        sentences = list(sentences)
        syn: list[Any] | None = None
        if self.uses_syntax:
            syn = parse_syntax(sentences, docs)
            if syn is None:
                raise MissingDependencyError("spacy", "nlp", "This classifier (trained with syntax features)")
        out = np.zeros((len(sentences), len(self.classes_)))
        for first in range(0, len(sentences), SCORE_SLICE):
            part = sentences[first:first + SCORE_SLICE]
            blocks = [self._block("word", *self._known("word", [word_terms(s) for s in part])),
                      self._block("char", *self._known_chars(part))]
            if syn is not None:
                blocks.append(self._block("syn", *self._known("syn", syn[first:first + SCORE_SLICE])))
            rows = np.concatenate([b[0] for b in blocks])
            order = np.argsort(rows, kind="stable")  # by sentence; within one, the blocks in turn
            rows, cols, values = rows[order], np.concatenate([b[1] for b in blocks])[order], \
                np.concatenate([b[2] for b in blocks])[order]
            bounds = np.searchsorted(rows, np.arange(len(part) + 1)).tolist()
            for i in range(len(part)):
                a, b = bounds[i], bounds[i + 1]
                if b > a:
                    out[first + i] = values[a:b] @ self._coef_t[cols[a:b]]
        out += self.intercept
        return out

    def predict_label_proba(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None) -> np.ndarray:
        """Probabilities over :attr:`classes_` (the softmax of :meth:`decision_function`)."""
        if not len(sentences):
            return np.zeros((0, len(self.classes_)))
        scores = self.decision_function(sentences, docs=docs)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


    # -- export ----------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the scorer as an uncompressed ``.npz`` (no pickle), atomically."""
        path = Path(path)
        arrays: dict[str, np.ndarray] = {
            "coef": self.coef, "intercept": self.intercept, "classes": self.classes_,
            "header": np.array(json.dumps({"format": "detente-linear-scorer", "version": EXPORT_VERSION,
                                           "label_kind": self.label_kind, "scheme": self.scheme,
                                           "blocks": list(self.vocabularies), "meta": self.meta})),
        }
        for block, vocab in self.vocabularies.items():
            terms = [""] * len(vocab)
            for term, j in vocab.items():
                terms[j] = term
            arrays[f"{block}_terms"] = np.array(terms, dtype=str)
            arrays[f"{block}_idf"] = self.idf[block]
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:  # a handle: np.savez would add ".npz" to a name
            np.savez(fh, **arrays)
        return path

    @classmethod
    def load(cls, path: str | Path) -> LinearScorer:
        """Read an export written by :meth:`save`.

        Raises
        ------
        ModelError
            The file is not a scorer export of this version.
        """
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(str(data["header"]))
                if header.get("format") != "detente-linear-scorer" or header.get("version") != EXPORT_VERSION:
                    raise ModelError(f"{path}: not a detente scorer export of version {EXPORT_VERSION}",
                                     hint="delete it; it is rebuilt on next use")
                vocabularies = {b: {t: j for j, t in enumerate(data[f"{b}_terms"].tolist())} for b in header["blocks"]}
                idf = {b: data[f"{b}_idf"] for b in header["blocks"]}
                return cls(vocabularies=vocabularies, idf=idf, coef=data["coef"], intercept=data["intercept"],
                           classes=data["classes"].tolist(), label_kind=header["label_kind"],
                           scheme=header["scheme"], meta=header.get("meta", {}))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: unreadable scorer export ({type(exc).__name__})",
                             hint="delete it; it is rebuilt on next use") from exc


def default_scorer() -> LinearScorer | Any:
    """The shipped default classifier as a :class:`LinearScorer`, read without scikit-learn when exported.

    The export lives beside the default model's disk cache
    (:func:`detente.coding.classifier.cache_dir`), under the same key (training data,
    scikit-learn version, feature version). When it is missing or unreadable, the
    default model is loaded or trained with scikit-learn
    (:func:`~detente.coding.classifier.default_classifier`) and exported for the next
    process; if it cannot be exported, the scikit-learn model itself is returned.
    """
    from detente.coding import classifier as clf_mod

    data = clf_mod.default_data()
    path = clf_mod.default_cache_file(data, f".scorer-v{EXPORT_VERSION}.npz")
    if path is not None and path.is_file():
        try:
            scorer = LinearScorer.load(path)
            if scorer.meta.get("data_sha256") == data.sha256:
                return scorer
        except ModelError:
            pass
    model = clf_mod.default_classifier()
    try:
        scorer = LinearScorer.from_classifier(model)
    except ModelError:
        return model
    if path is not None:
        try:
            scorer.save(path)
        except OSError:  # an unwritable cache directory is not an error
            pass
    return scorer
