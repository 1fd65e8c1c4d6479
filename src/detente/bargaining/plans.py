"""Testing peace plans: would each actor accept a plan, compared with no deal and with the forecast?

Utility
-------
Actor i's utility for a point x in issue space is one minus its salience-weighted
mean distance, on the 0-100 scale, between x and its own positions::

    u_i(x) = 1 - sum_k s_ik |x_ik - x_k| / (100 sum_k s_ik)

(linear loss, as in the expected-utility and compromise literature; an actor with
zero salience everywhere is indifferent, u = 1). So u lies in [0, 1], and
``100 (u_i(a) - u_i(b))`` is how many scale points closer, salience-weighted, point
a is to what i wants than point b: the `margin` reported below.

Acceptance
----------
An actor **accepts** a plan when the plan is at least as good for it as the status
quo, u_i(plan) >= u_i(status quo): the status quo is what it gets if it says no
(the disagreement point of bargaining theory). Every input is uncertain, so the
test runs on each Monte Carlo draw of positions, saliences and status quo; `p_accept`
is the share of draws in which i accepts, and `accepts` the verdict at the modes.
The plan is also set against the forecast (the median of all models' draws pooled):
a positive `margin_vs_forecast` means the actor does better under the plan than
under the outcome the models expect without it.

Ranking
-------
`support` is the capability-weighted share of acceptance, averaged over draws:
mean_d [sum_i c_di 1(i accepts in d) / sum_i c_di]. Plans are ranked by support,
then by `unanimity`, the share of draws in which every actor accepts.

Telling plans apart
-------------------
Two plans with the same mean support can differ in how sure that support is and in
who it hangs on. So each result also carries

* the **spread** of support across draws: its 10th and 90th percentiles
  (`support_p10`, `support_p90`), the same 80% interval the forecasts use;
* the **decisive actor**: the actor whose uncertain acceptance moves support the
  most from draw to draw. With each actor's mean capability share w_i, the support
  that comes from acceptance alone is S_d = sum_i w_i a_di (a = 1 if i accepts in
  draw d), and its variance splits exactly into one term per actor,
  Var(S) = sum_i Cov(w_i a_i, S) (the covariance decomposition used for portfolio
  risk contributions). Actor i's `swing` is its share Cov(w_i a_i, S) / Var(S); the
  decisive actor has the largest. An actor whose verdict never changes contributes
  nothing, however heavy it is; an actor that accepts in half the draws and carries
  much capability decides the plan. When no verdict varies, no actor decides
  (`decisive` is None) and the spread comes from uncertain capabilities alone.

Choices
-------
* Linear loss and the status quo as the disagreement point (above); a plan that
  leaves an issue out keeps its status quo there (see `ad_hoc_plan` in
  `detente.bargaining.study`).
* The tie tolerance 1e-12 counts an actor indifferent between plan and status quo
  as accepting.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, forecast_inputs, mode_inputs
from detente.bargaining.scenario import SCALE, Scenario
from detente.errors import ScenarioError

if TYPE_CHECKING:
    from detente.bargaining.forecast import Forecast


def utility(positions: NDArray[np.float64], salience: NDArray[np.float64], point: NDArray[np.float64]) -> NDArray[np.float64]:
    """u_i(x) for positions/salience (..., N, K) and point (..., K) -> (..., N); see the module docstring."""
    span = SCALE[1] - SCALE[0]
    dist = np.abs(positions - point[..., None, :]) / span
    total = salience.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (salience * dist).sum(axis=-1) / total
    return 1.0 - np.where(total > 0, mean, 0.0)


@dataclass(frozen=True)
class ActorVerdict:
    """One actor's view of one plan."""

    actor: str
    utility_plan: float
    utility_status_quo: float
    utility_forecast: float | None
    accepts: bool
    p_accept: float
    swing: float = 0.0
    """Share of the draw-to-draw variance of the plan's support due to this actor (module docstring)."""

    @property
    def margin(self) -> float:
        """Scale points (salience-weighted) the plan is closer to the actor than the status quo; >= 0 accepts."""
        return 100.0 * (self.utility_plan - self.utility_status_quo)

    @property
    def margin_vs_forecast(self) -> float | None:
        if self.utility_forecast is None:
            return None
        return 100.0 * (self.utility_plan - self.utility_forecast)

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "margin": self.margin, "margin_vs_forecast": self.margin_vs_forecast}


@dataclass(frozen=True)
class PlanResult:
    """A plan tested against every actor."""

    plan: str
    title: str
    point: dict[str, float]
    verdicts: tuple[ActorVerdict, ...]
    support: float
    unanimity: float
    support_p10: float = float("nan")
    support_p90: float = float("nan")
    decisive: str | None = None
    """The actor with the largest `swing`: whose acceptance flips support the most (None if support never varies)."""

    @property
    def accepted_by(self) -> list[str]:
        return [v.actor for v in self.verdicts if v.accepts]

    @property
    def rejected_by(self) -> list[str]:
        return [v.actor for v in self.verdicts if not v.accepts]

    def verdict(self, actor: str) -> ActorVerdict:
        for v in self.verdicts:
            if v.actor == actor:
                return v
        raise KeyError(actor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "title": self.title,
            "point": self.point,
            "support": self.support,
            "support_p10": self.support_p10,
            "support_p90": self.support_p90,
            "unanimity": self.unanimity,
            "decisive": self.decisive,
            "accepted_by": self.accepted_by,
            "rejected_by": self.rejected_by,
            "actors": [v.to_dict() for v in self.verdicts],
        }


def _support_by_draw(cap: NDArray[np.float64], accept: NDArray[np.bool_]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Capability-weighted support per draw (D,), and each actor's swing (N,): its share of the acceptance variance.

    Draws where every capability is zero count each actor equally. The swings sum to 1
    when some verdict varies across draws; all zero when none does.
    """
    total = cap.sum(axis=1, keepdims=True)
    n = cap.shape[1]
    w = np.where(total > 0, cap / np.where(total > 0, total, 1.0), 1.0 / n)  # (D, N) capability shares
    per_draw = (w * accept).sum(axis=1)
    part = w.mean(axis=0) * accept  # (D, N): acceptance at each actor's mean weight
    dev = part.sum(axis=1) - part.sum(axis=1).mean()
    var = float(np.mean(dev**2))
    if var <= 1e-12:
        return per_draw, np.zeros(n)
    cov = ((part - part.mean(axis=0)) * dev[:, None]).mean(axis=0)
    return per_draw, cov / var


def evaluate_plans(
    scenario: Scenario,
    forecast: "Forecast | None" = None,
    *,
    plans: list[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> list[PlanResult]:
    """Test each plan against each actor, ranked by capability-weighted acceptance.

    Parameters
    ----------
    scenario
        The scenario (with a variant applied, if any) whose `plans` are tested.
    forecast
        If given, each actor's utility under the plan is also compared with its
        utility at the forecast (the pooled median of all models); its draws are
        reused so plan tests share the forecast's random inputs. A forecast of other
        inputs (another variant or case) is refused with ScenarioError.
    plans
        Plan names to test (default: all).
    """
    if not scenario.plans:
        raise ScenarioError("the scenario defines no plans", path=scenario.origin, field="plans", hint="add a `plans:` section (see docs/how-to/test-a-peace-plan.md)")
    names = plans or list(scenario.plans)
    for name in names:
        if name not in scenario.plans:
            raise ScenarioError(f"unknown plan '{name}'", path=scenario.origin, field="plans", hint=f"choose one of: {', '.join(scenario.plans)}")
    mc = forecast_inputs(scenario, forecast, draws=draws, seed=seed)
    modes = mode_inputs(scenario)
    u_sq = utility(mc.positions, mc.salience, mc.status_quo)  # (D, N)
    u_sq_mode = utility(modes.positions, modes.salience, modes.status_quo)[0]
    u_fc = None
    if forecast is not None and forecast.outcomes:
        u_fc = utility(modes.positions, modes.salience, forecast.ensemble()[None])[0]
    cap = mc.capability
    results = []
    for name in names:
        plan = scenario.plans[name]
        x = plan.vector(scenario.issue_ids)
        u_plan = utility(mc.positions, mc.salience, np.broadcast_to(x, mc.status_quo.shape))  # (D, N)
        accept = u_plan >= u_sq - 1e-12
        per_draw, swing = _support_by_draw(cap, accept)
        support = float(per_draw.mean())
        p10, p90 = np.percentile(per_draw, [10.0, 90.0])
        u_plan_mode = utility(modes.positions, modes.salience, x[None])[0]
        verdicts = tuple(
            ActorVerdict(
                actor=code,
                utility_plan=float(u_plan_mode[n]),
                utility_status_quo=float(u_sq_mode[n]),
                utility_forecast=None if u_fc is None else float(u_fc[n]),
                accepts=bool(u_plan_mode[n] >= u_sq_mode[n] - 1e-12),
                p_accept=float(accept[:, n].mean()),
                swing=float(swing[n]),
            )
            for n, code in enumerate(scenario.actor_codes)
        )
        decisive = scenario.actor_codes[int(np.argmax(swing))] if swing.any() else None
        results.append(
            PlanResult(
                plan=name,
                title=plan.title,
                point=dict(zip(scenario.issue_ids, x.tolist())),
                verdicts=verdicts,
                support=support,
                unanimity=float(accept.all(axis=1).mean()),
                support_p10=float(p10),
                support_p90=float(p90),
                decisive=decisive,
            )
        )
    results.sort(key=lambda r: (-r.support, -r.unanimity, r.plan))
    return results
