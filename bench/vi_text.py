"""Distinct real Vietnamese text: the installed .mo catalogues, and the
news sentences underthesea bundles.

usage: .venv/bin/python -m bench.vi_text OUT [LOCALE_DIR]
       .venv/bin/python -m bench.vi_text --vlsp OUT

`bench build`'s Vietnamese corpus repeats 37 KB of news with new people, so
a cache of repeated sentences would pay there and nowhere else. The
translations (msgstr) of the Vietnamese .mo files a Linux system installs
(/usr/share/locale/vi/LC_MESSAGES: coreutils, apt, bash ...) are ≈1.5 MB of
distinct real Vietnamese, each written once: interface text, not news, so
timing only (no labels, and no test needs them). Written NFC, one string a
line, ≈20 KB a file.

`--vlsp` writes the 2,120 sentences of the VLSP 2013 POS test set that
underthesea ships beside its tagger (`test_output.txt`: news and legal
commentary, a word a line) as text, 25 sentences a file: Vietnamese that
neither the rules (tuned on news-dev and news-dev2) nor underthesea's
tagger (trained on VLSP 2013's training part) was fitted to.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import polib

_LOCALE = Path("/usr/share/locale/vi/LC_MESSAGES")
_FILE_SIZE = 20_000
_SHORTEST = 20  # characters: shorter strings are menu labels


def write_mo_text(out: Path, locale: Path = _LOCALE) -> int:
    """Write the distinct msgstrs of `locale`'s .mo files under `out`;
    return the bytes written."""
    seen: set[str] = set()
    lines: list[str] = []
    files = written = 0
    for mo in sorted(locale.glob("*.mo")):
        for entry in polib.mofile(str(mo)):
            for text in (entry.msgstr, *entry.msgstr_plural.values()):
                line = " ".join(unicodedata.normalize("NFC", text).split())
                if len(line) < _SHORTEST or line in seen:
                    continue
                seen.add(line)
                lines.append(line)
                if sum(map(len, lines)) > _FILE_SIZE:
                    written += _write(out / f"mo_{files:04d}.txt", lines)
                    files, lines = files + 1, []
    if lines:
        written += _write(out / f"mo_{files:04d}.txt", lines)
    return written


_VLSP = "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
_SENTENCES_PER_FILE = 25
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?…)\]%])")
_NO_SPACE_AFTER = re.compile(r"([(\[]) ")


def write_vlsp_text(out: Path) -> int:
    """Write underthesea's VLSP 2013 POS test sentences under `out`, words
    joined by spaces, none before closing punctuation; return the sentences."""
    import underthesea

    rows = (Path(underthesea.__file__).parent / _VLSP).read_text(encoding="utf-8")
    sentences = [
        [line.split("\t")[0] for line in block.split("\n") if line.strip()]
        for block in rows.split("\n\n")
    ]
    sentences = [s for s in sentences if s]
    for k in range(0, len(sentences), _SENTENCES_PER_FILE):
        lines = [_detokenise(s) for s in sentences[k : k + _SENTENCES_PER_FILE]]
        _write(out / f"vlsp_{k // _SENTENCES_PER_FILE:03d}.txt", lines)
    return len(sentences)


def _detokenise(words: list[str]) -> str:
    text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words)))
    return unicodedata.normalize("NFC", text)


def _write(path: Path, lines: list[str]) -> int:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


if __name__ == "__main__":
    if sys.argv[1] == "--vlsp":
        target = Path(sys.argv[2])
        target.mkdir(parents=True, exist_ok=True)
        print(f"{write_vlsp_text(target):,} sentences -> {target}")
        sys.exit()
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    locale = Path(sys.argv[2]) if len(sys.argv) > 2 else _LOCALE
    print(f"{write_mo_text(target, locale):,} bytes -> {target}")
