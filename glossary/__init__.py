"""English–Vietnamese glossary, term base and translation memory.

The front door for other programs::

    from glossary import Glossary
    g = Glossary.open("glossary.db")
    g.normalize_name("Pham Minh Chinh")  # 'Phạm Minh Chính'
"""

from __future__ import annotations

from typing import Any

from glossary.api import Change, Glossary, Match, Span
from glossary.text import fold, name_key

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

# Text-core functions being added to glossary.text: resolved on first use so
# `import glossary` works whichever of them exist yet.
_LATE = frozenset(
    {"is_vietnamese_syllable", "to_new_style", "to_old_style", "tokenize"}
)


def __getattr__(name: str) -> Any:
    if name in _LATE:
        from glossary import text

        return getattr(text, name)
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")
