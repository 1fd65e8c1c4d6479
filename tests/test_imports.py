"""Every module of the package imports: a broken import fails the suite, not a user's command.

Optional extras are imported inside the functions that need them, so every module
must import even without them; with all extras installed (as CI installs them) this
also catches a module-level import of an extra that is broken.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import detente

MODULES = sorted(m.name for m in pkgutil.walk_packages(detente.__path__, prefix="detente."))


def test_the_package_has_modules() -> None:
    assert "detente.cli.main" in MODULES and len(MODULES) > 40


@pytest.mark.parametrize("name", MODULES)
def test_module_imports(name: str) -> None:
    importlib.import_module(name)
