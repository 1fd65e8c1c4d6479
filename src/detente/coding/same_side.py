"""Whether two actors are one side: the same-side tests between a source and a target.

Whether two actors are one party (one country or organisation) is :func:`detente.actors.country_of`'s answer, not
a comparison of the codes' first three letters (see :mod:`detente.coding.arguments`, Choices).
"""

from __future__ import annotations

from detente.actors.registry import country_of
from detente.coding.arg import Arg
from detente.coding.context import Actor


def same_side(source: Actor | None, target: Actor | None) -> bool:
    """True when a target is on its source's own side: another mention of the same country whose
    sector does not tell it apart ("the US ... US control", `NGA` and `NGAGOV`).

    Two sectors of one country (`NGACOP` and `NGAOPP`), or a state and one of its
    non-state challengers (`NGA` and `NGAOPP`), are two sides
    (:meth:`detente.actors.CodeTable.distinct_sides`): a domestic event, coded as CAMEO codes it. The same mention is not a
    side of its own (that is a parsing artefact, :func:`detente.coding.assemble.event_of`).
    """
    if source is None or target is None or source.start == target.start:
        return False
    if country_of(source.code) != country_of(target.code):
        return False
    from detente.actors import get_registry

    return not get_registry().codes.distinct_sides(source.code, target.code)


def foreign_pairs(source: Arg, target: Arg) -> list[tuple[Actor, Actor]]:
    """The (source, target) actor pairs of two arguments (the first three actors of each)
    whose countries differ: an act between two sectors of one state is not one of these
    inter-state patterns."""
    return [(s, t) for s in source.actors[:3] for t in target.actors[:3] if country_of(s.code) != country_of(t.code)]
