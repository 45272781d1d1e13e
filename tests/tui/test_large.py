"""Typing a filter over a generated term base of many concepts (the array path)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot

from glossary import concept_filter
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus
from glossary.store import ConceptSummary, TermBase
from glossary.text import fold
from glossary.tui.app import ReviewApp, make_app
from glossary.tui.widgets.concept_table import ConceptTable

from .settle import settled

SIZE = (120, 36)
CONCEPTS = 12_000
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng")
_MIDDLE = ("Văn", "Thị", "Minh", "Đức")
_GIVEN = ("Chính", "Hùng", "Lan", "Hà", "Nội", "Yên")


@pytest.fixture(scope="module")
def large_termbase() -> Iterator[TermBase]:
    """Vietnamese names with a number, an English twin and a short alias each."""
    rnd = random.Random(3)
    tb = TermBase(":memory:")
    with tb.transaction():
        for i in range(CONCEPTS):
            name = " ".join(rnd.choice(part) for part in (_SURNAMES, _MIDDLE, _GIVEN))
            tb.add_concept(
                Concept(
                    kind=rnd.choice(list(Kind)),
                    key=f"gen:{i}",
                    status=rnd.choice(list(ConceptStatus)),
                    terms=(
                        Term(f"{name} {i}", "vi", TermStatus.PREFERRED),
                        Term(f"{fold(name).title()} {i}", "en"),
                        Term(f"T{i}", "en"),
                    ),
                )
            )
    yield tb
    tb.close()


def _expected(rows: list[ConceptSummary], text: str) -> list[int]:
    """The filter as a plain Python loop over every row, in label order."""
    query = concept_filter.parse(text)
    ordered = sorted(rows, key=concept_filter.SORTS["label"])  # type: ignore[arg-type]
    return [
        r.id
        for r in ordered
        if concept_filter.matches(query, r, concept_filter.haystack(r))
    ]


async def _type(pilot: Pilot[None], keys: list[str]) -> None:
    await pilot.press(*keys)
    await settled(pilot)


async def test_typing_a_filter_shows_the_matching_rows(
    large_termbase: TermBase,
) -> None:
    rows = large_termbase.summaries()
    app: ReviewApp = make_app(large_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert len(app.rows) == CONCEPTS
        table = app.query_one(ConceptTable)
        await _type(pilot, ["slash"])
        typed = ""
        for step in ("n", "g", "uyen", " van", " ", "c", "hinh", " 1"):
            await _type(pilot, ["space" if c == " " else c for c in step])
            typed += step
            assert [r.id for r in app.shown] == _expected(rows, typed), typed
        assert 0 < len(app.shown) < 100
        assert table.current_id == app.shown[0].id  # the cursor is on a shown row
        await _type(pilot, ["backspace"] * 8)  # back to "nguyen va"
        assert [r.id for r in app.shown] == _expected(rows, "nguyen va")
        await _type(pilot, ["ctrl+u", *"kind:person t11"])
        expected = _expected(rows, "kind:person t11")
        assert 0 < len(expected) < 1111  # of t11, t110-t119, t1100-t1199, t11xxx
        assert [r.id for r in app.shown] == expected
        # an action re-reads the acted rows: the filter's rows stay, answered
        # by one scan while the new index's arrays are built in a worker
        first = app.shown[0].id
        await _type(pilot, ["enter", "a"])
        assert [r.id for r in app.shown] == expected
        assert app.shown[0].id == first
        assert app.shown[0].status is ConceptStatus.APPROVED
        assert app.index.cheap("kind:person t")  # the worker built the arrays
