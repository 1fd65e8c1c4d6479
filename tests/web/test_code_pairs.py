"""The 'Code a text' page and its API with a learned pair model (`pairs`): the CLI's events, the coder named."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .conftest import FAST_MODELS
from .test_api import error_of

pytest.importorskip("spacy", reason="coding text needs the nlp extra")

TEXT = (
    "Beijing and Moscow agreed on Tuesday to deepen their military cooperation. Washington slapped new sanctions on "
    "Tehran's oil exports. Kyiv said Russian drones struck a power station, and Poland condemned the attack. "
    "Hungary blocked the European Union's aid package for Ukraine."
)
"""Hand-written: the pair models drop an event the rules code here and page mode adds one (checked on the CLI)."""
DAY = "2025-03-04"


def key(e: dict[str, Any]) -> tuple:
    return e["source"], e["target"], e["cameo"], e["date"], e["sentence"]


def cli_events(tmp_path: Path, pairs: str) -> list[tuple]:
    from typer.testing import CliRunner

    from detente.cli.main import app

    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(path), "--pairs", pairs, "--date", DAY, "--jsonl"])
    assert result.exit_code == 0, result.output
    return [key(json.loads(line)) for line in result.stdout.splitlines() if line.startswith("{")]


def test_the_default_is_the_static_model_as_on_the_cli(client: Any, tmp_path: Path) -> None:
    doc = client.post("/api/code", data={"text": TEXT, "date": DAY}).json()
    assert doc["pairs"] == "static" and doc["coder"] == "rules + static pair model"
    assert [key(e) for e in doc["events"]] == cli_events(tmp_path, "static")
    page = client.post("/code", data={"text": TEXT, "date": DAY}).text
    assert "Coded by rules + static pair model" in page and '<option value="static" selected>' in page


def test_the_rules_alone_stay_one_choice_away(client: Any, tmp_path: Path) -> None:
    doc = client.post("/api/code", data={"text": TEXT, "date": DAY, "pairs": "rules"}).json()
    assert doc["pairs"] == "rules" and doc["coder"] == "the rules"
    assert [key(e) for e in doc["events"]] == cli_events(tmp_path, "rules")
    assert not any(e["pair_added"] for e in doc["events"])


@pytest.mark.parametrize(("pairs", "coder"), [("static", "rules + static pair model"), ("finetuned", "rules + fine-tuned pair model")])
def test_a_pair_model_gives_the_clis_events_and_says_so(client: Any, tmp_path: Path, pairs: str, coder: str) -> None:
    if pairs == "finetuned":
        pytest.importorskip("onnxruntime", reason="the fine-tuned pair model needs the transformer extra")
    doc = client.post("/api/code", data={"text": TEXT, "date": DAY, "pairs": pairs}).json()
    assert doc["pairs"] == pairs and doc["coder"] == coder
    events = [key(e) for e in doc["events"]]
    assert events == cli_events(tmp_path, pairs)
    rules = client.post("/api/code", data={"text": TEXT, "date": DAY, "pairs": "rules"}).json()["events"]
    assert events != [key(e) for e in rules]
    page = client.post("/code", data={"text": TEXT, "date": DAY, "pairs": pairs}).text
    assert f"Coded by {coder}" in page and f'<option value="{pairs}" selected>' in page
    assert f'name="pairs" value="{pairs}"' in page  # the store button stores what the page shows


def test_the_page_offers_the_coders(client: Any) -> None:
    page = client.get("/code").text
    select = page[page.index('id="code-pairs"'):page.index("</select>")]
    assert '<option value="static" selected>rules + static pair model</option>' in select
    assert '<option value="rules">the rules</option>' in select
    assert 'value="static"' in select and 'value="finetuned"' in select and 'value="encoder"' not in select


@pytest.mark.parametrize("path", ["/api/code", "/api/code/store"])
def test_an_unknown_coder_is_a_422_naming_the_values(client: Any, path: str) -> None:
    message = error_of(client.post(path, data={"text": TEXT, "date": DAY, "pairs": "bert"}), 422)
    assert message.startswith("pairs:") and all(name in message for name in ("'rules'", "'static'", "'finetuned'"))


def test_the_store_codes_with_the_chosen_coder_and_its_log_names_it(store: Path) -> None:
    from fastapi.testclient import TestClient

    from detente.events.store import EventStore
    from detente.web import create_app

    with EventStore(store) as s:
        before = len(s.imports())
    with TestClient(create_app(db=store, models=FAST_MODELS)) as c:
        done = c.post("/api/code/store", data={"text": TEXT, "date": DAY, "pairs": "static"}).json()
        by_default = c.post("/api/code/store", data={"text": TEXT, "date": DAY}).json()
        by_rules = c.post("/api/code/store", data={"text": TEXT, "date": DAY, "pairs": "rules"}).json()
    assert done["pairs"] == "static" and done["coder"] == "rules + static pair model" and done["stored"]["added"] == done["events"]
    assert by_default["pairs"] == "static" and by_rules["pairs"] == "rules"
    with EventStore(store) as s:
        kinds = list(s.imports()["kind"])[before:]
    assert kinds == ["text --pairs static", "text --pairs static", "text --pairs rules"]  # a stored run says who coded it


def test_a_missing_extra_is_the_error_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from detente.web import create_app

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # as if not installed
    with TestClient(create_app(models=FAST_MODELS)) as c:  # a new workspace: no fine-tuned coder loaded yet
        message = error_of(c.post("/api/code", data={"text": TEXT, "date": DAY, "pairs": "finetuned"}), 400)
        page = c.post("/code", data={"text": TEXT, "date": DAY, "pairs": "finetuned"})
    assert "detente[transformer]" in message
    assert page.status_code == 400 and "detente[transformer]" in page.text and "Coded by" not in page.text


def test_events_the_pair_model_added_are_marked() -> None:
    """The event records say which events the model added (note "pair model"); the page marks those rows."""
    from detente.events.schema import Event
    from detente.web.coding import code_article

    class Workspace:
        def code_text(self, text: str, *, pair_model: str | None, **kwargs: Any) -> list[Event]:
            assert pair_model == "static"
            common = dict(date=date(2025, 3, 4), source="POL", target="RUS", root="11", quad=3, goldstein=-2.0, dataset="web",
                          doc_id=kwargs["doc_id"], sentence=text)
            return [Event(cameo="111", **common), Event(cameo="112", note="pair model", **common)]

    doc = code_article(Workspace(), "Poland criticised Russia.", is_html=False, when=date(2025, 3, 4), label="t", pairs="static")  # type: ignore[arg-type]
    assert [e["pair_added"] for e in doc["events"]] == [False, True]
