"""CAMEO actor role suffixes: `USAGOV` is the US government, `RUSMIL` Russia's military.

A CAMEO actor code is a three-letter country or organisation code followed by
zero or more three-letter role codes (CAMEO manual 1.1b3, ch. 3, "actor codes").
This module knows the role codes, maps a news noun to one ("minister" -> GOV,
"troops" -> MIL) so a coder can turn "Chinese troops" into `CHNMIL`, and splits a
code into its base and its role (`split_code("USAGOV") -> ("USA", "GOV")`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NON_STATE_ROLES: tuple[str, ...] = ("OPP", "REB", "SEP", "INS", "RAD")
"""Role suffixes a plain country code does not stand for (opposition, rebels, separatists, insurgents, radicals):
``UKRREB``, Russian-backed separatists, are not Ukraine."""

ROLE_SUFFIXES: dict[str, str] = {
    "GOV": "government: executive, ministers, officials",
    "MIL": "military: armed forces, defence ministry",
    "OPP": "political opposition",
    "REB": "rebels, insurgents, armed separatists",
    "BUS": "business: companies, banks, investors",
    "MED": "media: press, broadcasters, journalists",
    "COP": "police and internal security forces",
    "JUD": "judiciary: courts, judges, prosecutors",
    "LEG": "legislature: parliament, congress, lawmakers",
    "SPY": "intelligence services",
    "EDU": "education: universities, schools, academics",
    "ELI": "elites: prominent individuals without office",
    "CVL": "civilians, the general public",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "REF": "refugees and displaced people",
    "PTY": "political party",
    "LAB": "labour: trade unions, workers",
    "AGR": "agriculture: farmers",
    "CRM": "criminals, organised crime",
    "HLH": "health: doctors, hospitals",
    "REL": "religious leaders and bodies",
    "ENV": "environmental groups",
    "HRI": "human-rights groups",
    "UAF": "unidentified armed forces",
    "INS": "insurgents",
    "SEP": "separatists",
    "RAD": "radicals, extremists",
    "MOD": "moderates",
    "DEV": "development bodies",
}
"""Role code -> meaning, in CAMEO's order of importance for news of interstate politics."""

_NOUN_ROLES: dict[str, str] = {}
for _role, _nouns in {
    "GOV": "government governments administration chief chiefs head secretary secretaries aide aides adviser advisers advisor official officials minister ministers president presidents "
    "prime-minister premier premiers chancellor chancellors leader leaders diplomat diplomats envoy envoys "
    "ambassador ambassadors spokesman spokeswoman spokesperson cabinet regime authorities authority ministry "
    "foreign-minister delegation delegations negotiator negotiators king queen emir crown-prince "
    "secretary-of-state head-of-state state-department foreign-ministry embassy",
    "MIL": "army armies military troops troop soldiers soldier forces force armed-forces navy air-force "
    "defence-ministry defense-ministry defence-minister defense-minister defence-secretary defense-secretary "
    "war-secretary war-department generals commander commanders "
    "marines warplanes warships jets drones artillery militaries battalion brigade",
    "OPP": "opposition dissident dissidents opposition-leader",
    "REB": "rebels rebel separatists separatist insurgents insurgent militants militant guerrillas guerrilla "
    "militia militias fighters",
    "BUS": "company companies firm firms bank banks business businesses corporation corporations investors "
    "investor industry exporters importers producers",
    "MED": "media television tv newspaper newspapers press broadcaster broadcasters journalist journalists "
    "state-media state-television news-agency reporters",
    "COP": "police policeman policemen police-officers security-forces border-guards",
    "JUD": "court courts judge judges judiciary prosecutor prosecutors supreme-court",
    "LEG": "parliament parliaments lawmakers lawmaker legislators legislature congress senate senators senator "
    "mps duma congressmen",
    "SPY": "intelligence spies spy intelligence-services intelligence-agency spy-agency",
    "EDU": "university universities students student academics scholars school schools",
    "CVL": "civilians civilian citizens residents people public protesters protesters demonstrators",
    "REF": "refugees refugee migrants asylum-seekers displaced",
    "LAB": "unions union workers trade-unions",
    "REL": "church clergy priests bishops imams",
    "PTY": "party parties",
}.items():
    for _noun in _nouns.split():
        _NOUN_ROLES[_noun.replace("-", " ")] = _role


def role_for_noun(noun: str) -> str | None:
    """The role suffix a news noun stands for, or None.

    Case-insensitive; hyphens and runs of spaces count as one space, so
    "Foreign Minister", "foreign-minister" and "foreign  minister" all give GOV.
    A multi-word noun that is not listed falls back to its last word
    ("deputy prime minister" -> GOV via "minister").

    Examples
    --------
    >>> role_for_noun("troops"), role_for_noun("Foreign Minister"), role_for_noun("banana")
    ('MIL', 'GOV', None)
    """
    key = " ".join(noun.replace("-", " ").casefold().split())
    if not key:
        return None
    if key in _NOUN_ROLES:
        return _NOUN_ROLES[key]
    return _NOUN_ROLES.get(key.rsplit(" ", 1)[-1])


def role_nouns() -> dict[str, str]:
    """Every noun `role_for_noun` knows, mapped to its role (a copy)."""
    return dict(_NOUN_ROLES)


_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def split_code(code: str) -> tuple[str, str | None]:
    """Split an actor code into its base and its role suffix.

    The base is the first three letters (`USA`) unless only a longer (or the
    two-character) prefix leaves a whole number of known role codes behind, as
    for the organisation codes detente uses (`NATO`, `BRICS`, `G7`). The role is the remaining suffix, which may
    be several roles long (`USAGOVMIL` -> ("USA", "GOVMIL")), or None.

    Examples
    --------
    >>> split_code("USAGOV"), split_code("rus"), split_code("NATOMIL")
    (('USA', 'GOV'), ('RUS', None), ('NATO', 'MIL'))
    """
    code = code.strip().upper()
    for width in (3, 4, 5, 6, 2):
        base, rest = code[:width], code[width:]
        if len(base) < width and width != 2:
            continue
        if _CODE.match(base) and len(rest) % 3 == 0 and all(rest[i : i + 3] in ROLE_SUFFIXES for i in range(0, len(rest), 3)):
            return base, rest or None
    return code[:3], code[3:] or None


# ICEWS describes an actor by a comma-separated list of sectors ("Military,Government").
# CAMEO gives one role. The first rule whose sectors meet the list wins, so the most
# specific roles come first: an intelligence or military body inside the government is
# SPY or MIL, a cabinet minister who also sits in parliament is GOV, a plain MP is LEG.
_ICEWS_SECTOR_RULES: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("SPY", frozenset({"Intelligence Ministry", "Military Intelligence"}), ()),
    ("MIL", frozenset({"Military", "Defense / Security Ministry", "Army", "Navy", "Air Force", "Marines", "Army Special Forces"}), ()),
    ("COP", frozenset({"Police"}), ()),
    ("GOV", frozenset({"Executive", "Executive Office", "Cabinet"}), (" Ministry",)),
    ("LEG", frozenset({"Legislative / Parliamentary", "Lower House", "Upper House", "Unicameral"}), ()),
    ("JUD", frozenset({"Judicial", "Legal"}), ()),
    ("GOV", frozenset({"Government"}), ()),
    ("NGO", frozenset({"Nongovernmental Organizations / Activists", "Nongovernmental Organization (International)"}), (" NGOs",)),
    ("IGO", frozenset({"International Government Organization"}), (" IGOs",)),
    ("CRM", frozenset({"Criminals / Gangs"}), ()),
    ("OPP", frozenset({"Opposition Major Party (Out Of Government)", "Dissident", "International Dissident"}), ()),
    ("REB", frozenset({"Rebel", "Insurgents", "International Insurgents", "Separatists", "Organized Violent"}), ()),
    ("UAF", frozenset({"Unidentified Forces"}), ()),
    ("MED", frozenset({"Media", "News", "State Media", "Print News", "Television News"}), ()),
    ("BUS", frozenset({"Business", "Multinational Corporation", "State Owned Enterprises"}), (" Business",)),
    ("EDU", frozenset({"Education"}), ()),
    ("HLH", frozenset({"Medical / Health"}), ()),
    ("LAB", frozenset({"Labor"}), ()),
    ("AGR", frozenset({"Agricultural"}), ()),
    ("REF", frozenset({"Refugees / Displaced"}), ()),
    ("RAD", frozenset({"Radicals / Extremists / Fundamentalists", "International Radicals / Extremists / Fundamentalists"}), ()),
    ("CVL", frozenset({"Protestors / Popular Opposition / Mobs", "General Population / Civilian / Social"}), ()),
    ("PTY", frozenset({"Parties"}), ()),
    ("ELI", frozenset({"Elite"}), ()),
)


def role_for_icews_sectors(sectors: str | Iterable[str] | None) -> str | None:
    """The CAMEO role for an ICEWS sector list, or None (a whole country, or no rule applies).

    `sectors` is ICEWS's ``Source Sectors``/``Target Sectors`` cell (comma-separated) or
    an iterable of sector names. Rules go from specific to general (SPY, MIL, COP,
    executive GOV, LEG, JUD, any government, IGO, OPP, REB ... ELI); see the source for
    the full list.

    Examples
    --------
    >>> role_for_icews_sectors("Executive,Foreign Ministry,Government")
    'GOV'
    >>> role_for_icews_sectors("Military,Government"), role_for_icews_sectors("Government,Police")
    ('MIL', 'COP')
    >>> role_for_icews_sectors("Elite,(National) Major Party,Opposition Major Party (Out Of Government),Parties")
    'OPP'
    >>> role_for_icews_sectors("") is None
    True
    """
    if sectors is None:
        return None
    items = sectors.split(",") if isinstance(sectors, str) else list(sectors)
    names = {s.strip() for s in items if s and s.strip() and s.strip() != "NA"}
    if not names:
        return None
    for role, exact, suffixes in _ICEWS_SECTOR_RULES:
        if names & exact or any(name.endswith(suffix) for name in names for suffix in suffixes):
            return role
    return None
