"""Pilot tests: drive every review action through keys and check the db after."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from conftest import fill_sample  # type: ignore[import-not-found, unused-ignore]
from textual import events
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, RadioButton, Static, Switch

from glossary.cli import main
from glossary.concept_filter import rank
from glossary.model import ConceptStatus, Flag, Kind, TermStatus
from glossary.store import TermBase
from glossary.tui.app import ReviewApp, make_app
from glossary.tui.quick_add import quick_terms
from glossary.tui.screens.export_dialog import ExportDialog, mismatch
from glossary.tui.screens.help import HelpScreen
from glossary.tui.screens.merge_picker import MergePicker
from glossary.tui.widgets.concept_table import ConceptTable
from glossary.tui.widgets.detail_pane import TermTable

from .settle import settled

SIZE = (120, 36)


async def _ready(app: ReviewApp, pilot: Pilot[None]) -> None:
    await settled(pilot)


async def _filter(app: ReviewApp, pilot: Pilot[None], text: str) -> None:
    app.query_one("#filter", Input).value = text
    await pilot.pause()
    await _ready(app, pilot)


@asynccontextmanager
async def _running(
    app: ReviewApp, query: str | None = None
) -> AsyncIterator[Pilot[None]]:
    """The app running at the tests' size, settled, with `query` in its filter."""
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        if query is not None:
            await _filter(app, pilot, query)
        yield pilot


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


# Labelled by the English (source) term; the Vietnamese one shows beside it.
FILTERS = {
    "chinh": ["Chinh", "Intergovernmental Committee", "Pham Minh Chinh"],
    "ha noi": ["Hanoi"],
    "HANOI": ["Hanoi"],
    "kind:person": ["Anatoly Sivak", "Pham Minh Chinh"],
    "kind:person chinh": ["Pham Minh Chinh"],
    "status:approved": ["Prime Minister"],
    "flag:ambiguous": ["Chinh"],
    "flag:restored": ["Hung Yen"],
    "pm": ["Pham Minh Chinh", "Prime Minister"],
    "": [
        "Anatoly Sivak",
        "Chinh",
        "circular economy",
        "digital transformation",
        "Free Trade Agreement",
        "Hanoi",
        "Hung Yen",
        "Intergovernmental Committee",
        "Pham Minh Chinh",
        "Prime Minister",
    ],
}


async def test_filter(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        for query, expected in FILTERS.items():
            await _filter(app, pilot, query)
            assert _labels(app) == expected, query


async def test_typing_in_filter_box(sample_termbase: TermBase) -> None:
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        await pilot.press("slash", *"hung yen")
        await _ready(app, pilot)
        assert _labels(app) == ["Hung Yen"]
        await pilot.press("enter")
        assert isinstance(app.focused, ConceptTable)
        assert _labels(app) == ["Hung Yen"]  # Enter keeps the filter
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
    async with _running(app) as pilot:
        keys = [("slash", "/"), *((c, c) for c in "chinh"), ("enter", "\r")]
        for key, char in [*keys, ("a", "a")]:
            event = events.Key(key, char)
            event.set_sender(app)
            # queued at once, as a driver does, before the app handles the
            # first; no timing involved (the driver's thread-safe post is
            # queued a loop turn later, which a loaded machine made flaky)
            app.post_message(event)
        await pilot.pause()  # every queued key is handled
        await _ready(app, pilot)  # then the filter worker and its redraw
        assert app.query_one("#filter", Input).value == "chinh"
        assert tb.concept(_key_id(tb, "other:chinh")).status is (ConceptStatus.APPROVED)
        assert [e.concept_id for e in tb.history()] == [_key_id(tb, "other:chinh")]


async def test_tab_reaches_the_term_table(sample_termbase: TermBase) -> None:
    """One Tab goes to the term table, so p acts on the term the reviewer
    moved to, not on the concept's first term."""
    tb = sample_termbase
    cid = _key_id(tb, "org:fta")
    app = make_app(tb)
    async with _running(app, "free trade") as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, TermTable)
        await pilot.press("down", "p", "end", "enter")  # last choice: forbidden
        terms = {t.text: t.status for t in tb.concept(cid).terms}
        assert terms == {
            "Free Trade Agreement": TermStatus.PREFERRED,
            "FTA": TermStatus.FORBIDDEN,
        }
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ConceptTable)


async def test_focused_row_has_a_marker(sample_termbase: TermBase) -> None:
    """The cursor row of the focused table starts with ▶ (seen without colour)."""
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        concepts = app.query_one(ConceptTable)
        assert concepts.render_line(1).text.startswith("▶")
        assert not concepts.render_line(2).text.startswith("▶")
        await pilot.press("tab")
        await pilot.pause()
        assert not concepts.render_line(1).text.startswith("▶")
        terms = app.query_one(TermTable)
        assert terms.get_cell_at(Coordinate(terms.cursor_row, 0)) == "▶"


async def test_command_palette_lists_each_action_once(
    sample_termbase: TermBase,
) -> None:
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles))
        assert "Approve \\[a]" in titles  # shown as "Approve [a]"
        await pilot.press("ctrl+p")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompts = [
            str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
        ]
        approve = next(p for p in prompts if p.startswith("Approve"))
        assert approve.splitlines() == [
            "Approve [a]",
            "Approve the concept (or the marked ones)",
        ]


async def test_approve_reject_candidate(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    app = make_app(tb)
    async with _running(app, "sivak") as pilot:
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
    async with _running(app, "kind:place") as pilot:
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
    async with _running(app, "flag:ambiguous") as pilot:
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
    async with _running(app) as pilot:
        await pilot.press("m", "escape")
        assert len(sample_termbase.concepts()) == 10
        assert sample_termbase.history() == []


async def test_split_edit_and_term_status(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "org:fta")
    app = make_app(tb)
    async with _running(app, "free trade") as pilot:
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
        await pilot.press("s", "home", *["down"] * 5, "enter")  # kind: other
        assert len(tb.concepts()) == 11
        assert [t.text for t in tb.concept(cid).terms] == ["FTA"]
        assert len(app.rows) == 11
        new = tb.find("Free Trade Agreement (FTA)")[0]
        assert new.kind is Kind.OTHER  # its own kind, not the parent's (org)
        assert tb.concept(cid).kind is Kind.ORG


async def test_add_translation_kind_note(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "term:circulareconomy")
    app = make_app(tb)
    async with _running(app, "circular") as pilot:
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
    async with _running(app, "ha noi") as pilot:
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
    async with _running(app) as pilot:
        await pilot.press("5")
        await _ready(app, pilot)  # sorting runs in a worker
        assert _labels(app)[0] == "Prime Minister"  # 11 occurrences
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
    out = tmp_path / "out.json"
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Switch).value is False  # as `glossary export`
        app.screen.query_one("#path", Input).value = str(out)
        app.screen.query_one(Switch).value = True
        await pilot.pause()
        await pilot.click("#ok")
        await _ready(app, pilot)
        assert out.exists()
        assert "Thủ tướng" in out.read_text(encoding="utf-8")  # approved only
        assert "Anatoly Sivak" not in out.read_text(encoding="utf-8")
        assert any("wrote 1 concept to" in n.message for n in app._notifications)


async def test_export_format_follows_extension(
    sample_termbase: TermBase, tmp_path: Path
) -> None:
    """A .po path with TBX picked before writes a PO file, not TBX XML."""
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        await pilot.press("x")
        dialog = app.screen
        assert dialog.query_one("#fmt-tbx", RadioButton).value
        dialog.query_one("#path", Input).value = str(tmp_path / "out.po")
        await pilot.pause()
        assert dialog.query_one("#fmt-po", RadioButton).value
        dialog.query_one("#fmt-pot", RadioButton).value = True  # suffix follows
        await pilot.pause()
        assert dialog.query_one("#path", Input).value.endswith("out.pot")
        dialog.query_one("#fmt-tbx2008", RadioButton).value = True
        await pilot.pause()
        await pilot.click("#ok")
        await _ready(app, pilot)
        text = (tmp_path / "out.tbx").read_text(encoding="utf-8")
        assert "<martif" in text  # TBX 2008, all concepts by default
        assert "Anatoly Sivak" in text


def test_export_mismatch_is_refused() -> None:
    assert mismatch("out.po", "tbx") == "out.po is a PO file name, not tbx"
    assert mismatch("out.tbx", "tbx2008") is None
    assert mismatch("out.glossary", "csv") is None  # no known extension: as picked


async def test_export_to_unwritable_path_notifies(sample_termbase: TermBase) -> None:
    pytest.importorskip("glossary.exchange")
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
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
        async with _running(app) as pilot:
            other._conn.execute("BEGIN IMMEDIATE")
            await pilot.press("a")
            await pilot.pause()
            other._conn.execute("ROLLBACK")
            assert any("locked" in n.message for n in app._notifications)
            assert tb.history() == []
    finally:
        other.close()
        tb.close()


async def test_a_concept_changed_by_another_reviewer_is_shown_again(
    tmp_path: Path,
) -> None:
    """Another reviewer changes the concept on screen; approving it is
    refused with who changed it, the pane shows their change, and a second
    approve (the change now seen) goes through."""
    path = tmp_path / "g.db"
    fill_sample(TermBase(path)).close()
    tb, other = TermBase(path, user="an"), TermBase(path, user="binh")
    app = make_app(tb)
    try:
        async with _running(app) as pilot:
            cid = app.query_one(ConceptTable).current_id
            assert cid is not None
            other.update_concept(cid, note="seen by Binh")
            await pilot.press("a")
            await _ready(app, pilot)
            refused = [n.message for n in app._notifications if "binh" in n.message]
            assert refused
            assert refused[0].endswith("; reloaded")
            assert tb.concept(cid).status is ConceptStatus.CANDIDATE
            title = app.query_one("#title", Static)
            assert "seen by Binh" in str(title.render())
            await pilot.press("a")
            await _ready(app, pilot)
            assert tb.concept(cid).status is ConceptStatus.APPROVED
            assert tb.history()[0].who == "an"
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
    assert rank("pham", rows, chinh)[0].label == "Pham Minh Chinh"
    assert rank("ha noi", rows, chinh)[0].label == "Hanoi"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_layout_fits(sample_termbase: TermBase, size: tuple[int, int]) -> None:
    """More than 6 concept rows at 80×24; the term table is never cut."""
    app = make_app(sample_termbase)
    async with app.run_test(size=size) as pilot:
        await _ready(app, pilot)
        table = app.query_one(ConceptTable)
        assert table.scrollable_content_region.height - 1 > 6  # minus the header
        terms = app.query_one(TermTable)
        assert terms.virtual_size.width <= terms.scrollable_content_region.width


async def test_undo_puts_the_row_back_in_sort_order(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    app = make_app(tb)
    async with _running(app, "flag:ambiguous") as pilot:
        await pilot.press("m", *"pham minh", "enter")  # Chinh goes
        await pilot.pause()
        await _filter(app, pilot, "")
        await pilot.press("u")  # Chinh comes back: second, not last
        assert _labels(app) == FILTERS[""]
        assert [r.label for r in app.rows] == FILTERS[""]


async def test_fixing_a_name_drops_unrestored(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _key_id(tb, "other:chinh")
    tb.update_concept(cid, flags=frozenset({Flag.UNRESTORED}))
    app = make_app(tb)
    async with _running(app, "flag:unrestored") as pilot:
        assert [r.id for r in app.shown] == [cid]
        await pilot.press("e", "ctrl+u", *"Chính", "enter")
        assert Flag.UNRESTORED not in tb.concept(cid).flags
        assert Flag.UNRESTORED not in app._summary(cid).flags  # type: ignore[union-attr]
        await pilot.press("u")  # undo brings the flag back
        assert Flag.UNRESTORED in tb.concept(cid).flags


async def test_quick_add_concept(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    app = make_app(tb)
    async with _running(app) as pilot:
        await _filter(app, pilot, "sivak")  # the new concept shows all the same
        await pilot.press("N", *"Ministry of Health = Bộ Y tế", "enter")
        await pilot.press("home", *["down"] * 2, "enter")  # person place org
        (concept,) = tb.find("Ministry of Health")
        assert concept.kind is Kind.ORG
        assert [(t.text, t.lang, t.status) for t in concept.terms] == [
            ("Ministry of Health", "en", TermStatus.PREFERRED),
            ("Bộ Y tế", "vi", TermStatus.PREFERRED),
        ]
        assert app.query_one(ConceptTable).current_id == concept.id
        assert app.shown[app.query_one(ConceptTable).cursor_row].target == "Bộ Y tế"
        await _ready(app, pilot)
        assert app.query_one(ConceptTable).current_id == concept.id
        assert len(app.shown) == 11


def test_quick_terms() -> None:
    assert quick_terms("Hanoi = Hà Nội") == [("Hanoi", "en"), ("Hà Nội", "vi")]
    assert quick_terms(" = Bộ Y tế") == [("Bộ Y tế", "vi")]
    assert quick_terms("vi: Bộ Y tế") == [("Bộ Y tế", "vi")]
    assert quick_terms("circular economy") == [("circular economy", "en")]
    assert quick_terms("  ") == []


async def test_check_a_file_shows_findings_by_concept(
    sample_termbase: TermBase,
) -> None:
    tb = sample_termbase
    article = Path(__file__).parent.parent / "data/tui/unmarked_names.txt"
    app = make_app(tb)
    async with _running(app) as pilot:
        await pilot.press("f")
        app.screen.query_one(Input).value = str(article)
        await pilot.press("enter")
        await _ready(app, pilot)
        pm = _key_id(tb, "person:phamminhchinh")
        assert set(app.findings) == {pm, _key_id(tb, "place:hanoi")}
        await _filter(app, pilot, "pham minh")
        pane = app.query_one("#findings", Static)
        assert pane.display
        text = str(pane.render())
        assert "unmarked_names.txt:1 name-variant:" in text
        assert "Phạm Minh Chính" in text
        await _filter(app, pilot, "sivak")
        assert not app.query_one("#findings-heading").display
        await pilot.press("f")
        app.screen.query_one(Input).value = "/nonexistent/file.po"
        await pilot.press("enter")
        await _ready(app, pilot)
        assert any(n.severity == "error" for n in app._notifications)


async def test_the_focused_filter_box_keeps_a_line_for_the_text(
    sample_termbase: TermBase,
) -> None:
    # Input's focus border took the box's one line: what was typed was hidden
    app = make_app(sample_termbase)
    async with _running(app) as pilot:
        await pilot.press("slash", *"bel")
        box = app.query_one("#filter", Input)
        assert app.focused is box
        assert box.value == "bel"
        assert box.content_region.height == 1
        assert box.region.height == 1
