"""The review app: concept table, filter, detail pane, and the review actions.

Handlers only call `glossary.review.Review` and redraw; errors a user can
cause (`GlossaryError`: db locked, bad edit, unwritable export path) become
notifications. Loading and filtering run in thread workers.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from glossary import concept_filter
from glossary.check import Finding
from glossary.errors import GlossaryError, StaleError
from glossary.model import Kind, TermStatus
from glossary.review import Review, Step
from glossary.store import ConceptSummary, TermStore
from glossary.tui.file_actions import FileActions
from glossary.tui.keys import COMMANDS
from glossary.tui.quick_add import quick_terms
from glossary.tui.screens.help import HelpScreen
from glossary.tui.screens.merge_picker import MergePicker
from glossary.tui.screens.prompt import ChoiceScreen, PromptScreen
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.detail_pane import DetailPane, TermTable
from glossary.tui.widgets.filter_box import FilterBox
from glossary.tui.widgets.status_line import StatusLine

_SORT_KEYS = ("label", "kind", "status", "aliases", "occurrences", "id")
_FIRST = 200  # concepts shown while the rest load


class ReviewApp(FileActions):
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

    @property
    def rows(self) -> list[ConceptSummary]:
        """Every concept, in the current sort order."""
        return self.index.rows

    @property
    def shown(self) -> Sequence[ConceptSummary]:
        """The concepts the table shows (those passing the filter)."""
        return self.query_one(ConceptTable).rows

    # -- layout and loading ------------------------------------------------

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

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Show the first concepts at once, then read them all, sort and index."""
        try:
            first = self.tb.summaries(limit=_FIRST)
            self.call_from_thread(
                self._loaded, concept_filter.FilterIndex(first), False
            )
            rows = self.tb.summaries()
        except GlossaryError as e:
            self.call_from_thread(self.notify, str(e), severity="error")
            return
        rows.sort(key=concept_filter.SORTS[self.sort_key])  # type: ignore[arg-type]
        index = concept_filter.FilterIndex(rows)
        index.prepare()
        self.call_from_thread(self._loaded, index)

    def _loaded(self, index: concept_filter.FilterIndex, complete: bool = True) -> None:
        self.index = index
        if complete:
            # 50,000 rows are a few million objects: a full collection walking
            # them would stall a keystroke by 100-300 ms; they live as long as
            # the app, so move them out of the collector's sight
            gc.freeze()
            # the cursor stays where the user put it, else goes to the top
            moved = self.query_one(ConceptTable).cursor_row > 0
            self.apply_filter(self.query_one(FilterBox).value, None if moved else -1)
        else:
            self._show(index.rows, text="")
            self.query_one(StatusLine).text = "loading every concept…"

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        # Answers the index has at hand (Backspace, a letter more narrowing a
        # few thousand rows) are shown at once, in the same frame as the
        # typed letter; the rest is computed in a worker.
        if self.index.cheap(event.value):
            self._show(self.index.select(event.value), text=event.value)
        else:
            self.apply_filter(event.value)  # over the first rows while loading

    @work(thread=True, exclusive=True, group="filter")
    def apply_filter(self, text: str, keep: int | None = None) -> None:
        """Select the rows matching `text` off the UI thread, then redraw.

        The cursor stays on the same concept when it is still shown (or goes
        to concept `keep`; -1: the first row).
        """
        index = self.index
        shown = index.select(text)
        if index is self.index and not get_current_worker().is_cancelled:
            self.call_from_thread(self._filtered, shown, keep, text)

    def _filtered(
        self, shown: Sequence[ConceptSummary], keep: int | None, text: str
    ) -> None:
        if text == self.query_one(FilterBox).value:  # else a newer one is coming
            self._show(shown, keep, text=text)

    def _settle(self) -> None:
        """Bring the table up to date with the filter box before acting on it.

        An action typed right after the filter ("/chinh⏎a") must apply to the
        rows the filter selects, not to those shown before its worker ended.
        """
        text = self.query_one(FilterBox).value
        if self.shown_filter != text:
            self._show(self.index.select(text), text=text)
        self.show_detail()  # the term table must show the current concept

    def _show(
        self,
        shown: Sequence[ConceptSummary],
        keep: int | None = None,
        *,
        text: str | None = None,
    ) -> None:
        table = self.query_one(ConceptTable)
        keep = table.current_id if keep is None else keep
        self.shown_filter = self.query_one(FilterBox).value if text is None else text
        table.show(shown, keep)
        self._status()
        # after the table's frame: a new concept in the pane means a layout of
        # the whole screen, which would delay the new rows
        self.call_after_refresh(self.show_detail)

    def _status(self) -> None:
        marked = self.query_one(ConceptTable).marked
        n = f" · {len(marked)} marked" if marked else ""
        self.query_one(StatusLine).text = (
            f"{len(self.shown):,} of {len(self.rows):,} concepts{n}"
            f" · sort: {self.sort_key}"
        )

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

    # -- helpers for actions -----------------------------------------------

    def _concept_id(self) -> int | None:
        self._settle()
        cid = self.query_one(ConceptTable).current_id
        if cid is None:
            self.notify("no concept selected", severity="warning")
        return cid

    def _term_id(self) -> int | None:
        self._settle()
        tid = self.query_one(TermTable).current_id
        if tid is None:
            self.notify("no term selected", severity="warning")
        return tid

    def _summary(self, cid: int) -> ConceptSummary | None:
        table = self.query_one(ConceptTable)
        row = table.row_of(cid)
        if row is not None:
            return table.rows[row]
        return next((r for r in self.rows if r.id == cid), None)

    def act(
        self,
        what: str,
        fn: Callable[[], Step],
        keep: int | None = None,
        *,
        follow: bool = False,
    ) -> None:
        """Run one review action; report it; redraw what it touched.

        The cursor stays, or goes to `keep`, or (`follow`) to the concept made.
        """
        try:
            step = fn()
        except StaleError as e:  # another reviewer was first: show their change
            self._refresh(e.concept_ids)
            self.notify(str(e), title=f"{what} refused", severity="warning")
            return
        except GlossaryError as e:
            self.notify(str(e), title=f"{what} failed", severity="error")
            return
        if follow and step.created:
            keep = step.created[0]
        self._refresh((*step.touched, *step.created), keep)
        self.notify(what, timeout=2)

    def _refresh(self, ids: Iterable[int], keep: int | None = None) -> None:
        """Show the concepts `ids` as they are now (changed, new or gone).

        The index is patched, not built again (seconds at 500,000 concepts):
        the filter's answer is at hand in milliseconds, so the next key is
        too; the rows go where the sort puts them (after an undo).
        """
        ids = set(ids)
        fresh = self.tb.summaries(ids)
        order = concept_filter.SORTS[self.sort_key]
        index = self.index = self.index.changed(fresh, ids, order)
        table = self.query_one(ConceptTable)
        table.marked -= ids - {r.id for r in fresh}
        self._detail = None  # the shown concept may have changed: reload it
        self._show(index.select(self.query_one(FilterBox).value), keep)
        if isinstance(index, concept_filter.PatchedIndex) and index.stale:
            self._reindex(index)

    @work(thread=True, exclusive=True, group="prepare")
    def _reindex(self, patched: concept_filter.PatchedIndex) -> None:
        """Index the rows anew once many patches piled up (same rows, same
        order: what the table shows stays valid)."""
        index = concept_filter.FilterIndex(patched.rows)
        index.prepare()
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._reindexed, patched, index)

    def _reindexed(
        self, patched: concept_filter.PatchedIndex, index: concept_filter.FilterIndex
    ) -> None:
        if self.index is patched:  # else an action or a sort came since
            self.index = index

    # -- actions ------------------------------------------------------------

    def _targets(self) -> list[int]:
        self._settle()
        table = self.query_one(ConceptTable)
        if table.marked:
            return sorted(table.marked)
        cid = self._concept_id()
        return [] if cid is None else [cid]

    def action_approve(self) -> None:
        ids = self._targets()
        if ids:
            self.act(f"approved {len(ids)}", lambda: self.review.approve(*ids))
            self._clear_marks()

    def action_reject(self) -> None:
        ids = self._targets()
        if ids:
            self.act(f"rejected {len(ids)}", lambda: self.review.reject(*ids))
            self._clear_marks()

    def action_candidate(self) -> None:
        ids = self._targets()
        if ids:
            self.act("back to candidate", lambda: self.review.reset(*ids))
            self._clear_marks()

    def _clear_marks(self) -> None:
        table = self.query_one(ConceptTable)
        if table.marked:
            table.marked.clear()
            table.refresh()
            self._status()

    def action_mark(self) -> None:
        self._settle()
        table = self.query_one(ConceptTable)
        cid = table.current_id
        if cid is None:
            return
        table.marked ^= {cid}
        table.update_row(cid)
        self._status()
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_merge(self) -> None:
        cid = self._concept_id()
        source = None if cid is None else self._summary(cid)
        if source is None:
            return

        def done(target: int | None) -> None:
            if target is not None:
                self.act(
                    f"merged into #{target}",
                    lambda: self.review.merge(source.id, target),
                    keep=target,
                )

        self.push_screen(MergePicker(source, self.rows), done)

    def action_split(self) -> None:
        """Split the selected term off; the new concept's kind is asked for
        (a title split off a person is no person)."""
        tid = self._term_id()
        cid = self.query_one(ConceptTable).current_id
        current = None if cid is None else self._summary(cid)
        if tid is None:
            return

        def done(kind: str | None) -> None:
            if kind is not None:
                self.act(
                    f"split off into a new {kind}",
                    lambda: self.review.split(tid, kind),
                )

        self.push_screen(
            ChoiceScreen(
                "Kind of the new concept",
                [str(k) for k in Kind],
                str(current.kind) if current else "",
            ),
            done,
        )

    def action_edit_term(self) -> None:
        tid = self._term_id()
        if tid is None:
            return
        term = next(
            t
            for t in self.tb.concept(self.tb.concept_of_term(tid)).terms
            if t.id == tid
        )

        def done(text: str | None) -> None:
            if text is not None and text != term.text:
                self.act("term edited", lambda: self.review.edit_term(tid, text))

        self.push_screen(PromptScreen(f"Edit term ({term.lang})", term.text), done)

    def action_add_term(self) -> None:
        cid = self._concept_id()
        if cid is None:
            return

        def done(text: str | None) -> None:
            if not text:
                return
            lang, sep, rest = text.partition(":")
            if sep and lang.strip() in ("vi", "en"):
                lang, text = lang.strip(), rest
            else:
                lang = "vi"
            self.act(
                f"added {lang} term", lambda: self.review.add_term(cid, text, lang)
            )

        self.push_screen(
            PromptScreen(
                "Add a term",
                hint="Vietnamese by default; write en: to add an English term",
            ),
            done,
        )

    def action_term_status(self) -> None:
        tid = self._term_id()
        if tid is None:
            return

        def done(value: str | None) -> None:
            if value is not None:
                self.act(
                    f"term is {value}", lambda: self.review.set_term_status(tid, value)
                )

        self.push_screen(
            ChoiceScreen("Term status", [str(s) for s in TermStatus]), done
        )

    def action_kind(self) -> None:
        cid = self._concept_id()
        if cid is None:
            return
        current = self._summary(cid)

        def done(value: str | None) -> None:
            if value is not None:
                self.act(f"kind: {value}", lambda: self.review.set_kind(cid, value))

        self.push_screen(
            ChoiceScreen(
                "Kind", [str(k) for k in Kind], str(current.kind) if current else ""
            ),
            done,
        )

    def action_note(self) -> None:
        cid = self._concept_id()
        if cid is None:
            return
        note = self.tb.concept(cid).note

        def done(value: str | None) -> None:
            if value is not None and value != note:
                self.act("note saved", lambda: self.review.set_note(cid, value))

        self.push_screen(PromptScreen("Note", note), done)

    def action_add_concept(self) -> None:
        """Quick add: "Ministry of Health = Bộ Y tế" makes an English and a
        Vietnamese term (either side may be left out), then its kind is asked."""

        def kind_chosen(terms: list[tuple[str, str]], kind: str | None) -> None:
            if kind is None:
                return
            self.query_one(FilterBox).value = ""  # else a filter may hide it
            self.act(
                f"added a new {kind}",
                lambda: self.review.add_concept(kind, terms),
                follow=True,
            )

        def named(text: str | None) -> None:
            terms = quick_terms(text or "")
            if terms:
                self.push_screen(
                    ChoiceScreen("Kind of the new concept", [str(k) for k in Kind]),
                    lambda kind: kind_chosen(terms, kind),
                )

        self.push_screen(
            PromptScreen(
                "New concept",
                hint="English = Vietnamese (vi: Vietnamese alone)",
            ),
            named,
        )

    def action_undo(self) -> None:
        self.act("undone", self.review.undo)

    def action_redo(self) -> None:
        self.act("redone", self.review.redo)

    def action_sort(self, key: str) -> None:
        self.sort_key = key
        self._sort(key, self.index)

    @work(thread=True, exclusive=True, group="sort")
    def _sort(self, key: str, base: concept_filter.FilterIndex) -> None:
        """Sort and index off the UI thread (0.3-0.6 s for 50,000 concepts)."""
        rows = sorted(base.rows, key=concept_filter.SORTS[key])  # type: ignore[arg-type]
        index = concept_filter.FilterIndex(rows)
        index.prepare()
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._sorted, key, base, index)

    def _sorted(
        self,
        key: str,
        base: concept_filter.FilterIndex,
        index: concept_filter.FilterIndex,
    ) -> None:
        if key != self.sort_key:
            return  # another sort was asked for meanwhile
        if base is not self.index:  # an action or a reload changed the rows
            self._sort(key, self.index)
            return
        self.index = index
        self._show(index.select(self.query_one(FilterBox).value))

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
