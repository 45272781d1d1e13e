"""Safe XML parsing for the memory formats: no entities, no DTD, no network."""

from __future__ import annotations

import re

from lxml import etree

from glossary.errors import InputError

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf8_view(data: bytes) -> bytes:
    """`data` as UTF-8 for scanning, so a UTF-16/32 file cannot hide a DOCTYPE."""
    if b"\x00" not in data[:4] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    for codec in ("utf-32", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(codec).encode("utf-8")
        except UnicodeError:
            continue
    return data


def parse(data: bytes, path: str) -> etree._Element:
    """Parse `data` refusing entity declarations and internal DTD subsets.

    Raises:
        InputError: Hostile or malformed XML, with the line where it is.
    """
    scan = _utf8_view(data)
    for pattern, what in (
        (_INTERNAL_SUBSET, "DOCTYPE with an internal subset is not allowed"),
        (_ENTITY, "entity declarations are not allowed"),
    ):
        m = pattern.search(scan)
        if m:
            raise InputError(what, path, _line_of(scan, m.start()))
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        line = e.lineno if e.lineno else None
        message = str(e.msg).split(", line ")[0] if e.msg else "not well-formed XML"
        raise InputError(f"malformed XML: {message}", path, line) from e
