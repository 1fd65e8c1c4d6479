"""Tests for detente.cache: one rule for where every cache lives, and one switch to turn them off."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.cache import cache_dir
from detente.coding import classifier


def test_the_folder_follows_detente_cache_dir_then_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir("cases") == tmp_path / "mine" / "cases"
    monkeypatch.delenv("DETENTE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir("classifier") == tmp_path / "xdg" / "detente" / "classifier"


@pytest.mark.parametrize("value", ["off", "OFF", " Off "])
def test_off_turns_every_cache_off(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", value)
    assert cache_dir("cases") is None
    assert classifier.cache_dir() is None  # the classifier's cache too, not a folder named "off"


def test_a_source_key_changes_with_its_label_text_and_the_users_actor_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.cache import package_files, source_key

    monkeypatch.delenv("DETENTE_ACTORS", raising=False)
    base = source_key(["detente.ontology"], "format 1")
    assert base == source_key(["detente.ontology"], "format 1")
    assert len({base, source_key(["detente.ontology"], "format 2"), source_key(["detente.ontology"], "format 1", "x")}) == 3
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors: []\n", encoding="utf-8")
    monkeypatch.setenv("DETENTE_ACTORS", str(extra))
    first = source_key(["detente.ontology"], "format 1")
    extra.write_text("actors:\n  - {code: XYZ, name: Xyzia}\n", encoding="utf-8")
    assert len({base, first, source_key(["detente.ontology"], "format 1")}) == 3
    assert "cameo.py" in {p.name for p in package_files(["detente.ontology"])}
    with pytest.raises(OSError, match="cannot locate"):
        package_files(["detente.no_such_package"])


def test_pickled_reads_back_rebuilds_a_damaged_or_foreign_file_and_stores_nothing_without_a_path(tmp_path: Path) -> None:
    from detente.cache import pickled

    def accept(obj: object) -> dict:
        if not isinstance(obj, dict):
            raise TypeError("foreign")
        return obj

    built: list[int] = []

    def build() -> dict:
        built.append(1)
        return {"n": len(built)}

    path = tmp_path / "sub" / "x.pickle"
    assert pickled(path, build, accept) == {"n": 1} and path.is_file()
    assert pickled(path, build, accept) == {"n": 1} and len(built) == 1  # read back, not built
    path.write_bytes(b"not a pickle")
    assert pickled(path, build, accept) == {"n": 2}  # damaged: built again and replaced
    assert pickled(path, build, accept) == {"n": 2}
    import pickle

    path.write_bytes(pickle.dumps([1, 2]))
    assert pickled(path, build, accept) == {"n": 3}  # foreign: built again
    assert pickled(None, build, accept) == {"n": 4} and pickled(None, build, accept) == {"n": 5}
    assert pickled(tmp_path / "y.pickle", build, accept, stored_form=lambda d: {**d, "stored": True}) == {"n": 6}
    assert pickled(tmp_path / "y.pickle", build, accept) == {"n": 6, "stored": True}
