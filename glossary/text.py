"""Vietnamese-aware text core: NFC, search keys, tone styles, syllables, tokens.

Pure functions over strings; nothing here knows about files, SQLite or the UI.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "name_key", "nfc"]

_SPACE_RUN = re.compile(r"\s+")
_NAME_JOINERS = re.compile(r"[\s\-‐‑‒–—.]+")


def nfc(s: str) -> str:
    """Return `s` in Unicode NFC, the form all text is stored and compared in."""
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Search key: casefold, strip every diacritic (đ→d), collapse whitespace.

    >>> fold("Phạm  Minh Chính")
    'pham minh chinh'
    """
    s = s.casefold()
    if not s.isascii():
        decomposed = unicodedata.normalize("NFD", s.replace("đ", "d"))
        s = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE_RUN.sub(" ", s).strip()


def name_key(s: str) -> str:
    """Key for names: `fold` without spaces, hyphens and dots ("Ha Noi" == "Hanoi").

    >>> name_key("HÀ NỘI") == name_key("Hanoi")
    True
    """
    return _NAME_JOINERS.sub("", fold(s))
