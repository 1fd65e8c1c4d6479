"""The Python examples of the relations how-tos run and print what the pages say."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("page", ["how-to/track-a-dyad.md", "how-to/read-the-triangle.md"])
def test_page_examples(page: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(
        str(DOCS / page), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.attempted > 0 and result.failed == 0, f"{result.failed} of {result.attempted} examples in {page} failed"
