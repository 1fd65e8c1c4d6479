"""The scenario file's shape (layer 1 of validation, pydantic v2).

Every field present, of the right type, numbers within their range (salience in
[0, 1], positions on the 0-100 issue scale, ranges ordered `low <= mode <= high`),
no unknown fields. Our own checks raise a `scenario` error carrying a message and a
fix; `detente.bargaining.scenario.loading` turns any failure into one `ScenarioError`
with the file's line.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from detente.bargaining.scenario.inputs import SCALE

FORMAT_DOC = "docs/reference/scenario-format.md"


def _fail(message: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError("scenario", "{message}", {"message": message, "hint": hint})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceModel(_Strict):
    cite: str | None = None
    quote: str | None = None
    estimate: str | None = None
    external: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "SourceModel":
        if not self.cite and not self.estimate and not self.external:
            raise _fail(
                "a source needs `cite:` (a source id) with a `quote:`, `estimate:` with the reasoning, or `external:` with the outside fact",
                "write `source: {cite: <source id>, quote: \"...\"}` or `source: {estimate: \"<why this number>\"}`",
            )
        if self.cite and not self.quote:
            raise _fail(f"citing '{self.cite}' without a quote", "add `quote:` with the short passage the number rests on")
        return self


def _check_triple(v: Any) -> tuple[float, float, float]:
    """A number or [low, mode, high] -> (low, mode, high), or a PydanticCustomError."""
    if isinstance(v, bool):
        raise _fail(f"expected a number or [low, mode, high], got {v!r}", "write a number such as 50 or a range such as [40, 50, 65]")
    if isinstance(v, (int, float)):
        if not math.isfinite(v):
            raise _fail(f"value {v} is not finite", "write a finite number")
        return float(v), float(v), float(v)
    if isinstance(v, (list, tuple)):
        if len(v) != 3 or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
            raise _fail(f"a range must be three numbers [low, mode, high], got {v!r}", "write [low, mode, high], e.g. [40, 50, 65]")
        lo, mo, hi = (float(x) for x in v)
        if not all(math.isfinite(x) for x in (lo, mo, hi)):
            raise _fail(f"range {v!r} has a value that is not finite", "write finite numbers")
        if not lo <= mo <= hi:
            raise _fail(f"range {v!r} is not ordered low <= mode <= high", "order the range as [low, mode, high]")
        return lo, mo, hi
    raise _fail(f"expected a number or [low, mode, high], got {v!r}", "write a number such as 50 or a range such as [40, 50, 65]")


class EstimateModel(_Strict):
    value: Any
    source: SourceModel

    @field_validator("value", mode="before")
    @classmethod
    def _triple(cls, v: Any) -> tuple[float, float, float]:
        return _check_triple(v)

    def within(self, lo: float, hi: float, what: str, hint: str) -> "EstimateModel":
        low, _, high = self.value
        if low < lo or high > hi:
            shown = f"{self.value[1]:g}" if low == high else "[" + ", ".join(f"{v:g}" for v in self.value) + "]"
            raise _fail(f"{what} {shown} is outside [{_fmt(lo)}, {_fmt(hi)}]", hint)
        return self


def _fmt(x: float) -> str:
    return "inf" if math.isinf(x) else (str(int(x)) if float(x).is_integer() else str(x))


def _position_ok(v: EstimateModel) -> EstimateModel:
    return v.within(*SCALE, "position", "positions are on the issue's 0-100 scale: give a value between 0 and 100 (see the issue's anchors)")


def _salience_ok(v: EstimateModel) -> EstimateModel:
    return v.within(0.0, 1.0, "salience", "salience is a share between 0 and 1 (0: does not care, 1: matters most); divide a 0-100 salience by 100")


def _capability_ok(v: EstimateModel) -> EstimateModel:
    return v.within(0.0, math.inf, "capability", "capability is a non-negative number (relative clout; any common unit)")


class CitationModel(_Strict):
    outlet: str
    title: str
    date: str
    author: str | None = None
    url: str | None = None
    path: str | None = None
    note: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: Any) -> str:
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, (str, int)):
            return str(v)
        raise _fail(f"date {v!r} is neither a date nor text", "write an ISO date (2025-02-20), a month (2025-05) or 'undated'")


class ActorModel(_Strict):
    capability: EstimateModel
    name: str | None = None
    description: str = ""
    custom: bool = False

    @field_validator("capability")
    @classmethod
    def _cap(cls, v: EstimateModel) -> EstimateModel:
        return _capability_ok(v)


class IssueModel(_Strict):
    name: str
    anchors: dict[float, str]
    status_quo: EstimateModel
    description: str = ""

    @field_validator("anchors")
    @classmethod
    def _anchors(cls, v: dict[float, str]) -> dict[float, str]:
        bad = [k for k in v if not SCALE[0] <= k <= SCALE[1]]
        if bad:
            raise _fail(f"anchor {_fmt(bad[0])} is off the 0-100 scale", "label points between 0 and 100")
        if SCALE[0] not in v or SCALE[1] not in v:
            raise _fail("anchors must label both ends of the scale", "add labels for 0 and 100, e.g. {0: \"...\", 50: \"...\", 100: \"...\"}")
        return dict(sorted(v.items()))

    @field_validator("status_quo")
    @classmethod
    def _sq(cls, v: EstimateModel) -> EstimateModel:
        return v.within(*SCALE, "status quo", "the status quo is a point on the issue's 0-100 scale: give a value between 0 and 100")


class StanceModel(_Strict):
    position: EstimateModel
    salience: EstimateModel

    @field_validator("position")
    @classmethod
    def _pos(cls, v: EstimateModel) -> EstimateModel:
        return _position_ok(v)

    @field_validator("salience")
    @classmethod
    def _sal(cls, v: EstimateModel) -> EstimateModel:
        return _salience_ok(v)


class AddActorModel(ActorModel):
    """A variant's new actor: an actor entry plus its code and its stances on the issues."""

    code: str
    positions: dict[str, StanceModel]


class PatchModel(_Strict):
    set: str | None = None
    shift: str | None = None
    scale: str | None = None
    value: Any = None
    by: float | None = None
    source: SourceModel | None = None
    add_actor: AddActorModel | None = None
    remove_actor: str | None = None

    @model_validator(mode="after")
    def _one_op(self) -> "PatchModel":
        ops = [k for k in ("set", "shift", "scale", "add_actor", "remove_actor") if getattr(self, k) is not None]
        if len(ops) != 1:
            raise _fail(
                f"a patch needs exactly one of set/shift/scale/add_actor/remove_actor, got {ops or 'none'}",
                "write e.g. `- {set: positions.USA.sanctions.position, value: 10}` or `- {shift: actors.UKR.capability, by: -10}`",
            )
        if self.set is not None and self.value is None:
            raise _fail("`set` needs a `value`", "add `value: <number or [low, mode, high]>`")
        if self.set is not None:
            object.__setattr__(self, "value", _check_triple(self.value))
        if (self.shift is not None or self.scale is not None) and self.by is None:
            raise _fail("`shift` and `scale` need `by`", "add `by: <number>` (shift adds it, scale multiplies by it)")
        return self


class VariantModel(_Strict):
    title: str
    description: str
    patches: list[PatchModel] = Field(min_length=1)
    source: SourceModel | None = None


class PlanValueModel(_Strict):
    value: float
    source: SourceModel | None = None


class PlanModel(_Strict):
    title: str
    description: str
    source: SourceModel
    point: dict[str, float | PlanValueModel]

    @field_validator("point")
    @classmethod
    def _on_scale(cls, v: dict[str, Any]) -> dict[str, Any]:
        for issue, val in v.items():
            x = val.value if isinstance(val, PlanValueModel) else val
            if not SCALE[0] <= x <= SCALE[1]:
                raise _fail(f"plan places issue '{issue}' at {_fmt(x)}, off the 0-100 scale", "give a value between 0 and 100")
        return v


class ScenarioModel(_Strict):
    name: str
    title: str
    description: str = ""
    as_of: date | None = None
    sources: dict[str, CitationModel] = Field(default_factory=dict)
    actors: dict[str, ActorModel] = Field(min_length=2)
    issues: dict[str, IssueModel] = Field(min_length=1)
    positions: dict[str, dict[str, StanceModel]]
    variants: dict[str, VariantModel] = Field(default_factory=dict)
    plans: dict[str, PlanModel] = Field(default_factory=dict)


def all_field_names() -> set[str]:
    """Every field name of the file format (for "did you mean" on an unknown field)."""
    models = (SourceModel, EstimateModel, CitationModel, ActorModel, IssueModel, StanceModel, AddActorModel, PatchModel, VariantModel, PlanValueModel, PlanModel, ScenarioModel)
    return {name for m in models for name in m.model_fields}
