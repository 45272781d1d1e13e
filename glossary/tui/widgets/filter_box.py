"""The filter box above the concept table."""

from __future__ import annotations

from textual.widgets import Input

PLACEHOLDER = (
    "/ filter: any alias, no accents needed (ha noi, chinh); "
    "kind:person status:candidate flag:ambiguous"
)


class FilterBox(Input):
    """An Input whose changes the app turns into a filter worker."""

    DEFAULT_CSS = """
    FilterBox { dock: top; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder=PLACEHOLDER, id="filter")

    def key_escape(self) -> None:
        """Esc cancels the filter and returns to the table (Enter keeps it)."""
        self.value = ""
        self.screen.focus_next()
