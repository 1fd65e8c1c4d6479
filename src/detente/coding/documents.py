"""A document in the coder: its result, the sentences worth parsing, and the events kept from it.

:class:`~detente.coding.coder.Coder` codes a document in document mode (the rules over the sentences that
name an actor or refer back to one: :func:`prepare`) or as page mode codes an article (with a pair model);
either way it returns a :class:`DocumentResult`. The events it keeps apart are listed once each
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
from dataclasses import dataclass, field, replace
from typing import Any

from detente.coding import abstention
from detente.coding.sector_words import names_sector
from detente.coding.context import Context, document_context
from detente.coding.reader import Document
from detente.coding.segment import split_sentences
from detente.coding.sentence_events import is_complete
from detente.coding.sentence_result import SentenceResult
from detente.events.schema import Event


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

