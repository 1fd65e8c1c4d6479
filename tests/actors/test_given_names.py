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


def test_the_written_list_names_each_given_name_once() -> None:
    # the fact list is read as written (the frozenset would hide a twin): one place per name, so that dropping a
    # name drops it
    import ast
    import collections
    import inspect

    from detente.actors import given_names

    tree = ast.parse(inspect.getsource(given_names))
    assigned = next(node for node in tree.body if isinstance(node, ast.AnnAssign)
                    and isinstance(node.target, ast.Name) and node.target.id == "GIVEN_NAMES")
    listed = assigned.value.left.args[0].func.value.value.split()  # frozenset("...".split()) - frozenset(...)
    assert [name for name, n in collections.Counter(listed).items() if n > 1] == []
