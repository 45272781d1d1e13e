"""Review use cases: every action commits, logs, marks manual, and can be undone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS

from glossary import review as service
from glossary.build import build
from glossary.errors import ConflictError, GlossaryError, NotFoundError, StaleError
from glossary.model import ConceptStatus, Kind, TermStatus
from glossary.review import Review
from glossary.store import TermBase, TermStore


def _id(tb: TermStore, name: str) -> int:
    found = tb.find(name)
    assert len(found) == 1, found
    assert found[0].id is not None
    return found[0].id


def _term_id(tb: TermBase, concept_id: int, text: str) -> int:
    for t in tb.concept(concept_id).terms:
        if t.text == text:
            assert t.id is not None
            return t.id
    raise AssertionError(text)


def test_approve_and_reject_bulk_log_once(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    a, b = _id(tb, "Anatoly Sivak"), _id(tb, "Hà Nội")
    r = Review(tb)
    r.approve(a, b)
    assert tb.concept(a).status is ConceptStatus.APPROVED
    assert tb.concept(b).status is ConceptStatus.APPROVED
    assert [e.action for e in tb.history()] == ["approve"]
    assert tb.history()[0].payload["ids"] == [a, b]
    r.reject(b)
    assert tb.concept(b).status is ConceptStatus.REJECTED
    assert "place:hanoi" in tb.rejected_keys()


def test_undo_redo_several_steps(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    a = _id(tb, "Anatoly Sivak")
    r = Review(tb)
    r.approve(a)
    r.set_kind(a, "org")
    r.set_note(a, "ghi chú")
    assert tb.concept(a).note == "ghi chú"
    r.undo()
    r.undo()
    c = tb.concept(a)
    assert (c.kind, c.status, c.note) == (
        Kind.PERSON,
        ConceptStatus.APPROVED,
        "role: Deputy Prime Minister",
    )
    r.redo()
    assert tb.concept(a).kind is Kind.ORG
    r.undo()
    r.undo()
    assert tb.concept(a).status is ConceptStatus.CANDIDATE
    with pytest.raises(GlossaryError, match="nothing to undo"):
        r.undo()
    assert [e.action for e in tb.history()][:3] == ["undo", "undo", "redo"]


def test_merge_moves_terms_and_undo_restores_ids(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    source = tb.concept_by_key("other:chinh").id  # type: ignore[union-attr]
    target = tb.concept_by_key("person:phamminhchinh").id  # type: ignore[union-attr]
    assert source is not None
    assert target is not None
    before = tb.concept(target)
    r = Review(tb)
    r.merge(source, target)
    with pytest.raises(GlossaryError):
        tb.concept(source)
    merged = tb.concept(target)
    assert merged.preferred("vi") is not None
    assert merged.preferred("vi").text == "Phạm Minh Chính"  # type: ignore[union-attr]
    assert "Chinh" in {t.text for t in merged.terms}
    assert tb.concept_by_key("other:chinh").id == target  # type: ignore[union-attr]
    r.undo()
    assert tb.concept(source).key == "other:chinh"
    assert tb.concept(target) == before
    assert len(tb.occurrences(target)) == 4


def test_split_makes_new_concept_and_undo_drops_it(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "Anatoly Sivak")
    tid = _term_id(tb, cid, "Sivak")
    r = Review(tb)
    step = r.split(tid)
    (new_id,) = step.created
    new = tb.concept(new_id)
    assert [t.text for t in new.terms] == ["Sivak"]
    assert new.terms[0].is_preferred
    assert new.terms[0].manual
    assert new.kind is Kind.PERSON
    assert tb.occurrences(new_id)[0].text == "Sivak"
    r.undo()
    with pytest.raises(GlossaryError):
        tb.concept(new_id)
    assert "Sivak" in {t.text for t in tb.concept(cid).terms}
    r.redo()
    assert tb.concept(new_id).label == "Sivak"


def test_split_preferred_promotes_next(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "Hà Nội")
    Review(tb).split(_term_id(tb, cid, "Hà Nội"))
    pref = tb.concept(cid).preferred("vi")
    assert pref is not None
    assert pref.text == "HÀ NỘI"
    assert pref.is_preferred


def test_split_only_term_refused(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "circular economy")
    with pytest.raises(GlossaryError, match="only term"):
        Review(tb).split(_term_id(tb, cid, "circular economy"))


def test_add_vietnamese_translation_is_preferred_and_manual(
    sample_termbase: TermBase,
) -> None:
    tb = sample_termbase
    cid = _id(tb, "circular economy")
    Review(tb).add_term(cid, "kinh tê\u0301 tuần hoàn", "vi")  # decomposed on input
    vi = tb.concept(cid).preferred("vi")
    assert vi is not None
    assert vi.text == "kinh tế tuần hoàn"  # stored NFC
    assert vi.is_preferred
    assert vi.manual


def test_set_preferred_demotes_previous(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "Free Trade Agreement")
    fta = _term_id(tb, cid, "FTA")
    Review(tb).set_term_status(fta, "preferred")
    terms = {t.text: t for t in tb.concept(cid).terms}
    assert terms["FTA"].status is TermStatus.PREFERRED
    assert terms["FTA"].manual
    assert terms["Free Trade Agreement"].status is TermStatus.ADMITTED
    Review(tb).set_term_status(fta, TermStatus.FORBIDDEN)
    terms = {t.text: t for t in tb.concept(cid).terms}
    assert terms["Free Trade Agreement"].status is TermStatus.PREFERRED


def test_edit_term_marks_manual_and_refolds(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "Hưng Yên")
    tid = _term_id(tb, cid, "Hung Yen")
    Review(tb).edit_term(tid, "Hưng-Yên", lang="en")
    assert {c.id for c in tb.find("hung yen")} == {cid}
    edited = next(t for t in tb.concept(cid).terms if t.id == tid)
    assert edited.manual
    assert edited.text == "Hưng-Yên"


def test_edit_to_duplicate_is_an_error_and_changes_nothing(
    sample_termbase: TermBase,
) -> None:
    tb = sample_termbase
    cid = _id(tb, "Hà Nội")
    before = tb.concept(cid)
    r = Review(tb)
    with pytest.raises(GlossaryError):
        r.edit_term(_term_id(tb, cid, "HÀ NỘI"), "Hà Nội")
    assert tb.concept(cid) == before
    assert not r.can_undo
    assert tb.history() == []


def test_bad_kind_and_status_are_errors(sample_termbase: TermBase) -> None:
    tb = sample_termbase
    cid = _id(tb, "Hà Nội")
    with pytest.raises(GlossaryError, match="unknown kind"):
        Review(tb).set_kind(cid, "planet")
    with pytest.raises(GlossaryError, match="unknown term status"):
        Review(tb).set_term_status(_term_id(tb, cid, "Hanoi"), "great")


def test_shortcuts_and_persistence(tmp_path: object) -> None:
    from pathlib import Path

    from conftest import fill_sample

    path = Path(str(tmp_path)) / "g.db"
    tb = fill_sample(TermBase(path))
    cid = _id(tb, "Anatoly Sivak")
    service.approve(tb, cid)
    new = service.split(tb, _term_id(tb, cid, "Sivak"))
    tb.close()
    with TermBase(path) as again:
        assert again.concept(cid).status is ConceptStatus.APPROVED
        assert again.concept(new).label == "Sivak"


def test_locked_db_is_a_store_error(tmp_path: object) -> None:
    from pathlib import Path

    from conftest import fill_sample

    path = Path(str(tmp_path)) / "g.db"
    tb = fill_sample(TermBase(path))
    other = TermBase(path)
    other._conn.execute("PRAGMA busy_timeout = 0")
    tb._conn.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(GlossaryError, match="locked"):
            Review(other).approve(1)
    finally:
        tb._conn.execute("ROLLBACK")
        other.close()
        tb.close()


def _occurrence_count(tb: TermBase, concept_id: int) -> int:
    return len(tb.occurrences(concept_id, limit=10_000))


@pytest.fixture
def half_built(tmp_path: Path) -> Iterator[tuple[TermBase, Path, list[Path]]]:
    """A term base built from two seed documents; the other three are kept aside."""
    docs = sorted(SEEDS.glob("*.txt"))
    src = tmp_path / "src"
    src.mkdir()
    for doc in docs[:2]:
        shutil.copy(doc, src / doc.name)
    tb = TermBase(tmp_path / "g.db")
    build(tb, [str(src)])
    yield tb, src, docs[2:]
    tb.close()


def _pm(tb: TermBase) -> int:
    found = [c for c in tb.find("pham minh chinh") if c.kind is Kind.PERSON]
    assert len(found) == 1
    assert found[0].id is not None
    return found[0].id


def test_undo_after_a_build_keeps_the_build_data(
    half_built: tuple[TermBase, Path, list[Path]],
) -> None:
    tb, src, rest = half_built
    pm = _pm(tb)
    r = Review(tb)
    r.approve(pm)
    before = _occurrence_count(tb, pm)
    for doc in rest:
        shutil.copy(doc, src / doc.name)
    build(tb, [str(src)])
    grown = _occurrence_count(tb, pm)
    assert grown > before
    with pytest.raises(
        StaleError, match=rf"^concept {pm} was changed by .*; reloaded$"
    ):
        r.undo()  # the build changed the concept since: refused once, as any action
    assert tb.concept(pm).status is ConceptStatus.APPROVED
    r.undo()
    assert tb.concept(pm).status is ConceptStatus.CANDIDATE
    assert _occurrence_count(tb, pm) == grown  # the build's occurrences stay
    r.redo()
    assert tb.concept(pm).status is ConceptStatus.APPROVED
    assert _occurrence_count(tb, pm) == grown


def test_undo_of_a_split_after_a_build_moves_the_term_back(
    half_built: tuple[TermBase, Path, list[Path]],
) -> None:
    tb, src, rest = half_built
    pm = _pm(tb)
    term = next(t for t in tb.concept(pm).terms if t.text == "PM Chính")
    assert term.id is not None
    r = Review(tb)
    new_id = r.split(term.id).created[0]
    for doc in rest:
        shutil.copy(doc, src / doc.name)
    build(tb, [str(src)])
    total = _occurrence_count(tb, pm) + _occurrence_count(tb, new_id)
    r.look(pm)  # the reviewer sees the build's change first
    r.look(new_id)
    r.undo()
    assert "PM Chính" in {t.text for t in tb.concept(pm).terms}
    with pytest.raises(NotFoundError):
        tb.concept(new_id)
    assert _occurrence_count(tb, pm) == total


def test_undo_refuses_when_another_session_changed_the_same_value(
    sample_termbase: TermBase,
) -> None:
    tb = sample_termbase
    a = _id(tb, "Anatoly Sivak")
    mine = Review(tb)
    mine.approve(a)
    Review(tb).reject(a)  # another session (the TUI) decides otherwise
    with pytest.raises(StaleError, match=r"; reloaded$"):
        mine.undo()
    with pytest.raises(ConflictError, match="changed since"):
        mine.undo()  # seen now, but the value the step changed is not its own
    assert tb.concept(a).status is ConceptStatus.REJECTED
    assert mine.can_undo  # the step stays: nothing was undone


def test_a_stale_action_is_refused_with_who_and_when_then_goes_through(
    durable_target: str,
) -> None:
    """Two reviewers on one term base: the second one's action on a concept
    the first changed since it was shown is refused, naming the first; once
    refused the concept counts as reloaded, and the action goes through."""
    from conftest import fill_sample

    from glossary.store import open_store

    with (
        fill_sample(open_store(durable_target, user="an")) as an_tb,
        open_store(durable_target, user="binh") as binh_tb,
    ):
        an, binh = Review(an_tb), Review(binh_tb)
        cid = _id(an_tb, "Anatoly Sivak")
        note = an.look(cid).note
        binh.look(cid)
        an.set_note(cid, "checked by An")
        when = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
        refused = rf"^concept {cid} was changed by an at {when}; reloaded$"
        with pytest.raises(StaleError, match=refused) as caught:
            binh.reject(cid)
        assert caught.value.concept_ids == (cid,)
        assert binh_tb.concept(cid).status is ConceptStatus.CANDIDATE
        binh.reject(cid)
        assert an_tb.concept(cid).status is ConceptStatus.REJECTED
        assert an_tb.concept(cid).note == "checked by An"
        assert [e.who for e in an_tb.history()] == ["binh", "an"]
        # An's own step is no news to An, and An has not seen Binh's.
        with pytest.raises(StaleError, match="changed by binh"):
            an.approve(cid)
        an.undo()  # undo checks its own way: only what the step changed
        assert an_tb.concept(cid).note == note


def test_the_command_line_records_who(
    durable_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import fill_sample

    from glossary.cli import main
    from glossary.store import open_store

    with fill_sample(open_store(durable_target)):
        pass
    args = ["set-status", "Hà Nội", "approved", "--db", durable_target]
    assert main([*args, "--user", "Chi"]) == 0
    with open_store(durable_target) as tb:
        (entry,) = tb.history()
        assert entry.who == "Chi"
        (version,) = tb.concept_versions([entry.concept_id or 0]).values()
        assert version.by == "Chi"


def test_undo_and_redo_of_a_stale_concept_are_refused_with_who_and_when(
    durable_target: str,
) -> None:
    """Undo and redo check versions as every action does: refused once when
    another reviewer changed the concept since, then they go through (and
    the log says who did each)."""
    from conftest import fill_sample

    from glossary.store import open_store

    with (
        fill_sample(open_store(durable_target, user="an")) as an_tb,
        open_store(durable_target, user="binh") as binh_tb,
    ):
        an, binh = Review(an_tb), Review(binh_tb)
        cid = _id(an_tb, "Anatoly Sivak")
        an.set_note(cid, "checked by An")
        binh.look(cid)
        binh.approve(cid)
        refused = rf"^concept {cid} was changed by binh at .*; reloaded$"
        with pytest.raises(StaleError, match=refused) as caught:
            an.undo()
        assert caught.value.concept_ids == (cid,)
        assert an_tb.concept(cid).note == "checked by An"
        an.undo()
        assert an_tb.concept(cid).note != "checked by An"
        binh.look(cid)
        binh.reject(cid)
        with pytest.raises(StaleError, match=refused):
            an.redo()
        an.redo()
        assert an_tb.concept(cid).note == "checked by An"
        assert an_tb.concept(cid).status is ConceptStatus.REJECTED
        who = [(e.action, e.who) for e in an_tb.history()]
        assert who[:3] == [("redo", "an"), ("reject", "binh"), ("undo", "an")]
