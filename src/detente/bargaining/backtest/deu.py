"""The DEU III layout: one controversial issue of an EU legislative proposal a line.

Arregui, J. & Perarnaud, C. (2021), *The Decision-making in the European Union (DEU III)
dataset*, doi:10.34810/data53 (CC BY 4.0). Each row is one controversial issue of an EU
legislative proposal: the positions (0-100) and saliences (0-100) of the Commission,
the Parliament and the member states, the reference point and the adopted outcome.

Layout read here (tab-separated):

* line 1: a header; actor columns come in pairs ``p<code>`` (position) and ``s<code>``
  (salience); ``out`` is the outcome, ``rp`` (optional) the reference point, and
  ``isnr`` / ``prname`` (optional) name the issue and its proposal;
* line 2: one capability figure per actor, in the ``p<code>`` columns;
* lines 3 on: one issue per line.

Choices
-------
Missing values: an empty cell or 999.

* an actor with a missing position is absent from that issue (not counted at all);
* an actor with a position and a missing salience gets salience 50, the middle of the
  0-100 scale (no better information; this reproduces the published capability x
  salience weighted-mean MAE of 25.88 on the dev half; filling with 0, i.e. dropping
  those actors' votes, gives 26.07);
* a salience of 0 with a position is kept: the actor is present but has no weight;
* a missing reference point stays NaN here (the forecasts put the median position in its place);
* an issue without an outcome is read (it is forecast, not scored).

Rows that do not parse (a value that is not a number, a value off the 0-100 scale, a
wrong number of cells, fewer than one actor) are reported with file and line and
skipped; the rest of the file is still used.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from detente.errors import DataFormatError, InputError

MISSING_CODE = 999.0
#: Salience given to an actor that has a position but no salience (0-100 scale).
DEFAULT_SALIENCE = 50.0
SCALE = (0.0, 100.0)


@dataclass(frozen=True)
class DeuIssue:
    """One DEU issue with the actors that took a position on it."""

    issue: str
    proposal: str
    line: int
    actors: tuple[str, ...]
    positions: NDArray[np.float64]  # (n,) 0-100
    salience: NDArray[np.float64]  # (n,) 0-1
    capability: NDArray[np.float64]  # (n,)
    reference_point: float  # NaN when missing
    outcome: float  # NaN when missing


@dataclass(frozen=True)
class SkippedRow:
    """A line of the file that could not be used, and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class DeuData:
    """A parsed DEU file: the issues that parsed and the lines that did not."""

    path: str
    actors: tuple[str, ...]
    capability: dict[str, float]
    issues: list[DeuIssue]
    skipped: list[SkippedRow] = field(default_factory=list)
    sha256: str = ""


def _cell(raw: str) -> float:
    """A cell as a float; NaN when missing (blank or 999). Raises ValueError otherwise."""
    text = raw.strip()
    if not text:
        return float("nan")
    value = float(text)
    if not np.isfinite(value) or value == MISSING_CODE:
        return float("nan")
    return value


def read_deu(path: str | Path) -> DeuData:
    """Read a DEU III layout file (see the module docstring).

    Raises
    ------
    InputError
        The file does not exist or cannot be read.
    DataFormatError
        The header or the capability row is unusable (nothing can be backtested).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path, hint="check the path") from None
    text = raw.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if len(rows) < 2:
        raise DataFormatError(
            "need a header line and a capability line", path=path, line=len(rows) + 1,
            hint="use the DEU III layout: header, capabilities, then one issue per line",
        )
    header = [h.strip() for h in rows[0]]
    column = {name: i for i, name in enumerate(header)}
    actors = tuple(
        name[1:] for name in header if name.startswith("p") and len(name) > 1 and "s" + name[1:] in column
    )
    if not actors:
        raise DataFormatError(
            "no actor columns (pairs p<actor>, s<actor>) in the header", path=path, line=1,
            hint="name position columns p<code> and salience columns s<code>",
        )
    if "out" not in column:
        raise DataFormatError("no 'out' (outcome) column in the header", path=path, line=1, field="out",
                              hint="add the outcome column 'out'")
    cap_row = rows[1]
    capability: dict[str, float] = {}
    for code in actors:
        i = column["p" + code]
        try:
            value = _cell(cap_row[i]) if i < len(cap_row) else float("nan")
        except ValueError:
            raise DataFormatError(
                f"capability '{cap_row[i]}' is not a number", path=path, line=2, field="p" + code,
                hint="line 2 holds one capability figure per actor",
            ) from None
        if np.isnan(value) or value < 0:
            raise DataFormatError(
                "capability missing or negative", path=path, line=2, field="p" + code,
                hint="give every actor a capability >= 0 on line 2",
            )
        capability[code] = value
    issues: list[DeuIssue] = []
    skipped: list[SkippedRow] = []
    for line, row in enumerate(rows[2:], start=3):
        if not any(cell.strip() for cell in row):
            continue
        try:
            issues.append(_parse_issue(row, line, header, column, actors, capability))
        except ValueError as exc:
            skipped.append(SkippedRow(str(path), line, str(exc)))
    return DeuData(str(path), actors, capability, issues, skipped, hashlib.sha256(raw).hexdigest())


def _parse_issue(
    row: Sequence[str],
    line: int,
    header: Sequence[str],
    column: Mapping[str, int],
    actors: Sequence[str],
    capability: Mapping[str, float],
) -> DeuIssue:
    """One issue line; ValueError (with a reason) when it cannot be used."""
    if len(row) != len(header):
        raise ValueError(f"{len(row)} cells where the header has {len(header)}")

    def number(name: str) -> float:
        raw = row[column[name]]
        try:
            value = _cell(raw)
        except ValueError:
            raise ValueError(f"{name}: '{raw.strip()}' is not a number") from None
        if not np.isnan(value) and not SCALE[0] <= value <= SCALE[1]:
            raise ValueError(f"{name}: {value:g} is off the 0-100 scale")
        return value

    present, pos, sal, cap = [], [], [], []
    for code in actors:
        p = number("p" + code)
        s = number("s" + code)
        if np.isnan(p):
            continue
        present.append(code)
        pos.append(p)
        sal.append(DEFAULT_SALIENCE if np.isnan(s) else s)
        cap.append(capability[code])
    if not present:
        raise ValueError("no actor has a position")
    issue = row[column["isnr"]].strip() if "isnr" in column else f"line{line}"
    proposal = row[column["prname"]].strip() if "prname" in column else ""
    return DeuIssue(
        issue=issue or f"line{line}",
        proposal=proposal,
        line=line,
        actors=tuple(present),
        positions=np.array(pos),
        salience=np.array(sal) / 100.0,
        capability=np.array(cap),
        reference_point=number("rp") if "rp" in column else float("nan"),
        outcome=number("out"),
    )
