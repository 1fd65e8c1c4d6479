"""The examples in the docstrings of the relations and actors packages run against the current built-in data.

Built-in data change (a case's timeline gains events); an example that no longer
holds fails here rather than misleading a reader.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest


def _modules(package: str) -> list[str]:
    import importlib
    import pkgutil

    root = importlib.import_module(package)
    return [package, *sorted(m.name for m in pkgutil.iter_modules(root.__path__, prefix=f"{package}."))]


@pytest.mark.parametrize("module", _modules("detente.relations") + _modules("detente.actors"))
def test_docstring_examples(module: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {module} failed"
