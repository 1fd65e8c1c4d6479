"""Where detente keeps what it can rebuild: one folder per kind under the user's cache.

Trained default models and validated built-in cases are costly to make and cheap to
read back, so they are kept on disk between processes, each under a key of
everything it was made from. This module owns only *where*; each user owns its key.

Choices
-------
* ``$DETENTE_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/detente``, else
  ``~/.cache/detente`` (the XDG base-directory convention).
* ``DETENTE_CACHE_DIR=off`` (any case) turns every cache off: callers get None and
  rebuild each time; nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

OFF = "off"
"""``DETENTE_CACHE_DIR=off`` turns the caches off."""


def cache_dir(kind: str) -> Path | None:
    """The folder for cached `kind` (e.g. ``"cases"``), or None when caching is turned off."""
    env = os.environ.get("DETENTE_CACHE_DIR")
    if env is not None and env.strip().lower() == OFF:
        return None
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "detente"
    return base / kind
