"""Quotes checked against their sources: normalisation, where texts are found, what is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.bargaining.scenario import Citation
from detente.cases.verify import candidate_paths, cited_quotes, normalise, verify_case, verify_quotes

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

SCENARIO = """\
name: t
sources:
  memo: {outlet: Memo, title: T, date: "2025", path: memo.txt}
actors:
  USA:
    capability: {value: 1, source: {cite: memo, quote: "the \\"deal\\" - signed"}}
plans:
  p:
    point:
      x: {value: 5, source: {cite: memo, quote: "never said"}}
variants:
  v:
    patches:
      - {set: actors.USA.capability, value: 2, source: {cite: memo, quote: "Russia's   offer"}}
"""
CITATIONS = {"memo": Citation(id="memo", outlet="Memo", title="T", date="2025", path="memo.txt")}


def test_normalise_quotes_dashes_ellipses_and_spaces() -> None:
    assert normalise("Russia\u2019s \u201coffer\u201d \u2013 now\u2026\n  later") == "Russia's \"offer\" - now... later"
    assert normalise("a\u00a0b") == "a b"


def test_cited_quotes_are_found_with_their_yaml_key_and_line() -> None:
    found = {key: (line, cite, quote) for key, line, cite, quote in cited_quotes(SCENARIO)}
    assert found["actors.USA.capability.source"] == (6, "memo", 'the "deal" - signed')
    assert found["plans.p.point.x.source"][2] == "never said"
    assert "variants.v.patches[0].source" in found


def test_a_quote_missing_from_the_text_is_reported_with_its_key(tmp_path: Path) -> None:
    (tmp_path / "memo.txt").write_text("They call it the \u201cdeal\u201d \u2013 signed. Russia\u2019s offer came later.", encoding="utf-8")
    report = verify_quotes(SCENARIO, CITATIONS, origin="t.yaml", base_dir=tmp_path)
    assert [c.key for c in report.missing] == ["plans.p.point.x.source"]
    assert len(report.found) == 2 and not report.ok
    assert report.texts["memo"].endswith("memo.txt")


def test_an_unavailable_text_is_unverified_not_passed(tmp_path: Path) -> None:
    report = verify_quotes(SCENARIO, CITATIONS, origin="t.yaml", base_dir=tmp_path, cwd=tmp_path)
    assert report.ok and not report.found and len(report.unverified) == 3
    assert str(tmp_path / "memo.txt") in report.unavailable["memo"]


def test_sources_folder_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "memo.txt").write_text('the "deal" - signed; Russia\'s offer; never said', encoding="utf-8")
    monkeypatch.setenv("DETENTE_SOURCES", str(folder))
    assert folder / "memo.txt" in candidate_paths("memo", CITATIONS["memo"].path, base_dir=tmp_path / "elsewhere", cwd=tmp_path)
    report = verify_quotes(SCENARIO, CITATIONS, base_dir=tmp_path / "elsewhere", cwd=tmp_path)
    assert report.ok and len(report.found) == 3


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not present")
@pytest.mark.parametrize("case", ["us-russia-2025", "belarus-2025"])
def test_every_quote_of_the_built_in_cases_is_in_its_seed(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_SOURCES", str(SEEDS))
    report = verify_case(case)
    assert report.ok, [c.key for c in report.missing]
    assert not report.unverified and len(report.found) >= 15
