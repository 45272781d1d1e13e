"""Undo and redo never lose a later decision, and every concept a logged
decision touched stays reviewed for a rebuild, on both engines."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS, concept_id, fill_sample

from glossary.build import build
from glossary.errors import ConflictError
from glossary.model import ConceptStatus
from glossary.review import Review
from glossary.store import TermStore, open_store, problems


@pytest.fixture
def sample(durable_target: str) -> Iterator[TermStore]:
    tb = fill_sample(open_store(durable_target))
    yield tb
    tb.close()


def test_undoing_a_redone_merge_never_takes_a_version_back(sample: TermStore) -> None:
    # merge, undo, redo, undo: the source came back at the version it had
    # before the merge, below the one the first undo had logged
    tb = sample
    review = Review(tb)
    sivak, hanoi = concept_id(tb, "Sivak"), concept_id(tb, "Hà Nội")
    review.merge(sivak, hanoi)
    review.undo()
    after_first_undo = tb.concept_versions([sivak])[sivak].number
    review.redo()
    review.undo()
    assert tb.concept_versions([sivak])[sivak].number > after_first_undo
    assert problems(tb.path) == []


def test_a_redone_merge_never_deletes_a_later_approval(sample: TermStore) -> None:
    # ann merges and undoes; bob approves the source; ann's redo would
    # delete it with bob's approval, and her undo after it would bring it
    # back as a candidate at an old version
    tb = sample
    ann, bob = Review(tb), Review(tb)
    sivak, hanoi = concept_id(tb, "Sivak"), concept_id(tb, "Hà Nội")
    ann.merge(sivak, hanoi)
    ann.undo()
    bob.look(sivak)
    bob.approve(sivak)
    with pytest.raises(ConflictError):
        ann.redo()  # refused once: changed by someone else since
    with pytest.raises(ConflictError, match="nothing was undone or redone"):
        ann.redo()
    assert tb.concept(sivak).status is ConceptStatus.APPROVED
    assert problems(tb.path) == []


def test_undoing_a_split_keeps_a_later_approval_of_the_new_concept(
    sample: TermStore,
) -> None:
    tb = sample
    ann, bob = Review(tb), Review(tb)
    sivak = tb.find("Sivak")[0]
    term = next(t.id for t in sivak.terms if t.text == "Sivak")
    assert term is not None
    made = ann.split(term).created[0]
    bob.look(made)
    bob.approve(made)
    with pytest.raises(ConflictError):
        ann.undo()
    with pytest.raises(ConflictError, match="nothing was undone or redone"):
        ann.undo()
    assert tb.concept(made).status is ConceptStatus.APPROVED
    assert problems(tb.path) == []


def test_every_concept_of_an_undone_approval_survives_a_pruning_build(
    durable_target: str, tmp_path: Path
) -> None:
    # approve two concepts in one step and undo it: both were a reviewer's
    # decision, not only the log entry's first concept
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    doc = sorted(seeds.glob("*.txt"))[1]
    with open_store(durable_target) as tb:
        build(tb, [str(seeds)])
        only_there = [
            c.id
            for c in tb.concepts()
            if c.id is not None
            and (found := tb.occurrences(c.id, limit=1000))
            and all(Path(o.document).name == doc.name for o in found)
        ][:2]
        assert len(only_there) == 2
        review = Review(tb)
        review.approve(*only_there)
        review.undo()
        doc.unlink()
        assert build(tb, [str(seeds)], prune=True).pruned > 0
        assert tb.concept_versions(only_there).keys() == set(only_there)
        assert problems(tb.path) == []


def test_a_build_that_changes_a_concept_in_nothing_keeps_its_version(
    durable_target: str, tmp_path: Path
) -> None:
    # a new document about other things: the approval's undo and redo go
    # through; only concepts the build changed count up their versions
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with open_store(durable_target) as tb:
        build(tb, [str(seeds)])
        review = Review(tb)
        hanoi = concept_id(tb, "Hà Nội")
        review.look(hanoi)
        review.approve(hanoi)
        before = tb.concept_versions(c.id for c in tb.concepts() if c.id)
        (seeds / "zz_new.txt").write_text(
            "Finance Minister Trần Văn Bình visited Vinh City on Monday.\n",
            encoding="utf-8",
        )
        build(tb, [str(seeds)])
        after = tb.concept_versions(before)
        review.undo()
        review.redo()
        assert tb.concept(hanoi).status is ConceptStatus.APPROVED
        assert problems(tb.path) == []
    assert after[hanoi] == before[hanoi]
    bumped = {c for c in before if after[c].number != before[c].number}
    assert len(bumped) < len(before) // 10  # the concepts the new text names
