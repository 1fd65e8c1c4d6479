"""Event nouns with their parties: acts named by a noun whose sides stand around it.

"a phone call between Trump and Putin", "talks between A, B and C", "a prisoner exchange between A and
B", "a truce between A and B began on Friday", "a visit by X to Y", "X was in Y for his first state
visit": the noun names the act, and "between", "by", "to" or the clause around it name its sides. The
sentence's candidate loop (:func:`detente.coding.candidates.candidates`) calls these for the nouns of
:data:`~detente.coding.lexicon.NOMINAL_EVENTS`, :data:`SWAP_NOUNS`, the fight and talks nouns,
ceasefires and :data:`~detente.coding.lexicon.VISIT_NOUNS`. Acts named by other noun phrases ("X's
attack on Y", "the X-Y talks") are :mod:`detente.coding.nominals`'.

Choices:

- A joint act named with "between" is coded for each pair, both ways (the guide's convention 3 for
  joint acts of three or four parties); a prisoner exchange is a release by each side (0841).
- A truce is coded only as the subject of a verb that makes it or puts it in force, never one merely
  mentioned (:func:`truce_between`; session 13).
- A visit noun is coded only when both the visitor and the place name actors of different countries,
  and never a visit still to come ("upcoming", "next week", "ahead of X's visit"); a visit named as the
  purpose of a stay ("X was in Y for a state visit") is coded from the clause's subject (session 12).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding import nominals, syntax
from detente.coding import patterns as P
from detente.coding.arguments import argument, foreign_pairs
from detente.coding.candidate import Candidate
from detente.coding.context import Context
from detente.coding.coordination import list_pairs

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


SWAP_NOUNS = frozenset({"exchange", "swap"})
"""Nouns of an exchange: "a prisoner *exchange* between A and B" is a release by each (CAMEO 0841)."""


def nominal(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """Events named by a noun with "between X and Y": "a phone call between Trump and Putin", "talks
    between A, B and C" (each pair, both ways: the guide's convention 3 for joint acts of three or four
    parties), "a prisoner exchange between A and B" (each releases the other's prisoners, 0841)."""
    noun_lemma = lemma(noun)
    fam = P.family(noun_lemma)
    if noun.lower_ in SWAP_NOUNS:
        swapped = [c for c in noun.children if c.dep_ in ("compound", "amod")] + [
            g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(P.family(lemma(t)) == "release" for t in swapped):
            return []  # "an exchange of views", "an exchange between the leaders": no swap of persons
        code = L.RELEASE
    elif noun.lower_ in L.FIGHT_NOUNS:
        if not nominals.in_real_clause(noun, lemma):
            return []  # "clashes between A and B could erupt": no fight yet
        code = L.FIGHT  # "clashes between A and B": each fights the other
    elif noun_lemma == "call":
        code = L.PHONE_CALL
    elif noun_lemma in ("talks", "talk", "negotiation", "negotiations"):
        code = L.NEGOTIATE
    elif fam == "talks" or noun_lemma == "conversation":  # "a conversation between A and B" (phonecall family)
        code = L.MEETING
    elif fam == "plan":  # "a truce deal between A and B": the truce agreed, 0871 (convention 19)
        mods = [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")]
        code = L.DECLARE_TRUCE if "ceasefire" in P.object_families(noun_lemma, mods)[0] else L.DISCUSS_PLAN
    else:
        return []
    prep = next(c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between")
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or nominals.planned(noun, lemma):
        return []
    arg = argument(pobj, offset, ctx, lemma)
    pairs = list_pairs(arg.actors)  # a long list: its first party with each other; a conference: kept apart
    out = []
    for a, b in pairs:
        cand = Candidate(code, arg, arg, a, b, noun, noun, confidence=L.CONF_NOMINAL, main=False, symmetric=True)
        out += [cand, cand.mirrored()]
    return out


def truce_between(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """A truce named with its sides after "between" as the subject of a verb that makes it or puts it in force
    (:data:`~detente.coding.lexicon.TRUCE_STARTING_VERBS`: "a truce between A and B began on Friday", "a
    ceasefire between A and B took effect", "was agreed", "was extended"): each side declares it with the other
    (0871 both ways, the guide's convention 19). Session 13 (recall, root 08).

    Choices: only as the subject of such a verb, never a truce merely mentioned ("violated the truce between A
    and B", "amid a truce between"); not denied, not still to come (:func:`~detente.coding.nominals.in_real_clause`)."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not verb.tag_.startswith("VB"):
        return []
    verb_lemma = lemma(verb)
    if verb_lemma not in L.TRUCE_STARTING_VERBS or syntax.negated(verb) or not nominals.in_real_clause(noun, lemma):
        return []
    if verb_lemma in ("take", "come", "enter", "go") and not any(
            t.lower_ in L.IN_FORCE_WORDS for t in verb.subtree if t.i > verb.i):
        return []  # "took effect", "came into force"; not "took place" or "went ahead"
    prep = next(c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between")
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return []
    arg = argument(pobj, offset, ctx, lemma)
    out = []
    for a, b in list_pairs(arg.actors):
        if a.code[:3] != b.code[:3]:
            cand = Candidate(L.DECLARE_TRUCE, arg, arg, a, b, noun, noun, confidence=L.CONF_NOMINAL, main=False,
                             symmetric=True)
            out += [cand, cand.mirrored()]
    return out


def nominal_visit(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"A visit by X to Y", "the first visit to Y by X", "X's visit to Y": a visit (CAMEO 042) named by a noun,
    coded only when both the visitor ("by", else the possessor) and the place ("to") name actors of different
    countries. A possessor's visit still to come ("X's *upcoming* visit to Y") is none."""
    visitor = syntax.prep_object(noun, "by")
    if visitor is None and not _visit_to_come(noun):
        visitor = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)  # "Austin's
        # visit to Manila"; not "their trips to Washington", whose visitors a sentence before named
    place = syntax.prep_object(noun, "to")
    modality = None
    if visitor is None or place is None:
        stay = _visit_stay(noun, lemma)
        if stay is None:
            return []
        visitor, place, modality = stay
    source = argument(visitor, offset, ctx, lemma)
    target = argument(place, offset, ctx, lemma)
    out = []
    for s_actor, t_actor in foreign_pairs(source, target):
        out.append(Candidate(L.MEET_AT_TARGET, source, target, s_actor, t_actor, noun, noun, modality=modality,
                             confidence=L.CONF_NOMINAL, main=False))
    return out


STAY_PREPS = frozenset({"for", "on"})
STAY_PLACE_PREPS = ("to", "in", "at")


def _visit_stay(noun: Token, lemma: syntax.Lemma) -> tuple[Token, Token, str | None] | None:
    """(visitor, place, modality) of a visit named as the purpose of a stay: "X was in Y *for* his first state
    visit", "X arrived at the White House *on* a state visit" (CAMEO 042 from the clause's active subject to the
    place the noun or its verb names); None for a visit still to come (in the noun or its clause: "will be in Y
    for a visit"), one that names its own visitor ("for the visit of Z") or a definite one ("for the visit",
    told already). Session 12: the "for talks" frame of
    :data:`~detente.coding.nominals.PRESENCE_VERBS`, for visits."""
    verb = noun.head.head
    if (noun.dep_ != "pobj" or noun.head.lower_ not in STAY_PREPS or not verb.tag_.startswith("VB")
            or lemma(verb) not in nominals.PRESENCE_VERBS or _visit_to_come(noun)
            or any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in noun.children)
            or any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children)):
        return None
    real, modality = nominals.clause_reality(noun, lemma)
    if not real:
        return None  # "will be in Japan for a state visit": no visit yet
    subj, passive, _agent = syntax.subject(verb, lemma)
    place = syntax.prep_object(noun, "to") or next(
        (p for prep in STAY_PLACE_PREPS for p in (syntax.prep_object(verb, prep),) if p is not None), None)
    if subj is None or passive or place is None:
        return None
    return subj, place, modality


def _visit_to_come(noun: Token) -> bool:
    """Whether a visit noun names a visit still to come: a modifier says so ("*upcoming*", "*planned*"), a time
    phrase in it does ("Macron's visit to China *next week*") or the phrase is what something happens *ahead of*
    or *before* ("ahead of Macron's visit to China")."""
    if any(c.lower_ in nominals.UNREAL_MODIFIERS | L.NOT_YET_WORDS for c in noun.children):
        return True
    if any(t.lower_ in L.NOT_YET_WORDS and t.head.i != noun.i and syntax.is_time_word(t.head) for t in noun.subtree):
        return True  # "next week", "the coming days"
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and (prep.lower_ == "before" or prep.lower_ == "of" and prep.head.lower_ == "ahead")
