"""XLIFF 1.2 and 2.x: read translation units (safely) with lxml.

1.2 holds ``<file source-language target-language><body><trans-unit id>
<source/><target/>``; 2.x holds ``<xliff srcLang trgLang><file><unit id>
<segment><source/><target/>``. Inline markup (``<g>``, ``<x/>``, ``<ph>``,
``<pc>``) is read as its text content.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from glossary.errors import InputError
from glossary.text import nfc
from tm.formats.safe_xml import parse
from tm.model import Unit

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"


def _text(el: etree._Element | None) -> str:
    return "" if el is None else nfc("".join(str(t) for t in el.itertext()))


def _line(el: etree._Element) -> int:
    line: object = el.sourceline
    return line if isinstance(line, int) else 0


def load(
    src: BinaryIO, *, path: str = "<stream>", src_lang: str = "en", tgt_lang: str = "vi"
) -> list[Unit]:
    """Read the units of an XLIFF 1.2 or 2.x file that have a translation.

    Each unit's `origin` is ``path:LINE`` of its ``<target>`` and its
    `context` the unit's id (``unit/segment`` for a 2.x segment with an id).

    Raises:
        InputError: Malformed or hostile XML, or not XLIFF 1.2 or 2.x.
    """
    root = parse(src.read(), path)
    ns = etree.QName(root).namespace
    if etree.QName(root).localname != "xliff" or ns not in (NS_12, NS_2):
        raise InputError("not an XLIFF 1.2 or 2.x file", path, _line(root))
    if ns == NS_12:
        return _load_12(root, path, src_lang, tgt_lang)
    return _load_2(root, path, src_lang, tgt_lang)


def _load_12(
    root: etree._Element, path: str, src_lang: str, tgt_lang: str
) -> list[Unit]:
    units = []
    q = f"{{{NS_12}}}"
    for file in root.iter(f"{q}file"):
        s = file.get("source-language") or src_lang
        t = file.get("target-language") or tgt_lang
        for tu in file.iter(f"{q}trans-unit"):
            target = tu.find(f"{q}target")
            text = _text(target)
            if target is None or not text.strip():
                continue
            source = _text(tu.find(f"{q}source"))
            origin = f"{path}:{_line(target)}"
            units.append(Unit(source, text, s, t, origin, tu.get("id", "")))
    return units


def _load_2(
    root: etree._Element, path: str, src_lang: str, tgt_lang: str
) -> list[Unit]:
    units = []
    q = f"{{{NS_2}}}"
    s = root.get("srcLang") or src_lang
    t = root.get("trgLang") or tgt_lang
    for unit in root.iter(f"{q}unit"):
        for seg in unit.iter(f"{q}segment"):
            target = seg.find(f"{q}target")
            text = _text(target)
            if target is None or not text.strip():
                continue
            ident = unit.get("id", "")
            if seg.get("id"):
                ident += "/" + seg.get("id", "")
            source = _text(seg.find(f"{q}source"))
            units.append(Unit(source, text, s, t, f"{path}:{_line(target)}", ident))
    return units
