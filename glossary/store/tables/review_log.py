"""The review log and snapshots of concepts, what undo restores (either engine)."""

from __future__ import annotations

import json
import time
from collections.abc import Container, Iterable
from typing import Any

from glossary.errors import ConflictError
from glossary.store.records import LogEntry, Snapshot, Version
from glossary.store.tables.base import storable_id
from glossary.store.tables.occurrences import OccurrenceTables

_TABLES = ("concepts", "terms", "evidence", "occurrences", "redirects")
Row = tuple[Any, ...]


def _table_plan(
    table: str,
    done: list[Row],
    wanted: list[Row],
    now: list[Row],
    stamps: Container[int],
) -> tuple[list[tuple[Any, dict[int, Any]]], list[Any]]:
    """What reverting one table takes: (pk, {column: value}) to write, pks to drop.

    Columns `stamps` (when, how often and by whom a row last changed) are
    neither compared nor put back.

    Raises:
        ConflictError: a row or value the step changed (or a row it would
            drop) differs from `done` now.
    """
    before = {r[0]: r for r in wanted}
    after = {r[0]: r for r in done}
    current = {r[0]: r for r in now}
    writes: list[tuple[Any, dict[int, Any]]] = []
    drops: list[Any] = []
    for pk in before.keys() | after.keys():
        old, new, cur = before.get(pk), after.get(pk), current.get(pk)
        if old == new:
            continue
        if new is None:  # the step deleted the row: bring it back whole
            if cur is not None:
                raise _conflict(table, pk)
            writes.append((pk, dict(enumerate(old or ()))))
        elif old is None:  # the step created the row: drop it, unless
            if cur is not None:  # changed since (approved, say): keep that
                if _differs(cur, new, stamps):
                    raise _conflict(table, pk)
                drops.append(pk)
        else:
            pairs = enumerate(zip(old, new, strict=True))
            changed = [i for i, (x, y) in pairs if x != y and i not in stamps]
            if changed and (cur is None or any(cur[i] != new[i] for i in changed)):
                raise _conflict(table, pk)
            if changed:
                writes.append((pk, {i: old[i] for i in changed}))
    return writes, drops


def _differs(a: Row, b: Row, stamps: Container[int]) -> bool:
    return any(
        x != y for i, (x, y) in enumerate(zip(a, b, strict=True)) if i not in stamps
    )


def named_concepts(
    concept_id: int | None, payload: dict[str, Any]
) -> dict[int, int | None]:
    """Every concept a log entry's decision names, with the version it left
    each at (None: named without one): the rows of ``review_log_concepts``.

    Its first concept, `ids`, `target` and the keys of `versions`.
    """
    named: dict[int, int | None] = dict.fromkeys(
        int(i)
        for i in (concept_id, *payload.get("ids", ()), payload.get("target"))
        if i is not None
    )
    named.update((int(c), int(v)) for c, v in payload.get("versions", {}).items())
    return named


def _conflict(table: str, pk: Any) -> ConflictError:
    what = {"concepts": "concept", "terms": "term"}.get(table, f"{table} row")
    return ConflictError(
        f"{what} {pk} has changed since (a build or another session); "
        "nothing was undone or redone"
    )


class ReviewTables(OccurrenceTables):
    """The ``review_log`` table, and raw snapshots of concepts for undo."""

    def history(self, limit: int = 100) -> list[LogEntry]:
        """The latest review decisions, newest first."""
        rows = self._conn.execute(
            "SELECT id, at, action, concept_id, payload, who FROM review_log "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [LogEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]

    def log(self, action: str, concept_id: int | None, **payload: Any) -> None:
        """Append a review decision to the log (in the caller's transaction)."""
        with self.transaction():
            entry = self._conn.execute(
                "INSERT INTO review_log (at, action, concept_id, payload, who) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (
                    time.time(),
                    action,
                    concept_id,
                    json.dumps(payload, ensure_ascii=False),
                    self.user,
                ),
            ).fetchone()[0]
            self._conn.executemany(
                "INSERT INTO review_log_concepts (concept_id, entry_id, version) "
                "VALUES (?, ?, ?)",
                [
                    (cid, entry, version)
                    for cid, version in named_concepts(concept_id, payload).items()
                ],
            )

    def snapshot(self, concept_ids: Iterable[int]) -> Snapshot:
        """The raw rows of some concepts, for undo: see `restore`.

        Concepts that do not exist are left out.
        """
        ids = sorted({i for i in concept_ids if storable_id(i)})
        within = self._in_ids()  # any number of ids, none included
        queries = (
            ("concepts", f"SELECT * FROM concepts WHERE id IN {within}"),
            ("terms", f"SELECT * FROM terms WHERE concept_id IN {within}"),
            (
                "evidence",
                "SELECT e.* FROM evidence e JOIN terms t ON t.id = e.term_id "
                f"WHERE t.concept_id IN {within}",
            ),
            (
                "occurrences",  # with the sentence itself: see `restore`
                'SELECT o.id, o.term_id, o.document, o.start, o."end", '
                "COALESCE(c.text, '') FROM occurrences o "
                "JOIN terms t ON t.id = o.term_id "
                "LEFT JOIN contexts c ON c.id = o.context_id "
                f"WHERE t.concept_id IN {within}",
            ),
            ("redirects", f"SELECT * FROM redirects WHERE concept_id IN {within}"),
        )
        found = self._select_each([(sql, (self._ids(ids),)) for _, sql in queries])
        rows = {table: got for (table, _), got in zip(queries, found, strict=True)}
        names = self._columns("concepts")
        number, by, at = (names.index(c) for c in ("version", "changed_by", "updated"))
        versions = {
            int(r[0]): Version(int(r[number]), str(r[by]), float(r[at]))
            for r in rows["concepts"]
        }
        return Snapshot(tuple(ids), rows, versions)

    def revert(
        self, done: Snapshot, wanted: Snapshot, now: Snapshot | None = None
    ) -> set[int]:
        """Reverse one review step: the change from `wanted` to `done`, only it.

        Only the rows and columns the step changed are put back; what others
        changed since (a build's occurrences and counts, another session's
        edits elsewhere) stays. Undo passes (after, before), redo (before,
        after); `now`, when given, is a snapshot of their concepts taken in
        the same transaction (the caller's stale check read it).

        Returns:
            Its concepts left with terms but no preferred one: a term it moved
            keeps the status someone gave it since (their preferred term,
            say); the caller gives them one in the same transaction.

        Raises:
            ConflictError: a value the step changed has been changed again
                since (by a build or another session), or a concept would be
                left with no term; nothing is written.
        """
        ids = set(done.concept_ids) | set(wanted.concept_ids)
        if now is None or set(now.concept_ids) != ids:
            now = self.snapshot(ids)
        columns = self._columns("concepts")
        stamps = {columns.index(c) for c in ("updated", "version", "changed_by")}
        plan = [
            _table_plan(
                table,
                done.rows.get(table, []),
                wanted.rows.get(table, []),
                now.rows.get(table, []),
                stamps if table == "concepts" else (),
            )
            for table in _TABLES
        ]
        self._refuse_dropping_others_rows(set(plan[0][1]), done, now)
        with self.transaction():
            try:
                self._write_plan(plan)
            except self._integrity_errors as e:
                # e.g. a term moved back to a concept another session merged
                # away since: the whole transaction rolls back
                raise ConflictError(
                    "a concept or term it would restore was deleted or taken "
                    "since (a build or another session); nothing was undone "
                    "or redone"
                ) from e
            for pk, values in plan[0][0]:
                if len(values) == len(columns):  # brought back: never an old version
                    self._raise_version(pk)
            for concept_id in sorted(ids):  # an undo is a change like any other
                self._touch(concept_id)
            return self._without_preferred(ids)

    def _refuse_dropping_others_rows(
        self, dropped: set[Any], done: Snapshot, now: Snapshot
    ) -> None:
        """Refuse to drop a concept the step created that has since been given
        terms or redirects it did not give it (another session merged into
        it): they would go with it.

        Raises:
            ConflictError: such a concept.
        """
        if not dropped:  # most steps create no concept: no column lists read
            return
        for table in ("terms", "redirects"):
            at = self._columns(table).index("concept_id")
            own = {r[0] for r in done.rows.get(table, [])}
            for row in now.rows.get(table, []):
                if row[at] in dropped and row[0] not in own:
                    raise ConflictError(
                        f"concept {row[at]} has been given other terms since "
                        "(another session); nothing was undone or redone"
                    )

    def _without_preferred(self, ids: set[int]) -> set[int]:
        """Those of `ids` (existing) with terms but none preferred.

        Raises:
            ConflictError: one has no term at all.
        """
        rows = self._conn.execute(
            "SELECT c.id, COUNT(t.id), SUM(CASE WHEN t.status = 'preferred' "
            "THEN 1 ELSE 0 END) FROM concepts c LEFT JOIN terms t "
            f"ON t.concept_id = c.id WHERE c.id IN {self._in_ids()} GROUP BY c.id",
            (self._ids(ids),),
        ).fetchall()
        for cid, terms, _ in rows:
            if not terms:
                raise ConflictError(
                    f"concept {cid} has changed since (another session) and "
                    "would be left with no term; nothing was undone or redone"
                )
        return {int(cid) for cid, _, preferred in rows if not preferred}

    def _raise_version(self, concept_id: int) -> None:
        """Lift a concept brought back whole to the latest version the log
        says it had, so its version never goes back past a later decision."""
        row = self._conn.execute(
            "SELECT MAX(version) FROM review_log_concepts WHERE concept_id = ?",
            (concept_id,),
        ).fetchone()
        last = 0 if row is None or row[0] is None else int(row[0])
        self._conn.execute(
            "UPDATE concepts SET version = ? WHERE id = ? AND version < ?",
            (last, concept_id, last),
        )
        if self._touched is not None:  # the touch after goes past `last`
            self._touched.discard(concept_id)

    def _write_plan(
        self, plan: list[tuple[list[tuple[Any, dict[int, Any]]], list[Any]]]
    ) -> None:
        for table, (changes, _) in zip(_TABLES, plan, strict=True):
            for pk, values in changes:
                self._put_back(table, pk, values)
        for table, (_, drops) in reversed(list(zip(_TABLES, plan, strict=True))):
            key = "key" if table == "redirects" else "id"
            if drops:  # each call is a round trip on a server, even empty
                self._conn.executemany(
                    f"DELETE FROM {table} WHERE {key} = ?", [(pk,) for pk in drops]
                )

    def _put_back(self, table: str, pk: Any, values: dict[int, Any]) -> None:
        names = self._columns(table)
        if table == "occurrences" and 5 in values:  # the snapshot holds the text
            values = {**values, 5: self._context_ids([values[5]])[values[5]]}
        if len(values) == len(names):  # a row the step deleted: insert it again
            row = [values[i] for i in range(len(names))]
            marks = ",".join("?" * len(row))
            self._conn.execute(f"INSERT INTO {table} VALUES ({marks})", row)
            return
        sets = ", ".join(f'"{names[i]}" = ?' for i in values)
        self._conn.execute(
            f'UPDATE {table} SET {sets} WHERE "{names[0]}" = ?', [*values.values(), pk]
        )

    def reviewed_concept_ids(self) -> set[int]:
        """Concepts a reviewer touched: a rebuild adds to them but changes nothing.

        Approved or rejected, holding a manual term, the target of a merge
        redirect, or touched by a logged decision (every concept it names,
        not only the entry's first: an undone approval of several).
        """
        rows = self._conn.execute(
            """
            SELECT id FROM concepts WHERE status != 'candidate'
            UNION SELECT concept_id FROM terms WHERE manual = 1
            UNION SELECT concept_id FROM redirects
            UNION SELECT concept_id FROM review_log_concepts
            """
        ).fetchall()
        return {int(r[0]) for r in rows}
