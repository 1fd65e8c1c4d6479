"""benchmarks/coding_paired.py: the paired page bootstrap of an F1 difference, and a whole run on a hand-written
gold file (no data file of the project's)."""

from __future__ import annotations

import json

import numpy as np
import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_paired")


def side(bench, gold, predicted, correct, empty=None, uncoded=None):
    n = len(gold)
    return bench.Side(np.array(gold), np.array(predicted), np.array(correct),
                      np.array(empty or [False] * n), np.array(uncoded or [False] * n))


def test_identical_coders_gain_nothing_with_a_zero_interval(bench) -> None:
    a = side(bench, [2, 1, 0, 3], [1, 1, 1, 2], [1, 1, 0, 2])
    result = bench.compare(a, a, np.array([0, 0, 1, 2]))
    assert result["gain"] == 0.0 and result["low"] == 0.0 and result["high"] == 0.0
    assert result["a"]["f1"] == pytest.approx(2 * 4 / (6 + 5))


def test_a_candidate_right_on_every_page_gains_with_an_interval_above_zero(bench) -> None:
    gold = [1] * 20
    a = side(bench, gold, [1] * 20, [0] * 10 + [1] * 10)  # half right
    b = side(bench, gold, [1] * 20, [1] * 20)  # all right
    result = bench.compare(a, b, np.arange(20))
    assert result["gain"] == pytest.approx(0.5)
    assert 0 < result["low"] <= result["gain"] <= result["high"] <= 1


def test_pages_are_resampled_whole(bench) -> None:
    # one page holds every gain: resampling by page, the interval reaches 0 (pages drawn without it)
    a = side(bench, [1] * 6, [1] * 6, [0] * 6)
    b = side(bench, [1] * 6, [1] * 6, [1, 1, 1, 0, 0, 0])
    result = bench.compare(a, b, np.array([0, 0, 0, 1, 2, 3]))
    assert result["low"] == 0.0 and result["high"] > result["gain"] > 0


def test_a_folder_without_gold_files_is_an_error(bench, tmp_path) -> None:
    with pytest.raises(SystemExit, match="no .jsonl gold file"):
        bench.gold_files([tmp_path])
    with pytest.raises(SystemExit, match="no such file"):
        bench.gold_files([tmp_path / "missing.jsonl"])


def test_a_whole_run_scores_as_code_eval_does(bench, tmp_path, capsys) -> None:
    pytest.importorskip("spacy")
    url = "https://example.org/a"
    records = [
        {"id": "t-1", "sentence": "France condemned Germany's decision on Monday.", "date": "2020-01-02",
         "url": url, "events": [{"source": "FRA", "target": "DEU", "root": "11"}]},
        {"id": "t-2", "sentence": "The weather in Paris was mild.", "date": "2020-01-02", "url": url, "events": []},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert bench.main([str(gold), "--pairs", "rules", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"]["tmp/gold.jsonl".replace("tmp", tmp_path.name)]
    assert row["gain"] == 0.0 and row["gold"] == 1 and row["empty"] == 1

    from detente.coding import Coder
    from detente.coding import evaluate as ev
    from detente.coding.classifier import default_classifier

    report = ev.evaluate(gold, Coder(classifier=default_classifier(), pair_model=None))
    assert row["a"]["f1"] == pytest.approx(report.overall.f1)
    assert row["a"]["uncoded"] == report.extra["left_uncoded"]
