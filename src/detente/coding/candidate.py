"""The candidate record: one codable predicate with one (source, target) actor pair.

Every rule that proposes an event from the parse (:mod:`detente.coding.candidates` for
verbs, :mod:`detente.coding.nominals` for act nouns, :mod:`detente.coding.received` for
the receiving end, :mod:`detente.coding.mediation` for "brokered by") returns
:class:`Candidate` records, and :mod:`detente.coding.assemble` turns them into events.

Choices
-------
- The record stands apart from the rules that make it, so those rule modules import it
  and not one another: the verb rules call the noun, receiving and mediation rules
  without those importing the verb rules back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from detente.coding import lexicon as L
from detente.coding.arg import Arg
from detente.coding.context import Actor


@dataclass
class Candidate:
    """One codable predicate with one (source, target) actor pair."""

    code: str
    source: Arg | None
    target: Arg | None
    source_actor: Actor | None
    target_actor: Actor | None
    verb: Any
    anchor: Any  # the governing verb ("threatened" in "threatened to strike"), else the verb
    negated: bool = False
    modality: str | None = None
    confidence: float = L.CONF_BARE_VERB
    main: bool = False
    reverse: bool = False  # the mirrored direction of a symmetric event
    symmetric: bool = False

    def mirrored(self) -> Candidate:
        """The same act the other way (its actors swapped, marked `reverse`): the second direction of a
        symmetric event, which the guide's convention 3 codes both ways ("A and B held talks")."""
        return replace(self, source_actor=self.target_actor, target_actor=self.source_actor, reverse=True)
