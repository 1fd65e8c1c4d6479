"""The learned pair model: deterministic features, it learns from examples, the shipped file
is what it says, and switched off (or never acting) the coder gives exactly the rules' events."""

from __future__ import annotations

import hashlib
import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.coding import pair_model as pm
from detente.errors import InputError, ModelError

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    "Russia attacked Ukraine on Monday.",
    "The United States and China met in Geneva to discuss trade.",
    "France condemned Iran's missile test, while Germany said it would talk to Turkey.",
    "Analysts in Japan expect India to grow faster than Brazil.",
]


class _Recorder:
    """Stands in for the model in the coder's hook: keeps each sentence's candidates."""

    def __init__(self) -> None:
        self.seen: dict[str, list[pm.Candidate]] = {}

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
        self.seen[text] = pm.pair_candidates(results, sdoc, text, ctx, lemma, when)
        return list(results)


@pytest.fixture(scope="module")
def recorded(coder):
    from detente.coding import Coder

    recorder = _Recorder()
    pair_coder = Coder(span_chooser=None, pair_model=recorder, n_process=1)
    rules = pair_coder.code_sentence_events(SENTENCES)
    return pair_coder, recorder, rules


def _triples(results):
    return [(r.event.source, r.event.target, r.event.cameo, r.partial) for r in results]


def test_candidates_are_the_countries_pairs_with_deterministic_features(recorded):
    coder, recorder, _ = recorded
    cands = recorder.seen[SENTENCES[2]]
    keys = {c.key for c in cands}
    assert {("FRA", "IRN"), ("IRN", "FRA"), ("DEU", "TUR"), ("TUR", "DEU")} <= keys
    assert all(a != b for a, b in keys)
    first = {c.key: c.features for c in cands}
    coder.code_sentence_events([SENTENCES[2]])  # coded again: the same features
    assert {c.key: c.features for c in recorder.seen[SENTENCES[2]]} == first
    fra_irn = first["FRA", "IRN"]
    assert list(fra_irn) == sorted(fra_irn)
    assert "verb:condemn" in fra_irn and "a:nsubj" in fra_irn and "order:ab" in fra_irn
    assert any(f.startswith("rule:") and f != "rule:none" for f in fra_irn)  # the rules coded it: stacking
    assert "order:ba" in first["IRN", "FRA"]


class _ParseRecorder:
    """Stands in for the model in the coder's hook: keeps each sentence's parse and lemmatiser."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple] = {}

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
        self.seen[text] = (sdoc, lemma)
        return list(results)


def test_lexical_groups_read_the_words_off_the_path():
    pytest.importorskip("spacy")
    from detente.coding import Coder

    tariffs = "The United States imposed new tariffs on China in retaliation for its export curbs."
    hedged = "Germany said it would not welcome the plan that Russia announced."
    recorder = _ParseRecorder()
    Coder(span_chooser=None, pair_model=recorder, n_process=1).code_sentence_events([tariffs, hedged])
    every = frozenset(pm.LEXICAL_GROUPS)
    sdoc, lemma = recorder.seen[tariffs]
    usa, chn = (next(t for t in sdoc if t.text == w) for w in ("States", "China"))
    pair = pm.lexical_features(usa, chn, lemma, every)
    assert {"btw:impose", "btw:new", "btw:tariff"} <= pair  # content lemmas between, stop words out
    assert "win_b:retaliation" in pair and "win_a:impose" in pair and "win_a:united" not in pair  # no names
    assert {"gprep_b:tariff|on", "gprep_b:impose|on"} & pair  # the act the target's preposition hangs on
    assert not any(n.startswith("gprep_a:") for n in pair)  # the source is no prepositional object
    assert pm.lexical_features(usa, chn, lemma, frozenset()) == set()  # no group: nothing
    assert pm.lexical_features(usa, chn, lemma, frozenset({"between"})) == {n for n in pair if n.startswith("btw:")}
    names = pm.sentence_lexical(sdoc, lemma, every)
    assert "sroot:impose" in names and f"sroot_class:{pm.verb_class('impose')}" in names
    assert "cue:negation" not in names and "cue:modal" not in names
    hedged_names = pm.sentence_lexical(*recorder.seen[hedged], every)
    assert {"cue:negation", "cue:modal", "cue:plan", "cue:report", "sroot:say"} <= set(hedged_names)
    assert pm.sentence_lexical(*recorder.seen[hedged], frozenset({"cues"})) == [
        n for n in hedged_names if n.startswith("cue:")]


def test_a_model_describes_its_pairs_with_its_own_lexical_groups(coder):
    from detente.coding import Coder

    sentence = "France plans to ask Germany for help."
    found = {}
    for groups in ([], ["cues"]):  # P(event) ~1 with a planning cue among the features, ~0 without
        model = pm.PairModel({"cue:plan": 40.0}, -20.0, {"04": {}}, {"04": 0.0}, t_add=0.5, t_drop=1.01,
                             meta={"lexical": groups})
        (results,) = Coder(span_chooser=None, pair_model=model, n_process=1).code_sentence_events([sentence],
                                                                                               date(2025, 3, 3))
        found[len(groups)] = {(r.event.source[:3], r.event.target[:3], r.event.root) for r in results
                              if pm.NOTE in (r.event.note or "")}
    assert found[0] == set()  # trained without the cues: the cue is not described, whatever LEXICAL says
    assert ("DEU", "FRA", "04") in found[1]  # the pair the rules have nothing for


def test_a_sentence_with_one_country_and_no_event_has_no_candidate(recorded):
    coder, recorder, _ = recorded
    coder.code_sentence_events(["Russia held elections on Sunday."])
    assert recorder.seen["Russia held elections on Sunday."] == []


def test_training_on_a_tiny_set_learns_an_obvious_pattern():
    pytest.importorskip("sklearn")
    subject_first = ("a:nsubj", "b:dobj", "order:ab", "rule:none", "verb:strike")
    object_first = ("a:dobj", "b:nsubj", "order:ba", "rule:none", "verb:strike")
    meet = ("a:nsubj", "b:pobj:with", "order:ab", "rule:none", "verb:meet")
    examples = ([pm.Example(subject_first, True, "19")] * 8 + [pm.Example(object_first, False, None)] * 8
                + [pm.Example(meet, True, "04")] * 8)
    model = pm.fit(examples, t_add=0.5, t_drop=0.5, meta={"data": "hand-written"})
    assert model.p_event(subject_first) > 0.8 and model.p_event(object_first) < 0.2
    assert model.root(subject_first)[0] == "19" and model.root(meet)[0] == "04"
    assert model.meta["pairs"] == 24 and model.meta["event_pairs"] == 16 and model.meta["data"] == "hand-written"
    with pytest.raises(InputError, match="with and without an event"):
        pm.fit([pm.Example(meet, True, "04")] * 3, t_add=0.5, t_drop=0.5)


def test_json_round_trip_and_refusal(tmp_path):
    model = pm.PairModel({"rule:none": -2.0, "verb:strike": 3.0}, 0.1, {"19": {"verb:strike": 1.0}, "04": {}},
                         {"19": 0.0, "04": 0.2}, 0.6, 0.9, {"data": "x"})
    path = tmp_path / "pairs.json"
    path.write_text(model.to_json(), encoding="utf-8")
    again = pm.load(path)
    assert again == model
    names = ("rule:none", "verb:strike")
    assert again.p_event(names) == pytest.approx(model.p_event(names)) and again.root(names) == model.root(names)
    assert again.lexical == frozenset()  # a model from before the lexical groups: described without them
    lexical = pm.PairModel(model.event_weights, 0.1, model.root_weights, model.root_intercepts, 0.6, 0.9,
                           {"lexical": ["between", "cues"]})
    path.write_text(lexical.to_json(), encoding="utf-8")
    assert pm.load(path).lexical == frozenset({"between", "cues"})
    path.write_text(lexical.to_json().replace('"cues"', '"colours"'), encoding="utf-8")
    with pytest.raises(ModelError, match="unknown lexical feature groups"):
        pm.load(path)
    path.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(ModelError, match="version"):
        pm.load(path)
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(ModelError, match="not a pair model"):
        pm.load(path)
    with pytest.raises(InputError, match="no such file"):
        pm.resolve(str(tmp_path / "missing.json"))


def test_the_compact_file_keeps_every_weight_exactly_and_records_its_format(tmp_path):
    from detente.coding import pair_weights as pw

    model = pm.PairModel({"rule:none": -2.1234, "verb:strike": 3.0001, "order:ab": 0.0}, 0.1,
                         {"19": {"verb:strike": 1.5, "top:attack": -0.0003}, "04": {"verb:meet": 2.25}},
                         {"19": 0.0, "04": 0.2}, 0.6, 0.9, {"data": "x", "lexical": ["cues"]}, t_empty=0.7)
    path = tmp_path / "pairs.npz"
    model.save(path)
    again = pm.load(path)
    assert again.meta == {**model.meta, "format": pw.FORMAT} and again.lexical == frozenset({"cues"})
    assert again.event_weights == {"rule:none": -2.1234, "verb:strike": 3.0001}  # a zero weight is not kept
    assert again.root_weights == model.root_weights and again.root_intercepts == model.root_intercepts
    assert (again.t_add, again.t_drop, again.t_empty, again.event_intercept) == (0.6, 0.9, 0.7, 0.1)
    names = ("rule:none", "verb:strike", "top:attack", "unseen")
    assert again.p_event(names) == model.p_event(names) and again.root(names) == model.root(names)
    assert len(set(again.sparse.index)) == 4  # one vocabulary for both regressions, zero rows pruned
    with np.load(path) as data:
        assert data["weights"].dtype == np.int32  # 4-decimal weights: integers in units of 1e-4
    odd = pm.PairModel({"a": 1 / 3}, 0.0, {}, {}, 0.5, 0.5)  # not rounded: stored as float64, still exact
    odd.save(path)
    assert pm.load(path).event_weights == {"a": 1 / 3}
    assert pm.PairModel.from_json(again.to_json(), "j").meta == model.meta  # the JSON writer leaves "format" out
    path.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ModelError, match="not a pair model file"):
        pm.load(path)


def test_a_read_model_makes_its_weight_dictionaries_only_when_they_are_read(tmp_path):
    from detente.coding import pair_weights as pw

    model = pm.PairModel({"rule:none": -2.1234, "verb:strike": 3.0001}, 0.1,
                         {"19": {"verb:strike": 1.5}, "04": {"verb:meet": 2.25}}, {"19": 0.0, "04": 0.2}, 0.6, 0.9)
    path = tmp_path / "pairs.npz"
    model.save(path)
    again = pm.load(path)
    assert isinstance(again.event_weights, pw.ColumnWeights)
    names = ("verb:strike", "verb:meet")
    assert again.root(names) == model.root(names) and again.p_event(names) == model.p_event(names)
    assert "_weights" not in vars(again.event_weights)  # coding read the matrix alone
    assert all("_weights" not in vars(w) for w in again.root_weights.values())
    assert sorted(again.root_weights) == ["04", "19"] and again.root_weights["04"] == {"verb:meet": 2.25}
    assert dict(again.event_weights) == {"rule:none": -2.1234, "verb:strike": 3.0001}
    assert "_weights" in vars(again.event_weights) and again.event_weights["verb:strike"] == 3.0001


def test_shipped_model_loads_and_its_recorded_hashes_match_the_files():
    model = pm.shipped()
    assert model.event_weights and model.root_weights and 0.0 < model.t_drop and 0.0 < model.t_add
    data = model.meta["data"]
    assert {"news dev", "demoted check", "PLOVER", "dev2 a", "dev2 b", "dev2 c", "dev2 d", "dev3 a", "dev3 e",
            "dev4 a", "dev4 e", "dev5 a", "dev5 e", "dev6 a", "dev6 e", "dev7 a", "dev7 e", "dev8 a",
            "dev8 e", "dev9 a", "dev9 e", "dev10 a", "dev10 e", "dev11 a", "dev11 e"} <= set(data)
    assert model.meta["sentences"] == sum(d["sentences"] for d in data.values())
    paths = {"news dev": ROOT / "data" / "news_dev" / data["news dev"]["file"],
             "demoted check": ROOT / "data" / "news_dev" / data["demoted check"]["file"],
             "PLOVER": ROOT.parent / "shared" / "data" / data["PLOVER"]["file"],
             **{name: ROOT / "data" / f"news_dev{name.split()[0][3:]}" / d["file"] for name, d in data.items()
                if name.startswith("dev")}}
    checked = 0
    for name, path in paths.items():
        if not path.is_file():  # the PLOVER file lives outside the repository
            continue
        assert hashlib.sha256(path.read_bytes()).hexdigest() == data[name]["sha256"], name
        checked += 1
    assert checked >= 60
    assert data["demoted check"]["file"] == "news_check_v1.jsonl"  # the check set (data/news_check/) is never trained on
    assert {"dev16 a", "dev16 d", "dev17 a", "dev17 d"} <= set(data)  # development and training data since s24
    assert {"dev18 a", "dev18 d", "dev19 a", "dev19 d"} <= set(data)  # training data since s26
    assert {"dev20 a", "dev20 d", "dev26 a", "dev26 d", "dev27 a", "dev27 d"} <= set(data)  # training data since s27
    assert "news_check.jsonl" not in json.dumps(model.meta)  # nor a held-out set (news_dev21 to news_dev25):
    assert not any(name.startswith(("dev21", "dev22", "dev23", "dev24", "dev25")) for name in data)
    assert not any(f"news_dev{k}" in json.dumps(model.meta) for k in range(21, 26))
    assert model.lexical <= frozenset(pm.LEXICAL_GROUPS) and model.lexical == pm.LEXICAL  # shipped with the default


def test_a_model_that_never_acts_gives_exactly_the_rules_events(recorded):
    from detente.coding import Coder

    _, _, rules = recorded
    idle = pm.PairModel({}, 0.0, {"01": {}}, {"01": 0.0}, t_add=1.01, t_drop=1.01)
    got = Coder(span_chooser=None, pair_model=idle, n_process=1).code_sentence_events(SENTENCES)
    assert [_triples(r) for r in got] == [_triples(r) for r in rules]
    off = Coder(span_chooser=None, pair_model=None, n_process=1).code_sentence_events(SENTENCES)
    assert [_triples(r) for r in off] == [_triples(r) for r in rules]


def test_the_hook_adds_and_drops_pair_by_pair(recorded):
    from detente.coding import Coder

    _, _, rules = recorded
    assert any(r.event.root == "19" for r in rules[0])
    dropper = pm.PairModel({}, -10.0, {"01": {}}, {"01": 0.0}, t_add=1.01, t_drop=0.5)
    dropped = Coder(span_chooser=None, pair_model=dropper, n_process=1).code_sentence_events(SENTENCES)
    assert all(not [r for r in found if not r.partial] for found in dropped)
    adder = pm.PairModel({"rule:none": 20.0}, -10.0, {"17": {}}, {"17": 0.0}, t_add=0.5, t_drop=1.01)
    added = Coder(span_chooser=None, pair_model=adder, n_process=1).code_sentence_events(SENTENCES)
    new = [r for r in added[0] if r.event.note and "pair model" in r.event.note]
    assert [(r.event.source[:3], r.event.target[:3], r.event.root) for r in new] == [("UKR", "RUS", "17")]
    assert SENTENCES[0][slice(*new[0].source_span)] == "Ukraine"
    assert _triples([r for r in added[0] if r not in new]) == _triples(rules[0])  # the rules' own are kept


def test_the_joint_rule_adds_only_when_p_event_times_p_root_clears_t_add(recorded):
    from detente.coding import Coder

    # P(event) = sigmoid(10) for the pair the rules have nothing for (Ukraine -> Russia); two roots
    # scored alike: P(root | event) = 1/2, the tie to the lower code ("04").
    roots = {"04": {}, "17": {}}, {"04": 0.0, "17": 0.0}
    p = 1.0 / (1.0 + math.exp(-10.0))
    assert pm.add_score(p, 0.5) == pytest.approx(p / 2)
    below = pm.PairModel({"rule:none": 20.0}, -10.0, *roots, t_add=0.45, t_drop=1.01)
    above = pm.PairModel({"rule:none": 20.0}, -10.0, *roots, t_add=0.55, t_drop=1.01)
    assert below.p_event(["rule:none"]) > 0.55  # P(event) alone would clear both thresholds
    added = Coder(span_chooser=None, pair_model=below, n_process=1).code_sentence_events(SENTENCES[:1])[0]
    new = [r for r in added if r.event.note and "pair model" in r.event.note]
    assert [(r.event.source[:3], r.event.target[:3], r.event.root) for r in new] == [("UKR", "RUS", "04")]
    assert new[0].event.confidence > 0.9  # the confidence is P(event) (events cap it at 0.99), not the add score
    kept = Coder(span_chooser=None, pair_model=above, n_process=1).code_sentence_events(SENTENCES[:1])[0]
    assert not [r for r in kept if r.event.note and "pair model" in r.event.note]


def test_t_empty_is_the_stricter_add_threshold_of_sentences_the_rules_found_nothing_in(recorded):
    from detente.coding import Coder

    _, _, rules = recorded
    assert pm.rules_found(rules[0]) and not pm.rules_found(rules[3])  # "Analysts in Japan expect India ..."

    def added(model):
        got = Coder(span_chooser=None, pair_model=model, n_process=1).code_sentence_events([SENTENCES[0], SENTENCES[3]])
        return [[r.event.root for r in found if r.event.note and "pair model" in r.event.note] for found in got]

    loose = pm.PairModel({"rule:none": 20.0}, -10.0, {"17": {}}, {"17": 0.0}, t_add=0.5, t_drop=1.01)
    strict = pm.PairModel({"rule:none": 20.0}, -10.0, {"17": {}}, {"17": 0.0}, t_add=0.5, t_drop=1.01, t_empty=1.01)
    assert added(loose)[0] == ["17"] and added(loose)[1]  # one threshold: both sentences get events
    assert added(strict) == [["17"], []]  # t_empty 1.01: none where the rules found none
    assert strict.add_threshold(rules[3]) == 1.01 and strict.add_threshold(rules[0]) == 0.5
    again = pm.PairModel.from_json(strict.to_json(), "here")
    assert again.t_empty == 1.01 and pm.PairModel.from_json(loose.to_json(), "here").t_empty is None


def test_revise_sentences_is_revise_sentence_one_by_one(recorded):
    coder, recorder, rules = recorded
    model = pm.PairModel({"rule:none": 20.0}, -10.0, {"17": {}}, {"17": 0.0}, t_add=0.5, t_drop=1.01)
    seen = []

    class Keep:
        def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
            seen.append((list(results), sdoc, text, ctx))
            return list(results)

    from detente.coding import Coder

    keeper = Coder(span_chooser=None, pair_model=Keep(), n_process=1)
    keeper.code_sentence_events(SENTENCES)  # an object without revise_sentences: asked one sentence at a time
    assert [s[2] for s in seen] == SENTENCES
    many = model.revise_sentences(seen, keeper.lemma, None)
    assert [_triples(r) for r in many] == [_triples(model.revise_sentence(*s, keeper.lemma, None)) for s in seen]


runner = CliRunner()


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_pairs_flag_from_the_cli(tmp_path, coder):
    from detente.cli.main import app

    path = tmp_path / "s.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    out = {}
    for flag in ([], ["--pairs", "rules"], ["--pairs", "model"]):
        result = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--date", "2024-05-01",
                                     "--spans", "rules", *flag])
        assert result.exit_code == 0, result.output
        out[tuple(flag)] = _jsonl(result.stdout)
    assert out[()] == out[("--pairs", "rules")]  # off by default: exactly the rules
    assert all("pair model" not in (r.get("note") or "") for r in out[()])
    model_notes = [r for r in out[("--pairs", "model")] if "pair model" in (r.get("note") or "")]
    rules_events = {json.dumps(r, sort_keys=True) for r in out[()]}
    kept = [r for r in out[("--pairs", "model")] if r not in model_notes]
    assert all(json.dumps(r, sort_keys=True) in rules_events for r in kept)  # the model only adds and drops
    result = runner.invoke(app, ["code", "--sentences", str(path), "--pairs", "modle"])
    assert result.exit_code == 2 and "--pairs" in result.stderr and "did you mean 'model'" in result.stderr
    assert result.stdout == ""


def test_pairs_flag_in_code_eval_is_recorded(tmp_path, coder):
    from detente.cli.main import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": SENTENCES[0], "events": [{"source": "RUS", "target": "UKR", "root": "19"}]})
                    + "\n", encoding="utf-8")
    for method in ("rules", "model"):
        result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--pairs", method])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["pairs"] == method


ARTICLE = ("Russia attacked Ukraine on Monday. Officials in Kyiv said the strikes hit a power station. "
           "France and Germany condemned Russia on Tuesday, and Poland called Hungary.")


def test_pairs_flag_codes_documents_as_pages(tmp_path, coder):
    """`--pairs` means the same in document mode: each document coded as `detente code eval` codes a page
    (:meth:`Coder.code_article_events`, the pair model deciding again), with the document's provenance."""
    from detente.cli.main import app
    from detente.coding import Coder
    from detente.coding.segment import split_sentences

    path = tmp_path / "article.txt"
    path.write_text(ARTICLE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2024-05-01", "--jsonl", "--no-classifier",
                                 "--pairs", "model"])
    assert result.exit_code == 0, result.output
    assert "applies to --sentences mode only" not in result.stderr
    got = _jsonl(result.stdout)
    spans = list(split_sentences(ARTICLE))
    page = Coder(span_chooser=None, pair_model="shipped", n_process=1).code_article_events(
        [ARTICLE[s.start:s.end] for s in spans], date(2024, 5, 1))
    want = [(s.index, r.event.source, r.event.target, r.event.cameo) for s, found in zip(spans, page)
            for r in found if not r.partial]
    assert want and [(e["sentence_index"], e["source"], e["target"], e["cameo"]) for e in got] == want
    assert all(e["doc_id"] == got[0]["doc_id"] and e["file"] and e["sentence"] in ARTICLE for e in got)
    rules = runner.invoke(app, ["code", str(path), "--date", "2024-05-01", "--jsonl", "--pairs", "rules"])
    assert rules.exit_code == 0 and "applies to --sentences mode only" not in rules.stderr
    assert not any("pair model" in (e["note"] or "") for e in _jsonl(rules.stdout))
    static = runner.invoke(app, ["code", str(path), "--date", "2024-05-01", "--jsonl", "--pairs", "static"])
    assert _jsonl(static.stdout) == _jsonl(runner.invoke(app, ["code", str(path), "--date", "2024-05-01",
                                                               "--jsonl"]).stdout)  # the default is static


def test_a_pair_model_decides_in_document_pages_with_provenance(coder):
    """A model that adds an event for every pair the rules have nothing for: its events reach a document's
    events, each with the document's id, url and the sentence it comes from; undated documents keep none."""
    from detente.coding import Coder
    from detente.coding.reader import Document

    always = pm.PairModel({}, 10.0, {"04": {}}, {"04": 0.0}, t_add=0.5, t_drop=1.01)
    page_coder = Coder(span_chooser=None, pair_model=always, n_process=1)
    doc = Document("d1", ARTICLE, date(2024, 5, 1), url="https://example.org/a", file="a.txt")
    (result,) = list(page_coder.code_document_pages([doc]))
    added = [e for e in result.events if pm.NOTE in (e.note or "")]
    assert added and result.doc_id == "d1" and result.sentences == 3
    assert all(e.doc_id == "d1" and e.url == "https://example.org/a" and e.file == "a.txt" for e in result.events)
    assert all(ARTICLE[e.char_start:e.char_end] == e.sentence for e in result.events)
    (undated,) = list(page_coder.code_document_pages([Document("d2", ARTICLE, None)]))
    assert undated.undated > 0 and not [e for e in undated.events if (e.note or "").startswith("undated")]


MARKED = ("Russia may attack Ukraine next week. Iran did not attack Israel on Monday. "
          "Germany condemned Turkey on Tuesday.")
"""Hand-written: an act held possible, a negated one, an asserted one."""


def test_the_model_revises_asserted_events_only_and_pages_keep_the_marked_ones_with_marked(coder):
    """A model that drops every rule event drops only the asserted ones: the negated act stays as the rules
    coded it. A page keeps the act held possible apart (no event) unless asked for the marked events
    (``detente code --all``): then it comes back as the rules coded it, modality "possible", unrevised."""
    from detente.coding import Coder
    from detente.coding.reader import Document
    from detente.events.modality import is_asserted

    doc = Document("m1", MARKED, date(2024, 5, 1))
    rules = list(Coder(span_chooser=None, pair_model=None, n_process=1).code_document_results([doc]))[0].events
    key = lambda e: (e.source[:3], e.target[:3], e.root, e.modality, e.negated)  # noqa: E731
    assert {key(e) for e in rules} >= {("RUS", "UKR", "19", "possible", False), ("IRN", "ISR", "19", None, True),
                                       ("DEU", "TUR", "11", None, False)}
    dropper = pm.PairModel({}, -10.0, {"01": {}}, {"01": 0.0}, t_add=1.01, t_drop=0.5)
    page_coder = Coder(span_chooser=None, pair_model=dropper, n_process=1)
    (plain,) = list(page_coder.code_document_pages([doc]))
    assert [key(e) for e in plain.events] == [("IRN", "ISR", "19", None, True)]  # negated: kept; the rest dropped
    (marked,) = list(page_coder.code_document_pages([doc], marked=True))
    got = {key(e): e for e in marked.events}
    assert set(got) == {("RUS", "UKR", "19", "possible", False), ("IRN", "ISR", "19", None, True)}
    possible = got["RUS", "UKR", "19", "possible", False]
    assert "kept apart" not in (possible.note or "") and possible.sentence_index == 0 and possible.doc_id == "m1"
    assert all(not is_asserted(e) for e in marked.events)  # the model still dropped the asserted act
    idle = pm.PairModel({}, 0.0, {"01": {}}, {"01": 0.0}, t_add=1.01, t_drop=1.01)
    (kept,) = list(Coder(span_chooser=None, pair_model=idle, n_process=1).code_document_pages([doc], marked=True))
    assert {key(e) for e in kept.events} == {key(e) for e in rules}  # an idle model: what document mode keeps


def test_code_all_with_a_pair_model_keeps_marked_events(tmp_path, coder):
    from detente.cli.main import app

    path = tmp_path / "marked.txt"
    path.write_text(MARKED + "\n", encoding="utf-8")
    args = ["code", str(path), "--date", "2024-05-01", "--jsonl", "--no-classifier", "--pairs", "model"]
    plain = runner.invoke(app, args)
    marked = runner.invoke(app, [*args, "--all"])
    assert plain.exit_code == 0 and marked.exit_code == 0, marked.output
    key = lambda r: (r["source"][:3], r["target"][:3], r["root"], r["modality"], r["negated"])  # noqa: E731
    assert ("RUS", "UKR", "19", "possible", False) in {key(r) for r in _jsonl(marked.stdout)}
    assert all(key(r)[3] is None and not key(r)[4] for r in _jsonl(plain.stdout))
    assert "--all keeps the marked events" in marked.stderr and "--all" not in plain.stderr
