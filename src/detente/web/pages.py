"""The workspace's HTML pages: each renders the same document its `/api` twin returns, with charts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from detente.coding.pair_names import DEFAULT_PAIRS
from detente.web import charts
from detente.web.api import EVENT_ID, WS, forecast_args, read_article
from detente.web.coding import PAIR_CHOICES, PAIR_CODERS
from detente.web.params import EventQuery, Freq, Measure, Pairs, TriangleQuery, day_param, text_param
from detente.web.workspace import check_actor, parse_dyad

router = APIRouter(include_in_schema=False)

PAGES = (("/", "Overview"), ("/events", "Events"), ("/relations", "Relations"), ("/triangle", "Triangle"), ("/forecast", "Forecast"), ("/code", "Code a text"))


def render(request: Request, template: str, page: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page in the workspace's frame (navigation, case, data source, actor colours)."""
    ws = request.app.state.workspace
    base = {"pages": PAGES, "page": page, "case": ws.scenario, "data": ws.data_source(), "colours": ws.colours()}
    return request.app.state.templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def overview_page(
    request: Request,
    ws: WS,
    freq: Annotated[Freq, Query()] = "month",
    recent: Annotated[int, Query(ge=1, le=52)] = 1,
    baseline: Annotated[int, Query(ge=1, le=104)] = 4,
    actor: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    actor_code = check_actor(actor) if text_param(actor, "actor") else None
    doc = ws.overview(freq=freq, recent=recent, baseline=baseline, actor=actor_code)
    return render(request, "overview.html", "/", doc=doc, levels_chart=charts.levels_figure(doc["levels"]) if doc["levels"] else None,
                  triangle_chart=charts.triangle_now_figure(doc["triangle"]) if doc["triangle"] else None)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, ws: WS, query: Annotated[EventQuery, Depends()]) -> HTMLResponse:
    doc = ws.events(query.to_filter(), sort=query.sort, descending=query.desc)
    csv_query = request.url.query
    return render(request, "events.html", "/events", doc=doc, query=query, csv_query=csv_query,
                  figure=charts.events_figure(doc, ws.colours()) if doc["events"] else None)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, ws: WS, event_id: Annotated[str, Path(pattern=EVENT_ID)]) -> HTMLResponse:
    return render(request, "event.html", "/events", doc=ws.event(event_id))


@router.get("/relations", response_class=HTMLResponse)
def relations_page(
    request: Request,
    ws: WS,
    dyad: Annotated[list[str], Query(max_length=8)] = [],  # noqa: B006
    freq: Annotated[Freq, Query()] = "month",
    measure: Annotated[Measure, Query()] = "goldstein_mean",
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    from detente.relations.changes import all_dyads

    pairs = [parse_dyad(d) for d in dyad if d.strip()] or [tuple(ws.scenario.actor_codes[:2])]
    doc = ws.relations(pairs, freq=freq, measure=measure, since=day_param(since, "since"), until=day_param(until, "until"))
    choices = [f"{a}-{b}" for a, b in all_dyads(ws.scenario.actor_codes)]
    chosen = [d["dyad"] for d in doc["dyads"]]
    return render(request, "relations.html", "/relations", doc=doc, figure=charts.relations_figure(doc), choices=list(dict.fromkeys([*choices, *chosen])),
                  chosen=chosen, measures=list(charts.MEASURE_AXIS), since=since or "", until=until or "")


@router.get("/triangle", response_class=HTMLResponse)
def triangle_page(request: Request, ws: WS, query: Annotated[TriangleQuery, Depends()]) -> HTMLResponse:
    doc = query.document(ws)
    return render(request, "triangle.html", "/triangle", doc=doc, now_chart=charts.triangle_now_figure(doc),
                  timeline_chart=charts.triangle_timeline_figure(doc) if doc["periods"] else None)


def _forecast_context(ws: Any, args: dict[str, Any]) -> dict[str, Any]:
    doc = ws.forecast(**args)
    figures = {i["id"]: charts.forecast_issue_figure(i, doc["model_colours"], doc["changed"]) for i in doc["issues"]}
    return {"doc": doc, "figures": figures, "args": args}


@router.get("/forecast", response_class=HTMLResponse)
def forecast_page(request: Request, ws: WS, args: Annotated[dict[str, Any], Depends(forecast_args)]) -> HTMLResponse:
    from detente.bargaining.montecarlo import available_models

    return render(request, "forecast.html", "/forecast", all_models=available_models(), case_info=ws.case_info(), **_forecast_context(ws, args))


@router.get("/forecast/panel", response_class=HTMLResponse)
def forecast_panel(request: Request, ws: WS, args: Annotated[dict[str, Any], Depends(forecast_args)]) -> HTMLResponse:
    """The forecast page's results only: what the controls swap in after a re-run."""
    return render(request, "forecast_panel.html", "/forecast", **_forecast_context(ws, args))


@router.get("/code", response_class=HTMLResponse)
def code_page(request: Request, ws: WS) -> HTMLResponse:
    return render(request, "code.html", "/code", doc=None, can_store=ws.writable, text="", date="", pairs=DEFAULT_PAIRS, coders=_coders())


def _coders() -> dict[str, str]:
    """The page's coder select: each `pairs` value and what the page calls its coder."""
    return {name: PAIR_CODERS[setting] for name, setting in PAIR_CHOICES.items()}


@router.post("/code", response_class=HTMLResponse)
async def code_submit(
    request: Request,
    ws: WS,
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    date: Annotated[str | None, Form(max_length=10)] = None,
    store: Annotated[str | None, Form(max_length=10)] = None,
    pairs: Annotated[Pairs, Form()] = DEFAULT_PAIRS,
) -> HTMLResponse:
    from detente.web.coding import code_article

    body, is_html, label = await read_article(text, file)
    if store and not ws.writable:
        ws.store_events([], label=label, pairs=pairs)  # the read-only error, before any coding
    doc = await run_in_threadpool(code_article, ws, body, is_html=is_html, when=day_param(date, "date"), label=label, pairs=pairs)
    stored = (await run_in_threadpool(ws.store_events, doc["events_objects"], label=f"web:{doc['doc_id']}", pairs=pairs)
              if store else None)
    return render(request, "code.html", "/code", doc=doc, can_store=ws.writable, text=doc["text"], date=date or "", stored=stored,
                  pairs=pairs, coders=_coders())
