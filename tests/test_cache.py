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
