"""The detail pane: a concept's terms, the evidence of each link, a concordance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from glossary.check import Finding
from glossary.model import Concept, Occurrence, TermStatus

_TERM_STYLE = {
    TermStatus.PREFERRED: "bold green",
    TermStatus.ADMITTED: "",
    TermStatus.DEPRECATED: "yellow",
    TermStatus.FORBIDDEN: "red strike",
}


_COLUMNS = (" ", "Term", "Lang", "Status", "Type", "Count", "")


class TermTable(DataTable[Text | str]):
    """The terms of the shown concept; its cursor picks the term to act on."""

    DEFAULT_CSS = """
    TermTable { height: auto; max-height: 12; }
    """

    def __init__(self) -> None:
        super().__init__(cursor_type="row", id="terms")
        self.term_ids: list[int] = []

    def on_mount(self) -> None:
        self.add_columns(*_COLUMNS)

    def show(self, concept: Concept) -> None:
        keep = self.cursor_row
        # columns too: their widths would keep growing from the concepts shown
        # before, so the same concept would look different by history
        self.clear(columns=True)
        self.add_columns(*_COLUMNS)
        self.term_ids = [t.id for t in concept.terms if t.id is not None]
        for t in concept.terms:
            self.add_row(
                " ",
                Text(t.text, style=_TERM_STYLE[t.status]),
                t.lang,
                str(t.status),
                str(t.type),
                str(t.count),
                "manual" if t.manual else "",
            )
        if self.term_ids:
            self.move_cursor(row=min(keep, len(self.term_ids) - 1))
        self._mark_cursor()

    def _mark_cursor(self) -> None:
        """A ▶ on the cursor row while focused: visible without colour."""
        for row in range(self.row_count):
            here = self.has_focus and row == self.cursor_row
            self.update_cell_at(Coordinate(row, 0), "▶" if here else " ")

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        self._mark_cursor()

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self._mark_cursor()

    @property
    def current_id(self) -> int | None:
        if not self.term_ids or not 0 <= self.cursor_row < len(self.term_ids):
            return None
        return self.term_ids[self.cursor_row]


def concordance_line(occ: Occurrence) -> Text:
    """One occurrence: the term highlighted in its sentence, then the document."""
    text = Text(occ.context or occ.text)
    if occ.text:
        at = occ.context.find(occ.text)
        if at >= 0:
            text.stylize("bold reverse", at, at + len(occ.text))
    text.append(f"  — {occ.document}", style="dim")
    return text


def evidence_text(concept: Concept) -> Text:
    """Why each alias is linked: rule, document and detail."""
    out = Text()
    for t in concept.terms:
        for e in t.evidence:
            where = f" {e.document}:{e.start}-{e.end}" if e.document else ""
            detail = f" ({e.detail})" if e.detail else ""
            out.append(f"{t.text}", style="bold")
            out.append(f" ← {e.rule}{where}{detail}\n")
    return out if out.plain else Text("no recorded evidence", style="dim")


def findings_text(findings: Sequence[Finding]) -> Text:
    """One line per finding, as `glossary check` prints it."""
    out = Text()
    for f in findings:
        out.append(f"{Path(f.path).name}:{f.line}", style="bold")
        out.append(f" {f.check}: ", style="magenta")
        out.append(f"{f.message}\n")
    return out


class DetailPane(VerticalScroll, can_focus=False):
    """Everything about the selected concept.

    Not focusable itself: Tab from the concept table goes straight to the
    term table, whose cursor picks the term that p/e/s act on.
    """

    DEFAULT_CSS = """
    DetailPane { width: 1fr; border-left: vkey $primary; padding: 0 1; }
    DetailPane .heading { text-style: bold; color: $accent; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield TermTable()
        yield Static("Check findings", classes="heading", id="findings-heading")
        yield Static(id="findings")
        yield Static("Evidence", classes="heading")
        yield Static(id="evidence")
        yield Static("Occurrences", classes="heading")
        yield Static(id="concordance")

    def show(
        self,
        concept: Concept | None,
        occurrences: list[Occurrence],
        findings: Sequence[Finding] = (),
    ) -> None:
        """Render `concept` (None clears the pane) with the file check's findings."""
        self.query_one("#findings-heading").display = bool(findings)
        self.query_one("#findings", Static).update(findings_text(findings))
        title = self.query_one("#title", Static)
        if concept is None:
            title.update(Text("no concept selected", style="dim"))
            self.query_one(TermTable).clear()
            self.query_one("#evidence", Static).update("")
            self.query_one("#concordance", Static).update("")
            return
        head = Text(concept.label, style="bold")
        head.append(f"  #{concept.id} {concept.kind} · {concept.status}")
        if concept.flags:
            head.append("  " + " ".join(sorted(concept.flags)), style="magenta")
        if concept.note:
            head.append(f"\n{concept.note}", style="italic")
        title.update(head)
        self.query_one(TermTable).show(concept)
        self.query_one("#evidence", Static).update(evidence_text(concept))
        lines = Text("\n").join(concordance_line(o) for o in occurrences)
        self.query_one("#concordance", Static).update(
            lines if occurrences else Text("no occurrences", style="dim")
        )
