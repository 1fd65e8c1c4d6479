"""One palette for the workspace, the report and the matplotlib plots."""

from __future__ import annotations

import doctest

import pytest

from detente.report import palette
from detente.report.palette import MODEL_COLOURS, NEUTRAL, actor_colours, dyad_colours, model_colours, series_colours


def test_doctests() -> None:
    assert doctest.testmod(palette).failed == 0


def test_fixed_actor_colours_do_not_depend_on_company() -> None:
    assert actor_colours(["USA", "RUS"])["USA"] == actor_colours(["CHN", "XYZ", "USA"])["USA"]
    assert actor_colours(["USAGOV", "USA"])["USAGOV"] == actor_colours(["USA"])["USA"]


def test_spare_hues_skip_the_fixed_ones_shown() -> None:
    colours = actor_colours(["USA", "IND", "PAK"])
    assert len(set(colours.values())) == 3


def test_dyad_colours_are_distinct_and_follow_the_second_actor() -> None:
    dyads = [("USA", "RUS"), ("USA", "CHN"), ("RUS", "CHN"), ("USA", "UKR"), ("RUS", "UKR")]
    colours = dyad_colours(dyads)
    assert list(colours) == ["USA-RUS", "USA-CHN", "RUS-CHN", "USA-UKR", "RUS-UKR"]
    assert colours["USA-RUS"] == actor_colours(["RUS"])["RUS"]
    assert colours["USA-UKR"] == actor_colours(["UKR"])["UKR"]
    assert len(set(colours.values())) == len(dyads)


def test_dyad_colours_run_out_into_grey_not_into_an_error() -> None:
    codes = ["USA", "RUS", "CHN", "UKR", "BLR", "IND", "PAK", "IRN"]
    dyads = [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]
    colours = dyad_colours(dyads)
    assert len(colours) == len(dyads)
    assert NEUTRAL in colours.values()


@pytest.mark.parametrize("fn", [model_colours, series_colours])
def test_series_colours_cycle_tol_muted(fn) -> None:
    names = [f"s{k}" for k in range(len(MODEL_COLOURS) + 1)]
    colours = fn(names)
    assert colours["s0"] == colours[names[-1]] == MODEL_COLOURS[0]


def test_report_and_workspace_colour_a_dyad_alike() -> None:
    """The report's relations chart and the workspace's draw USA-RUS in the same colour."""
    pytest.importorskip("plotly")
    import json

    from detente.web.charts import relations_figure

    series = [{"period": "2025-01-01", "net_coop": 0.1, "goldstein_mean": 1.0, "events": 2, "verbal_coop": 1, "material_coop": 0, "verbal_conflict": 1, "material_conflict": 0, "statements": 0}]
    doc = {"measure": "net_coop", "freq": "month", "dyads": [{"dyad": "USA-RUS", "a": "USA", "b": "RUS", "series": series, "shifts": []}]}
    fig = json.loads(relations_figure(doc))
    assert fig["data"][0]["line"]["color"] == dyad_colours([("USA", "RUS")])["USA-RUS"]
