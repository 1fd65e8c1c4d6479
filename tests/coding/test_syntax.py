"""Pure syntax functions over parsed tokens (tests for the functions spans rely on)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coding import syntax


@pytest.fixture(scope="module")
def parse(coder):
    return lambda text: coder.nlp(text)


@pytest.mark.parametrize(
    ("sentence", "pronoun", "expected"),
    [
        ("The Taliban refused direct talks, saying it will only negotiate with Washington.", "it", "Taliban"),
        ("Congo has freed a diplomat it arrested last year.", "it", "Congo"),
        # a pronoun main subject is no antecedent
        ("They said it would leave.", "it", None),
    ],
)
def test_main_subject_before(parse, sentence, pronoun, expected):
    doc = parse(sentence)
    tok = next(t for t in doc if t.lower_ == pronoun)
    found = syntax.main_subject_before(tok)
    assert (found.text if found is not None else None) == expected


def test_main_subject_before_needs_the_subject_to_come_first(parse):
    doc = parse("Before it left, the army burned the depot.")
    tok = next(t for t in doc if t.lower_ == "it")
    assert syntax.main_subject_before(tok) is None


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "verb", "parties"),
    [
        ("Egypt's president launched a mediation effort between Israel and Hamas.", "launched", ["Israel", "Hamas"]),
        ("Qatar mediated between Washington and Kabul on Monday.", "mediated", ["Washington", "Kabul"]),
    ],
)
def test_the_target_of_a_mediation_is_each_party_between(parse, coder, sentence, verb, parties):
    doc = parse(sentence)
    tok = next(t for t in doc if t.text == verb)
    target = syntax.target_token(tok, syntax.objects(tok), None, coder.lemma)
    assert [target.text, *(c.text for c in target.conjuncts)] == parties


@pytest.mark.nlp
def test_only_a_mediation_act_takes_the_parties_between_as_target(parse, coder):
    doc = parse("Norway criticised the mediation between Israel and Hamas.")
    tok = next(t for t in doc if t.text == "criticised")
    target = syntax.target_token(tok, syntax.objects(tok), None, coder.lemma)
    assert target is None or target.text != "Israel"


def test_text_of_keeps_the_text_on_the_parse_for_every_parse_of_a_large_block(coder):
    """:func:`syntax.text_of` gives ``Doc.text`` (kept by :func:`syntax.keep_text` or read once),
    for every parse of a block larger than any cache of recent parses (the span chooser reads a
    block's parses after all of them are coded); a Doc with fewer tokens than the one whose
    ``user_data`` it copied rebuilds its own text."""
    texts = [f"Officials in town {k} said the talks would resume." for k in range(200)]
    docs = list(coder.nlp.pipe(texts))
    for doc, text in zip(docs, texts):
        syntax.keep_text(doc, text)
    assert [syntax.text_of(doc) for doc in docs] == texts == [doc.text for doc in docs]
    fresh = coder.nlp("Russia attacked Ukraine.")  # never kept: read off the tokens once, then kept
    assert syntax.text_of(fresh) == "Russia attacked Ukraine." == syntax.text_of(fresh)
    part = docs[0][:3].as_doc(copy_user_data=True)  # user_data copied from the whole sentence
    assert syntax.text_of(part) == part.text == "Officials in town "


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "carrier"),
    [
        ("France agreed to close its embassy in Rome.", "close"),  # "close obj:diplomats": the pattern matches
        ("France agreed to close the factory.", None),  # "close" has patterns, none for a factory
        ("France agreed to build a factory.", None),  # "build" has none at all
        ("France threatened to close the factory.", "close"),  # not a pledge: the governed verb's arguments
    ],
)
def test_under_a_pledge_the_governed_verb_carries_the_act_only_when_its_pattern_matches(parse, coder, sentence,
                                                                                         carrier):
    doc = parse(sentence)
    governing = next(t for t in doc if t.dep_ == "ROOT")
    found = syntax.governed_child(governing, coder.lemma)
    assert (found.text if found is not None else None) == carrier


@pytest.mark.nlp
def test_a_pledge_of_an_act_without_a_matching_pattern_is_coded_as_one_of_a_verb_the_table_lacks(coder):
    """"agreed with Italy to close the factory" (a verb of the table, no pattern for its object) and "... to build
    the factory" (no verb of the table) are the same pledge: each party's with the other, once each way."""
    when = date(2024, 3, 3)
    closing, building = coder.code_sentence_events(
        ["France agreed with Italy to close the factory.", "France agreed with Italy to build the factory."], when)
    got = [sorted((r.event.source, r.event.target, r.event.cameo) for r in events) for events in (closing, building)]
    assert got[0] == got[1] == [("FRA", "ITA", "030"), ("ITA", "FRA", "030")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lula attended the BRICS summit in Johannesburg.", None),  # the convener: no partner
        ("The Kenyan president attended Putin's summit.", "summit"),  # near-miss: the host, met there
        ("Both leaders attended the US-China talks in Geneva.", "talks"),  # near-miss: a pair names the partners
    ],
)
def test_target_token_skips_a_convened_gathering(parse, sentence, expected, coder):
    doc = parse(sentence)
    verb = next(t for t in doc if t.lower_ == "attended")
    source = next(c for c in verb.children if c.dep_ == "nsubj")
    found = syntax.target_token(verb, syntax.objects(verb), source, coder.lemma)
    assert (found.text if found is not None else None) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("sentence", "want", "not_wanted"),
    [
        # the parser hangs "to host" as an adverbial clause after "on Monday": still the offer's complement
        ("Turkey offered on Monday to host talks between Russia and Ukraine.", {("TUR", "RUS", "03"), ("TUR", "UKR", "03")},
         {("TUR", "RUS", "04"), ("TUR", "UKR", "04")}),
        ("Chile and Peru reaffirmed their friendship and committed to deepen their relations.",
         {("CHL", "PER", "03"), ("PER", "CHL", "03")}, set()),
    ],
)
def test_an_infinitive_hung_as_adverbial_on_a_pledge_verb_is_its_complement(triples, sentence, want, not_wanted):
    got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
    assert want <= got, got
    assert not (not_wanted & got), got


@pytest.mark.nlp
def test_a_purpose_clause_of_a_pledge_with_an_object_is_no_complement(coder, hand_parse):
    # "The EU pledged money on Friday to help Turkey." parsed with "help" as an adverbial clause: the money is the
    # pledge's object, the "to" clause says what it is for
    words = ["The", "EU", "pledged", "money", "on", "Friday", "to", "help", "Turkey", "."]
    heads = [1, 2, 2, 2, 2, 4, 7, 2, 7, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "aux", "advcl", "dobj", "punct"]
    tags = ["DT", "NNP", "VBD", "NN", "IN", "NNP", "TO", "VB", "NNP", "."]
    doc = hand_parse(words, heads, deps, tags)
    assert not syntax.complement(doc[7], coder.lemma)
    deps[3], tags[3], heads[3] = "npadvmod", "NN", 2  # no object: the "to" clause is the pledge's complement
    doc = hand_parse(words, heads, deps, tags)
    assert syntax.complement(doc[7], coder.lemma)
