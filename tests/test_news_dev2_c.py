"""Part C of the second development set (data/news_dev2/part_c.jsonl): well-formed gold, apart from every other gold set.

The part is development data (data/news_dev2/part_c.md says how it was built): these
tests pin what makes it usable as out-of-sample data for rules written before it and,
later, as training data: valid gold (known actor codes, CAMEO roots 01-20, no root 01,
one triple per sentence), dates inside 2018-2024 (nothing from the held-out case
period), whole pages kept together in page order with one headline, and no page or
near-duplicate sentence shared with data/news_dev or data/news_check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_c.jsonl"


@pytest.fixture
def rows(read_news) -> list[dict]:
    return read_news("news_dev2", "part_c")


def _others(read_news) -> Iterator[dict]:
    for file in sorted((DATA / "news_dev").glob("*.jsonl")):
        yield from read_news("news_dev", file.stem)
    yield from read_news("news_check")


def test_parses_with_every_field(rows) -> None:
    assert len(rows) >= 60
    for r in rows:
        assert set(r) == {"id", "sentence", "date", "url", "headline", "events", "note"}, r["id"]
        assert isinstance(r["sentence"], str) and r["sentence"] == r["sentence"].strip() and r["sentence"], r["id"]
        assert r["headline"] is None or (isinstance(r["headline"], str) and r["headline"]), r["id"]
        assert isinstance(r["note"], str) and r["note"], r["id"]


def test_ids_count_up_in_file_order(rows) -> None:
    assert [r["id"] for r in rows] == [f"dev2c-{k:03d}" for k in range(1, len(rows) + 1)]


def test_unique_sentences_and_event_triples(rows) -> None:
    assert len({r["sentence"] for r in rows}) == len(rows)
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]


def test_codes_known_and_roots_valid(rows, check_news_codes) -> None:
    check_news_codes(rows)
    assert not [r["id"] for r in rows for e in r["events"] if e["root"] == "01"], "root 01 is not used"


def test_dates_inside_2018_to_2024(rows) -> None:
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert "2018-01-01" <= r["date"] <= "2024-12-31", r["id"]


def test_a_page_is_consecutive_with_one_headline_and_date(rows) -> None:
    """A document-context coder reads consecutive records of one url as one article."""
    seen: dict[str, int] = {}
    for i, r in enumerate(rows):
        if r["url"] in seen:
            prev = rows[i - 1]
            assert prev["url"] == r["url"], f"{r['id']}: page {r['url']} is split"
            assert (prev["headline"], prev["date"]) == (r["headline"], r["date"]), r["id"]
        seen[r["url"]] = i
    assert len(seen) >= 14
    assert all(u.startswith("http") for u in seen)


def test_no_page_shared_with_other_gold_sets(rows, read_news) -> None:
    other = {r["url"] for r in _others(read_news)}
    assert not {r["url"] for r in rows} & other


def test_no_near_duplicates_with_other_gold_sets_or_within(rows, read_news) -> None:
    from detente.coding.neardup import near_duplicates

    mine = [r["sentence"] for r in rows]
    found = near_duplicates(mine + [r["sentence"] for r in _others(read_news)], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(mine)] == []


def test_code_eval_reads_every_record(rows) -> None:
    """The file as `detente code eval data/news_dev2/part_c.jsonl` reads it: nothing skipped, same gold and dates."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
