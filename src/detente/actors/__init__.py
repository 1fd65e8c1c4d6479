"""Actors: one registry of codes, names, aliases, metonyms, demonyms and the people who stand for an actor."""

from detente.actors.registry import (
    Actor,
    ActorRegistry,
    Mention,
    Person,
    Term,
    find_mentions,
    get_registry,
    resolve,
)

__all__ = ["Actor", "ActorRegistry", "Mention", "Person", "Term", "find_mentions", "get_registry", "resolve"]
