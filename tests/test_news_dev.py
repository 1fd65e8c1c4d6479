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
