"""Output files: checked before work, written atomically, with normal permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.files import atomic_write, check_output


def test_written_file_has_normal_permissions(tmp_path: Path) -> None:
    out = atomic_write(tmp_path / "a.txt", "hello")
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode & 0o044, oct(mode)  # readable by group/others under the usual umask 022
    assert out.read_text() == "hello"


def test_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    def boom(p: Path) -> None:
        p.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "b.csv", boom)
    assert list(tmp_path.iterdir()) == []


def test_suffix_missing_or_wrong_is_an_error_naming_the_flag(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"--plot .*forecast.*no suffix.*\.png"):
        check_output(tmp_path / "forecast", flag="--plot", suffixes=[".png", ".svg", ".pdf"])
    with pytest.raises(InputError, match=r"'\.txt'"):
        check_output(tmp_path / "out.txt", flag="--plot", suffixes=[".png"])


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    target.write_text("x")
    with pytest.raises(InputError, match="--force"):
        check_output(target, flag="--out", overwrite=False)
    assert check_output(target, flag="--out", overwrite=True) == target


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        check_output(tmp_path / "nope" / "a.png", flag="--plot", suffixes=[".png"])
