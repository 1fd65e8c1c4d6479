"""Speakers' judgements (coding/judgements.py): condemnations, accusations of a claimed act's author, threats
of retaliation, readiness. Hand-written sentences."""

from __future__ import annotations

import pytest

from detente.coding import is_asserted

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("The Kremlin said it was open to talks with Washington.", ("RUSGOV", "USA", "03")),
        ("Ukraine is ready for negotiations with Russia.", ("UKR", "RUS", "03")),
    ],
)
def test_readiness_after_a_copula_is_an_intent_to_negotiate(triples, sentence, triple):
    assert triple in triples(sentence)


def test_no_readiness_no_intent(triples):
    assert triples("Russia is not ready for a ceasefire with Ukraine.", partial=True) == []
    assert triples("The statement was open to interpretation in Kyiv.", partial=True) == []


def test_a_claimed_attack_also_codes_the_claimant_accusing_its_author(code_fn, triples):
    sentence = "Armenia claimed that it was Azerbaijan that shelled the border villages."
    assert ("ARM", "AZE", "11") in triples(sentence)
    alleged = "Serbia alleged that Kosovo police had attacked Serb protesters."
    assert ("SRB", "XKXCOP", "11") in triples(alleged)
    attacks = [e for e in code_fn(alleged) if e.root == "19"]
    assert all(not is_asserted(e) for e in attacks)  # the claimed act itself stays reported


def test_a_claimed_statement_accuses_no_one(triples):
    assert not any(root == "11" for *_, root in triples("Iran claimed that Israel wanted talks."))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Hezbollah leader said any Israeli attack on Lebanon would not go without a response.",
        "Moscow said that any hostile British actions against Russia would provoke a decisive response.",
        "Tehran said further Israeli strikes would meet with severe consequences.",
    ],
)
def test_a_promised_retaliation_is_a_threat(triples, sentence):
    got = {(s[:3], t[:3], r) for s, t, r in triples(sentence)}
    assert any(r == "13" for *_, r in got) and not any(r == "01" for *_, r in got), got


def test_a_future_statement_without_a_retaliation_is_no_threat(triples):
    got = triples("Poland said the talks with Germany would resume next week.", partial=True)
    assert not any(root == "13" for *_, root in got)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a condemning judgement under a speech verb is a criticism of the one judged
        ("Pakistan said India's decision was unacceptable.", ("PAK", "IND", "111")),
        ("Iran said the American strikes were illegal.", ("IRN", "USA", "111")),
        ("Japan said the Chinese drills were not acceptable.", ("JPN", "CHN", "111")),
        # promising to answer an act is a threat
        ("Israel vowed to respond to the Iranian missile attack.", ("ISR", "IRN", "130")),
        # opposing or condemning an act is aimed at its author, not at whom it is for
        ("China firmly opposes the US arms sales to Taiwan.", ("CHN", "USA", "110")),
    ],
)
def test_judgements_retaliation_and_whose_act(cameo_triples, sentence, expected):
    assert expected in cameo_triples(sentence)


def test_a_neutral_judgement_is_no_criticism(cameo_triples):
    assert not any(code.startswith("11") for _, _, code in cameo_triples(
        "Russia said the talks with Ukraine were productive."))
    assert cameo_triples("China said the situation was dangerous.") == set()


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Norway regretted Denmark's decision to close the border.", ("NOR", "DNK", "11")),
        ("Austria said it regrets the withdrawal by Hungary from the pact.", ("AUT", "HUN", "11")),
    ],
)
def test_regretting_another_states_act_is_a_criticism(triples, sentence, triple):
    assert triple in triples(sentence)


def test_a_regret_without_an_author_or_negated_codes_nothing(triples):
    assert not any(root == "11" for *_, root in triples("Norway regretted the loss of life in Denmark."))
    assert not any(root == "11" for *_, root in triples("Norway does not regret Denmark's decision."))


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Hungary said the law which was approved by Romania last week is unacceptable.", ("HUN", "ROU", "11")),
        ("Peru said the decree signed by Bolivia was unacceptable.", ("PER", "BOL", "11")),
        ("Chile regretted the law that Argentina adopted in May.", ("CHL", "ARG", "11")),
    ],
)
def test_a_judged_texts_issuer_is_named_in_a_clause_on_it(triples, sentence, triple):
    """The author of a judged law or decree may be named only by the clause that enacts it (session 25)."""
    assert triple in triples(sentence)


def test_a_clause_that_does_not_issue_the_text_names_no_author(triples):
    assert ("HUN", "ROU", "11") not in triples("Hungary said the law that Romania criticised is unacceptable.")
    assert ("CHL", "ARG", "11") not in triples("Chile regretted the law that Argentina did not adopt.")


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Chile said it was deeply concerned by Peru's decision to expel the envoys.", ("CHL", "PER", "11")),
        ("Finland is disappointed with Estonia's move on fishing quotas.", ("FIN", "EST", "11")),
    ],
)
def test_dismay_at_another_states_act_is_a_criticism(triples, sentence, triple):
    assert triple in triples(sentence)


def test_dismay_without_an_authored_act_codes_nothing(triples):
    assert not any(root == "11" for *_, root in triples("Chile said it was concerned about the situation in Peru."))
    assert not any(root == "11" for *_, root in triples("Chile is not worried by Peru's decision."))


@pytest.mark.parametrize(
    "sentence",
    [
        "Sweden said the decision by Finland was a breach of the treaty.",
        "Sweden said the decision by Finland violates the treaty.",
    ],
)
def test_a_judged_act_names_its_author_by_a_by_phrase(triples, sentence):
    assert ("SWE", "FIN", "11") in triples(sentence)


def test_a_relative_pronoun_subject_is_its_antecedent(triples):
    sentence = "Sweden imposed sanctions on the Danish ministry, which Sweden said is responsible for the attacks."
    assert ("SWE", "DNKGOV", "11") in triples(sentence)
    assert not any(root == "11" for *_, root in triples("Sweden welcomed the Danish plan, which it said was fair."))


def test_in_violation_of_is_a_condemning_predicate(triples):
    assert ("SWE", "FIN", "11") in triples("Sweden said Finland's tests were in violation of the treaty.")
    assert not any(root == "11" for *_, root in triples("Sweden said Finland's tests were not in violation of the treaty."))


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany said Poland's decision was not justified.",
        "Germany said Poland's decision is in no way justified.",
        "Germany said Poland's decision was by no means acceptable.",
    ],
)
def test_a_negated_approval_of_an_act_is_a_criticism(triples, sentence):
    assert ("DEU", "POL", "11") in triples(sentence)


def test_an_approval_of_an_act_is_no_criticism(triples):
    assert not any(root == "11" for *_, root in triples("Germany said Poland's decision was justified."))


def test_dismay_at_an_act_done_to_its_possessor_codes_nothing(triples):
    assert not any(root == "11" for *_, root in triples("Canada was deeply concerned by the ambassador's expulsion."))


def test_a_conjunct_denied_with_not_is_no_target(triples):
    found = triples("Greece said that Albania and not Italy was in violation of the accord.")
    assert ("GRC", "ALB", "11") in found
    assert ("GRC", "ITA", "11") not in found


def _countries(triples, sentence: str) -> set[tuple[str, str, str]]:
    """The (source country, target country, root) triples of a sentence, partial events included."""
    return {(s[:3], t[:3], r) for s, t, r in triples(sentence, partial=True)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Lisbon said Madrid was to blame for the failure of the fisheries talks.",
        "Chile says Argentina is partly to blame for the dispute over the glacier.",
        "Madrid was to blame for the deadlock, Lisbon said.",
    ],
)
def test_a_side_said_to_be_to_blame_is_blamed_by_the_speaker(triples, sentence):
    got = _countries(triples, sentence)
    speaker, blamed = ("CHL", "ARG") if "Chile" in sentence else ("PRT", "ESP")
    assert (speaker, blamed, "11") in got and (blamed, speaker, "11") not in got, got


def test_a_side_said_not_to_be_to_blame_is_not_blamed(triples):
    got = triples("Lisbon said Madrid was not to blame for the failure of the talks.", partial=True)
    assert not any(r == "11" for *_, r in got), got


def test_an_act_judged_in_reported_speech_is_the_speakers_criticism_only(triples):
    """The judged act is a restatement of what the page reported (guide rule 7, convention 26): the speaker's 11,
    not the act again from the judgement's subject."""
    got = _countries(triples, "The Dutch foreign ministry said Belgium's expulsion of two Dutch diplomats on Monday"
                                  " was unjustified.")
    assert ("NLD", "BEL", "11") in got and not any(r == "16" for *_, r in got), got


def test_an_act_reported_without_a_judgement_is_still_coded(triples):
    got = _countries(triples, "The Dutch foreign ministry said Belgium's expulsion of two Dutch diplomats on Monday"
                                  " followed a spy case.")
    assert ("BEL", "NLD", "16") in got and not any(r == "11" for *_, r in got), got


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile severed diplomatic relations with Peru, citing Peru's \"hostile actions\".",
        "Chile recalled its ambassador from Peru over Peru's \"interference\" in Chilean affairs.",
        "Chile announced the withdrawal of its ambassador from Peru as a result of Peru's “interference”.",
    ],
)
def test_an_accusation_stated_as_a_measures_ground_is_a_second_act(triples, sentence):
    """The guide's convention 27: the measure (16) and the accusation (11) from its author to the target, when the
    charge is the author's own quoted words."""
    got = _countries(triples, sentence)
    assert ("CHL", "PER", "16") in got and ("CHL", "PER", "11") in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile recalled its ambassador from Peru over national security concerns.",
        "Chile recalled its ambassador from Peru over the Bolivian allegations.",
        "Chile did not recall its ambassador from Peru over Peru's \"interference\".",
        "Chile recalled its ambassador from Peru over Peru's interference, the agency reported.",
    ],
)
def test_a_ground_that_charges_no_one_adds_no_accusation(triples, sentence):
    got = _countries(triples, sentence)
    assert not any(r == "11" for *_, r in got), got
