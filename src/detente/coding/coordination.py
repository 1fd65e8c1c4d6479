"""Coordinated sides: how a list of parties ("A, B and C") becomes events, one per pair or per member.

CAMEO codes an event between two actors; a sentence often names more ("France, Germany and Britain
condemned ...", "talks between A, B and C", "A and B are set to meet"). The guide of the news
development sets (`data/news_dev/README.md`) codes each conjunct of a coordinated side on its own
(convention 2: "the US and UK struck Yemen" is two events) and a joint act between every two of its
parties, both ways (convention 3, CAMEO practice for symmetric events). This module holds those
expansions and their limits, each said in the event's note, never applied without a word: a joint act of
more than :data:`MAX_PARTIES` parties is coded for its first party with each of the others, with a note; one of
:data:`CONFERENCE_PARTIES` or more is a conference, kept apart with a note (in every mode: sentence and page
mode return it as a partial event, document mode in :attr:`~detente.coding.coder.DocumentResult.apart`). It also reads lists the parser
breaks (:func:`broken_list`, :func:`split_list`), a list set around one party (:func:`hub`), a list that only attends a gathering
(:func:`attendees`), which side of a coordinated subject announces a meeting (:func:`announcing_side`), the
objects of joined prepositions of one word ("to A and to B", :func:`conjoined_prep_objects`) and which members of a
coordinated source share a target guessed from elsewhere in the sentence (:func:`members_guessed`), and a subject's
members enumerated after a colon or a dash (:func:`enumerated_members`) or added by "along with"
(:func:`accompanying_members`).

Choices
-------
- The limits count distinct countries (or organisations), not names: "Blinken and Austin" is one party.
- One-sided acts of a list ("fifteen states condemned X") are not limited: one event per member, as many as
  the list names (N events), where a joint act gives N(N-1). Lifting the old cap of four (session 11): 16
  right, 0 wrong on the development files (news_dev3 part e).
- Every pair up to 4 parties: in the development gold (news_dev ... news_dev4 a-c) joint acts of three or
  four parties are coded for every pair (19 sentences); lists of six to eight (the nuclear talks of Iran
  with the five permanent members and Germany) from one party only (news_dev2's adjudication), which only
  the "A and B, C, D and E" form tells (:func:`hub`: 4 more right, 2 fewer wrong there).
- Five to nine parties: the first party with each of the others (:func:`long_hub`), with a note: convention 21's
  one party facing a group, which is how the development gold codes every joint act of five or more parties.
  Until session 13 the pairs of the first four were coded (6 right, 6 wrong when "talks between" lists joined);
  keeping them all apart was tried then (F1 0.450 against 0.453). Session 14 (multiparty14; page mode, every
  development file pooled, news_dev7 d-e left out, 5,662 gold events): right +8 -4, wrong +8 -14 (news_dev2 e,
  news_dev4 b, news_dev6 c), P 0.6615 -> 0.6633, R 0.3493 -> 0.3501, F1 0.4572 -> 0.4583; no-event sentences left
  uncoded 3,717 of 4,092 and PLOVER 0.640 unchanged. The wrong ones: a list whose focal party is named second
  ("between the U.S., Iran, Russia ...", dev4b-116).
- Attendance of a gathering by three or more parties (:func:`attendees`) pairs none of them (session 11, pooled
  page-mode development sets without news_dev4 d-e: 18 false events fewer, none right lost; with the
  broker participle no longer read as a deal's side, :data:`~detente.coding.modifier_pairs.THIRD_PARTY_PARTICIPLES`,
  F1 0.4688 -> 0.4725, P 0.664 -> 0.676).
- A list the parser split at its last "and" (:func:`split_list`: "the regimes of A, B, and C"), session 12, pooled
  page-mode development sets without news_dev5 d-e: 3 right events more, none wrong (F1 0.4623 -> 0.4630).
- A coordinated side the parser swallows (session 12, persons12): a first person inside the second's name phrase
  (:func:`swallowed_and`), a list in apposition to a plural title (:func:`appositive_conjuncts`) and two demonyms
  one "of" deeper ("the chiefs of the A and B armies", in ``modifier_pairs.coordinated_modifiers``). Pooled page-mode
  development sets without news_dev5 d-e: 22 right events more, 1 lost, 6 wrong more (4 of them signings the gold
  leaves uncoded as restatements, 2 a joint trip), 1 fewer; F1 0.4807 -> 0.4861, P 0.678 -> 0.682.
- A list member of several words or with an article hung on the first by the parser ("Saudi Arabia, *the United
  Arab Emirates*, Bahrain and Egypt", :func:`broken_list` reading the comma before the member's phrase) and "as well
  as" joining a last member (:func:`joins_list`). Session 16 (lists16; page mode, development sets pooled without
  news_dev9 d-e, 7,558 gold events): right +13 -1, wrong +7 -3 (news_dev6 c, news_dev9 a and c; the 6 new wrong ones
  are the right pairs of "A, the B and the C agreed to form a partnership" under root 03 where the gold has 05),
  P 0.6350 -> 0.6355, R 0.3264 -> 0.3280, F1 0.4312 -> 0.4327; no-event sentences left uncoded 5,072 of 5,602 and
  PLOVER 0.636 unchanged. "As well as" alone changed no development event (kept: the grammar's coordinator, with
  its own test).
  Measured in the development sets' 194 sentences with a list of three or more parties (738 gold events on them,
  41 files): 582 missed, mostly by the predicate (276 no pattern) or a side the sentence does not name (151, the
  statement's target in an earlier sentence); 92 where the coder codes some members and drops others: the parser's
  apposition (fixed here), and the sentence classifier's single pair when no rule fires ("A, B and C will expel
  serving diplomats": the classifier codes the first member only; left to the coder).
- A target guessed from elsewhere in the sentence (none on the predicate) for every member of a coordinated source
  (:func:`members_guessed`), not the first alone. Session 17 (lists17; page mode, development sets pooled without
  news_dev10 d-e, 8,393 gold events): right +26, wrong +9 -3 (13 files gaining: "Saudi Arabia, Bahrain, Egypt, and the
  United Arab Emirates, and Yemen are breaking off diplomatic relations", "France and Germany have voiced concern
  about ..."; the new wrong ones are members of a first pair already wrong), P 0.6286 -> 0.6299, R 0.3267 -> 0.3298,
  F1 0.4299 -> 0.4329; no-event sentences left uncoded 5,790 -> 5,793 of 6,408. Session 17 measured the class: in the
  sentences naming three parties or more, 236 gold events (120 sentences, 45 files) were missed where the coder coded
  another member of the same side and root: 86 members named in another clause or phrase (no list), 80 in one
  coordination with a coded member (22 of them two long lists read around the wrong focal party, news_dev4 b and
  news_dev7 b), 42 members the parser hung inside another's phrase ("the US-Britain attack", "Serbian and Bosnian
  goods"), 28 members not read as actors; 14 of the 236 were coded by the classifier's fallback, the rest by rules.
  This cap was the largest structural cause the coder could reach: 25 of the 236 regained.
- Tried and dropped (session 17): the sentence classifier's fallback giving every member of its subject and object
  an event (one per party, as the pattern path codes a one-sided act). Alone: right +4, wrong +8 -1 (the classifier's
  own pair is wrong about half the time, and each wrong pair multiplied by the list), P 0.6299 -> 0.6293; with a joint
  reading of a coordinated subject (every pair both ways for roots 03-06) right +24, wrong +43 ("submitted ... by A,
  B, C and D" read as their agreement). The fallback keeps its one pair (:func:`detente.coding.fallback.classifier_event`).
- Tried and dropped (session 17): a guessed target that heads a list ("to fight Ebola in Sierra Leone, Guinea and
  Liberia") coded for each of its conjuncts too. Right +20 -1, wrong +24 (the guess is often not the act's target:
  "support the text ... Australia, the US, Turkey ... and Japan", "a treaty brokered by the World Bank ... between
  India and Pakistan", and each wrong guess multiplied by its list), P 0.6302 -> 0.6284: below the bar.
- A group subject whose members follow a colon or a dash ("the six Gulf states: Saudi Arabia, the Emirates, ...",
  "the four Visegrad countries - the Czech and Slovak Republics, Poland and Hungary -", :func:`enumerated_members`):
  each member is a side, as in a plain list. Session 26 (gaps26; page mode, development sets pooled, news_dev to
  news_dev19, 14,493 gold events; ``benchmarks/coding_multiparty.py``, ``benchmarks/results/coding_multiparty.md``):
  right +3 -0, wrong +0 -0 (Hungary, Poland and Slovakia rejecting the EU's quotas, 12, dev19d-071), F1 0.5151 ->
  0.5153 with the shipped default (``--pairs static``), 0.4039 -> 0.4041 with the rules alone; no-event sentences left
  uncoded unchanged (11,144 and 10,875 of 12,031). Read in a prepositional phrase too it added 11 wrong events in both
  settings, 10 of them on one sentence ("negotiations between six world powers - the US, UK, France, China and Russia
  plus Germany - over Iran's programme": the powers paired among themselves, where the gold pairs each with Iran),
  so only a subject's list is read. The form is rare in the development sets (three such subjects with gold events); the largest (dev18b-199, the
  six Gulf states that "have agreed on the basis of reconciliation", 30 gold events of 05) now names all six sides, but
  its predicate, a bare "agree" (the verb table's 019, a statement), gives no event among them.
- A subject's co-agents after "along with" or "together with" between commas (:func:`accompanying_members`: "The
  Philippine government, along with its treaty ally, the United States, condemned China's actions", "European
  Commission President Ursula von der Leyen, along with leaders from Austria, Belgium, Cyprus, Greece, and Italy, joined
  Egyptian President al-Sisi for the signing ceremony"). Session 26 (gaps26; same pooled sets, after the two changes
  above): right +1 -0, wrong +0 -0 with the shipped default (dev14c-072; F1 0.51557 -> 0.51563), right +11 -0, wrong
  +0 -0 with the rules alone (dev5e-169's ten pairs with Egypt, which the pair model already gave), F1 0.4044 ->
  0.4052; no-event sentences left uncoded unchanged.
- Measured and dropped (session 26): every pair of a joint act of five to nine parties (:data:`MAX_PARTIES` 9 instead
  of the first party with each of the others): right +7, wrong +96 on the same pooled sets (the shipped default),
  F1 0.5151 -> 0.5134 (the 96: the Iran talks' lists and the Lancang-Mekong and China-Central Asia meetings). The gold
  pairs equals at one table (the G7's foreign ministers, the Caspian states, "the ministers of Greece, Egypt, Cyprus,
  France and Italy") but codes the nuclear talks of Iran with the six powers and those meetings as one party facing a
  group (convention 21), and the list alone does not tell them apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from detente.actors.registry import country_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from detente.coding.context import Actor
    from detente.events.schema import Event


class Side(Protocol):
    """A side of a candidate as this module reads it: the actors its phrase names
    (:class:`detente.coding.arguments.Arg`, not imported here: arguments.py reads lists through this module)."""

    token: Any
    actors: list[Actor]


MAX_PARTIES = 4
"""Most parties of one joint act coded for every pair ("talks between A, B and C"); a longer list is coded
for its first party with each of the others (:func:`long_hub`), with a note, up to :data:`CONFERENCE_PARTIES`
(:func:`long_list`)."""

CONFERENCE_PARTIES = 10
"""From this many parties a joint act is a conference: its events are kept apart (:data:`CONFERENCE`), not
coded pair by pair."""

CONFERENCE = "a list of {n} parties: a joint act of {most} or more is a conference, not coded pair by pair"
"""The reason an event of a joint act of :data:`CONFERENCE_PARTIES` or more parties is kept apart."""

FIRST_PAIRS = ("a list of {n} parties read as its first party facing a group (convention 21): the first with each "
               "of the others, no pairs among the others")
"""The note on an event of a joint act of more than :data:`MAX_PARTIES` parties and fewer than
:data:`CONFERENCE_PARTIES`: coded for the first party with each of the others (:func:`long_hub`)."""


def parties(actors: Iterable[Actor]) -> list[Actor]:
    """The first actor of each country (or organisation) among `actors`, in order: the parties of a list."""
    out: list[Actor] = []
    for a in actors:
        if all(country_of(a.code) != country_of(b.code) for b in out):
            out.append(a)
    return out


def long_list(actors: Iterable[Actor]) -> tuple[str, bool] | None:
    """For a joint act of these parties, what the coder says of it: (:data:`CONFERENCE`, True) for a list of
    :data:`CONFERENCE_PARTIES` or more (kept apart), (:data:`FIRST_PAIRS`, False) for one of more than
    :data:`MAX_PARTIES` (coded for its first party with each other, with the note), None when they are few enough to be
    coded pair by pair."""
    n = len(parties(actors))
    if n >= CONFERENCE_PARTIES:
        return CONFERENCE.format(n=n, most=CONFERENCE_PARTIES), True
    if n > MAX_PARTIES:
        return FIRST_PAIRS.format(n=n), False
    return None


def long_hub(actors: list[Actor]) -> Actor | None:
    """The party a joint act of more than :data:`MAX_PARTIES` parties (and fewer than :data:`CONFERENCE_PARTIES`)
    is coded around: the list's first party, paired with each of the others; None for a shorter or a longer list.

    Convention 21 pairs every two parties among equals, and one party with each member of a group it faces ("Iran
    and the six powers", "China and the Mekong states"). News lists of five to nine states at one table are, in the
    development gold, always of the second kind, the party the story is about named first: every joint act of five
    or more parties there is coded as one party with each of the others (dev2e-085, -089, dev4b-116, dev6c-180,
    dev7a-037, dev7b-013, -076: 12 sentences, 7 files' worth of the form), none for every pair; lists of four are
    coded for every pair (chk-112, dev2b-074, dev5b-199, dev6d-026). Session 14 (multiparty14), replacing the pairs
    of the first four parties (pooled figures in the module docstring)."""
    found = parties(actors)
    return found[0] if MAX_PARTIES < len(found) < CONFERENCE_PARTIES else None


def list_pairs(actors: list[Actor]) -> list[tuple[Actor, Actor]]:
    """The pairs a joint act among the members of one list of `actors` is coded for, when the list's form is not
    read (a "between" phrase: "talks between A, B and C"): every pair of up to :data:`MAX_PARTIES` parties
    (:func:`first_parties`; two sides of one country paired when no two countries are named), or the
    :func:`long_hub` with each of the others."""
    centre = long_hub(actors)
    if centre is not None:
        return [(centre, a) for a in parties(actors) if country_of(a.code) != country_of(centre.code)]
    joint = first_parties(actors)
    pairs = [(a, b) for i, a in enumerate(joint) for b in joint[i + 1:] if country_of(a.code) != country_of(b.code)]
    if not pairs and len(joint) >= 2:
        pairs = [(joint[0], joint[1])]  # two sides of one country the registry tells apart
    return pairs


def announcing_side(event: Event, announcers: set[str]) -> str | None:
    """Which side of a meeting announces it, given the countries of the announcing subject: its source when
    the source is one of them, else its target, else None (a third party's announcement).

    "A and B are set to meet" is announced by both (the coordinated subject makes the plan): each direction
    of the symmetric meeting is then the intent of its own source (convention 10 codes intent to meet from
    the announcing side); "A said its leader would meet B's" is announced by A alone."""
    for side in (event.source, event.target):
        if country_of(side) in announcers:
            return country_of(side)
    return None


def joint_list_reason(symmetric: bool, source: Side | None, target: Side | None, offset: int = 0
                      ) -> tuple[str, bool] | None:
    """What the coder says of a candidate of a joint act among the members of one list (its source and
    target are the same list: "A, B, C, D and E signed ...", "talks between A, ... and E") that names more
    than :data:`MAX_PARTIES` parties (:func:`long_list`): the note and whether the event is kept apart; None
    for any other candidate and for a list set around a :func:`hub` (`offset`: where the sentence starts)."""
    if not symmetric or source is None or source is not target or hub(source.token, source.actors, offset) is not None:
        return None
    return long_list(source.actors)


def first_parties(actors: list[Actor], most: int = MAX_PARTIES) -> list[Actor]:
    """The actors of the first `most` countries (or organisations) of a list, in order, two sides of one
    country kept ("the government and the opposition of Venezuela"): the parties a joint act of a short list is
    paired among (:func:`list_pairs`)."""
    kept = {country_of(a.code) for a in parties(actors)[:most]}
    return [a for a in actors if country_of(a.code) in kept]


LIST_SLIPS = frozenset({"npadvmod", "appos"})
"""Relations the parser gives the second member of a list it does not read as one ("Chile, *Peru*, Bolivia and
Colombia": `npadvmod` of "Chile", the others conjuncts of "Peru"), and an apposition that lists a group's
members ("two countries, *Chile* and Peru")."""


def broken_list(tok: Token) -> list[Token]:
    """The members of a list hung on `tok` by a comma and one of :data:`LIST_SLIPS`, with their conjuncts:
    in "Chile, Peru, Bolivia and Colombia condemned X" the small English pipeline often makes "Peru" a modifier
    of "Chile" and the rest Peru's conjuncts, so that the subject's conjuncts name Chile alone. Convention 2
    codes each member of a coordinated side; only a proper name that heads a coordination of its own counts
    (a lone apposition is a second name for the same actor: "the president, Gabriel Boric").

    The comma is the one before the member's phrase, not before its head word: a member of several words or
    with an article ("Saudi Arabia, *the United Arab Emirates*, Bahrain and Egypt", "the US, *the EU*, Britain and
    Canada") hangs on the first as an apposition as often as a one-word one does, and was lost with the rest of
    the list (session 16, lists16; figures in the module's Choices). Only after a proper name: a common noun's
    apposition of several words explains the noun ("an accord brokered by the US, *the UN* and the EU", where the
    parser hangs "the UN" on "accord") rather than continuing a list of names."""
    out: list[Token] = []
    for child in tok.children:
        if (child.dep_ in LIST_SLIPS and child.i > tok.i + 1 and child.tag_ in ("NNP", "NNPS") and child.conjuncts
                and (comma_before(child) if tok.tag_ in ("NNP", "NNPS") else child.doc[child.i - 1].lower_ == ",")):
            out.extend((child, *child.conjuncts))
    return out


def joins_list(cc: Token) -> bool:
    """Whether `cc` joins a last member to a list: "and", or the last word of "as well as" ("A, B and C *as well
    as* D condemned X": the parser makes D a second subject with "as" for its conjunction, like C after ", and").
    Reference grammars count "as well as" among the marginal coordinators (Huddleston & Pullum 2002, ch. 15); the
    guide's convention 2 codes each member. Session 16 (lists16)."""
    if cc.lower_ == "and":
        return True
    doc = cc.doc
    return cc.lower_ == "as" and cc.i >= 2 and doc[cc.i - 2].lower_ == "as" and doc[cc.i - 1].lower_ == "well"


def comma_before(tok: Token) -> bool:
    """Whether a comma stands right before the phrase `tok` heads (its left edge: "Chile, *the Netherlands*")."""
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].lower_ == ","


def split_list(tok: Token) -> list[Token]:
    """The other members of a list the parser split at its final "and", when `tok` is one of its two parts.

    With an "and" after a comma ("the regimes of A, B, and C condemned X", "A, B, and C condemned X") the small
    English pipeline may make the last member C a subject of the verb of its own, with the "and" hung on an earlier
    member: the subject's conjuncts then name A (and B) alone, or, when C is read as the subject, A and B hang on the
    verb as modifiers (`npadvmod`). Convention 2 codes each member of a coordinated side. For the first part (the
    subject before the "and") the members are C with its conjuncts and the earlier members read as appositions
    ("A, *B*, and C"; an apposition counts only in such a list, elsewhere it is a second name: "the president,
    Gabriel Boric"); for C, the proper names of the part before the "and". Only when nothing but the "and" stands
    between the two parts, and the "and" has no conjunct of its own."""
    doc = tok.doc
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i == tok.i:
        return []
    verb = tok.head
    of_list = (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
    first = tok if tok.tag_ in ("NNP", "NNPS") else next(of_list, None)
    members = _list_members(first) if first is not None else []  # the list's head and the members hung on it
    hosts = [tok, *members]  # the "and" may hang on the noun itself ("the regimes [of A, B,] and C")
    for other in verb.children:  # the last member C, a second subject right after an "and" on a member of the list
        if other.i <= tok.right_edge.i or other.dep_ != tok.dep_ or other.tag_ not in ("NNP", "NNPS"):
            continue
        cc = doc[other.left_edge.i - 1]
        if (joins_list(cc) and cc.dep_ == "cc" and any(m.i == cc.head.i for m in hosts)
                and not any(c.dep_ == "conj" and c.i > cc.i for c in cc.head.children)):
            named = [t for t in members
                     if t.dep_ == "appos" and t.tag_ in ("NNP", "NNPS") and doc[t.i - 1].lower_ == ","]
            return [*named, other, *other.conjuncts]
    left = tok.left_edge.i
    if left < 2 or doc[left - 1].lower_ != "and" or doc[left - 1].dep_ != "cc":
        return []
    part = next((c for c in verb.children if c.dep_ in LIST_SLIPS and c.i < left and c.right_edge.i == left - 1), None)
    if part is None:  # "A, B, and C": A and B hang on the verb before the "and"
        return []
    return [t for t in part.subtree if t.tag_ in ("NNP", "NNPS") and (t.i == part.i or t.dep_ in (*LIST_SLIPS, "conj"))]


def swallowed_and(tok: Token) -> Token | None:
    """The "and" inside the name phrase headed by `tok` when the parser swallowed a first conjunct into it.

    In "South Korean President Moon Jae-in and North Korean leader Kim Jong-un signed" or "Rishi Sunak and
    Commission President Ursula von der Leyen agreed" the small English pipeline often hangs the first person
    on the second as a modifier (`nmod`, `compound`) with the "and" inside the phrase, so the subject names the
    second person alone and a joint act loses a side. Convention 2 codes each conjunct of a coordinated side.
    Only a proper-name head counts (a common noun's coordinated modifiers are :func:`coordinated modifiers
    <detente.coding.arguments.argument>`), and only an "and" after the phrase's first word; the caller keeps
    the part before it only when a registry name ends right at the "and"."""
    if tok.tag_ not in ("NNP", "NNPS"):
        return None
    return next((t for t in tok.doc[tok.left_edge.i + 1:tok.i] if t.dep_ == "cc" and t.lower_ == "and"), None)


LIST_DASHES = frozenset({":", "-", "--", "–", "—"})
"""Marks that set off a group's members listed after its noun: the colon and the dashes ("the six Gulf states*:*
A, B and C", "the four Visegrad countries *–* A, B, C and D *–*")."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""The subject relations, whose enumerated group is read member by member (:func:`enumerated_members`)."""

EXCEPTION_WORDS = frozenset({"but", "except", "excluding", "besides"})
"""Words that make a listed apposition the group's exceptions, not its members ("all *but* two members - Syria and
Algeria - backed it")."""


def appositive_conjuncts(tok: Token) -> list[Token]:
    """The later members of a list in apposition to a plural title: "*Presidents* Joe Biden and Vladimir Putin
    met", where the parser makes Biden an apposition of "Presidents" and Putin Biden's conjunct, so the subject's
    own conjuncts name nobody. A singular head's apposition is a second name for the same actor ("the president,
    Gabriel Boric"), and so is not read here; nor is an apposition set off by a comma, which explains
    rather than names the title's holders. A list set off by a colon or a dash enumerates a group's members
    (:func:`enumerated_members`): all of them are read."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    out: list[Token] = []
    for a in tok.children:
        if a.dep_ != "appos" or a.tag_ not in ("NNP", "NNPS"):
            continue
        if a.left_edge.i == tok.i + 1:
            out += [c for c in a.conjuncts if c.i > a.i]
        elif enumerated_members(tok, a):
            out += _list_members(a)
    return out


def enumerated_members(tok: Token, appos: Token) -> bool:
    """Whether the proper-name apposition `appos` of the plural noun `tok` enumerates the group's members: a list
    of two or more names set off by a colon or a dash right after the noun (:data:`LIST_DASHES`: "He said *the six
    Gulf states: Saudi Arabia, the Emirates, Kuwait, Qatar, Oman and Bahrain* have agreed", "*Nigeria's neighbours
    — Niger, Chad and Cameroon —* entered the war"). Convention 2 codes each member of a coordinated side, and
    convention 21 every pair of a joint act's parties: the list names the acting members as "Saudi Arabia, the
    Emirates ... have agreed" would. Not when the noun's phrase names exceptions (:data:`EXCEPTION_WORDS`: "all but
    two League members - Syria and Algeria - backed the call", where the list names who did not); not after a comma,
    which explains the noun rather than lists it (:func:`appositive_conjuncts`). Only a subject's list: in a
    prepositional phrase the group is most often the one side a party named elsewhere faces ("negotiations between
    six world powers - the US, UK, France, China and Russia plus Germany - over Iran's programme", which the guide
    pairs with Iran alone, convention 21).

    Session 26 (gaps26): figures in the module's Choices."""
    doc = tok.doc
    gap = appos.left_edge.i - 1
    return (tok.dep_ in SUBJECT_DEPS and gap == tok.i + 1 and doc[gap].text in LIST_DASHES
            and len(_list_members(appos)) >= 2
            and not any(t.lower_ in EXCEPTION_WORDS for t in doc[tok.left_edge.i:tok.i]))


ACCOMPANYING_WORDS = frozenset({"along", "together"})
"""The first words of the complex prepositions that add a co-agent to a subject: "A, *along with* B, condemned X",
"A, *together with* B, met C" (:func:`accompanying_members`)."""


def accompanying_members(tok: Token) -> list[Token]:
    """The co-agents a subject's "along with" or "together with" phrase names, set off by commas between the subject
    and its verb: "The Philippine government, along with its treaty ally, the United States, condemned China's
    actions", "Meloni, together with Rutte, met Saied". The phrase adds members to the side as a coordination would
    (Quirk et al. 1985, 10.39: "with" of accompaniment; convention 2 codes each member of a side). The parser hangs
    it on the subject or on the verb; either is read when it stands right after the subject's comma. Not "alongside
    X" (the partner at a press conference: "Putin, speaking alongside Merkel") nor a phrase after the verb ("signed
    the accord together with B" may name the partner)."""
    if tok.dep_ not in SUBJECT_DEPS or tok.head.i == tok.i:
        return []
    doc = tok.doc
    comma = next((t for t in doc[tok.i + 1:tok.head.i] if t.text == ","), None)  # the first after the subject's head
    if comma is None:
        return []
    first = doc[comma.i + 1] if comma.i + 1 < len(doc) else None
    if first is None or first.lower_ not in ACCOMPANYING_WORDS or first.i >= tok.head.i:
        return []
    prep = first if first.lower_ == "with" else next((c for c in first.children if c.lower_ == "with"), None)
    if prep is None and first.i + 1 < len(doc) and doc[first.i + 1].lower_ == "with":
        prep = doc[first.i + 1]
    if prep is None or first.head.i not in (tok.i, tok.head.i) and prep.head.i not in (tok.i, tok.head.i):
        return []
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.right_edge.i >= tok.head.i:
        return []
    return [pobj, *pobj.conjuncts]


def conjoined_prep_objects(tok: Token) -> list[Token]:
    """The objects of prepositions joined to the one `tok` is the object of, when they repeat its word: "protested
    *to* Japan and *to* the Philippines", "sanctions *on* Russia and *on* Belarus", "met *with* A in Moscow and *with*
    B in Kyiv" (where the parser may join the second "with" to the phrase of place or time between them). The
    second phrase names a second side of the same act, as a coordinated noun does (the guide's convention 2: each
    conjunct of a side on its own); the parser joins the prepositions, not the nouns, so the noun's conjuncts miss it.

    Choices: only a preposition of the same word ("to Japan and to the Philippines"), not another ("from Mali and
    to Niger": another role). Session 15 (predicates15; page mode, every development file pooled, news_dev8 d-e left
    out, 6,593 gold events): right +2, wrong +0, P 0.6433 -> 0.6435, R 0.3387 -> 0.3390, F1 0.4438 -> 0.4441; PLOVER
    0.640 unchanged; in document mode (`detente code`) 3 right more, none wrong (news_dev3 c, news_dev8 c)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == tok.i:
        return []
    word = prep.lower_
    joined = [*prep.conjuncts]
    if prep.head.i != prep.i:  # "with A on Monday and with B": the second joined to the phrase between
        joined += [c for sib in prep.head.children if sib.dep_ == "prep" and sib.i > prep.i for c in sib.conjuncts]
    out: list[Token] = []
    for other in joined:
        if other.i > prep.i and other.lower_ == word and other.dep_ == "conj":
            out += [c for c in other.children if c.dep_ == "pobj" and all(c.i != o.i for o in out)]
    return out


def members_guessed(cands: list[Any]) -> list[int]:
    """Which of a sentence's candidates whose target was guessed (none named on the predicate: the actor named
    elsewhere in the sentence, :func:`~detente.coding.fallback_targets.fallback_target`) are coded, given in rank
    order: the first, and every other that is the same act (predicate and code) of another member of the
    first one's coordinated source with the same guessed target ("*France and Germany* voiced concern about
    Switzerland's vote": FRA->CHE and DEU->CHE).

    The coder codes a guessed target only when the parse names no pair at all, and then once (the guess is
    wrong more often than a named target, :data:`~detente.coding.lexicon.PENALTY_GUESSED_TARGET`); the guide's
    convention 2 codes each member of a coordinated side, and the members share the one guess, so keeping the
    first alone dropped the others of the same act. Session 17 (lists17; figures in the module's Choices)."""
    if not cands:
        return []
    first = cands[0]
    kept = [0]
    countries = {country_of(first.source_actor.code)} if first.source_actor is not None else set()
    for k, cand in enumerate(cands[1:], 1):
        if (first.source is None or cand.source is not first.source or cand.source_actor is None
                or cand.verb is None or first.verb is None or cand.verb.i != first.verb.i or cand.code != first.code
                or cand.target_actor is None or first.target_actor is None
                or country_of(cand.target_actor.code) != country_of(first.target_actor.code)
                or country_of(cand.source_actor.code) in countries):
            continue
        kept.append(k)
        countries.add(country_of(cand.source_actor.code))
    return kept


def _list_members(head: Token) -> list[Token]:
    """A list's first member and the members the parser hung on it (conjuncts, appositions, `npadvmod`), in order."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("conj", *LIST_SLIPS):
            out += _list_members(child)
    return sorted(out, key=lambda t: t.i)


HUB_MEMBERS = 4
"""Fewest members of a list read as one party and a group (:func:`hub`): "A and B, C" is three parties of
one list, read pair by pair."""


def hub(tok: Any, actors: list[Actor], offset: int) -> Actor | None:
    """The one party a list of the form "A and B, C, D and E" (headed by `tok`, in a sentence that starts at
    document offset `offset`) sets against the others, or None.

    Written so (an "and" right after the first member, commas between the later ones, of four parties or
    more: "Iran and Britain, China, France, Germany and Russia have been meeting"), the list reads as A on one
    side and a group on the other: a joint act is A's with each of the others, not of the others among
    themselves. The development gold codes multi-party talks and documents so (news_dev2's adjudication:
    "pairs Iran with each other party ... and codes no pairs among the parties on one side"); a list with
    commas throughout ("A, B, C and D") stays a list of equal parties."""
    members = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
    if len(members) < HUB_MEMBERS or len(parties(actors)) < HUB_MEMBERS:
        return None
    doc = tok.doc
    first, second, third = members[0], members[1], members[2]
    if doc[first.i + 1].lower_ != "and" or first.i + 2 != second.left_edge.i:
        return None  # "A and B": the "and" right after the first member, nothing else between
    if third.left_edge.i < 1 or doc[third.left_edge.i - 1].lower_ != ",":
        return None  # "..., C": a comma before the third
    start, end = offset + first.left_edge.idx, offset + first.idx + len(first.text)
    return next((a for a in actors if start <= a.start < end), None)


ATTENDANCE_VERBS = frozenset({"attend", "participate", "join"})
"""Verbs of attending a gathering ("A, B and C *attended* the summit", "the drills will be *attended* by A, B and
C", "took part": "*participate* in"): the attendees are not coded as meeting each other (:func:`attendees`)."""

ATTENDEES = 3
"""Fewest parties of a list that attends a gathering read as its attendees, not as the sides of one meeting
(:func:`attendees`)."""


def attendees(verb_lemma: str, actors: Iterable[Actor]) -> bool:
    """Whether a joint act of a coordinated side is only the attendance of a gathering by its members, which
    the guide does not code among them: an attendee meets the host (coded both ways where the host is named:
    "attended the ASEAN summit", "the summit hosted by Indonesia was attended by ..."), not the other
    attendees, who are only in the same room ("Japan, India, Australia and Canada attended the summit";
    news_dev2's adjudication leaves a multilateral meeting attended without an event).

    Choices: only for :data:`ATTENDEES` or more parties; two attendees ("A and B participated in a joint press
    conference", "A and B joined the talks") are most often the two sides of their own meeting, and the
    development gold codes them so."""
    return verb_lemma in ATTENDANCE_VERBS and len(parties(actors)) >= ATTENDEES


def joint_pairs(tok: Any, actors: list[Actor], offset: int, verb_lemma: str = "") -> list[tuple[Actor, Actor]]:
    """The pairs a joint act of the coordinated side headed by `tok` is coded for (each both ways by the
    caller): the :func:`hub` with each other party, else :func:`list_pairs` (every pair of up to
    :data:`MAX_PARTIES` parties, a longer list's first party with each of the others); none when the
    act (the lemma of its verb, `verb_lemma`) is only their attendance of a gathering (:func:`attendees`)."""
    if attendees(verb_lemma, actors):
        return []
    centre = hub(tok, actors, offset)
    if centre is not None:
        return [(centre, a) for a in parties(actors) if country_of(a.code) != country_of(centre.code)]
    return list_pairs(actors)
