"""Part B of the second news development set (data/news_dev2/part_b.*): well-formed gold, apart from every other gold set.

Part B holds consecutive body sentences of Middle East and North Africa news pages
(2018-2024) with their gold events, annotated by the guide of data/news_dev/README.md
(part_b.md says how the pages were chosen). These tests pin what makes the part usable
as out-of-sample development data and later as training data: valid codes and roots,
each page's sentences together and in page order with one headline, no page or
near-duplicate sentence shared with news_dev or the check set, nothing from the held-out
case period, and a file that `detente code eval` reads whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_b.jsonl"
NOTES = DATA / "news_dev2" / "part_b.md"
FIELDS = ("id", "sentence", "date", "url", "headline", "events", "note")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def rows(read_news) -> list[dict]:
    return read_news("news_dev2", "part_b")


def test_every_record_has_exactly_the_fields(rows) -> None:
    assert len(rows) >= 75
    for r in rows:
        assert tuple(r) == FIELDS, r.get("id")
        assert isinstance(r["sentence"], str) and r["sentence"].strip() == r["sentence"] != "", r["id"]
        assert isinstance(r["headline"], str) and isinstance(r["note"], str), r["id"]


def test_ids_number_the_part_in_file_order(rows) -> None:
    assert [r["id"] for r in rows] == [f"dev2b-{k:03d}" for k in range(1, len(rows) + 1)]
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_codes_known_roots_valid_and_one_triple_each(rows, check_news_codes) -> None:
    check_news_codes(rows)
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]  # `code eval` merges a repeated triple silently
        assert all(set(e) == {"source", "target", "root"} for e in r["events"]), r["id"]


def test_root_01_is_not_used(rows) -> None:
    """The check set's ruling, applied unchanged: a statement that fits no root of the guide is no event."""
    assert not [r["id"] for r in rows for e in r["events"] if e["root"] == "01"]


def test_dates_are_2018_to_2024(rows) -> None:
    """Nothing from the held-out period of the built-in case (January-June 2025)."""
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert "2018-01-01" <= r["date"] <= "2024-12-31", r["id"]


def test_a_page_is_one_run_of_records_with_one_headline_and_date(rows) -> None:
    """The document-context coder reads consecutive records of one url as one article."""
    runs: list[str] = []
    for r in rows:
        if not runs or runs[-1] != r["url"]:
            runs.append(r["url"])
    assert len(runs) == len(set(runs)), "a page's records are split"
    for url in runs:
        page = [r for r in rows if r["url"] == url]
        assert len({r["headline"] for r in page}) == 1, url
        assert len({r["date"] for r in page}) == 1, url
        assert len(page) >= 3, url


def test_enough_pages_and_no_event_sentences(rows) -> None:
    assert len({r["url"] for r in rows}) >= 15
    assert sum(1 for r in rows if not r["events"]) >= 20


def test_context_dependent_events_say_so(rows) -> None:
    """A note that names the context: the document-context developer counts on it."""
    noted = [r for r in rows if "context:" in r["note"]]
    assert noted and all(r["events"] for r in noted)


def test_no_page_shared_with_another_gold_set(rows) -> None:
    others = [p for p in sorted((DATA / "news_dev").glob("*.jsonl"))] + [DATA / "news_check" / "news_check.jsonl"]
    others += [p for p in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if p != PART]
    # only the url field of the check set is read (its sentences are held out)
    urls = {json.loads(line)["url"] for p in others for line in p.read_text(encoding="utf-8").splitlines()}
    assert len(others) >= 3
    assert not {r["url"] for r in rows} & urls


def test_no_near_duplicate_sentence(rows) -> None:
    """Within the part and against news_dev, news_check_v1, the check set and the other parts (word-set Jaccard 0.8)."""
    from detente.coding.neardup import near_duplicates

    others = [r["sentence"] for p in sorted((DATA / "news_dev").glob("*.jsonl")) for r in _read(p)]
    others += [r["sentence"] for r in _read(DATA / "news_check" / "news_check.jsonl")]
    others += [r["sentence"] for p in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if p != PART for r in _read(p)]
    found = near_duplicates([r["sentence"] for r in rows] + others, threshold=0.8)
    n = len(rows)
    assert [(a, b) for a, b, *_ in found.pairs if min(a, b) < n] == []


def test_notes_list_every_page(rows) -> None:
    """part_b.md lists the pages with topic and date, and says how they were chosen."""
    text = NOTES.read_text(encoding="utf-8")
    missing = [u for u in dict.fromkeys(r["url"] for r in rows) if u not in text]
    assert missing == []
    assert "## Selection" in text


def test_code_eval_reads_every_record(rows) -> None:
    """The file as `detente code eval data/news_dev2/part_b.jsonl` reads it: nothing skipped, same gold and dates."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
