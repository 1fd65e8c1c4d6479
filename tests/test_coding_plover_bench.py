"""benchmarks/coding_plover.py: the one coding of the file that its who-did-what-to-whom table and its error analysis
of the domestic misses share (hand-written sentences in the PLOVER gold records' form, none from the data file)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_plover")


def _side(text: str, code: str) -> list[dict]:
    return [{"actorText": text, "code": code}]


@pytest.mark.nlp
def test_the_file_is_coded_once_for_the_table_and_the_misses_partial_events_kept(bench, tmp_path) -> None:
    records = [
        {"id": "T-DOCUMENT-0001", "event": "DOCUMENT"},
        {"id": "T-ACCUSE-0001", "date": "2024-03-04", "source": _side("Chile", "CHL"),
         "target": _side("Peru", "PER"), "event": "ACCUSE", "text": "Chile accused Peru of spying on Monday."},
        {"id": "T-ASSAULT-0002", "date": "2024-03-05", "source": _side("Gunmen", "NGAREB"),
         "target": _side("Nigerian soldiers", "NGAMIL"), "event": "ASSAULT",
         "text": "Gunmen attacked Nigerian soldiers on Tuesday."},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    gold, coded = bench.code_file(path)
    assert [s.text for s in gold.sentences] == [r["text"] for r in records[1:]]
    assert [[r.partial for r in found] for found in coded] == [[False], [True]]  # "Gunmen": no registry actor

    table = bench.domestic_section(path, gold, coded)
    assert "| all gold events, coder | 1.000 | 0.500 | 0.667 | 2 | 1 |" in table  # the partial event not scored

    misses = tmp_path / "misses.tsv"
    bench.domestic_misses(path, gold, coded, misses)
    (miss,) = misses.read_text(encoding="utf-8").splitlines()[1:]
    assert miss.split("\t")[:4] == ["T-ASSAULT-0002", "NGA->NGA ASSAULT", "sector noun unknown",
                                    "---->NGA ASSAULT (partial)"]


@pytest.mark.nlp
def test_the_table_scores_the_asserted_events_as_code_eval_does(bench, tmp_path) -> None:
    """Session 21: the table scored negated events too; `detente code eval` drops them (a negated act predicts none)."""
    records = [
        {"id": "T-ACCUSE-0001", "date": "2024-03-04", "source": _side("Chile", "CHL"),
         "target": _side("Peru", "PER"), "event": "ACCUSE", "text": "Chile accused Peru of spying on Monday."},
        {"id": "T-ASSAULT-0002", "date": "2024-03-05", "source": _side("Bolivia", "BOL"),
         "target": _side("Peru", "PER"), "event": "ASSAULT", "text": "Bolivia did not attack Peru on Tuesday."},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    gold, coded = bench.code_file(path)
    assert [[(r.event.negated, r.partial) for r in found] for found in coded] == [[(False, False)], [(True, False)]]
    table = bench.domestic_section(path, gold, coded)
    assert "| all gold events, coder | 1.000 | 0.500 | 0.667 | 2 | 1 |" in table  # the negated attack not scored


@pytest.mark.nlp
def test_the_type_table_takes_the_best_event_code_eval_scores(bench) -> None:
    """Session 21: the type table took the coder's first result, a negated or partial one too; `detente code eval`
    scores neither (a negated act predicts none, a partial event lacks a side)."""
    from detente.coding import Coder

    texts = ["Chile accused Peru of spying on Monday.", "Bolivia did not attack Peru on Tuesday.",
             "Gunmen attacked Nigerian soldiers on Tuesday."]
    first = Coder(pair_model=None).code_sentences(texts, partial=True)
    assert [(r.event.negated, r.partial) for r in first] == [(False, False), (True, False), (False, True)]
    best, types = bench.rule_types(Coder(pair_model=None), texts)
    assert types == ["ACCUSE", None, None] and best[0].root == "11"
