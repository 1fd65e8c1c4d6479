"""The code algebra: splitting codes against the registry, and the one prefix rule of store and series."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.actors import NON_STATE_ROLES, actor_prefixes, get_registry
from detente.errors import UnknownActorError


def test_a_word_is_not_a_code_plus_a_role() -> None:
    codes = get_registry().codes
    assert codes.split("UKRAINE") is None  # AINE is no role: the bug behind "USA-UKRAINE" with no events
    assert codes.split("HUNGARY") is None and codes.split("AUSTRIA") is None
    assert codes.split("ukrgov") == ("UKR", "GOV")
    assert codes.split("NATOMIL") == ("NATO", "MIL")
    assert codes.split("ROM") == ("ROU", None)  # a former code
    assert codes.split("the Kremlin") is None


def test_plain_code_covers_roles_but_not_challengers() -> None:
    usa = actor_prefixes("USA")
    assert usa.matches("USAGOV") and usa.matches("USAMIL") and usa.matches("USA")
    ukr = actor_prefixes("Ukraine")
    assert ukr.code == "UKR" and not ukr.matches("UKRREB") and not ukr.matches("RUS")
    assert set(ukr.exclude) == {"UKR" + r for r in NON_STATE_ROLES}
    assert actor_prefixes("UKRREB").matches("UKRREB")  # asked for by its full code
    # radicals and extremists (CAMEO RAD) are challengers too, not the state
    assert not actor_prefixes("Egypt").matches("EGYRAD") and actor_prefixes("EGYRAD").matches("EGYRAD")


def test_groups_add_members_and_roles_narrow() -> None:
    eu = actor_prefixes("European Union")
    assert eu.code == "EUR" and {"EUR", "DEU", "FRA", "HUN"} <= set(eu.include)
    assert eu.matches("DEUGOV") and not eu.matches("DEUREB")
    assert actor_prefixes("EURGOV").include == ("EURGOV",)


def test_mask_and_sql_agree() -> None:
    import duckdb

    codes = ["USAGOV", "USA", "UKRREB", "UKR", "UKRMIL", "DEUGOV", "EURGOV", "RUS", "USAMILOPP"]
    frame = pd.DataFrame({"code": codes})
    con = duckdb.connect()
    for actor in ("USA", "UKR", "EUR", "EURGOV", "UKRREB"):
        rule = actor_prefixes(actor)
        by_pandas = frame.loc[rule.mask(frame["code"].astype("string")), "code"].tolist()
        condition, params = rule.sql("code")
        by_sql = [r[0] for r in con.execute(f"SELECT code FROM frame WHERE {condition}", params).fetchall()]
        assert sorted(by_pandas) == sorted(by_sql) == sorted(c for c in codes if rule.matches(c)), actor


def test_unknown_actor_is_an_error_not_an_empty_match() -> None:
    with pytest.raises(UnknownActorError, match="did you mean Hungary"):
        actor_prefixes("Hungry")


def test_store_and_series_use_the_same_rule(tmp_path) -> None:  # noqa: ANN001
    from datetime import date

    from detente.events.schema import Event
    from detente.events.store import EventStore
    from detente.relations import dyad_events

    events = [
        Event(date(2025, 3, 1), "RUSMIL", "UKRMIL", "190", "19", 4, -10.0, "t", "a"),
        Event(date(2025, 3, 2), "RUSGOV", "UKRREB", "070", "07", 2, 7.0, "t", "b"),
        Event(date(2025, 3, 3), "DEUGOV", "RUSGOV", "111", "11", 3, -2.0, "t", "c"),
    ]
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.ingest(events, file="t")
        for a, b in (("Russia", "Ukraine"), ("RUS", "UKRREB"), ("EU", "Moscow")):
            stored = store.events(dyad=(a, b))
            frame = dyad_events(stored.assign(date=pd.to_datetime(stored["date"])), a, b)
            assert len(stored) == len(frame) == 1, (a, b)


# -- sectors: country + role, and when two codes of one country are two sides ---------------------


def test_compose_puts_a_country_and_a_sector_together() -> None:
    codes = get_registry().codes
    assert codes.compose("nga", "cop") == "NGACOP"
    assert codes.compose("NATO", "MIL") == "NATOMIL"
    assert codes.compose("ROM", "GOV") == "ROUGOV"  # a former code is replaced
    assert codes.compose("NGAGOV", "COP") == "NGAGOV"  # a code names one sector: the one it has stays
    assert codes.compose("NGA", None) == "NGA"
    with pytest.raises(UnknownActorError, match="role 'XYZ'"):
        codes.compose("NGA", "XYZ")
    with pytest.raises(UnknownActorError, match="QQQ"):
        codes.compose("QQQ", "GOV")


@pytest.mark.parametrize(
    ("a", "b", "sides"),
    [
        ("NGACOP", "NGAOPP", True),  # police and opposition: a domestic event
        ("RUSGOV", "RUSMIL", True),
        ("NGA", "NGAREB", True),  # the state and its challengers (a plain code does not stand for them)
        ("NGAOPP", "NGA", True),
        ("NGA", "NGAGOV", False),  # the country and its government: no sides to tell apart
        ("NGA", "NGA", False),
        ("NGAGOV", "NGAGOV", False),
        ("USAGOV", "RUSGOV", False),  # not one country at all
        ("ROMGOV", "ROUMIL", True),  # former and current code of one country
        ("NOT A CODE", "NGAGOV", False),
    ],
)
def test_distinct_sides(a: str, b: str, sides: bool) -> None:
    assert get_registry().codes.distinct_sides(a, b) is sides
    assert get_registry().codes.distinct_sides(b, a) is sides


def test_the_country_of_a_code_is_its_base_not_its_first_three_letters() -> None:
    from detente.actors import country_of

    # the cut of three letters is wrong for an organisation with a two-letter code and a role
    assert "AUGOV"[:3] != "AU" and country_of("AUGOV") == country_of("AU") == "AU"
    assert country_of("G7GOV") == "G7"
    assert country_of("NATOMIL") == "NATO" and country_of("RUSMIL") == "RUS" and country_of("ROM") == "ROU"
    assert country_of("---") == "---"  # an unknown side stays unknown
