"""Small modal dialogs: a one-line text prompt and a pick-one list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

DIALOG_CSS = """
{name} {{ align: center middle; background: $background; }}  /* opaque: no
   table text around the dialog to mistake for part of it */
{name} > Vertical {{
    width: 70; max-width: 95%; height: auto; max-height: 90%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} Label.title {{ text-style: bold; width: 100%; }}
{name} Label.hint {{ color: $text-muted; }}
"""


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; Enter returns it, Escape returns None."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PromptScreen")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title, self._value, self._hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="title")
            yield Input(value=self._value, id="prompt")
            yield Label(self._hint or "Enter: save · Esc: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a few values; Enter returns it, Escape returns None."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ChoiceScreen")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: Sequence[str], current: str = "") -> None:
        super().__init__()
        self._title, self._choices, self._current = title, list(choices), current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="title")
            yield OptionList(*self._choices, id="choices")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self._current in self._choices:
            options.highlighted = self._choices.index(self._current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
