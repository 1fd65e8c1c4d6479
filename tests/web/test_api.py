"""The workspace's JSON API with FastAPI's TestClient: every endpoint, good input and bad."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from .conftest import ARTICLE, FAST_MODELS, TOKEN


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "fix"} and body["error"]
    assert "Traceback" not in response.text
    return f"{body['error']} (fix: {body['fix']})"


# ---------------------------------------------------------------- case and overview


def test_case_lists_actors_with_their_colours(client: Any) -> None:
    from detente.report.palette import actor_colour

    doc = client.get("/api/case").json()
    assert [a["code"] for a in doc["actors"]] == ["USA", "RUS", "UKR", "EUR", "CHN"]
    assert {a["code"]: a["colour"] for a in doc["actors"]}["RUS"] == actor_colour("RUS")
    assert "us-adds-sanctions" in [v["name"] for v in doc["variants"]]


def test_overview_change_table_comes_from_the_library(client: Any) -> None:
    from detente.cases.timeline import timeline_frame
    from detente.relations.changes import all_dyads, dyad_changes

    doc = client.get("/api/overview", params={"freq": "month", "recent": 1, "baseline": 4}).json()
    expected = dyad_changes(timeline_frame(), all_dyads(["USA", "RUS", "UKR", "EUR", "CHN"]), freq="month", recent=1, baseline=4)
    assert [(r["dyad"], r["measure"]) for r in doc["changes"]] == list(zip(expected["dyad"], expected["measure"]))
    assert doc["changes"][0]["score"] == pytest.approx(expected.iloc[0]["score"])
    assert doc["window"] == {"freq": "month", "recent": 1, "baseline": 4, "end": "2025-05-31", "recent_start": "2025-05-01", "baseline_start": "2025-01-01"}
    assert doc["triangle"]["actors"] == ["USA", "RUS", "CHN"]
    assert len(doc["forecast"]["issues"]) == 7


def test_overview_filtered_to_an_actor_by_name(client: Any) -> None:
    doc = client.get("/api/overview", params={"actor": "China"}).json()
    assert doc["filter"]["actor"] == "CHN"
    assert doc["changes"] and all("CHN" in (r["a"], r["b"]) for r in doc["changes"])


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ({"recent": "x"}, 422, "recent"),
        ({"recent": 0}, 422, "recent"),
        ({"baseline": 1000}, 422, "baseline"),
        ({"freq": "fortnight"}, 422, "freq"),
        ({"actor": "Atlantis"}, 400, "Atlantis"),
        ({"actor": "BLR"}, 400, "not an actor of the case"),
    ],
)
def test_overview_bad_input(client: Any, params: dict, status: int, needle: str) -> None:
    assert needle in error_of(client.get("/api/overview", params=params), status)


# ---------------------------------------------------------------- events


def test_events_filters_combine(client: Any) -> None:
    from detente.cases.timeline import timeline_frame

    everything = client.get("/api/events").json()
    assert everything["total"] == len(timeline_frame("us-russia-2025")) and everything["data"]["kind"] == "builtin"
    doc = client.get("/api/events", params={"actor": "Russia", "quad": 1, "since": "2025-02-01", "until": "2025-05-31"}).json()
    assert doc["filters"]["actor"] == "RUS" and doc["total"] > 0
    for e in doc["events"]:
        assert "RUS" in (e["source"][:3], e["target"][:3]) and e["quad"] == 1 and "2025-02-01" <= e["date"] <= "2025-05-31"
    text = client.get("/api/events", params={"q": "Riyadh"}).json()
    assert text["total"] > 0 and all("riyadh" in (e["sentence"] + (e["note"] or "")).lower() for e in text["events"])
    root = client.get("/api/events", params={"root": "04", "dyad": "USA-RUS"}).json()
    assert root["total"] > 0 and all(e["cameo"].startswith("04") for e in root["events"])


def test_events_sort_and_limit(client: Any) -> None:
    doc = client.get("/api/events", params={"sort": "goldstein", "desc": True, "limit": 5}).json()
    scores = [e["goldstein"] for e in doc["events"]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True) and doc["total"] > 5
    assert any(f"first 5 of {doc['total']}" in n for n in doc["notes"])


def test_an_empty_result_says_so(client: Any) -> None:
    doc = client.get("/api/events", params={"q": "no such words anywhere"}).json()
    assert doc["total"] == 0 and doc["notes"] == ["no event matches these filters"]


def test_events_csv_has_every_matching_event(client: Any) -> None:
    response = client.get("/api/events.csv", params={"actor": "UKR"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == client.get("/api/events", params={"actor": "UKR"}).json()["total"]
    assert rows[0]["event_id"] and "sentence" in rows[0]


def test_one_event_with_its_source(client: Any) -> None:
    first = client.get("/api/events", params={"q": "Riyadh"}).json()["events"][0]
    doc = client.get(f"/api/events/{first['event_id']}").json()
    assert doc["event"]["sentence"] == first["sentence"] and doc["event"]["char_start"] is not None
    assert doc["document"]["citation"]


@pytest.mark.parametrize(
    ("path", "params", "status", "needle"),
    [
        ("/api/events", {"quad": 7}, 422, "quad"),
        ("/api/events", {"quad": "high"}, 422, "quad"),
        ("/api/events", {"since": "yesterday"}, 400, "since"),
        ("/api/events", {"since": "2025-05-01", "until": "2025-01-01"}, 400, "after"),
        ("/api/events", {"dyad": "USA"}, 400, "dyad"),
        ("/api/events", {"actor": "Atlantis"}, 400, "unknown actor"),
        ("/api/events", {"root": "abc"}, 422, "root"),
        ("/api/events", {"sort": "sentence"}, 422, "sort"),
        ("/api/events", {"limit": 0}, 422, "limit"),
        ("/api/events/123", {}, 422, "event_id"),
        ("/api/events/" + "0" * 32, {}, 404, "no event"),
        ("/api/events/..%2F..%2Fetc%2Fpasswd", {}, 404, "no such page"),
    ],
)
def test_events_bad_input(client: Any, path: str, params: dict, status: int, needle: str) -> None:
    assert needle in error_of(client.get(path, params=params), status)


# ---------------------------------------------------------------- relations and triangle


def test_relations_compare_dyads_with_shifts(client: Any) -> None:
    from detente.cases.timeline import timeline_frame
    from detente.relations.shifts import dyad_shifts

    params = [("dyad", "USA-RUS"), ("dyad", "United States-Ukraine"), ("measure", "goldstein_mean"), ("freq", "quarter")]
    doc = client.get("/api/relations", params=params).json()
    assert [d["dyad"] for d in doc["dyads"]] == ["USA-RUS", "USA-UKR"]
    usa_rus = doc["dyads"][0]
    expected = dyad_shifts(timeline_frame("us-russia-2025"), "USA", "RUS", freq="quarter", measure="goldstein_mean")
    assert expected, "the built-in timeline should show a US-Russia turn by quarter"
    assert [(s["date"], s["direction"]) for s in usa_rus["shifts"]] == [(s.date.date().isoformat(), s.direction) for s in expected]
    assert usa_rus["shifts"][0]["drivers"]
    assert {"period", "events", "net_coop", "goldstein_mean", "verbal_coop"} <= set(usa_rus["series"][0])


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ({"dyad": "USA-Atlantis"}, 400, "Atlantis"),
        ({"dyad": "USA-USAGOV"}, 400, "overlap"),
        ({"measure": "happiness"}, 422, "measure"),
        ({"freq": 3}, 422, "freq"),
        ({"since": "2025-13-01"}, 400, "since"),
    ],
)
def test_relations_bad_input(client: Any, params: dict, status: int, needle: str) -> None:
    assert needle in error_of(client.get("/api/relations", params=params), status)


def test_triangle_default_band_is_the_cli_one(client: Any) -> None:
    from detente.relations.triangle import DEFAULT_BAND

    for measure, band in DEFAULT_BAND.items():
        doc = client.get("/api/triangle", params={"measure": measure}).json()
        assert doc["band"] == band


def test_triangle_now_and_over_time(client: Any) -> None:
    doc = client.get("/api/triangle", params={"a": "USA", "b": "Russia", "c": "China"}).json()
    assert doc["actors"] == ["USA", "RUS", "CHN"]
    assert doc["latest"]["configuration"] == "romantic triangle" and doc["latest"]["pivot"] == "RUS"
    assert doc["spells"]


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ({"c": "Atlantis"}, 400, "Atlantis"),
        ({"c": "USA"}, 400, "three different actors"),
        ({"band": -1}, 422, "band"),
        ({"measure": "events"}, 422, "measure"),
        ({"min_events": 0}, 422, "min_events"),
    ],
)
def test_triangle_bad_input(client: Any, params: dict, status: int, needle: str) -> None:
    assert needle in error_of(client.get("/api/triangle", params=params), status)


# ---------------------------------------------------------------- forecast

FAST = [("model", "compromise"), ("model", "median"), ("draws", 200)]


def test_forecast_matches_the_library(client: Any) -> None:
    from detente.bargaining.study import run_study

    doc = client.get("/api/forecast", params=FAST).json()
    study = run_study("us-russia-2025", models=["compromise", "median"], draws=200, seed=2025)
    assert doc["provenance"]["input_hash"] == study.forecast.input_hash
    assert doc["provenance"]["seed"] == 2025 and doc["provenance"]["draws"] == 200
    territory = doc["issues"][0]
    assert territory["id"] == "territory"
    assert territory["models"][0]["median"] == pytest.approx(study.forecast.get("compromise", "territory").median)
    assert territory["pooled"]["median"] == pytest.approx(study.pooled()["territory"]["median"])
    assert [p["actor"] for p in territory["positions"]] == ["USA", "RUS", "UKR", "EUR", "CHN"]
    assert [p["plan"] for p in doc["plans"]] == [r.plan for r in study.plans]
    assert doc["changed"] is False and doc["shifts"] == []


def test_variant_is_compared_with_the_base_case(client: Any) -> None:
    doc = client.get("/api/forecast", params=[*FAST, ("variant", "us-adds-sanctions")]).json()
    assert doc["changed"] and doc["provenance"]["variant"] == "us-adds-sanctions"
    assert doc["provenance"]["base_input_hash"] != doc["provenance"]["input_hash"]
    assert any(abs(s["shift"]) > 0.5 for s in doc["shifts"] if s["issue"] == "sanctions")
    assert doc["base_plans"]


def test_what_if_moves_the_forecast_and_same_seed_same_answer(client: Any) -> None:
    base = client.get("/api/forecast", params=FAST).json()
    moved = client.get("/api/forecast", params=[*FAST, ("set", "Russia.territory.position=0")]).json()
    assert moved["settings"][0]["target"] == "positions.RUS.territory.position"
    assert moved["issues"][0]["pooled"]["median"] < base["issues"][0]["pooled"]["median"]
    again = client.get("/api/forecast", params=[*FAST, ("set", "Russia.territory.position=0")]).json()
    assert again["issues"][0]["pooled"] == moved["issues"][0]["pooled"]


@pytest.mark.parametrize(
    ("params", "status", "needle"),
    [
        ([("draws", 10)], 422, "draws"),
        ([("draws", 10**6)], 422, "draws"),
        ([("draws", "many")], 422, "draws"),
        ([("seed", -1)], 422, "seed"),
        ([("model", "oracle")], 400, "unknown model 'oracle'"),
        ([("model", "medain")], 400, "did you mean 'median'"),
        ([("variant", "us-adds-sanction")], 400, "did you mean 'us-adds-sanctions'"),
        ([("set", "Atlantis.territory.position=10")], 400, "Atlantis"),
        ([("set", "RUS.territory.position=150")], 400, "outside"),
        ([("set", "RUS.teritory.position=50")], 400, "territory"),
        ([("set", "RUS.territory.position=high")], 400, "not a number"),
        ([("set", "RUS.salience=0.5")], 400, "not a setting"),
    ],
)
def test_forecast_bad_input(client: Any, params: list, status: int, needle: str) -> None:
    assert needle in error_of(client.get("/api/forecast", params=[*FAST[:2], *params]), status)


# ---------------------------------------------------------------- coding text


@pytest.fixture(scope="module")
def nlp_ready() -> None:
    pytest.importorskip("spacy", reason="coding text needs the nlp extra")


def test_code_pasted_text(client: Any, nlp_ready: None) -> None:
    doc = client.post("/api/code", data={"text": ARTICLE, "date": "2025-02-20"}).json()
    assert {(e["source"][:3], e["target"][:3], e["cameo"]) for e in doc["events"]} >= {("RUS", "UKR", "190")}
    marked = [s for s in doc["segments"] if s["events"]]
    assert marked[0]["text"] == "Russia attacked Ukraine on Monday."
    assert "".join(s["text"] for s in doc["segments"]) == ARTICLE
    assert doc["can_store"] is False


def test_code_uploaded_html(client: Any, nlp_ready: None) -> None:
    html = f"<html><head><title>t</title></head><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    doc = client.post("/api/code", files={"file": ("news.html", html, "text/html")}, data={"date": "2025-02-20"}).json()
    assert doc["label"] == "news.html" and doc["events"]


def test_code_latin1_upload_is_decoded(client: Any, nlp_ready: None) -> None:
    text = "Russia attacked Ukraine on Monday. Zelensky’s café closed.".replace("’", "'").encode("cp1252") + "é".encode("cp1252")
    doc = client.post("/api/code", files={"file": ("a.txt", text, "text/plain")}, data={"date": "2025-02-20"}).json()
    assert doc["events"] and "é" in "".join(s["text"] for s in doc["segments"])


@pytest.mark.parametrize(
    ("kwargs", "status", "needle"),
    [
        ({"data": {}}, 400, "no text"),
        ({"data": {"text": "   "}}, 400, "no text"),
        ({"data": {"text": "x" * 600_000}}, 413, "over the limit"),
        ({"files": {"file": ("big.txt", b"word " * 120_000, "text/plain")}}, 413, "over the limit"),
        ({"files": {"file": ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")}}, 400, ".png"),
        ({"files": {"file": ("notes.txt", b"\x00\x01\x02binary\x00" * 10, "text/plain")}}, 400, "binary"),
        ({"files": {"file": ("notes.txt", b"text", "application/pdf")}}, 400, "application/pdf"),
        ({"files": {"file": ("empty.txt", b"", "text/plain")}}, 400, "empty"),
        ({"data": {"text": "Russia attacked Ukraine.", "date": "20 Feb"}}, 400, "date"),
    ],
)
def test_code_bad_input(client: Any, kwargs: dict, status: int, needle: str) -> None:
    assert needle in error_of(client.post("/api/code", **kwargs), status)


def test_a_huge_body_is_refused_before_it_is_read(client: Any) -> None:
    assert "over the limit" in error_of(client.post("/api/code", content=b"x" * 2_000_000, headers={"content-type": "text/plain"}), 413)


def test_until_a_month_means_its_end(client: Any) -> None:
    may = client.get("/api/events", params={"since": "2025-05", "until": "2025-05"}).json()
    assert may["total"] > 0 and all(e["date"].startswith("2025-05") for e in may["events"])


def test_storing_needs_a_user_store(client: Any, nlp_ready: None) -> None:
    message = error_of(client.post("/api/code/store", data={"text": ARTICLE, "date": "2025-02-20"}), 400)
    assert "read-only" in message


def test_store_coded_events_in_the_user_store(store: Path, nlp_ready: None) -> None:
    from fastapi.testclient import TestClient

    from detente.events.store import EventStore
    from detente.web import create_app

    with EventStore(store, read_only=True) as s:
        before = s.count()
    with TestClient(create_app(db=store, models=FAST_MODELS)) as c:
        assert c.get("/api/events").json()["data"]["kind"] == "db"
        doc = c.post("/api/code/store", data={"text": ARTICLE, "date": "2025-02-20"}).json()
        assert doc["stored"]["added"] == doc["events"] > 0
        again = c.post("/api/code/store", data={"text": ARTICLE, "date": "2025-02-20"}).json()
        assert again["stored"]["added"] == 0 and again["stored"]["duplicates"] == doc["events"]
        assert c.get("/api/events").json()["total"] == before + doc["events"]
    with EventStore(store, read_only=True) as s:
        assert s.count() == before + doc["events"]


# ---------------------------------------------------------------- the app itself


def test_no_query_reads_a_store_for_writing(store: Path) -> None:
    """Requests other than storing leave the user's file byte for byte as it was."""
    from fastapi.testclient import TestClient

    from detente.web import create_app

    before = store.read_bytes()
    with TestClient(create_app(db=store, models=FAST_MODELS)) as c:
        for path in ("/api/overview", "/api/events", "/api/relations", "/api/triangle", "/"):
            assert c.get(path).status_code == 200
    assert store.read_bytes() == before


def test_a_missing_store_fails_before_the_app_exists(tmp_path: Path) -> None:
    from detente.errors import StoreError
    from detente.web import create_app

    with pytest.raises(StoreError, match="no event store"):
        create_app(db=tmp_path / "missing.duckdb")


@pytest.mark.parametrize(("kwargs", "needle"), [({"models": ["oracle"]}, "unknown model"), ({"draws": 5}, "draws")])
def test_bad_defaults_fail_before_the_app_exists(kwargs: dict, needle: str) -> None:
    from detente.errors import DetenteError
    from detente.web import create_app

    with pytest.raises(DetenteError, match=needle):
        create_app(**kwargs)


def test_the_workspace_defaults_apply_when_a_request_names_none(client: Any) -> None:
    doc = client.get("/api/forecast").json()
    assert doc["models"] == list(FAST_MODELS) and doc["provenance"]["draws"] == 1000


def test_openapi_documents_every_endpoint(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/case", "/api/overview", "/api/events", "/api/events.csv", "/api/events/{event_id}", "/api/relations",
            "/api/triangle", "/api/forecast", "/api/code", "/api/code/store"} <= set(schema["paths"])


def test_docs_and_scripts_are_served_locally(client: Any) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "/static/docs/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/plotly.min.js").text.startswith("/**")
    for path in ("/", "/events", "/relations", "/triangle", "/forecast?model=median&draws=100", "/code"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "http://" not in page.text.split("<main>")[0] and "https://" not in page.text.split("<main>")[0]


def test_pages_show_errors_as_pages(client: Any) -> None:
    page = client.get("/events", params={"actor": "Atlantis"}, headers={"accept": "text/html"})
    assert page.status_code == 400 and "unknown actor" in page.text and "Traceback" not in page.text
    assert client.get("/no-such-page").status_code == 404


def test_token_required_on_every_request(token_client: Any) -> None:
    for path in ("/", "/api/events", "/docs", "/openapi.json", "/vendor/plotly.min.js", "/static/app.css"):
        assert "token" in error_of(token_client.get(path), 401)
    assert "wrong token" in error_of(token_client.get("/api/case", headers={"Authorization": "Bearer nope"}), 401)
    assert token_client.get("/api/case", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    page = token_client.get(f"/?token={TOKEN}")
    assert page.status_code == 200 and "detente_token" in page.headers["set-cookie"] and "HttpOnly" in page.headers["set-cookie"]
    assert token_client.get("/api/case").status_code == 200  # the cookie carries it from now on
    token_client.cookies.clear()
    assert token_client.get("/api/case").status_code == 401


def test_an_actor_link_and_the_events_chart_name_the_actors_party(app: Any) -> None:
    """An organ's code links to and is charted as its party (:func:`detente.actors.country_of`, session 18): the
    three-letter cut sent `NATOMIL` to "NAT" and `AUGOV` to "AUG", which name no actor."""
    import json

    from detente.web.charts import events_figure

    link = app.state.templates.env.get_template("macros.html").module.actor
    assert 'href="/?actor=NATO"' in str(link("NATOMIL", {}))
    assert 'href="/?actor=AU"' in str(link("AUGOV", {}))
    assert 'href="/?actor=RUS"' in str(link("RUSGOV", {}))
    rows = [{"source": s, "target": "RUS", "cameo": "111", "event_id": s, "date": "2024-05-06", "goldstein": -2.0}
            for s in ("NATOMIL", "NATO", "AUGOV")]
    names = [trace["name"] for trace in json.loads(events_figure({"events": rows}, {}))["data"]]
    assert names == ["from NATO", "from AU"]


def test_code_utf16_upload_is_decoded(client: Any, nlp_ready: None) -> None:
    """What Windows Notepad saves as 'Unicode' (UTF-16 with its byte order mark) is text, not a binary file."""
    doc = client.post("/api/code", files={"file": ("notepad.txt", ARTICLE.encode("utf-16"), "text/plain")},
                      data={"date": "2025-02-20"}).json()
    assert doc["events"] and "".join(s["text"] for s in doc["segments"]) == ARTICLE


def test_code_page_lists_each_event_with_its_sentence(client: Any, nlp_ready: None) -> None:
    page = client.post("/code", data={"text": ARTICLE, "date": "2025-02-20"}).text
    table = page[page.index('id="coded-events"'):]
    table = table[:table.index("</table>")]
    assert "<th>sentence</th>" in table and "Russia attacked Ukraine on Monday." in table


def test_code_without_a_date_does_not_say_the_text_holds_no_event(client: Any, nlp_ready: None) -> None:
    """Without a date, events dated only by 'on Monday' are skipped: the note says to give the date, not that the
    coder found no act."""
    doc = client.post("/api/code", data={"text": "Greece summoned the Turkish ambassador on Monday."}).json()
    assert doc["events"] == []
    assert not any("needs sentences in which" in n for n in doc["notes"])
    assert any("date" in n for n in doc["notes"])
    dated = client.post("/api/code", data={"text": "Greece summoned the Turkish ambassador on Monday.",
                                           "date": "2025-03-05"}).json()
    assert dated["events"]
