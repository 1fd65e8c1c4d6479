"""CLI commands: `detente case check|list|show` for scenario files and built-in cases."""

from __future__ import annotations

import typer

from detente.cli.output import console, print_json, print_table

case_app = typer.Typer(help="Scenario files and built-in cases: validate, list, inspect.", no_args_is_help=True)


def _counts(scenario) -> dict[str, int]:  # type: ignore[no-untyped-def]
    estimates = list(scenario.iter_estimates())
    return {
        "actors": len(scenario.actors),
        "issues": len(scenario.issues),
        "variants": len(scenario.variants),
        "plans": len(scenario.plans),
        "numbers": len(estimates),
        "cited": sum(1 for _, e in estimates if e.source.cite),
        "estimates_only": sum(1 for _, e in estimates if not e.source.cite),
        "ranges": sum(1 for _, e in estimates if not e.is_point),
    }


def _short_list(items: list[str], limit: int = 8) -> str:
    return ", ".join(items) if len(items) <= limit else ", ".join(items[:limit]) + f", ... ({len(items) - limit} more)"


@case_app.command("check")
def check(
    file: str = typer.Argument(..., help="Scenario file (YAML or KTAB CSV) or a built-in case name."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Validate a scenario without running it: OK and a summary, or one line naming the file, field and fix (exit 2)."""
    from detente.cases import resolve_case

    scenario = resolve_case(file)
    counts = _counts(scenario)
    if json_out:
        print_json({"ok": True, "file": file, "name": scenario.name, "input_hash": scenario.input_hash(), **counts})
        return
    typer.echo(
        f"OK {file}: '{scenario.name}', {counts['actors']} actors ({_short_list(scenario.actor_codes)}), "
        f"{counts['issues']} issues, {counts['variants']} variants, {counts['plans']} plans; "
        f"{counts['numbers']} numbers ({counts['ranges']} ranges), {counts['cited']} cite a source, "
        f"{counts['estimates_only']} are estimates"
    )


@case_app.command("list")
def list_command(json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the built-in cases."""
    from detente.cases import list_cases, load_case

    rows = []
    for name in list_cases():
        s = load_case(name)
        rows.append({"name": name, "title": s.title, "as_of": s.as_of, "actors": " ".join(s.actor_codes), "issues": len(s.issues), "plans": len(s.plans), "variants": len(s.variants)})
    if json_out:
        print_json(rows)
        return
    print_table(list(rows[0]) if rows else ["name"], [list(r.values()) for r in rows], title="Built-in cases")


@case_app.command("show")
def show(
    case: str = typer.Argument("us-russia-2025", help="Built-in case name or scenario file."),
    issue: str = typer.Option(None, "--issue", "-i", help="Show one issue only."),
    json_out: bool = typer.Option(False, "--json", help="Print the validated scenario as JSON."),
) -> None:
    """Show a case's inputs with their sources: issues and anchors, every position and salience, variants, plans."""
    from detente.cases import resolve_case

    scenario = resolve_case(case)
    if json_out:
        print_json(scenario.to_dict())
        return
    if console.is_terminal:
        console.print(f"[bold]{scenario.title}[/] ({scenario.name}, as of {scenario.as_of})", highlight=False)
        console.print(scenario.description, highlight=False)
    print_table(["id", "source"], [[k, c.describe()] for k, c in scenario.sources.items()], title="Sources")

    def fmt(e) -> str:  # type: ignore[no-untyped-def]
        return f"{e.mode:g}" if e.is_point else f"{e.mode:g} [{e.low:g}-{e.high:g}]"

    print_table(["actor", "capability", "source"], [[a.code, fmt(a.capability), a.capability.source.describe()] for a in scenario.actors], title="Actors")
    for i in scenario.issues:
        if issue and i.id != issue:
            continue
        anchors = "; ".join(f"{k:g}: {v}" for k, v in i.anchors.items())
        rows = [["status quo", fmt(i.status_quo), "", i.status_quo.source.describe()]]
        for a in scenario.actor_codes:
            st = scenario.stances[(a, i.id)]
            rows.append([a, fmt(st.position), fmt(st.salience), f"position: {st.position.source.describe()} | salience: {st.salience.source.describe()}"])
        print_table(["actor", "position", "salience", "sources"], rows, title=f"{i.id}: {i.name} ({anchors})")
    if scenario.variants and not issue:
        print_table(["variant", "title", "description"], [[v.name, v.title, v.description] for v in scenario.variants.values()], title="Variants (detente forecast --variant NAME)")
    if scenario.plans and not issue:
        print_table(
            ["plan", "title", *scenario.issue_ids],
            [[p.name, p.title, *(p.point[i].value for i in scenario.issue_ids)] for p in scenario.plans.values()],
            title="Plans (detente plans --plan NAME)",
            digits=0,
        )


@case_app.command("export")
def export(
    case: str = typer.Argument("us-russia-2025", help="Built-in case name."),
    out: str = typer.Argument(None, help="File to write (default: print the YAML)."),
) -> None:
    """Print or save a built-in case's YAML, as a starting point for your own scenario."""
    import os
    import tempfile
    from pathlib import Path

    from detente.cases import case_text
    from detente.errors import InputError

    text = case_text(case)
    if out is None:
        typer.echo(text, nl=False)
        return
    target = Path(out)
    if not target.parent.is_dir():
        raise InputError("the directory does not exist", path=target.parent, hint="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    typer.echo(f"wrote {target}")


def register(app: typer.Typer) -> None:
    """Add the `case` command group to the app."""
    app.add_typer(case_app, name="case")
