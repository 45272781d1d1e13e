"""The rows the table classes and `BulkWriter` both insert (they must store
the same rows), and the text columns' encodings: the same on every engine."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from glossary.model import Flag, Term, TermFlag
from glossary.store.tables.base import Connection
from glossary.text import fold, name_key, nfc


def flags_text(flags: Iterable[Flag]) -> str:
    return " ".join(sorted(str(f) for f in flags))


# The inserts of `TermBase` and of `BulkWriter`, which must store the same rows.
INSERT_CONCEPT = (
    "INSERT INTO concepts (id, key, kind, status, note, flags, updated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_TERM = (
    "INSERT INTO terms (id, concept_id, text, lang, status, type, count, "
    "pos, context, manual, fold_key, name_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVIDENCE = (
    'INSERT INTO evidence (term_id, rule, document, start, "end", detail) '
    "VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_OCCURRENCE = (
    'INSERT INTO occurrences (term_id, document, start, "end", context_id) '
    "VALUES (?, ?, ?, ?, ?)"
)
INSERT_CONTEXT = "INSERT INTO contexts (id, text) VALUES (?, ?)"

# Rows per statement of `insert_rows`: 64 rows of 12 columns stay within the
# 999 parameters older SQLite builds allow.
ROWS_PER_INSERT = 64


def insert_rows(conn: Connection, insert: str, rows: Sequence[Any]) -> None:
    """Run `insert`, an INSERT of one row (``... VALUES (?, ?)``), for each of
    `rows` in order, but `ROWS_PER_INSERT` rows to a statement: SQLite and
    the sqlite3 module cost less per row so than with a statement per row
    (a build's spilled occurrences: 0.47 -> 0.28 s per 10 MB of English)."""
    head, one = insert.rsplit(" VALUES ", 1)
    whole = len(rows) - len(rows) % ROWS_PER_INSERT
    if whole:
        # each statement's parameters: the values of its rows, made in C
        values = chain.from_iterable(rows[:whole] if whole < len(rows) else rows)
        conn.executemany(
            f"{head} VALUES " + ", ".join([one] * ROWS_PER_INSERT),
            zip(*[values] * (one.count("?") * ROWS_PER_INSERT), strict=True),
        )
    if whole < len(rows):
        conn.executemany(insert, rows[whole:])


def term_row(
    term_id: int | None,
    concept_id: int,
    text: str,
    term: Term,
    keys: dict[str, tuple[str, str]] | None = None,
) -> tuple[Any, ...]:
    """The `INSERT_TERM` row of `term`, whose NFC, stripped text is `text`;
    `keys` holds the search keys of the texts seen so far (a build stores a
    common short name as a term of hundreds of concepts: 10 MB of English
    has 14,943 terms of 3,085 texts)."""
    found = None if keys is None else keys.get(text)
    if found is None:
        found = (fold(text), name_key(text))
        if keys is not None:
            keys[text] = found
    return (
        term_id,
        concept_id,
        text,
        term.lang,
        str(term.status),
        str(term.type),
        term.count,
        term.pos,
        nfc(term.context),
        int(term.manual),
        *found,
    )


def parse_flags(text: str) -> frozenset[Flag]:
    return frozenset(Flag(f) for f in text.split())


def definitions_text(definitions: Iterable[tuple[str, str]]) -> str:
    """The ``definitions`` column: a JSON object lang -> text, '' for none."""
    pairs = {lang: nfc(text) for lang, text in definitions if text}
    return json.dumps(pairs, ensure_ascii=False, sort_keys=True) if pairs else ""


def parse_definitions(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(json.loads(text).items())) if text else ()


def term_flags_text(flags: Iterable[TermFlag]) -> str:
    return " ".join(sorted(str(f) for f in flags))


def parse_term_flags(text: str) -> frozenset[TermFlag]:
    return frozenset(TermFlag(f) for f in text.split())
