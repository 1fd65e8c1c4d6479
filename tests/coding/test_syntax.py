"""Pure syntax functions over parsed tokens (tests for the functions spans rely on)."""

from __future__ import annotations

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
