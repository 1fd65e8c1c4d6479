"""A document in the coder: its result, the sentences worth parsing, document mode's coding of them, and the
events kept from it.

:class:`~detente.coding.coder.Coder` codes a document in document mode (the rules over the sentences that
name an actor or refer back to one: :func:`prepare`; once parsed, :func:`code_parsed`) or as page mode codes an
article (with a pair model; its sentences' events made the document's: :func:`page_result`); either way it
returns a :class:`DocumentResult`. The events it keeps apart are listed once each
(:func:`distinct_apart`), and with `marked` page mode gives back the acts it kept apart only for their
modality (:func:`marked_of_rules`).

Choices
-------
- Only sentences that name an actor, refer back to one ("It also ...", "the two sides": :func:`has_pronoun`)
  or name a sector of the document's state ("Police arrested ...") are parsed: the others cannot give an
  event with two sides, and the parse is most of the coder's time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from detente.coding import abstention, coordination, syntax
from detente.coding.assemble import event_of
from detente.coding.candidates import candidates
from detente.coding.context import Context, document_context
from detente.coding.nlp import parse_form
from detente.coding.page_memory import remember
from detente.coding.ranking import without_bare_statements
from detente.coding.reader import Document
from detente.coding.sector_words import names_sector
from detente.coding.segment import SentenceSpan, split_sentences
from detente.coding.sentence_events import is_complete
from detente.coding.sentence_result import SentenceResult
from detente.coding.tone import document_tone, sentence_tone
from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass
class DocumentResult:
    """The events of one document and its tone (mean VADER compound over sentences naming an actor).

    `apart` holds the events the coder kept apart as reporting no event, each with its reason in the note
    ("kept apart: a list of 12 parties ...", "kept apart: statement"), as page and sentence mode return them
    with `partial`: never stored, but not lost without a word."""

    doc_id: str
    events: list[Event]
    tone: float | None
    sentences: int
    undated: int = 0
    apart: list[Event] = field(default_factory=list)


@dataclass
class Prepared:
    """A document read, segmented and scanned for actors, waiting for its parse."""

    doc: Document
    text: str
    ctx: Context
    sentences: int
    wanted: list[Any]


def prepare(doc: Document) -> Prepared:
    """Read a document's actors and quotes, split it, and keep the sentences worth parsing."""
    text = doc.text or ""
    ctx = document_context(text, doc.date)  # page mode's rules (context.sentence_context)
    sentences = list(split_sentences(text))
    wanted = [s for s in sentences if ctx.mentions_between(s.start, s.end) or has_pronoun(text[s.start:s.end])
              or (ctx.mentions and names_sector(text[s.start:s.end]))]  # "Police arrested ...": the document's state
    return Prepared(doc, text, ctx, len(sentences), wanted)


def code_parsed(prepared: Prepared, parsed: Iterator[Doc], lemma: syntax.Lemma, *, domestic: bool) -> DocumentResult:
    """Document mode's coding of one prepared document, its wanted sentences' parses taken in order from `parsed`
    (one `nlp.pipe` over many documents: :meth:`~detente.coding.coder.Coder.code_document_results`).

    Each sentence's candidates (:func:`~detente.coding.candidates.candidates`) become events, best first, one per
    source, target and root, with the document's provenance; those that report no event are kept apart with their
    reason (:func:`~detente.coding.abstention.stands`, a conference of many parties, and with `domestic` false an act
    within one state, the news guide's scope); an event without a date is counted (`undated`), not kept. As page
    mode (:meth:`~detente.coding.coder.Coder.code_article_events`), an act a later sentence of the document reports
    again is one event (:func:`~detente.coding.abstention.restatements`: the guide's rule 7)."""
    doc, text, ctx = prepared.doc, prepared.text, prepared.ctx
    coded: list[list[SentenceResult]] = []  # each parsed sentence's events, for the restatement pass
    texts: list[str] = []
    tones: list[float] = []
    undated = 0
    apart: list[Event] = []  # kept apart, with the reason in the note (as page mode's partial events)
    for span in prepared.wanted:
        sdoc = next(parsed)
        sentence = text[span.start:span.end]
        syntax.keep_text(sdoc, parse_form(sentence))
        tone = sentence_tone(sentence)
        tones.append(tone)
        found = without_bare_statements(candidates(sdoc, span.start, ctx, lemma))
        events: list[SentenceResult] = []
        seen: set[tuple[str, str, str]] = set()
        found.sort(key=lambda c: -c.confidence)
        for cand in found:
            event = event_of(
                cand, sdoc, span.start, sentence, span.index, ctx, lemma,
                doc_id=doc.id, url=doc.url, file=doc.file, permissive=False, tone=tone,
            )
            predicate = abstention.predicate_words(cand.verb)
            if event is not None and not abstention.stands(event, predicate):
                apart.append(abstention.set_apart(event, abstention.reason_apart(event, predicate) or ""))
                continue
            if event is None:
                if cand.source_actor and cand.target_actor and ctx.doc_date is None:
                    undated += 1
                continue
            too_many = coordination.joint_list_reason(cand.symmetric, cand.source, cand.target, span.start)
            if too_many is not None and too_many[1]:  # a conference of many: kept apart, saying how many
                apart.append(abstention.set_apart(event, too_many[0]))
                continue
            if too_many is not None:
                event = replace(event, note=f"{event.note}; {too_many[0]}" if event.note else too_many[0])
            if not domestic and abstention.domestic(event):  # the news guide's scope, asked for
                apart.append(abstention.set_apart(event, abstention.DOMESTIC))
                continue
            key = (event.source, event.target, event.root)
            if key in seen:
                continue
            seen.add(key)
            events.append(SentenceResult(event, None, None, predicate=predicate))  # restatements read it
        coded.append(events)
        texts.append(sentence)
        remember(sdoc, span.start, ctx)
    # as page mode (code_article_events): an act a later sentence of the document reports again is one event
    kept = abstention.restatements(coded, texts, ctx.doc_date, partial=False)
    events = [r.event for found in kept for r in found]
    return DocumentResult(doc.id, events, document_tone(tones), prepared.sentences, undated, distinct_apart(apart))


REFERS_BACK = re.compile(r"^\W*(?:It|They)\b|\b(?:[Tt]he two|[Bb]oth)\b"
                         r"|\b[Tt]he (?:sides|parties|countries|nations|leaders|governments)\b")
"""Sentences that may name their actors only through an earlier one: "It also ...", "They ...", "the two
sides", "both countries", and "the sides", "the countries" (the definite pair nouns,
:data:`~detente.coding.arguments.DEFINITE_PAIR_NOUNS`; session 16: "The sides accused each other" was skipped
before its pair could be read) (:func:`detente.coding.arguments.continued_subjects`,
:func:`~detente.coding.arguments.the_two_sides`)."""


def has_pronoun(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return " he " in low or " she " in low or REFERS_BACK.search(sentence) is not None


SPECULATION_APART = "kept apart: speculation"
"""The note :func:`~detente.coding.abstention.set_apart` gives an act held possible or conditional."""


def marked_of_rules(result: SentenceResult) -> Event | None:
    """A partial result of page mode as the rules' event it was, when it was kept apart only because its
    modality holds its act possible or conditional (:func:`~detente.coding.abstention.speculative`; the
    modality stays on the event, as document mode keeps it); else None (a side not known, or another
    reason: those stay out, as without `marked`)."""
    event = result.event
    note = event.note or ""
    if not abstention.speculative(event) or not (note == SPECULATION_APART or note.endswith(f"; {SPECULATION_APART}")):
        return None
    if not is_complete(event):
        return None
    kept = note[:-len(SPECULATION_APART)].removesuffix("; ")
    return replace(event, note=kept or None)


def page_result(doc: Document, spans: list[SentenceSpan], coded: list[list[SentenceResult]], *,
                marked: bool) -> DocumentResult:
    """A document coded as page mode codes an article (:meth:`~detente.coding.coder.Coder.code_document_pages`),
    from its sentences' spans and each sentence's events (:meth:`~detente.coding.coder.Coder.code_article_events`).

    The complete events are kept with the document's provenance (id, url, file, sentence index and characters);
    with `marked`, the partial results kept apart only for their modality too (:func:`marked_of_rules`). An
    event of a document without a date is counted (`undated`), not kept, and the tone is the mean over the
    sentences document mode would parse (:func:`prepare`), as in document mode; `apart` stays empty."""
    text = doc.text or ""
    events: list[Event] = []
    undated = 0
    for span, found in zip(spans, coded):
        for r in found:
            event = (marked_of_rules(r) if marked else None) if r.partial else r.event
            if event is None:
                continue
            if doc.date is None and (event.note or "").startswith("undated"):  # the note assemble gives it
                undated += 1
                continue
            events.append(replace(event, doc_id=doc.id, url=doc.url, file=doc.file,
                                  sentence_index=span.index, char_start=span.start, char_end=span.end))
    tone = document_tone([sentence_tone(text[w.start:w.end]) for w in prepare(doc).wanted])
    return DocumentResult(doc.id, events, tone, len(spans), undated)


def distinct_apart(events: list[Event]) -> list[Event]:
    """The events kept apart, one per sentence, source, target and CAMEO code, in order (a symmetric candidate's
    two directions and a pattern and a noun read on one act give one each, as page mode's `seen` does)."""
    seen: set[tuple[int, str, str, str]] = set()
    out: list[Event] = []
    for e in events:
        key = (e.sentence_index, e.source, e.target, e.cameo)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out

