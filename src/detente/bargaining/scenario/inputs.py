"""Scenario inputs: the uncertain numbers, where each comes from, and the range each may take.

Each uncertain input is an `Estimate`: a triangular distribution `(low, mode, high)`
(a point value has `low == mode == high`) with its `Source`: a citation (`cite:` a
source id plus a short verbatim `quote:`) or an `estimate:` with the reasoning, or both.
`BOUNDS` gives the valid range of each kind of input. This module depends on nothing
else in the scenario package; everything else depends on it.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

SCALE: tuple[float, float] = (0.0, 100.0)
"""Every issue is a 0-100 scale (anchor labels say what the numbers mean)."""


@dataclass(frozen=True)
class Citation:
    """A source a scenario cites: outlet, author, date, title, and where to find it."""

    id: str
    outlet: str
    title: str
    date: str  # ISO date, a partial date ("2025-05") or "undated"
    author: str | None = None
    url: str | None = None
    path: str | None = None
    note: str | None = None

    def describe(self) -> str:
        """One line: outlet, author, date, title."""
        parts = [self.outlet]
        if self.author:
            parts.append(self.author)
        parts.append(self.date)
        return f"{', '.join(parts)}: \"{self.title}\""


@dataclass(frozen=True)
class Source:
    """Where a number comes from: a cited source with a quote, an estimate's reasoning, or both.

    `external` names a fact from outside the cited sources that the number also rests
    on (a date, a battlefield trend), with where it is from, so that it is never
    presented as sourced by the quote.
    """

    cite: str | None = None
    quote: str | None = None
    estimate: str | None = None
    external: str | None = None

    def describe(self) -> str:
        bits = []
        if self.cite:
            # no square brackets: rich would read "[id]" as markup and drop it
            bits.append(f"{self.cite}: \"{self.quote}\"" if self.quote else self.cite)
        if self.estimate:
            bits.append(f"estimate: {self.estimate}")
        if self.external:
            bits.append(f"external (not in the sources): {self.external}")
        return "; ".join(bits)


@dataclass(frozen=True)
class Estimate:
    """An uncertain number: a triangular distribution (low, mode, high) and its source.

    A point value has low == mode == high (its draws are all equal).
    """

    low: float
    mode: float
    high: float
    source: Source = field(default_factory=Source)

    @classmethod
    def point(cls, value: float, source: Source | None = None) -> "Estimate":
        return cls(float(value), float(value), float(value), source or Source())

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    def shifted(self, by: float, bounds: tuple[float, float]) -> "Estimate":
        lo, hi = bounds
        return dataclasses.replace(
            self,
            low=float(np.clip(self.low + by, lo, hi)),
            mode=float(np.clip(self.mode + by, lo, hi)),
            high=float(np.clip(self.high + by, lo, hi)),
        )

    def scaled(self, by: float, bounds: tuple[float, float]) -> "Estimate":
        lo, hi = bounds
        vals = sorted(float(np.clip(v * by, lo, hi)) for v in (self.low, self.mode, self.high))
        return dataclasses.replace(self, low=vals[0], mode=vals[1], high=vals[2])

    def as_value(self) -> float | list[float]:
        return self.mode if self.is_point else [self.low, self.mode, self.high]



    def widened(self, half: float, bounds: tuple[float, float]) -> "Estimate":
        """A point value as a symmetric triangular range mode +- `half` (clipped); a range is kept.

        The source's reasoning notes the widening, so the widened number stays traceable.
        """
        if not self.is_point or half <= 0:
            return self
        lo, hi = bounds
        note = f"{self.source.estimate or ''} (point widened by +-{half:g})".strip()
        return Estimate(max(lo, self.mode - half), self.mode, min(hi, self.mode + half), dataclasses.replace(self.source, estimate=note))


Target = Literal["capability", "status_quo", "position", "salience"]
BOUNDS: dict[str, tuple[float, float]] = {
    "capability": (0.0, math.inf),
    "status_quo": SCALE,
    "position": SCALE,
    "salience": (0.0, 1.0),
}



def source_dict(s: Source | None) -> dict[str, str] | None:
    if s is None:
        return None
    return {k: v for k, v in dataclasses.asdict(s).items() if v is not None}
