"""CSV: one row per concept, as translate-toolkit, Weblate and spreadsheets read it.

Columns: ``source, target, id, fuzzy, developer_comments, translator_comments,
kind, concept_status, concept_key, flags``. The first six are the names
translate-toolkit's CSV reader (and so Weblate's glossary import) maps to a
unit: ``source`` is the English preferred term, ``target`` the Vietnamese one
(empty when none), ``id`` the concept id (``c12``), ``fuzzy`` ``True`` for an
unreviewed concept. ``developer_comments`` holds a context sentence per
language (``en: …``); ``translator_comments`` lists every term as
``<lang> <status> <type>: <text>`` (aliases; forbidden and deprecated terms,
which are never a ``source`` or ``target``: see `_cat`), then ``note: …``
lines. The rest are ours. Counts and parts of speech are not written (JSON
and TBX v3 keep them).

`load` also reads the simple forms other tools write: Weblate's glossary CSV
(``source,target,…``), a spreadsheet's two or three columns with a header
(``en,vi``, ``term,translation,comment``…) or without one, and OmegaT's
tab-separated glossary (``source<TAB>target<TAB>comment``, see `tsv`).

Spreadsheet safety (OWASP "CSV injection"): cells go through
`glossary.text.spreadsheet.guard`, which `load` undoes, so every term
round-trips.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import replace
from typing import IO

from glossary.errors import InputError
from glossary.formats._cat import (
    entry_lines,
    read_entry_line,
    read_term_line,
    term_line,
    usable_preferred,
    with_preferred,
)
from glossary.model import Concept, ConceptStatus, Flag, Kind, Term
from glossary.text import nfc
from glossary.text.spreadsheet import guard, unguard

COLUMNS = (
    "source",
    "target",
    "id",
    "fuzzy",
    "developer_comments",
    "translator_comments",
    "kind",
    "concept_status",
    "concept_key",
    "flags",
)
# Header names other tools use for the three columns of the simple forms.
_SOURCE = {"source", "src", "en", "english", "term", "msgid", "original"}
_TARGET = {"target", "tgt", "vi", "vietnamese", "translation", "msgstr"}
_COMMENT = {"comment", "comments", "note", "notes", "explanation", "description"}
_KNOWN = _SOURCE | _TARGET | _COMMENT | set(COLUMNS) | {"location", "context"}


def _row(concept: Concept, n: int, src: str, tgt: str) -> list[str] | None:
    source = usable_preferred(concept, src) or usable_preferred(concept)
    if source is None:
        return None
    target = usable_preferred(concept, tgt)
    contexts = [
        f"{t.lang}: {' '.join(t.context.split())}"
        for t in (source, target)
        if t and t.context.strip()
    ]
    comments = [term_line(t) for t in concept.terms] + entry_lines(concept)
    comments += [f"note: {x}" for x in concept.note.splitlines() if x.strip()]
    return [
        source.text,
        target.text if target else "",
        f"c{concept.id if concept.id is not None else n}",
        str(concept.status is ConceptStatus.CANDIDATE),
        "\n".join(contexts),
        "\n".join(comments),
        str(concept.kind),
        str(concept.status),
        concept.key,
        ",".join(sorted(str(f) for f in concept.flags)),
    ]


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write one CSV row per concept (UTF-8, ``\\r\\n`` rows, a header)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for n, concept in enumerate(concepts, 1):
        row = _row(concept, n, src, tgt)
        if row is not None:
            writer.writerow([guard(cell) for cell in row])
    out.write(buf.getvalue().encode("utf-8"))


# -- reading ---------------------------------------------------------------


def _columns(first: list[str]) -> dict[str, int]:
    """Column name -> index, from the header `first` or for a headerless file.

    `first` is a header when it names a source column and another column we
    know (or only such columns): ``en,vi`` is one, ``Prime Minister,Thủ
    tướng`` and ``Fuzzy,Fuzzy`` are not. A header has ``"header"`` among its
    keys.

    Raises:
        ValueError: a header without a source column, or more than three
            columns without a header.
    """
    names = [_name(cell) for cell in first]
    known = [n for n in names if n in _KNOWN]
    if known and (len(known) >= 2 or len(known) == len([n for n in names if n])):
        found = _header(names)
        if "source" in found:
            return {**found, "header": -1}
        if len(known) == len(names) > 2:
            raise ValueError("no source column (source, en, term…)")
        # two known words and no source column: terms ('Fuzzy', 'Target')
    if len(first) > 3:
        raise ValueError("no header naming a source column (source, en, term…)")
    return {"source": 0, "target": 1, "comment": 2}


def _name(cell: str) -> str:
    return unguard(cell).strip().lower().replace(" ", "_")


def _header(names: list[str]) -> dict[str, int]:
    """Column name -> index of the header `names` that we know."""
    found: dict[str, int] = {}
    for i, name in enumerate(names):
        for alias, group in (("source", _SOURCE), ("target", _TARGET)):
            if name in group:
                found.setdefault(alias, i)
        if name in _COMMENT:
            found.setdefault("comment", i)
        if name in COLUMNS:
            found.setdefault(name, i)
    return found


def _terms(
    cells: dict[str, str],
    notes: list[str],
    separator: str,
    entry: list[tuple[str, str]],
) -> list[Term]:
    """The terms a row's comment lines name; subject and definitions go to
    `entry`, other lines to `notes`."""
    lines = cells.get("translator_comments", "").splitlines()
    lines += cells.get("comment", "").split(separator)
    terms: list[Term] = []
    for line in lines:
        term = read_term_line(line)
        field = None if term else read_entry_line(line)
        if term is not None:
            terms.append(term)
        elif field is not None:
            entry.append(field)
        elif line.strip():
            notes.append(line.removeprefix("note: "))
    return terms


def concept_of(
    cells: dict[str, str], src: str, tgt: str, separator: str = "\n"
) -> Concept | None:
    """The concept of one row, given as column name -> NFC cell text.

    Raises:
        ValueError: a bad kind, status or flag.
    """
    source, target = cells.get("source", ""), cells.get("target", "")
    if not source.strip():
        return None
    notes: list[str] = []
    entry: list[tuple[str, str]] = []  # ("", subject), (lang, definition)
    terms = _terms(cells, notes, separator, entry)
    # `dump` writes a concept without an English term with another as source
    if not any(t.lang == src and t.text == source for t in terms):
        src = next((t.lang for t in terms if t.text == source), src)
    terms = with_preferred(terms, source, src)
    if target.strip():
        terms = with_preferred(terms, target, tgt)
    contexts = dict(
        (lang, text)
        for lang, _, text in (
            x.partition(": ") for x in cells.get("developer_comments", "").splitlines()
        )
    )
    shown = Concept(kind=Kind.TERM, terms=tuple(terms))
    picked = {usable_preferred(shown, lang) for lang in contexts}
    terms = [replace(t, context=contexts[t.lang]) if t in picked else t for t in terms]
    ident = cells.get("id", "").removeprefix("c")
    fuzzy = cells.get("fuzzy", "").lower() in ("true", "fuzzy", "1")
    status = cells.get("concept_status") or ("candidate" if fuzzy else "")
    return Concept(
        id=int(ident) if ident.isdigit() else None,
        kind=Kind(cells.get("kind") or "term"),
        status=ConceptStatus(status or "candidate"),
        key=cells.get("concept_key", ""),
        flags=frozenset(Flag(f) for f in cells.get("flags", "").split(",") if f),
        note="\n".join(notes),
        terms=tuple(terms),
        subject=next((text for lang, text in entry if not lang), ""),
        definitions=tuple(sorted((lang, t) for lang, t in entry if lang)),
    )


def read_rows(
    text: str,
    *,
    path: str,
    delimiter: str,
    separator: str = "\n",
    src: str = "en",
    tgt: str = "vi",
) -> list[Concept]:
    """Concepts of CSV or TSV `text`, with or without a header row.

    Without a header, the columns are source, target and comment; a comment
    holds lines parted by `separator`.

    Raises:
        InputError: a CSV syntax error or a bad value; with the line.
    """
    # OmegaT's tab-separated glossary has no quoting: a '"' is text there.
    source = io.StringIO(text, newline="")
    if delimiter == "\t":
        reader = csv.reader(source, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(source, strict=True)
    concepts: list[Concept] = []
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            if not any(row) or (delimiter == "\t" and row[0].startswith("#")):
                continue  # OmegaT skips a glossary line starting with '#'
            if columns is None:
                columns = _columns(row)
                if "header" in columns:
                    continue
            cells = {
                name: nfc(unguard(row[i]))
                for name, i in columns.items()
                if 0 <= i < len(row)
            }
            concept = concept_of(cells, src, tgt, separator)
            if concept is not None:
                concepts.append(concept)
    except (ValueError, csv.Error) as e:
        raise InputError(f"bad row: {e}", path, reader.line_num) from e
    return concepts


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text of `raw` (a BOM is dropped).

    Raises:
        InputError: not UTF-8; with the line.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from e


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read concepts from CSV written by `dump`, Weblate or a spreadsheet.

    A file whose first line has tabs and no comma is read as tab-separated.

    Raises:
        InputError: not UTF-8, a CSV syntax error or a bad value; with the line.
    """
    text = decode(src.read(), path)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    concepts = read_rows(text, path=path, delimiter=delimiter)
    if not concepts and text.strip():
        raise InputError("no rows with a source term", path, 1)
    return concepts
