"""How far a side's phrase reaches: the character span of a noun phrase as annotators draw it.

Who-did-what-to-whom annotation marks whole noun phrases: a head with its left
modifiers, appositions and some post-modifiers, without time phrases, relative and
purpose clauses, or what a source speaks in ("in a statement"). Given the head token of
a side, the functions here say where its phrase starts and ends; which phrase is each
side is :mod:`detente.coding.spans`'s question. The conventions are described in
docs/explanation/coding.md ("Spans in sentence mode"). Offsets are within the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from detente.coding import syntax
from detente.coding.lexicon import (
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPAN_TIME_WORDS,
    THING_PRONOUNS,
    TIME_WORDS,
    WEEKDAYS_MONTHS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | RELATIVE_PRONOUNS
"""Words that are no span of their own."""
_ABBREVIATION = re.compile(r" ?\((?:[A-Z][A-Za-z]*[ .-]*){1,4}\)")
"""An abbreviation in brackets: "(EAEU)", "(SPLA - IO)"."""
_SPAN_CUT_DEPS = frozenset({"relcl", "cc", "conj", "advcl", "npadvmod", "ccomp", "xcomp", "parataxis"})
"""Right dependents that end a span's noun phrase."""
_SPAN_KEEP_PREPS = frozenset({"of", "in", "from", "by", "near", "at", "inside", "outside", "across"})
"""Prepositions whose phrase stays in a target's span ("the enclave of Eastern Ghouta near the capital")."""
_PLACE_PREPS = frozenset({"in", "at", "near"})
"""Prepositions of where: after a person or a place named by name ("met Xi Jinping *in Moscow*", "aid to
Fiji *in* 2021"), their phrase says where or when the act happened, not who the side is."""
_ADVERBIAL_IN = frozenset(
    "response reply reaction retaliation return exchange order bid attempt effort protest connection relation "
    "recognition support solidarity violation accordance line addition light view spite favour favor "
    "statement message speech interview letter ceremony".split()
)
"""Nouns of "in" phrases that tell why or how an act was done ("sanctions on Iran *in response to* ...",
"tariffs on Chinese goods *in exchange for* ...", "said *in a statement*"): never part of a side's phrase."""


_MEMO_KEY = "detente.extents"
"""Where a parse keeps the spans drawn on it (in ``Doc.user_data``)."""
_Drawn = TypeVar("_Drawn")


def _memo(tok: Token, key: tuple[object, ...], draw: Callable[[], _Drawn]) -> _Drawn:
    """The span (or phrase edge) `draw` gives for `key`, drawn once per parse: the rules and the span
    chooser (:mod:`detente.coding.span_chooser`) ask for the same phrases, and a span is
    a function of the parse alone, which nothing changes after it is made."""
    memo = tok.doc.user_data.get(_MEMO_KEY)
    if memo is None:
        memo = tok.doc.user_data[_MEMO_KEY] = {}
    found = memo.get(key)
    if found is None:
        found = memo[key] = draw()
    return found


def phrase_span(tok: Token, cut: frozenset[str] = frozenset()) -> tuple[int, int]:
    """A target's span: the phrase of `tok`, or of what it possesses (see :func:`_phrase_span_of`)."""
    if tok.dep_ == "poss" and tok.head.i != tok.i:
        tok = tok.head  # "Japan's Crown Prince Naruhito", "Trump's decision": the whole phrase
    return _memo(tok, ("phrase", tok.i, cut), lambda: _phrase_span_of(tok, cut))


def _phrase_span_of(tok: Token, cut: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character span (within the sentence) of the noun phrase headed by `tok`, as annotators
    of who-did-what-to-whom mark it: the head with its left modifiers, appositions ("his
    counterpart, Michel Aoun") and locative or "of" post-modifiers ("the rebel-held enclave
    of Eastern Ghouta near the capital"), without a relative or infinitival clause, a
    conjunct, a participle ("a resolution presented by Britain"), a time phrase ("on
    Sunday"), a purpose phrase ("request for revocation") or a phrase of `cut`."""
    doc = tok.doc
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _SPAN_CUT_DEPS or _is_time_phrase(child):
            break
        if child.dep_ == "punct":
            appos = next((c for c in tok.rights if c.dep_ == "appos" and c.i > child.i), None)
            if child.text == "," and appos is not None and _actor_word(appos):
                continue  # "Aya Hijazi, an American aid worker", not "Hodeidah, a major flashpoint"
            if child.text in ")]":
                right = child.i
                continue
            if child.text in "([":
                continue
            break
        if child.dep_ == "acl" and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            or not any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "as") for c in child.children)
        ):
            break  # "the decision to recognise", "songbirds captured from trade"; "workers employed by the UN" stays
        if child.dep_ == "prep" and (child.lower_ in cut or (
                child.lower_ in _PLACE_PREPS and (_titled_person(tok) or _bare_name(tok)))):
            break  # "Lebanese Prime Minister Saad Hariri in Washington", "Xi Jinping in Moscow": where the person is
        if child.dep_ == "prep" and _adverbial_in(child):
            break  # "Chinese goods in exchange for ...": why, not who
        if child.dep_ == "prep" and child.lower_ not in _SPAN_KEEP_PREPS:
            break
        if child.dep_ == "prep" and child.lower_ == "of" and tok.tag_ in ("NNP", "NNPS") and not any(
            t.tag_ in ("NNP", "NNPS") for t in child.subtree
        ):
            break  # "the United States of election meddling" (a misparse): a name ends before a common "of" phrase
        right = max(right, child.right_edge.i)
    right = _without_tail(tok, right)
    left = _left_without_time(tok)
    while left < tok.i and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ in ("cc", "preconj")):
        left += 1
    while right > tok.i and doc[right].is_punct and doc[right].text not in ")]":
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _without_tail(tok: Token, right: int) -> int:
    """The last token of `tok`'s phrase ending at `right`, without what annotators leave
    out deeper in it: a non-restrictive tail after a comma (", which has caused ...",
    ", including clauses ...", ", an attack that ..."; a person's apposition stays:
    "his counterpart, Michel Aoun"), a relative clause on a thing deeper in the phrase ("a
    unit of the company *that was accused of ...*"; one on people stays: "families of
    farmers who were killed") and a time phrase at its end ("a proposal submitted by X
    on March 31", "the migrants found near London last month").

    A function of the parse: drawn once per (head, end) and parse (:func:`_memo`), since a
    phrase's head is asked for by :func:`phrase_span` and both forms of :func:`full_span`;
    a phrase that ends at its head has no tail."""
    if right <= tok.i:
        return right
    return _memo(tok, ("tail", tok.i, right), lambda: _without_tail_of(tok, right))


def _without_tail_of(tok: Token, right: int) -> int:
    """:func:`_without_tail`, drawn."""
    doc = tok.doc
    for t in doc[tok.i + 1:right + 1]:
        if t.text != "," or t.i + 1 > right:
            continue
        nxt = doc[t.i + 1]
        tail = next((c for c in doc[t.i + 1:right + 1] if c.head.i < t.i and c.head.i >= tok.i), nxt)
        if (nxt.lower_ in ("which", "including") or tail.dep_ == "relcl"
                or (tail.dep_ == "appos" and not _actor_word(tail) and tail.head.i != tok.i)):
            right = t.i - 1
            break
    for t in doc[tok.i + 1:right + 1]:  # "a unit of the company that was accused of ...", "reefs it claims"
        if (t.dep_ == "relcl" and t.head.i > tok.i and t.left_edge.i > t.head.i
                and not _actor_word(t.head) and t.head.lower_ not in PRONOUNS
                and not any(c.lower_ in ("who", "whom", "whose") for c in t.children)):
            right = t.left_edge.i - 1
            break
    changed = True
    while changed:
        changed = False
        for t in doc[tok.i + 1:right + 1]:
            if t.right_edge.i == right and t.left_edge.i > tok.i and _is_time_phrase(t):
                right = t.left_edge.i - 1
                changed = True
                break
    return right


_MEDIUM_NOUNS = frozenset("statement interview letter speech report message briefing tweet post communique".split())
"""What a source speaks in ("in a statement"): how it acted, not who it is."""
_SOURCE_CUT_PREPS = frozenset({"on", "during", "including", "amid"})
"""Prepositions that end a source's phrase: when and where it acted, not who it is
("The Foreign Office during a weekly briefing", "groups including X")."""


def _actor_word(tok: Token) -> bool:
    """A noun that names a person, group or state, read off the token alone (a proper
    name, a role noun such as "official", or a people noun such as "worker")."""
    from detente.ontology import role_for_noun

    if tok.tag_ in ("NNP", "NNPS"):
        return True
    return any(role_for_noun(w) is not None or w in PEOPLE_NOUNS for w in (tok.lower_, tok.lemma_.lower()))


_PERSON_TITLES = frozenset(
    "president minister premier chancellor ambassador envoy king queen prince secretary senator "
    "governor mayor general spokesman spokeswoman counterpart leader".split()
)
"""Titles that make a name or a noun a person ("Prime Minister Saad Hariri", "the ambassador")."""


def _titled_person(tok: Token) -> bool:
    """`tok` heads a person's title or a titled name ("US President Donald Trump")."""
    if tok.lower_ in _PERSON_TITLES:
        return True
    return tok.tag_ in ("NNP", "NNPS") and any(c.dep_ == "compound" and c.lower_ in _PERSON_TITLES for c in tok.lefts)


def _bare_name(tok: Token) -> bool:
    """`tok` heads a name without an article that is no organisation's: a person's or a place's ("Xi
    Jinping", "Nawaz Sharif", "Fiji"), read off the parse alone. "The World Food Program in Afghanistan"
    (an article) and "rebels in Mali" (a common noun) keep their place: there it tells which ones."""
    if tok.tag_ not in ("NNP", "NNPS") or any(c.dep_ == "det" for c in tok.children):
        return False
    return not any(
        t.tag_ not in ("NNP", "NNPS", "HYPH") or _actor_word_common(t)
        for t in tok.lefts if t.dep_ == "compound"
    ) and not _actor_word_common(tok)


def _actor_word_common(tok: Token) -> bool:
    """A word that names a kind of person, group or state ("army", "council", "state"), capitalised or not."""
    from detente.ontology import role_for_noun

    word = tok.lower_
    return word in PEOPLE_NOUNS or role_for_noun(word) is not None


def _adverbial_in(prep: Token) -> bool:
    """`prep` is an "in" phrase of cause or manner ("in response to", "in exchange for", "in a statement")."""
    return prep.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ in _ADVERBIAL_IN for c in prep.children)


def full_span(tok: Token, *, conjuncts: bool = True) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` with its appositions and
    post-modifiers ("Sergey Lavrov, the Russian foreign minister"), before any relative
    clause, time phrase ("Russian police on Saturday" -> "Russian police") or a phrase
    of :data:`_SOURCE_CUT_PREPS`; with `conjuncts` false, the first conjunct only
    ("China and Russia" -> "China")."""
    if tok.dep_ == "poss" and tok.head.i != tok.i:
        tok = tok.head  # "Iran's Supreme Leader": the whole phrase
    return _memo(tok, ("full", tok.i, conjuncts), lambda: _full_span_of(tok, conjuncts))


def _full_span_of(tok: Token, conjuncts: bool) -> tuple[int, int]:
    """:func:`full_span` of `tok` (not a possessor)."""
    doc = tok.doc
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "relcl" or _is_time_phrase(child):
            break
        if child.dep_ == "acl" and any(c.dep_ in ("dobj", "oprd") for c in child.children):
            break  # "Trump called President Erdogan ... and urged him" parsed as a clause on "Trump"
        if child.dep_ == "prep" and child.lower_ in _SOURCE_CUT_PREPS:
            break
        if child.dep_ == "prep" and child.lower_ in ("in", "through", "via") and any(
            c.dep_ == "pobj" and c.lower_.rstrip("s") in _MEDIUM_NOUNS for c in child.children
        ):
            break  # "The Office of the former President in a statement said": how it spoke
        if not conjuncts and (child.dep_ in ("cc", "conj") or (child.dep_ == "appos" and child.tag_ in ("NNP", "NNPS"))):
            break  # "China and Russia", "The United States, India, Israel and Pakistan": the first
        right = max(right, child.right_edge.i)
    right = _without_tail(tok, right)
    left = _left_without_time(tok)
    left, right = _broken_name(tok, left, right)
    while left < tok.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > tok.i and (doc[right].is_punct and doc[right].text not in ")]" or doc[right].dep_ == "cc"):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


_NAME_PIECE_DEPS = frozenset({"nsubj", "dep", "npadvmod", "compound", "nmod"})


def _broken_name(tok: Token, left: int, right: int) -> tuple[int, int]:
    """`left` and `right` widened over the pieces of a name the parse hung on the verb
    next to the subject ("Hezb - e - Islami", "Taiwan Representative Bi khim Hsiao",
    "The rebel Free Syrian Army"): proper nouns and hyphens right beside the phrase with
    the same head, without time words ("On Monday Putin" stays "Putin")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i == tok.i:
        return left, right
    doc = tok.doc

    def piece(t: Token) -> bool:
        if t.head.i != tok.head.i or t.i == tok.head.i:
            return False
        if t.tag_ == "HYPH":
            return True
        return (t.tag_ in ("NNP", "NNPS") and t.dep_ in _NAME_PIECE_DEPS
                and not any(syntax.is_time_word(w) or w.lower_ in WEEKDAYS_MONTHS for w in t.subtree))

    def sibling(t: Token) -> Token:
        """The phrase under the verb that `t` belongs to."""
        while t.head.i != tok.head.i and t.head.i != t.i:
            t = t.head
        return t

    while left > 0 and piece(sibling(doc[left - 1])) and sibling(doc[left - 1]).right_edge.i == left - 1:
        left = sibling(doc[left - 1]).left_edge.i
    while right + 1 < len(doc):
        nxt = sibling(doc[right + 1])
        if not (piece(nxt) and nxt.tag_ != "HYPH" and nxt.left_edge.i == right + 1):
            break
        right = nxt.right_edge.i
    return left, right


def _left_without_time(tok: Token) -> int:
    """First token of `tok`'s left modifiers, leaving out leading time phrases
    ("Hours earlier Maduro", "17 July 2017 Russia's Supreme Court").

    A function of the parse: drawn once per head and parse (:func:`_memo`), like :func:`_without_tail`."""
    if not tok.n_lefts:
        return tok.i
    return _memo(tok, ("left", tok.i), lambda: _left_without_time_of(tok))


def _left_without_time_of(tok: Token) -> int:
    """:func:`_left_without_time`, drawn."""
    left = tok.i
    doc = tok.doc
    for child in reversed(list(tok.lefts)):
        sub = list(child.subtree)
        if _is_time_phrase(child) or any(
            (t.lower_ in SPAN_TIME_WORDS and t.text != "May" and not _hyphenated(doc, t))
            or (t.text.isdigit() and len(t.text) == 4)
            for t in sub
        ):
            break  # this modifier and everything before it
        left = sub[0].i
    return left


def _hyphenated(doc, t: Token) -> bool:
    """`t` is inside a hyphenated compound ("a 95-year-old man", "a five - year plan")."""
    return any(0 <= j < len(doc) and doc[j].text in ("-", "–") for j in (t.i - 1, t.i + 1))


def _is_time_phrase(tok: Token) -> bool:
    """`tok` heads "on Sunday", "this month", "on March 31", "hours earlier"."""
    if tok.dep_ in ("npadvmod", "advmod") and any(t.lower_ in SPAN_TIME_WORDS or t.like_num for t in tok.subtree):
        return True
    if tok.dep_ == "prep":
        sub = list(tok.subtree)
        if len(sub) <= 6 and any(t.lower_ in WEEKDAYS_MONTHS or t.lower_ in TIME_WORDS and t.dep_ == "pobj"
                                 or (t.text.isdigit() and len(t.text) == 4) for t in sub):
            return True
    return False


def tidy(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A span's edges as annotators draw them: brackets closed (:func:`closed_brackets`)
    and the sentence's full stop left out."""
    return _without_full_stop(text, closed_brackets(text, span))


def _without_full_stop(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """`span` without the sentence's full stop, which a tokeniser may have fused with an
    abbreviation at the end ("an agreement with the U.K." -> "the U.K")."""
    if span is not None and span[1] - span[0] > 1 and text[span[1] - 1] == "." and not text[span[1]:].strip(' "”’)'):
        return span[0], span[1] - 1
    return span


def closed_brackets(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """`span` extended over the closing bracket of an opening one inside it ("the
    Eurasia Economic Union (EAEU" -> "... (EAEU)"), or over an abbreviation in brackets
    right after it ("the Eurasia Economic Union" -> "... (EAEU)"): parsers often hang
    brackets elsewhere, annotators keep them with the name."""
    if span is None:
        return None
    start, end = span
    inside = text[start:end]
    rest = text[end:]
    if inside.count("(") > inside.count(")"):
        stripped = rest.lstrip(" ")
        if stripped.startswith(")"):
            return start, end + len(rest) - len(stripped) + 1
    abbreviation = _ABBREVIATION.match(rest)
    if abbreviation is not None:
        return start, end + abbreviation.end()
    return span
