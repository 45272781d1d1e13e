"""The concept table: one row per concept, sortable, at most `LIMIT` rows shown."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from glossary.model import ConceptStatus
from glossary.store import ConceptSummary

# A DataTable of 50,000 rows takes seconds to fill; the filter narrows instead.
LIMIT = 100
# Long organisation names would push kind, status and flags off screen.
LABEL_WIDTH = 30

_STATUS_STYLE = {
    ConceptStatus.APPROVED: "green",
    ConceptStatus.REJECTED: "red",
    ConceptStatus.CANDIDATE: "yellow",
}
COLUMNS = (
    ("✓", "mark"),
    ("Preferred term", "label"),
    ("Kind", "kind"),
    ("Status", "status"),
    ("Aliases", "aliases"),
    ("Occ.", "occurrences"),
    ("Flags", "flags"),
)


class ConceptTable(DataTable[Text | str | int]):
    """Concepts as rows keyed by concept id; `marked` holds the bulk selection."""

    DEFAULT_CSS = """
    ConceptTable { height: 1fr; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.marked: set[int] = set()
        self._ids: list[int] = []

    def on_mount(self) -> None:
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def show(self, rows: Sequence[ConceptSummary], keep: int | None = None) -> None:
        """Replace the rows; keep the cursor on concept `keep` when present."""
        self.clear()
        self.add_rows(
            (self._cells(r) for r in rows[:LIMIT]),
        )
        self._ids = [r.id for r in rows[:LIMIT]]
        if keep is not None and keep in self._ids:
            self.move_cursor(row=self._ids.index(keep))

    def _cells(self, r: ConceptSummary) -> tuple[Text | str | int, ...]:
        return (
            "●" if r.id in self.marked else "",
            _clip(r.label),
            str(r.kind),
            Text(str(r.status), style=_STATUS_STYLE[r.status]),
            r.terms - 1,
            r.occurrences,
            Text(" ".join(sorted(r.flags)), style="magenta"),
        )

    @property
    def current_id(self) -> int | None:
        """The concept under the cursor."""
        ids = self._ids
        if not ids or not 0 <= self.cursor_row < len(ids):
            return None
        return ids[self.cursor_row]

    def update_row(self, r: ConceptSummary) -> None:
        """Redraw one concept's row in place (after an action)."""
        ids = self._ids
        if r.id not in ids:
            return
        row = ids.index(r.id)
        for col, value in enumerate(self._cells(r)):
            self.update_cell_at(Coordinate(row, col), value)


def _clip(label: str) -> str:
    """`label` cut to LABEL_WIDTH characters, with an ellipsis when cut."""
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"
