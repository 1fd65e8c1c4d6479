"""Part C of the fresh news check set: well-formed, codes the registry knows, apart from every other gold set.

data/news_check_new/part_c.jsonl is annotator `truth`'s second part (Asia and the Middle
East, 2018-2024) of the check set that replaces data/news_check (demoted to development in
session 7); the lead merges the parts. These tests pin what makes its figure mean
something: valid gold, the publication window 2018-2024 (nothing from the held-out case
period), no page and no near-duplicate sentence shared with the development set, the old
check set or the other parts, and a file that `detente code eval` reads whole. The coder's
score is not pinned here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NEW = Path(__file__).resolve().parents[1] / "data" / "news_check_new"
PART_C = NEW / "part_c.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def part_c() -> list[dict]:
    return _rows(PART_C)


@pytest.fixture
def other_sets(read_news) -> list[dict]:
    """Every other gold record: development set, old check set, the other parts of the new set."""
    others = read_news("news_dev") + read_news("news_check")
    for path in sorted(NEW.glob("part_*.jsonl")):
        if path != PART_C:
            others += _rows(path)
    return others


def test_every_record_parses_with_every_field(part_c) -> None:
    assert len(part_c) >= 80
    for r in part_c:
        assert set(r) == {"id", "sentence", "date", "url", "events", "note"}, r.get("id")
        assert r["id"].startswith("chk2c-") and r["sentence"].strip() and r["note"].strip(), r["id"]


def test_ids_and_sentences_are_unique(part_c) -> None:
    assert len({r["id"] for r in part_c}) == len(part_c)
    assert len({r["sentence"] for r in part_c}) == len(part_c)


def test_abstention_share(part_c) -> None:
    """Consecutive sentences taken whatever they contain: many report no codable event."""
    assert sum(1 for r in part_c if not r["events"]) >= 20


def test_every_event_uses_known_codes_and_roots(part_c, check_news_codes) -> None:
    check_news_codes(part_c)


def test_events_are_a_set_per_sentence(part_c) -> None:
    """`code eval` scores one triple per sentence: a repeated gold triple would be silently merged."""
    for r in part_c:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]


def test_dates_within_2018_to_2024(part_c) -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    assert all("2018-01-01" <= r["date"] <= "2024-12-31" for r in part_c)


def test_no_page_shared_with_any_other_gold_set(part_c, other_sets) -> None:
    assert not {r["url"] for r in part_c} & {r["url"] for r in other_sets}


def test_no_near_duplicate_sentence(part_c, other_sets) -> None:
    """Not a sentence of another gold set in disguise, and no twin inside the part."""
    from detente.coding.neardup import near_duplicates

    others = [r["sentence"] for r in other_sets]
    found = near_duplicates(others + [r["sentence"] for r in part_c], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if j >= len(others)] == []


def test_code_eval_reads_every_record(part_c) -> None:
    """The file as `detente code eval data/news_check_new/part_c.jsonl` reads it: nothing skipped, same gold."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART_C)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in part_c]
    for sent, r in zip(gold.sentences, part_c):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
