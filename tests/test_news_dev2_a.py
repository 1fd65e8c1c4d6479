"""Part A of the second news development set (data/news_dev2/part_a.jsonl): valid gold, pages kept whole, apart from
the other gold sets.

The part is development data (others read, tune and train on it), so what these tests pin is what makes it usable
and honest: every record parses with the fields `detente code eval` needs, codes the actor registry knows, CAMEO
roots 02-20 (root 01 is not used, as in the check set), dates inside 2018-2024 (nothing from the case's own
January-June 2025), each page's sentences together and in order under one headline, and no page or near-duplicate
sentence shared with data/news_dev or data/news_check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_a.jsonl"
FIELDS = {"id", "sentence", "date", "url", "events", "note"}


@pytest.fixture
def part(read_news) -> list[dict]:
    return read_news("news_dev2", "part_a")


def _others() -> list[dict]:
    files = sorted((DATA / "news_dev").glob("*.jsonl")) + [DATA / "news_check" / "news_check.jsonl"]
    assert len(files) >= 3
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]


def test_size_fields_and_unique_ids_and_sentences(part) -> None:
    assert len(part) >= 150
    assert sum(1 for r in part if not r["events"]) >= 20
    assert all(FIELDS <= set(r) and set(r) <= FIELDS | {"headline"} for r in part)
    assert [r["id"] for r in part] == [f"dev2a-{n:03d}" for n in range(1, len(part) + 1)]
    assert len({r["sentence"] for r in part}) == len(part)
    assert all(r["sentence"] == r["sentence"].strip() and r["sentence"] for r in part)


def test_codes_roots_and_one_triple_per_sentence(part, check_news_codes) -> None:
    check_news_codes(part)
    for r in part:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]
        assert all(e["root"] != "01" for e in r["events"]), r["id"]


def test_dates_are_inside_2018_to_2024(part) -> None:
    for r in part:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert "2018-01-01" <= r["date"] < "2025-01-01", r["id"]


def test_each_page_is_consecutive_with_one_headline(part) -> None:
    """A document-context coder reads consecutive records of one url as one article."""
    seen: dict[str, tuple[int, str | None, str]] = {}
    previous = None
    for i, r in enumerate(part):
        url = r["url"]
        if url in seen:
            assert previous == url, f"{r['id']}: {url} is split"
            assert (r.get("headline"), r["date"]) == seen[url][1:], r["id"]
        else:
            seen[url] = (i, r.get("headline"), r["date"])
        previous = url
    assert len(seen) >= 30
    assert all(sum(1 for r in part if r["url"] == u) >= 4 for u in seen)


def test_no_page_shared_with_the_other_gold_sets(part) -> None:
    assert not {r["url"] for r in part} & {r["url"] for r in _others()}


def test_no_near_duplicate_within_the_part_or_with_the_other_gold_sets(part) -> None:
    from detente.coding.neardup import near_duplicates

    mine = [r["sentence"] for r in part]
    assert near_duplicates(mine, threshold=0.8).pairs == []
    found = near_duplicates(mine + [r["sentence"] for r in _others()], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(mine)] == []


def test_context_dependent_events_say_so(part) -> None:
    """The guide: a side named only by an earlier sentence or the headline gets a note starting 'context:'."""
    notes = [r["note"] for r in part if r["events"] and "context:" in r["note"]]
    assert len(notes) >= 5


def test_code_eval_reads_every_record() -> None:
    """The file as `detente code eval data/news_dev2/part_a.jsonl` reads it: nothing skipped, the same gold."""
    from detente.coding.evaluate import read_gold

    rows = [json.loads(line) for line in PART.read_text(encoding="utf-8").splitlines()]
    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]


def test_apart_from_the_other_parts_of_news_dev2(part) -> None:
    """The four parts cover disjoint topics: no shared page and no near-duplicate sentence across them."""
    from detente.coding.neardup import near_duplicates

    others = [json.loads(line) for f in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if f.name != PART.name
              for line in f.read_text(encoding="utf-8").splitlines()]
    assert not {r["url"] for r in part} & {r["url"] for r in others}
    mine = [r["sentence"] for r in part]
    found = near_duplicates(mine + [r["sentence"] for r in others], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(mine) <= j] == []
