"""Placeholders and numbers a translation dropped or changed.

The overlap with translate-toolkit's pofilter: its `printf` and `numbers` checks.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from glossary.check.model import Document, Finding, Run, Segment, finding

# printf conversions as pofilter's printf check reads them (positional %1$s,
# named %(name)s, flags, width, precision, length), and brace fields {0} {name}.
_PRINTF = re.compile(
    r"%(?:(?P<ord>\d+)\$|\((?P<key>\w+)\))?[+#-]*\d*(?:\.\d+)?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<type>[diouxXeEfFgGcrsaAp%])"
)
_DIGITS = re.compile(r"\d+")
# "{" not after another: said after it, so that every placeholder pattern starts
# with % or {, which the regex engine then skips to (twice as fast a findall)
_BRACE = re.compile(r"\{(?<!\{\{)(?:\d+|[A-Za-z_]\w*)(?:[:!][^{}]*)?\}(?!\})")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\w])")
# Month names count as their number: "April 1" is "1/4" or "ngày 1 tháng 4".
_MONTHS = {m.lower(): str(i) for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): str(i) for i, m in enumerate(calendar.month_abbr) if m}
_MONTH = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.I
)


_EITHER = re.compile(f"{_PRINTF.pattern}|{_BRACE.pattern}")
# The same without groups, so that `findall` gives the placeholders themselves.
_QUICK = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", _EITHER.pattern).replace("(\\d+)", "(?:\\d+)")
)


@cache
def _sieve(placeholders: bool = True) -> re.Pattern[str]:
    """A character every text with a number holds, and with `placeholders`
    every text with a placeholder too: a decimal digit (what \\d matches,
    spelled as ranges, which the regex engine looks up in a table instead
    of the Unicode database; any character beyond the BMP passes too), % or
    {. The first pass over a catalogue's texts is shared by both checks."""
    decimals = [c for c in range(0x80, 0x10000) if chr(c).isdecimal()]
    runs: list[list[int]] = []
    for c in decimals:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    ranges = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)
    marks = "%{" if placeholders else ""
    return re.compile(f"[{marks}0-9{ranges}\\U00010000-\\U0010ffff]")


def _placeholders(text: str) -> list[tuple[str, int, int]]:
    """Every placeholder (not %%) of `text`, in order, with its span."""
    return [(m.group(), *m.span()) for m in _EITHER.finditer(text) if m.group() != "%%"]


def _type_order(found: list[tuple[str, int, int]]) -> list[str]:
    """Conversion types of unnumbered printf placeholders, in order."""
    out = []
    for text, _, _ in found:
        m = _PRINTF.fullmatch(text)
        if m and not m.group("ord") and not m.group("key"):
            out.append(m.group("type"))
    return out


def placeholders(doc: Document, run: Run) -> Iterator[Finding]:
    """A printf or brace placeholder missing, added or reordered in a translation.

    Numbered (%1$s) and named (%(n)s, {n}) placeholders may move; unnumbered
    ones must keep their types in order, as C's printf reads them.
    """
    # nearly every unit has the same placeholders in the same order
    for seg in run.differing(doc, _QUICK, _sieve()):
        assert seg.source is not None
        src, tgt = _placeholders(seg.source.text), _placeholders(seg.target.text)
        if [p for p, _, _ in src] != [p for p, _, _ in tgt]:
            yield from _compare(seg, src, tgt)


def _compare(
    seg: Segment, src: list[tuple[str, int, int]], tgt: list[tuple[str, int, int]]
) -> Iterator[Finding]:
    want, have = Counter(p for p, _, _ in src), Counter(p for p, _, _ in tgt)
    for text, start, end in src:
        if have[text] < want[text]:
            have[text] += 1  # report each missing copy once
            yield finding(
                "placeholders",
                seg,
                "source",
                (start, end),
                f"placeholder {text} is missing from the translation",
            )
    want = Counter(p for p, _, _ in src)
    for text, start, end in tgt:
        if want[text] <= 0:
            yield finding(
                "placeholders",
                seg,
                "target",
                (start, end),
                f"placeholder {text} is not in the source",
            )
        want[text] -= 1
    if Counter(p for p, _, _ in src) == Counter(p for p, _, _ in tgt) and _type_order(
        src
    ) != _type_order(tgt):
        yield finding(
            "placeholders",
            seg,
            "target",
            (tgt[0][1], tgt[-1][2]),
            "unnumbered placeholders are in another order; number them (%1$s)",
        )


def _values(number: str) -> set[str]:
    number = re.sub(r"(?:st|nd|rd|th)$", "", number)
    """What a written number may mean: "1,000" and "1.000" are both 1000 in one
    of English or Vietnamese usage, "2.5" and "2,5" both 2.5."""
    out = set()
    for group, decimal in ((",", "."), (".", ",")):
        parts = number.split(decimal)
        if len(parts) > 2:
            continue
        whole = parts[0].replace(group, "")
        if not whole.isdigit():
            continue
        value = whole.lstrip("0") or "0"
        if len(parts) == 2:
            value += "." + parts[1]
        out.add(value)
    return out or {number}


def numbers(doc: Document, run: Run) -> Iterator[Finding]:
    """A number of the source missing from the translation, or one added.

    Numbers inside placeholders do not count; "1,000.5" matches "1.000,5"
    (English and Vietnamese separators) and "07" matches "7".
    """
    # nearly every unit has the same digits in the same order
    for seg in run.differing(doc, _DIGITS, _sieve(), _sieve(placeholders=False)):
        assert seg.source is not None
        source, target = seg.source.text, seg.target.text
        src, tgt = _numbers(source), _numbers(target)
        if seg.source.lang == "en":
            src += _months(seg.source.text)
        unmatched = list(tgt)
        for text, start, end, values in src:
            hit = next((n for n in unmatched if n[3] & values), None)
            if hit is None and text.isalpha():
                continue  # a month written as a word, not given as a number
            if hit is None:
                yield finding(
                    "numbers",
                    seg,
                    "source",
                    (start, end),
                    f"number {text} is missing from the translation",
                )
            else:
                unmatched.remove(hit)
        for text, start, end, _ in unmatched:
            yield finding(
                "numbers",
                seg,
                "target",
                (start, end),
                f"number {text} is not in the source",
            )


def _months(text: str) -> list[tuple[str, int, int, set[str]]]:
    """Month names as the numbers a translation may write them as."""
    return [
        (m.group(1), m.start(), m.end(), {_MONTHS[m.group(1).lower()]})
        for m in _MONTH.finditer(text)
        if m.group(1)[0].isupper()
    ]


def _numbers(text: str) -> list[tuple[str, int, int, set[str]]]:
    inside = [(s, e) for _, s, e in _placeholders(text)]
    return [
        (m.group(), m.start(), m.end(), _values(m.group()))
        for m in _NUMBER.finditer(text)
        if not any(s <= m.start() < e for s, e in inside)
    ]
