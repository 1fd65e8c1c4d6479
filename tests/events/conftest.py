"""Hand-written fixture rows for the importer and store tests (no third-party data)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from detente.events.importers.gdelt_layout import GDELT1_BACKFILE, GDELT1_DAILY, GDELT2
from detente.events.importers.icews import COLUMNS as ICEWS_COLUMNS

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def shared(name: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason."""
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (shared reference data is not part of the repository)")
    return path


def gdelt_row(layout: tuple[str, ...], **values: str) -> str:
    """One tab-separated GDELT row of `layout`; unspecified columns empty."""
    defaults = {
        "GLOBALEVENTID": "1001", "SQLDATE": "20250212", "Actor1Code": "USAGOV", "Actor1Name": "UNITED STATES",
        "Actor2Code": "RUSGOV", "Actor2Name": "RUSSIA", "EventCode": "041", "EventBaseCode": "041",
        "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.0", "AvgTone": "-1.5",
        "DATEADDED": "20250213", "SOURCEURL": "https://example.org/a",
    }
    defaults.update(values)
    return "\t".join(defaults.get(col, "") for col in layout)


GDELT_ROWS_58 = [
    gdelt_row(GDELT1_DAILY, GLOBALEVENTID="1001"),
    gdelt_row(GDELT1_DAILY, GLOBALEVENTID="1002", Actor1Code="RUS", Actor2Code="UKRMIL", EventCode="190",
              EventRootCode="19", QuadClass="4", GoldsteinScale="-10.0", SQLDATE="20250301"),
    gdelt_row(GDELT1_DAILY, GLOBALEVENTID="1003", Actor1Code="CHN", Actor2Code="", EventCode="010",
              GoldsteinScale="0.0", SQLDATE="20250115", SOURCEURL=""),
]
GDELT_ROW_57 = gdelt_row(GDELT1_BACKFILE, GLOBALEVENTID="1004", Actor1Code="DEU", Actor2Code="USA", EventCode="057",
                         GoldsteinScale="8.0", SQLDATE="19990102", DATEADDED="20130203")
GDELT_ROWS_61 = [
    gdelt_row(GDELT2, GLOBALEVENTID="2001", DATEADDED="20250212103000"),
    gdelt_row(GDELT2, GLOBALEVENTID="2002", Actor1Code="UKR", Actor2Code="RUS", EventCode="1123", GoldsteinScale="-2.0"),
]


def write_lines(path: Path, lines: Iterable[str], *, end: str = "\n") -> Path:
    """Write text lines (UTF-8), each followed by `end`."""
    path.write_bytes("".join(line + end for line in lines).encode("utf-8"))
    return path


def icews_row(**values: str) -> str:
    """One ICEWS row (tab-separated, 20 columns)."""
    row = {
        "Event ID": "9001", "Event Date": "2018-06-01", "Source Name": "Foreign Affairs (Russia)",
        "Source Sectors": "Executive,Foreign Ministry,Government", "Source Country": "Russian Federation",
        "Event Text": "Consult", "CAMEO Code": "040", "Intensity": "1", "Target Name": "Army (Ukraine)",
        "Target Sectors": "Military,Government", "Target Country": "Ukraine", "Story ID": "5001",
        "Sentence Number": "2", "Publisher": "Test Wire", "City": "Kyiv", "District": "NA",
        "Province": "Kyiv", "Country": "Ukraine", "Latitude": "50.45", "Longitude": "30.52",
    }
    row.update(values)
    return "\t".join(row[c] for c in ICEWS_COLUMNS)


ICEWS_HEADER = "\t".join(ICEWS_COLUMNS)


def as_single_table(con) -> None:  # noqa: ANN001 - a DuckDB connection
    """Turn a store into the layout of earlier versions: one ``events`` table with every column."""
    con.execute("CREATE TABLE _single AS SELECT * FROM events")
    con.execute("DROP VIEW events")
    con.execute("DROP TABLE event_rows")
    con.execute("DROP TABLE event_details")
    con.execute("DROP TABLE codebook")
    con.execute("ALTER TABLE _single RENAME TO events")
