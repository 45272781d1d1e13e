"""Vietnamese word segmentation behind one interface (underthesea, pyvi, none).

Private helper of `glossary.text`. Vietnamese writes a space between every
syllable, so "Thủ tướng" is two space-separated syllables but one word; a
segmenter groups syllables into words. The backends are imported lazily, on
first use, so importing `glossary.text` stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import cache

__all__ = ["Backend", "group_syllables"]


class Backend(StrEnum):
    """Word segmenters `tokenize` can use."""

    UNDERTHESEA = "underthesea"  # CRF model bundled with underthesea: the default
    PYVI = "pyvi"  # faster CRF, joins syllables with "_"
    NONE = "none"  # one token per syllable


_SPLIT = re.compile(r"[\s_]+")


@cache
def _underthesea() -> Callable[[str], list[str]]:
    from underthesea import word_tokenize

    def run(text: str) -> list[str]:
        return [str(w) for w in word_tokenize(text)]

    return run


@cache
def _pyvi() -> Callable[[str], list[str]]:
    from pyvi import ViTokenizer

    def run(text: str) -> list[str]:
        return str(ViTokenizer.tokenize(text)).split(" ")

    return run


def _words(text: str, backend: Backend) -> list[str]:
    if backend is Backend.UNDERTHESEA:
        return _underthesea()(text)
    return _pyvi()(text)


def group_syllables(
    syllables: Sequence[str], backend: str = "underthesea"
) -> list[int]:
    """Group consecutive syllables into words.

    Args:
        syllables: The syllables of one run of Vietnamese text, in order.
        backend: "underthesea", "pyvi" or "none".

    Returns:
        The number of syllables in each word, in order; the sizes add up to
        ``len(syllables)``. If the backend's output cannot be aligned with the
        input, every syllable is its own word.

    Raises:
        ValueError: For an unknown backend name.
    """
    chosen = Backend(backend)
    n = len(syllables)
    if chosen is Backend.NONE or n < 2:
        return [1] * n
    # Backends rewrite tone placement and misspelt marks (underthesea turns
    # "Uỷ" into "Ủy", "tạị" into "tại"), so syllables are matched on `fold`.
    # Imported here: glossary.text imports this module.
    from glossary.text import fold

    words = _words(" ".join(syllables), chosen)
    sizes: list[int] = []
    i = 0
    for word in words:
        parts = [p for p in _SPLIT.split(word) if p]
        if not parts:
            continue
        for part in parts:
            if i >= n or fold(part) != fold(syllables[i]):
                return [1] * n
            i += 1
        sizes.append(len(parts))
    return sizes if i == n else [1] * n
