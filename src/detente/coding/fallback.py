"""The classifier's fallback: a sentence no pattern codes, coded by a learned classifier, with its sides.

In sentence and page mode, :class:`~detente.coding.coder.Coder` asks the classifier
(:mod:`detente.coding.classifier`, :mod:`detente.coding.scorer`) for the CAMEO root of each sentence the
patterns leave without a complete event (:class:`Waiting`), when the sentence may name two sides
(:func:`two_sides`), in one call for a chunk (:func:`fallback_results`, through :func:`classify`); a root it is
sure enough of (:data:`~detente.coding.lexicon.CLASSIFIER_MIN_PROB`) becomes an event whose sides are read off the
main verb (:func:`classifier_event`).

Choices
-------
- Sides off the main verb's subject and object, else the first two actors named: the classifier says what
  was done, not by whom; its event is partial unless both sides are known and are two sides the rules
  would code (:func:`detente.coding.assemble.event_of`'s test of one actor).
- Sides are told apart by :func:`detente.actors.country_of` (session 18), not by a code's first three
  letters: "AUGOV"[:3] is no organisation, so the African Union and its commission were two sides. On every
  development set (the news sets and PLOVER, ``benchmarks/coding_fingerprint.py``) no event changed.
- A joint act (roots 03-06, :data:`~detente.coding.lexicon.JOINT_ROOTS`) of a subject that coordinates parties of two
  countries ("Chile and Peru jointly opened a bridge"), when the parse names no partner, is between the subject's
  parties: the first party with the first of another country (the guide's convention 3 codes a joint act between
  the coordinated parties; one direction here, as the fallback gives one event a sentence). Not a passive's agents
  ("was submitted by A and B") nor a pair phrase ("the two countries share a border"): on the development sets those
  were submissions and standing states, not joint acts. Session 19 (misreads19), page mode, development sets pooled
  (news_dev12 c-d left out): right events +8 (agreements, signings, restored relations, meetings of coordinated
  parties), -0; wrong +7 (a shared border, a readiness, a ceasefire agreed, an initialling with a third party), -1;
  F1 0.4215 -> 0.4222; sentences without an event left uncoded 7033 -> 7031 of 7770.
  Not of a copula's subjects ("Obama and Castro will be in Panama for the Summit of the Americas",
  "China and Australia appear ready to mend ties"): they are said to be somewhere or in some state, each on its
  own trip to a gathering (convention 37), no act done with each other. Session 20 (regress20): that sentence of
  news_dev13 part d was session 19's whole loss there (USA->CUB 04 wrong, and the page's classifier code on that
  pair then kept the next sentence's right USA->CUB 05 apart as a repeat: part d F1 0.373 -> 0.363). Page mode,
  development sets pooled (news_dev13 a and c left out): right +1 -0, wrong +0 -2, F1 0.4150 -> 0.4152, P 0.6118
  -> 0.6121; no-event sentences left uncoded 7627 -> 7628 of 8418; part d 0.3627 -> 0.3731.
- A failing classifier gives no code rather than an error (:func:`classify`): a broken model must not stop
  coding a corpus.
- A classifier is any object with `predict_label_proba`, `predict_root` or `predict`
  (:func:`is_model`); a path is loaded at once (:func:`load_classifier`), so a bad path fails before any
  work.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from detente.actors import country_of, get_registry
from detente.coding import abstention, spans, syntax
from detente.coding.abstention import CONSULT_ROOT
from detente.coding.arguments import argument
from detente.coding.assemble import UNDATED, make_event
from detente.coding.context import Context, actor_of_mention
from detente.coding.fallback_targets import place_preposition
from detente.coding.joint import meeting_venue
from detente.coding.lexicon import CONF_CLASSIFIER, COPULAS, FALLBACK_SKIP_ROLES, JOINT_ROOTS
from detente.coding.sector_words import names_sector
from detente.coding.sentence_events import is_complete
from detente.coding.sentence_result import SentenceResult
from detente.coding.tone import sentence_tone

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def two_sides(mentions: list[Any], text: str) -> bool:
    """Whether a sentence may name two sides an event can be between: two countries (or organisations), or
    two sectors of one country that CAMEO tells apart (`VENCOP`, `VENOPP`:
    :meth:`detente.actors.CodeTable.distinct_sides`), or one country and a sector word ("Kenyan police ...
    opposition supporters": the sector is read off the parse). The classifier's event must still have two
    such sides to be complete (:func:`classifier_event`)."""
    codes = sorted({m.code for m in mentions})
    if len({country_of(c) for c in codes}) >= 2:
        return True
    if codes and names_sector(text):
        return True
    table = get_registry().codes
    return any(table.distinct_sides(a, b) for i, a in enumerate(codes) for b in codes[i + 1:])


def classify(classifier: Any, texts: list[str], docs: list[Doc]) -> list[tuple[str | None, float]]:
    """The classifier's CAMEO root for each sentence and its probability (1.0 when the model gives none).

    (None, 0.0) for every sentence when it fails (a broken model must not stop coding a corpus).
    """
    try:
        proba_of = getattr(classifier, "predict_label_proba", None)
        if callable(proba_of) and getattr(classifier, "classes_", None) is not None:
            proba = proba_of(texts, docs=docs)
            return [(str(classifier.classes_[int(p.argmax())]), float(p.max())) for p in proba]
        if hasattr(classifier, "predict_root"):
            try:  # reuse the parses rather than parse the sentences again
                codes = classifier.predict_root(texts, docs=docs)
            except TypeError:  # a user classifier without the `docs` keyword
                codes = classifier.predict_root(texts)
        else:
            codes = classifier.predict(texts)
        return [(str(c) if c is not None else None, 1.0) for c in codes]
    except Exception:  # noqa: BLE001 - a broken model must not stop coding
        return [(None, 0.0)] * len(texts)


class Waiting(NamedTuple):
    """A sentence the patterns left without a complete event, waiting for the classifier (:func:`fallback_results`)."""

    index: int  # its place among the sentences coded together
    text: str
    sdoc: Doc
    ctx: Context
    partial_events: list[SentenceResult]  # the patterns' partial events, returned beside the classifier's


def fallback_results(
    classifier: Any, waiting: list[Waiting], when: date | None, lemma: syntax.Lemma, min_probability: float, *,
    partial: bool, partial_spans: bool = True,
) -> Iterator[tuple[int, list[SentenceResult]]]:
    """The events of the waiting sentences the classifier codes, as (index, events), in one call for all of them
    (:func:`classify`: it is slow per call).

    A root it is sure of (`min_probability`) becomes the sentence's event (:func:`classifier_event`), first, with
    the patterns' partial events after it when `partial` is asked for; a partial one stands alone, and only when
    `partial` is asked for and the patterns found none. A root it is not sure of is shown only with `partial`,
    after the patterns' partial events, kept apart by calibration with the reason
    (:func:`~detente.coding.abstention.uncertain`). A sentence the classifier leaves as it was is not returned.
    """
    coded = classify(classifier, [w.text for w in waiting], [w.sdoc for w in waiting])
    for (i, text, sdoc, ctx, partial_events), (code, probability) in zip(waiting, coded):
        sure = probability >= min_probability
        if not code or not (sure or partial):
            continue
        found = classifier_event(str(code), text, sdoc, ctx, when, lemma, partial_spans=partial_spans)
        if found is None:
            continue
        kept = partial_events if partial else []  # what the patterns gave the sentence (it has no complete event)
        if not sure:  # calibration keeps it apart: shown with partial events, saying why
            yield i, kept + [abstention.uncertain(found, probability, min_probability)]
        elif not found.partial:
            yield i, [found] + kept
        elif partial and not partial_events:
            yield i, [found]


def classifier_event(
    code: str, text: str, sdoc: Doc, ctx: Context, when: date | None, lemma: syntax.Lemma, *,
    partial_spans: bool = True,
) -> SentenceResult | None:
    """The event of a sentence the classifier coded `code`, with sides read off the main verb.

    Partial unless both sides name known actors of different countries (and then without
    spans when `partial_spans` is false).
    """
    # who and whom: the main verb's subject and object, else the first two actors named
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    subj_tok: Token | None = None
    obj_tok: Token | None = None
    passive = False
    if root is not None:
        subj_tok, passive, agent = syntax.subject(root, lemma)
        obj_tok = syntax.target_token(root, syntax.objects(root), subj_tok, lemma)
        if passive:
            subj_tok, obj_tok = agent, subj_tok
    source_arg = argument(subj_tok, 0, ctx, lemma) if subj_tok is not None else None
    # a meeting of the subject's own parties ("A and B met in Addis Ababa", "... at the Kremlin"): its place is no side
    joint_meeting = code[:2] == CONSULT_ROOT and source_arg is not None and len(source_arg.actors) >= 2
    if joint_meeting and obj_tok is not None and root is not None and meeting_venue(obj_tok, root, code):
        obj_tok = None
    target_arg = argument(obj_tok, 0, ctx, lemma) if obj_tok is not None else None
    ms = ctx.mentions
    source = source_arg.actors[0] if source_arg and source_arg.actors else None
    target = target_arg.actors[0] if target_arg and target_arg.actors else None
    if source is None and source_arg is None and ms:
        source = actor_of_mention(ms[0])
    coordinated = (subj_tok is not None and not passive and any(t.dep_ == "conj" for t in subj_tok.subtree)
                   and not (root is not None and lemma(root) in COPULAS))
    if target is None and coordinated and source is not None and source_arg is not None and code[:2] in JOINT_ROOTS:
        # "Chile and Peru jointly declared a partnership": a joint act of coordinated parties is between them;
        # not "A and B will be in Panama for the summit" (a copula: where they are, no act with each other)
        target = next((a for a in source_arg.actors if country_of(a.code) != country_of(source.code)), None)
    if target is None and target_arg is None:
        other = next((m for m in ms if (source is None or country_of(m.code) != country_of(source.code))
                      and not (joint_meeting and place_preposition(m, sdoc, 0) is not None)), None)
        target = actor_of_mention(other) if other else None
    if target is not None and target.code[3:6] in FALLBACK_SKIP_ROLES:
        target = None  # "..., South Korea's army told ABC News": the outlet reports the act, it is no side of it
    event = make_event(
        str(code), when=when or UNDATED, sentence=text, doc_id="sentence", source=source, target=target,
        tone=sentence_tone(text), confidence=CONF_CLASSIFIER, note="classifier",
    )
    if event is None:
        return None
    same_actor = source is not None and target is not None and (
        source.start == target.start
        or country_of(source.code) == country_of(target.code) and not get_registry().codes.distinct_sides(source.code, target.code)
    )  # as the rules code it (assemble.event_of): police against opposition supporters are two sides
    partial = not is_complete(event) or same_actor
    if partial and not partial_spans:
        return SentenceResult(event, None, None, partial=True)
    src = spans.source_span(source_arg, lemma) if source_arg is not None else None
    if (src is None or text[src[0]:src[1]].lower() in spans.PRONOUNS) and source is not None and source.start >= 0:
        src = (source.start, source.end)  # an unresolved "he": the actor named instead
    tgt = spans.target_span(target_arg, source_arg, root, lemma) if root is not None else None
    if tgt is None and target is not None and target.start >= 0:  # not an earlier sentence's actor
        tgt = (target.start, target.end)
    return SentenceResult(event, spans.tidy(text, src), spans.tidy(text, tgt), partial=partial)


def is_model(obj: Any) -> bool:
    return hasattr(obj, "predict_root") or hasattr(obj, "predict") or hasattr(obj, "predict_label_proba")


def load_classifier(classifier: Any) -> Any:
    """A classifier object as given, or the model saved at a path (:func:`detente.coding.classifier.load`)."""
    if classifier is None or is_model(classifier):
        return classifier
    from detente.coding import classifier as clf_mod

    return clf_mod.load(classifier)
