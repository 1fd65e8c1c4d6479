"""Fixtures for the DEU backtest tests: a small file with good and bad lines, a synthetic file with a known answer, the shared dev half."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

SHARED_DEU = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "deu3_dev.tsv"

HEADER = ["isnr", "prname", "pa", "pb", "pc", "sa", "sb", "sc", "rp", "out"]
LINES = [
    HEADER,
    ["", "", "1", "2", "1", "", "", "", "", ""],  # capabilities
    ["i1", "alpha", "0", "100", "", "50", "100", "", "0", "60"],  # c absent
    ["i2", "alpha", "20", "40", "100", "999", "50", "0", "", ""],  # a's salience missing; no outcome
    ["i3", "beta", "abc", "40", "100", "50", "50", "50", "", "10"],  # not a number
    ["i4", "beta", "150", "40", "100", "50", "50", "50", "", "10"],  # off the scale
    ["i5", "beta", "10", "40"],  # too few cells
    ["i6", "gamma", "10", "10", "70", "100", "100", "100", "10", "10"],
]


def _write(path: Path, lines: list[list[str]] = LINES) -> Path:
    path.write_text("\n".join("\t".join(row) for row in lines) + "\n")
    return path


@pytest.fixture
def write_deu() -> Callable[..., Path]:
    """Write tab-separated lines (default: the toy file) to a path."""
    return _write


@pytest.fixture
def deu_header() -> list[str]:
    """The toy file's header: actors a, b, c; reference point and outcome."""
    return list(HEADER)


@pytest.fixture
def toy_deu(tmp_path: Path) -> Path:
    """Three good issues (i1, i2 without an outcome, i6) and three bad lines (5, 6, 7)."""
    return _write(tmp_path / "deu.tsv")


@pytest.fixture
def synthetic_deu() -> Callable[..., Path]:
    """A writer of issues whose outcome is the salience-weighted compromise with a = 0.5, b = 3 (plus a little noise)."""

    def write(path: Path, proposals: int = 24, seed: int = 4) -> Path:
        rng = np.random.default_rng(seed)
        actors = ["a", "b", "c", "d", "e"]
        cap = np.array([4.0, 1.0, 2.0, 0.5, 3.0])
        lines = [["isnr", "prname", *(f"p{a}" for a in actors), *(f"s{a}" for a in actors), "rp", "out"]]
        lines.append(["", "", *(f"{c:g}" for c in cap), *[""] * 5, "", ""])
        for p in range(proposals):
            for i in range(2):
                x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=5)
                s = rng.choice([10.0, 30.0, 50.0, 70.0, 90.0], size=5)
                w = np.sqrt(cap) * (s / 100) ** 3
                out = float((w * x).sum() / w.sum()) + rng.normal(0, 0.5)
                lines.append([f"p{p}i{i}", f"prop{p}", *(f"{v:g}" for v in x), *(f"{v:g}" for v in s), "0",
                              f"{min(100.0, max(0.0, out)):.3f}"])
        return _write(path, lines)

    return write


@pytest.fixture
def shared_deu() -> Path:
    """The DEU III dev half in ../shared/data (the test skips without it)."""
    if not SHARED_DEU.exists():
        pytest.skip("../shared/data/deu3_dev.tsv is not here")
    return SHARED_DEU
