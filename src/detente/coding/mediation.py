"""Third parties in others' talks, deals and exchanges: mediation, hosting and prisoner swaps.

CAMEO 045 (mediate) has the mediator as its source and each party as a target. News rarely says
"China mediated between Saudi Arabia and Iran"; it names the mediator on the act it produced, and the
news development set's guide codes that as mediation "without the word" (``data/news_check/README.md``:
"a third state hosting or brokering talks or an exchange between two others is 045, one event to each
party"; ``data/news_dev/news_check_v1.md``: "a prisoner exchange is a release (08) in both
directions"). A verb whose subject is the mediator ("Egypt brokered a truce between A and B", "Qatar
hosted talks between A and B") is the verb table's (:mod:`detente.coding.candidates`); this module
reads the frames where the mediator is not the subject of a verb of mediation
(:func:`third_parties` dispatches on the token):

1. a participle on an event noun (:func:`brokered`): "a deal *brokered by China*", "the *U.N.-brokered*
   truce between A and B", "the *Oman-mediated* consultations between A and B", "a swap *mediated by
   the UAE*", "talks *hosted by Qatar* between A and B"; the noun is an agreement, talks, a release or
   a prisoner exchange (:data:`MEDIATED_FAMILIES`, :data:`SWAP_NOUNS`); "hosted" only on talks and on a
   signing ceremony, whose parties are the clause's signatories (session 11);
2. the same verb in the passive with the event noun as its subject (:func:`passive`): "the swap *was
   facilitated by Oman*", "talks between A and B *were hosted by Qatar*";
3. a noun of mediation naming the mediator (:func:`mediation_noun`): "*Türkiye's* mediation", "*Egyptian
   and Qatari* mediation", "the mediation *of Kuwait*", "with the help *of the UAE*", "under the
   auspices *of the UN*", attached to the verb of a cooperative act (roots 04, 05, 06, 08 of the
   verb table: "A and B exchanged prisoners *as a result of Türkiye's mediation*", "Iran released two
   Swedes *under Omani mediation*") or to an event noun with "between", or carrying "between" itself
   ("*Kuwaiti mediation between A and B*");
4. a prisoner exchange named by a noun (:func:`swap`): "A and B *completed a prisoner swap*", "A carried
   out a prisoner exchange *with B*", "soldiers of A were released as part of a prisoner exchange *with
   B*", "the *A-B* prisoner swap": each side releases the other's (CAMEO 0841, root 08, both ways, the
   guide's reading). "A prisoner exchange between A and B" is the verb table's nominal rule;
5. a mediator's role (:func:`mediating_role`, session 13): "X, which played a key *mediating role* in the talks
   between A and B", "X played a role *in mediating* the deal between A and B": whoever played it mediates.

After the frames, :func:`one_way` reads convention 21 (session 13) over the sentence's candidates: a host or broker
named by "hosted / brokered by" on the talks, or a fellow broker named by "alongside", gets no 04 back from the
sides and none from a co-broker, and the sides' own talks are paired both ways.

The parties of frames 1-3 are the noun's "between" phrase when it has one, else the actors named before
the noun ("the *US-Iran* talks"), else the clause's subject with its conjuncts and a partner named with
"with" on the clause's verb or object ("Morocco agreed to normalise its relations *with Israel* under a
deal brokered by ..."), for frame 3 also the verb's object ("released two *Swedish* citizens"). For a
definite event noun of frames 1 and 2 whose sentence names no party ("*The swap* was facilitated by
Oman"), the parties are the pair the article named last (:func:`detente.coding.pair_phrases.pair_for`: the
pair "the two sides" would stand for), as a reader takes "the swap" to be the one just told.

Choices:

- Mediation is coded one way, mediator to each party (CAMEO 045 is not a joint act), only for a
  mediator of another country than every party, and, except in the agreement frame the module read
  first, only with two parties or more: a third party stands between two others.
- No event when the clause is negated, modal, future, conditional or an intent
  (:func:`detente.coding.syntax.clause_modality`), nor when the event noun is still to come
  (:func:`detente.coding.nominals.planned`, a modifier such as "planned" or "proposed"), as for every
  other candidate. A venue alone ("talks in Doha") is no hosting (the check set's adjudication, rule 5).
- "Helped" and "help" name a mediator only with "of" ("with the help of Turkey"), never a helper named
  otherwise ("with the help of Turkish companies" is no mediation: the act it helps has one side); on a
  participle of mediation ("a deal brokered *with U.S. help*") the country named before the help noun is the
  mediator too, as the participle already says the act was brokered (session 13).
- Confidence :data:`~detente.coding.lexicon.CONF_NOMINAL`: the roles are read off a noun phrase.

Measured (session 10, `detente code eval` on every development file pooled: news_dev, news_check_v1,
news_dev2 parts a-h, news_dev3 parts a-c; 2,632 sentences, 2,036 gold events; in-sample, these files were
read): before 725 right of 1,130 coded (P 0.642, R 0.356, F1 0.458), after 741 of 1,146 (P 0.647, R 0.364,
F1 0.466); the sentences without an event left uncoded 1,250 of 1,408 before and after. Per frame, each
switched off alone: swap nouns +10 right, 0 wrong; mediation nouns +2, 0; the passive +2, 0 (both through
the article's pair); the participle's wider nouns and the split hyphen +2, 0. PLOVER's gold sentences:
no coded event changes. The development files hold few such sentences (about 47 gold mediation events and
20 swap releases): the frames are written from the guide's rules, not fitted to those.

Measured (session 13, convention 21; every development file pooled in page mode, news_dev6 parts d and e left
out; 4,742 gold events, in-sample): before 1,722 right of 2,638 coded (P 0.6528, R 0.3631, F1 0.4667), after 1,729
of 2,641 (P 0.6547, R 0.3646, F1 0.4684); sentences without an event left uncoded 3,172 of 3,508 before and after.
Per rule: :func:`one_way` +2 right, -3 wrong; the help noun +1 (+2, and -1 on the page's next sentence, which
now restates it), 0 wrong; :func:`mediating_role` +2, 0; :func:`_convened` +2, -1. PLOVER: unchanged.

Session 14 (multiparty14; page mode, every development file pooled, news_dev7 d-e left out, 5,662 gold events):
three parse slips of the frames read, a passive relative clause on the event noun ("the agreement, *which* was
brokered by X", :func:`passive`), a mediator's name of two words before the hyphen ("*European* Union-brokered", the
first word hung on the noun) and both parties of a plural head with coordinated modifiers ("talks between *the prime
ministers of Serbia and Kosovo*", :func:`_actors`): right +2, wrong 0 (news_dev5 b), F1 0.4583 -> 0.4586, P 0.6633 ->
0.6635; no-event sentences left uncoded (3,717 of 4,092) and PLOVER (0.640) unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import governors as G
from detente.coding import lexicon as L
from detente.coding import patterns as P
from detente.coding import syntax
from detente.coding.arguments import Arg, argument
from detente.coding.candidate import Candidate
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.event_nouns import exchange_parties
from detente.coding.nominals import UNREAL_CLAUSES, UNREAL_MODIFIERS, planned
from detente.coding.pair_phrases import distinct_sides, pair_for

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from spacy.tokens import Token

MEDIATE = "045"
"""CAMEO 045, mediate."""
BROKER_VERBS = frozenset({"broker", "mediate", "negotiate", "facilitate"})
"""Verbs whose participle on an event noun names its mediator ("a deal brokered by China")."""
HOST_VERBS = frozenset({"host"})
"""Verbs whose participle names a mediator on talks only ("talks hosted by Qatar"): a hosted dinner or
visit is no mediation (the verb table codes hosting a visitor, 043)."""
AGREEMENT_FAMILIES = frozenset({"plan", "ceasefire", "talks", "peace"})
"""Families of an agreement noun, on which a mediator may stand beside one named party ("X agreed to normalise
ties with Y under a deal brokered by Z": both named; "X joined a deal brokered by Z": one, as before)."""
MEDIATED_FAMILIES = AGREEMENT_FAMILIES | {"release"}
"""Noun families a mediator is named on: agreements, talks, and releases ("the release of the
detainees, facilitated by Oman"); the pattern table's families (:data:`detente.coding.noun_families.NOUN_FAMILIES`)."""
SWAP_NOUNS = frozenset({"exchange", "swap"})
"""Nouns of an exchange: with a release noun ("*prisoner* swap", "exchange *of detainees*") a swap of persons."""
HYPHENATED = frozenset({"brokered", "mediated", "negotiated", "facilitated", "hosted"})
"""Participles written after a mediator's name with a hyphen ("U.S.-brokered", "Oman-mediated")."""
HELP_NOUNS = syntax.HELP_NOUNS
"""Nouns of "with the help / under the auspices of X": X is the mediator (defined in :mod:`syntax`, whose
target search skips them)."""
MEDIATION_NOUNS = frozenset({"mediation", "auspices", "aegis", "facilitation", "intercession"})
"""Nouns whose possessor or nationality adjective is a mediator ("*Qatari* mediation", "*Türkiye's*
mediation"); "help", "assistance" and "support" name one only with "of" (:data:`HELP_NOUNS`)."""
MEDIATED_ROOTS = frozenset({"04", "05", "06", "08"})
"""Roots of the acts a mediation noun attaches to: talks (04), agreements and restored ties (05),
cooperation (06), releases, swaps and truces (08); the act must be one the mediator stands between."""
CARRY_OUT_VERBS = frozenset({"complete", "conduct", "carry", "hold", "make", "implement", "execute",
                             "finalize", "finalise", "stage", "perform", "announce", "agree"})
"""Verbs of which a prisoner exchange noun is the object when it is done ("completed a prisoner swap",
"carried out an exchange"; "announced a prisoner exchange" reports one made). "Agree" only as "agreed
on/to" with the noun made real by the clause (an agreement to a future swap is caught by :func:`planned`)."""

ROLE_NOUNS = frozenset({"role"})
"""Nouns of a part played in an act ("played a mediating *role* in the talks between A and B")."""
MEDIATING_WORDS = frozenset({"mediating", "mediation", "mediator", "mediatory", "brokering", "facilitating",
                             "facilitator"})
"""Words that make a role a mediator's, as its modifier ("a *mediating* role") or as the gerund of its "in" phrase
("a role in *mediating* the deal")."""

TRIGGERS = HYPHENATED | SWAP_NOUNS | HELP_NOUNS | ROLE_NOUNS
"""Word forms :func:`third_parties` reads (besides a hyphenated modifier): the coder's loop calls it for these
only, so that the module costs a set lookup per token."""


def third_parties(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """The third-party candidates a token stands for (one of the module's four frames), else none."""
    dep = tok.dep_
    if dep in ("acl", "amod"):
        return brokered(tok, offset, ctx, lemma)
    tag = tok.tag_
    if tag == "VBN":
        return passive(tok, offset, ctx, lemma)
    if tag in ("NN", "NNS"):
        low = tok.lower_
        if low in SWAP_NOUNS:
            return swap(tok, offset, ctx, lemma)
        if low in HELP_NOUNS:
            return mediation_noun(tok, offset, ctx, lemma)
        if low in ROLE_NOUNS:
            return mediating_role(tok, offset, ctx, lemma)
    return []


def brokered(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """The mediation candidates of a participle or hyphenated "-brokered" modifier on an event noun."""
    if tok.dep_ not in ("acl", "amod") or not tok.head.tag_.startswith("NN"):
        return []
    noun = tok.head
    if not _mediated_noun(noun, lemma):
        return []
    hosted = lemma(tok) in HOST_VERBS or tok.lower_.endswith("-hosted")
    if hosted and _signing_ceremony(noun, lemma):
        hosted = False  # the signatories are the clause's parties ("... hosted by X, A and B signed ...")
    if hosted and "talks" not in P.families(lemma(noun)):
        return []
    mediators = _mediators(tok, offset, ctx, lemma)
    if not mediators:
        return []
    clause = syntax.clause_verb(noun)  # the verb whose clause the event noun stands in
    if clause is not None and _unreal(clause, lemma):
        return []
    parties = _parties(None if hosted else noun, None if hosted else clause, offset, ctx, lemma)
    if hosted:  # only the talks' own sides: who attends a summit hosted by X is no party X stands between
        between = _between(noun)
        parties = _actors([between, *between.conjuncts], offset, ctx, lemma) if between is not None else _named_before(
            noun, offset, ctx)[:4]
    if not parties and _definite(noun):
        parties = pair_for(offset + noun.left_edge.idx, offset, ctx)
    agreement = bool(set(P.families(lemma(noun))) & AGREEMENT_FAMILIES) and not hosted
    return _mediations(mediators, parties, argument(noun, offset, ctx, lemma), tok, one_party=agreement)


def passive(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"The swap was facilitated by Oman": a verb of mediation in the passive whose subject is an event noun."""
    verb_lemma = lemma(verb)
    if verb_lemma not in BROKER_VERBS and verb_lemma not in HOST_VERBS:
        return []
    noun = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if noun is not None and noun.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        noun = verb.head  # "the agreement, *which* was brokered by X": the relative's antecedent
    if noun is None or not noun.tag_.startswith("NN") or not _mediated_noun(noun, lemma):
        return []
    if verb_lemma in HOST_VERBS and "talks" not in P.families(lemma(noun)):
        return []
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is None or _unreal(verb, lemma):
        return []
    mediators = argument(agent, offset, ctx, lemma).actors[:2]
    parties = _parties(noun, None, offset, ctx, lemma)
    if not parties and _definite(noun):
        parties = pair_for(offset + noun.left_edge.idx, offset, ctx)
    return _mediations(mediators, parties, argument(noun, offset, ctx, lemma), verb)


RELATIVE_TAGS = frozenset({"WDT", "WP"})
"""Tags of a relative pronoun ("which", "that", "who") standing for the event noun a relative clause modifies."""


def mediation_noun(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"Under Qatari mediation", "as a result of Türkiye's mediation", "with the help of the UAE": the mediator
    named on a noun of mediation, toward each party of the act the noun's phrase is attached to."""
    mediator_tok = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None)
    if mediator_tok is not None:
        mediators = argument(mediator_tok, offset, ctx, lemma).actors[:2]
    elif noun.lower_ in MEDIATION_NOUNS:  # "Türkiye's mediation", "Egyptian and Qatari mediation"
        left = [c for c in noun.children if c.i < noun.i and c.dep_ in ("poss", "amod", "compound", "nmod")]
        mediators = [] if not left else [actor_of_mention(m) for m in ctx.mentions_between(
            offset + noun.doc[min(c.left_edge.i for c in left)].idx, offset + noun.idx)][:2]
    else:
        return []
    if not mediators or any(c.lower_ in UNREAL_MODIFIERS for c in noun.children):
        return []
    between = _between(noun)
    if between is not None:  # "Kuwaiti mediation between Saudi Arabia and Qatar"
        clause = syntax.clause_verb(noun)
        if planned(noun, lemma) or clause is not None and _unreal(clause, lemma):
            return []  # "called for Kuwaiti mediation between ...": none yet
        parties = _actors([between, *between.conjuncts], offset, ctx, lemma)
        return _mediations(mediators, parties, argument(noun, offset, ctx, lemma), noun)
    host = _attached_to(noun)
    if host is None:
        return []
    if host.tag_.startswith("NN"):  # "talks between A and B under Qatari mediation", "agreed to a truce under ..."
        if not _mediated_noun(host, lemma) or planned(host, lemma):
            return []  # "called for talks between A and B under UN auspices": talks still to come
        clause = syntax.clause_verb(host)
        if clause is not None and _unreal(clause, lemma):
            return []
        between = _between(host)
        if between is not None:
            parties = _actors([between, *between.conjuncts], offset, ctx, lemma)
        elif clause is not None and _cooperative(clause, lemma):
            parties = _parties(None, clause, offset, ctx, lemma, with_object=True)
        else:
            return []
        return _mediations(mediators, parties, argument(host, offset, ctx, lemma), noun)
    kind, governing = syntax.governor(host, lemma)
    agreed = governing is not None and lemma(governing) in L.AGREE_VERBS  # "agreed to exchange prisoners under ..."
    if (kind is not None and not agreed) or _unreal(governing if agreed else host, lemma) or not _cooperative(host, lemma):
        return []
    parties = _parties(None, host, offset, ctx, lemma, with_object=True)
    return _mediations(mediators, parties, argument(noun, offset, ctx, lemma), host)


def mediating_role(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X played a key mediating role in the talks between A and B", "X, which played a role in mediating the deal
    between A and B": the one who played the role mediates between the parties of the act its "in" phrase names."""
    verb = noun.head
    if noun.dep_ != "dobj" or not verb.tag_.startswith("VB") or verb.i == noun.i:
        return []
    into = next((c for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"),
                None)  # on the noun, or on the verb as the parser often hangs it
    if into is None:
        return []
    act = next((g for g in into.children if g.dep_ in ("pobj", "pcomp")), None)
    if act is None:
        return []
    if act.tag_ == "VBG":  # "a role in mediating the deal between A and B"
        if act.lower_ not in MEDIATING_WORDS:
            return []
        act = next((c for c in act.children if c.dep_ == "dobj"), None)
        if act is None:
            return []
    elif not any(c.lower_ in MEDIATING_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return []  # "a key role in the talks": a party's role, no mediation
    between = _between(act)
    if between is None or not act.tag_.startswith("NN") or not _mediated_noun(act, lemma) or _unreal(verb, lemma):
        return []
    subj, passive_, _agent = syntax.subject(verb, lemma)
    if subj is None or passive_:
        return []
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":  # "Qatar, which played ...": the relative's antecedent
        subj = verb.head
    mediators = argument(subj, offset, ctx, lemma).actors[:2]
    parties = _actors([between, *between.conjuncts], offset, ctx, lemma)
    return _mediations(mediators, parties, argument(act, offset, ctx, lemma), noun)


def swap(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"A and B completed a prisoner swap", "a prisoner exchange with B": each side releases the other's (0841)."""
    swapped = [c for c in noun.children if c.dep_ in ("compound", "amod")] + [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    clause = syntax.clause_verb(noun)
    persons = any(P.family(lemma(t)) == "release" for t in swapped)
    if not persons and not (clause is not None and _verb_code(clause, lemma) == L.RELEASE):
        return []  # "an exchange of views", "a land swap": no swap of persons; "freed them in a swap": persons
    if exchange_parties(noun) is not None:
        return []  # "a prisoner exchange between A and B", "the exchange of prisoners between A and B": event_nouns'
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(c.dep_ == "det" for c in noun.children):
        return []  # "released X in exchange for Y": the verb table's release rule reads the idiom
    if any(c.lower_ in UNREAL_MODIFIERS for c in noun.children) or planned(noun, lemma):
        return []
    if clause is not None and _unreal(clause, lemma):
        return []
    sides = _named_before(noun, offset, ctx)  # "the US-Russia prisoner swap"
    partner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in SWAP_PARTNER_PREPS
                    for g in c.children if g.dep_ == "pobj"), None)
    if len(sides) < 2 and clause is not None and (noun.dep_ == "dobj" and lemma(clause) in CARRY_OUT_VERBS
                                                  or partner is not None):
        subj, _passive, _agent = syntax.subject(clause, lemma)  # "A and B completed ...", "A's soldiers were freed"
        if subj is not None:
            sides = distinct_sides(sides + argument(subj, offset, ctx, lemma).actors)
    if partner is not None and len(sides) == 1:  # "A carried out a prisoner exchange with B"
        sides = distinct_sides(sides + argument(partner, offset, ctx, lemma).actors[:1])
    if len(sides) != 2:
        return []
    arg = argument(noun, offset, ctx, lemma)
    cand = Candidate(L.RELEASE, arg, arg, sides[0], sides[1], noun, noun, confidence=L.CONF_NOMINAL, symmetric=True)
    return [cand, cand.mirrored()]


SWAP_PARTNER_PREPS = frozenset({"with", "for"})
"""Prepositions of a swap noun that name the other side: the state ("a swap *with Russia*") or the person
exchanged, whose country is that side ("released in a prisoner swap *for* the Russian arms dealer X")."""


def _mediated_noun(noun: Token, lemma: syntax.Lemma) -> bool:
    """Whether a noun names an act a third party can mediate: an agreement, talks, a release or a swap of persons,
    or a signing ceremony (:func:`_signing_ceremony`)."""
    return (bool(set(P.families(lemma(noun))) & MEDIATED_FAMILIES) or noun.lower_ in SWAP_NOUNS
            or _signing_ceremony(noun, lemma))


CEREMONY_NOUNS = frozenset({"ceremony"})
SIGNING_WORDS = frozenset({"signing", "sign"})


def _signing_ceremony(noun: Token, lemma: syntax.Lemma) -> bool:
    """Whether a noun is a signing ceremony ("a *signing ceremony* hosted by Trump at which A and B signed ..."):
    its host brings the signatories together, a third party to their agreement (the guide: "a third state hosting
    or brokering talks or an exchange between two others is 045"), unlike the host of a summit all attend."""
    return lemma(noun) in CEREMONY_NOUNS and any(lemma(c) in SIGNING_WORDS for c in noun.children
                                                  if c.dep_ in ("compound", "amod"))


def _unreal(clause: Token, lemma: syntax.Lemma) -> bool:
    """Whether a clause's act did not happen or is still to come: negated, modal, future, conditional, intended."""
    node = clause
    for _ in range(4):  # up from an infinitive to the verb that governs it ("*will allow* them to return")
        if syntax.negated(node) or syntax.clause_modality(node, None, None, lemma) in UNREAL_CLAUSES:
            return True
        if {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")} & (G.MODAL_AUX | G.FUTURE_AUX):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i or not node.head.tag_.startswith("VB"):
            break
        node = node.head
    if clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        root = clause.sent.root  # an infinitive the parse hangs elsewhere: "X *will* allow refugees ... to return"
        return root.i != node.i and root.tag_.startswith("VB") and (syntax.negated(root) or bool(
            {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")} & (G.MODAL_AUX | G.FUTURE_AUX)))
    return False


def _definite(noun: Token) -> bool:
    """"*The* swap", "*this* deal": a noun that refers back to an act the article told."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _between(noun: Token) -> Token | None:
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                 for g in c.children if g.dep_ == "pobj"), None)


def _attached_to(noun: Token) -> Token | None:
    """The verb or noun a mediation phrase modifies, up through its prepositions ("exchanged ... *as a result
    of* X's mediation", "agreed to a truce *under* X's mediation", "resumed talks *thanks to* X's help");
    None unless the noun is the object of a preposition ("X's mediation was praised" modifies nothing)."""
    if noun.dep_ != "pobj":
        return None
    node = noun.head
    for _ in range(6):
        if node.tag_.startswith("VB"):
            return node
        if not (node.dep_ in ("prep", "pcomp", "pobj") or node.tag_ in ("IN", "TO", "RB", "JJ")
                or node.lower_ in LINK_NOUNS):
            return node if node.tag_.startswith("NN") else None
        if node.head.i == node.i:
            return None
        if node.tag_.startswith("NN") and node.lower_ not in LINK_NOUNS:
            return node
        node = node.head
    return None


LINK_NOUNS = frozenset({"result", "part", "thanks", "virtue", "means", "way", "framework"})
"""Nouns of a compound preposition the phrase climbs through: "as a *result* of", "as *part* of", "*thanks* to",
"by *virtue* of", "by *means* of", "by *way* of", "in the *framework* of"."""


def _cooperative(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether the verb table codes the verb (with its objects) as an act a mediator stands between."""
    code = _verb_code(verb, lemma)
    return code is not None and code[:2] in MEDIATED_ROOTS


def _verb_code(verb: Token, lemma: syntax.Lemma) -> str | None:
    """The verb table's code for the verb with its objects' families ("freed prisoners": 0841), else None."""
    families = {f for o in syntax.objects(verb) for f in (P.family(lemma(o)),) if f}
    pattern = P.match(lemma(verb), syntax.preps(verb), families)
    return pattern.code if pattern is not None else None


def _mediators(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    if tok.dep_ == "amod" and tok.lower_.rsplit("-", 1)[-1] in HYPHENATED:
        # "U.N.-brokered" (one token) or "Oman - mediated" (the name a child before the hyphen); a name of two words
        # whose first the parser hangs on the noun ("*European* Union-brokered talks") starts at that word
        start = tok.left_edge.i
        while start > 0 and tok.doc[start - 1].tag_ in ("NNP", "NNPS") and tok.doc[start - 1].head.i == tok.head.i:
            start -= 1
        return [actor_of_mention(m) for m in ctx.mentions_between(
            offset + tok.doc[start].idx, offset + tok.idx + len(tok.text))][:2]
    if tok.tag_ != "VBN" or (lemma(tok) not in BROKER_VERBS and lemma(tok) not in HOST_VERBS):
        return []
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return argument(pobj, offset, ctx, lemma).actors[:2]
        if child.dep_ == "prep" and child.lower_ in ("with", "under"):
            helper = next((g for g in child.children if g.dep_ == "pobj" and g.lower_ in HELP_NOUNS), None)
            of = next((g for c in (helper.children if helper is not None else ()) if c.dep_ == "prep"
                       and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                return argument(of, offset, ctx, lemma).actors[:2]
            if helper is not None:  # "brokered with U.S. help", "mediated with Qatar's help": the helper before the noun
                return _named_before(helper, offset, ctx)[:2]
    return []


def _parties(noun: Token | None, clause: Token | None, offset: int, ctx: Context, lemma: syntax.Lemma,
             with_object: bool = False) -> list[Actor]:
    """The parties of a mediated act: the noun's "between" phrase, the actors named before the noun, else
    the clause's active subject (with conjuncts), its "with" partner and, `with_object`, its object."""
    between = _between(noun) if noun is not None else None
    if between is not None:
        return _actors([between, *between.conjuncts], offset, ctx, lemma)
    before = _named_before(noun, offset, ctx) if noun is not None else []
    if len(before) >= 2:  # "the US-Iran talks hosted by Oman"
        return before[:4]
    tokens: list[Token] = []
    if clause is not None:
        subj, passive_, _ = syntax.subject(clause, lemma)
        if subj is not None and (not passive_ or with_object):
            tokens = [subj, *subj.conjuncts]
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        for holder in (clause, *objects):
            tokens += [g for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in c.children if g.dep_ == "pobj" and g.lower_ not in HELP_NOUNS]
        if with_object:
            tokens += objects
    return _actors(tokens, offset, ctx, lemma)


def _actors(tokens: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    """The distinct sides the tokens name, at most four: each token's own actor, and the coordinated modifiers of a
    plural head ("the prime ministers *of Serbia and Kosovo*": both, session 14)."""
    out: list[Actor] = []
    for t in tokens:
        found = argument(t, offset, ctx, lemma).actors
        out = distinct_sides(out + (found if t.tag_ == "NNS" else found[:1]))
    return out[:4]


def _named_before(noun: Token, offset: int, ctx: Context) -> list[Actor]:
    """The distinct actors named by the noun's left modifiers ("the *US-Russia* prisoner swap")."""
    start = noun.left_edge.i
    if start >= noun.i:
        return []
    doc = noun.doc
    mentions = ctx.mentions_between(offset + doc[start].idx, offset + noun.idx)
    return distinct_sides([actor_of_mention(m) for m in mentions])


def _mediations(mediators: list[Actor], parties: list[Actor], arg: Arg, anchor: Token,
                one_party: bool = False) -> list[Candidate]:
    """Mediator -> each party (045) for a mediator of another country than every party; with two parties or
    more, or one when `one_party` (the agreement frame: "X agreed to ... under a deal brokered by Y")."""
    out: list[Candidate] = []
    for mediator in mediators:
        if any(country_of(mediator.code) == country_of(p.code) for p in parties):
            continue  # a party is no mediator of its own act
        if len(parties) < 2 and not one_party:
            continue
        for party in parties:
            out.append(Candidate(MEDIATE, arg, arg, mediator, party, anchor, anchor, confidence=L.CONF_NOMINAL))
    return out


CO_MEDIATOR_PREPS = frozenset({"alongside"})
"""Prepositions on a verb of mediation that name a fellow mediator, not a party ("Turkey brokered the deal
*alongside* the UN"); "with" is left out: it names a party as often ("brokered a deal with Hamas")."""


def one_way(sdoc: Sequence[Token], cands: list[Candidate], offset: int, ctx: Context,
            lemma: syntax.Lemma) -> list[Candidate]:
    """A sentence's candidates with convention 21's mediator read one way: a host or broker named as the agent
    of a mediation participle on talks or a deal ("A and B held talks *hosted by* C") or as a fellow broker ("A
    brokered the deal *alongside* C") is no partner of the sides' talks; nor is the subject of a verb that convenes
    talks between two others ("C *hosted / opened / convened* (a round of) talks between A and B",
    :func:`_convened`), which is coded 045 to each side the verb table left out.

    The verb table reads the agent or the "alongside" phrase as the talks' partner and pairs it both ways with
    the subject's parties; convention 21 (``data/news_dev/README.md``, session 13) codes a third party that
    convenes, brokers or facilitates talks between the sides one 04 from it to each side, none back from the
    sides and none between two mediators, and the sides' own talks both ways. So, for a candidate of root 04:
    the mediator's 04 to each side stays, a side's 04 back to the mediator and an 04 between two mediators are
    dropped, and the sides (two or more countries coded back to the same mediator on one verb) are paired both
    ways with the candidate's code.

    Choices:

    - Only root 04 (talks, meetings, calls, mediation): a mediator that signs is a signatory too (05 with the
      others, chk-052), and other roots are no talks. A sentence without a candidate of root 04 is not read (the
      convener's 045 is added only where the verb table paired the convener with a side).
    - The mediator is read off the syntax only (the agent of "hosted / brokered / mediated / facilitated by" on
      an event noun, or "alongside" on a verb of mediation), never from knowing who mediated: four leaders who
      met at Minsk are paired as equals when the sentence does not say who brokered.
    - A country the sentence also names outside the mediator phrase as the subject of the act stays a party
      (:func:`_mediations` codes no mediator of its own act either).
    """
    if not any(c.code[:2] == "04" for c in cands):
        return cands  # no talks to read (most sentences: the scan below costs nothing then)
    third: set[str] = set()
    convened: list[Candidate] = []  # a convener's 045 to each side of the talks it convened
    for tok in sdoc:
        if tok.lower_ in MEDIATOR_PREPS and _mediator_phrase(tok, lemma):
            for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                third.update(country_of(a.code) for a in argument(pobj, offset, ctx, lemma).actors)
        elif tok.tag_.startswith("VB") and lemma(tok) in CONVENE_VERBS:
            found = _convened(tok, offset, ctx, lemma)
            third.update(country_of(c.source_actor.code) for c in found if c.source_actor is not None)
            convened += found
    if not third:
        return cands
    out: list[Candidate] = []
    sides: dict[int, list[Candidate]] = {}  # the verb's index -> the dropped candidates of a side back to a mediator
    for cand in cands:
        if cand.code[:2] != "04" or cand.source_actor is None or cand.target_actor is None:
            out.append(cand)
            continue
        source, target = country_of(cand.source_actor.code) in third, country_of(cand.target_actor.code) in third
        if source and not target:
            out.append(cand)  # the mediator to a side
        elif target and not source:
            sides.setdefault(cand.verb.i, []).append(cand)  # a side back to the mediator: none
        elif not target:
            out.append(cand)  # between two sides
    for cand in convened:  # "X opened talks between A and B": X to each side, where the verb table paired X with one
        if not any(c.code[:2] == "04" and _countries(c) == _countries(cand) for c in out):
            out.append(cand)
    for dropped in sides.values():
        firsts: dict[str, Candidate] = {}
        for cand in dropped:
            firsts.setdefault(country_of(cand.source_actor.code), cand)  # type: ignore[union-attr]
        for a, ca in firsts.items():
            for b, cb in firsts.items():
                if a != b and not any(c.verb.i == ca.verb.i and _countries(c) == (a, b) for c in out):
                    out.append(replace(ca, target=cb.source, target_actor=cb.source_actor, symmetric=True,
                                       reverse=a > b))
    return out


def _countries(cand: Candidate) -> tuple[str, str] | None:
    """The (source, target) countries of a candidate with both sides known, else None."""
    if cand.source_actor is None or cand.target_actor is None:
        return None
    return country_of(cand.source_actor.code), country_of(cand.target_actor.code)


CONVENE_VERBS = frozenset({"host", "convene", "open", "organize", "organise", "broker", "mediate", "facilitate"})
"""Verbs whose subject convenes the talks its object names between two others ("X *hosted / opened / convened*
talks between A and B"): a third party, a mediator under convention 21."""
ROUND_NOUNS = frozenset({"round", "rounds", "series", "session", "sessions"})
"""Nouns of an instalment of talks ("five *rounds* of talks between A and B"): the talks are their "of" phrase."""


def _convened(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """The convener's 045 to each side of "X hosted / opened / convened (a round of) talks between A and B", when X
    is none of the sides and the act happened; else none."""
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is not None and noun.lower_ in ROUND_NOUNS:
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    if noun is None or "talks" not in P.families(lemma(noun)):
        return []
    between = _between(noun)
    if between is None or planned(noun, lemma) or _unreal(verb, lemma):
        return []
    subj, passive_, _agent = syntax.subject(verb, lemma)
    if subj is None or passive_:
        return []
    mediators = argument(subj, offset, ctx, lemma).actors[:2]
    parties = distinct_sides(argument(between, offset, ctx, lemma).actors  # "the Chilean and Peruvian ministers"
                             + _actors([between, *between.conjuncts], offset, ctx, lemma))[:4]
    return _mediations(mediators, parties, argument(noun, offset, ctx, lemma), verb)


HOSTED_TALKS = frozenset({"talks", "negotiations", "consultations", "dialogue", "discussions"})
"""Nouns of talks held by sides, whose host is a third party ("A and B held talks hosted by C"); a summit,
conference or meeting hosted by C is a gathering its attendees hold with the host (the attendance rule of
:func:`detente.coding.coordination.joint_pairs`: "a summit hosted by Kenya was attended by A, B and C")."""
MEDIATOR_PREPS = frozenset({"by", "alongside"})
"""The prepositions :func:`one_way` reads: the agent of a mediation participle and a fellow broker."""


def _mediator_phrase(prep: Token, lemma: syntax.Lemma) -> bool:
    """Whether a preposition heads a third party's phrase: the agent of a mediation participle on an event noun
    ("talks *hosted by* C", "a deal *brokered by* C"), or "alongside" on a verb of mediation ("A brokered the deal
    *alongside* C")."""
    head = prep.head
    if prep.lower_ in CO_MEDIATOR_PREPS:
        return head.tag_.startswith("VB") and lemma(head) in BROKER_VERBS
    if prep.dep_ not in ("agent", "prep") or head.tag_ != "VBN" or head.dep_ != "acl":
        return False
    participle_lemma = lemma(head)
    if participle_lemma not in BROKER_VERBS and participle_lemma not in HOST_VERBS:
        return False
    noun = head.head
    if not noun.tag_.startswith("NN") or not _mediated_noun(noun, lemma):
        return False
    return participle_lemma in BROKER_VERBS or noun.lower_ in HOSTED_TALKS
