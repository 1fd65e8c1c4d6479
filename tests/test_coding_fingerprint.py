"""benchmarks/coding_fingerprint.py: the coder's behaviour fingerprint on a three-sentence page file (hand-written
sentences, none from a data file), its table dump, and its check against an earlier run."""

from __future__ import annotations

import json

import pytest

SENTENCES = [
    ("Russia imposed sanctions on Ukraine on Monday.", "http://example.org/a"),
    ("The two countries later agreed to hold talks.", "http://example.org/a"),
    ("France did not condemn the attack on the German embassy.", "http://example.org/b"),
]


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_fingerprint")


@pytest.fixture
def three(tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps({"text": t, "url": u, "date": "2024-03-04", "events": []}) + "\n"
                            for t, u in SENTENCES), encoding="utf-8")
    return path


def test_every_event_is_written_with_its_fields_negated_ones_too(bench, three, tmp_path, capsys) -> None:
    out = tmp_path / "fp"
    assert bench.main(["--files", str(three), "--no-classifier", "--out", str(out)]) == 0
    rows = [line.split("\t") for line in (out / "events.tsv").read_text(encoding="utf-8").splitlines()]
    assert len(rows[0]) == 14
    by_sentence = {(int(r[1]), r[4]): r for r in rows}
    assert by_sentence[(0, "163")][2:4] == ["RUS", "UKR"]
    assert by_sentence[(0, "163")][12] == "imposed"
    assert by_sentence[(2, "111")][7] == "1"  # "did not condemn": negated, kept in the fingerprint
    assert all(r[0] == f"{three.parent.name}/three.jsonl" for r in rows)
    printed = capsys.readouterr().out
    assert "events.tsv sha256 " in printed and f"({len(rows)} events, 1 files)" in printed


def test_the_table_dump_lists_patterns_in_order_families_and_verb_classes(bench) -> None:
    lines = bench.table_lines()
    impose = [line for line in lines if line.startswith("impose\t")]
    assert impose and all("\t" in line for line in impose)
    assert "trade\t" in "\n".join(lines)
    assert any(line.startswith("THREAT_VERBS\t") and line.split("\t")[1] == "threaten warn" for line in lines)
    assert any(line.startswith("strike\tattack walkout") for line in lines)  # a noun's families, usual sense first
    assert lines.index("# where: name -> modules it can be imported from (expected to change when a name moves)") > 0


def test_check_passes_on_the_same_code_and_fails_on_another_events_file(bench, three, tmp_path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    args = ["--files", str(three), "--no-classifier"]
    assert bench.main([*args, "--out", str(first)]) == 0
    assert bench.main([*args, "--out", str(second), "--check", str(first)]) == 0
    (first / "events.tsv").write_text("changed\n", encoding="utf-8")
    assert bench.main([*args, "--out", str(second), "--check", str(first)]) == 1


def test_pairs_codes_with_the_named_pair_model(bench, three, tmp_path, monkeypatch) -> None:
    from detente.coding import pair_encoder

    asked: list[int] = []
    revise = pair_encoder.EncoderPairModel.revise_sentences

    def counted(self, sentences, *args, **kwargs):
        asked.append(len(sentences))
        return revise(self, sentences, *args, **kwargs)

    monkeypatch.setattr(pair_encoder.EncoderPairModel, "revise_sentences", counted)
    args = ["--files", str(three), "--no-classifier"]
    assert bench.main([*args, "--out", str(tmp_path / "rules")]) == 0
    assert asked == []  # the default fingerprint: the rules alone
    assert bench.main([*args, "--pairs", "static", "--out", str(tmp_path / "static")]) == 0
    assert sum(asked) == 3  # every sentence of both pages decided again by the static model
