"""The cache of validated built-in cases: the same scenario as a full validation, never a
stale one, never a stored failure, and never in the way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from detente.bargaining.scenario import parse_scenario
from detente.cache import package_files
from detente.cases import cache as case_cache
from detente.cases import case_text, load_case
from detente.errors import ScenarioError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DETENTE_ACTORS", raising=False)
    return tmp_path / "cases"


def _refuse() -> None:
    raise AssertionError("validated again, though the case was cached")


@pytest.mark.parametrize("name", ["us-russia-2025", "belarus-2025"])
def test_a_cached_case_is_the_validated_one(cache: Path, name: str) -> None:
    full = parse_scenario(case_text(name), origin=f"case:{name}")
    first = load_case(name)
    assert len(list(cache.glob("*.pickle"))) == 1
    again = case_cache.cached_scenario(case_text(name), f"case:{name}", _refuse)  # read back, not validated
    for got in (first, again):
        assert got == full
        assert got.input_hash() == full.input_hash()
        assert got.origin == f"case:{name}"
        assert list(got.variants) == list(full.variants) and list(got.plans) == list(full.plans)


def test_the_key_sees_the_text_the_origin_the_registry_and_the_code(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = case_text("us-russia-2025")
    key = case_cache.cache_key(text, "case:us-russia-2025")
    assert case_cache.cache_key(text, "case:us-russia-2025") == key
    assert case_cache.cache_key(text + "\n# edited\n", "case:us-russia-2025") != key
    assert case_cache.cache_key(text, "case:other") != key
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors:\n  - {code: XYZ, name: Xyzland}\n", encoding="utf-8")
    monkeypatch.setenv("DETENTE_ACTORS", str(extra))
    with_extra = case_cache.cache_key(text, "case:us-russia-2025")
    assert with_extra != key
    extra.write_text("actors:\n  - {code: XYZ, name: Xyzia}\n", encoding="utf-8")
    assert case_cache.cache_key(text, "case:us-russia-2025") != with_extra
    monkeypatch.delenv("DETENTE_ACTORS")
    sources = [p.name for p in package_files(case_cache._PACKAGES)]
    assert {"loading.py", "schema.py", "registry.py", "states.yaml", "people.yaml", "roles.py"} <= set(sources)


def test_a_case_that_fails_validation_is_never_stored(cache: Path) -> None:
    bad = case_text("us-russia-2025").replace("positions:", "positionz:", 1)
    with pytest.raises(ScenarioError) as exc:
        case_cache.cached_scenario(bad, "case:broken", lambda: parse_scenario(bad, origin="case:broken"))
    with pytest.raises(ScenarioError) as again:
        parse_scenario(bad, origin="case:broken")
    assert str(exc.value) == str(again.value)  # the full path's message, as without the cache
    assert not cache.exists() or not list(cache.glob("*.pickle"))


def test_a_damaged_file_is_validated_again_and_replaced(cache: Path) -> None:
    full = load_case("us-russia-2025")
    (stored,) = cache.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    assert load_case("us-russia-2025") == full
    assert stored.read_bytes() != b"not a pickle"
    stored.write_bytes(__import__("pickle").dumps({"a": "dict"}))  # a foreign object
    assert load_case("us-russia-2025") == full


def test_off_or_unwritable_the_case_still_loads(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_CACHE_DIR", "off")
    assert case_cache.cache_dir("cases") is None
    full = load_case("us-russia-2025")
    assert not cache.exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(blocked))  # the cache directory cannot be made
    assert load_case("us-russia-2025") == full


def test_a_cached_forecast_start_imports_neither_yaml_nor_the_registry(cache: Path, tmp_path: Path) -> None:
    """The point of the cache: reading the built-in case again needs no YAML, schema or actor registry."""
    load_case("us-russia-2025")
    code = (
        "import sys; from detente.cases import resolve_case; s = resolve_case(None); "
        "print(s.name, sorted(m for m in ('yaml', 'detente.actors', 'detente.bargaining.scenario.schema') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**__import__("os").environ, "DETENTE_CACHE_DIR": str(tmp_path)})
    assert out.stdout.split() == ["us-russia-2025", "[]"]
