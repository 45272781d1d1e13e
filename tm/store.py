"""The memory database: the only module of `tm` that touches SQLite.

`MemoryStore(path)` owns one connection in WAL mode. Units live in `units`
with two 64-bit keys: `ukey` (source, target and languages: duplicates fold
into one row) and `fkey` (the folded source: exact and case/diacritic-only
matches come from this index, not a scan). A contentless FTS5 table holds the
folded words of both sides, for fuzzy candidates and the concordance.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from glossary.errors import StoreError
from glossary.sqlite_guard import connect
from glossary.text import fold
from tm.match import Tokens
from tm.model import Unit
from tm.rows import (
    UNIT_FIELDS,
    WORD,
    encoded_tokens,
    fold_key,
    row_unit,
    source_tokens,
    text_key,
)

SCHEMA_VERSION = 3

# The first this many units get stored scoring tokens: memories up to this
# size are matched from an in-memory index built from them (`tm.index`).
# Beyond it, tokenising at import would cost a third of the import time for
# ~0.2 ms a lookup, so larger memories tokenise their few candidates instead.
TOKENISED_UNITS = 300_000

_SCHEMA_V1 = """
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    src_lang TEXT NOT NULL,
    tgt_lang TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    fkey INTEGER NOT NULL,
    ukey INTEGER NOT NULL UNIQUE
);
CREATE INDEX units_fkey ON units(fkey);
CREATE VIRTUAL TABLE units_fts USING fts5(src, tgt, content='', detail=full);
CREATE VIRTUAL TABLE units_vocab USING fts5vocab(units_fts, 'col');
"""

# v2: document frequency of each folded source word, kept by add_units. FTS5's
# own fts5vocab counts by walking the whole posting list (~9 ms a common word
# at 1M units); this table answers in microseconds.
_SCHEMA_V2 = """
CREATE TABLE vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO vocab SELECT term, doc FROM units_vocab WHERE col = 'src';
"""

# v3: each source's scoring tokens (`tm.match.encode_tokens`), so a lookup
# never runs the tokenising regex over stored text. NULL: tokenise when needed.
_SCHEMA_V3 = "ALTER TABLE units ADD COLUMN toks TEXT"

# PRAGMA application_id of a memory: "TMVI".
APPLICATION_ID = 0x544D5649


def _readonly_uri(path: str) -> str:
    """An SQLite URI opening `path` read-only (immutable on read-only media,
    where SQLite cannot make the WAL index beside the file)."""
    if path == ":memory:":
        return "file::memory:?mode=ro"
    resolved = Path(path).resolve()
    uri = f"{resolved.as_uri()}?mode=ro"
    try:
        if os.statvfs(resolved).f_flag & os.ST_RDONLY:
            uri += "&immutable=1"
    except OSError:
        pass  # missing: connect() says so
    return uri


def _phrase(words: Iterable[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


class MemoryStore:
    """A translation memory in one SQLite file (or ":memory:")."""

    def __init__(
        self, path: str | Path = ":memory:", *, readonly: bool = False
    ) -> None:
        """Open (creating or migrating) the memory at `path`.

        Args:
            path: the memory file, or ":memory:".
            readonly: only read it (it must exist and be current); works on
                read-only media.

        Raises:
            StoreError: The file cannot be opened or is not a memory.
        """
        self.path = str(path)
        self.readonly = readonly
        try:
            self._conn = connect(
                self.path,
                damaged="damaged memory database",
                target=_readonly_uri(self.path) if readonly else None,
                uri=readonly,
                isolation_level=None,
            )
            if not readonly:
                self._check_application()  # before WAL, which rewrites the header
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA cache_size=-65536")  # 64 MiB, bounded
            self._conn.create_function("tm_fold", 1, fold, deterministic=True)
            if readonly:
                self._check_application()
            self._migrate()
        except (sqlite3.DatabaseError, StoreError) as e:
            cause = e.__cause__ if isinstance(e, StoreError) else e
            if not isinstance(cause, sqlite3.DatabaseError):
                raise
            if "malformed" in str(cause):
                raise StoreError(f"{self.path}: damaged memory database") from cause
            raise StoreError(f"{self.path}: cannot open memory: {cause}") from cause

    def _check_application(self) -> None:
        """Refuse another program's SQLite file instead of adding our tables to it."""
        app = self._conn.execute("PRAGMA application_id").fetchone()[0]
        if app == APPLICATION_ID:
            return
        tables = {
            str(r[0])
            for r in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
        if app != 0 or (tables and "units" not in tables):
            raise StoreError(
                f"{self.path}: not a translation memory (another program's database)"
            )
        if not self.readonly:  # a new file, or one written before the id existed
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: everything inside is written, or nothing is."""
        self._conn.execute("BEGIN IMMEDIATE")  # StoreError when locked
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
        )
        row = self._conn.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this tm"
            )
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema {version} needs an upgrade")
            return
        for number, script in ((1, _SCHEMA_V1), (2, _SCHEMA_V2)):
            if version < number:
                with self.transaction():
                    for statement in script.split(";"):
                        if statement.strip():
                            self._conn.execute(statement)
                    self._conn.execute(
                        "INSERT INTO schema_version VALUES (?)", (number,)
                    )
        if version < 3:
            with self.transaction():
                self._conn.execute(_SCHEMA_V3)
                rows = self._conn.execute(
                    "SELECT id, source FROM units ORDER BY id LIMIT ?",
                    (TOKENISED_UNITS,),
                ).fetchall()
                self._conn.executemany(
                    "UPDATE units SET toks = ? WHERE id = ?",
                    ((encoded_tokens(str(src)), int(i)) for i, src in rows),
                )
                self._conn.execute("INSERT INTO schema_version VALUES (3)")

    def add_units(self, units: Iterable[Unit]) -> int:
        """Add `units` (NFC) in the current transaction; return how many were new.

        A unit whose source, target and languages are already stored is folded
        into the existing row (the first origin is kept).
        """
        before = self._conn.execute("SELECT coalesce(max(id), 0) FROM units")
        first = int(before.fetchone()[0])
        folded: dict[int, tuple[str, str]] = {}
        rows = []
        room = TOKENISED_UNITS - self.count()
        for n, u in enumerate(units):
            key = text_key(u.source, u.target, u.src_lang, u.tgt_lang)
            src = fold(u.source)
            folded.setdefault(key, (src, u.target))
            row = (u.source, u.target, u.src_lang, u.tgt_lang, u.origin)
            toks = encoded_tokens(u.source) if n < room else None
            rows.append((*row, u.context, text_key(src), key, toks))
        self._conn.executemany(
            "INSERT OR IGNORE INTO units (source, target, src_lang, tgt_lang, "
            "origin, context, fkey, ukey, toks) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        added = self._conn.execute(
            "SELECT id, ukey FROM units WHERE id > ?", (first,)
        ).fetchall()
        freq: Counter[str] = Counter()
        fts = []
        for row_id, key in added:
            src, target = folded[key]
            freq.update(set(WORD.findall(src)))
            fts.append((row_id, src, fold(target)))
        self._conn.executemany(
            "INSERT INTO units_fts (rowid, src, tgt) VALUES (?, ?, ?)", fts
        )
        self._conn.executemany(
            "INSERT INTO vocab VALUES (?, ?) "
            "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            freq.items(),
        )
        return len(added)

    def count(self) -> int:
        """Number of units stored."""
        return int(self._conn.execute("SELECT count(*) FROM units").fetchone()[0])

    def units(self, ids: Sequence[int] | None = None) -> Iterator[Unit]:
        """The units with `ids` (in id order), or every unit if None."""
        if ids is None:
            cur = self._conn.execute(f"SELECT {UNIT_FIELDS} FROM units ORDER BY id")
            yield from map(row_unit, cur)
            return
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            yield from map(
                row_unit,
                self._conn.execute(
                    f"SELECT {UNIT_FIELDS} FROM units WHERE id IN ({marks})"
                    " ORDER BY id",
                    chunk,
                ),
            )

    def sources(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, source) of the units with `ids`, cheaper than whole units."""
        marks = ",".join("?" * len(ids))
        cur = self._conn.execute(
            f"SELECT id, source FROM units WHERE id IN ({marks})", list(ids)
        )
        return [(int(i), str(t)) for i, t in cur]

    def scoring_rows(self) -> Iterator[tuple[int, str, str | None]]:
        """(id, source, encoded scoring tokens or None) of every unit, by id.

        The tokens are `tm.match.encode_tokens`' string; None for units
        stored without them.
        """
        cur = self._conn.execute("SELECT id, source, toks FROM units ORDER BY id")
        for i, src, toks in cur:
            yield int(i), str(src), None if toks is None else str(toks)

    def scoring_tokens(self, ids: Sequence[int]) -> dict[int, tuple[str, Tokens]]:
        """Source and scoring tokens of the units with `ids`."""
        marks = ",".join("?" * len(ids))
        cur = self._conn.execute(
            f"SELECT id, source, toks FROM units WHERE id IN ({marks})", list(ids)
        )
        return {int(i): (str(src), source_tokens(str(src), t)) for i, src, t in cur}

    def same_folded_source(self, source: str) -> list[Unit]:
        """Units whose source equals `source` up to case, diacritics and spacing."""
        cur = self._conn.execute(
            f"SELECT {UNIT_FIELDS} FROM units WHERE fkey = ?", (fold_key(source),)
        )
        return [row_unit(r) for r in cur]

    def doc_freqs(self, words: Sequence[str]) -> dict[str, int]:
        """How many sources contain each folded word (absent words are left out)."""
        marks = ",".join("?" * len(words))
        cur = self._conn.execute(
            f"SELECT term, df FROM vocab WHERE term IN ({marks})", list(words)
        )
        return {str(t): int(d) for t, d in cur}

    def vocabulary(self) -> dict[str, int]:
        """Every folded word that occurs in a source, with its document frequency."""
        cur = self._conn.execute("SELECT term, df FROM vocab")
        return {str(t): int(d) for t, d in cur}

    def ids_with_all(self, groups: Sequence[Sequence[str]], limit: int) -> list[int]:
        """Ids of sources containing, for every group, at least one of its words."""
        query = " AND ".join(
            "(" + " OR ".join(_phrase([w]) for w in g) + ")" for g in groups if g
        )
        cur = self._conn.execute(
            "SELECT rowid FROM units_fts WHERE units_fts MATCH ? LIMIT ?",
            (f"src : ({query})", limit),
        )
        return [int(r[0]) for r in cur]

    def ids_ranked(self, words: Sequence[str], limit: int) -> list[int]:
        """Ids of the `limit` sources with any of `words`, best BM25 rank first.

        Unlike `ids_with_all`, no word is required, so one wrong or missing
        word does not lose a source; FTS5 ranks every source holding one of
        the words, so the caller keeps the list to a few informative words.
        """
        query = " OR ".join(_phrase([w]) for w in words)
        cur = self._conn.execute(
            "SELECT rowid FROM units_fts WHERE units_fts MATCH ? ORDER BY rank LIMIT ?",
            (f"src : ({query})", limit),
        )
        return [int(r[0]) for r in cur]

    def concordance(
        self, words: Sequence[str], *, target: bool = False, limit: int = 50
    ) -> list[Unit]:
        """Units whose source (or target) contains the folded `words` as a phrase."""
        if not words:
            return []
        column = "tgt" if target else "src"
        cur = self._conn.execute(
            "SELECT rowid FROM units_fts WHERE units_fts MATCH ? "
            "ORDER BY rowid LIMIT ?",
            (f"{column} : {_phrase(words)}", limit),
        )
        return list(self.units([int(r[0]) for r in cur]))
