"""Fixtures for the workspace tests: the app, a TestClient, a live server and headless Chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'detente[web]'")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
TOKEN = "a-test-token-of-32-characters-xx"
FAST_MODELS = ("compromise", "median", "expected_utility")
"""The models the test apps run by default: quick, and different enough to show a variant's effect."""
ARTICLE = (
    "Russia attacked Ukraine on Monday. Trump met Putin in Riyadh on 18 February 2025. "
    "The European Union criticised the United States. The weather was fine."
)


@pytest.fixture(scope="session")
def app() -> Any:
    from detente.web import create_app

    return create_app(models=FAST_MODELS)


@pytest.fixture(scope="session")
def client(app: Any) -> Any:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def token_client() -> Any:
    from fastapi.testclient import TestClient

    from detente.web import create_app

    with TestClient(create_app(token=TOKEN, models=FAST_MODELS)) as c:
        yield c


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A user's event store holding the built-in timeline."""
    from detente.cases.timeline import load_timeline
    from detente.events.store import EventStore

    path = tmp_path / "events.duckdb"
    with EventStore(path) as s:
        s.ingest(load_timeline("us-russia-2025"), file="timeline")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from detente.cases.timeline import load_timeline
    from detente.events.store import EventStore

    path = tmp_path_factory.mktemp("live") / "events.duckdb"
    with EventStore(path) as s:
        s.ingest(load_timeline("us-russia-2025"), file="timeline")
    return path


@pytest.fixture(scope="session")
def live_server(live_store: Path) -> Iterator[str]:
    """The workspace on a free loopback port, served by uvicorn in a thread (with a writable user store)."""
    import uvicorn

    from detente.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db=live_store, models=FAST_MODELS), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workspace server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip(f"headless Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the run writes each page's screenshot."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A 1280x800 page that records console errors, failed requests and any request off the loopback server."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server)
    offsite: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(live_server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    pg.console_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not offsite, f"the page tried to reach the network: {offsite}"
    assert not errors, "\n".join(errors)
