"""A state's name right after a common given name is a person's surname (detente.actors.given_names)."""

from __future__ import annotations

from detente.actors import get_registry
from detente.actors.given_names import GIVEN_NAMES, given_name_before

REG = get_registry()


def codes(text: str) -> list[str]:
    return [m.code for m in REG.find_mentions(text)]


def test_a_given_name_makes_the_state_a_surname() -> None:
    assert codes("Former deputy attorney general Lisa Monaco spoke about Iran.") == ["IRN"]
    assert codes("Steve Israel, a former congressman, criticised Qatar.") == ["QAT"]
    assert codes("Lisa Monaco opened a bank account in Monaco.") == ["MCO"]  # the second Monaco is the state


def test_the_state_stays_after_other_capitalised_words() -> None:
    assert codes("In Monaco, officials met Israel's envoy.")[0] == "MCO"
    assert "USAMIL" in codes("In Arlington, Virginia Pentagon officials spoke.")  # a place, not a given name
    assert codes("Israel-Monaco ties grew.") == ["ISR", "MCO"]


def test_the_list_leaves_out_words_and_places() -> None:
    assert {"Will", "May", "Mark", "Virginia", "Georgia", "Jordan", "Chad"}.isdisjoint(GIVEN_NAMES)
    assert given_name_before("Lisa Monaco", 5)
    assert not given_name_before("Jean-Lisa Monaco", 10)
    assert not given_name_before("in Monaco", 3)
