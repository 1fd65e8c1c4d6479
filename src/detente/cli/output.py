"""Rendering for the CLI: rich tables on a terminal, plain tab-separated text in a pipe, JSON on request."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


def _plain(value: Any) -> Any:
    """Make numpy scalars, dates and paths JSON-friendly."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def print_json(obj: Any) -> None:
    """Print one JSON document to stdout."""
    sys.stdout.write(json.dumps(_plain(obj), indent=2, ensure_ascii=False) + "\n")


def format_cell(value: Any, digits: int = 1) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str | None = None,
    digits: int = 1,
) -> None:
    """A rich table when stdout is a terminal, else tab-separated lines with a header."""
    cells = [[format_cell(v, digits) for v in row] for row in rows]
    if console.is_terminal:
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col)
        for row in cells:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)
    else:
        if title:
            sys.stdout.write(f"# {title}\n")
        sys.stdout.write("\t".join(columns) + "\n")
        for row in cells:
            sys.stdout.write("\t".join(row) + "\n")
