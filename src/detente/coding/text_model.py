"""The TF-IDF sentence classifier of the CAMEO quad class (or root): `QuadClassifier`.

Model
-----
A multinomial logistic regression (scikit-learn, ``saga``) over three sparse,
L2-normalised TF-IDF blocks:

* word uni- and bigrams (lower case, sublinear term frequency);
* character 2-5-grams inside word boundaries (robust to inflection and spelling);
* *syntax tokens* read off a spaCy dependency parse when spaCy and its English
  pipeline are installed: the lemma of the main verb and of the verbs it governs
  through ``xcomp``/``ccomp``/``conj``/``advcl`` (so "X said Y attacked Z" yields
  ``V:attack``), verb-object and verb-preposition-noun pairs, negation and modal
  auxiliaries. These carry the event's predicate whatever the actors are called,
  which is what lets a model trained on a thousand sentences generalise.

Labels are quads or CAMEO roots (:mod:`detente.coding.labelled`). Everything runs
offline on a CPU; training on the shipped examples takes seconds. Saved models
(:meth:`QuadClassifier.save`, joblib) record the scikit-learn version and the feature
version; loading a model pickled by another version raises
:class:`~detente.errors.ModelError` with the command to retrain. The shipped default,
training from a user's file and loading any saved model are in
:mod:`detente.coding.classifier`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding.labelled import normalise_labels, quad_probabilities, quad_scheme
from detente.coding.labels import RootPredictions
from detente.errors import InputError, MissingDependencyError, ModelError
from detente.files import atomic_path

FEATURE_VERSION = "3"
"""Bumped whenever the features change, so stale disk caches are not reused."""


# -- syntax features -------------------------------------------------------------------------

_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "must", "can", "shall"})
_FOLLOW_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp"})
_ARG_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd", "acomp"})
_MAX_DEPTH = 3


def syntax_tokens(doc: Any) -> list[str]:
    """Predicate features of a parsed spaCy `Doc` (or `Span`) holding one sentence.

    When the parser splits the text into several sentences, the first three are read.
    Walks from each syntactic root down the clausal dependents (``xcomp``, ``ccomp``,
    ``conj``, ``advcl``; at most three levels) and emits, for each verb: ``V:lemma``,
    ``<dep>:lemma``, ``VO:lemma_objlemma`` and ``O:objlemma`` for its object,
    ``VP:lemma_prep_nounlemma`` for a prepositional complement, ``NEG``/``NEG:lemma``
    when negated and ``MOD:aux`` for a modal auxiliary.
    """
    lem = _lemma_function(doc)
    sents = list(doc.sents) if hasattr(doc, "sents") else [doc]
    if not sents:
        return []
    out: list[str] = []
    stack = [(sent.root, "R", 0) for sent in reversed(sents[:3])]
    while stack:
        tok, rel, depth = stack.pop()
        if depth > _MAX_DEPTH:
            continue
        verb = lem(tok)
        if tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX"):
            out.append(f"V:{verb}")
            out.append(f"{rel}:{verb}")
            for child in tok.children:
                dep = child.dep_
                if dep == "neg":
                    out.append("NEG")
                    out.append(f"NEG:{verb}")
                elif dep in _ARG_DEPS:
                    obj = lem(child)
                    out.append(f"VO:{verb}_{obj}")
                    out.append(f"O:{obj}")
                elif dep == "prep":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            out.append(f"VP:{verb}_{child.lower_}_{lem(grand)}")
                elif dep in ("aux", "auxpass") and child.lower_ in _MODALS:
                    out.append(f"MOD:{child.lower_}")
                if dep in _FOLLOW_DEPS:
                    stack.append((child, dep, depth + 1))
        else:
            out.append(f"H:{verb}")
            for child in tok.children:
                if child.dep_ in _FOLLOW_DEPS or child.dep_ in ("acl", "relcl"):
                    stack.append((child, child.dep_, depth + 1))
    return out


def _lemma_function(doc: Any) -> Any:
    """A token -> lower-case lemma function: the coder's cached rule lemmatizer when available,
    read as the coder reads it (:func:`~detente.coding.nlp.token_lemma`: by the token's string
    ids, without making its text and tag strings; the same lemmas), one function per pipeline."""
    nlp = _parser()
    if nlp is not None:
        try:
            return _token_lemma(nlp)
        except Exception:  # noqa: BLE001 - fall back to spaCy's own lemma
            pass
    return lambda t: (t.lemma_ or t.lower_).lower()


@functools.lru_cache(maxsize=4)
def _token_lemma(nlp: Any) -> Any:
    from detente.coding import nlp as nlp_mod

    return nlp_mod.token_lemma(nlp)


@functools.cache
def _pipeline() -> Any:
    from detente.coding import nlp as nlp_mod

    return nlp_mod.load()


def _parser() -> Any | None:
    """The shared spaCy pipeline, or None when spaCy or its English model is missing."""
    try:
        return _pipeline()
    except (MissingDependencyError, ImportError):
        return None


def parse_syntax(sentences: Sequence[str], docs: Sequence[Any] | None = None) -> list[list[str]] | None:
    """Syntax tokens for each sentence (from `docs` when given), or None without spaCy."""
    if docs is not None:
        if len(docs) != len(sentences):
            raise InputError(f"{len(docs)} parsed docs for {len(sentences)} sentences", field="docs")
        return [syntax_tokens(d) for d in docs]
    nlp = _parser()
    if nlp is None:
        return None
    return [syntax_tokens(d) for d in nlp.pipe(list(sentences), batch_size=128)]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def parsed_docs(sentences: Sequence[str]) -> list[Any] | None:
    """spaCy parses of the sentences (for `docs=`: parse once, fit and score many times), or None without spaCy."""
    nlp = _parser()
    if nlp is None:
        return None
    return list(nlp.pipe(list(sentences), batch_size=128))


# -- the classifier -------------------------------------------------------------------------


class QuadClassifier(RootPredictions):
    """TF-IDF (word, character, syntax) + logistic regression over quad classes or CAMEO roots.

    Parameters
    ----------
    scheme:
        Root -> quad table used when the model is trained on CAMEO roots:
        ``"detente"`` (default, the ontology's) or ``"conflibert"``.
    C:
        Inverse L2 regularisation strength of the logistic regression.
    use_syntax:
        Add the spaCy predicate features when spaCy is installed (``True``); the
        choice actually made at fit time is kept in :attr:`uses_syntax`.
    seed:
        Seed for cross-validation splits (the fit itself is deterministic).

    Examples
    --------
    >>> clf = QuadClassifier(use_syntax=False).fit(
    ...     ["Troops shelled the town.", "The minister said talks went well."] * 3, [4, 0] * 3)
    >>> clf.predict(["Artillery shelled the village."]).tolist()
    [4]
    """

    def __init__(self, *, scheme: str = "detente", C: float = 8.0, use_syntax: bool = True, seed: int = 0) -> None:
        quad_scheme(scheme)  # validate
        self.scheme = scheme
        self.C = C
        self.use_syntax = use_syntax
        self.seed = seed
        self.uses_syntax = False
        self.classes_: np.ndarray | None = None
        self.label_kind: str | None = None  # "quad" or "root"
        self.meta: dict[str, Any] = {}
        self._word: Any = None
        self._char: Any = None
        self._syn: Any = None
        self._model: Any = None

    # -- fitting -------------------------------------------------------------------------

    def fit(self, sentences: Sequence[str], labels: Sequence[int | str], *, docs: Sequence[Any] | None = None) -> QuadClassifier:
        """Fit on sentences and labels: quad ints 0-4 (or their names) or CAMEO root strings.

        Labels that are two-digit strings ``"01"``..``"20"`` (or longer CAMEO codes,
        reduced to their root) train a root model; anything else is read as a quad.
        """
        from sklearn.linear_model import LogisticRegression

        sentences = list(sentences)
        if len(sentences) != len(labels):
            raise InputError(f"{len(sentences)} sentences but {len(labels)} labels", field="labels")
        kind, y = normalise_labels(labels)
        if len(set(y)) < 2:
            raise InputError("training needs at least two different labels", field="labels")
        self.label_kind = kind
        X = self._fit_features(sentences, docs)
        # saga: the same convex optimum as lbfgs, an order of magnitude faster on these sparse blocks;
        # seeded, so fits are deterministic.
        self._model = LogisticRegression(C=self.C, solver="saga", tol=1e-3, max_iter=3000, random_state=self.seed)
        self._model.fit(X, y)
        self.classes_ = self._model.classes_
        return self

    def _fit_features(self, sentences: list[str], docs: Sequence[Any] | None) -> Any:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        blocks = [self._word.fit_transform(sentences), self._char.fit_transform(sentences)]
        syn = parse_syntax(sentences, docs) if self.use_syntax else None
        self.uses_syntax = syn is not None
        if syn is not None:
            self._syn = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
            blocks.append(self._syn.fit_transform(syn))
        else:
            self._syn = None
        return sparse.hstack(blocks).tocsr()

    def _features(self, sentences: list[str], docs: Sequence[Any] | None) -> Any:
        from scipy import sparse

        self._check_fitted()
        blocks = [self._word.transform(sentences), self._char.transform(sentences)]
        if self._syn is not None:
            syn = parse_syntax(sentences, docs)
            if syn is None:
                raise MissingDependencyError("spacy", "nlp", "This classifier (trained with syntax features)")
            blocks.append(self._syn.transform(syn))
        return sparse.hstack(blocks).tocsr()

    def _check_fitted(self) -> None:
        if self._model is None:
            raise ModelError("the classifier is not fitted", hint="call fit() or load() first")

    # -- prediction ----------------------------------------------------------------------

    def predict_label_proba(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None) -> np.ndarray:
        """Probabilities over the model's own labels (:attr:`classes_`: quads or roots)."""
        sentences = list(sentences)
        if not sentences:
            return np.zeros((0, len(self.classes_ if self.classes_ is not None else ())))
        return self._model.predict_proba(self._features(sentences, docs))

    def predict_proba(
        self, sentences: Sequence[str], *, scheme: str | None = None, docs: Sequence[Any] | None = None
    ) -> np.ndarray:
        """An ``(n, 5)`` array of quad-class probabilities (columns 0-4 of ``QUAD_LABELS``).

        `scheme` overrides :attr:`scheme` for a root-trained model; `docs` are spaCy
        parses of the sentences (one per sentence) to avoid parsing them again.
        """
        self._check_fitted()
        proba = self.predict_label_proba(sentences, docs=docs)
        return quad_probabilities(proba, self.classes_, self.label_kind, scheme or self.scheme)

    def predict(self, sentences: Sequence[str], *, scheme: str | None = None, docs: Sequence[Any] | None = None) -> np.ndarray:
        """The most probable quad class (int 0-4) of each sentence."""
        return self.predict_proba(sentences, scheme=scheme, docs=docs).argmax(axis=1).astype(int)


    # -- persistence ---------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the fitted model with joblib (atomically: temp file, then rename)."""
        import joblib
        import sklearn

        self._check_fitted()
        path = Path(path)
        payload = {
            "format": "detente-quad-classifier",
            "feature_version": FEATURE_VERSION,
            "sklearn_version": sklearn.__version__,
            "meta": self.meta,
            "model": self,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            joblib.dump(payload, fh, compress=3)
        return path

    @classmethod
    def load(cls, path: str | Path) -> QuadClassifier:
        """Read a model written by :meth:`save`.

        Raises
        ------
        InputError
            The file is missing or is not a detente classifier.
        ModelError
            It was written by another scikit-learn or feature version (retrain it).
        """
        import joblib
        import sklearn

        path = Path(path)
        if not path.is_file():
            raise InputError("no such model file", path=path, hint="train one with `detente code train FILE --out MODEL`")
        try:
            payload = joblib.load(path)
        except Exception as exc:  # noqa: BLE001 - any unpickling failure is a bad file
            raise InputError(f"not a readable model file ({type(exc).__name__})", path=path,
                             hint="train one with `detente code train FILE --out MODEL`") from exc
        if not isinstance(payload, dict) or payload.get("format") != "detente-quad-classifier":
            raise InputError("not a detente quad classifier", path=path,
                             hint="train one with `detente code train FILE --out MODEL`")
        if payload.get("sklearn_version") != sklearn.__version__ or payload.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                f"{path}: model written with scikit-learn {payload.get('sklearn_version')} "
                f"(features v{payload.get('feature_version')}); this is scikit-learn {sklearn.__version__} "
                f"(features v{FEATURE_VERSION})",
                hint=f"retrain: detente code train {payload.get('meta', {}).get('data_path', 'FILE')} --out {path}",
            )
        model = payload["model"]
        model.meta = payload.get("meta", {})
        return model
