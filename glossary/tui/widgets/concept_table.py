"""The concept table: one row per concept, virtual (only visible rows are drawn).

Textual's `DataTable` renders every cell through Rich and measures every row
to size its columns: 50,000 rows take seconds, and even 100 rows cost tens of
milliseconds per redraw. This table has fixed column widths and builds each
visible line straight from its `ConceptSummary`, so showing a new filter
result costs the same for 10 rows or 50,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from glossary.concept_filter import RowView
from glossary.model import ConceptStatus
from glossary.store import ConceptSummary

# Long organisation names would push kind, status and flags off screen: the
# two term columns (English label, Vietnamese target) are each at most
# LABEL_WIDTH wide, and narrower (down to LABEL_MIN) when that leaves the
# flags column fewer than FLAGS_MIN cells.
LABEL_WIDTH = 30
LABEL_MIN = 14
FLAGS_MIN = 8

_STATUS_STYLE = {
    ConceptStatus.APPROVED: Style(color="green"),
    ConceptStatus.REJECTED: Style(color="red"),
    ConceptStatus.CANDIDATE: Style(color="yellow"),
}
_FLAG_STYLE = Style(color="magenta")
# (header, width, right-aligned); the last column takes what is left.
COLUMNS: tuple[tuple[str, int, bool], ...] = (
    ("✓", 1, False),
    ("Term", LABEL_WIDTH, False),
    ("Vietnamese", LABEL_WIDTH, False),
    ("Kind", 6, False),
    ("Status", 9, False),
    ("Al.", 3, True),
    ("Occ.", 4, True),
    ("Flags", 0, False),
)
_GAP = 2  # blank cells between columns
_OTHERS = 1 + sum(size + _GAP for _, size, _ in COLUMNS if size != LABEL_WIDTH)


class ConceptTable(ScrollView, can_focus=True):
    """Concepts as rows; `marked` holds the bulk selection (concept ids)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "concept-table--header",
        "concept-table--even-row",
        "concept-table--cursor",
    }
    DEFAULT_CSS = """
    ConceptTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .concept-table--header {
            text-style: bold; background: $panel; color: $foreground;
        }
        & > .concept-table--even-row { background: $surface-lighten-1 50%; }
        & > .concept-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .concept-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .concept-table--even-row { background: $surface-darken-1 40%; }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, layout=False)

    class Highlighted(Message):
        """The cursor is on another concept (None: the table is empty)."""

        def __init__(self, concept_id: int | None) -> None:
            super().__init__()
            self.concept_id = concept_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marked: set[int] = set()
        self.rows: Sequence[ConceptSummary] = ()
        self._index: dict[int, int] | None = None  # concept id -> row, lazily
        self._announced: int | None = None
        # styles and drawn lines, reused until the styles or the width change
        self._styles: dict[str, Style] = {}
        self._lines: dict[tuple[object, ...], Strip] = {}

    # -- data ------------------------------------------------------------------

    def show(self, rows: Sequence[ConceptSummary], keep: int | None = None) -> None:
        """Replace the rows; keep the cursor on concept `keep` when present."""
        self.rows = rows
        self._index = None
        row = None if keep is None else self.row_of(keep)
        self._resize_virtual(len(rows) + 1)
        self.move_cursor(row=0 if row is None else row)
        self.refresh()

    def _resize_virtual(self, height: int) -> None:
        """Set the virtual height, without a screen layout when possible.

        `virtual_size` is a layout reactive: each change would reflow and
        repaint the whole screen. A layout is only needed when the scrollbar
        appears or goes; otherwise the scrollbar is told the new height.
        """
        size = Size(self.size.width, height)
        window = self.scrollable_content_region.height
        was = self.virtual_size.height > window
        if not self.is_mounted or was != (height > window) or not window:
            self.virtual_size = size
            return
        self.set_reactive(ConceptTable.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = height
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    @property
    def row_count(self) -> int:
        """How many concepts the table holds (not only those on screen)."""
        return len(self.rows)

    def row_of(self, concept_id: int) -> int | None:
        """The row of `concept_id`, or None when it is not in the table."""
        if isinstance(self.rows, RowView):  # a filter's answer: numpy finds it
            return self.rows.position(concept_id)
        if self._index is None:
            self._index = {r.id: i for i, r in enumerate(self.rows)}
        return self._index.get(concept_id)

    @property
    def current_id(self) -> int | None:
        """The concept under the cursor."""
        if not 0 <= self.cursor_row < len(self.rows):
            return None
        return self.rows[self.cursor_row].id

    def update_row(self, concept_id: int) -> None:
        """Redraw one concept's row in place (after a mark)."""
        row = self.row_of(concept_id)
        if row is not None:
            self._refresh_row(row)

    # -- cursor and scrolling --------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on `row` (clamped) and scroll it into view."""
        last = len(self.rows) - 1
        self.cursor_row = max(0, min(row, last))
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._page:
            y = self.cursor_row - self._page + 1
            self.scroll_to(y=y, animate=False, immediate=True)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        cid = self.current_id
        if cid != self._announced:
            self._announced = cid
            self.post_message(self.Highlighted(cid))

    def _refresh_row(self, row: int) -> None:
        """Repaint the screen line showing `row`, if it is visible."""
        y = row - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(row=self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self.cursor_row + direction * self._page)

    def action_jump(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            row = round(self.scroll_y) + event.y - 1
            if row < len(self.rows):
                self.move_cursor(row=row)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self._refresh_row(self.cursor_row)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)

    # -- drawing ---------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _style(self, part: str) -> Style:
        style = self._styles.get(part)
        if style is None:
            base = self.rich_style
            style = base + self.get_component_rich_style(part) if part else base
            self._styles[part] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            style = self._style("concept-table--header")
            return self._strip([(h, None) for h, _, _ in COLUMNS], style, width)
        row = round(self.scroll_y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, self._style(""))
        r = self.rows[row]
        part = (
            "concept-table--cursor"
            if row == self.cursor_row
            else "concept-table--even-row"
            if row % 2
            else ""
        )
        lead = "▶" if row == self.cursor_row and self.has_focus else " "
        key = (r, part, r.id in self.marked, width, lead)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > 4096:
                self._lines.clear()
            line = self._lines[key] = self._draw(r, part, width, lead)
        return line

    def _draw(self, r: ConceptSummary, part: str, width: int, lead: str) -> Strip:
        style = self._style(part)
        plain = part == "concept-table--cursor"
        cells = (
            ("●" if r.id in self.marked else "", None),
            (r.label, None),
            (r.target, None),
            (str(r.kind), None),
            (str(r.status), None if plain else _STATUS_STYLE[r.status]),
            (str(r.terms - 1), None),
            (str(r.occurrences), None),
            (" ".join(sorted(r.flags)), None if plain else _FLAG_STYLE),
        )
        return self._strip(cells, style, width, lead)

    @staticmethod
    def _strip(
        cells: Sequence[tuple[str, Style | None]],
        style: Style,
        width: int,
        lead: str = " ",
    ) -> Strip:
        # lead: a ▶ on the cursor row of the focused table, seen without colour
        segments = [Segment(lead, style)]
        used = 1
        free = (width - _OTHERS - 2 * _GAP - FLAGS_MIN) // 2
        label = max(LABEL_MIN, min(LABEL_WIDTH, free))
        for (text, extra), (_, size, right) in zip(cells, COLUMNS, strict=True):
            if size == LABEL_WIDTH:
                size = label
            elif not size:
                size = max(0, width - used)
            if cell_len(text) > size:
                text = set_cell_size(text, size - 1) + "…" if size > 1 else ""
            text = set_cell_size(text, size) if not right else text.rjust(size)
            segments.append(Segment(text, style + extra if extra else style))
            segments.append(Segment(" " * _GAP, style))
            used += size + _GAP
        return Strip(segments).crop_extend(0, width, style)
