"""Read the files `glossary check` accepts into documents of segments.

PO/POT and MO catalogues, TMX, XLIFF 1.2/2.x (through the `tm.formats`
readers), and plain text: one article (English or Vietnamese), or a pair
of paragraph-aligned files as `glossary align` reads them. A file named
``NAME.vi.txt`` given together with a ``NAME.txt`` (in any folder) is the
Vietnamese side of that pair; any other text file is an article.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Sequence
from itertools import compress
from operator import or_, truth
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

from glossary.check.model import Document, Field, Rows, Segment
from glossary.check.po_scan import quick_columns, scan_columns
from glossary.errors import InputError
from glossary.text import nfc
from glossary.text.tokens import detect_language, language_sample
from tm.formats.po import MO_MAGIC, decode_po, po_charset, read_catalogue
from tm.model import Unit

__all__ = ["TEXT_SUFFIXES", "pair_up", "read_document", "read_documents"]

PO_SUFFIXES = frozenset({".po", ".pot", ".mo", ".gmo"})
XLIFF_SUFFIXES = frozenset({".xlf", ".xliff", ".xlf2"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
_BLANK = re.compile(r"\n[ \t]*\n")
_LANGUAGE = re.compile(r"^Language:\s*(\S+)", re.MULTILINE)
_T = TypeVar("_T")


def read_documents(paths: Sequence[str]) -> list[Document]:
    """Every file (a directory: its files) as a document, text pairs joined.

    Raises:
        InputError: a missing, unreadable, unknown or malformed file.
    """
    return [
        read_document(path) if partner is None else _pair(partner, path)
        for path, partner in pair_up(expand(paths))
    ]


def expand(paths: Sequence[str]) -> list[str]:
    """Files as given; a directory's checkable files (not hidden), sorted."""
    known = PO_SUFFIXES | XLIFF_SUFFIXES | TEXT_SUFFIXES | {".tmx"}
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            out.append(raw)
            continue
        out += [
            str(p)
            for p in sorted(path.rglob("*"))
            if p.is_file()
            and p.suffix.lower() in known
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        ]
    return out


def pair_up(paths: Sequence[str]) -> list[tuple[str, str | None]]:
    """(file, English partner or None) for each input, partners left out."""
    by_name = {Path(p).name: p for p in paths if Path(p).suffix.lower() == ".txt"}
    partner = {}
    for path in paths:
        name = Path(path).name
        if name.endswith(".vi.txt") and name[: -len(".vi.txt")] + ".txt" in by_name:
            partner[path] = by_name[name[: -len(".vi.txt")] + ".txt"]
    english = set(partner.values())
    return [(p, partner.get(p)) for p in paths if p not in english]


def _bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError(e.strerror or str(e), path) from e


def read_document(path: str) -> Document:
    """One file on its own: a catalogue, a memory, an XLIFF file or an article."""
    suffix = Path(path).suffix.lower()
    if suffix in PO_SUFFIXES:
        return _po(path)
    if suffix == ".tmx":
        from tm.formats import tmx  # XML readers: only for XML files

        return _units(path, "tmx", tmx.load(_stream(path), path=path))
    if suffix in XLIFF_SUFFIXES:
        from tm.formats import xliff

        return _units(path, "xliff", xliff.load(_stream(path), path=path))
    if suffix in TEXT_SUFFIXES:
        return _article(path)
    raise InputError(
        "unknown kind of file (expected .po, .pot, .mo, .tmx, .xlf, .xliff or .txt)",
        path,
    )


def _stream(path: str) -> BinaryIO:
    return io.BytesIO(_bytes(path))


def _po(path: str) -> Document:
    """A catalogue: each translated-or-not entry that is not fuzzy, obsolete or
    the header, read column by column (see `scan_columns`)."""
    data = _bytes(path)
    if data[:4] in MO_MAGIC:
        return _mo(path, data)
    cols = quick_columns(data, normalize=True) if _utf8(data) else None
    if cols is None:  # another charset or layout, or an error to report
        cols = scan_columns(decode_po(data, path), path, normalize=True)
    header = next(
        (
            s
            for c, i, s in zip(cols.msgctxts, cols.msgids, cols.msgstrs, strict=True)
            if not i and c is None
        ),
        None,
    )
    m = _LANGUAGE.search(header) if header is not None else None
    lang = _primary(m.group(1)) if m else "vi"
    keep = list(map(truth, map(str.strip, cols.msgids)))
    if any(cols.fuzzy) or any(cols.obsolete):
        skip = map(or_, cols.fuzzy, cols.obsolete)
        keep = [k and not s for k, s in zip(keep, skip, strict=True)]
    first = keep.index(True) if True in keep else len(keep)

    def kept(column: Sequence[_T]) -> list[_T]:
        if False not in keep[first:]:  # none left out after the header, as a rule
            return list(column[first:])
        return list(compress(column, keep))

    lines, msgids, plurals = kept(cols.lines), kept(cols.msgids), kept(cols.plurals)
    # msgstr[0] of a one-form language (Vietnamese) translates the plural
    sources = (
        [p or i for p, i in zip(plurals, msgids, strict=True)]
        if any(plurals)
        else msgids
    )
    units: list[str | None] = kept(cols.msgctxts)
    if None in units:  # none has a context, or only some
        none = units.count(None) == len(units)
        units = [""] * len(units) if none else [c or "" for c in units]
    columns = (cast(list[str], units), kept(cols.msgstrs), sources, lines)
    return Document(path, "po", Rows(columns, lang, path))


def _utf8(data: bytes) -> bool:
    """Whether a PO file's header names UTF-8 (or no charset)."""
    try:
        return codecs.lookup(po_charset(data)).name == "utf-8"
    except LookupError:  # decode_po says so
        return False


def _mo(path: str, data: bytes) -> Document:
    """A compiled catalogue, through polib (it has no lines: each unit gets 0)."""
    cat = read_catalogue(data, path)
    lang = _primary(cat.metadata.get("Language", "").strip() or "vi")
    segments: list[Segment] = []
    for entry in cat:
        target = entry.msgstr
        if entry.msgid_plural and entry.msgstr_plural:
            target = entry.msgstr_plural.get(0, "") or ""
        if not entry.msgid.strip():
            continue
        segments.append(
            Segment(
                len(segments),
                nfc(entry.msgctxt or ""),
                Field(nfc(target), lang, path, 0),
                Field(nfc(entry.msgid), "en", path, 0),
                0,
            )
        )
    return Document(path, "po", tuple(segments))


def _primary(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower() or "vi"


def _units(path: str, kind: str, units: list[Unit]) -> Document:
    segments: list[Segment] = []
    for unit in units:
        line = int(unit.origin.rsplit(":", 1)[1]) if ":" in unit.origin else 0
        segments.append(
            Segment(
                len(segments),
                unit.context,
                Field(unit.target, _primary(unit.tgt_lang), path, line),
                Field(unit.source, _primary(unit.src_lang), path, line),
                line,
            )
        )
    return Document(path, kind, tuple(segments))


def paragraphs(text: str, lang: str, path: str) -> list[Field]:
    """Blank-line separated paragraphs (lines, if there is no blank line)."""
    separator = _BLANK if _BLANK.search(text.strip()) else re.compile(r"\n")
    fields, pos = [], 0
    for m in [*separator.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            body = text[start : pos + len(chunk.rstrip())]
            fields.append(
                Field(body, lang, path, text.count("\n", 0, start) + 1, start)
            )
        pos = m.end() if m else pos
    return fields


def _language(text: str) -> str:
    return "vi" if detect_language(language_sample(text)) == "vi" else "en"


def _article(path: str) -> Document:
    from glossary.reader import decode  # the text reader: for text files only

    text = decode(_bytes(path), path)
    fields = paragraphs(text, _language(text), path)
    segments = tuple(Segment(i, "", f, None, f.line) for i, f in enumerate(fields))
    return Document(path, "text", segments)


def _pair(en_path: str, vi_path: str) -> Document:
    """A Vietnamese file and its English original, paragraph N against N."""
    from glossary.align_service import read_pairs

    ((_, en_text, _, vi_text),) = read_pairs([en_path, vi_path])
    en, vi = paragraphs(en_text, "en", en_path), paragraphs(vi_text, "vi", vi_path)
    if len(en) != len(vi):
        longer = en if len(en) > len(vi) else vi
        extra = longer[min(len(en), len(vi))]
        raise InputError(
            f"{len(en)} paragraphs in {Path(en_path).name} but {len(vi)} in "
            f"{Path(vi_path).name}; this one has no partner",
            extra.path,
            extra.line,
        )
    segments = tuple(
        Segment(i, f"¶{i + 1}", t, s, t.line)
        for i, (s, t) in enumerate(zip(en, vi, strict=True))
    )
    return Document(vi_path, "pair", segments, source_path=en_path)
