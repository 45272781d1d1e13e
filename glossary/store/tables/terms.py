"""Terms: adding, changing, moving and reading terms (either engine)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from glossary.errors import NotFoundError, StoreError
from glossary.model import Evidence, Term, TermFlag, TermStatus, TermType
from glossary.store.tables.base import Tables, decoding_rows
from glossary.store.tables.rows import (
    INSERT_EVIDENCE,
    INSERT_TERM,
    parse_term_flags,
    term_flags_text,
    term_row,
)
from glossary.text import fold, name_key, nfc


class TermTables(Tables):
    """The ``terms`` table (with the evidence added along with a term)."""

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
                term_id = self._next_id("terms")
                self._conn.execute(
                    INSERT_TERM, term_row(term_id, concept_id, text, term)
                )
                if term.note or term.flags:  # not in the bulk insert: builds set none
                    self.update_term(term_id, note=term.note, flags=term.flags)
            if term.evidence:  # a round trip on a server, even empty
                self._conn.executemany(
                    INSERT_EVIDENCE,
                    [
                        (term_id, e.rule, e.document, e.start, e.end, e.detail)
                        for e in term.evidence
                    ],
                )
            self._touch(concept_id)
        return term_id

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
        pos: str | None = None,
        note: str | None = None,
        flags: frozenset[TermFlag] | None = None,
    ) -> None:
        """Change fields of a term; fields left as None stay as they are."""
        fields: dict[str, Any] = {
            "lang": lang,
            "status": status,
            "type": type,
            "count": count,
            "context": None if context is None else nfc(context),
            "manual": None if manual is None else int(manual),
            "pos": pos,
            "note": None if note is None else nfc(note),
            "term_flags": None if flags is None else term_flags_text(flags),
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
        sets = [f"{k} = ?" for k in values]
        args = list(values.values())
        with self.transaction():
            # a concept's change is counted in the same statement (`_touch`)
            if table == "concepts" and self._first_touch(row_id):
                sets.append("updated = ?, version = version + 1, changed_by = ?")
                args += [time.time(), self.user]
            owner = "id" if table == "concepts" else "concept_id"
            try:
                row = self._conn.execute(
                    f"UPDATE {table} SET {', '.join(sets)} WHERE id = ? "
                    f"RETURNING {owner}",
                    [*args, row_id],
                ).fetchone()
            except self._integrity_errors as e:
                raise StoreError(f"cannot update {table[:-1]} {row_id}: {e}") from e
            if row is None:
                raise NotFoundError(f"no {table[:-1]} {row_id}")
            self._touch(int(row[0]))

    def concept_of_term(self, term_id: int) -> int:
        row = self._conn.execute(
            "SELECT concept_id FROM terms WHERE id = ?", (term_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no term {term_id}")
        return int(row[0])

    def remove_term(self, term_id: int) -> None:
        with self.transaction():
            row = self._conn.execute(
                "SELECT concept_id FROM terms WHERE id = ?", (term_id,)
            ).fetchone()
            self._conn.execute("DELETE FROM terms WHERE id = ?", (term_id,))
            if row is not None:  # a concept losing a term has changed
                self._touch(int(row[0]))

    def move_term(self, term_id: int, concept_id: int) -> None:
        """Move a term (with its evidence and occurrences) to another concept.

        If the target already has the same text and language, the two merge.
        """
        with self.transaction():
            row = self._conn.execute(
                "SELECT t.concept_id, t.count, o.id FROM terms t "
                "LEFT JOIN terms o ON o.concept_id = ? AND o.text = t.text "
                "AND o.lang = t.lang WHERE t.id = ?",
                (concept_id, term_id),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no term {term_id}")
            source, count, twin = row
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
            self._touch(int(source))  # it lost a term: a reviewer's view is stale

    def term_places(self) -> dict[tuple[str, str], list[tuple[int, int, bool]]]:
        """Where each (text, lang) lives: (concept id, term id, manual) per term."""
        out: dict[tuple[str, str], list[tuple[int, int, bool]]] = {}
        for text, lang, cid, tid, manual in self._conn.execute(
            "SELECT text, lang, concept_id, id, manual FROM terms ORDER BY id"
        ):
            out.setdefault((text, lang), []).append((cid, tid, bool(manual)))
        return out

    def term_owners(self, term_ids: Iterable[int]) -> dict[int, tuple[int, bool]]:
        """The concept and the manual flag of each of `term_ids` that exists."""
        return {
            int(tid): (int(cid), bool(manual))
            for tid, cid, manual in self._conn.execute(
                "SELECT id, concept_id, manual FROM terms "
                f"WHERE id IN {self._in_ids()}",
                (self._ids(term_ids),),
            )
        }

    def remove_terms(self, term_ids: Iterable[int]) -> None:
        """Delete terms (with their evidence and occurrences)."""
        self._delete_ids("terms", term_ids)

    def _terms_of(
        self, concept_ids: list[int] | None, *, with_evidence: bool
    ) -> dict[int, list[Term]]:
        sql = (
            "SELECT id, concept_id, text, lang, status, type, count, pos, context, "
            "manual, note, term_flags "
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
        with decoding_rows(self.shown()):
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
                        note=r[10],
                        flags=parse_term_flags(r[11]) if r[11] else frozenset(),
                    )
                )
        return out
