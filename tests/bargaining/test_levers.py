"""Lever search: the size of the search is known before any work."""

from __future__ import annotations

from typing import Any

from detente.bargaining.levers import find_levers, model_rows
from detente.cases import load_case


def test_model_rows_bounds_the_rows_the_search_runs(counting_executor: Any) -> None:
    case = load_case("us-russia-2025")
    issue = case.issues[0].id
    result = find_levers(case, "RUS", issue=issue, models=["compromise"], draws=5, executor=counting_executor)
    planned = model_rows(case, issue=issue, draws=5, models=["compromise"])
    # every change tried runs its draws once (changes pushed past a bound are not tried)
    assert result.tried * 5 < counting_executor.rows <= planned
    assert model_rows(case, issue=None, draws=5, models=["compromise"]) == planned * len(case.issues)
