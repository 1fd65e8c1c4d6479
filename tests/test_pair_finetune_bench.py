"""benchmarks/coding_pair_finetune.py, the parts that run without torch: the split, the ceiling's oracle, the pair
inputs built from rows and the alignment of a mention's characters with the tokenizer's tokens."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_pair_finetune")


TEXT = "Turkey condemned Greece over the drills."
"""A hand-written sentence; the character offsets below are its words' (a fast tokenizer's, special tokens (0, 0))."""
OFFSETS = [(0, 0), (0, 6), (7, 16), (17, 23), (24, 28), (29, 32), (33, 39), (39, 40), (0, 0)]


def _result(root: str, partial: bool = False):
    """A rule event as the rows keep it (only what the benchmark reads)."""
    return SimpleNamespace(partial=partial, event=SimpleNamespace(root=root, negated=False))


def _row(bench, *, gold: set, rule_triples: list, results: list, cands: list, set_name: str = "dev14 a"):
    pm = bench.cpm.pm
    row = bench.cpm.Row(set_name, f"{set_name}:p1", "1", gold, rule_triples, [], [], [], False, not gold, TEXT,
                        results)
    for key, src, tgt, rule_events in cands:
        side = SimpleNamespace(code=key[0]) if src else None
        row.cands.append(pm.Candidate(key, side, SimpleNamespace(code=key[1]), src, tgt, rule_events, ()))
        row.pair_keys.append(key)
        labels = sorted(t[2] for t in gold if t[:2] == key)
        row.examples.append(pm.Example((), bool(labels), labels[0] if labels else None))
    return row


def test_a_mention_is_the_tokens_its_characters_overlap(bench) -> None:
    assert bench.mention_tokens(OFFSETS, (0, 6)) == (1,)  # "Turkey"
    assert bench.mention_tokens(OFFSETS, (17, 23)) == (3,)  # "Greece"
    assert bench.mention_tokens(OFFSETS, (29, 39)) == (5, 6)  # "the drills"
    assert bench.mention_tokens([(0, 0), (0, 3), (3, 6), (6, 9), (0, 0)], (0, 9)) == (1, 2, 3)  # word pieces
    assert bench.mention_tokens(OFFSETS, None) == ()  # a side no mention names
    assert bench.mention_tokens(OFFSETS[:3] + [(0, 0)], (17, 23)) == ()  # cut off by truncation


def test_pair_inputs_carry_the_sides_tokens_the_rules_signals_and_the_gold_labels(bench) -> None:
    row = _row(bench, gold={("TUR", "GRC", "11")}, rule_triples=[("TUR", "GRC", "12")], results=[_result("12")],
               cands=[(("TUR", "GRC"), (0, 6), (17, 23), (0,)), (("GRC", "TUR"), (17, 23), (0, 6), ())])
    first, second = bench.pair_inputs(row, 7, OFFSETS)
    assert (first.row, first.cand, first.source, first.target) == (7, 0, (1,), (3,))
    assert (first.event, bench.ROOTS[first.root]) == (1, "11")
    assert (second.event, second.root) == (0, -1)
    assert len(first.signals) == bench.N_SIGNALS
    roots = dict(zip(bench.ROOTS, first.signals))
    assert roots["12"] == 1.0 and sum(first.signals[:len(bench.ROOTS)]) == 1.0
    assert first.signals[len(bench.ROOTS):] == (1.0, 0.0, 1.0, 1.0, 1.0)  # coded; reverse not; sentence coded; named
    assert sum(second.signals[:len(bench.ROOTS)]) == 0.0
    assert second.signals[len(bench.ROOTS):] == (0.0, 1.0, 1.0, 1.0, 1.0)  # its reverse is the coded pair


def test_the_oracle_drops_wrong_rule_events_and_adds_gold_pairs_a_candidate_names(bench) -> None:
    row = _row(bench, gold={("TUR", "GRC", "11"), ("TUR", "CYP", "11")}, rule_triples=[("TUR", "GRC", "12")],
               results=[_result("12")], cands=[(("TUR", "GRC"), (0, 6), (17, 23), (0,))])
    assert bench.oracle(row) == {("TUR", "GRC", "11")}  # TUR-CYP is no candidate pair: out of reach
    lines, figures = bench.ceiling_table([row])
    assert figures["dev14"]["rules"] == 0.0 and figures["dev14"]["oracle"] == pytest.approx(2 / 3)
    assert figures["dev14"]["no_candidate"] == 0.5
    assert lines[2].startswith("| dev14 | 1 | 2 |")
    unnamed = _row(bench, gold={("TUR", "GRC", "11")}, rule_triples=[], results=[],
                   cands=[(("TUR", "GRC"), None, (17, 23), ())])
    assert bench.oracle(unnamed) == set()  # the decision adds only where a mention names the source


def test_the_split_is_fixed_by_set(bench) -> None:
    parts = {name: bench.part(SimpleNamespace(set=name)) for name in
             ("dev14 a", "dev15 c", "dev13 b", "dev12 a", "dev2 a", "news dev", "demoted check", "PLOVER")}
    assert parts == {"dev14 a": "test", "dev15 c": "test", "dev13 b": "validation", "dev12 a": "train",
                     "dev2 a": "train", "news dev": "train", "demoted check": "train", "PLOVER": "train"}


def test_a_missing_torch_names_the_install_line(bench, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(SystemExit, match="torch is missing; install with: pip install torch==2.13.0"):
        bench.require_torch()


def test_entity_markers_wrap_each_side_and_point_at_their_opening_marks(bench) -> None:
    text, source, target = bench.marked_text(TEXT, (17, 23), (0, 6))  # Greece -> Turkey: the target comes first
    assert text == "# Turkey # condemned @ Greece @ over the drills."
    assert (text[slice(*source)], text[slice(*target)]) == ("@", "#")
    assert source == (21, 22) and target == (0, 1)
    assert bench.marked_text(TEXT, None, (0, 6)) == ("# Turkey # condemned Greece over the drills.", None, (0, 1))
    assert bench.marked_text(TEXT, (0, 6), (0, 6))[2] is None  # a target inside the source is left unmarked


def test_round_two_tests_on_dev16_and_trains_on_dev14_and_dev15(bench) -> None:
    parts = {name: bench.part(SimpleNamespace(set=name), bench.ROUND_TWO_TEST_SETS) for name in
             ("dev16 a", "dev16 d", "dev13 b", "dev14 a", "dev15 c", "PLOVER")}
    assert parts == {"dev16 a": "test", "dev16 d": "test", "dev13 b": "validation", "dev14 a": "train",
                     "dev15 c": "train", "PLOVER": "train"}


def test_held_out_sets_are_refused_and_a_development_set_is_read_by_part(bench) -> None:
    for name in ("dev21", "dev22", "dev23", "dev24", "dev25", "check"):
        with pytest.raises(SystemExit, match="held out"):
            bench.set_files([name])
    assert list(bench.set_files(["dev16"])) == ["dev16 a", "dev16 b", "dev16 c", "dev16 d"]
    assert list(bench.set_files(["dev17"])) == ["dev17 a", "dev17 b", "dev17 c", "dev17 d"]  # development since session 24
    assert list(bench.set_files(["dev18"])) == ["dev18 a", "dev18 b", "dev18 c", "dev18 d"]  # development since session 25
    assert list(bench.set_files(["dev27"])) == ["dev27 a", "dev27 b", "dev27 c", "dev27 d"]  # development since session 27
    with pytest.raises(SystemExit, match="no part_"):
        bench.set_files(["dev999"])


def test_the_rows_it_codes_leave_out_the_held_out_sets_the_shipped_trainers_read(bench) -> None:
    sets = bench.development_sets()
    assert {"dev18 a", "dev18 d", "PLOVER"} <= set(sets)
    assert "dev19 a" in bench.cpm.SETS and not any(name.split()[0] in bench.HELD_OUT for name in sets)


def test_the_gate_opens_a_sentence_above_its_threshold_and_without_one(bench) -> None:
    gate = {3: 0.35, 4: 0.1}
    assert bench.gate_open(gate, 3, (0.3, 0.9, 0.4))  # round one's thresholds: no gate
    assert bench.gate_open(gate, 4, (0.3, 0.9, 0.4, 0.0))  # t_gate 0: no gate
    assert bench.gate_open(gate, 3, (0.3, 0.9, 0.4, 0.3))
    assert not bench.gate_open(gate, 4, (0.3, 0.9, 0.4, 0.3))
    assert bench.gate_open(gate, 7, (0.3, 0.9, 0.4, 0.3))  # a row the gate does not decide for


def test_round_two_keeps_round_one_on_the_page(bench, tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text("## Coding: round one\n\nits table\n", encoding="utf-8")
    first = bench.kept_round_one(page, ["## Coding: again", "", "### Table", "figures"])
    assert first[:3] == ["## Coding: round one", "", "its table"]
    assert first[4].startswith(bench.ROUND_TWO) and first[6:] == ["### Coding: again", "", "#### Table", "figures"]
    page.write_text("\n".join(first) + "\n", encoding="utf-8")
    again = bench.kept_round_one(page, ["## Coding: again", "new figures"])
    assert again == [*first[:6], "### Coding: again", "new figures"]  # the old round two replaced, not repeated
