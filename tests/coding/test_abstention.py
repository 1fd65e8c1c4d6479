"""Abstention: statements, dateline actors and agreement descriptions are kept apart, not coded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from detente.coding import abstention
from detente.coding.assemble import make_event
from detente.coding.coder import SentenceResult
from detente.coding.context import Actor

DAY = date(2023, 5, 2)


def _actor(code: str, text: str) -> Actor:
    return Actor(code=code, text=text, start=0, end=len(text))


def _event(code: str, sentence: str, source: tuple[str, str], target: tuple[str, str], note: str | None = None):
    event = make_event(code, when=DAY, sentence=sentence, doc_id="t", source=_actor(*source), target=_actor(*target),
                       note=note)
    assert event is not None
    return event


@pytest.mark.parametrize("sentence", [
    "OSLO, Norway (AP) — Police officers met on Monday to discuss the budget.",
    "Oslo, May 2: Police officers met on Monday to discuss the budget.",
])
def test_a_side_named_only_in_the_dateline_is_kept_apart(sentence):
    event = _event("040", sentence, ("NOR", "Norway" if "Norway" in sentence else "Oslo"), ("SWE", "Sweden"))
    assert abstention.reason_apart(event) == "dateline"


def test_a_wire_credit_after_a_dateline_of_several_parts_is_no_side():
    sentence = "BERGEN, Hordaland, Norway, June 4 (Reuters) - Sweden protested to Denmark."
    event = _event("111", sentence, ("GBRMED", "Reuters"), ("DNK", "Denmark"))
    assert abstention.reason_apart(event) == "dateline"


def test_an_organisation_with_its_own_organ_is_one_side():
    # the African Union and its commission: one organisation, whose code's first three letters ("AUG") are not it
    event = _event("040", "The African Union's commission met the AU's envoys.", ("AUGOV", "commission"), ("AU", "AU"))
    assert abstention.domestic(event)
    assert not abstention.domestic(_event("040", "Chile met Peru.", ("CHL", "Chile"), ("PER", "Peru")))


def test_a_dateline_city_named_again_in_the_story_stands():
    sentence = "OSLO (AP) — Sweden's prime minister met officials in Oslo on Monday."
    event = _event("040", sentence, ("SWE", "Sweden"), ("NOR", "Oslo"))
    assert abstention.dateline_end(sentence) == len("OSLO (AP) — ")
    assert abstention.reason_apart(event) is None


@pytest.mark.parametrize("dateline", [
    "BERGEN, April 5 (NTB) -- ", "Bergen, Oct 3 (Reuters)--", "OSLO, Sep 15 (NTB): ", "Bergen, 12 May, 2021 (NTB) - ",
])
def test_a_dated_dateline_with_its_agency_is_read(dateline):
    assert abstention.dateline_end(dateline + "Norway recalled its ambassador from Sweden.") == len(dateline)


def test_no_dateline_in_an_ordinary_sentence():
    assert abstention.dateline_end("Norway said on Monday - after talks - that it would wait.") == 0
    assert abstention.dateline_end("Prime Minister Jonas Gahr Store — who arrived late — spoke.") == 0


def test_a_bare_statement_is_kept_apart():
    event = _event("010", "Norway's foreign minister said Sweden's plan was a matter for Stockholm.",
                   ("NORGOV", "Norway's foreign minister"), ("SWE", "Sweden"))
    assert abstention.reason_apart(event) == "statement"


def test_an_agreement_named_as_a_standing_thing_is_no_signing():
    sentence = "The ships sail under the 1994 fisheries pact between Norway, Iceland and Denmark."
    assert abstention.reason_apart(_event("057", sentence, ("NOR", "Norway"), ("ISL", "Iceland"))) == "description"
    signed = "Norway and Iceland signed a fisheries pact on Monday."
    assert abstention.reason_apart(_event("057", signed, ("NOR", "Norway"), ("ISL", "Iceland"))) is None
    reached = "Norway reached an agreement with Iceland over fishing quotas."
    assert abstention.reason_apart(_event("057", reached, ("NOR", "Norway"), ("ISL", "Iceland"))) is None
    entered = "Norway and Iceland entered into an agreement on coast guard cooperation."
    assert abstention.reason_apart(_event("057", entered, ("NOR", "Norway"), ("ISL", "Iceland"))) is None


def test_sort_out_moves_kept_apart_events_after_the_others_and_notes_why():
    s = "Norway's foreign minister said Sweden's plan was a matter for Stockholm."
    said = SentenceResult(_event("010", s, ("NOR", "Norway"), ("SWE", "Sweden")), None, None)
    met = SentenceResult(_event("040", s, ("NOR", "Norway"), ("SWE", "Sweden")), None, None)
    assert abstention.sort_out([said, met], partial=False) == [met]
    shown = abstention.sort_out([said, met], partial=True)
    assert [r.event.cameo for r in shown] == ["040", "010"]
    assert shown[1].partial and shown[1].event.note == "kept apart: statement"


def test_a_classifier_statement_says_why_it_is_kept_apart():
    s = "Norway's foreign minister said Sweden's plan was a matter for Stockholm."
    result = SentenceResult(_event("01", s, ("NOR", "Norway"), ("SWE", "Sweden"), note="classifier"), None, None)
    (shown,) = abstention.sort_out([result], partial=True)
    assert shown.partial and shown.event.note == "classifier; kept apart: statement"
    assert abstention.from_classifier(shown.event) and abstention.from_classifier(result.event)
    rule = _event("01", s, ("NOR", "Norway"), ("SWE", "Sweden"), note="classified documents")
    assert not abstention.from_classifier(rule)


def test_an_uncertain_classifier_event_is_kept_apart_with_its_figures():
    s = "Norwegian troops entered the border town after days of clashes with Swedish forces."
    result = SentenceResult(_event("19", s, ("NOR", "Norway"), ("SWE", "Sweden"), note="classifier"), None, None)
    shown = abstention.uncertain(result, 0.214, 0.3)
    assert shown.partial and shown.event.note == "classifier; kept apart: uncertain (probability 0.21 below 0.30)"


def test_coder_leaves_a_bare_statement_uncoded_and_shows_it_on_request(coder):
    sentence = "Japan's foreign minister said on Tuesday that South Korea's plan was a matter for Seoul to decide."
    assert coder.code_sentence_events([sentence], DAY)[0] == []
    shown = coder.code_sentence_events([sentence], DAY, partial=True)[0]
    assert shown and all(r.partial for r in shown)
    assert all(r.event.root != "01" or "statement" in (r.event.note or "") or r.event.note == "classifier"
               for r in shown)


def test_a_finalised_or_unveiled_agreement_is_a_signing():
    """Verbs of concluding and announcing a deal make the signing an act (convention 15); a purpose does not."""
    finalised = _event("057", "Chile and Peru finalised a fisheries accord on Monday.", ("CHL", "Chile"), ("PER", "Peru"))
    assert abstention.reason_apart(finalised, "finalised accord") is None
    unveiled = _event("057", "Chile and Peru unveiled a new border pact in Lima.", ("CHL", "Chile"), ("PER", "Peru"))
    assert abstention.reason_apart(unveiled, "unveiled pact") is None
    purpose = _event("057", "A Chilean team went to Lima to finalize the pact with Peru.", ("CHL", "Chile"), ("PER", "Peru"))
    assert abstention.reason_apart(purpose, "went to finalize pact") == "description"


def test_coder_codes_no_signing_for_a_treaty_described(coder):
    sentence = "The countries trade under the 1994 free trade pact between Chile, Peru and Colombia."
    assert coder.code_sentence_events([sentence], DAY)[0] == []


def test_coder_still_codes_a_signing(coder):
    found = coder.code_sentence_events(["Chile and Peru signed a free trade agreement on Monday."], DAY)[0]
    assert {(r.event.source, r.event.target, r.event.root) for r in found} == {("CHL", "PER", "05"), ("PER", "CHL", "05")}


def test_document_mode_stores_no_statement(code_fn):
    events = code_fn("Japan's foreign minister said on Tuesday that South Korea's plan was a matter for Seoul to decide.")
    assert all(e.root != "01" for e in events)


@pytest.mark.parametrize("sentence", [
    "Norway's prime minister was set to meet Sweden's king at the palace on Friday.",
    "The Norwegian premier is scheduled to hold talks with Swedish leaders on the 17th.",
    "The visit comes before Norway and Sweden will resume negotiations on fishing next week.",
    "Norway's foreign minister is visiting Sweden on Monday.",
    # the progressive with a time to come in its clause is an arrangement (convention 10)
    "Norway's foreign minister is visiting Sweden next week.",
    "On Friday, Norway's foreign minister is visiting Sweden tomorrow, his office said.",
    "Norway's foreign minister is officially visiting Sweden on Monday.",
])
def test_an_announced_meeting_is_no_meeting_held(sentence):
    event = _event("040", sentence, ("NOR", "Norway"), ("SWE", "Sweden"))
    assert abstention.reason_apart(event) == "planned"


def test_a_meeting_held_and_an_announced_intent_stand():
    held = _event("040", "Norway's prime minister met Sweden's king at the palace on Friday.", ("NOR", "Norway"),
                  ("SWE", "Sweden"))
    assert abstention.reason_apart(held) is None
    intent = _event("036", "Norway's prime minister will meet Sweden's king on Friday.", ("NOR", "Norway"),
                    ("SWE", "Sweden"))
    assert abstention.reason_apart(intent) is None  # CAMEO 036: an intent to meet is itself an event (root 03)


@pytest.mark.parametrize("sentence", [
    "Norway's foreign minister is visiting Sweden today.",
    "Norway's foreign minister is visiting Sweden at the invitation of the Swedish king.",
    "Norwegian ministers are visiting Sweden this week, the first such trip in a decade.",
    "Norway's foreign minister is currently visiting Sweden.",
])
def test_a_visit_under_way_is_no_plan(sentence):
    # convention 11 and the check set's ruling: a visit under way is the visit; only a time to come makes the
    # progressive an arrangement (convention 10)
    event = _event("042", sentence, ("NOR", "Norway"), ("SWE", "Sweden"))
    assert abstention.reason_apart(event) is None


@pytest.mark.parametrize("sentence, expected", [
    # a visit under way, told in the present progressive or the present: the visit, once (convention 11)
    ("The Kenyan president is visiting Ghana today.", {("KEN", "GHA", "042")}),
    ("The Kenyan president is in Accra on a two-day visit.", {("KEN", "GHA", "042")}),
    ("The Kenyan president arrives in Accra today for a state visit.", {("KEN", "GHA", "042")}),
    # a visit to come stays intent (convention 10) or apart
    ("The Kenyan president will visit Ghana next week.", {("KEN", "GHA", "036")}),
    ("The Kenyan president is due to visit Ghana next week.", {("KEN", "GHA", "036")}),
    ("The Kenyan president is visiting Ghana next week.", {("KEN", "GHA", "036")}),
])
def test_coder_codes_a_visit_under_way_as_the_visit(coder, sentence, expected):
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert {(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in found} == expected


def test_coder_codes_no_meeting_for_one_only_scheduled(coder):
    sentence = "President Macron was set to meet German Chancellor Olaf Scholz in Berlin on Friday."
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert all(r.event.root != "04" for r in found)


@pytest.mark.parametrize("sentence, expected", [
    # convention 10: a meeting fixed for a set time with no announcer named is the subject's intent to meet, once
    ("Norway's prime minister is set to meet Sweden's king at the palace on Friday.", [("NOR", "SWE", "036")]),
    ("The Norwegian premier is scheduled to hold talks with the Swedish premier on the 17th.", [("NOR", "SWE", "036")]),
    ("The foreign minister of Norway will travel to Sweden on Tuesday for talks.", [("NOR", "SWE", "036")]),
    ("The Norwegian premier is poised to hold talks with the Swedish king in Oslo.", [("NOR", "SWE", "036")]),
    ("Norway's prime minister is heading to Sweden next week to meet the Swedish king.", [("NOR", "SWE", "036")]),
    # speculation stays out (rule 7)
    ("Norway's prime minister is expected to meet Sweden's king later this year.", []),
    ("Norway's prime minister could meet Sweden's king later this year.", []),
])
def test_a_scheduled_meeting_is_its_subjects_intent_to_meet(coder, sentence, expected):
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert [(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in found] == expected
    assert all(r.event.modality == "intent" for r in found)


def test_a_policy_option_considered_is_kept_apart_as_a_statement(coder):
    sentence = "Germany is considering sending weapons to Ukraine."
    assert coder.code_sentence_events([sentence], DAY)[0] == []
    shown = coder.code_sentence_events([sentence], DAY, partial=True)[0]
    assert [(r.event.source, r.event.target, r.event.cameo, r.event.note) for r in shown] == [
        ("DEU", "UKR", "014", "kept apart: statement")]


# -- the planned and description rules read the event's own predicate, not the sentence ---------------

HELD_AND_ANNOUNCED = [
    "Norway's prime minister, who is set to meet Swedish officials next week, met Danish officials on Monday.",
    "Norway's prime minister, who met Danish officials on Monday, is set to meet Swedish officials next week.",
]


def test_a_held_meeting_stands_beside_an_announced_one_in_its_sentence():
    s = HELD_AND_ANNOUNCED[0]
    met = _event("040", s, ("NOR", "Norway"), ("DNK", "Denmark"))
    to_meet = _event("040", s, ("NOR", "Norway"), ("SWE", "Sweden"))
    assert abstention.reason_apart(met) == "planned"  # the sentence alone cannot tell them apart
    assert abstention.reason_apart(met, "met") is None
    assert abstention.reason_apart(to_meet, "is set to meet") == "planned"


def test_a_signing_is_read_off_its_predicate():
    s = "Norway and Iceland, which signed a fisheries pact in May, sail under the pact between Norway and Iceland."
    described = _event("057", s, ("NOR", "Norway"), ("ISL", "Iceland"))
    assert abstention.reason_apart(described) is None  # "signed" stands elsewhere in the sentence
    assert abstention.reason_apart(described, "sail pact") == "description"
    assert abstention.reason_apart(described, "signed pact") is None


@pytest.mark.parametrize(("sentence", "word", "words"), [
    (HELD_AND_ANNOUNCED[0], "meet", "is set to meet"),
    (HELD_AND_ANNOUNCED[0], "met", "met"),
    (HELD_AND_ANNOUNCED[1], "met", "met"),
    (HELD_AND_ANNOUNCED[1], "meet", "is set to meet"),
    ("Norway's premier is due to visit Sweden on Monday.", "visit", "is due to visit"),
    ("Norway will hold talks with Sweden next week.", "talks", "will hold talks"),
    ("Norway's premier met Danish officials and will meet Swedish officials next week.", "meet", "will meet"),
    ("Sweden's premier is travelling to Oslo next week to meet Norwegian leaders.", "meet", "is travelling to to meet"),
    ("Vietnam and Laos entered into an accord on river patrols.", "entered", "entered into"),
    ("The visit will come before Norway and Sweden hold talks on fishing.", "hold", "will come hold"),
    ("Oslo will lift the ban once Norway and Sweden sign the new accord.", "sign", "will lift sign"),
    ("The visit came after Norway and Sweden held talks on fishing.", "held", "held"),
])
def test_predicate_words_are_the_clause_of_the_event(coder, sentence, word, words):
    sdoc = coder.nlp(sentence)
    (tok,) = [t for t in sdoc if t.text == word]
    assert abstention.predicate_words(tok) == words


@pytest.mark.parametrize("sentence", HELD_AND_ANNOUNCED)
def test_coder_keeps_the_held_meeting_and_codes_the_scheduled_one_as_intent(coder, sentence):
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert {(r.event.source[:3], r.event.target[:3], r.event.root) for r in found} == {
        ("NOR", "DNK", "04"), ("DNK", "NOR", "04"), ("NOR", "SWE", "03")}  # convention 10: the subject's intent, once


@pytest.mark.parametrize("sentence", HELD_AND_ANNOUNCED)
def test_document_mode_stores_the_held_meeting_only(code_fn, sentence):
    pairs = {(e.source[:3], e.target[:3]) for e in code_fn(sentence) if e.root == "04"}
    assert pairs == {("NOR", "DNK"), ("DNK", "NOR")}


def _result(code: str, sentence: str, source: tuple[str, str], target: tuple[str, str], when: date = DAY,
            note: str | None = None) -> SentenceResult:
    event = make_event(code, when=when, sentence=sentence, doc_id="t", source=_actor(*source),
                       target=_actor(*target), note=note)
    assert event is not None
    return SentenceResult(event, None, None)


ARTICLE_DAY = date(2023, 5, 4)
A, B = ("AAA", "Estonia"), ("BBB", "Latvia")


def test_a_later_report_of_the_same_act_is_kept_apart_as_a_restatement():
    texts = ["Estonia expelled two Latvian diplomats on Tuesday.",
             "Estonia expelled the diplomats for spying, the ministry said."]
    found = [[_result("161", texts[0], A, B, note="date from 'Tuesday'")],
             [_result("161", texts[1], A, B, when=ARTICLE_DAY)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert not out[0][0].partial
    assert out[1][0].partial and out[1][0].event.note == "kept apart: restatement of sentence 1"
    assert abstention.restatements(found, texts, ARTICLE_DAY, partial=False)[1] == []


@pytest.mark.parametrize("text, when", [
    ("Estonia also expelled a Latvian consul.", ARTICLE_DAY),  # marked as another act
    ("Estonia expelled three Latvian diplomats in 2019.", date(2019, 1, 1)),  # its own, other date
])
def test_another_act_of_the_same_kind_is_a_new_event(text, when):
    texts = ["Estonia expelled two Latvian diplomats on Tuesday.", text]
    found = [[_result("161", texts[0], A, B)], [_result("161", text, A, B, when=when)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [False]


def test_both_directions_in_one_sentence_and_other_roots_are_no_restatements():
    texts = ["Estonia and Latvia signed a border treaty.", "Latvia criticised Estonia."]
    found = [[_result("057", texts[0], A, B), _result("057", texts[0], B, A)], [_result("111", texts[1], B, A)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for rs in out for r in rs] == [False, False, False]


def test_a_partial_or_negated_event_reports_no_act_to_restate():
    texts = ["Estonia did not expel the Latvian diplomats.", "Estonia expelled two Latvian diplomats."]
    negated = _result("161", texts[0], A, B)
    negated = SentenceResult(replace(negated.event, negated=True), None, None)
    out = abstention.restatements([[negated], [_result("161", texts[1], A, B)]], texts, ARTICLE_DAY, partial=True)
    assert not out[1][0].partial


def test_as_well_as_joins_names_and_marks_no_other_act():
    texts = ["Estonia expelled two Latvian diplomats on Tuesday.",
             "Estonia's president, as well as its foreign minister, expelled the diplomats, the ministry said."]
    found = [[_result("161", texts[0], A, B)], [_result("161", texts[1], A, B, when=ARTICLE_DAY)]]
    assert abstention.restatements(found, texts, ARTICLE_DAY, partial=False)[1] == []


def test_a_meeting_during_a_visit_is_an_act_apart_from_the_visit():
    texts = ["Estonia's premier visited Latvia on Tuesday.", "During the visit, he met the Latvian premier."]
    found = [[_result("042", texts[0], A, B, note="date from 'Tuesday'")],
             [_result("040", texts[1], A, B, when=ARTICLE_DAY), _result("040", texts[1], B, A, when=ARTICLE_DAY)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [False, False]


def test_an_act_between_two_sides_of_one_state_is_kept_apart_as_domestic():
    sentence = "The Norwegian foreign minister met the leaders of the opposition and Sweden's envoy on Friday."
    home = _event("040", sentence, ("NORGOV", "The Norwegian foreign minister"), ("NOROPP", "the opposition"))
    abroad = _event("040", sentence, ("NORGOV", "The Norwegian foreign minister"), ("SWE", "Sweden"))
    assert abstention.domestic(home) and not abstention.domestic(abroad)
    both = [SentenceResult(home, None, None), SentenceResult(abroad, None, None)]
    assert [r.partial for r in abstention.sort_out(both, partial=True)] == [False, False]  # CAMEO's scope, the default
    out = abstention.sort_out(both, partial=True, keep_domestic=False)
    assert [r.partial for r in out] == [False, True]
    assert out[1].event.note == "kept apart: domestic"
    assert abstention.sort_out([SentenceResult(home, None, None)], partial=False, keep_domestic=False) == []


@pytest.mark.parametrize(("code", "source", "target", "apart"), [
    ("046", ("NORGOV", "The Norwegian premier"), ("NORMIL", "the army chief"), True),  # a meeting inside one government
    ("100", ("NORGOV", "The Norwegian premier"), ("NORMIL", "Norwegian troops"), True),  # an order to its own troops
    ("173", ("NORMIL", "The Norwegian army"), ("NORGOV", "the premier"), False),  # a coup: the army against the government
    ("035", ("NORJUD", "The Norwegian supreme court"), ("NORGOV", "the government"), False),  # a ruling: another branch
    ("046", ("NORGOV", "The Norwegian premier"), ("NOROPP", "the opposition"), False),  # the state and its challengers
    ("046", ("NORGOV", "The Norwegian premier"), ("SWEMIL", "the Swedish army chief"), False),  # two states
])
def test_business_between_organs_of_one_state_is_kept_apart_as_internal(code, source, target, apart):
    event = _event(code, "The Norwegian premier met the army chief on Friday.", source, target)
    assert (abstention.reason_apart(event) == abstention.INTERNAL) is apart
    out = abstention.sort_out([SentenceResult(event, None, None)], partial=True)  # every scope, the default too
    assert out[0].partial is apart


def test_the_terms_of_an_agreement_already_coded_are_no_new_intent():
    texts = ["Estonia and Latvia agreed on Tuesday to restore diplomatic ties.",
             "The two countries will return their ambassadors.",
             "Latvia's premier will meet his Estonian counterpart in May.",
             "The two countries also pledged to open a joint border post."]
    found = [[_result("05", texts[0], A, B), _result("05", texts[0], B, A)],
             [_result("0353", texts[1], A, B), _result("0353", texts[1], B, A)],
             [_result("036", texts[2], B, A)],  # a meeting to come is no term of the agreement
             [_result("030", texts[3], A, B)]]  # "also": another pledge
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [True, True]
    assert out[1][0].event.note == "kept apart: restatement of sentence 1"
    assert [r.partial for r in out[2] + out[3]] == [False, False]


def _planned(code: str, sentence: str, source, target, predicate: str, when: date = ARTICLE_DAY) -> SentenceResult:
    return replace(_result(code, sentence, source, target, when=when), predicate=predicate)


def test_a_further_topic_of_a_meeting_already_announced_is_no_new_plan():
    texts = ["Estonia's premier will travel to Riga next week for talks with the Latvian premier.",
             "The two premiers will also discuss energy links, the ministry said.",
             "Estonia's premier also met Latvia's president on Friday.",  # a meeting held: another act
             "Latvia's premier would host his Estonian counterpart, the ministry announced."]
    found = [[_planned("036", texts[0], A, B, "will travel to")],
             [_planned("036", texts[1], A, B, "will discuss"), _planned("036", texts[1], B, A, "will discuss")],
             [_planned("040", texts[2], A, B, "met")],
             [_planned("036", texts[3], B, A, "would host")]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [True, True]  # either way: the plan of one occasion (convention 10)
    assert out[1][1].event.note == "kept apart: restatement of sentence 1"
    assert [r.partial for r in out[2]] == [False]
    assert out[3][0].event.note == "kept apart: restatement of sentence 2"  # the plan restated there is still told


def test_a_meeting_told_again_on_its_own_date_is_a_restatement_whatever_its_code_or_words():
    tuesday = date(2023, 5, 2)
    texts = ["Despite a second meeting on Tuesday between Estonian and Latvian border commanders, the stand-off goes on.",
             "Estonia and Latvia held a second border meeting on Tuesday to discuss the incursion.",
             "Estonia's premier visited Latvia on Tuesday.",  # a visit: an act apart from the talks (convention 11)
             "Estonia and Latvia also held talks on Friday."]  # another day: another meeting
    found = [[_result("040", texts[0], A, B, when=tuesday), _result("040", texts[0], B, A, when=tuesday)],
             [_result("046", texts[1], A, B, when=tuesday), _result("046", texts[1], B, A, when=tuesday)],
             [_result("042", texts[2], A, B, when=tuesday)],
             [_result("046", texts[3], A, B, when=date(2023, 5, 5))]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [True, True]  # "second" does not make it another: the date names it
    assert out[1][0].event.note == "kept apart: restatement of sentence 1"
    assert [r.partial for r in out[2] + out[3]] == [False, False]


def test_a_meeting_held_told_again_with_also_is_the_topic_of_that_meeting():
    texts = ["Estonia's premier held talks with the Latvian premier in Tallinn.",
             "The two sides also discussed energy links and the border.",  # the talks of sentence 1: one meeting
             "Estonia's premier also visited Latvia's parliament.",  # a visit stays an act apart (convention 11)
             "Estonia's premier held separate talks with Latvia's president."]  # another instance: not "also"
    found = [[_result("040", texts[0], A, B, when=ARTICLE_DAY), _result("040", texts[0], B, A, when=ARTICLE_DAY)],
             [_result("040", texts[1], A, B, when=ARTICLE_DAY), _result("040", texts[1], B, A, when=ARTICLE_DAY)],
             [_result("042", texts[2], A, B, when=ARTICLE_DAY)],
             [_result("046", texts[3], A, B, when=ARTICLE_DAY)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [True, True]
    assert out[1][1].event.note == "kept apart: restatement of sentence 1"
    assert [r.partial for r in out[2] + out[3]] == [False, False]


def test_also_held_talks_on_a_day_of_their_own_is_another_meeting():
    texts = ["Estonia's premier held talks with the Latvian premier on Tuesday.",
             "The two premiers also held talks on Friday."]
    found = [[_result("040", texts[0], A, B, when=date(2023, 5, 2))],
             [_result("040", texts[1], A, B, when=date(2023, 5, 5))]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [False]


def test_also_of_another_name_marks_no_other_act():
    texts = ["Estonia expelled two Latvian diplomats.",
             "Estonia, also known as Eesti, expelled the two Latvian diplomats, the ministry said."]
    found = [[_result("161", texts[0], A, B, when=ARTICLE_DAY)], [_result("161", texts[1], A, B, when=ARTICLE_DAY)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [True]
    kept = abstention.restatements(found, [texts[0], texts[1].replace("also known as Eesti", "too")], ARTICLE_DAY,
                                   partial=True)
    assert [r.partial for r in kept[1]] == [False]  # "too": a further expulsion


PLAN_AND_AGENDA = ("Norway's prime minister will travel to Copenhagen next week for talks with the Danish prime minister. "
                   "The Norwegian prime minister will also discuss fisheries with the Danish prime minister, the ministry said.")


def test_page_and_document_mode_code_the_plan_once(coder, code_fn):
    sentences = PLAN_AND_AGENDA.split(". ", 1)
    page = coder.code_article_events([sentences[0] + ".", sentences[1]], ARTICLE_DAY)
    assert [(r.event.source[:3], r.event.target[:3], r.event.cameo) for r in page[0]] == [("NOR", "DNK", "036")]
    assert page[1] == []  # the agenda of the announced talks: kept apart, as a restatement
    plans = [(e.source[:3], e.target[:3], e.sentence_index) for e in code_fn(PLAN_AND_AGENDA) if e.cameo == "036"]
    assert plans == [("NOR", "DNK", 0)]


@pytest.mark.parametrize(("first", "text", "predicate", "when"), [
    ("161", "Estonia's premier will also meet the Latvian premier.", "will meet", ARTICLE_DAY),  # no meeting told before
    ("040", "Estonia's premier will also visit Latvia in 2025.", "will visit", date(2025, 1, 1)),  # another occasion
    ("040", "Estonia's premier also wanted to meet the Latvian premier.", "wanted to meet", ARTICLE_DAY),  # no plan fixed
])
def test_a_plan_marked_as_another_stands_without_an_earlier_meeting_on_its_date(first, text, predicate, when):
    texts = ["Estonia's premier met the Latvian premier on Tuesday.", text]
    found = [[_planned(first, texts[0], A, B, "met", when=date(2023, 5, 2))], [_planned("036", text, A, B, predicate, when)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [False]


def test_a_classifier_code_for_a_pair_the_page_already_coded_is_a_restatement():
    texts = ["Estonia expelled two Latvian diplomats on Tuesday.",
             "Relations between Tallinn and Riga have been tense for months, the ministry said.",
             "Lithuania's premier urged calm."]
    C = ("CCC", "Lithuania")
    found = [[_result("161", texts[0], A, B, note="date from 'Tuesday'")],
             [_result("11", texts[1], B, A, when=ARTICLE_DAY, note=abstention.CLASSIFIER_NOTE)],  # other root, other way
             [_result("02", texts[2], C, A, when=ARTICLE_DAY, note=abstention.CLASSIFIER_NOTE)]]  # a pair not coded yet
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert out[1][0].partial and out[1][0].event.note == "classifier; kept apart: restatement of sentence 1"
    assert not out[2][0].partial
    pattern = [[found[0][0]], [_result("111", texts[1], B, A, when=ARTICLE_DAY)], found[2]]  # a pattern's code: other root stands
    assert not abstention.restatements(pattern, texts, ARTICLE_DAY, partial=True)[1][0].partial


@pytest.mark.parametrize(("side", "apart"), [
    (("AFR", "African leaders"), True),  # a continent names no party
    (("WST", "Western powers"), True),
    (("SWE", "Sweden"), False),
])
def test_an_act_with_a_world_region_for_a_side_is_kept_apart(side, apart):
    sentence = "Norway's premier hosted a summit with African leaders on Monday."
    event = _event("043", sentence, ("NOR", "Norway"), side)
    assert (abstention.reason_apart(event) == abstention.REGION) is apart


@pytest.mark.parametrize(("sentence", "held"), [
    ("It will be the first meeting between the Norwegian and Swedish premiers in ten years.", False),
    ("That would have been the first meeting between the leaders of Norway and Sweden.", False),
    ("The meeting between the Norwegian and Swedish premiers is expected to take place in May.", False),
    ("It was the first meeting between the Norwegian and Swedish premiers in ten years.", True),
])
def test_a_meeting_noun_under_a_modal_copula_is_no_meeting_held(coder, sentence, held):
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert any(r.event.root == "04" for r in found) is held
    partial = coder.code_sentence_events([sentence], DAY, partial=True)[0]
    assert held or any(r.event.root == "04" and "kept apart: planned" in (r.event.note or "") for r in partial)


def test_a_meeting_noun_takes_its_copula_into_its_predicate(coder):
    sdoc = coder.nlp("It will be the first meeting between Norway and Sweden.")
    (tok,) = [t for t in sdoc if t.text == "meeting"]
    assert abstention.predicate_words(tok) == "will be meeting"
    event = _event("040", sdoc.text, ("NOR", "Norway"), ("SWE", "Sweden"))
    assert abstention.not_held(event, "will be meeting") and not abstention.not_held(event, "was meeting")


@pytest.mark.parametrize("sentence", [
    "Norway and Sweden agreed to hold talks to discuss fishing quotas.",
    "Norway and Sweden pledged to meet next month to discuss the border treaty.",
])
def test_the_purpose_of_a_promised_meeting_is_no_meeting_held(coder, sentence):
    # the pledge is the intent to meet (036, both ways); the clause of purpose ("to discuss") holds no meeting
    found = coder.code_sentence_events([sentence], DAY)[0]
    assert {(r.event.source, r.event.target, r.event.cameo) for r in found} == {("NOR", "SWE", "036"),
                                                                                ("SWE", "NOR", "036")}
    partial = coder.code_sentence_events([sentence], DAY, partial=True)[0]
    assert any(r.event.root == "04" and "kept apart: planned" in (r.event.note or "") for r in partial)


def test_a_promised_meeting_reads_its_governing_verb_a_held_one_does_not():
    event = _event("040", "Norway and Sweden agreed to hold talks to discuss quotas.", ("NOR", "Norway"),
                   ("SWE", "Sweden"))
    assert abstention.not_held(event, "agreed to hold to discuss")
    assert abstention.not_held(event, "have decided to meet to review")
    assert not abstention.not_held(event, "met to discuss")
    assert not abstention.not_held(event, "held to discuss")


def test_a_restatement_compares_the_sides_base_codes_not_their_first_three_letters():
    # "AUGOV" is the African Union's executive ("AU" + GOV): its first three letters "AUG" are no code, so the
    # 3-letter cut told the organisation and its organ apart; "AUSPY" (an AU intelligence organ) is no Australian side.
    texts = ["The African Union suspended Sudan on Tuesday.",
             "The African Union Commission suspended Sudan's membership, its chairman said."]
    au, au_gov, sudan = ("AU", "African Union"), ("AUGOV", "African Union Commission"), ("SDN", "Sudan")
    found = [[_result("192", texts[0], au, sudan)], [_result("192", texts[1], au_gov, sudan, when=ARTICLE_DAY)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert out[1][0].partial and out[1][0].event.note == "kept apart: restatement of sentence 1"
    assert abstention._act(out[1][0].event)[:2] == ("AU", "SDN")
    texts = ["Australia criticised Sudan.", "The African Union's intelligence body criticised Sudan."]
    found = [[_result("111", texts[0], ("AUS", "Australia"), sudan)],
             [_result("111", texts[1], ("AUSPY", "African Union intelligence"), sudan)]]
    out = abstention.restatements(found, texts, ARTICLE_DAY, partial=True)
    assert [r.partial for r in out[1]] == [False]
