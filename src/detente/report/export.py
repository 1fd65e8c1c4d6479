"""Exported tables that carry their provenance: CSV with a commented header, Parquet with key-value metadata.

A forecast table, a plan table or the Monte Carlo draws exported by `--out` must say
where its numbers came from without the terminal session that made it: the seed, the
models' parameters, the sha256 of the inputs, the detente version, the case and the
variant. So the provenance goes into the file itself:

* **Parquet**: the schema's key-value metadata, key ``detente``, value the provenance
  as JSON (``pyarrow.parquet.read_schema(path).metadata[b"detente"]``);
* **CSV**: header lines starting with ``#`` before the column names, the first
  ``# detente provenance (JSON):`` and the next the JSON on one line. Read the table
  with ``pandas.read_csv(path, comment="#")``; :func:`read_provenance` reads either.

Choices: a commented header rather than a sidecar file, so the provenance cannot be
separated from the table it describes; pandas and most CSV readers skip it with one
option.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.files import atomic_path

KEY = "detente"
CSV_MARK = "# detente provenance (JSON):"


def _default(value: Any) -> Any:
    """numpy scalars and arrays, dates and paths as JSON values."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def _json(provenance: dict[str, Any]) -> str:
    return json.dumps(provenance, sort_keys=True, ensure_ascii=False, default=_default)


def write_table(frame: Any, path: str | Path, provenance: dict[str, Any]) -> Path:
    """Write a DataFrame to .csv or .parquet atomically, with `provenance` in the file's metadata."""
    target = Path(path)
    suffix = target.suffix.lower()
    text = _json(provenance)
    with atomic_path(target) as tmp:
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            table = table.replace_schema_metadata({**(table.schema.metadata or {}), KEY.encode(): text.encode("utf-8")})
            pq.write_table(table, tmp)
        elif suffix == ".csv":
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                fh.write(f"{CSV_MARK}\n# {text}\n")
                frame.to_csv(fh, index=False)
        else:
            raise InputError(f"cannot write '{target.suffix}' files", path=target, hint="end the file name with .csv or .parquet")
    return target


def read_provenance(path: str | Path) -> dict[str, Any]:
    """The provenance stored in a table written by :func:`write_table`."""
    source = Path(path)
    if source.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        meta = pq.read_schema(source).metadata or {}
        if KEY.encode() not in meta:
            raise InputError("no detente provenance in the file's metadata", path=source, hint="export it again with detente's --out")
        return json.loads(meta[KEY.encode()])
    with source.open(encoding="utf-8") as fh:
        first, second = fh.readline().rstrip("\n"), fh.readline().rstrip("\n")
    if first != CSV_MARK or not second.startswith("# "):
        raise InputError("no detente provenance header", path=source, line=1, hint="export it again with detente's --out")
    return json.loads(second[2:])
