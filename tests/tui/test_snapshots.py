"""Snapshot tests: how the main screen, detail pane and dialogs look (SVG)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from glossary.store import TermBase
from glossary.tui.app import make_app

from .settle import settled


async def _loaded(pilot: Pilot[None]) -> None:
    await settled(pilot)


def test_main_screen(snap_compare: Any, sample_termbase: TermBase) -> None:
    assert snap_compare(
        make_app(sample_termbase), terminal_size=(120, 36), run_before=_loaded
    )


def test_detail_pane_narrow(snap_compare: Any, sample_termbase: TermBase) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("slash", *"chinh", "enter", "down")
        await _loaded(pilot)

    assert snap_compare(
        make_app(sample_termbase), terminal_size=(80, 24), run_before=run_before
    )


def test_merge_picker(snap_compare: Any, sample_termbase: TermBase) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("m", *"ha noi")
        await pilot.pause()

    assert snap_compare(
        make_app(sample_termbase), terminal_size=(120, 36), run_before=run_before
    )


def test_export_dialog(snap_compare: Any, sample_termbase: TermBase) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        path = pilot.app.screen.query_one("#path")
        path.cursor_blink = False  # type: ignore[attr-defined]  # else a flaky cursor
        path.value = "out/glossary.tbx"  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(
        make_app(sample_termbase), terminal_size=(100, 30), run_before=run_before
    )
