"""The one-line status under the concept table (counts, marks, sort)."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """One line of text that repaints without a screen layout.

    `Static.update` asks for a layout of the whole screen on every change;
    the status changes with every filter keystroke, and its height never
    changes, so a repaint is enough.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    text: reactive[str] = reactive("", layout=False)

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text

    def render(self) -> str:
        return self.text
