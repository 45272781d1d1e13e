"""The review log and snapshots of the SQLite engine (what undo restores)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from glossary.store.records import LogEntry, Snapshot
from glossary.store.sqlite.connection import SQLiteConnection
from glossary.store.sqlite.occurrences import context_ids


class ReviewTables(SQLiteConnection):
    """The ``review_log`` table, and raw snapshots of concepts for undo."""

    def history(self, limit: int = 100) -> list[LogEntry]:
        """The latest review decisions, newest first."""
        rows = self._conn.execute(
            "SELECT id, at, action, concept_id, payload FROM review_log "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [LogEntry(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

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
            old = rows.get("occurrences", [])
            context = context_ids(self._conn, (r[-1] for r in old))
            rows["occurrences"] = [(*r[:-1], context[r[-1]]) for r in old]
            for table in ("concepts", "terms", "evidence", "occurrences", "redirects"):
                table_rows = rows.get(table, [])
                if table_rows:
                    marks = ",".join("?" * len(table_rows[0]))
                    self._conn.executemany(
                        f"INSERT OR REPLACE INTO {table} VALUES ({marks})", table_rows
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
