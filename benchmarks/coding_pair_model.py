"""Benchmark: the learned pair model (detente.coding.pair_model) against the rules alone, out of fold.

Data (all development material; nothing held out is read):

* ``data/news_dev/news_dev.jsonl`` -- the project's news development set;
* ``data/news_dev/news_check_v1.jsonl`` -- session 6's check set, demoted to development in
  session 7 (the check set that replaces it, ``data/news_check/``, is never read here);
* ``data/news_dev2/part_*.jsonl`` -- the second news development set (consecutive page
  sentences), one set per part, every part the directory holds;
* ``data/news_dev3/part_*.jsonl`` -- the third (session 9's first-sight set, development data
  since session 10), likewise; ``--train-without dev3`` scores it with the same folds but
  never trains on it, to see what it adds;
* ``data/news_dev4/part_*.jsonl`` -- the fourth (session 10's first-sight set, development and
  training data since session 11, on its adjudicated gold), likewise (``--train-without dev4``);
* ``data/news_dev5/part_*.jsonl`` -- the fifth (session 11's first-sight set, development and
  training data since session 12, on its adjudicated gold), likewise (``--train-without dev5``);
* ``data/news_dev6/part_*.jsonl`` -- the sixth (session 12's first-sight set, development and
  training data since session 13, on its adjudicated gold), likewise (``--train-without dev6``);
* ``data/news_dev7/part_*.jsonl`` -- the seventh (session 13's first-sight set, development and
  training data since session 14, on its adjudicated gold), likewise (``--train-without dev7``);
* ``data/news_dev8/part_*.jsonl`` -- the eighth (session 14's first-sight set, development and
  training data since session 15, on its adjudicated gold), likewise (``--train-without dev8``);
* ``data/news_dev9/part_*.jsonl`` -- the ninth (session 15's first-sight set, development and
  training data since session 16, on its adjudicated gold), likewise (``--train-without dev9``);
* ``data/news_dev10/part_*.jsonl`` -- the tenth (session 16's first-sight set, development and
  training data since session 17, on its adjudicated gold), likewise (``--train-without dev10``);
* ``data/news_dev11/part_*.jsonl`` -- the eleventh (session 17's first-sight set, development and
  training data since session 18, on its adjudicated gold), likewise (``--train-without dev11``);
* ``data/news_dev12/part_*.jsonl`` -- the twelfth (session 18's first-sight set, development and
  training data since session 19, on its adjudicated gold), likewise (``--train-without dev12``);
* ``data/news_dev13/part_*.jsonl`` -- the thirteenth (session 19's first-sight set, development and
  training data since session 20, on its adjudicated gold), likewise (``--train-without dev13``);
* ``data/news_dev14/part_*.jsonl`` -- the fourteenth (session 20's first-sight set, development and
  training data since session 21, on its adjudicated gold), likewise (``--train-without dev14``);
* ``data/news_dev15/part_*.jsonl`` -- the fifteenth (session 21's first-sight set, development and
  training data since session 22, on its adjudicated gold), likewise (``--train-without dev15``);
* ``data/news_dev16/part_*.jsonl`` -- the sixteenth (session 22's first-sight set, development data since
  session 23, training data since session 24, on its adjudicated gold), likewise (``--train-without dev16``);
* ``data/news_dev17/part_*.jsonl`` -- the seventeenth (session 23's first-sight set, development and
  training data since session 24, on its adjudicated gold), likewise (``--train-without dev17``);
* ``data/news_dev18/part_*.jsonl`` -- the eighteenth (session 24's first-sight set, adjudicated in session 24,
  development data since session 25, training data since session 26), likewise (``--train-without dev18``);
* ``data/news_dev19/part_*.jsonl`` -- the nineteenth (session 25's first-sight set, adjudicated in session 25,
  development and training data since session 26), likewise (``--train-without dev19``);
* ``data/news_dev20/part_*.jsonl`` -- the twentieth (session 26's first-sight set, adjudicated in session 26,
  development and training data since session 27), likewise (``--train-without dev20``);
* ``data/news_dev26/part_*.jsonl`` and ``data/news_dev27/part_*.jsonl`` -- written and scored once in session 26,
  development and training data since session 27, likewise (``--train-without dev26``, ``--train-without dev27``);
  news_dev21 to news_dev25 stay held out and are never read;
* ``../shared/data/plover_gsr_cameo.json`` -- the PLOVER gold records (country codes and a
  PLOVER type; a type maps to a CAMEO root through the ontology's table when one root
  alone gives it, else the record teaches only the event/no-event decision).

Every sentence is coded once by the shipped default of ``detente code eval`` (rules and
the default classifier; spans are not scored), and the rules' events and the candidate
pairs with their features are recorded (the coder's own hook, with a recorder in place of
the model). Then, pooled over the sets:

* folds: grouped K-fold (5) by page (url) on the news sets and by record on PLOVER, with
  near-duplicate sentences (:mod:`detente.coding.neardup`, any set) kept in one fold;
* nested: in each outer fold the decision's settings are chosen on the training part alone
  by an inner grouped 3-fold cross-validation (the grids below, pooled F1), the models
  trained on the whole training part, and the held-out fold coded. The settings are
  ``t_add``, ``t_drop`` and, since session 11, ``t_empty`` (the add threshold where the rules
  found no event) and ``C``, each way of choosing them a :class:`Mode` (:data:`MODES`: with
  or without a separate ``t_empty``, drops, adds where the rules found nothing, ``C``; the
  *constrained* ways take only settings that code no more of the training part's no-event
  news sentences than the rules and keep its PLOVER F1 within 0.01 of the rules');
* the ship rule (pair_model's Choices, declared before the first run with news_dev4) is
  checked on :data:`DECLARED_MODE` and printed "met" or "not met" with each condition;
  ``--write-model`` chooses the shipped model's settings by :data:`SHIPPED_MODE` on
  grouped 5-fold out-of-fold predictions of every sentence, in the same command;
* figures: (source, target, root) F1, P, R per set for the rules alone and rules + model,
  both out of fold, with a paired bootstrap 95% interval of the F1 difference that resamples
  pages (the fold groups; 2,000 resamples, seed 0); sentences without a gold event left uncoded;
* the decision is the coder's (:meth:`detente.coding.pair_model.PairModel.revise`): drop a
  rule event when P(no event) > ``t_drop``, add a pair's event when P(event) x P(root | event)
  > ``t_add`` (the joint add rule, :func:`detente.coding.pair_model.add_score`);
* a learning curve: the models trained on 25/50/75/100% of each training fold's pages,
  scored on the held-out fold (event ROC AUC and log loss, root accuracy).

The pairs are described with the lexical feature groups of ``pair_model.LEXICAL`` (the shipped model's) or
``--lexical GROUP ...`` (some of ``pair_model.LEXICAL_GROUPS``; none given: none, the features before session 14);
``--write-model`` records them in the model's meta, and the coder describes the pairs with the model's own.

The rules' figures here equal ``detente code eval FILE --context sentence`` (a check in the script): the model
decides one sentence at a time, so the news files are coded sentence by sentence here. (benchmarks/coding_pair_encoder.py
``--page-rows`` codes its rows in page mode instead, :func:`read_rows`' `context`).

    .venv/bin/python benchmarks/coding_pair_model.py                # the page
    .venv/bin/python benchmarks/coding_pair_model.py --write-model  # and re-train the shipped model on everything
    .venv/bin/python benchmarks/coding_pair_model.py --train-without dev4 --no-curve  # what news_dev4 adds
    .venv/bin/python benchmarks/coding_pair_model.py --speed 1000   # and time coding with and without it
    .venv/bin/python benchmarks/coding_pair_model.py --lexical --no-page  # the features before session 14

With news_dev4 (4,631 sentences, session 11) coding them takes about 3 minutes on the loaded
2-core machine, the nested runs of every way a few minutes more.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread: a shared 2-core machine
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from _results import write_page  # noqa: E402 - benchmarks/ is on sys.path when a script runs

from detente.coding import evaluate as ev  # noqa: E402
from detente.coding import pair_model as pm  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "news dev": ROOT / "data" / "news_dev" / "news_dev.jsonl",
    "demoted check": ROOT / "data" / "news_dev" / "news_check_v1.jsonl",
    **{f"dev2 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev2").glob("part_*.jsonl"))},
    **{f"dev3 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev3").glob("part_*.jsonl"))},
    **{f"dev4 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev4").glob("part_*.jsonl"))},
    **{f"dev5 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev5").glob("part_*.jsonl"))},
    **{f"dev6 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev6").glob("part_*.jsonl"))},
    **{f"dev7 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev7").glob("part_*.jsonl"))},
    **{f"dev8 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev8").glob("part_*.jsonl"))},
    **{f"dev9 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev9").glob("part_*.jsonl"))},
    **{f"dev10 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev10").glob("part_*.jsonl"))},
    **{f"dev11 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev11").glob("part_*.jsonl"))},
    **{f"dev12 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev12").glob("part_*.jsonl"))},
    **{f"dev13 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev13").glob("part_*.jsonl"))},
    **{f"dev14 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev14").glob("part_*.jsonl"))},
    **{f"dev15 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev15").glob("part_*.jsonl"))},
    **{f"dev16 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev16").glob("part_*.jsonl"))},
    **{f"dev17 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev17").glob("part_*.jsonl"))},
    **{f"dev18 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev18").glob("part_*.jsonl"))},
    **{f"dev19 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev19").glob("part_*.jsonl"))},
    **{f"dev20 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev20").glob("part_*.jsonl"))},
    **{f"dev26 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev26").glob("part_*.jsonl"))},
    **{f"dev27 {p.stem[-1]}": p for p in sorted((ROOT / "data" / "news_dev27").glob("part_*.jsonl"))},
    "PLOVER": ROOT.parent / "shared" / "data" / "plover_gsr_cameo.json",
}
NEWS = tuple(name for name in SETS if name != "PLOVER")
RESULTS = ROOT / "benchmarks" / "results" / "coding_pair_model.md"
MODEL_OUT = ROOT / "src" / "detente" / "coding" / pm.MODEL_FILE
OUTER, INNER = 5, 3
T_ADD = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
T_DROP = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
"""Threshold grids (1.01: never add / never drop). ``t_add`` bounds the joint add score
P(event) x P(root | event) (:func:`detente.coding.pair_model.add_score`), a product, hence
lower values than a grid for P(event) alone."""
N_BOOT = 2000

Triple = tuple[str, str, str]


@dataclass
class Row:
    """One gold sentence: its set, fold group, the rules' events, the candidate pairs and what
    the scorer needs (gold triples; each rule event's triple, as `detente code eval` labels it,
    :func:`detente.coding.evaluate.coded_triple` of its whole code; each pair's key, labelled per root by
    :meth:`label`)."""

    set: str
    group: str
    ident: str
    want: set[Triple]
    rule_triples: list[Triple]
    cands: list[pm.Candidate]
    examples: list[pm.Example]
    pair_keys: list[tuple[str, str]]
    plover: bool
    empty: bool
    text: str
    results: list = field(default_factory=list)
    view: Any = None
    """The sentence as :func:`detente.coding.pair_context.read_view` reads it (for the context pairs)."""
    headline: str = ""
    when: Any = None

    def label(self, root: str) -> str:
        """The label of an event of CAMEO code `root` (a root the model predicts: the event the coder adds is
        coded by the root alone, :meth:`detente.coding.pair_model.PairModel.revise`), as
        :func:`detente.coding.evaluate.coded_triple` labels it: the root, or its PLOVER type on PLOVER gold."""
        return plover_type(root) if self.plover else root


@functools.lru_cache(maxsize=None)
def plover_type(code: str) -> str:
    """The PLOVER type the ontology maps a CAMEO code to ("-": none), as
    :func:`detente.coding.evaluate.coded_triple` reads it. A root's type is not every code's under it (08x
    CONCEDE or RETREAT, 16x SANCTION or COERCE, 17x COERCE or ASSAULT, 19x ASSAULT or COERCE): a rule
    event is labelled by its whole code (:func:`rule_triples`)."""
    from detente import ontology

    found = ontology.to_plover(code)
    return found.type if found is not None else "-"


class Recorder:
    """Stands in for the pair model in the coder's hook: records each sentence's events and candidates."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, object], tuple[list, list[pm.Candidate]]] = {}
        self.log: list[tuple[str, tuple]] = []
        """Every call in order, (text, what `seen` holds): in page mode one text may read differently on two
        pages, so :func:`read_rows` matches the page-mode calls to the gold sentences in order."""

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
        from detente.coding import pair_context as pc

        seen = (list(results), pm.pair_candidates(results, sdoc, text, ctx, lemma, when),
                pc.read_view(results, sdoc, text, ctx, lemma, when))
        self.seen[text, when] = seen
        self.log.append((text, seen))
        return list(results)


def plover_roots() -> dict[str, list[str]]:
    """PLOVER type -> the CAMEO roots the ontology maps to it."""
    from detente import ontology

    out: dict[str, list[str]] = {}
    for r in range(1, 21):
        found = ontology.to_plover(f"{r:02d}")
        if found is not None:
            out.setdefault(found.type, []).append(f"{r:02d}")
    return out


ROW_CONTEXTS = ("sentence", "page")
"""How the training rows are coded (:func:`read_rows`): each sentence alone, or (session 18) as the coder
codes a page, `detente code eval`'s default: consecutive records sharing a url read as one article, the
headline first (:class:`detente.coding.context.ArticleReading`)."""


def page_mode_calls(gold, log: list[tuple[str, tuple]], start: int) -> tuple[list[tuple], int]:
    """What the recorder saw for each of `gold`'s sentences coded in page mode, matched in order from the
    log's entry `start` (each article's headline, read first, is skipped: it is not a gold sentence), and
    the log position after them. A sentence the log does not hold next is an error, not a guess."""
    out: list[tuple] = []
    k = start
    for group in ev.articles(gold.sentences):
        head = gold.sentences[group[0]].headline
        if head and k < len(log) and log[k][0] == head and gold.sentences[group[0]].text != head:
            k += 1
        for i in group:
            text = gold.sentences[i].text
            if not text.strip():  # the coder does not call the model for a blank sentence
                out.append(([], [], None))
                continue
            if k >= len(log) or log[k][0] != text:
                raise RuntimeError(f"page-mode rows: the coder's calls and the gold sentences part at {text[:60]!r}")
            out.append(log[k][1])
            k += 1
        first = len(out) - len(group)
        out[first:] = set_apart_restatements(out[first:], [gold.sentences[i].text for i in group],
                                             gold.sentences[group[0]].when)
    return out, k


def set_apart_restatements(seen: list[tuple], texts: list[str], when) -> list[tuple]:
    """An article's recorded sentences (page order) with the rule events page mode keeps apart as restatements
    of an earlier sentence's act (:func:`detente.coding.abstention.restatements`, which the coder applies after
    the pair model) marked partial in place, so that the rows score the rules as `detente code eval` does in
    page mode and a rule event the model keeps is not counted where the coder would set it apart. Each
    result keeps its index (the candidates' `rule_events` point at them). The restatements are found on the
    rules' events: an event the model adds that restates an earlier act is still counted (not modelled)."""
    from detente.coding import abstention

    out = abstention.restatements([s[0] for s in seen], texts, when, True)
    marked = []
    for (results, cands, view), final in zip(seen, out):
        kept = {id(r) for r in final}
        apart = iter(r for r in final if r.partial and not any(r is x for x in results))
        marked.append(([r if id(r) in kept else next(apart) for r in results], cands, view))
    return marked


def read_rows(coder, recorder: Recorder, context: str = "sentence", sets: dict[str, Path] | None = None
              ) -> tuple[list[Row], dict[str, ev.Report]]:
    """Code every set (:data:`SETS`, or `sets`) and turn its sentences into rows; the rules' `detente code eval`
    report per set.
    `context` (:data:`ROW_CONTEXTS`): "sentence" codes each sentence alone (the rows before session 18),
    "page" as `detente code eval` does by default, so the rules' output and the candidates' features are
    those the coder gives the model when it codes a page (PLOVER records have no page: sentence mode)."""
    if context not in ROW_CONTEXTS:
        raise ValueError(f"unknown row context {context!r}: use one of {ROW_CONTEXTS}")
    to_roots = plover_roots()
    rows: list[Row] = []
    reports: dict[str, ev.Report] = {}
    for name, path in (SETS if sets is None else sets).items():
        gold = ev.read_gold(path)
        plover = gold.label == "plover"
        if plover:
            records = json.loads(path.read_text(encoding="utf-8"))
            ident = {s.line: str(records[s.line].get("id")) for s in gold.sentences}
            group = dict(ident)
            headlines = {}
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            meta = {s.line: json.loads(lines[s.line - 1]) for s in gold.sentences}
            ident = {k: str(v.get("id")) for k, v in meta.items()}
            group = {k: str(v.get("url") or v.get("id")) for k, v in meta.items()}
            headlines = {k: str(v.get("headline") or "") for k, v in meta.items()}
        start = len(recorder.log)
        reports[name] = ev.evaluate(path, coder, context=context)
        if reports[name].extra.get("context") == "page":
            seen, _ = page_mode_calls(gold, recorder.log, start)
        else:
            seen = [recorder.seen[s.text, s.when] for s in gold.sentences]
        for s, (results, cands, view) in zip(gold.sentences, seen):
            want = {ev.gold_triple(e) for e in s.events}
            row = Row(name, f"{name}:{group[s.line]}", ident[s.line], want, [], [], [], [], plover,
                      not s.events, s.text, results, view, headlines.get(s.line, ""), s.when)
            row.rule_triples = rule_triples(row, gold.label)
            for cand in cands:
                add_candidate(row, cand, to_roots)
            rows.append(row)
    return rows, reports


def generic_sides(row: Row) -> set[str]:
    """The generic gold codes of a row's gold events (:func:`detente.coding.evaluate.predicted_country` reads them)."""
    return ev.generic_sides(row.want)


def rule_triples(row: Row, label: str) -> list[Triple]:
    """Each of a row's rule events as `detente code eval` compares it with gold of `label` ("root" or "plover"):
    :func:`detente.coding.evaluate.coded_triple` of its whole code, so that a 0874 (retreat militarily) is RETREAT on
    PLOVER gold, not its root's CONCEDE (until session 21 the benchmark labelled a rule event by its root)."""
    generic = generic_sides(row)
    return [ev.coded_triple(r.event, label, generic) for r in row.results]


def add_candidate(row: Row, cand: pm.Candidate, to_roots: dict[str, list[str]]) -> None:
    """Append a candidate pair to a row with its scorer key and its training example (the gold's label for
    the pair: an event or not, and its root when the gold says one alone)."""
    results, generic = row.results, generic_sides(row)
    first = results[cand.rule_events[0]].event if cand.rule_events else None
    src = cand.source.code if cand.source is not None else first.source
    tgt = cand.target.code if cand.target is not None else first.target
    key = (ev.predicted_country(src, generic), ev.predicted_country(tgt, generic))
    row.cands.append(cand)
    row.pair_keys.append(key)
    labels = sorted(t[2] for t in row.want if t[:2] == key)
    rule_roots = sorted({results[i].event.root for i in cand.rule_events})
    root = next((r for r in rule_roots if row.label(r) in labels), None)
    if root is None and labels:
        if not row.plover:
            root = labels[0]
        else:
            options = to_roots.get(labels[0], [])
            root = options[0] if len(options) == 1 else None
    row.examples.append(pm.Example(cand.features, bool(labels), root))


def page_histories(rows: list[Row]) -> list[list]:
    """Each row's page read before it (:func:`detente.coding.pair_context.page_actors`' input): the headline's
    actors, then the rows of the same page before it in file order (their actors, their rule events). The
    coder's page mode reads a headline first as a sentence of the page, so the context pairs see it here too."""
    from detente.coding import pair_context as pc
    from detente.coding.context import Context, actor_of_mention

    out: list[list] = []
    seen: dict[str, list] = {}
    for r in rows:
        if r.group not in seen:
            head = [actor_of_mention(m) for m in Context.read(r.headline, r.when).mentions] if r.headline else []
            seen[r.group] = [(head, ())] if head else []
        out.append(list(seen[r.group]))
        if r.view is not None:
            seen[r.group].append((pc.mentioned(r.view), r.view.rule_keys))
    return out


def with_context(rows: list[Row], k: int) -> list[Row]:
    """Copies of the rows with their context pairs (:func:`detente.coding.pair_context.context_candidates`
    over the last `k` countries of the page) appended to the candidates; PLOVER records have no page."""
    from dataclasses import replace

    from detente.coding import pair_context as pc

    to_roots = plover_roots()
    out = []
    for r, earlier in zip(rows, page_histories(rows)):
        new = replace(r, cands=list(r.cands), examples=list(r.examples), pair_keys=list(r.pair_keys))
        if not r.plover and r.view is not None:
            for cand in pc.context_candidates(r.view, pc.page_actors(earlier), k):
                add_candidate(new, cand, to_roots)
        out.append(new)
    return out


def reachable(rows: list[Row], ks: tuple[int, ...] = (1, 2, 3, 5)) -> list[str]:
    """The size of the class context pairs can reach (a table): gold events of the news sets with one side the
    sentence names and the other named only before it on the page (headline included), how many have that
    side among the last K countries of the page, and how many of those the rules already code."""
    from detente.coding import pair_context as pc

    counts = Counter()
    for r, earlier in zip(rows, page_histories(rows)):
        if r.plover or r.view is None:
            continue
        named = r.view.countries
        page = pc.page_actors(earlier)
        order = {p.country: p.rank for p in page}
        rules = rules_only(r)
        for t in r.want:
            s_in, t_in = t[0] in named, t[1] in named
            counts["gold"] += 1
            if s_in == t_in:
                continue
            other = t[1] if s_in else t[0]
            counts["one named"] += 1
            if other not in order:
                continue
            counts["before"] += 1
            counts["rules before"] += t in rules
            rank = sum(1 for p in page if p.country not in named and p.rank <= order[other])  # rank among the unnamed
            for k in ks:
                if rank <= k:
                    counts[f"k{k}"] += 1
                    counts[f"rules k{k}"] += t in rules
    lines = ["| news gold events | one side named, the other not | the other named before on the page | "
             + " | ".join(f"among the last {k}" for k in ks) + " |", "|---:|---:|---:|" + "---:|" * len(ks),
             f"| {counts['gold']} | {counts['one named']} | {counts['before']} (rules code {counts['rules before']}) | "
             + " | ".join(f"{counts[f'k{k}']} (rules code {counts[f'rules k{k}']})" for k in ks) + " |"]
    return lines


def groups_with_neardups(rows: list[Row]) -> tuple[list[str], int, int]:
    """Fold groups with near-duplicate sentences merged; (groups, near-duplicate pairs, pairs
    that were in different groups before the merge)."""
    from detente.coding.neardup import near_duplicates

    found = near_duplicates([r.text for r in rows])
    parent = list(range(len(rows)))

    def top(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, r in enumerate(rows):
        parent[top(i)] = top(first.setdefault(r.group, i))
    across = sum(rows[a].group != rows[b].group for a, b in found.pairs)
    for a, b in found.pairs:
        parent[top(a)] = top(b)
    return [str(top(i)) for i in range(len(rows))], len(found.pairs), across


Pred = tuple[float, str, float]
"""A candidate's (P(event), the root model's root, P(root | event))."""


def decide(row: Row, probs: list[Pred], t_add: float, t_drop: float) -> set[Triple]:
    """The triples rules + model give a row, from each candidate's (P(event), root, P(root | event)):
    the coder's decision (:meth:`detente.coding.pair_model.PairModel.revise`), its add score included."""
    dropped: set[int] = set()
    added: set[Triple] = set()
    for cand, key, (p, root, p_root) in zip(row.cands, row.pair_keys, probs):
        if cand.rule_events:
            if 1.0 - p > t_drop:
                dropped.update(pm.droppable(row.results, cand))  # marked events are never dropped
        elif (pm.add_score(p, p_root) > t_add and cand.source is not None and root
              and "verb_neg" not in cand.features):
            added.add((*key, row.label(root)))  # a negated event predicts none (as `evaluate` scores it)
    kept = {t for i, t in enumerate(row.rule_triples) if i not in dropped and scored(row.results[i])}
    return kept | added


def scored(result) -> bool:
    """Whether `detente code eval` counts a sentence's event: a complete one, not negated."""
    return not result.partial and not result.event.negated


def rules_only(row: Row) -> set[Triple]:
    return {t for t, r in zip(row.rule_triples, row.results) if scored(r)}


def counts(row: Row, got: set[Triple]) -> tuple[int, int, int]:
    """(correct, predicted, gold) of one sentence, as :func:`detente.coding.evaluate.score_events` counts them."""
    return len(got & row.want), len(got), len(row.want)


def prf(c: np.ndarray) -> tuple[float, float, float]:
    tp, npred, ngold = (float(x) for x in c)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def predict(model: pm.PairModel, row: Row) -> list[Pred]:
    return [(model.p_event(c.features), *(model.root(c.features) if model.root_weights else ("", 0.0)))
            for c in row.cands]


def train(rows: list[Row], t_add: float = 1.01, t_drop: float = 1.01, meta=None, c: float = pm.C,
          t_empty: float | None = None) -> pm.PairModel:
    return pm.fit([ex for r in rows for ex in r.examples], t_add=t_add, t_drop=t_drop, meta=meta, c=c,
                  t_empty=t_empty)


def oof_probs(rows: list[Row], groups: list[str], k: int, c: float = pm.C) -> list[list[Pred]]:
    """Out-of-fold (P(event), root, P(root | event)) of every candidate of `rows` (grouped `k`-fold, models of `c`)."""
    from sklearn.model_selection import GroupKFold

    out: list[list[tuple[float, str]]] = [[] for _ in rows]
    for fit_idx, test_idx in GroupKFold(n_splits=k).split(rows, groups=groups):
        model = train([rows[i] for i in fit_idx], c=c)
        for i in test_idx:
            out[i] = predict(model, rows[i])
    return out


T_EMPTY = T_ADD
"""The grid of ``t_empty``, the add threshold in a sentence the rules found no event in."""
C_GRID = (0.1, 0.3, 1.0, 3.0)
"""The inverse L2 strengths a mode with "C chosen" tries (the first one that ties wins: :data:`pm.C` is tried first).
0.1 was added after a first run with news_dev4 chose 0.3, then the grid's lowest, in every fold."""
PLOVER_SLACK = 0.01
"""How far below the rules' PLOVER F1 a constrained choice may go (the ship rule's bound)."""


@dataclass(frozen=True)
class Mode:
    """A way of choosing the decision's settings on a training part: a separate ``t_empty`` (`split`),
    only settings that code no more no-event news sentences than the rules and keep PLOVER F1 within
    :data:`PLOVER_SLACK` of the rules' (`constrained`), and the ``C`` values tried."""

    split: bool
    constrained: bool
    c_grid: tuple[float, ...] = (pm.C,)
    adds_where_found: bool = False
    """``t_empty`` never (1.01): the model adds only to sentences the rules found an event in, so it can
    leave no more no-event sentences coded than the rules do (drops only uncode)."""
    drops: bool = True
    """False: ``t_drop`` never (1.01), the rules' events are all kept."""


MODES = {
    "joint (session 10)": Mode(False, False),
    "joint + t_empty": Mode(True, False),
    "joint + t_empty, constrained": Mode(True, True),
    "joint + t_empty, constrained, no drops": Mode(True, True, drops=False),
    "joint, adds where the rules found an event": Mode(True, False, adds_where_found=True),
    "joint, adds where the rules found an event, no drops": Mode(True, False, adds_where_found=True, drops=False),
    "joint + t_empty, constrained, C chosen": Mode(True, True, (pm.C, *(c for c in C_GRID if c != pm.C))),
}
"""The ways of choosing the settings the nested run compares, each chosen inside the folds."""
DECLARED_MODE = "joint + t_empty, constrained"
"""The way the ship rule rides on, declared before the run with news_dev4 (pair_model's Choices)."""
SHIPPED_MODE = "joint + t_empty, constrained, C chosen"
"""The way ``--write-model`` chooses the shipped (opt-in) model's settings: the declared way with ``C`` chosen
too, picked after the first run with news_dev4 showed it best on every figure (pair_model's Choices; a
first-sight set is its test)."""


@dataclass(frozen=True)
class Choice:
    """The settings a mode chose on a training part and the pooled F1 they gave there."""

    c: float
    t_add: float
    t_drop: float
    t_empty: float
    f1: float


def decide_row(row: Row, probs: list[Pred], t_add: float, t_drop: float, t_empty: float | None = None) -> set[Triple]:
    """:func:`decide` with the coder's add threshold of the row (:meth:`detente.coding.pair_model.PairModel.add_threshold`):
    `t_empty` where the rules found no event, `t_add` elsewhere."""
    return decide(row, probs, t_add if t_empty is None or rules_only(row) else t_empty, t_drop)


def outcome(row: Row, got: set[Triple]) -> np.ndarray:
    """(correct, predicted, gold, a coded no-event news sentence, then PLOVER's correct, predicted, gold) of a row."""
    c = counts(row, got)
    coded_empty = int(bool(got) and row.empty and not row.plover)
    return np.array([*c, coded_empty, *(c if row.plover else (0, 0, 0))], dtype=float)


@dataclass(frozen=True)
class GridCounts:
    """The outcomes (:func:`outcome`) of rows summed per grid point, for :func:`best_thresholds`: the rows without
    candidates (`fixed`), those the rules found an event in (`found`, per add threshold and ``t_drop``), those
    they found none in (`empty`, likewise) and the rules alone (`rules`)."""

    t_grid: list[float]
    d_grid: list[float]
    fixed: np.ndarray
    found: np.ndarray
    empty: np.ndarray
    rules: np.ndarray


def grid_counts(rows: list[Row], probs: list[list[Pred]], t_add_grid: tuple[float, ...] = T_ADD) -> GridCounts:
    """:class:`GridCounts` of `rows` with out-of-fold predictions `probs`. A row's outcome depends on one add
    threshold, so it is counted once per (threshold, ``t_drop``) and summed per grid point."""
    t_grid, d_grid = sorted(t_add_grid, reverse=True), sorted(T_DROP, reverse=True)
    fixed = sum((outcome(r, rules_only(r)) for r in rows if not r.cands), np.zeros(7))
    found = np.zeros((len(t_grid), len(d_grid), 7))  # rows where the rules found an event: t_add
    empty = np.zeros((len(t_grid), len(d_grid), 7))  # rows where they found none: t_empty
    for r, p in zip(rows, probs):
        if not r.cands:
            continue
        into = found if rules_only(r) else empty
        for a, t in enumerate(t_grid):
            for d, td in enumerate(d_grid):
                into[a, d] += outcome(r, decide(r, p, t, td))
    rules = sum((outcome(r, rules_only(r)) for r in rows), np.zeros(7))
    return GridCounts(t_grid, d_grid, fixed, found, empty, rules)


def best_thresholds(rows: list[Row], probs: list[list[Pred]], t_add_grid: tuple[float, ...] = T_ADD, *,
                    split: bool = False, constrained: bool = False, c: float = pm.C,
                    grid: GridCounts | None = None, adds_where_found: bool = False, drops: bool = True) -> Choice:
    """The grid point (``t_add``, ``t_drop`` and, with `split`, ``t_empty``; else ``t_empty`` = ``t_add``) with the
    best pooled F1 of `rows` (ties: the most conservative). With `constrained`, only points that code no more
    no-event news sentences than the rules and keep PLOVER F1 within :data:`PLOVER_SLACK` of the rules'.
    `grid`: the rows' :func:`grid_counts`, when already counted. Without `drops`, ``t_drop`` is never (1.01);
    with `adds_where_found`, ``t_empty`` is never (:attr:`Mode.adds_where_found`)."""
    g = grid_counts(rows, probs, t_add_grid) if grid is None else grid
    t_grid, d_grid, fixed, found, empty, rules = g.t_grid, g.d_grid, g.fixed, g.found, g.empty, g.rules
    plover_floor = prf(rules[4:])[2] - PLOVER_SLACK if rules[6] else -1.0
    best: Choice | None = None
    for a, t_add in enumerate(t_grid):
        for e, t_empty in enumerate(t_grid):
            if (not split and e != a) or (adds_where_found and t_empty < 1.0):
                continue
            for d, t_drop in enumerate(d_grid):
                if not drops and t_drop < 1.0:
                    continue
                tot = fixed + found[a, d] + empty[e, d]
                if constrained and (tot[3] > rules[3] or prf(tot[4:])[2] < plover_floor - 1e-12):
                    continue
                f1 = prf(tot[:3])[2]
                if best is None or f1 > best.f1 + 1e-12:
                    best = Choice(c, t_add, t_drop, t_empty, f1)
    assert best is not None  # never adding, never dropping gives the rules exactly: it meets every constraint
    return best


def choose(rows: list[Row], probs_by_c: dict[float, list[list[Pred]]], mode: Mode,
           grids: dict[float, GridCounts] | None = None) -> Choice:
    """A mode's choice on a training part from its out-of-fold predictions per ``C`` (ties: the earlier ``C``);
    `grids` caches each ``C``'s :func:`grid_counts` across modes."""
    grids = {} if grids is None else grids
    best: Choice | None = None
    for c in mode.c_grid:
        if c not in grids:
            grids[c] = grid_counts(rows, probs_by_c[c])
        got = best_thresholds(rows, probs_by_c[c], split=mode.split, constrained=mode.constrained, c=c, grid=grids[c],
                              adds_where_found=mode.adds_where_found, drops=mode.drops)
        if best is None or got.f1 > best.f1 + 1e-12:
            best = got
    assert best is not None
    return best


def trainable(rows: list[Row], idx, without: tuple[str, ...] = ()) -> list[int]:
    """The indices of `idx` whose set is not named (by prefix: "dev3" for every part) in `without`:
    the rows a model may train on (a learning-curve check: the same folds and scored rows, less training data)."""
    return [int(i) for i in idx if not any(rows[i].set.startswith(w) for w in without)]


def nested(rows: list[Row], groups: list[str], without: tuple[str, ...] = (), modes: dict[str, Mode] | None = None
           ) -> tuple[dict[str, list[set[Triple]]], dict[str, list[Choice]]]:
    """Rules + model triples per row for each mode (default :data:`MODES`), each row coded by a model and
    settings chosen without its fold (and without the sets named in `without`: :func:`trainable`); the
    inner out-of-fold predictions and the models are shared by the modes."""
    from sklearn.model_selection import GroupKFold

    modes = MODES if modes is None else modes
    got: dict[str, list[set[Triple]]] = {m: [set() for _ in rows] for m in modes}
    chosen: dict[str, list[Choice]] = {m: [] for m in modes}
    cs = sorted({c for mode in modes.values() for c in mode.c_grid})
    for fit_idx, test_idx in GroupKFold(n_splits=OUTER).split(rows, groups=groups):
        fit_idx = trainable(rows, fit_idx, without)
        part = [rows[i] for i in fit_idx]
        inner = {c: oof_probs(part, [groups[i] for i in fit_idx], INNER, c) for c in cs}
        preds: dict[float, dict[int, list[Pred]]] = {}
        grids: dict[float, GridCounts] = {}
        for name, mode in modes.items():
            pick = choose(part, inner, mode, grids)
            chosen[name].append(pick)
            if pick.c not in preds:
                model = train(part, c=pick.c)
                preds[pick.c] = {int(i): predict(model, rows[i]) for i in test_idx}
            for i in test_idx:
                got[name][i] = decide_row(rows[i], preds[pick.c][int(i)], pick.t_add, pick.t_drop, pick.t_empty)
    return got, chosen


LATER = ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11")
"""The later news sets in the order the project met them, each held out in turn by benchmarks/coding_pair_transfer.py
and each a set of its own when thresholds are chosen by set (:func:`best_mean_gain`; news_dev and news_dev2 always
train)."""


def news_set(row: Row) -> str:
    """The news set a row belongs to: ``dev3`` ... ``dev11``, ``early`` (news_dev, the demoted check, news_dev2) or ``PLOVER``."""
    head = row.set.split()[0]
    return head if head in LATER else "PLOVER" if row.plover else "early"


@dataclass
class SetGrid:
    """One set's :class:`GridCounts` (its rules' counts among them) and whether it is a news set."""

    counts: GridCounts
    news: bool


def set_grids(rows: list[Row], preds: list[list[Pred]]) -> list[SetGrid]:
    """Per news set of `rows` (:func:`news_set`), the outcome counts over the threshold grid."""
    out = []
    for name in sorted({news_set(r) for r in rows}):
        idx = [i for i, r in enumerate(rows) if news_set(r) == name]
        out.append(SetGrid(grid_counts([rows[i] for i in idx], [preds[i] for i in idx]), name != "PLOVER"))
    return out


def best_mean_gain(grids: list[SetGrid]) -> tuple[float, float, float, float]:
    """(t_add, t_drop, t_empty, mean per-set gain) of the grid point with the best mean per-set F1 gain over the
    rules (ties: the most conservative, the grids being ordered from "never"), among those that code no more of
    the news sets' no-event sentences than the rules (summed over the sets)."""
    g0 = grids[0].counts
    best = None
    for a, t_add in enumerate(g0.t_grid):
        for e, t_empty in enumerate(g0.t_grid):
            for d, t_drop in enumerate(g0.d_grid):
                gains, coded, limit = [], 0.0, 0.0
                for g in grids:
                    c = g.counts
                    tot = c.fixed + c.found[a, d] + c.empty[e, d]
                    gains.append(prf(tot[:3])[2] - prf(c.rules[:3])[2])
                    if g.news:
                        coded, limit = coded + tot[3], limit + c.rules[3]
                if coded > limit:
                    continue
                gain = float(np.mean(gains))
                if best is None or gain > best[3] + 1e-12:
                    best = (t_add, t_drop, t_empty, gain)
    assert best is not None  # never adding, never dropping is the rules: gain 0, constraint met
    return best


def ship_rule(table: dict[str, dict[str, object]]) -> tuple[bool, list[str]]:
    """Whether the pre-declared rule of pair_model's Choices is met by a nested table (:func:`compare` per set),
    and each condition's verdict in words."""
    pooled, news, plover = table["all pooled"], table["news pooled"], table["PLOVER"]
    kept, rules_kept, empty = news["uncoded_model"], news["uncoded_rules"], news["empty"]
    checks = [
        (pooled["ci"][0] > 0, f"pooled gain {pooled['diff']:+.3f}, 95% interval from {pooled['ci'][0]:+.3f}"),
        (news["ci"][0] > 0, f"news gain {news['diff']:+.3f}, 95% interval from {news['ci'][0]:+.3f}"),
        (kept >= rules_kept and kept * 8 >= empty * 7,
         f"no-event news sentences left uncoded {kept}/{empty} ({kept / empty:.3f}) against the rules' {rules_kept}"),
        (plover["model"][2] >= plover["rules"][2] - PLOVER_SLACK - 1e-12,
         f"PLOVER {plover['model'][2]:.3f} against the rules' {plover['rules'][2]:.3f}"),
    ]
    return all(ok for ok, _ in checks), [f"{'met' if ok else 'NOT met'}: {text}" for ok, text in checks]


def compare(rows: list[Row], groups: list[str], got: list[set[Triple]], pick, rng_seed: int = 0) -> dict[str, object]:
    """Rules vs rules + model on the picked rows, with a paired bootstrap of the F1 difference that
    resamples fold groups (pages, records, near-duplicates merged), not sentences: a page's
    sentences share a story and its errors, so resampling sentences would make the interval too narrow."""
    idx = [i for i, r in enumerate(rows) if pick(r)]
    names = sorted({groups[i] for i in idx})
    where = {g: k for k, g in enumerate(names)}
    base, new = np.zeros((len(names), 3)), np.zeros((len(names), 3))
    for i in idx:
        base[where[groups[i]]] += counts(rows[i], rules_only(rows[i]))
        new[where[groups[i]]] += counts(rows[i], got[i])
    rng = np.random.default_rng(rng_seed)
    diffs = []
    for _ in range(N_BOOT):
        s = rng.integers(0, len(names), len(names))
        diffs.append(prf(new[s].sum(0))[2] - prf(base[s].sum(0))[2])
    empty = [i for i in idx if rows[i].empty]
    return {
        "n": len(idx), "pages": len(names), "rules": prf(base.sum(0)), "model": prf(new.sum(0)),
        "diff": prf(new.sum(0))[2] - prf(base.sum(0))[2], "ci": tuple(np.percentile(diffs, [2.5, 97.5])),
        "empty": len(empty), "uncoded_rules": sum(not rules_only(rows[i]) for i in empty),
        "uncoded_model": sum(not got[i] for i in empty),
    }


def speed(n: int, rounds: int = 2) -> list[tuple[str, float, float]]:
    """(setting, best CPU seconds, sentences per CPU second) of coding `n` real news sentences
    (benchmarks/coding_speed.py's) in this process, the rules alone beside rules + the shipped
    pair model, rounds interleaved; the parse is warmed first."""
    from coding_speed import sentences  # benchmarks/ is on sys.path when a script runs

    from detente.coding import Coder

    texts = sentences(n)
    coders = {"rules (pair model off)": Coder(pair_model=None, n_process=1),
              "rules + pair model": Coder(pair_model="shipped", n_process=1)}
    for coder in coders.values():
        coder.code_sentence_events(texts[:50])
    best = dict.fromkeys(coders, float("inf"))
    for _ in range(rounds):
        for name, coder in coders.items():
            start = time.process_time()
            coder.code_sentence_events(texts)
            best[name] = min(best[name], time.process_time() - start)
    return [(name, cpu, n / cpu) for name, cpu in best.items()]


FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def learning_curve(rows: list[Row], groups: list[str], seed: int = 0, without: tuple[str, ...] = ()) -> list[str]:
    """Is more data still paying? In each outer fold the models are trained on a random 25/50/75/100%
    of the training part's page groups (seed `seed`, nested: a smaller part is a subset of a larger)
    and scored on the whole held-out fold: the event model's ranking of the candidate pairs (ROC AUC,
    log loss) and the root model's accuracy on the gold event pairs whose root is known. These
    score the models themselves, smoothly; the coded F1 moves only where a probability crosses a threshold.
    The sets named in `without` are never trained on (:func:`trainable`)."""
    from sklearn.metrics import log_loss, roc_auc_score
    from sklearn.model_selection import GroupKFold

    rng = np.random.default_rng(seed)
    held: dict[float, list[tuple[bool, float, str | None, str]]] = {f: [] for f in FRACTIONS}
    sizes: dict[float, list[int]] = {f: [] for f in FRACTIONS}
    for fit_idx, test_idx in GroupKFold(n_splits=OUTER).split(rows, groups=groups):
        fit_idx = trainable(rows, fit_idx, without)
        names = sorted({groups[i] for i in fit_idx})
        order = [names[k] for k in rng.permutation(len(names))]
        for f in FRACTIONS:
            keep = set(order[:max(1, round(f * len(order)))])
            part = [rows[i] for i in fit_idx if groups[i] in keep]
            sizes[f].append(len(part))
            model = train(part)
            for i in test_idx:
                for ex, (p, root, _) in zip(rows[i].examples, predict(model, rows[i])):
                    held[f].append((ex.event, p, ex.root, root))
    out = ["Learning curve: models trained on a share of each training fold's pages (nested shares, seed "
           f"{seed}), scored on the held-out fold ({OUTER}-fold, the folds above):", "",
           "| share of pages | training sentences per fold | event model ROC AUC | event log loss "
           "| root accuracy on gold event pairs |", "|---|---|---|---|---|"]
    for f in FRACTIONS:
        y = [e for e, _, _, _ in held[f]]
        p = [min(max(q, 1e-6), 1 - 1e-6) for _, q, _, _ in held[f]]
        rooted = [(g, r) for e, _, g, r in held[f] if e and g]
        acc = sum(g == r for g, r in rooted) / len(rooted) if rooted else 0.0
        out.append(f"| {f:.0%} | {np.mean(sizes[f]):.0f} | {roc_auc_score(y, p):.3f} | {log_loss(y, p):.3f} "
                   f"| {acc:.3f} ({len(rooted)}) |")
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-model", action="store_true", help="re-train the shipped model on every sentence")
    parser.add_argument("--no-page", action="store_true", help="print only; do not write the result page")
    parser.add_argument("--train-without", nargs="*", default=[], metavar="SET",
                        help="never train on these sets (by name prefix, e.g. dev3): the same folds and scored rows "
                             "with less training data, to see what a set adds (not with --write-model)")
    parser.add_argument("--no-curve", action="store_true", help="leave out the learning curve (20 more fits)")
    parser.add_argument("--lexical", nargs="*", default=None, metavar="GROUP",
                        help="the lexical feature groups of the pairs (pair_model.LEXICAL_GROUPS; default the shipped "
                             "pair_model.LEXICAL; none given: none), for the whole run and a --write-model")
    parser.add_argument("--speed", type=int, default=0, metavar="N",
                        help="also time coding N sentences with and without the shipped model (e.g. 1000)")
    args = parser.parse_args(argv)
    without = tuple(args.train_without)
    if without and args.write_model:
        parser.error("--write-model trains on every set: leave out --train-without")
    if args.lexical is not None:
        unknown = set(args.lexical) - set(pm.LEXICAL_GROUPS)
        if unknown:
            parser.error(f"unknown lexical groups {sorted(unknown)}: give some of {', '.join(pm.LEXICAL_GROUPS)}")
        pm.LEXICAL = frozenset(args.lexical)  # the recorder describes the pairs with these (pair_candidates' default)
    import warnings

    from detente.coding import Coder
    from detente.coding.classifier import default_classifier

    t0 = time.perf_counter()
    recorder = Recorder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        coder = Coder(classifier=default_classifier(), span_chooser=None, pair_model=recorder, n_process=1)
    rows, reports = read_rows(coder, recorder)
    t_coded = time.perf_counter() - t0
    for name, report in reports.items():  # the recorded rules are what `detente code eval` scores
        c = sum((np.array(counts(r, rules_only(r))) for r in rows if r.set == name), np.zeros(3))
        assert abs(prf(c)[2] - report.overall.f1) < 1e-9, (name, prf(c), report.overall.f1)
    groups, n_dups, across = groups_with_neardups(rows)
    t1 = time.perf_counter()
    modes = MODES
    got_modes, chosen_modes = nested(rows, groups, without, modes)
    got, chosen = got_modes[DECLARED_MODE], chosen_modes[DECLARED_MODE]
    t_nested = time.perf_counter() - t1
    picks = {name: (lambda r, name=name: r.set == name) for name in SETS if name != "PLOVER"}
    picks["demoted check, half B (even ids)"] = (
        lambda r: r.set == "demoted check" and int(r.ident.split("-")[-1]) % 2 == 0)
    for prefix in ("dev2", "dev3", "dev4"):
        picks[f"{prefix} pooled"] = lambda r, prefix=prefix: r.set.startswith(f"{prefix} ")
    picks["news pooled"] = lambda r: r.set in NEWS
    picks["PLOVER"] = lambda r: r.set == "PLOVER"
    picks["all pooled"] = lambda r: True
    table = {name: compare(rows, groups, got, pick) for name, pick in picks.items()}
    ship, verdicts = ship_rule(table)
    pairs = sum(len(r.cands) for r in rows)
    positives = sum(ex.event for r in rows for ex in r.examples)
    gold_total = sum(len(r.want) for r in rows)
    lines = [
        "## Coding: the learned pair model, out of fold (benchmarks/coding_pair_model.py)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}; {len(rows)} sentences "
        f"({', '.join(f'{n} {sum(r.set == n for r in rows)}' for n in SETS)}), {pairs} candidate pairs, "
        f"{positives} of them a gold event ({gold_total} gold triples: the rest no candidate pair reaches); "
        f"lexical feature groups: {', '.join(sorted(pm.LEXICAL)) or 'none'}. "
        f"Grouped {OUTER}-fold by page (news) and record (PLOVER), settings by an inner grouped {INNER}-fold "
        f"on each training part (nested). Near-duplicate sentence pairs: {n_dups} ({across} across pages or "
        "records), each cluster kept in one fold."
        + (f" Never trained on: {', '.join(without)} (scored out of fold as the rest)." if without else ""),
        "",
        f"The pre-declared way of choosing the settings (`{DECLARED_MODE}`: t_add, t_drop and t_empty on the grid, "
        "only points that code no more of the training part's no-event news sentences than the rules and keep its "
        f"PLOVER F1 within {PLOVER_SLACK} of the rules'):",
        "",
        "| set | sentences (pages) | rules F1 (P, R) | rules + model F1 (P, R) | difference [95% paired bootstrap] "
        "| no-event left uncoded: rules, model |",
        "|---|---|---|---|---|---|",
    ]
    for name, t in table.items():
        rp, rr, rf = t["rules"]
        mp, mr, mf = t["model"]
        lo, hi = t["ci"]
        lines.append(f"| {name} | {t['n']} ({t['pages']}) | {rf:.3f} ({rp:.3f}, {rr:.3f}) | {mf:.3f} ({mp:.3f}, {mr:.3f}) | "
                     f"{t['diff']:+.3f} [{lo:+.3f}, {hi:+.3f}] | {t['uncoded_rules']}/{t['empty']}, "
                     f"{t['uncoded_model']}/{t['empty']} |")
    lines += [
        "",
        "Settings chosen per outer fold (C, t_add, t_drop, t_empty; 1.01 = never): "
        + ", ".join(f"({x.c:g}, {x.t_add:g}, {x.t_drop:g}, {x.t_empty:g})" for x in chosen) + ".",
        "",
        "Decision rule (pair_model's Choices, declared before this data's run): the model is the coder's default "
        "when, for the pre-declared way, the pooled and the news gains have 95% intervals above 0, the no-event "
        "news sentences left uncoded are not fewer than the rules' and at least 7/8, and PLOVER F1 is at most "
        f"{PLOVER_SLACK} below the rules'. " + ("Met." if ship else "Not met.") + " " + "; ".join(verdicts) + ".",
        "",
        "Every way of choosing the settings, nested on the same folds (for information; the decision rides on the "
        f"pre-declared one; `--write-model` chooses the shipped opt-in model's by `{SHIPPED_MODE}`):",
        "",
        "| way | settings per fold (C, t_add, t_drop, t_empty) | all pooled | news pooled | dev4 pooled | PLOVER "
        "| no-event news left uncoded (rules) | rule |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in modes:
        t = {k: compare(rows, groups, got_modes[name], picks[k])
             for k in ("all pooled", "news pooled", "dev4 pooled", "PLOVER")}
        met, _ = ship_rule(t)
        cell = lambda v: f"{v['diff']:+.3f} [{v['ci'][0]:+.3f}, {v['ci'][1]:+.3f}]"  # noqa: E731
        news_t = t["news pooled"]
        lines.append(f"| {name} | " + ", ".join(f"({x.c:g}, {x.t_add:g}, {x.t_drop:g}, {x.t_empty:g})"
                                                 for x in chosen_modes[name])
                     + f" | {cell(t['all pooled'])} | {cell(t['news pooled'])} | {cell(t['dev4 pooled'])} "
                     f"| {cell(t['PLOVER'])} | {news_t['uncoded_model']}/{news_t['empty']} ({news_t['uncoded_rules']}) "
                     f"| {'met' if met else 'not met'} |")
    lines += [
        "",
        f"Coding the {len(rows)} sentences once: {t_coded:.1f} s; the nested cross-validation of every way: "
        f"{t_nested:.1f} s (shared 2-core machine).",
    ]
    t2 = time.perf_counter()
    probs = oof_probs(rows, groups, OUTER)
    lines += ["", f"What adding would bring: pairs the rules have nothing for, {OUTER}-fold out-of-fold add score "
              "P(event) x P(root | event) above a threshold; of those, how many the gold has an event for, and how "
              "many with the root the model gives (what the score counts):", "",
              "| P(event) x P(root) > | pairs | gold event | gold event and root |", "|---|---|---|---|"]
    for t in (0.2, 0.3, 0.4, 0.6):
        hits = [(ex.event, (*key, r.label(root)) in r.want) for r, pr in zip(rows, probs)
                for c, ex, key, (p, root, q) in zip(r.cands, r.examples, r.pair_keys, pr)
                if not c.rule_events and pm.add_score(p, q) > t]
        lines.append(f"| {t:g} | {len(hits)} | {sum(e for e, _ in hits)} | {sum(k for _, k in hits)} |")
    if not args.no_curve:
        lines += ["", *learning_curve(rows, groups, without=without)]
    if args.write_model:
        mode = MODES[SHIPPED_MODE]
        probs_by_c = {c: probs if c == pm.C else oof_probs(rows, groups, OUTER, c) for c in mode.c_grid}
        pick = choose(rows, probs_by_c, mode)
        t_add, t_drop, t_empty, f1 = pick.t_add, pick.t_drop, pick.t_empty, pick.f1
        meta = {"trained": datetime.now(UTC).strftime("%Y-%m-%d"), "sentences": len(rows),
                "lexical": sorted(pm.LEXICAL),
                "data": {name: {"file": path.name, "sha256": sha256(path), "sentences": sum(r.set == name for r in rows)}
                         for name, path in SETS.items()},
                "thresholds": f"{SHIPPED_MODE}: grouped {OUTER}-fold out-of-fold pooled F1 {f1:.4f} over the grid"}
        model = train(rows, t_add, t_drop, meta, c=pick.c, t_empty=t_empty)
        model.save(MODEL_OUT)  # the compact file (detente.coding.pair_weights)
        lines.append(f"\nShipped model re-trained on every sentence (C {pick.c:g}, t_add {t_add:g}, t_drop {t_drop:g}, "
                     f"t_empty {t_empty:g}; `{SHIPPED_MODE}`) in "
                     f"{time.perf_counter() - t2:.1f} s: `{MODEL_OUT.relative_to(ROOT)}`.")
        print(f"wrote {MODEL_OUT}")
    if args.speed:
        rows_speed = speed(args.speed)
        base = rows_speed[0][2]
        lines += ["", f"Speed, {args.speed} news sentences coded in this process (`Coder.code_sentence_events`, "
                  "one process, no classifier, the shipped span chooser; best of two interleaved rounds, CPU seconds):", "",
                  "| setting | CPU s | sentences per CPU s | ratio to rules |", "|---|---|---|---|"]
        lines += [f"| {name} | {cpu:.2f} | {rate:.0f} | {rate / base:.2f} |" for name, cpu, rate in rows_speed]
    print("\n".join(lines))
    if not args.no_page and not without:  # the page holds the run on every set
        write_page(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
