"""CSV: UTF-8 with a header, one row per term, the concept id in a column.

Columns: ``concept, kind, concept_status, key, flags, note, lang, text,
status, type, pos, count, context``. Concept fields repeat on each of its
rows; `load` takes them from the concept's first row. Only ``concept``,
``lang`` and ``text`` are required, so a spreadsheet of ``concept,lang,text``
imports too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

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

COLUMNS = (
    "concept",
    "kind",
    "concept_status",
    "key",
    "flags",
    "note",
    "lang",
    "text",
    "status",
    "type",
    "pos",
    "count",
    "context",
)
REQUIRED = ("concept", "lang", "text")


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write one CSV row per term of `concepts` (UTF-8, ``\\r\\n`` rows)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for n, c in enumerate(concepts, 1):
        ident = f"c{c.id if c.id is not None else n}"
        flags = ",".join(sorted(str(f) for f in c.flags))
        for t in c.terms:
            concept = (ident, c.kind, c.status, c.key, flags, c.note)
            term = (t.lang, t.text, t.status, t.type, t.pos, t.count, t.context)
            writer.writerow((*concept, *term))
    out.write(buf.getvalue().encode("utf-8"))


def _term(row: dict[str, str]) -> Term:
    return Term(
        text=nfc(row["text"]).strip(),
        lang=row["lang"].strip(),
        status=TermStatus(row.get("status") or "admitted"),
        type=TermType(row.get("type") or "variant"),
        pos=row.get("pos") or "",
        count=int(row.get("count") or 0),
        context=nfc(row.get("context") or ""),
    )


def _concept(row: dict[str, str], terms: list[Term]) -> Concept:
    ident = row["concept"].removeprefix("c")
    return Concept(
        id=int(ident) if ident.isdigit() else None,
        kind=Kind(row.get("kind") or "term"),
        status=ConceptStatus(row.get("concept_status") or "candidate"),
        key=row.get("key") or "",
        flags=frozenset(Flag(f) for f in (row.get("flags") or "").split(",") if f),
        note=nfc(row.get("note") or ""),
        terms=tuple(terms),
    )


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read concepts from CSV written by `dump` or a spreadsheet.

    Raises:
        InputError: not UTF-8, missing columns or a bad value; with the line.
    """
    raw = src.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from e
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", path, 1)
    first: dict[str, dict[str, str]] = {}
    terms: dict[str, list[Term]] = {}
    try:
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ValueError(f"expected {len(header)} fields")
            if not (row["text"] or "").strip():
                raise ValueError("empty text")
            if row["concept"] not in first:
                _concept(row, [])  # check the concept fields while the line is known
                first[row["concept"]] = row
            terms.setdefault(row["concept"], []).append(_term(row))
    except (ValueError, csv.Error) as e:
        raise InputError(f"bad row: {e}", path, reader.line_num) from e
    return [_concept(row, terms[ident]) for ident, row in first.items()]
