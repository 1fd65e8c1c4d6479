"""CLI commands: `detente case check|list|show|timeline|export|new` for scenario files and built-in cases."""

from __future__ import annotations

import difflib
import re

import typer

from detente.cli.output import console, err_console, print_json, print_table

case_app = typer.Typer(help="Scenario files and built-in cases: validate, list, inspect.", no_args_is_help=True)

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _short_list(items: list[str], limit: int = 8) -> str:
    return ", ".join(items) if len(items) <= limit else ", ".join(items[:limit]) + f", ... ({len(items) - limit} more)"


def _note(text: str) -> None:
    err_console.print(f"note: {text}", markup=False, highlight=False, soft_wrap=True)


def _choice(value: str, choices: list[str], flag: str, what: str) -> str:
    """`value` if it is one of `choices` (case-insensitive), else an error naming the nearest ones."""
    from detente.errors import InputError

    by_fold = {c.casefold(): c for c in choices}
    if value.casefold() in by_fold:
        return by_fold[value.casefold()]
    close = difflib.get_close_matches(value, choices, n=3)
    hint = (f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "") + f"{what}: {', '.join(choices)}"
    raise InputError(f"no {what.rstrip('s')} '{value}' in this case", field=flag, hint=hint)


@case_app.command("check")
def check(
    file: str = typer.Argument(..., help="Scenario file (YAML or KTAB CSV) or a built-in case name."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Validate a scenario and check its quotes against their sources: OK and a summary, or each problem and exit 2."""
    from detente.bargaining.scenario import scenario_counts
    from detente.cases import resolve_case
    from detente.cases.verify import SOURCES_ENV, describe_missing, verify_case
    from detente.errors import ScenarioError

    scenario = resolve_case(file)
    counts = scenario_counts(scenario)
    quotes = verify_case(file)
    summary = {"file": file, "name": scenario.name, "input_hash": scenario.input_hash(), **counts, "quotes": quotes.to_dict()}
    if quotes.missing:
        if json_out:
            print_json({"ok": False, **summary})
        for line in describe_missing(quotes):
            err_console.print(line, markup=False, highlight=False, soft_wrap=True)
        first = quotes.missing[0]
        raise ScenarioError(
            f"{len(quotes.missing)} quote(s) do not occur in the source they cite (first: {first.key}, citing {first.cite})",
            path=quotes.origin,
            line=first.line,
            hint="copy the quote word for word from the source text, or cite the source that says it",
        )
    if json_out:
        print_json({"ok": True, **summary})
    else:
        typer.echo(
            f"OK {file}: '{scenario.name}', {counts['actors']} actors ({_short_list(scenario.actor_codes)}), "
            f"{counts['issues']} issues, {counts['variants']} variants, {counts['plans']} plans; "
            f"{counts['numbers']} numbers ({counts['ranges']} ranges), {counts['cited']} cite a source, "
            f"{counts['estimates_only']} are estimates, {counts['external']} name an outside fact; "
            f"quotes: {len(quotes.found)} found in their source, {len(quotes.unverified)} not verified"
        )
    for cite, tried in quotes.unavailable.items():
        n = sum(1 for c in quotes.unverified if c.cite == cite)
        _note(
            f"{n} quote(s) citing '{cite}' not verified: its text was not found (looked in {', '.join(tried)}); "
            f"give the citation a `path:` or put the text in a folder named by ${SOURCES_ENV}"
        )


@case_app.command("list")
def list_command(json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the built-in cases, with their timelines."""
    from detente.cases import list_cases, load_case
    from detente.cases.timeline import available_timelines, load_timeline_document

    timelines = set(available_timelines())
    rows = []
    for name in list_cases():
        s = load_case(name)
        events = len(load_timeline_document(name).events) if name in timelines else 0
        rows.append(
            {"name": name, "title": s.title, "as_of": s.as_of, "actors": " ".join(s.actor_codes), "issues": len(s.issues),
             "plans": len(s.plans), "variants": len(s.variants), "timeline_events": events}
        )
    if json_out:
        print_json(rows)
        return
    print_table(list(rows[0]) if rows else ["name"], [list(r.values()) for r in rows], title="Built-in cases")


@case_app.command("show")
def show(
    case: str = typer.Argument("us-russia-2025", help="Built-in case name or scenario file."),
    issue: str = typer.Option(None, "--issue", "-i", help="Show one issue only (an issue id of the case)."),
    actor: str = typer.Option(None, "--actor", "-a", help="Show one actor's stances only (an actor code of the case)."),
    json_out: bool = typer.Option(False, "--json", help="Print the validated scenario as JSON."),
) -> None:
    """Show a case's inputs with their sources: issues and anchors, every position and salience, variants, plans."""
    from detente.cases import resolve_case

    scenario = resolve_case(case)
    if issue is not None:
        issue = _choice(issue, scenario.issue_ids, "--issue", "issues")
    if actor is not None:
        actor = _choice(actor, scenario.actor_codes, "--actor", "actors")
    if json_out:
        if issue is not None or actor is not None:
            _note("--issue and --actor choose what the tables show; --json prints the whole validated scenario")
        print_json(scenario.to_dict())
        return
    if console.is_terminal:
        console.print(f"[bold]{scenario.title}[/] ({scenario.name}, as of {scenario.as_of})", highlight=False)
        console.print(scenario.description, highlight=False)
    print_table(["id", "source"], [[k, c.describe()] for k, c in scenario.sources.items()], title="Sources")

    def fmt(e) -> str:  # type: ignore[no-untyped-def]
        return f"{e.mode:g}" if e.is_point else f"{e.mode:g} [{e.low:g}-{e.high:g}]"

    actors = [a for a in scenario.actors if actor is None or a.code == actor]
    print_table(["actor", "capability", "source"], [[a.code, fmt(a.capability), a.capability.source.describe()] for a in actors], title="Actors")
    for i in scenario.issues:
        if issue and i.id != issue:
            continue
        anchors = "; ".join(f"{k:g}: {v}" for k, v in i.anchors.items())
        rows = [["status quo", fmt(i.status_quo), "", i.status_quo.source.describe()]] if actor is None else []
        for a in (x.code for x in actors):
            st = scenario.stances[(a, i.id)]
            rows.append([a, fmt(st.position), fmt(st.salience), f"position: {st.position.source.describe()} | salience: {st.salience.source.describe()}"])
        print_table(["actor", "position", "salience", "sources"], rows, title=f"{i.id}: {i.name} ({anchors})")
    if scenario.variants and not issue and not actor:
        print_table(["variant", "title", "description"], [[v.name, v.title, v.description] for v in scenario.variants.values()], title="Variants (detente forecast --variant NAME)")
    if scenario.plans and not issue and not actor:
        print_table(
            ["plan", "title", *scenario.issue_ids],
            [[p.name, p.title, *(p.point[i].value for i in scenario.issue_ids)] for p in scenario.plans.values()],
            title="Plans (detente plans --plan NAME)",
            digits=0,
        )
    external = sum(1 for _, e in scenario.iter_estimates() if e.source.external)
    if external:
        _note(f"{external} number(s) also rest on a fact from outside the cited sources, marked 'external (not in the sources)'")


@case_app.command("timeline")
def timeline(
    case: str = typer.Argument("us-russia-2025", help="Built-in case name, or a timeline YAML file."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a case's event timeline: each event dated at its precision, with the basis of the date and its sentence."""
    from pathlib import Path

    from detente.cases.timeline import TIMELINES, resolve_timeline
    from detente.cases.verify import SOURCES_ENV, verify_spans
    from detente.errors import InputError

    doc = resolve_timeline(case)
    builtin = case in TIMELINES
    origin = f"detente/cases/timelines/{TIMELINES[case]}" if builtin else case
    spans = verify_spans(doc, origin=origin, base_dir=None if builtin else Path(case).resolve().parent)
    if spans.wrong:
        for key, doc_id, start, end in spans.wrong:
            err_console.print(f"{origin}: {key}: the text at {doc_id}:{start}-{end} is not the sentence", markup=False, highlight=False)
        raise InputError(
            f"{len(spans.wrong)} sentence(s) are not at their span in the document (first: {spans.wrong[0][0]})",
            path=origin,
            hint="set char_start/char_end to the sentence's offsets in the document (Python str offsets into the UTF-8 text)",
        )
    records = doc.records()
    context = doc.context_records()
    if json_out:
        spans_doc = {"checked": spans.checked, "unverified": spans.unverified, "texts": spans.texts}
        print_json({"case": doc.case, "title": doc.title, "events": records, "context": context, "not_coded": len(doc.not_coded), "spans": spans_doc})
        return
    print_table(
        ["date", "basis", "dyad", "CAMEO", "goldstein", "words", "document:span"],
        [[r["date"], r["basis"] + (f", {r['modality']}" if r["modality"] else ""), f"{r['source']}→{r['target']}", r["cameo"],
          r["goldstein"], r["quote"], f"{r['doc_id']}:{r['span']}"] for r in records],
        title=f"{doc.title}: {len(records)} events",
    )
    if context:
        print_table(
            ["topic", "id", "actors", "words", "document:span"],
            [[n["topic"], n["id"], " ".join(n["actors"]), n["quote"], f"{n['doc_id']}:{n['span']}"] for n in context],
            title="Context: stances, aims and periods the articles state (cited, not counted as events)",
        )
    external = sum(1 for r in records if r["basis"] == "external") + sum(1 for n in context if n["external"])
    if external:
        _note(f"{external} date(s) come from outside the articles (basis 'external'); `--json` gives each one's note")
    if doc.not_coded:
        _note(f"{len(doc.not_coded)} sentence(s) that look like events were left uncoded on purpose; the timeline file gives each reason")
    for doc_id, tried in spans.unavailable.items():
        _note(f"sentences of {doc_id} not checked at their spans: its text was not found (looked in {', '.join(tried)}); set ${SOURCES_ENV} to its folder")


@case_app.command("export")
def export(
    case: str = typer.Argument("us-russia-2025", help="Built-in case name."),
    out: str = typer.Argument(None, help="File to write (.yaml or .yml; default: print the YAML)."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Print or save a built-in case's YAML, as a starting point for your own scenario."""
    from detente.cases import case_text
    from detente.files import atomic_write, check_output

    if out is not None:
        target = check_output(out, flag="OUT", suffixes=[".yaml", ".yml"], overwrite=force)
    text = case_text(case)
    if out is None:
        typer.echo(text, nl=False)
        return
    atomic_write(target, text)
    typer.echo(f"wrote {target}")


@case_app.command("new")
def new(
    name: str = typer.Argument(..., help="Name of the new case: lower-case letters, digits and hyphens (e.g. iran-talks-2025)."),
    out: str = typer.Option(None, "--out", "-o", help="File to write (.yaml or .yml; default: NAME.yaml in this folder)."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Write a small commented scenario template to start a case from; it passes `detente case check` as written."""
    from detente.cases.template import scenario_template
    from detente.errors import InputError
    from detente.files import atomic_write, check_output

    if not _NAME.match(name):
        raise InputError(f"bad case name '{name}'", field="NAME", hint="use lower-case letters, digits and hyphens, e.g. iran-talks-2025")
    target = check_output(out or f"{name}.yaml", flag="--out", suffixes=[".yaml", ".yml"], overwrite=force)
    atomic_write(target, scenario_template(name))
    typer.echo(f"wrote {target}: edit it, then run `detente case check {target}`")


def register(app: typer.Typer) -> None:
    """Add the `case` command group to the app."""
    app.add_typer(case_app, name="case")
