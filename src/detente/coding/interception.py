"""Interceptions: a defence against projectiles or aircraft, coded as what it tells of the other side.

"Saudi air defences intercepted Houthi missiles" tells of an attack by the missiles' owner, not of an
act of the defender: the guide's rule 2 codes the owner's attack on the interceptor (CAMEO 190), and
the interceptor is never the attacker. Intercepting another state's manned aircraft ("Norwegian F-16s
intercepted six Russian bombers") is instead the interceptor's show of force (150) against the
aircraft's state, as the news development notes (news_dev5 parts a-c) code it. The verb rules
(:func:`detente.coding.candidates.verbal`) hand such verbs here.

Choices:

- The owner is what the projectile or aircraft noun names (its modifier, possessor or the participle's
  agent); a projectile of no one named, a negated or unreal interception ("could intercept") or no
  interceptor named gives nothing.
- Only projectiles that can be stopped in flight (:data:`PROJECTILE_NOUNS`) tell an attack: other arms
  destroyed ("destroyed the rebels' tanks") are no one's attack on the destroyer; shooting down an
  aircraft stays an attack (190, the verb table's).
- Two verbs of interception on the same projectiles ("intercepted Israeli missiles and shot down some
  of them") are one defence, coded on the first (:func:`same_interception`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import lexicon as L
from detente.coding import nominals, syntax
from detente.coding.arguments import argument
from detente.coding.candidate import Candidate
from detente.coding.context import Context
from detente.coding.same_side import foreign_pairs

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Token


PROJECTILE_NOUNS = frozenset({"missile", "rocket", "drone", "projectile", "shell", "warhead", "uav", "bomb"})
"""Nouns of what is fired at a target and can be stopped in flight: their interception tells their launcher's
attack (:func:`intercepted`); other arms destroyed ("destroyed the rebels' tanks") are no one's attack on the
destroyer."""


def intercepted(verb: Token, objects: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """An interception ("Saudi air defences intercepted *Houthi* missiles", "shot down two drones *launched by*
    X", "intercepted *Iran's* drones") as the attack of the projectiles' owner on the interceptor (CAMEO 190, the
    guide's rule 2: the interception itself is no act of the defender's, and the interceptor is not the attacker):
    the owner is what the projectile noun names (its modifier, possessor or the participle's agent). None for a
    projectile of no one named, a negated or unreal interception ("could intercept"), or no interceptor named."""
    return _interceptions(verb, objects, offset, ctx, lemma, projectiles, L.CLAIMED_ATTACK, by_owner=True)


def _interceptions(verb: Token, objects: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma,
                   intercepted_objects: Callable[[list[Token], syntax.Lemma], list[Token]], root: str,
                   *, by_owner: bool) -> list[Candidate]:
    """The events of an interception of `intercepted_objects` (projectiles, aircraft) between the interceptor
    (the subject, or the passive's agent) and each object's owner: from the owner when `by_owner` (an attack
    stopped), else from the interceptor (a show of force). None when negated or unreal ("could intercept")."""
    if syntax.negated(verb) or syntax.clause_modality(verb, None, None, lemma) in nominals.UNREAL_CLAUSES:
        return []
    subj, passive, agent = syntax.subject(verb, lemma)
    stopper_tok = agent if passive else subj
    if stopper_tok is None:
        return []
    stopper = argument(stopper_tok, offset, ctx, lemma)
    out: list[Candidate] = []
    for obj in intercepted_objects(objects, lemma):
        owner = argument(obj, offset, ctx, lemma)
        source, target = (owner, stopper) if by_owner else (stopper, owner)
        for s_actor, t_actor in foreign_pairs(source, target):
            out.append(Candidate(root, source, target, s_actor, t_actor, verb, verb,
                                 confidence=L.CONF_BARE_VERB, main=syntax.is_main(verb)))
    return out


AIR_INTERCEPT_VERBS = frozenset({"intercept"})
AIRCRAFT_NOUNS = frozenset({"aircraft", "plane", "warplane", "jet", "bomber", "fighter", "helicopter"})
"""Manned aircraft: intercepting one ("Norwegian F-16s intercepted six Russian bombers") is no defence against
an attack but a show of force against the aircraft's state (CAMEO 150), as the news development notes (news_dev5
parts a-c, "intercepting or shadowing aircraft") code it. Shooting one down stays an attack (190)."""


def aircraft(objects: list[Token], lemma: syntax.Lemma) -> list[Token]:
    """The manned aircraft (:data:`AIRCRAFT_NOUNS`) among a verb's direct objects."""
    return [o for o in objects if o.dep_ in ("dobj", "nsubjpass") and lemma(o) in AIRCRAFT_NOUNS]


def intercepted_aircraft(verb: Token, objects: list[Token], offset: int, ctx: Context,
                         lemma: syntax.Lemma) -> list[Candidate]:
    """An interception of another state's aircraft: the interceptor shows force (CAMEO 150) to the aircraft's
    owner, the state its noun names ("*Russian* bombers", "bombers *of* the Russian air force"). None when
    negated, unreal ("could intercept") or when no interceptor or owner is named."""
    return _interceptions(verb, objects, offset, ctx, lemma, aircraft, L.SHOW_OF_FORCE, by_owner=False)


def same_interception(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether a verb of interception is the second of two on the same projectiles ("intercepted Israeli missiles
    *and shot down* some of them"): its object is a part of the first one's, not a new act."""
    first = verb.head
    return verb.dep_ == "conj" and lemma(first) in L.INTERCEPT_VERBS and bool(projectiles(syntax.objects(first), lemma))


def projectiles(objects: list[Token], lemma: syntax.Lemma) -> list[Token]:
    """The projectile nouns (:data:`PROJECTILE_NOUNS`) among a verb's direct objects, or a part of them ("intercepted
    *four of 20 rockets*", "destroyed 30 of the drones")."""
    out: list[Token] = []
    for obj in objects:
        if obj.dep_ != "dobj":
            continue
        if lemma(obj) in PROJECTILE_NOUNS:
            out.append(obj)
            continue
        out += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj" and lemma(g) in PROJECTILE_NOUNS]
    return out
