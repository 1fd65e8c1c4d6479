"""Diplomats and forces abroad: whose envoy is summoned, expelled or recalled, and which withdrawal leaves a host.

A state's people posted in another state change the code of the verb that moves them: summoning a foreign
envoy is a protest (CAMEO 114) but summoning one's own is a recall (161); ordering a foreign diplomat out
("gave the French ambassador 72 hours to leave", "ordered the envoy out") expels him (161); a passive
recall ("X's ambassador to Y was recalled") is X's act against Y; troops leaving the state that hosted
them end military assistance (1622) rather than pull back from hostilities (0874). These functions read
the parse for the verb rules (:func:`detente.coding.candidates.verbal`), which set the code and sides:
:func:`own_envoy`, :func:`called_home`, :func:`diplomat_addressee`, :func:`expelled_diplomat`, :func:`recalled_envoy` and
:func:`left_host`.

Choices:

- A summoned envoy is the summoner's own only under "its" or "their"
  (:data:`~detente.coding.lexicon.OWN_POSSESSIVES`): "his" or "her" may stand for a minister other than
  the state's own envoy. Recalls are coded 161 by the guide's rule 6.
- A diplomat is a word of the pattern family *diplomats*, as the phrase's head or a compound or
  apposition of it ("Ambassador X").
- An order out expels only under an ultimatum, request or demand whose clause is a verb of leaving, or
  of returning negated ("asked the ambassador not to return"); "asked the ambassador to return" or "gave
  the envoy a week to reply" expels no one.
- A passive recall names no agent: the envoy's owner recalls him, from the state he is posted to ("to Y")
  (session 13).
- A withdrawal leaves a host when the place after "from" or "out of" is another state, not a place of
  fighting (:data:`~detente.coding.lexicon.HOSTILITY_PLACES`): news names a host by its state and a front
  by its place (the guide's convention 16, ``data/news_dev/README.md``). The withdrawing side is
  :func:`detente.actors.country_of` of its code (session 18, the one way to compare sides; the same answers
  as the three-letter cut, since no registry code of three letters is the cut of a longer organisation's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import lexicon as L
from detente.coding import patterns as P
from detente.coding import syntax

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.coding.arguments import Arg


def own_envoy(objects: list[Token], lemma: syntax.Lemma) -> bool:
    """Whether a summoned diplomat is the summoner's own ("summoned *its* ambassador to Ethiopia", "summoned *their*
    envoys home"): a state summons a foreign envoy to protest (114), its own to recall him (161), as the guide's
    rule 6 codes recalls."""
    return any(P.family(lemma(o)) == "diplomats" and any(c.dep_ == "poss" and c.lower_ in L.OWN_POSSESSIVES
                                                          for c in o.children) for o in objects)


def called_home(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether a verb of recall carries a word of return ("*called* its ambassador *back*", "*brought* its envoy
    *home*", "*ordered* its ambassador *home*": :data:`~detente.coding.lexicon.RECALL_VERBS`,
    :data:`~detente.coding.lexicon.RETURN_WORDS`), as a particle or an adverb. With the summoner's own envoy
    (:func:`own_envoy`) it is a recall (161, the guide's rule 6 and convention 15), not a phone call (041) nor a
    call for talks (026, read off "for consultations"). Session 15 (predicates15): no development event changes (the
    development files word recalls "recall" or "summon ... home"); kept as the guide's reading of a recall, against
    a phone call coded both ways."""
    return lemma(verb) in L.RECALL_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in L.RETURN_WORDS for c in verb.children)


def diplomat_addressee(verb: Token, lemma: syntax.Lemma) -> Token | None:
    """The diplomat a verb addresses or acts on ("gave *the French ambassador* 72 hours", "ordered
    *Ambassador X* out"): its dative or direct object when that phrase's head or a compound or
    apposition of it is a diplomat (family *diplomats*), else None."""
    for obj in verb.children:
        if obj.dep_ not in ("dative", "dobj"):
            continue
        words = (obj, *(c for c in obj.children if c.dep_ in ("compound", "appos")))
        if any(P.family(lemma(w)) == "diplomats" for w in words):
            return obj
    return None


def expelled_diplomat(verb: Token, gov: Token | None, gov_kind: str | None, lemma: syntax.Lemma) -> Token | None:
    """The diplomat a host expels by ordering him out: "gave the French ambassador 72 hours *to leave*", "told
    the envoy to leave", "asked the Iranian ambassador *not to return*" (CAMEO 161). None for any other
    order or request ("asked the ambassador to return", "gave the envoy a week to reply")."""
    if gov is None or gov_kind not in ("ultimatum", "request", "demand"):
        return None
    inner = lemma(verb)
    if not (inner in L.LEAVE_VERBS or (inner in L.RETURN_VERBS and syntax.negated(verb))):
        return None
    return diplomat_addressee(gov, lemma)


def recalled_envoy(subj: Token | None, lemma: syntax.Lemma) -> bool:
    """Whether the passive subject of a recall is an envoy posted somewhere ("X's ambassador *to Y* was recalled",
    "the Saudi ambassador *to Ottawa* was summoned back"): his state recalls him (161, the guide's rule 6), from the
    state he is posted to."""
    return (subj is not None and P.family(lemma(subj)) == "diplomats"
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in subj.children))


def left_host(target_tok: Token | None, target: Arg | None, source: Arg | None, lemma: syntax.Lemma) -> bool:
    """Whether a troop withdrawal leaves a host state ("withdrew its troops *from Mali*", "pulled its forces out of
    Germany"): the place left is named after "from" or "out of" and is a state itself (no role, not a place of
    fighting such as a border or a front: :data:`~detente.coding.lexicon.HOSTILITY_PLACES`), of another country than
    the withdrawing side. The guide's convention 16 (``data/news_dev/README.md``) codes a force leaving its host or
    ally as reduced military assistance (16) and forces pulling back from hostilities as de-escalation (08); news
    names a host by its state and a front by its place, so the state named is read as the host."""
    if target_tok is None or target is None or source is None or not target.actors or not source.actors:
        return False
    if target_tok.dep_ != "pobj" or target_tok.head.lower_ not in ("from", "of"):
        return False
    if any(lemma(t) in L.HOSTILITY_PLACES for t in target_tok.head.subtree):
        return False
    side = country_of(source.actors[0].code)
    return all(len(a.code) == 3 and a.code != side for a in target.actors[:1])
