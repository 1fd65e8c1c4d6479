"""`detente info`: version, Python, optional components, and a broken import reported as such."""

from __future__ import annotations

import importlib.abc
import json
import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from detente import __version__
from detente.cli.main import app

runner = CliRunner()


class _BreakImport(importlib.abc.MetaPathFinder):
    """Make importing one module fail as a broken install does (installed, import raises)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname == self.name:
            raise ImportError(f"{self.name}: simulated broken install (lxml.html.clean is now lxml_html_clean)")
        return None


@pytest.fixture
def broken_trafilatura(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    finder = _BreakImport("trafilatura")
    sys.meta_path.insert(0, finder)
    yield
    sys.meta_path.remove(finder)


def test_info_json_lists_version_python_and_components() -> None:
    result = runner.invoke(app, ["info", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["detente"] == __version__
    assert doc["python"].count(".") == 2
    names = {c["name"] for c in doc["components"]}
    assert {"nlp pipeline", "html reading", "plots"} <= names
    for c in doc["components"]:
        assert c["available"] or c["fix"].startswith("pip install")


def test_info_reports_a_broken_import_with_module_error_and_fix(broken_trafilatura: None) -> None:
    result = runner.invoke(app, ["info", "--json"])
    html = next(c for c in json.loads(result.stdout)["components"] if c["name"] == "html reading")
    assert html["available"] is False
    assert "'trafilatura' is installed but fails to import" in html["problem"]
    assert "simulated broken install" in html["problem"]
    assert "--force-reinstall 'detente[nlp]'" in html["fix"]


def test_reading_html_with_a_broken_import_says_broken_not_missing(broken_trafilatura: None, tmp_path) -> None:
    from detente.coding.reader import html_to_text
    from detente.errors import BrokenDependencyError

    with pytest.raises(BrokenDependencyError, match="installed but fails to import"):
        html_to_text("<html><body><p>Russia attacked Ukraine.</p></body></html>")
