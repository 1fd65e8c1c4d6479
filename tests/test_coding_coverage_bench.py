"""benchmarks/coding_coverage.py: the triples it counts a family's contribution on are the asserted events of each
sentence coded alone, as `detente code eval --context sentence` scores them (hand-written sentences, none from a
data file)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_coverage")


@pytest.mark.nlp
def test_the_coded_triples_are_each_sentence_alone_without_negated_or_partial_events(bench, tmp_path) -> None:
    url = "https://news.example/chile-peru"
    records = [
        {"text": "Chile recalled its ambassador from Peru on Monday.", "url": url, "date": "2024-03-04",
         "events": [{"source": "CHL", "target": "PER", "root": "16"}]},
        {"text": "It also demanded an apology from Peru.", "url": url, "date": "2024-03-04",
         "events": [{"source": "CHL", "target": "PER", "root": "10"}]},  # "It": a partial event, coded alone
        {"text": "Bolivia did not attack Peru.", "url": url, "date": "2024-03-05", "events": []},  # negated
    ]
    path = tmp_path / "page.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    from detente.coding import Coder
    from detente.coding import evaluate as ev

    gold, coder = ev.read_gold(path), Coder(pair_model=None)
    assert bench.coded_triples(gold, coder) == [{("CHL", "PER", "16")}, set(), set()]
    assert bench.gold_triples(gold) == [{("CHL", "PER", "16")}, {("CHL", "PER", "10")}, set()]
