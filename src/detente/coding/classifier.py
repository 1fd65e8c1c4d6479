"""A learned sentence classifier for the CAMEO quad class, for where the rules fall short.

The rule coder (:mod:`detente.coding.coder`) says exactly who did what to whom when
one of its verb patterns fires. Many news sentences carry an event in words no pattern
knows. This stage gives every sentence a calibrated probability over the five quad
classes of :data:`detente.events.schema.QUAD_LABELS` (0 statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).

This module is the classifier as the coder and the CLI use it: the shipped default
model (:func:`default_classifier`), training from a user's file with cross-validation
(:func:`train_from_file`, ``detente code train``) and loading any saved model
(:func:`load`). The model itself, TF-IDF blocks with spaCy syntax features under a
logistic regression, is :class:`~detente.coding.text_model.QuadClassifier`; the
labelled-file format, the label forms and the quad schemes (``"detente"``,
``"conflibert"``) are :mod:`detente.coding.labelled`. Their names are re-exported here.

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

import hashlib
import threading
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding import text_model
from detente.coding.labelled import (  # noqa: F401 - re-exported: the names this module always had
    DEFAULT_DATA,
    QUAD_SCHEMES,
    ROOTS,
    LabelledSet,
    default_data,
    default_data_text,
    normalise_labels,
    quad_scheme,
    read_labelled,
)
from detente.coding.text_model import (  # noqa: F401 - re-exported; _identity also for models pickled when it lived here
    FEATURE_VERSION,
    QuadClassifier,
    _identity,
    parse_syntax,
    parsed_docs,
    syntax_tokens,
)
from detente.errors import InputError
from detente.events.schema import QUAD_LABELS

_parsed_docs = parsed_docs  # its name when it lived here (benchmarks use it)


def load(path: str | Path) -> Any:
    """Load a saved classifier: a :class:`QuadClassifier` file (:meth:`QuadClassifier.load`), or a
    directory saved by :class:`detente.coding.sentence_model.EncoderClassifier`."""
    if Path(path).is_dir():
        from detente.coding import sentence_model

        return sentence_model.load(path)
    return QuadClassifier.load(path)


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


def default_cache_file(data: LabelledSet, suffix: str) -> Path | None:
    """Where a file of the default model trained on `data` is cached: ``default-<key><suffix>`` under
    :func:`cache_dir`, the key made of the data, the scikit-learn and feature versions and whether
    spaCy parses here (syntax features); None when caching is off."""
    folder = cache_dir()
    return None if folder is None else folder / f"default-{_cache_key(data, text_model._parser() is not None)}{suffix}"


def _load_or_train_default(use_disk_cache: bool) -> QuadClassifier:
    data = default_data()
    use_syntax = text_model._parser() is not None
    cached = default_cache_file(data, ".joblib") if use_disk_cache else None
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
    kind, y = normalise_labels(list(labels))
    table = quad_scheme(scheme)
    gold = np.array([table[v] if kind == "root" else int(v) for v in y])
    groups = _groups(sentences)
    docs = parsed_docs(sentences) if use_syntax else None
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
