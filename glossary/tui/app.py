"""The review app: concept table, filter, detail pane, and the review actions.

Handlers only call `glossary.review.Review` and redraw; errors a user can
cause (`GlossaryError`: db locked, bad edit, unwritable export path) become
notifications. The app is built in layers by role: `file_actions` (check a
file, export), `rows` (loading, filtering, sorting, showing what an action
changed), `review_actions` (the review keys), and here the layout, the
detail pane and the key bindings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from glossary import concept_filter
from glossary.check import Finding
from glossary.errors import GlossaryError
from glossary.review import Review
from glossary.store import TermStore
from glossary.tui.keys import COMMANDS
from glossary.tui.review_actions import ReviewActions
from glossary.tui.screens.help import HelpScreen
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.detail_pane import DetailPane
from glossary.tui.widgets.filter_box import FilterBox
from glossary.tui.widgets.status_line import StatusLine

_SORT_KEYS = ("label", "kind", "status", "aliases", "occurrences", "id")


class ReviewApp(ReviewActions):
    """Review one term base. Build it with `make_app`."""

    TITLE = "glossary review"
    CSS = """
    #main { height: 1fr; }
    #left { width: 3fr; min-width: 40; }
    DetailPane { width: 2fr; }
    /* Below 140 columns the detail pane goes under the table: side by
       side, the concept table could not show both terms and the pane's
       term table would be cut. */
    #main.narrow { layout: vertical; }
    #main.narrow #left { width: 1fr; height: 3fr; min-width: 0; }
    #main.narrow DetailPane {
        width: 1fr; height: 2fr; border-left: none; border-top: hkey $primary;
    }
    #status { height: 1; background: $boost; color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled before the keys typed after it are dispatched
        Binding("slash", "focus_filter", "Filter", priority=True),
        Binding("a", "approve", "Approve"),
        Binding("r", "reject", "Reject"),
        Binding("c", "candidate", "Candidate", show=False),
        Binding("space", "mark", "Mark", show=False),
        Binding("m", "merge", "Merge"),
        Binding("s", "split", "Split"),
        Binding("e", "edit_term", "Edit"),
        Binding("n", "add_term", "Add term"),
        Binding("N", "add_concept", "New concept"),
        Binding("f", "check_file", "Check file"),
        Binding("p", "term_status", "Term status", show=False),
        Binding("k", "kind", "Kind", show=False),
        Binding("o", "note", "Note", show=False),
        Binding("u", "undo", "Undo"),
        Binding("U", "redo", "Redo", show=False),
        Binding("x", "export", "Export"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        *(
            Binding(str(i + 1), f"sort('{k}')", f"Sort {k}", show=False)
            for i, k in enumerate(_SORT_KEYS)
        ),
    ]

    def __init__(self, tb: TermStore) -> None:
        super().__init__()
        self.tb = tb
        self.review = Review(tb)
        self.index = concept_filter.FilterIndex([])
        self.shown_filter: str | None = None  # the filter the table shows
        self.sort_key = "label"
        self._detail: int | None = None  # the concept the detail pane shows
        self.findings: dict[int, list[Finding]] = {}  # of the last file checked

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield FilterBox()
                yield ConceptTable(id="concepts")
                yield StatusLine("loading…", id="status")
            yield DetailPane()
        yield Footer()

    def on_resize(self) -> None:
        self.query_one("#main").set_class(self.size.width < 140, "narrow")

    def on_mount(self) -> None:
        self.on_resize()
        self.sub_title = self.tb.path
        self.query_one(ConceptTable).focus()
        self.load()

    @on(ConceptTable.Highlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Show the concept under the cursor (unless the pane already does)."""
        cid = self.query_one(ConceptTable).current_id
        if cid == self._detail:
            return
        self._detail = cid
        pane = self.query_one(DetailPane)
        if cid is None:
            pane.show(None, [])
            return
        try:
            pane.show(
                self.review.look(cid),
                self.tb.occurrences(cid),
                self.findings.get(cid, ()),
            )
        except GlossaryError as e:
            self.notify(str(e), severity="error")

    def action_focus_filter(self) -> None:
        """Focus the filter box at once, so "/chinh" typed fast all lands in it."""
        if isinstance(self.focused, Input) or self.screen is not self.screen_stack[0]:
            raise SkipAction  # a "/" typed in a text box or a dialog
        self.screen.set_focus(self.query_one(FilterBox))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key, action, name, text in COMMANDS:
            # \[: the palette reads titles as markup, where [a] is a tag
            yield SystemCommand(
                f"{name} \\[{key}]", text, getattr(self, f"action_{action}")
            )


def make_app(tb: TermStore) -> ReviewApp:
    """The review app over `tb`; shared by `glossary review` and the tests."""
    return ReviewApp(tb)
