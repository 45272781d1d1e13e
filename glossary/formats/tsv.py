"""Tab-separated glossary, as OmegaT reads and writes it (``.tsv``, ``.txt``).

One line per concept, no header: ``source<TAB>target<TAB>comment``. The
source is the English preferred term, the target the Vietnamese one; the
comment joins the concept's note lines and its forbidden and deprecated terms
(``vi forbidden fullForm: …``, never a target: see `_cat`) with ``"; "``,
since a cell holds one line. Only what OmegaT shows is written: aliases,
statuses, kinds and contexts are not (use TBX 2008 for OmegaT with all
terms). Cells are not spreadsheet-escaped: OmegaT would show the ``'``. A
line starting with ``#`` is a comment to OmegaT, and to `load`: a term
starting with ``#`` cannot be a source here.

`load` reads these files and any CSV form `glossary.formats.csv` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from glossary.errors import InputError
from glossary.formats._cat import is_usable, term_line, usable_preferred
from glossary.formats.csv import decode, read_rows
from glossary.model import Concept

_SEPARATOR = "; "
_BREAKS = re.compile("[\t\r\n]")


def _cell(text: str) -> str:
    return _BREAKS.sub(" ", text)  # a tab or line break would end the cell


def dump(
    concepts: Iterable[Concept], out: IO[bytes], *, src: str = "en", tgt: str = "vi"
) -> None:
    """Write `concepts` as OmegaT's tab-separated glossary (UTF-8)."""
    lines = []
    for concept in concepts:
        source = usable_preferred(concept, src) or usable_preferred(concept)
        if source is None:
            continue
        target = usable_preferred(concept, tgt)
        comment = [x for x in concept.note.splitlines() if x.strip()]
        comment += [term_line(t) for t in concept.terms if not is_usable(t)]
        cells = (source.text, target.text if target else "", _SEPARATOR.join(comment))
        lines.append("\t".join(_cell(c) for c in cells).rstrip("\t") + "\n")
    out.write("".join(lines).encode("utf-8"))


def load(src: IO[bytes], *, path: str = "<stream>") -> list[Concept]:
    """Read a tab-separated glossary (OmegaT's, or a header row and columns).

    Raises:
        InputError: not UTF-8, a bad row or no row with a source term.
    """
    text = decode(src.read(), path)
    if text.strip() and "\t" not in text:
        # most likely a text to build from, not a glossary: import nothing
        raise InputError(
            "no tab in the file: a glossary has source<TAB>target lines "
            "(to extract terms from a text, use glossary build)",
            path,
            1,
        )
    concepts = read_rows(text, path=path, delimiter="\t", separator=_SEPARATOR)
    if not concepts and text.strip():
        raise InputError("no rows with a source term", path, 1)
    return concepts
