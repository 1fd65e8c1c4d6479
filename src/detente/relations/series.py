"""Dyad relation series: how cooperative or hostile two actors were, period by period.

The input is any event table with the columns of :data:`detente.events.schema.EVENT_COLUMNS`
(at least ``date``, ``source``, ``target``, ``quad``, ``goldstein``): the built-in
timeline, an :class:`~detente.events.store.EventStore` query, or a frame you built.
The output is tidy: one row per (period, measure).

Measures (per period)
---------------------
``events``
    events in the dyad.
``statements``, ``verbal_coop``, ``material_coop``, ``verbal_conflict``, ``material_conflict``
    counts by quad class (0-4, see :data:`detente.events.schema.QUAD_LABELS`).
``cooperation`` / ``conflict``
    verbal + material cooperation (quads 1-2) / verbal + material conflict (quads 3-4).
``goldstein_sum`` / ``goldstein_mean``
    sum and mean of the events' Goldstein (1992) weights, -10 hostile to +10 cooperative.
``net_coop``
    **net cooperation**, the balance of cooperative over conflictual events,
    ``(cooperation - conflict) / (cooperation + conflict)``, in [-1, 1]: +1 all
    cooperative, -1 all conflictual, 0 even. Public statements (quad 0) are neutral
    and left out of both terms. Empty (no coop/conflict events) -> NaN, not 0:
    silence is not neutrality.
``net_coop_count``
    ``cooperation - conflict`` as a count (scales with news volume; compare within
    one source only).

Only events that assert their act took place count (not "may attack", not negated,
not conditional or reported by someone else; :mod:`detente.events.modality`), unless
``include_unasserted=True``.

This follows the usual reduction of event data to a dyadic cooperation-conflict
series (Goldstein 1992, *J. Conflict Resolution* 36(2); the quad classes of
GDELT/Duran-Schrodt); the share form of ``net_coop`` keeps periods with many and
few reports comparable.

Actors
------
An actor argument is anything :func:`detente.actors.lookup` reads: a registry code,
a name, an alias, a capital, a demonym or a person ("UKR", "Ukraine", "Kyiv",
"Zelensky"); an unknown one is an error naming the nearest known actors. Which stored
codes it stands for is :func:`detente.actors.actor_prefixes`, the rule the event
store uses too: a plain code matches its role-suffixed codes (``USA`` counts
``USAGOV``, ``USAMIL`` ...) but not its non-state challengers
(:data:`~detente.actors.NON_STATE_ROLES`: ``UKRREB``, Russian-backed separatists,
are not Ukraine; ask for them by their full code); a role-suffixed code matches only
that role (``USAGOV``); a group (``EUR``) matches itself and its members (EU
institutions and member states).

Smoothing
---------
``smooth="rolling"`` (centred=False, trailing window of ``window`` periods) or
``smooth="ewm"`` (exponentially weighted, span ``window``) smooths the *counts and
sums* and then recomputes the ratios (``goldstein_mean``, ``net_coop``) from the
smoothed parts, so a busy period weighs more than a quiet one.

Dates coarser than the frequency
--------------------------------
An event dated only to a year or month sits at the first day of that period. In a
finer series (a year-precision event in a month series) ``coarse="keep"`` (default)
counts it in the period of that first day; ``coarse="drop"`` leaves it out. The
number of such events is in ``frame.attrs["coarse_events"]``.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from detente.actors import ActorPrefixes, lookup
from detente.actors.dyads import dyad_filter
from detente.errors import InputError
from detente.events.modality import asserted_mask
from detente.ontology.roles import NON_STATE_ROLES  # noqa: F401 - re-exported: the rule's roles, named where series are

Frequency = Literal["day", "week", "month", "quarter", "year"]
FREQUENCIES: dict[str, str] = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
"""Frequency name -> pandas period alias (weeks run Monday to Sunday)."""

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}

COUNT_MEASURES: tuple[str, ...] = (
    "events",
    "statements",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "cooperation",
    "conflict",
    "net_coop_count",
    "goldstein_sum",
)
RATIO_MEASURES: tuple[str, ...] = ("goldstein_mean", "net_coop")
MEASURES: tuple[str, ...] = COUNT_MEASURES + RATIO_MEASURES
"""Every measure a series carries, in output order."""

SERIES_COLUMNS: tuple[str, ...] = ("dyad", "source", "target", "directed", "freq", "period", "measure", "value", "smoothed")
"""Columns of :func:`dyad_series`'s tidy output (``smoothed`` is NaN when not smoothing)."""

_QUAD_MEASURE = {0: "statements", 1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
_REQUIRED = ("date", "source", "target", "quad", "goldstein")


def check_events(events: pd.DataFrame) -> pd.DataFrame:
    """Check an event frame has the columns the relations need; return it with ``date`` as datetime64."""
    if not isinstance(events, pd.DataFrame):
        raise InputError("events must be a pandas DataFrame", field="events", hint="pass an event frame, e.g. timeline_frame()")
    missing = [c for c in _REQUIRED if c not in events.columns]
    if missing:
        raise InputError(
            f"event frame lacks column(s) {', '.join(missing)}",
            field="events",
            hint="use a frame with detente.events.schema.EVENT_COLUMNS",
        )
    out = events.copy()
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    out = out[out["date"].notna()]
    out["source"] = out["source"].astype("string").str.upper().fillna("")
    out["target"] = out["target"].astype("string").str.upper().fillna("")
    out["goldstein"] = pd.to_numeric(out["goldstein"], errors="coerce")
    out["quad"] = pd.to_numeric(out["quad"], errors="coerce")
    return out


def dyad_actors(a: str, b: str) -> tuple[ActorPrefixes, ActorPrefixes]:
    """The two sides of a dyad as the codes they stand for (:func:`detente.actors.dyads.dyad_filter`); they must not overlap."""
    rule = dyad_filter(a, b)
    return rule.a, rule.b


def dyad_events(events: pd.DataFrame, a: str, b: str, *, directed: bool = False, include_unasserted: bool = False) -> pd.DataFrame:
    """The events between ``a`` and ``b`` (``a`` -> ``b`` only if ``directed``), with a ``direction`` column.

    Which events are the dyad's is the one dyad rule, :func:`detente.actors.dyads.dyad_filter`
    (the event store and ``events list`` use it too): a country's own events stay out
    of an inter-state dyad (``EUR``-``DEU`` has no ``DEUGOV`` -> ``DEUCOP``), and
    ``attrs["domestic_events"]`` counts those left out. Only asserted events
    (:func:`detente.events.modality.asserted_mask`) unless ``include_unasserted``;
    ``attrs["unasserted_events"]`` counts the dyad's events left out.
    """
    rule = dyad_filter(a, b)
    ca, cb = rule.pair
    frame = check_events(events)
    forward, backward, domestic = rule.masks(frame["source"], frame["target"])
    keep = forward if directed else forward | backward
    left_home = int((keep & domestic).sum())
    keep &= ~domestic
    asserted = asserted_mask(frame)
    left_out = int((keep & ~asserted).sum())
    if not include_unasserted:
        keep &= asserted
    out = frame[keep].copy()
    out["direction"] = np.where(forward[keep], f"{ca}->{cb}", f"{cb}->{ca}")
    out = out.sort_values("date", kind="stable")
    out.attrs["unasserted_events"] = 0 if include_unasserted else left_out
    out.attrs["domestic_events"] = left_home
    return out


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's period (``freq`` one of :data:`FREQUENCIES`)."""
    return pd.to_datetime(dates).dt.to_period(period_alias(freq)).dt.start_time


def period_label(period: pd.Timestamp, freq: str | None) -> str:
    """A period as people write it: ``2025``, ``2025-Q1``, ``2025-02``; a day or a week by its first day (a month when ``freq`` is None).

    >>> period_label(pd.Timestamp("2025-04-01"), "quarter")
    '2025-Q2'
    """
    if freq == "year":
        return f"{period:%Y}"
    if freq == "quarter":
        return f"{period.year}-Q{(period.month - 1) // 3 + 1}"
    if freq in ("day", "week"):
        return f"{period:%Y-%m-%d}"
    return f"{period:%Y-%m}"


def period_alias(freq: str) -> str:
    """The pandas period alias of a frequency name; InputError for an unknown one."""
    if freq not in FREQUENCIES:
        raise InputError(f"unknown frequency '{freq}'", field="freq", hint=f"one of {', '.join(FREQUENCIES)}")
    return FREQUENCIES[freq]


def _grid(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    periods = pd.period_range(first.to_period(period_alias(freq)), last.to_period(period_alias(freq)), freq=period_alias(freq))
    return pd.DatetimeIndex(periods.start_time, name="period")


def _counts(dyad: pd.DataFrame, grid: pd.DatetimeIndex, freq: str) -> pd.DataFrame:
    """Per-period counts and sums on the full grid (empty periods are zero)."""
    wide = pd.DataFrame(0.0, index=grid, columns=[*COUNT_MEASURES, "_scored"])
    if dyad.empty:
        return wide
    period = period_start(dyad["date"], freq)
    grouped = dyad.assign(period=period).groupby("period")
    wide.loc[:, "events"] = grouped.size().reindex(grid, fill_value=0).astype(float)
    for quad, name in _QUAD_MEASURE.items():
        wide.loc[:, name] = (dyad["quad"] == quad).groupby(period).sum().reindex(grid, fill_value=0).astype(float)
    wide.loc[:, "goldstein_sum"] = grouped["goldstein"].sum(min_count=1).reindex(grid).fillna(0.0)
    # events without a Goldstein weight do not dilute the mean
    wide["_scored"] = dyad["goldstein"].notna().groupby(period).sum().reindex(grid, fill_value=0).astype(float)
    return wide


def _finish(wide: pd.DataFrame) -> pd.DataFrame:
    """Derive cooperation/conflict and the ratio measures from the per-quad counts and sums."""
    wide["cooperation"] = wide["verbal_coop"] + wide["material_coop"]
    wide["conflict"] = wide["verbal_conflict"] + wide["material_conflict"]
    wide["net_coop_count"] = wide["cooperation"] - wide["conflict"]
    scored = wide["_scored"]
    wide["goldstein_mean"] = (wide["goldstein_sum"] / scored).where(scored > 0)
    both = wide["cooperation"] + wide["conflict"]
    wide["net_coop"] = (wide["net_coop_count"] / both).where(both > 0)
    return wide


def series_wide(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    freq: Frequency = "month",
    directed: bool = False,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    smooth: Literal["rolling", "ewm"] | None = None,
    window: int = 3,
    coarse: Literal["keep", "drop"] = "keep",
    include_unasserted: bool = False,
) -> pd.DataFrame:
    """The dyad's measures as a wide frame indexed by period start (see :func:`dyad_series`).

    With ``smooth`` set, the values are the smoothed ones.
    """
    period_alias(freq)  # validates the frequency
    if window < 1:
        raise InputError(f"window must be at least 1, got {window}", field="window", hint="give a number of periods")
    if smooth not in (None, "rolling", "ewm"):
        raise InputError(f"unknown smoothing '{smooth}'", field="smooth", hint="one of: rolling, ewm")
    if coarse not in ("keep", "drop"):
        raise InputError(f"unknown coarse-date policy '{coarse}'", field="coarse", hint="one of: keep, drop")
    dyad = dyad_events(events, a, b, directed=directed, include_unasserted=include_unasserted)
    unasserted = dyad.attrs.get("unasserted_events", 0)
    domestic = dyad.attrs.get("domestic_events", 0)
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    if lo is not None and hi is not None and lo > hi:
        raise InputError(f"start {lo.date()} is after end {hi.date()}", field="since", hint="swap the dates")
    if lo is not None:
        dyad = dyad[dyad["date"] >= lo]
    if hi is not None:
        dyad = dyad[dyad["date"] <= hi]
    coarse_mask = _coarser_than(dyad, freq)
    n_coarse = int(coarse_mask.sum())
    if coarse == "drop":
        dyad = dyad[~coarse_mask]
    if lo is None and hi is None and dyad.empty:
        grid = pd.DatetimeIndex([], name="period")
    else:
        first = lo if lo is not None else dyad["date"].min()
        last = hi if hi is not None else dyad["date"].max()
        if pd.isna(first) or pd.isna(last):
            first = last = lo if lo is not None else hi
        grid = _grid(pd.Timestamp(first), pd.Timestamp(last), freq)
    wide = _counts(dyad, grid, freq)
    if smooth == "rolling":
        wide = wide.rolling(window, min_periods=1).mean()
    elif smooth == "ewm":
        wide = wide.ewm(span=window, adjust=True).mean()
    wide = _finish(wide).drop(columns="_scored")[list(MEASURES)]
    wide.attrs["coarse_events"] = n_coarse
    wide.attrs["n_events"] = int(len(dyad))
    wide.attrs["unasserted_events"] = unasserted
    wide.attrs["domestic_events"] = domestic
    return wide


def _coarser_than(dyad: pd.DataFrame, freq: str) -> pd.Series:
    if "date_precision" not in dyad.columns or dyad.empty:
        return pd.Series(False, index=dyad.index)
    coarser = [name for name, rank in _PRECISION_RANK.items() if rank > _PRECISION_RANK[freq]]
    return dyad["date_precision"].isin(coarser)


def dyad_series(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    freq: Frequency = "month",
    directed: bool = False,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    smooth: Literal["rolling", "ewm"] | None = None,
    window: int = 3,
    coarse: Literal["keep", "drop"] = "keep",
    include_unasserted: bool = False,
) -> pd.DataFrame:
    """The dyad ``a``-``b`` as a tidy series: one row per (period, measure).

    Parameters
    ----------
    events
        Event frame with :data:`~detente.events.schema.EVENT_COLUMNS` (at least
        date, source, target, quad, goldstein; date_precision is used if present).
    a, b
        Actor codes or names (see the module docstring for roles and groups).
    freq
        ``day``, ``week`` (Monday-Sunday), ``month``, ``quarter`` or ``year``;
        periods are labelled by their first day.
    directed
        Only events from ``a`` to ``b``; otherwise both directions.
    start, end
        Keep events in [start, end]; the period grid then spans exactly these dates,
        otherwise it spans the dyad's first to last event. Empty periods are kept
        (counts 0, ratios NaN).
    smooth, window
        Optional trailing rolling mean or EWMA over ``window`` periods; see the
        module docstring. Raw values stay in ``value``, smoothed ones go to ``smoothed``.
    coarse
        What to do with events dated more coarsely than ``freq``.
    include_unasserted
        Also count events that do not assert their act took place (negated, "may
        attack", conditional, reported by someone else); by default they are left out
        (:mod:`detente.events.modality`) and counted in ``attrs["unasserted_events"]``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SERIES_COLUMNS`; ``attrs`` holds ``n_events``, ``coarse_events``
        ``unasserted_events`` and ``domestic_events``.

    Examples
    --------
    >>> from detente.cases.timeline import timeline_frame
    >>> s = dyad_series(timeline_frame(), "USA", "RUS", freq="month", start="2025-01-01", end="2025-05-31")
    >>> s[(s.measure == "events")].set_index("period")["value"].astype(int).tolist()
    [1, 4, 0, 0, 3]
    """
    kwargs = dict(freq=freq, directed=directed, start=start, end=end, coarse=coarse, include_unasserted=include_unasserted)
    raw = series_wide(events, a, b, **kwargs)  # type: ignore[arg-type]
    smoothed = series_wide(events, a, b, smooth=smooth, window=window, **kwargs) if smooth else None  # type: ignore[arg-type]
    ca, cb = lookup(a), lookup(b)
    long = raw.reset_index().melt(id_vars="period", var_name="measure", value_name="value")
    if smoothed is not None:
        sm = smoothed.reset_index().melt(id_vars="period", var_name="measure", value_name="smoothed")
        long = long.merge(sm, on=["period", "measure"], how="left")
    else:
        long["smoothed"] = np.nan
    long["measure"] = pd.Categorical(long["measure"], categories=list(MEASURES), ordered=True)
    long = long.sort_values(["period", "measure"], kind="stable").reset_index(drop=True)
    long["measure"] = long["measure"].astype(str)
    long.insert(0, "dyad", f"{ca}->{cb}" if directed else f"{ca}-{cb}")
    long.insert(1, "source", ca)
    long.insert(2, "target", cb)
    long.insert(3, "directed", directed)
    long.insert(4, "freq", freq)
    long = long[list(SERIES_COLUMNS)]
    long.attrs.update(raw.attrs)
    return long


def to_wide(series: pd.DataFrame, column: Literal["value", "smoothed"] = "value") -> pd.DataFrame:
    """Pivot a tidy :func:`dyad_series` result to one column per measure, indexed by period."""
    wide = series.pivot_table(index="period", columns="measure", values=column, aggfunc="first", dropna=False)
    return wide.reindex(columns=[m for m in MEASURES if m in wide.columns])
