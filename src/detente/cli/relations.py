"""CLI commands: ``detente relations``, ``detente shifts`` and ``detente triangle``.

Each command parses its options, calls one library function in
:mod:`detente.relations` and renders the result. Without ``--db`` they run on the
built-in timeline of ``us-russia-2025`` and say so in a caption line.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import pandas as pd
import typer

from detente.cli.output import console, print_json, print_table
from detente.errors import InputError, StoreError

BUILTIN_CASE = "us-russia-2025"


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


@dataclass
class EventSource:
    """Where the events came from, for the caption and the JSON."""

    events: pd.DataFrame
    kind: str  # "builtin" | "db" | "parquet"
    description: str
    path: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"kind": self.kind, "description": self.description, "path": self.path, "events": int(len(self.events))}


def _parse_day(value: str | None, option: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(datetime.strptime(value, "%Y-%m-%d"))
    except ValueError:
        try:
            return pd.Timestamp(datetime.strptime(value, "%Y-%m"))
        except ValueError:
            raise InputError(f"bad date '{value}'", field=option, hint="write YYYY-MM-DD or YYYY-MM") from None


def _until_end(value: str | None) -> pd.Timestamp | None:
    """``--until 2025-05`` means the end of May."""
    day = _parse_day(value, "--until")
    if day is not None and value is not None and len(value) == 7:
        day = day + pd.offsets.MonthEnd(0)
    return day


def load_events(
    db: Path | None,
    since: pd.Timestamp | None,
    until: pd.Timestamp | None,
    dyads: list[tuple[str, str]] | None = None,
    *,
    parquet: Path | None = None,
    scheduler: str | None = None,
) -> EventSource:
    """Events from the user's store (``--db``) or, without one, the built-in timeline.

    With a store, only the events of ``dyads`` (both directions) in [since, until]
    are read: the store filters in SQL, the relations code then applies its own rules
    (groups, non-state roles) on the much smaller frame.
    """
    if scheduler is not None and parquet is None:
        raise InputError("--scheduler applies to --parquet", field="--scheduler", hint="add --parquet DIR, or drop --scheduler")
    if parquet is not None:
        if db is not None:
            raise InputError("--db and --parquet exclude each other", field="--parquet", hint="read a store (--db) or a dataset (--parquet)")
        from detente.events.parquet import read_dyads
        from detente.relations.series import resolve_actor

        pairs = [(resolve_actor(x), resolve_actor(y)) for x, y in (dyads or [])]
        frame = read_dyads(parquet, pairs, start=since, end=until, scheduler=scheduler)
        where = f"the Dask scheduler {scheduler}" if scheduler else "local Dask threads"
        return EventSource(frame, "parquet", f"data: Parquet dataset {parquet} on {where}, {len(frame)} events of these actors in range",
                           path=str(parquet))
    if db is None:
        from detente.cases.timeline import load_timeline_document, timeline_frame

        doc = load_timeline_document(BUILTIN_CASE)
        cites = "; ".join(s.short() for s in doc.sources.values())
        frame = timeline_frame(BUILTIN_CASE)
        return EventSource(
            frame,
            "builtin",
            f"data: built-in timeline of {BUILTIN_CASE}, {len(frame)} events hand-coded from {len(doc.sources)} articles "
            f"({cites}); use --db FILE for your own events",
        )
    if not Path(db).exists():
        raise StoreError(f"no event store at {db}", hint=f"import events first: detente events import KIND FILE --db {db}")
    from detente.events.store import EventStore
    from detente.relations.series import resolve_actor

    kwargs: dict[str, Any] = {}
    if since is not None:
        kwargs["start"] = since.date()
    if until is not None:
        kwargs["end"] = until.date()
    with EventStore(db, read_only=True) as store:
        if dyads:
            parts = [store.events(dyad=(resolve_actor(x), resolve_actor(y)), **kwargs) for x, y in dyads]
            frame = pd.concat(parts, ignore_index=True).drop_duplicates("event_id") if parts else store.events(**kwargs)
        else:
            frame = store.events(**kwargs)
    return EventSource(frame, "db", f"data: event store {db}, {len(frame)} events of these actors in range", path=str(db))


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
    if freq == "year":
        return f"{period:%Y}"
    if freq == "quarter":
        return f"{period.year}-Q{(period.month - 1) // 3 + 1}"
    if freq == "month":
        return f"{period:%Y-%m}"
    if freq == "week":
        return f"{period:%Y-%m-%d} wk"
    return f"{period:%Y-%m-%d}"


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
    return f"{d['date']} {d['source']}→{d['target']} {_label(d['cameo'])} ({d['goldstein']:+.1f})"


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
                _period_label(s.date, freq), d["date"], f"{d['source']}→{d['target']}", f"{d['cameo']} {_label(d['cameo'])}",
                _fmt(d["goldstein"], 1), text, where,
            ])
    if rows:
        print_table(["turn", "date", "dyad", "event (CAMEO)", "goldstein", "source sentence", "document:span"], rows, title="Events behind each turn")


def _shift_options(
    freq: Freq, measure: str, directed: bool, since: pd.Timestamp | None, until: pd.Timestamp | None,
    method: Method, penalty: float | None, n_shifts: int | None, min_size: int, top: int,
) -> dict[str, Any]:
    return dict(
        freq=freq.value, measure=measure, directed=directed, start=since, end=until, method=method.value,
        penalty=penalty, n_shifts=n_shifts, min_size=min_size, top=top,
    )


def register(app: typer.Typer) -> None:
    """Add ``relations``, ``shifts`` and ``triangle`` to the app."""

    @app.command("relations")
    def relations(
        a: str = typer.Argument(..., metavar="A", help="First actor: code or name (USA, RUS, EUR, 'the Kremlin' ...)."),
        b: str = typer.Argument(..., metavar="B", help="Second actor."),
        freq: Freq = typer.Option(Freq.month, "--freq", help="Period length."),
        directed: bool = typer.Option(False, "--directed", help="Only events from A to B (default: both directions)."),
        db: Path | None = typer.Option(None, "--db", help="DuckDB event store (default: the built-in us-russia-2025 timeline)."),
        parquet: Path | None = typer.Option(None, "--parquet", metavar="DIR", help="Partitioned Parquet event dataset, read with Dask (the scale extra)."),
        scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With --parquet: Dask scheduler to run on (tcp://host:8786); default local threads."),
        since: str | None = typer.Option(None, "--since", help="First day (YYYY-MM-DD or YYYY-MM)."),
        until: str | None = typer.Option(None, "--until", help="Last day (YYYY-MM-DD or YYYY-MM)."),
        measure: str = typer.Option("goldstein_mean", "--measure", help="Measure for the turning points: goldstein_mean, net_coop, goldstein_sum, ..."),
        smooth: Smooth = typer.Option(Smooth.none, "--smooth", help="Smooth the series: rolling mean or EWMA over --window periods."),
        window: int = typer.Option(3, "--window", min=1, help="Smoothing window, in periods."),
        method: Method = typer.Option(Method.pelt, "--method", help="Change-point search (ruptures)."),
        penalty: float | None = typer.Option(None, "--penalty", help="Penalty per turning point (default: 3·σ²·log n)."),
        top: int = typer.Option(3, "--top", min=0, help="Events to show behind each turn."),
        all_periods: bool = typer.Option(False, "--all-periods", help="Also list periods without events."),
        json_out: bool = typer.Option(False, "--json", help="Print JSON (series, turning points, events) instead of tables."),
        plot: Path | None = typer.Option(None, "--plot", help="Write a chart of the series with its turning points (PNG)."),
    ) -> None:
        """How cooperative or hostile relations between A and B were, period by period, where they turned, and why.

        Net cooperation = (cooperative - conflictual events) / (cooperative + conflictual), -1 to +1;
        Goldstein mean on the -10 (hostile) to +10 (cooperative) scale.
        """
        from detente.relations.series import dyad_series, resolve_actor, series_wide
        from detente.relations.shifts import dyad_shifts

        lo, hi = _parse_day(since, "--since"), _until_end(until)
        source = load_events(db, lo, hi, [(a, b)], parquet=parquet, scheduler=scheduler)
        sm = None if smooth is Smooth.none else smooth.value
        wide = series_wide(source.events, a, b, freq=freq.value, directed=directed, start=lo, end=hi)
        smoothed = series_wide(source.events, a, b, freq=freq.value, directed=directed, start=lo, end=hi, smooth=sm, window=window) if sm else None
        shifts = dyad_shifts(
            source.events, a, b, **_shift_options(freq, measure, directed, lo, hi, method, penalty, None, 2, top)
        )
        ca, cb = resolve_actor(a), resolve_actor(b)
        dyad = f"{ca}→{cb}" if directed else f"{ca}–{cb}"
        if json_out:
            long = dyad_series(source.events, a, b, freq=freq.value, directed=directed, start=lo, end=hi, smooth=sm, window=window)
            print_json(
                {
                    "data": source.to_record(),
                    "dyad": {"a": ca, "b": cb, "directed": directed},
                    "freq": freq.value,
                    "coarse_events": wide.attrs.get("coarse_events", 0),
                    "series": long.to_dict("records"),
                    "shifts": [s.to_record() for s in shifts],
                }
            )
        else:
            _caption(source.description)
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
            print_table(columns, rows, title=f"{dyad} by {freq.value}")
            hidden = len(wide) - len(shown)
            notes = []
            if hidden:
                notes.append(f"{hidden} {freq.value}s without events hidden (--all-periods shows them)")
            if wide.attrs.get("coarse_events"):
                notes.append(f"{wide.attrs['coarse_events']} event(s) dated only to a coarser period are counted at its first {freq.value}")
            if notes:
                _caption("; ".join(notes))
            if shifts:
                _shifts_table(shifts, freq.value)
                _drivers_table(shifts, freq.value)
            else:
                _caption(f"no turning point found in {measure} (try --penalty lower, or a longer range)")
        if plot is not None:
            from detente.relations.plot import plot_dyad

            path = plot_dyad(
                wide, shifts, plot, title=f"{dyad} relations by {freq.value}", measure=measure, smoothed=smoothed,
                caption=_plot_caption(source), freq=freq.value,
            )
            if not json_out:
                _caption(f"chart written to {path}")

    @app.command("shifts")
    def shifts_cmd(
        a: str = typer.Argument(..., metavar="A", help="First actor: code or name."),
        b: str = typer.Argument(..., metavar="B", help="Second actor."),
        freq: Freq = typer.Option(Freq.month, "--freq", help="Period length."),
        directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
        db: Path | None = typer.Option(None, "--db", help="DuckDB event store (default: the built-in us-russia-2025 timeline)."),
        parquet: Path | None = typer.Option(None, "--parquet", metavar="DIR", help="Partitioned Parquet event dataset, read with Dask (the scale extra)."),
        scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With --parquet: Dask scheduler to run on (tcp://host:8786); default local threads."),
        since: str | None = typer.Option(None, "--since", help="First day (YYYY-MM-DD or YYYY-MM)."),
        until: str | None = typer.Option(None, "--until", help="Last day (YYYY-MM-DD or YYYY-MM)."),
        measure: str = typer.Option("goldstein_mean", "--measure", help="Series to segment: goldstein_mean, net_coop, goldstein_sum, events ..."),
        method: Method = typer.Option(Method.pelt, "--method", help="pelt (exact, penalised) or binseg (fast; allows --n-shifts)."),
        penalty: float | None = typer.Option(None, "--penalty", help="Penalty per shift (default 3·σ²·log n, σ from first differences)."),
        n_shifts: int | None = typer.Option(None, "--n-shifts", help="Exactly this many shifts (needs --method binseg)."),
        min_size: int = typer.Option(2, "--min-size", min=1, help="Shortest segment, in observed periods."),
        top: int = typer.Option(3, "--top", min=0, help="Events to report behind each shift."),
        json_out: bool = typer.Option(False, "--json", help="Print JSON."),
        plot: Path | None = typer.Option(None, "--plot", help="Write a chart of the series with its shifts (PNG)."),
    ) -> None:
        """Change points in the A-B relation: dated, with levels before and after, size and the events behind each."""
        from detente.relations.series import resolve_actor, series_wide
        from detente.relations.shifts import default_penalty, dyad_shifts

        lo, hi = _parse_day(since, "--since"), _until_end(until)
        source = load_events(db, lo, hi, [(a, b)], parquet=parquet, scheduler=scheduler)
        found = dyad_shifts(source.events, a, b, **_shift_options(freq, measure, directed, lo, hi, method, penalty, n_shifts, min_size, top))
        wide = series_wide(source.events, a, b, freq=freq.value, directed=directed, start=lo, end=hi)
        column = wide[measure].dropna() if measure in ("goldstein_mean", "net_coop") else wide[measure].fillna(0.0)
        used_penalty = penalty if penalty is not None else (default_penalty(column.to_numpy()) if len(column) >= 3 else None)
        if used_penalty == 0.0 and penalty is None:
            used_penalty = None  # a flat series: the detector does not run
        ca, cb = resolve_actor(a), resolve_actor(b)
        dyad = f"{ca}→{cb}" if directed else f"{ca}–{cb}"
        settings = {
            "method": method.value, "model": "l2", "penalty": None if n_shifts is not None else used_penalty,
            "n_shifts": n_shifts, "min_size": min_size, "observed_periods": int(len(column)),
        }
        if json_out:
            print_json({"data": source.to_record(), "dyad": {"a": ca, "b": cb, "directed": directed}, "freq": freq.value,
                        "measure": measure, "detector": settings, "shifts": [s.to_record() for s in found]})
        else:
            _caption(source.description)
            how = f"{method.value}, l2 cost, " + (f"{n_shifts} shifts" if n_shifts is not None else f"penalty {_fmt(used_penalty, 1, False)}")
            _caption(f"{dyad}, {measure} by {freq.value}: {len(column)} observed periods; {how}")
            if found:
                _shifts_table(found, freq.value)
                _drivers_table(found, freq.value)
            else:
                _caption("no shift found")
        if plot is not None:
            from detente.relations.plot import plot_dyad

            path = plot_dyad(wide, found, plot, title=f"{dyad}: shifts in {measure.replace('_', ' ')}", measure=measure, caption=_plot_caption(source), freq=freq.value)
            if not json_out:
                _caption(f"chart written to {path}")

    @app.command("triangle")
    def triangle(
        a: str = typer.Argument(..., metavar="A", help="First actor (e.g. USA)."),
        b: str = typer.Argument(..., metavar="B", help="Second actor (e.g. RUS)."),
        c: str = typer.Argument(..., metavar="C", help="Third actor (e.g. CHN)."),
        freq: Freq = typer.Option(Freq.quarter, "--freq", help="Period length."),
        db: Path | None = typer.Option(None, "--db", help="DuckDB event store (default: the built-in us-russia-2025 timeline)."),
        parquet: Path | None = typer.Option(None, "--parquet", metavar="DIR", help="Partitioned Parquet event dataset, read with Dask (the scale extra)."),
        scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With --parquet: Dask scheduler to run on (tcp://host:8786); default local threads."),
        since: str | None = typer.Option(None, "--since", help="First day (YYYY-MM-DD or YYYY-MM)."),
        until: str | None = typer.Option(None, "--until", help="Last day (YYYY-MM-DD or YYYY-MM)."),
        measure: TriangleMeasure = typer.Option(TriangleMeasure.net_coop, "--measure", help="Tie measure: net_coop (-1..1) or goldstein_mean (-10..10)."),
        band: float | None = typer.Option(None, "--band", min=0.0, help="Neutral band ±band (default 0.2 for net_coop, 1.0 for goldstein_mean)."),
        min_events: int = typer.Option(1, "--min-events", min=1, help="Fewest events for a tie to count in a period."),
        all_periods: bool = typer.Option(False, "--all-periods", help="Also list periods where no tie has events."),
        json_out: bool = typer.Option(False, "--json", help="Print JSON."),
        plot: Path | None = typer.Option(None, "--plot", help="Write a timeline of the configurations (PNG)."),
    ) -> None:
        """Dittmer's strategic triangle per period: ménage à trois, romantic triangle (with its pivot), stable marriage or unit veto.

        Each tie is + above the neutral band, - below it, 0 inside it; a period with a neutral tie is
        'undetermined' and one with a silent tie 'no data', with the shapes it could still be.
        """
        from detente.relations.triangle import configuration_spells, triangle_series

        lo, hi = _parse_day(since, "--since"), _until_end(until)
        source = load_events(db, lo, hi, [(a, b), (a, c), (b, c)], parquet=parquet, scheduler=scheduler)
        width = band if band is not None else (0.2 if measure is TriangleMeasure.net_coop else 1.0)
        frame = triangle_series(source.events, a, b, c, freq=freq.value, measure=measure.value, band=width, min_events=min_events, start=lo, end=hi)
        actors = frame.attrs["actors"]
        pairs = [f"{x}-{y}" for i, x in enumerate(actors) for y in actors[i + 1 :]]
        spells = configuration_spells(frame)
        rule = (f"tie + if {measure.value} > {width:g}, - if < -{width:g}, 0 within; "
                f"a tie needs ≥{min_events} event(s) in the period")
        if json_out:
            records = frame.assign(period=frame["period"].dt.date).to_dict("records")
            print_json({"data": source.to_record(), "actors": list(actors), "freq": freq.value, "measure": measure.value,
                        "band": width, "min_events": min_events, "rule": rule, "periods": records,
                        "spells": spells.assign(start=spells["start"].dt.date, end=spells["end"].dt.date).to_dict("records")})
        else:
            _caption(source.description)
            _caption(rule)
            counts = frame[[f"{p} n" for p in pairs]].sum(axis=1)
            shown = frame if all_periods else frame[counts > 0]
            rows = []
            for r in shown.to_dict("records"):
                ties = [f"{r[f'{p} sign'] or '·'} {_fmt(r[p])} ({r[f'{p} n']})" for p in pairs]
                role = r["pivot"] or (f"{r['partners']} vs {r['pariah']}" if r["pariah"] else "")
                rows.append([_period_label(r["period"], freq.value), r["configuration"], role, *ties, r["candidates"] or ""])
            print_table(["period", "configuration", "pivot / pair", *[f"{p} sign value (n)" for p in pairs], "could be"], rows,
                        title=f"Strategic triangle {'–'.join(actors)} by {freq.value}")
            if len(frame) - len(shown):
                _caption(f"{len(frame) - len(shown)} {freq.value}s with no event on any tie hidden (--all-periods shows them)")
            definite = spells[~spells["configuration"].isin(["no data", "undetermined"])]
            if not definite.empty:
                print_table(["from", "to", "periods", "shape"],
                            [[_period_label(s.start, freq.value), _period_label(s.end, freq.value), s.periods, s.shape] for s in definite.itertuples()],
                            title="Timeline of definite configurations")
        if plot is not None:
            from detente.relations.plot import plot_triangle

            path = plot_triangle(frame, plot, title=f"Strategic triangle {'–'.join(actors)} by {freq.value}",
                                 caption=f"{rule}. {_plot_caption(source)}")
            if not json_out:
                _caption(f"chart written to {path}")


def _plot_caption(source: EventSource) -> str:
    if source.kind == "builtin":
        return f"Data: built-in {BUILTIN_CASE} timeline ({len(source.events)} events hand-coded from two articles); detente"
    return f"Data: {source.path} ({len(source.events)} events); detente"
