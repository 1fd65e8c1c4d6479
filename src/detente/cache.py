"""Where detente keeps what it can rebuild: one folder per kind under the user's cache.

Trained default models and validated built-in cases are costly to make and cheap to
read back, so they are kept on disk between processes, each under a key of
everything it was made from. This module owns *where*, and the one way a user's key hashes the files it was made from
(:func:`source_key`); each user says which packages and what else its key holds.

Choices
-------
* ``$DETENTE_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/detente``, else
  ``~/.cache/detente`` (the XDG base-directory convention).
* ``DETENTE_CACHE_DIR=off`` (any case) turns every cache off: callers get None and
  rebuild each time; nothing is written.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

OFF = "off"
"""``DETENTE_CACHE_DIR=off`` turns the caches off."""


def cache_dir(kind: str) -> Path | None:
    """The folder for cached `kind` (e.g. ``"cases"``), or None when caching is turned off."""
    env = os.environ.get("DETENTE_CACHE_DIR")
    if env is not None and env.strip().lower() == OFF:
        return None
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "detente"
    return base / kind


def package_files(packages: Sequence[str]) -> list[Path]:
    """The files of `packages` (Python source and YAML data), in a stable order.

    Raises OSError when a package cannot be located.
    """
    files: list[Path] = []
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise OSError(f"cannot locate {name}")
        for root in spec.submodule_search_locations:
            files += sorted(p for p in Path(root).rglob("*")
                            if p.suffix in (".py", ".yaml", ".yml") and "__pycache__" not in p.parts)
    return files


def source_key(packages: Sequence[str], label: str, text: str = "") -> str:
    """A cache key: a hash of detente's and Python's versions, `label` (the user's format and
    anything else it names), `text`, every file of `packages` and the user's actor files
    (``$DETENTE_ACTORS``, which change the registry every cached object here is built with).

    Raises OSError when a file cannot be read: the caller then goes without the cache.
    """
    from detente import __version__

    h = hashlib.sha256(f"detente {__version__}|python {sys.version}|{label}\n".encode())
    h.update(text.encode("utf-8"))
    for path in package_files(packages):
        h.update(f"\n{path.name}\n".encode())
        h.update(path.read_bytes())
    for extra in filter(None, os.environ.get("DETENTE_ACTORS", "").split(os.pathsep)):
        h.update(f"\nDETENTE_ACTORS {extra}\n".encode())
        h.update(Path(extra).read_bytes())
    return h.hexdigest()[:32]


def pickled(path: Path | None, build: Callable[[], T], accept: Callable[[object], T],
            stored_form: Callable[[T], object] = lambda obj: obj) -> T:
    """What `build()` makes, read back from the pickle at `path` when there is one that
    `accept` takes (it returns the object or raises for a foreign one), else built and stored
    there as `stored_form` gives it (atomically). `path` None: built, nothing stored.

    A damaged or foreign file is rebuilt and replaced; a file that cannot be written (a
    read-only or full disk, an object that cannot be pickled) is built again next time.
    `build` raises as it would without the cache; nothing is stored then.
    """
    if path is not None:
        try:
            with open(path, "rb") as fh:
                return accept(pickle.load(fh))
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged or foreign file: build again and replace it
            pass
    made = build()
    if path is not None:
        try:
            from detente.files import atomic_write

            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, pickle.dumps(stored_form(made), protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - not written: built again next time
            pass
    return made
