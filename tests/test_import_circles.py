"""No import circles between the package's modules (issue 9: one idea per module, no circles).

Every ``import`` and ``from ... import`` statement of every module counts, wherever it
stands: at the top, under ``if TYPE_CHECKING:`` or inside a function. An import put
inside a function only hides a circle from the interpreter; the two modules still
depend on each other, so the test reads the source, not what Python happens to load. A package's
``__init__`` re-exporting its own modules (its face) is not counted as depending on them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import detente

PACKAGE = Path(detente.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that module `name` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package upward
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    out.add(f"{base}.{alias.name}")  # "from detente.coding import syntax": the module
                elif base in known:
                    out.add(base)  # "from detente.coding.syntax import governor"
    out.discard(name)
    if is_package:  # a package's face re-exports its own modules: not a dependency of one idea on another
        out = {m for m in out if not m.startswith(name + ".")}
    return out


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_the_reader_sees_the_coders_imports() -> None:
    graph = _graph()
    assert "detente.coding.abstention" in graph["detente.coding.coder"]  # "from detente.coding import abstention"
    assert "detente.coding.candidate" in graph["detente.coding.nominals"]  # "from ...candidate import Candidate"
    assert "detente.coding.classifier" in graph["detente.coding.fallback"]  # imported inside a function


def test_a_package_face_is_not_a_dependency() -> None:
    graph = _graph()
    assert "detente.bargaining.models.base" not in graph["detente.bargaining.models"]
    assert "detente.bargaining.models" in graph["detente.bargaining.models.base"]


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    circles = _circles(_graph())
    assert circles == [], "modules that import one another: " + "; ".join(" <-> ".join(c) for c in circles)
