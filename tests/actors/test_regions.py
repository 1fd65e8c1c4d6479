"""Regional adjectives narrow definite descriptions to their region's states ("the Baltic country")."""

from __future__ import annotations

import pytest

from detente.actors import get_registry
from detente.actors.regions import region_of, regions
from detente.coding.context import Context


def described(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in Context.read(text, None).mentions if m.text.lower().startswith("the ")]


def test_every_region_lists_registry_states() -> None:
    registry = get_registry()
    assert all(registry.actors[c].kind == "state" for codes in regions().values() for c in codes)
    assert regions()["Baltic"] == {"EST", "LVA", "LTU"}


def test_two_word_regions_win_and_unknown_capitalised_words_are_reported() -> None:
    assert region_of(["South", "American"])[0] == regions()["South American"]
    assert region_of(["small", "Gulf", "Arab"]) == (regions()["Gulf Arab"], [])
    assert region_of(["Alpine"]) == (None, ["Alpine"])
    assert region_of(["self-ruled"]) == (None, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing downgraded ties with Vilnius. The Baltic country said it would not back down.",
         [("The Baltic country", "LTU")]),
        ("Kuwait hosted envoys from Pakistan. The Gulf state said the talks went well.", [("The Gulf state", "KWT")]),
        ("Bolivia signed a deal with Germany. The South American nation will export lithium.",
         [("The South American nation", "BOL")]),
        ("Pyongyang fired two missiles. Washington said the East Asian nation must stop.",
         [("the East Asian nation", "PRK")]),
    ],
)
def test_a_regional_description_takes_the_one_named_state_of_its_region(text: str, expected: list) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Beijing criticised the Baltic country on Monday.",  # China is named, but is no Baltic state
        "Iran met France. The Gulf state said nothing.",  # neither is a Gulf state
        "Oman and Qatar met. The Gulf state said nothing.",  # two fit: no guess
        "Austria hosted talks. The Alpine country said nothing.",  # an unknown region: no guess
        "Texas sued. The state said it would appeal the ruling against Mexico.",  # "the state" alone: no state
    ],
)
def test_no_description_when_the_region_fits_none_or_several(text: str) -> None:
    assert described(text) == []


def test_a_region_word_inside_a_description_is_not_the_region() -> None:
    codes = [m.code for m in Context.read("Washington will keep sanctions on the Asian nation.", None).mentions]
    assert "ASA" not in codes  # "the Asian nation" is one (unnamed) state, not Asia
    near_miss = [m.code for m in Context.read("Asian markets fell on Monday.", None).mentions]
    assert near_miss == ["ASA"]


def test_descriptions_look_no_further_than_the_previous_sentence() -> None:
    far = "Saudi Arabia hosted talks. Rain fell. Prices rose. The kingdom said it was pleased."
    near = "Saudi Arabia hosted talks. The kingdom said it was pleased."
    assert described(far) == [] and described(near) == [("The kingdom", "SAU")]


def test_the_head_of_a_description_is_its_last_noun() -> None:
    assert described("Cuba and Taiwan met. The island nation said no.") == []  # two islands named
    assert described("Malta and Chad met. The island nation said no.") == [("The island nation", "MLT")]


def test_two_states_of_the_region_before_it_leave_it_unresolved() -> None:
    assert described("Pyongyang fired two missiles. Tokyo said the East Asian nation must stop.") == []


def test_the_table_is_what_the_pure_python_yaml_loader_reads() -> None:
    """regions() reads the file with libyaml's parser where present (faster at start-up);
    the table is the one PyYAML's own safe loader gives."""
    from importlib import resources

    import yaml

    from detente.actors.regions import regions

    text = resources.files("detente.actors").joinpath("data/regions.yaml").read_text(encoding="utf-8")
    plain = {str(w): frozenset(codes) for w, codes in yaml.safe_load(text)["regions"].items()}
    assert regions() == plain and len(plain) > 10
