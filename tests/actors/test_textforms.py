"""Typographic variants fold to the registry's spelling; spans stay true to the original text."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import get_registry
from detente.actors.textforms import fold

REG = get_registry()


def found(text: str) -> list[tuple[str, str]]:
    mentions = REG.find_mentions(text, on=date(2023, 6, 1))
    assert all(text[m.start:m.end] == m.text for m in mentions)  # provenance: spans index the original
    return [(m.text, m.code) for m in mentions]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "\u2018", "\u2032", "\uff07"])
def test_every_apostrophe_makes_the_same_title(apostrophe: str) -> None:
    text = f"Poland{apostrophe}s foreign minister spoke to Chile{apostrophe}s army chief."
    assert [code for _, code in found(text)] == ["POLGOV", "CHLMIL"]


def test_modifier_apostrophe_possessive_of_a_name() -> None:
    assert found("Talks in Kenya\u02bcs capital") == [("Kenya", "KEN")]
    assert REG.resolve("Ukraine\u02bcs") == "UKR"
    assert REG.resolve("the Kremlin\u2019s") == "RUSGOV"


def test_no_break_and_thin_spaces_join_a_title_as_spaces_do() -> None:
    assert found("Peru\u00a0Foreign\u202fMinister arrived") == [("Peru\u00a0Foreign\u202fMinister", "PERGOV")]


def test_soft_hyphen_and_zero_width_space_inside_a_name() -> None:
    text = "Troops from Bul\u00adgaria and Ro\u200bmania left."
    assert found(text) == [("Bul\u00adgaria", "BGR"), ("Ro\u200bmania", "ROU")]


def test_non_breaking_hyphen_and_en_dash_join_names_as_a_hyphen_does() -> None:
    assert found("Guinea\u2011Bissau and Timor\u2010Leste") == [("Guinea\u2011Bissau", "GNB"), ("Timor\u2010Leste", "TLS")]
    assert found("Egypt\u2013Sudan talks") == [("Egypt", "EGY"), ("Sudan", "SDN")]


def test_em_dash_still_separates() -> None:
    # an em dash is a clause break, not a hyphen: "Guinea—Bissau" stays two names
    assert fold("Guinea\u2014Bissau").text == "Guinea\u2014Bissau"
    assert [code for _, code in found("Guinea\u2014Bissau")] == ["GIN", "GNB"]


def test_lowercase_words_stay_unmatched_after_folding() -> None:
    assert found("the government\u2019s plan for us\u00a0all") == []


def test_fold_offsets() -> None:
    f = fold("a\u00adb\u200bc d")
    assert f.text == "abc d"
    assert [f.offset(i) for i in range(len(f.text) + 1)] == [0, 2, 4, 5, 6, 7]
    assert f.span(0, 3) == (0, 5)
    ascii_text = "plain text"
    assert fold(ascii_text).text is ascii_text and fold(ascii_text).span(2, 4) == (2, 4)


def test_decomposed_accents_match_and_spans_keep_them() -> None:
    # NFD: each accent a combining character after its letter, as some systems and copy-pastes write it
    text = "Troops from Co\u0302te d\u2019Ivoire reached Lome\u0301 and Bogota\u0301."
    assert found(text) == [("Co\u0302te d\u2019Ivoire", "CIV"), ("Lome\u0301", "TGO"), ("Bogota\u0301", "COL")]
    spans = [(m.start, m.end) for m in REG.find_mentions(text)]
    assert spans == [(12, 26), (35, 40), (45, 52)]  # the accent after the last letter stays in the span
    assert REG.resolve("Co\u0302te d'Ivoire") == "CIV"


def test_fold_composes_combining_marks_and_maps_back() -> None:
    f = fold("Lome\u0301 Cu\u00adrac\u0327ao")
    assert f.text == "Lom\u00e9 Cura\u00e7ao"
    assert f.span(0, 4) == (0, 5)  # "é" is the two characters "e" + U+0301
    assert f.original[slice(*f.span(5, 12))] == "Cu\u00adrac\u0327ao"
    assert [f.offset(i) for i in range(len(f.text) + 1)] == [0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15]
    composed = "C\u00f4te d'Ivoire"
    assert fold(composed).text == composed and fold(composed).span(0, 4) == (0, 4)
