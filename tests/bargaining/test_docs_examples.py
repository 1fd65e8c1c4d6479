"""docs/how-to/use-the-python-api.md runs as written (draws lowered) and gives the tables it promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "use-the-python-api.md"


def test_python_api_page_runs_and_returns_dataframes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("plotly")
    import pandas as pd

    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 8
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block.replace("draws=2000", "draws=100"), str(PAGE), "exec"), namespace)
    for name in ("forecast", "pooled", "positions", "draws", "plans", "shifts", "usa_rus", "triangle"):
        assert isinstance(namespace[name], pd.DataFrame) and not namespace[name].empty, name
    forecast = namespace["forecast"]
    assert list(forecast.columns) == ["run", "model", "issue", "median", "p10", "p90", "mean", "point"]
    assert namespace["wide"].shape == (7, len(namespace["study"].forecast.models))
    assert any("my-plan" in note for note in namespace["mine"].notes)
    assert namespace["again"].shape == forecast.shape
    assert (namespace["folder"] / "report.html").stat().st_size > 1_000_000
    assert "territory" in capsys.readouterr().out
