"""Registry coverage for real news: armed groups, IGO acronyms and office holders of 2015-2025 by date."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import find_mentions, get_registry, resolve
from detente.actors.loading import DATA_FILES

REG = get_registry()


def _codes(text: str, on: date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in find_mentions(text, on=on)]


def test_groups_file_is_packaged_and_every_group_is_a_country_with_a_group_role() -> None:
    from importlib import resources

    import yaml

    assert "groups.yaml" in DATA_FILES
    data = yaml.safe_load(resources.files("detente.actors").joinpath("data/groups.yaml").read_text(encoding="utf-8"))
    codes = {entry["code"] for entry in data["names"]} | {t["code"] for p in data["groups"] for t in p["terms"]}
    roles = {"REB", "SEP", "OPP", "PTY", "MIL", "GOV"}  # armed groups, separatists, banned parties, Fatah, Wagner, the Taliban
    assert codes and all(len(code) == 6 and code[3:] in roles and code[:3] in REG for code in codes)
    assert {c for c in codes if c.endswith("REB")} >= {"PSEREB", "LBNREB", "YEMREB", "AFGREB"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Houthis fired a missile at the ship.", "YEMREB"),
        ("Houthi leaders vowed to respond.", "YEMREB"),
        ("Hamas fired rockets.", "PSEREB"),
        ("Hezbollah said it fired drones.", "LBNREB"),
        ("Hizballah said it fired drones.", "LBNREB"),
        ("The PKK claimed the attack.", "TURREB"),
    ],
)
def test_armed_groups_code_as_their_home_country_with_the_rebel_role(text: str, code: str) -> None:
    assert code in [c for _, c in _codes(text)]


@pytest.mark.parametrize("acronym", ["IAEA", "OSCE", "WTO", "IMF", "OPCW", "CSTO", "SCO", "GCC", "APEC", "ICJ"])
def test_igo_acronyms_are_names(acronym: str) -> None:
    assert [code for _, code in _codes(f"The {acronym} said on Monday.")] == [REG.get(acronym).code]


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Rajnath Singh", date(2022, 9, 19), "INDMIL"),  # defence minister since 2019
        ("Rajnath Singh", date(2018, 1, 1), "INDGOV"),  # home minister before
        ("Albin Kurti", date(2023, 5, 30), "XKXGOV"),
        ("Nicolas Maduro", date(2023, 12, 10), "VENGOV"),
        ("Wei Fenghe", date(2022, 6, 10), "CHNMIL"),
        ("Yoav Gallant", date(2024, 1, 5), "ISRMIL"),
        ("Ismail Haniyeh", date(2023, 11, 1), "PSEREB"),
        ("Hassan Nasrallah", date(2023, 11, 3), "LBNREB"),
        ("Tsai Ing-wen", date(2022, 8, 3), "TWNGOV"),
        ("Mevlut Cavusoglu", date(2022, 6, 28), "TURGOV"),
    ],
)
def test_office_holders_resolve_on_a_date_in_office(name: str, on: date, code: str) -> None:
    assert resolve(name, on=on) == code


def test_office_holders_do_not_resolve_outside_their_terms() -> None:
    assert resolve("Wei Fenghe", on=date(2024, 1, 1)) is None  # left office in March 2023
    assert resolve("Yoav Gallant", on=date(2025, 1, 1)) is None  # dismissed in November 2024
    assert resolve("Tsai Ing-wen", on=date(2024, 6, 1)) is None  # Lai Ching-te from 20 May 2024


def test_surname_aliases_are_found_in_running_text() -> None:
    assert _codes("Serbian President Aleksandar Vucic blamed Kurti.", date(2023, 5, 30))[-1] == ("Kurti", "XKXGOV")
    assert ("Maduro", "VENGOV") in _codes("Lula urged Maduro by phone.", date(2023, 12, 10))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Chinese Communist Party warned against interference.", "CHNGOV"),
        ("The CCP's Central Committee met.", "CHNGOV"),
        ("The Communist Party of Vietnam elected a leader.", "VNMGOV"),
        ("The Workers' Party of Korea convened a plenum.", "PRKGOV"),
    ],
)
def test_ruling_parties_are_their_states_government(text: str, code: str) -> None:
    # CAMEO's GOV role covers governing parties; the longest name wins over the demonym
    assert _codes(text)[0][1] == code


def test_a_demonym_before_communists_stays_the_country() -> None:
    assert _codes("Chinese communists in the 1930s")[0] == ("Chinese", "CHN")  # no party name, no party


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Kampuchean guerrillas attacked the camp.", date(1985, 3, 1), "KHMREB"),
        ("Rhodesian troops crossed the border.", date(1977, 3, 1), "ZWEMIL"),
        ("Upper Volta recalled its envoy.", date(1980, 3, 1), "BFA"),
        ("Zairean soldiers deserted.", date(1992, 3, 1), "CODMIL"),
        ("The OAU called for a ceasefire.", date(1995, 3, 1), "AU"),
        ("The Red Crescent delivered aid.", date(2003, 3, 1), "ICRC"),
        ("The International Labour Organization criticised the law.", date(2003, 3, 1), "ILO"),
        ("The Khmer Rouge shelled the town.", date(1985, 3, 1), "KHMREB"),
        ("The Khmer Rouge evacuated the capital.", date(1975, 4, 18), "KHMGOV"),
        ("The Revolutionary United Front freed hostages.", date(2000, 3, 1), "SLEREB"),
    ],
)
def test_historic_names_and_organisations(text: str, on: date, code: str) -> None:
    assert _codes(text, on=on)[0][1] == code


def test_northern_rhodesia_is_zambia_not_zimbabwe() -> None:
    assert _codes("Northern Rhodesia became independent.")[0][1] == "ZMB"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Security Council extended the mandate.", [("Security Council", "UNOGOV")]),
        ("A Security Council resolution passed.", [("Security Council", "UNOGOV")]),
        ("Russia's Security Council met on Friday.", [("Russia's Security Council", "RUSGOV")]),  # a state's own council
        ("The National Security Council met.", []),
        ("Officials at Ukraine's Security Council said", [("Ukraine's Security Council", "UKRGOV")]),
    ],
)
def test_security_council_alone_is_the_uns_unless_joined_to_another_name(text: str, expected: list) -> None:
    assert _codes(text) == expected


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Abiy Ahmed met Paul Kagame.", date(2020, 3, 1), [("Abiy Ahmed", "ETHGOV"), ("Paul Kagame", "RWAGOV")]),
        ("Kim Jong-il received Wen Jiabao.", date(2009, 10, 5), [("Kim Jong-il", "PRKGOV"), ("Wen Jiabao", "CHNGOV")]),
        ("Museveni accused Joseph Kabila.", date(2018, 6, 1), [("Museveni", "UGAGOV"), ("Joseph Kabila", "CODGOV")]),
        ("Reznikov thanked Kramp-Karrenbauer.", date(2021, 11, 20), [("Reznikov", "UKRMIL"), ("Kramp-Karrenbauer", "DEUMIL")]),
        ("Karim Khan asked the judges.", date(2024, 5, 20), [("Karim Khan", "ICC")]),
        ("Haitham al-Ghais spoke.", date(2023, 4, 3), [("Haitham al-Ghais", "OPEC")]),
        ("Esmail Qaani visited Baghdad.", date(2020, 4, 1), [("Esmail Qaani", "IRNMIL"), ("Baghdad", "IRQ")]),
    ],
)
def test_office_holders_of_2018_2024_resolve_to_their_office_on_the_day(text: str, on: date, expected: list[tuple[str, str]]) -> None:
    assert _codes(text, on) == expected


def test_a_term_that_ended_no_longer_speaks_for_the_state() -> None:
    # Adil Abdul-Mahdi left office on 2020-05-07; Sebastien Lecornu moved from defence to prime minister
    assert _codes("Adil Abdul-Mahdi said", date(2020, 5, 1)) == [("Adil Abdul-Mahdi", "IRQGOV")]
    # out of office his full name names his state (a former office-holder), not its government
    assert _codes("Adil Abdul-Mahdi said", date(2021, 1, 1)) == [("Adil Abdul-Mahdi", "IRQ")]
    assert _codes("Sebastien Lecornu said", date(2023, 1, 1)) == [("Sebastien Lecornu", "FRAMIL")]
    assert _codes("Sebastien Lecornu said", date(2025, 10, 1)) == [("Sebastien Lecornu", "FRAGOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ITLOS ordered Russia to release the vessels.", [("ITLOS", "ITLOS"), ("Russia", "RUS")]),
        ("The International Tribunal for the Law of the Sea ruled.", [("International Tribunal for the Law of the Sea", "ITLOS")]),
        ("The UN's top court ordered Israel to act.", [("UN's top court", "ICJ"), ("Israel", "ISR")]),
        ("The Permanent Court of Arbitration ruled for the Philippines.", [("Permanent Court of Arbitration", "PCA"), ("Philippines", "PHL")]),
        ("Mercosur and the EU closed a trade deal.", [("Mercosur", "MERCOS"), ("EU", "EUR")]),
        ("SADC sent troops.", [("SADC", "SADC")]),
        ("IGAD and the EAC met.", [("IGAD", "IGAD"), ("EAC", "EAC")]),
        ("CELAC met in Buenos Aires.", [("CELAC", "CELAC"), ("Buenos Aires", "ARG")]),
        ("OCHA warned of famine.", [("OCHA", "UNO")]),
        ("The UN refugee agency UNHCR said.", [("UN refugee agency", "UNOREF"), ("UNHCR", "UNOREF")]),
        ("The Commonwealth Secretariat said.", [("Commonwealth Secretariat", "CWN")]),
        # bare "Commonwealth" names no actor; the CIS keeps its full name
        ("The Commonwealth of Virginia sued.", []),
        ("The Commonwealth of Independent States met.", [("Commonwealth of Independent States", "CIS")]),
    ],
)
def test_courts_un_bodies_and_regional_organisations_have_codes(text: str, expected: list[tuple[str, str]]) -> None:
    assert _codes(text, date(2022, 6, 1)) == expected


def test_regional_organisations_list_their_members() -> None:
    assert "BOL" in REG.group_members("MERCOS") and "VEN" not in REG.group_members("MERCOS")
    assert {"COD", "ZAF"} <= set(REG.group_members("SADC"))
    assert "COD" in REG.group_members("EAC") and "ETH" in REG.group_members("IGAD")


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        # companies of state and national flagships: their state's BUS
        ("Saudi Aramco raised its prices.", date(2023, 6, 1), "SAUBUS"),
        ("Huawei denied the charges.", date(2019, 6, 1), "CHNBUS"),
        ("Pemex cut its output.", date(2020, 6, 1), "MEXBUS"),
        ("Energoatom said the plant lost power.", date(2022, 9, 1), "UKRBUS"),
        ("Ryanair cancelled its flights.", date(2021, 6, 1), "IRLBUS"),
        # armed groups by the state they fight in or from; Myanmar's military by its own name
        ("The SDF handed over the prison.", date(2022, 6, 1), "SYRREB"),
        ("The Allied Democratic Forces raided a village.", date(2021, 6, 1), "CODREB"),
        ("JNIM claimed the ambush.", date(2022, 6, 1), "MLIREB"),
        ("The ELN freed the hostages.", date(2023, 6, 1), "COLREB"),
        ("The Tatmadaw bombed the village.", date(2022, 6, 1), "MMRMIL"),
        ("ISIS-K claimed the bombing.", date(2021, 8, 27), "IMG"),
        # office holders of session 9's list, inside their terms
        ("Tsipras met Zaev at Prespa.", date(2018, 6, 17), "GRCGOV"),
        ("Zaev signed the agreement.", date(2018, 6, 17), "MKDGOV"),
        ("Goita expelled the envoy.", date(2022, 1, 31), "MLIGOV"),
        ("Hemedti rejected the truce.", date(2023, 6, 1), "SDNREB"),
        ("Sheikh Hasina visited Delhi.", date(2022, 9, 5), "BGDGOV"),
        ("Bukele declared a state of emergency.", date(2022, 3, 27), "SLVGOV"),
        ("Dominican officials closed the border.", date(2023, 9, 15), "DOMGOV"),
        # the second list (Africa, the Americas, New Zealand), parties and firms
        ("Suluhu addressed the Kenyan parliament.", date(2021, 5, 5), "TZAGOV"),
        ("Hipkins met Xi in Beijing.", date(2023, 6, 27), "NZLGOV"),
        ("Hichilema visited Lusaka's port.", date(2022, 3, 1), "ZMBGOV"),
        ("Noboa declared an internal armed conflict.", date(2024, 1, 9), "ECUGOV"),
        ("Zanu PF won the vote.", date(2023, 8, 27), "ZWEGOV"),
        ("DP World signed a port deal.", date(2023, 6, 1), "AREBUS"),
        ("Zaghari-Ratcliffe flew home.", date(2022, 3, 16), "GBRCVL"),
    ],
)
def test_session9_names_fill_the_unknown_sides(text: str, on: date, code: str) -> None:
    assert _codes(text, on=on)[0][1] == code


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        # Hayat Tahrir al-Sham and its leader: an insurgency, then the government from 2024-12-08
        ("HTS", date(2020, 6, 1), "SYRREB"),
        ("HTS", date(2025, 1, 15), "SYRGOV"),
        ("al-Jolani", date(2020, 6, 1), "SYRREB"),
        ("al-Jolani", date(2025, 1, 15), "SYRGOV"),
        # terms end: Tsipras after 2019-07-08, Hemedti in government before the war
        ("Tsipras", date(2020, 6, 1), None),
        ("Hemedti", date(2021, 6, 1), "SDNGOV"),
        ("Vadim Krasikov", date(2021, 12, 15), "RUSSPY"),
    ],
)
def test_session9_terms_are_dated(name: str, on: date, code: str | None) -> None:
    assert resolve(name, on=on) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nato allies pledged more air defence.", "NATO"),
        ("The regional bloc Ecowas lifted its sanctions.", "ECOWAS"),
        ("Asean leaders met in Jakarta.", "ASEANGOV"),
        ("Opec agreed to cut output.", "OPEC"),
        ("Unicef warned of famine.", "UNO"),
    ],
)
def test_acronyms_in_british_house_style_are_matched(text: str, code: str) -> None:
    assert _codes(text)[0][1] == code


def test_house_style_forms_leave_out_words_and_three_letter_acronyms() -> None:
    assert _codes("Pace of the talks slowed.") == []  # PACE, the Council of Europe's assembly
    assert _codes("Who will chair the talks?") == []  # WHO
    assert resolve("Nato") == "NATO"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("The United states and Canada agreed to talk.", "United states", "USA"),
        ("Officials of the Czech republic left early.", "Czech republic", "CZE"),  # not the demonym "Czech" alone
        ("Saudi arabia recalled its envoy.", "Saudi arabia", "SAU"),
    ],
)
def test_a_states_name_with_its_later_words_in_lower_case_is_matched(text: str, name: str, code: str) -> None:
    assert _codes(text)[0] == (name, code)


def test_lower_case_forms_are_states_names_only() -> None:
    assert _codes("The group wants an Islamic state in the region.") == []  # Islamic State is a group's name
    assert _codes("Reporters waited at the White house gate.") == []  # a metonym keeps its capitals


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # an office before a surname the registry does not list alone: the one holder on the date
        ("Prime Minister Morrison spoke with the premier.", date(2021, 3, 1), [("Morrison", "AUSGOV")]),
        ("President Castillo met the mayors.", date(2022, 6, 1), [("Castillo", "PERGOV")]),
        # nobody of that surname in office on the date, or a full name the registry matches itself
        ("Prime Minister Morrison spoke with the premier.", date(2015, 3, 1), []),
        ("Ambassador Morrison arrived.", date(2010, 3, 1), []),
        ("President Morales spoke.", date(2018, 6, 1), []),  # Evo Morales (Bolivia) and Jimmy Morales (Guatemala)
        ("President Joe Biden spoke.", date(2022, 3, 1), [("Joe Biden", "USAGOV")]),
    ],
)
def test_a_surname_after_an_office_is_the_person_in_office(text: str, on: date, expected: list[tuple[str, str]]) -> None:
    assert _codes(text, on=on) == expected


def test_a_generational_suffix_is_not_the_surname_an_office_names() -> None:
    # "Benigno Aquino III": news names him "President Aquino"; the suffix is no surname (GENERATIONAL_SUFFIXES)
    assert _codes("President Aquino flew to the summit.", on=date(2014, 5, 1)) == [("Aquino", "PHLGOV")]
    assert _codes("President Aquino flew to the summit.", on=date(2018, 5, 1)) == []  # out of office


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # people's Arabic particles capitalised, as Gulf and South Asian house styles write them
        ("Crown Prince Mohammed Bin Salman received the delegation.", date(2020, 2, 1),
         [("Crown Prince Mohammed Bin Salman", "SAUGOV")]),
        ("Abdel Fattah Al-Sisi hosted the envoys.", date(2020, 2, 1), [("Abdel Fattah Al-Sisi", "EGYGOV")]),
        # an organisation's particle is not widened, and a lower-case particle stays as registered
        ("Mohammed bin Salman received the delegation.", date(2020, 2, 1), [("Mohammed bin Salman", "SAUGOV")]),
    ],
)
def test_capitalised_name_particles_find_the_person(text: str, on: date, expected: list[tuple[str, str]]) -> None:
    assert _codes(text, on=on) == expected


def test_particle_forms_are_people_only() -> None:
    from detente.actors.names import NameEntry, particle_forms

    mbs = get_registry().person("Mohammed bin Salman")
    assert mbs is not None
    surface = {"Mohammed bin Salman": [NameEntry("SAUGOV", "person", mbs)], "Ahrar al-Sham": [NameEntry("SYRREB", "name")]}
    assert list(particle_forms(surface)) == ["Mohammed Bin Salman"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-governing parts of a state are the state's, by the guide's rule 1
        ("Greenland rejected the purchase offer.", [("Greenland", "DNK")]),
        ("The Greenland premier called the idea absurd.", [("Greenland premier", "DNKGOV")]),
        ("A Dubai firm signed the port concession.", [("Dubai firm", "AREBUS")]),
        # session 27: the guide's convention 51 names the Faroe Islands as Denmark's
        ("Brussels lifted its ban on fish from the Faroe Islands.", [("Brussels", "EUR"), ("Faroe Islands", "DNK")]),
        ("The Faroes refused to cut their quota.", [("Faroes", "DNK")]),
        ("The Faroese government rejected the offer.", [("Faroese government", "DNKGOV")]),
    ],
)
def test_self_governing_parts_are_their_states(text: str, expected: list[tuple[str, str]]) -> None:
    assert _codes(text) == expected
