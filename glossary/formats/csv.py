"""CSV: UTF-8 with a header, one row per term, the concept id in a column.

Columns: ``id, kind, concept_status, concept_key, flags, note, lang, term,
status, type, pos, count, context``. ``id`` is the concept id (``c12``);
concept fields repeat on each of its rows and `load` takes them from the
concept's first row. Only ``id``, ``lang`` and ``term`` are required, so a
spreadsheet of ``id,lang,term`` imports too. The names ``id`` and ``context``
are the ones translate-toolkit's CSV reader (and so Weblate) understands.
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
    "id",
    "kind",
    "concept_status",
    "concept_key",
    "flags",
    "note",
    "lang",
    "term",
    "status",
    "type",
    "pos",
    "count",
    "context",
)
REQUIRED = ("id", "lang", "term")


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
        text=nfc(row["term"]).strip(),
        lang=row["lang"].strip(),
        status=TermStatus(row.get("status") or "admitted"),
        type=TermType(row.get("type") or "variant"),
        pos=row.get("pos") or "",
        count=int(row.get("count") or 0),
        context=nfc(row.get("context") or ""),
    )


def _concept(row: dict[str, str], terms: list[Term]) -> Concept:
    ident = row["id"].removeprefix("c")
    return Concept(
        id=int(ident) if ident.isdigit() else None,
        kind=Kind(row.get("kind") or "term"),
        status=ConceptStatus(row.get("concept_status") or "candidate"),
        key=row.get("concept_key") or "",
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
            if not (row["term"] or "").strip():
                raise ValueError("empty text")
            if row["id"] not in first:
                _concept(row, [])  # check the concept fields while the line is known
                first[row["id"]] = row
            terms.setdefault(row["id"], []).append(_term(row))
    except (ValueError, csv.Error) as e:
        raise InputError(f"bad row: {e}", path, reader.line_num) from e
    return [_concept(row, terms[ident]) for ident, row in first.items()]
