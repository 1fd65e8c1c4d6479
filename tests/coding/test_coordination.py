"""Coordinated sides and party lists (detente.coding.coordination and the rules that expand lists)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import coordination
from detente.coding.context import Actor
from detente.events.schema import Event

WHEN = date(2024, 5, 6)


def _actors(*codes: str) -> list[Actor]:
    return [Actor(code, i * 10, i * 10 + 5, code) for i, code in enumerate(codes)]


def test_parties_are_one_per_country():
    assert [a.code for a in coordination.parties(_actors("USAGOV", "USA", "GBR", "USAMIL", "FRA"))] == ["USAGOV", "GBR",
                                                                                                         "FRA"]


def test_first_parties_keep_two_sides_of_one_country():
    kept = coordination.first_parties(_actors("VENGOV", "VENOPP", "COL", "BRA", "PER", "CHL"), most=3)
    assert [a.code for a in kept] == ["VENGOV", "VENOPP", "COL", "BRA"]


@pytest.mark.parametrize(("n", "said"), [(2, None), (4, None), (5, False), (9, False), (10, True), (12, True)])
def test_a_long_list_is_noted_and_a_conference_kept_apart(n, said):
    codes = ["AUT", "BEL", "CZE", "DNK", "EST", "FIN", "GRC", "HUN", "IRL", "LVA", "LTU", "LUX"][:n]
    found = coordination.long_list(_actors(*codes))
    if said is None:
        assert found is None
    else:
        note, apart = found
        assert apart is said and f"a list of {n} parties" in note


def _event(source: str, target: str) -> Event:
    return Event(date=WHEN, source=source, target=target, cameo="040", root="04", quad=1, goldstein=1.0,
                 dataset="text", doc_id="d")


def test_the_announcing_side_is_the_source_when_both_announce():
    assert coordination.announcing_side(_event("EGY", "QAT"), {"EGY", "QAT"}) == "EGY"
    assert coordination.announcing_side(_event("QAT", "EGY"), {"EGY", "QAT"}) == "QAT"
    assert coordination.announcing_side(_event("QAT", "EGY"), {"EGY"}) == "EGY"
    assert coordination.announcing_side(_event("QAT", "EGY"), {"TUR", "OMN"}) is None


def _coded(coder, sentence: str, partial: bool = False):
    (found,) = coder.code_sentence_events([sentence], WHEN, partial=partial)
    return found


@pytest.mark.nlp
def test_a_meeting_set_by_coordinated_subjects_is_the_intent_of_both(coder):
    # convention 10: "A and B are set to meet" is announced by both, each direction from its source
    found = _coded(coder, "Peru and Chile are set to meet in Lima next month.")
    assert {(r.event.source, r.event.target, r.event.cameo) for r in found} == {("PER", "CHL", "036"),
                                                                                ("CHL", "PER", "036")}


@pytest.mark.nlp
def test_a_joint_act_of_ten_parties_is_kept_apart_with_a_note(coder):
    sentence = ("The accord was signed by Austria, Belgium, Denmark, Estonia, Finland, Greece, Hungary, Ireland, "
                "Latvia and Portugal on Monday.")
    assert _coded(coder, sentence) == []
    apart = _coded(coder, sentence, partial=True)
    assert apart and all(r.partial and "a list of 10 parties" in (r.event.note or "") for r in apart)


def test_a_list_of_five_to_nine_parties_turns_on_its_first():
    # convention 21: a party facing a group is paired with each member, not the members among themselves
    actors = _actors("AUT", "BEL", "DNK", "EST", "FIN")
    assert coordination.long_hub(actors).code == "AUT"
    assert coordination.list_pairs(actors) == [(actors[0], b) for b in actors[1:]]
    assert coordination.long_hub(actors[:4]) is None and len(coordination.list_pairs(actors[:4])) == 6
    assert coordination.long_hub(_actors(*"AUT BEL CZE DNK EST FIN GRC HUN IRL LVA".split())) is None


@pytest.mark.nlp
def test_a_joint_act_of_five_parties_pairs_the_first_with_each_other_and_says_so(coder):
    sentence = "Talks were held between Austria, Belgium, Denmark, Estonia and Finland in Vienna on Monday."
    found = _coded(coder, sentence)
    pairs = {(r.event.source, r.event.target) for r in found}
    assert pairs == {(a, b) for other in ("BEL", "DNK", "EST", "FIN") for a, b in (("AUT", other), (other, "AUT"))}
    assert all("a list of 5 parties read as its first party facing a group" in (r.event.note or "") for r in found)


@pytest.mark.nlp
def test_a_coordinated_subject_of_six_meeting_pairs_the_first_with_each(coder):
    found = _coded(coder, "Ghana, Togo, Benin, Niger, Mali and Chad held talks in Accra on Monday.")
    pairs = {(r.event.source, r.event.target) for r in found}
    assert pairs == {(a, b) for other in ("TGO", "BEN", "NER", "MLI", "TCD") for a, b in (("GHA", other),
                                                                                           (other, "GHA"))}


@pytest.mark.nlp
def test_three_parties_are_coded_pair_by_pair_without_a_note(coder):
    found = _coded(coder, "Talks were held between Austria, Belgium and Denmark in Vienna on Monday.")
    assert len({(r.event.source, r.event.target) for r in found}) == 6
    assert not any("parties" in (r.event.note or "") for r in found)


@pytest.mark.nlp
def test_every_modifier_of_a_list_names_its_side(coder):
    # "South African" is two words; the second side of the list was dropped when only its last word was read
    found = _coded(coder, "Argentine, South African and Brazilian diplomats met in Geneva on Monday.")
    pairs = {(r.event.source[:3], r.event.target[:3]) for r in found}
    assert {("ARG", "ZAF"), ("ZAF", "BRA"), ("BRA", "ARG")} <= pairs


@pytest.mark.nlp
def test_a_text_by_its_issuers_speaks_for_each(coder):
    found = _coded(coder, "A joint declaration by Norway, Iceland and Denmark criticised Russia on Monday.")
    assert {(r.event.source, r.event.target, r.event.root) for r in found} >= {
        ("NOR", "RUS", "11"), ("ISL", "RUS", "11"), ("DNK", "RUS", "11")}


@pytest.mark.nlp
def test_a_one_sided_act_of_a_long_list_gives_one_event_per_member(coder):
    # convention 2: each conjunct of a coordinated side gets its event (no cap on a one-sided act)
    found = _coded(coder, "Chile, Peru, Bolivia, Ecuador, Uruguay, Paraguay and Colombia condemned Venezuela on "
                          "Monday.")
    assert {r.event.source for r in found if r.event.target == "VEN"} == {"CHL", "PER", "BOL", "ECU", "URY", "PRY",
                                                                           "COL"}


@pytest.mark.nlp
def test_the_host_of_the_occasion_is_no_partner_of_a_joint_act(coder):
    found = _coded(coder, "Chile and Peru signed a fishing accord at a summit hosted by Ecuador on Monday.")
    pairs = {(r.event.source, r.event.target) for r in found if r.event.root == "05"}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.nlp
def test_a_one_sided_act_on_a_long_list_reaches_every_member(coder):
    found = _coded(coder, "Norway condemned Russia, Belarus, Iran, Syria and Cuba on Monday.")
    assert {r.event.target for r in found if r.event.source == "NOR"} == {"RUS", "BLR", "IRN", "SYR", "CUB"}


@pytest.mark.nlp
def test_an_apposition_that_lists_the_members_names_each(coder):
    found = _coded(coder, "Two neighbours, Chile and Peru, condemned Venezuela on Monday.")
    assert {(r.event.source, r.event.target) for r in found} >= {("CHL", "VEN"), ("PER", "VEN")}


@pytest.mark.nlp
def test_a_list_written_as_one_party_and_a_group_pairs_the_one_with_each(coder):
    # "A and B, C, D and E met": A with each of the others, not the others among themselves
    found = _coded(coder, "Peru and Chile, Bolivia, Ecuador and Colombia held talks in Lima on Monday.")
    pairs = {(r.event.source, r.event.target) for r in found}
    assert pairs == {(a, b) for other in ("CHL", "BOL", "ECU", "COL") for a, b in (("PER", other), (other, "PER"))}
    assert not any("parties" in (r.event.note or "") for r in found)


@pytest.mark.nlp
def test_a_list_with_commas_throughout_is_no_hub(coder):
    found = _coded(coder, "Peru, Chile, Bolivia and Ecuador held talks in Lima on Monday.")
    assert ("CHL", "BOL") in {(r.event.source, r.event.target) for r in found}


@pytest.mark.parametrize(("verb", "codes", "expected"), [
    ("attend", ("NOR", "SWE", "FIN"), True), ("participate", ("NOR", "SWE", "FIN", "DNK"), True),
    ("attend", ("NOR", "SWE"), False), ("meet", ("NOR", "SWE", "FIN"), False), ("attend", ("NOR", "NORGOV", "SWE"), False),
])
def test_attendees_are_three_parties_or_more_of_an_attendance_verb(verb, codes, expected):
    assert coordination.attendees(verb, _actors(*codes)) is expected


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Norway, Sweden, Finland and Iceland attended the conference on Monday.",
    "The exercise will be attended by troops from Norway, Sweden, Finland and Iceland.",
])
def test_attendees_of_a_gathering_are_not_coded_as_meeting_each_other(coder, sentence):
    pairs = {(r.event.source[:3], r.event.target[:3]) for r in _coded(coder, sentence)}
    assert not pairs & {("NOR", "SWE"), ("SWE", "NOR"), ("FIN", "ISL"), ("NOR", "ISL")}, pairs


@pytest.mark.nlp
def test_attendees_meet_the_named_host_both_ways(coder):
    found = _coded(coder, "The summit hosted by Kenya was attended by Norway, Sweden, Finland and Iceland on Monday.")
    pairs = {(r.event.source, r.event.target) for r in found if r.event.root == "04"}
    assert {("NOR", "KEN"), ("KEN", "NOR"), ("ISL", "KEN"), ("KEN", "ISL")} <= pairs
    assert not any(a != "KEN" and b != "KEN" for a, b in pairs), pairs


@pytest.mark.nlp
def test_two_attendees_of_a_joint_occasion_stay_paired(coder):
    found = _coded(coder, "Norway and Sweden participated in a joint press conference on Monday.")
    assert {("NOR", "SWE"), ("SWE", "NOR")} <= {(r.event.source, r.event.target) for r in found}


@pytest.mark.nlp
def test_document_mode_keeps_a_conference_apart_as_page_mode_does(coder):
    from detente.coding.reader import Document

    sentences = ["The accord was signed by Austria, Belgium, Denmark, Estonia, Finland, Greece, Hungary, Ireland, "
                 "Latvia and Portugal on Monday.", "Chile condemned Peru on Monday."]
    (result,) = coder.code_document_results([Document("d", " ".join(sentences), WHEN)])
    page = coder.code_article_events(sentences, WHEN, partial=True)
    stored = {(e.sentence_index, e.source, e.target, e.cameo) for e in result.events}
    assert stored == {(i, r.event.source, r.event.target, r.event.cameo) for i, found in enumerate(page)
                      for r in found if not r.partial}
    apart = {(e.sentence_index, e.source, e.target, e.cameo) for e in result.apart if "a list of 10 parties" in e.note}
    assert apart and apart == {(i, r.event.source, r.event.target, r.event.cameo) for i, found in enumerate(page)
                               for r in found if r.partial and "a list of 10 parties" in (r.event.note or "")}


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        # a list after "the regimes of", "the governments of", with an "and" after its last comma, which the
        # parser splits into two subjects (the last member its own, the middle one an apposition)
        ("The military regimes of Burkina Faso, Mali, and Niger condemned Ecuador.", {"BFA", "MLI", "NER"}),
        ("The governments of Chile, Peru, and Bolivia condemned Ecuador.", {"CHL", "PER", "BOL"}),
        ("Chile, Peru, and Bolivia condemned Ecuador.", {"CHL", "PER", "BOL"}),
        # an apposition outside such a list is a second name, not a member
        ("The president, Gabriel Boric, and Peru condemned Ecuador.", {"CHL", "PER"}),
    ],
)
def test_every_member_of_a_list_split_at_its_last_and_gets_the_event(coder, sentence, sources):
    found = _coded(coder, sentence)
    assert {r.event.source[:3] for r in found if r.event.target == "ECU"} == sources


@pytest.mark.nlp
def test_a_second_subject_after_an_and_of_another_phrase_is_no_member_of_the_subject(hand_parse):
    """"the meeting between the delegation and Boric began", parsed with Boric as a second subject of "began" and
    the "and" on "delegation" (the "between" phrase's member): no list of the subject is split there."""
    words = ["the", "meeting", "between", "the", "delegation", "and", "Boric", "began", "."]
    heads = [1, 7, 1, 4, 2, 4, 7, 7, 7]
    deps = ["det", "nsubj", "prep", "det", "pobj", "cc", "nsubj", "ROOT", "punct"]
    tags = ["DT", "NN", "IN", "DT", "NN", "CC", "NNP", "VBD", "."]
    doc = hand_parse(words, heads, deps, tags)
    assert coordination.split_list(doc[1]) == []
    # "the regimes of Chile, Peru, and Bolivia began": the "and" on the noun whose "of" list it ends
    doc = hand_parse(["the", "regimes", "of", "Chile", ",", "Peru", ",", "and", "Bolivia", "began", "."],
                     [1, 9, 1, 2, 3, 3, 1, 1, 9, 9, 9],
                     ["det", "nsubj", "prep", "pobj", "punct", "appos", "punct", "cc", "nsubj", "ROOT", "punct"],
                     ["DT", "NNS", "IN", "NNP", ",", "NNP", ",", "CC", "NNP", "VBD", "."])
    assert [t.text for t in coordination.split_list(doc[1])] == ["Peru", "Bolivia"]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        # the first person swallowed into the second's name phrase (the "and" inside it, no conjunct)
        ("Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan signed an agreement.",
         {"KEN", "TZA"}),
        # a plural title whose apposition heads the list
        ("Presidents William Ruto and Yoweri Museveni concluded their first summit in Nairobi.", {"KEN", "UGA"}),
        # two demonyms under the noun the head belongs to, one "of" deeper
        ("The commanders of the Kenyan and Somali navies signed an agreement.", {"KEN", "SOM"}),
        ("The Chiefs of Staff of the Kenyan and Somali armies met in Mombasa.", {"KEN", "SOM"}),
    ],
)
def test_both_coordinated_persons_or_demonyms_of_a_joint_act_are_sides(coder, sentence, sides):
    found = _coded(coder, sentence)
    pairs = {(r.event.source[:3], r.event.target[:3]) for r in found}
    a, b = sorted(sides)
    assert {(a, b), (b, a)} <= pairs


@pytest.mark.nlp
def test_a_swallowed_and_is_read_only_inside_a_name_and_an_apposition_list_only_under_a_plural(hand_parse):
    """"A B and C D E signed", parsed with B a modifier of E and the "and" on B: the "and" is found from E; a common
    noun head reads its own coordinated modifiers instead. "Presidents X and Y": Y from the apposition X; under a
    singular title the apposition is a second name, not a list."""
    words = ["President", "Ruto", "and", "President", "Hassan", "signed", "."]
    doc = hand_parse(words, [1, 4, 1, 1, 5, 5, 5], ["compound", "nmod", "cc", "conj", "nsubj", "ROOT", "punct"],
                     ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."])
    assert coordination.swallowed_and(doc[4]).i == 2
    assert coordination.swallowed_and(doc[1]) is None  # the "and" is not before the head
    doc = hand_parse(["Presidents", "Milei", "and", "Boric", "met", "."], [4, 0, 1, 1, 4, 4],
                     ["nsubj", "appos", "cc", "conj", "ROOT", "punct"], ["NNS", "NNP", "CC", "NNP", "VBD", "."])
    assert [t.text for t in coordination.appositive_conjuncts(doc[0])] == ["Boric"]
    doc = hand_parse(["President", "Milei", "and", "Boric", "met", "."], [4, 0, 1, 1, 4, 4],
                     ["nsubj", "appos", "cc", "conj", "ROOT", "punct"], ["NN", "NNP", "CC", "NNP", "VBD", "."])
    assert coordination.appositive_conjuncts(doc[0]) == []


@pytest.mark.nlp
def test_a_subject_group_with_its_members_listed_after_a_colon_or_dash_reads_every_member(hand_parse):
    """"The four states: Chile, Peru, Bolivia and Ecuador protested": the list enumerates the group's members (session
    26); not the exceptions of "all but two members - Chile and Peru -", nor a group in a prepositional phrase."""
    words = ["The", "four", "states", ":", "Chile", ",", "Peru", ",", "Bolivia", "and", "Ecuador", "protested", "."]
    doc = hand_parse(words, [2, 2, 11, 2, 2, 4, 4, 6, 6, 8, 8, 11, 11],
                     ["det", "nummod", "nsubj", "punct", "appos", "punct", "conj", "punct", "conj", "cc", "conj", "ROOT",
                      "punct"], ["DT", "CD", "NNS", ":", "NNP", ",", "NNP", ",", "NNP", "CC", "NNP", "VBD", "."])
    assert [t.text for t in coordination.appositive_conjuncts(doc[2])] == ["Chile", "Peru", "Bolivia", "Ecuador"]
    words = ["All", "but", "two", "members", "–", "Chile", "and", "Peru", "–", "protested", "."]
    doc = hand_parse(words, [3, 0, 0, 9, 3, 3, 5, 5, 3, 9, 9],
                     ["det", "cc", "conj", "nsubj", "punct", "appos", "cc", "conj", "punct", "ROOT", "punct"],
                     ["DT", "CC", "CD", "NNS", ":", "NNP", "CC", "NNP", ":", "VBD", "."])
    assert coordination.appositive_conjuncts(doc[3]) == []
    words = ["Talks", "between", "four", "states", ":", "Chile", "and", "Peru", "ended", "."]
    doc = hand_parse(words, [8, 0, 3, 1, 3, 3, 5, 5, 8, 8],
                     ["nsubj", "prep", "nummod", "pobj", "punct", "appos", "cc", "conj", "ROOT", "punct"],
                     ["NNS", "IN", "CD", "NNS", ":", "NNP", "CC", "NNP", "VBD", "."])
    assert coordination.appositive_conjuncts(doc[3]) == []


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "want", "not_wanted"),
    [
        ("Egypt, along with Morocco and Sudan, condemned Israel's strike on the camp.",
         {("EGY", "ISR", "11"), ("MAR", "ISR", "11"), ("SDN", "ISR", "11")}, set()),
        ("The Kenyan government, together with Uganda, condemned the Sudanese army's attack.",
         {("KEN", "SDN", "11"), ("UGA", "SDN", "11")}, set()),
        ("Putin, speaking alongside Merkel, criticised Ukraine.", set(), {("DEU", "UKR", "11")}),
    ],
)
def test_a_co_agent_added_to_the_subject_by_along_with_or_together_with_is_a_side(triples, sentence, want, not_wanted):
    got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
    assert want <= got and not (not_wanted & got)


@pytest.mark.nlp
def test_each_member_of_a_group_listed_between_dashes_is_a_side(triples):
    got = {(s[:3], t[:3], r) for s, t, r in triples(
        "The three Baltic states – Estonia, Latvia and Lithuania – condemned Russia's annexation of Crimea.")}
    assert {("EST", "RUS", "11"), ("LVA", "RUS", "11"), ("LTU", "RUS", "11")} <= got


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("China protested to Japan and to the Philippines over the drills.", {("CHN", "JPN", "11"), ("CHN", "PHL", "11")}),
        ("The EU imposed sanctions on Russia and on Belarus.", {("EUR", "RUS", "16"), ("EUR", "BLR", "16")}),
        ("Emmanuel Macron spoke with Olaf Scholz on Monday and with Giorgia Meloni on Tuesday.",
         {("FRA", "DEU", "04"), ("FRA", "ITA", "04"), ("ITA", "FRA", "04")}),
    ],
)
def test_the_object_of_a_second_joined_preposition_is_a_side_too(triples, sentence, want):
    got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
    assert want <= got, got


@pytest.mark.nlp
def test_a_joined_preposition_of_another_word_is_another_role(coder):
    from detente.coding.coordination import conjoined_prep_objects

    doc = coder.nlp("France moved its troops from Mali and to Niger.")
    mali = next(t for t in doc if t.text == "Mali")
    assert conjoined_prep_objects(mali) == []


def test_an_organisation_announcing_with_a_role_is_its_own_side():
    # "AUGOV"[:3] is "AUG", no organisation: the African Union's commission announces for the AU
    assert coordination.announcing_side(_event("AUGOV", "SDN"), {"AU"}) == "AU"
    assert coordination.announcing_side(_event("SDN", "AUGOV"), {"AU"}) == "AU"


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Ghana, the Gambia, Peru and Chile condemned Iran.",  # a member with an article, hung on the first as an apposition
    "Norway, South Korea, Peru and Chile condemned Iran.",  # a member of two words
])
def test_every_member_of_a_list_with_a_member_of_several_words_is_a_side(coder, sentence):
    sources = {r.event.source for r in _coded(coder, sentence) if r.event.target == "IRN"}
    assert len(sources) == 4


@pytest.mark.nlp
def test_a_member_joined_by_as_well_as_is_a_side(coder):
    found = _coded(coder, "Chile, Peru and Ghana as well as Norway condemned Iran.")
    assert {r.event.source for r in found if r.event.target == "IRN"} == {"CHL", "PER", "GHA", "NOR"}


def test_as_well_as_joins_a_list_and_and_does_but_not_as_alone():
    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("en")("Chile as well as Peru and Ghana as Norway")
    assert coordination.joins_list(doc[3]) and coordination.joins_list(doc[5])
    assert not coordination.joins_list(doc[1]) and not coordination.joins_list(doc[7])


@pytest.mark.nlp
def test_a_guessed_target_is_coded_for_every_member_of_the_source(coder):
    # no target on the predicate: the one named elsewhere, for each member (convention 2), not the first alone
    found = _coded(coder, "Norway and Denmark have voiced concern about Austria's vote.")
    assert {(r.event.source, r.event.target, r.event.root) for r in found} == {("NOR", "AUT", "11"),
                                                                               ("DNK", "AUT", "11")}


def test_members_guessed_keeps_the_first_and_the_same_act_of_other_members():
    from types import SimpleNamespace as NS

    verb, other_verb = NS(i=3), NS(i=9)
    side = NS(actors=_actors("NOR", "DNK", "NORGOV"))
    hun = Actor("HUN", 40, 47, "Hungary", fallback=True)
    swe = Actor("SWE", 50, 56, "Sweden", fallback=True)

    def cand(source, actor, target=hun, code="110", at=verb):
        return NS(source=source, source_actor=actor, target_actor=target, verb=at, code=code)

    nor, dnk, norgov = side.actors
    cands = [cand(side, nor), cand(side, dnk), cand(side, norgov), cand(side, dnk, target=swe),
             cand(side, dnk, code="111"), cand(side, dnk, at=other_verb), cand(NS(actors=[dnk]), dnk)]
    assert coordination.members_guessed(cands) == [0, 1]  # the same country once; another target, code, verb, side out
    assert coordination.members_guessed([]) == []
