"""Part H of the second news development set (data/news_dev2/part_h.jsonl): international organisations and
multilateral rows, 2018-2024.

Development and training data for the text coder. These tests pin what makes the part usable: every record
parses with the fields `detente code eval` reads; actor codes the registry knows (IGOs included: ICC, WHO,
ASEAN, AU, NATO, UNO, EUR, OPEC, OAS); CAMEO roots 02-20 (root 01 is not used, as in the check set); dates
inside 2018-2024 (nothing of the case's own January-June 2025); each page's sentences together, in page order,
under one headline and date; no page and no near-duplicate sentence shared with data/news_dev,
data/news_check, the other parts of data/news_dev2 or within the part itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
PART = DATA / "news_dev2" / "part_h.jsonl"
FIELDS = {"id", "sentence", "date", "url", "events", "note"}


@pytest.fixture
def part(read_news) -> list[dict]:
    return read_news("news_dev2", "part_h")


def _records(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]


def _others() -> list[dict]:
    """news_dev, the check set (only urls and sentences are compared) and the other news_dev2 parts."""
    paths = sorted((DATA / "news_dev").glob("*.jsonl")) + [DATA / "news_check" / "news_check.jsonl"]
    paths += [p for p in sorted((DATA / "news_dev2").glob("part_*.jsonl")) if p.name != PART.name]
    assert len(paths) >= 7
    return _records(paths)


def test_fields_ids_and_unique_sentences(part) -> None:
    assert len(part) >= 200
    assert sum(1 for r in part if not r["events"]) >= 30, "no-event sentences measure abstention"
    assert all(FIELDS <= set(r) <= FIELDS | {"headline"} for r in part)
    assert [r["id"] for r in part] == [f"dev2h-{n:03d}" for n in range(1, len(part) + 1)]
    assert len({r["sentence"] for r in part}) == len(part)
    assert all(r["sentence"] and r["sentence"] == r["sentence"].strip() for r in part)
    assert all(r["note"].strip() for r in part), "every record says why it has (or has no) events"


def test_codes_and_roots(part, check_news_codes) -> None:
    check_news_codes(part)
    for r in part:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), f"{r['id']}: one event per pair and act"
        assert all(re.fullmatch(r"\d\d", root) and root != "01" for _, _, root in triples), r["id"]


def test_igo_events_are_present(part) -> None:
    """The part is about international organisations: IGO codes must appear as sources and as targets."""
    from detente.actors import get_registry

    igo = {code for code, actor in get_registry().actors.items() if actor.kind == "igo"} | {"EUR"}
    assert {"ICC", "WHO", "ASEAN", "AU", "NATO", "UNO"} <= igo, "the EU (EUR) is a group in the registry, added by hand"
    events = [e for r in part for e in r["events"]]
    assert sum(1 for e in events if e["source"] in igo) >= 10
    assert sum(1 for e in events if e["target"] in igo) >= 10


def test_dates_inside_2018_to_2024(part) -> None:
    for r in part:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert "2018-01-01" <= r["date"] <= "2024-12-31", r["id"]


def test_each_page_is_consecutive_under_one_headline_and_date(part) -> None:
    """A document-context coder reads the consecutive records of one url as one article."""
    first: dict[str, dict] = {}
    for before, r in zip([None, *part], part):
        if r["url"] in first:
            assert before is not None and before["url"] == r["url"], f"{r['id']}: page {r['url']} is split"
            assert (r.get("headline"), r["date"]) == (first[r["url"]].get("headline"), first[r["url"]]["date"]), r["id"]
        else:
            first[r["url"]] = r
    assert len(first) >= 40
    assert all(4 <= sum(1 for r in part if r["url"] == u) <= 6 for u in first), "each page gives 4-6 body sentences"


def test_no_page_shared_with_another_gold_set_or_part(part) -> None:
    assert not {r["url"] for r in part} & {r["url"] for r in _others()}


def test_no_near_duplicate_sentence(part) -> None:
    from detente.coding.neardup import near_duplicates

    mine = [r["sentence"] for r in part]
    assert near_duplicates(mine, threshold=0.8).pairs == []
    found = near_duplicates(mine + [r["sentence"] for r in _others()], threshold=0.8)
    assert [(i, j) for i, j in found.pairs if i < len(mine) <= j] == []


def test_context_dependent_events_are_marked(part) -> None:
    """A side named only by another sentence or the headline is flagged ('context:'), so a sentence-at-a-time
    coder's ceiling can be counted; such a note never sits on a sentence without events."""
    marked = [r for r in part if "context:" in r["note"]]
    assert len(marked) >= 10
    assert all(r["events"] for r in marked)


def test_code_eval_reads_every_record(part) -> None:
    """`detente code eval data/news_dev2/part_h.jsonl` reads every record with the same gold and date."""
    from detente.coding.evaluate import read_gold

    gold = read_gold(PART)
    assert gold.kind == "events" and gold.skipped == []
    assert [s.text for s in gold.sentences] == [r["sentence"] for r in part]
    for sent, r in zip(gold.sentences, part):
        got = sorted((e.source, e.target, e.label) for e in sent.events)
        assert got == sorted((e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
        assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]
