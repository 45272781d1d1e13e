"""PO/POT and compiled MO catalogues (msgid → msgstr) through polib."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from typing import BinaryIO

import polib

from glossary.errors import InputError, warn_input
from glossary.text import nfc
from tm.model import Unit

MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
_CHARSET = re.compile(rb"charset=([-\w.]+)", re.IGNORECASE)
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
# Extracted comments `dump` writes so that `load` gets back what PO cannot
# hold: a unit's own languages, and a context suffix made for a duplicate.
_LANGS = "tm-languages"
_ALT = "tm-alternative"


def po_charset(data: bytes) -> str:
    """The charset a PO file's header names (UTF-8 if none)."""
    m = _CHARSET.search(data[:4096])
    charset = m.group(1).decode("ascii") if m else "utf-8"
    if charset.upper() == "CHARSET":  # an unfilled POT template header
        charset = "utf-8"
    return charset


def decode_po(data: bytes, path: str) -> str:
    """A PO file's text, in the charset its header names (else UTF-8)."""
    charset = po_charset(data)
    try:
        return data.decode(charset)
    except LookupError as e:
        raise InputError(f"unknown charset {charset!r}", path, 1) from e
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"not valid {charset}: byte {data[e.start]:#04x}", path, line
        ) from None


_KEYWORD_LINE = re.compile(r'^(?:#~\s*)?(?:msg\w+(?:\[\d+\])?\s+)?"')


def _check_strings(text: str, path: str) -> None:
    """polib silently accepts an unterminated string; msgfmt does not."""
    for number, line in enumerate(text.splitlines(), 1):
        body = line.strip()
        if _KEYWORD_LINE.match(body) and (
            len(body) < 2
            or not body.endswith('"')
            or (body.endswith('\\"') and not body.endswith('\\\\"'))
        ):
            raise InputError("PO syntax error: unterminated string", path, number)


_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _warn_placeholders(cat: polib.POFile | polib.MOFile, path: str) -> None:
    """Say once when translations lose or rename a format placeholder (msgfmt -c)."""

    def differ(e: polib.POEntry | polib.MOEntry) -> bool:
        found = _PLACEHOLDER.findall
        return sorted(found(e.msgid)) != sorted(found(e.msgstr))

    bad = [
        getattr(e, "linenum", None)
        for e in cat
        if e.msgstr
        and any(f in ("c-format", "python-format") for f in e.flags)
        and differ(e)
    ]
    if bad:
        warn_input(
            f"{len(bad)} translation(s) whose format placeholders differ from the "
            "msgid, imported as written",
            path,
            bad[0],
        )


def _check_unique(cat: polib.POFile | polib.MOFile, path: str) -> None:
    """Refuse a second entry with the same msgctxt and msgid, as msgfmt does."""
    first: dict[tuple[str, str], int | None] = {}
    for e in cat:
        if e.obsolete:
            continue
        line = getattr(e, "linenum", None)
        seen = first.setdefault((e.msgctxt or "", e.msgid), line)
        if seen != line:
            raise InputError(
                f"duplicate entry (same msgctxt and msgid as line {seen})", path, line
            )


def _check_mo(data: bytes, path: str) -> None:
    """Refuse an MO file whose tables or strings lie past its end (polib reads
    short strings there without a word)."""
    order = "<" if data[:4] == MO_MAGIC[0] else ">"
    if len(data) < 20:
        raise InputError("broken MO file: the header is cut short", path)
    count, originals, translations = struct.unpack_from(order + "3I", data, 8)
    for table in (originals, translations):
        if table + 8 * count > len(data):
            raise InputError("broken MO file: a table lies past the end", path)
        for i in range(count):
            length, offset = struct.unpack_from(order + "2I", data, table + 8 * i)
            if offset + length > len(data):
                raise InputError("broken MO file: a string lies past the end", path)


def read_catalogue(data: bytes, path: str) -> polib.POFile | polib.MOFile:
    """The polib catalogue of PO or MO bytes; `InputError` when unreadable."""
    if not data.strip():
        raise InputError("empty file", path, 1)
    if data[:4] in MO_MAGIC:
        _check_mo(data, path)
        try:
            return polib.mofile(data)  # type: ignore[call-overload,no-any-return]
        except (OSError, ValueError, UnicodeDecodeError, struct.error) as e:
            raise InputError(f"broken MO file: {e}", path) from e
    text = decode_po(data, path)
    _check_strings(text, path)
    if "\n" not in text:
        text += "\n"  # polib would take a one-line string for a file name
    try:
        return polib.pofile(text)
    except (OSError, ValueError) as e:
        m = _POLIB_LINE.search(str(e))
        what = str(e).split(" in po file")[0].split(" (line")[0]
        line = int(m.group(1)) if m else None
        raise InputError(f"PO {what.lower()}", path, line) from None


def load(
    src: BinaryIO,
    *,
    path: str = "<stream>",
    src_lang: str = "en",
    tgt_lang: str | None = "vi",
    include_fuzzy: bool = False,
) -> list[Unit]:
    """Read translated entries of a PO, POT or MO file as units.

    The target language is the header's `Language`, else `tgt_lang`; a
    catalogue with translations and neither is refused (a French catalogue
    must not become Vietnamese). Fuzzy and obsolete entries are skipped
    unless `include_fuzzy`; untranslated ones always.

    Raises:
        InputError: A syntax error, undecodable bytes, a duplicate entry or
            translations in an unknown language, with the line.
    """
    cat = read_catalogue(src.read(), path)
    _check_unique(cat, path)
    _warn_placeholders(cat, path)
    lang = cat.metadata.get("Language", "").strip() or tgt_lang
    if lang is None:
        if any(e.msgstr or any(e.msgstr_plural.values()) for e in cat):
            raise InputError(
                "no Language header: give the language of the translations with --tgt",
                path,
                1,
            )
        lang = "vi"
    units: list[Unit] = []
    for entry in cat:
        if not include_fuzzy and (entry.obsolete or "fuzzy" in entry.flags):
            continue
        target = entry.msgstr
        if entry.msgid_plural and entry.msgstr_plural:
            target = entry.msgstr_plural.get(0, "") or ""
        if not entry.msgid.strip() or not target.strip():
            continue
        line = getattr(entry, "linenum", None)
        where = f"{path}:{line}" if line else path
        langs, context = _ours(entry, (src_lang, lang))
        units.append(Unit(nfc(entry.msgid), nfc(target), *langs, where, nfc(context)))
    return units


def _ours(
    entry: polib.POEntry | polib.MOEntry, langs: tuple[str, str]
) -> tuple[tuple[str, str], str]:
    """The languages and context `dump` recorded in the entry's ``tm:`` comments."""
    context = entry.msgctxt or ""
    for line in (entry.comment or "").splitlines():
        head, _, rest = line.partition(": ")
        if head == _LANGS and len(rest.split()) == 2:
            first, second = rest.split()
            langs = (first, second)
        elif head == _ALT:
            context = context.removesuffix(rest).removesuffix("|")
    return langs, context


def dump(
    units: Iterable[Unit], out: BinaryIO, *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `units` as a UTF-8 PO file for `tgt`.

    PO holds one translation per msgctxt+msgid, so a second translation of the
    same source gets its own msgctxt (``alt-2``, ...) after the unit's context;
    a unit whose languages differ from the file's (``vi_VN`` in a ``vi`` file)
    records them. Both are extracted comments that `load` reads back.
    """
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "glossary-vi tm",
        "Language": tgt,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": src,
    }
    seen: dict[tuple[str, str], int] = {}
    for unit in units:
        key = (unit.context, unit.source)
        seen[key] = seen.get(key, 0) + 1
        ctxt = unit.context
        notes = []
        if seen[key] > 1:
            alt = f"alt-{seen[key]}"
            ctxt = f"{unit.context}|{alt}" if ctxt else alt
            notes.append(f"{_ALT}: {alt}")
        if (unit.src_lang, unit.tgt_lang) != (src, tgt):
            # a vi_VN unit beside an equal vi one: both come back on import
            notes.append(f"{_LANGS}: {unit.src_lang} {unit.tgt_lang}")
        entry = polib.POEntry(
            msgid=unit.source, msgstr=unit.target, comment="\n".join(notes)
        )
        if ctxt:
            entry.msgctxt = ctxt
        if unit.origin:
            entry.occurrences = [(unit.origin, "")]
        po.append(entry)
    out.write(str(po).encode("utf-8") + b"\n")
