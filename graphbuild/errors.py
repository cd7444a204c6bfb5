"""The one exception tree of graphbuild.

Every error a user can meet is a :class:`GraphbuildError`. Its message says what
went wrong and what to do; the CLI prints it on one line and exits with
:attr:`GraphbuildError.exit_code`.
"""

from __future__ import annotations

from pathlib import Path


class GraphbuildError(Exception):
    """Base of every error graphbuild raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(GraphbuildError):
    """A setting, option or environment variable is missing or invalid."""

    exit_code = 2


class SchemaError(GraphbuildError):
    """The ontology file is malformed or inconsistent."""

    exit_code = 2


class ModelNotFoundError(ConfigError):
    """The configured spaCy pipeline is not installed."""


class InputError(GraphbuildError):
    """One input (file, line or record) cannot be read as an article.

    ``source`` names the file (or ``<stdin>``) and ``line`` the 1-based line
    number where that applies, so that a batch can report it and go on.
    """

    def __init__(
        self, message: str, *, source: str | Path, line: int | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.source = str(source)
        self.line = line

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {super().__str__()}"


class StoreError(GraphbuildError):
    """The graph store cannot be opened, read or written."""

    exit_code = 3


class StoreNotFoundError(StoreError):
    """No store exists where one was expected."""


class QueryError(StoreError):
    """A Cypher query was rejected by the store (syntax, unknown label, write in read mode)."""

    exit_code = 4


class EntityNotFoundError(GraphbuildError):
    """No entity in the store has the id or exact name asked for."""

    exit_code = 2


class EmptyGraphError(StoreError):
    """The store, or the part of it asked for, holds nothing to show."""


class ExportError(GraphbuildError):
    """An export could not be written."""
