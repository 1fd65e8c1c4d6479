"""The analyst's workspace: a local web app over one case and its event data (`detente serve`).

:func:`create_app` builds the FastAPI app; :mod:`~detente.web.workspace` answers each
page from the library's public API; :mod:`~detente.web.charts` draws the Plotly figures;
:mod:`~detente.web.api` and :mod:`~detente.web.pages` are the JSON and HTML routes;
:mod:`~detente.web.coding` checks and codes uploaded text. FastAPI, Jinja2, Plotly and
uvicorn are the optional extra ``web`` (``pip install 'detente[web]'``).
"""

from __future__ import annotations

from typing import Any


def create_app(case: str | None = None, db: Any = None, token: str | None = None, *, models: Any = None, draws: int = 1000) -> Any:
    """The workspace app (see :func:`detente.web.app.create_app`)."""
    from detente.web.app import create_app as _create

    return _create(case=case, db=db, token=token, models=models, draws=draws)


__all__ = ["create_app"]
