"""Verb patterns: which CAMEO code a predicate stands for.

A pattern is read off the predicate's verb lemma, its particle or preposition and the
head noun of its object, most specific first:

- ``impose`` + object in *sanctions* -> 163 (impose sanctions or embargo)
- ``meet`` + "with" -> 040 (the pipeline upgrades to 044 when the place named is a
  third country, 042/043 for visits)
- ``call`` + object + pejorative label ("called X a dictator") -> 111
- ``threaten`` + object in *sanctions* -> 1312; ``threaten`` + "to" + verb -> the
  threat code of that verb's own code (:func:`threat_code`)

Object nouns are grouped into families (:data:`NOUN_FAMILIES`: talks, sanctions, aid,
arms, ceasefire, plan, release, troops, trade, attack ...) so that one table line covers
"imposed sanctions", "imposed an embargo" and "slapped tariffs".

Choices where CAMEO leaves room (documented in docs/explanation/coding.md):

- "called X a dictator" is 111 (criticise or denounce), not 112 (accuse): a
  pejorative label denounces without alleging a specific wrongdoing; "blamed X for"
  and "accused X of" are 112.
- "halted gas flows/exports" is 163 (embargo): stopping a trade flow to a target.
- Denying or dismissing an accusation ("denied the allegations", "rebutted the charges") is a
  rejection (120), as the news development set's guide (rule 4) and PLOVER's REJECT read it, not
  CAMEO 016 (deny responsibility, a statement): the denial answers the accuser.
- Cancelling a visit or a meeting is 161, as CAMEO 161's usage note says; halting talks under way is
  164. Terminating, scrapping or suspending an agreement is 160 (reduce relations), as withdrawing
  from one is.
- Claiming or reporting an offence with its author ("reported ceasefire violations *by X*") is an
  accusation (112) of the author; without a named author it is no event.
- "held talks" / "negotiations" are 046; "met", "meeting", "summit" are 040 (or 042,
  043, 044 by place).
- Intent verbs ("promised to", "plans to", "offered to", "agreed to") turn the inner
  act into its 03 pledge code when it is cooperative and into its 13 threat code when
  it is conflictual ("promised to sanction Russia if ..." -> 1312).

Every code used here exists in :mod:`detente.ontology` (a test checks it), which also
supplies the Goldstein weight, quad class and PLOVER type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NOUN_FAMILIES: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "talks": "talk talks negotiation negotiations dialogue consultation consultations discussion discussions "
        "meeting meetings summit summits contact contacts",
        "sanctions": "sanction sanctions embargo embargoes blockade blockades ban bans boycott tariff tariffs penalty penalties restriction "
        "blacklist blacklists "
        "restrictions countermeasure countermeasures measure measures curb curbs control controls regulation regulations duty duties",
        "aid": "aid assistance funding fund funds loan loans money grant grants package support relief help",
        "arms": "weapon weapons arm arms missile missiles ammunition munitions tank tanks jet jets "
        "system systems sale sales equipment drone drones warship warships bomber bombers fighter fighters "
        "aircraft carrier carriers submarine submarines frigate frigates destroyer destroyers artillery cannon cannons",
        "ceasefire": "ceasefire cease-fire truce armistice cessation",
        "plan": "plan plans proposal proposals deal deals agreement agreements accord accords treaty treaties "
        "settlement framework initiative offer offers pact memorandum roadmap declaration declarations communique "
        "communiqué",
        "peace": "peace",
        "release": "release prisoner prisoners detainee detainees hostage hostages captive captives pow pows",
        "troops": "troop troops force forces soldier soldiers presence contingent",
        "trade": "gas oil export exports import imports supply supplies flow flows delivery deliveries "
        "trade transit shipment shipments",
        "attack": "attack attacks strike strikes offensive assault invasion bombing bombings raid raids "
        "war hostilities airstrike airstrikes",
        "relations": "relation relations tie ties",
        "mediation": "mediation",
        "diplomats": "diplomat diplomats ambassador ambassadors envoy envoys embassy embassies consulate consulates",
        "label_bad": "dictator tyrant liar criminal thief terrorist terrorists aggressor enemy enemies threat "
        "separatist separatists extremist extremists invader invaders occupier occupiers warmonger warmongers "
        "murderer killer butcher thug fascist fascists nazi nazis puppet clown traitor war-criminal failure "
        "provocation provocations",
        "label_good": "friend friends partner partners hero leader ally allies genius statesman peacemaker",
    }.items()
}


def family(noun_lemma: str | None) -> str | None:
    """The noun's first (usual) family, or None: "strike" is an attack before it is a walkout."""
    found = families(noun_lemma)
    return found[0] if found else None


def families(noun_lemma: str | None) -> tuple[str, ...]:
    """Every family a noun belongs to, its usual sense first ("strike": attack, walkout; "fire":
    problem, fire). Which one a sentence means is decided by :func:`object_families` and :func:`match`."""
    if not noun_lemma:
        return ()
    return _FAMILIES_OF.get(noun_lemma.lower(), ())


SENSE_MODIFIERS: dict[str, str] = {
    "general": "walkout", "labor": "walkout", "labour": "walkout", "worker": "walkout", "workers": "walkout",
    "nationwide": "walkout", "teachers": "walkout", "doctors": "walkout", "union": "walkout",
    "air": "attack", "missile": "attack", "drone": "attack", "rocket": "attack", "military": "attack",
    "artillery": "attack", "retaliatory": "attack", "preemptive": "attack", "pre-emptive": "attack",
    "water": "watercannon",
}
"""Modifiers that pick one sense of a noun of several families: a *general* (labour, nationwide) strike
is a walkout (CAMEO 143), an *air* (missile, drone) strike an attack (190); a *water* cannon is no weapon of war (17)."""


DIPLOMATIC_MODIFIERS = frozenset({"consular", "diplomatic"})
"""Modifiers that make a noun of no family of its own a diplomatic post or staff ("its *consular* posts", "the
*diplomatic* staff", "*diplomatic* offices"): the family *diplomats* (expel, recall, close, reduce -> 161)."""


def object_families(noun_lemma: str | None, modifiers: Iterable[str] = ()) -> tuple[set[str], set[str]]:
    """(usual, other) families of an object noun in its context. A modifier that names one sense
    (:data:`SENSE_MODIFIERS`) makes it the usual one and drops the rest ("general strike": walkout only);
    otherwise the first family is the usual sense and the others are kept for verbs that have no pattern
    for it ("opened fire": "fire" is a problem first, but "open" has a pattern only for gunfire)."""
    found = families(noun_lemma)
    if found and found[0] == "plan" and any(m.lower() in NOUN_FAMILIES["ceasefire"] for m in modifiers):
        return {"ceasefire"}, set(found)  # "a ceasefire deal", "a truce agreement": the truce agreed (convention 19)
    if not found:
        if noun_lemma and {m.lower() for m in modifiers} & DIPLOMATIC_MODIFIERS:
            return {"diplomats"}, set()
        return set(), set()
    if len(found) > 1:
        chosen = next((SENSE_MODIFIERS[m.lower()] for m in modifiers if SENSE_MODIFIERS.get(m.lower()) in found), None)
        if chosen is not None:
            return {chosen}, set()
    return {found[0]}, set(found[1:])



@dataclass(frozen=True)
class Pattern:
    """One verb pattern.

    `prep` is a particle or preposition that must hang off the verb ("with", "out",
    "for"); `obj` a noun family the object (direct, or of `prep`) must belong to;
    `symmetric` marks joint acts (meet, negotiate, sign) that are coded both ways when
    the two sides are conjoined ("the US and Russia met"); `needs_target` is False for
    acts that are complete without a target (a statement).
    """

    lemma: str
    code: str
    prep: str | None = None
    obj: str | None = None
    symmetric: bool = False
    needs_target: bool = True


def _p(spec: str) -> list[Pattern]:
    out = []
    for line in spec.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, right = (part.strip() for part in line.split("->"))
        flags = right.split()
        code = flags[0]
        obj = None
        words = []
        for word in left.split():
            if word.startswith("obj:"):
                obj = word[4:]
            else:
                words.append(word)
        for alternative in " ".join(words).split("|"):
            parts = alternative.split()
            lemma, prep = parts[0], (parts[-1] if len(parts) > 1 else None)
            out.append(
                Pattern(lemma, code, prep, obj, symmetric="sym" in flags, needs_target="notarget" not in flags)
            )
    return out


# Lines: lemma[|lemma...] [prep] [obj:family] -> CODE [sym] [notarget]
_TABLE = _p(
    """
    # 01 public statement
    say|state|declare|announce|note|remark|add|tell|write|comment|explain|report -> 010 notarget
    decline comment -> 011
    acknowledge|admit -> 015
    deny|dismiss obj:label_bad -> 120  # denying an accusation is a rejection (12), see "Choices"
    deny|refute|rebut -> 120
    reject|deny|dismiss|refute|rebut obj:accusation -> 120
    express|voice|raise|reiterate obj:concern -> 110  # the guide: concern, regret, disappointment are 11 (ADJUDICATION.md)
    express obj:hope -> 013
    express obj:condolence -> 018
    express|voice|declare|reaffirm|offer obj:support -> 051
    give|grant|express obj:approval -> 051
    claim obj:responsibility -> 015
    consider|weigh|explore|study|review|mull obj:plan -> 014
    consider|weigh|explore|study|review|mull obj:option -> 014
    push for|lobby for|press for|campaign for -> 020
    attend|participate|join obj:talks -> 040 sym
    attend|participate in -> 040 sym
    agree with -> 019
    # 02 appeal
    urge|appeal|implore|press|ask|request|call on -> 020
    look for|hope for|wait for|await|seek obj:response -> 020
    encourage|plead with|beseech -> 020
    urge|appeal|ask|request|seek|call for obj:talks -> 026
    urge|appeal|ask|request|seek|call for obj:ceasefire -> 0256
    urge|appeal|ask|request|seek|call for obj:peace -> 027
    urge|appeal|ask|request|seek|call for obj:aid -> 023
    ask for|appeal for|plead for obj:aid -> 023
    urge|appeal|ask|request|seek|call for obj:arms -> 0232
    urge|appeal|ask|request|seek|call for obj:release -> 0253
    urge|ask|request|seek|call for obj:withdrawal -> 0256
    call for -> 020
    # 03 intent to cooperate (plain verbs; "promised to X" is handled by modality)
    pledge|promise|vow obj:aid -> 033
    pledge|promise|vow obj:arms -> 0332
    pledge|promise|vow obj:support -> 032
    pledge|promise|vow -> 030
    offer|propose|suggest obj:talks -> 036
    offer|propose|suggest obj:ceasefire -> 037
    offer|propose|suggest obj:peace -> 037
    offer|propose|suggest obj:plan -> 037
    offer|propose|suggest obj:aid -> 033
    offer|propose|suggest obj:arms -> 0332
    offer obj:release -> 0353
    offer|propose|suggest -> 030
    present|unveil|table|put forward|float obj:plan -> 037
    present|unveil|table|put forward|float obj:peace -> 037
    invite -> 036
    reiterate|reaffirm|renew|express|voice|pledge obj:support -> 051
    # 04 consult
    meet|confer -> 040 sym
    meet with -> 040 sym
    discuss -> 040 sym
    consult|consult with -> 040 sym
    talk with|talk to -> 040 sym
    phone|telephone|call -> 041 sym
    speak with|speak to -> 041 sym
    visit|travel to|fly to|arrive in|go to|tour -> 042
    make|pay|begin|start|conclude|end obj:visit -> 042
    host|receive|welcome obj:delegation -> 043
    host -> 043
    mediate|broker -> 045
    negotiate|negotiate with -> 046 sym
    hold|start|begin|resume|open|launch|conduct|have obj:talks -> 046 sym
    hold|have obj:meeting -> 040 sym
    engage in|enter obj:talks -> 046 sym
    return to|go back to|come back to obj:talks -> 046 sym
    # 05 diplomatic cooperation
    praise|hail|commend|laud|applaud|congratulate|thank|endorse|welcome|celebrate -> 051
    defend -> 052
    back|support obj:plan -> 051
    back|support -> 051
    recognize|recognise -> 054
    apologize|apologise -> 055
    forgive -> 056
    pardon|amnesty -> 0841
    sign|conclude|finalize|finalise|reach|strike|ink|seal|clinch obj:plan -> 057 sym
    sign|conclude|finalize|finalise|reach|strike|ink|seal|clinch obj:ceasefire -> 0871 sym  # convention 19: an agreed truce is 08
    sign obj:statement -> 057 sym
    ratify|approve|endorse|back|support obj:membership -> 051
    ratify -> 057 sym
    sign with|sign on -> 057 sym
    agree on|agree to obj:plan -> 057 sym
    agree on|agree to obj:ceasefire -> 0871 sym  # an agreed ceasefire is declared (CAMEO 0871's note)
    agree obj:plan -> 057 sym
    agree -> 019
    restore|reestablish|re-establish|establish|resume obj:relations -> 050
    normalize|normalise|improve obj:relations -> 050
    # 06 material cooperation
    cooperate|collaborate -> 060 sym
    trade|invest -> 061
    sell|export obj:arms -> 062
    approve|authorize|authorise obj:arms -> 062
    train -> 062
    share obj:intelligence -> 064
    extradite -> 063
    # 07 aid
    aid|help|assist|fund|finance -> 070
    give|provide|send|grant|extend|deliver|allocate|transfer obj:aid -> 070
    give|provide|send|grant|extend|allocate|transfer|pledge|lend|loan obj:money -> 071
    contribute|send obj:troops -> 074
    give|provide|send|grant|extend|deliver|allocate|transfer|supply obj:arms -> 072
    supply obj:aid -> 070
    give|provide|send|grant|extend|deliver obj:support -> 070
    give|provide|send obj:peacekeepers -> 074
    grant obj:asylum -> 075
    announce|unveil|approve|earmark|commit obj:aid -> 070
    announce|unveil|approve|earmark|commit obj:money -> 071
    # 08 yield
    lift|ease|relax|remove|drop|suspend|waive|loosen obj:sanctions -> 085
    approve|authorize|authorise obj:extradition -> 063
    extradite|hand over obj:suspect -> 063
    release|publish obj:statement -> 010 notarget
    release|publish obj:document -> 010 notarget
    release|free|return obj:release -> 0841
    swap|exchange|trade obj:release -> 0841 sym  # a prisoner swap is mutual: each side releases
    release|free -> 0841
    return|repatriate|hand over -> 084
    accept obj:plan -> 057
    accept obj:invitation -> 036
    accept obj:talks -> 036
    accept obj:refugees -> 086
    resign|step down -> 0831
    withdraw|pull|remove|recall obj:troops -> 0874
    withdraw|pull|remove|recall obj:vessel -> 0874
    pull out obj:troops -> 0874
    retreat|surrender -> 0874
    declare|announce|agree obj:ceasefire -> 0871
    lift|end|ease obj:curfew -> 0813
    complete|begin|start|announce|order|speed obj:withdrawal -> 0874
    lift|end|revoke obj:emergency -> 0814
    allow obj:inspectors -> 0862
    concede|yield|cede|capitulate -> 080
    allow|permit|grant obj:access -> 0863
    allow|permit -> 080
    lay down|surrender|hand over obj:arms -> 0873
    disarm|demobilize|demobilise -> 0873
    # 09 investigate
    investigate|probe -> 090
    launch|open|start|begin|conduct|order obj:investigation -> 090
    # 10 demand
    demand|insist|insist on obj:talks -> 106
    demand|insist|insist on obj:ceasefire -> 1056
    demand|insist|insist on obj:release -> 1053
    demand|insist|insist on obj:aid -> 103
    demand|insist|insist on obj:arms -> 1032
    demand|insist|insist on obj:peace -> 107
    demand|insist on obj:withdrawal -> 1056
    demand|insist on|insist -> 100
    make|issue|present|send|deliver obj:demand -> 100
    # 11 disapprove
    criticize|criticise|condemn|denounce|slam|blast|rebuke|decry|deplore|castigate|lambast|chide|mock|ridicule|attack verbally -> 111
    accuse|blame|charge|allege -> 112
    lash out at -> 111
    claim|allege|report|document|record|cite obj:offence -> 112  # only with the offence's author ("by X")
    trade|swap|exchange obj:blame -> 112 sym
    oppose|object to|disapprove -> 110
    express|voice|register|state|reiterate obj:opposition -> 110
    express|voice|issue|reiterate obj:condemnation -> 111
    complain|protest to -> 114
    summon -> 114
    sue -> 115
    launch|file|bring|start|take obj:lawsuit -> 115
    # 12 reject
    reject|refuse|rebuff|dismiss|spurn|turn down|decline|snub obj:talks -> 125
    reject|refuse|rebuff|dismiss|spurn|turn down|decline obj:plan -> 127
    reject|refuse|rebuff|dismiss|spurn|turn down|decline obj:ceasefire -> 127
    reject|refuse|rebuff|dismiss|spurn|turn down|decline obj:peace -> 127
    reject|refuse|rebuff|dismiss|spurn|turn down|decline obj:aid -> 122
    reject|rebuff|spurn|turn down|snub|refuse -> 120
    veto -> 129
    block|torpedo obj:sanctions -> 129  # blocking a measure is vetoing it
    defy|violate|flout|breach -> 128
    violate|breach obj:ceasefire -> 196
    # 13 threaten
    threaten obj:sanctions -> 1312
    threaten obj:talks -> 134
    threaten obj:attack -> 1384
    threaten obj:troops -> 138
    threaten obj:force -> 138
    vow|promise|pledge|threaten|warn of obj:retaliation -> 130
    threaten|warn -> 130
    issue obj:ultimatum -> 139
    issue|give|deliver|send obj:warning -> 130
    # 14 protest
    protest|demonstrate|rally|march -> 141
    stage|hold|organize|organise|begin|start|launch|continue|join|lead obj:protest -> 141
    stage|hold|begin|start|continue|launch|go on obj:hunger -> 142
    stage|hold|organize|organise|begin|start|call|launch|continue|join|go on obj:walkout -> 143
    call off|end|suspend|halt|stop|cancel|abandon obj:walkout -> 082  # ending a strike eases dissent
    call off|end|suspend|halt|stop|cancel|abandon obj:protest -> 082
    riot -> 145
    block|barricade|blockade obj:road -> 144
    strike -> 190
    boycott -> 143
    # 15 force posture
    mobilize|mobilise|mass -> 154
    deploy|station|amass|send obj:troops -> 154
    deploy|redeploy|station|amass|move obj:arms -> 154
    hold|conduct|stage|launch|begin|start|carry out|hold|kick off|wrap up|complete obj:drills -> 150
    drill|patrol -> 150
    scramble obj:arms -> 152
    put|place on obj:troops -> 152
    raise|heighten|increase obj:alert -> 152
    # 16 reduce relations
    sever|cut|break|downgrade|suspend|freeze|curtail|scale back obj:relations -> 161
    close|shut|shut down obj:diplomats -> 161
    withdraw obj:diplomats -> 161
    cancel|call off|suspend obj:visit -> 161  # CAMEO 161's usage note: cancelled meetings and visits
    terminate|scrap|cancel|revoke|annul|suspend|tear up|rip up|abrogate|nullify|void obj:plan -> 160
    expel|recall obj:diplomats -> 161
    reduce|cut|downgrade|limit obj:diplomats -> 161
    break off obj:relations -> 161
    cut|halt|suspend|freeze|stop|end|reduce|withhold|pause obj:aid -> 162
    cut|halt|suspend|freeze|stop|end|reduce|withhold|pause obj:arms -> 1622
    cut|halt|suspend|freeze|stop|end|reduce|withhold|pause obj:relief -> 1623
    cut|halt|suspend|freeze|stop|end|reduce|withhold|pause obj:intelligence -> 160
    halt|suspend|stop|end|break off|abandon|quit|leave|walk out obj:talks -> 164
    halt|suspend|stop|end|abandon|quit obj:mediation -> 165
    block|obstruct|chase|shadow|interfere with|stop|prevent|impede|hinder obj:vessel -> 170  # 17, listed before trade: "blocked a supply boat"
    halt|suspend|stop|cut|block|ban|restrict|end|curb obj:trade -> 163
    impose|issue|slap|announce|introduce|adopt|levy|extend|tighten|expand|approve obj:sanctions -> 163
    put|place|add obj:sanctions -> 163
    sanction|embargo|blacklist -> 163
    withdraw|pull out from|withdraw from|exit|quit|leave|abandon obj:plan -> 160
    withdraw from|pull out of|exit|quit -> 166
    expel|oust -> 166
    # 17 coerce
    seize|confiscate|freeze|impound -> 1711
    board|intercept|ram|harass|detain|seize obj:vessel -> 1711
    harass|intimidate|coerce|blackmail -> 170
    destroy|demolish -> 1712
    arrest|detain|jail|imprison|charge|apprehend -> 173
    sentence|convict|indict|prosecute -> 173
    declare|impose|proclaim|extend obj:emergency -> 1724
    impose obj:curfew -> 1723
    ban|outlaw|prohibit -> 172
    deport -> 174
    crack down on -> 175
    # 18 assault
    kidnap|abduct|hijack -> 181
    torture -> 1822
    kill|murder|execute|assassinate -> 1823
    bomb -> 195  # session 13: CAMEO 195, employ aerial weapons (183 is a non-military bombing: detonate, blow up)
    # 19 fight
    attack|assault|fight|strike|hit|target|raid|invade|ambush|fire on|fire at -> 190
    storm|overrun|overran|pound -> 190
    launch|carry out|conduct|mount obj:attack -> 190
    launch|begin|start|conduct|mount|step up|intensify obj:operation -> 190
    open obj:fire -> 190
    exchange|trade obj:fire -> 190 sym  # "X and Y exchanged fire": each fires on the other
    repel|repulse|fend off|beat back|push back obj:attack -> 190
    fire across|fire into|fire upon|fire towards|fire toward -> 190
    order|authorize|authorise obj:attack -> 190
    shell|bombard -> 194
    blockade -> 191
    occupy|annex|capture|seize obj:territory -> 192
    occupy|annex -> 192
    # 20 mass violence
    massacre -> 202
    """
)

# Street violence and domestic repression (the weak PLOVER types ASSAULT, COERCE, CONCEDE on the
# CAMEO-manual gold records), generic CAMEO verbs only; each is pinned by a sentence in
# tests/coding/test_patterns.py.
_TABLE += _p(
    """
    beat|beat up|club -> 182
    shoot|shoot at|wound|injure -> 190
    clash with -> 190
    besiege -> 191
    disperse|tear-gas -> 175
    accept|meet|grant|accede to obj:demand -> 080
    shorten|relax|loosen obj:curfew -> 0813
    launch|undertake|begin|start|lead obj:mediation -> 045
    establish|open obj:relations -> 050
    lodge|file|register obj:protest -> 114
    strengthen|reinforce|boost|bolster obj:troops -> 154
    """
)

# Relief goods, accepted mediation and repressed protests (the PLOVER gold records' AID, AGREE and COERCE
# misses, first half of the file); generic CAMEO verbs, each pinned by a sentence in tests/coding/test_patterns.py.
_TABLE += _p(
    """
    give|provide|send|deliver|hand over|donate|ship|airlift|distribute|dispatch|fly obj:relief -> 073
    dispatch|deploy obj:aid -> 070
    donate -> 070
    agree to|accept obj:mediation -> 038
    ban|prohibit|outlaw|forbid obj:protest -> 1721
    prevent|block|thwart|foil|obstruct obj:protest -> 170
    break up|disperse obj:protest -> 175
    pressure|pressurize|pressurise -> 100
    receive|admit|accept|let in obj:inspectors -> 0862
    allow|permit|let in obj:relief -> 0863
    stop|halt|down|walk off obj:work -> 143
    block|blockade|disrupt|halt obj:traffic -> 144
    launch|direct|unleash|rain obj:fire -> 190
    engage in|carry out|conduct|commit obj:cleansing -> 203
    set to obj:fire -> 1712
    torch|burn down -> 1712
    seek|request|ask for|apply for obj:asylum -> 0233
    renege on|go back on|back out of -> 120
    """
)

# The codebook inventory (session 8): for each CAMEO root 02-20, verbs and phrasal verbs that the
# codebook's own names, descriptions and examples (../shared/data/cameo_codes.csv) and the PLOVER gold
# records' event words use for it, written as our own lists, where the table above had no line for them.
# An ambiguous verb carries the frame that licenses it (its preposition or object family). Each family is
# measured on its own (fires on the development data, and how many of those are right, false events on
# sentences without any) by benchmarks/coding_coverage.py, and pinned by a hand-written sentence in
# tests/coding/test_patterns_coverage.py.
CODEBOOK_FAMILIES: dict[str, str] = {
    "01 responsibility and sympathy": """
    accept|take|assume obj:responsibility -> 015
    offer|send|extend|convey obj:condolence -> 018
    sympathize with|sympathise with|condole with -> 018
    concur with -> 019
    """,
    "02 appeals": """
    plead|beg|petition|solicit|entreat|call upon -> 020
    seek|request|solicit|ask for|call for|appeal for obj:support -> 022
    seek|request|ask for|call for|appeal for|urge obj:mediation -> 028
    """,
    "04 consultations": """
    get together with|confer with|engage with|re-engage with|reengage with -> 040 sym
    convene obj:talks -> 040 sym
    hold|have obj:phonecall -> 041 sym
    facilitate obj:talks -> 045
    give|extend|accord obj:welcome -> 043  # "gave a warm welcome to X": hosting X
    """,
    "05 diplomatic cooperation": """
    reconcile|reconcile with -> 050 sym
    side with|stand with|stand by -> 051
    salute|extol|compliment|lionize|lionise -> 051
    vouch for -> 052
    grant|extend|accord obj:recognition -> 054
    enter into|forge|hammer out obj:plan -> 057 sym
    """,
    "06 material cooperation": """
    partner with|team up with|join forces with|coordinate with|collaborate with -> 060 sym
    buy|purchase|acquire|import|procure obj:arms -> 062
    buy|purchase|import obj:trade -> 061
    hold with|conduct with|stage with|start with|launch with|carry out with obj:drills -> 062 sym
    exchange|swap obj:intelligence -> 064 sym
    """,
    "07 aid": """
    bail out -> 071
    equip -> 072
    take in|shelter obj:refugees -> 075
    airdrop|airlift obj:aid -> 073
    """,
    "08 yield": """
    comply with|abide by|heed|bow to|cave to|cave in to|yield to -> 080  # not "give in to": read as "give ... to"
    relinquish|give up|hand back|return obj:territory -> 080
    de-escalate|deescalate|stand down -> 087
    unfreeze -> 085
    """,
    "09 investigate": """
    look into|inquire into|inquire -> 090
    """,
    "11 disapprove": """
    denigrate|vilify|disparage|smear|slander|reprimand|scold|admonish|censure|fault|berate|excoriate|pillory|lambaste|upbraid|chastise|deride|belittle|bash|hit out at|round on -> 111
    implicate -> 112
    """,
    "12 reject": """
    rule out obj:talks -> 125
    rule out -> 120
    shun|skip obj:talks -> 125
    ignore|disregard|brush aside|shrug off obj:demand -> 120
    oppose|reject|rebuff|refuse|turn down|object to obj:mediation -> 126
    """,
    "13 threaten": """
    issue|level obj:threat -> 130  # not "make": "made good on a threat" carries it out
    """,
    "14 protest": """
    picket -> 141
    """,
    "16 reduce relations": """
    reimpose|re-impose obj:sanctions -> 163
    """,
    "17 coerce": """
    expropriate|nationalize|nationalise|requisition -> 1711
    hack|hack into -> 170
    deface -> 170
    censor -> 1721
    evict -> 174
    """,
    "18 assault": """
    detonate|blow up -> 183
    stab|lynch|maim|flog -> 182
    rape -> 1821
    behead|gun down -> 1823
    take|seize|capture obj:release -> 181
    hold as obj:shield -> 184  # "held civilians as human shields" (not "use": a bare "use" must stay no predicate)
    """,
    "19 fight": """
    launch at|launch toward|launch towards|launch into|launch against|launch on|launch upon|fire at|fire toward|fire towards|fire into|fire against|fire on|fire upon|lob at|lob toward|lob towards|lob into|lob against|lob on|lob upon|hurl at|hurl toward|hurl towards|hurl into|hurl against|hurl on|hurl upon obj:arms -> 190  # aimed: "launched drones toward Israel"
    drop|rain obj:bombs -> 195
    strafe -> 195
    retake|recapture|take|take over obj:territory -> 192
    skirmish|skirmish with -> 190
    encircle -> 191
    break obj:ceasefire -> 196
    """,
    "20 mass violence": """
    slaughter|exterminate -> 202
    """,
}
for _spec in CODEBOOK_FAMILIES.values():
    _TABLE += _p(_spec)

# Predicate classes of news (session 10): the frames in which news reports the acts of the guide's rules 5 and
# 6 and of its conventions ("recalls and border closures as 16", "break off ties -> 16", conv. 15 on announced
# measures), found by tabulating the development sets' "no pattern" misses by predicate word and written as
# classes of CAMEO verbs and objects, not as phrases. Each group is measured on its own (the development sets
# pooled, PLOVER) and pinned by a hand-written sentence in tests/coding/test_patterns_news.py.
NEWS_FAMILIES: dict[str, str] = {
    "16 ending relations": """
    end|terminate|rupture obj:relations -> 161  # "ended diplomatic ties with X": CAMEO 161, break relations
    """,
    "16 closing borders": """
    close|shut|seal|shut down obj:border -> 163  # the guide: border closures are 16 (ADJUDICATION.md); the CAMEO
    # manual's example of 191 (restrict movement) is one too: the project's adjudicated convention is followed
    """,
    "16 restricting trade": """
    limit|tighten|reduce|slash|restrict|strengthen|tighten up obj:trade -> 163  # "limited the export of X's oil"
    strengthen|tighten|toughen obj:sanctions -> 163  # "tightened export controls on X", "strengthened regulations"
    """,
    "16 imposing measures": """
    implement|enact|enforce obj:sanctions -> 163  # "implemented tighter controls on exports to X"
    """,
    "16 closing offices": """
    close|shut|shut down|halt obj:office -> 161  # "closed the OAS office", "closed Taiwan's representative office"
    """,
    "16 withdrawing aid": """
    withdraw|pull|cancel|terminate obj:aid -> 162  # CAMEO 162, reduce or stop aid
    """,
    "04 landing": """
    land in|land at -> 042  # "landed in X" on a visit: arriving (CAMEO 042, make a visit)
    """,
    "05 signing documents": """
    sign obj:document -> 057 sym  # "signed documents on cooperation": an agreement signed (CAMEO 057)
    """,
    "08 ending measures": """
    end|terminate obj:sanctions -> 085  # "ended the blockade and embargo on X": CAMEO 085, ease sanctions
    """,
    "16 suspending members": """
    suspend -> 160  # "the AU suspended Mali": a member suspended (convention 15); its objects' frames above win
    """,
    # Session 11 (recall): classes of the development sets' "no pattern" misses. (Then only verbs the table already
    # had a line for; since session 12 a verb under "agreed to", "promised to" carries the act only where its
    # pattern matches (syntax.governed_child), so a new verb lemma no longer changes how other pledges are coded.)
    "16 raising tariffs": """
    raise|increase obj:tariffs -> 163  # CAMEO 163: a higher tariff is a trade sanction
    renew|reimpose|re-impose obj:sanctions -> 163  # a renewed measure is imposed again (convention 15)
    """,
    "17 coercion at sea and at embassies": """
    fire|deploy|blast obj:watercannon -> 170  # "fired water cannons at a Philippine boat": CAMEO 17
    break into obj:diplomats -> 170  # "police broke into the Mexican embassy": coercion against the mission's state
    """,
    "04 holding meetings": """
    conclude|wrap up|kick off|open obj:talks -> 040 sym  # "A and B concluded their summit": held
    speak by|speak on|speak over|talk by|talk on|talk over|confer by|hold by obj:phone -> 041 sym  # "spoke by phone"
    """,
    "16 freezing trade": """
    freeze obj:trade -> 163  # "froze all trade with Canada": a trade embargo (CAMEO 163), not a seizure of property
    """,
    "19 clashing": """
    clash -> 190 sym  # "Indian and Chinese troops clashed": each side fights the other (as "exchanged fire")
    """,
    "16 dropping ties": """
    drop|abandon obj:relations -> 161  # "dropped diplomatic ties with Taiwan": CAMEO 161, break relations
    """,
    "16 expelling members": """
    remove from|expel from|kick out of|drop from|suspend from -> 166  # "removed Turkey from the
    # F-35 programme", "suspended Russia from the council": CAMEO 166, expel from a body or programme; a measure
    # object (sanctions, troops) keeps its own frame above
    """,
    # Session 12 (recall): classes of the development sets' misses, tabulated by gold root and predicate word.
    "05 opening embassies": """
    open|establish|set up obj:diplomats -> 054  # CAMEO 054's example: "opened an embassy in Tehran"
    open|establish|set up obj:office -> 054  # "opened its representative office in Taipei"; not "reopen" yet (report)
    """,
    "16 recalling and expelling envoys": """
    summon back|call back|bring back|order back obj:diplomats -> 161  # "summoned its ambassador back for consultations"
    """,
    "16 decreeing sanctions": """
    authorize|authorise|order|decree obj:sanctions -> 163  # "authorized sanctions on X": the measure decreed (conv. 15)
    """,
    "04 visits begun and ended": """
    wrap up|complete|round off|kick off|embark on|cut short obj:visit -> 042  # "wrapped up a two-day trip to China"
    """,
    "08 agreeing to disengage": """
    disengage -> 087 sym  # forces facing each other pulled apart: CAMEO 087, de-escalate military engagement
    agree on|agree to obj:disengagement -> 087 sym  # an agreed disengagement is the de-escalation (conv. 19's reading)
    """,
    "05 initialling agreements": """
    initial|countersign|co-sign obj:plan -> 057 sym  # initialling a text is its parties' formal assent to it (057)
    """,
    "11 formal accusations": """
    issue|deliver|send obj:protest -> 114  # "issued a strong protest": an official complaint, as "lodged" is
    file|bring|press|level|lodge obj:accusation -> 112  # "filed charges against X": a formal accusation (CAMEO 112)
    issue|seek|request obj:warrant -> 112  # "issued an arrest warrant for X": the court accuses X (the guide codes 11)
    """,
}
for _spec in NEWS_FAMILIES.values():
    _TABLE += _p(_spec)

# Session 13 (recall13a): verbal roots 02-05 and 09-14, classes of the development sets' "no pattern" and
# "wrong root" misses tabulated by gold root and predicate word, written as CAMEO verb classes (the codebook's
# names and descriptions), not phrases. Each group is measured on its own (the development sets pooled, PLOVER)
# and pinned by a hand-written sentence in tests/coding/test_patterns_verbal.py. Measured with the request frame of
# nominals.requested_by (`detente code eval` on the 28 development files pooled, news_dev6 d-e left out, in-sample):
# 1,741 right of 2,638 coded (P 0.660, R 0.365, F1 0.470) before, 1,748 of 2,645 (P 0.661, R 0.367, F1 0.472) after;
# sentences without an event left uncoded 3,172 -> 3,171 of 3,508; PLOVER unchanged (0.639). "dialogue with" +4 right,
# "raised objections" +1, "spoke out against" +1 right (one wrong 04 gone) and 1 wrong; "sounded the alarm" and
# "vowed a response" change nothing there. Tried and dropped: "left/departed for" (2 right, 2 wrong: "left the
# capital for home"), "voted against" (2 right, 3 wrong: list members as targets), "boycotted a summit" -> 125
# (no gain; "would boycott contacts" is a threat, 133), "expect X to" as a demand (codes "expects to sign" as 10).
VERBAL_FAMILIES: dict[str, str] = {
    "04 dialogue as a verb": """
    dialogue with|dialog with -> 040 sym  # "continues to dialogue with X": to consult (CAMEO 040)
    """,
    "11 objections raised": """
    raise|lodge|file|register obj:opposition -> 110  # "raised objections to X's request": CAMEO 110, disapprove
    """,
    "11 sounding the alarm": """
    sound|flag obj:concern -> 110  # "sounded the alarm about X's pact": concern voiced (the guide: concern is 11)
    """,
    "11 speaking against": """
    speak against|speak out against|speak up against -> 111  # CAMEO 111: criticise or denounce, not a call (041)
    """,
    "13 vowing a response": """
    vow|threaten|warn of obj:response -> 130  # "vowed a firm response to X": a threat (CAMEO 130), not a pledge (030)
    """,
}
for _spec in VERBAL_FAMILIES.values():
    _TABLE += _p(_spec)
# Session 13 (recall13b): classes of the material roots' "no pattern" misses on the development sets, tabulated by
# gold root and predicate word (06-08, 15-20), written as CAMEO verb classes with their object families. Each is
# measured on its own (the development sets pooled, PLOVER) and pinned by a hand-written sentence in
# tests/coding/test_recall_classes13b.py.
MATERIAL_FAMILIES: dict[str, str] = {
    "17 coercion at sea": """
    capture obj:vessel -> 1711  # "the navy captured a foreign trawler": CAMEO 1711, confiscate property (as "seized")
    collide with -> 170  # "a Russian jet collided with a US drone": the guide codes collisions at sea and in the air 17
    collide -> 170 sym  # "Chinese and Vietnamese ships collided": each side's
    """,
    "16 agreeing on sanctions": """
    agree on|agree to|agree|decide on|unveil|roll out obj:sanctions -> 163  # convention 15: a measure decided is the measure
    """,
    "16 halting flights": """
    halt|suspend|stop|ban|cancel|cut|end|restrict|bar|ground obj:flights -> 163  # CAMEO 163: an embargo on air links
    """,
    "16 halting cooperation": """
    halt|suspend|stop|end|freeze|terminate|cut|curtail|scale back|cancel|abandon obj:cooperation -> 160  # CAMEO 160
    withdraw from|pull out of|quit|exit obj:cooperation -> 160  # "will withdraw from joint economic activities"
    """,
}
for _spec in MATERIAL_FAMILIES.values():
    _TABLE += _p(_spec)
# Session 14 (predicates14): classes of the development sets' "no predicate pattern" misses of gold roots 16 and 05,
# tabulated by the word that carries the act and counted per file, written as CAMEO 16x/05x verb classes (the
# codebook's descriptions, their synonyms) with the object families that carry the target. Each group is measured on
# its own (the development sets pooled, PLOVER) and pinned by a hand-written sentence in
# tests/coding/test_relation_families.py. On the 33 development files pooled (news_dev7 d-e left out, in-sample): 1,979 right
# of 2,990 coded (P 0.662, R 0.350, F1 0.458) before, 1,993 of 3,004 (P 0.663, R 0.352, F1 0.460) after; sentences
# without an event left uncoded 3,717 -> 3,716 of 4,092. Per group (right / new wrong, left out one at a time): putting
# off visits +5 / 1 (the gold then read one cancelled meeting as 12; 16 since convention 28, session 16), reopening +5 / 0 (2 wrong, 1 restatement lost; its
# border line was then dropped: it turned "A agreed with B to reopen their border", 03 both ways, into one 05),
# readmitting +1 / 0, checks +1 / 0, tax words +1 / 0 (one wrong 054 gone), supply routes +1 / 0. Tried and dropped:
# "reinstate" (+3 right, 2 wrong: a president, sanctions), "appreciate" and "expressed gratitude" (+1, 2 wrong),
# "upgraded/mended ties" and visa bans (no change on the development sets).
RELATION_FAMILIES: dict[str, str] = {
    "16 putting off visits and meetings": """
    postpone|delay|put off|defer|cancel|call off|scrap obj:visit -> 161  # CAMEO 161's usage note: a visit called off
    cancel|call off|postpone|put off|scrap obj:talks -> 161  # "called off all meetings with X" (not a phone call, 041)
    """,
    "05 reopening missions": """
    reopen obj:diplomats -> 054  # "reopened its embassy in X": as "opened" (CAMEO 054's example)
    reopen obj:office -> 054
    # not "reopen obj:border": "A agreed with B to reopen their shared border" then lost its joint 03 both ways
    """,
    "05 readmitting members": """
    readmit|readmitted -> 050  # "the League readmitted X after 12 years": relations restored (CAMEO 050); the
    # lemmatizer leaves "readmitted" as it is (as "overran" above). Not "reinstate": a president, sanctions
    """,
    "16 checks and taxes on trade": """
    tighten|step up|introduce|intensify|strengthen|impose|increase|enhance|expand obj:checks -> 163  # stricter
    # inspections of X's goods: a trade restriction (CAMEO 163); a tax, surtax or levy joins the sanctions family
    """,
    "16 closing supply routes": """
    close|shut|shut down|seal|suspend|halt|cut|cut off obj:route -> 163  # "closed NATO's supply routes": as a border
    """,
}
for _spec in RELATION_FAMILIES.values():
    _TABLE += _p(_spec)
# Session 16 (predicates16): classes of the development sets' "no predicate pattern" misses, tabulated by the
# governing predicate (the word linking the two sides: lemma, dependency shape, gold root) and counted per file;
# written as CAMEO verb classes, each measured on its own (the development sets pooled, news_dev9 d-e left out) and
# pinned by a hand-written sentence in tests/coding/test_recall_classes16.py. Shaking hands (page mode, 43 development
# files pooled, news_dev9 d-e left out): right 2,478 -> 2,487, coded 3,894 -> 3,900 (P 0.6364 -> 0.6377, F1 0.4328 ->
# 0.4341; one new wrong: a gold that reads one handshake one way only; four restatements later on the page no longer
# coded); no-event sentences left uncoded 5,071 -> 5,072 of 5,602; PLOVER 0.636 unchanged. Tried and dropped: "sent
# a delegation to X" as a visit (042): 1 right, 3 wrong ("sent a delegation to the talks in Cairo" for the talks'
# parties), two no-event sentences coded.
PREDICATE_FAMILIES16: dict[str, str] = {
    "04 shaking hands": """
    shake|shake with obj:hands -> 040 sym  # "A shook hands with B", "A and B shook hands": met in person (CAMEO 040);
    # the gold of five development files reads a handshake of two named leaders as their meeting (convention 3)
    """,
}
for _spec in PREDICATE_FAMILIES16.values():
    _TABLE += _p(_spec)
# Session 17 (roots17): the development sets' "wrong root" misses (the coder has the gold pair with another root),
# tabulated by (gold root, coded root) and the predicate's words, counted per file; classes written from the codebook
# and the guide's conventions, each measured on its own (the development sets pooled, news_dev10 d-e left out) and
# pinned by a hand-written sentence in tests/coding/test_roots17.py. On the 44 development files pooled (page mode,
# news_dev10 d-e left out, in-sample), with lexicon.AGREED_DEALS ("agreed a deal to ...": +6 right, none wrong),
# lexicon.ARRIVING_AID (+3 right, none wrong) and the traded goods below (+4 right, 1 wrong): right 2,742 -> 2,758,
# coded 4,360 -> 4,363 (P 0.6289 -> 0.6321, R 0.3268 -> 0.3287, F1 0.4301 -> 0.4325); no-event sentences left uncoded
# 5,793 of 6,410 before and after; no root loses a right event. Renewing agreements ("agreed to extend a deal"): +1
# right, one new wrong (a treaty extended by one side read both ways); hitting with sanctions: +2 right, one wrong 19
# gone. Tried and dropped: "take action/measures/steps" as a threat (130, rule 5's "warn of consequences": "vowed to
# take action against X"): +5 right, 2 right lost, 16 new wrong (past "took measures", "take steps to restore"), five
# no-event sentences coded; "kill" as 190 (convention 13: troops that killed): +2 right, 1 right 18 lost.
ROOT_FAMILIES17: dict[str, str] = {
    "05 renewing agreements": """
    extend|renew|prolong obj:pact -> 057 sym  # "extended the grain deal": the agreement concluded again (CAMEO 057);
    # not the whole plan family: "extended an offer (an invitation) to X" offers (03)
    extend|renew|prolong obj:ceasefire -> 0871 sym  # "extended the truce": a truce agreed again (convention 19: 08)
    """,
    "16 hitting with sanctions": """
    hit with|strike with|target with|punish with|retaliate with|respond with|fight back with obj:sanctions -> 163
    # "China hit back with sanctions on EU officials", "hit X with tariffs": the measure is the act (CAMEO 163; rule 6:
    # sanctions are 16), not a use of force (19) nor a bare retaliation (13)
    """,
}
for _spec in ROOT_FAMILIES17.values():
    _TABLE += _p(_spec)
# Session 17 (roots17): traded goods named by their kind ("banning seafood from Japan", "a ban on Australian barley")
# are a trade flow, so that "ban", "halt" or "restrict" them is an embargo (CAMEO 163; rule 6: sanctions are 16), not
# CAMEO 172's administrative sanction (a party banned at home); airlines are flights ("banned X's airlines"). On the
# development sets pooled: 4 wrong-root events right (news_dev2 c, news_dev3 a, news_dev10 a), one new wrong ("said
# it would buy more U.S. agricultural products": an intent to trade, 03, the gold codes the deal only).
NOUN_FAMILIES["trade"] = NOUN_FAMILIES["trade"] | set(
    "seafood fish beef pork meat poultry wine coal timber log logs barley soybean soybeans cotton sugar fruit goods "
    "product products produce commodity commodities steel aluminium aluminum".split())
NOUN_FAMILIES["attack"] = NOUN_FAMILIES["attack"] | {"incursion", "incursions"}  # "launched an incursion into X" (190)
NOUN_FAMILIES["sanctions"] = NOUN_FAMILIES["sanctions"] | {"tax", "taxes", "surtax", "surtaxes"}  # session 14: "extended a
# 100-percent tax on Serb imports", "a surtax on X's steel": a trade sanction (CAMEO 163), as a duty or tariff is

PATTERNS: dict[str, list[Pattern]] = {}
for _pat in _TABLE:
    PATTERNS.setdefault(_pat.lemma, []).append(_pat)

# Extra noun families used only by the table above.
for _name, _words in {
    "concern": "concern concerns worry worries alarm",
    "support": "support backing solidarity commitment commitments",
    "delegation": "delegation delegations",
    "asylum": "asylum refuge sanctuary",
    "inspectors": "inspector inspectors observer observers monitor monitors",
    "force": "force",
    "peacekeepers": "peacekeeper peacekeepers peacekeeping",
    "ultimatum": "ultimatum",
    "intelligence": "intelligence information evidence data",
    "demand": "demand demands",
    "visit": "visit visits trip trips tour",
    "access": "access",
    "protest": "protest protests demonstration demonstrations rally rallies march marches sit-in vigil",
    "hunger": "hunger",
    "walkout": "strike strikes walkout walkouts stoppage",
    "road": "road roads street streets highway bridge border crossing",
    "withdrawal": "withdrawal pullout pull-out",
    "emergency": "emergency siege martial",
    "curfew": "curfew",
    "work": "work tool tools job",
    "traffic": "traffic transport",
    "cleansing": "cleansing",
    "relief": "medicine medicines medication drugs vaccine vaccines food foodstuffs grain flour rice wheat "
    "blanket blankets tent tents goods rescuer rescuers medic medics paramedic paramedics",
    "offence": "crime crimes abuse abuses atrocity atrocities violation violations massacre massacres",
    "problem": "covid-19 covid coronavirus virus pandemic epidemic ebola disease diseases malaria poverty "
    "corruption crime hunger famine drought fire fires flood floods climate inflation unemployment",
    "option": "option options possibility possibilities idea ideas",
    "operation": "operation operations campaign",
    "hope": "hope hopes optimism confidence",
    "condolence": "condolence condolences sympathy sympathies",
    "responsibility": "responsibility credit",
    "investigation": "investigation investigations probe probes inquiry inquiries",
    "invitation": "invitation invitations",
    "refugees": "refugee refugees migrants",
    "extradition": "extradition",
    "suspect": "suspect suspects fugitive fugitives",
    "accusation": "allegation allegations accusation accusations claim claims charge charges report reports "
    "criticism criticisms",
    "lawsuit": "lawsuit lawsuits suit legal proceedings litigation",
    "fire": "fire gunfire",
    "money": "billion million trillion dollar dollars euro euros",
    "territory": "territory territories land region regions city town village",
    "drills": "drill drills exercise exercises maneuver maneuvers manoeuvre manoeuvres wargame wargames war-games "
    "patrol patrols",
    "vessel": "vessel vessels boat boats ship ships tanker tankers trawler trawlers ferry freighter",
    "warning": "warning warnings",
    "statement": "statement statements",
    "document": "video videos footage photo photos photograph photographs image images document documents "
    "transcript transcripts recording recordings book figures statistics results",
    "retaliation": "retaliation reprisal reprisals revenge retribution consequence consequences punishment",
    "approval": "approval endorsement blessing consent go-ahead",
    "membership": "membership accession bid application",
    "response": "response responses reply answer",
    "blame": "blame",
    "condemnation": "condemnation condemnations criticism criticisms rebuke censure",
    "opposition": "opposition objection objections disapproval displeasure dismay anger outrage indignation "
    "disappointment regret regrets",
    "alert": "alert readiness",
    "phonecall": "call calls phone-call conversation conversations teleconference teleconferences videoconference "
    "videoconferences video-conference",
    "recognition": "recognition",
    "threat": "threat threats ultimatum",
    "bombs": "bomb bombs",
    "welcome": "welcome reception",
    "shield": "shield shields",
    "border": "border borders frontier frontiers crossing crossings airspace",
    "swap": "swap swaps",
    "office": "office offices mission missions representation",
    "disengagement": "disengagement de-escalation deescalation",
    "tariffs": "tariff tariffs duty duties levy levies",
    "warrant": "warrant warrants",
    "phone": "phone telephone telephones phones videoconference video-conference videolink hotline",
    "watercannon": "cannon cannons",
    "flights": "flight flights airline airlines",  # airlines: session 17 (roots17), "banned X's airlines" (163)
    "checks": "inspection inspections check checks scrutiny screening monitoring",
    "route": "route routes corridor corridors",
    "hands": "hand hands handshake handshakes",
    "pact": "deal deals agreement agreements accord accords treaty treaties pact pacts arrangement arrangements "
    "memorandum",
    "cooperation": "cooperation co-operation collaboration partnership programme programmes program programs activity "
    "activities",
}.items():
    NOUN_FAMILIES.setdefault(_name, frozenset(_words.split()))

_FAMILIES_OF: dict[str, tuple[str, ...]] = {}
"""Noun -> its families in the order they are listed (the first is the noun's usual sense)."""
for _name, _members in NOUN_FAMILIES.items():
    for _word in _members:
        _FAMILIES_OF[_word] = (*_FAMILIES_OF.get(_word, ()), _name)

VERB_LEMMAS: frozenset[str] = frozenset(PATTERNS)


def match(lemma: str, preps: set[str], obj_families: set[str], other_families: Iterable[str] = ()) -> Pattern | None:
    """The most specific pattern for a verb lemma given its prepositions/particles and object families.

    Specificity: preposition and object both match > object matches > preposition
    matches > bare verb. A pattern whose required preposition or object is absent
    does not match. `other_families` are the objects' less usual senses (:func:`object_families`): a
    pattern for one of them is as specific as one for the usual sense but loses a tie to it ("launched
    a strike" is an attack, "called a strike" a walkout: "call" has no pattern for an attack).
    """
    best: Pattern | None = None
    best_score = -1.0
    other = set(other_families) - obj_families
    for pat in PATTERNS.get(lemma, ()):
        if pat.prep is not None and pat.prep not in preps:
            continue
        if pat.obj is not None and pat.obj not in obj_families and pat.obj not in other:
            continue
        score = (2 if pat.obj else 0) + (1 if pat.prep else 0) - (0.5 if pat.obj in other else 0)
        if score > best_score:
            best, best_score = pat, score
    return best


# --- modality: the verbs that govern another act ("threatened to attack") --------------

THREAT_VERBS = frozenset("threaten warn".split())
INTENT_VERBS = frozenset(
    "promise pledge vow plan intend aim seek want hope look prepare expect offer agree propose "
    "commit decide resolve ready willing prepared committed determined eager".split()
)
REFUSAL_VERBS = frozenset("refuse decline reject".split())
CONSIDER_VERBS = frozenset("consider mull weigh explore contemplate study".split())
"""Verbs that weigh an act rather than commit to it ("is considering sending aid" -> 014)."""
PLEDGE_VERBS = frozenset("agree promise pledge vow commit offer undertake".split())
"""Intent verbs that pledge cooperation even when the act they govern has no pattern."""
ATTEMPT_VERBS = frozenset("try attempt move begin start continue".split())
FAIL_VERBS = frozenset("fail neglect".split())
MODAL_AUX = frozenset("may might could would should can".split())
FUTURE_AUX = frozenset("will shall 'll".split())


def _cooperation_pledge(code: str) -> str:
    """The 03 pledge code for a cooperative act (CAMEO pairs 04-08 with 036-035)."""
    table = {
        "040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "046": "036",
        "045": "039", "050": "032", "051": "032", "052": "032", "053": "032", "054": "032",
        "057": "037", "019": "037", "0871": "0356",
        "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
        "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
        "080": "035", "081": "0351", "082": "0352", "084": "0353", "0841": "0353", "0842": "0353",
        "085": "0354", "086": "0355", "0862": "0355", "087": "0356", "0874": "0356",
    }
    if code in table:
        return table[code]
    if code.startswith(("03", "02")):
        return code
    return "030"


def act_of_pledge(code: str) -> str:
    """The act a 03 pledge code promises (0354 -> 085, 036 -> 046); other codes unchanged."""
    table = {
        "036": "046", "037": "057", "039": "045", "0356": "0871", "0354": "085", "0353": "0841",
        "0351": "081", "035": "080", "033": "070", "0331": "071", "0332": "072", "0333": "073",
        "031": "060", "0311": "061", "0312": "062", "032": "050", "030": "060",
    }
    return table.get(code, code)


def threat_code(code: str) -> str:
    """The 13 threat code for a conflictual act (1312 for sanctions, 1384 for an attack ...)."""
    table = {
        "163": "1312", "160": "1313", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311",
        "164": "134", "165": "135", "166": "136", "172": "132", "173": "137", "175": "137",
        "190": "1384", "191": "1381", "192": "1382", "194": "1384", "195": "1384",
        "180": "1383", "181": "1383", "183": "1383", "1823": "1383", "200": "1385", "202": "1385",
        "154": "138", "150": "138", "141": "133",
    }
    if code in table:
        return table[code]
    if code.startswith("13"):
        return code
    if code[:2] == "14":
        return "133"  # a stated intention to protest, strike or boycott (CAMEO 133, PLOVER THREATEN)
    if code[:2] in ("17", "18", "19", "20"):
        return "138"
    return "130"


def is_conflict(code: str) -> bool:
    """True for the conflict roots 10-20 (demand to mass violence)."""
    return code[:2] >= "10"


def intent_code(code: str) -> str:
    """What an expressed intention to do `code` is coded as: a pledge (03) or a threat (13).

    An announced protest, strike or boycott ("said they would boycott the elections") is a threat of
    dissent (133), as CAMEO 133 and PLOVER's THREATEN both define it."""
    if code[:2] in ("01", "02", "03", "09"):
        return code
    if code[:2] in ("10", "11", "12", "13"):
        return code
    return threat_code(code) if is_conflict(code) else _cooperation_pledge(code)


DECISION_VERBS = frozenset("decide resolve agree intend".split())
"""Intent verbs that announce a decision taken ("decided to recall its ambassador", "agreed to impose
sanctions", "intends to close the crossings"), unlike those that hold an act out or wish for it ("vowed",
"threatened", "hopes", "seeks"): with a measure (:data:`MEASURE_ROOTS`) the decision is the measure.
"Plans to" is left out: the guide reads a plan as an expectation (convention 15) and the PLOVER gold
file codes "plans to impose restrictions" as a threat."""
MEASURE_ROOTS = frozenset({"16"})
"""Roots of the measures a state takes by deciding them: CAMEO 16, reduce relations (sanctions, recalling or
expelling envoys, breaking off ties or talks, suspending aid)."""


DEPLOYMENT_CODES = frozenset({"074"})
"""Session 17 (roots17): a protection force that its sender announces as decided ("will send 750 troops to help X
build clinics", "the Council agreed to send a peacekeeping force to X") is the deployment (CAMEO 074, root 07), as
convention 15 reads an announced withdrawal of troops as the withdrawal; an offer or a vow to send troops stays a
pledge (03). On the development sets pooled the coder's 0334 pledges were never right: +3 right (news_dev2 c, news_dev5
a, news_dev7 e), one 03 wrong became a 07 wrong, no right event lost (all the session's changes together: right 2,742
-> 2,761 of 4,360 -> 4,363 coded, P 0.6289 -> 0.6328, F1 0.4301 -> 0.4330)."""


def announced_code(code: str, governor: str | None) -> str:
    """What an act announced by its own author is coded as: the measure itself when it is a measure
    (:data:`MEASURE_ROOTS`) announced as decided, by a decision verb (:data:`DECISION_VERBS`) or by its
    author's "will"/"would" (`governor` None), else :func:`intent_code` (a pledge or a threat).

    The project's annotation guide, convention 15 ("an announced measure is the measure",
    ``data/news_dev/README.md``): "said it would recall its ambassador", "will suspend aid" are 16 from the
    announcer, while a measure held out on a condition stays a threat (13; the caller reads "unless"/"if")
    and one vowed or threatened stays a threat (rule 5: "threaten, warn of consequences, vow to attack")."""
    if (code[:2] in MEASURE_ROOTS or code in DEPLOYMENT_CODES) and (governor is None or governor in DECISION_VERBS):
        return code
    return intent_code(code)


def restraint_code(code: str) -> str:
    """What pledging *not* to do the conflictual act `code` is coded as: a pledge of military
    de-escalation (0356) for threats and uses of force ("agreed not to attack each other"),
    else an intent to cooperate (030: "promised not to impose new tariffs")."""
    if code[:2] in ("13", "15", "17", "18", "19", "20"):
        return "0356"
    return "030"


def refusal_code(code: str) -> str:
    """What refusing to do `code` is coded as (12 family: 125 refuse talks, 1244 keep sanctions ...)."""
    table = {
        "040": "125", "041": "125", "042": "125", "043": "125", "044": "125", "046": "125", "036": "125",
        "045": "126", "057": "127", "0871": "127", "037": "127", "019": "120",
        "060": "121", "061": "1211", "062": "1212", "063": "1213",
        "070": "122", "071": "1221", "072": "1222", "073": "1223",
        "081": "1241", "082": "1242", "084": "1243", "0841": "1243", "085": "1244", "086": "1245",
        "087": "1246", "0874": "1246", "080": "124",
    }
    if code.startswith("01"):
        return "011"  # "declined to comment"
    return table.get(code, "120")


def cessation_code(code: str) -> str | None:
    """What stopping the act `code` is coded as ("stopped sending weapons", "halted talks with"): cutting
    cooperation reduces relations (16: aid 162, arms 1622, trade 163, talks 164, mediation 165, else 160),
    ceasing force de-escalates (087); None for acts whose end CAMEO has no code for."""
    table = {
        "045": "165", "061": "163", "062": "1622", "070": "162", "071": "1621", "072": "1622", "073": "1623",
    }
    if code in table:
        return table[code]
    root = code[:2]
    if root == "04":
        return "164"
    if root in ("05", "06", "07"):
        return "162" if root == "07" else "160"
    if root in ("18", "19", "20"):
        return "087"
    return None


def request_code(code: str, *, demand: bool = False) -> str:
    """What urging (02) or demanding (10) that a target do `code` is coded as."""
    appeal = {
        "040": "026", "046": "026", "036": "026", "057": "027", "037": "027", "0871": "0256",
        "087": "0256", "0874": "0256", "085": "0254", "081": "0251", "0841": "0253", "084": "0253",
        "070": "023", "071": "0231", "072": "0232", "073": "0233", "060": "021", "061": "0211",
        "062": "0212", "063": "0213", "064": "0214", "045": "028", "080": "025", "074": "0234",
        "086": "0255", "0862": "0255", "0863": "0255", "0831": "0241", "051": "022", "052": "022", "054": "022",
    }
    code = "020" if code == "030" else act_of_pledge(code)
    base = appeal.get(code, "020")
    if not demand:
        return base
    to_demand = {
        "020": "100", "021": "101", "0211": "1011", "0212": "1012", "0213": "1013", "0214": "1014",
        "022": "102", "0234": "1034", "0241": "1041", "0255": "1055", "023": "103", "0231": "1031",
        "0232": "1032", "0233": "1033", "025": "105", "0251": "1051", "0253": "1053", "0254": "1054",
        "0256": "1056", "026": "106", "027": "107", "028": "108",
    }
    return to_demand.get(base, "100")


REQUEST_VERBS = frozenset("urge ask request appeal call press implore encourage invite".split())
DEMAND_VERBS = frozenset("demand insist order force pressure pressurize pressurise tell instruct".split())
""""Told / ordered X to ...": a directive, CAMEO's demand (10); "told X that ..." stays a speech verb."""
CAUSATIVE_VERBS = frozenset("prompt lead push drive cause persuade convince compel oblige spur provoke allow permit "
                            "enable".split())
"""Verbs of object control that report no act of their own subject on the verb under them: in "that prompted
Poland to summon the envoy", "allowed Taiwan to open an office" the object does the act (its subject); a
request or demand ("urged X to ...") is coded as the asker's act instead (:func:`detente.coding.syntax.subject`)."""
SPEECH_VERBS = frozenset(
    "say tell add note remark write declare state announce insist argue claim explain reply respond "
    "comment tweet post stress emphasise emphasize acknowledge admit suggest report indicate signal "
    "assert contend maintain observe believe think warn reiterate repeat underline reaffirm allege".split()
)
