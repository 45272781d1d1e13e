"""The rows a memory on PostgreSQL stores of a unit (`tm.pg_store`): its
`units` row and its source's `unit_words` postings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from glossary.text import fold
from tm.model import Unit
from tm.rows import WORD, encoded_tokens, text_key


def unit_row(
    unit_id: int,
    u: Unit,
    key: int,
    tokenise: bool,
    words: list[tuple[str, int, int, int]],
) -> tuple[Any, ...]:
    """The `units` row of `u`; its `unit_words` rows are added to `words`."""
    folded = fold(u.source)
    src, tgt = WORD.findall(folded), WORD.findall(fold(u.target))
    toks = encoded_tokens(u.source) if tokenise else None
    size = len(src) + len(tgt)
    words.extend((w, unit_id, tf, size) for w, tf in Counter(src).items())
    return (unit_id, u.source, u.target, u.src_lang, u.tgt_lang, u.origin,
            u.context, text_key(folded), key,
            None if toks is None else toks.encode(), " ".join(src), " ".join(tgt),
            size)  # fmt: skip
