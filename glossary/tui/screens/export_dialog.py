"""The export dialog: path, format and an approved-only switch.

The format follows the extension typed in the path (and the extension follows
a format picked); a path whose extension names another format is refused,
so a `.po` file never receives TBX. The choices and the approved-only default
are those of `glossary export`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Switch

from glossary.exchange import formats_for
from glossary.tui.screens.prompt import DIALOG_CSS

# (format, label, extension written when the format is picked)
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("tbx", "TBX", ".tbx"),
    ("tbx2008", "TBX 2008", ".tbx"),
    ("po", "PO", ".po"),
    ("pot", "POT", ".pot"),
    ("csv", "CSV", ".csv"),
    ("tsv", "TSV", ".tsv"),
    ("json", "JSON", ".json"),
)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for; the app runs the export in a worker."""

    path: Path
    format: str
    approved_only: bool


def mismatch(path: str, fmt: str) -> str | None:
    """Why `path` cannot hold format `fmt`, or None when it can."""
    allowed = formats_for(path)
    if allowed and fmt not in allowed:
        return f"{Path(path).name} is a {allowed[0].upper()} file name, not {fmt}"
    return None


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Returns an `ExportRequest`, or None when cancelled."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ExportDialog")
        + """
    ExportDialog RadioSet { layout: horizontal; width: 100%; }
    ExportDialog RadioSet > RadioButton { width: auto; }  /* "TBX 2008" whole */
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
        first = (formats_for(self._path) or ("tbx",))[0]
        with Vertical():
            yield Label("Export the term base", classes="title")
            yield Input(value=self._path, placeholder="file path", id="path")
            with RadioSet(id="format"):
                for name, label, _ in FORMATS:
                    yield RadioButton(label, value=name == first, id=f"fmt-{name}")
            with Horizontal():
                yield Switch(value=False, id="approved")  # as `glossary export`
                yield Label("approved concepts only")
            with Horizontal():
                yield Button("Export", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def _format(self) -> str:
        return FORMATS[max(self.query_one(RadioSet).pressed_index, 0)][0]

    @on(RadioSet.Changed)
    def _format_picked(self) -> None:
        name, _, ext = FORMATS[max(self.query_one(RadioSet).pressed_index, 0)]
        box = self.query_one("#path", Input)
        path = Path(box.value or "glossary")
        if name not in formats_for(path) and (formats_for(path) or not path.suffix):
            box.value = str(path.with_suffix(ext))

    @on(Input.Changed, "#path")
    def _path_typed(self, event: Input.Changed) -> None:
        allowed = formats_for(event.value)
        if allowed and self._format() not in allowed:
            self.query_one(f"#fmt-{allowed[0]}", RadioButton).value = True

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
        fmt = self._format()
        why = mismatch(path, fmt)
        if why is not None:
            self.notify(why, severity="error")
            return
        self.dismiss(
            ExportRequest(Path(path).expanduser(), fmt, self.query_one(Switch).value)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
