"""The scenario package imports one way: each module only from those listed before it."""

from __future__ import annotations

import ast
from pathlib import Path

import detente.bargaining.scenario as pkg

ORDER = ["inputs", "parts", "patches", "ranges", "model", "schema", "arrays", "loading"]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_every_module_is_in_the_order() -> None:
    here = Path(pkg.__file__).parent
    assert sorted(p.stem for p in here.glob("*.py") if p.stem != "__init__") == sorted(ORDER)


def test_modules_import_only_earlier_ones_and_never_variants() -> None:
    here = Path(pkg.__file__).parent
    for n, name in enumerate(ORDER):
        imported = _imports(here / f"{name}.py")
        later = {f"detente.bargaining.scenario.{m}" for m in ORDER[n:]}
        assert not imported & later, f"{name} imports a module at or after itself: {imported & later}"
        outside = {m for m in imported if m.startswith("detente.bargaining.") and not m.startswith("detente.bargaining.scenario")}
        allowed = {"detente.bargaining.ktab"} if name == "arrays" else set()
        assert outside <= allowed, f"{name} imports {outside - allowed}"


def test_the_package_reexports_what_callers_import() -> None:
    from detente.bargaining.scenario import (  # noqa: F401
        BOUNDS,
        SCALE,
        Estimate,
        Plan,
        PlanValue,
        Scenario,
        Source,
        load_scenario,
        parse_scenario,
        scenario_from_arrays,
    )
