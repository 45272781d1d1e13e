"""One safe lxml parser for every XML format we read (TBX v3, TBX 2008).

Entity expansion, DTD loading and network access are off, and any ``<!ENTITY``
declaration or internal DTD subset is refused before lxml sees the bytes, so a
billion-laughs or XXE file fails with one clear line instead of doing harm.
"""

from __future__ import annotations

import re

from lxml import etree

from glossary.errors import InputError

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _line_of(raw: bytes, pos: int) -> int:
    return raw[:pos].count(b"\n") + 1


def _ascii_view(raw: bytes) -> bytes:
    """`raw` as UTF-8 for scanning, so a UTF-16/32 file cannot hide a DOCTYPE."""
    if b"\x00" not in raw[:4] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw
    for codec in ("utf-32", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return raw.decode(codec).encode("utf-8")
        except UnicodeError:
            continue
    return raw


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(raw: bytes, *, path: str, allow_doctype: bool = True) -> etree._Element:
    """Parse `raw` XML safely and return its root element.

    Args:
        raw: the whole file.
        path: shown in error messages.
        allow_doctype: whether a plain external ``<!DOCTYPE x SYSTEM "...">``
            (never fetched) is tolerated, as TBX 2008 files carry one.

    Returns:
        The root element.

    Raises:
        InputError: entity declarations, an internal DTD subset, a forbidden
            DOCTYPE, bad encoding or malformed XML; with the line.
    """
    scan = _ascii_view(raw)
    for pattern, what in (
        (
            _ENTITY,
            "entity declarations are not allowed (possible XXE or "
            "entity-expansion attack)",
        ),
        (_INTERNAL_SUBSET, "an internal DTD subset is not allowed"),
    ):
        m = pattern.search(scan)
        if m:
            raise InputError(what, path, _line_of(scan, m.start()))
    if not allow_doctype:
        m = _DOCTYPE.search(scan)
        if m:
            raise InputError(
                "a DOCTYPE is not allowed here", path, _line_of(scan, m.start())
            )
    if not raw.strip():
        raise InputError("empty file", path, 1)
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as e:
        line = e.lineno or (e.position[0] if e.position else None)
        msg = re.sub(r",? line \d+, column \d+$", "", str(e.msg or e))
        raise InputError(f"malformed XML: {msg}", path, line) from e
    if root is None:
        raise InputError("no XML root element", path, 1)
    return root
