"""Passes of the per-document stage that link whole groups to each other.

Passes of `glossary.cluster.document.DOCUMENT_PASSES`: once every name of a document is
in a group, short organisation names join the longer name they begin,
two-word and initialled person names the one full name they abbreviate,
places and clubs the club they stand for, and provincial bodies get their
province.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from glossary.cluster.base import (
    GIVEN_NAME,
    PLACE_ADMIN_WORDS,
    DocumentState,
    Group,
    absorb_short_form,
    evidence_at,
    folded_words,
    is_acronym,
    name_key,
    name_words,
    norm_key,
    person_index,
    provincial_capital,
    split_words,
    strip_vi_unit,
    word_keys,
)
from glossary.extract.english import fold
from glossary.extract.nested import SOURCE as NESTED
from glossary.lang import vi
from glossary.lang.en import ORG_HEADS, PLACE_WORDS
from glossary.model import (
    FULL_FORM,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    SHORT_FORM,
    TITLE_KIND,
    Kind,
)
from glossary.names import places as restore
from glossary.names import world
from glossary.names.titles import is_title_word
from glossary.names.vi_admin import (
    document_province,
    expand_abbreviations,
    has_place,
    with_province,
)

# sets of `glossary.model`'s member constants, for the same reason
_PLACE_OR_ORG = frozenset({Kind.PLACE, Kind.ORG})
_ORG_OR_OTHER = frozenset({Kind.ORG, Kind.OTHER})
_PERSON_OR_OTHER = frozenset({Kind.PERSON, Kind.OTHER})


def link_org_short_forms(state: DocumentState) -> None:
    """Join short organisation and place names to the longer name they stand for.

    Short forms of organisation and place names join the one longer name
    of the document they stand for ("org-short-form").

    A short form begins the long name ("Van Thinh Phat" of "Van Thinh Phat
    Holdings Group", see `_begins`; "Ban cán sự đảng" of "Ban cán sự đảng
    UBND tỉnh", the body that owns it left out; abbreviations compared in
    full, "UBKT" of "UBKT T.Ư"), or, for a company, ends it after
    Vietnamese category words ("Hòa Phát" of "Tập đoàn Hòa Phát"). A body
    named by its unit word alone ("UBND tỉnh") that fits none stays in its
    document.
    """
    order = state.order
    longs = [g for g in order if g.kind in _PLACE_OR_ORG]
    # longs by their first and by their last folded word, in order: a short
    # form begins a long one, or ends one after category words
    by_first: dict[str, list[Group]] = {}
    by_last: dict[str, list[Group]] = {}
    for h in longs:
        hw = _org_words(h.members[0][0].text)
        if hw:
            by_first.setdefault(hw[0], []).append(h)
            by_last.setdefault(hw[-1], []).append(h)
    for g in order:
        if g.merged_into is not None or g.kind is TITLE_KIND:
            continue
        m0 = g.members[0][0]
        w = _org_words(m0.text)
        if len(w) < 1:
            continue
        opened = by_first.get(w[0])
        if opened is None and g.kind is not ORG and g.kind is not OTHER:
            continue  # a person or place opening no long name: no rule below fits
        fits = _opened(g, w, opened or ())
        if not fits and g.kind in _ORG_OR_OTHER:
            # "Hòa Phát" for "Tập đoàn Hòa Phát": a company's name after its
            # Vietnamese category words
            fits = [
                h
                for h in by_last.get(w[-1], ())
                if h is not g
                and h.merged_into is None
                and h.kind is ORG
                and _category_prefixed(w, h.members[0][0].text)
            ]
        fits = _settlement(fits)
        if len(fits) == 1:
            absorb_short_form(fits[0], g, "org-short-form")
        elif fits and all(_place_stem(g, h) for h in fits):
            g.kind = PLACE  # "Ban Gioc" of "Ban Gioc village/waterfall"
        elif g.kind is ORG and split_words(m0.text)[-1].lower() in _VI_UNITS:
            g.local = True  # "UBND tỉnh" of another document is another body


def _opened(g: Group, w: tuple[str, ...], longs: Iterable[Group]) -> list[Group]:
    """The groups of `longs` whose name `g` (folded words `w`) opens as a
    short form (`_begins`), or as a brand (`_brand_fits`).

    An acronym is no short form of a name it begins ("SK" of "SK Hynix")
    but when the rest is heads only ("FLC" of "FLC Group"); an abbreviation
    of words ("UBKT") is those words.
    """
    m0 = g.members[0][0]
    fits = _begins(g, w, longs)
    if is_acronym(m0.text) and expand_abbreviations(m0.text) == m0.text:
        return [h for h in fits if _heads_after(w, h)]
    if (
        len(w) == 1
        and g.kind in _ORG_OR_OTHER
        and _brand(m0.text)
        and any(m.source != NESTED for m, _, _ in g.members)
    ):  # a sponsor named inside a club's name is not the club
        return _brand_fits(g, w[0], longs)
    return fits


def _brand(text: str) -> bool:
    """True if `text` is one capitalised word that may be a brand: no head
    noun, title word, place or Vietnamese syllable ("Viettel", "Masan"; not
    "Party", "Hanoi", "Nam")."""
    return (
        " " not in text
        and text[:1].isupper()
        and fold(text) not in ORG_HEADS
        and fold(text) not in PLACE_WORDS
        and not is_title_word(text)
        and not restore.is_syllable(text)
        and not restore.place_forms(text)
        and world.english_place(text) is None
    )


def _brand_fits(g: Group, word: str, longs: Iterable[Group]) -> list[Group]:
    """The organisation a brand named alone stands for: the one of the
    document its name opens ("Vingroup" of "Vingroup JSC"), or of several
    the one group ("Viettel" of "Viettel Military Industry and Telecoms
    Group" beside "Viettel Post": a brand alone names the group, not one of
    its companies); none when that does not settle it."""
    opened = [
        h
        for h in longs
        if h is not g
        and h.merged_into is None
        and h.kind is ORG
        and len(hw := _org_words(h.members[0][0].text)) > 1
        and hw[0] == word
    ]
    if len(opened) <= 1:
        return opened
    groups = [
        h for h in opened if _GROUP_HEADS & set(_org_words(h.members[0][0].text)[1:])
    ]
    return groups if len(groups) == 1 else []


# Heads that name a group of companies, folded ("Tập đoàn").
_GROUP_HEADS = frozenset({"group", "holdings", "holding", "conglomerate"})


def _settlement(fits: list[Group]) -> list[Group]:
    """The one settlement among places `fits`, if there is one, else `fits`.

    "Ban Gioc" fits "Ban Gioc village" and "Ban Gioc waterfall": a
    settlement's bare name is the settlement (features add head nouns).
    """
    if len(fits) < 2 or any(h.kind is not PLACE for h in fits):
        return fits
    settled = [
        h for h in fits if folded_words(h.members[0][0].text)[-1] in PLACE_ADMIN_WORDS
    ]
    return settled if len(settled) == 1 else fits


def _heads_after(w: tuple[str, ...], h: Group) -> bool:
    """True if the name of `h` is the words `w` and organisation heads."""
    return all(x in ORG_HEADS for x in _org_words(h.members[0][0].text)[len(w) :])


@lru_cache(maxsize=1 << 14)
def _org_words(text: str) -> tuple[str, ...]:
    """The folded words of a name with its abbreviations in full ("UBKT T.Ư":
    "uy ban kiem tra trung uong"), so short and long forms compare."""
    return folded_words(expand_abbreviations(text))


# The bodies that own a committee or organ named before them, folded words.
_OWNERS = frozenset(tuple(fold(b).split()) for b in vi.OWNER_BODIES)


def _owned(g: Group, w: tuple[str, ...], rest: tuple[str, ...]) -> bool:
    """True if body `g` (words `w`) is a long name without the body that owns
    it (`rest`): "Ban cán sự đảng" of "Ban cán sự đảng UBND tỉnh", "UBKT" of
    "UBKT T.Ư", "T.Ư" of "T.Ư Đảng". A category head alone ("Ủy ban") is no
    body's name."""
    return (
        g.kind is ORG
        and len(w) >= 2
        and " ".join(w) not in _VI_HEADS
        and any(rest[: len(o)] == o for o in _OWNERS)
    )


_VI_HEADS = frozenset(fold(h) for h in vi.ORG_HEADS)


def _begins(g: Group, w: tuple[str, ...], longs: Iterable[Group]) -> list[Group]:
    """The groups of `longs` whose name `g` (folded words `w`) begins as a
    short form: an organisation's name ending in its head ("Intergovernmental
    Committee"), a name the long one only adds heads or administrative words
    to, or a body without the place after its unit word (`_unit_short`)."""
    fits = []
    for h in longs:
        if h is g or h.merged_into is not None:
            continue
        hw = _org_words(h.members[0][0].text)
        if len(hw) <= len(w) or hw[: len(w)] != w:
            continue
        if g.kind is PLACE and h.kind is not PLACE:
            continue  # "Hà Nội" the city is not "Hà Nội FC"
        if g.kind is PLACE and provincial_capital(h.members[0][0].text):
            continue  # the province "Lao Cai" is not "Lao Cai City"
        if g.roles and h.kind is not PERSON:
            continue  # "Ambassador Hoa" is not "Hoa province"
        rest = hw[len(w) :]
        org_short = g.kind is ORG and w[-1] in ORG_HEADS and len(w) >= 2
        # "Van Thinh Phat" for "... Holdings Group"; but "Government" is
        # not "Government Office": a name ending in a head is a body
        head_only = w[-1] not in ORG_HEADS and all(
            x in ORG_HEADS or x in PLACE_ADMIN_WORDS for x in rest
        )
        if (
            org_short
            or head_only
            or _unit_short(g, h)
            or _place_stem(g, h)
            or (h.kind is ORG and _owned(g, w, rest))
        ):
            fits.append(h)
    return fits


def _place_stem(g: Group, h: Group) -> bool:
    """True if `g` is an uncued name that place `h` only adds place head
    nouns to ("Ham Nghi" of "Ham Nghi Street"): the head noun is evidence
    of a place that beats a bare form's person guess."""
    if h.kind is not PLACE or g.kind not in _PERSON_OR_OTHER:
        return False
    if g.roles or any(m.title for m, _t, _e in g.members):
        return False
    w = folded_words(g.members[0][0].text)
    hw = folded_words(h.members[0][0].text)
    return len(hw) > len(w) and all(x in PLACE_WORDS for x in hw[len(w) :])


# Vietnamese category words before a company's own name ("Tập đoàn",
# "Công ty cổ phần", "Ngân hàng", "Công ty TNHH"), folded.
_VI_CATEGORY = frozenset(
    word for phrase in vi.COMPANY_CATEGORIES for word in fold(phrase).split()
)


def _category_prefixed(short: tuple[str, ...], long_text: str) -> bool:
    """True if `long_text` is category words followed by the words `short`."""
    hw = folded_words(long_text)
    n = len(short)
    return (
        len(hw) > n
        and hw[-n:] == short
        and all(x in _VI_CATEGORY for x in hw[:-n])
        and any(restore.has_diacritics(x) for x in split_words(long_text))
    )


def _unit_short(g: Group, h: Group) -> bool:
    """True if organisation `g` is `h` without the place after its unit word.

    "UBND tỉnh" is "UBND tỉnh Thanh Hóa"; "Sở Kế hoạch và Đầu tư" is "Sở Kế
    hoạch và Đầu tư tỉnh Hà Tĩnh" (the caller wants one such `h`).
    """
    if g.kind is not ORG or h.kind is not ORG:
        return False
    w = split_words(g.members[0][0].text)
    hw = split_words(h.members[0][0].text)
    rest = hw[len(w) :]
    if w[-1].lower() in _VI_UNITS or w[-1].lower() in _COMMITTEE:
        # "UBND tỉnh" of "UBND tỉnh Thanh Hóa"; "Tỉnh ủy", "Ban Thường vụ
        # Tỉnh ủy" of "(Ban Thường vụ) Tỉnh ủy Khánh Hòa"
        return len(rest) >= 1 and all(x[:1].isupper() for x in rest)
    n = 2 if [x.lower() for x in rest[:2]] == ["thành", "phố"] else 1
    return (
        len(rest) > n
        and (n == 2 or rest[0].lower() in _VI_UNITS)
        and all(x[:1].isupper() for x in rest[n:])
    )


# The Party committee of a province, city or district: "Tỉnh ủy", "Huyện ủy"
_COMMITTEE = frozenset({"ủy", "uỷ"})
# Vietnamese administrative words before a place's name in a body's name
_VI_UNITS = frozenset({"tỉnh", "phố", "huyện", "quận", "xã", "phường", "tp", "tp."})


def link_two_word_persons(state: DocumentState) -> None:
    """Join two-word and initialled names to the one full name they abbreviate.

    Two-word and initialled names join the one full name of the document
    they abbreviate, as short forms ("given-name").

    "Hoàng Đức" → "Nguyễn Hoàng Đức"; "Michael R.Pompeo" → "Michael Richard
    Pompeo".
    """
    order = state.order
    persons = [g for g in order if g.kind is PERSON and g.merged_into is None]
    # full forms do not change here (only short forms are added)
    tails = person_index(persons)
    for g in persons:
        forms = {m.text for m, t, _ in g.members if t is FULL_FORM}
        if g.merged_into is not None or len(forms) != 1:
            continue
        words = name_words(g.members[0][0])
        fits: list[Group] = []
        if len(words) == 2:
            fits = [
                h
                for h in tails.get(word_keys(words), ())
                if h is not g and h.merged_into is None
            ]
        if not fits and "." in g.members[0][0].text:  # see `_initials_match`
            fits = [
                h
                for h in persons
                if h is not g
                and h.merged_into is None
                and _initials_match(g.members[0][0].text, h.members[0][0].text)
            ]
        if len(fits) != 1:
            continue
        absorb_short_form(fits[0], g, GIVEN_NAME)


def _initials_match(short: str, long: str) -> bool:
    """True if `short` abbreviates `long` ("Michael R.Pompeo")."""
    a = [w for w in re.split(r"[\s.]+", short) if w]
    b = [w for w in re.split(r"[\s.]+", long) if w]
    if len(a) != len(b) or len(a) < 3 or a == b or "." not in short:
        return False
    return all(
        x == y or (len(x) == 1 and y.startswith(x)) for x, y in zip(a, b, strict=True)
    )


# Heads that make an organisation a sports club: "Hà Nội FC", "CLB Hà Nội".
_CLUB_HEADS = frozenset({"fc", "clb", "club", "sc"})


def link_club_places(state: DocumentState) -> None:
    """Move a player's "of PLACE" to the club named after that place.

    A player "of Hà Nội" in a document naming "Hà Nội FC" plays for the
    club: the place's mention moves to the club ("club-of-player").

    An organisation whose name is a place plus a club head is not that place,
    and "PERSON of PLACE" then refers to the club, not the city.
    """
    ms, order = state.mentions, state.order
    clubs: dict[str, Group] = {}
    for g in order:
        if g.kind is ORG and g.merged_into is None:
            w = split_words(g.members[0][0].text)
            if len(w) >= 2 and fold(w[-1]) in _CLUB_HEADS:
                clubs.setdefault(name_key(" ".join(w[:-1])), g)
            elif len(w) >= 2 and fold(w[0]) in _CLUB_HEADS:
                clubs.setdefault(name_key(" ".join(w[1:])), g)
    if not clubs:
        return
    persons = {m.end: m for m in ms if m.kind is PERSON}
    for g in order:
        if g.kind is not PLACE or g.merged_into is not None:
            continue
        for item in list(g.members):
            m = item[0]
            club = clubs.get(name_key(m.text))
            player = persons.get(m.start - len(" of "))
            if (
                club is None
                or player is None
                or f"{player.text} of {m.text}" not in m.context
            ):
                continue
            g.members.remove(item)
            club.add(
                m,
                SHORT_FORM,
                evidence_at("club-of-player", m, club.members[0][0].text),
            )


def link_club_names(state: DocumentState) -> None:
    """Join a club named by its place alone to the one club named after it.

    A club named by its place alone joins the one club of the document
    named after that place ("club-place-name").

    "Hà Nội" (typed a club by "Quan Văn Chuẩn (Hà Nội)") is "CLB Hà Nội";
    "Nam Định" is "Thép Xanh Nam Định", a sponsor's name before the place.
    A body whose place follows an administrative word ("UBND tỉnh Nam Định")
    is not a club.
    """
    order = state.order
    named = [
        g
        for g in order
        if g.kind is ORG
        and g.merged_into is None
        and restore.is_province(g.members[0][0].text)
    ]
    if not named:
        return
    live = [g for g in order if g.kind is ORG and g.merged_into is None]
    for g in named:
        text = g.members[0][0].text
        if g.merged_into is not None:
            continue
        if any(m.text != text for m, _, _ in g.members):
            continue
        fits = []
        for h in live:
            if h is g or h.merged_into is not None:
                continue
            w = split_words(h.members[0][0].text)
            n = len(split_words(text))
            if len(w) <= n or fold(" ".join(w)) == fold(text):
                continue
            if name_key(" ".join(w[-n:])) == name_key(text):
                before = w[:-n]
            elif name_key(" ".join(w[1:])) == name_key(text):
                before = w[:1]
            else:
                continue
            if fold(before[0]) in _CLUB_HEADS or (
                not any(
                    fold(x) in PLACE_ADMIN_WORDS or x.lower() in _VI_UNITS
                    for x in before
                )
                and all(x[:1].isupper() for x in before)
            ):
                fits.append(h)
        if len(fits) == 1:
            absorb_short_form(fits[0], g, "club-place-name")


def attach_provinces(state: DocumentState) -> None:
    """Provincial bodies written without their province get it in full.

    "Sở Xây dựng" in a document about one province, or the body of "... của
    tỉnh Thanh Hóa", gets the Vietnamese name "Sở Xây dựng tỉnh Thanh Hóa"
    and that name's key, so it meets the same body named in full elsewhere.
    The group's Vietnamese name and key change; the candidate's Vietnamese
    term records why ("province-of-document", `glossary.cluster.preferred`).
    """
    ms, order = state.mentions, state.order
    memo: list[str | None] = []

    def document() -> str | None:  # once per document, when first needed
        """The document's province, if it has one (`document_province`)."""
        if not memo:
            sentences = dict.fromkeys(m.context for m in ms)
            places = {strip_vi_unit(m.text) for m in ms if m.kind is PLACE}
            memo.append(document_province(sentences, places))
        return memo[0]

    for g in order:
        if g.kind is not ORG or g.merged_into is not None or g.vi_name:
            continue
        m0 = g.members[0][0]
        if m0.lang != "vi" or not restore.has_diacritics(m0.text):
            continue
        if any(has_place(t) for t in {m.text: None for m, _, _ in g.members}):
            continue  # named in full somewhere: nothing to add
        units = {
            unit
            for m, _, _ in g.members
            if (unit := with_province(m.text, m.context, document))
        }
        if len(units) == 1:
            g.vi_name = m0.text + units.pop()
            g.key = norm_key(g.vi_name, ORG)
