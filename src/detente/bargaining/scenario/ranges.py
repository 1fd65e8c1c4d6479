"""Every uncertain input of a scenario as flat low/mode/high vectors with their names.

Monte Carlo, sensitivity analysis and lever search all need the same view of a
scenario: one row per input (each actor's capability, each issue's status quo, each
actor's position and salience on each issue) with its triangular range and its
field path. `InputRanges` is that view, built once by `Scenario.ranges()`.

Layout of the flat vector (P = N + K + 2 N K inputs, N actors, K issues), in blocks:
capabilities (N), status quo (K), positions (N x K, actor-major), saliences (N x K).
The names are the field paths that error messages and variant patches use:
``actors.USA.capability``, ``issues.territory.status_quo``,
``positions.RUS.territory.position``, ``positions.RUS.territory.salience``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.scenario.inputs import BOUNDS

KINDS = ("capability", "status_quo", "position", "salience")
"""The four kinds of input, in the order of their blocks in the flat vector."""


@dataclass(frozen=True)
class InputRanges:
    """Low, mode and high of every input as flat (P,) vectors, with names and kinds."""

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    low: NDArray[np.float64]
    mode: NDArray[np.float64]
    high: NDArray[np.float64]

    @property
    def n_inputs(self) -> int:
        return len(self.low)

    @property
    def names(self) -> list[str]:
        """Field path of each input, in the flat order."""
        a, i = self.actors, self.issues
        return (
            [f"actors.{c}.capability" for c in a]
            + [f"issues.{k}.status_quo" for k in i]
            + [f"positions.{c}.{k}.position" for c in a for k in i]
            + [f"positions.{c}.{k}.salience" for c in a for k in i]
        )

    @property
    def kinds(self) -> list[str]:
        n, k = len(self.actors), len(self.issues)
        return ["capability"] * n + ["status_quo"] * k + ["position"] * (n * k) + ["salience"] * (n * k)

    def block(self, kind: str) -> slice:
        """The slice of the flat vector holding one kind of input."""
        n, k = len(self.actors), len(self.issues)
        sizes = {"capability": n, "status_quo": k, "position": n * k, "salience": n * k}
        start = 0
        for name in KINDS:
            if name == kind:
                return slice(start, start + sizes[name])
            start += sizes[name]
        raise KeyError(kind)

    def index(self, name: str) -> int:
        """Position of an input (by field path) in the flat vector."""
        return self.names.index(name)

    @property
    def varying(self) -> NDArray[np.bool_]:
        """(P,) True where the input has a range (low < high), False for point values."""
        return self.high > self.low

    def bounds(self) -> list[tuple[float, float]]:
        """The valid range of each input's kind (positions 0-100, salience 0-1, ...)."""
        return [BOUNDS[k] for k in self.kinds]

    def split(self, x: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        """(D, P) flat rows -> positions (D, N, K), salience (D, N, K), capability (D, N), status quo (D, K)."""
        x = np.asarray(x, dtype=float)
        d = x.shape[0]
        n, k = len(self.actors), len(self.issues)
        return (
            x[:, self.block("position")].reshape(d, n, k),
            x[:, self.block("salience")].reshape(d, n, k),
            x[:, self.block("capability")],
            x[:, self.block("status_quo")],
        )

    def join(self, positions: NDArray[np.float64], salience: NDArray[np.float64], capability: NDArray[np.float64], status_quo: NDArray[np.float64]) -> NDArray[np.float64]:
        """The inverse of `split`: (D, P) flat rows from the four arrays."""
        d = positions.shape[0]
        return np.concatenate([capability, status_quo, positions.reshape(d, -1), salience.reshape(d, -1)], axis=1)
