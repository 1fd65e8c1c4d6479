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
- A visit noun is coded only when both the visitor and the place name actors of different countries; a visit
  named as the purpose of a stay ("X was in Y for a state visit") is coded from the clause's subject (session 12),
  and so is one named as the occasion of the subject's act ("During a visit to Greece, X dismissed ...", "X, on his
  first visit to Moscow, met ..."; session 26, :func:`_visit_occasion`). The development sets pooled (page mode, the
  static pair model, in-sample, 14,493 gold events): right 5,938 -> 5,942 (dev5d-110, dev12d-254, dev14c-107,
  dev19d-108), wrong 2,624 unchanged, F1 0.51512 -> 0.51537; no-event sentences left uncoded unchanged.
- A visit or meeting noun still to come ("upcoming", "next week", "ahead of X's visit", the subject of a
  future clause: "X's visit to Y will boost ties", "a summit between A and B later this week will ...") is the
  intent to meet (036): convention 10 of the guide codes a meeting fixed for later from the traveller, or both
  ways for a meeting "between" two parties, as the coder already codes "A will visit B"; one held only possible
  ("a possible visit", "could ease tensions") gets none (rule 7). Session 14, pooled page-mode development sets
  (news_dev7 parts d and e left out): visits F1 0.4575 -> 0.4579 (3 gold events gained, 1 false event added),
  meetings with "between" 0.4579 -> 0.4589 (4 gained; 5 false events fewer, 1 added), P 0.6619 -> 0.6635,
  PLOVER unchanged. Until then a visit still to come was left uncoded and a summit "between" under "will" was
  coded as held. A noun further down its clause takes no time from the clause's verb ("after talks between A
  and B, X will travel"): only the subject does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding import nominals, syntax
from detente.coding import patterns as P
from detente.coding.arguments import argument
from detente.coding.candidate import Candidate
from detente.coding.context import Context
from detente.coding.coordination import list_pairs
from detente.coding.joint import between_candidates
from detente.coding.same_side import foreign_pairs

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
        swapped = [c for c in noun.children if c.dep_ in ("compound", "amod")] + _exchanged(noun)
        if not any(P.family(lemma(t)) == "release" for t in swapped):
            return []  # "an exchange of views", "an exchange between the leaders": no swap of persons
        if not nominals.in_real_clause(noun, lemma):
            return []  # "the exchange of detainees between A and B will take place in August": still to come
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
    pobj = exchange_parties(noun) if noun.lower_ in SWAP_NOUNS else syntax.prep_object(noun, "between")
    if pobj is None or nominals.planned(noun, lemma):
        return []
    modality = None
    if code in (L.MEETING, L.NEGOTIATE):
        to_come = meeting_to_come(noun, lemma)
        if to_come is None:
            return []  # "a summit between A and B could ease tensions": speculation (rule 7)
        if to_come:
            code, modality = L.INVITATION, "intent"  # "the upcoming summit between A and B": 036 both ways
    arg = argument(pobj, offset, ctx, lemma)
    pairs = list_pairs(arg.actors)  # a long list: its first party with each other; a conference: kept apart
    out = []
    for a, b in pairs:
        cand = Candidate(code, arg, arg, a, b, noun, noun, modality=modality, confidence=L.CONF_NOMINAL, main=False,
                         symmetric=True)
        out += [cand, cand.mirrored()]
    return out


def _exchanged(noun: Token) -> list[Token]:
    """What an exchange noun exchanges, its "of" objects ("the exchange *of* 150 *prisoners*")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def exchange_parties(noun: Token) -> Token | None:
    """The first party after "between" of an exchange noun, on the noun ("a prisoner swap *between* A and B") or on
    what it exchanges ("the exchange of 150 prisoners of war *between* A and B", "the exchange of two prisoners
    *between* the US and Russia": the parser hangs the phrase on the persons), else None. Session 27 (misses27):
    news_dev26 and news_dev27 name swaps and their mediators this way. A plural ("prisoner *swaps* between A and
    B", "one of the largest prisoner *exchanges* between") counts or classes swaps of other days and is left out
    (:data:`SWAP_NOUNS` are singular): on the development sets pooled plurals gained no right event, lost one and
    added four wrong ones (six with the rules alone)."""
    for holder in (noun, *_exchanged(noun)):
        party = syntax.prep_object(holder, "between")
        if party is not None:
            return party
    return None


def meeting_to_come(noun: Token, lemma: syntax.Lemma) -> bool | None:
    """Whether a meeting noun with its parties after "between" names a meeting still to come (True), one held
    (False) or one only held possible (None), as :func:`visit_to_come` reads a visit noun: its modifiers ("the
    *upcoming* summit between", "*ahead of* the summit between"), and, for the subject of its clause only, the
    clause's tense ("a summit between A and B later this week *will* enhance trust", "the summit between A and B
    *could* ease tensions"). A noun further down its clause ("*after* talks between A and B, X will travel to
    Y") takes no time from the clause's verb."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return visit_to_come(noun, lemma)
    return _visit_to_come(noun)


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
    return between_candidates(L.DECLARE_TRUCE, argument(pobj, offset, ctx, lemma), noun)


def nominal_visit(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"A visit by X to Y", "the first visit to Y by X", "X's visit to Y": a visit (CAMEO 042) named by a noun,
    coded only when both the visitor ("by", else the possessor) and the place ("to") name actors of different
    countries. A visit still to come ("X's *upcoming* visit to Y", "ahead of X's visit to Y", "X's visit to Y
    *will* strengthen ties": :func:`visit_to_come`) is the visitor's intent to meet (036, convention 10: a visit
    fixed for later is coded from the traveller), unless its clause only holds it possible ("X's visit to Y
    *could* ...")."""
    visitor = syntax.prep_object(noun, "by") or next(
        (c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)  # "Austin's visit to Manila";
    # not "their trips to Washington", whose visitors a sentence before named
    place = syntax.prep_object(noun, "to")
    modality = None
    to_come = visit_to_come(noun, lemma)
    if visitor is None or place is None:
        stay = _visit_stay(noun, lemma) or _visit_occasion(noun, lemma)
        if stay is None:
            return []
        visitor, place, modality = stay
    elif to_come is None:
        return []  # "X's visit to Y could ...": held possible only (rule 7)
    code = L.MEET_AT_TARGET
    if to_come:
        code, modality = L.INVITATION, "intent"  # 036, as "will visit" is coded (convention 10)
    source = argument(visitor, offset, ctx, lemma)
    target = argument(place, offset, ctx, lemma)
    out = []
    for s_actor, t_actor in foreign_pairs(source, target):
        out.append(Candidate(code, source, target, s_actor, t_actor, noun, noun, modality=modality,
                             confidence=L.CONF_NOMINAL, main=False))
    return out


STAY_PREPS = frozenset({"for", "on"})
STAY_PLACE_PREPS = ("to", "in", "at")


def _visit_stay(noun: Token, lemma: syntax.Lemma) -> tuple[Token, Token, str | None] | None:
    """(visitor, place, modality) of a visit named as the purpose of a stay: "X was in Y *for* his first state
    visit", "X arrived at the White House *on* a state visit" (CAMEO 042 from the clause's active subject to the
    place the noun or its verb names), "X will arrive on a visit to Y", "X is set to embark on a visit to Y" (a
    stay to come: the modality "intent", which :func:`nominal_visit` codes 036); None for a stay held only
    possible ("could be in Y for a visit"), a visit that names its own visitor ("for the visit of Z") or a
    definite one ("for the visit", told already). Session 12: the "for talks" frame of
    :data:`~detente.coding.nominals.PRESENCE_VERBS`, for visits."""
    verb = noun.head.head
    if (noun.dep_ != "pobj" or noun.head.lower_ not in STAY_PREPS or not verb.tag_.startswith("VB")
            or lemma(verb) not in STAY_VERBS
            or any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in noun.children)
            or any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children)):
        return None
    to_come = visit_to_come(noun, lemma)
    if to_come is None:
        return None
    real, modality = nominals.clause_reality(noun, lemma)
    if not real and not to_come:
        return None
    subj, passive, _agent = syntax.subject(verb, lemma)
    place = syntax.prep_object(noun, "to") or next(
        (p for prep in STAY_PLACE_PREPS for p in (syntax.prep_object(verb, prep),) if p is not None), None)
    if subj is None or passive or place is None:
        return None
    return subj, place, "intent" if to_come else modality


OCCASION_PREPS = frozenset({"during", "on"})
"""Prepositions that set a clause's act on the occasion of a visit ("*During* a visit to Greece, X dismissed ...", "X,
*on* his first visit to Moscow, met ...")."""
ON_ARGUMENT_VERBS = frozenset({
    "comment", "remark", "report", "brief", "elaborate", "dwell", "touch", "focus", "insist", "agree", "decide",
    "rely", "depend", "reflect", "congratulate", "praise", "commend", "criticize", "criticise", "attack", "question",
    "press", "quiz", "spend", "embark", "set", "go", "speak", "talk", "write", "vote"})
"""Verbs whose "on" phrase after them is their argument, not an occasion: "commented *on* a visit to Y",
"congratulated X *on* his visit to Y" (the visit of someone else, or the topic); set before the verb ("X, on his visit
to Y, praised ...") the phrase is the occasion."""


def _visit_occasion(noun: Token, lemma: syntax.Lemma) -> tuple[Token, Token, str | None] | None:
    """(visitor, place, modality) of a visit named as the occasion of its clause's act: "*During a visit to Greece*,
    X dismissed Y's demands", "X said, *during a visit to Austria*, ...", "X, *on his first visit to Moscow*, met ..."
    (CAMEO 042 from the clause's active subject to the place the noun's "to" names; the gold codes the visitor's
    visit beside the act it made on it, e.g. dev11b-066, dev14c-107, dev15a-203, dev19d-108). The subject is the
    visitor: the phrase sets the subject's own act on its own journey. A visit still to come ("will meet X during
    his visit to Y") is its intent (036, as a stay to come); none for a clause only held possible, a passive
    clause (the act done to the visitor, not by it), a visit that names its own visitor ("during a visit by Z") or
    a definite one ("during the visit to Y", told already), or an "on" phrase that is the verb's argument
    (:data:`ON_ARGUMENT_VERBS`, after the verb). Session 26 (misses26): news_dev18's and news_dev19's visits named by
    a noun."""
    prep = noun.head
    verb = prep.head
    if (noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPS
            or not verb.tag_.startswith("VB")
            or prep.lower_ == "on" and prep.i > verb.i and lemma(verb) in ON_ARGUMENT_VERBS
            or any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in noun.children)
            or any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children)):
        return None
    place = syntax.prep_object(noun, "to")
    to_come = visit_to_come(noun, lemma)
    if place is None or to_come is None:
        return None
    real, modality = nominals.clause_reality(noun, lemma)
    if not real and not to_come:
        return None
    subj, passive, _agent = syntax.subject(verb, lemma)
    if subj is None or passive:
        return None
    return subj, place, "intent" if to_come else modality


STAY_VERBS = nominals.PRESENCE_VERBS | {"embark"}
"""Verbs of a stay or journey whose "for"/"on" phrase names the visit made ("was in Y for a state visit", "arrived
on a visit", "embarked on a visit to Y")."""
FIXED_WORDS = frozenset({"set", "scheduled", "due", "slated"})
"""Words that fix an act for a later time ("is *set* to embark on a visit"; convention 10's list, as
:data:`~detente.coding.candidates.SCHEDULED_WORDS`)."""


def visit_to_come(noun: Token, lemma: syntax.Lemma) -> bool | None:
    """Whether a visit noun names a visit still to come (True), one made or under way (False), or one only held
    possible or conditional (None: "X's visit to Y *could* ease tensions", "if X's visit goes ahead"; rule 7 codes
    no speculation). To come: a modifier or time phrase of the noun says so (:func:`_visit_to_come`: "upcoming",
    "next week", "ahead of X's visit"), or the clause it stands in is future or fixed for later ("X's visit to Y
    *will* boost ties", "X *will* arrive on a visit to Y", "X *is set to* embark on a visit"): English has no
    future tense but "will" and the periphrases of schedule (Quirk et al. 1985, 4.41-4.49)."""
    own = _visit_to_come(noun)
    if own is not False:
        return own
    clause = syntax.clause_verb(noun)
    if clause is None:
        return False
    modality = syntax.clause_modality(clause, None, None, lemma)
    if modality in ("possible", "conditional"):
        return None
    if modality == "intent-future":
        return True
    head = clause.head if clause.dep_ == "xcomp" else None  # "is *set* to embark on a visit"
    return head is not None and head.lower_ in FIXED_WORDS and (
        any(c.dep_ in ("aux", "auxpass") and c.lower_ in _BE_FORMS for c in head.children)
        or head.dep_ == "acomp" and head.head.lower_ in _BE_FORMS)  # "are due to", "is set to"


_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"})
"""The forms of "be" (the pipeline runs no lemmatizer); candidates.py's own list cannot be imported here (it imports
this module)."""


SPECULATIVE_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "feared", "expected", "any", "no",
                                   "alleged", "threatened"})
"""Modifiers of a meeting noun that hold the meeting only possible ("a *possible* visit", "*no* talks between"): no
event (rule 7: "expectations, possibilities and speculation")."""


def _modifiers_to_come(noun: Token) -> bool | None:
    """Whether a modifier of the noun holds its act only possible (None: :data:`SPECULATIVE_MODIFIERS`) or puts it
    in the future (True: "*upcoming*", "*planned*", "*proposed*", a time phrase to come, "next week"), else False."""
    if any(c.lower_ in SPECULATIVE_MODIFIERS for c in noun.children if c.i < noun.i):
        return None
    if any(c.lower_ in nominals.UNREAL_MODIFIERS | L.NOT_YET_WORDS for c in noun.children):
        return True
    return any(t.lower_ in L.NOT_YET_WORDS and t.head.i != noun.i and syntax.is_time_word(t.head) for t in noun.subtree)


def _ahead_of(noun: Token) -> bool:
    """Whether the noun phrase is what something happens *ahead of* or *before* ("ahead of Macron's visit")."""
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and (prep.lower_ == "before" or prep.lower_ == "of" and prep.head.lower_ == "ahead")


def _visit_to_come(noun: Token) -> bool | None:
    """Whether a visit noun names a visit still to come: a modifier says so ("*upcoming*", "*planned*"), a time
    phrase in it does ("Macron's visit to China *next week*") or the phrase is what something happens *ahead of*
    or *before* ("ahead of Macron's visit to China"); None when a modifier holds it only possible ("a *possible*
    visit", :data:`SPECULATIVE_MODIFIERS`)."""
    modifiers = _modifiers_to_come(noun)
    return modifiers if modifiers is not False else _ahead_of(noun)
