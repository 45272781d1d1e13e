"""English–Vietnamese glossary, term base and translation memory.

The front door for other programs::

    from glossary import Glossary
    g = Glossary.open("glossary.db")
    g.normalize_name("Pham Minh Chinh")  # 'Phạm Minh Chính'

The names below are loaded on first use, so that importing a part of the
package (the `glossary` command, `glossary.text`) does not load the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from glossary import native

# Before any other module of the package loads: the compiled modules, or
# their sources when those changed since (see glossary/native.py).
native.guard()

if TYPE_CHECKING:
    from glossary.api import Change, Glossary, Match, Span
    from glossary.text import (
        fold,
        is_vietnamese_syllable,
        name_key,
        to_new_style,
        to_old_style,
        tokenize,
    )

# Each name of the front door and the module that defines it.
_HOMES = {
    "Change": "glossary.api",
    "Glossary": "glossary.api",
    "Match": "glossary.api",
    "Span": "glossary.api",
    "fold": "glossary.text",
    "is_vietnamese_syllable": "glossary.text",
    "name_key": "glossary.text",
    "to_new_style": "glossary.text",
    "to_old_style": "glossary.text",
    "tokenize": "glossary.text",
}

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


def __getattr__(name: str) -> object:
    """Load a front-door name from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
