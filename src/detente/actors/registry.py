"""The actor registry: the one source of truth for actor codes.

Codes follow CAMEO: a three-letter country or organisation code (`USA`, `RUS`, `EUR`)
optionally followed by role suffixes (`USAGOV`, `RUSMIL`). The data live in
`actors/data/actors.yaml`; this module loads them and answers look-ups.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import yaml

from detente.errors import UnknownActorError


@dataclass(frozen=True)
class Actor:
    """One actor: a state, an international organisation or a group of actors."""

    code: str
    name: str
    kind: str = "state"  # state | igo | group | other
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # for groups such as EUR


@dataclass
class ActorRegistry:
    """Look-ups by code and by name (case-insensitive)."""

    actors: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def from_yaml_text(cls, text: str) -> "ActorRegistry":
        raw = yaml.safe_load(text) or {}
        registry = cls()
        for entry in raw.get("actors", []):
            actor = Actor(
                code=entry["code"],
                name=entry["name"],
                kind=entry.get("kind", "state"),
                aliases=tuple(entry.get("aliases", ())),
                members=tuple(entry.get("members", ())),
            )
            registry.actors[actor.code] = actor
        return registry

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.base_code(code) in self.actors

    def base_code(self, code: str) -> str:
        """The three-letter actor code with any role suffix removed (`USAGOV` -> `USA`)."""
        return code[:3].upper()

    def get(self, code: str) -> Actor:
        """The actor for a code (role suffixes allowed); UnknownActorError if absent."""
        actor = self.actors.get(code.upper()) or self.actors.get(self.base_code(code))
        if actor is None:
            raise UnknownActorError(
                f"unknown actor code '{code}'",
                hint="use a CAMEO-style code from the registry (`USA`, `RUS`, `UKR`, `CHN`, `EUR` ...)",
            )
        return actor

    def resolve(self, name: str, on: date | None = None) -> str | None:
        """The actor code for a name or alias, or None; `on` is for names tied to a date range."""
        key = name.strip().casefold()
        for actor in self.actors.values():
            if key == actor.code.casefold() or key == actor.name.casefold():
                return actor.code
            if any(key == alias.casefold() for alias in actor.aliases):
                return actor.code
        return None


@functools.cache
def get_registry() -> ActorRegistry:
    """The packaged default registry (loaded once)."""
    text = resources.files("detente.actors").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    return ActorRegistry.from_yaml_text(text)
