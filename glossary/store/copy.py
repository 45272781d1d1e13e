"""`glossary db copy`: a term base from one engine (or file) to another, whole.

Rows are copied as they are, table by table in the order their foreign keys
need, ids included: the copy exports exactly what the original does, and
undo's snapshots, merge redirects and the mention cache carry over, so a
next build only re-extracts what changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from glossary.errors import StoreError
from glossary.extract.mention_codec import decode_mentions, encode_mentions
from glossary.store.engines import open_store
from glossary.store.tables.base import Tables

# Parents before children (terms need concepts, occurrences terms, ...).
TABLES = (
    "documents",
    "concepts",
    "terms",
    "evidence",
    "contexts",
    "occurrences",
    "redirects",
    "review_log",
    "review_log_concepts",
    "mention_cache",
    "meta",
)


def copy_term_base(source: str, target: str) -> dict[str, int]:
    """Copy the term base at `source` into a new one at `target`.

    Args:
        source: a file or ``postgresql://`` URL holding a term base.
        target: a file or URL holding none yet (it is created).

    Returns:
        How many rows each table had.

    Raises:
        StoreError: `source` holds no term base, or `target` is not empty;
            then nothing is written.
    """
    with (
        open_store(source, readonly=True, existing=True) as src,
        open_store(target) as dst,
    ):
        if dst.counts()["concepts"] or dst.history(limit=1) or dst.document_hashes():
            raise StoreError(f"{target}: not empty: copy into a new term base")
        out = cast(Tables, dst)
        counts = {}
        with dst.transaction():
            for table in TABLES:
                counts[table] = out._load(table, _rows(cast(Tables, src), table))
            out._after_load()
    return counts


def _rows(src: Tables, table: str) -> Iterator[tuple[Any, ...]]:
    for row in src._dump(table):
        if table == "mention_cache" and isinstance(row[2], str):
            # a row of the old JSON format: the same mentions, encoded as now
            row = (row[0], row[1], encode_mentions(decode_mentions(row[2])))
        yield row
