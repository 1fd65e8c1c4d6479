"""detente.actors.stored: the default registry read back from the user's cache is the one built from the YAML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import stored
from detente.actors.registry import ActorRegistry, build_registry

SENTENCES = [
    "Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken in Geneva.",
    "Chinese troops and Indian officials held talks; Prime Minister Morrison spoke to Beijing.",
    "Ukraine's armed forces shelled positions near Donetsk, the Kremlin said.",
]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DETENTE_ACTORS", raising=False)
    return tmp_path / "actors"


def _counting(calls: list[int]):
    def build() -> ActorRegistry:
        calls.append(1)
        return build_registry()
    return build


def test_the_stored_registry_is_the_built_one_and_is_read_back_without_building(cache: Path) -> None:
    calls: list[int] = []
    first = stored.stored_registry(_counting(calls), ActorRegistry)
    files = list(cache.glob("registry-*.pickle"))
    assert calls == [1] and len(files) == 1
    again = stored.stored_registry(_counting(calls), ActorRegistry)
    assert calls == [1]  # read back, not built
    built = build_registry()
    assert again == built and first == built  # actors and people
    assert again.names_index.surface == built.names_index.surface
    assert "matcher" not in again._cache  # built on first use (see the module's Choices)
    assert len(built.find_mentions(SENTENCES[0])) >= 3
    for text in SENTENCES:
        for on in (None, date(2021, 6, 1), date(2023, 3, 1)):
            assert again.find_mentions(text, on=on) == built.find_mentions(text, on=on), (text, on)
    assert again.resolve("Russia") == built.resolve("Russia") == "RUS"


def test_a_damaged_file_is_built_again_and_replaced(cache: Path) -> None:
    calls: list[int] = []
    stored.stored_registry(_counting(calls), ActorRegistry)
    (path,) = cache.glob("registry-*.pickle")
    path.write_bytes(b"not a pickle")
    again = stored.stored_registry(_counting(calls), ActorRegistry)
    assert calls == [1, 1] and again == build_registry()
    stored.stored_registry(_counting(calls), ActorRegistry)
    assert calls == [1, 1]  # the replacement is read back
    import pickle

    path.write_bytes(pickle.dumps({"not": "a registry"}))  # a foreign object: built again
    assert stored.stored_registry(_counting(calls), ActorRegistry) == build_registry() and calls == [1, 1, 1]


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", "off")
    calls: list[int] = []
    stored.stored_registry(_counting(calls), ActorRegistry)
    stored.stored_registry(_counting(calls), ActorRegistry)
    assert calls == [1, 1]


def test_user_actor_files_are_part_of_the_key(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("names: [{name: Lubyanka, code: RUSSPY}]\n", encoding="utf-8")
    plain = stored.registry_key()
    monkeypatch.setenv("DETENTE_ACTORS", str(extra))
    with_file = stored.registry_key()
    extra.write_text("names: [{name: The Lubyanka, code: RUSSPY}]\n", encoding="utf-8")
    assert len({plain, with_file, stored.registry_key()}) == 3
    registry = stored.stored_registry(build_registry, ActorRegistry)
    assert registry.resolve("The Lubyanka") == "RUSSPY"
    assert stored.stored_registry(build_registry, ActorRegistry).resolve("The Lubyanka") == "RUSSPY"


def test_a_missing_user_actor_file_gets_the_full_path_and_its_message(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.errors import DataFormatError

    monkeypatch.setenv("DETENTE_ACTORS", str(cache.parent / "no-such.yaml"))
    with pytest.raises(DataFormatError, match="cannot read actor file"):
        stored.stored_registry(build_registry, ActorRegistry)
    assert not cache.exists() or not list(cache.glob("*.pickle"))
