"""Shared by the benchmark scripts: write a result page atomically and say where it went.

Each script keeps its own measurements and wording; this only owns the last step, so a
failed run never leaves a half-written page in benchmarks/results/.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_page(path: Path, lines: Sequence[str]) -> None:
    """Write `lines` as one Markdown page to `path` (via a temporary file), then report it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    print(f"wrote {path}")
