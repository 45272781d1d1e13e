"""Export and import use cases: the term base to and from TBX, PO, CSV and JSON.

`export` picks the concepts, fills each term's context sentence from its
occurrences, and writes the file with `glossary.outfile.write_output`
(atomically for a regular file, so a failed export leaves the old file intact).
`import_file` reads the whole file first (any error leaves the db untouched)
and applies it in one transaction, merging into existing concepts by key (or,
for keyless files, by a unique same-kind name match).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import IO

from glossary.errors import ExportError, InputError
from glossary.formats import csv, po, tbx, tbx2008, tsv
from glossary.formats import json as json_format
from glossary.formats.validate import checked
from glossary.model import Concept, ConceptStatus, Kind, Term, TermStatus
from glossary.outfile import stdout_binary, write_output
from glossary.store import TermStore

Dumper = Callable[..., None]

FORMATS: dict[str, ModuleType] = {
    "tbx": tbx,
    "tbx2008": tbx2008,
    "po": po,
    "pot": po,
    "csv": csv,
    "tsv": tsv,
    "json": json_format,
}
_EXTENSIONS = {
    ".tbx": "tbx",
    ".po": "po",
    ".pot": "pot",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "tsv",
    ".json": "json",
}


class ImportMode(StrEnum):
    MERGE = "merge"  # add new terms; keep every review decision already made
    REPLACE = "replace"  # the file wins for the concepts it contains


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: concepts added, merged into, and terms added."""

    path: str
    format: str
    added: int
    merged: int
    terms_added: int


def format_of(path: str | Path, format: str | None = None) -> str:
    """The format name given, or the one the file extension implies.

    Raises:
        ExportError: unknown format or extension.
    """
    if format is not None:
        if format not in FORMATS:
            raise ExportError(f"unknown format {format!r}")
        return format
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        known = ", ".join(_EXTENSIONS)
        raise ExportError(
            f"{path}: cannot tell the format from the extension ({known}); use --format"
        )
    return fmt


def formats_for(path: str | Path) -> tuple[str, ...]:
    """The formats a file's extension allows (.tbx: v3 or 2008); () if unknown."""
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        return ()
    return ("tbx", "tbx2008") if fmt == "tbx" else (fmt,)


def _dumper(fmt: str) -> Dumper:
    return po.dump_pot if fmt == "pot" else FORMATS[fmt].dump


def with_contexts(tb: TermStore, concept: Concept) -> Concept:
    """`concept` with each term lacking a context given its first occurrence's."""
    if concept.id is None or all(t.context for t in concept.terms):
        return concept
    seen: dict[str, str] = {}
    for occ in tb.occurrences(concept.id, limit=200):
        seen.setdefault(occ.text, occ.context)
    terms = tuple(
        t if t.context else replace(t, context=seen.get(t.text, ""))
        for t in concept.terms
    )
    return replace(concept, terms=terms)


def select(
    tb: TermStore,
    *,
    approved_only: bool = False,
    kind: Kind | None = None,
    include_rejected: bool = False,
) -> list[Concept]:
    """The concepts an export writes, in id order, with contexts filled in."""
    status = ConceptStatus.APPROVED if approved_only else None
    concepts = tb.concepts(kind=kind, status=status)
    if not include_rejected:
        concepts = [c for c in concepts if c.status is not ConceptStatus.REJECTED]
    return with_parts(tb, [with_contexts(tb, c) for c in concepts])


def with_parts(tb: TermStore, concepts: list[Concept]) -> list[Concept]:
    """`concepts` with their parts among `concepts` (a cross-reference must
    point inside the file)."""
    parts = tb.concept_parts()
    ids = {c.id for c in concepts}
    return [
        replace(c, parts=tuple(p for p in parts.get(c.id, ()) if p in ids))
        if c.id in parts
        else c
        for c in concepts
    ]


def export(
    tb: TermStore,
    target: str | Path | IO[bytes],
    *,
    format: str | None = None,
    approved_only: bool = False,
    kind: Kind | None = None,
    include_rejected: bool = False,
    src: str = "en",
    tgt: str = "vi",
) -> int:
    """Write the term base to `target` (a path, ``"-"`` for stdout, or a stream).

    Args:
        tb: the term base.
        target: where to write; paths are written atomically.
        format: tbx, tbx2008, po, pot, csv or json; None infers it from the
            extension of `target`.
        approved_only: only approved concepts.
        kind: only concepts of this kind.
        include_rejected: also write rejected concepts (left out by default).
        src: source language (TBX ``xml:lang``, PO ``msgid``).
        tgt: target language (PO ``msgstr``).

    Returns:
        The number of concepts written.

    Raises:
        ExportError: unknown format or the file cannot be written.
    """
    if isinstance(target, str | Path) and str(target) != "-":
        fmt = format_of(target, format)
    else:
        if format is None:
            raise ExportError("writing to stdout needs --format")
        fmt = format_of("-", format)
    concepts = select(
        tb, approved_only=approved_only, kind=kind, include_rejected=include_rejected
    )
    dump = _dumper(fmt)

    def write(out: IO[bytes]) -> None:
        dump(concepts, out, src=src, tgt=tgt)

    if isinstance(target, str | Path):
        if str(target) == "-":
            out = stdout_binary()
            write(out)
            out.flush()
        else:
            write_output(target, write)
    else:
        write(target)
    return len(concepts)


def _sniff(path: str, data: bytes) -> str:
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    head = data[:4096].lstrip()
    if fmt == "tbx" or (fmt is None and head.startswith(b"<")):
        return "tbx2008" if b"<martif" in head else "tbx"
    if fmt is None:
        if head[:1] in (b"{", b"["):
            return "json"
        raise InputError("cannot tell the format from the extension", path, None)
    return fmt


def read_file(
    path: str | Path, format: str | None = None, *, lang: str | None = None
) -> tuple[str, list[Concept]]:
    """Parse an exchange file completely; return (format, concepts).

    `lang` is the language of a PO file's translations when its header has
    no ``Language`` (such a file is refused without it).

    Raises:
        InputError: unreadable, unsafe or malformed; names the file and line.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read ({e.strerror})", name) from e
    fmt = format or _sniff(name, data)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}", name)
    extra = {"tgt": lang} if fmt in ("po", "pot") else {}
    concepts: list[Concept] = FORMATS[fmt].load(BytesIO(data), path=name, **extra)
    return fmt, checked(concepts, name)


def _match(tb: TermStore, concept: Concept) -> Concept | None:
    if concept.key:
        return tb.concept_by_key(concept.key)
    label = concept.preferred()
    if label is None:
        return None
    same = [c for c in tb.find(label.text) if c.kind is concept.kind]
    return same[0] if len(same) == 1 else None


def _add_terms(tb: TermStore, existing: Concept, terms: Iterable[Term]) -> int:
    have = {(t.text, t.lang) for t in existing.terms}
    has_preferred = {t.lang for t in existing.terms if t.is_preferred}
    added = 0
    assert existing.id is not None
    for term in terms:
        if (term.text, term.lang) in have:
            continue
        if term.is_preferred and term.lang in has_preferred:
            term = replace(term, status=TermStatus.ADMITTED)
        tb.add_term(existing.id, replace(term, id=None))
        have.add((term.text, term.lang))
        added += 1
    return added


def _merge(tb: TermStore, existing: Concept, concept: Concept) -> int:
    """Add new terms; set only what no reviewer has decided yet."""
    assert existing.id is not None
    added = _add_terms(tb, existing, concept.terms)
    fresh = {(t.text, t.lang): t for t in concept.terms}
    for t in existing.terms:
        new = fresh.get((t.text, t.lang))
        if new and new.context and not t.context and t.id is not None:
            tb.update_term(t.id, context=new.context)
    tb.update_concept(
        existing.id,
        status=concept.status if existing.status is ConceptStatus.CANDIDATE else None,
        note=concept.note if concept.note and not existing.note else None,
        flags=existing.flags | concept.flags if concept.flags else None,
        subject=concept.subject if concept.subject and not existing.subject else None,
        definitions=(
            (*concept.definitions, *existing.definitions)  # stored ones win
            if concept.definitions
            else None
        ),
    )
    return added


def _replace(tb: TermStore, existing: Concept, concept: Concept) -> int:
    """Make `existing` say what the file says (its occurrences are kept)."""
    assert existing.id is not None
    tb.update_concept(
        existing.id,
        kind=concept.kind,
        status=concept.status,
        note=concept.note,
        flags=concept.flags,
        subject=concept.subject,
        definitions=concept.definitions,
    )
    fresh = {(t.text, t.lang): t for t in concept.terms}
    for t in existing.terms:
        assert t.id is not None
        new = fresh.get((t.text, t.lang))
        if new is None:
            tb.remove_term(t.id)
        else:
            tb.update_term(
                t.id,
                status=new.status,
                type=new.type,
                context=new.context or None,
                count=new.count or None,
                pos=new.pos or None,
                note=new.note,
                flags=new.flags,
            )
    current = tb.concept(existing.id)
    return _add_terms(tb, current, concept.terms)


def import_file(
    tb: TermStore,
    path: str | Path,
    *,
    mode: ImportMode | str = ImportMode.MERGE,
    format: str | None = None,
    lang: str | None = None,
) -> ImportReport:
    """Import an exchange file into `tb` in one transaction.

    Args:
        tb: the term base.
        path: a .tbx (v3 or 2008), .po/.pot, .csv or .json file.
        mode: ``merge`` keeps review decisions already made (approved or
            rejected concepts, their notes); ``replace`` lets the file win.
        format: force a format instead of guessing from the file.
        lang: the language of a PO file's translations if its header has none.

    Returns:
        Counts of what changed.

    Raises:
        InputError: the file is unreadable, unsafe or malformed; nothing is
            written to the term base.
    """
    fmt, concepts = read_file(path, format, lang=lang)
    return apply(tb, concepts, path=str(path), format=fmt, mode=mode)


def apply(
    tb: TermStore,
    concepts: Iterable[Concept],
    *,
    path: str,
    format: str,
    mode: ImportMode | str = ImportMode.MERGE,
) -> ImportReport:
    """Merge already-read `concepts` into `tb` in one transaction (see import_file).

    Returns:
        Counts of what changed.
    """
    mode = ImportMode(mode)
    added = merged = terms_added = 0
    with tb.transaction():
        # Keep the file's ids only in an empty term base: elsewhere a free id
        # may be one a deleted concept had, which the review log still names.
        keep_ids = tb.counts()["concepts"] == 0
        ours: set[int] = set()  # entries of one file are distinct concepts
        for concept in concepts:
            existing = _match(tb, concept)
            if existing is None or existing.id in ours:
                ours.add(tb.add_concept(concept, keep_id=keep_ids))
                added += 1
                terms_added += len({(t.text.strip(), t.lang) for t in concept.terms})
            elif mode is ImportMode.REPLACE:
                terms_added += _replace(tb, existing, concept)
                merged += 1
            else:
                terms_added += _merge(tb, existing, concept)
                merged += 1
        tb.log("import", None, path=path, format=format, mode=str(mode))
    return ImportReport(path, format, added, merged, terms_added)
