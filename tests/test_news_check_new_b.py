"""Part B of the fresh news check set: well-formed, codes the registry knows, apart from every other gold set.

The fresh check set (data/news_check_new/, assembled by the lead into
data/news_check/news_check.jsonl) gives the coder's out-of-sample figure; part B holds
the Europe, Africa and Americas pages (data/news_check_new/part_b.md). These tests pin
what makes that figure mean something: valid gold, dates before the held-out period,
and no page or near-duplicate sentence shared with the development set, the demoted
session-6 check set or itself.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

PART_B = Path(__file__).resolve().parents[1] / "data" / "news_check_new" / "part_b.jsonl"


@pytest.fixture
def part_b() -> list[dict]:
    return [json.loads(line) for line in PART_B.read_text(encoding="utf-8").splitlines()]


def test_parses_with_unique_ids_and_sentences(part_b) -> None:
    assert len(part_b) >= 80
    assert sum(1 for r in part_b if not r["events"]) >= 15
    assert len({r["id"] for r in part_b}) == len(part_b)
    assert len({r["sentence"] for r in part_b}) == len(part_b)
    assert all(r["id"].startswith("chk2b-") for r in part_b)
    assert all(set(r) == {"id", "sentence", "date", "url", "events", "note"} for r in part_b)


def test_every_event_uses_known_codes_and_roots(part_b, check_news_codes) -> None:
    check_news_codes(part_b)
    for r in part_b:
        for e in r["events"]:
            assert set(e) == {"source", "target", "root"}, r["id"]


def test_events_are_a_set_per_sentence(part_b) -> None:
    """`code eval` scores one triple per sentence: a repeated gold triple would be silently merged."""
    for r in part_b:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]


def test_dates_2018_to_2024(part_b) -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    assert all("2018-01-01" <= r["date"] < "2025-01-01" for r in part_b)


def test_no_page_shared_with_other_gold_sets(part_b, read_news) -> None:
    used = {r["url"] for r in read_news("news_dev")} | {r["url"] for r in read_news("news_check")}
    assert not {r["url"] for r in part_b} & used


def test_no_near_duplicate_sentence(part_b, read_news) -> None:
    """Not a development or earlier check sentence in disguise, and no twin inside part B."""
    from detente.coding.neardup import near_duplicates

    others = [r["sentence"] for r in read_news("news_dev")] + [r["sentence"] for r in read_news("news_check")]
    found = near_duplicates(others + [r["sentence"] for r in part_b], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if j >= len(others)] == []


def test_code_eval_reads_every_record(part_b) -> None:
    """The file as `detente code eval data/news_check_new/part_b.jsonl` reads it: nothing skipped, same gold."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART_B)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in part_b]
    for sent, r in zip(gold.sentences, part_b):
        assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
            (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]


def test_agreement_script_scores_the_shared_sentences(tmp_path, monkeypatch, part_b) -> None:
    """benchmarks/gold_agreement.py (the agreement figure of part_b.md): a file read against itself agrees
    fully; dropping one event and adding a sentence the first file lacks costs exactly that event."""
    import importlib.util

    script = PART_B.parents[2] / "benchmarks" / "gold_agreement.py"
    spec = importlib.util.spec_from_file_location("gold_agreement", script)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gold_agreement", module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)

    same = module.agreement(PART_B, PART_B)
    assert same["f1"] == 1.0 and same["disagreements"] == [] and same["shared_sentences"] == len(part_b)

    rows = [dict(r) for r in part_b[:10]]
    dropped = next(i for i, r in enumerate(rows) if len(r["events"]) == 1)
    rows[dropped] = {**rows[dropped], "events": []}
    rows.append({**rows[0], "id": "extra", "sentence": "A sentence only the second reading has."})
    second = tmp_path / "second.jsonl"
    second.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = module.agreement(PART_B, second)
    gold_events = sum(len(r["events"]) for r in part_b[:10])
    assert got["shared_sentences"] == 10
    assert got["overall"]["gold"] == gold_events and got["overall"]["correct"] == gold_events - 1
    assert got["overall"]["precision"] == 1.0
    assert [d["sentence"] for d in got["disagreements"]] == [part_b[dropped]["sentence"]]
