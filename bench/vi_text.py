"""Distinct real Vietnamese text for timing builds: the installed .mo catalogues.

usage: .venv/bin/python -m bench.vi_text OUT [LOCALE_DIR]

`bench build`'s Vietnamese corpus repeats 37 KB of news with new people, so
a cache of repeated sentences would pay there and nowhere else. The
translations (msgstr) of the Vietnamese .mo files a Linux system installs
(/usr/share/locale/vi/LC_MESSAGES: coreutils, apt, bash ...) are ≈1.5 MB of
distinct real Vietnamese, each written once: interface text, not news, so
timing only (no labels, and no test needs them). Written NFC, one string a
line, ≈20 KB a file.
"""

from __future__ import annotations

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


def _write(path: Path, lines: list[str]) -> int:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    locale = Path(sys.argv[2]) if len(sys.argv) > 2 else _LOCALE
    print(f"{write_mo_text(target, locale):,} bytes -> {target}")
