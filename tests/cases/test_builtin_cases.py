"""The packaged case us-russia-2025: loads by name, every number sourced, quotes verbatim, runs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.plans import evaluate_plans
from detente.cases import DEFAULT_CASE, list_cases, load_case, resolve_case
from detente.errors import ScenarioError

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def case():
    return load_case(DEFAULT_CASE)


def test_listed_and_loaded_by_name(case) -> None:
    assert DEFAULT_CASE in list_cases()
    assert resolve_case(None).input_hash() == case.input_hash()
    assert set(case.actor_codes) >= {"USA", "RUS", "UKR", "EUR", "CHN"}
    assert set(case.issue_ids) >= {"territory", "nato", "guarantees", "ceasefire", "sanctions", "minerals", "gas_transit"}
    assert {"us-adds-sanctions", "us-withdraws-support", "europe-offers-guarantees"} <= set(case.variants)
    assert {"vance-plan", "cede-annexed", "minerals-without-guarantees", "minerals-for-guarantees"} <= set(case.plans)


def test_unknown_case_suggests() -> None:
    with pytest.raises(ScenarioError, match="did you mean 'us-russia-2025'"):
        load_case("us-russia-2024")


def test_every_number_has_a_source(case) -> None:
    numbers = list(case.iter_estimates())
    assert len(numbers) == len(case.actors) * (1 + 2 * len(case.issues)) + len(case.issues)
    for field, est in numbers:
        src = est.source
        assert src.cite or src.estimate, field
        if src.cite:
            assert src.cite in case.sources and src.quote, field
        if src.estimate:
            assert len(src.estimate) > 15, f"{field}: an estimate needs its reasoning"
    for plan in case.plans.values():
        assert plan.source.cite or plan.source.estimate
        for issue, value in plan.point.items():
            assert value.source is not None, f"plans.{plan.name}.point.{issue}"


def test_estimates_have_wide_ranges(case) -> None:
    """Numbers the articles do not give are estimates with honest, wide ranges."""
    for field, est in case.iter_estimates():
        if est.source.cite is None and not field.startswith("issues."):
            width = est.high - est.low
            minimum = 0.1 if field.endswith("salience") else 20.0
            assert width >= minimum - 1e-9, f"{field}: estimate range {est.low}-{est.high} is too narrow"


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def test_sources_are_described(case) -> None:
    kul = case.sources["kulakevich-2025"]
    assert kul.outlet == "The Conversation" and "Kulakevich" in (kul.author or "") and kul.date.startswith("2025-02")
    other = case.sources["contesting-russia-2025"]
    assert "undated" in other.date and "Istanbul" in (other.note or "")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not present")
def test_quotes_are_verbatim_in_the_seed_articles(case) -> None:
    texts = {}
    for cid, citation in case.sources.items():
        assert citation.path, cid
        texts[cid] = _norm((SEEDS / Path(citation.path).name).read_text(encoding="utf-8"))
    sources = [(f, e.source) for f, e in case.iter_estimates()]
    sources += [(f"plans.{p.name}", p.source) for p in case.plans.values()]
    sources += [(f"plans.{p.name}.point.{i}", v.source) for p in case.plans.values() for i, v in p.point.items() if v.source]
    sources += [(f"variants.{v.name}", v.source) for v in case.variants.values() if v.source]
    checked = 0
    for field, src in sources:
        if src.cite:
            assert _norm(src.quote) in texts[src.cite], f"{field}: quote not found in {src.cite}: {src.quote!r}"
            checked += 1
    assert checked > 40


def test_every_model_runs_and_is_reproducible(case) -> None:
    a = run_forecast(case, draws=200, seed=2025)
    assert not a.failures, a.failures
    b = run_forecast(case, draws=200, seed=2025)
    for model in a.models:
        np.testing.assert_array_equal(a.outcomes[model], b.outcomes[model])
        assert np.all((a.outcomes[model] >= 0) & (a.outcomes[model] <= 100))


def test_face_validity_of_plan_verdicts(case) -> None:
    """Sanity checks that follow from the sourced positions, not from tuning."""
    results = {r.plan: r for r in evaluate_plans(case, draws=300)}
    assert results["cede-annexed"].verdict("RUS").accepts
    assert not results["cede-annexed"].verdict("UKR").accepts
    assert not results["russia-terms"].verdict("UKR").accepts
    assert not results["ukraine-peace-formula"].verdict("RUS").accepts
    assert results["vance-plan"].verdict("USA").accepts
    # Zelensky rejected the minerals deal without guarantees; with them Ukraine gains
    assert results["minerals-for-guarantees"].verdict("UKR").margin > results["minerals-without-guarantees"].verdict("UKR").margin


def test_variants_apply_and_move_the_forecast(case) -> None:
    base = run_forecast(case, ["compromise"], draws=200)
    for name in case.variants:
        v = run_forecast(case.with_variant(name), ["compromise"], draws=200)
        assert v.variant == name
        assert not np.allclose(base.outcomes["compromise"], v.outcomes["compromise"]), name
    hawk = run_forecast(case.with_variant("us-adds-sanctions"), ["compromise"], draws=200)
    k = case.issue_ids.index("sanctions")
    assert np.median(hawk.outcomes["compromise"][:, k]) < np.median(base.outcomes["compromise"][:, k]) - 5
