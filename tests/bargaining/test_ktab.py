"""Reading KTAB SMP scenario CSVs: layout, conversion and strict validation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.ktab import KtabScenario, read_ktab_csv
from detente.errors import InputError, ScenarioError

SHARED_KTAB = Path(__file__).resolve().parents[3] / "shared" / "data" / "ktab"

GOOD = """Border talks,"Three parties, two issues",3,2,
Actor,Description,Power,Line Position,Line Salience,Aid Position,Aid Salience,
North, The northern party , 60, 20, 50, 80, 30,
South,The southern party,30,70,40,10,60

Broker,A mediator,10.5,45,20,50,20,
"""


def write(tmp_path: Path, text: str, name: str = "case.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_fields_and_converts_salience(tmp_path: Path) -> None:
    sc = read_ktab_csv(write(tmp_path, GOOD))
    assert isinstance(sc, KtabScenario)
    assert sc.name == "Border talks"
    assert sc.description == "Three parties, two issues"
    assert sc.actors == ["North", "South", "Broker"]
    assert sc.actor_descriptions == ["The northern party", "The southern party", "A mediator"]
    assert sc.dimensions == ["Line", "Aid"]
    np.testing.assert_allclose(sc.power, [60, 30, 10.5])
    np.testing.assert_allclose(sc.positions, [[20, 80], [70, 10], [45, 50]])
    np.testing.assert_allclose(sc.salience, [[0.5, 0.3], [0.4, 0.6], [0.2, 0.2]])
    assert sc.positions.shape == (3, 2) and sc.salience.shape == (3, 2) and sc.power.shape == (3,)


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-8"))
    assert read_ktab_csv(path).actors == ["North", "South", "Broker"]


def test_model_input_has_one_draw(tmp_path: Path) -> None:
    mi = read_ktab_csv(write(tmp_path, GOOD)).to_model_input()
    assert mi.shape == (1, 3, 2)
    np.testing.assert_allclose(mi.status_quo, [[45, 50]])


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (",3,2,", ",4,2,", 1, ["announces 4 actors", "3 actor rows"]),
        (",3,2,", ",three,2,", 1, ["number of actors", "'three'"]),
        (",3,2,", ",3,0,", 1, ["number of dimensions"]),
        ("Aid Salience,", "", 2, ["row 2", "6 columns", "exactly 7"]),
        (" 60, 20,", " 60, twenty,", 3, ["North.Line Position", "'twenty'"]),
        (" 60, 20,", " 60, 120,", 3, ["North.Line Position", "0-100"]),
        ("70,40,10,60", "70,-5,10,60", 4, ["South.Line Salience", "0-100"]),
        ("70,40,10,60", "70,40,10,61", 4, ["South.salience", "101", "more than 100"]),
        (" 60, 20,", " -60, 20,", 3, ["North.Power", ">= 0"]),
        ("Broker,A mediator,10.5,45,20,50,20,", "Broker,A mediator,10.5,45,20,50,", 6, ["6 cells", "expected 7"]),
        ("Broker,", "North,", 6, ["listed twice", "line 3"]),
        ("30,70,40,10,60", "30,70,40,10,nan", 4, ["finite"]),
    ],
)
def test_bad_input_names_file_line_field_and_fix(
    tmp_path: Path, old: str, new: str, line: int, words: list[str]
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ScenarioError) as info:
        read_ktab_csv(path)
    err = info.value
    text = str(err)
    assert isinstance(err, InputError)
    assert f"{path}:{line}" in text
    assert err.hint, "every error carries a fix"
    for word in words:
        assert word in text


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="file not found"):
        read_ktab_csv(tmp_path / "nope.csv")
    with pytest.raises(ScenarioError, match="empty"):
        read_ktab_csv(write(tmp_path, "\n\n"))


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("name", "n_actors", "n_dims"),
    [
        ("dummyData_3Dim.csv", 7, 3),
        ("dummyData_6Dim.csv", 27, 6),
        ("dummyData-a040.csv", 40, 1),
        ("dummyData-a080.csv", 80, 1),
        ("dummyData-a160.csv", 160, 1),
        ("SOE-Policy.csv", 26, 1),
        ("SOE-Competitive.csv", 34, 1),
        ("SOE-Pol-Comp.csv", 13, 2),
    ],
)
def test_reads_every_ktab_example(name: str, n_actors: int, n_dims: int) -> None:
    path = SHARED_KTAB / name
    if not path.exists():
        pytest.skip(f"../shared/data/ktab/{name} absent")
    sc = read_ktab_csv(path)
    assert sc.positions.shape == (n_actors, n_dims)
    assert len(sc.actors) == n_actors and len(sc.dimensions) == n_dims
    assert np.all(sc.salience.sum(axis=1) <= 1 + 1e-9)
    assert np.all((sc.positions >= 0) & (sc.positions <= 100))
