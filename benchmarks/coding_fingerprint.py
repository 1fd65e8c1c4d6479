"""Benchmark: a behaviour fingerprint of the text coder, to prove a restructuring changes nothing.

A refactor of the coder's tables or modules (session 18: the verb-pattern table, the noun families and
the verb classes split by idea) must leave every coded event as it was. This script writes two files and
the SHA-256 of each:

- ``events.tsv``: one line per event the rules' coder (rules + default classifier: ``--pairs rules``, this
  script's default, not the coder's, which is the static pair model since session 25) gives on every development
  sentence: the news development sets
  pooled, each file's pages coded in page mode as ``coding_dev.py --development-only`` reads them
  (:func:`detente.coding.evaluate.articles`, headlines read), and the PLOVER gold sentences coded a sentence at
  a time by date, as ``evaluate`` codes that file. Every event is kept, negated and partial ones too (the
  scoring drops them; a fingerprint must not). Fields: file, sentence index, source, target, CAMEO code,
  root, modality, negated, partial, source and target spans, confidence, the predicate's words, the note.
- ``tables.txt``: the tables the coder reads, by name: ``PATTERNS`` (lemma -> its patterns in table order,
  which :func:`~detente.coding.patterns.match` breaks ties by), the noun families in their order with sorted
  members, each noun's families in order (the matcher's usual sense first), and every module-level set of
  words of :mod:`detente.coding` named ``*_VERBS``, ``*_AUX``, ``*_ROOTS``, ``*_CODES`` or ``*_MODIFIERS``
  (sorted members). Which module holds a name is listed apart, at the end, so that a name moved to another
  module changes only that section.

``benchmarks/coding_golden.py`` checks a speed change (sentence mode, one and two processes, the command line);
this script checks a change of structure: page mode on every development set, and the tables themselves.

Compare two runs with ``diff`` or by the printed hashes (``--check DIR`` compares with an earlier run's
files and exits 1 on a difference). Only the project's development sets and the public PLOVER file are
read, never the check set or the session's first-sight set. No network.

    .venv/bin/python benchmarks/coding_fingerprint.py --out /tmp/fp_before      # before the change
    .venv/bin/python benchmarks/coding_fingerprint.py --out /tmp/fp_after --check /tmp/fp_before
    .venv/bin/python benchmarks/coding_fingerprint.py --pairs static --out /tmp/fp_static   # with the pair model

Choices:

- Events are written in the coder's order (best first within a sentence), not sorted: a change of order
  is a change of behaviour (the first event is what a sentence-level scorer reads).
- Confidence is written with 6 decimals (``repr`` of a float sum can differ in the last digit between two
  equal computations written in another order; six decimals are far below any threshold the coder uses).
- The classifier is the shipped default (``--no-classifier`` for a quick rules-only run, as the test does).
- ``--pairs NAME`` codes with a pair model (``detente code --pairs``' names: ``static``, ``model``, ...) instead of
  the rules alone, so that a speed change of a pair model is proved to change no event either (the default
  fingerprint never runs one). Page mode reads each page as the model does with pages; the PLOVER file is coded
  a sentence at a time, the model's sentence path (``detente code --sentences --pairs``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import pkgutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PLOVER = DATA / "plover_gsr_cameo.json"
SET_SUFFIXES = ("_VERBS", "_AUX", "_ROOTS", "_CODES", "_MODIFIERS")
"""Module-level word sets whose names end so are dumped with the tables (verb classes and their kin)."""


def development_files() -> list[Path]:
    """The news development files, as ``coding_dev.py --development-only`` reads them (same folders, same order)."""
    from coding_dev import DEVELOPMENT_FOLDERS  # benchmarks/ is on sys.path when a script runs

    return [p for folder in DEVELOPMENT_FOLDERS if folder.is_dir() for p in sorted(folder.glob("*.jsonl"))]


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\n", " ")


def event_lines(name: str, index: int, results: Sequence) -> Iterable[str]:
    """One TSV line per coded event of one sentence (`results`: its SentenceResults, in the coder's order)."""
    for r in results:
        e = r.event
        conf = "" if e.confidence is None else f"{e.confidence:.6f}"
        yield "\t".join(_cell(v) for v in (
            name, index, e.source, e.target, e.cameo, e.root, e.modality, int(e.negated), int(r.partial),
            r.source_span, r.target_span, conf, r.predicate, e.note))


def code_file(path: Path, coder) -> list[str]:
    """Every event of a gold file's sentences, partial ones too: JSONL pages in page mode, other formats a sentence
    at a time by date (:func:`detente.coding.evaluate.code_gold`, as ``evaluate`` codes them)."""
    from detente.coding import evaluate as ev

    gold = ev.read_gold(path)
    coded = ev.code_gold(gold, coder, "page" if gold.fmt == "jsonl" else "sentence", partial=True)
    name = f"{path.parent.name}/{path.name}"
    return [line for i, events in enumerate(coded) for line in event_lines(name, i, events)]


def table_lines() -> list[str]:
    """The coder's tables by name (module locations last, in their own section)."""
    from detente.coding import noun_families as N
    from detente.coding import patterns as P

    lines = ["# PATTERNS: lemma -> patterns in table order"]
    for lemma in sorted(P.PATTERNS):
        for pat in P.PATTERNS[lemma]:
            lines.append(f"{lemma}\t{pat.code}\tprep={pat.prep}\tobj={pat.obj}\tsym={int(pat.symmetric)}"
                         f"\tneeds_target={int(pat.needs_target)}")
    lines.append("# NOUN_FAMILIES: name -> sorted members, in the dict's order")
    lines += [f"{name}\t{' '.join(sorted(words))}" for name, words in N.NOUN_FAMILIES.items()]
    lines.append("# noun -> its families in order")
    nouns = sorted({w for words in N.NOUN_FAMILIES.values() for w in words})
    lines += [f"{noun}\t{' '.join(N.families(noun))}" for noun in nouns]
    lines.append("# VERB_LEMMAS")
    lines.append(" ".join(sorted(P.VERB_LEMMAS)))
    sets: dict[str, set[tuple[str, ...]]] = {}
    where: dict[str, set[str]] = {}
    import detente.coding as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"detente.coding.{info.name}")
        for attr, value in vars(module).items():
            if attr.endswith(SET_SUFFIXES) and isinstance(value, frozenset | set) and all(
                    isinstance(v, str) for v in value):
                sets.setdefault(attr, set()).add(tuple(sorted(value)))
                where.setdefault(attr, set()).add(info.name)
    lines.append("# word sets: name -> sorted members (one line per distinct value)")
    for attr in sorted(sets):
        lines += [f"{attr}\t{' '.join(members)}" for members in sorted(sets[attr])]
    lines.append("# where: name -> modules it can be imported from (expected to change when a name moves)")
    lines += [f"{attr}\t{' '.join(sorted(where[attr]))}" for attr in sorted(where)]
    return lines


def _write(path: Path, lines: list[str]) -> str:
    text = "".join(line + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _without_where(text: str) -> str:
    return text.split("# where:", 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "coding_fingerprint",
                        help="folder for events.tsv and tables.txt (default out/coding_fingerprint)")
    parser.add_argument("--files", type=Path, nargs="+", default=None,
                        help="gold files to code instead of the development sets and PLOVER (JSONL pages or any "
                             "`detente code eval` format)")
    parser.add_argument("--no-classifier", action="store_true",
                        help="the rules alone (quicker; the default is the shipped coder with its classifier)")
    parser.add_argument("--pairs", default="rules", metavar="rules|model|encoder|static|finetuned",
                        help="the pair model to code with, by its `detente code --pairs` name (default rules: none, "
                             "whatever the coder's default; give static for the coder's default)")
    parser.add_argument("--tables-only", action="store_true", help="write tables.txt only (seconds, no coding)")
    parser.add_argument("--check", type=Path, default=None, metavar="DIR",
                        help="an earlier run's folder: exit 1 unless events.tsv is byte-identical and tables.txt "
                             "identical except for its 'where' section")
    args = parser.parse_args(argv)
    files = args.files if args.files is not None else [*development_files(), PLOVER]
    missing = [str(p) for p in files if not p.is_file()]
    if missing and not args.tables_only:
        print("not found: " + ", ".join(missing), file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"tables.txt sha256 {_write(args.out / 'tables.txt', table_lines())}")
    if not args.tables_only:
        from detente.cli.code import PAIR_CHOICES
        from detente.coding import Coder

        pairs = PAIR_CHOICES[args.pairs]
        if args.no_classifier:
            coder = Coder(pair_model=pairs)
        else:
            from detente.coding.classifier import default_classifier

            coder = Coder(classifier=default_classifier(), pair_model=pairs)
        lines: list[str] = []
        for path in files:
            lines += code_file(path, coder)
        print(f"events.tsv sha256 {_write(args.out / 'events.tsv', lines)} ({len(lines)} events, {len(files)} files)")
    if args.check is None:
        return 0
    same = True
    names = ["tables.txt"] if args.tables_only else ["tables.txt", "events.tsv"]
    for name in names:
        before, after = ((d / name).read_text(encoding="utf-8") for d in (args.check, args.out))
        if name == "tables.txt":
            before, after = _without_where(before), _without_where(after)
        print(f"{name}: {'identical' if before == after else 'DIFFERS'} (vs {args.check})")
        same = same and before == after
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
