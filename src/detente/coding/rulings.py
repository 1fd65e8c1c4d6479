"""A court's acts on a state: its fine as an order to pay (10) and its finding that a state failed its duty (11).

The news guide codes a court's or a body's order that a state pay a fine, a penalty or damages as a demand from the
court to that state (convention 40: "a court or tribunal that orders a state to pay a fine ... makes a demand of that
state"; dev4d-086, -091, -099, dev12b-165), and a ruling worded against a party as a finding against it, CAMEO 112
from the court to the party (``data/news_dev2/ADJUDICATION.md``, convention 9: "a ruling worded as an award against
a party is 11 from the court to that party"; dev3a-095, dev6c-164, dev6d-121, dev13d-101). A ruling that rejects a
party's named claim stays a rejection (12, dev6a-010), which the verb table codes.

Choices:

- A fine's code depends on who fines (:func:`fine_code`): a court (:func:`is_court`) orders a payment (10); a state's
  own fine, of another state's vessels or citizens, is administrative coercion (172; convention 40: "stays within
  that act (17, dev11e-106)"). The verb table gives a fine 172 ("fined X", "imposed a fine on X", "punished X with a
  fine": :data:`detente.coding.patterns.COURT_FAMILIES`).
- A court's order read off its ruling ("In July, 2021, the court ruled that X has to ...") is dated by the ruling
  verb, not by the obliged act (:func:`detente.coding.candidates.verbal`): otherwise the page's later report of the
  fine and the earlier ruling share the article's date and the restatement rule keeps the ruling apart (dev4d-087).
- A finding against a party (:func:`finding_against`): a court that rules, finds or holds that a party "failed to"
  do something ("the WTO ruled that the EU failed to cease subsidies") finds against that party. Only a court's
  finding: the speaker must be a court, so that "X said Y failed to ..." stays X's statement; the finding verb must
  not be under another verb ("asked the court to find that ...": a request, the event courts20 lost with "find").
- Tried and dropped (session 21, page mode, development sets pooled): "ruled against X('s claims)" as 112 (no
  development event changes: the two gold sentences so worded have the court outside the verb's parse) and a
  ruling that a party "has no legal basis" or "no historic title" (no event changes: the four gold sentences so
  worded name the tribunal only as "an international tribunal", "the arbitration court in The Hague", no code).

Session 21 (courts21; page mode, development sets pooled, news_dev14 a and c left out; 11,243 gold events).
Fines: right +1 (dev4d-086, "punished Poland with a fine"), none lost (without the ruling's date dev4d-087 was
lost), wrong +0 -0, F1 0.4123 -> 0.4124 (P 0.6100 -> 0.6101, R 0.3114 -> 0.3115), no-event sentences left uncoded
8171 of 9030 unchanged. The other fines of the development gold were coded before ("ordered X to pay": dev2h-084,
-088, dev4d-091, -099); dev12b-165 ("The US Court of Appeals for the Second Circuit ruled in October 2012 [JURIST
report] that Argentina must pay") gives no event in page mode (a shorter form without the bracket is coded USA->ARG
10; not pursued). Findings (after the fines): "declared X in violation of" (the verb table's group "11 findings
against a party") right +1 (dev13d-101), "ruled that X failed to" right +1 (dev3a-095), wrong +0 -0 each; together
F1 0.4124 -> 0.4126 (P 0.6101 -> 0.6102, R 0.3115 -> 0.3117), no-event sentences left uncoded 8171 of 9030
unchanged. The development gold's other findings (about 25) are awards ("handed X a victory over Y", "ruled that the
islands belong to A and not to B"), names the coder reads as no court ("The Second Circuit", "an international
tribunal in The Hague") or parses that put the court outside the ruling verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.coding import governors as G
from detente.coding import lexicon as L
from detente.coding import syntax
from detente.coding.arguments import argument
from detente.coding.candidate import Candidate
from detente.coding.same_side import foreign_pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from detente.coding.context import Context
    from detente.coding.patterns import Pattern

FINE_PATTERN_CODE = "172"
"""The verb table's code of a fine (:data:`detente.coding.patterns.COURT_FAMILIES`): CAMEO 172, administrative
penalties, as a state's fine of another state's vessels or citizens."""
COURT_ORDER_CODE = "100"
"""CAMEO 100, demand: a court's or a body's order to pay (the guide's convention 40)."""
FINDING_VERBS = G.RULING_VERBS | {"find", "hold"}
"""Verbs a court gives its finding with ("the WTO *found* that the EU failed to ...")."""
FAILURE_VERBS = frozenset({"fail"})
"""A finding that a party "failed to" do what it must ("ruled that the EU failed to cease subsidies", dev3a-095)."""


def is_court(code: str | None) -> bool:
    """Whether an actor code is a court's or a body's: an organisation of the actor registry (ICJ, PCA, ITLOS, the
    WTO; the EU's court as EUR, convention 9) or a state's judiciary (role ``JUD``: a US court's order that Argentina
    pay, dev12b-165)."""
    if code is None:
        return False
    from detente.actors import get_registry

    registry = get_registry()
    base = registry.base_code(code)
    if not registry.is_code(base):
        return False
    return registry.get(base).kind != "state" or code[len(base):len(base) + 3] == "JUD"


def fine_code(code: str, source_code: str | None, pattern: Pattern | None) -> str:
    """The code of a fine given who imposes it (module choices): a court's fine is its order to pay, a demand (10);
    a state's own fine stays 172. `code` unchanged for any other act."""
    if code != FINE_PATTERN_CODE or pattern is None or "fine" not in (pattern.lemma, pattern.obj):
        return code
    return COURT_ORDER_CODE if is_court(source_code) else code


def finding_against(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"The WTO ruled that the EU failed to cease subsidies": a court's finding against the party it finds failing,
    CAMEO 112 from the court to the party (module choices)."""
    if lemma(verb) not in FINDING_VERBS or verb.dep_ == "xcomp" or syntax.negated(verb):
        return []
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []  # "asked the court to find that ...": no finding yet
    court_tok, passive, agent = syntax.subject(verb, lemma)
    court_tok = agent if passive else court_tok
    if court_tok is None:
        return []
    court = argument(court_tok, offset, ctx, lemma)
    if not court.actors or not is_court(court.actors[0].code):
        return []
    out: list[Candidate] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        party_tok = _failing_party(clause, lemma)
        if party_tok is None:
            continue
        party = argument(party_tok, offset, ctx, lemma)
        out += [Candidate(L.ACCUSE, court, party, s_actor, t_actor, clause, verb, confidence=L.CONF_SPECIFIC_PATTERN,
                          main=syntax.is_main(verb))
                for s_actor, t_actor in foreign_pairs(court, party)]
    return out


def _failing_party(clause: Token, lemma: syntax.Lemma) -> Token | None:
    """The subject of a clause that finds it failing ("the EU failed to cease subsidies": the EU), or None."""
    if lemma(clause) not in FAILURE_VERBS or syntax.negated(clause):
        return None
    if not any(c.dep_ == "xcomp" for c in clause.children):
        return None  # "failed" alone: no duty named
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)
