"""The kind a Vietnamese document shows for a name, from cues anywhere in it.

A name the text writes after a person cue ("ông", "bà"), as a byline, or with
the shape of a Vietnamese full name is a person; after an organisation cue or
as a news agency's credit an organisation; after a place cue, as a country, a
foreign place, a dateline or between a title and its person a place; as the
subject of a football verb a player.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.extract.vi_runs import after_credit
from glossary.extract.vi_syllables import SURNAMES, is_vi_syllable
from glossary.extract.vi_tokens import WORD, Context, cached_name_key
from glossary.lang import vi
from glossary.lang.en import EVENT_WORDS, ORG_HEADS
from glossary.model import Kind
from glossary.names.places import (
    country_short_name,
    english_country_name,
    is_country,
    is_currency,
    place_forms,
)
from glossary.names.vi_admin import province_unit
from glossary.names.vi_words import is_vietnamese_word
from glossary.names.world import english_place, gazetteer_kind
from glossary.text import fold, word_key

__all__ = ["between_kind", "name_kinds"]

# The word lists of `glossary.lang.vi`, matched on `word_key` (both tone
# styles, any case).
_PERSON_CUES = frozenset(word_key(s) for s in vi.PERSON_CUES)
_ORG_CUES = frozenset(word_key(s) for s in vi.ORG_CUES)
_CREDIT_CUES = frozenset(word_key(s) for s in vi.CREDIT_CUES)
_PLACE_CUES = frozenset(word_key(s) for s in vi.PLACE_CUES)
_PLAYER_VERBS = frozenset(word_key(s) for s in vi.PLAYER_VERBS)
_PLAYER_PASSES = frozenset(word_key(s) for s in vi.PLAYER_PASSES)
_PLACE_AFTER = frozenset(word_key(s) for s in vi.PLACE_AFTER_CUES)
_PLURALS = frozenset(word_key(s) for s in vi.PLURAL_MARKERS)
_TEAM_ROLES = frozenset(word_key(s) for s in vi.TEAM_ROLES)
_DATELINE_TOKENS = 8  # a dateline sits in the first few tokens of a text


def name_kinds(
    ctx: Context,
    parts: list[tuple[int, int]],
    title_ends: set[int],
    org_names: frozenset[str] = frozenset(),
) -> dict[str, Kind]:
    """Kind of each name (by name_key) from cues anywhere in the document.

    Args:
        ctx: the document's tokens.
        parts: the names, as token ranges [i, j).
        title_ends: the tokens right after a title.
        org_names: `name_key`s of the organisations the document names in
            full, and of their own names without the head ("Samsung" of
            "Tập đoàn Samsung").

    Returns:
        The kind shown for each name that has one. The strongest evidence
        wins (`_cued_kind`), the first mention among equals; then names
        listed with names of a kind take it (`_listed_kinds`); a name
        nothing speaks for gets the kind of its shape (`_shape_kind`).
    """
    kinds: dict[str, Kind] = {}
    strength: dict[str, int] = {}
    starts = dict(parts)
    ends = {b: a for a, b in starts.items()}
    for i, j in parts:
        key = cached_name_key(_surface(ctx, i, j))
        cued = _cued_kind(ctx, i, j, (starts, ends), title_ends)
        if cued is not None and cued[1] > strength.get(key, 0):
            kinds[key], strength[key] = cued
    _listed_kinds(ctx, parts, kinds)
    for i, j in parts:
        key = cached_name_key(_surface(ctx, i, j))
        if key not in kinds and (kind := _shape_kind(ctx, i, j, org_names)):
            kinds[key] = kind
    _listed_kinds(ctx, parts, kinds)
    return kinds


def _surface(ctx: Context, i: int, j: int) -> str:
    return ctx.text[ctx.tokens[i].start : ctx.tokens[j - 1].end]


# How strongly a cue speaks for a kind: a person's cue or byline, and an
# acronym of the name's initials, beat the shape of a full name, which beats
# the other cues.
_STRONG, _SHAPE, _CUE = 3, 2, 1


def _cued_kind(
    ctx: Context,
    i: int,
    j: int,
    parts: tuple[dict[int, int], dict[int, int]],
    title_ends: set[int],
) -> tuple[Kind, int] | None:
    """The kind one mention's context shows, with its strength (`parts`: the
    name parts' ends by start, and their starts by end)."""
    starts, ends = parts
    name = _surface(ctx, i, j)
    prev = _cue_before(ctx, i)
    sylls = WORD.findall(name)
    nxt = ctx.tokens[j].text if j < len(ctx.tokens) else ""
    place_after = _place_after(ctx, j)
    if is_currency(name) or _event_label(sylls):
        return Kind.OTHER, _STRONG  # "tỉ phú USD", "tại ASEAN Cup": no one
    if all(w in vi.BODY_ABBREVIATIONS for w in name.split()):
        return Kind.ORG, _STRONG  # "Chủ nhiệm UBKT TƯ": a body, abbreviated
    if prev & _PERSON_CUES and _plural_cue(ctx, i) and between_kind(name) is Kind.PLACE:
        # "các cầu thủ Bình Dương": a team; "các doanh nhân Belarus": a country
        return (Kind.ORG if prev & _TEAM_ROLES else Kind.PLACE), _STRONG
    if after_credit(ctx, i) and _opens_with_common_word(ctx, i):
        return Kind.ORG, _STRONG  # "(ảnh: Truyền hình Lào Cai)": an outlet
    if prev & _PERSON_CUES or _is_byline(ctx, i, j):
        return Kind.PERSON, _STRONG
    if _initials_after(ctx, j, sylls) or _initials_of(ctx, i, j, ends):
        return Kind.ORG, _STRONG  # "Hoàng Anh Gia Lai (HAGL)"
    if not place_after and (_full_name(ctx, i, sylls) or _middle_name_person(sylls)):
        return Kind.PERSON, _SHAPE
    if prev & _ORG_CUES or _is_agency(ctx, i, j):
        return Kind.ORG, _CUE
    if _is_country_before_person(ctx, i, j, starts, title_ends):
        return between_kind(name), _CUE
    if (
        prev & _PLACE_CUES
        or place_after
        or is_country(name)
        or _foreign_place(name)
        or (nxt in ("–", "—") and i < _DATELINE_TOKENS)  # "HÀ NỘI –"
    ):
        return Kind.PLACE, _CUE
    if _is_player(ctx, j, sylls) or _passed_by(ctx, i, sylls):
        return Kind.PERSON, _CUE
    return None


_EVENT_ENDS = EVENT_WORDS - ORG_HEADS


def _event_label(sylls: list[str]) -> bool:
    """ "ASEAN Cup", "SEA Games": a foreign name ending in an English event
    word is an event, whatever cue stands before it."""
    return (
        len(sylls) >= 2
        and sylls[-1].casefold() in _EVENT_ENDS
        and not all(map(is_vi_syllable, sylls))
    )


def _opens_with_common_word(ctx: Context, i: int) -> bool:
    """True if token i is a common word of two or more syllables, capitalised
    ("Truyền hình"): a source named so is an outlet, not a person."""
    text = ctx.tokens[i].text
    return " " in text and is_vietnamese_word(text)


def _plural_cue(ctx: Context, i: int) -> bool:
    """ "các cầu thủ X": a person cue made plural names a group; when X is a
    place, not persons listed ("các ông Lò Minh Hùng, ..."), it is the
    group's team or country."""
    toks = ctx.tokens
    return (
        i >= 2
        and word_key(toks[i - 1].text) in _PERSON_CUES
        and word_key(toks[i - 2].text) in _PLURALS
    )


def _full_name(ctx: Context, i: int, sylls: list[str]) -> bool:
    """A Vietnamese full name: a surname and two or three syllables."""
    return (
        sylls[0].lower() in SURNAMES
        and 3 <= len(sylls) <= 4
        and is_vi_syllable(sylls[-1])
        # one foreign syllable: "Cao Pendant Quang Vinh"
        and sum(not is_vi_syllable(s) for s in sylls) <= 1
        and (i == 0 or ctx.tokens[i - 1].text != "-")  # "châu Á - Thái Bình Dương"
    )


def between_kind(name: str) -> Kind:
    """The kind of a name between a title and its person: the person's
    country or place ("Thủ tướng Belarus Roman Golovchenko"), else the body
    he heads ("Chủ tịch Posco Choi Jeong-woo", "Chủ nhiệm UBKT Trần Cẩm Tú").
    """
    known = (
        is_country(name)
        or _foreign_place(name)
        or bool(place_forms(name))
        or country_short_name(name) is not None
    )
    return Kind.PLACE if known else Kind.ORG


def _place_after(ctx: Context, j: int) -> bool:
    """ "Sì Thâu Chải (Lai Châu), nơi ...": a place cue after the name, past
    a place in parentheses and a comma."""
    toks = ctx.tokens
    k = j
    if k < len(toks) and toks[k].text == "(":
        while k < len(toks) and toks[k].text != ")" and k - j < _CUE_WORDS + 2:
            k += 1
        k += 1
    if k + 1 >= len(toks) or toks[k].text != ",":
        return False
    words = WORD.findall(toks[k + 1].text)
    return bool(words) and word_key(words[0]) in _PLACE_AFTER


def _initials_after(ctx: Context, j: int, sylls: list[str]) -> bool:
    """ "Hoàng Anh Gia Lai (HAGL)": the name's initials in parentheses after
    it make an organisation's acronym; persons have none."""
    toks = ctx.tokens
    if len(sylls) < 2 or j + 2 >= len(toks) or toks[j].text != "(":
        return False
    acronym = toks[j + 1].text
    initials = "".join(s[0] for s in sylls)
    return (
        toks[j + 2].text == ")"
        and acronym.isupper()
        and (fold(acronym) == fold(initials))
    )


def _initials_of(ctx: Context, i: int, j: int, ends: dict[int, int]) -> bool:
    """ "(HAGL)" right after "Hoàng Anh Gia Lai": the acronym of that name."""
    toks = ctx.tokens
    if not (i > 1 and j < len(toks) and toks[i - 1].text == "("):
        return False
    if toks[j].text != ")" or (start := ends.get(i - 1)) is None:
        return False
    return _initials_after(ctx, i - 1, WORD.findall(_surface(ctx, start, i - 1)))


_LIST_LINKS = frozenset(vi.LIST_LINKS)
_COMMA = ","


def _listed_kinds(
    ctx: Context, parts: list[tuple[int, int]], kinds: dict[str, Kind]
) -> None:
    """Names listed with a person take its kind when they have a person's
    shape ("Đông Nhi, Đàm Vĩnh Hưng, Lý Nhã Kỳ hay Bảo Thy"), and a country's
    short name listed with a place is that country ("sang Mỹ và Anh")."""
    keys = [cached_name_key(_surface(ctx, i, j)) for i, j in parts]
    for n in _list_pairs(ctx, parts):
        (i, j), (k, m) = parts[n], parts[n + 1]
        for (a, b), key, other in (
            ((k, m), keys[n + 1], keys[n]),
            ((i, j), keys[n], keys[n + 1]),
        ):
            if key in kinds or other not in kinds:
                continue
            name = _surface(ctx, a, b)
            if kinds[other] is Kind.PERSON and _person_shape(name):
                kinds[key] = Kind.PERSON
            elif kinds[other] is Kind.PLACE and country_short_name(name):
                kinds[key] = Kind.PLACE


def _list_pairs(ctx: Context, parts: list[tuple[int, int]]) -> list[int]:
    """Indexes n of the names listed with the next one: one list word between
    them, in a chain that one "và" / "hay" closes (a comma alone is an
    apposition: "ông Sakai Manabu, Phó Chánh văn phòng")."""
    pairs: list[int] = []
    chain: list[int] = []
    for n in range(len(parts) - 1):
        j, k = parts[n][1], parts[n + 1][0]
        link = ctx.tokens[j].text.lower() if k == j + 1 else ""
        if link not in _LIST_LINKS:
            chain = []
            continue
        chain.append(n)
        if link != _COMMA:
            pairs.extend(chain)
            chain = []
    return pairs


def _person_shape(name: str) -> bool:
    """Two to four Vietnamese syllables, none a place's known name."""
    sylls = WORD.findall(name)
    return (
        2 <= len(sylls) <= 4
        and all(map(is_vi_syllable, sylls))
        and not place_forms(name)
        and not _foreign_place(name)
    )


# Japanese written in Hepburn romanisation: every syllable a mora.
_JAPANESE = re.compile(
    r"^(?:(?:[kgsztdnhbpmyrwjf]|sh|ch|ts|ky|gy|ny|hy|by|py|my|ry)?[aiueo]|n)+$"
)


def _shape_kind(ctx: Context, i: int, j: int, org_names: frozenset[str]) -> Kind | None:
    """The kind of a name nothing in the text speaks for, from its shape.

    A name that ends an organisation's name in the document is that body,
    and so is a brand's camel-cased word ("SoCar") or one foreign word after
    "của" ("công bố của Booking")
    ("Samsung" after "Tập đoàn Samsung"); a surname and one syllable that is
    no known place is a Chinese name in its Sino-Vietnamese reading ("Hà
    Vĩ"); two words of Japanese syllables a Japanese name ("Mariko Suga").
    """
    name = _surface(ctx, i, j)
    if cached_name_key(name) in org_names and between_kind(name) is Kind.ORG:
        return Kind.ORG
    if between_kind(name) is Kind.ORG and (
        _CAMEL.match(name) or _foreign_word_after_of(ctx, i, j)
    ):
        return Kind.ORG
    sylls = WORD.findall(name)
    if (
        len(sylls) == 2
        and sylls[0] in _SURNAMES_AS_WRITTEN
        and sylls[1][:1].isupper()
        and _person_shape(name)
        and country_short_name(sylls[0]) is None
    ):
        return Kind.PERSON
    if len(sylls) == 2 and all(
        len(s) > 2 and s[:1].isupper() and _JAPANESE.match(s.lower()) for s in sylls
    ):
        return Kind.PERSON if not _foreign_place(name) else None
    return None


_SURNAMES_AS_WRITTEN = frozenset(s.capitalize() for s in SURNAMES)
# A brand's inner capital ("SoCar", "PVCombank", "VinMart"); not the
# prefixes of family names ("McCain", "DeSantis", "LeBron").
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Da|La|Le|Van|Von|O')[A-Z][a-z]+[A-Z]\w*$")
_OF = word_key("của")


def _foreign_word_after_of(ctx: Context, i: int, j: int) -> bool:
    """ "công bố của Booking": one foreign word after "của" (of) is a body;
    a person there has a cue or a title, a place is known."""
    name = _surface(ctx, i, j)
    return (
        i > 0
        and word_key(ctx.tokens[i - 1].text) == _OF
        and " " not in name
        and not is_vi_syllable(name)
    )


def _is_player(ctx: Context, j: int, sylls: list[str]) -> bool:
    """ "Minh Khoa dứt điểm": a two-syllable given name, not a province,
    as the subject of a football verb is a player."""
    if len(sylls) != 2 or not all(map(is_vi_syllable, sylls)) or j >= len(ctx.tokens):
        return False
    after = WORD.findall(" ".join(t.text for t in ctx.tokens[j : j + 2]))
    return (
        bool(ctx.tokens[j].text[:1].isalpha())
        and any(word_key(" ".join(after[:n])) in _PLAYER_VERBS for n in (1, 2))
        and province_unit(" ".join(sylls)) is None
    )


def _passed_by(ctx: Context, i: int, sylls: list[str]) -> bool:
    """ "đường chọc khe của Vĩ Hào": a two-syllable given name, not a
    province, after "của" and a football pass is the player who made it."""
    if (
        len(sylls) != 2
        or i < 2
        or word_key(ctx.tokens[i - 1].text) != _OF
        or not all(map(is_vi_syllable, sylls))
    ):
        return False
    before = " ".join(t.text for t in ctx.tokens[max(0, i - 4) : i - 1])
    words = WORD.findall(before)[-3:]
    return (
        any(word_key(" ".join(words[-n:])) in _PLAYER_PASSES for n in (1, 2, 3))
        and province_unit(" ".join(sylls)) is None
    )


def _is_agency(ctx: Context, i: int, j: int) -> bool:
    """ "(ảnh: Yonhap)" and "(VTC News) - ..." opening a text: a news agency
    or outlet; one foreign word after a credit cue, or the source in
    parentheses before the dateline dash."""
    toks = ctx.tokens
    credit = (
        i >= 2
        and j == i + 1
        and toks[i - 1].text == ":"
        and word_key(toks[i - 2].text) in _CREDIT_CUES
        and not all(map(is_vi_syllable, WORD.findall(toks[i].text)))
    )
    source = (
        0 < i < _DATELINE_TOKENS
        and toks[i - 1].text == "("
        and j + 1 < len(toks)
        and toks[j].text == ")"
        and toks[j + 1].text in ("-", "–", "—")
    )
    return credit or source


_CUE_WORDS = 3  # syllables of the longest cue ("sân vận động")


def _cue_before(ctx: Context, i: int) -> frozenset[str]:
    """The word keys the name at token i may follow as a cue: the last one to
    three syllables before it, whatever the word segmenter joined ("tay thủ
    môn Trung Kiên" follows "thủ môn", "thủ đô Viêng Chăn" follows "thủ đô")."""
    if i == 0 or not WORD.fullmatch(ctx.tokens[i - 1].text.replace(" ", "_")):
        return frozenset()
    before = [t.text for t in ctx.tokens[max(0, i - _CUE_WORDS) : i]]
    return _cues_ending(" ".join(before))


# Names follow the same few words again and again ("Thủ tướng", "ông").
@lru_cache(maxsize=1 << 14)
def _cues_ending(before: str) -> frozenset[str]:
    """The word keys of the last one to three syllables of `before`."""
    sylls = WORD.findall(before)[-_CUE_WORDS:]
    return frozenset(word_key(" ".join(sylls[-n:])) for n in range(1, len(sylls) + 1))


# The middle names that mark a woman's or a man's full name.
_MIDDLE = frozenset({"Thị", "Văn"})


def _middle_name_person(sylls: list[str]) -> bool:
    """ "Vàng Thị Sì", "Lò Văn Pọm": a full name whatever its surname."""
    return (
        3 <= len(sylls) <= 4
        and sylls[1] in _MIDDLE
        and all(s[:1].isupper() and is_vi_syllable(s) for s in sylls)
    )


def _foreign_place(name: str) -> bool:
    """A country or city named in Vietnamese ("Triều Tiên", "Bình Nhưỡng"),
    or a place of the user's gazetteer."""
    return (
        english_country_name(name) is not None
        or english_place(name) is not None
        or gazetteer_kind(name) == "place"
    )


def _is_byline(ctx: Context, i: int, j: int) -> bool:
    """A name alone on its line, or after "ảnh:" / "(Theo ...": an author."""
    toks, text = ctx.tokens, ctx.text
    sylls = WORD.findall(text[toks[i].start : toks[j - 1].end])
    if not 2 <= len(sylls) <= 4 or not all(map(is_vi_syllable, sylls)):
        return False
    if (
        i >= 2
        and toks[i - 1].text == ":"
        and word_key(toks[i - 2].text) in _CREDIT_CUES
    ):
        return True
    # only spaces to the start and the end of its line (the text around it
    # is not copied, once per name)
    start = toks[i].start
    while start and text[start - 1] == " ":
        start -= 1
    if start and text[start - 1] != "\n":
        return False
    return _LINE_ENDS_AFTER.match(text, toks[j - 1].end) is not None


_LINE_ENDS_AFTER = re.compile(r" *(?:\n|\Z)")


def _is_country_before_person(
    ctx: Context, i: int, j: int, starts: dict[int, int], title_ends: set[int]
) -> bool:
    """'Thủ tướng Belarus Roman Golovchenko': a name between a title and a person."""
    return (
        i in title_ends
        and j in starts
        and ctx.tokens[j].start - ctx.tokens[j - 1].end <= 1
    )
