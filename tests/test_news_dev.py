"""The news development set: well-formed, codes the registry knows, no held-out period."""

from __future__ import annotations

import json
from pathlib import Path

from detente.actors import get_registry

DEV = Path(__file__).resolve().parents[1] / "data" / "news_dev" / "news_dev.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


def test_size_and_abstention_share() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert sum(1 for r in rows if not r["events"]) >= 20
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["sentence"] for r in rows}) == len(rows)


def test_every_event_uses_known_codes_and_roots() -> None:
    registry = get_registry()
    for r in _rows():
        assert r["url"].startswith("http"), r["id"]
        for e in r["events"]:
            assert e["source"] in registry and e["target"] in registry, (r["id"], e)
            assert e["source"] != e["target"], r["id"]
            assert e["root"] in {f"{k:02d}" for k in range(1, 21)}, (r["id"], e)


def test_nothing_from_the_held_out_period() -> None:
    """The case's own events of January-June 2025 are kept for independent scoring."""
    assert all(r["date"] < "2025-01-01" for r in _rows())
