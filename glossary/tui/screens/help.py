"""The help screen (`?`): every key, generated from the app's bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from glossary.tui.keys import KEYS


def key_table() -> Table:
    table = Table(title="glossary review: keys", expand=True, show_edge=False)
    table.add_column("Key", style="bold cyan", no_wrap=True)
    table.add_column("Action")
    for key, text in KEYS:
        table.add_row(key, text)
    return table


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 95%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", show=True)
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(key_table())
            yield Static(
                "Filter: words match any alias without accents or case; "
                "fields kind:, status:, flag: narrow it (kind:person status:cand). "
                "Every action is saved at once; u undoes, U redoes. Esc closes."
            )
