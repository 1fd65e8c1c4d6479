"""Benchmark: `detente code eval` in page mode against sentence mode (and document mode) on every development file.

Page mode (``--context page``, :func:`detente.coding.evaluate.evaluate`) codes consecutive
records sharing a ``url`` as one article, so that "He said ...", "The two sides agreed ..."
and "The ministry said ..." find their actors in the sentences before (and in the records'
``headline``); sentence mode codes each record alone (the baseline, in the same process
with the same coder). For each file: precision, recall and F1 of (source country, target
country, CAMEO root) per sentence, and the sentences without a gold event left uncoded.
Beside them, document mode (`detente code article.txt`, :func:`document_mode`): each run of
records joined as one text (after its headline), each event scored on the record it lies in.

Then, per form of reference, what page mode changes: each (source, target, root) that page
mode gives a sentence and sentence mode does not, counted right (in the sentence's gold) or
wrong, and each that page mode loses. The triples are those `detente code eval` scores: the
asserted events (:func:`detente.coding.evaluate.predict_events`), labelled by
:func:`detente.coding.evaluate.coded_triple` (sides by the registry's country, an organisation
counting as a generic prefix the gold sentence uses); until session 21 the sides were compared by
their first three letters. A change is put down to the first form the sentence
holds (:data:`FORMS`, by its words: an approximation, a sentence may hold two), else to
"other" (the headline, a carried date, a person named earlier).

Files: ``data/news_dev/news_dev.jsonl``, ``data/news_dev/news_check_v1.jsonl``, their two
halves by page (half A: ``int(sha1(url), 16) % 2 == 0``), and ``data/news_dev2/part_*.jsonl``.
Never the check set (``data/news_check/``). All are development data: in-sample for the rules.

    .venv/bin/python benchmarks/coding_context.py          # about a minute on an idle machine
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
NEWS_DEV = ROOT / "data" / "news_dev"
NEWS_DEV2 = ROOT / "data" / "news_dev2"
RESULTS = ROOT / "benchmarks" / "results" / "coding_context.md"

FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("X of the two sides / of both countries", re.compile(r"\b[a-z]+s (?:of|from) (?:the two|both)\b")),
    ("the two sides / both countries", re.compile(r"\b(?:[Tt]he two|[Bb]oth|[Tt]he pair)\b")),
    ("he / she", re.compile(r"\b(?:[Hh]e|[Ss]he)\b")),
    ("it / they", re.compile(r"\b(?:[Ii]t|[Tt]hey)\b")),
    ("the ministry, the country, ... (opening)", re.compile(r"^(?:[A-Z][\w ,'-]{0,40}?,\s+)?[Tt]he\s+[a-z]")),
]


def halves() -> tuple[Path, Path]:
    """news_dev and news_check_v1 split by page into half A and half B (temporary JSONL files)."""
    out = {0: [], 1: []}
    for name in ("news_dev.jsonl", "news_check_v1.jsonl"):
        for line in (NEWS_DEV / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                url = json.loads(line)["url"]
                out[int(hashlib.sha1(url.encode()).hexdigest(), 16) % 2].append(line)
    folder = Path(tempfile.mkdtemp(prefix="detente-halves-"))
    paths = []
    for k, name in ((0, "half_A.jsonl"), (1, "half_B.jsonl")):
        path = folder / name
        path.write_text("\n".join(out[k]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def document_mode(path: Path, coder):
    """The file scored as document mode codes it: each article's records (after its headline) joined by
    line breaks into one document, each event given to the record its sentence starts in."""
    from detente.coding.evaluate import articles, read_gold, score_events
    from detente.coding.reader import Document

    gold = read_gold(path)
    predicted: list[list] = [[] for _ in gold.sentences]
    for k, group in enumerate(articles(gold.sentences)):
        first = gold.sentences[group[0]]
        parts = ([first.headline] if first.headline else []) + [gold.sentences[i].text.replace("\n", " ") for i in group]
        starts = [sum(len(q) + 1 for q in parts[:j]) for j in range(len(parts))][len(parts) - len(group):]
        (result,) = coder.code_document_results([Document(f"{path.stem}-{k}", "\n".join(parts), first.when)])
        for event in result.events:
            at = next((i for i, start in zip(reversed(group), reversed(starts)) if event.char_start >= start), None)
            if at is not None and not event.negated:
                predicted[at].append(event)
    return score_events(gold, predicted)


def form_of(sentence: str) -> str:
    return next((name for name, pattern in FORMS if pattern.search(sentence)), "other")


def changes(gold, page: list[list], alone: list[list], forms: dict[str, Counter[str]]) -> None:
    """Count into `forms` (per form of reference, :func:`form_of`) the triples page mode adds to and loses from
    each gold sentence against sentence mode, right or wrong. `page` and `alone`: per sentence, the asserted
    events of each mode (:func:`detente.coding.evaluate.predict_events`); a triple is an event as `detente code
    eval` compares it (:func:`detente.coding.evaluate.coded_triple`, the generic prefixes of the sentence's gold)."""
    from detente.coding.evaluate import coded_triple, generic_sides, gold_triple

    for sent, events, events_alone in zip(gold.sentences, page, alone):
        want = {gold_triple(e) for e in sent.events}
        generic = generic_sides(want)
        got = {coded_triple(e, gold.label, generic) for e in events}
        before = {coded_triple(e, gold.label, generic) for e in events_alone}
        counts = forms.setdefault(form_of(sent.text), Counter())
        for triple in got - before:
            counts["added right" if triple in want else "added wrong"] += 1
        for triple in before - got:
            counts["lost right" if triple in want else "lost wrong"] += 1


def main() -> int:
    from detente.coding import Coder
    from detente.coding.classifier import default_classifier
    from detente.coding.evaluate import evaluate, predict_events, read_gold

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        coder = Coder(classifier=default_classifier(), pair_model=None)  # the rules' reading of the context
    half_a, half_b = halves()
    files = [NEWS_DEV / "news_dev.jsonl", NEWS_DEV / "news_check_v1.jsonl", half_a, half_b,
             *sorted(NEWS_DEV2.glob("part_*.jsonl"))]
    lines = ["## Text coder: page mode against sentence mode (`detente code eval --context`) and document mode", "",
             "| file | articles | sentence mode P / R / F1 | page mode P / R / F1 | document mode P / R / F1 | "
             "no-event sentences left uncoded (sentence, page, document) |", "|---|---|---|---|---|---|"]
    forms: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    for path in files:
        reports = {mode: evaluate(path, coder, context=mode) for mode in ("sentence", "page")}
        s, p, d = reports["sentence"], reports["page"], document_mode(path, coder)
        row = (f"| {path.name} | {p.extra['articles']} | {s.overall.precision:.3f} / {s.overall.recall:.3f} / "
               f"{s.overall.f1:.3f} | {p.overall.precision:.3f} / {p.overall.recall:.3f} / {p.overall.f1:.3f} | "
               f"{d.overall.precision:.3f} / {d.overall.recall:.3f} / {d.overall.f1:.3f} | "
               f"{s.extra['left_uncoded']}, {p.extra['left_uncoded']}, {d.extra['left_uncoded']} of "
               f"{s.extra['sentences_without_event']} |")
        lines.append(row)
        print(row, flush=True)
        if path in (half_a, half_b):
            continue  # the halves repeat the news_dev sentences
        gold = read_gold(path)
        changes(gold, predict_events(gold, coder, "page"), predict_events(gold, coder, "sentence"), forms)
    lines += ["", "What page mode changes, per form of reference (news_dev, news_check_v1 and the news_dev2 parts; "
              "a change is put down to the first form its sentence holds):", "",
              "| form | added right | added wrong | precision of the added | lost right | lost wrong |",
              "|---|---|---|---|---|---|"]
    for name in [*(n for n, _ in FORMS), "other"]:
        c = forms.get(name, Counter())
        added = c["added right"] + c["added wrong"]
        precision = f"{c['added right'] / added:.2f}" if added else "-"
        lines.append(f"| {name} | {c['added right']} | {c['added wrong']} | {precision} | {c['lost right']} | "
                     f"{c['lost wrong']} |")
    lines += ["", f"The modes with the shipped default (rules and the default classifier), in one process; "
              f"{time.perf_counter() - started:.0f} s. All files are development data (in-sample for the rules); "
              "the news_dev2 parts' first-sight figures are in the session report. "
              "Re-run: `.venv/bin/python benchmarks/coding_context.py`."]
    print("\n".join(lines[-(len(FORMS) + 5):]))
    write_page(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
