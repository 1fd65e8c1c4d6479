"""The actor registry: codes, names, metonyms, demonyms, people by date, groups, loading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import ActorRegistry, get_registry
from detente.errors import DataFormatError, InputError, UnknownActorError

REG = get_registry()


def test_packaged_data_is_consistent() -> None:
    assert REG.validate() == []
    states = [a for a in REG if a.kind == "state"]
    assert len(states) >= 195
    assert all(len(a.code) == 3 and a.code.isalpha() for a in states)


def test_no_name_points_to_two_actors() -> None:
    for text, entries in REG.names().items():
        codes = {code for code, kind in entries if kind != "person"}
        assert len(codes) <= 1, (text, entries)


def test_public_api_of_the_skeleton() -> None:
    assert "USA" in REG and "USAGOV" in REG and "RUSMIL" in REG and "NATO" in REG
    assert "XYZ" not in REG and 42 not in REG and "USAXYZ" not in REG
    assert REG.get("usagov").name == "United States"
    assert REG.base_code("USAGOV") == "USA" and REG.base_code("NATOMIL") == "NATO"
    with pytest.raises(UnknownActorError) as info:
        REG.get("XYZ")
    assert isinstance(info.value, InputError) and info.value.hint


def test_former_codes_map_to_current_ones() -> None:
    assert REG.normalize_code("romgov") == "ROUGOV"
    assert REG.get("ZAR").code == "COD"
    assert "NAT" in REG


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RUS"), ("russian federation", "RUS"), ("the Russian Federation", "RUS"),
        ("United States of America", "USA"), ("U.S.", "USA"), ("Britain", "GBR"), ("Great Britain", "GBR"),
        ("Turkiye", "TUR"), ("Ivory Coast", "CIV"), ("Czechia", "CZE"), ("Burma", "MMR"), ("DPRK", "PRK"),
        ("USA", "USA"), ("usagov", "USAGOV"), ("G7", "G7"),
    ],
)
def test_resolve_names_and_codes(name: str, code: str) -> None:
    assert REG.resolve(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Washington", "USA"), ("Beijing", "CHN"),
        ("Minsk", "BLR"), ("Berlin", "DEU"), ("Paris", "FRA"), ("London", "GBR"), ("Warsaw", "POL"),
        ("Ankara", "TUR"), ("Riyadh", "SAU"), ("Tehran", "IRN"), ("Pyongyang", "PRK"), ("Brussels", "EUR"),
        ("the Kremlin", "RUSGOV"), ("The White House", "USAGOV"), ("the Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"), ("the Elysee", "FRAGOV"), ("Élysée", "FRAGOV"),
        ("European Commission", "EURGOV"), ("European Parliament", "EURLEG"), ("State Duma", "RUSLEG"),
    ],
)
def test_resolve_metonyms(name: str, code: str) -> None:
    assert REG.resolve(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russian", "RUS"), ("Ukrainian", "UKR"), ("American", "USA"), ("Chinese", "CHN"), ("European", "EUR"),
     ("Belarusian", "BLR"), ("Russians", "RUS"), ("North Korean", "PRK")],
)
def test_resolve_demonyms(name: str, code: str) -> None:
    assert REG.resolve(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russian Foreign Minister", "RUSGOV"), ("Ukrainian officials", "UKRGOV"), ("Chinese troops", "CHNMIL"),
     ("the Russian army", "RUSMIL"), ("EU leaders", "EURGOV"), ("Russia's foreign ministry", "RUSGOV")],
)
def test_resolve_titles(name: str, code: str) -> None:
    assert REG.resolve(name) == code


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Trump", date(2016, 12, 31), None),
        ("Trump", date(2017, 1, 20), "USAGOV"),
        ("Donald Trump", date(2019, 6, 1), "USAGOV"),
        ("Trump", date(2021, 1, 19), "USAGOV"),
        ("Trump", date(2021, 1, 20), None),
        ("Trump", date(2022, 6, 1), None),
        ("Trump", date(2025, 1, 19), None),
        ("Trump", date(2025, 1, 20), "USAGOV"),
        ("Trump", None, "USAGOV"),
        ("Biden", date(2022, 6, 1), "USAGOV"),
        ("Biden", date(2025, 2, 1), None),
        ("Zelensky", date(2019, 5, 19), None),
        ("Zelenskyy", date(2019, 5, 20), "UKRGOV"),
        ("Rubio", date(2025, 1, 21), "USAGOV"),
        ("Rubio", date(2024, 6, 1), "USALEG"),
        ("Vance", date(2025, 1, 20), "USAGOV"),
        ("Putin", date(2025, 2, 12), "RUSGOV"),
        ("Lavrov", date(2004, 1, 1), None),
        ("Lavrov", date(2025, 2, 18), "RUSGOV"),
        ("Medvedev", date(2010, 1, 1), "RUSGOV"),
        ("Medvedev", date(2024, 1, 1), "RUSGOV"),
        ("Hegseth", date(2025, 3, 1), "USAMIL"),
        ("Xi Jinping", date(2025, 3, 1), "CHNGOV"),
        ("Lukashenko", date(2025, 3, 1), "BLRGOV"),
        ("Tikhanovskaya", date(2025, 3, 1), "BLROPP"),
        ("Kim Jong Un", date(2025, 3, 1), "PRKGOV"),
        ("Scholz", date(2025, 5, 5), "DEUGOV"),
        ("Scholz", date(2025, 5, 6), None),
        ("Merz", date(2025, 5, 6), "DEUGOV"),
        ("Merz", date(2024, 5, 6), "DEUOPP"),
        ("Starmer", date(2024, 7, 5), "GBRGOV"),
        ("von der Leyen", date(2025, 3, 1), "EURGOV"),
        ("Stoltenberg", date(2024, 9, 30), "NATO"),
        ("Stoltenberg", date(2024, 10, 1), None),
        ("Rutte", date(2024, 10, 1), "NATO"),
        ("Guterres", date(2025, 3, 1), "UNO"),
        ("MBS", date(2025, 2, 18), "SAUGOV"),
        ("Tusk", date(2016, 1, 1), "EURGOV"),
        ("Tusk", date(2025, 1, 1), "POLGOV"),
    ],
)
def test_resolve_people_by_date(name: str, on: date | None, code: str | None) -> None:
    assert REG.resolve(name, on=on) == code


def test_resolve_unknown_and_empty() -> None:
    assert REG.resolve("Atlantis") is None
    assert REG.resolve("") is None and REG.resolve("   ") is None


def test_group_members() -> None:
    eu = REG.group_members("EUR")
    assert len(eu) == 27 and {"DEU", "FRA", "POL", "HUN"} <= set(eu) and "GBR" not in eu
    assert REG.group_members("EURGOV") == eu
    assert len(REG.group_members("NATO")) == 32 and "USA" in REG.group_members("NATO")
    assert REG.group_members("RUS") == ()
    assert {"EUR", "NATO", "G7"} <= set(REG.groups_of("FRAGOV"))
    with pytest.raises(UnknownActorError):
        REG.group_members("XYZ")


def test_person_lookup() -> None:
    person = REG.person("zelenskyy")
    assert person is not None and person.name == "Volodymyr Zelensky"
    assert REG.person("Nobody") is None


YAML = """
actors:
  - {code: XKA, name: Freedonia, aliases: [Republic of Freedonia], metonyms: [Fredville], demonyms: [Freedonian],
     institutions: {Palace of Rufus: GOV}}
  - {code: RUS, name: Russia (renamed)}
people:
  - name: Rufus T. Firefly
    aliases: [Firefly]
    terms: [{code: XKAGOV, start: 1933-11-17, end: 1933-12-31, role: leader}]
"""


def test_load_and_extend(tmp_path: Path) -> None:
    extra = ActorRegistry.from_yaml_text(YAML)
    merged = REG.extend(extra)
    assert merged.resolve("Fredville") == "XKA"
    assert merged.resolve("the Palace of Rufus") == "XKAGOV"
    assert merged.resolve("Freedonian troops") == "XKAMIL"
    assert merged.resolve("Firefly", on=date(1933, 12, 1)) == "XKAGOV"
    assert merged.resolve("Firefly", on=date(1934, 1, 1)) is None
    assert merged.get("RUS").name == "Russia (renamed)"
    assert REG.get("RUS").name == "Russia" and REG.resolve("Fredville") is None  # the default is untouched
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    assert ActorRegistry.from_yaml_file(path).resolve("Freedonia") == "XKA"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("actors: [{name: No Code}]", "needs `code`"),
        ("actors: [{code: 'a b', name: Bad}]", "bad actor code"),
        ("actors: [{code: ABC, name: A, institutions: {Hall: XXX}}]", "unknown role"),
        ("people: [{name: P, terms: [{code: USAGOV, start: 2020-13-01}]}]", "bad date"),
        ("people: [{name: P, terms: [{code: USAGOV, start: 2020-01-02, end: 2020-01-01}]}]", "ends before"),
        ("people: [{name: P}]", "no terms"),
        ("people: [{name: P, terms: [{code: USAGOV, start: 2020-01-01, role: President, of X}]}]", "unknown key(s) of X"),
        ("actors: [unclosed", "not valid YAML"),
        ("- just a list", "expected a mapping"),
    ],
)
def test_bad_yaml_raises_data_format_error(text: str, fragment: str) -> None:
    with pytest.raises(DataFormatError) as info:
        ActorRegistry.from_yaml_text(text, path="mine.yaml")
    assert fragment in str(info.value) and "mine.yaml" in str(info.value)


def test_missing_file_is_a_data_format_error(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError):
        ActorRegistry.from_yaml_file(tmp_path / "absent.yaml")


def test_env_var_adds_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    monkeypatch.setenv("DETENTE_ACTORS", str(path))
    get_registry.cache_clear()
    try:
        assert get_registry().resolve("Freedonia") == "XKA"
    finally:
        monkeypatch.delenv("DETENTE_ACTORS")
        get_registry.cache_clear()
    assert get_registry().resolve("Freedonia") is None


def test_names_section_adds_to_existing_actors(tmp_path: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(
        "names:\n"
        "  - {name: Lubyanka, code: RUSSPY}\n"
        "  - {name: Rossiya, code: RUS}\n"
        "  - {name: Muscovite, code: RUS, kind: demonym}\n",
        encoding="utf-8",
    )
    reg = REG.with_yaml_file(path)
    assert reg.resolve("the Lubyanka") == "RUSSPY"
    assert reg.resolve("Rossiya") == "RUS"
    assert [(m.text, m.code) for m in reg.find_mentions("Muscovite officials")] == [("Muscovite officials", "RUSGOV")]
    assert reg.get("RUS").aliases[0] == "Russian Federation"  # the rest of the entry is kept
    assert REG.resolve("Lubyanka") is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("names: [{name: X}]", "needs `name` and `code`"),
        ("names: [{name: X, code: QQQ}]", "unknown actor code"),
        ("names: [{name: X, code: RUS, kind: person}]", "unknown kind"),
    ],
)
def test_bad_names_section(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFormatError) as info:
        REG.with_yaml_file(path)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("name", "sectors", "country", "on", "code"),
    [
        ("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry,Government", "Bangladesh", None, "BGDGOV"),
        ("High Ranking Military Personnel (Vietnam)", "Military,Government", "Vietnam", None, "VNMMIL"),
        ("Japan", "", "Japan", None, "JPN"),
        ("Russian Federation", "NA", "Russian Federation", None, "RUS"),
        ("Citizen (India)", "General Population / Civilian / Social,Social", "India", None, "INDCVL"),
        ("Narendra Modi", "Elite,Dissident,Opposition Major Party (Out Of Government)", "India", date(2018, 6, 1), "INDGOV"),
        ("European Parliament", "", "", None, "EURLEG"),
        ("United Nations", None, None, None, "UNO"),
        ("Unspecified Actor", "", "", None, None),
        ("Somebody", "Government", "Atlantis", None, None),
    ],
)
def test_icews_actor(name: str, sectors: str | None, country: str | None, on: date | None, code: str | None) -> None:
    assert REG.icews_actor(name, sectors, country, on=on) == code


def test_add_actor_and_person_rebuild_lookups() -> None:
    from detente.actors import Actor, Person, Term

    reg = REG.extend(ActorRegistry())
    assert reg.resolve("Ruritania") is None
    reg.add_actor(Actor(code="RUR", name="Ruritania", demonyms=("Ruritanian",)))
    reg.add_person(Person("Rudolf Rassendyll", ("Rassendyll",), (Term("RURGOV", date(1894, 1, 1)),)))
    assert reg.resolve("Ruritania") == "RUR"
    assert [m.code for m in reg.find_mentions("Ruritanian troops and Rassendyll")] == ["RURMIL", "RURGOV"]
    assert reg.validate() == []


def test_a_dated_group_is_a_name_not_a_person() -> None:
    from datetime import date

    from detente.coding.context import is_person

    reg = get_registry()
    [taliban] = reg.find_mentions("The Taliban said on Sunday", on=date(2023, 6, 1))
    assert (taliban.code, taliban.kind) == ("AFGGOV", "name") and not is_person(taliban)
    [envoy] = reg.find_mentions("Blinken said on Sunday", on=date(2023, 6, 1))
    assert envoy.kind == "person" and is_person(envoy)  # near-miss: people stay people


def test_groups_section_is_validated_and_dated() -> None:
    import pytest

    from detente.errors import DataFormatError

    reg = ActorRegistry.from_yaml_text(
        "actors:\n  - {code: TRN, name: Transnistria, kind: other}\n"
        "groups:\n  - name: Sheriff\n    terms: [{code: TRNBUS, start: 1993-01-01}]\n"
    )
    from datetime import date

    [m] = reg.find_mentions("Sheriff won the cup", on=date(2020, 1, 1))
    assert (m.code, m.kind) == ("TRNBUS", "name")
    assert reg.find_mentions("Sheriff won the cup", on=date(1990, 1, 1)) == []
    with pytest.raises(DataFormatError, match=r"groups\[0\]\.terms"):
        ActorRegistry.from_yaml_text("groups:\n  - name: Sheriff\n    terms: []\n")


def test_pakistans_prime_ministers_have_no_gap_from_2013() -> None:
    from datetime import date, timedelta

    terms = [t for p in get_registry().people for t in p.terms if t.code == "PAKGOV" and "Prime Minister" in t.role]
    day = date(2013, 6, 5)
    while day < date(2025, 1, 1):  # caretakers included: "Caretaker Prime Minister Kakar" is Pakistan's government
        assert any(t.covers(day) for t in terms), day
        day += timedelta(days=7)
    assert get_registry().resolve("Anwaarul Haq Kakar", on=date(2024, 1, 17)) == "PAKGOV"


def test_people_of_a_document_replace_earlier_ones_by_name_and_go_last() -> None:
    """One pass over a document's people gives what adding them one by one gave: a person
    replaces every earlier one of that name (of the registry and of the document itself)
    and goes last, so the last of a repeated name stands at the place of its last entry."""
    from detente.actors.registry import ActorRegistry

    def person(name: str, code: str) -> str:
        return f"{{name: {name}, terms: [{{code: {code}, start: 2020-01-01}}]}}"

    registry = ActorRegistry.from_yaml_text(
        "people: [" + ", ".join([person("A", "USAGOV"), person("B", "USAGOV"), person("C", "USAGOV")]) + "]")
    registry.load_yaml_text(
        "people: [" + ", ".join([person("B", "RUSGOV"), person("D", "RUSGOV"), person("B", "CHNGOV"),
                                 person("E", "RUSGOV")]) + "]")
    got = [(p.name, p.terms[0].code) for p in registry.people]
    assert got == [("A", "USAGOV"), ("C", "USAGOV"), ("D", "RUSGOV"), ("B", "CHNGOV"), ("E", "RUSGOV")]
    registry.load_yaml_text("actors: []")  # a document without people leaves them as they are
    assert [(p.name, p.terms[0].code) for p in registry.people] == got
