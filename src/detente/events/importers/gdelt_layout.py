"""Column layouts of the GDELT event tables (1.0 backfile and daily, 2.0).

GDELT event files have no header and are tab-separated. Three widths exist:

- GDELT 1.0 backfile (1979 - March 2013): 57 columns, ending with DATEADDED (YYYYMMDD);
- GDELT 1.0 daily files (April 2013 on): 58 columns, the 57 above plus SOURCEURL;
- GDELT 2.0 (February 2015 on): 61 columns; each of the three geography blocks
  gains an ADM2Code column, DATEADDED becomes YYYYMMDDHHMMSS, SOURCEURL stays last.

Source: the GDELT 1.0 and 2.0 event codebooks (gdeltproject.org, "GDELT Event
Codebook" V1.03 and V2.0). Only the layout (column names and order) is used here.
"""

from __future__ import annotations

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_EVENT_FIELDS = (
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
)
_GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _layout(geo: tuple[str, ...], *, url: bool) -> tuple[str, ...]:
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    cols += [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    cols += list(_EVENT_FIELDS)
    for block in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        cols += [f"{block}_{f}" for f in geo]
    cols.append("DATEADDED")
    if url:
        cols.append("SOURCEURL")
    return tuple(cols)


GDELT1_BACKFILE: tuple[str, ...] = _layout(_GEO_V1, url=False)
"""GDELT 1.0 backfile layout, 57 columns."""

GDELT1_DAILY: tuple[str, ...] = _layout(_GEO_V1, url=True)
"""GDELT 1.0 daily layout, 58 columns (SOURCEURL last)."""

GDELT2: tuple[str, ...] = _layout(_GEO_V2, url=True)
"""GDELT 2.0 layout, 61 columns."""

LAYOUTS: dict[int, tuple[str, tuple[str, ...]]] = {
    57: ("gdelt1", GDELT1_BACKFILE),
    58: ("gdelt1", GDELT1_DAILY),
    61: ("gdelt2", GDELT2),
}
"""Column count -> (dataset name, layout)."""

assert len(GDELT1_BACKFILE) == 57 and len(GDELT1_DAILY) == 58 and len(GDELT2) == 61
