"""Review TUI on a generated term base of 50,000 concepts and 200,000 terms.

Measures, headless (Textual's `run_test`):
- time to first screen: from creating the app to the concept table drawn;
- filter keystroke to updated table: from setting the filter box to the
  table redrawn, for a few typical queries.

Baselines in the same run: loading full `Concept` objects (`tb.concepts()`)
instead of `summaries()`, and filling a DataTable with every row instead of
the first `LIMIT`.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from glossary.model import Concept, ConceptStatus, Kind, Occurrence, Term, TermStatus
from glossary.store import TermBase
from glossary.text import fold
from glossary.tui import filtering

CONCEPTS = 50_000
TERMS_PER_CONCEPT = 4
QUERIES = ("nguyen", "ha noi", "kind:person minh", "status:approved", "zzzz")

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ")
_MIDDLE = ("Văn", "Thị", "Minh", "Đức", "Hữu", "Ngọc", "Thanh", "Quang")
_GIVEN = ("Chính", "Hùng", "Lan", "Hà", "Nội", "Sơn", "Tuấn", "Dũng", "Hải", "Yên")


def generate(path: Path, n: int = CONCEPTS, seed: int = 7) -> None:
    """Write a term base of `n` concepts with 4 terms each (one transaction)."""
    rnd = random.Random(seed)
    kinds = list(Kind)
    with TermBase(path) as tb, tb.transaction():
        for i in range(n):
            name = (rnd.choice(_SURNAMES), rnd.choice(_MIDDLE), rnd.choice(_GIVEN))
            vi = f"{' '.join(name)} {i}"
            en = fold(vi).title()
            concept = Concept(
                kind=rnd.choice(kinds),
                key=f"gen:{i}",
                status=rnd.choice(list(ConceptStatus)),
                terms=(
                    Term(vi, "vi", TermStatus.PREFERRED, count=3),
                    Term(en, "en", count=2),
                    Term(f"{vi.split()[-2]} {i}", "vi", count=1),
                    Term(f"T{i}", "en", count=1),
                ),
            )
            tb.add_concept(concept)
    with TermBase(path) as tb:  # one occurrence, so the detail pane has some
        first = tb.concept(1)
        assert first.terms[0].id is not None
        tb.add_occurrences(
            first.terms[0].id,
            [Occurrence("gen.txt", 0, len(first.terms[0].text), first.terms[0].text)],
        )


async def _measure(path: Path) -> tuple[float, float, dict[str, float]]:
    from glossary.tui.app import make_app
    from glossary.tui.widgets.filter_box import FilterBox

    with TermBase(path) as tb:
        app = make_app(tb)
        shown = asyncio.Event()
        original = app._show

        def hooked(*args: object, **kwargs: object) -> None:
            original(*args, **kwargs)  # type: ignore[arg-type]
            shown.set()

        app._show = hooked  # type: ignore[method-assign]
        started = time.perf_counter()
        async with app.run_test(size=(120, 36)) as pilot:
            await shown.wait()
            first_rows = time.perf_counter() - started
            await app.workers.wait_for_complete()
            await pilot.pause()
            all_rows = time.perf_counter() - started
            box = app.query_one(FilterBox)
            timings: dict[str, float] = {}
            for query in QUERIES:
                runs = []
                for _ in range(3):
                    for text in ("", query):
                        if box.value == text:
                            continue
                        shown.clear()
                        t0 = time.perf_counter()
                        box.value = text
                        await shown.wait()
                        if text:
                            runs.append(time.perf_counter() - t0)
                timings[query] = statistics.median(runs)
    return first_rows, all_rows, timings


def _baselines(path: Path) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    out: dict[str, float] = {}
    with TermBase(path) as tb:
        t0 = time.perf_counter()
        summaries = tb.summaries()
        out["summaries()"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        tb.concepts()
        out["concepts() (baseline)"] = time.perf_counter() - t0

    class Full(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    async def fill_all() -> float:
        app = Full()
        async with app.run_test(size=(120, 36)) as pilot:
            table = app.query_one(DataTable)
            table.add_columns("label", "kind", "status", "terms", "occ")
            t0 = time.perf_counter()
            table.add_rows(
                (r.label, str(r.kind), str(r.status), r.terms, r.occurrences)
                for r in summaries
            )
            await pilot.pause()
            return time.perf_counter() - t0

    out["DataTable with all rows (baseline)"] = asyncio.run(fill_all())
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        generate(path)
        with TermBase(path) as tb:
            counts = tb.counts()
        print(
            f"generated {counts['concepts']:,} concepts, {counts['terms']:,} terms "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        first, full, timings = asyncio.run(_measure(path))
        print(f"{'first screen with rows':40} {first * 1000:8.0f} ms  (target < 1000)")
        print(f"{'all 50,000 loaded and sorted':40} {full * 1000:8.0f} ms")
        for query, seconds in timings.items():
            label = f"filter {query!r} -> table"
            print(f"{label:40} {seconds * 1000:8.1f} ms  (target < 100)")
        with TermBase(path) as tb:
            rows = tb.summaries()
        hay = [filtering.haystack(r) for r in rows]
        filtering.select(rows, hay, "warm")  # builds the joined haystack once
        for query in QUERIES:
            t0 = time.perf_counter()
            n = len(filtering.select(rows, hay, query))
            label = f"  of which select({query!r})"
            print(f"{label:40} {(time.perf_counter() - t0) * 1000:8.1f} ms  {n:,} rows")
        for name, seconds in _baselines(path).items():
            print(f"{name:40} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
