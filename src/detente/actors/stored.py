"""The default actor registry kept on disk, so that a process starts without reading its YAML again.

Why. Every process that codes text or resolves a name builds the default registry
(:func:`~detente.actors.registry.get_registry`): four YAML files, some 15,000 nodes
through PyYAML's constructor (Python code even with libyaml's parser), checked entry by
entry, then the name index and the code table. That is about 0.09 CPU s, paid before the
first sentence in the one process that forks the coder's workers, so it adds to the wall
time of every `detente code --sentences` (benchmarks/coding_speed.py). The result is the
same on every run with the same inputs, so the first build stores it (pickled, with its
name index and code table) and later processes read it back in under a hundredth of a
second.

Rules (those of the validated cases' cache, :mod:`detente.cases.cache`)

* Keyed by everything the registry depends on: the source and data files of
  `detente.actors` (the packaged YAML among them) and `detente.ontology` (role
  suffixes), the files named in ``DETENTE_ACTORS``, detente's and Python's versions and
  :data:`FORMAT`. Any change gives a new key, so a stored registry is never stale.
* Only a registry that loaded is stored: a data error is never kept, so every message
  comes from the full path, as before.
* A cache, never a requirement: an unreadable or unwritable directory, a damaged file,
  an unreadable source or ``DETENTE_ACTORS`` file: the registry is built in full, as
  without it. Files are written atomically. ``DETENTE_CACHE_DIR=off`` turns it off.
* Where: ``$DETENTE_CACHE_DIR/actors``, or ``~/.cache/detente/actors``, beside the
  cases' and the coding classifier's caches. Like any cache of pickles it trusts the
  user's own cache directory.

Choices
-------
- The mention matcher is not stored: its regular expression would be compiled again on
  reading (a pickled pattern is its source), and processes that only resolve names never
  need it; it is built on first use, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from detente.cache import cache_dir, pickled, source_key

Registry = TypeVar("Registry")
"""The registry class (:class:`~detente.actors.registry.ActorRegistry`, which imports this module)."""

FORMAT = 1
"""Bumped when what is stored changes shape beyond what the key sees."""

_PACKAGES = ("detente.actors", "detente.ontology")
"""Packages whose files shape the default registry (its code, its data, the role suffixes)."""


def registry_key() -> str:
    """The key of the default registry: a hash of everything it is built from (see the module doc).

    Raises OSError when a source file or a ``DETENTE_ACTORS`` file cannot be read.
    """
    return source_key(_PACKAGES, f"format {FORMAT}")


def stored_registry(build: Callable[[], Registry], kind: type[Registry]) -> Registry:
    """The registry `build()` makes (an instance of `kind`): read back when stored under its key,
    else built and stored (with its name index and code table built first, so that they come
    back with it).

    `build` raises for invalid data, as it would without the cache; nothing is stored then.
    """
    folder = cache_dir("actors")
    try:
        path = None if folder is None else folder / f"registry-{registry_key()}.pickle"
    except OSError:  # a source or DETENTE_ACTORS file cannot be read: no key, the full path
        path = None
    return pickled(path, build, lambda found: _of_kind(found, kind), _stored_form)


def _of_kind(found: object, kind: type[Registry]) -> Registry:
    if type(found) is not kind:
        raise TypeError(f"the cache holds a {type(found).__name__}, not a {kind.__name__}")
    return found  # type: ignore[return-value]


def _stored_form(registry: Any) -> Any:
    """The registry as stored: its name index and code table built first (so that they come back
    with it), less the mention matcher (see Choices)."""
    registry.names_index, registry.codes  # noqa: B018 - built now, to be stored
    return _without_matcher(registry)


def _without_matcher(registry: Any) -> Any:
    """A copy of `registry` sharing its data and tables, less the mention matcher (see Choices)."""
    tables = {k: v for k, v in registry._cache.items() if k != "matcher"}
    return type(registry)(registry.actors, registry.people, tables)
