"""The one exception hierarchy for every error a user can cause."""

from __future__ import annotations


class GlossaryError(Exception):
    """Base for every error a user can cause (bad input, unwritable path...)."""


class InputError(GlossaryError):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path, self.line = path, line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.args[0]}"


class ExportError(GlossaryError):
    """An export could not be written; the previous file is left untouched."""


class StoreError(GlossaryError):
    """The term base or memory database cannot be opened or written."""


class NotFoundError(GlossaryError):
    """A concept, term or unit that was asked for does not exist."""
