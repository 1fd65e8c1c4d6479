"""The workspace app: :func:`create_app` builds the FastAPI application behind `detente serve`.

Security
--------
* With a ``token`` every request must carry it: an ``Authorization: Bearer TOKEN``
  header, or the ``detente_token`` cookie, which a first visit with ``?token=TOKEN``
  sets (HttpOnly, SameSite=Strict) so that a browser can follow links. Tokens are
  compared in constant time. Without one: 401 and a one-line message.
* Nothing a request sends becomes a file-system path: the case and the store are
  fixed when the app is built; uploads are read in memory (see
  :mod:`detente.web.coding`).
* The store is opened read-only for every query and writable only to store coded
  events (:class:`~detente.web.workspace.Workspace`).
* Errors are one clear message and a 4xx status: a :class:`~detente.errors.DetenteError`
  gives 400 (404 for a missing event, 413 for an oversize upload), a parameter of the
  wrong type or out of range 422 naming it; anything unexpected is logged on the server
  and answered with a 500 that shows no traceback.

Offline
-------
plotly.js is served from the installed `plotly` package and the interactive API docs
(`/docs`) from `fastapi-offline`'s bundled Swagger UI: no page loads anything from the
network.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from detente.errors import DetenteError, InputError
from detente.optional import require

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
TOKEN_COOKIE = "detente_token"
log = logging.getLogger("detente.web")


def _status_for(exc: DetenteError) -> int:
    from detente.web.coding import PayloadTooLarge

    if isinstance(exc, PayloadTooLarge):
        return 413
    if isinstance(exc, InputError) and exc.field == "event_id":
        return 404
    return 400


def create_app(
    case: str | None = None,
    db: str | Path | None = None,
    token: str | None = None,
    *,
    models: Sequence[str] | None = None,
    draws: int = 1000,
) -> Any:
    """The workspace as an ASGI app (FastAPI) for `case` (default: us-russia-2025) and event store `db` (default: the built-in timeline).

    `models` and `draws` are the forecast's defaults (None: every model; 1000 draws per model).

    Raises `detente.errors` subclasses for a bad case or store before the app exists, so
    `detente serve` fails at once with a one-line message rather than on the first request.
    """
    require("fastapi", extra="web", purpose="detente serve")
    require("jinja2", extra="web", purpose="detente serve")
    require("plotly", extra="web", purpose="the workspace's charts")
    offline = require("fastapi_offline", extra="web", purpose="the offline API docs of detente serve")
    from fastapi import Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from detente import __version__
    from detente.web import api, pages
    from detente.web.workspace import Workspace

    if token is not None and not token.strip():
        raise InputError("the token is empty", field="--token", hint="give a long random token, e.g. from `python -c 'import secrets; print(secrets.token_urlsafe())'`")
    workspace = Workspace(case=case, db=db, models=tuple(models) if models else None, draws=draws)

    @contextlib.asynccontextmanager
    async def lifespan(_: Any) -> Any:
        yield
        workspace.close()

    app = offline.FastAPIOffline(
        lifespan=lifespan,
        title="detente workspace",
        version=__version__,
        description=(
            "Events, relations, the strategic triangle and negotiation forecasts of one case, as pages and as JSON. "
            "Every `/api/...` endpoint is the JSON twin of a page. With a token, send `Authorization: Bearer TOKEN`."
        ),
        redoc_url=None,
        static_url="/static/docs",
    )
    app.state.workspace = workspace
    app.state.token = token
    from detente.actors import country_of

    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.globals.update(version=__version__)
    templates.env.filters["country"] = country_of  # an actor link goes to its party: NATOMIL -> NATO, AUGOV -> AU
    app.state.templates = templates

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        """Refuse a request body far over the upload limit before anything reads it."""
        from detente.web.coding import MAX_BYTES

        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > 2 * MAX_BYTES + 64_000:
            return error_response(request, 413, f"a request body of {int(length):,} bytes is over the limit", f"upload at most {MAX_BYTES:,} bytes of text")
        return await call_next(request)

    @app.middleware("http")
    async def require_token(request: Request, call_next: Any) -> Any:
        expected = request.app.state.token
        if expected is None:
            return await call_next(request)
        given = None
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            given = header[7:].strip()
        from_query = request.query_params.get("token")
        given = given or from_query or request.cookies.get(TOKEN_COOKIE)
        if not given or not secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
            message = "this workspace needs its token" if not given else "wrong token"
            fix = "open the address `detente serve` printed (it ends in ?token=...), or send the header 'Authorization: Bearer TOKEN'"
            if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
                return JSONResponse({"error": message, "fix": fix}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
            return HTMLResponse(f"<!doctype html><title>detente: token needed</title><h1>{message}</h1><p>{fix}</p>", status_code=401)
        response = await call_next(request)
        if from_query:
            response.set_cookie(TOKEN_COOKIE, expected, httponly=True, samesite="strict")
        return response

    def error_response(request: Request, status: int, message: str, fix: str | None) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
            return JSONResponse({"error": message, "fix": fix}, status_code=status)
        return pages.render(request, "error.html", "", status_code=status, status=status, message=message, fix=fix)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> Response:
        return error_response(request, _status_for(exc), exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path", "form"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts), "see /docs for each parameter's type and range")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        fix = "the pages are / , /events, /relations, /triangle, /forecast and /code; the API is at /docs" if exc.status_code == 404 else None
        return error_response(request, exc.status_code, message, fix)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug, logged on the server
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); the server log has the details", "report it with the steps that led here")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    plotly_js = Path(require("plotly", extra="web", purpose="the workspace's charts").__file__).parent / "package_data" / "plotly.min.js"

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    async def plotly_bundle() -> Any:
        return FileResponse(plotly_js, media_type="text/javascript")

    app.include_router(api.router)
    app.include_router(pages.router)
    return app
