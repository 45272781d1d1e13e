"""TMX 1.4b: read (safely) and write translation units with lxml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from glossary.errors import InputError
from glossary.text import nfc
from tm.formats._xml import parse
from tm.model import Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def _primary(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def bcp47(lang: str) -> str:
    """`lang` as a BCP 47 tag: ``vi_VN`` and ``vi-vn`` give ``vi-VN``.

    PO headers and POSIX locales write ``vi_VN``; TMX's ``xml:lang`` wants
    BCP 47, so the language is lower case, a region upper case, a script
    title case, all joined by hyphens.
    """
    parts = re.split("[-_]", lang)
    out = [parts[0].lower()]
    for part in parts[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def _line(el: etree._Element) -> int | None:
    line: object = el.sourceline
    return line if isinstance(line, int) else None


def _seg_text(tuv: etree._Element) -> str | None:
    seg = tuv.find("seg")
    return None if seg is None else nfc("".join(str(t) for t in seg.itertext()))


def load(
    src: BinaryIO, *, path: str = "<stream>", src_lang: str = "en", tgt_lang: str = "vi"
) -> list[Unit]:
    """Read the units of a TMX file: the header's srclang side against `tgt_lang`.

    Raises:
        InputError: Malformed or hostile XML, not TMX, or a `<tuv>` without a
            language, with the line where it is.
    """
    root = parse(src.read(), path)
    if root.tag != "tmx":
        raise InputError(f"not a TMX file (root <{root.tag}>)", path, _line(root))
    header = root.find("header")
    declared = header.get("srclang", "") if header is not None else ""
    source_lang = declared if declared and declared != "*all*" else src_lang
    units: list[Unit] = []
    for tu in root.iter("tu"):
        segs: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang")
            if not lang:
                raise InputError("<tuv> has no xml:lang", path, _line(tuv))
            text = _seg_text(tuv)
            if text is None:
                raise InputError("<tuv> has no <seg>", path, _line(tuv))
            segs[lang] = text
        by_primary = {_primary(k): k for k in segs}
        s = by_primary.get(_primary(source_lang))
        if s is None:
            raise InputError(
                f"<tu> has no {source_lang} (srclang) variant",
                path,
                _line(tu),
            )
        t = by_primary.get(_primary(tgt_lang)) or next(
            (k for k in segs if k != s), None
        )
        if t is None or not segs[s] or not segs[t]:
            continue
        context = next(
            (p.text or "" for p in tu.iter("prop") if p.get("type") == "x-context"),
            "",
        )
        units.append(
            Unit(segs[s], segs[t], s, t, f"{path}:{tu.sourceline}", nfc(context))
        )
    return units


def writable(unit: Unit) -> bool:
    """False if the unit holds control characters that XML 1.0 cannot hold."""
    return _XML_ILLEGAL.search(unit.source + unit.target) is None


def dump(
    units: Iterable[Unit], out: BinaryIO, *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `units` as TMX 1.4b (valid against the LISA DTD) to `out`.

    Languages are written as BCP 47 tags (`bcp47`); `load` reads both forms.

    Units containing control characters that XML 1.0 forbids are left out.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="glossary-vi tm",
        creationtoolversion="0.1.0",
        segtype="sentence",
        datatype="plaintext",
        adminlang="en",
        srclang=bcp47(src),
    ).set("o-tmf", "glossary-vi")
    body = etree.SubElement(root, "body")
    for unit in units:
        if not writable(unit):
            continue  # XML 1.0 cannot hold these control characters at all
        tu = etree.SubElement(body, "tu")
        if unit.id is not None:
            tu.set("tuid", str(unit.id))
        if unit.context:
            etree.SubElement(tu, "prop", type="x-context").text = unit.context
        if unit.origin:
            etree.SubElement(tu, "prop", type="x-origin").text = unit.origin
        for lang, text in ((unit.src_lang, unit.source), (unit.tgt_lang, unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: bcp47(lang)})
            etree.SubElement(tuv, "seg").text = text
    out.write(
        etree.tostring(
            root,
            xml_declaration=True,
            encoding="UTF-8",
            pretty_print=True,
            doctype=_DOCTYPE,
        )
    )
