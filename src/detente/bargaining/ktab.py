"""Read scenarios in the CSV layout of KTAB's Spatial Model of Politics.

KTAB (the KAPSARC Toolkit for Behavioral Analysis, MIT licence) reads a scenario as a
comma-separated file:

* row 1: scenario name, description, number of actors N, number of dimensions K
  (further cells are ignored, as KTAB ignores them);
* row 2: column names: actor, description, power, then one position column and one
  salience column per dimension;
* rows 3 .. N+2: actor name, description, power (capability, >= 0), then per
  dimension a position on 0-100 and a salience on 0-100.

KTAB also requires that an actor's saliences add up to at most 100 (a salience is a
share of the actor's attention); this reader enforces the same rule. Saliences are
returned on 0-1 (divided by 100), positions stay on 0-100.

Every problem is reported as a :class:`detente.errors.ScenarioError` naming the file,
the line, the field and the fix. Blank lines and trailing empty cells (KTAB files often
end rows with a comma) are ignored.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from detente.bargaining.models.base import ModelInput
from detente.errors import ScenarioError

__all__ = ["KtabScenario", "read_ktab_csv"]

#: Tolerance on the per-actor salience total (KTAB rejects totals above 100).
_SALIENCE_TOTAL_TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class KtabScenario:
    """A KTAB scenario: N actors with power, positions and saliences on K dimensions.

    Attributes
    ----------
    name, description
        From the first row of the file.
    actors, actor_descriptions
        One entry per actor, in file order.
    power
        (N,) capability of each actor (KTAB's "power" or "influence"), >= 0.
    positions
        (N, K) positions on the 0-100 scale.
    salience
        (N, K) saliences on 0-1 (the file's 0-100 divided by 100); each row sums to <= 1.
    dimensions
        K dimension names, from the position column headers (a trailing "Position"
        is dropped: "Policy Position" -> "Policy").
    path
        The file the scenario was read from.
    """

    name: str
    description: str
    actors: list[str]
    actor_descriptions: list[str]
    power: NDArray[np.float64]
    positions: NDArray[np.float64]
    salience: NDArray[np.float64]
    dimensions: list[str]
    path: str = ""

    @property
    def n_actors(self) -> int:
        return len(self.actors)

    @property
    def n_dimensions(self) -> int:
        return len(self.dimensions)

    def to_model_input(self) -> ModelInput:
        """One Monte Carlo draw of this scenario as a :class:`ModelInput` (0-100 scale).

        KTAB scenarios carry no status quo; the per-dimension median of the actors'
        positions stands in for it (the SMP ignores the status quo; other models use it
        as the disagreement point).
        """
        return ModelInput(
            positions=self.positions[None, :, :].astype(float),
            salience=self.salience[None, :, :].astype(float),
            capability=self.power[None, :].astype(float),
            status_quo=np.median(self.positions, axis=0)[None, :],
            scale=(0.0, 100.0),
        )


def _cells(row: list[str]) -> list[str]:
    """Stripped cells with trailing empty cells removed."""
    cells = [c.strip() for c in row]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _number(text: str, *, path: Path, line: int, field: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ScenarioError(
            f"{what} must be a number, got {text!r}",
            path=path,
            line=line,
            field=field,
            hint=f"write {what} as a plain number such as 42.5",
        ) from None
    if not math.isfinite(value):
        raise ScenarioError(
            f"{what} must be a finite number, got {text!r}",
            path=path,
            line=line,
            field=field,
            hint=f"write {what} as a plain number such as 42.5",
        )
    return value


def _count(text: str, *, path: Path, line: int, field: str, what: str) -> int:
    value = _number(text, path=path, line=line, field=field, what=what)
    if value != int(value) or value < 1:
        raise ScenarioError(
            f"{what} must be a positive whole number, got {text!r}",
            path=path,
            line=line,
            field=field,
            hint=f"put the {what} in row 1 as a whole number such as 7",
        )
    return int(value)


def _dimension_name(header: str, k: int) -> str:
    name = header.strip()
    for suffix in (" position", " pos"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)].strip()
            break
    return name or f"dim{k}"


def read_ktab_csv(path: str | Path) -> KtabScenario:
    """Read and validate a KTAB SMP scenario CSV.

    Parameters
    ----------
    path
        The CSV file (UTF-8, an optional byte-order mark is accepted).

    Returns
    -------
    KtabScenario
        Positions on 0-100, saliences on 0-1.

    Raises
    ------
    ScenarioError
        If the file is missing or unreadable, a count is wrong, a cell is not a number,
        a position or salience lies outside 0-100, an actor's saliences add up to more
        than 100, a power is negative, or an actor name is empty or repeated.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ScenarioError("file not found", path=p, hint="check the path of the KTAB CSV file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(
            f"cannot read the file ({exc.__class__.__name__}: {exc})",
            path=p,
            hint="save the KTAB scenario as a UTF-8 text CSV file",
        ) from None

    rows = [(n, _cells(r)) for n, r in enumerate(csv.reader(text.splitlines()), start=1)]
    rows = [(n, r) for n, r in rows if r]  # drop blank lines
    if not rows:
        raise ScenarioError(
            "the file is empty",
            path=p,
            line=1,
            hint="row 1 must hold: scenario name, description, number of actors, number of dimensions",
        )

    # Row 1: name, description, #actors, #dimensions.
    line, head = rows[0]
    if len(head) < 4:
        raise ScenarioError(
            f"row 1 has {len(head)} cells, expected at least 4",
            path=p,
            line=line,
            field="header",
            hint="row 1 must hold: scenario name, description, number of actors, number of dimensions",
        )
    name, description = head[0], head[1]
    n_actors = _count(head[2], path=p, line=line, field="number of actors", what="the number of actors")
    n_dims = _count(head[3], path=p, line=line, field="number of dimensions", what="the number of dimensions")
    width = 3 + 2 * n_dims

    # Row 2: column names.
    if len(rows) < 2:
        raise ScenarioError(
            "the column-name row (row 2) is missing",
            path=p,
            line=line + 1,
            field="columns",
            hint="row 2 must name the columns: Actor, Description, Power, then a position and a salience per dimension",
        )
    line, columns = rows[1]
    if len(columns) != width:
        raise ScenarioError(
            f"row 2 names {len(columns)} columns, but {n_dims} dimension(s) need {width} "
            "(actor, description, power, then a position and a salience per dimension)",
            path=p,
            line=line,
            field="columns",
            hint=f"make row 2 list exactly {width} column names, or fix the number of dimensions in row 1",
        )
    dimensions = [_dimension_name(columns[3 + 2 * k], k) for k in range(n_dims)]

    # Actor rows.
    actor_rows = rows[2:]
    if len(actor_rows) != n_actors:
        raise ScenarioError(
            f"row 1 announces {n_actors} actors but the file has {len(actor_rows)} actor rows",
            path=p,
            line=rows[0][0],
            field="number of actors",
            hint=f"set the number of actors in row 1 to {len(actor_rows)}, or add/remove actor rows",
        )

    actors: list[str] = []
    descriptions: list[str] = []
    power = np.empty(n_actors)
    positions = np.empty((n_actors, n_dims))
    salience = np.empty((n_actors, n_dims))
    seen: dict[str, int] = {}
    for i, (line, cells) in enumerate(actor_rows):
        if len(cells) != width:
            raise ScenarioError(
                f"actor row has {len(cells)} cells, expected {width} "
                "(actor, description, power, then a position and a salience per dimension)",
                path=p,
                line=line,
                field=cells[0] if cells else "actor",
                hint=f"give every actor exactly {width} cells",
            )
        actor = cells[0]
        if not actor:
            raise ScenarioError(
                "the actor name is empty", path=p, line=line, field="actor", hint="give every actor a short name"
            )
        if actor in seen:
            raise ScenarioError(
                f"actor {actor!r} is listed twice (first on line {seen[actor]})",
                path=p,
                line=line,
                field="actor",
                hint="give every actor a distinct name",
            )
        seen[actor] = line
        actors.append(actor)
        descriptions.append(cells[1])
        cap = _number(cells[2], path=p, line=line, field=f"{actor}.{columns[2]}", what="the power")
        if cap < 0:
            raise ScenarioError(
                f"the power must be >= 0, got {cells[2]}",
                path=p,
                line=line,
                field=f"{actor}.{columns[2]}",
                hint="use a non-negative power (capability) for every actor",
            )
        power[i] = cap
        for k in range(n_dims):
            pos_col, sal_col = columns[3 + 2 * k], columns[4 + 2 * k]
            x = _number(cells[3 + 2 * k], path=p, line=line, field=f"{actor}.{pos_col}", what="the position")
            if not 0.0 <= x <= 100.0:
                raise ScenarioError(
                    f"the position {x:g} lies off the 0-100 scale",
                    path=p,
                    line=line,
                    field=f"{actor}.{pos_col}",
                    hint="put positions on the 0-100 scale of the dimension",
                )
            s = _number(cells[4 + 2 * k], path=p, line=line, field=f"{actor}.{sal_col}", what="the salience")
            if not 0.0 <= s <= 100.0:
                raise ScenarioError(
                    f"the salience {s:g} lies off 0-100",
                    path=p,
                    line=line,
                    field=f"{actor}.{sal_col}",
                    hint="give saliences as 0-100 (percent of the actor's attention)",
                )
            positions[i, k] = x
            salience[i, k] = s
        total = float(salience[i].sum())
        if total > 100.0 + _SALIENCE_TOTAL_TOLERANCE:
            raise ScenarioError(
                f"the saliences of {actor!r} add up to {total:g}, more than 100",
                path=p,
                line=line,
                field=f"{actor}.salience",
                hint="KTAB saliences are shares of attention: scale this actor's saliences so they sum to at most 100",
            )

    return KtabScenario(
        name=name,
        description=description,
        actors=actors,
        actor_descriptions=descriptions,
        power=power,
        positions=positions,
        salience=salience / 100.0,
        dimensions=dimensions,
        path=str(p),
    )
