"""The store's build support: the mention cache codec and bulk writes."""

from __future__ import annotations

import inspect
import json
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_CONCEPTS, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract.mention_codec import (
    compressed,
    decode_mentions,
    decode_record,
    encode_mentions,
    encode_record,
)
from glossary.model import Document, Kind, Mention, Occurrence, TermStatus
from glossary.pipeline import extract
from glossary.store import BuildWriter, TermBase, TermStore
from glossary.store.postgresql import PostgresTermBase
from glossary.store.sqlite.schema import SCHEMA_VERSION
from glossary.store.tables import bulk as bulk_module
from glossary.store.tables.bulk import BulkWriter
from glossary.store.tables.rows import ROWS_PER_INSERT, insert_rows

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_MENTION = st.builds(
    Mention,
    text=_TEXT,
    document=st.sampled_from(["a.txt", "dir/b.md", "<stdin>"]),
    start=st.integers(0, 10**7),
    end=st.integers(0, 10**7),
    lang=st.sampled_from(["en", "vi"]),
    kind=st.none() | st.sampled_from(list(Kind)),
    context=st.sampled_from(["", "One sentence.", "Câu thứ hai."]) | _TEXT,
    title=_TEXT,
    source=_TEXT,
    score=st.floats(allow_nan=False),
)


@given(st.lists(_MENTION, max_size=8))
@settings(deadline=None)  # no timed tests (a loaded machine passes 200 ms)
def test_mention_codec_round_trips(mentions: list[Mention]) -> None:
    assert decode_mentions(encode_mentions(mentions)) == mentions
    # what an extraction worker sends: the cache row and the record it holds
    record = encode_record(mentions)
    assert compressed(record) == encode_mentions(mentions)
    assert decode_record(record) == mentions


def _seed_mentions() -> list[Mention]:
    path = min(SEEDS.glob("*.txt"))
    _, mentions = extract(Document(str(path), path.read_text("utf-8")))
    return mentions


def test_codec_shares_sentences_and_is_smaller_than_json() -> None:
    mentions = _seed_mentions()
    assert len({m.context for m in mentions}) < len(mentions)
    decoded = decode_mentions(encode_mentions(mentions))
    assert decoded == mentions
    by_context = {m.context: m.context for m in decoded}
    assert all(m.context is by_context[m.context] for m in decoded)
    old = json.dumps([m.to_dict() for m in mentions], ensure_ascii=False)
    assert len(encode_mentions(mentions)) * 5 < len(old.encode())


def test_cache_rows_of_the_old_json_format_are_still_read(tmp_path: Path) -> None:
    mentions = _seed_mentions()
    old = json.dumps([m.to_dict() for m in mentions], ensure_ascii=False)
    assert decode_mentions(old) == mentions
    with TermBase(tmp_path / "g.db") as tb:
        tb.cache_mentions("a.txt", "h1", mentions, "en")
        assert tb.cached_mentions("a.txt", "h1") == mentions
        assert tb.cached_mentions("a.txt", "h2") is None
        assert list(tb.cached_documents(skip={"a.txt"})) == [("a.txt", None)]
        assert list(tb.all_cached_mentions()) == [mentions]


def test_codec_columns_are_16_bit_when_every_value_fits() -> None:
    mentions = _seed_mentions()
    raw = zlib.decompress(encode_mentions(mentions))
    assert json.loads(raw.partition(b"\n")[0])["w"] == "H"
    # an offset past 65,535 (a long document) takes 64-bit columns
    far = [m._replace(start=m.start + 70_000, end=m.end + 70_000) for m in mentions]
    data = encode_mentions(far)
    head, _, body = zlib.decompress(data).partition(b"\n")
    assert json.loads(head)["w"] == "q"
    assert decode_mentions(data) == far
    # a row from before "w" (64-bit columns) is still read
    old = json.loads(head)
    del old["w"]
    line = json.dumps(old, ensure_ascii=False, separators=(",", ":")).encode()
    assert decode_mentions(zlib.compress(line + b"\n" + body, 1)) == far


def _row_format(mentions: list[Mention]) -> bytes:
    """A cache row as the codec wrote it before the columns: JSON rows."""
    docs: dict[str, int] = {}
    contexts: dict[str, int] = {}
    rows = [
        [
            *(m.text, docs.setdefault(m.document, len(docs)), m.start, m.end, m.lang),
            None if m.kind is None else str(m.kind),
            *(contexts.setdefault(m.context, len(contexts)), m.title, m.source),
            m.score,
        ]
        for m in mentions
    ]
    record = {"documents": list(docs), "contexts": list(contexts), "mentions": rows}
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 1)


@given(st.lists(_MENTION, max_size=8))
@settings(deadline=None)  # no timed tests: a case took 273 ms at load 11
def test_cache_rows_of_the_json_row_format_are_still_read(
    mentions: list[Mention],
) -> None:
    assert decode_mentions(_row_format(mentions)) == mentions


def test_codec_columns_are_smaller_than_json_rows_and_share_strings() -> None:
    mentions = _seed_mentions() * 2
    data = encode_mentions(mentions)
    assert len(data) < len(_row_format(mentions))
    decoded = decode_mentions(data)
    assert decoded == mentions
    half = len(mentions) // 2
    assert all(
        a.text is b.text for a, b in zip(decoded[:half], decoded[half:], strict=True)
    )


def _rows(tb: TermBase) -> dict[str, list[tuple[object, ...]]]:
    ids = [s.id for s in tb.summaries()]
    rows = tb.snapshot(ids).rows
    # Concepts without their `updated` time (the seventh column) and version
    # (the tenth): one call or one flush counts as a change.
    rows["concepts"] = [r[:6] + r[7:9] + r[10:] for r in rows["concepts"]]
    return rows


@pytest.mark.parametrize("batch", [None, 1])
def test_bulk_writes_what_single_calls_write(
    batch: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if batch is not None:  # new rows written as they come, not all at flush
        monkeypatch.setattr(bulk_module, "_ROWS", batch)
    occurrences = [Occurrence("seeds/000.txt", 5, 9, "A sentence.")] * 3
    with TermBase() as one, TermBase() as bulk:
        for c in SAMPLE_CONCEPTS:
            cid = one.add_concept(replace(c, terms=()))
            for t in c.terms:
                tid = one.add_term(cid, t)
                one.add_occurrences(tid, occurrences)
        with bulk.transaction():
            out = bulk.bulk()
            for c in SAMPLE_CONCEPTS:
                cid = out.add_concept(c, key=c.key)
                for t in c.terms:
                    tid = out.add_term(cid, t)
                    out.add_occurrences(tid, occurrences)
            out.flush()
        assert _rows(bulk) == _rows(one)
        # Adding to an existing term adds its count and evidence.
        term = SAMPLE_CONCEPTS[0].terms[1]
        cid = one.find(term.text)[0].id or 0
        tid = one.add_term(cid, term)
        out = bulk.bulk()
        assert out.add_term(cid, term, into=tid) == tid
        out.flush()
        assert _rows(bulk) == _rows(one)


@pytest.mark.parametrize("batch", [None, 1])
def test_bulk_gives_a_new_concept_without_preferred_term_its_first(
    batch: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a candidate's preferred term may have gone to a reviewer's concept:
    # the new concept's first term is made preferred, wherever the batch
    # that wrote it ended
    if batch is not None:
        monkeypatch.setattr(bulk_module, "_ROWS", batch)
    concept = SAMPLE_CONCEPTS[0]
    admitted = [replace(t, status=TermStatus.ADMITTED) for t in concept.terms]
    assert len(admitted) > 1
    with TermBase() as tb, tb.transaction():
        out = tb.bulk()
        first = out.add_concept(concept, key="a")
        second = out.add_concept(concept, key="b")
        for cid in (first, second):
            for t in admitted:
                out.add_term(cid, t)
        preferred = replace(concept.terms[0], text="Another form")
        assert preferred.status is TermStatus.PREFERRED
        out.add_term(second, preferred)  # the preferred term: none is added
        out.flush()
        one, two = tb.concept(first), tb.concept(second)
    assert [t.status for t in one.terms] == [
        TermStatus.PREFERRED,
        *[TermStatus.ADMITTED] * (len(admitted) - 1),
    ]
    assert [t.text for t in two.terms if t.status is TermStatus.PREFERRED] == [
        "Another form"
    ]


def _schema(tb: TermBase) -> set[tuple[str, str]]:
    return set(tb._conn.execute("SELECT name, sql FROM sqlite_master"))


def test_bulk_occurrences_rebuild_the_indexes(tmp_path: Path) -> None:
    with TermBase(tmp_path / "g.db") as tb:
        schema = _schema(tb)
        cid = tb.add_concept(SAMPLE_CONCEPTS[0])
        tid = tb.concept(cid).terms[0].id or 0
        with tb.transaction():
            out = tb.bulk()
            many = [Occurrence("x.txt", i, i + 1, "c") for i in range(20_000)]
            out.add_occurrences(tid, many)
            out.flush()
        assert _schema(tb) == schema
        assert len(tb.occurrences(cid, limit=30_000)) == 20_000
        plan = tb._conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM occurrences WHERE term_id = 1"
        ).fetchall()
        assert "occurrences_term" in str(plan)


def test_prune_helpers() -> None:
    with TermBase() as tb:
        ids = [tb.add_concept(c) for c in SAMPLE_CONCEPTS[:3]]
        terms = {t.id or 0: (ids[0], t.manual) for t in tb.concept(ids[0]).terms}
        assert tb.term_owners([*terms, 999]) == terms
        tb.remove_terms(terms)
        assert tb.empty_candidates([*ids, 999]) == {ids[0]}
        tb.delete_concepts([ids[0], ids[1]])
        assert [s.id for s in tb.summaries()] == [ids[2]]
        by_key = tb.concept_ids_by_key()
        assert by_key == {SAMPLE_CONCEPTS[2].key: ids[2]}


@pytest.mark.parametrize("n", [0, 1])
def test_empty_id_lists(n: int) -> None:
    with TermBase() as tb:
        assert tb.term_owners([]) == {}
        assert tb.empty_candidates(range(n)) == set()


def test_reset_build_data_keeps_the_indexes(tmp_path: Path) -> None:
    with TermBase(tmp_path / "g.db") as tb:
        schema = _schema(tb)
        cid = tb.add_concept(SAMPLE_CONCEPTS[0])
        term = tb.concept(cid).terms[0]
        tb.add_occurrences(term.id or 0, [Occurrence("x.txt", 0, 1, "c")] * 3)
        with tb.transaction():
            tb.reset_build_data()
        assert _schema(tb) == schema
        assert tb.counts()["occurrences"] == 0
        assert tb.concept(cid).terms[0].count == 0


def _synchronous(tb: TermBase) -> int:
    return int(tb._conn.execute("PRAGMA synchronous").fetchone()[0])


def test_a_new_term_base_is_synced_once_when_closed(tmp_path: Path) -> None:
    # a file the connection makes is written without syncs (0: OFF) until it
    # is closed, whose checkpoint (NORMAL) syncs it and folds the WAL in; a
    # term base that exists keeps NORMAL (1) throughout
    path = tmp_path / "g.db"
    with TermBase(path) as tb:
        assert _synchronous(tb) == 0
        cid = tb.add_concept(SAMPLE_CONCEPTS[0])
    assert not Path(f"{path}-wal").exists()
    with TermBase(path) as tb:
        assert _synchronous(tb) == 1
        assert tb.concept(cid).label == SAMPLE_CONCEPTS[0].label
    with TermBase(path, readonly=True) as tb:
        assert tb.concept(cid).label == SAMPLE_CONCEPTS[0].label


def test_bulk_ids_are_the_ones_sqlite_would_give() -> None:
    with TermBase() as one, TermBase() as bulk:
        for tb in (one, bulk):
            ids = [tb.add_concept(c) for c in SAMPLE_CONCEPTS]
            tb.delete_concept(ids[-1])  # the largest id is free again
            tb.delete_concept(ids[0])  # a gap stays a gap
        concept = replace(SAMPLE_CONCEPTS[-1], terms=())
        term = SAMPLE_CONCEPTS[-1].terms[0]
        cid = one.add_concept(concept)
        tid = one.add_term(cid, term)
        with bulk.transaction():
            out = bulk.bulk()
            assert out.add_concept(concept) == cid
            assert out.add_term(cid, term) == tid
            out.flush()
        assert _rows(bulk) == _rows(one)


def _version_1_term_base(path: Path) -> None:
    """A term base as version 1 of the schema wrote it: sentences inline."""
    import sqlite3

    from glossary.store.sqlite.schema import SCHEMA_V1

    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.executescript(
        """
        CREATE TABLE schema_version (version INTEGER);
        INSERT INTO schema_version VALUES (1);
        INSERT INTO concepts (id, key, kind, updated) VALUES (1, 'k', 'person', 0);
        INSERT INTO terms (id, concept_id, text, lang, status, type, fold_key,
                           name_key)
        VALUES (1, 1, 'Phạm Minh Chính', 'vi', 'preferred', 'fullForm', 'x', 'x');
        INSERT INTO occurrences (term_id, document, start, "end", context) VALUES
            (1, 'a.txt', 0, 15, 'Phạm Minh Chính met Chính.'),
            (1, 'a.txt', 20, 25, 'Phạm Minh Chính met Chính.'),
            (1, 'b.txt', 3, 8, 'PM Chính left.');
        """
    )
    conn.commit()
    conn.close()


def test_a_version_1_term_base_keeps_its_occurrences(tmp_path: Path) -> None:
    _version_1_term_base(tmp_path / "old.db")
    with TermBase(tmp_path / "old.db") as tb:
        assert (
            tb._conn.execute("SELECT version FROM schema_version").fetchone()[0]
            == SCHEMA_VERSION
        )
        assert tb.occurrences(1) == [
            Occurrence("a.txt", 0, 15, "Phạm Minh Chính met Chính.", "Phạm Minh Chính"),
            Occurrence(
                "a.txt", 20, 25, "Phạm Minh Chính met Chính.", "Phạm Minh Chính"
            ),
            Occurrence("b.txt", 3, 8, "PM Chính left.", "Phạm Minh Chính"),
        ]
        # the sentence two occurrences share is stored once
        assert tb._conn.execute("SELECT COUNT(*) FROM contexts").fetchone()[0] == 2


def test_a_version_3_term_base_gains_versions_and_who(tmp_path: Path) -> None:
    import sqlite3

    from glossary.store.sqlite.schema import SCHEMA_V2, SCHEMA_V3

    _version_1_term_base(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.executescript(
        SCHEMA_V2 + ";" + SCHEMA_V3 + "; UPDATE schema_version SET version = 3;"
        "INSERT INTO review_log (at, action, concept_id) VALUES (1.0, 'approve', 1)"
    )
    conn.close()
    with TermBase(tmp_path / "old.db", user="lan") as tb:
        assert tb.concept_versions([1, 2]) == {1: (0, "", 0.0)}
        assert [(e.action, e.who) for e in tb.history()] == [("approve", "")]
        tb.update_concept(1, note="checked")
        tb.log("note", 1)
        (version,) = tb.concept_versions([1]).values()
        assert (version.number, version.by) == (1, "lan")
        assert [(e.action, e.who) for e in tb.history()] == [
            ("note", "lan"),
            ("approve", ""),
        ]
        assert tb.occurrences(1)


def test_a_version_5_term_base_keeps_its_occurrences_and_deletes_them_with_terms(
    tmp_path: Path,
) -> None:
    import sqlite3

    from glossary.store.sqlite.schema import MIGRATIONS

    _version_1_term_base(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.executescript(
        ";".join(MIGRATIONS[1:5]) + "; UPDATE schema_version SET version = 5"
    )
    conn.execute(
        "INSERT INTO terms (id, concept_id, text, lang, status, type, fold_key, "
        "name_key) VALUES (2, 1, 'Chính', 'vi', 'admitted', 'shortForm', 'y', 'y')"
    )
    conn.execute(
        'INSERT INTO occurrences (term_id, document, start, "end", context_id) '
        "VALUES (2, 'a.txt', 20, 25, 1)"
    )
    conn.commit()
    conn.close()
    with TermBase(tmp_path / "old.db") as tb:
        assert len(tb.occurrences(1)) == 4  # of the concept's two terms
        assert not tb._conn.execute("PRAGMA foreign_key_list(occurrences)").fetchall()
        tb.remove_terms([2])  # the trigger does what ON DELETE CASCADE did
        assert [o.start for o in tb.occurrences(1)] == [0, 20, 3]
        assert tb._conn.execute("SELECT COUNT(*) FROM occurrences").fetchone() == (3,)
        tb.delete_concepts({1})  # through the terms' own foreign key
        assert tb._conn.execute("SELECT COUNT(*) FROM occurrences").fetchone() == (0,)


def test_a_version_2_term_base_gains_cat_fields_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    import sqlite3

    from glossary.model import TermFlag
    from glossary.store.sqlite.schema import SCHEMA_V2

    _version_1_term_base(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.executescript(SCHEMA_V2 + "; UPDATE schema_version SET version = 2")
    conn.close()
    with TermBase.open_existing(tmp_path / "old.db", readonly=True) as tb:
        before = tb.concept(1)  # reading commands (export, show) upgrade it too
        assert (before.subject, before.definitions) == ("", ())
        assert [(t.text, t.note, t.flags) for t in before.terms] == [
            ("Phạm Minh Chính", "", frozenset())
        ]
        assert len(tb.occurrences(1)) == 3
    with TermBase(tmp_path / "old.db") as tb:
        tb.update_concept(1, subject="politics", definitions=[("en", "Prime Minister")])
        tb.update_term(1, note="formal", flags=frozenset({TermFlag.CASE_SENSITIVE}))
    with TermBase(tmp_path / "old.db") as tb:
        after = tb.concept(1)
        assert (
            tb._conn.execute("SELECT version FROM schema_version").fetchone()[0]
            == SCHEMA_VERSION
        )
    assert after.subject == "politics"
    assert after.definition("en") == "Prime Minister"
    assert after.terms[0].note == "formal"
    assert after.terms[0].flags == {TermFlag.CASE_SENSITIVE}
    assert replace(after, subject="", definitions=(), terms=before.terms) == before


def test_bulk_occurrences_store_each_sentence_once() -> None:
    with TermBase() as tb:
        cid = tb.add_concept(SAMPLE_CONCEPTS[0])
        tid = tb.concept(cid).terms[0].id or 0
        tb.add_occurrences(tid, [Occurrence("a.txt", 0, 1, "Old sentence.")])
        with tb.transaction():
            out = tb.bulk()
            out.add_occurrences(tid, [Occurrence("a.txt", 5, 6, "Old sentence.")])
            out.add_occurrences(
                tid, [Occurrence("b.txt", i, i, "New.") for i in (1, 2)]
            )
            out.flush()
        assert [(o.start, o.context) for o in tb.occurrences(cid)] == [
            (0, "Old sentence."),
            (5, "Old sentence."),
            (1, "New."),
            (2, "New."),
        ]
        assert tb._conn.execute("SELECT COUNT(*) FROM contexts").fetchone()[0] == 2


def _protocol_methods(protocol: type) -> dict[str, Any]:
    return {
        name: member
        for cls in reversed(protocol.__mro__)
        if getattr(cls, "_is_protocol", False)
        for name, member in vars(cls).items()
        if callable(member) and not name.startswith("_")
    }


def _parameters(function: Any) -> list[tuple[str, Any, Any]]:
    # after self, which a method compiled by mypyc takes positional-only
    _, *parameters = inspect.signature(function).parameters.values()
    return [(p.name, p.kind, p.default) for p in parameters]


@pytest.mark.parametrize(
    ("protocol", "engine"),
    [
        (TermStore, TermBase),
        (TermStore, PostgresTermBase),
        (BuildWriter, BulkWriter),
    ],
)
def test_each_engine_implements_the_store_interface(
    protocol: type, engine: type
) -> None:
    # mypy checks the types (the assignments below); this checks that every
    # method of the interface is there with the same parameters and defaults.
    store: TermStore = TermBase()
    writer: BuildWriter = store.bulk()
    assert isinstance(writer, BulkWriter)
    methods = _protocol_methods(protocol)
    assert "concept" in methods or "flush" in methods
    for name, method in methods.items():
        assert _parameters(getattr(engine, name)) == _parameters(method), name
    store.close()


@pytest.mark.parametrize("n", [0, 1, 63, 64, 65, 129])
def test_rows_inserted_many_to_a_statement_are_the_rows_in_order(n: int) -> None:
    # insert_rows puts ROWS_PER_INSERT rows in one statement and the rest one
    # by one: the same rows, in the same order, as a statement per row
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT, c REAL)")
    rows = [(i, f"r{i}", i / 2) for i in range(n)]
    insert_rows(conn, "INSERT INTO t (a, b, c) VALUES (?, ?, ?)", rows)
    assert ROWS_PER_INSERT == 64
    assert conn.execute("SELECT a, b, c FROM t ORDER BY rowid").fetchall() == rows
