"""One conversion of library values into JSON values, for the CLI's `--json` and the web API.

numpy scalars and arrays become Python numbers and lists; NaN, pandas' NaT and NA become
null; a date becomes ``YYYY-MM-DD``, and so does a timestamp at midnight (event dates),
other timestamps keep their time; paths become strings; dict keys become strings.
pandas is never imported here: its missing values are recognised if it is loaded.
"""

from __future__ import annotations

import math
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np


def _missing(value: Any) -> bool:
    pandas = sys.modules.get("pandas")
    return pandas is not None and (value is pandas.NaT or value is pandas.NA)


def jsonable(value: Any) -> Any:
    """`value` with every part made JSON-friendly (see the module docstring)."""
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value
