"""Actors: one registry of codes, names, aliases and the people who stand for an actor."""

from detente.actors.registry import Actor, ActorRegistry, get_registry

__all__ = ["Actor", "ActorRegistry", "get_registry"]
