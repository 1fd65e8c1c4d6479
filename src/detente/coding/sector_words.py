"""The sector or role a noun names, and what kind of party a code is (a state, a region).

"Ukrainian officials" -> ``UKRGOV``: a bare country code takes the role its head noun implies
(:func:`with_role`, roles from :func:`detente.ontology.role_for_noun`, else the sector list
``data/sector_nouns.yaml``: :func:`sector_nouns`, :func:`noun_role`); a generic noun names a sector
("police", "protesters", an unknown "President X": :func:`sector_of`); :func:`names_region` and
:func:`state_base` say whether a code is a region or a state's. Words and codes only: which state a
sector belongs to in a sentence is :mod:`detente.coding.sector_states`' business.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import TYPE_CHECKING

from detente.coding import syntax
from detente.coding.lexicon import CROWD_WORDS, ELITES, FORMER_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def with_role(code: str, head_noun: str | None) -> str:
    """Add the role a head noun implies to a bare country code (`UKR` + "officials" -> `UKRGOV`).

    The role is :func:`detente.ontology.role_for_noun`'s, else, for a state, the sector list's
    (``sector_nouns.yaml``: "Afghan guerillas" -> `AFGREB`, "French farmers" -> `FRAAGR`,
    "Syrian villagers" -> `SYRCVL`; "UN aid workers" stay `UNO`).
    """
    if not head_noun or len(code) != 3:
        return code
    from detente.ontology import role_for_noun

    role = role_for_noun(head_noun) or (noun_role(head_noun) if state_base(code) else None)
    return code + role if role else code


def noun_role(noun: str) -> str | None:
    """The sector a common noun names after a country's name or adjective (the sector list's
    nouns and its `after_country` nouns), or None."""
    nouns, _titles, after_country = sector_nouns()
    key = " ".join(noun.casefold().split())
    return nouns.get(key) or after_country.get(key)


SECTOR_NOUNS_FILE = "data/sector_nouns.yaml"
"""Generic sector nouns and titles, in :mod:`detente.actors`'s package data (the file says why each is listed)."""


@functools.lru_cache(maxsize=1)
def sector_nouns() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(noun -> role, title -> role, after-country noun -> role) of the generic sector nouns
    (``actors/data/sector_nouns.yaml``)."""
    import yaml

    text = resources.files("detente.actors").joinpath(SECTOR_NOUNS_FILE).read_text(encoding="utf-8")
    tables: tuple[dict[str, str], dict[str, str], dict[str, str]] = ({}, {}, {})
    for role, entry in (yaml.safe_load(text) or {}).items():
        for table, key in zip(tables, ("nouns", "titles", "after_country")):
            for word in entry.get(key) or ():
                table[word.casefold()] = role
    return tables


@functools.lru_cache(maxsize=1)
def body_names() -> dict[str, str]:
    """Capitalised name -> role of a state's bodies named without their state ("the House", "Congress": the
    sector list's `bodies`), which count only capitalised: "a house" and "a party congress" are no side."""
    import yaml

    text = resources.files("detente.actors").joinpath(SECTOR_NOUNS_FILE).read_text(encoding="utf-8")
    return {word.casefold(): role for role, entry in (yaml.safe_load(text) or {}).items()
            for word in entry.get("bodies") or ()}


@functools.lru_cache(maxsize=1)
def _sector_word() -> re.Pattern[str]:
    nouns, titles, _after_country = sector_nouns()
    words = sorted({w for phrase in (*nouns, *titles, *body_names()) for w in phrase.split()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def names_sector(sentence: str) -> bool:
    """Whether a sentence has a generic sector word ("police", "the army"), so that it is worth parsing in a
    document even when it names no actor: its sides may be sectors of the document's one state."""
    return _sector_word().search(sentence) is not None


def sector_of(tok: Token, lemma: syntax.Lemma) -> str | None:
    """The sector a side headed by `tok` names without naming its country, or None.

    A common noun in the sector list ("police", "riot police", "the army"), a noun
    whose modifier names a non-state sector ("opposition candidates", "rebel
    commanders"), the people a crowd word is made of ("thousands of demonstrators"),
    the owner of a thing ("the opposition's demands"), or an unknown name under a
    title ("President Yoweri Museveni"). A former office holder ("former president
    Carlos Menem") is one of the country's elites (``ELI``), as CAMEO codes former officials;
    a former common noun ("former rebels") names no sector.
    """
    nouns, titles, _after_country = sector_nouns()
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
    words = [c.lower_ for c in mods]
    if any(t.lower_ in FORMER_WORDS for m in mods for t in m.subtree):  # "former president X", "ex-rebels"
        if tok.tag_ in ("NNP", "NNPS") and sector_of_title(mods) is not None:
            return ELITES
        return None
    if tok.tag_ in ("NN", "NNS", "CD") and (tok.lower_ in CROWD_WORDS or tok.like_num):
        member = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
        if member is not None:
            return sector_of(member, lemma)  # "thousands of demonstrators"
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.tag_.startswith("NN")), None)
    if owner is not None and tok.lower_ not in nouns:
        return sector_of(owner, lemma)  # "the opposition's demands", "the army's offensive": whose they are
    if tok.tag_ in ("NN", "NNS"):
        from detente.ontology.roles import NON_STATE_ROLES

        challenger = next((nouns[w] for w in words if nouns.get(w) in NON_STATE_ROLES), None)
        if challenger is not None:
            return challenger  # "opposition protesters", "rebel commanders": whose side they are on
        for phrase in (" ".join([*words[-1:], tok.lower_]), tok.lower_, lemma(tok)):
            if phrase in nouns:
                return nouns[phrase]
        return None
    if tok.tag_ in ("NNP", "NNPS"):
        role = nouns.get(tok.lower_) or body_names().get(tok.lower_)
        if role is not None and all(t.dep_ in ("det", "predet") for t in tok.doc[tok.left_edge.i:tok.i]):
            return role  # "Gendarmes fired ...", "the Army", "the House": a capitalised common noun, not a name's
        return sector_of_title(mods)
    return None


def sector_of_title(mods: list[Token]) -> str | None:
    """The sector of the title among a name's left modifiers ("Prime Minister" in "Prime Minister X Y"), or None."""
    _nouns, titles, _after_country = sector_nouns()
    names = [c for c in mods if c.tag_ in ("NNP", "NNPS", "NN")]
    for i in range(len(names)):
        for j in range(len(names), i, -1):
            phrase = " ".join(c.lower_ for c in names[i:j])
            if phrase in titles:
                return titles[phrase]
    return None


@functools.lru_cache(maxsize=4096)
def names_region(code: str) -> bool:
    """Whether `code` is a world region of the registry (kind ``region``: the West, Africa, Asia, the
    Middle East, Latin America and CAMEO's parts of Africa), which names no side of an event.

    Why: the annotation guide codes every actor at the level of its country or international
    organisation (rule 1, data/news_dev/README.md) and no development gold codes a region; "Western
    powers", "other Asian nations", "all African leaders" name no one party (news_dev5's notes, part
    a and c, "false positives"). The registry keeps the regions' names for CAMEO's region codes and so
    that "South American" is not read as "American"; only the argument drops them here, so that a
    region is never an event's source or target.
    """
    from detente.actors import get_registry

    registry = get_registry()
    try:
        return registry.get(registry.base_code(code)).kind == "region"
    except Exception:  # noqa: BLE001 - a code the registry lacks is no region
        return False


@functools.lru_cache(maxsize=4096)
def state_base(code: str) -> str | None:
    """The base code of `code` when the registry knows it as a state, else None."""
    from detente.actors import get_registry

    registry = get_registry()
    try:
        base = registry.base_code(code)
        return base if registry.get(base).kind == "state" else None
    except Exception:  # noqa: BLE001 - a code the registry lacks is no state
        return None
