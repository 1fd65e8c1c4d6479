"""benchmarks/coding_restatement_exceptions.py: which exception of the restatement filter keeps an event
(hand-written sentences, none from a data file)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import abstention
from detente.coding.assemble import make_event
from detente.coding.context import Actor

ON = date(2023, 5, 4)


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_restatement_exceptions")


def _event(code: str, sentence: str, when: date = ON):
    side = lambda code, text: Actor(code=code, text=text, start=0, end=len(text))  # noqa: E731
    event = make_event(code, when=when, sentence=sentence, doc_id="t", source=side("AAA", "Estonia"),
                       target=side("BBB", "Latvia"))
    assert event is not None
    return event


def _told(sentence: str) -> dict:
    event = _event("161", sentence)
    return {abstention._act(event): [(0, event)]}


@pytest.mark.parametrize(("sentence", "when", "kind"), [
    ("Estonia too expelled Latvian diplomats.", ON, "another-act word: too"),
    ("Estonia expelled Latvian diplomats in 2019.", date(2019, 1, 1), "own date, differs"),
    ("Estonia also expelled Latvian diplomats in 2019.", date(2019, 1, 1), "both (word: also, own date)"),
])
def test_the_exception_that_keeps_a_repeated_act_is_named(bench, sentence, when, kind) -> None:
    earlier = _told("Estonia expelled two Latvian diplomats.")
    assert bench.exception_of(_event("161", sentence, when), earlier, sentence, ON, None) == (kind, 1)


def test_an_act_the_filter_drops_or_never_saw_has_no_exception(bench) -> None:
    earlier = _told("Estonia expelled two Latvian diplomats.")
    sentence = "Estonia expelled the diplomats, the ministry said."
    assert bench.exception_of(_event("161", sentence), earlier, sentence, ON, None) is None  # a restatement
    assert bench.exception_of(_event("111", sentence), earlier, sentence, ON, None) is None  # another root
