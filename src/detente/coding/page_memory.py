"""What a page remembers of each coded sentence: its subject, its pair, its acts and its last date.

:func:`remember` is called after each sentence, in page and document mode; later sentences read what it kept:
a pronoun subject continues the previous subject (:func:`continued_subject`, the "continue" transition of
centering theory, Grosz, Joshi and Weinstein 1995), "the two sides" the last pair
(:func:`detente.coding.pair_phrases.pair_for`), "the allegation" its author
(:func:`detente.coding.act_authors.act_author`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from detente.actors.registry import country_of
from detente.coding import syntax
from detente.coding.act_authors import act_authors
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.fallback_targets import venue
from detente.coding.lexicon import THING_PRONOUNS
from detente.coding.pair_phrases import EARLIER_PAIRS, distinct_sides

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.actors import Mention


def _main_subject_actors(sdoc: Any, offset: int, ctx: Context) -> list[Actor]:
    """The actors the main clause's subject names ("*China* summoned ...", "*Iran and Iraq* signed ...")."""
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None:
        return []
    if subj.lower_ in THING_PRONOUNS and ctx.last_subjects:
        return ctx.last_subjects  # "It also ...": the subject carries on
    end = max(t.idx + len(t.text) for t in (subj, *subj.conjuncts))
    return [actor_of_mention(m) for m in ctx.mentions_between(offset + subj.left_edge.idx, offset + end)]


def continued_subject(tok: Token, offset: int, ctx: Context) -> Actor | None:
    """In a whole document, the actor a sentence-opening subject pronoun continues: "China summoned the
    Japanese envoy. *It* also criticised Japan's plan" -> China, the previous sentence's main subject
    (the "continue" transition of centering theory, Grosz, Joshi and Weinstein 1995). "It" takes no
    person; None when the pronoun is not its sentence's main subject, something comes before it, or
    the sentence is coded on its own (no previous sentence)."""
    found = continued_subjects(tok, offset, ctx)
    return found[0] if found else None


def continued_subjects(tok: Token, offset: int, ctx: Context) -> list[Actor]:
    """All the actors of :func:`continued_subject` ("Iran and Iraq signed ... *They* also agreed": both);
    "it" continues one subject only.

    Page mode leaves it out (:attr:`~detente.coding.context.Context.guess_from_previous`): measured again in
    session 12 on the development sets pooled without news_dev5 parts d-e, each alone, "They" continuing
    the previous subject gave 1 right, 1 wrong; "It" 3 right, 4 wrong (one wrong lost) and two no-event
    sentences coded."""
    subjects = ctx.last_subjects  # empty for the first sentence, and for a sentence coded on its own
    if not subjects or not ctx.guess_from_previous or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
        return []
    if tok.lower_ == "it" and (len(subjects) > 1 or subjects[0].person) or tok.lower_ not in ("it", "they"):
        return []
    if ctx.mentions_between(offset, offset + tok.idx):
        return []
    return subjects


def remember(sdoc: Any, offset: int, ctx: Context) -> None:
    """Carry a sentence's actors and last absolute date forward (for pronouns and elided targets)."""
    from detente.coding.dates import find_dates

    text = syntax.text_of(sdoc)
    dates = [d for d in find_dates(text, ctx.doc_date) if not d.relative]
    if dates:
        ctx.last_date = dates[-1].date
    mentions = ctx.mentions_between(offset, offset + len(text))
    found = [actor_of_mention(m) for m in mentions]
    ctx.last_subjects = _main_subject_actors(sdoc, offset, ctx)
    ctx.last_acts = {**ctx.last_acts, **act_authors(sdoc, offset, ctx)}
    if found:
        ctx.previous_actors = found
        sides = distinct_sides(found)
        if len(sides) >= 2:  # "Iran and Iraq held talks in Moscow": the venue is no side (:func:`pair_sides`)
            sides = pair_sides(mentions, sdoc, offset, ctx) or sides
        if len(sides) >= 2:  # for "the two sides" in a later sentence (:func:`~detente.coding.pair_phrases.pair_for`); three sides: no pair
            if len(ctx.last_pair) == 2 and ({country_of(a.code) for a in sides}
                                           != {country_of(a.code) for a in ctx.last_pair}):
                ctx.earlier_pairs = [ctx.last_pair, *ctx.earlier_pairs][:EARLIER_PAIRS]
            ctx.last_pair = sides if len(sides) == 2 else []
        people = [a for a in found if a.person]
        if people:
            ctx.last_person = people[-1]


def pair_sides(mentions: list[Mention], sdoc: Any, offset: int, ctx: Context) -> list[Actor]:
    """The sides a sentence names for a later "the two sides" (:func:`remember`, :func:`~detente.coding.pair_phrases.pair_for`): its actors
    without the places that only say where something happened (:func:`~detente.coding.fallback_targets.venue`: "Iran and Iraq held talks *in
    Moscow*" names the pair Iran-Iraq, not three sides).

    Choices (session 13, page mode, development sets pooled without news_dev6 parts d-e): 0 right gained, 2
    wrong lost, F1 0.4705 to 0.4706, P 0.6602 to 0.6607, no-event sentences left uncoded unchanged (3172 of
    3508). Kept as a fix of what a pair is (the venue of a meeting is no party to it), not for its count."""
    return distinct_sides([actor_of_mention(m) for m in mentions if not venue(m, sdoc, offset, ctx)])
