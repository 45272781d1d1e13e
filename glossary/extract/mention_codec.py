"""The mention cache's encoding of one document's mentions.

Pure, so extraction workers encode what the process that owns the store
writes as it is (`TermBase.cache_encoded`).
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Sequence

from glossary.model import Kind, Mention

__all__ = ["decode_mentions", "encode_mentions"]

# The mention cache holds, per document, zlib-compressed UTF-8 JSON:
# {"documents": [path, ...], "contexts": [sentence, ...], "mentions": [[text,
# document index, start, end, lang, kind or null, context index, title,
# source, score], ...]}. Sentences and paths are stored once, not per
# mention. Rows written before this format (a JSON list of
# `Mention.to_dict`, as text) are still read.
_KINDS: dict[str | None, Kind | None] = {str(k): k for k in Kind}
_KINDS[None] = None


def encode_mentions(mentions: Sequence[Mention]) -> bytes:
    """One document's mentions as stored in the mention cache.

    Pure, so extraction workers can run it: see `TermBase.cache_encoded`.
    """
    docs: dict[str, int] = {}
    contexts: dict[str, int] = {}
    rows = [
        [
            m.text,
            docs.setdefault(m.document, len(docs)),
            m.start,
            m.end,
            m.lang,
            None if m.kind is None else str(m.kind),
            contexts.setdefault(m.context, len(contexts)),
            m.title,
            m.source,
            m.score,
        ]
        for m in mentions
    ]
    record = {"documents": list(docs), "contexts": list(contexts), "mentions": rows}
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def decode_mentions(data: str | bytes) -> list[Mention]:
    """The mentions `encode_mentions` encoded (or an older cache row held)."""
    if isinstance(data, str):
        records = json.loads(data)
        # Mentions of one sentence share its context: keep one copy.
        seen: dict[str, str] = {}
        for d in records:
            d["context"] = seen.setdefault(d["context"], d["context"])
        return [Mention.from_dict(d) for d in records]
    record = json.loads(zlib.decompress(data))
    docs, contexts, kinds = record["documents"], record["contexts"], _KINDS
    # A build holds every document's mentions until the corpus stage: JSON
    # gives each mention its own copy of its text, language and rule, which
    # repeat across the corpus ("Vietnam", "en"): one copy of each instead
    # (a fifth of the mentions' memory).
    keep = sys.intern
    return [
        Mention(
            keep(text),
            docs[doc],
            start,
            end,
            keep(lang),
            kinds[kind],
            contexts[ctx],
            keep(title),
            keep(source),
            float(score) if score else 0.0,
        )
        for text, doc, start, end, lang, kind, ctx, title, source, score in record[
            "mentions"
        ]
    ]
