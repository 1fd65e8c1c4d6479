"""The pattern table: every code exists in the ontology, and the modality mappings stay in their families."""

from __future__ import annotations

import pytest

from detente import ontology
from detente.coding import governors as G
from detente.coding import patterns as P


def test_every_pattern_code_is_a_cameo_code():
    codes = {p.code for pats in P.PATTERNS.values() for p in pats}
    unknown = sorted(c for c in codes if not ontology.is_code(c))
    assert unknown == []


def test_patterns_cover_all_twenty_roots():
    roots = {ontology.root(p.code) for pats in P.PATTERNS.values() for p in pats}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_most_specific_pattern_wins():
    assert P.match("impose", set(), {"sanctions"}).code == "163"
    assert P.match("threaten", set(), {"sanctions"}).code == "1312"
    assert P.match("threaten", set(), set()).code == "130"
    assert P.match("meet", {"with"}, set()).code == "040"
    assert P.match("call", {"for"}, {"ceasefire"}).code == "0256"
    assert P.match("reject", set(), {"talks"}).code == "125"
    assert P.match("impose", set(), set()) is None  # "imposed a curfew" is not a sanction


@pytest.mark.parametrize(
    ("inner", "expected"),
    [("163", "1312"), ("190", "1384"), ("164", "134"), ("046", "036"), ("085", "0354"), ("072", "0332")],
)
def test_intent_code_pledges_cooperation_and_threatens_conflict(inner, expected):
    assert G.intent_code(inner) == expected
    assert ontology.is_code(expected)


def test_mapping_tables_only_produce_known_codes():
    for inner in {p.code for pats in P.PATTERNS.values() for p in pats}:
        for fn in (G.intent_code, G.threat_code, G.refusal_code, G.request_code):
            assert ontology.is_code(fn(inner)), (fn.__name__, inner)
        assert ontology.is_code(G.request_code(inner, demand=True))


def test_refusal_and_requests_land_in_their_roots():
    assert ontology.root(G.refusal_code("046")) == "12"
    assert G.refusal_code("010") == "011"
    assert ontology.root(G.request_code("0871")) == "02"
    assert ontology.root(G.request_code("0871", demand=True)) == "10"


def test_noun_families():
    assert P.family("sanctions") == "sanctions"
    assert P.family("Talks") == "talks"
    assert P.family("banana") is None


def test_a_noun_keeps_every_family_its_usual_sense_first():
    assert P.families("strike") == ("attack", "walkout")
    assert P.families("fire") == ("problem", "fire")
    assert P.family("strike") == "attack"  # the usual sense, as before
    assert P.families("banana") == ()


def test_a_modifier_picks_the_sense_of_a_noun_of_several_families():
    assert P.object_families("strike", ["general"]) == ({"walkout"}, set())
    assert P.object_families("strike", ["air"]) == ({"attack"}, set())
    assert P.object_families("strike", ["fresh"]) == ({"attack"}, {"walkout"})
    assert P.object_families("sanctions", ["general"]) == ({"sanctions"}, set())  # one family: nothing to pick


def test_a_less_usual_sense_matches_only_where_the_usual_one_has_no_pattern():
    assert P.match("launch", set(), {"attack"}, {"walkout"}).code == "190"  # "launched a strike"
    assert P.match("call", set(), {"attack"}, {"walkout"}).code == "143"  # "called a strike"
    assert P.match("open", set(), {"problem"}, {"fire"}).code == "190"  # "opened fire"
    assert P.match("fight", set(), {"problem"}, {"fire"}).code == "190"  # bare verb; candidates drop it (a problem)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Venezuelan police opened fire on opposition supporters.", ("VENCOP", "VENOPP", "190")),
        ("Russian troops opened fire on Ukrainian positions.", ("RUSMIL", "UKR", "190")),
        ("Nigerian unions called a general strike over fuel prices.", ("NGALAB", "NGAGOV", "143")),
        ("Nigerian unions went on strike.", ("NGALAB", "NGAGOV", "143")),
        ("The Nigerian teachers' union called off its strike after talks with the government.",
         ("NGALAB", "NGAGOV", "082")),  # ending a strike eases dissent: the opposite of calling one
        ("Israel launched a strike on Hezbollah positions in Lebanon.", ("ISR", "LBNREB", "190")),
        ("The United States carried out an air strike against Houthi targets in Yemen.", ("USA", "YEMREB", "190")),
    ],
)
def test_nouns_of_two_families_code_by_their_context(coder, sentence, event):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert event in [(r.event.source, r.event.target, r.event.cameo) for r in events]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "sentence",
    [
        "Greek firefighters fought the fire near Athens.",  # a fire is no attack
        "The Indian government pledged to fight hunger.",
    ],
)
def test_the_second_family_adds_no_attack(coder, sentence):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1), partial=True)
    assert not [r for r in events if r.event.cameo.startswith(("18", "19", "20")) and not r.partial]
    assert not [r for r in events if r.event.cameo.startswith(("18", "19", "20")) and r.event.confidence >= 0.5]


# -- street violence, repression and a few diplomatic acts: generic CAMEO verbs (hand-written sentences)


@pytest.mark.parametrize(
    ("lemma", "preps", "families", "code"),
    [
        ("beat", {"up"}, set(), "182"),  # physically assault
        ("shoot", set(), set(), "190"),
        ("wound", set(), set(), "190"),
        ("clash", {"with"}, set(), "190"),
        ("besiege", set(), set(), "191"),
        ("disperse", set(), set(), "175"),  # violent repression of a crowd
        ("accept", set(), {"demand"}, "080"),  # accede to demands: yield
        ("shorten", set(), {"curfew"}, "0813"),
        ("launch", set(), {"mediation"}, "045"),  # mediate
        ("establish", set(), {"relations"}, "050"),  # diplomatic cooperation
        ("lodge", set(), {"protest"}, "114"),  # an official protest is a complaint, not a demonstration
        ("strengthen", set(), {"troops"}, "154"),  # increase armed forces
    ],
)
def test_generic_cameo_verb_patterns(lemma, preps, families, code):
    assert P.match(lemma, preps, families).code == code
    assert ontology.is_code(code)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Soldiers beat up protesters in Harare on Monday.", ("ZWEMIL", "ZWECVL", "182")),
        ("Zimbabwean troops shot protesters in Harare.", ("ZWEMIL", "ZWECVL", "190")),
        ("Police clashed with demonstrators in Minsk.", ("BLRCOP", "BLRCVL", "190")),
        ("Riot police dispersed opposition supporters in Nairobi.", ("KENCOP", "KENOPP", "175")),
        ("The Kenyan government accepted the opposition's demands.", ("KENGOV", "KENOPP", "080")),
        ("Egypt's president launched a mediation effort between Israel and Hamas.", ("EGYGOV", "PSEREB", "045")),
        ("Kenya established diplomatic ties with Iran.", ("KEN", "IRN", "050")),
        ("Serbia lodged an official protest with Albania.", ("SRB", "ALB", "114")),
        ("Israel strengthened its forces on the border with Lebanon.", ("ISR", "LBN", "154")),
    ],
)
def test_generic_cameo_verb_sentences(coder, sentence, event):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert event in [(r.event.source, r.event.target, r.event.cameo) for r in events]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # relief goods handed over or delivered are humanitarian aid, not a return of property
        ("Norwegian doctors handed over medicine to hospitals in Kenya.", ("NOR", "KEN", "073")),
        ("Japan delivered blankets and tents to Turkey after the earthquake.", ("JPN", "TUR", "073")),
        # agreeing to someone's mediation is an intent to accept mediation, not bare accord
        ("Armenia agreed to Russian mediation in the dispute with Azerbaijan.", ("ARM", "RUS", "038")),
        # a state of siege is a state of emergency
        ("The Bolivian government declared a state of siege in Bolivia.", ("BOLGOV", "BOLCVL", "1724")),
        # acts against a protest are acts against the ones who hold it
        ("Kenyan police banned a rally organised by the opposition.", ("KENCOP", "KENOPP", "1721")),
        ("The Belarusian government banned the opposition's march.", ("BLRGOV", "BLROPP", "1721")),
        ("Turkish police prevented the demonstration staged by students.", ("TURCOP", "TUREDU", "170")),
        ("Police broke up a protest by students in Nairobi.", ("KENCOP", "KENEDU", "175")),
        # pressuring someone to act is a demand
        ("Chinese authorities pressured Hong Kong journalists to drop the story.", ("CHNGOV", "HKG", "10")),
    ],
)
def test_relief_mediation_siege_and_protest_repression(coder, sentence, event):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    got = [(r.event.source, r.event.target, r.event.cameo) for r in events]
    assert any(s == event[0] and t[:3] == event[1][:3] and t.startswith(event[1]) and c.startswith(event[2])
               for s, t, c in got), got


@pytest.mark.parametrize("inner", ["141", "142", "143", "144", "145"])
def test_an_announced_protest_strike_or_boycott_is_a_threat_of_dissent(inner):
    assert G.intent_code(inner) == "133"
    assert G.threat_code(inner) == "133"


@pytest.mark.nlp
def test_said_they_would_boycott_is_a_threat_not_the_boycott(coder):
    from datetime import date

    (events,) = coder.code_sentence_events(
        ["Hungarian leaders said they would boycott all official contact with Slovakia."], date(2023, 6, 1))
    codes = [r.event.cameo for r in events]
    assert "133" in codes and "143" not in codes


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # receiving observers or letting relief through is a yield of access (CAMEO 0862, 0863)
        ("The Kyrgyz prime minister received a mission of observers from the OSCE.", ("KGZGOV", "OSCE", "0862")),
        ("Uzbekistan opened the bridge to allow the delivery of grain and flour to Afghanistan.", ("UZB", "AFG", "0863")),
        # a walkout, a blocked road, fire launched, ethnic cleansing
        ("Serbian workers stopped work on Monday.", ("SRBLAB", "SRBGOV", "143")),
        ("Chilean farmers blocked traffic on the border with Argentina.", ("CHLAGR", "ARG", "144")),
        ("Russian forces launched artillery fire against Ukrainian positions.", ("RUSMIL", "UKR", "190")),
        ("Serb forces engaged in ethnic cleansing against the Albanian population of Kosovo.", ("SRBMIL", "ALB", "203")),
        # answers and investigations address the author of the demand or the offence
        ("The Kenyan president conceded to demands from the opposition.", ("KENGOV", "KENOPP", "080")),
        ("Hungary rejected a proposal by Austria.", ("HUN", "AUT", "127")),
        ("Croatia is investigating alleged war crimes by Croatian extremists against Serb civilians.",
         ("HRV", "HRVRAD", "090")),
        # a demand whose act has no pattern is the demand itself, made of the clause's subject
        ("Washington demanded that Hamas renounce its armed struggle.", ("USA", "PSEREB", "100")),
    ],
)
def test_access_inquiries_answers_and_street_protest(coder, sentence, event):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2023, 6, 1))
    assert event in [(r.event.source, r.event.target, r.event.cameo) for r in events]


# -- session 7: roots of real news (issue 9). Each construction is pinned by hand-written sentences
# (none from any data file) and by near-misses that must not fire.


def _codes(coder, sentence):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2024, 3, 4))
    return [(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in events]


CONSTRUCTIONS = [
    # 11/12: criticism, accusation and denial are verbal conflict, not statements
    ("Russia denied the accusations made by Ukraine.", ("RUS", "UKR", "120")),
    ("Moscow called Kyiv's move a violation of the agreement.", ("RUS", "UKR", "111")),
    ("Germany deemed Russia's move illegal.", ("DEU", "RUS", "111")),
    ("The Thai minister described the Cambodian shelling as a dangerous provocation.", ("THA", "KHM", "111")),
    ("South Korea's trade minister said Japan's decision violates WTO rules.", ("KOR", "JPN", "111")),
    ("Ukraine's foreign minister said Russia's strikes on power plants constitute war crimes.", ("UKR", "RUS", "111")),
    ("The Polish president said Belarus's actions amounted to aggression.", ("POL", "BLR", "111")),
    ("Pakistan claimed dozens of ceasefire violations by Indian forces.", ("PAK", "IND", "112")),
    ("China lashed out at the Philippines over the collision.", ("CHN", "PHL", "111")),
    ("China voiced strong condemnation of Japan's decision.", ("CHN", "JPN", "111")),
    ("Germany voiced criticism of Hungary.", ("DEU", "HUN", "111")),
    ("Moscow dismissed Kyiv's criticism of the talks.", ("RUS", "UKR", "120")),
    ("Japan protested against China's installation of a buoy.", ("JPN", "CHN", "114")),
    # near-miss of the line above: a people protesting demonstrates (14)
    ("Kenyans protested against the tax hikes in Nairobi.", ("KEN", "KEN", "141")),
    # 16: expulsions and cut ties, said directly or not
    ("Serbia gave the Croatian ambassador 48 hours to leave the country.", ("SRB", "HRV", "161")),
    ("Kenya declared the Somali ambassador persona non grata.", ("KEN", "SOM", "161")),
    ("Niger's junta ordered the French ambassador out of the country.", ("NER", "FRA", "161")),
    ("Ghana asked the Nigerian ambassador not to return.", ("GHA", "NGA", "161")),
    ("Lithuania closed its embassy in Belarus.", ("LTU", "BLR", "161")),
    ("North Korea terminated the military agreement with South Korea.", ("PRK", "KOR", "160")),
    ("Japan tightened curbs on chip exports to South Korea.", ("JPN", "KOR", "163")),
    ("China lifted curbs on Australian wine.", ("CHN", "AUS", "085")),
    # 07: relief carried by teams and supplies
    ("Germany sent rescue teams to Turkey.", ("DEU", "TUR", "073")),
    ("Britain sent 50 tonnes of medical supplies to Libya.", ("GBR", "LBY", "073")),
    ("Japan pledged $10 million in aid to Nepal.", ("JPN", "NPL", "071")),
    # a promised sum of aid is the aid (07, the news guide's rule 6); without a sum it is a pledge (03, below)
    ("The US will provide Ukraine with $500 million in military aid.", ("USA", "UKR", "071")),
    ("The US will provide Ukraine with military aid.", ("USA", "UKR", "0332")),
    ("The UN suspended aid deliveries to Somalia.", ("UNO", "SOM", "162")),
    ("The UN reduced food supplies to the Sudanese refugees.", ("UNO", "SDN", "1623")),
    # blocking a measure vetoes it: aimed at its author, not at the measure's target
    ("Hungary blocked the EU's sanctions package against Russia.", ("HUN", "EUR", "129")),
    # an appeal not to do something was made: its "not" belongs to the act asked
    ("Brazil urged Venezuela not to escalate the dispute.", ("BRA", "VEN", "020")),
]


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "event"), CONSTRUCTIONS, ids=[c[0][:40] for c in CONSTRUCTIONS])
def test_constructions_code_their_root(coder, sentence, event):
    got = _codes(coder, sentence)
    assert event in got, got


NEAR_MISSES = [
    # a deadline to do something else is no expulsion; asking an envoy to return is no expulsion
    ("Serbia gave the Croatian ambassador 48 hours to answer the note.", "16"),
    ("Ghana asked the Nigerian ambassador to return to the talks.", "16"),
    # a declaration that names no diplomat persona non grata
    ("Kenya declared a state of emergency.", "16"),
    # a team that carries no relief, and supplies of a good
    ("Germany sent a team of negotiators to Turkey.", "07"),
    # an approving label, and a rule broken by an act whose author is not said
    ("Germany deemed Russia's move necessary.", "11"),
    ("South Korea's trade minister said the decision violates WTO rules.", "11"),
    ("The Chinese embassy said Japan's decision represents a new step.", "11"),
    # an offence reported without its author accuses no one
    ("Pakistan reported ceasefire violations along the border.", "11"),
]


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "root"), NEAR_MISSES, ids=[c[0][:40] for c in NEAR_MISSES])
def test_near_misses_do_not_fire(coder, sentence, root):
    got = _codes(coder, sentence)
    assert not [e for e in got if e[2][:2] == root], got


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("No shots were fired at the Chinese vessel by the Philippine coast guard.", True),
        ("Hamas has not claimed responsibility for the attack on the Israeli embassy.", True),
        ("No fewer than ten rockets were fired at Israel from Lebanon.", False),
    ],
)
def test_a_negative_subject_or_object_negates_the_act(coder, sentence, negated):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2024, 3, 4))
    assert events
    assert all(r.event.negated == negated for r in events)


@pytest.mark.nlp
def test_a_denial_does_not_code_the_denied_act(coder):
    got = _codes(coder, "Russia denied carrying out the strike on the Ukrainian port.")
    assert not [e for e in got if e[2][:2] == "19"], got
    assert ("RUS", "UKR", "120") in got


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Moscow denied that its troops had attacked Ukraine.", True),
        ("India denied reports that its forces had shelled Pakistani posts.", True),
        ("Russia rejected claims that it had attacked Poland.", True),
        ("Ukraine said that Russia attacked Kharkiv.", False),  # attributed fact, no denial
        ("Russia rejected the plan and attacked Poland.", False),  # a rejection of something else
        ("Moscow denied the report and attacked Ukraine the next day.", False),  # a second act beside the denial
    ],
)
def test_an_act_under_a_denial_is_negated(coder, sentence, denied):
    from datetime import date

    (events,) = coder.code_sentence_events([sentence], date(2024, 3, 4), partial=True)
    force = [r.event for r in events if r.event.root == "19"]
    assert force and all(e.negated == denied for e in force), [(e.cameo, e.negated) for e in force]


@pytest.mark.nlp
def test_a_trailing_participle_of_a_verbal_act_is_a_second_event(coder):
    got = _codes(coder, "Poland expelled the Russian ambassador, accusing Moscow of espionage.")
    assert ("POL", "RUS", "161") in got and ("POL", "RUS", "112") in got, got
    # near-miss: a participle of a material act is the main act's result, not a second act
    got = _codes(coder, "Russia struck Kyiv overnight, killing five Ukrainian civilians.")
    assert [e for e in got if e[2][:2] == "18"] == [], got


@pytest.mark.nlp
def test_the_victim_of_a_criticised_act_is_not_its_target(coder):
    assert ("FRA", "RUS", "111") in _codes(coder, "France condemned the Russian attack on Kyiv.")
    assert [e for e in _codes(coder, "France condemned the attack on Kyiv.") if e[1] == "UKR"] == []


@pytest.mark.nlp
def test_a_promised_act_without_a_pattern_stays_a_pledge(coder):
    """The label verbs ("deemed X illegal") must not take over an act a governor promises."""
    got = _codes(coder, "Armenia and Azerbaijan agreed to find a peaceful solution.")
    assert ("ARM", "AZE", "030") in got and ("AZE", "ARM", "030") in got, got
