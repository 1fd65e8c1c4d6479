"""A learned sentence classifier for the CAMEO quad class, for where the rules fall short.

The rule coder (:mod:`detente.coding.coder`) says exactly who did what to whom when
one of its verb patterns fires. Many news sentences carry an event in words no pattern
knows. This stage gives every sentence a calibrated probability over the five quad
classes of :data:`detente.events.schema.QUAD_LABELS` (0 statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).

Model
-----
A multinomial logistic regression (scikit-learn, ``lbfgs``) over three sparse,
L2-normalised TF-IDF blocks:

* word uni- and bigrams (lower case, sublinear term frequency);
* character 2-5-grams inside word boundaries (robust to inflection and spelling);
* *syntax tokens* read off a spaCy dependency parse when spaCy and its English
  pipeline are installed: the lemma of the main verb and of the verbs it governs
  through ``xcomp``/``ccomp``/``conj``/``advcl`` (so "X said Y attacked Z" yields
  ``V:attack``), verb-object and verb-preposition-noun pairs, negation and modal
  auxiliaries. These carry the event's predicate whatever the actors are called,
  which is what lets a model trained on a thousand sentences generalise.

Everything runs offline on a CPU; training on the shipped examples takes seconds.

Labels: quads or CAMEO roots
----------------------------
The model can learn either the five quad classes directly (``fit(sentences, [0, 3,
...])``) or the twenty CAMEO root codes (``fit(sentences, ["04", "19", ...])``). A
root-trained model reports quad probabilities by summing its root probabilities
through a *quad scheme* (root -> quad table). Two schemes are built in:

``"detente"``
    :data:`detente.ontology.QUAD_BY_ROOT`, GDELT's QuadClass with statements (01)
    apart: 02-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal
    conflict, 15-20 material conflict. The project's events use it.
``"conflibert"``
    The grouping used by the ConfliBERT five-class CAMEO task (Hu et al., NAACL 2022),
    as read off its labelled development file: 01-02 (statements and appeals) class 0,
    03-05 class 1, 06-08 class 2, 09-13 and 16 (investigate ... threaten, reduce
    relations) class 3, 14-15 and 17-20 (protest, force posture, coerce, assault,
    fight, mass violence) class 4. Use it to score against that benchmark.

The shipped default (:func:`default_classifier`) is root-trained, so one model serves
both schemes (``predict(..., scheme="conflibert")``).

Training data and reproducibility
---------------------------------
The default is trained only on ``detente/coding/data/labelled_quad.tsv``: sentences
written for this project (redistributable with it), each with its quad and CAMEO root.
No fitted model is shipped: it is trained on first use, kept in memory, and cached on
disk (``$DETENTE_CACHE_DIR`` or ``~/.cache/detente``) under a key made of the training
data hash, the scikit-learn version and the feature version. Saved models
(:meth:`QuadClassifier.save`, joblib) record the scikit-learn version, the training
data hash and the label set; loading a model pickled by another scikit-learn version
raises :class:`~detente.errors.ModelError` with the command to retrain.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import threading
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding.labels import RootPredictions
from detente.errors import InputError, MissingDependencyError, ModelError
from detente.files import atomic_path
from detente.events.schema import QUAD_LABELS

FEATURE_VERSION = "3"
"""Bumped whenever the features change, so stale disk caches are not reused."""

DEFAULT_DATA = "labelled_quad.tsv"
"""The shipped labelled sentences (package data of :mod:`detente.coding`)."""

ROOTS: tuple[str, ...] = tuple(f"{r:02d}" for r in range(1, 21))
"""The twenty CAMEO root codes."""

_CONFLIBERT_QUAD: dict[str, int] = {
    "01": 0, "02": 0,
    "03": 1, "04": 1, "05": 1,
    "06": 2, "07": 2, "08": 2,
    "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
    "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}


def _detente_quad() -> dict[str, int]:
    from detente.ontology import QUAD_BY_ROOT

    return dict(QUAD_BY_ROOT)


def quad_scheme(name: str) -> dict[str, int]:
    """The root -> quad table of a named scheme (``"detente"`` or ``"conflibert"``)."""
    if name == "detente":
        return _detente_quad()
    if name == "conflibert":
        return dict(_CONFLIBERT_QUAD)
    raise InputError(f"unknown quad scheme {name!r}", field="scheme", hint="use 'detente' or 'conflibert'")


QUAD_SCHEMES: tuple[str, ...] = ("detente", "conflibert")

_NAME_TO_QUAD: dict[str, int] = {}
for _q, _name in QUAD_LABELS.items():
    for _form in (_name, _name.replace(" ", "_"), _name.replace(" ", "-"), _name.replace(" ", "")):
        _NAME_TO_QUAD[_form] = _q
_NAME_TO_QUAD.update({"public statement": 0, "public_statement": 0, "neutral": 0})


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
    """A token -> lower-case lemma function: the coder's cached rule lemmatizer when available."""
    nlp = _parser()
    if nlp is not None:
        try:
            from detente.coding import nlp as nlp_mod

            lemmatizer = nlp_mod.lemmatizer(nlp)
            return lambda t: lemmatizer(t.text, t.tag_)
        except Exception:  # noqa: BLE001 - fall back to spaCy's own lemma
            pass
    return lambda t: (t.lemma_ or t.lower_).lower()


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
        kind, y = _normalise_labels(labels)
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
        out = np.zeros((proba.shape[0], len(QUAD_LABELS)))
        if self.label_kind == "root":
            table = quad_scheme(scheme or self.scheme)
            for j, root in enumerate(self.classes_):
                out[:, table[str(root)]] += proba[:, j]
        else:
            for j, q in enumerate(self.classes_):
                out[:, int(q)] += proba[:, j]
        return out

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


def load(path: str | Path) -> Any:
    """Load a saved classifier: a :class:`QuadClassifier` file (:meth:`QuadClassifier.load`), or a
    directory saved by :class:`detente.coding.sentence_model.EncoderClassifier`."""
    if Path(path).is_dir():
        from detente.coding import sentence_model

        return sentence_model.load(path)
    return QuadClassifier.load(path)


# -- labels and files -----------------------------------------------------------------------


def _root_of(label: str) -> str | None:
    s = label.strip()
    if re.fullmatch(r"\d{2,4}", s) and (len(s) > 2 or s[0] in "012") and s[:2] in ROOTS:
        return s[:2]
    return None


def _quad_of(label: Any) -> int | None:
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        return int(label) if 0 <= int(label) <= 4 else None
    s = str(label).strip().lower()
    if re.fullmatch(r"[0-4](\.0)?", s):
        return int(float(s))
    return _NAME_TO_QUAD.get(s)


def _normalise_labels(labels: Sequence[int | str]) -> tuple[str, list[Any]]:
    """("root", ["04", ...]) when every label is a 2-digit root string, else ("quad", [ints])."""
    if labels and all(isinstance(lab, str) and len(lab.strip()) >= 2 and _root_of(lab) for lab in labels):
        return "root", [_root_of(str(lab)) for lab in labels]
    out: list[int] = []
    for i, lab in enumerate(labels):
        q = _quad_of(lab)
        if q is None:
            raise InputError(f"label {lab!r} is not a quad class", field=f"labels[{i}]",
                             hint="use 0-4 or a name: " + ", ".join(QUAD_LABELS.values()))
        out.append(q)
    return "quad", out


@dataclass(frozen=True)
class LabelledSet:
    """Sentences with quad labels (and CAMEO roots where the file has them)."""

    sentences: list[str]
    quads: list[int]
    roots: list[str] | None
    path: str
    sha256: str
    skipped: list[str] = field(default_factory=list)  # "path:line: reason"

    def labels(self) -> list[Any]:
        """Roots when every row has one (a root model), else quads."""
        return list(self.roots) if self.roots is not None else list(self.quads)


def read_labelled(path: str | Path, *, text: str | None = None) -> LabelledSet:
    """Read a labelled TSV: ``sentence<TAB>label[<TAB>cameo]``.

    `label` is a quad class as an int 0-4 or a name ("verbal conflict",
    ``verbal_conflict``), or a CAMEO code with its leading zero (``"04"``, ``"190"``,
    ``"1056"``; its quad follows :data:`detente.ontology.QUAD_BY_ROOT`); the optional
    third column a CAMEO code. When every row has a code, a root model is trained. Blank lines and lines starting with ``#`` are ignored, as
    is a header row whose label column reads ``label``/``class``/``quad``. Bad rows are
    skipped and listed in :attr:`LabelledSet.skipped` as ``path:line: reason``.
    """
    path = Path(path)
    if text is None:
        if not path.is_file():
            raise InputError("no such file", path=path, hint="give a TSV with sentence<TAB>label per line")
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte {exc.start})", path=path, hint="save the file as UTF-8") from exc
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    table = quad_scheme("detente")
    sentences: list[str] = []
    quads: list[int] = []
    roots: list[str | None] = []
    skipped: list[str] = []
    for lineno, line in enumerate(io.StringIO(text), start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            skipped.append(f"{path}:{lineno}: no TAB-separated label")
            continue
        sent, lab = cols[0].strip(), cols[1].strip()
        if lab.lower() in ("label", "class", "quad", "quad_class") and not sentences and not skipped:
            continue
        if not sent:
            skipped.append(f"{path}:{lineno}: empty sentence")
            continue
        q = _quad_of(lab)
        root = None
        if q is None and _root_of(lab):  # a CAMEO code in the label column: "04", "190", "1056"
            root = _root_of(lab)
            q = table[root]
        if q is None:
            skipped.append(f"{path}:{lineno}: label {lab!r} is not 0-4, a quad name or a CAMEO code")
            continue
        if root is None and len(cols) > 2 and cols[2].strip():
            root = _root_of(cols[2])
            if root is None:
                skipped.append(f"{path}:{lineno}: {cols[2].strip()!r} is not a CAMEO code")
                continue
        sentences.append(sent)
        quads.append(q)
        roots.append(root)
    all_roots = roots if roots and all(r is not None for r in roots) else None
    return LabelledSet(sentences, quads, all_roots, str(path), digest, skipped)  # type: ignore[arg-type]


def default_data_text() -> str:
    """The text of the shipped labelled sentences."""
    return resources.files("detente.coding").joinpath("data").joinpath(DEFAULT_DATA).read_text(encoding="utf-8")


def default_data() -> LabelledSet:
    """The shipped labelled sentences (checked: quad agrees with the ontology's root table)."""
    data = read_labelled(Path("detente/coding/data") / DEFAULT_DATA, text=default_data_text())
    table = quad_scheme("detente")
    if data.roots is not None:
        bad = [i for i, (q, r) in enumerate(zip(data.quads, data.roots)) if table[r] != q]
        if bad:  # pragma: no cover - guards the shipped file
            raise ModelError(f"shipped labelled data: {len(bad)} rows whose quad disagrees with their root")
    return data


# -- default model ---------------------------------------------------------------------------

_DEFAULT_LOCK = threading.Lock()
_DEFAULT: dict[str, QuadClassifier] = {}


def cache_dir() -> Path | None:
    """Where trained default models are cached (:func:`detente.cache.cache_dir`); None when caching is off."""
    from detente.cache import cache_dir as _cache_dir

    return _cache_dir("classifier")


def _cache_key(data: LabelledSet, use_syntax: bool) -> str:
    h = hashlib.sha256(f"{data.sha256}|{_sklearn_version()}|{FEATURE_VERSION}|{use_syntax}".encode()).hexdigest()
    return h[:20]


def _sklearn_version() -> str:
    """scikit-learn's version, read from its installed metadata: importing it costs about a CPU-second."""
    from importlib import metadata

    try:
        return metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:  # not installed as a distribution: ask the module itself
        import sklearn

        return sklearn.__version__


def default_classifier(*, scheme: str = "detente", use_disk_cache: bool = True) -> QuadClassifier:
    """The shipped default: trained on detente's own labelled sentences on first use, then cached.

    One root-trained model is kept per process; `scheme` sets how its root
    probabilities are grouped into quads (``"detente"`` or ``"conflibert"``). With
    `use_disk_cache`, the fitted model is also stored under :func:`cache_dir` and
    reused while the data, scikit-learn and feature versions are unchanged. The fit
    is deterministic: the same data gives the same predictions.
    """
    quad_scheme(scheme)
    with _DEFAULT_LOCK:
        base = _DEFAULT.get("model")
        if base is None:
            base = _load_or_train_default(use_disk_cache)
            _DEFAULT["model"] = base
    return base if scheme == base.scheme else _shallow_with_scheme(base, scheme)


def _shallow_with_scheme(model: QuadClassifier, scheme: str) -> QuadClassifier:
    import copy

    clone = copy.copy(model)
    clone.scheme = scheme
    return clone


def _load_or_train_default(use_disk_cache: bool) -> QuadClassifier:
    data = default_data()
    use_syntax = _parser() is not None
    key = _cache_key(data, use_syntax)
    folder = cache_dir() if use_disk_cache else None
    cached = None if folder is None else folder / f"default-{key}.joblib"
    if cached is not None and cached.is_file():
        try:
            model = QuadClassifier.load(cached)
            if model.meta.get("data_sha256") == data.sha256:
                return model
        except Exception:  # noqa: BLE001 - a bad cache entry is retrained
            pass
    model = QuadClassifier(scheme="detente", use_syntax=use_syntax)
    model.fit(data.sentences, data.labels())
    model.meta = _meta(data, model)
    if cached is not None:
        try:
            model.save(cached)
        except OSError:  # an unwritable cache directory is not an error
            pass
    return model


def _meta(data: LabelledSet, model: QuadClassifier) -> dict[str, Any]:
    import sklearn

    from detente import __version__

    return {
        "data_path": data.path,
        "data_sha256": data.sha256,
        "n_sentences": len(data.sentences),
        "label_kind": model.label_kind,
        "classes": [str(c) for c in model.classes_] if model.classes_ is not None else [],
        "uses_syntax": model.uses_syntax,
        "sklearn_version": sklearn.__version__,
        "detente_version": __version__,
        "C": model.C,
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


# -- training from a user file ----------------------------------------------------------------


@dataclass
class TrainReport:
    """What `detente code train` did: data, skipped rows, cross-validated quality, output."""

    data_path: str
    model_path: str | None
    data_sha256: str
    n_sentences: int
    label_kind: str
    class_counts: dict[str, int]
    skipped: list[str]
    cv_folds: int
    cv_macro_f1: float | None
    cv_per_class_f1: dict[str, float]
    uses_syntax: bool
    sklearn_version: str
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def cross_validate(
    sentences: Sequence[str], labels: Sequence[Any], *, folds: int = 5, seed: int = 0, scheme: str = "detente",
    use_syntax: bool = True, C: float = 8.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Stratified k-fold out-of-fold quad predictions: (gold quads, predicted quads).

    Near-duplicate sentences (:mod:`detente.coding.neardup`) are kept in one fold
    (grouped), so a sentence repeated in the data, or lightly edited, never scores itself. Syntax features are parsed once for all folds.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    sentences = list(sentences)
    kind, y = _normalise_labels(list(labels))
    table = quad_scheme(scheme)
    gold = np.array([table[v] if kind == "root" else int(v) for v in y])
    groups = _groups(sentences)
    docs = _parsed_docs(sentences) if use_syntax else None
    pred = np.full(len(sentences), -1)
    strat = np.array([str(v) for v in y])
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for train, test in splitter.split(sentences, strat, groups):
            model = QuadClassifier(scheme=scheme, use_syntax=use_syntax, C=C)
            model.fit([sentences[i] for i in train], [y[i] for i in train],
                      docs=None if docs is None else [docs[i] for i in train])
            pred[test] = model.predict([sentences[i] for i in test],
                                       docs=None if docs is None else [docs[i] for i in test])
    return gold, pred


def _groups(sentences: Sequence[str]) -> np.ndarray:
    """Near-duplicate clusters (:mod:`detente.coding.neardup`): each is kept in one fold."""
    from detente.coding.neardup import near_duplicates

    return near_duplicates(sentences).groups


def _parsed_docs(sentences: Sequence[str]) -> list[Any] | None:
    nlp = _parser()
    if nlp is None:
        return None
    return list(nlp.pipe(list(sentences), batch_size=128))


def train_from_file(
    path: str | Path, out: str | Path | None, *, folds: int = 5, seed: int = 0, scheme: str = "detente",
    use_syntax: bool = True, max_skipped_share: float = 0.5,
) -> TrainReport:
    """Train a :class:`QuadClassifier` on a labelled TSV, cross-validate it, save it to `out`.

    Backs ``detente code train FILE``. Rows that cannot be read are skipped and listed
    (``path:line: reason``) in the report; if more than `max_skipped_share` of the rows
    are bad, or fewer than two classes remain, nothing is written and an
    :class:`~detente.errors.InputError` names the first bad lines. Cross-validation is
    stratified and grouped by near-duplicate cluster (folds are reduced when a class is rarer).
    """
    import sklearn
    from sklearn.metrics import f1_score

    started = time.perf_counter()
    quad_scheme(scheme)
    data = read_labelled(path)
    n_total = len(data.sentences) + len(data.skipped)
    if not data.sentences or (n_total and len(data.skipped) / n_total > max_skipped_share):
        first = "; ".join(data.skipped[:3]) or f"{path}: no labelled rows"
        raise InputError(f"{len(data.skipped)} of {n_total} rows are unreadable: {first}",
                         path=path, hint="each line must be sentence<TAB>label with label 0-4 or a quad name")
    labels = data.labels()
    counts = Counter(str(v) for v in labels)
    if len(counts) < 2:
        raise InputError("only one class in the data", path=path, hint="label sentences of at least two classes")
    smallest = min(counts.values())
    k = min(folds, smallest)
    cv_f1: float | None = None
    per_class: dict[str, float] = {}
    if k >= 2:
        gold, pred = cross_validate(data.sentences, labels, folds=k, seed=seed, scheme=scheme, use_syntax=use_syntax)
        present = sorted(set(gold.tolist()))
        cv_f1 = float(f1_score(gold, pred, labels=present, average="macro"))
        per = f1_score(gold, pred, labels=present, average=None)
        per_class = {QUAD_LABELS[q]: float(f) for q, f in zip(present, per)}
    else:
        k = 0
    model = QuadClassifier(scheme=scheme, use_syntax=use_syntax, seed=seed)
    model.fit(data.sentences, labels)
    model.meta = _meta(data, model)
    model.meta.update({"cv_macro_f1": cv_f1, "cv_folds": k, "scheme": scheme})
    written = str(model.save(out)) if out is not None else None
    return TrainReport(
        data_path=str(path), model_path=written, data_sha256=data.sha256, n_sentences=len(data.sentences),
        label_kind=model.label_kind or "quad", class_counts=dict(sorted(counts.items())), skipped=list(data.skipped),
        cv_folds=k, cv_macro_f1=cv_f1, cv_per_class_f1=per_class, uses_syntax=model.uses_syntax,
        sklearn_version=sklearn.__version__, seconds=round(time.perf_counter() - started, 2),
    )
