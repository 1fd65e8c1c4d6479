"""Abstention: the last look at a sentence's events, setting apart those that report no codable event.

The patterns and the classifier propose events; this module decides, per event, whether
it stands as one or is *kept apart* (returned only when partial events are asked for, as
``detente code --sentences --partial`` shows them, and never stored in document mode).
Each rule is a convention of the project's annotation guide (``data/news_check/README.md``,
``data/news_dev/README.md``) and of PLOVER, the CAMEO successor, and each has a reason
that goes into the event's note, so an analyst can see why a proposal was set aside:

- ``statement``: CAMEO root 01, "make a public statement". A bare statement about another
  actor is not an event here: PLOVER (Halterman et al. 2023, *PLOVER and POLECAT: A New
  Political Event Ontology and Dataset*) drops CAMEO's 01 and codes what is said by what
  it does (ACCUSE, REQUEST, THREATEN, AGREE, ...), and the project's guide never gives root
  01 (none of about 980 gold development events has it). Commentary ("Xi said the visit
  would strengthen trust") and analysts' remarks were the bulk of the coder's invented
  events on sentences without one.
- ``dateline``: a side named only in the dateline ("DAKAR, Senegal (AP) --", "Doha, Feb
  29:") is where the story was filed, not an actor of it.
- ``planned``: a meeting, visit or talks (root 04) the sentence announces for later ("was
  set to meet", "is scheduled to hold a summit", "is visiting Iran Monday") is no meeting
  held (CAMEO codes only acts that happened; an announced one is at most an intent, 03).
- ``description``: an agreement named as a standing thing ("NAFTA, the trilateral trade deal
  between the United States, Canada and Mexico") is no signing: a signing (CAMEO 057)
  needs a verb of signing or concluding in its sentence.

Choices
-------
- Events are kept apart, not deleted: a user who wants statements asks for partial
  events and gets them with the reason in the note; counts of what was set aside stay
  visible.
- The rules read only the event and its sentence (no parse), so they apply the same way
  to pattern events and to the classifier's fallback codes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from detente.coding.sentence_result import SentenceResult
    from detente.events.schema import Event

STATEMENT_ROOT = "01"
"""CAMEO's "make a public statement": kept apart (PLOVER has no such event type)."""
CLASSIFIER_NOTE = "classifier"
"""The note of an event the sentence classifier coded (:meth:`detente.coding.coder.Coder._classifier_event`)."""
CONSULT_ROOT = "04"
"""CAMEO's "consult": meetings, visits and talks, which an announcement of one is not."""
SIGN_AGREEMENT = "057"
"""CAMEO's "sign formal agreement": needs a verb of signing in its sentence."""

_DATELINE = re.compile(
    r"""^\s*(?:
        [A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]+?)?\s*(?:\([A-Za-z ]+\))?\s*[—–-]+\s   # DAKAR, Senegal (AP) —
      | [A-Z][\w.'\- ]+?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*:\s  # Doha, Feb 29:
    )""",
    re.X,
)
_PLANNED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:set|scheduled|due|expected|slated|planning|going)\s+to\b"
    r"|\bwill\s+(?:\w+\s+)?(?:meet|visit|travel|hold|resume|host|come|go|fly|arrive)\b"
    r"|\b(?:is|are)\s+(?:visiting|heading|travell?ing|flying)\b",
    re.I,
)
_SIGNING = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|initial(?:s|ed|led)|ratif(?:y|ies|ied|ying)"
    r"|agree(?:s|d)?|reach(?:es|ed|ing)?|struck|strike|strikes|seal(?:s|ed)?|clinch(?:es|ed)?"
    r"|enter(?:s|ed|ing)?\s+into)\b",
    re.I,
)


def dateline_end(sentence: str) -> int:
    """Where the dateline at the start of `sentence` ends (0: none)."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def reason_apart(event: Event) -> str | None:
    """Why `event` reports no codable event (a short reason for its note), or None when it stands."""
    if event.root == STATEMENT_ROOT:
        return "statement"
    text = event.sentence or ""
    end = dateline_end(text)
    if end:
        for name in (event.source_name, event.target_name):
            if name and name in text[:end] and name not in text[end:]:
                return "dateline"
    if event.cameo == SIGN_AGREEMENT and not _SIGNING.search(text):
        return "description"
    if planned(event):
        return "planned"
    return None


def planned(event: Event) -> bool:
    """A meeting, visit or talks (root 04) that the sentence announces for later ("was set to meet", "is
    scheduled to hold a summit", "will resume negotiations"), coded as held.

    An announced meeting with its modality read ("will meet": CAMEO 036, intent to meet) is left
    as it is: the guide codes a confirmed future meeting as root 03."""
    return event.root == CONSULT_ROOT and event.modality is None and bool(_PLANNED.search(event.sentence or ""))


def set_apart(event: Event, reason: str) -> Event:
    """The event with its reason for being kept apart in its note.

    A classifier event keeps its note "classifier" (its code says why: the quad scorer,
    :func:`detente.coding.evaluate.predict_quads`, tells rule events from it by that note)."""
    if event.note == CLASSIFIER_NOTE:
        return event
    note = f"kept apart: {reason}"
    return replace(event, note=f"{event.note}; {note}" if event.note else note)


def sort_out(found: list[SentenceResult], partial: bool) -> list[SentenceResult]:
    """A sentence's events with those that report no codable event kept apart.

    Those kept apart become partial results (after the others, with their reason in the
    note) when `partial` is true and are left out otherwise.
    """
    kept: list[SentenceResult] = []
    apart: list[SentenceResult] = []
    for result in found:
        reason = None if result.partial else reason_apart(result.event)
        if reason is None:
            kept.append(result)
        elif partial:
            apart.append(replace(result, event=set_apart(result.event, reason), partial=True))
    return kept + apart


def split(complete: list[SentenceResult], partial_events: list[SentenceResult]) -> tuple[list[SentenceResult], list[SentenceResult]]:
    """The pattern events of a sentence as (standing, partial), those kept apart moved to the partial ones.

    Run before the classifier fallback, so that a sentence whose only proposals are kept
    apart is offered to the classifier like one with none."""
    standing = sort_out(complete, partial=False)
    apart = [r for r in sort_out(complete, partial=True) if r.partial]
    return standing, partial_events + apart


def stands(event: Event) -> bool:
    """Whether a document-mode event stands as one (document mode keeps nothing apart)."""
    return reason_apart(event) is None
