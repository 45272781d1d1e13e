"""TBX-Basic 2008 (ISO 30042:2008, ``<martif>``): dump and load.

The same content as `glossary.formats.tbx` in the older structure
(``termEntry/langSet/tig``) that OmegaT 3.6 and translate-toolkit read; they
do not read TBX v3. Those tools offer every term of an entry as a
translation, so forbidden and deprecated terms are written as entry ``note``
lines (``vi forbidden fullForm: …``), which OmegaT shows in the entry's
comment and `load` reads back as terms (see `glossary.formats._cat`). A
plain ``<!DOCTYPE martif SYSTEM ...>`` is written (and accepted on input) but
never loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from lxml import etree

from glossary.formats.tbx import Dialect, dump_dialect, load_dialect
from glossary.model import Concept

V2008 = Dialect(
    ns="",
    root="martif",
    header="martifHeader",
    entry="termEntry",
    lang_sec="langSet",
    term_sec="tig",
    pos_values=frozenset(
        {"adjective", "noun", "other", "verb", "adverb", "properNoun"}
    ),
    allow_doctype=True,
    for_cat_tools=True,
)


def _header(src: str, tgt: str) -> etree._Element:
    header = etree.Element("martifHeader")
    desc = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(desc, "p").text = f"English–Vietnamese glossary ({src}→{tgt})"
    enc = etree.SubElement(header, "encodingDesc")
    etree.SubElement(enc, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    return header


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `concepts` as TBX-Basic 2008 (martif) to the binary stream `out`."""
    dump_dialect(V2008, concepts, out, src=src, tgt=tgt, header=_header(src, tgt))


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read TBX 2008 (martif) concepts.

    Raises:
        InputError: unsafe, malformed or not TBX 2008; names file and line.
    """
    return load_dialect(V2008, src, path=path)
