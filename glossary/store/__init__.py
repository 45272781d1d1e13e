"""The term base: with `store_schema` and `store_bulk`, the only code that
touches SQLite.

`TermBase(path)` owns one connection in WAL mode. Every public mutation runs in
one transaction (nested calls join the outer one), so a crash or Ctrl-C leaves
the database as it was before the call. Other modules get model objects, never
cursors or rows. A PostgreSQL backend would reimplement this class alone.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from glossary.errors import NotFoundError, StoreError
from glossary.extract.mention_codec import decode_mentions, encode_mentions
from glossary.model import (
    Concept,
    ConceptStatus,
    Evidence,
    Flag,
    Kind,
    Mention,
    Occurrence,
    Term,
    TermStatus,
    TermType,
)
from glossary.store.bulk import BulkWriter, first_free_id, indexes_dropped
from glossary.store.schema import (
    INSERT_CONCEPT,
    INSERT_CONTEXT,
    INSERT_EVIDENCE,
    INSERT_OCCURRENCE,
    INSERT_TERM,
    MIGRATIONS,
    SCHEMA_VERSION,
    flags_text,
    parse_flags,
    term_row,
)
from glossary.text import fold, name_key, nfc


class ConceptSummary(NamedTuple):
    """One row of the concept table: cheap to load for 50,000 concepts."""

    id: int
    kind: Kind
    status: ConceptStatus
    label: str
    terms: int
    occurrences: int
    flags: frozenset[Flag]
    keys: str  # fold keys of every term, space-joined, for filtering


class LogEntry(NamedTuple):
    id: int
    at: float
    action: str
    concept_id: int | None
    payload: dict[str, Any]


class Snapshot(NamedTuple):
    """Raw rows of some concepts, taken before or after a review step (for undo)."""

    concept_ids: tuple[int, ...]
    rows: dict[str, list[tuple[Any, ...]]]


class TermBase:
    """A term base in one SQLite file (or ``":memory:"``).

    Args:
        path: database file; created with the current schema when missing.
        readonly: open without write access (for the library API).

    Raises:
        StoreError: the file is not a term base or cannot be opened.
    """

    def __init__(
        self, path: str | Path = ":memory:", *, readonly: bool = False
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self._conn = sqlite3.connect(
                    uri, uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                self._conn = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False
                )
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            if not readonly and self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
            self._depth = 0
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable term base ({e})") from e

    @classmethod
    def open_existing(cls, path: str | Path, *, readonly: bool = False) -> TermBase:
        """Open a term base that must exist already: reading commands never create one.

        Args:
            path: the database file (":memory:" is accepted, as by the constructor).
            readonly: open the file read-only.

        Raises:
            StoreError: there is nothing at `path`, or it is not a term base.
        """
        if str(path) != ":memory:" and not Path(path).exists():
            raise StoreError(f"{path}: no term base here (run `glossary build` first)")
        return cls(path, readonly=readonly)

    # -- lifecycle -------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> TermBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the body in one transaction; nested calls join the outer one."""
        if self._depth == 0:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                raise StoreError(f"{self.path}: {e}") from e
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        row = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE name = 'schema_version'"
        ).fetchone()
        version = 0
        if row:
            version = self._conn.execute(
                "SELECT version FROM schema_version"
            ).fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema {version} is newer than this program"
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            raise StoreError(f"{self.path}: schema {version} needs an upgrade")
        with self.transaction():
            if version == 0:
                self._conn.execute("CREATE TABLE schema_version (version INTEGER)")
                self._conn.execute("INSERT INTO schema_version VALUES (0)")
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        self._conn.execute(statement)
            self._conn.execute(
                "UPDATE schema_version SET version = ?", (SCHEMA_VERSION,)
            )

    # -- reading ---------------------------------------------------------

    def concept(self, concept_id: int) -> Concept:
        """The concept with its terms and their evidence.

        Raises:
            NotFoundError: no concept has that id.
        """
        row = self._conn.execute(
            "SELECT id, key, kind, status, note, flags FROM concepts WHERE id = ?",
            (concept_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no concept {concept_id}")
        terms = self._terms_of([concept_id], with_evidence=True)
        return self._concept(row, terms.get(concept_id, []))

    def concepts(
        self,
        *,
        kind: Kind | None = None,
        status: ConceptStatus | None = None,
        with_evidence: bool = False,
    ) -> list[Concept]:
        """All concepts (optionally of one kind/status), ordered by id."""
        sql = "SELECT id, key, kind, status, note, flags FROM concepts"
        where, args = [], []
        if kind is not None:
            where.append("kind = ?")
            args.append(str(kind))
        if status is not None:
            where.append("status = ?")
            args.append(str(status))
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
        terms = self._terms_of(None, with_evidence=with_evidence)
        return [self._concept(r, terms.get(r[0], [])) for r in rows]

    def concept_by_key(self, key: str) -> Concept | None:
        """The concept stored under `key`, following merge redirects."""
        row = self._conn.execute(
            "SELECT id FROM concepts WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            row = self._conn.execute(
                "SELECT concept_id FROM redirects WHERE key = ?", (key,)
            ).fetchone()
        return self.concept(row[0]) if row else None

    def find(self, name: str) -> list[Concept]:
        """Concepts with a term matching `name` ignoring case, diacritics, spacing."""
        ids = [
            r[0]
            for r in self._conn.execute(
                "SELECT DISTINCT concept_id FROM terms WHERE name_key = ? "
                "ORDER BY concept_id",
                (name_key(nfc(name)),),
            )
        ]
        return [self.concept(i) for i in ids]

    def summaries(
        self, ids: Iterable[int] | None = None, *, limit: int | None = None
    ) -> list[ConceptSummary]:
        """One light row per concept (or per concept in `ids`), for tables.

        `limit` keeps the first concepts by id (a quick first screen).
        """
        where, args = "", []
        if ids is not None:
            args = sorted(set(ids))
            where = f"WHERE c.id IN ({','.join('?' * len(args))})"
        if limit is not None:
            where = f"{where} {'AND' if where else 'WHERE'} c.id IN "
            where += f"(SELECT id FROM concepts ORDER BY id LIMIT {int(limit)})"
        rows = self._conn.execute(
            f"""
            SELECT c.id, c.kind, c.status, c.flags,
                   COUNT(t.id), COALESCE(SUM(t.count), 0),
                   GROUP_CONCAT(t.fold_key, ' '),
                   (SELECT text FROM terms p WHERE p.concept_id = c.id
                    ORDER BY p.status != 'preferred', p.lang != 'vi', p.id LIMIT 1)
            FROM concepts c LEFT JOIN terms t ON t.concept_id = c.id
            {where} GROUP BY c.id ORDER BY c.id
            """,
            args,
        ).fetchall()
        return [
            ConceptSummary(
                id=r[0],
                kind=Kind(r[1]),
                status=ConceptStatus(r[2]),
                flags=parse_flags(r[3]),
                terms=r[4],
                occurrences=r[5],
                keys=r[6] or "",
                label=r[7] or "",
            )
            for r in rows
        ]

    def occurrences(self, concept_id: int, limit: int = 20) -> list[Occurrence]:
        """Where the concept's terms were seen, in document order."""
        rows = self._conn.execute(
            "SELECT o.document, o.start, o.\"end\", COALESCE(c.text, ''), t.text "
            "FROM occurrences o JOIN terms t ON t.id = o.term_id "
            "LEFT JOIN contexts c ON c.id = o.context_id "
            "WHERE t.concept_id = ? ORDER BY o.document, o.start LIMIT ?",
            (concept_id, limit),
        ).fetchall()
        return [Occurrence(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        """Totals for `glossary stats`: concepts by kind and status, terms, docs."""
        out: dict[str, int] = {}
        for kind, n in self._conn.execute(
            "SELECT kind, COUNT(*) FROM concepts GROUP BY kind"
        ):
            out[f"kind:{kind}"] = n
        for status, n in self._conn.execute(
            "SELECT status, COUNT(*) FROM concepts GROUP BY status"
        ):
            out[f"status:{status}"] = n
        for name in ("concepts", "terms", "occurrences", "documents"):
            out[name] = self._conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
        out["flagged"] = self._conn.execute(
            "SELECT COUNT(*) FROM concepts WHERE flags != ''"
        ).fetchone()[0]
        return out

    def document_hash(self, path: str) -> str | None:
        """The content hash recorded for `path` by the last build, if any."""
        row = self._conn.execute(
            "SELECT sha256 FROM documents WHERE path = ?", (path,)
        ).fetchone()
        return row[0] if row else None

    def rejected_keys(self) -> set[str]:
        """Keys of rejected concepts: a rebuild never proposes them again."""
        return {
            r[0]
            for r in self._conn.execute(
                "SELECT key FROM concepts WHERE status = 'rejected' AND key IS NOT NULL"
            )
        }

    def history(self, limit: int = 100) -> list[LogEntry]:
        """The latest review decisions, newest first."""
        rows = self._conn.execute(
            "SELECT id, at, action, concept_id, payload FROM review_log "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [LogEntry(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    # -- writing ---------------------------------------------------------

    def add_concept(self, concept: Concept, *, keep_id: bool = False) -> int:
        """Insert a concept with its terms (and their evidence); return its id.

        With `keep_id`, the concept keeps `concept.id` when that id is free
        (imports into an empty term base then reproduce the exported ids).
        """
        with self.transaction():
            wanted = concept.id if keep_id else None
            if (
                wanted is not None
                and self._conn.execute(
                    "SELECT 1 FROM concepts WHERE id = ?", (wanted,)
                ).fetchone()
            ):
                wanted = None
            cur = self._conn.execute(
                INSERT_CONCEPT,
                (
                    wanted,
                    concept.key or None,
                    str(concept.kind),
                    str(concept.status),
                    concept.note,
                    flags_text(concept.flags),
                    time.time(),
                ),
            )
            concept_id = int(cur.lastrowid or 0)
            for term in concept.terms:
                self.add_term(concept_id, term)
        return concept_id

    def add_term(self, concept_id: int, term: Term) -> int:
        """Add a term (with its evidence) to a concept; return the term id.

        Adding a term that the concept already has (same text and language)
        adds its count and evidence to the existing term instead.
        """
        text = nfc(term.text).strip()
        with self.transaction():
            row = self._conn.execute(
                "SELECT id FROM terms WHERE concept_id = ? AND text = ? AND lang = ?",
                (concept_id, text, term.lang),
            ).fetchone()
            if row:
                term_id = int(row[0])
                self._conn.execute(
                    "UPDATE terms SET count = count + ? WHERE id = ?",
                    (term.count, term_id),
                )
            else:
                cur = self._conn.execute(
                    INSERT_TERM, term_row(None, concept_id, text, term)
                )
                term_id = int(cur.lastrowid or 0)
            self._conn.executemany(
                INSERT_EVIDENCE,
                [
                    (term_id, e.rule, e.document, e.start, e.end, e.detail)
                    for e in term.evidence
                ],
            )
            self._touch(concept_id)
        return term_id

    def update_concept(
        self,
        concept_id: int,
        *,
        kind: Kind | None = None,
        status: ConceptStatus | None = None,
        note: str | None = None,
        flags: frozenset[Flag] | None = None,
        key: str | None = None,
    ) -> None:
        """Change fields of a concept; fields left as None stay as they are."""
        fields: dict[str, Any] = {
            "kind": kind,
            "status": status,
            "note": None if note is None else nfc(note),
            "flags": None if flags is None else flags_text(flags),
            "key": key,
        }
        self._update("concepts", concept_id, fields)

    def update_term(
        self,
        term_id: int,
        *,
        text: str | None = None,
        lang: str | None = None,
        status: TermStatus | None = None,
        type: TermType | None = None,
        count: int | None = None,
        context: str | None = None,
        manual: bool | None = None,
    ) -> None:
        """Change fields of a term; fields left as None stay as they are."""
        fields: dict[str, Any] = {
            "lang": lang,
            "status": status,
            "type": type,
            "count": count,
            "context": None if context is None else nfc(context),
            "manual": None if manual is None else int(manual),
        }
        if text is not None:
            text = nfc(text).strip()
            fields.update(text=text, fold_key=fold(text), name_key=name_key(text))
        self._update("terms", term_id, fields)

    def _update(self, table: str, row_id: int, fields: dict[str, Any]) -> None:
        values = {k: str(v) if isinstance(v, str) else v for k, v in fields.items()}
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            return
        assignments = ", ".join(f"{k} = ?" for k in values)
        with self.transaction():
            try:
                cur = self._conn.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = ?",
                    [*values.values(), row_id],
                )
            except sqlite3.IntegrityError as e:
                raise StoreError(f"cannot update {table[:-1]} {row_id}: {e}") from e
            if cur.rowcount == 0:
                raise NotFoundError(f"no {table[:-1]} {row_id}")
            concept_id = row_id if table == "concepts" else self.concept_of_term(row_id)
            self._touch(concept_id)

    def concept_of_term(self, term_id: int) -> int:
        row = self._conn.execute(
            "SELECT concept_id FROM terms WHERE id = ?", (term_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no term {term_id}")
        return int(row[0])

    def remove_term(self, term_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM terms WHERE id = ?", (term_id,))

    def move_term(self, term_id: int, concept_id: int) -> None:
        """Move a term (with its evidence and occurrences) to another concept.

        If the target already has the same text and language, the two merge.
        """
        with self.transaction():
            row = self._conn.execute(
                "SELECT t.text, t.lang, t.count, o.id FROM terms t "
                "LEFT JOIN terms o ON o.concept_id = ? AND o.text = t.text "
                "AND o.lang = t.lang WHERE t.id = ?",
                (concept_id, term_id),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no term {term_id}")
            _, _, count, twin = row
            if twin is None:
                self._conn.execute(
                    "UPDATE terms SET concept_id = ? WHERE id = ?",
                    (concept_id, term_id),
                )
            else:
                for table in ("evidence", "occurrences"):
                    self._conn.execute(
                        f"UPDATE {table} SET term_id = ? WHERE term_id = ?",
                        (twin, term_id),
                    )
                self._conn.execute(
                    "UPDATE terms SET count = count + ? WHERE id = ?", (count, twin)
                )
                self._conn.execute("DELETE FROM terms WHERE id = ?", (term_id,))
            self._touch(concept_id)

    def merge(self, source_id: int, target_id: int) -> None:
        """Move every term of `source_id` into `target_id` and delete the source.

        The source's key is kept as a redirect, so a later rebuild that finds
        the same name adds to the target instead of recreating the source.
        """
        if source_id == target_id:
            raise StoreError("cannot merge a concept into itself")
        with self.transaction():
            source = self.concept(source_id)
            self.concept(target_id)  # raises NotFoundError
            for term in source.terms:
                assert term.id is not None
                if term.is_preferred:
                    self.update_term(term.id, status=TermStatus.ADMITTED)
                self.move_term(term.id, target_id)
            self._conn.execute(
                "UPDATE redirects SET concept_id = ? WHERE concept_id = ?",
                (target_id, source_id),
            )
            if source.key:
                self._conn.execute(
                    "INSERT OR REPLACE INTO redirects (key, concept_id) VALUES (?, ?)",
                    (source.key, target_id),
                )
            self._conn.execute("DELETE FROM concepts WHERE id = ?", (source_id,))

    def delete_concept(self, concept_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM concepts WHERE id = ?", (concept_id,))

    def add_occurrences(self, term_id: int, occurrences: Sequence[Occurrence]) -> None:
        with self.transaction():
            ids = self._context_ids(o.context for o in occurrences)
            self._conn.executemany(
                INSERT_OCCURRENCE,
                [
                    (term_id, o.document, o.start, o.end, ids[o.context])
                    for o in occurrences
                ],
            )

    def _context_ids(self, texts: Iterable[str]) -> dict[str, int]:
        """The `contexts` id of each sentence, adding those not stored yet."""
        wanted = list(dict.fromkeys(texts))
        ids: dict[str, int] = {}
        if not wanted:
            return ids
        for cid, text in self._conn.execute(
            "SELECT id, text FROM contexts WHERE text IN "
            "(SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(wanted, ensure_ascii=False),),
        ):
            ids.setdefault(text, cid)
        new = [text for text in wanted if text not in ids]
        first = first_free_id(self._conn, "contexts")
        ids.update((text, first + n) for n, text in enumerate(new))
        self._conn.executemany(INSERT_CONTEXT, [(ids[t], t) for t in new])
        return ids

    def record_document(self, path: str, sha256: str, lang: str = "") -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO documents (path, sha256, lang, added) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, "
                "lang = excluded.lang, added = excluded.added",
                (path, sha256, lang, time.time()),
            )

    def log(self, action: str, concept_id: int | None, **payload: Any) -> None:
        """Append a review decision to the log (in the caller's transaction)."""
        with self.transaction():
            self._conn.execute(
                "INSERT INTO review_log (at, action, concept_id, payload) "
                "VALUES (?, ?, ?, ?)",
                (
                    time.time(),
                    action,
                    concept_id,
                    json.dumps(payload, ensure_ascii=False),
                ),
            )

    def snapshot(self, concept_ids: Iterable[int]) -> Snapshot:
        """The raw rows of some concepts, for undo: see `restore`.

        Concepts that do not exist are left out.
        """
        ids = sorted(set(concept_ids))
        marks = ",".join("?" * len(ids))
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table, sql in (
            ("concepts", f"SELECT * FROM concepts WHERE id IN ({marks})"),
            ("terms", f"SELECT * FROM terms WHERE concept_id IN ({marks})"),
            (
                "evidence",
                "SELECT e.* FROM evidence e JOIN terms t ON t.id = e.term_id "
                f"WHERE t.concept_id IN ({marks})",
            ),
            (
                "occurrences",  # with the sentence itself: see `restore`
                'SELECT o.id, o.term_id, o.document, o.start, o."end", '
                "COALESCE(c.text, '') FROM occurrences o "
                "JOIN terms t ON t.id = o.term_id "
                "LEFT JOIN contexts c ON c.id = o.context_id "
                f"WHERE t.concept_id IN ({marks})",
            ),
            ("redirects", f"SELECT * FROM redirects WHERE concept_id IN ({marks})"),
        ):
            rows[table] = [tuple(r) for r in self._conn.execute(sql, ids)]
        return Snapshot(tuple(ids), rows)

    def restore(self, snapshot: Snapshot, *, drop: Iterable[int] = ()) -> None:
        """Put concepts back exactly as `snapshot` saw them (same ids).

        The concepts of the snapshot and those in `drop` are deleted first, so a
        concept created after the snapshot (e.g. by a split) disappears.
        """
        ids = sorted(set(snapshot.concept_ids) | set(drop))
        with self.transaction():
            self._conn.execute(
                f"DELETE FROM concepts WHERE id IN ({','.join('?' * len(ids))})", ids
            )
            rows = dict(snapshot.rows)
            # a build may have renumbered the sentences since the snapshot
            context = self._context_ids(r[-1] for r in rows.get("occurrences", []))
            rows["occurrences"] = [
                (*r[:-1], context[r[-1]]) for r in rows.get("occurrences", [])
            ]
            for table in ("concepts", "terms", "evidence", "occurrences", "redirects"):
                table_rows = rows.get(table, [])
                if table_rows:
                    marks = ",".join("?" * len(table_rows[0]))
                    self._conn.executemany(
                        f"INSERT OR REPLACE INTO {table} VALUES ({marks})", table_rows
                    )

    # -- build support ---------------------------------------------------

    def cached_mentions(self, path: str, sha256: str) -> list[Mention] | None:
        """The mentions cached for `path` at content hash `sha256`, if any."""
        row = self._conn.execute(
            "SELECT mentions FROM mention_cache WHERE document = ? AND sha256 = ?",
            (path, sha256),
        ).fetchone()
        if row is None:
            return None
        return decode_mentions(row[0])

    def cache_mentions(
        self, path: str, sha256: str, mentions: Sequence[Mention], lang: str = ""
    ) -> None:
        """Cache a document's mentions and record its hash, in one transaction."""
        self.cache_encoded(path, sha256, encode_mentions(mentions), lang)

    def cache_encoded(
        self, path: str, sha256: str, data: bytes, lang: str = ""
    ) -> None:
        """`cache_mentions` for mentions already encoded by `encode_mentions`.

        Extraction workers encode; the process that owns the store only writes.
        """
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO mention_cache (document, sha256, mentions) "
                "VALUES (?, ?, ?)",
                (path, sha256, data),
            )
            self.record_document(path, sha256, lang)

    def all_cached_mentions(self) -> Iterator[list[Mention]]:
        """The cached mentions of every document built so far, one list each."""
        for _, mentions in self.cached_documents():
            yield mentions or []

    def cached_documents(
        self, *, skip: Container[str] = frozenset()
    ) -> Iterator[tuple[str, list[Mention] | None]]:
        """Every document of the mention cache, in path order, with its mentions.

        Args:
            skip: documents whose mentions the caller has: given with None
                instead of being read and decoded.
        """
        # One document's mentions are decoded at a time, from one cursor;
        # callers consume the iterator before writing.
        for path, data in self._conn.execute(
            "SELECT document, mentions FROM mention_cache ORDER BY document"
        ):
            yield str(path), None if path in skip else decode_mentions(data)

    def cache_stamp(self) -> str:
        """A hash of every cached (document, hash) pair: changes with any input."""
        digest = hashlib.sha256()
        for path, sha in self._conn.execute(
            "SELECT document, sha256 FROM mention_cache ORDER BY document"
        ):
            digest.update(f"{path}\t{sha}\n".encode())
        return digest.hexdigest()

    def meta(self, key: str) -> str | None:
        """A value of the build state, or None."""
        row = self._conn.execute(
            "SELECT value FROM meta WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def reviewed_concept_ids(self) -> set[int]:
        """Concepts a reviewer touched: a rebuild adds to them but changes nothing.

        Approved or rejected, holding a manual term, the target of a merge
        redirect, or named in the review log.
        """
        rows = self._conn.execute(
            """
            SELECT id FROM concepts WHERE status != 'candidate'
            UNION SELECT concept_id FROM terms WHERE manual = 1
            UNION SELECT concept_id FROM redirects
            UNION SELECT concept_id FROM review_log WHERE concept_id IS NOT NULL
            """
        ).fetchall()
        return {int(r[0]) for r in rows}

    def term_places(self) -> dict[tuple[str, str], list[tuple[int, int, bool]]]:
        """Where each (text, lang) lives: (concept id, term id, manual) per term."""
        out: dict[tuple[str, str], list[tuple[int, int, bool]]] = {}
        for text, lang, cid, tid, manual in self._conn.execute(
            "SELECT text, lang, concept_id, id, manual FROM terms ORDER BY id"
        ):
            out.setdefault((text, lang), []).append((cid, tid, bool(manual)))
        return out

    def occurring_term_ids(self) -> set[int]:
        """Terms that have at least one occurrence (i.e. came from a build)."""
        return {
            int(r[0])
            for r in self._conn.execute("SELECT DISTINCT term_id FROM occurrences")
        }

    def reset_build_data(self) -> None:
        """Drop what a build derives (occurrences, build evidence, counts).

        Called inside the build's store transaction, which re-adds them from
        the clustered mentions of every document.
        """
        with self.transaction():
            self._conn.execute(
                "UPDATE terms SET count = 0 WHERE id IN "
                "(SELECT DISTINCT term_id FROM occurrences)"
            )
            # With foreign keys on, SQLite deletes row by row, updating every
            # index: a fourth of the time without them (rebuilt empty).
            with indexes_dropped(self._conn, "occurrences"):
                self._conn.execute("DELETE FROM occurrences")
            self._conn.execute("DELETE FROM contexts")
            self._conn.execute("DELETE FROM evidence WHERE document != ''")

    def placeless_evidence(self) -> set[tuple[int, str, str]]:
        """(term id, rule, detail) of each evidence row tied to no document
        (a gazetteer match, a synthesized form): `reset_build_data` keeps
        them, so a build does not add them again."""
        return {
            (int(tid), str(rule), str(detail))
            for tid, rule, detail in self._conn.execute(
                "SELECT term_id, rule, detail FROM evidence WHERE document = ''"
            )
        }

    def concept_ids_by_key(self) -> dict[str, int]:
        """Every concept key and merge-redirect key, with the concept it names.

        A concept's own key wins over a redirect, as in `concept_by_key`.
        """
        out = {
            str(k): int(c)
            for k, c in self._conn.execute("SELECT key, concept_id FROM redirects")
        }
        out.update(
            (str(k), int(i))
            for i, k in self._conn.execute(
                "SELECT id, key FROM concepts WHERE key IS NOT NULL"
            )
        )
        return out

    def bulk(self) -> BulkWriter:
        """A writer that buffers a build's rows and writes them in a few calls.

        Use it inside `transaction` and call `BulkWriter.flush` before the
        transaction ends; nothing else may write in between.
        """
        return BulkWriter(self._conn)

    def term_owners(self, term_ids: Iterable[int]) -> dict[int, tuple[int, bool]]:
        """The concept and the manual flag of each of `term_ids` that exists."""
        return {
            int(tid): (int(cid), bool(manual))
            for tid, cid, manual in self._conn.execute(
                "SELECT id, concept_id, manual FROM terms WHERE id IN "
                "(SELECT value FROM json_each(?))",
                (_id_list(term_ids),),
            )
        }

    def remove_terms(self, term_ids: Iterable[int]) -> None:
        """Delete terms (with their evidence and occurrences)."""
        self._delete_ids("terms", term_ids)

    def empty_candidates(self, concept_ids: Iterable[int]) -> set[int]:
        """Those of `concept_ids` that are candidate concepts without terms."""
        return {
            int(r[0])
            for r in self._conn.execute(
                "SELECT id FROM concepts WHERE status = 'candidate' AND id IN "
                "(SELECT value FROM json_each(?)) AND NOT EXISTS "
                "(SELECT 1 FROM terms t WHERE t.concept_id = concepts.id)",
                (_id_list(concept_ids),),
            )
        }

    def delete_concepts(self, concept_ids: Iterable[int]) -> None:
        """Delete concepts (with everything that hangs off them)."""
        self._delete_ids("concepts", concept_ids)

    # -- helpers ---------------------------------------------------------

    def _delete_ids(self, table: str, ids: Iterable[int]) -> None:
        # `table` is one of this module's names, never user input
        with self.transaction():
            self._conn.execute(
                f"DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (_id_list(ids),),
            )

    def _touch(self, concept_id: int) -> None:
        self._conn.execute(
            "UPDATE concepts SET updated = ? WHERE id = ?", (time.time(), concept_id)
        )

    def _terms_of(
        self, concept_ids: list[int] | None, *, with_evidence: bool
    ) -> dict[int, list[Term]]:
        sql = (
            "SELECT id, concept_id, text, lang, status, type, count, pos, context, "
            "manual "
            "FROM terms"
        )
        args: list[int] = []
        if concept_ids is not None:
            sql += f" WHERE concept_id IN ({','.join('?' * len(concept_ids))})"
            args = concept_ids
        rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
        evidence: dict[int, list[Evidence]] = {}
        if with_evidence and rows:
            ev_sql = (
                'SELECT term_id, rule, document, start, "end", detail FROM evidence'
            )
            if concept_ids is not None:
                ev_sql += f" WHERE term_id IN ({','.join(str(r[0]) for r in rows)})"
            for r in self._conn.execute(ev_sql + " ORDER BY id"):
                evidence.setdefault(r[0], []).append(Evidence(*r[1:]))
        out: dict[int, list[Term]] = {}
        for r in rows:
            out.setdefault(r[1], []).append(
                Term(
                    id=r[0],
                    text=r[2],
                    lang=r[3],
                    status=TermStatus(r[4]),
                    type=TermType(r[5]),
                    count=r[6],
                    pos=r[7],
                    context=r[8],
                    manual=bool(r[9]),
                    evidence=tuple(evidence.get(r[0], ())),
                )
            )
        return out

    @staticmethod
    def _concept(row: Sequence[Any], terms: list[Term]) -> Concept:
        return Concept(
            id=row[0],
            key=row[1] or "",
            kind=Kind(row[2]),
            status=ConceptStatus(row[3]),
            note=row[4],
            flags=parse_flags(row[5]),
            terms=tuple(terms),
        )


def _id_list(ids: Iterable[int]) -> str:
    # One JSON parameter instead of one "?" per id: no limit on how many.
    return json.dumps(sorted({int(i) for i in ids}))
