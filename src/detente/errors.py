"""One hierarchy of errors for the whole package.

Library code raises these; only the CLI boundary (`detente.cli.main`) turns them into
exit code 2 and one readable line. Each error says where (file, line or field path)
and, when it can, what to do about it (`hint`).
"""

from __future__ import annotations

from pathlib import Path


class DetenteError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (fix: {self.hint})" if self.hint else self.message


class InputError(DetenteError):
    """A file or argument given by the user is unreadable or invalid."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        where = []
        if path is not None:
            where.append(str(path) + (f":{line}" if line is not None else ""))
        if field:
            where.append(field)
        prefix = ": ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message, hint=hint)
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field


class ScenarioError(InputError):
    """A scenario file (YAML or KTAB CSV) fails validation."""


class UnknownActorError(InputError):
    """An actor code or name that the registry does not know."""


class DataFormatError(InputError):
    """An event-data file whose layout detente cannot read."""


class StoreError(DetenteError):
    """The event store cannot be opened, read or written."""


class ModelError(DetenteError):
    """A bargaining model was given inputs it cannot work with."""


class MissingDependencyError(DetenteError):
    """An optional dependency is needed for this feature and is not installed."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the optional package '{package}', which is not installed",
            hint=f"pip install 'detente[{extra}]'",
        )
        self.package = package
        self.extra = extra


class BrokenDependencyError(DetenteError):
    """An optional dependency is installed but fails to import (a broken or incomplete install)."""

    def __init__(self, module: str, error: BaseException, fix: str) -> None:
        super().__init__(
            f"'{module}' is installed but fails to import: {type(error).__name__}: {' '.join(str(error).split())}",
            hint=fix,
        )
        self.module = module
        self.error = error
