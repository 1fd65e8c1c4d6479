"""Optional components: a missing package and a broken import get different messages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from detente.errors import BrokenDependencyError, MissingDependencyError
from detente.optional import COMPONENTS, Component, check, component, require


@pytest.fixture
def fake_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on sys.path for throwaway modules; they are unloaded afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("detente_fake_")]:
        del sys.modules[name]


def test_missing_package_names_the_extra() -> None:
    with pytest.raises(MissingDependencyError) as info:
        require("detente_fake_absent", extra="nlp", purpose="Reading HTML")
    assert "not installed" in str(info.value)
    assert "pip install 'detente[nlp]'" in str(info.value)


def test_installed_but_broken_import_names_module_error_and_fix(fake_modules: Path) -> None:
    (fake_modules / "detente_fake_broken.py").write_text(
        "raise ImportError('lxml.html.clean module is now a separate project lxml_html_clean.\\nInstall it directly.')\n"
    )
    with pytest.raises(BrokenDependencyError) as info:
        require("detente_fake_broken", extra="nlp", purpose="Reading HTML")
    message = str(info.value)
    assert "'detente_fake_broken' is installed but fails to import" in message
    assert "lxml_html_clean" in message and "\n" not in message
    assert "pip install --upgrade --force-reinstall 'detente[nlp]'" in message
    assert "not installed" not in message


def test_dependency_of_a_dependency_missing_is_broken_not_missing(fake_modules: Path) -> None:
    (fake_modules / "detente_fake_needs.py").write_text("import detente_fake_gone_dependency\n")
    with pytest.raises(BrokenDependencyError) as info:
        require("detente_fake_needs", extra="plot", purpose="--plot")
    assert "pip install detente_fake_gone_dependency" in str(info.value)


def test_check_reports_a_broken_component(fake_modules: Path) -> None:
    (fake_modules / "detente_fake_crash.py").write_text("raise RuntimeError('bad build')\n")
    state = check(Component("crashy", "web", ("detente_fake_crash",), "a test component"))
    assert not state.available
    assert "RuntimeError: bad build" in (state.problem or "")
    assert state.fix and "detente[web]" in state.fix


def test_every_component_names_a_declared_extra() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    extras = pyproject["project"]["optional-dependencies"]
    in_all = {e.strip() for spec in extras["all"] for e in spec.split("[", 1)[1].rstrip("]").split(",")}
    for each in COMPONENTS:
        assert each.extra in extras, each
        assert each.extra in in_all, f"extra '{each.extra}' is missing from detente[all]"


def test_a_component_is_found_by_name_and_the_fine_tuned_run_time_reads_its_extra_there() -> None:
    from detente.coding import pair_finetuned

    found = component("transformer pair model")
    assert found.extra == "transformer" and "onnxruntime" in found.modules
    assert pair_finetuned.RUNTIME is found and pair_finetuned.EXTRA == "transformer"  # one list, not a copy of it
    with pytest.raises(KeyError):
        component("no such component")
