"""Speakers' judgements: what a speaker says of another actor's act, coded as the speaker's own act.

"X said Y's decision was unacceptable" is a criticism (111) from X to Y, "X says Y is behind the
bombing" an accusation (112), "X said any attack by Y would not go unanswered" a threat (130), "X said
Y's decision violates WTO rules" a condemnation, and "Russia claimed that it was Azerbaijan that
violated the ceasefire" an accusation beside the claimed act. The reported clause names the target,
the speaker (the subject of the speech verb, or the agent of a passive) the source. A copula of
readiness ("X is open to talks with Y") is an intent (036, 037 ...), read here as well, for it is
likewise a predicate adjective the verb table does not see. A quoted charge given as a measure's ground ("recalled
its envoy over B's "interference"") is the measure's author accusing B (11) beside the measure (:func:`stated_grounds`,
the guide's convention 27).

Choices:

- The reported clause must hold the judgement itself: a word of condemnation on a copula
  (:data:`~detente.coding.lexicon.CONDEMNING_WORDS`), "responsible for" or "behind" an attack or offence
  (:data:`~detente.coding.lexicon.BLAMED_ACT_NOUNS`), a retaliation in the future
  (:data:`~detente.coding.lexicon.RETALIATION_WORDS`); a negated saying ("did not say") or a negated
  clause ("Y was not behind it") clears the target.
- A regret ("X regretted Y's decision", :data:`~detente.coding.lexicon.REGRET_VERBS`) or a dismay ("X was
  concerned by Y's move", :data:`~detente.coding.lexicon.DISMAY_ADJECTIVES`) is a criticism (111) only when its
  object is an act whose author is said (a possessive, a name's adjective, a "by" phrase: :func:`act_author`), as
  the guide reads concern, regret and disappointment (ADJUDICATION.md); a "by" phrase names the judged act's author
  in the condemning clauses too. Session 16 (judgements16).
- A negated approval counts when the parser reads it as a passive ("was not justified") or negates it with a phrase
  of "no" ("in no way justified"); "in violation of" / "in breach of" is a condemning predicate; a relative pronoun
  subject is the antecedent of the speech verb's relative clause; a conjunct denied with "not" ("Y and not Z was
  ...") is no target.
- One candidate per inter-state pair of speaker and target (the first three actors of each,
  :func:`~detente.coding.same_side.foreign_pairs`): an act between two sectors of one state is not one
  of these patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.actors.registry import country_of
from detente.coding import governors as G
from detente.coding import lexicon as L
from detente.coding import patterns as P
from detente.coding import quotes, syntax
from detente.coding.arguments import Arg, argument
from detente.coding.candidate import Candidate
from detente.coding.context import Context
from detente.coding.fallback_targets import fallback_target
from detente.coding.same_side import foreign_pairs

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def _asserting_speaker(verb: Token, lemma: syntax.Lemma) -> Token | None:
    """Who says what `verb` reports (its subject, or the agent of a passive), or None when
    there is none or the saying is negated ("did not say that ...")."""
    speaker_tok, passive, agent = syntax.subject(verb, lemma)
    if passive:
        speaker_tok = agent
    if speaker_tok is None or syntax.negated(verb):
        return None
    return speaker_tok


def _speaker_candidates(label: str, speaker_tok: Token, target_tok: Token, clause: Token, verb: Token, offset: int,
                        ctx: Context, lemma: syntax.Lemma, modality: str | None = None) -> list[Candidate]:
    """One candidate per inter-state pair from the speaker of a reported clause to whom the
    clause is about (`target_tok`): the shared tail of the reported-judgement patterns."""
    source = argument(speaker_tok, offset, ctx, lemma)
    target = argument(target_tok, offset, ctx, lemma)
    denied = [(offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge.text))
              for c in target_tok.conjuncts if any(n.dep_ == "neg" for n in c.children)]  # "Y *and not Z* was ..."
    return [Candidate(label, source, target, s_actor, t_actor, clause, verb, modality=modality,
                      confidence=L.CONF_SPECIFIC_PATTERN, main=syntax.is_main(verb))
            for s_actor, t_actor in foreign_pairs(source, target)
            if not any(start <= t_actor.start < end for start, end in denied)]


def _no_phrase(tok: Token) -> bool:
    """Whether `tok` has a negating phrase of "no" ("is *in no way* justified", "*by no means* acceptable"), which
    :func:`~detente.coding.syntax.negated` (a "not" or "never") does not see."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children)
                                        for g in c.children) for c in tok.children)


def clause_subject(clause: Token, verb: Token) -> Token | None:
    """The subject of a reported clause; for a relative pronoun ("the bureau, *which* the EU said is responsible
    for ...") the antecedent of the relative clause the speech verb heads; None when there is neither."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in L.RELATIVE_PRONOUNS:
        return verb.head if verb.dep_ == "relcl" and verb.head.tag_.startswith("NN") else None
    return subj


def condemning_judgement(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X said Y's decision was unacceptable / a violation of international law": a speaker's condemning
    judgement of an actor's act or of the actor is a criticism (CAMEO 111) from the speaker to that actor.

    The reported clause is a copula whose predicate (or a modifier of it) is a word of condemnation
    (:data:`~detente.coding.lexicon.CONDEMNING_WORDS`); its subject phrase names the target.
    """
    speaker_tok = _asserting_speaker(verb, lemma)
    if speaker_tok is None:
        return []
    out: list[Candidate] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        judged = judged_act(clause, lemma)  # "X said Y's decision violates WTO rules"
        if judged is None:
            continue
        author = act_author(judged, lemma) or judged  # "the decision *by Y* violates ..."
        out += _speaker_candidates(L.LABEL_BAD, speaker_tok, author, clause, verb, offset, ctx, lemma)
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and lemma(c) in L.COPULAS):
        predicate = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
        predicate += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"
                      for g in c.children if g.dep_ == "pobj"]  # "was *in violation* of", "in breach of"
        said = [t for p in predicate for t in (p, *(c for c in p.children if c.dep_ in ("amod", "compound")))]
        words = {lemma(t) for t in said} | {t.lower_ for t in said}  # "justified" tagged VBN lemmatizes to "justify"
        negated = any(syntax.negated(t) or _no_phrase(t) for t in (clause, *predicate))
        if not (words & L.CONDEMNING_WORDS and not negated) and not (words & L.APPROVING_WORDS and negated):
            continue  # "was unacceptable", "was not acceptable"
        subj = clause_subject(clause, verb)
        if subj is None:
            continue
        author = act_author(subj, lemma) or subj  # "the decision *by Y* was a breach of ..."
        out += _speaker_candidates(L.LABEL_BAD, speaker_tok, author, clause, verb, offset, ctx, lemma)
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBN"
                   and any(a.dep_ == "auxpass" for a in c.children)):  # "was not justified", parsed as a passive
        negated = syntax.negated(clause) or _no_phrase(clause)
        if not (clause.lower_ in L.APPROVING_WORDS and negated or clause.lower_ in L.CONDEMNING_WORDS and not negated):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lower_ in L.RELATIVE_PRONOUNS:
            continue
        author = act_author(subj, lemma) or subj
        out += _speaker_candidates(L.LABEL_BAD, speaker_tok, author, clause, verb, offset, ctx, lemma)
    return out


def judged_in_speech(noun: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> bool:
    """Whether an act noun is the subject of a speaker's condemning judgement ("Germany said *Russia's expulsion of
    its diplomats* was unjustified"): the speaker judges an act the page has reported, coded 11 here
    (:func:`condemning_judgement`); the act itself is coded where the page first reports it, not again from the
    judgement's subject (guide rule 7, conventions 14 and 26). Session 17 (speech17)."""
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    speech = clause.head
    if lemma(speech) not in G.SPEECH_VERBS:
        return False
    return any(c.verb.i == clause.i for c in condemning_judgement(speech, offset, ctx, lemma))


def judged_act(clause: Token, lemma: syntax.Lemma) -> Token | None:
    """For a reported clause that breaks a rule with an act as its subject ("[X said] *Y's decision*
    violates WTO rules"), that subject; else None (:data:`~detente.coding.lexicon.VIOLATE_VERBS`)."""
    if syntax.negated(clause):
        return None
    if lemma(clause) in L.CONSTITUTE_VERBS:  # "Y's strikes constitute war crimes", "amount to aggression"
        named = [g for c in clause.children if c.dep_ in ("dobj", "attr") for g in (c, *c.children) if g.dep_ != "det"]
        named += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        named += [m for g in named for m in g.children if m.dep_ in ("compound", "amod")]
        if not any(lemma(g) in L.CONDEMNING_WORDS or g.lower_ in L.OFFENCE_NOUNS for g in named):
            return None
    elif lemma(clause) not in L.VIOLATE_VERBS:
        return None
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or (subj.lower_ not in L.JUDGED_ACT_NOUNS and subj.lower_ not in L.ACT_NOUNS):
        return None
    if not any(c.dep_ in ("poss", "amod", "compound") or (c.dep_ == "prep" and c.lower_ == "by") for c in subj.children):
        return None  # "the decision violates ...": whose act is not said
    return subj


def act_author(noun: Token, lemma: syntax.Lemma) -> Token | None:
    """For a noun naming an act whose author is said, the phrase that names the author: the object of a "by" phrase
    ("the announcement *by Y*"), else the noun itself when a possessive, a name's adjective or a compound says whose
    it is ("*Y's* decision", "the *Iraqi* strike"); None for any other noun. Act nouns:
    :data:`~detente.coding.lexicon.JUDGED_ACT_NOUNS`, :data:`~detente.coding.lexicon.ACT_NOUNS`,
    :data:`~detente.coding.lexicon.ANNOUNCED_ACT_NOUNS` and the attack family."""
    word = noun.lower_
    if not (word in L.JUDGED_ACT_NOUNS or word in L.ACT_NOUNS or word in L.ANNOUNCED_ACT_NOUNS
            or P.family(lemma(noun)) == "attack"):
        return None
    by = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
               if g.dep_ == "pobj"), None)
    if by is not None:
        return by
    if any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.tag_ in ("NNP", "NNPS", "JJ"))
           for c in noun.children):
        return noun
    return issuer(noun, lemma)


def issuer(noun: Token, lemma: syntax.Lemma) -> Token | None:
    """Who issued a text, named in a clause on it: "the law *which was approved by the Verkhovna Rada*", "the law
    *that Ukraine's parliament approved*", "the decree *signed by Y*": the subject or the passive agent of a relative
    clause or participle whose verb makes the text its author's own (:data:`~detente.coding.lexicon.ISSUING_VERBS`,
    not "the law *that X criticised*"); None when there is none, or the clause is negated. Session 25 (misses25:
    dev18a-178, "the language law which was approved on Thursday by the Verkhovna Rada is unacceptable")."""
    for clause in noun.children:
        if not (clause.dep_ == "relcl" or clause.dep_ == "acl" and clause.tag_ == "VBN"):
            continue
        if lemma(clause) not in L.ISSUING_VERBS or syntax.negated(clause):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        agent = next((g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        who = agent if agent is not None else subj
        if who is not None and who.lower_ not in L.RELATIVE_PRONOUNS:
            return who
    return None


def regretted_act(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X regretted Y's decision", "X said it regrets the announcement by Y": regretting another actor's act is
    disapproval of it, a criticism (CAMEO 111) from the one who regrets to the act's author.

    The verb is one of :data:`~detente.coding.lexicon.REGRET_VERBS`; its direct object must be an act whose author is
    said (:func:`act_author`): "regretted the loss of life" names no one and stays uncoded, as a negated regret
    does."""
    subj_tok, passive, _ = syntax.subject(verb, lemma)
    if subj_tok is None or passive or syntax.negated(verb):
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return _disapproved_acts(subj_tok, objs, verb, offset, ctx, lemma)


def dismayed_by_act(adj: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X was deeply concerned by Y's move", "X said it was disappointed with Y's decision": a predicate adjective
    of disapproval (:data:`~detente.coding.lexicon.DISMAY_ADJECTIVES`) with an act of another actor as its cause is a
    criticism (CAMEO 111) from whom it is said of to the act's author, as "expressed concern at Y's move" is.

    `adj` is the adjective, on a copula ("was concerned", parsed acomp) or read as a passive participle ("is
    disappointed", parsed with its own nsubjpass). The act must have its author said (:func:`act_author`):
    "concerned about the situation" or "worried by reports" stays uncoded, as a negated one ("not concerned by")
    does."""
    if adj.dep_ == "acomp" and lemma(adj.head) in L.COPULAS:
        verb = adj.head
        subj_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif any(c.dep_ == "auxpass" for c in adj.children):
        verb = adj
        subj_tok = next((c for c in adj.children if c.dep_ == "nsubjpass"), None)
    else:
        return []
    if subj_tok is None or subj_tok.lower_ in L.RELATIVE_PRONOUNS or syntax.negated(verb) or syntax.negated(adj):
        return []
    objs = [g for c in adj.children if c.dep_ in ("prep", "agent") and c.lower_ in L.DISMAY_PREPS
            for g in c.children if g.dep_ == "pobj"]
    return _disapproved_acts(subj_tok, objs, verb, offset, ctx, lemma)


def _disapproved_acts(subj_tok: Token, objs: list[Token], verb: Token, offset: int, ctx: Context,
                      lemma: syntax.Lemma) -> list[Candidate]:
    """A criticism (111) from `subj_tok` to the author of each act among `objs` whose author is said
    (:func:`act_author`): the shared tail of a regret and of a dismay."""
    out: list[Candidate] = []
    for obj in objs:
        author = act_author(obj, lemma)
        if author is not None:
            out += _speaker_candidates(L.LABEL_BAD, subj_tok, author, verb, verb, offset, ctx, lemma)
    return out


def blamed_for_offence(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X said Y was responsible for the attack", "X says Y is behind the bombing": a speaker who holds an actor
    answerable for an attack or an offence accuses it (CAMEO 112, as "blamed Y for" is).

    The reported clause is a copula whose predicate is "responsible" with a "for" phrase, or whose "behind"
    phrase, naming an attack or an offence (:data:`~detente.coding.lexicon.BLAMED_ACT_NOUNS`), or a copula with
    "to blame" (:func:`copular_blame`), which blames whatever it is for ("Seoul said Tokyo was to blame for the
    collapse of the talks": KOR->JPN, the speaker blames, guide rule 5); its subject names the accused. Not when
    negated ("Y was not behind it", "Y is not to blame" clear Y)."""
    speaker_tok = _asserting_speaker(verb, lemma)
    if speaker_tok is None:
        return []
    out: list[Candidate] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and lemma(c) in L.COPULAS):
        if syntax.negated(clause):
            continue
        answerable = [g for p in clause.children if p.dep_ == "acomp" and lemma(p) in L.ANSWERABLE_WORDS
                      for c in p.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        behind = [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "behind"
                  for g in c.children if g.dep_ == "pobj"]
        acts = [*answerable, *behind]
        if not copular_blame_in(clause, lemma) and not any(
                lemma(a) in L.BLAMED_ACT_NOUNS or P.family(lemma(a)) == "attack" for a in acts):
            continue
        subj = clause_subject(clause, verb)
        if subj is None:
            continue
        out += _speaker_candidates(L.ACCUSE, speaker_tok, subj, clause, verb, offset, ctx, lemma)
    return out


def copular_blame(verb: Token, lemma: syntax.Lemma) -> bool:
    """Whether `verb` is the "blame" of "Y is (partly) to blame (for ...)": an infinitive on a copula whose subject
    is the one blamed, not the one who blames (the verb table would read it as Y's blame of someone)."""
    return (verb.dep_ == "xcomp" and verb.lower_ == "blame" and verb.head.i != verb.i and lemma(verb.head) in L.COPULAS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))  # the bare infinitive only


def copular_blame_in(clause: Token, lemma: syntax.Lemma) -> bool:
    """Whether the copula `clause` holds an unnegated "to blame" ("[X said] Y was to blame for ...")."""
    return any(copular_blame(c, lemma) and not syntax.negated(c) for c in clause.children)


def retaliation_warning(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X said any attack by Y would not go unanswered / would meet a decisive response": a conditional
    promise of retaliation is a threat (CAMEO 130) from the speaker to the author of the act it answers.

    The reported clause must be in the future ("would", "will") and name a retaliation
    (:data:`~detente.coding.lexicon.RETALIATION_WORDS`); its subject phrase names the target.
    """
    speaker_tok = _asserting_speaker(verb, lemma)
    if speaker_tok is None:
        return []
    out: list[Candidate] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not aux & L.RETALIATION_AUX:
            continue
        if not any(lemma(t) in L.RETALIATION_WORDS or t.lower_ in L.RETALIATION_WORDS for t in clause.subtree):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        out += _speaker_candidates(L.THREAT, speaker_tok, subj, clause, verb, offset, ctx, lemma, modality="threat")
    return out


def accusation(verb: Token, anchor: Token, accused: Arg, offset: int, ctx: Context,
                lemma: syntax.Lemma) -> list[Candidate]:
    """"Russia claimed that it was Azerbaijan that violated the ceasefire": the claimant accuses the
    act's author (CAMEO 112), beside the claimed act itself, which stays `reported` (not asserted)."""
    speaker_tok = syntax.speech_subject(verb, lemma)
    if speaker_tok is None:
        return []
    speaker = argument(speaker_tok, offset, ctx, lemma)
    out = []
    for s_actor, t_actor in foreign_pairs(speaker, accused):
        out.append(Candidate(L.ACCUSE, speaker, accused, s_actor, t_actor, verb, anchor,
                             confidence=L.CONF_BARE_VERB, main=syntax.is_main(anchor)))
    return out


MEASURE_ROOTS = frozenset({"16", "17"})
"""Roots of the measures a stated ground can accompany (guide convention 27: sanctions, an expulsion, a recall, a
closure, a severance, a detention)."""
GROUND_PREPS = frozenset({"over"})
"""The preposition that gives a measure's ground ("recalled its envoy *over* B's interference"), besides the
multiword ones of :data:`GROUND_PHRASES`. Not "for": "detained *for* espionage", "sentenced *for* spying",
"sanctions *for* abuses" read as the legal ground of the measure itself (convention 27 leaves a formal charge to
the legal action); session 17's measure with "for": 0 right, 7 wrong on the pooled development files."""
GROUND_PHRASES = frozenset({"due", "because", "result", "response", "protest", "retaliation", "anger", "light"})
"""Heads of multiword grounds: "*due to*", "*because of*", "as a *result* of", "in *response* to", "in *protest*
at", "in *retaliation* for", "in *anger* over", "in the *light* of": their object (or its "of" phrase) is the
ground."""
CHARGE_NOUNS = frozenset(
    "espionage spying interference meddling intervention provocation provocations aggression hostility "
    "abuses abuse violations violation breach breaches crimes crime atrocities attacks attack subversion "
    "sabotage insults insult slander propaganda disinformation incitement".split()
)
"""Nouns that charge someone with an offence when given as a measure's ground ("over B's *interference*",
"citing B's *abuses*"): the convention-27 class, with :data:`CHARGING_ADJECTIVES` on any act noun."""
CHARGING_ADJECTIVES = frozenset(
    "hostile unfriendly alleged insulting offensive inadmissible unacceptable illegal illegitimate unlawful "
    "aggressive provocative baseless slanderous malicious".split()
)
"""Adjectives that make a ground an accusation ("due to the kingdom's *hostile* actions", "over *inadmissible*
comments")."""


def _ground_nouns(verb: Token) -> list[Token]:
    """The nouns a measure's verb (or its object) gives as its ground: the object of "over", of a multiword
    ground (:data:`GROUND_PHRASES`: "due to X", "as a result of X") or of a trailing "citing" participle."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    found: list[Token] = []
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "prep" and child.lower_ in GROUND_PREPS:
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in GROUND_PHRASES:  # "due to X", "because of X"
            found += [g for g in child.subtree if g.dep_ == "pobj"][:1]
        elif child.dep_ == "prep":  # "as a result of X", "in response to X", "in the light of X"
            found += [g for n in child.children if n.dep_ == "pobj" and n.lower_ in GROUND_PHRASES
                      for p in n.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        elif child.dep_ in ("advcl", "xcomp") and child.lower_ == "citing":
            found += [g for g in child.children if g.dep_ == "dobj"]
    return found


def _charge(noun: Token) -> bool:
    """Whether a ground noun charges its author with an offence (:data:`CHARGE_NOUNS`, or an act noun with a
    charging adjective or quoted charge, :data:`CHARGING_ADJECTIVES`)."""
    words = {noun.lower_} | {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "conj")}
    return bool(words & CHARGE_NOUNS) or any(c.dep_ == "amod" and c.lower_ in CHARGING_ADJECTIVES for c in noun.children)


def _in_own_words(ground: Token, offset: int, ctx: Context) -> bool:
    """Whether the ground's charge is quoted (the noun or one of its modifiers inside quotation marks: over B's
    "interference", due to "hostile actions"): the measure's author's own words, an accusation it makes. An unquoted
    ground may be the reporter's account of the reason ("over their alleged involvement", the hedge dev2g-212's
    note names) and is left alone. Session 17, pooled development files: without this test the rule gained 7 right
    and 5 wrong (by the gold) events; with it 5 right (dev7b-094, -095, dev8e-006, -207, dev9e-042) and 2 wrong
    (dev2b-091, dev7c-161: grounds convention 27 codes, which their gold leaves uncoded)."""
    words = (ground, *(c for c in ground.children if c.dep_ in ("amod", "compound")))
    return any(quotes.inside(ctx.quotes, offset + t.idx) is not None for t in words)


def stated_grounds(cands: list[Candidate], offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"A recalled its envoy from B over B's interference", "severed ties with B, citing its hostile actions": an
    accusation stated beside a measure is a second act, coded 11 (CAMEO 112) from the measure's author to its
    target, beside the measure (the news guide's convention 27; rules 2, 4 and 5).

    Choices:

    - The measure is a candidate of root 16 or 17, asserted (not negated, not merely possible); its ground is
      the object of "over", of a multiword ground ("due to", "as a result of", "in response to") or of a
      trailing "citing" on its verb or the verb's object (:func:`_ground_nouns`).
    - The ground must charge someone (:func:`_charge`): "over national security concerns", "over the Czech
      allegations" or "citing reports" accuse no one here (convention 27's exceptions); and the charge must be
      quoted, the author's own words (:func:`_in_own_words`).
    - The accused is the measure's target, unless the ground names another foreign author (a possessive, an
      adjective of a name, an "of"/"by" phrase), who is then the accused.
    - One accusation per pair; none where the sentence already has a root-11 candidate for it ("accusing them
      of espionage" is read by the verb table). Session 17 (speech17)."""
    have = {(country_of(c.source_actor.code), country_of(c.target_actor.code)) for c in cands
            if c.code[:2] == "11" and c.source_actor is not None and c.target_actor is not None}
    out: list[Candidate] = []
    for cand in cands:
        if (cand.code[:2] not in MEASURE_ROOTS or cand.negated or cand.modality in ("possible", "conditional", "question")
                or cand.source_actor is None or cand.target_actor is None or cand.reverse):
            continue
        verb = cand.anchor if cand.anchor is not None and cand.anchor.tag_.startswith("VB") else syntax.clause_verb(cand.verb)
        if verb is None:
            continue
        for ground in (g for g in _ground_nouns(verb) if _charge(g) and _in_own_words(g, offset, ctx)):
            named = next((c for c in ground.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
            named = named or next((g for c in ground.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
                                   for g in c.children if g.dep_ == "pobj"), None)
            target, t_actor = cand.target, cand.target_actor
            if named is not None:
                arg = argument(named, offset, ctx, lemma)
                if arg.actors and country_of(arg.actors[0].code) != country_of(cand.source_actor.code):
                    target, t_actor = arg, arg.actors[0]
            pair = (country_of(cand.source_actor.code), country_of(t_actor.code))
            if pair in have or pair[0] == pair[1]:
                continue
            have.add(pair)
            out.append(Candidate(L.ACCUSE, cand.source, target, cand.source_actor, t_actor, ground, cand.anchor,
                                 modality=cand.modality, confidence=cand.confidence - L.RANK_SECOND_EVENT,
                                 main=cand.main))
    return out


def readiness(verb: Token, offset: int, ctx: Context, lemma: syntax.Lemma) -> list[Candidate]:
    """"X is open to talks (with Y)", "X remains ready for a peace deal": an intent to meet or to
    settle (CAMEO 036 / 037 ...), read off a copula with a readiness adjective and its object."""
    adj = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in L.READY_ADJECTIVES), None)
    if adj is None or syntax.negated(verb) or syntax.negated(adj):
        return []
    obj = next((g for c in adj.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                for g in c.children if g.dep_ == "pobj"), None)
    if obj is None:
        return []
    families = {P.family(lemma(o)) for o in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod")))}
    code = next((L.READY_FOR[f] for f in L.READY_FOR if f in families), None)
    subj, _, _ = syntax.subject(verb, lemma)
    if code is None or subj is None:
        return []
    source = argument(subj, offset, ctx, lemma)
    with_tok = syntax.prep_object(obj, "with")
    target = argument(with_tok, offset, ctx, lemma) if with_tok is not None else None
    clause = syntax.clause_modality(verb, None, subj, lemma)
    modality = clause if clause in ("conditional", "reported", "possible") else "intent"
    out = []
    for s_actor in source.actors[:3] or [None]:
        for t_actor in (target.actors[:3] if target is not None and target.actors else [None]):
            if t_actor is None:
                t_actor = fallback_target(verb, s_actor, offset, ctx, target, source)
            cand = Candidate(code, source, target, s_actor, t_actor, verb, verb, modality=modality,
                             confidence=L.CONF_SPECIFIC_PATTERN, main=syntax.is_main(verb))
            if t_actor is not None and t_actor.fallback:
                cand.confidence -= L.PENALTY_GUESSED_TARGET
            out.append(cand)
    return out
