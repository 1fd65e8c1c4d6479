"""Plotly figures for the workspace pages, drawn from the documents the `/api` endpoints return.

Each function takes a JSON-ready document (see :mod:`detente.web.workspace` and
:mod:`detente.web.forecast`) and returns a figure as JSON text for ``Plotly.newPlot``;
the browser loads plotly.js from the installed `plotly` package (never a CDN).
Colours come from :mod:`detente.report.palette`; every axis says what it measures and
in which unit.
"""

from __future__ import annotations

from typing import Any

from detente.actors import country_of
from detente.report.palette import NEUTRAL, QUAD_COLOURS, SIGN_COLOURS, actor_colours, dyad_colours

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13, "color": "#222"}
MEASURE_SHORT = {
    "goldstein_mean": "Goldstein mean (−10 … +10)",
    "goldstein_sum": "Goldstein sum (points)",
    "net_coop": "net cooperation (−1 … +1)",
    "net_coop_count": "coop − conflict (count)",
}
MEASURE_AXIS = {
    "goldstein_mean": "mean Goldstein score (−10 hostile … +10 cooperative)",
    "goldstein_sum": "sum of Goldstein scores (points)",
    "net_coop": "net cooperation (−1 all conflict … +1 all cooperation)",
    "net_coop_count": "cooperative minus conflictual events (count)",
    "events": "events (count)",
    "cooperation": "cooperative events (count)",
    "conflict": "conflictual events (count)",
    "statements": "statements (count)",
    "verbal_coop": "verbal cooperation (count)",
    "material_coop": "material cooperation (count)",
    "verbal_conflict": "verbal conflict (count)",
    "material_conflict": "material conflict (count)",
}
QUAD_SERIES = (("verbal_coop", "verbal cooperation", QUAD_COLOURS[1]), ("material_coop", "material cooperation", QUAD_COLOURS[2]),
               ("verbal_conflict", "verbal conflict", QUAD_COLOURS[3]), ("material_conflict", "material conflict", QUAD_COLOURS[4]),
               ("statements", "statements", QUAD_COLOURS[0]))
PERIOD_AXIS = {"day": "day", "week": "week (Monday start)", "month": "month", "quarter": "quarter", "year": "year"}


def _go() -> Any:
    from detente.optional import require

    return require("plotly.graph_objects", extra="web", purpose="the workspace's charts")


def _layout(**extra: Any) -> dict[str, Any]:
    base = {
        "font": FONT, "margin": {"l": 70, "r": 20, "t": 40, "b": 55}, "plot_bgcolor": "white", "paper_bgcolor": "white",
        "hoverlabel": {"font": {"size": 13}}, "legend": {"orientation": "h", "y": -0.25},
    }
    base.update(extra)
    return base


def _json(fig: Any) -> str:
    return fig.to_json(validate=False, pretty=False, engine="json")


def _axis(title: str, /, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title}, "gridcolor": "#eee", "zerolinecolor": "#bbb", "linecolor": "#888", **extra}


def relations_figure(doc: dict[str, Any]) -> str:
    """The chosen measure for each dyad over time, shifts marked; below, the first dyad's events by quad class."""
    from plotly.subplots import make_subplots

    go = _go()
    measure, freq = doc["measure"], doc["freq"]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.62, 0.38], vertical_spacing=0.08)
    colours = dyad_colours([(d["a"], d["b"]) for d in doc["dyads"]])
    for d in doc["dyads"]:
        periods = [r["period"] for r in d["series"]]
        values = [r[measure] for r in d["series"]]
        colour = colours[d["dyad"]]
        fig.add_trace(go.Scatter(x=periods, y=values, mode="lines+markers", name=d["dyad"], connectgaps=False,
                                 line={"color": colour, "width": 2.5}, marker={"size": 7},
                                 hovertemplate=f"{d['dyad']}<br>%{{x|%Y-%m-%d}}: %{{y:.2f}}<extra></extra>"), row=1, col=1)
        for s in d["shifts"]:
            fig.add_vline(x=s["date"], line={"color": colour, "dash": "dash", "width": 1.5}, row=1, col=1)
            fig.add_annotation(x=s["date"], y=1.0, yref="y domain", text=f"{s['direction']} {s['size']:+.1f}", showarrow=False,
                               xanchor="left", yanchor="top", font={"size": 12, "color": colour}, row=1, col=1)
    first = doc["dyads"][0]
    periods = [r["period"] for r in first["series"]]
    for key, label, colour in QUAD_SERIES:
        fig.add_trace(go.Bar(x=periods, y=[r[key] for r in first["series"]], name=label, marker={"color": colour},
                             hovertemplate=f"{label}: %{{y}}<extra>{first['dyad']}</extra>"), row=2, col=1)
    fig.update_layout(**_layout(barmode="stack", height=560, margin={"l": 70, "r": 20, "t": 70, "b": 55},
                                legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom"},
                                title={"text": f"{MEASURE_AXIS.get(measure, measure)} by {freq}; below, {first['dyad']} events by quad class", "font": {"size": 14}, "y": 0.99}))
    fig.update_yaxes(_axis(MEASURE_SHORT.get(measure, MEASURE_AXIS.get(measure, measure))), row=1, col=1)
    fig.update_yaxes(_axis("events (count)"), row=2, col=1)
    fig.update_xaxes(_axis(PERIOD_AXIS.get(freq, freq)), row=2, col=1)
    fig.update_xaxes(gridcolor="#eee", row=1, col=1)
    return _json(fig)


def events_figure(doc: dict[str, Any], colours: dict[str, str]) -> str:
    """The filtered events on a timeline: date against Goldstein score, coloured by the source actor."""
    go = _go()
    fig = go.Figure()
    by: dict[str, list[dict[str, Any]]] = {}
    for e in doc["events"]:
        by.setdefault(country_of(e["source"]), []).append(e)  # NATOMIL with NATO ("NAT" named no actor)
    palette = actor_colours(list(by))
    for code, rows in by.items():
        fig.add_trace(go.Scatter(
            x=[r["date"] for r in rows], y=[r["goldstein"] for r in rows], mode="markers", name=f"from {code}",
            marker={"size": 10, "color": colours.get(code, palette[code]), "line": {"color": "white", "width": 1}},
            customdata=[[r["source"], r["target"], r["cameo"], r["event_id"]] for r in rows],
            hovertemplate="%{x|%Y-%m-%d}: %{customdata[0]} → %{customdata[1]} (CAMEO %{customdata[2]}), Goldstein %{y}<extra></extra>",
        ))
    fig.update_layout(**_layout(height=300, title={"text": "Events by date and Goldstein score", "font": {"size": 15}}))
    fig.update_yaxes(_axis("Goldstein score (−10 … +10)", range=[-10.5, 10.5]))
    fig.update_xaxes(_axis("date of the event"))
    return _json(fig)


def triangle_now_figure(tri: dict[str, Any]) -> str:
    """The triangle in its latest period with data: three actors, ties coloured by sign, the pivot ringed."""
    go = _go()
    actors = tri["actors"]
    latest = tri["latest"] or {}
    xy = {actors[0]: (0.0, 0.0), actors[1]: (1.0, 0.0), actors[2]: (0.5, 0.87)}
    colours = actor_colours(actors)
    fig = go.Figure()
    for pair in tri["pairs"]:
        a, b = pair.split("-")
        sign = latest.get(f"{pair} sign") or ""
        value = latest.get(pair)
        n = latest.get(f"{pair} n", 0)
        (x0, y0), (x1, y1) = xy[a], xy[b]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", line={"color": SIGN_COLOURS.get(sign, NEUTRAL), "width": 6,
                                 "dash": "solid" if sign in "+-" and sign else "dot"}, hoverinfo="skip", showlegend=False))
        label = f"{sign or 'no data'} {'' if value is None else f'{value:+.2f}'} ({n} ev.)"
        fig.add_annotation(x=(x0 + x1) / 2, y=(y0 + y1) / 2, text=label, showarrow=False, bgcolor="white", font={"size": 13})
    pivot = latest.get("pivot")
    fig.add_trace(go.Scatter(
        x=[xy[a][0] for a in actors], y=[xy[a][1] for a in actors], mode="markers+text", text=actors, textposition="middle center",
        textfont={"color": "white", "size": 14}, showlegend=False, hoverinfo="text",
        hovertext=[f"{a}{' (pivot)' if a == pivot else ''}" for a in actors],
        marker={"size": [62 if a == pivot else 50 for a in actors], "color": [colours[a] for a in actors],
                "line": {"color": ["#222" if a == pivot else "white" for a in actors], "width": [5 if a == pivot else 1 for a in actors]}},
    ))
    period = latest.get("period", "")
    title = f"{latest.get('shape', 'no data')} ({period})" if latest else "no data"
    fig.update_layout(**_layout(height=360, title={"text": title, "font": {"size": 15}}, margin={"l": 20, "r": 20, "t": 50, "b": 20}))
    fig.update_xaxes(visible=False, range=[-0.25, 1.25])
    fig.update_yaxes(visible=False, range=[-0.2, 1.05], scaleanchor="x")
    return _json(fig)


def triangle_timeline_figure(tri: dict[str, Any]) -> str:
    """Each tie's value per period (markers coloured by sign) with the configuration written above."""
    go = _go()
    fig = go.Figure()
    periods = [p["period"] for p in tri["periods"]]
    dash = ["solid", "dash", "dot"]
    for k, pair in enumerate(tri["pairs"]):
        fig.add_trace(go.Scatter(
            x=periods, y=[p[pair] for p in tri["periods"]], mode="lines+markers", name=pair,
            line={"color": "#555", "dash": dash[k % 3], "width": 1.5},
            marker={"size": 11, "color": [SIGN_COLOURS.get(p[f"{pair} sign"] or "", NEUTRAL) for p in tri["periods"]], "line": {"color": "#333", "width": 1}},
            hovertemplate=f"{pair} %{{x|%Y-%m-%d}}: %{{y:.2f}}<extra></extra>",
        ))
    for p in tri["periods"]:
        if p["configuration"] in ("no data",):
            continue
        fig.add_annotation(x=p["period"], y=1.0, yref="paper", text=p["configuration"], showarrow=False, textangle=-30,
                           font={"size": 11, "color": "#333"}, yanchor="bottom")
    unit = "net cooperation (−1 … +1)" if tri["measure"] == "net_coop" else "mean Goldstein score (−10 … +10)"
    band = tri["band"]
    fig.add_hrect(y0=-band, y1=band, fillcolor="#eee", line_width=0, layer="below")
    fig.update_layout(**_layout(height=380, margin={"l": 70, "r": 20, "t": 90, "b": 55}))
    fig.update_yaxes(_axis(f"tie: {unit}; grey band = neutral"))
    fig.update_xaxes(_axis(PERIOD_AXIS.get(tri["freq"], tri["freq"])))
    return _json(fig)


def _short(label: str, limit: int = 28) -> str:
    """An anchor label cut to fit under a half-width chart (the full labels are in the case and in /api/case)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def forecast_issue_figure(issue: dict[str, Any], model_colours: dict[str, str], changed: bool) -> str:
    """One issue: each model's forecast distribution (box = middle half, whiskers = 80% interval), actors' positions below.

    Written as a plain Plotly figure dict rather than through ``plotly.graph_objects``:
    this chart is redrawn seven times whenever a slider moves, and the graph objects'
    property validation cost about 0.1 s per figure (see benchmarks/web_latency.py).
    """
    import json

    traces: list[dict[str, Any]] = []
    rows = [m["model"] for m in issue["models"]]
    for m in issue["models"]:
        colour = model_colours.get(m["model"], NEUTRAL)
        traces.append({
            "type": "box", "orientation": "h", "y": [m["model"]], "q1": [m["p25"]], "median": [m["median"]], "q3": [m["p75"]],
            "lowerfence": [m["p10"]], "upperfence": [m["p90"]], "name": m["model"], "marker": {"color": colour},
            "line": {"color": colour}, "fillcolor": colour, "opacity": 0.75, "showlegend": False, "hoverinfo": "x",
        })
        if changed and m.get("base_median") is not None:
            traces.append({"type": "scatter", "x": [m["base_median"]], "y": [m["model"]], "mode": "markers", "showlegend": False,
                           "marker": {"symbol": "line-ns", "size": 18, "line": {"color": "#222", "width": 2}},
                           "hovertemplate": "base case median %{x:.1f}<extra></extra>"})
    pos = issue["positions"]
    traces.append({
        "type": "scatter", "x": [p["position"] for p in pos], "y": ["actors"] * len(pos), "mode": "markers+text",
        "text": [p["actor"] for p in pos], "textposition": "top center", "textfont": {"size": 11}, "showlegend": False,
        "marker": {"symbol": "diamond", "size": [9 + 10 * p["salience"] for p in pos], "color": [p["colour"] for p in pos], "line": {"color": "white", "width": 1}},
        "error_x": {"type": "data", "symmetric": False, "array": [p["high"] - p["position"] for p in pos],
                    "arrayminus": [p["position"] - p["low"] for p in pos], "color": "#aaa", "thickness": 1},
        "customdata": [[p["actor"], p["salience"]] for p in pos],
        "hovertemplate": "%{customdata[0]}: position %{x:.0f}, salience %{customdata[1]:.2f}<extra></extra>",
    })
    layout = _layout(
        height=100 + 34 * (len(rows) + 1), margin={"l": 60, "r": 20, "t": 24, "b": 56},
        xaxis=_axis(f"scale points: 0 = {_short(issue['low_label'])}; 100 = {_short(issue['high_label'])}", range=[-2, 102], automargin=True,
                    title={"text": f"scale points: 0 = {_short(issue['low_label'])}; 100 = {_short(issue['high_label'])}", "font": {"size": 12}}),
        yaxis=_axis("model / actors", type="category", categoryorder="array", categoryarray=["actors", *reversed(rows)], gridcolor="#f3f3f3",
                    automargin=True, title={"text": "model / actors", "font": {"size": 12}, "standoff": 8}),
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": issue["status_quo"], "x1": issue["status_quo"], "y0": 0, "y1": 1,
                 "line": {"color": "#666", "dash": "dash", "width": 1.5}}],
        annotations=[{"x": issue["status_quo"], "y": 1.0, "xref": "x", "yref": "paper", "text": "status quo", "showarrow": False,
                      "yanchor": "bottom", "font": {"size": 11, "color": "#555"}}],
    )
    return json.dumps({"data": traces, "layout": layout}, allow_nan=False)


def levels_figure(levels: list[dict[str, Any]]) -> str:
    """Net cooperation of every dyad in the recent window, beside its baseline."""
    go = _go()
    fig = go.Figure()
    dyads = [r["dyad"] for r in levels]
    fig.add_trace(go.Bar(x=dyads, y=[r["baseline_net_coop"] for r in levels], name="baseline window", marker={"color": "#BBBBBB"}))
    fig.add_trace(go.Bar(x=dyads, y=[r["net_coop"] for r in levels], name="recent window",
                         marker={"color": ["#009E73" if (v or 0) > 0 else "#D55E00" for v in (r["net_coop"] for r in levels)]},
                         customdata=[r["events"] for r in levels], hovertemplate="%{x}: %{y:.2f} (%{customdata} events)<extra></extra>"))
    fig.update_layout(**_layout(height=300, barmode="group", title={"text": "Net cooperation per dyad", "font": {"size": 15}},
                                legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"}))
    fig.update_yaxes(_axis("net cooperation (−1 … +1)", range=[-1.05, 1.05]))
    fig.update_xaxes(_axis("dyad"))
    return _json(fig)
