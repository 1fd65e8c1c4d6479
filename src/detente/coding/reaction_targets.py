"""The target of a criticism whose object is an act the page reported: the other side of the page's pair.

"China held drills around the island. *Taiwan condemned these actions*": the criticised act names no actor in
its sentence, and the page has been about China and Taiwan. CAMEO codes a reaction to an act against the act's
author (the news guide, `data/news_dev/README.md`, rule 5; a side named only earlier on the page is coded from
there, the `context:` records). When the critic is one side of the last pair of sides the page named
(:attr:`~detente.coding.context.Context.last_pair`, carried by :func:`detente.coding.page_memory.remember`), the
act it criticises is the other side's (:func:`reaction_target`).

Choices (session 22, context22; page mode as ``detente code eval`` scores, development sets pooled without
news_dev15 parts a and c: 11,920 gold events, F1 0.4124, P 0.6037, no-event sentences left uncoded 8,651 of
9,587): right +10 -0, wrong +2 -0, F1 0.4132, P 0.6041, no-event sentences left uncoded unchanged. The two wrong:
a critic read as the wrong state by another rule ("the government said it condemned the poisoning"), and a pair of
an earlier sentence that was not the attack's. A first version that took any criticism code and any definite
object gave right +11, wrong +10 -1 and coded five more no-event sentences: the general disapproval (110: "opposed
the bill", "sounded the alarm"), people as objects ("charged the former officials", "mocked the victims") and the
pair read as the critics ("the leaders condemned the coup" after a meeting of two) are left out for that.
Rejections (12) read so as well ("rejected the proposal") gave right +3, wrong +7 -1, F1 0.4132 -> 0.4134, P 0.6041
-> 0.6037 and seven more no-event sentences coded: left out.
Of the `context:` records' missed events whose target the sentence does not name, a reaction with no target
phrase is the largest part a rule reaches (``benchmarks/coding_context_sides.py``); carrying the page's latest
actor or pair to every such event instead adds about ten wrong events for each right one (criticism alone: about
three wrong for two right), so the rule keeps to an act noun the page reported and the critic's own pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import syntax
from detente.coding.act_authors import ANAPHOR_DETERMINERS
from detente.coding.context import Actor, Context
from detente.coding.lexicon import PEOPLE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


CRITICISM_CODES = frozenset({"111", "112"})
"""CAMEO's criticize or denounce and accuse: reactions whose object is the criticised act ("condemned the move",
"called the incident a stab in the back"). Not the general disapproval (110: "opposed the bill", "sounded the
alarm", "expresses its opposition to this move"), which a state voices about its own side's acts as well, nor an
official complaint (114)."""

OWNER_DEPS = frozenset({"poss", "prep", "acl", "relcl", "compound", "appos"})
"""Dependents of an act noun that may say whose act it is ("Russia's decision", "the move by X", "the drills that
China held", "the Russian drills"): such a noun is not read from the page."""


def anaphoric_act(tok: Token) -> bool:
    """Whether an object is a definite common noun that names no one ("the move", "these actions", "the coup"),
    so that the act it names is one the page reported before."""
    from detente.ontology import role_for_noun

    if tok.tag_ not in ("NN", "NNS"):
        return False
    if role_for_noun(tok.lower_) or tok.lower_ in PEOPLE_NOUNS or tok.lower_.removesuffix("s") in PEOPLE_NOUNS:
        return False  # "charged the former officials", "mocked the victims": people, whose side is for the roles
    dets = [c for c in tok.children if c.i < tok.i and c.dep_ in ("det", "predet")]
    if len(dets) != 1 or dets[0].lower_ not in ANAPHOR_DETERMINERS:
        return False
    return not any(c.dep_ in OWNER_DEPS for c in tok.children)


def reaction_target(code: str, verb: Token, object_tok: Token | None, source: Actor | None,
                    critics: list[Actor], offset: int, ctx: Context) -> Actor | None:
    """The other side of the page's last pair as the target of a criticism (:data:`CRITICISM_CODES`) of an act the
    page reported, or None. `source` is the critic of this event, `critics` all the actors of its side.

    Only when the sentence gave the criticism no target, its object (`object_tok`, else the verb's direct object:
    "condemned the strikes", an attack noun the patterns do not take for a side) is a definite act noun naming no one
    (:func:`anaphoric_act`), the critic's country is one side of the last pair an earlier sentence named, and the
    other side is not named in the sentence itself (there the sentence's own fallback would have found it) nor
    among the critics ("the leaders condemned the coup", the pair itself read as the critics). The
    actor is placed on the object's words, so that the event points into its own sentence, as
    :func:`detente.coding.act_authors.act_author` places the author of "the move".
    """
    if code not in CRITICISM_CODES or source is None or len(ctx.last_pair) != 2:
        return None
    if object_tok is None:
        object_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if object_tok is None:
        return None
    if not anaphoric_act(object_tok) or any(a.start >= offset for a in ctx.last_pair):
        return None
    critic = country_of(source.code)
    sides = [a for a in ctx.last_pair if country_of(a.code) != critic]
    if len(sides) != 1:
        return None  # the critic is not one of the pair (a third state's criticism is of either, or of both)
    other = country_of(sides[0].code)
    if any(country_of(a.code) == other for a in critics):
        return None
    text = syntax.text_of(object_tok.doc)
    if any(country_of(m.code) == other for m in ctx.mentions_between(offset, offset + len(text))):
        return None
    first = object_tok.left_edge
    start, end = offset + first.idx, offset + object_tok.idx + len(object_tok.text)
    return Actor(sides[0].code, start, end, text[first.idx:object_tok.idx + len(object_tok.text)])
