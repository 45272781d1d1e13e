"""Write a corrected copy of a checked file with the safe fixes applied.

Only findings marked `fixable` with a suggestion are applied (name variants,
tone style); overlapping ones after the first are left alone. The input is
never written: the copy goes to another path, atomically.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree

from glossary.check.model import Document, Finding
from glossary.errors import InputError
from glossary.outfile import write_output
from glossary.reader import decode
from glossary.text import nfc
from tm.formats.po import read_catalogue
from tm.formats.safe_xml import parse

__all__ = ["applicable", "fix_document"]

Edit = tuple[int, int, str]  # start, end, replacement


def applicable(findings: Iterable[Finding]) -> list[Finding]:
    """The fixable findings on targets, without overlaps, in file order."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.segment, f.start, f.end)):
        if not f.fixable or f.suggestion is None or f.side != "target":
            continue
        last = chosen[-1] if chosen else None
        if last and last.segment == f.segment and f.start < last.end:
            continue
        chosen.append(f)
    return chosen


def _apply(text: str, edits: Sequence[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _by_segment(fixes: Iterable[Finding]) -> dict[int, list[Edit]]:
    out: dict[int, list[Edit]] = {}
    for f in fixes:
        out.setdefault(f.segment, []).append((f.start, f.end, f.suggestion or ""))
    return out


def fix_document(doc: Document, fixes: Sequence[Finding], out: str) -> None:
    """Write `doc`'s file to `out` with `fixes` (from `applicable`) applied.

    For a text pair the Vietnamese file is the one corrected.

    Raises:
        InputError: `out` is the input file itself.
        ExportError: `out` cannot be written.
    """
    if Path(out).resolve() == Path(doc.path).resolve():
        raise InputError("--fix never overwrites its input; give another path", out)
    edits = _by_segment(fixes)
    data = Path(doc.path).read_bytes()
    if doc.kind in ("text", "pair"):
        body = _fixed_text(doc, decode(data, doc.path), edits).encode("utf-8")
    elif doc.kind == "po":
        body = _fixed_po(doc, data, edits)
    else:
        body = _fixed_xml(doc, data, edits)

    write_output(out, lambda f: f.write(body))


def _fixed_text(doc: Document, text: str, edits: dict[int, list[Edit]]) -> str:
    absolute: list[Edit] = []
    for index, segment_edits in edits.items():
        base = doc.segments[index].target.offset or 0
        absolute += [(base + s, base + e, new) for s, e, new in segment_edits]
    return _apply(text, absolute)


def _fixed_po(doc: Document, data: bytes, edits: dict[int, list[Edit]]) -> bytes:
    cat = read_catalogue(data, doc.path)
    lines = {doc.segments[i].line: e for i, e in edits.items()}
    for entry in cat:
        segment_edits = lines.get(int(getattr(entry, "linenum", 0) or 0))
        if not segment_edits:
            continue
        if entry.msgid_plural and entry.msgstr_plural:
            entry.msgstr_plural[0] = _apply(nfc(entry.msgstr_plural[0]), segment_edits)
        else:
            entry.msgstr = _apply(nfc(entry.msgstr), segment_edits)
    return str(cat).encode("utf-8") + b"\n"


def _fixed_xml(doc: Document, data: bytes, edits: dict[int, list[Edit]]) -> bytes:
    root = parse(data, doc.path)
    for index, segment_edits in edits.items():
        seg = doc.segments[index]
        element = _target_element(root, doc.kind, seg.line, seg.target.text)
        if element is not None:
            _edit_element(element, segment_edits)
    out = io.BytesIO()
    root.getroottree().write(out, xml_declaration=True, encoding="UTF-8")
    return out.getvalue()


def _line(el: etree._Element) -> int:
    line: object = el.sourceline
    return line if isinstance(line, int) else 0


def _text_of(el: etree._Element) -> str:
    return nfc("".join(str(t) for t in el.itertext()))


def _target_element(
    root: etree._Element, kind: str, line: int, text: str
) -> etree._Element | None:
    """The element holding the target text of the unit at `line`."""
    for el in root.iter():
        if _line(el) != line:
            continue
        if kind == "xliff":
            if etree.QName(el).localname == "target":
                return el
            continue
        for seg in el.iter("seg"):
            if _text_of(seg) == text:
                return seg
    return None


def _text_nodes(element: etree._Element) -> list[tuple[etree._Element, str]]:
    """(owner, "text" or "tail") of every text node inside `element`, in order."""
    nodes = [(element, "text")]
    for child in element:
        nodes += _text_nodes(child)
        nodes.append((child, "tail"))
    return nodes


def _edit_element(element: etree._Element, edits: list[Edit]) -> None:
    """Apply edits that each fall inside one text node of `element`."""
    pos = 0
    for owner, attr in _text_nodes(element):
        value = nfc(getattr(owner, attr) or "")
        end = pos + len(value)
        inside = [
            (s - pos, e - pos, new) for s, e, new in edits if pos <= s and e <= end
        ]
        if inside:
            setattr(owner, attr, _apply(value, inside))
        pos = end
