"""Quarantine: rows that do not parse are kept with their file, line and reason, never dropped.

Reasons are short, fixed phrases followed by the detail, so that a user can count
them (`GROUP BY split_part(reason, ':', 1)`) and still see what was wrong:

- ``wrong column count: expected 58, found 41``
- ``non-UTF-8 byte``
- ``bad date: SQLDATE="20151341"``
- ``unknown CAMEO code: EventCode="999"``
- ``bad number: GoldsteinScale="x"``
- ``missing field: GLOBALEVENTID``
- ``bad record: ...`` (JSON records)

A truncated file ends in a partial last line, which the column count catches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

WRONG_COLUMNS = "wrong column count"
NON_UTF8 = "non-UTF-8 byte"
BAD_DATE = "bad date"
UNKNOWN_CAMEO = "unknown CAMEO code"
BAD_NUMBER = "bad number"
MISSING_FIELD = "missing field"
BAD_RECORD = "bad record"

RAW_LIMIT = 4000
"""Raw text kept per quarantined row (characters); longer rows are cut with an ellipsis."""

ProgressCallback = Callable[[str, float], None]
"""`progress(stage, fraction)`: what is running and how far (0.0-1.0)."""


def clip(raw: str | None) -> str | None:
    """Raw text cut to :data:`RAW_LIMIT` characters."""
    if raw is None or len(raw) <= RAW_LIMIT:
        return raw
    return raw[: RAW_LIMIT - 1] + "\u2026"


def read_lines(path: Path, lines: Iterable[int], *, encoding: str = "utf-8", chunk: int = 1 << 24) -> dict[int, str]:
    """The text of the given 1-based physical lines of a file (undecodable bytes replaced).

    Used to show the raw row of a record that parsed but failed a check (bad date,
    unknown code). One pass over the file in `chunk`-byte blocks, stopping after the
    last wanted line: blocks without a wanted line are only counted (``bytes.count``),
    never split, so a few bad rows near the end of a multi-gigabyte file cost a
    fraction of a second rather than a Python loop over every line.
    """
    wanted = sorted(set(lines))
    if not wanted:
        return {}
    found: dict[int, str] = {}
    first = 1  # number of the line that starts `data`
    data = b""
    i = 0

    def keep(number: int, raw: bytes) -> None:
        found[number] = clip(raw.rstrip(b"\r").decode(encoding, errors="replace")) or ""

    with path.open("rb") as fh:
        while i < len(wanted):
            block = fh.read(chunk)
            if not block:
                if data and wanted[i] == first:  # a last line without a newline
                    keep(first, data)
                break
            data += block
            complete = data.count(b"\n")  # lines first .. first + complete - 1 are whole
            if wanted[i] < first + complete:
                parts = data.split(b"\n")
                while i < len(wanted) and wanted[i] < first + complete:
                    keep(wanted[i], parts[wanted[i] - first])
                    i += 1
            cut = data.rfind(b"\n")
            if cut >= 0:
                data = data[cut + 1 :]
                first += complete
    return found
