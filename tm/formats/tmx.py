"""TMX 1.4b: read (safely) and write translation units with lxml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from glossary.errors import InputError, warn_input
from glossary.text import nfc
from tm.formats.safe_xml import parse
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


_HEADER_ATTRS = ("creationtool", "segtype", "o-tmf", "adminlang", "srclang", "datatype")


def _check_header(root: etree._Element, path: str) -> str:
    """The header's srclang ('' if none); one warning if required attributes lack."""
    header = root.find("header")
    if header is None:
        warn_input("no <header>: read anyway", path, _line(root))
        return ""
    missing = [a for a in _HEADER_ATTRS if not header.get(a)]
    if missing:
        warn_input(
            f"<header> lacks {', '.join(missing)} (required by TMX 1.4): read anyway",
            path,
            _line(header),
        )
    return header.get("srclang", "")


def _variants(tu: etree._Element, path: str) -> dict[str, str]:
    """The segment of each language of one `<tu>`, by its language tag."""
    segs: dict[str, str] = {}
    for tuv in tu.iter("tuv"):
        lang = tuv.get(XML_LANG) or tuv.get("lang")  # bare `lang`: TMX 1.1
        if not lang:
            raise InputError("<tuv> has no xml:lang", path, _line(tuv))
        text = _seg_text(tuv)
        if text is None:
            raise InputError("<tuv> has no <seg>", path, _line(tuv))
        if lang in segs:
            raise InputError(f"a second <tuv> in {lang}", path, _line(tuv))
        segs[lang] = text
    return segs


def _source_of(segs: dict[str, str], lang: str) -> str | None:
    """The tag in `segs` for `lang`: the same tag, else the first of its language."""
    exact = next((k for k in segs if k.lower() == lang.lower()), None)
    return exact or next((k for k in segs if _primary(k) == _primary(lang)), None)


def load(
    src: BinaryIO, *, path: str = "<stream>", src_lang: str = "en", tgt_lang: str = "vi"
) -> list[Unit]:
    """Read the units of a TMX file: the header's srclang side against every other.

    A `<tu>` in several languages gives one unit per target language (the
    memory keeps every pair; `tm lookup` picks the target). `tgt_lang` is
    unused: TMX names its languages.

    Raises:
        InputError: Malformed or hostile XML, not TMX, or a `<tuv>` without a
            language, with the line where it is.
    """
    del tgt_lang
    root = parse(src.read(), path)
    if root.tag != "tmx":
        raise InputError(f"not a TMX file (root <{root.tag}>)", path, _line(root))
    declared = _check_header(root, path)
    source_lang = declared if declared and declared != "*all*" else src_lang
    units: list[Unit] = []
    lonely: list[int] = []
    for tu in root.iter("tu"):
        segs = _variants(tu, path)
        s = _source_of(segs, source_lang)
        if s is None:
            raise InputError(
                f"<tu> has no {source_lang} (srclang) variant", path, _line(tu)
            )
        targets = [k for k in segs if k != s and segs[k]]
        if not targets or not segs[s]:
            lonely.append(_line(tu) or 0)
            continue
        context = next(
            (p.text or "" for p in tu.iter("prop") if p.get("type") == "x-context"),
            "",
        )
        where = f"{path}:{tu.sourceline}"
        units.extend(Unit(segs[s], segs[t], s, t, where, nfc(context)) for t in targets)
    if lonely:
        warn_input(f"{len(lonely)} <tu> without a translation skipped", path, lonely[0])
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
