"""Dittmer's strategic triangle, period by period, from three dyads' relations.

Dittmer (1981, "The Strategic Triangle: An Elementary Game-Theoretical Analysis",
*World Politics* 33(4)) reads a triangle of powers by the sign of each of its three
bilateral ties, amity (+) or enmity (-). The 2^3 sign patterns fall into four shapes:

=====================  =========  =================================================
configuration          signs      roles
=====================  =========  =================================================
menage a trois         + + +      all three on good terms
romantic triangle      + + -      the **pivot** is friends with both **wings**,
                                  who are at odds with each other
stable marriage        + - -      two **partners** are friends, both at odds with
                                  the **pariah**
unit veto              - - -      each at odds with both others
=====================  =========  =================================================

Turning a dyad's period into a sign
-----------------------------------
Each dyad's net cooperation (see :mod:`detente.relations.series`; by default
``net_coop`` = (cooperative - conflictual) / (cooperative + conflictual) events, in
[-1, 1]) is classed

* ``+`` when the value is **above** ``+band``,
* ``-`` when it is **below** ``-band``,
* ``0`` (neutral) when it lies within ``[-band, +band]`` (default ``band = 0.2``:
  at most 60/40 either way), and
* missing when the dyad has fewer than ``min_events`` events in the period.

With ``measure="goldstein_mean"`` a band of about 1.0 Goldstein point is sensible.

One side against the two others
-------------------------------
Each definite shape says who is isolated (:meth:`TriangleShape.reading`, the
``reading`` column): a stable marriage isolates its pariah against an aligned pair;
a romantic triangle gives its pivot leverage over two wings at odds; a unit veto sets
each side against both others; a ménage à trois isolates none. For the US, Russia
and China, the aim of drawing Russia away from China reads as a move out of the
stable marriage RUS+CHN against an isolated USA, towards a romantic triangle with
the US as pivot or a marriage USA+RUS that isolates China.

Neutral and missing ties
------------------------
Dittmer's four shapes need three definite signs. When a tie is neutral the period is
``undetermined``; when a tie has no data it is ``no data``. Neither is forced into a
shape. Instead, when at least one tie is definite, ``candidates`` lists every shape the period could be if each open
tie were read as + or - (``+ + 0`` could be a menage a trois or a romantic triangle
with a named pivot), so the reader sees what one more piece of evidence would decide.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from detente.actors import lookup
from detente.errors import InputError
from detente.relations.series import Frequency, period_alias, series_wide

MENAGE = "menage a trois"
ROMANTIC = "romantic triangle"
MARRIAGE = "stable marriage"
UNIT_VETO = "unit veto"
UNDETERMINED = "undetermined"
NO_DATA = "no data"
CONFIGURATIONS: tuple[str, ...] = (MENAGE, ROMANTIC, MARRIAGE, UNIT_VETO, UNDETERMINED, NO_DATA)

Sign = Literal[-1, 0, 1] | None


@dataclass(frozen=True)
class TriangleShape:
    """The shape of one triangle in one period.

    ``pivot``/``wings`` are set for a romantic triangle, ``partners``/``pariah`` for a
    stable marriage; ``candidates`` for undetermined or no-data periods.
    """

    configuration: str
    pivot: str | None = None
    wings: tuple[str, str] | None = None
    partners: tuple[str, str] | None = None
    pariah: str | None = None
    candidates: tuple[str, ...] = ()

    def reading(self) -> str | None:
        """Who stands against whom: which side is isolated and which pair is aligned (None when undetermined).

        The triangle's logic is "one side against the two others": in a stable marriage the
        pariah is isolated by an aligned pair; in a romantic triangle the pivot is courted by
        two wings at odds with each other, and each wing risks isolation; in a unit veto each
        side stands against both others; in a ménage à trois none is isolated.

        >>> classify(("USA", "RUS", "CHN"), {("USA", "RUS"): -1, ("RUS", "CHN"): 1, ("USA", "CHN"): -1}).reading()
        'USA isolated: RUS and CHN aligned against it'
        """
        if self.configuration == MENAGE:
            return "no side isolated: all three on good terms"
        if self.configuration == ROMANTIC and self.wings:
            return f"{self.pivot} pivots: courted by {self.wings[0]} and {self.wings[1]}, who are at odds"
        if self.configuration == MARRIAGE and self.partners:
            return f"{self.pariah} isolated: {self.partners[0]} and {self.partners[1]} aligned against it"
        if self.configuration == UNIT_VETO:
            return "each side against the two others: no pair aligned"
        return None

    def describe(self) -> str:
        """A short phrase: ``romantic triangle (pivot RUS)``."""
        if self.configuration == ROMANTIC:
            return f"{ROMANTIC} (pivot {self.pivot})"
        if self.configuration == MARRIAGE and self.partners:
            return f"{MARRIAGE} ({self.partners[0]}+{self.partners[1]}, pariah {self.pariah})"
        return self.configuration


def _key(x: str, y: str) -> frozenset[str]:
    return frozenset((x, y))


def _definite(actors: tuple[str, str, str], signs: Mapping[frozenset[str], int]) -> TriangleShape:
    positive = [d for d, s in signs.items() if s > 0]
    if len(positive) == 3:
        return TriangleShape(MENAGE)
    if not positive:
        return TriangleShape(UNIT_VETO)
    if len(positive) == 2:
        (negative,) = [d for d, s in signs.items() if s < 0]
        (pivot,) = [x for x in actors if x not in negative]
        wings = tuple(x for x in actors if x in negative)
        return TriangleShape(ROMANTIC, pivot=pivot, wings=(wings[0], wings[1]))
    (couple,) = positive
    (pariah,) = [x for x in actors if x not in couple]
    partners = tuple(x for x in actors if x in couple)
    return TriangleShape(MARRIAGE, partners=(partners[0], partners[1]), pariah=pariah)


def classify(actors: tuple[str, str, str], signs: Mapping[tuple[str, str] | frozenset[str], Sign]) -> TriangleShape:
    """The triangle's configuration from the signs of its three ties.

    Parameters
    ----------
    actors
        The three actors (any labels).
    signs
        For each pair (tuple or frozenset) ``+1`` amity, ``-1`` enmity, ``0`` neutral,
        ``None`` no data.

    Examples
    --------
    >>> classify(("USA", "RUS", "CHN"), {("USA", "RUS"): 1, ("RUS", "CHN"): 1, ("USA", "CHN"): -1}).describe()
    'romantic triangle (pivot RUS)'
    """
    if len(set(actors)) != 3:
        raise InputError(f"a triangle needs three different actors, got {actors}", field="actors", hint="name three actors")
    normal: dict[frozenset[str], Sign] = {}
    for pair, sign in signs.items():
        normal[frozenset(pair)] = None if sign is None or (isinstance(sign, float) and np.isnan(sign)) else int(np.sign(sign))
    pairs = [_key(x, y) for x, y in itertools.combinations(actors, 2)]
    missing = [p for p in pairs if p not in normal]
    if missing:
        raise InputError(
            f"no sign for {', '.join('-'.join(sorted(p)) for p in missing)}", field="signs", hint="give a sign (or None) for all three ties"
        )
    values = {p: normal[p] for p in pairs}
    open_ties = [p for p, s in values.items() if s is None or s == 0]
    if not open_ties:
        return _definite(actors, values)  # type: ignore[arg-type]
    candidates: list[str] = []
    if len(open_ties) == 3:  # nothing known: every shape is possible, so list none
        status = NO_DATA if any(values[p] is None for p in open_ties) else UNDETERMINED
        return TriangleShape(status)
    for fill in itertools.product((1, -1), repeat=len(open_ties)):
        filled = {**values, **dict(zip(open_ties, fill))}
        text = _definite(actors, filled).describe()  # type: ignore[arg-type]
        if text not in candidates:
            candidates.append(text)
    status = NO_DATA if any(values[p] is None for p in open_ties) else UNDETERMINED
    return TriangleShape(status, candidates=tuple(candidates))


def sign_of(value: float, n_events: float, *, band: float, min_events: int) -> Sign:
    """A tie's sign from its measure: + above ``band``, - below ``-band``, 0 within, None if too few events."""
    if n_events < min_events or value is None or np.isnan(value):
        return None
    if value > band:
        return 1
    if value < -band:
        return -1
    return 0


DEFAULT_BAND: dict[str, float] = {"net_coop": 0.2, "goldstein_mean": 1.0}
"""The neutral band a user gets when they name none, per measure (net cooperation runs -1..1, Goldstein -10..10)."""

TRIANGLE_COLUMNS: tuple[str, ...] = ("period", "configuration", "pivot", "wings", "partners", "pariah", "candidates", "shape", "reading")


def triangle_series(
    events: pd.DataFrame,
    a: str,
    b: str,
    c: str,
    *,
    freq: Frequency = "quarter",
    measure: Literal["net_coop", "goldstein_mean"] = "net_coop",
    band: float = 0.2,
    min_events: int = 1,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    include_unasserted: bool = False,
) -> pd.DataFrame:
    """The triangle ``a``-``b``-``c`` classified per period (asserted events only unless ``include_unasserted``).

    Returns one row per period from the first to the last event of any of the three
    dyads (or ``start``..``end``): :data:`TRIANGLE_COLUMNS`, then for each dyad
    ``X-Y`` its value, event count and sign (``X-Y``, ``X-Y n``, ``X-Y sign``).
    ``attrs`` records the measure, band and minimum events used, and ``domestic_events`` the
    ties whose one-country events the dyad rule left out (:mod:`detente.actors.dyads`), with counts.
    """
    if measure not in ("net_coop", "goldstein_mean"):
        raise InputError(f"unknown triangle measure '{measure}'", field="measure", hint="one of: net_coop, goldstein_mean")
    if band < 0:
        raise InputError("the neutral band must be >= 0", field="band", hint="give a band such as 0.2")
    actors = tuple(lookup(x) for x in (a, b, c))
    if len(set(actors)) != 3:
        raise InputError(f"a triangle needs three different actors, got {', '.join(actors)}", field="actors", hint="name three actors")
    pairs = list(itertools.combinations(actors, 2))
    series = {p: series_wide(events, *p, freq=freq, start=start, end=end, include_unasserted=include_unasserted) for p in pairs}
    grid = sorted(set().union(*(s.index for s in series.values())))
    if grid:
        full = pd.period_range(min(grid), max(grid), freq=period_alias(freq)).start_time
        grid = list(full)
    rows = []
    for period in grid:
        signs: dict[frozenset[str], Sign] = {}
        row: dict[str, object] = {"period": period}
        for p in pairs:
            label = f"{p[0]}-{p[1]}"
            s = series[p]
            value = float(s.at[period, measure]) if period in s.index else float("nan")
            n = float(s.at[period, "events"]) if period in s.index else 0.0
            signs[frozenset(p)] = sign_of(value, n, band=band, min_events=min_events)
            row[label] = value
            row[f"{label} n"] = int(n)
            row[f"{label} sign"] = {1: "+", -1: "-", 0: "0", None: ""}[signs[frozenset(p)]]
        shape = classify(actors, signs)  # type: ignore[arg-type]
        row.update(
            configuration=shape.configuration,
            pivot=shape.pivot,
            wings="/".join(shape.wings) if shape.wings else None,
            partners="+".join(shape.partners) if shape.partners else None,
            pariah=shape.pariah,
            candidates="; ".join(shape.candidates) if shape.candidates else None,
            shape=shape.describe(),
            reading=shape.reading(),
        )
        rows.append(row)
    dyad_cols = [col for p in pairs for col in (f"{p[0]}-{p[1]}", f"{p[0]}-{p[1]} n", f"{p[0]}-{p[1]} sign")]
    frame = pd.DataFrame(rows, columns=[*TRIANGLE_COLUMNS, *dyad_cols])
    for column in ("pivot", "wings", "partners", "pariah", "candidates", "reading"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame.attrs.update(measure=measure, band=band, min_events=min_events, freq=freq, actors=actors)
    frame.attrs["domestic_events"] = {f"{p}-{q}": s.attrs.get("domestic_events", 0) for (p, q), s in series.items() if s.attrs.get("domestic_events")}
    return frame


def configuration_spells(triangle: pd.DataFrame) -> pd.DataFrame:
    """Runs of consecutive periods with the same shape: ``start``, ``end``, ``periods``, ``shape``.

    ``end`` is the first day of the spell's last period. Periods with no data break
    a spell and form spells of their own.
    """
    columns = ["start", "end", "periods", "configuration", "shape"]
    if triangle.empty:
        return pd.DataFrame(columns=columns)
    spells = []
    current = None
    for row in triangle.itertuples(index=False):
        if current is not None and current["shape"] == row.shape:
            current["end"] = row.period
            current["periods"] += 1
        else:
            if current is not None:
                spells.append(current)
            current = {"start": row.period, "end": row.period, "periods": 1, "configuration": row.configuration, "shape": row.shape}
    spells.append(current)
    return pd.DataFrame(spells, columns=columns)
