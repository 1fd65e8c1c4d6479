"""The CAMEO codebook: completeness, quad boundaries, Goldstein weights, normalisation, PLOVER."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from detente import ontology
from detente.errors import InputError
from detente.events.schema import QUAD_LABELS

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def test_codebook_has_312_unique_codes_with_all_fields() -> None:
    codes = ontology.all_codes()
    assert len(codes) == 312
    assert len({c.code for c in codes}) == 312
    assert sum(c.is_root for c in codes) == 20
    for c in codes:
        assert c.code.isdigit() and len(c.code) in (2, 3, 4)
        assert c.root == c.code[:2]
        assert c.label and c.label == c.label.strip()
        assert -10.0 <= c.goldstein <= 10.0
        assert c.quad in QUAD_LABELS


def test_every_code_has_its_parent() -> None:
    known = {c.code for c in ontology.all_codes()}
    for c in ontology.all_codes():
        if c.parent is not None:
            assert c.parent in known, c.code


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 0), ("02", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_boundaries(root: str, quad: int) -> None:
    assert ontology.quad(root) == quad
    for c in ontology.all_codes():
        if c.root == root:
            assert c.quad == quad


@pytest.mark.parametrize(
    ("code", "weight"),
    [
        ("190", -10.0), ("051", 3.4), ("042", 1.9), ("043", 2.8), ("046", 7.0), ("057", 8.0),
        ("0874", 10.0), ("130", -4.4), ("138", -7.0), ("163", -8.0), ("164", -6.5), ("016", -5.0),
        ("022", 3.4), ("124", -4.0), ("165", -7.0), ("166", -7.0), ("182", -9.5), ("010", 0.0),
    ],
)
def test_goldstein_pinned_to_icews_table(code: str, weight: float) -> None:
    assert ontology.goldstein(code) == weight


@pytest.mark.parametrize(
    ("given", "expected"),
    [("042", "042"), (" 042 ", "042"), ("42", "042"), (42, "042"), (42.0, "042"), (211, "0211"),
     ("0211", "0211"), (1, "01"), ("1", "01"), (10, "10"), ("010", "010"), (190, "190"), ("2042", "2042")],
)
def test_normalize_code(given: object, expected: str) -> None:
    assert ontology.normalize_code(given) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["999", "", "04a", "0", 7777, 4.5, None, True])
def test_unknown_codes_raise_input_error(bad: object) -> None:
    with pytest.raises(ontology.UnknownCameoCodeError) as info:
        ontology.get(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, InputError)
    assert info.value.hint
    assert not ontology.is_code(bad)


def test_get_returns_frozen_dataclass() -> None:
    c = ontology.get("0211")
    assert (c.code, c.root, c.quad, c.plover) == ("0211", "02", 1, "REQUEST")
    assert ontology.root("0211") == "02" and ontology.label("0211") == c.label
    with pytest.raises(AttributeError):
        c.goldstein = 0.0  # type: ignore[misc]


@pytest.mark.shared_data
def test_labels_are_our_own_not_the_public_names() -> None:
    path = SHARED / "cameo_codes.csv"
    if not path.exists():
        pytest.skip("../shared/data/cameo_codes.csv absent")
    with path.open(encoding="latin-1") as handle:
        names = {row["code"]: row["name"].strip().casefold() for row in csv.DictReader(handle)}
    same = [c.code for c in ontology.all_codes() if c.label.casefold() == names[c.code]]
    assert same == []


@pytest.mark.shared_data
def test_codebook_matches_the_public_table() -> None:
    path = SHARED / "cameo_codes.csv"
    if not path.exists():
        pytest.skip("../shared/data/cameo_codes.csv absent")
    with path.open(encoding="latin-1") as handle:
        table = {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle)}
    assert {c.code: c.goldstein for c in ontology.all_codes()} == table


@pytest.mark.shared_data
def test_quad_matches_gdelt_quadclass() -> None:
    path = SHARED / "gdelt_v1_events_sample.tsv"
    if not path.exists():
        pytest.skip("../shared/data/gdelt_v1_events_sample.tsv absent")
    pairs = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split("\t")
        pairs.add((fields[28], int(fields[29])))  # EventRootCode, QuadClass (GDELT 1.0 layout)
    assert len({root for root, _ in pairs}) == 20
    for root, gdelt_quad in pairs:
        # GDELT counts statements (01) as verbal cooperation; detente splits them off as 0.
        if root == "01":
            assert (gdelt_quad, ontology.quad(root)) == (1, 0)
        else:
            assert ontology.quad(root) == gdelt_quad


@pytest.mark.parametrize(
    ("code", "ptype", "mode", "context"),
    [
        ("041", "CONSULT", "phone", ""),
        ("042", "CONSULT", "visit", ""),
        ("0311", "AGREE", "", "economic"),
        ("057", "SUPPORT", "", "diplomatic"),
        ("084", "RETREAT", "", ""),
        ("0871", "RETREAT", "ceasefire", "military"),
        ("081", "CONCEDE", "", "legal"),
        ("091", "ACCUSE", "investigate", "crime;corruption"),
        ("1056", "REQUEST", "yield", "military"),
        ("1312", "THREATEN", "restrict", "economic"),
        ("163", "COERCE", "restrict", "diplomatic"),
        ("164", "SANCTION", "withdraw", "diplomatic"),
        ("191", "COERCE", "restrict", "military"),
        ("1712", "ASSAULT", "seize", "human_security"),
        ("195", "ASSAULT", "heavy-weapons", "military"),
        ("2042", "ASSAULT", "unconventional", "cbrn"),
    ],
)
def test_plover_mapping(code: str, ptype: str, mode: str, context: str) -> None:
    mapping = ontology.to_plover(code)
    assert mapping is not None
    assert (mapping.type, mapping.mode, mapping.context, mapping.source) == (ptype, mode, context, "table")
    assert ontology.get(code).plover == ptype


def test_plover_appeals_follow_their_demand_twin_and_statements_have_none() -> None:
    appeal, demand = ontology.to_plover("0254"), ontology.to_plover("1054")
    assert appeal is not None and demand is not None
    assert (appeal.type, appeal.mode, appeal.context) == (demand.type, demand.mode, demand.context)
    assert appeal.source == "derived:1054"
    assert ontology.to_plover("010") is None and ontology.get("013").plover is None
    assert all(c.plover for c in ontology.all_codes() if c.root != "01")
