"""Tests for the learned quad classifier (detente.coding.classifier)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from detente.coding import classifier as C  # noqa: E402
from detente.coding import text_model  # noqa: E402
from detente.errors import InputError, ModelError  # noqa: E402
from detente.ontology import QUAD_BY_ROOT  # noqa: E402

# A tiny fixture written for these tests: three sentences per class.
TINY = [
    ("The minister said the economy grew last year.", 0),
    ("A spokesman declined to comment on the report.", 0),
    ("The president said he was confident about the vote.", 0),
    ("The two leaders met in Geneva for talks.", 1),
    ("The foreign ministers held talks on trade.", 1),
    ("Both sides agreed to meet again for talks.", 1),
    ("The government sent food aid to the flood victims.", 2),
    ("The charity delivered medical aid to the refugees.", 2),
    ("The bank approved a loan and sent aid to the region.", 2),
    ("The ministry accused its neighbour of lying.", 3),
    ("The president accused the opposition of treason.", 3),
    ("Officials accused the rebels of breaking the deal.", 3),
    ("Troops shelled the town and killed ten people.", 4),
    ("Rebels attacked the base and killed two soldiers.", 4),
    ("Artillery shelled the village overnight.", 4),
]


def tiny_model(**kw: object) -> C.QuadClassifier:
    sents, labels = zip(*TINY)
    return C.QuadClassifier(use_syntax=False, **kw).fit(list(sents), list(labels))


@pytest.fixture(scope="module")
def shipped_model() -> C.QuadClassifier:
    """The shipped examples without syntax features (fast; the default adds them when spaCy is present)."""
    data = C.default_data()
    return C.QuadClassifier(use_syntax=False).fit(data.sentences, data.labels())


def test_fits_and_predicts_the_five_classes_on_a_tiny_fixture() -> None:
    model = tiny_model()
    assert model.label_kind == "quad"
    assert sorted(model.classes_.tolist()) == [0, 1, 2, 3, 4]
    proba = model.predict_proba(["Troops shelled the capital.", "The leaders held talks."])
    assert proba.shape == (2, 5)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert model.predict(["Troops shelled the capital.", "The leaders held talks in Rome."]).tolist() == [4, 1]
    assert model.predict([]).shape == (0,)


def test_root_labels_give_quads_through_the_chosen_scheme() -> None:
    sents = ["Protesters marched in the capital.", "Crowds rallied against the law.",
             "The envoys met for talks.", "The ministers held talks."]
    model = C.QuadClassifier(use_syntax=False).fit(sents, ["14", "14", "04", "04"])
    assert model.label_kind == "root"
    test = ["Thousands marched against the law."]
    assert model.predict_root(test) == ["14"]
    assert model.predict(test, scheme="detente").tolist() == [QUAD_BY_ROOT["14"]] == [3]
    assert model.predict(test, scheme="conflibert").tolist() == [4]
    with pytest.raises(ModelError):
        tiny_model().predict_root(test)
    with pytest.raises(InputError):
        model.predict(test, scheme="nonsense")


def test_save_load_round_trip(tmp_path: Path) -> None:
    model = tiny_model()
    model.meta = {"data_sha256": "abc"}
    path = model.save(tmp_path / "m" / "quad.joblib")
    assert path.is_file() and not list(path.parent.glob("*.tmp"))
    again = C.load(path)
    probe = ["Rebels attacked the town.", "The minister said nothing new."]
    assert np.array_equal(again.predict_proba(probe), model.predict_proba(probe))
    assert again.meta["data_sha256"] == "abc"


def test_load_rejects_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such model file"):
        C.load(tmp_path / "absent.joblib")
    junk = tmp_path / "junk.joblib"
    junk.write_bytes(b"\x00\x01 not a pickle")
    with pytest.raises(InputError, match="not a readable model file"):
        C.load(junk)


def test_load_refuses_another_sklearn_version(tmp_path: Path) -> None:
    import joblib

    path = tiny_model().save(tmp_path / "m.joblib")
    payload = joblib.load(path)
    payload["sklearn_version"] = "0.0.1"
    joblib.dump(payload, path)
    with pytest.raises(ModelError, match="retrain"):
        C.load(path)


def test_unfitted_model_raises_model_error() -> None:
    with pytest.raises(ModelError):
        C.QuadClassifier().predict(["x"])


def test_fit_rejects_bad_labels() -> None:
    with pytest.raises(InputError, match="not a quad class"):
        C.QuadClassifier(use_syntax=False).fit(["a b", "c d"], [0, 9])
    with pytest.raises(InputError, match="two different labels"):
        C.QuadClassifier(use_syntax=False).fit(["a b", "c d"], [1, 1])


def test_train_from_file_reports_bad_rows_with_file_and_line(tmp_path: Path) -> None:
    lines = ["sentence\tlabel", "# a comment"]
    for i, (sent, q) in enumerate(TINY * 2):
        lines.append(f"{sent}\t{q if i % 2 else C.QUAD_LABELS[q]}")
    lines.insert(5, "no label on this line")
    lines.insert(9, "A sentence with a bad label.\tseven")
    src = tmp_path / "train.tsv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = C.train_from_file(src, tmp_path / "model.joblib", folds=3, use_syntax=False)
    assert report.n_sentences == len(TINY) * 2
    assert report.skipped == [f"{src}:6: no TAB-separated label", f"{src}:10: label 'seven' is not 0-4, a quad name or a CAMEO code"]
    assert report.cv_folds == 3 and report.cv_macro_f1 is not None and 0.0 <= report.cv_macro_f1 <= 1.0
    assert set(report.cv_per_class_f1) == set(C.QUAD_LABELS.values())
    assert report.class_counts == {str(q): 6 for q in range(5)}
    model = C.load(report.model_path)
    assert model.predict(["Troops shelled the town."]).tolist() == [4]
    assert report.to_dict()["data_sha256"] == report.data_sha256


def test_train_from_file_refuses_mostly_bad_files(tmp_path: Path) -> None:
    src = tmp_path / "bad.tsv"
    src.write_text("one\ntwo\nthree\tnine\nfour\t1\n", encoding="utf-8")
    out = tmp_path / "never.joblib"
    with pytest.raises(InputError, match=r"bad\.tsv:1: no TAB"):
        C.train_from_file(src, out, use_syntax=False)
    assert not out.exists()
    with pytest.raises(InputError, match="no such file"):
        C.train_from_file(tmp_path / "absent.tsv", out)


def test_train_from_file_rejects_non_utf8(tmp_path: Path) -> None:
    src = tmp_path / "latin.tsv"
    src.write_bytes("caf\xe9\t1\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        C.train_from_file(src, None, use_syntax=False)


def test_shipped_data_is_balanced_covers_all_roots_and_agrees_with_the_ontology() -> None:
    data = C.default_data()
    assert len(data.sentences) >= 1000
    assert len(set(data.sentences)) == len(data.sentences)
    assert data.roots is not None and set(data.roots) == set(C.ROOTS)
    counts = Counter(data.quads)
    assert set(counts) == {0, 1, 2, 3, 4}
    assert max(counts.values()) <= 1.5 * min(counts.values())
    assert all(QUAD_BY_ROOT[r] == q for r, q in zip(data.roots, data.quads))
    assert not data.skipped


def test_training_is_deterministic() -> None:
    data = C.default_data()
    idx = list(range(0, len(data.sentences), 3))
    sents = [data.sentences[i] for i in idx]
    labels = [data.labels()[i] for i in idx]
    probe = ["The army shelled the rebel positions.", "The envoy praised the new accord."]
    a = C.QuadClassifier(use_syntax=False).fit(sents, labels).predict_proba(probe)
    b = C.QuadClassifier(use_syntax=False).fit(sents, labels).predict_proba(probe)
    assert np.array_equal(a, b)


CLEAR = {
    0: ["The finance minister said inflation would ease next year.",
        "A government spokesman declined to comment on the reports.",
        "The central bank governor expressed optimism about growth."],
    1: ["The Kenyan president held talks with his Ugandan counterpart in Kampala.",
        "France and Morocco signed an agreement on cultural cooperation.",
        "The foreign minister urged both sides to return to negotiations."],
    2: ["Japan sent emergency food aid to the flood victims in Pakistan.",
        "The army released fifty prisoners under the amnesty.",
        "The World Bank approved a new loan for the railway."],
    3: ["The foreign ministry accused Washington of interfering in its affairs.",
        "The parliament rejected the government's budget proposal.",
        "The president threatened to impose tariffs on steel imports."],
    4: ["Rebels attacked an army base, killing twelve soldiers.",
        "Police arrested hundreds of protesters in the capital.",
        "Warplanes bombed the town overnight."],
}


@pytest.mark.parametrize("quad", sorted(CLEAR))
def test_clear_sentences_are_predicted_right(shipped_model: C.QuadClassifier, quad: int) -> None:
    assert shipped_model.predict(CLEAR[quad]).tolist() == [quad] * len(CLEAR[quad])


def test_default_classifier_is_cached_and_deterministic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(text_model, "_parser", lambda: None)  # no spaCy: fast, and the same on every machine
    monkeypatch.setattr(C, "_DEFAULT", {})
    first = C.default_classifier()
    assert first is C.default_classifier()
    cached = list((tmp_path / "classifier").glob("default-*.joblib"))
    assert len(cached) == 1
    probe = [s for sents in CLEAR.values() for s in sents]
    p1 = first.predict_proba(probe)
    monkeypatch.setattr(C, "_DEFAULT", {})
    second = C.default_classifier(use_disk_cache=False)  # retrained from scratch
    assert second is not first
    assert np.array_equal(second.predict_proba(probe), p1)
    assert first.meta["data_sha256"] == C.default_data().sha256
    task = C.default_classifier(scheme="conflibert")
    assert task.scheme == "conflibert" and task.predict(["Crowds marched against the law."]).tolist() == [4]


@pytest.mark.nlp
def test_syntax_features_read_the_predicate() -> None:
    nlp = text_model._parser()
    if nlp is None:
        pytest.skip("spaCy English pipeline not installed")
    tokens = C.syntax_tokens(nlp("Officials said the rebels did not attack the convoy."))
    assert "V:say" in tokens and "V:attack" in tokens and "NEG:attack" in tokens
    model = C.QuadClassifier().fit([s for s, _ in TINY], [q for _, q in TINY])
    assert model.uses_syntax
    assert model.predict(["Troops shelled the capital."]).tolist() == [4]


def test_read_labelled_accepts_cameo_codes_in_the_label_column(tmp_path: Path) -> None:
    src = tmp_path / "roots.tsv"
    src.write_text("The envoys met in Oslo.\t042\nRebels shelled the town.\t19\nThe mayor spoke.\t01\n", encoding="utf-8")
    data = C.read_labelled(src)
    assert data.roots == ["04", "19", "01"]
    assert data.quads == [1, 4, 0]
    assert data.labels() == ["04", "19", "01"]


def test_the_model_and_the_label_reading_live_below_this_module_and_keep_their_names_here() -> None:
    """`classifier` -> `sentence_model` -> `text_model`/`labelled`, one way; the old names still import,
    and models pickled when `QuadClassifier` and `_identity` lived here still unpickle."""
    import subprocess
    import sys

    from detente.coding import labelled

    assert C.QuadClassifier is text_model.QuadClassifier and C._identity is text_model._identity
    assert C.read_labelled is labelled.read_labelled and C.quad_scheme is labelled.quad_scheme
    code = "import sys, detente.coding.sentence_model\nprint('detente.coding.classifier' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_syntax_features_read_lemmas_as_the_coder_does() -> None:
    """The syntax block's lemmas come from the coder's lemma-by-id function
    (:func:`detente.coding.nlp.token_lemma`, one per pipeline), and give, token by token, what the
    lemmatizer gives for the token's text and fine tag (the slow path it replaced)."""
    pytest.importorskip("spacy")
    from detente.coding import nlp as nlp_mod
    from detente.coding import text_model

    nlp = nlp_mod.load()
    doc = nlp("The rebels had stormed the villages, and officials said troops were leaving the positions.")
    fast = text_model._lemma_function(doc)
    assert fast is text_model._lemma_function(doc)  # made once per pipeline
    slow = nlp_mod.lemmatizer(nlp)
    assert [fast(t) for t in doc] == [slow(t.text, t.tag_) for t in doc]
    assert {"storm", "village", "leave"} <= {fast(t) for t in doc}
    assert "V:storm" in C.syntax_tokens(doc)
