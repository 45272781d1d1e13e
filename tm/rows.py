"""What both memory engines keep of a unit beside its text, one way.

The columns a unit is read back from, the words FTS5's unicode61 tokenizer
(and the PostgreSQL word table) makes of folded text, the 64-bit keys of a
unit and of its folded source, and the scoring tokens stored with a
source. `tm.store` (SQLite) and `tm.pg_store` (PostgreSQL) share them, so
that a memory copied from one engine to the other reads the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from glossary.text import fold
from tm.match import Tokens, decode_tokens, encode_tokens, tokenize
from tm.model import Unit

__all__ = [
    "UNIT_FIELDS",
    "WORD",
    "encoded_tokens",
    "fold_key",
    "row_unit",
    "source_tokens",
    "text_key",
]

# The words FTS5's unicode61 tokenizer makes of folded text.
WORD = re.compile(r"[^\W_]+")

# The columns `row_unit` reads a unit from, in its order.
UNIT_FIELDS = "id, source, target, src_lang, tgt_lang, origin, context"


def text_key(*parts: str) -> int:
    """A signed 64-bit key of `parts` (a unit's texts and languages, say)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def fold_key(source: str) -> int:
    """The `fkey` of a source text: equal for case- and diacritic-only variants."""
    return text_key(fold(source))


def row_unit(row: Sequence[object]) -> Unit:
    """The unit of a row of `UNIT_FIELDS`."""
    return Unit(
        source=str(row[1]),
        target=str(row[2]),
        src_lang=str(row[3]),
        tgt_lang=str(row[4]),
        origin=str(row[5]),
        context=str(row[6]),
        id=int(str(row[0])),
    )


def encoded_tokens(source: str) -> str | None:
    """The scoring tokens of a source as they are stored (`tm.match.encode_tokens`)."""
    return encode_tokens(source, tokenize(source))


def source_tokens(source: str, encoded: object) -> Tokens:
    """A source's scoring tokens: the stored ones, or made now where none are."""
    return tokenize(source) if encoded is None else decode_tokens(str(encoded))
