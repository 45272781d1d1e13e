"""The merge picker: fuzzy-find the concept to merge the current one into."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from glossary.concept_filter import rank, search_pool
from glossary.store import ConceptSummary
from glossary.tui.screens.prompt import DIALOG_CSS

SMALL = 5_000  # up to this many concepts, rank on the UI thread (a few ms)


class MergePicker(ModalScreen[int | None]):
    """Returns the id of the target concept, or None when cancelled."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="MergePicker")
        + """
    MergePicker OptionList { height: auto; max-height: 16; }
    """
    )
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, source: ConceptSummary, rows: Sequence[ConceptSummary], query: str = ""
    ) -> None:
        super().__init__()
        self._source, self._rows, self._query = source, rows, query
        self._shown: list[ConceptSummary] = []
        self._pool = search_pool(rows)
        self._ranked: str | None = None  # the query `_shown` answers

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Merge “{self._source.label}” into…", classes="title")
            yield Input(value=self._query, placeholder="type to search", id="search")
            yield OptionList(id="targets")
            yield Label("↑↓ choose · Enter merge · Esc cancel", classes="hint")

    def on_mount(self) -> None:
        self._refresh(self._query)

    def on_input_changed(self, event: Input.Changed) -> None:
        if len(self._pool) <= SMALL:
            self._refresh(event.value)
        else:
            self._rank_later(event.value)

    @work(thread=True, exclusive=True, group="rank")
    def _rank_later(self, query: str) -> None:
        """Rank off the UI thread (50-200 ms per keystroke at 50,000 concepts)."""
        shown = rank(query, self._rows, self._source.id, self._pool)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._refresh, query, shown)

    def _refresh(self, query: str, shown: list[ConceptSummary] | None = None) -> None:
        if shown is None:
            shown = rank(query, self._rows, self._source.id, self._pool)
        elif query != self.query_one("#search", Input).value:
            return  # a newer query is being ranked
        self._ranked, self._shown = query, shown
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{r.label}  ({r.kind}, #{r.id})", id=str(r.id)) for r in self._shown
        )
        if self._shown:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._ranked != event.value:  # Enter typed before the ranking ended
            self._refresh(event.value)
        options = self.query_one(OptionList)
        if options.highlighted is not None and self._shown:
            self.dismiss(self._shown[options.highlighted].id)

    def on_key(self, event: events.Key) -> None:
        # The search box keeps focus; arrows still move through the list.
        options = self.query_one(OptionList)
        if event.key == "up":
            options.action_cursor_up()
            event.stop()
        elif event.key == "down":
            options.action_cursor_down()
            event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
