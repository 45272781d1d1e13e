"""A pair of paragraph-aligned plain-text files (one English, one Vietnamese).

Paragraphs are separated by blank lines; a file without blank lines is read
one paragraph per line. Both files must have the same number of paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from glossary.errors import InputError
from glossary.text import nfc
from tm.model import Unit

_BLANK = re.compile(r"\n[ \t]*\n")


def _paragraphs(path: Path) -> list[tuple[int, str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError("not valid UTF-8", str(path), line) from e
    blocks: list[tuple[int, str]] = []
    separator = _BLANK if _BLANK.search(text.strip()) else re.compile(r"\n")
    pos = 0
    for m in [*separator.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = " ".join(text[pos:end].split())
        if chunk:
            lead = len(text[pos:end]) - len(text[pos:end].lstrip())
            blocks.append((text.count("\n", 0, pos + lead) + 1, nfc(chunk)))
        pos = m.end() if m else pos
    return blocks


def load_pair(
    en_file: Path, vi_file: Path, *, src_lang: str = "en", tgt_lang: str = "vi"
) -> list[Unit]:
    """Zip the paragraphs of `en_file` and `vi_file` into units.

    Raises:
        InputError: The files have a different number of paragraphs (the line
            is the first paragraph without a partner) or are not UTF-8.
    """
    en, vi = _paragraphs(en_file), _paragraphs(vi_file)
    if len(en) != len(vi):
        longer, path = (en, en_file) if len(en) > len(vi) else (vi, vi_file)
        extra = longer[min(len(en), len(vi))][0]
        raise InputError(
            f"{len(en)} paragraphs in {en_file.name} but {len(vi)} in "
            f"{vi_file.name}; this one has no partner",
            str(path),
            extra,
        )
    return [
        Unit(s, t, src_lang, tgt_lang, f"{en_file}:{line}")
        for (line, s), (_, t) in zip(en, vi, strict=True)
    ]
