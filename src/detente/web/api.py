"""The JSON twins of the workspace pages, under `/api/...` (documented at `/docs`, schema at `/openapi.json`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from detente.coding.pair_names import DEFAULT_PAIRS
from detente.errors import InputError
from detente.web.forecast import DRAWS_RANGE
from detente.web.params import PAIRS_HELP, EventQuery, Freq, Measure, Pairs, TriangleQuery, day_param, text_param
from detente.web.workspace import Workspace, check_actor, parse_dyad

router = APIRouter(prefix="/api", tags=["api"])

EVENT_ID = r"^[0-9a-f]{32}$"
SET_HELP = "What-if change (repeatable): ACTOR.ISSUE.position=V (0-100), ACTOR.ISSUE.salience=V (0-1), ACTOR.capability=V or ISSUE.status_quo=V."


def workspace(request: Request) -> Workspace:
    return request.app.state.workspace


WS = Annotated[Workspace, Depends(workspace)]


@router.get("/case", summary="The case: actors (with colours), issues, variants and plans")
def case(ws: WS) -> dict[str, Any]:
    return ws.case_info()


@router.get("/overview", summary="Overview: dyad levels, the change table, the triangle now, the forecast headline")
def overview(
    ws: WS,
    freq: Annotated[Freq, Query(description="Period length of the change windows.")] = "month",
    recent: Annotated[int, Query(ge=1, le=52, description="Periods in the recent window.")] = 1,
    baseline: Annotated[int, Query(ge=1, le=104, description="Periods in the baseline window before it.")] = 4,
    actor: Annotated[str | None, Query(max_length=100, description="Only dyads with this actor (code or name).")] = None,
) -> dict[str, Any]:
    actor_code = check_actor(actor) if text_param(actor, "actor") else None
    return ws.overview(freq=freq, recent=recent, baseline=baseline, actor=actor_code)


@router.get("/events", summary="Events matching the filters, with provenance (sortable)")
def events(ws: WS, query: Annotated[EventQuery, Depends()],
           limit: Annotated[int, Query(ge=1, le=10_000, description="Events to return.")] = 500) -> dict[str, Any]:
    return ws.events(query.to_filter(), sort=query.sort, descending=query.desc, limit=limit)


@router.get("/events.csv", summary="The filtered events as CSV (every matching event)", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def events_csv(ws: WS, query: Annotated[EventQuery, Depends()]) -> Response:
    text = ws.events_csv(query.to_filter(), sort=query.sort, descending=query.desc)
    return Response(text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events/{event_id}", summary="One event with its source sentence, quote, document and link")
def event(ws: WS, event_id: Annotated[str, Path(pattern=EVENT_ID, description="The event's id (32 hex digits).")]) -> dict[str, Any]:
    return ws.event(event_id)


@router.get("/relations", summary="Dyad series (all measures) with shifts and the events behind them")
def relations(
    ws: WS,
    dyad: Annotated[list[str], Query(max_length=8, description="Dyads such as USA-RUS (repeat to compare several).")] = ["USA-RUS"],  # noqa: B006
    freq: Annotated[Freq, Query()] = "month",
    measure: Annotated[Measure, Query(description="Measure to chart and to search for shifts.")] = "goldstein_mean",
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
) -> dict[str, Any]:
    pairs = [parse_dyad(d) for d in dyad if d.strip()]
    return ws.relations(pairs, freq=freq, measure=measure, since=day_param(since, "since"), until=day_param(until, "until"))


@router.get("/triangle", summary="Dittmer's strategic triangle per period, and now")
def triangle(ws: WS, query: Annotated[TriangleQuery, Depends()]) -> dict[str, Any]:
    return query.document(ws)


def forecast_args(
    variant: Annotated[str | None, Query(max_length=100, description="A variant of the case (see /api/case).")] = None,
    set_: Annotated[list[str], Query(alias="set", max_length=20, description=SET_HELP)] = [],  # noqa: B006
    draws: Annotated[int | None, Query(ge=DRAWS_RANGE[0], le=DRAWS_RANGE[1], description="Monte Carlo draws per model (default: the workspace's, 1000).")] = None,
    seed: Annotated[int, Query(ge=0, le=2**32 - 1, description="Root seed: the same seed gives the same forecast.")] = 2025,
    model: Annotated[list[str], Query(max_length=20, description="Models to run (repeatable; default: the workspace's, all unless `detente serve --model` chose; names in /api/case).")] = [],  # noqa: B006
) -> dict[str, Any]:
    return {"variant": text_param(variant, "variant"), "settings": tuple(s.strip() for s in set_ if s.strip()), "draws": draws, "seed": seed,
            "models": tuple(dict.fromkeys(model)) or None}


@router.get("/forecast", summary="Forecast per issue and model, variant or what-if against the base case, plan tests")
def forecast(ws: WS, args: Annotated[dict[str, Any], Depends(forecast_args)]) -> dict[str, Any]:
    return ws.forecast(**args)


async def read_article(text: str | None, file: UploadFile | None) -> tuple[str, bool, str]:
    from detente.web.coding import MAX_BYTES, check_size, read_upload

    if file is not None and file.filename:
        data = await file.read(MAX_BYTES + 1)
        label = file.filename.rsplit("/", 1)[-1]
        body, is_html = read_upload(data, label, file.content_type)
        return body, is_html, label
    if text is None or not text.strip():
        raise InputError("no text given", field="text", hint="paste the article's text, or upload a .txt or .html file")
    check_size(text, "text")
    head = text.lstrip()[:200].lower()
    return text, head.startswith(("<!doctype html", "<html")) or "<body" in head, "pasted text"


@router.post("/code", summary="Code a pasted or uploaded article (text or HTML) into events, with the text segments to highlight")
async def code(
    ws: WS,
    text: Annotated[str | None, Form(description="The article's text (or HTML).")] = None,
    file: Annotated[UploadFile | None, File(description="A .txt or .html file (at most 500 kB).")] = None,
    date: Annotated[str | None, Form(max_length=10, description="The article's date, YYYY-MM-DD.")] = None,
    pairs: Annotated[Pairs, Form(description=PAIRS_HELP)] = DEFAULT_PAIRS,
) -> dict[str, Any]:
    from detente.web.coding import code_article

    body, is_html, label = await read_article(text, file)
    doc = await run_in_threadpool(code_article, ws, body, is_html=is_html, when=day_param(date, "date"), label=label, pairs=pairs)
    doc.pop("events_objects")
    doc["can_store"] = ws.writable
    return doc


@router.post("/code/store", summary="Code the article again and store its events in the open event store")
async def code_store(
    ws: WS,
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    date: Annotated[str | None, Form(max_length=10)] = None,
    pairs: Annotated[Pairs, Form(description=PAIRS_HELP)] = DEFAULT_PAIRS,
) -> dict[str, Any]:
    from detente.web.coding import code_article

    body, is_html, label = await read_article(text, file)
    if not ws.writable:
        ws.store_events([], label=label, pairs=pairs)  # raises the read-only error before any coding
    doc = await run_in_threadpool(code_article, ws, body, is_html=is_html, when=day_param(date, "date"), label=label, pairs=pairs)
    summary = await run_in_threadpool(ws.store_events, doc.pop("events_objects"), label=f"web:{doc['doc_id']}", pairs=pairs)
    return {"doc_id": doc["doc_id"], "stored": summary, "events": len(doc["events"]), "pairs": doc["pairs"], "coder": doc["coder"]}
