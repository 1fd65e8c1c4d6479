"""The on-demand lemmatizer of :mod:`detente.coding.nlp` (spaCy's English rule tables)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def lem():
    pytest.importorskip("spacy")
    from detente.coding import nlp as nlp_mod
    from detente.errors import MissingDependencyError

    try:
        return nlp_mod.lemmatizer(nlp_mod.load())
    except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))


@pytest.mark.parametrize(
    ("word", "tag", "lemma"),
    [
        ("sanctioned", "VBD", "sanction"),
        ("imposed", "VBN", "impose"),
        ("went", "VBD", "go"),
        ("stormed", "VBD", "storm"),
        ("Talks", "NNS", "talks"),  # in the noun index as such: not "talk"
        ("sanctions", "NNS", "sanction"),
        ("criticising", "VBG", "criticise"),
        ("Kremlin", "NNP", "kremlin"),  # proper nouns are left as they are (lower case)
    ],
)
def test_lemmas(lem, word, tag, lemma):
    assert lem(word, tag) == lemma


def test_lookup_tables_are_hashed_once(lem):
    # membership tests on a new word must not scan lists (about 1 ms a word before)
    assert all(isinstance(index, frozenset) for index in lem._index.values())
    assert len(lem._index["noun"]) > 10_000
    assert lem("unheardofwords", "NNS") == "unheardofwords"  # unknown words are left as they are
