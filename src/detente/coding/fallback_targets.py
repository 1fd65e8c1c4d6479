"""The fallback target: an actor named elsewhere when the parse gave an act no target.

A target named elsewhere in the sentence (after the verb first), else in the previous sentence
(:func:`fallback_target`); a place where the act happened is a target of last resort (:func:`venue`), and
informants ("military sources said") are none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from detente.actors.registry import country_of
from detente.coding import syntax
from detente.coding.act_authors import ACT_NOUN_KINDS, act_author
from detente.coding.arg import Arg
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.lexicon import FALLBACK_SKIP_ROLES, INFORMANT_NOUNS, LOCATION_PREPS
from detente.coding.sector_words import names_region

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.actors import Mention


def fallback_target(
    verb: Token, source: Actor | None, offset: int, ctx: Context, target: Arg | None,
    source_arg: Arg | None = None,
) -> Actor | None:
    """A target named elsewhere in the sentence (after the verb first), else in the previous sentence.

    Used only when the parse gave no target actor; the actor is marked `fallback`
    (lower confidence, and never the only evidence for a same-actor event). Actors
    inside the source's own noun phrase ("South Korea and *the United States*
    conducted drills") are on the source's side, never its target.
    """
    if target is not None and target.actors:
        return None
    sdoc = verb.doc
    ms = ctx.mentions_between(offset, offset + len(syntax.text_of(sdoc)))
    base = country_of(source.code) if source else None
    verb_at = offset + verb.idx
    used_start = source.start if source else -1
    after = [m for m in ms if m.start > verb_at and country_of(m.code) != base and m.start != used_start]
    before = [m for m in ms if m.start < verb_at and country_of(m.code) != base and m.start != used_start]
    own = {a.start for a in source_arg.actors} if source_arg is not None else set()
    own_side = {country_of(a.code) for a in source_arg.actors} if source_arg is not None else set()
    whole = source_arg.whole if source_arg is not None and source_arg.whole else (-1, -1)
    venues = [m for m in after + before if venue(m, sdoc, offset, ctx)]
    # a place where it happened ("talks in Beijing") is the target only when no one else is named:
    # CAMEO codes the host of a visit ("arrived in Amman") and a city attacked ("in Tel Aviv") as targets
    for group in ([m for m in after if m not in venues], [m for m in before if m not in venues], venues):
        for m in group:
            if source is not None and source.start <= m.start < source.end:
                continue
            if m.code[3:6] in FALLBACK_SKIP_ROLES or _informant(m, sdoc, offset) or names_region(m.code):
                continue  # "..., South Korea's army told ABC News", "military sources said": they report, no target
            if m.start in own or whole[0] <= m.start < whole[1] or country_of(m.code) in own_side:
                continue  # the source's own side ("South Korea and the US drilled, South Korea's army said")
            return replace(actor_of_mention(m), fallback=True)
    for obj in verb.children:  # "India denied the accusations": the pattern read the act noun as what was denied
        if obj.dep_ == "dobj" and ACT_NOUN_KINDS.get(obj.lower_) is not None:
            found = act_author(obj, offset, ctx, _lower)
            if found is not None and country_of(found.code) != base:
                return found
    if not ctx.guess_from_previous:
        return None
    for a in ctx.previous_actors:
        if base is None or country_of(a.code) != base:
            return replace(a, fallback=True)
    return None


def _lower(tok: Token) -> str:
    """A token's lower-case text, as a lemma for words listed in all their forms (:data:`~detente.coding.act_authors.ACT_NOUN_KINDS`)."""
    return str(tok.lower_)


def venue(m: Mention, sdoc: Any, offset: int, ctx: Context) -> bool:
    """Whether a mention says where something happened (a fallback target of last resort): inside the nearest place phrase
    ("in", "at", ... :data:`~detente.coding.lexicon.LOCATION_PREPS`) whose object is a place the
    registry knows as a metonym: a city or region ("talks *in Beijing*", "the consulate *in
    Damascus, Syria*") or, after "at", an institution's building ("met *at the White House*").

    A country's own name there is not a venue ("shelled villages *in Ukraine*": whose villages
    is the question CAMEO codes), nor is a capital that acts ("*Moscow* said").
    """
    tok = place_preposition(m, sdoc, offset)
    if tok is None:
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    place = next((p for p in ctx.mentions_between(offset + pobj.left_edge.idx, offset + pobj.idx + len(pobj.text))
                  if p.kind == "metonym"), None)
    if place is None:
        return False
    from detente.actors import get_registry

    is_place = get_registry().base_code(place.code) == place.code
    return is_place or tok.lower_ == "at"


def place_preposition(m: Mention, sdoc: Any, offset: int) -> Token | None:
    """The preposition of place ("in", "at", ... :data:`~detente.coding.lexicon.LOCATION_PREPS`) whose phrase holds a
    mention, the nearest preposition above it ("met *in* Addis Ababa", "talks *at* the White House"), else None."""
    tok = syntax.token_at(sdoc, m.end - 1 - offset)
    while tok is not None and tok.dep_ != "prep" and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.dep_ != "prep" or tok.lower_ not in LOCATION_PREPS:
        return None
    return tok


def _informant(m: Mention, sdoc: Any, offset: int) -> bool:
    """Whether a mention only qualifies informants ("*Georgian military* sources said")."""
    tok = syntax.token_at(sdoc, m.end - 1 - offset)
    return tok is not None and (tok.lower_ in INFORMANT_NOUNS or tok.head.lower_ in INFORMANT_NOUNS)
