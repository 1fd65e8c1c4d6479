"""Actors: one registry of codes, names, aliases, metonyms, demonyms and the people who stand for an actor.

Modules, one idea each: :mod:`~detente.actors.entities` (the records),
:mod:`~detente.actors.loading` (YAML), :mod:`~detente.actors.codes` (base codes, roles,
groups), :mod:`~detente.actors.prefixes` (the stored codes an actor stands for), :mod:`~detente.actors.dyads` (which events are a dyad's), :mod:`~detente.actors.names` (the name
index and suggestions), :mod:`~detente.actors.mentions` (actors in running text), :mod:`~detente.actors.textforms`
(typographic variants folded before matching), :mod:`~detente.actors.places` (names that are places elsewhere:
"Atlanta, Georgia"), :mod:`~detente.actors.regions` (regional adjectives of descriptions) and
:mod:`~detente.actors.registry` (the registry that ties them together, and
:func:`lookup`, the one way a command turns what a user typed into a code).
"""

from detente.actors.codes import CodeTable
from detente.actors.entities import KINDS, Actor, Mention, Person, Term
from detente.actors.prefixes import ActorPrefixes, actor_prefixes
from detente.actors.registry import ActorRegistry, country_of, find_mentions, get_registry, lookup, resolve
from detente.ontology.roles import NON_STATE_ROLES

__all__ = [
    "KINDS",
    "NON_STATE_ROLES",
    "Actor",
    "ActorPrefixes",
    "ActorRegistry",
    "CodeTable",
    "Mention",
    "Person",
    "Term",
    "actor_prefixes",
    "country_of",
    "find_mentions",
    "get_registry",
    "lookup",
    "resolve",
]
