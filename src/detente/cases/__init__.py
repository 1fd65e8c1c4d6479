"""Built-in cases: scenario files packaged with detente, loaded by name.

`us-russia-2025` (a settlement of the war in Ukraine, spring 2025) is the default
that `detente forecast` and `detente plans` use when given no `--case`;
`belarus-2025` (US sanctions relief for Belarus's political prisoners, early 2025)
is the second. Each has an event timeline (`detente.cases.timeline`), and its
quotes can be checked against the seed articles (`detente.cases.verify`).
"""

from __future__ import annotations

import difflib
from importlib import resources
from pathlib import Path

from detente.bargaining.scenario import Scenario
from detente.errors import ScenarioError

DEFAULT_CASE = "us-russia-2025"


def packaged_yaml(package: str) -> dict[str, str]:
    """Case name -> YAML file in a data package (`us-russia-2025` -> `us_russia_2025.yaml`)."""
    files = {}
    for entry in resources.files(package).iterdir():
        if entry.name.endswith((".yaml", ".yml")):
            files[entry.name.rsplit(".", 1)[0].replace("_", "-")] = entry.name
    return dict(sorted(files.items()))


def _case_files() -> dict[str, str]:
    """case name -> packaged scenario file."""
    return packaged_yaml("detente.cases")


def list_cases() -> list[str]:
    """Names of the built-in cases."""
    return list(_case_files())


def _case_name(name: str) -> str:
    files = _case_files()
    if name not in files:
        close = difflib.get_close_matches(name, list(files), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"built-in cases: {', '.join(files)}; or give a scenario file path"
        raise ScenarioError(f"no built-in case '{name}'", field="--case", hint=hint)
    return files[name]


def case_file(name: str) -> str:
    """Where a built-in case's YAML lives in the package, for messages (`detente/cases/us_russia_2025.yaml`)."""
    return f"detente/cases/{_case_name(name)}"


def case_text(name: str) -> str:
    """The YAML text of a built-in case."""
    return resources.files("detente.cases").joinpath(_case_name(name)).read_text(encoding="utf-8")


def load_case(name: str = DEFAULT_CASE) -> Scenario:
    """Load a built-in case by name (e.g. `us-russia-2025`).

    Validated once and then read from a cache keyed by everything the result depends on
    (`detente.cases.cache`); an invalid case always goes through the full validation.
    """
    from detente.cases.cache import cached_scenario

    text, origin = case_text(name), f"case:{name}"

    def validate() -> Scenario:
        from detente.bargaining.scenario import parse_scenario

        return parse_scenario(text, origin=origin)

    return cached_scenario(text, origin, validate)


def resolve_case(name_or_path: str | None) -> Scenario:
    """A built-in case by name, or a scenario file (YAML or KTAB CSV) by path; None: the default case."""
    if name_or_path is None:
        return load_case(DEFAULT_CASE)
    if name_or_path in _case_files():
        return load_case(name_or_path)
    path = Path(name_or_path)
    if path.exists() or path.suffix.lower() in {".yaml", ".yml", ".csv"} or "/" in name_or_path:
        from detente.bargaining.scenario import load_scenario

        return load_scenario(path)
    return load_case(name_or_path)  # raises with a suggestion


__all__ = ["DEFAULT_CASE", "case_file", "case_text", "list_cases", "load_case", "resolve_case"]
