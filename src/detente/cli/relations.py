"""CLI commands: ``detente relations``, ``detente shifts`` and ``detente triangle``.

Each command checks every flag first (actors through :func:`detente.actors.lookup`,
dates, the plot path, the data source), then reads the events chosen by the one rule
of :mod:`detente.relations.sources` (``--db``, ``--parquet``, ``--timeline`` or ``--case``, else
``$DETENTE_DB``, else ``./detente.duckdb``, else the built-in timeline), calls one
library function in :mod:`detente.relations` and renders the result, saying where
the data came from in a caption line.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pandas as pd
import typer

from detente.cli.output import console, err_console, print_json, print_table
from detente.errors import InputError
from detente.relations.sources import EventSource, SourceChoice


class Freq(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Smooth(str, Enum):
    none = "none"
    rolling = "rolling"
    ewm = "ewm"


class Method(str, Enum):
    pelt = "pelt"
    binseg = "binseg"


class TriangleMeasure(str, Enum):
    net_coop = "net_coop"
    goldstein_mean = "goldstein_mean"


DB_OPTION = typer.Option(None, "--db", help="DuckDB event store. Default: $DETENTE_DB, else ./detente.duckdb if present, else the built-in timeline.")
TIMELINE_OPTION = typer.Option(None, "--timeline", help="Your own timeline YAML (the schema of the built-in case timelines) instead of a store.")
PARQUET_OPTION = typer.Option(
    None, "--parquet", metavar="DIR",
    help="A Parquet event dataset (from `detente events export --parquet` or `events import ... --parquet`), read with Dask DataFrame.",
)
SCHEDULER_OPTION = typer.Option(
    None, "--scheduler", metavar="ADDRESS",
    help="Read the --parquet dataset on this Dask cluster (tcp://host:8786). Default: $DETENTE_SCHEDULER, else local threads.",
)
CASE_OPTION = typer.Option(None, "--case", help="A built-in case's timeline (see `detente case list`), instead of a store.")
SINCE_OPTION = typer.Option(None, "--since", help="First day: YYYY-MM-DD, YYYY-MM or YYYY.")
UNTIL_OPTION = typer.Option(None, "--until", help="Last day: YYYY-MM-DD, YYYY-MM (its last day) or YYYY.")
ALL_MODALITIES_OPTION = typer.Option(
    False, "--all-modalities",
    help="Also count events that do not assert their act (negated, 'may attack', conditional, reported by others).",
)
FORCE_OPTION = typer.Option(False, "--force", help="Replace the --plot file if it exists.")
A_ARGUMENT = typer.Argument(..., metavar="A", help="First actor: code or name (USA, RUS, EUR, Ukraine, 'European Union', 'the Kremlin', Putin ...).")
B_ARGUMENT = typer.Argument(..., metavar="B", help="Second actor.")
DYAD_FREQ_OPTION = typer.Option(Freq.month, "--freq", help="Period length.")
DIRECTED_OPTION = typer.Option(False, "--directed", help="Only events from A to B (default: both directions).")
EVENTS_OPTION = typer.Option("3", "--events", help="Events to show behind each turn: a number, or 'all' for every one.")


@dataclass(frozen=True)
class Request:
    """A command's checked inputs: the actors as codes, the date range, the data source and the plot path."""

    actors: tuple[str, ...]
    since: pd.Timestamp | None
    until: pd.Timestamp | None
    choice: SourceChoice
    plot: Path | None


def _note_every_period(json_out: bool, all_periods: bool) -> None:
    """--all-periods lists the periods without events in the table; the JSON lists every period anyway."""
    if json_out and all_periods:
        err_console.print("note: --all-periods changes nothing with --json, which lists every period", markup=False,
                          highlight=False, soft_wrap=True)


def check_request(
    actors: list[tuple[str, str]], *, db: Path | None, timeline: Path | None, case: str | None,
    since: str | None, until: str | None, plot: Path | None, force: bool,
    parquet: Path | None = None, scheduler: str | None = None,
) -> Request:
    """Every flag checked before any work: (value, flag) actors (two distinct ones for a dyad, three for a triangle), dates, plot path, data source."""
    from detente.actors import lookup
    from detente.files import check_output
    from detente.relations.sources import choose_source, parse_range
    from detente.report.plots import PLOT_SUFFIXES

    codes = tuple(lookup(value, field=flag) for value, flag in actors)
    if len(codes) == 2:
        from detente.relations.series import dyad_actors

        dyad_actors(*codes)
    elif len(set(codes)) != len(codes):
        raise InputError(f"a triangle needs three different actors, got {', '.join(codes)}", field="A B C", hint="name three different actors")
    lo, hi = parse_range(since, until)
    if force and plot is None:
        raise InputError("needs --plot: it replaces the --plot file", field="--force", hint="drop --force, or give --plot FILE")
    path = check_output(plot, flag="--plot", suffixes=PLOT_SUFFIXES, overwrite=force) if plot is not None else None
    return Request(codes, lo, hi, choose_source(db, timeline, case, parquet=parquet, scheduler=scheduler), path)


def _check_measure(measure: str) -> None:
    from detente.relations.series import MEASURES

    if measure not in MEASURES:
        raise InputError(f"unknown measure '{measure}'", field="--measure", hint=f"one of {', '.join(MEASURES)}")


def _check_events_shown(value: str) -> int | None:
    """``--events``: a number of events behind each turn, or ``all``."""
    if value.strip().lower() == "all":
        return None
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise InputError(f"bad value '{value}'", field="--events", hint="give a number of events (0 or more) or 'all'")
    return number


def _empty_note(source: EventSource, req: Request, n_events: int, unasserted: int) -> None:
    """Say so when there is nothing to show: no events between the actors in this source (and date range)."""
    if n_events:
        return
    pair = "-".join(req.actors)
    extra = f" ({unasserted} unasserted event(s) left out; --all-modalities counts them)" if unasserted else ""
    if req.since is not None or req.until is not None:
        span = f"{'...' if req.since is None else f'{req.since:%Y-%m-%d}'} to {'...' if req.until is None else f'{req.until:%Y-%m-%d}'}"
        _caption(f"note: no events between {pair} from {span} in {source.choice.label()}{extra}; "
                 "try a wider --since/--until, or another --db, --timeline or --case")
        return
    _caption(f"note: no events between {pair} in {source.choice.label()}{extra}; try another --db, --timeline or --case")


def _source_captions(source: EventSource) -> None:
    """Where the numbers come from, and any setting that did not apply."""
    _caption(source.description)
    for note in source.notes:
        _caption(f"note: {note}")


def _caption(text: str) -> None:
    if console.is_terminal:
        console.print(f"[dim]{text}[/dim]")
    else:
        sys.stdout.write(f"# {text}\n")


def _fmt(value: Any, digits: int = 2, signed: bool = True) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def _period_label(period: pd.Timestamp, freq: str) -> str:
    """The period's label (:func:`~detente.relations.series.period_label`), a week marked as one."""
    from detente.relations.series import period_label

    return period_label(period, freq) + (" wk" if freq == "week" else "")


def _bar(value: float, width: int = 10) -> str:
    """A small text gauge for net cooperation in [-1, 1]."""
    if value is None or pd.isna(value):
        return ""
    n = int(round(abs(value) * width))
    return ("+" * n) if value > 0 else ("-" * n) if value < 0 else "·"


def _label(cameo: Any) -> str:
    from detente import ontology

    try:
        return ontology.label(cameo)
    except Exception:  # noqa: BLE001 - an unknown code in user data must not break the table
        return str(cameo)


def _event_line(d: dict[str, Any]) -> str:
    return f"{_driver_date(d)} {d['source']}→{d['target']} {_label(d['cameo'])} ({d['goldstein']:+.1f})"


def _driver_date(d: dict[str, Any]) -> str:
    """An event's date at its precision (2019, 2025-02, 2025-02-18), never a year shown as 1 January."""
    from datetime import date

    from detente.cases.timeline import date_label

    return date_label(date.fromisoformat(str(d["date"])[:10]), d.get("date_precision") or "day")


def _shift_tables(shifts: list[Any], freq: str) -> None:
    """The turning points, then the events behind each."""
    _shifts_table(shifts, freq)
    _drivers_table(shifts, freq)


def _shifts_table(shifts: list[Any], freq: str) -> None:
    rows = []
    for s in shifts:
        behind = _event_line(s.drivers[0]) if s.drivers else "–"
        if len(s.drivers) > 1:
            behind += f" (+{len(s.drivers) - 1} more below)"
        rows.append([_period_label(s.date, freq), s.direction, _fmt(s.before), _fmt(s.after), _fmt(s.size), behind])
    print_table(["turn", "direction", "before", "after", "size", "main event behind it"], rows, title=f"Turning points ({shifts[0].measure})")


def _drivers_table(shifts: list[Any], freq: str) -> None:
    rows = []
    for s in shifts:
        for d in s.drivers:
            where = f"{d.get('doc_id')}:{d.get('char_start')}-{d.get('char_end')}" if d.get("char_start") is not None else str(d.get("doc_id"))
            text = d.get("sentence") or ""
            if len(text) > 160:
                text = text[:157] + "…"
            rows.append([
                _period_label(s.date, freq), _driver_date(d), f"{d['source']}→{d['target']}", f"{d['cameo']} {_label(d['cameo'])}",
                _fmt(d["goldstein"], 1), text, where,
            ])
    if rows:
        print_table(["turn", "date", "dyad", "event (CAMEO)", "goldstein", "source sentence", "document:span"], rows, title="Events behind each turn")


def _shift_options(
    freq: Freq, measure: str, directed: bool, req: Request, method: Method, penalty: float | None,
    n_shifts: int | None, min_size: int, top: int | None, all_modalities: bool,
) -> dict[str, Any]:
    return dict(
        freq=freq.value, measure=measure, directed=directed, start=req.since, end=req.until, method=method.value,
        penalty=penalty, n_shifts=n_shifts, min_size=min_size, top=top, include_unasserted=all_modalities,
    )


def _check_detector(method: Method, n_shifts: int | None) -> None:
    if n_shifts is not None and method is not Method.binseg:
        raise InputError("needs --method binseg", field="--n-shifts", hint="add --method binseg, or drop --n-shifts and tune --penalty")
    if n_shifts is not None and n_shifts < 1:
        raise InputError(f"must be at least 1, got {n_shifts}", field="--n-shifts", hint="give 1 or more")


def _check_penalty(penalty: float | None, n_shifts: int | None) -> None:
    if penalty is not None and n_shifts is not None:
        raise InputError("conflicts with --n-shifts: both set how many shifts are found", field="--penalty", hint="give one of them")


def _domestic_caption(count: int, codes: tuple[str, ...]) -> None:
    """Say how many of one country's own events the dyad rule left out (:mod:`detente.actors.dyads`)."""
    if count:
        from detente.actors.dyads import dyad_filter

        countries = dyad_filter(*codes).countries
        named = ", ".join(countries[:3]) + (" ..." if len(countries) > 3 else "")
        _caption(f"{count} event(s) between two sides of one country ({named}) left out: a country's own events are not "
                 f"{'-'.join(codes)} events (a dyad of two sides of it, e.g. {countries[0]}GOV {countries[0]}COP, counts them)")


def _unasserted_caption(count: int) -> None:
    if count:
        _caption(f"{count} event(s) that do not assert their act (negated, modal, conditional or reported) left out; --all-modalities counts them")


def _left_out_captions(wide: pd.DataFrame, codes: tuple[str, ...]) -> None:
    """The dyad's events the series did not count: unasserted ones (when any event counted) and one country's own."""
    if wide.attrs.get("n_events", 0):
        _unasserted_caption(wide.attrs.get("unasserted_events", 0))
    _domestic_caption(wide.attrs.get("domestic_events", 0), codes)


def _load(req: Request, dyads: list[tuple[str, str]]) -> EventSource:
    from detente.relations.sources import load_events

    return load_events(req.choice, start=req.since, end=req.until, dyads=dyads)


def relations_command(
    a: str = A_ARGUMENT,
    b: str = B_ARGUMENT,
    freq: Freq = DYAD_FREQ_OPTION,
    directed: bool = DIRECTED_OPTION,
    db: Path | None = DB_OPTION,
    parquet: Path | None = PARQUET_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    timeline: Path | None = TIMELINE_OPTION,
    case: str | None = CASE_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    measure: str = typer.Option("goldstein_mean", "--measure", help="Measure for the turning points: goldstein_mean, net_coop, goldstein_sum, ..."),
    smooth: Smooth = typer.Option(Smooth.none, "--smooth", help="Smooth the series: rolling mean or EWMA over --window periods."),
    window: int | None = typer.Option(None, "--window", min=1, help="Smoothing window, in periods (1 or more; default 3). Needs --smooth."),
    method: Method = typer.Option(Method.pelt, "--method", help="Change-point search (ruptures)."),
    penalty: float | None = typer.Option(None, "--penalty", min=0.0, help="Penalty per turning point (default: 3·σ²·log n)."),
    events: str = EVENTS_OPTION,
    all_periods: bool = typer.Option(False, "--all-periods", help="Also list periods without events."),
    all_modalities: bool = ALL_MODALITIES_OPTION,
    json_out: bool = typer.Option(False, "--json", help="Print JSON (series, turning points, events) instead of tables."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a chart of the series with its turning points (.png, .svg or .pdf)."),
    force: bool = FORCE_OPTION,
) -> None:
    """How cooperative or hostile relations between A and B were, period by period, where they turned, and why.

    Net cooperation = (cooperative - conflictual events) / (cooperative + conflictual), -1 to +1;
    Goldstein mean on the -10 (hostile) to +10 (cooperative) scale. Only events that assert
    their act count (not "may attack", not negated) unless --all-modalities.
    """
    from detente.relations.series import dyad_series, series_wide
    from detente.relations.shifts import dyad_shifts

    _check_measure(measure)
    top = _check_events_shown(events)
    if window is not None and smooth is Smooth.none:
        raise InputError("sets the smoothing window, but nothing is smoothed", field="--window", hint="add --smooth rolling or --smooth ewm, or drop --window")
    window = 3 if window is None else window
    req = check_request([(a, "A"), (b, "B")], db=db, timeline=timeline, case=case, since=since, until=until, plot=plot, force=force,
                        parquet=parquet, scheduler=scheduler)
    _note_every_period(json_out, all_periods)
    ca, cb = req.actors
    source = _load(req, [(ca, cb)])
    sm = None if smooth is Smooth.none else smooth.value
    common = dict(freq=freq.value, directed=directed, start=req.since, end=req.until, include_unasserted=all_modalities)
    wide = series_wide(source.events, ca, cb, **common)
    smoothed = series_wide(source.events, ca, cb, smooth=sm, window=window, **common) if sm else None
    shifts = dyad_shifts(source.events, ca, cb, **_shift_options(freq, measure, directed, req, method, penalty, None, 2, top, all_modalities))
    dyad = f"{ca}→{cb}" if directed else f"{ca}–{cb}"
    if json_out:
        long = dyad_series(source.events, ca, cb, smooth=sm, window=window, **common)
        print_json(
            {
                "data": source.to_record(),
                "dyad": {"a": ca, "b": cb, "directed": directed},
                "freq": freq.value,
                "include_unasserted": all_modalities,
                "n_events": wide.attrs.get("n_events", 0),
                "unasserted_events": wide.attrs.get("unasserted_events", 0),
                "domestic_events": wide.attrs.get("domestic_events", 0),
                "coarse_events": wide.attrs.get("coarse_events", 0),
                "series": long.to_dict("records"),
                "shifts": [s.to_record() for s in shifts],
            }
        )
    else:
        _source_captions(source)
        shown = wide if all_periods else wide[wide["events"] > 0]
        rows = []
        for period, r in shown.iterrows():
            row = [
                _period_label(period, freq.value), int(r["events"]), int(r["cooperation"]), int(r["conflict"]),
                _fmt(r["net_coop"]), _bar(r["net_coop"]), _fmt(r["goldstein_mean"]), _fmt(r["goldstein_sum"], 1),
            ]
            if smoothed is not None:
                row.append(_fmt(smoothed.at[period, measure] if measure in smoothed else None))
            rows.append(row)
        columns = ["period", "events", "coop", "conflict", "net coop", "", "Goldstein mean", "Goldstein sum"]
        if smoothed is not None:
            columns.append(f"{measure} ({smooth.value}, {window})")
        _empty_note(source, req, wide.attrs.get("n_events", 0), wide.attrs.get("unasserted_events", 0))
        if rows:
            print_table(columns, rows, title=f"{dyad} by {freq.value}")
        hidden = len(wide) - len(shown)
        notes = []
        if hidden and rows:
            notes.append(f"{hidden} {freq.value}s without events hidden (--all-periods shows them)")
        if wide.attrs.get("coarse_events"):
            notes.append(f"{wide.attrs['coarse_events']} event(s) dated only to a coarser period are counted at its first {freq.value}")
        if notes:
            _caption("; ".join(notes))
        _left_out_captions(wide, req.actors)
        if shifts:
            _shift_tables(shifts, freq.value)
        elif wide.attrs.get("n_events", 0):
            _caption(f"no turning point found in {measure} (try --penalty lower, or a longer range)")
    if req.plot is not None:
        from detente.relations.plot import plot_dyad

        _written(plot_dyad(
            wide, shifts, req.plot, title=f"{dyad} relations by {freq.value}", measure=measure, smoothed=smoothed,
            caption=_plot_caption(source), freq=freq.value,
        ), json_out)


def shifts_command(
    a: str = A_ARGUMENT,
    b: str = B_ARGUMENT,
    freq: Freq = DYAD_FREQ_OPTION,
    directed: bool = DIRECTED_OPTION,
    db: Path | None = DB_OPTION,
    parquet: Path | None = PARQUET_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    timeline: Path | None = TIMELINE_OPTION,
    case: str | None = CASE_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    measure: str = typer.Option("goldstein_mean", "--measure", help="Series to segment: goldstein_mean, net_coop, goldstein_sum, events ..."),
    method: Method = typer.Option(Method.pelt, "--method", help="pelt (exact, penalised) or binseg (fast; allows --n-shifts)."),
    penalty: float | None = typer.Option(None, "--penalty", min=0.0, help="Penalty per shift (default 3·σ²·log n, σ from first differences)."),
    n_shifts: int | None = typer.Option(None, "--n-shifts", help="Exactly this many shifts (needs --method binseg)."),
    min_size: int = typer.Option(2, "--min-size", min=1, help="Shortest segment, in observed periods."),
    events: str = EVENTS_OPTION,
    all_modalities: bool = ALL_MODALITIES_OPTION,
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a chart of the series with its shifts (.png, .svg or .pdf)."),
    force: bool = FORCE_OPTION,
) -> None:
    """Change points in the A-B relation: dated, with levels before and after, size and the events behind each."""
    from detente.relations.series import series_wide
    from detente.relations.shifts import detector_settings, dyad_shifts, measure_signal

    _check_measure(measure)
    _check_detector(method, n_shifts)
    _check_penalty(penalty, n_shifts)
    top = _check_events_shown(events)
    req = check_request([(a, "A"), (b, "B")], db=db, timeline=timeline, case=case, since=since, until=until, plot=plot, force=force,
                        parquet=parquet, scheduler=scheduler)
    ca, cb = req.actors
    source = _load(req, [(ca, cb)])
    found = dyad_shifts(source.events, ca, cb, **_shift_options(freq, measure, directed, req, method, penalty, n_shifts, min_size, top, all_modalities))
    wide = series_wide(source.events, ca, cb, freq=freq.value, directed=directed, start=req.since, end=req.until, include_unasserted=all_modalities)
    settings = detector_settings(measure_signal(wide, measure), method=method.value, penalty=penalty, n_shifts=n_shifts, min_size=min_size)
    dyad = f"{ca}→{cb}" if directed else f"{ca}–{cb}"
    if json_out:
        print_json({"data": source.to_record(), "dyad": {"a": ca, "b": cb, "directed": directed}, "freq": freq.value,
                    "measure": measure, "include_unasserted": all_modalities, "n_events": wide.attrs.get("n_events", 0),
                    "unasserted_events": wide.attrs.get("unasserted_events", 0),
                    "domestic_events": wide.attrs.get("domestic_events", 0), "detector": settings,
                    "shifts": [s.to_record() for s in found]})
    else:
        _source_captions(source)
        _empty_note(source, req, wide.attrs.get("n_events", 0), wide.attrs.get("unasserted_events", 0))
        how = f"{method.value}, l2 cost, " + (f"{n_shifts} shifts" if n_shifts is not None else f"penalty {_fmt(settings['penalty'], 1, False)}")
        _caption(f"{dyad}, {measure} by {freq.value}: {settings['observed_periods']} observed periods; {how}")
        _left_out_captions(wide, req.actors)
        if found:
            _shift_tables(found, freq.value)
        else:
            _caption("no shift found")
    if req.plot is not None:
        from detente.relations.plot import plot_dyad

        _written(plot_dyad(wide, found, req.plot, title=f"{dyad}: shifts in {measure.replace('_', ' ')}", measure=measure,
                           caption=_plot_caption(source), freq=freq.value), json_out)


def triangle_command(
    a: str = typer.Argument(..., metavar="A", help="First actor (e.g. USA)."),
    b: str = typer.Argument(..., metavar="B", help="Second actor (e.g. RUS)."),
    c: str = typer.Argument(..., metavar="C", help="Third actor (e.g. CHN)."),
    freq: Freq = typer.Option(Freq.quarter, "--freq", help="Period length."),
    db: Path | None = DB_OPTION,
    parquet: Path | None = PARQUET_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    timeline: Path | None = TIMELINE_OPTION,
    case: str | None = CASE_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    measure: TriangleMeasure = typer.Option(TriangleMeasure.net_coop, "--measure", help="Tie measure: net_coop (-1..1) or goldstein_mean (-10..10)."),
    band: float | None = typer.Option(None, "--band", min=0.0, help="Neutral band ±band (default 0.2 for net_coop, 1.0 for goldstein_mean)."),
    min_events: int = typer.Option(1, "--min-events", min=1, help="Fewest events for a tie to count in a period."),
    all_periods: bool = typer.Option(False, "--all-periods", help="Also list periods where no tie has events."),
    all_modalities: bool = ALL_MODALITIES_OPTION,
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a timeline of the configurations (.png, .svg or .pdf)."),
    force: bool = FORCE_OPTION,
) -> None:
    """Dittmer's strategic triangle per period: ménage à trois, romantic triangle (with its pivot), stable marriage or unit veto.

    Each tie is + above the neutral band, - below it, 0 inside it; a period with a neutral tie is
    'undetermined' and one with a silent tie 'no data', with the shapes it could still be. The
    'reading' column says which side is isolated and which pair is aligned (one side against the two others).
    """
    from detente.relations.triangle import DEFAULT_BAND, configuration_spells, triangle_series

    req = check_request([(a, "A"), (b, "B"), (c, "C")], db=db, timeline=timeline, case=case, since=since, until=until, plot=plot, force=force,
                        parquet=parquet, scheduler=scheduler)
    _note_every_period(json_out, all_periods)
    x, y, z = req.actors
    source = _load(req, [(x, y), (x, z), (y, z)])
    width = band if band is not None else DEFAULT_BAND[measure.value]
    frame = triangle_series(source.events, x, y, z, freq=freq.value, measure=measure.value, band=width, min_events=min_events,
                            start=req.since, end=req.until, include_unasserted=all_modalities)
    actors = frame.attrs["actors"]
    pairs = [f"{p}-{q}" for i, p in enumerate(actors) for q in actors[i + 1 :]]
    spells = configuration_spells(frame)
    rule = (f"tie + if {measure.value} > {width:g}, - if < -{width:g}, 0 within; "
            f"a tie needs ≥{min_events} event(s) in the period")
    counts = frame[[f"{p} n" for p in pairs]].sum(axis=1) if len(frame) else pd.Series(dtype=float)
    if json_out:
        records = frame.assign(period=frame["period"].dt.date).to_dict("records")
        print_json({"data": source.to_record(), "actors": list(actors), "freq": freq.value, "measure": measure.value,
                    "band": width, "min_events": min_events, "rule": rule, "include_unasserted": all_modalities,
                    "domestic_events": frame.attrs.get("domestic_events", {}),
                    "periods": records,
                    "spells": spells.assign(start=spells["start"].dt.date, end=spells["end"].dt.date).to_dict("records")})
    else:
        _source_captions(source)
        _caption(rule)
        for tie, count in frame.attrs.get("domestic_events", {}).items():
            _caption(f"{tie}: {count} event(s) between two sides of one country left out (a country's own events are no tie of the triangle)")
        if not len(frame) or not counts.sum():
            _caption(f"note: no events on any tie of {'-'.join(actors)} in {source.choice.label()}; try another --db, --timeline or --case")
        shown = frame if all_periods else frame[counts > 0]
        rows = []
        for r in shown.to_dict("records"):
            ties = [f"{r[f'{p} sign'] or '·'} {_fmt(r[p])} ({r[f'{p} n']})" for p in pairs]
            role = r["pivot"] or (f"{r['partners']} vs {r['pariah']}" if r["pariah"] else "")
            rows.append([_period_label(r["period"], freq.value), r["configuration"], role, *ties, r["reading"] or r["candidates"] or ""])
        if rows:
            print_table(["period", "configuration", "pivot / pair", *[f"{p} sign value (n)" for p in pairs], "reading (or could be)"], rows,
                        title=f"Strategic triangle {'–'.join(actors)} by {freq.value}")
        if rows and len(frame) - len(shown):
            _caption(f"{len(frame) - len(shown)} {freq.value}s with no event on any tie hidden (--all-periods shows them)")
        definite = spells[~spells["configuration"].isin(["no data", "undetermined"])]
        if not definite.empty:
            print_table(["from", "to", "periods", "shape"],
                        [[_period_label(s.start, freq.value), _period_label(s.end, freq.value), s.periods, s.shape] for s in definite.itertuples()],
                        title="Timeline of definite configurations")
    if req.plot is not None:
        from detente.relations.plot import plot_triangle

        _written(plot_triangle(frame, req.plot, title=f"Strategic triangle {'–'.join(actors)} by {freq.value}",
                               caption=f"{rule}. {_plot_caption(source)}"), json_out)


def _written(path: Path, json_out: bool) -> None:
    """Say where the chart went (JSON output stays one document)."""
    if not json_out:
        _caption(f"chart written to {path}")


def _plot_caption(source: EventSource) -> str:
    if source.choice.kind == "case":
        return f"Data: built-in {source.choice.case} timeline ({len(source.events)} events hand-coded from its sources); detente"
    return f"Data: {source.path} ({len(source.events)} events); detente"


def register(app: typer.Typer) -> None:
    """Add ``relations``, ``shifts`` and ``triangle`` to the app."""
    app.command("relations")(relations_command)
    app.command("shifts")(shifts_command)
    app.command("triangle")(triangle_command)
