"""The NumPy scorer gives the scikit-learn classifier's probabilities, and coding with it never imports scikit-learn."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from detente.coding import classifier as C  # noqa: E402
from detente.coding import text_model  # noqa: E402
from detente.coding.scorer import LinearScorer, char_terms, default_scorer, word_terms  # noqa: E402
from detente.errors import ModelError  # noqa: E402

PROBES = [
    "Troops shelled the border town overnight.",
    "The foreign minister praised the new trade deal with Beijing.",
    "Protesters marched against the government's pension law!",
    "Officials said they would not attack the convoy.",
    "  Odd   spacing,\tTABS and CAPITALS: état, naïve, 2025-02-18 ",
    "x",
    "",
    "Russia and Ukraine exchanged prisoners; Turkey mediated the talks.",
]


def test_terms_follow_the_vectorizers() -> None:
    assert word_terms("The U.S. and EU agreed") == ["the", "and", "eu", "agreed", "the and", "and eu", "eu agreed"]
    assert char_terms("a bc", 2, 3) == [" a", "a ", " a ", " b", "bc", "c ", " bc", "bc "]
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    for text in PROBES:
        word = sklearn_text.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
        char = sklearn_text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
        assert sorted(word_terms(text)) == sorted(word(text))
        assert sorted(char_terms(text)) == sorted(char(text))


@pytest.fixture(scope="module")
def fitted() -> C.QuadClassifier:
    data = C.default_data()
    return C.QuadClassifier(use_syntax=False).fit(data.sentences, data.labels())


def test_same_probabilities_as_scikit_learn(fitted: C.QuadClassifier, tmp_path: Path) -> None:
    scorer = LinearScorer.from_classifier(fitted)
    sentences = PROBES + C.default_data().sentences[:200]
    expected = fitted.predict_label_proba(sentences)
    got = scorer.predict_label_proba(sentences)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, rtol=0, atol=1e-12)
    assert (got.argmax(1) == expected.argmax(1)).all()
    assert scorer.predict_root(PROBES) == fitted.predict_root(PROBES)
    reread = LinearScorer.load(scorer.save(tmp_path / "s.npz"))
    assert np.array_equal(reread.predict_label_proba(sentences), got)
    assert list(reread.classes_) == [str(c) for c in fitted.classes_] and reread.label_kind == "root"


def test_sentences_scored_together_score_as_alone(fitted: C.QuadClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.coding.scorer as scorer_mod

    monkeypatch.setattr(scorer_mod, "SCORE_SLICE", 7)  # several slices, one ending on an empty sentence
    scorer = LinearScorer.from_classifier(fitted)
    sentences = (PROBES + C.default_data().sentences[:40]) * 2  # repeated words come from the word cache
    together = scorer.predict_label_proba(sentences)
    alone = np.vstack([LinearScorer.from_classifier(fitted).predict_label_proba([s]) for s in sentences])
    assert np.allclose(together, alone, rtol=0, atol=1e-15)
    assert np.array_equal(together[: len(sentences) // 2], together[len(sentences) // 2:])


def test_unsupported_settings_are_refused(fitted: C.QuadClassifier) -> None:
    import copy

    odd = copy.deepcopy(fitted)
    odd._word.set_params(sublinear_tf=False)
    with pytest.raises(ModelError, match="sublinear_tf"):
        LinearScorer.from_classifier(odd)
    with pytest.raises(ModelError, match="not fitted"):
        LinearScorer.from_classifier(C.QuadClassifier())


def test_a_foreign_file_is_not_read_as_an_export(tmp_path: Path) -> None:
    bad = tmp_path / "x.npz"
    np.savez(bad, header=np.array(json.dumps({"format": "something else"})))
    with pytest.raises(ModelError, match="not a detente scorer"):
        LinearScorer.load(bad)
    (tmp_path / "y.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="unreadable"):
        LinearScorer.load(tmp_path / "y.npz")


def test_default_scorer_is_exported_once_and_read_without_scikit_learn(tmp_path: Path) -> None:
    # fresh processes without spaCy's parser (fast and the same on every machine): the first
    # trains the default model and exports it; the second reads the export alone.
    script = (
        "import sys, json\n"
        "from detente.coding import text_model\n"
        "text_model._parser = lambda: None\n"
        "from detente.coding.scorer import default_scorer\n"
        "s = default_scorer()\n"
        "print(json.dumps({'type': type(s).__name__, 'sklearn': 'sklearn' in sys.modules,\n"
        "                  'roots': s.predict_root(['Troops shelled the town.', 'Crowds marched against the law.'])}))\n"
    )
    env = {**__import__("os").environ, "DETENTE_CACHE_DIR": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True,
                                      text=True).stdout) for _ in range(2)]
    assert runs[0]["type"] == runs[1]["type"] == "LinearScorer"
    assert runs[0]["sklearn"] is True and runs[1]["sklearn"] is False
    assert runs[0]["roots"] == runs[1]["roots"]
    assert len(list((tmp_path / "classifier").glob("default-*.scorer-v*.npz"))) == 1


def test_default_scorer_agrees_with_the_default_classifier(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(text_model, "_parser", lambda: None)
    monkeypatch.setattr(C, "_DEFAULT", {})
    scorer = default_scorer()
    assert isinstance(scorer, LinearScorer)
    model = C.default_classifier()
    assert np.allclose(scorer.predict_label_proba(PROBES), model.predict_label_proba(PROBES), rtol=0, atol=1e-12)
