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
    DATE_BASES,
    available_timelines,
    date_label,
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
TIMELINE_FILES = {"us-russia-2025": "us_russia_2025.yaml", "belarus-2025": "belarus_2025.yaml"}


def by_id(event_id: str):  # noqa: ANN201 - an Event
    doc = load_timeline_document("us-russia-2025")
    return doc.events[doc.event_ids.index(event_id)]


def test_timeline_is_listed_and_sized() -> None:
    assert {"us-russia-2025", "belarus-2025"} <= set(available_timelines())
    events = load_timeline("us-russia-2025")
    assert 30 <= len(events) <= 40
    assert [e.date for e in events] == sorted(e.date for e in events)


@pytest.mark.parametrize("case", ["us-russia-2025", "belarus-2025"])
def test_every_event_has_a_valid_code_date_and_provenance(case: str) -> None:
    doc = load_timeline_document(case)
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
        ("minerals-deal-concluded", "2025-04-30", "day", "USAGOV", "UKRGOV", "057"),
        ("belarus-prisoners-for-sanctions", "2025-02-01", "month", "USAGOV", "BLRGOV", "0354"),
        ("istanbul-talks-offer", "2025-05-11", "day", "RUSGOV", "UKRGOV", "036"),
        ("russian-media-celebrates-us", "2025-05-01", "month", "RUSMED", "USA", "051"),
        ("us-demands-pipeline-control", "2025-05-01", "month", "USAGOV", "UKRGOV", "1011"),
        ("war-continues-may-2025-russia", "2025-05-01", "month", "RUSMIL", "UKRMIL", "190"),
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
    concluded = by_id("minerals-deal-concluded")
    assert "dated by the report" not in concluded.note.casefold() and "recently concluded" in concluded.note
    assert "dated by the report" in by_id("medvedev-mocks-minerals-deal").note.casefold()
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
        ({"date_basis": "external"}, "external", InputError),
        ({"external": "signed on 30 April"}, "date_basis", InputError),
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
@pytest.mark.parametrize("case", ["us-russia-2025", "belarus-2025"])
def test_every_sentence_is_found_at_its_span_in_the_seed_file(case: str) -> None:
    raw = yaml.safe_load(resources.files("detente.cases.timelines").joinpath(TIMELINE_FILES[case]).read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert set(RAW_DOCS := {s["doc_id"] for s in raw["sources"]}) <= set(texts), RAW_DOCS
    spans = []
    for entry in raw["events"]:
        spans.append((entry["doc_id"], entry["sentence"], entry["char_start"], entry["char_end"]))
        spans += [(a["doc_id"], a["sentence"], a["char_start"], a["char_end"]) for a in entry.get("also_reported", [])]
    spans += [(n["doc_id"], n["sentence"], n["char_start"], n["char_end"]) for n in raw["not_coded"]]
    spans += [(n["doc_id"], n["sentence"], n["char_start"], n["char_end"]) for n in raw.get("context", [])]
    for doc_id, sentence, start, end in spans:
        assert texts[doc_id][start:end] == sentence, (doc_id, start, sentence[:60])
    # the file quotes sentences, it does not carry the articles: well under the full texts
    for doc_id, text in texts.items():
        quoted = {(s, e) for d, _, s, e in spans if d == doc_id}
        assert sum(e - s for s, e in quoted) < 0.6 * len(text), doc_id


def test_the_running_war_is_background_and_reported_fighting_is_an_event() -> None:
    """#13: "that country's three-year war against Russia" is the setting of the interview, not an act of
    February 2025 (a context note, cited, never counted), nor is "if it does not end the Ukraine war" in
    January; Putin's own "There is ongoing fighting" in May, a main clause of its own, is fighting then,
    so Russia-Ukraine 2025 still reads as conflict."""
    from detente.relations.series import dyad_series

    doc = load_timeline_document("us-russia-2025")
    (war,) = [n for n in doc.context if n.topic == "war"]
    assert war.quote == "that country’s three-year war against Russia"
    opening = "The United States’ steadfast allegiance to Ukraine during that country’s three-year war"
    events = load_timeline("us-russia-2025")
    assert not [e for e in events if e.sentence.startswith(opening)]
    fighting = [e for e in events if e.cameo == "190" and e.date.year == 2025]
    assert {(e.source[:3], e.target[:3], e.date.month) for e in fighting} == {("RUS", "UKR", 5), ("UKR", "RUS", 5)}
    assert all(e.quote == "There is ongoing fighting war." for e in fighting)
    series = dyad_series(timeline_frame(), "RUS", "UKR", freq="quarter", start="2025-01-01", end="2025-06-30")
    wide = series.pivot(index="period", columns="measure", values="value")
    assert wide["events"].tolist() == [0, 3] and wide["net_coop"].iloc[1] < 0


def test_dates_from_outside_the_articles_are_marked_external() -> None:
    doc = load_timeline_document("us-russia-2025")
    external = {key for key, basis in doc.date_basis.items() if basis == "external"}
    assert {"minerals-deal-concluded", "istanbul-talks-offer"} <= external
    for key in external:
        assert "External date (not in the articles)" in doc.event(key).note, key
    assert set(doc.date_basis.values()) <= set(DATE_BASES)
    # nothing else is dated to the article's month while the article does not date it
    assert doc.event("minerals-deal-concluded").date.isoformat() == "2025-04-30"
    # the Vance plan, undated in the article and from 2024, is a context note with its external date, not a May 2025 event
    assert not any(key.startswith("vance") for key in doc.event_ids)
    (vance,) = [n for n in doc.context if n.id == "vance-plan"]
    assert vance.period == "2024-09" and "September 2024" in vance.external
    # the source's own date says which part of its dating is external
    assert "External (not in the text)" in doc.sources["000_0893147c89d5f6ac"].date_note


def test_one_stance_is_counted_once() -> None:
    """The US view of China as the main threat is in both articles: one event, the other report kept as provenance."""
    doc = load_timeline_document("us-russia-2025")
    us_china = [k for k, e in zip(doc.event_ids, doc.events) if e.source.startswith("USA") and e.target.startswith("CHN")]
    assert us_china == ["trump-china-primary-threat-feb"]
    assert [a["doc_id"] for a in doc.also_reported["trump-china-primary-threat-feb"]] == ["000_0893147c89d5f6ac"]
    # no sentence is both an event of a dyad and provenance of another event of the same dyad
    for key, event in zip(doc.event_ids, doc.events):
        for other, reports in doc.also_reported.items():
            other_event = doc.event(other)
            same_dyad = {event.source[:3], event.target[:3]} == {other_event.source[:3], other_event.target[:3]}
            if other != key and same_dyad and other_event.cameo == event.cameo:
                assert all(r["sentence"] != event.sentence for r in reports), (key, other)


def test_context_notes_carry_the_readings_the_events_cannot() -> None:
    doc = load_timeline_document("us-russia-2025")
    triangle = doc.notes_on("triangle")
    assert {"triangle-one-against-two", "us-aim-distance-russia-from-china"} <= {n.id for n in triangle}
    assert all(set(n.actors) == {"USA", "RUS", "CHN"} for n in triangle)
    ids = {n.id for n in doc.context}
    assert {"first-term-actions-against-moscow", "russian-hardliners-angry", "dictator-as-tactics",
            "european-defence-spending", "minerals-fund-arms-purchases"} <= ids
    # what moved to context is no longer listed as left out
    assert not any("50 policy actions" in n["sentence"] for n in doc.not_coded)
    for note in doc.context:
        assert note.char_end - note.char_start == len(note.sentence) and note.note
        if note.quote:
            assert note.quote in note.sentence


def test_date_label_shows_the_precision() -> None:
    assert date_label(date(2019, 1, 1), "year") == "2019"
    assert date_label(date(2025, 2, 1), "month") == "2025-02"
    assert date_label(date(2025, 2, 12), "day") == "2025-02-12"
    shown = {date_label(e.date, e.date_precision) for e in load_timeline("us-russia-2025") if e.date_precision == "year"}
    assert shown == {"2014", "2019"}


def test_belarus_timeline_holds_the_exchange_and_its_aim() -> None:
    doc = load_timeline_document("belarus-2025")
    offer = doc.event("us-offers-sanctions-relief")
    assert (offer.source, offer.target, offer.cameo, offer.modality) == ("USAGOV", "BLRGOV", "0354", "intent")
    assert {(e.source, e.target) for e in doc.events} >= {("BLRGOV", "RUSGOV"), ("BLRGOV", "CHNGOV")}
    assert {"co-aggressor", "political-prisoners", "aim-less-dependence"} <= {n.id for n in doc.context}
    from detente.relations.series import dyad_series

    series = dyad_series(timeline_frame("belarus-2025"), "USA", "BLR", freq="month")
    assert series.loc[series["measure"] == "events", "value"].sum() >= 1


def test_a_user_timeline_file_loads_by_path(tmp_path: Path) -> None:
    from detente.cases.timeline import load_timeline_file, resolve_timeline

    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    assert resolve_timeline(str(path)).events[0].cameo == "041"
    assert resolve_timeline("belarus-2025").case == "belarus-2025"
    with pytest.raises(InputError, match="no such file"):
        load_timeline_file(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="did you mean 'belarus-2025'"):
        resolve_timeline("belarus-2024")


def test_events_list_shows_dates_at_their_precision() -> None:
    """A year-only event is listed as its year, not as 1 January (the JSON keeps the ISO date and the precision)."""
    import json

    from typer.testing import CliRunner

    from detente.cli.main import app

    runner = CliRunner()
    table = runner.invoke(app, ["events", "list", "--case", "us-russia-2025", "--until", "2024"])
    assert table.exit_code == 0, table.output
    dates = {line.split("\t")[0] for line in table.stdout.splitlines()[2:] if line}
    assert dates == {"2014", "2019", "2022-02", "2024-05"}
    records = json.loads(runner.invoke(app, ["events", "list", "--case", "us-russia-2025", "--until", "2019", "--json"]).stdout)
    assert {(r["date"], r["date_precision"]) for r in records} == {("2014-01-01", "year"), ("2019-01-01", "year")}


def test_events_behind_a_turn_show_dates_at_their_precision() -> None:
    from typer.testing import CliRunner

    from detente.cli.main import app

    result = CliRunner().invoke(app, ["shifts", "USA", "UKR", "--method", "binseg", "--n-shifts", "1", "--min-size", "1"])
    assert result.exit_code == 0, result.output
    assert "2025-05\t2025-05\tUSAGOV→UKRGOV" in result.stdout  # a month-precision event, not 2025-05-01
    assert "2025-05-01" not in result.stdout


def test_a_name_glued_to_a_code_is_not_read_as_a_role() -> None:
    """Regression: 'UKRAINE' used to pass as UKR with a role 'AINE'."""
    from detente.cases.timeline import _check_actor
    from detente.errors import UnknownActorError

    with pytest.raises(UnknownActorError, match="UKRAINE"):
        _check_actor("UKRAINE", where="events[0].source", path="t.yaml")
    assert _check_actor("ukrgov", where="events[0].source", path="t.yaml") == "UKRGOV"


def test_timeline_records_are_oldest_first_at_their_precision() -> None:
    from detente.cases.timeline import load_timeline_document

    doc = load_timeline_document("us-russia-2025")
    records = doc.records()
    assert len(records) == len(doc.events) and {r["id"] for r in records} == set(doc.event_ids)
    days = [doc.event(r["id"]).date for r in records]
    assert days == sorted(days)
    for r in records:
        event = doc.event(r["id"])
        assert r["basis"] == doc.date_basis.get(r["id"], "text") and r["span"] == f"{event.char_start}-{event.char_end}"
        assert len(r["date"]) == {"year": 4, "month": 7, "day": 10}[event.date_precision]
    context = doc.context_records()
    assert [n["id"] for n in context] == [n.id for n in doc.context] and all(n["quote"] for n in context)
