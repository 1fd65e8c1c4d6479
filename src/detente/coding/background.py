"""Background and standing states: predicates that report no act of the news.

A news sentence tells its new act among things already known: what someone expects, what has been
going on for years, what an actor habitually does or stands for, who backs whom, a rank among those
who did something. The guide of the news development sets codes acts, not these (rules 7-8: background
and standing states get no event; CAMEO codes acts, not standing conditions). The verb rules
(:func:`detente.coding.candidates.verbal`) ask :func:`is_background`, :func:`alignment_modifier`,
:func:`ranking` and :func:`standing` before coding a verb; the sentence's candidate loop drops what
:func:`ongoing_state` calls a state already running.

Choices:

- An expectation ("X is expected to start ...") and a clause of reference ("since Russia invaded
  Ukraine") are background wherever the verb sits under them (:func:`is_background`).
- Only a perfect progressive with a duration of years is an activity running since before the news
  (:func:`running_for_years`); "has been shelling Kharkiv since Monday" and a simple perfect stay acts
  (session 11).
- A duration or "ongoing" on an event noun, and a duration in a relative or appositive clause, make a
  running state; a main clause's act with a duration stays an act (:func:`ongoing_state`), except the
  standing conditions of :func:`standing` ("had been jailed for years").
- A relative clause in the simple present describes its actor ("Qatar, which hosts a US airbase"),
  counted only when its verb is the act's own (:func:`present_description`; session 12).
- A passive participle of backing with its agent ("the rebels, supported by Egypt") is an alignment,
  not an act (:func:`alignment_modifier`); "X is the fourth state to conclude ..." is a rank
  (:func:`ranking`, not to be confused with :mod:`detente.coding.ranking`, which orders candidates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding import syntax

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def is_background(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether `verb` reports no act of the news: it is (under) an expectation ("X is expected to
    start ...", :data:`~detente.coding.lexicon.EXPECTATION_VERBS` in the passive), it sits in a clause
    of reference ("since Russia invaded Ukraine", :data:`~detente.coding.lexicon.BACKGROUND_MARKS`), or it
    is an activity running for years (:func:`running_for_years`)."""
    if running_for_years(verb):
        return True
    node, below = verb, verb
    for _ in range(8):
        if lemma(node) in L.EXPECTATION_VERBS and node.i != verb.i and (
            any(c.dep_ in ("auxpass", "dobj") for c in node.children) or any(c.dep_ == "nsubj" for c in below.children)
        ):  # "X is expected to ...", "Japan expects China to ...": someone's expectation
            return True
        if any(c.dep_ == "mark" and c.lower_ in L.BACKGROUND_MARKS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        below, node = node, node.head
    return False


def running_for_years(verb: Token) -> bool:
    """Whether `verb` is a perfect progressive with a duration of years ("had been conducting operations in
    Syria *since April 2017*", "have been training the army *for five years*"): an activity that has run
    since before the news, a continuing condition the guide's rule 8 does not code ("have been at odds
    for years"). The duration is a "for" phrase of :data:`~detente.coding.lexicon.DURATION_WORDS` or a
    "since" phrase that names a year; "has been shelling Kharkiv since Monday" reports the news of the
    week and stays an act, as does a simple perfect ("has shelled Kharkiv since 2022": :func:`ongoing_state`
    keeps a main clause's act). Session 11, pooled page-mode development sets: 1 false event fewer, no gold
    lost (precision 0.6525 -> 0.6529); PLOVER unchanged."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBG" or "been" not in auxes or not auxes & L.PERFECT_AUX:
        return False
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "for" and any(g.dep_ == "pobj" and g.lower_ in L.DURATION_WORDS for g in prep.children):
            return True
        if prep.lower_ == "since" and any(t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20")
                                          for t in prep.subtree):
            return True
    return False


ONGOING_WORDS = frozenset({"ongoing", "continuing", "long-running", "protracted", "years-long", "decades-long", "months-long"})
"""Modifiers that say a state is already running ("the *ongoing* war", "the *decades-long* conflict")."""
SPAN_NOUNS = frozenset({"year", "month", "week", "decade"})
"""Heads of a duration modifier: "three-year war", "a 10-month siege" (a number or hyphen before them)."""
FIRST_SINCE = frozenset({"first", "last", "latest", "second", "third"})
"""Ordinals that make "since" mark a gap before a new act: "the *first* visit since 2019"."""
CLAUSE_OF_REFERENCE = frozenset({"relcl", "appos"})
"""Clauses that describe an actor rather than report the news: "Germany, *which has backed Kyiv since 2022*, ..."."""


def ongoing_state(pred: Token, anchor: Token) -> bool:
    """Whether a predicate describes a state already running, which is background and not a new event.

    The convention (the news development set's guide, rules 7-8; CAMEO codes acts, not
    standing conditions): a noun phrase with a duration modifier ("that country's
    *three-year* war", "the *ongoing* talks between A and B", "the war *since 2022*"), or a
    verb inside a relative or appositive clause that carries a duration ("Germany, which
    has backed Kyiv *since 2022*", "who has fought them *for years*"), tells what has been
    going on, not what the news reports. So does a relative clause in the simple present
    ("Qatar, *which hosts* a US airbase", "the government, *which is supported by* the AU":
    :func:`present_description`, when its verb is the act's own; session 12, pooled page-mode
    development sets: 7 false events fewer, 1 new false and 1 gold event lost, P up by 0.002, no-event
    sentences uncoded up by 3 of 2859; PLOVER gold: 1 false event fewer, none lost). A verb in the main clause with a duration stays
    an act ("Russia has shelled Kharkiv since Monday" is news), except the standing
    conditions of :func:`standing`.
    """
    if pred.tag_.startswith("NN"):  # "the first visit since 2019" is a new act after a gap, not a running state
        return _duration_modifier(pred) or _since(pred) and not any(c.lower_ in FIRST_SINCE for c in pred.children)
    for node in (pred, anchor):
        clause = node
        for _ in range(4):  # up to the head of the clause the verb is in
            if clause.dep_ in CLAUSE_OF_REFERENCE:
                return present_description(clause) and clause.i in (pred.i, anchor.i) or any(
                    _since(v) or _for_duration(v) for v in {pred.i: pred, anchor.i: anchor}.values())
            if clause.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or clause.head.i == clause.i:
                break
            clause = clause.head
    return False


PRESENT_BE = frozenset({"is", "are", "'s", "'re"})
"""The present forms of "be" that make a passive present ("which *is* supported by")."""


def present_description(clause: Token) -> bool:
    """Whether a relative clause is in the simple present, active or passive ("Qatar, *which hosts* a US
    airbase", "the government, *which is supported by* the African Union", "Moscow, *which backs* Assad"):
    English writes what an actor habitually does or stands for in that tense, a description of the actor
    (the guide's rules 7-8: background and standing states get no event), while a relative clause that
    reports an act of the news is in the past or perfect ("which *sent* troops on Monday"). Only the
    clause's own verb counts, and only as the act's own predicate (:func:`ongoing_state`): a plan it
    governs ("who *is set* to meet B next week", convention 10), a present progressive ("which is
    negotiating") or a modal ("which will host") is left to the other rules."""
    if clause.dep_ != "relcl" or _issued_text(clause):
        return False
    aux = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if clause.tag_ in ("VBZ", "VBP"):
        return not aux
    return clause.tag_ == "VBN" and len(aux) == 1 and aux[0] in PRESENT_BE


def _issued_text(clause: Token) -> bool:
    """Whether a relative clause says what a text an actor issues or enacts does ("a law *that bans* ...", "a
    resolution *which condemns* ..."): its subject is the relative pronoun and its head such a text. Its present
    tense is the text's content, its issuer's act (`mandates.issuer_subject`), not a description of an actor."""
    noun = clause.head
    texts = L.ISSUED_TEXT_NOUNS | L.ENACTED_TEXT_NOUNS
    return (noun.lower_ in texts or noun.tag_ == "NNS" and noun.lower_.removesuffix("s") in texts) and any(
        c.dep_ == "nsubj" and c.lower_ in L.RELATIVE_PRONOUNS for c in clause.children)


def _duration_modifier(noun: Token) -> bool:
    """A left modifier of `noun` that says the state is already running: ongoing, N-year, decades-long."""
    for tok in noun.subtree:
        if tok.i >= noun.i:
            break
        text = tok.lower_
        if text in ONGOING_WORDS:
            return True
        if "-" in text and any(part.rstrip("s") in SPAN_NOUNS for part in text.split("-")):
            return True  # "three-year" or "years-long" as one token
        beside = [tok.doc[j].tag_ for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(tok.doc)]
        if text.rstrip("s") in SPAN_NOUNS and (any(c.dep_ == "nummod" for c in tok.children) or "HYPH" in beside):
            return True  # "three - year", "years - long" as spaCy splits them; "last year's talks" is a date, not a duration
    return False


def _since(tok: Token) -> bool:
    """A "since" phrase on `tok` ("since 2022", "since Russia's invasion")."""
    return any(c.dep_ in ("prep", "mark") and c.lower_ in L.BACKGROUND_MARKS for c in tok.children)


def _for_duration(tok: Token) -> bool:
    """A "for years" phrase on `tok`."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lower_ in L.DURATION_WORDS for g in c.children) for c in tok.children)


def alignment_modifier(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether a verb of backing (:data:`~detente.coding.lexicon.ALIGNMENT_VERBS`) is a passive participle
    that modifies a noun or a clause with its backer ("the rebels, *supported by* Egypt", "*Backed by* coast
    guard ships, the fleets ..."): it tells who stands behind whom, a standing alignment, not an act the news
    reports (the guide's rule 8, standing states; PLOVER's SUPPORT needs an act of support). A finite "Egypt
    backed the rebels" stays an act."""
    return (lemma(verb) in L.ALIGNMENT_VERBS and verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod")
            and any(c.dep_ == "agent" for c in verb.children))


def ranking(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether an infinitive act only ranks its doer ("X is *the fourth* state *to conclude* such an
    agreement", "is now the first country to recognise Y"): the copula "be" with an ordinal attribute
    (:data:`~detente.coding.lexicon.RANK_WORDS`) describes a record, not an act the news reports (the guide's
    rule 7, background; the act itself, if news, is reported in its own clause). "Has *become* the last
    country to agree" reports the act and stays coded."""
    head = verb.head
    if head.i == verb.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ not in ("xcomp", "advcl", "relcl", "acl"):
        return False
    if verb.dep_ in ("relcl", "acl"):  # "the fourth state to conclude": the noun, then its copula
        noun, head = head, head.head
        if noun.dep_ != "attr":
            return False
    else:
        noun = next((c for c in head.children if c.dep_ == "attr"), None)
    return (noun is not None and lemma(head) == "be"
            and any(c.dep_ == "amod" and c.lower_ in L.RANK_WORDS for c in noun.children))


def standing(verb: Token) -> bool:
    """A perfect with a duration ("had been jailed *for years*", "has held him for months"): a
    continuing condition, which the guide (rule 8) and CAMEO do not code as an act."""
    perfect = any(c.dep_ == "aux" and c.lower_ in L.PERFECT_AUX for c in verb.children)
    duration = any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lower_ in L.DURATION_WORDS for g in c.children) for c in verb.children)
    return perfect and duration
