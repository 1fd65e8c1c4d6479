"""Part G of the second news development set (data/news_dev2/part_g.jsonl): well-formed gold, kept apart from every
other gold set.

Part G holds the first consecutive body sentences of public news pages about dyads in Africa and the Americas,
2018-2024 (data/news_dev2/part_g.md lists the pages and how they were chosen). Developers read it as out-of-sample
data for rules written before it landed and later train on it, so these tests pin what makes it fit for that: every
record as `detente code eval` reads it, codes the actor registry knows, roots 02-20 (root 01 is not used, as in the
check set), dates inside 2018-2024 (nothing from the case's own January-June 2025), each page's sentences together
and in page order under one headline, and no page or near-duplicate sentence shared with data/news_dev,
data/news_check, another part of data/news_dev2 or within the part.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_g.jsonl"
FIELDS = {"id", "sentence", "date", "url", "events", "note"}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def others() -> list[dict]:
    """Every record of the other gold sets: news_dev's files, the check set and the other news_dev2 parts."""
    files = sorted((DATA / "news_dev").glob("*.jsonl")) + [DATA / "news_check" / "news_check.jsonl"]
    files += [f for f in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if f != PART]
    assert len(files) >= 4
    return [r for f in files for r in _read(f)]


@pytest.fixture
def part(read_news) -> list[dict]:
    return read_news("news_dev2", "part_g")


def test_fields_ids_and_unique_sentences(part) -> None:
    assert len(part) >= 200
    assert sum(1 for r in part if not r["events"]) >= 20
    assert all(FIELDS <= set(r) <= FIELDS | {"headline"} for r in part)
    assert [r["id"] for r in part] == [f"dev2g-{n:03d}" for n in range(1, len(part) + 1)]
    assert len({r["sentence"] for r in part}) == len(part)
    assert all(r["sentence"] and r["sentence"] == r["sentence"].strip() for r in part)
    assert all(r["note"].strip() for r in part), "every record says why (its convention, or why no event)"


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


def test_each_page_is_consecutive_with_one_headline_and_date(part) -> None:
    """A document-context coder reads consecutive records of one url as one article."""
    seen: dict[str, tuple[str | None, str]] = {}
    previous = None
    for r in part:
        if r["url"] in seen:
            assert previous == r["url"], f"{r['id']}: the page {r['url']} is split"
            assert (r.get("headline"), r["date"]) == seen[r["url"]], r["id"]
        else:
            seen[r["url"]] = (r.get("headline"), r["date"])
        previous = r["url"]
    assert len(seen) >= 40
    assert all(sum(1 for r in part if r["url"] == u) >= 4 for u in seen), "each page gives at least four sentences"


def test_no_page_shared_with_another_gold_set(part, others) -> None:
    assert not {r["url"] for r in part} & {r["url"] for r in others}


def test_no_near_duplicate_within_the_part_or_with_another_gold_set(part, others) -> None:
    from detente.coding.neardup import near_duplicates

    mine = [r["sentence"] for r in part]
    assert near_duplicates(mine, threshold=0.8).pairs == []
    found = near_duplicates(mine + [r["sentence"] for r in others], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(mine) <= j] == []


def test_context_dependent_events_say_so(part) -> None:
    """The guide: a side named only by an earlier sentence or the headline gets a note starting 'context:'."""
    assert sum(1 for r in part if r["events"] and r["note"].startswith("context:")) >= 5
    assert all(r["events"] for r in part if r["note"].startswith("context:")), "a context note belongs to an event"


def test_code_eval_reads_every_record() -> None:
    """The file as `detente code eval data/news_dev2/part_g.jsonl` reads it: nothing skipped, the same gold."""
    from detente.coding.evaluate import read_gold

    rows = _read(PART)
    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
