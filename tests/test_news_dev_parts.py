"""The news sets in parts (data/news_dev2/ ... news_dev27/): well-formed gold, apart from every other gold set.

Each part holds consecutive body sentences of news pages (2018-2024; news_dev5's parts a-c, news_dev6's
parts b and d, news_dev7's parts b and e, news_dev8's, news_dev9's, news_dev10's, news_dev11's, news_dev12's and news_dev13's parts b and d, news_dev14's part d 2011-2017; news_dev15's part a from 2017; news_dev16's part d, news_dev17's parts a-c, news_dev18's part b, news_dev19's to news_dev22's parts b and d, news_dev23's parts b and c, news_dev24's parts b and d 2011-2017, part a from 2017, news_dev25's parts a-c 2011-2017) with their gold
events, annotated by the guide of data/news_dev/README.md (each set's README and each
part_X.md say how the pages were chosen). These tests pin what makes a part usable as
development and training data: valid codes and roots, each page's sentences together
and in page order with one headline, no page or near-duplicate sentence shared with
news_dev, the check set or any other part, nothing from the held-out case period, and
files that `detente code eval` reads whole. One test file for every part of every set
(session 8's annotators each wrote one; they were the same checks). news_dev3 was the
first-sight set of session 9, news_dev4 that of session 10, news_dev5 that of session 11,
news_dev6 (written at the end of session 11) that of session 12, news_dev7 (written in session 12)
that of session 13, news_dev8 (written in session 13) that of session 14, news_dev9 (written in
session 14) that of session 15, news_dev10 (written in session 15) that of session 16, news_dev11 (written in session 16) that of
session 17, news_dev12 (written in session 17; four parts) that of session 18,
news_dev13 (written in session 18; four parts) that of session 19, news_dev14 (written in session 19;
four parts) that of session 20, news_dev15 (written in session 20; four parts) that of session 21, news_dev16 (written in session 21;
four parts) that of session 22, news_dev17 (written in session 22; four parts) that of session 23, news_dev18 (written in session 22
after news_dev17; four parts) that of session 24, news_dev19 (written in session 23; four parts) that of session
25, news_dev20 (written in session 23 after news_dev19; four parts) that of session 26, news_dev21 (written in session 24; four parts) that of session 27, news_dev22 (written in session 24;
four parts) one more, news_dev23, news_dev24 and news_dev25 (written in session 25;
four parts each) three more, and news_dev26 and news_dev27 (written in session 26; four parts each; scored at that session's
end, development data from session 27) (their READMEs).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = {"news_dev2": "dev2", "news_dev3": "dev3", "news_dev4": "dev4", "news_dev5": "dev5",
        "news_dev6": "dev6", "news_dev7": "dev7", "news_dev8": "dev8", "news_dev9": "dev9",
        "news_dev10": "dev10", "news_dev11": "dev11", "news_dev12": "dev12",
        "news_dev13": "dev13", "news_dev14": "dev14", "news_dev15": "dev15",
        "news_dev16": "dev16", "news_dev17": "dev17",
        "news_dev18": "dev18", "news_dev19": "dev19",
        "news_dev20": "dev20", "news_dev21": "dev21",
        "news_dev22": "dev22", "news_dev23": "dev23", "news_dev24": "dev24",
        "news_dev25": "dev25", "news_dev26": "dev26",
        "news_dev27": "dev27"}  # folder -> id prefix
EARLIEST = {"news_dev5": "2011-01-01", "news_dev6": "2011-01-01", "news_dev7": "2011-01-01",
            "news_dev8": "2011-01-01", "news_dev9": "2011-01-01",
            "news_dev10": "2011-01-01", "news_dev11": "2011-01-01", "news_dev12": "2011-01-01",
            "news_dev13": "2011-01-01", "news_dev14": "2011-01-01", "news_dev15": "2017-01-01",
            "news_dev16": "2011-01-01", "news_dev17": "2011-01-01", "news_dev18": "2011-01-01",
            "news_dev19": "2011-01-01", "news_dev20": "2011-01-01", "news_dev21": "2011-01-01",
            "news_dev22": "2011-01-01", "news_dev23": "2011-01-01",
            "news_dev24": "2011-01-01", "news_dev25": "2011-01-01"}  # sets reaching back before 2018 (their READMEs)
PARTS = [p for folder in SETS for p in sorted((DATA / folder).glob("part_*.jsonl"))]
REQUIRED = {"id", "sentence", "date", "url", "events", "note"}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _others(part: Path) -> list[Path]:
    """Every other gold file: news_dev's, the check set (only urls and sentences are read) and the other parts."""
    return [*sorted((DATA / "news_dev").glob("*.jsonl")), DATA / "news_check" / "news_check.jsonl",
            *(p for p in PARTS if p != part)]


@pytest.mark.parametrize(("folder", "letters", "least"), [("news_dev2", "abcdefgh", 1600), ("news_dev3", "abcde", 1100),
                                                        ("news_dev4", "abcde", 1200), ("news_dev5", "abcde", 1200),
                                                        ("news_dev6", "abcde", 950), ("news_dev7", "abcde", 1200),
                                                        ("news_dev8", "abcde", 1200), ("news_dev9", "abcde", 1350),
                                                        ("news_dev10", "abcde", 1200), ("news_dev11", "abcde", 1150),
                                                        ("news_dev12", "abcd", 1050), ("news_dev13", "abcd", 940),
                                                        ("news_dev14", "abcd", 970), ("news_dev15", "abcd", 980),
                                                        ("news_dev16", "abcd", 926), ("news_dev17", "abcd", 864),
                                                        ("news_dev18", "abcd", 909), ("news_dev19", "abcd", 862),
                                                        ("news_dev20", "abcd", 847), ("news_dev21", "abcd", 859),
                                                        ("news_dev22", "abcd", 873), ("news_dev23", "abcd", 770), ("news_dev24", "abcd", 851),
                                                        ("news_dev25", "abcd", 810), ("news_dev26", "abcd", 849),
                                                        ("news_dev27", "abcd", 816)])
def test_every_part_is_there(folder: str, letters: str, least: int) -> None:
    parts = [p for p in PARTS if p.parent.name == folder]
    assert [p.stem for p in parts] == [f"part_{x}" for x in letters]
    assert sum(len(_read(p)) for p in parts) >= least


@pytest.fixture(params=PARTS, ids=lambda p: f"{SETS[p.parent.name]}_{p.stem}")
def part(request) -> tuple[Path, list[dict]]:
    return request.param, _read(request.param)


def test_records_have_the_fields_and_ids_number_the_part(part) -> None:
    path, rows = part
    prefix = SETS[path.parent.name] + path.stem[-1]
    assert [r["id"] for r in rows] == [f"{prefix}-{k:03d}" for k in range(1, len(rows) + 1)]
    for r in rows:
        assert REQUIRED <= set(r) <= REQUIRED | {"headline"}, r["id"]
        assert isinstance(r["sentence"], str) and r["sentence"].strip() == r["sentence"] != "", r["id"]
        assert r.get("headline") is None or isinstance(r["headline"], str), r["id"]
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_codes_known_roots_valid_one_triple_each_and_no_root_01(part, check_news_codes) -> None:
    """Root 01 is not used: the check set's ruling, applied unchanged."""
    _, rows = part
    check_news_codes(rows)
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]  # `code eval` merges a repeated triple
        assert all(set(e) == {"source", "target", "root"} and e["root"] != "01" for e in r["events"]), r["id"]


def test_dates_are_in_the_sets_years_and_before_2025(part) -> None:
    """Nothing from the held-out period of the built-in case (January-June 2025); 2018 on unless the set says so."""
    path, rows = part
    earliest = EARLIEST.get(path.parent.name, "2018-01-01")
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert earliest <= r["date"] <= "2024-12-31", r["id"]


def test_a_page_is_one_run_of_records_with_one_headline(part) -> None:
    """`detente code eval` reads consecutive records of one url as one article."""
    _, rows = part
    runs: list[str] = []
    for r in rows:
        if not runs or runs[-1] != r["url"]:
            runs.append(r["url"])
    assert len(runs) == len(set(runs)), "a page's records are split"
    for url in runs:
        page = [r for r in rows if r["url"] == url]
        assert len({r.get("headline") for r in page}) == 1, url
    assert len(runs) >= 15 and sum(1 for r in rows if not r["events"]) >= 20


def test_no_page_shared_with_another_gold_set(part) -> None:
    path, rows = part
    urls = {r["url"] for p in _others(path) for r in _read(p)}
    assert not {r["url"] for r in rows} & urls


@pytest.fixture(scope="module")
def near_duplicate_partners() -> dict[Path, list[tuple[int, str, int]]]:
    """Every near-duplicate sentence pair among all the gold files (news_dev's, the check set's, every part's; word-set
    Jaccard 0.8), found once for the module: per file, (its record's index, the other file's name, the other
    record's index). The pairs are exact (:mod:`detente.coding.neardup`), so one search over all the files finds
    what a search per part against the others would, without repeating the whole search for every part."""
    from detente.coding.neardup import near_duplicates

    files = [*sorted((DATA / "news_dev").glob("*.jsonl")), DATA / "news_check" / "news_check.jsonl", *PARTS]
    where = [(path, i) for path in files for i, _ in enumerate(_read(path))]
    found = near_duplicates([r["sentence"] for path in files for r in _read(path)], threshold=0.8)
    partners: dict[Path, list[tuple[int, str, int]]] = defaultdict(list)
    for a, b, *_ in found.pairs:
        (path_a, i), (path_b, j) = where[a], where[b]
        partners[path_a].append((i, f"{path_b.parent.name}/{path_b.name}", j))
        partners[path_b].append((j, f"{path_a.parent.name}/{path_a.name}", i))
    return partners


def test_no_near_duplicate_sentence(part, near_duplicate_partners) -> None:
    """Within the part and against every other gold set (word-set Jaccard 0.8)."""
    path, _ = part
    assert near_duplicate_partners.get(path, []) == []


def test_notes_say_how_the_part_was_made(part) -> None:
    path, rows = part
    notes = path.with_suffix(".md").read_text(encoding="utf-8")
    assert "What the coder misses" in notes
    assert any(r["note"].startswith("context:") or "context:" in r["note"] for r in rows)


def test_code_eval_reads_every_record(part, check_read_gold) -> None:
    """The file as `detente code eval data/news_dev2/part_X.jsonl` reads it: nothing skipped, same gold and dates."""
    check_read_gold(*part)
