"""Where an event's two sides are written: which phrase annotators mark as source and target.

Who-did-what-to-whom annotation (ConfliBERT's dyad task, and the CoNLL spans
`detente code eval` reads) marks whole noun phrases, and marks things as well as
actors as targets, so these spans are not the registry mentions. This module decides
which phrase each side is (reported speech, recipients, the purpose of an act, things
that are no target, ...); :mod:`detente.coding.extents` decides how far a phrase
reaches. The rules are described in docs/explanation/coding.md ("Spans in sentence
mode"); they change spans only, never the coded events. Offsets are within the sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from detente.coding import governors as G
from detente.coding import patterns as P
from detente.coding import syntax
from detente.coding.extents import PRONOUNS, full_span, phrase_span, tidy  # noqa: F401 (PRONOUNS: the coder's)
from detente.coding.lexicon import (
    ACT_NOUNS,
    GIVE_VERBS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    QUANTITY_WORDS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    VOICE_VERBS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.coding.arg import Arg

def names_actor(tok: Token, lemma: syntax.Lemma) -> bool:
    """Whether a noun names a person, group or state: a proper name, a role noun, or a
    generic sector noun (``actors/data/sector_nouns.yaml``: "police", "opposition
    supporters", "thousands of demonstrators"), so that "Police arrested opposition
    supporters in Abuja" has the supporters as target, not the place."""
    if tok.tag_ in ("NNP", "NNPS"):
        return True
    if tok.tag_ in ("NN", "NNS"):
        from detente.coding.sector_words import sector_of
        from detente.ontology import role_for_noun

        lemma_ = lemma(tok)
        return role_for_noun(lemma_) is not None or lemma_ in PEOPLE_NOUNS or sector_of(tok, lemma) is not None
    return False


def actor_like(arg: Arg, lemma: syntax.Lemma) -> bool:
    """Whether a noun phrase names an actor (not a theme such as "the ban" or a pronoun)."""
    tok = arg.token
    if tok.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | RELATIVE_PRONOUNS:
        return False
    if any(not a.fallback for a in arg.actors):
        return True
    if tok.tag_ in ("NN", "NNS"):
        from detente.ontology import role_for_noun

        if role_for_noun(tok.lower_) is not None:
            return True
    return names_actor(tok, lemma)


def through_event_noun(tok: Token, verb: Token, lemma: syntax.Lemma) -> Token:
    """For "launched an operation against X", "carried out strikes on X", "filed a lawsuit
    against X": X (the object names the act, not who it is done to)."""
    if tok.lower_ not in ACT_NOUNS and P.family(lemma(tok)) not in ("attack",):
        return tok
    for head in (tok, verb):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("against", "on", "upon", "at", "targeting"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and not syntax.is_time_word(pobj):
                    return pobj
    for child in verb.children:  # "carried out a raid, targeting X"
        if child.dep_ in ("advcl", "xcomp") and child.lower_ in ("targeting", "target", "hitting"):
            dobj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if dobj is not None:
                return dobj
    return tok


_HAND_BACK_VERBS = frozenset("return restore repatriate".split())
"""Verbs of handing back: like giving, the target is who gets it ("returned two paintings to Brazil")."""


def through_theme(tok: Token, verb: Token, lemma: syntax.Lemma) -> Token:
    """From what is given or voiced to whom or what it concerns: "provided 6 million
    euros to X", "donated supplies to X" -> X (the recipient); "expressed pessimism about
    X", "voiced concern over X", "expressed condolences to X" -> X; "expressed hope that
    X will ..." -> X (the subject of the clause the feeling holds)."""
    if tok.dep_ != "dobj" or tok.head.i != verb.i or names_actor(tok, lemma):
        return tok
    verb_lemma = lemma(verb)
    if verb_lemma in GIVE_VERBS or verb_lemma in _HAND_BACK_VERBS:
        preps, holders = ("to", "for"), (verb, tok)
    elif verb_lemma in VOICE_VERBS:
        preps, holders = ("to", "about", "over", "regarding", "on", "in", "with", "for", "at"), (tok, verb)
        for clause in (c for c in tok.children if c.dep_ in ("ccomp", "acl", "relcl")):
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not syntax.is_pronoun(subj) and subj.lower_ not in RELATIVE_PRONOUNS:
                return subj
    else:
        return tok
    for word in preps:
        for head in holders:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == word:
                    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None and not syntax.is_time_word(pobj) and not pobj.tag_.startswith("VB"):
                        return pobj
    return tok


_TOWARD_PREPS = ("on", "against", "to", "toward", "towards", "for", "by", "from", "with", "into", "in", "between")
"""Prepositions, in order of preference, whose object can be whom a thing-like target is
aimed at or comes from ("sanctions imposed on Eritrea", "accusations by the US",
"demands from the association", "a ceasefire in Tripoli", "mediation efforts between
Albanian separatists"); never "of", whose object
belongs to the thing ("an arms depot of the Syrian army")."""
_FORCE_VERBS = frozenset(
    "attack strike storm bomb shell raid hit ambush seize capture target overrun shoot fire besiege "
    "bombard blockade destroy burn torch occupy invade surround".split()
)
"""Verbs of force: a place they hit is the target itself ("attacked an army base in
Kandahar"), so "in" does not lead from it to the place around it."""
_SITE_NOUNS = frozenset(
    "base bases position positions target targets camp camps post posts checkpoint checkpoints airport port "
    "village villages town city area areas region building buildings headquarters facility facilities depot "
    "hospital school prison resort station stronghold bastion convoy vehicle ship".split()
)
"""Places and things that force is used on: they are targets in their own right, so "in"
does not lead past them ("PKK targets stationed in northern Iraq")."""
_ASK_NOUNS = frozenset("request requests offer offers proposal proposals invitation invitations".split())
"""Requests and offers keep who made them inside the target ("a request by Mr. X")."""
_CLAUSE_ON_THING = frozenset({"acl", "relcl"})
_MEASURE_NOUNS = frozenset(
    "curfew siege blockade ceasefire truce emergency lockdown boycott embargo cessation".split()
)
"""Measures that hold over a place or party: the target is where or whom they hold on
("a curfew in parts of Kashmir", "its blockade of the U.K."), whether or not it names an actor."""


_MISSION_NOUNS = frozenset("force forces mission operation operations contingent".split())
_MISSION_WORDS = frozenset("peacekeeping stabilization stabilisation security monitoring observer".split())
"""A multinational mission ("the UN peacekeeping force in Somalia", "the NATO-led security
force in Afghanistan") is marked by the country it is in."""


def toward_actor(tok: Token, verb: Token, lemma: syntax.Lemma) -> Token:
    """Span convention *whom a thing is aimed at*: when the target phrase names a thing
    rather than an actor ("lifted sanctions imposed on Eritrea", "rejected accusations by
    the US of ...", "declared a ceasefire in Tripoli", "returned two paintings to the
    government of Brazil"), annotators mark the actor or place the thing is aimed at or
    comes from. The recipient on the verb is tried first, then prepositional phrases
    inside the thing's phrase (through a participle: "imposed on", "lodged by"), in the
    order of :data:`_TOWARD_PREPS`. `tok` itself when it names an actor or nothing
    actor-like hangs off it. Things hit by force stay targets ("an army base"); a
    multinational mission leads to the country it is in (:data:`_MISSION_NOUNS`)."""
    if lemma(tok) in _MISSION_NOUNS and any(
        t.lower_ in _MISSION_WORDS or t.tag_ in ("NNP", "NNPS") for t in tok.subtree if t.i < tok.i
    ):  # "contribute troops to the UN peacekeeping force in Somalia": where the mission is
        where = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
        place = next((c for c in where.children if c.dep_ == "pobj"), None) if where is not None else None
        if place is not None and not syntax.is_time_word(place):
            return place
    if names_actor(tok, lemma) or tok.tag_ in ("PRP", "PRP$", "CD"):
        return tok
    if lemma(tok) in _MEASURE_NOUNS:  # "imposed a curfew in parts of Kashmir": the place it holds in
        held = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "on", "of", "against")), None)
        pobj = next((c for c in held.children if c.dep_ == "pobj"), None) if held is not None else None
        if pobj is not None and not syntax.is_time_word(pobj):
            return pobj
    force = _force_on(tok, verb, lemma)
    asked = lemma(tok) in _ASK_NOUNS
    preps = tuple(p for p in _TOWARD_PREPS if not (force and p == "in") and not (asked and p in ("by", "from")))
    if tok.head.i == verb.i and tok.dep_ in ("dobj", "dative"):
        found = _actor_under(verb, preps, lemma, depth=1)
        if found is not None:
            return found
    found = _actor_under(tok, preps, lemma, depth=3)
    return found if found is not None else tok


def _force_on(tok: Token, verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether `tok` is hit by force: the verb is one of force, or the noun an act of
    force or a place force is used on."""
    noun = lemma(tok)
    return lemma(verb) in _FORCE_VERBS or noun in _SITE_NOUNS or P.family(noun) == "attack" or tok.lower_ in ACT_NOUNS


def _named_modifier(tok: Token) -> bool:
    """A possessor ("the government's demand") or a modifier that is a name ("American
    products", "Russia's exports")."""
    return any(
        (c.dep_ == "poss" and c.tag_ != "PRP$") or (c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper())
        for c in tok.children
    )


def _actor_under(head: Token, preps: tuple[str, ...], lemma: syntax.Lemma, depth: int) -> Token | None:
    """The first actor-naming object of one of `preps` below `head`, nearest first, by
    preposition preference, going through nested phrases and participles up to `depth`."""
    frontier = [head]
    for _ in range(depth):
        found: list[tuple[int, int, Token]] = []
        nxt: list[Token] = []
        for node in frontier:
            for child in node.rights:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        if syntax.is_time_word(pobj):
                            continue
                        if names_actor(pobj, lemma) or _named_modifier(pobj) or pobj.text[:1].isupper():
                            found.append((preps.index(child.lower_), pobj.i, pobj))
                        nxt.append(pobj)
                elif child.dep_ == "prep" and child.lower_ in ("of", "as"):  # "personnel such as doctors to X"
                    nxt.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "conj":  # "supplies and personnel such as doctors to Nepal"
                    nxt.append(child)
                elif child.dep_ in _CLAUSE_ON_THING and child.tag_ in ("VBN", "VBG"):
                    nxt.append(child)
        if found:
            return min(found)[2]
        frontier = nxt
    return None


def source_span(arg: Arg, lemma: syntax.Lemma, *, conjuncts: bool | None = None) -> tuple[int, int]:
    """The source's span as annotators mark it: the whole noun phrase with appositions
    ("Zabihullah Mujahid, the Taliban spokesman"), or for "it"/"he" under "X said", X's,
    else the main clause's subject before it (span convention *pronoun sources*);
    with `conjuncts` false, the first of conjoined sources only; by default (None) the
    first when the sources are separate actors (named conjuncts or a list of three or
    more: "Germany, Russia and Sweden provided ..."), else the whole coordination
    ("Yemeni army and allied forces")."""
    tok = arg.token
    if conjuncts is None:
        whole = full_span(tok)
        conjuncts = not (_named_conjuncts(tok) or _is_list(tok.doc.text[whole[0]:whole[1]]))
    if tok.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
        speaker = syntax.speaker_of_clause(tok, lemma)
        if speaker is None or syntax.is_pronoun(speaker):
            speaker = syntax.main_subject_before(tok)  # "The Taliban refused talks, saying it will ..."
        if speaker is not None and speaker.i != tok.i:
            return full_span(speaker, conjuncts=conjuncts)
    return full_span(tok, conjuncts=conjuncts)


def sides(
    source: Arg | None, target: Arg | None, verb: Token, lemma: syntax.Lemma, *, symmetric: bool = False
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The source and target spans of one event, as annotators mark them.

    First the conventions on the whole sentence: *reported speech* (:func:`reported`:
    "X said Y must ..." -> X, Y) and *speaker after the clause*
    (:func:`said_after_clause`: "A gave B ..., said X" -> A, B). Then span convention
    *conjoined sources*: a coordination that is both sides of a joint act ("The EU and
    Mercosur agreed on the text", :func:`joint_sides`) is one span on both sides;
    otherwise each conjunct is its own source ("China and Russia call on the US" ->
    "China", "Russia"; so is each member of a list of three or more), and with one span
    per side the first is given. A symmetric act (meet, sign) with no other party takes
    the coordination as its target. The target: :func:`target_span`.
    """
    told = reported(verb, lemma)
    if told is not None:
        speaker, clause_subject = told
        tgt = phrase_span(clause_subject) if clause_subject is not None else target_span(target, source, verb, lemma)
        return tidy(verb.doc.text, full_span(speaker)), tidy(verb.doc.text, tgt)
    said_after = said_after_clause(verb, lemma)
    if said_after is not None:  # "New Zealand donated $1 million to X, said Prime Minister Helen Clark"
        clause_subject, clause = said_after
        return (tidy(verb.doc.text, full_span(clause_subject)),
                tidy(verb.doc.text, target_span(None, None, clause, lemma)))
    tgt = target_span(target, source, verb, lemma)
    both = joint_sides(source)
    if symmetric and both is not None and (tgt is None or target is source):
        tgt = both
    src: tuple[int, int] | None = None
    if source is None:
        src = _unnamed_source(verb, lemma, tgt)
    elif both is not None and tgt == both:
        src = both
    elif both is not None and (_named_conjuncts(source.token) or _is_list(verb.doc.text[both[0]:both[1]])):
        src = source_span(source, lemma, conjuncts=False)
    else:
        src = source_span(source, lemma, conjuncts=True)
    text = syntax.text_of(verb.doc)
    return tidy(text, src), tidy(text, tgt)


def _unnamed_source(verb: Token, lemma: syntax.Lemma, tgt: tuple[int, int] | None) -> tuple[int, int] | None:
    """Span convention *unnamed sources*: when the rules found no source actor, annotators
    still mark the doer: the verb's subject ("Unidentified gunmen beheaded ..."), the
    agent of a passive, or for a passive without one the place it was done in or from
    ("was arrested in Niger", "have been expelled from North Korea")."""
    subj, passive, agent = syntax.subject(verb, lemma)
    if passive:
        subj = agent if agent is not None else _actor_under(verb, ("in", "from"), lemma, depth=1)
    if subj is None and not passive:
        subj = _doer_above(verb, lemma)
    if subj is not None and (syntax.is_pronoun(subj) or subj.tag_ == "PRP"):
        speaker = syntax.speaker_of_clause(subj, lemma) or syntax.main_subject_before(subj)
        subj = speaker if speaker is not None and not syntax.is_pronoun(speaker) else subj
    if subj is None or syntax.is_pronoun(subj) or subj.tag_ in ("PRP", "EX", "WDT"):
        return None
    span = full_span(subj)
    if tgt is not None and span[0] < tgt[1] and tgt[0] < span[1]:
        return None  # the subject is the target's own phrase
    return span


def _doer_above(verb: Token, lemma: syntax.Lemma) -> Token | None:
    """Who does an act whose verb the parse left without a subject: for a finite verb
    parsed as a clause on a noun ("The Taliban on Thursday condemned ...", read as a
    relative clause), that noun; for an infinitive ("sent teams into Libya in a rush to
    investigate ..."), the subject of the nearest verb above it."""
    if verb.head.i == verb.i:
        return None
    if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.tag_.startswith("NN"):
        return verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    node = verb.head
    for _ in range(6):
        if node.tag_.startswith("VB"):
            subj, passive, agent = syntax.subject(node, lemma)
            return agent if passive else subj
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _is_list(text: str) -> bool:
    """A coordination of three or more ("Germany, Russia and Sweden"): separate actors,
    whatever their words."""
    return len(re.split(r",| and ", text)) >= 3 and " and " in text


def _named_conjuncts(tok: Token) -> bool:
    """Every conjunct after the first starts with a capital (a name: "China and Russia",
    "ICE and CBP officials"), not a common-noun phrase that completes one actor
    ("Yemeni army and allied forces")."""
    later = [c for c in tok.conjuncts if c.i > tok.i]
    return bool(later) and all(
        next((t for t in c.subtree if t.dep_ not in ("det", "predet", "cc", "punct")), c).text[:1].isupper()
        for c in later
    )


def target_span(target: Arg | None, source: Arg | None, verb: Token, lemma: syntax.Lemma) -> tuple[int, int] | None:
    """The target's span as annotators mark it: the whole noun phrase of the patient
    ("the last ISIS group bastion in the country"), actor or not; when the rules found
    no target (or only a time word: "declared a ceasefire on Monday"), the verb's direct
    object or the object of a targeting preposition. Conventions on top, in order: the
    subject of a reported clause (:func:`reported`), the party an act serves
    (:func:`served_act`), the recipient of giving or voicing (:func:`recipient`);
    :func:`through_event_noun`, :func:`through_theme` (gifts, voiced feelings),
    :func:`feeling_object` (a pronoun repeating the speaker), :func:`toward_actor` (a
    thing leads to whom it is aimed at), :func:`joint_sides` (conjoined sources with no
    other party are both sides), the charge left out after "accuse", when the verb acts
    on no phrase the recipient or place (:func:`_without_patient`); last, a thing is no
    target (:func:`names_party`) unless it is what a feeling, view or charge is about."""
    told = reported(verb, lemma)
    if told is not None and told[1] is not None:
        return phrase_span(told[1])
    served = served_act(verb, source, lemma)
    if served is not None:
        return phrase_span(served)
    given_to = recipient(verb, lemma)
    if given_to is not None:
        return phrase_span(given_to)
    tok = target.token if target is not None else None
    if target is not None and target is source:
        return None
    named = target is not None and any(not a.fallback for a in target.actors)
    if tok is not None and syntax.is_time_word(tok) and not named:
        tok = None  # "on Monday" is when, not whom
    if tok is None:
        tok = syntax.patient(verb, source.token if source is not None else None) or _shared_passive_subject(verb)
        if tok is None:
            return _without_patient(source, verb, lemma)
    counted = _counted_noun(tok)
    if counted is not None:  # "deported 1, 086 Myanmar migrants": the number and what it counts
        return tok.idx, phrase_span(counted)[1]
    if tok.tag_.startswith("VB"):
        return _without_patient(source, verb, lemma)
    felt = None
    if syntax.is_pronoun(tok) or tok.tag_ == "PRP":
        felt = feeling_object(tok, lemma)
        tok = felt or tok
    tok = toward_actor(through_theme(through_event_noun(tok, verb, lemma), verb, lemma), verb, lemma)
    if syntax.is_pronoun(tok) or tok.tag_ in ("PRP", "PRP$", "CD") or syntax.is_time_word(tok):
        if target is not None and actor_like(target, lemma):
            return target.span
        return None  # "destroyed them": a patient there is, but not named
    if (not names_actor(tok, lemma) and not _force_on(tok, verb, lemma) and not _named_modifier(tok)
            and lemma(verb) not in VOICE_VERBS):
        both = joint_sides(source)
        if both is not None:
            return both
    span = phrase_span(tok, _OF_CHARGE if lemma(verb) in _CHARGE_VERBS and tok.dep_ == "dobj" else frozenset())
    if felt is None and lemma(verb) not in _ABOUT_THINGS and not names_party(tok, span, lemma):
        return None  # span convention *things are no target*
    return span


def _shared_passive_subject(verb: Token) -> Token | None:
    """The subject a passive verb shares with the verb it is conjoined to ("Eighteen
    fishermen, held captive in Libya, have been freed by Libyan forces", where the parse
    hangs "freed" on "held"): what was done to them is done to that subject."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _counted_noun(tok: Token) -> Token | None:
    """For a number the tokeniser split off its thousands ("1, 086 Myanmar migrants" parsed
    as two objects), the noun it counts: the next object of the same verb."""
    if tok.tag_ != "CD" or tok.dep_ != "dobj":
        return None
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i > tok.i and c.tag_.startswith("NN")), None)


_CHARGE_VERBS = frozenset("accuse charge blame suspect convict indict".split())
"""Verbs whose "of" phrase is the charge, not part of whom it is made against."""
_OF_CHARGE = frozenset({"of", "for"})
_WHERE_PREPS = ("to", "in", "into", "at", "for")
"""Prepositions of a recipient or a place when a verb has no patient ("arrived in Mali")."""


def _without_patient(source: Arg | None, verb: Token, lemma: syntax.Lemma) -> tuple[int, int] | None:
    """The target span when the verb acts on no phrase: span convention *recipient or
    place*: the actor or named place the act goes to or happens in ("troops arrived in
    Mali", "provided 3.5 million in funding to Lebanon", "resigned after protests in
    Peru", "A Taliban leader and his associates surrendered in Faryab province"), else
    the conjoined sources when they are both sides (:func:`joint_sides`)."""
    found = _actor_under(verb, _WHERE_PREPS, lemma, depth=3)
    if found is None or (source is not None and source.span[0] <= found.idx < source.span[1]):
        return joint_sides(source)
    return phrase_span(found)


_FEELING_PREPS = frozenset({"about", "of", "over", "on", "regarding", "with", "at"})
_HOPE_VERBS = frozenset("hope fear expect wish worry doubt".split())
"""Verbs whose clause says what a feeling is about ("they hoped that Gambari would ...")."""


def feeling_object(tok: Token, lemma: syntax.Lemma) -> Token | None:
    """Span convention *what a feeling is about*: for a pronoun that repeats the speaker
    ("X said it is skeptical about Iranian motives", "he is pessimistic that the
    Olympics will go ahead", "they hoped that Gambari would ..."), annotators mark what
    the feeling is about, not the speaker again: the object of the adjective's
    preposition, else the subject of its clause. None when there is no such feeling."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or head.i == tok.i:
        return None
    adjectives = [c for c in head.children if c.dep_ == "acomp"]
    clauses = [c for c in head.children if c.dep_ == "ccomp"] if lemma(head) in _HOPE_VERBS or adjectives else []
    for adj in adjectives:
        for child in adj.children:
            if child.dep_ == "prep" and child.lower_ in _FEELING_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and not pobj.tag_.startswith("VB"):
                    return pobj
        clauses += [c for c in adj.children if c.dep_ == "ccomp"]
    for clause in clauses:
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not syntax.is_pronoun(subj):
            return subj
    return None


def joint_sides(source: Arg | None) -> tuple[int, int] | None:
    """Span convention *joint sides*: when the source is a coordination of actors ("The EU
    and Mercosur agreed on the draft text", "Syria and Israel have fired across the
    line") and no other actor is the target, annotators mark the coordination as both
    source and target (each side acts on the other). None when the source is not a
    coordination."""
    if source is None:
        return None
    if source.whole is not None and source.whole != source.span:
        return source.whole
    head = source.token
    if head.tag_ in ("NN", "NNS") and any(
        m.dep_ in ("compound", "amod", "nmod") and any(c.dep_ in ("cc", "conj") for c in m.children) for m in head.lefts
    ):
        return source.span  # "UK and EU negotiators have agreed": two sides in one phrase
    return None


_TELL_VERBS = G.SPEECH_VERBS | {"hope"}
"""Verbs whose content clause is what someone said, hoped or believed."""


def _named_subject(verb: Token) -> Token | None:
    """`verb`'s subject when it is a noun phrase (not a pronoun, relative word or expletive)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or syntax.is_pronoun(subj) or subj.tag_ in ("PRP", "PRP$", "WP", "WDT", "EX", "DT"):
        return None
    return subj


def reported(verb: Token, lemma: syntax.Lemma) -> tuple[Token, Token | None] | None:
    """Span convention *reported speech*: in "X said (that) Y must end attacks on Z" the
    annotators' source is the speaker X, named before the clause, and their target the
    clause's subject Y when it is a noun phrase that is not the speaker's own side (when
    it is a pronoun, "X said it will attack Z", the clause's own target Z stays). `verb`
    is the speech verb or a verb of the clause it reports (through "must be ready to
    mediate", conjoined verbs, "voiced hope that ..."); a speaker who is a pronoun ("X
    said he hopes Y will ...") is looked for further up. (speaker, innermost clause's
    subject or None); None when `verb` is no reported speech or the speaker comes after
    the clause ("... , said X": :func:`said_after_clause`)."""
    clauses: list[tuple[Token, Token]] = []  # (speech verb, its clause), innermost first
    if lemma(verb) in _TELL_VERBS:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            clauses.append((verb, clause))
    node = verb
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "acl"):
            break
        head = node.head
        if node.dep_ == "ccomp" and lemma(head) in _TELL_VERBS:
            clauses.append((head, node))
        elif node.dep_ in ("ccomp", "acl") and head.tag_ in ("NN", "NNS") and lemma(head) in _TOLD_NOUNS:
            if head.head.i != head.i and head.dep_ == "dobj":
                clauses.append((head.head, node))  # "voiced hope that Y will ...": the voicing verb
                head = head.head
        node = head
    if not clauses:
        return None
    clause = clauses[0][1]
    for speech, outer in clauses:
        speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.i > outer.left_edge.i:
            return None  # no speaker, or one after the clause
        if _named_subject(speech) is not None:
            break
    else:
        return None
    clause_subject = _named_subject(clause)
    if clause_subject is not None and (
        _same_side(clause_subject, speaker) or not names_party(clause_subject, phrase_span(clause_subject), lemma)
    ):
        clause_subject = None  # "X said the attack killed Y": the clause's own target
    return speaker, clause_subject


_TOLD_NOUNS = frozenset("hope hopes belief confidence fear fears statement".split())
"""Nouns whose clause is what was voiced ("voiced hope that ...")."""


def _same_side(subj: Token, speaker: Token) -> bool:
    """The clause's subject is the speaker's own side: it holds the speaker, is owned by a
    pronoun ("his country", "its government"), or repeats a word of the speaker's phrase
    ("Spokesperson of the government ... said the government will ...")."""
    if subj.left_edge.i <= speaker.i <= subj.right_edge.i:
        return True
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subj.children):
        return True
    return subj.lower_ in {t.lower_ for t in speaker.subtree if t.i != subj.i}


def said_after_clause(verb: Token, lemma: syntax.Lemma) -> tuple[Token, Token] | None:
    """Span convention *speaker after the clause*: in "New Zealand donated $1 million to
    the World Food Program, said Prime Minister Helen Clark" the sides are the clause's
    (New Zealand, the World Food Program), not the speaker's. For a speech verb whose
    clause comes before its subject: (the clause's subject, the clause's verb); else None."""
    if lemma(verb) not in G.SPEECH_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if clause is None or speaker is None or clause.i > speaker.i:
        return None
    subj = _named_subject(clause)
    return (subj, clause) if subj is not None else None


_RECIPIENT_PREPS = frozenset({"to", "into"})


def recipient(verb: Token, lemma: syntax.Lemma) -> Token | None:
    """Span convention *recipient first*: for a verb of giving, handing back or voicing
    with a "to" phrase ("provided peacekeeping training to AMISOM", "an ancient
    sarcophagus was returned to Egypt", "expressed condolences to Bangladesh over a
    fire", "sent supplies and personnel such as doctors to Nepal"), annotators mark the
    recipient, whatever the thing given and whoever it is (a proper-named gift, "a
    Hebrew Bible", included), or whom a recipient that is a thing serves
    (:func:`toward_actor`: "troops to the UN mission in South Sudan"). None when the act
    is against someone ("a letter of protest to the UN against Israel"), when there is
    no such phrase, or it names a time."""
    if lemma(verb) not in GIVE_VERBS | _HAND_BACK_VERBS | VOICE_VERBS:
        return None
    phrases = [c for c in verb.children if c.dep_ in ("prep", "dobj", "dative")]
    if any(t.lower_ == "against" and t.dep_ == "prep" and not any(a.tag_.startswith("VB") for a in t.ancestors
                                                                    if a.i != verb.i and verb.is_ancestor(a))
           for p in phrases for t in p.subtree):
        return None  # "sent a letter of protest to the UN against Israel": whom it is against
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _RECIPIENT_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.tag_.startswith("NN") and not syntax.is_time_word(pobj):
                return toward_actor(pobj, verb, lemma)  # "to the UN mission in South Sudan": South Sudan
    themes = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "npadvmod" and c.tag_ == "NNS")]
    for theme in themes:  # "3.5 million in funding to Lebanon", "antiquities to Iraq that were seized"
        for t in theme.subtree:
            if t.lower_ == "to" and t.dep_ in ("prep", "dative"):
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.tag_.startswith("NN") and not syntax.is_time_word(pobj):
                    return toward_actor(pobj, verb, lemma)
    return None


def served_act(verb: Token, source: Arg | None, lemma: syntax.Lemma) -> Token | None:
    """Span convention *purpose of an act*: an act done to serve another ("gave 625
    firearms to the Philippine Marines to help in operations against X", "will meet
    Donald Trump to discuss disputes with Y", "sent a letter to the head of the WHO
    threatening to pull funding") is annotated on the act it serves: its recipient or its
    actor object (the Philippine Marines, Donald Trump, the head of the WHO). `verb` is
    the purpose clause (an adverbial "to" clause or participle); None when it is not one
    or the act it serves has no such party."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    if not (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.tag_ == "VBG"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None  # a clause of its own ("after X did"), not a purpose
    main = verb.head
    found = recipient(main, lemma)
    if found is None:
        obj = next((c for c in main.children if c.dep_ in ("dobj", "dative")), None)
        found = obj if obj is not None and obj.tag_ in ("NNP", "NNPS") else None
    if found is None or (source is not None and source.span[0] <= found.idx < source.span[1]):
        return None
    return found


_ABOUT_THINGS = VOICE_VERBS | _HOPE_VERBS | _CHARGE_VERBS | frozenset("agree approve endorse welcome".split())
"""Verbs whose target annotators mark whatever it is: a feeling's or a view's object
("expressed optimism at a bipartisan deal", "agree with the recommendation"), whom a
charge is made against ("accused the legislation of ...")."""
_PARTY_NOUNS = frozenset(
    "owner household community candidate developer politician executive partner member resident detainee "
    "supporter family counterpart delegation neighbour neighbor colleague ally allies authority authorities "
    "force forces troop troops official officials minister diplomat envoy citizen national inspector observer "
    "monitor expert employee staff personnel crew sailor fisherman fishermen peacekeeper tourist pilot doctor "
    "nurse lawyer suspect".split()
)
"""People and bodies beyond :data:`PEOPLE_NOUNS` and the role nouns that annotators mark as
a party ("its owners", "about 550 households", "local communities")."""
_MONEY_WORDS = frozenset("euro dollar pound yuan yen rupee franc rouble ruble million billion trillion".split())
_COUNT_NOUNS = frozenset("dozen dozens hundred hundreds thousand thousands number numbers some many few".split())


def names_party(
    tok: Token, span: tuple[int, int], lemma: syntax.Lemma, *, actor: Callable[[Token], bool] | None = None
) -> bool:
    """Span convention *things are no target*: whether the target phrase headed by `tok`
    (character `span`) names a party, a person, group or place, rather than a thing ("the
    dispute", "accusations", "a ceasefire", "the attack", "sanctions"): where the patient
    of an act is a thing, annotators of who-did-what-to-whom mostly mark no target or the
    party it concerns, so a thing is given as no target. A party: a name anywhere in the
    phrase ("the Syrian army's positions", "the federal government's timeline"), a role or
    people noun, a count of them
    ("dozens of activists"), or a place or thing that force is used on (a base, a
    village: :data:`_SITE_NOUNS`). `actor` is :func:`names_actor` with `lemma` (given when
    the caller keeps its answers per token)."""
    actor = actor or functools.partial(names_actor, lemma=lemma)
    words = [t for t in tok.doc.char_span(span[0], span[1], alignment_mode="expand") or () if span[0] <= t.idx]
    if lemma(tok) in _MONEY_WORDS or any(t.tag_ == "$" for t in words):
        return False  # "6.3 million euros", "$670,000": an amount is a thing
    if any(t.tag_ in ("NNP", "NNPS") or (t.text[:1].isupper() and t.i > 0 and t.tag_ != "DT")
           or (t.tag_ in ("NN", "NNS") and actor(t)) for t in words):
        return True  # "the federal government's vaccination timeline"
    heads = [tok]
    if lemma(tok) in _COUNT_NOUNS | QUANTITY_WORDS or tok.tag_ == "CD":  # "dozens of activists"
        heads += [c for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    for head in heads:
        word = lemma(head)
        if actor(head) or word in _PARTY_NOUNS or head.lower_ in _PARTY_NOUNS or word in _SITE_NOUNS:
            return True
        if head.tag_ in ("CD", "PRP", "PRP$") or (head.tag_ == "NNS" and any(c.dep_ == "nummod" for c in head.lefts)):
            return True  # "Two inspectors", "45 members": counted ones are people more often than not
    return False
