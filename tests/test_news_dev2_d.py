"""Part D of the second news development set (data/news_dev2/part_d.jsonl): well-formed gold, apart from every other set.

Part D holds consecutive body sentences of public news pages about dyads in Africa and
the Americas (data/news_dev2/part_d.md lists the pages and how they were chosen). These
tests pin what makes it usable as out-of-sample development data and, later, as training
data: valid gold under the guide's codes and roots, the held-out period excluded, each
page's sentences kept together in page order under one headline, and no page or
near-duplicate sentence shared with data/news_dev, data/news_check or within the part.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_d.jsonl"
OTHER_SETS = sorted((DATA / "news_dev").glob("*.jsonl")) + [DATA / "news_check" / "news_check.jsonl"]


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _read(PART)


def test_parses_with_every_field_and_ids_in_page_order(rows) -> None:
    assert len(rows) >= 150
    for i, r in enumerate(rows, start=1):
        assert set(r) <= {"id", "sentence", "date", "url", "headline", "events", "note"}, r["id"]
        assert {"id", "sentence", "date", "url", "events", "note"} <= set(r), r["id"]
        assert r["id"] == f"dev2d-{i:03d}"
        assert isinstance(r["sentence"], str) and r["sentence"] == r["sentence"].strip() and r["sentence"]
        assert isinstance(r["note"], str) and r["note"]


def test_ids_and_sentences_are_unique(rows) -> None:
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_codes_known_and_roots_in_range(rows, check_news_codes) -> None:
    check_news_codes(rows)
    assert all(re.fullmatch(r"(0[1-9]|1\d|20)", e["root"]) for r in rows for e in r["events"])


def test_events_are_a_set_per_sentence_and_root_01_unused(rows) -> None:
    """`code eval` scores one triple per sentence; root 01 is not used (the check set's ruling 2)."""
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]
        assert "01" not in {e["root"] for e in r["events"]}, r["id"]


def test_dates_2018_to_2024(rows) -> None:
    """Pages published 2018-2024; nothing from the built-in case's held-out period (January-June 2025)."""
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and "2018-01-01" <= r["date"] <= "2024-12-31"
               for r in rows)


def test_a_page_is_consecutive_records_under_one_headline(rows) -> None:
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
        assert len(page) >= 4, url


def test_no_page_shared_with_news_dev_or_news_check(rows) -> None:
    other = {r["url"] for path in OTHER_SETS for r in _read(path)}
    assert {p.name for p in OTHER_SETS} >= {"news_dev.jsonl", "news_check_v1.jsonl", "news_check.jsonl"}
    assert not {r["url"] for r in rows} & other


def test_no_near_duplicate_with_other_sets_or_within_the_part(rows) -> None:
    from detente.coding.neardup import near_duplicates

    other = [r["sentence"] for path in OTHER_SETS for r in _read(path)]
    found = near_duplicates([r["sentence"] for r in rows] + other, threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(rows)] == []


def test_no_event_sentences_are_kept(rows) -> None:
    """Whatever a page's first sentences hold goes in: sentences without a codable event are part of the sample."""
    assert sum(1 for r in rows if not r["events"]) >= 20


def test_context_dependent_events_are_noted(rows) -> None:
    """A side named only by an earlier sentence or the headline is said so in the note ('context: ...')."""
    flagged = [r for r in rows if "context:" in r["note"]]
    assert len(flagged) >= 3
    assert all(r["events"] for r in flagged), [r["id"] for r in flagged if not r["events"]]


def test_code_eval_reads_every_record(rows) -> None:
    """The file as `detente code eval data/news_dev2/part_d.jsonl` reads it: nothing skipped, same gold, same dates."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
