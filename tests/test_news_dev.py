"""The news development set: well-formed, codes the registry knows, no held-out period."""

from __future__ import annotations


def test_size_and_abstention_share(read_news) -> None:
    rows = read_news("news_dev")
    assert len(rows) >= 150
    assert sum(1 for r in rows if not r["events"]) >= 20
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_every_event_uses_known_codes_and_roots(read_news, check_news_codes) -> None:
    check_news_codes(read_news("news_dev"))


def test_nothing_from_the_held_out_period(read_news) -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    assert all(r["date"] < "2025-01-01" for r in read_news("news_dev"))


def test_the_demoted_check_set_stays_valid_gold(read_news, check_news_codes) -> None:
    """news_check_v1.jsonl (the first check set, development since session 7): known codes, one triple a sentence,
    nothing from the held-out period, no sentence shared with news_dev.jsonl."""
    rows = read_news("news_dev", "news_check_v1")
    assert len(rows) == 138 and all(r["id"].startswith("chk-") for r in rows)
    check_news_codes(rows)
    for r in rows:
        triples = [(e["source"], e["target"], e["root"]) for e in r["events"]]
        assert len(triples) == len(set(triples)), r["id"]
    assert all("2018-01-01" <= r["date"] < "2025-01-01" for r in rows)
    assert not {r["sentence"] for r in rows} & {r["sentence"] for r in read_news("news_dev")}
