"""A build's scratch file of occurrences: `OccurrenceSpill`.

A streamed build (`glossary.build`) writes every name's occurrence here as
its document is grouped, with the id of the document group it came in and
the written form it is an occurrence of, and every English term mention
(a chunk: its text, place and sentence), instead of holding them to the
store phase (a quarter of a million per 10 MB of English, each with its
sentence). The store phase tells the spill which candidate took each group
(`map_sources`), which spans of which chunk texts are a term candidate's
forms (`add_hits`) and which term each form of a candidate became
(`map_term`); `placed` then reads the occurrences back as rows of the
term base: the names' in the order they were spilled, then the terms'.
The corpus stage also shelves here what it need not hold to its end
(`shelve`, `unshelve`: the members of document-local short names).

A separate SQLite file in a temporary directory, whichever engine holds
the term base: it is the build's own memory, gone with the build.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from glossary.model import Mention, Occurrence
from glossary.store.tables.rows import insert_rows

_SCHEMA = """
CREATE TABLE occ (
    gid INTEGER NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL,
    document TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY, text TEXT NOT NULL, named INTEGER NOT NULL
);
CREATE TABLE sources (gid INTEGER PRIMARY KEY, cand INTEGER NOT NULL);
CREATE TABLE terms (
    cand INTEGER NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL,
    tid INTEGER NOT NULL
);
CREATE TABLE chunks (
    text TEXT NOT NULL, document TEXT NOT NULL, start INTEGER NOT NULL,
    sentence INTEGER NOT NULL
);
CREATE TABLE hits (
    text TEXT NOT NULL, cand INTEGER NOT NULL, form TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE TABLE shelf (id INTEGER PRIMARY KEY, item BLOB NOT NULL);
"""

# The placed occurrences: (term id, document, start, end, sentence number
# plus a parameter), the names' in the order spilled, then the terms'. CROSS
# JOIN keeps SQLite to this order: the spill in order, then each row's
# candidate and term by their indexes, so no sort is made. `schema` is where
# the tables are ("" in the spill's own connection).
_PLACED = (
    'SELECT t.tid, o.document, o.start, o."end", ? + o.sentence '
    "FROM {schema}occ o CROSS JOIN {schema}sources s ON s.gid = o.gid "
    "CROSS JOIN {schema}terms t ON t.cand = s.cand AND t.text = o.text "
    "AND t.lang = o.lang ORDER BY o.rowid",
    'SELECT t.tid, c.document, c.start + h.start, c.start + h."end", '
    "? + c.sentence FROM {schema}chunks c CROSS JOIN {schema}hits h "
    "ON h.text = c.text CROSS JOIN {schema}terms t ON t.cand = h.cand "
    "AND t.text = h.form AND t.lang = 'en' ORDER BY c.rowid",
)
_INSERT_PLACED = (
    'INSERT INTO occurrences (term_id, document, start, "end", context_id) '
)

# Rows buffered before one ``executemany``.
_BATCH = 20_000


class OccurrenceSpill:
    """Occurrences written as documents are grouped, read back once placed.

    Sentences are numbered once per `add` (one document's occurrences: a
    sentence names several things); the term base stores them with these
    numbers (past its own ids), so a sentence two documents share is stored
    twice.
    """

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="glossary-spill-")
        self._path = Path(self._dir.name) / "spill.db"
        self._conn = sqlite3.connect(self._path, isolation_level=None)
        self._attached: tuple[Any, str] | None = None  # (term base, as what)
        # Scratch data: a crash loses nothing the term base needs.
        self._conn.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA
        )
        self._buffers: dict[str, list[tuple[Any, ...]]] = {
            "INSERT INTO occ VALUES (?, ?, ?, ?, ?, ?, ?)": [],
            "INSERT INTO sentences VALUES (?, ?, ?)": [],
            "INSERT INTO sources VALUES (?, ?)": [],
            "INSERT INTO terms VALUES (?, ?, ?, ?)": [],
            "INSERT INTO chunks VALUES (?, ?, ?, ?)": [],
            "INSERT INTO shelf VALUES (?, ?)": [],
        }
        (
            self._occ,
            self._sentences,
            self._sources,
            self._terms,
            self._chunks,
            self._shelf,
        ) = self._buffers.values()
        self._shelved = 0
        self._next_sentence = 0
        self._names = 0  # names' occurrences spilled
        self.rows = 0  # occurrences spilled

    def add(
        self,
        rows: Iterable[tuple[int, str, str, Mention | Occurrence]],
        chunks: Iterable[Mention] = (),
    ) -> None:
        """Spill one document's occurrences: (group id, form text, form
        language, the mention or occurrence: its document, start, end and
        sentence); and its English term mentions (`chunks`), whose spans
        `add_hits` will say."""
        # Inline, not a helper per row: this runs for every mention of the
        # corpus, in the process that is the critical path of extraction.
        ids: dict[str, int] = {}
        known = ids.get
        occ, sentences, chunk_rows = self._occ, self._sentences, self._chunks
        n, names = len(occ) + len(chunk_rows), len(occ)
        next_id = self._next_sentence
        for gid, text, lang, o in rows:
            sid = known(o.context)
            if sid is None:
                sid = ids[o.context] = next_id
                next_id += 1
                sentences.append((sid, o.context, 1))
            occ.append((gid, text, lang, o.document, o.start, o.end, sid))
        for m in chunks:
            sid = known(m.context)
            if sid is None:
                sid = ids[m.context] = next_id
                next_id += 1
                sentences.append((sid, m.context, 0))
            chunk_rows.append((m.text, m.document, m.start, sid))
        self._next_sentence = next_id
        self._names += len(occ) - names
        self.rows += len(occ) + len(chunk_rows) - n
        if len(occ) + len(chunk_rows) >= _BATCH:
            self._write()

    def shelve(self, item: Any) -> int:
        """Keep `item` (pickled) until `unshelve`; its key."""
        key = self._shelved
        self._shelved += 1
        self._shelf.append((key, pickle.dumps(item, pickle.HIGHEST_PROTOCOL)))
        if len(self._shelf) >= _BATCH:
            self._write()
        return key

    def unshelve(self, key: int) -> Any:
        """The item `shelve` kept under `key`."""
        if self._shelf:
            self._write()
        (data,) = self._conn.execute(
            "SELECT item FROM shelf WHERE id = ?", (key,)
        ).fetchone()
        return pickle.loads(data)

    def add_hits(self, hits: Iterable[tuple[str, int, str, int, int]]) -> None:
        """The spans of chunk texts that are candidates' forms: (chunk text,
        candidate number, form, start, end in the text)."""
        self._write()
        with self._conn:
            self._conn.execute("BEGIN")
            self._conn.executemany("INSERT INTO hits VALUES (?, ?, ?, ?, ?)", hits)

    def map_sources(self, cand: int, gids: Iterable[int]) -> None:
        """Candidate number `cand` took the document groups `gids`."""
        self._sources.extend((gid, cand) for gid in gids)
        if len(self._sources) >= _BATCH:
            self._write()

    def map_term(self, cand: int, text: str, lang: str, tid: int) -> None:
        """The form (`text`, `lang`) of candidate `cand` is stored as term `tid`."""
        self._terms.append((cand, text, lang, tid))
        if len(self._terms) >= _BATCH:
            self._write()

    def _write(self) -> None:
        with self._conn:
            self._conn.execute("BEGIN")
            for sql, rows in self._buffers.items():
                if rows:
                    insert_rows(self._conn, sql, rows)
                    rows.clear()

    def placed(self, used: bytearray) -> Iterator[tuple[int, str, int, int, int]]:
        """(term id, document, start, end, sentence) of every spilled
        occurrence whose form became a term, in the order spilled; marks
        each sentence read in `used` (one byte per sentence number)."""
        self._indexed()
        used.extend(bytes(self._next_sentence - len(used)))
        for query in _PLACED:
            for tid, doc, start, end, sid in self._conn.execute(
                query.format(schema=""), (0,)
            ):
                used[sid] = 1
                yield tid, doc, start, end, sid

    def insert_placed(self, conn: Any, first: int) -> bool:
        """Insert what `placed` and `sentences` give into the occurrences and
        contexts of the SQLite term base `conn`, the sentences numbered from
        `first`, by SQL over this file attached to it: no row passes through
        Python (a third of a 10 MB build's store phase did). False, and
        nothing done, when `conn` is not SQLite's.
        """
        if not isinstance(conn, sqlite3.Connection):
            return False
        self._indexed()
        if self._attached is None:
            # One name per spill: another build on `conn` may attach its own
            # before this one's transaction lets `close` detach it.
            self._attached = (conn, f"spill_{id(self):x}")
            conn.execute(
                "ATTACH DATABASE ? AS " + self._attached[1], (str(self._path),)
            )
        schema = self._attached[1] + "."
        names, terms = (_INSERT_PLACED + q.format(schema=schema) for q in _PLACED)
        every_name = conn.execute(names, (first,)).rowcount == self._names
        (last,) = conn.execute(
            "SELECT COALESCE(MAX(id), 0) FROM occurrences"
        ).fetchone()
        conn.execute(terms, (first,))
        if every_name:
            # a sentence a name was spilled with is used: only those of the
            # term mentions alone are looked for among the terms' occurrences
            used = (
                "named OR ? + id IN (SELECT context_id FROM occurrences WHERE id > ?)"
            )
            args = (first, first, last)
        else:
            used = (
                "? + id IN (SELECT context_id FROM occurrences WHERE context_id >= ?)"
            )
            args = (first, first, first)
        conn.execute(
            "INSERT INTO contexts (id, text) SELECT ? + id, text "
            f"FROM {schema}sentences WHERE {used} ORDER BY id",
            args,
        )
        return True

    def _indexed(self) -> None:
        """Write what is buffered, and index what `_PLACED` looks up."""
        self._write()
        self._conn.executescript(
            # covering: a form's term id without reading the row
            "CREATE INDEX IF NOT EXISTS terms_of ON terms(cand, text, lang, tid);"
            "CREATE INDEX IF NOT EXISTS hits_of ON hits(text)"
        )

    def sentences(self, used: bytearray) -> Iterator[tuple[int, str]]:
        """(number, text) of the sentences marked in `used`."""
        self._write()
        for sid, text in self._conn.execute("SELECT id, text FROM sentences"):
            if used[sid]:
                yield sid, text

    def close(self) -> None:
        """Remove the file (detached from the term base that `insert_placed`
        attached it to, once that one's transaction is over)."""
        if self._attached is not None and not self._attached[0].in_transaction:
            self._attached[0].execute("DETACH DATABASE " + self._attached[1])
        self._attached = None
        self._conn.close()
        self._dir.cleanup()
