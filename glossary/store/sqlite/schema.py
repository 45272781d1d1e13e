"""The SQLite term base's schema and its numbered migrations."""

from __future__ import annotations

SCHEMA_VERSION = 6

SCHEMA_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    added REAL NOT NULL
);
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'candidate',
    note TEXT NOT NULL DEFAULT '',
    flags TEXT NOT NULL DEFAULT '',
    updated REAL NOT NULL
);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    type TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    pos TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    manual INTEGER NOT NULL DEFAULT 0,
    fold_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    UNIQUE (concept_id, text, lang)
);
CREATE INDEX terms_concept ON terms(concept_id);
CREATE INDEX terms_fold_key ON terms(fold_key);
CREATE INDEX terms_name_key ON terms(name_key);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    document TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL DEFAULT -1,
    "end" INTEGER NOT NULL DEFAULT -1,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_term ON evidence(term_id);
CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    context TEXT NOT NULL DEFAULT ''
);
CREATE INDEX occurrences_term ON occurrences(term_id);
CREATE INDEX occurrences_document ON occurrences(document);
-- Keys of concepts merged away, so a rebuild lands on the surviving concept.
CREATE TABLE redirects (
    key TEXT PRIMARY KEY,
    concept_id INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE
);
CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    action TEXT NOT NULL,
    concept_id INTEGER,
    payload TEXT NOT NULL DEFAULT '{}'
);
-- Extractor output per document (JSON list of Mention.to_dict), so a rebuild
-- re-clusters every document without extracting unchanged ones again.
CREATE TABLE mention_cache (
    document TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    mentions TEXT NOT NULL
);
-- Small build state, e.g. the stamp of the mention cache last clustered.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2 stores each occurrence's sentence once in `contexts`: a sentence
# names several things, and the sentences were two thirds of a term base.
# Contexts are rebuilt with the occurrences by every build. Neither a foreign
# key nor an index on their text: a build numbers them itself, and checking
# or indexing them cost a build more than the rare lookups by text do. The
# index of occurrences by document served nothing (10 MB of 60).
SCHEMA_V2 = """
CREATE TABLE contexts (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
INSERT INTO contexts (text) SELECT DISTINCT context FROM occurrences;
CREATE TABLE occurrences_v2 (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    context_id INTEGER NOT NULL
);
INSERT INTO occurrences_v2 (id, term_id, document, start, "end", context_id)
SELECT o.id, o.term_id, o.document, o.start, o."end", c.id
FROM occurrences o JOIN contexts c ON c.text = o.context;
DROP TABLE occurrences;
ALTER TABLE occurrences_v2 RENAME TO occurrences;
CREATE INDEX occurrences_term ON occurrences(term_id)
"""

# Version 3 holds what CAT tools model beyond our six kinds: a concept's
# subject field and its definitions per language (a JSON object, '' for
# none), a term's note and its flags (case-sensitive, do-not-translate).
# A build sets none of them, so the bulk inserts leave the defaults.
SCHEMA_V3 = """
ALTER TABLE concepts ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE concepts ADD COLUMN definitions TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN term_flags TEXT NOT NULL DEFAULT ''
"""

# Version 4 lets several reviewers work at once: each concept counts its
# changes (`version`, what a reviewer saw) and names who made the last one;
# the review log names who took each decision.
SCHEMA_V4 = """
ALTER TABLE concepts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE concepts ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE review_log ADD COLUMN who TEXT NOT NULL DEFAULT ''
"""

# Version 5 indexes the review log by the concepts each decision names (its
# first concept, `ids`, `target`, the keys of `versions`), with the version
# the decision left each at (NULL: it names it without one): a build's
# "reviewed" set and undo's "latest logged version" read it instead of
# parsing every payload. Filled from the payloads here, by `log` after.
SCHEMA_V5 = """
CREATE TABLE review_log_concepts (
    concept_id INTEGER NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES review_log(id),
    version INTEGER,
    PRIMARY KEY (concept_id, entry_id)
) WITHOUT ROWID;
INSERT INTO review_log_concepts (concept_id, entry_id, version)
SELECT concept, id, MAX(version) FROM (
    SELECT id, concept_id AS concept, NULL AS version FROM review_log
    WHERE concept_id IS NOT NULL
    UNION ALL SELECT r.id, CAST(j.value AS INTEGER), NULL
    FROM review_log r, json_each(r.payload, '$.ids') j
    UNION ALL SELECT id, CAST(json_extract(payload, '$.target') AS INTEGER), NULL
    FROM review_log WHERE json_extract(payload, '$.target') IS NOT NULL
    UNION ALL SELECT r.id, CAST(j.key AS INTEGER), CAST(j.value AS INTEGER)
    FROM review_log r, json_each(r.payload, '$.versions') j
) GROUP BY concept, id
"""

# Version 6 drops the foreign key of occurrences on their term: a build
# inserts a quarter of a million per 10 MB of English from the terms it has
# just written, and SQLite looked each one up (0.07 s of its 0.5 s of
# occurrence SQL). A trigger deletes a term's occurrences with it, as the
# key's ON DELETE CASCADE did (for terms a concept's deletion cascades to
# too); `glossary db check` still finds an occurrence of no term.
SCHEMA_V6 = """
DROP TRIGGER IF EXISTS terms_occurrences;
CREATE TABLE occurrences_v6 (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL,
    document TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    context_id INTEGER NOT NULL
);
INSERT INTO occurrences_v6 (id, term_id, document, start, "end", context_id)
SELECT id, term_id, document, start, "end", context_id FROM occurrences;
DROP TABLE occurrences;
ALTER TABLE occurrences_v6 RENAME TO occurrences;
CREATE INDEX occurrences_term ON occurrences(term_id);
CREATE TRIGGER terms_occurrences AFTER DELETE ON terms BEGIN
    DELETE FROM occurrences WHERE term_id = OLD.id;
END
"""

# Numbered migrations: index i upgrades a database from version i to i + 1.
MIGRATIONS: list[str] = [
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SCHEMA_V4,
    SCHEMA_V5,
    SCHEMA_V6,
]
