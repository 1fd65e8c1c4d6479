"""Pictures of relations: a dyad series with its shifts, and a triangle's timeline.

matplotlib is optional (the ``plot`` extra): it is imported inside each function,
with the Agg backend, and a missing install raises
:class:`~detente.errors.MissingDependencyError`. Files are written by
:func:`detente.report.plots.save_figure` through :mod:`detente.files` (suffix checked,
a temporary name renamed into place, the normal permissions of a new file), so a failed plot never leaves half a PNG. Whether an
existing file may be replaced is the caller's check (``--force``), made before any work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from detente.errors import InputError
from detente.optional import pyplot
from detente.relations.series import period_label
from detente.relations.shifts import Shift
from detente.report.plots import save_figure

COOP = "#2e7d32"
CONFLICT = "#c62828"
LEVEL = "#1f3b73"
SHAPE_COLOURS = {
    "menage a trois": "#66bb6a",
    "romantic triangle": "#ffb74d",
    "stable marriage": "#64b5f6",
    "unit veto": "#e57373",
    "undetermined": "#d9d9d9",
    "no data": "#ffffff",
}


def _bar_width(index: pd.DatetimeIndex) -> float:
    if len(index) < 2:
        return 20.0
    return float(np.median(np.diff(index.values).astype("timedelta64[D]").astype(float))) * 0.8


class _Axis:
    """Maps periods to x positions: real time, or (for sparse series) one slot per observed period.

    A series where most periods are empty (the built-in timeline spans 2014-2025 but
    most of its events are in 2025) is unreadable on a time axis; it is drawn with one
    equal slot per period that has events, gaps marked, and the caption says so.
    """

    def __init__(self, periods: pd.DatetimeIndex, busy: np.ndarray, freq: str | None) -> None:
        self.periods = periods
        self.freq = freq
        self.compressed = len(periods) > 12 and busy.mean() < 0.5
        self.kept = periods[busy] if self.compressed else periods
        self.slot = {p: i for i, p in enumerate(self.kept)}

    def x(self, periods: pd.Index) -> np.ndarray | pd.DatetimeIndex:
        if not self.compressed:
            return pd.DatetimeIndex(periods)
        return np.array([self.slot[p] for p in periods], dtype=float)

    def mid(self, periods: pd.Index) -> np.ndarray | pd.DatetimeIndex:
        """Where a period's value is drawn: its slot, or the middle of the period on a time axis."""
        if self.compressed:
            return self.x(periods)
        return pd.DatetimeIndex(periods) + pd.Timedelta(days=_bar_width(self.periods) / 1.6)

    def width(self) -> float | pd.Timedelta:
        return 0.7 if self.compressed else _bar_width(self.periods)

    def right_edge(self) -> float | pd.Timestamp:
        if self.compressed:
            return len(self.kept) - 0.5
        return self.periods[-1] + pd.Timedelta(days=_bar_width(self.periods) / 0.8)

    def style(self, axis: Any) -> None:
        if not self.compressed:
            import matplotlib.dates as mdates

            locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
            axis.xaxis.set_major_locator(locator)
            axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            return
        axis.set_xticks(range(len(self.kept)))
        axis.set_xticklabels([period_label(p, self.freq) for p in self.kept], rotation=45, ha="right", fontsize=8)
        axis.set_xlim(-0.6, len(self.kept) - 0.4)

    def gaps(self, axis: Any) -> None:
        """Dotted separators where empty periods were left out."""
        if not self.compressed or len(self.kept) < 2:
            return
        grid = {p: i for i, p in enumerate(self.periods)}
        for k in range(1, len(self.kept)):
            if grid[self.kept[k]] - grid[self.kept[k - 1]] > 1:
                axis.axvline(k - 0.5, color="#999999", linestyle=":", linewidth=0.8)


def plot_dyad(
    wide: pd.DataFrame,
    shifts: list[Shift],
    path: str | Path,
    *,
    title: str,
    measure: str = "goldstein_mean",
    smoothed: pd.DataFrame | None = None,
    caption: str | None = None,
    freq: str | None = None,
) -> Path:
    """Two panels: cooperative (up) and conflictual (down) event counts; the measure with its shifts.

    ``wide`` is :func:`~detente.relations.series.series_wide`'s output. Shifts are
    dashed lines (green warming, red cooling) with the levels before and after as
    grey steps.
    """
    plt = pyplot()
    if wide.empty:
        raise InputError("no events in this dyad and range, nothing to plot", field="--plot", hint="widen --since/--until or check the actor codes")
    index = pd.DatetimeIndex(wide.index)
    ax = _Axis(index, (wide["events"] > 0).to_numpy(), freq)
    shown = wide.loc[ax.kept]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6.4), sharex=True, gridspec_kw={"height_ratios": [1, 1.5]})
    x = ax.x(shown.index)
    align = "center" if ax.compressed else "edge"
    top.bar(x, shown["cooperation"], width=ax.width(), align=align, color=COOP, label="cooperative events")
    top.bar(x, -shown["conflict"], width=ax.width(), align=align, color=CONFLICT, label="conflictual events")
    top.axhline(0, color="black", linewidth=0.6)
    top.set_ylabel("events")
    lim = max(1.0, float(wide[["cooperation", "conflict"]].to_numpy().max())) * 1.2
    top.set_ylim(-lim, lim)
    top.legend(loc="upper left", fontsize=8, frameon=False)
    top.set_title(title, loc="left", fontsize=12, fontweight="bold")

    values = shown[measure]
    mid = ax.mid(shown.index)
    bottom.axhline(0, color="grey", linewidth=0.6)
    # NaN breaks the line, so silent periods are not bridged on a time axis
    bottom.plot(mid, values.to_numpy(), color=LEVEL, marker="o", markersize=4, linewidth=1, label=measure.replace("_", " "))
    if smoothed is not None:
        sm = smoothed.loc[ax.kept, measure]
        bottom.plot(mid, sm.to_numpy(), color=LEVEL, alpha=0.45, linewidth=2.5, label="smoothed")
    observed = values.dropna()
    if len(observed) and shifts:
        levels = [shifts[0].before, *[s.after for s in shifts]]
        starts = [ax.x(observed.index[:1])[0], *[ax.x(pd.DatetimeIndex([s.date]))[0] for s in shifts]]
        edges = [e - 0.5 for e in starts] if ax.compressed else starts
        edges.append(ax.right_edge())
        for k, level in enumerate(levels):
            bottom.hlines(level, edges[k], edges[k + 1], colors="#555555", linewidth=1.6, alpha=0.75,
                          label="level between turns" if k == 0 else None)
    for s in shifts:
        colour = COOP if s.size > 0 else CONFLICT
        at = ax.x(pd.DatetimeIndex([s.date]))[0]
        at = at - 0.5 if ax.compressed else at
        for axis in (top, bottom):
            axis.axvline(at, color=colour, linestyle="--", linewidth=1.3)
        bottom.annotate(
            f"{period_label(s.date, freq)}: {s.before:+.1f} → {s.after:+.1f}",
            xy=(at, max(s.before, s.after)),
            xytext=(-6, 10) if s.size > 0 else (6, 10),
            textcoords="offset points",
            ha="right" if s.size > 0 else "left",
            fontsize=8,
            color=colour,
            fontweight="bold",
        )
    for axis in (top, bottom):
        ax.gaps(axis)
    label = {"goldstein_mean": "mean Goldstein (−10 hostile … +10 cooperative)", "net_coop": "net cooperation (−1 … +1)"}
    bottom.set_ylabel(label.get(measure, measure.replace("_", " ")), fontsize=9)
    if measure == "goldstein_mean":
        bottom.set_ylim(-10.5, 10.5)
    elif measure == "net_coop":
        bottom.set_ylim(-1.15, 1.15)
    bottom.legend(loc="lower right", fontsize=8, frameon=False)
    ax.style(bottom)
    for axis in (top, bottom):
        axis.spines[["top", "right"]].set_visible(False)
        axis.grid(axis="y", alpha=0.25)
    return _finish(plt, fig, path, ax, len(index), caption)


def plot_triangle(triangle: pd.DataFrame, path: str | Path, *, title: str, caption: str | None = None) -> Path:
    """Top: each tie's measure with the neutral band; bottom: the configuration per period (pivot named)."""
    plt = pyplot()
    if triangle.empty:
        raise InputError("no events on any tie in this range, nothing to plot", field="--plot", hint="widen --since/--until or check the actor codes")
    measure, band = triangle.attrs.get("measure", "net_coop"), float(triangle.attrs.get("band", 0.2))
    freq = triangle.attrs.get("freq")
    dyads = [c for c in triangle.columns if c.count("-") == 1 and not c.endswith((" n", " sign"))]
    frame = triangle.set_index("period")
    periods = pd.DatetimeIndex(frame.index)
    busy = (frame[[f"{d} n" for d in dyads]].sum(axis=1) > 0).to_numpy()
    ax = _Axis(periods, busy, freq)
    shown = frame.loc[ax.kept]
    x = ax.x(shown.index)
    mid = ax.mid(shown.index)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 5.8), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
    top.axhspan(-band, band, color="#ececec", label=f"neutral band ±{band:g}")
    top.axhline(0, color="grey", linewidth=0.6)
    markers = ["o", "s", "^"]
    colours = ["#1f3b73", "#8e24aa", "#00897b"]
    offsets = (-0.12, 0.0, 0.12) if ax.compressed else (0, 0, 0)
    for k, dyad in enumerate(dyads):
        xs = x + offsets[k] if ax.compressed else mid
        top.plot(xs, shown[dyad].to_numpy(), marker=markers[k], color=colours[k], linewidth=1.2, markersize=6, label=dyad)
    top.set_ylabel("net cooperation" if measure == "net_coop" else "mean Goldstein", fontsize=9)
    if measure == "net_coop":
        top.set_ylim(-1.2, 1.3)
    top.legend(loc="upper left", fontsize=8, frameon=False, ncol=4)
    top.set_title(title, loc="left", fontsize=12, fontweight="bold")
    width = ax.width()
    short = {"menage a trois": "ménage\nà trois", "romantic triangle": "romantic", "stable marriage": "marriage", "unit veto": "unit\nveto",
             "undetermined": "neutral\ntie", "no data": "no data"}
    for pos, (period, row) in zip(x, shown.iterrows()):
        colour = SHAPE_COLOURS.get(row["configuration"], "#ffffff")
        if ax.compressed:
            left, span = pos - 0.5, 1.0
        else:
            left, span = period, pd.Timedelta(days=width / 0.8)
        bottom.axvspan(left, left + span, color=colour, alpha=0.95, linewidth=0)
        if row["configuration"] == "no data":
            bottom.axvspan(left, left + span, facecolor="none", edgecolor="#cccccc", hatch="///", linewidth=0)
        text = short.get(row["configuration"], "")
        pivot, pariah = row["pivot"], row["pariah"]
        if isinstance(pivot, str) and pivot:
            text += f"\npivot {pivot}"
        elif isinstance(pariah, str) and pariah:
            text += f"\npariah {pariah}"
        if text:
            bottom.text(left + span / 2, 0.5, text, ha="center", va="center", fontsize=7)
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=c, edgecolor="#999999", hatch="///" if n == "no data" else None)
               for n, c in SHAPE_COLOURS.items()]
    bottom.legend(handles, list(SHAPE_COLOURS), loc="upper center", bbox_to_anchor=(0.5, -0.42 if ax.compressed else -0.25),
                  ncol=6, fontsize=7, frameon=False)
    bottom.set_yticks([])
    bottom.set_ylim(0, 1)
    bottom.set_ylabel("shape", fontsize=9)
    if not ax.compressed:
        bottom.set_xlim(periods[0], ax.right_edge())
    for axis in (top, bottom):
        ax.gaps(axis)
        axis.spines[["top", "right"]].set_visible(False)
    ax.style(bottom)
    return _finish(plt, fig, path, ax, len(periods), caption)


def _finish(plt: Any, fig: Any, path: str | Path, ax: Any, n_periods: int, caption: str | None) -> Path:
    """Caption the figure (skipped periods first, then the data source), lay it out, save it, close it."""
    notes = [caption] if caption else []
    if ax.compressed:
        notes.insert(0, "Only periods with events are shown, evenly spaced (dotted lines mark skipped periods; "
                        f"{n_periods - len(ax.kept)} of {n_periods} empty).")
    if notes:
        fig.text(0.01, 0.005, "\n".join(notes), fontsize=7, color="#555555", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.02 + 0.018 * len(notes), 1, 1))
    out = save_figure(fig, path)
    plt.close(fig)
    return out
