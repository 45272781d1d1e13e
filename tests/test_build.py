"""The build pipeline on the seeds: concepts, incremental rebuilds, review decisions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, SHARED

from glossary import pipeline
from glossary import review as service
from glossary.build import BuildReport, apply_candidates, build, content_hash
from glossary.made_apart import made_apart
from glossary.model import Concept, ConceptStatus, Kind, Occurrence, TermStatus
from glossary.pipeline import extract, part, propose
from glossary.reader import read_inputs
from glossary.store import ConceptSummary, TermBase, TermStore, open_store
from glossary.store.tables import bulk


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may edit."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


@pytest.fixture
def built(seeds: Path, durable_target: str) -> Iterator[tuple[TermStore, BuildReport]]:
    """The seeds built into a term base, on each engine in turn."""
    tb = open_store(durable_target)
    report = build(tb, [str(seeds)])
    yield tb, report
    tb.close()


def _one(tb: TermStore, name: str, kind: Kind) -> Concept:
    found = [c for c in tb.find(name) if c.kind is kind]
    assert len(found) == 1, [c.label for c in found]
    return found[0]


def _texts(c: Concept) -> set[str]:
    return {t.text for t in c.terms}


def test_seed_build_report(built: tuple[TermStore, BuildReport]) -> None:
    tb, report = built
    assert report.ok
    assert (report.documents, report.processed, report.unchanged) == (5, 5, 0)
    assert report.new == sum(report.by_kind.values()) == tb.counts()["concepts"]
    assert report.by_kind["person"] > 0
    assert report.by_kind["term"] > 0


def test_person_with_aliases(built: tuple[TermStore, BuildReport]) -> None:
    tb, _ = built
    pm = _one(tb, "pham minh chinh", Kind.PERSON)
    assert pm.label == "Phạm Minh Chính"
    assert {"Phạm Minh Chính", "Pham Minh Chinh", "PM Chính"} <= _texts(pm)
    assert all(t.evidence for t in pm.terms)


def test_place_and_terms(built: tuple[TermStore, BuildReport]) -> None:
    tb, _ = built
    hanoi = _one(tb, "Hà Nội", Kind.PLACE)
    assert hanoi.label == "Hà Nội"
    for term in ("digital transformation", "agricultural machinery", "clean energy"):
        concept = _one(tb, term, Kind.TERM)
        assert concept.label == term
        assert tb.occurrences(concept.id or 0)


def test_unchanged_rebuild_reprocesses_nothing(
    built: tuple[TermStore, BuildReport], seeds: Path
) -> None:
    tb, _ = built
    before = tb.summaries()
    again = build(tb, [str(seeds)])
    assert (again.processed, again.unchanged) == (0, 5)
    assert (again.new, again.updated) == (0, 0)
    assert again.mentions == 0  # nothing changed: clustering was skipped
    assert tb.summaries() == before


def test_changed_document_replaces_its_occurrences(
    built: tuple[TermStore, BuildReport], seeds: Path
) -> None:
    tb, _ = built
    machinery = _one(tb, "agricultural machinery", Kind.TERM)
    doc = next(
        p for p in sorted(seeds.iterdir()) if "agricultural machinery" in p.read_text()
    )
    doc.write_text(doc.read_text() + "\nThey also discussed agricultural machinery.\n")
    again = build(tb, [str(seeds)])
    assert (again.processed, again.unchanged) == (1, 4)
    after = tb.concept(machinery.id or 0)
    assert after.terms[0].count == machinery.terms[0].count + 1
    assert len(tb.occurrences(after.id or 0, limit=100)) == after.terms[0].count


def test_more_files_add_to_the_same_base(seeds: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in seeds.iterdir())
    with TermBase(tmp_path / "g.db") as tb:
        first = build(tb, files[:2])
        second = build(tb, files)
        assert (second.processed, second.unchanged) == (3, 2)
        assert second.new > 0
        assert first.new + second.new >= tb.counts()["concepts"]


def test_review_decisions_survive_rebuild(
    built: tuple[TermStore, BuildReport], seeds: Path
) -> None:
    tb, _ = built
    review = service.Review(tb)
    pm = _one(tb, "Phạm Minh Chính", Kind.PERSON)
    review.approve(pm.id or 0)
    review.set_note(pm.id or 0, "Prime Minister of Việt Nam since 2021")
    rejected = _one(tb, "circular economy", Kind.TERM)
    review.reject(rejected.id or 0)
    digital = _one(tb, "digital transformation", Kind.TERM)
    review.add_term(digital.id or 0, "chuyển đổi số", "vi")
    energy = _one(tb, "clean energy", Kind.TERM)
    (energy_term,) = energy.terms
    review.edit_term(energy_term.id or 0, "clean-energy sources")
    source = _one(tb, "bilateral relations", Kind.TERM)
    target = _one(tb, "trade relations", Kind.TERM)
    review.merge(source.id or 0, target.id or 0)
    chinh_short = next(t for t in pm.terms if t.text == "PM Chính")
    split_id = review.split(chinh_short.id or 0).created[0]

    # Touch every document so that the rebuild really re-extracts them all.
    for path in seeds.iterdir():
        path.write_text(path.read_text() + "\n")
    again = build(tb, [str(seeds)])
    assert again.processed == 5

    pm_after = tb.concept(pm.id or 0)
    assert pm_after.status is ConceptStatus.APPROVED
    assert pm_after.note == "Prime Minister of Việt Nam since 2021"
    assert pm_after.label == "Phạm Minh Chính"
    assert "PM Chính" not in _texts(pm_after)
    assert _texts(tb.concept(split_id)) == {"PM Chính"}

    assert tb.concept(rejected.id or 0).status is ConceptStatus.REJECTED
    assert [c.id for c in tb.find("circular economy")] == [rejected.id]

    vi = tb.concept(digital.id or 0).preferred("vi")
    assert vi is not None
    assert vi.text == "chuyển đổi số"

    energy_after = tb.concept(energy.id or 0)
    edited = energy_after.preferred("en")
    assert edited is not None
    assert (edited.text, edited.status) == (
        "clean-energy sources",
        TermStatus.PREFERRED,
    )
    assert edited.manual

    assert [c.id for c in tb.find("bilateral relations")] == [target.id]
    assert {"bilateral relations", "trade relations"} <= _texts(
        tb.concept(target.id or 0)
    )


def test_interrupted_store_phase_leaves_base_unchanged(
    built: tuple[TermStore, BuildReport], seeds: Path
) -> None:
    tb, _ = built
    before = tb.summaries()

    def interrupt(phase: str, done: int, total: int) -> None:
        if phase == "store":
            raise KeyboardInterrupt

    new = seeds / "extra.txt"
    new.write_text(
        "Officials discussed renewable energy and renewable energy policy.\n"
    )
    with pytest.raises(KeyboardInterrupt):
        build(tb, [str(seeds)], progress=interrupt)
    assert tb.summaries() == before
    # The extraction was kept: the next build only clusters and stores.
    report = build(tb, [str(seeds)])
    assert (report.processed, report.unchanged) == (0, 6)
    assert tb.find("renewable energy")


def test_bad_inputs_are_skipped_and_reported(tmp_path: Path) -> None:
    from conftest import DATA

    with TermBase(":memory:") as tb:
        report = build(tb, [str(DATA / "input")])
    assert not report.ok
    # utf8_bom.txt and utf16_bom.txt hold one text: built once
    assert (report.documents, report.copies) == (1, 1)
    assert sorted(Path(e.path).name for e in report.skipped) == [
        "binary.txt",
        "latin1.txt",
    ]
    assert [Path(p).name for p in report.empty] == ["empty.txt"]


def _evidence(tb: TermStore) -> list[tuple[str, str, str, str]]:
    return sorted(
        (t.text, e.rule, e.document, e.detail)
        for c in tb.concepts(with_evidence=True)
        for t in c.terms
        for e in t.evidence
    )


def test_rebuild_keeps_one_copy_of_placeless_evidence(
    built: tuple[TermStore, BuildReport], seeds: Path
) -> None:
    tb, _ = built
    before = _evidence(tb)
    assert any(doc == "" for _, _, doc, _ in before)  # e.g. gazetteer matches
    for path in seeds.iterdir():
        path.write_text(path.read_text() + "\n")
    assert build(tb, [str(seeds)]).processed == 5
    assert _evidence(tb) == before


def test_collector_paused_during_a_build_and_restored(tmp_path: Path) -> None:
    import gc

    from glossary.build import build_documents
    from glossary.model import Document, Mention
    from glossary.pipeline import extract

    states: list[bool] = []

    def extractor(doc: Document) -> tuple[str, list[Mention]]:
        states.append(gc.isenabled())
        return extract(doc)

    path = min(SEEDS.glob("*.txt"))
    doc = Document(str(path), path.read_text("utf-8"))
    assert gc.isenabled()
    with TermBase(tmp_path / "g.db") as tb:
        report = build_documents(tb, [doc], extractor=extractor)
    assert states == [False]
    assert gc.isenabled()
    assert report.new > 0


def test_the_cache_key_covers_every_module_a_build_runs(tmp_path: Path) -> None:
    # code a build runs outside the hashed core modules could change
    # the mentions or clusters without invalidating the cache (a module
    # compiled by mypyc is known by its source: glossary/native.py keeps
    # the two the same)
    script = (
        "import sys\n"
        "from glossary.build import build, core_modules\n"
        "from glossary.store import TermBase\n"
        f"with TermBase({str(tmp_path / 'g.db')!r}) as tb:\n"
        f"    build(tb, [{str(SEEDS)!r}])\n"
        "hashed = set(core_modules())\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name.startswith('glossary.'):\n"
        "        path = Path(module.__file__).resolve()\n"
        "        source = path.with_name(path.name.split('.')[0] + '.py')\n"
        "        print(name, source in hashed)\n"
    )
    script = "from pathlib import Path\n" + script
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    loaded = dict(line.split() for line in out.splitlines())
    assert loaded["glossary.cluster.corpus"] == "True"
    assert loaded["glossary.extract.english"] == "True"
    assert {name for name, hashed in loaded.items() if hashed != "True"} == set()


def test_same_sources_under_another_path_are_not_built_twice(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    with TermBase(tmp_path / "g.db") as tb:
        build(tb, ["seeds"])
        counts = tb.counts()
        again = build(tb, [str(seeds.resolve())])
        assert (again.processed, again.unchanged) == (0, 5)
        assert tb.counts() == counts
        shutil.copy(next(seeds.glob("*.txt")), seeds / "copy.txt")
        copied = build(tb, ["seeds"])
        assert copied.copies == 1
        assert tb.counts() == counts


def test_prune_forgets_deleted_sources(seeds: Path, tmp_path: Path) -> None:
    with TermBase(tmp_path / "g.db") as tb:
        build(tb, [str(seeds)])
        full = tb.counts()["concepts"]
        sorted(seeds.glob("*.txt"))[1].unlink()
        kept = build(tb, [str(seeds)])
        assert tb.counts()["concepts"] == full  # without --prune: kept
        assert kept.pruned == 0
        pruned = build(tb, [str(seeds)], prune=True)
        assert pruned.pruned == 1
        assert tb.counts()["concepts"] < full
        assert len(tb.document_hashes()) == 4


NEWS_DEV = SHARED / "corpus" / "news-dev"


def _stored(tb: TermStore) -> tuple[list[Concept], list[ConceptSummary]]:
    """What a build stored: concepts with evidence, and each one's sizes."""
    return list(tb.concepts(with_evidence=True)), list(tb.summaries())


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="news-dev missing")
def test_a_streamed_build_stores_what_the_corpus_in_memory_gives(
    tmp_path: Path,
) -> None:
    # A build reads, extracts and stores one document and one candidate at a
    # time; the term base is the one of every document's part and every
    # candidate held at once, as builds did
    inputs = [str(SEEDS), *map(str, sorted(NEWS_DEV.glob("*.txt"))[:8])]
    with TermBase(tmp_path / "streamed.db") as tb:
        assert build(tb, inputs).ok
        streamed = _stored(tb)
    with TermBase(tmp_path / "whole.db") as tb:
        for doc in read_inputs(inputs).documents:
            lang, mentions = extract(doc)
            tb.cache_mentions(doc.path, content_hash(doc), mentions, lang)
        parts = [part(path, ms or []) for path, ms in tb.cached_documents()]
        apply_candidates(tb, propose(parts))
        whole = _stored(tb)
    assert len(streamed[0]) > 200
    assert streamed == whole


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="news-dev missing")
def test_names_made_in_a_forked_child_store_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a large build makes its last candidates in a child (made_apart), which
    # small ones do not: the same concepts, evidence and occurrences
    inputs = [str(SEEDS), *map(str, sorted(NEWS_DEV.glob("*.txt"))[:8])]
    apart = []

    def spied(*args: Any) -> Any:
        apart.append(True)
        return made_apart(*args)

    monkeypatch.setattr(pipeline, "made_apart", spied)
    stored = []
    for least in (10**9, 1):
        monkeypatch.setattr(pipeline, "APART_MIN", least)
        with TermBase(tmp_path / f"{least}.db") as tb:
            assert build(tb, inputs).ok
            stored.append((_stored(tb), _with_occurrences(tb)))
    assert apart == [True]
    assert len(stored[0][0][0]) > 200
    assert stored[0] == stored[1]


def test_a_build_interrupted_while_reading_leaves_the_base_as_it_was(
    built: tuple[TermStore, BuildReport], seeds: Path, tmp_path: Path
) -> None:
    tb, _ = built
    before = _stored(tb)
    for path in sorted(seeds.glob("*.txt")):
        path.write_text(path.read_text() + "\nThe World Bank met in Geneva.\n")

    def interrupt(phase: str, done: int, total: int) -> None:
        if phase == "extract" and done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(tb, [str(seeds)], progress=interrupt)
    assert _stored(tb) == before
    report = build(tb, [str(seeds)])
    assert report.processed + report.unchanged == 5
    with TermBase(tmp_path / "fresh.db") as fresh:
        build(fresh, [str(seeds)])
        assert {(c.kind, c.label) for c in tb.concepts()} == {
            (c.kind, c.label) for c in fresh.concepts()
        }


def _with_occurrences(tb: TermStore) -> list[tuple[Concept, list[Occurrence]]]:
    return [(c, sorted(tb.occurrences(c.id or 0, limit=10_000))) for c in tb.concepts()]


def _in_memory(tb: TermStore, path: Path) -> TermBase:
    """The term base at `path` updated from `tb`'s cache clustered in memory,
    as builds did."""
    whole = TermBase(path)
    for doc, mentions in tb.cached_documents():
        whole.cache_mentions(doc, tb.document_hash(doc) or "", mentions or [])
    parts = [part(doc, ms or []) for doc, ms in whole.cached_documents()]
    apply_candidates(whole, propose(parts))
    return whole


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="news-dev missing")
@pytest.mark.parametrize("case", ["reversed", "one-changed"])
def test_a_streamed_build_out_of_order_or_partial_stores_the_same(
    case: str, tmp_path: Path
) -> None:
    # inputs out of path order make the corpus stage start again from the
    # cache; a rebuild takes the cached documents between the changed ones:
    # either way the concepts, evidence and occurrences of the whole corpus
    news = tmp_path / "news"
    news.mkdir()
    for p in sorted(NEWS_DEV.glob("*.txt"))[:8]:
        shutil.copy(p, news / p.name)
    inputs = [str(SEEDS), *map(str, sorted(news.glob("*.txt")))]
    before = tmp_path / "before.db"
    with TermBase(tmp_path / "streamed.db") as tb:
        if case == "reversed":
            assert build(tb, inputs[::-1]).ok
        else:
            assert build(tb, inputs).ok
            with TermBase(before) as copy:
                for doc, mentions in tb.cached_documents():
                    copy.cache_mentions(
                        doc, tb.document_hash(doc) or "", mentions or []
                    )
                apply_candidates(
                    copy,
                    propose([part(d, ms or []) for d, ms in copy.cached_documents()]),
                )
            third = sorted(news.glob("*.txt"))[3]
            third.write_text(third.read_text() + "\nThe World Bank met in Geneva.\n")
            assert build(tb, inputs).processed == 1
        streamed = _stored(tb), _with_occurrences(tb)
        with _in_memory(tb, before) as whole:
            assert (_stored(whole), _with_occurrences(whole)) == streamed
    assert len(streamed[0][0]) > 200


def _built_and_reviewed(
    seeds: Path, db: Path
) -> list[tuple[Concept, list[Occurrence]]]:
    """Seeds built, reviewed (approve, merge, split, manual term), edited and
    built again: what the term base holds then."""
    with TermBase(db) as tb:
        build(tb, [str(seeds)])
        review = service.Review(tb)
        pm = _one(tb, "Phạm Minh Chính", Kind.PERSON)
        review.approve(pm.id or 0)
        chinh_short = next(t for t in pm.terms if t.text == "PM Chính")
        review.split(chinh_short.id or 0)
        source = _one(tb, "bilateral relations", Kind.TERM)
        target = _one(tb, "trade relations", Kind.TERM)
        review.merge(source.id or 0, target.id or 0)
        digital = _one(tb, "digital transformation", Kind.TERM)
        review.add_term(digital.id or 0, "chuyển đổi số", "vi")
        for path in seeds.iterdir():
            path.write_text(path.read_text() + "\nThe World Bank met in Geneva.\n")
        build(tb, [str(seeds)])
        return _with_occurrences(tb)


def test_a_build_writing_its_rows_in_batches_stores_the_same(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the bulk writer writes new concepts, terms and evidence as they add up
    # (a build of 200 MB of text has a hundred thousand concepts); what it
    # stores, on a first build and on a rebuild after review, does not
    # depend on where the batches end
    whole = _built_and_reviewed(seeds, tmp_path / "whole.db")
    for path in SEEDS.glob("*.txt"):  # the same texts at the same paths
        shutil.copy(path, seeds / path.name)
    monkeypatch.setattr(bulk, "_ROWS", 3)
    batched = _built_and_reviewed(seeds, tmp_path / "batched.db")
    assert len(whole) > 50
    assert batched == whole


def _contexts_used(tb: TermStore) -> tuple[list[int], list[int]]:
    """The sentence ids stored, and those the occurrences refer to."""
    conn = tb._conn  # type: ignore[attr-defined]
    stored = [r[0] for r in conn.execute("SELECT id FROM contexts ORDER BY id")]
    used = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT context_id FROM occurrences ORDER BY context_id"
        )
    ]
    return stored, used


def test_a_build_stores_the_sentences_of_its_occurrences_only(
    seeds: Path, tmp_path: Path
) -> None:
    # the spilled sentences of names are all stored when every name's
    # occurrences are (a first build); once a name is rejected, only those
    # of the occurrences stored, as those of term mentions that made no term
    with TermBase(tmp_path / "tb.db") as tb:
        build(tb, [str(seeds)])
        stored, used = _contexts_used(tb)
        assert len(stored) > 50
        assert stored == used
        service.Review(tb).reject(_one(tb, "Phạm Minh Chính", Kind.PERSON).id or 0)
        for path in seeds.iterdir():
            path.write_text(path.read_text() + "\n")
        build(tb, [str(seeds)])
        stored_again, used_again = _contexts_used(tb)
        assert stored_again == used_again
        assert len(stored_again) < len(stored)
