"""Shifts: planted change points are recovered; levels, sizes and drivers are right."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from detente.cases.timeline import timeline_frame
from detente.errors import InputError
from detente.relations.shifts import (
    change_points,
    default_penalty,
    detect_shifts,
    detector_settings,
    dyad_shifts,
    measure_signal,
    noise_scale,
    shifts_frame,
    synthetic_events,
    synthetic_series,
)


def test_synthetic_series_returns_its_true_answer() -> None:
    syn = synthetic_series(n=100, n_shifts=2, noise=0.0, min_gap=10, rng=1)
    values = syn.series.to_numpy()
    assert len(syn.breaks) == 2 and len(syn.levels) == 3
    for k, b in enumerate(syn.breaks):
        assert values[b - 1] == pytest.approx(syn.levels[k])
        assert values[b] == pytest.approx(syn.levels[k + 1])
    assert syn.dates == [syn.series.index[b] for b in syn.breaks]


@pytest.mark.parametrize("seed", range(12))
def test_pelt_recovers_planted_shifts(seed: int) -> None:
    syn = synthetic_series(n=120, n_shifts=3, noise=1.0, magnitude=(3.0, 6.0), rng=seed)
    found = detect_shifts(syn.series)
    assert len(found) == 3, (syn.breaks, [s.index for s in found])
    for shift, true in zip(found, syn.breaks):
        assert abs(shift.index - true) <= 2
    # the sizes match the planted steps
    planted = np.diff(syn.levels)
    for shift, step in zip(found, planted):
        assert shift.size == pytest.approx(step, abs=1.0)
        assert shift.direction == ("warming" if step > 0 else "cooling")


def test_binseg_with_a_fixed_number_of_shifts() -> None:
    syn = synthetic_series(n=90, n_shifts=2, noise=0.5, rng=7)
    starts = change_points(syn.series.to_numpy(), method="binseg", n_shifts=2)
    assert len(starts) == 2
    assert all(abs(s - b) <= 2 for s, b in zip(starts, syn.breaks))


def test_flat_or_short_signals_have_no_shift() -> None:
    assert change_points(np.zeros(50)) == []
    assert change_points(np.array([1.0, 5.0, 1.0])) == []  # shorter than two segments
    assert noise_scale(np.zeros(10)) == 0.0
    rng = np.random.default_rng(0)
    assert change_points(rng.normal(0, 1, 200)) == []  # pure noise: no false alarm


def test_penalty_scales_with_noise_and_length() -> None:
    rng = np.random.default_rng(3)
    small, large = rng.normal(0, 1, 100), rng.normal(0, 3, 100)
    assert default_penalty(large) > 5 * default_penalty(small)
    # a huge penalty suppresses every shift
    syn = synthetic_series(rng=2)
    assert change_points(syn.series.to_numpy(), penalty=1e9) == []


def test_dyad_shifts_on_synthetic_events_recover_the_regimes() -> None:
    exact = 0
    for seed in range(10):
        events, true_dates = synthetic_events(periods=48, rate=25, rng=seed)
        found = dyad_shifts(events, "USA", "RUS", freq="month")
        dates = [s.date for s in found]
        assert set(true_dates) <= set(dates), (seed, dates)  # every planted regime change is found
        exact += dates == true_dates
    assert exact >= 8  # and false alarms are rare (measured: 28 of 30 seeds exact)


def test_shift_levels_and_drivers() -> None:
    events, true_dates = synthetic_events(periods=48, rate=25, rng=1)
    found = dyad_shifts(events, "USA", "RUS", freq="month")
    assert [s.date for s in found] == true_dates
    assert [s.direction for s in found] == ["warming", "cooling"]
    warming, cooling = found
    assert warming.before < 0 < warming.after and cooling.after < 0
    assert warming.after == pytest.approx(cooling.before)
    # drivers are events of the new regime's first month, pushing in the shift's direction
    for shift in found:
        assert 0 < len(shift.drivers) <= 3
        for d in shift.drivers:
            assert pd.Timestamp(d["date"]).to_period("M").start_time == shift.date
            assert np.sign(d["goldstein"]) == np.sign(shift.size)
        weights = [np.sign(shift.size) * d["goldstein"] for d in shift.drivers]
        assert weights == sorted(weights, reverse=True)
        assert len({(d["source"], d["target"], d["cameo"]) for d in shift.drivers}) == len(shift.drivers)


def test_net_cooperation_shifts_too() -> None:
    events, true_dates = synthetic_events(periods=48, rate=25, rng=1)
    found = dyad_shifts(events, "USA", "RUS", measure="net_coop")
    assert set(true_dates) <= {s.date for s in found}


def test_builtin_timeline_turns_in_february_2025() -> None:
    # with the cooler May 2025 the default penalty (3·σ²·log n) finds no turn in this short series
    (shift,) = dyad_shifts(timeline_frame(), "USA", "RUS", penalty=10)
    assert shift.date == pd.Timestamp("2025-02-01")
    assert shift.direction == "warming" and shift.before < -5 and shift.after > 0
    codes = {d["cameo"] for d in shift.drivers}
    assert "044" in codes  # the Riyadh talks
    assert all(d["sentence"] and d["doc_id"] for d in shift.drivers)
    table = shifts_frame([shift])
    assert list(table["direction"]) == ["warming"]
    record = shift.to_record()
    assert record["date"] == "2025-02-01" and record["drivers"]


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="NaN"):
        change_points(np.array([1.0, np.nan, 2.0, 3.0]))
    with pytest.raises(InputError, match="binseg"):
        change_points(np.arange(20.0), method="pelt", n_shifts=1)
    with pytest.raises(InputError, match="method"):
        change_points(np.arange(20.0), method="dynp")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="measure"):
        dyad_shifts(timeline_frame(), "USA", "RUS", measure="vibes")
    with pytest.raises(InputError):
        synthetic_series(n=20, n_shifts=3, min_gap=10)


def test_measure_signal_skips_empty_periods_of_ratios_and_counts_them_as_zero_for_counts() -> None:
    wide = pd.DataFrame({"net_coop": [0.5, np.nan, -0.5], "events": [2.0, np.nan, 1.0]},
                        index=pd.date_range("2025-01-01", periods=3, freq="MS"))
    assert measure_signal(wide, "net_coop").tolist() == [0.5, -0.5]
    assert measure_signal(wide, "events").tolist() == [2.0, 0.0, 1.0]


def test_detector_settings_name_the_penalty_the_detector_uses() -> None:
    syn = synthetic_series(n=60, n_shifts=1, noise=1.0, min_gap=10, rng=3)
    default = detector_settings(syn.series)
    assert default["penalty"] == pytest.approx(default_penalty(syn.series.to_numpy()))
    assert default["observed_periods"] == 60 and default["model"] == "l2"
    assert detector_settings(syn.series, penalty=7.5)["penalty"] == 7.5
    assert detector_settings(syn.series, method="binseg", n_shifts=2)["penalty"] is None
    flat = pd.Series([1.0] * 10, index=pd.date_range("2025-01-01", periods=10, freq="MS"))
    assert detector_settings(flat)["penalty"] is None  # nothing to find: the detector does not run
    assert change_points(flat.to_numpy()) == []
