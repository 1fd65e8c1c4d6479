"""Joint and reciprocal acts: acts done together by their parties, coded both ways.

CAMEO codes a reciprocal act with its actors reversed, and the news development set's guide
(convention 3) codes a joint act (meet, negotiate, sign, exchange) both ways between every two of its
parties. This module decides when an act is joint (:func:`joint_act`: coordinated subjects of a mutual
or reciprocal act, an agreement *with* a partner, acts "on each other", relations restored *with*
someone), reads acts of exchange among coordinated sides ("A and B exchanged accusations", "A, B and C
spoke by phone": :func:`reciprocal_act`), agreements announced together by their parties
(:func:`joint_announcement`), joint acts whose parties follow "between" on the verb
(:func:`joint_between`), attendees of a gathering meeting its host (:func:`attended`), and where a meeting
took place (:func:`meeting_place`: 042-044). The verb
rules (:func:`detente.coding.candidates.verbal`) call these; pairing a party list is
:mod:`detente.coding.coordination`'s.

Choices:

- A one-sided act between coordinated subjects ("Russia and Belarus attacked") stays one-sided, and
  coordinated subjects with a partner elsewhere ("held talks with rebel leaders") or acting
  "separately" are not paired against each other (:func:`partner_elsewhere`, :func:`separately`).
- A place or occasion is no partner: a meeting's venue (:func:`meeting_venue`) and an occasion named
  after its host ("signed a pact at a ceremony hosted by Japan", :func:`hosted_occasion`).
- Two actors are one party when :func:`detente.actors.country_of` says so (not by their codes' first three
  letters, which made the African Union `AU` and its commission `AUGOV` two). Session 18 (development sets
  pooled without news_dev11 parts d-e): no development event changed; kept as the one way to compare sides.
- Only an act of relations restored with someone is mutual (05); a promise to restore them (03) stays
  its author's (dev4c-158).
- Announcers of a deal are its parties only when the page does not show them to be third parties or
  mediators (:func:`announced_by_others`); a mediator's part is :mod:`detente.coding.mediation`'s (045).
- A person swapped for a person is a prisoner swap, a release by each side (0841 both ways), whether or
  not the text calls them prisoners.
- Attendees meet the gathering's host where the sentence names the host as the subject of a verb of hosting or as
  the one joined at an occasion (:func:`attended`). Session 14 (multiparty14; page mode, every development file
  pooled, news_dev7 d-e left out): right +6, wrong +2 (news_dev5 e, news_dev6 c: a co-chair paired with an attendee
  where the gold reads the first chair as the hub), F1 0.4586 -> 0.4596, P 0.6635 -> 0.6638; no-event sentences left
  uncoded (3,717 of 4,092) and PLOVER (0.640) unchanged. A document joined at a ceremony ("joined the Paris
  Agreement in a ceremony") is no one met (2 wrong before that guard).
- "Separately" after an intransitive "meet" tells a meeting apart from another, not the subjects apart
  (:func:`separate_meeting`: "A and B also met separately" is their meeting, both ways); before the verb it
  distributes the act ("A and B separately met ..."), and "A met B and C separately", "A and B met separately with
  C" name the partners met (no pair among them). Session 17 (lists17; page mode, development sets pooled without
  news_dev10 d-e, 8,393 gold events): right +3, wrong +0 (news_dev8 b, news_dev9 d), F1 0.4329 -> 0.4333, P 0.6299 -> 0.6302. The same
  adverb keeps announcers of deals apart (:func:`joint_announcement`: "A and B separately announced deals"; no
  development event changed, kept for the one rule across the joint paths, with its test).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import lexicon as L
from detente.coding import nominals, syntax
from detente.coding import patterns as P
from detente.coding.arguments import Arg, argument
from detente.coding.candidate import Candidate
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.coordination import MAX_PARTIES, joint_pairs, list_pairs, parties
from detente.coding.modifier_pairs import THIRD_PARTY_PARTICIPLES
from detente.coding.same_side import foreign_pairs

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from spacy.tokens import Token


RECIPROCAL_VERBS = frozenset({"exchange", "swap", "trade"})
"""Verbs whose coordinated subjects act on each other: "A and B *exchanged* fire", "A and B *swapped* prisoners"."""
MUTUAL_CODES = frozenset({"0871"})
"""Acts between their own parties when none is named: "A and B declared a truce" (CAMEO 0871)."""
SEPARATE_WORDS = frozenset({"separately", "respectively", "independently", "individually"})
"""Adverbs that make coordinated subjects act apart: "A and B *separately* signed ..." pairs neither with
the other."""
JOIN_VERBS = frozenset({"join"})
"""Verbs that add their object to the subject's act: "X *joined* Y (and Z) in signing / condemning ..."."""


def joined(verb: Token, lemma: syntax.Lemma) -> Token | None:
    """The object of "join" whose act `verb` names ("Biden joined *Scholz and Tusk* in signing the
    declaration": they sign together), or None."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "in" or prep.dep_ != "prep" or lemma(prep.head) not in JOIN_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


MEET_FORMS = frozenset({"meet", "meets", "met", "meeting"})
"""Forms of "meet", the verb whose plural subject without an object met each other ("A and B met")."""


def separately(verb: Token, gov: Token | None) -> bool:
    """Whether the act (or its governor) carries an adverb of separate action (:data:`SEPARATE_WORDS`), so that
    coordinated subjects are not paired against each other.

    Not "separately" after an intransitive "meet" (:func:`separate_meeting`): "A and B (also) met separately" is
    a meeting of A and B apart from the others, coded both ways; "A and B separately met ..." and "A and B met
    separately with C" still keep A and B apart."""
    return any(c.lower_ in SEPARATE_WORDS and c.dep_ in ("advmod", "npadvmod", "dep", "appos")
               and not separate_meeting(node, c)
               for node in (verb, gov) if node is not None for c in node.children)


def separate_meeting(verb: Token, adverb: Token) -> bool:
    """Whether `adverb` ("separately") tells a meeting of the subjects with each other apart from another one:
    it follows an intransitive "meet" (:data:`MEET_FORMS`, no object, no "with" partner: "Kerry and Lavrov also
    met separately in Vienna", "the two leaders met separately on the sidelines"). "Meet" is a symmetric
    predicate (a reciprocal verb: its plural subject without an object met each other); a post-verbal "separately" places that meeting apart (from the plenary, from the other
    delegations) and does not split the subjects, while one before the verb ("A and B separately met ...")
    distributes the act over them, as before. The guide codes such a meeting both ways (rule 3; convention 24
    for a mediator's separate meetings with each side, which name the side met: "met each separately",
    "met separately with A and B"). Session 17 (lists17)."""
    return (adverb.lower_ == "separately" and adverb.i > verb.i and verb.lower_ in MEET_FORMS
            and not any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "with" for c in verb.children))


def partner_elsewhere(code: str, verb: Token, objects: list[Token]) -> bool:
    """Whether coordinated subjects have their act with someone other than each other, so that they are
    not paired against each other: a one-sided act (:data:`~detente.coding.lexicon.ONE_SIDED_JOINT_CODES`:
    "A and B delegations arrived in C" visit C, not each other) or a partner named with "with" on the verb
    or its object, even one that is no actor ("A and B brokered the accord *with the warring sides*", "held
    talks *with rebel leaders*"). The guide's rule 3 codes a visit or an offer once, from its author, and
    pairs coordinated sides only for acts they do together ("A and B signed ...")."""
    if code in L.ONE_SIDED_JOINT_CODES:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with"
               and any(g.dep_ == "pobj" and g.lower_ not in L.RECIPROCAL_PRONOUNS and g.lower_ not in syntax.HELP_NOUNS
                       for g in c.children)  # "with the help of C" names a helper, no partner
               for node in (verb, *objects) for c in node.children)


def meeting_venue(target_tok: Token, verb: Token, code: str) -> bool:
    """Whether a joint meeting's target is only its venue: the object of a preposition of place on the verb
    ("met *at the White House*", "held talks *in Geneva*"). A venue is a place, not a partner (CAMEO codes
    the place in the meeting's code, 042-044, not as a side); "met *with* X" names the partner, and a
    one-sided arrival or visit ("arrived at the Kremlin") is a visit to the place's state."""
    return (code[:2] == "04" and target_tok.dep_ == "pobj" and target_tok.head.head.i == verb.i
            and target_tok.head.lower_ in L.LOCATION_PREPS)


def joint_act(code: str, verb: Token, gov: Token | None, source: Arg | None, target: Arg | None,
              target_tok: Token | None, lemma: syntax.Lemma) -> bool:
    """Whether an act is done jointly by its two sides, so that it is coded both ways (the news
    development set's guide, convention 3; CAMEO codes a reciprocal act with its actors reversed):

    - coordinated subjects of different countries, no target named, and either a mutual act
      (:data:`MUTUAL_CODES`: "Armenia and Azerbaijan declared a truce") or a reciprocal verb
      (:data:`RECIPROCAL_VERBS`: "India and Pakistan exchanged fire");
    - an agreement *with* someone ("Sudan agreed with Chad to reopen the border", "agreed with
      Chad on a ceasefire") for a cooperative or mutual act (roots 03-06, 0871): the partner of
      the agreement is the target and agrees as well.

    - any act of coordinated subjects on "each other" or "one another" ("India and Pakistan accused each
      other", "A and B expelled each other's envoys"): the pronoun names the subjects, each the other's target.
    - relations restored, normalised or resumed *with* someone ("Morocco normalized ties with Israel",
      "restored diplomatic relations with Cuba"): relations are held by both sides, so the partner restores
      them as well (the guide's convention 3 names restoring relations among the acts coded both ways; the
      development gold codes "A normalized relations with B" A->B and B->A, 05). Only the act (05): a promise
      to restore them ("A will restore relations with B", 03) is its author's alone, as dev4c-158 codes it.

    A one-sided act between coordinated subjects ("Russia and Belarus attacked") stays one-sided.
    """
    if source is not None and len({country_of(a.code) for a in source.actors}) >= 2 and not (target and target.actors) and (
            _on_each_other(verb)):
        return True
    if code[:2] not in L.JOINT_ROOTS and code not in MUTUAL_CODES and lemma(verb) not in RECIPROCAL_VERBS:
        return False
    if source is not None and len({country_of(a.code) for a in source.actors}) >= 2 and not (target and target.actors):
        return code in MUTUAL_CODES or lemma(verb) in RECIPROCAL_VERBS
    if target_tok is None or target_tok.dep_ != "pobj" or target_tok.head.lower_ != "with":
        return False
    if code[:2] == "05" and _relations_with(verb, target_tok.head, lemma):  # a promise to restore stays one-sided
        return True
    agreeing = [n for n in (verb, gov) if n is not None and lemma(n) in L.AGREE_VERBS]
    return any(target_tok.head.head.i == n.i for n in agreeing)


OCCASION_NOUNS = frozenset({"ceremony", "summit", "conference", "meeting", "event", "forum", "gathering", "session",
                            "talks", "signing"})
"""Nouns of an occasion a joint act takes place at ("signed the pact *at a ceremony* hosted by C")."""


def hosted_occasion(target_tok: Token, verb: Token, source_tok: Token, offset: int, ctx: Context,
                    lemma: syntax.Lemma) -> bool:
    """Whether the target of a joint act of coordinated subjects is only the occasion it took place at, named
    after its host: "India and Australia signed a pact *at a ceremony hosted by Japan*" (the pact is between
    India and Australia, each with the other; Japan hosts the ceremony). The guide's convention 3 pairs
    coordinated subjects of a joint act with each other; a place or occasion is no partner (as
    :func:`meeting_venue` for meetings); the host's own act is the participle's. A single subject keeps the
    parse's target (its partner is named nowhere else)."""
    if (target_tok.dep_ != "pobj" or target_tok.head.lower_ not in L.LOCATION_PREPS or target_tok.head.head.i != verb.i
            or lemma(target_tok) not in OCCASION_NOUNS):
        return False
    return len({country_of(a.code) for a in argument(source_tok, offset, ctx, lemma).actors}) >= 2


RECIPROCAL_PRONOUNS = {"other": "each", "another": "one"}
"""The reciprocal pronouns, by their last word and the word before it ("each other", "one another")."""


def _relations_with(verb: Token, with_tok: Token, lemma: syntax.Lemma) -> bool:
    """Whether "with" names the partner of relations the verb acts on: it hangs off a *relations* noun
    ("normalized ties *with* Israel") or off the verb whose object is one ("restored relations fully *with*
    Cuba")."""
    head = with_tok.head
    if head.i != verb.i:
        return P.family(lemma(head)) == "relations" and head.dep_ == "dobj" and head.head.i == verb.i
    return any(c.dep_ == "dobj" and P.family(lemma(c)) == "relations" for c in verb.children)


def _on_each_other(verb: Token) -> bool:
    """Whether the verb's object or a phrase of it is a reciprocal pronoun, alone or as a possessor ("accused
    *each other*", "expelled the ambassadors from *each other's* countries")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep"):
            for tok in child.subtree:
                first = RECIPROCAL_PRONOUNS.get(tok.lower_)
                if first is not None and tok.i > 0 and tok.doc[tok.i - 1].lower_ == first:  # (either word heads)
                    return True
    return False


CALL_VERBS = frozenset({"speak", "talk"})
"""Verbs of conversation that name a call with a phrase of the telephone ("spoke *by phone*"), a partner or not."""
PHONE_NOUNS = frozenset({"phone", "telephone", "videoconference", "video"})
"""Nouns of the medium of a call ("by *phone*", "on the *telephone*", "via *video* link")."""
PHONE_CALL = "041"
"""CAMEO 041, discuss by telephone."""


def reciprocal_pronoun(tok: Token | None) -> bool:
    """Whether a token ends a reciprocal pronoun (:data:`RECIPROCAL_PRONOUNS`): "spoke to *each other*" names the
    speakers' own pair, not a third party."""
    return tok is not None and tok.i > 0 and tok.doc[tok.i - 1].lower_ == RECIPROCAL_PRONOUNS.get(tok.lower_)


def reciprocal_act(verb: Token, verb_lemma: str, objects: list[Token], offset: int, ctx: Context,
                   lemma: syntax.Lemma) -> list[Candidate]:
    """A coordinated side (or a subject and its "with" partner) doing to each other the act a noun names: "A and B
    *exchanged accusations*" (each accuses the other: 112 both ways), "A and B *traded threats*", "A exchanged
    strikes with B" (the act noun's code, :data:`detente.coding.nominals.ACT_NOUNS`), and a call among them
    without a "with": "A, B and C *spoke by phone*" (041 per pair). The guide's convention 3 codes a joint act
    both ways between every two of its parties (:func:`~detente.coding.coordination.joint_pairs`: a list's first
    parties, a hub); a verb of exchange says the act goes both ways. Not under a governing verb ("agreed to
    exchange ...", read by the verb table), nor denied; the clause's modality is kept ("could exchange")."""
    if syntax.negated(verb) or syntax.governor(verb, lemma)[1] is not None:
        return []
    swapped: Token | None = None  # the person taken in a swap of persons ("swapped X for *Y*")
    if verb_lemma in CALL_VERBS:
        code = PHONE_CALL if any(c.dep_ == "prep" and c.lower_ in ("by", "on", "over", "via") and any(
            g.dep_ == "pobj" and lemma(g) in PHONE_NOUNS for g in c.children) for c in verb.children) else None
    else:
        acts = [nominals.ACT_NOUNS[lemma(o)][0] for o in objects if o.dep_ == "dobj" and lemma(o) in nominals.ACT_NOUNS]
        swapped = None if acts else _person_swap(verb, objects, offset, ctx, lemma)
        code = acts[0] if acts else L.RELEASE if swapped is not None else None
    subj, passive, _ = syntax.subject(verb, lemma)
    if code is None or subj is None or passive:
        return []
    side = argument(subj, offset, ctx, lemma)
    partner = syntax.prep_object(verb, "with") or next(
        (t for o in objects if o.dep_ == "dobj" for t in (syntax.prep_object(o, "with"),) if t is not None), None) or (
        syntax.prep_object(swapped, "with") if swapped is not None else None)  # "traded X for Y with B": hung on Y
    if partner is not None:  # "A exchanged accusations with B", "A spoke by phone with B" (the verb table's)
        if verb_lemma in CALL_VERBS:
            return []
        other = argument(partner, offset, ctx, lemma)
        pairs = foreign_pairs(side, other)
        target = other
    else:
        if len({country_of(a.code) for a in side.actors}) < 2:
            return []
        pairs = [(a, b) for a, b in joint_pairs(subj, side.actors, offset, verb_lemma)
                 if country_of(a.code) != country_of(b.code)]
        target = side
    return _both_ways(code, side, target, pairs, verb, lemma)


def _both_ways(code: str, side: Arg, target: Arg, pairs: Iterable[tuple[Actor, Actor]], verb: Token,
               lemma: syntax.Lemma) -> list[Candidate]:
    """A joint act of `verb` (its clause's modality kept) as a symmetric candidate per pair, in both directions
    (the guide's convention 3)."""
    modality = syntax.clause_modality(verb, None, None, lemma)
    out: list[Candidate] = []
    for s_actor, t_actor in pairs:
        cand = Candidate(code, side, target, s_actor, t_actor, verb, verb, modality=modality,
                         confidence=L.CONF_SPECIFIC_PATTERN, main=syntax.is_main(verb), symmetric=True)
        out += [cand, cand.mirrored()]
    return out


SWAPPED_PERSON_NOUNS = frozenset({"journalist", "reporter", "spy", "agent", "soldier", "pilot", "marine", "citizen",
                                  "national", "businessman", "businesswoman", "dissident", "activist", "officer",
                                  "athlete", "player", "student", "tourist", "diplomat"})
"""Common nouns of a person who may be swapped for another ("swapped an American *journalist* for a Russian *spy*");
"prisoners", "detainees" and "hostages" are the verb table's (the release family)."""


def _person_swap(verb: Token, objects: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma) -> Token | None:
    """The person taken when a verb of exchange swaps a person for a person, else None ("A and B swapped Evan
    Doe for John Roe", "traded an American journalist for a Russian spy"): the guide codes a swap of prisoners as
    a release by each side (CAMEO 0841 both ways, convention 3), and a person handed over for another is such a
    swap, whether or not the text calls them prisoners. A person is a person of the registry, a full name (first
    name and surname) that no other registry entry covers, or a noun of :data:`SWAPPED_PERSON_NOUNS`; a place
    ("swapped Crimea for ...") is not."""
    given = next((o for o in objects if o.dep_ == "dobj"), None)
    if given is None:
        return None
    taken = syntax.prep_object(verb, "for") or syntax.prep_object(given, "for")

    def person(tok: Token | None) -> bool:
        if tok is None:
            return False
        if lemma(tok) in SWAPPED_PERSON_NOUNS:
            return True
        start, end = offset + tok.left_edge.idx, offset + tok.idx + len(tok.text)
        found = [actor_of_mention(m) for m in ctx.mentions_between(start, end)]
        full_name = any(c.dep_ == "compound" and c.tag_ == "NNP" for c in tok.children)  # "Evan Doe", not "Crimea"
        return tok.tag_ == "NNP" and all(a.person for a in found) and (bool(found) or full_name)

    return taken if person(given) and person(taken) else None


JOINT_ANNOUNCE_VERBS = frozenset({"announce", "unveil", "unveiled"})
"""Verbs by which the parties of an agreement make it known together ("A and B *announced* a deal")."""
CONCLUDE_AGREEMENT = "057"
"""CAMEO 057, sign formal agreement: what a deal announced by its own parties together is (convention 15)."""


def joint_announcement(verb: Token, objects: list[Token], offset: int, ctx: Context,
                       lemma: syntax.Lemma) -> list[Candidate]:
    """An agreement announced together by two parties or more ("A and B announced a trade deal", "the agreement
    was announced by A, B and C"): its announcers are its parties, and the deal is concluded among them (057,
    every pair both ways by the guide's convention 3, :func:`~detente.coding.coordination.joint_pairs`;
    convention 15: an announced measure is the measure). One announcer ("X announced a deal between A and B")
    is no party, and is left to the verb table; one announcer of "a deal *with* C" is a party, C the other (session
    12); nor are announcers the page shows to be third parties, mediators or others than the parties the deal's
    phrase names (:func:`_third_party_announcers`): they conclude nothing. Not under a governing verb, not denied,
    modality kept."""
    if syntax.negated(verb) or syntax.governor(verb, lemma)[1] is not None:
        return []
    subj, passive, agent = syntax.subject(verb, lemma)
    side_tok = agent if passive else subj
    deal = subj if passive else next((o for o in objects if o.dep_ == "dobj"), None)
    if side_tok is None or deal is None or "plan" not in P.families(lemma(deal)):
        return []
    if (nominals.planned(deal, lemma) or any(c.lower_ in nominals.UNREAL_MODIFIERS for c in deal.children)
            or syntax.prep_object(deal, "between") is not None):
        return []  # "a proposed deal", "a deal between A and B": the phrase names other parties
    side = argument(side_tok, offset, ctx, lemma)
    others = {country_of(a.code) for a in _third_party_announcers(side_tok, side, deal, offset, ctx, lemma)}
    if others:  # "the agreement was announced by Qatar and Egypt, the mediators": no party concludes it here
        return []
    partner_tok = syntax.prep_object(deal, "with")
    if partner_tok is not None:  # "A announced a deal with B": A is a party, B the other
        partner = argument(partner_tok, offset, ctx, lemma)
        if len({country_of(a.code) for a in side.actors}) != 1:
            return []
        pairs = [(side.actors[0], b) for b in partner.actors[:3] if country_of(b.code) != country_of(side.actors[0].code)]
        target = partner
    elif len({country_of(a.code) for a in side.actors}) < 2 or separately(verb, None):
        return []  # "A and B *separately* announced deals": each its own, with a partner not named (session 17)
    else:
        pairs = [(a, b) for a, b in joint_pairs(side_tok, side.actors, offset) if country_of(a.code) != country_of(b.code)]
        target = side
    return _both_ways(CONCLUDE_AGREEMENT, side, target, pairs, verb, lemma)


ANNOUNCED_DEALS = frozenset({"plan", "ceasefire"})
"""Noun families of what an announcement may conclude for its announcers: an agreement (057,
:func:`joint_announcement`), a truce (0871, the verb table's "announce a ceasefire")."""
MEDIATOR_NOUNS = frozenset({"mediator", "mediators", "broker", "brokers", "facilitator", "facilitators", "guarantor",
                            "guarantors", "intermediary", "intermediaries"})
"""Nouns that describe an announcer as a third party of the deal ("Qatar and Egypt, *the mediators*, announced ...")."""


def announced_by_others(verb: Token, objects: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma) -> bool:
    """Whether the announcers of a deal (the subject of `verb`, or its agent in the passive) are all no parties of
    it (:func:`_third_party_announcers`): "Qatar announced a truce between Israel and Hamas", "the Israel-Hamas
    agreement was announced by Qatar and Egypt"."""
    subj, passive, agent = syntax.subject(verb, lemma)
    side_tok = agent if passive else subj
    deal = subj if passive else next((o for o in objects if o.dep_ == "dobj"), None)
    if side_tok is None or deal is None or not set(P.families(lemma(deal))) & ANNOUNCED_DEALS:
        return False
    side = argument(side_tok, offset, ctx, lemma)
    others = {country_of(a.code) for a in _third_party_announcers(side_tok, side, deal, offset, ctx, lemma)}
    return bool(side.actors) and others >= {country_of(a.code) for a in side.actors}


def _third_party_announcers(side_tok: Token, side: Arg, deal: Token, offset: int, ctx: Context,
                            lemma: syntax.Lemma) -> list[Actor]:
    """The announcers of a deal who are not its parties, by what the page says of them: the deal's phrase names
    its parties and not them ("a truce *between Israel and Hamas*", "the *Israel-Hamas* agreement"); they are
    described as its mediators ("Qatar and Egypt, *the mediators*", "Qatar, *which mediated* the talks":
    :data:`MEDIATOR_NOUNS`, :data:`~detente.coding.modifier_pairs.THIRD_PARTY_PARTICIPLES`); or "the agreement" refers
    back to the pair the page named last (:attr:`~detente.coding.context.Context.last_pair`) and no announcer is
    of it. CAMEO codes a deal between its signatories (057) and a mediator's part as mediation (045, coded by
    :mod:`detente.coding.mediation` where the page says it mediated), never as a signing of its own; the guide's
    convention 15 reads an announced deal as concluded by its announcers only when they are its parties. A
    state's capital before the deal ("the Lima Declaration") is where the deal was made, not a party it names."""
    between = syntax.prep_object(deal, "between")
    named = list(argument(between, offset, ctx, lemma).actors) if between is not None else []
    left = offset + deal.left_edge.idx
    named += [actor_of_mention(m) for m in ctx.mentions_between(left, offset + deal.idx)  # "the Israel-Hamas deal"
              if not (m.kind == "metonym" and country_of(m.code) == m.code)]  # "the Lima Declaration"
    parties = {country_of(a.code) for a in named}
    if not parties and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in deal.children) and not (
            {country_of(a.code) for a in ctx.last_pair} & {country_of(a.code) for a in side.actors}):
        # "A and B signed a deal. The agreement was announced by ..."
        parties = {country_of(a.code) for a in ctx.last_pair}
    others = [a for a in side.actors if parties and country_of(a.code) not in parties]
    members = [side_tok, *side_tok.conjuncts]
    for member in members:
        if any(c.dep_ == "appos" and c.lower_ in MEDIATOR_NOUNS
               or c.dep_ == "relcl" and lemma(c) in THIRD_PARTY_PARTICIPLES for c in member.children):
            whole = member.i == max(m.i for m in members)  # after the last member: said of the whole list
            start, end = offset + member.left_edge.idx, offset + member.idx + len(member.text)
            others += [a for a in side.actors if whole or start <= a.start < end]
    return others


def joint_between(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """A joint act whose parties stand in the verb's "between" phrase: "the treaty was signed in 1987 between A
    and B", "agreements concluded between A and B" (a symmetric pattern of the verb with its object, its
    passive subject or the noun its participle modifies), each pair both ways, as :func:`~detente.coding.event_nouns.nominal` codes "talks
    between A and B" (the guide's convention 3). Not for an act still to come or denied."""
    prep = next(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between")
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or syntax.negated(verb):
        return []
    held = syntax.objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        held.append(verb.head)  # "an agreement *signed* between A and B"
    families: set[str] = set()
    for tok in held:
        families |= P.object_families(lemma(tok), [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")])[0]
    pattern = P.match(lemma(verb), syntax.preps(verb) - {"between"}, families)
    if pattern is None or not pattern.symmetric or pattern.obj is None:
        return []
    modality = syntax.clause_modality(verb, None, None, lemma)
    if modality in nominals.UNREAL_CLAUSES or (verb.dep_ != "acl" and nominals._infinitive(verb)):
        return []  # "a deal to be signed between A and B", "will sign"
    return between_candidates(pattern.code, argument(pobj, offset, ctx, lemma), verb)


def between_candidates(code: str, arg: Arg, token: Token) -> list[Candidate]:
    """A joint act `code` among the parties of one "between" list `arg`, carried by `token`: each pair of
    :func:`~detente.coding.coordination.list_pairs` (a long list: its first party with each other) both ways,
    two sides of one country skipped."""
    out = []
    for a, b in list_pairs(arg.actors):
        if country_of(a.code) != country_of(b.code):
            cand = Candidate(code, arg, arg, a, b, token, token, confidence=L.CONF_NOMINAL, main=False,
                             symmetric=True)
            out += [cand, cand.mirrored()]
    return out


def meeting_place(cand: Candidate, verb: Token, offset: int, ctx: Context) -> bool:
    """Meetings: 044 at a third country's place, 042 in the target's, 043 in the source's.

    Updates `cand.code` for a 040 meeting; True when a place was read.
    """
    if cand.code not in (L.MEETING, L.NEGOTIATE) or cand.source_actor is None or cand.target_actor is None:
        return False
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        node, ok = prep.head, True
        while node.i != verb.i:
            if node.tag_.startswith("VB") and node.dep_ != "acl":
                ok = False
                break
            node = node.head
        if not ok:
            continue
        sub = list(prep.subtree)
        s = offset + min(t.idx for t in sub)
        e = offset + max(t.idx + len(t.text) for t in sub)
        for m in ctx.mentions_between(s, e):
            place = country_of(m.code)
            if cand.code == L.MEETING:
                if place not in (country_of(cand.source_actor.code), country_of(cand.target_actor.code)):
                    cand.code = L.MEET_ELSEWHERE
                elif place == country_of(cand.target_actor.code):
                    cand.code = L.MEET_AT_TARGET
                else:
                    cand.code = L.MEET_AT_SOURCE
            return True
    return False


HOSTING_VERBS = frozenset({"host", "chair", "co-chair", "cochair", "convene", "organize", "organise"})
"""Verbs whose subject holds the gathering it names ("X *co-chaired* the meeting, which was attended by A and B")."""
JOIN_PREPS = frozenset({"for", "at", "in"})
"""Prepositions of "join X *for* / *at* the ceremony": the occasion at which the joiners meet X."""


def attended(verb: Token, objects: list[Token], offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """Attendees of a gathering meeting the one who holds it, when the sentence names both: "X and Y co-chaired the
    meeting, *which was attended by* A, B and C" (the holders are the subject of a verb of hosting,
    :data:`HOSTING_VERBS`, whose object the gathering is), "A and B *joined* X *for* the signing ceremony" (the
    joined one, with an occasion noun). Each attendee meets each holder, both ways (040), and co-holders meet each
    other; with more than :data:`~detente.coding.coordination.MAX_PARTIES` parties in all, the first holder with
    each of the others (:func:`~detente.coding.coordination.list_pairs`' reading of a long list).

    The guide codes an attendee's meeting with the host both ways and none among the attendees, who are only in the
    same room (:func:`~detente.coding.coordination.attendees`; news_dev2's adjudication; dev5e-169, -174, dev6c-182,
    dev2h-041 pair the attendees with the host). Only an asserted act: not denied, not governed, no modality; a
    gathering named by :data:`OCCASION_NOUNS` only. Session 14 (multiparty14)."""
    if syntax.negated(verb) or syntax.governor(verb, lemma)[1] is not None:
        return []
    if syntax.clause_modality(verb, None, None, lemma) is not None:
        return []
    subj, passive, agent = syntax.subject(verb, lemma)
    attendee_tok = agent if passive else subj
    if attendee_tok is None:
        return []
    host_tok: Token | None = None
    if lemma(verb) in ("join",) and not passive:  # "joined X for the ceremony"
        joined_tok = next((o for o in objects if o.dep_ == "dobj"), None)
        occasion = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in JOIN_PREPS
                         for g in c.children if g.dep_ == "pobj" and lemma(g) in OCCASION_NOUNS), None)
        if joined_tok is None or occasion is None or lemma(joined_tok) in OCCASION_NOUNS or P.families(
                lemma(joined_tok)):
            return []  # "joined the Paris Agreement in a ceremony": a party to a text, no one met
        host_tok = joined_tok
    else:
        gathering = subj if passive else next((o for o in objects if o.dep_ == "dobj"), None) or syntax.prep_object(
            verb, "in")
        if gathering is not None and gathering.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            gathering = verb.head  # "the meeting, which was attended by ..."
        if gathering is None or lemma(gathering) not in OCCASION_NOUNS or gathering.dep_ != "dobj":
            return []
        holder = gathering.head
        if not holder.tag_.startswith("VB") or lemma(holder) not in HOSTING_VERBS or syntax.negated(holder):
            return []
        host_tok, _p, _a = syntax.subject(holder, lemma)
        host_tok = None if _p else host_tok
    if host_tok is None:
        return []
    hosts = argument(host_tok, offset, ctx, lemma)
    guests = argument(attendee_tok, offset, ctx, lemma)
    hold = parties(hosts.actors)
    come = [a for a in parties(guests.actors) if all(country_of(a.code) != country_of(h.code) for h in hold)]
    if not hold or not come:
        return []
    everyone = hold + come
    if len(everyone) > MAX_PARTIES:
        pairs = [(hold[0], b) for b in everyone[1:]]
    else:
        pairs = [(h, g) for h in hold for g in come] + [(a, b) for i, a in enumerate(hold) for b in hold[i + 1:]
                                                         if country_of(a.code) != country_of(b.code)]
    out: list[Candidate] = []
    for a, b in pairs:
        cand = Candidate(L.MEETING, hosts, guests, a, b, verb, verb, confidence=L.CONF_SPECIFIC_PATTERN,
                         main=syntax.is_main(verb), symmetric=True)
        out += [cand, cand.mirrored()]
    return out
