"""benchmarks/coding_pair_model.py, the out-of-fold benchmark that decides whether the pair model is the default.

These tests pin how it chooses the decision's settings inside the folds (the constraints that keep
no-event sentences uncoded and PLOVER whole, the ways that never add where the rules found nothing or
never drop) and the declared ship rule it checks. The shipped model itself: tests/coding/test_pair_model.py.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest

from detente.coding import pair_model as pm

PAIR = ("RUS", "UKR")


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_model")


def _row(bench, want=(), rule_root=None, plover=False):
    """One sentence with one candidate pair (RUS, UKR); `rule_root`: the rules' event for it (None: none)."""
    rules = () if rule_root is None else (0,)
    cand = pm.Candidate(PAIR, object(), object(), (0, 6), (15, 22), rules, ())
    results = [] if rule_root is None else [SimpleNamespace(partial=False, event=SimpleNamespace(negated=False, modality=None))]
    triples = [] if rule_root is None else [(*PAIR, rule_root)]
    return bench.Row("PLOVER" if plover else "news dev", "g", "1", {(*PAIR, r) for r in want}, triples, [cand], [],
                     [PAIR], plover, not want, "Russia accused Ukraine.", results)


def test_the_constraint_keeps_no_event_sentences_uncoded_and_adds_where_found_never_codes_them(bench) -> None:
    hits = [_row(bench, want=["11"]) for _ in range(2)]
    miss = _row(bench)  # a no-event news sentence the rules left uncoded
    rows = [*hits, miss]
    preds = [[(0.9, "11", 0.8)], [(0.9, "11", 0.5)], [(0.9, "11", 0.6)]]  # add scores 0.72, 0.45, 0.54
    free = bench.best_thresholds(rows, preds, split=True)
    assert free.t_empty < 0.45 and free.f1 == pytest.approx(0.8)  # all three added, the miss coded
    held = bench.best_thresholds(rows, preds, split=True, constrained=True)
    assert 0.54 <= held.t_empty < 0.72 and held.f1 == pytest.approx(2 / 3)  # the miss stays uncoded
    assert bench.decide_row(miss, preds[2], held.t_add, held.t_drop, held.t_empty) == set()
    assert bench.decide_row(hits[0], preds[0], held.t_add, held.t_drop, held.t_empty) == {(*PAIR, "11")}
    never = bench.best_thresholds(rows, preds, split=True, adds_where_found=True)
    assert never.t_empty == 1.01 and never.f1 == 0.0  # the rules found nothing here: nothing is added


def test_the_constraint_keeps_plover_within_its_slack_and_no_drops_keeps_the_rules_events(bench) -> None:
    wrong = [_row(bench, rule_root="11") for _ in range(3)]  # no-event news sentences the rules coded
    right = _row(bench, want=["04"], rule_root="04")
    plover = _row(bench, want=["11"], rule_root="11", plover=True)
    rows = [*wrong, right, plover]
    preds = [[(0.2, "11", 1.0)]] * 3 + [[(0.5, "04", 1.0)], [(0.2, "11", 1.0)]]
    free = bench.best_thresholds(rows, preds)
    assert free.t_drop < 0.8 and free.f1 == pytest.approx(2 / 3)  # drops the three and PLOVER's right event
    held = bench.best_thresholds(rows, preds, constrained=True)
    assert held.t_drop >= 0.8 and held.f1 == pytest.approx(4 / 7)  # PLOVER 1.0 -> 0.0 is past the slack
    assert bench.decide_row(plover, preds[4], held.t_add, held.t_drop) == {(*PAIR, "11")}
    kept = bench.best_thresholds(rows, preds, drops=False)
    assert kept.t_drop == 1.01 and kept.f1 == pytest.approx(4 / 7)
    mode = bench.Mode(True, False, drops=False)
    assert bench.choose(rows, {pm.C: preds}, mode).t_drop == 1.01


def _cell(diff, lo, f_model=0.5, f_rules=0.5, kept=10, rules_kept=10, empty=11):
    return {"diff": diff, "ci": (lo, lo + 0.02), "model": (0, 0, f_model), "rules": (0, 0, f_rules),
            "uncoded_model": kept, "uncoded_rules": rules_kept, "empty": empty}


def test_the_ship_rule_needs_all_four_conditions(bench) -> None:
    good = {"all pooled": _cell(0.01, 0.001), "news pooled": _cell(0.01, 0.002, kept=8, rules_kept=8, empty=9),
            "PLOVER": _cell(-0.01, -0.02, f_model=0.63, f_rules=0.64, empty=0)}
    met, verdicts = bench.ship_rule(good)
    assert met and all(v.startswith("met") for v in verdicts)
    for key, cell in [("all pooled", _cell(0.01, -0.001)), ("news pooled", _cell(0.01, -0.001, kept=8, rules_kept=8, empty=9)),
                      ("news pooled", _cell(0.01, 0.002, kept=7, rules_kept=8, empty=9)),  # one more sentence coded
                      ("news pooled", _cell(0.01, 0.002, kept=8, rules_kept=8, empty=10)),  # 8/10 is under 7/8
                      ("PLOVER", _cell(-0.02, -0.03, f_model=0.62, f_rules=0.64, empty=0))]:
        met, verdicts = bench.ship_rule({**good, key: cell})
        assert not met and sum(v.startswith("NOT met") for v in verdicts) == 1


def _page_row(bench, view, want=(), group="news dev:u1"):
    """A news sentence of page `group` with no candidate of its own and the sentence `view` (pair_context.View)."""
    return bench.Row("news dev", group, "1", set(want), [], [], [], [], False, not want, "It expelled them.", [],
                     view)


def _view(*codes, rule_keys=()):
    from detente.coding import pair_context as pc
    from detente.coding.context import Actor

    named = tuple(pc.Named(c, Actor(c, 4 * k, 4 * k + 3, c), (4 * k, 4 * k + 3), k, "obj", "dobj", ())
                  for k, c in enumerate(codes))
    return pc.View(named, (), "pronoun:it", False, "16", tuple(rule_keys))


def test_context_pairs_join_a_row_with_the_gold_label_and_the_reachable_class_is_counted(bench) -> None:
    from detente.coding import pair_context as pc

    first = _page_row(bench, _view("CHN", "RUS", rule_keys=[("CHN", "RUS", "05")]), want=[("CHN", "RUS", "05")])
    second = _page_row(bench, _view("JPN"), want=[("CHN", "JPN", "16")])
    other_page = _page_row(bench, _view("USA"), want=[("CHN", "USA", "16")], group="news dev:u2")
    rows = bench.with_context([first, second, other_page], 1)
    assert [len(r.cands) for r in rows] == [0, 2, 0]  # the latest page country only (K 1); another page: none
    assert second.cands == []  # the rows given are left as they were
    by_key = dict(zip(rows[1].pair_keys, rows[1].examples))
    assert set(by_key) == {("RUS", "JPN"), ("JPN", "RUS")} and not any(ex.event for ex in by_key.values())
    assert all(pc.is_context(c) for c in rows[1].cands)
    wider = dict(zip(*(lambda r: (r.pair_keys, r.examples))(bench.with_context([first, second], 2)[1])))
    assert wider["CHN", "JPN"].event and wider["CHN", "JPN"].root == "16"  # China, second latest: K 2 reaches it
    table = bench.reachable([first, second, other_page], ks=(1, 2))
    assert table[-1] == "| 3 | 2 | 1 (rules code 0) | 0 (rules code 0) | 1 (rules code 0) |"


PRONOUN_PAGE = ["Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.",
                "He accused Japan of provoking tension in the region."]


def test_page_rows_read_the_sentences_before_them_and_sentence_rows_do_not(bench, tmp_path, monkeypatch):
    """--page-rows: the second sentence's side is a pronoun; its page-mode row reads it from the first sentence."""
    pytest.importorskip("spacy")
    from detente.coding import Coder
    from detente.errors import MissingDependencyError

    try:
        Coder(span_chooser=None, n_process=1)
    except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))

    path = tmp_path / "page.jsonl"
    path.write_text("".join(json.dumps({"id": f"p-{i}", "sentence": s, "date": "2024-05-06",
                                        "url": "https://example.org/a", "headline": "Putin and Xi meet in Beijing",
                                        "events": [{"source": "RUS", "target": "JPN", "root": "11"}] if i else []})
                            + "\n" for i, s in enumerate(PRONOUN_PAGE)), encoding="utf-8")
    monkeypatch.setattr(bench, "SETS", {"news dev": path})
    rows = {}
    for context in ("sentence", "page"):
        recorder = bench.Recorder()
        rows[context], reports = bench.read_rows(Coder(span_chooser=None, pair_model=recorder, n_process=1),
                                                 recorder, context)
        assert reports["news dev"].extra["context"] == context
        counts = sum(np.array(bench.counts(r, bench.rules_only(r))) for r in rows[context])
        assert bench.prf(counts)[2] == pytest.approx(reports["news dev"].overall.f1)  # the rows score as eval does
        assert [r.text for r in rows[context]] == PRONOUN_PAGE
    sentence, page = rows["sentence"][1], rows["page"][1]
    assert not any(src == "RUS" for src, _ in sentence.pair_keys)  # alone, "He" names nobody
    assert ("RUS", "JPN") in page.pair_keys  # on the page, "He" is Putin: a candidate pair with its label
    assert page.examples[page.pair_keys.index(("RUS", "JPN"))].event
    assert [r.rule_triples for r in rows["page"]] != [r.rule_triples for r in rows["sentence"]]
    with pytest.raises(ValueError, match="unknown row context"):
        bench.read_rows(None, bench.Recorder(), "article")


def test_page_rows_set_apart_a_restated_act_as_page_mode_does(bench, tmp_path, monkeypatch):
    """The coder keeps apart, after the pair model, an act an earlier sentence of the page reported: the page
    rows' rules do not count it (their candidates still hold the rule event the model was shown)."""
    pytest.importorskip("spacy")
    from detente.coding import Coder
    from detente.errors import MissingDependencyError

    page = ["Russia expelled two Japanese diplomats on Monday.",
            "Russia expelled the two Japanese diplomats for spying, the ministry said."]
    path = tmp_path / "page.jsonl"
    path.write_text("".join(json.dumps({"id": f"r-{i}", "sentence": s, "date": "2024-05-06", "url": "https://example.org/b",
                                        "events": [] if i else [{"source": "RUS", "target": "JPN", "root": "16"}]})
                            + "\n" for i, s in enumerate(page)), encoding="utf-8")
    monkeypatch.setattr(bench, "SETS", {"news dev": path})
    got = {}
    for context in ("sentence", "page"):
        recorder = bench.Recorder()
        try:
            coder = Coder(span_chooser=None, pair_model=recorder, n_process=1)
        except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
            pytest.skip(str(exc))
        rows, reports = bench.read_rows(coder, recorder, context)
        got[context] = [bench.rules_only(r) for r in rows]
        assert rows[1].rule_triples == [("RUS", "JPN", "16")]
        assert rows[1].cands[rows[1].pair_keys.index(("RUS", "JPN"))].rule_events == (0,)
        assert bench.prf(sum(np.array(bench.counts(r, bench.rules_only(r))) for r in rows))[2] == pytest.approx(
            reports["news dev"].overall.f1)
    assert got["sentence"][1] == {("RUS", "JPN", "16")} and got["page"][1] == set()


def test_a_rule_event_is_labelled_by_its_whole_code_as_code_eval_labels_it(bench) -> None:
    """Session 21: a rule event was labelled by its root's PLOVER type, so a military retreat (0874) was CONCEDE,
    the type of root 08; `detente code eval` labels it by its code: RETREAT. On root gold both read the root."""
    retreat = SimpleNamespace(partial=False, event=SimpleNamespace(source="USAMIL", target="PAN", cameo="0874",
                                                                   root="08", negated=False))
    row = _row(bench, want=["RETREAT"], rule_root="RETREAT", plover=True)
    row.results = [retreat]
    assert row.label("08") == "CONCEDE"
    assert bench.rule_triples(row, "plover") == [("USA", "PAN", "RETREAT")]
    assert bench.rule_triples(row, "root") == [("USA", "PAN", "08")]
