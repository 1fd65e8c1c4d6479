"""Patches: the changes a variant makes to a scenario's inputs, checked and applied.

A variant ("US adds sanctions", "Europe offers guarantees") is a list of patches:

* ``set``    replaces an input's estimate (``value: 10`` or ``value: [0, 10, 20]``);
* ``shift``  adds ``by`` to its low, mode and high (clipped to the input's range);
* ``scale``  multiplies them by ``by`` (e.g. ``scale: actors.UKR.capability, by: 0.7``);
* ``add_actor`` / ``remove_actor`` changes who is at the table.

Targets are field paths, the same ones error messages use: ``actors.USA.capability``,
``issues.sanctions.status_quo``, ``positions.USA.sanctions.position``,
``positions.USA.sanctions.salience``.

The functions here work on the scenario's pieces (actors, issues, stances), not on
`Scenario`, so that the scenario model can apply its variants without an import
cycle: this module depends on the inputs and the pieces only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from detente.bargaining.scenario.inputs import BOUNDS, Estimate, Source
from detente.bargaining.scenario.parts import Issue, ScenarioActor, Stance
from detente.errors import ScenarioError


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


_TARGET_HELP = (
    "targets are actors.<CODE>.capability, issues.<issue>.status_quo, "
    "positions.<CODE>.<issue>.position or positions.<CODE>.<issue>.salience"
)


def parse_target(target: str, codes: Sequence[str], issues: Sequence[str]) -> tuple[str, str | None, str | None]:
    """(kind, actor, issue) for a patch target; ScenarioError if it names nothing real."""
    parts = target.split(".")
    if len(parts) == 3 and parts[0] == "actors" and parts[2] == "capability":
        if parts[1] not in codes:
            raise ScenarioError(f"patch target '{target}': no actor '{parts[1]}' in the scenario", hint=f"use one of: {', '.join(codes)}")
        return "capability", parts[1], None
    if len(parts) == 3 and parts[0] == "issues" and parts[2] == "status_quo":
        if parts[1] not in issues:
            raise ScenarioError(f"patch target '{target}': no issue '{parts[1]}'", hint=f"use one of: {', '.join(issues)}")
        return "status_quo", None, parts[1]
    if len(parts) == 4 and parts[0] == "positions" and parts[3] in ("position", "salience"):
        if parts[1] not in codes:
            raise ScenarioError(f"patch target '{target}': no actor '{parts[1]}' in the scenario", hint=f"use one of: {', '.join(codes)}")
        if parts[2] not in issues:
            raise ScenarioError(f"patch target '{target}': no issue '{parts[2]}'", hint=f"use one of: {', '.join(issues)}")
        return parts[3], parts[1], parts[2]
    raise ScenarioError(f"patch target '{target}' is not an input", hint=_TARGET_HELP)


def check_patch(patch: Patch, codes: Sequence[str], issues: Sequence[str]) -> None:
    """Raise ScenarioError if `patch` cannot apply to a scenario with these actors and issues."""
    if patch.op in ("set", "shift", "scale"):
        kind, _, _ = parse_target(patch.target, codes, issues)
        if patch.op == "set" and patch.value is not None:
            lo, hi = BOUNDS[kind]
            if patch.value.low < lo or patch.value.high > hi:
                raise ScenarioError(f"value for {kind} is outside [{lo:g}, {hi:g}]", hint=f"give a {kind} between {lo:g} and {hi:g}")
    elif patch.op == "remove_actor":
        if patch.code not in codes:
            raise ScenarioError(f"cannot remove '{patch.code}': not in the scenario", hint=f"use one of: {', '.join(codes)}")
    elif patch.op == "add_actor":
        assert patch.actor is not None and patch.stances is not None
        if patch.actor.code in codes:
            raise ScenarioError(f"cannot add '{patch.actor.code}': already in the scenario", hint="use set/shift patches to change an existing actor")
        missing = [i for i in issues if i not in patch.stances]
        extra = [i for i in patch.stances if i not in issues]
        if extra:
            raise ScenarioError(f"added actor has a position on unknown issue '{extra[0]}'", hint=f"use issue ids: {', '.join(issues)}")
        if missing:
            raise ScenarioError(f"added actor '{patch.actor.code}' has no position on '{missing[0]}'", hint="give the added actor a position and salience on every issue")


def _patched(est: Estimate, patch: Patch, kind: str) -> Estimate:
    bounds = BOUNDS[kind]
    if patch.op == "set":
        assert patch.value is not None
        return patch.value
    assert patch.by is not None
    return est.shifted(patch.by, bounds) if patch.op == "shift" else est.scaled(patch.by, bounds)


Pieces = tuple[tuple[ScenarioActor, ...], tuple[Issue, ...], dict[tuple[str, str], Stance]]


def apply_patches(actors: Sequence[ScenarioActor], issues: Sequence[Issue], stances: dict[tuple[str, str], Stance], patches: Sequence[Patch]) -> Pieces:
    """The actors, issues and stances after applying `patches` in order (the inputs are unchanged)."""
    acts = list(actors)
    iss = list(issues)
    st = dict(stances)
    issue_ids = [i.id for i in iss]
    for patch in patches:
        codes = [a.code for a in acts]
        check_patch(patch, codes, issue_ids)
        if patch.op == "remove_actor":
            acts = [a for a in acts if a.code != patch.code]
            st = {k: v for k, v in st.items() if k[0] != patch.code}
        elif patch.op == "add_actor":
            assert patch.actor is not None and patch.stances is not None
            acts.append(patch.actor)
            st.update({(patch.actor.code, i): s for i, s in patch.stances.items()})
        else:
            kind, code, iid = parse_target(patch.target, codes, issue_ids)
            if kind == "capability":
                acts = [dataclasses.replace(a, capability=_patched(a.capability, patch, kind)) if a.code == code else a for a in acts]
            elif kind == "status_quo":
                iss = [dataclasses.replace(i, status_quo=_patched(i.status_quo, patch, kind)) if i.id == iid else i for i in iss]
            else:
                assert code is not None and iid is not None
                old = st[(code, iid)]
                st[(code, iid)] = dataclasses.replace(old, **{kind: _patched(getattr(old, kind), patch, kind)})
    return tuple(acts), tuple(iss), st
