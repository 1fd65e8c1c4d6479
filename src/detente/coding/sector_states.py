"""Which state a sector or people belongs to in its sentence: "Police arrested protesters in Abuja".

A side that names no actor but is a generic sector noun ("police", "the army", "protesters", "rebels"; an
unknown "President X") is that sector of the one state its sentence names (or, when the sentence names none,
of the earlier sentence's or the document's one state, :func:`context_state`): "Police arrested opposition
protesters in Abuja" is ``NGACOP`` against ``NGAOPP`` (:func:`sector_actor`). With two states in the sentence
a society's sector takes the state of its clause's other side (:func:`partner_state`), else it stays unknown. A
legislature is not the state its own act names ("The Senate voted sanctions on Russia": :func:`acted_on`).
"Ethnic" before a demonym names a people, coded by the state it lives in (:func:`ethnic_group`). Two sides of
one country are a codable domestic event only when their sectors tell them apart
(:func:`detente.coding.same_side.same_side`, CAMEO manual 1.1b3, ch. 3). The sector words themselves are
:mod:`detente.coding.sector_words`'.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.coding import syntax
from detente.coding.context import Actor, Context
from detente.coding.lexicon import (
    ACT_CONTENT_DEPS,
    BYSTANDER_SECTORS,
    CIVILIANS,
    DOMESTIC_PARTNER_ROLES,
    HOME_SECTORS,
    LEGISLATURE,
    LOCATION_PREPS,
    PARTNER_SLOTS,
    RESIDENT_ROLES,
)
from detente.coding.sector_words import sector_of, state_base, with_role

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.actors import Mention


def people_of_place(actor: Actor, tok: Token, offset: int, ctx: Context) -> Actor:
    """A people named by a demonym and the state it lives in, by name, as that state's civilians:
    "the Albanians *of* southern Serbia" -> `SRBCVL` (as :func:`ethnic_group` codes "ethnic Albanians in
    Serbia"). Only "of" and a state named by a name or place, not by another adjective ("Palestinians
    of the Israeli-occupied West Bank" stay Palestinians); else the demonym's own state."""
    from detente.actors import get_registry

    codes = get_registry().codes
    split = codes.split(actor.code)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        sub = list(prep.subtree)
        start, end = offset + min(t.idx for t in sub), offset + max(t.idx + len(t.text) for t in sub)
        places = {state_base(m.code) for m in ctx.mentions_between(start, end) if m.kind != "demonym"} - {None}
        if split is not None and len(places) == 1 and places != {split[0]}:
            return replace(actor, code=codes.compose(places.pop(), split[1] or CIVILIANS))
    return actor


def ethnic_group(actor: Actor, start: int, end: int, ctx: Context) -> Actor | None:
    """An ethnic group named by a demonym ("ethnic Albanians in Serbia") as the people of the state it lives in.

    "Ethnic" says the demonym names a people, not its state: the group is coded as
    the civilians (or its own sector: "ethnic Albanian guerrillas" -> `REB`) of the one
    other state the sentence names, as the CAMEO manual's examples code them
    (residents of a country are that country's). The sentence is [start, end) in document
    offsets. With no other state it keeps the demonym's state; with several it is
    unknown (None).
    """
    from detente.actors import get_registry

    codes = get_registry().codes
    split = codes.split(actor.code)
    if split is None:
        return actor
    others = {s for s in states_named(start, end, ctx) if s != split[0]}
    if not others:
        return actor
    if len(others) > 1:
        return None
    return replace(actor, code=codes.compose(others.pop(), split[1] or CIVILIANS))


def context_state(offset: int, end: int, ctx: Context, foreign: frozenset[str] = frozenset()) -> str | None:
    """The state a generic sector of the sentence at document offsets [offset, end) belongs to, or None.

    In order: the one state the sentence names (several: ambiguous, None); the one state
    the last earlier sentence naming any actor names ("Nigeria's opposition called for
    protests. Police arrested dozens on Monday."), where the context guesses from it; the one state the whole
    document names. States in `foreign` (those a legislature's own act names,
    :func:`acted_on`) are not counted at any step.
    """
    here = states_named(offset, end, ctx) - foreign
    if here:
        return here.pop() if len(here) == 1 else None
    earlier = {base for base in (state_base(a.code) for a in ctx.previous_actors if a.start < offset) if base
               } - foreign if ctx.guess_from_previous else set()
    if len(earlier) == 1:
        return earlier.pop()
    states = states_named(0, None, ctx) - foreign
    return states.pop() if len(states) == 1 else None


def acted_on(tok: Token, offset: int, ctx: Context) -> frozenset[str]:
    """The states a generic legislature's act names, which are not its own: "The Senate voted to impose sanctions
    on *Russia*" (the Senate is Washington's on a page about Washington, not Russia's), "Parliament approved
    *Sweden's* bid to join NATO". A legislature acts for its own state and votes on other states' affairs: it is
    never the side its act names (CAMEO codes such votes, resolutions and bills with the legislature's state as the
    source; no development gold event has one country on both sides). The states named in the act's content
    (:data:`~detente.coding.lexicon.ACT_CONTENT_DEPS` of the verb the legislature is the subject or agent of),
    else none."""
    slot = _slot(tok)
    if slot.dep_ not in ("nsubj", "agent"):
        return frozenset()
    verb = slot.head
    found: set[str] = set()
    for child in verb.children:
        if child.i == slot.i or child.dep_ not in ACT_CONTENT_DEPS:
            continue
        start = offset + child.left_edge.idx
        end = offset + child.right_edge.idx + len(child.right_edge.text)
        found |= states_named(start, end, ctx)
    return frozenset(found)


def states_named(start: int, end: int | None, ctx: Context) -> set[str]:
    """The states (base codes) named between document offsets [start, end) (to the end: None)."""
    mentions = ctx.mentions if end is None else ctx.mentions_between(start, end)
    return {base for base in (state_base(m.code) for m in mentions) if base is not None}


def sector_actor(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> Actor | None:
    """A generic sector side ("the police") as that sector of the state in context, or None.

    See the module docstring; the country must be unambiguous (:func:`context_state`).
    """
    role = sector_of(tok, lemma)
    if role is None:
        return None
    if role not in RESIDENT_ROLES and any(inside_location(m, tok, offset) for m in ctx.mentions_between(
        offset + tok.left_edge.idx, offset + tok.right_edge.idx + len(tok.right_edge.text)
    )):
        return None  # "troops in Syria" need not be Syria's (see :func:`resident`)
    base = between_partner_state(tok, offset, ctx)
    if base is None and role in RESIDENT_ROLES:
        base = located_state(tok, offset, ctx)
    if base is None:
        foreign = acted_on(tok, offset, ctx) if role == LEGISLATURE else frozenset()
        base = context_state(offset, offset + len(syntax.text_of(tok.doc)), ctx, foreign)
    if base is None and role in HOME_SECTORS:
        base = partner_state(tok, offset, ctx)
    if base is None or role in BYSTANDER_SECTORS and not bystander_at_home(tok, base, offset, ctx, lemma):
        return None
    from detente.actors import get_registry

    left = tok.left_edge
    while left.i < tok.i and (left.is_punct or left.dep_ in ("det", "predet")):
        left = left.doc[left.i + 1]
    start, end = offset + left.idx, offset + tok.idx + len(tok.text)
    text = syntax.text_of(tok.doc)[left.idx:tok.idx + len(tok.text)]
    return Actor(get_registry().codes.compose(base, role), start, end, text)


def located_state(tok: Token, offset: int, ctx: Context) -> str | None:
    """The one state named in a sector noun's own place phrase ("security forces *in Guinea*", "rebels *in
    the Ivory Coast*"), which says whose they are even when the sentence names other states; else None."""
    found: set[str] = set()
    for m in ctx.mentions_between(offset + tok.idx, offset + tok.right_edge.idx + len(tok.right_edge.text)):
        base = state_base(m.code)
        if base is not None and inside_location(m, tok, offset):
            found.add(base)
    return found.pop() if len(found) == 1 else None


def between_partner_state(tok: Token, offset: int, ctx: Context) -> str | None:
    """The state of the domestic sector a generic sector noun is paired with after "between", which the noun's own
    place phrase does not override: in "Norway hosted talks between *the Colombian government* and the rebels in
    Oslo" the rebels are Colombia's (`COLREB`), and "in Oslo" is where the talks were held, not whose the rebels are
    (the parser hangs the event's place on the last member of the pair). Two sides of one act of talks, a truce or
    a deal between a government and an unnamed armed group or opposition are of one state (CAMEO codes such talks
    as domestic sides, `COLGOV` and `COLREB`). Only a partner that names one state *and* a domestic sector of it
    (:data:`~detente.coding.lexicon.DOMESTIC_PARTNER_ROLES`: government, police, opposition ...), as
    :func:`partner_state` reads a clause's other side; else None. Session 14 (multiparty14): no development
    sentence has the form; it follows the rule 1 reading of "the country they are based in"."""
    if tok.dep_ != "conj":
        return None
    first = tok.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "between":
        return None
    found: set[str] = set()
    for member in (first, *first.conjuncts):
        if member.i == tok.i:
            continue
        for m in ctx.mentions_between(offset + member.left_edge.idx, offset + member.idx + len(member.text)):
            base = state_base(m.code)
            code = with_role(m.code, member.lower_) if base is not None and m.code == base else m.code
            if base is not None and code[len(base):len(base) + 3] in DOMESTIC_PARTNER_ROLES:
                found.add(base)
    return found.pop() if len(found) == 1 else None


def partner_state(tok: Token, offset: int, ctx: Context) -> str | None:
    """The state of the other side of a generic sector's clause, when the sentence names several states.

    "The Sudanese government accused Darfur rebels of breaking the truce, a Chadian
    mediator said": the rebels are on the other side of the accusation from the
    Sudanese government, so they are Sudan's (`SDNREB`), though the sentence names Chad
    too. Only a side that names one state *and* a domestic sector of it counts
    (government, police, courts, legislature, opposition, rebels ...): a bare country or
    its armed forces may act abroad ("Russian troops shelled rebels, Ukraine said": whose
    rebels is a guess), so they give no country here.
    """
    found: set[str] = set()
    for head in _partners(tok):
        start = offset + head.left_edge.idx
        end = offset + head.idx + len(head.text)
        for m in ctx.mentions_between(start, end):
            base = state_base(m.code)
            if base is not None and m.code[len(base):len(base) + 3] in DOMESTIC_PARTNER_ROLES:
                found.add(base)
    return found.pop() if len(found) == 1 else None


def _slot(tok: Token) -> Token:
    """The token that fills a clause slot for `tok` ("thousands *of* students", "X *and* Y": the first head)."""
    slot = tok
    while slot.dep_ in ("conj", "appos", "pobj", "prep") and slot.head.i != slot.i:
        slot = slot.head
        if slot.dep_ == "agent":
            break
    return slot


def _partners(tok: Token) -> list[Token]:
    """The heads of the other sides of `tok`'s clause (subject, object, passive agent), or []."""
    slot = _slot(tok)
    if slot.dep_ == "agent" and slot.head.dep_ == "acl":  # "banned the rally organised by students": the ban's sides
        slot = _slot(slot.head.head)
    if slot.dep_ not in PARTNER_SLOTS:
        return []
    return [next((g for g in other.children if g.dep_ == "pobj"), other) if other.dep_ == "agent" else other
            for other in slot.head.children if other.i != slot.i and other.dep_ in PARTNER_SLOTS]


def bystander_at_home(tok: Token, base: str, offset: int, ctx: Context, lemma: syntax.Lemma) -> bool:
    """Whether a bystander sector on the receiving end of a clause ("arrested journalists", "killed
    students") is of the state in context: only when the clause's other side is a domestic sector of that
    state ("Police arrested journalists in Minsk"), named or generic. Beside troops, a bare country or no
    one, whose they are is a guess ("Russian missiles killed students": Ukraine's, though only Russia is
    named). As the acting side ("Students marched in Dhaka") they are the state's."""
    if _slot(tok).dep_ in ("nsubj", "nsubjpass"):
        return True
    for head in _partners(tok):
        start, end = offset + head.left_edge.idx, offset + head.idx + len(head.text)
        for m in ctx.mentions_between(start, end):
            state = state_base(m.code)
            code = with_role(m.code, lemma(head)) if m.code == state else m.code  # "Turkish riot police": TURCOP
            if state == base and code[len(state):len(state) + 3] in DOMESTIC_PARTNER_ROLES:
                return True
        if not ctx.mentions_between(start, end) and sector_of(head, lemma) in DOMESTIC_PARTNER_ROLES:
            return True
    return False


def resident(tok: Token, lemma: syntax.Lemma) -> bool:
    """Whether "in X" after this noun says whose it is: "officials in Armenia" are Armenia's (a role in
    :data:`~detente.coding.lexicon.RESIDENT_ROLES`), "troops in Syria" need not be Syria's."""
    if not tok.tag_.startswith("NN"):
        return False
    from detente.ontology import role_for_noun

    return (role_for_noun(tok.lower_) or role_for_noun(lemma(tok))) in RESIDENT_ROLES


def inside_location(m: Mention, tok: Token, offset: int) -> bool:
    """True when the mention sits inside a locative phrase under `tok` ("a car bomb in Kiev")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            sub = list(child.subtree)
            s = offset + min(t.idx for t in sub)
            e = offset + max(t.idx + len(t.text) for t in sub)
            if s <= m.start < e:
                return True
    return False
