"""Scenario files: valid input loads; each class of bad input gives one line with file, line, field path and fix."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.scenario import Estimate, load_scenario, parse_scenario, scenario_from_arrays
from detente.errors import ScenarioError, UnknownActorError

TOY = (Path(__file__).parent / "scenario_toy.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_scenario_loads(tmp_path: Path) -> None:
    s = load_scenario(write(tmp_path, TOY))
    assert s.actor_codes == ["USA", "RUS"]
    assert s.issue_ids == ["sanctions"]
    assert s.actors[0].name == "United States"  # from the registry
    rus = s.stances[("RUS", "sanctions")]
    assert (rus.salience.low, rus.salience.mode, rus.salience.high) == (0.6, 0.7, 0.8)
    assert rus.position.is_point and rus.position.mode == 95
    assert s.actors[1].capability.source.cite == "memo"
    assert s.issue("sanctions").anchors == {0.0: "tighter", 25.0: "kept", 100.0: "all lifted"}
    assert s.issue("sanctions").label(30) == "kept"
    np.testing.assert_array_equal(s.stance_array("position", "mode"), [[50.0], [95.0]])
    assert s.plans["keep"].point["sanctions"].value == 25


def test_input_hash_is_stable_and_sensitive() -> None:
    a = parse_scenario(TOY)
    b = parse_scenario(TOY)
    c = parse_scenario(TOY.replace("value: 95,", "value: 94,"))
    assert a.input_hash() == b.input_hash()
    assert a.input_hash() != c.input_hash()
    assert re.fullmatch(r"[0-9a-f]{64}", a.input_hash())


def one_line_error(tmp_path: Path, text: str, exc: type[Exception] = ScenarioError) -> str:
    path = write(tmp_path, text)
    with pytest.raises(exc) as info:
        load_scenario(path)
    msg = str(info.value)
    assert "\n" not in msg
    assert str(path) in msg
    assert "(fix: " in msg
    return msg


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    msg = one_line_error(tmp_path, TOY.replace('{0: "tighter", 25', '{0: "tighter" 25'))
    assert "malformed YAML" in msg
    assert ":17:" in msg  # the anchors line


def test_missing_field(tmp_path: Path) -> None:
    msg = one_line_error(tmp_path, TOY.replace("    name: Sanctions relief\n", ""))
    assert "issues.sanctions.name" in msg
    assert "missing field `name`" in msg


def test_salience_out_of_range(tmp_path: Path) -> None:
    msg = one_line_error(tmp_path, TOY.replace("salience: {value: 0.5,", "salience: {value: 5,"))
    assert "positions.USA.sanctions.salience" in msg
    assert ":23:" in msg
    assert "between 0 and 1" in msg


def test_unknown_actor(tmp_path: Path) -> None:
    msg = one_line_error(tmp_path, TOY.replace("  RUS:\n    capability", "  RUX:\n    capability"), UnknownActorError)
    assert "actors.RUX" in msg
    assert "did you mean 'RUS'" in msg
    assert "custom: true" in msg


def test_custom_actor_outside_registry(tmp_path: Path) -> None:
    text = TOY.replace("  RUS:\n    capability", "  RUS:\n    custom: true\n    name: Russia (custom)\n    capability")
    assert load_scenario(write(tmp_path, text)).actors[1].name == "Russia (custom)"


def test_position_off_scale(tmp_path: Path) -> None:
    msg = one_line_error(tmp_path, TOY.replace("position: {value: 95,", "position: {value: 120,"))
    assert "positions.RUS.sanctions.position" in msg
    assert "0-100 scale" in msg


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("[30, 50, 70]", "[70, 50, 30]", "positions.USA.sanctions.position.value"),
        ("cite: memo,", "cite: memmo,", "actors.RUS.capability.source.cite"),
        ("status_quo: {value: 25", "status_qo: {value: 25", "issues.sanctions.status_qo"),
        ('source: {estimate: "a lever"}', "source: {}", "positions.USA.sanctions.salience.source"),
        ("point: {sanctions: 25}", "point: {}", "plans.keep.point"),
        ('anchors: {0: "tighter", 25: "kept", 100: "all lifted"}', 'anchors: {0: "tighter"}', "issues.sanctions.anchors"),
    ],
)
def test_other_bad_inputs_name_the_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    assert old in TOY
    msg = one_line_error(tmp_path, TOY.replace(old, new))
    assert field in msg


def test_missing_stance(tmp_path: Path) -> None:
    text = TOY[: TOY.index("  RUS:\n    sanctions:")] + TOY[TOY.index("plans:") :]
    msg = one_line_error(tmp_path, text)
    assert "positions.RUS" in msg


def test_not_a_mapping(tmp_path: Path) -> None:
    assert "not a YAML mapping" in one_line_error(tmp_path, "- just\n- a list\n")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.yaml")


def test_estimate_shift_and_scale_clip() -> None:
    e = Estimate(0.5, 0.7, 0.9)
    s = e.shifted(0.2, (0.0, 1.0))
    assert (s.low, s.mode, s.high) == pytest.approx((0.7, 0.9, 1.0))
    c = Estimate(10, 20, 30).scaled(0.5, (0.0, float("inf")))
    assert (c.low, c.mode, c.high) == (5, 10, 15)


def test_scenario_from_arrays_defaults_status_quo_to_median() -> None:
    s = scenario_from_arrays(
        name="arr", actors=["A", "B", "C"], issues=["x"], positions=[[10], [20], [90]], salience=[[1], [1], [1]], capability=[1, 1, 1]
    )
    assert s.issue("x").status_quo.mode == 20
    assert s.actor_codes == ["A", "B", "C"]


def test_ktab_csv_converts(tmp_path: Path) -> None:
    pytest.importorskip("detente.bargaining.ktab")
    csv = (
        "Toy,Toy scenario, 3, 1,\n"
        "Actor,Description,Influence,XYZ Position,XYZ Salience,\n"
        "A,Alpha,100,20,60,\n"
        "B,Beta,50,60,40,\n"
        "C,Gamma,25,90,80,\n"
    )
    s = load_scenario(write(tmp_path, csv, "toy.csv"))
    assert s.actor_codes == ["A", "B", "C"]
    assert len(s.issues) == 1
    st = s.stances[("C", s.issue_ids[0])]
    assert st.position.mode == 90
    assert st.salience.mode == pytest.approx(0.8)
    assert s.actors[0].capability.mode == 100
