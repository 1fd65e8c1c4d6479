"""benchmarks/gold_agreement.py, the inter-annotator agreement script of the fresh news check set.

The gold checks of parts B and D (well-formed, known codes, dates, no shared page or
near-duplicate) are in tests/test_news_check_new_d.py; this file checks the script that
scores one annotator's blind reading against another's gold (part_b.md, part_d.md).
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
