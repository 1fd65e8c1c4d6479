"""Governing verbs: the verbs that govern another act, and what that act is coded as under them.

"Threatened to impose sanctions", "promised to send aid", "refused to attend the talks", "urged X to release
the prisoners": the verb table (:mod:`detente.coding.patterns`) codes the inner act (163, 070, 040, 0841); the
governing verb turns it into a threat (:func:`threat_code`: 1312), a pledge (:func:`intent_code`: 033), a
refusal (:func:`refusal_code`: 125) or a request (:func:`request_code`: 0253). This module holds the verb
classes (:data:`THREAT_VERBS`, :data:`INTENT_VERBS`, ... :data:`SPEECH_VERBS`, the modal and future
auxiliaries) and those code mappings, which the rules that find a governed act read (:mod:`detente.coding.syntax`,
:mod:`detente.coding.candidates` and the frames built on them).

Choices:

- Intent verbs turn a cooperative act into its 03 pledge code and a conflictual one into its 13 threat code
  ("promised to sanction Russia if ..." -> 1312), as CAMEO pairs its 03 and 13 codes with the acts they announce.
- A measure announced as decided is the measure itself (the guide's convention 15, :func:`announced_code`); a
  measure vowed or threatened stays a threat (rule 5).
"""

from __future__ import annotations

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
DEMAND_VERBS = frozenset("demand insist order force pressure pressurize pressurise tell instruct oblige".split())
""""Told / ordered X to ...": a directive, CAMEO's demand (10); "told X that ..." stays a speech verb. "Obliged X to
release ..." is a court's or a state's order (convention 9: "the tribunal obliged Russia to release the sailors"),
not a cause of X's own act; session 20 (courts20): see :data:`~detente.coding.lexicon.OBLIGATION_VERBS`."""
CAUSATIVE_VERBS = frozenset("prompt lead push drive cause persuade convince compel spur provoke allow permit "
                            "enable".split())
"""Verbs of object control that report no act of their own subject on the verb under them: in "that prompted
Poland to summon the envoy", "allowed Taiwan to open an office" the object does the act (its subject); a
request or demand ("urged X to ...") is coded as the asker's act instead (:func:`detente.coding.syntax.subject`)."""
RULING_VERBS = frozenset({"rule"})
"""Verbs a court reports its judgment with ("the court *ruled* that X must withdraw"): speech verbs, so that the
clause under them is read as the court's statement: an obligation it puts on a party is its order, a demand (10)
also under "should" (the guide's convention 9: "a court's order that a state do something is a demand from the
court to that state"), and a breach it rules a party committed is its charge against the party (112,
:data:`~detente.coding.lexicon.CLAIMED_BREACH_CODES`), as the development gold codes rulings (dev12d-207, -212,
dev6c-164). Session 20 (courts20; page mode, development sets pooled, news_dev13 a and c left out): +1 right (the
WTO's ruling that a member's ban violates its rules), 1 wrong ("the Luxembourg-based court ruled that X has to ...":
the place read as the court, which :mod:`detente.coding.courts` then reads right); with the obligation of a second clause
(:func:`detente.coding.mandates.obligation`) and the court named before (:mod:`detente.coding.courts`) two more
orders (dev12d-207, -212). Tried and dropped: "find" and "hold" ("found that X had breached", "held that X
must"): no right event, one wrong ("asked the court to find that X violated ...": a request, not a finding)."""
SPEECH_VERBS = frozenset(
    "say tell add note remark write declare state announce insist argue claim explain reply respond "
    "comment tweet post stress emphasise emphasize acknowledge admit suggest report indicate signal "
    "assert contend maintain observe believe think warn reiterate repeat underline reaffirm allege".split()
) | RULING_VERBS
