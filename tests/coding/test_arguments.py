"""Resolving noun phrases to actors: roles from head nouns."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding.sector_words import with_role


def test_with_role():
    assert with_role("UKR", "officials") == "UKRGOV"
    assert with_role("UKR", "banana") == "UKR"
    assert with_role("USAGOV", "troops") == "USAGOV"


# -- "in X" after a noun of office or membership says whose it is --------------------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Officials in Armenia and Azerbaijan traded blame for the clashes.", ("ARMGOV", "AZEGOV")),
        ("Protesters in Hong Kong condemned China.", ("HKGCVL", "CHN")),  # protesters are civilians (CVL)
        ("Rebels in Mali attacked French soldiers.", ("MLIREB", "FRAMIL")),
    ],
)
def test_people_in_a_place_belong_to_it(coder, sentence, pair):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert pair in [(r.event.source, r.event.target) for r in events]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # the place phrase says whose a sector is, though the sentence names another state too
        ("Security forces in Guinea tortured Liberian refugees.", ("GINCOP", "LBRREF")),
        ("Rebels in Chad attacked Sudanese troops.", ("TCDREB", "SDNMIL")),
        # students, clergy and farmers in a place are its own
        ("Students in Nairobi protested against the government.", ("KENEDU", "KENGOV")),
    ],
)
def test_a_sector_in_a_named_state_is_that_states(coder, sentence, pair):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert pair in [(r.event.source, r.event.target) for r in events]


@pytest.mark.nlp
def test_a_two_word_sector_noun_after_a_nationality_takes_its_sector(coder):
    # "armed groups" is the sector list's rebels, though "groups" alone names no sector
    pairs = _pairs(coder, "Lebanese police in Tyre confiscated rifles from Lebanese armed groups, the Syrian army said.")
    assert ("LBNCOP", "LBNREB", "17") in pairs, pairs


@pytest.mark.nlp
def test_bystanders_beside_a_nationality_and_a_sector_noun(coder):
    # "Turkish riot police": a bare demonym before a sector noun is that state's organ, so students are Turkey's
    assert ("TURCOP", "TUREDU", "17") in _pairs(coder, "Turkish riot police detained students.")


@pytest.mark.nlp
def test_a_camp_for_refugees_is_theirs(coder):
    (events,) = coder.code_sentence_events(
        ["A camp for Sudanese refugees was attacked by Chadian militiamen, the UN refugee agency reported."],
        date(2023, 6, 1))
    targets = [r.event.target for r in events if r.event.source.startswith("TCD")]
    assert targets and all(t.startswith("SDN") for t in targets), targets


@pytest.mark.nlp
def test_thousands_of_a_people_are_its_civilians_not_its_state(coder):
    # so their protest is a demonstration against their government, not an official complaint (114)
    pairs = _pairs(coder, "Thousands of Kenyans were converging for a rally in Nairobi to protest the tax law.")
    assert ("KENCVL", "KENGOV", "14") in pairs, pairs


@pytest.mark.nlp
def test_troops_in_a_place_are_not_that_places(coder):
    (events,) = coder.code_sentence_events(["Troops in Syria attacked a convoy."], date(2023, 6, 1), partial=True)
    assert all(r.event.source[:3] != "SYR" for r in events)


# -- domestic events: sectors of the one country in context (CAMEO manual 1.1b3, ch. 3) ------------


def test_sector_nouns_agree_with_the_role_table():
    from detente.coding.sector_words import sector_nouns
    from detente.ontology import role_for_noun

    nouns, titles, after_country = sector_nouns()
    assert nouns["police"] == "COP" and nouns["protesters"] == "CVL" and titles["president"] == "GOV"
    assert after_country["refugee"] == "REF" and "refugees" not in nouns  # "Turkey deported refugees": whose?

    def known(word: str) -> str | None:
        """The role table's role for the word itself (not one it falls back to from the last word)."""
        role = role_for_noun(word)
        return None if " " in word and role == role_for_noun(word.split()[-1]) else role

    for table in (nouns, titles, after_country):
        assert {w: r for w, r in table.items() if known(w) not in (None, r)} == {}


def _pairs(coder, sentence, partial=False):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1), partial=partial)
    return [(r.event.source, r.event.target, r.event.root) for r in events if not r.partial]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # generic sector nouns take the one state the sentence names (here by its capital)
        ("Police arrested opposition supporters in Abuja.", ("NGACOP", "NGAOPP", "17")),
        ("Riot police detained dozens of demonstrators in Minsk.", ("BLRCOP", "BLRCVL", "17")),
        ("Thousands of demonstrators protested against the government in Caracas.", ("VENCVL", "VENGOV", "14")),
        # a named side and a generic one
        ("Nigerian police arrested opposition protesters on Monday.", ("NGACOP", "NGAOPP", "17")),
        ("The Congolese army shelled rebels near the border.", ("CODMIL", "CODREB", "19")),  # "Congolese" is the DRC's
        # an office holder the registry does not know, by title
        ("President Ali Mbeki banned opposition rallies in Harare.", ("ZWEGOV", "ZWEOPP", "17")),
    ],
)
def test_two_sectors_of_one_country_are_a_domestic_event(coder, sentence, event):
    assert event in _pairs(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentence",
    [
        "Nigeria's president praised Nigeria.",  # a country acting on itself: no sides to tell apart
        "The Nigerian government praised the Nigerian authorities.",  # one sector twice
        "Police arrested protesters in Kyiv after talks in Moscow.",  # two states in view: whose police?
    ],
)
def test_no_domestic_event_without_two_distinguishable_sides(coder, sentence):
    pairs = _pairs(coder, sentence)
    assert not [p for p in pairs if p[0][:3] == p[1][:3]], pairs


@pytest.mark.nlp
def test_generic_sector_takes_the_documents_one_state(code_fn):
    one = code_fn("Nigeria votes for a new parliament on Saturday. Police arrested opposition supporters on Monday.")
    assert ("NGACOP", "NGAOPP") in [(e.source, e.target) for e in one]
    two = code_fn("Nigeria and Ghana signed a trade pact. Police arrested opposition supporters on Monday.")
    assert not [e for e in two if e.source[:3] == e.target[:3]]


@pytest.mark.nlp
def test_generic_sector_takes_no_state_from_an_earlier_sentence(code_fn):
    """Document mode reads as page mode does (context.sentence_context): a sector's state from the sentence
    before was a guess that coded more wrong events than right ones on the development sets."""
    for text in ("Ghana and Togo signed a trade pact. Nigeria's opposition called for protests. "
                 "Police arrested opposition supporters on Monday.",
                 "Nigeria's opposition called for protests. Ghana and Togo signed a trade pact. "
                 "Police arrested opposition supporters on Monday."):
        assert not [e for e in code_fn(text) if e.source[:3] == e.target[:3] and e.source.endswith("COP")]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # "ethnic" names a people, not its state: the civilians of the state they live in
        ("Ethnic Serbs in Croatia protested against the government on Monday.", ("HRVCVL", "HRVGOV", "14")),
        ("Croatian police arrested ethnic Serb activists in Zagreb.", ("HRVCOP", "HRVCVL", "17")),
        ("Ethnic Russians rallied in Moscow.", ("RUSCVL", "RUSGOV", "14")),  # no other state: their own
    ],
)
def test_an_ethnic_group_belongs_to_the_state_it_lives_in(coder, sentence, event):
    assert event in _pairs(coder, sentence)


@pytest.mark.nlp
def test_an_ethnic_group_between_two_other_states_stays_unknown(coder):
    pairs = _pairs(coder, "Ethnic Hungarians in Romania protested against Ukraine's language law.", partial=True)
    assert not [p for p in pairs if p[0][:3] in ("HUN", "ROU")]


@pytest.mark.nlp
def test_informants_are_no_side_of_what_they_report(coder):
    shelled, entered = coder.code_sentence_events(
        ["Russian troops shelled the border town overnight, Georgian military sources said.",
         "Vietnamese forces entered the village, Thai military sources said today."], date(2023, 6, 1), partial=True,
    )
    assert not [r for r in shelled if r.event.target.startswith("GEO")]  # no target guessed from the informants
    assert not [r for r in entered if r.event.source.startswith("THA")]  # and no statement of theirs


# -- more of CAMEO's sectors: society, challengers, former office holders ----------------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # bare sector nouns of a country's society take its one state
        ("Students marched against the government in Dhaka.", ("BGDEDU", "BGDGOV", "14")),
        ("Journalists protested in Ankara against the arrest of a colleague.", ("TURMED", "TURGOV", "14")),
        ("Gendarmes fired tear gas at protesters in Dakar.", ("SENCOP", "SENCVL", "19")),  # capitalised noun
        # nouns that need a country's adjective, and nouns the role table lacks
        ("Striking Kenyan workers blocked roads in Nairobi.", ("KENLAB", "KENGOV", "14")),
        ("French farmers dumped manure outside the parliament to protest against the government.",
         ("FRAAGR", "FRAGOV", "14")),
        ("Colombian refugees in Ecuador protested against their government.", ("COLREF", "COLGOV", "14")),
        # a former office holder is one of the country's elites (CAMEO: ELI), not its government
        ("Former president Ali Mbeki criticised the government in Harare.", ("ZWEELI", "ZWEGOV", "11")),
        ("A prosecutor in Lima charged former president Jorge Vargas with corruption.", ("PERJUD", "PERELI", "11")),
    ],
)
def test_sectors_of_society_and_former_officials(coder, sentence, event):
    assert event in _pairs(coder, sentence)


@pytest.mark.nlp
def test_a_misspelt_sector_noun_after_a_country_adjective(coder):
    (events,) = coder.code_sentence_events(["Afghan guerillas ambushed a police convoy near Kandahar."],
                                           date(2023, 6, 1), partial=True)
    assert "AFGREB" in [r.event.source for r in events]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a legislature named without its state is not the state its act names, but the other one in view
        ("The Senate voted to impose sanctions on Russia, and the White House welcomed the vote.",
         ("USALEG", "RUS", "16")),
        ("The House condemned Iran's missile tests, the State Department said.", ("USALEG", "IRN", "11")),
        ("Parliament approved Sweden's bid to join NATO, the Turkish foreign minister said.", ("TURLEG", "SWE", None)),
        ("Lawmakers denounced Russia's strikes on Kharkiv, Ukraine's foreign ministry said.", ("UKRLEG", "RUS", "11")),
    ],
)
def test_a_legislature_is_not_the_state_its_act_names(coder, sentence, event):
    pairs = _pairs(coder, sentence)
    assert [p for p in pairs if p[:2] == event[:2] and event[2] in (None, p[2])], pairs


@pytest.mark.nlp
def test_a_house_in_lowercase_is_no_legislature(coder):
    pairs = _pairs(coder, "Israeli troops demolished a house in Jenin.", partial=True)
    assert not [p for p in pairs if p[1].endswith("LEG")]


@pytest.mark.nlp
def test_bare_refugees_take_no_country(coder):
    pairs = _pairs(coder, "Turkey deported refugees after clashes in Izmir.", partial=True)
    assert not [p for p in pairs if p[1].startswith("TURREF")]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # two states named: the challenger is on the other side from one state's government
        ("The Sudanese government accused Darfur rebels of violating the truce, a Chadian mediator said.",
         ("SDNGOV", "SDNREB", "11")),
        ("The Kenyan government accused striking teachers of sabotage, a Ugandan newspaper reported.",
         ("KENGOV", "KENEDU", "11")),
    ],
)
def test_a_generic_sector_takes_the_state_of_its_clauses_other_side(coder, sentence, event):
    assert event in _pairs(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("Russian troops shelled rebels near the border, Ukraine said.", "RUSREB"),  # troops act abroad
        ("The German government welcomed President Lopez's statement, Spain said.", "DEUGOV"),  # organs stay unknown
    ],
)
def test_the_other_side_gives_no_state_to_organs_or_next_to_troops(coder, sentence, wrong):
    pairs = _pairs(coder, sentence, partial=True)
    assert not [p for p in pairs if p[1] == wrong], pairs


@pytest.mark.nlp
def test_a_people_of_a_named_state_are_its_civilians(coder):
    pairs = _pairs(coder, "The Hungarians of southern Slovakia demanded language rights from the Slovak government.")
    assert ("SVKCVL", "SVKGOV", "10") in pairs
    other = _pairs(coder, "Palestinians of the Israeli-occupied territories demanded an end to settlement building.",
                   partial=True)
    assert not [p for p in other if p[0].startswith("ISR")]  # an adjective is no place they live in


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a country's name before a capitalised sector noun: that sector of the country
        ("The Montenegro Police arrested opposition activists in Podgorica.", ("MNECOP", "MNEOPP", "17")),
        # ("asked X to ..." is a demand, the guide's rule 5: tests/coding/test_frames.py)
        ("Opposition deputies asked the Kenya National Assembly to reject the budget.", ("KENOPP", "KENLEG", "10")),
    ],
)
def test_a_named_sector_of_a_country(coder, sentence, event):
    assert event in _pairs(coder, sentence)


@pytest.mark.nlp
def test_bystanders_are_the_states_only_beside_its_own_organs(coder):
    assert ("BLRCOP", "BLRMED", "17") in _pairs(coder, "Police arrested journalists in Minsk.")
    assert ("BLRGOV", "BLRMED", "17") in _pairs(coder, "The Belarusian authorities arrested journalists after the vote.")
    # the holders of a protest that police break up are on the receiving end beside the police
    assert ("TURCOP", "TUREDU", "17") in _pairs(coder, "Turkish police prevented a demonstration organised by students.")
    for sentence in ("Russian missiles killed students in a school dormitory.",
                     "Russian troops detained journalists near the front."):  # whose students? not Russia's
        pairs = _pairs(coder, sentence, partial=True)
        assert not [p for p in pairs if p[1].startswith("RUS")], pairs


@pytest.mark.nlp
def test_a_sector_noun_inside_a_name_is_no_sector(coder):
    (events,) = coder.code_sentence_events(
        ["Members of the New People's Army violated the holiday ceasefire in Mindanao."], date(2023, 6, 1), partial=True)
    assert not [r for r in events if r.event.source.endswith("MIL")]  # a rebel group's name, not the army


@pytest.mark.nlp
def test_activists_who_report_are_no_side(coder):
    (events,) = coder.code_sentence_events(
        ["Syrian government forces killed dozens of civilians in Idlib, activists said."], date(2023, 6, 1), partial=True)
    assert not [r for r in events if r.event.source.endswith("OPP")]


# -- a subject pronoun opening a sentence continues the previous sentence's subject (document mode) --


def _doc_triples(code_fn, text):
    return {(e.sentence_index, e.source, e.target, e.root) for e in code_fn(text)}


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("China summoned the Japanese ambassador on Monday. It also criticised Japan's new defence plan.", 1),
        ("China summoned the Japanese ambassador on Monday. Japan said it regretted the move. It also criticised China.",
         2),
        ("Iran and Iraq signed a border accord. They also agreed to expand trade.", 1),
        ("Sergei Lavrov arrived in Ankara on Monday. It criticised Greece.", 1),
        ("Iran and Iraq signed a border accord. It also criticised Kuwait.", 1),
    ],
)
def test_document_mode_continues_no_subject_from_the_sentence_before(code_fn, text, index):
    """"It"/"They" opening a sentence is not read as the previous sentence's subject: document mode reads
    as page mode does (context.sentence_context; that guess coded more wrong events than right ones)."""
    assert not any(i == index for i, *_ in _doc_triples(code_fn, text))


def test_sentences_coded_one_at_a_time_resolve_no_pronoun_across_them(coder):
    results = coder.code_sentence_events(
        ["China summoned the Japanese ambassador on Monday.", "It also criticised Japan's new defence plan."], date(2025, 3, 3))
    assert results[1] == []


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("second", "pair"),
    [
        ("The two sides also agreed to hold talks next month.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
        ("Both countries agreed to hold talks next month.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
        ("The two leaders also agreed to hold talks next month.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
        # people and relation nouns counted as a pair (session 21)
        ("The two men also agreed to hold talks next month.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
        ("The two rivals also agreed to hold talks next month.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
        ("Analysts praised the contacts between the two countries.", set()),  # inside a noun phrase: no side
    ],
)
def test_the_two_sides_are_the_pair_the_previous_sentence_named(coder, second, pair):
    first = "Iran and Iraq signed a security accord on Sunday."
    coded = coder.code_article_events([first, second])[1]
    assert {(r.event.source[:3], r.event.target[:3]) for r in coded} == pair
    assert coder.code_sentence_events([second])[0] == [] or not pair  # alone, it names no one


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("second", "pair"),
    [
        ("The leaders met again in Baghdad on Tuesday.", {("IRN", "IRQ", "04"), ("IRQ", "IRN", "04")}),
        ("The warring sides agreed to a truce on Tuesday.", {("IRN", "IRQ", "08"), ("IRQ", "IRN", "08")}),
        # a relative clause says which countries: others than the pair
        ("The countries that backed the motion criticised Syria.", set()),
    ],
)
def test_a_definite_plural_alone_is_the_pair_the_previous_sentence_named(coder, second, pair):
    first = "Iran and Iraq signed a security accord on Sunday."
    coded = coder.code_article_events([first, second])[1]
    assert {(r.event.source[:3], r.event.target[:3], r.event.root) for r in coded if r.event.target[:3] in ("IRN", "IRQ")} == pair


@pytest.mark.nlp
def test_a_person_of_the_pair_before_the_two_sides_does_not_block_them(coder):
    # "Biden said the two leaders ...": the speaker is of the pair, no third side
    first = "Chile and Peru signed a fisheries accord in Lima on Monday."
    second = "Boric said the two leaders had agreed to hold talks next month."
    coded = coder.code_article_events([first, second])[1]
    assert {(r.event.source[:3], r.event.target[:3]) for r in coded} == {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.nlp
def test_a_plural_noun_of_the_two_countries_is_the_pair_with_its_role(coder, code_fn):
    # "the governments of both countries": the pair named before, each with the noun's role (page and document mode)
    first, second = "Chile and Peru signed a fisheries accord in Lima on Monday.", \
        "The governments of both countries also agreed to hold talks next month."
    page = coder.code_article_events([first, second], headline="Chile and Peru sign a fisheries accord")[1]
    assert {(r.event.source, r.event.target, r.event.root) for r in page} == {
        ("CHLGOV", "PERGOV", "03"), ("PERGOV", "CHLGOV", "03")}
    assert {(1, "CHLGOV", "PERGOV", "03"), (1, "PERGOV", "CHLGOV", "03")} <= _doc_triples(code_fn, f"{first} {second}")
    assert coder.code_sentence_events([second])[0] == []  # alone, it names no one


@pytest.mark.nlp
def test_the_two_sides_are_the_last_pair_named_past_a_sentence_naming_one_of_them(coder, code_fn):
    sentences = ["Iran and Iraq signed a security accord on Sunday.", "Iraq's parliament still has to ratify the text.",
                 "The two sides also agreed to hold talks next month."]
    last = coder.code_article_events(sentences)[-1]
    assert {(r.event.source[:3], r.event.target[:3]) for r in last} == {("IRN", "IRQ"), ("IRQ", "IRN")}
    assert {(2, "IRN", "IRQ", "03"), (2, "IRQ", "IRN", "03")} <= _doc_triples(code_fn, " ".join(sentences))


@pytest.mark.nlp
def test_the_two_sides_as_the_object_of_a_verbs_preposition(coder, code_fn):
    first, second = "Iran and Iraq signed a security accord on Sunday.", "Turkey called on the two sides to reopen the border."
    page = coder.code_article_events([first, second])[1]
    # "called on X to" is a demand (10), the guide's rule 5 (tests/coding/test_frames.py)
    assert {(r.event.source, r.event.target, r.event.root) for r in page} == {("TUR", "IRN", "10"), ("TUR", "IRQ", "10")}
    assert {(1, "TUR", "IRN", "10"), (1, "TUR", "IRQ", "10")} <= _doc_triples(code_fn, f"{first} {second}")


@pytest.mark.nlp
def test_a_third_party_on_the_two_sides_takes_the_latest_pair_without_it(coder, code_fn):
    # the last sentence naming two sides named the third party itself: the pair named before it is meant
    sentences = ["Azerbaijan and Armenia clashed on the border on Sunday.",
                 "Russia's foreign minister met his Armenian counterpart on Monday.",
                 "Russia called on the two sides to stop the fighting."]
    last = coder.code_article_events(sentences)[-1]
    got = {(r.event.source, r.event.target, r.event.root) for r in last}
    assert got == {("RUS", "AZE", "10"), ("RUS", "ARM", "10")}
    assert {(2, "RUS", "AZE", "10"), (2, "RUS", "ARM", "10")} <= _doc_triples(code_fn, " ".join(sentences))


@pytest.mark.nlp
def test_the_venue_of_a_meeting_is_no_side_of_the_pair(coder, code_fn):
    # "in Moscow" says where the two met: Russia is no third side that would end the pair
    sentences = ["Iran and Iraq held talks in Moscow on Sunday.", "The two sides agreed to hold talks next month."]
    last = coder.code_article_events(sentences)[-1]
    got = {(r.event.source, r.event.target, r.event.root) for r in last}
    assert got == {("IRN", "IRQ", "03"), ("IRQ", "IRN", "03")}
    assert {(1, "IRN", "IRQ", "03"), (1, "IRQ", "IRN", "03")} <= _doc_triples(code_fn, " ".join(sentences))


@pytest.mark.nlp
def test_a_third_party_on_the_two_sides_without_an_earlier_pair_names_no_one(coder):
    sentences = ["Russia's foreign minister met his Armenian counterpart on Monday.",
                 "Russia called on the two sides to stop the fighting."]
    assert coder.code_article_events(sentences)[-1] == []


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentences",
    [
        # two other sides named before the phrase in its sentence: not the earlier pair
        ["Iran and Iraq signed a security accord on Sunday.", "Syria and Turkey said the two sides had agreed to hold talks."],
        # the last sentence naming two sides named three: not the older pair
        ["Iran and Iraq signed a security accord on Sunday.", "Syria, Turkey and Jordan welcomed the accord.",
         "The two sides also agreed to hold talks next month."],
    ],
)
def test_the_two_sides_refused(coder, sentences):
    last = coder.code_article_events(sentences)[-1]
    assert not {(r.event.source[:3], r.event.target[:3]) for r in last} & {("IRN", "IRQ"), ("IRQ", "IRN")}


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Iran and Saudi Arabia said on Friday that the two countries will restore diplomatic ties.",
         {("IRN", "SAU", "03"), ("SAU", "IRN", "03")}),
        # a venue is no side of the pair
        ("Iran and Iraq held talks in Moscow on Sunday, where the two sides agreed to reopen the border.",
         {("IRN", "IRQ", "03"), ("IRQ", "IRN", "03")}),
    ],
)
def test_the_pair_named_before_it_in_its_own_sentence_is_taken(coder, code_fn, sentence, wanted):
    # its own sentence first (session 21): "A and B said the two countries ..." is A and B
    page = coder.code_article_events([sentence])[0]
    assert wanted <= {(r.event.source[:3], r.event.target[:3], r.event.root) for r in page}
    assert {(0, *w) for w in wanted} <= {(i, s[:3], t[:3], root) for i, s, t, root in _doc_triples(code_fn, sentence)}


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru urged both parties to stop the fighting.",  # an object of theirs: others
        "Chile and Peru said the leaders would hold talks next month.",  # "the" alone: the page's pair, not these
    ],
)
def test_the_pair_named_in_the_same_sentence_is_not_taken_for_an_object_or_a_bare_plural(coder, sentence):
    page = coder.code_article_events([sentence])[0]
    assert not {(r.event.source[:3], r.event.target[:3]) for r in page} & {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.nlp
def test_the_two_sides_need_exactly_two_earlier_sides(coder):
    first = "Iran, Iraq and Syria signed a security accord on Sunday."
    assert coder.code_article_events([first, "The two sides also agreed to hold talks next month."])[1] == []


# -- members listed in a describing phrase: "countries including X", "drafted by A, B and C" ---------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        # one member is enough after "including" on a plural noun
        ("Several nations, including Norway, have promised to help Nepal.", {("NOR", "NPL")}),
        # the last of a list of names hangs on the one before it
        ("Envoys from Chile, Peru, Bolivia and the African Union met in Lima on Monday.",
         {("CHLGOV", "AU"), ("BOLGOV", "AU")}),
        # the authors of a text, in the agent of its participle, are the text's source
        # (four of them; a one-sided act gives one event per member, however many)
        ("The motion, drafted by Norway, Denmark, Iceland and Finland, urged Russia to release the sailors.",
         {("NOR", "RUS"), ("DNK", "RUS"), ("ISL", "RUS"), ("FIN", "RUS")}),
    ],
)
def test_members_listed_in_a_describing_phrase_are_its_actors(coder, sentence, pairs):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert pairs <= {(r.event.source, r.event.target) for r in events}


@pytest.mark.nlp
def test_a_singular_noun_with_including_is_not_its_member(coder):
    (events,) = coder.code_sentence_events(["The package, including a loan from Norway, was sent to Nepal."],
                                           date(2023, 6, 1))
    assert not any(r.event.source == "NOR" for r in events)


# -- an anaphoric act noun ("the move") is an act of the sentence before: its author is the target -------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("second", "pairs"),
    [
        ("Australia condemned the move.", {("AUS", "CHN", "11")}),
        ("The measures were condemned by Australia.", {("AUS", "CHN", "11")}),  # a passive subject
        ("Australia welcomed the step.", {("AUS", "CHN", "05")}),
        # the phrase says which act, or the sentence before is not its author: no guess
        ("Australia condemned the decision to close the port.", set()),
        ("Australia condemned the move by its neighbours.", set()),
    ],
)
def test_an_anaphoric_act_noun_stands_for_the_previous_sentences_subject(coder, second, pairs):
    first = "China imposed tariffs on Australian barley on Monday."
    coded = coder.code_article_events([first, second])[1]
    assert {(r.event.source[:3], r.event.target[:3], r.event.root) for r in coded} == pairs
    assert coder.code_sentence_events([second])[0] == []  # alone, it names no target


@pytest.mark.nlp
def test_he_continues_the_previous_sentences_subject_before_the_last_person_named(coder):
    # centering (Grosz, Joshi and Weinstein 1995): "He" goes on with the subject, not the host named last
    first = "Kishida met Chinese Premier Li Qiang in Beijing on Monday."
    coded = coder.code_article_events([first, "He later criticised Russia over the war."])[1]
    assert {(r.event.source[:3], r.event.target[:3]) for r in coded} == {("JPN", "RUS")}


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # a leader's name before "government" is already the government (BRAGOV): the noun adds no second role
        ("The Lula government condemned the attack by Venezuela.", ("BRAGOV", "VEN", "11")),
        ("The Modi administration criticised Pakistan.", ("INDGOV", "PAK", "11")),
        # a bare nationality still takes the sector its noun names
        ("Croatian extremists attacked Serbian villagers.", ("HRVRAD", "SRBCVL", "19")),
    ],
)
def test_a_role_is_added_once(coder, sentence, pair):
    assert pair in _pairs(coder, sentence)


@pytest.mark.nlp
def test_a_broker_named_on_a_deal_is_not_the_deals_side(coder):
    # "a deal brokered by A, B and C": the brokers stand between the parties, they are not the deal's sides
    pairs = _pairs(coder, "Chile's neighbours have demanded an accord brokered by the US, the UN and the EU.")
    brokers = {"USA", "UNO", "EUR"}
    assert not any(s[:3] in brokers and t[:3] in brokers for s, t, _ in pairs), pairs
    assert not any(t[:3] in brokers for _, t, root in pairs if root == "10"), pairs
    # the drafters of a text still speak for it
    assert ("GBR", "SYR", "11") in _pairs(coder, "The resolution, drafted by the US, Britain and France, condemned Syria.")


# -- a world region names no side (actors12, session 12) ------------------------------------------


def test_names_region():
    from detente.coding.sector_words import names_region

    assert names_region("WST") and names_region("AFRGOV") and names_region("LAM")
    assert not names_region("USA") and not names_region("EUR") and not names_region("AU") and not names_region("XYZ")


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentence",
    [
        "Western powers condemned Russia over the attack.",
        "Other Asian nations criticised Japan for the decision.",
        "China invited all African leaders to the summit in Beijing.",
    ],
)
def test_a_region_is_no_side_of_an_event(coder, sentence):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    regions = {"WST", "ASA", "AFR", "MEA", "LAM"}
    assert not [r.event for r in events if r.event.source[:3] in regions or r.event.target[:3] in regions]


# -- an act noun whose kind names its verb ("the allegation" after "X accused"): the verb's subject is its author --


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("first", "second", "pairs"),
    [
        # the accuser is the subject of the accusing verb, though it is not the sentence's main subject
        ("The row grew after Chile accused Peruvian agents of spying on its navy.", "Peru denied the accusations.",
         {("PER", "CHL", "12")}),
        ("Chile accused Peruvian agents of spying on its navy in March.", "Peru dismissed the allegation as absurd.",
         {("PER", "CHL", "12")}),
        # the coup is the act of those who seized power
        ("Malian soldiers seized power in Bamako on Tuesday.", "Ghana condemned the military takeover on Wednesday.",
         {("GHA", "MLI", "11")}),
        # the last accusation's author is unknown: no older accuser is taken
        (["Chile accused Peru of spying in March.", "Critics later accused the navy of lying."],
         "Peru denied the accusations.", set()),
    ],
)
def test_an_act_noun_is_the_act_of_the_subject_of_its_verb_before(coder, first, second, pairs):
    coded = coder.code_article_events([*([first] if isinstance(first, str) else first), second])[-1]
    assert {(r.event.source[:3], r.event.target[:3], r.event.root) for r in coded} == pairs
    assert coder.code_sentence_events([second])[0] == []  # alone, it names no target


@pytest.mark.nlp
def test_an_act_noun_finds_its_author_in_document_mode_too(code_fn):
    text = "The row grew after Chile accused Peruvian agents of spying on its navy. Peru denied the accusations."
    assert (1, "PER", "CHL", "12") in {(i, s[:3], t[:3], root) for i, s, t, root in _doc_triples(code_fn, text)}


# -- an object pronoun of a participial clause takes up the main clause's object ---------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        # "it" is the state ties were cut with, not the city named last before it
        ("Bahrain cut diplomatic ties with Qatar on Monday in Manama, accusing it of supporting terrorism.",
         ("BHR", "QAT", "11"), ("BHR", "BHR", "11")),
        # a case against a state, filed at a court: "it" is the state, not the court
        ("Chile filed a complaint against Peru at the International Court of Justice, accusing it of violating "
         "the border treaty.", ("CHL", "PER", "11"), ("CHL", "ICJ", "11")),
    ],
)
def test_a_participles_object_pronoun_is_the_main_clauses_object(coder, sentence, wanted, unwanted):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    triples = {(r.event.source[:3], r.event.target[:3], r.event.root) for r in events}
    assert wanted in triples
    assert unwanted not in triples


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        # the name in apposition after a common noun is the side, not the noun's own modifier
        ("Canada imposed sanctions on NATO ally Hungary over its gas deal.", ("CAN", "HUN", "16"), ("CAN", "NAT", "16")),
        ("Russia expelled diplomats of the Baltic state Estonia on Friday.", ("RUS", "EST", "16"), None),
    ],
)
def test_a_name_in_apposition_after_a_noun_is_the_side(coder, sentence, wanted, unwanted):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    triples = {(r.event.source[:3], r.event.target[:3], r.event.root) for r in events}
    assert wanted in triples
    assert unwanted not in triples


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # two states joined by a hyphen before a common noun are both sides, each with the noun's role
        ("Australian-Japanese naval forces shelled Somali pirates on Friday.", {("AUSMIL", "19"), ("JPNMIL", "19")}),
        ("Venezuela condemned the Colombian-Peruvian raid on its border posts.", {("COL", "11"), ("PER", "11")}),
        # a two-word second name: the parser hangs the first name on its last word
        ("Pyongyang condemned the US-South Korean naval drills.", {("USA", "11"), ("KOR", "11")}),
    ],
)
def test_a_hyphenated_pair_of_states_gives_both_sides(coder, sentence, wanted):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    sides = {(r.event.source if r.event.root == "19" else r.event.target, r.event.root) for r in events}
    assert wanted <= sides, sides


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentence",
    [
        "The Saudi-led coalition shelled the rebel port on Friday.",  # "led" names no second state
        "Pro-Russian fighters shelled the rebel port on Friday.",
        # a noun of the bond between two states: its terms are no sides of an act on it
        "Ecuador praised the Colombian-Peruvian ties on Friday.",
    ],
)
def test_a_hyphen_joining_a_name_to_a_common_word_adds_no_side(coder, sentence):
    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert not [r for r in events if r.event.source[:3] in ("LED", "PRO")]
    coded = [r.event for r in events if not r.partial]
    assert len({e.source for e in coded}) <= 1 and len({e.target for e in coded}) <= 1, coded


@pytest.mark.nlp
def test_coordinated_nationalities_before_a_plural_noun_tagged_as_a_verb(coder):
    # the tagger reads "drills" as a verb (VBZ) in the object's slot: its coordinated modifiers are still the targets
    (events,) = coder.code_sentence_events(["Lithuania condemned Russian and Belarusian military drills near its border."],
                                           date(2023, 6, 1))
    assert {"RUS", "BLR"} <= {r.event.target[:3] for r in events if r.event.root == "11"}



# -- sides compared by actors.country_of, not by the three-letter cut (session 18) ------------------
# The African Union is `AU` and its commission `AUGOV`: the cut made them "AU" and "AUG", two parties.


def test_an_organisation_and_its_organ_are_one_side():
    from detente.coding.arguments import Arg
    from detente.coding.context import Actor
    from detente.coding.same_side import foreign_pairs, same_side

    union, commission = Actor("AU", 0, 15, "African Union"), Actor("AUGOV", 30, 56, "African Union Commission")
    kenya = Actor("KEN", 60, 65, "Kenya")
    assert same_side(commission, union) and not same_side(commission, kenya)
    pairs = foreign_pairs(Arg(None, [commission], (30, 56)), Arg(None, [union, kenya], (0, 65)))
    assert pairs == [(commission, kenya)]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "The African Union Commission criticised the African Union over the delay.",  # same_side
        "The African Union Commission condemned the killings, the African Union said on Monday.",  # fallback_target
        # pair_for: a member of the last pair does not call on the pair (there is no earlier pair without it)
        "Kenya and the African Union Commission held talks in Nairobi. The African Union urged the two sides to agree.",
    ],
)
def test_no_event_between_an_organisation_and_its_organ(code_fn, text):
    events = code_fn(text)
    assert not [e for e in events if {e.source, e.target} == {"AU", "AUGOV"}], [(e.source, e.target) for e in events]
