"""`detente report`: one self-contained HTML file with every chart's data and the provenance header."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

pytest.importorskip("plotly")
pytest.importorskip("jinja2")

runner = CliRunner()
CHARTS = [
    *(f"forecast-{i}" for i in ("territory", "nato", "guarantees", "ceasefire", "sanctions", "minerals", "gas_transit")),
    "variants", "plans", "relations", "triangle",
]


def chart_ids(page: str) -> list[str]:
    return json.loads(re.search(r'<script id="detente-charts" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_report_is_self_contained(small_report: Path) -> None:
    page = small_report.read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, flags=re.I)
    for tag in tags:
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", tag, flags=re.I), tag
    from plotly.offline import get_plotlyjs

    assert get_plotlyjs()[:500] in page  # plotly.js is inlined from the installed package
    assert page.count("<script") - page.count("<script type=\"text/javascript\">") >= 2


def test_every_chart_has_its_data(small_report: Path) -> None:
    page = small_report.read_text(encoding="utf-8")
    assert chart_ids(page) == CHARTS
    for cid in CHARTS:
        assert page.count(f'id="chart-{cid}"') == 1
        assert re.search(rf'Plotly\.newPlot\(\s*"chart-{re.escape(cid)}",\s*\[\{{', page), cid  # drawn with non-empty data
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # no element id twice (a chart must not land in a heading)


def test_header_holds_the_provenance(small_report: Path) -> None:
    from detente import __version__
    from detente.bargaining.study import run_study

    page = small_report.read_text(encoding="utf-8")
    study = run_study("us-russia-2025", models=["compromise", "median"], draws=120, seed=11, plans=False)
    header = page.split("</header>")[0]
    for text in ("us-russia-2025", "built-in timeline of us-russia-2025", ">11</code>", "120 Monte Carlo draws", study.forecast.input_hash, f"version {__version__}", "compromise, median"):
        assert text in header, text
    # the pooled forecast in the table is the study's
    pooled = study.pooled()["territory"]
    assert f"{pooled['median']:.0f} ({pooled['p10']:.0f}-{pooled['p90']:.0f})" in page
    for plan in ("vance-plan", "russia-terms", "decided by"):
        assert plan in page
    assert "us-adds-sanctions" in page and "USA-RUS" in page and "ménage" in page


def test_same_seed_same_file(small_report: Path, tmp_path: Path) -> None:
    from detente.cases.timeline import timeline_frame
    from detente.report.html import Relations, write_report

    again = write_report(
        tmp_path / "again.html", "us-russia-2025", models=["compromise", "median"], draws=120, seed=11,
        relations=Relations(timeline_frame("us-russia-2025"), "built-in timeline of us-russia-2025"),
    )
    assert again.read_bytes() == small_report.read_bytes()


def test_report_cli_writes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--out", str(out), "--model", "compromise", "--draws", "50", "--variant", "us-adds-sanctions", "--freq", "year", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["out"] == str(out) and doc["bytes"] == out.stat().st_size
    page = out.read_text(encoding="utf-8")
    assert "built-in timeline of us-russia-2025" in page and "us-withdraws-support" not in page
    assert doc["input_hash"] in page.split("</header>")[0]
    assert out.stat().st_mode & 0o777 != 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--out", "r.txt"], "--out r.txt"),
        (["--out", "r"], "--out r"),
        (["--out", "r.html", "--variant", "nope"], "unknown variant 'nope'"),
        (["--out", "r.html", "--freq", "week"], "--freq"),
        (["--out", "r.html", "--param", "expected_utility.q=abc"], "--param expected_utility.q"),
        (["--out", "r.html", "--no-variants", "--variant", "us-adds-sanctions"], "--no-variants"),
        (["--out", "nowhere/r.html"], "directory does not exist"),
        (["--out", "r.html", "--db", "notes.tsv"], "--db notes.tsv"),
    ],
)
def test_report_bad_flags_fail_before_work(args: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if "notes.tsv" in args:
        (tmp_path / "notes.tsv").write_text("a\tb\n", encoding="utf-8")
    monkeypatch.setattr("detente.report.html.write_report", lambda *a, **k: pytest.fail("the report was built"))
    result = runner.invoke(app, ["report", *args])
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert expected in lines[0] and "fix:" in lines[0]
    assert [p.name for p in tmp_path.iterdir()] == (["notes.tsv"] if "notes.tsv" in args else [])


def test_report_reads_the_users_event_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from detente.events.schema import Event
    from detente.events.store import EventStore

    db = tmp_path / "ev.duckdb"
    with EventStore(db) as store:
        store.ingest([Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "t", "d1")], file="t")
    out = tmp_path / "r.html"
    for args in (["--db", str(db)], []):
        if not args:
            monkeypatch.setenv("DETENTE_DB", str(db))  # the same rule as `detente relations`
            out.unlink()
        result = runner.invoke(app, ["report", "--out", str(out), "--model", "compromise", "--draws", "20", "--no-variants", *args])
        assert result.exit_code == 0, result.output
        header = out.read_text(encoding="utf-8").split("</header>")[0]
        assert f"event store {db}" in header and "1 events" in header


def test_existing_report_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["report", "--out", str(out), "--draws", "10"])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"


def test_every_chart_renders_in_a_browser_without_network(small_report: Path) -> None:
    """Headless Chromium, every request but the file itself blocked: each chart is drawn, no console error."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian's chromium is not installed")
    blocked: list[str] = []
    errors: list[str] = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(small_report.as_uri())
            page.wait_for_load_state("load")
            drawn = page.evaluate(
                """() => JSON.parse(document.getElementById('detente-charts').textContent).map(id => {
                    const el = document.getElementById('chart-' + id);
                    return [id, Boolean(el && el._fullLayout), el ? el.querySelectorAll('svg.main-svg').length : 0,
                            el && el.data ? el.data.length : 0];
                })"""
            )
        finally:
            browser.close()
    assert errors == [] and blocked == []
    assert [d[0] for d in drawn] == CHARTS
    for cid, laid_out, svgs, traces in drawn:
        assert laid_out and svgs >= 1 and traces >= 1, cid


def test_text_from_the_case_cannot_break_out_of_the_page(tmp_path: Path) -> None:
    from detente.bargaining.scenario import parse_scenario
    from detente.report.html import write_report

    toy = (Path(__file__).resolve().parents[1] / "bargaining" / "scenario_toy.yaml").read_text(encoding="utf-8")
    evil = "</script><script>alert(1)</script>"
    toy = re.sub(r"^title:.*$", f'title: "Toy {evil}"', toy, count=1, flags=re.M)
    toy = re.sub(r"^(\s+)name: (.*)$", lambda m: f'{m.group(1)}name: "{m.group(2)} {evil}"', toy, count=1, flags=re.M)
    case = parse_scenario(toy, origin="toy.yaml")
    assert evil in case.title and any(evil in i.name for i in case.issues)
    page = write_report(tmp_path / "toy.html", case, models=["compromise"], draws=20).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page


def test_report_reads_a_parquet_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from detente.events.parquet import export_dataset
    from detente.events.schema import Event
    from detente.events.store import EventStore

    monkeypatch.delenv("DETENTE_SCHEDULER", raising=False)
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.ingest([Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "t", "d1")], file="t")
        export_dataset(store, tmp_path / "dataset")
    out = tmp_path / "r.html"
    bad = runner.invoke(app, ["report", "--out", str(out), "--draws", "20", "--scheduler", "tcp://127.0.0.1:8786"])
    assert bad.exit_code == 2 and "--scheduler: only applies to a Parquet dataset" in bad.output and not out.exists()
    result = runner.invoke(app, ["report", "--out", str(out), "--model", "compromise", "--draws", "20", "--no-variants",
                                 "--parquet", str(tmp_path / "dataset")])
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").split("</header>")[0]
    assert f"Parquet dataset {tmp_path / 'dataset'}" in header and "1 events" in header


def test_read_relations_reads_the_pairs_of_the_case_registry_actors(tmp_path: Path) -> None:
    from detente.cases.timeline import load_timeline
    from detente.events.store import EventStore
    from detente.relations.sources import choose_source
    from detente.report.html import read_relations

    db = tmp_path / "case.duckdb"
    with EventStore(db) as store:
        store.ingest(load_timeline("us-russia-2025"), file="case")
    relations, notes = read_relations(choose_source(db=db), ["USA", "RUS", "MY_OWN_ACTOR"], freq="month")
    sides = set(relations.events["source"].str[:3]) | set(relations.events["target"].str[:3])
    assert sides == {"USA", "RUS"} and len(relations.events) > 0  # a custom actor has no events: no pair of it is read
    assert relations.freq == "month" and str(db) in relations.description and not relations.description.startswith("data:")
    assert notes == []
