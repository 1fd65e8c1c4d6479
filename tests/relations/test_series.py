"""Dyad series: counts by quad, Goldstein, net cooperation, groups, roles, periods, smoothing."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from detente.actors import actor_prefixes
from detente.errors import InputError, UnknownActorError
from detente.relations.series import (
    MEASURES,
    SERIES_COLUMNS,
    dyad_events,
    dyad_series,
    series_wide,
    to_wide,
)


def test_monthly_counts_goldstein_and_net_cooperation(small_events: pd.DataFrame) -> None:
    wide = series_wide(small_events, "USA", "RUS", freq="month")
    assert list(wide.index) == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01"), pd.Timestamp("2025-03-01")]
    jan, feb, mar = (wide.loc[p] for p in wide.index)
    assert (jan["events"], jan["statements"], jan["verbal_conflict"], jan["material_conflict"]) == (3, 1, 1, 1)
    assert jan["goldstein_sum"] == pytest.approx(-10.0)
    assert jan["goldstein_mean"] == pytest.approx(-10.0 / 3)
    assert jan["net_coop"] == pytest.approx(-1.0)  # the statement is neutral, left out
    # an empty month: zero counts, but no tone at all (NaN), not a neutral 0
    assert feb["events"] == 0 and math.isnan(feb["goldstein_mean"]) and math.isnan(feb["net_coop"])
    assert (mar["verbal_coop"], mar["material_coop"], mar["verbal_conflict"]) == (1, 1, 1)
    assert mar["net_coop"] == pytest.approx((2 - 1) / 3)
    assert mar["net_coop_count"] == 1
    assert mar["goldstein_mean"] == pytest.approx((1.0 + 7.4 - 5.8) / 3)


def test_directed_series_counts_one_direction_only(small_events: pd.DataFrame) -> None:
    forward = series_wide(small_events, "USA", "RUS", directed=True)
    backward = series_wide(small_events, "RUS", "USA", directed=True)
    both = series_wide(small_events, "USA", "RUS")
    assert forward["events"].sum() == 3  # 163, 041, 062
    assert backward["events"].sum() == 3  # 111, 010, 1312
    assert forward["events"].sum() + backward["events"].sum() == both["events"].sum()


def test_role_suffixes_and_non_state_roles(small_events: pd.DataFrame) -> None:
    # USA stands for USAGOV and USAMIL; USAGOV only for itself
    assert series_wide(small_events, "USA", "RUS")["events"].sum() == 6
    assert series_wide(small_events, "USAGOV", "RUSGOV")["events"].sum() == 4
    # Russian-backed rebels are not Ukraine, but can be asked for by their code
    assert dyad_events(small_events, "RUS", "UKR").empty
    assert len(dyad_events(small_events, "RUS", "UKRREB")) == 1


def test_group_includes_institutions_and_members(small_events: pd.DataFrame) -> None:
    prefixes = actor_prefixes("EUR").include
    assert "EUR" in prefixes and "DEU" in prefixes and "FRA" in prefixes
    assert len(dyad_events(small_events, "EUR", "RUS")) == 2  # DEUGOV and EURGOV
    assert actor_prefixes("EURGOV").include == ("EURGOV",)  # a role narrows to the institutions
    assert len(dyad_events(small_events, "EURGOV", "RUS")) == 1


def test_names_resolve_through_the_registry(small_events: pd.DataFrame) -> None:
    by_name = series_wide(small_events, "Washington", "Moscow")
    by_code = series_wide(small_events, "USA", "RUS")
    pd.testing.assert_frame_equal(by_name, by_code)


def test_tidy_output_has_fixed_columns(small_events: pd.DataFrame) -> None:
    long = dyad_series(small_events, "USA", "RUS", freq="month")
    assert tuple(long.columns) == SERIES_COLUMNS
    assert len(long) == 3 * len(MEASURES)
    assert set(long["dyad"]) == {"USA-RUS"}
    assert long["smoothed"].isna().all()
    wide = to_wide(long)
    pd.testing.assert_series_equal(
        wide["goldstein_sum"], series_wide(small_events, "USA", "RUS")["goldstein_sum"], check_names=False, check_freq=False
    )
    directed = dyad_series(small_events, "USA", "RUS", directed=True)
    assert set(directed["dyad"]) == {"USA->RUS"}


@pytest.mark.parametrize(
    ("freq", "first"),
    [("day", "2025-01-05"), ("week", "2024-12-30"), ("month", "2025-01-01"), ("quarter", "2025-01-01"), ("year", "2025-01-01")],
)
def test_periods_are_labelled_by_their_first_day(small_events: pd.DataFrame, freq: str, first: str) -> None:
    wide = series_wide(small_events, "USA", "RUS", freq=freq)  # type: ignore[arg-type]
    assert wide.index[0] == pd.Timestamp(first)
    assert wide["events"].sum() == 6


def test_start_and_end_fix_the_grid(small_events: pd.DataFrame) -> None:
    wide = series_wide(small_events, "USA", "RUS", start="2024-11-01", end="2025-02-28")
    assert list(wide.index.strftime("%Y-%m")) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert wide["events"].sum() == 3
    with pytest.raises(InputError):
        series_wide(small_events, "USA", "RUS", start="2025-03-01", end="2025-01-01")


def test_smoothing_recomputes_ratios_from_smoothed_parts(small_events: pd.DataFrame) -> None:
    raw = series_wide(small_events, "USA", "RUS")
    rolled = series_wide(small_events, "USA", "RUS", smooth="rolling", window=3)
    # March: mean of three months' counts, then the ratio
    coop = raw["cooperation"].mean()
    conflict = raw["conflict"].mean()
    assert rolled.iloc[-1]["net_coop"] == pytest.approx((coop - conflict) / (coop + conflict))
    assert rolled.iloc[-1]["goldstein_mean"] == pytest.approx(raw["goldstein_sum"].sum() / 6)
    ewm = series_wide(small_events, "USA", "RUS", smooth="ewm", window=2)
    assert ewm.iloc[0]["events"] == raw.iloc[0]["events"]
    long = dyad_series(small_events, "USA", "RUS", smooth="rolling", window=2)
    assert long["smoothed"].notna().any()


def test_coarse_dates_kept_or_dropped(make_events) -> None:  # noqa: ANN001
    events = make_events(
        [("2019-01-01", "USAGOV", "RUSGOV", "160", "year"), ("2019-03-04", "USAGOV", "RUSGOV", "041", "day")]
    )
    kept = series_wide(events, "USA", "RUS", freq="month")
    assert kept.attrs["coarse_events"] == 1 and kept["events"].sum() == 2
    dropped = series_wide(events, "USA", "RUS", freq="month", coarse="drop")
    assert dropped["events"].sum() == 1
    assert series_wide(events, "USA", "RUS", freq="year").attrs["coarse_events"] == 0


def test_empty_dyad_gives_empty_frame(small_events: pd.DataFrame) -> None:
    assert series_wide(small_events, "CHN", "BLR").empty


def test_bad_inputs_raise_input_errors(small_events: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="lacks column"):
        series_wide(small_events.drop(columns="goldstein"), "USA", "RUS")
    with pytest.raises(InputError, match="two different actors"):
        series_wide(small_events, "USA", "USAGOV")
    with pytest.raises(InputError, match="two different actors"):
        series_wide(small_events, "RUS", "Russia")
    with pytest.raises(InputError, match="frequency"):
        series_wide(small_events, "USA", "RUS", freq="fortnight")  # type: ignore[arg-type]
    with pytest.raises(UnknownActorError):
        series_wide(small_events, "USA", "Atlantis")
    with pytest.raises(InputError, match="window"):
        series_wide(small_events, "USA", "RUS", smooth="rolling", window=0)


# --- properties on random event tables ------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CODES = ["010", "041", "057", "062", "111", "1312", "163", "190"]
_ACTORS = ["USAGOV", "USAMIL", "RUSGOV", "RUS", "UKRGOV", "CHNGOV"]
_row = st.tuples(
    st.dates(min_value=pd.Timestamp("2024-01-01").date(), max_value=pd.Timestamp("2025-12-31").date()).map(str),
    st.sampled_from(_ACTORS),
    st.sampled_from(_ACTORS),
    st.sampled_from(_CODES),
)


# the fixture is a pure function, so sharing it across examples is safe
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_row, min_size=1, max_size=40))
def test_series_invariants(make_events, rows) -> None:  # noqa: ANN001
    events = make_events(rows)
    n_dyad = len(dyad_events(events, "USA", "RUS"))
    month = series_wide(events, "USA", "RUS", freq="month")
    quarter = series_wide(events, "USA", "RUS", freq="quarter")
    assert month["events"].sum() == quarter["events"].sum() == n_dyad
    parts = month[["statements", "cooperation", "conflict"]].sum(axis=1)
    assert (parts == month["events"]).all()
    assert month["net_coop"].dropna().between(-1, 1).all()
    assert month["goldstein_mean"].dropna().between(-10, 10).all()
    forward = series_wide(events, "USA", "RUS", directed=True, freq="quarter")["events"].sum() if n_dyad else 0
    backward = series_wide(events, "RUS", "USA", directed=True, freq="quarter")["events"].sum() if n_dyad else 0
    assert forward + backward == n_dyad


def test_one_countrys_own_events_stay_out_of_inter_state_dyads() -> None:
    """Domestic events (two sectors of one country) reach a dyad only when it asks for those sectors:
    through the EU's membership, the German government against the German police is no EU-Germany event,
    and the series says how many it left out."""
    events = pd.DataFrame(
        [
            {"date": "2024-01-05", "source": "DEUGOV", "target": "DEUCOP", "quad": 4, "goldstein": -5.0},
            {"date": "2024-01-06", "source": "EUR", "target": "DEUGOV", "quad": 1, "goldstein": 3.4},
            {"date": "2024-01-07", "source": "NGACOP", "target": "NGAOPP", "quad": 4, "goldstein": -5.0},
            {"date": "2024-01-08", "source": "ROUGOV", "target": "ROUMIL", "quad": 1, "goldstein": 1.0},
        ]
    )
    eu_germany = dyad_events(events, "EUR", "DEU")
    assert list(eu_germany["source"]) == ["EUR"] and eu_germany.attrs["domestic_events"] == 1
    assert series_wide(events, "European Union", "Germany").attrs["domestic_events"] == 1
    assert dyad_events(events, "EUR", "ROU").attrs["domestic_events"] == 1
    assert list(dyad_events(events, "DEUGOV", "DEUCOP")["target"]) == ["DEUCOP"]
    assert list(dyad_events(events, "NGACOP", "NGAOPP")["source"]) == ["NGACOP"]


def test_period_label_writes_periods_as_people_do() -> None:
    from detente.relations.series import period_label

    day = pd.Timestamp("2025-04-07")
    assert [period_label(day, f) for f in ("year", "quarter", "month", "week", "day", None)] == [
        "2025", "2025-Q2", "2025-04", "2025-04-07", "2025-04-07", "2025-04",
    ]
