"""Parts B and D of the fresh news check set: well-formed, codes the registry knows, apart from every other gold set.

The fresh check set (data/news_check_new/, assembled by the lead into
data/news_check/news_check.jsonl) gives the coder's out-of-sample figure; parts B and D
hold the Europe, Africa and Americas pages (data/news_check_new/part_b.md, part_d.md).
These tests pin what makes that figure mean something: valid gold, dates before the
held-out period, and no page or near-duplicate sentence shared with the development set,
the demoted session-6 check set, the other parts present in the checkout, or itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NEW = Path(__file__).resolve().parents[1] / "data" / "news_check_new"
PARTS = {"part_b": "chk2b-", "part_d": "chk2d-"}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(params=sorted(PARTS))
def part(request) -> tuple[str, list[dict]]:
    return request.param, _read(NEW / f"{request.param}.jsonl")


def test_parses_with_unique_ids_and_sentences(part) -> None:
    name, rows = part
    assert len(rows) >= 80
    assert sum(1 for r in rows if not r["events"]) >= 15
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["sentence"] for r in rows}) == len(rows)
    assert [r["id"] for r in rows] == [f"{PARTS[name]}{i:03d}" for i in range(1, len(rows) + 1)]
    assert all(set(r) == {"id", "sentence", "date", "url", "events", "note"} for r in rows)
    assert all(r["sentence"] == r["sentence"].strip() and r["note"] for r in rows)


def test_every_event_uses_known_codes_and_roots(part, check_news_codes) -> None:
    _, rows = part
    check_news_codes(rows)
    for r in rows:
        for e in r["events"]:
            assert set(e) == {"source", "target", "root"}, r["id"]


def test_events_are_a_set_per_sentence(part) -> None:
    """`code eval` scores one triple per sentence: a repeated gold triple would be silently merged."""
    _, rows = part
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]


def test_dates_2018_to_2024(part) -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    _, rows = part
    assert all(len(r["date"]) == 10 and "2018-01-01" <= r["date"] < "2025-01-01" for r in rows)


def test_no_page_shared_with_other_gold_sets(part, read_news) -> None:
    name, rows = part
    used = {r["url"] for r in read_news("news_dev")} | {r["url"] for r in read_news("news_check")}
    for other in NEW.glob("part_*.jsonl"):
        if other.stem != name:
            used |= {r["url"] for r in _read(other)}
    assert not {r["url"] for r in rows} & used


def test_no_near_duplicate_sentence(part, read_news) -> None:
    """Not a development, earlier check or other part's sentence in disguise, and no twin inside the part."""
    from detente.coding.neardup import near_duplicates

    name, rows = part
    others = [r["sentence"] for r in read_news("news_dev")] + [r["sentence"] for r in read_news("news_check")]
    for other in sorted(NEW.glob("part_*.jsonl")):
        if other.stem != name:
            others += [r["sentence"] for r in _read(other)]
    found = near_duplicates(others + [r["sentence"] for r in rows], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if j >= len(others)] == []


def test_code_eval_reads_every_record(part) -> None:
    """The file as `detente code eval data/news_check_new/<part>.jsonl` reads it: nothing skipped, same gold."""
    from detente.coding.evaluate import read_gold

    name, rows = part
    gold = read_gold(NEW / f"{name}.jsonl")
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
    for sent, r in zip(gold.sentences, rows):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
