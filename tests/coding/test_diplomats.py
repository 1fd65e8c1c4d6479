"""Diplomats and forces abroad (coding/diplomats.py): whose envoy is summoned, expelled or recalled, and which
troop withdrawal leaves a host state. The helpers read on hand-written sentences' parses; the codes they give
through the coder are pinned in test_patterns.py and test_recall_classes*.py."""

from __future__ import annotations

import pytest

from detente.coding import diplomats, mandates, syntax

pytestmark = pytest.mark.nlp


def _verb(coder, text: str, lemma: str):
    return next(t for t in coder.nlp(text) if coder.lemma(t) == lemma and t.tag_.startswith("VB"))


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("Nigeria summoned its ambassador to Ghana home for consultations.", True),
        ("The Gulf states summoned their envoys home.", True),
        ("Norway summoned the Russian ambassador.", False),
        ("The minister summoned his ambassador.", False),  # "his" may be a minister's, not the state's own
    ],
)
def test_a_summoned_envoy_is_the_summoners_own_only_under_its_or_their(coder, sentence, own):
    verb = _verb(coder, sentence, "summon")
    assert diplomats.own_envoy(syntax.objects(verb), coder.lemma) is own


def test_the_addressee_is_a_diplomat_by_head_compound_or_apposition(coder):
    gave = _verb(coder, "Serbia gave the Croatian ambassador 48 hours to leave.", "give")
    assert diplomats.diplomat_addressee(gave, coder.lemma).lower_ == "ambassador"
    told = _verb(coder, "Serbia gave Croatia 48 hours to leave.", "give")
    assert diplomats.diplomat_addressee(told, coder.lemma) is None


@pytest.mark.parametrize(
    ("sentence", "expelled"),
    [
        ("Serbia gave the Croatian ambassador 48 hours to leave the country.", True),
        ("Ghana asked the Nigerian ambassador not to return.", True),
        ("Ghana asked the Nigerian ambassador to return.", False),
        ("Serbia gave the Croatian ambassador a week to reply.", False),
    ],
)
def test_an_order_out_expels_only_when_its_clause_leaves(coder, sentence, expelled):
    sdoc = coder.nlp(sentence)
    inner = next(t for t in sdoc if t.dep_ in ("xcomp", "advcl", "relcl", "acl", "ccomp"))
    gov_kind, gov = syntax.governor(inner, coder.lemma)
    if gov is None:  # as verbal reads it: a governing verb first, else a mandate ("asked X not to return")
        found = mandates.mandate(inner, coder.lemma)
        gov_kind, gov = found if found is not None else (None, None)
    assert (diplomats.expelled_diplomat(inner, gov, gov_kind, coder.lemma) is not None) is expelled


@pytest.mark.parametrize(
    ("sentence", "posted"),
    [
        ("Kenya's ambassador to Uganda was recalled.", True),
        ("The ambassador was recalled.", False),  # posted nowhere named
        ("The Kenyan delegation to Uganda was recalled.", False),  # no diplomat
    ],
)
def test_a_recalled_envoy_is_posted_somewhere(coder, sentence, posted):
    verb = _verb(coder, sentence, "recall")
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    assert diplomats.recalled_envoy(subj, coder.lemma) is posted
    assert diplomats.recalled_envoy(None, coder.lemma) is False


def test_a_withdrawal_from_a_state_leaves_a_host_one_from_a_front_does_not(cameo_triples):
    assert ("FRA", "MLI", "1622") in cameo_triples("France withdrew its troops from Mali.")
    assert not any(code == "1622" for *_, code in cameo_triples("India withdrew its troops from the disputed border."))


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Ghana called its ambassador back from Nigeria for consultations.", ("GHA", "NGA", "161")),
        ("Peru brought its envoy home from Mexico.", ("PER", "MEX", "161")),
        ("Chile called home its ambassador to Bolivia.", ("CHL", "BOL", "161")),
    ],
)
def test_an_own_envoy_called_back_or_home_is_recalled_not_phoned(cameo_triples, sentence, want):
    got = cameo_triples(sentence)
    assert want in got, got
    assert not any(code[:2] in ("02", "04") for _, _, code in got), got  # no call for talks, no phone call


def test_a_word_of_return_on_a_verb_of_recall_is_read_as_particle_or_adverb(coder):
    assert diplomats.called_home(_verb(coder, "Ghana called its ambassador back for consultations.", "call"), coder.lemma)
    assert not diplomats.called_home(_verb(coder, "Ghana called its ambassador on Monday.", "call"), coder.lemma)
