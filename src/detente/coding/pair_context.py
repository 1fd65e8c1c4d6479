"""Context pairs: candidates of the pair model whose one side the sentence names and whose other side only
an earlier sentence of the page (or its headline) named.

The pair model (:mod:`detente.coding.pair_model`) decides over the pairs of actors a sentence names
(:func:`~detente.coding.pair_model.pair_candidates`), so an event whose side the sentence leaves to a
pronoun ("It later expelled ..."), an office ("The ministry said ..."), a pair phrase ("the two sides
agreed ...") or to nothing at all is out of its reach. Session 17 counted 2,130 sides of missed gold events
that the sentence does not name, 1,946 of them named earlier on the page
(benchmarks/results/coding_unnamed_sides.md), and no single hand rule read them well enough ("It" is the
latest actor 18 times of 30, an office alone 31 of 64). This module gives the model those sides as
candidates and lets it weigh the weak cues together, as a learned mention-pair coreference model does
(Soon, Ng & Lim 2001, "A machine learning approach to coreference resolution of noun phrases",
Computational Linguistics 27(4): recency, grammatical role and the form of the referring phrase as
features of a pairwise classifier).

For one sentence (:func:`read_view`, once, from its parse) and the page read so far (:class:`PageActor`:
the last distinct countries named before it, latest first, :func:`page_actors`), the context candidates
(:func:`context_candidates`) are the ordered pairs (named, earlier) and (earlier, named) of one country the
sentence names and one of the last `k` countries the page named before it that the sentence does not name,
described by the sentence's own features (those every pair of it shares, and the named side's lexical
window) and by their own, each name starting with ``ctx``: the earlier actor's recency rank, whether it was
a side of the previous sentence's events (the rules'), whether it is a person,
the sentence's subject with no actor (:func:`subject_gap`: a pronoun, a pair phrase, an office noun, a
possessive pronoun inside it, a passive without an agent, none), the named side's role (subject, object,
other), the sentence's predicate class (the pattern lexicon's CAMEO class of its root verb), and which side
the earlier actor takes, crossed with the others.

Measured (session 18; benchmarks/results/coding_context_pairs.md). The reachable class on the training sets
(8,661 news gold events, sentence-mode rows): 1,585 have one side the sentence names and the other not, 1,442
of them the page named before (the rules code none of them), 828 / 1,161 / 1,315 / 1,401 among the last 1 / 2 /
3 / 5 countries. With K 3 (fixed before the run: 41,768 context pairs, 1,247 a gold event), nested out of fold
on the same folds as the static model (``SHIPPED_MODE``): F1 over the static model +0.002 [-0.002, +0.007]
pooled, 48 context events added, 21 right (precision 0.44 against the coder's 0.60); no-event news sentences
left uncoded 6,001 against 6,007 of 6,755. On news_dev11 (not trained on; page mode), trained once on every
training set: 0.358 against the static model's 0.369, -0.011 [-0.022, -0.001] paired by page. With an add
threshold of their own (chosen inside the folds after the others; ``--context-own-threshold``), out of fold: 35
context events added, 14 right; +0.011 [+0.004, +0.018] over the rules where the static model gains +0.007
(not scored on news_dev11: that set was scored once). No gain: no
model uses them by default; ``--context-pairs K`` keeps them switchable in the benchmark.

Choices
-------
- One mention per named country: of its mentions, the one highest in the parse (fewest arcs to the root;
  ties to the earlier): the subject "Russia" rather than a "Russian" inside an object phrase.
- Countries, not actors, are the unit of recency (the scorer compares countries); an earlier actor is the
  latest mention of its country, with its code and text, marked ``fallback`` (taken from elsewhere in
  the text, not found through the parse), and its side has no span in the sentence.
- The previous sentence's sides are read off the rules' complete events given to the model (before the
  model's own decision), as the training rows record them: the same input at training and coding.
- Partial rule events (a side "---") are not read: the benchmark's rows do not hold them (the coder drops
  them before the model unless asked to keep them), and a feature the training never sees would be noise.
- A sentence naming no country gets no context pair (both sides would be guesses), nor does a page actor
  of the ``---`` country or one the sentence names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from detente.coding import pair_model as pm
from detente.coding import syntax
from detente.coding.sentence_result import SentenceResult

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    from spacy.tokens import Doc

    from detente.coding.context import Actor, Context

PRONOUNS = frozenset("it they he she we this that these those".split())
"""Subject words that point back to an actor named before."""
POSSESSIVES = frozenset("its their his her our".split())
PAIR_WORDS = frozenset("sides countries nations parties leaders governments neighbours neighbors capitals".split())
"""Plural heads of a pair phrase ("the two sides", "both countries")."""
OFFICES = frozenset(
    "ministry government president minister spokesman spokeswoman spokesperson official officials army military "
    "embassy administration country nation state kingdom republic leader leadership cabinet parliament diplomat "
    "diplomats ambassador envoy delegation regime authorities navy premier chancellor office department".split())
"""Subject nouns that name an office or an institution without saying whose."""
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True)
class Named:
    """A country the sentence names, through one mention: the actor, its span in the sentence, its head's
    token index, its coarse role (``subj``, ``obj``, ``other``) and its fine one (:meth:`Parse.role`), and the
    lexical window words around it (the pair model's "window" group, without the side)."""

    country: str
    actor: Actor
    span: tuple[int, int]
    head: int
    role: str
    fine: str
    window: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """What the context candidates read of one sentence, read once from its parse (:func:`read_view`):
    the countries it names, the features every pair of it shares, its subject gap, its predicate
    class and the rules' complete events (their country pairs and roots)."""

    named: tuple[Named, ...]
    shared: tuple[str, ...]
    gap: str
    passive: bool
    predicate: str
    rule_keys: tuple[tuple[str, str, str], ...]

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(n.country for n in self.named)


@dataclass(frozen=True)
class PageActor:
    """A country the page named before the sentence: its latest actor, its recency rank (1: the latest
    distinct country), whether it was a side of the previous sentence's rule events."""

    country: str
    actor: Actor
    rank: int
    previous_side: bool


def _subtree(parse: pm.Parse, i: int) -> set[int]:
    return {t for t in range(len(parse.head)) if i in parse.ancestors(t)}


def subject_gap(parse: pm.Parse, heads: Sequence[int]) -> tuple[str, bool]:
    """The kind of the main verb's subject when no actor is named in it, and whether the verb is a
    passive without an agent: ``named`` (a mention's head lies in the subject), ``pronoun:it`` (and the
    other :data:`PRONOUNS`), ``possessive`` ("its ministry"), ``pair`` ("the two sides"), ``office`` ("the
    ministry"), ``other``, ``none`` (no subject). `heads`: the token indices of the sentence's mentions' heads."""
    roots = [t for t, h in enumerate(parse.head) if h == t]
    if not roots:
        return "none", False
    root = next((t for t in roots if parse.pos[t] in ("VERB", "AUX") or parse.tag[t].startswith("VB")), roots[0])
    kids = parse.children(root)
    subjects = [c for c in kids if parse.dep[c] in SUBJECTS]
    passive = any(parse.dep[c] in ("nsubjpass", "auxpass") for c in kids) and not any(parse.dep[c] == "agent"
                                                                                    for c in kids)
    if not subjects:
        return "none", passive
    s = subjects[0]
    inside = _subtree(parse, s)
    if any(h in inside for h in heads):
        return "named", passive
    if parse.lower[s] in PRONOUNS:
        return f"pronoun:{parse.lower[s]}", passive
    words = {parse.lower[t] for t in inside}
    if words & POSSESSIVES:
        return "possessive", passive
    if parse.lower[s] in PAIR_WORDS and words & {"two", "both", "the"}:
        return "pair", passive
    if parse.word[s] in OFFICES or parse.lower[s] in OFFICES:
        return "office", passive
    return "other", passive


def _coarse(parse: pm.Parse, head: int, root_subjects: set[int]) -> str:
    if head in root_subjects:
        return "subj"
    dep = parse.dep[head]
    if dep in ("dobj", "dative", "attr", "oprd"):
        return "obj"
    if dep == "pobj" and parse.dep[parse.head[head]] in ("prep", "dative"):
        return "obj"
    return "other"


def read_view(results: Sequence[SentenceResult], sdoc: Doc, text: str, ctx: Context, lemma: syntax.Lemma,
              when: date | None, lexical: frozenset[str] | None = None) -> View:
    """What :func:`context_candidates` reads of one sentence (see :class:`View`); `lexical` as
    :func:`~detente.coding.pair_model.pair_candidates` takes it."""
    from detente.coding.context import actor_of_mention

    lexical = pm.LEXICAL if lexical is None else lexical
    parse = pm.Parse.read(sdoc, lemma)
    n_chars = len(syntax.text_of(sdoc))
    best: dict[str, tuple[int, int, Any, int]] = {}
    for m in ctx.mentions:
        if m.end > n_chars:
            continue
        code = pm.country(m.code)
        head = pm._head(sdoc, (m.start, m.end))
        if code == "---" or head is None:
            continue
        rank = (len(parse.ancestors(head.i)), m.start)
        if code not in best or rank < best[code][:2]:
            best[code] = (*rank, m, head.i)
    heads = [h for _, _, _, h in best.values()]
    gap, passive = subject_gap(parse, heads)
    roots = [t for t, h in enumerate(parse.head) if h == t]
    root = next((t for t in roots if parse.pos[t] in ("VERB", "AUX") or parse.tag[t].startswith("VB")),
                roots[0] if roots else 0)
    subjects: set[int] = set()
    for c in parse.children(root) if roots else []:
        if parse.dep[c] in SUBJECTS:
            subjects |= _subtree(parse, c)
    named = []
    for code in sorted(best, key=lambda c: best[c][1]):
        _, _, m, h = best[code]
        window = tuple(sorted(w.split(":", 1)[1] for w in pm._lexical(parse, h, h, frozenset({"window"}))
                              if w.startswith("win_a:"))) if "window" in lexical else ()
        named.append(Named(code, actor_of_mention(m), (m.start, m.end), h, _coarse(parse, h, subjects),
                           parse.role(h), window))
    shared = (*pm.sentence_features(sdoc, text, ctx, when), *pm.sentence_lexical(sdoc, lemma, lexical, parse))
    keys = tuple(sorted((pm.country(r.event.source), pm.country(r.event.target), r.event.root)
                        for r in results if not r.partial))
    predicate = pm.verb_class(parse.lemma[root]) if roots else "-"
    return View(tuple(named), tuple(shared), gap, passive, predicate, keys)


def page_actors(earlier: Sequence[tuple[Sequence[Actor], Sequence[tuple[str, str, str]]]]) -> list[PageActor]:
    """The countries the page named before a sentence, latest first, one :class:`PageActor` each.
    `earlier`: the page's sentences before it in order (a headline first), each (its actors in text order,
    its rule events' (source country, target country, root))."""
    previous = {side for key in (earlier[-1][1] if earlier else ()) for side in key[:2]}
    seen: dict[str, Actor] = {}
    for actors, _ in earlier:
        for a in actors:
            code = pm.country(a.code)
            if code == "---":
                continue
            seen.pop(code, None)  # re-inserted: the latest mention is last
            seen[code] = a
    return [PageActor(code, replace(seen[code], fallback=True), rank, code in previous)
            for rank, code in enumerate(reversed(seen), start=1)]


def page_candidates(sentences: Sequence[tuple[Sequence[SentenceResult], Doc, str, Context]], lemma: syntax.Lemma,
                    when: date | None, lexical: frozenset[str] | None, k: int) -> list[list[pm.Candidate]]:
    """The candidates of a page's sentences (in page order, a headline first), each sentence's
    :func:`~detente.coding.pair_model.pair_candidates` and then its :func:`context_candidates` over the
    last `k` countries the sentences before it named: the coder's hook for a model with context pairs."""
    out: list[list[pm.Candidate]] = []
    earlier: list[tuple[list[Actor], tuple[tuple[str, str, str], ...]]] = []
    for results, sdoc, text, ctx in sentences:
        view = read_view(results, sdoc, text, ctx, lemma, when, lexical)
        own = pm.pair_candidates(results, sdoc, text, ctx, lemma, when, lexical)
        out.append(own + context_candidates(view, page_actors(earlier), k))
        earlier.append((mentioned(view), view.rule_keys))
    return out


def context_candidates(view: View, page: Sequence[PageActor], k: int) -> list[pm.Candidate]:
    """The context pairs of a sentence (see the module docstring): for each country it names and each of
    the last `k` countries of `page` it does not name, both ordered pairs, each marked ``ctx`` with its
    features; none when the sentence names no country, or when the rules already have a complete event
    for the pair."""
    if not view.named or k <= 0:
        return []
    earlier = [p for p in page if p.country not in view.countries][:k]
    ruled = {(s, t) for s, t, _ in view.rule_keys}
    out: list[pm.Candidate] = []
    for n in view.named:
        for p in earlier:
            for side in ("a", "b"):  # the side the earlier actor takes: a, the source; b, the target
                key = (p.country, n.country) if side == "a" else (n.country, p.country)
                if key in ruled:
                    continue
                out.append(pm.Candidate(
                    key, p.actor if side == "a" else n.actor, n.actor if side == "a" else p.actor,
                    None if side == "a" else n.span, n.span if side == "a" else None, (),
                    _features(view, n, p, side)))
    return out


def _features(view: View, n: Named, p: PageActor, side: str) -> tuple[str, ...]:
    named_side = "b" if side == "a" else "a"
    rank = str(p.rank) if p.rank <= 3 else ">3"
    out = set(view.shared)
    out.update(f"win_{named_side}:{w}" for w in n.window)
    out.update(f"rule_other:{root}" for _, _, root in view.rule_keys)
    out.add("rule:none")
    if not view.rule_keys:
        out.add("sentence_rules:none")
    mine = ("ctx", f"ctx_side:{side}", f"ctx_rank:{rank}", f"ctx_gap:{view.gap}", f"ctx_named:{n.role}",
            f"ctx_named_fine:{n.fine}", f"ctx_class:{view.predicate}", f"ctx_named_in_rule:"
            f"{any(n.country in key[:2] for key in view.rule_keys)}")
    out.update(mine)
    crossed = [f"ctx_gap:{view.gap}", f"ctx_named:{n.role}", f"ctx_class:{view.predicate}", f"ctx_rank:{rank}"]
    if p.previous_side:
        crossed.append("ctx_prev_side")
    if p.actor.person:
        crossed.append("ctx_person")
    if view.passive:
        crossed.append("ctx_passive")
    out.update(crossed)
    out.update(f"{c}|side:{side}" for c in crossed)
    out.add(f"ctx_gap|named:{view.gap}|{n.role}|{side}")
    out.add(f"ctx_class|named:{view.predicate}|{n.role}|{side}")
    return tuple(sorted(out))


def is_context(cand: pm.Candidate) -> bool:
    """Whether a candidate is a context pair (one side named only before the sentence)."""
    return "ctx" in cand.features


def mentioned(view: View) -> list[Actor]:
    """The actors a sentence names, in text order, one per country (what :func:`page_actors` reads of it)."""
    return [n.actor for n in sorted(view.named, key=lambda n: n.span)]
