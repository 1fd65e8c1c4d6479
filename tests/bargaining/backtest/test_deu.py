"""DEU III layout: missing values, bad lines reported with file and line, unusable files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from detente.bargaining.backtest import DEFAULT_SALIENCE, read_deu
from detente.errors import DataFormatError, InputError


def test_read_deu_keeps_good_lines_and_reports_bad_ones(toy_deu: Path) -> None:
    data = read_deu(toy_deu)
    assert data.actors == ("a", "b", "c")
    assert data.capability == {"a": 1.0, "b": 2.0, "c": 1.0}
    assert [i.issue for i in data.issues] == ["i1", "i2", "i6"]
    assert [s.line for s in data.skipped] == [5, 6, 7]
    assert "pa" in data.skipped[0].reason and "abc" in data.skipped[0].reason
    assert "off the 0-100 scale" in data.skipped[1].reason
    assert str(data.skipped[2]).startswith(str(toy_deu) + ":7:")
    i1, i2, i6 = data.issues
    assert i1.actors == ("a", "b")  # c has no position: absent
    np.testing.assert_allclose(i1.salience, [0.5, 1.0])
    assert i1.reference_point == 0 and i1.outcome == 60 and i1.line == 3
    np.testing.assert_allclose(i2.salience, [DEFAULT_SALIENCE / 100, 0.5, 0.0])  # 999 -> 50; 0 kept
    assert np.isnan(i2.outcome) and np.isnan(i2.reference_point)
    assert len(data.sha256) == 64


def test_unusable_files_are_errors(tmp_path: Path, write_deu: Any, deu_header: list[str]) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_deu(tmp_path / "missing.tsv")
    with pytest.raises(DataFormatError, match="capability"):
        read_deu(write_deu(tmp_path / "a.tsv", [deu_header, ["", "", "1", "x", "1", "", "", "", "", ""]]))
    with pytest.raises(DataFormatError, match="'out'"):
        read_deu(write_deu(tmp_path / "b.tsv", [deu_header[:-1], ["", "", "1", "1", "1", "", "", "", ""]]))
    with pytest.raises(DataFormatError, match="actor columns"):
        read_deu(write_deu(tmp_path / "c.tsv", [["isnr", "out"], ["", ""]]))
