"""JSON term-base exchange: the schema other tools rely on.

``{"concepts": [{"id", "kind", "status", "note", "flags", "terms":
[{"text", "lang", "status", "type", "count"}]}]}``; a concept's preferred
term has ``"status": "preferred"``. Terms may also carry ``"pos"``,
``"context"``, ``"note"`` and ``"flags"`` (``caseSensitive``,
``doNotTranslate``), concepts ``"subject"`` (a domain), ``"definitions"``
(``{"en": …, "vi": …}``) and ``"parts"`` (ids of the concepts named inside
their names: "Lục Ngạn District" in "Lục Ngạn District Party Committee"), all
written only when set.
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
    TermFlag,
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
        # Written only when set, as the optional term fields are.
        **({"subject": concept.subject} if concept.subject else {}),
        **({"definitions": dict(concept.definitions)} if concept.definitions else {}),
        # ids of the concepts named inside this one's names (nested names)
        **({"parts": list(concept.parts)} if concept.parts else {}),
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
    if t.note:
        rec["note"] = t.note
    if t.flags:
        rec["flags"] = sorted(str(f) for f in t.flags)
    return rec


def dump(concepts: Iterable[Concept], out: IO[bytes], **_: object) -> None:
    """Write `concepts` as UTF-8 JSON (stable order, human-readable)."""
    doc = {"concepts": [concept_record(c) for c in concepts]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")


def _text(rec: dict[str, Any], field: str, default: str | None = None) -> str:
    """A string field: null, a number or a list is refused, not stored as "None"."""
    value = rec.get(field, default) if default is not None else rec[field]
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{field!r} must be a string, not {json.dumps(value)[:40]}")
    return nfc(value)


def _number(rec: dict[str, Any], field: str) -> int | None:
    value = rec.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{field!r} must be a whole number, not {value!r:.40}")
    return value


def _concept(rec: dict[str, Any]) -> Concept:
    terms = tuple(
        Term(
            text=_text(t, "text"),
            lang=_text(t, "lang", "en"),
            status=TermStatus(_text(t, "status", "admitted")),
            type=TermType(_text(t, "type", "variant")),
            count=_number(t, "count") or 0,
            pos=_text(t, "pos", ""),
            context=_text(t, "context", ""),
            note=_text(t, "note", ""),
            flags=frozenset(TermFlag(f) for f in t.get("flags") or []),
        )
        for t in rec["terms"]
    )
    definitions = rec.get("definitions") or {}
    return Concept(
        id=_number(rec, "id"),
        key=_text(rec, "key", ""),
        kind=Kind(rec["kind"]),
        status=ConceptStatus(_text(rec, "status", "candidate")),
        note=_text(rec, "note", ""),
        flags=frozenset(Flag(f) for f in rec.get("flags") or []),
        terms=terms,
        subject=_text(rec, "subject", ""),
        definitions=tuple(sorted((k, _text(definitions, k)) for k in definitions)),
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
    except RecursionError:
        raise InputError("not valid JSON: nested too deeply", path) from None
    except ValueError as e:  # an integer past Python's 4300-digit limit
        raise InputError(f"not valid JSON: {e}", path) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("concepts"), list):
        raise InputError('expected an object with a "concepts" list', path, 1)
    concepts = []
    for i, rec in enumerate(doc["concepts"]):
        try:
            concepts.append(_concept(rec))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise InputError(f"concept #{i + 1}: bad or missing field {e}", path) from e
    return concepts
