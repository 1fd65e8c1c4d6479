"""Rendering for the CLI: rich tables on a terminal, plain tab-separated text in a pipe, JSON on request."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from detente.jsonable import jsonable

console = Console()
err_console = Console(stderr=True)


def print_json(obj: Any) -> None:
    """Print one JSON document to stdout."""
    sys.stdout.write(json.dumps(jsonable(obj), indent=2, ensure_ascii=False) + "\n")


def format_cell(value: Any, digits: int = 1) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table_width(widths: Sequence[int]) -> int:
    """Characters a rich table with these column widths takes (one space of padding each side, a rule between)."""
    return sum(w + 3 for w in widths) + 1


WRAP_AT = 20
"""Cells longer than this may wrap at spaces on a terminal; shorter ones (numbers, codes, intervals) never do."""


def _min_width(text: str) -> int:
    return len(text) if len(text) <= WRAP_AT else max((len(word) for word in text.split()), default=0)


def column_groups(columns: Sequence[str], cells: Sequence[Sequence[str]], width: int, keep: int) -> list[list[int]]:
    """Split column indexes into groups that each fit `width`, every group led by the first `keep` columns.

    A column needs its longest short cell, or for long text its longest word (the rest
    wraps). A table that fits stays whole; otherwise the other columns are dealt into
    groups in order, each as full as fits. A group always holds one column besides the
    kept ones, so a column wider than the screen wraps in its own table, never cut.
    """
    need = [max([_min_width(str(columns[j])), *(_min_width(row[j]) for row in cells)]) for j in range(len(columns))]
    if table_width(need) <= width or len(columns) <= keep + 1:
        return [list(range(len(columns)))]
    head = list(range(keep))
    groups: list[list[int]] = []
    current: list[int] = []
    for j in range(keep, len(columns)):
        if current and table_width([need[i] for i in head + current + [j]]) > width:
            groups.append(head + current)
            current = []
        current.append(j)
    groups.append(head + current)
    return groups


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str | None = None,
    digits: int = 1,
    keep: int = 1,
) -> None:
    """A rich table when stdout is a terminal, else tab-separated lines with a header.

    On a terminal too narrow for the whole table, the columns are split into several
    tables that fit, each repeating the first `keep` columns (the row labels), so no
    cell is cut to "te…". Piped output is always one tab-separated table.
    """
    cells = [[format_cell(v, digits) for v in row] for row in rows]
    if console.is_terminal:
        groups = column_groups(columns, cells, console.width, keep)
        for n, group in enumerate(groups, start=1):
            part = f" (part {n} of {len(groups)})" if len(groups) > 1 else ""
            table = Table(title=f"{title}{part}" if title else None, show_lines=False)
            for j in group:
                table.add_column(columns[j], overflow="fold")
            for row in cells:
                table.add_row(*(escape(row[j]) for j in group))
            console.print(table)
    else:
        if title:
            sys.stdout.write(f"# {title}\n")
        sys.stdout.write("\t".join(columns) + "\n")
        for row in cells:
            sys.stdout.write("\t".join(row) + "\n")
