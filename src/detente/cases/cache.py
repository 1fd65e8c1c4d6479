"""Validated built-in cases kept on disk, so that a command starts without re-validating them.

Why. Reading the built-in case in a fresh process costs about 0.13 CPU s, and little of
it is the case: the validation looks up five actor names in the actor registry, which
loads four YAML files (some 11,000 nodes through PyYAML's Python constructor, about
0.06-0.09 s), and it needs pydantic and the scenario schema imported (about 0.1 s of
`detente forecast`'s start-up). The result, a frozen `Scenario`, is the same on every
run with the same inputs; so the first load stores it (pickled) and later loads read it
back in about a millisecond, without importing YAML, pydantic or the registry.

Rules

* Keyed by everything the result depends on: the case's YAML text; the actor registry's
  inputs (the packaged data files and any files named in ``DETENTE_ACTORS``); the source
  of the packages that validate and build a scenario (`detente.bargaining.scenario`,
  `detente.actors`, `detente.ontology`); detente's and Python's versions; and
  :data:`FORMAT`. Any change gives a new key, so a stored scenario is never stale.
* Only what validated is stored: a case that fails is never kept, so every error message
  comes from the full path, as before.
* A cache, never a requirement: an unreadable or unwritable directory, a damaged file,
  a source file that cannot be read: the case is validated in full, as without it.
  Files are written atomically. ``DETENTE_CACHE_DIR=off`` turns it off.
* Where: ``$DETENTE_CACHE_DIR/cases``, or ``~/.cache/detente/cases`` (``$XDG_CACHE_HOME``
  respected), the same root as the coding classifier's cache. Like any cache of pickles
  (numba's, joblib's) it trusts the user's own cache directory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from detente.cache import cache_dir, pickled, source_key

if TYPE_CHECKING:
    from detente.bargaining.scenario import Scenario

FORMAT = 1
"""Bumped when what is stored changes shape beyond what the key sees."""

#: Packages whose source shapes a validated scenario (the builder, its schema, the
#: registry and its data files, the role suffixes that actor codes may carry).
_PACKAGES = ("detente.bargaining.scenario", "detente.actors", "detente.ontology")


def cache_key(text: str, origin: str) -> str:
    """The key of a case's YAML text read from `origin`: a hash of both and of everything else the validated scenario depends on (see the module doc)."""
    return source_key(_PACKAGES, f"format {FORMAT}|origin {origin}", text)


def cached_scenario(text: str, origin: str, build: Callable[[], "Scenario"]) -> "Scenario":
    """The scenario `build()` validates from `text` (read from `origin`): from the cache when stored, else built and stored.

    `build` raises for an invalid case, as it would without the cache; nothing is stored then.
    """
    folder = cache_dir("cases")
    try:
        path = None if folder is None else folder / f"{cache_key(text, origin)}.pickle"
    except OSError:  # a source file or a DETENTE_ACTORS file cannot be read: no key, the full path
        path = None
    return pickled(path, build, _checked)


def _checked(obj: object) -> "Scenario":
    from detente.bargaining.scenario import Scenario

    if not isinstance(obj, Scenario):
        raise TypeError(f"the cache holds a {type(obj).__name__}, not a Scenario")
    return obj
