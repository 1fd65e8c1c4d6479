"""From a coded candidate to an :class:`~detente.events.schema.Event`: date, quote, codes on the day, provenance.

:func:`make_event` is the one place an Event is built from a CAMEO code (both for
pattern candidates and for the classifier's codes): the Goldstein weight, quad class
and PLOVER type come from :mod:`detente.ontology`, never from the coder.
:func:`event_of` adds what a pattern candidate knows: the date phrase attached to the
predicate (:func:`date_for`), the quote around it (:func:`quote_for`) and the actor
codes people stood for on that date.

Choices: whether an event's two sides are one party is :func:`detente.actors.country_of`'s answer (then
:meth:`~detente.actors.CodeTable.distinct_sides` for a domestic event), not their codes' first three letters:
the cut made the African Union (`AU`) and its commission (`AUGOV`, cut "AUG") two parties, so "the African
Union Commission and the African Union met" was coded between them. Session 18 (page mode, every development
set pooled without news_dev11 parts d-e, and PLOVER's gold sentences: ``benchmarks/coding_fingerprint.py`` on
main and on the change): no event changed (the argument readers compare sides so since session 18's first
change); kept as the one way to compare sides.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from detente.actors import country_of, get_registry, resolve
from detente.coding import governors as G
from detente.coding import patterns as P
from detente.coding import syntax
from detente.coding.context import Actor, Context
from detente.coding.dates import DateMention, find_dates
from detente.coding.lexicon import (
    CIVILIANS,
    DIPLOMATIC_PREMISES,
    GOVERNMENT,
    HOME_SECTORS,
    MEASURE_FAMILIES,
    POPULATION_MEASURES,
    PROTEST_ROOT,
    PROTEST_THREATS,
    RIOT,
    RIOTING_SECTORS,
    STORMING_ROOTS,
    TEMPORAL_BLOCKERS,
    THREAT_ROOT,
)
from detente.coding.tone import sentence_tone
from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from detente.coding.candidate import Candidate

UNKNOWN_ACTOR = "---"
"""CAMEO's code for an actor the coder could not identify."""
UNDATED = date(1970, 1, 1)
"""Stands in for "no date" in sentence mode (Event.date is required); the event's note says "undated"."""

_SAME_YEAR = re.compile(r"\b(?:that|the)\s+same\s+year\b|\bthat\s+year\b", re.I)


def make_event(
    code: str, *, when: date, sentence: str, doc_id: str, source: Actor | None, target: Actor | None,
    source_code: str | None = None, target_code: str | None = None,
    precision: Literal["day", "month", "year"] = "day", sentence_index: int = 0, char_start: int = 0,
    negated: bool = False, modality: str | None = None, quote: str | None = None, url: str | None = None,
    file: str | None = None, tone: float | None = None, confidence: float = 0.5, note: str | None = None,
) -> Event | None:
    """The event for CAMEO `code` between two actors (None: unknown, "---"), or None for a code the ontology lacks."""
    from detente import ontology

    try:
        info = ontology.get(code)
    except Exception:  # noqa: BLE001 - a table/ontology mismatch must not crash coding
        return None
    plover = ontology.to_plover(info.code)
    return Event(
        date=when,
        date_precision=precision,
        source=source_code or (source.code if source else UNKNOWN_ACTOR),
        target=target_code or (target.code if target else UNKNOWN_ACTOR),
        cameo=info.code,
        root=info.root,
        quad=int(info.quad),
        goldstein=float(info.goldstein),
        plover=plover.type if plover is not None else None,
        dataset="text",
        doc_id=doc_id,
        source_name=(source.text or None) if source else None,
        target_name=(target.text or None) if target else None,
        sentence=sentence,
        sentence_index=sentence_index,
        char_start=char_start,
        char_end=char_start + len(sentence),
        quote=quote,
        url=url,
        file=file,
        negated=negated,
        modality=modality,
        tone=tone if tone is not None else sentence_tone(sentence),
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        note=note,
    )


def event_of(
    cand: Candidate, sdoc: Doc, offset: int, sentence: str, index: int, ctx: Context, lemma: syntax.Lemma, *,
    doc_id: str, url: str | None, file: str | None, permissive: bool, tone: float | None = None,
) -> Event | None:
    """The event of a candidate, or None when it cannot stand as one.

    Document mode (`permissive` False) needs both actors and a date; sentence mode
    keeps unknown sides as "---" and dates an undated sentence `UNDATED` (note
    "undated"). Two sides of one country make an event only when their sectors tell
    them apart (a domestic event, :meth:`detente.actors.CodeTable.distinct_sides`:
    `NGACOP` -> `NGAOPP`); a country acting on itself (`NGA` -> `NGAGOV`, the same
    mention twice) gives none. Civilian protests that name no target in their sentence
    are directed at the protesters' government (:func:`protest_sides`), rather than at a
    target guessed from an earlier sentence; so are a society's threats of them ("farmers
    said they would blockade Paris", :data:`~detente.coding.lexicon.PROTEST_THREATS`).
    """
    s_actor, t_actor = cand.source_actor, cand.target_actor
    if riot_at_mission(cand):
        cand = replace(cand, code=RIOT)  # "Iranian protesters stormed the British embassy": a riot, not an attack
    earlier = t_actor is not None and t_actor.fallback and t_actor.start < offset  # guessed from a past sentence
    if cand.code[:2] == PROTEST_ROOT and (t_actor is None or earlier) and s_actor is not None:
        s_actor, convention = protest_sides(s_actor)
        t_actor = convention or t_actor
    elif cand.code in PROTEST_THREATS and t_actor is None and s_actor is not None and society(s_actor):
        t_actor = protest_sides(s_actor)[1]  # "farmers said they would blockade Paris": against their government
    elif t_actor is None and s_actor is not None and (
        G.act_of_pledge(cand.code) in POPULATION_MEASURES or threatened_measure(cand, lemma)
    ):
        t_actor = population_target(s_actor, offset, offset + len(sentence), ctx)
    if cand.symmetric and t_actor is not None and t_actor.fallback:
        return None  # a joint act with no partner named ("the cabinet met") is no act with anyone
    if not permissive and (s_actor is None or t_actor is None):
        return None
    if s_actor is not None and t_actor is not None and country_of(s_actor.code) == country_of(t_actor.code):
        if not get_registry().codes.distinct_sides(s_actor.code, t_actor.code):
            return None  # one country on itself, no sides to tell apart (also for joint acts: "A and A's envoy met")
    when = date_for(cand, sdoc, offset, ctx)
    note = None
    if when is None:
        if not permissive:
            return None
        when_date, precision, note = UNDATED, "day", "undated"
    else:
        when_date, precision = when.date, when.precision
        if when.relative:
            note = f"date from '{when.text}'"
    return make_event(
        cand.code, when=when_date, precision=precision, sentence=sentence, doc_id=doc_id,
        source=s_actor, target=t_actor,
        source_code=code_on(s_actor, when_date, ctx) if s_actor else None,
        target_code=code_on(t_actor, when_date, ctx) if t_actor else None,
        sentence_index=index, char_start=offset, negated=cand.negated, modality=cand.modality,
        quote=quote_for(cand, offset, ctx, lemma), url=url, file=file, tone=tone,
        confidence=cand.confidence, note=note,
    )


def riot_at_mission(cand: Candidate) -> bool:
    """Whether a candidate of force is a crowd's storming of a foreign state's embassy or consulate, a violent protest.

    CAMEO 145 (protest violently, riot) is a crowd's force; the development gold codes protesters who storm, ransack
    or break into an embassy as the host country's protest against the embassy's state, 14 (dev7b-022, dev7b-030,
    dev11e-116, dev18b-055), and police who break into one as coercion, 17 (dev9e-001). So a candidate of root 17,
    18 or 19 becomes 145 when its source is a sector of society (:data:`~detente.coding.lexicon.RIOTING_SECTORS`:
    protesters, students, activists; not rebels or the state's forces), it has a target, and the verb's object
    ("stormed the embassy"), passive subject ("the embassy was stormed") or prepositional object ("broke into the
    embassy") is a diplomatic mission (:data:`~detente.coding.lexicon.DIPLOMATIC_PREMISES`).
    """
    if cand.code[:2] not in STORMING_ROOTS or cand.source_actor is None or cand.target_actor is None:
        return False
    split = get_registry().codes.split(cand.source_actor.code)
    if split is None or split[1] not in RIOTING_SECTORS:
        return False
    objects = [c for c in cand.verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in cand.verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in DIPLOMATIC_PREMISES for o in objects)


def protest_sides(source: Actor) -> tuple[Actor, Actor | None]:
    """The sides of a civilian protest that names no target: the protesters against their own government.

    CAMEO root 14 is civilian protest, and a demonstration, hunger strike or blockade
    that names no one it is against is directed at the government of the country the
    protesters belong to (the convention of ICEWS's protest events, and of the PLOVER
    gold records: "Young Algerians blocked roads" is Algeria against Algeria). So
    protesters named only by their nationality are that country's civilians (`CVL`)
    and the target is its government (`GOV`): `DZA` -> (`DZACVL`, `DZAGOV`). A source
    of another sector keeps it ("opposition parties in Nepal": `NPLOPP` -> `NPLGOV`);
    one that is the government itself, or no state, gets no target.
    """
    registry = get_registry()
    split = registry.codes.split(source.code)
    if split is None or split[1] == GOVERNMENT:
        return source, None
    try:
        if registry.get(split[0]).kind != "state":
            return source, None
    except Exception:  # noqa: BLE001 - a code the registry lacks gets no target
        return source, None
    if split[1] is None:
        source = replace(source, code=registry.codes.compose(split[0], CIVILIANS))
    return source, _unwritten(registry.codes.compose(split[0], GOVERNMENT), source)


def society(actor: Actor) -> bool:
    """Whether an actor is a sector of a state's own society or its challengers (`FRAAGR`, `NGAOPP`; not a
    bare country, its government or its forces): the sides whose threatened protest is civilian protest."""
    split = get_registry().codes.split(actor.code)
    return split is not None and split[1] in HOME_SECTORS


def population_target(source: Actor, start: int, end: int, ctx: Context) -> Actor | None:
    """The people a curfew or state of emergency that names no target falls on: the source's own
    civilians (`TURGOV` imposing a curfew on a Turkish town -> `TURCVL`), when the sentence (document
    offsets [start, end)) names no other state; else None (whose town it is would be a guess)."""
    from detente.coding.sector_states import states_named

    split = get_registry().codes.split(source.code)
    if split is None or split[1] in (None, CIVILIANS) or states_named(start, end, ctx) - {split[0]}:
        return None
    return _unwritten(get_registry().codes.compose(split[0], CIVILIANS), source)


def threatened_measure(cand: Candidate, lemma: syntax.Lemma) -> bool:
    """Whether a threat (root 13) is one of a population measure: "threatened to impose a curfew in
    Algiers", "is prepared to declare martial law". Like the measure itself (:func:`population_target`),
    such a threat that names no target falls on the source's own people."""
    if cand.code[:2] != THREAT_ROOT:
        return False
    return any(P.family(lemma(t)) in MEASURE_FAMILIES for t in cand.anchor.subtree if t.tag_[:2] in ("NN", "JJ"))


def _unwritten(code: str, source: Actor) -> Actor:
    """A side a convention supplies: not written in the text (no name; placed at its source, marked `fallback`)."""
    return Actor(code, source.start, source.start, "", fallback=True)


def code_on(actor: Actor, when: date, ctx: Context) -> str:
    """People stand for an actor over a date range: re-resolve them on the event's date."""
    if actor.person and ctx.doc_date is not None and when != ctx.doc_date:
        code = resolve(actor.text, on=when)
        if code:
            return code
    return actor.code


def date_for(cand: Candidate, sdoc: Doc, offset: int, ctx: Context) -> DateMention | None:
    """The date phrase attached (through the parse) to the candidate's predicate, else the document's date.

    Phrases under "after", "before", "since" ... or under another verb belong to
    another event and are skipped; "that same year" takes the year of the last
    absolute date in the document.
    """
    text = syntax.text_of(sdoc)
    key = (id(sdoc), ctx.doc_date)
    dates = ctx.date_cache.get(key)
    if dates is None:
        dates = find_dates(text, ctx.doc_date)
        ctx.date_cache = {key: dates}
    found: tuple[int, DateMention] | None = None
    anchors = {cand.anchor.i, cand.verb.i}
    node = cand.anchor
    while node.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and node.head.i != node.i:
        node = node.head
        anchors.add(node.i)
    for d in dates:
        tok = syntax.token_at(sdoc, d.start)
        if tok is None:
            continue
        steps, node, blocked = 0, tok, False
        while node.i not in anchors and node.head.i != node.i:
            node = node.head
            steps += 1
            if steps > 1 and node.lower_ in TEMPORAL_BLOCKERS:
                blocked = True
            if node.i not in anchors and node.tag_.startswith("VB") and node.dep_ != "aux":
                blocked = True
        if node.i in anchors and not blocked and (found is None or steps < found[0]):
            found = (steps, d)
    if found is not None:
        return found[1]
    if len(dates) == 1 and cand.verb.pos_ != "VERB" and not cand.verb.tag_.startswith("VB"):
        return dates[0]
    same_year = _SAME_YEAR.search(text)
    if same_year and ctx.last_date is not None:
        start, end = same_year.span()
        return DateMention(start, end, same_year.group(0), date(ctx.last_date.year, 1, 1), "year", True)
    if ctx.doc_date is not None:
        return DateMention(0, 0, "", ctx.doc_date, "day", False)
    return None


def quote_for(cand: Candidate, offset: int, ctx: Context, lemma: syntax.Lemma) -> str | None:
    """The quote the predicate is in, or (for a speech verb or "called X ...") the sentence's quote."""
    verb_at = offset + cand.verb.idx
    end = offset + len(syntax.text_of(cand.verb.doc))
    inside = [q for q in ctx.quotes if q.start <= verb_at < q.end]
    if inside:
        return inside[0].text
    here = [q for q in ctx.quotes if offset <= q.start < end and q.words >= 2]
    if here and lemma(cand.verb) in G.SPEECH_VERBS | {"call", "describe"}:
        return here[0].text
    return None
