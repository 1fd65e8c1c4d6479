"""Mediation named on the agreement it produced: "a deal *brokered by China*", "the *U.N.-brokered*
truce between A and B", "a deal negotiated *with the help of the United States*".

CAMEO 045 (mediate) has the mediator as its source and each party as a target. News rarely says
"China mediated between Saudi Arabia and Iran"; it names the mediator on the agreement, in a
participle ("brokered by", "mediated by", "negotiated with the help of") or a hyphenated
modifier ("U.S.-brokered"). This module reads that one frame:

    [PARTIES ... ] <agreement noun> <brokered|mediated|negotiated|facilitated> by|with the help of MEDIATOR

- the agreement noun is one of the pattern table's agreement families (plan, ceasefire, talks, peace);
- the parties are the noun's "between" phrase when it has one, else the subject of the clause the noun
  stands in (with its conjuncts) and a partner named with "with" on that clause's verb or object
  ("Morocco agreed to normalise its relations *with Israel* under a deal brokered by ...");
- the mediator must be an actor of another country than each party, found through the parse.

Choices: coded one way, mediator to each party (CAMEO 045 is not a joint act); no event when the
clause is modal, future, conditional or negated (:func:`detente.coding.syntax.clause_modality`), as
for every other candidate; confidence :data:`~detente.coding.lexicon.CONF_NOMINAL`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding import patterns as P
from detente.coding import syntax
from detente.coding.arguments import argument
from detente.coding.candidate import Candidate
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.nominals import UNREAL_CLAUSES, _clause_verb

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

MEDIATE = "045"
"""CAMEO 045, mediate."""
BROKER_VERBS = frozenset({"broker", "mediate", "negotiate", "facilitate"})
"""Verbs whose participle on an agreement names its mediator ("brokered by China")."""
AGREEMENT_FAMILIES = frozenset({"plan", "ceasefire", "talks", "peace"})
HYPHENATED = frozenset({"brokered", "mediated", "negotiated", "facilitated"})
"""Participles written after a mediator's name with a hyphen ("U.S.-brokered")."""
HELP_NOUNS = frozenset({"help", "mediation", "assistance", "support", "auspices", "aegis"})
"""Nouns of "with the help / under the auspices of X": X is the mediator."""


def brokered(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """The mediation candidates of a participle or hyphenated "-brokered" modifier on an agreement noun."""
    if tok.dep_ not in ("acl", "amod") or not tok.head.tag_.startswith("NN"):
        return []
    noun = tok.head
    if not set(P.families(lemma(noun))) & AGREEMENT_FAMILIES:
        return []
    mediators = _mediators(tok, offset, ctx, lemma)
    if not mediators:
        return []
    clause = _clause_verb(noun)  # the verb whose clause the agreement stands in
    if clause is not None:
        if syntax.negated(clause) or syntax.clause_modality(clause, None, None, lemma) in UNREAL_CLAUSES:
            return []
        if {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")} & (P.MODAL_AUX | P.FUTURE_AUX):
            return []
    parties = _parties(noun, clause, offset, ctx, lemma)
    arg = argument(noun, offset, ctx, lemma)
    out: list[Candidate] = []
    for mediator in mediators:
        for party in parties:
            if mediator.code[:3] != party.code[:3]:
                out.append(Candidate(MEDIATE, arg, arg, mediator, party, tok, tok, confidence=L.CONF_NOMINAL))
    return out


def _mediators(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    if tok.dep_ == "amod":  # "U.N.-brokered": the mediator is written into the modifier
        if tok.lower_.rsplit("-", 1)[-1] not in HYPHENATED:
            return []
        return [actor_of_mention(m) for m in ctx.mentions_between(offset + tok.idx, offset + tok.idx + len(tok.text))][:2]
    if lemma(tok) not in BROKER_VERBS or tok.tag_ != "VBN":
        return []
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return argument(pobj, offset, ctx, lemma).actors[:2]
        if child.dep_ == "prep" and child.lower_ in ("with", "under"):
            helper = next((g for g in child.children if g.dep_ == "pobj" and g.lower_ in HELP_NOUNS), None)
            of = next((g for c in (helper.children if helper is not None else ()) if c.dep_ == "prep"
                       and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                return argument(of, offset, ctx, lemma).actors[:2]
    return []


def _parties(noun: Token, clause: Token | None, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    between = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                    for g in c.children if g.dep_ == "pobj"), None)
    tokens: list[Token] = []
    if between is not None:
        tokens = [between, *between.conjuncts]
    elif clause is not None:
        subj, passive, _ = syntax.subject(clause, lemma)
        if subj is not None and not passive:
            tokens = [subj, *subj.conjuncts]
        for holder in (clause, *[c for c in clause.children if c.dep_ == "dobj"]):
            tokens += [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in c.children if g.dep_ == "pobj"]
    out: list[Actor] = []
    for t in tokens:
        for actor in argument(t, offset, ctx, lemma).actors[:1]:
            if all(actor.code[:3] != a.code[:3] for a in out):
                out.append(actor)
    return out[:4]

