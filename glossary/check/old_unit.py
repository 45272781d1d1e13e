"""Provinces and districts that the 2025 reorganisation did away with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from glossary.api import strip_marks
from glossary.check.model import Document, Finding, Run, Segment, finding
from glossary.names.admin_2025 import district_provinces, superseded_provinces
from glossary.names.places import VIETNAMESE_SURNAMES
from glossary.text import fold, is_vietnamese_syllable, name_key
from glossary.text.syllable import to_new_style, to_old_style

_SEP = r"(?:[ \t]*[-–][ \t]*|[ \t]+)"


def _syllable(word: str) -> str:
    forms = {word, to_old_style(word), to_new_style(word), strip_marks(word)}
    return "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"


@cache
def _province_pattern() -> re.Pattern[str]:
    """Every superseded province, with or without marks, in either tone style."""
    names = sorted(superseded_provinces(), key=len, reverse=True)
    alts = [_SEP.join(_syllable(w) for w in re.split(r"\s*-\s*|\s+", n)) for n in names]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


@cache
def _province_keys() -> dict[str, str]:
    return {name_key(old): new for old, new in superseded_provinces().items()}


_VI_UNIT = re.compile(r"(?<!\w)(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố)(?!\w)")
_EN_UNIT = re.compile(r"(?<!\w)[Dd]istrict(?!\w)")
_NAME_WORD = re.compile(r"[ \t]+([^\W_]+)")
_WORD = re.compile(r"[^\W_]+")


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() or word.isdigit()


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """The match continues a person's or a longer place name ("Nguyễn Hòa Bình",
    "Thái Bình Dương"): a surname or another capitalized word joined to it."""
    before = _WORD.findall(text[max(0, start - 20) : start])
    prev = before[-1] if before else ""
    if _is_unit_word(prev):
        return False  # "tỉnh Hà Nam Vũ Văn Tùng": the unit word decides
    joined = prev and text[:start].endswith(prev + " ") and prev[:1].isupper()
    if joined and (
        fold(prev) in VIETNAMESE_SURNAMES
        or not re.search(r"[.!?:\"“]\s*$", text[: start - len(prev) - 1] or ".")
    ):
        return True
    after = (
        _WORD.match(text[end + 1 : end + 20]) if text[end : end + 1] == " " else None
    )
    return bool(
        after
        and _is_capitalized(after.group())
        and is_vietnamese_syllable(after.group(), ascii_ok=True)
    )


def _is_unit_word(word: str) -> bool:
    return fold(word) in ("tinh", "province", "pho")


def _provinces(seg: Segment, english: bool) -> Iterator[Finding]:
    text = seg.target.text
    for m in _province_pattern().finditer(text):
        if not _is_capitalized(m.group()) or _part_of_longer_name(
            text, m.start(), m.end()
        ):
            continue
        successor = _province_keys()[name_key(m.group())]
        if english:
            successor = strip_marks(successor)
        yield finding(
            "old-unit",
            seg,
            "target",
            m.span(),
            f"the province “{m.group()}” was merged into {successor} in 2025",
            successor,
        )


def _words_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of up to four capitalized words (or one number) right after `pos`."""
    out: list[tuple[int, int]] = []
    while len(out) < 4:
        m = _NAME_WORD.match(text, pos)
        if m is None or not _is_capitalized(m.group(1)):
            break
        out.append(m.span(1))
        pos = m.end()
        if m.group(1).isdigit():
            break
    return out


def _words_before(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of up to four capitalized words right before `pos`, nearest last."""
    out: list[tuple[int, int]] = []
    for m in reversed(list(_WORD.finditer(text, max(0, pos - 60), pos))):
        end = out[0][0] if out else pos
        if text[m.end() : end] != " " or not _is_capitalized(m.group()):
            break
        out.insert(0, m.span())
        if len(out) == 4:
            break
    return out


def _district_name(text: str, unit: re.Match[str], english: bool) -> tuple[int, int]:
    """The longest run of words next to the unit word that names a district."""
    table = district_provinces()
    after = _words_after(text, unit.end())
    # Vietnamese: the name is every capitalized word after the unit word
    runs = [(after[0][0], after[-1][1])] if after else []
    if english:
        before = _words_before(text, unit.start())
        runs = [(before[-n][0], before[-1][1]) for n in range(len(before), 0, -1)]
        runs += (
            [(after[0][0], after[0][1])]
            if after and text[after[0][0]].isdigit()
            else []
        )
    return next((r for r in runs if name_key(text[r[0] : r[1]]) in table), (0, 0))


def _districts(seg: Segment, english: bool) -> Iterator[Finding]:
    text = seg.target.text
    for unit in (_EN_UNIT if english else _VI_UNIT).finditer(text):
        start, end = _district_name(text, unit, english)
        if start == end:
            continue
        name = text[start:end]
        now = ", ".join(district_provinces()[name_key(name)])
        if english:
            now = strip_marks(now)
        span = (min(start, unit.start()), max(end, unit.end()))
        yield finding(
            "old-unit",
            seg,
            "target",
            span,
            f"districts were abolished in 2025: “{name}” is now part of {now}",
        )


def old_unit(doc: Document, run: Run) -> Iterator[Finding]:
    """A province merged away, or a district, in the 2025 reorganisation.

    Provinces are found by name, with or without marks, capitalized and not
    inside a longer name; the successor is the province that absorbed them.
    Districts (abolished as a level) are found only with their unit word
    ("huyện Củ Chi", "Cu Chi district"), and the message names the province
    their communes now belong to. Checks the text under check (the target
    of a translation).
    """
    for seg in doc.segments:
        english = seg.target.lang != "vi"
        yield from _provinces(seg, english)
        yield from _districts(seg, english)
