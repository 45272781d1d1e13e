"""Paragraph alignment: paragraph N of one side translates paragraph N of the other.

Paragraphs are separated by blank lines; their offsets let a text tagged once,
whole, give each paragraph its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossary.align.model import Segment, Word

_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Split a text into paragraphs at blank lines, dropping empty ones."""
    return [text[a:b] for a, b in paragraph_spans(text)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where the `paragraphs` of `text` are: (start, end) offsets, stripped."""
    out = []
    start = 0
    bounds = [(m.start(), m.end()) for m in _BLANK_LINES.finditer(text)]
    bounds.append((len(text), len(text)))
    for end, after in bounds:
        piece = text[start:end]
        a = start + len(piece) - len(piece.lstrip())
        b = start + len(piece.rstrip())
        if a < b:
            out.append((a, b))
        start = after
    return out


def paragraph_words(text: str, words: Iterable[Word]) -> list[list[Word]]:
    """The words of `text` (tagged whole) per paragraph, with paragraph offsets.

    Tagging a text whole gives the same words as tagging each of its
    paragraphs: the taggers work line by line, and paragraphs are whole lines.
    """
    spans = paragraph_spans(text)
    out: list[list[Word]] = [[] for _ in spans]
    i = 0
    for w in sorted(words, key=lambda w: w.start):
        while i < len(spans) and spans[i][1] <= w.start:
            i += 1
        if i == len(spans):
            break
        a, b = spans[i]
        if a <= w.start and w.end <= b:
            out[i].append(Word(w.start - a, w.end - a, w.tag))
    return out


def segment_pairs(
    doc_id: str, en_text: str, vi_text: str
) -> list[tuple[Segment, Segment]]:
    """Paragraph N of `en_text` paired with paragraph N of `vi_text`.

    Raises:
        ValueError: the two sides do not have the same number of paragraphs.
    """
    en, vi = paragraphs(en_text), paragraphs(vi_text)
    if len(en) != len(vi):
        raise ValueError(
            f"{len(en)} English and {len(vi)} Vietnamese paragraphs; "
            "paragraph-aligned input needs the same number"
        )
    return [
        (Segment(f"{doc_id}#{i}", e), Segment(f"{doc_id}#{i}", v))
        for i, (e, v) in enumerate(zip(en, vi, strict=True), start=1)
    ]
