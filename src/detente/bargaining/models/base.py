"""The shared model signature: arrays in, forecast out.

Shapes (D draws, N actors, K issues):

* `positions`  (D, N, K) on the issue scale (0-100 in scenarios);
* `salience`   (D, N, K) in [0, 1];
* `capability` (D, N)    non-negative;
* `status_quo` (D, K)    on the issue scale (the disagreement / reference point).

A model returns `ModelOutput.outcome` (D, K); iterative models also report rounds,
convergence and the trajectory of actor positions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from detente.errors import ModelError


@dataclass(frozen=True)
class ModelInput:
    positions: NDArray[np.float64]
    salience: NDArray[np.float64]
    capability: NDArray[np.float64]
    status_quo: NDArray[np.float64]
    scale: tuple[float, float] = (0.0, 100.0)

    def __post_init__(self) -> None:
        p, s, c, q = self.positions, self.salience, self.capability, self.status_quo
        if p.ndim != 3 or s.shape != p.shape:
            raise ModelError(f"positions and salience must both be (draws, actors, issues); got {p.shape} and {s.shape}")
        if c.shape != p.shape[:2]:
            raise ModelError(f"capability must be (draws, actors) = {p.shape[:2]}; got {c.shape}")
        if q.shape != (p.shape[0], p.shape[2]):
            raise ModelError(f"status_quo must be (draws, issues) = {(p.shape[0], p.shape[2])}; got {q.shape}")

    @property
    def shape(self) -> tuple[int, int, int]:
        d, n, k = self.positions.shape
        return d, n, k

    @classmethod
    def single(
        cls,
        positions: Any,
        salience: Any,
        capability: Any,
        status_quo: Any | None = None,
        scale: tuple[float, float] | None = None,
    ) -> "ModelInput":
        """One draw of one issue from 1-D arrays (handy for tests and small examples).

        `scale` defaults to (0, 100); pass (min, max) for other units.
        """
        p = np.asarray(positions, dtype=float)
        s = np.asarray(salience, dtype=float)
        c = np.asarray(capability, dtype=float)
        q = float(np.median(p)) if status_quo is None else float(status_quo)
        return cls(
            positions=p[None, :, None],
            salience=s[None, :, None],
            capability=c[None, :],
            status_quo=np.array([[q]]),
            scale=scale if scale is not None else (0.0, 100.0),
        )


@dataclass
class ModelOutput:
    outcome: NDArray[np.float64]  # (D, K)
    rounds: NDArray[np.int64] | None = None  # (D, K) or (D,) rounds run
    converged: NDArray[np.bool_] | None = None  # same shape as rounds
    trajectory: NDArray[np.float64] | None = None  # (R+1, N, K) positions per round for draw 0
    extra: dict[str, Any] = field(default_factory=dict)


class Model(Protocol):
    def __call__(self, inputs: ModelInput, **params: Any) -> ModelOutput: ...


MODELS: dict[str, Callable[..., ModelOutput]] = {}
#: Per model with tunable parameters: the values cross-validation chooses among
#: (`detente backtest deu --cv K`); a model's defaults are the values chosen on the DEU
#: III dev half, and its docstring gives the out-of-fold error that choice earned.
TUNING_GRIDS: dict[str, dict[str, tuple[Any, ...]]] = {}
#: Per model: whether it runs when no model is named (and so feeds the pooled "all
#: models" reading). Models tuned on another kind of case (EU law-making) register with
#: default=False: available with `--model`, not run unasked.
DEFAULTS: dict[str, bool] = {}
#: Per model whose work can run in another process: ``submit(inputs, **params)`` hands
#: the work of the call ``model(inputs, **params)`` over ahead of time and returns at
#: once (True if it did), so that it runs while the caller does other work; that model
#: call later collects the result. It never changes a result. The SMP registers one
#: (its prestarted kernel process, `_smp_worker`); a Monte Carlo forecast submits such
#: models' draws first and runs them last (`montecarlo.run_forecast`).
SUBMITTERS: dict[str, Callable[..., bool]] = {}


def register_model(
    name: str, grid: dict[str, tuple[Any, ...]] | None = None, *, default: bool = True
) -> Callable[[Callable[..., ModelOutput]], Callable[..., ModelOutput]]:
    """Decorator: add a model function to `MODELS` under `name` (and its tuning grid, if any);
    `default=False` keeps it out of the models run when none is named."""

    def wrap(fn: Callable[..., ModelOutput]) -> Callable[..., ModelOutput]:
        MODELS[name] = fn
        DEFAULTS[name] = default
        if grid:
            TUNING_GRIDS[name] = {key: tuple(values) for key, values in grid.items()}
        return fn

    return wrap


def register_submitter(name: str) -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    """Decorator: add a model's ahead-of-time hand-over to `SUBMITTERS` under `name`."""

    def wrap(fn: Callable[..., bool]) -> Callable[..., bool]:
        SUBMITTERS[name] = fn
        return fn

    return wrap


def get_model(name: str) -> Callable[..., ModelOutput]:
    """The model function for a name; imports the model modules on first use."""
    from detente.bargaining.models import load_all

    load_all()
    if name not in MODELS:
        import difflib

        near = difflib.get_close_matches(name, list(MODELS), n=3, cutoff=0.5)
        guess = f"did you mean {' or '.join(near)}? " if near else ""
        raise ModelError(f"unknown model '{name}'", hint=f"{guess}choose one of: {', '.join(sorted(MODELS))}")
    return MODELS[name]


def weights(inputs: ModelInput) -> NDArray[np.float64]:
    """Capability x salience, (D, N, K): the weight of each actor on each issue."""
    return inputs.capability[:, :, None] * inputs.salience


def weighted_mean(positions: NDArray[np.float64], w: NDArray[np.float64]) -> NDArray[np.float64]:
    """sum_i w_i x_i / sum_i w_i over actors (axis 1) of (D, N, K) arrays -> (D, K);
    where every weight is zero, the plain mean of the positions."""
    total = w.sum(axis=1)
    plain = positions.mean(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        weighted = (w * positions).sum(axis=1) / total
    return np.where(total > 0, weighted, plain)


def compiled_engine(engine: str, small: bool, purpose: str) -> str:
    """The engine a model with an optional compiled kernel runs: "numpy" or "numba".

    "numpy" always; "numba" always (a clear error naming the `fast` extra when numba is
    missing); "auto" takes numba when it is installed and the call is not `small` (each
    model says what small is: below the size where numba's start-up in a fresh process
    costs more than the kernel saves). The choice depends on the call only, never on
    what ran before, so the same call always runs the same engine.
    """
    if engine == "numpy" or (engine == "auto" and small):
        return "numpy"
    if engine == "auto":
        import importlib.util

        if importlib.util.find_spec("numba") is None:
            return "numpy"
    from detente.optional import require

    require("numba", extra="fast", purpose=purpose)
    return "numba"
