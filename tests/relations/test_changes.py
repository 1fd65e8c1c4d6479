"""The change table: dyads ranked by how far the latest window moved from their own baseline."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from detente.cases.timeline import timeline_frame
from detente.errors import InputError, UnknownActorError
from detente.relations.changes import CHANGE_COLUMNS, all_dyads, dyad_changes


@pytest.fixture
def weekly(make_events) -> pd.DataFrame:  # noqa: ANN001 - fixture from conftest
    """US-Russia: one cooperative event a week for four weeks, then three conflictual ones.
    US-China: two cooperative events every week, the last week too (nothing changes)."""
    rows = []
    for week in range(4):
        day = pd.Timestamp("2025-03-03") + pd.Timedelta(weeks=week)
        rows.append((day.date().isoformat(), "USAGOV", "RUSGOV", "041"))  # verbal coop
    for day in ("2025-03-31", "2025-04-01", "2025-04-02"):
        rows.append((day, "RUSGOV", "USAGOV", "111"))  # verbal conflict, the week of 31 March
    for week in range(5):
        day = pd.Timestamp("2025-03-03") + pd.Timedelta(weeks=week)
        rows.append((day.date().isoformat(), "USAGOV", "CHNGOV", "041"))
        rows.append(((day + pd.Timedelta(days=1)).date().isoformat(), "CHNGOV", "USAGOV", "041"))
    return make_events(rows)


def test_scores_by_hand(weekly: pd.DataFrame) -> None:
    table = dyad_changes(weekly, [("USA", "RUS"), ("USA", "CHN")], freq="week", recent=1, baseline=4)
    assert list(table.columns) == list(CHANGE_COLUMNS)
    rus = table[(table.dyad == "USA-RUS")].set_index("measure")
    # activity: 3 events this week against 1 a week before; score (3 - 1) / sqrt((1 + 1) / 1)
    assert rus.at["events", "recent"] == 3 and rus.at["events", "baseline"] == 1
    assert rus.at["events", "score"] == pytest.approx(2 / math.sqrt(2))
    # net cooperation: -1 now against +1; q = (4 + 0.5) / (4 + 1), n = 3
    q = 4.5 / 5
    assert rus.at["net_coop", "change"] == pytest.approx(-2.0)
    assert rus.at["net_coop", "score"] == pytest.approx(-2.0 / (2 * math.sqrt(q * (1 - q) / 3)))
    chn = table[(table.dyad == "USA-CHN")].set_index("measure")
    assert chn.at["events", "change"] == 0 and chn.at["net_coop", "change"] == 0
    # the biggest mover comes first, the dyad that did not move last
    assert table.iloc[0].dyad == "USA-RUS" and table.iloc[0].measure == "net_coop"
    assert set(table.iloc[-2:].dyad) == {"USA-CHN"}
    assert (rus.at["events", "recent_start"], rus.at["events", "baseline_start"]) == (pd.Timestamp("2025-03-31").date(), pd.Timestamp("2025-03-03").date())
    assert table.attrs["recent"] == 1 and table.attrs["baseline"] == 4


def test_longer_windows_and_explicit_end(weekly: pd.DataFrame) -> None:
    # end inside the fourth week: the recent window is the fourth week, the baseline weeks one to three
    table = dyad_changes(weekly, [("USA", "RUS")], freq="week", recent=1, baseline=3, end="2025-03-26")
    rus = table.set_index("measure")
    assert rus.at["events", "recent"] == 1 and rus.at["events", "baseline"] == 1
    assert rus.at["net_coop", "change"] == 0
    two = dyad_changes(weekly, [("USA", "RUS")], freq="week", recent=2, baseline=3).set_index("measure")
    assert two.at["events", "recent"] == pytest.approx((1 + 3) / 2)  # weeks 4 and 5
    assert two.at["events", "recent_events"] == 4 and two.at["events", "baseline_events"] == 3


def test_silence_is_not_neutral(make_events) -> None:  # noqa: ANN001
    events = make_events([("2025-01-10", "USAGOV", "RUSGOV", "041"), ("2025-05-10", "USAGOV", "UKRGOV", "163")])
    table = dyad_changes(events, [("USA", "RUS"), ("USA", "UKR")], freq="month", recent=1, baseline=3)
    ukr = table[table.dyad == "USA-UKR"].set_index("measure")
    assert ukr.at["net_coop", "recent"] == -1.0 and math.isnan(ukr.at["net_coop", "baseline"])
    assert math.isnan(ukr.at["net_coop", "score"])
    assert table.iloc[-1].measure == "net_coop" and math.isnan(table.iloc[-1].score)  # NaN ranks last
    # a quiet baseline still scores a first event: (1 - 0) / sqrt(1)
    assert ukr.at["events", "score"] == pytest.approx(1.0)


def test_builtin_timeline_may_against_january_to_april() -> None:
    from detente.relations.series import series_wide

    events = timeline_frame()
    table = dyad_changes(events, all_dyads(["USA", "RUS", "UKR", "EUR", "CHN"]), freq="month", recent=1, baseline=4)
    assert len(table) == 10 * 2 and table.attrs["end"] == "2025-05-31"
    # each row is the dyad's own series: May against the mean of January to April
    wide = series_wide(events, "USA", "RUS", freq="month", start="2025-01-01", end="2025-05-31")
    row = table[(table.dyad == "USA-RUS") & (table.measure == "events")].iloc[0]
    assert row.recent == wide.loc["2025-05-01", "events"]
    assert row.baseline == pytest.approx(wide.loc["2025-01-01":"2025-04-01", "events"].mean())
    scores = table["score"].abs().dropna().tolist()
    assert scores == sorted(scores, reverse=True)


def test_names_as_people_type_them(weekly: pd.DataFrame) -> None:
    table = dyad_changes(weekly, [("the United States", "Russia"), ("USA", "China")], freq="week")
    assert set(table.dyad) == {"USA-RUS", "USA-CHN"}
    # a name that starts like a code ("Ukraine": UKR + "AINE") is a name, not a role-suffixed code
    assert set(dyad_changes(weekly, [("Ukraine", "Belarus")]).dyad) == {"UKR-BLR"}


def test_empty_events_give_an_empty_table(make_events) -> None:  # noqa: ANN001
    empty = make_events([])
    assert dyad_changes(empty, [("USA", "RUS")]).empty


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"recent": 0}, "recent"),
        ({"baseline": 10_000}, "baseline"),
        ({"recent": 1.5}, "recent"),
        ({"recent": True}, "recent"),
        ({"freq": "fortnight"}, "freq"),
        ({"measures": ["goldstein"]}, "measures"),
        ({"end": "not a date"}, "end"),
    ],
)
def test_bad_settings_name_the_field(weekly: pd.DataFrame, kwargs: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        dyad_changes(weekly, [("USA", "RUS")], **kwargs)
    assert info.value.field == field and info.value.hint


def test_unknown_actor(weekly: pd.DataFrame) -> None:
    with pytest.raises(UnknownActorError):
        dyad_changes(weekly, [("USA", "Atlantis")])


def test_all_dyads() -> None:
    assert all_dyads(["USA", "RUS", "CHN"]) == [("USA", "RUS"), ("USA", "CHN"), ("RUS", "CHN")]
