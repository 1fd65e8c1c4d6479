"""`detente report`: the whole analysis of a case as one self-contained HTML file.

The report shows what the workspace shows, for a colleague who has no detente: the
forecast per issue and model beside the actors' positions, each variant's effect, the
peace plans, the relations of the case's dyads and the strategic triangle, under a
header that says where every figure came from (case, data, seed, parameters, input
hash, detente version).

Self-contained means it opens with no network: the charts are Plotly figures and
Plotly's own bundled plotly.js (from the installed `plotly` package) is inlined once
in the page; nothing is loaded from a CDN. The page is built from a Jinja2 template
(`report/templates/report.html.j2`, autoescaped) and written atomically.

Every number comes from the library's public API: :func:`detente.bargaining.study.run_study`
for forecasts, variants and plans, :mod:`detente.relations` for series and the triangle.
Colours come from :mod:`detente.report.palette`, the same as in the web workspace.

Choices
-------
* Variants: every variant of the case unless the caller names some; each is a study
  against the same base with the same seed (common random numbers).
* Relations: net cooperation per period for each pair of the case's actors that has
  events; the triangle is USA-RUS-CHN when the case has all three, else its first three
  actors. Periods are quarters unless the caller asks for another frequency.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.files import atomic_write

if TYPE_CHECKING:
    import pandas as pd

    from detente.bargaining.study import Study
    from detente.relations.sources import SourceChoice

TEMPLATE = "report.html.j2"
PREFERRED_TRIAD = ("USA", "RUS", "CHN")
AXIS_SCALE = "position on the issue's 0-100 scale"
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["sendDataToCloud"]}
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12}


@dataclass
class Chart:
    """One Plotly figure in the page: its id (the element's is ``chart-<id>``), title, caption and the HTML that draws it."""

    id: str
    title: str
    caption: str
    html: str
    traces: int


@dataclass
class Relations:
    """The event data behind the relations section: events, where they came from, and the period length."""

    events: "pd.DataFrame"
    description: str
    freq: str = "quarter"
    notes: list[str] = field(default_factory=list)


def read_relations(choice: "SourceChoice", actor_codes: Sequence[str], *, freq: str = "quarter") -> tuple[Relations, list[str]]:
    """The relations section's events: every pair of the case's registry actors, read from the chosen source.

    Actors outside the registry (``custom: true`` in a scenario) have no events in a store,
    so they are left out of the pairs. Returns the section's data and the source's notes
    (a setting that did not apply), for the caller to say.
    """
    from detente.actors import get_registry
    from detente.relations.sources import load_events

    registry = get_registry()
    dyads = list(itertools.combinations([c for c in actor_codes if registry.is_code(c)], 2))
    source = load_events(choice, dyads=dyads)
    return Relations(source.events, source.description.removeprefix("data: "), freq=freq), list(source.notes)


def _require() -> tuple[Any, Any]:
    from detente.optional import require

    plotly = require("plotly", extra="web", purpose="detente report (Plotly charts)")
    jinja2 = require("jinja2", extra="web", purpose="detente report (Jinja2 templates)")
    return plotly, jinja2


def _chart(fig: Any, chart_id: str, title: str, caption: str) -> Chart:
    import plotly.io as pio

    fig.update_layout(font=FONT, template="plotly_white", margin={"l": 10, "r": 10, "t": 40, "b": 10}, title={"text": title, "x": 0.0, "xanchor": "left"})
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    markup = pio.to_html(fig, include_plotlyjs=False, full_html=False, div_id=f"chart-{chart_id}", config=PLOTLY_CONFIG, validate=True)
    return Chart(chart_id, title, caption, markup, len(fig.data))


def _model_name(model: str) -> str:
    return {"expected_utility": "expected utility", "nash": "Nash", "smp": "SMP"}.get(model, model)


def forecast_charts(study: "Study") -> list[Chart]:
    """Per issue: each model's median and 80% interval, the actors' positions (mode and range) and the status quo."""
    import plotly.graph_objects as go

    from detente.report.palette import actor_colours, model_colours

    s, fc = study.scenario, study.forecast
    colours, mcolours = actor_colours(s.actor_codes), model_colours(fc.models)
    by = {(r.model, r.issue): r for r in fc.summary()}
    caps = {a.code: a.capability.mode for a in s.actors}
    charts = []
    for issue in s.issues:
        fig = go.Figure()
        for m in fc.models:
            r = by[(m, issue.id)]
            fig.add_trace(
                go.Scatter(
                    x=[r.median], y=[_model_name(m)], mode="markers", name=_model_name(m), legendgroup="models",
                    marker={"color": mcolours[m], "size": 11, "symbol": "circle"},
                    error_x={"type": "data", "symmetric": False, "array": [r.p90 - r.median], "arrayminus": [r.median - r.p10], "thickness": 3, "width": 0},
                    hovertemplate=f"{_model_name(m)}: median %{{x:.1f}}, 80% interval {r.p10:.1f}-{r.p90:.1f}<extra></extra>",
                )
            )
        for a in s.actor_codes:
            st = s.stances[(a, issue.id)]
            fig.add_trace(
                go.Scatter(
                    x=[st.position.mode], y=[a], mode="markers", name=a, legendgroup="actors",
                    marker={"color": colours[a], "size": 10, "symbol": "diamond"},
                    error_x={"type": "data", "symmetric": False, "array": [st.position.high - st.position.mode], "arrayminus": [st.position.mode - st.position.low], "thickness": 1.5, "width": 4},
                    hovertemplate=f"{a}: position %{{x:.0f}} (range {st.position.low:.0f}-{st.position.high:.0f}), salience {st.salience.mode:.2f}, capability {caps[a]:g}<extra></extra>",
                )
            )
        sq = issue.status_quo.mode
        fig.add_vline(x=sq, line={"dash": "dash", "color": "#666666", "width": 1.3}, annotation_text=f"status quo {sq:g}", annotation_position="top")
        fig.update_xaxes(range=[-2, 102], title_text=AXIS_SCALE, tickvals=list(issue.anchors), ticktext=[f"{k:g}" for k in issue.anchors])
        fig.update_yaxes(title_text="model / actor", categoryorder="array", categoryarray=[*reversed(s.actor_codes), *reversed([_model_name(m) for m in fc.models])])
        fig.update_layout(height=120 + 26 * (len(fc.models) + len(s.actor_codes)), showlegend=False)
        anchors = "; ".join(f"{k:g}: {v}" for k, v in issue.anchors.items())
        charts.append(
            _chart(
                fig, f"forecast-{issue.id}", issue.name,
                f"Circles: each model's median and 80% interval over {fc.draws} draws. Diamonds: each actor's most likely position and its range. Scale: {anchors}.",
            )
        )
    return charts


def variants_chart(base: "Study", variants: Sequence["Study"]) -> Chart | None:
    """Shift of the pooled median per issue under each variant (variant minus base)."""
    if not variants:
        return None
    import plotly.graph_objects as go

    from detente.report.palette import series_colours

    fig = go.Figure()
    issues = base.scenario.issue_ids
    colours = series_colours([str(v.variant) for v in variants])
    for v in variants:
        b, c = v.base_forecast.pooled()[0], v.forecast.pooled()[0]  # type: ignore[union-attr]
        fig.add_trace(go.Bar(x=issues, y=(c - b).tolist(), name=v.variant, marker_color=colours[str(v.variant)], hovertemplate="%{x}: %{y:+.1f} points<extra>" + html.escape(str(v.variant)) + "</extra>"))
    fig.update_layout(barmode="group", height=360, legend={"orientation": "h", "y": -0.25})
    fig.update_yaxes(title_text="shift of the pooled median (scale points)", zeroline=True, zerolinecolor="#444444")
    fig.update_xaxes(title_text="issue")
    return _chart(fig, "variants", "What each variant changes", "Bars: variant minus base, pooled median of all models' draws, same seed (common random numbers).")


def plans_chart(study: "Study") -> Chart | None:
    """Each plan's capability-weighted support with its 10-90% spread over draws, labelled by who decides it."""
    if not study.plans:
        return None
    import plotly.graph_objects as go

    from detente.report.palette import actor_colours

    colours = actor_colours(study.scenario.actor_codes)
    plans = list(reversed(study.plans))
    fig = go.Figure(
        go.Bar(
            x=[100 * r.support for r in plans], y=[r.plan for r in plans], orientation="h",
            marker_color=[colours.get(r.decisive, "#999999") if r.decisive else "#999999" for r in plans],
            error_x={"type": "data", "symmetric": False, "array": [100 * (r.support_p90 - r.support) for r in plans], "arrayminus": [100 * (r.support - r.support_p10) for r in plans]},
            text=[f"decided by {r.decisive}" if r.decisive else "no verdict varies" for r in plans], textposition="inside", insidetextanchor="start",
            hovertemplate="%{y}: support %{x:.0f}%<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 100], title_text="support: capability-weighted acceptance (%)")
    fig.update_yaxes(title_text="plan")
    fig.update_layout(height=120 + 34 * len(plans), showlegend=False)
    return _chart(fig, "plans", "Peace plans: support and who decides", "Bar colour: the actor whose uncertain acceptance moves support most. Whiskers: 10th-90th percentile of support over draws.")


def case_dyads(study: "Study", events: "pd.DataFrame") -> list[tuple[str, str]]:
    """Pairs of the case's actors that have at least one event in `events` (in the case's actor order)."""
    from detente.relations.series import dyad_events

    return [(a, b) for a, b in itertools.combinations(study.scenario.actor_codes, 2) if not dyad_events(events, a, b).empty]


def relations_section(study: "Study", relations: Relations) -> tuple[list[Chart], list[list[str]], list[str], list[list[str]]]:
    """(charts, dyad table rows, triangle actors, triangle rows) from the event data."""
    import plotly.graph_objects as go

    from detente.relations.series import series_wide
    from detente.relations.triangle import triangle_series
    from detente.report.palette import dyad_colours

    events = relations.events
    dyads = case_dyads(study, events)
    charts: list[Chart] = []
    rows: list[list[str]] = []
    if dyads:
        fig = go.Figure()
        colours = dyad_colours(dyads)
        for a, b in dyads:
            wide = series_wide(events, a, b, freq=relations.freq)  # type: ignore[arg-type]
            seen = wide[wide["events"] > 0]
            fig.add_trace(
                go.Scatter(
                    x=[p.date().isoformat() for p in seen.index], y=seen["net_coop"].round(3).tolist(), mode="lines+markers", name=f"{a}-{b}",
                    line={"color": colours[f"{a}-{b}"]}, customdata=seen["events"].astype(int).tolist(),
                    hovertemplate=f"{a}-{b}, %{{x}}: net cooperation %{{y:+.2f}} (%{{customdata}} events)<extra></extra>",
                )
            )
            last = seen.iloc[-1]
            rows.append([f"{a}-{b}", str(int(wide["events"].sum())), seen.index[-1].date().isoformat(), f"{last['net_coop']:+.2f}", f"{last['goldstein_mean']:+.1f}"])
        fig.update_yaxes(range=[-1.05, 1.05], title_text="net cooperation (-1 hostile to +1 cooperative)", zeroline=True, zerolinecolor="#444444")
        fig.update_xaxes(title_text=f"period start ({relations.freq})")
        fig.update_layout(height=380, legend={"orientation": "h", "y": -0.3})
        charts.append(_chart(fig, "relations", "Relations of the case's dyads", f"Net cooperation per {relations.freq}: (cooperative - conflictual events) / events; periods without events left out. {relations.description}."))
    codes = study.scenario.actor_codes
    triad = list(PREFERRED_TRIAD) if set(PREFERRED_TRIAD) <= set(codes) else codes[:3]
    tri_rows: list[list[str]] = []
    if len(triad) == 3:
        frame = triangle_series(events, *triad, freq=relations.freq)  # type: ignore[arg-type]
        pairs = [f"{x}-{y}" for x, y in itertools.combinations(frame.attrs["actors"], 2)]
        counts = frame[[f"{p} n" for p in pairs]].sum(axis=1)
        shown = frame[counts > 0]
        if not shown.empty:
            fig = go.Figure()
            colours = dyad_colours([(x, y) for x, y in itertools.combinations(frame.attrs["actors"], 2)])
            for p in pairs:
                fig.add_trace(
                    go.Scatter(
                        x=[d.date().isoformat() for d in shown["period"]], y=shown[p].round(3).tolist(), mode="lines+markers", name=p,
                        line={"color": colours[p]}, customdata=shown["shape"].tolist(),
                        hovertemplate=f"{p}, %{{x}}: %{{y:+.2f}}<br>%{{customdata}}<extra></extra>",
                    )
                )
            fig.update_yaxes(range=[-1.05, 1.05], title_text="tie: net cooperation (-1 to +1)", zeroline=True, zerolinecolor="#444444")
            fig.update_xaxes(title_text=f"period start ({relations.freq})")
            fig.update_layout(height=360, legend={"orientation": "h", "y": -0.3})
            charts.append(_chart(fig, "triangle", f"Strategic triangle {'-'.join(frame.attrs['actors'])}", "Each tie's net cooperation per period; hover for the configuration (Dittmer's ménage à trois, romantic triangle with its pivot, stable marriage, unit veto)."))
            for r in shown.to_dict("records"):
                role = r["pivot"] or (f"{r['partners']} vs {r['pariah']}" if r["pariah"] else "")
                tri_rows.append([r["period"].date().isoformat(), str(r["configuration"]), str(role or ""), *(f"{r[f'{p} sign'] or '·'} ({r[f'{p} n']})" for p in pairs)])
        triad = list(frame.attrs["actors"])
    return charts, rows, triad, tri_rows


def _plan_rows(study: "Study") -> list[list[str]]:
    rows = []
    for r in study.plans:
        cells = [f"{'yes' if v.accepts else 'no'} {v.margin:+.0f} ({v.p_accept:.0%})" for v in r.verdicts]
        decided = f"{r.decisive} ({max(0.0, r.verdict(r.decisive).swing):.0%})" if r.decisive else "-"
        rows.append([r.plan, r.title, f"{r.support:.0%}", f"{r.support_p10:.0%}-{r.support_p90:.0%}", f"{r.unanimity:.0%}", decided, *cells])
    return rows


def build_report(base: "Study", variants: Sequence["Study"] = (), relations: Relations | None = None) -> str:
    """The report's HTML for a base study, its variant studies and (optionally) event data."""
    plotly, jinja2 = _require()
    from plotly.offline import get_plotlyjs

    from detente.report.palette import actor_colours

    env = jinja2.Environment(loader=jinja2.PackageLoader("detente.report", "templates"), autoescape=jinja2.select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    s, fc = base.scenario, base.forecast
    forecast = forecast_charts(base)
    var_chart = variants_chart(base, variants)
    plan_chart = plans_chart(base)
    rel_charts: list[Chart] = []
    dyad_rows: list[list[str]] = []
    triad: list[str] = []
    tri_rows: list[list[str]] = []
    if relations is not None:
        rel_charts, dyad_rows, triad, tri_rows = relations_section(base, relations)
    pooled = base.pooled()
    forecast_rows = [
        [i.id, i.name, f"{i.status_quo.mode:g}", f"{pooled[i.id]['median']:.0f} ({pooled[i.id]['p10']:.0f}-{pooled[i.id]['p90']:.0f})", pooled[i.id]["nearest_anchor"]]
        for i in s.issues
    ]
    variant_rows = []
    for v in variants:
        b, c = v.base_forecast.pooled()[0], v.forecast.pooled()[0]  # type: ignore[union-attr]
        info = s.variants[v.variant] if v.variant in s.variants else None
        variant_rows.append({
            "name": v.variant, "title": info.title if info else v.variant, "description": info.description if info else "",
            "cells": [f"{b[k]:.0f} → {c[k]:.0f} ({c[k] - b[k]:+.1f})" for k in range(len(s.issue_ids))],
        })
    provenance = base.provenance()
    charts = [*forecast, *(c for c in (var_chart, plan_chart) if c is not None), *rel_charts]
    from detente import __version__

    page = env.get_template(TEMPLATE).render(
        title=s.title,
        scenario=s,
        provenance=provenance,
        params_json=json.dumps(provenance["params"], sort_keys=True),
        models=[_model_name(m) for m in fc.models],
        data=relations.description if relations is not None else "no event data (relations not shown)",
        version=__version__,
        plotly_version=plotly.__version__,
        plotlyjs=get_plotlyjs(),
        actors=[(a.code, a.name, actor_colours(s.actor_codes)[a.code], a.capability.mode) for a in s.actors],
        forecast_charts=forecast,
        forecast_rows=forecast_rows,
        variants_chart=var_chart,
        variant_rows=variant_rows,
        issues=s.issue_ids,
        plans_chart=plan_chart,
        plan_rows=_plan_rows(base),
        plan_columns=["plan", "title", "support", "spread", "all accept", "decided by", *s.actor_codes],
        relation_charts=rel_charts,
        dyad_rows=dyad_rows,
        triad=triad,
        triangle_rows=tri_rows,
        notes=[*base.notes, *(n for v in variants for n in v.notes if n not in base.notes), *(relations.notes if relations else [])],
        chart_ids=[c.id for c in charts],
        failures=fc.failures,
    )
    return page


def write_report(
    path: str | Path,
    scenario: Any = None,
    *,
    variants: Sequence[str] | None = None,
    relations: Relations | None = None,
    models: Sequence[str] | None = None,
    draws: int = 2000,
    seed: int = 2025,
    params: dict[str, dict[str, Any]] | None = None,
    on_run: Any = None,
) -> Path:
    """Run the studies (base and each variant) and write the report to `path` atomically.

    `scenario` is a Scenario, a built-in case name or a scenario path (None: the
    default case); `variants` names the variants to show (None: all of the case's).
    Check `path` with `detente.files.check_output` before calling, as the CLI does.
    """
    from detente.bargaining.study import resolve_scenario, run_study

    _require()
    case = resolve_scenario(scenario)
    names = list(case.variants) if variants is None else list(variants)
    for name in names:
        case.with_variant(name)  # an unknown name fails here, before any run
    if on_run is not None:
        on_run("base case")
    base = run_study(case, models=models, draws=draws, seed=seed, params=params)
    studies = []
    for name in names:
        if on_run is not None:
            on_run(f"variant {name}")
        studies.append(run_study(case, models=models, draws=draws, seed=seed, params=params, variant=name, plans=False, reuse=base.forecast))
    return atomic_write(path, build_report(base, studies, relations))


__all__ = ["Chart", "Relations", "build_report", "forecast_charts", "plans_chart", "relations_section", "variants_chart", "write_report"]
