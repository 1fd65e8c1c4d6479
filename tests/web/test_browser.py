"""The workspace in a real browser: headless Chromium (Debian's package) driven by Playwright.

Every test fails on a console error, a failed script or any request off the loopback
server (see the `page` fixture). Screenshots of each page are written to a temporary
directory during the run; with ``DETENTE_UPDATE_SCREENSHOTS=1`` they are also copied to
docs/images/ for the tutorial.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import ARTICLE

pytestmark = pytest.mark.browser

DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def snap(page: Any, shots: Path, name: str) -> Path:
    path = shots / f"workspace-{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000, f"{name}: the screenshot is nearly empty"
    if os.environ.get("DETENTE_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_IMAGES / path.name)
    return path


def charts_drawn(page: Any, expected: int) -> None:
    """Wait until at least `expected` Plotly charts have drawn their SVG."""
    page.wait_for_function(f"document.querySelectorAll('.chart .main-svg').length >= {expected}", timeout=30_000)


@pytest.mark.parametrize(
    ("path", "name", "charts", "marker"),
    [
        ("/", "overview", 2, "#changes tbody tr"),
        ("/events", "events", 1, "#events-table tbody tr"),
        ("/relations?dyad=USA-RUS&dyad=USA-UKR&freq=quarter", "relations", 1, "ul.drivers li"),
        ("/triangle", "triangle", 2, "#triangle-shape"),
        ("/forecast", "forecast", 7, "#plans tbody tr"),
        ("/code", "code", 0, "#code-form"),
    ],
)
def test_every_page_loads_and_draws(page: Any, shots: Path, path: str, name: str, charts: int, marker: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200
    page.wait_for_selector(marker)
    if charts:
        charts_drawn(page, charts)
        # every chart with visible axes names what its x and y axes measure (units are in the titles)
        untitled = page.evaluate(
            """Array.from(document.querySelectorAll('.chart')).filter(el => {
                 const axes = (p) => Object.keys(el.layout).filter(k => k.startsWith(p)).map(k => el.layout[k]).filter(a => a.visible !== false);
                 const titled = (list) => list.length === 0 || list.some(a => a.title && a.title.text);
                 return !(titled(axes('xaxis')) && titled(axes('yaxis')));
               }).map(el => el.id)"""
        )
        assert untitled == [], f"charts without axis titles: {untitled}"
    snap(page, shots, name)


def test_api_docs_work_offline(page: Any, shots: Path) -> None:
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".opblock-summary-path", has_text="/api/forecast").count() >= 1
    snap(page, shots, "api-docs")


def test_filter_events_and_follow_one_to_its_source(page: Any, shots: Path) -> None:
    page.goto("/events")
    total = int(page.inner_text("#event-count"))
    page.fill("input[name=actor]", "Russia")  # a name, as people type it
    page.select_option("select[name=quad]", "4")  # material conflict
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Russia"))
    filtered = int(page.inner_text("#event-count"))
    assert 0 < filtered < total
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == filtered
    for k in range(rows.count()):
        cells = rows.nth(k).locator("td")
        assert "RUS" in cells.nth(1).inner_text() + cells.nth(2).inner_text()
        assert cells.nth(4).inner_text() == "material conflict"
    assert "actor=Russia" in page.get_attribute("#csv-link", "href")
    first_sentence = rows.first.locator("a.event-link").inner_text()
    rows.first.locator("a.event-link").click()
    page.wait_for_selector("#source-sentence")
    assert page.inner_text("#source-sentence")[:40] == first_sentence[:40]
    assert "The Conversation" in page.inner_text("#provenance") or "Contesting Russia" in page.inner_text("#provenance")
    snap(page, shots, "event")


def test_clicking_an_actor_filters_the_overview(page: Any) -> None:
    page.goto("/")
    page.wait_for_selector("#changes tbody tr")
    all_rows = page.locator("#changes tbody tr").count()
    page.locator("#changes a.actor", has_text="CHN").first.click()
    page.wait_for_url(re.compile(r"actor=CHN"))
    rows = page.locator("#changes tbody tr")
    assert 0 < rows.count() < all_rows
    for k in range(rows.count()):
        assert "CHN" in rows.nth(k).locator("td").first.inner_text()


def pooled(page: Any) -> dict[str, str]:
    cells = page.locator("#pooled td.pooled-median")
    return {cells.nth(k).get_attribute("data-issue"): cells.nth(k).inner_text() for k in range(cells.count())}


def wait_rerun(page: Any) -> None:
    page.wait_for_function("document.getElementById('forecast-status').textContent.startsWith('re-run')", timeout=60_000)


def test_switch_variant_then_move_a_slider(page: Any, shots: Path) -> None:
    page.goto("/forecast")
    charts_drawn(page, 7)
    base = pooled(page)
    base_hash = page.get_attribute("#forecast-panel .panel", "data-input-hash")
    page.check("input[name=variant][value=us-adds-sanctions]")
    wait_rerun(page)
    charts_drawn(page, 7)
    assert "us-adds-sanctions" in page.inner_text("#forecast-provenance")
    variant = pooled(page)
    assert variant["sanctions"] != base["sanctions"]
    assert page.get_attribute("#forecast-panel .panel", "data-input-hash") != base_hash
    assert "variant=us-adds-sanctions" in page.url
    page.evaluate("window.scrollTo(0, document.getElementById('pooled').getBoundingClientRect().top + window.scrollY - 60)")
    snap(page, shots, "forecast-variant")

    page.check("input[name=variant][value='']")
    wait_rerun(page)
    page.evaluate("document.getElementById('forecast-status').textContent = ''")
    page.select_option("#wi-actor", "RUS")
    page.select_option("#wi-what", "position")
    page.select_option("#wi-issue", "territory")
    page.fill("#wi-value", "0")  # Russia gives up every territorial claim
    wait_rerun(page)
    charts_drawn(page, 7)
    assert "RUS.territory.position=0" in page.inner_text("#settings")
    moved = pooled(page)
    assert float(moved["territory"].split()[0]) < float(base["territory"].split()[0])
    assert "set=RUS.territory.position" in page.url
    snap(page, shots, "forecast-what-if")


def test_upload_an_article_see_and_store_its_events(page: Any, shots: Path, tmp_path: Path) -> None:
    pytest.importorskip("spacy", reason="coding text needs the nlp extra")
    article = tmp_path / "riyadh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.goto("/code")
    page.set_input_files("#code-file", str(article))
    page.fill("input[name=date]", "2025-02-20")
    page.click("#code-submit")
    page.wait_for_selector("#coded-text mark", timeout=60_000)
    marks = page.locator("#coded-text mark")
    assert marks.count() >= 2
    assert "Russia attacked Ukraine" in marks.first.inner_text()
    assert page.locator("#coded-events tbody tr").count() >= 2
    assert "riyadh.txt" in page.inner_text("#code-result")
    assert "Coded by rules + static pair model" in page.inner_text("#code-coder")  # the default
    snap(page, shots, "code")
    page.click("#store-button")
    page.wait_for_selector("#stored", timeout=60_000)
    assert re.search(r"Stored: [1-9]\d* new event", page.inner_text("#stored"))
    page.select_option("#code-pairs", "rules")
    page.click("#code-submit")
    page.wait_for_selector("#code-coder:has-text('Coded by the rules')", timeout=60_000)
    assert "Coded by the rules" in page.inner_text("#code-coder")
    assert page.locator("#code-pairs").input_value() == "rules"
