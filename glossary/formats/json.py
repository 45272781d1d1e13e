"""JSON term-base exchange: the schema other tools rely on.

``{"concepts": [{"id", "kind", "status", "note", "flags", "terms":
[{"text", "lang", "status", "type", "count"}]}]}``; a concept's preferred
term has ``"status": "preferred"``. Terms may also carry ``"pos"`` and
``"context"`` (written only when set).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from glossary.errors import InputError
from glossary.model import (
    Concept,
    ConceptStatus,
    Flag,
    Kind,
    Term,
    TermStatus,
    TermType,
)
from glossary.text import nfc


def concept_record(concept: Concept) -> dict[str, Any]:
    """The JSON object for one concept."""
    return {
        "id": concept.id,
        "key": concept.key,
        "kind": str(concept.kind),
        "status": str(concept.status),
        "note": concept.note,
        "flags": sorted(str(f) for f in concept.flags),
        "terms": [_term_record(t) for t in concept.terms],
    }


def _term_record(t: Term) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "text": t.text,
        "lang": t.lang,
        "status": str(t.status),
        "type": str(t.type),
        "count": t.count,
    }
    # Optional fields, written only when set (older readers ignore them).
    if t.pos:
        rec["pos"] = t.pos
    if t.context:
        rec["context"] = t.context
    return rec


def dump(concepts: Iterable[Concept], out: IO[bytes], **_: object) -> None:
    """Write `concepts` as UTF-8 JSON (stable order, human-readable)."""
    doc = {"concepts": [concept_record(c) for c in concepts]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")


def _concept(rec: dict[str, Any]) -> Concept:
    terms = tuple(
        Term(
            text=nfc(str(t["text"])),
            lang=str(t.get("lang", "en")),
            status=TermStatus(t.get("status", "admitted")),
            type=TermType(t.get("type", "variant")),
            count=int(t.get("count", 0)),
            pos=str(t.get("pos", "")),
            context=nfc(str(t.get("context", ""))),
        )
        for t in rec["terms"]
    )
    raw_id = rec.get("id")
    return Concept(
        id=None if raw_id is None else int(raw_id),
        key=str(rec.get("key") or ""),
        kind=Kind(rec["kind"]),
        status=ConceptStatus(rec.get("status", "candidate")),
        note=nfc(str(rec.get("note", ""))),
        flags=frozenset(Flag(f) for f in rec.get("flags", [])),
        terms=terms,
    )


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read concepts written by `dump` (or by another tool using the schema).

    Raises:
        InputError: not UTF-8, not JSON, or not the schema; names file and line.
    """
    raw = src.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from e
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", path, e.lineno) from e
    if not isinstance(doc, dict) or not isinstance(doc.get("concepts"), list):
        raise InputError('expected an object with a "concepts" list', path, 1)
    concepts = []
    for i, rec in enumerate(doc["concepts"]):
        try:
            concepts.append(_concept(rec))
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"concept #{i + 1}: bad or missing field {e}", path) from e
    return concepts
