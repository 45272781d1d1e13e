"""The Vietnamese words of underthesea's word-segmentation dictionary.

72,000 lower-case words and phrases ("thủ tướng", "ngoại giao", "tung
lưới") that the CRF segmenter of underthesea (VLSP 2013 model, GPL-3.0,
installed with it) was trained with. A capitalised run that is no word of it
("Cường sút", "Lý Đức bật") is not one word, whatever the segmenter joined.
Read where the package keeps it, without importing underthesea (its import
alone costs a second); loaded on first use (about 50 ms, 1.1 MB).
"""

from __future__ import annotations

import importlib.util
import pickle
from functools import cache
from pathlib import Path

from glossary.text import to_new_style, to_old_style

__all__ = ["is_vietnamese_word"]

_MODEL = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")


@cache
def _words() -> frozenset[str]:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(
        *_MODEL, "dictionary.bin"
    )
    try:
        with path.open("rb") as f:
            # a pickled set of str written by joblib, from the installed package
            words = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):  # pragma: no cover
        return frozenset()
    return frozenset(w for w in words if isinstance(w, str))


def is_vietnamese_word(text: str) -> bool:
    """True if `text`, lower-cased, is a word of the segmenter's dictionary.

    >>> is_vietnamese_word("Ngoại giao"), is_vietnamese_word("Cường sút")
    (True, False)
    """
    word = " ".join(text.lower().split())
    words = _words()
    # the dictionary writes either tone style ("văn hóa", "uỷ viên")
    return word in words or to_new_style(word) in words or to_old_style(word) in words
