"""The export dialog: path, format and an approved-only switch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Switch

from glossary.tui.screens.prompt import DIALOG_CSS

FORMATS = ("tbx", "po", "csv", "json")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for; the app runs the export in a worker."""

    path: Path
    format: str
    approved_only: bool


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Returns an `ExportRequest`, or None when cancelled."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ExportDialog")
        + """
    ExportDialog RadioSet { layout: horizontal; width: 100%; }
    ExportDialog Horizontal { height: auto; margin-top: 1; }
    ExportDialog Switch { margin-right: 1; }
    ExportDialog Button { margin-right: 2; }
    """
    )
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, path: str = "glossary.tbx") -> None:
        super().__init__()
        self._path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export the term base", classes="title")
            yield Input(value=self._path, placeholder="file path", id="path")
            with RadioSet(id="format"):
                for i, name in enumerate(FORMATS):
                    yield RadioButton(name.upper(), value=i == 0, id=f"fmt-{name}")
            with Horizontal():
                yield Switch(value=True, id="approved")
                yield Label("approved concepts only")
            with Horizontal():
                yield Button("Export", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        fmt = FORMATS[event.index]
        box = self.query_one("#path", Input)
        path = Path(box.value or "glossary")
        if path.suffix.lstrip(".") in FORMATS:
            box.value = str(path.with_suffix(f".{fmt}"))

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("give a file path", severity="error")
            return
        index = self.query_one(RadioSet).pressed_index
        self.dismiss(
            ExportRequest(
                Path(path).expanduser(),
                FORMATS[max(index, 0)],
                self.query_one(Switch).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
