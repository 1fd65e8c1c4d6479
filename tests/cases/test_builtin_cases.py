"""The packaged cases (us-russia-2025, belarus-2025): load by name, every number sourced, quotes verbatim, run.

The quote test here is an oracle independent of `detente.cases.verify` (which
test_verify.py checks through `case check`'s own code path).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.montecarlo import run_forecast
from detente.bargaining.plans import evaluate_plans
from detente.cases import DEFAULT_CASE, list_cases, load_case, resolve_case
from detente.cases.verify import normalise
from detente.errors import ScenarioError

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def case():
    return load_case(DEFAULT_CASE)


@pytest.fixture(scope="module", params=["us-russia-2025", "belarus-2025"])
def any_case(request):
    return load_case(request.param)


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


def test_every_number_has_a_source(any_case) -> None:
    numbers = list(any_case.iter_estimates())
    assert len(numbers) == len(any_case.actors) * (1 + 2 * len(any_case.issues)) + len(any_case.issues)
    for field, est in numbers:
        src = est.source
        assert src.cite or src.estimate, field
        if src.cite:
            assert src.cite in any_case.sources and src.quote, field
        if src.estimate:
            assert len(src.estimate) > 15, f"{field}: an estimate needs its reasoning"
    for plan in any_case.plans.values():
        assert plan.source.cite or plan.source.estimate
        for issue, value in plan.point.items():
            assert value.source is not None, f"plans.{plan.name}.point.{issue}"


def test_estimates_have_wide_ranges(any_case) -> None:
    """Numbers the articles do not give are estimates with honest, wide ranges."""
    for field, est in any_case.iter_estimates():
        if est.source.cite is None and not field.startswith("issues."):
            width = est.high - est.low
            minimum = 0.1 if field.endswith("salience") else 20.0
            assert width >= minimum - 1e-9, f"{field}: estimate range {est.low}-{est.high} is too narrow"


def test_sources_are_described(case) -> None:
    kul = case.sources["kulakevich-2025"]
    assert kul.outlet == "The Conversation" and "Kulakevich" in (kul.author or "") and kul.date.startswith("2025-02")
    other = case.sources["contesting-russia-2025"]
    assert "undated" in other.date and "Istanbul" in (other.note or "")


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not present")
def test_quotes_are_verbatim_in_the_seed_articles(any_case) -> None:
    texts = {}
    for cid, citation in any_case.sources.items():
        assert citation.path, cid
        texts[cid] = _norm((SEEDS / Path(citation.path).name).read_text(encoding="utf-8"))
    checked = 0
    for field, src in _all_sources(any_case):
        if src.cite:
            assert _norm(src.quote) in texts[src.cite], f"{field}: quote not found in {src.cite}: {src.quote!r}"
            checked += 1
    assert checked >= 15


def test_every_model_runs_and_is_reproducible(any_case) -> None:
    a = run_forecast(any_case, draws=200, seed=2025)
    assert not a.failures, a.failures
    b = run_forecast(any_case, draws=200, seed=2025)
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


def _all_sources(scenario):  # noqa: ANN001, ANN202 - (yaml path, Source) of every sourced value
    found = [(f, e.source) for f, e in scenario.iter_estimates()]
    found += [(f"plans.{p.name}.source", p.source) for p in scenario.plans.values()]
    found += [(f"plans.{p.name}.point.{i}", v.source) for p in scenario.plans.values() for i, v in p.point.items() if v.source]
    found += [(f"variants.{v.name}.source", v.source) for v in scenario.variants.values() if v.source]
    return found


def test_both_cases_are_listed() -> None:
    assert {"us-russia-2025", "belarus-2025"} <= set(list_cases())


def test_facts_from_outside_the_articles_are_marked_external(any_case) -> None:
    """Dates and trends the articles do not state live in `external:`, never in a quote or an estimate."""
    outside = ("30 April", "11 May", "gaining ground", "advancing", "2022 peace formula", "position paper")
    for field, src in _all_sources(any_case):
        for text in (src.quote or "", src.estimate or ""):
            assert not any(o in text for o in outside), f"{field}: an outside fact is presented as sourced: {text!r}"
        if src.external:
            assert len(src.external) > 20 and "external (not in the sources)" in src.describe(), field
    for cid, citation in any_case.sources.items():
        note = citation.note or ""
        if any(o in note for o in outside):
            assert "External" in note, f"sources.{cid}.note"


def test_the_named_outside_facts_are_there_and_marked(case) -> None:
    external = " ".join(src.external for _, src in _all_sources(case) if src.external)
    assert "30 April 2025" in external and "battlefield" in external
    assert "11 May 2025" in case.sources["contesting-russia-2025"].note


def test_an_actor_never_cites_one_quote_for_two_stances(any_case) -> None:
    """One reported stance is evidence for one issue of an actor, not counted again on another."""
    seen: dict[tuple[str, str], str] = {}
    for field, est in any_case.iter_estimates():
        if not field.startswith("positions.") or not est.source.cite:
            continue
        _, actor, issue, _ = field.split(".")
        key = (actor, normalise(est.source.quote))
        assert seen.setdefault(key, issue) == issue, f"{field} and positions.{actor}.{seen[key]} cite the same quote"


def test_values_agree_with_their_quotes_and_date(case) -> None:
    usa = lambda issue: case.stances[("USA", issue)]  # noqa: E731
    # the US keeps its sanctions ("a tough stance"): no partial relief as its position
    sanctions = usa("sanctions").position
    assert "tough stance" in sanctions.source.quote and sanctions.mode <= 30
    # mid-May: the minerals deal is signed; the US position rests on it, not on the February proposal
    minerals = usa("minerals").position
    assert "split all profits" in minerals.source.quote and minerals.mode < 50 and "30 April" in minerals.source.external
    # Ukraine's stake in the transit route does not rest on the Nord Stream 2 sentence
    transit = case.stances[("UKR", "gas_transit")].salience.source
    assert "Germany" not in (transit.quote or "") and "Kyiv" in transit.quote
    # China's support for Russia is cited once, not also for China's clout
    assert "supported Putin" not in (case.actors[case.actor_codes.index("CHN")].capability.source.quote or "")


def test_the_missing_elements_are_cited(case) -> None:
    quotes = " ".join(src.quote or "" for _, src in _all_sources(case))
    assert "more than 50 policy actions" in quotes  # the first-term record
    assert "optionally allow Ukraine to purchase weapons" in quotes  # arms purchases in the minerals deal
    assert "increased defense spending" in quotes  # European defence spending
    assert "anger among Russian hardliners" in quotes  # the hardliners
    assert "rather than signaling abandonment" in case.variants["us-withdraws-support"].description  # Kulakevich's reading
    hard = run_forecast(case.with_variant("russian-hardliners-push-back"), ["compromise"], draws=200)
    base = run_forecast(case, ["compromise"], draws=200)
    k = case.issue_ids.index("territory")
    assert np.median(hard.outcomes["compromise"][:, k]) > np.median(base.outcomes["compromise"][:, k])


@pytest.fixture(scope="module")
def belarus():
    return load_case("belarus-2025")


def test_belarus_is_built_from_the_seed(belarus) -> None:
    assert belarus.actor_codes == ["USA", "BLR", "RUS", "CHN"]
    assert belarus.issue_ids == ["sanctions_relief", "prisoners", "dependence"]
    assert "over 1,200 political prisoners" in belarus.issue("prisoners").status_quo.source.quote
    assert belarus.issue("sanctions_relief").status_quo.mode == 0
    aim = belarus.stances[("USA", "dependence")].position.source.quote
    assert "less economically dependent on Russia and China" in aim
    exchange = belarus.plans["potash-for-prisoners"].source.quote
    assert "banks and exports of potash" in exchange and "release of Belarusian political opposition members" in exchange


def test_belarus_plan_verdicts_follow_from_the_positions(belarus) -> None:
    results = {r.plan: r for r in evaluate_plans(belarus, draws=300)}
    deal = results["potash-for-prisoners"]
    assert deal.verdict("USA").accepts and deal.verdict("BLR").accepts
    assert not results["all-for-all"].verdict("RUS").accepts  # Russia wants its ally kept dependent
    # Minsk prefers relief without releases to the exchange; Washington the reverse
    assert results["relief-without-releases"].verdict("BLR").margin > deal.verdict("BLR").margin
    assert deal.verdict("USA").margin > results["relief-without-releases"].verdict("USA").margin


def test_belarus_variants_move_the_forecast(belarus) -> None:
    base = run_forecast(belarus, ["compromise"], draws=200)
    grip = run_forecast(belarus.with_variant("russia-tightens-grip"), ["compromise"], draws=200)
    k = belarus.issue_ids.index("dependence")
    assert np.median(grip.outcomes["compromise"][:, k]) > np.median(base.outcomes["compromise"][:, k])
    assert run_forecast(belarus.with_variant("us-drops-china-aim"), ["compromise"], draws=50).variant == "us-drops-china-aim"
