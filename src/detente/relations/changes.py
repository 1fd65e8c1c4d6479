"""Which dyads moved most in the latest period, measured against their own recent norm.

An analyst scanning many dyads wants the ones that changed, not the ones that are
always busy or always hostile. :func:`dyad_changes` compares, for each dyad, a
*recent* window (the last ``recent`` periods up to ``end``) with the *baseline*
window just before it (the ``baseline`` periods before that), on two measures:

``events`` (activity)
    Events per period. The change is the recent mean minus the baseline mean; its
    score divides the change by the Poisson standard deviation of the baseline rate
    over the recent window, ``sqrt((baseline_mean + 1) / recent)``: ten more events
    matter in a quiet dyad and hardly at all in a busy one.
``net_coop`` (net cooperation)
    ``(cooperation - conflict) / (cooperation + conflict)`` over each whole window
    (counts pooled, not a mean of period ratios, so busy periods weigh more), in
    [-1, 1]. The change is recent minus baseline; the score divides it by the
    binomial standard error of a net share of ``n`` recent cooperative-or-conflictual
    events at the baseline's cooperative share ``q``: ``2 sqrt(q (1 - q) / n)``.

So the score reads like a z-score: how unusual the recent window is for *this* dyad.
Rows are ranked by the absolute score.

Choices
-------
* The baseline share ``q`` uses Jeffreys' prior, ``(coop + 1/2) / (coop + conflict + 1)``,
  so a baseline of only cooperation (q = 1) still gives a finite, large score for a
  first conflict rather than a division by zero; the ``+ 1`` in the activity score
  does the same for a silent baseline.
* A window without cooperative or conflictual events has no net cooperation (NaN,
  not 0: silence is not neutrality); its change and score are NaN and it ranks last.
* ``end`` defaults to the date of the latest event in ``events``; the recent window
  is the period containing ``end`` and the ``recent - 1`` before it.
* Events dated more coarsely than ``freq`` (a month-precision event in a week series)
  count at the first day of their period, as in :func:`~detente.relations.series.series_wide`.

The measures are those of :mod:`detente.relations.series` (Goldstein 1992; the CAMEO
quad classes); the scoring is the usual standardised change used in event-data
monitoring ("what is unusual for this dyad"), with the binomial and Poisson errors
written down here so the numbers can be checked by hand.

>>> from detente.cases.timeline import timeline_frame
>>> table = dyad_changes(timeline_frame(), [("USA", "RUS"), ("USA", "UKR")], freq="month", recent=1, baseline=4)
>>> list(table.columns[:4]), len(table)   # two dyads x two measures, biggest mover first
(['dyad', 'a', 'b', 'measure'], 4)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from detente.actors import lookup
from detente.errors import InputError
from detente.relations.series import Frequency, check_events, period_alias, series_wide

CHANGE_MEASURES: tuple[str, ...] = ("events", "net_coop")
"""The measures a change table scores: activity and net cooperation."""

CHANGE_COLUMNS: tuple[str, ...] = (
    "dyad", "a", "b", "measure", "recent_start", "recent_end", "baseline_start",
    "recent", "baseline", "change", "score", "recent_events", "baseline_events",
)
"""Columns of :func:`dyad_changes`' result, in order."""

MAX_WINDOW = 520
"""The longest window accepted, in periods (ten years of weeks)."""


def all_dyads(actors: Sequence[str]) -> list[tuple[str, str]]:
    """Every unordered pair of `actors`, in the order given (``[A, B, C]`` -> AB, AC, BC)."""
    return list(itertools.combinations(actors, 2))


def _check_window(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= int(value) <= MAX_WINDOW:
        raise InputError(f"{name} must be a whole number of periods from 1 to {MAX_WINDOW}, got {value!r}", field=name, hint=f"e.g. {name}=1 (recent) and baseline=4")
    return int(value)


def _net(coop: float, conflict: float) -> float:
    both = coop + conflict
    return (coop - conflict) / both if both > 0 else math.nan


def _activity_row(recent: pd.DataFrame, base: pd.DataFrame) -> dict[str, float]:
    r_mean = float(recent["events"].mean())
    b_mean = float(base["events"].mean())
    change = r_mean - b_mean
    score = change / math.sqrt((b_mean + 1.0) / len(recent))
    return {"recent": r_mean, "baseline": b_mean, "change": change, "score": score}


def _net_coop_row(recent: pd.DataFrame, base: pd.DataFrame) -> dict[str, float]:
    rc, rk = float(recent["cooperation"].sum()), float(recent["conflict"].sum())
    bc, bk = float(base["cooperation"].sum()), float(base["conflict"].sum())
    r_net, b_net = _net(rc, rk), _net(bc, bk)
    change = r_net - b_net
    n = rc + rk
    q = (bc + 0.5) / (bc + bk + 1.0)
    score = change / (2.0 * math.sqrt(q * (1.0 - q) / n)) if n > 0 and not math.isnan(change) else math.nan
    return {"recent": r_net, "baseline": b_net, "change": change, "score": score}


def dyad_changes(
    events: pd.DataFrame,
    dyads: Iterable[tuple[str, str]],
    *,
    freq: Frequency = "month",
    recent: int = 1,
    baseline: int = 4,
    end: str | pd.Timestamp | None = None,
    measures: Sequence[Literal["events", "net_coop"]] = CHANGE_MEASURES,
) -> pd.DataFrame:
    """Rank dyads by how far their latest window moved from their own baseline.

    Parameters
    ----------
    events
        Event frame with :data:`~detente.events.schema.EVENT_COLUMNS`.
    dyads
        Pairs of actor codes or names (see :func:`all_dyads`); undirected.
    freq
        Period length: ``day``, ``week``, ``month``, ``quarter`` or ``year``.
    recent, baseline
        Window lengths in periods: e.g. the last week against the previous four
        (``freq="week", recent=1, baseline=4``) or the last month against the previous
        twelve (``freq="month", recent=1, baseline=12``).
    end
        Last day of the recent window (default: the latest event's date).
    measures
        Which of :data:`CHANGE_MEASURES` to score.

    Returns
    -------
    pandas.DataFrame
        One row per dyad and measure, columns :data:`CHANGE_COLUMNS`, sorted by
        ``|score|`` (largest first, NaN last). ``attrs`` holds the windows used. An
        empty event frame gives an empty table.
    """
    alias = period_alias(freq)
    recent = _check_window(recent, "recent")
    baseline = _check_window(baseline, "baseline")
    unknown = [m for m in measures if m not in CHANGE_MEASURES]
    if unknown or not measures:
        raise InputError(f"unknown change measure '{unknown[0] if unknown else ''}'", field="measures", hint=f"one or more of: {', '.join(CHANGE_MEASURES)}")
    pairs = [(lookup(a, field="dyads"), lookup(b, field="dyads")) for a, b in dyads]
    frame = check_events(events)
    if end is None:
        if frame.empty:
            return pd.DataFrame(columns=list(CHANGE_COLUMNS))
        last = pd.Timestamp(frame["date"].max())
    else:
        try:
            last = pd.Timestamp(end)
        except (ValueError, TypeError):
            raise InputError(f"'{end}' is not a date", field="end", hint="write YYYY-MM-DD") from None
    last_period = last.to_period(alias)
    first_recent = last_period - (recent - 1)
    first_base = first_recent - baseline
    start_day = first_base.start_time
    end_day = last_period.end_time.normalize()
    rows = []
    for a, b in pairs:
        wide = series_wide(frame, a, b, freq=freq, start=start_day, end=end_day)
        cut = first_recent.start_time
        base_part, recent_part = wide[wide.index < cut], wide[wide.index >= cut]
        head = {
            "dyad": f"{a}-{b}", "a": a, "b": b,
            "recent_start": cut.date(), "recent_end": end_day.date(), "baseline_start": start_day.date(),
            "recent_events": int(recent_part["events"].sum()), "baseline_events": int(base_part["events"].sum()),
        }
        for measure in measures:
            values = _activity_row(recent_part, base_part) if measure == "events" else _net_coop_row(recent_part, base_part)
            rows.append({**head, "measure": measure, **values})
    table = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    if not table.empty:
        order = table["score"].abs().fillna(-1.0).sort_values(ascending=False, kind="stable").index
        table = table.loc[order].reset_index(drop=True)
    table.attrs.update(freq=freq, recent=recent, baseline=baseline, end=end_day.date().isoformat(), recent_start=first_recent.start_time.date().isoformat(), baseline_start=start_day.date().isoformat())
    return table


__all__ = ["CHANGE_COLUMNS", "CHANGE_MEASURES", "all_dyads", "dyad_changes"]
