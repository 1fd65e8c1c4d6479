"""Acts reported from the receiving end: "Spain received a call for aid from Morocco", "Beijing drew
criticism from Washington", "the convoy came under fire from Houthi forces".

The verb patterns read an act off its doer's verb. News often names the act by a noun and puts its
*target* in the subject of a verb of receiving (receive, face, draw, earn, come under, ...) and its
*source* in a "from" or "by" phrase. This is one generic predicate-argument frame, not a rule per
sentence:

    TARGET  <receiving verb>  <event noun> [its own complements]  from|by SOURCE

The event noun's CAMEO code is not listed here: the noun is mapped to the verb it nominalises
(:data:`NOMINALISATIONS`: criticism -> criticise, call -> call, invitation -> invite, condolences ->
offer + condolences) and the verb table (:func:`detente.coding.patterns.match`) codes it with the
noun's own prepositions and object families, so "a call *for aid*" is an appeal for aid (023) as
"called for aid" is, and every code stays one table's.

Choices:

- Both sides must be actors the registry knows, of different countries or organisations
  (:func:`detente.actors.country_of`, not the codes' first three letters, which made the African Union `AU`
  and its commission `AUGOV` two; session 18, development sets pooled without news_dev11 parts d-e, and
  PLOVER, ``benchmarks/coding_fingerprint.py``: no event changed), and found through the parse
  (the subject of the receiving verb, the object of "from"/"by" on the noun or the verb); nothing is
  guessed from elsewhere in the sentence.
- No act that is not asserted: a negated receiving verb ("did not receive any request"), a modal,
  future, conditional or reported clause (:func:`detente.coding.syntax.clause_modality`), a question,
  an unreal modifier on the noun ("a *possible* invitation") or a verb that governs it ("hopes to
  receive aid") give nothing.
- "Face" reports a prospect as often as an act ("faces sanctions if it ..."): it counts only with
  a word of newness or a past tense and never with "if"/"unless".
- Confidence :data:`~detente.coding.lexicon.CONF_NOMINAL`, like the other acts named by a noun: the verbs
  of the sentence come first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import governors as G
from detente.coding import lexicon as L
from detente.coding import patterns as P
from detente.coding import syntax
from detente.coding.arguments import argument
from detente.coding.candidate import Candidate
from detente.coding.context import Context
from detente.coding.nominals import UNREAL_CLAUSES, UNREAL_MODIFIERS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

RECEIVING_VERBS: dict[str, frozenset[str]] = {
    "receive": frozenset(), "get": frozenset(), "face": frozenset(), "draw": frozenset(), "attract": frozenset(),
    "earn": frozenset(), "win": frozenset(), "accept": frozenset(), "suffer": frozenset(), "endure": frozenset(),
    "come": frozenset({"under"}),
}
"""Verbs whose subject is the target of the act their object names, with the preposition that introduces
the object where it is not the direct object ("came *under* fire from X")."""
NOMINALISATIONS: dict[str, tuple[str, str | None]] = {
    "criticism": ("criticize", None), "condemnation": ("condemn", None), "rebuke": ("rebuke", None),
    "censure": ("censure", None), "accusation": ("accuse", None), "pressure": ("pressure", None),
    "demand": ("demand", None), "request": ("request", None), "appeal": ("appeal", None), "plea": ("plead", None),
    "call": ("call", None), "invitation": ("invite", None), "offer": ("offer", None), "proposal": ("propose", None),
    "warning": ("warn", None), "threat": ("threaten", None), "ultimatum": ("issue", "ultimatum"),
    "sanction": ("sanction", None), "attack": ("attack", None), "fire": ("attack", None), "strike": ("strike", None),
    "visit": ("visit", None), "praise": ("praise", None), "congratulation": ("congratulate", None),
    "congratulations": ("congratulate", None), "condolence": ("offer", "condolence"),
    "condolences": ("offer", "condolence"), "apology": ("apologize", None), "aid": ("give", "aid"),
    "assistance": ("give", "aid"), "loan": ("give", "money"), "protest": ("lodge", "protest"),
    "complaint": ("complain", None), "recognition": ("grant", "recognition"), "endorsement": ("endorse", None),
    "backing": ("back", None), "rejection": ("reject", None), "veto": ("veto", None), "summons": ("summon", None),
}
"""Event noun (lemma, or the plural where the lemmatiser keeps it) -> the verb it nominalises, and the
object family the verb takes for it where the noun is that object ("condolences" are *offered*)."""
SOURCE_PREPS = frozenset({"from", "by"})
NEWNESS_WORDS = frozenset({"new", "fresh", "further", "additional", "more", "mounting", "growing", "sharp",
                           "harsh", "strong", "widespread", "international"})
"""Modifiers that make "faces X" news rather than a prospect ("faced *sharp* criticism from ...")."""


def received(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """The candidates of one receiving verb: the act its object noun names, from the "from"/"by" actor
    to the verb's subject."""
    verb_lemma = lemma(verb)
    if verb_lemma not in RECEIVING_VERBS or syntax.negated(verb) or verb.tag_ == "VBG":
        return []
    need_prep = RECEIVING_VERBS[verb_lemma]
    nouns = [c for c in verb.children if c.dep_ == "dobj"] if not need_prep else [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in need_prep for g in c.children if g.dep_ == "pobj"]
    out: list[Candidate] = []
    for noun in nouns:
        key = noun.lower_ if noun.lower_ in NOMINALISATIONS else lemma(noun)
        if key not in NOMINALISATIONS or not noun.tag_.startswith("NN"):
            continue
        mods = {c.lower_ for c in noun.children if c.i < noun.i}
        if mods & UNREAL_MODIFIERS:
            continue
        if verb_lemma == "face" and not (mods & NEWNESS_WORDS or verb.tag_ in ("VBD", "VBN")):
            continue  # "faces sanctions": a prospect, not an act
        source_tok = next((g for holder in (noun, verb) for c in holder.children
                           if c.dep_ in ("prep", "agent") and c.lower_ in SOURCE_PREPS
                           for g in c.children if g.dep_ == "pobj"), None)
        if source_tok is None:
            continue
        code = _code(noun, key, lemma)
        if code is None:
            continue
        subj_tok, passive, _ = syntax.subject(verb, lemma)
        if subj_tok is None or passive:
            continue
        if syntax.governor(verb, lemma)[1] is not None:
            continue  # "hopes to receive aid from X": not (yet) an act
        modality = syntax.clause_modality(verb, None, source_tok, lemma)
        if modality in UNREAL_CLAUSES or modality == "reported":
            continue
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & (G.MODAL_AUX | G.FUTURE_AUX):
            continue
        source = argument(source_tok, offset, ctx, lemma)
        target = argument(subj_tok, offset, ctx, lemma)
        for s_actor in source.actors[:3]:
            for t_actor in target.actors[:3]:
                if country_of(s_actor.code) != country_of(t_actor.code):
                    out.append(Candidate(code, source, target, s_actor, t_actor, noun, verb, modality=modality,
                                         confidence=L.CONF_NOMINAL))
    return out


def _code(noun: Token, key: str, lemma: syntax.Lemma) -> str | None:
    """The verb table's code for the act the noun names, read with the noun's own complements
    ("a call *for aid*" -> "call for" + aid -> 023)."""
    verb_lemma, family = NOMINALISATIONS[key]
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ not in SOURCE_PREPS}
    families: set[str] = {family} if family else set()
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ not in SOURCE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    families.update(P.families(lemma(g)))
        elif c.dep_ in ("compound", "amod"):
            families.update(P.families(lemma(c)))
    pattern = P.match(verb_lemma, preps, families)
    if pattern is None:
        return None
    return pattern.code
