"""Part E of the second news development set (data/news_dev2/part_e.jsonl): valid gold, pages kept whole, apart from
every other gold set.

Part E holds the first consecutive body sentences of public news pages about dyads in Asia, the Pacific and the
Middle East, 2018-2024 (data/news_dev2/part_e.md lists the pages and how they were chosen). These tests pin what
makes it usable as out-of-sample development data and later as training data: gold under the guide's codes and
roots, the held-out period excluded, each page's sentences together in page order under one headline and one date,
and no page or near-duplicate sentence shared with data/news_dev, data/news_check, another part of news_dev2 or
within the part.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_e.jsonl"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _read(PART)


@pytest.fixture(scope="module")
def other_sets() -> list[dict]:
    """Every record of the project's other news gold files: news_dev, news_check and the other news_dev2 parts."""
    files = sorted((DATA / "news_dev").glob("*.jsonl")) + [DATA / "news_check" / "news_check.jsonl"]
    files += [f for f in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if f.name != PART.name]
    assert {f.name for f in files} >= {"news_dev.jsonl", "news_check_v1.jsonl", "news_check.jsonl", "part_a.jsonl"}
    return [r for f in files for r in _read(f)]


def test_parses_with_every_field_and_ids_in_page_order(rows) -> None:
    assert len(rows) >= 90
    for i, r in enumerate(rows, start=1):
        assert set(r) <= {"id", "sentence", "date", "url", "headline", "events", "note"}, r["id"]
        assert {"id", "sentence", "date", "url", "events", "note"} <= set(r), r["id"]
        assert r["id"] == f"dev2e-{i:03d}"
        assert isinstance(r["sentence"], str) and r["sentence"] and r["sentence"] == " ".join(r["sentence"].split())
        assert isinstance(r["note"], str) and r["note"], r["id"]
        assert "headline" not in r or (isinstance(r["headline"], str) and r["headline"]), r["id"]


def test_ids_and_sentences_are_unique(rows) -> None:
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_codes_known_and_roots_in_range(rows, check_news_codes) -> None:
    check_news_codes(rows)
    assert all(re.fullmatch(r"(0[1-9]|1\d|20)", e["root"]) for r in rows for e in r["events"])


def test_events_are_a_set_per_sentence_and_root_01_unused(rows) -> None:
    """`code eval` scores one triple per sentence; root 01 is not used (the check set's second ruling)."""
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]
        assert "01" not in {e["root"] for e in r["events"]}, r["id"]


def test_dates_2018_to_2024(rows) -> None:
    """Pages published 2018-2024; nothing from the built-in case's held-out period (January-June 2025)."""
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and "2018-01-01" <= r["date"] <= "2024-12-31", r["id"]


def test_a_page_is_consecutive_records_under_one_headline_and_date(rows) -> None:
    """A document-context coder reads the consecutive sentences of one url as one article."""
    seen: list[str] = []
    for r in rows:
        if not seen or seen[-1] != r["url"]:
            assert r["url"] not in seen, f"{r['id']}: page {r['url']} split"
            seen.append(r["url"])
    for url in seen:
        page = [r for r in rows if r["url"] == url]
        assert len({r.get("headline") for r in page}) == 1, url
        assert len({r["date"] for r in page}) == 1, url
        assert 4 <= len(page) <= 6, url


def test_no_page_shared_with_another_gold_set(rows, other_sets) -> None:
    shared = {r["url"] for r in rows} & {r["url"] for r in other_sets}
    assert not shared, sorted(shared)


def test_no_near_duplicate_with_other_sets_or_within_the_part(rows, other_sets) -> None:
    from detente.coding.neardup import near_duplicates

    found = near_duplicates([r["sentence"] for r in rows] + [r["sentence"] for r in other_sets], threshold=0.8)
    assert [(rows[i]["id"], j) for i, j in found.pairs if i < len(rows)] == []


def test_no_event_sentences_are_kept(rows) -> None:
    """Whatever a page's first sentences hold goes in: sentences without a codable event are part of the sample."""
    empty = [r for r in rows if not r["events"]]
    assert len(empty) >= len(rows) // 4
    assert all(r["note"] for r in empty)


def test_context_dependent_events_are_noted(rows) -> None:
    """A side named only by an earlier sentence or the headline is said so in the note ('context: ...')."""
    flagged = [r for r in rows if "context:" in r["note"]]
    assert len(flagged) >= 5
    assert all(r["events"] for r in flagged), [r["id"] for r in flagged if not r["events"]]


def test_code_eval_reads_every_record(rows) -> None:
    """The file as `detente code eval data/news_dev2/part_e.jsonl` reads it: nothing skipped, same gold, same dates."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
