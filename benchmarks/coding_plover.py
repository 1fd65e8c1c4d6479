"""Benchmark: PLOVER event-type accuracy on the CAMEO-manual gold standard records.

Data: ``../shared/data/plover_gsr_cameo.json`` (a JSON list; the first record documents
the file; then 322 sentences from the CAMEO 1.1b3 manual coded in PLOVER 0.5b1 with
an ``event`` type). Each sentence goes through the rule coder
(``Coder().code_sentences``); its CAMEO code is mapped to a PLOVER type with
:func:`detente.ontology.to_plover` (the 2021 CAMEO-to-PLOVER table) and compared with
the gold type.

The gold file predates the 2021 table: four 0.5b1 types were later folded into others
(DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
Both readings are reported: *strict* (the type strings must match) and *harmonised*
(gold types renamed to their current type first). A sentence where the coder finds no
event counts as wrong. Baselines in the same run: the most frequent gold type, and
the learned classifier's quad class against the gold type's quad (quad agreement).

A second table scores who did what to whom: (source country, target country, type)
F1, as `detente code eval` does (:func:`detente.coding.evaluate.score_events`), split
into *domestic* gold events (source and target of one country: police against
protesters, government against rebels; about a quarter of the file) and inter-state
ones, beside the same run's events with the domestic ones dropped (the coder before
it coded domestic events between two sectors of one country).

    .venv/bin/python benchmarks/coding_plover.py
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "plover_gsr_cameo.json"
RESULTS = ROOT / "benchmarks" / "results" / "coding_plover.md"

HARMONISE = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
"""PLOVER 0.5b1 types that the 2021 CAMEO-to-PLOVER table no longer uses -> their current type."""

TYPE_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1, "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""Quad class of each current PLOVER type, consistent with detente's root table (for the quad baseline)."""


def read_records(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise SystemExit(f"{path}: expected a JSON list")
    return [r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT") and r.get("text")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path}: not found", file=sys.stderr)
        return 2
    from detente import ontology

    records = read_records(args.path)
    texts = [r["text"] for r in records]
    gold = [r["event"] for r in records]
    gold_h = [HARMONISE.get(g, g) for g in gold]
    n = len(records)

    from detente.coding import Coder

    t0 = time.perf_counter()
    results = Coder().code_sentences(texts, partial=True)
    t_code = time.perf_counter() - t0
    pred: list[str | None] = []
    for res in results:
        if res is None:
            pred.append(None)
            continue
        mapping = ontology.to_plover(res.event.cameo)
        pred.append(mapping.type if mapping else None)
    fired = sum(p is not None for p in pred)
    strict = sum(p == g for p, g in zip(pred, gold)) / n
    harmonised = sum(p == g for p, g in zip(pred, gold_h)) / n
    on_fired = sum(p == g for p, g in zip(pred, gold_h) if p is not None) / max(fired, 1)
    majority_type, majority_n = Counter(gold_h).most_common(1)[0]

    rows = [
        ("most frequent gold type (" + majority_type + ")", majority_n / n, Counter(gold).most_common(1)[0][1] / n, ""),
        ("rule coder -> to_plover", harmonised, strict, f"event found in {fired}/{n}; {on_fired:.3f} right where found"),
    ]
    quad_note = ""
    try:
        from detente.coding.classifier import default_classifier

        clf = default_classifier()
        gold_quad = [TYPE_QUAD[g] for g in gold_h]
        qpred = clf.predict(texts).tolist()
        rule_quad = [ontology.quad(r.event.cameo) if r is not None else None for r in results]
        q_clf = sum(int(a == b) for a, b in zip(qpred, gold_quad)) / n
        q_rule = sum(int(a == b) for a, b in zip(rule_quad, gold_quad)) / n
        quad_note = (f"Quad agreement with the gold type's quad: rule coder {q_rule:.3f}, "
                     f"learned classifier (shipped default) {q_clf:.3f}.")
    except Exception as exc:  # noqa: BLE001 - the classifier is an extra; report and go on
        quad_note = f"(classifier baseline skipped: {exc})"

    per_type = Counter(gold_h)
    right = Counter(g for p, g in zip(pred, gold_h) if p == g)
    found = Counter(g for p, g in zip(pred, gold_h) if p is not None)
    print(f"{args.path.name}: {n} records; coded in {t_code:.1f} s")
    print(f"{'system':44s} {'harmonised':>10s} {'strict':>7s}")
    for name, h, s, note in rows:
        print(f"{name:44s} {h:10.3f} {s:7.3f}  {note}")
    print(quad_note)
    print(f"\n{'gold type':12s} {'n':>4s} {'found':>6s} {'right':>6s}")
    for t, k in per_type.most_common():
        print(f"{t:12s} {k:4d} {found[t]:6d} {right[t]:6d}")
    confusions = Counter((g, p) for p, g in zip(pred, gold_h) if p is not None and p != g).most_common(8)
    print("most frequent confusions (gold -> coded):", ", ".join(f"{g}->{p} {k}" for (g, p), k in confusions))

    md = [
        "# coding_plover: PLOVER event-type accuracy on the CAMEO-manual gold standard",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}; data `{args.path.name}` "
        f"({n} sentences coded in PLOVER 0.5b1). Command: `.venv/bin/python benchmarks/coding_plover.py`.",
        "",
        "CAMEO codes from the rule coder are mapped with `detente.ontology.to_plover` (2021 table). *Harmonised*: "
        "gold 0.5b1 types renamed to the 2021 types first (" + ", ".join(f"{a} -> {b}" for a, b in HARMONISE.items())
        + "); *strict*: type strings as written. No event found counts as wrong.",
        "",
        "| system | accuracy (harmonised) | accuracy (strict) | note |",
        "|---|---:|---:|---|",
    ]
    md += [f"| {name} | {h:.3f} | {s:.3f} | {note} |" for name, h, s, note in rows]
    md += ["", quad_note, "", "| gold type | n | event found | right |", "|---|---:|---:|---:|"]
    md += [f"| {t} | {k} | {found[t]} | {right[t]} |" for t, k in per_type.most_common()]
    md += ["", "Most frequent confusions (gold -> coded): "
           + ", ".join(f"{g} -> {p} ({k})" for (g, p), k in confusions) + "."]
    md += domestic_section(args.path)
    write_page(args.out, md)
    return 0


def domestic_section(path: Path) -> list[str]:
    """(source country, target country, type) F1 overall and on domestic and inter-state gold events,
    with and without the coder's domestic events (printed, and returned as Markdown lines)."""
    from detente.coding import Coder, evaluate as ev

    gold = ev.read_gold(path)
    coder = Coder()
    predicted: list[list] = [[] for _ in gold.sentences]
    by_date: dict = {}
    for i, sent in enumerate(gold.sentences):
        by_date.setdefault(sent.when, []).append(i)
    for day, indices in by_date.items():
        for i, results in zip(indices, coder.code_sentence_events([gold.sentences[i].text for i in indices], day)):
            predicted[i] = [r.event for r in results]

    def domestic(event) -> bool:
        return ev.country(event.source) == ev.country(event.target)

    def part(keep_gold, keep_event) -> tuple[float, float, float, int, int]:
        from dataclasses import replace

        sentences = [replace(s, events=[e for e in s.events if keep_gold(e)]) for s in gold.sentences]
        report = ev.score_events(replace(gold, sentences=sentences), [[e for e in p if keep_event(e)] for p in predicted])
        o = report.overall
        return o.precision, o.recall, o.f1, o.gold, o.predicted

    def gold_domestic(e) -> bool:
        return ev.gold_country(e.source) == ev.gold_country(e.target)

    rows = [
        ("all gold events, coder", part(lambda e: True, lambda e: True)),
        ("all gold events, domestic events dropped (baseline)", part(lambda e: True, lambda e: not domestic(e))),
        ("domestic gold events, coder's domestic events", part(gold_domestic, domestic)),
        ("inter-state gold events, coder's inter-state events", part(lambda e: not gold_domestic(e), lambda e: not domestic(e))),
    ]
    print(f"\n{'(source, target, type)':56s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s} {'pred':>5s}")
    for name, (p, r, f, g, n) in rows:
        print(f"{name:56s} {p:6.3f} {r:6.3f} {f:6.3f} {g:5d} {n:5d}")
    lines = ["", "## Who did what to whom: domestic and inter-state events", "",
             "(source country, target country, PLOVER type) per sentence, as `detente code eval` scores it; "
             f"{len(gold.skipped)} records without actor codes left out. *Domestic*: both sides of one country "
             "(CAMEO codes them by the two sectors, NGACOP -> NGAOPP; the gold by country). The baseline drops the "
             "coder's domestic events from the same run.", "",
             "| events | precision | recall | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {g} | {n} |" for name, (p, r, f, g, n) in rows]
    return lines


if __name__ == "__main__":
    sys.exit(main())
