"""The SQL of a translation memory on PostgreSQL (`tm.pg_store`): its tables,
the indexes a bulk import rebuilds, and FTS5's BM25 ranking in SQL."""

from __future__ import annotations

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
# random inserts into indexes larger than the server's cache). Lookups read
# postings, tf and the unit's length from the primary key alone (index-only
# scans: a bulk import into an empty memory writes its rows frozen).
INDEXES = (
    ("DROP INDEX units_fkey", "CREATE INDEX units_fkey ON units(fkey)"),
    ("ALTER TABLE units DROP CONSTRAINT units_ukey_key",
     "ALTER TABLE units ADD CONSTRAINT units_ukey_key UNIQUE (ukey)"),
    ("ALTER TABLE unit_words DROP CONSTRAINT unit_words_pkey",
     "ALTER TABLE unit_words ADD CONSTRAINT unit_words_pkey "
     "PRIMARY KEY (word, unit_id) INCLUDE (tf, length)"),
    ("DROP INDEX units_src_trgm",
     "CREATE INDEX units_src_trgm ON units USING gin (src_words public.gin_trgm_ops)"),
    ("DROP INDEX units_tgt_trgm",
     "CREATE INDEX units_tgt_trgm ON units USING gin (tgt_words public.gin_trgm_ops)"),
)  # fmt: skip
UNIT_COLUMNS = (
    "units (id, source, target, src_lang, tgt_lang, origin, context, fkey, ukey, "
    "toks, src_words, tgt_words, length)"
)


# FTS5's bm25() over the sources holding any of the words (the words filter
# `unit_words` itself too: through the join alone the planner read the whole
# table). The same arithmetic and types as the figures FTS5 computes.
BM25 = f"""
WITH t AS (SELECT units::float8 AS n, tokens::float8 / units AS avgdl
           FROM totals WHERE units > 0),
q AS (
    SELECT term, CASE WHEN x <= 0 THEN 1e-6 ELSE x END AS idf
    FROM (SELECT term, ln((t.n - df + 0.5) / (df + 0.5)) AS x
          FROM vocab, t WHERE term = ANY(%(words)s)) AS v
)
SELECT w.unit_id FROM unit_words w JOIN q ON q.term = w.word CROSS JOIN t
WHERE w.word = ANY(%(words)s)
GROUP BY w.unit_id
ORDER BY sum(q.idf * (w.tf * {_K1 + 1}::float8) / (w.tf + {_K1}::float8
         * (1 - {_B}::float8 + {_B}::float8 * w.length / t.avgdl))) DESC, w.unit_id
LIMIT %(limit)s
"""
