"""What-if settings and ad-hoc plans, read from what users type."""

from __future__ import annotations

import pytest

from detente.bargaining.whatif import WHAT_IF, ad_hoc_plan, apply_settings, parse_plan_spec, parse_setting
from detente.cases import load_case
from detente.errors import InputError


def test_settings_by_code_and_name() -> None:
    case = load_case()
    assert parse_setting(case, "RUS.territory.position=60").target == "positions.RUS.territory.position"
    assert parse_setting(case, "Russia.territory.position=60").target == "positions.RUS.territory.position"
    assert parse_setting(case, "ukraine.capability=30").target == "actors.UKR.capability"
    assert parse_setting(case, "sanctions.status_quo=40").target == "issues.sanctions.status_quo"
    changed = apply_settings(case, ["Russia.territory.position=60"])
    assert changed.stances[("RUS", "territory")].position.mode == 60 and changed.variant == WHAT_IF
    assert apply_settings(case, []) is case


@pytest.mark.parametrize(
    ("item", "message", "fix"),
    [
        ("RUX.territory.position=60", "no actor 'RUX'", "RUS"),
        ("RUS.teritory.position=60", "no issue 'teritory'", "territory"),
        ("RUS.territory.stance=60", "'stance' is not a setting", "position or salience"),
        ("RUS.territory.position=abc", "'abc' is not a number", "ACTOR.ISSUE.position"),
        ("RUS.territory.position=160", "outside [0, 100]", "between 0 and 100"),
        ("RUS.territory.salience=2", "outside [0, 1]", "between 0 and 1"),
        ("territory=60", "cannot read", "ISSUE.status_quo"),
    ],
)
def test_bad_settings_name_the_part_and_the_choices(item: str, message: str, fix: str) -> None:
    with pytest.raises(InputError) as err:
        parse_setting(load_case(), item)
    assert message in str(err.value) and fix in (err.value.hint or "")
    assert "--set" in str(err.value)


def test_ad_hoc_plan_keeps_the_status_quo_where_no_value_is_given() -> None:
    case = load_case()
    plan, assumed = ad_hoc_plan(case, "mine", parse_plan_spec("territory=50, nato=0"))
    assert plan.point["territory"].value == 50 and plan.point["nato"].value == 0
    assert set(assumed) == set(case.issue_ids) - {"territory", "nato"}
    assert all(plan.point[i].value == case.issue(i).status_quo.mode for i in assumed)
    with pytest.raises(InputError, match="outside the scale"):
        ad_hoc_plan(case, "mine", {"territory": 150})
    with pytest.raises(InputError, match="the plan is empty"):
        parse_plan_spec(" , ")
