"""The CAMEO event codebook: every code with its label, root, quad class and Goldstein weight.

CAMEO (Conflict and Mediation Event Observations; Gerner, Schrodt, Yilmaz and
Abu-Jabr 2002; manual 1.1b3, 2012) codes an event as a two-digit root (`01`
statement ... `20` mass violence) refined to three or four digits (`042` make a
visit, `1056` demand de-escalation). Codes are strings: the leading zero matters.

Goldstein weights
-----------------
Each code carries a weight on Goldstein's (1992) conflict-cooperation scale,
-10 (most hostile) to +10 (most cooperative). Public CAMEO-to-Goldstein tables
disagree on a handful of codes (016, 022, 124, 163-166). detente pins **one**
table: the one distributed with ICEWS, as published in `andybega/icews`
(`data-raw`, MIT licence). Why this one: it covers all 312 codes including roots;
ICEWS events carry it as their `Intensity` column, so ICEWS imports and recoded
events agree exactly (checked on 3,705 ICEWS 2018 events, 122 distinct codes, no
difference); and it is openly licensed. GDELT 1.0 rows carry a slightly different
table (in the shared sample: 016 is -2.0 where ICEWS has -5.0, 164 is -7.0 where
ICEWS has -6.5); importers that want the dataset's own figure keep it, and
`goldstein()` always answers with the pinned table. See docs/reference/ontology.md.

Quad classes
------------
Numbered as in :data:`detente.events.schema.QUAD_LABELS`, i.e. GDELT's QuadClass
with public statements (root 01) split off as class 0:

====  =====================  ==========
quad  meaning                roots
====  =====================  ==========
0     statement              01
1     verbal cooperation     02-05
2     material cooperation   06-09
3     verbal conflict        10-14
4     material conflict      15-20
====  =====================  ==========

The 1-4 boundaries were checked against GDELT 1.0's EventRootCode and QuadClass
columns (710 rows, every root present): GDELT puts root 01 in class 1, detente in 0.

Code normalisation
------------------
`normalize_code` accepts strings (`"042"`, `" 0211 "`, `"42"`), ints and
integral floats (`42`, `42.0`, as pandas reads a GDELT EventCode). A value that is
already a valid code is taken as written; otherwise one leading zero is restored
(`"42"` -> `"042"`, `211` -> `"0211"`, `1` -> `"01"`). Note the one real ambiguity:
`10` is the root *demand* (`"10"`), not *make statement* (`"010"`); pass strings
to be exact.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

from detente.errors import InputError

QUAD_BY_ROOT: dict[str, int] = {
    "01": 0,
    **{f"{r:02d}": 1 for r in range(2, 6)},
    **{f"{r:02d}": 2 for r in range(6, 10)},
    **{f"{r:02d}": 3 for r in range(10, 15)},
    **{f"{r:02d}": 4 for r in range(15, 21)},
}
"""Root code -> quad class (0 statement, 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)."""

GOLDSTEIN_TABLE = "ICEWS CAMEO table (andybega/icews data-raw, MIT)"
"""The public Goldstein table detente pins (see the module docstring)."""


class UnknownCameoCodeError(InputError):
    """A CAMEO event code that is not in the codebook."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code.

    Attributes
    ----------
    code : str
        The code as a string with its leading zero (`"042"`).
    label : str
        detente's short label.
    root : str
        The two-digit root (`"04"`).
    quad : int
        Quad class, 0-4 (see the module docstring).
    goldstein : float
        Goldstein weight from the pinned ICEWS table, -10 to +10.
    plover : str | None
        PLOVER event type (`"CONSULT"`), or None where PLOVER has none (statements).
    """

    code: str
    label: str
    root: str
    quad: int
    goldstein: float
    plover: str | None

    @property
    def is_root(self) -> bool:
        """True for the twenty two-digit roots."""
        return len(self.code) == 2

    @property
    def parent(self) -> str | None:
        """The code one level up (`"0211"` -> `"021"`, `"042"` -> `"04"`), None for a root."""
        return None if self.is_root else self.code[:-1]


@dataclass(frozen=True)
class PloverMapping:
    """A CAMEO code's PLOVER equivalent: event type, mode and context (mode/context may be empty)."""

    type: str
    mode: str = ""
    context: str = ""
    source: str = "table"  # "table" or "derived:<code>" (02x appeals take their 10x twin)


@functools.cache
def _table() -> tuple[dict[str, CameoCode], dict[str, PloverMapping]]:
    text = resources.files("detente.ontology").joinpath("data/cameo.csv").read_text(encoding="utf-8")
    codes: dict[str, CameoCode] = {}
    plover: dict[str, PloverMapping] = {}
    for row in csv.DictReader(io.StringIO(text)):
        ptype = row["plover_type"] or None
        codes[row["code"]] = CameoCode(
            code=row["code"],
            label=row["label"],
            root=row["root"],
            quad=int(row["quad"]),
            goldstein=float(row["goldstein"]),
            plover=ptype,
        )
        if ptype:
            plover[row["code"]] = PloverMapping(ptype, row["plover_mode"], row["plover_context"], row["plover_source"])
    return codes, plover


def normalize_code(code: str | int | float) -> str:
    """The canonical string form of a CAMEO code, restoring a dropped leading zero.

    Raises
    ------
    UnknownCameoCodeError
        If the value is not (and cannot be read as) a code in the codebook.
    """
    codes = _table()[0]
    if isinstance(code, bool):
        raw = ""
    elif isinstance(code, float):
        raw = str(int(code)) if code.is_integer() else str(code)
    else:
        raw = str(code).strip()
    if raw in codes:
        return raw
    if raw.isdigit() and ("0" + raw) in codes:
        return "0" + raw
    raise UnknownCameoCodeError(
        f"unknown CAMEO event code {code!r}",
        field="cameo",
        hint="use a code from the CAMEO codebook as a string, e.g. '042' or '190' (`detente.ontology.all_codes()`)",
    )


def get(code: str | int | float) -> CameoCode:
    """The codebook entry for a code; UnknownCameoCodeError (an InputError) if absent."""
    return _table()[0][normalize_code(code)]


def is_code(code: object) -> bool:
    """True if `code` reads as a CAMEO code (see `normalize_code`)."""
    try:
        normalize_code(code)  # type: ignore[arg-type]
    except UnknownCameoCodeError:
        return False
    return True


def all_codes() -> list[CameoCode]:
    """Every code in codebook order (`01`, `010`, ... `0211` ... `2042`)."""
    return list(_table()[0].values())


def goldstein(code: str | int | float) -> float:
    """The Goldstein weight (-10..+10) of a code, from the pinned ICEWS table."""
    return get(code).goldstein


def quad(code: str | int | float) -> int:
    """The quad class (0-4) of a code; see `detente.events.schema.QUAD_LABELS`."""
    return get(code).quad


def root(code: str | int | float) -> str:
    """The two-digit root of a code (`"0211"` -> `"02"`)."""
    return get(code).root


def label(code: str | int | float) -> str:
    """detente's short label for a code."""
    return get(code).label


def to_plover(code: str | int | float) -> PloverMapping | None:
    """The PLOVER type/mode/context of a CAMEO code (OEDA table of 2021), None for statements (01x)."""
    return _table()[1].get(normalize_code(code))
