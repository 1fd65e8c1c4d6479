"""Labelled sentences for the quad classifiers: the file format, the label forms, the quad schemes.

Both learned classifiers (:mod:`detente.coding.text_model` and
:mod:`detente.coding.sentence_model`) train on the same files and read their labels
the same way; this module is that one definition, and imports nothing heavy.

Labels: quads or CAMEO roots
----------------------------
A model can learn either the five quad classes directly (``fit(sentences, [0, 3,
...])``) or the twenty CAMEO root codes (``fit(sentences, ["04", "19", ...])``). A
root-trained model reports quad probabilities by summing its root probabilities
through a *quad scheme* (root -> quad table). Two schemes are built in:

``"detente"``
    :data:`detente.ontology.QUAD_BY_ROOT`, GDELT's QuadClass with statements (01)
    apart: 02-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal
    conflict, 15-20 material conflict. The project's events use it.
``"conflibert"``
    The grouping used by the ConfliBERT five-class CAMEO task (Hu et al., NAACL 2022),
    as read off its labelled development file: 01-02 (statements and appeals) class 0,
    03-05 class 1, 06-08 class 2, 09-13 and 16 (investigate ... threaten, reduce
    relations) class 3, 14-15 and 17-20 (protest, force posture, coerce, assault,
    fight, mass violence) class 4. Use it to score against that benchmark.

The shipped labelled sentences (``detente/coding/data/labelled_quad.tsv``) were written
for this project and are redistributable with it; each has its quad and CAMEO root.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from detente.errors import InputError, ModelError
from detente.events.schema import QUAD_LABELS

DEFAULT_DATA = "labelled_quad.tsv"
"""The shipped labelled sentences (package data of :mod:`detente.coding`)."""

ROOTS: tuple[str, ...] = tuple(f"{r:02d}" for r in range(1, 21))
"""The twenty CAMEO root codes."""

_CONFLIBERT_QUAD: dict[str, int] = {
    "01": 0, "02": 0,
    "03": 1, "04": 1, "05": 1,
    "06": 2, "07": 2, "08": 2,
    "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
    "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}


def _detente_quad() -> dict[str, int]:
    from detente.ontology import QUAD_BY_ROOT

    return dict(QUAD_BY_ROOT)


def quad_scheme(name: str) -> dict[str, int]:
    """The root -> quad table of a named scheme (``"detente"`` or ``"conflibert"``)."""
    if name == "detente":
        return _detente_quad()
    if name == "conflibert":
        return dict(_CONFLIBERT_QUAD)
    raise InputError(f"unknown quad scheme {name!r}", field="scheme", hint="use 'detente' or 'conflibert'")


QUAD_SCHEMES: tuple[str, ...] = ("detente", "conflibert")


def quad_probabilities(proba: np.ndarray, classes: Sequence[Any], label_kind: str | None, scheme: str) -> np.ndarray:
    """An ``(n, 5)`` array of quad-class probabilities from a model's ``(n, len(classes))``
    probabilities over its own labels: quads as they are, CAMEO roots summed through `scheme`."""
    out = np.zeros((proba.shape[0], len(QUAD_LABELS)))
    if label_kind == "root":
        table = quad_scheme(scheme)
        for j, root in enumerate(classes):
            out[:, table[str(root)]] += proba[:, j]
    else:
        for j, q in enumerate(classes):
            out[:, int(q)] += proba[:, j]
    return out

_NAME_TO_QUAD: dict[str, int] = {}
for _q, _name in QUAD_LABELS.items():
    for _form in (_name, _name.replace(" ", "_"), _name.replace(" ", "-"), _name.replace(" ", "")):
        _NAME_TO_QUAD[_form] = _q
_NAME_TO_QUAD.update({"public statement": 0, "public_statement": 0, "neutral": 0})


# -- labels and files -----------------------------------------------------------------------


def _root_of(label: str) -> str | None:
    s = label.strip()
    if re.fullmatch(r"\d{2,4}", s) and (len(s) > 2 or s[0] in "012") and s[:2] in ROOTS:
        return s[:2]
    return None


def _quad_of(label: Any) -> int | None:
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        return int(label) if 0 <= int(label) <= 4 else None
    s = str(label).strip().lower()
    if re.fullmatch(r"[0-4](\.0)?", s):
        return int(float(s))
    return _NAME_TO_QUAD.get(s)


def normalise_labels(labels: Sequence[int | str]) -> tuple[str, list[Any]]:
    """("root", ["04", ...]) when every label is a 2-digit root string, else ("quad", [ints])."""
    if labels and all(isinstance(lab, str) and len(lab.strip()) >= 2 and _root_of(lab) for lab in labels):
        return "root", [_root_of(str(lab)) for lab in labels]
    out: list[int] = []
    for i, lab in enumerate(labels):
        q = _quad_of(lab)
        if q is None:
            raise InputError(f"label {lab!r} is not a quad class", field=f"labels[{i}]",
                             hint="use 0-4 or a name: " + ", ".join(QUAD_LABELS.values()))
        out.append(q)
    return "quad", out


@dataclass(frozen=True)
class LabelledSet:
    """Sentences with quad labels (and CAMEO roots where the file has them)."""

    sentences: list[str]
    quads: list[int]
    roots: list[str] | None
    path: str
    sha256: str
    skipped: list[str] = field(default_factory=list)  # "path:line: reason"

    def labels(self) -> list[Any]:
        """Roots when every row has one (a root model), else quads."""
        return list(self.roots) if self.roots is not None else list(self.quads)


def read_labelled(path: str | Path, *, text: str | None = None) -> LabelledSet:
    """Read a labelled TSV: ``sentence<TAB>label[<TAB>cameo]``.

    `label` is a quad class as an int 0-4 or a name ("verbal conflict",
    ``verbal_conflict``), or a CAMEO code with its leading zero (``"04"``, ``"190"``,
    ``"1056"``; its quad follows :data:`detente.ontology.QUAD_BY_ROOT`); the optional
    third column a CAMEO code. When every row has a code, a root model is trained. Blank lines and lines starting with ``#`` are ignored, as
    is a header row whose label column reads ``label``/``class``/``quad``. Bad rows are
    skipped and listed in :attr:`LabelledSet.skipped` as ``path:line: reason``.
    """
    path = Path(path)
    if text is None:
        if not path.is_file():
            raise InputError("no such file", path=path, hint="give a TSV with sentence<TAB>label per line")
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte {exc.start})", path=path, hint="save the file as UTF-8") from exc
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    table = quad_scheme("detente")
    sentences: list[str] = []
    quads: list[int] = []
    roots: list[str | None] = []
    skipped: list[str] = []
    for lineno, line in enumerate(io.StringIO(text), start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            skipped.append(f"{path}:{lineno}: no TAB-separated label")
            continue
        sent, lab = cols[0].strip(), cols[1].strip()
        if lab.lower() in ("label", "class", "quad", "quad_class") and not sentences and not skipped:
            continue
        if not sent:
            skipped.append(f"{path}:{lineno}: empty sentence")
            continue
        q = _quad_of(lab)
        root = None
        if q is None and _root_of(lab):  # a CAMEO code in the label column: "04", "190", "1056"
            root = _root_of(lab)
            q = table[root]
        if q is None:
            skipped.append(f"{path}:{lineno}: label {lab!r} is not 0-4, a quad name or a CAMEO code")
            continue
        if root is None and len(cols) > 2 and cols[2].strip():
            root = _root_of(cols[2])
            if root is None:
                skipped.append(f"{path}:{lineno}: {cols[2].strip()!r} is not a CAMEO code")
                continue
        sentences.append(sent)
        quads.append(q)
        roots.append(root)
    all_roots = roots if roots and all(r is not None for r in roots) else None
    return LabelledSet(sentences, quads, all_roots, str(path), digest, skipped)  # type: ignore[arg-type]


def default_data_text() -> str:
    """The text of the shipped labelled sentences."""
    return resources.files("detente.coding").joinpath("data").joinpath(DEFAULT_DATA).read_text(encoding="utf-8")


def default_data() -> LabelledSet:
    """The shipped labelled sentences (checked: quad agrees with the ontology's root table)."""
    data = read_labelled(Path("detente/coding/data") / DEFAULT_DATA, text=default_data_text())
    table = quad_scheme("detente")
    if data.roots is not None:
        bad = [i for i, (q, r) in enumerate(zip(data.quads, data.roots)) if table[r] != q]
        if bad:  # pragma: no cover - guards the shipped file
            raise ModelError(f"shipped labelled data: {len(bad)} rows whose quad disagrees with their root")
    return data
