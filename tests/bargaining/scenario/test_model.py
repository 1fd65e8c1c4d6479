"""The Scenario's summaries: what `case check` and `case show` count."""

from __future__ import annotations

from detente.bargaining.scenario import citations_used, scenario_counts, scenario_from_arrays
from detente.cases import load_case


def test_scenario_counts_add_up_on_the_built_in_case() -> None:
    case = load_case("us-russia-2025")
    counts = scenario_counts(case)
    assert counts["actors"] == len(case.actor_codes) and counts["issues"] == len(case.issue_ids)
    assert counts["numbers"] == counts["cited"] + counts["estimates_only"] > 0
    assert counts["cited"] == sum(citations_used(case).values())
    assert 0 < counts["ranges"] <= counts["numbers"] and counts["variants"] == len(case.variants)


def test_scenario_counts_of_bare_arrays_are_all_estimates() -> None:
    pair = scenario_from_arrays(name="pair", actors=["A", "B"], issues=["deal"], positions=[[20.0], [80.0]], salience=[[1.0], [1.0]], capability=[1.0, 1.0])
    counts = scenario_counts(pair)
    assert counts["actors"] == 2 and counts["issues"] == 1 and counts["plans"] == 0
    assert counts["cited"] == 0 and counts["estimates_only"] == counts["numbers"] and counts["ranges"] == 0
