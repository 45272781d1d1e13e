"""Spreadsheet-safe cells (glossary.text.spreadsheet)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossary.text.spreadsheet import guard, unguard


@given(st.text(max_size=12))
def test_guard_never_starts_a_formula_and_unguard_undoes_it(cell: str) -> None:
    guarded = guard(cell)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard(guarded) == cell


def test_plain_cells_are_unchanged() -> None:
    for cell in ("Phạm Minh Chính", "", "a=b", "Hà Nội - Hải Phòng"):
        assert guard(cell) == cell == unguard(cell)
