"""The name of a Vietnamese body after its category head, over syllables.

`vi_orgs` finds where a body's name opens (a head: Bộ, Sở, Ủy ban, Công ty
...); this module reads how far the body's own name goes: capitalised
components ("Tài nguyên và Môi trường"), each capitalised on its first
syllable and possibly continued by lowercase nouns ("Giao thông vận tải"),
linked by "và", "-" or a comma list closed by "và"; an institution that ends
it ("Ủy ban Thường vụ Quốc hội"); the administrative place after it ("tỉnh
Hà Tĩnh"); never the person who follows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from glossary.extract.vi_syllables import (
    Syl,
    cap_run,
    is_vi_syllable,
    keys,
    match,
    person_at,
)
from glossary.lang import vi
from glossary.names.places import is_country, place_forms
from glossary.names.vi_words import is_vietnamese_word
from glossary.text import word_key

__all__ = [
    "ADMIN",
    "INSTITUTIONS",
    "LEGAL_FORMS",
    "LINKS",
    "LOCAL_ADMIN",
    "MAX_LOWER",
    "ORG_HEADS",
    "PEOPLES",
    "TITLES",
    "admin_place",
    "central_at",
    "component",
    "scan_name",
]

# Category heads that open an organisation name when capitalised.
ORG_HEADS = keys(*vi.ORG_HEADS)
# Bodies named by a common noun alone; also allowed as the last component of
# another body ("Văn phòng Chính phủ", "Ủy ban Thường vụ Quốc hội").
INSTITUTIONS = keys("chính phủ", "quốc hội", "trung ương đảng")
# "Tòa án nhân dân tối cao": lowercase words that end a people's body's name.
PEOPLES = keys("nhân dân")
_SUPREME = keys("tối cao")
LEGAL_FORMS = keys(
    "cổ phần", "tnhh", "trách nhiệm hữu hạn", "một thành viên", "mtv", "cp"
)
# "tỉnh Hà Tĩnh": the place words kept inside an organisation name.
ADMIN = keys(
    "tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn"
)
# Lower-level units whose word is part of how the place is named.
LOCAL_ADMIN = keys("huyện", "quận", "xã", "phường", "thị xã", "thị trấn")
LINKS = frozenset({"và"})
_PREPOSITIONS = frozenset({"tại", "về", "của", "trong"})
_DETERMINERS = frozenset({"các", "những"})
# "Bộ Chính trị khóa 19", "Đại học Bristol năm 2008": times follow a name
_TERM_WORDS = frozenset(word_key(w) for w in vi.TIME_NOUNS)
_OF = word_key("của")
_CENTRAL = frozenset(vi.CENTRAL_ABBREVIATIONS)
# "Hội đồng an ninh Quốc gia" is a body, "Bộ trưởng Bộ Y tế" a title first
TITLES = keys(*vi.TITLE_HEADS)
_ADMIN_BODIES = keys(*vi.ADMIN_BODIES)
# Roles that start something else after "và" ("... và Trợ lý Thủ tướng")
_ROLES = keys(*vi.ROLES_AFTER_AND)
MAX_LOWER = 3  # lowercase syllables continuing one capitalised component


def component(
    syls: Sequence[Syl], i: int, allow_lower: bool, *, heads_ok: bool = False
) -> int:
    """End of one name component at i: capitalised syllables plus a lowercase tail.

    "Giao thông vận tải": the first syllable carries the capital; the rest of
    the component, up to `MAX_LOWER` syllables past the capitalised word's
    token, is lowercase nouns.
    """
    if i >= len(syls) or not syls[i].word or not syls[i].cap:
        return i
    if not heads_ok and match(syls, i, ORG_HEADS) and not match(syls, i, INSTITUTIONS):
        return i
    j = i + 1
    while j < len(syls) and syls[j].word and syls[j].token == syls[j - 1].token:
        j += 1  # the rest of the capitalised word, whatever its case
    j = max(j, cap_run(syls, i))
    capitals = sum(x.text[:1].isupper() for x in syls[i:j])
    if allow_lower and capitals == 1:
        k, extra = j, 0
        while (
            k < len(syls)
            and syls[k].word
            and syls[k].text.islower()
            and syls[k].tag == "N"
            and extra < MAX_LOWER
            and not match(syls, k, ADMIN)
            and syls[k].key not in _TERM_WORDS
        ):
            k, extra = k + 1, extra + 1
            while k < len(syls) and syls[k].token == syls[k - 1].token:
                k, extra = k + 1, extra + 1
        if extra <= MAX_LOWER:
            j = k
    return j


def admin_place(syls: Sequence[Syl], i: int) -> int:
    """End of "tỉnh Hà Tĩnh" / "thành phố Hà Nội" at i, or i."""
    n = match(syls, i, ADMIN)
    if not n:
        return i
    if (
        i + n + 1 < len(syls)
        and syls[i].text == "TP"
        and syls[i + n].text == "."
        and syls[i + n].start == syls[i].end
        and syls[i + n + 1].start - syls[i + n].end <= 1
        and syls[i + n + 1].cap
    ):
        n += 1  # "TP.HCM", "TP. Hồ Chí Minh"
    if person_at(syls, i + n) and not _known_place(syls, i + n):
        return i  # "Công an tỉnh Tô Anh Dũng": the unit's own name is not written
    j = cap_run(syls, i + n)
    for k in range(i + n + 1, j):
        if person_at(syls, k):  # "UBND tỉnh Thanh Hóa Nguyễn Hoài Anh"
            return k
    return j if j > i + n else i


def _known_place(syls: Sequence[Syl], i: int) -> bool:
    """True if the capitalised run at i is a Vietnamese place's name."""
    j = i
    while j < len(syls) and syls[j].word and syls[j].cap:
        j += 1
    return bool(place_forms(" ".join(s.text for s in syls[i:j])))


def scan_name(
    syls: Sequence[Syl],
    i: int,
    *,
    company: bool,
    heads_ok: bool = False,
    lower_start: bool = False,
    holder_follows: bool = False,
) -> int:
    """End of the body's own name starting at syllable i (i if none).

    `heads_ok` lets the name itself start with an organisation head, as a
    law's name does ("Luật Tổ chức Chính phủ"); `lower_start` lets a body's
    name open with lowercase words ("Hội đồng an ninh Quốc gia");
    `holder_follows` (a title is written before the body) lets lowercase
    words between the name and a full name after it belong to the name
    ("Tổng cục trưởng Tổng cục Hợp tác phát triển quốc tế La Chiếu Huy").
    """
    if company:
        i = _past_legal_form(syls, i)
    if (
        i + 1 < len(syls)
        and syls[i].word
        and syls[i].text.islower()
        and (m := match(syls, i + 1, INSTITUTIONS)) > 0
    ):
        return i + 1 + m  # "Ủy ban liên Chính phủ"
    if (p := match(syls, i, PEOPLES)) > 0:
        # "Tòa án nhân dân tối cao", "Tòa án nhân dân tỉnh Nghệ An"
        if (t := match(syls, i + p, _SUPREME)) > 0:
            return i + p + t
        end = admin_place(syls, i + p)
        return end if end > i + p else i
    k = component(syls, i, allow_lower=True, heads_ok=heads_ok)
    if k == i:
        return _lower_then_named(syls, i) if lower_start else i
    if match(syls, i, INSTITUTIONS):
        return k
    if (p := match(syls, k, PEOPLES)) > 0 and (t := match(syls, k + p, _SUPREME)):
        return k + p + t  # "Viện Kiểm sát nhân dân tối cao"
    end = _name_continued(syls, k)
    return _rest_before_holder(syls, end) if holder_follows else end


def _rest_before_holder(syls: Sequence[Syl], k: int) -> int:
    """End of the lowercase words at k when the title's holder, a full name,
    comes right after them; k otherwise."""
    j = k
    while j < len(syls) and j - k < MAX_LOWER + 1 and syls[j].word:
        if not syls[j].text.islower() or syls[j].key in _TERM_WORDS:
            break
        j += 1
    return j if j > k and person_at(syls, j) else k


def _lower_then_named(syls: Sequence[Syl], i: int) -> int:
    """End of a name opening with lowercase nouns before its capitalised part
    ("Hội đồng an ninh Quốc gia", "Ban cán sự đảng UBND tỉnh"); i if none,
    if the head and those words make a title ("Bộ trưởng Bộ Y tế"), or if
    the head is the first syllable of a word ("Ban hành Nghị định")."""
    if i == 0 or i >= len(syls) or match(syls, i - 1, TITLES) > 1:
        return i
    if is_vietnamese_word(f"{syls[i - 1].text} {syls[i].text}"):
        return i  # "Ban hành", "Sở hữu": the head is a word's first syllable
    k = i
    while (
        k < len(syls)
        and k - i < MAX_LOWER
        and syls[k].word
        and syls[k].text.islower()
        and syls[k].tag in ("N", "V", "A")
        and syls[k].key not in _TERM_WORDS
        and not match(syls, k, ADMIN)
    ):
        k += 1
    if k == i or k >= len(syls) or syls[k].start - syls[k - 1].end != 1:
        return i
    if any(x.tag == "A" for x in syls[i:k]) and not _country_at(syls, k):
        return i  # an adjective opens only a country's body: "Đảng cộng sản Việt Nam"
    if (m := match(syls, k, _ADMIN_BODIES)) and syls[k].text.isupper():
        end = admin_place(syls, k + m)  # "UBND tỉnh Khánh Hòa"
        return end if end > k + m else k + m + match(syls, k + m, ADMIN)
    end = component(syls, k, allow_lower=True)
    if end > k and all(is_vi_syllable(x.text) for x in syls[k:end]):
        return _name_continued(syls, end)
    return i


def _country_at(syls: Sequence[Syl], k: int) -> bool:
    """True if the capitalised run at k is a country's name ("Việt Nam")."""
    end = cap_run(syls, k)
    return end > k and is_country(" ".join(x.text for x in syls[k:end]))


def _past_legal_form(syls: Sequence[Syl], i: int) -> int:
    """Past "cổ phần", "TNHH" and a second head after a company's head
    ("Công ty cổ phần Tập đoàn Hòa Phát")."""
    while (m := match(syls, i, LEGAL_FORMS)) > 0:
        i += m
    if (m := match(syls, i, ORG_HEADS)) > 0:
        i += m
    return i


def _name_continued(syls: Sequence[Syl], k: int) -> int:
    """End of a body's name whose first component ends at k: the components
    linked to it ("và", "-", a comma list), an institution or a bridge that
    ends it, adjacent capitalised components; never a person after it."""
    n = len(syls)
    while k < n and not person_at(syls, k):
        s = syls[k]
        if s.text in LINKS or s.text == "-":
            end = _linkedcomponent(syls, k + 1)
        elif s.text == ",":
            end = _listed(syls, k + 1)
            end = end if end > k + 1 else None
        else:
            if (m := match(syls, k, INSTITUTIONS)) > 0:
                return k + m  # "Ủy ban Thường vụ Quốc hội" ends with the body
            if (c := central_at(syls, k)) > k and s.start - syls[k - 1].end == 1:
                return c  # "Ủy ban Kiểm tra T.Ư"
            if s.key == _OF and (m := match(syls, k + 1, INSTITUTIONS)) > 0:
                return k + 1 + m  # "Ủy ban Tài chính và Ngân sách của Quốc hội"
            if (bridge := _bridge(syls, k)) > k:
                return bridge
            end = _adjacentcomponent(syls, k)
        if end is None:
            break
        k = end
    return k


def _linkedcomponent(syls: Sequence[Syl], nxt: int) -> int | None:
    """End of the component after "và" or "-" at nxt - 1, or None when what
    follows is a person or a role ("Hội Hữu nghị Việt - Nga và Trợ lý Thủ
    tướng ...") or no component."""
    while nxt < len(syls) and syls[nxt].text in _DETERMINERS:
        nxt += 1
    if person_at(syls, nxt) or match(syls, nxt, _ROLES):
        return None
    end = component(syls, nxt, allow_lower=True)
    return end if end > nxt else None


def _adjacentcomponent(syls: Sequence[Syl], k: int) -> int | None:
    """End of a capitalised Vietnamese component right after the name
    ("Thiết bị Phụ tùng Hòa Phát"), or None.

    A foreign word here ends the name, or starts something else when a
    capitalised word follows (`_ends_name`); a country before a dash is the
    second party of a pair ("Hiệp định ... Việt Nam - Liên minh ...").
    """
    s = syls[k]
    if not (s.word and s.cap and s.start - syls[k - 1].end == 1):
        return None
    end = component(syls, k, allow_lower=True)
    pair = (
        end < len(syls)
        and syls[end].text in "-–"
        and is_country(" ".join(x.text for x in syls[k:end]))
    )
    if end <= k or pair:
        return None
    if all(is_vi_syllable(x.text) for x in syls[k:end]):
        return end
    foreign = [x.text for x in syls[k:end]]
    if (
        all(len(w) > 1 and not w.isupper() for w in foreign)
        and not match(syls, k, ADMIN)
        and _ends_name(syls, end)
    ):
        return end  # not an acronym or a unit word ("TP.HCM")
    return None


def central_at(syls: Sequence[Syl], k: int) -> int:
    """End of "T.Ư", "TƯ" or "TW" (Trung ương, central) at k, written as one
    word; k if none."""
    for n in (3, 1):
        part = syls[k : k + n]
        joined = all(b.start == a.end for a, b in itertools.pairwise(part))
        if len(part) == n and joined and "".join(x.text for x in part) in _CENTRAL:
            return k + n
    return k


def _ends_name(syls: Sequence[Syl], end: int) -> bool:
    """True if no capitalised word follows at `end`: a foreign component
    there ends the body's name ("Học viện Lục quân West Point,", "Lực lượng
    Vũ trang Hoàng gia Campuchia,") rather than opening a person's ("Bộ
    Ngoại giao Hungary Szijjártó Péter")."""
    return end >= len(syls) or not (syls[end].word and syls[end].cap)


def _bridge(syls: Sequence[Syl], k: int) -> int:
    """End of "tại doanh nghiệp" when a full name follows right after it.

    "Chủ tịch Ủy ban Quản lý vốn nhà nước tại doanh nghiệp Nguyễn Hoàng Anh":
    between a body's name and the person it introduces there is nothing but
    the rest of the name, so a preposition and a few lowercase nouns belong
    to it.
    """
    if k >= len(syls) or syls[k].text not in _PREPOSITIONS:
        return k
    j = k + 1
    while j < len(syls) and j - k <= MAX_LOWER and syls[j].text.islower():
        if syls[j].tag != "N":
            return k
        j += 1
    return j if j > k + 1 and person_at(syls, j) else k


def _listed(syls: Sequence[Syl], i: int) -> int:
    """End of ", Thể thao và Du lịch": a comma list closed by "và"."""
    k = i
    n = len(syls)
    while k < n:
        end = component(syls, k, allow_lower=False)
        if end == k:
            return i
        k = end
        if k < n and syls[k].text == ",":
            k += 1
            continue
        if k < n and syls[k].text in LINKS:
            last = component(syls, k + 1, allow_lower=True)
            return last if last > k + 1 else i
        return i
    return i
