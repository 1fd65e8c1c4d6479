"""Compressed inputs: GDELT ships `.zip` (`20250212.export.CSV.zip`), other sources `.gz`.

Importers read plain files (DuckDB's reader and the line counter need bytes on disk),
so an archive is unpacked into a temporary directory for the duration of the import.
A damaged or truncated archive is reported as a DataFormatError naming the file.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.errors import DataFormatError


@contextmanager
def plain_file(path: Path) -> Iterator[Path]:
    """Yield a path to the uncompressed content of `path` (itself if it is not an archive)."""
    suffix = path.suffix.lower()
    if suffix not in (".zip", ".gz"):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="detente-import-") as tmp:
        target = Path(tmp) / (path.stem or "data")
        try:
            if suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    members = [m for m in archive.infolist() if not m.is_dir()]
                    if len(members) != 1:
                        raise DataFormatError(
                            f"zip archive holds {len(members)} files; expected exactly one data file",
                            path=path,
                            hint="unzip it and import the data files one by one",
                        )
                    with archive.open(members[0]) as src, target.open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
            else:
                with gzip.open(path, "rb") as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        except (zipfile.BadZipFile, zlib.error, EOFError, gzip.BadGzipFile, OSError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise DataFormatError("file not found", path=path, hint="check the path") from exc
            raise DataFormatError(
                f"damaged or truncated {suffix} archive ({exc})",
                path=path,
                hint="download the file again; nothing was imported from it",
            ) from exc
        yield target
