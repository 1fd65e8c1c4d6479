"""A court's acts on a state: its fine as an order to pay (10).

The news guide codes a court's or a body's order that a state pay a fine, a penalty or damages as a demand from the
court to that state (convention 40: "a court or tribunal that orders a state to pay a fine ... makes a demand of that
state"; dev4d-086, -091, -099, dev12b-165).

Choices:

- A fine's code depends on who fines (:func:`fine_code`): a court (:func:`is_court`) orders a payment (10); a state's
  own fine, of another state's vessels or citizens, is administrative coercion (172; convention 40: "stays within
  that act (17, dev11e-106)"). The verb table gives a fine 172 ("fined X", "imposed a fine on X", "punished X with a
  fine": :data:`detente.coding.patterns.COURT_FAMILIES`).
- A court's order read off its ruling ("In July, 2021, the court ruled that X has to ...") is dated by the ruling
  verb, not by the obliged act (:func:`detente.coding.candidates.verbal`): otherwise the page's later report of the
  fine and the earlier ruling share the article's date and the restatement rule keeps the ruling apart (dev4d-087).

Session 21 (courts21; page mode, development sets pooled, news_dev14 a and c left out; 11,243 gold events): right +1
(dev4d-086, "punished Poland with a fine"), none lost (without the ruling's date dev4d-087 was lost), wrong +0 -0, F1
0.4123 -> 0.4124 (P 0.6100 -> 0.6101, R 0.3114 -> 0.3115), no-event sentences left uncoded 8171 of 9030 unchanged.
The other fines of the development gold were coded before ("ordered X to pay": dev2h-084, -088, dev4d-091, -099);
dev12b-165 ("The US Court of Appeals for the Second Circuit ruled in October 2012 [JURIST report] that Argentina must
pay") gives no event in page mode (the sentence without its bracket is coded USA->ARG 10; not pursued).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.coding.patterns import Pattern

FINE_PATTERN_CODE = "172"
"""The verb table's code of a fine (:data:`detente.coding.patterns.COURT_FAMILIES`): CAMEO 172, administrative
penalties, as a state's fine of another state's vessels or citizens."""
COURT_ORDER_CODE = "100"
"""CAMEO 100, demand: a court's or a body's order to pay (the guide's convention 40)."""


def is_court(code: str | None) -> bool:
    """Whether an actor code is a court's or a body's: an organisation of the actor registry (ICJ, PCA, ITLOS, the
    WTO; the EU's court as EUR, convention 9) or a state's judiciary (role ``JUD``: a US court's order that Argentina
    pay, dev12b-165)."""
    if code is None:
        return False
    from detente.actors import get_registry

    registry = get_registry()
    base = registry.base_code(code)
    if not registry.is_code(base):
        return False
    return registry.get(base).kind != "state" or code[len(base):len(base) + 3] == "JUD"


def fine_code(code: str, source_code: str | None, pattern: Pattern | None) -> str:
    """The code of a fine given who imposes it (module choices): a court's fine is its order to pay, a demand (10);
    a state's own fine stays 172. `code` unchanged for any other act."""
    if code != FINE_PATTERN_CODE or pattern is None or "fine" not in (pattern.lemma, pattern.obj):
        return code
    return COURT_ORDER_CODE if is_court(source_code) else code

