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

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache

from glossary.extract.vi_bodies import (
    ADMIN,
    INSTITUTIONS,
    LEGAL_FORMS,
    LINKS,
    LOCAL_ADMIN,
    MAX_LOWER,
    ORG_HEADS,
    PEOPLES,
    TITLES,
    admin_place,
    central_at,
    scan_name,
)
from glossary.extract.vi_syllables import (
    Span,
    Syl,
    cap_run,
    is_vi_syllable,
    keys,
    match,
    person_at,
)
from glossary.lang import vi
from glossary.model import Kind
from glossary.text import word_key

__all__ = ["admin_places", "org_spans", "own_name"]


# Acronym heads completed by an administrative place ("UBND tỉnh Thanh Hóa").
_ADMIN_ORGS = keys(*vi.ADMIN_BODIES)
# Lowercase heads that still open a name when a capitalised name follows.
_LOWER_HEADS = keys("công ty", "tập đoàn", "đội tuyển", "câu lạc bộ", "ngân hàng")
# Heads whose name may open with a legal form ("Công ty cổ phần ...").
_COMPANY_HEADS = keys("công ty", "tổng công ty", "ngân hàng", "ctcp")
# Heads of named buildings and sites, which are places.
_PLACE_HEADS = keys("nhà", "nhà hát", "sân vận động", "svđ", "sân bay", "cảng", "cung")
# Heads of a state's name, which is a place.
_STATE_HEADS = keys("vương quốc", "liên bang", "cộng hòa", "đại công quốc")
# Heads of laws and decrees: their names are terms, not bodies
# ("Luật Tổ chức Chính phủ" is not the body "Tổ chức Chính phủ").
_LAW_HEADS = keys(*vi.LAW_HEADS)
_SPOUSE_WORDS = frozenset(word_key(w) for w in vi.SPOUSE_WORDS)
# Courts of appeal: "TAND Cấp cao tại Hà Nội" (also Đà Nẵng, TP.HCM)
_COURTS = keys("tòa án", "tand", "viện kiểm sát", "vksnd")
_HIGH = keys("cấp cao tại")
# A state's missions abroad, named with where they are ("... tại nước Lào").
_MISSIONS = keys(*vi.MISSION_HEADS)
_AT = word_key("tại")
_COUNTRY_WORD = keys("nước")
_CHAU = word_key("châu")
_HOI = word_key("hội")
_DOMAIN = re.compile(r"(?<![\w.])[A-Za-z][\w-]*\.(?:vn|com|net|org)(?:\.vn)?(?!\w)")
_AGE_TEAM = re.compile(r"^U\d{2}$")


# What a rule of `_org_at` returns when it owns the position but finds no
# name there ("Luật" with no name after it): the later rules are not tried.
_NO_NAME = Span(-1, -1, Kind.OTHER, "")


def _admin_org(syls: Sequence[Syl], i: int) -> Span | None:
    """ "UBND tỉnh Thanh Hóa", "Tỉnh ủy Thanh Hóa", "HĐND": a body of an
    administrative unit with its place; "Sở Tài chính", "Công an" alone are
    left to the other rules."""
    s = syls[i]
    if not (m := match(syls, i, _ADMIN_ORGS)) or not s.text[:1].isupper():
        return None
    k = i + m
    if (a := match(syls, k, ADMIN)) > 0:
        end = admin_place(syls, k)
        k = end if end > k else k + a
    elif (m > 1 or s.text.isupper()) and not person_at(syls, k):
        k = max(k, cap_run(syls, k))  # "Tỉnh ủy Thanh Hóa"
    if k > i + 1 or (s.text.isupper() and len(s.text) > 2):
        return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:org-admin")
    return None


def _institution(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Chính phủ", "Quốc hội": a body named by its common noun alone;
    "T.Ư Đảng" is "Trung ương Đảng" with "Trung ương" abbreviated."""
    s = syls[i]
    if (m := match(syls, i, INSTITUTIONS)) > 0 and s.text[:1].isupper():
        return Span(s.start, syls[i + m - 1].end, Kind.ORG, "vi:institution")
    k = central_at(syls, i)
    if k > i and k < len(syls) and syls[k].key == _PARTY and syls[k].cap:
        return Span(s.start, syls[k].end, Kind.ORG, "vi:institution")
    return None


_PARTY = word_key("Đảng")


def _standing_organ(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Ban cán sự đảng", "Đảng đoàn": a body's standing organ named alone,
    without the body after it (the document's one, for clustering)."""
    s = syls[i]
    if not s.text[:1].isupper() or not (m := match(syls, i, _STANDING)):
        return None
    nxt = syls[i + m] if i + m < len(syls) else None
    if nxt is not None and nxt.word and (nxt.cap or match(syls, i + m, ADMIN)):
        return None  # "Ban Thường vụ Tỉnh ủy", "... thành phố X": the name goes on
    return Span(s.start, syls[i + m - 1].end, Kind.ORG, "vi:standing-organ")


_STANDING = keys(*vi.STANDING_HEADS)


def _age_team(syls: Sequence[Syl], i: int) -> Span | None:
    """ "U23 Việt Nam": an age-group team."""
    s = syls[i]
    if _AGE_TEAM.match(s.text):
        k = cap_run(syls, i + 1)
        if k > i + 1:
            return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:team")
    return None


def _law(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Luật Tổ chức Chính phủ": a law's name is a term, not a body."""
    s = syls[i]
    if not (m := match(syls, i, _LAW_HEADS)) or not s.text[:1].isupper():
        return None
    k = scan_name(syls, i + m, company=False, heads_ok=True)
    if k > i + m:
        return Span(s.start, syls[k - 1].end, Kind.TERM, "vi:law")
    return _NO_NAME


def _local_place(syls: Sequence[Syl], i: int) -> Span | None:
    """ "quận Hai Bà Trưng": below the province the unit word is part of the
    place's name."""
    s = syls[i]
    if match(syls, i, LOCAL_ADMIN) and s.text.islower() and not _spouse_word(syls, i):
        k = admin_place(syls, i)
        if k > i:
            return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:admin-place")
    return None


def _spouse_word(syls: Sequence[Syl], i: int) -> bool:
    """ "bà xã", "ông xã" (wife, husband): this "xã" is no commune."""
    return i > 0 and f"{syls[i - 1].key} {syls[i].key}" in _SPOUSE_WORDS


def _region(syls: Sequence[Syl], i: int) -> Span | None:
    """ "châu Á - Thái Bình Dương": a continent or region, hyphens included."""
    s = syls[i]
    if s.key != _CHAU or i + 1 >= len(syls) or not syls[i + 1].cap:
        return None
    k = cap_run(syls, i + 1)
    while k + 1 < len(syls) and syls[k].text == "-" and syls[k + 1].cap:
        k = cap_run(syls, k + 1)
    if syls[k - 1].text.isdigit():
        return _NO_NAME  # "U23 châu Á 2026": a year makes it an event's name
    return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:region")


def _state(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Vương quốc Anh", "Liên bang Nga", "Cộng hòa xã hội chủ nghĩa Việt
    Nam": a state's name is a place; a foreign name right after it is a
    person ("Vương quốc Anh Dominic Raab")."""
    s = syls[i]
    if not (m := match(syls, i, _STATE_HEADS)) or not s.text[:1].isupper():
        return None
    k = i + m
    while k < len(syls) and syls[k].text.islower() and k - i - m < MAX_LOWER:
        k += 1
    end = cap_run(syls, k)
    foreign = [x for x in range(k + 1, end) if not is_vi_syllable(syls[x].text)]
    end = foreign[0] if foreign else end
    if end > k:
        return Span(s.start, syls[end - 1].end, Kind.PLACE, "vi:state")
    return _NO_NAME


def _named_site(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Nhà hát Lớn", "Sân bay Nội Bài": a named building or site is a place."""
    s = syls[i]
    if not (m := match(syls, i, _PLACE_HEADS)) or not s.text[:1].isupper():
        return None
    k = scan_name(syls, i + m, company=False)
    if k > i + m:
        return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:place-head")
    return _NO_NAME


def _headed_org(syls: Sequence[Syl], i: int) -> Span | None:
    """ "Bộ Tài nguyên và Môi trường", "Công ty cổ phần Tập đoàn Hòa Phát": a
    capitalised category head and the body's own name, with its place.

    The whole name is the mention; the clustering keys and prefers it
    without the legal form (vi_admin.strip_legal_form).
    """
    s = syls[i]
    m = match(syls, i, ORG_HEADS)
    if m == 1 and s.key == _HOI and i + 1 < len(syls) and syls[i + 1].token == s.token:
        return None  # "Hội An" is a city, "Hội nghị" a meeting: "Hội" opens no body
    if not m or not s.text[:1].isupper():
        return None
    if syls[i + m - 1].end + 1 == (nxt := syls[min(i + m, len(syls) - 1)]).start:
        inner_sp = _org_at(syls, i + m) if nxt.cap else None
        if inner_sp is not None and inner_sp.kind is Kind.ORG:
            return Span(s.start, inner_sp.end, Kind.ORG, "vi:org-head")
    p = i + m + match(syls, i + m, PEOPLES)  # "Tòa án nhân dân cấp cao"
    if match(syls, i, _COURTS) and (h := match(syls, p, _HIGH)) > 0:
        end = cap_run(syls, p + h)
        if end > p + h:
            return Span(s.start, syls[end - 1].end, Kind.ORG, "vi:court")
    company = match(syls, i, _COMPANY_HEADS) > 0
    titled = any(match(syls, i - n, TITLES) == n for n in (1, 2, 3) if i >= n)
    k = scan_name(syls, i + m, company=company, lower_start=True, holder_follows=titled)
    if k == i + m:
        return _NO_NAME
    if match(syls, i, _MISSIONS):
        k = _mission_seat(syls, k)
    end = admin_place(syls, k)
    return Span(s.start, syls[end - 1].end, Kind.ORG, "vi:org-head")


def _mission_seat(syls: Sequence[Syl], k: int) -> int:
    """End of "tại (nước) CHDCND Lào" after a mission's name at k: an embassy
    is named with the country it is in; k if no such place follows."""
    if k >= len(syls) or syls[k].key != _AT:
        return k
    j = k + 1 + match(syls, k + 1, _COUNTRY_WORD)
    end = cap_run(syls, j)
    return end if end > j else k


def _lower_headed_org(syls: Sequence[Syl], i: int) -> Span | None:
    """ "tập đoàn Hòa Phát", "đội tuyển Việt Nam": a fully capitalised name
    after a lowercase category word; "đội tuyển U23 Việt Nam" is the team
    "U23 Việt Nam"."""
    s = syls[i]
    if not (lower := match(syls, i, _LOWER_HEADS)) or not s.text.islower():
        return None
    k = cap_run(syls, i + lower)
    if (
        k > i + lower
        and not _AGE_TEAM.match(syls[i + lower].text)
        and not person_at(syls, i + lower)
    ):
        return Span(s.start, syls[k - 1].end, Kind.ORG, "vi:org-lower")
    return None


# The rules of `_org_at`, in order: the first that owns a position decides.
_ORG_RULES = (
    _admin_org,
    _institution,
    _age_team,
    _law,
    _local_place,
    _region,
    _state,
    _named_site,
    _standing_organ,
    _headed_org,
    _lower_headed_org,
)


# The first syllables a rule of `_org_at` can start from: each rule but two
# starts with a phrase of its table; "T.Ư"/"TƯ"/"TW" and "U23" start with T, U.
_RULE_FIRSTS = frozenset(
    phrase[0]
    for table in (
        _ADMIN_ORGS, INSTITUTIONS, _LAW_HEADS, LOCAL_ADMIN, _STATE_HEADS,
        _PLACE_HEADS, _STANDING, ORG_HEADS, _LOWER_HEADS,
    )
    for phrase in table
) | {_CHAU}  # fmt: skip
_RULE_INITIALS = ("T", "U")
# The first syllables of each rule's table, and the first letters of the
# rules that start otherwise ("TƯ": Trung ương; "U23").
_RULE_TABLE_FIRSTS: dict[_Rule, frozenset[str]] = {
    rule: frozenset(phrase[0] for phrase in table)
    for rule, table in (
        (_admin_org, _ADMIN_ORGS), (_institution, INSTITUTIONS), (_law, _LAW_HEADS),
        (_local_place, LOCAL_ADMIN), (_region, frozenset({(_CHAU,)})),
        (_state, _STATE_HEADS), (_named_site, _PLACE_HEADS),
        (_standing_organ, _STANDING), (_headed_org, ORG_HEADS),
        (_lower_headed_org, _LOWER_HEADS),
    )
}  # fmt: skip
_INITIALS_OF: dict[_Rule, str] = {
    _institution: "".join({a[0] for a in vi.CENTRAL_ABBREVIATIONS}),
    _age_team: "U",
}


def _org_at(syls: Sequence[Syl], i: int) -> Span | None:
    """The organisation, named site, state or region starting at syllable i."""
    s = syls[i]
    if not s.word or (s.key not in _RULE_FIRSTS and s.text[0] not in _RULE_INITIALS):
        return None  # no rule starts here: most syllables, checked fast
    initial = s.text[0] if s.text[0] in _RULE_INITIALS else ""
    for rule in _rules_from(s.key, initial):
        if (sp := rule(syls, i)) is not None:
            return None if sp is _NO_NAME else sp
    return None


_Rule = Callable[[Sequence[Syl], int], Span | None]


@cache
def _rules_from(key: str, initial: str) -> tuple[_Rule, ...]:
    """The rules of `_ORG_RULES`, in order, that can start at a syllable of
    `key` whose first letter is `initial` ("" if neither T nor U); the
    others find nothing there by their first check."""
    return tuple(
        rule
        for rule in _ORG_RULES
        if key in _firsts_of(rule)
        or (initial and initial in _INITIALS_OF.get(rule, ""))
    )


def _firsts_of(rule: _Rule) -> frozenset[str]:
    return _RULE_TABLE_FIRSTS.get(rule, frozenset())


def _initials_of(rule: _Rule) -> str:
    return _INITIALS_OF.get(rule, "")


def own_name(name: str) -> str:
    """A body's own name, after its category head and legal form: "Samsung"
    of "Tập đoàn Samsung", "Hòa Phát" of "Công ty cổ phần Tập đoàn Hòa Phát";
    "" for a name that does not open with a head."""
    words = name.split()
    keys = [word_key(w) for w in words]
    start = 0
    for table in (_HEADS_BY_FIRST, _LEGAL_FORMS_BY_FIRST, _HEADS_BY_FIRST):
        heads = table.get(keys[start], ()) if start < len(keys) else ()
        start += max(
            (len(h) for h in heads if tuple(keys[start : start + len(h)]) == h),
            default=0,
        )
    return " ".join(words[start:]) if start else ""


def _by_first(table: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in table:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    return out


# `own_name` looks at the heads a name's first word opens, not at all of them
_HEADS_BY_FIRST = _by_first(ORG_HEADS)
_LEGAL_FORMS_BY_FIRST = _by_first(LEGAL_FORMS)


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
    first = bisect.bisect_left(syls, start, key=lambda s: s.start)  # text order
    for i in range(first, len(syls)):
        s = syls[i]
        if s.start >= end:
            break
        if n := match(syls, i, ADMIN):
            k = admin_place(syls, i)
            if k > i and syls[k - 1].end <= end and syls[i + n].text[0].isalpha():
                local = match(syls, i, LOCAL_ADMIN) == n
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
    found = _web_outlets(text)
    taken = [(sp.start, sp.end) for sp in found]
    # where a rule may start (as `_org_at` checks): few syllables
    starts = [
        i
        for i, s in enumerate(syls)
        if s.key and (s.key in _RULE_FIRSTS or s.text[0] in _RULE_INITIALS)
    ]
    after = 0  # the first syllable after the last span found
    for i in starts:
        if i < after:
            continue
        s = syls[i]
        if taken and any(a <= s.start < b for a, b in taken):
            continue
        sp = _org_at(syls, i)
        if sp is not None:
            sp = _stop_before(_no_link_at_end(sp, syls, i), syls, taken)
        if sp is None:
            continue
        found.append(sp)
        after = i
        while after < len(syls) and syls[after].start < sp.end:
            after += 1
    found.sort(key=lambda sp: sp.start)
    return found


def _web_outlets(text: str) -> list[Span]:
    """The web outlets ("chinhphu.vn") `text` names."""
    if not any(tld in text for tld in _TOP_LEVEL_DOMAINS):
        return []  # most texts: four scans at C speed, not the pattern's
    return [
        Span(m.start(), m.end(), Kind.ORG, "vi:web") for m in _DOMAIN.finditer(text)
    ]


# What every name `_DOMAIN` finds has in it.
_TOP_LEVEL_DOMAINS = (".vn", ".com", ".net", ".org")


def _no_link_at_end(sp: Span, syls: Sequence[Syl], i: int) -> Span:
    """`sp` without a trailing "và" that the tagger glued to its last word."""
    end = i
    while end < len(syls) and syls[end].end <= sp.end:
        end += 1
    k = end
    while k - 1 > i and syls[k - 1].text in LINKS:
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
