"""Vietnamese organisation and named-place spans, found over syllables.

Taggers segment organisation names unpredictably ("Ủy" + "ban Thường vụ Quốc
hội", "Trưởng Ban" as one word), so names are recognised on the syllable stream
and the tokens are cut at the span edges afterwards. The structure is the
one Vietnamese writing gives official names:

* a category head (Bộ, Sở, Ủy ban, UBND, Ban, Cục, Công ty, Tập đoàn, CLB ...),
  written with a capital;
* the body's own name: capitalised components ("Tài nguyên và Môi trường"),
  each capitalised on its first syllable only and possibly continued by one
  lowercase noun ("Giao thông vận tải"), linked by "và", "-" or a comma list
  that ends in "và" ("Văn hóa, Thể thao và Du lịch");
* an optional administrative place ("tỉnh Hà Tĩnh", "thành phố Hà Nội");
* never the person who follows ("Chủ tịch Quốc hội Trần Thanh Mẫn").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.lang import vi
from glossary.model import Kind
from glossary.names.places import is_country, place_forms
from glossary.text import fold

__all__ = ["Span", "Syl", "is_vi_syllable", "org_spans", "syllables", "word_key"]

_TONES = "\u0300\u0301\u0303\u0309\u0323"


@functools.lru_cache(maxsize=65536)
def word_key(s: str) -> str:
    """Lower case, tone marks moved to the end of each syllable: Uỷ == Ủy != Uy."""
    out = []
    for syl in s.lower().split():
        d = unicodedata.normalize("NFD", syl)
        out.append(
            "".join(c for c in d if c not in _TONES)
            + "".join(sorted(c for c in d if c in _TONES))
        )
    return " ".join(out)


def _keys(*words: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(word_key(w).split()) for w in words)


# Category heads that open an organisation name when capitalised.
ORG_HEADS = _keys(*vi.ORG_HEADS)
# Bodies named by a common noun alone; also allowed as the last component of
# another body ("Văn phòng Chính phủ", "Ủy ban Thường vụ Quốc hội").
INSTITUTIONS = _keys("chính phủ", "quốc hội", "trung ương đảng")
# Acronym heads completed by an administrative place ("UBND tỉnh Thanh Hóa").
_ADMIN_ORGS = _keys(*vi.ADMIN_BODIES)
# "Tòa án nhân dân tối cao": lowercase words that end a people's body's name.
_PEOPLES = _keys("nhân dân")
_SUPREME = _keys("tối cao")
# Lowercase heads that still open a name when a capitalised name follows.
_LOWER_HEADS = _keys("công ty", "tập đoàn", "đội tuyển", "câu lạc bộ", "ngân hàng")
# Heads whose name may open with a legal form ("Công ty cổ phần ...").
_COMPANY_HEADS = _keys("công ty", "tổng công ty", "ngân hàng", "ctcp")
# Heads of named buildings and sites, which are places.
_PLACE_HEADS = _keys("nhà", "nhà hát", "sân vận động", "svđ", "sân bay", "cảng", "cung")
# Heads of a state's name, which is a place.
_STATE_HEADS = _keys("vương quốc", "liên bang", "cộng hòa", "đại công quốc")
# Heads of laws and decrees: their names are terms, not bodies
# ("Luật Tổ chức Chính phủ" is not the body "Tổ chức Chính phủ").
_LAW_HEADS = _keys("luật", "bộ luật", "nghị định", "nghị quyết", "hiến pháp")
_LEGAL_FORMS = _keys(
    "cổ phần", "tnhh", "trách nhiệm hữu hạn", "một thành viên", "mtv", "cp"
)
# "tỉnh Hà Tĩnh": the place words kept inside an organisation name.
ADMIN = _keys(
    "tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn"
)
# Lower-level units whose word is part of how the place is named.
LOCAL_ADMIN = _keys("huyện", "quận", "xã", "phường", "thị xã", "thị trấn")
_LINKS = frozenset({"và"})
_PREPOSITIONS = frozenset({"tại", "về", "của", "trong"})
_DETERMINERS = frozenset({"các", "những"})
# Compared as written, lower-cased: "Mai" is a surname, "Mãi" is not.
SURNAMES = frozenset(
    s.lower() for s in vi.COMMON_SURNAMES + vi.OTHER_SURNAMES + vi.MARKED_SURNAMES
)
# Syllables of a full name that ends an organisation's name; two-syllable
# names look like places ("Sở Công Thương Hà Nội").
_PERSON_MIN = 3
# "Bộ Chính trị khóa 19": the term of office follows a body's name
_TERM_WORDS = frozenset({word_key("khóa"), word_key("nhiệm")})
# Roles that start something else after "và" ("... và Trợ lý Thủ tướng")
_ROLES = _keys(*vi.ROLES_AFTER_AND)
# Courts of appeal: "TAND Cấp cao tại Hà Nội" (also Đà Nẵng, TP.HCM)
_COURTS = _keys("tòa án", "tand", "viện kiểm sát", "vksnd")
_HIGH = _keys("cấp cao tại")
_CHAU = word_key("châu")
_HOI = word_key("hội")
_MAX_LOWER = 3  # lowercase syllables continuing one capitalised component
_DOMAIN = re.compile(r"(?<![\w.])[A-Za-z][\w-]*\.(?:vn|com|net|org)(?:\.vn)?(?!\w)")
_AGE_TEAM = re.compile(r"^U\d{2}$")
_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)


@dataclass(frozen=True, slots=True)
class Syl:
    """One syllable (or punctuation mark) with its token's POS tag."""

    text: str
    start: int
    end: int
    tag: str
    token: int  # index of the token it came from
    key: str = ""  # `word_key` of a word; "" for punctuation

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised name: character offsets, kind and the rule that found it."""

    start: int
    end: int
    kind: Kind
    source: str


_SYL = re.compile(r"\w+|[^\w\s]")


def syllables(text: str, tokens: Sequence[tuple[int, int, str]]) -> list[Syl]:
    """Syllables and punctuation of `text`, each with its token's tag.

    Args:
        text: the document text.
        tokens: (start, end, tag) of each token, in order.

    Returns:
        The syllable stream in text order.
    """
    out = []
    for i, (start, end, tag) in enumerate(tokens):
        for m in _SYL.finditer(text, start, end):
            w = m.group()
            key = word_key(w) if w[:1].isalnum() else ""
            out.append(Syl(w, m.start(), m.end(), tag, i, key))
    return out


def _match(syls: Sequence[Syl], i: int, table: frozenset[tuple[str, ...]]) -> int:
    """Length in syllables of the longest entry of `table` at i, or 0."""
    if i >= len(syls) or syls[i].key not in _firsts(table):
        return 0
    best = 0
    for n in (1, 2, 3, 4):
        if i + n > len(syls) or not syls[i + n - 1].key:
            break
        if tuple(s.key for s in syls[i : i + n]) in table:
            best = n
    return best


@functools.cache
def _firsts(table: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(k[0] for k in table)


def is_vi_syllable(s: str) -> bool:
    """True if `s` has the shape of a Vietnamese syllable (onset, vowels, coda)."""
    return bool(_VI_SYLLABLE.match(fold(s)))


def korean_at(syls: Sequence[Syl], i: int) -> int:
    """End (exclusive) of a Korean name "Lee Jae-yong" starting at i, or 0."""
    if i + 3 >= len(syls):
        return 0
    a, b, dash, c = syls[i : i + 4]
    if not (
        a.word
        and b.word
        and c.word
        and a.text[:1].isupper()
        and b.text[:1].isupper()
        and dash.text == "-"
        and b.start - a.end == 1
        and dash.start == b.end
        and c.start == dash.end
        and c.text.islower()
    ):
        return 0
    if any(fold(s.text) != s.text.lower() or not s.text.isalpha() for s in (a, b)):
        return 0  # Vietnamese marks: "Bà Rịa-vũng"
    if fold(c.text) != c.text:
        return 0
    return i + 4


def _person_at(syls: Sequence[Syl], i: int) -> bool:
    """A capitalised run of 3-4 Vietnamese syllables led by a common surname,
    or a Korean name ("Lee Jae-yong")."""
    if korean_at(syls, i):
        return True
    if i >= len(syls) or not syls[i].cap or syls[i].text.lower() not in SURNAMES:
        return False
    j = i + 1
    while j < len(syls) and syls[j].word and syls[j].text[:1].isupper():
        if syls[j].start - syls[j - 1].end != 1:
            break
        j += 1
    return _PERSON_MIN <= j - i <= 4 and all(is_vi_syllable(s.text) for s in syls[i:j])


def _cap_run(syls: Sequence[Syl], i: int) -> int:
    """End of the run of capitalised syllables at i, stopping before a person."""
    j = i
    while j < len(syls) and syls[j].word and syls[j].cap:
        if j > i and (syls[j].start - syls[j - 1].end > 1 or _person_at(syls, j)):
            break
        j += 1
    return j


def _component(
    syls: Sequence[Syl], i: int, allow_lower: bool, *, heads_ok: bool = False
) -> int:
    """End of one name component at i: capitalised syllables plus a lowercase tail.

    "Giao thông vận tải": the first syllable carries the capital; the rest of
    the component, up to `_MAX_LOWER` syllables past the capitalised word's
    token, is lowercase nouns.
    """
    if i >= len(syls) or not syls[i].word or not syls[i].cap:
        return i
    if (
        not heads_ok
        and _match(syls, i, ORG_HEADS)
        and not _match(syls, i, INSTITUTIONS)
    ):
        return i
    j = i + 1
    while j < len(syls) and syls[j].word and syls[j].token == syls[j - 1].token:
        j += 1  # the rest of the capitalised word, whatever its case
    j = max(j, _cap_run(syls, i))
    capitals = sum(x.text[:1].isupper() for x in syls[i:j])
    if allow_lower and capitals == 1:
        k, extra = j, 0
        while (
            k < len(syls)
            and syls[k].word
            and syls[k].text.islower()
            and syls[k].tag == "N"
            and extra < _MAX_LOWER
            and not _match(syls, k, ADMIN)
            and syls[k].key not in _TERM_WORDS
        ):
            k, extra = k + 1, extra + 1
            while k < len(syls) and syls[k].token == syls[k - 1].token:
                k, extra = k + 1, extra + 1
        if extra <= _MAX_LOWER:
            j = k
    return j


def _admin_place(syls: Sequence[Syl], i: int) -> int:
    """End of "tỉnh Hà Tĩnh" / "thành phố Hà Nội" at i, or i."""
    n = _match(syls, i, ADMIN)
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
    if _person_at(syls, i + n) and not _known_place(syls, i + n):
        return i  # "Công an tỉnh Tô Anh Dũng": the unit's own name is not written
    j = _cap_run(syls, i + n)
    for k in range(i + n + 1, j):
        if _person_at(syls, k):  # "UBND tỉnh Thanh Hóa Nguyễn Hoài Anh"
            return k
    return j if j > i + n else i


def _known_place(syls: Sequence[Syl], i: int) -> bool:
    """True if the capitalised run at i is a Vietnamese place's name."""
    j = i
    while j < len(syls) and syls[j].word and syls[j].cap:
        j += 1
    return bool(place_forms(" ".join(s.text for s in syls[i:j])))


def _scan_name(
    syls: Sequence[Syl], i: int, *, company: bool, heads_ok: bool = False
) -> int:
    """End of the body's own name starting at syllable i (i if none).

    `heads_ok` lets the name itself start with an organisation head, as a
    law's name does ("Luật Tổ chức Chính phủ").
    """
    n = len(syls)
    if company:
        while (m := _match(syls, i, _LEGAL_FORMS)) > 0:
            i += m
        if (m := _match(syls, i, ORG_HEADS)) > 0:
            i += m  # "Công ty cổ phần Tập đoàn Hòa Phát"
    if (
        i + 1 < n
        and syls[i].word
        and syls[i].text.islower()
        and (m := _match(syls, i + 1, INSTITUTIONS)) > 0
    ):
        return i + 1 + m  # "Ủy ban liên Chính phủ"
    if (p := _match(syls, i, _PEOPLES)) > 0:
        # "Tòa án nhân dân tối cao", "Tòa án nhân dân tỉnh Nghệ An"
        if (t := _match(syls, i + p, _SUPREME)) > 0:
            return i + p + t
        end = _admin_place(syls, i + p)
        return end if end > i + p else i
    k = _component(syls, i, allow_lower=True, heads_ok=heads_ok)
    if k == i:
        return i
    if _match(syls, i, INSTITUTIONS):
        return k
    if (p := _match(syls, k, _PEOPLES)) > 0 and (t := _match(syls, k + p, _SUPREME)):
        return k + p + t  # "Viện Kiểm sát nhân dân tối cao"
    while k < n:
        if _person_at(syls, k):
            break
        s = syls[k]
        nxt = k + 1
        if s.text in _LINKS or s.text == "-":
            while nxt < n and syls[nxt].text in _DETERMINERS:
                nxt += 1
            if _person_at(syls, nxt) or _match(syls, nxt, _ROLES):
                break  # "Hội Hữu nghị Việt - Nga và Trợ lý Thủ tướng ..."
            end = _component(syls, nxt, allow_lower=True)
            if end > nxt:
                k = end
                continue
            break
        if s.text == ",":
            end = _listed(syls, nxt)
            if end > nxt:
                k = end
                continue
            break
        if (m := _match(syls, k, INSTITUTIONS)) > 0:
            return k + m  # "Ủy ban Thường vụ Quốc hội" ends with the body
        if (bridge := _bridge(syls, k)) > k:
            return bridge
        if s.word and s.cap and s.start - syls[k - 1].end == 1:
            # "Thiết bị Phụ tùng Hòa Phát": adjacent capitalised components of
            # one name; a foreign word here starts something else ("Bộ Ngoại
            # giao Hungary Szijjártó Péter")
            end = _component(syls, k, allow_lower=True)
            pair = (
                end < n
                and syls[end].text in "-–"
                and is_country(" ".join(x.text for x in syls[k:end]))
            )  # "Hiệp định ... Việt Nam - Liên minh ...": a pair of parties
            if (
                end > k
                and not pair
                and all(is_vi_syllable(x.text) for x in syls[k:end])
            ):
                k = end
                continue
        break
    return k


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
    while j < len(syls) and j - k <= _MAX_LOWER and syls[j].text.islower():
        if syls[j].tag != "N":
            return k
        j += 1
    return j if j > k + 1 and _person_at(syls, j) else k


def _listed(syls: Sequence[Syl], i: int) -> int:
    """End of ", Thể thao và Du lịch": a comma list closed by "và"."""
    k = i
    n = len(syls)
    while k < n:
        end = _component(syls, k, allow_lower=False)
        if end == k:
            return i
        k = end
        if k < n and syls[k].text == ",":
            k += 1
            continue
        if k < n and syls[k].text in _LINKS:
            last = _component(syls, k + 1, allow_lower=True)
            return last if last > k + 1 else i
        return i
    return i


def _org_at(syls: Sequence[Syl], i: int) -> Span | None:
    s = syls[i]
    if not s.word:
        return None
    if (m := _match(syls, i, _ADMIN_ORGS)) > 0 and s.text[:1].isupper():
        k = i + m
        if (a := _match(syls, k, ADMIN)) > 0:
            end = _admin_place(syls, k)
            k = end if end > k else k + a
        elif (m > 1 or s.text.isupper()) and not _person_at(syls, k):
            k = max(k, _cap_run(syls, k))  # "Tỉnh ủy Thanh Hóa"
        if k > i + 1 or (s.text.isupper() and len(s.text) > 2):
            return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:org-admin")
        # "Sở Tài chính", "Công an" alone: the ordinary rules below
    if (m := _match(syls, i, INSTITUTIONS)) > 0 and s.text[:1].isupper():
        return Span(s.start, syls[i + m - 1].end, Kind.ORG, "vi:institution")
    if _AGE_TEAM.match(s.text):
        k = _cap_run(syls, i + 1)
        if k > i + 1:
            return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:team")
    if (m := _match(syls, i, _LAW_HEADS)) > 0 and s.text[:1].isupper():
        k = _scan_name(syls, i + m, company=False, heads_ok=True)
        if k > i + m:
            return Span(s.start, syls[k - 1].end, Kind.TERM, "vi:law")
        return None
    if (m := _match(syls, i, LOCAL_ADMIN)) > 0 and s.text.islower():
        k = _admin_place(syls, i)
        if k > i:  # "quận Hai Bà Trưng": the unit word is part of the name
            return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:admin-place")
    if word_key(s.text) == _CHAU and i + 1 < len(syls) and syls[i + 1].cap:
        # "châu Á - Thái Bình Dương": a continent or region, hyphens included
        k = _cap_run(syls, i + 1)
        while k + 1 < len(syls) and syls[k].text == "-" and syls[k + 1].cap:
            k = _cap_run(syls, k + 1)
        return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:region")
    if (m := _match(syls, i, _STATE_HEADS)) > 0 and s.text[:1].isupper():
        # "Vương quốc Anh", "Liên bang Nga", "Cộng hòa xã hội chủ nghĩa Việt Nam"
        k = i + m
        while k < len(syls) and syls[k].text.islower() and k - i - m < _MAX_LOWER:
            k += 1
        end = _cap_run(syls, k)
        # a foreign name right after is a person: "Vương quốc Anh Dominic Raab"
        vi = [x for x in range(k + 1, end) if not is_vi_syllable(syls[x].text)]
        end = vi[0] if vi else end
        if end > k:
            return Span(s.start, syls[end - 1].end, Kind.PLACE, "vi:state")
        return None
    if (m := _match(syls, i, _PLACE_HEADS)) > 0 and s.text[:1].isupper():
        k = _scan_name(syls, i + m, company=False)
        if k > i + m:
            return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:place-head")
        return None
    m = _match(syls, i, ORG_HEADS)
    if m == 1 and s.key == _HOI and i + 1 < len(syls) and syls[i + 1].token == s.token:
        m = 0  # "Hội An" is a city, "Hội nghị" a meeting: "Hội" opens no body
    lower = _match(syls, i, _LOWER_HEADS)
    if m and s.text[:1].isupper():
        if syls[i + m - 1].end + 1 == (nxt := syls[min(i + m, len(syls) - 1)]).start:
            inner_sp = _org_at(syls, i + m) if nxt.cap else None
            if inner_sp is not None and inner_sp.kind is Kind.ORG:
                return Span(s.start, inner_sp.end, Kind.ORG, "vi:org-head")
        p = i + m + _match(syls, i + m, _PEOPLES)  # "Tòa án nhân dân cấp cao"
        if _match(syls, i, _COURTS) and (h := _match(syls, p, _HIGH)) > 0:
            end = _cap_run(syls, p + h)
            if end > p + h:
                return Span(s.start, syls[end - 1].end, Kind.ORG, "vi:court")
        company = _match(syls, i, _COMPANY_HEADS) > 0
        k = _scan_name(syls, i + m, company=company)
        if k == i + m:
            return None
        end = _admin_place(syls, k)
        # "Công ty cổ phần Tập đoàn Hòa Phát" is known as "Tập đoàn Hòa Phát":
        # the whole name is the mention, and the clustering keys and prefers
        # it without the legal form (vi_admin.strip_legal_form)
        return Span(s.start, syls[end - 1].end, Kind.ORG, "vi:org-head")
    if lower and s.text.islower():
        # "tập đoàn Hòa Phát", "đội tuyển Việt Nam": a fully capitalised name
        # after a lowercase category word; "đội tuyển U23 Việt Nam" is the team
        # "U23 Việt Nam".
        k = _cap_run(syls, i + lower)
        if (
            k > i + lower
            and not _AGE_TEAM.match(syls[i + lower].text)
            and not _person_at(syls, i + lower)
        ):
            return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:org-lower")
    return None


def admin_places(
    syls: Sequence[Syl], start: int, end: int
) -> list[tuple[int, int, int, bool]]:
    """Each "tỉnh Hà Tĩnh" / "xã Cẩm Thủy" inside the characters [start, end).

    Args:
        syls: the syllable stream.
        start: first character of the enclosing span.
        end: its end.

    Returns:
        (unit word start, name start, name end, local) in characters; `local`
        for units below the province, whose word is part of the place's name.
    """
    out = []
    for i, s in enumerate(syls):
        if start <= s.start < end and (n := _match(syls, i, ADMIN)):
            k = _admin_place(syls, i)
            if k > i and syls[k - 1].end <= end and syls[i + n].text[0].isalpha():
                local = _match(syls, i, LOCAL_ADMIN) == n
                out.append((s.start, syls[i + n].start, syls[k - 1].end, local))
    return out


def org_spans(text: str, syls: Sequence[Syl]) -> list[Span]:
    """Organisations, named sites and web outlets in `text`, left to right.

    Args:
        text: the document text.
        syls: its syllable stream (see `syllables`).

    Returns:
        Non-overlapping spans in text order.
    """
    found = [
        Span(m.start(), m.end(), Kind.ORG, "vi:web") for m in _DOMAIN.finditer(text)
    ]
    taken = [(sp.start, sp.end) for sp in found]
    i = 0
    while i < len(syls):
        if any(a <= syls[i].start < b for a, b in taken):
            i += 1
            continue
        sp = _org_at(syls, i)
        if sp is not None:
            sp = _stop_before(_no_link_at_end(sp, syls, i), syls, taken)
        if sp is None:
            i += 1
            continue
        found.append(sp)
        while i < len(syls) and syls[i].start < sp.end:
            i += 1
    found.sort(key=lambda sp: sp.start)
    return found


def _no_link_at_end(sp: Span, syls: Sequence[Syl], i: int) -> Span:
    """`sp` without a trailing "và" that the tagger glued to its last word."""
    end = i
    while end < len(syls) and syls[end].end <= sp.end:
        end += 1
    k = end
    while k - 1 > i and syls[k - 1].text in _LINKS:
        k -= 1
    if k == end:
        return sp
    return Span(sp.start, syls[k - 1].end, sp.kind, sp.source)


def _stop_before(
    sp: Span, syls: Sequence[Syl], taken: Sequence[tuple[int, int]]
) -> Span | None:
    """`sp` cut short of the first web outlet it runs into; None if nothing is left."""
    cut = min((a for a, _ in taken if sp.start < a < sp.end), default=None)
    if cut is None:
        return sp
    end = max((s.end for s in syls if sp.start < s.end <= cut), default=None)
    return None if end is None else Span(sp.start, end, sp.kind, sp.source)


# The scanners the feature and settlement scan (`vi_places`) shares.
match = _match
cap_run = _cap_run
