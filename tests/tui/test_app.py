"""Pilot tests: drive every review action through keys and check the db after."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fill_sample  # type: ignore[import-not-found, unused-ignore]
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton

from glossary.cli import main
from glossary.concept_filter import rank
from glossary.model import ConceptStatus, Kind, TermStatus
from glossary.store import TermBase
from glossary.tui.app import ReviewApp, make_app
from glossary.tui.screens.export_dialog import ExportDialog
from glossary.tui.screens.help import HelpScreen
from glossary.tui.screens.merge_picker import MergePicker
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.detail_pane import TermTable

SIZE = (120, 36)


async def _ready(app: ReviewApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _filter(app: ReviewApp, pilot: Pilot[None], text: str) -> None:
    app.query_one("#filter", Input).value = text
    await pilot.pause()
    await _ready(app, pilot)


def _labels(app: ReviewApp) -> list[str]:
    return [r.label for r in app.shown]


def _key_id(tb: TermBase, key: str) -> int:
    concept = tb.concept_by_key(key)
    assert concept is not None
    assert concept.id is not None
    return concept.id


def _select_term(app: ReviewApp, text: str) -> None:
    table = app.query_one(TermTable)
    cid = app.query_one(ConceptTable).current_id
    assert cid is not None
    terms = app.tb.concept(cid).terms
    table.move_cursor(row=[t.text for t in terms].index(text))


FILTERS = {
    "chinh": ["Chinh", "Phạm Minh Chính", "Ủy ban liên Chính phủ"],
    "ha noi": ["Hà Nội"],
    "HANOI": ["Hà Nội"],
    "kind:person": ["Anatoly Sivak", "Phạm Minh Chính"],
    "kind:person chinh": ["Phạm Minh Chính"],
    "status:approved": ["Thủ tướng"],
    "flag:ambiguous": ["Chinh"],
    "flag:restored": ["Hưng Yên"],
    "pm": ["Phạm Minh Chính", "Thủ tướng"],
    "": [
        "Anatoly Sivak",
        "Chinh",
        "chuyển đổi số",
        "circular economy",
        "Free Trade Agreement",
        "Hà Nội",
        "Hưng Yên",
        "Phạm Minh Chính",
        "Thủ tướng",
        "Ủy ban liên Chính phủ",
    ],
}


async def test_filter(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        for query, expected in FILTERS.items():
            await _filter(app, pilot, query)
            assert _labels(app) == expected, query


async def test_typing_in_filter_box(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("slash", *"hung yen")
        await _ready(app, pilot)
        assert _labels(app) == ["Hưng Yên"]
        await pilot.press("enter")
        assert isinstance(app.focused, ConceptTable)
        assert _labels(app) == ["Hưng Yên"]  # Enter keeps the filter
        await pilot.press("slash", "escape")
        await _ready(app, pilot)
        assert len(app.shown) == 10  # Esc clears it
        assert isinstance(app.focused, ConceptTable)


async def test_keys_typed_in_one_burst(sample_termbase: TermBase) -> None:
    """'/chinh⏎a' arriving at once (fast typing, tmux send-keys) filters first,
    then approves the first concept the filter shows, not the row that was
    under the cursor before the filter ran."""
    tb = sample_termbase
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        assert app._driver is not None
        keys = [("slash", "/"), *((c, c) for c in "chinh"), ("enter", "\r")]
        for key, char in [*keys, ("a", "a")]:
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)  # no waiting between keys
        await _ready(app, pilot)
        assert app.query_one("#filter", Input).value == "chinh"
        assert tb.concept(_key_id(tb, "other:chinh")).status is (ConceptStatus.APPROVED)
        assert [e.concept_id for e in tb.history()] == [_key_id(tb, "other:chinh")]


async def test_approve_reject_candidate(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "sivak")
        cid = _key_id(tb, "person:anatolysivak")
        await pilot.press("a")
        assert tb.concept(cid).status is ConceptStatus.APPROVED
        assert app.shown[0].status is ConceptStatus.APPROVED
        await pilot.press("r")
        assert tb.concept(cid).status is ConceptStatus.REJECTED
        await pilot.press("c")
        assert tb.concept(cid).status is ConceptStatus.CANDIDATE
        assert [e.action for e in tb.history()] == ["reset", "reject", "approve"]


async def test_bulk_approve_marked(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "kind:place")
        await pilot.press("space", "space", "a")
        for key in ("place:hanoi", "place:hungyen"):
            assert tb.concept(_key_id(tb, key)).status is ConceptStatus.APPROVED
        assert app.query_one(ConceptTable).marked == set()
        assert tb.concept(_key_id(tb, "person:anatolysivak")).status is (
            ConceptStatus.CANDIDATE
        )
        assert len(tb.history()) == 1


async def test_merge_with_picker(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    source = _key_id(tb, "other:chinh")
    target = _key_id(tb, "person:phamminhchinh")
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "flag:ambiguous")
        await pilot.press("m")
        assert isinstance(app.screen, MergePicker)
        await pilot.press(*"pham minh")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MergePicker)
        assert tb.concept_by_key("other:chinh").id == target
        assert "Chinh" in {t.text for t in tb.concept(target).terms}
        assert source not in {r.id for r in app.rows}
        await pilot.press("u")
        assert tb.concept(source).label == "Chinh"
        assert source in {r.id for r in app.rows}


async def test_merge_picker_escape_changes_nothing(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("m", "escape")
        assert len(sample_termbase.concepts()) == 10
        assert sample_termbase.history() == []


async def test_split_edit_and_term_status(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "org:fta")
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "free trade")
        _select_term(app, "FTA")
        await pilot.press("p")
        await pilot.press("home", "enter")  # first choice: preferred
        terms = {t.text: t for t in tb.concept(cid).terms}
        assert terms["FTA"].status is TermStatus.PREFERRED
        assert terms["Free Trade Agreement"].status is TermStatus.ADMITTED
        _select_term(app, "Free Trade Agreement")
        await pilot.press("e", "end", *" (FTA)", "enter")
        texts = {t.text: t for t in tb.concept(cid).terms}
        assert texts["Free Trade Agreement (FTA)"].manual
        _select_term(app, "Free Trade Agreement (FTA)")
        await pilot.press("s")
        assert len(tb.concepts()) == 11
        assert [t.text for t in tb.concept(cid).terms] == ["FTA"]
        assert len(app.rows) == 11


async def test_add_translation_kind_note(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "term:circulareconomy")
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "circular")
        await pilot.press("n", *"kinh tế tuần hoàn", "enter")
        vi = tb.concept(cid).preferred("vi")
        assert vi is not None
        assert vi.text == "kinh tế tuần hoàn"
        assert vi.manual
        await pilot.press("k")
        await pilot.press("home", *["down"] * 2, "enter")  # person place org
        assert tb.concept(cid).kind is Kind.ORG
        await pilot.press("o", *"EU usage", "enter")
        assert tb.concept(cid).note == "EU usage"
        # the filter now finds it by its Vietnamese term, without accents
        await _filter(app, pilot, "kinh te tuan")
        assert [r.id for r in app.shown] == [cid]


async def test_undo_redo_keys(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "place:hanoi")
    app = make_app(tb)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await _filter(app, pilot, "ha noi")
        await pilot.press("a", "o", *"thủ đô", "enter")
        await pilot.press("u", "u")
        assert tb.concept(cid).status is ConceptStatus.CANDIDATE
        assert tb.concept(cid).note == ""
        await pilot.press("U")
        assert tb.concept(cid).status is ConceptStatus.APPROVED
        assert app.shown[0].status is ConceptStatus.APPROVED
        await pilot.press("u", "u")  # second undo has nothing left: a notification
        await pilot.pause()
        assert any("nothing to undo" in n.message for n in app._notifications)


async def test_sort_keys(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("5")
        await _ready(app, pilot)  # sorting runs in a worker
        assert _labels(app)[0] == "Thủ tướng"  # 11 occurrences
        await pilot.press("1")
        await _ready(app, pilot)
        assert _labels(app)[0] == "Anatoly Sivak"


async def test_help_screen(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_export_dialog_writes_file(
    sample_termbase: TermBase, tmp_path: Path
) -> None:
    pytest.importorskip("glossary.exchange")
    out = tmp_path / "out.json"
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#path", Input).value = str(out)
        app.screen.query_one("#fmt-json", RadioButton).value = True
        await pilot.pause()
        await pilot.click("#ok")
        await _ready(app, pilot)
        assert out.exists()
        assert "Thủ tướng" in out.read_text(encoding="utf-8")  # approved only
        assert "Anatoly Sivak" not in out.read_text(encoding="utf-8")
        assert any("wrote 1 concept to" in n.message for n in app._notifications)


async def test_export_to_unwritable_path_notifies(sample_termbase: TermBase) -> None:
    pytest.importorskip("glossary.exchange")
    app = make_app(sample_termbase)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = "/proc/nope/out.tbx"
        await pilot.click("#ok")
        await _ready(app, pilot)
        assert any(n.severity == "error" for n in app._notifications)


async def test_locked_db_notifies(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    fill_sample(TermBase(path)).close()
    tb = TermBase(path)
    tb._conn.execute("PRAGMA busy_timeout = 0")
    other = TermBase(path)
    app = make_app(tb)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _ready(app, pilot)
            other._conn.execute("BEGIN IMMEDIATE")
            await pilot.press("a")
            await pilot.pause()
            other._conn.execute("ROLLBACK")
            assert any("locked" in n.message for n in app._notifications)
            assert tb.history() == []
    finally:
        other.close()
        tb.close()


def test_review_command_missing_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--db", str(tmp_path / "none.db")]) == 2
    assert "no term base here" in capsys.readouterr().err


def test_merge_picker_puts_word_matches_first(sample_termbase: TermBase) -> None:
    """'pham' finds Phạm Minh Chính first, though a fuzzy score alone ranks
    shorter strings higher."""
    rows = sample_termbase.summaries()
    chinh = _key_id(sample_termbase, "other:chinh")
    assert rank("pham", rows, chinh)[0].label == "Phạm Minh Chính"
    assert rank("ha noi", rows, chinh)[0].label == "Hà Nội"
