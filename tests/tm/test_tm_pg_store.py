"""tm.pg_store: a memory on PostgreSQL answers exactly as the SQLite file does.

The same units (news sentences of the shared corpus and the seeds, and the
TMX/PO/TSV fixtures) go into both engines; every candidate query, every
lookup path and the concordance must give the same ids and scores. Skips
without a server (see `make test-pg`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import SEEDS, SHARED

from glossary.errors import InputError, StoreError
from glossary.text import split_sentences
from tm import pg_schema, pg_store, service
from tm.cli import main
from tm.engines import Memory, open_memory
from tm.match import fold_words, index_words, tokenize
from tm.model import Unit
from tm.pg_store import PostgresMemory

pytestmark = pytest.mark.pg

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"


def _sentences() -> list[str]:
    texts = sorted(SEEDS.glob("*.txt")) + sorted(
        (SHARED / "corpus" / "news-dev").glob("*.txt")
    )
    out = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for start, end in split_sentences(text):
            sentence = " ".join(text[start:end].split())
            if len(sentence.split()) > 3:
                out.append(sentence)
    return out


def _units() -> list[Unit]:
    units = [Unit(s, s.upper(), origin="news") for s in _sentences()]
    for name in ("good.tmx", "small.po", "good.tsv"):
        units += service.read_file(TM_DATA / name)
    return units + units[:50]  # duplicates fold on both engines


@pytest.fixture(params=["rows", "bulk"])
def memories(
    pg_url: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Memory, Memory]]:
    """The same units in SQLite and PostgreSQL: the second file's batch as
    row inserts into the indexes, or ("bulk") both as one bulk import."""
    if request.param == "bulk":
        monkeypatch.setattr(pg_store, "BULK_UNITS", 100)
    units = _units()
    pair = (open_memory(":memory:"), open_memory(pg_url))
    for memory in pair:
        service.import_batches(memory, [("a", units[:150]), ("b", units[150:])])
    yield pair
    for memory in pair:
        memory.close()


def _queries() -> list[str]:
    rng = random.Random(7)
    picked = rng.sample(_sentences(), 40)
    out = []
    for sentence in picked:
        words = sentence.split()
        k = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[k] = words[k][::-1]  # a garbled word
        else:
            del words[k]  # a missing one
        out.append(" ".join(words))
    return [*out, "Open the file", "xyzzy plugh", "the"]


def test_the_stored_memory_is_the_same(memories: tuple[Memory, Memory]) -> None:
    lite, pg = memories
    assert pg.count() == lite.count() > 200
    assert list(pg.units()) == list(lite.units())
    assert list(pg.scoring_rows()) == list(lite.scoring_rows())
    assert pg.vocabulary() == lite.vocabulary()


def test_candidates_are_the_same(memories: tuple[Memory, Memory]) -> None:
    lite, pg = memories
    for query in _queries():
        words = list(dict.fromkeys(index_words(tokenize(query))))
        if not lite.doc_freqs(words):
            continue
        assert pg.doc_freqs(words) == lite.doc_freqs(words)
        groups = [[w] for w in words if w in lite.doc_freqs([w])]
        # As the matcher asks: one word a group, or a typo's guesses in one
        # group (the rarest group drives the PostgreSQL query, in any shape).
        for asked in (
            groups,
            [groups[0] + groups[-1], *groups[1:-1]],
            [["xqzt", *groups[0]], *groups[1:]],
            [*groups, ["xqzt"]],
        ):
            for limit in (3, 100):
                assert pg.ids_with_all(asked, limit) == lite.ids_with_all(asked, limit)
        for limit in (5, 100):
            assert pg.ids_ranked(words, limit) == lite.ids_ranked(words, limit), query
        # By id, as SQLite gives them, whether read now or kept from the
        # candidates' rows (the matcher's rapidfuzz cut keeps the first of
        # equal scores).
        ranked = pg.ids_ranked(words, 100)
        for ids in (ranked, [*ranked, 10**9]):
            assert pg.sources(ids) == lite.sources(ids), query
    # The frequencies seen lately only order the groups: a group not seen
    # goes last (a full cache is emptied only when no group was seen).
    assert isinstance(pg, PostgresMemory)
    pg._seen |= {f"x{i}": 1 for i in range(100_001)} | pg.doc_freqs(["the"])
    asked = [["the"], ["prime", "qzxv"]]
    assert pg.ids_with_all(asked, 100) == lite.ids_with_all(asked, 100) != []


def test_lookups_are_the_same_on_both_paths(memories: tuple[Memory, Memory]) -> None:
    lite, pg = memories
    for in_memory in (False, True):
        here = service.Matcher(lite, in_memory=in_memory)
        there = service.Matcher(pg, in_memory=in_memory)
        for query in _queries():
            found = here.lookup(query, minimum=40)
            assert there.lookup(query, minimum=40) == found, query
    top = service.Matcher(pg).lookup(_queries()[0], minimum=40, limit=1)
    assert top
    assert top[0].score >= 80


def test_a_lookup_makes_two_round_trips_or_three_when_it_ranks(
    memories: tuple[Memory, Memory], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lookup's statements: the sources equal up to case with the query
    words' frequencies, then the candidates with their rows (sources,
    scoring tokens and the matches' units), and the BM25 ranking (with its
    rows) only when few sources hold every word: each round trip waits
    for a core on a busy server."""
    lite, pg = memories
    statements: list[str] = []
    execute = psycopg.Cursor.execute

    def counted(cur: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        statements.append(str(query))
        return execute(cur, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    matcher = service.Matcher(pg, in_memory=False)
    here = service.Matcher(lite, in_memory=False)
    matcher.lookup("warm up the vocabulary xqzt")  # the count and vocabulary, once
    ranked = 0
    for query in _queries():
        statements.clear()
        found = matcher.lookup(query, minimum=40)
        assert found == here.lookup(query, minimum=40), query
        ranks = statements.count(pg_schema.BM25)
        assert len(statements) <= 2 + ranks, (query, statements)
        assert not [s for s in statements if "FROM units WHERE id" in s]
        ranked += ranks
    assert 0 < ranked < len(_queries())


def test_concordance_is_the_same(memories: tuple[Memory, Memory]) -> None:
    lite, pg = memories
    phrases = ("Prime Minister", "Minister Prime", "thu tuong", "the", "of the",
               "the the", "Hà Nội", "nowhere at all", "Prime xqzt")  # fmt: skip
    for text in phrases:
        for target in (False, True):
            got = service.search(pg, text, target=target)
            assert got == service.search(lite, text, target=target), text
    assert service.search(pg, "Prime Minister")
    assert fold_words("Uỷ ban") == ["uy", "ban"]


def test_the_command_line_takes_a_url(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "--db", pg_url, "Open the file"]) == 2
    assert "no memory here" in capsys.readouterr().err
    assert main(["import", "--db", pg_url, str(TM_DATA / "good.tmx")]) == 0
    capsys.readouterr()
    assert main(["search", "--db", pg_url, "files"]) == 0
    assert capsys.readouterr().out


def test_a_term_base_and_a_memory_share_a_database(pg_url: str) -> None:
    from glossary.store import open_store

    with pytest.raises(StoreError, match="no memory here"):
        open_memory(pg_url, readonly=True)
    with open_store(pg_url) as tb, open_memory(pg_url) as memory:
        service.import_units(memory, "u", [Unit("Open the file", "Mở tập tin")])
        assert tb.counts()["concepts"] == 0
        assert memory.count() == 1


def _indexes(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'tm'")
        return {str(name) for (name,) in rows}


def test_a_bulk_import_builds_the_indexes_at_its_end(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_memory(pg_url) as memory:
        made = _indexes(pg_url)
        assert {"units_tgt_trgm", "unit_words_pkey", "units_ukey_key"} <= made
        monkeypatch.setattr(pg_store, "BULK_UNITS", 100)
        dropped: list[set[str]] = []
        add_units = PostgresMemory.add_units

        def watched(self: PostgresMemory, units: list[Unit]) -> int:
            added = add_units(self, units)
            with psycopg.connect(pg_url) as other:  # sees the committed indexes
                other.execute("SET lock_timeout = '100ms'")
                with pytest.raises(psycopg.errors.LockNotAvailable):
                    other.execute("SELECT count(*) FROM tm.units")
            dropped.append(made - _indexes_here(self))
            return added

        monkeypatch.setattr(PostgresMemory, "add_units", watched)
        units = _units()
        service.import_batches(memory, [("a", units[:150]), ("b", units[150:])])
        # None kept up row by row but the two primary keys that stay small
        # and ordered (ids grow; the vocabulary is merged once per batch).
        secondary = made - {"units_pkey", "vocab_pkey"}
        assert dropped == [secondary, secondary]
        assert _indexes(pg_url) == made
        assert memory.count() == len({(u.source, u.target, u.tgt_lang) for u in units})


def _indexes_here(memory: PostgresMemory) -> set[str]:
    rows = memory._conn.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'tm'"
    )
    return {str(name) for (name,) in rows}


def test_a_failed_bulk_import_leaves_the_memory_as_it_was(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = _units()
    with open_memory(pg_url) as memory:
        service.import_units(memory, "a", units[:150])
        before, indexes = list(memory.units()), _indexes(pg_url)
        monkeypatch.setattr(pg_store, "BULK_UNITS", 100)
        add_units = PostgresMemory.add_units

        def fails_after_writing(self: PostgresMemory, batch: list[Unit]) -> int:
            add_units(self, batch)
            raise InputError("no closing tag", "b.tmx", 7)

        monkeypatch.setattr(PostgresMemory, "add_units", fails_after_writing)
        with pytest.raises(InputError):
            service.import_units(memory, "b", units[150:])
        monkeypatch.setattr(PostgresMemory, "add_units", add_units)
        assert list(memory.units()) == before
        assert _indexes(pg_url) == indexes
        query = units[200].source
        matcher = service.Matcher(memory, in_memory=False)
        assert all(m.unit.source != query for m in matcher.lookup(query))
        service.import_units(memory, "again", units[150:])  # no bulk left over
        assert _indexes(pg_url) == indexes
        found = service.Matcher(memory, in_memory=False).lookup(query)
        assert found[0].unit.source == query


def test_a_memory_made_before_lengths_were_indexed_is_upgraded(
    pg_url: str,
) -> None:
    units = _units()
    with open_memory(pg_url) as memory:
        service.import_units(memory, "news", units)
    with psycopg.connect(pg_url, autocommit=True) as admin:  # the older layout
        admin.execute(
            "ALTER TABLE tm.unit_words DROP CONSTRAINT unit_words_pkey;"
            "ALTER TABLE tm.unit_words DROP COLUMN length;"
            "ALTER TABLE tm.unit_words ADD PRIMARY KEY (word, unit_id)"
        )
    with pytest.raises(StoreError, match="older tm: open it for writing"):
        open_memory(pg_url, readonly=True)
    query = _queries()[0]
    with open_memory(pg_url) as pg, open_memory(":memory:") as lite:
        service.import_units(lite, "news", units)
        found = service.Matcher(lite, in_memory=False).lookup(query, minimum=40)
        assert service.Matcher(pg, in_memory=False).lookup(query, minimum=40) == found
        words = list(dict.fromkeys(index_words(tokenize(query))))
        assert pg.ids_ranked(words, 100) == lite.ids_ranked(words, 100)
    assert "unit_words_pkey" in _indexes(pg_url)
    open_memory(pg_url, readonly=True).close()


def test_the_sources_trigram_index_of_an_older_memory_is_dropped(
    pg_url: str,
) -> None:
    """Source phrases are found through the word table: an older memory's
    trigram index of its sources goes when it is next opened for writing."""
    with open_memory(pg_url) as memory:
        service.import_units(memory, "news", _units())
    older = "CREATE INDEX units_src_trgm ON tm.units USING gin (src_words gin_trgm_ops)"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(older)
    with open_memory(pg_url, readonly=True) as memory:
        assert service.search(memory, "Prime Minister")
    assert "units_src_trgm" in _indexes(pg_url)
    open_memory(pg_url).close()
    assert "units_src_trgm" not in _indexes(pg_url)
    assert "units_tgt_trgm" in _indexes(pg_url)


def test_tm_copy_round_trips_sqlite_through_postgresql(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, back = tmp_path / "first.db", tmp_path / "back.db"
    with open_memory(first) as memory:
        service.import_units(memory, "news", _units())
    assert main(["copy", str(first), pg_url]) == 0
    assert main(["copy", pg_url, str(back)]) == 0
    with open_memory(first) as a, open_memory(pg_url) as b, open_memory(back) as c:
        assert list(b.units()) == list(a.units()) == list(c.units())
        assert list(c.scoring_rows()) == list(a.scoring_rows())
    exports: list[bytes] = []
    for db in (first, pg_url, back):
        out = tmp_path / f"{len(exports)}.tmx"
        assert main(["export", "--db", str(db), "-o", str(out)]) == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1] == exports[2]
    capsys.readouterr()
    assert main(["copy", str(first), pg_url]) == 2
    assert "not empty" in capsys.readouterr().err


def _drop_other_sessions(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid != pg_backend_pid()"
        )


def _one_error_line(err: str) -> str:
    assert err.startswith("tm: error: postgresql://"), err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


def test_a_lost_connection_mid_import_is_one_line_and_writes_nothing(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--db", pg_url, str(TM_DATA / "good.tmx")]) == 0
    with open_memory(pg_url, readonly=True) as memory:
        before = list(memory.units())
    add_units = PostgresMemory.add_units

    def lost_after_first_file(self: PostgresMemory, units: list[Unit]) -> int:
        added = add_units(self, units)
        _drop_other_sessions(pg_url)
        return added

    monkeypatch.setattr(PostgresMemory, "add_units", lost_after_first_file)
    files = [str(TM_DATA / n) for n in ("small.po", "good.tsv")]
    capsys.readouterr()
    assert main(["import", "--db", pg_url, *files]) == 2
    _one_error_line(capsys.readouterr().err)
    monkeypatch.undo()
    with open_memory(pg_url, readonly=True) as memory:
        assert list(memory.units()) == before
        _drop_other_sessions(pg_url)
        with pytest.raises(StoreError) as lost:
            memory.count()
    assert str(lost.value).startswith("postgresql://")
    assert "\n" not in str(lost.value)


def test_a_write_in_a_read_only_session_is_one_line_and_writes_nothing(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--db", pg_url, str(TM_DATA / "good.tmx")]) == 0
    with psycopg.connect(pg_url, autocommit=True) as admin:
        name = admin.execute("SELECT current_database()").fetchone()
        assert name is not None
        admin.execute(
            f'ALTER DATABASE "{name[0]}" SET default_transaction_read_only = on'
        )
    capsys.readouterr()
    assert main(["import", "--db", pg_url, str(TM_DATA / "small.po")]) == 2
    assert "read-only transaction" in _one_error_line(capsys.readouterr().err)
    assert main(["search", "--db", pg_url, "files"]) == 0
    with open_memory(pg_url, readonly=True) as memory:
        assert memory.count() == len(service.read_file(TM_DATA / "good.tmx"))


def test_a_refused_connection_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql://me:secret@127.0.0.1:1/tm"
    assert main(["lookup", "--db", url, "Open the file"]) == 2
    err = _one_error_line(capsys.readouterr().err)
    assert "cannot connect" in err
    assert "me:***@" in err
    assert "secret" not in err
