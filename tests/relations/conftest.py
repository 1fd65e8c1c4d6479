"""Small hand-made event frames for the relations tests."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pytest

from detente import ontology
from detente.events.schema import EVENT_COLUMNS


def make_events(rows: Iterable[tuple[str, str, str, str] | tuple[str, str, str, str, str]]) -> pd.DataFrame:
    """Rows of (date, source, target, cameo[, date_precision]) -> an EVENT_COLUMNS frame, weights from the codebook."""
    records = []
    for k, row in enumerate(rows):
        day, source, target, cameo, *rest = row
        code = ontology.get(cameo)
        records.append(
            {
                "event_id": f"e{k}", "date": pd.Timestamp(day), "source": source, "target": target,
                "cameo": code.code, "root": code.root, "quad": code.quad, "goldstein": code.goldstein,
                "dataset": "test", "doc_id": f"doc{k}", "date_precision": rest[0] if rest else "day",
                "sentence": f"sentence {k}", "char_start": 0, "char_end": 10,
            }
        )
    frame = pd.DataFrame(records)
    for column in EVENT_COLUMNS:
        if column not in frame:
            frame[column] = None
    return frame[list(EVENT_COLUMNS)]


@pytest.fixture(name="make_events")
def make_events_fixture():  # noqa: ANN201 - returns the builder
    """The frame builder, for tests that need their own rows."""
    return make_events


@pytest.fixture
def small_events() -> pd.DataFrame:
    """US-Russia over three months: Jan hostile, Feb empty, Mar mixed; plus third parties."""
    return make_events(
        [
            ("2025-01-05", "USAGOV", "RUSGOV", "163"),  # sanctions -8.0, material conflict
            ("2025-01-20", "RUSGOV", "USAGOV", "111"),  # criticise -2.0, verbal conflict
            ("2025-01-21", "RUS", "USA", "010"),  # statement 0.0
            ("2025-03-03", "USAGOV", "RUSGOV", "041"),  # phone call +1.0, verbal coop
            ("2025-03-04", "USAMIL", "RUSMIL", "062"),  # military cooperation +7.4, material coop
            ("2025-03-09", "RUSGOV", "USAGOV", "1312"),  # threaten sanctions -5.8, verbal conflict
            ("2025-03-10", "USAGOV", "UKRGOV", "057"),  # third party: not in the dyad
            ("2025-03-11", "RUSGOV", "UKRREB", "070"),  # rebels are not Ukraine
            ("2025-03-12", "DEUGOV", "RUSGOV", "111"),  # an EU member
            ("2025-03-13", "EURGOV", "RUSGOV", "163"),  # EU institutions
        ]
    )
