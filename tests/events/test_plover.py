"""PLOVER JSON importer: actors with sectors, compound actors, derived CAMEO codes, bad records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import DataFormatError
from detente.events.importers.plover import cameo_for
from detente.events.store import EventStore

from .conftest import shared

RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation record"},
    {"id": "T-1", "date": "2025-02-12", "event": "CONSULT", "mode": "phone",
     "source": [{"actorText": "President Trump", "code": "USA", "sector": "GOV"}],
     "target": [{"actorText": "Vladimir Putin", "code": "RUS", "sector": "GOV"}],
     "eventText": "spoke by phone", "text": "Trump spoke by phone with Putin."},
    {"id": "T-2", "date": "2025-02-18", "event": "AGREE", "context": "diplomatic",
     "source": [{"actorText": "US negotiators", "code": "USA"}, {"actorText": "Russian negotiators", "code": "RUS"}],
     "eventText": "agreed", "text": "US and Russian negotiators agreed to restore embassies."},
    {"id": "T-3", "date": "2025-03-01", "event": "ASSAULT",
     "target": [{"actorText": "Ukrainian civilians", "code": "UKR", "sector": "CVL"}], "text": "Civilians were shelled."},
    {"id": "T-4", "date": "someday", "event": "PROTEST", "source": [{"actorText": "x", "code": "FRA"}]},
    {"id": "T-5", "date": "2025-03-02", "event": "DANCE", "source": [{"actorText": "x", "code": "FRA"}]},
]


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def test_records_become_events(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    summary = store.import_file("plover", path)
    assert (summary.read, summary.added, summary.quarantined) == (5, 4, 2)
    ev = store.events()
    call = ev[ev.doc_id == "T-1"].iloc[0]
    assert (call.source, call.target, call.cameo, call.plover, call.row) == ("USAGOV", "RUSGOV", "041", "CONSULT", 2)
    assert call.sentence == "Trump spoke by phone with Putin." and call.source_name == "President Trump"
    assert "plover_mode=phone" in call.note
    # two sources and no target: one event each way
    agree = ev[ev.doc_id == "T-2"]
    assert sorted(zip(agree.source, agree.target)) == [("RUS", "USA"), ("USA", "RUS")]
    assert set(agree.cameo) == {"030"}
    assert ev[ev.doc_id == "T-3"].iloc[0].source == "---"
    reasons = dict(zip(store.quarantine().line, store.quarantine().reason))
    assert reasons[5] == 'bad date: date="someday"'
    assert reasons[6] == "bad record: unknown PLOVER event type 'DANCE'"
    assert store.import_file("plover", path).added == 0


def test_json_lines_with_a_broken_line(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(RECORDS[1]) + "\n{not json\n" + json.dumps(RECORDS[3]) + "\n", encoding="utf-8")
    summary = store.import_file("plover", path)
    assert (summary.added, summary.quarantined) == (2, 1)
    assert store.quarantine().line.tolist() == [2]


def test_truncated_json_list_is_an_error(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(RECORDS)[:200], encoding="utf-8")
    with pytest.raises(DataFormatError, match="invalid JSON"):
        store.import_file("plover", path)
    assert store.count() == 0


def test_cameo_for_types() -> None:
    assert cameo_for("CONSULT", "phone") == "041"
    assert cameo_for("CONSULT") == "040"
    assert cameo_for("FIGHT") == "190"
    assert cameo_for("NOPE") is None


@pytest.mark.shared_data
def test_shared_gold_records_load(tmp_path: Path) -> None:
    path = shared("plover_gsr_cameo.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    with EventStore(tmp_path / "p.duckdb") as store:
        summary = store.import_file("plover", path)
        assert summary.read == len(records) - 1  # the first record is documentation
        assert summary.quarantined == 0 and summary.added >= summary.read
        ev = store.events()
        assert set(ev.doc_id) == {r["id"] for r in records[1:]}
        assert ev.sentence.notna().all() and ev.plover.notna().all()
