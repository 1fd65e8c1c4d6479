"""The registry audit and the wrong matches it found, each pinned by a hand-written sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import find_mentions, get_registry
from detente.actors.audit import audit, contained_names, main, read_words
from detente.actors.registry import ActorRegistry

REG = get_registry()


def codes(text: str, on: date | None = date(2024, 6, 1)) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in find_mentions(text, on=on)]


def test_every_name_inside_another_actors_name_loses_to_the_longer_name() -> None:
    pairs = contained_names(REG)
    assert ("Ireland", "IRL", "Northern Ireland", "GBR") in pairs
    assert ("Guinea", "GIN", "Papua New Guinea", "PNG") in pairs
    for short, _code, longer, other in pairs:
        found = [(m.text, m.code) for m in find_mentions(longer)]
        assert found == [(longer, other)], (short, longer, found)


def test_no_written_name_stands_for_two_codes() -> None:
    assert [f for f in audit(REG) if f.problem == "shared"] == []


def test_the_packaged_data_is_valid_and_guarded_names_are_the_actors_own() -> None:
    assert REG.validate() == []
    bad = ActorRegistry.from_yaml_text("actors:\n  - {code: TCD, name: Chad, guarded: [Tchad]}\n")
    assert bad.validate() == ["TCD: guarded name 'Tchad' is not one of its names"]


def test_dictionary_words_are_found_and_guarded_ones_are_marked(tmp_path: Path) -> None:
    words = tmp_path / "words"
    words.write_text("chad\nturkey\nwest\nun\nJordan\nman's\n", encoding="utf-8")
    vocabulary = read_words(words)
    assert vocabulary == {"chad", "turkey", "west", "un"}  # proper nouns and possessives are no common words
    found = {(f.name, f.code, f.guarded) for f in audit(REG, vocabulary) if f.problem == "word"}
    assert {("Chad", "TCD", True), ("Turkey", "TUR", False), ("West", "WST", True)} <= found
    assert not any(name == "UN" for name, _, _ in found)  # an acronym is no word


def test_the_script_says_how_to_get_a_word_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--words", str(tmp_path / "none")]) == 2
    assert "apt-get install wamerican" in capsys.readouterr().err
    words = tmp_path / "words"
    words.write_text("turkey\nchad\n", encoding="utf-8")
    assert main(["--words", str(words)]) == 0
    out = capsys.readouterr().out
    assert "word\tTurkey\tTUR" in out and "Chad" not in out  # guarded names only with --all


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places inside a state that hold another state's name (CAMEO: Northern Ireland is GBR)
        ("Police in Northern Ireland arrested two men.", [("Police", None), ("Northern Ireland", "GBR")]),
        ("Gunmen attacked an oil platform in the Niger Delta.", [("Niger Delta", "NGA")]),
        ("New Mexico and Mexico signed a water deal.", [("New Mexico", "USA"), ("Mexico", "MEX")]),
        ("Nigeria closed its border with Niger.", [("Nigeria", "NGA"), ("Niger", "NER")]),
        ("Papua New Guinea, Guinea-Bissau and Equatorial Guinea voted against.",
         [("Papua New Guinea", "PNG"), ("Guinea-Bissau", "GNB"), ("Equatorial Guinea", "GNQ")]),
        # given names and first words of other names (guarded)
        ("Jordan Bardella criticised the plan.", []),
        ("The striker was compared with Michael Jordan.", []),
        ("Chad Mitchell, a spokesman, declined to comment.", []),
        ("Georgia Governor Brian Kemp signed the bill.", []),
        ("West Virginia lawmakers met in Charleston.", []),
        ("The talks eased East-West tensions.", []),
        ("Fighting flared in Western Cambodia.", [("Cambodia", "KHM")]),
        ("Western Union halted transfers.", []),
        ("Holland Park residents protested.", []),
        # a given name opening the sentence joins the guarded name; a function word does not
        ("Richard Wagner wrote the opera in Zurich.", []),
        ("Michael Jordan said he would retire.", []),
        ("Sofia Coppola filmed in Tokyo.", [("Tokyo", "JPN")]),
        ("New Jersey Governor Phil Murphy signed the bill.", [("New Jersey", "USA")]),
        ("Jersey City police closed the road.", []),
        ("National Security Council spokesman Ned Lamont spoke.", []),
        # ... which still name their actor alone or beside another actor
        ("In Jordan, police dispersed the protest.", [("Jordan", "JOR"), ("police", None)]),
        ("Israel-Jordan talks resumed.", [("Israel", "ISR"), ("Jordan", "JOR")]),
        ("Chad expelled the French ambassador.", [("Chad", "TCD"), ("French ambassador", "FRAGOV")]),
        ("Russia sent troops to Georgia in 2008.", [("Russia", "RUS"), ("Georgia", "GEO")]),
        ("The West imposed new sanctions.", [("West", "WST")]),
        ("Unlike Georgia, Armenia joined the treaty.", [("Georgia", "GEO"), ("Armenia", "ARM")]),
        ("Wagner seized the airfield near Bamako.", [("Wagner", "RUSMIL"), ("Bamako", "MLI")]),
        ("Sofia vetoed the start of accession talks.", [("Sofia", "BGR")]),
        ("Jersey refused licences to French boats.", [("Jersey", "GBR"), ("French", "FRA")]),
        ("Western governments condemned the coup.", [("Western governments", "WSTGOV")]),
        # CAMEO's African regions before "West" and "Africa"
        ("West African leaders met in Abuja.", [("West African leaders", "WAFGOV"), ("Abuja", "NGA")]),
        ("Drought hit East Africa.", [("East Africa", "EAF")]),
        # the Congos: "Congolese" is the DRC's; "Korea" alone is nobody's
        ("Congolese refugees crossed into Uganda.", [("Congolese refugees", "CODREF"), ("Uganda", "UGA")]),
        ("Korea raised its tariffs.", []),
    ],
)
def test_wrong_matches_are_fixed(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert codes(text) == [(t, c) for t, c in expected if c is not None]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UNITA accused the government of fraud.", "AGOOPP"),
        ("The National Union for the Total Independence of Angola rejected the result.", "AGOOPP"),
        ("Police arrested members of MASSOB in Onitsha.", "NGASEP"),
        ("IPOB called a sit-at-home.", "NGASEP"),
        ("The Islamic Salvation Front was banned.", "DZAREB"),
        ("Leaders of the FIS were jailed.", "DZAREB"),
        ("Fatah accused Hamas of a coup.", "PSEPTY"),
        ("Kifaya activists rallied in Cairo.", "EGYOPP"),
        ("The Wagner Group withdrew from Bakhmut.", "RUSMIL"),
        ("ISIS claimed the bombing.", "IMG"),
        ("Islamic State fighters attacked the town.", "IMGREB"),  # a title: the fighters of the group
        ("Al-Qaeda threatened the embassy.", "IMG"),
        ("The Quad pledged vaccines.", "QUAD"),
        ("Hamas fired rockets.", "PSEREB"),
        ("Hezbollah fired drones.", "LBNREB"),
        ("Ansar Allah seized the ship.", "YEMREB"),
        ("The PKK declared a ceasefire.", "TURREB"),
        ("Al-Shabaab attacked the base.", "SOMREB"),
        ("Boko Haram kidnapped students.", "NGAREB"),
        ("The IAEA sent inspectors.", "IAEA"),
        ("The OSCE monitored the vote.", "OSCE"),
        ("ASEAN met in Jakarta.", "ASEAN"),
        ("The AU suspended Niger.", "AU"),
        ("ECOWAS imposed sanctions.", "ECOWAS"),
        ("The G7 agreed a price cap.", "G7"),
        ("The G20 met in Bali.", "G20"),
    ],
)
def test_gaps_are_filled(text: str, code: str) -> None:
    assert codes(text)[0][1] == code


@pytest.mark.parametrize(
    ("on", "code"),
    [(date(1995, 6, 1), "AFGREB"), (date(1999, 6, 1), "AFGGOV"), (date(2010, 6, 1), "AFGREB"), (date(2023, 6, 1), "AFGGOV")],
)
def test_the_taliban_govern_or_fight_by_date(on: date, code: str) -> None:
    assert codes("The Taliban closed girls' schools.", on=on)[0] == ("Taliban", code)
    assert REG.resolve("Taliban", on=on) == code


def test_a_users_own_file_can_guard_a_name() -> None:
    reg = ActorRegistry.from_yaml_text(
        "actors:\n  - {code: TRN, name: Transnistria, kind: other, metonyms: [Tiraspol, Sheriff], guarded: [Sheriff]}\n"
    )
    assert reg.validate() == []
    assert [(m.text, m.code) for m in reg.find_mentions("Sheriff Tiraspol won. Sheriff said no.")] == [
        ("Tiraspol", "TRN"), ("Sheriff", "TRN"),
    ]
