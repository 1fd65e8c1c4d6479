"""benchmarks/coding_context_sides.py: what it says blocked the coder on a gold event of a `context:` record, and the
table it writes (hand-written events, none from a data file)."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_context_sides")


def result(source: str, target: str, root: str) -> SimpleNamespace:
    """A coded result as the script reads it: an event with its sides and root."""
    return SimpleNamespace(event=SimpleNamespace(source=source, target=target, root=root))


@pytest.mark.parametrize(("results", "blocked"), [
    ([result("TWN", "CHN", "11")], "filter"),  # coded, but not among the scored events: kept apart or negated
    ([result("TWN", "---", "11")], "side unknown"),
    ([result("TWN", "JPN", "11")], "wrong side"),
    ([result("KOR", "JPN", "11")], "both sides wrong"),
    ([result("TWN", "CHN", "04")], "no predicate"),
    ([], "no predicate"),
])
def test_a_missed_event_is_put_under_what_blocked_it(bench, results, blocked) -> None:
    assert bench.blocker(("TWN", "CHN", "11"), results, set(), set()) == blocked


def test_a_scored_event_is_right(bench) -> None:
    triple = ("TWN", "CHN", "11")
    assert bench.blocker(triple, [result("TWN", "CHN", "11")], {triple}, set()) == "right"


def test_the_table_has_a_row_per_shape_and_the_total(bench) -> None:
    rows = {shape: Counter() for shape in bench.SHAPES}
    rows["target unnamed"].update({"events": 3, "right": 1, "side unknown": 2})
    rows["sides named"].update({"events": 1, "no predicate": 1})
    lines = bench.table(rows)
    assert lines[2] == "| sides named | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
    assert lines[4] == "| target unnamed | 3 | 1 | 0 | 2 | 0 | 0 | 0 |"
    assert lines[-1] == "| **all** | **4** | **1** | **0** | **2** | **0** | **0** | **1** |"
