"""The built-in us-russia-2025 timeline: valid codes, dates and provenance; the loader's checks."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from detente import ontology
from detente.actors.registry import get_registry
from detente.cases.timeline import (
    available_timelines,
    load_timeline,
    load_timeline_document,
    parse_date,
    parse_timeline,
    timeline_frame,
)
from detente.errors import InputError, UnknownActorError
from detente.events.schema import EVENT_COLUMNS

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
RAW = yaml.safe_load(resources.files("detente.cases.timelines").joinpath("us_russia_2025.yaml").read_text(encoding="utf-8"))


def by_id(event_id: str):  # noqa: ANN201 - an Event
    doc = load_timeline_document("us-russia-2025")
    return doc.events[doc.event_ids.index(event_id)]


def test_timeline_is_listed_and_sized() -> None:
    assert "us-russia-2025" in available_timelines()
    events = load_timeline("us-russia-2025")
    assert 30 <= len(events) <= 40
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_every_event_has_a_valid_code_date_and_provenance() -> None:
    doc = load_timeline_document("us-russia-2025")
    registry = get_registry()
    for key, event in zip(doc.event_ids, doc.events):
        assert ontology.is_code(event.cameo), key
        # weights and classes come from the codebook, not from the file
        assert event.goldstein == ontology.goldstein(event.cameo)
        assert event.quad == ontology.quad(event.cameo) and event.root == ontology.root(event.cameo)
        assert event.date_precision in ("day", "month", "year")
        assert date(2014, 1, 1) <= event.date <= date(2025, 5, 31), key
        for code in (event.source, event.target):
            registry.get(ontology.split_code(code)[0])
        assert event.dataset == "case"
        assert event.doc_id in doc.sources
        assert event.sentence and event.char_end - event.char_start == len(event.sentence)
        if event.quote:
            assert event.quote in event.sentence
        assert event.event_id  # stable id from content and provenance
    assert len({e.event_id for e in doc.events}) == len(doc.events)


def test_the_file_does_not_type_weights_by_hand() -> None:
    for entry in RAW["events"]:
        assert not {"goldstein", "quad", "root"} & set(entry), entry["id"]


def test_sources_are_cited_by_outlet_author_and_date() -> None:
    doc = load_timeline_document("us-russia-2025")
    conversation = doc.sources["004_7eae00be052e8fa1"]
    assert conversation.outlet == "The Conversation" and "Kulakevich" in (conversation.author or "")
    assert conversation.date == "2025-02-20" and conversation.date_note
    contesting = doc.sources["000_0893147c89d5f6ac"]
    assert contesting.outlet is None and contesting.title.startswith("Contesting Russia")
    assert contesting.date == "2025-05" and "100 days" in contesting.date_note


@pytest.mark.parametrize(
    ("event_id", "day", "precision", "source", "target", "cameo"),
    [
        ("crimea-sanctions-2014", "2014-01-01", "year", "USAGOV", "RUS", "163"),
        ("inf-withdrawal-2019", "2019-01-01", "year", "USAGOV", "RUSGOV", "160"),
        ("anti-tank-missile-sales-2019", "2019-01-01", "year", "USAGOV", "UKRGOV", "062"),
        ("nord-stream-2-sanctions-2019", "2019-01-01", "year", "USAGOV", "RUSBUS", "163"),
        ("uranium-nickel-sanctions-2024", "2024-05-01", "month", "USAGOV", "RUSBUS", "163"),
        ("gas-transit-halt", "2025-01-01", "day", "RUSBUS", "EUR", "160"),
        ("sanctions-threat-jan-2025", "2025-01-01", "month", "USAGOV", "RUSGOV", "1312"),
        ("trump-putin-call", "2025-02-12", "day", "USAGOV", "RUSGOV", "041"),
        ("riyadh-talks", "2025-02-18", "day", "USAGOV", "RUSGOV", "044"),
        ("trump-calls-zelensky-dictator", "2025-02-19", "day", "USAGOV", "UKRGOV", "111"),
        ("zelensky-disinformation-space", "2025-02-19", "day", "UKRGOV", "USAGOV", "111"),
        ("minerals-deal-proposal", "2025-02-01", "month", "USAGOV", "UKRGOV", "0311"),
        ("minerals-deal-rejected", "2025-02-01", "month", "UKRGOV", "USAGOV", "1211"),
        ("minerals-deal-concluded", "2025-05-01", "month", "USAGOV", "UKRGOV", "057"),
        ("belarus-prisoners-for-sanctions", "2025-02-01", "month", "USAGOV", "BLRGOV", "0354"),
        ("istanbul-talks-offer", "2025-05-01", "month", "RUSGOV", "UKRGOV", "036"),
        ("russian-media-celebrates-us", "2025-05-01", "month", "RUSMED", "USA", "051"),
        ("us-demands-pipeline-control", "2025-05-01", "month", "USAGOV", "UKRGOV", "1011"),
    ],
)
def test_key_events_are_coded(event_id: str, day: str, precision: str, source: str, target: str, cameo: str) -> None:
    event = by_id(event_id)
    assert (event.date.isoformat(), event.date_precision, event.source, event.target, event.cameo) == (
        day, precision, source, target, cameo,
    )


def test_vague_dates_say_how_they_were_resolved() -> None:
    rejected = by_id("minerals-deal-rejected")
    assert "this week" in rejected.note and "17" in rejected.note and "21 February 2025" in rejected.note
    assert "2025-02-17 to 2025-02-21" in rejected.note  # the window
    vance = by_id("vance-plan-guarantees")
    assert "dated by the report" in vance.note.casefold() and vance.modality == "intent"
    assert by_id("sanctions-threat-jan-2025").modality == "threat"


def test_frame_has_the_event_columns() -> None:
    frame = timeline_frame()
    assert tuple(frame.columns) == EVENT_COLUMNS
    assert str(frame["date"].dtype).startswith("datetime64")
    assert (frame["dataset"] == "case").all()


def test_parse_date_reads_the_precision() -> None:
    assert parse_date("2019") == (date(2019, 1, 1), "year")
    assert parse_date("2025-02") == (date(2025, 2, 1), "month")
    assert parse_date("2025-02-12") == (date(2025, 2, 12), "day")
    for bad in ("Feb 2025", "2025-13", "2025-02-30", None):
        with pytest.raises(InputError):
            parse_date(bad)


GOOD = {
    "case": "t",
    "sources": [{"doc_id": "d1", "file": "d1.txt"}],
    "events": [
        {"id": "e1", "date": "2025-02-12", "source": "USAGOV", "target": "RUSGOV", "cameo": "041",
         "doc_id": "d1", "sentence": "They spoke.", "char_start": 0, "char_end": 11},
    ],
}


def _with(**changes: object) -> str:
    event = {**GOOD["events"][0], **changes}
    return yaml.safe_dump({**GOOD, "events": [event]})


def test_parse_timeline_accepts_a_minimal_file() -> None:
    doc = parse_timeline(yaml.safe_dump(GOOD))
    (event,) = doc.events
    assert event.goldstein == 1.0 and event.quad == 1


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"cameo": "999"}, "cameo", InputError),
        ({"date": "12 Feb 2025"}, "date", InputError),
        ({"char_end": 12}, "char_start", InputError),
        ({"source": "XYZGOV"}, "source", UnknownActorError),
        ({"doc_id": "nowhere"}, "doc_id", InputError),
        ({"quote": "not there"}, "quote", InputError),
        ({"date_basis": "rumour"}, "date_basis", InputError),
        ({"modality": "maybe"}, "modality", InputError),
    ],
)
def test_parse_timeline_names_the_bad_field(changes: dict, field: str, error: type) -> None:
    with pytest.raises(error) as info:
        parse_timeline(_with(**changes), path="t.yaml")
    assert f"events[0] (e1).{field}" in str(info.value) and "t.yaml" in str(info.value)
    assert info.value.hint


def test_parse_timeline_rejects_duplicates_and_missing_events() -> None:
    twice = yaml.safe_dump({**GOOD, "events": GOOD["events"] * 2})
    with pytest.raises(InputError, match="duplicate"):
        parse_timeline(twice)
    with pytest.raises(InputError, match="events"):
        parse_timeline("case: t\n")
    with pytest.raises(InputError, match="YAML"):
        parse_timeline("events: [unclosed")
    with pytest.raises(InputError, match="no built-in timeline"):
        load_timeline("us-china-1972")


@pytest.mark.shared_data
@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds (the seed articles) is not present")
def test_every_sentence_is_found_at_its_span_in_the_seed_file() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert set(RAW_DOCS := {s["doc_id"] for s in RAW["sources"]}) <= set(texts), RAW_DOCS
    spans = []
    for entry in RAW["events"]:
        spans.append((entry["doc_id"], entry["sentence"], entry["char_start"], entry["char_end"]))
        spans += [(a["doc_id"], a["sentence"], a["char_start"], a["char_end"]) for a in entry.get("also_reported", [])]
    spans += [(n["doc_id"], n["sentence"], n["char_start"], n["char_end"]) for n in RAW["not_coded"]]
    for doc_id, sentence, start, end in spans:
        assert texts[doc_id][start:end] == sentence, (doc_id, start, sentence[:60])
    # the file quotes sentences, it does not carry the articles: well under the full texts
    for doc_id, text in texts.items():
        quoted = {(s, e) for d, _, s, e in spans if d == doc_id}
        assert sum(e - s for s, e in quoted) < 0.6 * len(text), doc_id
