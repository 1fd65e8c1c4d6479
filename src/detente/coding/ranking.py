"""Ranking a sentence's candidates: which one stands best for the sentence, and which are no events at all.

The candidate rules (:mod:`detente.coding.candidates` and the modules it calls) propose every codable
predicate of a sentence; the coder (:mod:`detente.coding.coder`) keeps them best first. A candidate's
score is its confidence plus fixed bonuses for a known source, a parsed target and a main clause, less
penalties for a subordinate clause, a bare statement and a reversed pair (weights in
:mod:`detente.coding.lexicon`).

Choices:

- A bare statement (010) is dropped whenever the sentence codes something more specific between two
  actors: "officials said Russia attacked Kyiv" reports the attack, and the saying is its attribution
  (root 01 would otherwise be over-produced); with nothing more specific, a statement that names no one
  or only attributes an act with a known source is dropped too (:func:`without_bare_statements`).
- "call" read as a telephone call (041) is dropped when it names its object as something ("called
  Tehran the world's leading sponsor of terror", :func:`naming`; session 12).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding.candidate import Candidate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def ranked(cands: list[Candidate]) -> list[Candidate]:
    """Candidates best first; a bare statement (010) only when nothing more specific is coded, and no telephone
    call read off a verb of naming (:func:`naming`)."""
    kept = [c for c in without_bare_statements(cands) if not (c.code == TELEPHONE and naming(c.verb))]
    return sorted(kept, key=score, reverse=True)


def score(c: Candidate) -> float:
    """How well a candidate stands for its sentence (weights in :mod:`detente.coding.lexicon`)."""
    value = c.confidence
    value += L.RANK_HAS_SOURCE if c.source_actor is not None else 0.0
    value += L.RANK_PARSED_TARGET if c.target_actor is not None and not c.target_actor.fallback else 0.0
    value += L.RANK_HAS_TARGET if c.target_actor is not None else 0.0
    value += L.RANK_MAIN_CLAUSE if c.main else 0.0
    value -= L.RANK_SUBORDINATE if c.verb.dep_ in ("relcl", "acl") else 0.0
    value -= L.RANK_STATEMENT if c.code == L.STATEMENT else 0.0
    value -= L.RANK_REVERSED if c.reverse else 0.0
    return value


def without_bare_statements(cands: list[Candidate]) -> list[Candidate]:
    """Drop the statements (010) of a sentence that codes something more specific between two actors.

    "Ukrainian officials said Russia attacked Kyiv" reports an attack; the saying is
    its attribution, not a second event (root 01 would otherwise be over-produced).
    """
    if any(c.code != L.STATEMENT and c.source_actor is not None and c.target_actor is not None for c in cands):
        return [c for c in cands if c.code != L.STATEMENT]
    return [c for c in cands if not _empty_statement(c) and not _attribution(c, cands)]


def _attribution(c: Candidate, cands: list[Candidate]) -> bool:
    """A statement whose reported clause holds an act with a known source ("the army said police seized
    weapons from X"): the saying attributes that act, even one whose target is unknown; no event itself."""
    if c.code != L.STATEMENT:
        return False
    return any(d.code != L.STATEMENT and d.source_actor is not None and d.anchor.i != c.verb.i
               and c.verb.i in {a.i for a in d.anchor.ancestors} for d in cands)


def _empty_statement(c: Candidate) -> bool:
    """A statement that says nothing about anyone: a report or remark ("Reuters reported",
    "the spokesperson added"), or one whose target is only guessed from elsewhere in the text."""
    if c.code != L.STATEMENT:
        return False
    if c.verb.lower_ in L.REPORTING_WORDS:
        return True
    return c.target_actor is None or c.target_actor.fallback


TELEPHONE = "041"
"""CAMEO's "discuss by telephone", which "call" codes when it takes one object ("Macron called Xi")."""


def naming(verb: Token) -> bool:
    """Whether "call" names its object as something ("*called* Tehran the world's leading sponsor of terror",
    "*calling* it a rogue nation"): the complex-transitive "call X Y", a direct object and an object predicate.
    It reports a judgement (coded 11 where the object predicate is one of disapproval), never a telephone call;
    "called Xi", "called Xi on Monday" (one object) stay calls. Session 12, pooled page-mode development sets: 6 false
    events fewer, 1 new, no gold lost (F1 0.4623 -> 0.4627).

    The parser gives the object predicate three shapes (:func:`_object_predicate`): an ``oprd``; a second direct
    object ("the plane, *which* it called *a state aircraft*"); an adjective after the object ("called X's decision
    "hasty and extreme"", parsed as the object's ``amod``: an English attributive adjective stands before its noun).
    Session 27 (wrong27) added the last two: news_dev20 coded both as calls both ways (dev20b-032, dev20d-005)."""
    if not (verb.lemma_ == "call" or verb.lower_ in ("call", "calls", "called", "calling")):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and (len(objects) > 1 or any(c.dep_ == "oprd" for c in verb.children)
                              or any(_object_predicate(o) for o in objects))


def _object_predicate(obj: Token) -> bool:
    """Whether the direct object `obj` carries its predicate as an adjective parsed after it ("the decision *hasty*")."""
    return any(c.dep_ == "amod" and c.i > obj.i for c in obj.children)
