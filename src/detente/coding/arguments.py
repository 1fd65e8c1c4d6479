"""From a noun phrase in the parse to the actors it names: sources, targets, pronouns and roles.

An argument (:class:`~detente.coding.arg.Arg`) is the noun phrase in a source or target slot; its actors
are the registry mentions inside its core (left modifiers, the head and its compounds
and appositions, not a locative phrase such as "a car bomb *in Kiev*"), one per
conjunct ("the US *and* China") and per half of a hyphenated pair ("*US-British* forces",
:mod:`detente.coding.modifier_pairs`). A bare nationality before a role noun takes that role ("Ukrainian
officials" -> ``UKRGOV``, :func:`detente.coding.sector_words.with_role`).
"he"/"she" refer back to the previous sentence's subject when it is a person, else to the last person
named; "it"/"they" under "X said" to X; "the move", "the allegation" to their act's author
(:mod:`detente.coding.act_authors`); "the two sides" to the pair named before
(:mod:`detente.coding.pair_phrases`); a side that names only a sector to that sector of the state in
context (:mod:`detente.coding.sector_states`); informants ("military sources said") are no side
(``lexicon.INFORMANT_NOUNS``).

The ideas around the reading live in modules of their own: the record (:mod:`detente.coding.arg`), sector
words (:mod:`detente.coding.sector_words`), the state of a sector (:mod:`detente.coding.sector_states`),
act authors, pair phrases, pairs in a noun's modifiers, what the page remembers
(:mod:`detente.coding.page_memory`), the same-side tests (:mod:`detente.coding.same_side`) and the fallback
target (:mod:`detente.coding.fallback_targets`).

Choices:

- Whether two actors are one party (one country or organisation) is :func:`detente.actors.country_of`'s answer
  at every site here and in the modules above, not a comparison of the codes' first three letters: the cut made
  the African Union (`AU`) and its commission (`AUGOV`, cut "AUG") two parties, so one acted on the other.
  Session 18 (page mode, development sets pooled without news_dev11 parts d-e, 9,037 gold events): right +0,
  wrong -3 (three AU <-> AUGOV events, news_dev2 h, news_dev3 c, news_dev9 b), F1 0.4309 -> 0.4310, P 0.6242 ->
  0.6246, no-event sentences left uncoded 6,527 -> 6,529 of 7,210; PLOVER unchanged.
- Session 18 (arguments18) cut this module, 1,330 lines, into the modules above with no change of behaviour
  (the coding fingerprint of every development sentence identical before and after). :class:`Arg` and
  :func:`argument` (the reading) are imported from here; every other name from the module that defines it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import syntax
from detente.coding.act_authors import PLURAL_PRONOUNS, act_author
from detente.coding.arg import Arg
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.coordination import (
    accompanying_members,
    appositive_conjuncts,
    conjoined_prep_objects,
    split_list,
    swallowed_and,
)
from detente.coding.lexicon import (
    CIVILIANS,
    ETHNIC_WORD,
    FACILITY_NOUNS,
    HEADCOUNT_WORDS,
    INFORMANT_NOUNS,
    LOCATION_PREPS,
    PERSON_PRONOUNS,
    SPOKESPERSON_NOUNS,
    THING_PRONOUNS,
)
from detente.coding.modifier_pairs import THIRD_PARTY_PARTICIPLES, coordinated_modifiers
from detente.coding.page_memory import continued_subject, continued_subjects
from detente.coding.pair_phrases import the_two_sides
from detente.coding.sector_states import (
    between_partner_state,
    ethnic_group,
    inside_location,
    people_of_place,
    resident,
    sector_actor,
)
from detente.coding.sector_words import names_region, noun_role, state_base, with_role

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.actors import Mention



def argument(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> Arg:
    """The argument headed by `tok` (a sentence starting at document offset `offset`)."""
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    heads += conjoined_prep_objects(tok)  # "protested to Japan and to the Philippines": the Philippines too
    if tok.tag_ in ("NNP", "NNPS"):
        heads += split_list(tok)  # "Chile, Peru, and Bolivia condemned X" read as two subjects: Bolivia too
    heads += appositive_conjuncts(tok)  # "Presidents Joe Biden and *Vladimir Putin* met"
    heads += accompanying_members(tok)  # "A, along with *B*, condemned X"
    actors: list[Actor] = []
    for head in heads:
        found = _swallowed_conjunct(head, offset, ctx)  # "Moon Jae-in and North Korean leader Kim Jong-un"
        if found is not None:
            actors.append(found)
        found = actor_of(head, offset, ctx, lemma)
        if found is not None and all(found.code != a.code or found.start != a.start for a in actors):
            actors.append(found)
    for head in heads:  # "Chinese and Indian officials", "X and the ministers of Poland and Lithuania"
        for found in coordinated_modifiers(head, offset, ctx, lemma):
            if all(country_of(found.code) != country_of(a.code) for a in actors):
                actors.append(found)
    for found in _plural_antecedents(tok, offset, ctx, lemma):  # "India and Pakistan said they ..."
        if all(country_of(found.code) != country_of(a.code) for a in actors):
            actors.append(found)
    if not actors:
        actors = the_two_sides(tok, offset, ctx, lemma)  # "Iran and Iraq signed ... *The two sides* also agreed"
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = syntax.right_edge(tok)
    start = doc[left].idx
    end = doc[right].idx + len(doc[right].text)
    span = (offset + start, offset + end)
    whole = span
    if len(heads) > 1:  # "The US and China": the whole coordination
        last = doc[max(right, syntax.right_edge(heads[-1]))]
        whole = (span[0], offset + last.idx + len(last.text))
    return Arg(tok, actors, span, whole)


def _swallowed_conjunct(tok: Token, offset: int, ctx: Context) -> Actor | None:
    """The first conjunct the parser swallowed into the name phrase headed by `tok`
    (:func:`~detente.coding.coordination.swallowed_and`): the registry name that ends right at the "and", when
    it names another country than the phrase's head ("Egypt's President al-Sisi and Turkish President Erdogan":
    EGYGOV besides TURGOV; "Blinken and Austin" is one side either way)."""
    cc = swallowed_and(tok)
    if cc is None:
        return None
    before = cc.doc[cc.i - 1]
    end = offset + before.idx + len(before.text)
    ms = [m for m in ctx.mentions_between(offset + tok.left_edge.idx, end) if not names_region(m.code)]
    if not ms or ms[-1].end != end:
        return None
    head = [m for m in ctx.mentions_between(offset + cc.idx, offset + tok.idx + len(tok.text)) if not names_region(m.code)]
    actor = actor_of_mention(ms[-1])
    return actor if head and all(country_of(m.code) != country_of(actor.code) for m in head) else None


def _plural_antecedents(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    """The actors of a coordinated speaker a plural pronoun in the reported clause refers to: in
    "India and Pakistan said they had agreed to ...", "they" is both (:func:`actor_of` gives the
    first). None for a singular speaker or any other token."""
    if tok.lower_ not in PLURAL_PRONOUNS:
        return []
    continued = continued_subjects(tok, offset, ctx)
    if len(continued) > 1:  # "Iran and Iraq signed an accord. *They* also agreed ...": both
        return continued
    speaker = syntax.speaker_of_clause(tok if tok.dep_ != "poss" else tok.head, lemma)
    if speaker is None or speaker.i == tok.i or not speaker.conjuncts or speaker.lower_ in PLURAL_PRONOUNS:
        return []
    return argument(speaker, offset, ctx, lemma).actors


MARGIN_NOUNS = frozenset({"sidelines", "sideline", "margins", "margin"})
"""Nouns of the edge of a gathering ("on the *sidelines* of X", "on the *margins* of X"): the phrase says when
and where an act took place, and the gathering's convener (NATO, the UN) is no side of it, so
:func:`actor_of` finds no actor in it (CAMEO codes whom an act is with; a venue is none). Pooled development
sets, page mode, news_dev6 d-e left out, session 13: right +2, wrong -8 +1 (news_dev3 d, news_dev4 a,
news_dev6 a), F1 0.4714 -> 0.4723, P 0.6681 -> 0.6704, no-event uncoded 3205/3508 and PLOVER 0.640 unchanged.
Tried and dropped: skipping a gathering's convener ("at *the G7* summit") as a fallback target, no pooled
development effect."""


def actor_of(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> Actor | None:
    """The actor one noun (or pronoun) stands for, or None."""
    if tok.lower_ in PERSON_PRONOUNS:
        speaker = (syntax.speaker_of_clause(tok, lemma) if tok.dep_ == "nsubj"
                   else syntax.speaker_of_clause(tok.head, lemma) if tok.dep_ == "poss" and tok.head.dep_ == "nsubj"
                   else None)
        if speaker is not None and speaker.i != tok.i and speaker.lower_ not in PERSON_PRONOUNS:
            found = actor_of(speaker, offset, ctx, lemma)  # "the US envoy said he ...": the envoy
            if found is not None:
                return found
        before = [m for m in ctx.mentions_between(offset, offset + tok.idx) if actor_of_mention(m).person]
        if before:
            return actor_of_mention(before[-1])
        subject = [a for a in ctx.last_subjects if a.person]
        if len(subject) == 1 and ctx.last_person is not None and subject[0].start < offset:
            # "Kishida met Li in Beijing. He later ...": the subject goes on, not the last person named (the
            # "continue" transition of centering theory, Grosz, Joshi and Weinstein 1995); pooled development
            # sets, page mode, session 11: one wrong event less, none lost
            return subject[0]
        return ctx.last_person
    if tok.lower_ in THING_PRONOUNS or tok.lower_ == "itself":
        speaker = syntax.speaker_of_clause(tok, lemma)
        if speaker is not None and speaker.i != tok.i:
            found = actor_of(speaker, offset, ctx, lemma)
            if found is not None:
                return found
        antecedent = syntax.main_subject_before(tok) if tok.dep_ == "nsubj" and tok.head.dep_ != "ROOT" else None
        if antecedent is not None:  # "Protesters carry anti-China slogans as they condemn ...": the protesters
            return actor_of(antecedent, offset, ctx, lemma)
        found = participle_object_antecedent(tok, offset, ctx, lemma)
        if found is not None:  # "cut ties with Qatar, accusing it of ...": Qatar, not the last name before "it"
            return found
        continued = continued_subject(tok, offset, ctx)
        if continued is not None:  # "China summoned the envoy. It also criticised ...": China
            return continued
        before = [m for m in ctx.mentions_between(offset, offset + tok.idx) if not actor_of_mention(m).person]
        return actor_of_mention(before[-1]) if before else None
    if tok.lower_ in INFORMANT_NOUNS:
        return None  # "Thai military sources said ...": informants attribute a report, they are no side of it
    if tok.lower_ in MARGIN_NOUNS:
        return None  # "met on the sidelines of a NATO summit": the edge of a gathering, whoever convened it
    # the noun phrase core: left dependents and the head, then right compounds/appositions
    core_start = tok.left_edge.idx
    core_end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("compound", "flat", "appos", "nummod"):
            core_end = max(core_end, child.idx + len(child.text))
    phrase_ends = {c.right_edge.idx + len(c.right_edge.text) for c in tok.children
                   if c.i > tok.i and c.dep_ == "prep" and c.lower_ in ("of", "for")}
    for m in ctx.mentions_between(offset + core_start, offset + max(phrase_ends, default=core_end)):
        if m.start <= offset + tok.idx < m.end and m.end - offset in phrase_ends:
            # a name whose head word has an "of" or "for" phrase of its own: "the International Court of
            # Justice", "the Organization of American States" are the names, not a court or an organization;
            # not a name the phrase runs past ("attended the Group of 20 summit": the parse's head is "Group")
            core_end = max(core_end, m.end - offset)
    ms = ctx.mentions_between(offset + core_start, offset + core_end)
    ms = [m for m in ms if not inside_location(m, tok, offset) and not names_region(m.code)]
    if not ms:  # "delegates led by Rubio", "the government of Ukraine"
        for child in tok.children:
            if (child.dep_ == "acl" and child.tag_ == "VBN" and lemma(child) not in THIRD_PARTY_PARTICIPLES) or (child.dep_ == "prep" and child.lower_ in ("of", "from")) or (
                    child.dep_ == "prep" and child.lower_ == "for" and lemma(tok) in FACILITY_NOUNS):  # "a camp for X"
                sub = list(child.subtree)
                s = min(t.idx for t in sub)
                e = max(t.idx + len(t.text) for t in sub)
                ms = [m for m in ctx.mentions_between(offset + s, offset + e)
                      if not any(inside_location(m, t, offset) for t in sub)]  # "two days of talks *in Paris*"
                if ms:
                    break
    if not ms and tok.lower_ in SPOKESPERSON_NOUNS:  # "a spokesman *for* the Chinese embassy"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = actor_of(pobj, offset, ctx, lemma) if pobj is not None else None
                if found is not None:
                    return found
    if not ms:  # "Liu Pengyu, a spokesman for the Chinese embassy, said": the appositive says whose
        for appos in (c for c in tok.children if c.dep_ == "appos" and c.lower_ in SPOKESPERSON_NOUNS):
            found = actor_of(appos, offset, ctx, lemma)
            if found is not None:
                return found
    if not ms:  # "its top diplomat", "his government": the possessor's country in the noun's role
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS | THING_PRONOUNS), None)
        subject_slot = tok.dep_ in ("nsubj", "nsubjpass")  # not "attacked its embassy": whose is a guess there
        found = actor_of(owner, offset, ctx, lemma) if owner is not None and tok.tag_ in ("NN", "NNS") and subject_slot else None
        if found is not None:
            from detente.ontology import role_for_noun

            country = country_of(found.code)
            role_code = with_role(country, lemma(tok))
            if role_code != country or len(country) != 3 and role_for_noun(lemma(tok)):
                # an organisation's officials are the organisation (with_role gives a role to a state's code only)
                return replace(found, code=role_code, fallback=False)
    if not ms and resident(tok, lemma) and between_partner_state(tok, offset, ctx) is None:
        # "officials in Armenia", "rebels in the Ivory Coast"; not "talks between the Colombian government and the
        # rebels *in Oslo*", where the place is the talks' (sector_actor gives them their partner's state)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                sub = list(child.subtree)
                ms = ctx.mentions_between(offset + min(t.idx for t in sub), offset + max(t.idx + len(t.text) for t in sub))
                break
    if not ms:
        return sector_actor(tok, offset, ctx, lemma) or act_author(tok, offset, ctx, lemma)
    head_start, head_end = offset + tok.idx, offset + tok.idx + len(tok.text)
    on_head = [m for m in ms if m.start <= head_start and m.end >= head_end]
    if not on_head and tok.tag_ in ("NN", "NNS"):
        on_head = appositive_name(tok, ms, offset)  # "NATO ally *Turkey*": the name, not the ally's alliance
    mention = on_head[0] if on_head else ms[0]
    actor = actor_of_mention(mention)
    if not on_head and tok.tag_ in ("NN", "NNS"):
        mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and offset + c.idx >= mention.end
                and c.i < tok.i]
        role = noun_role(f"{mods[-1]} {tok.lower_}") if mods and len(actor.code) == 3 and state_base(actor.code) else None
        # "Palestinian armed groups": the sector list's two-word noun before its head word alone
        code = actor.code + role if role else with_role(actor.code, lemma(tok))
        if (code == actor.code and len(actor.code) == 3 and noun_role(tok.lower_)
                and not any(c.lower_ == ETHNIC_WORD for c in tok.children)):
            # a sector noun listed only in the plural ("Croatian extremists"); an ethnic group stays its people;
            # a code that has its role already keeps it ("the Lula government": Lula is BRAGOV, not BRAGOVGOV)
            code = actor.code + noun_role(tok.lower_)
        actor = replace(actor, code=code)
    elif not on_head and tok.tag_ in ("NNP", "NNPS") and len(actor.code) == 3 and noun_role(tok.lower_):
        actor = replace(actor, code=actor.code + noun_role(tok.lower_))  # "the Ivory Coast's Supreme Court": CIVJUD
    if mention.kind in ("demonym", "title") and any(c.lower_ == ETHNIC_WORD for c in tok.children):
        return ethnic_group(actor, offset, offset + len(syntax.text_of(tok.doc)), ctx)
    if mention.kind == "demonym" and on_head:
        return people_of_place(actor, tok, offset, ctx)
    if (mention.kind == "demonym" and not on_head and actor.code == state_base(actor.code)
            and (lemma(tok) in HEADCOUNT_WORDS or tok.like_num)):
        return replace(actor, code=actor.code + CIVILIANS)  # "thousands of Kenyans": the people, not the state
    return actor


def appositive_name(tok: Token, ms: list[Mention], offset: int) -> list[Mention]:
    """The mentions on a proper name in close apposition right after a common noun: in "sanctions on NATO
    ally *Turkey*", "an embargo on the Gulf state *Qatar*", the name is who the phrase refers to, and the
    noun's own modifier ("NATO") only describes it (an integrated appositive renames its head, Huddleston
    & Pullum 2002, ch. 15). Only with no comma between: after a comma the parser often hangs the rest of a
    list on the noun as an apposition ("an accord brokered by the US, the UN and the EU"). [] when no such
    name holds a mention. From news_dev5's part notes ("actor on another predicate": a
    target that is an apposition).

    Choices (session 12, page mode, development sets pooled without news_dev5 parts d-e, measured alone
    after :func:`participle_object_antecedent`): 1 right ("sanctions on NATO ally Turkey"), 0 wrong, 1
    wrong fewer; F1 0.4737 to 0.4741, P 0.6682 to 0.6687, no-event sentences left uncoded unchanged (2587
    of 2858). With a comma allowed as well: the same figures, but one wrong event swapped for another
    ("the alliance's secretary-general, Anders Fogh Rasmussen") and a list misparsed as appositions read
    as a deal's side (the broker test in ``tests/coding/test_arguments.py``)."""
    for appos in (c for c in tok.children if c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS")
                  and c.left_edge.i == tok.i + 1):  # a close apposition, no comma between
        start, end = offset + appos.idx, offset + appos.idx + len(appos.text)
        found = [m for m in ms if m.start <= start and m.end >= end]
        if found:
            return found
    return []


OBJECT_PRONOUNS = frozenset({"it", "them"})
"""Object pronouns of a participial clause that refer back to the main clause's target (:func:`participle_object_antecedent`)."""


def participle_object_antecedent(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> Actor | None:
    """The actor an object pronoun of a participial clause stands for: the main clause's own target.

    In "Bahrain cut ties with Qatar, accusing *it* of backing militants" and "X filed a case against Israel
    at the ICJ, accusing *it* of ...", the clause ("accusing it of ...", an ``advcl`` on a present
    participle) shares the main verb's subject, and its object pronoun takes up the main clause's object
    (centering's preference for the most prominent earlier entity of a role, Grosz, Joshi and Weinstein
    1995): the main verb's direct object, or the object of a preposition on the verb or on that object,
    never a place ("at the ICJ", "in The Hague": :data:`~detente.coding.lexicon.LOCATION_PREPS`). The last
    name before the pronoun, the old reading, is often such a place or a third party. From news_dev5's
    part notes ("actor on another predicate": states that "cut ties with A, accusing it of ...").
    None when the pronoun is not such an object or the main clause's object names no actor.

    Choices (session 12, page mode, development sets pooled without news_dev5 parts d-e, each change alone):

    - this rule: 1 right ("a case against Israel at the ICJ, accusing it of": Israel, not the court), 1
      wrong that replaces a wrong target of the same event ("detained A and B, accusing them of": the
      gold codes the detention only), 2 wrong fewer; F1 0.4734 to 0.4737, P 0.6678 to 0.6682, no-event
      sentences left uncoded unchanged (2587 of 2858);
    - tried and left out: an appositive office noun giving a name the registry does not know its
      country ("Sergey Lavrov, the foreign minister of Russia"): 0 right, 0 wrong (the "of" phrase of
      the name's subtree already gives it where a predicate codes the sentence).
    """
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ != "dobj" or tok.head.dep_ != "advcl" or tok.head.tag_ != "VBG":
        return None
    main = tok.head.head
    slots: list[Token] = []
    for child in main.children:
        if child.i > tok.head.i:
            break
        if child.dep_ in ("dobj", "dative"):
            slots.append(child)
            slots.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ not in LOCATION_PREPS
                         for g in p.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ not in LOCATION_PREPS:
            slots.extend(g for g in child.children if g.dep_ == "pobj")
    for slot in slots:
        if slot.lower_ in THING_PRONOUNS | PERSON_PRONOUNS:
            continue
        found = actor_of(slot, offset, ctx, lemma)
        if found is not None:
            return found
    return None
