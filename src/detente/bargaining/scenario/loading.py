"""Loading a scenario file: YAML (or a KTAB CSV) -> validated `Scenario`, errors with line numbers.

Validation runs in two layers: the file's shape (`schema`, pydantic), then the
references (this module's builder): actor codes known to the actor registry, every
actor with a position and a salience on every issue, every `cite:` pointing at a
declared source, every plan placing every issue, every variant patch naming a real
input. Any failure raises `ScenarioError` (or `UnknownActorError`) naming the file,
the YAML line, the field path (`positions.RUS.territory.salience`) and the fix;
pydantic's own errors never reach the user.
"""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from detente.bargaining.scenario.arrays import scenario_from_ktab
from detente.bargaining.scenario.inputs import Citation, Estimate, Source
from detente.bargaining.scenario.model import Scenario
from detente.bargaining.scenario.parts import Issue, Plan, PlanValue, ScenarioActor, Stance
from detente.bargaining.scenario.patches import Patch, Variant, check_patch
from detente.bargaining.scenario.schema import (
    FORMAT_DOC,
    EstimateModel,
    PatchModel,
    PlanModel,
    PlanValueModel,
    ScenarioModel,
    SourceModel,
    StanceModel,
    VariantModel,
    all_field_names,
)
from detente.errors import ScenarioError, UnknownActorError

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
        close = difflib.get_close_matches(name, sorted(all_field_names()), n=1)
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
        return Source(cite=s.cite, quote=s.quote, estimate=s.estimate, external=s.external)

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
        patches = []
        for n, pm in enumerate(v.patches):
            loc = ("variants", name, "patches", n)
            patch = self.patch(pm, loc)
            try:
                check_patch(patch, base.actor_codes, base.issue_ids)
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
