"""The review app's review actions: each key calls `glossary.review.Review`
and redraws what the step touched; errors a user can cause become
notifications."""

from __future__ import annotations

from collections.abc import Callable

from glossary.errors import GlossaryError, StaleError
from glossary.model import Kind, TermStatus
from glossary.review import Review, Step
from glossary.store import ConceptSummary
from glossary.tui.quick_add import quick_terms
from glossary.tui.rows import ConceptRows
from glossary.tui.screens.merge_picker import MergePicker
from glossary.tui.screens.prompt import ChoiceScreen, PromptScreen
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.detail_pane import TermTable
from glossary.tui.widgets.filter_box import FilterBox


class ReviewActions(ConceptRows):
    """Base of `ReviewApp` holding the review actions (approve, merge, undo...)."""

    review: Review

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
