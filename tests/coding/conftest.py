"""Shared fixtures for the text-coding tests: one Coder per session (spaCy loads once)."""

from __future__ import annotations

from datetime import date

import pytest

DOC_DATE = date(2025, 3, 3)


def rules_coder(**settings):
    """A :class:`~detente.coding.Coder` with the rules' events alone (``pair_model=None``), other settings as
    given: what every test of a rule codes with, so that it pins what a pattern does whatever the learned pair
    model of the default coder (re-trained at each session's end) decides. The one place the rule tests say so."""
    from detente.coding import Coder

    return Coder(pair_model=None, **settings)


def asserted_countries(coder, sentence: str, when: date, *, code: str = "cameo",
                       partial: bool = False) -> set[tuple[str, str, str]]:
    """(source country, target country, CAMEO code or root) of the asserted events of one sentence coded
    alone on `when`: what most rule tests compare, the test files each passing their own date."""
    (results,) = coder.code_sentence_events([sentence], when, partial=partial)
    return {(r.event.source[:3], r.event.target[:3], getattr(r.event, code)) for r in results if not r.event.negated}


@pytest.fixture(scope="session")
def coder():
    """The rule coder (:func:`rules_coder`; spans by the span rules alone: no span chooser), or a skip when
    spaCy or its English pipeline is not installed."""
    pytest.importorskip("spacy")
    from detente.errors import MissingDependencyError

    try:
        return rules_coder(span_chooser=None)
    except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def code_fn(coder):
    """Code one text on DOC_DATE and return all its events (asserted or not)."""

    def run(text: str, when: date = DOC_DATE):
        return coder.code_text(text, doc_id="t", date=when)

    return run


@pytest.fixture(scope="session")
def hand_parse(coder):
    """A parse written by hand (words, heads, deps, tags), for a convention that exists
    for one kind of misparse the model makes only now and then."""
    from spacy.tokens import Doc

    def build(words, heads, deps, tags):
        return Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)

    return build


@pytest.fixture(scope="session")
def triples(coder):
    """(source, target, root) of each event of one sentence coded alone on DOC_DATE (sentence mode, what
    `detente code --sentences` prints); with `partial`, also the events kept apart."""

    def run(sentence: str, *, partial: bool = False) -> list[tuple[str, str, str]]:
        (events,) = coder.code_sentence_events([sentence], DOC_DATE, partial=partial)
        return [(r.event.source, r.event.target, r.event.root) for r in events]

    return run


@pytest.fixture(scope="session")
def cameo_triples(coder):
    """(source country, target country, full CAMEO code) of the events of one sentence coded alone on DOC_DATE."""

    def run(sentence: str) -> set[tuple[str, str, str]]:
        (events,) = coder.code_sentence_events([sentence], DOC_DATE)
        return {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in events}

    return run


@pytest.fixture(scope="session")
def doc_triples(code_fn):
    """(source, target, root) of all the events of one text coded in document mode."""

    def run(text: str) -> set[tuple[str, str, str]]:
        return {(e.source, e.target, e.root) for e in code_fn(text)}

    return run
