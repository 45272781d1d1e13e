"""Sentences: the one around a span of a document (for names and terms),
and `split_sentences`, the sentence spans of a whole text.

Extractors attach to each mention the sentence it was found in. A document's
sentence marks (stops, line breaks, ". ") are found in one regex scan when
`Sentences` is made; each context is then a few bisections, instead of a
scan of the text around every mention. One `Sentences` serves the whole
document, the name extractor and the term chunker alike, and is dropped with
it (no cache keyed on the document's text outlives the extraction).

Names and terms keep the two context rules they were written with (their
contexts are stored and shown, so they must not change):

* `Sentences.of_name`: at most 200 characters each side; it starts after the
  last ". " or line break before the name (else at a word) and ends with the
  first ".", "!", "?" before whitespace, or line break, after it (else at a
  word); whitespace runs become single spaces.
* `Sentences.of_term`: at most 400 characters each side; it starts after the
  last ".", "!", "?" before whitespace and after the last line break, and
  ends before the next line break or after the next stop; it is stripped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from glossary.lang import en, vi

__all__ = ["NAME_REACH", "TERM_REACH", "Sentences", "split_sentences"]

NAME_REACH = 200  # characters of context each side of a name, at most
TERM_REACH = 400  # the same for a term

# Where a sentence may stop: ".", "!" or "?" before whitespace or the end of
# the text, and every line break. Each is found by its own scan, as `re`
# looks for a literal first character much faster than for a set of them;
# the whitespace is not taken up, so "?\n" gives both the "?" and the "\n".
_DOT = re.compile(r"\.(?=\s|$)")
_BANG = re.compile(r"!(?=\s|$)")
_QUESTION = re.compile(r"\?(?=\s|$)")
_NEWLINE = re.compile("\n")
_PERIOD = re.compile(r"\. ")


_PLAIN = "plain"  # no whitespace but spaces and line breaks, all printable
_NBSP = "nbsp"  # the same, and no-break spaces
_OTHER = "other"  # other whitespace, or unprintable characters


def _spacing(text: str) -> str:
    """What whitespace `text` holds: `_PLAIN`, `_NBSP` or `_OTHER`.

    Every whitespace character but the space is unprintable, so a text is
    plain when it is printable once its line breaks are spaces.
    """
    spaced = text.replace("\n", " ")
    if spaced.isprintable():
        return _PLAIN
    if spaced.replace("\xa0", " ").isprintable():
        return _NBSP
    return _OTHER


class Sentences:
    """Where sentences may start and stop in one text, found once for all spans.

    Attributes:
        text: the document's text.
        stops: every ".", "!" or "?" before whitespace or at the end, and
            every line break.
        newlines: every line break.
        periods: every ". ".
        term_stops: every ".", "!" or "?" followed by whitespace.
    """

    __slots__ = (
        "_names",
        "_spacing",
        "newlines",
        "periods",
        "stops",
        "term_stops",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        ends = [m.start() for m in _DOT.finditer(text)]
        if "!" in text:
            ends += [m.start() for m in _BANG.finditer(text)]
        if "?" in text:
            ends += [m.start() for m in _QUESTION.finditer(text)]
        ends.sort()
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.stops = sorted(ends + self.newlines)
        self.periods = [m.start() for m in _PERIOD.finditer(text)]
        if ends and ends[-1] == len(text) - 1:  # a stop needs whitespace after it
            ends.pop()
        self.term_stops = ends
        # The names of one sentence share its context: squeezed once.
        self._names: dict[tuple[int, int], str] = {}
        self._spacing: str | None = None  # see `_spacing`, once a name needs it

    def of_name(self, start: int, end: int) -> str:
        """The sentence around the name `text[start:end]` (see the module doc)."""
        text = self.text
        size = len(text)
        lo = start - NAME_REACH if start > NAME_REACH else 0
        hi = end + NAME_REACH if end + NAME_REACH < size else size
        # the last ". " ending by `start`, and the last line break before it
        periods, newlines = self.periods, self.newlines
        i = bisect_right(periods, start - 2) - 1
        cut = periods[i] if i >= 0 and periods[i] >= lo else -1
        i = bisect_right(newlines, start - 1) - 1
        if i >= 0 and newlines[i] >= lo and newlines[i] > cut:
            cut = newlines[i]
        s = cut + 1 if cut >= 0 else lo
        if cut < 0 < lo:  # a long sentence: start at a word, not inside one
            s = max(text.find(" ", lo, start) + 1, lo)
        e = self._name_end(end, hi)
        if e < 0:
            e = hi
            if hi < size:
                e = max(text.rfind(" ", end, hi), end)
        return self._squeezed(s, e)

    def _name_end(self, end: int, hi: int) -> int:
        """Where the first stop at or after `end` and before `hi` ends, or -1.

        The stops in the window are the whole text's, except that "." just
        before `hi` stops there (as if the window were the text). A stop
        ends after its whitespace ("?\\n"), unless that lies beyond `hi`.
        """
        text, stops = self.text, self.stops
        i = bisect_left(stops, end)
        if i < len(stops) and stops[i] < hi:
            p = stops[i]
            return p + 1 if text[p] == "\n" or p + 1 == hi else p + 2
        if hi > end and text[hi - 1] in ".!?":
            return hi
        return -1

    def _squeezed(self, start: int, end: int) -> str:
        """`text[start:end]` with its whitespace runs made single spaces.

        Cached because the names of one sentence share it (and then share
        one string). Most texts hold no whitespace but spaces, line breaks
        and no-break spaces (`_spacing`), and a context rarely holds a line
        break: then a stripped slice without double spaces is the answer,
        once its no-break spaces are spaces. Other slices are split and
        joined.
        """
        key = (start, end)
        found = self._names.get(key)
        if found is None:
            found = self.text[start:end].strip()
            spacing = self._spacing
            if spacing is None:
                spacing = self._spacing = _spacing(self.text)
            if spacing == _NBSP:
                found = found.replace("\xa0", " ")
            if spacing == _OTHER:
                if not found.isprintable() or "  " in found:
                    found = " ".join(found.split())
            elif "  " in found or "\n" in found:
                found = " ".join(found.split())
            self._names[key] = found
        return found

    def of_term(self, start: int, end: int) -> str:
        """The sentence around the term `text[start:end]` (see the module doc)."""
        text, stops, newlines = self.text, self.term_stops, self.newlines
        lo = start - TERM_REACH if start > TERM_REACH else 0
        i = bisect_right(stops, start - 2) - 1  # the last stop ending by `start`
        left = stops[i] + 2 if i >= 0 and stops[i] >= lo else -1
        i = bisect_left(newlines, start) - 1
        if i >= 0 and newlines[i] >= max(left, lo):
            left = newlines[i] + 1
        if left < 0:  # a long sentence: start at a word, not inside one
            left = max(text.find(" ", lo, start) + 1, lo) if lo else 0
        i = bisect_left(stops, end)
        right = stops[i] + 1 if i < len(stops) else len(text)
        i = bisect_left(newlines, end)
        if i < len(newlines) and newlines[i] < right:
            right = newlines[i]
        if end + TERM_REACH < right:  # and end at one
            right = max(text.rfind(" ", end, end + TERM_REACH), end)
        return text[left:right].strip()


# --- sentence spans of a text (tokenize, tm) ------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?(\w))")
_ABBREVIATIONS = frozenset(en.ABBREVIATIONS + vi.ABBREVIATIONS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, as (start, end) offsets into `text` itself.

    A sentence ends at a line break, or at . ! ? … (and closing quotes)
    followed by space and a capital letter or digit, unless the dot ends a
    known abbreviation (Mr., TS.) or a single letter (U.S., A. B.). Spans are
    trimmed of surrounding whitespace; blank text has no sentences.

    Args:
        text: Any text, NFC or NFD.

    Returns:
        The spans in order; ``text[start:end]`` is the sentence.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(text, line.start(), line.end()):
            following = m.group(1)
            if not (following.isupper() or following.isdigit()):
                continue
            if m.group().startswith(".") and _is_abbreviation(text, m.start()):
                continue
            _add_span(text, start, m.end(), spans)
            start = m.end()
        _add_span(text, start, line.end(), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[^\W\d_]*$", text[max(0, dot - 12) : dot])
    letters = word.group() if word else ""
    return len(letters) == 1 or letters.casefold() in _ABBREVIATIONS


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
