"""Pure syntax functions over parsed tokens (tests for the functions spans rely on)."""

from __future__ import annotations

import pytest

from detente.coding import syntax


@pytest.fixture(scope="module")
def parse(coder):
    return lambda text: coder.nlp(text)


@pytest.mark.parametrize(
    ("sentence", "pronoun", "expected"),
    [
        ("The Taliban refused direct talks, saying it will only negotiate with Washington.", "it", "Taliban"),
        ("Congo has freed a diplomat it arrested last year.", "it", "Congo"),
        # a pronoun main subject is no antecedent
        ("They said it would leave.", "it", None),
    ],
)
def test_main_subject_before(parse, sentence, pronoun, expected):
    doc = parse(sentence)
    tok = next(t for t in doc if t.lower_ == pronoun)
    found = syntax.main_subject_before(tok)
    assert (found.text if found is not None else None) == expected


def test_main_subject_before_needs_the_subject_to_come_first(parse):
    doc = parse("Before it left, the army burned the depot.")
    tok = next(t for t in doc if t.lower_ == "it")
    assert syntax.main_subject_before(tok) is None
