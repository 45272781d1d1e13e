"""The mention cache's encoding of one document's mentions.

Pure, so extraction workers encode what the process that owns the store
writes as it is (`TermBase.cache_encoded`).
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import chain, count
from typing import Any

from glossary.model import Kind, Mention

__all__ = [
    "compressed",
    "decode_mentions",
    "decode_record",
    "encode_mentions",
    "encode_record",
]

# The mention cache holds, per document, a zlib-compressed record by column:
# a line of UTF-8 JSON, {"n": mentions, "documents": [path, ...], "contexts":
# [sentence, ...], "strings": [text, language, title or rule, ...], "kinds":
# [kind or null, ...], "w": "H" or "q"}, then the mentions' fields as
# little-endian integers, 16-bit unsigned when every value fits ("H": most
# documents, a third of the bytes to compress), else 64-bit ("q", and rows
# without "w"), one column of n after the other (text, document, start, end,
# language, kind, context, title and source, each but the offsets an index
# into its table), then their scores as n doubles. Each string is written
# once, and the columns are made and read by `zip`, `map` and `array` at C
# speed: the JSON rows before them ({"documents", "contexts", "mentions":
# [[text, document index, start, ...], ...]}) cost twice the CPU to encode
# and decode. Rows of that format, and of the older JSON list of
# `Mention.to_dict` (as text), are still read.
_KINDS: dict[str | None, Kind | None] = {str(k): k for k in Kind}
_KINDS[None] = None
_INTS = 9  # integer columns: every field but the score
_SWAP = sys.byteorder == "big"  # the columns are stored little-endian
_SMALL = 0xFFFF  # every integer at most this: 16-bit columns (most documents)
# ``Mention(...)`` without its Python frame (`Mention` documents this).
_mention = partial(tuple.__new__, Mention)


def _table(values: Iterable[Any]) -> dict[Any, int]:
    """Each distinct value with its index, in order of first appearance."""
    return dict(zip(dict.fromkeys(values), count()))


def encode_mentions(mentions: Sequence[Mention]) -> bytes:
    """One document's mentions as stored in the mention cache.

    Pure, so extraction workers can run it: see `TermBase.cache_encoded`.
    """
    return compressed(encode_record(mentions))


def compressed(record: bytes) -> bytes:
    """A record of `encode_record` as the mention cache holds it."""
    return zlib.compress(record, 1)


def encode_record(mentions: Sequence[Mention]) -> bytes:
    """`encode_mentions` before compression (`decode_record` reads it)."""
    if mentions:
        text, doc, start, end, lang, kind, ctx, title, source, score = zip(
            *mentions, strict=True
        )
    else:
        text = doc = start = end = lang = kind = ctx = title = source = score = ()
    docs, contexts, kinds = _table(doc), _table(ctx), _table(kind)
    strings = _table(chain(text, lang, title, source))
    at = strings.__getitem__
    small = (
        max(len(strings), len(contexts), len(docs)) <= _SMALL
        and min(start, default=0) >= 0
        and min(end, default=0) >= 0
        and max(start, default=0) <= _SMALL
        and max(end, default=0) <= _SMALL
    )
    ints = array(
        "H" if small else "q",
        chain(
            map(at, text),
            map(docs.__getitem__, doc),
            start,
            end,
            map(at, lang),
            map(kinds.__getitem__, kind),
            map(contexts.__getitem__, ctx),
            map(at, title),
            map(at, source),
        ),
    )
    scores = array("d", map(float, score))
    if _SWAP:
        ints.byteswap()
        scores.byteswap()
    head = {
        "n": len(mentions),
        "w": ints.typecode,
        "documents": list(docs),
        "contexts": list(contexts),
        "strings": list(strings),
        "kinds": [None if k is None else str(k) for k in kinds],
    }
    # JSON escapes every control character, so the line ends at the first b"\n".
    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode()
    return b"".join((line, b"\n", ints, scores))


def decode_mentions(data: str | bytes) -> list[Mention]:
    """The mentions `encode_mentions` encoded (or an older cache row held)."""
    if isinstance(data, str):
        return _decode_dicts(data)
    return decode_record(zlib.decompress(data))


def decode_record(raw: bytes) -> list[Mention]:
    """The mentions `encode_record` encoded (or an older cache row held,
    decompressed)."""
    line, columns, body = raw.partition(b"\n")
    if not columns:
        return _decode_rows(json.loads(raw))
    head = json.loads(line)
    n = head["n"]
    ints, scores = array(head.get("w", "q")), array("d")
    size = ints.itemsize * _INTS * n
    ints.frombytes(body[:size])
    scores.frombytes(body[size:])
    if _SWAP:
        ints.byteswap()
        scores.byteswap()
    text, doc, start, end, lang, kind, ctx, title, source = (
        ints[k * n : (k + 1) * n] for k in range(_INTS)
    )
    # A build holds every document's mentions until the corpus stage: one
    # copy of each text, language, title and rule string, which repeat
    # across the corpus ("Vietnam", "en"), instead of one per mention (a
    # fifth of the mentions' memory).
    strings = list(map(sys.intern, head["strings"]))
    kinds = [_KINDS[k] for k in head["kinds"]]
    at = strings.__getitem__
    fields = zip(
        map(at, text),
        map(head["documents"].__getitem__, doc),
        start.tolist(),
        end.tolist(),
        map(at, lang),
        map(kinds.__getitem__, kind),
        map(head["contexts"].__getitem__, ctx),
        map(at, title),
        map(at, source),
        scores.tolist(),
        strict=True,
    )
    return list(map(_mention, fields))


def _decode_rows(record: dict[str, Any]) -> list[Mention]:
    """Mentions of a cache row of the JSON row format (one list per mention)."""
    docs, contexts, kinds = record["documents"], record["contexts"], _KINDS
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


def _decode_dicts(data: str) -> list[Mention]:
    """Mentions of a cache row of the first format (`Mention.to_dict`s)."""
    records = json.loads(data)
    # Mentions of one sentence share its context: keep one copy.
    seen: dict[str, str] = {}
    for d in records:
        d["context"] = seen.setdefault(d["context"], d["context"])
    return [Mention.from_dict(d) for d in records]
