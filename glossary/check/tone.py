"""Tone-mark style: "hòa" and "hoà" mixed in one document."""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary.check.model import Document, Finding, Run, Segment, finding
from glossary.text.syllable import to_new_style, to_old_style

# A word with a marked oa, oe or uy: the only ones whose mark has two places.
_STYLED = re.compile(
    r"[^\W\d_]*(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])[^\W\d_]*", re.IGNORECASE
)
OLD, NEW = "old", "new"


def _styled_words(doc: Document) -> list[tuple[Segment, int, int, str, str]]:
    """Every word whose tone mark has a style: (segment, start, end, style, other).

    Only open oa/oe/uy syllables with a mark have one ("hòa"/"hoà"); `other`
    is the word in the other style.
    """
    out = []
    for seg in doc.segments:
        if seg.target.lang != "vi":
            continue
        text = seg.target.text
        if text.isascii():
            continue
        for m in _STYLED.finditer(text):
            word = m.group()
            if word.isascii():
                continue
            new = to_new_style(word)
            if new != word:
                out.append((seg, m.start(), m.end(), OLD, new))
                continue
            old = to_old_style(word)
            if old != word:
                out.append((seg, m.start(), m.end(), NEW, old))
    return out


def tone_style(doc: Document, run: Run) -> Iterator[Finding]:
    """Old ("hòa", "Ủy") and new ("hoà", "Uỷ") tone-mark placement in one document.

    Vietnamese text only. The style of most such words is the document's;
    every word in the other style is reported with its respelling (on a tie,
    the style of the first such word wins). A safe fix, applied when asked.
    """
    words = _styled_words(doc)
    if not words:
        return
    olds = sum(1 for w in words if w[3] == OLD)
    news = len(words) - olds
    if not olds or not news:
        return
    dominant = words[0][3] if olds == news else (OLD if olds > news else NEW)
    for seg, start, end, style, other in words:
        if style == dominant:
            continue
        yield finding(
            "tone-style",
            seg,
            "target",
            (start, end),
            f"“{seg.target.text[start:end]}” is in the {style} tone-mark style; "
            f"most such words here are in the {dominant} style "
            f"({max(olds, news)} of {len(words)})",
            other,
            fixable=True,
        )
