"""benchmarks/coding_context.py: what page mode changes per form of reference is counted on the triples
`detente code eval` scores (hand-written events, none from the data files)."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from detente.coding import evaluate as ev


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_context")


def event(source: str, target: str, cameo: str) -> SimpleNamespace:
    return SimpleNamespace(source=source, target=target, cameo=cameo, root=cameo[:2], negated=False)


def test_the_changes_are_counted_on_the_triples_code_eval_scores(bench) -> None:
    """Session 21: the sides were compared by their first three letters, so the AU Commission (AUGOV) was "AUG",
    never the gold's "AU", and the UN never the gold's generic "IGO"; `coded_triple` reads them as the scorer does."""
    gold = ev.Gold("t.jsonl", "jsonl", "events", sentences=[
        ev.GoldSentence("He met the AU Commission chief.", 1, [ev.GoldEvent("ETH", "AU", "04")]),
        ev.GoldSentence("The two sides thanked the UN.", 2, [ev.GoldEvent("SDN", "IGOUNO", "05")]),
    ])
    page = [[event("ETHGOV", "AUGOV", "040")], [event("SDN", "UNO", "051")]]
    alone: list[list] = [[], []]
    forms: dict[str, Counter[str]] = {}
    bench.changes(gold, page, alone, forms)
    assert forms == {"he / she": Counter({"added right": 1}), "the two sides / both countries": Counter({"added right": 1})}

    forms = {}
    bench.changes(gold, alone, page, forms)  # the other way round: page mode loses them
    assert sum(forms.values(), Counter()) == Counter({"lost right": 2})
