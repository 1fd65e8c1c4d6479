"""The name index and `lookup`: what a user types, resolved the same way everywhere, or an error with suggestions."""

from __future__ import annotations

from datetime import date

import pytest

import detente.actors as actors
from detente.actors import get_registry, lookup
from detente.actors.names import name_key
from detente.errors import UnknownActorError


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ukraine", "UKR"), ("UKRAINE", "UKR"), ("ukr", "UKR"), ("Belarus", "BLR"), ("Hungary", "HUN"),
        ("Austria", "AUT"), ("Georgia", "GEO"), ("Kazakhstan", "KAZ"), ("European Union", "EUR"), ("EU", "EUR"),
        ("the Kremlin", "RUSGOV"), ("Kremlin", "RUSGOV"), ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Russians", "RUS"),
        ("Chinese", "CHN"), ("Putin", "RUSGOV"), ("Lukashenko", "BLRGOV"), ("usagov", "USAGOV"), ("  Washington ", "USA"),
    ],
)
def test_names_codes_and_aliases_resolve(text: str, code: str) -> None:
    assert lookup(text) == code


@pytest.mark.parametrize(
    ("typo", "meant"), [("Ukrane", "Ukraine (UKR)"), ("Hungry", "Hungary (HUN)"), ("Kazakstan", "Kazakhstan (KAZ)"),
                        ("Europen Union", "European Union (EUR)"), ("Putn", "Putin (RUSGOV)")],
)
def test_unknown_names_suggest_the_nearest(typo: str, meant: str) -> None:
    with pytest.raises(UnknownActorError) as info:
        lookup(typo, field="B")
    assert f"did you mean {meant}" in str(info.value)
    assert str(info.value).startswith(f"B: unknown actor '{typo}'")


def test_suggestions_name_each_actor_once() -> None:
    near = get_registry().suggestions("Ukriane")
    assert near[0] == "Ukraine (UKR)" and len({s.rsplit("(", 1)[1] for s in near}) == len(near)


def test_nothing_near_gives_a_general_hint() -> None:
    with pytest.raises(UnknownActorError, match="DETENTE_ACTORS"):
        lookup("Qwxzv")
    with pytest.raises(UnknownActorError, match="no actor given"):
        lookup("  ")


def test_a_person_outside_their_terms_says_so() -> None:
    assert lookup("Trump", on=date(2025, 3, 1)) == "USAGOV"
    with pytest.raises(UnknownActorError, match="stood for no actor on 2022-06-01"):
        lookup("Trump", on=date(2022, 6, 1))


def test_name_key_folds_case_article_and_possessive() -> None:
    assert name_key("The  Kremlin's") == name_key("kremlin") == "kremlin"


def test_the_package_reexports_its_public_names() -> None:
    from detente.actors import entities, loading, mentions, names, prefixes, registry

    for name in actors.__all__:
        assert hasattr(actors, name), name
    assert actors.lookup is registry.lookup and actors.actor_prefixes is prefixes.actor_prefixes
    assert actors.Actor is entities.Actor and actors.Mention is entities.Mention
    assert loading.DATA_FILES and names.NameIndex and mentions.MentionMatcher
