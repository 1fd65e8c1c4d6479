"""Dittmer's strategic triangle: every sign pattern, the pivot, neutral ties, and a timeline."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from detente.errors import InputError
from detente.relations.triangle import (
    MARRIAGE,
    MENAGE,
    NO_DATA,
    ROMANTIC,
    UNDETERMINED,
    UNIT_VETO,
    classify,
    configuration_spells,
    sign_of,
    triangle_series,
)

ACTORS = ("USA", "RUS", "CHN")


def signs(us_ru: int | None, us_cn: int | None, ru_cn: int | None) -> dict[tuple[str, str], int | None]:
    return {("USA", "RUS"): us_ru, ("USA", "CHN"): us_cn, ("RUS", "CHN"): ru_cn}


@pytest.mark.parametrize(
    ("pattern", "configuration", "pivot", "partners", "pariah"),
    [
        ((1, 1, 1), MENAGE, None, None, None),
        ((-1, -1, -1), UNIT_VETO, None, None, None),
        # romantic triangles: the pivot is the actor on both positive ties
        ((1, 1, -1), ROMANTIC, "USA", None, None),
        ((1, -1, 1), ROMANTIC, "RUS", None, None),
        ((-1, 1, 1), ROMANTIC, "CHN", None, None),
        # stable marriages: the positive pair against the third
        ((1, -1, -1), MARRIAGE, None, ("USA", "RUS"), "CHN"),
        ((-1, 1, -1), MARRIAGE, None, ("USA", "CHN"), "RUS"),
        ((-1, -1, 1), MARRIAGE, None, ("RUS", "CHN"), "USA"),
    ],
)
def test_every_sign_pattern(pattern, configuration, pivot, partners, pariah) -> None:  # noqa: ANN001
    shape = classify(ACTORS, signs(*pattern))
    assert shape.configuration == configuration
    assert shape.pivot == pivot
    assert shape.partners == partners
    assert shape.pariah == pariah
    if configuration == ROMANTIC:
        assert set(shape.wings) == set(ACTORS) - {pivot}
        assert shape.describe() == f"romantic triangle (pivot {pivot})"


def test_classification_does_not_depend_on_labels_or_order() -> None:
    for pattern in itertools.product((1, -1), repeat=3):
        base = classify(ACTORS, signs(*pattern))
        for order in itertools.permutations(ACTORS):
            frozen = {frozenset(k): v for k, v in signs(*pattern).items()}
            again = classify(order, frozen)  # type: ignore[arg-type]
            assert again.configuration == base.configuration
            assert again.pivot == base.pivot and again.pariah == base.pariah


def test_neutral_and_missing_ties() -> None:
    neutral = classify(ACTORS, signs(1, 1, 0))
    assert neutral.configuration == UNDETERMINED
    assert set(neutral.candidates) == {MENAGE, "romantic triangle (pivot USA)"}
    missing = classify(ACTORS, signs(1, None, -1))
    assert missing.configuration == NO_DATA
    assert set(missing.candidates) == {"romantic triangle (pivot USA)", "stable marriage (USA+RUS, pariah CHN)"}
    nothing = classify(ACTORS, signs(None, None, None))
    assert nothing.configuration == NO_DATA and nothing.candidates == ()


def test_bad_classification_inputs() -> None:
    with pytest.raises(InputError, match="three different"):
        classify(("USA", "USA", "CHN"), signs(1, 1, 1))
    with pytest.raises(InputError, match="no sign"):
        classify(ACTORS, {("USA", "RUS"): 1, ("USA", "CHN"): 1})


def test_sign_band_edges() -> None:
    assert sign_of(0.21, 3, band=0.2, min_events=1) == 1
    assert sign_of(0.2, 3, band=0.2, min_events=1) == 0  # the band is closed: its edge is neutral
    assert sign_of(-0.2, 3, band=0.2, min_events=1) == 0
    assert sign_of(-0.5, 3, band=0.2, min_events=1) == -1
    assert sign_of(0.9, 1, band=0.2, min_events=2) is None  # too few events
    assert sign_of(float("nan"), 0, band=0.2, min_events=1) is None


def test_triangle_series_from_events(make_events) -> None:  # noqa: ANN001
    events = make_events(
        [
            # 2025 Q1: USA-RUS +, RUS-CHN +, USA-CHN -  -> romantic triangle, pivot RUS
            ("2025-01-10", "USAGOV", "RUSGOV", "041"),
            ("2025-02-10", "RUSGOV", "CHNGOV", "057"),
            ("2025-03-10", "USAGOV", "CHNGOV", "163"),
            # 2025 Q2: RUS-CHN +, both - with USA -> stable marriage, pariah USA
            ("2025-04-10", "RUSGOV", "CHNGOV", "061"),
            ("2025-05-10", "USAGOV", "RUSGOV", "1312"),
            ("2025-06-10", "CHNGOV", "USAGOV", "111"),
            # 2025 Q3: nothing. 2025 Q4: USA-RUS only -> no data
            ("2025-11-10", "USAGOV", "RUSGOV", "111"),
        ]
    )
    frame = triangle_series(events, "USA", "RUS", "CHN", freq="quarter")
    assert list(frame["period"].dt.strftime("%Y-%m")) == ["2025-01", "2025-04", "2025-07", "2025-10"]
    assert list(frame["configuration"]) == [ROMANTIC, MARRIAGE, NO_DATA, NO_DATA]
    assert frame.loc[0, "pivot"] == "RUS"
    assert frame.loc[1, "pariah"] == "USA" and frame.loc[1, "partners"] == "RUS+CHN"
    assert frame.loc[0, "USA-CHN sign"] == "-" and frame.loc[0, "USA-CHN n"] == 1
    assert frame.attrs["band"] == 0.2 and frame.attrs["measure"] == "net_coop"
    spells = configuration_spells(frame)
    assert list(spells["shape"]) == ["romantic triangle (pivot RUS)", "stable marriage (RUS+CHN, pariah USA)", NO_DATA]
    assert list(spells["periods"]) == [1, 1, 2]
    # min_events: demanding two events per tie leaves no definite shape
    strict = triangle_series(events, "USA", "RUS", "CHN", freq="quarter", min_events=2)
    assert set(strict["configuration"]) == {NO_DATA}


def test_goldstein_measure_and_band(make_events) -> None:  # noqa: ANN001
    events = make_events(
        [
            ("2025-01-10", "USAGOV", "RUSGOV", "041"),  # +1.0: neutral within a 1.5 band
            ("2025-01-11", "RUSGOV", "CHNGOV", "057"),
            ("2025-01-12", "USAGOV", "CHNGOV", "057"),
        ]
    )
    wide = triangle_series(events, "USA", "RUS", "CHN", measure="goldstein_mean", band=1.5)
    assert wide.loc[0, "configuration"] == UNDETERMINED
    narrow = triangle_series(events, "USA", "RUS", "CHN", measure="goldstein_mean", band=0.5)
    assert narrow.loc[0, "configuration"] == MENAGE


def test_builtin_triangle_has_russia_as_pivot_in_early_2025() -> None:
    from detente.cases.timeline import timeline_frame

    frame = triangle_series(timeline_frame(), "USA", "RUS", "CHN", freq="quarter", start="2025-01-01", end="2025-06-30")
    q1 = frame.set_index("period").loc[pd.Timestamp("2025-01-01")]
    assert q1["configuration"] == ROMANTIC and q1["pivot"] == "RUS"


def test_triangle_rejects_bad_options(make_events) -> None:  # noqa: ANN001
    events = make_events([("2025-01-10", "USAGOV", "RUSGOV", "041")])
    with pytest.raises(InputError):
        triangle_series(events, "USA", "RUS", "USA")
    with pytest.raises(InputError):
        triangle_series(events, "USA", "RUS", "CHN", measure="events")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        triangle_series(events, "USA", "RUS", "CHN", band=-1)

