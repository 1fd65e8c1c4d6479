"""A state's own security council is its government; only a bare or UN-named "Security Council" is the UN's."""

from __future__ import annotations

import pytest

from detente.actors import get_registry

REG = get_registry()


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in REG.find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarus's Security Council reviewed the border.", [("Belarus's Security Council", "BLRGOV")]),
        ("The Kazakh security council met late.", [("Kazakh security council", "KAZGOV")]),
        ("Iran's Supreme National Security Council rejected the offer.",
         [("Iran's Supreme National Security Council", "IRNGOV")]),
        ("The Japanese National Security Council convened.", [("Japanese National Security Council", "JPNGOV")]),
        ("Ukraine's National Security and Defense Council sanctioned firms.",
         [("Ukraine's National Security and Defense Council", "UKRGOV")]),
    ],
)
def test_a_security_council_after_a_states_name_or_adjective_is_its_government(text: str, expected: list) -> None:
    assert codes(text) == expected


def test_a_security_council_of_a_state_is_its_government() -> None:
    assert codes("The Security Council of Kazakhstan approved the doctrine.") == [
        ("Security Council of Kazakhstan", "KAZGOV"),
    ]
    assert codes("The National Security Council of Turkey met in Ankara.") == [
        ("National Security Council of Turkey", "TURGOV"), ("Ankara", "TUR"),
    ]


@pytest.mark.parametrize(
    "text", ["The Security Council adopted a text.", "The UN Security Council adopted a text.", "UNSC envoys arrived."],
)
def test_the_bare_or_un_named_security_council_stays_the_uns(text: str) -> None:
    assert [code for _, code in codes(text)] == ["UNOGOV"]


def test_the_un_council_next_to_a_state_stays_the_uns() -> None:
    assert codes("Moscow asked the UN Security Council of fifteen for a vote.") == [
        ("Moscow", "RUS"), ("UN Security Council", "UNOGOV"),
    ]
    assert codes("France told the Security Council that Mali must act.") == [
        ("France", "FRA"), ("Security Council", "UNOGOV"), ("Mali", "MLI"),
    ]


def test_the_councils_name_after_a_datelines_dash_opens_a_sentence() -> None:
    assert codes("14 March 2011 - The Security Council urged Chad to talk.") == [
        ("Security Council", "UNOGOV"), ("Chad", "TCD"),
    ]
    assert codes("Amman - Michael Jordan visited.") == [("Amman", "JOR")]  # a given name still joins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco's High Security Council weighed the report.", [("Morocco's High Security Council", "MARGOV")]),
        ("The Bangladeshi National Security Committee met at noon.",
         [("Bangladeshi National Security Committee", "BGDGOV")]),
        ("The High Security Council of Mali reviewed the plan.", [("High Security Council of Mali", "MLIGOV")]),
    ],
)
def test_a_states_high_security_council_or_security_committee_is_its_government(text: str, expected: list) -> None:
    assert codes(text) == expected


def test_a_lower_case_security_committee_is_no_title() -> None:
    # a parliament's "national security committee" is as often meant: no government role from the word
    assert codes("Norway's national security committee met.") == [("Norway", "NOR")]
