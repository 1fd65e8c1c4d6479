"""Shared fixtures for the report tests: one small report written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def small_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in case's report with two models and few draws, with the built-in timeline as event data."""
    pytest.importorskip("plotly")
    pytest.importorskip("jinja2")
    from detente.cases.timeline import timeline_frame
    from detente.report.html import Relations, write_report

    path = tmp_path_factory.mktemp("report") / "report.html"
    relations = Relations(timeline_frame("us-russia-2025"), "built-in timeline of us-russia-2025")
    return write_report(path, "us-russia-2025", models=["compromise", "median"], draws=120, seed=11, relations=relations)
