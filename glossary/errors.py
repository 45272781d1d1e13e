"""The one exception hierarchy for every error a user can cause."""

from __future__ import annotations

import re
import warnings

# C0/C1 controls, line and paragraph separators, bidi controls: a file name or
# note holding them could fake a second message line or reorder the terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str, *, keep: str = "") -> str:
    """`text` with control characters written as escapes (``\\x1b``, ``\\n``).

    Args:
        text: what is about to be printed to a terminal.
        keep: control characters to leave as they are (``"\\n\\t"`` for notes).
    """

    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return ch if ch in keep else ascii(ch)[1:-1]

    return _UNSAFE.sub(escape, text)


def shown_path(path: str) -> str:
    """`path` as a message shows it: quoted when it holds controls or edge spaces."""
    if _UNSAFE.search(path) or path != path.strip():
        return repr(path)
    return path


class GlossaryError(Exception):
    """Base for every error a user can cause (bad input, unwritable path...)."""


class InputError(GlossaryError):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path, self.line = path, line

    def __str__(self) -> str:
        path = shown_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.args[0]}"


class InputWarning(UserWarning):
    """Input accepted leniently: what was skipped or repaired, said once per file.

    The CLI prints it as one ``PROG: warning: FILE:LINE: message`` line; a
    library caller sees a normal Python warning.
    """

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path, self.line = path, line

    def __str__(self) -> str:
        path = shown_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.args[0]}"


def warn_input(message: str, path: str, line: int | None = None) -> None:
    """Say once that a file was read leniently (see `InputWarning`)."""
    warnings.warn(InputWarning(message, path, line), stacklevel=2)


class ExportError(GlossaryError):
    """An export could not be written; the previous file is left untouched."""


class StoreError(GlossaryError):
    """The term base or memory database cannot be opened or written."""


class BusyWarning(UserWarning):
    """A writer is kept waiting by another's write: said while it waits, so
    that no wait is silent (it gives up with a `StoreError` in the end)."""


class NotFoundError(GlossaryError):
    """A concept, term or unit that was asked for does not exist."""


class ConflictError(GlossaryError):
    """An undo or redo would overwrite what someone else changed since."""


class StaleError(ConflictError):
    """A review action on a concept someone else changed since it was shown.

    Args:
        message: what changed, by whom and when.
        concept_ids: the concepts to show again.
    """

    def __init__(self, message: str, concept_ids: tuple[int, ...]) -> None:
        super().__init__(message)
        self.concept_ids = concept_ids
