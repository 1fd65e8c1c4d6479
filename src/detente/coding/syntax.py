"""Pure functions over a spaCy dependency parse: subjects, objects, governors, modality, negation.

Every function takes tokens of a parsed sentence (spaCy's ``Token``; ClearNLP
dependency labels as produced by ``en_core_web_sm``) and returns tokens or plain
values; none keeps state. Functions that need a word's lemma take ``lemma``, a
function from a token to its lower-case lemma (:func:`detente.coding.nlp.lemma`
bound to the pipeline's lemmatizer), because the pipeline runs without spaCy's own
lemmatizer (see :mod:`detente.coding.nlp`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from detente.coding import governors as G
from detente.coding import patterns as P
from detente.coding.lexicon import (
    ALLEGATION_VERBS,
    INTENT_NOUNS,
    KIND_NOUNS,
    LABEL_VERBS,
    MEDIATE,
    PERSON_PRONOUNS,
    QUANTITY_WORDS,
    RELATIVE_PRONOUNS,
    RELIEF_CARRIERS,
    RELIEF_MODIFIERS,
    SUBJECT_CLIMB_DEPS,
    SUBORDINATORS,
    TARGET_PREP_RANK,
    THING_PRONOUNS,
    TIME_WORDS,
    VOICING_VERBS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Lemma = Callable[["Token"], str]
"""A token's lower-case lemma."""

PREDICATES = frozenset(
    P.VERB_LEMMAS | LABEL_VERBS | G.CONSIDER_VERBS | G.THREAT_VERBS | G.INTENT_VERBS | G.REFUSAL_VERBS
    | G.REQUEST_VERBS | G.DEMAND_VERBS | G.FAIL_VERBS | G.ATTEMPT_VERBS
)
"""Every verb lemma the coder looks at: event verbs and the verbs that govern them."""


# -- text of a parsed sentence -------------------------------------------------------------------

_TEXT_KEY = "detente.text"
"""Where a parse keeps its text (in ``Doc.user_data``): (its length in tokens, the text)."""


def text_of(sdoc: Doc) -> str:
    """`sdoc.text`, kept on the parse: spaCy rebuilds the string from the tokens on every access.

    The text lives in the Doc's own ``user_data`` (:func:`keep_text`), so it is found for as
    long as the parse lives: the rules and the span chooser, which reads a block's parses
    after all of them are coded, each find it (a cache of recent parses by ``id`` missed
    for the chooser on any block larger than the cache). It is stored with the parse's
    length, so that a Doc made from part of another, and given a copy of its ``user_data``,
    rebuilds its own.
    """
    data = getattr(sdoc, "user_data", None)
    if data is None:  # not a Doc (a Span): nowhere to keep it
        return sdoc.text
    hit = data.get(_TEXT_KEY)
    if hit is not None and hit[0] == len(sdoc):
        return hit[1]
    text = sdoc.text
    data[_TEXT_KEY] = (len(sdoc), text)
    return text


def keep_text(sdoc: Doc, text: str) -> None:
    """Record the text a Doc was parsed from (the same string `sdoc.text` would rebuild)."""
    sdoc.user_data[_TEXT_KEY] = (len(sdoc), text)


# -- small predicates ---------------------------------------------------------------------------


def same(a: Token | None, b: Token | None) -> bool:
    """Token identity (spaCy makes a new Token object on every access, so `is` never works)."""
    return a is not None and b is not None and a.i == b.i


def is_time_word(tok: Token) -> bool:
    """"Monday", "week", "2019": a time, not a participant."""
    return tok.lower_ in TIME_WORDS or tok.like_num


def is_pronoun(tok: Token) -> bool:
    """A personal, impersonal or relative pronoun."""
    return tok.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | RELATIVE_PRONOUNS


def has_actor_child(tok: Token) -> bool:
    """A noun with a possessor or modifier that may name an actor ("Russia's exports")."""
    return any(c.dep_ in ("poss", "amod", "compound") for c in tok.children)


def token_at(sdoc: Doc, char: int) -> Token | None:
    """The token covering character offset `char`."""
    for tok in sdoc:
        idx = tok.idx
        if idx > char:  # tokens are in text order: none further on covers it
            return None
        if char < idx + max(1, len(tok.text)):
            return tok
    return None


def gerund_is_act(verb: Token) -> bool:
    """A gerund codes an act only as a means ("by offering ..."), a main verb or a progressive."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "ROOT":
        return True
    if verb.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in verb.children):
        return True  # an absolute construction with its own subject: "..., with Chile and Peru signing a pact"
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "before"):
        return True
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        return verb.i < verb.head.i or verb.head.lower_ in ("by",)
    return False


def negated(verb: Token) -> bool:
    """"did not", "never": a negation on the verb or its auxiliary."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
            return True
    return False


def is_main(verb: Token) -> bool:
    """The verb is the sentence's main predicate (or conjoined with it)."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ROOT"


# -- governors: "threatened [to attack]" --------------------------------------------------------


def governor_kind(lemma_: str) -> str | None:
    """The modality a governing verb gives the act under it ("threaten" -> threat), or None."""
    for kind, verbs in (
        ("threat", G.THREAT_VERBS), ("refusal", G.REFUSAL_VERBS), ("request", G.REQUEST_VERBS),
        ("demand", G.DEMAND_VERBS), ("consider", G.CONSIDER_VERBS), ("intent", G.INTENT_VERBS),
        ("fail", G.FAIL_VERBS), ("attempt", G.ATTEMPT_VERBS),
    ):
        if lemma_ in verbs:
            return kind
    return None


def complement(child: Token, lemma: Lemma) -> bool:
    """Whether a verb is the "to" clause its head governs: an xcomp, or an infinitive the parser hangs as an adverbial
    clause on a verb of pledge (:data:`~detente.coding.governors.PLEDGE_VERBS`) that has no object or complement of its
    own ("have *committed to begin* the exchange of embassies", "*offered* on Monday *to host* talks"), with no subject
    or subordinator of its own (not "pledged $5 million to aid X", whose "to" clause says what the sum is for).

    Choices: only pledge verbs; the other governing verbs (requests, threats) keep the parser's reading, as their
    adverbial "to" clauses are as often purposes ("called a meeting to discuss"). Session 15 (predicates15; page mode,
    every development file pooled, news_dev8 d-e left out, 6,593 gold events): right +4, wrong +0 (news_dev2 b,
    news_dev7 d: "committed to" pledges the parser's advcl had lost), P 0.6433 -> 0.6437, R 0.3387 -> 0.3393, F1
    0.4438 -> 0.4444; PLOVER 0.640 unchanged."""
    if child.dep_ == "xcomp":
        return True
    head = child.head
    return (child.dep_ == "advcl" and child.tag_ == "VB" and head.i < child.i and lemma(head) in G.PLEDGE_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in head.children))


def governed_child(verb: Token, lemma: Lemma) -> Token | None:
    """The xcomp verb this verb governs as a modality ("threatened [to attack]") when that verb carries the act
    (:func:`carries`): the governing verb then codes nothing of its own.

    Choices: under a verb of pledge (:data:`~detente.coding.governors.PLEDGE_VERBS`: "agreed to", "promised to")
    the governed verb carries the act only when its clause matches a pattern of the verb table
    (:func:`clause_pattern`), not whenever its verb has some pattern (as up to session 11): "agreed to *close*
    the factory" is coded as "agreed to *build* a factory" is, by the pledge verb (a pledge of an act without a
    pattern, 030, each party with the other), so that a verb the table gains for one object ("reopen the
    embassy") changes nothing where it governs another; the governed verb then leaves the act to its governor
    (:func:`detente.coding.candidates.verbal`), so it is coded once. Under the other governing verbs ("threatened
    to", "refused to", "urged X to") a governed verb with a pattern carries the act even when none matches: their
    act (130, 120, 02/10) is read with the governed verb's own arguments (whom the ambassador is ordered to
    leave, whom X is urged to stop), which the governing verb alone does not have (tried in session 12 for every
    governing verb: on the development sets 4 right events more but 16 wrong ones, from requests and orders)."""
    if not governor_kind(lemma(verb)):
        return None
    pledge = lemma(verb) in G.PLEDGE_VERBS
    for child in verb.children:
        if complement(child, lemma) and child.tag_.startswith("VB") and carries(child, lemma, matched=pledge):
            return child
    return None


def carries(verb: Token, lemma: Lemma, *, matched: bool = True) -> bool:
    """Whether a verb under a governing verb carries the act: a label verb ("refused to *call* it a genocide"),
    a verb of the verb table (with `matched`, only when its own clause matches one of its patterns:
    :func:`clause_pattern`), or one that governs such a verb in turn ("agreed to *begin* withdrawing troops")."""
    inner = lemma(verb)
    if inner in LABEL_VERBS or inner in P.VERB_LEMMAS and (not matched or clause_pattern(verb, lemma) is not None):
        return True
    return governed_child(verb, lemma) is not None


def clause_pattern(verb: Token, lemma: Lemma) -> P.Pattern | None:
    """The verb table's pattern a verb's clause matches (:func:`detente.coding.patterns.match`): its lemma, its
    particles and prepositions (:func:`preps`) and its objects' noun families (:func:`object_families`), or
    None. The coder's reading of a verb adds a few families of its own (a listing verb's list, a projectile's
    aim); this is the table's plain reading."""
    usual, other = object_families(objects(verb), lemma)
    return P.match(lemma(verb), preps(verb), usual, other)


def object_families(objs: list[Token], lemma: Lemma) -> tuple[set[str], set[str]]:
    """(usual, other) noun families of a verb's objects, each read with its own modifiers
    (:func:`detente.coding.patterns.object_families`: "a *general* strike" is a walkout)."""
    usual: set[str] = set()
    other: set[str] = set()
    for obj in list(objs):
        if obj.lower_ in KIND_NOUNS:  # "a state of siege": the kind is the object
            objs = objs + [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
    for obj in objs:
        mods = [c.lower_ for c in obj.children if c.dep_ in ("amod", "compound", "nmod") and c.i < obj.i]
        if lemma(obj) in RELIEF_CARRIERS and RELIEF_MODIFIERS.intersection(mods):
            usual.add("relief")  # "rescue teams", "medical supplies", "a humanitarian convoy"
            continue
        first, rest = P.object_families(lemma(obj), mods)
        usual |= first
        other |= rest
    return usual, other - usual


def governor(verb: Token, lemma: Lemma) -> tuple[str | None, Token | None]:
    """The modality verb above `verb` ("promised" in "promised to sanction"), with its kind."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and node.head.tag_.startswith("VB"):
        node = node.head  # "agreed to open its borders and grant asylum"
    while complement(node, lemma) and node.head.i != node.i:
        head = node.head
        kind = governor_kind(lemma(head))
        if kind:
            return kind, head
        node = head
    return None, None


def intent_noun(verb: Token, lemma: Lemma) -> Token | None:
    """The noun of intent, threat or refusal whose "to" clause `verb` heads ("readiness *to mediate*",
    "its threat *to cut* gas supplies"), or None."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i == verb.i or noun.lower_ not in INTENT_NOUNS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if noun.dep_ in ("nsubj", "nsubjpass") or (noun.dep_ == "dobj" and lemma(noun.head) in VOICING_VERBS):
        return noun  # "expressed its readiness to ...", "Russia's threat to ... alarmed": the owner's
    return None  # "demanded that the US cancel plans to sell": the plans are another's topic


# -- arguments of a verb --------------------------------------------------------------------------


def preps(verb: Token) -> set[str]:
    """Particles and prepositions on a verb ("met *with*", "pulled *out*"), not those of a time ("on Tuesday")."""
    out = set()
    for child in verb.children:
        if child.dep_ not in ("prt", "prep", "agent"):
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lower_ in TIME_WORDS and pobj.lower_ != "may":
            continue  # "called Putin on Tuesday" is no "call on"
        out.add(child.lower_)
    return out


def prep_object(verb: Token, prep: str) -> Token | None:
    """The object of a preposition `prep` hanging off `verb` ("called *on* X" -> X), or None."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def objects(verb: Token) -> list[Token]:
    """Object nouns of a verb: direct objects, objects of its prepositions, passive subjects."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            out.append(child)
            out.extend(c for c in child.conjuncts)
        elif child.dep_ in ("prep", "prt") and not _as_part_of(child) and child.lower_ not in ABSENCE_PREPS:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        out.append(verb.head)  # "sanctions imposed by ..."
    for obj in list(out):  # "part of the aid programme", "some of the sanctions": the real object, in its place
        if obj.lower_ in QUANTITY_WORDS:
            real = [c for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for c in prep.children if c.dep_ == "pobj"]
            if real and not any(c.dep_ == "compound" for c in obj.children):  # "a package *of sanctions*": not aid
                out = [o for o in out if o.i != obj.i] + real
    extra = []
    for obj in out:  # "sanctions relief", "peace talks": look at the compound's head and its modifiers
        extra.extend(c for c in obj.children if c.dep_ in ("compound", "amod"))
    return out + extra


ABSENCE_PREPS = frozenset({"without"})
"""Prepositions whose object is what the act lacks ("the talks ended *without agreement*", "left *without a
deal*"): no object of the verb, whose pattern it would choose. Session 25 (misses25: "ended without agreement" was
read as ending an agreement)."""


def _as_part_of(prep: Token) -> bool:
    """Whether a preposition opens "as part of X", which frames the act in a larger one ("agreed to normalise
    relations *as part of a deal brokered by the US*"): X is no object of the verb, nor are its actors sides."""
    return prep.lower_ == "as" and any(c.dep_ == "pobj" and c.lower_ == "part" for c in prep.children)


def subject(verb: Token, lemma: Lemma) -> tuple[Token | None, bool, Token | None]:
    """(subject, passive?, agent) of a verb, climbing through xcomp/conj/advcl to find one."""
    node = verb
    for _ in range(6):
        subj = None
        passive = False
        agent = None
        for child in node.children:
            if child.dep_ in ("nsubj", "csubj", "expl") and subj is None:
                subj = child
            elif child.dep_ == "nsubjpass":
                subj, passive = child, True
            elif child.dep_ == "agent":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.i == verb.i:
            return node.head, True, agent
        if subj is None and node.i != verb.i and verb.dep_ == "xcomp" and verb.head.i == node.i and (
                lemma(node) in G.CAUSATIVE_VERBS):  # "..., prompting Taipei to accuse Beijing": Taipei accuses
            obj = next((c for c in node.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, False, None
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                subj = coordination_of(node.head, subj)
            elif subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "ccomp" and lemma(node.head) == "be":
                subj = next((c for c in node.head.children if c.dep_ == "attr"), subj)  # "it was X that ..."
            controls = lemma(node) in G.REQUEST_VERBS | G.DEMAND_VERBS | G.CAUSATIVE_VERBS  # object control
            if node.i != verb.i and verb.dep_ == "xcomp" and controls:
                obj = next((c for c in node.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj, False, None
            if passive and node.i != verb.i:
                passive = False
            if node.i != verb.i and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj") and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children
            ) and not any(c.dep_ in ("aux", "auxpass") for c in node.children if verb.dep_ == "conj"):
                return subj, True, agent  # "Once denounced as ..., the US is ...": the subject is the patient
            return subj, passive, agent
        if passive or agent is not None:
            return None, True, agent
        if node.i == verb.i and (misparsed := _subject_read_as_object(verb)) is not None:
            return misparsed, False, None
        if node.dep_ == "pcomp" and node.head.lower_ == "from":
            controller = next((c for c in node.head.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller, False, None
        if node.dep_ in SUBJECT_CLIMB_DEPS and node.head.i != node.i:
            node = node.head
            while node.dep_ in ("prep", "pcomp", "mark") and node.head.i != node.i:
                node = node.head
            continue
        break
    return None, False, None


def coordination_of(antecedent: Token, pronoun: Token) -> Token:
    """The antecedent of a non-restrictive relative pronoun written after a coordination ("A and B, *who*
    mediated ..."): the parser hangs the clause on the last conjunct, but the comma before the pronoun
    sets it on the whole coordination, so the first conjunct (whose conjuncts are the others) is returned;
    any other antecedent is returned as it is. English puts a non-restrictive relative clause after its
    whole noun phrase (Huddleston & Pullum 2002, ch. 12), and the comma marks it. (No sentence of the
    pooled development sets changes with it; it gives each of "the AU and the UN, who mediated the talks
    between A and B" its mediation.)"""
    if antecedent.dep_ != "conj" or pronoun.i == 0 or pronoun.nbor(-1).text != "," or pronoun.nbor(-1).head.i != antecedent.i:
        return antecedent
    first = antecedent
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first


def _subject_read_as_object(verb: Token) -> Token | None:
    """The subject of a finite subordinate clause the parser split at its conjunction: in "sirens sounded as
    Iran launched drones at Israel" it may read "as Iran" as a preposition with its object and "launched" as a
    clause without a subject; the object is the subject (:data:`~detente.coding.lexicon.SUBORDINATORS`).
    Only right before the verb, with no punctuation between."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.head.i == verb.i:
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in SUBORDINATORS or not prep.i < verb.i:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and prep.right_edge.i < verb.i and not any(
                t.is_punct for t in verb.doc[prep.i:verb.i]):
            return pobj
    return None


HELP_NOUNS = frozenset({"help", "mediation", "assistance", "support", "auspices", "aegis", "facilitation",
                        "intermediary", "intercession"})
"""Nouns of "with the help / under the auspices of X": X is a mediator or helper
(:mod:`detente.coding.mediation` codes it), never the verb's partner, so :func:`target_token` skips
such a noun after "with" (:func:`_helper`: "exchanged prisoners *with the help of* C": no act toward C)."""


def _helper(tok: Token) -> bool:
    """Whether `tok` is a help noun after "with" ("*with the help* of C", "with the support of C"): a helper
    or mediator, not the partner that "with" names elsewhere ("agreed *to US mediation*" is the act's object).
    No event of the pooled development sets changes with it; PLOVER's output stays as it was."""
    return tok.dep_ == "pobj" and tok.lower_ in HELP_NOUNS and tok.head.lower_ == "with"


PARTNER_PREPS = frozenset({"with", "against", "on"})
"""Prepositions on an act noun that name whom the act is with or against ("a ceasefire *with* X")."""
ACT_PREPS = frozenset({"to", "on", "in"})
"""Prepositions of a verb that take the act itself ("agreed *to* a ceasefire", "engaged *in* talks"), whose
partner is the target; not a cause ("*over* their ties with Israel")."""


def target_token(verb: Token, objs: list[Token], source_tok: Token | None, lemma: Lemma) -> Token | None:
    """The target of a verb.

    In order: the parties of a mediation ("a mediation effort between A and B"); a
    direct object that names an actor ("criticised Russia"); the object
    of a targeting preposition on the verb ("met with", "sanctions against"); the
    object of such a preposition on the verb's object ("imposed sanctions on");
    an object whose modifiers name an actor ("blocked Russia's exports"); the
    subject of a reported clause ("said that Trump ...").
    """
    between = _mediated_parties(verb, objs, lemma)
    if between is not None:
        return between
    objs = [o for o in objs if not _helper(o)]  # "with the help of C": no partner
    children = list(verb.children)
    direct = []
    for c in children:
        if c.dep_ in ("dobj", "dative", "oprd") and not same(c, source_tok):
            if c.pos_ == "ADP" or c.tag_ in ("IN", "TO"):  # "offered to US a regiment"
                c = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c is None:
                    continue
            direct.append(c)
    for child in direct:
        if P.family(lemma(child)) is None:
            return child
    on_verb = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in TARGET_PREP_RANK]
    on_verb.sort(key=lambda c: TARGET_PREP_RANK[c.lower_])  # stable: in sentence order within a word
    for child in on_verb:
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is not None and not same(pobj, source_tok) and not is_time_word(pobj) and not _helper(pobj):
            if child.lower_ in ACT_PREPS and P.family(lemma(pobj)) is not None:  # "agreed to a ceasefire *with X*"
                inner = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                              for g in c.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    return inner
            return pobj
    for obj in objs:
        obj_preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREP_RANK and c.lower_ != "of"]
        obj_preps.sort(key=lambda c: TARGET_PREP_RANK[c.lower_])
        for child in obj_preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in direct:  # "supported Putin's invasion of Ukraine": the possessor first
        if has_actor_child(child) and not _named_after_convener(child, lemma):
            return child
    for obj in objs:  # then "of": "lifted its blockade of Yemen"
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    for child in verb.children:  # "said that X ...": the subject of the reported clause
        if child.dep_ == "ccomp":
            subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def sued_party(verb: Token, objs: list[Token]) -> Token | None:
    """The party a legal action is brought against ("filed a complaint *against China* at the WTO", "a case filed with
    the ICJ *against Israel*"), from an "against" phrase on the action's noun or on the verb, or None: the court or body
    the action is brought to ("at", "with", "before") is where it is heard, not whom it is brought against (CAMEO 115,
    bring lawsuit against). Session 26 (misses26)."""
    for holder in (*objs, verb):
        against = prep_object(holder, "against")
        if against is not None:
            return against
    return None


def _named_after_convener(obj: Token, lemma: Lemma) -> bool:
    """Whether a direct object is a gathering named after its convener ("attended *the G20 summit*", "joined the
    *ASEAN* talks"): the modifier says whose gathering it is, not whom the verb's subject meets there, so it is
    no target. A pair in the modifier ("the *US-China* talks", "*Russia and Ukraine* talks") still names the
    partners, and a possessor ("attended *Putin's* summit") its host. Pooled development sets (page mode,
    news_dev6 d-e left out), session 13: right 0, wrong -4 +2 (news_dev2 e, news_dev4 e), F1 0.4723 -> 0.4725,
    P 0.6704 -> 0.6712, no-event uncoded and PLOVER unchanged."""
    if P.family(lemma(obj)) != "talks" or any(c.dep_ == "poss" for c in obj.children):
        return False  # "attended Putin's summit": the host's own, met there
    doc = obj.doc
    paired = any(t.lower_ in ("-", "and", "–") or t.dep_ == "cc" for t in doc[obj.left_edge.i:obj.i])
    return not paired


MEDIATION_VERBS = frozenset({"mediate", "broker"})
"""Verbs whose own meaning is mediation (CAMEO 045, the pattern table's "mediate|broker")."""


def _mediated_parties(verb: Token, objs: list[Token], lemma: Lemma) -> Token | None:
    """The parties of a mediation, "between A and B" on the verb ("mediated between ...") or on its
    object ("launched a mediation effort between ..."): CAMEO codes a mediation (045) toward each party
    (the conjuncts of the returned token). A verb of mediation (:data:`MEDIATION_VERBS`) mediates
    whatever it brokers between them: "brokered a prisoner exchange between A and B"."""
    if lemma(verb) in MEDIATION_VERBS:  # "brokered a prisoner exchange between A and B": with each party
        holders = [verb, *(o for o in objs if o.dep_ == "dobj")]  # not "mediate in a dispute between ..."
    else:
        pattern = P.match(lemma(verb), preps(verb), {"mediation"})
        if pattern is None or pattern.obj != "mediation" or pattern.code != MEDIATE:
            return None  # "criticised the mediation between A and B": the mediation is criticised, not A and B
        holders = [o.head if o.dep_ in ("compound", "amod") else o for o in objs if P.family(lemma(o)) == "mediation"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def patient(verb: Token, source_tok: Token | None) -> Token | None:
    """Best guess at what a verb acts on: its direct object, else a targeting preposition's object."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and not same(child, source_tok):
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREP_RANK:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and not is_time_word(pobj) and not same(pobj, source_tok):
                return pobj
    return None


# -- reported speech and modality -----------------------------------------------------------------


def speech_verb(verb: Token, lemma: Lemma) -> Token | None:
    """The speech verb whose reported clause holds `verb`, if any."""
    node = verb
    for _ in range(3):
        if node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
            head = node.head
            if lemma(head) in G.SPEECH_VERBS:
                return head
            node = head
        else:
            break
    return None


def speech_subject(verb: Token, lemma: Lemma) -> Token | None:
    """The subject of the speech verb whose reported clause holds `verb`, if any."""
    head = speech_verb(verb, lemma)
    return subject(head, lemma)[0] if head is not None else None


def speaker_of_clause(tok: Token, lemma: Lemma) -> Token | None:
    """For a pronoun subject of a clause under a speech verb ("X said it would ..."), X."""
    clause = tok.head
    for _ in range(3):
        if clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
            head = clause.head
            if lemma(head) in G.SPEECH_VERBS:
                return next((c for c in head.children if c.dep_ in ("nsubj",)), None)
            clause = head
        else:
            break
    return None


def main_subject_before(tok: Token) -> Token | None:
    """The subject of the sentence's main verb when it comes before `tok` and is a noun
    (not a pronoun): the likeliest antecedent of a subject pronoun in a later clause
    ("The Taliban rejected talks, saying it will only negotiate with ...")."""
    root = tok
    while root.head.i != root.i:
        root = root.head
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i >= tok.i or is_pronoun(subj) or subj.tag_ in ("PRP", "PRP$", "WP", "EX", "DT"):
        return None
    return subj


def clause_modality(verb: Token, gov: Token | None, source_tok: Token | None, lemma: Lemma) -> str | None:
    """The modality the clause gives an act: conditional, reported, attributed, possible, intent-future or None.

    "if"/"unless" clauses are `conditional`. A clause under a speech verb whose subject
    is someone other than the act's source is `reported` when the verb presents a
    claim (:data:`~detente.coding.lexicon.ALLEGATION_VERBS`: "claimed", "alleged") and
    `attributed` otherwise ("said", "told": attributed fact, coded as asserted); the same
    speaker with "will"/"would" is a stated intention, `intent-future`. "may/might/
    could/would/should/can" make it `possible`; "will/shall" `intent-future`.
    """
    node = gov if gov is not None else verb
    aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
        return "conditional"
    anc = node
    while anc.head.i != anc.i:
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anc.children):
            return "conditional"
        if anc.dep_ in ("ccomp", "xcomp") or (anc.dep_ == "conj" and anc.head.dep_ == "ccomp"):
            head = anc.head if anc.dep_ != "conj" else anc.head.head
            if lemma(head) in G.SPEECH_VERBS:
                hsubj, _, _ = subject(head, lemma)
                if hsubj is None or hsubj.lower_ in ("i", "we", "you", "one"):
                    break
                speaker_is_source = source_tok is not None and (
                    hsubj.i == source_tok.i or (source_tok.lower_ in THING_PRONOUNS | PERSON_PRONOUNS)
                    or any(c.dep_ == "poss" and c.lower_ in THING_PRONOUNS | PERSON_PRONOUNS
                           for c in source_tok.children)  # "X said *his* government would ..."
                )
                if speaker_is_source and aux & (G.FUTURE_AUX | {"would"}):
                    return "intent-future"
                if aux & G.FUTURE_AUX and lemma(head) not in ALLEGATION_VERBS:
                    return "intent-future"  # "officials said France will not lift the ban": an intention, attributed
                if aux & G.MODAL_AUX:
                    return "possible"
                return "reported" if lemma(head) in ALLEGATION_VERBS else "attributed"
            if anc.dep_ == "ccomp" and lemma(head) != "be":  # a cleft ("it was X that ...") reads on
                break
        anc = anc.head
    if aux & G.MODAL_AUX:
        return "possible"
    if aux & G.FUTURE_AUX:
        return "intent-future"
    return None


_NP_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "prep", "acl", "amod", "poss", "case", "pobj", "nmod"})
"""Right dependents that stay inside a noun phrase (its name and post-modifiers)."""


def right_of_name(tok: Token) -> int:
    """Index of the last token of a name that continues after its head ("Otto Perez Molina")."""
    right = tok.i
    for child in tok.rights:
        if child.i == right + 1 and child.dep_ in ("compound", "flat", "nummod"):
            right = child.i
    return right


def right_edge(tok: Token) -> int:
    """Last token of the noun phrase headed by `tok`: its name and post-modifiers
    ("Hackers linked to the Iranian government", "The president of Kosovo"), but not a
    relative clause, an apposition or anything after a comma."""
    right = right_of_name(tok)
    common = tok.tag_ in ("NN", "NNS")
    for child in tok.rights:
        if child.dep_ not in _NP_RIGHT_DEPS:
            break
        if not common and not (child.dep_ == "prep" and child.lower_ == "of"):
            break  # a name ends with the name ("Evo Morales"), or "of ..." ("The Office of the President")
        if any(t.is_punct and t.text in ",;:()–—-" for t in tok.doc[right + 1:child.i]):
            break
        right = max(right, child.right_edge.i)
    while right > tok.i and tok.doc[right].is_punct:
        right -= 1
    return right


def clause_verb(noun: Token) -> Token | None:
    """The verb whose clause a noun phrase stands in (up the heads, at most 8 steps), or None."""
    node = noun
    for _ in range(8):
        if node.tag_.startswith("VB") or node.head.i == node.i:
            return node if node.tag_.startswith("VB") else None
        node = node.head
    return None
