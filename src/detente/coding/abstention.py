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
- ``planned``: a meeting, visit or talks (root 04) its predicate announces for later ("was
  set to meet", "is scheduled to hold a summit", "is visiting Iran Monday") is no meeting
  held (CAMEO codes only acts that happened; an announced one is at most an intent, 03).
- ``speculation``: an act the sentence only holds possible ("could take legal measures", "would
  violate the sanctions") or makes conditional ("if X met Y"): the guide's rule 7 gives
  "expectations, possibilities and speculation" no event, and the event's own modality
  (:data:`detente.events.modality.ASSERTED_MODALITIES`) already says its act did not take place.
  Sentence mode only (:func:`sort_out`): document mode stores such events with their modality,
  which the relation series read through :func:`detente.events.modality.is_asserted`.
- ``description``: an agreement named as a standing thing ("NAFTA, the trilateral trade deal
  between the United States, Canada and Mexico") is no signing: a signing (CAMEO 057)
  needs a verb of signing or concluding in its predicate.
- ``uncertain``: the sentence classifier's code for a sentence no pattern codes, when its
  probability is below the calibrated threshold (:data:`~detente.coding.lexicon.CLASSIFIER_MIN_PROB`,
  from ``benchmarks/coding_dev.py``'s calibration curve); the note gives both figures.

A classifier event's note starts with "classifier" (:func:`from_classifier`), kept apart or not:
"classifier; kept apart: statement".

Choices
-------
- Events are kept apart, not deleted: a user who wants statements asks for partial
  events and gets them with the reason in the note; counts of what was set aside stay
  visible.
- The ``planned`` and ``description`` rules read the event's own predicate, not the whole
  sentence: the words of the verb (or event noun) that coded it, the verbs that govern it
  and their auxiliaries (:func:`predicate_words`, taken from the parse where the event is
  made). The sentence "X, who is set to meet Y next week, met Z on Monday" holds an
  announced meeting and a held one; only the predicate tells them apart. The classifier's
  event (coded from the whole sentence) and an event no token coded (the pair model's
  additions) read the sentence's words.
- The ``dateline`` rule reads the sentence string: a dateline is where the story was
  filed, a property of the sentence's first words, not of a predicate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.coding.sentence_result import SentenceResult
    from detente.events.schema import Event

STATEMENT_ROOT = "01"
"""CAMEO's "make a public statement": kept apart (PLOVER has no such event type)."""
CLASSIFIER_NOTE = "classifier"
"""The note of an event the sentence classifier coded (:meth:`detente.coding.coder.Coder._classifier_event`)."""
UNCERTAIN = "uncertain"
"""The reason of a classifier code below the calibrated threshold (:func:`uncertain`)."""
CONSULT_ROOT = "04"
"""CAMEO's "consult": meetings, visits and talks, which an announcement of one is not."""
SPECULATIVE_MODALITIES = frozenset({"possible", "conditional"})
"""Modalities of acts held possible or made conditional: no act took place (the guide's rule 7)."""
SIGN_AGREEMENT = "057"
"""CAMEO's "sign formal agreement": needs a verb of signing in its sentence."""

_DATELINE = re.compile(
    r"""^\s*(?:
        [A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]+?)?\s*(?:\([A-Za-z ]+\))?\s*[—–-]+\s   # DAKAR, Senegal (AP) —
      | [A-Z][\w.'\- ]+?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*:\s  # Doha, Feb 29:
      | [A-Z][\w.'\- ]+?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?\s*
        \([A-Za-z ]+\)\s*(?::\s|[—–-]+\s?)  # RIGA, April 5 (Xinhua) --, Tokyo, July 4 (Jiji Press)--, WASHINGTON, Sep 15 (APP):
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


def predicate_words(pred: Token) -> str:
    """The words of an event's own predicate `pred` (its verb or event noun), in sentence order:
    the verb a noun is the object of ("will *hold* talks"), the verbs governing it through a "to"
    clause or a shared subject ("is *set* to meet", "is *due* to visit", "is *visiting* Rome and
    meeting ..."), through a clause of purpose ("is *heading* to Hanoi to meet ...") or a clause of
    time in the present tense, which takes its time from the clause it hangs on ("*will come*
    before X and Y resume talks"), and the auxiliaries, particle and preposition right after each
    ("*is* set *to* meet", "*will* visit", "entered *into*")."""
    words = {pred}
    node = pred
    if not node.tag_.startswith("VB"):
        head = node.head.head if node.dep_ == "pobj" and node.head.dep_ == "prep" else node.head
        if node.dep_ in _NOUN_OF_VERB and head.tag_.startswith("VB"):
            node = head  # "will hold *talks*", "talks *were scheduled* ..."
            words.add(node)
    while True:
        words.update(c for c in node.children if c.dep_ in _VERB_PARTS or c.dep_ == "prep" and c.i == node.i + 1)
        shares = (node.dep_ in ("xcomp", "acomp")
                  or node.dep_ == "conj" and not any(c.dep_ in _OWN_CLAUSE for c in node.children)  # one clause
                  or node.dep_ == "advcl" and _time_of_head(node))
        if not shares or node.head.i == node.i:
            break
        node = node.head
        words.add(node)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _time_of_head(clause: Token) -> bool:
    """Whether an adverbial clause has no time of its own: an infinitive of purpose ("to meet"), or a
    clause of time in the present tense ("before they *resume* talks"), which English writes for a
    time the main clause sets."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return True
    return clause.tag_ in ("VB", "VBP", "VBZ") and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)


_VERB_PARTS = frozenset({"aux", "auxpass", "prt"})
"""A verb's auxiliaries and particle ("*will* meet", "set *off*"); a preposition right after it counts too
("entered *into*")."""
_NOUN_OF_VERB = frozenset({"dobj", "nsubjpass", "pobj"})
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
_TIME_MARKS = frozenset({"before", "after", "when", "once", "until"})


def reason_apart(event: Event, predicate: str | None = None) -> str | None:
    """Why `event` reports no codable event (a short reason for its note), or None when it stands.

    `predicate` is the words of the event's own predicate (:func:`predicate_words`); without
    it, the planned and description rules read the whole sentence."""
    if event.root == STATEMENT_ROOT:
        return "statement"
    text = event.sentence or ""
    end = dateline_end(text)
    if end:
        for name in (event.source_name, event.target_name):
            if name and name in text[:end] and name not in text[end:]:
                return "dateline"
    words = text if predicate is None else predicate
    if event.cameo == SIGN_AGREEMENT and not _SIGNING.search(words):
        return "description"
    if planned(event, words):
        return "planned"
    return None


def speculative(event: Event) -> bool:
    """An act the sentence holds possible ("may attack", "could impose sanctions", "said they would
    meet" reported by a third party) or makes conditional ("if X attacks"): its modality says so."""
    return event.modality in SPECULATIVE_MODALITIES


def planned(event: Event, words: str) -> bool:
    """A meeting, visit or talks (root 04) that `words` (its predicate's, else its sentence's) announce
    for later ("was set to meet", "is scheduled to hold a summit", "will resume negotiations"), coded
    as held.

    An announced meeting with its modality read ("will meet": CAMEO 036, intent to meet) is left
    as it is: the guide codes a confirmed future meeting as root 03."""
    return event.root == CONSULT_ROOT and event.modality is None and bool(_PLANNED.search(words))


def from_classifier(event: Event) -> bool:
    """Whether the sentence classifier coded `event` (kept apart or not): the quad scorer,
    :func:`detente.coding.evaluate.predict_quads`, tells rule events from it by this."""
    note = event.note or ""
    return note == CLASSIFIER_NOTE or note.startswith(CLASSIFIER_NOTE + ";")


def set_apart(event: Event, reason: str) -> Event:
    """The event with its reason for being kept apart in its note ("classifier; kept apart: statement")."""
    note = f"kept apart: {reason}"
    return replace(event, note=f"{event.note}; {note}" if event.note else note)


def uncertain(result: SentenceResult, probability: float, threshold: float) -> SentenceResult:
    """A classifier event whose probability is below the calibrated `threshold`, kept apart (partial)
    with both figures in its note."""
    reason = f"{UNCERTAIN} (probability {probability:.2f} below {threshold:.2f})"
    return replace(result, event=set_apart(result.event, reason), partial=True)


def sort_out(found: list[SentenceResult], partial: bool) -> list[SentenceResult]:
    """A sentence's events with those that report no codable event kept apart.

    Those kept apart become partial results (after the others, with their reason in the
    note) when `partial` is true and are left out otherwise.
    """
    kept: list[SentenceResult] = []
    apart: list[SentenceResult] = []
    for result in found:
        reason = None if result.partial else reason_apart(result.event, result.predicate) or (
            "speculation" if speculative(result.event) else None)
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


def stands(event: Event, predicate: str | None = None) -> bool:
    """Whether a document-mode event stands as one (document mode keeps nothing apart); `predicate`
    as for :func:`reason_apart`."""
    return reason_apart(event, predicate) is None
