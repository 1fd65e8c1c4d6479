"""Regenerate `ontology/data/cameo.csv` from public reference tables (maintainers only).

The CSV is the packaged source of truth; this script only refreshes its *fact*
columns from the public tables and never runs at import time:

- Goldstein weights from the ICEWS CAMEO table (andybega/icews, `data-raw`,
  MIT licence), the file shared as `../shared/data/cameo_codes.csv`;
- PLOVER type, mode and context from the OEDA CAMEO-to-PLOVER conversion table of
  17 September 2021 (`../shared/data/cameo2plover_2021.txt`).

Labels are detente's own and are kept from the existing CSV (or from a
`code|label` file given with ``--labels``); names and descriptions of the public
table are never copied.

Usage (from the repository root)::

    .venv/bin/python -m detente.ontology._generate \\
        --cameo ../shared/data/cameo_codes.csv --plover ../shared/data/cameo2plover_2021.txt
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import tempfile
from pathlib import Path

from detente.ontology.cameo import QUAD_BY_ROOT

OUT = Path(__file__).with_name("data") / "cameo.csv"
COLUMNS = ("code", "root", "quad", "goldstein", "label", "plover_type", "plover_mode", "plover_context", "plover_source")

_PLOVER_LINE = re.compile(r"^(\d{2,4})\s*:\s*([^#]*?)\s*(?:#.*)?$")


def read_goldstein(path: Path) -> dict[str, float]:
    """Code -> Goldstein weight from the ICEWS CAMEO table (latin-1: it has stray bytes)."""
    with path.open(encoding="latin-1", newline="") as handle:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle)}


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """Code -> (type, mode, context) from the conversion table; the first line for a code wins."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER_LINE.match(line.strip())
        if not match:
            continue
        code, body = match.groups()
        parts = [p.strip() for p in body.split(",")] + ["", ""]
        ptype, mode, context = parts[0].upper(), parts[1], parts[2]
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        table.setdefault(code, (ptype, mode, context))
    return table


def read_labels(path: Path) -> dict[str, str]:
    """Code -> label from a CSV with `code,label` columns or a `code|label` text file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return {row["code"]: row["label"] for row in csv.DictReader(io.StringIO(text))}
    return dict(line.split("|", 1) for line in text.splitlines() if "|" in line)


def build_rows(goldstein: dict[str, float], plover: dict[str, tuple[str, str, str]], labels: dict[str, str]) -> list[dict[str, str]]:
    """One row per CAMEO code; appeals (02x) borrow the PLOVER mapping of their demand twin (10x)."""
    rows = []
    for code in sorted(goldstein, key=lambda c: (c[:2], c)):
        root = code[:2]
        mapping, source = plover.get(code), "table"
        if mapping is None and root == "02":
            # PLOVER folds CAMEO appeals (02) and demands (10) into REQUEST; the 2021
            # table lists only the 10x codes, so 02x takes its parallel 10x entry.
            mapping, source = plover.get("10" + code[2:]), "derived:10" + code[2:]
        if mapping is None:
            mapping, source = ("", "", ""), ""
        rows.append(
            {
                "code": code,
                "root": root,
                "quad": str(QUAD_BY_ROOT[root]),
                "goldstein": f"{goldstein[code]:g}",
                "label": labels[code],
                "plover_type": mapping[0],
                "plover_mode": mapping[1],
                "plover_context": mapping[2],
                "plover_source": source,
            }
        )
    return rows


def write_rows(rows: list[dict[str, str]], out: Path = OUT) -> None:
    """Write atomically: a temp file in the same folder, then rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameo", type=Path, default=Path("../shared/data/cameo_codes.csv"))
    parser.add_argument("--plover", type=Path, default=Path("../shared/data/cameo2plover_2021.txt"))
    parser.add_argument("--labels", type=Path, default=OUT, help="our labels: the current CSV or a code|label file")
    args = parser.parse_args(argv)
    rows = build_rows(read_goldstein(args.cameo), read_plover(args.plover), read_labels(args.labels))
    write_rows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
