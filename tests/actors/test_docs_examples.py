"""The Python blocks of the actor and ontology docs run, and the how-to's YAML loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def blocks(page: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("page", ["reference/actors.md", "reference/ontology.md"])
def test_reference_blocks_run(page: str) -> None:
    code = blocks(page, "python")
    assert code
    for block in code:
        exec(compile(block, page, "exec"), {})


def test_how_to_blocks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (yaml_text,) = blocks("how-to/add-an-actor.md", "yaml")
    (tmp_path / "my-actors.yaml").write_text(yaml_text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in blocks("how-to/add-an-actor.md", "python"):
        exec(compile(block, "add-an-actor.md", "exec"), namespace)
    reg = namespace["reg"]
    assert reg.resolve("Tiraspol") == "TRN"  # type: ignore[attr-defined]
    assert namespace["problems"] == []
