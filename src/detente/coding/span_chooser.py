"""A learned chooser of an event's source and target spans, on top of the span rules.

The span rules (:mod:`detente.coding.spans`, :mod:`detente.coding.extents`) were read off
sentences of ConfliBERT's dyad train split and generalise less well than they fit (a
gap between the sentences they were read off and the rest: benchmarks/coding_dyad.py).
The chooser re-decides each side among the sentence's phrases, with the rules' own
choice as one piece of evidence, so that what the rules get right by convention is kept
and what they get wrong in a regular way is learned from every sentence rather than
from the ones a rule was written for.

For one sentence and one role (source or target) the candidates are: the rules' span,
the other role's rule span, the phrase of every noun, name or pronoun as
:func:`~detente.coding.extents.phrase_span` and :func:`~detente.coding.extents.full_span`
draw it (whole coordination and first conjunct), spaCy's noun chunks and named
entities, each tidied like the rules' spans; and *no span*. Each candidate is described
by sparse binary features (:func:`features`): how it relates to the rules' choice, the
dependency relation of its head and of the head's head, the preposition it hangs from,
voice, the event's CAMEO root, position before or after the main verb, length,
whether it holds a registry actor, a sector noun, a pronoun, a time word, a proper
name, a coordination, a determiner at its start; *no span* is described by what the
rules chose. A logistic regression per role scores each candidate as the gold span or
not, and the best-scoring pair of source and target whose two sides are not the same
phrase (unless the rules made it both: span convention *joint sides*) is taken: a
discriminative reranking of the base system's candidates, as Collins & Koo (2005,
"Discriminative reranking for natural language parsing", Computational Linguistics
31(1)) rerank a parser's output.

Choices
-------
- A binary logistic regression (scikit-learn, L2, ``C`` below) over candidates, the
  best pair per sentence taken (simpler than a conditional logit over the candidates;
  not compared with one).
- Features are names, weights a dictionary: the shipped model is a JSON file in the
  package data (``coding/data/span_chooser.json``, about 0.4 MB), applied with plain Python sums,
  so coding imports neither scikit-learn nor NumPy for it; training (:func:`fit`) needs
  scikit-learn (the ``classifier`` extra).
- Trained only on ConfliBERT's public dyad TRAIN split
  (``confli_cameo_dyad_train.txt``); its test split is never read. The file records
  the training data's SHA-256, the sentence count and ``C``; benchmarks/coding_dyad.py
  writes it (``--write-model``) and reports its cross-validated figures
  (benchmarks/results/coding_dyad.md).
- Deterministic: features are sorted, the solver (lbfgs) is deterministic, ties go to
  the earlier candidate.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.coding import syntax
from detente.coding.extents import PRONOUNS, full_span, phrase_span, tidy
from detente.errors import InputError, ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from detente.coding.context import Context

Span = tuple[int, int]
ROLES = ("source", "target")
MODEL_FILE = "data/span_chooser.json"
"""The shipped model, in :mod:`detente.coding`'s package data."""
MODEL_VERSION = 1
C = 1.0
"""Inverse L2 strength of the logistic regression. Out-of-fold exact macro-F1 (5 folds of
the train split) for C = 0.1, 0.3, 1 and 3: 0.725, 0.730, 0.732, 0.735; the middle
value is taken rather than the best, since the differences are within the noise and
the choice was made on the same folds the benchmark reports."""
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})


def _head(sdoc: Doc, span: Span) -> Token | None:
    """The syntactic head of the tokens `span` covers, or None."""
    chars = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None and len(chars) else None


def candidates(sdoc: Doc, rule: tuple[Span | None, Span | None], phrases: Sequence[Span] | None = None) -> list[Span]:
    """The phrases of a sentence that may be a side: the rules' two spans, then
    :func:`sentence_phrases` (given as `phrases` when already known), without repeats;
    *no span* is not among them."""
    text = syntax.text_of(sdoc)
    out: list[Span] = []
    seen: set[Span] = set()
    ruled = [tidy(text, s) for s in rule if s is not None]
    for span in [*ruled, *(sentence_phrases(sdoc) if phrases is None else phrases)]:
        if span is None or span in seen or span[1] <= span[0]:
            continue
        seen.add(span)
        out.append(span)
    return out


def sentence_phrases(sdoc: Doc) -> list[Span]:
    """Every noun's, name's and pronoun's phrase drawn three ways (the target rules'
    :func:`~detente.coding.extents.phrase_span`, the source rules' whole coordination and
    first conjunct), spaCy's noun chunks and entities, tidied like the rules' spans, in
    order of first appearance, without repeats."""
    text = syntax.text_of(sdoc)
    found: list[Span] = []
    for tok in sdoc:
        if tok.tag_ not in _NOUN_TAGS:
            continue
        found += [phrase_span(tok), full_span(tok)]
        whole = tok.head if tok.dep_ == "poss" and tok.head.i != tok.i else tok  # the phrase full_span draws
        if any(c.dep_ in ("cc", "conj", "appos") for c in whole.rights):
            found.append(full_span(tok, conjuncts=False))  # else the same span
    found += [(c.start_char, c.end_char) for c in sdoc.noun_chunks]
    found += [(e.start_char, e.end_char) for e in sdoc.ents]
    out: list[Span] = []
    seen: set[Span] = set()
    for span in found:
        tidied = tidy(text, span)
        if tidied is None or tidied in seen or tidied[1] <= tidied[0]:
            continue
        seen.add(tidied)
        out.append(tidied)
    return out


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


@dataclass(frozen=True)
class Described:
    """A candidate phrase as the chooser sees it whatever the role: its role-free features,
    head token, whether it names a party, whether a preposition is inside it."""

    names: tuple[str, ...]
    head: Token
    party: bool
    has_prep: bool


@dataclass(frozen=True)
class Sentence:
    """What the chooser reads of one coded sentence: its parse, the rules' (source,
    target) spans, the registry mentions' spans and the lemma function of the parse."""

    sdoc: Doc
    rule: tuple[Span | None, Span | None]
    mentions: tuple[Span, ...]
    lemma: syntax.Lemma
    shared: dict[Span, Described | None] = field(default_factory=dict, compare=False, repr=False)
    """What the phrases are whatever the rules' spans: one dict for every event of a sentence."""
    cameo: str = ""
    """The event's CAMEO root ("" when not known)."""

    @functools.cached_property
    def _root(self) -> tuple[Token | None, str, Token | None]:
        """(the sentence's root, its voice, the event's verb: :meth:`predicate`)."""
        root = next((t for t in self.sdoc if t.head.i == t.i), None)
        passive = root is not None and any(c.dep_ in ("nsubjpass", "auxpass") for c in root.children)
        return root, "passive" if passive else "active", self.predicate()

    @functools.cached_property
    def _paths(self) -> dict[int, tuple[str, ...]]:
        return {}

    def describe(self, span: Span) -> tuple[Described, tuple[str, ...]] | None:
        """What `span` is whatever the role: the features that do not depend on the rules'
        spans (shared by the sentence's events) and those of its path to the event's verb;
        None when it covers no token."""
        if span not in self.shared:
            self.shared[span] = self._describe(span)
        described = self.shared[span]
        if described is None:
            return None
        head = described.head
        if head.i not in self._paths:
            _, voice, pred = self._root
            path = _path(head, pred)
            names = (f"path:{path}", f"path|voice:{path}|{voice}", f"cameo|path:{self.cameo}|{path}")
            if pred is not None:
                names += (f"pred:{self.lemma(pred)}|{path}",)
                if head.dep_ == "pobj":
                    names += (f"pred|prep:{self.lemma(pred)}|{head.head.lower_}",)
            self._paths[head.i] = names
        return described, self._paths[head.i]

    def _describe(self, span: Span) -> Described | None:
        chars = self.sdoc.char_span(span[0], span[1], alignment_mode="expand")
        if chars is None or not len(chars):
            return None
        head = chars.root
        root, voice, _ = self._root
        words = list(chars)
        party = self.party(head, span)
        prep = head.head.lower_ if head.dep_ == "pobj" else "-"
        side = "-" if root is None else ("before" if head.i < root.i else "after")
        out = [
            f"dep:{head.dep_}", f"dep2:{head.dep_}|{head.head.dep_}", f"dep|voice:{head.dep_}|{voice}",
            f"prep:{prep}", f"tag:{head.tag_}", f"ent:{head.ent_type_ or '-'}",
            f"side:{side}", f"side|dep:{side}|{head.dep_}", f"len:{_bucket(len(words), (1, 2, 3, 5, 8))}",
            f"mention:{_overlaps(span, self.mentions)}", f"sector:{self.sector(head)}",
            f"root_child:{root is not None and head.head.i == root.i}",
            f"depth:{_bucket(sum(1 for _ in head.ancestors), (0, 1, 2, 3))}", f"party:{party}",
        ]
        if head.tag_ in ("NN", "NNS"):
            out.append(f"noun:{self.lemma(head)}")
        if head.lower_ in PRONOUNS:
            out.append("pronoun")
        if syntax.is_time_word(head):
            out.append("time")
        if any(t.tag_ in ("NNP", "NNPS") for t in words):
            out.append("proper")
        if any(t.lower_ in ("and", "or") for t in words):
            out.append("coordination")
        if words and words[0].tag_ in ("DT", "PRP$"):
            out.append(f"starts:{words[0].lower_ if words[0].lower_ in ('the', 'a', 'an') else words[0].tag_}")
        if any(t.dep_ in ("relcl", "acl") for t in words):
            out.append("clause_inside")
        return Described(tuple(out), head, party, any(t.dep_ == "prep" for t in words))

    def sector(self, tok: Token) -> bool:
        """`tok` heads a generic sector noun ("police", "opposition supporters")."""
        from detente.coding.arguments import sector_of

        return sector_of(tok, self.lemma) is not None

    def party(self, tok: Token, span: Span) -> bool:
        """The phrase names a party rather than a thing (:func:`~detente.coding.spans.names_party`)."""
        from detente.coding.spans import names_party

        return names_party(tok, span, self.lemma)

    def predicate(self) -> Token | None:
        """The event's verb as the rules' spans show it: the head of the rules' source
        phrase when that is a verb, else of their target's, else the sentence's root."""
        for span in self.rule:
            head = _head(self.sdoc, span) if span is not None else None
            if head is not None and head.head.i != head.i:
                up = head.head.head if head.dep_ == "pobj" else head.head
                if up.pos_ in ("VERB", "AUX"):
                    return up
        return next((t for t in self.sdoc if t.head.i == t.i), None)


def _path(tok: Token, top: Token | None) -> str:
    """Dependency labels from `tok` up to `top` (at most four), or "far"."""
    labels: list[str] = []
    node = tok
    for _ in range(4):
        if top is not None and node.i == top.i:
            return "/".join(labels) or "self"
        if node.head.i == node.i:
            break
        labels.append(node.dep_)
        node = node.head
    if top is not None and node.i == top.i:
        return "/".join(labels)
    return "far"


def features(sent: Sentence, role: str, span: Span | None) -> list[str]:
    """The sparse binary features of `span` (None: *no span*) as the `role` side ("source"
    or "target") of `sent`."""
    mine, other = sent.rule if role == "source" else sent.rule[::-1]
    sdoc = sent.sdoc
    voice = sent._root[1]
    if span is None:
        pred = sent._root[2]
        out = ["none", f"none|rule:{'none' if mine is None else 'some'}", f"none|voice:{voice}",
               f"none|cameo:{sent.cameo}", f"none|pred:{sent.lemma(pred) if pred is not None else '-'}"]
        if mine is not None:
            head = _head(sdoc, mine)
            if head is not None:
                out += [f"none|rule_dep:{head.dep_}", f"none|rule_tag:{head.tag_}",
                        f"none|rule_mention:{_overlaps(mine, sent.mentions)}", f"none|rule_ent:{head.ent_type_ or '-'}",
                        f"none|rule_sector:{sent.sector(head)}"]
        if other is None:
            out.append("none|other_none")
        return out
    found = sent.describe(span)
    if found is None:
        return ["empty"]
    described, path = found
    head = described.head
    relation = "same" if span == mine else (
        "inside" if mine and mine[0] <= span[0] and span[1] <= mine[1] else
        "contains" if mine and span[0] <= mine[0] and mine[1] <= span[1] else
        "overlaps" if mine and span[0] < mine[1] and mine[0] < span[1] else "apart")
    other_rel = "same" if span == other else (
        "overlaps" if other and span[0] < other[1] and other[0] < span[1] else "apart")
    prep = head.head.lower_ if head.dep_ == "pobj" else "-"
    out = [
        *described.names, *path, f"rel:{relation}", f"other:{other_rel}", f"rel|other:{relation}|{other_rel}",
        f"rule:{'none' if mine is None else 'some'}|rel:{relation}", f"prep|rel:{prep}|{relation}",
        f"mention|rel:{_overlaps(span, sent.mentions)}|{relation}", f"party|rel:{described.party}|{relation}",
    ]
    if described.has_prep:
        out.append(f"prep_inside|rel:{relation}")
    if mine is not None and relation != "same":
        mine_head = _head(sdoc, mine)
        if mine_head is not None and mine_head.i == head.i:
            out.append(f"same_head|{'longer' if span[1] - span[0] > mine[1] - mine[0] else 'shorter'}")
    return out


def _overlaps(span: Span, others: Iterable[Span]) -> str:
    hits = [o for o in others if o[0] < span[1] and span[0] < o[1]]
    if not hits:
        return "no"
    return "exact" if span in hits else "part"


@dataclass(frozen=True)
class SpanChooser:
    """Feature weights per role, and what the model was trained on (`meta`)."""

    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]
    meta: dict[str, Any]

    def score(self, role: str, names: Iterable[str]) -> float:
        w = self.weights[role]
        return self.intercepts[role] + sum(w.get(n, 0.0) for n in names)

    def choose(self, sent: Sentence, spans: Sequence[Span] | None = None) -> tuple[Span | None, Span | None]:
        """The (source, target) spans of `sent`, re-decided among its phrases (`spans`, by
        default :func:`candidates`): the best-scoring pair whose two sides are not the
        same phrase, unless the rules made it both (span convention *joint sides*)."""
        if spans is None:
            spans = candidates(sent.sdoc, sent.rule)
        options: list[Span | None] = [None, *spans]
        scored = {role: [(self.score(role, features(sent, role, span)), k) for k, span in enumerate(options)]
                  for role in ROLES}
        joint = sent.rule[0] is not None and sent.rule[0] == sent.rule[1]
        best: tuple[float, int, int] | None = None
        for s_score, i in sorted(scored["source"], key=lambda x: (-x[0], x[1])):
            for t_score, j in sorted(scored["target"], key=lambda x: (-x[0], x[1])):
                if i == j and i != 0 and not (joint and options[i] == sent.rule[0]):
                    continue  # one phrase on both sides, which the rules did not make so
                if best is None or s_score + t_score > best[0]:
                    best = (s_score + t_score, i, j)
                break  # the best target that fits this source
        assert best is not None  # "no span" fits any source
        return options[best[1]], options[best[2]]

    def to_json(self) -> str:
        body = {"version": MODEL_VERSION, "meta": self.meta, "intercepts": self.intercepts,
                "weights": {r: dict(sorted(w.items())) for r, w in self.weights.items()}}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).replace('},"', '},\n"')

    @classmethod
    def from_json(cls, text: str, where: str) -> SpanChooser:
        try:
            data = json.loads(text)
            if data.get("version") != MODEL_VERSION:
                raise ModelError(f"{where}: span chooser version {data.get('version')!r}, expected {MODEL_VERSION}",
                                 hint="re-train it: python benchmarks/coding_dyad.py --write-model")
            return cls({r: {k: float(v) for k, v in data["weights"][r].items()} for r in ROLES},
                       {r: float(data["intercepts"][r]) for r in ROLES}, dict(data.get("meta") or {}))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"{where}: not a span chooser model ({exc})",
                             hint="re-train it: python benchmarks/coding_dyad.py --write-model") from exc


@functools.lru_cache(maxsize=1)
def shipped() -> SpanChooser:
    """The model shipped in the package data (trained on ConfliBERT's dyad train split)."""
    ref = resources.files("detente.coding").joinpath(MODEL_FILE)
    return SpanChooser.from_json(ref.read_text(encoding="utf-8"), f"detente/coding/{MODEL_FILE}")


def load(path: Path) -> SpanChooser:
    """A span chooser model from a JSON file written by :meth:`SpanChooser.to_json`."""
    return SpanChooser.from_json(path.read_text(encoding="utf-8"), str(path))


@dataclass(frozen=True)
class Example:
    """One sentence for training: what the chooser reads, its candidates, and the gold
    spans per role as a test on a candidate (`gold(role, span)`; span None: the gold
    marks no such side)."""

    sentence: Sentence
    spans: tuple[Span, ...]
    gold: Callable[[str, Span | None], bool]


def fit(examples: Sequence[Example], *, c: float = C, meta: dict[str, Any] | None = None) -> SpanChooser:
    """Train a chooser: per role, a logistic regression over every candidate of every
    example (label: the candidate is a gold span of the role; *no span*: the gold marks
    none). Needs scikit-learn."""
    from detente.optional import require

    require("sklearn", extra="classifier", purpose="Training the span chooser")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    weights: dict[str, dict[str, float]] = {}
    intercepts: dict[str, float] = {}
    for role in ROLES:
        rows: list[dict[str, float]] = []
        labels: list[int] = []
        for ex in examples:
            for span in (None, *ex.spans):
                rows.append({n: 1.0 for n in features(ex.sentence, role, span)})
                labels.append(int(ex.gold(role, span)))
        vec = DictVectorizer(sort=True)
        x = vec.fit_transform(rows)
        model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
        model.fit(x, labels)
        names = vec.get_feature_names_out()
        weights[role] = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= 5e-5}
        intercepts[role] = round(float(model.intercept_[0]), 4)
    return SpanChooser(weights, intercepts, dict(meta or {}, C=c, examples=len(examples)))


def resolve(chooser: Any, *, lazy: bool = False) -> SpanChooser | str | None:
    """The chooser a :class:`~detente.coding.coder.Coder` setting stands for: "shipped",
    a :class:`SpanChooser`, a path to a saved one (read at once, so that a bad file fails
    before any work), or None (the span rules alone). With `lazy`, "shipped" is returned
    as it is, for a later :func:`resolve` to read on first use."""
    if chooser is None or isinstance(chooser, SpanChooser):
        return chooser
    if chooser == "shipped":
        return chooser if lazy else shipped()
    if isinstance(chooser, (str, Path)):
        path = Path(chooser)
        if not path.is_file():
            raise InputError(f"span chooser {str(path)!r}: no such file", field="span_chooser",
                             hint='give "shipped", None (the span rules alone) or a JSON file written by '
                                  'SpanChooser.to_json')
        return load(path)
    raise InputError(f"span_chooser must be \"shipped\", None, a SpanChooser or a path, not {chooser!r}",
                     field="span_chooser", hint='give "shipped" (the default) or None for the span rules alone')


def rechoose(chooser: SpanChooser, found: Sequence[Any], sdoc: Doc, ctx: Context, lemma: syntax.Lemma) -> list[Any]:
    """`found` (a sentence's :class:`~detente.coding.coder.SentenceResult` list) with each
    event's spans re-decided by `chooser`, the rules' spans as its evidence."""
    mentions = tuple((m.start, m.end) for m in ctx.mentions)
    phrases = sentence_phrases(sdoc)
    shared: dict[Span, Described | None] = {}
    out = []
    for result in found:
        rule = (result.source_span, result.target_span)
        sent = Sentence(sdoc, rule, mentions, lemma, shared, cameo=result.event.cameo[:2])
        src, tgt = chooser.choose(sent, candidates(sdoc, rule, phrases))
        out.append(replace(result, source_span=src, target_span=tgt))
    return out
