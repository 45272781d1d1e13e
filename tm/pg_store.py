"""A translation memory on PostgreSQL: the same units, ids and lookups as
`tm.store.MemoryStore`'s SQLite file (psycopg 3).

The memory lives in the schema ``tm`` of its database (a term base can share
the database). FTS5's roles are played in plain SQL: ``unit_words`` holds
each unit's folded source words with their counts (the candidates of
`ids_with_all`, and `ids_ranked`'s BM25 computed as FTS5 computes it: the
same k1, b, IDF floor and document lengths of both sides), and a pg_trgm
GIN index on the folded words of each side serves the concordance's phrase
search. The scoring tokens are stored as UTF-8 bytes (they hold NUL, which
PostgreSQL's text cannot). New units get the ids SQLite would give them
(one past the largest; a duplicate takes none), so the two engines answer
identically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from psycopg import Copy

from glossary import pg_guard
from glossary.errors import StoreError
from glossary.pg_guard import shown_url
from tm.match import Tokens, index_words, tokenize
from tm.model import Unit
from tm.pg_errors import reported, reported_rows
from tm.pg_rows import unit_row
from tm.pg_schema import (
    BM25,
    INDEXES,
    SAME_FOLDED_AND_FREQS,
    SCHEMA,
    SOURCE_PHRASE,
    UNIT_COLUMNS,
    UNIT_TYPES,
    WORD_COLUMNS,
    WORD_TYPES,
    like_phrase,
    with_all_sql,
)
from tm.rows import (
    UNIT_FIELDS,
    fold_key,
    row_unit,
    source_tokens,
    text_key,
)
from tm.store import SCHEMA_VERSION, TOKENISED_UNITS

NAMESPACE = "tm"
# pg_advisory_xact_lock key of a memory's writers: "TMVI", as SQLite's
# application id; the term base's is another.
WRITE_LOCK = 0x544D5649
# A batch of at least this many units, and at least as many as are stored,
# makes the rest of its transaction a bulk import.
BULK_UNITS = 10_000
# The sources' trigram index of older memories (their phrases are now
# found through `unit_words`), dropped when one is opened for writing.
_OLD_INDEX = "units_src_trgm"
# Rows kept from the lookup under way (see `PostgresMemory.sources`): a
# lookup starts afresh past this many, and never keeps ten times as many.
_KEPT_ROWS = 1_000


class PostgresMemory:
    """A translation memory in the ``tm`` schema of a PostgreSQL database."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        """Open (creating when missing) the memory at `url`.

        Args:
            url: a ``postgresql://`` URL.
            readonly: only read it (it must exist).

        Raises:
            StoreError: the server cannot be reached, or the schema holds
                something other than a memory of this version.
        """
        self.path = url
        self.readonly = readonly
        self._in_transaction = False
        # In a bulk import: the keys of every unit stored (the unique index
        # is dropped until the transaction ends).
        self._bulk: set[int] | None = None
        # In a bulk import: the document frequencies of its words, merged
        # into `vocab` once at its end (an upsert a batch rewrote the same
        # rows, whose dead versions an open transaction keeps: slower each
        # batch).
        self._bulk_df: Counter[str] = Counter()
        self._frozen = False  # COPY FREEZE: tables emptied in this transaction
        # Document frequencies looked up lately: they order `ids_with_all`'s
        # groups (only its speed depends on them), saving a round trip.
        self._seen: dict[str, int] = {}
        # The frequencies of the words of the lookup under way, read with
        # its first statement: the next `doc_freqs` of them takes them once.
        self._lookup_df: dict[str, int] | None = None
        # Rows (`UNIT_FIELDS`, toks) of the lookup under way: see `sources`.
        self._fetched: dict[int, tuple[Any, ...]] = {}
        self._conn = pg_guard.connect(url, namespace=NAMESPACE, readonly=readonly)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _version(self) -> int | None:
        found = self._conn.execute(
            "SELECT to_regclass(%s) IS NOT NULL, EXISTS (SELECT FROM pg_attribute"
            " WHERE attrelid = to_regclass(%s) AND attname = 'length'),"
            " to_regclass(%s) IS NOT NULL",
            (f"{NAMESPACE}.schema_version", f"{NAMESPACE}.unit_words",
             f"{NAMESPACE}.{_OLD_INDEX}"),
        ).fetchone()  # fmt: skip
        self._lengths = bool(found and found[1])
        self._old_index = bool(found and found[2])
        if not found or not found[0]:
            return None
        row = self._conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    @reported
    def _migrate(self) -> None:
        version = self._version()
        if version == SCHEMA_VERSION and not self._lengths:
            self._add_lengths()
        if version == SCHEMA_VERSION and self._old_index and not self.readonly:
            # Writes would keep it up to date, and a bulk import would not drop it.
            self._conn.execute(f"DROP INDEX IF EXISTS {_OLD_INDEX}")
        if version == SCHEMA_VERSION:
            return
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"{shown_url(self.path)}: schema version {version}"
                " is newer than this tm"
            )
        if self.readonly or version is not None:
            raise StoreError(
                f"{shown_url(self.path)}: no memory here (`tm import` first)"
            )
        with self.transaction():
            if self._version() is not None:  # another process made it meanwhile
                return
            tables = self._conn.execute(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = %s",
                (NAMESPACE,),
            ).fetchone()
            if tables and tables[0]:
                raise StoreError(
                    f"{shown_url(self.path)}: not a translation memory "
                    "(another program's tables)"
                )
            self._conn.execute(f"CREATE SCHEMA IF NOT EXISTS {NAMESPACE}")
            for statement in SCHEMA.split(";"):
                self._conn.execute(statement)
            for _, create in INDEXES:
                self._conn.execute(create)
            self._conn.execute(
                "INSERT INTO schema_version VALUES (%s)", (SCHEMA_VERSION,)
            )

    def _add_lengths(self) -> None:
        """Upgrade a memory made before `unit_words` held each unit's length."""
        if self.readonly:
            raise StoreError(
                f"{shown_url(self.path)}: made by an older tm: open it for "
                "writing once (`tm import`) to upgrade its word index"
            )
        with self.transaction():
            self._conn.execute(
                "ALTER TABLE unit_words ADD COLUMN length INTEGER; "
                "UPDATE unit_words w SET length = u.length FROM units u "
                "WHERE u.id = w.unit_id; "
                "ALTER TABLE unit_words ALTER COLUMN length SET NOT NULL; "
                f"{INDEXES[2][0]}; {INDEXES[2][1]}"
            )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> PostgresMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    @reported_rows
    def transaction(self) -> Iterator[None]:
        """One transaction holding the memory's write lock: all or nothing
        (a lost connection's transaction the server rolls back itself)."""
        self._conn.execute("BEGIN")
        if not self.readonly:
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        self._in_transaction = True
        try:
            yield
            if self._bulk is not None:
                self._end_bulk()
        except BaseException:
            if not self._conn.broken:
                self._conn.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction, self._bulk, self._frozen = False, None, False
            self._bulk_df = Counter()
        self._conn.execute("COMMIT")

    def _begin_bulk(self) -> None:
        """Drop the indexes until the transaction ends (readers wait for it,
        and a rollback restores them); remember the stored keys instead."""
        for drop, _ in INDEXES:
            self._conn.execute(drop)
        self._bulk = {int(k) for (k,) in self._conn.execute("SELECT ukey FROM units")}
        if not self._bulk:
            self._conn.execute("TRUNCATE units, unit_words")
            self._frozen = True

    def _end_bulk(self) -> None:
        """Build the dropped indexes and refresh the planner's statistics."""
        self._add_doc_freqs(self._bulk_df)
        self._conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _, create in INDEXES:
            self._conn.execute(create)
        self._conn.execute("ANALYZE units, unit_words, vocab")

    @reported
    def add_units(self, units: Iterable[Unit]) -> int:
        """Add `units` (NFC) in the current transaction; return how many were new.

        As on SQLite: a unit whose source, target and languages are stored
        already is left out (the first origin is kept), and new units are
        numbered on from the largest id. In a transaction, a batch of
        `BULK_UNITS` or more that is at least as large as the memory makes
        the rest of the transaction a bulk import (see `INDEXES`).
        """
        batch = list(units)
        self._lookup_df = None
        count = self.count()
        room = TOKENISED_UNITS - count
        bulk = len(batch) >= max(BULK_UNITS, count) and self._in_transaction
        if bulk and self._bulk is None:
            self._begin_bulk()
        keys = [text_key(u.source, u.target, u.src_lang, u.tgt_lang) for u in batch]
        stored = self._bulk
        if stored is None:
            found = self._conn.execute(
                "SELECT ukey FROM units WHERE ukey = ANY(%s)", (keys,)
            )
            stored = {int(k) for (k,) in found}
        first = next_id = self._next_id()
        words: list[tuple[str, int, int, int]] = []
        tokens = 0
        # Rows go to the server as they are made, which stores them meanwhile.
        with self._copying(UNIT_COLUMNS, UNIT_TYPES) as copy:
            for n, (u, key) in enumerate(zip(batch, keys, strict=True)):
                if key not in stored:
                    stored.add(key)
                    row = unit_row(next_id, u, key, n < room, words)
                    copy.write_row(row)
                    tokens += row[-1]
                    next_id += 1
        with self._copying(WORD_COLUMNS, WORD_TYPES) as copy:
            for word_row in words:
                copy.write_row(word_row)
        freq = Counter(w for w, _, _, _ in words)
        if self._bulk is None:
            self._add_doc_freqs(freq)
        else:
            self._bulk_df.update(freq)
        self._conn.execute(
            "UPDATE totals SET units = units + %s, tokens = tokens + %s",
            (next_id - first, tokens),
        )
        return next_id - first

    def _add_doc_freqs(self, freq: Counter[str]) -> None:
        self._conn.execute(
            "INSERT INTO vocab SELECT * FROM unnest(%s::text[], %s::integer[]) "
            "ON CONFLICT (term) DO UPDATE SET df = vocab.df + excluded.df",
            (terms := sorted(freq), [freq[t] for t in terms]),
        )

    def _next_id(self) -> int:
        row = self._conn.execute("SELECT coalesce(max(id), 0) + 1 FROM units")
        return int(row.fetchone()[0])  # type: ignore[index]

    @contextmanager
    def _copying(self, table: str, types: Sequence[str]) -> Iterator[Copy]:
        """A binary COPY into `table`, whose columns have `types`: no text
        to escape here or to parse on the server (half the time of each)."""
        options = "FORMAT BINARY, FREEZE" if self._frozen else "FORMAT BINARY"
        with (
            self._conn.cursor() as cur,
            cur.copy(f"COPY {table} FROM STDIN ({options})") as copy,
        ):
            copy.set_types(list(types))
            yield copy

    @reported
    def count(self) -> int:
        """Number of units stored."""
        row = self._conn.execute("SELECT units FROM totals").fetchone()
        return int(row[0]) if row else 0

    @reported_rows
    def units(self, ids: Sequence[int] | None = None) -> Iterator[Unit]:
        """The units with `ids` (in id order), or every unit if None."""
        with self._conn.cursor() as cur:
            rows: Iterable[tuple[Any, ...]]
            if ids is None:
                rows = cur.stream(f"SELECT {UNIT_FIELDS} FROM units ORDER BY id")
            elif all(i in self._fetched for i in ids):
                rows = [self._fetched[i] for i in sorted(set(ids))]
            else:
                rows = cur.execute(
                    f"SELECT {UNIT_FIELDS} FROM units WHERE id = ANY(%s) ORDER BY id",
                    (list(ids),),
                )
            yield from map(row_unit, rows)

    @reported
    def sources(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, source) of the units with `ids`, by id as on SQLite (the
        matcher's rapidfuzz cut keeps the first of equal scores).

        A lookup's candidates come with their whole rows (`ids_with_all`,
        `ids_ranked`), kept while it runs: its `sources`, `scoring_tokens`
        and `units` then take them from here, without a round trip
        (stored units never change; ids are not reused).
        """
        if all(i in self._fetched for i in ids):
            return [(i, str(self._fetched[i][1])) for i in sorted(set(ids))]
        cur = self._conn.execute(
            f"SELECT {UNIT_FIELDS}, toks FROM units WHERE id = ANY(%s) ORDER BY id",
            (list(ids),),
        )
        rows = {int(row[0]): row for row in cur}
        self._keep(rows)
        return [(i, str(row[1])) for i, row in rows.items()]

    def _keep(self, rows: dict[int, tuple[Any, ...]]) -> None:
        if len(self._fetched) > 10 * _KEPT_ROWS:
            self._fetched.clear()
        self._fetched |= rows

    def _kept_ids(self, rows: Iterable[tuple[Any, ...]]) -> list[int]:
        """The ids of `rows` (`ROW_FIELDS`), in their order; the rows are kept."""
        found = {int(row[0]): row for row in rows}
        self._keep(found)
        return list(found)

    @reported_rows
    def scoring_rows(self) -> Iterator[tuple[int, str, str | None]]:
        """(id, source, encoded scoring tokens or None) of every unit, by id."""
        with self._conn.cursor() as cur:
            for i, src, toks in cur.stream(
                "SELECT id, source, toks FROM units ORDER BY id"
            ):
                yield int(i), str(src), None if toks is None else toks.decode()

    @reported
    def scoring_tokens(self, ids: Sequence[int]) -> dict[int, tuple[str, Tokens]]:
        """Source and scoring tokens of the units with `ids`."""
        if all(i in self._fetched for i in ids):
            rows: Iterable[tuple[Any, ...]] = [self._fetched[i] for i in ids]
        else:
            rows = self._conn.execute(
                f"SELECT {UNIT_FIELDS}, toks FROM units WHERE id = ANY(%s)",
                (list(ids),),
            ).fetchall()
            self._keep({int(row[0]): row for row in rows})
        return {
            int(row[0]): (
                str(row[1]),
                source_tokens(
                    str(row[1]), None if row[-1] is None else row[-1].decode()
                ),
            )
            for row in rows
        }

    @reported
    def same_folded_source(self, source: str) -> list[Unit]:
        """Units whose source equals `source` up to case, diacritics and spacing.

        A lookup starts here, so the same statement reads the document
        frequencies of the source's words, which the lookup asks for next
        (`doc_freqs`) and which order `ids_with_all`'s groups: one round
        trip instead of two or three.
        """
        words = list(dict.fromkeys(index_words(tokenize(source))))
        if len(self._fetched) > _KEPT_ROWS:
            self._fetched.clear()
        cur = self._conn.execute(
            SAME_FOLDED_AND_FREQS, {"fkey": fold_key(source), "words": words}
        )
        rows, found = [], {}
        for row in cur:
            if row[0] is None:
                found[str(row[1])] = int(row[-1])
            else:
                rows.append(row[:-1])
        self._remember(words, found)
        self._lookup_df = dict.fromkeys(words, 0) | found
        self._keep({int(row[0]): row for row in rows})
        return [row_unit(r) for r in rows]

    @reported
    def doc_freqs(self, words: Sequence[str]) -> dict[str, int]:
        """How many sources contain each folded word (absent words are left out)."""
        read, self._lookup_df = self._lookup_df, None
        if read is not None and all(w in read for w in words):
            return {w: read[w] for w in words if read[w]}
        cur = self._conn.execute(
            "SELECT term, df FROM vocab WHERE term = ANY(%s)", (list(words),)
        )
        found = {str(t): int(d) for t, d in cur}
        self._remember(words, found)
        return found

    def _remember(self, words: Sequence[str], found: dict[str, int]) -> None:
        if len(self._seen) > 100_000:
            self._seen.clear()
        self._seen.update(dict.fromkeys(words, 0) | found)

    @reported
    def vocabulary(self) -> dict[str, int]:
        """Every folded word that occurs in a source, with its document frequency."""
        cur = self._conn.execute("SELECT term, df FROM vocab")
        return {str(t): int(d) for t, d in cur}

    @reported
    def ids_with_all(self, groups: Sequence[Sequence[str]], limit: int) -> list[int]:
        """Ids of sources containing, for every group, at least one of its words
        (the first `limit` by id, as FTS5 gives them).

        The group with the fewest postings is read in id order and each of
        its ids probes the other groups' postings (primary key lookups), so
        a lookup stops after `limit` hits instead of reading every posting
        of common words (an INTERSECT read all of them: up to 50 ms at 100k).
        The frequencies are those seen last (the lookup's first statement);
        a group of words not seen (a typo's guesses) goes last, unless no
        group was seen. The units' rows come with the ids (see `sources`).
        """
        kept = [list(dict.fromkeys(g)) for g in groups if g]
        if not kept:
            return []
        seen = self._seen
        if not any(all(w in seen for w in g) for g in kept):
            self.doc_freqs([w for g in kept for w in g])  # may empty `_seen` first
            seen = self._seen

        def postings(group: list[str]) -> tuple[bool, int]:
            return any(w not in seen for w in group), sum(seen.get(w, 0) for w in group)

        kept.sort(key=postings)
        if postings(kept[0]) == (False, 0):
            return []
        sql = with_all_sql([len(g) for g in kept])
        params = [g[0] if len(g) == 1 else g for g in kept]
        return self._kept_ids(self._conn.execute(sql, (*params, limit)))

    @reported
    def ids_ranked(self, words: Sequence[str], limit: int) -> list[int]:
        """Ids of the `limit` sources with any of `words`, best BM25 first.

        FTS5's bm25() over the source column, computed the same way: IDF
        from the source document frequency (floored at 1e-6), document
        length over both sides (one statement: a round trip costs more
        than the query when the machine is busy). The units' rows come
        with the ids (see `sources`).
        """
        if not words:
            return []
        cur = self._conn.execute(BM25, {"words": list(words), "limit": limit})
        return self._kept_ids(cur)

    @reported
    def concordance(
        self, words: Sequence[str], *, target: bool = False, limit: int = 50
    ) -> list[Unit]:
        """Units whose source (or target) contains the folded `words` as a phrase.

        Sources through their word table (`SOURCE_PHRASE`), targets through
        the trigram index of their words.
        """
        if not words:
            return []
        phrase = like_phrase(words)
        if not target:
            distinct = list(dict.fromkeys(words))
            cur = self._conn.execute(
                SOURCE_PHRASE,
                {"words": distinct, "n": len(distinct), "like": f"% {phrase} %",
                 "limit": limit},
            )  # fmt: skip
            return [row_unit(r) for r in cur]
        cur = self._conn.execute(
            f"SELECT {UNIT_FIELDS} FROM units WHERE tgt_words LIKE %s "
            "AND ' ' || tgt_words || ' ' LIKE %s ORDER BY id LIMIT %s",
            (f"%{phrase}%", f"% {phrase} %", limit),
        )
        return [row_unit(r) for r in cur]
