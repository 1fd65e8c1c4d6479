"""Third parties in others' acts (coding/mediation.py): mediator -> each party (CAMEO 045); prisoner swaps named by a noun (0841 both ways)."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import asserted_countries

WHEN = date(2024, 5, 6)


def _triples(coder, sentence):
    return asserted_countries(coder, sentence, WHEN)


def _mediated(coder, sentence):
    """The sentence's mediation triples (CAMEO 045)."""
    return {t for t in _triples(coder, sentence) if t[2] == "045"}


@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Armenia and Azerbaijan agreed to a prisoner exchange in a deal brokered by Qatar.",
     {("QAT", "ARM", "045"), ("QAT", "AZE", "045")}),
    ("The U.S.-brokered ceasefire between Israel and Lebanon took effect on Wednesday.",
     {("USA", "ISR", "045"), ("USA", "LBN", "045")}),
    ("Sudan signed an accord with South Sudan under a deal negotiated with the help of Ethiopia.",
     {("ETH", "SDN", "045"), ("ETH", "SSD", "045")}),
])
def test_the_mediator_mediates_for_each_party(coder, sentence, expected):
    assert expected <= _mediated(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Serbia and Kosovo may sign a deal brokered by the EU.",
    "Serbia and Kosovo did not sign the deal brokered by the EU.",
    "If Serbia and Kosovo sign a deal brokered by the EU, trade will resume.",
])
def test_no_mediation_of_an_agreement_not_made(coder, sentence):
    assert not any(c == "045" and s == "EUR" for s, _, c in _triples(coder, sentence))


@pytest.mark.nlp
def test_a_brokered_sale_is_no_mediation(coder):
    assert not any(c == "045" for _, _, c in _triples(coder, "Turkey bought a jet engine brokered by Britain from Ukraine."))


def _article(coder, sentences):
    """Each sentence's (source, target, code) triples, the sentences coded as one article."""
    return [{(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in results if not r.event.negated}
            for results in coder.code_article_events(sentences, WHEN)]


# Frame 1: a participle on talks, a release or a swap (not only an agreement); "hosted" on talks only.
@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Negotiations between Israel and Hamas mediated by Qatar stalled on Monday.",
     {("QAT", "ISR", "045"), ("QAT", "PSE", "045")}),
    ("The Kuwait-mediated consultations between Riyadh and Doha resumed on Sunday.",  # the hyphen split by the parse
     {("KWT", "SAU", "045"), ("KWT", "QAT", "045")}),
    ("The talks between Ethiopia and Egypt, hosted by Sudan, ended on Tuesday.",
     {("SDN", "ETH", "045"), ("SDN", "EGY", "045")}),
])
def test_a_mediator_named_on_talks(coder, sentence, expected):
    assert expected <= _mediated(coder, sentence)


@pytest.mark.nlp
def test_a_hosted_summit_is_no_mediation_of_those_who_attend(coder):
    assert not _mediated(coder, "Lula attended the G20 summit hosted by India.")


# Frame 2: the verb of mediation in the passive, the event noun its subject; a definite noun is the act the
# article told before ("the swap"), whose two sides are the pair it named.
@pytest.mark.nlp
def test_a_passive_mediation_of_the_swap_told_before(coder):
    first, second = _article(coder, ["Belarus and Lithuania completed a prisoner swap on Friday.",
                                     "The swap was facilitated by Norway, officials said."])
    assert {("BLR", "LTU", "0841"), ("LTU", "BLR", "0841")} <= first
    assert {("NOR", "BLR", "045"), ("NOR", "LTU", "045")} <= {t for t in second if t[2] == "045"}


@pytest.mark.nlp
def test_a_passive_mediation_without_parties_is_none(coder):
    assert not _mediated(coder, "The talks were mediated by Norway.")


# Frame 3: a noun of mediation naming the mediator, on a cooperative act or with "between".
@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Israel and Hamas agreed to a truce under Egyptian and Qatari mediation.",
     {("EGY", "ISR", "045"), ("EGY", "PSE", "045"), ("QAT", "ISR", "045"), ("QAT", "PSE", "045")}),
    ("Armenia and Azerbaijan exchanged 30 prisoners as a result of Georgia's mediation.",
     {("GEO", "ARM", "045"), ("GEO", "AZE", "045")}),
    ("Iran released two Danish citizens under Omani mediation.",
     {("OMN", "IRN", "045"), ("OMN", "DNK", "045")}),
    ("India signed a trade pact with Australia under the auspices of the WTO.",
     {("WTO", "IND", "045"), ("WTO", "AUS", "045")}),
    ("Kuwaiti mediation between Saudi Arabia and Qatar led to the reopening of the border.",
     {("KWT", "SAU", "045"), ("KWT", "QAT", "045")}),
])
def test_a_mediation_noun_names_the_mediator(coder, sentence, expected):
    assert expected <= _mediated(coder, sentence)


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Iraq launched the water project with the help of Turkish companies.",  # "help" without "of" names no mediator
    "Turkey's mediation was praised by Russia and Ukraine.",  # the praise is the act, not a mediation
    "China called for talks between Israel and Hamas under UN auspices.",  # talks still to come
    "The UN urged Armenia and Azerbaijan to exchange prisoners under Russian mediation.",  # urged, not done
    "Moscow rejected Turkey's offer of mediation between Russia and Ukraine.",
])
def test_no_mediation_named_on_an_act_not_made(coder, sentence):
    assert not _mediated(coder, sentence)


# Frame 4: a prisoner exchange named by a noun: each side releases the other's (0841, both ways).
@pytest.mark.nlp
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Armenia and Azerbaijan completed a prisoner swap on Wednesday.", {("ARM", "AZE"), ("AZE", "ARM")}),
    ("Russia carried out a prisoner exchange with Ukraine on Friday.", {("RUS", "UKR"), ("UKR", "RUS")}),
    ("The US-Russia prisoner swap took place in Abu Dhabi.", {("USA", "RUS"), ("RUS", "USA")}),
    ("Twenty Ukrainian soldiers were freed as part of a prisoner exchange with Russia.",
     {("UKR", "RUS"), ("RUS", "UKR")}),
    ("Belarus freed 12 Lithuanian fishermen in a swap with Lithuania.", {("BLR", "LTU"), ("LTU", "BLR")}),
    ("Smith, the American teacher, was released in a prisoner swap for Ivanov, the Russian hacker.",
     {("USA", "RUS"), ("RUS", "USA")}),
])
def test_a_prisoner_exchange_noun_is_a_release_both_ways(coder, sentence, expected):
    got = {(s, t) for s, t, c in _triples(coder, sentence) if c == "0841"}
    assert expected <= got


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Russia proposed a prisoner swap with Ukraine.",
    "Russia and Ukraine discussed a possible prisoner exchange.",
    "Officials declined to say whether the prisoner swap marked a thaw between the United States and Venezuela.",
    "Serbia and Kosovo completed a land swap.",  # no persons exchanged
    "Armenia and Azerbaijan did not complete the prisoner swap.",
])
def test_no_release_for_a_swap_not_made(coder, sentence):
    assert not any(c == "0841" for _, _, c in _triples(coder, sentence))


@pytest.mark.nlp
def test_the_helper_of_an_exchange_is_no_partner(coder):
    # "with the help of C" names a mediator (045 to each side), never the partner of the swap
    triples = _triples(coder, "Norway and Sweden exchanged prisoners with the help of Finland.")
    assert {("FIN", "NOR", "045"), ("FIN", "SWE", "045")} <= triples
    assert {(s, t) for s, t, c in triples if c != "045"} == {("NOR", "SWE"), ("SWE", "NOR")}


@pytest.mark.nlp
def test_coordinated_mediators_before_a_relative_clause_each_mediate(coder):
    # the comma sets "who mediated" on the whole coordination, though the parser hangs it on its last conjunct
    sentence = ("The African Union and the United Nations, who mediated the talks between Sudan and South Sudan, "
                "praised both sides.")
    assert {("AU", "SDN", "045"), ("AU", "SSD", "045"), ("UNO", "SDN", "045"), ("UNO", "SSD", "045")} <= _mediated(
        coder, sentence)


@pytest.mark.nlp
def test_a_help_noun_is_a_helper_only_after_with(coder):
    from detente.coding import syntax

    helped = coder.nlp("Norway and Sweden exchanged prisoners with the help of Finland.")
    assert syntax._helper(next(t for t in helped if t.text == "help"))
    accepted = coder.nlp("Norway agreed to Finnish mediation in its talks with Sweden.")
    assert not syntax._helper(next(t for t in accepted if t.text == "mediation"))  # the act's object


@pytest.mark.nlp
def test_the_host_of_a_signing_ceremony_mediates_between_the_signatories(coder):
    (events,) = coder.code_sentence_events(
        ["Armenia and Azerbaijan signed a peace treaty at a signing ceremony hosted by the US president."], WHEN)
    found = {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in events}
    assert {("USA", "ARM", "045"), ("USA", "AZE", "045")} <= found


@pytest.mark.nlp
def test_the_host_of_a_dinner_mediates_nothing(coder):
    (events,) = coder.code_sentence_events(
        ["Armenia and Azerbaijan signed a peace treaty after a dinner hosted by the US president."], WHEN)
    assert not {r for r in events if r.event.cameo == "045"}


def _roots04(coder, sentence):
    """The sentence's (source, target) pairs of root 04 (talks, meetings, mediation)."""
    return {(s, t) for s, t, c in _triples(coder, sentence) if c.startswith("04")}


# Convention 21 (session 13): a host or broker is a mediator, coded one way to each side; none back, none
# between two mediators; the sides' own talks both ways (mediation.one_way).
@pytest.mark.nlp
def test_a_host_of_the_sides_talks_is_coded_one_way(coder):
    pairs = _roots04(coder, "The foreign ministers of Chile and Peru held on Monday talks in Lima hosted by "
                            "Ecuador's foreign minister.")
    assert {("ECU", "CHL"), ("ECU", "PER"), ("CHL", "PER"), ("PER", "CHL")} <= pairs
    assert not {("CHL", "ECU"), ("PER", "ECU")} & pairs


@pytest.mark.nlp
def test_a_fellow_broker_is_no_party(coder):
    assert not any(s == "PER" and t == "BRA" for s, t in _roots04(
        coder, "Peru's government brokered the truce alongside Brazil."))


@pytest.mark.nlp
def test_a_host_of_a_dinner_is_no_mediator(coder):
    """'hosted' names a mediator on talks only: a visitor hosted at a dinner meets the host both ways as before."""
    pairs = _roots04(coder, "The leaders of Chile and Peru met on Monday at a dinner hosted by Ecuador's president.")
    assert ("ECU", "CHL") not in pairs or ("CHL", "ECU") in pairs


@pytest.mark.nlp
def test_a_broker_named_before_the_help_noun(coder):
    """"brokered with Brazil's help": the participle says the deal was brokered, the help noun names by whom."""
    assert {("BRA", "CHL", "045"), ("BRA", "PER", "045")} <= _mediated(
        coder, "Chile and Peru signed a deal negotiated with Brazil's help.")


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Norway, which played a key mediating role in the talks between Colombia and Venezuela, welcomed the deal.",
    "Norway played a major role in mediating the deal between Colombia and Venezuela.",
])
def test_a_mediating_role_names_the_mediator(coder, sentence):
    assert {("NOR", "COL", "045"), ("NOR", "VEN", "045")} <= _mediated(coder, sentence)


@pytest.mark.nlp
def test_a_role_without_mediation_is_no_mediation(coder):
    assert not any(s == "NOR" for s, _, c in _triples(
        coder, "Norway played a key role in the talks between Colombia and Venezuela.") if c == "045")


@pytest.mark.nlp
@pytest.mark.parametrize("sentence", [
    "Kenya convened talks between Chile and Peru.",
    "Kenya's foreign minister opened a new round of talks between the Chilean and Peruvian ministers on Tuesday.",
    "Nairobi hosted three rounds of talks between Santiago and Lima.",
])
def test_a_convener_of_talks_between_two_others_is_a_mediator(coder, sentence):
    pairs = _roots04(coder, sentence)
    assert {("KEN", "CHL"), ("KEN", "PER")} <= pairs
    assert not {("CHL", "KEN"), ("PER", "KEN")} & pairs


@pytest.mark.nlp
def test_convening_talks_still_to_come_is_no_mediation(coder):
    assert not any(c == "045" for _, _, c in _triples(coder, "Kenya will convene talks between Chile and Peru."))


@pytest.mark.nlp
def test_a_relative_clause_in_the_passive_names_the_mediator_of_its_antecedent(coder):
    # "the accord, which was brokered by X": the relative pronoun stands for the accord (session 14)
    _, second = coder.code_article_events(["Chile and Peru signed a fishing accord on Monday.",
                                           "The accord, which was brokered by Brazil, ends a long dispute."], WHEN)
    assert {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in second} >= {
        ("BRA", "CHL", "045"), ("BRA", "PER", "045")}


@pytest.mark.nlp
def test_a_two_word_mediator_before_a_hyphen_is_read_whole(coder):
    # the parser hangs "European" on the noun and "Union" on the participle: the name is both words
    found = _mediated(coder, "European Union-brokered talks between Serbia and Montenegro resumed in Brussels on "
                             "Monday.")
    assert {("EUR", "SRB", "045"), ("EUR", "MNE", "045")} <= found


@pytest.mark.nlp
def test_the_parties_of_a_plural_head_with_coordinated_modifiers_are_each_mediated(coder):
    found = _mediated(coder, "The Qatar-mediated talks between the foreign ministers of Rwanda and Burundi ended on "
                             "Monday.")
    assert {("QAT", "RWA", "045"), ("QAT", "BDI", "045")} <= found
