"""Scenario files: actors, issues, positions, saliences, variants and plans, each number sourced.

A scenario is the input of a negotiation forecast. It is written as YAML (see
`docs/reference/scenario-format.md`), validated in two layers and turned into plain,
frozen data. The package's modules import one way only, each from those above it:

* `inputs`   the uncertain numbers: `Estimate` (a triangular low/mode/high), its
  `Source`, the `Citation`s, the valid `BOUNDS` of each kind of input;
* `parts`    actors at the table, issues, stances, peace plans;
* `patches`  the changes a variant makes (`Patch`, `Variant`), checked and applied;
* `ranges`   every input as flat low/mode/high vectors with names (`InputRanges`);
* `model`    `Scenario`: the validated whole, its arrays, input hash and variants;
* `schema`   the file's shape (pydantic models);
* `arrays`   scenarios from arrays and from KTAB CSV files;
* `loading`  YAML -> `Scenario`, every error with file, line, field path and fix.

Import from the package (`from detente.bargaining.scenario import Scenario,
load_scenario`); the module layout is not part of the interface.
"""

from typing import TYPE_CHECKING

from detente.bargaining.scenario.arrays import scenario_from_arrays, scenario_from_ktab
from detente.bargaining.scenario.inputs import BOUNDS, SCALE, Citation, Estimate, Source, Target
from detente.bargaining.scenario.model import Scenario, citations_used, scenario_counts
from detente.bargaining.scenario.parts import Issue, Plan, PlanValue, ScenarioActor, Stance
from detente.bargaining.scenario.patches import Patch, Variant, apply_patches, check_patch, parse_target
from detente.bargaining.scenario.ranges import KINDS, InputRanges

if TYPE_CHECKING:
    from detente.bargaining.scenario.loading import load_scenario, parse_scenario
    from detente.bargaining.scenario.schema import FORMAT_DOC

#: Imported on first use: reading files needs YAML, pydantic and the schema, which a
#: command working on a validated scenario (a cached built-in case) does without.
_LAZY = {"load_scenario": "loading", "parse_scenario": "loading", "FORMAT_DOC": "schema"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"detente.bargaining.scenario.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BOUNDS",
    "FORMAT_DOC",
    "KINDS",
    "SCALE",
    "Citation",
    "Estimate",
    "InputRanges",
    "Issue",
    "Patch",
    "Plan",
    "PlanValue",
    "Scenario",
    "ScenarioActor",
    "Source",
    "Stance",
    "Target",
    "Variant",
    "apply_patches",
    "check_patch",
    "citations_used",
    "scenario_counts",
    "load_scenario",
    "parse_scenario",
    "parse_target",
    "scenario_from_arrays",
    "scenario_from_ktab",
]
