"""Vietnamese administrative structure in organisation names.

Pure functions over strings, used by clustering to give a local body its
full Vietnamese name:

- the standard abbreviations of people's committees and councils
  ("UBND tỉnh Sơn La" → "Ủy ban nhân dân tỉnh Sơn La");
- the province a provincial department ("Sở Xây dựng") belongs to, from the
  sentence or the document that names it.

English names of local bodies are read by `glossary.names.state.local_body`.

Nothing here is a list of names: the patterns are the administrative
structure (unit words, body words), the names come from the text and the
gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from glossary.lang import vi
from glossary.names import places as restore
from glossary.text import name_key

__all__ = [
    "club_name",
    "document_province",
    "expand_abbreviation",
    "expand_abbreviations",
    "has_place",
    "own_company_name",
    "province_in",
    "province_unit",
    "strip_legal_form",
    "with_province",
]

# Abbreviations that open the name of a local state body, and their full words.
_ABBREVIATIONS = {k: vi.BODY_ABBREVIATIONS[k] for k in ("UBND", "HĐND")}

_ABBREV = re.compile(r"^(UBND|HĐND)(?=\s+\S)")
# Any abbreviated word of a body's name, as a whole word.
_ANY_ABBREV = re.compile(
    r"(?<![\w.])("
    + "|".join(
        re.escape(a) for a in sorted(vi.BODY_ABBREVIATIONS, key=len, reverse=True)
    )
    + r")(?![\w.])"
)


def expand_abbreviation(text: str) -> str:
    """The name with a leading "UBND"/"HĐND" written in full.

    >>> expand_abbreviation("UBND tỉnh Sơn La")
    'Ủy ban nhân dân tỉnh Sơn La'
    >>> expand_abbreviation("UBND")
    'UBND'
    """
    return _ABBREV.sub(lambda m: _ABBREVIATIONS[m.group(1)], text, count=1)


def expand_abbreviations(text: str) -> str:
    """The name with every standard abbreviated word written in full, for
    comparing forms ("UB Kiểm tra T.Ư", "UBKT TW": "Ủy ban Kiểm tra Trung ương").

    >>> expand_abbreviations("UBKT T.Ư"), expand_abbreviations("T.Ư Đảng")
    ('Ủy ban Kiểm tra Trung ương', 'Trung ương Đảng')
    """
    words = text.split()
    if not (
        restore.has_diacritics(text)  # a Vietnamese name, not "TW Group"
        or all(w in vi.BODY_ABBREVIATIONS for w in words)
    ):
        return text
    return _ANY_ABBREV.sub(lambda m: vi.BODY_ABBREVIATIONS[m.group(1)], text)


# A company's legal form before another category head: "Công ty cổ phần
# Tập đoàn Hòa Phát" is known as "Tập đoàn Hòa Phát".
_LEGAL_FORM = re.compile(
    r"^(?:công ty|tổng công ty)\s+(?:cổ phần|cp|tnhh|trách nhiệm hữu hạn)"
    r"(?:\s+(?:một thành viên|mtv))?\s+(?=(?:tập đoàn|tổng công ty|ngân hàng)\s+\S)",
    re.IGNORECASE,
)


def strip_legal_form(text: str) -> str:
    """The name without a legal form that comes before another category head.

    >>> strip_legal_form("Công ty cổ phần Tập đoàn Hòa Phát")
    'Tập đoàn Hòa Phát'
    >>> strip_legal_form("Công ty TNHH Thiết bị Phụ tùng Hòa Phát")
    'Công ty TNHH Thiết bị Phụ tùng Hòa Phát'
    """
    return _LEGAL_FORM.sub("", text, count=1)


_COMPANY = re.compile(
    r"^(?:CTCP|CTy|công ty)(?:\s+(?:cổ phần|CP|TNHH|trách nhiệm hữu hạn))?"
    r"(?:\s+(?:một thành viên|MTV))?\s+(?=\S)",
    re.IGNORECASE,
)


def company_name(text: str) -> str:
    """A company's name with its legal form left out, for telling whether two
    forms are one name: "CTCP X", "Công ty TNHH X" and "Công ty X" are one.

    >>> company_name("CTCP Kinh tế Hoàng Gia"), company_name("Công ty TNHH An Phát")
    ('Công ty Kinh tế Hoàng Gia', 'Công ty An Phát')
    """
    return _COMPANY.sub("Công ty ", text, count=1)


_CATEGORY = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(c) for c in vi.COMPANY_CATEGORIES)
    + r")\s+)+(?=\S)",
    re.IGNORECASE,
)


def own_company_name(text: str) -> str:
    """A Vietnamese company's own name after its category words, if it is
    a name: every word capitalised, and no place or country ("Tập đoàn
    Huyndai Motor" → "Huyndai Motor"; not "Ngân hàng Nhà nước", "Công ty
    Hà Nội"); else "".

    >>> own_company_name("Công ty cổ phần Sơn Kova")
    'Sơn Kova'
    >>> own_company_name("Tập đoàn Điện lực"), own_company_name("Công ty Hà Nội")
    ('', '')
    """
    m = _CATEGORY.match(text)
    if m is None or not restore.has_diacritics(m.group()):
        return ""
    own = text[m.end() :]
    if not all(w[:1].isupper() or w[:1].isdigit() for w in own.split()):
        return ""
    if restore.is_country(own) or restore.place_forms(own):
        return ""
    return own


_VI_CLUB = re.compile(r"^(?:CLB|Câu lạc bộ)\s+(\S.*)$")


def club_name(text: str) -> str:
    """A Vietnamese club's name in the usual "X FC" form.

    >>> club_name("CLB Hà Nội"), club_name("Hà Nội FC")
    ('Hà Nội FC', 'Hà Nội FC')
    """
    club = _VI_CLUB.match(text)
    return f"{club.group(1)} FC" if club else text


def province_unit(name: str) -> str | None:
    """ "tỉnh X" or "thành phố X" for a province-level unit, with its marks.

    `name` may be written without marks ("Vinh Long"); it is restored from
    the gazetteer, and None is returned when the gazetteer does not settle
    the spelling or the name is not a province.

    >>> province_unit("Vinh Long"), province_unit("Hanoi")
    ('tỉnh Vĩnh Long', 'thành phố Hà Nội')
    """
    if not restore.is_province(name):
        return None
    r = restore.restore_place(name)
    if r.restored or restore.has_diacritics(name) or name in restore.place_forms(name):
        spelled = r.text
    else:
        return None
    if restore.is_city(name):
        return "thành phố " + spelled
    return "tỉnh " + spelled


# Up to four capitalised words: a province's name.
_NAME = r"(?:[A-ZÀ-ỸĐ][\wÀ-ỹĐđ]*)(?:[ \-–]+[A-ZÀ-ỸĐ][\wÀ-ỹĐđ]*){0,3}"
_UNIT_NAME = re.compile(rf"\b(?:tỉnh|Tỉnh|thành phố|Thành phố)\s+({_NAME})")
_MORE = re.compile(rf"\s*(?:,|và)\s+({_NAME})")


def _province_prefix(text: str) -> str | None:
    """The longest province name that `text` (capitalised words) begins with."""
    words = text.split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if restore.is_province(name):
            return name
    return None


def _provinces_written(text: str) -> list[str]:
    """Province names written after "tỉnh"/"thành phố" in `text`, in order,
    with the rest of a list ("hai tỉnh Đồng Nai và Hà Tĩnh")."""
    out = []
    for m in _UNIT_NAME.finditer(text):
        name = _province_prefix(m.group(1))
        end = m.start(1) + len(name or "")
        while name is not None:
            out.append(name)
            more = _MORE.match(text, end)
            name = _province_prefix(more.group(1)) if more else None
            if more and name:
                end = more.start(1) + len(name)
    return out


def document_province(
    sentences: Iterable[str], places: Iterable[str] = ()
) -> str | None:
    """The one province a document names, or None.

    Provinces count when written after "tỉnh"/"thành phố" in the document's
    `sentences` or as one of the `places` it mentions; exactly one must be
    named, with its marks.

    >>> document_province(["UBND tỉnh Thanh Hóa."], ["Thanh Hóa", "Cẩm Thủy"])
    'Thanh Hóa'
    """
    found: dict[str, str] = {}
    for s in sentences:
        for p in _provinces_written(s):
            found.setdefault(name_key(p), p)
    for p in places:
        if restore.is_province(p):
            found.setdefault(name_key(p), p)
    if len(found) != 1:
        return None
    prov = next(iter(found.values()))
    return prov if restore.has_diacritics(prov) else None


def province_in(sentence: str, document: Callable[[], str | None]) -> str | None:
    """The one province a sentence, else its document, is about.

    The sentence decides when it names exactly one province ("Ở tỉnh Đồng
    Nai, ... Giám đốc Sở Tài chính"); when it names none, `document()` (see
    `document_province`) does.

    >>> province_in("Giám đốc Sở Xây dựng.", lambda: "Thanh Hóa")
    'Thanh Hóa'
    """
    here = {name_key(p): p for p in _provinces_written(sentence)}
    if len(here) == 1:
        return next(iter(here.values()))
    return None if here else document()


# A provincial department: "Sở" and its capitalised field ("Sở Xây dựng").
_DEPARTMENT = re.compile(r"^Sở\s+[A-ZÀ-ỸĐ]")


@lru_cache(maxsize=1 << 14)
def has_place(name: str) -> bool:
    """True if a body's name already holds its place ("Sở Nội vụ tỉnh Hà Tĩnh").

    >>> has_place("Sở Nội vụ tỉnh Hà Tĩnh"), has_place("Sở Nội vụ")
    (True, False)
    """
    words = name.split()
    if any(restore.is_province(" ".join(words[-n:])) for n in range(1, 5)):
        return True
    return any(w.lower() in _UNIT_WORDS or w.startswith("TP.") for w in words)


def with_province(
    name: str, sentence: str, document: Callable[[], str | None]
) -> str | None:
    """The province part of a provincial body written without it.

    "Sở Xây dựng" in a document about Thanh Hóa is "Sở Xây dựng tỉnh Thanh
    Hóa"; any body followed by "của tỉnh X" in its sentence is "... tỉnh X".
    A name that already holds a place is left alone (None).

    Returns:
        " tỉnh Thanh Hóa" (to append to `name`), or None.

    >>> with_province("Sở Tài chính", "Ở Đồng Nai: Sở Tài chính.", lambda: None)
    >>> with_province("Sở Tài chính", "Ở tỉnh Đồng Nai, Sở Tài chính.", lambda: None)
    ' tỉnh Đồng Nai'
    """
    if has_place(name):
        return None
    of = (
        re.search(re.escape(name) + r"\s+của\s+((?:tỉnh|thành phố)\s+\S.*)", sentence)
        if " của " in sentence
        else None
    )
    if of:
        provs = _provinces_written(of.group(1))
        if provs:
            unit = province_unit(provs[0])
            if unit is not None:
                return " " + unit
    if not _DEPARTMENT.match(name):
        return None
    prov = province_in(sentence, document)
    if prov is None:
        return None
    unit = province_unit(prov)
    return None if unit is None else " " + unit


_UNIT_WORDS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "tp", "tp."})
