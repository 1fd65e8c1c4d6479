"""The scenario docs' examples run: the tutorial's case validates and forecasts; Python blocks execute."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.plans import evaluate_plans
from detente.bargaining.scenario import parse_scenario

DOCS = Path(__file__).resolve().parents[2] / "docs"


def blocks(page: str, lang: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_tutorial_case_validates_and_runs() -> None:
    (yaml_text,) = blocks("tutorial.md", "yaml")
    case = parse_scenario(yaml_text, origin="tutorial.md")
    assert case.actor_codes == ["USA", "BLR", "RUS"]
    fc = run_forecast(case.with_variant("russia-leans-in"), ["compromise"], draws=200)
    assert fc.variant == "russia-leans-in"
    ranked = evaluate_plans(case, draws=200)
    assert ranked[0].plan == "potash-for-prisoners"


@pytest.mark.parametrize("page", ["reference/scenario-format.md", "reference/timeline-format.md", "how-to/test-a-peace-plan.md"])
def test_python_blocks_run(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = blocks(page, "python")
    assert code
    for block in code:
        exec(compile(block.replace("draws=2000", "draws=100").replace("draws=1000", "draws=100"), page, "exec"), {})
