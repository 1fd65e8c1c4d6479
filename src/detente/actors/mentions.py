"""Mention matching: every actor named in running text, with its span, code and kind.

Matching is case-sensitive on the registry's spelling (so "US" matches but "us"
does not) and respects word boundaries. People are kept only on dates inside one of
their terms, and outside them (a former or future office-holder) for their state (its plain code,
:func:`~detente.actors.names.citizen_code`); a surname the registry does not list alone stands for its person after an office,
when one person of that surname held office on the date ("Prime Minister Morrison" in 2021:
:func:`titled_surnames`). A name, metonym or demonym followed by a role noun, possibly with a
possessive and modifiers between, becomes one ``title`` mention with the role
suffix: "Russian Foreign Minister" -> `RUSGOV`, "Ukraine's armed forces" -> `UKRMIL`,
"Chinese troops" -> `CHNMIL`; bare actor words coordinated with it share the role
("US and Russian officials" -> `USAGOV`, `RUSGOV`).

Guarded names (``guarded:`` in the YAML, :attr:`~detente.actors.entities.Actor.guarded`)
are names that are also a given name, a surname or the first word of other proper
names: "Jordan Bardella", "Michael Jordan", "Georgia Tech", "West Virginia", "Western
Union", "East-West talks". Such a name stands for its actor only when no other
capitalised word is joined to it: it is dropped when the next word (after one space) is
capitalised, or when the word before it (one space or a hyphen away) is capitalised or
hyphenated and is not itself an actor mention ("Israel-Jordan talks" and "Jordan-Israel
talks" keep Jordan) nor a function word opening a sentence ("In Jordan, ..." keeps it;
"Michael Jordan said ..." at a sentence's start does not). The
cost is the rare "Jordan Valley" or "Chad President Mahamat Deby" (news writes
"Chadian President"), which name no actor.

Any state's name or metonym right after a common given name is a person's surname, not the
state ("Lisa Monaco", "Steve Israel", "Denzel Washington": :mod:`detente.actors.given_names`).

Names shared by two states in running text (:data:`SHARED_NAMES`): bare "Congo" stands for
whichever Congo the same text names plainly ("Democratic Republic of Congo", "DRC",
"Kinshasa", Tshisekedi; "Republic of the Congo", "Brazzaville", Sassou Nguesso), and for
the DR Congo when the text names neither. A whole-name look-up (:meth:`resolve`, country
columns of ICEWS and CAMEO files) keeps the country lists' convention: "Congo" is the
Republic of the Congo.

A state's own security council is its government, not the UN's ("Russia's Security Council",
"the Security Council of Armenia" -> `RUSGOV`, `ARMGOV`: :mod:`detente.actors.councils`), and "the North" /
"the South" are the states of the one divided country the text names (:mod:`detente.actors.halves`).

Names are found by :class:`NameScan`: at each place a name may start, the longest registered
name written there that ends a word, looked up by its first characters in a table built once
per registry (a few milliseconds). It finds what one regular expression of all the names
shaped as a character trie (:func:`trie_pattern`, which it replaced) finds, without that
expression's compilation: about 0.1 CPU-second of every process's start-up for the registry's
3,600 names (a test checks the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from detente.actors.councils import SECURITY_COUNCIL, councils_of
from detente.actors.datelines import drop_dateline_place
from detente.actors.entities import KINDS, Mention, Person
from detente.actors.given_names import given_name_before
from detente.actors.halves import halves
from detente.actors.names import NameEntry
from detente.actors.places import drop_places_elsewhere
from detente.actors.textforms import Folded, fold
from detente.ontology.roles import role_for_noun, split_code

# A bare name two states share in news text -> (its code when the text names neither, the
# codes whose plain mention in the same text settles it). "Congo": in the development
# sentences (data/news_dev, data/news_dev2) all 7 bare "Congo" mentions mean the DR Congo,
# as do 4 of the 5 in the ConfliBERT train split; a country list ("Congo" in ICEWS, ISO
# 3166 and CAMEO) means the Republic, so only running text takes the DR Congo default.
SHARED_NAMES: dict[str, tuple[str, frozenset[str]]] = {"Congo": ("COD", frozenset({"COD", "COG"}))}

# Words that may sit between an actor word and its role noun: "Russian *deputy foreign* minister".
_TITLE_MODIFIERS = frozenset(
    "foreign defence defense interior finance economy economic trade energy justice home state senior top "
    "deputy vice prime first chief acting special former new outgoing incoming security intelligence military "
    "national federal central presidential government armed naval air ground border health culture "
    "agriculture transport education environment emergency emergencies situations affairs policy treasury commerce press war "
    # ministry portfolios ("Ukraine's Infrastructure Minister", "Pakistan's Information Minister")
    "infrastructure industry labour labor communications information digital tourism sport sports youth social "
    "water mining oil petroleum development housing science technology veterans family regional reintegration "
    "immigration migration public works planning fisheries climate internal strategic".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_POSSESSIVE = re.compile(r"(?:'s|')?")  # on folded text (:mod:`detente.actors.textforms`)
_COORDINATION = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s*")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` shaped as a character trie (fast; greedy, so longest first).

    Built before any sentence is coded (the registry's 3,000 names: part of every process's
    start-up), so a node with one way on (most of them) skips the sort, and each character is
    escaped once.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            child = node.get(char)
            if child is None:
                child = node[char] = {}
            node = child
        node[""] = True
    escaped: dict[str, str] = {}

    def escape(char: str) -> str:
        found = escaped.get(char)
        if found is None:
            found = escaped[char] = re.escape(char)
        return found

    def emit(node: dict[str, Any]) -> str:
        if len(node) == 1:  # one way on: a word's end, or one character
            ((char, child),) = node.items()
            return "" if char == "" else escape(char) + emit(child)
        terminal = "" in node
        branches = [escape(char) + emit(child) for char, child in sorted(node.items()) if char != ""]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


NAME_START = r"(?<![\w.])"
"""Where a name may start: not right after a word character or a full stop."""
NAME_END = r"(?![\w]|\.\w)"
"""Where a name may end: not before a word character, nor before a full stop and a word character."""
_NAME_END = re.compile(NAME_END)
_PREFIX = 3
"""Characters of a name :class:`NameScan` files it under (shorter names are filed whole)."""


class NameScan:
    """The leftmost-longest scan of running text for a set of names (case-sensitive), word-bounded
    as :data:`NAME_START` and :data:`NAME_END` say: from each place a name may start, the longest
    name written there that may end where it does; the scan goes on after it.

    It finds exactly what ``re.finditer(NAME_START + "(?:" + trie_pattern(names) + ")" + NAME_END,
    text)`` finds (the trie's greedy alternation backtracks to the longest name that ends a word),
    as (start, end) spans, without compiling that expression. Places a name may start are found
    by one small regular expression (the bound and the names' first two characters); each is then
    looked up by its next :data:`_PREFIX` characters among the names filed under them, longest
    first.

    Choices
    -------
    - A table rather than a compiled trie: Python's regular expression compiler takes about 0.05
      CPU s for the registry's 40 KB trie, and building the trie's text as much again, in every
      process that codes text; the table takes a few milliseconds, and a sentence's scan costs
      about what the trie's does (a dozen dictionary look-ups).
    """

    def __init__(self, names: Iterable[str]) -> None:
        long: dict[str, list[str]] = {}
        short: set[str] = set()
        for name in set(names):
            if not name:
                continue
            if len(name) >= _PREFIX:
                long.setdefault(name[:_PREFIX], []).append(name)
            else:
                short.add(name)
        self._long = {key: tuple(sorted(found, key=len, reverse=True)) for key, found in long.items()}
        self._short = tuple(sorted(short, key=len, reverse=True))
        heads = {name[:2] for name in (*long, *short)}  # a name's first two characters (or its one)
        self._starts = re.compile(NAME_START + "(?=" + trie_pattern(sorted(heads)) + ")") if heads else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every name found in `text`, left to right, without overlaps."""
        if self._starts is None:
            return []
        found: list[tuple[int, int]] = []
        long, short, ends = self._long, self._short, _NAME_END.match
        after = 0  # the end of the last name found: the scan goes on from there
        for place in self._starts.finditer(text):
            start = place.start()
            if start < after:
                continue
            end = -1
            for name in long.get(text[start:start + _PREFIX], ()):
                if text.startswith(name, start) and ends(text, start + len(name)):
                    end = start + len(name)
                    break
            else:
                for name in short:
                    if text.startswith(name, start) and ends(text, start + len(name)):
                        end = start + len(name)
                        break
            if end >= 0:
                found.append((start, end))
                after = end
        return found


@dataclass(frozen=True)
class MentionMatcher:
    """Finds actor mentions in text from a name table (names as written -> entries).

    ``base_code`` strips role suffixes (from the registry's code table), so that only
    role-less names are widened into titles.
    """

    surface: dict[str, list[NameEntry]]
    base_code: Callable[[str], str]
    guarded: frozenset[str] = frozenset()
    scan: NameScan = field(init=False, repr=False)
    surnames: dict[str, tuple[Person, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scan", NameScan(self.surface))
        object.__setattr__(self, "surnames", surname_index(self.surface))

    def find(self, text: str, on: date | None = None) -> list[Mention]:
        """Every actor mention in `text`, left to right, without overlaps (longest match wins)."""
        folded = fold(text)  # "Ukraineʼs", "Côte d’Ivoire", "Foreign\u00a0Minister": matched as registered
        text = folded.text
        found: list[Mention] = []
        shared: list[int] = []  # indices into `found` of bare shared names ("Congo")
        matches = self.scan.spans(text)
        for k, (start, end) in enumerate(matches):
            name = text[start:end]
            entries = self.surface.get(name)  # the straight-apostrophe form, as registered
            if not entries:
                continue
            if name in self.guarded and joined_to_other_name(text, start, end, matches, k):
                continue
            if state_or_metonym(entries) and given_name_before(text, start) and not (k and matches[k - 1][1] == start - 1):
                continue  # "Lisa Monaco", "Steve Israel": a person's surname (detente.actors.given_names)
            if currency_prefix(name, text, end):  # "US$ 1.2 billion", "A$50m": a currency, not the state
                continue
            chosen: tuple[str, str] | None = None
            for entry in sorted(entries, key=lambda e: KINDS.index(e.kind)):
                code = entry.code_on(on)
                if code:
                    chosen = (code, entry.kind)
                    break
            if chosen is None and on is not None:  # a person outside their terms: their state's citizen
                citizen = next((e for e in entries if e.citizen), None)
                chosen = (citizen.citizen, citizen.kind) if citizen is not None and citizen.citizen else None
            if chosen is None:
                continue
            code, kind = chosen
            if kind in ("name", "metonym", "demonym") and len(code) == len(self.base_code(code)):
                title_end, role = title_after(text, end)
                if role:
                    code, kind, end = code + role, "title", title_end
            if name in SHARED_NAMES and kind in ("name", "title"):
                shared.append(len(found))
            found.append(Mention(start, end, text[start:end], code, kind))
        if shared:
            found = settle_shared_names(found, shared, self.base_code)
        found = councils_of(text, drop_overlaps(found), self.base_code)
        if on is not None:
            found = drop_overlaps(found + titled_surnames(text, found, self.surnames, on, self.base_code))
        found = drop_overlaps(found + halves(text, found, self.base_code, title_after))
        mentions = share_roles(text, drop_places_elsewhere(text, drop_dateline_place(text, found)))
        if folded.original is text:
            return mentions
        return [original_span(m, folded) for m in mentions]


_SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_OFFICES = (
    "President", "Prime Minister", "Premier", "Chancellor", "Vice President", "Deputy Prime Minister", "Foreign Minister",
    "Defence Minister", "Defense Minister", "Foreign Secretary", "Defence Secretary", "Defense Secretary",
    "Secretary of State", "Secretary-General", "Secretary General", "Emir", "King", "Crown Prince", "Sheikh",
    "Ambassador", "Envoy", "Special Envoy",
)
_TITLED_SURNAME = re.compile(  # the offices as a trie, tried only where a capital starts a word (fast)
    r"(?<![\w-])(?=[A-Z])(?:" + trie_pattern(_OFFICES) + r")\s+(" + _SURNAME.pattern + r")\b(?![\w'-]*\s+[A-Z])"
)
"""An office and one capitalised word after it, not followed by another capitalised word ("President
Varela", "Prime Minister Morrison"; not "President Joe Biden", whose full name the registry matches)."""


GENERATIONAL_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
"""Generational suffixes after a surname ("Benigno Aquino III", "Martin Luther King Jr."): news names the bearer by
the surname before it ("President Aquino"), so the surname index skips them."""


def surname_index(surface: dict[str, list[NameEntry]]) -> dict[str, tuple[Person, ...]]:
    """The last word of each registered person's name -> the people who bear it ("Morrison" -> Scott Morrison);
    a generational suffix is not the surname ("Benigno Aquino III" -> "Aquino": :data:`GENERATIONAL_SUFFIXES`)."""
    index: dict[str, dict[str, Person]] = {}
    for entries in surface.values():
        for entry in entries:
            person = entry.person
            if person is None or person.kind != "person":
                continue
            words = person.name.split()
            while len(words) > 2 and words[-1] in GENERATIONAL_SUFFIXES:  # "Benigno Aquino III" -> "Aquino"
                words = words[:-1]
            last = words[-1]
            if _SURNAME.fullmatch(last):
                index.setdefault(last, {})[person.name] = person
    return {name: tuple(people.values()) for name, people in index.items()}


def titled_surnames(text: str, found: list[Mention], surnames: dict[str, tuple[Person, ...]], on: date,
                    base_code: Callable[[str], str]) -> list[Mention]:
    """A surname right after an office ("Prime Minister Morrison") as the one registered person of that
    surname who held an office on `on`.

    The registry lists a surname alone as an alias only where it is unambiguous in all news
    ("Morrison" is not); an office before it says a person is meant, and the date says which:
    of the people named so, exactly one must be in a term on `on`, else nothing is found.
    Surnames inside another mention are left alone, and so is a surname whose office is a title of
    another state ("South Korean Foreign Minister Kim" is no US envoy named Kim): the title says whose
    office it is, and the one holder of that surname serves another actor (`base_code`: the registry's
    country or organisation of a code, so "AU Commission Chairperson" is the African Union's "AU" office, not "AUG").

    Tried and dropped (session 16, page mode, development sets pooled without news_dev9 parts d-e): the
    surname without an office ("met with Kiir", "Saied said"), as the one registered holder of it in office on
    the date, guarded against another capitalised word joined to it, a place preposition before it, a given or
    one-word registry name, and another full name of that surname on the page: 6 right events more, 7 wrong
    more (3 wrong and 1 right lost), F1 0.4318 -> 0.4325, P 0.6359 -> 0.6358: under the 2:1 bar. The wrong ones
    were a mediator's meetings coded both ways ("the presidents of Kenya and Ethiopia arrived to meet with
    Kiir"), a quoted speaker's reported act, and a namesake ("Sullivan").
    """
    out: list[Mention] = []
    for match in _TITLED_SURNAME.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in found):
            continue
        holders = {p.name: code for p in surnames.get(match.group(1), ()) if (code := p.code_on(on))}
        office = next((m for m in found if m.kind == "title" and m.start < match.start() < m.end), None)
        if office is not None and len(holders) == 1 and base_code(next(iter(holders.values()))) != base_code(office.code):
            continue
        if len(holders) == 1:
            out.append(Mention(start, end, match.group(1), next(iter(holders.values())), "person"))
    return out


def settle_shared_names(found: list[Mention], shared: list[int], base_code: Callable[[str], str]) -> list[Mention]:
    """Give each bare shared name ("Congo") the state the rest of the text names plainly, else the default.

    Only a text naming exactly one of the candidates settles it ("DRC ... Congo" is the DR
    Congo, "Brazzaville ... Congo" the Republic); a text naming both, or neither, takes the
    default of :data:`SHARED_NAMES`. The role of a title stays: "Congo's army" -> `CODMIL`.
    """
    out = list(found)
    for i in shared:
        mention = found[i]
        name = next(n for n in SHARED_NAMES if mention.text.startswith(n))
        default, candidates = SHARED_NAMES[name]
        named = {base_code(m.code) for j, m in enumerate(found) if j not in shared} & candidates
        base = next(iter(named)) if len(named) == 1 else default
        old = base_code(mention.code)
        out[i] = Mention(mention.start, mention.end, mention.text, base + mention.code[len(old):], mention.kind)
    return out


def original_span(mention: Mention, folded: Folded) -> Mention:
    """A mention found in folded text, with its span and text in the original (provenance)."""
    start, end = folded.span(mention.start, mention.end)
    return Mention(start, end, folded.original[start:end], mention.code, mention.kind)


_NEXT_CAPITALISED = re.compile(r" [A-Z]")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.]*)([ -])$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201c(]\s*|\s[-\u2013\u2014]+\s+)$")  # a dash after a dateline too
# Words that open a sentence capitalised only because they open it: before a guarded name
# they leave it standing alone ("In Jordan, ...", "Unlike Georgia, ..."). Any other first
# word is taken as a given name or a name's first word ("Richard Wagner wrote ...",
# "Michael Jordan said ..."). English determiners, prepositions, conjunctions and sentence adverbs.
_FUNCTION_WORDS = frozenset(
    "the a an this that these those its their our his her in at on to from for with by of into onto inside outside near within across against toward towards "
    "over under after before since until during through throughout between among amid amidst beyond "
    "like unlike about around along behind besides despite including excluding via per and but or nor "
    "yet so if when while whereas as because although though unless once both neither either only even "
    "also meanwhile then there here now still nearby neighbouring neighboring".split()
)


def joined_to_other_name(text: str, start: int, end: int, matches: list[tuple[int, int]], k: int) -> bool:
    """Whether the guarded name `matches[k]` at [start, end) is part of another proper name.

    True when the next word is capitalised ("Jordan Bardella", "West Virginia", "Western
    Cambodia", "West Germany"), or when the word right before it, one space or a hyphen
    away, is capitalised or joined by a hyphen ("Michael Jordan", "East-West") and is
    neither another match nor a function word opening the sentence ("In Jordan"; but
    "Richard Wagner" at a sentence's start is joined, :data:`_FUNCTION_WORDS`). A dash after a
    dateline opens a sentence too ("2 May 2012 - The Security Council called on ...").
    """
    if _NEXT_CAPITALISED.match(text, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)  # a window: a document may be long
    if before is None:
        return False
    word, gap = before.group(1), before.group(2)
    if not (word[0].isupper() or gap == "-"):
        return False
    if k > 0 and matches[k - 1][1] == before.end(1):
        return False  # "Israel-Jordan": the word before is an actor itself
    if word.endswith(("'s", "s'")) and gap == " ":
        return True  # "Russia's Security Council": the possessor's own organ, even first in a sentence
    opens = gap == " " and _SENTENCE_START.search(text, max(0, before.start(1) - 8), before.start(1))
    return not (opens and word.casefold() in _FUNCTION_WORDS)


_CURRENCY_SIGN = re.compile(r"\$")
"""A dollar sign right after a name ("US$", "NZ$")."""
_SPACED_SIGN = re.compile(r" \$ ?\d")
"""A dollar sign one space after a name, before an amount ("US $5 billion"): a currency only after a dollar's
prefix (:data:`DOLLAR_PREFIXES`), since "give Sudan $2 billion" names Sudan."""
DOLLAR_PREFIXES = frozenset({"US", "A", "C", "NZ", "HK", "S", "NT", "R"})
"""The letters written before "$" for the dollars of the United States, Australia, Canada, New Zealand, Hong Kong,
Singapore and Taiwan, and Brazil's real (ISO 4217's currencies, as news abbreviates them)."""


def state_or_metonym(entries: list[NameEntry]) -> bool:
    """Whether a name is a state's own name or metonym (the kinds a surname may be mistaken for)."""
    return any(e.kind in ("name", "metonym") for e in entries)


def currency_prefix(name: str, text: str, end: int) -> bool:
    """Whether `name`, ending at `end` of `text`, is the prefix of a dollar currency: "US$ 1.2 billion", "US$50m", "A$",
    "NZ$", "HK$", "US $5 billion". A loan of "US$ 1.2 billion" from the IMF to Egypt names no United States;
    news writes the sign right after the country's letters (AP and Reuters style), so a "$" there always makes the
    name a currency's; one space before the sign only after a dollar's prefix (:data:`DOLLAR_PREFIXES`: "US $5
    billion", not "give Sudan $2 billion")."""
    if _CURRENCY_SIGN.match(text, end):
        return True
    return name in DOLLAR_PREFIXES and _SPACED_SIGN.match(text, end) is not None


def title_after(text: str, pos: int) -> tuple[int, str | None]:
    """If a role noun phrase follows `pos` ("'s deputy foreign minister"), its end and role."""
    possessive = _POSSESSIVE.match(text, pos)
    cursor = possessive.end() if possessive else pos
    gap = cursor
    while gap < len(text) and text[gap] == " ":
        gap += 1
    if gap > cursor and (council := SECURITY_COUNCIL.match(text, gap)):  # "Russia's Security Council": its government
        return council.end(), "GOV"
    words: list[tuple[str, int]] = []
    while len(words) < 4:
        gap = cursor
        while gap < len(text) and text[gap] == " ":
            gap += 1
        if gap == cursor:
            break
        word = _WORD.match(text, gap)
        if not word:
            break
        words.append((word.group(0), word.end()))
        cursor = word.end()
    # The role comes from the first role noun (with the modifiers before it: "defence
    # ministry" -> MIL); role nouns right after it only widen the span ("ministry officials").
    end, role = pos, None
    for k, (word, word_end) in enumerate(words, start=1):
        if role is None:
            if role_for_noun(word):
                role, end = role_for_noun(" ".join(w for w, _ in words[:k])), word_end
            elif word.casefold() not in _TITLE_MODIFIERS:
                break
        elif role_for_noun(word):
            end = word_end
        else:
            break
    return end, role


def share_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give coordinated bare actors the role of the title that ends the list.

    In "US and Russian officials" or "French, German and Polish troops" the role noun
    belongs to every actor word in the list, so `US` becomes `USAGOV` (kind ``title``,
    span unchanged).
    """
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        if after.kind != "title" or here.kind not in ("name", "demonym", "metonym"):
            continue
        if "'" in after.text:  # (folded text) "Kyiv and Russia's troops": the troops are Russia's
            continue
        if not _COORDINATION.fullmatch(text, here.end, after.start):
            continue
        role = split_code(after.code)[1]
        if role and split_code(here.code)[1] is None:
            out[i] = Mention(here.start, here.end, here.text, here.code + role, "title")
    return out


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Mentions without overlaps: at each start the longest wins, later overlapping ones are dropped."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
