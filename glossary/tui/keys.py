"""The key list, shared by the help screen and docs/review.md."""

from __future__ import annotations

KEYS: tuple[tuple[str, str], ...] = (
    ("/", "filter (Enter: back to the table; Esc: clear the filter)"),
    ("↑ ↓ PgUp PgDn", "move in the concept table"),
    ("Tab", "switch between concept table and term table"),
    ("a", "approve the concept (or every marked concept)"),
    ("r", "reject the concept (or every marked concept)"),
    ("c", "back to candidate"),
    ("space", "mark/unmark the concept for a bulk action"),
    ("m", "merge the concept into another (fuzzy picker)"),
    ("s", "split the selected term off into a new concept"),
    ("e", "edit the selected term's text"),
    ("n", "add a term / Vietnamese translation (vi: prefix optional)"),
    ("p", "set the selected term's status (preferred/admitted/...)"),
    ("k", "change the concept's kind"),
    ("o", "edit the concept's note"),
    ("u", "undo the last action (several steps)"),
    ("U", "redo"),
    ("1-6", "sort by label, kind, status, aliases, occurrences, id"),
    ("x", "export (TBX/PO/CSV/JSON)"),
    ("ctrl+p", "command palette"),
    ("?", "this help"),
    ("q", "quit (everything is already saved)"),
)
