"""Review TUI on a generated term base of 50,000 concepts and 200,000 terms.

`GLOSSARY_BENCH_CONCEPTS` sets the size (500000 for the large run) and
`GLOSSARY_BENCH_DB` a file to keep the generated term base in.

Measures, headless (Textual's `run_test`, 120x36), as a user types:
- time to first screen: from creating the app to the first frame drawn with
  rows in the concept table; and until all concepts are loaded and indexed;
- filter keystroke to updated table: `pilot.press` of one character (or
  Backspace) in the filter box, until the first frame is drawn (the
  compositor has rendered the screen) with the table holding that filter's
  rows. Every keystroke of a few typed queries and of erasing them is timed,
  with a pause between keys; median, p95 and max are reported;
- after a review action: with a filter set, approve the row under the
  cursor (`a`) and undo it (`u`), each until the table is drawn again, and
  the key after each (`down`, a letter typed into the filter) until its frame.

Baselines in the same run: the filter alone (`FilterIndex.select`, and the
uncached `filtering.select` it replaced) over the same keystroke sequence;
what an action's redraw costs with the index built anew and one scan
(before) against `FilterIndex.changed` (a patched index);
redrawing a Textual `DataTable` of the first 100 result rows (the previous
table) against the virtual `ConceptTable`, in the same bare app; loading full
`Concept` objects instead of `summaries()`.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from glossary import concept_filter
from glossary.model import Concept, ConceptStatus, Kind, Occurrence, Term, TermStatus
from glossary.store import ConceptSummary, TermBase
from glossary.text import fold

CONCEPTS = int(os.environ.get("GLOSSARY_BENCH_CONCEPTS", "50000"))
TERMS_PER_CONCEPT = 4
TYPED = (
    "nguyen van",
    "ha noi",
    "kind:person minh",
    "status:approved",
    "chinh 12",
    "t4711",
    "zzzz",
)
PAUSE = 0.05  # seconds between a frame and the next key (a fast typist)
# filters set while acting, and how many approve/undo rounds under each
ACTING = ("status:candidate", "nguyen van")
ROUNDS = 5
SIZE = (120, 36)

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


def keystrokes() -> list[tuple[str, str]]:
    """(key, filter value after it) for typing each query and erasing it."""
    out: list[tuple[str, str]] = []
    for query in TYPED:
        for i, ch in enumerate(query):
            out.append(("space" if ch == " " else ch, query[: i + 1]))
        for i in range(len(query) - 1, -1, -1):
            out.append(("backspace", query[:i]))
    return out


class _Frames:
    """Hooks `app._display` (called once the compositor has rendered a frame)."""

    def __init__(self, app: Any, ready: Callable[[], bool]) -> None:
        self.event = asyncio.Event()
        self.ready = ready
        self.at = 0.0
        original = app._display

        def display(screen: object, renderable: object) -> None:
            original(screen, renderable)
            if renderable is not None and not self.event.is_set() and self.ready():
                self.at = time.perf_counter()
                self.event.set()

        app._display = display

    async def wait(self, ready: Callable[[], bool]) -> float:
        """Wait for the first frame drawn once `ready()` holds; its time."""
        self.ready = ready
        self.event.clear()  # a frame drawn before this call does not count
        await self.event.wait()
        return self.at


async def _measure(path: Path) -> dict[str, Any]:
    from glossary.tui.app import make_app
    from glossary.tui.widgets.concept_table import ConceptTable
    from glossary.tui.widgets.filter_box import FilterBox

    out: dict[str, Any] = {}
    with TermBase(path) as tb:
        app = make_app(tb)
        shown_for: list[str | None] = [None]
        original_show = app._show

        def show(*args: Any, **kwargs: Any) -> None:
            original_show(*args, **kwargs)
            shown_for[0] = app.query_one(FilterBox).value

        app._show = show  # type: ignore[method-assign]
        frames = _Frames(app, lambda: app.query_one(ConceptTable).row_count > 0)
        started = time.perf_counter()
        async with app.run_test(size=SIZE) as pilot:
            await frames.event.wait()
            out["first"] = frames.at - started
            await app.workers.wait_for_complete()
            await pilot.pause()
            out["loaded"] = time.perf_counter() - started
            assert len(app.rows) == CONCEPTS
            await pilot.press("slash")
            box = app.query_one(FilterBox)
            table = app.query_one(ConceptTable)
            latencies: list[float] = []
            cpu0 = time.process_time()
            wall0 = time.perf_counter()
            for key, value in keystrokes():
                shown_for[0] = None
                t0 = time.perf_counter()
                press = asyncio.ensure_future(pilot.press(key))
                at = await frames.wait(lambda v=value: shown_for[0] == v)  # type: ignore[misc]
                latencies.append(at - t0)
                await press
                assert box.value == value
                assert _ids(table.rows) == _ids(app.index.select(value)), value
                await asyncio.sleep(PAUSE)
            out["cpu"] = time.process_time() - cpu0
            out["wall"] = time.perf_counter() - wall0
            out["latencies"] = latencies
            cpu0 = time.process_time()
            out["actions"], out["after"] = await _act(app, pilot, frames, shown_for)
            out["act_cpu"] = time.process_time() - cpu0
    return out


async def _act(
    app: Any, pilot: Any, frames: _Frames, shown_for: list[str | None]
) -> tuple[list[float], list[float]]:
    """Approve and undo under each filter of ACTING: (each action until the
    table is drawn again, each key after an action until its frame)."""
    from glossary.tui.widgets.concept_table import ConceptTable
    from glossary.tui.widgets.filter_box import FilterBox

    table, box = app.query_one(ConceptTable), app.query_one(FilterBox)
    actions: list[float] = []
    after: list[float] = []

    async def timed(key: str, ready: Callable[[], bool]) -> float:
        t0 = time.perf_counter()
        press = asyncio.ensure_future(pilot.press(key))
        at = await frames.wait(ready)
        await press
        await asyncio.sleep(PAUSE)
        return at - t0

    for text in ACTING:
        await pilot.press("slash")
        box.value = text
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(ROUNDS):
            for action in ("a", "u"):
                shown_for[0] = None
                actions.append(await timed(action, lambda: shown_for[0] is not None))
                row = table.cursor_row
                after.append(await timed("down", lambda r=row: table.cursor_row > r))  # type: ignore[misc]
            await pilot.press("slash")
            box.cursor_position = len(box.value)  # typing goes at the end
            await pilot.press("space")
            shown_for[0] = None
            typed = text + " t"
            after.append(await timed("t", lambda v=typed: shown_for[0] == v))  # type: ignore[misc]
            await pilot.press("backspace", "backspace", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("slash", "escape")
        await app.workers.wait_for_complete()
    return actions, after


def _ids(rows: Sequence[ConceptSummary]) -> list[int]:
    if isinstance(rows, concept_filter.RowView):
        return [int(i) for i in rows.picked]  # its rows' numbers: same index
    return [r.id for r in rows]


def _filter_only(rows: Sequence[ConceptSummary]) -> dict[str, list[float]]:
    """The filter alone over the same keystroke sequence (cached and uncached)."""
    index = concept_filter.FilterIndex(rows)
    t0 = time.perf_counter()
    index.prepare()  # as the app's loading worker does
    print(f"  FilterIndex arrays built in {(time.perf_counter() - t0) * 1000:.0f} ms")
    hay = index.hay
    concept_filter.select(rows, hay, "warm")  # builds the joined haystack once
    out: dict[str, list[float]] = {"FilterIndex.select": [], "filtering.select": []}
    for _, value in keystrokes():
        t0 = time.perf_counter()
        index.select(value)
        t1 = time.perf_counter()
        concept_filter.select(index.rows, hay, value)
        t2 = time.perf_counter()
        out["FilterIndex.select"].append(t1 - t0)
        out["filtering.select"].append(t2 - t1)
    return out


def _refreshes(rows: list[ConceptSummary]) -> dict[str, list[float]]:
    """What redrawing one changed concept costs before the frame, under each
    filter of ACTING: the index built anew and one scan (before), against
    `FilterIndex.changed` (a patched index, patched again at each action as
    the app does; the first copies the rows)."""
    from bisect import insort

    order = concept_filter.SORTS["label"]
    index = concept_filter.FilterIndex(rows)
    index.prepare()
    out: dict[str, list[float]] = {"index anew + one scan": [], "patched index": []}
    patched: concept_filter.FilterIndex = index
    for text in ACTING:
        index.select(text)
        for i in range(0, len(rows), len(rows) // ROUNDS)[:ROUNDS]:
            changed = rows[i]._replace(status=ConceptStatus.APPROVED)
            t0 = time.perf_counter()
            kept = [r for r in index.rows if r.id != changed.id]
            insort(kept, changed, key=order)  # type: ignore[type-var]
            anew = concept_filter.FilterIndex(kept)
            concept_filter.select(kept, anew.hay, text)
            t1 = time.perf_counter()
            patched = patched.changed([changed], {changed.id}, order)
            patched.select(text)
            t2 = time.perf_counter()
            out["index anew + one scan"].append(t1 - t0)
            out["patched index"].append(t2 - t1)
    return out


def _redraws(rows: Sequence[ConceptSummary]) -> dict[str, list[float]]:
    """Table redraw alone: the old DataTable of 100 rows vs the virtual table."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from glossary.tui.widgets.concept_table import ConceptTable

    index = concept_filter.FilterIndex(rows)
    results = [index.select(value) for _, value in keystrokes()]

    class Bare(App[None]):
        def __init__(self, virtual: bool) -> None:
            super().__init__()
            self.virtual = virtual

        def compose(self) -> ComposeResult:
            yield ConceptTable() if self.virtual else DataTable[Any]()

    async def run(virtual: bool) -> list[float]:
        app = Bare(virtual)
        done: list[bool] = [False]
        frames = _Frames(app, lambda: done[0])
        times: list[float] = []
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if not virtual:
                app.query_one(DataTable).add_columns(
                    "✓", "Preferred term", "Kind", "Status", "Aliases", "Occ.", "Flags"
                )
            for shown in results:
                done[0] = False
                t0 = time.perf_counter()
                if virtual:
                    app.query_one(ConceptTable).show(shown)
                else:
                    dt = app.query_one(DataTable)
                    dt.clear()
                    dt.add_rows(
                        (
                            "",
                            r.label,
                            str(r.kind),
                            str(r.status),
                            r.terms - 1,
                            r.occurrences,
                            " ".join(sorted(r.flags)),
                        )
                        for r in shown[:100]
                    )
                done[0] = True
                app.screen.refresh()
                times.append(await frames.wait(lambda: done[0]) - t0)
                await asyncio.sleep(PAUSE)
        return times

    return {
        "DataTable, first 100 rows (before)": asyncio.run(run(False)),
        "ConceptTable, all rows (virtual)": asyncio.run(run(True)),
    }


def _stats(values: Sequence[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"median {statistics.median(ms):6.1f}  p95 {p95:6.1f}  max {ms[-1]:6.1f} ms"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    print(f"load average before: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        # GLOSSARY_BENCH_DB: a term base kept (and reused) between runs.
        path = Path(os.environ.get("GLOSSARY_BENCH_DB", Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        if not path.exists():
            generate(path)
        with TermBase(path) as tb:
            counts = tb.counts()
        print(
            f"generated {counts['concepts']:,} concepts, {counts['terms']:,} terms "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        m = asyncio.run(_measure(path))
        n = len(m["latencies"])
        print(f"{'first screen with rows':38} {m['first'] * 1000:8.0f} ms  (< 1000)")
        everything = f"all {CONCEPTS:,} loaded, sorted, indexed"
        print(f"{everything:38} {m['loaded'] * 1000:8.0f} ms")
        print(f"keystroke -> table drawn ({n} keys):   {_stats(m['latencies'])}")
        print(
            f"  typing loop: wall {m['wall']:.2f} s, CPU {m['cpu']:.2f} s "
            f"(incl. {n} x {PAUSE * 1000:.0f} ms pauses)"
        )
        slowest = sorted(zip(m["latencies"], keystrokes(), strict=True))[-5:]
        print(
            "  slowest: " + ", ".join(f"{v!r} {t * 1000:.0f}" for t, (_, v) in slowest)
        )
        acted = f"review action -> table drawn ({len(m['actions'])})"
        print(f"{acted:38} {_stats(m['actions'])}")
        print(
            f"{'key after an action -> drawn (' + str(len(m['after'])) + ')':38} "
            f"{_stats(m['after'])}"
        )
        worst = ", ".join(f"{t * 1000:.0f}" for t in sorted(m["after"])[-5:])
        print(f"  acting loop: CPU {m['act_cpu']:.2f} s; slowest keys after: {worst}")
        with TermBase(path) as tb:
            t0 = time.perf_counter()
            rows = tb.summaries()
            loaded = time.perf_counter() - t0
            t0 = time.perf_counter()
            if CONCEPTS <= 100_000:  # minutes and gigabytes at 500k, for nothing
                tb.concepts()
            full = time.perf_counter() - t0
        rows.sort(key=concept_filter.SORTS["label"])  # type: ignore[arg-type]
        print("baselines, same run, same keystrokes:")
        for name, times in _filter_only(rows).items():
            print(f"  filter only, {name:22}   {_stats(times)}")
        for name, times in _refreshes(rows).items():
            print(f"  after an action, {name:22} {_stats(times)}")
        for name, times in _redraws(rows).items():
            print(f"  redraw only, {name:36} {_stats(times)}")
        print(f"  {'summaries() (what the app loads)':36} {loaded * 1000:8.0f} ms")
        if CONCEPTS <= 100_000:
            print(f"  {'concepts() (full objects)':36} {full * 1000:8.0f} ms")
    print(f"load average after: {_load()}")


if __name__ == "__main__":
    main()
