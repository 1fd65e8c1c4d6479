"""benchmarks/gold_agreement.py, the inter-annotator agreement script of the news check set.

The gold checks of the set are in tests/test_news_check.py; this file checks the script
that scores one annotator's blind reading against another's gold
(data/news_check/README.md, "What the figure can and cannot say").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "data" / "news_check" / "news_check.jsonl"


@pytest.fixture
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_agreement_script_scores_the_shared_sentences(tmp_path, monkeypatch, gold) -> None:
    """benchmarks/gold_agreement.py (the agreement figures of the check set's README): a file read against itself agrees
    fully; dropping one event and adding a sentence the first file lacks costs exactly that event."""
    import importlib.util

    script = GOLD.parents[2] / "benchmarks" / "gold_agreement.py"
    spec = importlib.util.spec_from_file_location("gold_agreement", script)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gold_agreement", module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)

    same = module.agreement(GOLD, GOLD)
    assert same["f1"] == 1.0 and same["disagreements"] == [] and same["shared_sentences"] == len(gold)

    rows = [dict(r) for r in gold[:10]]
    dropped = next(i for i, r in enumerate(rows) if len(r["events"]) == 1)
    rows[dropped] = {**rows[dropped], "events": []}
    rows.append({**rows[0], "id": "extra", "sentence": "A sentence only the second reading has."})
    second = tmp_path / "second.jsonl"
    second.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = module.agreement(GOLD, second)
    gold_events = sum(len(r["events"]) for r in gold[:10])
    assert got["shared_sentences"] == 10
    assert got["overall"]["gold"] == gold_events and got["overall"]["correct"] == gold_events - 1
    assert got["overall"]["precision"] == 1.0
    assert [d["sentence"] for d in got["disagreements"]] == [gold[dropped]["sentence"]]
