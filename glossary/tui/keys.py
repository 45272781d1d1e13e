"""The key list (help screen, docs/review.md) and the palette's commands."""

from __future__ import annotations

KEYS: tuple[tuple[str, str], ...] = (
    ("/", "filter (Enter: back to the table; Esc: clear the filter)"),
    ("↑ ↓ PgUp PgDn", "move in the concept table"),
    ("Tab", "from the concept table to the term table; shift+Tab: back"),
    ("a", "approve the concept (or every marked concept)"),
    ("r", "reject the concept (or every marked concept)"),
    ("c", "back to candidate"),
    ("space", "mark/unmark the concept for a bulk action"),
    ("m", "merge the concept into another (fuzzy picker)"),
    ("s", "split the selected term off into a new concept (of a kind asked)"),
    ("e", "edit the selected term's text"),
    ("n", "add a term / Vietnamese translation (vi: prefix optional)"),
    ("N", "add a new concept: English = Vietnamese, then its kind"),
    ("f", "check a file (PO, TMX, XLIFF, text): findings in the detail pane"),
    ("p", "set the selected term's status (preferred/admitted/...)"),
    ("k", "change the concept's kind"),
    ("o", "edit the concept's note"),
    ("u", "undo the last action (several steps)"),
    ("U", "redo"),
    ("1-6", "sort by label, kind, status, aliases, occurrences, id"),
    ("x", "export (TBX, TBX 2008, PO, POT, CSV, TSV, JSON; by the extension)"),
    ("ctrl+p", "command palette"),
    ("?", "this help"),
    ("q", "quit (everything is already saved)"),
)

# (key, action, name, help) for the command palette
COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("a", "approve", "Approve", "Approve the concept (or the marked ones)"),
    ("r", "reject", "Reject", "Reject the concept (or the marked ones)"),
    ("m", "merge", "Merge", "Merge the concept into another"),
    ("s", "split", "Split", "Split the selected term off into a new concept"),
    ("e", "edit_term", "Edit term", "Edit the selected term's text"),
    ("n", "add_term", "Add term", "Add a term or Vietnamese translation"),
    ("N", "add_concept", "New concept", "Add a concept: English = Vietnamese"),
    ("f", "check_file", "Check file", "Check a file; findings by their concept"),
    ("p", "term_status", "Term status", "Set the selected term's status"),
    ("k", "kind", "Kind", "Change the concept's kind"),
    ("o", "note", "Note", "Edit the concept's note"),
    ("u", "undo", "Undo", "Undo the last action"),
    ("U", "redo", "Redo", "Redo the last undone action"),
    ("x", "export", "Export", "TBX, TBX 2008, PO, POT, CSV, TSV or JSON"),
)
