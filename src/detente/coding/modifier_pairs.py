"""Several actors named in one noun's modifiers: "Chinese and Indian officials", "US-British forces".

Coordinated modifiers, listed members ("diplomats of the US and China", "countries such as Germany"), a
text's issuers ("a joint statement by France, Germany and Britain") and the hyphenated pair each give one
actor per conjunct with the noun's role (:func:`coordinated_modifiers`, :func:`hyphenated_pair`).
:func:`detente.coding.arguments.argument` adds them to what the phrase's head names.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import syntax
from detente.coding.context import Actor, Context, actor_of_mention
from detente.coding.coordination import broken_list, split_list
from detente.coding.lexicon import ISSUED_TEXT_NOUNS
from detente.coding.sector_states import resident
from detente.coding.sector_words import names_region, with_role

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


_MEMBER_PREPS = frozenset({"of", "as", "like", "including", "from"})
"""Prepositions that list who a common noun stands for ("diplomats *of* the US and China",
"actors *such as* the US, UK and Saudi Arabia")."""


THIRD_PARTY_PARTICIPLES = frozenset({"broker", "mediate", "facilitate"})
"""Verbs whose participle on a noun names a third party, not the noun's own side: "a deal *brokered* by the US"
is no American deal (CAMEO 045: the mediator stands between the parties; :mod:`detente.coding.mediation` codes
it, from its own lists). "Delegates *led* by X", "a ship *owned* by X" are X's, and "the summit *hosted* by X"
is X's: its attendees meet the host."""


def coordinated_modifiers(tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    """Actors named by coordinated modifiers of one common noun, each with the noun's role:
    "Chinese and Indian officials" -> CHNGOV, INDGOV; "the diplomats of the US and China",
    "foreign actors such as the US, UK and Saudi Arabia" -> one actor per conjunct; the issuers of a text
    (:data:`~detente.coding.lexicon.ISSUED_TEXT_NOUNS`) after "by": "a joint statement by France, Germany
    and Britain" speaks for each of them (CAMEO codes a text's act from its issuer), even for one issuer; the
    rest of a list the parser hung on its first member (:func:`~detente.coding.coordination.broken_list`)."""
    found: list[Actor] = []
    words: list[Token] = broken_list(tok)  # "Chile, Peru, Bolivia and Colombia": a list hung on its first member
    if tok.tag_ in ("NN", "NNS"):
        words += split_list(tok)  # "the regimes of Mali, Niger, and Chad condemned X": Chad, a second subject
    common = tok.tag_ in ("NN", "NNS", "NNPS") or plural_noun_tagged_verb(tok)
    for mod in tok.children if common else ():  # NNPS: "the *Chiefs* of Staff of ..."
        if mod.dep_ in ("amod", "compound", "nmod") and mod.i < tok.i and mod.conjuncts:
            words.extend((mod, *mod.conjuncts))
        elif mod.dep_ in ("amod", "compound", "nmod") and mod.i < tok.i:
            found.extend(hyphenated_pair(mod, tok, offset, ctx, lemma))  # "US-British forces"
        elif mod.dep_ == "prep" and (mod.lower_ in _MEMBER_PREPS or mod.lower_ == "in" and resident(tok, lemma)):
            pobj = next((c for c in mod.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.conjuncts or tok.tag_ == "NNS" and _lists_members(mod)):
                words.extend((pobj, *pobj.conjuncts))  # "several countries, including Germany": one member named
            elif pobj is not None and mod.lower_ == "of":
                # "the chiefs of staff of the Sudanese and Egyptian armies", "the heads of Pakistan and India's
                # military operations": the list is one "of" deeper, on the noun the head belongs to
                found.extend(coordinated_modifiers(pobj, offset, ctx, lemma))
        elif mod.dep_ == "prep" and mod.lower_ == "by" and lemma(tok) in ISSUED_TEXT_NOUNS:
            pobj = next((c for c in mod.children if c.dep_ == "pobj"), None)
            if pobj is not None:  # "a joint statement *by France, Germany and Britain* condemned ...": its issuers
                words.extend((pobj, *pobj.conjuncts))
        elif mod.dep_ == "acl" and mod.tag_ == "VBN" and lemma(mod) not in THIRD_PARTY_PARTICIPLES:
            # "the resolution, drafted by the US, Britain and France"; not "a deal brokered by the US, UN and EU"
            pobj = next((g for c in mod.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.conjuncts:
                words.extend((pobj, *pobj.conjuncts))
    for word in words:
        # the word with its own left modifiers: the last of "Russia, Ukraine, Turkey and *the United Nations*"
        # (a member of a list hangs on the one before), "Japanese, *South Korean* and US officials" (a
        # two-word name whose first word hangs on its last); a name may run on into the head noun ("the Sudanese
        # and *Egyptian armies*": one mention, which starts at the word)
        start, end = offset + word.left_edge.idx, offset + word.idx + len(word.text)
        head_end = max(end, offset + tok.idx + len(tok.text))
        for m in [m for m in ctx.mentions_between(start, head_end) if m.start < end and not names_region(m.code)][:1]:
            found.append(replace(actor_of_mention(m), code=with_role(m.code, lemma(tok))))
    return found


_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def plural_noun_tagged_verb(tok: Token) -> bool:
    """Whether `tok` is a plural noun the tagger read as a verb ("Russian and Belarusian military *drills*",
    "US *strikes*": VBZ) in a noun's slot, where its modifiers are read as a common noun's are. Session 17
    (args17; development sets pooled without news_dev10 d-e): right +1, wrong +0 (news_dev9 c), F1 0.4337 ->
    0.4338. Session 20 (nouns20): an act noun so tagged is read as a noun too ("condemned the US and UK *strikes* on
    ...": :func:`detente.coding.candidates.candidates`)."""
    return tok.tag_ == "VBZ" and tok.dep_ in _NOUN_SLOTS and tok.lower_.endswith("s")


HYPHENS = frozenset({"-", "–"})
"""The hyphen and the en dash: "US-British", "Russia–Ukraine" join two names into one modifier."""


BOND_NOUNS = frozenset({"relation", "relations", "relationship", "tie", "ties", "border", "frontier", "boundary",
                        "rivalry", "tension", "tensions", "dispute", "conflict", "war", "crisis", "feud", "standoff"})
"""Nouns of what lies between two states, not of an act ("the EU-Russia relations", "the India-Pakistan border",
"the Mexico-Ecuador crisis"): a hyphenated pair before them names the bond's two terms, and neither acts through
it (CAMEO codes acts, not states: the guide's rules 7 and 8, as :mod:`detente.coding.nominals` leaves "war" out)."""


def hyphenated_pair(mod: Token, tok: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Actor]:
    """The two states joined by a hyphen into one modifier of a common noun, each with the noun's role:
    "US-British forces" -> USAMIL, GBRMIL; "the US-Israeli strikes" -> USA, ISR ([] for anything else).

    The parser hangs the first name on the second ("US" an npadvmod or compound of "British" across the
    hyphen token), so :func:`~detente.coding.arguments.actor_of` reads the phrase as one actor; a hyphenated compound of two proper
    adjectives or names is a coordination (Huddleston & Pullum 2002, ch. 19: "the Franco-German brigade", a
    "coordinative compound"), coded as "US and British forces" would be (convention 2).

    Choices
    -------
    - Both halves must be registry mentions of two different countries (or organisations), each the whole
      of its token: "Saudi-led", "pro-Russian", "US-brokered" join a name to a word that is no actor and give
      nothing here ("X-led" stays X's alone, :mod:`detente.coding.mediation` reads the brokers).
    - Only before a common noun (NN/NNS head): the pair modifies what the phrase names; not before a noun of
      their bond (:data:`BOND_NOUNS`: "commitment to the US-Pakistan relationship" is no act of either).
    - The parser hangs the pair three ways: the first name on the second ("US-British"), on the last word of a
      two-word second name ("US-South Korean"), or both on the head noun; each is read.
    - Session 17 (args17; page mode, development sets pooled without news_dev10 d-e, 8,391 gold events): right
      +2, wrong +1 -1 (news_dev8 e, news_dev9 c: "condemns the US-Britain attack", "a joint Israeli-US
      delegation"), P 0.6305 -> 0.6307, F1 0.4334 -> 0.4337; no-event sentences left uncoded 5,796 of 6,410 and
      PLOVER 0.635 unchanged. Without :data:`BOND_NOUNS` right +4, wrong +3 -1 ("a discussion on EU-Russia
      relations", "commitment to the US-Pakistan relationship"): below the bar. Of the 122 gold events still
      missed with a side named in such a pair (33 files), most are joint acts named by the pair ("the EU-China
      Comprehensive Agreement", "Russian-Japanese consultations"): :mod:`detente.coding.nominals`' business.
    """
    if (tok.tag_ not in ("NN", "NNS") and not plural_noun_tagged_verb(tok)) or lemma(tok) in BOND_NOUNS:
        return []
    doc, left = mod.doc, mod.left_edge.i
    hyphen = next((k for k in range(mod.i - 1, left, -1) if doc[k].text in HYPHENS), None)  # "US-South Korean"
    if hyphen is None and left >= 2 and doc[left - 1].text in HYPHENS and doc[left - 2].head.i == tok.i:
        hyphen = left - 1  # both names hung on the head noun ("US" and "British" each a modifier of "forces")
    if hyphen is None:
        return []
    before, after = doc[hyphen - 1], doc[hyphen + 1]
    first_end, second_start = offset + before.idx + len(before.text), offset + after.idx
    mod_end, head_end = offset + mod.idx + len(mod.text), offset + tok.idx + len(tok.text)
    phrase = ctx.mentions_between(offset + tok.left_edge.idx, head_end)
    first = [m for m in phrase if m.end == first_end and not names_region(m.code)]
    # the second name may run on into the head noun ("British forces": GBRMIL)
    second = [m for m in phrase if m.start == second_start and m.end >= mod_end and not names_region(m.code)]
    if not first or not second or country_of(first[-1].code) == country_of(second[0].code):
        return []
    return [replace(actor_of_mention(m), code=with_role(m.code, lemma(tok))) for m in (first[-1], second[0])]


def _lists_members(prep: Token) -> bool:
    """Whether a preposition introduces members of a plural noun ("countries *including* Germany", "nations
    *such as* Yemen", "allies *like* Japan"), which name the group's acting members even one by one."""
    return prep.lower_ in ("including", "like") or prep.lower_ == "as" and any(
        c.lower_ == "such" for c in (*prep.children, *prep.head.children) if c.i < prep.i)
