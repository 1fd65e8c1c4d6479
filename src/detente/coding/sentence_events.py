"""The rules' events of one sentence: its candidates made events, best first, complete apart from partial.

For one parsed sentence and the context it is read in (:class:`~detente.coding.context.Context`), the
candidates of :mod:`detente.coding.candidates` ranked (:mod:`detente.coding.ranking`), each made an event
(:func:`detente.coding.assemble.event_of`), a meeting one side announces turned into that side's intent to
meet (convention 10), a conference of many kept apart (:mod:`detente.coding.coordination`), and the spans
of each event's two sides (:mod:`detente.coding.spans`). Sentence and page mode of
:class:`~detente.coding.coder.Coder` read a sentence's events here; the classifier's fallback, the pair
model, the span chooser and the last look (:mod:`detente.coding.abstention`) come after.

Choices
-------
- A target the parse only guessed (an actor of the context, not of the verb's arguments) is kept only when
  the sentence has no complete pair at all, one per member of its source
  (:func:`detente.coding.coordination.members_guessed`): a guess must not add to what the parse found.
- Events are told apart by source, target and CAMEO root: a pattern and a noun read on one act give one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors import country_of
from detente.coding import abstention, coordination, spans, syntax
from detente.coding.arguments import argument
from detente.coding.assemble import UNKNOWN_ACTOR, event_of
from detente.coding.candidate import Candidate
from detente.coding.candidates import candidates
from detente.coding.context import Context
from detente.coding.ranking import ranked
from detente.coding.sentence_result import SentenceResult
from detente.coding.tone import sentence_tone
from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def is_complete(event: Event) -> bool:
    """Both sides of the event are identified actors (neither is ``"---"``)."""
    return event.source != UNKNOWN_ACTOR and event.target != UNKNOWN_ACTOR


def sentence_events(
    text: str, sdoc: Doc, ctx: Context, lemma: syntax.Lemma, *, partial_spans: bool = True
) -> tuple[list[SentenceResult], list[SentenceResult]]:
    """The complete and the partial events the patterns find in one sentence, best first
    (the partial ones without spans when `partial_spans` is false)."""
    complete: list[SentenceResult] = []
    guessed: list[SentenceResult] = []
    guessed_cands: list[Candidate] = []  # the candidates of `guessed`, in order
    partial_events: list[SentenceResult] = []
    found = ranked(candidates(sdoc, 0, ctx, lemma))
    if not found:
        return complete, partial_events
    tone = sentence_tone(text)  # only for sentences with a candidate: VADER is a tenth of the rules' time
    seen: set[tuple[str, str, str]] = set()
    for cand in found:
        event = event_of(
            cand, sdoc, 0, text, 0, ctx, lemma, doc_id="sentence", url=None, file=None, permissive=True,
            tone=tone,
        )
        if event is None:
            continue
        turned = announced(event, cand, ctx, lemma)
        key = (turned.source, turned.target, turned.root) if turned is not None else (event.source, event.target, event.root)
        if key in seen:
            continue
        seen.add(key)
        predicate = abstention.predicate_words(cand.verb)
        too_many = coordination.joint_list_reason(cand.symmetric, cand.source, cand.target)
        if too_many is not None and too_many[1]:  # a conference of many: kept apart, saying how many
            src, tgt = candidate_spans(cand, lemma) if partial_spans else (None, None)
            partial_events.append(SentenceResult(abstention.set_apart(event, too_many[0]), src, tgt, partial=True,
                                                 predicate=predicate))
            continue
        if too_many is not None:  # the pairs of a long list's first parties only: the note says so
            event = replace(event, note=f"{event.note}; {too_many[0]}" if event.note else too_many[0])
        if turned is not None:  # convention 10: the announcing side's intent to meet, not a speculation
            spans_of = candidate_spans(cand, lemma)
            flipped = turned.source != event.source
            complete.append(SentenceResult(turned, *(spans_of[::-1] if flipped else spans_of), predicate=predicate))
            continue
        if is_complete(event):
            fallback = cand.target_actor is not None and cand.target_actor.fallback
            result = SentenceResult(event, *candidate_spans(cand, lemma), predicate=predicate)
            (guessed if fallback else complete).append(result)
            if fallback:
                guessed_cands.append(cand)
        else:
            src, tgt = candidate_spans(cand, lemma) if partial_spans else (None, None)
            partial_events.append(SentenceResult(event, src, tgt, partial=True, predicate=predicate))
    if not complete:  # a guessed target only when the parse found no pair at all, for each member of its source
        complete = [guessed[k] for k in coordination.members_guessed(guessed_cands)]
    return complete, partial_events


def announced(event: Event, cand: Candidate, ctx: Context, lemma: syntax.Lemma) -> Event | None:
    """The event as convention 10 codes a meeting that one of its sides announces ("Turkey said
    Erdogan and Sisi would meet": TUR->EGY 036; "Egypt and Qatar are set to meet": both announce, each
    direction from its own source, :func:`~detente.coding.coordination.announcing_side`), or None when
    no side announces it (:func:`~detente.coding.abstention.announced`)."""
    if not is_complete(event) or event.root != abstention.CONSULT_ROOT and event.cameo != abstention.INTENT_TO_MEET:
        return None
    speaker = abstention.announcer(cand.verb, lemma)
    if speaker is None:
        return None
    said = argument(speaker, 0, ctx, lemma)
    side = coordination.announcing_side(event, {country_of(a.code) for a in said.actors})
    return abstention.announced(event, side) if side is not None else None


def candidate_spans(cand: Candidate, lemma: syntax.Lemma) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Where the candidate's source and target are written in its sentence."""
    src, tgt = spans.sides(cand.source, cand.target, cand.verb, lemma, symmetric=cand.symmetric)
    if src is None and cand.source_actor is not None and not cand.source_actor.fallback and cand.source_actor.start >= 0:
        src = (cand.source_actor.start, cand.source_actor.end)  # (an actor of an earlier sentence has none here)
    if cand.reverse:
        src, tgt = tgt, src
    return src, tgt
