"""The filter box above the concept table."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

PLACEHOLDER = (
    "/ filter: any alias, no accents needed (ha noi, chinh); "
    "kind:person status:candidate flag:ambiguous"
)


class FilterBox(Input):
    """An Input whose changes the app turns into a filter worker.

    Enter (keep the filter) and Esc (clear it) go back to the concept table.
    Both are priority bindings that move the focus at once: keys typed right
    after them ("/chinh⏎a" in one burst) then reach the table, not the box.
    """

    # one line, focused too: Input's focus border would leave no room for
    # the text typed
    DEFAULT_CSS = """
    FilterBox { dock: top; border: none; height: 1; padding: 0 1; }
    FilterBox:focus { border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "leave(False)", "Keep filter", show=False, priority=True),
        Binding("escape", "leave(True)", "Clear filter", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__(placeholder=PLACEHOLDER, id="filter")

    def action_leave(self, clear: bool) -> None:
        """Focus the next widget (the concept table), clearing the filter or not."""
        if clear:
            self.value = ""
        self.screen.focus_next()
