"""Part A of the fresh news check set: well-formed, codes the registry knows, apart from every other gold set.

data/news_check_new/part_a.jsonl is one annotator's half of the check set that
replaces data/news_check (demoted to development in session 7); the lead merges it
with part B. These tests pin what makes its figure mean something: valid gold, the
publication window 2018-2024 (nothing from the held-out case period), no page and no
near-duplicate sentence shared with the development or the old check set, and a
file that `detente code eval` reads whole. The coder's score is not pinned here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PART_A = Path(__file__).resolve().parents[1] / "data" / "news_check_new" / "part_a.jsonl"


@pytest.fixture
def part_a() -> list[dict]:
    return [json.loads(line) for line in PART_A.read_text(encoding="utf-8").splitlines()]


def test_every_record_parses_with_every_field(part_a) -> None:
    assert len(part_a) >= 80
    for r in part_a:
        assert set(r) == {"id", "sentence", "date", "url", "events", "note"}, r.get("id")
        assert r["id"].startswith("chk2a-") and r["sentence"].strip() and r["note"].strip(), r["id"]


def test_ids_and_sentences_are_unique(part_a) -> None:
    assert len({r["id"] for r in part_a}) == len(part_a)
    assert len({r["sentence"] for r in part_a}) == len(part_a)


def test_abstention_share(part_a) -> None:
    """Consecutive sentences taken whatever they contain: many report no codable event."""
    assert sum(1 for r in part_a if not r["events"]) >= 20


def test_every_event_uses_known_codes_and_roots(part_a, check_news_codes) -> None:
    check_news_codes(part_a)


def test_events_are_a_set_per_sentence(part_a) -> None:
    """`code eval` scores one triple per sentence: a repeated gold triple would be silently merged."""
    for r in part_a:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]


def test_dates_within_2018_to_2024(part_a) -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    assert all("2018-01-01" <= r["date"] <= "2024-12-31" for r in part_a)


def test_no_page_shared_with_the_other_gold_sets(part_a, read_news) -> None:
    used = {r["url"] for r in read_news("news_dev")} | {r["url"] for r in read_news("news_check")}
    assert not {r["url"] for r in part_a} & used


def test_no_near_duplicate_sentence(part_a, read_news) -> None:
    """Not a development or old check sentence in disguise, and no twin inside the part."""
    from detente.coding.neardup import near_duplicates

    others = [r["sentence"] for r in read_news("news_dev")] + [r["sentence"] for r in read_news("news_check")]
    found = near_duplicates(others + [r["sentence"] for r in part_a], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if j >= len(others)] == []


def test_code_eval_reads_every_record(part_a) -> None:
    """The file as `detente code eval data/news_check_new/part_a.jsonl` reads it: nothing skipped, same gold."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART_A)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in part_a]
    for sent, r in zip(gold.sentences, part_a):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
