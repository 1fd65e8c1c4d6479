"""Plots of forecasts: per issue, each model's forecast distribution beside the actors' positions.

matplotlib is optional (`pip install 'detente[plot]'`); it is imported inside the
functions, with the Agg backend, so the rest of detente never needs it. Files go
through `detente.files`: the path is checked first (a .png, .svg or .pdf suffix, an
existing directory), then written atomically with normal permissions.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from detente.files import atomic_path, check_output
from detente.optional import pyplot
from detente.report.palette import actor_colours, model_colours

if TYPE_CHECKING:
    from detente.bargaining.forecast import Forecast
    from detente.bargaining.scenario import Scenario

MAX_ACTOR_ROWS = 10
"""Above this many actors, the plot shows all positions on one row (dot area ~ capability x salience)."""
MODEL_NAMES = {"expected_utility": "exp. utility", "nash": "Nash", "smp": "SMP"}


PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def _check_target(path: str | Path) -> Path:
    return check_output(path, flag="--plot", suffixes=PLOT_SUFFIXES)


def save_figure(fig: Any, path: str | Path) -> Path:
    """Save a matplotlib figure atomically with normal permissions; the format follows the suffix."""
    target = _check_target(path)
    with atomic_path(target) as tmp:
        fig.savefig(tmp, format=target.suffix.lstrip(".").lower(), dpi=120)
    return target


def _violin(ax: Any, draws: Any, y: float) -> Any:
    """A horizontal violin (matplotlib >= 3.10 spells it `orientation`, older versions `vert`)."""
    try:
        return ax.violinplot([draws], positions=[y], orientation="horizontal", widths=0.8, showextrema=False)
    except TypeError:
        return ax.violinplot([draws], positions=[y], vert=False, widths=0.8, showextrema=False)


def plot_forecast(forecast: "Forecast", scenario: "Scenario", path: str | Path) -> Path:
    """Draw one panel per issue: each model's draws (violin), median and 80% interval, actor positions, status quo.

    Parameters
    ----------
    forecast
        The Monte Carlo forecast to draw.
    scenario
        The scenario it was run on (for issue names, anchors, actor positions and ranges).
    path
        Output file; the format follows the extension (.png, .svg, .pdf).
    """
    path = _check_target(path)
    plt = pyplot()
    models = forecast.models
    issues = list(scenario.issues)
    n_models = len(models)
    actor_codes = scenario.actor_codes
    pos_low = scenario.stance_array("position", "low")
    pos_mode = scenario.stance_array("position", "mode")
    pos_high = scenario.stance_array("position", "high")
    many = len(actor_codes) > MAX_ACTOR_ROWS
    cap = scenario.capability_array("mode")
    sal_mode = scenario.stance_array("salience", "mode")
    row_h = 0.42 * n_models + 0.26 * (1 if many else len(actor_codes)) + 1.3
    fig, axes = plt.subplots(len(issues), 1, figsize=(10.5, row_h * len(issues) + 0.6), squeeze=False, layout="constrained")
    mcolours, acolours = model_colours(models), actor_colours(actor_codes)
    for k, (issue, ax) in enumerate(zip(issues, axes[:, 0])):
        ys = np.arange(n_models)[::-1].astype(float)
        for model, y in zip(models, ys):
            colour = mcolours[model]
            draws = forecast.outcomes[model][:, k]
            if np.ptp(draws) > 1e-9:
                parts = _violin(ax, draws, y)
                for body in parts["bodies"]:
                    body.set_facecolor(colour)
                    body.set_edgecolor("none")
                    body.set_alpha(0.3)
            lo, med, hi = np.percentile(draws, [10, 50, 90])
            ax.hlines(y, lo, hi, color=colour, lw=3.5, zorder=3)
            ax.plot([med], [y], "o", ms=6.5, mfc="white", mec=colour, mew=2, zorder=4)
        if many:
            # one row for all actors: a dot per actor, its area proportional to capability x salience
            ya_rows = np.array([(n_models - 1) + 1.0])
            w = cap[:, None] * sal_mode[:, k : k + 1]
            size = 8 + 120 * (w[:, 0] / w.max() if w.max() > 0 else np.ones(len(w)))
            ax.scatter(pos_mode[:, k], np.full(len(w), ya_rows[0]), s=size, color="0.2", alpha=0.35, edgecolor="none", zorder=4)
            tick_labels = [f"actors ({len(actor_codes)})"]
            tick_colours = ["0.2"]
        else:
            # one thin row per actor above the models: modal position (diamond) and range
            ya_rows = (n_models - 1) + 0.9 + 0.5 * np.arange(len(actor_codes))[::-1]
            for a, ya in enumerate(ya_rows):
                colour = acolours[actor_codes[a]]
                x = pos_mode[a, k]
                ax.axvline(x, color=colour, lw=0.7, ls=":", alpha=0.55, zorder=1)
                ax.hlines(ya, pos_low[a, k], pos_high[a, k], color=colour, lw=1.2, alpha=0.7)
                ax.plot([x], [ya], marker="D", ms=5, color=colour, zorder=4)
            tick_labels = list(actor_codes)
            tick_colours = [acolours[actor_codes[a]] for a in range(len(actor_codes))]
        ax.axhline((n_models - 1) + 0.6, color="0.8", lw=0.6)
        sq = issue.status_quo.mode
        ax.axvline(sq, color="0.45", lw=1.3, ls="--", zorder=1)
        ax.annotate("status quo", (sq, -0.62), xytext=(3, 0), textcoords="offset points", fontsize=7, color="0.35", va="center")
        ax.set_ylim(-0.8, ya_rows.max() + 0.35)
        ax.set_xlim(-2, 102)
        ax.set_yticks([*ys, *ya_rows])
        ax.set_yticklabels([*(MODEL_NAMES.get(m, m) for m in models), *tick_labels], fontsize=8)
        for tick, colour in zip(ax.get_yticklabels()[n_models:], tick_colours):
            tick.set_color(colour)
            tick.set_fontweight("bold")
        ax.set_xticks(list(issue.anchors))
        ax.set_xticklabels([f"{a:g}: " + "\n".join(textwrap.wrap(lbl, 24)) for a, lbl in issue.anchors.items()], fontsize=6.3, linespacing=0.95)
        ax.set_title(f"{issue.name}", loc="left", fontsize=10, weight="bold")
        ax.grid(axis="x", color="0.9", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    variant = f", variant: {forecast.variant}" if forecast.variant else ""
    fig.suptitle(
        f"{scenario.title}{variant}\nmedian (o) and 80% interval (bar) of {forecast.draws} draws per model; "
        f"actors' positions ({'dots sized by capability x salience' if many else 'diamond: mode, line: range'}); seed {forecast.seed}, inputs sha256 {forecast.input_hash[:12]}",
        fontsize=9.5,
        x=0.01,
        ha="left",
    )
    fig.get_layout_engine().set(h_pad=0.12)
    try:
        return save_figure(fig, path)
    finally:
        plt.close(fig)


def plot_plans(results: list[Any], scenario: "Scenario", path: str | Path, *, title: str | None = None) -> Path:
    """A plan-by-actor map of verdicts: colour = margin over the status quo, text = margin and P(accept); support beside.

    Parameters
    ----------
    results
        `PlanResult`s from `detente.bargaining.plans.evaluate_plans` (ranked).
    scenario
        The scenario they were tested on (for actor order and the title).
    path
        Output file (.png, .svg, .pdf).
    """
    path = _check_target(path)
    plt = pyplot()
    actors = scenario.actor_codes
    margin = np.array([[r.verdict(a).margin for a in actors] for r in results])
    p_accept = np.array([[r.verdict(a).p_accept for a in actors] for r in results])
    limit = max(5.0, float(np.abs(margin).max()))
    height = 0.62 * len(results) + 1.7
    fig, (ax, bx) = plt.subplots(
        1, 2, figsize=(2.6 + 1.05 * len(actors) + 2.4, height), gridspec_kw={"width_ratios": [len(actors), 2.2]}, layout="constrained"
    )
    im = ax.imshow(margin, cmap="RdBu", vmin=-limit, vmax=limit, aspect="auto")
    for i in range(len(results)):
        for j in range(len(actors)):
            dark = abs(margin[i, j]) > 0.6 * limit
            ax.text(j, i, f"{margin[i, j]:+.0f}\n{p_accept[i, j]:.0%}", ha="center", va="center", fontsize=7.5, color="white" if dark else "0.1")
    ax.set_xticks(range(len(actors)))
    ax.set_xticklabels(actors, fontsize=9, weight="bold")
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(results)))
    ax.set_yticklabels([textwrap.fill(r.title, 36) for r in results], fontsize=8.2, linespacing=0.95)
    cbar = fig.colorbar(im, ax=ax, location="bottom", shrink=0.6, pad=0.02)
    cbar.set_label("margin over the status quo (salience-weighted scale points); text: margin and share of draws accepting", fontsize=7.5)
    ys = np.arange(len(results))
    bx.barh(ys, [r.support for r in results], color="#4a7ab5", height=0.55, label="support (capability-weighted)")
    bx.barh(ys, [r.unanimity for r in results], color="#1b3d66", height=0.25, label="all accept")
    bx.set_ylim(len(results) - 0.5, -0.5)
    bx.set_xlim(0, 1)
    bx.set_yticks([])
    bx.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    bx.tick_params(labelsize=7.5)
    for y, r in zip(ys, results):
        bx.text(r.support + 0.02, y, f"{r.support:.0%}", va="center", fontsize=7.5)
    bx.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, ncol=1)
    for side in ("top", "right"):
        bx.spines[side].set_visible(False)
    fig.suptitle(title or f"{scenario.title}: which plans each actor accepts", fontsize=10, x=0.01, ha="left")
    try:
        return save_figure(fig, path)
    finally:
        plt.close(fig)
