"""Concepts: reading, adding, changing, merging, deleting (either engine)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from glossary.errors import NotFoundError, StoreError
from glossary.model import Concept, ConceptStatus, Flag, Kind, Term, TermStatus
from glossary.store.records import ConceptSummary, Version
from glossary.store.tables.base import decoding_rows, storable_id
from glossary.store.tables.rows import (
    INSERT_CONCEPT,
    definitions_text,
    flags_text,
    parse_definitions,
    parse_flags,
)
from glossary.store.tables.terms import TermTables
from glossary.text import name_key, nfc

_COLUMNS = "id, key, kind, status, note, flags, subject, definitions"


class ConceptTables(TermTables):
    """The ``concepts`` and ``redirects`` tables, over the terms."""

    def concept(self, concept_id: int) -> Concept:
        """The concept with its terms and their evidence.

        Raises:
            NotFoundError: no concept has that id.
        """
        if not storable_id(concept_id):
            raise NotFoundError(f"no concept {concept_id}")
        with self._reading():
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM concepts WHERE id = ?",
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
        sql = f"SELECT {_COLUMNS} FROM concepts"
        where, args = [], []
        if kind is not None:
            where.append("kind = ?")
            args.append(str(kind))
        if status is not None:
            where.append("status = ?")
            args.append(str(status))
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._reading():
            rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
            terms = self._terms_of(None, with_evidence=with_evidence)
        return [self._concept(r, terms.get(r[0], [])) for r in rows]

    def concept_versions(self, concept_ids: Iterable[int]) -> dict[int, Version]:
        """The version of each of `concept_ids` that exists: how often it
        changed, who changed it last and when (reviewers' stale checks)."""
        return {
            int(r[0]): Version(int(r[1]), str(r[2]), float(r[3]))
            for r in self._conn.execute(
                "SELECT id, version, changed_by, updated FROM concepts "
                f"WHERE id IN {self._in_ids()}",
                (self._ids(concept_ids),),
            )
        }

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
                   {self._joined("t.fold_key")},
                   (SELECT text FROM terms p WHERE p.concept_id = c.id
                    ORDER BY p.lang != 'en', p.status != 'preferred',
                    p.status = 'forbidden', p.id LIMIT 1),
                   (SELECT text FROM terms v WHERE v.concept_id = c.id
                    AND v.lang = 'vi' AND v.status != 'forbidden'
                    ORDER BY v.status != 'preferred', v.id LIMIT 1)
            FROM concepts c LEFT JOIN terms t ON t.concept_id = c.id
            {where} GROUP BY c.id ORDER BY c.id
            """,
            args,
        ).fetchall()
        with decoding_rows(self.shown()):
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
                    target=r[8] if r[8] and r[8] != r[7] else "",
                )
                for r in rows
            ]

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
        # "untranslated" alone is no review flag: it is counted on its own
        out["flagged"] = self._conn.execute(
            "SELECT COUNT(*) FROM concepts WHERE flags NOT IN ('', 'untranslated')"
        ).fetchone()[0]
        # concepts without a Vietnamese term, per kind (what the flag says,
        # counted from the terms so that a reviewer's new term counts at once)
        for kind, n in self._conn.execute(
            "SELECT kind, COUNT(*) FROM concepts c WHERE status != 'rejected' AND "
            "NOT EXISTS (SELECT 1 FROM terms t WHERE t.concept_id = c.id "
            "AND t.lang = 'vi') GROUP BY kind"
        ):
            out[f"untranslated:{kind}"] = n
        return out

    def rejected_keys(self) -> set[str]:
        """Keys of rejected concepts: a rebuild never proposes them again."""
        return {
            r[0]
            for r in self._conn.execute(
                "SELECT key FROM concepts WHERE status = 'rejected' AND key IS NOT NULL"
            )
        }

    def add_concept(self, concept: Concept, *, keep_id: bool = False) -> int:
        """Insert a concept with its terms (and their evidence); return its id.

        With `keep_id`, the concept keeps `concept.id` when that id is free
        (imports into an empty term base then reproduce the exported ids).
        """
        with self.transaction():
            wanted = concept.id if keep_id else None
            if (
                wanted is None
                or self._conn.execute(
                    "SELECT 1 FROM concepts WHERE id = ?", (wanted,)
                ).fetchone()
            ):
                wanted = self._next_id("concepts")
            self._conn.execute(
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
            concept_id = wanted
            if concept.subject or concept.definitions:  # builds set neither
                self.update_concept(
                    concept_id,
                    subject=concept.subject,
                    definitions=concept.definitions,
                )
            for term in concept.terms:
                self.add_term(concept_id, term)
        return concept_id

    def update_concept(
        self,
        concept_id: int,
        *,
        kind: Kind | None = None,
        status: ConceptStatus | None = None,
        note: str | None = None,
        flags: frozenset[Flag] | None = None,
        key: str | None = None,
        subject: str | None = None,
        definitions: Iterable[tuple[str, str]] | None = None,
    ) -> None:
        """Change fields of a concept; fields left as None stay as they are."""
        fields: dict[str, Any] = {
            "kind": kind,
            "status": status,
            "note": None if note is None else nfc(note),
            "flags": None if flags is None else flags_text(flags),
            "key": key,
            "subject": None if subject is None else nfc(subject),
            "definitions": (
                None if definitions is None else definitions_text(definitions)
            ),
        }
        self._update("concepts", concept_id, fields)

    def merge(self, source_id: int, target_id: int) -> None:
        """Move every term of `source_id` into `target_id` and delete the source.

        The source's key is kept as a redirect, so a later rebuild that finds
        the same name adds to the target instead of recreating the source.
        """
        if source_id == target_id:
            raise StoreError("cannot merge a concept into itself")
        with self.transaction():
            key = self._key_of(source_id)
            self._key_of(target_id)  # raises NotFoundError
            for term in self._terms_of([source_id], with_evidence=False).get(
                source_id, []
            ):
                assert term.id is not None
                if term.is_preferred:
                    self.update_term(term.id, status=TermStatus.ADMITTED)
                self.move_term(term.id, target_id)
            self._conn.execute(
                "UPDATE redirects SET concept_id = ? WHERE concept_id = ?",
                (target_id, source_id),
            )
            if key:
                self._conn.execute(
                    "INSERT INTO redirects (key, concept_id) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET concept_id = excluded.concept_id",
                    (key, target_id),
                )
            self._conn.execute("DELETE FROM concepts WHERE id = ?", (source_id,))

    def _key_of(self, concept_id: int) -> str:
        """A concept's key ('' for none).

        Raises:
            NotFoundError: no concept has that id.
        """
        row = None
        if storable_id(concept_id):
            row = self._conn.execute(
                "SELECT key FROM concepts WHERE id = ?", (concept_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no concept {concept_id}")
        return str(row[0] or "")

    def delete_concept(self, concept_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM concepts WHERE id = ?", (concept_id,))

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

    def empty_candidates(self, concept_ids: Iterable[int]) -> set[int]:
        """Those of `concept_ids` that are candidate concepts without terms."""
        return {
            int(r[0])
            for r in self._conn.execute(
                "SELECT id FROM concepts WHERE status = 'candidate' AND id IN "
                f"{self._in_ids()} AND NOT EXISTS "
                "(SELECT 1 FROM terms t WHERE t.concept_id = concepts.id)",
                (self._ids(concept_ids),),
            )
        }

    def delete_concepts(self, concept_ids: Iterable[int]) -> None:
        """Delete concepts (with everything that hangs off them)."""
        self._delete_ids("concepts", concept_ids)

    def _concept(self, row: Sequence[Any], terms: list[Term]) -> Concept:
        with decoding_rows(self.shown()):
            return Concept(
                id=row[0],
                key=row[1] or "",
                kind=Kind(row[2]),
                status=ConceptStatus(row[3]),
                note=row[4],
                flags=parse_flags(row[5]),
                terms=tuple(terms),
                subject=row[6],
                definitions=parse_definitions(row[7]),
            )
