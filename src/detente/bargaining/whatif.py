"""What-if settings and ad-hoc plans: the inputs a user changes or proposes, read from what they type.

A setting (``--set RUS.territory.position=60``) changes one input of the case to a
point value; the settings of one study are applied as one variant named
:data:`WHAT_IF`. An ad-hoc plan (``--plan-spec "territory=50,nato=0"``) proposes a
value on some issues; the issues left out keep their status quo, which the plan's
source records. Actors are named by code or by name (through the actor registry),
issues by id; errors name the bad part and list the valid choices.

Choices
-------
* A what-if value is a point (low = mode = high): the user states it, so it carries
  no range; its source records the setting as typed.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from detente.bargaining.scenario import BOUNDS, Estimate, Patch, Plan, PlanValue, Scenario, Source, Variant
from detente.errors import InputError

WHAT_IF = "what-if"
"""The variant name a study gives to its `settings` (shown as e.g. ``us-adds-sanctions+what-if``)."""

SETTING_FORMS = "ACTOR.ISSUE.position=V, ACTOR.ISSUE.salience=V, ACTOR.capability=V or ISSUE.status_quo=V"


@dataclass(frozen=True)
class Setting:
    """One what-if change: the input's field path (as in variants) and its new value."""

    target: str
    value: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "value": self.value, "as_typed": self.text}


def _actor_code(scenario: Scenario, token: str) -> str | None:
    """The scenario's actor code for a code or a name (through the actor registry); None if `token` is no actor."""
    codes = scenario.actor_codes
    for a in scenario.actors:
        if token.upper() == a.code.upper() or token.casefold() == a.name.casefold():
            return a.code
    try:
        from detente.actors import get_registry

        reg = get_registry()
        code = reg.resolve(token)
    except Exception:  # the registry is a convenience here; an unreadable one must not hide the real error
        code = None
    if code:
        if code in codes:
            return code
        base = reg.base_code(code)
        if base in codes:
            return base
    return None


def _unknown(kind: str, token: str, item: str, flag: str, choices: Sequence[str]) -> InputError:
    close = difflib.get_close_matches(token, list(choices), n=2, cutoff=0.5)
    hint = (f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "") + f"{kind}s: {', '.join(choices)}"
    return InputError(f"no {kind} '{token}' in the case", field=f"{flag} {item}", hint=hint)


def parse_setting(scenario: Scenario, item: str, *, flag: str = "--set") -> Setting:
    """Read ``ACTOR.ISSUE.position=60``, ``ACTOR.ISSUE.salience=0.9``, ``ACTOR.capability=80`` or ``ISSUE.status_quo=40``.

    Actors by code or by name (``Russia``, ``"European Union"``, resolved through the
    actor registry); issues by id. Errors name the bad part and list the valid choices.
    """
    key, sep, raw = item.partition("=")
    parts = [p.strip() for p in key.split(".")]
    if not sep or not raw.strip() or len(parts) not in (2, 3) or not all(parts):
        raise InputError(f"cannot read '{item}'", field=flag, hint=f"write {SETTING_FORMS}")
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"'{raw.strip()}' is not a number", field=f"{flag} {item}", hint=f"write {SETTING_FORMS}") from None
    issues = scenario.issue_ids
    names = [f"{a.code} ({a.name})" if a.name and a.name != a.code else a.code for a in scenario.actors]
    if len(parts) == 2:
        first, what = parts
        if what == "status_quo":
            if first not in issues:
                raise _unknown("issue", first, item, flag, issues)
            target, kind = f"issues.{first}.status_quo", "status_quo"
        elif what == "capability":
            code = _actor_code(scenario, first)
            if code is None:
                raise InputError(f"no actor '{first}' in the case", field=f"{flag} {item}", hint=f"actors: {', '.join(names)}")
            target, kind = f"actors.{code}.capability", "capability"
        else:
            raise InputError(f"'{what}' is not a setting", field=f"{flag} {item}", hint=f"write {SETTING_FORMS}")
    else:
        first, issue, what = parts
        code = _actor_code(scenario, first)
        if code is None:
            raise InputError(f"no actor '{first}' in the case", field=f"{flag} {item}", hint=f"actors: {', '.join(names)}")
        if issue not in issues:
            raise _unknown("issue", issue, item, flag, issues)
        if what not in ("position", "salience"):
            raise InputError(f"'{what}' is not a setting", field=f"{flag} {item}", hint="after ACTOR.ISSUE write position or salience")
        target, kind = f"positions.{code}.{issue}.{what}", what
    lo, hi = BOUNDS[kind]
    if not lo <= value <= hi:
        raise InputError(f"{kind} {value:g} is outside [{lo:g}, {hi:g}]", field=f"{flag} {item}", hint=f"give a {kind} between {lo:g} and {hi:g}")
    return Setting(target, value, item)


def apply_settings(scenario: Scenario, settings: Sequence[Setting | str], *, flag: str = "--set") -> Scenario:
    """The scenario with what-if settings applied (as one variant named :data:`WHAT_IF`)."""
    parsed = [s if isinstance(s, Setting) else parse_setting(scenario, s, flag=flag) for s in settings]
    if not parsed:
        return scenario
    from detente.bargaining.variants import apply_variant

    patches = tuple(Patch(op="set", target=s.target, value=Estimate.point(s.value, Source(estimate=f"what-if: {s.text}"))) for s in parsed)
    return apply_variant(scenario, Variant(WHAT_IF, "What if", "; ".join(s.text for s in parsed), patches))


def parse_plan_spec(spec: str, *, flag: str = "--plan-spec") -> dict[str, float]:
    """``"territory=50,nato=0"`` -> {'territory': 50.0, 'nato': 0.0}."""
    values: dict[str, float] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        issue, sep, raw = part.partition("=")
        if not sep or not issue.strip():
            raise InputError(f"cannot read '{part}'", field=flag, hint='write ISSUE=VALUE pairs separated by commas, e.g. "territory=50,nato=0"')
        try:
            values[issue.strip()] = float(raw)
        except ValueError:
            raise InputError(f"'{raw.strip()}' is not a number", field=f"{flag} {part}", hint="give a value on the issue's 0-100 scale") from None
    if not values:
        raise InputError("the plan is empty", field=flag, hint='write ISSUE=VALUE pairs, e.g. "territory=50,nato=0"')
    return values


def ad_hoc_plan(scenario: Scenario, name: str, values: Mapping[str, float], *, flag: str = "--plan-spec") -> tuple[Plan, dict[str, float]]:
    """A plan from issue values; issues left out keep their status quo (mode). Returns the plan and those assumed values."""
    for issue, v in values.items():
        if issue not in scenario.issue_ids:
            raise _unknown("issue", issue, f"{issue}={v:g}", flag, scenario.issue_ids)
        lo, hi = BOUNDS["position"]
        if not lo <= v <= hi:
            raise InputError(f"{issue}={v:g} is outside the scale [{lo:g}, {hi:g}]", field=flag, hint=f"give a value between {lo:g} and {hi:g}")
    assumed = {i.id: i.status_quo.mode for i in scenario.issues if i.id not in values}
    text = ", ".join(f"{k}={v:g}" for k, v in values.items())
    source = Source(estimate=f"ad-hoc plan: {text}" + (f"; status quo assumed on {', '.join(assumed)}" if assumed else ""))
    given, kept = Source(estimate="given by the user"), Source(estimate="not given: the status quo is assumed")
    point = {i: PlanValue(float(values[i]), given) if i in values else PlanValue(assumed[i], kept) for i in scenario.issue_ids}
    return Plan(name, f"Ad-hoc plan ({text})", "given by the user", source, point), assumed
