"""Occurrences and the build's state (either engine): where terms were seen
(with their sentences), the documents, and the mention cache."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Container, Iterable, Iterator, Sequence

from glossary.cluster.parts import parts_of
from glossary.extract.mention_codec import decode_mentions, encode_mentions
from glossary.model import Mention, Occurrence
from glossary.store.tables.base import Tables, first_free_id
from glossary.store.tables.bulk import BulkWriter
from glossary.store.tables.rows import INSERT_CONTEXT, INSERT_OCCURRENCE


class OccurrenceTables(Tables):
    """The ``occurrences``, ``contexts``, ``evidence`` of builds, ``documents``
    and ``mention_cache`` tables."""

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

    def concept_parts(self) -> dict[int, tuple[int, ...]]:
        """Concept id → the concepts named inside its names (`parts_of`)."""
        rows = self._conn.execute(
            'SELECT o.document, o.start, o."end", t.concept_id, t.text, c.kind '
            "FROM occurrences o JOIN terms t ON t.id = o.term_id "
            "JOIN concepts c ON c.id = t.concept_id "
            'ORDER BY o.document, o.start, o."end" DESC'
        )
        return parts_of(rows)

    def document_hash(self, path: str) -> str | None:
        """The content hash recorded for `path` by the last build, if any."""
        row = self._conn.execute(
            "SELECT sha256 FROM documents WHERE path = ?", (path,)
        ).fetchone()
        return row[0] if row else None

    def document_hashes(self) -> dict[str, str]:
        """Every built document's path and content hash."""
        rows = self._conn.execute("SELECT path, sha256 FROM documents")
        return {str(p): str(h) for p, h in rows}

    def forget_documents(self, paths: Iterable[str]) -> None:
        """Drop documents and their cached mentions: the next clustering leaves
        out their names (sources deleted or moved away)."""
        names = [(p,) for p in paths]
        with self.transaction():
            self._conn.executemany("DELETE FROM documents WHERE path = ?", names)
            self._conn.executemany(
                "DELETE FROM mention_cache WHERE document = ?", names
            )

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

    def record_document(self, path: str, sha256: str, lang: str = "") -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO documents (path, sha256, lang, added) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, "
                "lang = excluded.lang, added = excluded.added",
                (path, sha256, lang, time.time()),
            )

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
                "INSERT INTO mention_cache (document, sha256, mentions) "
                "VALUES (?, ?, ?) ON CONFLICT (document) DO UPDATE SET "
                "sha256 = excluded.sha256, mentions = excluded.mentions",
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
            with self._indexes_dropped("occurrences"):
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

    def bulk(self) -> BulkWriter:
        """A writer that buffers a build's rows and writes them in a few calls.

        Use it inside `transaction` and call `BulkWriter.flush` before the
        transaction ends; nothing else may write in between.
        """
        return BulkWriter(
            self._conn, self._indexes_dropped, self.user, (self._in_ids(), self._ids)
        )

    def _context_ids(self, texts: Iterable[str]) -> dict[str, int]:
        """The `contexts` id of each sentence, adding those not stored yet."""
        wanted = list(dict.fromkeys(texts))
        ids: dict[str, int] = {}
        if not wanted:
            return ids
        for cid, text in self._conn.execute(
            f"SELECT id, text FROM contexts WHERE text IN {self._in_texts()} "
            "ORDER BY id",
            (self._texts(wanted),),
        ):
            ids.setdefault(text, cid)
        new = [text for text in wanted if text not in ids]
        first = first_free_id(self._conn, "contexts")
        ids.update((text, first + n) for n, text in enumerate(new))
        self._conn.executemany(INSERT_CONTEXT, [(ids[t], t) for t in new])
        return ids
