"""English–Vietnamese glossary, term base and translation memory.

The front door for other programs::

    from glossary import Glossary
    g = Glossary.open("glossary.db")
    g.normalize_name("Pham Minh Chinh")  # 'Phạm Minh Chính'
"""

from __future__ import annotations

from glossary.api import Change, Glossary, Match, Span
from glossary.text import (
    fold,
    is_vietnamese_syllable,
    name_key,
    to_new_style,
    to_old_style,
    tokenize,
)

__all__ = [
    "Change",
    "Glossary",
    "Match",
    "Span",
    "fold",
    "is_vietnamese_syllable",
    "name_key",
    "to_new_style",
    "to_old_style",
    "tokenize",
]
