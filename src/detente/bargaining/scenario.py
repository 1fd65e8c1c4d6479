"""Scenario files: actors, issues, positions, saliences, variants and plans, each number sourced.

A scenario is the input of a negotiation forecast. It is written as YAML (see
`docs/reference/scenario-format.md`), validated in two layers and turned into plain,
frozen data:

1. **Shape** (pydantic v2): every field present, of the right type, numbers within
   their range (salience in [0, 1], positions on the 0-100 issue scale, ranges
   ordered `low <= mode <= high`), no unknown fields.
2. **References**: actor codes known to the actor registry, every actor with a
   position and a salience on every issue, every `cite:` pointing at a declared
   source, every plan placing every issue, every variant patch naming a real input.

Any failure raises `ScenarioError` (or `UnknownActorError`) naming the file, the
YAML line, the field path (`positions.RUS.territory.salience`) and the fix; pydantic's
own errors never reach the user.

Each uncertain input is an `Estimate`: a triangular distribution `(low, mode, high)`
(a point value has `low == mode == high`) with its `Source`: a citation (`cite:` a
source id plus a short verbatim `quote:`) or an `estimate:` with the reasoning, or both.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from detente.errors import ScenarioError, UnknownActorError

SCALE: tuple[float, float] = (0.0, 100.0)
"""Every issue is a 0-100 scale (anchor labels say what the numbers mean)."""

FORMAT_DOC = "docs/reference/scenario-format.md"

# --------------------------------------------------------------------------------------
# Plain data: what the rest of detente works with
# --------------------------------------------------------------------------------------


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
    """Where a number comes from: a cited source with a quote, an estimate's reasoning, or both."""

    cite: str | None = None
    quote: str | None = None
    estimate: str | None = None

    def describe(self) -> str:
        bits = []
        if self.cite:
            # no square brackets: rich would read "[id]" as markup and drop it
            bits.append(f"{self.cite}: \"{self.quote}\"" if self.quote else self.cite)
        if self.estimate:
            bits.append(f"estimate: {self.estimate}")
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


@dataclass(frozen=True)
class ScenarioActor:
    """An actor at the table: registry code, display name and capability (clout)."""

    code: str
    name: str
    capability: Estimate
    description: str = ""


@dataclass(frozen=True)
class Issue:
    """One negotiated issue: a 0-100 scale with labelled anchor points and a status quo."""

    id: str
    name: str
    anchors: dict[float, str]
    status_quo: Estimate
    description: str = ""

    def label(self, value: float) -> str:
        """The label of the anchor nearest to `value`."""
        nearest = min(self.anchors, key=lambda a: abs(a - value))
        return self.anchors[nearest]


@dataclass(frozen=True)
class Stance:
    """An actor's position (0-100) and salience (0-1) on one issue."""

    position: Estimate
    salience: Estimate


Target = Literal["capability", "status_quo", "position", "salience"]
BOUNDS: dict[str, tuple[float, float]] = {
    "capability": (0.0, math.inf),
    "status_quo": SCALE,
    "position": SCALE,
    "salience": (0.0, 1.0),
}


@dataclass(frozen=True)
class Patch:
    """One change a variant makes.

    `op` is `set` (replace the estimate), `shift` (add `by` to low, mode and high,
    clipped to the field's range), `scale` (multiply by `by`), `add_actor` or
    `remove_actor`. `target` names the input: `actors.USA.capability`,
    `issues.sanctions.status_quo`, `positions.USA.sanctions.position|salience`.
    """

    op: Literal["set", "shift", "scale", "add_actor", "remove_actor"]
    target: str = ""
    value: Estimate | None = None
    by: float | None = None
    actor: ScenarioActor | None = None  # for add_actor
    stances: dict[str, Stance] | None = None  # for add_actor: issue -> stance
    code: str | None = None  # for remove_actor


@dataclass(frozen=True)
class Variant:
    """A named what-if: a list of patches applied to the base scenario."""

    name: str
    title: str
    description: str
    patches: tuple[Patch, ...]
    source: Source | None = None


@dataclass(frozen=True)
class PlanValue:
    value: float
    source: Source | None = None  # None: covered by the plan's own source


@dataclass(frozen=True)
class Plan:
    """A concrete settlement proposal: one point in issue space (every issue placed)."""

    name: str
    title: str
    description: str
    source: Source
    point: dict[str, PlanValue]

    def vector(self, issue_ids: Iterable[str]) -> NDArray[np.float64]:
        return np.array([self.point[i].value for i in issue_ids], dtype=float)


@dataclass(frozen=True)
class Scenario:
    """A validated negotiation: actors, issues, stances, sources, variants and plans."""

    name: str
    title: str
    description: str
    as_of: date | None
    sources: dict[str, Citation]
    actors: tuple[ScenarioActor, ...]
    issues: tuple[Issue, ...]
    stances: dict[tuple[str, str], Stance]  # (actor code, issue id) -> stance
    variants: dict[str, Variant] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    origin: str = "<memory>"
    variant: str | None = None  # the variant applied, if any

    # ---- shape and arrays -------------------------------------------------------------
    @property
    def actor_codes(self) -> list[str]:
        return [a.code for a in self.actors]

    @property
    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def issue(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def stance_array(self, what: Literal["position", "salience"], point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        """(N, K) array of one point (low, mode or high) of positions or saliences."""
        return np.array(
            [[getattr(getattr(self.stances[(a, i)], what), point) for i in self.issue_ids] for a in self.actor_codes],
            dtype=float,
        )

    def capability_array(self, point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        return np.array([getattr(a.capability, point) for a in self.actors], dtype=float)

    def status_quo_array(self, point: Literal["low", "mode", "high"]) -> NDArray[np.float64]:
        return np.array([getattr(i.status_quo, point) for i in self.issues], dtype=float)

    # ---- variants ---------------------------------------------------------------------
    def with_variant(self, name: str | None) -> "Scenario":
        """The scenario with a named variant's patches applied (`None`: unchanged)."""
        if name is None:
            return self
        if name not in self.variants:
            close = difflib.get_close_matches(name, list(self.variants), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"choose one of: {', '.join(self.variants) or '(none defined)'}"
            raise ScenarioError(f"unknown variant '{name}'", path=self.origin, field="variants", hint=hint)
        from detente.bargaining.variants import apply_variant

        return apply_variant(self, self.variants[name])

    # ---- provenance -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A canonical, JSON-ready dict of every input (used for the input hash and `case show`)."""

        def est(e: Estimate) -> dict[str, Any]:
            return {"value": e.as_value(), "source": _source_dict(e.source)}

        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "variant": self.variant,
            "sources": {k: dataclasses.asdict(v) for k, v in self.sources.items()},
            "actors": {a.code: {"name": a.name, "capability": est(a.capability)} for a in self.actors},
            "issues": {
                i.id: {
                    "name": i.name,
                    "anchors": {_num_key(k): v for k, v in i.anchors.items()},
                    "status_quo": est(i.status_quo),
                }
                for i in self.issues
            },
            "positions": {
                a: {
                    i: {"position": est(self.stances[(a, i)].position), "salience": est(self.stances[(a, i)].salience)}
                    for i in self.issue_ids
                }
                for a in self.actor_codes
            },
            "plans": {
                p.name: {"title": p.title, "point": {k: v.value for k, v in p.point.items()}} for p in self.plans.values()
            },
        }

    def input_hash(self) -> str:
        """sha256 of the canonical JSON of every input (the variant, if applied, included)."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def iter_estimates(self) -> Iterable[tuple[str, Estimate]]:
        """Every sourced number as (field path, estimate), for audits and tests."""
        for a in self.actors:
            yield f"actors.{a.code}.capability", a.capability
        for i in self.issues:
            yield f"issues.{i.id}.status_quo", i.status_quo
        for (a, i), st in self.stances.items():
            yield f"positions.{a}.{i}.position", st.position
            yield f"positions.{a}.{i}.salience", st.salience


def _num_key(k: float) -> str:
    return str(int(k)) if float(k).is_integer() else str(k)


def _source_dict(s: Source | None) -> dict[str, str] | None:
    if s is None:
        return None
    return {k: v for k, v in dataclasses.asdict(s).items() if v is not None}


# --------------------------------------------------------------------------------------
# Layer 1: the file's shape (pydantic)
# --------------------------------------------------------------------------------------


def _fail(message: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError("scenario", "{message}", {"message": message, "hint": hint})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceModel(_Strict):
    cite: str | None = None
    quote: str | None = None
    estimate: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "SourceModel":
        if not self.cite and not self.estimate:
            raise _fail(
                "a source needs `cite:` (a source id) with a `quote:`, or `estimate:` with the reasoning",
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


# --------------------------------------------------------------------------------------
# Errors: pydantic -> one line with file, line, field and fix
# --------------------------------------------------------------------------------------

_HINTS = {
    "missing": "add `{name}` (see " + FORMAT_DOC + ")",
    "extra_forbidden": "remove `{name}` or fix its spelling (see " + FORMAT_DOC + ")",
    "float_type": "write a number",
    "float_parsing": "write a number",
    "string_type": "write text (quote it if it looks like a number or a date)",
    "dict_type": "write a mapping (`key: value` lines)",
    "list_type": "write a list",
    "date_from_datetime_parsing": "write an ISO date such as 2025-05-15",
    "date_parsing": "write an ISO date such as 2025-05-15",
    "date_type": "write an ISO date such as 2025-05-15",
    "too_short": "add at least one entry",
    "bool_type": "write true or false",
    "model_type": "write a mapping (`key: value` lines)",
}


def _all_field_names() -> set[str]:
    models = (SourceModel, EstimateModel, CitationModel, ActorModel, IssueModel, StanceModel, AddActorModel, PatchModel, VariantModel, PlanValueModel, PlanModel, ScenarioModel)
    return {name for m in models for name in m.model_fields}


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the deepest YAML node found along `loc`."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if str(k.value) == str(key) or _same_number(k.value, key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            if nxt is None:
                return line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _same_number(a: Any, b: Any) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return False


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic adds union member names ("float", "PlanValueModel") and "[key]" markers to locs
    return tuple(
        p for p in loc if not (isinstance(p, str) and (p in {"float", "PlanValueModel", "[key]"} or p.startswith("function-")))
    )


def _error_from_pydantic(exc: ValidationError, path: str, root: yaml.Node | None) -> ScenarioError:
    errors = exc.errors(include_url=False)
    # prefer our own messages (they carry a fix) and the most specific location
    rank = {"scenario": 0, "extra_forbidden": 1}
    errors.sort(key=lambda e: (rank.get(e["type"], 2), -len(e["loc"])))
    err = errors[0]
    loc = _clean_loc(tuple(err["loc"]))
    field_path = ".".join(str(p) for p in loc) or "(top level)"
    name = str(loc[-1]) if loc else "the field"
    if err["type"] == "scenario":
        message, hint = err["ctx"]["message"], err["ctx"]["hint"]
    elif err["type"] == "missing":
        message, hint = f"missing field `{name}`", _HINTS["missing"].format(name=name)
    elif err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(name, sorted(_all_field_names()), n=1)
        message = f"unknown field `{name}`"
        hint = f"did you mean `{close[0]}`?" if close else _HINTS["extra_forbidden"].format(name=name)
    else:
        message = err["msg"].removeprefix("Value error, ")
        hint = _HINTS.get(err["type"], f"see {FORMAT_DOC}").format(name=name)
    more = len({tuple(e["loc"]) for e in errors}) - 1
    if more > 0:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ScenarioError(message, path=path, line=_line_of(root, loc), field=field_path, hint=hint)


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------


def load_scenario(path: str | Path, *, check_registry: bool = True) -> Scenario:
    """Read and validate a scenario file: YAML, or a KTAB CSV (`.csv`).

    Raises
    ------
    ScenarioError, UnknownActorError
        With the file, line, field path and the fix.
    """
    path = Path(path)
    if not path.exists():
        raise ScenarioError("no such file", path=path, hint="check the path, or use `detente case list` for built-in cases")
    if path.suffix.lower() == ".csv":
        return scenario_from_ktab(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"cannot read the file: {exc}", path=path, hint="give a readable UTF-8 YAML file") from None
    return parse_scenario(text, origin=str(path), check_registry=check_registry)


def parse_scenario(text: str, *, origin: str = "<string>", check_registry: bool = True) -> Scenario:
    """Validate scenario YAML text (see `load_scenario`)."""
    try:
        raw = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ScenarioError(
            f"malformed YAML: {problem}",
            path=origin,
            line=mark.line + 1 if mark else None,
            hint="check indentation, colons and quotes on that line (quote text containing ': ' or '#')",
        ) from None
    if not isinstance(raw, dict):
        raise ScenarioError(
            "the file is not a YAML mapping",
            path=origin,
            line=1,
            hint=f"a scenario starts with `name:`, `title:`, `actors:` ... (see {FORMAT_DOC})",
        )
    try:
        model = ScenarioModel.model_validate(raw)
    except ValidationError as exc:
        raise _error_from_pydantic(exc, origin, _compose(text)) from None
    return _Builder(model, origin, text, check_registry).build()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree (with line marks), built only when an error needs a line number."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return None


class _Builder:
    """Layer 2: cross-references, registry look-ups, conversion to plain data."""

    def __init__(self, model: ScenarioModel, origin: str, text: str, check_registry: bool) -> None:
        self.m = model
        self.origin = origin
        self.text = text
        self.check_registry = check_registry

    def error(self, loc: tuple[Any, ...], message: str, hint: str, cls: type[ScenarioError] = ScenarioError) -> ScenarioError:
        line = _line_of(_compose(self.text), loc)
        return cls(message, path=self.origin, line=line, field=".".join(map(str, loc)), hint=hint)

    def source(self, s: SourceModel | None, loc: tuple[Any, ...]) -> Source | None:
        if s is None:
            return None
        if s.cite and s.cite not in self.m.sources:
            close = difflib.get_close_matches(s.cite, list(self.m.sources), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "declare it under `sources:` (outlet, title, date) or fix the id"
            raise self.error((*loc, "cite"), f"unknown source '{s.cite}'", hint)
        return Source(cite=s.cite, quote=s.quote, estimate=s.estimate)

    def estimate(self, e: EstimateModel, loc: tuple[Any, ...]) -> Estimate:
        lo, mo, hi = e.value
        src = self.source(e.source, (*loc, "source"))
        assert src is not None
        return Estimate(lo, mo, hi, src)

    def actor(self, code: str, name: str | None, custom: bool, loc: tuple[Any, ...]) -> str:
        if custom:
            if not name:
                raise self.error((*loc, "name"), f"custom actor '{code}' has no name", "add `name:` for an actor outside the registry")
            return name
        from detente.actors import get_registry

        registry = get_registry()
        try:
            return name or registry.get(code).name
        except UnknownActorError:
            pass
        if not self.check_registry:
            return name or code
        known = sorted(registry.actors)
        close = difflib.get_close_matches(code.upper(), known, n=1)
        examples = [c for c in ("USA", "RUS", "UKR", "CHN", "EUR", "DEU", "FRA", "GBR") if c in registry.actors]
        hint = (f"did you mean '{close[0]}'? " if close else "") + (
            f"use a code from the actor registry ({', '.join(examples)}, ...), "
            "or mark an actor outside the registry with `custom: true` and a `name:`"
        )
        raise self.error(loc, f"unknown actor code '{code}'", hint, cls=UnknownActorError)

    def stance(self, s: StanceModel, loc: tuple[Any, ...]) -> Stance:
        return Stance(self.estimate(s.position, (*loc, "position")), self.estimate(s.salience, (*loc, "salience")))

    def build(self) -> Scenario:
        m = self.m
        sources = {
            k: Citation(id=k, outlet=c.outlet, title=c.title, date=c.date, author=c.author, url=c.url, path=c.path, note=c.note)
            for k, c in m.sources.items()
        }
        actors = []
        for code, a in m.actors.items():
            name = self.actor(code, a.name, a.custom, ("actors", code))
            actors.append(ScenarioActor(code, name, self.estimate(a.capability, ("actors", code, "capability")), a.description))
        issues = [
            Issue(
                id=iid,
                name=i.name,
                anchors=dict(i.anchors),
                status_quo=self.estimate(i.status_quo, ("issues", iid, "status_quo")),
                description=i.description,
            )
            for iid, i in m.issues.items()
        ]
        issue_ids = [i.id for i in issues]
        stances: dict[tuple[str, str], Stance] = {}
        for code in m.positions:
            if code not in m.actors:
                raise self.error(("positions", code), f"positions given for '{code}', which is not under `actors:`", f"add {code} under `actors:` or remove its positions")
        for code in m.actors:
            per = m.positions.get(code)
            if per is None:
                raise self.error(("positions",), f"missing field `positions.{code}`", f"give {code} a position and salience on every issue ({', '.join(issue_ids)})")
            for iid in per:
                if iid not in m.issues:
                    close = difflib.get_close_matches(iid, issue_ids, n=1)
                    raise self.error(("positions", code, iid), f"unknown issue '{iid}'", f"did you mean '{close[0]}'?" if close else f"use an issue id: {', '.join(issue_ids)}")
            for iid in issue_ids:
                if iid not in per:
                    raise self.error(("positions", code), f"missing field `positions.{code}.{iid}`", f"give {code} a position and salience on '{iid}' (salience 0 if it does not care)")
                stances[(code, iid)] = self.stance(per[iid], ("positions", code, iid))
        plans = {name: self.plan(name, p, issue_ids) for name, p in m.plans.items()}
        scenario = Scenario(
            name=m.name,
            title=m.title,
            description=m.description,
            as_of=m.as_of,
            sources=sources,
            actors=tuple(actors),
            issues=tuple(issues),
            stances=stances,
            plans=plans,
            origin=self.origin,
        )
        variants = {name: self.variant(name, v, scenario) for name, v in m.variants.items()}
        return dataclasses.replace(scenario, variants=variants)

    def plan(self, name: str, p: PlanModel, issue_ids: list[str]) -> Plan:
        loc = ("plans", name, "point")
        for iid in p.point:
            if iid not in issue_ids:
                raise self.error((*loc, iid), f"plan '{name}' places unknown issue '{iid}'", f"use an issue id: {', '.join(issue_ids)}")
        missing = [i for i in issue_ids if i not in p.point]
        if missing:
            raise self.error(loc, f"missing field `plans.{name}.point.{missing[0]}`", f"a plan is a point in issue space: place every issue ({', '.join(missing)} missing)")
        point = {}
        for iid in issue_ids:
            v = p.point[iid]
            if isinstance(v, PlanValueModel):
                point[iid] = PlanValue(float(v.value), self.source(v.source, (*loc, iid, "source")))
            else:
                point[iid] = PlanValue(float(v))
        src = self.source(p.source, ("plans", name, "source"))
        assert src is not None
        return Plan(name=name, title=p.title, description=p.description, source=src, point=point)

    def variant(self, name: str, v: VariantModel, base: Scenario) -> Variant:
        from detente.bargaining.variants import check_patch

        patches = []
        for n, pm in enumerate(v.patches):
            loc = ("variants", name, "patches", n)
            patch = self.patch(pm, loc)
            try:
                check_patch(base, patch)
            except ScenarioError as exc:
                raise self.error(loc, exc.message, exc.hint or f"see {FORMAT_DOC}") from None
            patches.append(patch)
        return Variant(name, v.title, v.description, tuple(patches), self.source(v.source, ("variants", name, "source")))

    def patch(self, pm: PatchModel, loc: tuple[Any, ...]) -> Patch:
        src = self.source(pm.source, (*loc, "source")) or Source(estimate="set by the variant")
        if pm.set is not None:
            lo, mo, hi = pm.value
            return Patch("set", target=pm.set, value=Estimate(lo, mo, hi, src))
        if pm.shift is not None:
            return Patch("shift", target=pm.shift, by=pm.by)
        if pm.scale is not None:
            return Patch("scale", target=pm.scale, by=pm.by)
        if pm.remove_actor is not None:
            return Patch("remove_actor", code=pm.remove_actor)
        add = pm.add_actor
        assert add is not None
        aloc = (*loc, "add_actor")
        name = self.actor(add.code, add.name, add.custom, (*aloc, "code"))
        actor = ScenarioActor(add.code, name, self.estimate(add.capability, (*aloc, "capability")), add.description)
        stances = {iid: self.stance(s, (*aloc, "positions", iid)) for iid, s in add.positions.items()}
        return Patch("add_actor", actor=actor, stances=stances, code=add.code)


def scenario_from_arrays(
    *,
    name: str,
    actors: list[str],
    issues: list[str],
    positions: Any,
    salience: Any,
    capability: Any,
    status_quo: Any | None = None,
    title: str | None = None,
    description: str = "",
    source: Source | None = None,
    actor_names: list[str] | None = None,
) -> Scenario:
    """A point-valued scenario from arrays (positions/salience (N, K), capability (N,)).

    Actor codes are not checked against the registry (they may be any labels, as in
    KTAB files). `status_quo` defaults to the per-issue median of positions.
    """
    p = np.asarray(positions, dtype=float)
    s = np.asarray(salience, dtype=float)
    c = np.asarray(capability, dtype=float)
    src = source or Source(estimate="given as arrays")
    q = np.median(p, axis=0) if status_quo is None else np.asarray(status_quo, dtype=float)
    names = actor_names or actors
    return Scenario(
        name=name,
        title=title or name,
        description=description,
        as_of=None,
        sources={},
        actors=tuple(ScenarioActor(code, nm, Estimate.point(c[n], src)) for n, (code, nm) in enumerate(zip(actors, names))),
        issues=tuple(
            Issue(iid, iid, {0.0: "0", 100.0: "100"}, Estimate.point(q[k], src)) for k, iid in enumerate(issues)
        ),
        stances={
            (code, iid): Stance(Estimate.point(p[n, k], src), Estimate.point(s[n, k], src))
            for n, code in enumerate(actors)
            for k, iid in enumerate(issues)
        },
        origin=name,
    )


def citations_used(scenario: Scenario) -> Mapping[str, int]:
    """How many numbers cite each source id (for `case show`)."""
    counts: dict[str, int] = {k: 0 for k in scenario.sources}
    for _, e in scenario.iter_estimates():
        if e.source.cite:
            counts[e.source.cite] = counts.get(e.source.cite, 0) + 1
    return counts


def scenario_from_ktab(path: str | Path) -> Scenario:
    """A Scenario from a KTAB Spatial-Model-of-Politics CSV (via `detente.bargaining.ktab`).

    KTAB inputs are point values without sources or a status quo: every number's
    source is the file itself, actor labels are kept as they are (not checked
    against the registry), and the status quo of each issue is the median of the
    actors' positions (KTAB has no reference point; Nash and plan tests need one).
    """
    try:
        from detente.bargaining.ktab import read_ktab_csv
    except ImportError:
        raise ScenarioError(
            "reading KTAB CSV files is not available in this build",
            path=path,
            hint="write the scenario as YAML (see docs/reference/scenario-format.md)",
        ) from None
    k = read_ktab_csv(path)
    src = Source(estimate=f"from the KTAB input file {Path(path).name}")
    scenario = scenario_from_arrays(
        name=k.name or Path(path).stem,
        title=k.description or k.name or Path(path).stem,
        description=k.description,
        actors=list(k.actors),
        actor_names=list(k.actor_descriptions) if k.actor_descriptions else None,
        issues=list(k.dimensions),
        positions=k.positions,
        salience=k.salience,
        capability=k.power,
        source=src,
    )
    return dataclasses.replace(scenario, origin=str(path))
