"""The SQL of a translation memory on PostgreSQL (`tm.pg_store`): its tables,
the indexes a bulk import rebuilds, and the statements of a lookup (FTS5's
BM25 ranking among them)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tm.rows import UNIT_FIELDS

# FTS5's bm25() constants.
_K1, _B = 1.2, 0.75

SCHEMA = """
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE TABLE units (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    src_lang TEXT NOT NULL,
    tgt_lang TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    fkey BIGINT NOT NULL,
    ukey BIGINT NOT NULL,
    toks BYTEA,
    src_words TEXT NOT NULL,
    tgt_words TEXT NOT NULL,
    length INTEGER NOT NULL
);
CREATE TABLE unit_words (
    word TEXT NOT NULL,
    unit_id BIGINT NOT NULL,
    tf INTEGER NOT NULL,
    length INTEGER NOT NULL
);
CREATE TABLE vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE totals (units BIGINT NOT NULL, tokens BIGINT NOT NULL);
INSERT INTO totals VALUES (0, 0);
CREATE TABLE schema_version (version INTEGER NOT NULL)
""".replace(" TEXT", ' TEXT COLLATE "C"')

# Every index but units' primary key, as (drop, create): a bulk import drops
# them and builds them once at its end (a sort instead of millions of
# random inserts into indexes larger than the server's cache). The sources'
# phrases are found through `unit_words` (`SOURCE_PHRASE`): a trigram
# index of them was a quarter of a bulk import's server CPU. Lookups read
# postings, tf and the unit's length from the primary key alone (index-only
# scans: a bulk import into an empty memory writes its rows frozen).
INDEXES = (
    ("DROP INDEX units_fkey", "CREATE INDEX units_fkey ON units(fkey)"),
    ("ALTER TABLE units DROP CONSTRAINT units_ukey_key",
     "ALTER TABLE units ADD CONSTRAINT units_ukey_key UNIQUE (ukey)"),
    ("ALTER TABLE unit_words DROP CONSTRAINT unit_words_pkey",
     "ALTER TABLE unit_words ADD CONSTRAINT unit_words_pkey "
     "PRIMARY KEY (word, unit_id) INCLUDE (tf, length)"),
    ("DROP INDEX units_tgt_trgm",
     "CREATE INDEX units_tgt_trgm ON units USING gin (tgt_words public.gin_trgm_ops)"),
)  # fmt: skip
# `UNIT_FIELDS` of units `u`, and with their scoring tokens: the rows a
# lookup keeps.
UNIT_ROW = ", ".join(f"u.{name}" for name in UNIT_FIELDS.split(", "))
ROW_FIELDS = f"{UNIT_ROW}, u.toks"
# A binary COPY takes each column's exact type.
_COPY_TYPES = {"BIGINT": "int8", "INTEGER": "int4", "TEXT": "text", "BYTEA": "bytea"}


def copy_columns(table: str) -> tuple[str, list[str]]:
    """``table (its columns)`` for COPY, and their types, as `SCHEMA` makes them."""
    body = re.search(rf"CREATE TABLE {table} \((.*?)\n\);", SCHEMA, re.DOTALL)
    assert body, table
    columns = [line.split()[:2] for line in body[1].strip().split(",\n")]
    names = ", ".join(name for name, _ in columns)
    return f"{table} ({names})", [_COPY_TYPES[kind] for _, kind in columns]


UNIT_COLUMNS, UNIT_TYPES = copy_columns("units")
WORD_COLUMNS, WORD_TYPES = copy_columns("unit_words")


# FTS5's bm25() over the sources holding any of the words (the words filter
# `unit_words` itself too: through the join alone the planner read the whole
# table). The same arithmetic and types as the figures FTS5 computes. The
# ranked units' rows come with their ids: the lookup reads them next.
BM25 = f"""
WITH t AS (SELECT units::float8 AS n, tokens::float8 / units AS avgdl
           FROM totals WHERE units > 0),
q AS (
    SELECT term, CASE WHEN x <= 0 THEN 1e-6 ELSE x END AS idf
    FROM (SELECT term, ln((t.n - df + 0.5) / (df + 0.5)) AS x
          FROM vocab, t WHERE term = ANY(%(words)s)) AS v
),
r AS (
    SELECT w.unit_id, sum(q.idf * (w.tf * {_K1 + 1}::float8) / (w.tf + {_K1}::float8
           * (1 - {_B}::float8 + {_B}::float8 * w.length / t.avgdl))) AS score
    FROM unit_words w JOIN q ON q.term = w.word CROSS JOIN t
    WHERE w.word = ANY(%(words)s)
    GROUP BY w.unit_id
    ORDER BY score DESC, w.unit_id
    LIMIT %(limit)s
)
SELECT {ROW_FIELDS} FROM r JOIN units u ON u.id = r.unit_id
ORDER BY r.score DESC, r.unit_id
"""

# A lookup's first statement: the units whose source folds as the query's
# (by id), then the document frequencies of the query's words (id NULL).
SAME_FOLDED_AND_FREQS = f"""
SELECT * FROM (
    SELECT {ROW_FIELDS}, NULL::integer FROM units u WHERE fkey = %(fkey)s
    UNION ALL
    SELECT NULL, term, NULL, NULL, NULL, NULL, NULL, NULL, df
    FROM vocab WHERE term = ANY(%(words)s)
) AS found ORDER BY 1
"""

# The first units (by id) whose source holds the words %(words)s (%(n)s of
# them, distinct) as the phrase %(like)s: the rarest word's postings in id
# order, each probing the others' by primary key, then the phrase itself.
SOURCE_PHRASE = f"""
SELECT {UNIT_ROW}
FROM unit_words w JOIN units u ON u.id = w.unit_id
WHERE w.word = (SELECT term FROM vocab WHERE term = ANY(%(words)s)
                ORDER BY df, term LIMIT 1)
  AND (SELECT count(*) FROM vocab WHERE term = ANY(%(words)s)) = %(n)s
  AND (SELECT count(*) FROM unit_words x
       WHERE x.unit_id = w.unit_id AND x.word = ANY(%(words)s)) = %(n)s
  AND ' ' || u.src_words || ' ' LIKE %(like)s
ORDER BY w.unit_id LIMIT %(limit)s
"""


def with_all_sql(sizes: Sequence[int]) -> str:
    """The rows (`ROW_FIELDS`) of the first units, by id, holding a word of
    each group, the groups' sizes being `sizes` (the rarest first).

    Parameters: each group's word (or list of words), then the limit. One
    word first: its postings come in id order, so LIMIT stops the scan. The
    probes are scalar subqueries, which the planner does not turn into a
    hash join reading a common word's every posting.
    """

    def one_of(size: int) -> str:
        return "= %s" if size == 1 else "= ANY(%s)"

    first, *others = sizes
    sql = "SELECT DISTINCT w.unit_id" if first > 1 else "SELECT w.unit_id"
    sql += f" FROM unit_words w WHERE w.word {one_of(first)}"
    for size in others:
        sql += (
            " AND (SELECT true FROM unit_words x WHERE x.unit_id = w.unit_id"
            f" AND x.word {one_of(size)} LIMIT 1)"
        )
    return (
        f"SELECT {ROW_FIELDS} FROM ({sql} ORDER BY 1 LIMIT %s) AS c"
        " JOIN units u ON u.id = c.unit_id ORDER BY u.id"
    )


def like_phrase(words: Sequence[str]) -> str:
    """`words` as one phrase for LIKE (its wildcards and escape escaped)."""
    phrase = " ".join(words)
    return phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
