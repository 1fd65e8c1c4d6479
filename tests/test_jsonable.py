"""One JSON conversion for the CLI and the web API."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from detente.jsonable import jsonable


def test_numbers_missing_values_dates_and_paths() -> None:
    value = {
        1: np.float64(2.5), "n": np.int64(3), "nan": float("nan"), "nat": pd.NaT, "na": pd.NA,
        "day": date(2025, 2, 19), "ts": pd.Timestamp("2025-02-19"), "at": datetime(2025, 2, 19, 14, 30),
        "arr": np.array([1.0, np.nan]), "path": Path("a/b.csv"), "rows": ({"x": np.bool_(True)},),
    }
    out = jsonable(value)
    assert out == {
        "1": 2.5, "n": 3, "nan": None, "nat": None, "na": None, "day": "2025-02-19", "ts": "2025-02-19",
        "at": "2025-02-19T14:30:00", "arr": [1.0, None], "path": "a/b.csv", "rows": [{"x": True}],
    }
    json.dumps(out)  # every part is a JSON value
