"""Writing user-facing output files: checked before any work starts, written atomically, normal permissions.

Every file detente writes for a user (plots, exports, reports, templates) goes through
here, so that the same rules hold everywhere:

* :func:`check_output` runs *before* the work: the directory exists, the suffix is one
  the writer supports (a missing suffix is an error that names the choices), and an
  existing file is only replaced when the user said so (``overwrite=True``, i.e. a
  ``--force`` flag);
* :func:`atomic_write` writes to a temporary file in the same directory and renames it,
  so a failure never leaves a half-written file behind;
* the file gets the permissions a new file normally gets (``0o666`` less the umask),
  not the ``0o600`` of a temporary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from detente.errors import InputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output(
    path: str | Path,
    *,
    flag: str,
    suffixes: Iterable[str] | None = None,
    overwrite: bool = True,
) -> Path:
    """Validate an output path given with `flag` (for example ``--plot``); return it as a Path.

    `suffixes` lists the accepted ones with their dot (``[".png", ".svg", ".pdf"]``);
    ``overwrite=False`` refuses an existing file (the fix names ``--force``).
    """
    out = Path(path)
    if suffixes is not None:
        allowed = [s.lower() for s in suffixes]
        if out.suffix.lower() not in allowed:
            got = f"'{out.suffix}'" if out.suffix else "no suffix"
            raise InputError(
                f"cannot tell what to write from {got}",
                field=f"{flag} {path}",
                hint=f"end the file name with one of {', '.join(allowed)}",
            )
    if out.exists() and out.is_dir():
        raise InputError("is a directory", field=f"{flag} {path}", hint="give a file name")
    if not out.parent.is_dir():
        raise InputError("the directory does not exist", field=f"{flag} {path}", hint=f"create {out.parent} first or choose another path")
    if not overwrite and out.exists():
        raise InputError("the file exists already", field=f"{flag} {path}", hint="choose another name, or add --force to replace it")
    return out


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success rename it onto `path` with normal permissions.

    On any error the temporary file is removed and `path` is left as it was.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: str | bytes | Callable[[Path], None], *, encoding: str = "utf-8") -> Path:
    """Write text, bytes, or whatever `data(tmp_path)` writes, to `path` atomically."""
    target = Path(path)
    with atomic_path(target) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding=encoding)
        elif isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            data(tmp)
    return target
