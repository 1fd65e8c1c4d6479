"""CAMEO actor role suffixes: the table, nouns to roles, and splitting codes."""

from __future__ import annotations

import pytest

from detente.ontology import ROLE_SUFFIXES, role_for_noun, role_nouns, split_code


def test_core_roles_present() -> None:
    for role in ("GOV", "MIL", "OPP", "REB", "BUS", "MED", "COP", "JUD", "LEG", "SPY", "EDU", "ELI", "CVL", "IGO", "NGO", "REF"):
        assert role in ROLE_SUFFIXES and len(role) == 3
    assert set(role_nouns().values()) <= set(ROLE_SUFFIXES)


@pytest.mark.parametrize(
    ("noun", "role"),
    [
        ("minister", "GOV"), ("president", "GOV"), ("government", "GOV"), ("official", "GOV"), ("Officials", "GOV"),
        ("Foreign Minister", "GOV"), ("deputy prime minister", "GOV"), ("prime-minister", "GOV"),
        ("army", "MIL"), ("troops", "MIL"), ("military", "MIL"), ("forces", "MIL"), ("armed forces", "MIL"),
        ("defence minister", "MIL"), ("opposition", "OPP"), ("rebels", "REB"), ("separatists", "REB"),
        ("company", "BUS"), ("firm", "BUS"), ("bank", "BUS"), ("media", "MED"), ("television", "MED"),
        ("newspaper", "MED"), ("state media", "MED"), ("police", "COP"), ("court", "JUD"), ("parliament", "LEG"),
        ("lawmakers", "LEG"), ("intelligence", "SPY"), ("refugees", "REF"), ("civilians", "CVL"),
    ],
)
def test_role_for_noun(noun: str, role: str) -> None:
    assert role_for_noun(noun) == role


@pytest.mark.parametrize("noun", ["", "banana", "talks", "sanctions", "foreign"])
def test_role_for_noun_unknown(noun: str) -> None:
    assert role_for_noun(noun) is None


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("USAGOV", ("USA", "GOV")), ("usagov", ("USA", "GOV")), ("RUS", ("RUS", None)), ("RUSMIL", ("RUS", "MIL")),
        ("USAGOVMIL", ("USA", "GOVMIL")), ("NATO", ("NATO", None)), ("NATOMIL", ("NATO", "MIL")),
        ("EURGOV", ("EUR", "GOV")), ("BRICS", ("BRICS", None)), ("G20", ("G20", None)), ("G7", ("G7", None)),
    ],
)
def test_split_code(code: str, parts: tuple[str, str | None]) -> None:
    assert split_code(code) == parts


@pytest.mark.parametrize(
    ("sectors", "role"),
    [
        ("Executive,Foreign Ministry,Government", "GOV"),
        ("Military,Government", "MIL"),
        ("Government,Executive,Defense / Security Ministry", "MIL"),
        ("Government,Police", "COP"),
        ("Government,Legislative / Parliamentary,Parties", "LEG"),
        ("Elite,Government,Legislative / Parliamentary,Executive,Lower House", "GOV"),
        ("Social,Legal", "JUD"),
        ("Government", "GOV"),
        ("Elite,(National) Major Party,Opposition Major Party (Out Of Government),Parties", "OPP"),
        ("Dissident,Criminals / Gangs", "CRM"),
        ("Unidentified Forces", "UAF"),
        ("Nongovernmental Organization (International),Human Rights IGOs,Human Rights NGOs", "NGO"),
        ("International Government Organization,Global Diplomatic IGOs", "IGO"),
        ("Business,Multinational Corporation", "BUS"),
        ("Consumer Goods Business", "BUS"),
        ("General Population / Civilian / Social,Social", "CVL"),
        ("State Media,Media", "MED"),
        (["Military Intelligence", "Military"], "SPY"),
        ("(National) Major Party,Parties,Ideological", "PTY"),
        ("Hindu,Ideological", None),
        ("", None),
        ("NA", None),
        (None, None),
    ],
)
def test_role_for_icews_sectors(sectors: object, role: str | None) -> None:
    from detente.ontology import role_for_icews_sectors

    assert role_for_icews_sectors(sectors) == role  # type: ignore[arg-type]
