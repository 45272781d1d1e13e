"""The review app's rows: loading them, filtering, sorting, and showing
the concepts a review action changed.

Loading, filtering and sorting run in thread workers; after an action the
filter index is patched on the UI thread (milliseconds at 500,000 concepts).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence

from textual import on, work
from textual.widgets import Input
from textual.worker import get_current_worker

from glossary import concept_filter
from glossary.errors import GlossaryError
from glossary.store import ConceptSummary
from glossary.tui.file_actions import FileActions
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.filter_box import FilterBox
from glossary.tui.widgets.status_line import StatusLine

_FIRST = 200  # concepts shown while the rest load


class ConceptRows(FileActions):
    """Base of `ReviewApp` holding its rows: every concept, the filtered
    ones the table shows, and how they are kept up to date."""

    index: concept_filter.FilterIndex
    shown_filter: str | None  # the filter the table shows
    sort_key: str

    @property
    def rows(self) -> list[ConceptSummary]:
        """Every concept, in the current sort order."""
        return self.index.rows

    @property
    def shown(self) -> Sequence[ConceptSummary]:
        """The concepts the table shows (those passing the filter)."""
        return self.query_one(ConceptTable).rows

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
            self.call_from_thread(self._filtered, index, shown, keep, text)

    def _filtered(
        self,
        index: concept_filter.FilterIndex,
        shown: Sequence[ConceptSummary],
        keep: int | None,
        text: str,
    ) -> None:
        # a newer filter is coming; or an action patched the rows since
        if text == self.query_one(FilterBox).value and index is self.index:
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
