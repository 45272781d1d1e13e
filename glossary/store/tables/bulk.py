"""A build's bulk writes: `BulkWriter` (either engine).

Part of the store (`glossary.store`): SQL lives only in the store modules.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from glossary.model import Concept, Flag, Kind, Occurrence, Term, TermStatus, TermType
from glossary.store.spill import OccurrenceSpill
from glossary.store.tables.base import (
    Connection,
    first_free_id,
    mark_given,
    next_id,
)
from glossary.store.tables.rows import (
    INSERT_CONCEPT,
    INSERT_CONTEXT,
    INSERT_EVIDENCE,
    INSERT_OCCURRENCE,
    INSERT_TERM,
    flags_text,
    insert_rows,
    term_row,
)
from glossary.text import nfc

# Below this many occurrence rows, updating the indexes row by row is cheaper.
REINDEX_MIN = 20_000

# New terms and evidence rows held before they are written (`_write_rows`).
_ROWS = 50_000


class BulkWriter:
    """Buffers a build's writes and sends them in a few ``executemany`` calls.

    Made by `TermBase.bulk` inside the build's transaction. New concepts and
    terms get their ids at once (one past the largest id, as SQLite gives
    them one by one), so callers can use them before `flush` writes anything.
    Rows of each table are written in the order they were added, so a bulk
    build stores exactly what the same calls on `TermBase` would.

    A concept counts up its version (what reviewers' stale checks compare)
    only when it changes: a new term, or a kind, note, flags, term status or
    type that differs from the stored one. Counts, evidence and occurrences,
    which every build derives anew, do not count: an undo after a build
    that changed a concept in nothing is not refused.
    """

    def __init__(
        self,
        conn: Connection,
        indexes_dropped: Callable[[str], AbstractContextManager[None]],
        user: str,
        in_ids: tuple[str, Callable[[Iterable[int]], Any]],
    ) -> None:
        self._conn = conn
        self._user = user
        self._indexes_dropped = indexes_dropped
        self._in_ids = in_ids  # the engine's ``IN <subquery>`` and its parameter
        self._next_concept = next_id(conn, "concepts")
        self._next_term = next_id(conn, "terms")
        self._keys: dict[str, tuple[str, str]] = {}  # a term text's search keys
        self._reset()

    def _reset(self) -> None:
        self._first_new = self._next_concept  # concepts from here on are new
        self._first_term = self._next_term
        self._now: float | None = None  # when the first row was written
        self._concepts: list[tuple[Any, ...]] = []
        self._concept_updates: dict[int, tuple[str, str, str]] = {}
        self._terms: list[tuple[Any, ...]] = []
        self._counts: dict[int, int] = {}
        self._term_updates: dict[int, tuple[str, str]] = {}
        self._term_concepts: dict[int, int] = {}  # of updated terms
        self._evidence: list[tuple[Any, ...]] = []
        # Kept per term and expanded while writing: a quarter of a million
        # row tuples would be ~20 MB more at the build's peak.
        self._occurrences: list[tuple[int, Sequence[Occurrence]]] = []
        self._n_occurrences = 0
        self._spills: list[OccurrenceSpill] = []
        self._touched: set[int] = set()

    def add_concept(self, concept: Concept, *, key: str | None = None) -> int:
        """Add a concept without its terms (see `TermBase.add_concept`).

        Args:
            concept: the concept; its id and terms are ignored.
            key: its key, instead of `concept.key`.
        """
        cid = self._next_concept
        self._next_concept += 1
        self._concepts.append(
            (
                cid,
                (concept.key if key is None else key) or None,
                str(concept.kind),
                str(concept.status),
                concept.note,
                flags_text(concept.flags),
            )
        )
        return cid

    def update_concept(
        self, concept_id: int, *, kind: Kind, note: str, flags: frozenset[Flag]
    ) -> None:
        """Set a concept's kind, note and flags (the last call wins)."""
        self._concept_updates[concept_id] = (str(kind), nfc(note), flags_text(flags))

    def add_term(self, concept_id: int, term: Term, *, into: int | None = None) -> int:
        """Add a term with its evidence to a concept; return the term id.

        Args:
            concept_id: the concept.
            term: the term; its text is stored NFC and stripped.
            into: the concept's term of the same text and language, if it
                has one: `term`'s count and evidence are added to it.
        """
        if into is None:
            tid = self._next_term
            self._next_term += 1
            text = nfc(term.text).strip()
            self._terms.append(term_row(tid, concept_id, text, term, self._keys))
        else:
            tid = into
            self._counts[tid] = self._counts.get(tid, 0) + term.count
        self._evidence.extend(
            (tid, e.rule, e.document, e.start, e.end, e.detail) for e in term.evidence
        )
        if into is None:
            self._touched.add(concept_id)
        if len(self._terms) + len(self._evidence) >= _ROWS:
            self._write_rows()
        return tid

    def _stamp(self) -> float:
        """The time every row of this round is written at."""
        if self._now is None:
            self._now = time.time()
        return self._now

    def _write_rows(self) -> None:
        """Write the new concepts, terms and evidence buffered so far (a
        concept before its terms, a term before its evidence): a build's
        hundred thousand concepts are not all held to `flush`, which does
        what depends on every row (the preferred terms, the versions)."""
        now = self._stamp()
        insert_rows(self._conn, INSERT_CONCEPT, [(*row, now) for row in self._concepts])
        insert_rows(self._conn, INSERT_TERM, self._terms)
        insert_rows(self._conn, INSERT_EVIDENCE, self._evidence)
        self._concepts.clear()
        self._terms.clear()
        self._evidence.clear()

    def update_term(
        self, term_id: int, concept_id: int, *, status: TermStatus, type: TermType
    ) -> None:
        """Set a term's status and type (the last call wins)."""
        self._term_updates[term_id] = (str(status), str(type))
        self._term_concepts[term_id] = concept_id

    def _occurrence_rows(
        self, ids: dict[str, int], next_id: int, new: list[tuple[int, str]]
    ) -> Iterator[tuple[Any, ...]]:
        """The `INSERT_OCCURRENCE` rows, numbering sentences not in `ids` from
        `next_id` on and adding them to `new` (a build has emptied `contexts`).

        Makes no query: ``executemany`` reads it while it holds the connection.
        """
        for tid, occs in self._occurrences:
            for o in occs:
                cid = ids.get(o.context)
                if cid is None:
                    cid = ids[o.context] = next_id
                    new.append((cid, o.context))
                    next_id += 1
                yield tid, o.document, o.start, o.end, cid

    def _insert_occurrences(self) -> None:
        new: list[tuple[int, str]] = []
        known: dict[str, int] = dict(
            self._conn.execute("SELECT text, id FROM contexts")
        )
        first = first_free_id(self._conn, "contexts")
        rows = self._occurrence_rows(known, first, new)
        # Filling an empty table (a build resets them all): building the
        # indexes once afterwards costs a third of updating them row by row.
        rebuild = (
            self._n_occurrences >= REINDEX_MIN
            and self._conn.execute("SELECT 1 FROM occurrences LIMIT 1").fetchone()
            is None
        )
        dropped: AbstractContextManager[None] = (
            self._indexes_dropped("occurrences") if rebuild else nullcontext()
        )
        with dropped:
            self._conn.executemany(INSERT_OCCURRENCE, rows)
            self._conn.executemany(INSERT_CONTEXT, new)
            for spill in self._spills:
                first = first_free_id(self._conn, "contexts")
                if spill.insert_placed(self._conn, first):
                    continue
                used = bytearray()
                self._conn.executemany(
                    INSERT_OCCURRENCE,
                    (
                        (tid, doc, start, end, first + sid)
                        for tid, doc, start, end, sid in spill.placed(used)
                    ),
                )
                self._conn.executemany(
                    INSERT_CONTEXT,
                    ((first + sid, text) for sid, text in spill.sentences(used)),
                )

    def add_occurrences(self, term_id: int, occurrences: Sequence[Occurrence]) -> None:
        """Record where a term was seen (`occurrences` is read at `flush`)."""
        self._occurrences.append((term_id, occurrences))
        self._n_occurrences += len(occurrences)

    def add_spilled(self, spill: OccurrenceSpill) -> None:
        """Write, at `flush`, the occurrences `spill` has placed (read then,
        after those added one term at a time), with their sentences."""
        self._spills.append(spill)
        self._n_occurrences += spill.rows

    def _prefer_one(self) -> None:
        """Give each new concept a preferred term: its first, when none of its
        terms is one (the candidate's preferred term may have gone to a
        reviewer's concept that holds that term)."""
        first: dict[int, tuple[int, str]] = {}  # concept -> (term, type)
        held: set[int] = set()  # concepts with a preferred term
        # A new concept's terms are all new: written already (`_write_rows`).
        for tid, cid, status, type_ in self._conn.execute(
            "SELECT id, concept_id, status, type FROM terms "
            "WHERE concept_id >= ? ORDER BY id",
            (self._first_new,),
        ):
            first.setdefault(cid, (tid, type_))
            status = self._term_updates.get(tid, (status,))[0]
            if status == TermStatus.PREFERRED:
                held.add(cid)
        for cid, (tid, type_) in first.items():
            if cid not in held:
                self._term_updates[tid] = (str(TermStatus.PREFERRED), type_)

    def _unchanged(self, table: str, columns: str, updates: dict[int, Any]) -> None:
        """Drop from `updates` the rows whose stored `columns` hold those values
        already (no write, no new version); the rest touch their concepts."""
        within, param = self._in_ids
        for row in self._conn.execute(
            f"SELECT id, {columns} FROM {table} WHERE id IN {within}",
            (param(updates),),
        ):
            if updates.get(int(row[0])) == tuple(row[1:]):
                del updates[int(row[0])]
        self._touched |= (
            updates.keys()
            if table == "concepts"
            else {self._term_concepts[t] for t in updates if t in self._term_concepts}
        )

    def flush(self) -> None:
        """Write everything buffered, in dependency order, and start afresh."""
        if self._concept_updates:
            self._unchanged("concepts", "kind, note, flags", self._concept_updates)
        now = self._stamp()
        self._write_rows()
        self._prefer_one()
        if self._term_updates:
            self._unchanged("terms", "status, type", self._term_updates)
        run = self._conn.executemany
        run(
            "UPDATE concepts SET kind = ?, note = ?, flags = ? WHERE id = ?",
            [(*v, cid) for cid, v in self._concept_updates.items()],
        )
        run(
            "UPDATE terms SET count = count + ? WHERE id = ?",
            [(n, tid) for tid, n in self._counts.items()],
        )
        run(
            "UPDATE terms SET status = ?, type = ? WHERE id = ?",
            [(*v, tid) for tid, v in self._term_updates.items()],
        )
        self._insert_occurrences()
        if self._next_concept > self._first_new:
            mark_given(self._conn, "concepts", self._next_concept - 1)
        if self._next_term > self._first_term:
            mark_given(self._conn, "terms", self._next_term - 1)
        run(
            "UPDATE concepts SET updated = ?, version = version + 1, changed_by = ? "
            "WHERE id = ?",
            [(now, self._user, cid) for cid in sorted(self._touched)],
        )
        self._reset()
