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
  so coding does not import scikit-learn for it; training (:func:`fit`) needs
  scikit-learn (the ``classifier`` extra).
- Trained only on ConfliBERT's public dyad TRAIN split
  (``confli_cameo_dyad_train.txt``); its test split is never read. The file records
  the training data's SHA-256, the sentence count and ``C``; benchmarks/coding_dyad.py
  writes it (``--write-model``) and reports its cross-validated figures
  (benchmarks/results/coding_dyad.md).
- Deterministic: features are sorted, the solver (lbfgs) is deterministic, ties go to
  the earlier candidate.
- Speed (it runs on every event of the Python API and of ``--partial``): the parse is read
  once into a token table, each span's tokens once; a phrase's sector and party, the
  costliest features, are worked out only for phrases whose score bounds leave them a
  chance to be chosen (:meth:`SpanChooser._scores`). The pair is the one scoring every
  option picks (:meth:`SpanChooser.choose_scoring_all`; a test checks it);
  benchmarks/coding_speed.py times the two side by side.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from itertools import repeat
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
_SLACK = 1e-9
"""How far :meth:`SpanChooser._scores` widens a score's bounds: far more than a sum of some
forty weights can move when its terms are added in another order."""


def candidates(sdoc: Doc, rule: tuple[Span | None, Span | None], phrases: Sequence[Span] | None = None,
               text: str | None = None) -> list[Span]:
    """The phrases of a sentence that may be a side: the rules' two spans, then
    :func:`sentence_phrases` (given as `phrases` when already known), without repeats;
    *no span* is not among them. `text` is the parse's text when known (else read off it)."""
    text = syntax.text_of(sdoc) if text is None else text
    out: list[Span] = []
    seen: set[Span] = set()
    ruled = [tidy(text, s) for s in rule if s is not None]
    for span in [*ruled, *(sentence_phrases(sdoc) if phrases is None else phrases)]:
        if span is None or span in seen or span[1] <= span[0]:
            continue
        seen.add(span)
        out.append(span)
    return out


def sentence_phrases(sdoc: Doc, text: str | None = None) -> list[Span]:
    """Every noun's, name's and pronoun's phrase drawn three ways (the target rules'
    :func:`~detente.coding.extents.phrase_span`, the source rules' whole coordination and
    first conjunct), spaCy's noun chunks and entities, tidied like the rules' spans, in
    order of first appearance, without repeats. `text` is the parse's text when known."""
    text = syntax.text_of(sdoc) if text is None else text
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
    """A candidate phrase as the chooser sees it whatever the role: its role-free features
    around two that cost the most to work out (whether its head is a sector noun, whether
    it names a party: :meth:`names`), its head token and span, whether a preposition is
    inside it."""

    before: tuple[str, ...]
    between: tuple[str, ...]
    after: tuple[str, ...]
    head: Token
    span: Span
    has_prep: bool

    def names(self, sector: bool | None, party: bool | None) -> tuple[str, ...]:
        """The role-free features, in the order of the model's sum; a value None gives a
        name the model has no weight for (for :meth:`SpanChooser.choose`'s bounds)."""
        return (*self.before, f"sector:{sector}", *self.between, f"party:{party}", *self.after)


@dataclass(frozen=True)
class _Table:
    """Per token of the parse, by index: fine tag, dependency label, lower-case text and the
    index of its head; the spaCy token itself, its entity type and its depth (the number of
    its ancestors) on first use.

    Read from spaCy once per sentence (one ``Doc.to_array`` call): the features of a dozen
    candidates and of every event then look up plain tuples instead of making a spaCy
    token at each attribute read (``tok.head.dep_`` makes one; a walk up the tree one per
    step)."""

    sdoc: Doc
    tag: tuple[str, ...]
    dep: tuple[str, ...]
    lower: tuple[str, ...]
    head: tuple[int, ...]
    tokens: dict[int, Token] = field(default_factory=dict, compare=False, repr=False)
    depths: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def read(cls, sdoc: Doc) -> _Table:
        from spacy.attrs import DEP, HEAD, LOWER, TAG

        if not len(sdoc):
            return cls(sdoc, (), (), (), ())
        tags, deps, lowers, offsets = zip(*sdoc.to_array([TAG, DEP, LOWER, HEAD]).tolist())
        known = _STRINGS
        for key in {*tags, *deps, *lowers}.difference(known):
            known[key] = sdoc.vocab.strings[key] if key else ""
        head = tuple(i + (o if o < 2**63 else o - 2**64) for i, o in enumerate(offsets))  # offsets, stored unsigned
        return cls(sdoc, tuple(map(known.__getitem__, tags)), tuple(map(known.__getitem__, deps)),
                   tuple(map(known.__getitem__, lowers)), head)

    def token(self, i: int) -> Token:
        """The spaCy token `i`, made once."""
        tok = self.tokens.get(i)
        if tok is None:
            tok = self.tokens[i] = self.sdoc[i]
        return tok

    def ent(self, i: int) -> str:
        """Token `i`'s entity type ("" outside entities)."""
        return self.token(i).ent_type_

    def depth(self, i: int) -> int:
        """The number of token `i`'s ancestors (as many as ``Token.ancestors`` yields: at most the sentence's length)."""
        found = self.depths.get(i)
        if found is None:
            found, node, n = 0, i, len(self.head)
            while self.head[node] != node and found < n:
                node = self.head[node]
                found += 1
            self.depths[i] = found
        return found


_STRINGS: dict[int, str] = {}
"""spaCy string ids (hashes of the strings, the same in every vocabulary) -> strings, as read."""


@dataclass
class Shared:
    """What one parse is whatever the event and its rules' spans, worked out once for all
    the events of a sentence (and both roles): the token table, each phrase's role-free
    description, the tokens and head each span covers, the sentence's root and voice, and
    per token whether it heads a sector noun or names an actor."""

    described: dict[Span, Described | None] = field(default_factory=dict)
    chars: dict[Span, tuple[int, int, int] | None] = field(default_factory=dict)
    root: tuple[int | None, str] | None = None
    sector: dict[int, bool] = field(default_factory=dict)
    actor: dict[int, bool] = field(default_factory=dict)
    party: dict[Span, bool] = field(default_factory=dict)
    by_head: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    table: _Table | None = None


@dataclass(frozen=True)
class Sentence:
    """What the chooser reads of one coded sentence: its parse, the rules' (source,
    target) spans, the registry mentions' spans and the lemma function of the parse."""

    sdoc: Doc
    rule: tuple[Span | None, Span | None]
    mentions: tuple[Span, ...]
    lemma: syntax.Lemma
    shared: Shared = field(default_factory=Shared, compare=False, repr=False)
    """What the parse is whatever the rules' spans: one for every event of a sentence."""
    cameo: str = ""
    """The event's CAMEO root ("" when not known)."""

    @functools.cached_property
    def table(self) -> _Table:
        """The parse's token table (:class:`_Table`), read once for all the sentence's events."""
        table = self.shared.table
        if table is None:
            table = self.shared.table = _Table.read(self.sdoc)
        return table

    @functools.cached_property
    def _root(self) -> tuple[Token | None, str, Token | None]:
        """(the sentence's root, its voice, the event's verb: :meth:`predicate`)."""
        table = self.table
        if self.shared.root is None:
            heads = table.head
            root = next((i for i, h in enumerate(heads) if h == i), None)
            passive = root is not None and any(
                h == root and i != root and table.dep[i] in ("nsubjpass", "auxpass") for i, h in enumerate(heads))
            self.shared.root = (root, "passive" if passive else "active")
        root_i, voice = self.shared.root
        root = None if root_i is None else table.token(root_i)
        return root, voice, self.predicate(root)

    @functools.cached_property
    def _paths(self) -> dict[int, tuple[str, ...]]:
        return {}

    def describe(self, span: Span) -> tuple[Described, tuple[str, ...]] | None:
        """What `span` is whatever the role: the features that do not depend on the rules'
        spans (shared by the sentence's events) and those of its path to the event's verb;
        None when it covers no token."""
        described_ = self.shared.described
        if span not in described_:
            described_[span] = self._describe(span)
        described = described_[span]
        if described is None:
            return None
        head = described.head
        if head.i not in self._paths:
            _, voice, pred = self._root
            table = self.table
            path = _path(table, head.i, None if pred is None else pred.i)
            names = (f"path:{path}", f"path|voice:{path}|{voice}", f"cameo|path:{self.cameo}|{path}")
            if pred is not None:
                names += (f"pred:{self.lemma(pred)}|{path}",)
                if table.dep[head.i] == "pobj":
                    names += (f"pred|prep:{self.lemma(pred)}|{table.lower[table.head[head.i]]}",)
            self._paths[head.i] = names
        return described, self._paths[head.i]

    def tokens(self, span: Span) -> tuple[int, int, int] | None:
        """(first token, end token, head token) of what `span` covers, as spaCy's
        ``char_span(..., alignment_mode="expand")`` and its root find them; None when it
        covers no token. Once per span."""
        known = self.shared.chars
        if span in known:
            return known[span]
        chars = self.sdoc.char_span(span[0], span[1], alignment_mode="expand")
        found = known[span] = (chars.start, chars.end, chars.root.i) if chars is not None and len(chars) else None
        return found

    def _describe(self, span: Span) -> Described | None:
        covered = self.tokens(span)
        if covered is None:
            return None
        start, end, head_i = covered
        table = self.table
        head = table.token(head_i)
        by_head = self._head_names(head_i)
        tags = table.tag[start:end]
        deps = table.dep[start:end]
        lowers = table.lower[start:end]
        before = (*by_head[0], f"len:{_bucket(end - start, (1, 2, 3, 5, 8))}", f"mention:{_overlaps(span, self.mentions)}")
        after = list(by_head[2])
        if "NNP" in tags or "NNPS" in tags:
            after.append("proper")
        if "and" in lowers or "or" in lowers:
            after.append("coordination")
        if tags and tags[0] in ("DT", "PRP$"):
            after.append(f"starts:{lowers[0] if lowers[0] in ('the', 'a', 'an') else tags[0]}")
        if "relcl" in deps or "acl" in deps:
            after.append("clause_inside")
        return Described(before, by_head[1], tuple(after), head, span, "prep" in deps)

    def _head_names(self, i: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The features of a phrase that depend on its head (token `i`) alone, once per head,
        in three groups (the phrase's own features and the head's sector go between them:
        the order of the names is the order of the model's sum)."""
        known = self.shared.by_head.get(i)
        if known is not None:
            return known
        root, voice, _ = self._root
        table = self.table
        dep, up = table.dep[i], table.head[i]
        prep = table.lower[up] if dep == "pobj" else "-"
        side = "-" if root is None else ("before" if i < root.i else "after")
        first = (
            f"dep:{dep}", f"dep2:{dep}|{table.dep[up]}", f"dep|voice:{dep}|{voice}",
            f"prep:{prep}", f"tag:{table.tag[i]}", f"ent:{table.ent(i) or '-'}",
            f"side:{side}", f"side|dep:{side}|{dep}",
        )
        head = table.token(i)
        second = (f"root_child:{root is not None and up == root.i}", f"depth:{_bucket(table.depth(i), (0, 1, 2, 3))}")
        third: tuple[str, ...] = ()
        if table.tag[i] in ("NN", "NNS"):
            third += (f"noun:{self.lemma(head)}",)
        if table.lower[i] in PRONOUNS:
            third += ("pronoun",)
        if syntax.is_time_word(head):
            third += ("time",)
        known = self.shared.by_head[i] = (first, second, third)
        return known

    def sector(self, tok: Token) -> bool:
        """`tok` heads a generic sector noun ("police", "opposition supporters")."""
        from detente.coding.sector_words import sector_of

        known = self.shared.sector.get(tok.i)
        if known is None:
            known = self.shared.sector[tok.i] = sector_of(tok, self.lemma) is not None
        return known

    def names_actor(self, tok: Token) -> bool:
        """:func:`~detente.coding.spans.names_actor` of `tok`, once per token."""
        from detente.coding.spans import names_actor

        known = self.shared.actor.get(tok.i)
        if known is None:
            known = self.shared.actor[tok.i] = names_actor(tok, self.lemma)
        return known

    def party(self, tok: Token, span: Span) -> bool:
        """The phrase names a party rather than a thing (:func:`~detente.coding.spans.names_party`); once per span."""
        from detente.coding.spans import names_party

        known = self.shared.party.get(span)
        if known is None:
            known = self.shared.party[span] = names_party(tok, span, self.lemma, actor=self.names_actor)
        return known

    def head(self, span: Span) -> Token | None:
        """The syntactic head of the tokens `span` covers, or None; once per span."""
        covered = self.tokens(span)
        return None if covered is None else self.table.token(covered[2])

    def predicate(self, root: Token | None = None) -> Token | None:
        """The event's verb as the rules' spans show it: the head of the rules' source
        phrase when that is a verb, else of their target's, else the sentence's root
        (`root` when known)."""
        table = self.table
        for span in self.rule:
            covered = self.tokens(span) if span is not None else None
            if covered is not None:
                i = covered[2]
                if table.head[i] != i:
                    up = table.head[table.head[i]] if table.dep[i] == "pobj" else table.head[i]
                    verb = table.token(up)
                    if verb.pos_ in ("VERB", "AUX"):
                        return verb
        if root is not None:
            return root
        return next((table.token(i) for i, h in enumerate(table.head) if h == i), None)


def _path(table: _Table, i: int, top: int | None) -> str:
    """Dependency labels from token `i` up to token `top` (at most four), or "far"."""
    labels: list[str] = []
    node = i
    heads = table.head
    for _ in range(4):
        if node == top:
            return "/".join(labels) or "self"
        if heads[node] == node:
            break
        labels.append(table.dep[node])
        node = heads[node]
    if node == top:
        return "/".join(labels)
    return "far"


def features(sent: Sentence, role: str, span: Span | None) -> list[str]:
    """The sparse binary features of `span` (None: *no span*) as the `role` side ("source"
    or "target") of `sent`."""
    if span is None:
        return _none_features(sent, role)
    found = sent.describe(span)
    if found is None:
        return ["empty"]
    described = found[0]
    return _span_features(sent, role, found, sent.sector(described.head), sent.party(described.head, span))[0]


def _none_features(sent: Sentence, role: str) -> list[str]:
    """The features of *no span* as the `role` side."""
    mine, other = sent.rule if role == "source" else sent.rule[::-1]
    voice, pred = sent._root[1], sent._root[2]
    out = ["none", f"none|rule:{'none' if mine is None else 'some'}", f"none|voice:{voice}",
           f"none|cameo:{sent.cameo}", f"none|pred:{sent.lemma(pred) if pred is not None else '-'}"]
    if mine is not None:
        head = sent.head(mine)
        if head is not None:
            table = sent.table
            out += [f"none|rule_dep:{table.dep[head.i]}", f"none|rule_tag:{table.tag[head.i]}",
                    f"none|rule_mention:{_overlaps(mine, sent.mentions)}", f"none|rule_ent:{table.ent(head.i) or '-'}",
                    f"none|rule_sector:{sent.sector(head)}"]
    if other is None:
        out.append("none|other_none")
    return out


def _span_features(sent: Sentence, role: str, found: tuple[Described, tuple[str, ...]], sector: bool | None,
                   party: bool | None) -> tuple[list[str], str]:
    """The features of a described phrase as the `role` side, with the phrase's sector and
    party as given (None: unknown, named so that the model has no weight for them), and
    the phrase's relation to the rules' span of the role."""
    described, path = found
    span = described.span
    mine, other = sent.rule if role == "source" else sent.rule[::-1]
    head_i = described.head.i
    table = sent.table
    relation = "same" if span == mine else (
        "inside" if mine and mine[0] <= span[0] and span[1] <= mine[1] else
        "contains" if mine and span[0] <= mine[0] and mine[1] <= span[1] else
        "overlaps" if mine and span[0] < mine[1] and mine[0] < span[1] else "apart")
    other_rel = "same" if span == other else (
        "overlaps" if other and span[0] < other[1] and other[0] < span[1] else "apart")
    prep = table.lower[table.head[head_i]] if table.dep[head_i] == "pobj" else "-"
    out = [
        *described.names(sector, party), *path, f"rel:{relation}", f"other:{other_rel}", f"rel|other:{relation}|{other_rel}",
        f"rule:{'none' if mine is None else 'some'}|rel:{relation}", f"prep|rel:{prep}|{relation}",
        f"mention|rel:{_overlaps(span, sent.mentions)}|{relation}", f"party|rel:{party}|{relation}",
    ]
    if described.has_prep:
        out.append(f"prep_inside|rel:{relation}")
    if mine is not None and relation != "same":
        covered = sent.tokens(mine)
        if covered is not None and covered[2] == head_i:
            out.append(f"same_head|{'longer' if span[1] - span[0] > mine[1] - mine[0] else 'shorter'}")
    return out, relation


def _overlaps(span: Span, others: Iterable[Span]) -> str:
    hit = False
    for o in others:
        if o[0] < span[1] and span[0] < o[1]:
            if o == span:
                return "exact"
            hit = True
    return "part" if hit else "no"


def _best_first(scored: tuple[float, int]) -> tuple[float, int]:
    """Sort key of (score, candidate index): highest score first, ties to the earlier candidate."""
    return -scored[0], scored[1]


@dataclass(frozen=True)
class SpanChooser:
    """Feature weights per role, and what the model was trained on (`meta`)."""

    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]
    meta: dict[str, Any]

    def score(self, role: str, names: Iterable[str]) -> float:
        return self.intercepts[role] + sum(map(self.weights[role].get, names, repeat(0.0)))

    def choose(self, sent: Sentence, spans: Sequence[Span] | None = None) -> tuple[Span | None, Span | None]:
        """The (source, target) spans of `sent`, re-decided among its phrases (`spans`, by
        default :func:`candidates`): the best-scoring pair whose two sides are not the
        same phrase, unless the rules made it both (span convention *joint sides*)."""
        if spans is None:
            spans = candidates(sent.sdoc, sent.rule)
        options: list[Span | None] = [None, *spans]
        return self._pick(sent, options, self._scores(sent, options))

    def _pick(self, sent: Sentence, options: Sequence[Span | None],
              scored: dict[str, list[tuple[float, int]]]) -> tuple[Span | None, Span | None]:
        """The best-scoring pair of options whose two sides are not one phrase (unless the
        rules made it both); ties go to the earlier option."""
        joint = sent.rule[0] is not None and sent.rule[0] == sent.rule[1]
        targets = sorted(scored["target"], key=_best_first)
        best: tuple[float, int, int] | None = None
        for s_score, i in sorted(scored["source"], key=_best_first):
            for t_score, j in targets:
                if i == j and i != 0 and not (joint and options[i] == sent.rule[0]):
                    continue  # one phrase on both sides, which the rules did not make so
                if best is None or s_score + t_score > best[0]:
                    best = (s_score + t_score, i, j)
                break  # the best target that fits this source
        assert best is not None  # "no span" fits any source
        return options[best[1]], options[best[2]]

    def choose_scoring_all(self, sent: Sentence, spans: Sequence[Span] | None = None) -> tuple[Span | None, Span | None]:
        """What :meth:`choose` picks, by the definition: every option scored in full by
        :func:`features` (which works out every phrase's sector and party). Slower; for
        the tests and the benchmark that compare the two."""
        if spans is None:
            spans = candidates(sent.sdoc, sent.rule)
        options: list[Span | None] = [None, *spans]
        scored = {role: [(self.score(role, features(sent, role, span)), k) for k, span in enumerate(options)]
                  for role in ROLES}
        return self._pick(sent, options, scored)

    def _scores(self, sent: Sentence, options: Sequence[Span | None]) -> dict[str, list[tuple[float, int]]]:
        """(score, index) of every option per role, as :func:`features` and :meth:`score`
        give it for every option that can be part of the chosen pair.

        Whether a phrase's head is a sector noun and whether it names a party cost the most
        to work out (:func:`~detente.coding.sector_words.sector_of`,
        :func:`~detente.coding.spans.names_party`) and move a score by at most three
        weights. So each phrase is first scored without them, between the lowest and the
        highest they can add; then they are worked out only for a phrase that can still be
        chosen: as a target, if it can reach the second-best target's lowest score (the
        best target that fits any source is one of the two best); as a source, if with the
        best target it can reach the lowest sum the best pair is sure to have. The others
        (most phrases) can be neither, whatever their sector and party, and are left out
        (score -inf). The chosen pair is the one scoring every option would choose: the
        bounds are widened by :data:`_SLACK` for the order of the sum.
        """
        exact: dict[str, dict[int, float]] = {role: {} for role in ROLES}
        bounds: dict[str, dict[int, tuple[float, float]]] = {role: {} for role in ROLES}
        found_of: dict[int, tuple[Described, tuple[str, ...]]] = {}
        drafts: dict[tuple[str, int], tuple[list[str], str]] = {}  # an open option's names per role, and its relation
        shared = sent.shared
        for k, span in enumerate(options):
            found = sent.describe(span) if span is not None else None
            if found is None:
                for role in ROLES:
                    exact[role][k] = self.score(role, ["empty"] if span is not None else _none_features(sent, role))
                continue
            described = found[0]
            sector, party = shared.sector.get(described.head.i), shared.party.get(described.span)
            for role in ROLES:
                names, relation = _span_features(sent, role, found, sector, party)
                value = self.score(role, names)
                if sector is not None and party is not None:
                    exact[role][k] = value
                    continue
                w = self.weights[role]
                s_lo = s_hi = p_lo = p_hi = 0.0
                if sector is None:
                    yes, no = w.get("sector:True", 0.0), w.get("sector:False", 0.0)
                    s_lo, s_hi = min(yes, no), max(yes, no)
                if party is None:
                    yes = w.get("party:True", 0.0) + w.get(f"party|rel:True|{relation}", 0.0)
                    no = w.get("party:False", 0.0) + w.get(f"party|rel:False|{relation}", 0.0)
                    p_lo, p_hi = min(yes, no), max(yes, no)
                bounds[role][k] = (value + s_lo + p_lo - _SLACK, value + s_hi + p_hi + _SLACK)
                drafts[role, k] = (names, relation)
                found_of[k] = found
        if found_of:
            lows = {role: [*exact[role].values(), *(b[0] for b in bounds[role].values())] for role in ROLES}
            second = sorted(lows["target"], reverse=True)[1] if len(lows["target"]) > 1 else -math.inf
            top_target = max([*exact["target"].values(), *(b[1] for b in bounds["target"].values())])
            floor = max(lows["source"]) + second  # the best pair scores at least this
            for k, found in found_of.items():
                if bounds["target"][k][1] >= second or bounds["source"][k][1] + top_target >= floor:
                    described, path = found
                    sector, party = sent.sector(described.head), sent.party(described.head, described.span)
                    at_sector = len(described.before)
                    at_party = at_sector + 1 + len(described.between)
                    at_party_rel = at_party + 1 + len(described.after) + len(path) + 6  # see _span_features
                    for role in ROLES:
                        names, relation = drafts[role, k]
                        names = list(names)  # the same names with the two values filled in
                        names[at_sector], names[at_party] = f"sector:{sector}", f"party:{party}"
                        names[at_party_rel] = f"party|rel:{party}|{relation}"
                        exact[role][k] = self.score(role, names)
                else:
                    for role in ROLES:
                        exact[role][k] = -math.inf
        return {role: [(exact[role][k], k) for k in range(len(options))] for role in ROLES}

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


def rechoose(chooser: SpanChooser, found: Sequence[Any], sdoc: Doc, ctx: Context, lemma: syntax.Lemma, *,
             scoring_all: bool = False) -> list[Any]:
    """`found` (a sentence's :class:`~detente.coding.sentence_result.SentenceResult` list) with each
    event's spans re-decided by `chooser`, the rules' spans as its evidence (with
    `scoring_all`, by :meth:`SpanChooser.choose_scoring_all`: the same spans, slower; for
    the benchmark)."""
    mentions = tuple((m.start, m.end) for m in ctx.mentions)
    text = syntax.text_of(sdoc)  # once: the coder re-chooses after reading a block, when spaCy may rebuild it
    phrases = sentence_phrases(sdoc, text)
    shared = Shared()
    out = []
    for result in found:
        rule = (result.source_span, result.target_span)
        sent = Sentence(sdoc, rule, mentions, lemma, shared, cameo=result.event.cameo[:2])
        choose = chooser.choose_scoring_all if scoring_all else chooser.choose
        src, tgt = choose(sent, candidates(sdoc, rule, phrases, text))
        out.append(replace(result, source_span=src, target_span=tgt))
    return out
