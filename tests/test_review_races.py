"""Two reviewers' steps crossing each other, as the load test
(tests/test_load.py) met them, on both engines."""

from __future__ import annotations

from typing import Any, cast

import pytest
from conftest import SEEDS, concept_id, fill_sample

from glossary.build import build
from glossary.errors import ConflictError
from glossary.model import TermStatus
from glossary.review import Review
from glossary.store import TermStore, open_store, problems
from glossary.store.tables.terms import TermTables


def _term_id(tb: TermStore, text: str) -> int:
    concept = tb.find(text)[0]
    found = next(t.id for t in concept.terms if t.text == text)
    assert found is not None
    return found


def test_a_deleted_concepts_id_is_never_given_again(
    sample_termbase: TermStore,
) -> None:
    # a split, then its undo, deletes the new concept; a build or a reviewer
    # making the next concept must not take its id (the log, seen versions
    # and undo steps name it)
    tb = sample_termbase
    review = Review(tb)
    made = review.split(_term_id(tb, "Sivak")).created[0]
    term = tb.concept(made).terms[0].id
    review.undo()
    added = review.add_concept("person", [("Lê Hồng Lộc", "vi")]).created[0]
    assert added > made
    assert all(t.id != term for t in tb.concept(added).terms)
    with tb.transaction():
        out = tb.bulk()
        assert out.add_concept(tb.concept(added)) > added


def test_undoing_a_split_whose_source_was_merged_away_is_refused(
    sample_termbase: TermStore,
) -> None:
    tb = sample_termbase
    ann, bob = Review(tb), Review(tb)
    sivak, hanoi = concept_id(tb, "Sivak"), concept_id(tb, "Hà Nội")
    made = ann.split(_term_id(tb, "Sivak")).created[0]
    bob.look(sivak)
    bob.look(hanoi)
    bob.merge(sivak, hanoi)  # the split's source is gone
    before = tb.snapshot([sivak, hanoi, made])
    with pytest.raises(ConflictError):
        ann.undo()  # refused once: changed by someone else since
    with pytest.raises(ConflictError, match="nothing was undone"):
        ann.undo()  # the term cannot go back to a concept that is gone
    assert tb.snapshot([sivak, hanoi, made]).rows == before.rows


def test_a_built_concept_has_a_preferred_term_when_a_reviewer_holds_its_own(
    termbase: TermStore,
) -> None:
    # 'defence' is term:defense's only preferred term in the seeds; a
    # reviewer's concept holding it keeps it, and the build's concept makes
    # its admitted 'defense' preferred instead of having none
    tb = termbase
    mine = Review(tb).add_concept("term", [("defence", "en")]).created[0]
    build(tb, [str(SEEDS)])
    assert [t.text for t in tb.concept(mine).terms] == ["defence"]
    built = tb.concept_by_key("term:defense")
    assert built is not None
    assert [(t.text, t.status) for t in built.terms] == [
        ("defense", TermStatus.PREFERRED)
    ]
    if tb.path != ":memory:":
        assert problems(tb.path) == []


def test_splitting_off_a_concepts_only_preferred_term_prefers_another(
    sample_termbase: TermStore,
) -> None:
    # Hưng Yên: 'Hưng Yên' (vi) preferred, 'Hung Yen' (en) admitted; with
    # no Vietnamese term left, the English one becomes preferred
    tb = sample_termbase
    source = tb.find("Hưng Yên")[0].id
    assert source is not None
    Review(tb).split(_term_id(tb, "Hưng Yên"))
    assert [(t.text, t.status) for t in tb.concept(source).terms] == [
        ("Hung Yen", TermStatus.PREFERRED)
    ]


def test_a_term_moved_since_it_was_seen_is_refused_once(
    sample_termbase: TermStore,
) -> None:
    tb = sample_termbase
    ann, bob = Review(tb), Review(tb)
    sivak, hanoi = concept_id(tb, "Sivak"), concept_id(tb, "Hà Nội")
    ann.look(sivak)
    term = _term_id(tb, "Sivak")
    bob.look(sivak)
    bob.look(hanoi)
    bob.merge(sivak, hanoi)
    with pytest.raises(ConflictError, match=f"term {term} was moved from concept"):
        ann.split(term)  # ann saw it in Sivak's concept, not in Hà Nội's
    assert tb.concept_of_term(term) == hanoi
    made = ann.split(term).created[0]  # seen where it is now: it goes through
    assert tb.concept_of_term(term) == made


def test_undoing_a_merge_leaves_its_target_a_preferred_term(
    sample_termbase: TermStore,
) -> None:
    # ann merges Phạm Minh Chính's concept into the FTA's; bob splits 'Free
    # Trade Agreement' off, which makes the merged 'Chính' (most seen) the
    # target's preferred term; ann's undo takes 'Chính' home (its status was
    # no value her merge changed): the target must not be left with none
    tb = sample_termbase
    ann, bob = Review(tb), Review(tb)
    fta, chinh = concept_id(tb, "FTA"), concept_id(tb, "Phạm Minh Chính")
    ann.look(fta)
    ann.look(chinh)
    ann.merge(chinh, fta)
    bob.look(fta)
    bob.split(_term_id(tb, "Free Trade Agreement"))
    assert ("Chính", TermStatus.PREFERRED) in [
        (t.text, t.status) for t in tb.concept(fta).terms
    ]
    with pytest.raises(ConflictError):
        ann.undo()  # refused once: changed by someone else since
    ann.undo()
    assert [(t.text, t.status) for t in tb.concept(fta).terms] == [
        ("FTA", TermStatus.PREFERRED)
    ]
    assert tb.concept(chinh).terms[0].status is TermStatus.PREFERRED
    if tb.path != ":memory:":
        assert problems(tb.path) == []


def test_an_undo_that_would_empty_a_concept_is_refused(
    sample_termbase: TermStore,
) -> None:
    # ann merges Hưng Yên's concept into circular economy's; bob splits
    # 'circular economy' off (the merged 'Hung Yen' becomes preferred): the
    # undo would leave the target with no term at all
    tb = sample_termbase
    ann, bob = Review(tb), Review(tb)
    target, hung_yen = concept_id(tb, "circular economy"), concept_id(tb, "Hưng Yên")
    ann.look(target)
    ann.look(hung_yen)
    ann.merge(hung_yen, target)
    bob.look(target)
    bob.split(_term_id(tb, "circular economy"))
    with pytest.raises(ConflictError):
        ann.undo()  # refused once: changed by someone else since
    before = tb.snapshot([target, hung_yen])
    with pytest.raises(ConflictError, match="nothing was undone"):
        ann.undo()
    assert tb.snapshot([target, hung_yen]).rows == before.rows


def test_undoing_a_split_whose_new_concept_took_others_terms_is_refused(
    sample_termbase: TermStore,
) -> None:
    # ann splits 'Free Trade Agreement' off into a new concept; bob merges
    # Hưng Yên's concept into that new one; ann's undo would drop the new
    # concept and, with it, Hưng Yên's terms: it must be refused
    tb = sample_termbase
    ann, bob = Review(tb), Review(tb)
    fta, hung_yen = concept_id(tb, "FTA"), concept_id(tb, "Hưng Yên")
    ann.look(fta)
    new = ann.split(_term_id(tb, "Free Trade Agreement")).created[0]
    bob.look(new)
    bob.look(hung_yen)
    bob.merge(hung_yen, new)
    kept = {t.text for t in tb.concept(new).terms}
    assert "Hưng Yên" in kept
    with pytest.raises(ConflictError):
        ann.undo()  # refused once: changed by someone else since
    with pytest.raises(ConflictError, match="nothing was undone"):
        ann.undo()
    assert {t.text for t in tb.concept(new).terms} == kept
    if tb.path != ":memory:":
        assert problems(tb.path) == []


def test_a_concept_is_read_from_one_state_while_a_reviewer_writes(
    durable_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the concept's row and its terms are two statements: a split committed
    # between them must not give the row of before with the terms of after
    fill_sample(open_store(durable_target)).close()
    reader, writer = open_store(durable_target), open_store(durable_target)
    try:
        sivak = concept_id(reader, "Sivak")
        before = reader.concept(sivak)
        read_terms = cast(TermTables, reader)._terms_of

        def split_then_read(*args: Any, **kwargs: Any) -> Any:
            Review(writer).split(_term_id(writer, "Sivak"))
            return read_terms(*args, **kwargs)

        monkeypatch.setattr(reader, "_terms_of", split_then_read)
        assert reader.concept(sivak) == before
        monkeypatch.undo()
        assert [t.text for t in reader.concept(sivak).terms] != [
            t.text for t in before.terms
        ]
    finally:
        reader.close()
        writer.close()
